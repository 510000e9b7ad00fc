"""Downloader middleware guarding every request of a crawl, and failure classification.

`GuardMiddleware` (replacing Scrapy's OffsiteMiddleware) refuses requests to hosts off
the source's allowed domains and to private addresses (unless the source allows them),
also after redirects; `RedirectLoopMiddleware` turns redirect loops into a clear failure. Refusals raise
subclasses of `IgnoreRequest`, so they reach the request's errback, where
`classify_failure` maps every failure to a `CrawlErrors` counter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from khabar.crawlers.urls import canonicalize_url, host_of, is_private_address, on_domains
from scrapy import Request
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_error
from twisted.python.failure import Failure

if TYPE_CHECKING:
    from khabar.crawlers.sources import Source
    from scrapy.crawler import Crawler

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class OffDomainRefused(IgnoreRequest):
    """The request's host is not on the source's allowed domains."""


class PrivateAddressRefused(IgnoreRequest):
    """The request's host is a private, loopback or link-local address."""


class RedirectLoop(IgnoreRequest):
    """A redirect leads back to a URL already visited in the same redirect chain."""


class GuardMiddleware:
    """Refuse off-domain and private-address requests; detect redirect loops."""

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> GuardMiddleware:
        return cls(crawler)

    @property
    def source(self) -> Source:
        return self.crawler.spider.source  # type: ignore[union-attr,no-any-return]

    def process_request(self, request: Request) -> None:
        source = self.source
        if not on_domains(request.url, source.allowed_domains):
            self.crawler.stats.inc_value("khabar/off_domain")  # type: ignore[union-attr]
            raise OffDomainRefused(f"{host_of(request.url)!r} is not one of {source.allowed_domains}")
        if not source.allow_private_addresses and is_private_address(host_of(request.url)):
            raise PrivateAddressRefused(f"{host_of(request.url)!r} is a private address (set allow_private_addresses to crawl it)")



class RedirectLoopMiddleware:
    """Fail a redirect that leads back into its own chain (runs before RedirectMiddleware
    sees the response, so the loop is reported instead of silently filtered as a duplicate)."""

    def process_response(self, request: Request, response: Response) -> Response:
        location = response.headers.get("Location")
        if response.status in REDIRECT_STATUSES and location:
            target = canonicalize_url(urljoin(request.url, location.decode("latin-1")))
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if target in {canonicalize_url(url) for url in chain}:
                raise RedirectLoop(f"redirect loop: {' -> '.join([*chain, target])}")
        return response


def classify_failure(failure: Failure) -> str:
    """The `CrawlErrors` counter a failed request belongs to."""
    exc: Any = failure.value
    kinds: list[tuple[tuple[type[BaseException], ...], str]] = [
        ((OffDomainRefused,), "off_domain"),
        ((PrivateAddressRefused,), "private_address"),
        ((RedirectLoop,), "redirect_loop"),
        ((HttpError,), "http_status"),
        ((DownloadTimeoutError, twisted_error.TimeoutError, TimeoutError), "timeout"),
        ((DownloadCancelledError,), "too_large"),
        (
            (
                CannotResolveHostError,
                DownloadConnectionRefusedError,
                DownloadFailedError,
                ResponseDataLossError,
                twisted_error.DNSLookupError,
                twisted_error.ConnectError,
                twisted_error.ConnectionLost,
                ConnectionError,
            ),
            "connection",
        ),
    ]
    for types, kind in kinds:
        if isinstance(exc, types):
            return kind
    if isinstance(exc, IgnoreRequest):
        message = str(exc).lower()
        if "robots.txt" in message:
            return "robots_denied"
        if "redirection" in message or "redirect" in message:
            return "redirect_loop"
        if "offsite" in message:
            return "off_domain"
    return "other"
