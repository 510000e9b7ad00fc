"""SIGTERM to `khabar serve` during a crawl: a clean exit, and a rerun leaves the exact article set."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.index.templates import alias_name

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "demo" / "site" / "gold.jsonl"
OUTLET = "frontier-herald"


@pytest.fixture
def demo_site() -> Iterator[str]:
    from khabar.demo.server import serve_in_thread

    server, base = serve_in_thread(port=0)
    yield base
    server.shutdown()
    server.server_close()


def gold_urls(base: str) -> set[str]:
    with open(GOLD, encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle if line.strip()]
    return {base + r["url"] for r in rows if r["url"].startswith(f"/{OUTLET}/")}


def stored_urls(es: Elasticsearch, settings: Settings) -> set[str]:
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=1000, source_includes=["url"])["hits"]["hits"]
    return {h["_source"]["url"] for h in hits}


def write_config(tmp: Path, settings: Settings, base: str, delay: float) -> Path:
    source = {
        "id": f"demo-{OUTLET}", "name": "Frontier Herald", "kind": "rss", "urls": [f"{base}/{OUTLET}/rss.xml"],
        "article_url_patterns": [rf"/{OUTLET}/\d{{4}}/\d{{2}}/[\w-]+\.html$"], "allow_private_addresses": True,
        "download_delay": delay, "concurrent_requests": 1, "schedule": {"interval_minutes": 0.02},
    }
    (tmp / "sources.yaml").write_text(yaml.safe_dump({"sources": [source]}), encoding="utf-8")
    config = {
        "data_dir": str(settings.data_path), "sources_file": str(tmp / "sources.yaml"),
        "elasticsearch": {"url": settings.elasticsearch.url, "index_prefix": settings.elasticsearch.index_prefix},
        "scheduler": {"nlp_interval_minutes": 600, "resolve_interval_minutes": 600, "spool_replay_minutes": 600, "jitter_seconds": 0},
    }
    path = tmp / "khabar.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def start_serve(config: Path, log_file: Path) -> subprocess.Popen[bytes]:
    """`khabar serve --no-api` in a subprocess, configured by `config` alone, logging to log_file."""
    env = {**os.environ, "KHABAR_CONFIG": str(config)}
    for name in ("KHABAR_ES_URL", "KHABAR_INDEX_PREFIX", "KHABAR_DATA_DIR", "KHABAR_SOURCES"):
        env.pop(name, None)
    with open(log_file, "wb") as log:
        return subprocess.Popen([sys.executable, "-m", "khabar.cli", "-v", "serve", "--no-api"], cwd=ROOT, env=env,
                                stdout=log, stderr=subprocess.STDOUT)


@pytest.mark.slow
def test_sigterm_mid_crawl_then_rerun_gives_exact_set(settings: Settings, es: Elasticsearch, demo_site: str, tmp_path: Path) -> None:
    from khabar.crawlers.runner import crawl_source
    from khabar.crawlers.sources import load_sources

    config = write_config(tmp_path, settings, demo_site, delay=0.4)
    log_file = tmp_path / "serve.log"
    proc = start_serve(config, log_file)
    crawl_log = settings.data_path / "logs" / f"crawl-demo-{OUTLET}.log"
    try:
        deadline = time.monotonic() + 30
        while not crawl_log.exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert crawl_log.exists(), f"the crawl job never started:\n{log_file.read_text()}"
        time.sleep(4.0)  # the child is fetching articles, 0.4 s apart
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    output = log_file.read_text()
    assert code == 0, output
    assert "shutting down" in output

    expected = gold_urls(demo_site)
    partial = stored_urls(es, settings)
    assert partial < expected, "the crawl was not interrupted part-way (or stored stray URLs)"
    runs = es.search(index=alias_name(settings, "crawl-runs"), size=10)["hits"]["hits"]
    assert len(runs) == 1 and runs[0]["_source"]["status"] in ("interrupted", "finished")

    source = load_sources(tmp_path / "sources.yaml").sources[0].model_copy(update={"download_delay": 0.0})
    run = crawl_source(settings, source)
    assert run.status == "finished", run.message
    assert stored_urls(es, settings) == expected
    assert run.articles_new == len(expected) - len(partial)


def stored_job_ids(data_dir: Path) -> set[str]:
    import sqlite3

    path = data_dir / "scheduler.sqlite"
    if not path.exists():
        return set()
    with sqlite3.connect(path) as db:
        try:
            return {row[0] for row in db.execute("select id from apscheduler_jobs")}
        except sqlite3.OperationalError:
            return set()


def wait_for(condition, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.slow
def test_sighup_reloads_sources_and_refuses_an_invalid_file(settings: Settings, tmp_path: Path) -> None:
    base = "http://127.0.0.1:8765"
    config = write_config(tmp_path, settings, base, delay=0.0)
    sources_file = tmp_path / "sources.yaml"
    first = yaml.safe_load(sources_file.read_text())
    first["sources"][0]["schedule"] = {"interval_minutes": 600}
    sources_file.write_text(yaml.safe_dump(first), encoding="utf-8")
    log_file = tmp_path / "serve.log"
    proc = start_serve(config, log_file)
    data_dir = settings.data_path
    try:
        assert wait_for(lambda: f"crawl:demo-{OUTLET}" in stored_job_ids(data_dir), 40), log_file.read_text()

        second = dict(first["sources"][0], id="demo-second", name="Second outlet")
        sources_file.write_text(yaml.safe_dump({"sources": [first["sources"][0], second]}), encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: "crawl:demo-second" in stored_job_ids(data_dir), 15), log_file.read_text()

        sources_file.write_text("sources:\n  - id: broken\n    kind: carrier-pigeon\n", encoding="utf-8")
        proc.send_signal(signal.SIGHUP)
        assert wait_for(lambda: "refused" in log_file.read_text(), 15), log_file.read_text()
        assert {f"crawl:demo-{OUTLET}", "crawl:demo-second"} <= stored_job_ids(data_dir)
        assert proc.poll() is None, "an invalid sources file must not stop the service"

        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
