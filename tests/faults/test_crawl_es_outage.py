"""Elasticsearch killed in the middle of a crawl (a throw-away node of this test's own,
never the shared one). Invariant: every fetched article is in the index after recovery,
exactly once, at its newest version, and the run reports the errors."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from khabar.app import es_local
from khabar.core.records import Article, content_hash
from khabar.core.settings import Settings
from khabar.crawlers.runner import start_crawl
from khabar.crawlers.urls import canonicalize_url
from khabar.index.client import es_client
from khabar.index.templates import alias_name, init_indices
from khabar.index.writer import BulkWriter, Spool
from tests.conftest import make_settings, throwaway_node
from tests.test_crawl_support import demo_server, demo_source, gold_paths, write_sources

pytestmark = pytest.mark.slow
STALE = "An older version of this report, replaced since by the outlet. " * 3


@pytest.fixture
def node_settings() -> Iterator[Settings]:
    """A throw-away local node (its own port and data directory), stopped and removed after."""
    with throwaway_node("khabar-outage-es-", 9400) as settings:
        yield settings


def _count(es: Elasticsearch, settings: Settings, query: dict[str, object]) -> int:
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    return int(es.count(index=index, query=query)["count"])


def test_es_killed_mid_crawl_loses_no_article(node_settings: Settings, tmp_path: Path) -> None:
    node = es_local.node_for(node_settings)
    settings = make_settings(node.url, tmp_path / "data")
    settings.writer.max_retries, settings.writer.backoff_seconds = 1, 0.05
    settings.elasticsearch.request_timeout = 5
    es = es_client(settings)
    init_indices(es, settings)
    gold = gold_paths("frontier-herald")
    with demo_server() as base:
        urls = [canonicalize_url(base + path) for path in sorted(gold)]
        # every article is already stored in an older version: each fetch is a newer one
        with BulkWriter(es, settings, refresh="wait_for") as writer:
            for url in urls:
                writer.index("articles", Article(url=url, urls=[url], source_id="demo-frontier-herald", text=STALE).id,
                             Article(url=url, urls=[url], source_id="demo-frontier-herald", title="old", text=STALE))
        assert _count(es, settings, {"term": {"content_hash": content_hash(STALE)}}) == len(gold)

        sources = write_sources(tmp_path / "s.yaml", demo_source(base, "frontier-herald", "rss", download_delay=0.4, concurrent_requests=1))
        crawl = start_crawl(settings, sources.get("demo-frontier-herald"))
        deadline = time.monotonic() + 60
        while _count(es, settings, {"term": {"version": 2}}) < 2:
            assert time.monotonic() < deadline and crawl.popen.poll() is None, "no article updated before the outage"
            time.sleep(0.2)
        pid = es_local.node_pid(node)
        assert pid is not None
        os.kill(pid, signal.SIGKILL)  # Elasticsearch dies mid-crawl
        run = crawl.wait(timeout=240)

    assert run.status == "finished", run.message
    assert run.articles_updated >= 2

    es_local.start(node_settings)  # recovery: the node comes back with its data
    es.cluster.health(index=alias_name(settings, "articles"), wait_for_status="yellow", timeout="60s")
    replayed = BulkWriter(es, settings).replay_spool()
    assert replayed.spooled == 0 and replayed.dead_lettered == 0
    assert Spool(settings.spool_path).size() == 0

    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    docs = [h["_source"] for h in es.search(index=index, size=200, query={"term": {"source_id": "demo-frontier-herald"}})["hits"]["hits"]]
    assert sorted(d["url"] for d in docs) == urls, "every fetched article exactly once"
    assert all(d["content_hash"] == content_hash(d["text"]) != content_hash(STALE) for d in docs), "each at its newest text"
    assert all(d["nlp_status"] == "pending" for d in docs)
    assert run.errors.total > 0 and run.errors.storage > 0, "the run must report that Elasticsearch was unreachable"
