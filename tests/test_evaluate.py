"""Evaluation metrics on tiny inputs and `khabar eval events` on synthetic files."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli.commands.nlp_tools import eval_events_cmd
from khabar.core.records import ExtractedEvent, Location
from khabar.tools.evaluate import (
    accuracy,
    canonical_district,
    evaluate_news,
    macro_f1,
    match_events,
    news_split_of,
    per_label_prf,
    satp_predicted_label,
    text_states_date,
    total_killed,
)
from khabar.tools.scoring import binary_prf, prf
from khabar.tools.train import acled_event_type, lead_text


def test_prf_exact() -> None:
    assert tuple(prf(3, 1, 2)) == pytest.approx((0.75, 0.6, 2 * 0.75 * 0.6 / 1.35))
    assert tuple(prf(0, 0, 0)) == (0.0, 0.0, 0.0)
    assert tuple(prf(0, 0, 0, undefined=1.0)) == (1.0, 1.0, 1.0)
    with pytest.raises(ValueError):
        prf(1, -1, 0)


def test_binary_prf_exact() -> None:
    assert tuple(binary_prf([True, True, False, False], [True, False, True, False])) == pytest.approx((0.5, 0.5, 0.5))


def test_accuracy_exact() -> None:
    assert accuracy([(1, 1), (2, 3), (None, None), (4, 4)]) == (0.75, 4)
    assert accuracy([]) == (0.0, 0)


def test_per_label_and_macro_f1() -> None:
    golds = [frozenset({"a"}), frozenset({"a", "b"}), frozenset({"b"}), frozenset({"b"})]
    preds = ["a", "b", "a", None]
    table = per_label_prf(golds, preds, ["a", "b"])
    # a: TP 1, FP 1 (3rd), FN 0 -> P .5 R 1; b: TP 1, FP 0, FN 2 -> P 1 R 1/3
    assert table["a"] == pytest.approx((0.5, 1.0, 2 / 3, 2))
    assert table["b"] == pytest.approx((1.0, 1 / 3, 0.5, 3))
    assert macro_f1(table) == pytest.approx((2 / 3 + 0.5) / 2)


def test_satp_label_mapping() -> None:
    assert satp_predicted_label("security_operation", frozenset({"armed_assault"})) == "armed_assault"
    assert satp_predicted_label("targeted_killing", frozenset({"other"})) == "other"
    assert satp_predicted_label("bombing", frozenset({"kidnapping"})) == "bombing"
    assert satp_predicted_label(None, frozenset({"other"})) is None


def test_acled_type_mapping() -> None:
    row = {"sub_event_type": "Attack", "fatalities": "1", "notes": "Militants shot dead a tribal elder.", "actor1": "BLA"}
    assert acled_event_type(row) == "targeted_killing"
    assert acled_event_type({**row, "fatalities": "4"}) == "armed_assault"
    assert acled_event_type({**row, "sub_event_type": "Grenade"}) == "bombing"
    assert acled_event_type({**row, "sub_event_type": "Abduction/forced disappearance"}) == "kidnapping"
    clash = {**row, "sub_event_type": "Armed clash", "actor1": "Military Forces of Pakistan (2018-2022)"}
    assert acled_event_type(clash) == "security_operation"


def test_total_killed_counts_attackers() -> None:
    assert total_killed(ExtractedEvent(killed=2, attackers_killed=3)) == 5
    assert total_killed(ExtractedEvent()) == 0


def test_match_events_by_type_and_district() -> None:
    golds = [{"event_type": "bombing", "district": None}, {"event_type": "kidnapping", "district": None}]
    preds = [ExtractedEvent(event_type="kidnapping"), ExtractedEvent(event_type="armed_assault"),
             ExtractedEvent(event_type="bombing", location=Location(district=None))]
    assert match_events(golds, preds) == [(0, 2), (1, 0)]


def test_lead_text_takes_first_sentences() -> None:
    text = "One two three four five six. Seven eight nine ten. Eleven twelve."
    assert lead_text(text, min_words=8) == "One two three four five six. Seven eight nine ten."


ACLED_FIELDS = ["event_date", "year", "event_type", "sub_event_type", "actor1", "actor2", "interaction", "admin1",
                "admin2", "location", "latitude", "longitude", "fatalities", "civilian_targeting", "notes", "month"]


def _write_csv(path: Path, fields: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)


def test_eval_acled_command(tmp_path: Path) -> None:
    row = {f: "" for f in ACLED_FIELDS}
    rows = [
        {**row, "event_date": "2022-03-05", "sub_event_type": "Remote explosive/landmine/IED",
         "actor1": "BLA: Balochistan Liberation Army", "admin1": "Balochistan", "admin2": "Kech", "fatalities": "2",
         "notes": "On 5 March 2022, BLA militants detonated an IED targeting an FC vehicle in Turbat (Kech, "
                  "Balochistan), killing two soldiers."},
        {**row, "event_date": "2021-03-05", "sub_event_type": "Grenade", "admin1": "Balochistan",
         "admin2": "Quetta", "fatalities": "0", "notes": "On 5 March 2021, militants threw a grenade in Quetta."},
    ]
    path = tmp_path / "acled.csv"
    _write_csv(path, ACLED_FIELDS, rows)
    result = CliRunner().invoke(eval_events_cmd, ["--dataset", "acled", str(path), "--json"])
    assert result.exit_code == 0, result.output
    metrics = {(m["field"], m["metric"]): m for m in json.loads(result.output)}
    assert metrics[("relevance", "recall")]["n"] == 1  # only the 2022 row is dev
    assert ("killed", "exact") in metrics and ("district", "exact") in metrics


def test_eval_satp_command(tmp_path: Path) -> None:
    fields = ["split", "text", "label_0_armed_assault(inferred)", "label_1_bombing(inferred)",
              "label_2_kidnapping(inferred)", "label_3_other_incl_infrastructure(inferred)", "mentions_pakistan_place"]
    rows = [
        {"split": "dev", "text": "A suicide bomber killed five policemen in Peshawar on March 3, reports Dawn.",
         "label_0_armed_assault(inferred)": "0", "label_1_bombing(inferred)": "1",
         "label_2_kidnapping(inferred)": "0", "label_3_other_incl_infrastructure(inferred)": "0",
         "mentions_pakistan_place": "1"},
        {"split": "train", "text": "Militants abducted a trader in Bannu.", "label_0_armed_assault(inferred)": "0",
         "label_1_bombing(inferred)": "0", "label_2_kidnapping(inferred)": "1",
         "label_3_other_incl_infrastructure(inferred)": "0", "mentions_pakistan_place": "1"},
    ]
    path = tmp_path / "satp.csv"
    _write_csv(path, fields, rows)
    result = CliRunner().invoke(eval_events_cmd, ["--dataset", "satp", str(path)])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.output and "recall" in result.output


def test_match_events_is_one_to_one() -> None:
    golds = [{"event_type": "bombing", "district": "Quetta", "date": "2025-01-06", "killed": 3}]
    preds = [ExtractedEvent(event_type="bombing", location=Location(district="Quetta"), killed=3, confidence=0.5),
             ExtractedEvent(event_type="bombing", location=Location(district="Quetta"), killed=3, confidence=0.9)]
    assert match_events(golds, preds) == [(0, 1)]  # the second copy is left over: a false positive
    unrelated = [ExtractedEvent(event_type="kidnapping", location=Location(district="Kech"))]
    assert match_events(golds, unrelated) == []


def test_text_states_date_reads_the_gold_side_only() -> None:
    monday = date(2024, 8, 12)
    assert text_states_date("A blast on Monday killed three.", monday, monday)
    assert text_states_date("Militants attacked a post on 12 August.", monday, date(2024, 8, 14))
    assert text_states_date("A bomb went off yesterday.", monday, date(2024, 8, 13))
    assert not text_states_date("A bomb went off in Quetta.", monday, monday)


def test_news_split_keeps_an_incident_on_one_side() -> None:
    incidents = {f"pk-{i}": {"article_ids": [f"a{i}", f"b{i}"]} for i in range(40)}
    incidents["pk-link"] = {"article_ids": ["b0", "c0"]}  # c0 joins a0/b0's group through b0
    ids = [x for i in range(40) for x in (f"a{i}", f"b{i}")] + ["c0", "lone"]
    split = news_split_of(ids, incidents)
    assert split == news_split_of(list(reversed(ids)), incidents)  # deterministic
    assert all(split[f"a{i}"] == split[f"b{i}"] for i in range(40))
    assert split["c0"] == split["a0"]
    assert {"study", "holdout"} == set(split.values())


def _news_folder(tmp_path: Path) -> Path:
    articles = [
        {"id": "n1", "published_at": "2024-08-12T10:00:00+05:00", "title": "Blast in Quetta",
         "paragraphs": ["Eleven people were killed on Monday when a bomb exploded in Quetta."]},
        {"id": "n2", "published_at": "2024-08-12T10:00:00+05:00", "title": "Cabinet meets",
         "paragraphs": ["The cabinet approved the budget."]},
    ]
    gold = [
        {"id": "n1", "is_incident_report": True, "events": [
            {"event_type": "bombing", "date": "2024-08-12", "district": "Quetta", "province": "Balochistan",
             "killed": 11, "injured": None, "attackers_killed": None, "perpetrator": None, "attribution": "unknown"}]},
        {"id": "n2", "is_incident_report": False, "events": []},
    ]
    (tmp_path / "articles.jsonl").write_text("\n".join(json.dumps(a) for a in articles), encoding="utf-8")
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(g) for g in gold), encoding="utf-8")
    (tmp_path / "incidents.json").write_text(json.dumps({"pk-1": {"article_ids": ["n1"]}}), encoding="utf-8")
    return tmp_path


def test_evaluate_news_counts_extra_events_as_false_positives(tmp_path: Path) -> None:
    folder = _news_folder(tmp_path)
    event = ExtractedEvent(event_type="bombing", date=date(2024, 8, 12), location=Location(district="Quetta",
                           province="Balochistan"), killed=11, confidence=0.9)

    def extract(article: dict) -> list[ExtractedEvent]:
        return [event, event.model_copy(update={"confidence": 0.4})] if article["id"] == "n1" else []

    metrics = {(m.field, m.metric): m for m in evaluate_news(folder, "all", extract=extract)}
    assert metrics[("events", "P/R/F1")].note.startswith("P=0.500 R=1.000")
    assert metrics[("killed", "exact")].value == 1.0 and metrics[("date", "exact")].n == 1
    assert metrics[("relevance", "P/R/F1")].value == 1.0


def test_eval_news_command_prints_study_and_holdout(tmp_path: Path) -> None:
    result = CliRunner().invoke(eval_events_cmd, ["--dataset", "news", str(_news_folder(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "(study)" in result.output and "(holdout)" in result.output


def test_karachis_districts_score_at_city_level_as_the_gold_codes_them() -> None:
    assert canonical_district("Korangi") == canonical_district("Karachi") == canonical_district("Malir") == "Karachi"
    assert canonical_district("D.I. Khan") == "Dera Ismail Khan" and canonical_district("Quetta") == "Quetta"


def test_a_satp_paragraph_is_published_the_day_after_its_first_date_in_the_year_it_states() -> None:
    from khabar.tools.evaluate import SATP_YEAR, satp_published

    stated = satp_published("Two drivers abducted from a forest gate on May 5 2016 were rescued on May 7.")
    bare = satp_published("Militants shot dead a trader on February 19.")
    assert stated is not None and stated.date() == date(2016, 5, 6)
    assert bare is not None and bare.date() == date(SATP_YEAR, 2, 20)
