"""`khabar extract` on malformed JSON Lines input."""

from __future__ import annotations

import json

from click.testing import CliRunner

from khabar.cli.commands import nlp as nlp_cmd
from khabar.cli.commands.nlp import COMMANDS, extract_cmd
from khabar.core.language import is_english

GOOD = {"id": "g1", "url": "https://example.test/g1", "published_at": "2025-03-05T08:00:00+00:00",
        "text": "Three soldiers were martyred when terrorists attacked a checkpost in Kech on Monday."}
FRENCH = {"id": "fr", "text": "Ce matin, une explosion a tué trois personnes dans la ville et la police a ouvert une enquête."}


def test_commands_exported() -> None:
    assert [c.name for c in COMMANDS] == ["extract", "process"]


def test_is_english() -> None:
    assert is_english(GOOD["text"])
    assert is_english("BLF militants fired a rocket at a check post near Turbat. Casualties unknown.")
    assert not is_english(FRENCH["text"])
    assert not is_english("پشاور میں دھماکے سے تین افراد ہلاک ہو گئے اور پولیس نے علاقے کو گھیرے میں لے لیا")
    assert not is_english("Dos personas murieron en un ataque contra la policía en Quetta el lunes por la mañana.")


def test_extract_malformed_lines(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("khabar.cli.commands.nlp.MAX_TEXT_CHARS", 5_000)  # keep the parse of the 5 MB line short
    huge = dict(GOOD, id="big", text=GOOD["text"] + " " + "Officials said the area was cordoned off. " * 125_000)
    lines = [json.dumps(GOOD), "{not json", json.dumps({"id": "empty", "title": "x"}), json.dumps(FRENCH), json.dumps(huge),
             json.dumps({"id": "para", "paragraphs": [GOOD["text"]], "published_at": GOOD["published_at"]})]
    result = CliRunner().invoke(extract_cmd, ["--rules-only"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    by_id = {r["id"]: r for r in records}
    assert [r["id"] for r in records] == ["g1", None, "empty", "fr", "big", "para"]
    assert records[1]["events"] == [] and "invalid JSON" in records[1]["error"]
    assert by_id["empty"]["events"] == [] and "no text" in by_id["empty"]["error"]
    assert by_id["g1"]["events"][0]["killed"] == 3
    assert by_id["g1"]["events"][0]["date"] == "2025-03-03"
    assert by_id["fr"] == {"id": "fr", "events": [], "skipped": "non-English"}
    assert by_id["big"]["events"][0]["killed"] == 3
    assert by_id["para"]["events"][0]["location"]["district"] == "Kech"
    assert "line 2: invalid JSON" in result.stderr
    assert "line 3:" in result.stderr and "line 4:" in result.stderr
    assert "line 5: text of" in result.stderr and "truncated" in result.stderr


def test_extract_clean_input_exits_zero(tmp_path) -> None:  # type: ignore[no-untyped-def]
    src, dst = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    src.write_text(json.dumps(GOOD) + "\n", encoding="utf-8")
    result = CliRunner().invoke(extract_cmd, ["--rules-only", "--input", str(src), "--output", str(dst)])
    assert result.exit_code == 0, result.output
    (record,) = [json.loads(line) for line in dst.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == "g1" and len(record["events"]) == 1
    assert set(record["events"][0]["evidence"]) >= {"event_type", "killed", "date", "location"}


def test_extract_bad_lines_give_error_lines_and_the_rest_is_processed(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(nlp_cmd, "MAX_LINE_BYTES", 2_000)
    lines = [
        json.dumps({"id": "p5", "paragraphs": 5}).encode(),
        json.dumps({"id": "t5", "text": 5}).encode(),
        json.dumps({"id": ["x"], "text": GOOD["text"]}).encode(),
        json.dumps({"id": "plist", "paragraphs": ["ok", 3]}).encode(),
        b'{"id": "bad-utf8", "text": "Three soldiers \xff\xfe were killed"}',
        b'{"id": "surrogate", "text": "Three soldiers were killed \\ud800 in Kech."}',
        json.dumps(dict(GOOD, id="huge", text="word " * 1_000)).encode(),
        json.dumps(dict(GOOD, id="after")).encode(),
        json.dumps(dict(GOOD, id="date", published_at="not a date")).encode(),
    ]
    result = CliRunner().invoke(extract_cmd, ["--rules-only"], input=b"\n".join(lines) + b"\n")
    assert result.exit_code == 1, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(lines)
    errors = [r for r in records if "error" in r]
    assert [r["id"] for r in errors] == ["p5", "t5", None, "plist", None, "surrogate", None, "date"]
    assert all(r["events"] == [] for r in errors)
    assert "'paragraphs' must be a list of strings" in errors[0]["error"]
    assert "'text' must be a string" in errors[1]["error"]
    assert "invalid UTF-8" in errors[4]["error"]
    assert "surrogate" in errors[5]["error"]
    assert "longer than 2000 bytes" in errors[6]["error"]
    (after,) = [r for r in records if r["id"] == "after"]
    assert after["events"][0]["killed"] == 3
    for lineno in (1, 2, 3, 4, 5, 6, 7, 9):
        assert f"line {lineno}:" in result.stderr
