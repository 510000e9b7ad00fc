"""API and configuration faults: blank API keys, secrets in errors, a stalled Elasticsearch behind /healthz."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from khabar.app.api import create_app, make_auth
from khabar.cli import main
from khabar.core.errors import ConfigError
from khabar.core.settings import ApiSettings, ElasticsearchSettings, Settings, load_settings

from .es_faults import StallingServer, serving

SECRET = "hunter2-very-secret"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "khabar.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize("keys", ['[""]', '["   "]', '["good-key", ""]', '["  :analyst"]'])
def test_blank_api_key_is_refused_at_load(tmp_path: Path, keys: str) -> None:
    path = write(tmp_path, f"api:\n  api_keys: {keys}\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert info.value.key == "api.api_keys" and "empty" in info.value.problem
    assert "good-key" not in str(info.value)


@pytest.mark.parametrize("key", ['""', '"   "'])
def test_blank_named_key_is_refused_at_load(tmp_path: Path, key: str) -> None:
    path = write(tmp_path, f"api:\n  keys: [{{name: ops, key: {key}, role: analyst}}]\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert info.value.key == "api.keys.0.key"


def test_serve_with_a_blank_key_exits_with_a_clear_error(tmp_path: Path) -> None:
    path = write(tmp_path, 'api:\n  api_keys: [""]\n')
    result = CliRunner().invoke(main, ["serve", "--no-scheduler"], env={"KHABAR_CONFIG": str(path), "KHABAR_API_KEYS": ""})
    assert result.exit_code == 2
    assert "api.api_keys" in result.output and "empty" in result.output and "Traceback" not in result.output


def test_blank_key_never_opens_the_api_even_past_the_settings(tmp_path: Path) -> None:
    with pytest.raises(ValueError):
        Settings(api=ApiSettings(api_keys=[""]))
    with pytest.raises(ConfigError):
        make_auth([""])


def test_v1_never_answers_without_a_valid_non_empty_key(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, api=ApiSettings(api_keys=["right-key"]))
    client = TestClient(create_app(settings))
    for headers in ({}, {"Authorization": "Bearer "}, {"Authorization": "Bearer    "}, {"X-API-Key": ""},
                    {"X-API-Key": "wrong"}, {"Authorization": "Basic cmlnaHQta2V5"}):
        response = client.get("/v1/incidents", headers=headers)
        assert response.status_code == 401, headers


@pytest.mark.parametrize("yaml_text", [
    f"api:\n  api_keys: {SECRET}\n",  # a string where a list belongs
    f"elasticsearch:\n  api_key: {{key: {SECRET}}}\n",
    f"elasticsearch:\n  password: [{SECRET}]\n",
    f"elasticsearch:\n  url: ftp://elastic:{SECRET}@es.example.org\n",
    f"api:\n  keys: [{{name: ops, key: {SECRET}, role: admin}}]\n",
])
def test_configuration_errors_never_echo_secret_values(tmp_path: Path, yaml_text: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, yaml_text), env={})
    assert SECRET not in str(info.value)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def stalled_api(tmp_path: Path) -> Iterator[tuple[str, StallingServer]]:
    """The API (real uvicorn) in front of an "Elasticsearch" that answers nothing for 20 s."""
    with serving(StallingServer(stall=20)) as stalled:
        assert isinstance(stalled, StallingServer)
        settings = Settings(data_dir=tmp_path, api=ApiSettings(api_keys=["k"]),
                            elasticsearch=ElasticsearchSettings(url=stalled.url, request_timeout=30))
        port = _free_port()
        server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning"))
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 30
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        try:
            yield f"http://127.0.0.1:{port}", stalled
        finally:
            server.should_exit = True
            thread.join(10)


def test_healthz_probes_during_an_elasticsearch_stall_do_not_freeze_the_api(stalled_api: tuple[str, StallingServer]) -> None:
    url, stalled = stalled_api

    def probe(_: int) -> int:
        return httpx.get(f"{url}/healthz", timeout=60).status_code

    started = time.monotonic()
    with ThreadPoolExecutor(60) as pool:
        statuses = list(pool.map(probe, range(60)))
    took = time.monotonic() - started
    assert statuses == [503] * 60
    assert took < 8, f"60 probes took {took:.1f} s"
    assert stalled.requests <= 2  # one check in flight, not one per probe
