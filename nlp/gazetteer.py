"""Gazetteer of Pakistani provinces, districts and places, militant groups and state actors.

Loaded once from the compact files in ``nlp/data/`` (see ``nlp/build_data.py``).
Resolution is a normalised dict lookup first, then a conservative fuzzy match.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from rapidfuzz import fuzz, process

from khabar.core.records import Location

DATA_DIR = Path(__file__).parent / "data"
COUNTRY = "Pakistan"
LOC_FUZZY_MIN_LEN = 5
LOC_FUZZY_CUTOFF = 85.0
NAME_FUZZY_MIN_LEN = 6
NAME_FUZZY_CUTOFF = 90.0

Kind = Literal["province", "district", "place", "country"]
Source = Literal["name", "alias", "alt"]

_KIND_RANK = {"province": 0, "district": 1, "place": 2, "country": 3}
CITY_DIVISIONS = ("Karachi",)  # cities split into several districts, one division each
_SUFFIXES = {"district", "districts", "city", "town", "tehsil", "agency", "division", "province",
             "area", "areas", "region", "valley", "cantonment", "cantt", "village"}


def name_key(text: str) -> str:
    """Lookup key of a name, case/punctuation/diacritic-insensitive: "D.I. Khan" -> "dikhan"."""
    folded = unicodedata.normalize("NFKD", text.replace("&", " and "))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.findall(r"[a-z0-9]+", folded)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return "".join(words)


def strip_suffix(text: str) -> str:
    """Drop generic trailing words ("Bannu district" -> "Bannu")."""
    words = text.split()
    while len(words) > 1 and name_key(words[-1]) in _SUFFIXES:
        words = words[:-1]
    return " ".join(words)


@dataclass(frozen=True)
class Entry:
    """One gazetteer location entity."""

    kind: Kind
    name: str
    province: str | None = None
    district: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str = "unknown"
    population: int = 0

    @property
    def entity_id(self) -> str:
        """Stable id such as ``district:Kech`` or ``place:Turbat``."""
        return f"{self.kind}:{self.name}"

    def to_location(self) -> Location:
        """A fresh ``Location`` record for this entry."""
        if self.kind == "country":
            return Location(country=self.name, precision="country")
        return Location(
            country=COUNTRY,
            province=self.province,
            district=self.district if self.kind != "province" else None,
            place=self.name if self.kind == "place" else None,
            lat=self.lat,
            lon=self.lon,
            precision=self.precision,  # type: ignore[arg-type]
        )


_LEADER_ALIAS = re.compile(r"((?:[A-Z][a-z]+ ){1,3}[A-Z][a-z]+) (?:group|faction)")


def group_surfaces(group: dict[str, Any]) -> list[str]:
    """A group's names: canonical, abbreviations, aliases, and the leader a "<leader> group" alias is named after
    ("a faction led by the militant commander Hafiz Gul Bahadur claimed the attack")."""
    aliases = [group["canonical_name"], *group["abbreviations"], *group["aliases"]]
    leaders = [m.group(1) for a in group["aliases"] if (m := _LEADER_ALIAS.fullmatch(a))]
    return aliases + [leader for leader in dict.fromkeys(leaders) if leader not in aliases]


def _read(name: str) -> Any:
    """Parse one JSON data file."""
    with (DATA_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _choose(entries: list[tuple[Entry, Source]]) -> Entry:
    """Pick the preferred entity among those sharing a normalised key."""
    by_kind = sorted(entries, key=lambda e: (_KIND_RANK[e[0].kind], e[1] == "alt", -e[0].population))
    best, _ = by_kind[0]
    if best.kind == "district":
        same = [e for e, src in entries
                if e.kind == "place" and e.district == best.name and e.precision == "place" and src != "alt"]
        if same:
            return max(same, key=lambda e: e.population)
    return best


class Gazetteer:
    """Lookup tables for locations, militant groups and state actors."""

    def __init__(self) -> None:
        self._surfaces: list[tuple[str, Entry, Source]] = []
        self._loc_index: dict[str, list[tuple[Entry, Source]]] = {}
        self._districts: dict[str, dict[str, Any]] = {}
        self._provinces: list[str] = []
        self._groups: dict[str, dict[str, Any]] = {}
        self._group_index: dict[str, str] = {}
        self._actors: dict[str, dict[str, Any]] = {}
        self._actor_index: dict[str, str] = {}
        self._load_locations()
        self._load_groups()
        self._load_actors()
        self._best = {key: _choose(entries) for key, entries in self._loc_index.items()}
        self._loc_keys = [k for k in self._best if len(k) >= LOC_FUZZY_MIN_LEN]
        self._group_keys = [k for k in self._group_index if len(k) >= NAME_FUZZY_MIN_LEN]
        self._actor_keys = [k for k in self._actor_index if len(k) >= NAME_FUZZY_MIN_LEN]

    # -- loading -----------------------------------------------------------------------------

    def _add_surface(self, surface: str, entry: Entry, source: Source) -> None:
        key = name_key(surface)
        if not key:
            return
        self._surfaces.append((surface, entry, source))
        self._loc_index.setdefault(key, []).append((entry, source))

    def _add_entry(self, entry: Entry, aliases: list[str], source: Source = "alias") -> None:
        self._add_surface(entry.name, entry, "name")
        for alias in aliases:
            self._add_surface(alias, entry, source)

    def _load_locations(self) -> None:
        for p in _read("provinces.json"):
            self._provinces.append(p["name"])
            entry = Entry("province", p["name"], p["name"], None, p["lat"], p["lon"], "province")
            self._add_entry(entry, p["aliases"])
        for d in _read("districts.json"):
            self._districts[d["name"]] = d
            entry = Entry("district", d["name"], d["province"], d["name"], d["lat"], d["lon"], "district")
            self._add_entry(entry, d["aliases"])
        for p in _read("places.json"):
            entry = Entry("place", p["name"], p["province"], p["district"], p["lat"], p["lon"],
                          p["precision"], p["population"] or 0)
            self._add_entry(entry, p["alt_names"], "alt")
        for d in self._districts.values():
            # a district's headquarters town the place list lacks ("TIMERGARA:" heads Lower Dir's reports)
            if d["hq"] and name_key(d["hq"]) not in self._loc_index:
                self._add_entry(Entry("place", d["hq"], d["province"], d["name"], d["lat"], d["lon"], "place"), [])
        for c in _read("countries.json"):
            self._add_entry(Entry("country", c["name"], precision="country"), c["aliases"])

    def _load_groups(self) -> None:
        for g in _read("groups.json"):
            name = g["canonical_name"]
            self._groups[name] = g
            for alias in group_surfaces(g):
                self._group_index.setdefault(name_key(alias), name)

    def _load_actors(self) -> None:
        for a in _read("actors.json"):
            name = a["canonical_name"]
            self._actors[name] = a
            for alias in [name, *a["aliases"]]:
                self._actor_index.setdefault(name_key(alias), name)

    # -- locations ---------------------------------------------------------------------------

    def _lookup_key(self, name: str) -> str | None:
        """The index key for ``name``: exact, suffix-stripped, then fuzzy."""
        for candidate in (name, strip_suffix(name)):
            key = name_key(candidate)
            if key in self._best:
                return key
        key = name_key(strip_suffix(name))
        if len(key) < LOC_FUZZY_MIN_LEN:
            return None
        hit = process.extractOne(key, self._loc_keys, scorer=fuzz.ratio, score_cutoff=LOC_FUZZY_CUTOFF)
        return hit[0] if hit else None

    def resolve_entry(self, name: str) -> Entry | None:
        """The preferred gazetteer entry for a location mention."""
        key = self._lookup_key(name)
        return self._best[key] if key else None

    def candidates(self, name: str) -> list[Entry]:
        """All entries sharing the mention's key, preferred first (for context disambiguation)."""
        key = self._lookup_key(name)
        if key is None:
            return []
        best = self._best[key]
        rest = sorted({e for e, _ in self._loc_index[key] if e != best},
                      key=lambda e: (_KIND_RANK[e.kind], -e.population))
        return [best, *rest]

    def resolve_location(self, name: str) -> Location | None:
        """Resolve a location mention to a ``Location`` (place > district point > province)."""
        entry = self.resolve_entry(name)
        return entry.to_location() if entry else None

    def location_surfaces(self) -> Iterator[tuple[str, Entry, Source]]:
        """Every surface form with its preferred entry (for building ruler patterns)."""
        for surface, _, source in self._surfaces:
            yield surface, self._best[name_key(surface)], source

    def district_names(self) -> list[str]:
        """All district names."""
        return sorted(self._districts)

    def province_names(self) -> list[str]:
        """All province/territory names."""
        return sorted(self._provinces)

    def district_info(self, name: str) -> dict[str, Any] | None:
        """The district record (province, division, point, aliases, former_fata)."""
        return self._districts.get(name)

    def city_of(self, district: str) -> str:
        """The city a district is part of when a city is split into districts (Karachi's seven), else the district."""
        info = self._districts.get(district)
        division = info.get("division") if info is not None else None
        return str(division) if division in CITY_DIVISIONS else district

    # -- groups and actors -------------------------------------------------------------------

    @staticmethod
    def _match(name: str, index: dict[str, str], keys: list[str]) -> str | None:
        key = name_key(name)
        if key in index:
            return index[key]
        if len(key) < NAME_FUZZY_MIN_LEN:
            return None
        hit = process.extractOne(key, keys, scorer=fuzz.ratio, score_cutoff=NAME_FUZZY_CUTOFF)
        return index[hit[0]] if hit else None

    def resolve_group(self, name: str) -> str | None:
        """Canonical militant group name for an abbreviation or alias."""
        return self._match(name, self._group_index, self._group_keys)

    def group_info(self, canonical: str) -> dict[str, Any]:
        """Ideology, umbrella and abbreviations for a group (empty dict if unknown)."""
        name = canonical if canonical in self._groups else self.resolve_group(canonical)
        if name is None:
            return {}
        g = self._groups[name]
        return {
            "canonical_name": name,
            "ideology": g.get("ideology"),
            "parent_or_umbrella": g.get("parent_or_umbrella"),
            "abbreviations": list(g["abbreviations"]),
            "pk_proscribed": g.get("pk_proscribed"),
        }

    def groups(self) -> list[dict[str, Any]]:
        """All group records."""
        return list(self._groups.values())

    def resolve_actor(self, name: str) -> dict[str, Any] | None:
        """``{"canonical_name", "actor_type"}`` for a state/security actor mention."""
        canonical = self._match(name, self._actor_index, self._actor_keys)
        if canonical is None:
            return None
        return {"canonical_name": canonical, "actor_type": self._actors[canonical]["actor_type"]}

    def actors(self) -> list[dict[str, Any]]:
        """All state actor records."""
        return list(self._actors.values())


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The shared, lazily loaded gazetteer."""
    return Gazetteer()
