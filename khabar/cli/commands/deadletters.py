"""`khabar deadletters list|replay`: inspect and re-send documents Elasticsearch rejected as invalid."""

from __future__ import annotations

import json

import click
from rich.table import Table

from khabar.cli.support import connected_store, current_settings, out
from khabar.index.writer import BulkWriter, read_dead_letters


@click.group("deadletters")
def deadletters_group() -> None:
    """Documents Elasticsearch rejected as invalid (mapping errors, too large), kept with the reason."""


@deadletters_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="One JSON entry per line (the operation included).")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Show only the newest N.")
def list_cmd(as_json: bool, limit: int | None) -> None:
    """Show the dead letters: when, HTTP status, operation, index, id and Elasticsearch's reason."""
    settings = current_settings()
    entries = read_dead_letters(settings.dead_letter_path)
    shown = entries[-limit:] if limit else entries
    if as_json:
        for entry in shown:
            click.echo(json.dumps(entry, ensure_ascii=False))
        return
    table = Table("at", "status", "op", "index", "id", "reason", title=f"Dead letters in {settings.dead_letter_path}")
    for entry in shown:
        reason = str(entry.get("reason", ""))
        table.add_row(str(entry.get("at", ""))[:19], str(entry.get("status", "")), str(entry.get("op", "")),
                      str(entry.get("index", "")), str(entry.get("id", "")), reason[:120] + ("…" if len(reason) > 120 else ""))
    out.print(table)
    out.print(f"{len(entries)} dead letters", highlight=False)


@deadletters_group.command("replay")
def replay_cmd() -> None:
    """Re-send every dead letter (after fixing the cause, e.g. the mapping or the document).

    Written ones leave the file, ones rejected again stay in it with the new reason, ones that
    meet a transient failure (Elasticsearch down, 401/403, 429, 5xx) go to the spool.
    """
    settings = current_settings()
    pending = len(read_dead_letters(settings.dead_letter_path))
    if not pending:
        out.print("no dead letters")
        return
    writer = BulkWriter(connected_store(settings).es, settings)
    result = writer.replay_dead_letters()
    out.print(f"re-sent {pending}: written {result.written}, rejected again {result.dead_lettered}, "
              f"spooled {result.spooled}, skipped as older than the stored document {result.stale}", highlight=False)
    if result.dead_lettered:
        raise SystemExit(1)


COMMANDS: list[click.Command] = [deadletters_group]
