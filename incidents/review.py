"""Analysts' corrections of incidents: patch fields, split, merge, reject; each one audited.

Every operation records (or updates) the incident's `CorrectionState` (overrides, pinned
mentions, rejected, merged_into), rebuilds the incident from its mentions with the overrides
on top (so `suggestions` shows the machine's own values), writes the incident with a fresh
`updated_at` (it appears in `/v1/feed` as a change), relinks the mentions, and appends an
audit record with the key's name, the time, the values before and after and the note. The
resolver applies the same states on every run (`khabar.incidents.corrections`), so a
correction survives `khabar incidents resolve`, `khabar process --reprocess` and new reports.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from khabar.core.records import Incident, stable_id, utcnow
from khabar.incidents.corrections import CORRECTABLE, apply_overrides, field_value
from khabar.incidents.resolve import build_incident, mention_order
from khabar.index.corrections import AuditEntry, CorrectionConflict, CorrectionState, CorrectionStore


class CorrectionError(Exception):
    """A correction that cannot be made: `status` 404 (no such incident) or 422 (invalid)."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail


class Review:
    """Corrections of stored incidents by an analyst (`key_name`, `role` go to the audit)."""

    def __init__(self, store: CorrectionStore) -> None:
        self.store = store

    # -- reading ------------------------------------------------------------------------------
    def resolve_id(self, incident_id: str) -> str:
        """The id an incident now has (the survivor's, after merges)."""
        return self.store.redirect(incident_id)

    def current(self, incident_id: str) -> Incident:
        """The stored incident (following merge redirects); 404 when there is none."""
        found = self.store.incident(self.resolve_id(incident_id))
        if found is None:
            raise CorrectionError(404, "incident not found")
        return found

    def history(self, incident_id: str) -> list[dict[str, Any]]:
        """The audit trail of an incident and of those merged into it, oldest first."""
        return self.store.history(self.resolve_id(incident_id))

    # -- building -----------------------------------------------------------------------------
    def _machine(self, incident_id: str, mention_ids: list[str], stored: Incident | None) -> Incident:
        """What the machine says about these mentions (the stored record, corrections undone, without mentions)."""
        mentions = sorted(self.store.mentions(mention_ids), key=mention_order)
        if mentions:
            built = build_incident(mentions)
            built.incident_id = incident_id
            return built
        if stored is None:
            raise CorrectionError(422, "the incident has no mentions left")
        data = stored.model_dump(mode="json")
        for name in stored.corrected:
            if name in stored.suggestions:
                data[name] = stored.suggestions[name]
        data.update(incident_id=incident_id, corrected=[], suggestions={}, rejected=False)
        return Incident.model_validate(data)

    def _rebuild(self, state: CorrectionState, stored: Incident | None) -> Incident:
        incident = apply_overrides(self._machine(state.incident_id, state.mention_ids, stored), state)
        incident.updated_at = utcnow()
        return incident

    def _state(self, incident: Incident) -> CorrectionState:
        state = self.store.state(incident.incident_id) or CorrectionState(incident_id=incident.incident_id)
        state.mention_ids = list(incident.mention_ids) or state.mention_ids
        state.updated_at = utcnow()
        return state

    def _split_id(self, source_id: str, leaving: list[str]) -> str:
        """A deterministic id for reports split off: from the reports, unless a live incident already has it."""
        for attempt in range(100):
            candidate = stable_id("incident", "split", *sorted(leaving), *([attempt] if attempt else []))
            if candidate != source_id and self.store.incident(candidate) is None:
                return candidate
        raise CorrectionError(422, "could not find a free id for the split-off incident")

    def _save(self, **effects: Any) -> None:
        try:
            self.store.save(**effects)
        except CorrectionConflict as exc:
            raise CorrectionError(409, str(exc)) from None

    @staticmethod
    def _relinks(incident: Incident) -> dict[str, str]:
        return {m: incident.incident_id for m in incident.mention_ids}

    # -- operations ---------------------------------------------------------------------------
    def patch(self, incident_id: str, changes: dict[str, Any], *, key_name: str, role: str, note: str | None = None) -> Incident:
        """Set fields (JSON values, already validated) of an incident; they win over the machine from now on."""
        unknown = sorted(set(changes) - set(CORRECTABLE))
        if unknown:
            raise CorrectionError(422, f"not correctable: {', '.join(unknown)}; correctable fields: {', '.join(CORRECTABLE)}")
        if not changes and not note:
            raise CorrectionError(422, f"nothing to change: give one of {', '.join(CORRECTABLE)} (or a note)")
        stored = self.current(incident_id)
        state = self._state(stored)
        before = {name: field_value(stored, name) for name in changes}
        state.overrides.update(changes)
        incident = self._rebuild(state, stored)
        after = {name: field_value(incident, name) for name in changes}
        entry = AuditEntry(incident_id=incident.incident_id, action="patch", key_name=key_name, role=role,
                           fields=sorted(changes), before=before, after=after, note=note)
        self._save(incidents=[incident], states=[state], audit=[entry])
        return incident

    def reject(self, incident_id: str, *, key_name: str, role: str, note: str | None = None, rejected: bool = True) -> Incident:
        """Mark an incident a false positive (or undo that): out of counts, kept for training."""
        stored = self.current(incident_id)
        state = self._state(stored)
        before = {"rejected": stored.rejected}
        state.rejected = rejected
        incident = self._rebuild(state, stored)
        entry = AuditEntry(incident_id=incident.incident_id, action="reject" if rejected else "unreject", key_name=key_name,
                           role=role, fields=["rejected"], before=before, after={"rejected": rejected}, note=note)
        self._save(incidents=[incident], states=[state], audit=[entry])
        return incident

    def split(self, incident_id: str, mention_ids: list[str], *, key_name: str, role: str,
              note: str | None = None) -> tuple[Incident, Incident]:
        """Move some mentions of an incident to a new incident; returns (the rest, the new one)."""
        stored = self.current(incident_id)
        leaving = list(dict.fromkeys(mention_ids))
        strangers = sorted(set(leaving) - set(stored.mention_ids))
        if not leaving or strangers:
            raise CorrectionError(422, f"mention_ids must be mentions of {stored.incident_id}: "
                                       f"{', '.join(strangers) or '(none given)'} not among {', '.join(stored.mention_ids)}")
        staying = [m for m in stored.mention_ids if m not in set(leaving)]
        if not staying:
            raise CorrectionError(422, "a split must leave at least one mention with the incident")
        state = self._state(stored)
        state.mention_ids = staying
        new_state = CorrectionState(incident_id=self._split_id(stored.incident_id, leaving), mention_ids=leaving)
        earlier = self.store.state(new_state.incident_id)  # the same reports split off before (and merged back)
        new_state._version = earlier._version if earlier is not None else None
        rest = self._rebuild(state, stored)
        new = self._rebuild(new_state, None)
        now = utcnow()
        audit = [
            AuditEntry(incident_id=rest.incident_id, action="split", key_name=key_name, role=role, at=now, fields=["mention_ids"],
                       before={"mention_ids": stored.mention_ids}, after={"mention_ids": staying, "new_incident": new.incident_id},
                       note=note, mention_ids=leaving, incident_ids=[new.incident_id]),
            AuditEntry(incident_id=new.incident_id, action="split", key_name=key_name, role=role, at=now, fields=["mention_ids"],
                       before={"split_from": rest.incident_id}, after={"mention_ids": leaving}, note=note,
                       mention_ids=leaving, incident_ids=[rest.incident_id]),
        ]
        self._save(incidents=[rest, new], states=[state, new_state], relinks=self._relinks(rest) | self._relinks(new),
                        audit=audit)
        return rest, new

    def merge(self, incident_ids: list[str], *, key_name: str, role: str, note: str | None = None) -> Incident:
        """Merge incidents into one: the smallest id survives, the others redirect to it."""
        ids = sorted({self.resolve_id(i) for i in incident_ids})
        if len(ids) < 2:
            raise CorrectionError(422, "give at least two different incident_ids to merge")
        incidents = [self.current(i) for i in ids]
        survivor, others = incidents[0], incidents[1:]
        states = {i.incident_id: self._state(i) for i in incidents}
        merged = CorrectionState(incident_id=survivor.incident_id, rejected=states[survivor.incident_id].rejected)
        merged._version = states[survivor.incident_id]._version
        for inc in [*others, survivor]:  # the survivor's own corrections win
            merged.overrides.update(states[inc.incident_id].overrides)
        merged.mention_ids = list(dict.fromkeys(m for inc in incidents for m in inc.mention_ids))
        result = self._rebuild(merged, survivor)
        gone = []
        for inc in others:
            state = states[inc.incident_id]
            gone.append(state.model_copy(update={"merged_into": survivor.incident_id, "mention_ids": [], "overrides": {}}))
        now = utcnow()
        audit = [AuditEntry(incident_id=inc.incident_id, action="merge", key_name=key_name, role=role, at=now,
                            fields=["mention_ids"], before={"mention_ids": inc.mention_ids},
                            after={"merged_into": survivor.incident_id, "mention_ids": merged.mention_ids},
                            note=note, incident_ids=ids) for inc in incidents]
        self._save(incidents=[result], deleted=[i.incident_id for i in others], states=[merged, *gone],
                        relinks=self._relinks(result), audit=audit)
        return result

    # -- learning -----------------------------------------------------------------------------
    def training_examples(self) -> Iterator[dict[str, Any]]:
        """Corrections as labelled examples: one per corrected field (or rejection) per source article.

        Each has the article's text, the field and the right value (`event_type` → the type;
        `relevant` → false for a rejected incident), with the incident, mention and who corrected it.
        """
        states = self.store.states()
        latest: dict[str, AuditEntry] = {}
        for entry in self.store.audits():
            if entry.incident_id not in latest or entry.at > latest[entry.incident_id].at:
                latest[entry.incident_id] = entry
        for incident_id in sorted(states):
            state = states[incident_id]
            if state.merged_into:
                continue
            labels = dict(state.overrides)
            if state.rejected:
                labels["relevant"] = False
            if not labels:
                continue
            mentions = sorted(self.store.mentions(state.mention_ids), key=mention_order)
            articles = self.store.articles(sorted({m.article_id for m in mentions}))
            who = latest.get(incident_id)
            for mention in mentions:
                article = articles.get(mention.article_id)
                if article is None:
                    continue
                for name in sorted(labels):
                    yield {
                        "incident_id": incident_id, "mention_id": mention.id, "article_id": mention.article_id,
                        "url": article.get("url"), "title": article.get("title", ""), "text": article.get("text", ""),
                        "field": name, "value": labels[name],
                        "corrected_by": who.key_name if who else None, "corrected_at": who.at.isoformat() if who else None,
                    }
