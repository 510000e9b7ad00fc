"""Evaluate the extractor against SATP, ACLED and the demo site's gold file.

Metric helpers are pure functions (tested on tiny inputs); the dataset runners
turn gold rows into articles, run `khabar.nlp.extract.Extractor` and score the fields.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import numpy as np
from rich.table import Table
from scipy.optimize import linear_sum_assignment

from khabar.core.records import EVENT_TYPES, ExtractedEvent
from khabar.crawlers.extract import extract_page
from khabar.nlp.classify import load_classifier
from khabar.nlp.extract import Extractor
from khabar.nlp.gazetteer import load_gazetteer
from khabar.tools.scoring import binary_prf, prf
from khabar.tools.train import SATP_LABELS, _split_by_hash, acled_event_type, acled_split

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
    return Extractor(classifier=load_classifier()).extract


def primary_event(events: list[ExtractedEvent]) -> ExtractedEvent | None:
    """The extractor's most confident event."""
    return max(events, key=lambda e: e.confidence) if events else None


def _gazetteer() -> Any | None:
    """The gazetteer, or None while it is unavailable."""
    try:
        return load_gazetteer()
    except Exception:  # noqa: BLE001 - evaluation degrades to raw string comparison
        return None


def canonical_district(name: str | None) -> str | None:
    """District name canonicalised with the gazetteer's alias resolver; a district of a city the gold codes at city
    level (Karachi's seven) is that city."""
    if not name:
        return None
    gaz = _gazetteer()
    loc = gaz.resolve_location(name) if gaz else None
    district = (loc.district or name) if loc else name
    return gaz.city_of(district) if gaz else district


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
    return frozenset(label for label, column in SATP_LABELS.items() if row.get(column) == "1")


def satp_predicted_label(event_type: str | None, gold: frozenset[str]) -> str | None:
    """The SATP label a Khabar type maps to, preferring one in the gold set."""
    if event_type is None:
        return None
    accepted = SATP_ACCEPT.get(event_type, frozenset({"other"}))
    hit = sorted(accepted & gold)
    return hit[0] if hit else sorted(accepted)[0]


SATP_DAY = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{1,2})\b"
                      r"(?:,?\s+((?:19|20)\d\d)\b)?")
SATP_YEAR = 2020


def satp_published(text: str) -> datetime | None:
    """SATP paragraphs carry no publication date; their daily digests run the day after the
    first date they name ("on February 19"), so that day (in its stated year, else a fixed one) stands in for it."""
    match = SATP_DAY.search(text)
    if match is None:
        return None
    try:
        day = datetime.strptime(f"{match.group(1)} {match.group(2)} {match.group(3) or SATP_YEAR}", "%B %d %Y")
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
    """An ACLED note as an article published a week after its event date (noon, PKT).

    The note is coded after the event; publishing it on the gold date would let an extractor
    that finds no date score the echo of the gold date."""
    day = date.fromisoformat(row["event_date"])
    return {
        "id": f"acled-{i}",
        "title": "",
        "text": row["notes"],
        "published_at": datetime.combine(day + timedelta(days=ACLED_PUBLISHED_AFTER_DAYS), time(12), PKT),
        "url": f"acled:{i}",
    }


ACLED_PUBLISHED_AFTER_DAYS = 7
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
RELATIVE_DAY_WORDS = ("yesterday", "today", "tonight", "last night", "this morning", "this evening",
                      "earlier in the day", "on the same day", "overnight")


def text_states_date(text: str, day: date, published: date | None) -> bool:
    """Whether a text states or implies `day` (gold side, so no extractor decision leaks in):
    it names the day of the month with its month, the weekday, or a relative day word that
    resolves to it from the publication date."""
    low = text.lower()
    month = MONTHS[day.month - 1]
    short = month[:3]
    day_month = rf"\b(?:{day.day}(?:st|nd|rd|th)?\s+(?:{month}|{short}\.?)|(?:{month}|{short}\.?)\s+{day.day}(?:st|nd|rd|th)?)\b"
    if re.search(day_month, low) or re.search(rf"\b{day.isoformat()}\b", low):
        return True
    if re.search(rf"\b{WEEKDAYS[day.weekday()]}\b", low):
        return True
    if published is not None and 0 <= (published - day).days <= 1:
        return any(word in low for word in RELATIVE_DAY_WORDS)
    return False


def total_killed(event: ExtractedEvent) -> int:
    """killed + attackers_killed (unknown counts as 0), comparable to ACLED fatalities."""
    return (event.killed or 0) + (event.attackers_killed or 0)


def evaluate_acled(
    path: Path, split: str = "dev", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None
) -> list[Metric]:
    """One-to-one scoring of each ACLED note's gold event against the extracted events.

    Each note holds one gold event; the predicted events of the note are matched to it one to
    one (`match_events`), every other predicted event is a false positive."""
    extract = extract or default_extract()
    rows = [r for r in load_csv(path) if split == "all" or acled_split(r) == split]
    golds: list[frozenset[str]] = []
    preds: list[str | None] = []
    killed, dates, provinces, districts, groups, found = [], [], [], [], [], []
    tp = n_pred = 0
    for i, row in enumerate(rows):
        gold_type = acled_event_type(row)
        article = acled_article(i, row)
        gold = {"event_type": gold_type, "district": row.get("admin2"), "date": row["event_date"]}
        events = extract(article)
        n_pred += len(events)
        found.append(bool(events))
        pairs = match_events([gold], events)
        event = events[pairs[0][1]] if pairs else None
        golds.append(frozenset({gold_type}))
        preds.append(event.event_type if event else None)
        if event is None:
            continue
        tp += 1
        day = date.fromisoformat(row["event_date"])
        killed.append((int(row.get("fatalities") or 0), total_killed(event)))
        if text_states_date(row["notes"], day, None):
            dates.append((day, event.date))
        provinces.append((row.get("admin1"), event.location.province))
        districts.append((canonical_district(row.get("admin2")), canonical_district(event.location.district)))
        group = canonical_group(row.get("actor1"))
        if group:
            groups.append((group, event.perpetrator.name))
    ep, er, ef = prf(tp, n_pred - tp, len(rows) - tp)
    out = [Metric("events", "P/R/F1", ef, len(rows), f"P={ep:.3f} R={er:.3f} matched={tp} predicted={n_pred}")]
    out += type_rows(golds, preds, EVENT_TYPES)
    out += [
        exact_row("killed", killed, "matched; ACLED fatalities vs killed + attackers_killed (None = 0)"),
        exact_row("date", dates, f"matched notes stating the date; published {ACLED_PUBLISHED_AFTER_DAYS} days later"),
        exact_row("province", provinces, "matched; admin1"),
        exact_row("district", districts, "matched; admin2, gazetteer-canonicalised"),
        exact_row("perpetrator", groups, "matched; rows where actor1 resolves to a known group"),
        Metric("relevance", "recall", sum(found) / len(found) if found else 0.0, len(found), "notes with ≥1 event"),
    ]
    return out


# -- demo site -------------------------------------------------------------------------------


def demo_article(site: Path, item: dict[str, Any]) -> dict[str, Any]:
    """Read a demo page and turn it into an article dict with `extract_page`."""
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


MATCH_MIN_SIMILARITY = 2.0


def event_similarity(gold: dict[str, Any], pred: ExtractedEvent) -> float:
    """How much a predicted event agrees with a gold event: type 2, district 2, date 1, killed 1."""
    score = 2.0 * (pred.event_type == gold.get("event_type"))
    district = _gold_value(gold, "district")
    score += 2.0 * (district is not None and _pred_value(pred, "district") == district)
    score += 1.0 * (pred.date is not None and pred.date == _gold_value(gold, "date"))
    score += 1.0 * (gold.get("killed") is not None and pred.killed == gold.get("killed"))
    return score


def match_events(golds: list[dict[str, Any]], preds: list[ExtractedEvent]) -> list[tuple[int, int]]:
    """One-to-one assignment of predicted to gold events of one article (Hungarian algorithm on
    `event_similarity`); pairs below `MATCH_MIN_SIMILARITY` (neither type nor district agree,
    nor date and toll together) are not matches. Returns sorted (gold index, predicted index)."""
    if not golds or not preds:
        return []
    sim = np.array([[event_similarity(g, p) for p in preds] for g in golds])
    # confidence breaks ties between equally similar predictions
    tie = np.array([[p.confidence * 1e-3 for p in preds] for _ in golds])
    rows, cols = linear_sum_assignment(-(sim + tie))
    return sorted((int(g), int(p)) for g, p in zip(rows, cols, strict=True) if sim[g, p] >= MATCH_MIN_SIMILARITY)


DEMO_FIELDS = ("killed", "injured", "perpetrator", "attribution", "district", "province", "date", "target_type")


def evaluate_demo(
    site: Path, split: str = "all", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None
) -> list[Metric]:
    """Relevance per article and matched-event field accuracy on the demo site."""
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


# -- news reports (news_dev) -----------------------------------------------------------------

NEWS_HOLDOUT_SHARE = 0.4
NEWS_FIELDS = ("killed", "injured", "attackers_killed", "date", "district", "province", "perpetrator+attribution")


def news_split_of(article_ids: Iterable[str], incidents: dict[str, dict[str, Any]]) -> dict[str, str]:
    """'study' or 'holdout' per article, by incident group: articles that share an incident
    (transitively) form one group, keyed by its smallest incident key (an article without
    incidents is its own group); a hash of the key puts ~40 % of the groups in the holdout."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for key, incident in sorted(incidents.items()):
        for art_id in incident.get("article_ids") or []:
            ra, rk = find(f"a:{art_id}"), find(f"i:{key}")
            if ra != rk:
                parent[max(ra, rk)] = min(ra, rk)  # "a:" < "i:": articles root their group
    groups: dict[str, list[str]] = {}
    for art_id in article_ids:
        groups.setdefault(find(f"a:{art_id}"), []).append(art_id)
    split: dict[str, str] = {}
    for members in groups.values():
        keys = sorted(k for k, inc in incidents.items() if set(inc.get("article_ids") or []) & set(members))
        group_key = keys[0] if keys else min(members)
        bucket = int(hashlib.sha1(group_key.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF
        for art_id in members:
            split[art_id] = "holdout" if bucket < NEWS_HOLDOUT_SHARE else "study"
    return split


def load_news(folder: Path, split: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(article, gold) pairs of a news_dev-style folder for 'study', 'holdout' or 'all'."""
    def jsonl(name: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in (folder / name).read_text(encoding="utf-8").splitlines() if line.strip()]

    articles = jsonl("articles.jsonl")
    golds = {g["id"]: g for g in jsonl("gold.jsonl")}
    incidents = json.loads((folder / "incidents.json").read_text(encoding="utf-8"))
    splits = news_split_of([a["id"] for a in articles], incidents)
    return [(a, golds[a["id"]]) for a in articles if split == "all" or splits[a["id"]] == split]


def news_article(item: dict[str, Any]) -> dict[str, Any]:
    """A news_dev article as the extractor takes it: the real publication time, the paragraphs."""
    return {"id": item["id"], "url": item.get("url") or item["id"], "title": item.get("title", ""),
            "outlet": item.get("outlet", ""), "paragraphs": item["paragraphs"],
            "published_at": datetime.fromisoformat(item["published_at"])}


def _news_value(record: dict[str, Any] | ExtractedEvent, name: str) -> Any:
    """A field of a gold event (dict) or a predicted event, comparable between the two."""
    if isinstance(record, dict):
        if name == "perpetrator+attribution":
            return (record.get("perpetrator"), record.get("attribution") or "unknown")
        return _gold_value(record, name)
    if name == "perpetrator+attribution":
        return (record.perpetrator.name, record.perpetrator.attribution)
    return _pred_value(record, name)


def evaluate_news(
    folder: Path, split: str = "study", extract: Callable[[dict[str, Any]], list[ExtractedEvent]] | None = None,
    errors: list[dict[str, Any]] | None = None,
) -> list[Metric]:
    """Relevance per article, event P/R/F1 with one-to-one matching within each article, and field
    accuracy on the matched events. Date counts only where the text states or implies the gold
    date. `errors` (when given) collects the mismatches of the scored split."""
    extract = extract or default_extract()
    items = load_news(folder, split)
    rel_gold, rel_pred = [], []
    type_gold: list[frozenset[str]] = []
    type_pred: list[str | None] = []
    fields: dict[str, list[tuple[Any, Any]]] = {name: [] for name in NEWS_FIELDS}
    tp = n_gold = n_pred = 0
    for item, gold_item in items:
        article = news_article(item)
        events = extract(article)
        gold_events = gold_item.get("events") or []
        rel_gold.append(bool(gold_item.get("is_incident_report")))
        rel_pred.append(bool(events))
        pairs = match_events(gold_events, events)
        tp, n_gold, n_pred = tp + len(pairs), n_gold + len(gold_events), n_pred + len(events)
        text = " ".join([item.get("title", ""), *item["paragraphs"]])
        published = article["published_at"].date()
        for gi, pi in pairs:
            gold, pred = gold_events[gi], events[pi]
            type_gold.append(frozenset({gold.get("event_type", "other")}))
            type_pred.append(pred.event_type)
            if errors is not None and pred.event_type != gold.get("event_type", "other"):
                errors.append({"id": item["id"], "field": "event_type", "gold": gold.get("event_type"), "pred": pred.event_type})
            for name in NEWS_FIELDS:
                if name == "date" and not text_states_date(text, date.fromisoformat(gold["date"]), published):
                    continue
                pair = (_news_value(gold, name), _news_value(pred, name))
                fields[name].append(pair)
                if errors is not None and pair[0] != pair[1]:
                    errors.append({"id": item["id"], "field": name, "gold": pair[0], "pred": pair[1]})
        if errors is not None:
            matched_g, matched_p = {g for g, _ in pairs}, {p for _, p in pairs}
            errors += [{"id": item["id"], "field": "missed", "gold": g} for i, g in enumerate(gold_events) if i not in matched_g]
            errors += [{"id": item["id"], "field": "extra", "pred": e.model_dump(mode="json", exclude={"evidence"})}
                       for i, e in enumerate(events) if i not in matched_p]
    rel = binary_prf(rel_gold, rel_pred)
    out = [Metric("relevance", "P/R/F1", rel.f1, len(items), f"P={rel.precision:.3f} R={rel.recall:.3f} (article has ≥1 event)")]
    ev = prf(tp, n_pred - tp, n_gold - tp)
    out.append(Metric("events", "P/R/F1", ev.f1, n_gold, f"P={ev.precision:.3f} R={ev.recall:.3f} matched={tp} predicted={n_pred}"))
    out += type_rows(type_gold, type_pred, EVENT_TYPES)
    notes = {"date": "matched events whose date the text states or implies"}
    out += [exact_row(name, pairs, notes.get(name, "matched events")) for name, pairs in fields.items()]
    return out


# -- reporting -------------------------------------------------------------------------------

RUNNERS: dict[str, Callable[..., list[Metric]]] = {
    "satp": evaluate_satp,
    "acled": evaluate_acled,
    "demo": evaluate_demo,
    "news": evaluate_news,
}


def run_evaluation(dataset: str, path: Path, split: str, **kwargs: Any) -> list[Metric]:
    """Run one dataset's evaluation."""
    return RUNNERS[dataset](path, split=split, **kwargs)


def metrics_json(metrics: list[Metric]) -> str:
    """The metrics as a JSON list."""
    return json.dumps([asdict(m) for m in metrics], indent=1, ensure_ascii=False)


def metrics_table(metrics: list[Metric], title: str) -> Table:
    """A rich table of the metrics."""
    table = Table(title=title)
    for column in ("field", "metric", "value", "n", "note"):
        table.add_column(column, justify="right" if column in {"value", "n"} else "left", no_wrap=column != "note")
    for m in metrics:
        table.add_row(m.field, m.metric, f"{m.value:.3f}", str(m.n), m.note)
    return table

