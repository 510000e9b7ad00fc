"""JSON Schemas of Khabar's records, for downstream consumers."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.core.records import RECORDS


def record_schemas() -> dict[str, dict[str, object]]:
    """Each record's JSON Schema (serialisation mode: what consumers receive), by record name."""
    return {name: model.model_json_schema(mode="serialization") for name, model in RECORDS.items()}


def write_schemas(directory: Path) -> list[Path]:
    """Write `<record>.schema.json` files into directory; returns the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, schema in record_schemas().items():
        path = directory / f"{name}.schema.json"
        path.write_text(json.dumps(schema, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        written.append(path)
    return written
