"""Incremental resolution: a scheduled run loads only the mentions written since the last run and the
incidents they could join, not every mention ever stored; `khabar bench resolve` runs (timings unchecked)."""

from __future__ import annotations

import time
from datetime import date, timedelta

from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.cli.commands.nlp_tools import bench_resolve_cmd
from khabar.core.settings import Settings
from khabar.incidents.resolve import ResolveConfig, candidate_spans, incident_id_for, resolve_incidents
from khabar.index.lease import write_watermark
from khabar.index.store import Store
from khabar.index.writer import BulkWriter
from khabar.nlp.process import ProcessReport, queue_mentions
from khabar.tools.bench_resolve import bench_resolve
from tests.test_incidents import incidents, mention, put

GREEDY = ResolveConfig(learned=False)


def test_candidate_spans_merge_close_days_per_province() -> None:
    near = [mention("s1", day="2025-03-01"), mention("s2", day="2025-03-05"), mention("s3", day="2025-05-01"),
            mention("s4", day="2025-03-01", province="Balochistan", district="Quetta")]
    reach = timedelta(days=6)
    assert candidate_spans(near, reach) == [
        ("Balochistan", date(2025, 2, 23), date(2025, 3, 7)),
        ("Khyber Pakhtunkhwa", date(2025, 2, 23), date(2025, 3, 11)),
        ("Khyber Pakhtunkhwa", date(2025, 4, 25), date(2025, 5, 7)),
    ]


def test_an_incremental_run_loads_only_new_mentions_and_the_incidents_they_could_join(settings: Settings, es: Elasticsearch) -> None:
    store = Store(es, settings)
    first = mention("n1", published="2025-03-01T18:00", day="2025-03-01", killed=3)
    elsewhere = mention("n2", published="2025-03-01T18:00", day="2025-03-01", province="Balochistan", district="Quetta")
    later = mention("n3", published="2025-06-01T18:00", day="2025-06-01")
    put(es, settings, first, elsewhere, later)
    full = resolve_incidents(store, incremental=True, config=GREEDY)  # no watermark yet: everything
    assert full.mentions == 3 and full.incidents_created == 3
    write_watermark(es, settings, "resolver", time.time_ns())  # as if the next run came a while later

    follow_up = mention("n4", outlet="Geo", published="2025-03-02T10:00", day="2025-03-01", killed=5)
    put(es, settings, follow_up)
    report = resolve_incidents(store, incremental=True, config=GREEDY)
    assert report.mentions == 2  # the new mention and the one of the incident it could join, not n2 or n3
    assert (report.incidents_created, report.incidents_updated, report.incidents_deleted) == (0, 1, 0)
    merged = {i.incident_id: i for i in incidents(es, settings)}[incident_id_for(first.id)]
    assert merged.mention_ids == [first.id, follow_up.id] and merged.killed == 5

    soon = resolve_incidents(store, incremental=True, config=GREEDY)  # within the watermark's safety margin: reloads, changes nothing
    assert (soon.incidents_created, soon.incidents_updated, soon.incidents_deleted) == (0, 0, 0)
    write_watermark(es, settings, "resolver", time.time_ns())
    assert resolve_incidents(store, incremental=True, config=GREEDY).mentions == 0  # nothing new: nothing loaded
    assert len(incidents(es, settings)) == 3


def test_bench_resolve_runs_and_loads_only_the_candidates(settings: Settings) -> None:
    result = bench_resolve(settings, mentions=2000, new=20, budget_s=120)
    assert result.stored_mentions == 2000 and result.new_mentions == 20
    assert 20 <= result.mentions_loaded < result.stored_mentions // 2
    assert result.s_per_1000_new > 0


def test_bench_resolve_command_prints_seconds_per_thousand(settings: Settings) -> None:
    run = CliRunner().invoke(bench_resolve_cmd, ["--mentions", "300", "--new", "10", "--greedy"], obj={"settings": settings})
    assert run.exit_code == 0, run.output
    assert "s per 1,000 new mentions at 300 stored mentions" in run.output


def test_an_incremental_run_drops_the_mentions_a_re_extraction_removed(settings: Settings, es: Elasticsearch) -> None:
    """A re-extracted article that no longer reports an event: the next scheduled run takes its mention
    out of the incident (and deletes an incident left with none), though no new mention is near it."""
    store = Store(es, settings)
    kept = mention("r1", published="2025-03-01T18:00", day="2025-03-01", killed=3)
    dropped = mention("r2", outlet="Geo", published="2025-03-02T08:00", day="2025-03-01", killed=30)
    alone = mention("r3", published="2025-05-01T18:00", day="2025-05-01", province="Balochistan", district="Quetta")
    put(es, settings, kept, dropped, alone)
    writer = BulkWriter(es, settings)
    for article in ("r1", "r2", "r3"):
        writer.index("articles", article, {"id": article, "nlp_status": "done"})
    writer.flush()
    resolve_incidents(store, incremental=True, config=GREEDY)
    assert sorted(len(i.mention_ids) for i in incidents(es, settings)) == [1, 2]
    write_watermark(es, settings, "resolver", time.time_ns())

    report = ProcessReport()
    queue_mentions(writer, "r2", [], {dropped.id}, report)  # as `process` writes a re-extraction with no events
    queue_mentions(writer, "r3", [], {alone.id}, report)
    writer.flush()
    writer.refresh_indices("events", "articles")
    assert report.mentions_deleted == 2

    again = resolve_incidents(store, incremental=True, config=GREEDY)
    assert (again.incidents_updated, again.incidents_deleted) == (1, 1)
    [incident] = incidents(es, settings)
    assert incident.mention_ids == [kept.id] and incident.killed == 3
