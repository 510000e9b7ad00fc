"""The sources file (`config/sources.yaml`): which outlets to crawl, how, and how politely.

Layout::

    defaults:            # any source field; applied to every source that leaves it out
      download_delay: 2
    sources:
      - id: dawn
        name: Dawn
        kind: rss        # rss | sitemap | listing
        urls: [https://www.dawn.com/feeds/home]
        ...

`load_sources(path)` validates the whole file and raises one `ConfigError` naming the
file, the source id and the field for the first mistake.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Literal

from croniter import croniter
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from khabar.core.errors import ConfigError
from khabar.core.settings import read_yaml
from khabar.crawlers.urls import host_of

SourceKind = Literal["rss", "sitemap", "listing"]
SLUG = r"^[a-z0-9][a-z0-9_-]*$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Schedule(_Strict):
    """When a source is crawled: a cron expression or a fixed interval (exactly one)."""

    cron: str | None = None
    interval_minutes: float | None = Field(default=None, gt=0)

    @field_validator("cron")
    @classmethod
    def _valid_cron(cls, value: str | None) -> str | None:
        if value is not None and not croniter.is_valid(value):
            raise ValueError(f"invalid cron expression {value!r} (expected five fields, e.g. '*/30 * * * *')")
        return value

    @model_validator(mode="after")
    def _exactly_one(self) -> Schedule:
        if (self.cron is None) == (self.interval_minutes is None):
            raise ValueError("give exactly one of `cron` or `interval_minutes`")
        return self

    def describe(self) -> str:
        """A short human description ("cron */30 * * * *", "every 60 min")."""
        return f"cron {self.cron}" if self.cron else f"every {self.interval_minutes:g} min"


class SourceOptions(_Strict):
    """The fields a source may take from the top-level `defaults`."""

    allowed_domains: list[str] = Field(default_factory=list)
    article_url_patterns: list[str] = Field(default_factory=list)
    link_selector: str = "a"
    next_selector: str = "a.next"
    max_pages: int = Field(default=5, ge=1)
    language: str | None = "en"
    country: str | None = "PK"
    region: list[str] = Field(default_factory=list)
    schedule: Schedule = Field(default_factory=lambda: Schedule(interval_minutes=60))
    download_delay: float = Field(default=1.0, ge=0)
    concurrent_requests: int = Field(default=4, ge=1, le=64)
    obey_robots_txt: bool = True
    user_agent: str = "KhabarBot/0.1 (+https://github.com/khabar/khabar; news research crawler)"
    max_articles_per_run: int = Field(default=200, ge=1)
    max_page_bytes: int = Field(default=2 * 1024 * 1024, ge=1024)
    timeout_seconds: float = Field(default=30.0, gt=0)
    retry_times: int = Field(default=1, ge=0, le=10)
    min_text_chars: int = Field(default=80, ge=1)
    max_duration_seconds: float = Field(default=1800.0, gt=0)  # wall-clock limit of one crawl; killed at it
    allow_private_addresses: bool = False
    enabled: bool = True

    @field_validator("article_url_patterns")
    @classmethod
    def _valid_patterns(cls, patterns: list[str]) -> list[str]:
        for number, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"[{number}]: invalid regular expression ({exc})") from None
        return patterns

    @field_validator("allowed_domains")
    @classmethod
    def _lower_domains(cls, domains: list[str]) -> list[str]:
        return [d.strip().lower().lstrip(".") for d in domains if d.strip()]


class Source(SourceOptions):
    """One outlet (or one feed of it) to crawl."""

    id: str = Field(pattern=SLUG)
    name: str = Field(min_length=1)
    kind: SourceKind
    urls: list[str] = Field(min_length=1)

    @field_validator("urls")
    @classmethod
    def _http_urls(cls, urls: list[str]) -> list[str]:
        for url in urls:
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"{url!r} must start with http:// or https://")
        return urls

    @model_validator(mode="after")
    def _domains_from_urls(self) -> Source:
        if not self.allowed_domains:
            self.allowed_domains = sorted({host_of(url) for url in self.urls})
        return self

    @property
    def compiled_patterns(self) -> list[re.Pattern[str]]:
        """The article URL patterns, compiled (an empty list accepts every URL)."""
        return [re.compile(p) for p in self.article_url_patterns]

    @property
    def tags(self) -> list[str]:
        """Tags stored with each article: the source's regions and country."""
        return [*self.region, *([self.country] if self.country else [])]


class SourcesConfig(_Strict):
    """The whole sources file."""

    defaults: dict[str, Any] = Field(default_factory=dict)
    sources: list[Source] = Field(default_factory=list)
    path: Path | None = Field(default=None, exclude=True)

    def get(self, source_id: str) -> Source:
        """The source with this id (KeyError otherwise)."""
        for source in self.sources:
            if source.id == source_id:
                return source
        raise KeyError(source_id)

    @property
    def ids(self) -> list[str]:
        return [s.id for s in self.sources]

    @property
    def enabled(self) -> list[Source]:
        return [s for s in self.sources if s.enabled]


def _field_path(loc: tuple[int | str, ...]) -> str:
    """`('article_url_patterns', 0)` → `article_url_patterns[0]`."""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _source_error(file: str, label: str, exc: ValidationError) -> ConfigError:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    field = _field_path(loc)
    key = f"sources[{label}]" + (f".{field}" if field else "")
    message = str(err["msg"]).removeprefix("Value error, ")
    if message.startswith("["):  # a list element named by the validator: "[0]: ..."
        index, _, message = message.partition(": ")
        key += index
    if err["type"] == "extra_forbidden":
        allowed = ", ".join(sorted(Source.model_fields))
        return ConfigError(file, key, "unknown key", f"remove it or correct the spelling; allowed keys: {allowed}")
    if err["type"] == "missing":
        return ConfigError(file, key, "required field is missing", "add it to the source")
    got = f" (got {err['input']!r})" if err["type"] not in ("value_error",) and not isinstance(err.get("input"), dict) else ""
    return ConfigError(file, key, f"{message}{got}", "correct the value; see the comments at the top of the sources file")


def _parse_source(file: str, number: int, raw: object, defaults: dict[str, Any]) -> Source:
    if not isinstance(raw, dict):
        raise ConfigError(file, f"sources[{number}]", "must be a mapping of fields", "write `- id: ...` followed by the fields")
    label = str(raw.get("id") or number)
    try:
        return Source.model_validate({**defaults, **raw})
    except ValidationError as exc:
        raise _source_error(file, label, exc) from None


def _check_defaults(file: str, defaults: object) -> dict[str, Any]:
    if not isinstance(defaults, dict):
        raise ConfigError(file, "defaults", "must be a mapping of source fields", "write `defaults:` followed by `key: value` lines")
    allowed = set(SourceOptions.model_fields)
    for key in defaults:
        if key not in allowed:
            raise ConfigError(file, f"defaults.{key}", "unknown key", f"allowed keys: {', '.join(sorted(allowed))}")
    try:
        SourceOptions.model_validate(defaults)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ConfigError(file, f"defaults.{_field_path(tuple(err['loc']))}", str(err["msg"]), "correct the value") from None
    return defaults


def parse_sources(data: dict[str, Any], file: str = "sources") -> SourcesConfig:
    """Validate an already-read sources mapping; raises ConfigError naming source and field."""
    for key in data:
        if key not in ("defaults", "sources"):
            raise ConfigError(file, key, "unknown key", "the top level has only `defaults` and `sources`")
    defaults = _check_defaults(file, data.get("defaults") or {})
    raw_sources = data.get("sources") or []
    if not isinstance(raw_sources, list):
        raise ConfigError(file, "sources", "must be a list of sources", "write each source as `- id: ...`")
    sources: list[Source] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(raw_sources):
        source = _parse_source(file, number, raw, defaults)
        if source.id in seen:
            raise ConfigError(
                file, f"sources[{source.id}].id", f"duplicate source id (sources[{seen[source.id]}] and sources[{number}])", "give each source a unique id"
            )
        seen[source.id] = number
        sources.append(source)
    return SourcesConfig(defaults=defaults, sources=sources)


def load_sources(path: Path | str) -> SourcesConfig:
    """Read and validate a sources file; raises ConfigError with file, source id and field."""
    path = Path(path)
    config = parse_sources(read_yaml(path), str(path))
    config.path = path
    return config
