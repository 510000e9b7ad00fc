"""What every command shares: the settings chosen on the command line, the console, clients."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console

from khabar.core.settings import Settings, load_settings
from khabar.index.store import Store

console = Console(stderr=True)
out = Console()


def current_settings() -> Settings:
    """Settings for this invocation (`khabar --config PATH ...`), loaded once."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if root is not None and isinstance(root.obj, dict) and "settings" in root.obj:
        return root.obj["settings"]  # type: ignore[no-any-return]
    config = root.params.get("config") if root is not None else None
    settings = load_settings(Path(config) if config else None)
    if root is not None:
        root.obj = root.obj if isinstance(root.obj, dict) else {}
        root.obj["settings"] = settings
    return settings


def connected_store(settings: Settings | None = None) -> Store:
    """The store on the configured cluster, checked to be reachable (clear error otherwise)."""
    return Store.connect(settings or current_settings(), check=True)
