"""Run crawls, each in a child process with its own Twisted reactor.

`crawl_source` runs one source (`python -m khabar.crawlers.child`, the job, credentials
included, written to its stdin: nothing on disk), follows its JSON-line progress on stdout,
and writes the resulting `CrawlRun` to `khabar-crawl-runs` (finished, failed, interrupted
when the child was killed by a signal, or timed_out). Every crawl ends within its source's
`max_duration_seconds`: the child closes its spider at 80% of it, the parent sends SIGTERM
shortly before the limit and SIGKILL at it. `crawl_sources` runs several, one after
another; one failing source does not stop the others.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import IO, Any

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn

from khabar.core.errors import KhabarError
from khabar.core.records import CrawlRun, utcnow
from khabar.core.settings import Settings
from khabar.crawlers.sources import Source, SourcesConfig, load_sources
from khabar.index.store import Store

log = logging.getLogger(__name__)
EventCallback = Callable[[dict[str, Any]], None]
RUN_EXCLUDE = {"duration_seconds", "error_count"}
TERM_GRACE_SECONDS = 10.0  # SIGTERM this long (at most 10% of the limit) before SIGKILL at the limit

_running: set[CrawlProcess] = set()
_running_lock = threading.Lock()


def running_crawls() -> list[CrawlProcess]:
    """The crawl children this process has started and not yet waited for."""
    with _running_lock:
        return list(_running)


def stop_running_crawls() -> list[int]:
    """Ask every running crawl child to finish (SIGTERM: it closes its spider and flushes)."""
    stopped = []
    for crawl in running_crawls():
        if crawl.popen.poll() is None:
            crawl.popen.send_signal(signal.SIGTERM)
            stopped.append(crawl.pid)
    return stopped


class UnknownSource(KhabarError):
    """A source id that is not in the sources file."""

    def __init__(self, unknown: Sequence[str], valid: Sequence[str], file: str) -> None:
        super().__init__(f"unknown source id(s): {', '.join(unknown)} (in {file})\n  valid ids: {', '.join(valid) or '(none)'}")


class CrawlProcess:
    """A crawl running in a child process; `wait()` returns its CrawlRun."""

    def __init__(self, settings: Settings, source: Source, *, dry_run: bool = False, max_pages: int | None = None,
                 on_event: EventCallback | None = None) -> None:
        self.source = source
        self.run = CrawlRun(source_id=source.id)
        self.on_event = on_event
        self.result: CrawlRun | None = None
        self.max_duration = source.max_duration_seconds
        self.timed_out = False
        job = {
            "settings": settings.model_dump(mode="json"),
            "source": source.model_dump(mode="json"),
            "run": self.run.model_dump(mode="json", exclude=RUN_EXCLUDE),
            "dry_run": dry_run,
            "max_pages": max_pages,
        }
        self.log_path = settings.data_path / "logs" / f"crawl-{source.id}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in wait()
        self.started = time.monotonic()
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "khabar.crawlers.child"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        assert self.popen.stdin is not None
        try:
            self.popen.stdin.write(json.dumps(job).encode("utf-8"))
            self.popen.stdin.close()
        except BrokenPipeError:  # the child died at once; wait() reports it
            pass
        self._reader = threading.Thread(target=self._read, args=(self.popen.stdout,), daemon=True)
        self._reader.start()
        with _running_lock:
            _running.add(self)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def _read(self, stream: IO[bytes] | None) -> None:
        """Follow the child's JSON lines: keep the latest counters, pass events on."""
        if stream is None:
            return
        for raw in stream:
            try:
                event = json.loads(raw)
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            if event.get("event") in ("progress", "result") and isinstance(event.get("run"), dict):
                run = CrawlRun.model_validate(event["run"])
                if event["event"] == "result":
                    self.result = run
                else:
                    self.run = run
            if self.on_event is not None:
                self.on_event(event)

    def _wait_within_limit(self, timeout: float | None) -> int:
        """Wait for the child's exit code, enforcing the wall-clock limit: SIGTERM a grace
        period before it, SIGKILL at it. `timeout` (the caller's own wait) raises
        subprocess.TimeoutExpired as Popen.wait does."""
        deadline = self.started + self.max_duration
        term_at = deadline - min(TERM_GRACE_SECONDS, self.max_duration * 0.1)
        until = None if timeout is None else time.monotonic() + timeout
        while True:
            now = time.monotonic()
            if now >= term_at and self.popen.poll() is None and not self.timed_out:
                self.timed_out = True
                log.warning("crawl of %s reached its limit of %g s: stopping it", self.source.id, self.max_duration)
                self.popen.send_signal(signal.SIGTERM)
            if now >= deadline and self.popen.poll() is None:
                self.popen.kill()
            next_step = deadline if self.timed_out else term_at
            if until is not None:
                next_step = min(next_step, until)
            try:
                return self.popen.wait(max(0.05, next_step - now))
            except subprocess.TimeoutExpired:
                if until is not None and time.monotonic() >= until:
                    raise

    def wait(self, timeout: float | None = None) -> CrawlRun:
        """Wait for the child to end and return its run (interrupted/failed if it died,
        timed_out when it was stopped at its wall-clock limit)."""
        code = self._wait_within_limit(timeout)
        with _running_lock:
            _running.discard(self)
        self._reader.join(5)
        self._log.close()
        if self.timed_out:
            run = self.result or self.run
            run.ended_at = run.ended_at or utcnow()
            how = "stopped with SIGTERM" if code == -signal.SIGTERM or self.result is not None else "killed with SIGKILL"
            run.status, run.message = "timed_out", f"crawl exceeded its wall-clock limit of {self.max_duration:g} s (max_duration_seconds): {how}"
            return run
        if self.result is not None:
            return self.result
        run = self.run
        run.ended_at = utcnow()
        if code < 0:
            run.status = "interrupted"
            run.message = f"crawl process killed by signal {signal.Signals(-code).name}"
        else:
            run.status = "failed"
            run.message = f"crawl process exited with status {code}: {self.log_tail()}"
        return run

    def log_tail(self, lines: int = 5) -> str:
        """The last lines of the child's log, for error messages."""
        try:
            text = self.log_path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""
        return " | ".join(line.strip() for line in text.strip().splitlines()[-lines:])


def start_crawl(settings: Settings, source: Source, *, dry_run: bool = False, max_pages: int | None = None,
                on_event: EventCallback | None = None) -> CrawlProcess:
    """Start one crawl in a child process and return at once."""
    return CrawlProcess(settings, source, dry_run=dry_run, max_pages=max_pages, on_event=on_event)


def record_run(settings: Settings, run: CrawlRun) -> None:
    """Store a CrawlRun in `khabar-crawl-runs` (spooled if Elasticsearch is down)."""
    writer = Store.connect(settings).writer(refresh="wait_for")
    writer.index("crawl-runs", run.id, run)
    writer.flush()


def crawl_source(settings: Settings, source: Source, *, dry_run: bool = False, max_pages: int | None = None,
                 on_event: EventCallback | None = None) -> CrawlRun:
    """Crawl one source in a child process and record the run (not for a dry run)."""
    crawl = start_crawl(settings, source, dry_run=dry_run, max_pages=max_pages, on_event=on_event)
    try:
        run = crawl.wait()
    except KeyboardInterrupt:
        crawl.popen.terminate()  # the child stops gracefully and reports "interrupted"
        run = crawl.wait(timeout=60)
        if not dry_run:
            record_run(settings, run)
        raise
    if not dry_run:
        record_run(settings, run)
    return run


def _crawl_safely(settings: Settings, source: Source, on_event: EventCallback | None) -> CrawlRun:
    """`crawl_source`, turning an unexpected error into a failed run (the next source still runs)."""
    try:
        return crawl_source(settings, source, on_event=on_event)
    except (OSError, ValueError, RuntimeError) as exc:
        log.exception("crawl of %s failed", source.id)
        return CrawlRun(source_id=source.id, status="failed", ended_at=utcnow(), message=f"{type(exc).__name__}: {exc}")


def select_sources(config: SourcesConfig, source_ids: Sequence[str] | None) -> list[Source]:
    """The named sources (UnknownSource lists the valid ids), or all enabled ones."""
    if not source_ids:
        return config.enabled
    unknown = [s for s in source_ids if s not in config.ids]
    if unknown:
        raise UnknownSource(unknown, config.ids, str(config.path or "sources"))
    return [config.get(s) for s in source_ids]


def crawl_sources(settings: Settings, source_ids: Sequence[str] | None = None, *, sources: SourcesConfig | None = None,
                  progress: bool = False, console: Console | None = None) -> list[CrawlRun]:
    """Crawl sources one after another (default: every enabled source in `settings.sources_file`)."""
    config = sources or load_sources(settings.sources_file)
    runs: list[CrawlRun] = []
    with crawl_display(progress, console) as on_event_for:
        for source in select_sources(config, source_ids):
            runs.append(_crawl_safely(settings, source, on_event_for(source)))
    return runs


@contextmanager
def crawl_display(enabled: bool, console: Console | None = None) -> Iterator[Callable[[Source], EventCallback | None]]:
    """A rich progress display; yields a function giving each source its event callback."""
    if not enabled:
        yield lambda source: None
        return
    columns = (SpinnerColumn(), TextColumn("[bold]{task.description}"), TextColumn("{task.fields[status]}"), TimeElapsedColumn())
    with Progress(*columns, console=console or Console(stderr=True), transient=False) as display:

        def for_source(source: Source) -> EventCallback:
            task = display.add_task(source.id, status="starting…")
            return lambda event: _show(display, task, event)

        yield for_source


def _show(display: Progress, task: TaskID, event: dict[str, Any]) -> None:
    if "run" not in event:
        return
    run = CrawlRun.model_validate(event["run"])
    status = (
        f"pages {run.pages_fetched}  new {run.articles_new}  updated {run.articles_updated}  "
        f"unchanged {run.articles_unchanged}  duplicate {run.articles_duplicate}  errors {run.errors.total}"
    )
    if event["event"] == "result":
        status += f"  [{'green' if run.status == 'finished' else 'red'}]{run.status}[/]"
    display.update(task, status=status)
