"""Commands for incidents and what is built on them.

`khabar incidents resolve|export`, `khabar eval incidents`, `khabar trends`,
`khabar report`, `khabar kibana export|import`.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click

from khabar.cli.support import console, current_settings, out

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _day(value: datetime | None) -> date | None:
    return value.date() if value is not None else None


@click.group("incidents")
def incidents_group() -> None:
    """Merge event mentions into incidents; export them."""


@incidents_group.command("resolve")
@click.option("--since", type=DATE, default=None, help="Only re-resolve mentions from this day on (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def resolve_cmd(since: datetime | None, as_json: bool) -> None:
    """Cluster event mentions into incidents in the incidents index."""
    from dataclasses import asdict

    from khabar.cli.support import connected_es
    from khabar.incidents.resolve import resolve_incidents

    settings = current_settings()
    with console.status("resolving incidents…"):
        report = resolve_incidents(connected_es(settings), settings, since=_day(since))
    if as_json:
        click.echo(json.dumps(asdict(report)))
        return
    out.print(
        f"{report.mentions} mentions → {report.incidents_created} incidents created, {report.incidents_updated} updated, "
        f"{report.incidents_unchanged} unchanged, {report.incidents_deleted} deleted"
    )


@incidents_group.command("export")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default stdout).")
@click.option("--from", "date_from", type=DATE, default=None, help="First incident date (YYYY-MM-DD).")
@click.option("--to", "date_to", type=DATE, default=None, help="Last incident date (YYYY-MM-DD).")
def export_cmd(output: Path | None, date_from: datetime | None, date_to: datetime | None) -> None:
    """Write incidents as JSON Lines (one per line, with their sources' URLs)."""
    from khabar.cli.support import connected_es
    from khabar.incidents.export import iter_incidents, write_jsonl

    settings = current_settings()
    found = iter_incidents(connected_es(settings), settings, date_from=_day(date_from), date_to=_day(date_to))
    if output is None:
        count = write_jsonl(found, sys.stdout)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            count = write_jsonl(found, handle)
    console.print(f"{count} incidents exported")


@click.command("incidents")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--predicted",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="An export JSONL instead of the index.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_incidents_cmd(path: Path, predicted: Path | None, as_json: bool) -> None:
    """Pairwise precision/recall/F1 of the incident grouping against gold at PATH."""
    from khabar.tools.eval_incidents import evaluate_files, read_jsonl

    predictions: list[dict[str, Any]]
    if predicted is not None:
        predictions = read_jsonl(predicted)
    else:
        from khabar.cli.support import connected_es
        from khabar.incidents.export import incident_line, iter_incidents

        settings = current_settings()
        predictions = [incident_line(i) for i in iter_incidents(connected_es(settings), settings)]
    scores = evaluate_files(path, predictions)
    if as_json:
        click.echo(scores.model_dump_json())
        return
    out.print(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    out.print(
        f"gold incidents {scores.gold_incidents}, predicted incidents {scores.predicted_incidents}; "
        f"mentions gold {scores.gold_mentions}, predicted {scores.predicted_mentions}, matched {scores.matched_mentions}; "
        f"pairs gold {scores.gold_pairs}, predicted {scores.predicted_pairs}, correct {scores.correct_pairs}"
    )


@click.command("trends")
@click.option("--by", type=click.Choice(["group", "province", "district", "event_type", "target_type"]), required=True)
@click.option("--interval", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--metric", type=click.Choice(["incidents", "killed", "injured"]), default="incidents", show_default=True)
@click.option("--from", "date_from", type=DATE, default=None, help="First day (YYYY-MM-DD).")
@click.option("--to", "date_to", type=DATE, default=None, help="Last day (YYYY-MM-DD).")
@click.option("--include-operations", is_flag=True, help="Count security operations too.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def trends_cmd(
    by: str,
    interval: str,
    metric: str,
    date_from: datetime | None,
    date_to: datetime | None,
    include_operations: bool,
    as_json: bool,
) -> None:
    """Incidents (or killed/injured) per period and key, with year-over-year change."""
    from rich.table import Table

    from khabar.cli.support import connected_es
    from khabar.index.trends import trends

    settings = current_settings()
    table = trends(
        connected_es(settings),
        settings,
        by=by,  # type: ignore[arg-type]
        interval=interval,  # type: ignore[arg-type]
        metric=metric,  # type: ignore[arg-type]
        date_from=_day(date_from),
        date_to=_day(date_to),
        include_operations=include_operations,
    )
    if as_json:
        click.echo(table.to_json())
        return
    view = Table("period", by, metric, "a year earlier", "change")
    for row in table.rows:
        previous = "" if row.previous_year_value is None else str(row.previous_year_value)
        change = "" if row.yoy_change_pct is None else f"{row.yoy_change_pct:+.1f}%"
        view.add_row(row.period, row.key, str(row.value), previous, change)
    out.print(view)


@click.command("report")
@click.option("--year", type=int, required=True, help="Calendar year.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html"]), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default stdout).")
def report_cmd(year: int, fmt: str, output: Path | None) -> None:
    """The yearly report: attacks, deaths, groups, provinces, deadliest incidents."""
    from khabar.cli.support import connected_es
    from khabar.index.report import build_report, render

    settings = current_settings()
    text = render(build_report(connected_es(settings), settings, year), fmt)  # type: ignore[arg-type]
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"report written to {output}")


@click.group("kibana")
def kibana_group() -> None:
    """Kibana saved objects: data views, searches, visualizations, a dashboard."""


@kibana_group.command("export")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default stdout).")
def kibana_export_cmd(output: Path | None) -> None:
    """Write the saved objects as NDJSON (index patterns use the configured prefix)."""
    from khabar.index.kibana import saved_objects_ndjson

    text = saved_objects_ndjson(current_settings().elasticsearch.index_prefix)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        console.print(f"saved objects written to {output}")


@kibana_group.command("import")
@click.option("--url", required=True, help="Kibana base URL, e.g. http://localhost:5601")
@click.option("--api-key", default=None, envvar="KHABAR_KIBANA_API_KEY", help="Kibana API key.")
@click.option("--user", default=None, help="User name for basic auth.")
@click.option("--password", default=None, envvar="KHABAR_KIBANA_PASSWORD", help="Password for basic auth.")
def kibana_import_cmd(url: str, api_key: str | None, user: str | None, password: str | None) -> None:
    """Import the saved objects into Kibana (overwriting earlier versions)."""
    from khabar.index.kibana import import_saved_objects, saved_objects_ndjson

    text = saved_objects_ndjson(current_settings().elasticsearch.index_prefix)
    result = import_saved_objects(url, text, api_key=api_key, user=user, password=password)
    out.print(f"imported {result.get('successCount', 0)} saved objects into {url}")


COMMANDS: list[click.Command] = [incidents_group, trends_cmd, report_cmd, kibana_group]
EVAL_COMMANDS: list[click.Command] = [eval_incidents_cmd]
