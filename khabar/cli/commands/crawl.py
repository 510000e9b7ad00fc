"""Crawling commands: `khabar crawl`, `khabar sources validate|test`, `khabar demo-site serve`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.table import Table

from khabar.cli.support import connected_store, console, current_settings, out
from khabar.core.records import CrawlRun
from khabar.crawlers.runner import crawl_source, crawl_sources, select_sources
from khabar.crawlers.sources import SourcesConfig, load_sources
from khabar.demo.server import DEFAULT_ROOT, make_server, serve_until_interrupted

F = TypeVar("F", bound=Callable[..., Any])

CONFIG_OPTION = click.option(
    "--config", "sources_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="Sources file (default: sources_file from the settings, config/sources.yaml).",
)


def _load(sources_file: Path | None) -> SourcesConfig:
    return load_sources(sources_file or current_settings().sources_file)


def _errors_text(run: CrawlRun) -> str:
    counts = {k: v for k, v in run.errors.model_dump().items() if v}
    return ", ".join(f"{k} {v}" for k, v in counts.items()) or "-"


def summary_table(runs: list[CrawlRun]) -> Table:
    """One row per crawled source: outcome, article counts, pages and errors by kind."""
    table = Table(title="crawl summary")
    table.add_column("source", no_wrap=True)
    table.add_column("status", no_wrap=True)
    for name in ("new", "updated", "unchanged", "duplicate", "pages"):
        table.add_column(name, justify="right")
    table.add_column("errors", overflow="fold")
    for run in runs:
        colour = {"finished": "green", "failed": "red", "interrupted": "yellow", "timed_out": "red"}.get(run.status, "white")
        table.add_row(
            run.source_id, f"[{colour}]{run.status}[/]", str(run.articles_new), str(run.articles_updated),
            str(run.articles_unchanged), str(run.articles_duplicate), str(run.pages_fetched), _errors_text(run),
        )
    return table


@click.command("crawl")
@click.argument("source_ids", nargs=-1)
@click.option("--all", "all_sources", is_flag=True, help="Crawl every enabled source.")
@CONFIG_OPTION
def crawl(source_ids: tuple[str, ...], all_sources: bool, sources_file: Path | None) -> None:
    """Crawl the given sources (or --all enabled ones) and store their articles."""
    if bool(source_ids) == all_sources:
        raise click.UsageError("give one or more SOURCE_IDs, or --all")
    settings = current_settings()
    config = _load(sources_file)
    select_sources(config, source_ids or None)  # unknown ids: clear error before any work
    connected_store(settings)
    runs = crawl_sources(settings, source_ids or None, sources=config, progress=True, console=console)
    out.print(summary_table(runs))
    for run in runs:
        if run.message:
            out.print(f"{run.source_id}: {run.message}", highlight=False)
    if any(run.status != "finished" for run in runs):
        sys.exit(1)


@click.group("sources")
def sources_group() -> None:
    """Check the sources file and try sources out."""


@sources_group.command("validate")
@CONFIG_OPTION
def sources_validate(sources_file: Path | None) -> None:
    """Validate the sources file and list its sources (exit 2 with the first mistake)."""
    config = _load(sources_file)
    table = Table("id", "name", "kind", "schedule", "enabled", "start URLs", title=str(config.path))
    for source in config.sources:
        table.add_row(source.id, source.name, source.kind, source.schedule.describe(), "yes" if source.enabled else "no", str(len(source.urls)))
    out.print(table)
    out.print(f"{len(config.sources)} sources, {len(config.enabled)} enabled: valid")


@sources_group.command("test")
@click.argument("source_id")
@click.option("--pages", type=click.IntRange(1, 100), default=3, show_default=True, help="Article pages to fetch.")
@CONFIG_OPTION
def sources_test(source_id: str, pages: int, sources_file: Path | None) -> None:
    """Dry run: fetch a few articles of one source and show what was extracted (stores nothing)."""
    config = _load(sources_file)
    source = select_sources(config, [source_id])[0]
    articles: list[dict[str, Any]] = []

    def collect(event: dict[str, Any]) -> None:
        if event.get("event") == "article":
            articles.append(event)

    with console.status(f"fetching up to {pages} articles from {source.id}…"):
        run = crawl_source(current_settings(), source, dry_run=True, max_pages=pages, on_event=collect)
    table = Table("title", "published", "outlet", "chars", "url", title=f"{source.id}: {len(articles)} articles")
    for article in articles:
        table.add_row(article.get("title") or "(none)", article.get("published_at") or "-", article.get("outlet", ""),
                      str(article.get("chars", 0)), article.get("url", ""))
    out.print(table)
    out.print(f"pages fetched {run.pages_fetched}, errors: {_errors_text(run)}", highlight=False)
    if run.status != "finished":
        out.print(f"[red]{run.status}[/]: {run.message or ''}")
        sys.exit(1)


@click.group("demo-site")
def demo_site_group() -> None:
    """The demo news site (three fictional outlets and fault pages) for offline crawls."""


@demo_site_group.command("serve")
@click.option("--port", type=int, default=8765, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--root", type=click.Path(file_okay=False, exists=True, path_type=Path), default=None, help="Site folder (default demo/site).")
def demo_site_serve(port: int, host: str, root: Path | None) -> None:
    """Serve the demo site until Ctrl-C."""
    server = make_server(root or DEFAULT_ROOT, host, port)
    out.print(f"Serving the demo site at {server.base_url}/ (Ctrl-C to stop)")
    serve_until_interrupted(server)


COMMANDS = [crawl, sources_group, demo_site_group]
