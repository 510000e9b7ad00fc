"""Helpers shared by the crawl tests: the demo server, sources files, stored articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.crawlers.sources import SourcesConfig, load_sources
from khabar.demo.server import DEFAULT_ROOT, serve_in_thread
from khabar.index.templates import alias_name

GOLD = DEFAULT_ROOT / "gold.jsonl"
PATTERNS = {
    "frontier-herald": r"/frontier-herald/\d{4}/\d{2}/[\w-]+\.html$",
    "quetta-chronicle": r"/quetta-chronicle/\d{4}/\d{2}/[\w-]+\.html$",
    "indus-times": r"/indus-times/(?!page/)[\w/-]+\.html$",
}


@contextmanager
def demo_server(root: Path | None = None, slow_seconds: float = 5.0) -> Iterator[str]:
    """Serve the demo site (or a copy) on an ephemeral port; yields the base URL."""
    server, base = serve_in_thread(root, port=0, slow_seconds=slow_seconds)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def demo_source(base: str, outlet: str, kind: str, **overrides: Any) -> dict[str, Any]:
    """A source entry for one demo outlet, crawled without delays."""
    start = {"rss": "rss.xml", "sitemap": "sitemap.xml", "listing": "index.html"}[kind]
    source: dict[str, Any] = {
        "id": f"demo-{outlet}",
        "name": outlet.replace("-", " ").title(),
        "kind": kind,
        "urls": [f"{base}/{outlet}/{start}"],
        "article_url_patterns": [PATTERNS[outlet]],
    }
    if kind == "listing":
        source["link_selector"] = "a.story-link"
    source.update(overrides)
    return source


def write_sources(path: Path, *sources: dict[str, Any], **defaults: Any) -> SourcesConfig:
    """Write a sources YAML file (fast, private-address-friendly defaults) and load it."""
    base_defaults = {"download_delay": 0, "allow_private_addresses": True, "retry_times": 0, "concurrent_requests": 8}
    data = {"defaults": {**base_defaults, **defaults}, "sources": list(sources)}
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return load_sources(path)


def stored_articles(es: Elasticsearch, settings: Settings, **query: Any) -> list[dict[str, Any]]:
    """Every stored article document (after a refresh)."""
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=1000, query=query or {"match_all": {}})["hits"]["hits"]
    return [hit["_source"] for hit in hits]


def gold_paths(outlet: str) -> set[str]:
    """URL paths of the gold articles of one demo outlet."""
    paths = (json.loads(line)["url"] for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())
    return {p for p in paths if p.startswith(f"/{outlet}/")}


def paths_of(base: str, urls: list[str]) -> set[str]:
    return {u.removeprefix(base) for u in urls}


def module_settings(es_url: str, data_dir: Path) -> Iterator[Settings]:
    """Settings with their own indices for a whole test module (indices dropped after)."""
    from khabar.index.client import es_client
    from khabar.index.templates import init_indices
    from tests.conftest import drop_indices, make_settings

    settings = make_settings(es_url, data_dir)
    es = es_client(settings)
    init_indices(es, settings)
    yield settings
    drop_indices(es, settings)
