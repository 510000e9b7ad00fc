"""The Khabar service: an APScheduler 3 background scheduler with a persistent SQLite job store.

Jobs (stable ids, so a restart finds and keeps them):

- `crawl:<source_id>`: one per enabled source, on the source's own schedule (cron or
  interval, with jitter); runs `khabar.crawlers.runner.crawl_source`, which crawls in a child
  process, so a crashing crawl cannot take the service down;
- `nlp`: process articles waiting for NLP; `resolve`: resolve incidents;
  `spool`: replay operations spooled while Elasticsearch was down.

Every job has `max_instances=1`, `coalesce=True` and the configured `misfire_grace_time`.
Job functions are module-level and take simple arguments (the job store pickles references
to them). Each run is recorded in `khabar.app.status.JobLog`.

The sources file is re-read on SIGHUP and whenever its mtime changes (polled every
`poll_seconds`): crawl jobs are added, removed or rescheduled; an invalid file is refused
with a log message and the running jobs stay as they are.

Shutdown (`begin_shutdown` from a signal handler, then `stop`): no new jobs start, running
crawl children get SIGTERM (the crawl runner's child closes its spider and writes its current
batch), running jobs are waited for, and the writers they use are flushed as they finish.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.job import Job
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from khabar.app.status import JobLog, jobstore_path
from khabar.core.errors import ConfigError, KhabarError
from khabar.core.settings import Settings, load_settings

log = logging.getLogger(__name__)

T = TypeVar("T")
CRAWL_PREFIX = "crawl:"
INTERNAL_JOBS = ("nlp", "resolve", "spool")

# The settings of the service running in this process; job functions use them, and fall
# back to loading the settings file when run elsewhere.
_active: dict[str, Settings] = {}
_stopping = threading.Event()
_extractor_lock = threading.Lock()
_extractor: Any = None


def _settings(config_path: str | None) -> Settings:
    if "settings" in _active:
        return _active["settings"]
    return load_settings(Path(config_path) if config_path else None)


def _recorded(settings: Settings, job_id: str, fn: Callable[[], T]) -> T | None:
    """Run `fn` as job `job_id`, recording start, duration and outcome in the job log."""
    joblog = JobLog.for_settings(settings)
    if _stopping.is_set():
        started = joblog.started(job_id)
        joblog.finished(job_id, started, "skipped", "service shutting down")
        return None
    started = joblog.started(job_id)
    try:
        result = fn()
    except Exception as exc:
        joblog.finished(job_id, started, "error", f"{type(exc).__name__}: {exc}")
        log.exception("job %s failed", job_id)
        raise
    joblog.finished(job_id, started, "ok", _describe(result))
    return result


def _describe(result: object) -> str | None:
    if result is None:
        return None
    if hasattr(result, "model_dump"):
        data = result.model_dump(exclude={"errors"})
        return ", ".join(f"{k}={v}" for k, v in data.items() if isinstance(v, int | float | str) and not isinstance(v, bool))
    return str(result)[:500]


# -- job functions (module-level: the SQLite job store stores references to them) ---------
def run_crawl_job(source_id: str, config_path: str | None = None) -> None:
    """Crawl one source (in a child process, via the crawl runner)."""
    from khabar.crawlers.runner import crawl_source
    from khabar.crawlers.sources import load_sources

    settings = _settings(config_path)

    def crawl() -> Any:
        sources = {s.id: s for s in load_sources(settings.sources_file).sources}
        source = sources.get(source_id)
        if source is None:
            raise KhabarError(f"source {source_id!r} is no longer in {settings.sources_file}")
        return crawl_source(settings, source)

    _recorded(settings, f"{CRAWL_PREFIX}{source_id}", crawl)


def _shared_extractor() -> Any:
    """One NLP extractor per process (loading the models takes a while)."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            from khabar.nlp.extract import Extractor

            _extractor = Extractor()
        return _extractor


def run_nlp_job(config_path: str | None = None) -> None:
    """Extract events from the articles waiting for NLP."""
    from khabar.index.client import es_client
    from khabar.nlp.process import process_pending

    settings = _settings(config_path)
    _recorded(settings, "nlp", lambda: process_pending(es_client(settings), settings, _shared_extractor()))


def run_resolve_job(config_path: str | None = None) -> None:
    """Merge event mentions into incidents."""
    from khabar.incidents.resolve import resolve_incidents
    from khabar.index.client import es_client

    settings = _settings(config_path)
    _recorded(settings, "resolve", lambda: resolve_incidents(es_client(settings), settings))


def run_spool_job(config_path: str | None = None) -> None:
    """Replay the operations spooled while Elasticsearch was unreachable."""
    from khabar.index.client import es_client
    from khabar.index.writer import BulkWriter

    settings = _settings(config_path)

    def replay() -> Any:
        writer = BulkWriter(es_client(settings), settings)
        return writer.replay_spool() if writer.spool.size() else None

    _recorded(settings, "spool", replay)


def heartbeat_job(path: str) -> None:
    """Append the current time to a file: a trivial job to check that a schedule fires."""
    with open(path, "a", encoding="utf-8") as handle:
        handle.write(datetime.now(UTC).isoformat() + "\n")


# -- schedules -----------------------------------------------------------------------------
@dataclass(frozen=True)
class JobSpec:
    """A job the service wants in its store."""

    id: str
    func: Callable[..., None]
    args: tuple[Any, ...]
    trigger: BaseTrigger
    name: str


def _field(obj: Any, name: str) -> Any:
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def source_trigger(source: Any, jitter: int) -> BaseTrigger:
    """The trigger for a source's `schedule` ({cron: str} or {interval_minutes: float})."""
    schedule = _field(source, "schedule")
    cron = _field(schedule, "cron") if schedule is not None else None
    minutes = _field(schedule, "interval_minutes") if schedule is not None else None
    if cron:
        trigger = CronTrigger.from_crontab(str(cron), timezone=UTC)
        trigger.jitter = jitter or None
        return trigger
    if minutes:
        return IntervalTrigger(minutes=float(minutes), jitter=jitter or None, timezone=UTC)
    raise ConfigError("sources", f"{_field(source, 'id')}.schedule", "needs `cron` or `interval_minutes`",
                      "add `schedule: {interval_minutes: 60}` or `schedule: {cron: '*/30 * * * *'}`")


def internal_specs(settings: Settings, config_path: str | None) -> list[JobSpec]:
    """The NLP, resolve and spool-replay jobs."""
    sched = settings.scheduler
    jitter = sched.jitter_seconds or None
    return [
        JobSpec("nlp", run_nlp_job, (config_path,), IntervalTrigger(minutes=sched.nlp_interval_minutes, jitter=jitter, timezone=UTC), "process articles"),
        JobSpec("resolve", run_resolve_job, (config_path,), IntervalTrigger(minutes=sched.resolve_interval_minutes, jitter=jitter, timezone=UTC), "resolve incidents"),
        JobSpec("spool", run_spool_job, (config_path,), IntervalTrigger(minutes=sched.spool_replay_minutes, timezone=UTC), "replay spool"),
    ]


def crawl_specs(settings: Settings, sources: list[Any], config_path: str | None) -> list[JobSpec]:
    """One crawl job per enabled source (raises ConfigError on a bad schedule)."""
    specs = []
    for source in sources:
        if _field(source, "enabled") is False:
            continue
        sid = str(_field(source, "id"))
        trigger = source_trigger(source, settings.scheduler.jitter_seconds)
        specs.append(JobSpec(f"{CRAWL_PREFIX}{sid}", run_crawl_job, (sid, config_path), trigger, f"crawl {sid}"))
    return specs


def _same_schedule(job: Job, spec: JobSpec) -> bool:
    return (str(job.trigger) == str(spec.trigger) and tuple(job.args) == spec.args
            and getattr(job.trigger, "jitter", None) == getattr(spec.trigger, "jitter", None) and job.func is spec.func)


def make_scheduler(settings: Settings, workers: int = 4) -> BackgroundScheduler:
    """A background scheduler on the persistent SQLite job store in the data directory."""
    url = f"sqlite:///{jobstore_path(settings)}"
    return BackgroundScheduler(
        jobstores={"default": SQLAlchemyJobStore(url=url)},
        executors={"default": ThreadPoolExecutor(workers)},
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": settings.scheduler.misfire_grace_seconds},
        timezone=UTC,
    )


def ensure_job(scheduler: BackgroundScheduler, spec: JobSpec) -> str:
    """Add the job, or reschedule it when its schedule changed; keeps the stored next run otherwise.

    Returns "added", "rescheduled" or "kept".
    """
    job = scheduler.get_job(spec.id)
    if job is not None and _same_schedule(job, spec):
        return "kept"
    scheduler.add_job(spec.func, spec.trigger, args=spec.args, id=spec.id, name=spec.name, replace_existing=True)
    return "added" if job is None else "rescheduled"


# -- the service ---------------------------------------------------------------------------
class Service:
    """The scheduler, its jobs, the sources-file watcher and graceful shutdown."""

    def __init__(self, settings: Settings, *, config_path: str | None = None, poll_seconds: float = 10.0,
                 workers: int = 4, internal_jobs: bool = True) -> None:
        self.settings = settings
        self.config_path = config_path
        self.poll_seconds = poll_seconds
        self.internal_jobs = internal_jobs
        self.scheduler = make_scheduler(settings, workers)
        self._sources_mtime: float | None = None
        self._wake = threading.Event()
        self._reload_requested = threading.Event()
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self._shutdown_thread: threading.Thread | None = None
        self.last_reload_error: str | None = None

    @property
    def sources_path(self) -> Path:
        return self.settings.sources_file

    def start(self) -> None:
        """Load the job store, bring its jobs in line with the settings and sources, start firing."""
        _active["settings"] = self.settings
        _stopping.clear()
        self.scheduler.start(paused=True)
        if self.internal_jobs:
            for spec in internal_specs(self.settings, self.config_path):
                ensure_job(self.scheduler, spec)
        if not self.reload_sources():
            log.error("starting with the crawl jobs already in the job store")
        self.scheduler.resume()
        self._watcher = threading.Thread(target=self._watch, name="khabar-sources-watch", daemon=True)
        self._watcher.start()
        log.info("scheduler started with %d jobs", len(self.scheduler.get_jobs()))

    def jobs(self) -> list[Job]:
        return list(self.scheduler.get_jobs())

    def crawl_job_ids(self) -> set[str]:
        return {job.id for job in self.scheduler.get_jobs() if job.id.startswith(CRAWL_PREFIX)}

    def reload_sources(self) -> bool:
        """Re-read the sources file and sync the crawl jobs; an invalid file changes nothing."""
        from khabar.crawlers.sources import load_sources

        path = self.sources_path
        try:
            mtime = path.stat().st_mtime if path.exists() else None
            sources = list(load_sources(path).sources)
            specs = crawl_specs(self.settings, sources, self.config_path)
        except (KhabarError, ValueError, OSError) as exc:
            self.last_reload_error = str(exc)
            self._sources_mtime = path.stat().st_mtime if path.exists() else None
            log.error("sources file %s refused, keeping the running configuration: %s", path, exc)
            return False
        self._sources_mtime = mtime
        self.last_reload_error = None
        wanted = {spec.id for spec in specs}
        changes: list[str] = []
        for job_id in sorted(self.crawl_job_ids() - wanted):
            self.scheduler.remove_job(job_id)
            changes.append(f"removed {job_id}")
        for spec in specs:
            outcome = ensure_job(self.scheduler, spec)
            if outcome != "kept":
                changes.append(f"{outcome} {spec.id}")
        log.info("sources file %s loaded: %s", path, "; ".join(changes) or "no changes")
        return True

    def request_reload(self) -> None:
        """Ask the watcher thread to reload the sources file now (safe from a signal handler)."""
        self._reload_requested.set()
        self._wake.set()

    def _watch(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.poll_seconds)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                mtime = self.sources_path.stat().st_mtime if self.sources_path.exists() else None
                if self._reload_requested.is_set() or mtime != self._sources_mtime:
                    self._reload_requested.clear()
                    self.reload_sources()
            except Exception:  # noqa: BLE001 - the watcher must keep watching
                log.exception("reloading the sources file failed")

    def begin_shutdown(self) -> None:
        """Stop taking new jobs and ask running crawl children to finish (non-blocking, signal-safe)."""
        if _stopping.is_set():
            return
        _stopping.set()
        self._stop.set()
        self._wake.set()
        self._shutdown_thread = threading.Thread(target=self._pause_and_signal, name="khabar-shutdown", daemon=True)
        self._shutdown_thread.start()

    def _pause_and_signal(self) -> None:
        with contextlib.suppress(Exception):  # already stopped
            self.scheduler.pause()
        # A job-processing pass already under way holds this lock: once we get it, no more submissions.
        lock = getattr(self.scheduler, "_jobstores_lock", None)
        if lock is not None:
            with lock:
                pass
        terminate_children()

    def stop(self, wait: bool = True) -> None:
        """Shut down: no new jobs, wait for running ones (their writers flush as they finish)."""
        self.begin_shutdown()
        if self._shutdown_thread is not None:
            self._shutdown_thread.join(timeout=10)
        if self.scheduler.running:
            self.scheduler.shutdown(wait=wait)
        if self._watcher is not None:
            self._watcher.join(timeout=5)
        _active.pop("settings", None)
        log.info("scheduler stopped")


def terminate_children() -> list[int]:
    """Ask the crawl children this service started to finish; returns their pids."""
    from khabar.crawlers.runner import stop_running_crawls

    sent = stop_running_crawls()
    if sent:
        log.info("asked %d crawl processes to finish: %s", len(sent), sent)
    return sent


def run_forever(service: Service, stop: threading.Event) -> None:
    """Block until `stop` is set (by a signal handler), then shut the service down."""
    while not stop.wait(0.5):
        pass
    service.stop()


def install_signal_handlers(service: Service, stop: threading.Event) -> None:
    """SIGTERM/SIGINT begin a graceful shutdown; SIGHUP reloads the sources file."""

    def on_exit(signum: int, frame: object) -> None:
        log.warning("received %s: shutting down", signal.Signals(signum).name)
        stop.set()
        service.begin_shutdown()

    def on_hup(signum: int, frame: object) -> None:
        service.request_reload()

    signal.signal(signal.SIGTERM, on_exit)
    signal.signal(signal.SIGINT, on_exit)
    signal.signal(signal.SIGHUP, on_hup)


def wait_for_first_run(service: Service, job_id: str, timeout: float) -> bool:
    """Wait until a job has run once (for demos and tests)."""
    joblog = JobLog.for_settings(service.settings)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if job_id in joblog.all() and joblog.all()[job_id].last_end:
            return True
        time.sleep(0.2)
    return False
