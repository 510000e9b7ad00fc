"""Service commands: `khabar serve`, `khabar status`, `khabar export`, `khabar demo`."""

from __future__ import annotations

import logging
import sys
import threading
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from khabar.app.export import export
from khabar.app.source_health import degraded_sources
from khabar.app.status import collect_status
from khabar.cli.support import connected_store, console, current_settings, out

log = logging.getLogger(__name__)


def _config_path() -> str | None:
    settings = current_settings()
    return str(settings.config_file) if settings.config_file else None


@click.command("serve")
@click.option("--host", default=None, help="API host (default api.host).")
@click.option("--port", type=int, default=None, help="API port (default api.port).")
@click.option("--no-api", is_flag=True, help="Run only the scheduler.")
@click.option("--no-scheduler", is_flag=True, help="Run only the API.")
@click.option("--insecure-no-auth", is_flag=True, help="Serve the API without API keys when none are configured (local tests only).")
@click.option("--feed-lag", type=click.FloatRange(min=0), default=2.0, show_default=True,
              help="Seconds /v1/feed holds back recent updates (at least the index refresh interval plus write time).")
def serve(host: str | None, port: int | None, no_api: bool, no_scheduler: bool, insecure_no_auth: bool, feed_lag: float) -> None:
    """Run the scheduler (crawls, NLP, incident resolution, spool replay) and the HTTP API.

    SIGTERM/SIGINT shut down gracefully (running crawls finish their current batch);
    SIGHUP reloads the sources file (which is also watched for changes).
    """
    # heavy (APScheduler, the NLP pipeline, FastAPI, uvicorn): loaded only when `serve` runs
    from khabar.app.service import Service, exit_unless_stopped, install_signal_handlers, run_forever

    if no_api and no_scheduler:
        raise click.UsageError("--no-api and --no-scheduler together leave nothing to run")
    settings = current_settings()
    if not logging.getLogger().isEnabledFor(logging.INFO):
        logging.getLogger("khabar").setLevel(logging.INFO)
        logging.getLogger("apscheduler").setLevel(logging.INFO)
    app = None
    if not no_api:
        from khabar.app.api import create_app  # heavy (FastAPI): only when serving the API

        app = create_app(settings, insecure_no_auth=insecure_no_auth, feed_lag_seconds=feed_lag)  # refuses without keys
    service = Service(settings, config_path=_config_path()) if not no_scheduler else None
    stop = threading.Event()
    if service is not None:
        install_signal_handlers(service, stop)
        service.start()
        console.print(f"scheduler running: {len(service.jobs())} jobs (store {settings.data_path / 'scheduler.sqlite'})")
    if app is None:
        assert service is not None
        run_forever(service, stop)
        return
    import uvicorn  # heavy: only when serving the API

    class KhabarServer(uvicorn.Server):
        def handle_exit(self, sig: int, frame: Any) -> None:
            if service is not None:
                stop.set()
                service.begin_shutdown()
            super().handle_exit(sig, frame)

    config = uvicorn.Config(app, host=host or settings.api.host, port=port or settings.api.port, log_level="info")
    try:
        KhabarServer(config).run()
    finally:
        if service is not None:
            exit_unless_stopped(service.stop())


def _when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S") if value else "-"


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def status(as_json: bool) -> None:
    """Per source: last run, next run, error rate; overall: NLP backlog, failures, spool size."""
    store = connected_store()
    result = collect_status(store)
    if as_json:
        out.print_json(result.model_dump_json())
        return
    table = Table("source", "schedule", "last run", "took", "new", "errors", "status", "next run", "error rate", title="Sources")
    for s in result.sources:
        last = s.last_run
        rate = "-" if s.error_rate is None else f"{s.error_rate:.0%} of {s.recent_runs}"
        took = f"{last.duration_seconds:.1f}s" if last and last.duration_seconds is not None else "-"
        name = s.source_id + ("" if s.enabled is not False else " (disabled)") + ("" if s.configured else " (not configured)")
        table.add_row(name, s.schedule or "-", _when(last.started_at if last else None), took,
                      str(last.articles_new) if last else "-", str(last.error_count) if last else "-",
                      last.status or "-" if last else "never", _when(s.next_run), rate)
    out.print(table)
    if result.jobs:
        jobs = Table("job", "last run", "took", "outcome", "next run", title="Jobs")
        for j in result.jobs:
            run = j.last_run
            took = f"{run.duration_seconds:.1f}s" if run and run.duration_seconds is not None else "-"
            jobs.add_row(j.job_id, _when(run.last_start if run else None), took, (run.outcome or "-") if run else "-", _when(j.next_run))
        out.print(jobs)
    out.print(f"articles waiting for NLP: {result.articles_pending}   failed: {result.articles_failed}   "
              f"spool: {result.spool_size} operations", highlight=False)
    if result.sources_error:
        out.print(f"[red]sources file problem:[/] {result.sources_error}", highlight=False)
    for alert in degraded_sources(store.alerts):  # source health (docs/alerts.md)
        out.print(f"[yellow]source degraded:[/] {alert['message']}", highlight=False)


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


@click.command("export")
@click.option("--what", type=click.Choice(["incidents", "events"]), default="incidents", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "gtd-csv"]), default="jsonl", show_default=True,
              help="gtd-csv: Global Terrorism Database column names and codes.")
@click.option("--from", "date_from", callback=_date, help="Earliest date (YYYY-MM-DD).")
@click.option("--to", "date_to", callback=_date, help="Latest date (YYYY-MM-DD).")
@click.option("--include-operations/--exclude-operations", default=None,
              help="Security operations (default: included, except in gtd-csv).")
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File (default stdout).")
def export_cmd(what: str, fmt: str, date_from: date | None, date_to: date | None, include_operations: bool | None,
               output: Path | None) -> None:
    """Export incidents or events as JSON Lines, CSV, GeoJSON or GTD-style CSV."""
    store = connected_store()
    kwargs: dict[str, Any] = {"what": what, "fmt": fmt, "date_from": date_from, "date_to": date_to,
                              "include_operations": include_operations}
    if output is None:
        count = export(store, sys.stdout, **kwargs)
    else:
        tmp = output.with_name(output.name + ".part")
        with open(tmp, "w", encoding="utf-8", newline="") as handle:
            count = export(store, handle, **kwargs)
        tmp.replace(output)
    console.print(f"exported {count} {what}" + (f" to {output}" if output else ""))


@click.command("demo")
@click.option("--port", type=int, default=8765, show_default=True, help="Port for the demo news site.")
@click.option("--keep-running", is_flag=True, help="Keep serving the demo site (and the local Elasticsearch) until Ctrl-C.")
@click.option("--rules-only", is_flag=True, help="NLP without the transformer classifier (faster, a little less accurate).")
@click.option("--allow-root", is_flag=True, help="Allow the local Elasticsearch to run as root (disables its native access); "
              "same as local_es.allow_root.")
def demo(port: int, keep_running: bool, rules_only: bool, allow_root: bool) -> None:
    """One full cycle on the demo news site (its sources: demo/sources.yaml): crawl → NLP → incidents → trend report."""
    from khabar.demo.job import run_demo  # heavy (spaCy, Scrapy): loaded when the demo runs

    settings = current_settings()
    if allow_root:
        settings.local_es.allow_root = True
    run_demo(settings, port=port, keep_running=keep_running, rules_only=rules_only)


COMMANDS: list[click.Command] = [serve, status, export_cmd, demo]
