"""The learned incident matcher: features, adjacency, clustering, and its stored model (no ES)."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from khabar.core.records import EventMention, Evidence, Location, Perpetrator
from khabar.incidents import matching
from khabar.incidents.matching import FEATURES, MatchModel, cluster, district_key, district_neighbours, pair_features

PKT = timezone(timedelta(hours=5))
BLAST = [1.0, 0.1, 0.0]  # evidence about a market blast
RESCUE = [0.0, 0.2, 1.0]  # evidence about an attack on the rescue team


def mention(
    article: str,
    *,
    position: int = 0,
    outlet: str = "Dawn",
    published: str = "2025-03-02T09:00",
    day: str | None = "2025-03-01",
    date_text: str | None = "March 1",
    event_type: str = "bombing",
    province: str = "Khyber Pakhtunkhwa",
    district: str | None = "Peshawar",
    killed: int | None = None,
    group: str | None = None,
    target: str = "civilians",
    embedding: list[float] | None = None,
    confidence: float = 0.9,
) -> EventMention:
    """A synthetic mention of one event in one article."""
    evidence = {"date": Evidence(sentence=f"It happened {date_text}.", start=0, end=10, text=date_text)} if date_text else {}
    return EventMention(
        article_id=article,
        position=position,
        article_url=f"https://{outlet.lower()}.example/{article}.html",
        outlet=outlet,
        published_at=datetime.fromisoformat(published).replace(tzinfo=PKT),
        event_type=event_type,  # type: ignore[arg-type]
        date=date.fromisoformat(day) if day else None,
        date_precision="day" if day else "unknown",
        location=Location(country="Pakistan", province=province, district=district,
                          precision="district" if district else "province"),
        killed=killed,
        perpetrator=Perpetrator(name=group, attribution="claimed" if group else "unknown"),
        target_type=target,  # type: ignore[arg-type]
        confidence=confidence,
        embedding=embedding if embedding is not None else BLAST,
        evidence=evidence,
    )


def vectors(*mentions: EventMention) -> dict[str, list[float] | None]:
    """Article embeddings equal to the mentions' evidence embeddings (a one-event article)."""
    return {m.article_id: m.embedding for m in mentions}


def test_adjacency_comes_from_the_polygons() -> None:
    neighbours = district_neighbours()
    assert {"charsadda", "nowshera", "khyber"} <= neighbours["peshawar"]
    assert "quetta" not in neighbours["peshawar"] and "peshawar" not in neighbours["peshawar"]
    assert "pishin" in neighbours["quetta"] and "quetta" in neighbours["pishin"]  # symmetric
    assert district_key("Kachhi (Bolan)") == district_key("Kachhi")
    assert district_key("Karachi South") == district_key("Karachi") == "karachi"


def test_pairs_that_cannot_match() -> None:
    a = mention("a1", position=0)
    assert pair_features(a, mention("a1", position=1)) is None  # one article never reports one incident twice
    assert pair_features(a, mention("a2", day="2025-03-20", published="2025-03-21T09:00")) is None  # too far apart
    assert pair_features(a, mention("a3", day=None, date_text=None, published="2025-03-02T10:00")) is not None
    unlike = mention("a4", embedding=RESCUE)
    assert pair_features(a, unlike, vectors(a, unlike)) is None  # evidence and headlines both say another incident
    assert pair_features(a, unlike, {}) is not None  # one unlike text alone does not rule a match out


def test_an_undated_later_report_fits_an_earlier_stated_date() -> None:
    stated = mention("a1", day="2025-03-01", published="2025-03-01T20:00")
    undated = mention("a2", day=None, date_text=None, published="2025-03-04T09:00")
    assert matching.day_gap(stated, undated) == 0  # "on or before its publication day"
    assert matching.day_gap(undated, stated) == 0
    dated_later = mention("a3", day="2025-03-04", published="2025-03-04T09:00")
    assert matching.day_gap(stated, dated_later) == 3


def test_week_shift_only_for_bare_weekdays() -> None:
    weekday = mention("a1", day="2025-02-22", date_text="on Saturday", published="2025-03-02T09:00")
    stated = mention("a2", day="2025-03-01", date_text="March 1")
    row = dict(zip(FEATURES, pair_features(weekday, stated) or [], strict=True))
    assert row["week_shift"] == 1.0
    other = mention("a3", day="2025-02-22", date_text="Feb 22", published="2025-03-02T09:00")
    row = dict(zip(FEATURES, pair_features(other, stated) or [], strict=True))
    assert row["week_shift"] == 0.0


def test_neighbouring_and_province_only_locations_are_features() -> None:
    a = mention("a1", district="Peshawar")
    row = dict(zip(FEATURES, pair_features(a, mention("a2", district="Charsadda")) or [], strict=True))
    assert (row["same_district"], row["neighbour_district"], row["far_district"]) == (0.0, 1.0, 0.0)
    row = dict(zip(FEATURES, pair_features(a, mention("a3", district=None)) or [], strict=True))
    assert (row["province_only"], row["neighbour_district"]) == (1.0, 0.0)
    row = dict(zip(FEATURES, pair_features(a, mention("a4", district="Bannu")) or [], strict=True))
    assert (row["far_district"], row["far_other_province"]) == (1.0, 0.0)
    row = dict(zip(FEATURES, pair_features(a, mention("a5", district="Quetta", province="Balochistan")) or [], strict=True))
    assert (row["far_district"], row["far_other_province"]) == (1.0, 1.0)


def test_without_texts_the_fields_rule_far_districts_and_operations_out() -> None:
    bare = {"embedding": None}
    a = mention("a1", district="Peshawar").model_copy(update=bare)
    far = mention("a2", district="Bannu").model_copy(update=bare)
    operation = mention("a3", event_type="security_operation", target="militants").model_copy(update=bare)
    assert pair_features(a, far, {}) is None and pair_features(a, operation, {}) is None
    assert pair_features(a, mention("a4", district="Charsadda").model_copy(update=bare), {}) is not None
    # with the texts, they are evidence to weigh (one clash can be an "operation" and an "ambush")
    row = dict(zip(FEATURES, pair_features(mention("a1"), mention("a3", event_type="security_operation")) or [], strict=True))
    assert row["operation_vs_attack"] == 1.0


def test_far_districts_in_two_provinces_need_texts_that_clearly_agree() -> None:
    # two attacks of one day across the country: reports alike only as attack reports are (cosine ~0.5)
    kalat = mention("a1", province="Balochistan", district="Kalat", event_type="armed_assault", embedding=[1.0, 0.0, 0.0])
    dikhan = mention("a2", district="Dera Ismail Khan", event_type="armed_assault", embedding=[0.5, 0.866, 0.0])
    assert pair_features(kalat, dikhan, vectors(kalat, dikhan)) is None
    assert [len(c) for c in cluster([kalat, dikhan], None, vectors(kalat, dikhan))] == [1, 1]
    # a wire datelined in another province about the same attack: its texts say so
    wire = mention("a3", province="Sindh", district="Karachi", event_type="armed_assault", embedding=[0.95, 0.31, 0.0])
    assert pair_features(kalat, wire, vectors(kalat, wire)) is not None
    # a far district in the same province stays a feature to weigh (a geocoding slip upstream)
    bannu = mention("a4", district="Bannu", event_type="armed_assault", embedding=[0.5, 0.866, 0.0])
    assert pair_features(mention("a5", district="Swat", embedding=[1.0, 0.0, 0.0]), bannu, {}) is not None


def test_stored_model_matches_the_features() -> None:
    model = matching.load_model()
    assert model.features == FEATURES and len(model.weights) == len(FEATURES)
    assert 0.0 < model.threshold < 1.0
    body = json.loads(matching.MODEL_PATH.read_text(encoding="utf-8"))
    assert body["features"] == list(FEATURES)


def test_model_json_round_trip_and_stale_models_are_refused(tmp_path: Path) -> None:
    model = MatchModel(tuple(float(i) / 10 for i in range(len(FEATURES))), -1.5, 0.4)
    assert MatchModel.from_json(model.to_json()) == model
    stale = json.loads(model.to_json())
    stale["features"] = stale["features"][:-1]
    with pytest.raises(ValueError, match="other features"):
        MatchModel.from_json(json.dumps(stale))


def test_follow_up_with_rising_toll_and_later_claim_joins_the_first_report() -> None:
    first = mention("a1", outlet="Dawn", published="2025-03-01T18:00", killed=7)
    later = mention("a2", outlet="Geo", published="2025-03-03T09:00", day=None, date_text=None, killed=11,
                    group="Tehrik-i-Taliban Pakistan", district="Charsadda")
    [incident] = cluster([later, first], article_vectors=vectors(first, later))
    assert [m.article_id for m in incident] == ["a1", "a2"]


def test_two_attacks_on_one_day_in_one_district_stay_apart_when_the_texts_differ() -> None:
    blast = mention("a1", outlet="Dawn", killed=6, embedding=BLAST)
    rescue = mention("a2", outlet="Dawn", published="2025-03-02T10:00", event_type="armed_assault", killed=2,
                     target="police", embedding=RESCUE)
    blast_follow_up = mention("a3", outlet="Geo", published="2025-03-02T12:00", killed=7, embedding=BLAST)
    groups = cluster([rescue, blast_follow_up, blast], article_vectors=vectors(blast, rescue, blast_follow_up))
    assert sorted(sorted(m.article_id for m in g) for g in groups) == [["a1", "a3"], ["a2"]]


def test_two_kinds_of_attack_on_stated_days_apart_are_two_incidents() -> None:
    van = mention("a1", outlet="Dawn", published="2025-03-01T18:00", killed=3)
    post = mention("a2", outlet="Geo", published="2025-03-03T18:00", day="2025-03-03", date_text="March 3",
                   event_type="armed_assault", killed=2)
    assert pair_features(van, post) is None
    assert sorted(len(g) for g in cluster([van, post], article_vectors=vectors(van, post))) == [1, 1]
    # the same kind, or a day the text does not state, is left to the model
    assert pair_features(van, post.model_copy(update={"event_type": "bombing"})) is not None
    assert pair_features(van, post.model_copy(update={"evidence": {}})) is not None


def test_one_kind_of_attack_in_two_localities_on_stated_days_apart_is_two_incidents() -> None:
    def at(article: str, place: str | None, day: str, published: str) -> EventMention:
        found = mention(article, published=published, day=day, date_text="on Monday", event_type="armed_assault",
                        district="Dera Ismail Khan", killed=2)
        return found.model_copy(update={"location": found.location.model_copy(update={"place": place})})

    kulachi = at("a1", "Kulachi", "2025-03-01", "2025-03-01T18:00")
    paroa = at("a2", "Paroa", "2025-03-03", "2025-03-04T08:00")
    assert pair_features(kulachi, paroa) is None
    assert sorted(len(g) for g in cluster([kulachi, paroa], article_vectors=vectors(kulachi, paroa))) == [1, 1]
    # the same locality, or only the district's own town, is left to the model (a follow-up's date may slip)
    assert pair_features(kulachi, at("a3", "Kulachi", "2025-03-03", "2025-03-04T08:00")) is not None
    assert pair_features(kulachi, at("a4", "Dera Ismail Khan", "2025-03-03", "2025-03-04T08:00")) is not None
    assert pair_features(kulachi, at("a5", "Paroa", "2025-03-02", "2025-03-02T20:00")) is not None  # a day apart


def test_roundup_events_never_merge_and_order_does_not_matter() -> None:
    first = mention("r1", position=0, district="Bannu")
    second = mention("r1", position=1, district="Bannu")
    follow_up = mention("f1", outlet="Geo", published="2025-03-02T11:00", district="Bannu")
    found = cluster([first, second, follow_up], article_vectors=vectors(first, follow_up))
    again = cluster([follow_up, second, first], article_vectors=vectors(first, follow_up))
    assert [[m.id for m in g] for g in found] == [[m.id for m in g] for g in again]
    assert all(len({m.article_id for m in g}) == len(g) for g in found)
    assert len(found) == 2


def test_cosine_is_the_one_numpy_similarity() -> None:
    assert matching.cosine([1.0, 0.0], [1.0, 1.0]) == pytest.approx(2 ** -0.5)
    assert matching.cosine([1.0, 2.0], [-2.0, -4.0]) == pytest.approx(-1.0)
    for a, b in (([0.0, 0.0], [1.0, 1.0]), (None, [1.0]), ([], []), ([1.0, 2.0], [1.0])):
        assert matching.cosine(a, b) is None


def _crowded_mentions(count: int = 240, seed: int = 5) -> list[EventMention]:
    """Generated mentions crowded into three weeks, a third of them follow-ups of an earlier one,
    with some dates, districts and embeddings missing: many candidate pairs, some clusters."""
    import random

    from khabar.tools.bench_resolve import _follow, _random_unit, synthetic_mention

    rng = random.Random(seed)
    made: list[tuple[EventMention, object]] = []
    for k in range(count):
        followed = rng.choice(made) if made and k % 3 == 0 else None
        direction = followed[1] if followed else _random_unit(rng)
        found = synthetic_mention(rng, k, recent_days=21, incident=direction)  # type: ignore[arg-type]
        if followed:
            _follow(found, followed[0])
        made.append((found, direction))
    found_mentions = [m for m, _ in made]
    for m in found_mentions[::7]:
        m.date = None
    for m in found_mentions[::11]:
        m.location = m.location.model_copy(update={"district": None})
    for m in found_mentions[::5]:
        m.embedding = None
    return found_mentions


def test_batched_pair_probabilities_equal_the_one_pair_features() -> None:
    mentions = _crowded_mentions()
    model = matching.load_model()
    similarity = matching.Similarity(mentions, None)
    expected = {}
    for i in range(len(mentions)):
        for j in range(i + 1, len(mentions)):
            row = pair_features(mentions[i], mentions[j], similarity=similarity)
            if row is not None:
                expected[(i, j)] = model.probability(row)
    found = matching.pair_probabilities(mentions, model)
    assert len(expected) > 1000 and found.keys() == expected.keys()
    assert max(abs(found[k] - expected[k]) for k in expected) < 1e-9


def _all_pairs_average_linkage(mentions: list[EventMention], model: MatchModel) -> list[list[str]]:
    """Average linkage the slow way: every pair probability, best pair of groups merged first."""
    ordered = sorted(mentions, key=matching._order)
    probs = matching.pair_probabilities(ordered, model)
    groups = {i: [i] for i in range(len(ordered))}
    while True:
        best = None
        for ga in sorted(groups):
            for gb in sorted(groups):
                if gb <= ga or {ordered[i].article_id for i in groups[ga]} & {ordered[i].article_id for i in groups[gb]}:
                    continue
                total = sum(probs.get((min(i, j), max(i, j)), 0.0) for i in groups[ga] for j in groups[gb])
                score = total / (len(groups[ga]) * len(groups[gb]))
                if score >= model.threshold and (best is None or score > best[0] + 1e-12):
                    best = (score, ga, gb)
        if best is None:
            return sorted(sorted(ordered[i].id for i in g) for g in groups.values())
        _, ga, gb = best
        groups[ga] = sorted(groups[ga] + groups.pop(gb))


def test_clustering_only_linked_pairs_gives_the_all_pairs_clusters() -> None:
    mentions = _crowded_mentions(count=120, seed=9)
    model = matching.load_model()
    found = sorted(sorted(m.id for m in group) for group in cluster(mentions, model))
    assert any(len(group) > 2 for group in found)
    assert found == _all_pairs_average_linkage(mentions, model)


def _at_cosine(cosine: float) -> list[float]:
    """A unit vector at `cosine` from [1, 0]."""
    return [cosine, (1.0 - cosine * cosine) ** 0.5]


def test_two_reports_days_apart_in_one_district_are_one_attack_only_when_their_texts_agree() -> None:
    # a feed has several attacks a week in one district: agreeing fields are not enough, the texts decide
    # (unrelated attack reports read alike at ~0.45, reports of one attack at ~0.85)
    first = mention("a1", outlet="Dawn", killed=4, embedding=[1.0, 0.0])
    unlike = mention("a2", outlet="Geo", published="2025-03-04T11:00", day="2025-03-03", date_text="March 3",
                     killed=2, embedding=_at_cosine(0.45))
    alike = mention("a3", outlet="Geo", published="2025-03-04T11:00", day="2025-03-03", date_text="March 3",
                    killed=2, embedding=_at_cosine(0.9))
    assert len(cluster([first, unlike], article_vectors=vectors(first, unlike))) == 2
    assert len(cluster([first, alike], article_vectors=vectors(first, alike))) == 1


def test_the_clustering_pass_reuses_the_linking_pass_scores_and_rescores_only_a_large_store(
        monkeypatch: pytest.MonkeyPatch) -> None:
    mentions = _crowded_mentions(count=120, seed=9)
    model = matching.load_model()
    calls = {"n": 0}
    scores = matching._PairTable.scores

    def counted(self: matching._PairTable, rows: slice, cols: slice, model: MatchModel) -> tuple[object, object]:
        calls["n"] += 1
        return scores(self, rows, cols, model)

    monkeypatch.setattr(matching._PairTable, "scores", counted)
    kept = sorted(sorted(m.id for m in group) for group in cluster(mentions, model))
    kept_calls = calls["n"]
    calls["n"] = 0
    monkeypatch.setattr(matching, "MAX_KEPT_PAIRS", 10)  # too many pairs to keep: the linked ones are scored again
    rescored = sorted(sorted(m.id for m in group) for group in cluster(mentions, model))
    assert rescored == kept and any(len(group) > 2 for group in kept)
    assert calls["n"] > kept_calls == -(-120 // 64)  # one scoring pass (blocks of 64 rows) when the pairs are kept
