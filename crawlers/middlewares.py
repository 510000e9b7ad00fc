"""Downloader middleware guarding every request of a crawl, and failure classification.

`GuardMiddleware` (replacing Scrapy's OffsiteMiddleware) refuses requests to hosts off
the source's allowed domains and to non-global IP literals (unless the source allows
private addresses), also after redirects. Host names are checked by `GuardedResolver`,
the crawl's DNS resolver: it resolves each name once, refuses it when no address is
global, and pins the checked address, so the connection goes to exactly the address
that was checked (no DNS rebinding between check and connect); a name that does not
resolve is never fetched. `RedirectLoopMiddleware` turns redirect loops into a clear
failure. Refusals raise subclasses of `IgnoreRequest` (or fail the DNS lookup), so they
reach the request's errback, where `classify_failure` maps every failure to a
`CrawlErrors` counter.
"""

from __future__ import annotations

import socket
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

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
from twisted.internet import defer, threads
from twisted.internet import error as twisted_error
from twisted.internet.interfaces import IResolverSimple
from twisted.python.failure import Failure
from zope.interface import implementer

from khabar.crawlers.sources import Source
from khabar.crawlers.urls import canonicalize_url, host_of, is_global_ip, is_private_address, on_domains

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.settings import BaseSettings
    from twisted.internet.base import ReactorBase

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


class OffDomainRefused(IgnoreRequest):
    """The request's host is not on the source's allowed domains."""


class PrivateAddressRefused(IgnoreRequest):
    """The request's host is a private, loopback or link-local address."""


class PrivateAddressLookup(twisted_error.DNSLookupError):
    """A host name resolved only to non-global addresses (the DNS lookup is failed)."""


# Names GuardedResolver refused in this (crawl) process, with why: Twisted reports a failed
# lookup as "no results", so failures are classified by host through this record.
REFUSED_NAMES: dict[str, str] = {}


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
            raise PrivateAddressRefused(f"{host_of(request.url)!r} is not a global address (set allow_private_addresses to crawl it)")


@implementer(IResolverSimple)
class GuardedResolver:
    """The crawl's DNS resolver (Scrapy's `TWISTED_DNS_RESOLVER`): every host name is
    resolved once with `socket.getaddrinfo`, its first global IPv4 address is pinned for
    the rest of the crawl and is the address the connection uses. Names with no global
    address are refused (unless `KHABAR_ALLOW_PRIVATE`), names that do not resolve fail."""

    def __init__(self, reactor: ReactorBase, *, allow_private: bool, timeout: float) -> None:
        self.reactor = reactor
        self.allow_private = allow_private
        self.timeout = timeout
        self.pinned: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler, reactor: ReactorBase) -> GuardedResolver:
        settings: BaseSettings = crawler.settings
        return cls(reactor, allow_private=settings.getbool("KHABAR_ALLOW_PRIVATE"), timeout=settings.getfloat("DNS_TIMEOUT"))

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)  # type: ignore[arg-type] # zope's @implementer is invisible to mypy

    def getHostByName(self, name: str, timeout: Sequence[int] = ()) -> defer.Deferred[str]:  # noqa: N802 - Twisted's interface
        """The pinned address of `name`, resolving and checking it on first use."""
        key = name.lower().rstrip(".")
        if key in self.pinned:
            return defer.succeed(self.pinned[key])
        reactor: Any = self.reactor  # provides IReactorFromThreads and IReactorTime (zope interfaces)
        lookup: defer.Deferred[str] = threads.deferToThreadPool(reactor, reactor.getThreadPool(), self.resolve, key)
        lookup.addTimeout(self.timeout, reactor)
        return lookup

    def resolve(self, name: str) -> str:
        """Resolve and check one name (in a thread); pins and returns the address."""
        if key_pinned := self.pinned.get(name):
            return key_pinned
        try:
            infos = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
        except (OSError, UnicodeError) as exc:
            raise twisted_error.DNSLookupError(f"{name}: {exc}") from exc
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        usable = addresses if self.allow_private else [a for a in addresses if is_global_ip(a)]
        if not usable:
            REFUSED_NAMES[name] = ", ".join(addresses)
            raise PrivateAddressLookup(f"{name} resolves to non-global address(es) {', '.join(addresses) or '(none)'}"
                                       " (set allow_private_addresses to crawl it)")
        return self.pinned.setdefault(name, usable[0])



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
    if isinstance(exc, (CannotResolveHostError, twisted_error.DNSLookupError)):
        request = getattr(failure, "request", None)
        if request is not None and host_of(request.url) in REFUSED_NAMES:
            return "private_address"
    kinds: list[tuple[tuple[type[BaseException], ...], str]] = [
        ((OffDomainRefused,), "off_domain"),
        ((PrivateAddressRefused, PrivateAddressLookup), "private_address"),
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
        if "download_maxsize" in message:  # Content-Encoding bomb stopped by HttpCompressionMiddleware
            return "too_large"
        if "redirection" in message or "redirect" in message:
            return "redirect_loop"
        if "offsite" in message:
            return "off_domain"
    return "other"
