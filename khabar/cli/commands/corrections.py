"""`khabar corrections export` (analysts' corrections as labelled examples) and `khabar eval corrections`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from khabar.cli.support import connected_store, out
from khabar.incidents.review import Review
from khabar.index.corrections import CorrectionStore


@click.group("corrections")
def corrections_group() -> None:
    """Analysts' corrections of incidents (made in the console or with PATCH /v1/incidents/ID)."""


@corrections_group.command("export")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="File to write (default stdout).")
def export_cmd(output: Path | None) -> None:
    """Write corrections as labelled examples, one JSON line per source article and corrected field.

    Each line has the article's `text` and `title`, the `field` (`event_type`, `killed`, …, or
    `relevant` for a rejected incident) and the right `value`; `khabar train --corrections FILE`
    learns from them.
    """
    store = connected_store()
    review = Review(CorrectionStore(store.es, store.settings))
    stream = output.open("w", encoding="utf-8") if output else sys.stdout
    count = 0
    try:
        for line in review.training_examples():
            stream.write(json.dumps(line, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if output:
            stream.close()
    if output:
        out.print(f"wrote {count} labelled examples to {output}")


@click.command("corrections")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def eval_corrections_cmd(file: Path, as_json: bool) -> None:
    """How the shipped heads do on corrected texts (a corrections export): type and rejection accuracy."""
    from khabar.nlp.classify import load_classifier  # heavy (MiniLM): only when evaluating
    from khabar.tools.train_corrections import evaluate_on_corrections, load_corrections  # tools (scikit-learn): only here

    try:
        examples = load_corrections(file, dev_share=0.0)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    classifier = load_classifier()
    if classifier is None:
        raise click.ClickException("no trained head found: run `khabar train`")
    metrics = evaluate_on_corrections(classifier, examples)
    if as_json:
        click.echo(json.dumps(metrics))
        return
    for name, value in metrics.items():
        out.print(f"{name:20} {value:.4f}" if not name.endswith("_n") else f"{name:20} {int(value)}")


COMMANDS = [corrections_group]
EVAL_COMMANDS = [eval_corrections_cmd]
