"""Elasticsearch storage of watchlists, the delivery outbox, the delivery log, alerts and matcher state.

Indices (created with the others by `khabar index init`):

- `<prefix>-watchlists`: every record of the watchlist machinery, told apart by `record`:
  `watchlist` (its secret stored, never indexed), `message` (the outbox: one per message to
  deliver, id = the idempotency key, created with `op_type=create` so queuing the same message
  twice keeps the first and its delivery state), `attempt` (the delivery log: status code or
  error of each try) and `state` (what the matcher last saw of each incident, and its cursor);
- `<prefix>-alerts`: surge/threat alerts raised by spike detection.

Writes here are small and followed by a refresh, so the next read sees them (alert volume is low).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError, helpers

from khabar.core.settings import Settings
from khabar.index.templates import alias_name

CURSOR_ID = "_cursor"
WATCH = "watchlists"
NO_EMBEDDING = ["embedding"]
GROUP_FIELDS = {"province": "location.province", "district": "location.district", "group": "perpetrator.name"}


def _iso(value: datetime) -> str:
    return value.astimezone(UTC).isoformat()


def _doc_id(record: str, ident: str) -> str:
    return f"{record}:{ident}"


def _of(record: str, *filters: dict[str, Any]) -> dict[str, Any]:
    """A query for one record type of the watchlists index, with more filters."""
    return {"bool": {"filter": [{"term": {"record": record}}, *filters]}}


class AlertStore:
    """Reads and writes of everything alerting keeps in Elasticsearch."""

    def __init__(self, es: Elasticsearch, settings: Settings) -> None:
        self.es = es
        self.settings = settings

    def alias(self, kind: str) -> str:
        return alias_name(self.settings, kind)

    # -- watchlists ---------------------------------------------------------------------
    def _put(self, record: str, ident: str, doc: dict[str, Any]) -> None:
        self.es.index(index=self.alias(WATCH), id=_doc_id(record, ident), document={**doc, "record": record}, refresh=True)

    def _get(self, record: str, ident: str) -> dict[str, Any] | None:
        try:
            doc = dict(self.es.get(index=self.alias(WATCH), id=_doc_id(record, ident))["_source"])
        except NotFoundError:
            return None
        doc.pop("record", None)
        return doc

    def _search(self, query: dict[str, Any], sort: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
        hits = self.es.search(index=self.alias(WATCH), query=query, size=size, sort=sort)["hits"]["hits"]
        return [{k: v for k, v in h["_source"].items() if k != "record"} for h in hits]

    def _terms(self, record: str, field: str) -> dict[str, int]:
        resp = self.es.search(index=self.alias(WATCH), query=_of(record), size=0, aggs={"t": {"terms": {"field": field, "size": 10}}})
        return {str(b.get("key_as_string", b["key"])): int(b["doc_count"]) for b in resp["aggregations"]["t"]["buckets"]}

    def put_watchlist(self, doc: dict[str, Any]) -> None:
        self._put("watchlist", doc["id"], doc)

    def get_watchlist(self, watchlist_id: str) -> dict[str, Any] | None:
        return self._get("watchlist", watchlist_id)

    def list_watchlists(self) -> list[dict[str, Any]]:
        return self._search(_of("watchlist"), [{"created_at": "asc"}, {"id": "asc"}], 1000)

    def count_watchlists(self) -> int:
        return int(self.es.count(index=self.alias(WATCH), query=_of("watchlist"))["count"])

    def delete_watchlist(self, watchlist_id: str) -> bool:
        try:
            self.es.delete(index=self.alias(WATCH), id=_doc_id("watchlist", watchlist_id), refresh=True)
        except NotFoundError:
            return False
        return True

    # -- outbox -------------------------------------------------------------------------
    def enqueue(self, entry: dict[str, Any]) -> bool:
        """Queue a message; False when one with the same id (idempotency key) is already queued."""
        try:
            self.es.create(index=self.alias(WATCH), id=_doc_id("message", entry["id"]), document={**entry, "record": "message"},
                           refresh=True)
        except ConflictError:
            return False
        return True

    def due(self, now: datetime, limit: int = 100) -> list[dict[str, Any]]:
        """Pending messages whose next attempt is due, oldest first."""
        query = _of("message", {"term": {"status": "pending"}}, {"range": {"next_attempt_at": {"lte": _iso(now)}}})
        return self._search(query, [{"next_attempt_at": "asc"}, {"id": "asc"}], limit)

    def update_outbox(self, entry_id: str, fields: dict[str, Any]) -> None:
        self.es.update(index=self.alias(WATCH), id=_doc_id("message", entry_id), doc=fields, refresh=True)

    def get_outbox(self, entry_id: str) -> dict[str, Any] | None:
        return self._get("message", entry_id)

    def outbox_counts(self) -> dict[str, int]:
        return self._terms("message", "status")

    def outbox_of(self, watchlist_id: str, size: int = 100) -> list[dict[str, Any]]:
        return self._search(_of("message", {"term": {"watchlist_id": watchlist_id}}), [{"created_at": "desc"}, {"id": "asc"}], size)

    # -- delivery log -------------------------------------------------------------------
    def log_attempt(self, doc: dict[str, Any]) -> None:
        self._put("attempt", doc["id"], doc)

    def deliveries_of(self, watchlist_id: str, size: int = 100) -> list[dict[str, Any]]:
        return self._search(_of("attempt", {"term": {"watchlist_id": watchlist_id}}), [{"at": "desc"}, {"id": "asc"}], size)

    def delivery_counts(self) -> dict[str, int]:
        return self._terms("attempt", "ok")

    # -- matcher state ------------------------------------------------------------------
    def cursor(self) -> list[Any] | None:
        doc = self._get("state", CURSOR_ID)
        return list(doc["state"]["after"]) if doc is not None else None

    def save_cursor(self, after: list[Any]) -> None:
        self._put("state", CURSOR_ID, {"incident_id": CURSOR_ID, "state": {"after": after}, "seen_at": _iso(datetime.now(UTC))})

    def snapshots(self, incident_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not incident_ids:
            return {}
        found = self.es.mget(index=self.alias(WATCH), ids=[_doc_id("state", i) for i in incident_ids])["docs"]
        return {d["_source"]["incident_id"]: d["_source"]["state"] for d in found if d.get("found")}

    def save_snapshots(self, states: dict[str, dict[str, Any]]) -> None:
        if not states:
            return
        now = _iso(datetime.now(UTC))
        actions = ({"_index": self.alias(WATCH), "_id": _doc_id("state", iid),
                    "_source": {"record": "state", "incident_id": iid, "state": st, "seen_at": now}}
                   for iid, st in states.items())
        helpers.bulk(self.es, actions, refresh=True)

    def forget_snapshot(self, incident_id: str) -> None:
        self.es.options(ignore_status=404).delete(index=self.alias(WATCH), id=_doc_id("state", incident_id), refresh=True)

    # -- incidents, read for matching and spike detection ---------------------------------
    def refresh_incidents(self) -> None:
        self.es.indices.refresh(index=self.alias("incidents"))

    def changed_incidents(self, after: list[Any] | None, before: datetime, limit: int = 500) -> list[tuple[dict[str, Any], list[Any]]]:
        """Incidents updated after the cursor and at or before `before`, in (updated_at, incident_id) order."""
        body: dict[str, Any] = {
            "query": {"range": {"updated_at": {"lte": _iso(before)}}},
            "size": limit,
            "sort": [{"updated_at": {"order": "asc"}}, {"incident_id": {"order": "asc"}}],
            "source_excludes": NO_EMBEDDING,
        }
        if after:
            body["search_after"] = after
        hits = self.es.search(index=self.alias("incidents"), **body)["hits"]["hits"]
        return [(h["_source"], h["sort"]) for h in hits]

    def incidents_matching_text(self, incident_ids: list[str], text: str) -> set[str]:
        """Which of these incidents match a full-text query (the API's `q` semantics)."""
        if not incident_ids:
            return set()
        query = {"bool": {"filter": [
            {"terms": {"incident_id": incident_ids}},
            {"simple_query_string": {"query": text, "fields": ["sources.title", "perpetrator.mention", "location.place"],
                                     "default_operator": "and"}},
        ]}}
        hits = self.es.search(index=self.alias("incidents"), query=query, size=len(incident_ids), source_includes=["incident_id"])["hits"]["hits"]
        return {h["_source"]["incident_id"] for h in hits}

    def weekly_counts(self, dimension: str, start: date, end: date) -> dict[str, dict[date, int]]:
        """Incidents per week (Monday starts) per value of a dimension, between `start` and `end` (exclusive).

        Security operations are left out: surges are about violence by armed groups.
        """
        field = GROUP_FIELDS[dimension]
        query = {"bool": {"filter": [{"range": {"date": {"gte": start.isoformat(), "lt": end.isoformat()}}}],
                          "must_not": [{"term": {"event_type": "security_operation"}}]}}
        aggs = {"k": {"terms": {"field": field, "size": 2000},
                      "aggs": {"w": {"date_histogram": {"field": "date", "calendar_interval": "week", "min_doc_count": 1}}}}}
        resp = self.es.search(index=self.alias("incidents"), query=query, size=0, aggs=aggs)
        out: dict[str, dict[date, int]] = {}
        for bucket in resp["aggregations"]["k"]["buckets"]:
            weeks = {datetime.fromtimestamp(w["key"] / 1000, UTC).date(): int(w["doc_count"]) for w in bucket["w"]["buckets"]}
            out[str(bucket["key"])] = weeks
        return out

    def earliest_incident_date(self) -> date | None:
        resp = self.es.search(index=self.alias("incidents"), size=0, aggs={"m": {"min": {"field": "date"}}})
        value = resp["aggregations"]["m"]["value"]
        return datetime.fromtimestamp(value / 1000, UTC).date() if value is not None else None

    # -- alerts ---------------------------------------------------------------------------
    def add_alert(self, doc: dict[str, Any]) -> bool:
        """Store an alert; False when the same alert (same id) was already raised."""
        try:
            self.es.create(index=self.alias("alerts"), id=doc["id"], document=doc, refresh=True)
        except ConflictError:
            return False
        return True

    def list_alerts(self, kind: str | None = None, since: date | None = None, size: int = 100) -> list[dict[str, Any]]:
        filters: list[dict[str, Any]] = []
        if kind:
            filters.append({"term": {"kind": kind}})
        if since:
            filters.append({"range": {"period_end": {"gte": since.isoformat()}}})
        hits = self.es.search(index=self.alias("alerts"), query={"bool": {"filter": filters}}, size=size,
                              sort=[{"period_end": "desc"}, {"ratio": "desc"}, {"id": "asc"}])["hits"]["hits"]
        return [h["_source"] for h in hits]

    def open_source_alerts(self) -> list[dict[str, Any]]:
        query = {"bool": {"filter": [{"term": {"kind": "source.degraded"}}, {"term": {"status": "open"}}]}}
        hits = self.es.search(index=self.alias("alerts"), query=query, size=1000)["hits"]["hits"]
        return [h["_source"] for h in hits]

    def update_alert(self, alert_id: str, fields: dict[str, Any]) -> None:
        self.es.update(index=self.alias("alerts"), id=alert_id, doc=fields, refresh=True)

    def runs_by_source(self, window: int) -> dict[str, list[dict[str, Any]]]:
        """The last `window` crawl runs of each source, newest first."""
        aggs = {"s": {"terms": {"field": "source_id", "size": 1000},
                      "aggs": {"r": {"top_hits": {"size": window, "sort": [{"started_at": {"order": "desc"}}]}}}}}
        resp = self.es.search(index=self.alias("crawl-runs"), size=0, aggs=aggs)
        return {str(b["key"]): [h["_source"] for h in b["r"]["hits"]["hits"]] for b in resp["aggregations"]["s"]["buckets"]}

    def nlp_yield(self, source_id: str, windows: list[tuple[str, str]]) -> list[tuple[int, int]]:
        """Per (start, end) window: articles of the source fetched then and processed by NLP, and their events."""
        if not windows:
            return []
        query = {"bool": {"filter": [{"term": {"source_id": source_id}}, {"term": {"nlp_status": "done"}}]}}
        ranges = [{"key": str(i), "from": start, "to": end} for i, (start, end) in enumerate(windows)]
        aggs = {"w": {"date_range": {"field": "fetched_at", "ranges": ranges, "keyed": True},
                      "aggs": {"events": {"sum": {"field": "event_count"}}}}}
        buckets = self.es.search(index=self.alias("articles"), query=query, size=0, aggs=aggs)["aggregations"]["w"]["buckets"]
        return [(int(buckets[str(i)]["doc_count"]), int(buckets[str(i)]["events"]["value"] or 0)) for i in range(len(windows))]

    def alert_counts(self) -> dict[str, int]:
        resp = self.es.search(index=self.alias("alerts"), size=0, aggs={"k": {"terms": {"field": "kind", "size": 10}}})
        return {b["key"]: int(b["doc_count"]) for b in resp["aggregations"]["k"]["buckets"]}

    def iter_incidents(self, fields: list[str]) -> Iterator[dict[str, Any]]:
        for hit in helpers.scan(self.es, index=self.alias("incidents"), query={"query": {"match_all": {}}, "_source": fields}, size=500):
            yield hit["_source"]


def week_start(day: date) -> date:
    """The Monday of a day's week (Elasticsearch's calendar week starts on Monday)."""
    return day - timedelta(days=day.weekday())
