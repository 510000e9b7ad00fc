"""Typed records that flow through Khabar: article → mentions → events → incidents.

Each record has a deterministic document id so that writing the same thing twice
never creates two Elasticsearch documents.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from datetime import date as Date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

EventType = Literal[
    "bombing",
    "armed_assault",
    "targeted_killing",
    "kidnapping",
    "hijacking",
    "infrastructure_attack",
    "security_operation",
    "other",
]
EVENT_TYPES: tuple[str, ...] = EventType.__args__  # type: ignore[attr-defined]

TargetType = Literal[
    "security_forces",
    "police",
    "civilians",
    "government",
    "religious",
    "political",
    "foreigners",
    "transport",
    "education",
    "infrastructure",
    "militants",
    "other",
]
TARGET_TYPES: tuple[str, ...] = TargetType.__args__  # type: ignore[attr-defined]

Attribution = Literal["claimed", "blamed", "unknown"]
DatePrecision = Literal["day", "month", "year", "unknown"]
LocationPrecision = Literal["place", "district", "province", "country", "unknown"]
NlpStatus = Literal["pending", "done", "failed"]


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(UTC)


def stable_id(*parts: object) -> str:
    """A short deterministic id from the given parts (sha1, 20 hex chars)."""
    joined = "\x1f".join("" if p is None else str(p) for p in parts)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:20]


def content_hash(text: str) -> str:
    """Hash of an article's normalised text, used to detect duplicates and edits."""
    normalised = " ".join(text.split()).lower()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


class Record(BaseModel):
    """Base for every record: strict about unknown fields.

    Computed fields (written to Elasticsearch for search) are accepted and dropped
    on input, so a stored document reads back into its record.
    """

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _drop_computed(cls, data: object) -> object:
        if isinstance(data, dict) and cls.model_computed_fields:
            return {k: v for k, v in data.items() if k not in cls.model_computed_fields}
        return data


class Article(Record):
    """One news report as stored in `khabar-articles`."""

    id: str = ""
    url: str = Field(description="Canonical URL")
    urls: list[str] = Field(default_factory=list, description="Every URL this text was seen under")
    source_id: str = ""
    outlet: str = ""
    title: str = ""
    text: str = ""
    paragraphs: list[str] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    published_at: datetime | None = None
    fetched_at: datetime = Field(default_factory=utcnow)
    first_seen: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    language: str | None = None
    country: str | None = None
    tags: list[str] = Field(default_factory=list)
    content_hash: str = ""
    version: int = 1
    nlp_status: NlpStatus = "pending"
    nlp_processed_at: datetime | None = None
    nlp_error: str | None = None
    event_count: int = 0
    embedding: list[float] | None = Field(default=None, description="MiniLM embedding of the headline and lead paragraph")

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            self.id = article_id(self.url)
        if not self.content_hash and self.text:
            self.content_hash = content_hash(self.text)
        if self.url not in self.urls:
            self.urls.insert(0, self.url)


def article_id(canonical_url: str) -> str:
    """An article's document id, from its canonical URL."""
    return stable_id("article", canonical_url)


class Evidence(Record):
    """Where in the article text a value came from."""

    sentence: str
    start: int = Field(description="Character offset of the sentence in the article text (in the headline when `in_title`)")
    end: int
    text: str | None = Field(default=None, description="The matched words, when narrower than the sentence")
    in_title: bool = Field(default=False, description="The value was read from the headline: the body does not state it")


class Location(Record):
    """A place, resolved against the gazetteer."""

    country: str | None = None
    province: str | None = None
    district: str | None = None
    place: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: LocationPrecision = "unknown"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def point(self) -> dict[str, float] | None:
        """`{lat, lon}` for Elasticsearch's geo_point, when coordinates are known."""
        if self.lat is None or self.lon is None:
            return None
        return {"lat": self.lat, "lon": self.lon}


class Perpetrator(Record):
    """Who carried out an attack and how that is known."""

    name: str | None = Field(default=None, description="Canonical group name from the gazetteer")
    attribution: Attribution = "unknown"
    mention: str | None = Field(default=None, description="The group as written in the article")


class EventFields(Record):
    """The coded fields of an event, shared by mentions and incidents."""

    event_type: EventType = "other"
    suicide: bool = False
    date: Date | None = None
    date_precision: DatePrecision = "unknown"
    location: Location = Field(default_factory=Location)
    killed: int | None = None
    injured: int | None = None
    attackers_killed: int | None = None
    kidnapped: int | None = None
    perpetrator: Perpetrator = Field(default_factory=Perpetrator)
    target_type: TargetType = "other"
    confidence: float = 0.0
    review: bool = Field(default=False, description="A figure is implausible (above what the text or the record supports): check before counting it")


class ExtractedEvent(EventFields):
    """One event as `khabar extract` reports it: coded fields with their evidence."""

    evidence: dict[str, Evidence] = Field(default_factory=dict)


class EventMention(ExtractedEvent):
    """One event extracted from one article, stored in `khabar-events`."""

    id: str = ""
    article_id: str
    position: int = Field(description="Index of this event within its article")
    article_url: str = ""
    article_version: int = 1
    source_id: str = ""
    outlet: str = ""
    title: str = ""
    published_at: datetime | None = None
    extracted_at: datetime = Field(default_factory=utcnow)
    change_seq: int | None = Field(default=None, description="Stamped by the writer when the mention was sent (incremental resolution)")
    model_version: str = ""
    incident_id: str | None = None
    embedding: list[float] | None = None

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            self.id = mention_id(self.article_id, self.position)


def mention_id(article: str, position: int) -> str:
    """A mention's document id, from its article and its position in it."""
    return stable_id("mention", article, position)


class IncidentSource(Record):
    """One report that contributed to an incident, with the figures it gave."""

    mention_id: str
    article_id: str
    url: str
    outlet: str = ""
    title: str = ""
    published_at: datetime | None = None
    killed: int | None = None
    injured: int | None = None
    perpetrator: str | None = None
    attribution: Attribution = "unknown"
    review: bool = Field(default=False, description="This report's figure was not counted: flagged by extraction or far above the other sources'")


class FigureRange(Record):
    """The spread of a figure across sources."""

    min: int | None = None
    max: int | None = None


class Incident(EventFields):
    """One real-world incident merged from many mentions and sources."""

    incident_id: str
    sources: list[IncidentSource] = Field(default_factory=list)
    mention_ids: list[str] = Field(default_factory=list)
    source_count: int = 0
    outlets: list[str] = Field(default_factory=list)
    killed_range: FigureRange = Field(default_factory=FigureRange)
    injured_range: FigureRange = Field(default_factory=FigureRange)
    first_reported_at: datetime | None = None
    last_updated_at: datetime | None = None
    resolved_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow, description="When this incident's record last changed")
    change_seq: int | None = Field(default=None, description="The feed's order: stamped by the writer when the record was sent")
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    embedding: list[float] | None = None
    corrected: list[str] = Field(default_factory=list, description="Fields an analyst corrected (they win over the machine)")
    suggestions: dict[str, Any] = Field(default_factory=dict, description="The machine's value of a corrected field, when it differs")
    rejected: bool = Field(default=False, description="An analyst marked this a false positive: left out of counts")
    review_fields: list[str] = Field(default_factory=list, description="Figures under review (`killed`, `injured`): a source's higher figure was set aside, or only flagged reports give one")
    review_notes: list[str] = Field(default_factory=list, description="Why each figure is under review, with the set-aside figure and its outlet")


class CrawlErrors(Record):
    """Failures of one crawl, counted by kind."""

    http_status: int = 0
    timeout: int = 0
    connection: int = 0
    parse_failure: int = 0
    malformed_feed: int = 0
    empty_text: int = 0
    too_large: int = 0
    off_domain: int = 0
    redirect_loop: int = 0
    robots_denied: int = 0
    private_address: int = 0
    storage: int = 0  # articles whose duplicate lookup or write could not reach Elasticsearch (spooled)
    other: int = 0

    @property
    def total(self) -> int:
        return sum(int(v) for v in self.model_dump().values())


class CrawlRun(Record):
    """What one crawl of one source did, stored in `khabar-crawl-runs`."""

    id: str = ""
    source_id: str
    started_at: datetime = Field(default_factory=utcnow)
    ended_at: datetime | None = None
    status: Literal["running", "finished", "failed", "interrupted", "timed_out"] = "running"
    pages_fetched: int = 0
    bytes: int = 0
    articles_new: int = 0
    articles_updated: int = 0
    articles_unchanged: int = 0
    articles_duplicate: int = 0
    errors: CrawlErrors = Field(default_factory=CrawlErrors)
    message: str | None = None

    def model_post_init(self, __context: object) -> None:
        if not self.id:
            self.id = stable_id("crawl-run", self.source_id, self.started_at.isoformat())

    @computed_field  # type: ignore[prop-decorator]
    @property
    def duration_seconds(self) -> float | None:
        if self.ended_at is None:
            return None
        return (self.ended_at - self.started_at).total_seconds()

    @computed_field  # type: ignore[prop-decorator]
    @property
    def error_count(self) -> int:
        return self.errors.total


RECORDS: dict[str, type[BaseModel]] = {
    "article": Article,
    "event_mention": EventMention,
    "extracted_event": ExtractedEvent,
    "incident": Incident,
    "crawl_run": CrawlRun,
}
