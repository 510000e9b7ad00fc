"""The Khabar service: an APScheduler 3 background scheduler with a persistent SQLite job store.

Jobs (stable ids, so a restart finds and keeps them):

- `crawl:<source_id>`: one per enabled source, on the source's own schedule (cron or
  interval, with jitter); runs `khabar.crawlers.runner.crawl_source`, which crawls in a child
  process, so a crashing crawl cannot take the service down;
- `nlp`: process articles waiting for NLP; `resolve`: resolve incidents;
  `spool`: replay operations spooled while Elasticsearch was down.
- `alerts`: match changed incidents against watchlists and deliver (`khabar.app.alerts`);
  `spikes`: surge and threat detection (`khabar.app.spikes`).

Event-driven: a crawl that stored new or changed articles runs `nlp` at once, NLP that wrote
mentions runs `resolve`, a resolution that created or updated incidents runs `alerts`
(`trigger_now`, APScheduler `modify_job(next_run_time=now)`); the timers stay as a safety net.

Every job has `max_instances=1`, `coalesce=True` and the configured `misfire_grace_time`.
Job functions are module-level and take simple arguments (the job store pickles references
to them). Each run is recorded in `khabar.app.status.JobLog`.

The sources file is re-read on SIGHUP and whenever its mtime changes (polled every
`poll_seconds`): crawl jobs are added, removed or rescheduled; an invalid file is refused
with a log message and the running jobs stay as they are.

Shutdown (`begin_shutdown` from a signal handler, then `stop`): no new jobs start, running
crawl children get SIGTERM (the crawl runner's child closes its spider and writes its current
batch), running jobs are waited for (at most `scheduler.stop_timeout_seconds`; a job still
running then is named in the log and `khabar serve` exits anyway), and the writers they use
are flushed as they finish.

One service per data directory: `start` takes an fcntl lock on `service.lock` there (the
kernel drops it whatever way the process ends); a second service on the same directory
refuses to start with ServiceAlreadyRunning instead of running every job twice.
"""

from __future__ import annotations

import contextlib
import fcntl
import logging
import os
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
from apscheduler.jobstores.base import JobLookupError
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.base import BaseTrigger
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from khabar.app import pipeline
from khabar.app.alert_jobs import run_alerts, run_spikes
from khabar.app.status import JobLog, jobstore_path
from khabar.core.errors import ConfigError, KhabarError
from khabar.core.settings import Settings, load_settings
from khabar.crawlers.runner import stop_running_crawls
from khabar.crawlers.sources import load_sources
from khabar.index.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
CRAWL_PREFIX = "crawl:"
INTERNAL_JOBS = ("nlp", "resolve", "spool", "alerts", "spikes")

# The settings of the service running in this process; job functions use them, and fall
# back to loading the settings file when run elsewhere.
_active: dict[str, Settings] = {}
_stopping = threading.Event()


def _settings(config_path: str | None) -> Settings:
    if "settings" in _active:
        return _active["settings"]
    return load_settings(Path(config_path) if config_path else None)


# Event-driven pipeline: a job that produced work for the next one runs it now (the timers stay
# as a safety net). A trigger that arrives while the target runs re-runs it when it finishes.
_scheduler: dict[str, BackgroundScheduler] = {}
_chain_lock = threading.Lock()
_running: set[str] = set()
_rerun: set[str] = set()


def trigger_now(job_id: str) -> bool:
    """Run an internal job as soon as possible (after its current run, if it is running)."""
    scheduler = _scheduler.get("scheduler")
    if scheduler is None or _stopping.is_set():
        return False
    with _chain_lock:
        if job_id in _running:
            _rerun.add(job_id)
            return True
    try:
        scheduler.modify_job(job_id, next_run_time=datetime.now(UTC))
    except JobLookupError:
        return False
    return True


def _chained(settings: Settings, job_id: str, fn: Callable[[], T], then: str | None, fired: Callable[[T], bool]) -> T | None:
    """`_recorded`, then trigger `then` when `fired(result)`; honour triggers that came in meanwhile."""
    with _chain_lock:
        _running.add(job_id)
    try:
        result = _recorded(settings, job_id, fn)
    finally:
        with _chain_lock:
            _running.discard(job_id)
            again = job_id in _rerun
            _rerun.discard(job_id)
    if again:
        trigger_now(job_id)
    if then is not None and result is not None and fired(result):
        trigger_now(then)
    return result


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
    settings = _settings(config_path)

    def crawl() -> Any:
        sources = {s.id: s for s in load_sources(settings.sources_file).sources}
        source = sources.get(source_id)
        if source is None:
            raise KhabarError(f"source {source_id!r} is no longer in {settings.sources_file}")
        return pipeline.crawl_step(settings, [source])[0]

    _chained(settings, f"{CRAWL_PREFIX}{source_id}", crawl, "nlp", lambda run: bool(run.articles_new or run.articles_updated))


def run_nlp_job(config_path: str | None = None) -> None:
    """Extract events from the articles waiting for NLP."""
    settings = _settings(config_path)
    _chained(settings, "nlp", lambda: pipeline.nlp_step(Store.connect(settings), pipeline.shared_extractor()),
             "resolve", lambda report: bool(report.mentions_written or report.mentions_deleted))


def run_resolve_job(config_path: str | None = None) -> None:
    """Merge event mentions into incidents."""
    settings = _settings(config_path)
    _chained(settings, "resolve", lambda: pipeline.resolve_step(Store.connect(settings)), "alerts",
             lambda report: bool(report.incidents_created or report.incidents_updated))


def run_alerts_job(config_path: str | None = None) -> None:
    """Match changed incidents against the watchlists and deliver what is due (khabar.app.alerts)."""
    settings = _settings(config_path)
    _chained(settings, "alerts", lambda: run_alerts(Store.connect(settings).alerts), None, bool)


def run_spikes_job(config_path: str | None = None) -> None:
    """Raise surge and threat alerts (khabar.app.spikes)."""
    settings = _settings(config_path)
    _chained(settings, "spikes", lambda: run_spikes(Store.connect(settings).alerts), "alerts", lambda text: "queued=0" not in text)


def run_spool_job(config_path: str | None = None) -> None:
    """Replay the operations spooled while Elasticsearch was unreachable."""
    settings = _settings(config_path)

    def replay() -> Any:
        writer = Store.connect(settings).writer()
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
        JobSpec("alerts", run_alerts_job, (config_path,), IntervalTrigger(seconds=settings.alerts.match_interval_seconds, timezone=UTC),
                "match watchlists and deliver"),
        JobSpec("spikes", run_spikes_job, (config_path,), IntervalTrigger(minutes=settings.alerts.spike_interval_minutes, timezone=UTC),
                "detect surges"),
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
class ServiceAlreadyRunning(KhabarError):
    """Another Khabar service holds this data directory."""


class InstanceLock:
    """An exclusive, non-blocking fcntl lock on a file holding the owner's pid."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._handle: Any = None

    def acquire(self) -> None:
        """Take the lock or raise ServiceAlreadyRunning naming the holder's pid."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "unknown"
            handle.close()
            raise ServiceAlreadyRunning(
                f"another Khabar service (pid {holder}) is already running on data directory {self.path.parent}; "
                "stop it first, or give this one its own data_dir (KHABAR_DATA_DIR)") from None
        handle.truncate(0)
        handle.write(f"{os.getpid()}\n")
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            fcntl.flock(self._handle, fcntl.LOCK_UN)
            self._handle.close()
            self._handle = None


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
        self.instance_lock = InstanceLock(settings.data_path / "service.lock")

    @property
    def sources_path(self) -> Path:
        return self.settings.sources_file

    def start(self) -> None:
        """Load the job store, bring its jobs in line with the settings and sources, start firing.

        Raises ServiceAlreadyRunning when another service holds the data directory.
        """
        self.instance_lock.acquire()
        _active["settings"] = self.settings
        _scheduler["scheduler"] = self.scheduler
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

    def stop(self, wait: bool = True, timeout: float | None = None) -> bool:
        """Shut down: no new jobs, wait for running ones (their writers flush as they finish), but
        at most `timeout` seconds (default `scheduler.stop_timeout_seconds`).

        Returns False when jobs were still running at the deadline (they are named in the log).
        """
        limit = self.settings.scheduler.stop_timeout_seconds if timeout is None else timeout
        self.begin_shutdown()
        if self._shutdown_thread is not None:
            self._shutdown_thread.join(timeout=min(10.0, limit))
        finished = True
        if self.scheduler.running:
            if wait:
                waiter = threading.Thread(target=self.scheduler.shutdown, kwargs={"wait": True}, name="khabar-stop", daemon=True)
                waiter.start()
                waiter.join(timeout=limit)
                if waiter.is_alive():
                    finished = False
                    log.error("jobs still running %.0f s after shutdown began, not waiting any longer: %s",
                              limit, ", ".join(self.running_job_ids()) or "unknown")
            else:
                self.scheduler.shutdown(wait=False)
        if self._watcher is not None:
            self._watcher.join(timeout=5)
        _active.pop("settings", None)
        _scheduler.pop("scheduler", None)
        self.instance_lock.release()
        log.info("scheduler stopped")
        return finished

    def running_job_ids(self) -> list[str]:
        """Ids of the jobs running now (from the executor's instance counts)."""
        executor = getattr(self.scheduler, "_executors", {}).get("default")  # APScheduler 3 keeps counts privately
        instances: dict[str, int] = getattr(executor, "_instances", {})
        return sorted(job_id for job_id, count in instances.items() if count)


def terminate_children() -> list[int]:
    """Ask the crawl children this service started to finish; returns their pids."""
    sent = stop_running_crawls()
    if sent:
        log.info("asked %d crawl processes to finish: %s", len(sent), sent)
    return sent


def run_forever(service: Service, stop: threading.Event) -> None:
    """Block until `stop` is set (by a signal handler), then shut the service down."""
    while not stop.wait(0.5):
        pass
    exit_unless_stopped(service.stop())


def exit_unless_stopped(finished: bool) -> None:
    """After a shutdown that gave up on a hung job, leave now: its worker thread would keep the
    interpreter from exiting (concurrent.futures joins its threads at exit)."""
    if not finished:
        logging.shutdown()
        os._exit(1)


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
