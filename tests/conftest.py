"""Shared fixtures: a real local Elasticsearch for the session, isolated indices per test."""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch
from spacy.language import Language

from khabar.app import es_local
from khabar.core.settings import ElasticsearchSettings, LocalEsSettings, Settings
from khabar.index.client import es_client
from khabar.index.templates import alias_name, init_indices
from khabar.nlp.extract import Extractor
from khabar.nlp.pipeline import build_nlp

ROOT = Path(__file__).resolve().parent.parent
TEST_ES_PORT = int(os.environ.get("KHABAR_TEST_ES_PORT", "9250"))


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        return sock.connect_ex(("127.0.0.1", port)) != 0


def free_node_port(start: int = TEST_ES_PORT) -> int:
    """The first port from `start` whose HTTP and transport ports (+100) are both free."""
    for port in range(start, start + 60):
        if _port_free(port) and _port_free(port + 100):
            return port
    raise RuntimeError(f"no free port for a test Elasticsearch between {start} and {start + 60}")


def _node_settings(data_dir: Path) -> Settings:
    cache = Path(os.environ.get("KHABAR_CACHE_DIR", "~/.cache/khabar"))
    # allow_root: test machines and CI containers often run as root (the node then runs
    # without Elasticsearch's native access; es_local logs a warning saying so).
    return Settings(data_dir=data_dir, local_es=LocalEsSettings(port=free_node_port(), cache_dir=cache, heap="512m", allow_root=True))


@contextmanager
def throwaway_node(prefix: str, first_port: int) -> Iterator[Settings]:
    """A local node of its own (port from `first_port`, its own data directory) for tests that kill it."""
    data_dir = Path(tempfile.mkdtemp(prefix=prefix))
    cache = Path(os.environ.get("KHABAR_CACHE_DIR", "~/.cache/khabar"))
    settings = Settings(data_dir=data_dir, local_es=LocalEsSettings(port=free_node_port(first_port), cache_dir=cache, heap="512m",
                                                                   allow_root=True))
    try:
        es_local.start(settings)
        yield settings
    finally:
        es_local.stop(settings, timeout=30)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def es_node() -> Iterator[Settings | None]:
    """The test session's Elasticsearch: KHABAR_TEST_ES_URL, else a local node started here.

    Its data lives outside pytest's temporary tree, which other pytest sessions prune.
    """
    if os.environ.get("KHABAR_TEST_ES_URL"):
        yield None
        return
    data_dir = Path(tempfile.mkdtemp(prefix="khabar-test-es-"))
    node_settings = _node_settings(data_dir)
    try:
        es_local.start(node_settings)
        yield node_settings
    finally:
        es_local.stop(node_settings)
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def es_url(es_node: Settings | None) -> str:
    if es_node is None:
        return os.environ["KHABAR_TEST_ES_URL"].rstrip("/")
    return es_local.node_for(es_node).url


def make_settings(es_url: str, data_dir: Path, **overrides: object) -> Settings:
    """Settings for one test: its own index prefix and data directory."""
    prefix = f"t{uuid.uuid4().hex[:10]}"
    return Settings(
        data_dir=data_dir,
        sources_file=ROOT / "config" / "sources.yaml",
        elasticsearch=ElasticsearchSettings(url=es_url, index_prefix=prefix, request_timeout=30),
        **overrides,  # type: ignore[arg-type]
    )


def drop_indices(es: Elasticsearch, settings: Settings) -> None:
    """Remove a test's indices and templates."""
    prefix = settings.elasticsearch.index_prefix
    es.options(ignore_status=404).indices.delete(index=f"{prefix}-*", expand_wildcards="all")
    es.options(ignore_status=404).indices.delete_index_template(name=f"{prefix}-*")
    es.options(ignore_status=404).cluster.delete_component_template(name=f"{prefix}-*")


def empty_indices(es: Elasticsearch, settings: Settings, kinds: tuple[str, ...]) -> None:
    """Delete every document of the given kinds (the server core has no delete-by-query)."""
    for kind in kinds:
        index = alias_name(settings, kind)
        es.indices.refresh(index=index)
        hits = es.search(index=index, size=10_000, source=False)["hits"]["hits"]
        if hits:
            es.bulk(operations=[{"delete": {"_index": h["_index"], "_id": h["_id"]}} for h in hits], refresh=True)


@pytest.fixture
def bare_settings(es_url: str, tmp_path: Path) -> Iterator[Settings]:
    """Settings with a unique index prefix and no indices created yet."""
    settings = make_settings(es_url, tmp_path / "data")
    yield settings
    drop_indices(es_client(settings), settings)


@pytest.fixture
def settings(bare_settings: Settings) -> Settings:
    """Settings with a unique index prefix whose indices exist."""
    init_indices(es_client(bare_settings), bare_settings)
    return bare_settings


@pytest.fixture
def es(settings: Settings) -> Elasticsearch:
    """A client to the test cluster."""
    return es_client(settings)


@pytest.fixture(scope="module")
def nlp() -> Language:
    """Khabar's spaCy pipeline (one per test module)."""
    return build_nlp()


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    """The rules-only extractor (no classifier head), one per test module."""
    return Extractor(classifier=None)
