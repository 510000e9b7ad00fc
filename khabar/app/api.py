"""Khabar's HTTP API (FastAPI): incidents, events, articles, trends, a change feed, status, metrics.

Auth: every route but `/healthz` needs an API key from `api.api_keys` (or `KHABAR_API_KEYS`),
`/openapi.json` included; with `api.public_docs: true` the OpenAPI document and the interactive
docs (`/docs`, `/redoc`) are served without a key (they describe the API but hold no data).
sent as `Authorization: Bearer KEY` or `X-API-Key: KEY`; keys are compared in constant time and
a wrong or missing key gets a generic 401. With no keys configured `create_app` refuses to
build the app (ConfigError) unless `insecure_no_auth=True` (`khabar serve --insecure-no-auth`),
which serves everything without auth; keys, when configured, are always enforced.

Pagination (`/v1/incidents`, `/v1/events`, `/v1/articles`): results are sorted by date
(newest first, undated last) then by the document id, and `next_cursor` is an opaque
`search_after` position. Because the id makes every sort key unique, and the sort fields of
a stored document do not change, paging through returns every document that existed when
paging began exactly once, even while new documents arrive: a new document either sorts
before the cursor (not returned) or after it (returned once). A document whose date is
corrected between two pages may be missed or repeated; follow changes with `/v1/feed`.

Feed (`/v1/feed?since=CURSOR&limit=N`): NDJSON of incident changes (creates and updates: the
incident as stored; deletions: `{"incident_id", "deleted": true, "merged_into": survivor or null}`)
ordered by (`change_seq`, `incident_id`); each line carries its `cursor` and the `X-Next-Cursor`
header is the cursor to pass next time. `change_seq` is stamped by the writer when the write is
sent (each retry and a spool replay stamp anew), so a write that lands late is ordered by when it
landed. Only changes stamped at least `feed_lag_seconds` (default 2 s: the 1 s index refresh plus
a bulk request's time) in the past are served, so one written just before a poll but not yet
searchable is not jumped over; a poller that always passes the last cursor therefore sees every
change once, in order, at most a few seconds late.

Figures under review (`review: true`: a killed/injured figure above what the other sources or
the record support, khabar.incidents.plausibility): the listings take `review=include|exclude|only`
(default `include`, so nothing disappears silently; `only` lists what to check); `/v1/trends` takes
the same parameter with default `exclude`, as `khabar trends` and `khabar report` do, and says how
many were left out (`under_review`).
"""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import logging
import time
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from khabar.app.alerts_api import alerts_router
from khabar.app.auth import write_guard
from khabar.app.corrections_api import install_workbench, resolve_incident_id
from khabar.app.health import HEALTH_TIMEOUT, HealthProbe
from khabar.app.metrics import make_registry, render
from khabar.app.status import collect_status, next_run_times, source_statuses
from khabar.core.errors import ConfigError, KhabarError
from khabar.core.records import EVENT_TYPES, TARGET_TYPES
from khabar.core.settings import Settings
from khabar.index.store import ListingFilters, Store, StoreError, StoreNotFound, StoreUnavailable
from khabar.index.trends import By, Interval, Metric, Review

log = logging.getLogger(__name__)

DEFAULT_PAGE_SIZE = 50
DEFAULT_FEED_LAG = 2.0
Kind = Literal["incidents", "events", "articles"]


Size = Annotated[int, Query(ge=1, description="Page size (default 50, capped at api.max_page_size)")]
Cursor = Annotated[str | None, Query(description="`next_cursor` of the previous page", max_length=2000)]


# -- cursors -------------------------------------------------------------------------------
def encode_cursor(kind: str, values: list[Any]) -> str:
    """An opaque cursor for a position in a sorted listing."""
    raw = json.dumps({"k": kind, "a": values}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(kind: str, cursor: str) -> list[Any]:
    """The `search_after` values in a cursor; 422 when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(raw)
        values = data["a"]
        if data.get("k") != kind or not isinstance(values, list) or len(values) not in ((2, 3) if kind == "feed" else (2,)):
            raise ValueError
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise HTTPException(status_code=422, detail=f"invalid cursor for {kind}") from None
    return values


# -- auth ----------------------------------------------------------------------------------
def _presented_key(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return request.headers.get("x-api-key")


def make_auth(keys: list[str]) -> Callable[[Request], None]:
    """A dependency that accepts one of `keys` (no keys: everything, for --insecure-no-auth)."""
    if any(not k.strip() for k in keys):  # settings refuse these too; never let "" match a missing key
        raise ConfigError("settings", "api.api_keys", "an API key is empty or blank", "give every key a non-empty value")
    encoded = [k.encode() for k in keys]

    def require_key(request: Request) -> None:
        if not encoded:
            return
        presented = (_presented_key(request) or "").encode()
        matched = False
        for key in encoded:  # no short-circuit: time doesn't depend on which key matched
            matched |= hmac.compare_digest(presented, key)
        if not matched or not presented:
            raise HTTPException(status_code=401, detail="unauthorized", headers={"WWW-Authenticate": "Bearer"})

    return require_key


# -- queries -------------------------------------------------------------------------------
Filters = ListingFilters


def filters(
    date_from: Annotated[date | None, Query(alias="from", description="Earliest date (YYYY-MM-DD), inclusive")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Latest date (YYYY-MM-DD), inclusive")] = None,
    group: Annotated[str | None, Query(description="Perpetrator group (canonical name)")] = None,
    province: str | None = None,
    district: str | None = None,
    event_type: Annotated[str | None, Query(description=f"One of {', '.join(EVENT_TYPES)}")] = None,
    target_type: Annotated[str | None, Query(description=f"One of {', '.join(TARGET_TYPES)}")] = None,
    q: Annotated[str | None, Query(description="Full-text search (simple query string)", max_length=500)] = None,
    outlet: str | None = None,
    corrected: Annotated[bool | None, Query(description="Incidents only: corrected or rejected by an analyst (true) or not (false)")] = None,
    review: Annotated[Review, Query(description="Incidents and events with figures under review: include (default), exclude, or only them")] = "include",
) -> Filters:
    if event_type is not None and event_type not in EVENT_TYPES:
        raise HTTPException(status_code=422, detail=f"event_type must be one of {', '.join(EVENT_TYPES)}")
    if target_type is not None and target_type not in TARGET_TYPES:
        raise HTTPException(status_code=422, detail=f"target_type must be one of {', '.join(TARGET_TYPES)}")
    if date_from and date_to and date_from > date_to:
        raise HTTPException(status_code=422, detail="`from` is after `to`")
    return Filters(date_from, date_to, group, province, district, event_type, target_type, q, outlet, corrected, review)


def list_page(store: Store, kind: str, f: Filters, size: int, cursor: str | None) -> dict[str, Any]:
    """One page of a listing with its next cursor."""
    page = store.list_page(kind, f, size, decode_cursor(kind, cursor) if cursor else None)
    next_cursor = encode_cursor(kind, page.last_sort) if page.last_sort is not None and len(page.items) == size else None
    return {"items": page.items, "next_cursor": next_cursor, "total": page.total}


def feed_page(store: Store, since: str | None, limit: int, lag: float) -> tuple[list[dict[str, Any]], str | None]:
    """Incidents changed after the cursor, oldest change first, each with its cursor."""
    cutoff = time.time_ns() - int(lag * 1e9)
    after = decode_cursor("feed", since) if since else None
    items = [{**doc, "cursor": encode_cursor("feed", sort)} for doc, sort in store.incidents.changed_page(cutoff, after, limit)]
    return items, (items[-1]["cursor"] if items else since)


# -- the app -------------------------------------------------------------------------------
def _es_unavailable(request: Request, exc: Exception) -> JSONResponse:
    log.warning("Elasticsearch unavailable: %s", exc)
    return JSONResponse(status_code=503, content={"detail": "Elasticsearch is unavailable; try again later"})


def _es_error(request: Request, exc: Exception) -> JSONResponse:
    status = getattr(exc, "status_code", 500)
    if isinstance(exc, StoreNotFound) or status == 404:
        return JSONResponse(status_code=503, content={"detail": "Khabar's indices are missing: run `khabar index init`"})
    if status == 400:
        return JSONResponse(status_code=422, content={"detail": f"query rejected by Elasticsearch: {getattr(exc, 'message', exc)}"})
    log.warning("Elasticsearch error: %s", exc)
    return JSONResponse(status_code=503, content={"detail": f"Elasticsearch error ({status})"})


def create_app(settings: Settings, *, insecure_no_auth: bool = False, store: Store | None = None,
               feed_lag_seconds: float = DEFAULT_FEED_LAG) -> FastAPI:
    """The API app. Raises ConfigError when no API keys are configured and auth isn't waived."""
    keys = [k.key for k in settings.api.all_keys()]  # `api.keys` and `api.api_keys` (`KEY` or `KEY:analyst`)
    if not keys and not insecure_no_auth:
        raise ConfigError("settings", "api.api_keys", "no API keys configured, so the API would be open to anyone",
                          "set KHABAR_API_KEYS=key1,key2 (or api.api_keys), or pass --insecure-no-auth for a local test")
    client = store or Store.connect(settings)
    max_size = settings.api.max_page_size
    public_docs = settings.api.public_docs or not keys
    app = FastAPI(title="Khabar API", version="1", description=__doc__,
                  openapi_url="/openapi.json" if public_docs else None,
                  docs_url="/docs" if public_docs else None,
                  redoc_url="/redoc" if public_docs else None)
    app.add_exception_handler(StoreUnavailable, _es_unavailable)
    app.add_exception_handler(StoreError, _es_error)
    app.state.settings = settings
    app.state.store = client
    api = APIRouter(prefix="/v1", dependencies=[Depends(make_auth(keys)), Depends(write_guard(settings))])

    def listing(kind: Kind) -> Callable[..., dict[str, Any]]:
        def handler(f: Annotated[Filters, Depends(filters)], size: Size = DEFAULT_PAGE_SIZE, cursor: Cursor = None) -> dict[str, Any]:
            return list_page(client, kind, f, min(size, max_size), cursor)

        handler.__name__ = f"list_{kind}"
        handler.__doc__ = f"List {kind}, newest first, with filters and cursor pagination."
        return handler

    for kind in ("incidents", "events", "articles"):
        api.add_api_route(f"/{kind}", listing(kind), methods=["GET"])  # type: ignore[arg-type]

    @api.get("/incidents/{incident_id}")
    def incident_detail(incident_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        """One incident with its sources, evidence and the event mentions it merges (a merged-away id answers with its survivor)."""
        incident_id = resolve_incident_id(client, incident_id)
        incident = client.incidents.get_doc(incident_id)
        if incident is None:
            raise HTTPException(status_code=404, detail="incident not found")
        return {**incident, "mentions": client.mentions.docs_of_incident(incident_id)}

    @api.get("/trends")
    def get_trends(
        by: By = "group",
        interval: Interval = "month",
        metric: Metric = "incidents",
        date_from: Annotated[date | None, Query(alias="from")] = None,
        date_to: Annotated[date | None, Query(alias="to")] = None,
        include_operations: bool = False,
        review: Annotated[Review, Query(description="Incidents with figures under review: exclude (default), include, or only them")] = "exclude",
    ) -> Any:
        """Counts by group/province/type over time: the same table as `khabar trends` (figures under review
        left out by default; `under_review` says how many)."""
        try:
            table = client.trends(by=by, interval=interval, metric=metric, date_from=date_from,
                           date_to=date_to, include_operations=include_operations, review=review)
        except (ValueError, KhabarError) as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None
        return json.loads(table.to_json())

    @api.get("/feed", response_class=Response,
             responses={200: {"content": {"application/x-ndjson": {}}, "description": "One incident per line"}})
    def feed(
        since: Annotated[str | None, Query(description="Cursor of the last item seen (X-Next-Cursor)", max_length=2000)] = None,
        limit: Annotated[int, Query(ge=1)] = 100,
    ) -> Response:
        """Incident changes after `since` (creates, updates, deletions and merges), in change order, as NDJSON."""
        items, next_cursor = feed_page(client, since, min(limit, max_size), feed_lag_seconds)
        body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
        headers = {"X-Next-Cursor": next_cursor} if next_cursor else {}
        return Response(content=body, media_type="application/x-ndjson", headers=headers)

    @api.get("/sources")
    def sources() -> list[dict[str, Any]]:
        """Configured sources with their schedules, last and next runs."""
        found, problem = source_statuses(client, next_run_times(settings))
        if problem:
            raise HTTPException(status_code=503, detail=f"sources file invalid: {problem}")
        return [s.model_dump(mode="json") for s in found]

    @api.get("/status")
    def status() -> dict[str, Any]:
        """Per-source last/next run and error rate, NLP backlog, spool size, job runs."""
        return collect_status(client).model_dump(mode="json")

    api.include_router(alerts_router(client.alerts))  # watchlists and alerts (write_dependency= for roles)
    app.include_router(api)
    install_workbench(app, client, settings)  # corrections (analyst keys), history, map data, the /ui/ console

    if not public_docs:

        @app.get("/openapi.json", dependencies=[Depends(make_auth(keys))], include_in_schema=False)
        def openapi_document() -> JSONResponse:
            return JSONResponse(app.openapi())

    # A short client timeout, one check in flight, results reused: probes never exhaust the pool.
    probe = HealthProbe(lambda: Store(client.es.options(request_timeout=HEALTH_TIMEOUT), settings).health(timeout="1s"),
                        errors=(StoreUnavailable, StoreError))

    @app.get("/healthz")
    def healthz() -> JSONResponse:
        """Liveness (no auth): 200 when Elasticsearch answers, 503 otherwise (cached for a moment)."""
        health = probe.get()
        return JSONResponse(status_code=health.status_code, content=health.body)

    registry = make_registry(client)

    @app.get("/metrics", dependencies=[Depends(make_auth(keys))], response_class=Response)
    def metrics() -> Response:
        """Prometheus metrics (collected when scraped)."""
        return Response(content=render(registry), media_type="text/plain; version=0.0.4; charset=utf-8")

    return app
