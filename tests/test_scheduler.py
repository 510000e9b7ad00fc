"""The scheduler: jobs fire, survive a restart on the same SQLite store, follow the sources file."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from apscheduler.triggers.interval import IntervalTrigger

from khabar.app.service import JobSpec, Service, ensure_job, heartbeat_job
from khabar.app.status import JobLog, next_run_times
from khabar.core.settings import SchedulerSettings, Settings

SOURCE = """
  - id: {id}
    name: {id}
    kind: rss
    urls: [http://127.0.0.1:8765/{id}/rss.xml]
    allow_private_addresses: true
    schedule: {schedule}
"""


def sources_file(path: Path, entries: list[tuple[str, str]]) -> Path:
    text = "sources:\n" + "".join(SOURCE.format(id=i, schedule=s) for i, s in entries)
    path.write_text(text, encoding="utf-8")
    return path


def wait_until(check: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return check()


@pytest.fixture
def sched_settings(tmp_path: Path) -> Settings:
    src = sources_file(tmp_path / "sources.yaml", [("alpha", "{interval_minutes: 60}"), ("beta", "{cron: '*/30 * * * *'}")])
    return Settings(data_dir=tmp_path / "data", sources_file=src, scheduler=SchedulerSettings(jitter_seconds=0))


@pytest.fixture
def services() -> Iterator[list[Service]]:
    started: list[Service] = []
    yield started
    for service in started:
        service.stop()


def lines(path: Path) -> int:
    return len(path.read_text().splitlines()) if path.exists() else 0


def test_job_fires_and_keeps_schedule_after_restart(sched_settings: Settings, tmp_path: Path, services: list[Service]) -> None:
    beat = tmp_path / "beat.txt"
    spec = JobSpec("heartbeat", heartbeat_job, (str(beat),), IntervalTrigger(seconds=1), "heartbeat")
    first = Service(sched_settings, internal_jobs=False)
    services.append(first)
    first.start()
    assert ensure_job(first.scheduler, spec) == "added"
    assert wait_until(lambda: lines(beat) >= 2), "the 1 s job did not fire"
    first.stop()
    stored = next_run_times(sched_settings)
    assert set(stored) == {"heartbeat", "crawl:alpha", "crawl:beta"}

    second = Service(sched_settings, internal_jobs=False)
    services.append(second)
    second.scheduler.start(paused=True)
    assert ensure_job(second.scheduler, spec) == "kept"
    job = second.scheduler.get_job("heartbeat")
    assert job is not None and job.next_run_time == stored["heartbeat"]  # schedule continued, not reset
    assert second.scheduler.get_job("crawl:alpha").next_run_time == stored["crawl:alpha"]
    second.scheduler.shutdown()

    third = Service(sched_settings, internal_jobs=False)
    services.append(third)
    third.start()
    assert {j.id for j in third.jobs()} == {"heartbeat", "crawl:alpha", "crawl:beta"}
    before = lines(beat)
    assert wait_until(lambda: lines(beat) >= before + 2), "the job did not fire after the restart"


def test_internal_jobs_and_job_log(sched_settings: Settings, services: list[Service]) -> None:
    service = Service(sched_settings)
    services.append(service)
    service.start()
    ids = {j.id for j in service.jobs()}
    assert ids == {"nlp", "resolve", "spool", "alerts", "spikes", "crawl:alpha", "crawl:beta"}
    job = service.scheduler.get_job("nlp")
    assert job.max_instances == 1 and job.coalesce is True
    assert job.misfire_grace_time == sched_settings.scheduler.misfire_grace_seconds
    # Run the spool job now (nothing spooled: a quick no-op) and see it recorded.
    service.scheduler.modify_job("spool", next_run_time=datetime.now(UTC))
    assert wait_until(lambda: "spool" in JobLog.for_settings(sched_settings).all())
    record = JobLog.for_settings(sched_settings).all()["spool"]
    assert wait_until(lambda: JobLog.for_settings(sched_settings).all()["spool"].outcome == "ok")
    assert record.job_id == "spool"


def test_sources_reload(sched_settings: Settings, services: list[Service]) -> None:
    service = Service(sched_settings, internal_jobs=False, poll_seconds=0.2)
    services.append(service)
    service.start()
    assert service.crawl_job_ids() == {"crawl:alpha", "crawl:beta"}
    alpha_next = service.scheduler.get_job("crawl:alpha").next_run_time

    # Change by mtime polling: beta removed, gamma added, alpha unchanged keeps its next run.
    time.sleep(0.05)
    sources_file(sched_settings.sources_file, [("alpha", "{interval_minutes: 60}"), ("gamma", "{interval_minutes: 5}")])
    assert wait_until(lambda: service.crawl_job_ids() == {"crawl:alpha", "crawl:gamma"})
    assert service.scheduler.get_job("crawl:alpha").next_run_time == alpha_next
    assert str(service.scheduler.get_job("crawl:gamma").trigger) == str(IntervalTrigger(minutes=5))

    # Rescheduled.
    sources_file(sched_settings.sources_file, [("alpha", "{cron: '0 3 * * *'}"), ("gamma", "{interval_minutes: 5}")])
    assert wait_until(lambda: "cron" in str(service.scheduler.get_job("crawl:alpha").trigger))

    # An invalid change is refused: the running jobs stay.
    sched_settings.sources_file.write_text("sources:\n  - id: alpha\n    kind: carrier-pigeon\n", encoding="utf-8")
    assert wait_until(lambda: service.last_reload_error is not None)
    assert service.crawl_job_ids() == {"crawl:alpha", "crawl:gamma"}
    sources_file(sched_settings.sources_file, [("alpha", "{cron: 'not a cron'}")])
    service.request_reload()  # what SIGHUP does
    time.sleep(0.5)
    assert service.crawl_job_ids() == {"crawl:alpha", "crawl:gamma"}
    assert "cron" in (service.last_reload_error or "")

    # Disabled sources lose their job.
    sched_settings.sources_file.write_text(
        sched_settings.sources_file.read_text().replace("{cron: 'not a cron'}", "{interval_minutes: 10}") + "    enabled: false\n",
        encoding="utf-8")
    service.request_reload()
    assert wait_until(lambda: service.crawl_job_ids() == set())
    assert service.last_reload_error is None
