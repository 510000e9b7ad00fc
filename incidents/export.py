"""Incidents as JSON Lines: one incident per line, with its sources' URLs."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date
from typing import IO, Any

from elasticsearch import Elasticsearch, helpers
from khabar.index.templates import alias_name

from khabar.core.records import Incident
from khabar.core.settings import Settings

EXPORT_EXCLUDE = {"embedding"}


def incident_query(date_from: date | None = None, date_to: date | None = None) -> dict[str, Any]:
    """A query for incidents whose date is in [date_from, date_to] (either end open)."""
    if date_from is None and date_to is None:
        return {"match_all": {}}
    bounds: dict[str, str] = {}
    if date_from is not None:
        bounds["gte"] = date_from.isoformat()
    if date_to is not None:
        bounds["lte"] = date_to.isoformat()
    return {"range": {"date": bounds}}


def iter_incidents(
    es: Elasticsearch, settings: Settings, *, date_from: date | None = None, date_to: date | None = None
) -> Iterator[Incident]:
    """Incidents in the date range, ordered by date then id (undated ones last)."""
    index = alias_name(settings, "incidents")
    hits = helpers.scan(es, index=index, query={"query": incident_query(date_from, date_to)}, size=500)
    found = [Incident.model_validate(h["_source"]) for h in hits]
    found.sort(key=lambda i: (i.date is None, i.date or date.min, i.incident_id))
    yield from found


def incident_line(incident: Incident) -> dict[str, Any]:
    """The exported form of one incident (everything but the embedding)."""
    return incident.model_dump(mode="json", exclude=EXPORT_EXCLUDE)


def write_jsonl(incidents: Iterable[Incident], stream: IO[str]) -> int:
    """Write incidents as JSON Lines; returns how many were written."""
    count = 0
    for incident in incidents:
        stream.write(json.dumps(incident_line(incident), ensure_ascii=False) + "\n")
        count += 1
    return count


def read_jsonl(stream: IO[str]) -> list[dict[str, Any]]:
    """Exported incidents read back as dicts (blank lines skipped)."""
    return [json.loads(line) for line in stream if line.strip()]
