"""Storage of analysts' corrections (`<prefix>-corrections`) and the writes a correction makes.

Two kinds of record share the index:

- a `state` record per corrected incident (id `state:<incident_id>`): the fields an analyst set
  (`overrides`), the mentions pinned to it (`mention_ids`), whether it was rejected, and, after a
  merge, the survivor it now redirects to (`merged_into`). The resolver reads these so a
  correction survives re-resolution and reprocessing;
- an `audit` record per change: who (key name and role), when, what before, what after, a note.

Writes here are synchronous and refreshed: a correction is visible to search (listings,
trends, the report, the feed) when the request that made it returns.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

from elasticsearch import ConflictError, Elasticsearch, NotFoundError, helpers
from pydantic import Field, PrivateAttr

from khabar.core.records import EventMention, Incident, Record, stable_id, utcnow
from khabar.core.settings import Settings
from khabar.index.templates import alias_name
from khabar.index.writer import next_seq

NO_EMBEDDING = ["embedding"]
MAX_REDIRECTS = 20


class CorrectionState(Record):
    """What analysts decided about one incident; the resolver applies it on every run."""

    incident_id: str
    overrides: dict[str, Any] = Field(default_factory=dict, description="field -> the analyst's value (JSON form)")
    mention_ids: list[str] = Field(default_factory=list, description="mentions pinned to this incident")
    rejected: bool = False
    merged_into: str | None = None
    updated_at: datetime = Field(default_factory=utcnow)
    _version: tuple[int, int] | None = PrivateAttr(default=None)  # (seq_no, primary_term) when read from the index

    @property
    def doc_id(self) -> str:
        return f"state:{self.incident_id}"


class CorrectionConflict(Exception):
    """Another correction of the same incident was saved since this one read its state."""


class AuditEntry(Record):
    """One change an analyst made, as the history shows it."""

    incident_id: str
    action: str  # patch | split | merge | reject | unreject
    key_name: str
    role: str
    at: datetime = Field(default_factory=utcnow)
    fields: list[str] = Field(default_factory=list)
    before: dict[str, Any] = Field(default_factory=dict)
    after: dict[str, Any] = Field(default_factory=dict)
    note: str | None = None
    mention_ids: list[str] = Field(default_factory=list)
    incident_ids: list[str] = Field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return "audit:" + stable_id("audit", self.incident_id, self.action, self.at.isoformat(), self.key_name)


def tombstone(incident_id: str, merged_into: str | None = None, *, at: datetime | None = None) -> tuple[str, dict[str, Any]]:
    """The id and document that stand for a deleted incident in the change feed (`merged_into`: its survivor).

    Stored here (`record: tombstone`) rather than among the incidents, so listings, trends, the
    report and alerts never see it; the writer stamps its `change_seq` when it is sent.
    """
    doc_id = f"tombstone:{incident_id}"
    doc = {"record": "tombstone", "id": doc_id, "incident_id": incident_id, "deleted": True,
           "merged_into": merged_into, "updated_at": (at or utcnow()).isoformat()}
    return doc_id, doc


def _record(source: dict[str, Any]) -> dict[str, Any]:
    """A stored document without the fields the index adds (`record`, `id`)."""
    return {k: v for k, v in source.items() if k not in ("record", "id")}


class CorrectionStore:
    """Read and write corrections, and the incident and mention documents they change."""

    def __init__(self, es: Elasticsearch, settings: Settings) -> None:
        self.es = es
        self.settings = settings
        self.alias = alias_name(settings, "corrections")

    # -- states and audit ---------------------------------------------------------------------
    def states(self) -> dict[str, CorrectionState]:
        """Every incident's correction state, by incident id."""
        try:
            self.es.indices.refresh(index=self.alias)
        except NotFoundError:  # indices from before corrections existed: nothing corrected yet
            return {}
        hits = helpers.scan(self.es, index=self.alias, query={"query": {"term": {"record": "state"}}}, size=500)
        found = [CorrectionState.model_validate(_record(h["_source"])) for h in hits]
        return {s.incident_id: s for s in found}

    def state(self, incident_id: str) -> CorrectionState | None:
        """One incident's correction state, or None when nobody corrected it."""
        resp = self.es.options(ignore_status=404).get(index=self.alias, id=f"state:{incident_id}")
        if not resp.get("found"):
            return None
        state = CorrectionState.model_validate(_record(resp["_source"]))
        state._version = (int(resp["_seq_no"]), int(resp["_primary_term"]))
        return state

    def states_of(self, incident_ids: Sequence[str], chunk: int = 1000) -> dict[str, CorrectionState]:
        """The correction states of some incidents (those nobody corrected are absent), by multi-get."""
        found: dict[str, CorrectionState] = {}
        ids = list(incident_ids)
        for start in range(0, len(ids), chunk):
            docs = self.es.options(ignore_status=404).mget(
                index=self.alias, ids=[f"state:{i}" for i in ids[start : start + chunk]]).get("docs", [])
            for doc in docs:
                if doc.get("found"):
                    state = CorrectionState.model_validate(_record(doc["_source"]))
                    found[state.incident_id] = state
        return found

    def redirect(self, incident_id: str) -> str:
        """The incident an id now stands for: itself, or the survivor of the merges it went into."""
        current = incident_id
        for _ in range(MAX_REDIRECTS):
            state = self.state(current)
            if state is None or not state.merged_into:
                return current
            current = state.merged_into
        return current

    def record_merges(self, merged: Mapping[str, str], *, at: datetime | None = None) -> None:
        """Make each merged-away id (key) redirect to its survivor (value), as an analyst's merge does.

        Used by the resolver when re-resolution joins two stored incidents: the old id's state gets
        `merged_into` (its other fields kept) and `updated_at` = `at`, so `GET /v1/incidents/{old}`
        answers with the survivor and the feed emits a `merged_into` change. Refreshed at once.
        """
        if not merged:
            return
        at = at or utcnow()
        ops: list[dict[str, Any]] = []
        known = self.states_of(sorted(merged))
        for old_id, survivor in sorted(merged.items()):
            state = known.get(old_id) or CorrectionState(incident_id=old_id)
            state = state.model_copy(update={"merged_into": survivor, "updated_at": at})
            ops += [{"index": {"_index": self.alias, "_id": state.doc_id}},
                    {**state.model_dump(mode="json"), "record": "state", "id": state.doc_id}]
        self._bulk(ops)

    def clear_redirects(self, incident_ids: Sequence[str]) -> list[str]:
        """Drop the redirect of ids that are live incidents again (a split gave the id back); returns them."""
        if not incident_ids:
            return []
        try:
            hits = self.es.search(index=self.alias, size=len(incident_ids), query={"bool": {"filter": [
                {"term": {"record": "state"}}, {"terms": {"incident_id": list(incident_ids)}}, {"exists": {"field": "merged_into"}}]}},
            )["hits"]["hits"]
        except NotFoundError:
            return []
        ops: list[dict[str, Any]] = []
        cleared: list[str] = []
        for hit in hits:
            state = CorrectionState.model_validate(_record(hit["_source"])).model_copy(update={"merged_into": None, "updated_at": utcnow()})
            cleared.append(state.incident_id)
            ops += [{"index": {"_index": self.alias, "_id": state.doc_id}},
                    {**state.model_dump(mode="json"), "record": "state", "id": state.doc_id}]
        self._bulk(ops)
        return cleared

    def _bulk(self, ops: list[dict[str, Any]]) -> None:
        if not ops:
            return
        resp = self.es.bulk(operations=ops, refresh=True)
        if resp.get("errors"):
            failed = [op for item in resp["items"] for op in item.values() if op.get("error")]
            raise RuntimeError(f"redirect write failed: {failed[0]}")

    def history(self, incident_id: str) -> list[dict[str, Any]]:
        """The audit records of an incident, oldest first."""
        self.es.indices.refresh(index=self.alias)
        query = {"bool": {"filter": [{"term": {"record": "audit"}}, {"term": {"incident_id": incident_id}}]}}
        hits = self.es.search(index=self.alias, query=query, size=1000, sort=[{"at": "asc"}])["hits"]["hits"]
        return [_record(h["_source"]) for h in hits]

    def audits(self) -> Iterator[AuditEntry]:
        """Every audit record (any order)."""
        hits = helpers.scan(self.es, index=self.alias, query={"query": {"term": {"record": "audit"}}}, size=500)
        for hit in hits:
            yield AuditEntry.model_validate(_record(hit["_source"]))

    # -- incidents and mentions ---------------------------------------------------------------
    def incident(self, incident_id: str) -> Incident | None:
        """One stored incident (with its embedding), or None."""
        resp = self.es.options(ignore_status=404).get(index=alias_name(self.settings, "incidents"), id=incident_id)
        if resp.get("found"):
            return Incident.model_validate(resp["_source"])
        hits = self.es.search(index=alias_name(self.settings, "incidents"), query={"term": {"incident_id": incident_id}},
                              size=1)["hits"]["hits"]
        return Incident.model_validate(hits[0]["_source"]) if hits else None

    def mentions(self, mention_ids: list[str]) -> list[EventMention]:
        """The stored mentions with these ids (missing ones left out)."""
        if not mention_ids:
            return []
        hits = self.es.search(index=alias_name(self.settings, "events"), query={"ids": {"values": mention_ids}},
                              size=len(mention_ids))["hits"]["hits"]
        return [EventMention.model_validate(h["_source"]) for h in hits]

    def articles(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """Stored articles (title, text, url, outlet, published_at) by id."""
        if not article_ids:
            return {}
        hits = self.es.search(index=alias_name(self.settings, "articles"), query={"ids": {"values": article_ids}},
                              size=len(article_ids),
                              source_includes=["id", "title", "text", "url", "outlet", "published_at"])["hits"]["hits"]
        return {h["_id"]: h["_source"] for h in hits}

    def save(self, *, incidents: Sequence[Incident] = (), deleted: Sequence[str] = (),
             relinks: dict[str, str] | None = None, states: Sequence[CorrectionState] = (),
             audit: Sequence[AuditEntry] = ()) -> None:
        """Write a correction's effects and make them searchable at once.

        The states go first, each only if nobody saved that incident's state since it was read
        (CorrectionConflict otherwise, before anything else is written); then the rest in one bulk.
        """
        for state in states:
            self._save_state(state)
        incidents_alias = alias_name(self.settings, "incidents")
        events_alias = alias_name(self.settings, "events")
        ops: list[dict[str, Any]] = []
        for incident in incidents:  # stamped for the change feed now, as the writer does when it sends
            ops += [{"index": {"_index": incidents_alias, "_id": incident.incident_id}},
                    {**incident.model_dump(mode="json"), "change_seq": next_seq()}]
        survivors = {state.incident_id: state.merged_into for state in states if state.merged_into}
        for incident_id in deleted:
            tomb_id, tomb = tombstone(incident_id, survivors.get(incident_id))
            ops += [{"index": {"_index": self.alias, "_id": tomb_id}}, {**tomb, "change_seq": next_seq()},
                    {"delete": {"_index": incidents_alias, "_id": incident_id}}]
        for mention_id, incident_id in (relinks or {}).items():
            ops += [{"update": {"_index": events_alias, "_id": mention_id}}, {"doc": {"incident_id": incident_id}}]
        for entry in audit:
            ops += [{"index": {"_index": self.alias, "_id": entry.doc_id}},
                    {**entry.model_dump(mode="json"), "record": "audit", "id": entry.doc_id}]
        if not ops:
            return
        resp = self.es.bulk(operations=ops, refresh=True)
        if resp.get("errors"):
            failed = [item for item in resp["items"] for op in item.values()
                      if op.get("error") and not (op.get("status") == 404 and "delete" in item)]
            if failed:
                raise RuntimeError(f"correction write failed: {failed[0]}")

    def _save_state(self, state: CorrectionState) -> None:
        """Write one state: a new one only if none exists, a read one only if unchanged since."""
        body = {**state.model_dump(mode="json"), "record": "state", "id": state.doc_id}
        guard: dict[str, Any] = {"op_type": "create"}
        if state._version is not None:
            guard = {"if_seq_no": state._version[0], "if_primary_term": state._version[1]}
        try:
            resp = self.es.index(index=self.alias, id=state.doc_id, document=body, **guard)
        except ConflictError:
            raise CorrectionConflict(f"incident {state.incident_id} was corrected by someone else meanwhile; reload it and retry") from None
        state._version = (int(resp["_seq_no"]), int(resp["_primary_term"]))
