"""Item pipelines: canonical URL → dedup/versioning → store.

Crawler settings they read: `KHABAR_SETTINGS` (a `khabar.core.settings.Settings`),
`KHABAR_DRY_RUN` (store nothing, report each article instead), `KHABAR_FLUSH_ITEMS`
and `KHABAR_FLUSH_SECONDS` (how often buffered writes go to Elasticsearch).

Every article is written as one whole document (or one partial update of one document),
so a crawl killed at any moment leaves no half-written article; what was still buffered
is simply fetched again by the next run, and ids from canonical URLs prevent duplicates.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from elasticsearch import Elasticsearch, NotFoundError
from khabar.crawlers.items import ArticleItem
from khabar.crawlers.urls import choose_canonical
from khabar.index.client import es_client
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter
from scrapy.exceptions import DropItem

from khabar.core.records import Article, article_id, content_hash, utcnow

if TYPE_CHECKING:
    from khabar.crawlers.spiders import SourceSpider
    from scrapy.crawler import Crawler

    from khabar.core.settings import Settings


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

    es: Elasticsearch | None = None

    def open_spider(self) -> None:
        self.seen = SeenThisRun()
        if not self.dry_run:
            self.es = es_client(self.settings)
            self.index = alias_name(self.settings, "articles")

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if not item.url:
            raise DropItem("no canonical URL")
        article = self.build_article(item)
        existing = self.find_by_id(article.id)
        if existing is not None:
            self.decide_same_url(item, article, existing)
        else:
            original = self.find_by_hash(article.content_hash)
            if original is not None:
                self.decide_duplicate(item, article, original)
            else:
                item.outcome, item.document = "new", article.model_dump(mode="json")
        if item.outcome in ("new", "updated"):
            self.seen.remember(item.document or {})
        return item

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
        if doc_id in self.seen.by_id or self.es is None:
            return self.seen.by_id.get(doc_id)
        try:
            doc: dict[str, Any] = self.es.get(index=self.index, id=doc_id)["_source"]
        except NotFoundError:
            return None
        self.seen.by_id[doc_id] = doc
        return doc

    def find_by_hash(self, digest: str) -> dict[str, Any] | None:
        if digest in self.seen.by_hash or self.es is None:
            return self.seen.by_hash.get(digest)
        hits = self.es.search(index=self.index, query={"term": {"content_hash": digest}}, size=1, sort=[{"first_seen": "asc"}])
        found = hits["hits"]["hits"]
        if not found:
            return None
        doc: dict[str, Any] = found[0]["_source"]
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
            self.writer = BulkWriter(es_client(self.settings), self.settings)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        run = self.spider.run
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
        else:
            self.writer.update("articles", doc_id, item.document)
        self.pending += 1
        if self.pending >= self.flush_items or time.monotonic() - self.last_flush >= self.flush_seconds:
            self.flush()

    def flush(self) -> None:
        if self.writer is not None and self.pending:
            self.writer.flush()
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
            self.writer.refresh_indices("articles")
