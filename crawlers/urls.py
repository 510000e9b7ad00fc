"""URL canonicalisation (w3lib), domain checks and the non-global-address policy."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from tldextract import TLDExtract
from w3lib.url import canonicalize_url as w3lib_canonicalize_url

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "ocid",
        "cmpid",
        "ref",
        "ref_src",
        "ref_url",
        "referrer",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "_gl",
        "spm",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "hsa_", "__twitter", "at_", "ns_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_MULTI_SLASH = re.compile(r"/{2,}")
# The Public Suffix List snapshot bundled with tldextract (no network fetch).
_SUFFIXES = TLDExtract(suffix_list_urls=(), cache_dir=None)


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter only tracks the reader (utm_*, fbclid, ...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def host_of(url: str) -> str:
    """The lowercased host name of a URL (no port)."""
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def canonicalize_url(url: str) -> str:
    """A canonical form of `url`: no tracking parameters, lowercase host, no default port,
    no repeated slashes, then w3lib's canonical form (sorted query, normalised
    percent-encoding, no fragment, empty path as `/`)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower().rstrip(".")
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    port = parts.port
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    path = _MULTI_SLASH.sub("/", parts.path) or "/"
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k)]
    return w3lib_canonicalize_url(urlunsplit((scheme, netloc, path, urlencode(query), "")))


def on_domains(url: str, domains: Iterable[str]) -> bool:
    """Whether the URL's host is one of `domains` or a subdomain of one."""
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def site_of(url: str) -> str:
    """The registered domain of a URL's host (`news.bbc.co.uk` → `bbc.co.uk`); the host
    itself for IP addresses and names without a public suffix (`localhost`)."""
    host = host_of(url)
    return _SUFFIXES(host).top_domain_under_public_suffix or host


def choose_canonical(fetched_url: str, declared: str | None, domains: Iterable[str]) -> str:
    """The article's canonical URL: the page's `<link rel=canonical>` when it is on an
    allowed domain AND on the same site (registered domain) as the page itself,
    otherwise the URL it was fetched from; canonicalised either way."""
    domains = list(domains)
    if declared:
        absolute = urljoin(fetched_url, declared.strip())
        if (absolute.startswith(("http://", "https://")) and on_domains(absolute, domains)
                and site_of(absolute) == site_of(fetched_url)):
            return canonicalize_url(absolute)
    return canonicalize_url(fetched_url)


def parse_ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address a host literal names (IPv4-mapped IPv6 unwrapped), or None for a name."""
    try:
        ip = ipaddress.ip_address(host.strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    return ip


def is_global_ip(address: str) -> bool:
    """Whether an IP address is globally routable (`ip.is_global`, multicast excluded):
    loopback, private, link-local, shared (100.64.0.0/10), documentation, reserved
    and unspecified addresses are not."""
    ip = parse_ip(address)
    return ip is not None and ip.is_global and not ip.is_multicast


@lru_cache(maxsize=1024)
def is_private_address(host: str) -> bool:
    """Whether `host` names a non-global address without resolving it: an IP literal
    that is not global, or `localhost`. Names are checked after resolution, by the
    crawl's resolver (`khabar.crawlers.middlewares.GuardedResolver`), on the very
    address the connection then uses."""
    host = host.strip("[]").lower().rstrip(".")
    if not host:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return True
    if parse_ip(host) is not None:
        return not is_global_ip(host)
    return False
