"""Evaluate main-text extraction on labelled news pages.

Two datasets are understood (each found under the evaluated root or being it):

* ``trafilatura_news/`` - trafilatura's benchmark: per page, snippets the text
  must contain ("with") and must not contain ("without").
* ``fundus/<country>/`` - fundus parser test pages with expected title, body
  and publishing date per parser version.

Khabar's :func:`khabar.crawlers.extract.extract_page` is compared against a baseline
of plain trafilatura defaults measured in the same run.
"""

from __future__ import annotations

import json
import re
import time
from collections import Counter
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import trafilatura
from rich.console import Group
from rich.table import Table

from khabar.crawlers.extract import extract_page, parse_datetime, read_html_file
from khabar.tools.scoring import prf

SYSTEMS = ("khabar", "trafilatura")
TRAFILATURA_DIR = "trafilatura_news"
FUNDUS_DIR = "fundus"


# --------------------------------------------------------------------------- scoring


@dataclass
class SnippetCounts:
    """Confusion counts of the trafilatura snippet benchmark."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, other: SnippetCounts) -> None:
        """Accumulate another page's counts."""
        self.tp += other.tp
        self.fp += other.fp
        self.tn += other.tn
        self.fn += other.fn

    def metrics(self) -> dict[str, float]:
        """Precision, recall, F1 and accuracy."""
        scores = prf(self.tp, self.fp, self.fn)
        total = self.tp + self.fp + self.tn + self.fn
        return {
            "precision": scores.precision,
            "recall": scores.recall,
            "f1": scores.f1,
            "accuracy": _ratio(self.tp + self.tn, total),
        }


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def normalise_space(text: str | None) -> str:
    """Collapse all whitespace runs to single spaces."""
    return " ".join(text.split()) if text else ""


def score_snippets(text: str | None, with_: Iterable[str], without: Iterable[str]) -> SnippetCounts:
    """Score one page: wanted snippets found are TP, unwanted snippets found are FP."""
    haystack = normalise_space(text)
    counts = SnippetCounts()
    for snippet in with_:
        if normalise_space(snippet) in haystack:
            counts.tp += 1
        else:
            counts.fn += 1
    for snippet in without:
        if normalise_space(snippet) in haystack:
            counts.fp += 1
        else:
            counts.tn += 1
    return counts


def tokenize(text: str | None) -> list[str]:
    """Lower-cased word tokens."""
    return re.findall(r"\w+", (text or "").casefold())


def bag_of_words_scores(predicted: str | None, expected: str) -> dict[str, float]:
    """Multiset word overlap precision/recall/F1 of predicted vs expected text."""
    pred, gold = Counter(tokenize(predicted)), Counter(tokenize(expected))
    overlap = sum((pred & gold).values())
    scores = prf(overlap, sum(pred.values()) - overlap, sum(gold.values()) - overlap)
    return {"precision": scores.precision, "recall": scores.recall, "f1": scores.f1}


def same_title(predicted: str | None, expected: str) -> bool:
    """Exact title match after whitespace normalisation."""
    return normalise_space(predicted) == normalise_space(expected)


def same_day(predicted: datetime | None, expected: datetime) -> bool:
    """Whether two datetimes fall on the same calendar day (in the expected offset)."""
    if predicted is None:
        return False
    if predicted.tzinfo and expected.tzinfo:
        predicted = predicted.astimezone(expected.tzinfo)
    return predicted.date() == expected.date()


# --------------------------------------------------------------------------- systems


@dataclass
class Prediction:
    """What a system extracted from one page."""

    text: str
    title: str | None
    published_at: datetime | None


def predict_khabar(html: str, url: str | None) -> Prediction:
    """Khabar's extractor."""
    page = extract_page(html, url)
    return Prediction(page.text, page.title, page.published_at)


def predict_trafilatura(html: str, url: str | None) -> Prediction:
    """Baseline: plain ``trafilatura.extract(html)`` defaults plus its metadata."""
    text = trafilatura.extract(html) or ""
    meta = trafilatura.extract_metadata(html)
    return Prediction(
        text,
        getattr(meta, "title", None),
        parse_datetime(getattr(meta, "date", None)),
    )


PREDICTORS: dict[str, Callable[[str, str | None], Prediction]] = {
    "khabar": predict_khabar,
    "trafilatura": predict_trafilatura,
}


# --------------------------------------------------------------------------- datasets


@dataclass
class Case:
    """One labelled page."""

    path: Path
    url: str | None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    body: str | None = None
    title: str | None = None
    date: datetime | None = None


def _html_file(folder: Path, name: str) -> Path | None:
    for candidate in (
        folder / name,
        folder / f"{name}.gz",
        folder / "html" / name,
        folder / "html" / f"{name}.gz",
    ):
        if candidate.is_file():
            return candidate
    return None


def load_trafilatura_cases(folder: Path) -> list[Case]:
    """Cases of the trafilatura benchmark whose HTML file is present."""
    spec = next(
        (folder / n for n in ("evaldata_subset.json", "evaldata_full_990.json", "evaldata.json") if (folder / n).is_file()),
        None,
    )
    if spec is None:
        return []
    cases = []
    for url, item in json.loads(spec.read_text(encoding="utf-8")).items():
        path = _html_file(folder, item["file"])
        if path is not None:
            cases.append(
                Case(
                    path,
                    url,
                    with_=item.get("with", []),
                    without=item.get("without", []),
                )
            )
    return cases


def _version_key(version: str) -> tuple[int, ...]:
    """Sort key for fundus parser versions such as V1, V1_1, V2."""
    return tuple(int(n) for n in re.findall(r"\d+", version))


def fundus_body_text(body: dict[str, Any] | None) -> str | None:
    """Flatten a fundus ArticleBody (summary, section headlines and paragraphs)."""
    if not body:
        return None
    parts: list[str] = list(body.get("summary", []))
    for section in body.get("sections", []):
        parts.extend(section.get("headline", []))
        parts.extend(section.get("paragraphs", []))
    return "\n\n".join(parts) or None


def _load_meta(folder: Path) -> dict[str, Any]:
    meta = folder / "meta.info"
    try:
        return dict(json.loads(meta.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}


def load_fundus_cases(folder: Path) -> list[Case]:
    """Fundus cases: parser versions are paired with the publisher's pages by date order."""
    cases = []
    for expected_file in sorted(folder.rglob("*.json")):
        publisher = expected_file.stem
        pages = sorted(expected_file.parent.glob(f"{publisher}_*.html.gz"))
        expected = json.loads(expected_file.read_text(encoding="utf-8"))
        versions = sorted(expected, key=_version_key)
        meta = _load_meta(expected_file.parent)
        for version, page in zip(versions, pages, strict=False):
            fields = expected[version]
            raw_date = fields.get("publishing_date")
            cases.append(
                Case(
                    page,
                    meta.get(page.name, {}).get("url"),
                    body=fundus_body_text(fields.get("body")),
                    title=fields.get("title"),
                    date=parse_datetime(raw_date) if isinstance(raw_date, str) else None,
                )
            )
    return cases


def find_datasets(root: Path) -> dict[str, Path]:
    """Which datasets live under root (root itself may be one of them)."""
    found = {}
    for name in (TRAFILATURA_DIR, FUNDUS_DIR):
        if root.name == name:
            found[name] = root
        elif (root / name).is_dir():
            found[name] = root / name
    if not found and any(root.glob("evaldata*.json")):
        found[TRAFILATURA_DIR] = root
    elif not found and any(root.rglob("meta.info")):
        found[FUNDUS_DIR] = root
    return found


# --------------------------------------------------------------------------- running


@dataclass
class DatasetReport:
    """Metrics of every system on one dataset."""

    name: str
    pages: int
    systems: dict[str, dict[str, float]]


@dataclass
class ExtractionReport:
    """Evaluation results for all datasets found plus an overall summary."""

    root: str
    datasets: list[DatasetReport]
    overall: dict[str, dict[str, float]]
    seconds: float

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form."""
        return asdict(self)


def _predict_all(case: Case) -> dict[str, Prediction]:
    """Run every system on one case (worker function)."""
    html = read_html_file(case.path)
    return {name: predictor(html, case.url) for name, predictor in PREDICTORS.items()}


def _run(cases: list[Case], workers: int) -> list[dict[str, Prediction]]:
    if workers <= 1 or len(cases) < 4:
        return [_predict_all(case) for case in cases]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(_predict_all, cases, chunksize=4))


def score_trafilatura(cases: list[Case], predictions: list[dict[str, Prediction]]) -> dict[str, dict[str, float]]:
    """Snippet metrics per system."""
    result = {}
    for system in SYSTEMS:
        counts = SnippetCounts()
        for case, pred in zip(cases, predictions, strict=True):
            counts.add(score_snippets(pred[system].text, case.with_, case.without))
        result[system] = counts.metrics()
    return result


def score_fundus(cases: list[Case], predictions: list[dict[str, Prediction]]) -> dict[str, dict[str, float]]:
    """Macro-averaged bag-of-words body scores, title and date accuracy per system."""
    result = {}
    for system in SYSTEMS:
        bodies = [bag_of_words_scores(p[system].text, c.body) for c, p in zip(cases, predictions, strict=True) if c.body]
        titles = [same_title(p[system].title, c.title) for c, p in zip(cases, predictions, strict=True) if c.title]
        dates = [same_day(p[system].published_at, c.date) for c, p in zip(cases, predictions, strict=True) if c.date]
        result[system] = {key: _ratio(sum(b[key] for b in bodies), len(bodies)) for key in ("precision", "recall", "f1")}
        result[system]["title_accuracy"] = _ratio(sum(titles), len(titles))
        result[system]["date_accuracy"] = _ratio(sum(dates), len(dates))
    return result


def _overall(datasets: list[DatasetReport]) -> dict[str, dict[str, float]]:
    """Text precision/recall/F1 averaged over datasets."""
    return {
        system: {
            key: _ratio(sum(d.systems[system][key] for d in datasets), len(datasets)) for key in ("precision", "recall", "f1")
        }
        for system in SYSTEMS
    }


def evaluate_extraction(root: Path, workers: int = 2) -> ExtractionReport:
    """Evaluate Khabar and the trafilatura baseline on the datasets under root."""
    start = time.perf_counter()
    reports = []
    for name, folder in find_datasets(root).items():
        if name == TRAFILATURA_DIR:
            cases = load_trafilatura_cases(folder)
            scorer = score_trafilatura
        else:
            cases = load_fundus_cases(folder)
            scorer = score_fundus
        if cases:
            reports.append(DatasetReport(name, len(cases), scorer(cases, _run(cases, workers))))
    return ExtractionReport(
        str(root),
        reports,
        _overall(reports) if reports else {},
        time.perf_counter() - start,
    )


def render_report(report: ExtractionReport) -> Group:
    """Rich renderables (one table per dataset plus overall)."""
    tables = []
    sections = [(f"{d.name} ({d.pages} pages)", d.systems) for d in report.datasets]
    sections.append((f"overall (mean over datasets, {report.seconds:.1f}s)", report.overall))
    for title, systems in sections:
        if not systems:
            continue
        metrics = list(next(iter(systems.values())))
        table = Table(title=title)
        table.add_column("system")
        for metric in metrics:
            table.add_column(metric, justify="right")
        for system, values in systems.items():
            table.add_row(system, *(f"{values[m]:.3f}" for m in metrics))
        tables.append(table)
    return Group(*tables)
