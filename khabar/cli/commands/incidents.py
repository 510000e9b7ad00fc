"""Commands for incidents and what is built on them.

`khabar incidents resolve|export`, `khabar eval incidents`, `khabar trends`,
`khabar report`, `khabar kibana export|import`.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

import click
from rich.table import Table

from khabar.app.export import export, iter_records
from khabar.app.spikes import what_changed_section
from khabar.cli.support import connected_store, console, current_settings, out
from khabar.incidents.resolve import resolve_incidents
from khabar.index.kibana import import_saved_objects, saved_objects_ndjson
from khabar.index.report import render

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
    store = connected_store()
    with console.status("resolving incidents…"):
        report = resolve_incidents(store, since=_day(since))
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
    """Write incidents as JSON Lines (one per line, with their sources' URLs), ordered by date."""
    store = connected_store()
    span: dict[str, Any] = {"what": "incidents", "fmt": "jsonl", "date_from": _day(date_from), "date_to": _day(date_to)}
    if output is None:
        count = export(store, sys.stdout, **span)
    else:
        with open(output, "w", encoding="utf-8") as handle:
            count = export(store, handle, **span)
    console.print(f"{count} incidents exported")


@click.command("incidents")
@click.argument("path", type=click.Path(exists=True, path_type=Path), required=False)
@click.option(
    "--predicted",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="An export JSONL instead of the index.",
)
@click.option(
    "--dataset",
    type=click.Choice(["news", "demo"]),
    default=None,
    help="Extract and resolve a labelled corpus offline: news (a news_dev folder at PATH, plus the demo gold) or demo.",
)
@click.option("--resolver", type=click.Choice(["matcher", "baseline"]), default="matcher", show_default=True,
              help="With --dataset: the learned matcher or the old greedy resolver.")
@click.option("--model", "model_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="With --dataset: a matcher model other than incidents/matcher.json.")
@click.option("--dense", is_flag=True,
              help="With --dataset news: pool the labelled sets on one compressed calendar (a feed's density) and score that.")
@click.option("--no-cache", is_flag=True, help="With --dataset: extract again instead of reusing cached mentions.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_incidents_cmd(
    path: Path | None,
    predicted: Path | None,
    dataset: str | None,
    resolver: str,
    model_path: Path | None,
    dense: bool,
    no_cache: bool,
    as_json: bool,
) -> None:
    """Pairwise precision/recall/F1 of the incident grouping against gold at PATH.

    With --dataset, the articles are extracted and resolved here as the service does, and the
    scores of news_dev (all, its study and holdout parts) and of the demo gold are printed.
    With --dense (and --dataset news), news_dev, the demo gold and the report sets of
    data/eval/news_probes are pooled, studied and never-studied apart, and each pool's incidents are
    moved by whole weeks onto one calendar of ten years, one year and four months: different attacks
    then fall days apart in one district, as they do in a feed.
    """
    from khabar.tools import eval_incidents as tool  # loads spaCy and the extractor: only for this command

    if dataset is not None:
        if dataset == "news" and (path is None or not path.is_dir()):
            raise click.UsageError("--dataset news needs PATH: the news_dev folder")
        if dense and dataset != "news":
            raise click.UsageError("--dense needs --dataset news")
        news_dir = path if dataset == "news" else None
        cache_dir = None if no_cache else tool.CACHE_DIR
        with console.status("extracting and resolving…"):
            if dense and news_dir is not None:
                rows = tool.evaluate_dense(news_dir, resolver=resolver, model_path=model_path, cache_dir=cache_dir)
            else:
                rows = tool.evaluate_datasets(news_dir, resolver=resolver, model_path=model_path, cache_dir=cache_dir)
        if as_json:
            click.echo(json.dumps({name: scores.model_dump() for name, scores in rows.items()}))
            return
        for name, scores in rows.items():
            click.echo(
                f"{name:<16} {resolver:<8} P {scores.precision:.3f}  R {scores.recall:.3f}  F1 {scores.f1:.3f}  "
                f"incidents {scores.predicted_incidents}/{scores.gold_incidents} (predicted/gold)  "
                f"pairs {scores.correct_pairs}/{scores.predicted_pairs}/{scores.gold_pairs} (correct/predicted/gold)"
            )
        return
    if path is None or path.is_dir():
        raise click.UsageError("PATH must be a gold JSONL file (or use --dataset)")
    predictions = tool.read_jsonl(predicted) if predicted is not None else list(iter_records(connected_store(), "incidents"))
    scores = tool.evaluate_files(path, predictions)
    if as_json:
        click.echo(scores.model_dump_json())
        return
    out.print(f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")
    out.print(
        f"gold incidents {scores.gold_incidents}, predicted incidents {scores.predicted_incidents}; "
        f"mentions gold {scores.gold_mentions}, predicted {scores.predicted_mentions}, matched {scores.matched_mentions}; "
        f"pairs gold {scores.gold_pairs}, predicted {scores.predicted_pairs}, correct {scores.correct_pairs}"
    )


@incidents_group.command("train")
@click.argument("news_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Where to write the model (default incidents/matcher.json).")
def train_incidents_cmd(news_dir: Path, output: Path | None) -> None:
    """Train the incident matcher on NEWS_DIR's study split and the demo gold (C and threshold by cross-validation)."""
    from khabar.tools import eval_incidents as tool  # loads spaCy and the extractor: only for this command

    with console.status("extracting and training…"):
        model, target = tool.train_from_datasets(news_dir, output)
    out.print(f"matcher written to {target} (threshold {model.threshold:.2f}, {len(model.weights)} features)")


@click.command("trends")
@click.option("--by", type=click.Choice(["group", "province", "district", "event_type", "target_type"]), required=True)
@click.option("--interval", type=click.Choice(["month", "quarter", "year"]), default="month", show_default=True)
@click.option("--metric", type=click.Choice(["incidents", "killed", "injured"]), default="incidents", show_default=True)
@click.option("--from", "date_from", type=DATE, default=None, help="First day (YYYY-MM-DD).")
@click.option("--to", "date_to", type=DATE, default=None, help="Last day (YYYY-MM-DD).")
@click.option("--include-operations", is_flag=True, help="Count security operations too.")
@click.option("--review", type=click.Choice(["exclude", "include", "only"]), default="exclude", show_default=True,
              help="Incidents whose killed/injured figure is under review: leave out, count, or show only them.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def trends_cmd(
    by: str,
    interval: str,
    metric: str,
    date_from: datetime | None,
    date_to: datetime | None,
    include_operations: bool,
    review: str,
    as_json: bool,
) -> None:
    """Incidents (or killed/injured) per period and key, with year-over-year change.

    Incidents whose figures are under review are left out by default (as in `khabar report`);
    the number left out is printed."""
    table = connected_store().trends(
        by=by,  # type: ignore[arg-type]
        interval=interval,  # type: ignore[arg-type]
        metric=metric,  # type: ignore[arg-type]
        date_from=_day(date_from),
        date_to=_day(date_to),
        include_operations=include_operations,
        review=review,
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
    if table.under_review and review == "exclude":
        n = table.under_review
        out.print(f"{n} incident{'' if n == 1 else 's'} with figures under review left out "
                  "(--review include counts them, --review only shows them)")


@click.command("report")
@click.option("--year", type=int, required=True, help="Calendar year.")
@click.option("--format", "fmt", type=click.Choice(["text", "markdown", "html"]), default="text", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default stdout).")
@click.option("--include-review", is_flag=True,
              help="Count incidents whose killed/injured figure is under review (left out and listed by default).")
def report_cmd(year: int, fmt: str, output: Path | None, include_review: bool) -> None:
    """The yearly report: attacks, deaths, groups, provinces, deadliest incidents.

    Incidents whose figures are under review are left out by default, with their count and a list."""
    store = connected_store()
    text = render(store.report(year, include_review=include_review), fmt) + what_changed_section(store.alerts, year, fmt)  # type: ignore[arg-type]
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
    text = saved_objects_ndjson(current_settings().elasticsearch.index_prefix)
    result = import_saved_objects(url, text, api_key=api_key, user=user, password=password)
    out.print(f"imported {result.get('successCount', 0)} saved objects into {url}")


COMMANDS: list[click.Command] = [incidents_group, trends_cmd, report_cmd, kibana_group]
EVAL_COMMANDS: list[click.Command] = [eval_incidents_cmd]
