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
sentences and headlines are both unlike (`TEXT_FLOOR`: the texts say two incidents), districts
far apart in two provinces unless the texts are clearly alike (`FAR_PROVINCE_TEXT`), and, when neither has any text embedding, districts that are known, different and not neighbours
or a security operation against an attack. With the texts, those two are features: a far
district is often a geocoding slip upstream, and one clash can be an "operation" in one report
and an "ambush" in another.

`cluster` groups mentions by average-linkage agglomeration over those probabilities: two
groups merge while their mean pairwise probability reaches the threshold. Average linkage keeps two attacks on one day in one district apart when their texts
differ, where single linkage would chain them through a vague report.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
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
DISTINCT_DAYS = 2  # two attacks of different kinds whose stated days are this far apart are two incidents
# districts far apart in two provinces: one incident only when the texts clearly say so (a wire datelined in
# Karachi about Kalat); two attacks of one day across the country read alike at ~0.35-0.6
FAR_PROVINCE_TEXT = 0.64
MAX_KEPT_PAIRS = 5_000_000  # scored pairs kept from the linking pass for the clustering pass (~100 MB)
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


def local_place(m: EventMention) -> str | None:
    """The mention's place below its district ("Kulachi", "Paroa"), not the district's own town ("Bannu")."""
    place = _norm(m.location.place)
    if place is None or district_key(place) == district_key(m.location.district):
        return None
    return place


def distinct_attacks(a: EventMention, b: EventMention, gap: int) -> bool:
    """Days stated in both texts at least `DISTINCT_DAYS` apart, and either two kinds of attack (a bombing on
    Monday, an armed attack on Wednesday) or two localities (Kulachi on Monday, Paroa on Wednesday): two
    incidents, however close the place (reports of one attack agree on its kind, its day or its place)."""
    if gap < DISTINCT_DAYS or not (_dated(a) and _dated(b)):
        return False
    if a.event_type in ATTACKS and b.event_type in ATTACKS and a.event_type != b.event_type:
        return True
    place_a, place_b = local_place(a), local_place(b)
    return place_a is not None and place_b is not None and place_a != place_b


def week_shift(a: EventMention, b: EventMention, gap: int) -> bool:
    """The dates differ by about a week and one came from a bare weekday: maybe the same day."""
    return abs(gap - 7) <= 1 and (weekday_date(a) or weekday_date(b))


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def matched_toll(m: EventMention) -> int | None:
    """The toll a report is matched on: none when extraction flagged its figure for review (a year's statistic
    read as the attack's toll says nothing about which attack the report is of)."""
    return None if m.review else m.killed


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
    if distinct_attacks(a, b, gap):
        return None
    far_province = far and pa is not None and pb is not None and pa != pb
    known_cos = [c for c in (evidence_cos, article_cos) if c is not None]
    if far_province and known_cos and sum(known_cos) / len(known_cos) < FAR_PROVINCE_TEXT:
        return None  # (without either text a far pair was already ruled out above)
    province_only = float((da is None) != (db is None) and pa is not None and pa == pb)
    place_a, place_b = _norm(a.location.place), _norm(b.location.place)
    name_a, name_b = _norm(a.perpetrator.name), _norm(b.perpetrator.name)
    killed = _toll_ratio(matched_toll(a), matched_toll(b))
    return [
        float(gap == 0 and _dated(a) and _dated(b)),
        min(gap, MAX_GAP_DAYS) / MAX_GAP_DAYS,
        float(gap > 3),
        float(week_shift(a, b, gap)),
        min(pub_gap, 14.0) / 14.0,
        same_district,
        neighbour,
        far,
        float(far_province),
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


class _PairTable:
    """Per-mention columns (numpy) for scoring many pairs at once; the same features as `pair_features`."""

    def __init__(self, mentions: Sequence[EventMention], similarity: Similarity) -> None:
        n = len(mentions)
        self.article = _codes(m.article_id for m in mentions)
        days = [mention_day(m) for m in mentions]
        self.day = np.array([d.toordinal() if d is not None else 0 for d in days], dtype=np.int64)
        self.dated = np.array([_dated(m) for m in mentions], dtype=bool)
        self.weekday = np.array([weekday_date(m) for m in mentions], dtype=bool)
        self.published = np.array([m.published_at.timestamp() if m.published_at is not None else np.nan for m in mentions])
        districts = [district_key(m.location.district) for m in mentions]
        self.district = _codes(districts)
        known = sorted({d for d in districts if d is not None})
        neighbours = district_neighbours()
        index = {name: k for k, name in enumerate(known)}
        self.adjacent = np.zeros((len(known) + 1, len(known) + 1), dtype=bool)  # the last row/column: no district
        for name in known:
            for other in neighbours.get(name, ()):
                if other in index:
                    self.adjacent[index[name], index[other]] = True
        self.district_slot = np.array([index[d] if d is not None else len(known) for d in districts], dtype=np.int64)
        self.province = _codes(_norm(m.location.province) for m in mentions)
        self.place = _codes(_norm(m.location.place) for m in mentions)
        self.local = _codes(local_place(m) for m in mentions)
        self.perpetrator = _codes(_norm(m.perpetrator.name) for m in mentions)
        self.event_type = _codes(m.event_type for m in mentions)
        self.attack = np.array([m.event_type in ATTACKS for m in mentions], dtype=bool)
        self.operation = np.array([m.event_type == "security_operation" for m in mentions], dtype=bool)
        self.killed = np.array([np.nan if (k := matched_toll(m)) is None else k for m in mentions], dtype=np.float64)
        self.evidence, self.has_evidence = _matrix([similarity.evidence.get(m.id) for m in mentions])
        self.articles, self.has_article = _matrix([similarity.articles.get(m.article_id) for m in mentions])
        self.self_cosine = np.array([similarity.self_cosine(m) for m in mentions], dtype=np.float64)
        self.size = n

    def take(self, order: np.ndarray) -> _PairTable:
        """The same table with its rows in `order` (so a run of later mentions is a slice, not a copy)."""
        taken = object.__new__(_PairTable)
        for name, value in vars(self).items():
            keep = name in ("adjacent", "size")
            setattr(taken, name, value if keep else value[order])
        taken.size = len(order)
        return taken

    def scores(self, rows: slice, cols: slice, model: MatchModel) -> tuple[np.ndarray, np.ndarray]:
        """For every pair (i in `rows`, j in `cols`, j after i): whether it can match at all, and
        P(same incident) — the features of `pair_features`, computed for the whole block at once."""

        def left(values: np.ndarray) -> np.ndarray:
            return values[rows][:, None]

        def right(values: np.ndarray) -> np.ndarray:
            return values[cols][None, :]

        raw = right(self.day) - left(self.day)
        gap = np.where(~right(self.dated) & (raw > 0), np.maximum(0, raw - 7), raw)
        after = np.arange(rows.start, rows.stop)[:, None] < np.arange(cols.start, cols.stop)[None, :]
        can = after & (right(self.article) != left(self.article)) & (gap <= MAX_GAP_DAYS)
        pub_gap = np.nan_to_num(np.abs(right(self.published) - left(self.published)) / 86400, nan=0.0)
        di, dj = left(self.district), right(self.district)
        known = (di >= 0) & (dj >= 0)
        same_district = known & (dj == di)
        neighbour = known & (dj != di) & self.adjacent[left(self.district_slot), right(self.district_slot)]
        far = known & (dj != di) & ~neighbour
        operation_vs_attack = right(self.operation) != left(self.operation)
        both_ev = right(self.has_evidence) & left(self.has_evidence)
        both_art = right(self.has_article) & left(self.has_article)
        evidence_cos = np.where(both_ev, self.evidence[rows] @ self.evidence[cols].T, np.nan)
        article_cos = np.where(both_art, self.articles[rows] @ self.articles[cols].T, np.nan)
        can &= ~(~both_ev & ~both_art & (far | operation_vs_attack))
        can &= ~(both_ev & both_art & (np.fmax(evidence_cos, article_cos) < TEXT_FLOOR))
        pi, pj = left(self.province), right(self.province)
        ti, tj = left(self.event_type), right(self.event_type)
        li, lj = left(self.local), right(self.local)
        two_kinds = left(self.attack) & right(self.attack) & (tj != ti)
        two_places = (li >= 0) & (lj >= 0) & (li != lj)
        can &= ~((gap >= DISTINCT_DAYS) & left(self.dated) & right(self.dated) & (two_kinds | two_places))
        far_province = far & (pi >= 0) & (pj >= 0) & (pj != pi)
        mean_cos = np.where(both_ev & both_art, (evidence_cos + article_cos) / 2, np.fmax(evidence_cos, article_cos))
        with np.errstate(invalid="ignore"):
            can &= ~(far_province & (mean_cos < FAR_PROVINCE_TEXT))
        ni, nj = left(self.perpetrator), right(self.perpetrator)
        with np.errstate(invalid="ignore"):
            killed = np.abs(np.log((right(self.killed) + 1) / (left(self.killed) + 1)))
        columns = (
            (gap == 0) & left(self.dated) & right(self.dated),
            np.minimum(gap, MAX_GAP_DAYS) / MAX_GAP_DAYS,
            gap > 3,
            (np.abs(gap - 7) <= 1) & (left(self.weekday) | right(self.weekday)),
            np.minimum(pub_gap, 14.0) / 14.0,
            same_district,
            neighbour,
            far,
            far_province,
            ((di < 0) != (dj < 0)) & (pi >= 0) & (pj == pi),
            (left(self.place) >= 0) & (right(self.place) == left(self.place)),
            (ni >= 0) & (nj == ni),
            (ni >= 0) & (nj >= 0) & (nj != ni),
            tj == ti,
            left(self.attack) & right(self.attack) & (tj != ti),
            operation_vs_attack,
            np.minimum(np.nan_to_num(killed, nan=0.0), 3.0),
            np.nan_to_num(evidence_cos, nan=0.5),
            np.nan_to_num(article_cos, nan=0.5),
            np.minimum(left(self.self_cosine), right(self.self_cosine)),
        )
        z = np.full(can.shape, model.intercept)
        for weight, column in zip(model.weights, columns, strict=True):
            z += weight * column
        return can, 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


def _codes(values: Iterable[str | None]) -> np.ndarray:
    """Integer codes for values (-1 for None), equal codes for equal values."""
    seen: dict[str, int] = {}
    return np.array([-1 if v is None else seen.setdefault(v, len(seen)) for v in values], dtype=np.int64)


def _matrix(vectors: Sequence[np.ndarray | None]) -> tuple[np.ndarray, np.ndarray]:
    """Stack unit vectors of the most common length; others (and missing ones) count as absent."""
    lengths = [v.shape[0] for v in vectors if v is not None]
    if not lengths:
        return np.zeros((len(vectors), 0)), np.zeros(len(vectors), dtype=bool)
    dims = max(set(lengths), key=lengths.count)
    matrix = np.zeros((len(vectors), dims))
    present = np.zeros(len(vectors), dtype=bool)
    for k, vector in enumerate(vectors):
        if vector is not None and vector.shape[0] == dims:
            matrix[k], present[k] = vector, True
    return matrix, present


def _day_order(table: _PairTable, mentions: Sequence[EventMention]) -> np.ndarray:
    """Indices of the mentions that have a day, in (day, index) order."""
    dated = [i for i in range(table.size) if mention_day(mentions[i]) is not None]
    return np.array(sorted(dated, key=lambda i: (int(table.day[i]), i)), dtype=np.int64)


def _scan(table: _PairTable, order: np.ndarray, model: MatchModel, block: int = 64) -> Iterator[tuple[int, np.ndarray, np.ndarray]]:
    """For each mention i (in day order): the later mentions j it can match and P(same incident).

    Mentions are scored a block of rows at a time against the later mentions within the date
    reach (the largest raw day difference the tolerances can bring within `MAX_GAP_DAYS`), as
    numpy arrays: the cosines of a block are one matrix product.
    """
    ordered = table.take(order)
    days = ordered.day
    reach = MAX_GAP_DAYS + 7
    for first in range(0, len(order), block):
        last = min(first + block, len(order))
        end = int(np.searchsorted(days, days[last - 1] + reach, side="right"))
        can, p = ordered.scores(slice(first, last), slice(first, end), model)
        later = order[first:end]
        for row in range(last - first):
            keep = can[row]
            if keep.any():
                yield int(order[first + row]), later[keep], p[row][keep]


def pair_probabilities(
    mentions: Sequence[EventMention],
    model: MatchModel,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
) -> dict[tuple[int, int], float]:
    """P(same incident) for every pair (i < j) that can match; absent pairs cannot."""
    table = _PairTable(mentions, Similarity(mentions, article_vectors))
    probs: dict[tuple[int, int], float] = {}
    for i, others, p in _scan(table, _day_order(table, mentions), model):
        for j, value in zip(others.tolist(), p.tolist(), strict=True):
            probs[(min(i, j), max(i, j))] = value
    return probs


def _linked_groups(
    mentions: Sequence[EventMention],
    model: MatchModel,
    article_vectors: Mapping[str, Sequence[float] | None] | None,
) -> list[tuple[list[int], tuple[np.ndarray, ...]]]:
    """Mentions linked (transitively) by pairs at or above the threshold, each group with the
    probabilities of its pairs that can match (arrays: first position, second position within
    the group, probability).

    Average linkage merges two groups only when their mean pair probability reaches the
    threshold, so at least one pair across them does: mentions never linked that way end apart
    whatever their other pairs say, and each linked group can be clustered on its own.
    """
    table = _PairTable(mentions, Similarity(mentions, article_vectors))
    order = _day_order(table, mentions)
    parent = list(range(len(mentions)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    scanned: list[tuple[int, np.ndarray, np.ndarray]] | None = []  # kept for the second pass while small enough
    kept = 0
    for i, others, p in _scan(table, order, model):
        for j in others[p >= model.threshold].tolist():
            parent[root(j)] = root(i)
        if scanned is not None:
            kept += len(others)
            scanned.append((i, others, p))
            if kept > MAX_KEPT_PAIRS:
                scanned = None  # a large store: score the linked mentions' pairs again instead of keeping them all
    members: dict[int, list[int]] = {}
    for k in range(len(mentions)):
        members.setdefault(root(k), []).append(k)
    linked = {key: group for key, group in members.items() if len(group) > 1}
    component = np.array([root(k) for k in range(len(mentions))], dtype=np.int64)
    position = np.full(len(mentions), -1, dtype=np.int64)
    for group in linked.values():
        position[group] = np.arange(len(group))
    found: dict[int, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {key: [] for key in linked}
    multi = order[position[order] >= 0]
    rows = _scan(table, multi, model) if scanned is None else ((i, o, p) for i, o, p in scanned if position[i] >= 0)
    for i, others, p in rows:
        keep = component[others] == component[i]
        found[int(component[i])].append((np.full(int(keep.sum()), position[i]), position[others[keep]], p[keep]))
    groups = []
    for key in sorted(linked):
        parts = found[key]
        pairs = tuple(np.concatenate([part[n] for part in parts]) if parts else np.zeros(0) for n in range(3))
        groups.append((linked[key], pairs))
    return groups


def _average_linkage(group: Sequence[EventMention], pairs: tuple[np.ndarray, ...], threshold: float) -> list[list[int]]:
    """Average-linkage clusters (positions) of one linked group: groups merge while their mean pair
    probability reaches the threshold; absent pairs count 0 and two reports of one article never
    meet in a cluster (scipy's linkage on 1 - probability, cut at 1 - threshold)."""
    from scipy.cluster.hierarchy import fcluster, linkage

    size = len(group)
    distance = np.ones((size, size))
    first, second, probability = (np.asarray(part) for part in pairs)
    distance[first.astype(np.int64), second.astype(np.int64)] = 1.0 - probability
    distance[second.astype(np.int64), first.astype(np.int64)] = 1.0 - probability
    articles = _codes(m.article_id for m in group)
    same_article = (articles[:, None] == articles[None, :]) & ~np.eye(size, dtype=bool)
    distance[same_article] = float(size * size + 1)  # any mean including such a pair stays above the cut
    np.fill_diagonal(distance, 0.0)
    condensed = distance[np.triu_indices(size, k=1)]
    labels = fcluster(linkage(condensed, method="average"), t=1.0 - threshold + 1e-12, criterion="distance")
    clusters: dict[int, list[int]] = {}
    for position, label in enumerate(labels.tolist()):
        clusters.setdefault(label, []).append(position)
    return list(clusters.values())


def cluster(
    mentions: Sequence[EventMention],
    model: MatchModel | None = None,
    article_vectors: Mapping[str, Sequence[float] | None] | None = None,
) -> list[list[EventMention]]:
    """Average-linkage clusters of mentions (each sorted by publication, then id; clusters likewise).

    Groups merge while their mean pairwise probability reaches the threshold (pairs that cannot
    match count 0); groups sharing an article never merge. Only groups linked at the threshold
    are clustered, each on its own (`_linked_groups`), so a large store stays cheap.
    """
    model = model or load_model()
    ordered = sorted(mentions, key=_order)
    clusters: list[list[int]] = []
    linked: set[int] = set()
    for members, pairs in _linked_groups(ordered, model, article_vectors):
        linked.update(members)
        clusters += [[members[p] for p in found] for found in _average_linkage([ordered[k] for k in members], pairs, model.threshold)]
    clusters += [[k] for k in range(len(ordered)) if k not in linked]
    return [[ordered[k] for k in sorted(found)] for found in sorted(clusters, key=min)]


def _order(m: EventMention) -> tuple[datetime, str]:
    """Resolution order: earliest publication first (undated last), then mention id."""
    if m.published_at is None:
        return (FAR_FUTURE, m.id)
    when = m.published_at if m.published_at.tzinfo else m.published_at.replace(tzinfo=UTC)
    return (when.astimezone(UTC), m.id)
