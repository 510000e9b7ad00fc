"""Prometheus metrics, collected at scrape time from Elasticsearch, the spool and the job log.

Everything is read when `/metrics` is scraped (a custom collector), so the numbers are the
same whichever process wrote them (service, CLI crawl, demo).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from prometheus_client import CollectorRegistry, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from khabar.app.alerts import alert_metrics
from khabar.app.status import JobLog, spool_size
from khabar.core.records import CrawlErrors
from khabar.index.store import Store

log = logging.getLogger(__name__)

DOC_KINDS = {"articles": "articles", "events": "events", "incidents": "incidents", "crawl-runs": "crawl_runs"}


def crawl_totals(store: Store) -> dict[str, float]:
    """Sums over every crawl run: pages fetched, bytes, articles new/updated and errors by kind."""
    fields = ["pages_fetched", "bytes", "articles_new", "articles_updated"] + [f"errors.{k}" for k in CrawlErrors.model_fields]
    return store.crawl_runs.sums(fields)


class KhabarCollector(Collector):
    """Yields Khabar's metrics on every scrape."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.settings = store.settings

    def collect(self) -> Iterator[Metric]:
        up = GaugeMetricFamily("khabar_elasticsearch_up", "1 when Elasticsearch answered this scrape")
        try:
            yield from self._from_es()
            up.add_metric([], 1)
        except Exception as exc:  # noqa: BLE001 - a scrape must not fail because ES is down
            log.warning("metrics: Elasticsearch unavailable: %s", exc)
            up.add_metric([], 0)
        yield up
        try:  # watchlists, outbox (queue length), delivery attempts, alerts
            yield from list(alert_metrics(self.store.alerts))
        except Exception as exc:  # noqa: BLE001 - a scrape must not fail because ES is down
            log.warning("metrics: alert metrics unavailable: %s", exc)
        yield from self._from_files()

    def _from_es(self) -> Iterator[Metric]:
        docs = GaugeMetricFamily("khabar_documents", "Documents stored, by index kind", labels=["kind"])
        for kind, label in DOC_KINDS.items():
            docs.add_metric([label], self.store.count(kind))
        totals = crawl_totals(self.store)
        pages = CounterMetricFamily("khabar_pages_fetched", "Pages fetched by all crawl runs")
        pages.add_metric([], totals["pages_fetched"])
        fetched = CounterMetricFamily("khabar_bytes_fetched", "Bytes fetched by all crawl runs")
        fetched.add_metric([], totals["bytes"])
        articles = CounterMetricFamily("khabar_crawl_articles", "Articles stored by crawl runs, by outcome", labels=["outcome"])
        articles.add_metric(["new"], totals["articles_new"])
        articles.add_metric(["updated"], totals["articles_updated"])
        errors = CounterMetricFamily("khabar_crawl_errors", "Crawl errors, by kind", labels=["kind"])
        for kind in CrawlErrors.model_fields:
            errors.add_metric([kind], totals[f"errors.{kind}"])
        nlp = GaugeMetricFamily("khabar_articles_by_nlp_status", "Articles by NLP status", labels=["status"])
        counts = self.store.articles.status_counts()
        for status in ("pending", "done", "failed"):
            nlp.add_metric([status], counts.get(status, 0))
        yield from (docs, pages, fetched, articles, errors, nlp)

    def _from_files(self) -> Iterator[Metric]:
        spool = GaugeMetricFamily("khabar_spool_operations", "Operations waiting in the spool for Elasticsearch")
        spool.add_metric([], spool_size(self.settings))
        yield spool
        duration = GaugeMetricFamily("khabar_job_last_duration_seconds", "Duration of each job's last run", labels=["job"])
        success = GaugeMetricFamily("khabar_job_last_success_timestamp_seconds", "When each job last succeeded", labels=["job"])
        ok = GaugeMetricFamily("khabar_job_last_run_ok", "1 when the job's last run succeeded", labels=["job"])
        runs = CounterMetricFamily("khabar_job_runs", "Job runs, by outcome", labels=["job", "outcome"])
        for job_id, run in sorted(JobLog.for_settings(self.settings).all().items()):
            if run.duration_seconds is not None:
                duration.add_metric([job_id], run.duration_seconds)
            if run.last_success is not None:
                success.add_metric([job_id], run.last_success.timestamp())
            if run.outcome is not None:
                ok.add_metric([job_id], 1 if run.outcome == "ok" else 0)
            runs.add_metric([job_id, "error"], run.failures)
            runs.add_metric([job_id, "ok_or_skipped"], run.runs - run.failures)
        yield from (duration, success, ok, runs)


def make_registry(store: Store) -> CollectorRegistry:
    """A registry holding only Khabar's collector (one per app, so tests don't collide)."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(KhabarCollector(store))
    return registry


def render(registry: Any) -> bytes:
    """The Prometheus text exposition of a registry."""
    return generate_latest(registry)
