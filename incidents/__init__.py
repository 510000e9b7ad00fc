"""Incidents: event mentions from many reports merged into one record per real incident.

- `khabar.incidents.resolve`: cluster `EventMention`s into `Incident`s: `plan_resolution` is pure
  (mentions and stored incidents in, a `ResolutionPlan` out); `resolve_incidents` loads and writes
  through the storage layer (`khabar.index.store.Store`);
- `khabar.incidents.matching`: the learned pairwise matcher (dates with tolerance, district
  adjacency from polygons, groups, types, tolls, MiniLM similarities) and its average-linkage
  clustering; model in `incidents/matcher.json` (`khabar incidents train`);
- exports live in `khabar.app.export` (one exporter for every format);
- `khabar.tools.eval_incidents`: pairwise precision/recall/F1 of the grouping against a gold file.
"""

from __future__ import annotations
