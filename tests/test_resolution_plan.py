"""Incident clustering as a pure function over records: no Elasticsearch anywhere in this file."""

from __future__ import annotations

from datetime import UTC, datetime

from khabar.incidents.resolve import ResolveConfig, incident_id_for, plan_resolution, window_start
from tests.test_incidents import mention

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def test_two_outlets_make_one_new_incident_and_both_mentions_are_linked() -> None:
    first = mention("a1", outlet="Dawn", published="2025-03-01T18:00", killed=7, injured=12)
    later = mention("a2", outlet="Express Tribune", published="2025-03-02T08:00", killed=11, injured=15)
    plan = plan_resolution([later, first], {}, now=NOW)
    [incident] = plan.incidents
    assert incident.incident_id == incident_id_for(first.id)
    assert incident.killed == 11 and incident.source_count == 2
    assert plan.changed == [incident] and plan.deleted == []
    assert plan.relinks == {first.id: incident.incident_id, later.id: incident.incident_id}
    assert (plan.report.mentions, plan.report.incidents_created, plan.report.mentions_relinked) == (2, 1, 2)


def test_replanning_what_is_stored_changes_nothing() -> None:
    mentions = [mention("b1", killed=5), mention("b2", outlet="Geo", published="2025-03-02T11:00", killed=5)]
    first = plan_resolution(mentions, {}, now=NOW)
    [incident] = first.incidents
    stored_mentions = [m.model_copy(update={"incident_id": incident.incident_id}) for m in mentions]
    again = plan_resolution(stored_mentions, {incident.incident_id: incident}, now=datetime(2025, 4, 1, tzinfo=UTC))
    assert again.changed == [] and again.relinks == {} and again.deleted == []
    assert (again.report.incidents_unchanged, again.report.incidents_created) == (1, 0)


def test_new_report_updates_the_incident() -> None:
    old = plan_resolution([mention("c1", killed=3)], {}, now=NOW).incidents[0]
    newer = mention("c2", outlet="Geo", published="2025-03-02T20:00", killed=6)
    stored = mention("c1", killed=3).model_copy(update={"incident_id": old.incident_id})
    plan = plan_resolution([stored, newer], {old.incident_id: old}, now=NOW)
    [incident] = plan.changed
    assert incident.incident_id == old.incident_id and incident.killed == 6
    assert plan.relinks == {newer.id: old.incident_id}
    assert plan.report.incidents_updated == 1


def test_an_incident_without_mentions_is_deleted() -> None:
    gone = plan_resolution([mention("d1")], {}, now=NOW).incidents[0]
    plan = plan_resolution([mention("d9", district="Quetta", province="Balochistan")], {gone.incident_id: gone}, now=NOW)
    assert plan.deleted == [gone.incident_id] and plan.report.incidents_deleted == 1


def test_hard_rules_keep_mentions_apart() -> None:
    same_article = [mention("e1", position=0, killed=2), mention("e1", position=1, killed=2)]
    districts = [mention("f1", district="Peshawar"), mention("f2", district="Bannu")]
    attack_and_operation = [mention("g1", event_type="armed_assault", killed=3),
                            mention("g2", event_type="security_operation", killed=3, target="militants")]
    for mentions in (same_article, districts, attack_and_operation):
        assert len(plan_resolution(mentions, {}, now=NOW).incidents) == 2


def test_plan_is_deterministic_whatever_the_input_order() -> None:
    mentions = [mention("h1", killed=5), mention("h2", outlet="Geo", published="2025-03-02T11:00", killed=6),
                mention("h3", district="Bannu", killed=1)]
    forward = plan_resolution(mentions, {}, now=NOW)
    backward = plan_resolution(list(reversed(mentions)), {}, now=NOW)
    assert [i.model_dump() for i in forward.incidents] == [i.model_dump() for i in backward.incidents]


def test_window_start_reaches_back_twice_the_window() -> None:
    config = ResolveConfig(window_days=3)
    assert window_start(None, config) is None
    assert window_start(datetime(2025, 3, 10).date(), config) == datetime(2025, 3, 4).date()
