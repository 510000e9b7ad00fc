"""Spike detection: surge and threat alerts per province, district and group, and their backtest.

- **surge**: the last complete week's count at least doubles the average of the four weeks
  before it, and that average is at least 1;
- **threat**: the same rule one scale up: the last four weeks (a "month" of 28 days) against
  the average of the twelve four-week blocks before them.

`detect` is a pure function over a series of counts (oldest first, the period to judge last),
so it is unit-testable; `scan` reads weekly counts from the incident index (security operations
left out), stores new alerts in `<prefix>-alerts` (the id is deterministic, so a rescan raises
nothing twice) and queues a `surge` message to every watchlist subscribed to `surge` whose
filter names only the alert's dimension (or nothing). `backtest` replays a period week by week
and counts how many surges the following two weeks confirmed (their average stays at least 1.5
times the baseline).
"""

from __future__ import annotations

import csv
import html
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from khabar.app.alerts import filter_matches, queue_message
from khabar.core.records import stable_id, utcnow
from khabar.index.alerts import GROUP_FIELDS, AlertStore, week_start
from khabar.index.store import StoreNotFound

RATIO = 2.0
MIN_BASELINE = 1.0
SURGE_WEEKS = 4  # baseline of a surge: the four weeks before the last
THREAT_BLOCKS = 12  # baseline of a threat: the twelve four-week blocks before the last
CONFIRM_WEEKS = 2
CONFIRM_RATIO = 1.5
DIMENSIONS = tuple(GROUP_FIELDS)  # province, district, group
FILTER_FIELD = {"province": "province", "district": "district", "group": "perpetrator"}


@dataclass(frozen=True)
class Spike:
    """A period whose count at least doubled its baseline."""

    count: int
    baseline: float

    @property
    def ratio(self) -> float:
        return round(self.count / self.baseline, 2) if self.baseline else float("inf")


def detect(series: Sequence[int], history: int = SURGE_WEEKS, ratio: float = RATIO, min_baseline: float = MIN_BASELINE) -> Spike | None:
    """A spike when the last value is at least `ratio` × the mean of the `history` values before it
    and that mean is at least `min_baseline`; None otherwise (also when the series is too short)."""
    if len(series) < history + 1:
        return None
    baseline = sum(series[-history - 1 : -1]) / history
    last = series[-1]
    if baseline >= min_baseline and last >= ratio * baseline:
        return Spike(last, baseline)
    return None


def weekly_series(weeks: dict[date, int], last_week: date, length: int) -> list[int]:
    """Counts of the `length` weeks ending with `last_week` (a Monday), zeros where none."""
    return [weeks.get(last_week - timedelta(weeks=length - 1 - i), 0) for i in range(length)]


def blocks_of_four(series: Sequence[int]) -> list[int]:
    """Sum consecutive four-week blocks, aligned on the end of the series."""
    start = len(series) % 4
    return [sum(series[i : i + 4]) for i in range(start, len(series), 4)]


def last_complete_week(as_of: date) -> date:
    """The Monday of the last week that ended before `as_of`."""
    return week_start(as_of) - timedelta(weeks=1)


def detect_all(counts: dict[str, dict[str, dict[date, int]]], as_of: date, covered_from: date | None = None) -> list[dict[str, Any]]:
    """Surge and threat alerts for the week (and four weeks) that ended before `as_of`.

    A rule is only applied when the data covers its whole baseline (`covered_from`, the first day
    with data, is not after the baseline's start): weeks before the data began are unknown, not zero.
    """
    last = last_complete_week(as_of)
    judge_surge = covered_from is None or covered_from <= last - timedelta(weeks=SURGE_WEEKS)
    judge_threat = covered_from is None or covered_from <= last - timedelta(weeks=4 * THREAT_BLOCKS + 3)
    length = 4 * (THREAT_BLOCKS + 1)
    alerts: list[dict[str, Any]] = []
    for dimension, by_key in counts.items():
        for key, weeks in sorted(by_key.items()):
            series = weekly_series(weeks, last, length)
            surge = detect(series, SURGE_WEEKS) if judge_surge else None
            if surge:
                alerts.append(_alert("surge", dimension, key, last, last + timedelta(days=7), surge))
            threat = detect(blocks_of_four(series), THREAT_BLOCKS) if judge_threat else None
            if threat:
                alerts.append(_alert("threat", dimension, key, last - timedelta(weeks=3), last + timedelta(days=7), threat))
    return alerts


def _alert(kind: str, dimension: str, key: str, start: date, end: date, spike: Spike) -> dict[str, Any]:
    span = "week" if kind == "surge" else "four weeks"
    base_span = "the 4 weeks before" if kind == "surge" else "the 12 four-week periods before"
    return {
        "id": stable_id("alert", kind, dimension, key, start.isoformat()),
        "kind": kind, "dimension": dimension, "key": key,
        "period_start": start.isoformat(), "period_end": end.isoformat(),
        "count": spike.count, "baseline": round(spike.baseline, 2), "ratio": spike.ratio,
        "message": f"{kind}: {spike.count} incidents in the {span} from {start} ({dimension} {key}), "
                   f"against an average of {spike.baseline:.1f} in {base_span}",
    }


def history_start(as_of: date) -> date:
    return last_complete_week(as_of) - timedelta(weeks=4 * (THREAT_BLOCKS + 1))


@dataclass
class ScanReport:
    """What one scan did."""

    raised: list[dict[str, Any]] = field(default_factory=list)
    known: int = 0
    queued: int = 0


def scan(store: AlertStore, as_of: date | None = None) -> ScanReport:
    """Detect surges and threats for the last complete week before `as_of` (default today); store and send new ones."""
    as_of = as_of or utcnow().date()
    start, end = history_start(as_of), week_start(as_of)
    counts = {dim: store.weekly_counts(dim, start, end) for dim in DIMENSIONS}
    report = ScanReport()
    subscribed = [w for w in store.list_watchlists() if "surge" in w["events"]]
    covered_from = store.earliest_incident_date()
    for alert in detect_all(counts, as_of, week_start(covered_from) if covered_from else None):
        if not store.add_alert({**alert, "raised_at": utcnow().isoformat()}):
            report.known += 1
            continue
        report.raised.append(alert)
        if alert["kind"] != "surge":
            continue
        state = {FILTER_FIELD[alert["dimension"]]: alert["key"]}
        for watchlist in subscribed:
            if filter_matches(watchlist.get("filter", {}), state) and not set(watchlist.get("filter", {})) - {FILTER_FIELD[alert["dimension"]]}:
                report.queued += queue_message(store, watchlist, "surge", alert["id"], {"alert": alert, "incident": None, "changes": {}})
    return report


def run_spikes(store: AlertStore) -> str:
    """The scheduled spike-detection job."""
    report = scan(store)
    return f"raised={len(report.raised)} known={report.known} queued={report.queued}"


def what_changed_section(store: AlertStore, year: int, fmt: str = "text", limit: int = 10) -> str:
    """The "what changed" section of `khabar report`: the year's latest surge and threat alerts ("" when none)."""
    try:
        found = [a for a in store.list_alerts(since=date(year, 1, 1), size=200) if a["period_start"][:4] == str(year)][:limit]
    except StoreNotFound:  # no alerts index yet (`khabar index init`)
        return ""
    if not found:
        return ""
    lines = [a["message"] for a in found]
    if fmt == "markdown":
        return "\n## What changed\n\n" + "".join(f"- {line}\n" for line in lines)
    if fmt == "html":
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return f"\n<h2>What changed</h2>\n<ul>{items}</ul>\n"
    return "\nWhat changed\n" + "".join(f"  - {line}\n" for line in lines)


# -- backtest --------------------------------------------------------------------------------------
@dataclass
class Backtest:
    """Surges raised week by week over a period, and how many the following weeks confirmed."""

    weeks: int = 0
    raised: int = 0
    confirmed: int = 0
    by_dimension: dict[str, tuple[int, int]] = field(default_factory=dict)

    @property
    def confirmed_share(self) -> float:
        return self.confirmed / self.raised if self.raised else 0.0


def backtest(counts: dict[str, dict[str, dict[date, int]]], first: date, last: date) -> Backtest:
    """Replay the weeks from `first` to `last` (Mondays): surges raised, and confirmed when the mean of
    the next `CONFIRM_WEEKS` weeks is at least `CONFIRM_RATIO` × the surge's baseline."""
    result = Backtest()
    week = week_start(first)
    raised: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    while week <= last:
        result.weeks += 1
        for dimension, by_key in counts.items():
            for weeks in by_key.values():
                series = weekly_series(weeks, week, SURGE_WEEKS + 1)
                spike = detect(series, SURGE_WEEKS)
                if spike is None:
                    continue
                after = [weeks.get(week + timedelta(weeks=i + 1), 0) for i in range(CONFIRM_WEEKS)]
                ok = sum(after) / CONFIRM_WEEKS >= CONFIRM_RATIO * spike.baseline
                result.raised += 1
                result.confirmed += ok
                raised[dimension][0] += 1
                raised[dimension][1] += ok
        week += timedelta(weeks=1)
    result.by_dimension = {k: (v[0], v[1]) for k, v in raised.items()}
    return result


def counts_from_rows(rows: Iterable[dict[str, Any]]) -> dict[str, dict[str, dict[date, int]]]:
    """Weekly counts per dimension from incident-like rows {date, province, district, group}."""
    counts: dict[str, dict[str, dict[date, int]]] = {dim: defaultdict(lambda: defaultdict(int)) for dim in DIMENSIONS}
    for row in rows:
        day = row.get("date")
        if not isinstance(day, date):
            continue
        for dim in DIMENSIONS:
            if row.get(dim):
                counts[dim][str(row[dim])][week_start(day)] += 1
    return {dim: {k: dict(v) for k, v in by.items()} for dim, by in counts.items()}


def acled_rows(path: Path) -> Iterable[dict[str, Any]]:
    """An ACLED CSV's rows as incidents (event_date, admin1, admin2, actor1); strategic developments skipped."""
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("event_type") == "Strategic developments":
                continue
            try:
                day = date.fromisoformat(row["event_date"][:10])
            except (KeyError, ValueError):
                continue
            yield {"date": day, "province": row.get("admin1") or None, "district": row.get("admin2") or None,
                   "group": row.get("actor1") or None}


def index_rows(store: AlertStore) -> Iterable[dict[str, Any]]:
    """The incident index's incidents (security operations left out) as rows for the backtest."""
    for doc in store.iter_incidents(["date", "event_type", "location.province", "location.district", "perpetrator.name"]):
        if doc.get("event_type") == "security_operation" or not doc.get("date"):
            continue
        loc, perp = doc.get("location") or {}, doc.get("perpetrator") or {}
        yield {"date": date.fromisoformat(str(doc["date"])[:10]), "province": loc.get("province"),
               "district": loc.get("district"), "group": perp.get("name")}
