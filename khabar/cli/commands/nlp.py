"""`khabar extract` (JSON Lines in/out, no index) and `khabar process` (pending articles → events)."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

import click
from rich.progress import Progress

from khabar.cli.support import connected_store, console
from khabar.core.language import is_english

MAX_TEXT_CHARS = 200_000
MAX_LINE_BYTES = 50_000_000
READ_CHUNK = 1 << 20
ARTICLE_STR_FIELDS = ("title", "text", "published_at", "url", "outlet", "source_id")

EXTRACT_HELP = """Extract events from articles given as JSON Lines, touching no index.

\b
Input (FILE or stdin), one article per line (UTF-8):
  {"id": str, "title": str, "text": str | "paragraphs": [str], "published_at": ISO-8601, "url": str}
Output (FILE or stdout), exactly one line per non-blank input line, in input order:
  {"id": str, "events": [ExtractedEvent]}, or {"id", "events": [], "skipped": "non-English"},
  or {"id": str | null, "events": [], "error": str} for a line that could not be used
  ExtractedEvent = {event_type, suicide, date (YYYY-MM-DD), date_precision,
    location {country, province, district, place, lat, lon, precision, point},
    killed, injured, attackers_killed, kidnapped,
    perpetrator {name, attribution: claimed|blamed|unknown, mention},
    target_type, confidence (0..1), review,
    evidence {field: {sentence, start, end, text}}}
  Evidence offsets are character offsets into `text` (or the paragraphs joined
  by a blank line); the title is never part of the offsets.

Bad lines (invalid UTF-8 or JSON, fields of the wrong type, lone surrogates, no
text, lines over 50 MB) give an error line and a message on stderr with their line
number; text over 200,000 characters is truncated with a warning; the rest are
processed. Exit code 0 when every line was processed cleanly, 1 otherwise.
"""


@dataclass
class LineResult:
    """The output record for one input line and the warnings it raised."""

    record: dict[str, Any] | None
    warnings: list[str]
    bad: bool


def _has_lone_surrogate(value: str) -> bool:
    """True when a string holds a UTF-16 surrogate that no UTF-8 text can carry."""
    return any("\ud800" <= ch <= "\udfff" for ch in value)


def _error(art_id: Any, lineno: int, message: str) -> LineResult:
    """An error output line for a line that cannot be used."""
    if not isinstance(art_id, (str, int)) or isinstance(art_id, bool) or (isinstance(art_id, str) and _has_lone_surrogate(art_id)):
        art_id = None
    return LineResult({"id": art_id, "events": [], "error": message}, [f"line {lineno}: {message}"], True)


def parse_line(line: str, lineno: int) -> LineResult:
    """Validate one input line; the record is ready for the extractor, or an error/skip record."""
    try:
        data = json.loads(line)
    except (json.JSONDecodeError, RecursionError) as exc:
        return _error(None, lineno, f"invalid JSON ({getattr(exc, 'msg', exc)})")
    if not isinstance(data, dict):
        return _error(None, lineno, "not a JSON object")
    art_id = data.get("id")
    if art_id is not None and (not isinstance(art_id, (str, int)) or isinstance(art_id, bool)):
        return _error(None, lineno, f"'id' must be a string, not {type(art_id).__name__}")
    for name in ARTICLE_STR_FIELDS:
        value = data.get(name)
        if value is not None and not isinstance(value, str):
            return _error(art_id, lineno, f"'{name}' must be a string, not {type(value).__name__}")
    paragraphs = data.get("paragraphs")
    if paragraphs is not None and (not isinstance(paragraphs, list) or not all(isinstance(p, str) for p in paragraphs)):
        return _error(art_id, lineno, "'paragraphs' must be a list of strings")
    strings = [v for v in (art_id, *(data.get(n) for n in ARTICLE_STR_FIELDS), *(paragraphs or [])) if isinstance(v, str)]
    if any(_has_lone_surrogate(v) for v in strings):
        return _error(art_id, lineno, "text holds a lone UTF-16 surrogate (not valid Unicode text)")
    text = data.get("text") or "\n\n".join(p for p in paragraphs or [] if p.strip())
    if not text.strip():
        return _error(art_id, lineno, f"article {art_id!r} has no text")
    warnings: list[str] = []
    bad = False
    if len(text) > MAX_TEXT_CHARS:
        warnings.append(f"line {lineno}: text of {len(text)} characters truncated to {MAX_TEXT_CHARS}")
        text, bad = text[:MAX_TEXT_CHARS], True
    if not is_english(text):
        return LineResult({"id": art_id, "events": [], "skipped": "non-English"},
                          [f"line {lineno}: article {art_id!r} is not English; skipped"], True)
    article = {k: data[k] for k in ("title", "published_at", "url", "outlet", "source_id") if data.get(k)}
    article["id"] = str(art_id) if art_id is not None else f"line-{lineno}"
    article["text"] = text
    return LineResult(article, warnings, bad)


def iter_lines(stream: IO[bytes]) -> Iterator[tuple[int, str | LineResult]]:
    """Non-blank input lines with their 1-based numbers, decoded; a line that is not valid UTF-8
    or is longer than MAX_LINE_BYTES comes as an error LineResult (its bytes are skipped, never
    held in memory beyond the limit)."""
    lineno = 0
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        lineno += 1
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(READ_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield lineno, _error(None, lineno, f"line longer than {MAX_LINE_BYTES} bytes; skipped")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield lineno, _error(None, lineno, f"invalid UTF-8 at byte {exc.start}")
            continue
        if line.strip():
            yield lineno, line


def _write(output: IO[str], record: dict[str, Any]) -> None:
    """One output line."""
    output.write(json.dumps(record, ensure_ascii=False) + "\n")
    output.flush()


def run_extract(stream: IO[bytes], output: IO[str], extractor: Any, err: IO[str]) -> int:
    """Process every line, writing one output line for each; returns the number of bad lines."""
    bad = 0
    for lineno, item in iter_lines(stream):
        result = item if isinstance(item, LineResult) else parse_line(item, lineno)
        for warning in result.warnings:
            print(f"{'error' if result.record and 'error' in result.record else 'warning'}: {warning}", file=err)
        bad += int(result.bad)
        record = result.record
        if record is None:
            continue
        if "skipped" in record or "error" in record:
            _write(output, record)
            continue
        try:
            events = extractor.extract(record)
            payload = {"id": record["id"], "events": [e.model_dump(mode="json") for e in events]}
        except Exception as exc:  # noqa: BLE001 - report and carry on
            print(f"error: line {lineno}: extraction failed: {exc}", file=err)
            bad += 1
            payload = {"id": record["id"], "events": [], "error": f"extraction failed: {exc}"}
        _write(output, payload)
    return bad


@click.command("extract", help=EXTRACT_HELP)
@click.option("--input", "input_file", type=click.File("rb"), default="-", help="JSON Lines of articles (default stdin).")
@click.option("--output", "output_file", type=click.File("w", encoding="utf-8"), default="-", help="JSON Lines of events (default stdout).")
@click.option("--rules-only", is_flag=True, help="Do not load the MiniLM classifier.")
def extract_cmd(input_file: IO[bytes], output_file: IO[str], rules_only: bool) -> None:
    from khabar.nlp.extract import Extractor  # heavy (spaCy, MiniLM): loaded when the command runs

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
    from khabar.nlp.extract import Extractor  # heavy (spaCy, MiniLM): loaded when the command runs
    from khabar.nlp.process import process_pending, requeue_articles  # imports the extractor (spaCy)

    store = connected_store()
    if reprocess or retry_failed:
        statuses = ("done", "failed") if reprocess else ("failed",)
        console.print(f"{requeue_articles(store, statuses)} articles queued for extraction again")
    extractor = Extractor()
    with Progress(console=console) as progress:
        task = progress.add_task("extracting", total=limit)
        report = process_pending(store, extractor, batch_size, limit,
                                 progress=lambda n: progress.advance(task, n))
    console.print(f"articles {report.articles}: done {report.done}, failed {report.failed}; "
                  f"mentions written {report.mentions_written}, deleted {report.mentions_deleted}")
    for error in report.errors[:20]:
        console.print(f"[red]{error}[/red]")
    if report.failed:
        sys.exit(1)


COMMANDS = [extract_cmd, process_cmd]
