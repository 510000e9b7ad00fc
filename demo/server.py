"""Threaded HTTP server for the Khabar demo news site, with fault routes for crawler tests.

    python3 -m khabar.demo.server --port 8765 [--root DIR] [--verbose] [--slow-seconds 5]

Library use (tests)::

    server, base = serve_in_thread(port=0)   # base == "http://127.0.0.1:<port>"
    ...
    server.shutdown(); server.server_close()
"""
from __future__ import annotations

import argparse
import posixpath
import sys
import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

DEFAULT_ROOT = Path(__file__).resolve().parent / "site"
PLACEHOLDER = b"{{BASE}}"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".jsonl": "application/x-ndjson; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
}
SUBSTITUTE = {".html", ".htm", ".xml", ".txt"}

_PKT = timezone(timedelta(hours=5))

_GOOD_PARAS = [
    "QUETTA: Two people were injured when unidentified men hurled a hand grenade at a grocery shop in Quetta on Monday evening, police said.",
    "According to police officials, the attackers arrived on a motorcycle, threw the grenade into the shop and fled towards the city centre. The blast damaged the front of the shop and two parked cars, and shattered the windows of nearby houses.",
    "The injured, the shopkeeper and a customer, were shifted to the Civil Hospital, where doctors said their condition was stable. A police officer said no one was killed in the attack.",
    "No group claimed responsibility. Police said they were examining footage from cameras installed in the market and had taken two suspects into custody for questioning.",
    "Traders in the area staged a protest later in the evening and demanded better security for markets in the provincial capital. The provincial home minister took notice of the incident and sought a report from the police chief within twenty-four hours.",
]

_LATIN1_PARAS = [
    "PESHAWAR: Police said on Sunday that a roadside bomb was defused near a café on the Ring Road, averting what officials called a “major tragedy”.",
    "The bomb disposal squad said the device — around three kilogrammes of explosives — was hidden in a rubbish bin. No one was hurt, and traffic resumed after an hour.",
    "Officials praised the café’s owner, who alerted the police after noticing a suspicious bag. “We are grateful to the citizens,” the superintendent said, adding that patrolling would be increased.",
    "The area’s residents said the incident had revived memories of earlier attacks in the city, and called for more checkpoints and cameras on the busy road. The provincial government announced a cash reward for the café owner.",
]


def _page(title: str, paras: list[str], published: str = "2025-06-02T09:00:00+05:00", charset: str = "utf-8") -> str:
    body = "".join(f"<p>{escape(p)}</p>" for p in paras)
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head>"
            f"<meta charset=\"{charset}\"><title>{escape(title)}</title>"
            f"<meta property=\"og:title\" content=\"{escape(title)}\">"
            "<meta name=\"author\" content=\"Fault Desk\">"
            f"<meta property=\"article:published_time\" content=\"{published}\">"
            "</head><body><header><nav><a href=\"/\">Home</a></nav></header>"
            f"<article><h1>{escape(title)}</h1><p class=\"byline\">By Fault Desk</p>{body}</article>"
            "<footer>Khabar demo fault page</footer></body></html>\n")


def _fault_rss(base: str) -> str:
    items = [
        ("/faults/good.html", "Two injured in Quetta grenade attack"),
        ("/faults/error500.html", "Server error page"),
        ("/faults/notfound.html", "Missing page"),
        ("/faults/slow.html", "Slow page"),
        ("/faults/big.html", "Very large page"),
        ("/faults/loop1.html", "Redirect loop"),
        ("/faults/latin1.html", "Bomb defused near Peshawar café"),
        ("/faults/script-only.html", "Script-only page"),
        ("/faults/offsite.html", "Off-site redirect"),
    ]
    start = datetime(2025, 6, 2, 9, 0, tzinfo=_PKT)
    out = []
    for i, (path, title) in enumerate(items):
        url = base + path
        out.append(f"<item><title>{escape(title)}</title><link>{url}</link><guid>{url}</guid>"
                   f"<pubDate>{format_datetime(start - timedelta(hours=i))}</pubDate>"
                   f"<description>{escape(title)}</description></item>")
    return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>"
            f"<title>Khabar fault feed</title><link>{base}/faults/</link>"
            "<description>Pages that misbehave, for crawler tests</description>"
            + "".join(out) + "</channel></rss>\n")


def _big_page() -> str:
    para = ("<p>This filler paragraph exists only to make the page very large. It describes nothing "
            "and mentions no incident; a crawler should enforce a maximum response size.</p>\n")
    n = (3 * 1024 * 1024) // len(para) + 1
    return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Big page</title></head><body>" + para * n + "</body></html>\n"


class DemoHandler(BaseHTTPRequestHandler):
    server_version = "KhabarDemo/1.0"
    protocol_version = "HTTP/1.1"

    # ------------------------------------------------------------------ helpers
    @property
    def base_url(self) -> str:
        return self.server.base_url  # type: ignore[attr-defined]

    def log_message(self, format, *args):  # noqa: A002 - stdlib signature
        if getattr(self.server, "verbose", False):
            sys.stderr.write(f"{self.address_string()} - - [{self.log_date_time_string()}] {format % args}\n")

    def _send(self, status: int, body: bytes, ctype: str, head_only: bool = False, extra: dict | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _redirect(self, location: str, head_only: bool) -> None:
        body = f'<html><body>Moved to <a href="{escape(location)}">{escape(location)}</a></body></html>'.encode()
        self._send(302, body, "text/html; charset=utf-8", head_only, {"Location": location})

    def _not_found(self, head_only: bool) -> None:
        self._send(404, b"<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n",
                   "text/html; charset=utf-8", head_only)

    # ------------------------------------------------------------------ routing
    def do_HEAD(self):  # noqa: N802
        self._handle(head_only=True)

    def do_GET(self):  # noqa: N802
        self._handle(head_only=False)

    def _handle(self, head_only: bool) -> None:
        try:
            path = unquote(urlsplit(self.path).path)
            if path.startswith("/faults/"):
                self._fault(path, head_only)
            else:
                self._static(path, head_only)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def _static(self, path: str, head_only: bool) -> None:
        root: Path = self.server.root  # type: ignore[attr-defined]
        norm = posixpath.normpath(path)
        if path.endswith("/") and not norm.endswith("/"):
            norm += "/"
        parts = [p for p in norm.split("/") if p and p not in (".", "..")]
        target = root.joinpath(*parts) if parts else root
        try:
            target.resolve().relative_to(root.resolve())
        except ValueError:
            return self._not_found(head_only)
        if target.is_dir():
            if not path.endswith("/"):
                return self._redirect(path + "/", head_only)
            target = target / "index.html"
        if not target.is_file():
            return self._not_found(head_only)
        data = target.read_bytes()
        suffix = target.suffix.lower()
        if suffix in SUBSTITUTE:
            data = data.replace(PLACEHOLDER, self.base_url.encode())
        ctype = CONTENT_TYPES.get(suffix, "application/octet-stream")
        if target.name == "rss.xml":
            ctype = "application/rss+xml; charset=utf-8"
        self._send(200, data, ctype, head_only)

    def _fault(self, path: str, head_only: bool) -> None:
        html = "text/html; charset=utf-8"
        name = path[len("/faults/"):]
        if name in ("", "index.html"):
            links = "".join(f'<li><a href="/faults/{n}">{n}</a></li>' for n in (
                "rss.xml", "good.html", "error500.html", "notfound.html", "slow.html", "big.html", "loop1.html",
                "latin1.html", "script-only.html", "malformed.xml", "offsite.html"))
            return self._send(200, f"<html><body><ul>{links}</ul></body></html>".encode(), html, head_only)
        if name == "rss.xml":
            return self._send(200, _fault_rss(self.base_url).encode(), "application/rss+xml; charset=utf-8", head_only)
        if name == "good.html":
            return self._send(200, _page("Two injured in Quetta grenade attack", _GOOD_PARAS).encode(), html, head_only)
        if name == "error500.html":
            return self._send(500, b"<html><body><h1>500 Internal Server Error</h1></body></html>", html, head_only)
        if name == "notfound.html":
            return self._not_found(head_only)
        if name == "slow.html":
            time.sleep(float(getattr(self.server, "slow_seconds", 5)))
            return self._send(200, _page("Slow page", ["This page was deliberately slow to respond."]).encode(), html, head_only)
        if name == "big.html":
            return self._send(200, self.server.big_page, html, head_only)  # type: ignore[attr-defined]
        if name == "loop1.html":
            return self._redirect("/faults/loop2.html", head_only)
        if name == "loop2.html":
            return self._redirect("/faults/loop1.html", head_only)
        if name == "latin1.html":
            latin1 = _page("Bomb defused near Peshawar café", _LATIN1_PARAS, charset="windows-1252").encode("cp1252")
            return self._send(200, latin1, "text/html; charset=windows-1252", head_only)
        if name == "script-only.html":
            script_page = ("<!DOCTYPE html><html><head><title></title></head><body>"
                    "<script>var app={};app.init=function(){document.body.innerHTML='';};</script>"
                    "<script src=\"/static/app.js\"></script><script>app.init();</script></body></html>")
            return self._send(200, script_page.encode(), html, head_only)
        if name == "malformed.xml":
            broken = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Broken feed</title>"
                    f"<item><title>Truncated item</title><link>{self.base_url}/faults/good.html</link><descr")
            return self._send(200, broken.encode(), "application/rss+xml; charset=utf-8", head_only)
        if name == "offsite.html":
            return self._redirect("http://example.invalid/x", head_only)
        return self._not_found(head_only)


class DemoServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr, handler, root: Path, verbose: bool = False, slow_seconds: float = 5.0):
        super().__init__(addr, handler)
        self.root = Path(root)
        self.verbose = verbose
        self.slow_seconds = slow_seconds
        host, port = self.server_address[:2]
        host_text = host.decode() if isinstance(host, bytes) else str(host)
        self.base_url = f"http://{host_text}:{port}"
        self._big: bytes | None = None

    @property
    def big_page(self) -> bytes:
        if self._big is None:
            self._big = _big_page().encode()
        return self._big

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
            return
        if self.verbose:
            super().handle_error(request, client_address)


def make_server(root: Path = DEFAULT_ROOT, host: str = "127.0.0.1", port: int = 0, *,
                verbose: bool = False, slow_seconds: float = 5.0) -> DemoServer:
    """Create (bind) but do not start a server for ``root``; port 0 picks an ephemeral port."""
    return DemoServer((host, port), DemoHandler, Path(root) if root is not None else DEFAULT_ROOT,
                      verbose=verbose, slow_seconds=slow_seconds)


def serve_in_thread(root: Path | None = None, port: int = 0, *, host: str = "127.0.0.1",
                    verbose: bool = False, slow_seconds: float = 5.0) -> tuple[ThreadingHTTPServer, str]:
    """Start a server in a daemon thread; returns ``(server, base_url)``. Stop with ``server.shutdown()``."""
    server = make_server(root if root is not None else DEFAULT_ROOT, host, port,
                         verbose=verbose, slow_seconds=slow_seconds)
    t = threading.Thread(target=server.serve_forever, name="khabar-demo-server", daemon=True)
    t.start()
    return server, server.base_url  # type: ignore[attr-defined]


def serve_until_interrupted(server: ThreadingHTTPServer) -> None:
    """Serve until Ctrl-C, then close the socket."""
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m khabar.demo.server", description="Serve the Khabar demo news site.")
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    ap.add_argument("--slow-seconds", type=float, default=5.0)
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args(argv)
    server = make_server(args.root, args.host, args.port, verbose=args.verbose, slow_seconds=args.slow_seconds)
    print(f"Serving {args.root} at {server.base_url}/ (Ctrl-C to stop)", file=sys.stderr, flush=True)
    serve_until_interrupted(server)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
