"""Evaluate the extractor against SATP, ACLED and the demo site's gold file.

Metric helpers are pure functions (tested on tiny inputs); the dataset runners
turn gold rows into articles, run `khabar.nlp.extract.Extractor` and score the fields.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

from khabar.core.records import ExtractedEvent

PKT = timezone(timedelta(hours=5))

# Which SATP label a Khabar event type satisfies (GTD-style attack types).
SATP_ACCEPT: dict[str, frozenset[str]] = {
    "armed_assault": frozenset({"armed_assault"}),
    "security_operation": frozenset({"armed_assault"}),
    "targeted_killing": frozenset({"armed_assault", "other"}),
    "bombing": frozenset({"bombing"}),
    "kidnapping": frozenset({"kidnapping"}),
    "hijacking": frozenset({"kidnapping"}),
    "infrastructure_attack": frozenset({"other"}),
    "other": frozenset({"other"}),
}
SATP_GOLD_LABELS = ("armed_assault", "bombing", "kidnapping", "other")


@dataclass
class Metric:
    """One row of an evaluation report."""

    field: str
    metric: str
    value: float
    n: int
    note: str = ""


# -- metric helpers --------------------------------------------------------------------------


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def binary_prf(gold: Sequence[bool], pred: Sequence[bool]) -> tuple[float, float, float]:
    """Precision, recall and F1 of binary predictions."""
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    return prf(tp, fp, fn)


def accuracy(pairs: Iterable[tuple[Any, Any]]) -> tuple[float, int]:
    """Share of (gold, predicted) pairs that are equal, and the pair count."""
    items = list(pairs)
    if not items:
        return 0.0, 0
    return sum(1 for g, p in items if g == p) / len(items), len(items)


def per_label_prf(
    golds: Sequence[frozenset[str]], preds: Sequence[str | None], labels: Iterable[str]
) -> dict[str, tuple[float, float, float, int]]:
    """Per-label P/R/F1/support where gold may hold several acceptable labels.

    A prediction is correct when it is in its gold set (a TP for the predicted label);
    otherwise it is a FP for the predicted label and a FN for every gold label.
    """
    out = {}
    for label in labels:
        tp = fp = fn = 0
        for gold, pred in zip(golds, preds, strict=True):
            correct = pred is not None and pred in gold
            tp += int(correct and pred == label)
            fp += int(not correct and pred == label)
            fn += int(not correct and label in gold)
        support = sum(1 for gold in golds if label in gold)
        out[label] = (*prf(tp, fp, fn), support)
    return out


def macro_f1(table: dict[str, tuple[float, float, float, int]]) -> float:
    """Mean F1 over labels that have gold support."""
    f1s = [f1 for _, _, f1, support in table.values() if support]
    return sum(f1s) / len(f1s) if f1s else 0.0


def type_rows(golds: Sequence[frozenset[str]], preds: Sequence[str | None], labels: Iterable[str]) -> list[Metric]:
    """Per-type P/R/F1 rows plus macro-F1 and accuracy."""
    table = per_label_prf(golds, preds, labels)
    rows = []
    for label, (p, r, f1, support) in table.items():
        if support or any(pred == label for pred in preds):
            rows.append(Metric(f"event_type:{label}", "P/R/F1", f1, support, f"P={p:.3f} R={r:.3f}"))
    acc = sum(1 for g, p in zip(golds, preds, strict=True) if p in g) / len(golds) if golds else 0.0
    rows.append(Metric("event_type", "macro-F1", macro_f1(table), len(golds)))
    rows.append(Metric("event_type", "accuracy", acc, len(golds)))
    return rows


def exact_row(name: str, pairs: list[tuple[Any, Any]], note: str = "") -> Metric:
    """An exact-match accuracy row."""
    value, n = accuracy(pairs)
    return Metric(name, "exact", value, n, note)


# -- extractor plumbing ----------------------------------------------------------------------


def default_extract() -> Callable[[dict[str, Any]], list[ExtractedEvent]]:
    """The production extractor with the shipped classifier."""
    from khabar.nlp.classify import load_classifier
    from khabar.nlp.extract import Extractor

    return Extractor(classifier=load_classifier()).extract


def primary_event(events: list[ExtractedEvent]) -> ExtractedEvent | None:
    """The extractor's most confident event."""
    return max(events, key=lambda e: e.confidence) if events else None


def _gazetteer() -> Any | None:
    """The gazetteer, or None while it is unavailable."""
    try:
        from khabar.nlp.gazetteer import load_gazetteer

        return load_gazetteer()
    except Exception:  # noqa: BLE001 - evaluation degrades to raw string comparison
        return None


def canonical_district(name: str | None) -> str | None:
    """District name canonicalised with the gazetteer's alias resolver."""
    if not name:
        return None
    gaz = _gazetteer()
    loc = gaz.resolve_location(name) if gaz else None
    return (loc.district or name) if loc else name


def canonical_group(actor: str | None) -> str | None:
    """Canonical group for an ACLED actor like 'BLA: Balochistan Liberation Army'."""
    if not actor:
        return None
    gaz = _gazetteer()
    if gaz is None:
        return None
    parts = [actor, *[p.strip() for p in actor.split(":")]]
    for part in parts:
        name = gaz.resolve_group(part) if part else None
        if name:
            return str(name)
    return None


# -- SATP ------------------------------------------------------------------------------------


def load_satp_rows(path: Path, split: str) -> list[dict[str, str]]:
    """SATP rows of the chosen split ('dev' or 'all')."""
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return rows if split == "all" else [r for r in rows if r.get("split") == split]


def satp_gold(row: dict[str, str]) -> frozenset[str]:
    """The SATP labels set to 1 in a row."""
    from khabar.tools.train import SATP_LABELS

    return frozenset(label for label, column in SATP_LABELS.items() if row.get(column) == "1")


def satp_predicted_label(event_type: str | None, gold: frozenset[str]) -> str | None:
    """The SATP label a Khabar type maps to, preferring one in the gold set."""
    if event_type is None:
        return None
    accepted = SATP_ACCEPT.get(event_type, frozenset({"other"}))
    hit = sorted(accepted & gold)
    return hit[0] if hit else sorted(accepted)[0]


SATP_DAY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b")
SATP_YEAR = 2020


def satp_published(text: str) -> datetime | None:
    """SATP paragraphs carry no publication date; their daily digests run the day after the
    first date they name ("on February 19"), so that day (in a fixed year) stands in for it."""
    match = SATP_DAY.search(text)
    if match is None:
        return None
    try:
        day = datetime.strptime(f"{match.group(1)} {match.group(2)} {SATP_YEAR}", "%B %d %Y")
    except ValueError:
        return None
    return datetime.combine(day.date() + timedelta(days=1), time(12), PKT)


def evaluate_satp(
    path: Path, split: str = "dev", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None
) -> list[Metric]:
    """Event type of the extractor's main event per SATP paragraph; relevance recall."""
    extract = extract or default_extract()
    rows = load_satp_rows(path, split)
    golds, preds, found = [], [], []
    for i, row in enumerate(rows):
        article = {"id": f"satp-{i}", "title": "", "text": row["text"], "published_at": satp_published(row["text"]), "url": f"satp:{i}"}
        event = primary_event(extract(article))
        gold = satp_gold(row)
        golds.append(gold)
        found.append(event is not None)
        preds.append(satp_predicted_label(event.event_type if event else None, gold))
    rows_out = type_rows(golds, preds, SATP_GOLD_LABELS)
    recall = sum(found) / len(found) if found else 0.0
    rows_out.append(Metric("relevance", "recall", recall, len(found), "every SATP paragraph is an incident"))
    pak = [f for f, row in zip(found, rows, strict=True) if row.get("mentions_pakistan_place") == "1"]
    if pak:
        rows_out.append(Metric("relevance", "recall", sum(pak) / len(pak), len(pak), "paragraphs naming a Pakistani place"))
    return rows_out


# -- ACLED -----------------------------------------------------------------------------------


def load_csv(path: Path) -> list[dict[str, str]]:
    """All rows of a CSV file."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def acled_article(i: int, row: dict[str, str]) -> dict[str, Any]:
    """An ACLED note as an article published on its event date (noon, PKT)."""
    day = date.fromisoformat(row["event_date"])
    return {
        "id": f"acled-{i}",
        "title": "",
        "text": row["notes"],
        "published_at": datetime.combine(day, time(12), PKT),
        "url": f"acled:{i}",
    }


def _match_score(event: ExtractedEvent, gold_type: str | None, district: str | None, day: date | None) -> int:
    """How well a predicted event agrees with a gold event (type, district, date)."""
    score = 2 * int(event.event_type == gold_type)
    score += 2 * int(district is not None and canonical_district(event.location.district) == district)
    score += int(day is not None and event.date == day)
    return score


def best_match(
    events: list[ExtractedEvent], gold_type: str | None, district: str | None, day: date | None
) -> ExtractedEvent | None:
    """The predicted event agreeing best with the gold event (confidence breaks ties)."""
    if not events:
        return None
    return max(events, key=lambda e: (_match_score(e, gold_type, district, day), e.confidence))


def total_killed(event: ExtractedEvent) -> int:
    """killed + attackers_killed (unknown counts as 0), comparable to ACLED fatalities."""
    return (event.killed or 0) + (event.attackers_killed or 0)


def evaluate_acled(
    path: Path, split: str = "dev", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None
) -> list[Metric]:
    """Field accuracy of the best-matching event for each ACLED note."""
    from khabar.core.records import EVENT_TYPES
    from khabar.tools.train import acled_event_type, acled_split

    extract = extract or default_extract()
    rows = [r for r in load_csv(path) if split == "all" or acled_split(r) == split]
    golds: list[frozenset[str]] = []
    preds: list[str | None] = []
    killed, dates, provinces, districts, groups, found = [], [], [], [], [], []
    for i, row in enumerate(rows):
        gold_type = acled_event_type(row)
        district = canonical_district(row.get("admin2"))
        day = date.fromisoformat(row["event_date"])
        event = best_match(extract(acled_article(i, row)), gold_type, district, day)
        golds.append(frozenset({gold_type}))
        preds.append(event.event_type if event else None)
        found.append(event is not None)
        group = canonical_group(row.get("actor1"))
        if event is None:
            continue
        killed.append((int(row.get("fatalities") or 0), total_killed(event)))
        dates.append((day, event.date))
        provinces.append((row.get("admin1"), event.location.province))
        districts.append((district, canonical_district(event.location.district)))
        if group:
            groups.append((group, event.perpetrator.name))
    out = type_rows(golds, preds, EVENT_TYPES)
    out += [
        exact_row("killed", killed, "ACLED fatalities vs killed + attackers_killed (None = 0)"),
        exact_row("date", dates),
        exact_row("province", provinces, "admin1"),
        exact_row("district", districts, "admin2, gazetteer-canonicalised"),
        exact_row("perpetrator", groups, "rows where actor1 resolves to a known group"),
        Metric("relevance", "recall", sum(found) / len(found) if found else 0.0, len(found), "notes with ≥1 event"),
    ]
    return out


# -- demo site -------------------------------------------------------------------------------


def demo_article(site: Path, item: dict[str, Any]) -> dict[str, Any]:
    """Read a demo page and turn it into an article dict with `extract_page`."""
    from khabar.crawlers.extract import extract_page

    url = item["url"]
    path = site / url.lstrip("/")
    page = extract_page(path.read_bytes(), url)
    published = page.published_at or (
        datetime.fromisoformat(item["published_at"]) if item.get("published_at") else None
    )
    return {"id": url, "title": page.title or item.get("title", ""), "text": page.text, "published_at": published, "url": url}


def _gold_value(gold: dict[str, Any], name: str) -> Any:
    """A gold event field, with dates parsed."""
    value = gold.get(name)
    if name == "date" and isinstance(value, str):
        return date.fromisoformat(value)
    if name == "district":
        return canonical_district(value)
    return value


def _pred_value(event: ExtractedEvent, name: str) -> Any:
    """The predicted field comparable to `_gold_value`."""
    if name in {"district", "province"}:
        value = getattr(event.location, name)
        return canonical_district(value) if name == "district" else value
    if name == "perpetrator":
        return event.perpetrator.name
    if name == "attribution":
        return event.perpetrator.attribution
    return getattr(event, name)


def match_events(golds: list[dict[str, Any]], preds: list[ExtractedEvent]) -> list[tuple[int, int]]:
    """Greedy best assignment of predicted to gold events by (event_type, district)."""
    scored = []
    for gi, gold in enumerate(golds):
        for pi, pred in enumerate(preds):
            score = 2 * int(pred.event_type == gold.get("event_type"))
            district = _gold_value(gold, "district")
            score += 2 * int(district is not None and _pred_value(pred, "district") == district)
            score += int(pred.date is not None and pred.date == _gold_value(gold, "date"))
            if score >= 2:
                scored.append((score, -pi, gi, pi))
    pairs, used_g, used_p = [], set(), set()
    for _, _, gi, pi in sorted(scored, reverse=True):
        if gi not in used_g and pi not in used_p:
            pairs.append((gi, pi))
            used_g.add(gi)
            used_p.add(pi)
    return sorted(pairs)


DEMO_FIELDS = ("killed", "injured", "perpetrator", "attribution", "district", "province", "date", "target_type")


def evaluate_demo(
    site: Path, split: str = "all", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None
) -> list[Metric]:
    """Relevance per article and matched-event field accuracy on the demo site."""
    from khabar.core.records import EVENT_TYPES
    from khabar.tools.train import _split_by_hash

    extract = extract or default_extract()
    items = [json.loads(line) for line in (site / "gold.jsonl").read_text(encoding="utf-8").splitlines() if line]
    if split == "dev":
        items = [it for it in items if _split_by_hash(str(it.get("id") or it.get("url")), dev_share=0.34) == "dev"]
    rel_gold, rel_pred = [], []
    type_gold: list[frozenset[str]] = []
    type_pred: list[str | None] = []
    fields: dict[str, list[tuple[Any, Any]]] = {name: [] for name in DEMO_FIELDS}
    tp = n_gold = n_pred = 0
    for item in items:
        events = extract(demo_article(site, item))
        gold_events = item.get("events") or []
        rel_gold.append(bool(item.get("relevant")))
        rel_pred.append(bool(events))
        pairs = match_events(gold_events, events)
        tp, n_gold, n_pred = tp + len(pairs), n_gold + len(gold_events), n_pred + len(events)
        for gi, pi in pairs:
            gold, pred = gold_events[gi], events[pi]
            type_gold.append(frozenset({gold.get("event_type", "other")}))
            type_pred.append(pred.event_type)
            for name in DEMO_FIELDS:
                fields[name].append((_gold_value(gold, name), _pred_value(pred, name)))
    p, r, f1 = binary_prf(rel_gold, rel_pred)
    out = [Metric("relevance", "P/R/F1", f1, len(items), f"P={p:.3f} R={r:.3f} (article has ≥1 event)")]
    ep, er, ef = prf(tp, n_pred - tp, n_gold - tp)
    out.append(Metric("events", "P/R/F1", ef, n_gold, f"P={ep:.3f} R={er:.3f} matched={tp} predicted={n_pred}"))
    out += type_rows(type_gold, type_pred, EVENT_TYPES)
    out += [exact_row(name, pairs, "matched events") for name, pairs in fields.items()]
    return out


# -- reporting -------------------------------------------------------------------------------

RUNNERS: dict[str, Callable[..., list[Metric]]] = {
    "satp": evaluate_satp,
    "acled": evaluate_acled,
    "demo": evaluate_demo,
}


def run_evaluation(dataset: str, path: Path, split: str, **kwargs: Any) -> list[Metric]:
    """Run one dataset's evaluation."""
    return RUNNERS[dataset](path, split=split, **kwargs)


def metrics_json(metrics: list[Metric]) -> str:
    """The metrics as a JSON list."""
    return json.dumps([asdict(m) for m in metrics], indent=1, ensure_ascii=False)


def metrics_table(metrics: list[Metric], title: str) -> Any:
    """A rich table of the metrics."""
    from rich.table import Table

    table = Table(title=title)
    for column in ("field", "metric", "value", "n", "note"):
        table.add_column(column, justify="right" if column in {"value", "n"} else "left", no_wrap=column != "note")
    for m in metrics:
        table.add_row(m.field, m.metric, f"{m.value:.3f}", str(m.n), m.note)
    return table

