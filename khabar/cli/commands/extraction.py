"""CLI commands for HTML extraction: ``khabar parse-html`` and ``khabar eval extraction``."""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path

import click
from rich.console import Console

from khabar.crawlers.extract import extract_page, read_html_file

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")


def _is_html_file(path: Path) -> bool:
    return path.name.lower().endswith(HTML_SUFFIXES)


def iter_html_paths(paths: tuple[Path, ...]) -> Iterator[Path]:
    """Yield the given files and the HTML files found (recursively) in given directories."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _is_html_file(p))
        else:
            yield path


def page_record(path: Path, url: str | None) -> dict[str, object]:
    """Extract one file into the JSON Lines record printed by ``parse-html``."""
    page = extract_page(read_html_file(path), url)
    return {
        "path": str(path),
        "title": page.title,
        "text": page.text,
        "published_at": page.published_at.isoformat() if page.published_at else None,
        "authors": page.authors,
        "language": page.language,
    }


@click.command("parse-html")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--url",
    default=None,
    help="Base URL of the pages (used to resolve canonical links).",
)
def parse_html(paths: tuple[Path, ...], url: str | None) -> None:
    """Extract title, text, date, authors and language from HTML files as JSON Lines."""
    failed = False
    for path in iter_html_paths(paths):
        try:
            record = page_record(path, url)
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error, ValueError) as exc:
            click.echo(f"error: {path}: {exc}", err=True)
            failed = True
            continue
        click.echo(json.dumps(record, ensure_ascii=False))
    if failed:
        raise SystemExit(1)


@click.command("extraction")
@click.argument("root", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--workers", default=2, show_default=True, help="Worker processes.")
def extraction_command(root: Path, as_json: bool, workers: int) -> None:
    """Evaluate main-text extraction (Khabar vs trafilatura defaults) on labelled pages in ROOT."""
    from khabar.tools.eval_extraction import evaluate_extraction, render_report  # tools load only for eval commands

    report = evaluate_extraction(root, workers=workers)
    if not report.datasets:
        raise click.ClickException(f"no evaluation dataset found under {root}")
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    Console().print(render_report(report))


COMMANDS: list[click.Command] = [parse_html]
EVAL_COMMANDS: list[click.Command] = [extraction_command]
