"""`khabar bench nlp` runs end to end (timings are not checked)."""

from __future__ import annotations

from click.testing import CliRunner

from khabar.cli.commands.nlp_tools import bench_nlp_cmd
from khabar.nlp.pipeline import build_nlp
from khabar.tools.bench import bare_pipeline, make_articles


def test_articles_are_deterministic_and_sized() -> None:
    first = make_articles(5, seed=3)
    assert first == make_articles(5, seed=3)
    for article in first:
        assert 400 <= len(article["text"].split()) <= 700


def test_bench_command_prints_fields() -> None:
    result = CliRunner().invoke(bench_nlp_cmd, ["--docs", "2"])
    assert result.exit_code == 0, result.output
    for field in ("articles/s", "words/s", "peak RSS", "ratio pipeline/bare"):
        assert field in result.output


def test_bare_baseline_runs_the_same_model_components_as_khabar() -> None:
    bare = bare_pipeline().pipe_names
    khabar = build_nlp().pipe_names
    assert bare, "the baseline runs no component"
    assert set(bare) <= set(khabar)
    assert all(name.startswith("khabar_") for name in set(khabar) - set(bare)), "a model component is missing"
    assert "lemmatizer" not in bare
    assert [name for name in khabar if name in bare] == bare
