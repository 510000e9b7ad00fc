"""`khabar eval incidents --dataset` and `khabar incidents train`: corpora extracted and resolved offline.

A fake extractor stands in for spaCy + MiniLM (the real one is exercised by the NLP tests);
the corpus is a tiny news_dev-style folder written here (tests never read ../shared).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from khabar.core.records import Article, Evidence, ExtractedEvent, Location
from khabar.incidents import matching
from khabar.tools import eval_incidents as tool

# (id, outlet, published, title, gold events: (incident key, district), extracted: (district, day, killed, vector))
CORPUS: list[tuple[str, str, str, str, list[tuple[str, str]], list[tuple[str, str, int, list[float]]]]] = [
    ("nd-001", "A", "2025-03-01T18:00:00+05:00", "Blast kills 7 in Peshawar", [("K1", "Peshawar")],
     [("Peshawar", "2025-03-01", 7, [1.0, 0.0, 0.0])]),
    ("nd-002", "B", "2025-03-02T09:00:00+05:00", "Peshawar blast toll rises to 11", [("K1", "Peshawar")],
     [("Peshawar", "2025-03-01", 11, [0.95, 0.1, 0.0])]),
    ("nd-003", "A", "2025-03-01T20:00:00+05:00", "Gunmen kill two policemen in Quetta", [("K2", "Quetta")],
     [("Quetta", "2025-03-01", 2, [0.0, 1.0, 0.0])]),
    ("nd-004", "C", "2025-03-02T10:00:00+05:00", "Roundup: Quetta and Kech attacks", [("K2", "Quetta"), ("K3", "Kech")],
     [("Quetta", "2025-03-01", 2, [0.0, 0.97, 0.1]), ("Kech", "2025-03-01", 4, [0.0, 0.0, 1.0])]),
    ("nd-005", "B", "2025-03-05T10:00:00+05:00", "Cricket: home side wins", [], []),
]
PROVINCES = {"Peshawar": "Khyber Pakhtunkhwa", "Kech": "Balochistan", "Quetta": "Balochistan"}


class FakeExtractor:
    """Returns the scripted events of CORPUS, with their vectors as embeddings."""

    calls = 0

    def __init__(self) -> None:
        FakeExtractor.calls += 1
        self.script = {row[0]: row[5] for row in CORPUS}

    def _key(self, article: Article) -> str:
        return next(row[0] for row in CORPUS if row[3] == article.title)

    def article_embeddings(self, articles: Sequence[Article]) -> list[list[float] | None]:
        vectors: list[list[float] | None] = []
        for article in articles:
            scripted = self.script[self._key(article)]
            vectors.append(scripted[0][3] if scripted else None)  # the first event's vector
        return vectors

    def extract_many_with_embeddings(
        self, articles: Iterable[Article], batch_size: int = 16
    ) -> Iterator[tuple[str, list[ExtractedEvent], list[list[float] | None]]]:
        for article in articles:
            events: list[ExtractedEvent] = []
            vectors: list[list[float] | None] = []
            for district, day, killed, vector in self.script.get(self._key(article), []):
                events.append(ExtractedEvent(
                    event_type="bombing", date=date.fromisoformat(day), date_precision="day", killed=killed, confidence=0.9,
                    location=Location(country="Pakistan", province=PROVINCES[district], district=district, precision="district"),
                    evidence={"date": Evidence(sentence="On March 1.", start=0, end=11, text="March 1")},
                ))
                vectors.append(vector)
            yield article.id, events, vectors


def write_corpus(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    articles, gold = [], []
    for art_id, outlet, published, title, events, _ in CORPUS:
        articles.append({"id": art_id, "outlet": outlet, "url": f"https://{outlet.lower()}.example/{art_id}",
                         "published_at": published, "title": title, "paragraphs": [title + "."]})
        gold.append({"id": art_id, "is_incident_report": bool(events),
                     "events": [{"incident_key": k, "event_type": "bombing", "district": d} for k, d in events]})
    (root / "articles.jsonl").write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    (root / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    return root


def test_news_dev_corpus_gold_and_splits(tmp_path: Path) -> None:
    corpus = tool.load_news_dev(write_corpus(tmp_path / "news_dev"))
    assert len(corpus.articles) == 5 and len(corpus.gold) == 5
    groups = tool.article_groups(corpus)
    # the roundup chains K2 and K3: nd-003, nd-004 form one group named by its smallest key
    assert groups["/nd-003"] == groups["/nd-004"] == "K2" and groups["/nd-001"] == groups["/nd-002"] == "K1"
    assert groups["/nd-005"] == "/nd-005"
    splits = tool.article_splits(corpus)
    assert splits["/nd-003"] == splits["/nd-004"] == tool.split_of("K2")
    assert tool.split_of("K2") == tool.split_of("K2") and {tool.split_of(f"k{i}") for i in range(50)} == {"study", "holdout"}
    study = sum(tool.split_of(f"key-{i}") == "study" for i in range(1000))
    assert 550 < study < 650  # about 60 % of incident groups


def test_extraction_is_cached_and_scored_per_split(tmp_path: Path) -> None:
    corpus = tool.load_news_dev(write_corpus(tmp_path / "news_dev"))
    FakeExtractor.calls = 0
    first = tool.extract_corpus(corpus, FakeExtractor(), tmp_path / "cache")  # type: ignore[arg-type]
    again = tool.extract_all([corpus], tmp_path / "cache")[0]  # a cache hit builds no extractor
    assert FakeExtractor.calls == 1
    assert [m.id for m in again.mentions] == [m.id for m in first.mentions] and len(first.mentions) == 5
    assert again.article_vectors == first.article_vectors
    clusters = matching.cluster(first.mentions, article_vectors=first.article_vectors)
    scores = tool.score_corpus(corpus, clusters)
    assert scores["all"].f1 == 1.0 and scores["all"].gold_pairs == 2
    assert scores["study"].gold_pairs + scores["holdout"].gold_pairs == 2
    # every mention in one incident: precision falls, recall stays
    lumped = tool.score_corpus(corpus, [first.mentions])
    assert lumped["all"].recall == 1.0 and lumped["all"].precision < 0.5


def test_training_labels_and_pairs(tmp_path: Path) -> None:
    corpus = tool.load_news_dev(write_corpus(tmp_path / "news_dev"))
    extracted = tool.extract_corpus(corpus, FakeExtractor(), None)  # type: ignore[arg-type]
    data = tool.training_set(corpus, extracted, ("all",))
    assert sorted(k for k in data.labels.values() if k) == ["K1", "K1", "K2", "K2", "K3"]
    features, targets = tool.training_pairs(data)
    # 5 mentions, 10 pairs; the roundup's own pair and the pairs whose evidence and headlines are
    # both unlike (the text floor) or far apart in two provinces cannot match: K1-K1, K2-K2 and the Kech
    # event of the roundup against the Quetta report (its article's headline is about Quetta) remain
    assert len(features) == 3 and sorted(targets) == [0, 1, 1]
    model = tool.train_matcher([data], cs=(1.0,), thresholds=(0.5,))
    assert model.threshold == 0.5 and len(model.weights) == len(matching.FEATURES)
    clusters = matching.cluster(extracted.mentions, model, extracted.article_vectors)
    assert tool.score_corpus(corpus, clusters)["all"].f1 == 1.0


def test_cli_eval_and_train_with_a_dataset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from khabar.cli import main

    root = write_corpus(tmp_path / "news_dev")
    monkeypatch.setattr(tool, "Extractor", FakeExtractor)
    monkeypatch.setattr(tool, "CACHE_DIR", tmp_path / "cache")
    demo = tool.load_news_dev(root)
    demo.name = "demo"
    monkeypatch.setattr(tool, "load_demo", lambda: demo)
    probes = tmp_path / "probes"  # one studied and one never-studied report set, pooled by training and --dense
    write_corpus(probes / "p1"), write_corpus(probes / "p2")
    monkeypatch.setattr(tool, "PROBES_DIR", probes)
    monkeypatch.setattr(tool, "STUDIED", ("p1",))
    monkeypatch.setattr(tool, "NEVER_STUDIED", ("p2",))
    runner = CliRunner()
    model_path = tmp_path / "matcher.json"
    trained = runner.invoke(main, ["incidents", "train", str(root), "--output", str(model_path)])
    assert trained.exit_code == 0, trained.output
    assert matching.MatchModel.from_json(model_path.read_text()).features == matching.FEATURES
    shown = runner.invoke(main, ["eval", "incidents", "--dataset", "news", str(root), "--model", str(model_path), "--json"])
    assert shown.exit_code == 0, shown.output
    rows: dict[str, Any] = json.loads(shown.output.strip().splitlines()[-1])
    assert set(rows) == {"news_dev all", "news_dev study", "news_dev holdout", "demo"}
    assert rows["news_dev all"]["f1"] == 1.0
    baseline = runner.invoke(main, ["eval", "incidents", "--dataset", "news", str(root), "--resolver", "baseline"])
    assert baseline.exit_code == 0, baseline.output
    assert "news_dev holdout baseline" in baseline.output and "demo" in baseline.output
    dense = runner.invoke(main, ["eval", "incidents", "--dataset", "news", str(root), "--dense", "--json"])
    assert dense.exit_code == 0, dense.output
    pooled: dict[str, Any] = json.loads(dense.output.strip().splitlines()[-1])
    assert set(pooled) == {f"{pool} {span}d" for pool in ("studied", "never-studied") for span in tool.DENSE_REPORT_SPANS}
    # the never-studied pool: news_dev's holdout part and p2 (5 gold events); the studied one: the rest
    corpus = tool.load_news_dev(root)
    holdout = sum(1 for g in corpus.gold if tool.article_splits(corpus)[g.path] == "holdout")
    assert pooled["never-studied 3650d"]["gold_mentions"] == 5 + holdout
    not_news = runner.invoke(main, ["eval", "incidents", "--dataset", "demo", "--dense"])
    assert not_news.exit_code != 0 and "--dense needs --dataset news" in not_news.output
    missing = runner.invoke(main, ["eval", "incidents", "--dataset", "news"])
    assert missing.exit_code != 0 and "news_dev folder" in missing.output
    folder = runner.invoke(main, ["eval", "incidents", str(root)])
    assert folder.exit_code != 0 and "gold JSONL file" in folder.output


def test_compress_calendar_moves_each_incident_group_by_whole_weeks(tmp_path: Path) -> None:
    parts = []
    for name in ("pa", "pb"):  # the same reports twice, as two corpora: pooled, they must never share an article
        corpus = tool.load_news_dev(write_corpus(tmp_path / name))
        parts.append((corpus, tool.extract_corpus(corpus, FakeExtractor(), None), "all"))  # type: ignore[arg-type]
    pooled, extracted = tool.compress_calendar(parts, span_days=30, seed=1)
    assert len(pooled.articles) == 10 and len({a.id for a in pooled.articles}) == 10
    assert {a.id for a in pooled.articles} == set(extracted.article_vectors)
    assert {m.article_id for m in extracted.mentions} <= {a.id for a in pooled.articles}
    assert len(extracted.mentions) == 10 and len(pooled.gold) == 10
    original = {a.title: a.published_at for a in parts[0][0].articles}
    groups = tool.article_groups(parts[0][0])
    for name in ("pa", "pb"):
        shifts: dict[str, set[int]] = {}
        for article in pooled.articles:
            if f"/{name}/" not in article.url:
                continue
            before = original[article.title]
            assert article.published_at is not None and before is not None
            moved = article.published_at - before
            assert moved.days % 7 == 0 and moved.seconds == 0  # whole weeks: weekdays stay true
            shifts.setdefault(groups[tool.url_path(article.url).removeprefix(f"/{name}")], set()).add(moved.days)
            assert tool.DENSE_START - timedelta(days=4) <= article.published_at.date() <= tool.DENSE_START + timedelta(days=38)
        assert all(len(days) == 1 for days in shifts.values())  # a group's reports move together
    for mention in extracted.mentions:  # a mention's day moves with its article
        assert mention.date is not None and mention.published_at is not None
        assert 0 <= (mention.published_at.date() - mention.date).days <= 1
    # the pool's gold and predicted items name the same articles; the two copies are different incidents
    assert {g.path for g in pooled.gold} == {item.path for item in tool.mention_items([extracted.mentions])}
    assert len({g.cluster for g in pooled.gold}) == 6
    assert tool.compress_calendar(parts, span_days=30, seed=1)[0].digest == pooled.digest


def test_compress_calendar_pools_a_real_attack_once(tmp_path: Path) -> None:
    parts = []
    for name in ("pa", "pb"):  # two sets written on the same real attacks: keys that name the same day and district
        corpus = tool.load_news_dev(write_corpus(tmp_path / name))
        corpus.gold = [replace(g, cluster=f"pk-2024-11-09-{g.cluster.lower()}-{name}") for g in corpus.gold]
        parts.append((corpus, tool.extract_corpus(corpus, FakeExtractor(), None), "all"))  # type: ignore[arg-type]
    pooled, extracted = tool.compress_calendar(parts, span_days=30, seed=1)
    # the second set's reports of those attacks stay out (its report of no attack stays in): no attack is two incidents
    assert {g.cluster.split(":")[0] for g in pooled.gold} == {"pa"}
    assert len(pooled.gold) == 5 and len(extracted.mentions) == 5
    assert sorted(a.url.split("/")[-2] for a in pooled.articles) == ["pa"] * 5 + ["pb"]


def test_two_events_of_one_kind_and_district_in_one_report_are_matched_by_their_toll() -> None:
    # one report tells a mosque bombing (five dead) and a grenade at a checkpost (none dead) in Quetta; a second
    # report tells only the mosque bombing; the resolver groups the two mosque mentions
    gold = [tool.Item("/a", "mosque", "bombing", "quetta", 5), tool.Item("/a", "grenade", "bombing", "quetta", 0),
            tool.Item("/b", "mosque", "bombing", "quetta", 5)]
    predicted = [tool.Item("/a", "c1", "bombing", "quetta", 0), tool.Item("/a", "c0", "bombing", "quetta", 5),
                 tool.Item("/b", "c0", "bombing", "quetta", 5)]
    scores = tool.score_grouping(gold, predicted)
    assert (scores.correct_pairs, scores.predicted_pairs, scores.gold_pairs) == (1, 1, 1)
