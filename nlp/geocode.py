"""Point-in-polygon district lookup and mention geocoding."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

import shapely
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from khabar.core.records import Location
from khabar.nlp.gazetteer import DATA_DIR, Entry, load_gazetteer


@dataclass(frozen=True)
class _DistrictIndex:
    """District polygons with a spatial index."""

    names: tuple[tuple[str, str], ...]
    geoms: tuple[shapely.Geometry, ...]
    tree: STRtree


@lru_cache(maxsize=1)
def _index() -> _DistrictIndex:
    """Load and prepare the simplified district polygons once."""
    with (DATA_DIR / "district_polygons.json").open(encoding="utf-8") as fh:
        records = json.load(fh)
    geoms = [shape(r) for r in records]
    for g in geoms:
        shapely.prepare(g)
    names = tuple((r["district"], r["province"]) for r in records)
    return _DistrictIndex(names, tuple(geoms), STRtree(geoms))


@lru_cache(maxsize=4096)
def district_at(lat: float, lon: float) -> tuple[str, str] | None:
    """``(district, province)`` containing the point, or None outside Pakistan."""
    idx = _index()
    point = Point(lon, lat)
    for i in idx.tree.query(point):
        if idx.geoms[int(i)].covers(point):
            return idx.names[int(i)]
    return None


def _pick(entries: list[Entry], context_district: str | None) -> Entry | None:
    """Prefer an entry in the context district, else the gazetteer's choice."""
    if not entries:
        return None
    if context_district:
        for entry in entries:
            if entry.district == context_district:
                return entry
    return entries[0]


def geocode(mention: str, context_district: str | None = None) -> Location | None:
    """Resolve a mention to a ``Location``; towns get their district by point-in-polygon."""
    entry = _pick(load_gazetteer().candidates(mention), context_district)
    if entry is None:
        return None
    location = entry.to_location()
    if entry.kind == "place" and entry.precision == "place" and entry.lat is not None and entry.lon is not None:
        found = district_at(entry.lat, entry.lon)
        if found:
            location.district, location.province = found
    return location
