"""The one bulk writer every part of Khabar uses.

- deterministic ids: callers pass the record's id, so writing twice never duplicates;
- retries with exponential backoff on 429, 5xx and connection errors;
- while Elasticsearch is unreachable, operations go to an append-only spool file and
  are replayed, in order, once it is back;
- a document Elasticsearch rejects goes to a dead-letter file with the reason, and the
  rest of its batch still lands.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from elasticsearch import ApiError, Elasticsearch, TransportError
from khabar.index.templates import alias_name
from pydantic import BaseModel

from khabar.core.settings import Settings

log = logging.getLogger(__name__)

OpType = Literal["index", "update", "delete"]


@dataclass
class WriteResult:
    """What a flush or replay did."""

    written: int = 0
    dead_lettered: int = 0
    spooled: int = 0

    def __iadd__(self, other: WriteResult) -> WriteResult:
        self.written += other.written
        self.dead_lettered += other.dead_lettered
        self.spooled += other.spooled
        return self


def to_doc(doc: BaseModel | dict[str, Any]) -> dict[str, Any]:
    """A JSON-ready document from a record or a dict."""
    if isinstance(doc, BaseModel):
        return doc.model_dump(mode="json")
    return json.loads(json.dumps(doc, default=_json_default))


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return value.isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()  # date
    if hasattr(value, "tolist"):
        return value.tolist()  # numpy arrays
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _bulk_lines(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = []
    for op in ops:
        lines.append({op["op"]: {"_index": op["index"], "_id": op["id"]}})
        if op["op"] == "index":
            lines.append(op["doc"])
        elif op["op"] == "update":
            body: dict[str, Any] = {"doc": op["doc"]}
            if op.get("upsert") is not None:
                body["upsert"] = op["upsert"]
            lines.append(body)
    return lines


def _retryable(status: int) -> bool:
    return status == 429 or status >= 500


@contextmanager
def _locked(path: Path) -> Iterator[None]:
    """An exclusive lock shared by every process writing this spool."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


class Spool:
    """An append-only JSON Lines file of operations waiting for Elasticsearch."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, ops: list[dict[str, Any]]) -> None:
        if not ops:
            return
        with _locked(self.path), open(self.path, "a", encoding="utf-8") as handle:
            for op in ops:
                handle.write(json.dumps(op, ensure_ascii=False) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def size(self) -> int:
        """Operations waiting (including a replay that was interrupted)."""
        total = 0
        for path in (self.path, self._replaying):
            if path.exists():
                with open(path, encoding="utf-8") as handle:
                    total += sum(1 for line in handle if line.strip())
        return total

    @property
    def _replaying(self) -> Path:
        return self.path.with_name(self.path.name + ".replaying")

    def take(self) -> list[dict[str, Any]]:
        """Move the spool aside and return its operations (an interrupted replay's first)."""
        with _locked(self.path):
            ops: list[dict[str, Any]] = []
            if self.path.exists():
                if self._replaying.exists():
                    with open(self._replaying, "a", encoding="utf-8") as out:
                        out.write(self.path.read_text(encoding="utf-8"))
                    self.path.unlink()
                else:
                    self.path.rename(self._replaying)
            if not self._replaying.exists():
                return ops
            with open(self._replaying, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        ops.append(json.loads(line))
                    except json.JSONDecodeError:
                        log.warning("spool %s line %d is not JSON (a write cut short); skipped", self._replaying, number)
            return ops

    def done(self) -> None:
        """Forget the operations handed out by take(), now that they are written or re-spooled."""
        with _locked(self.path):
            self._replaying.unlink(missing_ok=True)


class BulkWriter:
    """Buffered bulk writes to Khabar's indices (by kind: articles, events, incidents, crawl-runs)."""

    def __init__(
        self,
        es: Elasticsearch,
        settings: Settings,
        *,
        spool_path: Path | None = None,
        dead_letter_path: Path | None = None,
        chunk_size: int | None = None,
        max_retries: int | None = None,
        backoff_seconds: float | None = None,
        refresh: bool | str = False,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.es = es
        self.settings = settings
        self.spool = Spool(spool_path or settings.spool_path)
        self.dead_letter_path = dead_letter_path or settings.dead_letter_path
        self.chunk_size = chunk_size or settings.writer.chunk_size
        self.max_retries = settings.writer.max_retries if max_retries is None else max_retries
        self.backoff = settings.writer.backoff_seconds if backoff_seconds is None else backoff_seconds
        self.refresh = refresh
        self.sleep = sleep
        self.buffer: list[dict[str, Any]] = []
        self.totals = WriteResult()

    # -- queueing -------------------------------------------------------------------
    def index(self, kind: str, doc_id: str, doc: BaseModel | dict[str, Any]) -> None:
        """Create or replace a document."""
        self._add({"op": "index", "index": alias_name(self.settings, kind), "id": doc_id, "doc": to_doc(doc)})

    def update(self, kind: str, doc_id: str, partial: dict[str, Any], upsert: BaseModel | dict[str, Any] | None = None) -> None:
        """Change some fields of a document (created from `upsert` when missing)."""
        op = {"op": "update", "index": alias_name(self.settings, kind), "id": doc_id, "doc": to_doc(partial)}
        if upsert is not None:
            op["upsert"] = to_doc(upsert)
        self._add(op)

    def delete(self, kind: str, doc_id: str) -> None:
        """Remove a document (absent documents are fine)."""
        self._add({"op": "delete", "index": alias_name(self.settings, kind), "id": doc_id})

    def _add(self, op: dict[str, Any]) -> None:
        self.buffer.append(op)
        if len(self.buffer) >= self.chunk_size:
            self.flush()

    # -- sending --------------------------------------------------------------------
    def flush(self) -> WriteResult:
        """Send what is buffered. Earlier spooled operations go first, to keep order."""
        ops, self.buffer = self.buffer, []
        result = WriteResult()
        if self.spool.size():
            result += self.replay_spool()
            if self.spool.size():
                self.spool.append(ops)
                result.spooled += len(ops)
                self.totals += result
                return result
        result += self._send_all(ops)
        self.totals += result
        return result

    def replay_spool(self) -> WriteResult:
        """Write the spooled operations; what still cannot be written is spooled again."""
        ops = self.spool.take()
        if not ops:
            return WriteResult()
        result = self._send_all(ops)
        self.spool.done()
        if result.written:
            log.info("replayed %d spooled operations", result.written)
        return result

    def _send_all(self, ops: list[dict[str, Any]]) -> WriteResult:
        result = WriteResult()
        for start in range(0, len(ops), self.chunk_size):
            chunk = ops[start : start + self.chunk_size]
            result += self._send_chunk(chunk)
            if result.spooled:
                rest = ops[start + self.chunk_size :]
                self.spool.append(rest)
                result.spooled += len(rest)
                break
        return result

    def _send_chunk(self, ops: list[dict[str, Any]]) -> WriteResult:
        result = WriteResult()
        pending = ops
        for attempt in range(self.max_retries + 1):
            if attempt:
                self.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                response = self.es.bulk(operations=_bulk_lines(pending), refresh=self.refresh)
            except ApiError as exc:
                if _retryable(exc.status_code):
                    continue
                self._dead_letter(pending, exc.status_code, str(exc.message))
                result.dead_lettered += len(pending)
                return result
            except TransportError as exc:  # connection refused, timeout
                log.debug("bulk attempt %d failed: %s", attempt + 1, exc)
                continue
            retry: list[dict[str, Any]] = []
            for op, item in zip(pending, response["items"], strict=False):
                outcome = next(iter(item.values()))
                status = int(outcome.get("status", 500))
                if status < 300 or (op["op"] == "delete" and status == 404):
                    result.written += 1
                elif _retryable(status):
                    retry.append(op)
                else:
                    self._dead_letter([op], status, json.dumps(outcome.get("error"), ensure_ascii=False))
                    result.dead_lettered += 1
            pending = retry
            if not pending:
                return result
        self.spool.append(pending)
        result.spooled += len(pending)
        log.warning("Elasticsearch unavailable: %d operations spooled to %s", len(pending), self.spool.path)
        return result

    def _dead_letter(self, ops: list[dict[str, Any]], status: int, reason: str) -> None:
        self.dead_letter_path.parent.mkdir(parents=True, exist_ok=True)
        now = datetime.now(UTC).isoformat()
        with open(self.dead_letter_path, "a", encoding="utf-8") as handle:
            for op in ops:
                handle.write(json.dumps({"at": now, "status": status, "reason": reason, **op}, ensure_ascii=False) + "\n")
        log.warning("%d documents rejected by Elasticsearch (status %s); see %s", len(ops), status, self.dead_letter_path)

    # -- context manager ------------------------------------------------------------
    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def refresh_indices(self, *kinds: str) -> None:
        """Make recent writes visible to search (tests, end of a job)."""
        names = [alias_name(self.settings, kind) for kind in kinds]
        if names:
            self.es.indices.refresh(index=",".join(names))
