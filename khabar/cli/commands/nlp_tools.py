"""`khabar train`, `khabar eval events` and `khabar bench nlp`."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.console import Console

out = Console()


@click.command("train")
@click.option("--satp", type=click.Path(path_type=Path), default=None, help="SATP attack-type CSV.")
@click.option("--acled", type=click.Path(path_type=Path), default=None, help="ACLED Balochistan CSV.")
@click.option("--demo-gold", type=click.Path(path_type=Path), default=None, help="Demo site gold.jsonl.")
@click.option("--news", type=click.Path(path_type=Path), default=None, help="Folder of non-incident news HTML.")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Head file (.npz).")
@click.option("--seed", type=int, default=13, show_default=True)
def train_cmd(
    satp: Path | None, acled: Path | None, demo_gold: Path | None, news: Path | None, output: Path | None, seed: int
) -> None:
    """Train the relevance and event-type heads on MiniLM embeddings."""
    from khabar.tools import train as training

    try:
        result = training.train(
            satp=satp or training.DEFAULT_SATP,
            acled=acled or training.DEFAULT_ACLED,
            demo_gold=demo_gold or training.DEFAULT_DEMO_GOLD,
            news=news or training.DEFAULT_NEWS,
            output=output or training.DEFAULT_OUTPUT,
            seed=seed,
        )
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    out.print(f"saved {result.output} (data sha256 {result.digest[:12]})")
    out.print_json(json.dumps({"counts": result.counts, "dev_metrics": result.metrics}))


@click.command("events")
@click.option("--dataset", type=click.Choice(["acled", "satp", "demo"]), required=True)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "all"]), default=None, help="Default: dev (demo: all).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def eval_events_cmd(dataset: str, path: Path, split: str | None, as_json: bool) -> None:
    """Score extracted events against SATP, ACLED or the demo site's gold file."""
    from khabar.tools.evaluate import metrics_json, metrics_table, run_evaluation

    split = split or ("all" if dataset == "demo" else "dev")
    metrics = run_evaluation(dataset, path, split)
    if as_json:
        click.echo(metrics_json(metrics))
    else:
        out.print(metrics_table(metrics, f"khabar eval events --dataset {dataset} ({split})"))


@click.command("nlp")
@click.option("--docs", type=int, default=40, show_default=True, help="Number of generated articles.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def bench_nlp_cmd(docs: int, seed: int, as_json: bool) -> None:
    """Throughput of the extractor vs a bare spaCy pipe over generated articles."""
    from rich.table import Table

    from khabar.tools.bench import bench

    result = bench(n_docs=docs, seed=seed)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=1))
        return
    table = Table(title=f"khabar bench nlp --docs {docs}")
    table.add_column("run", no_wrap=True)
    for column in ("articles/s", "words/s", "seconds"):
        table.add_column(column, justify="right")
    table.add_row("pipeline", f"{result.pipeline_docs_per_s:.2f}", f"{result.pipeline_words_per_s:.0f}", f"{result.pipeline_s:.2f}")
    table.add_row("bare spaCy", f"{result.bare_docs_per_s:.2f}", f"{result.bare_words_per_s:.0f}", f"{result.bare_s:.2f}")
    out.print(table)
    out.print(
        f"ratio pipeline/bare: {result.ratio:.2f}x  peak RSS: {result.peak_rss_mb:.0f} MB "
        f"(after the pipeline, before loading bare spaCy: {result.pipeline_peak_rss_mb:.0f} MB)  "
        f"docs: {result.docs}  words: {result.words}  events: {result.events}"
    )


COMMANDS: list[click.Command] = [train_cmd]
EVAL_COMMANDS: list[click.Command] = [eval_events_cmd]
BENCH_COMMANDS: list[click.Command] = [bench_nlp_cmd]
