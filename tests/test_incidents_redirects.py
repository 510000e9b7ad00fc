"""Machine merges redirect: when re-resolution joins two stored incidents, the merged-away id
answers with the survivor (`GET /v1/incidents/{old}`) and the feed emits a `merged_into` change."""

from __future__ import annotations

import json
from typing import Any

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.core.settings import ApiSettings, Settings
from khabar.incidents.resolve import ResolveConfig, incident_id_for, resolve_incidents
from khabar.index.corrections import CorrectionStore
from khabar.index.store import Store
from tests.test_incidents import incidents, mention, put

KEY = "redirect-key"
AUTH = {"X-API-Key": KEY}
GREEDY = ResolveConfig(learned=False)  # the greedy resolver: which reports merge is plain from the dates


def feed(client: TestClient) -> list[dict[str, Any]]:
    resp = client.get("/v1/feed", params={"limit": 100}, headers=AUTH)
    assert resp.status_code == 200, resp.text
    return [json.loads(line) for line in resp.text.splitlines() if line.strip()]


def test_a_bridging_report_merges_two_incidents_and_the_old_id_redirects(settings: Settings, es: Elasticsearch) -> None:
    settings = settings.model_copy(update={"api": ApiSettings(api_keys=[KEY])})
    store = Store(es, settings)
    early = mention("r1", published="2025-03-02T09:00", day="2025-03-01", killed=5)
    late = mention("r2", published="2025-03-06T09:00", day="2025-03-05", killed=6, outlet="Geo")  # 4 days apart: two incidents
    put(es, settings, early, late)
    resolve_incidents(store, config=GREEDY)
    first, second = incident_id_for(early.id), incident_id_for(late.id)
    assert {i.incident_id for i in incidents(es, settings)} == {first, second}

    # A report published before both, dated between them, joins them into one incident.
    bridge = mention("r3", published="2025-03-01T20:00", day="2025-03-03", killed=6, outlet="Express Tribune")
    put(es, settings, bridge)
    report = resolve_incidents(store, config=GREEDY)
    assert report.incidents_deleted == 1
    [merged] = incidents(es, settings)
    assert merged.incident_id == first  # the first reported stored incident survives
    assert set(merged.mention_ids) == {early.id, late.id, bridge.id}
    assert CorrectionStore(es, settings).redirect(second) == first

    client = TestClient(create_app(settings, feed_lag_seconds=0))
    resp = client.get(f"/v1/incidents/{second}", headers=AUTH)
    assert resp.status_code == 200, resp.text
    assert resp.json()["incident_id"] == first
    lines = feed(client)
    changes = [(line["incident_id"], line.get("merged_into")) for line in lines]
    assert changes[-2:] == [(first, None), (second, first)]  # the survivor's update, then the redirect
    assert lines[-1]["deleted"] is True and lines[-1].keys() >= {"incident_id", "merged_into", "updated_at", "cursor"}
    assert sum(1 for i, _ in changes if i == second) == 1  # the old incident itself is gone from the feed

    # Resolving again changes nothing and emits nothing new.
    again = resolve_incidents(store, config=GREEDY)
    assert (again.incidents_created, again.incidents_updated, again.incidents_deleted) == (0, 0, 0)
    assert feed(client) == lines
