"""Resolution benchmark: the time an incremental run takes per 1,000 new mentions at a large store size.

Generates (seeded) synthetic mentions over two years, districts, groups and embeddings, already
resolved into incidents of 1-3 mentions, into a throw-away index prefix; then writes 1,000 new
mentions dated within the last month (as new reporting is; a third of them follow up a stored
incident) and times the incremental resolution (`resolve_incidents(incremental=True)`), which
loads only the new mentions and the incidents they could join. The indices are dropped afterwards.

The embeddings are shaped like MiniLM's on attack reports: every one shares a common "militant
attack in Pakistan" direction (unrelated reports have cosine ~0.45, as real ones do, so the
text floor does not prune them), and reports of one incident share its own (cosine ~0.85).
Writing stops at the time budget: the size actually used is reported.
"""

from __future__ import annotations

import random
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np

from khabar.core.records import EventMention, Location, Perpetrator
from khabar.core.settings import Settings
from khabar.incidents.resolve import ResolveConfig, build_incident, resolve_incidents
from khabar.index.lease import write_watermark
from khabar.index.store import Store
from khabar.index.templates import EMBEDDING_DIMS

DISTRICTS = (
    ("Peshawar", "Khyber Pakhtunkhwa"), ("Bannu", "Khyber Pakhtunkhwa"), ("Lakki Marwat", "Khyber Pakhtunkhwa"),
    ("Dera Ismail Khan", "Khyber Pakhtunkhwa"), ("North Waziristan", "Khyber Pakhtunkhwa"), ("Bajaur", "Khyber Pakhtunkhwa"),
    ("Khyber", "Khyber Pakhtunkhwa"), ("Tank", "Khyber Pakhtunkhwa"), ("Quetta", "Balochistan"), ("Kech", "Balochistan"),
    ("Panjgur", "Balochistan"), ("Mastung", "Balochistan"), ("Gwadar", "Balochistan"), ("Karachi", "Sindh"),
    ("Lahore", "Punjab"), ("Dera Ghazi Khan", "Punjab"),
)
GROUPS = (None, None, "Tehrik-i-Taliban Pakistan", "Balochistan Liberation Army", "Baloch Liberation Front",
          "Hafiz Gul Bahadur group", "Islamic State Khorasan Province")
TYPES = ("bombing", "armed_assault", "targeted_killing", "kidnapping", "security_operation")
OUTLETS = ("Dawn", "Geo", "Express Tribune", "The News", "Business Recorder")
START = date(2024, 1, 1)
SPAN_DAYS = 730
NEW_SPAN_DAYS = 30  # new reporting is about recent attacks: the new mentions fall in the last month


@dataclass
class ResolveBench:
    """What one benchmark run measured."""

    stored_mentions: int
    stored_incidents: int
    new_mentions: int
    mentions_loaded: int  # by the incremental run: the new ones and those of their candidate incidents
    write_s: float
    resolve_s: float
    requested_mentions: int
    generated_incidents: int = 0  # stored incidents plus the new mentions that were not follow-ups
    incidents_after: int = 0  # incidents in the index after the run (fewer than generated: over-merging)

    @property
    def s_per_1000_new(self) -> float:
        return self.resolve_s * 1000 / self.new_mentions if self.new_mentions else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "s_per_1000_new": round(self.s_per_1000_new, 3)}


TOPIC = np.random.default_rng(0).standard_normal(EMBEDDING_DIMS) / np.sqrt(EMBEDDING_DIMS)


def _random_unit(rng: random.Random) -> np.ndarray:
    raw = np.random.default_rng(rng.randrange(2**32)).standard_normal(EMBEDDING_DIMS)
    return raw / np.linalg.norm(raw)


def incident_embedding(rng: random.Random, incident: np.ndarray) -> list[float]:
    """A report's embedding: the common topic, its incident's direction and its own noise."""
    mixed = 0.6 * TOPIC / np.linalg.norm(TOPIC) + 0.55 * incident + 0.35 * _random_unit(rng)
    return [round(float(x), 5) for x in mixed / np.linalg.norm(mixed)]


def synthetic_mention(rng: random.Random, n: int, *, embed: bool = True, recent_days: int = SPAN_DAYS,
                      incident: np.ndarray | None = None) -> EventMention:
    """One generated mention (its own article): a random day among the last `recent_days` of the span,
    district, group, type and an embedding (of `incident`'s direction, else of a new incident)."""
    day = START + timedelta(days=SPAN_DAYS - 1 - rng.randrange(recent_days))
    district, province = rng.choice(DISTRICTS)
    group = rng.choice(GROUPS)
    vector = incident_embedding(rng, incident if incident is not None else _random_unit(rng)) if embed else None
    return EventMention.model_validate({
        "article_id": f"bench-article-{n}", "position": 0, "outlet": rng.choice(OUTLETS), "title": f"report {n}",
        "published_at": datetime(day.year, day.month, day.day, 9, tzinfo=UTC) + timedelta(days=rng.randrange(2)),
        "event_type": rng.choice(TYPES), "date": day, "date_precision": "day",
        "location": Location(country="Pakistan", province=province, district=district, precision="district"),
        "killed": rng.randrange(12), "injured": rng.randrange(20),
        "perpetrator": Perpetrator(name=group, attribution="claimed" if group else "unknown", mention=group),
        "target_type": "police", "confidence": 0.8, "embedding": vector,
    })


def _follow(mention: EventMention, first: EventMention) -> None:
    """Make `mention` another outlet's report of `first`'s incident: same day, place and type."""
    mention.date, mention.location, mention.event_type = first.date, first.location, first.event_type


def bench_resolve(settings: Settings, *, mentions: int = 100_000, new: int = 1_000, seed: int = 7,
                  budget_s: float = 180.0, embed: bool = True, learned: bool = True) -> ResolveBench:
    """Fill a throw-away prefix with up to `mentions` resolved mentions (within `budget_s` of writing),
    then time an incremental resolution of `new` new mentions."""
    prefix = f"{settings.elasticsearch.index_prefix}-bench-{uuid.uuid4().hex[:8]}"
    settings = settings.model_copy(update={"elasticsearch": settings.elasticsearch.model_copy(update={"index_prefix": prefix})})
    store = Store.connect(settings, check=True)
    store.init_indices()
    rng = random.Random(seed)
    try:
        started = time.monotonic()
        written = incidents = 0
        writer = store.writer(chunk_size=1000)
        recent: list[tuple[EventMention, np.ndarray]] = []  # stored incidents of the last month: new reports follow some up
        while written < mentions and time.monotonic() - started < budget_s:
            direction = _random_unit(rng)
            count = min(rng.randint(1, 3), mentions - written)
            members = [synthetic_mention(rng, written + k, embed=embed, incident=direction) for k in range(count)]
            for member in members[1:]:  # the same incident reported by other outlets: same day, place, type
                _follow(member, members[0])
            if members[0].date is not None and (START + timedelta(days=SPAN_DAYS) - members[0].date).days <= NEW_SPAN_DAYS:
                recent.append((members[0], direction))
            incident = build_incident(members)
            for member in members:
                member.incident_id = incident.incident_id
                writer.index("events", member.id, member, stamp="change_seq")
            writer.index("incidents", incident.incident_id, incident, stamp="change_seq")
            written += len(members)
            incidents += 1
        writer.flush()
        write_s = time.monotonic() - started
        store.refresh("events", "incidents")
        write_watermark(store.es, settings, "resolver", time.time_ns())  # as if the last run resolved all of it
        fresh = store.writer(chunk_size=1000)
        followed_up = 0
        for k in range(new):
            followed = rng.choice(recent) if recent and k % 3 == 0 else None
            followed_up += followed is not None
            mention = synthetic_mention(rng, mentions + k, embed=embed, recent_days=NEW_SPAN_DAYS,
                                        incident=followed[1] if followed else None)
            if followed:
                _follow(mention, followed[0])
            fresh.index("events", mention.id, mention, stamp="change_seq")
        fresh.flush()
        config = ResolveConfig(window_days=settings.incidents.window_days, threshold=settings.incidents.threshold, learned=learned)
        begun = time.monotonic()
        report = resolve_incidents(store, incremental=True, config=config)
        resolve_s = time.monotonic() - begun
        store.refresh("incidents")
        return ResolveBench(stored_mentions=written, stored_incidents=incidents, new_mentions=new,
                            mentions_loaded=report.mentions, write_s=round(write_s, 2), resolve_s=round(resolve_s, 3),
                            requested_mentions=mentions, generated_incidents=incidents + new - followed_up,
                            incidents_after=store.count("incidents"))
    finally:
        store.drop_all()  # the locks index too
