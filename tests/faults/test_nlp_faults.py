"""NLP marks an article done only if it was not re-crawled while its events were extracted."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from elasticsearch import Elasticsearch

from khabar.core.records import Article
from khabar.core.settings import Settings
from khabar.index.store import Store
from khabar.index.templates import alias_name
from khabar.nlp.extract import Extractor
from khabar.nlp.process import process_pending
from tests.test_nlp_process import PUB, ROUNDUP, SINGLE


def put(es: Elasticsearch, settings: Settings, url: str, text: str, version: int = 1) -> Article:
    art = Article(url=url, text=text, published_at=PUB, outlet="Test Times", source_id="test", title="T", version=version)
    es.index(index=alias_name(settings, "articles"), id=art.id, document=art.model_dump(mode="json"), refresh=True)
    return art


class CrawlerRacingExtractor:
    """The real extractor; while it works, "the crawler" re-crawls one article with new text and
    only touches `last_seen` of another (as a concurrent crawl does)."""

    def __init__(self, inner: Extractor, during: Any) -> None:
        self.inner = inner
        self.during = during

    def article_embeddings(self, batch: list[Article]) -> list[Any]:
        return self.inner.article_embeddings(batch)

    def extract_many_with_embeddings(self, batch: list[Article], batch_size: int) -> Iterator[Any]:
        self.during()
        yield from self.inner.extract_many_with_embeddings(batch, batch_size=batch_size)


def test_an_article_recrawled_during_nlp_stays_pending_and_gets_the_new_events(
        es: Elasticsearch, settings: Settings, extractor: Extractor) -> None:
    index = alias_name(settings, "articles")
    recrawled = put(es, settings, "https://example.test/recrawled", ROUNDUP)
    seen_again = put(es, settings, "https://example.test/seen-again", SINGLE)

    def crawl_meanwhile() -> None:
        put(es, settings, recrawled.url, SINGLE, version=2)  # new text: a new content hash and version
        es.update(index=index, id=seen_again.id, doc={"last_seen": datetime.now(UTC).isoformat()}, refresh=True)

    store = Store(es, settings)
    report = process_pending(store, CrawlerRacingExtractor(extractor, crawl_meanwhile))  # type: ignore[arg-type]
    assert report.done == 1
    after = es.get(index=index, id=recrawled.id)["_source"]
    assert after["nlp_status"] == "pending" and after["text"] == SINGLE  # not "done" with the old text's events
    assert es.get(index=index, id=seen_again.id)["_source"]["nlp_status"] == "done"  # last_seen alone changes nothing

    again = process_pending(store, extractor)  # the next run redoes it, from the new text
    assert again.done == 1
    assert es.get(index=index, id=recrawled.id)["_source"]["nlp_status"] == "done"
    events = alias_name(settings, "events")
    es.indices.refresh(index=events)
    hits = es.search(index=events, query={"term": {"article_id": recrawled.id}}, size=50)["hits"]["hits"]
    assert len(hits) == 1 and hits[0]["_source"]["article_version"] == 2
