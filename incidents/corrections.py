"""Make analysts' corrections survive resolution: pinned mentions and overridden fields.

The resolver clusters mentions and builds incidents from the machine's view; this step then
puts the analysts' decisions back on top (`Corrections.regroup` on the clusters,
`Corrections.apply` on each built incident):

- every mention of a corrected, split, merged or rejected incident is pinned to it: pinned
  mentions go to their incident whatever the clustering said, and a new, unpinned mention that
  clustered with pinned ones joins their incident (a new report of a corrected incident);
- the incident keeps its pinned id (not the id of its earliest mention);
- a corrected field keeps the analyst's value; when the machine's newer value differs it is
  kept beside it in `suggestions`; `corrected` lists the corrected fields;
- a rejected incident stays `rejected` (left out of counts, kept for training).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from khabar.core.records import EventMention, Incident
from khabar.index.corrections import CorrectionState

CORRECTABLE: tuple[str, ...] = (
    "event_type", "date", "killed", "injured", "attackers_killed", "kidnapped", "perpetrator", "target_type", "location",
)


def field_value(incident: Incident, field: str) -> Any:
    """A field of an incident in its JSON form (how overrides and the audit store it)."""
    value = incident.model_dump(mode="json", include={field})[field]
    if field == "location" and isinstance(value, dict):
        value.pop("point", None)
    return value


def apply_overrides(incident: Incident, state: CorrectionState | None) -> Incident:
    """The incident with the analysts' values on top of the machine's (machine values kept as suggestions)."""
    if state is None:
        return incident
    data = incident.model_dump(mode="json")
    suggestions: dict[str, Any] = {}
    for field, value in state.overrides.items():
        machine = field_value(incident, field)
        if machine != value:
            suggestions[field] = machine
        data[field] = value
    data["corrected"] = sorted(state.overrides)
    data["suggestions"] = suggestions
    data["rejected"] = state.rejected
    data["incident_id"] = state.incident_id
    settled = set(state.overrides)  # a figure an analyst corrected is no longer under review
    data["review_fields"] = [f for f in data.get("review_fields", []) if f not in settled]
    data["review_notes"] = [n for n in data.get("review_notes", []) if n.split(":", 1)[0] not in settled]
    data["review"] = bool(data["review_fields"])
    return Incident.model_validate(data)


class Corrections:
    """The correction states of every incident, as the resolver applies them."""

    def __init__(self, states: dict[str, CorrectionState]) -> None:
        self.states = {k: s for k, s in states.items() if not s.merged_into}
        self.pins: dict[str, str] = {}
        for incident_id in sorted(self.states):
            for mention_id in self.states[incident_id].mention_ids:
                self.pins.setdefault(mention_id, incident_id)

    def _target(self, members: Sequence[EventMention]) -> str | None:
        """The incident most of these mentions are pinned to (ties: the smallest id)."""
        counts = Counter(self.pins[m.id] for m in members if m.id in self.pins)
        if not counts:
            return None
        top = max(counts.values())
        return min(k for k, n in counts.items() if n == top)

    def regroup(self, clusters: list[list[EventMention]]) -> list[list[EventMention]]:
        """Clusters with pinned mentions moved to their incidents; unpinned ones follow their cluster's pins."""
        if not self.pins:
            return clusters
        pinned: dict[str, list[EventMention]] = {}
        free: list[list[EventMention]] = []
        for cluster in clusters:
            rest = [m for m in cluster if m.id not in self.pins]
            for mention in cluster:
                if mention.id in self.pins:
                    pinned.setdefault(self.pins[mention.id], []).append(mention)
            target = self._target(cluster)
            if rest and target is not None:
                pinned[target].extend(rest)
            elif rest:
                free.append(rest)
        return [pinned[k] for k in sorted(pinned)] + free

    def apply(self, incident: Incident, members: Sequence[EventMention]) -> Incident:
        """The built incident under its pinned id with the analysts' values on top."""
        target = self._target(members)
        if target is None:
            return incident
        return apply_overrides(incident, self.states[target])
