"""The one job pipeline: crawl → NLP → resolve.

The scheduler service runs each step as its own job (`khabar.app.service`); `khabar demo`
(`khabar.demo.job`) runs a whole cycle with `run_cycle` and shows progress through a
`CycleObserver`. Both call the same step functions, so the two cannot drift apart.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from datetime import date

from khabar.core.records import CrawlRun
from khabar.core.settings import Settings
from khabar.crawlers.runner import EventCallback, crawl_source
from khabar.crawlers.sources import Source
from khabar.incidents.resolve import ResolveReport, resolve_incidents
from khabar.index.store import Store
from khabar.nlp.extract import Extractor
from khabar.nlp.process import ProcessReport, ProgressHook, process_pending

SourceCallbacks = Callable[[Source], EventCallback | None]

_extractor_lock = threading.Lock()
_extractor: Extractor | None = None


def shared_extractor() -> Extractor:
    """One NLP extractor per process (loading the models takes a while)."""
    global _extractor
    with _extractor_lock:
        if _extractor is None:
            _extractor = Extractor()
        return _extractor


# -- the steps ---------------------------------------------------------------------------------
def crawl_step(settings: Settings, sources: Sequence[Source], on_event_for: SourceCallbacks | None = None) -> list[CrawlRun]:
    """Crawl each source in a child process, one after another, and record each run."""
    return [crawl_source(settings, source, on_event=on_event_for(source) if on_event_for else None) for source in sources]


def nlp_step(store: Store, extractor: Extractor, progress: ProgressHook | None = None) -> ProcessReport:
    """Extract events from every article waiting for NLP."""
    return process_pending(store, extractor, progress=progress)


def resolve_step(store: Store, since: date | None = None) -> ResolveReport:
    """Merge the event mentions into incidents (incrementally: those written since the last run)."""
    return resolve_incidents(store, since=since, incremental=True)


# -- a whole cycle -----------------------------------------------------------------------------
class CycleObserver:
    """Hooks a cycle calls as it goes; the defaults do nothing (subclass to show progress)."""

    def crawling(self) -> AbstractContextManager[SourceCallbacks]:
        """Around the crawls: yields the event callback for each source."""
        return nullcontext(lambda source: None)

    def crawled(self, runs: list[CrawlRun]) -> None:
        """After the crawls."""

    def loading_models(self) -> AbstractContextManager[object]:
        """Around loading the NLP models."""
        return nullcontext()

    def processing(self, pending: int) -> AbstractContextManager[ProgressHook | None]:
        """Around NLP on `pending` articles: yields a hook called with each batch's size."""
        return nullcontext(None)

    def processed(self, report: ProcessReport | None) -> None:
        """After NLP (None: no article was waiting)."""

    def resolving(self) -> AbstractContextManager[object]:
        """Around incident resolution."""
        return nullcontext()

    def resolved(self, report: ResolveReport) -> None:
        """After incident resolution."""


@dataclass
class CycleReport:
    """What one cycle did."""

    runs: list[CrawlRun] = field(default_factory=list)
    nlp: ProcessReport | None = None
    resolved: ResolveReport = field(default_factory=ResolveReport)


def run_cycle(store: Store, sources: Sequence[Source], make_extractor: Callable[[], Extractor] = shared_extractor,
              observer: CycleObserver | None = None) -> CycleReport:
    """Crawl the sources, run NLP on what waits for it, resolve incidents; the extractor is only
    built when some article waits."""
    observer = observer or CycleObserver()
    report = CycleReport()
    with observer.crawling() as on_event_for:
        report.runs = crawl_step(store.settings, sources, on_event_for)
    observer.crawled(report.runs)
    pending = store.articles.count_pending()
    if pending:
        with observer.loading_models():
            extractor = make_extractor()
        with observer.processing(pending) as hook:
            report.nlp = nlp_step(store, extractor, hook)
    observer.processed(report.nlp)
    with observer.resolving():
        report.resolved = resolve_step(store)
    observer.resolved(report.resolved)
    return report

