"""`khabar demo`: one full cycle on the demo news site, end to end, with progress.

1. Elasticsearch: the configured cluster when `KHABAR_ES_URL` is set or it already answers,
   else the local node (`khabar es start`, fetched on first use); indices initialised.
2. The demo site served on 127.0.0.1:PORT in a thread.
3. Crawl every demo source (`demo-*` in the sources file) → NLP on waiting articles →
   incident resolution.
4. The trend report for the latest year in the data, and a trends table by group.

Idempotent: ids are deterministic, the crawl sees unchanged articles, NLP only takes
pending articles and resolution rewrites only changed incidents, so a second run adds nothing.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from elasticsearch import Elasticsearch
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from khabar.core.errors import KhabarError
from khabar.core.records import CrawlRun
from khabar.core.settings import Settings
from khabar.index.templates import alias_name

DEMO_PREFIX = "demo-"
DEMO_HOST = "127.0.0.1:8765"


@dataclass
class DemoResult:
    """What one demo cycle did."""

    runs: list[CrawlRun] = field(default_factory=list)
    processed: int = 0
    incidents_created: int = 0
    incidents_updated: int = 0
    year: int | None = None
    report_text: str = ""


def ensure_elasticsearch(settings: Settings, console: Console) -> Elasticsearch:
    """The configured cluster when KHABAR_ES_URL is set or it answers, else the local node (started)."""
    from khabar.app import es_local
    from khabar.index.client import ensure_reachable, es_client

    if not os.environ.get("KHABAR_ES_URL") and es_local.health(settings.elasticsearch.url) is None:
        with console.status("starting the local Elasticsearch (first run downloads it)…"):
            node = es_local.start(settings)
        settings.elasticsearch.url = node.url
    es = es_client(settings)
    ensure_reachable(es, settings)
    return es


def demo_sources(settings: Settings, port: int) -> list[Any]:
    """The demo sources from the sources file, pointed at the demo site's port."""
    from khabar.crawlers.sources import load_sources

    sources = [s for s in load_sources(settings.sources_file).sources if s.id.startswith(DEMO_PREFIX)]
    if not sources:
        raise KhabarError(f"no demo sources (ids starting with {DEMO_PREFIX!r}) in {settings.sources_file}")
    host = f"127.0.0.1:{port}"
    if host != DEMO_HOST:
        sources = [s.model_copy(update={"urls": [u.replace(DEMO_HOST, host) for u in s.urls]}) for s in sources]
    return [s.model_copy(update={"enabled": True}) for s in sources]


def crawl_all(settings: Settings, sources: list[Any], console: Console) -> list[CrawlRun]:
    """Crawl each demo source (child processes) with a live progress line per source."""
    from khabar.crawlers.runner import crawl_display, crawl_source

    runs = []
    with crawl_display(True, console) as on_event_for:
        for source in sources:
            runs.append(crawl_source(settings, source, on_event=on_event_for(source)))
    return runs


def process_all(es: Elasticsearch, settings: Settings, console: Console, rules_only: bool = False) -> int:
    """NLP on every article waiting for it, with a progress bar."""
    from khabar.nlp.extract import Extractor
    from khabar.nlp.process import process_pending

    es.indices.refresh(index=alias_name(settings, "articles"))
    pending = int(es.count(index=alias_name(settings, "articles"), query={"term": {"nlp_status": "pending"}})["count"])
    if not pending:
        console.print("NLP: no articles waiting")
        return 0
    with console.status("loading the NLP models…"):
        extractor = Extractor(classifier=None) if rules_only else Extractor()
    columns = (TextColumn("[bold]NLP"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console) as bar:
        task = bar.add_task("nlp", total=pending)
        hook: Callable[[int], None] = lambda n: bar.advance(task, n)  # noqa: E731
        report = process_pending(es, settings, extractor, progress=hook)
    console.print(f"NLP: {report.done} articles processed, {report.failed} failed, {report.mentions_written} events written")
    return int(report.articles)


def latest_year(es: Elasticsearch, settings: Settings) -> int | None:
    """The year of the newest dated incident."""
    resp = es.search(index=alias_name(settings, "incidents"), size=0, aggs={"latest": {"max": {"field": "date"}}})
    value = resp["aggregations"]["latest"].get("value_as_string")
    return int(value[:4]) if value else None


def trends_table(es: Elasticsearch, settings: Settings, year: int) -> Table:
    """Incidents and deaths by group in `year`."""
    from datetime import date

    from khabar.index.trends import trends

    counts = trends(es, settings, by="group", interval="year", date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    deaths = trends(es, settings, by="group", interval="year", metric="killed", date_from=date(year, 1, 1), date_to=date(year, 12, 31))
    killed = {row.key: row.value for row in deaths.rows}
    table = Table("group", "incidents", "killed", "incidents a year earlier", title=f"Trends by group, {year}")
    for row in counts.rows:
        table.add_row(row.key, str(row.value), str(killed.get(row.key, 0)),
                      "-" if row.previous_year_value is None else str(row.previous_year_value))
    return table


def run_demo(settings: Settings, *, port: int = 8765, keep_running: bool = False, rules_only: bool = False,
             console: Console | None = None) -> DemoResult:
    """Run the whole demo cycle; returns what it did."""
    from khabar.demo.server import serve_in_thread
    from khabar.incidents.resolve import resolve_incidents
    from khabar.index.report import build_report, render_text
    from khabar.index.templates import init_indices

    console = console or Console()
    result = DemoResult()
    es = ensure_elasticsearch(settings, console)
    init_indices(es, settings)
    console.print(f"Elasticsearch: {settings.elasticsearch.url} (indices {settings.elasticsearch.index_prefix}-*)")
    try:
        server, base = serve_in_thread(port=port)
    except OSError as exc:
        raise KhabarError(f"cannot serve the demo site on 127.0.0.1:{port} ({exc}): stop what uses that port or pass --port") from None
    try:
        console.print(f"Demo news site: {base}/")
        sources = demo_sources(settings, port)
        result.runs = crawl_all(settings, sources, console)
        for run in result.runs:
            console.print(f"  {run.source_id}: {run.status}, {run.pages_fetched} pages, {run.articles_new} new, "
                          f"{run.articles_updated} updated, {run.articles_unchanged} unchanged, {run.errors.total} errors",
                          highlight=False)
        result.processed = process_all(es, settings, console, rules_only)
        with console.status("resolving incidents…"):
            resolved = resolve_incidents(es, settings)
        result.incidents_created, result.incidents_updated = resolved.incidents_created, resolved.incidents_updated
        console.print(f"Incidents: {resolved.incidents_created} new, {resolved.incidents_updated} updated, "
                      f"{resolved.incidents_unchanged} unchanged (from {resolved.mentions} event mentions)")
        es.indices.refresh(index=alias_name(settings, "incidents"))
        result.year = latest_year(es, settings)
        if result.year is not None:
            result.report_text = render_text(build_report(es, settings, result.year))
            console.print()
            console.print(result.report_text, highlight=False)
            console.print(trends_table(es, settings, result.year))
        else:
            console.print("No dated incidents yet: nothing to report.")
        console.print(
            "\nNext:\n"
            "  • the API:   KHABAR_API_KEYS=secret khabar serve   → http://127.0.0.1:8080/openapi.json "
            "(curl -H 'X-API-Key: secret' http://127.0.0.1:8080/v1/incidents)\n"
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
