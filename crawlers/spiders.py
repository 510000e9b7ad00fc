"""Generic spiders driven by a `Source`: RSS/Atom feeds, sitemaps and listing pages.

Each spider finds article URLs its own way and shares the rest (`SourceSpider`): the
article filter, the per-run article limit, extraction with `extract_page`, and counting
every failure by kind into the run's `CrawlRun`. Per-site quirks go into small named
hooks (`SiteHooks`), registered in `HOOKS` by source id.
"""

from __future__ import annotations

import gzip
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar

import scrapy
from khabar.crawlers.extract import decode_html, extract_page, parse_datetime
from khabar.crawlers.items import ArticleItem
from khabar.crawlers.middlewares import classify_failure
from khabar.crawlers.sources import Source
from khabar.crawlers.urls import canonicalize_url
from lxml import etree
from scrapy.http import Response
from twisted.python.failure import Failure

from khabar.core.records import CrawlRun

ProgressCallback = Callable[[dict[str, Any]], None]
HTML_TYPES = ("text/html", "application/xhtml", "text/plain", "")


class SiteHooks:
    """Per-site overrides. Subclass and register in `HOOKS` under the source id."""

    def article_url(self, url: str) -> str | None:
        """Rewrite an article URL before it is fetched, or return None to skip it."""
        return url

    def clean_item(self, item: ArticleItem, response: Response) -> ArticleItem:
        """Adjust an extracted article (e.g. strip a site's fixed footer)."""
        return item


HOOKS: dict[str, SiteHooks] = {}


def hooks_for(source: Source) -> SiteHooks:
    """The hooks registered for a source, or the no-op defaults."""
    return HOOKS.get(source.id, SiteHooks())


class SourceSpider(scrapy.Spider):
    """What every Khabar spider shares; subclasses implement `start_urls_requests`."""

    name = "khabar-source"
    kind: ClassVar[str] = ""

    def __init__(
        self,
        source: Source,
        run: CrawlRun | None = None,
        max_articles: int | None = None,
        max_pages: int | None = None,
        progress: ProgressCallback | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(name=f"{self.kind}:{source.id}", **kwargs)
        self.source = source
        self.run = run or CrawlRun(source_id=source.id)
        self.allowed_domains = list(source.allowed_domains)
        self.max_articles = min(source.max_articles_per_run, max_articles or source.max_articles_per_run)
        self.max_pages = min(source.max_pages, max_pages or source.max_pages)
        self.progress = progress
        self.hooks = hooks_for(source)
        self.patterns = source.compiled_patterns
        self.requested: set[str] = set()

    # -- starting ----------------------------------------------------------------
    async def start(self) -> AsyncIterator[Any]:
        for request in self.start_urls_requests():
            yield request

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        raise NotImplementedError

    # -- bookkeeping ---------------------------------------------------------------
    def count_error(self, kind: str, amount: int = 1) -> None:
        """Add to one of the run's error counters and report progress."""
        setattr(self.run.errors, kind, getattr(self.run.errors, kind) + amount)
        self.report()

    def saw_page(self, response: Response) -> None:
        """Count a fetched page and its bytes."""
        self.run.pages_fetched += 1
        self.run.bytes += len(response.body)
        self.report()

    def report(self) -> None:
        """Send the run's counters to whoever watches (the parent process)."""
        if self.progress is not None:
            self.progress({"event": "progress", "run": self.run.model_dump(mode="json", exclude={"duration_seconds", "error_count"})})

    def errback(self, failure: Failure) -> None:
        """Count a failed request by kind."""
        kind = classify_failure(failure)
        self.logger.info("%s: %s (%s)", kind, getattr(failure.request, "url", "?"), failure.getErrorMessage())  # type: ignore[attr-defined]
        self.count_error(kind)

    # -- articles ----------------------------------------------------------------
    def is_article_url(self, url: str) -> bool:
        """Whether a URL matches the source's article patterns (no patterns: any URL)."""
        return not self.patterns or any(p.search(url) for p in self.patterns)

    def article_request(self, url: str, meta: dict[str, Any] | None = None) -> scrapy.Request | None:
        """A request for an article page, unless filtered, already requested or over the limit."""
        rewritten = self.hooks.article_url(url)
        if not rewritten or not rewritten.startswith(("http://", "https://")) or not self.is_article_url(rewritten):
            return None
        key = canonicalize_url(rewritten)
        if key in self.requested or len(self.requested) >= self.max_articles:
            return None
        self.requested.add(key)
        return scrapy.Request(rewritten, callback=self.parse_article, errback=self.errback, meta=meta or {})

    def article_requests(self, urls: Iterable[tuple[str, dict[str, Any]]]) -> Iterator[scrapy.Request]:
        for url, meta in urls:
            request = self.article_request(url, meta)
            if request is not None:
                yield request

    def parse_article(self, response: Response) -> Iterator[ArticleItem]:
        """Extract one article page; count parse failures and pages without text."""
        self.saw_page(response)
        content_type = (response.headers.get("Content-Type") or b"").decode("latin-1").lower()
        if not content_type.split(";")[0].strip().startswith(HTML_TYPES):
            self.count_error("parse_failure")
            return
        try:
            page = extract_page(decode_html(response.body, content_type), response.url)
        except Exception as exc:  # extraction must never stop the crawl
            self.logger.warning("cannot extract %s: %s", response.url, exc)
            self.count_error("parse_failure")
            return
        if len(page.text.strip()) < self.source.min_text_chars:
            self.count_error("empty_text")
            return
        feed: dict[str, Any] = response.meta.get("feed", {})
        item = ArticleItem(
            fetched_url=response.url,
            title=page.title or feed.get("title") or "",
            text=page.text,
            paragraphs=list(page.paragraphs),
            authors=list(page.authors),
            published_at=page.published_at or feed_date(feed.get("published")),
            language=page.language or self.source.language,
            declared_canonical=page.canonical_url,
        )
        yield self.hooks.clean_item(item, response)


def feed_date(value: str | None) -> datetime | None:
    """A date from a feed or sitemap: RFC 822 (RSS) or ISO 8601 (Atom, sitemaps)."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return parse_datetime(value)


def parse_xml(body: bytes) -> tuple[Any | None, bool]:
    """Parse a feed or sitemap: (root element or None, well_formed). Gzip is unpacked;
    a broken document is parsed again in recovery mode to salvage what it holds."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = gzip.decompress(body)
        except (OSError, EOFError):
            return None, False
    try:
        return etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True)), True
    except etree.XMLSyntaxError:
        pass
    try:
        root = etree.fromstring(body, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        root = None
    return root, False


def _local(element: Any) -> str:
    return etree.QName(element).localname.lower() if isinstance(element.tag, str) else ""


def _child_text(element: Any, name: str) -> str | None:
    for child in element:
        if _local(child) == name and (child.text or "").strip():
            return str(child.text).strip()
    return None


def feed_entries(root: Any) -> list[tuple[str, dict[str, Any]]]:
    """(link, {title, published}) for each RSS item or Atom entry."""
    entries: list[tuple[str, dict[str, Any]]] = []
    for element in root.iter():
        name = _local(element)
        if name not in ("item", "entry"):
            continue
        link = _child_text(element, "link")
        if name == "entry" or not link:
            for child in element:
                if _local(child) == "link" and child.get("href") and child.get("rel", "alternate") == "alternate":
                    link = child.get("href")
                    break
        if not link:
            guid = next((c for c in element if _local(c) == "guid" and c.get("isPermaLink", "true") != "false"), None)
            link = (guid.text or "").strip() if guid is not None else None
        if link:
            published = _child_text(element, "pubdate") or _child_text(element, "published") or _child_text(element, "updated")
            entries.append((link, {"feed": {"title": _child_text(element, "title"), "published": published}}))
    return entries


class RssSpider(SourceSpider):
    """Articles linked from RSS 2.0, RSS 1.0 or Atom feeds."""

    name = "khabar-rss"
    kind = "rss"

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        for url in self.source.urls:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.errback, dont_filter=True)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.saw_page(response)
        root, well_formed = parse_xml(response.body)
        if root is None or _local(root) not in ("rss", "feed", "rdf"):
            self.count_error("malformed_feed")
            return
        if not well_formed:
            self.count_error("malformed_feed")
        entries = [(response.urljoin(link), meta) for link, meta in feed_entries(root)]
        yield from self.article_requests(entries)


class SitemapSpider(SourceSpider):
    """Articles listed in XML sitemaps (sitemap indexes are followed, gzip is fine)."""

    name = "khabar-sitemap"
    kind = "sitemap"

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        for url in self.source.urls:
            yield self.sitemap_request(url)

    def sitemap_request(self, url: str) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.errback, dont_filter=True)

    def parse_sitemap(self, response: Response) -> Iterator[scrapy.Request]:
        self.saw_page(response)
        root, well_formed = parse_xml(response.body)
        if root is None or _local(root) not in ("urlset", "sitemapindex"):
            self.count_error("malformed_feed")
            return
        if not well_formed:
            self.count_error("malformed_feed")
        entries = [(element, _child_text(element, "loc")) for element in root if _local(element) in ("url", "sitemap")]
        if _local(root) == "sitemapindex":
            for _element, loc in entries[: self.max_pages]:
                if loc:
                    yield self.sitemap_request(response.urljoin(loc))
            return
        urls = [(response.urljoin(loc), {"feed": {"published": _child_text(el, "lastmod")}}) for el, loc in entries if loc]
        yield from self.article_requests(urls)


class ListingSpider(SourceSpider):
    """Articles linked from listing pages (`link_selector`), following `next_selector`
    pagination up to `max_pages` pages."""

    name = "khabar-listing"
    kind = "listing"

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        for url in self.source.urls:
            yield self.listing_request(url, 1)

    def listing_request(self, url: str, page: int) -> scrapy.Request:
        return scrapy.Request(url, callback=self.parse_listing, errback=self.errback, cb_kwargs={"page": page})

    def parse_listing(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        self.saw_page(response)
        links = response.css(f"{self.source.link_selector}::attr(href)").getall()
        yield from self.article_requests((response.urljoin(link), {}) for link in links)
        next_link = response.css(f"{self.source.next_selector}::attr(href)").get()
        if next_link and page < self.max_pages:
            yield self.listing_request(response.urljoin(next_link), page + 1)


SPIDERS: dict[str, type[SourceSpider]] = {"rss": RssSpider, "sitemap": SitemapSpider, "listing": ListingSpider}


def spider_for(source: Source) -> type[SourceSpider]:
    """The spider class for a source's kind."""
    return SPIDERS[source.kind]
