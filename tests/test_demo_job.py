"""`khabar demo`: a full cycle on the demo site, and a second run that duplicates nothing."""

from __future__ import annotations

import io
import socket
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from rich.console import Console

from khabar.core.settings import Settings
from khabar.demo.job import run_demo
from khabar.index.templates import alias_name

GOLD = Path(__file__).resolve().parent.parent / "demo" / "site" / "gold.jsonl"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def counts(es: Elasticsearch, settings: Settings) -> dict[str, int]:
    kinds = ("articles", "events", "incidents")
    es.indices.refresh(index=",".join(alias_name(settings, k) for k in kinds))
    return {k: int(es.count(index=alias_name(settings, k))["count"]) for k in kinds}


@pytest.mark.slow
def test_demo_cycle_is_idempotent(settings: Settings, es: Elasticsearch, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_ES_URL", settings.elasticsearch.url)  # use the test cluster, start nothing
    port = free_port()
    buf = io.StringIO()
    console = Console(file=buf, width=140)

    first = run_demo(settings, port=port, rules_only=True, console=console)
    gold_articles = sum(1 for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    assert sorted(r.source_id for r in first.runs) == ["demo-frontier-herald", "demo-indus-times", "demo-quetta-chronicle"]
    assert all(r.status == "finished" for r in first.runs), [r.message for r in first.runs]
    after_first = counts(es, settings)
    assert after_first["articles"] == gold_articles
    assert after_first["incidents"] > 0 and first.incidents_created == after_first["incidents"]
    assert first.year is not None and f"Militant violence in Pakistan, {first.year}" in first.report_text
    text = buf.getvalue()
    assert "Trends by group" in text and "khabar serve" in text

    second = run_demo(settings, port=port, rules_only=True, console=console)
    assert sum(r.articles_new for r in second.runs) == 0
    assert second.processed == 0 and second.incidents_created == 0
    assert counts(es, settings) == after_first
    pending = es.count(index=alias_name(settings, "articles"), query={"term": {"nlp_status": "pending"}})["count"]
    assert pending == 0
    assert second.report_text == first.report_text
