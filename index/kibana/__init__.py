"""Kibana saved objects for Khabar: data views, saved searches, Lens charts, a map, a dashboard.

`saved_objects.ndjson` is written for the default index prefix (`khabar-incidents`, …);
`load_saved_objects(prefix)` retitles the data views for another prefix. `import_saved_objects`
posts them to Kibana's saved objects import API.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import httpx

from khabar.core.errors import KhabarError

NDJSON_FILE = "saved_objects.ndjson"
DEFAULT_PREFIX = "khabar"
RECORDS_FIELD = "___records___"  # Lens's pseudo-field for a count


def load_saved_objects(prefix: str = DEFAULT_PREFIX) -> list[dict[str, Any]]:
    """The saved objects, their data views pointed at `<prefix>-<kind>`."""
    text = resources.files(__name__).joinpath(NDJSON_FILE).read_text(encoding="utf-8")
    objects = [json.loads(line) for line in text.splitlines() if line.strip()]
    for obj in objects:
        if obj["type"] == "index-pattern":
            kind = obj["attributes"]["title"].removeprefix(f"{DEFAULT_PREFIX}-")
            obj["attributes"]["title"] = f"{prefix}-{kind}"
    return objects


def saved_objects_ndjson(prefix: str = DEFAULT_PREFIX) -> str:
    """The saved objects as NDJSON text, one object a line."""
    return "".join(json.dumps(obj, ensure_ascii=False) + "\n" for obj in load_saved_objects(prefix))


def _lens_fields(obj: dict[str, Any]) -> set[str]:
    layers = obj["attributes"]["state"]["datasourceStates"]["formBased"]["layers"]
    return {
        column["sourceField"]
        for layer in layers.values()
        for column in layer["columns"].values()
        if column.get("sourceField") and column["sourceField"] != RECORDS_FIELD
    }


def _map_fields(obj: dict[str, Any]) -> dict[str, set[str]]:
    """Fields per index-pattern reference name used by a map's layers."""
    found: dict[str, set[str]] = {}
    for layer in json.loads(obj["attributes"]["layerListJSON"]):
        source = layer.get("sourceDescriptor") or {}
        ref = source.get("indexPatternRefName")
        if not ref:
            continue
        fields = found.setdefault(ref, set())
        fields.update(f for f in [source.get("geoField"), source.get("sortField"), *source.get("tooltipProperties", [])] if f)
        for prop in (layer.get("style") or {}).get("properties", {}).values():
            field = ((prop.get("options") or {}).get("field") or {}).get("name")
            if field:
                fields.add(field)
    return found


def referenced_fields(objects: list[dict[str, Any]]) -> dict[str, set[str]]:
    """Every field each data view's objects reference, keyed by the data view's title."""
    titles = {o["id"]: o["attributes"]["title"] for o in objects if o["type"] == "index-pattern"}
    out: dict[str, set[str]] = {title: set() for title in titles.values()}

    def add(ref_id: str, fields: set[str]) -> None:
        out.setdefault(titles.get(ref_id, f"<missing data view {ref_id}>"), set()).update(fields)

    for obj in objects:
        attrs = obj["attributes"]
        refs = {r["name"]: r["id"] for r in obj.get("references", [])}
        if obj["type"] == "index-pattern":
            fields = {attrs["timeFieldName"], *json.loads(attrs.get("fieldFormatMap") or "{}")}
            add(obj["id"], fields)
        elif obj["type"] == "search":
            fields = set(attrs.get("columns", [])) | {s[0] for s in attrs.get("sort", [])}
            add(refs["kibanaSavedObjectMeta.searchSourceJSON.index"], fields)
        elif obj["type"] == "lens":
            for name, ref_id in refs.items():
                if name.startswith("indexpattern-datasource-layer-"):
                    add(ref_id, _lens_fields(obj))
        elif obj["type"] == "map":
            for ref_name, fields in _map_fields(obj).items():
                add(refs[ref_name], fields)
    return out


def import_saved_objects(
    url: str,
    ndjson: str,
    *,
    api_key: str | None = None,
    user: str | None = None,
    password: str | None = None,
    timeout: float = 30.0,
) -> dict[str, Any]:
    """POST the objects to Kibana's `_import?overwrite=true`; KhabarError when it fails."""
    headers = {"kbn-xsrf": "true"}
    auth: tuple[str, str] | None = None
    if api_key:
        headers["Authorization"] = f"ApiKey {api_key}"
    elif user:
        auth = (user, password or "")
    endpoint = f"{url.rstrip('/')}/api/saved_objects/_import"
    try:
        response = httpx.post(
            endpoint,
            params={"overwrite": "true"},
            headers=headers,
            auth=auth,
            files={"file": ("khabar.ndjson", ndjson.encode("utf-8"), "application/ndjson")},
            timeout=timeout,
        )
    except httpx.HTTPError as exc:
        raise KhabarError(
            f"Kibana is not reachable at {url} ({type(exc).__name__}): start it (docker compose up kibana) or pass --url"
        ) from None
    if response.status_code in (401, 403):
        raise KhabarError(
            f"Kibana at {url} refused the credentials (HTTP {response.status_code}): pass --api-key or --user/--password"
        )
    if response.status_code >= 400:
        raise KhabarError(f"Kibana import failed with HTTP {response.status_code}: {response.text[:500]}")
    result: dict[str, Any] = response.json()
    if not result.get("success", False):
        errors = "; ".join(f"{e.get('type')} {e.get('id')}: {e.get('error', {}).get('type')}" for e in result.get("errors", []))
        raise KhabarError(f"Kibana imported {result.get('successCount', 0)} objects but rejected some: {errors}")
    return result
