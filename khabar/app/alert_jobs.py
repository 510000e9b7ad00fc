"""The scheduled alert jobs: one pass of matching, source health and delivery; spike detection."""

from __future__ import annotations

import time

from khabar.app.alerts import MATCH_LAG_SECONDS, deliver_due, match_changes
from khabar.app.source_health import WINDOW, check_sources
from khabar.app.spikes import run_spikes
from khabar.index.alerts import AlertStore

__all__ = ["run_alerts", "run_spikes"]


def run_alerts(store: AlertStore) -> str:
    """One pass of the alerts job: match changed incidents, check source health, deliver what is due."""
    settings = store.settings
    matched = match_changes(store, settings)
    if matched.waiting:  # just-written incidents: judge them once the lag has passed, not at the next timer
        time.sleep(MATCH_LAG_SECONDS)
        again = match_changes(store, settings)
        matched.incidents += again.incidents
        matched.created += again.created
        matched.updated += again.updated
        matched.queued += again.queued
    health = check_sources(store, store.runs_by_source(WINDOW))
    delivered = deliver_due(store, settings)
    return (f"incidents={matched.incidents} created={matched.created} updated={matched.updated} queued={matched.queued} "
            f"degraded_sources={len(health.degraded)} attempted={delivered.attempted} delivered={delivered.delivered} "
            f"failed={delivered.failed} given_up={delivered.given_up}")
