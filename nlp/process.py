"""Process pending articles: extract events, write mentions, then mark the article done.

Order matters for crash safety: an article's mentions are written (and stale ones
deleted) and flushed BEFORE the article is marked `done`, so an interrupted batch
leaves its articles `pending` and the next run redoes them; mention ids are
deterministic (`mention_id(article_id, position)`), so redoing never duplicates.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch, helpers
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter
from khabar.nlp.extract import MODEL_VERSION, Extractor

from khabar.core.records import Article, EventMention, ExtractedEvent, utcnow
from khabar.core.settings import Settings

log = logging.getLogger(__name__)
ProgressHook = Callable[[int], None]


@dataclass
class ProcessReport:
    """What one `process_pending` run did."""

    articles: int = 0
    done: int = 0
    failed: int = 0
    mentions_written: int = 0
    mentions_deleted: int = 0
    errors: list[str] = field(default_factory=list)


def pending_articles(es: Elasticsearch, settings: Settings, limit: int | None, page: int = 200) -> Iterator[Article]:
    """Articles with `nlp_status: pending`, oldest first, at most `limit`."""
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    seen, after = 0, None
    while limit is None or seen < limit:
        size = page if limit is None else min(page, limit - seen)
        body: dict[str, Any] = {"query": {"term": {"nlp_status": "pending"}}, "size": size, "sort": [{"_doc": "asc"}]}
        if after is not None:
            body["search_after"] = after
        hits = es.search(index=index, **body)["hits"]["hits"]
        if not hits:
            return
        for hit in hits:
            yield Article.model_validate({**hit["_source"], "id": hit["_id"]})
            seen += 1
        after = hits[-1]["sort"]


def existing_mentions(es: Elasticsearch, settings: Settings, article_ids: list[str]) -> dict[str, set[str]]:
    """Ids of the mentions currently stored for each of these articles (one query)."""
    resp = es.search(index=alias_name(settings, "events"), query={"terms": {"article_id": article_ids}},
                      size=10_000, source_includes=["article_id"])
    stored: dict[str, set[str]] = {a: set() for a in article_ids}
    for hit in resp["hits"]["hits"]:
        stored.setdefault(hit["_source"]["article_id"], set()).add(hit["_id"])
    return stored


def to_mentions(article: Article, events: list[ExtractedEvent], embeddings: list[list[float] | None]) -> list[EventMention]:
    """EventMentions with the article's fields copied."""
    out = []
    for position, (event, emb) in enumerate(zip(events, embeddings, strict=True)):
        out.append(EventMention(
            **event.model_dump(exclude={"location"}), location=event.location,
            article_id=article.id, position=position, article_url=article.url, article_version=article.version,
            source_id=article.source_id, outlet=article.outlet, title=article.title,
            published_at=article.published_at, model_version=MODEL_VERSION, embedding=emb,
        ))
    return out


def queue_mentions(writer: BulkWriter, mentions: list[EventMention], stored: set[str], report: ProcessReport) -> None:
    """Queue an article's new mentions and the deletion of those it no longer has."""
    stale = stored - {m.id for m in mentions}
    for mention in mentions:
        writer.index("events", mention.id, mention)
    for doc_id in sorted(stale):
        writer.delete("events", doc_id)
    report.mentions_written += len(mentions)
    report.mentions_deleted += len(stale)


def mark_article(writer: BulkWriter, article_id: str, partial: dict[str, Any]) -> None:
    """Queue a partial update of the article's NLP fields."""
    writer.update("articles", article_id, partial)


def requeue_articles(es: Elasticsearch, settings: Settings, statuses: tuple[str, ...] = ("done", "failed")) -> int:
    """Mark articles with these NLP statuses pending again (after a model update, or to retry
    failures); `process` then re-extracts them, replacing their mentions. Returns the count."""
    query = {"query": {"terms": {"nlp_status": list(statuses)}}}
    count = 0
    with BulkWriter(es, settings) as writer:
        for hit in helpers.scan(es, index=alias_name(settings, "articles"), query=query, _source=False):
            mark_article(writer, hit["_id"], {"nlp_status": "pending", "nlp_error": None})
            count += 1
    es.indices.refresh(index=alias_name(settings, "articles"))
    return count


def process_pending(es: Elasticsearch, settings: Settings, extractor: Extractor, batch_size: int | None = None,
                    limit: int | None = None, progress: ProgressHook | None = None) -> ProcessReport:
    """Extract events from pending articles and index them (see module docstring for the order)."""
    report = ProcessReport()
    size = batch_size or settings.nlp.batch_size
    articles = list(pending_articles(es, settings, limit))
    es.indices.refresh(index=alias_name(settings, "events"))
    with BulkWriter(es, settings) as writer:
        for start in range(0, len(articles), size):
            batch = articles[start : start + size]
            _process_batch(es, settings, extractor, writer, batch, report)
            if progress is not None:
                progress(len(batch))
    es.indices.refresh(index=[alias_name(settings, "articles"), alias_name(settings, "events")])
    return report


def _process_batch(es: Elasticsearch, settings: Settings, extractor: Extractor, writer: BulkWriter,
                   batch: list[Article], report: ProcessReport) -> None:
    """Extract one batch with `nlp.pipe`; a failing article is marked failed, the rest go on.

    Every mention of the batch is flushed before any of its articles is marked done, so a
    crash in between leaves those articles pending, to be redone (their mention ids are stable).
    """
    by_id = {a.id: a for a in batch}
    stored = existing_mentions(es, settings, list(by_id))
    article_vectors = {a.id: v for a, v in zip(batch, extractor.article_embeddings(batch), strict=True)}
    results = extractor.extract_many_with_embeddings(batch, batch_size=len(batch))
    finished: dict[str, int] = {}
    for article in batch:
        report.articles += 1
        try:
            art_id, events, embeddings = next(results)
            mentions = to_mentions(by_id[art_id], events, embeddings)
            queue_mentions(writer, mentions, stored.get(art_id, set()), report)
            finished[art_id] = len(mentions)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            if _is_connection_error(exc):
                raise
            log.exception("article %s failed", article.id)
            report.failed += 1
            report.errors.append(f"{article.id}: {exc}")
            mark_article(writer, article.id, {"nlp_status": "failed", "nlp_error": str(exc)[:1000],
                                              "nlp_processed_at": utcnow()})
            results = extractor.extract_many_with_embeddings(batch[batch.index(article) + 1 :], batch_size=len(batch))
    writer.flush()
    for art_id, count in finished.items():
        mark_article(writer, art_id, {"nlp_status": "done", "nlp_processed_at": utcnow(), "event_count": count,
                                      "nlp_error": None, "embedding": article_vectors.get(art_id)})
        report.done += 1
    writer.flush()


def _is_connection_error(exc: Exception) -> bool:
    """Transport failures abort the run (articles stay pending) instead of marking articles failed."""
    from elastic_transport import ConnectionError as TransportConnectionError

    return isinstance(exc, TransportConnectionError)
