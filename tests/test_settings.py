"""Settings: YAML validation, environment overrides, clear messages for mistakes."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from khabar.cli import main
from khabar.core.errors import ConfigError
from khabar.core.settings import load_settings


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "khabar.yaml"
    path.write_text(text)
    return path


def test_shipped_config_is_valid() -> None:
    settings = load_settings(Path(__file__).parent.parent / "config" / "khabar.yaml", env={})
    assert settings.elasticsearch.url == "http://127.0.0.1:9200"
    assert settings.elasticsearch.index_prefix == "khabar"


def test_environment_overrides_file(tmp_path: Path) -> None:
    path = write(tmp_path, "elasticsearch:\n  url: http://127.0.0.1:9200\n")
    env = {"KHABAR_ES_URL": "https://es.example.org:9243/", "KHABAR_ES_API_KEY": "abc", "KHABAR_API_KEYS": "k1, k2"}
    settings = load_settings(path, env=env)
    assert settings.elasticsearch.url == "https://es.example.org:9243"
    assert settings.elasticsearch.api_key == "abc"
    assert settings.api.api_keys == ["k1", "k2"]


def test_unknown_key_names_file_key_and_fix(tmp_path: Path) -> None:
    path = write(tmp_path, "elasticsearch:\n  urll: http://x\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    message = str(info.value)
    assert str(path) in message
    assert "elasticsearch.urll" in message
    assert "unknown key" in message
    assert "url" in info.value.fix


def test_wrong_type_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "local_es:\n  port: lots\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert info.value.key == "local_es.port"


def test_bad_yaml_gives_line(tmp_path: Path) -> None:
    path = write(tmp_path, "elasticsearch:\n  url: [unclosed\n")
    with pytest.raises(ConfigError) as info:
        load_settings(path, env={})
    assert "line" in info.value.key


def test_bad_environment_value_names_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_settings(write(tmp_path, ""), env={"KHABAR_ES_URL": "localhost:9200"})
    assert "KHABAR_ES_URL" in str(info.value)


def test_cli_prints_one_clear_message_without_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "elasticsearch:\n  prot: 9200\n")
    result = CliRunner().invoke(main, ["--config", str(path), "index", "check"])
    assert result.exit_code == 2
    assert "elasticsearch.prot" in result.output
    assert "unknown key" in result.output
    assert "Traceback" not in result.output


def test_cli_unreachable_elasticsearch_is_clear(tmp_path: Path) -> None:
    path = write(tmp_path, "elasticsearch:\n  url: http://127.0.0.1:1\n  request_timeout: 2\n")
    result = CliRunner().invoke(main, ["--config", str(path), "es", "status"])
    assert result.exit_code == 3
    assert "not reachable at http://127.0.0.1:1" in result.output
    assert "khabar es start" in result.output
    assert "Traceback" not in result.output
