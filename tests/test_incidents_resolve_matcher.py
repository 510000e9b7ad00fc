"""`resolve_incidents` with the learned matcher reads the articles' headline embeddings from the store."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from khabar.core.records import Article
from khabar.core.settings import Settings
from khabar.incidents.resolve import ResolveConfig, resolve_incidents
from khabar.index.store import Store
from khabar.index.writer import BulkWriter
from tests.test_incidents_matching import mention

DIMS = 384  # the stored embeddings are MiniLM's


def vec(*weights: float) -> list[float]:
    """A 384-dim vector with these leading components."""
    return [*weights, *([0.0] * (DIMS - len(weights)))]


def store_with(es: Elasticsearch, settings: Settings, headlines: dict[str, list[float] | None]) -> Store:
    """Two same-day reports in one district whose evidence sentences are unlike, and their articles."""
    first = mention("art-1", outlet="Dawn", killed=3, embedding=vec(1.0))
    second = mention("art-2", outlet="Geo", published="2025-03-02T12:00", killed=4, embedding=vec(0.0, 1.0))
    writer = BulkWriter(es, settings)
    for m in (first, second):
        writer.index("events", m.id, m)
        article = Article(url=m.article_url, outlet=m.outlet, title=m.article_id, embedding=headlines[m.article_id])
        article.id = m.article_id
        writer.index("articles", m.article_id, article)
    writer.flush()
    writer.refresh_indices("events", "articles")
    return Store(es, settings)


def test_unlike_headlines_from_the_store_keep_reports_apart(es: Elasticsearch, settings: Settings) -> None:
    store = store_with(es, settings, {"art-1": vec(1.0), "art-2": vec(0.0, 0.0, 1.0)})
    assert store.articles.embeddings(["art-1", "art-2", "missing"]) == {
        "art-1": vec(1.0), "art-2": vec(0.0, 0.0, 1.0), "missing": None}
    assert resolve_incidents(store).incidents_created == 2


def test_alike_headlines_from_the_store_let_reports_merge(es: Elasticsearch, settings: Settings) -> None:
    store = store_with(es, settings, {"art-1": vec(1.0, 1.0), "art-2": vec(1.0, 1.0)})
    assert resolve_incidents(store).incidents_created == 1


def test_the_greedy_resolver_is_still_there(es: Elasticsearch, settings: Settings) -> None:
    store = store_with(es, settings, {"art-1": vec(1.0), "art-2": vec(0.0, 0.0, 1.0)})
    assert resolve_incidents(store, config=ResolveConfig(learned=False)).incidents_created == 1
