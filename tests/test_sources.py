"""The sources file: the shipped one is valid, mistakes give one clear message."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from khabar.cli import main
from khabar.core.errors import ConfigError
from khabar.crawlers.sources import load_sources

ROOT = Path(__file__).resolve().parent.parent
SHIPPED = ROOT / "config" / "sources.yaml"
DEMO = ROOT / "demo" / "sources.yaml"


def _source(**overrides: Any) -> dict[str, Any]:
    source: dict[str, Any] = {"id": "dawn", "name": "Dawn", "kind": "rss", "urls": ["https://www.dawn.com/feeds/home"]}
    source.update(overrides)
    return source


def _write(tmp_path: Path, *sources: dict[str, Any], **top: Any) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump({**top, "sources": list(sources)}), encoding="utf-8")
    return path


def test_shipped_sources_are_valid_and_never_crawl_private_addresses() -> None:
    config = load_sources(SHIPPED)
    ids = config.ids
    assert {"dawn", "express-tribune", "the-news", "geo-news", "pakistan-today", "balochistan-post", "business-recorder"} <= set(ids)
    # a production `khabar serve` must never crawl loopback: no demo source, nothing enabled until checked
    assert config.enabled == []
    assert not any(s.allow_private_addresses or s.id.startswith("demo-") for s in config.sources)
    dawn = config.get("dawn")
    assert not dawn.enabled and not dawn.allow_private_addresses and dawn.obey_robots_txt
    assert dawn.max_page_bytes == 2 * 1024 * 1024


def test_demo_sources_live_in_their_own_file() -> None:
    config = load_sources(DEMO)
    assert {s.id: s.kind for s in config.enabled} == {
        "demo-frontier-herald": "rss", "demo-quetta-chronicle": "sitemap", "demo-indus-times": "listing"
    }
    for source in config.sources:
        assert source.allow_private_addresses and all(u.startswith("http://127.0.0.1:8765/") for u in source.urls)


def test_defaults_apply_and_domains_default_to_url_hosts(tmp_path: Path) -> None:
    path = _write(tmp_path, _source(), _source(id="geo", urls=["https://www.geo.tv/rss/1/1"], download_delay=5), defaults={"download_delay": 3})
    config = load_sources(path)
    assert config.get("dawn").download_delay == 3
    assert config.get("geo").download_delay == 5
    assert config.get("dawn").allowed_domains == ["www.dawn.com"]
    assert config.get("dawn").schedule.interval_minutes == 60


def _error(tmp_path: Path, *sources: dict[str, Any], **top: Any) -> str:
    with pytest.raises(ConfigError) as info:
        load_sources(_write(tmp_path, *sources, **top))
    return str(info.value)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (_source(colour="blue"), "sources[dawn].colour: unknown key"),
        (_source(article_url_patterns=[r"/news/\d+", "(unclosed"]), "sources[dawn].article_url_patterns[1]: invalid regular expression"),
        (_source(schedule={"cron": "every tuesday"}), "sources[dawn].schedule.cron: invalid cron expression"),
        (_source(schedule={"cron": "*/5 * * * *", "interval_minutes": 5}), "sources[dawn].schedule: give exactly one"),
        ({"id": "dawn", "kind": "rss", "urls": ["https://x.example/feed"]}, "sources[dawn].name: required field is missing"),
        (_source(kind="atom"), "sources[dawn].kind:"),
        (_source(id="Not A Slug"), "sources[Not A Slug].id:"),
        (_source(urls=["ftp://x.example/feed"]), "sources[dawn].urls:"),
    ],
)
def test_source_mistakes_name_source_and_field(tmp_path: Path, source: dict[str, Any], expected: str) -> None:
    message = _error(tmp_path, source)
    assert message.startswith(str(tmp_path / "sources.yaml") + ": ")
    assert expected in message
    assert "fix:" in message


def test_duplicate_ids(tmp_path: Path) -> None:
    message = _error(tmp_path, _source(), _source(name="Dawn again"))
    assert "sources[dawn].id: duplicate source id" in message


def test_unknown_default_and_top_level_keys(tmp_path: Path) -> None:
    assert "defaults.speed: unknown key" in _error(tmp_path, _source(), defaults={"speed": 3})
    assert "extras: unknown key" in _error(tmp_path, _source(), extras=1)


def test_bad_yaml_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("sources:\n  - id: dawn\n    name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"sources\.yaml: line \d+: not valid YAML"):
        load_sources(path)


def test_cli_validate_lists_sources(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["sources", "validate", "--config", str(SHIPPED)])
    assert result.exit_code == 0, result.output
    assert "business-recorder" in result.output.replace("\n", "") or "7 sources" in result.output
    assert "valid" in result.output


def test_cli_validate_error_exits_2(tmp_path: Path) -> None:
    path = _write(tmp_path, _source(article_url_patterns=["(bad"]))
    result = CliRunner().invoke(main, ["sources", "validate", "--config", str(path)])
    assert result.exit_code == 2
    assert "sources[dawn].article_url_patterns[0]: invalid regular expression" in " ".join(result.output.split())
    assert "Traceback" not in result.output
