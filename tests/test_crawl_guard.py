"""The private-address guard, and a crawl killed with SIGKILL then run again."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.crawlers.runner import crawl_source, record_run, start_crawl
from khabar.index.client import es_client
from khabar.index.templates import alias_name
from tests.test_crawl_support import (
    demo_server,
    demo_source,
    gold_paths,
    module_settings,
    paths_of,
    stored_articles,
    write_sources,
)

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def settings(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """One set of indices for the module; each test crawls its own source id."""
    yield from module_settings(es_url, tmp_path_factory.mktemp("guard-data"))


@pytest.fixture(scope="module")
def es(settings: Settings) -> Elasticsearch:
    return es_client(settings)


def test_private_addresses_refused(tmp_path: Path, settings: Settings, es: Elasticsearch) -> None:
    with demo_server() as base:
        source = demo_source(base, "frontier-herald", "rss", id="private-refused", allow_private_addresses=False)
        run = crawl_source(settings, write_sources(tmp_path / "s.yaml", source).get("private-refused"))
    assert run.status == "failed"
    assert run.errors.private_address == 1
    assert run.pages_fetched == 0
    assert stored_articles(es, settings, term={"source_id": "private-refused"}) == []


def _wait_for_articles(es: Elasticsearch, settings: Settings, source_id: str, at_least: int, timeout: float = 30) -> int:
    index = alias_name(settings, "articles")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        es.indices.refresh(index=index)
        count = int(es.count(index=index, query={"term": {"source_id": source_id}})["count"])
        if count >= at_least:
            return count
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} articles stored within {timeout}s")


def test_sigkill_mid_crawl_then_rerun(tmp_path: Path, settings: Settings, es: Elasticsearch) -> None:
    gold = gold_paths("frontier-herald")
    with demo_server() as base:
        slow = write_sources(tmp_path / "slow.yaml", demo_source(base, "frontier-herald", "rss", download_delay=0.4, concurrent_requests=1))
        crawl = start_crawl(settings, slow.get("demo-frontier-herald"))
        stored = _wait_for_articles(es, settings, "demo-frontier-herald", at_least=2)
        os.kill(crawl.pid, signal.SIGKILL)
        killed = crawl.wait(timeout=30)
        record_run(settings, killed)
        assert killed.status == "interrupted" and "SIGKILL" in (killed.message or "")
        assert 0 < stored < len(gold)

        fast = write_sources(tmp_path / "fast.yaml", demo_source(base, "frontier-herald", "rss"))
        rerun = crawl_source(settings, fast.get("demo-frontier-herald"))
    assert rerun.status == "finished"
    docs = stored_articles(es, settings, term={"source_id": "demo-frontier-herald"})
    assert len(docs) == len(gold)
    assert paths_of(base, [d["url"] for d in docs]) == gold
    assert all(d["version"] == 1 and d["urls"] == [d["url"]] for d in docs)
    assert rerun.articles_new + rerun.articles_unchanged == len(gold) and rerun.articles_new > 0


def test_sigterm_stops_gracefully_as_interrupted(tmp_path: Path, settings: Settings, es: Elasticsearch) -> None:
    with demo_server() as base:
        slow = write_sources(tmp_path / "slow.yaml", demo_source(base, "quetta-chronicle", "sitemap", download_delay=0.4, concurrent_requests=1))
        crawl = start_crawl(settings, slow.get("demo-quetta-chronicle"))
        _wait_for_articles(es, settings, "demo-quetta-chronicle", at_least=1)
        os.kill(crawl.pid, signal.SIGTERM)
        run = crawl.wait(timeout=30)
    assert run.status == "interrupted" and "signal" in (run.message or "")
    assert run.articles_new >= 1
    # what the child counted as stored was flushed on its way out
    assert len(stored_articles(es, settings, term={"source_id": "demo-quetta-chronicle"})) == run.articles_new


def test_cli_exits_1_when_a_source_fails_entirely(tmp_path: Path, settings: Settings, es: Elasticsearch) -> None:
    from click.testing import CliRunner

    from khabar.cli import main

    dead = {"id": "dead", "name": "Dead", "kind": "rss", "urls": ["http://127.0.0.1:9/feed.xml"]}
    write_sources(tmp_path / "dead.yaml", dead)
    env = {"KHABAR_ES_URL": settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix,
           "KHABAR_DATA_DIR": str(settings.data_dir)}
    result = CliRunner().invoke(main, ["crawl", "dead", "--config", str(tmp_path / "dead.yaml")], env=env)
    assert result.exit_code == 1, result.output
    assert "dead: no page could be fetched (connection 1)" in result.output
