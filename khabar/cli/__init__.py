"""The `khabar` command line."""

from __future__ import annotations

import importlib
import logging
import pkgutil
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from khabar.app import es_local
from khabar.cli import commands
from khabar.cli.support import connected_store, console, current_settings, out
from khabar.core.errors import KhabarError
from khabar.index.schemas import write_schemas


class KhabarGroup(click.Group):
    """A command group that prints user errors as one clear message, without a traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KhabarError as exc:
            console.print(f"[bold red]error:[/] {escape(str(exc))}", highlight=False)
            sys.exit(exc.exit_code)


@click.group(cls=KhabarGroup)
@click.option("--config", type=click.Path(dir_okay=False), envvar="KHABAR_CONFIG", help="Settings file (default config/khabar.yaml).")
@click.option("-v", "--verbose", count=True, help="More logging (-vv for debug).")
@click.version_option(package_name="khabar")
def main(config: str | None, verbose: int) -> None:
    """Khabar: open news reporting turned into structured, searchable, countable incidents."""
    level = logging.WARNING - 10 * min(verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    if verbose < 2:
        logging.getLogger("elastic_transport").setLevel(logging.ERROR)


@main.group("es")
def es_group() -> None:
    """Run a local single-node Elasticsearch (or set KHABAR_ES_URL to use your own)."""


@es_group.command("fetch")
def es_fetch() -> None:
    """Download Elasticsearch from Maven Central into the cache and unpack it."""
    home = es_local.fetch(current_settings())
    out.print(f"Elasticsearch ready at {home}")


@es_group.command("start")
@click.option("--port", type=int, default=None, help="HTTP port (default local_es.port, 9200).")
@click.option("--allow-root", is_flag=True, help="Allow running the node as root (disables its native access: "
              "system call filter, memory locking); same as local_es.allow_root.")
def es_start(port: int | None, allow_root: bool) -> None:
    """Start the local node in the background and wait until it is ready."""
    settings = current_settings()
    if allow_root:
        settings.local_es.allow_root = True
    with console.status("starting Elasticsearch…"):
        node = es_local.start(settings, port=port)
    out.print(f"Elasticsearch is up at {node.url} (pid {es_local.node_pid(node)}, data in {node.base})")


@es_group.command("stop")
@click.option("--port", type=int, default=None)
def es_stop(port: int | None) -> None:
    """Stop the local node started by `khabar es start` (that process only)."""
    stopped = es_local.stop(current_settings(), port=port)
    out.print("stopped" if stopped else "no local Elasticsearch was running")


@es_group.command("status")
def es_status() -> None:
    """Version, health and document counts per Khabar index."""
    settings = current_settings()
    store = connected_store(settings)
    health = store.health()
    out.print(f"Elasticsearch {store.server_version()} at {settings.elasticsearch.url}: health {health['status']}")
    table = Table("index", "documents")
    for name, count in store.doc_counts().items():
        table.add_row(name, "missing" if count is None else str(count))
    out.print(table)


@main.group("index")
def index_group() -> None:
    """Index templates, aliases and schema versions."""


@index_group.command("init")
def index_init() -> None:
    """Install templates and create indices behind their aliases (idempotent)."""
    changes = connected_store().init_indices()
    for line in changes:
        out.print(line)
    out.print("indices up to date" if not changes else f"{len(changes)} changes")


@index_group.command("check")
def index_check() -> None:
    """Report drift between the code's templates and the cluster; exit 1 on drift."""
    drift = connected_store().check_indices()
    for line in drift:
        out.print(line, highlight=False)
    if drift:
        out.print(f"{len(drift)} differences: run `khabar index init` (or `khabar index migrate` for a new schema version)")
        sys.exit(1)
    out.print("no drift: templates and aliases match the code")


@index_group.command("migrate")
def index_migrate() -> None:
    """Move documents to the current schema version's indices and switch the aliases."""
    for line in connected_store().migrate() or ["nothing to migrate"]:
        out.print(line)


@main.command("schemas")
@click.option("--output", type=click.Path(file_okay=False), default="docs/schemas", show_default=True)
def schemas(output: str) -> None:
    """Write the JSON Schemas of Khabar's records (Article, EventMention, Incident, CrawlRun)."""
    for path in write_schemas(Path(output)):
        out.print(str(path))


@main.group("eval")
def eval_group() -> None:
    """Measure accuracy on labelled data."""


@main.group("bench")
def bench_group() -> None:
    """Measure throughput against a baseline run in the same process."""


def _register_plugins() -> None:
    """Add the commands each module of `khabar.cli.commands` exports."""
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"khabar.cli.commands.{info.name}")
        for command in getattr(module, "COMMANDS", []):
            main.add_command(command)
        for command in getattr(module, "EVAL_COMMANDS", []):
            eval_group.add_command(command)
        for command in getattr(module, "BENCH_COMMANDS", []):
            bench_group.add_command(command)


_register_plugins()

if __name__ == "__main__":
    main()
