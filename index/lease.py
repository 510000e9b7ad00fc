"""A named lease in Elasticsearch: one holder at a time across processes and machines.

A lease is one document (`<prefix>-locks/_doc/<name>`) holding its owner and when it expires.
Taking it is `create` (fails with 409 when held); an expired lease is taken over with
optimistic concurrency (`if_seq_no`/`if_primary_term`), so two contenders never both win;
releasing deletes it only if it is still ours (same seq_no). A holder that dies leaves a lease
that expires after `ttl`.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError

from khabar.core.errors import KhabarError
from khabar.core.settings import Settings


class LeaseBusy(KhabarError):
    """Another holder has the lease and did not release it in time."""


def lease_index(settings: Settings) -> str:
    """The index that holds leases."""
    return f"{settings.elasticsearch.index_prefix}-locks"


def _now() -> datetime:
    return datetime.now(UTC)


def _try_take(es: Elasticsearch, index: str, name: str, owner: str, ttl: timedelta) -> dict[str, Any] | None:
    """The write result when the lease is ours now, else None."""
    body = {"owner": owner, "expires_at": (_now() + ttl).isoformat()}
    try:
        return dict(es.create(index=index, id=name, document=body, refresh=False))
    except ConflictError:
        pass
    try:
        held = es.get(index=index, id=name)
    except NotFoundError:
        return None  # released meanwhile: the next attempt creates it
    if datetime.fromisoformat(held["_source"]["expires_at"]) > _now():
        return None
    try:  # expired: take it over unless someone else just did
        return dict(es.index(index=index, id=name, document=body, if_seq_no=held["_seq_no"],
                             if_primary_term=held["_primary_term"]))
    except ConflictError:
        return None


def read_watermark(es: Elasticsearch, settings: Settings, name: str) -> int | None:
    """The watermark `name` stored next to the leases (e.g. the resolver's last `change_seq`), or None."""
    resp = es.options(ignore_status=404).get(index=lease_index(settings), id=f"watermark:{name}")
    return int(resp["_source"]["seq"]) if resp.get("found") else None


def write_watermark(es: Elasticsearch, settings: Settings, name: str, seq: int) -> None:
    """Store the watermark `name` (written while holding the lease of the same name)."""
    es.index(index=lease_index(settings), id=f"watermark:{name}", document={"seq": seq, "at": _now().isoformat()}, refresh=True)


@contextmanager
def lease(
    es: Elasticsearch,
    settings: Settings,
    name: str,
    *,
    ttl: timedelta = timedelta(minutes=30),
    wait: float = 60.0,
    poll: float = 0.2,
) -> Iterator[str]:
    """Hold the lease `name` for the block (waiting up to `wait` seconds); yields the owner token.

    Raises `LeaseBusy` when it stays held by someone else for `wait` seconds.
    """
    index = lease_index(settings)
    owner = uuid.uuid4().hex
    deadline = time.monotonic() + wait
    taken = _try_take(es, index, name, owner, ttl)
    while taken is None:
        if time.monotonic() >= deadline:
            raise LeaseBusy(f"{name} is held by another process (lease in {index}); try again later")
        time.sleep(poll)
        taken = _try_take(es, index, name, owner, ttl)
    try:
        yield owner
    finally:
        with suppress(ConflictError, NotFoundError):  # expired and taken over meanwhile: not ours to delete
            es.delete(index=index, id=name, if_seq_no=taken["_seq_no"], if_primary_term=taken["_primary_term"])
