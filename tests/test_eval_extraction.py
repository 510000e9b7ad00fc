"""Tests for the extraction evaluation scoring (synthetic inputs only)."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli.commands.extraction import extraction_command
from khabar.tools.eval_extraction import (
    SnippetCounts,
    bag_of_words_scores,
    evaluate_extraction,
    find_datasets,
    fundus_body_text,
    load_fundus_cases,
    same_day,
    same_title,
    score_snippets,
)

HTML_DIR = Path(__file__).parent / "data" / "html"


def test_score_snippets_counts() -> None:
    text = "Alpha beta gamma.\n\nDelta   epsilon. Share this"
    counts = score_snippets(
        text,
        ["beta gamma", "delta epsilon", "Delta epsilon.", "zeta"],
        ["Share this", "Subscribe"],
    )
    assert counts == SnippetCounts(tp=2, fp=1, tn=1, fn=2)
    metrics = counts.metrics()
    assert metrics["precision"] == pytest.approx(2 / 3)
    assert metrics["recall"] == pytest.approx(0.5)
    assert metrics["f1"] == pytest.approx(4 / 7)
    assert metrics["accuracy"] == pytest.approx(0.5)


def test_score_snippets_empty_text() -> None:
    counts = score_snippets(None, ["a"], ["b"])
    assert counts == SnippetCounts(tp=0, fp=0, tn=1, fn=1)
    assert counts.metrics() == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "accuracy": 0.5,
    }


def test_bag_of_words_is_a_multiset() -> None:
    scores = bag_of_words_scores("the cat the cat sat", "The cat sat on the mat")
    # overlap: the x2, cat x1, sat x1 = 4; predicted 5 words, expected 6 words
    assert scores["precision"] == pytest.approx(4 / 5)
    assert scores["recall"] == pytest.approx(4 / 6)
    assert scores["f1"] == pytest.approx(2 * 0.8 * (2 / 3) / (0.8 + 2 / 3))
    assert bag_of_words_scores("", "words") == {
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
    }


def test_title_and_day_matching() -> None:
    assert same_title("  Storm  hits\ncoast ", "Storm hits coast")
    assert not same_title("Storm hits coast | Herald", "Storm hits coast")
    assert not same_title(None, "x")
    expected = datetime(2024, 1, 1, 23, 30, tzinfo=timezone(timedelta(hours=-4)))
    assert same_day(datetime(2024, 1, 2, 3, 0, tzinfo=UTC), expected)
    assert not same_day(datetime(2024, 1, 2, 5, 0, tzinfo=UTC), expected)
    assert same_day(datetime(2024, 1, 1), expected)
    assert not same_day(None, expected)


def test_fundus_body_text() -> None:
    body = {
        "summary": ["Lead."],
        "sections": [
            {"headline": [], "paragraphs": ["One.", "Two."]},
            {"headline": ["Sub"], "paragraphs": ["Three."]},
        ],
    }
    assert fundus_body_text(body) == "Lead.\n\nOne.\n\nTwo.\n\nSub\n\nThree."
    assert fundus_body_text(None) is None


def _make_fundus(root: Path) -> Path:
    folder = root / "fundus" / "xx"
    folder.mkdir(parents=True)
    page = gzip.decompress((HTML_DIR / "wildfire_article.html.gz").read_bytes())
    for date in ("2024_01_01", "2025_01_01"):
        (folder / f"Mountain_{date}.html.gz").write_bytes(gzip.compress(page))
    expected = {
        "title": "Wildfire near Cedar Ridge contained, officials say",
        "publishing_date": "2024-07-21 16:05:00-07:00",
        "body": {
            "summary": [],
            "sections": [
                {
                    "headline": [],
                    "paragraphs": ["Firefighters have fully contained the wildfire."],
                }
            ],
        },
    }
    (folder / "Mountain.json").write_text(json.dumps({"V2": expected, "V1": {**expected, "title": "Old"}}))
    (folder / "meta.info").write_text(json.dumps({"Mountain_2024_01_01.html.gz": {"url": "https://m.example/a"}}))
    return root


def test_fundus_loading_and_evaluation(tmp_path: Path) -> None:
    root = _make_fundus(tmp_path)
    assert set(find_datasets(root)) == {"fundus"}
    assert set(find_datasets(root / "fundus")) == {"fundus"}
    cases = load_fundus_cases(root / "fundus")
    assert [(c.path.name, c.title) for c in cases] == [
        ("Mountain_2024_01_01.html.gz", "Old"),
        (
            "Mountain_2025_01_01.html.gz",
            "Wildfire near Cedar Ridge contained, officials say",
        ),
    ]
    assert cases[0].url == "https://m.example/a"
    report = evaluate_extraction(root, workers=1)
    (dataset,) = report.datasets
    khabar = dataset.systems["khabar"]
    assert khabar["title_accuracy"] == 0.5
    assert khabar["date_accuracy"] == 1.0
    assert khabar["recall"] == 1.0
    assert set(report.overall) == {"khabar", "trafilatura"}


def test_trafilatura_dataset_and_cli(tmp_path: Path) -> None:
    folder = tmp_path / "trafilatura_news"
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "flood.html.gz").write_bytes(gzip.compress((HTML_DIR / "news_article.html").read_bytes()))
    spec = {
        "https://x.example/flood": {
            "file": "flood.html",
            "with": ["Kaveri river burst its banks"],
            "without": ["my cousin in Kottai"],
        }
    }
    (folder / "evaldata_subset.json").write_text(json.dumps(spec))
    report = evaluate_extraction(tmp_path, workers=1)
    assert report.datasets[0].systems["khabar"] == {
        "precision": 1.0,
        "recall": 1.0,
        "f1": 1.0,
        "accuracy": 1.0,
    }
    result = CliRunner().invoke(extraction_command, [str(folder), "--json", "--workers", "1"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["datasets"][0]["name"] == "trafilatura_news"
    assert CliRunner().invoke(extraction_command, [str(tmp_path / "trafilatura_news" / "html")]).exit_code != 0
    assert CliRunner().invoke(extraction_command, [str(folder)]).exit_code == 0
