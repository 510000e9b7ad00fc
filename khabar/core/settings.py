"""Settings from `config/khabar.yaml`, validated with pydantic, overridable by environment variables."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from khabar.core.errors import ConfigError

PROJECT_ROOT = Path(__file__).resolve().parents[2]  # the checkout (config/ lives here)
DEFAULT_CONFIG = Path("config/khabar.yaml")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ElasticsearchSettings(Section):
    url: str = "http://127.0.0.1:9200"
    api_key: str | None = None
    username: str | None = None
    password: str | None = None
    ca_certs: str | None = None
    verify_certs: bool = True
    request_timeout: float = Field(default=30.0, gt=0)
    index_prefix: str = Field(default="khabar", pattern=r"^[a-z0-9][a-z0-9_.-]*$")

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value.rstrip("/")


class LocalEsSettings(Section):
    """The local Elasticsearch node that `khabar es start` runs."""

    version: str = "8.19.4"
    port: int = Field(default=9200, ge=1, le=65535)
    heap: str = Field(default="512m", pattern=r"^\d+[mg]$")
    cache_dir: Path = Path("~/.cache/khabar")
    java_home: Path | None = None
    start_timeout: float = Field(default=180.0, gt=0)
    # Running the node as root disables its native access (system call filter, memory
    # locking, native root check); refused unless opted in (`khabar es start --allow-root`).
    allow_root: bool = False


class WriterSettings(Section):
    chunk_size: int = Field(default=500, ge=1)
    max_retries: int = Field(default=4, ge=0)
    backoff_seconds: float = Field(default=0.5, ge=0)


class NlpSettings(Section):
    batch_size: int = Field(default=16, ge=1)
    use_classifier: bool = True
    max_text_chars: int = Field(default=200_000, ge=1000)


class IncidentSettings(Section):
    """How mentions are merged into incidents."""

    window_days: int = Field(default=3, ge=0, le=30)
    threshold: float = Field(default=0.62, gt=0, le=1)


BLANK_KEY = "an API key is empty or blank (an unset variable in a template?); empty keys are refused"
Role = Literal["reader", "analyst"]
ROLES: tuple[str, ...] = ("reader", "analyst")


class ApiKey(Section):
    """One API key: a name for the audit trail, the secret, and what it may do."""

    name: str = Field(min_length=1)
    key: str = Field(min_length=1)
    role: Role = "reader"

    @field_validator("key")
    @classmethod
    def _non_blank_key(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(BLANK_KEY)
        return value


def parse_key_entry(entry: str, position: int) -> ApiKey:
    """`KEY` (a reader) or `KEY:ROLE` from `api.api_keys`/`KHABAR_API_KEYS`, named after its digest."""
    key, role = entry, "reader"
    head, sep, tail = entry.rpartition(":")
    if sep and head and tail in ROLES:
        key, role = head, tail
    digest = hashlib.sha256(key.encode()).hexdigest()[:8]
    return ApiKey(name=f"key{position + 1}-{digest}", key=key, role=role)  # type: ignore[arg-type]


class ApiSettings(Section):
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=1, le=65535)
    api_keys: list[str] = Field(default_factory=list)  # `KEY` (reader) or `KEY:analyst`
    keys: list[ApiKey] = Field(default_factory=list)  # named keys with roles
    max_page_size: int = Field(default=500, ge=1)
    public_docs: bool = False  # serve /openapi.json and /docs without a key

    @field_validator("api_keys")
    @classmethod
    def _no_blank_keys(cls, keys: list[str]) -> list[str]:
        """An empty key (an unset variable in a template) would let requests without a key in."""
        for entry in keys:
            head, sep, tail = entry.rpartition(":")
            key = head if sep and tail in ROLES else entry
            if not key.strip():
                raise ValueError(BLANK_KEY)
        return keys

    def all_keys(self) -> list[ApiKey]:
        """Every configured key with its name and role: `keys`, then the plain `api_keys`."""
        return list(self.keys) + [parse_key_entry(entry, i) for i, entry in enumerate(self.api_keys)]


class SchedulerSettings(Section):
    nlp_interval_minutes: float = Field(default=5, gt=0)
    resolve_interval_minutes: float = Field(default=10, gt=0)
    spool_replay_minutes: float = Field(default=2, gt=0)
    misfire_grace_seconds: int = Field(default=300, ge=1)
    jitter_seconds: int = Field(default=30, ge=0)
    stop_timeout_seconds: float = Field(default=60, gt=0)  # shutdown waits at most this long for running jobs


class AlertSettings(Section):
    """Watchlists, webhook/e-mail delivery and spike detection (see docs/alerts.md)."""

    allow_private_webhooks: bool = False  # true: webhooks may point at loopback/private addresses
    match_interval_seconds: float = Field(default=30, gt=0)  # safety-net timer of the match+deliver job
    retry_base_seconds: float = Field(default=30, ge=0)  # first retry delay; doubles per attempt
    retry_max_seconds: float = Field(default=3600, ge=0)  # cap on one retry delay
    give_up_hours: float = Field(default=24, gt=0)  # stop retrying a delivery this long after it was queued
    request_timeout: float = Field(default=10, gt=0)
    spike_interval_minutes: float = Field(default=60, gt=0)
    smtp_host: str | None = None
    smtp_port: int = Field(default=25, ge=1, le=65535)
    smtp_from: str = "khabar@localhost"
    smtp_username: str | None = None
    smtp_password: str | None = None
    smtp_starttls: bool = False


class Settings(Section):
    """All of Khabar's settings."""

    data_dir: Path = Path("~/.local/share/khabar")
    sources_file: Path = Path("config/sources.yaml")
    elasticsearch: ElasticsearchSettings = Field(default_factory=ElasticsearchSettings)
    local_es: LocalEsSettings = Field(default_factory=LocalEsSettings)
    writer: WriterSettings = Field(default_factory=WriterSettings)
    nlp: NlpSettings = Field(default_factory=NlpSettings)
    incidents: IncidentSettings = Field(default_factory=IncidentSettings)
    api: ApiSettings = Field(default_factory=ApiSettings)
    scheduler: SchedulerSettings = Field(default_factory=SchedulerSettings)
    alerts: AlertSettings = Field(default_factory=AlertSettings)
    config_file: Path | None = Field(default=None, exclude=True)

    @property
    def data_path(self) -> Path:
        """The data directory, expanded and created."""
        path = self.data_dir.expanduser()
        path.mkdir(parents=True, exist_ok=True)
        return path

    @property
    def spool_path(self) -> Path:
        return self.data_path / "spool" / "pending.jsonl"

    @property
    def dead_letter_path(self) -> Path:
        return self.data_path / "dead-letter.jsonl"


# Environment variables that override one setting each: name -> dotted key.
ENV_OVERRIDES: dict[str, str] = {
    "KHABAR_DATA_DIR": "data_dir",
    "KHABAR_SOURCES": "sources_file",
    "KHABAR_ES_URL": "elasticsearch.url",
    "KHABAR_ES_API_KEY": "elasticsearch.api_key",
    "KHABAR_ES_USERNAME": "elasticsearch.username",
    "KHABAR_ES_PASSWORD": "elasticsearch.password",
    "KHABAR_ES_CA_CERTS": "elasticsearch.ca_certs",
    "KHABAR_INDEX_PREFIX": "elasticsearch.index_prefix",
    "KHABAR_ES_PORT": "local_es.port",
    "KHABAR_ES_HEAP": "local_es.heap",
    "KHABAR_ES_VERSION": "local_es.version",
    "KHABAR_CACHE_DIR": "local_es.cache_dir",
    "KHABAR_ES_ALLOW_ROOT": "local_es.allow_root",
    "KHABAR_API_KEYS": "api.api_keys",
    "KHABAR_ALERTS_ALLOW_PRIVATE": "alerts.allow_private_webhooks",
}
LIST_KEYS = {"api.api_keys"}


def _set_dotted(data: dict[str, Any], dotted: str, value: Any) -> None:
    node = data
    *parents, last = dotted.split(".")
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[last] = value


def apply_env(data: dict[str, Any], env: Mapping[str, str]) -> list[str]:
    """Apply environment overrides to raw settings; returns the keys that came from the environment."""
    applied: list[str] = []
    for name, dotted in ENV_OVERRIDES.items():
        raw = env.get(name)
        if raw is None or raw == "":
            continue
        value: Any = [k.strip() for k in raw.split(",") if k.strip()] if dotted in LIST_KEYS else raw
        _set_dotted(data, dotted, value)
        applied.append(dotted)
    return applied


def default_config_path(env: Mapping[str, str]) -> Path | None:
    """`$KHABAR_CONFIG`, else `config/khabar.yaml` in the working directory or the project."""
    if env.get("KHABAR_CONFIG"):
        return Path(env["KHABAR_CONFIG"])
    for candidate in (DEFAULT_CONFIG, PROJECT_ROOT / DEFAULT_CONFIG):
        if candidate.is_file():
            return candidate
    return None


def read_yaml(path: Path) -> dict[str, Any]:
    """Read a YAML mapping, turning read and syntax errors into a ConfigError."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(str(path), "(file)", "file not found", "create it or point KHABAR_CONFIG at an existing file") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else "(file)"
        raise ConfigError(str(path), where, f"not valid YAML ({getattr(exc, 'problem', exc)})", "fix the YAML syntax at that line") from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(str(path), "(top level)", "must be a mapping of settings", "write `key: value` lines")
    return raw


def describe_validation_error(file: str, exc: ValidationError, model: type[BaseModel], env_keys: list[str] | None = None) -> ConfigError:
    """The first validation error as a ConfigError naming the file, the key and the fix."""
    err = exc.errors()[0]
    key = ".".join(str(p) for p in err["loc"]) or "(top level)"
    if err["type"] == "extra_forbidden":
        parent = _model_at(model, [str(p) for p in err["loc"][:-1]])
        allowed = ", ".join(sorted(parent.model_fields)) if parent else ""
        fix = f"remove it or correct the spelling; allowed keys here: {allowed}"
        return ConfigError(file, key, "unknown key", fix)
    where = file
    if env_keys and key in env_keys:
        env_name = next(n for n, d in ENV_OVERRIDES.items() if d == key)
        where = f"environment variable {env_name}"
    if SECRET_FIELDS & {str(p) for p in err["loc"]}:  # never echo a secret, not even a wrong one
        fix = ("give every key a non-empty value (check the variable your template substitutes) or remove the entry"
               if BLANK_KEY in str(err["msg"]) else "set a valid value")
        return ConfigError(where, key, f"{err['msg']} (value not shown: it is a secret)", fix)
    return ConfigError(where, key, f"{err['msg']} (got {_redacted(err.get('input'))!r})", "set a value of the expected type")


# Settings whose values are never printed in errors.
SECRET_FIELDS = frozenset({"api_keys", "keys", "key", "api_key", "password", "smtp_password"})


def _redacted(value: Any) -> Any:
    """A URL's password (`https://user:secret@host`) replaced by `***` before it is echoed."""
    if isinstance(value, str) and "://" in value and "@" in value:
        scheme, _, rest = value.partition("://")
        userinfo, at, host = rest.rpartition("@")
        if at and ":" in userinfo:
            return f"{scheme}://{userinfo.split(':', 1)[0]}:***@{host}"
    return value


def _model_at(model: type[BaseModel], path: list[str]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in path:
        if current is None or part not in current.model_fields:
            return None
        annotation = current.model_fields[part].annotation
        current = annotation if isinstance(annotation, type) and issubclass(annotation, BaseModel) else None
    return current


def load_settings(path: Path | str | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Load settings from YAML (optional) and the environment; raises ConfigError on mistakes."""
    env = os.environ if env is None else env
    config_path = Path(path) if path is not None else default_config_path(env)
    data: dict[str, Any] = read_yaml(config_path) if config_path is not None else {}
    env_keys = apply_env(data, env)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise describe_validation_error(str(config_path or "settings"), exc, Settings, env_keys) from None
    settings.config_file = config_path
    if config_path is not None and not settings.sources_file.is_absolute() and not settings.sources_file.exists():
        sibling = config_path.parent.parent / settings.sources_file
        if sibling.exists():
            settings.sources_file = sibling
    return settings
