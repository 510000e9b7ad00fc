"""Merge event mentions that describe the same real incident into one `Incident`.

How it works (simple and deterministic beats clever):

1. load every mention in the candidate window (all of them without `since`), plus every
   mention of an existing incident that touches the window, so a cluster is never split
   by the window's edge;
2. order them by (published_at, mention id) and cluster greedily in that order: a mention
   joins the best-scoring compatible cluster, or starts a new one;
3. reconcile each cluster's figures into an `Incident` whose id comes from its first
   mention (`stable_id("incident", first_mention_id)`), so resolving again gives the same ids;
4. upsert incidents whose content changed, delete incidents that no longer have mentions,
   and write each mention's `incident_id` back to `khabar-events`.

Hard rules: mentions from the same article never merge (a roundup lists different
incidents); a security operation never merges with an attack; candidates must be within
`window_days` of each other and in the same district (or the same province when one side
lacks a district).

Reconciled figures: `killed`/`injured` are the latest non-null report (by published_at),
but never below a figure that two or more sources agree on (so a later, vaguer report of
a lower toll does not undo a toll that "rose to" N according to several outlets).
"""

from __future__ import annotations

import hashlib
import json
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from elasticsearch import Elasticsearch, helpers
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter

from khabar.core.records import (
    Attribution,
    EventMention,
    FigureRange,
    Incident,
    IncidentSource,
    Location,
    Perpetrator,
    stable_id,
    utcnow,
)
from khabar.core.settings import Settings

ATTACK_TYPES = frozenset({"bombing", "armed_assault", "targeted_killing"})
ATTRIBUTION_RANK: dict[str, int] = {"claimed": 2, "blamed": 1, "unknown": 0}
PRECISION_RANK: dict[str, int] = {"place": 4, "district": 3, "province": 2, "country": 1, "unknown": 0}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
VOLATILE_FIELDS = {"resolved_at", "updated_at"}


@dataclass(frozen=True)
class ResolveConfig:
    """Tuning of the resolver."""

    window_days: int = 3
    threshold: float = 0.62
    weights: dict[str, float] = field(
        default_factory=lambda: {
            "type": 0.25,
            "day": 0.15,
            "location": 0.15,
            "perpetrator": 0.15,
            "toll": 0.15,
            "place": 0.10,
            "target": 0.10,
            "embedding": 0.20,
        }
    )


@dataclass
class ResolveReport:
    """What one resolution run did."""

    mentions: int = 0
    incidents_created: int = 0
    incidents_updated: int = 0
    incidents_unchanged: int = 0
    incidents_deleted: int = 0
    mentions_relinked: int = 0


# -- pairwise scoring -----------------------------------------------------------------


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def mention_day(m: EventMention) -> date | None:
    """The day a mention's event happened: its date, else the day it was published."""
    if m.date is not None:
        return m.date
    return m.published_at.date() if m.published_at is not None else None


def _sort_time(m: EventMention) -> datetime:
    if m.published_at is None:
        return FAR_FUTURE
    ts = m.published_at
    return ts if ts.tzinfo else ts.replace(tzinfo=UTC)


def mention_order(m: EventMention) -> tuple[datetime, str]:
    """The deterministic order of resolution: earliest report first, then by mention id."""
    return (_sort_time(m), m.id)


def _type_score(a: str, b: str) -> float | None:
    if (a == "security_operation") != (b == "security_operation"):
        return None
    if a == b:
        return 1.0
    if a in ATTACK_TYPES and b in ATTACK_TYPES:
        return 0.3  # compatible: merges only when the rest agrees strongly
    if "other" in (a, b):
        return 0.5
    return 0.15


def _toll_score(a: int | None, b: int | None) -> float:
    if a is None or b is None:
        return 0.5
    low, high = sorted((a, b))
    if low == high:
        return 1.0
    if high - low <= max(3, low):  # a toll that rises (7 → 11) is the same story
        return 0.75
    return 0.0


def _location_score(a: Location, b: Location) -> float | None:
    da, db = _norm(a.district), _norm(b.district)
    pa, pb = _norm(a.province), _norm(b.province)
    if da and db:
        return 1.0 if da == db else None
    if pa and pb:
        return 0.6 if pa == pb else None
    return 0.2


def _perpetrator_score(a: Perpetrator, b: Perpetrator) -> float:
    na, nb = _norm(a.name), _norm(b.name)
    if na and nb:
        return 1.0 if na == nb else 0.0
    return 0.6  # a later claim is compatible with an earlier unknown


def _place_score(a: Location, b: Location) -> float:
    pa, pb = _norm(a.place), _norm(b.place)
    if pa and pb:
        return 1.0 if pa == pb else 0.3
    return 0.5


def _cosine(a: Sequence[float] | None, b: Sequence[float] | None) -> float | None:
    if not a or not b or len(a) != len(b):
        return None
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    na = math.sqrt(sum(x * x for x in a))
    nb = math.sqrt(sum(y * y for y in b))
    if na == 0 or nb == 0:
        return None
    return dot / (na * nb)


def pair_score(a: EventMention, b: EventMention, config: ResolveConfig | None = None) -> float | None:
    """How likely two mentions describe the same incident (0..1), or None when they cannot."""
    config = config or ResolveConfig()
    if a.article_id == b.article_id:
        return None
    day_a, day_b = mention_day(a), mention_day(b)
    if day_a is None or day_b is None:
        return None
    gap = abs((day_a - day_b).days)
    if gap > config.window_days:
        return None
    type_s = _type_score(a.event_type, b.event_type)
    location_s = _location_score(a.location, b.location)
    if type_s is None or location_s is None:
        return None
    parts: dict[str, float] = {
        "type": type_s,
        "day": 1.0 if gap == 0 else 0.7 if gap == 1 else 0.4,
        "location": location_s,
        "perpetrator": _perpetrator_score(a.perpetrator, b.perpetrator),
        "toll": (_toll_score(a.killed, b.killed) * 2 + _toll_score(a.injured, b.injured)) / 3,
        "place": _place_score(a.location, b.location),
        "target": 1.0 if a.target_type == b.target_type else 0.5 if "other" in (a.target_type, b.target_type) else 0.2,
    }
    cosine = _cosine(a.embedding, b.embedding)
    if cosine is not None:
        parts["embedding"] = max(0.0, cosine)
    total = sum(config.weights[k] for k in parts)
    return sum(config.weights[k] * v for k, v in parts.items()) / total


# -- clustering -----------------------------------------------------------------------


def cluster_mentions(mentions: Iterable[EventMention], config: ResolveConfig | None = None) -> list[list[EventMention]]:
    """Greedy clustering in resolution order; each cluster's first mention is its earliest."""
    config = config or ResolveConfig()
    clusters: list[list[EventMention]] = []
    by_day: dict[date, list[int]] = {}
    for mention in sorted(mentions, key=mention_order):
        day = mention_day(mention)
        best: tuple[float, int] | None = None
        if day is not None:
            candidates: set[int] = set()
            for offset in range(-config.window_days, config.window_days + 1):
                candidates.update(by_day.get(day + timedelta(days=offset), ()))
            for index in sorted(candidates):
                score = _cluster_score(mention, clusters[index], config)
                if score is not None and score >= config.threshold and (best is None or score > best[0]):
                    best = (score, index)
        if best is None:
            clusters.append([mention])
            index = len(clusters) - 1
        else:
            index = best[1]
            clusters[index].append(mention)
        if day is not None:
            by_day.setdefault(day, [])
            if index not in by_day[day]:
                by_day[day].append(index)
    return clusters


def _cluster_score(mention: EventMention, cluster: list[EventMention], config: ResolveConfig) -> float | None:
    """Best pairwise score with a member; None when any member rules the merge out."""
    best = 0.0
    for member in cluster:
        if member.article_id == mention.article_id:
            return None
        if (member.event_type == "security_operation") != (mention.event_type == "security_operation"):
            return None
        score = pair_score(mention, member, config)
        if score is not None:
            best = max(best, score)
    return best or None


# -- reconciliation -------------------------------------------------------------------


def incident_id_for(first_mention_id: str) -> str:
    """An incident's id, from the id of its earliest mention."""
    return stable_id("incident", first_mention_id)


def reconcile_figure(reports: Sequence[tuple[datetime, int | None]]) -> int | None:
    """Latest non-null figure, but never below one that two or more sources agree on."""
    given = [(when, value) for when, value in reports if value is not None]
    if not given:
        return None
    latest = max(given, key=lambda item: item[0])[1]
    counts = Counter(value for _, value in given)
    agreed = [value for value, n in counts.items() if n >= 2]
    if agreed and max(agreed) > latest:
        return max(agreed)
    return latest


def _figure_range(values: Iterable[int | None]) -> FigureRange:
    present = [v for v in values if v is not None]
    return FigureRange(min=min(present), max=max(present)) if present else FigureRange()


def _majority(values: Sequence[str], skip: str | None = None) -> str | None:
    """Most common value (ties: the one seen first); `skip` only wins when alone."""
    counts = Counter(v for v in values if v != skip)
    if not counts:
        return values[0] if values else None
    top = max(counts.values())
    return next(v for v in values if counts.get(v) == top)


def _best_location(members: Sequence[EventMention]) -> Location:
    """The most precise location; among equally precise ones, the most agreed (then earliest)."""
    keys = [(_norm(m.location.province), _norm(m.location.district), _norm(m.location.place)) for m in members]
    counts = Counter(keys)
    ranked = sorted(
        range(len(members)),
        key=lambda i: (-PRECISION_RANK.get(members[i].location.precision, 0), -counts[keys[i]], i),
    )
    return members[ranked[0]].location


def _best_perpetrator(members: Sequence[EventMention]) -> Perpetrator:
    """Claimed beats blamed beats unknown; the majority name at the strongest attribution."""
    named = [m.perpetrator for m in members if m.perpetrator.name]
    if not named:
        return Perpetrator()
    strongest = max(ATTRIBUTION_RANK[p.attribution] for p in named)
    top = [p for p in named if ATTRIBUTION_RANK[p.attribution] == strongest]
    name = _majority([p.name or "" for p in top])
    chosen = next(p for p in top if p.name == name)
    attribution: Attribution = chosen.attribution
    return Perpetrator(name=name, attribution=attribution, mention=chosen.mention)


def _mean_embedding(members: Sequence[EventMention]) -> list[float] | None:
    vectors = [m.embedding for m in members if m.embedding]
    if not vectors:
        return None
    size = len(vectors[0])
    vectors = [v for v in vectors if len(v) == size]
    mean = [sum(v[i] for v in vectors) / len(vectors) for i in range(size)]
    norm = math.sqrt(sum(x * x for x in mean))
    if norm == 0:
        return None
    return [round(x / norm, 6) for x in mean]


def build_incident(members: Sequence[EventMention], *, now: datetime | None = None) -> Incident:
    """One incident reconciled from its mentions (the first one is the earliest)."""
    members = sorted(members, key=mention_order)
    now = now or utcnow()
    times = [m.published_at if m.published_at is not None else EPOCH for m in members]
    published = [m.published_at for m in members if m.published_at is not None]
    best = max(members, key=lambda m: (m.confidence, -members.index(m)))
    sources = [
        IncidentSource(
            mention_id=m.id,
            article_id=m.article_id,
            url=m.article_url,
            outlet=m.outlet,
            title=m.title,
            published_at=m.published_at,
            killed=m.killed,
            injured=m.injured,
            perpetrator=m.perpetrator.name,
            attribution=m.perpetrator.attribution,
        )
        for m in members
    ]
    outlets = sorted({m.outlet for m in members if m.outlet})
    dates = [m.date for m in members if m.date is not None]
    day = None
    if dates:
        counts = Counter(dates)
        day = min(dates, key=lambda d: (-counts[d], d))
    dated = next((m for m in members if m.date == day), best)
    perpetrator = _best_perpetrator(members)
    distinct_sources = len({m.article_id for m in members})
    confidence = min(0.99, max(m.confidence for m in members) + 0.05 * (distinct_sources - 1))
    return Incident(
        incident_id=incident_id_for(members[0].id),
        event_type=_majority([m.event_type for m in members], skip="other"),  # type: ignore[arg-type]
        suicide=any(m.suicide for m in members),
        date=day,
        date_precision=dated.date_precision if day is not None else "unknown",
        location=_best_location(members),
        killed=reconcile_figure(list(zip(times, [m.killed for m in members], strict=True))),
        injured=reconcile_figure(list(zip(times, [m.injured for m in members], strict=True))),
        attackers_killed=reconcile_figure(list(zip(times, [m.attackers_killed for m in members], strict=True))),
        kidnapped=reconcile_figure(list(zip(times, [m.kidnapped for m in members], strict=True))),
        perpetrator=perpetrator,
        target_type=_majority([m.target_type for m in members], skip="other"),  # type: ignore[arg-type]
        confidence=round(confidence, 3),
        sources=sources,
        mention_ids=[m.id for m in members],
        source_count=distinct_sources,
        outlets=outlets,
        killed_range=_figure_range(m.killed for m in members),
        injured_range=_figure_range(m.injured for m in members),
        first_reported_at=min(published) if published else None,
        last_updated_at=max(published) if published else None,
        resolved_at=now,
        updated_at=now,
        evidence=best.evidence,
        embedding=_mean_embedding(members),
    )


def content_digest(incident: Incident) -> str:
    """A digest of what an incident says (not when it was resolved)."""
    body = incident.model_dump(mode="json", exclude=VOLATILE_FIELDS)
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


# -- Elasticsearch I/O ----------------------------------------------------------------


def _scan(es: Elasticsearch, index: str, query: dict[str, Any]) -> list[dict[str, Any]]:
    return list(helpers.scan(es, index=index, query={"query": query}, size=500))


def _load_mentions(es: Elasticsearch, settings: Settings, query: dict[str, Any]) -> dict[str, EventMention]:
    found: dict[str, EventMention] = {}
    for hit in _scan(es, alias_name(settings, "events"), query):
        mention = EventMention.model_validate(hit["_source"])
        found[hit["_id"]] = mention
    return found


def _load_incidents(es: Elasticsearch, settings: Settings, query: dict[str, Any]) -> dict[str, Incident]:
    found: dict[str, Incident] = {}
    for hit in _scan(es, alias_name(settings, "incidents"), query):
        found[hit["_id"]] = Incident.model_validate(hit["_source"])
    return found


def _window_queries(since: date | None, config: ResolveConfig) -> tuple[dict[str, Any], dict[str, Any]]:
    """Queries for the mentions and the incidents in the candidate window."""
    if since is None:
        everything: dict[str, Any] = {"match_all": {}}
        return everything, everything
    lower = (since - timedelta(days=2 * config.window_days)).isoformat()
    mentions = {"bool": {"should": [{"range": {"date": {"gte": lower}}}, {"range": {"published_at": {"gte": lower}}}]}}
    incidents = {"bool": {"should": [{"range": {"date": {"gte": lower}}}, {"range": {"last_updated_at": {"gte": lower}}}]}}
    return mentions, incidents


def _write_stamped(writer: BulkWriter, incidents: list[Incident]) -> None:
    """Write changed incidents chunk by chunk, each stamped `updated_at` just before its bulk request.

    The feed serves incidents in (updated_at, incident_id) order once they are a little older
    than the refresh interval; stamping right before each write keeps that order safe.
    """
    for start in range(0, len(incidents), writer.chunk_size):
        stamp = utcnow()
        for incident in incidents[start : start + writer.chunk_size]:
            incident.updated_at = stamp
            writer.index("incidents", incident.incident_id, incident)
        writer.flush()


def resolve_incidents(
    es: Elasticsearch,
    settings: Settings,
    *,
    since: date | None = None,
    config: ResolveConfig | None = None,
    now: datetime | None = None,
) -> ResolveReport:
    """Cluster the mentions (all, or those since `since` and their incidents) into incidents."""
    config = config or ResolveConfig(window_days=settings.incidents.window_days, threshold=settings.incidents.threshold)
    now = now or utcnow()
    mention_query, incident_query = _window_queries(since, config)
    es.indices.refresh(index=f"{alias_name(settings, 'events')},{alias_name(settings, 'incidents')}")
    mentions = _load_mentions(es, settings, mention_query)
    existing = _load_incidents(es, settings, incident_query)
    if since is not None:
        touching = _load_incidents(es, settings, {"terms": {"mention_ids": sorted(mentions)}}) if mentions else {}
        existing.update(touching)
        missing = sorted({mid for inc in existing.values() for mid in inc.mention_ids} - set(mentions))
        if missing:
            mentions.update(_load_mentions(es, settings, {"ids": {"values": missing}}))

    report = ResolveReport(mentions=len(mentions))
    writer = BulkWriter(es, settings)
    produced: set[str] = set()
    changed: list[Incident] = []
    for cluster in cluster_mentions(mentions.values(), config):
        incident = build_incident(cluster, now=now)
        produced.add(incident.incident_id)
        old = existing.get(incident.incident_id)
        if old is None:
            report.incidents_created += 1
            changed.append(incident)
        elif content_digest(old) == content_digest(incident):
            report.incidents_unchanged += 1
        else:
            report.incidents_updated += 1
            changed.append(incident)
        for mention in cluster:
            if mention.incident_id != incident.incident_id:
                writer.update("events", mention.id, {"incident_id": incident.incident_id})
                report.mentions_relinked += 1
    writer.flush()
    _write_stamped(writer, changed)
    for incident_id in sorted(set(existing) - produced):
        writer.delete("incidents", incident_id)
        report.incidents_deleted += 1
    writer.flush()
    writer.refresh_indices("incidents", "events")
    return report
