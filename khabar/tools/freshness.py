"""`khabar bench freshness`: seconds from fetching a new article to a searchable incident and to a webhook.

It runs the real service (scheduler, crawl child process, NLP, resolution, alerts) in this
process on throw-away indices, against a local outlet served by the demo site server:

1. the outlet's RSS feed starts empty; the NLP models are loaded first (not part of the timing);
2. a watchlist with no filter points at a local webhook receiver;
3. one report of the demo site is published on the outlet (a new RSS item) and the outlet's
   crawl job is fired, as its schedule would;
4. the clock starts at the article's `fetched_at` (the crawler's fetch) and stops when an incident
   citing the article is searchable, and when the receiver gets the `incident.created` POST.

No step is driven by the bench after the crawl: NLP, resolution and delivery run because the
service is event-driven. The target is 60 s for both figures.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from khabar.app import pipeline
from khabar.app.alerts import WatchlistIn, create_watchlist
from khabar.app.service import CRAWL_PREFIX, Service, trigger_now
from khabar.core.settings import AlertSettings, SchedulerSettings, Settings
from khabar.demo.server import DEFAULT_ROOT, serve_in_thread
from khabar.index.alerts import AlertStore
from khabar.index.store import Store

OUTLET = "fresh-outlet"
SOURCE_ID = "bench-fresh"
ITEM = re.compile(r"<item>.*?</item>", re.S)


@dataclass
class Freshness:
    """The measured times (None: did not happen within the timeout)."""

    article: str
    trigger_to_fetch: float | None
    fetch_to_incident: float | None
    fetch_to_webhook: float | None
    fetch_to_email: float | None = None  # with an SMTP server (`smtp_port`)


class _Receiver:
    def __init__(self) -> None:
        self.arrivals: list[tuple[float, bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.arrivals.append((time.time(), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def _site(root: Path) -> tuple[str, str]:
    """An outlet with an empty feed; returns (the feed with its items, the first item's article path)."""
    source = DEFAULT_ROOT / "frontier-herald"
    rss = (source / "rss.xml").read_text(encoding="utf-8")
    item = ITEM.findall(rss)[0]
    link = re.search(r"<link>\{\{BASE\}\}/frontier-herald/(.*?)</link>", item)
    assert link is not None
    article = link.group(1)
    out = root / OUTLET
    (out / Path(article).parent).mkdir(parents=True)
    (out / "rss.xml").write_text(ITEM.sub("", rss).replace("/frontier-herald/", f"/{OUTLET}/"), encoding="utf-8")
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n", encoding="utf-8")
    html = (source / article).read_text(encoding="utf-8").replace("/frontier-herald/", f"/{OUTLET}/")
    return item.replace("/frontier-herald/", f"/{OUTLET}/"), f"{article}\n{html}"


def bench_freshness(settings: Settings, timeout: float = 300.0, smtp_port: int | None = None,
                    mail_arrivals: list[float] | None = None) -> Freshness:
    """Run the measurement (see the module docstring) on indices of a fresh prefix, removed afterwards.

    With `smtp_port` (a local SMTP server that appends each message's arrival time to
    `mail_arrivals`), an e-mail watchlist is added too and its delivery timed.
    """
    work = Path(tempfile.mkdtemp(prefix="khabar-fresh-"))
    prefix = f"{settings.elasticsearch.index_prefix}-fresh{uuid.uuid4().hex[:6]}"
    root = work / "site"
    root.mkdir()
    item, article = _site(root)
    path, html = article.split("\n", 1)
    server, base = serve_in_thread(root=root)
    sources = work / "sources.yaml"
    sources.write_text(
        "sources:\n"
        f"  - id: {SOURCE_ID}\n    name: Fresh outlet\n    kind: rss\n    urls: [{base}/{OUTLET}/rss.xml]\n"
        f"    article_url_patterns: ['/{OUTLET}/\\d{{4}}/\\d{{2}}/[\\w-]+\\.html$']\n"
        "    allow_private_addresses: true\n    download_delay: 0\n    language: en\n    country: PK\n"
        "    schedule: {interval_minutes: 600}\n", encoding="utf-8")
    bench = settings.model_copy(update={
        "data_dir": work / "data", "sources_file": sources,
        "elasticsearch": settings.elasticsearch.model_copy(update={"index_prefix": prefix}),
        "scheduler": SchedulerSettings(jitter_seconds=0, nlp_interval_minutes=600, resolve_interval_minutes=600),
        "alerts": AlertSettings(allow_private_webhooks=True, match_interval_seconds=600,
                                smtp_host="127.0.0.1" if smtp_port else None, smtp_port=smtp_port or 25),
    })
    store = Store.connect(bench, check=True)
    store.init_indices()
    receiver = _Receiver()
    service: Service | None = None
    try:
        pipeline.shared_extractor()  # load the models before the clock starts
        create_watchlist(AlertStore(store.es, bench), bench, WatchlistIn(name="everything", webhook_url=receiver.url))
        if smtp_port:
            create_watchlist(AlertStore(store.es, bench), bench, WatchlistIn(name="by mail", email="analyst@example.org"))
        service = Service(bench, poll_seconds=3600)
        service.start()
        (root / OUTLET / path).write_text(html, encoding="utf-8")
        feed = root / OUTLET / "rss.xml"
        feed.write_text(feed.read_text(encoding="utf-8").replace("</channel>", f"{item}\n</channel>"), encoding="utf-8")
        triggered = time.time()
        trigger_now(f"{CRAWL_PREFIX}{SOURCE_ID}")
        fetched = incident_at = delivered = None
        deadline = time.monotonic() + timeout
        mails = mail_arrivals if mail_arrivals is not None else []
        while time.monotonic() < deadline and (incident_at is None or delivered is None or (smtp_port and not mails)):
            if fetched is None:
                docs = list(store.iter_docs("articles", {"match_all": {}}))
                if docs and docs[0].get("fetched_at"):
                    fetched = datetime.fromisoformat(docs[0]["fetched_at"]).astimezone(UTC).timestamp()
            if incident_at is None and store.count("incidents") > 0:
                incident_at = time.time()
            if delivered is None and receiver.arrivals:
                delivered = receiver.arrivals[0][0]
            time.sleep(0.2)
        return Freshness(
            article=f"{base}/{OUTLET}/{path}",
            trigger_to_fetch=round(fetched - triggered, 1) if fetched else None,
            fetch_to_incident=round(incident_at - fetched, 1) if fetched and incident_at else None,
            fetch_to_webhook=round(delivered - fetched, 1) if fetched and delivered else None,
            fetch_to_email=round(mails[0] - fetched, 1) if fetched and mails else None,
        )
    finally:
        if service is not None:
            service.stop()
        receiver.server.shutdown()
        server.shutdown()
        server.server_close()
        store.es.options(ignore_status=404).indices.delete(index=f"{prefix}-*", expand_wildcards="all")
        store.es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
        store.es.options(ignore_status=404).cluster.delete_component_template(name=f"{prefix}-*")
        shutil.rmtree(work, ignore_errors=True)
