"""The incident feed: every incident update delivered once, in (updated_at, incident_id) order."""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.core.records import Incident
from khabar.core.settings import ApiSettings, Settings
from khabar.index.templates import alias_name

KEY = "feed-key"
AUTH = {"X-API-Key": KEY}


def poll(client: TestClient, since: str | None, limit: int = 100) -> tuple[list[dict[str, Any]], str | None]:
    params: dict[str, Any] = {"limit": limit}
    if since:
        params["since"] = since
    resp = client.get("/v1/feed", params=params, headers=AUTH)
    assert resp.status_code == 200, resp.text
    assert resp.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in resp.text.splitlines() if line.strip()]
    return lines, resp.headers.get("x-next-cursor")


def write(es: Elasticsearch, settings: Settings, incidents: list[Incident]) -> None:
    ops: list[dict[str, Any]] = []
    for inc in incidents:
        ops += [{"index": {"_index": alias_name(settings, "incidents"), "_id": inc.incident_id}}, inc.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


def test_feed_delivers_each_update_once_in_order(settings: Settings, es: Elasticsearch) -> None:
    settings = settings.model_copy(update={"api": ApiSettings(api_keys=[KEY])})
    client = TestClient(create_app(settings, feed_lag_seconds=0.5))
    base = datetime.now(UTC) - timedelta(minutes=10)
    # Two incidents share an updated_at: the id breaks the tie.
    incidents = [Incident(incident_id=f"i{n}", updated_at=base + timedelta(seconds=n // 2)) for n in range(7)]
    write(es, settings, incidents)

    got: list[str] = []
    cursor = None
    while True:  # page through with a small limit
        lines, cursor_next = poll(client, cursor, limit=3)
        got += [line["incident_id"] for line in lines]
        if lines:
            assert cursor_next == lines[-1]["cursor"]
        cursor = cursor_next
        if not lines:
            break
    assert got == [f"i{n}" for n in range(7)]
    assert poll(client, cursor) == ([], cursor)

    # Update two (changing updated_at), in an order that differs from their ids.
    now = datetime.now(UTC)
    write(es, settings, [Incident(incident_id="i5", killed=9, updated_at=now - timedelta(milliseconds=300)),
                         Incident(incident_id="i1", killed=4, updated_at=now - timedelta(milliseconds=200))])
    fresh = Incident(incident_id="i9", updated_at=datetime.now(UTC) + timedelta(seconds=30))
    write(es, settings, [fresh])  # too recent: held back by the lag
    time.sleep(0.6)
    lines, cursor2 = poll(client, cursor)
    assert [(x["incident_id"], x["killed"]) for x in lines] == [("i5", 9), ("i1", 4)]
    assert poll(client, cursor2)[0] == []
    # A new poller from the start sees each incident once, at its latest version.
    lines, _ = poll(client, None)
    assert [x["incident_id"] for x in lines] == ["i0", "i2", "i3", "i4", "i6", "i5", "i1"]
