"""The one bulk writer every part of Khabar uses.

- deterministic ids: callers pass the record's id, so writing twice never duplicates;
- version-safe: every index/delete carries a per-process monotonic sequence number (wall-clock
  nanoseconds) sent as an `external_gte` version, so an older operation (a late replay, two
  replays racing) never overwrites a newer one: Elasticsearch answers 409 and the op counts as `stale`;
- transient answers are retried with exponential backoff: connection errors, 401/403 (a rotated
  key), 409 (a concurrent update; updates also carry `retry_on_conflict`), 429 and 5xx;
  413 splits the batch in halves; what still fails after the retries goes to the spool;
- while Elasticsearch is unreachable, operations go to an append-only spool file and
  are replayed, in order, one replay at a time (a file lock), once it is back; a line torn by
  a crash mid-append is skipped with a warning and never merges with the next one;
- conditional updates (`if_seq_no`/`if_primary_term`, e.g. NLP marking an article done) that
  conflict are not retried: the document changed meanwhile, the op counts as `stale`;
- only a document Elasticsearch rejects as invalid (mapping errors, a single op too large)
  goes to the dead-letter file with the reason (see `khabar deadletters list|replay`), and the
  rest of its batch still lands.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from elasticsearch import ApiError, Elasticsearch, TransportError
from pydantic import BaseModel

from khabar.core.settings import Settings
from khabar.index.templates import alias_name

log = logging.getLogger(__name__)

OpType = Literal["index", "update", "delete"]


@dataclass
class WriteResult:
    """What a flush or replay did."""

    written: int = 0
    dead_lettered: int = 0
    spooled: int = 0
    stale: int = 0  # skipped: the stored document is newer than the op (version or seq_no conflict)
    stale_ids: list[str] = field(default_factory=list)

    def __iadd__(self, other: WriteResult) -> WriteResult:
        self.written += other.written
        self.dead_lettered += other.dead_lettered
        self.spooled += other.spooled
        self.stale += other.stale
        self.stale_ids += other.stale_ids
        return self


_seq_lock = threading.Lock()
_last_seq = 0
SEQ_STEP = 1000  # leaves room for internal version bumps by partial updates between two ops


def next_seq() -> int:
    """A per-process monotonic sequence number close to wall-clock nanoseconds (the op's version)."""
    global _last_seq
    with _seq_lock:
        _last_seq = max(_last_seq + SEQ_STEP, time.time_ns())
        return _last_seq


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


def _action(op: dict[str, Any]) -> dict[str, Any]:
    """The bulk action line: versioned index/delete, conditional or conflict-retrying update."""
    meta: dict[str, Any] = {"_index": op["index"], "_id": op["id"]}
    if op["op"] in ("index", "delete") and op.get("seq") is not None:
        meta |= {"version": int(op["seq"]), "version_type": "external_gte"}
    elif op["op"] == "update":
        if op.get("if_seq_no") is not None:
            meta |= {"if_seq_no": op["if_seq_no"], "if_primary_term": op["if_primary_term"]}
        else:
            meta["retry_on_conflict"] = RETRY_ON_CONFLICT
    return {op["op"]: meta}


def _conditional(op: dict[str, Any]) -> bool:
    """Ops whose 409 means "a newer document is stored": never retried."""
    return op.get("if_seq_no") is not None or (op["op"] in ("index", "delete") and op.get("seq") is not None)


def _bulk_lines(ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The bulk body; an index or update op with a `stamp` field name gets that field set to `next_seq()` now,
    at each attempt (a retry or a spool replay is stamped when it is sent, not when it was queued)."""
    lines: list[dict[str, Any]] = []
    for op in ops:
        lines.append(_action(op))
        if op["op"] == "index":
            lines.append({**op["doc"], op["stamp"]: next_seq()} if op.get("stamp") else op["doc"])
        elif op["op"] == "update":
            body: dict[str, Any] = {"doc": {**op["doc"], op["stamp"]: next_seq()} if op.get("stamp") else op["doc"]}
            if op.get("upsert") is not None:
                body["upsert"] = op["upsert"]
            lines.append(body)
    return lines


RETRY_ON_CONFLICT = 5
STAMPED_KINDS = {"events": "change_seq", "incidents": "change_seq"}  # the feed and incremental resolution follow it
TRANSIENT = frozenset({401, 403, 409, 429})  # plus every 5xx; 413 splits the batch


def _retryable(status: int) -> bool:
    """Answers worth retrying (and spooling): auth refused, conflicts, throttling, server errors."""
    return status in TRANSIENT or status >= 500


@contextmanager
def _locked(path: Path, suffix: str = ".lock") -> Iterator[None]:
    """An exclusive lock (fcntl) shared by every process using `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(suffix), "a") as handle:
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
        """Append ops durably (fsync); a torn last line left by a crash is closed off first."""
        if not ops:
            return
        payload = "".join(json.dumps(op, ensure_ascii=False) + "\n" for op in ops).encode("utf-8")
        with _locked(self.path):
            append_lines(self.path, payload)

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
                    append_lines(self._replaying, self.path.read_bytes())
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

    @contextmanager
    def replay_lock(self) -> Iterator[None]:
        """Held from take() to done(): one replay at a time across threads and processes."""
        with _locked(self.path, ".replay.lock"):
            yield


def append_lines(path: Path, payload: bytes) -> None:
    """Append complete lines to a JSON Lines file and fsync; if a crash (SIGKILL, disk full) left
    the file ending mid-line, a newline is written first so the torn line stays a line of its own
    (skipped with a warning when read) and never swallows the first new line."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        size = os.fstat(fd).st_size
        if size:
            with open(path, "rb") as reader:
                reader.seek(size - 1)
                if reader.read(1) != b"\n":
                    log.warning("%s ended with a torn line (a write cut short); closing it off", path)
                    payload = b"\n" + payload
        view = memoryview(payload)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    finally:
        os.close(fd)


DEAD_LETTER_FIELDS = ("at", "status", "reason")


def dead_letter_op(entry: dict[str, Any]) -> dict[str, Any]:
    """The operation a dead-letter entry holds (without when, status and reason)."""
    return {key: value for key, value in entry.items() if key not in DEAD_LETTER_FIELDS}


def read_dead_letters(path: Path) -> list[dict[str, Any]]:
    """The dead-letter entries in `path` (and of a replay that was interrupted), oldest first;
    a torn line is skipped with a warning."""
    entries: list[dict[str, Any]] = []
    letters = Spool(path)
    for source in (letters._replaying, path):
        if not source.exists():
            continue
        with open(source, encoding="utf-8") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    entries.append(json.loads(line))
                except json.JSONDecodeError:
                    log.warning("dead-letter file %s line %d is not JSON (a write cut short); skipped", source, number)
    return entries


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
    def index(self, kind: str, doc_id: str, doc: BaseModel | dict[str, Any], *, stamp: str | None = None) -> None:
        """Create or replace a document (unless a newer version of it is already stored).

        `stamp`: a field set to a fresh `next_seq()` each time the op is sent (the change feed's order);
        mentions and incidents are always stamped (`change_seq`).
        """
        stamp = stamp or STAMPED_KINDS.get(kind)
        op = {"op": "index", "index": alias_name(self.settings, kind), "id": doc_id, "doc": to_doc(doc), "seq": next_seq()}
        if stamp:
            op["stamp"] = stamp
        self._add(op)

    def update(self, kind: str, doc_id: str, partial: dict[str, Any], upsert: BaseModel | dict[str, Any] | None = None,
               *, if_seq_no: int | None = None, if_primary_term: int | None = None,
               if_matches: dict[str, Any] | None = None, stamp: str | None = None) -> None:
        """Change some fields of a document (created from `upsert` when missing); `stamp` as for `index`.

        Conditional updates are skipped, and counted as `stale`, when the document changed since
        it was read: `if_seq_no`/`if_primary_term` (any change), or `if_matches` (only when one of
        these stored fields, e.g. `content_hash` and `version`, no longer has the value read; a
        field the stored document lacks counts as unchanged; checked when sent, atomically).
        """
        op: dict[str, Any] = {"op": "update", "index": alias_name(self.settings, kind), "id": doc_id, "doc": to_doc(partial)}
        if upsert is not None and if_matches is None:
            op["upsert"] = to_doc(upsert)
        if if_seq_no is not None and if_primary_term is not None:
            op |= {"if_seq_no": int(if_seq_no), "if_primary_term": int(if_primary_term)}
        if if_matches is not None:
            op["if_matches"] = to_doc(if_matches)
        if stamp:
            op["stamp"] = stamp
        self._add(op)

    def delete(self, kind: str, doc_id: str) -> None:
        """Remove a document (absent documents are fine)."""
        self._add({"op": "delete", "index": alias_name(self.settings, kind), "id": doc_id, "seq": next_seq()})

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
        """Write the spooled operations, in order, one replay at a time (a file lock across
        processes); what still cannot be written is spooled again."""
        with self.spool.replay_lock():
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
        """Send one chunk: retry transient failures, split on 413, spool what never got through."""
        result = WriteResult()
        pending = ops
        last_problem = "connection failed"
        for attempt in range(self.max_retries + 1):
            if attempt:
                self.sleep(self.backoff * (2 ** (attempt - 1)))
            try:
                pending = self._check_guards(pending, result)
                if not pending:
                    return result
                response = self.es.bulk(operations=_bulk_lines(pending), refresh=self.refresh)
            except ApiError as exc:
                if exc.status_code == 413:
                    result += self._split(pending, str(exc.message))
                    return result
                if _retryable(exc.status_code):
                    last_problem = f"HTTP {exc.status_code}"
                    log.debug("bulk attempt %d answered %s", attempt + 1, exc.status_code)
                    continue
                self._dead_letter(pending, exc.status_code, str(exc.message))
                result.dead_lettered += len(pending)
                return result
            except TransportError as exc:  # connection refused, timeout
                last_problem = type(exc).__name__
                log.debug("bulk attempt %d failed: %s", attempt + 1, exc)
                continue
            retry: list[dict[str, Any]] = []
            for op, item in zip(pending, response["items"], strict=False):
                outcome = next(iter(item.values()))
                status = int(outcome.get("status", 500))
                if status < 300 or (op["op"] == "delete" and status == 404):
                    result.written += 1
                elif status == 409 and _conditional(op):
                    result.stale += 1
                    result.stale_ids.append(op["id"])
                elif _retryable(status) or status == 413:
                    last_problem = f"HTTP {status}"
                    retry.append(op)
                else:
                    self._dead_letter([op], status, json.dumps(outcome.get("error"), ensure_ascii=False))
                    result.dead_lettered += 1
            pending = retry
            if not pending:
                return result
        self.spool.append(pending)
        result.spooled += len(pending)
        log.warning("Elasticsearch unavailable (%s): %d operations spooled to %s", last_problem, len(pending), self.spool.path)
        return result

    def _check_guards(self, ops: list[dict[str, Any]], result: WriteResult) -> list[dict[str, Any]]:
        """Resolve `if_matches` updates: one mget reads the stored fields and their seq_no; an op
        whose fields changed is dropped as stale, the others become `if_seq_no` updates, so a
        change between this read and the write is caught too (409, stale)."""
        guarded = [op for op in ops if op.get("if_matches") is not None]
        if not guarded:
            return ops
        docs = self.es.mget(docs=[{"_index": op["index"], "_id": op["id"], "_source": sorted(op["if_matches"])} for op in guarded])["docs"]
        resolved: dict[int, dict[str, Any] | None] = {}
        for op, doc in zip(guarded, docs, strict=True):
            stored = doc.get("_source") or {}
            unchanged = doc.get("found") and all(stored.get(k) in (None, v) for k, v in op["if_matches"].items())
            if unchanged:
                plain = {k: v for k, v in op.items() if k != "if_matches"}
                resolved[id(op)] = plain | {"if_seq_no": doc["_seq_no"], "if_primary_term": doc["_primary_term"]}
            else:
                resolved[id(op)] = None
                result.stale += 1
                result.stale_ids.append(op["id"])
        out = [resolved.get(id(op), op) for op in ops]
        return [op for op in out if op is not None]

    def _split(self, ops: list[dict[str, Any]], message: str) -> WriteResult:
        """A request too large (413): send each half on its own; a single op too large is a dead letter."""
        if len(ops) == 1:
            self._dead_letter(ops, 413, f"document too large for one request: {message}")
            return WriteResult(dead_lettered=1)
        middle = len(ops) // 2
        log.info("bulk request of %d operations too large (413): splitting", len(ops))
        result = self._send_chunk(ops[:middle])
        result += self._send_chunk(ops[middle:])
        return result

    def _dead_letter(self, ops: list[dict[str, Any]], status: int, reason: str) -> None:
        now = datetime.now(UTC).isoformat()
        payload = "".join(json.dumps({"at": now, "status": status, "reason": reason, **op}, ensure_ascii=False) + "\n" for op in ops)
        with _locked(self.dead_letter_path):
            append_lines(self.dead_letter_path, payload.encode("utf-8"))
        log.warning("%d documents rejected by Elasticsearch (status %s); see %s", len(ops), status, self.dead_letter_path)

    # -- context manager ------------------------------------------------------------
    def __enter__(self) -> BulkWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()

    def replay_dead_letters(self) -> WriteResult:
        """Re-send the dead letters (after fixing their cause): written ones leave the file, ones
        rejected again go back to it, ones that meet a transient failure go to the spool."""
        letters = Spool(self.dead_letter_path)
        with letters.replay_lock():
            entries = letters.take()
            result = self._send_all([dead_letter_op(entry) for entry in entries])
            letters.done()
        return result

    def refresh_indices(self, *kinds: str) -> None:
        """Make recent writes visible to search (tests, end of a job)."""
        names = [alias_name(self.settings, kind) for kind in kinds]
        if names:
            self.es.indices.refresh(index=",".join(names))
