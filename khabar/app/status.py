"""What the service is doing: per-job run records, per-source crawl health, backlog sizes.

`JobLog` is the small JSON file (`<data_dir>/job-runs.json`) where the scheduler records
each job's last run; `collect_status` joins it with the crawl runs in Elasticsearch and the
next run times in the scheduler's SQLite job store. The CLI (`khabar status`), the API
(`/v1/status`, `/v1/sources`) and `/metrics` all read from here.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, Field

from khabar.core.errors import KhabarError
from khabar.core.settings import Settings
from khabar.crawlers.sources import load_sources
from khabar.index.store import Store
from khabar.index.writer import Spool

log = logging.getLogger(__name__)

JOB_LOG_FILE = "job-runs.json"
JOB_STORE_FILE = "scheduler.sqlite"
JOB_TABLE = "apscheduler_jobs"
ERROR_WINDOW = 10  # runs per source that the error rate looks at

Outcome = Literal["ok", "error", "skipped"]


def utcnow() -> datetime:
    return datetime.now(UTC)


class JobRun(BaseModel):
    """The record of one scheduled job's most recent run and running totals."""

    job_id: str
    last_start: datetime | None = None
    last_end: datetime | None = None
    duration_seconds: float | None = None
    outcome: Outcome | None = None
    message: str | None = None
    last_success: datetime | None = None
    runs: int = 0
    failures: int = 0


_THREAD_LOCK = threading.Lock()


class JobLog:
    """Per-job run records in one JSON file, safe across threads and processes."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @classmethod
    def for_settings(cls, settings: Settings) -> JobLog:
        return cls(settings.data_path / JOB_LOG_FILE)

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with _THREAD_LOCK, open(self.path.with_suffix(".lock"), "a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _read(self) -> dict[str, JobRun]:
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, json.JSONDecodeError) as exc:
            log.warning("job log %s unreadable (%s); starting afresh", self.path, exc)
            return {}
        return {key: JobRun.model_validate(value) for key, value in raw.items()}

    def _write(self, runs: dict[str, JobRun]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({k: v.model_dump(mode="json") for k, v in runs.items()}, indent=1), encoding="utf-8")
        os.replace(tmp, self.path)

    def all(self) -> dict[str, JobRun]:
        """Every job's record, by job id."""
        with self._locked():
            return self._read()

    def started(self, job_id: str) -> datetime:
        """Note that a job started; returns the start time."""
        now = utcnow()
        with self._locked():
            runs = self._read()
            run = runs.get(job_id) or JobRun(job_id=job_id)
            run.last_start = now
            runs[job_id] = run
            self._write(runs)
        return now

    def finished(self, job_id: str, started: datetime, outcome: Outcome, message: str | None = None) -> JobRun:
        """Note how a job's run ended."""
        now = utcnow()
        with self._locked():
            runs = self._read()
            run = runs.get(job_id) or JobRun(job_id=job_id)
            run.last_start = started
            run.last_end = now
            run.duration_seconds = (now - started).total_seconds()
            run.outcome = outcome
            run.message = message[:500] if message else None
            run.runs += 1
            if outcome == "ok":
                run.last_success = now
            elif outcome == "error":
                run.failures += 1
            runs[job_id] = run
            self._write(runs)
            return run


def jobstore_path(settings: Settings) -> Path:
    """The scheduler's SQLite job store."""
    return settings.data_path / JOB_STORE_FILE


def next_run_times(settings: Settings) -> dict[str, datetime | None]:
    """Each stored job's next run time (None when paused), read straight from the job store."""
    path = jobstore_path(settings)
    if not path.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            rows = conn.execute(f"SELECT id, next_run_time FROM {JOB_TABLE}").fetchall()
    except sqlite3.Error as exc:
        log.debug("job store %s unreadable: %s", path, exc)
        return {}
    return {
        str(job_id): datetime.fromtimestamp(float(when), UTC) if when is not None else None
        for job_id, when in rows
    }


class CrawlRunSummary(BaseModel):
    """The essentials of one crawl run."""

    id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None
    duration_seconds: float | None = None
    status: str | None = None
    pages_fetched: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    error_count: int = 0
    errors: dict[str, int] = Field(default_factory=dict)
    message: str | None = None


class SourceStatus(BaseModel):
    """One source: its schedule, last run, next run and recent error rate."""

    source_id: str
    name: str | None = None
    kind: str | None = None
    enabled: bool | None = None
    configured: bool = True
    schedule: str | None = None
    last_run: CrawlRunSummary | None = None
    next_run: datetime | None = None
    recent_runs: int = 0
    recent_runs_with_errors: int = 0
    error_rate: float | None = Field(default=None, description=f"Runs with errors / runs, over the last {ERROR_WINDOW}")


class JobStatus(BaseModel):
    """One scheduled job: its last run (from the job log) and next run (from the job store)."""

    job_id: str
    next_run: datetime | None = None
    last_run: JobRun | None = None


class ServiceStatus(BaseModel):
    """Everything `khabar status` and `/v1/status` report."""

    generated_at: datetime = Field(default_factory=utcnow)
    sources: list[SourceStatus] = Field(default_factory=list)
    jobs: list[JobStatus] = Field(default_factory=list)
    articles_pending: int = 0
    articles_failed: int = 0
    spool_size: int = 0
    sources_error: str | None = None


def describe_schedule(schedule: Any) -> str | None:
    """A schedule as text: `cron: */30 * * * *` or `every 30 min`."""
    if schedule is None:
        return None
    data = schedule.model_dump() if isinstance(schedule, BaseModel) else schedule
    if isinstance(data, dict):
        if data.get("cron"):
            return f"cron: {data['cron']}"
        if data.get("interval_minutes") is not None:
            return f"every {data['interval_minutes']:g} min"
    return str(schedule)


def configured_sources(settings: Settings) -> list[Any]:
    """The sources in the sources file (raises ConfigError when it is invalid)."""
    return list(load_sources(settings.sources_file).sources)


def _summary(source: dict[str, Any], hit_id: str | None = None) -> CrawlRunSummary:
    errors = {k: int(v) for k, v in (source.get("errors") or {}).items() if v}
    return CrawlRunSummary(
        id=source.get("id") or hit_id,
        started_at=source.get("started_at"),
        ended_at=source.get("ended_at"),
        duration_seconds=source.get("duration_seconds"),
        status=source.get("status"),
        pages_fetched=int(source.get("pages_fetched") or 0),
        articles_new=int(source.get("articles_new") or 0),
        articles_updated=int(source.get("articles_updated") or 0),
        error_count=int(source.get("error_count") or sum(errors.values())),
        errors=errors,
        message=source.get("message"),
    )


def latest_runs(store: Store, window: int = ERROR_WINDOW) -> dict[str, list[CrawlRunSummary]]:
    """The last `window` crawl runs per source, newest first."""
    return {source_id: [_summary(doc, hit_id) for hit_id, doc in runs]
            for source_id, runs in store.crawl_runs.latest_by_source(window).items()}


def _has_errors(run: CrawlRunSummary) -> bool:
    return run.error_count > 0 or run.status == "failed"


def source_statuses(store: Store, nexts: dict[str, datetime | None]) -> tuple[list[SourceStatus], str | None]:
    """Per-source status: configured sources first (file order), then sources seen only in crawl runs."""
    settings = store.settings
    runs = latest_runs(store)
    problem: str | None = None
    try:
        sources = configured_sources(settings)
    except (KhabarError, ImportError, OSError) as exc:
        sources, problem = [], str(exc)
    out: list[SourceStatus] = []
    for src in sources:
        out.append(SourceStatus(
            source_id=src.id, name=getattr(src, "name", None), kind=str(getattr(src, "kind", "")) or None,
            enabled=getattr(src, "enabled", True), schedule=describe_schedule(getattr(src, "schedule", None)),
        ))
    known = {s.source_id for s in out}
    out.extend(SourceStatus(source_id=sid, configured=False) for sid in sorted(runs) if sid not in known)
    for status in out:
        recent = runs.get(status.source_id, [])
        status.last_run = recent[0] if recent else None
        status.recent_runs = len(recent)
        status.recent_runs_with_errors = sum(1 for r in recent if _has_errors(r))
        status.error_rate = status.recent_runs_with_errors / len(recent) if recent else None
        status.next_run = nexts.get(f"crawl:{status.source_id}")
    return out, problem


def spool_size(settings: Settings) -> int:
    return Spool(settings.spool_path).size()


def job_statuses(settings: Settings, nexts: dict[str, datetime | None]) -> list[JobStatus]:
    records = JobLog.for_settings(settings).all()
    ids = sorted(set(nexts) | set(records))
    return [JobStatus(job_id=j, next_run=nexts.get(j), last_run=records.get(j)) for j in ids]


def collect_status(store: Store) -> ServiceStatus:
    """The whole service status (raises the store's errors when Elasticsearch is down)."""
    settings = store.settings
    nexts = next_run_times(settings)
    sources, problem = source_statuses(store, nexts)
    counts = store.articles.status_counts()
    return ServiceStatus(
        sources=sources,
        jobs=job_statuses(settings, nexts),
        articles_pending=counts.get("pending", 0),
        articles_failed=counts.get("failed", 0),
        spool_size=spool_size(settings),
        sources_error=problem,
    )
