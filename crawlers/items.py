"""The item a spider yields for each article page; pipelines turn it into an `Article`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass
class ArticleItem:
    """One extracted article page, before canonicalisation and deduplication."""

    fetched_url: str
    title: str = ""
    text: str = ""
    paragraphs: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published_at: datetime | None = None
    language: str | None = None
    declared_canonical: str | None = None
    url: str = ""
    """Canonical URL, set by `CanonicalUrlPipeline`."""
    outcome: str = ""
    """What the dedup pipeline decided: new, updated, unchanged, duplicate, or undecided
    (Elasticsearch unreachable for the lookups: written as an upsert)."""
    document: dict[str, Any] | None = None
    """The article document to write (whole, or the changed fields for unchanged/duplicate/undecided)."""
    upsert: dict[str, Any] | None = None
    """The whole article, created when an undecided article is not stored yet."""
