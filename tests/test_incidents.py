"""Incident resolution against a real Elasticsearch (synthetic mentions only)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from elasticsearch import Elasticsearch

from khabar.core.records import Attribution, EventMention, Incident, Location, Perpetrator
from khabar.core.settings import Settings
from khabar.incidents.resolve import incident_id_for, pair_score, reconcile_figure, resolve_incidents
from khabar.index.store import Store
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter

PKT = timezone(timedelta(hours=5))


def mention(
    article: str,
    *,
    position: int = 0,
    outlet: str = "Dawn",
    published: str = "2025-03-02T09:00",
    day: str | None = "2025-03-01",
    event_type: str = "bombing",
    province: str = "Khyber Pakhtunkhwa",
    district: str | None = "Peshawar",
    place: str | None = None,
    killed: int | None = None,
    injured: int | None = None,
    group: str | None = None,
    attribution: Attribution = "unknown",
    target: str = "police",
    confidence: float = 0.8,
) -> EventMention:
    """A synthetic mention of one event in one article."""
    return EventMention.model_validate(
        {
            "article_id": article,
            "position": position,
            "article_url": f"https://{outlet.lower().replace(' ', '')}.example/{article}.html",
            "outlet": outlet,
            "title": f"{article} title",
            "published_at": datetime.fromisoformat(published).replace(tzinfo=PKT),
            "event_type": event_type,
            "date": date.fromisoformat(day) if day else None,
            "date_precision": "day" if day else "unknown",
            "location": Location(
                country="Pakistan",
                province=province,
                district=district,
                place=place,
                precision="place" if place else "district" if district else "province",
            ),
            "killed": killed,
            "injured": injured,
            "perpetrator": Perpetrator(name=group, attribution=attribution if group else "unknown", mention=group),
            "target_type": target,
            "confidence": confidence,
        }
    )


def put(es: Elasticsearch, settings: Settings, *mentions: EventMention) -> None:
    writer = BulkWriter(es, settings)
    for m in mentions:
        writer.index("events", m.id, m)
    writer.flush()
    writer.refresh_indices("events")


def incidents(es: Elasticsearch, settings: Settings) -> list[Incident]:
    es.indices.refresh(index=alias_name(settings, "incidents"))
    hits = es.search(index=alias_name(settings, "incidents"), size=100, sort=[{"incident_id": "asc"}])["hits"]["hits"]
    return [Incident.model_validate(h["_source"]) for h in hits]


def test_two_outlets_one_incident_later_toll(es: Elasticsearch, settings: Settings) -> None:
    first = mention("a1", outlet="Dawn", published="2025-03-01T18:00", killed=7, injured=12)
    later = mention("a2", outlet="Express Tribune", published="2025-03-02T08:00", killed=11, injured=15)
    put(es, settings, later, first)
    report = resolve_incidents(Store(es, settings))
    assert (report.mentions, report.incidents_created) == (2, 1)
    [incident] = incidents(es, settings)
    assert incident.incident_id == incident_id_for(first.id)
    assert incident.killed == 11 and incident.injured == 15
    assert (incident.killed_range.min, incident.killed_range.max) == (7, 11)
    assert incident.source_count == 2
    assert incident.outlets == ["Dawn", "Express Tribune"]
    assert [s.url for s in incident.sources] == [first.article_url, later.article_url]
    assert incident.first_reported_at == first.published_at
    assert incident.last_updated_at == later.published_at
    stored = es.get(index=alias_name(settings, "events"), id=later.id)["_source"]
    assert stored["incident_id"] == incident.incident_id


def test_same_day_different_districts_stay_apart(es: Elasticsearch, settings: Settings) -> None:
    put(es, settings, mention("b1", district="Peshawar"), mention("b2", district="Bannu"))
    assert resolve_incidents(Store(es, settings)).incidents_created == 2


def test_operation_and_attack_stay_apart(es: Elasticsearch, settings: Settings) -> None:
    attack = mention("c1", event_type="armed_assault", killed=3)
    operation = mention("c2", event_type="security_operation", killed=3, target="militants")
    put(es, settings, attack, operation)
    assert pair_score(attack, operation) is None
    assert resolve_incidents(Store(es, settings)).incidents_created == 2


def test_same_article_never_merges(es: Elasticsearch, settings: Settings) -> None:
    put(es, settings, mention("d1", position=0, killed=2), mention("d1", position=1, killed=2))
    assert resolve_incidents(Store(es, settings)).incidents_created == 2


def test_resolution_is_reproducible(es: Elasticsearch, settings: Settings) -> None:
    put(
        es,
        settings,
        mention("e1", killed=5),
        mention("e2", published="2025-03-02T11:00", killed=6, outlet="Geo"),
        mention("e3", district="Quetta", province="Balochistan"),
    )
    first = resolve_incidents(Store(es, settings))
    ids = [i.incident_id for i in incidents(es, settings)]
    updated = [i.updated_at for i in incidents(es, settings)]
    second = resolve_incidents(Store(es, settings))
    assert first.incidents_created == 2
    assert (second.incidents_created, second.incidents_updated, second.incidents_unchanged, second.incidents_deleted) == (
        0,
        0,
        2,
        0,
    )
    assert [i.incident_id for i in incidents(es, settings)] == ids
    assert [i.updated_at for i in incidents(es, settings)] == updated
    third = resolve_incidents(Store(es, settings), since=date(2025, 3, 1))
    assert third.incidents_unchanged == 2 and third.incidents_created == 0


def test_reextracted_mention_moves_and_old_incident_is_deleted(es: Elasticsearch, settings: Settings) -> None:
    moving = mention("f1", published="2025-03-01T20:00", district="Peshawar")
    other = mention("f2", published="2025-03-01T10:00", district="Mardan", outlet="Geo")
    put(es, settings, moving, other)
    resolve_incidents(Store(es, settings))
    assert {i.incident_id for i in incidents(es, settings)} == {incident_id_for(moving.id), incident_id_for(other.id)}
    put(es, settings, moving.model_copy(update={"location": other.location, "article_version": 2}))
    report = resolve_incidents(Store(es, settings))
    assert (report.incidents_deleted, report.incidents_updated) == (1, 1)
    [incident] = incidents(es, settings)
    assert incident.incident_id == incident_id_for(other.id)
    assert incident.mention_ids == [other.id, moving.id]
    stored = es.get(index=alias_name(settings, "events"), id=moving.id)["_source"]
    assert stored["incident_id"] == incident.incident_id


def test_late_claim_merges_and_upgrades_attribution(es: Elasticsearch, settings: Settings) -> None:
    early = mention("g1", killed=4, group=None)
    blamed = mention(
        "g2", published="2025-03-02T12:00", killed=4, group="Tehrik-i-Taliban Pakistan", attribution="blamed", outlet="Geo"
    )
    claim = mention(
        "g3",
        published="2025-03-03T10:00",
        day="2025-03-01",
        killed=5,
        group="Tehrik-i-Taliban Pakistan",
        attribution="claimed",
        outlet="BBC Urdu",
    )
    put(es, settings, early, blamed)
    resolve_incidents(Store(es, settings))
    [before] = incidents(es, settings)
    assert before.perpetrator.attribution == "blamed"
    put(es, settings, claim)
    report = resolve_incidents(Store(es, settings), since=date(2025, 3, 3))
    assert report.incidents_updated == 1 and report.incidents_created == 0
    [after] = incidents(es, settings)
    assert after.incident_id == before.incident_id
    assert after.perpetrator.name == "Tehrik-i-Taliban Pakistan" and after.perpetrator.attribution == "claimed"
    assert after.source_count == 3 and after.killed == 5
    assert after.updated_at > before.updated_at


def test_reconcile_figure_keeps_agreed_higher_toll() -> None:
    t = [datetime(2025, 1, d, tzinfo=UTC) for d in (1, 2, 3, 4)]
    assert reconcile_figure([(t[0], 7), (t[1], 11)]) == 11
    assert reconcile_figure([(t[0], 7), (t[1], None)]) == 7
    assert reconcile_figure([(t[0], 11), (t[1], 11), (t[2], 9)]) == 11
    assert reconcile_figure([(t[0], None)]) is None


def test_wildly_different_tolls_and_places_do_not_merge_compatible_types() -> None:
    a = mention("h1", event_type="bombing", killed=2, place="Saddar", target="civilians")
    b = mention("h2", event_type="targeted_killing", killed=40, place="Hayatabad", target="police")
    score = pair_score(a, b)
    assert score is not None and score < 0.62
