"""The repository API: the only way the rest of Khabar reads from or writes to Elasticsearch.

`Store(es, settings)` (or `Store.connect(settings)`) bundles one client and the settings and
hands out one small store per record kind:

- `store.articles`:   pending articles for NLP, NLP status counts, lookups by id or content hash;
- `store.mentions`:   event mentions (by article, by id, in a resolution window, of an incident);
- `store.incidents`:  incidents (in a window, touching mentions, one by id, the newest year);
- `store.crawl_runs`: crawl-run summaries per source and totals.

Writes go through `store.writer()` (the `BulkWriter`: retries, spool, dead letters). Typed
records (`khabar.core.records`) go in and come out where the callers work with records;
listings served as JSON (API, exports) come out as stored documents without embeddings.
The errors the client raises are re-exported as `StoreError` (the server refused) and
`StoreUnavailable` (unreachable), so callers can catch them without importing the client.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from elastic_transport import ConnectionError as StoreConnectionError
from elasticsearch import ApiError as StoreError
from elasticsearch import Elasticsearch, NotFoundError, helpers
from elasticsearch import NotFoundError as StoreNotFound
from elasticsearch import TransportError as StoreUnavailable

from khabar.core.records import Article, EventMention, Incident
from khabar.core.settings import Settings
from khabar.index import report as report_module
from khabar.index import templates
from khabar.index import trends as trend_tables
from khabar.index.alerts import AlertStore
from khabar.index.client import ensure_reachable, es_client, server_version
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter

__all__ = [
    "ArticleStore", "CrawlRunStore", "IncidentStore", "ListingFilters", "MentionStore", "Store",
    "StoreConnectionError", "StoreError", "StoreNotFound", "StoreUnavailable", "date_range_query",
]

NO_EMBEDDING = ["embedding"]
SCAN_SIZE = 500


def date_range_query(date_from: date | None, date_to: date | None, include_operations: bool = True) -> dict[str, Any]:
    """Records whose `date` is in [date_from, date_to] (either end open); security operations optional."""
    filters: list[dict[str, Any]] = []
    if date_from or date_to:
        bounds: dict[str, str] = {}
        if date_from:
            bounds["gte"] = date_from.isoformat()
        if date_to:
            bounds["lte"] = date_to.isoformat()
        filters.append({"range": {"date": bounds}})
    query: dict[str, Any] = {"bool": {"filter": filters}}
    if not include_operations:
        query["bool"]["must_not"] = [{"term": {"event_type": "security_operation"}}]
    return query


class _KindStore:
    """What every per-kind store shares: the client, the settings and its alias."""

    kind: str = ""

    def __init__(self, es: Elasticsearch, settings: Settings) -> None:
        self.es = es
        self.settings = settings

    @property
    def alias(self) -> str:
        return alias_name(self.settings, self.kind)

    def refresh(self) -> None:
        """Make recent writes to this kind visible to search."""
        self.es.indices.refresh(index=self.alias)

    def count(self, query: dict[str, Any] | None = None) -> int:
        return int(self.es.count(index=self.alias, query=query or {"match_all": {}})["count"])

    def _scan(self, query: dict[str, Any], **body: Any) -> Iterator[dict[str, Any]]:
        yield from helpers.scan(self.es, index=self.alias, query={"query": query, **body}, size=SCAN_SIZE)


class ArticleStore(_KindStore):
    """Articles (`<prefix>-articles`)."""

    kind = "articles"

    def pending(self, limit: int | None = None, page: int = 200) -> Iterator[Article]:
        """Articles with `nlp_status: pending`, in index order, at most `limit` (refreshes first)."""
        self.refresh()
        seen, after = 0, None
        while limit is None or seen < limit:
            size = page if limit is None else min(page, limit - seen)
            body: dict[str, Any] = {"query": {"term": {"nlp_status": "pending"}}, "size": size, "sort": [{"_doc": "asc"}]}
            if after is not None:
                body["search_after"] = after
            hits = self.es.search(index=self.alias, **body)["hits"]["hits"]
            if not hits:
                return
            for hit in hits:
                yield Article.model_validate({**hit["_source"], "id": hit["_id"]})
                seen += 1
            after = hits[-1]["sort"]

    def count_pending(self) -> int:
        """Articles waiting for NLP (refreshes first)."""
        self.refresh()
        return self.count({"term": {"nlp_status": "pending"}})

    def ids_with_status(self, statuses: tuple[str, ...]) -> Iterator[str]:
        """Ids of the articles whose `nlp_status` is one of these."""
        for hit in self._scan({"terms": {"nlp_status": list(statuses)}}, _source=False):
            yield str(hit["_id"])

    def retracted_after(self, seq: int) -> list[str]:
        """Ids of the articles whose re-extraction dropped mentions (`retracted_seq`) after `seq`."""
        return sorted(str(hit["_id"]) for hit in self._scan({"range": {"retracted_seq": {"gt": seq}}}, _source=False))

    def status_counts(self) -> dict[str, int]:
        """Articles by `nlp_status`."""
        resp = self.es.search(index=self.alias, size=0, aggs={"status": {"terms": {"field": "nlp_status", "size": 10}}})
        return {str(b["key"]): int(b["doc_count"]) for b in resp["aggregations"]["status"]["buckets"]}

    def get_doc(self, doc_id: str) -> dict[str, Any] | None:
        """The stored document with this id, or None."""
        try:
            doc: dict[str, Any] = self.es.get(index=self.alias, id=doc_id)["_source"]
        except NotFoundError:
            return None
        return doc

    def embeddings(self, article_ids: list[str]) -> dict[str, list[float] | None]:
        """The headline+lead embedding of each of these articles (None where there is none)."""
        found: dict[str, list[float] | None] = dict.fromkeys(article_ids)
        if article_ids:
            for hit in self._scan({"ids": {"values": article_ids}}, _source=["embedding"]):
                found[hit["_id"]] = hit["_source"].get("embedding")
        return found

    def first_with_content_hash(self, digest: str) -> dict[str, Any] | None:
        """The earliest-seen stored article with this content hash, or None."""
        hits = self.es.search(index=self.alias, query={"term": {"content_hash": digest}}, size=1,
                              sort=[{"first_seen": "asc"}])["hits"]["hits"]
        return dict(hits[0]["_source"]) if hits else None


class MentionStore(_KindStore):
    """Event mentions (`<prefix>-events`)."""

    kind = "events"

    def ids_by_article(self, article_ids: list[str]) -> dict[str, set[str]]:
        """Ids of the mentions currently stored for each of these articles (one query)."""
        resp = self.es.search(index=self.alias, query={"terms": {"article_id": article_ids}},
                              size=10_000, source_includes=["article_id"])
        stored: dict[str, set[str]] = {a: set() for a in article_ids}
        for hit in resp["hits"]["hits"]:
            stored.setdefault(hit["_source"]["article_id"], set()).add(hit["_id"])
        return stored

    def _load(self, query: dict[str, Any]) -> dict[str, EventMention]:
        return {hit["_id"]: EventMention.model_validate(hit["_source"]) for hit in self._scan(query)}

    def since(self, lower: date | None) -> dict[str, EventMention]:
        """Mentions dated or published on or after `lower` (all of them when None), by id."""
        if lower is None:
            return self._load({"match_all": {}})
        bound = lower.isoformat()
        return self._load({"bool": {"should": [{"range": {"date": {"gte": bound}}}, {"range": {"published_at": {"gte": bound}}}]}})

    def by_ids(self, ids: list[str]) -> dict[str, EventMention]:
        """The mentions with these ids (missing ones are left out)."""
        return self._load({"ids": {"values": ids}}) if ids else {}

    def sent_after(self, seq: int) -> dict[str, EventMention]:
        """Mentions written (their `change_seq`, stamped by the writer) after `seq`, by id."""
        return self._load({"range": {"change_seq": {"gt": seq}}})

    def docs_of_incident(self, incident_id: str, limit: int = 200) -> list[dict[str, Any]]:
        """The stored mentions merged into an incident, by id, without embeddings."""
        hits = self.es.search(index=self.alias, query={"term": {"incident_id": incident_id}}, size=limit,
                              source_excludes=NO_EMBEDDING, sort=[{"id": "asc"}])["hits"]["hits"]
        return [h["_source"] for h in hits]


class IncidentStore(_KindStore):
    """Incidents (`<prefix>-incidents`)."""

    kind = "incidents"

    def _load(self, query: dict[str, Any]) -> dict[str, Incident]:
        return {hit["_id"]: Incident.model_validate(hit["_source"]) for hit in self._scan(query)}

    def since(self, lower: date | None) -> dict[str, Incident]:
        """Incidents dated or last updated on or after `lower` (all of them when None), by id."""
        if lower is None:
            return self._load({"match_all": {}})
        bound = lower.isoformat()
        return self._load({"bool": {"should": [{"range": {"date": {"gte": bound}}}, {"range": {"last_updated_at": {"gte": bound}}}]}})

    def near(self, spans: list[tuple[str | None, date, date]]) -> dict[str, Incident]:
        """Incidents dated within any (province, first day, last day) span, in that province (any
        province when None, and incidents without a province match every span), by id."""
        should: list[dict[str, Any]] = []
        for province, first, last in spans:
            filters: list[dict[str, Any]] = [{"range": {"date": {"gte": first.isoformat(), "lte": last.isoformat()}}}]
            if province is not None:
                filters.append({"bool": {"should": [{"term": {"location.province": province}},
                                                    {"bool": {"must_not": [{"exists": {"field": "location.province"}}]}}],
                                         "minimum_should_match": 1}})
            should.append({"bool": {"filter": filters}})
        return self._load({"bool": {"should": should, "minimum_should_match": 1}}) if should else {}

    def containing_mentions(self, mention_ids: list[str]) -> dict[str, Incident]:
        """Incidents that merge any of these mentions, by id."""
        return self._load({"terms": {"mention_ids": mention_ids}}) if mention_ids else {}

    def reported_by(self, article_ids: list[str]) -> dict[str, Incident]:
        """Incidents with a source in any of these articles, by id."""
        return self._load({"terms": {"sources.article_id": article_ids}}) if article_ids else {}

    def get_doc(self, incident_id: str) -> dict[str, Any] | None:
        """One stored incident without its embedding, or None."""
        hits = self.es.search(index=self.alias, query={"term": {"incident_id": incident_id}}, size=1,
                              source_excludes=NO_EMBEDDING)["hits"]["hits"]
        return dict(hits[0]["_source"]) if hits else None

    def latest_year(self) -> int | None:
        """The year of the newest dated incident."""
        resp = self.es.search(index=self.alias, size=0, aggs={"latest": {"max": {"field": "date"}}})
        value = resp["aggregations"]["latest"].get("value_as_string")
        return int(value[:4]) if value else None

    def changed_page(self, before_seq: int, after: list[Any] | None, limit: int) -> list[tuple[dict[str, Any], list[Any]]]:
        """Changes of incidents stamped at or before `before_seq` (`next_seq()` units: ns since the epoch),
        in change order, after the sort position `after`: incidents as stored (without embedding) and
        deletions as `{"incident_id", "deleted": true, "merged_into", ...}` (the tombstones in
        khabar.index.corrections); each with its sort position.

        Change order is (`change_seq`, `updated_at`, `incident_id`); `change_seq` is stamped by the writer
        when the write is sent (so a retried or spooled write is ordered by when it landed). Documents
        written before it existed have none: they come first, by `updated_at`.
        """
        before = datetime.fromtimestamp(before_seq / 1e9, UTC).isoformat()
        stamped = {"range": {"change_seq": {"lte": before_seq}}}
        legacy = {"bool": {"must_not": [{"exists": {"field": "change_seq"}}],
                           "filter": [{"range": {"updated_at": {"lte": before, "format": "strict_date_optional_time"}}}]}}
        kinds = [{"bool": {"must_not": [{"exists": {"field": "record"}}]}}, {"term": {"record": "tombstone"}}]
        body: dict[str, Any] = {
            "query": {"bool": {"filter": [{"bool": {"should": [stamped, legacy], "minimum_should_match": 1}},
                                          {"bool": {"should": kinds, "minimum_should_match": 1}}]}},
            "size": limit,
            "sort": [{"change_seq": {"order": "asc", "missing": "_first", "unmapped_type": "long"}},
                     {"updated_at": {"order": "asc"}}, {"incident_id": {"order": "asc"}}],
            "source_excludes": NO_EMBEDDING,
        }
        if after:
            body["search_after"] = after if len(after) == 3 else [LEGACY_SEQ, *after]  # a cursor from before change_seq
        indices = f"{self.alias},{alias_name(self.settings, 'corrections')}"
        hits = self.es.search(index=indices, ignore_unavailable=True, **body)["hits"]["hits"]
        return [(_feed_doc(h["_source"]), h["sort"]) for h in hits]


LEGACY_SEQ = -(2**63)  # the sort value of a document without change_seq (missing first)


def _feed_doc(source: dict[str, Any]) -> dict[str, Any]:
    """A feed line's document: an incident as stored, or a deletion from its tombstone."""
    if source.get("record") == "tombstone":
        return {k: source.get(k) for k in ("incident_id", "deleted", "merged_into", "updated_at", "change_seq")}
    return source


class CrawlRunStore(_KindStore):
    """Crawl runs (`<prefix>-crawl-runs`)."""

    kind = "crawl-runs"

    def latest_by_source(self, window: int) -> dict[str, list[tuple[str, dict[str, Any]]]]:
        """The last `window` runs per source, newest first, as (id, document)."""
        resp = self.es.search(
            index=self.alias,
            size=0,
            aggs={
                "by_source": {
                    "terms": {"field": "source_id", "size": 1000},
                    "aggs": {"recent": {"top_hits": {"size": window, "sort": [{"started_at": {"order": "desc"}}]}}},
                }
            },
        )
        return {str(b["key"]): [(h["_id"], h["_source"]) for h in b["recent"]["hits"]["hits"]]
                for b in resp["aggregations"]["by_source"]["buckets"]}

    def sums(self, fields: list[str]) -> dict[str, float]:
        """The sum of each numeric field over every run."""
        resp = self.es.search(index=self.alias, size=0, aggs={name: {"sum": {"field": name}} for name in fields})
        return {name: float(resp["aggregations"][name]["value"] or 0) for name in fields}


# -- listings (API) ----------------------------------------------------------------------------
@dataclass(frozen=True)
class KindSpec:
    """How one index is listed: its date field, id field, text and outlet fields."""

    date_field: str
    id_field: str
    text_fields: tuple[str, ...]
    outlet_field: str
    event_fields: bool


LISTABLE: dict[str, KindSpec] = {
    "incidents": KindSpec("date", "incident_id", ("sources.title", "perpetrator.mention", "location.place"), "outlets", True),
    "events": KindSpec("date", "id", ("title", "perpetrator.mention", "location.place"), "outlet", True),
    "articles": KindSpec("published_at", "id", ("title", "text"), "outlet", False),
}


@dataclass
class ListingFilters:
    """The filters of a listing (all optional; dates inclusive)."""

    date_from: date | None = None
    date_to: date | None = None
    group: str | None = None
    province: str | None = None
    district: str | None = None
    event_type: str | None = None
    target_type: str | None = None
    q: str | None = None
    outlet: str | None = None
    corrected: bool | None = None  # incidents an analyst corrected or rejected (True) or left as extracted (False)
    review: str = "include"  # figures under review (incidents and events): "include", "exclude" or "only"


def listing_query(kind: str, f: ListingFilters) -> dict[str, Any]:
    """The Elasticsearch query for a listing's filters."""
    spec = LISTABLE[kind]
    must: list[dict[str, Any]] = []
    if f.date_from or f.date_to:
        bounds: dict[str, str] = {"format": "strict_date_optional_time"}
        if f.date_from:
            bounds["gte"] = f.date_from.isoformat()
        if f.date_to:
            bounds["lt"] = (f.date_to + timedelta(days=1)).isoformat()
        must.append({"range": {spec.date_field: bounds}})
    terms = {"outlet": (spec.outlet_field, f.outlet)}
    if spec.event_fields:
        terms |= {
            "group": ("perpetrator.name", f.group),
            "province": ("location.province", f.province),
            "district": ("location.district", f.district),
            "event_type": ("event_type", f.event_type),
            "target_type": ("target_type", f.target_type),
        }
    for field_name, value in terms.values():
        if value is not None:
            must.append({"term": {field_name: value}})
    if f.q:
        must.append({"simple_query_string": {"query": f.q, "fields": list(spec.text_fields), "default_operator": "and"}})
    if f.corrected is not None and kind == "incidents":
        touched = {"bool": {"should": [{"exists": {"field": "corrected"}}, {"term": {"rejected": True}}]}}
        must.append(touched if f.corrected else {"bool": {"must_not": [touched]}})
    if spec.event_fields and f.review == "only":
        must.append({"term": {"review": True}})
    elif spec.event_fields and f.review == "exclude":
        must.append({"bool": {"must_not": [{"term": {"review": True}}]}})
    return {"bool": {"filter": must}} if must else {"match_all": {}}


@dataclass
class ListingPage:
    """One page of a listing: documents (without embeddings), the last one's sort position, the total."""

    items: list[dict[str, Any]]
    last_sort: list[Any] | None
    total: int


class Store:
    """Khabar's storage: one client, the settings, and a store per record kind."""

    def __init__(self, es: Elasticsearch, settings: Settings) -> None:
        self.es = es
        self.settings = settings
        self.articles = ArticleStore(es, settings)
        self.mentions = MentionStore(es, settings)
        self.incidents = IncidentStore(es, settings)
        self.crawl_runs = CrawlRunStore(es, settings)
        self.alerts = AlertStore(es, settings)

    @classmethod
    def connect(cls, settings: Settings, *, check: bool = False) -> Store:
        """A store on the configured cluster; `check` raises ElasticsearchUnavailable when it does not answer."""
        store = cls(es_client(settings), settings)
        if check:
            store.ensure_reachable()
        return store

    # -- cluster and indices ------------------------------------------------------------------
    def ensure_reachable(self) -> dict[str, object]:
        """Cluster health, or ElasticsearchUnavailable with a message that says how to fix it."""
        return ensure_reachable(self.es, self.settings)

    def health(self, timeout: str | None = None) -> dict[str, Any]:
        """Cluster health (raises StoreUnavailable / StoreError)."""
        return dict(self.es.cluster.health(timeout=timeout) if timeout else self.es.cluster.health())

    def server_version(self) -> str:
        return server_version(self.es)

    def init_indices(self) -> list[str]:
        return templates.init_indices(self.es, self.settings)

    def check_indices(self) -> list[str]:
        return templates.check_indices(self.es, self.settings)

    def migrate(self) -> list[str]:
        return templates.migrate(self.es, self.settings)

    def drop_all(self) -> None:
        """Delete every index and template under this store's prefix (throw-away prefixes: benchmarks, tests)."""
        prefix = self.settings.elasticsearch.index_prefix
        es = self.es.options(ignore_status=404)
        es.indices.delete(index=f"{prefix}-*", expand_wildcards="all")
        es.indices.delete_index_template(name=f"{prefix}-*")
        es.cluster.delete_component_template(name=f"{prefix}-*")

    def doc_counts(self) -> dict[str, int | None]:
        return templates.doc_counts(self.es, self.settings)

    def count(self, kind: str) -> int:
        """Documents of a kind."""
        return int(self.es.count(index=alias_name(self.settings, kind))["count"])

    def refresh(self, *kinds: str) -> None:
        """Make recent writes to these kinds visible to search."""
        if kinds:
            self.es.indices.refresh(index=",".join(alias_name(self.settings, k) for k in kinds))

    def writer(self, **options: Any) -> BulkWriter:
        """A BulkWriter on this store's cluster (options as for BulkWriter)."""
        return BulkWriter(self.es, self.settings, **options)

    # -- reads for exports, listings, analytics -------------------------------------------------
    def iter_docs(self, kind: str, query: dict[str, Any], *, ordered_by: list[str] | None = None) -> Iterator[dict[str, Any]]:
        """Stored documents (without embeddings) matching a query, streamed; in `ordered_by` order
        (ascending, missing values last) when given, else unordered."""
        body: dict[str, Any] = {"query": query, "_source": {"excludes": NO_EMBEDDING}}
        if ordered_by:
            body["sort"] = [{f: {"order": "asc", "missing": "_last"}} for f in ordered_by]
        hits = helpers.scan(self.es, index=alias_name(self.settings, kind), query=body, size=SCAN_SIZE,
                            preserve_order=bool(ordered_by))
        for hit in hits:
            yield hit["_source"]

    def list_page(self, kind: str, filters: ListingFilters, size: int, after: list[Any] | None) -> ListingPage:
        """One page of a listing sorted by date (newest first, undated last) then id."""
        spec = LISTABLE[kind]
        body: dict[str, Any] = {
            "query": listing_query(kind, filters),
            "size": size,
            "sort": [{spec.date_field: {"order": "desc", "missing": "_last"}}, {spec.id_field: {"order": "asc"}}],
            "track_total_hits": True,
            "source_excludes": NO_EMBEDDING,
        }
        if after:
            body["search_after"] = after
        resp = self.es.search(index=alias_name(self.settings, kind), **body)
        hits = resp["hits"]["hits"]
        return ListingPage([h["_source"] for h in hits], hits[-1]["sort"] if hits else None, int(resp["hits"]["total"]["value"]))

    def trends(self, **options: Any) -> trend_tables.TrendTable:
        """The trends table (see khabar.index.trends.trends)."""
        return trend_tables.trends(self.es, self.settings, **options)

    def report(self, year: int, *, include_review: bool = False) -> report_module.Report:
        """The yearly report (see khabar.index.report.build_report)."""
        return report_module.build_report(self.es, self.settings, year, include_review=include_review)
