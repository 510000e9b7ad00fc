"""Stable incident ids: backfilled reports, moved members and merges keep a deterministic id (pure)."""

from __future__ import annotations

from datetime import UTC, datetime

from khabar.core.records import EventMention, Incident
from khabar.incidents.resolve import ResolveConfig, incident_id_for, plan_resolution
from tests.test_incidents import mention

NOW = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)
GREEDY = ResolveConfig(learned=False)  # the synthetic mentions carry no text; the ids do not depend on the clusterer


def stored(mentions: list[EventMention]) -> tuple[list[EventMention], dict[str, Incident]]:
    """Resolve, then return the mentions as stored (linked) and the stored incidents."""
    plan = plan_resolution(mentions, {}, GREEDY, now=NOW)
    linked = [m.model_copy(update={"incident_id": plan.relinks.get(m.id, m.incident_id)}) for m in mentions]
    return linked, {i.incident_id: i for i in plan.incidents}


def test_a_backfilled_earlier_report_does_not_change_the_id() -> None:
    later = mention("b2", outlet="Geo", published="2025-03-02T09:00", killed=5)
    linked, existing = stored([later])
    [incident_id] = existing
    assert incident_id == incident_id_for(later.id)
    earlier = mention("b1", outlet="Dawn", published="2025-03-01T18:00", killed=4)
    plan = plan_resolution([earlier, *linked], existing, GREEDY, now=NOW)
    [incident] = plan.incidents
    assert incident.incident_id == incident_id  # not incident_id_for(earlier.id), the new first mention
    assert incident.mention_ids == [earlier.id, later.id] and plan.deleted == []


def test_merging_two_incidents_keeps_the_bigger_then_the_first_reported_and_deletes_the_other() -> None:
    a1 = mention("m1", outlet="Dawn", published="2025-03-01T10:00", district="Peshawar", killed=3)
    a2 = mention("m2", outlet="Geo", published="2025-03-01T12:00", district="Peshawar", killed=3)
    b1 = mention("m3", outlet="Dunya", published="2025-03-01T09:00", district="Mardan", killed=3)
    linked, existing = stored([a1, a2, b1])
    assert len(existing) == 2
    # a re-extraction puts the Mardan report in Peshawar: the two incidents are now one
    moved = [m.model_copy(update={"location": a1.location}) if m.id == b1.id else m for m in linked]
    for order in (moved, list(reversed(moved))):
        plan = plan_resolution(order, existing, GREEDY, now=NOW)
        [incident] = plan.incidents
        assert incident.incident_id == incident_id_for(a1.id)  # two members beat one, though b1 was first
        assert plan.deleted == [incident_id_for(b1.id)]


def test_a_split_keeps_the_id_with_the_first_part_and_gives_the_rest_a_fresh_one() -> None:
    first = mention("s1", outlet="Dawn", published="2025-03-01T10:00", killed=3)
    second = mention("s2", outlet="Geo", published="2025-03-01T12:00", killed=3)
    linked, existing = stored([first, second])
    [incident_id] = existing
    moved = [m.model_copy(update={"location": mention("x", district="Mardan").location}) if m.id == second.id else m
             for m in linked]
    plan = plan_resolution(moved, existing, GREEDY, now=NOW)
    ids = sorted(i.incident_id for i in plan.incidents)
    assert ids == sorted([incident_id, incident_id_for(second.id)]) and plan.deleted == []
