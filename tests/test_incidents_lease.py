"""One resolver at a time: the `resolver` lease in Elasticsearch (real ES, no mocks of it)."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

import pytest
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.incidents import resolve
from khabar.index.lease import LeaseBusy, lease, lease_index
from khabar.index.store import Store
from tests.test_incidents import incidents, mention, put


def test_a_held_lease_makes_others_wait_then_fail(es: Elasticsearch, settings: Settings) -> None:
    with lease(es, settings, "job"):
        started = time.monotonic()
        with pytest.raises(LeaseBusy, match="held by another process"), lease(es, settings, "job", wait=0.5):
            pass
        assert time.monotonic() - started >= 0.5
        with lease(es, settings, "other-job", wait=0):  # leases are per name
            pass
    with lease(es, settings, "job", wait=0):  # released
        pass


def test_an_expired_lease_is_taken_over_and_the_old_holder_does_not_release_it(es: Elasticsearch, settings: Settings) -> None:
    with lease(es, settings, "job", ttl=timedelta(seconds=0)) as first:
        with lease(es, settings, "job", wait=2) as second:  # the first one expired: taken over
            assert second != first
        with lease(es, settings, "job", ttl=timedelta(minutes=5), wait=0) as third:
            pass
    # leaving the first block must not have deleted the third holder's (already released) lease
    assert third
    with lease(es, settings, "job", wait=0):
        assert es.get(index=lease_index(settings), id="job")["_source"]["owner"]


def test_two_resolvers_at_once_run_one_after_the_other(
    es: Elasticsearch, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    put(es, settings, mention("a1", outlet="Dawn", killed=3), mention("a2", outlet="Geo", published="2025-03-02T12:00", killed=4))
    active, overlap = [0], [0]
    guard = threading.Lock()
    real_apply = resolve.apply_plan

    def slow_apply(store: Store, plan: resolve.ResolutionPlan) -> None:
        with guard:
            active[0] += 1
            overlap[0] = max(overlap[0], active[0])
        time.sleep(0.5)  # a slow bulk write: the other resolver must not read or write meanwhile
        real_apply(store, plan)
        with guard:
            active[0] -= 1

    monkeypatch.setattr(resolve, "apply_plan", slow_apply)
    reports: list[resolve.ResolveReport] = []
    threads = [threading.Thread(target=lambda: reports.append(resolve.resolve_incidents(Store(es, settings))))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert overlap[0] == 1 and len(reports) == 2
    assert sorted(r.incidents_created for r in reports) == [0, 1]  # the second saw the first's incident
    assert len(incidents(es, settings)) == 1
