"""API routes of watchlists and alerts, mounted under `/v1` by `create_app` (same auth as the rest).

- `POST /v1/watchlists` (201): create; the answer carries the watchlist's `secret`, shown only once;
- `GET /v1/watchlists`, `GET /v1/watchlists/{id}`, `DELETE /v1/watchlists/{id}` (204);
- `GET /v1/watchlists/{id}/deliveries`: delivery attempts (status codes, errors) and queued messages;
- `GET /v1/alerts?kind=surge|threat|source.degraded&since=YYYY-MM-DD&size=N`: alerts raised by spike
  detection and source health.

Writes take an extra `write_dependency` (the analyst role once API keys carry roles).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Response

from khabar.app.alerts import WatchlistError, WatchlistIn, create_watchlist, public_watchlist
from khabar.index.alerts import AlertStore

WatchlistId = Annotated[str, Path(max_length=100)]


def alerts_router(store: AlertStore, write_dependency: Callable[..., Any] | None = None) -> APIRouter:
    """The watchlist and alert routes (include into the authenticated `/v1` router)."""
    settings = store.settings
    router = APIRouter()
    writes = [Depends(write_dependency)] if write_dependency is not None else []

    def found(watchlist_id: str) -> dict[str, Any]:
        doc = store.get_watchlist(watchlist_id)
        if doc is None:
            raise HTTPException(status_code=404, detail="watchlist not found")
        return doc

    @router.post("/watchlists", status_code=201, dependencies=writes)
    def add_watchlist(spec: WatchlistIn) -> dict[str, Any]:
        """Create a watchlist; the answer's `secret` signs its webhook bodies and is not shown again."""
        try:
            return create_watchlist(store, settings, spec)
        except WatchlistError as exc:
            raise HTTPException(status_code=422, detail=str(exc)) from None

    @router.get("/watchlists")
    def list_watchlists() -> list[dict[str, Any]]:
        """Every watchlist (without secrets)."""
        return [public_watchlist(w) for w in store.list_watchlists()]

    @router.get("/watchlists/{watchlist_id}")
    def get_watchlist(watchlist_id: WatchlistId) -> dict[str, Any]:
        """One watchlist (without its secret)."""
        return public_watchlist(found(watchlist_id))

    @router.delete("/watchlists/{watchlist_id}", status_code=204, dependencies=writes)
    def delete_watchlist(watchlist_id: WatchlistId) -> Response:
        """Delete a watchlist; its queued messages are cancelled."""
        if not store.delete_watchlist(watchlist_id):
            raise HTTPException(status_code=404, detail="watchlist not found")
        return Response(status_code=204)

    @router.get("/watchlists/{watchlist_id}/deliveries")
    def deliveries(watchlist_id: WatchlistId, size: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
        """Delivery attempts (newest first, with status codes) and the messages queued for this watchlist."""
        found(watchlist_id)
        messages = [{k: v for k, v in m.items() if k != "body"} for m in store.outbox_of(watchlist_id, size)]
        return {"deliveries": store.deliveries_of(watchlist_id, size), "messages": messages}

    @router.get("/alerts")
    def alerts(kind: Literal["surge", "threat", "source.degraded"] | None = None, since: date | None = None,
               size: Annotated[int, Query(ge=1, le=500)] = 100) -> list[dict[str, Any]]:
        """Surge and threat alerts, newest period first."""
        return store.list_alerts(kind, since, size)

    return router
