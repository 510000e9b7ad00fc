"""Throughput benchmark: the full extractor against a bare spaCy `nlp.pipe`.

Articles are composed deterministically (seeded) from a bank of realistic
incident and non-incident sentences with Pakistani places and groups. The two
sides run alternately for a few rounds and the medians are compared, so that
drift (CPU frequency, other processes) hits both sides alike.
"""

from __future__ import annotations

import random
import resource
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta, timezone
from functools import partial
from typing import Any

import spacy
from spacy.language import Language

from khabar.nlp.classify import load_classifier
from khabar.nlp.extract import Extractor
from khabar.nlp.pipeline import MODEL_NAME, build_nlp

PLACES = (
    ("Peshawar", "Khyber Pakhtunkhwa"), ("Bannu", "Khyber Pakhtunkhwa"), ("Lakki Marwat", "Khyber Pakhtunkhwa"),
    ("Dera Ismail Khan", "Khyber Pakhtunkhwa"), ("North Waziristan", "Khyber Pakhtunkhwa"),
    ("Bajaur", "Khyber Pakhtunkhwa"), ("Quetta", "Balochistan"), ("Kech", "Balochistan"),
    ("Panjgur", "Balochistan"), ("Mastung", "Balochistan"), ("Gwadar", "Balochistan"), ("Karachi", "Sindh"),
)
GROUPS = ("Tehreek-i-Taliban Pakistan", "the Balochistan Liberation Army", "the Baloch Liberation Front",
          "Hafiz Gul Bahadur group", "Lashkar-e-Jhangvi", "the Islamic State Khorasan Province")
NUMBERS = ("two", "three", "four", "five", "six", "seven", "eight", "11", "14")
INCIDENT = (
    "A suicide bomber blew himself up near a police checkpoint in {place}, killing {n} people and injuring {m} others.",
    "Militants attacked a security forces post in {place} late on {day}, martyring {n} soldiers.",
    "A roadside bomb struck a vehicle carrying Frontier Corps personnel in {place}, officials said.",
    "Unidentified gunmen shot dead a police constable on his way home in {place} on {day}.",
    "Gunmen abducted {n} labourers working on a road project near {place}, police said.",
    "Security forces killed {n} terrorists in an intelligence-based operation in {place}, the ISPR said.",
    "{group} claimed responsibility for the attack in a statement sent to journalists.",
    "Police blamed {group} for the blast but no group has claimed responsibility so far.",
    "The injured were shifted to the District Headquarters Hospital in {place}, where {m} were said to be critical.",
    "Rescue 1122 officials said the bodies were handed over to the families after legal formalities.",
    "A hand grenade was hurled at a shop in the main bazaar of {place}, wounding {m} people.",
    "Attackers set fire to a girls' school in {place} overnight; no one was hurt.",
)
CONTEXT = (
    "Senior officials reached the site and the area was cordoned off for a search operation.",
    "The provincial chief minister condemned the attack and ordered an inquiry.",
    "Residents said they heard a loud explosion followed by heavy firing that lasted nearly an hour.",
    "A case was registered at the Counter Terrorism Department police station.",
    "The prime minister expressed grief over the loss of lives and vowed to eliminate terrorism.",
    "Funeral prayers for the martyred personnel were offered at the police lines in {place}.",
)
NON_INCIDENT = (
    "The State Bank of Pakistan kept the policy rate unchanged on {day}, citing easing inflation.",
    "Pakistan beat New Zealand by six wickets in the third T20 international in Lahore.",
    "The provincial cabinet approved a new water supply scheme for residents of {place}.",
    "A seminar on countering violent extremism was held at the University of Peshawar.",
    "Traders in {place} observed a strike against the increase in electricity tariffs.",
    "The Higher Education Commission announced scholarships for students from Balochistan.",
    "Flash floods damaged crops in parts of Sindh and Punjab after heavy monsoon rains.",
    "The Election Commission announced the schedule for by-elections in three constituencies.",
    "The court reserved its verdict in a 2014 contempt case against a former minister.",
    "Wheat flour prices rose sharply in {place} as supplies were delayed.",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _fill(template: str, rng: random.Random, place: str) -> str:
    """Fill a sentence template."""
    return template.format(
        place=place, group=rng.choice(GROUPS), n=rng.choice(NUMBERS), m=rng.choice(NUMBERS), day=rng.choice(DAYS)
    )


def make_article(i: int, rng: random.Random, min_words: int = 400, max_words: int = 600) -> dict[str, Any]:
    """One demo-like article: incident (2 in 3) or non-incident, 400–600 words."""
    place, province = rng.choice(PLACES)
    incident = i % 3 != 2
    target = rng.randint(min_words, max_words)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        bank = (INCIDENT if rng.random() < 0.5 else CONTEXT) if incident else NON_INCIDENT
        sentences = [_fill(rng.choice(bank), rng, place) for _ in range(rng.randint(2, 3))]
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    published = datetime(2025, 1, 1, 9, tzinfo=timezone(timedelta(hours=5))) + timedelta(days=i)
    title = f"{'Attack' if incident else 'News'} in {place}, {province}"
    return {"id": f"bench-{i}", "title": title, "text": "\n\n".join(paragraphs), "published_at": published,
            "url": f"https://bench.example/{i}"}


def make_articles(n: int, seed: int = 13, min_words: int = 400, max_words: int = 600) -> list[dict[str, Any]]:
    """`n` deterministic articles."""
    rng = random.Random(seed)
    return [make_article(i, rng, min_words, max_words) for i in range(n)]


def peak_rss_mb() -> float:
    """Peak resident memory of this process in MB."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


@dataclass
class BenchResult:
    """Throughput of the pipeline and of bare spaCy on the same texts.

    `pipeline_s`, `bare_s` and the rates are medians over the rounds; `ratio` is
    median bare time / median pipeline time (pipeline throughput / bare throughput).
    """

    docs: int
    words: int
    events: int
    pipeline_s: float
    bare_s: float
    pipeline_docs_per_s: float
    pipeline_words_per_s: float
    bare_docs_per_s: float
    bare_words_per_s: float
    ratio: float
    pipeline_peak_rss_mb: float
    peak_rss_mb: float
    components: list[str]
    repeats: int
    pipeline_round_s: list[float]  # seconds per round, in run order
    bare_round_s: list[float]
    round_ratios: list[float]  # bare / pipeline seconds per round

    def as_dict(self) -> dict[str, Any]:
        """The result as a plain dict."""
        return asdict(self)


def _timed(fn: Callable[[], int]) -> tuple[float, int]:
    """Wall time of fn() and its return value."""
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def run_pipeline(articles: list[dict[str, Any]], batch_size: int = 16) -> int:
    """Run the full extractor as the NLP stage does (events and their embeddings); return the number of events."""
    extractor = Extractor(classifier=load_classifier())
    return sum(len(events) for _, events, _ in extractor.extract_many_with_embeddings(articles, batch_size=batch_size))


def bare_pipeline() -> Language:
    """The spaCy model alone, running exactly the model components Khabar's pipeline runs.

    Khabar's own components (paragraph boundaries, gazetteer ruler, rules) are what the
    benchmark measures, so they are absent here; model components Khabar leaves out
    (e.g. the lemmatizer) are disabled, so both sides do the same statistical work.
    """
    khabar_components = set(build_nlp().pipe_names)
    nlp = spacy.load(MODEL_NAME)
    nlp.select_pipes(disable=[name for name in nlp.pipe_names if name not in khabar_components])
    return nlp


def run_bare(texts: Iterable[str], nlp: Language, batch_size: int = 16) -> int:
    """Run the bare pipeline over the texts; return the token count."""
    return sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))


def _warm_up(articles: list[dict[str, Any]]) -> None:
    """Load models once so that loading is not timed."""
    load_classifier()
    run_pipeline(articles[:1])


def bench(
    n_docs: int = 40, seed: int = 13, min_words: int = 400, max_words: int = 600, repeats: int = 3
) -> BenchResult:
    """Time the pipeline and bare spaCy alternately for `repeats` rounds over the same `n_docs` generated articles.

    The pipeline's peak RSS is read after its first round, before bare spaCy is built.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, not {repeats}")
    articles = make_articles(n_docs, seed, min_words, max_words)
    texts = [f"{a['title']}\n\n{a['text']}" for a in articles]
    words = sum(len(t.split()) for t in texts)
    _warm_up(articles)
    # Round 1: the pipeline, its peak RSS (before bare spaCy exists), then bare spaCy built, warmed and timed.
    pipeline_s, events = _timed(partial(run_pipeline, articles))
    pipeline_rss = peak_rss_mb()
    bare = bare_pipeline()
    run_bare(texts[:1], bare)
    pipeline_times = [pipeline_s]
    bare_times = [_timed(partial(run_bare, texts, bare))[0]]
    for _ in range(repeats - 1):  # the later rounds alternate the same way
        pipeline_times.append(_timed(partial(run_pipeline, articles))[0])
        bare_times.append(_timed(partial(run_bare, texts, bare))[0])
    pipeline_median = statistics.median(pipeline_times)
    bare_median = statistics.median(bare_times)
    return BenchResult(
        docs=n_docs,
        words=words,
        events=events,
        pipeline_s=pipeline_median,
        bare_s=bare_median,
        pipeline_docs_per_s=n_docs / pipeline_median,
        pipeline_words_per_s=words / pipeline_median,
        bare_docs_per_s=n_docs / bare_median,
        bare_words_per_s=words / bare_median,
        ratio=bare_median / pipeline_median,
        pipeline_peak_rss_mb=pipeline_rss,
        peak_rss_mb=peak_rss_mb(),
        components=list(bare.pipe_names),
        repeats=repeats,
        pipeline_round_s=pipeline_times,
        bare_round_s=bare_times,
        round_ratios=[b / p for p, b in zip(pipeline_times, bare_times, strict=True)],
    )
