"""The embedder and the shipped incident heads."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from khabar.core.records import EVENT_TYPES
from khabar.nlp.classify import DEFAULT_HEAD, IncidentClassifier, load_classifier, softmax
from khabar.tools.train import (
    cross_validate_c,
    embedded_examples,
    evaluate_head_file,
    expand_soft_targets,
    fit_logistic,
    head_metric_rows,
    train,
)


class Sources(TypedDict):
    """The training sources' keyword arguments of `train`, `evaluate_head_file` and `embedded_examples`."""

    satp: Path | None
    acled: Path | None
    demo_gold: Path | None
    news: Path | None


@pytest.fixture(scope="module")
def classifier() -> IncidentClassifier:
    clf = load_classifier()
    assert clf is not None, f"shipped head missing: {DEFAULT_HEAD}"
    return clf


def test_embeddings_are_unit_vectors(classifier: IncidentClassifier) -> None:
    emb = classifier.embed(["A bomb exploded in Quetta.", "Pakistan won the match.", ""])
    assert emb.shape == (3, 384)
    assert emb.dtype == np.float32
    assert np.allclose(np.linalg.norm(emb, axis=1), 1.0, atol=1e-4)


def test_similar_sentences_score_higher(classifier: IncidentClassifier) -> None:
    a, b, c = classifier.embed([
        "A suicide bomber blew himself up near a police station in Peshawar.",
        "A suicide attacker detonated explosives outside a police post in Peshawar.",
        "The State Bank kept the interest rate unchanged on Monday.",
    ])
    assert float(a @ b) > float(a @ c) + 0.2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.", "bombing"),
        ("Gunmen abducted two engineers from a construction site in Kharan.", "kidnapping"),
        ("Security forces killed six terrorists in an intelligence-based operation in North Waziristan.",
         "security_operation"),
    ],
)
def test_obvious_event_types(classifier: IncidentClassifier, text: str, expected: str) -> None:
    (scores,) = classifier.event_type_scores([text])
    assert set(scores) == set(EVENT_TYPES)
    assert abs(sum(scores.values()) - 1.0) < 1e-4
    assert max(scores, key=lambda k: scores[k]) == expected
    assert classifier.relevance([text])[0] > 0.5


def test_cricket_is_not_an_incident(classifier: IncidentClassifier) -> None:
    rel = classifier.relevance([
        "Pakistan beat Australia by five wickets in the second Test in Rawalpindi.",
        "The State Bank of Pakistan kept its policy rate unchanged.",
    ])
    assert max(rel) < 0.3


def test_scores_embed_each_text_once(classifier: IncidentClassifier, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[list[str]] = []
    original = classifier.embedder.embed

    def counting(texts: list[str]) -> np.ndarray:
        calls.append(texts)
        return original(texts)

    monkeypatch.setattr(classifier.embedder, "embed", counting)
    texts = ["Militants blew up a gas pipeline near Sui in Dera Bugti district today."] * 2
    rel, types, emb = classifier.scores(texts)
    classifier.relevance(texts)
    classifier.event_type_scores(texts)
    assert len(calls) == 1 and calls[0] == texts[:1]
    assert len(rel) == len(types) == emb.shape[0] == 2


def test_missing_head_gives_none(tmp_path: Path) -> None:
    assert load_classifier(tmp_path / "missing.npz") is None


def _fake_embed(texts: list[str]) -> np.ndarray:
    """A cheap deterministic stand-in for MiniLM: hashed bag of words, unit norm."""
    import zlib

    out = np.zeros((len(texts), 384), dtype=np.float32)
    for i, text in enumerate(texts):
        for word in text.lower().split():
            out[i, zlib.crc32(word.encode()) % 384] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def test_train_is_reproducible_and_loadable(tmp_path: Path) -> None:
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_date,sub_event_type,actor1,fatalities,notes\n"
        "2021-01-02,Grenade,BLA,0,\"On 2 January 2021, militants threw a grenade at a shop in Quetta.\"\n"
        "2021-02-03,Armed clash,BLF,2,\"On 3 February 2021, militants attacked a checkpost in Kech.\"\n"
        "2022-03-04,Grenade,BLA,1,\"On 4 March 2022, a grenade exploded near a bank in Turbat.\"\n",
        encoding="utf-8",
    )
    first = train(satp=None, acled=acled, demo_gold=None, news=None, output=tmp_path / "a.npz", embed=_fake_embed)
    second = train(satp=None, acled=acled, demo_gold=None, news=None, output=tmp_path / "b.npz", embed=_fake_embed)
    assert first.digest == second.digest
    a, b = np.load(tmp_path / "a.npz"), np.load(tmp_path / "b.npz")
    assert np.array_equal(a["type_W"], b["type_W"]) and np.array_equal(a["relevance_W"], b["relevance_W"])
    clf = IncidentClassifier(tmp_path / "a.npz", embedder=type("E", (), {"embed": staticmethod(_fake_embed)})())
    assert clf.relevance(["A grenade exploded in Quetta."])[0] > clf.relevance(["The cricket board met."])[0]
    with pytest.raises(FileNotFoundError):
        train(satp=None, acled=None, demo_gold=None, news=None, output=tmp_path / "c.npz", embed=_fake_embed)


def test_fit_logistic_matches_sklearn_probabilities() -> None:
    rng = np.random.default_rng(0)
    x = rng.normal(size=(60, 5))
    binary = (x[:, 0] + 0.3 * rng.normal(size=60) > 0).astype(int)
    w, b = fit_logistic(x, binary, np.ones(60), 2, c=1.0)
    reference = LogisticRegression(C=1.0, max_iter=5000, tol=1e-6).fit(x, binary).predict_proba(x)
    assert w.shape == (5, 2) and b.shape == (2,)
    assert np.abs(softmax(x @ w + b) - reference).max() < 1e-4
    three = np.where(x[:, 1] > 0.5, 3, binary)  # classes 0, 1, 3 of 4: class 2 has no data
    w, b = fit_logistic(x, three, np.ones(60), 4, c=1.0)
    probs = softmax(x @ w + b)
    assert probs[:, 2].max() < 1e-6
    assert (probs.argmax(axis=1) == three).mean() > 0.8


def test_soft_targets_become_weighted_rows() -> None:
    rows, classes, weights = expand_soft_targets(
        [{"b": 0.5, "a": 0.5}, {"c": 1.0}], np.array([2.0, 1.0]), ("a", "b", "c")
    )
    assert rows.tolist() == [0, 0, 1]
    assert classes.tolist() == [0, 1, 2]
    assert weights.tolist() == [1.0, 1.0, 1.0]


def test_eval_heads_recomputes_the_dev_metrics_train_stored(tmp_path: Path) -> None:
    acled = tmp_path / "acled.csv"
    acled.write_text(
        "event_date,sub_event_type,actor1,fatalities,notes\n"
        "2021-01-02,Grenade,BLA,0,\"On 2 January 2021, militants threw a grenade at a shop in Quetta.\"\n"
        "2022-03-04,Grenade,BLA,1,\"On 4 March 2022, a grenade exploded near a bank in Turbat.\"\n"
        "2022-03-05,Attack,BLF,3,\"On 5 March 2022, gunmen attacked a checkpost in Kech, killing three.\"\n",
        encoding="utf-8",
    )
    sources: Sources = {"satp": None, "acled": acled, "demo_gold": None, "news": None}
    result = train(**sources, output=tmp_path / "h.npz", embed=_fake_embed)
    again = evaluate_head_file(tmp_path / "h.npz", **sources, embed=_fake_embed)
    assert again == result.metrics
    rows = head_metric_rows(again)
    assert [row[0] for row in rows] == ["relevance", "relevance", "type"]  # no SATP or demo dev data here
    assert rows[2][2] == 2 and rows[2][3].startswith("accuracy ")
    examples, emb = embedded_examples(**sources, embed=_fake_embed)
    scores = cross_validate_c(examples, emb, grid=(0.1, 10.0), folds=3)
    assert set(scores) == {0.1, 10.0}
    assert all(0.0 <= value <= 1.0 for row in scores.values() for value in row.values())
