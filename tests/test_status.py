"""`collect_status` and `khabar status`: last runs, error rates, NLP backlog, spool size."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch
from pydantic import BaseModel

from khabar.app.status import JobLog, collect_status
from khabar.cli import main
from khabar.cli.support import out
from khabar.core.records import Article, CrawlErrors, CrawlRun
from khabar.core.settings import Settings
from khabar.index.store import Store
from khabar.index.templates import alias_name
from khabar.index.writer import Spool

DEMO_SOURCES = Path(__file__).resolve().parent.parent / "demo" / "sources.yaml"


def store(es: Elasticsearch, settings: Settings, kind: str, docs: list[tuple[str, BaseModel]]) -> None:
    ops: list[dict[str, Any]] = []
    for doc_id, doc in docs:
        ops += [{"index": {"_index": alias_name(settings, kind), "_id": doc_id}}, doc.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


@pytest.fixture
def populated(es: Elasticsearch, settings: Settings) -> Settings:
    start = datetime(2025, 5, 1, tzinfo=UTC)
    runs = []
    for n in range(4):  # demo-frontier-herald: 4 runs, 1 with errors; the latest is clean
        begun = start + timedelta(hours=n)
        errors = CrawlErrors(timeout=2) if n == 1 else CrawlErrors()
        runs.append(CrawlRun(source_id="demo-frontier-herald", started_at=begun, ended_at=begun + timedelta(seconds=12),
                             status="finished", pages_fetched=20 + n, articles_new=n, errors=errors))
    runs.append(CrawlRun(source_id="retired-source", started_at=start, ended_at=start + timedelta(seconds=3), status="failed",
                         message="connection refused"))
    store(es, settings, "crawl-runs", [(r.id, r) for r in runs])
    articles = [Article(url=f"http://x/{n}", text="t", nlp_status="pending" if n < 3 else "failed") for n in range(5)]
    store(es, settings, "articles", [(a.id, a) for a in articles])
    Spool(settings.spool_path).append([{"op": "delete", "index": "x", "id": str(n)} for n in range(7)])
    joblog = JobLog.for_settings(settings)
    joblog.finished("nlp", joblog.started("nlp"), "ok", "done=3")
    settings.sources_file = DEMO_SOURCES  # the demo outlets are configured sources here
    return settings


def test_collect_status(es: Elasticsearch, populated: Settings) -> None:
    status = collect_status(Store(es, populated))
    assert (status.articles_pending, status.articles_failed, status.spool_size) == (3, 2, 7)
    by_id = {s.source_id: s for s in status.sources}
    herald = by_id["demo-frontier-herald"]
    assert herald.configured and herald.schedule
    assert herald.last_run is not None and herald.last_run.articles_new == 3 and herald.last_run.duration_seconds == 12
    assert (herald.recent_runs, herald.recent_runs_with_errors, herald.error_rate) == (4, 1, 0.25)
    retired = by_id["retired-source"]
    assert not retired.configured and retired.error_rate == 1.0
    assert by_id["demo-quetta-chronicle"].last_run is None
    assert [j.job_id for j in status.jobs] == ["nlp"] and status.jobs[0].last_run.outcome == "ok"  # type: ignore[union-attr]


def test_status_command(populated: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_ES_URL", populated.elasticsearch.url)
    monkeypatch.setenv("KHABAR_INDEX_PREFIX", populated.elasticsearch.index_prefix)
    monkeypatch.setenv("KHABAR_DATA_DIR", str(populated.data_dir))
    monkeypatch.setattr(out, "width", 200)
    result = CliRunner().invoke(main, ["status"])
    assert result.exit_code == 0, result.output
    assert "waiting for NLP: 3" in result.output and "spool: 7" in result.output
    assert "demo-frontier-herald" in result.output and "25% of 4" in result.output
    as_json = CliRunner().invoke(main, ["status", "--json"])
    assert as_json.exit_code == 0 and '"spool_size": 7' in as_json.output
