"""Item pipelines: canonical URL → dedup/versioning → store.

Crawler settings they read: `KHABAR_SETTINGS` (a `khabar.core.settings.Settings`),
`KHABAR_DRY_RUN` (store nothing, report each article instead), `KHABAR_FLUSH_ITEMS`
and `KHABAR_FLUSH_SECONDS` (how often buffered writes go to Elasticsearch).

Every article is written as one whole document (or one partial update of one document),
so a crawl killed at any moment leaves no half-written article; what was still buffered
is simply fetched again by the next run, and ids from canonical URLs prevent duplicates.

A page may give another URL as its canonical only on its own site (`choose_canonical`),
and may not replace the stored text of an article it was not fetched as: a page whose
declared canonical names an existing article with other text, which never listed the
page's own URL, is stored under its own URL instead (no canonical hijack).

When Elasticsearch cannot be reached for the duplicate lookups, the article is not
dropped: it is written as an upsert (its whole text, NLP pending) through the writer,
which spools it while Elasticsearch is away, and the run counts a `storage` error; the
spool is replayed once Elasticsearch is back, so every fetched article ends up stored
once, with its newest text.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import DropItem

from khabar.core.records import Article, article_id, content_hash, utcnow
from khabar.core.settings import Settings
from khabar.crawlers.items import ArticleItem
from khabar.crawlers.spiders import SourceSpider
from khabar.crawlers.urls import canonicalize_url, choose_canonical
from khabar.index.store import ArticleStore, Store, StoreError, StoreUnavailable
from khabar.index.writer import BulkWriter

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


class _Pipeline:
    """Gives each pipeline its crawler, spider and settings (Scrapy ≥ 2.13 style, no spider args)."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler)

    @property
    def spider(self) -> SourceSpider:
        return self.crawler.spider  # type: ignore[return-value]

    @property
    def settings(self) -> Settings:
        return self.crawler.settings.get("KHABAR_SETTINGS")  # type: ignore[no-any-return]

    @property
    def dry_run(self) -> bool:
        return self.crawler.settings.getbool("KHABAR_DRY_RUN")


class CanonicalUrlPipeline(_Pipeline):
    """Set the article's canonical URL (its `<link rel=canonical>` when on an allowed domain)."""

    def process_item(self, item: ArticleItem) -> ArticleItem:
        item.url = choose_canonical(item.fetched_url, item.declared_canonical, self.spider.source.allowed_domains)
        return item


@dataclass
class SeenThisRun:
    """Documents decided on during this run, for lookups before they are searchable."""

    by_id: dict[str, dict[str, Any]] = field(default_factory=dict)
    by_hash: dict[str, dict[str, Any]] = field(default_factory=dict)

    def remember(self, doc: dict[str, Any]) -> None:
        self.by_id[doc["id"]] = doc
        self.by_hash[doc["content_hash"]] = doc


class DedupPipeline(_Pipeline):
    """Decide whether an article is new, a new version, unchanged or a duplicate of another
    URL's text, and prepare the write (`item.outcome`, `item.document`)."""

    articles: ArticleStore | None = None

    def open_spider(self) -> None:
        self.seen = SeenThisRun()
        if not self.dry_run:
            self.articles = Store.connect(self.settings).articles

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not item.url:
            raise DropItem("no canonical URL")
        article = self.build_article(item)
        try:
            existing = self.find_by_id(article.id)
            if existing is not None and self.claims_other_article(item, article, existing):
                item.url = canonicalize_url(item.fetched_url)
                article = self.build_article(item)
                existing = self.find_by_id(article.id)
            if existing is None:
                original = self.find_by_hash(article.content_hash)
        except (StoreUnavailable, StoreError) as exc:
            self.undecided(item, article, exc)
            return item
        if existing is not None:
            self.decide_same_url(item, article, existing)
        else:
            if original is not None:
                self.decide_duplicate(item, article, original)
            else:
                item.outcome, item.document = "new", article.model_dump(mode="json")
        if item.outcome in ("new", "updated"):
            self.seen.remember(item.document or {})
        return item

    def claims_other_article(self, item: ArticleItem, article: Article, existing: dict[str, Any]) -> bool:
        """Whether a page fetched from another URL declares an existing article's URL as its
        canonical while holding other text, and was never seen as that article: a hijack."""
        fetched = canonicalize_url(item.fetched_url)
        if fetched == item.url or fetched in existing.get("urls", []):
            return False
        if existing.get("content_hash") == article.content_hash:
            return False
        self.spider.logger.warning("%s declares %s as its canonical URL but holds other text: stored under its own URL",
                                   item.fetched_url, item.url)
        return True

    def undecided(self, item: ArticleItem, article: Article, exc: Exception) -> None:
        """Elasticsearch unreachable for the lookups: upsert the article (spooled by the writer
        while Elasticsearch is away) with its newest text, and count a storage error."""
        self.spider.logger.warning("duplicate lookup for %s failed (%s): article written as an upsert", item.url, type(exc).__name__)
        self.spider.count_error("storage")
        doc = article.model_dump(mode="json")
        changed = {k: doc[k] for k in ("title", "text", "paragraphs", "authors", "published_at", "fetched_at", "last_seen",
                                       "language", "content_hash", "outlet", "source_id", "tags", "country")}
        item.outcome, item.document, item.upsert = "undecided", {**changed, "nlp_status": "pending"}, doc

    def build_article(self, item: ArticleItem) -> Article:
        """The article record for a fresh fetch (first version)."""
        source = self.spider.source
        now = utcnow()
        urls = [item.url] + ([item.fetched_url] if item.fetched_url != item.url else [])
        return Article(
            url=item.url,
            urls=urls,
            source_id=source.id,
            outlet=source.name,
            title=item.title,
            text=item.text,
            paragraphs=item.paragraphs,
            authors=item.authors,
            published_at=item.published_at,
            fetched_at=now,
            first_seen=now,
            last_seen=now,
            language=item.language,
            country=source.country,
            tags=source.tags,
            content_hash=content_hash(item.text),
        )

    def decide_same_url(self, item: ArticleItem, article: Article, existing: dict[str, Any]) -> None:
        """Same URL: unchanged (touch `last_seen`), seen under a new URL, or a new version."""
        if existing.get("content_hash") == article.content_hash:
            self.add_urls(item, article, existing)
            return
        doc = article.model_dump(mode="json")
        doc.update(
            version=int(existing.get("version", 1)) + 1,
            first_seen=existing.get("first_seen", doc["first_seen"]),
            urls=_merge(existing.get("urls", []), doc["urls"]),
            nlp_status="pending",
        )
        item.outcome, item.document = "updated", doc

    def decide_duplicate(self, item: ArticleItem, article: Article, original: dict[str, Any]) -> None:
        """Same text under another URL: one article with both URLs."""
        item.url = original["url"]
        self.add_urls(item, article, original)

    @staticmethod
    def add_urls(item: ArticleItem, article: Article, known: dict[str, Any]) -> None:
        """Same text as a stored article: record any new URL (duplicate), else unchanged."""
        now = article.last_seen.isoformat()
        urls = _merge(known.get("urls", []), article.urls)
        if urls == known.get("urls", []):
            item.outcome, item.document = "unchanged", {"last_seen": now}
            return
        known["urls"] = urls
        item.outcome, item.document = "duplicate", {"urls": urls, "last_seen": now}

    def find_by_id(self, doc_id: str) -> dict[str, Any] | None:
        if doc_id in self.seen.by_id or self.articles is None:
            return self.seen.by_id.get(doc_id)
        doc = self.articles.get_doc(doc_id)
        if doc is None:
            return None
        self.seen.by_id[doc_id] = doc
        return doc

    def find_by_hash(self, digest: str) -> dict[str, Any] | None:
        if digest in self.seen.by_hash or self.articles is None:
            return self.seen.by_hash.get(digest)
        doc = self.articles.first_with_content_hash(digest)
        if doc is None:
            return None
        self.seen.by_hash[digest] = doc
        return doc


def _merge(first: list[str], second: list[str]) -> list[str]:
    """Both lists' URLs, in order, without repeats."""
    return list(dict.fromkeys([*first, *second]))


class StorePipeline(_Pipeline):
    """Write each decided article through the `BulkWriter` and count the outcome in the run
    (dry run: report the article to the parent instead)."""

    writer: BulkWriter | None = None

    def open_spider(self) -> None:
        self.flush_items = self.crawler.settings.getint("KHABAR_FLUSH_ITEMS", 10)
        self.flush_seconds = self.crawler.settings.getfloat("KHABAR_FLUSH_SECONDS", 2.0)
        self.pending = 0
        self.last_flush = time.monotonic()
        if not self.dry_run:
            self.writer = Store.connect(self.settings).writer()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        run = self.spider.run
        if item.outcome != "undecided":  # counted as a storage error by DedupPipeline
            setattr(run, f"articles_{item.outcome}", getattr(run, f"articles_{item.outcome}") + 1)
        if self.writer is None:
            self.preview(item)
        elif item.document is not None:
            self.write(item)
        self.spider.report()
        return item

    def write(self, item: ArticleItem) -> None:
        assert self.writer is not None and item.document is not None
        doc_id = article_id(item.url)
        if item.outcome in ("new", "updated"):
            self.writer.index("articles", doc_id, item.document)
        elif item.outcome == "undecided":
            self.writer.update("articles", doc_id, item.document, upsert=item.upsert)
        else:
            self.writer.update("articles", doc_id, item.document)
        self.pending += 1
        if self.pending >= self.flush_items or time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self.writer is not None and self.pending:
            result = self.writer.flush()
            if result.spooled or result.dead_lettered:  # the run must not look clean
                self.spider.count_error("storage", result.spooled + result.dead_lettered)
        self.pending = 0
        self.last_flush = time.monotonic()

    def preview(self, item: ArticleItem) -> None:
        if self.spider.progress is not None:
            published = item.published_at.isoformat() if item.published_at else None
            self.spider.progress(
                {"event": "article", "url": item.url, "title": item.title, "published_at": published,
                 "outlet": self.spider.source.name, "chars": len(item.text)}
            )

    def close_spider(self) -> None:
        if self.writer is not None:
            self.flush()
            try:
                self.writer.refresh_indices("articles")
            except (StoreUnavailable, StoreError) as exc:  # the articles are spooled
                self.spider.logger.warning("cannot refresh the articles index: %s", exc)
