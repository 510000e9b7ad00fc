"""Cross-source plausibility of incident figures, and leaving figures under review out of counts.

The example is the issue's: a Quetta bombing that killed 11, and a report of it whose extracted
toll (951) is a think tank's statistic for the year, flagged by the extractor (`review`).
"""

from __future__ import annotations

import json
from datetime import date

from click.testing import CliRunner
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.core.records import EventMention, Evidence, Incident
from khabar.core.settings import ApiSettings, Settings
from khabar.incidents.corrections import apply_overrides
from khabar.incidents.plausibility import unsupported
from khabar.incidents.resolve import build_incident, resolve_incidents
from khabar.index.corrections import CorrectionState
from khabar.index.report import build_report, render_html, render_markdown, render_text
from khabar.index.store import Store
from khabar.index.trends import trends
from khabar.index.writer import BulkWriter
from tests.test_incidents import incidents, mention, put

BAL = "Balochistan"
STATISTIC = "Pakistan recorded 785 militant attacks in the first ten months of this year, in which 951 people were killed."


def quetta(article: str, killed: int, *, flagged: bool = False, published: str = "2024-08-12T15:00",
           outlet: str = "Dawn", injured: int = 20) -> EventMention:
    """A report of the Quetta bombing of 2024-08-12 (the extractor's `review` flag when `flagged`)."""
    m = mention(article, outlet=outlet, published=published, day="2024-08-12", province=BAL, district="Quetta",
                killed=killed, injured=injured, confidence=0.4 if flagged else 0.8)
    sentence = STATISTIC if flagged else f"{killed} people were killed when a bomb exploded near a police van in Quetta."
    m.evidence = {"killed": Evidence(sentence=sentence, start=0, end=len(sentence))}
    m.review = flagged
    return m


def lahore(article: str, killed: int) -> EventMention:
    return mention(article, published="2024-03-05T12:00", day="2024-03-05", province="Punjab", district="Lahore", killed=killed)


# -- the incident's figure (pure) ---------------------------------------------------------------


def test_flagged_report_is_set_aside_and_puts_the_incident_under_review() -> None:
    normal, statistic = quetta("a1", 11), quetta("a2", 951, flagged=True, published="2024-08-12T20:00", outlet="Wire")
    incident = build_incident([normal, statistic])
    assert (incident.killed, incident.injured) == (11, 20)  # the later report's 951 is not taken
    assert incident.review and incident.review_fields == ["killed"]
    assert "951 from Wire set aside" in incident.review_notes[0] and "counted 11" in incident.review_notes[0]
    assert [(s.killed, s.review) for s in incident.sources] == [(11, False), (951, True)]  # the evidence stays
    assert incident.killed_range.max == 951
    assert incident.evidence["killed"].sentence.startswith("11 people")
    assert incident.evidence["killed_under_review"].sentence == STATISTIC
    unflagged = build_incident([normal, quetta("a2", 11, published="2024-08-12T20:00")])
    assert not unflagged.review and incident.confidence < unflagged.confidence


def test_only_flagged_reports_give_the_figure_it_is_kept_under_review() -> None:
    incident = build_incident([quetta("a2", 951, flagged=True)])
    assert incident.killed == 951 and incident.review and "no other source gives one" in incident.review_notes[0]


def test_a_figure_far_above_the_other_sources_is_set_aside() -> None:
    reports = [quetta("a1", 11), quetta("a2", 12, published="2024-08-12T18:00"), quetta("a3", 60, published="2024-08-13T09:00")]
    incident = build_incident(reports)
    assert incident.killed == 12 and incident.review and incident.review_fields == ["killed"]
    assert "over 3x the median (11.5)" in incident.review_notes[0]


def test_a_rising_toll_that_another_source_supports_is_counted() -> None:
    reports = [quetta("a1", 28), quetta("a2", 32, published="2024-08-12T18:00"),
               quetta("a3", 93, published="2024-08-13T09:00"), quetta("a4", 100, published="2024-08-13T12:00")]
    incident = build_incident(reports)
    assert incident.killed == 100 and not incident.review
    # one other source is not enough to call a figure unsupported; small tolls rise in small steps
    assert not unsupported(951, [11]) and not unsupported(4, [1, 1]) and unsupported(60, [11, 12])


def test_a_flagged_figure_below_the_counted_one_changes_nothing() -> None:
    incident = build_incident([quetta("a1", 11), quetta("a2", 5, flagged=True, published="2024-08-12T18:00")])
    assert incident.killed == 11 and not incident.review
    # a figure the extractor flagged (far above its own article's other figures) that another outlet backs
    backed = build_incident([quetta("a1", 57), quetta("a2", 60, flagged=True, published="2024-08-13T18:00")])
    assert backed.killed == 60 and not backed.review


def test_an_analysts_corrected_toll_settles_the_review() -> None:
    incident = build_incident([quetta("a1", 11), quetta("a2", 951, flagged=True, published="2024-08-12T20:00")])
    corrected = apply_overrides(incident, CorrectionState(incident_id=incident.incident_id, overrides={"killed": 12}))
    assert corrected.killed == 12 and not corrected.review and corrected.review_fields == [] == corrected.review_notes
    untouched = apply_overrides(incident, CorrectionState(incident_id=incident.incident_id, overrides={"injured": 3}))
    assert untouched.review and untouched.review_fields == ["killed"]


# -- consumers (real Elasticsearch) -------------------------------------------------------------


def store_incidents(es: Elasticsearch, settings: Settings, *items: Incident) -> None:
    writer = BulkWriter(es, settings)
    for incident in items:
        writer.index("incidents", incident.incident_id, incident)
    writer.flush()
    writer.refresh_indices("incidents")


def test_report_trends_and_api_leave_out_figures_under_review(es: Elasticsearch, settings: Settings) -> None:
    merged = build_incident([quetta("a1", 11), quetta("a2", 951, flagged=True, published="2024-08-12T20:00", outlet="Wire")])
    alone = build_incident([quetta("b1", 951, flagged=True, published="2024-11-02T10:00")])
    alone.date = date(2024, 11, 2)
    plain = build_incident([lahore("c1", 3)])
    store_incidents(es, settings, merged, alone, plain)

    report = build_report(es, settings, 2024)
    assert (report.attacks, report.deaths, report.under_review_count) == (1, 3, 2)
    assert [i.killed for i in report.deadliest] == [3]
    assert [i.incident_id for i in report.under_review] == [merged.incident_id, alone.incident_id]
    text = render_text(report)
    assert "2 incidents with figures under review left out" in text and "951 from Wire set aside" in text
    assert "## Figures under review" in render_markdown(report) and "Figures under review" in render_html(report)
    included = build_report(es, settings, 2024, include_review=True)
    assert (included.attacks, included.deaths) == (3, 3 + 11 + 951)  # the merged incident counts its 11
    assert "Including 2 incidents with figures under review" in render_text(included)

    killed = {r.key: r.value for r in trends(es, settings, by="district", interval="year", metric="killed").rows}
    assert killed == {"Lahore": 3}
    table = trends(es, settings, by="district", interval="year", metric="killed", review="include")
    assert {r.key: r.value for r in table.rows} == {"Lahore": 3, "Quetta": 962}
    only = trends(es, settings, by="district", interval="year", review="only")
    assert [(r.key, r.value) for r in only.rows] == [("Quetta", 2)]
    assert trends(es, settings, by="district", interval="year").under_review == 2

    client = TestClient(create_app(settings.model_copy(update={"api": ApiSettings(api_keys=["k"])})))
    headers = {"Authorization": "Bearer k"}
    listed = client.get("/v1/incidents", headers=headers).json()
    assert listed["total"] == 3  # the listing hides nothing by default
    flagged = client.get("/v1/incidents", params={"review": "only"}, headers=headers).json()
    assert {i["incident_id"] for i in flagged["items"]} == {merged.incident_id, alone.incident_id}
    assert client.get("/v1/incidents", params={"review": "exclude"}, headers=headers).json()["total"] == 1
    assert client.get("/v1/incidents", params={"review": "maybe"}, headers=headers).status_code == 422
    api_trends = client.get("/v1/trends", params={"by": "district", "interval": "year", "metric": "killed"}, headers=headers).json()
    assert [(r["key"], r["value"]) for r in api_trends["rows"]] == [("Lahore", 3)] and api_trends["under_review"] == 2


def test_report_on_resolved_reports_shows_no_toll_from_the_statistic(es: Elasticsearch, settings: Settings) -> None:
    put(es, settings, quetta("a1", 11), quetta("a2", 951, flagged=True, published="2024-08-12T20:00", outlet="Wire"),
        lahore("c1", 3))
    store = Store(es, settings)
    resolve_incidents(store)
    by_killed = {i.killed: i for i in incidents(es, settings)}
    assert set(by_killed) == {11, 3} and by_killed[11].review and not by_killed[3].review

    from khabar.cli import main

    env = {"KHABAR_ES_URL": settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix}
    runner = CliRunner()
    result = runner.invoke(main, ["report", "--year", "2024"], env=env)
    assert result.exit_code == 0, result.output
    assert "Deaths:  3 " in result.output and "951 killed" not in result.output
    assert "1 incident with figures under review left out" in result.output
    included = runner.invoke(main, ["report", "--year", "2024", "--include-review"], env=env)
    assert "Deaths:  14 " in included.output and "951 killed" not in included.output
    table = runner.invoke(main, ["trends", "--by", "district", "--interval", "year", "--metric", "killed", "--json"], env=env)
    assert [(r["key"], r["value"]) for r in json.loads(table.output)["rows"]] == [("Lahore", 3)]
    shown = runner.invoke(main, ["trends", "--by", "district", "--interval", "year", "--metric", "killed"], env=env)
    assert "1 incident with figures under review left out" in shown.output
