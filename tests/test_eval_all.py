"""`khabar eval all` runs each section's own command and writes the page from what it printed."""

from __future__ import annotations

import csv
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli import main
from khabar.cli.commands import eval_all
from khabar.cli.commands.eval_all import Section, git_commit
from khabar.core.settings import PROJECT_ROOT

ACLED_FIELDS = ["event_date", "sub_event_type", "actor1", "admin1", "admin2", "fatalities", "notes"]


def _shared(tmp_path: Path) -> Path:
    """A labelled-data folder with one tiny ACLED file."""
    folder = tmp_path / "shared"
    folder.mkdir()
    with (folder / "acled.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_FIELDS)
        writer.writeheader()
        writer.writerow({
            "event_date": "2022-03-05", "sub_event_type": "Remote explosive/landmine/IED",
            "actor1": "BLA: Balochistan Liberation Army", "admin1": "Balochistan", "admin2": "Kech",
            "fatalities": "2", "notes": "BLA militants detonated an IED targeting an FC vehicle in Turbat (Kech, "
                                        "Balochistan), killing two soldiers.",
        })
    return folder


def test_git_commit_is_head() -> None:
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=PROJECT_ROOT, capture_output=True, text=True).stdout.strip()
    assert git_commit().split()[0] == head
    assert git_commit(Path("/")).startswith("unknown")


def test_eval_all_writes_each_command_output(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    acled = ("eval", "events", "--dataset", "acled", "{shared}/acled.csv", "--split", "dev")
    sections = (
        Section("ACLED", acled, "About ACLED.", shared=True),
        Section("Broken", ("eval", "events", "--dataset", "acled", str(tmp_path / "missing.csv")), "y"),
        Section("Timing", ("bench", "nlp", "--docs", "1"), "z", bench=True),
    )
    monkeypatch.setattr(eval_all, "SECTIONS", sections)
    page = tmp_path / "accuracy.md"
    args = ["eval", "all", "--data", str(_shared(tmp_path)), "--output", str(page), "--no-bench"]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1, result.output  # the broken section is reported, the others still run
    text = page.read_text(encoding="utf-8")
    assert git_commit().split()[0] in text
    section = text.split("## ACLED", 1)[1].split("## Broken", 1)[0]
    assert "About ACLED." in section
    single_args = [arg.replace("{shared}", str(tmp_path / "shared")) for arg in acled]
    single = CliRunner().invoke(main, single_args, env={"COLUMNS": eval_all.REPORT_COLUMNS})
    assert single.exit_code == 0, single.output
    assert "killed" in single.output
    assert single.output.strip() in section  # the single command's own output, verbatim
    assert "**Not measured:**" in text.split("## Broken", 1)[1].split("## Timing", 1)[0]
    assert "skipped (--no-bench)" in text.split("## Timing", 1)[1]


def test_sections_without_labelled_data_are_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eval_all, "SECTIONS", (Section("ACLED", ("eval", "events"), "x", shared=True),))
    page = tmp_path / "accuracy.md"
    result = CliRunner().invoke(main, ["eval", "all", "--data", str(tmp_path / "none"), "--output", str(page)])
    assert result.exit_code == 0, result.output
    assert "labelled data not found" in page.read_text(encoding="utf-8")


def test_fresh_sections_run_in_a_new_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sections = (
        Section("Version", ("--version",), "v", fresh=True),
        Section("Bad usage", ("eval", "events"), "b", fresh=True),
    )
    monkeypatch.setattr(eval_all, "SECTIONS", sections)
    page = tmp_path / "accuracy.md"
    result = CliRunner().invoke(main, ["eval", "all", "--data", str(tmp_path), "--output", str(page)])
    assert result.exit_code == 1, result.output
    text = page.read_text(encoding="utf-8")
    assert "version" in text.split("## Version", 1)[1].split("## Bad usage", 1)[0]
    assert "exited with status 2" in text.split("## Bad usage", 1)[1]


def test_sections_needing_elasticsearch_are_skipped_when_it_does_not_answer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(eval_all, "SECTIONS", (Section("Resolve", ("--version",), "x", elasticsearch=True),))
    monkeypatch.setenv("KHABAR_ES_URL", "http://127.0.0.1:9")  # nothing listens on the discard port
    page = tmp_path / "accuracy.md"
    result = CliRunner().invoke(main, ["eval", "all", "--data", str(tmp_path), "--output", str(page)])
    assert result.exit_code == 0, result.output
    assert "Elasticsearch not reachable" in page.read_text(encoding="utf-8")


def test_every_probe_set_is_either_studied_or_never_studied_and_printed() -> None:
    from khabar.tools.probes import NEVER_STUDIED, PROBES_DIR, STUDIED

    on_disk = {p.name for p in PROBES_DIR.iterdir() if (p / "gold.jsonl").exists()}
    assert set(STUDIED) | set(NEVER_STUDIED) == on_disk and not set(STUDIED) & set(NEVER_STUDIED)
    assert {name for name, *_ in eval_all.HONEST_PROBES} == set(NEVER_STUDIED)
    printed = {arg.rsplit("/", 1)[-1] for section in eval_all.SECTIONS for arg in section.args if "news_probes/" in arg}
    assert printed == on_disk
    assert {name for name, *_ in eval_all.INCIDENT_PROBES} <= set(STUDIED)
