"""Elasticsearch SIGKILLed while bulk requests are in flight (a throw-away node of this test's own,
never the shared one). Invariant: after recovery every document is stored exactly once, at its
newest version, and nothing is dead-lettered."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from khabar.app import es_local
from khabar.core.records import Article
from khabar.core.settings import Settings
from khabar.index.client import es_client
from khabar.index.templates import alias_name, init_indices
from khabar.index.writer import BulkWriter, WriteResult
from tests.conftest import make_settings, throwaway_node

pytestmark = pytest.mark.slow
DOCS = 3000


@pytest.fixture
def node_settings() -> Iterator[Settings]:
    with throwaway_node("khabar-bulk-kill-es-", 9450) as settings:
        yield settings


def article(n: int, version: int) -> Article:
    return Article(url=f"https://news.example.pk/{n}", title=f"v{version}", text=f"Story {n}, version {version}.", version=version)


def titles(es: Elasticsearch, settings: Settings) -> dict[str, str]:
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=DOCS + 10, source_includes=["title"], query={"match_all": {}})["hits"]["hits"]
    return {h["_id"]: h["_source"]["title"] for h in hits}


def test_es_killed_mid_bulk_loses_nothing_and_keeps_the_newest(node_settings: Settings, tmp_path: Path) -> None:
    node = es_local.node_for(node_settings)
    settings = make_settings(node.url, tmp_path / "data")
    es = es_client(settings, request_timeout=5)
    init_indices(es, settings)
    with BulkWriter(es, settings, chunk_size=500) as first:
        for n in range(DOCS):
            first.index("articles", article(n, 1).id, article(n, 1))

    sent = threading.Event()
    results: list[WriteResult] = []

    class Signalling(BulkWriter):
        def _send_chunk(self, ops: list[dict[str, object]]) -> WriteResult:
            result = super()._send_chunk(ops)
            sent.set()
            return result

    def write_newer() -> None:
        writer = Signalling(es_client(settings, request_timeout=5), settings, chunk_size=50, max_retries=1, backoff_seconds=0.05)
        for version in (2, 3):
            for n in range(DOCS):
                writer.index("articles", article(n, version).id, article(n, version))
        writer.flush()
        results.append(writer.totals)

    thread = threading.Thread(target=write_newer)
    thread.start()
    assert sent.wait(60), "no bulk request went through before the kill"
    pid = es_local.node_pid(node)
    assert pid is not None
    os.kill(pid, signal.SIGKILL)  # Elasticsearch dies with bulk requests in flight
    thread.join(300)
    assert not thread.is_alive()
    [during] = results
    assert during.spooled > 0 and during.dead_lettered == 0

    es_local.start(node_settings)
    recovered = BulkWriter(es_client(settings, request_timeout=30), settings).replay_spool()
    assert recovered.dead_lettered == 0 and recovered.spooled == 0
    stored = titles(es_client(settings), settings)
    assert len(stored) == DOCS and set(stored.values()) == {"v3"}
    assert not settings.dead_letter_path.exists()
