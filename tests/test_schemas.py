"""The JSON Schemas published in docs/schemas/ match the records in the code."""

from __future__ import annotations

import json
from pathlib import Path

from khabar.index.schemas import record_schemas, write_schemas

DOCS = Path(__file__).resolve().parent.parent / "docs" / "schemas"


def test_published_schemas_match_the_records() -> None:
    for name, schema in record_schemas().items():
        published = json.loads((DOCS / f"{name}.schema.json").read_text())
        assert published == schema, f"docs/schemas/{name}.schema.json is stale: run `khabar schemas`"


def test_schemas_describe_the_records_consumers_receive(tmp_path: Path) -> None:
    paths = write_schemas(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{n}.schema.json" for n in record_schemas())
    incident = json.loads((tmp_path / "incident.schema.json").read_text())
    assert {"incident_id", "sources", "killed_range", "updated_at"} <= set(incident["properties"])
    location = incident["$defs"]["Location"]["properties"]
    assert "point" in location  # the computed geo_point is part of what is serialised
