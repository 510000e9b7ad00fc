"""Spike detection: the pure detector, the scan over a real index, surge delivery, the backtest."""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from elasticsearch import Elasticsearch

from khabar.app import alerts, spikes
from khabar.core.records import Incident, Location, Perpetrator
from khabar.core.settings import AlertSettings, Settings
from khabar.index.alerts import AlertStore, week_start
from khabar.index.templates import alias_name
from tests.test_alerts import Receiver


def test_surge_on_a_generated_series_and_none_on_a_flat_one() -> None:
    rng = random.Random(7)
    noisy_flat = [rng.choice([2, 3, 3, 4]) for _ in range(30)]
    assert all(spikes.detect(noisy_flat[: i + 1]) is None for i in range(len(noisy_flat)))
    assert spikes.detect([3] * 20) is None
    surge = spikes.detect(noisy_flat[:20] + [12])
    assert surge is not None and surge.count == 12 and surge.ratio >= 2


def test_surge_needs_a_baseline_of_at_least_one_and_a_doubling() -> None:
    assert spikes.detect([0, 0, 1, 0, 5]) is None  # average 0.25 < 1
    assert spikes.detect([1, 1, 1, 1, 2]) is not None  # exactly doubles
    assert spikes.detect([2, 2, 2, 2, 3]) is None
    assert spikes.detect([1, 1, 5]) is None  # too short to judge


def test_rules_wait_until_the_data_covers_their_baseline() -> None:
    counts = {"group": {"BLA": {date(2025, 5, 26) + timedelta(weeks=w): (6 if w == 2 else 2) for w in range(3)}}}
    as_of = date(2025, 6, 18)  # last complete week: 2025-06-09
    assert spikes.detect_all(counts, as_of, covered_from=date(2025, 5, 26)) == []  # only 2 weeks of history
    assert [a["kind"] for a in spikes.detect_all(counts, as_of, covered_from=date(2025, 1, 6))] == ["surge"]


def test_threat_uses_four_week_blocks_against_twelve() -> None:
    weekly = [1] * 48 + [3, 2, 2, 2]
    blocks = spikes.blocks_of_four(weekly)
    assert blocks == [4] * 12 + [9]
    assert spikes.detect(blocks, spikes.THREAT_BLOCKS) is not None
    assert spikes.detect(spikes.blocks_of_four([1] * 52), spikes.THREAT_BLOCKS) is None


def _incidents(province: str, group: str, per_week: list[int], last_week: date, prefix: str) -> list[Incident]:
    out = []
    for i, n in enumerate(per_week):
        monday = last_week - timedelta(weeks=len(per_week) - 1 - i)
        for k in range(n):
            out.append(Incident(incident_id=f"{prefix}-{i}-{k}", event_type="armed_assault", date=monday + timedelta(days=k % 7),
                                perpetrator=Perpetrator(name=group, attribution="claimed"),
                                location=Location(province=province, district=f"{province}-d", precision="district")))
    return out


def write(es: Elasticsearch, settings: Settings, incidents: list[Incident]) -> None:
    ops: list[dict[str, Any]] = []
    for inc in incidents:
        ops += [{"index": {"_index": alias_name(settings, "incidents"), "_id": inc.incident_id}}, inc.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


def test_scan_raises_stores_and_sends_a_surge(settings: Settings, es: Elasticsearch, tmp_path: Path) -> None:
    cfg = settings.model_copy(update={"alerts": AlertSettings(allow_private_webhooks=True)})
    as_of = date(2025, 6, 18)
    last = spikes.last_complete_week(as_of)
    assert last == week_start(as_of) - timedelta(weeks=1)
    write(es, cfg, _incidents("Balochistan", "BLA", [2] * 12 + [2, 2, 2, 2, 6], last, "b")
          + _incidents("Sindh", "SRA", [2] * 17, last, "s"))
    store = AlertStore(es, cfg)
    rec = Receiver()
    try:
        wl = alerts.create_watchlist(store, cfg, alerts.WatchlistIn(name="BLA", filter=alerts.WatchFilter(perpetrator="BLA"),
                                                                    webhook_url=rec.url, events=["surge"]))
        other = alerts.create_watchlist(store, cfg, alerts.WatchlistIn(name="SRA", filter=alerts.WatchFilter(perpetrator="SRA"),
                                                                       webhook_url=rec.url, events=["surge"]))
        report = spikes.scan(store, as_of)
        keys = sorted((a["kind"], a["dimension"], a["key"]) for a in report.raised)
        assert keys == [("surge", "district", "Balochistan-d"), ("surge", "group", "BLA"), ("surge", "province", "Balochistan")]
        assert report.queued == 1
        assert spikes.scan(store, as_of).known == 3  # a rescan raises nothing twice
        stored = store.list_alerts("surge")
        assert {a["key"] for a in stored} == {"Balochistan-d", "BLA", "Balochistan"} and stored[0]["count"] == 6
        alerts.deliver_due(store, cfg)
        [body] = rec.bodies()
        assert body["event"] == "surge" and body["watchlist"]["id"] == wl["id"] and body["alert"]["key"] == "BLA"
        assert store.deliveries_of(other["id"]) == []
        section = spikes.what_changed_section(store, 2025, "markdown")
        assert section.startswith("\n## What changed") and "BLA" in section
    finally:
        rec.close()


def test_alerts_api_lists_them(settings: Settings, es: Elasticsearch) -> None:
    from fastapi.testclient import TestClient

    from khabar.app.api import create_app
    from khabar.core.settings import ApiSettings

    as_of = date(2025, 6, 18)
    write(es, settings, _incidents("Balochistan", "BLA", [1, 1, 1, 1, 4], spikes.last_complete_week(as_of), "b"))
    spikes.scan(AlertStore(es, settings), as_of)
    client = TestClient(create_app(settings.model_copy(update={"api": ApiSettings(api_keys=["k"])})))
    found = client.get("/v1/alerts", params={"kind": "surge"}, headers={"X-API-Key": "k"}).json()
    assert {a["key"] for a in found} == {"BLA", "Balochistan", "Balochistan-d"}


def test_backtest_counts_raised_and_confirmed() -> None:
    start = date(2024, 1, 1)
    rows = [{"date": start + timedelta(weeks=w), "province": "P", "district": None, "group": None}
            for w in range(12) for _ in range(1 if w < 6 else 4)]  # a lasting rise from week 6
    rows += [{"date": start + timedelta(weeks=w), "province": "Q", "district": None, "group": None}
             for w in range(12) for _ in range(4 if w == 6 else 1)]  # a one-week blip
    result = spikes.backtest(spikes.counts_from_rows(rows), start + timedelta(weeks=5), start + timedelta(weeks=9))
    # P: weeks 6 and 7 both double their baseline and the rise lasts (2 confirmed); Q: a blip (not confirmed)
    assert (result.raised, result.confirmed) == (3, 2)
