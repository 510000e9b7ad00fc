"""The local Elasticsearch node: no silent root start, no killing an unrelated process."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from khabar.app import es_local
from khabar.core.errors import KhabarError
from khabar.core.settings import LocalEsSettings, Settings


def _settings(tmp_path: Path, **local: object) -> Settings:
    return Settings(data_dir=tmp_path / "data", local_es=LocalEsSettings(port=9391, cache_dir=tmp_path / "cache", **local))  # type: ignore[arg-type]


class Reached(Exception):
    """Start went on past the root check (to fetching Elasticsearch)."""


def _stop_before_fetch(_: Settings) -> Path:
    raise Reached


def test_root_start_refused_without_opt_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(es_local.os, "geteuid", lambda: 0)
    monkeypatch.setattr(es_local, "fetch", _stop_before_fetch)
    with pytest.raises(KhabarError, match=r"allow_root.*--allow-root"):
        es_local.start(_settings(tmp_path))


def test_root_start_with_opt_in_warns_what_it_disables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(es_local.os, "geteuid", lambda: 0)
    monkeypatch.setattr(es_local, "fetch", _stop_before_fetch)
    with caplog.at_level(logging.WARNING, logger=es_local.__name__), pytest.raises(Reached):
        es_local.start(_settings(tmp_path, allow_root=True))
    assert "system call filter" in caplog.text and "root" in caplog.text


def test_cli_flag_opts_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from khabar.cli import main

    seen: list[bool] = []

    def fake_start(settings: Settings, port: int | None = None) -> es_local.LocalNode:
        seen.append(settings.local_es.allow_root)
        raise KhabarError("stop here")

    monkeypatch.setattr(es_local, "start", fake_start)
    env = {"KHABAR_DATA_DIR": str(tmp_path / "data"), "KHABAR_ES_ALLOW_ROOT": None}
    CliRunner().invoke(main, ["es", "start", "--allow-root"], env=env)
    CliRunner().invoke(main, ["es", "start"], env=env)
    assert seen == [True, False]


def test_stop_leaves_an_unrelated_process_with_a_reused_pid_alone(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    node = es_local.node_for(settings)
    node.base.mkdir(parents=True)
    stranger = subprocess.Popen(["sleep", "60"])
    try:
        node.pid_file.write_text(str(stranger.pid))  # a stale pid file whose number was reused
        assert es_local.stop(settings, timeout=2) is False
        assert stranger.poll() is None, "an unrelated process was killed"
        assert not node.pid_file.exists()
    finally:
        stranger.kill()
        stranger.wait()
