"""The event-driven pipeline: a job that produced work runs the next one at once, not on its timer."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from khabar.app import service as service_module
from khabar.app.service import Service
from khabar.app.status import JobLog
from khabar.core.settings import SchedulerSettings, Settings
from tests.test_scheduler import sources_file, wait_until


@pytest.fixture
def running(tmp_path: Path) -> Iterator[Service]:
    src = sources_file(tmp_path / "sources.yaml", [("alpha", "{interval_minutes: 600}")])
    settings = Settings(data_dir=tmp_path / "data", sources_file=src,
                        scheduler=SchedulerSettings(jitter_seconds=0, spool_replay_minutes=600))
    service = Service(settings)
    service.start()
    yield service
    service.stop()


def test_a_job_with_output_triggers_the_next_now(running: Service) -> None:
    joblog = JobLog.for_settings(running.settings)
    assert "spool" not in joblog.all()  # its timer is 10 hours away
    service_module._chained(running.settings, "producer", lambda: 3, "spool", lambda n: n > 0)
    assert wait_until(lambda: "spool" in JobLog.for_settings(running.settings).all(), timeout=15)


def test_no_output_no_trigger(running: Service) -> None:
    service_module._chained(running.settings, "producer", lambda: 0, "spool", lambda n: n > 0)
    assert not wait_until(lambda: "spool" in JobLog.for_settings(running.settings).all(), timeout=3)


def test_trigger_while_running_reruns_after(running: Service) -> None:
    seen: list[bool] = []

    def body() -> int:
        seen.append(service_module.trigger_now("spool"))  # "spool" is marked running below
        return 0

    service_module._running.add("spool")
    try:
        body()
    finally:
        service_module._running.discard("spool")
    assert seen == [True] and "spool" in service_module._rerun
    service_module._rerun.discard("spool")
    service_module._chained(running.settings, "spool-like", lambda: 0, None, bool)
    # and through _chained itself: a trigger during the run re-runs the job when it finishes
    service_module._chained(running.settings, "spool", lambda: service_module.trigger_now("spool") and 0, None, bool)
    assert wait_until(lambda: JobLog.for_settings(running.settings).all().get("spool") is not None
                      and JobLog.for_settings(running.settings).all()["spool"].runs >= 2, timeout=15)
