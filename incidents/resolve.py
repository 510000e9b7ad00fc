"""Merge event mentions that describe the same real incident into one `Incident`.

How it works (simple and deterministic beats clever):

1. load every mention in the candidate window (all of them without `since`), plus every
   mention of an existing incident that touches the window, so a cluster is never split
   by the window's edge; the scheduled run is incremental (`load_incremental`): the mentions
   written since the last run's watermark and the stored incidents they could join (date within
   twice the window, same province) with all their mentions;
2. cluster them with the learned matcher (`khabar.incidents.matching`, the default; it also
   uses the articles' headline embeddings), or, with `ResolveConfig(learned=False)`, order
   them by (published_at, mention id) and cluster greedily in that order: a mention joins the
   best-scoring compatible cluster, or starts a new one (the "hard rules" below are this one's);
3. reconcile each cluster's figures into an `Incident` whose id comes from its first
   mention (`stable_id("incident", first_mention_id)`), so resolving again gives the same ids;
4. upsert incidents whose content changed, delete incidents that no longer have mentions (a
   tombstone for the feed; one merged into another redirects to it, khabar.index.corrections),
   and write each mention's `incident_id` back to `khabar-events`.

Hard rules: mentions from the same article never merge (a roundup lists different
incidents); a security operation never merges with an attack; candidates must be within
`window_days` of each other and in the same district (or the same province when one side
lacks a district).

Reconciled figures: `killed`/`injured` are the latest non-null report (by published_at),
but never below a figure that two or more sources agree on (so a later, vaguer report of
a lower toll does not undo a toll that "rose to" N according to several outlets), taken from
the reports that are not flagged for review when there are any: a report the extractor flagged,
or one far above the other sources' figures, is set aside and puts the incident under review
(`review`, `review_fields`, `review_notes`, halved confidence; khabar.incidents.plausibility).
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import numpy as np

from khabar.core.records import (
    Attribution,
    EventMention,
    Evidence,
    FigureRange,
    Incident,
    IncidentSource,
    Location,
    Perpetrator,
    stable_id,
    utcnow,
)
from khabar.incidents import matching
from khabar.incidents.corrections import Corrections
from khabar.incidents.plausibility import REVIEW_CONFIDENCE_FACTOR, SCREENED, FigureReview, review_figure
from khabar.index.corrections import CorrectionStore, tombstone
from khabar.index.lease import lease, read_watermark, write_watermark
from khabar.index.store import Store
from khabar.index.writer import BulkWriter

ATTACK_TYPES = frozenset({"bombing", "armed_assault", "targeted_killing"})
ATTRIBUTION_RANK: dict[str, int] = {"claimed": 2, "blamed": 1, "unknown": 0}
PRECISION_RANK: dict[str, int] = {"place": 4, "district": 3, "province": 2, "country": 1, "unknown": 0}
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
VOLATILE_FIELDS = {"resolved_at", "updated_at", "change_seq"}


@dataclass(frozen=True)
class ResolveConfig:
    """Tuning of the resolver.

    `learned`: cluster with the learned matcher (`khabar.incidents.matching`, its own model and
    threshold); False: the greedy weighted score below (`threshold`, `weights`).
    """

    window_days: int = 3
    threshold: float = 0.62
    learned: bool = True
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
    cosine = matching.cosine(a.embedding, b.embedding)
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
    mean = np.asarray([v for v in vectors if len(v) == size], dtype=np.float64).mean(axis=0)
    norm = float(np.linalg.norm(mean))
    if norm == 0:
        return None
    return [round(float(x), 6) for x in mean / norm]


def build_incident(members: Sequence[EventMention], *, now: datetime | None = None) -> Incident:
    """One incident reconciled from its mentions (the first one is the earliest)."""
    members = sorted(members, key=mention_order)
    now = now or utcnow()
    times = [m.published_at if m.published_at is not None else EPOCH for m in members]
    published = [m.published_at for m in members if m.published_at is not None]
    best = max(members, key=lambda m: (m.confidence, -members.index(m)))
    reviews = {name: _counted_figure(members, name) for name in SCREENED}  # cross-source plausibility
    under_review = [r for r in reviews.values() if r.under_review]
    set_aside = {mention_id for r in under_review for mention_id in r.flagged}
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
            review=m.id in set_aside,
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
    if under_review:
        confidence *= REVIEW_CONFIDENCE_FACTOR
    return Incident(
        incident_id=incident_id_for(members[0].id),
        event_type=_majority([m.event_type for m in members], skip="other"),  # type: ignore[arg-type]
        suicide=any(m.suicide for m in members),
        date=day,
        date_precision=dated.date_precision if day is not None else "unknown",
        location=_best_location(members),
        killed=reviews["killed"].value,
        injured=reviews["injured"].value,
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
        evidence=_figure_evidence(best, members, under_review),
        embedding=_mean_embedding(members),
        review=bool(under_review),
        review_fields=[r.figure for r in under_review],
        review_notes=[note for r in under_review for note in r.notes],
    )


def _counted_figure(members: Sequence[EventMention], figure: str) -> FigureReview:
    """A figure reconciled from the reports that are not flagged (khabar.incidents.plausibility)."""

    def reconcile(pool: Sequence[EventMention]) -> int | None:
        return reconcile_figure([(m.published_at or EPOCH, getattr(m, figure)) for m in pool])

    return review_figure(members, figure, reconcile)


def _figure_evidence(best: EventMention, members: Sequence[EventMention], under_review: list[FigureReview]) -> dict[str, Evidence]:
    """The most confident mention's evidence; for a figure under review, the sentence of a report that
    gives the counted value, and the set-aside report's sentence as `<figure>_under_review`."""
    evidence = dict(best.evidence)
    by_id = {m.id: m for m in members}
    for review in under_review:
        name = review.figure
        flagged = max((by_id[i] for i in review.flagged), key=lambda m: getattr(m, name))
        if name in flagged.evidence:
            evidence[f"{name}_under_review"] = flagged.evidence[name]
        giver = next((m for m in members if getattr(m, name) == review.value and name in m.evidence), None)
        if giver is not None:
            evidence[name] = giver.evidence[name]
        elif getattr(best, name) != review.value:
            evidence.pop(name, None)
    return evidence


def content_digest(incident: Incident) -> str:
    """A digest of what an incident says (not when it was resolved)."""
    body = incident.model_dump(mode="json", exclude=VOLATILE_FIELDS)
    return hashlib.sha256(json.dumps(body, sort_keys=True).encode("utf-8")).hexdigest()


# -- the plan (pure) -------------------------------------------------------------------


@dataclass
class ResolutionPlan:
    """What resolving a set of mentions against the stored incidents should change.

    `incidents` are all the incidents the mentions form (ids from their first mention);
    `changed` those new or different from what is stored; `deleted` stored incidents that no
    longer have mentions; `relinks` maps mention id to its new incident id; `merged` maps each
    deleted incident whose mentions now belong (mostly) to another incident to that survivor.
    """

    incidents: list[Incident] = field(default_factory=list)
    changed: list[Incident] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    merged: dict[str, str] = field(default_factory=dict)
    relinks: dict[str, str] = field(default_factory=dict)
    report: ResolveReport = field(default_factory=ResolveReport)


def plan_resolution(
    mentions: Iterable[EventMention],
    existing: dict[str, Incident],
    config: ResolveConfig | None = None,
    *,
    now: datetime | None = None,
    corrections: Corrections | None = None,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
) -> ResolutionPlan:
    """Cluster the mentions into incidents and compare them with the `existing` ones (by id).

    Pure: no storage. `existing` should hold every stored incident that any of the mentions
    belongs to (and those of the window being resolved), so vanished incidents are deleted.
    `article_vectors` (article id → headline+lead embedding) feed the learned matcher.
    """
    config = config or ResolveConfig()
    now = now or utcnow()
    mentions = list(mentions)
    plan = ResolutionPlan(report=ResolveReport(mentions=len(mentions)))
    produced: set[str] = set()
    if config.learned:
        clusters = matching.cluster(mentions, article_vectors=article_vectors)
    else:
        clusters = cluster_mentions(mentions, config)
    if corrections is not None:  # analysts' splits, merges and corrected fields win (incidents.corrections)
        clusters = corrections.regroup(clusters)
    for cluster, incident_id in zip(clusters, surviving_ids(clusters, existing), strict=True):
        incident = build_incident(cluster, now=now)
        incident.incident_id = incident_id
        if corrections is not None:
            incident = corrections.apply(incident, cluster)
        plan.incidents.append(incident)
        produced.add(incident.incident_id)
        old = existing.get(incident.incident_id)
        if old is None:
            plan.report.incidents_created += 1
            plan.changed.append(incident)
        elif content_digest(old) == content_digest(incident):
            plan.report.incidents_unchanged += 1
        else:
            plan.report.incidents_updated += 1
            plan.changed.append(incident)
        for mention in cluster:
            if mention.incident_id != incident.incident_id:
                plan.relinks[mention.id] = incident.incident_id
    plan.report.mentions_relinked = len(plan.relinks)
    plan.deleted = sorted(set(existing) - produced)
    plan.report.incidents_deleted = len(plan.deleted)
    plan.merged = merged_into(plan.deleted, existing, plan.incidents)
    return plan


def merged_into(deleted: Iterable[str], existing: Mapping[str, Incident], incidents: Iterable[Incident]) -> dict[str, str]:
    """For each deleted incident whose mentions live on: the incident holding most of them (ties: smaller id)."""
    owner = {mention_id: incident.incident_id for incident in incidents for mention_id in incident.mention_ids}
    merged: dict[str, str] = {}
    for incident_id in deleted:
        counts = Counter(owner[m] for m in existing[incident_id].mention_ids if m in owner)
        if counts:
            merged[incident_id] = min(counts, key=lambda i: (-counts[i], i))
    return merged


def surviving_ids(clusters: Sequence[Sequence[EventMention]], existing: dict[str, Incident]) -> list[str]:
    """The incident id of each cluster: the stored incident it continues, else a new id.

    A cluster keeps the stored incident most of its mentions belonged to (ties: the one first
    reported, then the smaller id), so an incident keeps its id when an earlier report is
    backfilled or a member moves, and when two stored incidents merge the survivor is
    deterministic. Clusters claim ids in resolution order (by their first mention) and each id
    goes to one cluster; a cluster without a free stored id gets `incident_id_for` its first
    mention whose id is free (the other part of a split).
    """
    def first(i: int) -> tuple[datetime, str]:
        return min((mention_order(m) for m in clusters[i]), default=(FAR_FUTURE, ""))

    taken: set[str] = set()
    chosen: list[str] = [""] * len(clusters)
    for index in sorted(range(len(clusters)), key=first):
        members = sorted(clusters[index], key=mention_order)
        counts = Counter(m.incident_id for m in members if m.incident_id in existing)
        ranked = sorted((i for i in counts if i not in taken and i is not None),
                        key=lambda i: (-counts[i], existing[i].first_reported_at or FAR_FUTURE, i))
        fresh = (incident_id_for(m.id) for m in members)
        free = [i for i in fresh if i not in taken and (i not in existing or i in counts)]
        chosen[index] = ranked[0] if ranked else free[0] if free else stable_id("incident", *(m.id for m in members))
        taken.add(chosen[index])
    return chosen


# -- storage I/O (through the store) ------------------------------------------------------


def window_start(since: date | None, config: ResolveConfig) -> date | None:
    """The earliest day whose mentions and incidents are reloaded when resolving from `since`."""
    return None if since is None else since - timedelta(days=2 * config.window_days)


def load_window(store: Store, since: date | None, config: ResolveConfig) -> tuple[dict[str, EventMention], dict[str, Incident]]:
    """The mentions and incidents to resolve from `since` (all without it), plus every incident
    touching those mentions and every mention of those incidents, so a cluster is never split."""
    store.refresh("events", "incidents")
    lower = window_start(since, config)
    mentions = store.mentions.since(lower)
    existing = store.incidents.since(lower)
    if since is not None:
        existing.update(store.incidents.containing_mentions(sorted(mentions)))
        missing = sorted({mid for inc in existing.values() for mid in inc.mention_ids} - set(mentions))
        mentions.update(store.mentions.by_ids(missing))
    return mentions, existing


WATERMARK_LAG_NS = 60 * 10**9  # a mention stamped this long before a run has landed: the next run starts there


def candidate_spans(mentions: Iterable[EventMention], reach: timedelta) -> list[tuple[str | None, date, date]]:
    """(province, first day, last day): the days within `reach` of each mention's day, merged per province."""
    days: dict[str | None, list[date]] = {}
    for mention in mentions:
        day = mention_day(mention)
        if day is not None:
            days.setdefault(mention.location.province, []).append(day)
    spans: list[tuple[str | None, date, date]] = []
    for province in sorted(days, key=lambda p: p or ""):
        first = last = None
        for day in sorted(days[province]):
            if last is not None and first is not None and day - reach <= last:
                last = day + reach
                continue
            if first is not None and last is not None:
                spans.append((province, first, last))
            first, last = day - reach, day + reach
        if first is not None and last is not None:
            spans.append((province, first, last))
    return spans


def load_incremental(store: Store, after_seq: int, config: ResolveConfig) -> tuple[dict[str, EventMention], dict[str, Incident]]:
    """The mentions written since `after_seq` (the last run's watermark), the stored incidents they could
    join (dated within twice the window of them, or the learned matcher's reach, in their province) or belonged to, the incidents
    of articles whose re-extraction dropped mentions since then, and every mention of those incidents: what an incremental
    run re-resolves, instead of every mention ever stored."""
    store.refresh("events", "incidents")
    fresh = store.mentions.sent_after(after_seq)
    days = 2 * config.window_days
    if config.learned:  # as far as the learned matcher links two mentions (its gap plus the date tolerances)
        days = max(days, matching.MAX_GAP_DAYS + 7)
    existing = store.incidents.near(candidate_spans(fresh.values(), timedelta(days=days)))
    existing.update(store.incidents.containing_mentions(sorted(fresh)))
    existing.update(store.incidents.reported_by(store.articles.retracted_after(after_seq)))
    mentions = dict(fresh)
    missing = sorted({mid for inc in existing.values() for mid in inc.mention_ids} - set(mentions))
    mentions.update(store.mentions.by_ids(missing))
    return mentions, existing


def _write_stamped(writer: BulkWriter, incidents: list[Incident]) -> None:
    """Write changed incidents chunk by chunk, each stamped `updated_at` just before its bulk request.

    The feed serves incidents in (updated_at, incident_id) order once they are a little older
    than the refresh interval; stamping right before each write keeps that order safe.
    """
    for start in range(0, len(incidents), writer.chunk_size):
        stamp = utcnow()
        for incident in incidents[start : start + writer.chunk_size]:
            incident.updated_at = stamp
            writer.index("incidents", incident.incident_id, incident, stamp="change_seq")
        writer.flush()


def write_deletions(writer: BulkWriter, deleted: Sequence[str], merged: Mapping[str, str]) -> None:
    """Delete incidents, each after its tombstone (with `merged_into` its survivor, if merged) so the
    feed shows the deletion; both stamped for the feed when sent."""
    now = utcnow()
    for incident_id in deleted:
        doc_id, doc = tombstone(incident_id, merged.get(incident_id), at=now)
        writer.index("corrections", doc_id, doc, stamp="change_seq")
        writer.delete("incidents", incident_id)
    writer.flush()


def apply_plan(store: Store, plan: ResolutionPlan) -> None:
    """Write a plan: mention links first, then changed incidents, then the redirects of merged-away
    incidents (khabar.index.corrections, as an analyst's merge), then deletions."""
    writer = store.writer()
    for mention_id, incident_id in plan.relinks.items():
        writer.update("events", mention_id, {"incident_id": incident_id})
    writer.flush()
    _write_stamped(writer, plan.changed)
    redirects = CorrectionStore(store.es, store.settings)
    redirects.clear_redirects([incident.incident_id for incident in plan.changed])
    redirects.record_merges(plan.merged)
    write_deletions(writer, plan.deleted, plan.merged)
    store.refresh("incidents", "events", "corrections")


def resolve_incidents(
    store: Store,
    *,
    since: date | None = None,
    config: ResolveConfig | None = None,
    now: datetime | None = None,
    lease_wait: float = 600.0,
    incremental: bool = False,
) -> ResolveReport:
    """Cluster the stored mentions (all, or those since `since` and their incidents) into incidents.

    `incremental` (the scheduled run): only the mentions written since the last run's watermark
    (their writer-stamped `change_seq`) and the incidents they could join (`load_incremental`); the
    first run, without a watermark, resolves everything. Every run leaves a watermark.

    One resolver at a time: the read-plan-write runs under the `resolver` lease in Elasticsearch
    (a second run, from the scheduler or the CLI, waits for it, then sees what the first wrote;
    `LeaseBusy` when it waits longer than `lease_wait` seconds).
    """
    settings = store.settings
    config = config or ResolveConfig(window_days=settings.incidents.window_days, threshold=settings.incidents.threshold)
    with lease(store.es, settings, "resolver", wait=lease_wait):
        started = time.time_ns()
        watermark = read_watermark(store.es, settings, "resolver") if incremental and since is None else None
        if watermark is not None:
            mentions, existing = load_incremental(store, watermark, config)
        else:
            mentions, existing = load_window(store, since, config)
        corrections = Corrections(CorrectionStore(store.es, settings).states())
        vectors = store.articles.embeddings(sorted({m.article_id for m in mentions.values()})) if config.learned else None
        plan = plan_resolution(mentions.values(), existing, config, now=now, corrections=corrections, article_vectors=vectors)
        apply_plan(store, plan)
        write_watermark(store.es, settings, "resolver", started - WATERMARK_LAG_NS)
    return plan.report
