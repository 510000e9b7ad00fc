"""`khabar demo`: one full cycle on the demo news site, end to end, with progress.

1. Elasticsearch: the configured cluster when `KHABAR_ES_URL` is set or it already answers,
   else the local node (`khabar es start`, fetched on first use); indices initialised.
2. The demo site served on 127.0.0.1:PORT in a thread.
3. The job pipeline's cycle (`khabar.app.pipeline.run_cycle`, the same steps the scheduler
   runs) over every demo source (`demo/sources.yaml`, never the production sources file):
   crawl → NLP → resolution.
4. The trend report for the latest year in the data, and a trends table by group.

Idempotent: ids are deterministic, the crawl sees unchanged articles, NLP only takes
pending articles and resolution rewrites only changed incidents, so a second run adds nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from khabar.app import es_local
from khabar.app.pipeline import CycleObserver, SourceCallbacks, run_cycle
from khabar.core.errors import KhabarError
from khabar.core.records import CrawlRun
from khabar.core.settings import Settings
from khabar.crawlers.runner import crawl_display
from khabar.crawlers.sources import Source, load_sources
from khabar.demo import DEMO_DIR
from khabar.demo.server import serve_in_thread
from khabar.incidents.resolve import ResolveReport
from khabar.index.report import render_text
from khabar.index.store import Store
from khabar.nlp.extract import Extractor
from khabar.nlp.process import ProcessReport, ProgressHook

DEMO_PREFIX = "demo-"
DEMO_HOST = "127.0.0.1:8765"
DEMO_SOURCES = DEMO_DIR / "sources.yaml"  # the demo outlets; production sources files never list them


@dataclass
class DemoResult:
    """What one demo cycle did."""

    runs: list[CrawlRun] = field(default_factory=list)
    processed: int = 0
    incidents_created: int = 0
    incidents_updated: int = 0
    year: int | None = None
    report_text: str = ""


def ensure_elasticsearch(settings: Settings, console: Console) -> Store:
    """The configured cluster when KHABAR_ES_URL is set or it answers, else the local node (started)."""
    if not os.environ.get("KHABAR_ES_URL") and es_local.health(settings.elasticsearch.url) is None:
        with console.status("starting the local Elasticsearch (first run downloads it)…"):
            node = es_local.start(settings)
        settings.elasticsearch.url = node.url
    return Store.connect(settings, check=True)


def demo_sources(port: int, sources_file: Path = DEMO_SOURCES) -> list[Source]:
    """The demo sources (`demo/sources.yaml`: loopback allowed), pointed at the demo site's port."""
    sources = [s for s in load_sources(sources_file).sources if s.id.startswith(DEMO_PREFIX)]
    if not sources:
        raise KhabarError(f"no demo sources (ids starting with {DEMO_PREFIX!r}) in {sources_file}")
    host = f"127.0.0.1:{port}"
    if host != DEMO_HOST:
        sources = [s.model_copy(update={"urls": [u.replace(DEMO_HOST, host) for u in s.urls]}) for s in sources]
    return [s.model_copy(update={"enabled": True}) for s in sources]


class ConsoleObserver(CycleObserver):
    """Shows a cycle's progress on a rich console: a line per crawl, an NLP bar, summaries."""

    def __init__(self, console: Console) -> None:
        self.console = console

    def crawling(self) -> AbstractContextManager[SourceCallbacks]:
        return crawl_display(True, self.console)

    def crawled(self, runs: list[CrawlRun]) -> None:
        for run in runs:
            self.console.print(f"  {run.source_id}: {run.status}, {run.pages_fetched} pages, {run.articles_new} new, "
                               f"{run.articles_updated} updated, {run.articles_unchanged} unchanged, {run.errors.total} errors",
                               highlight=False)

    def loading_models(self) -> AbstractContextManager[object]:
        return self.console.status("loading the NLP models…")

    @contextmanager
    def processing(self, pending: int) -> Iterator[ProgressHook | None]:
        columns = (TextColumn("[bold]NLP"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
        with Progress(*columns, console=self.console) as bar:
            task = bar.add_task("nlp", total=pending)
            yield lambda n: bar.advance(task, n)

    def processed(self, report: ProcessReport | None) -> None:
        if report is None:
            self.console.print("NLP: no articles waiting")
        else:
            self.console.print(f"NLP: {report.done} articles processed, {report.failed} failed, "
                               f"{report.mentions_written} events written")

    def resolving(self) -> AbstractContextManager[object]:
        return self.console.status("resolving incidents…")

    def resolved(self, report: ResolveReport) -> None:
        self.console.print(f"Incidents: {report.incidents_created} new, {report.incidents_updated} updated, "
                           f"{report.incidents_unchanged} unchanged (from {report.mentions} event mentions)")


def trends_table(store: Store, year: int) -> Table:
    """Incidents and deaths by group in `year`."""
    span = {"date_from": date(year, 1, 1), "date_to": date(year, 12, 31)}
    counts = store.trends(by="group", interval="year", **span)
    deaths = store.trends(by="group", interval="year", metric="killed", **span)
    killed = {row.key: row.value for row in deaths.rows}
    table = Table("group", "incidents", "killed", "incidents a year earlier", title=f"Trends by group, {year}")
    for row in counts.rows:
        table.add_row(row.key, str(row.value), str(killed.get(row.key, 0)),
                      "-" if row.previous_year_value is None else str(row.previous_year_value))
    return table


def run_demo(settings: Settings, *, port: int = 8765, keep_running: bool = False, rules_only: bool = False,
             console: Console | None = None) -> DemoResult:
    """Run the whole demo cycle; returns what it did."""
    console = console or Console()
    result = DemoResult()
    store = ensure_elasticsearch(settings, console)
    store.init_indices()
    console.print(f"Elasticsearch: {settings.elasticsearch.url} (indices {settings.elasticsearch.index_prefix}-*)")
    try:
        server, base = serve_in_thread(port=port)
    except OSError as exc:
        raise KhabarError(f"cannot serve the demo site on 127.0.0.1:{port} ({exc}): stop what uses that port or pass --port") from None
    try:
        console.print(f"Demo news site: {base}/")
        make_extractor = (lambda: Extractor(classifier=None)) if rules_only else Extractor
        cycle = run_cycle(store, demo_sources(port), make_extractor, ConsoleObserver(console))
        result.runs = cycle.runs
        result.processed = cycle.nlp.articles if cycle.nlp is not None else 0
        result.incidents_created, result.incidents_updated = cycle.resolved.incidents_created, cycle.resolved.incidents_updated
        result.year = store.incidents.latest_year()
        if result.year is not None:
            result.report_text = render_text(store.report(result.year))
            console.print()
            console.print(result.report_text, highlight=False)
            console.print(trends_table(store, result.year))
        else:
            console.print("No dated incidents yet: nothing to report.")
        console.print(
            "\nNext:\n"
            "  • the API:   KHABAR_API_KEYS=secret khabar serve   → http://127.0.0.1:8080/openapi.json "
            "(curl -H 'X-API-Key: secret' http://127.0.0.1:8080/v1/incidents)\n"
            "  • the console: KHABAR_API_KEYS=secret:analyst khabar serve → http://127.0.0.1:8080/ui/ (docs/analysts.md)\n"
            "  • watchlists and alerts: khabar watch add …, khabar alerts (docs/alerts.md)\n"
            "  • the scheduler's view: khabar status\n"
            "  • exports:   khabar export --format gtd-csv -o incidents.csv\n"
            "  • dashboards: docker compose up -d kibana, then `khabar kibana import` "
            f"(Kibana at http://127.0.0.1:5601, data view {settings.elasticsearch.index_prefix}-incidents)",
            highlight=False,
        )
        if keep_running:
            console.print(f"Serving the demo site at {base}/ until Ctrl-C…")
            try:
                while True:
                    time.sleep(1)
            except KeyboardInterrupt:
                pass
    finally:
        server.shutdown()
        server.server_close()
    return result
