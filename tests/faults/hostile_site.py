"""A scripted local HTTP server for the crawl fault tests: routes by path, per-path hit counts."""

from __future__ import annotations

import gzip
import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE_TEXT = (
    "A roadside bomb struck a police patrol near the district headquarters on Monday morning, "
    "killing two officers and wounding three others, officials said. The provincial government "
    "condemned the attack and ordered an inquiry into the security lapse near the market."
)


@dataclass
class Route:
    """One scripted answer."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0


@dataclass
class Site:
    """Routes served by one server, and what was asked of it."""

    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter[str] = field(default_factory=Counter)
    base: str = ""

    def add(self, path: str, body: bytes | str = b"", **kwargs: object) -> None:
        self.routes[path] = Route(body.encode("utf-8") if isinstance(body, str) else body, **kwargs)  # type: ignore[arg-type]


def article_html(title: str, text: str = ARTICLE_TEXT, canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>"
            f"<p>{text}</p></article></body></html>")


def rss(links: list[str]) -> str:
    items = "".join(f"<item><title>{link}</title><link>{link}</link></item>" for link in links)
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link>http://x/</link>{items}</channel></rss>'


def sitemap_index(locs: list[str]) -> str:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'


def urlset(locs: list[str]) -> str:
    entries = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'


def gzip_bomb(compressed_bytes: int = 2 * 1024 * 1024) -> bytes:
    """About `compressed_bytes` of gzip that unpacks to ~1000 times as many zeros (gzip members
    concatenated: a valid multi-member gzip file, built in well under a second)."""
    member = gzip.compress(bytes(16 * 1024 * 1024), compresslevel=9)
    return member * max(1, compressed_bytes // len(member))


def free_port(*hosts: str) -> int:
    """A TCP port free on every one of `hosts`."""
    for _ in range(50):
        with socket.socket() as probe:
            probe.bind((hosts[0], 0))
            port = int(probe.getsockname()[1])
        try:
            for host in hosts[1:]:
                with socket.socket() as other:
                    other.bind((host, port))
        except OSError:
            continue
        return port
    raise RuntimeError("no common free port")


@contextmanager
def serve(site: Site, host: str = "127.0.0.1", port: int = 0, name: str | None = None) -> Iterator[Site]:
    """Serve `site` on host:port in a thread; `site.base` is http://NAME:PORT (NAME defaults to host)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's interface
            path = self.path.split("?", 1)[0]
            site.hits[path] += 1
            route = site.routes.get(path, Route(b"not found", status=404))
            if route.delay:
                time.sleep(route.delay)
            try:
                self.send_response(route.status)
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                self.wfile.write(route.body)
            except OSError:  # the crawler gave up on us
                pass

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    site.base = f"http://{name or host}:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
