"""The feed misses nothing when incident writes are retried or spooled: a poller that keeps passing
its cursor sees every create, update and delete exactly once, in the order they landed, even when
the first bulk attempts fail and another writer's change lands (and is polled) in between."""

from __future__ import annotations

import json
import time
from typing import Any

from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.core.records import Incident
from khabar.core.settings import ApiSettings, Settings
from khabar.incidents.resolve import _write_stamped, write_deletions
from khabar.index.client import es_client
from khabar.index.writer import BulkWriter

from .es_faults import FaultProxy, serving

KEY = "feed-faults-key"
LAG = 1.5  # above the 1 s index refresh, as the service's default lag is


class Poller:
    """Follows the feed from the start, always passing the last cursor; remembers every line."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.cursor: str | None = None
        self.seen: list[tuple[str, bool, int | None]] = []

    def poll(self) -> None:
        while True:
            params: dict[str, Any] = {"limit": 2}  # small pages: the cursor is exercised too
            if self.cursor:
                params["since"] = self.cursor
            resp = self.client.get("/v1/feed", params=params, headers={"X-API-Key": KEY})
            assert resp.status_code == 200, resp.text
            lines = [json.loads(line) for line in resp.text.splitlines() if line.strip()]
            self.seen += [(x["incident_id"], bool(x.get("deleted")), x.get("killed")) for x in lines]
            self.cursor = resp.headers.get("x-next-cursor")
            if not lines:
                return


def test_retried_and_spooled_writes_appear_in_the_feed_once_in_order(settings: Settings, es: Elasticsearch) -> None:
    settings = settings.model_copy(update={"api": ApiSettings(api_keys=[KEY])})
    poller = Poller(TestClient(create_app(settings, feed_lag_seconds=LAG)))
    bystander = BulkWriter(es, settings)  # another process's writer, straight to Elasticsearch
    bystander_done = False

    def backoff(_: float) -> None:
        """The writer's wait between attempts: meanwhile another change lands and the feed is polled."""
        nonlocal bystander_done
        if not bystander_done:
            _write_stamped(bystander, [Incident(incident_id="b0", killed=0)])
            bystander_done = True
        time.sleep(LAG + 1.2)  # the bystander's change is now old enough and searchable
        poller.poll()

    with serving(FaultProxy(settings.elasticsearch.url)) as proxy:
        proxied = es_client(settings.model_copy(update={"elasticsearch": settings.elasticsearch.model_copy(update={"url": proxy.url})}))
        # 1. Two creates: the first two bulk attempts fail (503), the third lands.
        proxy.bulk_statuses = [503, 503]
        retrying = BulkWriter(proxied, settings, max_retries=3, backoff_seconds=0.0, sleep=backoff)
        _write_stamped(retrying, [Incident(incident_id="i1", killed=1), Incident(incident_id="i2", killed=2)])
        assert retrying.totals.written == 2 and proxy.bulk_requests == 3
        assert ("b0", False, 0) in poller.seen and not any(i in ("i1", "i2") for i, _, _ in poller.seen)

        # 2. An update that fails twice and is spooled, then a delete: the spool is replayed first.
        proxy.bulk_statuses = [503, 503]
        spooling = BulkWriter(proxied, settings, max_retries=1, backoff_seconds=0.0, sleep=backoff)
        _write_stamped(spooling, [Incident(incident_id="i1", killed=9)])
        assert spooling.totals.spooled == 1
        poller.poll()
        write_deletions(spooling, ["i2"], {})
        assert spooling.spool.size() == 0

    time.sleep(LAG + 1.2)
    poller.poll()
    assert poller.seen == [("b0", False, 0), ("i1", False, 1), ("i2", False, 2), ("i1", False, 9), ("i2", True, None)]
