"""Imported at start-up by crawl children of the fault tests (put on PYTHONPATH): a scripted
DNS and one loopback address that counts as public, so hostile redirects and DNS rebinding
can be played against real Scrapy on this machine.

- KHABAR_FAKE_PUBLIC_IP: an address (e.g. 127.0.0.5) that `ipaddress` reports as global.
- KHABAR_FAKE_DNS: JSON {host: [answer, ...]}: one answer per lookup of that host, the last
  one repeated; "" makes that lookup fail. Other hosts resolve normally.

Installed before anything imports `socket` functions by name (Twisted does), so every
resolver in the child sees the same script.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import threading
from typing import Any

PUBLIC_IP = os.environ.get("KHABAR_FAKE_PUBLIC_IP", "")
SCRIPT: dict[str, list[str]] = json.loads(os.environ.get("KHABAR_FAKE_DNS", "{}"))
_lookups: dict[str, int] = {}
_lock = threading.Lock()
_real_getaddrinfo = socket.getaddrinfo
_real_gethostbyname = socket.gethostbyname


def _answer(host: str) -> str | None:
    """The scripted answer to this lookup of `host` (None: not scripted)."""
    name = str(host).lower().rstrip(".")
    answers = SCRIPT.get(name)
    if not answers:
        return None
    with _lock:
        count = _lookups.get(name, 0)
        _lookups[name] = count + 1
    answer = answers[min(count, len(answers) - 1)]
    if not answer:
        raise socket.gaierror(socket.EAI_NONAME, f"scripted DNS failure for {name}")
    return answer


def getaddrinfo(host: Any, port: Any, family: int = 0, type: int = 0, proto: int = 0, flags: int = 0) -> Any:  # noqa: A002
    answer = _answer(host) if isinstance(host, str) else None
    if answer is None:
        return _real_getaddrinfo(host, port, family, type, proto, flags)
    return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (answer, int(port or 0)))]


def gethostbyname(host: str) -> str:
    return _answer(host) or _real_gethostbyname(host)


def _patched(name: str, public: bool) -> property:
    original = getattr(ipaddress.IPv4Address, name)

    def value(self: ipaddress.IPv4Address) -> bool:
        if PUBLIC_IP and str(self) == PUBLIC_IP:
            return public
        return bool(original.__get__(self))

    return property(value)


if SCRIPT:
    socket.getaddrinfo = getaddrinfo
    socket.gethostbyname = gethostbyname
if PUBLIC_IP:
    ipaddress.IPv4Address.is_global = _patched("is_global", True)  # type: ignore[method-assign,assignment]
    ipaddress.IPv4Address.is_private = _patched("is_private", False)  # type: ignore[method-assign,assignment]
    ipaddress.IPv4Address.is_loopback = _patched("is_loopback", False)  # type: ignore[method-assign,assignment]
