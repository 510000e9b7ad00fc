"""Kibana saved objects: valid NDJSON whose every referenced field exists in the index templates."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from khabar.core.settings import Settings
from khabar.index.kibana import load_saved_objects, referenced_fields, saved_objects_ndjson
from khabar.index.templates import KINDS, build_templates


def flatten(properties: dict[str, Any], prefix: str = "") -> set[str]:
    """Dotted field names of a mapping's properties (multi-fields included)."""
    names: set[str] = set()
    for name, spec in properties.items():
        path = f"{prefix}{name}"
        if "properties" in spec:
            names |= flatten(spec["properties"], f"{path}.")
            if spec.get("type") not in (None, "object"):
                names.add(path)
            continue
        names.add(path)
        for sub in spec.get("fields", {}):
            names.add(f"{path}.{sub}")
    return names


def template_fields(settings: Settings) -> dict[str, set[str]]:
    """Every mapped field per alias, from the composed component templates."""
    built = build_templates(settings)
    out: dict[str, set[str]] = {}
    for kind in KINDS:
        alias = f"{settings.elasticsearch.index_prefix}-{kind}"
        fields: set[str] = set()
        for component in built.index_templates[alias]["composed_of"]:
            mappings = built.components[component]["template"].get("mappings", {})
            fields |= flatten(mappings.get("properties", {}))
        out[alias] = fields
    return out


def test_every_referenced_field_is_mapped() -> None:
    objects = load_saved_objects()
    mapped = template_fields(Settings())
    used = referenced_fields(objects)
    assert set(used) == {"khabar-incidents", "khabar-events", "khabar-articles"}
    for title, fields in used.items():
        assert fields, title
        assert fields <= mapped[title], f"{title}: unmapped {sorted(fields - mapped[title])}"
    assert {"location.point", "sources.url", "perpetrator.name", "location.province", "killed", "date"} <= used[
        "khabar-incidents"
    ]


def test_saved_objects_are_consistent() -> None:
    objects = load_saved_objects()
    ids = {(o["type"], o["id"]) for o in objects}
    for obj in objects:
        for ref in obj.get("references", []):
            assert (ref["type"], ref["id"]) in ids, (obj["id"], ref)
    views = {o["attributes"]["title"]: o["attributes"]["timeFieldName"] for o in objects if o["type"] == "index-pattern"}
    assert views == {"khabar-incidents": "date", "khabar-events": "published_at", "khabar-articles": "published_at"}
    [dashboard] = [o for o in objects if o["type"] == "dashboard"]
    panels = json.loads(dashboard["attributes"]["panelsJSON"])
    assert {p["type"] for p in panels} == {"lens", "map", "search"}
    assert {p["panelRefName"] for p in panels} == {r["name"] for r in dashboard["references"]}
    other = [json.loads(line) for line in saved_objects_ndjson("osint").splitlines()]
    assert {o["attributes"]["title"] for o in other if o["type"] == "index-pattern"} == {
        "osint-incidents",
        "osint-events",
        "osint-articles",
    }


def test_kibana_commands(tmp_path: Path) -> None:
    from khabar.cli import main

    runner = CliRunner()
    target = tmp_path / "objects.ndjson"
    result = runner.invoke(main, ["kibana", "export", "--output", str(target)], env={"KHABAR_INDEX_PREFIX": "khabar"})
    assert result.exit_code == 0, result.output
    assert len(target.read_text().splitlines()) == len(load_saved_objects())
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    failed = runner.invoke(main, ["kibana", "import", "--url", f"http://127.0.0.1:{port}"])
    assert failed.exit_code == 2
    assert "Kibana is not reachable" in failed.output
