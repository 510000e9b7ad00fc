"""Pairwise evaluation of incident grouping, and the incidents commands end to end."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.tools.eval_incidents import evaluate_files
from tests.test_incidents import mention, put

ARTICLES_GOLD = [
    {"url": "/dawn/a1.html", "events": [{"incident_key": "K1", "event_type": "bombing", "district": "Peshawar"}]},
    {"url": "/geo/a2.html", "events": [{"incident_key": "K1", "event_type": "bombing", "district": "Peshawar"}]},
    {"url": "/bbc/a3.html", "events": [{"incident_key": "K1", "event_type": "bombing", "district": "Peshawar"}]},
    {"url": "/dawn/a4.html", "events": [{"incident_key": "K2", "event_type": "bombing", "district": "Quetta"}]},
    {
        "url": "/geo/a5.html",
        "events": [
            {"incident_key": "K2", "event_type": "bombing", "district": "Quetta"},
            {"incident_key": "K3", "event_type": "armed_assault", "district": "Kech"},
        ],
    },
    {"url": "/geo/a6.html", "events": []},
]
INCIDENTS_GOLD = [
    {
        "incident_key": "K1",
        "event_type": "bombing",
        "district": "Peshawar",
        "urls": ["/dawn/a1.html", "/geo/a2.html", "/bbc/a3.html"],
    },
    {"incident_key": "K2", "event_type": "bombing", "district": "Quetta", "urls": ["/dawn/a4.html", "/geo/a5.html"]},
    {"incident_key": "K3", "event_type": "armed_assault", "district": "Kech", "urls": ["/geo/a5.html"]},
]


def predicted(*groups: tuple[str, str, str, list[str]]) -> list[dict[str, Any]]:
    return [
        {
            "incident_id": iid,
            "event_type": etype,
            "location": {"district": district},
            "sources": [{"url": f"https://news.example{u}"} for u in urls],
        }
        for iid, etype, district, urls in groups
    ]


def write(path: Path, records: Sequence[object]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_pairwise_scores_exact(tmp_path: Path) -> None:
    pred = predicted(
        ("P1", "bombing", "Peshawar", ["/dawn/a1.html", "/geo/a2.html"]),
        ("P2", "bombing", "Peshawar", ["/bbc/a3.html"]),
        ("P3", "bombing", "Quetta", ["/dawn/a4.html", "/geo/a5.html", "/geo/a6.html"]),
        ("P4", "armed_assault", "Kech", ["/geo/a5.html", "/elsewhere/not-in-gold.html"]),
    )
    scores = evaluate_files(write(tmp_path / "gold.jsonl", ARTICLES_GOLD), pred)
    assert (scores.gold_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 4, 2)
    assert (scores.precision, scores.recall, scores.f1) == (0.5, 0.5, 0.5)
    assert (scores.gold_incidents, scores.predicted_incidents) == (3, 4)
    assert (scores.gold_mentions, scores.predicted_mentions, scores.matched_mentions) == (6, 7, 6)
    # an incidents gold file does not list irrelevant articles, so a6's false merge is not scored
    scores = evaluate_files(write(tmp_path / "incidents_gold.jsonl", INCIDENTS_GOLD), pred)
    assert (scores.gold_pairs, scores.predicted_pairs, scores.correct_pairs) == (4, 2, 2)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 0.5, 0.6667)
    assert (scores.gold_mentions, scores.predicted_mentions, scores.matched_mentions) == (6, 6, 6)
    perfect = predicted(
        ("P1", "bombing", "Peshawar", ["/dawn/a1.html", "/geo/a2.html", "/bbc/a3.html"]),
        ("P3", "bombing", "Quetta", ["/dawn/a4.html", "/geo/a5.html"]),
        ("P4", "armed_assault", "Kech", ["/geo/a5.html"]),
    )
    assert evaluate_files(tmp_path / "gold.jsonl", perfect).f1 == 1.0
    split = predicted(
        ("P1", "bombing", "Peshawar", ["/dawn/a1.html", "/geo/a2.html"]),
        ("P3", "bombing", "Quetta", ["/dawn/a4.html", "/geo/a5.html"]),
    )
    scores = evaluate_files(tmp_path / "gold.jsonl", split)
    assert (scores.precision, scores.recall, scores.f1) == (1.0, 0.5, 0.6667)


def test_commands_resolve_export_eval(es: Elasticsearch, settings: Settings, tmp_path: Path) -> None:
    from khabar.cli import main

    put(
        es,
        settings,
        mention("a1", outlet="Dawn", killed=3),
        mention("a2", outlet="Geo", published="2025-03-02T12:00", killed=4),
        mention("a3", outlet="Dawn", district="Quetta", province="Balochistan", day="2025-04-01", published="2025-04-01T20:00"),
    )
    env = {"KHABAR_ES_URL": settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix}
    runner = CliRunner()
    resolved = runner.invoke(main, ["incidents", "resolve", "--json"], env=env)
    assert resolved.exit_code == 0, resolved.output
    assert json.loads(resolved.output.strip().splitlines()[-1])["incidents_created"] == 2

    export = tmp_path / "incidents.jsonl"
    exported = runner.invoke(
        main, ["incidents", "export", "--output", str(export), "--from", "2025-03-01", "--to", "2025-03-31"], env=env
    )
    assert exported.exit_code == 0, exported.output
    [line] = [json.loads(x) for x in export.read_text().splitlines()]
    assert [s["url"] for s in line["sources"]] == ["https://dawn.example/a1.html", "https://geo.example/a2.html"]
    assert line["killed"] == 4 and "embedding" not in line

    gold = write(
        tmp_path / "gold.jsonl",
        [
            {"url": "/a1.html", "events": [{"incident_key": "X", "event_type": "bombing", "district": "Peshawar"}]},
            {"url": "/a2.html", "events": [{"incident_key": "X", "event_type": "bombing", "district": "Peshawar"}]},
            {"url": "/a3.html", "events": [{"incident_key": "Y", "event_type": "bombing", "district": "Quetta"}]},
        ],
    )
    from_index = runner.invoke(main, ["eval", "incidents", str(gold), "--json"], env=env)
    assert from_index.exit_code == 0, from_index.output
    assert json.loads(from_index.output)["f1"] == 1.0
    from_file = runner.invoke(main, ["eval", "incidents", str(gold), "--predicted", str(export)], env=env)
    assert from_file.exit_code == 0, from_file.output
    assert "F1 1.000" in from_file.output
