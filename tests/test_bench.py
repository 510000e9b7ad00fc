"""`khabar bench nlp` runs end to end (timings are not checked), alternating rounds and reporting medians."""

from __future__ import annotations

import json
import statistics
from collections.abc import Iterable
from types import SimpleNamespace
from typing import Any

import pytest
from click.testing import CliRunner

from khabar.cli.commands.nlp_tools import bench_nlp_cmd
from khabar.nlp.pipeline import build_nlp
from khabar.tools import bench as bench_module
from khabar.tools.bench import bare_pipeline, bench, make_articles


def test_articles_are_deterministic_and_sized() -> None:
    first = make_articles(5, seed=3)
    assert first == make_articles(5, seed=3)
    for article in first:
        assert 400 <= len(article["text"].split()) <= 700


def test_bench_command_prints_fields() -> None:
    result = CliRunner().invoke(bench_nlp_cmd, ["--docs", "2"])
    assert result.exit_code == 0, result.output
    for field in ("articles/s", "words/s", "peak RSS", "ratio pipeline/bare", "rounds:"):
        assert field in result.output


def test_bench_alternates_rounds_and_reports_the_ratio_of_medians(monkeypatch: pytest.MonkeyPatch) -> None:
    """Scripted timings: pipeline and bare alternate, RSS is read before bare spaCy is built, medians are compared."""
    log: list[str] = []
    clock = [0.0]
    pipeline_seconds = iter([10.0, 20.0, 12.0])
    bare_seconds = iter([5.0, 30.0, 6.0])
    rss = iter([100.0, 200.0])

    def fake_pipeline(articles: list[dict[str, Any]], batch_size: int = 16) -> int:
        log.append("pipeline")
        clock[0] += next(pipeline_seconds)
        return 4

    def fake_bare(texts: Iterable[str], nlp: Any, batch_size: int = 16) -> int:
        if len(list(texts)) == 1:
            log.append("bare warm-up")
            return 1
        log.append("bare")
        clock[0] += next(bare_seconds)
        return 10

    def fake_bare_pipeline() -> Any:
        log.append("build bare")
        return SimpleNamespace(pipe_names=["tok2vec", "ner"])

    def fake_rss() -> float:
        log.append("rss")
        return next(rss)

    monkeypatch.setattr(bench_module, "_warm_up", lambda articles: log.append("warm-up"))
    monkeypatch.setattr(bench_module, "run_pipeline", fake_pipeline)
    monkeypatch.setattr(bench_module, "run_bare", fake_bare)
    monkeypatch.setattr(bench_module, "bare_pipeline", fake_bare_pipeline)
    monkeypatch.setattr(bench_module, "peak_rss_mb", fake_rss)
    monkeypatch.setattr(bench_module, "time", SimpleNamespace(perf_counter=lambda: clock[0]))

    result = bench(n_docs=2, min_words=20, max_words=30, repeats=3)

    assert log == ["warm-up", "pipeline", "rss", "build bare", "bare warm-up", "bare",
                   "pipeline", "bare", "pipeline", "bare", "rss"]
    assert result.repeats == 3
    assert result.pipeline_round_s == [10.0, 20.0, 12.0]
    assert result.bare_round_s == [5.0, 30.0, 6.0]
    assert result.round_ratios == [0.5, 1.5, 0.5]
    assert (result.pipeline_s, result.bare_s) == (12.0, 6.0)
    assert result.ratio == 0.5  # the ratio of the medians, not of the sums (41/42) nor the mean ratio (0.83)
    assert result.pipeline_docs_per_s == 2 / 12.0 and result.bare_docs_per_s == 2 / 6.0
    assert (result.pipeline_peak_rss_mb, result.peak_rss_mb) == (100.0, 200.0)
    assert result.events == 4 and result.components == ["tok2vec", "ner"]


def test_bench_needs_at_least_one_round() -> None:
    with pytest.raises(ValueError, match="repeats"):
        bench(n_docs=1, repeats=0)
    result = CliRunner().invoke(bench_nlp_cmd, ["--docs", "1", "--repeats", "0"])
    assert result.exit_code == 2


def test_bench_command_json_has_one_ratio_per_round_and_the_ratio_of_medians() -> None:
    result = CliRunner().invoke(bench_nlp_cmd, ["--docs", "1", "--repeats", "2", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    for field in ("docs", "words", "events", "pipeline_s", "bare_s", "pipeline_docs_per_s", "pipeline_words_per_s",
                  "bare_docs_per_s", "bare_words_per_s", "ratio", "pipeline_peak_rss_mb", "peak_rss_mb", "components"):
        assert field in data
    assert data["repeats"] == 2
    assert len(data["pipeline_round_s"]) == len(data["bare_round_s"]) == len(data["round_ratios"]) == 2
    assert data["pipeline_s"] == pytest.approx(statistics.median(data["pipeline_round_s"]))
    assert data["bare_s"] == pytest.approx(statistics.median(data["bare_round_s"]))
    assert data["ratio"] == pytest.approx(data["bare_s"] / data["pipeline_s"])
    assert data["round_ratios"] == pytest.approx([b / p for p, b in zip(data["pipeline_round_s"], data["bare_round_s"],
                                                                        strict=True)])


def test_bare_baseline_runs_the_same_model_components_as_khabar() -> None:
    bare = bare_pipeline().pipe_names
    khabar = build_nlp().pipe_names
    assert bare, "the baseline runs no component"
    assert set(bare) <= set(khabar)
    assert all(name.startswith("khabar_") for name in set(khabar) - set(bare)), "a model component is missing"
    assert "lemmatizer" not in bare
    assert [name for name in khabar if name in bare] == bare
