"""Crawling the demo site for real: Scrapy over HTTP, articles stored in Elasticsearch.

One crawl of three demo outlets plus the fault pages is shared by the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.cli import main
from khabar.core.records import CrawlRun
from khabar.core.settings import Settings
from khabar.crawlers.runner import crawl_sources
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
OUTLETS = {"frontier-herald": "rss", "quetta-chronicle": "sitemap", "indus-times": "listing"}


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with demo_server(slow_seconds=4) as url:
        yield url


@pytest.fixture(scope="module")
def msettings(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    yield from module_settings(es_url, tmp_path_factory.mktemp("crawl-data"))


@pytest.fixture(scope="module")
def mes(msettings: Settings) -> Elasticsearch:
    return es_client(msettings)


@pytest.fixture(scope="module")
def sources_file(base: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "sources.yaml"
    faults = {
        "id": "faults",
        "name": "Fault Desk",
        "kind": "rss",
        "urls": [f"{base}/faults/rss.xml", f"{base}/faults/malformed.xml"],
        "timeout_seconds": 1.5,
        "max_page_bytes": 1024 * 1024,
    }
    outlets = [demo_source(base, outlet, kind) for outlet, kind in OUTLETS.items()]
    write_sources(path, faults, *outlets)
    return path


@pytest.fixture(scope="module")
def runs(msettings: Settings, sources_file: Path) -> dict[str, CrawlRun]:
    """The faults source first, then the three healthy outlets, in one crawl_sources call."""
    from khabar.crawlers.sources import load_sources

    done = crawl_sources(msettings, None, sources=load_sources(sources_file))
    return {run.source_id: run for run in done}


@pytest.mark.parametrize("outlet", list(OUTLETS))
def test_every_gold_article_stored_once(outlet: str, runs: dict[str, CrawlRun], base: str, msettings: Settings, mes: Elasticsearch) -> None:
    run = runs[f"demo-{outlet}"]
    gold = gold_paths(outlet)
    assert run.status == "finished"
    assert run.articles_new == len(gold)
    docs = stored_articles(mes, msettings, term={"source_id": f"demo-{outlet}"})
    assert len(docs) == len(gold)
    assert paths_of(base, [d["url"] for d in docs]) == gold
    doc = docs[0]
    assert doc["version"] == 1 and doc["nlp_status"] == "pending" and doc["text"] and doc["title"]
    assert doc["outlet"] == outlet.replace("-", " ").title()


def test_robots_txt_obeyed(runs: dict[str, CrawlRun], msettings: Settings, mes: Elasticsearch) -> None:
    assert runs["demo-indus-times"].errors.robots_denied >= 1
    urls = [u for d in stored_articles(mes, msettings) for u in d["urls"]]
    assert not [u for u in urls if "/private/" in u]


def test_faults_counted_by_kind(runs: dict[str, CrawlRun]) -> None:
    errors = runs["faults"].errors
    assert runs["faults"].status == "finished"
    assert errors.http_status == 2  # 500 and 404
    assert errors.timeout == 1
    assert errors.too_large == 1
    assert errors.redirect_loop == 1
    assert errors.empty_text == 1
    assert errors.malformed_feed == 1
    assert errors.off_domain == 1
    assert errors.other == 0 and errors.connection == 0


def test_fault_feed_good_pages_stored(base: str, msettings: Settings, mes: Elasticsearch) -> None:
    docs = {d["url"].removeprefix(base): d for d in stored_articles(mes, msettings, term={"source_id": "faults"})}
    assert set(docs) == {"/faults/good.html", "/faults/latin1.html"}
    assert "café" in docs["/faults/latin1.html"]["text"]  # windows-1252 bytes decoded


def test_runs_recorded(runs: dict[str, CrawlRun], msettings: Settings, mes: Elasticsearch) -> None:
    index = alias_name(msettings, "crawl-runs")
    mes.indices.refresh(index=index)
    stored = {h["_source"]["source_id"]: h["_source"] for h in mes.search(index=index, size=50)["hits"]["hits"]}
    assert set(runs) <= set(stored)
    assert stored["faults"]["errors"]["timeout"] == 1
    assert stored["demo-frontier-herald"]["status"] == "finished"


def test_second_crawl_stores_nothing_new(runs: dict[str, CrawlRun], msettings: Settings, sources_file: Path, mes: Elasticsearch) -> None:
    from khabar.crawlers.sources import load_sources

    before = {d["id"]: d for d in stored_articles(mes, msettings, term={"source_id": "demo-frontier-herald"})}
    (again,) = crawl_sources(msettings, ["demo-frontier-herald"], sources=load_sources(sources_file))
    assert (again.articles_new, again.articles_updated, again.articles_duplicate) == (0, 0, 0)
    assert again.articles_unchanged == len(before)
    after = {d["id"]: d for d in stored_articles(mes, msettings, term={"source_id": "demo-frontier-herald"})}
    assert set(after) == set(before)
    some = next(iter(after))
    assert after[some]["version"] == 1
    assert after[some]["first_seen"] == before[some]["first_seen"]
    assert after[some]["last_seen"] > before[some]["last_seen"]


def _cli_env(settings: Settings) -> dict[str, Any]:
    return {
        "KHABAR_ES_URL": settings.elasticsearch.url,
        "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix,
        "KHABAR_DATA_DIR": str(settings.data_dir),
    }


def test_cli_crawl_prints_summary(runs: dict[str, CrawlRun], msettings: Settings, sources_file: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "demo-quetta-chronicle", "--config", str(sources_file)], env=_cli_env(msettings))
    assert result.exit_code == 0, result.output
    assert "demo-quetta-chronicle" in result.output and "finished" in result.output


def test_cli_unknown_source_lists_valid_ids(msettings: Settings, sources_file: Path) -> None:
    result = CliRunner().invoke(main, ["crawl", "nope", "--config", str(sources_file)], env=_cli_env(msettings))
    assert result.exit_code == 2
    assert "unknown source id(s): nope" in result.output and "demo-indus-times" in result.output


def test_cli_sources_test_is_a_dry_run(runs: dict[str, CrawlRun], msettings: Settings, sources_file: Path, mes: Elasticsearch) -> None:
    index = alias_name(msettings, "crawl-runs")
    mes.indices.refresh(index=index)
    runs_before = mes.count(index=index)["count"]
    result = CliRunner().invoke(main, ["sources", "test", "demo-indus-times", "--pages", "2", "--config", str(sources_file)], env=_cli_env(msettings))
    assert result.exit_code == 0, result.output
    assert "2 articles" in result.output and "Indus Times" in result.output
    mes.indices.refresh(index=index)
    assert mes.count(index=index)["count"] == runs_before
