"""Incidents: event mentions from many reports merged into one record per real incident.

- `khabar.incidents.resolve`: cluster `EventMention`s into `Incident`s in `khabar-incidents`;
- `khabar.incidents.export`: incidents as JSON Lines;
- `khabar.tools.eval_incidents`: pairwise precision/recall/F1 of the grouping against a gold file.
"""

from __future__ import annotations
