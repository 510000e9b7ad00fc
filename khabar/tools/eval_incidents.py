"""Pairwise precision/recall/F1 of an incident grouping against a gold file.

Items are event mentions: an article URL (compared by path) and one event of it. Gold
comes from `demo/site/gold.jsonl` (articles with `events[].incident_key`) or from an
incidents gold file (`incident_key` + `urls`). Predictions are incidents (from the index
or an export file) whose `sources[].url` name the articles. Where an article has several
events, gold and predicted events are matched by district, then event type.

A pair of items is predicted when both are in one predicted incident, and gold when both
are in one gold incident. Gold events with no predicted counterpart are predicted
singletons; predicted mentions with no gold counterpart are gold singletons.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel


@dataclass(frozen=True)
class Item:
    """One event mention: an article (by URL path), its cluster, and what matches it."""

    path: str
    cluster: str
    event_type: str | None = None
    district: str | None = None


class GroupingScores(BaseModel):
    """Pairwise scores of a grouping."""

    precision: float
    recall: float
    f1: float
    gold_incidents: int
    predicted_incidents: int
    gold_mentions: int
    predicted_mentions: int
    matched_mentions: int
    gold_pairs: int
    predicted_pairs: int
    correct_pairs: int


def url_path(url: str) -> str:
    """An article URL compared by its path (no trailing slash)."""
    path = urlparse(url).path if "://" in url else url.split("?")[0].split("#")[0]
    return path.rstrip("/") or "/"


def _lower(value: Any) -> str | None:
    return str(value).strip().lower() if value else None


def gold_paths(records: Iterable[dict[str, Any]]) -> set[str]:
    """Every article path a gold file covers (including articles without events)."""
    paths: set[str] = set()
    for record in records:
        if "url" in record:
            paths.add(url_path(record["url"]))
        paths.update(url_path(u) for u in record.get("urls") or [])
    return paths


def gold_items(records: Iterable[dict[str, Any]]) -> list[Item]:
    """Gold event mentions from either demo gold format."""
    items: list[Item] = []
    for record in records:
        if "events" in record:
            for event in record["events"]:
                items.append(
                    Item(
                        url_path(record["url"]),
                        str(event["incident_key"]),
                        _lower(event.get("event_type")),
                        _lower(event.get("district")),
                    )
                )
        elif "urls" in record:
            for url in record["urls"]:
                items.append(
                    Item(
                        url_path(url),
                        str(record["incident_key"]),
                        _lower(record.get("event_type")),
                        _lower(record.get("district")),
                    )
                )
    return items


def predicted_items(incidents: Iterable[dict[str, Any]]) -> list[Item]:
    """Predicted event mentions from incidents (exported or stored documents)."""
    items: list[Item] = []
    for incident in incidents:
        location = incident.get("location") or {}
        for source in incident.get("sources") or []:
            if source.get("url"):
                items.append(
                    Item(
                        url_path(source["url"]),
                        str(incident["incident_id"]),
                        _lower(incident.get("event_type")),
                        _lower(location.get("district")),
                    )
                )
    return items


def _match(gold: list[Item], predicted: list[Item]) -> list[tuple[int, int]]:
    """Pairs (gold index, predicted index) of the same article, best attribute agreement first."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.path == p.path:
                agreement = 2 * (g.district is not None and g.district == p.district) + (g.event_type == p.event_type)
                scored.append((-agreement, gi, pi))
    matched: list[tuple[int, int]] = []
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    for _, gi, pi in sorted(scored):
        if gi not in used_gold and pi not in used_pred:
            matched.append((gi, pi))
            used_gold.add(gi)
            used_pred.add(pi)
    return matched


def _pairs(clusters: list[str]) -> set[tuple[int, int]]:
    members: dict[str, list[int]] = {}
    for index, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(index)
    return {pair for group in members.values() for pair in combinations(group, 2)}


def score_grouping(gold: list[Item], predicted: list[Item]) -> GroupingScores:
    """Pairwise precision, recall and F1 of the predicted grouping against gold."""
    matched = _match(gold, predicted)
    pred_of_gold = {gi: pi for gi, pi in matched}
    matched_pred = set(pred_of_gold.values())
    gold_clusters: list[str] = []
    pred_clusters: list[str] = []
    for gi, g in enumerate(gold):
        gold_clusters.append(f"g:{g.cluster}")
        pi = pred_of_gold.get(gi)
        pred_clusters.append(f"p:{predicted[pi].cluster}" if pi is not None else f"unmatched-gold:{gi}")
    for pi, p in enumerate(predicted):
        if pi not in matched_pred:
            gold_clusters.append(f"unmatched-pred:{pi}")
            pred_clusters.append(f"p:{p.cluster}")
    gold_pairs, pred_pairs = _pairs(gold_clusters), _pairs(pred_clusters)
    correct = len(gold_pairs & pred_pairs)
    precision = correct / len(pred_pairs) if pred_pairs else 1.0
    recall = correct / len(gold_pairs) if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return GroupingScores(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        gold_incidents=len({g.cluster for g in gold}),
        predicted_incidents=len({p.cluster for p in predicted}),
        gold_mentions=len(gold),
        predicted_mentions=len(predicted),
        matched_mentions=len(matched),
        gold_pairs=len(gold_pairs),
        predicted_pairs=len(pred_pairs),
        correct_pairs=correct,
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The records of a JSON Lines file."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate_files(gold_path: Path, predicted: Iterable[dict[str, Any]]) -> GroupingScores:
    """Score predicted incidents against a gold file in either demo format.

    Only predicted mentions of articles the gold file covers are scored.
    """
    records = read_jsonl(gold_path)
    covered = gold_paths(records)
    return score_grouping(gold_items(records), [p for p in predicted_items(predicted) if p.path in covered])
