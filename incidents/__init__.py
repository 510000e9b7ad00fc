"""Incidents: event mentions from many reports merged into one record per real incident.

- `incidents.resolve`: cluster `EventMention`s into `Incident`s in `khabar-incidents`;
- `incidents.export`: incidents as JSON Lines;
- `incidents.evaluate`: pairwise precision/recall/F1 of the grouping against a gold file.
"""

from __future__ import annotations
