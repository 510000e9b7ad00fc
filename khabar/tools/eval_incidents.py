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

import hashlib
import json
import random
import re
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from pydantic import BaseModel

from khabar.core.records import Article, EventMention
from khabar.demo import build_site
from khabar.incidents import matching
from khabar.incidents.resolve import cluster_mentions
from khabar.nlp.extract import Extractor
from khabar.nlp.process import to_mentions
from khabar.tools.probes import NEVER_STUDIED, PROBES_DIR, STUDIED
from khabar.tools.scoring import prf


@dataclass(frozen=True)
class Item:
    """One event mention: an article (by URL path), its cluster, and what matches it."""

    path: str
    cluster: str
    event_type: str | None = None
    district: str | None = None
    killed: int | None = None  # breaks ties between two events of one type and district in one article


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
                        event.get("killed") if isinstance(event.get("killed"), int) else None,
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
    """Pairs (gold index, predicted index) of the same article, best attribute agreement first (district, then type,
    then the toll: two bombings in one city on one day in one report are told apart by their dead)."""
    scored = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            if g.path == p.path:
                agreement = (4 * (g.district is not None and g.district == p.district) + 2 * (g.event_type == p.event_type)
                             + (g.killed is not None and g.killed == p.killed))
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
    precision, recall, f1 = prf(correct, len(pred_pairs) - correct, len(gold_pairs) - correct, undefined=1.0)
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


# -- labelled corpora run through extraction and resolution offline ---------------------------

CV_FOLDS = 4
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLD_GRID = tuple(step / 100 for step in range(20, 91, 5))
STUDY_SHARE = 60  # percent of incident groups in the STUDY split; the rest is HOLDOUT
CACHE_DIR = Path(tempfile.gettempdir()) / "khabar-eval-incidents"
NLP_DIR = Path(__file__).resolve().parents[2] / "nlp"
Clusterer = Callable[[list[EventMention], dict[str, list[float] | None]], list[list[EventMention]]]


@dataclass
class Corpus:
    """Articles with gold event mentions; `digest` identifies the articles' content."""

    name: str
    articles: list[Article]
    gold: list[Item]
    digest: str


@dataclass
class Extracted:
    """What the extractor made of a corpus: mentions (with embeddings) and article embeddings."""

    mentions: list[EventMention]
    article_vectors: dict[str, list[float] | None]


def _digest(*chunks: bytes) -> str:
    return hashlib.sha1(b"\x1f".join(chunks)).hexdigest()[:16]


def load_news_dev(root: Path) -> Corpus:
    """`articles.jsonl` + `gold.jsonl` of a news_dev-style folder (gold events carry `incident_key`)."""
    raw = (root / "articles.jsonl").read_bytes()
    records = read_jsonl(root / "articles.jsonl")
    gold_by_id = {g["id"]: g for g in read_jsonl(root / "gold.jsonl")}
    articles: list[Article] = []
    gold: list[Item] = []
    for record in records:
        article = Article(
            url=record["url"],
            outlet=record.get("outlet") or "",
            title=record.get("title") or "",
            paragraphs=list(record.get("paragraphs") or []),
            authors=[record["author"]] if record.get("author") else [],
            published_at=record.get("published_at"),
        )
        articles.append(article)
        gold.extend(gold_items([{"url": article.url, "events": gold_by_id.get(record["id"], {}).get("events", [])}]))
    return Corpus(root.name, articles, gold, _digest(raw, (root / "gold.jsonl").read_bytes()))


def load_demo() -> Corpus:
    """The bundled demo site's articles (as rendered) and `demo/site/gold.jsonl`."""
    articles: list[Article] = []
    for module in build_site.OUTLETS:
        for data in build_site.sorted_articles(module):
            articles.append(
                Article(
                    url=build_site.article_path(module.OUTLET["key"], data),
                    outlet=module.OUTLET["name"],
                    title=data["title"],
                    paragraphs=list(data["paragraphs"]),
                    published_at=data["published_at"],
                )
            )
    gold = gold_items(build_site.gold_records())
    body = json.dumps([a.model_dump(mode="json", include={"url", "title", "paragraphs", "published_at"}) for a in articles])
    return Corpus("demo", articles, gold, _digest(body.encode("utf-8")))


def split_of(key: str) -> str:
    """`study` or `holdout`, a deterministic hash of an incident group's key."""
    return "study" if int(hashlib.sha1(key.encode("utf-8")).hexdigest()[:8], 16) % 100 < STUDY_SHARE else "holdout"


def article_groups(corpus: Corpus) -> dict[str, str]:
    """Each article path's group: articles sharing an incident (roundups chain them) share one.

    A group is named by its smallest incident key (an article without events by its path).
    """
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for item in corpus.gold:
        a, b = find("a:" + item.path), find("k:" + item.cluster)
        if a != b:
            parent[max(a, b)] = min(a, b)
    names: dict[str, str] = {}
    for item in corpus.gold:
        root = find("k:" + item.cluster)
        names[root] = min(names.get(root, item.cluster), item.cluster)
    return {url_path(a.url): names.get(find("a:" + url_path(a.url)), url_path(a.url)) for a in corpus.articles}


def article_splits(corpus: Corpus) -> dict[str, str]:
    """Each article path's split (study or holdout) by its group: the parts share no article and no incident."""
    return {path: split_of(group) for path, group in article_groups(corpus).items()}


def _extraction_digest(corpus: Corpus) -> str:
    """The corpus and every extraction input (code, data, model head): a changed extractor misses the cache."""
    files = sorted(p for p in NLP_DIR.rglob("*") if p.is_file() and p.suffix in {".py", ".json", ".npz", ".jsonl"})
    return _digest(corpus.digest.encode(), *(p.read_bytes() for p in files))


def extract_corpus(corpus: Corpus, extractor: Extractor | None = None, cache_dir: Path | None = CACHE_DIR) -> Extracted:
    """Run the service's extractor over a corpus (as `process` does), cached under `cache_dir`."""
    cache = cache_dir / f"{corpus.name}-{_extraction_digest(corpus)}.json" if cache_dir is not None else None
    if cache is not None and cache.exists():
        data = json.loads(cache.read_text(encoding="utf-8"))
        return Extracted([EventMention.model_validate(m) for m in data["mentions"]], data["article_vectors"])
    extractor = extractor or Extractor()
    by_id = {a.id: a for a in corpus.articles}
    vectors = dict(zip(by_id, extractor.article_embeddings(corpus.articles), strict=True))
    mentions: list[EventMention] = []
    for art_id, events, embeddings in extractor.extract_many_with_embeddings(corpus.articles):
        mentions.extend(to_mentions(by_id[art_id], events, embeddings))
    extracted = Extracted(mentions, vectors)
    if cache is not None:
        cache.parent.mkdir(parents=True, exist_ok=True)
        body = {"mentions": [m.model_dump(mode="json") for m in mentions], "article_vectors": vectors}
        cache.write_text(json.dumps(body), encoding="utf-8")
    return extracted


def mention_items(clusters: Iterable[Sequence[EventMention]]) -> list[Item]:
    """Predicted items: one per mention, in its cluster, with the mention's own type and district."""
    items: list[Item] = []
    for index, cluster in enumerate(clusters):
        for mention in cluster:
            items.append(Item(url_path(mention.article_url), f"c{index}", _lower(mention.event_type),
                              _lower(mention.location.district), mention.killed))
    return items


def baseline_clusterer(mentions: list[EventMention], article_vectors: dict[str, list[float] | None]) -> list[list[EventMention]]:
    """Today's resolver (`khabar.incidents.resolve.cluster_mentions`, default settings)."""
    return cluster_mentions(mentions)


def score_corpus(corpus: Corpus, clusters: list[list[EventMention]]) -> dict[str, GroupingScores]:
    """Pairwise scores over the whole corpus and over its study and holdout parts."""
    splits = article_splits(corpus)
    predicted = mention_items(clusters)
    scores = {"all": score_grouping(corpus.gold, predicted)}
    for part in ("study", "holdout"):
        scores[part] = score_grouping(
            [g for g in corpus.gold if splits.get(g.path) == part], [p for p in predicted if splits.get(p.path) == part]
        )
    return scores


# -- a feed's density: several corpora on one compressed calendar ------------------------------

DENSE_SPAN_DAYS = 365  # the studied pool's ~950 incidents in a year: near the 2-3 attacks a day Pakistan sees
# training pools the studied sets at a feed's density and at a tenth of it: apart enough, reports of one attack
# teach recall; close, different attacks teach that agreeing fields are not enough when the texts differ
TRAINING_SPANS = (365, 3650)
_KEY_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # an incident key's day ("pk-2024-11-09-quetta-railway-station")
DENSE_START = date(2030, 1, 7)  # a Monday, after any real report: nothing pooled meets a real date


def _shifted(value: datetime | None, shift: timedelta) -> datetime | None:
    return None if value is None else value + shift


def compress_calendar(
    parts: Sequence[tuple[Corpus, Extracted, str]], span_days: int = DENSE_SPAN_DAYS, seed: int = 3, name: str = "dense"
) -> tuple[Corpus, Extracted]:
    """Pool several corpora (each with the split kept: `study`, `holdout` or `all`) into one whose incident
    groups start within `span_days`: every article of a group moves by the same whole number of weeks
    (weekdays stay true), so reports of one attack stay together and reports of different attacks
    meet as they do in a feed, with their real texts, places and tolls. Paths and ids get the corpus's
    name as a prefix, so the pooled corpora never share an article.

    A real attack written up in several corpora (the Quetta railway station bombing is in dozens of report sets)
    is pooled once, from the first corpus that has it: its reports from two sets are one incident, which a pool
    that kept both would score as two whenever they landed close."""
    rng = random.Random(seed)
    articles: list[Article] = []
    gold: list[Item] = []
    mentions: list[EventMention] = []
    vectors: dict[str, list[float] | None] = {}
    pooled: set[tuple[str, str]] = set()  # the real attacks already pooled: (day, district)
    for corpus, extracted, part in parts:
        groups, splits = article_groups(corpus), article_splits(corpus)
        attacks: dict[str, set[tuple[str, str]]] = {}
        for item in corpus.gold:
            if (day := _KEY_DAY.search(item.cluster)) is not None and item.district:
                attacks.setdefault(groups.get(item.path, ""), set()).add((day.group(0), item.district.lower()))
        kept = [a for a in corpus.articles if part == "all" or splits.get(url_path(a.url)) == part]
        first: dict[str, date] = {}
        for article in kept:
            if article.published_at is not None:
                group = groups[url_path(article.url)]
                first[group] = min(first.get(group, article.published_at.date()), article.published_at.date())
        shifts = {}
        for group in sorted(first):
            target = DENSE_START + timedelta(days=rng.randrange(span_days))
            if attacks.get(group, set()) & pooled:
                continue  # (the draw is made all the same, so the other groups' days do not move)
            shifts[group] = timedelta(days=7 * round((target - first[group]).days / 7))
        pooled.update(attack for group in shifts for attack in attacks.get(group, ()))
        moved: dict[str, tuple[Article, timedelta]] = {}  # old article id -> the pooled article, its shift
        for article in kept:
            path = url_path(article.url)
            if groups[path] not in shifts:
                continue
            shift = shifts[groups[path]]
            copy = Article.model_validate({**article.model_dump(), "id": "",  # a new id from the new URL
                                           "url": f"https://{name}.invalid/{corpus.name}{path}",
                                           "published_at": _shifted(article.published_at, shift)})
            moved[article.id] = (copy, shift)
            articles.append(copy)
            vectors[copy.id] = extracted.article_vectors.get(article.id)
        gold += [Item(f"/{corpus.name}{g.path}", f"{corpus.name}:{g.cluster}", g.event_type, g.district)
                 for g in corpus.gold if groups.get(g.path) in shifts]
        for mention in extracted.mentions:
            if mention.article_id not in moved:
                continue
            copy, shift = moved[mention.article_id]
            mentions.append(mention.model_copy(update={
                "id": f"{corpus.name}:{mention.id}", "article_id": copy.id, "article_url": copy.url,
                "date": None if mention.date is None else mention.date + shift,
                "published_at": _shifted(mention.published_at, shift),
            }))
    digest = _digest(*(f"{c.name}:{c.digest}:{part}".encode() for c, _, part in parts), f"{span_days}:{seed}".encode())
    return Corpus(name, articles, gold, digest), Extracted(mentions, vectors)


# -- training the pairwise matcher --------------------------------------------------------------


def gold_labels(corpus: Corpus, mentions: Sequence[EventMention]) -> dict[str, str | None]:
    """Each mention's gold incident key (matched one to one within its article), or None."""
    predicted = [Item(url_path(m.article_url), m.id, _lower(m.event_type), _lower(m.location.district)) for m in mentions]
    labels: dict[str, str | None] = {m.id: None for m in mentions}
    for gi, pi in _match(corpus.gold, predicted):
        labels[predicted[pi].cluster] = corpus.gold[gi].cluster
    return labels


@dataclass
class TrainingSet:
    """One corpus's part used for training: its mentions, their gold keys, and their CV folds."""

    corpus: Corpus
    extracted: Extracted
    mentions: list[EventMention]
    labels: dict[str, str | None]
    folds: dict[str, int]


def training_set(corpus: Corpus, extracted: Extracted, parts: Iterable[str] = ("study",), folds: int = CV_FOLDS) -> TrainingSet:
    """The mentions of some splits (`all` for every article), labelled, with a fold per incident group."""
    groups = article_groups(corpus)
    wanted = set(parts)
    mentions = [
        m for m in extracted.mentions
        if "all" in wanted or split_of(groups.get(url_path(m.article_url), "")) in wanted
    ]
    fold_of = {
        m.id: int(hashlib.sha1(("fold:" + groups.get(url_path(m.article_url), "")).encode()).hexdigest()[:8], 16) % folds
        for m in mentions
    }
    return TrainingSet(corpus, extracted, mentions, gold_labels(corpus, mentions), fold_of)


def training_pairs(data: TrainingSet, skip_fold: int | None = None) -> tuple[list[list[float]], list[int]]:
    """Feature vectors and labels (1: same gold incident) of the candidate pairs, leaving out one fold.

    A mention with no gold counterpart (a recap, a distractor) is a negative with everything.
    """
    mentions = [m for m in data.mentions if data.folds[m.id] != skip_fold]
    similarity = matching.Similarity(mentions, data.extracted.article_vectors)
    features: list[list[float]] = []
    targets: list[int] = []
    for a, b in combinations(mentions, 2):
        row = matching.pair_features(a, b, data.extracted.article_vectors, similarity)
        if row is None:
            continue
        features.append(row)
        targets.append(int(data.labels[a.id] is not None and data.labels[a.id] == data.labels[b.id]))
    return features, targets


def _fit(sets: Sequence[TrainingSet], c: float, skip_fold: int | None = None) -> tuple[tuple[float, ...], float] | None:
    """Logistic-regression weights and intercept on the sets' pairs (None without both labels)."""
    from sklearn.linear_model import LogisticRegression  # slow import (~2 s): only when training, not for scoring

    features: list[list[float]] = []
    targets: list[int] = []
    for data in sets:
        rows, labels = training_pairs(data, skip_fold)
        features.extend(rows)
        targets.extend(labels)
    if len(set(targets)) < 2:
        return None
    fitted = LogisticRegression(C=c, class_weight="balanced", max_iter=5000).fit(features, targets)
    return tuple(float(w) for w in fitted.coef_[0]), float(fitted.intercept_[0])


def _fold_counts(data: TrainingSet, model: matching.MatchModel, fold: int) -> tuple[int, int, int]:
    """(correct, predicted, gold) pairs among one fold's articles when all the set's mentions are
    clustered by `model` (as dense as in use: a fold's mentions can be confused with the others)."""
    groups = article_groups(data.corpus)
    paths = {url_path(m.article_url) for m in data.mentions if data.folds[m.id] == fold}
    wanted = {groups[p] for p in paths if p in groups}
    gold = [g for g in data.corpus.gold if groups.get(g.path) in wanted]
    clusters = matching.cluster(data.mentions, model, data.extracted.article_vectors)
    predicted = [item for item in mention_items(clusters) if groups.get(item.path) in wanted]
    scores = score_grouping(gold, predicted)
    return scores.correct_pairs, scores.predicted_pairs, scores.gold_pairs


def train_matcher(
    sets: Sequence[TrainingSet], cs: Sequence[float] = C_GRID, thresholds: Sequence[float] = THRESHOLD_GRID
) -> matching.MatchModel:
    """Pick C and the threshold by cross-validation over incident groups (pairwise F1 of the
    clustering of the left-out folds, pooled per corpus, averaged over corpora), then fit on
    every pair with that C."""
    best: tuple[float, float, float] | None = None
    for c in cs:
        counts = {(t, i): [0, 0, 0] for t in thresholds for i in range(len(sets))}
        for fold in range(CV_FOLDS):
            fitted = _fit(sets, c, skip_fold=fold)
            if fitted is None:
                continue
            for t in thresholds:
                model = matching.MatchModel(fitted[0], fitted[1], t)
                for i, data in enumerate(sets):
                    for slot, value in enumerate(_fold_counts(data, model, fold)):
                        counts[(t, i)][slot] += value
        for t in thresholds:
            f1s = [prf(cor, pred - cor, gold - cor, undefined=1.0).f1 for cor, pred, gold in (counts[(t, i)] for i in range(len(sets)))]
            mean = sum(f1s) / len(f1s)  # every corpus counts alike, however many pairs it has
            if best is None or mean > best[0] + 1e-9:
                best = (mean, c, t)
    assert best is not None
    fitted = _fit(sets, best[1])
    if fitted is None:
        raise ValueError("training needs both matching and non-matching pairs")
    return matching.MatchModel(fitted[0], fitted[1], best[2])


def matcher_clusterer(model: matching.MatchModel | None = None) -> Clusterer:
    """The learned matcher as a clusterer (the stored model unless one is given)."""

    def run(mentions: list[EventMention], article_vectors: dict[str, list[float] | None]) -> list[list[EventMention]]:
        return matching.cluster(mentions, model, article_vectors)

    return run


def model_clusters(extracted: Extracted, model: matching.MatchModel) -> list[list[EventMention]]:
    """Cluster a corpus's mentions with a given model."""
    return matching.cluster(extracted.mentions, model, extracted.article_vectors)


# -- what `khabar eval incidents --dataset` and `khabar incidents train` run ---------------------

RESOLVERS = ("matcher", "baseline")


def clusterer_for(resolver: str, model_path: Path | None = None) -> Clusterer:
    """`matcher` (the learned matcher, stored or at `model_path`) or `baseline` (today's greedy resolver)."""
    if resolver == "baseline":
        return baseline_clusterer
    if resolver == "matcher":
        return matcher_clusterer(matching.load_model(model_path) if model_path is not None else None)
    raise ValueError(f"unknown resolver {resolver!r}; choose one of {', '.join(RESOLVERS)}")


def extract_all(corpora: Sequence[Corpus], cache_dir: Path | None = CACHE_DIR) -> list[Extracted]:
    """Extract several corpora, loading the extractor (spaCy, MiniLM) once and only on a cache miss."""
    extractor: Extractor | None = None
    found: list[Extracted] = []
    for corpus in corpora:
        cache = cache_dir / f"{corpus.name}-{_extraction_digest(corpus)}.json" if cache_dir is not None else None
        if extractor is None and (cache is None or not cache.exists()):
            extractor = Extractor()
        found.append(extract_corpus(corpus, extractor, cache_dir))
    return found


def evaluate_datasets(
    news_dir: Path | None,
    *,
    resolver: str = "matcher",
    model_path: Path | None = None,
    cache_dir: Path | None = CACHE_DIR,
) -> dict[str, GroupingScores]:
    """Extract, resolve and score: news_dev (all, study, holdout) when given, and the demo gold."""
    clusterer = clusterer_for(resolver, model_path)
    rows: dict[str, GroupingScores] = {}
    corpora = ([load_news_dev(news_dir)] if news_dir is not None else []) + [load_demo()]
    for corpus, extracted in zip(corpora, extract_all(corpora, cache_dir), strict=True):
        scores = score_corpus(corpus, clusterer(extracted.mentions, extracted.article_vectors))
        if corpus.name == "demo":
            rows["demo"] = scores["all"]
        else:
            rows.update({f"{corpus.name} {part}": value for part, value in scores.items()})
    return rows


DENSE_REPORT_SPANS = (3650, 365, 120)


def load_probes(names: Sequence[str]) -> list[Corpus]:
    """Report sets of `data/eval/news_probes` by name."""
    return [load_news_dev(PROBES_DIR / name) for name in names]


def whole(corpora: Sequence[Corpus], extracted: Sequence[Extracted]) -> list[tuple[Corpus, Extracted, str]]:
    """Every article of each corpus, as `compress_calendar` takes them."""
    return [(corpus, found, "all") for corpus, found in zip(corpora, extracted, strict=True)]


def evaluate_dense(
    news_dir: Path, *, resolver: str = "matcher", model_path: Path | None = None, cache_dir: Path | None = CACHE_DIR,
    spans: Sequence[int] = DENSE_REPORT_SPANS,
) -> dict[str, GroupingScores]:
    """Pairwise scores of the labelled sets pooled on one calendar of `spans` days (`compress_calendar`):
    the studied pool (news_dev's study part, the demo gold, the studied report sets: what the matcher is
    trained on) and the never-studied pool (news_dev's holdout part and the never-studied report sets)."""
    clusterer = clusterer_for(resolver, model_path)
    news, demo = load_news_dev(news_dir), load_demo()
    studied, honest = load_probes(STUDIED), load_probes(NEVER_STUDIED)
    news_x, demo_x, *rest = extract_all([news, demo, *studied, *honest], cache_dir)
    pools = {
        "studied": [(news, news_x, "study"), (demo, demo_x, "all"), *whole(studied, rest[: len(studied)])],
        "never-studied": [(news, news_x, "holdout"), *whole(honest, rest[len(studied):])],
    }
    rows: dict[str, GroupingScores] = {}
    for pool, parts in pools.items():
        for span in spans:
            corpus, extracted = compress_calendar(parts, span)
            rows[f"{pool} {span}d"] = score_grouping(corpus.gold, mention_items(clusterer(extracted.mentions, extracted.article_vectors)))
    return rows


def train_from_datasets(
    news_dir: Path, output: Path | None = None, *, cache_dir: Path | None = CACHE_DIR
) -> tuple[matching.MatchModel, Path]:
    """Train the matcher on news_dev's STUDY split, the whole demo gold, and those two with the studied
    report sets pooled on a feed's calendar (`compress_calendar`, at each of `TRAINING_SPANS`: different
    attacks days apart in one district, as a real feed has them); write it to `output` (default
    `incidents/matcher.json`). Returns the model and where it went."""
    news, demo = load_news_dev(news_dir), load_demo()
    studied = load_probes(STUDIED)
    news_extracted, demo_extracted, *studied_extracted = extract_all([news, demo, *studied], cache_dir)
    parts = [(news, news_extracted, "study"), (demo, demo_extracted, "all"), *whole(studied, studied_extracted)]
    model = train_matcher([training_set(news, news_extracted, ("study",)), training_set(demo, demo_extracted, ("all",)),
                           *(training_set(*compress_calendar(parts, span), ("all",)) for span in TRAINING_SPANS)])
    target = output or matching.MODEL_PATH
    target.write_text(model.to_json(), encoding="utf-8")
    matching.load_model.cache_clear()
    return model, target
