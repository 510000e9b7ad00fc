"""Service faults that need no crawl: a hung job at shutdown, two services on one data directory."""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from khabar.app.service import Service, ServiceAlreadyRunning
from khabar.core.settings import SchedulerSettings, Settings

ROOT = Path(__file__).resolve().parents[2]
RELEASE = threading.Event()


def hang_job(flag: str) -> None:
    """A job that hangs (until the test releases it)."""
    Path(flag).write_text("started")
    RELEASE.wait(60)


@pytest.fixture
def service_settings(tmp_path: Path) -> Settings:
    sources = tmp_path / "sources.yaml"
    sources.write_text("sources: []\n")
    return Settings(data_dir=tmp_path / "data", sources_file=sources, scheduler=SchedulerSettings(jitter_seconds=0))


def test_stop_gives_up_on_a_hung_job_after_its_timeout(service_settings: Settings, tmp_path: Path,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    service = Service(service_settings, internal_jobs=False)
    flag = tmp_path / "started"
    RELEASE.clear()
    service.start()
    try:
        service.scheduler.add_job(hang_job, "date", run_date=datetime.now(UTC), args=[str(flag)], id="hung")
        deadline = time.monotonic() + 20
        while not flag.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        assert flag.exists(), "the job never started"
        outcome: list[bool] = []
        with caplog.at_level(logging.ERROR, logger="khabar.app.service"):
            stopper = threading.Thread(target=lambda: outcome.append(service.stop(timeout=1.0)))
            began = time.monotonic()
            stopper.start()
            stopper.join(10)
            took = time.monotonic() - began
        assert not stopper.is_alive(), "stop() is still waiting for the hung job"
        assert outcome == [False] and took < 5
        assert "hung" in caplog.text
    finally:
        RELEASE.set()


def test_a_second_service_on_the_same_data_directory_refuses_to_start(service_settings: Settings) -> None:
    first = Service(service_settings, internal_jobs=False)
    first.start()
    try:
        second = Service(service_settings, internal_jobs=False)
        with pytest.raises(ServiceAlreadyRunning) as info:
            second.start()
        assert str(os.getpid()) in str(info.value) and str(service_settings.data_path) in str(info.value)
        assert not second.scheduler.running
    finally:
        first.stop()
    third = Service(service_settings, internal_jobs=False)  # the lock goes with the service
    third.start()
    third.stop()


def test_two_khabar_serve_processes_on_one_data_directory(service_settings: Settings, tmp_path: Path) -> None:
    env = os.environ | {"KHABAR_DATA_DIR": str(service_settings.data_dir), "KHABAR_SOURCES": str(service_settings.sources_file),
                        "KHABAR_CONFIG": str(ROOT / "config" / "khabar.yaml")}
    khabar = [sys.executable, "-m", "khabar.cli", "serve", "--no-api"]
    first = subprocess.Popen(khabar, env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        lock = service_settings.data_path / "service.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip() == str(first.pid)) and time.monotonic() < deadline:
            assert first.poll() is None, first.communicate()[0]
            time.sleep(0.1)
        second = subprocess.run(khabar, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=60)
        assert second.returncode == 2, second.stdout + second.stderr
        message = second.stdout + second.stderr
        assert f"pid {first.pid}" in message and "already running" in message and "Traceback" not in message
        assert first.poll() is None  # the first one keeps running
    finally:
        first.send_signal(signal.SIGTERM)
        first.wait(30)
