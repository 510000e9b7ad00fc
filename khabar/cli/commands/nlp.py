"""`khabar extract` (JSON Lines in/out, no index) and `khabar process` (pending articles → events)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import click

MAX_TEXT_CHARS = 200_000
MAX_LINE_BYTES = 50_000_000
ENGLISH_WORDS = frozenset(
    ["the", "an", "of", "to", "in", "and", "was", "were", "is", "are", "on", "at", "by", "for", "with", "from", "that", "this", "said", "killed", "injured", "when", "after", "had", "has", "have", "it", "its", "as", "he", "she", "they", "their", "two", "three", "people"]
)

EXTRACT_HELP = """Extract events from articles given as JSON Lines, touching no index.

\b
Input (FILE or stdin), one article per line:
  {"id": str, "title": str, "text": str | "paragraphs": [str], "published_at": ISO-8601, "url": str}
Output (FILE or stdout), one line per input line, in input order:
  {"id": str, "events": [ExtractedEvent], "skipped"?: "non-English"}
  ExtractedEvent = {event_type, suicide, date (YYYY-MM-DD), date_precision,
    location {country, province, district, place, lat, lon, precision, point},
    killed, injured, attackers_killed, kidnapped,
    perpetrator {name, attribution: claimed|blamed|unknown, mention},
    target_type, confidence (0..1),
    evidence {field: {sentence, start, end, text}}}
  Evidence offsets are character offsets into `text` (or the paragraphs joined
  by a blank line); the title is never part of the offsets.

Bad lines (invalid JSON, no text, non-English, oversized text is truncated to
200,000 characters) are reported on stderr with their line number; the rest are
processed. Exit code 0 when every line was processed cleanly, 1 otherwise.
"""


@dataclass
class LineResult:
    """The output record for one input line and the warnings it raised."""

    record: dict[str, Any] | None
    warnings: list[str]
    bad: bool


def looks_english(text: str) -> bool:
    """A cheap language check: share of common English words and of Latin letters."""
    sample = text[:5000]
    letters = [c for c in sample if c.isalpha()]
    if letters and sum(1 for c in letters if c.isascii()) / len(letters) < 0.7:
        return False
    words = [w.strip(".,;:!?\"'()").lower() for w in sample.split()]
    words = [w for w in words if w]
    if len(words) < 8:
        return True
    return sum(1 for w in words if w in ENGLISH_WORDS) / len(words) >= 0.12


def parse_line(line: str, lineno: int) -> LineResult:
    """Validate one input line; the record is ready for the extractor (or None when unusable)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return LineResult(None, [f"line {lineno}: invalid JSON ({exc.msg})"], True)
    if not isinstance(data, dict):
        return LineResult(None, [f"line {lineno}: not a JSON object"], True)
    text = data.get("text") or "\n\n".join(p for p in data.get("paragraphs") or [] if isinstance(p, str))
    if not isinstance(text, str) or not text.strip():
        return LineResult({"id": data.get("id"), "events": [], "skipped": "no text"},
                          [f"line {lineno}: article {data.get('id')!r} has no text"], True)
    warnings: list[str] = []
    bad = False
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"line {lineno}: text of {len(text)} characters truncated to {MAX_TEXT_CHARS}")
        text, bad = text[:MAX_TEXT_CHARS], True
    if not looks_english(text):
        return LineResult({"id": data.get("id"), "events": [], "skipped": "non-English"},
                          [f"line {lineno}: article {data.get('id')!r} is not English; skipped"], True)
    article = {k: data[k] for k in ("id", "title", "published_at", "url", "outlet", "source_id") if data.get(k)}
    article["text"] = text
    article.setdefault("id", f"line-{lineno}")
    return LineResult(article, warnings, bad)


def iter_lines(stream: IO[str]) -> Iterator[tuple[int, str]]:
    """Non-blank input lines with their 1-based numbers."""
    for lineno, line in enumerate(stream, start=1):
        if line.strip():
            yield lineno, line


def run_extract(stream: IO[str], output: IO[str], extractor: Any, err: IO[str]) -> int:
    """Process every line; returns the number of bad lines."""
    bad = 0
    for lineno, line in iter_lines(stream):
        result = parse_line(line, lineno)
        for warning in result.warnings:
            print(f"warning: {warning}", file=err)
        bad += int(result.bad)
        record = result.record
        if record is None:
            continue
        if "skipped" in record:
            output.write(json.dumps(record) + "\n")
            continue
        try:
            events = extractor.extract(record)
        except Exception as exc:  # noqa: BLE001 - report and carry on
            print(f"error: line {lineno}: extraction failed: {exc}", file=err)
            bad += 1
            output.write(json.dumps({"id": record["id"], "events": [], "error": str(exc)}) + "\n")
            continue
        payload = {"id": record["id"], "events": [e.model_dump(mode="json") for e in events]}
        output.write(json.dumps(payload, ensure_ascii=False) + "\n")
        output.flush()
    return bad


@click.command("extract", help=EXTRACT_HELP)
@click.option("--input", "input_file", type=click.File("r", encoding="utf-8"), default="-", help="JSON Lines of articles (default stdin).")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-", help="JSON Lines of events (default stdout).")
@click.option("--rules-only", is_flag=True, help="Do not load the MiniLM classifier.")
def extract_cmd(input_file: IO[str], output_file: IO[str], rules_only: bool) -> None:
    from khabar.nlp.extract import Extractor

    extractor = Extractor(classifier=None) if rules_only else Extractor()
    bad = run_extract(input_file, output_file, extractor, sys.stderr)
    if bad:
        click.echo(f"{bad} bad line(s); see warnings above", err=True)
        sys.exit(1)


@click.command("process")
@click.option("--batch-size", type=int, default=None, help="Articles per nlp.pipe batch (default: settings.nlp.batch_size).")
@click.option("--limit", type=int, default=None, help="Process at most N pending articles.")
@click.option("--reprocess", is_flag=True, help="Re-extract every article (after a model or rules update).")
@click.option("--retry-failed", is_flag=True, help="Retry articles whose extraction failed.")
def process_cmd(batch_size: int | None, limit: int | None, reprocess: bool, retry_failed: bool) -> None:
    """Extract events from pending articles into the events index, then mark them done."""
    from rich.progress import Progress

    from khabar.cli.support import connected_es, console, current_settings
    from khabar.nlp.extract import Extractor
    from khabar.nlp.process import process_pending, requeue_articles

    settings = current_settings()
    es = connected_es(settings)
    if reprocess or retry_failed:
        statuses = ("done", "failed") if reprocess else ("failed",)
        console.print(f"{requeue_articles(es, settings, statuses)} articles queued for extraction again")
    extractor = Extractor()
    with Progress(console=console) as progress:
        task = progress.add_task("extracting", total=limit)
        report = process_pending(es, settings, extractor, batch_size, limit,
                                 progress=lambda n: progress.advance(task, n))
    console.print(f"articles {report.articles}: done {report.done}, failed {report.failed}; "
                  f"mentions written {report.mentions_written}, deleted {report.mentions_deleted}")
    for error in report.errors[:20]:
        console.print(f"[red]{error}[/red]")
    if report.failed:
        sys.exit(1)


COMMANDS = [extract_cmd, process_cmd]
