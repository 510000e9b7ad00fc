"""URL canonicalisation, domain checks and the private-address guard."""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

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


def is_tracking_param(name: str) -> bool:
    """Whether a query parameter only tracks the reader (utm_*, fbclid, ...)."""
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def host_of(url: str) -> str:
    """The lowercased host name of a URL (no port)."""
    return (urlsplit(url).hostname or "").lower().rstrip(".")


def canonicalize_url(url: str) -> str:
    """A canonical form of `url`: lowercase scheme and host, no default port, no fragment,
    no tracking parameters, remaining query parameters sorted, empty path as `/`."""
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
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(k))
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def on_domains(url: str, domains: Iterable[str]) -> bool:
    """Whether the URL's host is one of `domains` or a subdomain of one."""
    host = host_of(url)
    return any(host == d or host.endswith("." + d) for d in domains)


def choose_canonical(fetched_url: str, declared: str | None, domains: Iterable[str]) -> str:
    """The article's canonical URL: the page's `<link rel=canonical>` when it is on an
    allowed domain, otherwise the URL it was fetched from; canonicalised either way."""
    domains = list(domains)
    if declared:
        absolute = urljoin(fetched_url, declared.strip())
        if absolute.startswith(("http://", "https://")) and on_domains(absolute, domains):
            return canonicalize_url(absolute)
    return canonicalize_url(fetched_url)


def _is_private_ip(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return bool(ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified)


@lru_cache(maxsize=1024)
def is_private_address(host: str) -> bool:
    """Whether `host` (an IP literal or a name, resolved) points at a loopback, private,
    link-local or otherwise non-public address. Names that do not resolve are not private
    (the download then fails as a connection error)."""
    host = host.strip("[]").lower().rstrip(".")
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _is_private_ip(host)
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, None)
    except (socket.gaierror, UnicodeError, OSError):
        return False
    return any(_is_private_ip(str(info[4][0])) for info in infos)
