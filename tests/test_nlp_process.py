"""`process_pending` against the real Elasticsearch test fixture."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from elasticsearch import Elasticsearch

import khabar.nlp.process as process_mod
from khabar.core.records import Article, mention_id
from khabar.core.settings import Settings
from khabar.index.store import Store
from khabar.index.templates import alias_name
from khabar.nlp.extract import Extractor
from khabar.nlp.process import process_pending, requeue_articles

PUB = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)
ROUNDUP = (
    "Security forces killed five terrorists in an intelligence-based operation in North Waziristan on Tuesday.\n\n"
    "In another incident, a roadside bomb exploded near a passenger van in Turbat, killing two people."
)
SINGLE = "Three soldiers were martyred when terrorists attacked a checkpost in Kech on Monday."


def put_article(es: Elasticsearch, settings: Settings, url: str, text: str) -> Article:
    art = Article(url=url, text=text, published_at=PUB, outlet="Test Times", source_id="test", title="T", version=2)
    es.index(index=alias_name(settings, "articles"), id=art.id, document=art.model_dump(mode="json"), refresh=True)
    return art


def get_article(es: Elasticsearch, settings: Settings, art: Article) -> dict[str, Any]:
    return es.get(index=alias_name(settings, "articles"), id=art.id)["_source"]  # type: ignore[no-any-return]


def mentions(es: Elasticsearch, settings: Settings, art: Article) -> list[dict[str, Any]]:
    index = alias_name(settings, "events")
    es.indices.refresh(index=index)
    hits = es.search(index=index, query={"term": {"article_id": art.id}}, size=100)["hits"]["hits"]
    return sorted((h["_source"] | {"_id": h["_id"]} for h in hits), key=lambda d: d["position"])


def test_pending_to_done_and_rerun_replaces(es: Elasticsearch, settings: Settings, extractor: Extractor) -> None:
    art = put_article(es, settings, "https://example.test/roundup", ROUNDUP)
    report = process_pending(Store(es, settings), extractor, batch_size=4)
    assert (report.done, report.failed, report.mentions_written) == (1, 0, 2)
    stored = get_article(es, settings, art)
    assert stored["nlp_status"] == "done" and stored["event_count"] == 2 and stored["nlp_processed_at"]
    docs = mentions(es, settings, art)
    assert [d["_id"] for d in docs] == [mention_id(art.id, 0), mention_id(art.id, 1)]
    assert docs[1]["outlet"] == "Test Times" and docs[1]["article_version"] == 2 and docs[1]["published_at"]
    assert docs[1]["article_url"] == art.url and docs[1]["event_type"] == "bombing"

    # the article is edited: one event now; re-processing replaces, never duplicates
    es.update(index=alias_name(settings, "articles"), id=art.id,
              doc={"text": SINGLE, "nlp_status": "pending"}, refresh=True)
    report = process_pending(Store(es, settings), extractor)
    assert report.mentions_deleted == 1
    docs = mentions(es, settings, art)
    assert [d["_id"] for d in docs] == [mention_id(art.id, 0)] and docs[0]["killed"] == 3
    assert process_pending(Store(es, settings), extractor).articles == 0


def test_crash_after_mentions_leaves_article_pending(es: Elasticsearch, settings: Settings, extractor: Extractor,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    art = put_article(es, settings, "https://example.test/single", SINGLE)

    def crash(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt("killed mid-batch")

    monkeypatch.setattr(process_mod, "mark_article", crash)
    with pytest.raises(KeyboardInterrupt):
        process_pending(Store(es, settings), extractor)
    assert len(mentions(es, settings, art)) == 1
    assert get_article(es, settings, art)["nlp_status"] == "pending"

    monkeypatch.undo()
    report = process_pending(Store(es, settings), extractor, limit=10)
    assert report.done == 1
    assert get_article(es, settings, art)["nlp_status"] == "done"
    assert len(mentions(es, settings, art)) == 1


def test_failed_article_is_marked(es: Elasticsearch, settings: Settings, extractor: Extractor,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    art = put_article(es, settings, "https://example.test/bad", SINGLE)

    def boom(*args: object, **kwargs: object) -> list[object]:
        raise ValueError("bad article")

    monkeypatch.setattr(process_mod, "to_mentions", boom)
    report = process_pending(Store(es, settings), extractor)
    assert report.failed == 1
    stored = get_article(es, settings, art)
    assert stored["nlp_status"] == "failed" and "bad article" in stored["nlp_error"]


def test_reprocess_requeues_done_and_failed_articles(es: Elasticsearch, settings: Settings, extractor: Extractor) -> None:
    done = put_article(es, settings, "https://example.test/done", SINGLE)
    process_pending(Store(es, settings), extractor)
    failed = put_article(es, settings, "https://example.test/failed", SINGLE)
    es.update(index=alias_name(settings, "articles"), id=failed.id, doc={"nlp_status": "failed", "nlp_error": "x"}, refresh=True)
    assert requeue_articles(Store(es, settings), ("failed",)) == 1
    assert get_article(es, settings, failed)["nlp_status"] == "pending"
    assert get_article(es, settings, done)["nlp_status"] == "done"
    assert requeue_articles(Store(es, settings)) == 1
    report = process_pending(Store(es, settings), extractor)
    assert report.done == 2 and report.mentions_written == 2
    assert len(mentions(es, settings, done)) == 1


class UnitVectors:
    """A stand-in classifier: every text is relevant and embeds to the same 384-d unit vector."""

    def relevance(self, texts: list[str]) -> list[float]:
        return [0.99] * len(texts)

    def event_type_scores(self, texts: list[str]) -> list[dict[str, float]]:
        return [{} for _ in texts]

    def embed(self, texts: list[str]) -> list[list[float]]:
        return [[1.0] + [0.0] * 383 for _ in texts]


def test_article_and_event_embeddings_are_stored(es: Elasticsearch, settings: Settings, extractor: Extractor) -> None:
    art = put_article(es, settings, "https://example.test/embedded", SINGLE)
    with_vectors = Extractor(nlp=extractor.nlp, classifier=UnitVectors())
    report = process_pending(Store(es, settings), with_vectors)
    assert report.done == 1
    stored = get_article(es, settings, art)
    assert stored["nlp_status"] == "done"
    assert len(stored["embedding"]) == 384
    assert len(mentions(es, settings, art)[0]["embedding"]) == 384
