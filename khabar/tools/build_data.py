"""Build Khabar's compact gazetteer files in ``nlp/data/`` from the shared sources.

Run: ``python -m khabar.tools.build_data --shared ../shared/data/gazetteer``.
The runtime and the tests read only the files written here.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from shapely.geometry import MultiPolygon, Point, Polygon, mapping, shape
from shapely.ops import unary_union

from khabar.nlp.gazetteer import DATA_DIR as GAZETTEER_DATA_DIR

DATA_DIR = GAZETTEER_DATA_DIR
SIMPLIFY_TOLERANCE = 0.005
COORD_DECIMALS = 4

# Press spellings not (all) present in pk_districts.csv, keyed by district name.
EXTRA_DISTRICT_ALIASES: dict[str, list[str]] = {
    "Dera Ismail Khan": ["D.I. Khan", "DI Khan", "D I Khan", "D. I. Khan", "D.I.Khan", "Dera Ismail Khan"],
    "North Waziristan": ["N. Waziristan", "N Waziristan", "North Waziristan Agency", "NW Agency"],
    "South Waziristan": ["S. Waziristan", "S Waziristan", "South Waziristan Agency",
                         "Lower South Waziristan", "Upper South Waziristan"],
    "Khyber": ["Khyber Agency", "Khyber district", "Khyber tribal district"],
    "Bajaur": ["Bajaur Agency", "Bajaur district"],
    "Mohmand": ["Mohmand Agency", "Mohmand district"],
    "Kurram": ["Kurram Agency", "Kurram district"],
    "Orakzai": ["Orakzai Agency", "Orakzai district"],
    "Dera Ghazi Khan": ["D.G. Khan", "DG Khan", "D G Khan", "D. G. Khan", "D.G.Khan"],
    "Kech": ["Kech district", "Kej", "Turbat district"],
    "Lakki Marwat": ["Lakki Marwat district"],
    "Abbotabad": ["Abbottabad"],
    "Lasbela": ["Las Bela", "Lasbela district"],
}

PROVINCE_ALIASES: dict[str, list[str]] = {
    "Khyber Pakhtunkhwa": ["KP", "KPK", "K-P", "Khyber-Pakhtunkhwa", "Khyber Pakhtoonkhwa",
                           "Khyber Pukhtunkhwa", "NWFP", "North-West Frontier Province",
                           "North West Frontier Province", "FATA",
                           "Federally Administered Tribal Areas", "ex-FATA", "erstwhile FATA",
                           "merged districts", "tribal districts"],
    "Balochistan": ["Baluchistan", "Balochistan province", "Baluchistan province"],
    "Punjab": ["Punjab province", "Pakistani Punjab"],
    "Sindh": ["Sind", "Sindh province"],
    "Islamabad Capital Territory": ["ICT", "Islamabad Capital Territory", "Federal Capital"],
    "Gilgit-Baltistan": ["GB", "Gilgit Baltistan", "Northern Areas"],
    "Azad Jammu & Kashmir": ["AJK", "AJ&K", "Azad Kashmir", "Azad Jammu and Kashmir",
                             "Pakistan-administered Kashmir"],
}

# Tehsil names too generic to be useful as place names.
JUNK_TEHSILS = {
    "airport", "central", "lower", "upper", "garden", "site", "harbour", "saddar", "civil line",
    "baloch", "drug", "dak", "nag", "mang", "kahan", "tall", "mand", "nal", "nara", "city hyderabad",
    "quetta city", "quetta saddar", "lahore cantt.", "shalimar", "18-hazari", "kurram f.r.",
}

LOCALITIES = Path(__file__).parent / "data" / "localities.csv"

ADMIN_WORDS = re.compile(r"\b(agency|district|tribal|division|province)\b", re.IGNORECASE)

# Relevant foreign countries: aliases include major cities/regions reported in PK news.
# Capital coordinates from general knowledge (rounded).
COUNTRIES: list[dict[str, Any]] = [
    {"name": "Pakistan", "capital": "Islamabad", "lat": 33.6844, "lon": 73.0479,
     "aliases": ["Islamic Republic of Pakistan"]},
    {"name": "Afghanistan", "capital": "Kabul", "lat": 34.5553, "lon": 69.2075,
     "aliases": ["Kabul", "Kandahar", "Jalalabad", "Khost", "Kunar", "Nangarhar", "Paktika", "Paktia",
                 "Helmand", "Herat", "Kunduz", "Nuristan", "Mazar-i-Sharif", "Spin Boldak"]},
    {"name": "Iran", "capital": "Tehran", "lat": 35.6892, "lon": 51.389,
     "aliases": ["Tehran", "Zahedan", "Sistan and Baluchestan", "Sistan-Baluchestan", "Chabahar",
                 "Mashhad", "Islamic Republic of Iran"]},
    {"name": "India", "capital": "New Delhi", "lat": 28.6139, "lon": 77.209,
     "aliases": ["New Delhi", "Delhi", "Mumbai", "Srinagar", "Indian-occupied Kashmir",
                 "Indian Illegally Occupied Jammu and Kashmir", "IIOJK", "IOK", "Indian Kashmir"]},
    {"name": "China", "capital": "Beijing", "lat": 39.9042, "lon": 116.4074,
     "aliases": ["Beijing", "Xinjiang", "Kashgar", "People's Republic of China", "PRC"]},
    {"name": "United States", "capital": "Washington", "lat": 38.9072, "lon": -77.0369,
     "aliases": ["US", "U.S.", "USA", "U.S.A.", "United States of America", "America", "Washington"]},
    {"name": "United Kingdom", "capital": "London", "lat": 51.5074, "lon": -0.1278,
     "aliases": ["UK", "U.K.", "Britain", "Great Britain", "London"]},
    {"name": "Saudi Arabia", "capital": "Riyadh", "lat": 24.7136, "lon": 46.6753,
     "aliases": ["Riyadh", "KSA", "Jeddah"]},
    {"name": "United Arab Emirates", "capital": "Abu Dhabi", "lat": 24.4539, "lon": 54.3773,
     "aliases": ["UAE", "Dubai", "Abu Dhabi"]},
    {"name": "Qatar", "capital": "Doha", "lat": 25.2854, "lon": 51.531, "aliases": ["Doha"]},
    {"name": "Tajikistan", "capital": "Dushanbe", "lat": 38.5598, "lon": 68.787, "aliases": ["Dushanbe"]},
    {"name": "Uzbekistan", "capital": "Tashkent", "lat": 41.2995, "lon": 69.2401, "aliases": ["Tashkent"]},
    {"name": "Turkmenistan", "capital": "Ashgabat", "lat": 37.9601, "lon": 58.3261, "aliases": ["Ashgabat"]},
    {"name": "Bangladesh", "capital": "Dhaka", "lat": 23.8103, "lon": 90.4125, "aliases": ["Dhaka"]},
    {"name": "Russia", "capital": "Moscow", "lat": 55.7558, "lon": 37.6173,
     "aliases": ["Moscow", "Russian Federation"]},
    {"name": "Syria", "capital": "Damascus", "lat": 33.5138, "lon": 36.2765, "aliases": ["Damascus"]},
    {"name": "Iraq", "capital": "Baghdad", "lat": 33.3152, "lon": 44.3661, "aliases": ["Baghdad"]},
    {"name": "Turkey", "capital": "Ankara", "lat": 39.9334, "lon": 32.8597,
     "aliases": ["Turkiye", "Türkiye", "Ankara", "Istanbul"]},
]

# Press variants added to groups.json entries (all documented in the shared notes/aliases).
EXTRA_GROUP_ALIASES: dict[str, list[str]] = {
    "Tehrik-i-Taliban Pakistan": ["Tehrik-e-Taliban", "Tehreek-e-Taliban", "TTP militants"],
    "Islamic State Khorasan Province": ["IS-KP", "ISIS-KP", "Islamic State-Khorasan", "IS Khorasan",
                                       "Daesh Khorasan", "Islamic State", "Islamic State group"],
    "Balochistan Liberation Army": ["Balochistan Liberation Army"],
    "Balochistan Liberation Front": ["Baloch Liberation Front"],
    "Hafiz Gul Bahadur Group": ["Jaish al-Fursan", "Jaish-ul-Fursan", "Usud al-Harb", "Usood-ul-Harb"],
    # the Islamic Emirate's forces at the border: "Afghan Border Forces / Afghan Taliban forces firing on Pakistan
    # are Taliban (Afghanistan)" (news_dev conventions)
    "Taliban (Afghanistan)": ["Afghan Taliban forces", "Afghan forces", "Afghan border forces", "Afghan troops",
                              "Afghan border guards", "Afghan Border Police", "Afghan security forces"],
}

# Factions whose attacks are reported under the parent's name (the BLA's suicide wing).
REPORT_AS: dict[str, str] = {"Majeed Brigade": "Balochistan Liberation Army"}


def ascii_fold(text: str) -> str:
    """Strip diacritics and normalise typographic quotes."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip()


def is_latin(text: str) -> bool:
    """True if every letter in ``text`` is Latin script."""
    return all(not c.isalpha() or "LATIN" in unicodedata.name(c, "") for c in text)


def clean_alt_names(raw: str, primary: str) -> list[str]:
    """Latin-script, ASCII-folded, de-duplicated alternate names without junk."""
    seen = {primary.lower()}
    out: list[str] = []
    for name in raw.split("|"):
        name = name.strip()
        if not name or not is_latin(name):
            continue
        folded = ascii_fold(name)
        if len(folded) < 3 or re.search(r"\d", folded) or not folded[0].isupper():
            continue
        if folded.lower() not in seen:
            seen.add(folded.lower())
            out.append(folded)
    return out


def split_pipe(value: str) -> list[str]:
    """Split a pipe-separated CSV cell into trimmed non-empty items."""
    return [v.strip() for v in value.split("|") if v.strip()]


def read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a CSV file as dicts."""
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build_districts(shared: Path) -> list[dict[str, Any]]:
    """District records with representative points and press aliases."""
    out = []
    for row in read_csv(shared / "pk_districts.csv"):
        name = row["name"]
        aliases = split_pipe(row["aliases"]) + EXTRA_DISTRICT_ALIASES.get(name, [])
        if row["hq"]:
            aliases.append(f"{name} district")
        aliases = list(dict.fromkeys(a for a in aliases if a.lower() != name.lower()))
        out.append({
            "name": name,
            "province": row["province"],
            "division": row["division"],
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "hq": row["hq"] or None,
            "aliases": aliases,
            "former_fata": row["former_fata_agency"] == "1",
        })
    return out


def stitch_arcs(arcs: list[list[list[float]]], indices: list[int]) -> list[tuple[float, float]]:
    """Join TopoJSON arcs (absolute coordinates) into one ring."""
    ring: list[tuple[float, float]] = []
    for idx in indices:
        arc = arcs[idx] if idx >= 0 else list(reversed(arcs[~idx]))
        pts = [(float(p[0]), float(p[1])) for p in arc]
        ring.extend(pts if not ring else pts[1:])
    return ring


def topo_geometry(arcs: list[list[list[float]]], geom: dict[str, Any]) -> MultiPolygon:
    """A shapely MultiPolygon from a TopoJSON Polygon/MultiPolygon geometry."""
    polys = geom["arcs"] if geom["type"] == "MultiPolygon" else [geom["arcs"]]
    shapes = []
    for rings in polys:
        coords = [c for c in (stitch_arcs(arcs, r) for r in rings) if len(c) >= 4]
        if not coords:
            continue
        poly = Polygon(coords[0], coords[1:])
        shapes.append(poly if poly.is_valid else poly.buffer(0))
    merged = unary_union(shapes)
    return merged if isinstance(merged, MultiPolygon) else MultiPolygon([merged])


def round_coords(obj: Any) -> Any:
    """Round nested coordinate tuples to COORD_DECIMALS."""
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, COORD_DECIMALS) for v in obj]
        return [round_coords(o) for o in obj]
    return obj


def simplify_keeping(geom: MultiPolygon, point: Point) -> Any:
    """Simplify, halving the tolerance until the representative point stays inside."""
    tol = SIMPLIFY_TOLERANCE
    while tol > 1e-5:
        simple = geom.simplify(tol, preserve_topology=True)
        rounded = shape({"type": simple.geom_type, "coordinates": round_coords(mapping(simple)["coordinates"])})
        if rounded.is_valid and rounded.contains(point):
            return rounded
        tol /= 2
    return geom


def load_topology(shared: Path) -> dict[str, Any]:
    """The parsed TopoJSON file."""
    with (shared / "pm_geography.topojson.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def build_polygons(topo: dict[str, Any], districts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Simplified district polygons as GeoJSON-like records."""
    points = {d["name"]: Point(d["lon"], d["lat"]) for d in districts}
    out = []
    for geom in topo["objects"]["districts"]["geometries"]:
        props = geom["properties"]
        full = topo_geometry(topo["arcs"], geom)
        simple = simplify_keeping(full, points[props["name"]])
        out.append({
            "district": props["name"],
            "province": props["province"],
            "type": simple.geom_type,
            "coordinates": round_coords(mapping(simple)["coordinates"]),
        })
    return out


def province_points(topo: dict[str, Any]) -> dict[str, tuple[float, float]]:
    """A representative (lat, lon) inside each province polygon."""
    out = {}
    for geom in topo["objects"]["provinces"]["geometries"]:
        pt = topo_geometry(topo["arcs"], geom).representative_point()
        out[geom["properties"]["name"]] = (round(pt.y, 5), round(pt.x, 5))
    return out


def build_provinces(topo: dict[str, Any]) -> list[dict[str, Any]]:
    """Canonical provinces with aliases and a representative point."""
    points = province_points(topo)
    return [
        {"name": name, "lat": points[name][0], "lon": points[name][1],
         "aliases": [a for a in PROVINCE_ALIASES.get(name, []) if a != name]}
        for name in sorted(points)
    ]


def town_records(shared: Path) -> Iterator[dict[str, Any]]:
    """Places from pk_places.csv."""
    for row in read_csv(shared / "pk_places.csv"):
        name = ascii_fold(row["name"])
        if ADMIN_WORDS.search(name):
            continue  # admin units mislabelled as towns ("North Waziristan Agency")
        yield {
            "name": name,
            "kind": "town",
            "lat": float(row["lat"]),
            "lon": float(row["lon"]),
            "district": row["district"],
            "province": row["province"],
            "alt_names": clean_alt_names(row["alt_names"], name),
            "population": int(row["population"]) if row["population"] else None,
            "precision": "place",
        }


def tehsil_name(raw: str) -> tuple[str, list[str]]:
    """Clean a tehsil name: drop parentheticals, split slash variants."""
    base = re.sub(r"\(.*?\)", "", raw).strip()
    parts = [p.strip() for p in base.split("/") if p.strip()]
    if not parts:
        return raw, []
    head = parts[0][0].upper() + parts[0][1:]
    return head, [p.title() for p in parts[1:]]


def tehsil_records(shared: Path, known: set[tuple[str, str]]) -> Iterator[dict[str, Any]]:
    """Tehsils not already present as a same-district town."""
    for row in read_csv(shared / "pk_tehsils_2017.csv"):
        if not row["tehsil"] or row["tehsil"].lower() in JUNK_TEHSILS or not row["district"]:
            continue
        name, alts = tehsil_name(row["tehsil"])
        if (name.lower(), row["district"]) in known or len(name) < 3:
            continue
        known.add((name.lower(), row["district"]))
        has_coord = bool(row["lat"])
        yield {
            "name": name,
            "kind": "tehsil",
            "lat": float(row["lat"] if has_coord else row["fallback_lat"]),
            "lon": float(row["lon"] if has_coord else row["fallback_lon"]),
            "district": row["district"],
            "province": row["province"],
            "alt_names": alts,
            "population": None,
            "precision": "place" if has_coord else "district",
        }


def locality_records(districts: list[dict[str, Any]], taken: set[str]) -> Iterator[dict[str, Any]]:
    """Localities often named in security reporting but absent from the census lists.

    ``data/localities.csv`` gives only the name and the district, so each carries its district's
    point at district precision (no invented coordinates); names already in the gazetteer are skipped.
    """
    points = {d["name"]: (d["lat"], d["lon"]) for d in districts}
    for row in read_csv(LOCALITIES):
        alts = [a for a in split_pipe(row["alt_names"]) if a.lower() not in taken]
        if row["name"].lower() in taken:
            continue
        lat, lon = points[row["district"]]
        taken.update(n.lower() for n in [row["name"], *alts])
        yield {
            "name": row["name"],
            "kind": "locality",
            "lat": lat,
            "lon": lon,
            "district": row["district"],
            "province": row["province"],
            "alt_names": alts,
            "population": None,
            "precision": "district",
        }


def build_places(shared: Path, districts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Towns, tehsils (with coordinates or a district fallback point) and curated localities."""
    towns = list(town_records(shared))
    known = {(t["name"].lower(), t["district"]) for t in towns}
    places = towns + list(tehsil_records(shared, known))
    taken = {n.lower() for p in places for n in [p["name"], *p["alt_names"]]}
    return places + list(locality_records(districts, taken))


def build_groups(shared: Path) -> list[dict[str, Any]]:
    """Militant groups with press variants."""
    with (shared / "groups.json").open(encoding="utf-8") as fh:
        groups = json.load(fh)
    out = []
    for g in groups:
        aliases = list(dict.fromkeys(g["aliases"] + EXTRA_GROUP_ALIASES.get(g["canonical_name"], [])))
        record = {
            "canonical_name": g["canonical_name"],
            "abbreviations": g["abbreviations"],
            "aliases": [a for a in aliases if a != g["canonical_name"]],
            "ideology": g.get("ideology"),
            "parent_or_umbrella": g.get("parent_or_umbrella"),
            "pk_proscribed": g.get("pk_proscribed"),
        }
        if g["canonical_name"] in REPORT_AS:
            record["report_as"] = REPORT_AS[g["canonical_name"]]
        out.append(record)
    return out


def build_actors(shared: Path) -> list[dict[str, Any]]:
    """State/security actors with aliases."""
    with (shared / "pk_state_actors.json").open(encoding="utf-8") as fh:
        actors = json.load(fh)
    return [
        {"canonical_name": a["canonical_name"], "actor_type": a["actor_type"], "aliases": a["aliases"]}
        for a in actors
    ]


def write_json(name: str, data: Any) -> None:
    """Write compact JSON into nlp/data/."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with (DATA_DIR / name).open("w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        fh.write("\n")


def check_polygons(polygons: list[dict[str, Any]], places: Iterable[dict[str, Any]]) -> float:
    """Share of towns whose point falls in their listed district's simplified polygon."""
    shapes = {p["district"]: shape(p) for p in polygons}
    towns = [p for p in places if p["kind"] == "town"]
    hits = sum(1 for t in towns if shapes[t["district"]].contains(Point(t["lon"], t["lat"])))
    return hits / len(towns)


def main(argv: list[str] | None = None) -> None:
    """Build every data file and report checks."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, required=True, help="shared gazetteer directory")
    args = parser.parse_args(argv)
    topo = load_topology(args.shared)
    districts = build_districts(args.shared)
    polygons = build_polygons(topo, districts)
    places = build_places(args.shared, districts)
    write_json("districts.json", districts)
    write_json("district_polygons.json", polygons)
    write_json("places.json", places)
    write_json("provinces.json", build_provinces(topo))
    write_json("groups.json", build_groups(args.shared))
    write_json("actors.json", build_actors(args.shared))
    write_json("countries.json", COUNTRIES)
    print(f"districts={len(districts)} polygons={len(polygons)} places={len(places)}")
    print(f"towns in listed district polygon after simplification: {check_polygons(polygons, places):.1%}")


if __name__ == "__main__":
    main()
