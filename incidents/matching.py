"""Does this mention report the same real incident as that one? Learned pairwise matching.

`pair_features` turns two mentions (and the embeddings of their articles' headline + lead)
into evidence: how far apart their dates are (a date only implied by the publication day
counts as "on or before" it), whether their districts are the same, neighbouring (adjacency
derived once from the district polygons) or only one side names a province, whether their
claimed groups agree or conflict, whether their event types and tolls are compatible (a
follow-up may raise or revise a toll), and the cosine similarity of their evidence sentences
and of their headlines. A logistic regression (`khabar incidents train`, weights in
`incidents/matcher.json`) turns the features into a probability.

Pairs that cannot match at all: mentions of one article (a roundup lists different
incidents), dates more than `MAX_GAP_DAYS` apart after the tolerances, pairs whose evidence
sentences and headlines are both unlike (`TEXT_FLOOR`: the texts say two incidents), and,
when neither has any text embedding, districts that are known, different and not neighbours
or a security operation against an attack. With the texts, those two are features: a far
district is often a geocoding slip upstream, and one clash can be an "operation" in one report
and an "ambush" in another.

`cluster` groups mentions by average-linkage agglomeration over those probabilities: two
groups merge while their mean pairwise probability reaches the threshold. Average linkage keeps two attacks on one day in one district apart when their texts
differ, where single linkage would chain them through a vague report.
"""

from __future__ import annotations

import heapq
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path

import numpy as np

from khabar.core.records import EventMention

DATA = Path(__file__).resolve().parent
MODEL_PATH = DATA / "matcher.json"
POLYGONS_PATH = DATA.parent / "nlp" / "data" / "district_polygons.json"
MAX_GAP_DAYS = 10
FAR_FUTURE = datetime(9999, 1, 1, tzinfo=UTC)
ATTACKS = frozenset({"bombing", "armed_assault", "targeted_killing", "kidnapping", "infrastructure_attack"})
WEEKDAY = re.compile(r"\b(mon|tues|wednes|thurs|fri|satur|sun)day\b", re.IGNORECASE)
KARACHI_PARTS = ("karachicentral", "karachieast", "karachisouth", "karachiwest", "korangi", "malir", "keamari")
FEATURES = (
    "same_stated_day",
    "day_gap",
    "day_gap_over_3",
    "week_shift",
    "publication_gap",
    "same_district",
    "neighbour_district",
    "far_district",
    "far_other_province",
    "province_only",
    "same_place",
    "perpetrator_agree",
    "perpetrator_conflict",
    "same_type",
    "attack_types",
    "operation_vs_attack",
    "toll_log_ratio",
    "evidence_cosine",
    "article_cosine",
    "min_self_cosine",
)
TEXT_FLOOR = 0.35  # evidence and headlines both this unlike: the texts say two incidents (no gold pair is below 0.45)


def district_key(name: str | None) -> str | None:
    """A district name compared loosely: lower case, no brackets, letters only; Karachi as one."""
    if not name:
        return None
    key = re.sub(r"[^a-z]", "", re.sub(r"\(.*?\)", "", name.lower()))
    return "karachi" if key in KARACHI_PARTS else key or None


@lru_cache(maxsize=1)
def district_neighbours(path: Path = POLYGONS_PATH) -> dict[str, frozenset[str]]:
    """Districts whose polygons touch or overlap (within ~2 km, the polygons are simplified)."""
    from shapely.geometry import shape  # slow import (~0.3 s, every CLI start loads this module): loaded once, here
    from shapely.ops import unary_union
    from shapely.strtree import STRtree

    shapes: dict[str, list[object]] = {}
    for record in json.loads(Path(path).read_text(encoding="utf-8")):
        key = district_key(record["district"])
        if key:
            shapes.setdefault(key, []).append(shape(record))
    names = sorted(shapes)
    geoms = [unary_union(shapes[name]).buffer(0.02) for name in names]
    tree = STRtree(geoms)
    neighbours: dict[str, set[str]] = {name: set() for name in names}
    for index, geom in enumerate(geoms):
        for other in tree.query(geom, predicate="intersects"):
            if int(other) != index:
                neighbours[names[index]].add(names[int(other)])
    return {name: frozenset(found) for name, found in neighbours.items()}


def mention_day(m: EventMention) -> date | None:
    """The day a mention's event happened: its date, else the day it was published."""
    if m.date is not None:
        return m.date
    return m.published_at.date() if m.published_at is not None else None


def _dated(m: EventMention) -> bool:
    """The mention states its date (with evidence), rather than taking its publication day."""
    return m.date is not None and m.date_precision == "day" and "date" in m.evidence


def weekday_date(m: EventMention) -> bool:
    """The date was resolved from a bare weekday ("on Tuesday"): it may be a week off."""
    found = m.evidence.get("date")
    text = (found.text or found.sentence) if found is not None else ""
    return bool(WEEKDAY.search(text)) and not re.search(r"\d", text)


def day_gap(a: EventMention, b: EventMention) -> int | None:
    """Days between two mentions' events; a side without a stated date only says "on or before
    its publication day", so a later stated date within a week of it fits."""
    da, db = mention_day(a), mention_day(b)
    if da is None or db is None:
        return None
    gap = (db - da).days
    if not _dated(a) and gap < 0:  # a happened on or before its publication day
        gap = min(0, gap + 7)
    if not _dated(b) and gap > 0:
        gap = max(0, gap - 7)
    return abs(gap)


def week_shift(a: EventMention, b: EventMention, gap: int) -> bool:
    """The dates differ by about a week and one came from a bare weekday: maybe the same day."""
    return abs(gap - 7) <= 1 and (weekday_date(a) or weekday_date(b))


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def _toll_ratio(a: int | None, b: int | None) -> float:
    """|log| of the ratio of two tolls (0 when one is unknown): follow-ups raise tolls a little."""
    if a is None or b is None:
        return 0.0
    return abs(math.log((a + 1) / (b + 1)))


class Similarity:
    """Cosines of mentions' evidence embeddings and articles' headline+lead embeddings, from unit
    vectors computed once (numpy), so scoring many pairs stays cheap."""

    def __init__(self, mentions: Sequence[EventMention], article_vectors: Mapping[str, Sequence[float] | None] | None) -> None:
        self.evidence = {m.id: _unit(m.embedding) for m in mentions}
        self.articles = {key: _unit(value) for key, value in (article_vectors or {}).items()}

    @staticmethod
    def _cos(x: np.ndarray | None, y: np.ndarray | None) -> float | None:
        return None if x is None or y is None or x.shape != y.shape else float(x @ y)

    def evidence_cosine(self, a: EventMention, b: EventMention) -> float | None:
        """Cosine of the two mentions' evidence sentences."""
        return self._cos(self.evidence.get(a.id), self.evidence.get(b.id))

    def article_cosine(self, a: EventMention, b: EventMention) -> float | None:
        """Cosine of the two mentions' articles (headline + lead)."""
        return self._cos(self.articles.get(a.article_id), self.articles.get(b.article_id))

    def self_cosine(self, m: EventMention) -> float:
        """How much a mention's evidence is what its article is about; a recap is not (0.5 unknown)."""
        found = self._cos(self.evidence.get(m.id), self.articles.get(m.article_id))
        return found if found is not None else 0.5


def cosine(a: Sequence[float] | None, b: Sequence[float] | None) -> float | None:
    """Cosine similarity (numpy), or None when a vector is missing, empty, zero or of another length."""
    return Similarity._cos(_unit(a), _unit(b))


def _unit(vector: Sequence[float] | None) -> np.ndarray | None:
    if not vector:
        return None
    array = np.asarray(vector, dtype=np.float64)
    norm = float(np.linalg.norm(array))
    return array / norm if norm else None


def pair_features(
    a: EventMention,
    b: EventMention,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
    similarity: Similarity | None = None,
) -> list[float] | None:
    """The evidence that two mentions report one incident, or None when they cannot."""
    if a.article_id == b.article_id:
        return None
    gap = day_gap(a, b)
    if gap is None or gap > MAX_GAP_DAYS:
        return None
    pub_gap = 0.0
    if a.published_at is not None and b.published_at is not None:
        pub_gap = abs((a.published_at - b.published_at).total_seconds()) / 86400
    da, db = district_key(a.location.district), district_key(b.location.district)
    pa, pb = _norm(a.location.province), _norm(b.location.province)
    same_district = float(da is not None and da == db)
    neighbour = float(da is not None and db is not None and da != db and db in district_neighbours().get(da, ()))
    far = float(da is not None and db is not None and da != db and not neighbour)
    operation_vs_attack = float((a.event_type == "security_operation") != (b.event_type == "security_operation"))
    similarity = similarity or Similarity([a, b], article_vectors)
    evidence_cos = similarity.evidence_cosine(a, b)
    article_cos = similarity.article_cosine(a, b)
    if evidence_cos is None and article_cos is None and (far or operation_vs_attack):
        return None  # without the texts, the fields decide: far districts, or an operation against an attack
    if evidence_cos is not None and article_cos is not None and max(evidence_cos, article_cos) < TEXT_FLOOR:
        return None
    province_only = float((da is None) != (db is None) and pa is not None and pa == pb)
    place_a, place_b = _norm(a.location.place), _norm(b.location.place)
    name_a, name_b = _norm(a.perpetrator.name), _norm(b.perpetrator.name)
    killed = _toll_ratio(a.killed, b.killed)
    return [
        float(gap == 0 and _dated(a) and _dated(b)),
        min(gap, MAX_GAP_DAYS) / MAX_GAP_DAYS,
        float(gap > 3),
        float(week_shift(a, b, gap)),
        min(pub_gap, 14.0) / 14.0,
        same_district,
        neighbour,
        far,
        float(far and pa is not None and pb is not None and pa != pb),
        province_only,
        float(place_a is not None and place_a == place_b),
        float(name_a is not None and name_a == name_b),
        float(name_a is not None and name_b is not None and name_a != name_b),
        float(a.event_type == b.event_type),
        float(a.event_type in ATTACKS and b.event_type in ATTACKS and a.event_type != b.event_type),
        operation_vs_attack,
        min(killed, 3.0),
        evidence_cos if evidence_cos is not None else 0.5,
        article_cos if article_cos is not None else 0.5,
        min(similarity.self_cosine(a), similarity.self_cosine(b)),
    ]


@dataclass(frozen=True)
class MatchModel:
    """Logistic-regression weights over `FEATURES`, and the merge threshold."""

    weights: tuple[float, ...]
    intercept: float
    threshold: float = 0.5
    features: tuple[str, ...] = FEATURES

    def probability(self, features: Sequence[float]) -> float:
        """P(same incident) for one feature vector."""
        z = self.intercept + sum(w * x for w, x in zip(self.weights, features, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))

    def to_json(self) -> str:
        """The model as a small JSON document."""
        body = {"features": list(self.features), "weights": [round(w, 6) for w in self.weights],
                "intercept": round(self.intercept, 6), "threshold": self.threshold}
        return json.dumps(body, indent=1) + "\n"

    @classmethod
    def from_json(cls, text: str) -> MatchModel:
        """Read a model written by `to_json`; its features must be today's."""
        body = json.loads(text)
        if tuple(body["features"]) != FEATURES:
            raise ValueError("matcher model was trained on other features; run `khabar incidents train`")
        return cls(tuple(float(w) for w in body["weights"]), float(body["intercept"]), float(body["threshold"]))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_PATH) -> MatchModel:
    """The trained matcher (`incidents/matcher.json`)."""
    return MatchModel.from_json(Path(path).read_text(encoding="utf-8"))


def pair_probabilities(
    mentions: Sequence[EventMention],
    model: MatchModel,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
) -> dict[tuple[int, int], float]:
    """P(same incident) for every pair (i < j) that can match; absent pairs cannot.

    Only pairs within the date window are scored (mentions in day order, so each stops early).
    """
    days = [mention_day(m) for m in mentions]
    order = sorted((i for i in range(len(mentions)) if days[i] is not None), key=lambda i: (days[i], i))
    reach = MAX_GAP_DAYS + 7  # the largest raw day difference the tolerances can bring within MAX_GAP_DAYS
    probs: dict[tuple[int, int], float] = {}
    similarity = Similarity(mentions, article_vectors)
    for pos, i in enumerate(order):
        for j in order[pos + 1 :]:
            if (days[j] - days[i]).days > reach:  # type: ignore[operator]
                break
            features = pair_features(mentions[i], mentions[j], similarity=similarity)
            if features is not None:
                probs[(min(i, j), max(i, j))] = model.probability(features)
    return probs


def cluster(
    mentions: Sequence[EventMention],
    model: MatchModel | None = None,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
) -> list[list[EventMention]]:
    """Average-linkage clusters of mentions (each sorted by publication, then id; clusters likewise).

    The best-scoring pair of groups merges first while its mean pairwise probability reaches the
    threshold (pairs that cannot match count 0); groups sharing an article never merge. A heap
    with lazily dropped stale entries keeps this O(P log P) for P candidate pairs. Deterministic:
    ties break by the groups' first members in (published_at, id) order.
    """
    model = model or load_model()
    ordered = sorted(mentions, key=_order)
    probs = pair_probabilities(ordered, model, article_vectors)
    members: dict[int, list[int]] = {i: [i] for i in range(len(ordered))}
    articles: dict[int, set[str]] = {i: {m.article_id} for i, m in enumerate(ordered)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(len(ordered))}
    for (i, j), p in probs.items():
        sums[i][j] = sums[j][i] = p
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(ga: int, gb: int) -> None:
        ga, gb = min(ga, gb), max(ga, gb)
        if articles[ga] & articles[gb]:
            return
        score = sums[ga][gb] / (len(members[ga]) * len(members[gb]))
        if score >= model.threshold:
            heapq.heappush(heap, (-score, ga, gb, version[ga], version[gb]))

    for (i, j) in sorted(probs):
        push(i, j)
    while heap:
        _, ga, gb, va, vb = heapq.heappop(heap)
        if ga not in members or gb not in members or version[ga] != va or version[gb] != vb:
            continue  # stale: one side merged or grew since
        members[ga] = sorted(members[ga] + members.pop(gb))
        articles[ga] |= articles.pop(gb)
        version[ga] += 1
        for other, total in sums.pop(gb).items():
            if other == ga:
                continue
            sums[ga][other] = sums[ga].get(other, 0.0) + total
            sums[other][ga] = sums[ga][other]
            del sums[other][gb]
        sums[ga].pop(gb, None)
        for other in sorted(sums[ga]):
            push(ga, other)
    return [[ordered[i] for i in group] for _, group in sorted(members.items())]


def _order(m: EventMention) -> tuple[datetime, str]:
    """Resolution order: earliest publication first (undated last), then mention id."""
    if m.published_at is None:
        return (FAR_FUTURE, m.id)
    when = m.published_at if m.published_at.tzinfo else m.published_at.replace(tzinfo=UTC)
    return (when.astimezone(UTC), m.id)
