"""Source health: `source.degraded` when a source fails, is blocked or its extraction yield drops; recovery."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app import alerts, source_health
from khabar.app.api import create_app
from khabar.cli import main
from khabar.core.settings import AlertSettings, ApiSettings, Settings
from khabar.crawlers.runner import crawl_sources
from khabar.crawlers.sources import load_sources
from khabar.demo.server import DEFAULT_ROOT, serve_in_thread
from khabar.index.alerts import AlertStore
from tests.test_alerts import Receiver


def run(pages: int = 10, articles: int = 8, empty: int = 0, http: int = 0, status: str = "finished") -> dict[str, Any]:
    return {"status": status, "pages_fetched": pages, "articles_new": articles,
            "errors": {"empty_text": empty, "http_status": http}, "started_at": "2025-06-01T00:00:00+00:00"}


def test_judge_steady_source_is_healthy() -> None:
    health = source_health.judge([run(), run(articles=7), run(articles=9)])
    assert health.judged and not health.degraded


def test_judge_flags_a_drop_in_events_per_article() -> None:
    def with_nlp(articles: int, events: int) -> dict[str, Any]:
        return {**run(), "nlp": {"articles": articles, "events": events}}

    dropped = source_health.judge([with_nlp(8, 0), with_nlp(8, 6), with_nlp(8, 5)])
    assert any("events per article" in r for r in dropped.reasons)
    assert not source_health.judge([with_nlp(8, 4), with_nlp(8, 6), with_nlp(8, 5)]).degraded
    assert not source_health.judge([with_nlp(2, 0), with_nlp(8, 6)]).degraded  # too few processed to judge


def test_judge_needs_history() -> None:
    assert not source_health.judge([run(empty=10)]).judged


def test_judge_flags_layout_change_block_and_yield_drop() -> None:
    assert "no main text" in source_health.judge([run(articles=0, empty=9), run(), run()]).reasons[0]
    blocked = source_health.judge([run(articles=0, http=10), run(), run()])
    assert any("fetches failed" in r for r in blocked.reasons)
    assert any("articles in the latest crawl" in r for r in source_health.judge([run(articles=2), run(), run()]).reasons)
    assert source_health.judge([run(status="failed", pages=0, articles=0), run()]).degraded
    # a source that always had some empty pages is judged against its own baseline
    assert not source_health.judge([run(empty=6), run(empty=5), run(empty=6)]).degraded


BODY = re.compile(r"<body\b.*?</body>", re.S)


def _outlet(root: Path, layout_changed: bool) -> None:
    """The demo's Frontier Herald; after a redesign its article pages are an empty shell filled by JavaScript."""
    target = root / "frontier-herald"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DEFAULT_ROOT / "frontier-herald", target)
    if layout_changed:
        for page in target.rglob("*.html"):
            if re.search(r"/\d{4}/\d{2}/", str(page)):
                text = page.read_text(encoding="utf-8")
                page.write_text(BODY.sub('<body><div id="app"></div><script src="/app.js"></script></body>', text), encoding="utf-8")
    shutil.copy(DEFAULT_ROOT / "robots.txt", root / "robots.txt")


def test_layout_change_between_two_crawls_raises_and_recovers(settings: Settings, es: Elasticsearch, tmp_path: Path) -> None:
    cfg = settings.model_copy(update={"alerts": AlertSettings(allow_private_webhooks=True)})
    root = tmp_path / "site"
    root.mkdir()
    _outlet(root, layout_changed=False)
    server, base = serve_in_thread(root=root)
    receiver = Receiver()
    try:
        text = (Path(__file__).resolve().parent.parent / "demo" / "sources.yaml").read_text(encoding="utf-8")
        sources_file = tmp_path / "sources.yaml"
        sources_file.write_text(text.replace("http://127.0.0.1:8765", base), encoding="utf-8")
        sources = load_sources(sources_file)
        store = AlertStore(es, cfg)
        alerts.create_watchlist(store, cfg, alerts.WatchlistIn(name="ops", webhook_url=receiver.url, events=["source.degraded"]))

        [first] = crawl_sources(cfg, ["demo-frontier-herald"], sources=sources)
        assert first.articles_new > 3 and first.errors.empty_text == 0
        _outlet(root, layout_changed=True)
        [second] = crawl_sources(cfg, ["demo-frontier-herald"], sources=sources)
        assert second.errors.empty_text > 3, second

        report = source_health.check_sources(store, store.runs_by_source(source_health.WINDOW))
        assert report.degraded == ["demo-frontier-herald"] and report.raised == 1 and report.queued == 1
        [alert] = store.list_alerts("source.degraded")
        assert alert["status"] == "open" and "no main text" in alert["message"]
        assert source_health.check_sources(store, store.runs_by_source(source_health.WINDOW)).raised == 0  # once
        alerts.deliver_due(store, cfg)
        [body] = receiver.bodies()
        assert body["event"] == "source.degraded" and body["alert"]["source_id"] == "demo-frontier-herald"

        shown = CliRunner().invoke(main, ["status"], env={
            "KHABAR_ES_URL": cfg.elasticsearch.url, "KHABAR_INDEX_PREFIX": cfg.elasticsearch.index_prefix,
            "KHABAR_DATA_DIR": str(tmp_path / "data"), "KHABAR_SOURCES": str(sources_file)})
        assert shown.exit_code == 0, shown.output
        assert "source degraded:" in shown.output and "demo-frontier-herald" in shown.output
        client = TestClient(create_app(cfg.model_copy(update={"api": ApiSettings(api_keys=["k"])})))
        assert 'khabar_source_degraded{source="demo-frontier-herald"} 1.0' in client.get("/metrics", headers={"X-API-Key": "k"}).text

        _outlet(root, layout_changed=False)
        crawl_sources(cfg, ["demo-frontier-herald"], sources=sources)
        healed = source_health.check_sources(store, store.runs_by_source(source_health.WINDOW))
        assert healed.recovered == 1 and healed.degraded == []
        assert store.list_alerts("source.degraded")[0]["status"] == "recovered"
    finally:
        receiver.close()
        server.shutdown()
        server.server_close()

