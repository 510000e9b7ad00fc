"""Stream incidents or events out of Elasticsearch as JSON Lines, CSV, GeoJSON or GTD-style CSV.

Formats:

- `jsonl`: one record per line (everything but the embedding);
- `csv`: one flat row per record (nested fields flattened, lists joined with `;`);
- `geojson`: a FeatureCollection; a record with coordinates is a Point feature
  (`[lon, lat]`), one without has `geometry: null`; properties are the flat CSV row;
- `gtd-csv`: columns named as in the Global Terrorism Database (eventid, iyear, imonth,
  iday, country_txt, provstate, city, latitude, longitude, attacktype1_txt, targtype1_txt,
  gname, claimed, nkill, nwound, suicide, summary, scite1). `eventid` is Khabar's id (GTD's
  own ids are not reproducible); unknown day or month is 0, unknown figures are empty.
  Security operations are not terrorist attacks in GTD's sense and are left out unless
  `include_operations` is set.

Records are streamed from the store in (date, id) order, undated last, so exports of any size use
constant memory; this is the one exporter (`khabar export` and `khabar incidents export`).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from datetime import date
from typing import IO, Any, Literal

from khabar.index.store import Store, date_range_query

What = Literal["incidents", "events"]
Format = Literal["jsonl", "csv", "geojson", "gtd-csv"]
FORMATS: tuple[str, ...] = ("jsonl", "csv", "geojson", "gtd-csv")

GTD_ATTACK_TYPES: dict[str, str] = {
    "bombing": "Bombing/Explosion",
    "armed_assault": "Armed Assault",
    "targeted_killing": "Assassination",
    "kidnapping": "Hostage Taking (Kidnapping)",
    "hijacking": "Hijacking",
    "infrastructure_attack": "Facility/Infrastructure Attack",
    "security_operation": "Unknown",  # not a GTD attack type; only exported when asked for
    "other": "Unknown",
}
GTD_TARGET_TYPES: dict[str, str] = {
    "security_forces": "Military",
    "police": "Police",
    "civilians": "Private Citizens & Property",
    "government": "Government (General)",
    "religious": "Religious Figures/Institutions",
    "political": "Government (General)",  # GTD codes party rallies and politicians here
    "foreigners": "Private Citizens & Property",  # GTD has no "foreigners" type; nationality is coded apart
    "transport": "Transportation",
    "education": "Educational Institution",
    "infrastructure": "Utilities",
    "militants": "Terrorists/Non-State Militia",
    "other": "Unknown",
}
GTD_COLUMNS = ["eventid", "iyear", "imonth", "iday", "country_txt", "provstate", "city", "latitude", "longitude",
               "attacktype1_txt", "targtype1_txt", "gname", "claimed", "nkill", "nwound", "suicide", "summary", "scite1"]
COMMON_COLUMNS = ["date", "date_precision", "event_type", "suicide", "country", "province", "district", "place", "lat", "lon",
                  "killed", "injured", "attackers_killed", "kidnapped", "perpetrator", "attribution", "target_type", "confidence"]
CSV_COLUMNS: dict[str, list[str]] = {
    "incidents": ["incident_id", *COMMON_COLUMNS, "source_count", "outlets", "source_urls", "first_reported_at", "updated_at",
                  "corrected", "rejected", "review"],
    "events": ["id", *COMMON_COLUMNS, "article_id", "article_url", "outlet", "title", "published_at", "incident_id", "review"],
}


ID_FIELDS: dict[str, str] = {"incidents": "incident_id", "events": "id"}


def iter_records(store: Store, what: What, date_from: date | None = None, date_to: date | None = None,
                 include_operations: bool = True) -> Iterator[dict[str, Any]]:
    """The stored records in (date, id) order (undated last), streamed, without embeddings."""
    query = date_range_query(date_from, date_to, include_operations)
    yield from store.iter_docs(what, query, ordered_by=["date", ID_FIELDS[what]])


# A cell starting with one of these is a formula to a spreadsheet (CSV injection, OWASP).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A CSV cell that a spreadsheet shows as text: a text starting like a formula gets a `'` in
    front; a bare carriage return becomes a newline (which the writer quotes; a bare CR it would not)."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_PREFIXES):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _num(value: Any) -> Any:
    return "" if value is None else value


def flat_row(what: What, doc: dict[str, Any]) -> dict[str, Any]:
    """One record as a flat row of CSV_COLUMNS[what]."""
    loc = doc.get("location") or {}
    perp = doc.get("perpetrator") or {}
    row: dict[str, Any] = {
        "date": doc.get("date"), "date_precision": doc.get("date_precision"), "event_type": doc.get("event_type"),
        "suicide": doc.get("suicide"), "country": loc.get("country"), "province": loc.get("province"),
        "district": loc.get("district"), "place": loc.get("place"), "lat": loc.get("lat"), "lon": loc.get("lon"),
        "killed": doc.get("killed"), "injured": doc.get("injured"), "attackers_killed": doc.get("attackers_killed"),
        "kidnapped": doc.get("kidnapped"), "perpetrator": perp.get("name"), "attribution": perp.get("attribution"),
        "target_type": doc.get("target_type"), "confidence": doc.get("confidence"),
    }
    if what == "incidents":
        row |= {
            "incident_id": doc.get("incident_id"), "source_count": doc.get("source_count"),
            "outlets": ";".join(doc.get("outlets") or []),
            "source_urls": ";".join(s.get("url", "") for s in doc.get("sources") or []),
            "first_reported_at": doc.get("first_reported_at"), "updated_at": doc.get("updated_at"),
            "corrected": ";".join(doc.get("corrected") or []), "rejected": bool(doc.get("rejected")),  # analysts' corrections
            "review": ";".join(doc.get("review_fields") or []),  # figures under review ("killed"): left out of counts by default
        }
    else:
        row |= {k: doc.get(k) for k in ("id", "article_id", "article_url", "outlet", "title", "published_at", "incident_id")}
        row["review"] = bool(doc.get("review"))  # this report's figure was implausible
    return {col: _num(row.get(col)) for col in CSV_COLUMNS[what]}


def gtd_row(what: What, doc: dict[str, Any]) -> dict[str, Any]:
    """One record in GTD's column names and codes."""
    loc = doc.get("location") or {}
    perp = doc.get("perpetrator") or {}
    day = date.fromisoformat(doc["date"]) if doc.get("date") else None
    precision = doc.get("date_precision")
    sources = doc.get("sources") or []
    first_url = sources[0].get("url") if sources else doc.get("article_url")
    title = sources[0].get("title") if sources else doc.get("title")
    return {
        "eventid": doc.get("incident_id") if what == "incidents" else doc.get("id"),
        "iyear": day.year if day else "",
        "imonth": day.month if day and precision in ("day", "month", "unknown") else 0,
        "iday": day.day if day and precision in ("day", "unknown") else 0,
        "country_txt": loc.get("country") or "Pakistan",
        "provstate": _num(loc.get("province")),
        "city": _num(loc.get("place") or loc.get("district")),
        "latitude": _num(loc.get("lat")),
        "longitude": _num(loc.get("lon")),
        "attacktype1_txt": GTD_ATTACK_TYPES.get(doc.get("event_type") or "other", "Unknown"),
        "targtype1_txt": GTD_TARGET_TYPES.get(doc.get("target_type") or "other", "Unknown"),
        "gname": perp.get("name") or "Unknown",
        "claimed": 1 if perp.get("attribution") == "claimed" else 0,
        "nkill": _num(doc.get("killed")),
        "nwound": _num(doc.get("injured")),
        "suicide": 1 if doc.get("suicide") else 0,
        "summary": _num(title),
        "scite1": _num(first_url),
    }


def feature(what: What, doc: dict[str, Any]) -> dict[str, Any]:
    """A GeoJSON feature (Point when coordinates are known)."""
    loc = doc.get("location") or {}
    geometry = None
    if loc.get("lat") is not None and loc.get("lon") is not None:
        geometry = {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]}
    props = {k: (None if v == "" else v) for k, v in flat_row(what, doc).items()}
    return {"type": "Feature", "id": props.get("incident_id") or props.get("id"), "geometry": geometry, "properties": props}


def export(store: Store, stream: IO[str], *, what: What = "incidents", fmt: Format = "jsonl",
           date_from: date | None = None, date_to: date | None = None, include_operations: bool | None = None) -> int:
    """Write the records to `stream` in `fmt`; returns how many were written.

    `include_operations` defaults to False for `gtd-csv` and True otherwise.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    ops = fmt != "gtd-csv" if include_operations is None else include_operations
    records = iter_records(store, what, date_from, date_to, ops)
    count = 0
    if fmt == "jsonl":
        for doc in records:
            stream.write(json.dumps(doc, ensure_ascii=False) + "\n")
            count += 1
    elif fmt in ("csv", "gtd-csv"):
        columns, to_row = (GTD_COLUMNS, gtd_row) if fmt == "gtd-csv" else (CSV_COLUMNS[what], flat_row)
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for doc in records:
            writer.writerow({column: safe_cell(value) for column, value in to_row(what, doc).items()})
            count += 1
    else:
        stream.write('{"type": "FeatureCollection", "features": [\n')
        for doc in records:
            stream.write(("" if count == 0 else ",\n") + json.dumps(feature(what, doc), ensure_ascii=False))
            count += 1
        stream.write("\n]}\n")
    return count
