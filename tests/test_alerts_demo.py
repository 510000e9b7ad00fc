"""End to end: crawl the demo site, extract, resolve, and deliver to watchlists through a local receiver."""

from __future__ import annotations

import io
import time
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from rich.console import Console

from khabar.app import alert_jobs, alerts
from khabar.core.settings import AlertSettings, Settings
from khabar.demo.job import run_demo
from khabar.index.alerts import AlertStore
from khabar.index.templates import alias_name
from tests.test_alerts import Receiver, SmtpSink, check_signature
from tests.test_demo_job import free_port

GROUPS = ("Tehrik-i-Taliban Pakistan", "Balochistan Liberation Army", "No Such Group")


@pytest.mark.slow
def test_group_watchlists_get_one_delivery_per_matching_demo_incident(settings: Settings, es: Elasticsearch,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_ES_URL", settings.elasticsearch.url)
    cfg = settings.model_copy(update={"alerts": AlertSettings(allow_private_webhooks=True)})
    store = AlertStore(es, cfg)
    receivers = {g: Receiver() for g in GROUPS}
    try:
        watchlists = {g: alerts.create_watchlist(store, cfg, alerts.WatchlistIn(
            name=g, filter=alerts.WatchFilter(perpetrator=g), webhook_url=receivers[g].url)) for g in GROUPS}
        run_demo(cfg, port=free_port(), rules_only=True, console=Console(file=io.StringIO()))
        summary = alert_jobs.run_alerts(AlertStore(es, cfg))
        assert "given_up=0" in summary
        es.indices.refresh(index=alias_name(cfg, "incidents"))
        by_group: dict[str, set[str]] = {g: set() for g in GROUPS}
        hits = es.search(index=alias_name(cfg, "incidents"), query={"match_all": {}}, size=1000, source_includes=["incident_id", "perpetrator"])
        for hit in hits["hits"]["hits"]:
            name = (hit["_source"].get("perpetrator") or {}).get("name")
            if name in by_group:
                by_group[name].add(hit["_source"]["incident_id"])
        assert by_group["Tehrik-i-Taliban Pakistan"] and by_group["Balochistan Liberation Army"]
        for group in GROUPS:
            bodies: list[dict[str, Any]] = receivers[group].bodies()
            delivered = [b["incident"]["incident_id"] for b in bodies]
            assert sorted(delivered) == sorted(by_group[group]), group  # one per matching incident, none for others
            assert all(b["event"] == "incident.created" for b in bodies)
            for request in receivers[group].requests:
                check_signature(request, watchlists[group]["secret"])
        assert receivers["No Such Group"].requests == []
    finally:
        for rec in receivers.values():
            rec.close()


@pytest.mark.slow
def test_service_is_event_driven_fetch_to_webhook_within_a_minute(settings: Settings) -> None:
    """The real service: a new article on a local outlet reaches the webhook without waiting for any timer."""
    from khabar.tools.freshness import bench_freshness

    sink = SmtpSink()
    arrivals: list[float] = []
    sink.on_message = lambda data: arrivals.append(time.time())
    try:
        result = bench_freshness(settings, timeout=120, smtp_port=sink.port, mail_arrivals=arrivals)
    finally:
        sink.close()
    assert result.fetch_to_incident is not None and result.fetch_to_incident <= 60, result
    assert result.fetch_to_webhook is not None and result.fetch_to_webhook <= 60, result
    assert result.fetch_to_email is not None and result.fetch_to_email <= 60, result
    assert b"To: analyst@example.org" in sink.messages[0] and b"incident.created" in sink.messages[0]
