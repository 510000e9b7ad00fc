"""Process pending articles: extract events, write mentions, then mark the article done.

Order matters for crash safety: an article's mentions are written (and stale ones
deleted) and flushed BEFORE the article is marked `done`, so an interrupted batch
leaves its articles `pending` and the next run redoes them; mention ids are
deterministic (`mention_id(article_id, position)`), so redoing never duplicates.

`extract_batch` is the pure step (articles in, mentions and failures out, no storage);
`process_pending` reads and writes through the storage layer (`khabar.index.store.Store`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from khabar.core.records import Article, EventMention, ExtractedEvent, utcnow
from khabar.index.store import Store, StoreConnectionError
from khabar.index.writer import BulkWriter
from khabar.nlp.extract import MODEL_VERSION, Extractor

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


def queue_mentions(writer: BulkWriter, article_id: str, mentions: list[EventMention], stored: set[str],
                   report: ProcessReport) -> None:
    """Queue an article's new mentions and the deletion of those it no longer has; an article that
    lost mentions is stamped `retracted_seq`, so the next incremental resolution revisits their incidents."""
    stale = stored - {m.id for m in mentions}
    for mention in mentions:
        writer.index("events", mention.id, mention, stamp="change_seq")  # incremental resolution picks it up
    for doc_id in sorted(stale):
        writer.delete("events", doc_id)
    if stale:
        writer.update("articles", article_id, {}, stamp="retracted_seq")
    report.mentions_written += len(mentions)
    report.mentions_deleted += len(stale)


def mark_article(writer: BulkWriter, article_id: str, partial: dict[str, Any], read: Article | None = None) -> None:
    """Queue a partial update of the article's NLP fields; with `read` (the article as processed)
    only if its text was not re-crawled since (same content hash and version), else it stays pending."""
    guard = {"content_hash": read.content_hash, "version": read.version} if read is not None else None
    writer.update("articles", article_id, partial, if_matches=guard)


def requeue_articles(store: Store, statuses: tuple[str, ...] = ("done", "failed")) -> int:
    """Mark articles with these NLP statuses pending again (after a model update, or to retry
    failures); `process` then re-extracts them, replacing their mentions. Returns the count."""
    count = 0
    with store.writer() as writer:
        for article_id in store.articles.ids_with_status(statuses):
            mark_article(writer, article_id, {"nlp_status": "pending", "nlp_error": None})
            count += 1
    store.articles.refresh()
    return count


def process_pending(store: Store, extractor: Extractor, batch_size: int | None = None,
                    limit: int | None = None, progress: ProgressHook | None = None) -> ProcessReport:
    """Extract events from pending articles and index them (see module docstring for the order)."""
    report = ProcessReport()
    size = batch_size or store.settings.nlp.batch_size
    articles = list(store.articles.pending(limit))
    store.mentions.refresh()
    with store.writer() as writer:
        for start in range(0, len(articles), size):
            batch = articles[start : start + size]
            _process_batch(store, extractor, writer, batch, report)
            if progress is not None:
                progress(len(batch))
    store.refresh("articles", "events")
    return report


@dataclass
class BatchResult:
    """What extraction made of one batch: mentions of the articles that worked, errors of those that failed."""

    mentions: dict[str, list[EventMention]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    article_vectors: dict[str, list[float] | None] = field(default_factory=dict)


def extract_batch(extractor: Extractor, batch: list[Article]) -> BatchResult:
    """Extract one batch with `nlp.pipe` (pure: no storage); a failing article is recorded as
    failed and the rest go on. A storage connection error is re-raised."""
    by_id = {a.id: a for a in batch}
    result = BatchResult(article_vectors={a.id: v for a, v in zip(batch, extractor.article_embeddings(batch), strict=True)})
    results = extractor.extract_many_with_embeddings(batch, batch_size=len(batch))
    for article in batch:
        try:
            art_id, events, embeddings = next(results)
            result.mentions[art_id] = to_mentions(by_id[art_id], events, embeddings)
        except StopIteration:
            break
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the batch
            if isinstance(exc, StoreConnectionError):
                raise  # transport failures abort the run (articles stay pending) instead of marking articles failed
            log.exception("article %s failed", article.id)
            result.failed[article.id] = str(exc)
            results = extractor.extract_many_with_embeddings(batch[batch.index(article) + 1 :], batch_size=len(batch))
    return result


def _process_batch(store: Store, extractor: Extractor, writer: BulkWriter, batch: list[Article],
                   report: ProcessReport) -> None:
    """Extract one batch and write it.

    Every mention of the batch is flushed before any of its articles is marked done, so a
    crash in between leaves those articles pending, to be redone (their mention ids are stable).
    """
    stored = store.mentions.ids_by_article([a.id for a in batch])
    result = extract_batch(extractor, batch)
    for article in batch:
        if article.id in result.mentions:
            report.articles += 1
            queue_mentions(writer, article.id, result.mentions[article.id], stored.get(article.id, set()), report)
        elif article.id in result.failed:
            report.articles += 1
            report.failed += 1
            report.errors.append(f"{article.id}: {result.failed[article.id]}")
            mark_article(writer, article.id, {"nlp_status": "failed", "nlp_error": result.failed[article.id][:1000],
                                              "nlp_processed_at": utcnow()})
    writer.flush()
    read = {a.id: a for a in batch}
    stale_before = writer.totals.stale
    for art_id, mentions in result.mentions.items():
        mark_article(writer, art_id, {"nlp_status": "done", "nlp_processed_at": utcnow(), "event_count": len(mentions),
                                      "nlp_error": None, "embedding": result.article_vectors.get(art_id)}, read[art_id])
        report.done += 1
    writer.flush()
    report.done -= writer.totals.stale - stale_before  # re-crawled meanwhile: left pending, redone next run
