"""The bulk writer against the real Elasticsearch: idempotent ids, spool on outage, dead letters."""

from __future__ import annotations

import json
from pathlib import Path

from elasticsearch import Elasticsearch

from khabar.app import es_local
from khabar.core.records import Article
from khabar.core.settings import LocalEsSettings, Settings
from khabar.index.client import es_client
from khabar.index.templates import alias_name, init_indices
from khabar.index.writer import BulkWriter

from .conftest import free_node_port, make_settings


def articles(start: int, stop: int) -> list[Article]:
    return [
        Article(url=f"https://news.example.pk/{n}", outlet="Example", title=f"Story {n}", text=f"Body of story {n}.")
        for n in range(start, stop)
    ]


def count(es: Elasticsearch, settings: Settings) -> int:
    es.indices.refresh(index=alias_name(settings, "articles"))
    return int(es.count(index=alias_name(settings, "articles"))["count"])


def test_same_thousand_articles_twice_leave_a_thousand(settings: Settings, es: Elasticsearch) -> None:
    batch = articles(0, 1000)
    for _ in range(2):
        with BulkWriter(es, settings, chunk_size=250) as writer:
            for article in batch:
                writer.index("articles", article.id, article)
    assert count(es, settings) == 1000
    assert writer.totals.written == 1000 and writer.totals.spooled == 0


def test_rejected_document_goes_to_dead_letter_and_batch_mates_land(settings: Settings, es: Elasticsearch) -> None:
    writer = BulkWriter(es, settings)
    for article in articles(0, 9):
        writer.index("articles", article.id, article)
    bad = articles(9, 10)[0].model_dump(mode="json")
    bad["published_at"] = "the day before yesterday"
    writer.index("articles", bad["id"], bad)
    result = writer.flush()
    assert (result.written, result.dead_lettered) == (9, 1)
    assert count(es, settings) == 9
    lines = settings.dead_letter_path.read_text().splitlines()
    assert len(lines) == 1
    entry = json.loads(lines[0])
    assert entry["id"] == bad["id"] and entry["status"] == 400
    assert "published_at" in entry["reason"]
    assert entry["doc"]["title"] == "Story 9"


def test_outage_mid_stream_spools_then_replays_exactly_once(es_url: str, tmp_path: Path) -> None:
    node_settings = Settings(data_dir=tmp_path / "node", local_es=LocalEsSettings(port=free_node_port(9300), allow_root=True))
    node = es_local.start(node_settings)
    try:
        settings = make_settings(node.url, tmp_path / "data")
        es = es_client(settings, request_timeout=5)
        init_indices(es, settings)
        writer = BulkWriter(es, settings, chunk_size=100, max_retries=1, backoff_seconds=0.05)
        for article in articles(0, 300):
            writer.index("articles", article.id, article)
        writer.flush()

        es_local.stop(node_settings)
        for article in articles(300, 600):
            writer.index("articles", article.id, article)
        outage = writer.flush()
        assert outage.spooled == 300
        assert writer.spool.size() == 300

        es_local.start(node_settings)
        for article in articles(550, 800):  # overlaps the spooled ones: still once each
            writer.index("articles", article.id, article)
        after = writer.flush()
        assert after.spooled == 0
        assert writer.spool.size() == 0
        assert count(es, settings) == 800
        ids = {hit["_id"] for hit in es.search(index=alias_name(settings, "articles"), size=1000, source=False)["hits"]["hits"]}
        assert ids == {a.id for a in articles(0, 800)}
    finally:
        es_local.stop(node_settings)


def test_interrupted_replay_is_finished_next_time(settings: Settings, es: Elasticsearch) -> None:
    writer = BulkWriter(es, settings)
    ops = [{"op": "index", "index": alias_name(settings, "articles"), "id": a.id, "doc": a.model_dump(mode="json")} for a in articles(0, 4)]
    writer.spool.append(ops[:2])
    writer.spool.take()  # a replay that crashed after moving the spool aside
    writer.spool.append(ops[2:])
    result = writer.replay_spool()
    assert result.written == 4
    assert writer.spool.size() == 0
    assert count(es, settings) == 4
