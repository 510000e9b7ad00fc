"""`khabar train`, `khabar eval events`, `khabar eval heads`, `khabar bench nlp` and `khabar bench resolve`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from khabar.cli.support import current_settings

out = Console()


@click.command("train")
@click.option("--satp", type=click.Path(path_type=Path), default=None, help="SATP attack-type CSV.")
@click.option("--acled", type=click.Path(path_type=Path), default=None, help="ACLED Balochistan CSV.")
@click.option("--demo-gold", type=click.Path(path_type=Path), default=None, help="Demo site gold.jsonl.")
@click.option("--news", type=click.Path(path_type=Path), default=None, help="Folder of non-incident news HTML.")
@click.option("--output", type=click.Path(path_type=Path), default=None, help="Head file (.npz).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--cv", is_flag=True, help="Only cross-validate C on the training split (writes nothing).")
@click.option("--corrections", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Analysts' corrections as labelled examples (`khabar corrections export`).")
def train_cmd(
    satp: Path | None,
    acled: Path | None,
    demo_gold: Path | None,
    news: Path | None,
    output: Path | None,
    seed: int,
    cv: bool,
    corrections: Path | None,
) -> None:
    """Train the relevance and event-type heads on MiniLM embeddings."""
    from khabar.tools import train as training  # tools (scikit-learn, MiniLM) load only for this command
    from khabar.tools.train_corrections import load_corrections

    if cv:
        try:
            examples, emb = training.embedded_examples(
                satp or training.DEFAULT_SATP,
                acled or training.DEFAULT_ACLED,
                demo_gold or training.DEFAULT_DEMO_GOLD,
                news or training.DEFAULT_NEWS,
            )
        except FileNotFoundError as exc:
            raise click.ClickException(str(exc)) from exc
        scores = training.cross_validate_c(examples, emb, seed=seed)
        out.print("5-fold cross-validation on the training split (mean held-out score per C):")
        for c, row in scores.items():
            chosen = " ".join(
                name for name, value in (("relevance", training.RELEVANCE_C), ("type", training.TYPE_C)) if value == c
            )
            out.print(
                f"C={c:<6g} relevance F1 {row['relevance_f1']:.4f}  type accuracy {row['type_accuracy']:.4f}"
                + (f"  <- used for {chosen}" if chosen else "")
            )
        return
    try:
        result = training.train(
            satp=satp or training.DEFAULT_SATP,
            acled=acled or training.DEFAULT_ACLED,
            demo_gold=demo_gold or training.DEFAULT_DEMO_GOLD,
            news=news or training.DEFAULT_NEWS,
            output=output or training.DEFAULT_OUTPUT,
            seed=seed,
            extra_examples=load_corrections(corrections) if corrections else (),
        )
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    out.print(f"saved {result.output} (data sha256 {result.digest[:12]})")
    out.print_json(json.dumps({"counts": result.counts, "dev_metrics": result.metrics}))
    out.print(_heads_table(result.metrics, "dev metrics of the new head"))


def _heads_table(metrics: dict[str, dict[str, float]], title: str) -> Any:
    """The heads' dev metrics as a table (`khabar train` and `khabar eval heads`)."""
    from khabar.tools.train import head_metric_rows  # tools (scikit-learn): only for train / eval heads

    table = Table(title=title)
    for column in ("head", "data", "n", "result"):
        table.add_column(column, justify="right" if column == "n" else "left")
    for head, data, n, result in head_metric_rows(metrics):
        table.add_row(head, data, str(n), result)
    return table


@click.command("heads")
@click.option("--head", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Head file (default: the shipped nlp/models/incident_head.npz).")
@click.option("--data", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the labelled sets (default ../shared/data/eval).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def eval_heads_cmd(head: Path | None, data: Path | None, as_json: bool) -> None:
    """Dev metrics of the classifier heads alone (the dev split of `khabar train`'s data)."""
    from khabar.tools import train as training  # tools (scikit-learn, MiniLM) load only for this command

    data = data or training.SHARED_EVAL
    try:
        metrics = training.evaluate_head_file(
            head or training.DEFAULT_OUTPUT,
            satp=data / training.DEFAULT_SATP.name,
            acled=data / training.DEFAULT_ACLED.name,
            news=data / training.DEFAULT_NEWS.name,
        )
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(metrics, indent=1))
    else:
        out.print(_heads_table(metrics, "khabar eval heads (dev split)"))


@click.command("events")
@click.option("--dataset", type=click.Choice(["acled", "satp", "demo", "news"]), required=True)
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option("--split", type=click.Choice(["dev", "all", "study", "holdout"]), default=None,
              help="Default: dev (demo: all; news: study and holdout, each printed).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def eval_events_cmd(dataset: str, path: Path, split: str | None, as_json: bool) -> None:
    """Score extracted events against SATP, ACLED, the demo site's gold file or news_dev.

    news: PATH is a news_dev folder; its articles are split by incident group into a STUDY part
    and a HOLDOUT part (never studied while tuning); by default both are scored and printed."""
    from khabar.tools.evaluate import default_extract, metrics_json, metrics_table, run_evaluation  # tools (spaCy): only here

    if dataset == "news":
        splits = [split] if split in {"study", "holdout", "all"} else ["study", "holdout"]
    elif split in {"study", "holdout"}:
        raise click.BadParameter(f"--split {split} applies to --dataset news only", param_hint="--split")
    else:
        splits = [split or ("all" if dataset == "demo" else "dev")]
    extract = default_extract()
    results = {name: run_evaluation(dataset, path, name, extract=extract) for name in splits}
    if as_json:
        if len(results) == 1:
            click.echo(metrics_json(next(iter(results.values()))))
        else:
            click.echo("{" + ", ".join(f'"{k}": {metrics_json(v)}' for k, v in results.items()) + "}")
        return
    for name, metrics in results.items():
        out.print(metrics_table(metrics, f"khabar eval events --dataset {dataset} ({name})"))


@click.command("nlp")
@click.option("--docs", type=int, default=40, show_default=True, help="Number of generated articles.")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--repeats", type=click.IntRange(min=1), default=3, show_default=True,
              help="Rounds of pipeline then bare spaCy; medians are reported.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
def bench_nlp_cmd(docs: int, seed: int, repeats: int, as_json: bool) -> None:
    """Throughput of the extractor vs a bare spaCy pipe over generated articles (medians of alternating rounds)."""
    from khabar.tools.bench import bench  # tools (spaCy, MiniLM) load only for this command

    result = bench(n_docs=docs, seed=seed, repeats=repeats)
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
        f"docs: {result.docs}  words: {result.words}  events: {result.events}  "
        f"rounds: {' '.join(f'{r:.2f}' for r in result.round_ratios)}"
    )
    out.print(f"spaCy components on both sides: {', '.join(result.components)}")


@click.command("resolve")
@click.option("--mentions", type=int, default=100_000, show_default=True, help="Stored mentions to generate first.")
@click.option("--new", type=int, default=1_000, show_default=True, help="New mentions resolved incrementally (timed).")
@click.option("--budget", type=float, default=180.0, show_default=True, help="Seconds at most for writing the stored mentions.")
@click.option("--seed", type=int, default=7, show_default=True)
@click.option("--greedy", is_flag=True, help="Time the greedy resolver instead of the learned matcher.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a line.")
def bench_resolve_cmd(mentions: int, new: int, budget: float, seed: int, greedy: bool, as_json: bool) -> None:
    """Seconds per 1,000 new mentions of an incremental resolution at a large store size (generated
    data in a throw-away index prefix, dropped afterwards)."""
    from khabar.tools.bench_resolve import bench_resolve  # tools are never imported by the runtime

    result = bench_resolve(current_settings(), mentions=mentions, new=new, seed=seed, budget_s=budget, learned=not greedy)
    if as_json:
        click.echo(json.dumps(result.as_dict(), indent=1))
        return
    out.print(
        f"resolve: {result.s_per_1000_new:.2f} s per 1,000 new mentions at {result.stored_mentions} stored mentions "
        f"({result.stored_incidents} incidents; requested {result.requested_mentions}; writing took {result.write_s:.0f} s); "
        f"the run loaded {result.mentions_loaded} mentions for {result.new_mentions} new; "
        f"incidents after the run: {result.incidents_after} (generated: {result.generated_incidents})"
    )


COMMANDS: list[click.Command] = [train_cmd]
EVAL_COMMANDS: list[click.Command] = [eval_events_cmd, eval_heads_cmd]
BENCH_COMMANDS: list[click.Command] = [bench_nlp_cmd, bench_resolve_cmd]
