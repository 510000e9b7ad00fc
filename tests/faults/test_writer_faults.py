"""Bulk writer faults against the real Elasticsearch: transient answers are retried or spooled
(never dead-lettered), 413 splits the batch, torn spool lines never swallow the next append,
replays run one at a time and an older operation never overwrites a newer document."""

from __future__ import annotations

import json
import multiprocessing
import os
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.cli import main
from khabar.core.records import Article
from khabar.core.settings import Settings
from khabar.index.client import es_client
from khabar.index.templates import alias_name
from khabar.index.writer import BulkWriter, Spool, WriteResult, read_dead_letters

from .es_faults import FaultProxy, serving

ROOT = Path(__file__).resolve().parents[2]


def article(n: int, **fields: Any) -> Article:
    base: dict[str, Any] = {"outlet": "Example", "title": f"Story {n}", "text": f"Body of story {n}."}
    return Article(url=f"https://news.example.pk/{n}", **(base | fields))


def stored(es: Elasticsearch, settings: Settings) -> dict[str, dict[str, Any]]:
    index = alias_name(settings, "articles")
    es.indices.refresh(index=index)
    hits = es.search(index=index, size=1000, query={"match_all": {}})["hits"]["hits"]
    return {h["_id"]: h["_source"] for h in hits}


def proxied(settings: Settings, proxy: FaultProxy) -> Elasticsearch:
    return es_client(settings.model_copy(update={"elasticsearch": settings.elasticsearch.model_copy(update={"url": proxy.url})}))


@pytest.mark.parametrize("status", [401, 403, 429, 503])
def test_auth_refused_and_throttled_bulks_are_retried_not_dead_lettered(settings: Settings, es: Elasticsearch, status: int) -> None:
    with serving(FaultProxy(settings.elasticsearch.url)) as proxy:
        proxy.bulk_statuses = [status, status]  # a key being rotated: refused twice, then accepted
        writer = BulkWriter(proxied(settings, proxy), settings, max_retries=3, backoff_seconds=0.01)
        for n in range(5):
            writer.index("articles", article(n).id, article(n))
        result = writer.flush()
    assert (result.written, result.dead_lettered, result.spooled) == (5, 0, 0)
    assert not settings.dead_letter_path.exists()
    assert len(stored(es, settings)) == 5


def test_persistent_401_spools_and_the_replay_writes_once_the_key_is_fixed(settings: Settings, es: Elasticsearch) -> None:
    with serving(FaultProxy(settings.elasticsearch.url)) as proxy:
        proxy.bulk_statuses = [401] * 3
        writer = BulkWriter(proxied(settings, proxy), settings, max_retries=2, backoff_seconds=0.01)
        for n in range(4):
            writer.index("articles", article(n).id, article(n))
        result = writer.flush()
        assert (result.written, result.dead_lettered, result.spooled) == (0, 0, 4)
        assert writer.spool.size() == 4 and not settings.dead_letter_path.exists()
        replayed = writer.replay_spool()  # the key works again
    assert replayed.written == 4 and writer.spool.size() == 0
    assert len(stored(es, settings)) == 4


def test_413_splits_the_batch_and_only_a_single_oversized_document_is_a_dead_letter(settings: Settings, es: Elasticsearch) -> None:
    with serving(FaultProxy(settings.elasticsearch.url)) as proxy:
        proxy.max_bulk_bytes = 20_000
        writer = BulkWriter(proxied(settings, proxy), settings, chunk_size=100, backoff_seconds=0.01)
        for n in range(40):
            doc = article(n, paragraphs=["x" * 2000])
            writer.index("articles", doc.id, doc)
        huge = article(99, paragraphs=["y" * 30_000])
        writer.index("articles", huge.id, huge)
        result = writer.flush()
    assert (result.written, result.dead_lettered, result.spooled) == (40, 1, 0)
    assert len(stored(es, settings)) == 40
    [letter] = read_dead_letters(settings.dead_letter_path)
    assert letter["id"] == huge.id and letter["status"] == 413


def test_concurrent_updates_409_are_retried_not_dead_lettered(settings: Settings, es: Elasticsearch) -> None:
    """The crawler's last_seen update and NLP's status update race on one document: real 409s."""
    doc = article(1)
    with BulkWriter(es, settings) as first:
        first.index("articles", doc.id, doc)
    results: list[WriteResult] = []

    def hammer(worker: int) -> None:
        writer = BulkWriter(es_client(settings), settings, chunk_size=1, backoff_seconds=0.01)
        for n in range(40):
            writer.update("articles", doc.id, {"title": f"w{worker}-{n}", "event_count": n})
            writer.flush()
        results.append(writer.totals)

    threads = [threading.Thread(target=hammer, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = WriteResult()
    for one in results:
        total += one
    assert (total.written, total.dead_lettered, total.spooled) == (240, 0, 0)
    assert not settings.dead_letter_path.exists()


def test_an_older_operation_never_overwrites_a_newer_document(settings: Settings, es: Elasticsearch) -> None:
    doc = article(7)
    late = BulkWriter(es, settings)
    late.index("articles", doc.id, doc.model_copy(update={"title": "old text"}))  # queued first
    fresh = BulkWriter(es, settings)
    fresh.index("articles", doc.id, doc.model_copy(update={"title": "new text"}))
    fresh.flush()
    result = late.flush()  # arrives last (a late spool replay)
    assert (result.written, result.stale, result.dead_lettered) == (0, 1, 0)
    assert stored(es, settings)[doc.id]["title"] == "new text"


class SlowWriter(BulkWriter):
    """A writer whose chunks take a while, so that a second replay starts during the first."""

    started = threading.Event()

    def _send_chunk(self, ops: list[dict[str, Any]]) -> WriteResult:
        SlowWriter.started.set()
        time.sleep(0.05)
        return super()._send_chunk(ops)


def test_two_replays_at_once_send_each_operation_once_and_leave_the_newest(settings: Settings, es: Elasticsearch) -> None:
    queue = BulkWriter(es, settings)
    for version in range(1, 6):  # each document written five times, newest last
        for n in range(30):
            queue.index("articles", article(n).id, article(n, title=f"v{version}"))
    ops, queue.buffer = queue.buffer, []
    Spool(settings.spool_path).append(ops)
    results: list[WriteResult] = []

    def replay() -> None:
        results.append(SlowWriter(es_client(settings), settings, chunk_size=10).replay_spool())

    first = threading.Thread(target=replay)
    first.start()
    assert SlowWriter.started.wait(10)
    second = threading.Thread(target=replay)
    second.start()
    first.join()
    second.join()
    assert sum(r.written + r.stale for r in results) == 150  # each spooled operation sent once
    assert Spool(settings.spool_path).size() == 0
    docs = stored(es, settings)
    assert len(docs) == 30 and {d["title"] for d in docs.values()} == {"v5"}


APPENDER = """
import sys
from pathlib import Path
from khabar.index.writer import Spool
spool = Spool(Path(sys.argv[1]))
ops = [{"op": "index", "index": "x", "id": f"doc-{n}", "doc": {"text": "z" * 20000}} for n in range(200)]
while True:
    spool.append(ops)
"""


def _marker(n: int) -> dict[str, Any]:
    return {"op": "delete", "index": "x", "id": f"marker-{n}"}


def _append_forever(path: str, ready: Any) -> None:
    spool = Spool(Path(path))
    ops = [{"op": "index", "index": "x", "id": f"doc-{n}", "doc": {"text": "z" * 20000}} for n in range(50)]
    spool.append(ops)
    ready.set()
    while True:
        spool.append(ops)


def test_sigkill_mid_append_never_glues_the_next_append_to_a_torn_line(tmp_path: Path) -> None:
    """Writer processes SIGKILLed at varying moments mid-append; after each, another append.
    Every one of those appends must survive, also those right after a torn line. Each attempt
    uses a fresh spool, so the file never grows past a few megabytes however long it takes."""
    context = multiprocessing.get_context("fork")  # starts in milliseconds: many kills in a few seconds
    torn = attempts = 0
    while torn < 3 and attempts < 300:
        spool_path = tmp_path / f"spool-{attempts}" / "pending.jsonl"
        spool = Spool(spool_path)
        ready = context.Event()
        child = context.Process(target=_append_forever, args=(str(spool_path), ready), daemon=True)
        child.start()
        assert ready.wait(30)
        time.sleep((attempts % 11) * 0.003)
        os.kill(child.pid or 0, signal.SIGKILL)
        child.join()
        with open(spool_path, "rb") as handle:
            handle.seek(-1, os.SEEK_END)
            cut_short = handle.read(1) != b"\n"
        spool.append([_marker(attempts)])  # the next writer, after the crash
        ids = [op["id"] for op in spool.take() if op["id"].startswith("marker-")]
        assert ids == [f"marker-{attempts}"], f"attempt {attempts} (torn line: {cut_short}) lost its append"
        torn += cut_short
        attempts += 1
        shutil.rmtree(spool_path.parent)
    assert torn, f"none of {attempts} kills cut an append short: the fault was not exercised"


def test_disk_full_mid_append_leaves_a_torn_line_that_is_skipped(tmp_path: Path) -> None:
    """A write cut short by a file-size limit (as by a full disk): the next append still lands."""
    spool_path = tmp_path / "spool" / "pending.jsonl"
    spool = Spool(spool_path)
    spool.append([_marker(0)])
    limit = spool_path.stat().st_size + 30_000

    def cap_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    child = subprocess.run([sys.executable, "-c", APPENDER, str(spool_path)], cwd=ROOT, preexec_fn=cap_file_size,
                           capture_output=True, timeout=60)
    assert child.returncode != 0
    assert spool_path.read_bytes()[-1:] != b"\n"  # torn
    spool.append([_marker(1), _marker(2)])
    ids = [op["id"] for op in spool.take()]
    assert ids == ["marker-0", "doc-0", "marker-1", "marker-2"]  # the one complete op before the cut, then ours


def _cli_env(settings: Settings) -> dict[str, str]:
    return {"KHABAR_ES_URL": settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": settings.elasticsearch.index_prefix,
            "KHABAR_DATA_DIR": str(settings.data_dir), "KHABAR_CONFIG": str(ROOT / "config" / "khabar.yaml")}


def test_deadletters_list_and_replay_after_fixing_the_cause(settings: Settings, es: Elasticsearch) -> None:
    writer = BulkWriter(es, settings)
    for n in range(3):
        bad = article(n).model_dump(mode="json") | {"published_at": "the day before yesterday"}
        writer.index("articles", bad["id"], bad)
    assert writer.flush().dead_lettered == 3
    runner = CliRunner()
    env = _cli_env(settings)
    listed = runner.invoke(main, ["deadletters", "list", "--json"], env=env)
    assert listed.exit_code == 0, listed.output
    entries = [json.loads(line) for line in listed.output.splitlines()]
    assert [e["status"] for e in entries] == [400, 400, 400] and "published_at" in entries[0]["reason"]

    # Fix the cause for two of them (the date), leave the third as it is.
    fixed = [e | {"doc": e["doc"] | {"published_at": "2025-05-01T00:00:00+00:00"}} if i < 2 else e for i, e in enumerate(entries)]
    settings.dead_letter_path.write_text("".join(json.dumps(e) + "\n" for e in fixed))
    replayed = runner.invoke(main, ["deadletters", "replay"], env=env)
    assert replayed.exit_code == 1, replayed.output  # one was rejected again
    assert "written 2" in replayed.output and "rejected again 1" in replayed.output
    assert set(stored(es, settings)) == {entries[0]["id"], entries[1]["id"]}
    [left] = read_dead_letters(settings.dead_letter_path)
    assert left["id"] == entries[2]["id"] and left["status"] == 400
