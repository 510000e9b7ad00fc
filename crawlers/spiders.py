"""Generic spiders driven by a `Source`: RSS/Atom feeds, sitemaps and listing pages.

Each spider finds article URLs its own way and shares the rest (`SourceSpider`): the
article filter, the per-run article limit, extraction with `extract_page`, and counting
every failure by kind into the run's `CrawlRun`. Per-site quirks go into small named
hooks (`SiteHooks`), registered in `HOOKS` by source id.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any, ClassVar
from urllib.parse import urlsplit

import feedparser
import scrapy
from lxml import etree
from scrapy.http import Response
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots
from twisted.python.failure import Failure

from khabar.core.records import CrawlRun
from khabar.crawlers.extract import decode_html, extract_page, parse_datetime
from khabar.crawlers.items import ArticleItem
from khabar.crawlers.middlewares import classify_failure
from khabar.crawlers.sources import Source
from khabar.crawlers.urls import canonicalize_url

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


class TooLarge(ValueError):
    """A compressed body whose unpacked size exceeds the source's `max_page_bytes`."""


def unpack(body: bytes, max_size: int) -> bytes:
    """A feed or sitemap body, gunzipped (at most `max_size` bytes unpacked: TooLarge) when
    it is a gzip file; Content-Encoding gzip is already undone by Scrapy under the same cap."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        return gunzip(body, max_size=max_size)
    except ValueError as exc:  # Scrapy's decompression-size error is a ValueError
        raise TooLarge(f"gzip body unpacks to more than {max_size} bytes") from exc


# feedparser notes these without the document being broken.
_BENIGN_FEED_ISSUES = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


def feed_entries(parsed: Any) -> list[tuple[str, dict[str, Any]]]:
    """(link, {"feed": {title, published}}) for each RSS item or Atom entry feedparser found."""
    entries: list[tuple[str, dict[str, Any]]] = []
    for entry in parsed.entries:
        link = entry.get("link") or (entry.get("id") if entry.get("guidislink") else None)
        if link:
            published = entry.get("published") or entry.get("updated")
            entries.append((str(link), {"feed": {"title": entry.get("title"), "published": published}}))
    return entries


class RssSpider(SourceSpider):
    """Articles linked from RSS 2.0, RSS 1.0 or Atom feeds (parsed by feedparser)."""

    name = "khabar-rss"
    kind = "rss"

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        for url in self.source.urls:
            yield scrapy.Request(url, callback=self.parse_feed, errback=self.errback, dont_filter=True)

    def parse_feed(self, response: Response) -> Iterator[scrapy.Request]:
        self.saw_page(response)
        try:
            parsed = feedparser.parse(unpack(response.body, self.source.max_page_bytes))
        except TooLarge as exc:
            self.logger.info("too_large: %s (%s)", response.url, exc)
            self.count_error("too_large")
            return
        if not parsed.get("version") and not parsed.entries:
            self.count_error("malformed_feed")
            return
        if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), _BENIGN_FEED_ISSUES):
            self.count_error("malformed_feed")  # salvaged: what could be parsed is still used
        entries = [(response.urljoin(link), meta) for link, meta in feed_entries(parsed)]
        yield from self.article_requests(entries)


MAX_SITEMAP_DEPTH = 3  # start sitemap → index → index → sitemap


class SitemapSpider(SourceSpider):
    """Articles listed in XML sitemaps, parsed by Scrapy's `Sitemap` (gzip is fine, capped
    at `max_page_bytes` unpacked). Indexes are followed at most `MAX_SITEMAP_DEPTH` deep,
    each sitemap at most once, and at most `max_pages` child sitemaps per run, so an index
    that lists itself or a cycle of indexes ends. A start URL ending in `/robots.txt`
    follows the robots file's `Sitemap:` lines."""

    name = "khabar-sitemap"
    kind = "sitemap"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.sitemaps_seen: set[str] = set()
        self.child_sitemaps = 0

    def start_urls_requests(self) -> Iterable[scrapy.Request]:
        for url in self.source.urls:
            request = self.sitemap_request(url, depth=0)
            if request is not None:
                yield request

    def sitemap_request(self, url: str, depth: int) -> scrapy.Request | None:
        """A request for a sitemap not seen yet this run, within the depth and count limits."""
        key = canonicalize_url(url)
        if key in self.sitemaps_seen or depth > MAX_SITEMAP_DEPTH:
            return None
        if depth > 0:
            if self.child_sitemaps >= self.max_pages:
                return None
            self.child_sitemaps += 1
        self.sitemaps_seen.add(key)
        return scrapy.Request(url, callback=self.parse_sitemap, errback=self.errback, dont_filter=True, cb_kwargs={"depth": depth})

    def parse_sitemap(self, response: Response, depth: int) -> Iterator[scrapy.Request]:
        self.saw_page(response)
        if urlsplit(response.url).path.endswith("/robots.txt"):
            for url in sitemap_urls_from_robots(response.text, base_url=response.url):
                if (request := self.sitemap_request(url, depth + 1)) is not None:
                    yield request
            return
        try:
            sitemap = Sitemap(unpack(response.body, self.source.max_page_bytes))
            entries = list(sitemap)
        except TooLarge as exc:
            self.logger.info("too_large: %s (%s)", response.url, exc)
            self.count_error("too_large")
            return
        except (etree.LxmlError, StopIteration, AttributeError, TypeError):
            self.count_error("malformed_feed")
            return
        if sitemap.type not in ("urlset", "sitemapindex"):
            self.count_error("malformed_feed")
            return
        if sitemap.type == "sitemapindex":
            for entry in entries:
                if entry.get("loc") and (request := self.sitemap_request(response.urljoin(entry["loc"]), depth + 1)) is not None:
                    yield request
            return
        urls = [(response.urljoin(e["loc"]), {"feed": {"published": e.get("lastmod")}}) for e in entries if e.get("loc")]
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
