"""Fault-injection servers in front of (or instead of) Elasticsearch: a forwarding proxy that can
answer bulk requests with chosen statuses or 413 above a size, and an endpoint that stalls.

These inject faults on the wire; everything they forward is answered by the real Elasticsearch.
"""

from __future__ import annotations

import http.client
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TypeVar
from urllib.parse import urlsplit

ServerT = TypeVar("ServerT", bound=ThreadingHTTPServer)
HOP_HEADERS = {"connection", "keep-alive", "transfer-encoding", "content-length", "host"}


class FaultProxy(ThreadingHTTPServer):
    """Forwards to `upstream`; bulk requests can be answered with injected faults instead."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), _ProxyHandler)
        parts = urlsplit(upstream)
        self.upstream = (parts.hostname or "127.0.0.1", parts.port or 9200)
        self.bulk_statuses: list[int] = []  # answered (in order) to the next bulk requests
        self.max_bulk_bytes: int | None = None  # larger bulk bodies get 413
        self.bulk_requests = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def injected(self, path: str, body: bytes) -> int | None:
        """The status to answer instead of forwarding, if any."""
        if "_bulk" not in path:
            return None
        with self.lock:
            self.bulk_requests += 1
            if self.max_bulk_bytes is not None and len(body) > self.max_bulk_bytes:
                return 413
            return self.bulk_statuses.pop(0) if self.bulk_statuses else None


class _ProxyHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: FaultProxy

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def _handle(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        status = self.server.injected(self.path, body)
        if status is not None:
            error = {"error": {"type": "injected_fault", "reason": f"injected {status}"}, "status": status}
            self._reply(status, {"content-type": "application/json", "x-elastic-product": "Elasticsearch"},
                        json.dumps(error).encode())
            return
        conn = http.client.HTTPConnection(*self.server.upstream, timeout=60)
        headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
        conn.request(self.command, self.path, body=body or None, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        self._reply(resp.status, {k: v for k, v in resp.getheaders() if k.lower() not in HOP_HEADERS}, data)

    def _reply(self, status: int, headers: dict[str, str], data: bytes) -> None:
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle


class StallingServer(ThreadingHTTPServer):
    """An "Elasticsearch" that accepts connections and answers nothing for `stall` seconds."""

    daemon_threads = True

    def __init__(self, stall: float) -> None:
        super().__init__(("127.0.0.1", 0), _StallHandler)
        self.stall = stall
        self.requests = 0
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class _StallHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: StallingServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.requests += 1
        time.sleep(self.server.stall)
        data = b'{"status":"green"}'
        self.send_response(200)
        self.send_header("content-type", "application/json")
        self.send_header("x-elastic-product", "Elasticsearch")
        self.send_header("content-length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def serving(server: ServerT) -> Iterator[ServerT]:
    """Run `server` in a thread for the block."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
