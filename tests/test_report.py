"""The yearly report on the 12-incident trends fixture (hand-computed numbers)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.index.report import build_report, render_html, render_markdown, render_text
from tests.test_trends import BLA, ISKP, TTP, load_fixture


def test_report_numbers(es: Elasticsearch, settings: Settings) -> None:
    load_fixture(es, settings)
    report = build_report(es, settings, 2025)
    assert (report.attacks, report.attacks_previous, report.attacks_change_pct) == (6, 4, 50.0)
    assert (report.deaths, report.deaths_previous, report.deaths_change_pct) == (23, 11, 109.1)
    assert [(g.name, g.attacks, g.deaths) for g in report.top_groups_by_attacks] == [(BLA, 2, 8), (TTP, 2, 14), (ISKP, 1, 0)]
    assert [g.name for g in report.top_groups_by_deaths] == [TTP, BLA, ISKP]
    assert [(p.province, p.deaths) for p in report.deaths_by_province] == [
        ("Khyber Pakhtunkhwa", 14),
        ("Balochistan", 8),
        ("Punjab", 1),
    ]
    assert (report.kp_share_pct, report.balochistan_share_pct, report.kp_balochistan_share_pct) == (60.9, 34.8, 95.7)
    assert [(str(i.date), i.killed) for i in report.deadliest] == [
        ("2025-01-05", 10),
        ("2025-01-28", 6),
        ("2025-01-25", 4),
        ("2025-03-10", 2),
        ("2025-05-20", 1),
    ]
    assert report.deadliest[0].sources[0].url.startswith("https://news0.example/")
    assert len(report.monthly) == 12
    assert report.monthly[0].month == "2025-01" and sum(report.monthly[0].counts.values()) == 3

    html = render_html(report)
    assert html.count("<svg") == 2 and "<script" not in html
    assert "95.7%" in render_text(report)
    assert "| Attacks | 6 | 4 | +50.0% |" in render_markdown(report)


def test_report_command_writes_html(es: Elasticsearch, settings: Settings, tmp_path: Path) -> None:
    from khabar.cli import main

    load_fixture(es, settings)
    target = tmp_path / "report.html"
    env = {"KHABAR_ES_URL": settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix}
    result = CliRunner().invoke(main, ["report", "--year", "2025", "--format", "html", "--output", str(target)], env=env)
    assert result.exit_code == 0, result.output
    assert "<svg" in target.read_text(encoding="utf-8")
