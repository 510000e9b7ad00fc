"""Incident trends: counts or tolls per period and key, with year-over-year change.

Elasticsearch does the counting (date_histogram on `date` × terms on the key field, with
sums of killed/injured); year-over-year change is computed here, from one extra year
queried before `date_from` and trimmed from the output.

Incidents an analyst rejected are never counted. Incidents whose killed/injured figure is under
review (`review`: a source's figure was implausible, khabar.incidents.plausibility) are left out
by default (`review="exclude"`), so trends agree with `khabar report`; the table says how many
were left out (`under_review`). `review="include"` counts them with their counted figure (from
the unflagged sources where there are any); `review="only"` shows just them.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any, Literal

from elasticsearch import Elasticsearch
from pydantic import BaseModel

from khabar.core.settings import Settings
from khabar.index.templates import alias_name

By = Literal["group", "province", "district", "event_type", "target_type"]
Interval = Literal["month", "quarter", "year"]
Metric = Literal["incidents", "killed", "injured"]
Review = Literal["exclude", "include", "only"]
REVIEW_MODES: tuple[str, ...] = Review.__args__  # type: ignore[attr-defined]

BY_FIELDS: dict[str, str] = {
    "group": "perpetrator.name",
    "province": "location.province",
    "district": "location.district",
    "event_type": "event_type",
    "target_type": "target_type",
}
MISSING_KEY = "Unknown"
MAX_KEYS = 1000


class TrendRow(BaseModel):
    """One key's value in one period, with the same period a year earlier."""

    period: str
    period_start: date
    key: str
    value: int
    previous_year_value: int | None = None
    yoy_change_pct: float | None = None


class TrendTable(BaseModel):
    """A trend query and its rows (ordered by period, then value descending, then key)."""

    by: By
    interval: Interval
    metric: Metric
    date_from: date | None = None
    date_to: date | None = None
    include_operations: bool = False
    review: Review = "exclude"
    under_review: int = 0  # incidents with figures under review in the range, left out when review="exclude"
    rows: list[TrendRow] = []

    def to_json(self) -> str:
        """The table as a JSON document."""
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2)

    def periods(self) -> list[str]:
        """The periods present, in order."""
        return sorted({r.period for r in self.rows}, key=lambda p: next(r.period_start for r in self.rows if r.period == p))


def period_label(start: date, interval: Interval) -> str:
    """`2025-01`, `2025-Q1` or `2025`."""
    if interval == "month":
        return f"{start.year}-{start.month:02d}"
    if interval == "quarter":
        return f"{start.year}-Q{(start.month - 1) // 3 + 1}"
    return str(start.year)


def _year_earlier(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def attack_filter(
    date_from: date | None, date_to: date | None, include_operations: bool, review: Review = "include"
) -> dict[str, Any]:
    """The bool query for incidents in a date range (rejected ones excluded; operations too unless asked;
    incidents with figures under review as `review` says: included, excluded or only those)."""
    filters: list[dict[str, Any]] = []
    bounds: dict[str, str] = {}
    if date_from is not None:
        bounds["gte"] = date_from.isoformat()
    if date_to is not None:
        bounds["lte"] = date_to.isoformat()
    filters.append({"range": {"date": bounds}} if bounds else {"exists": {"field": "date"}})
    must_not: list[dict[str, Any]] = [{"term": {"rejected": True}}]  # an analyst said: not an incident
    if not include_operations:
        must_not.append({"term": {"event_type": "security_operation"}})
    if review not in REVIEW_MODES:
        raise ValueError(f"unknown review {review!r}; expected one of {', '.join(REVIEW_MODES)}")
    if review == "exclude":
        must_not.append({"term": {"review": True}})
    elif review == "only":
        filters.append({"term": {"review": True}})
    return {"bool": {"filter": filters, "must_not": must_not}}


def under_review_count(es: Elasticsearch, settings: Settings, date_from: date | None, date_to: date | None,
                       include_operations: bool = False) -> int:
    """Incidents in the range (not rejected) whose figures are under review."""
    query = attack_filter(date_from, date_to, include_operations, review="only")
    return int(es.count(index=alias_name(settings, "incidents"), query=query)["count"])


def _metric_value(bucket: dict[str, Any], metric: Metric) -> int:
    if metric == "incidents":
        return int(bucket["doc_count"])
    return int(round(bucket[metric]["value"] or 0))


def trends(
    es: Elasticsearch,
    settings: Settings,
    *,
    by: By,
    interval: Interval,
    metric: Metric = "incidents",
    date_from: date | None = None,
    date_to: date | None = None,
    include_operations: bool = False,
    review: Review = "exclude",
) -> TrendTable:
    """Incidents (or killed/injured) per period and key, with year-over-year change (incidents with
    figures under review left out unless `review` is "include" or "only")."""
    if by not in BY_FIELDS:
        raise ValueError(f"unknown --by {by!r}; expected one of {', '.join(BY_FIELDS)}")
    query_from = _year_earlier(date_from) if date_from is not None else None
    sums = {name: {"sum": {"field": name}} for name in ("killed", "injured")}
    body_aggs = {
        "periods": {
            "date_histogram": {"field": "date", "calendar_interval": interval, "format": "yyyy-MM-dd", "min_doc_count": 1},
            "aggs": {
                "keys": {
                    "terms": {"field": BY_FIELDS[by], "size": MAX_KEYS, "missing": MISSING_KEY},
                    "aggs": sums,
                }
            },
        }
    }
    response = es.search(
        index=alias_name(settings, "incidents"),
        size=0,
        query=attack_filter(query_from, date_to, include_operations, review),
        aggs=body_aggs,
    )
    values: dict[tuple[date, str], int] = {}
    starts: set[date] = set()
    for period in response["aggregations"]["periods"]["buckets"]:
        start = date.fromisoformat(period["key_as_string"][:10])
        starts.add(start)
        for bucket in period["keys"]["buckets"]:
            values[(start, str(bucket["key"]))] = _metric_value(bucket, metric)
    covered_from = query_from if query_from is not None else (min(starts) if starts else None)
    table = TrendTable(
        by=by, interval=interval, metric=metric, date_from=date_from, date_to=date_to, include_operations=include_operations,
        review=review, under_review=under_review_count(es, settings, date_from, date_to, include_operations),
    )
    if not starts:
        return table
    lower = _period_floor(date_from, interval) if date_from is not None else min(starts)
    upper = date_to if date_to is not None else max(starts)
    shown = sorted({s for s, _ in values} | {_year_later(s) for s, _ in values})
    for start in shown:
        if not lower <= start <= upper:
            continue
        previous_start = _year_earlier(start)
        has_previous = covered_from is not None and previous_start >= _period_floor(covered_from, interval)
        keys = {k for s, k in values if s in (start, previous_start)}
        for key in keys:
            value = values.get((start, key), 0)
            previous = values.get((previous_start, key), 0) if has_previous else None
            if value == 0 and not previous:
                continue
            change = round((value - previous) / previous * 100, 1) if previous else None
            table.rows.append(
                TrendRow(
                    period=period_label(start, interval),
                    period_start=start,
                    key=key,
                    value=value,
                    previous_year_value=previous,
                    yoy_change_pct=change,
                )
            )
    table.rows.sort(key=lambda r: (r.period_start, -r.value, r.key))
    return table


def _year_later(day: date) -> date:
    return day.replace(year=day.year + 1)


def _period_floor(day: date, interval: Interval) -> date:
    """The first day of the period containing `day`."""
    if interval == "month":
        return day.replace(day=1)
    if interval == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)
