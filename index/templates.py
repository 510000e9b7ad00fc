"""Composable index templates, versioned indices and aliases for Khabar's indices.

Each kind of record lives in `<prefix>-<kind>-v<N>` behind the alias `<prefix>-<kind>`,
so a mapping change rolls out as a new version behind the same alias. Only features of
the Elasticsearch server core are used (standard analyzer, no ingest pipelines or scripts).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from elasticsearch import BadRequestError, Elasticsearch, NotFoundError, helpers

from khabar.core.records import CrawlErrors
from khabar.core.settings import Settings

KINDS: tuple[str, ...] = ("articles", "events", "incidents", "crawl-runs",
                          "watchlists", "alerts", "corrections")
SCHEMA_VERSIONS: dict[str, int] = {"articles": 1, "events": 1, "incidents": 1, "crawl-runs": 1,
                                   "watchlists": 1, "alerts": 1, "corrections": 1}
EMBEDDING_DIMS = 384

KEYWORD = {"type": "keyword"}
DATE = {"type": "date"}
INTEGER = {"type": "integer"}
FLOAT = {"type": "float"}
BOOLEAN = {"type": "boolean"}
TEXT = {"type": "text"}
NAME = {"type": "text", "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}}
STORED_ONLY = {"type": "object", "enabled": False}
EMBEDDING = {"type": "dense_vector", "dims": EMBEDDING_DIMS, "index": True, "similarity": "cosine"}

LOCATION = {
    "properties": {
        "country": KEYWORD,
        "province": KEYWORD,
        "district": KEYWORD,
        "place": NAME,
        "lat": FLOAT,
        "lon": FLOAT,
        "precision": KEYWORD,
        "point": {"type": "geo_point"},
    }
}

EVENT_FIELDS: dict[str, Any] = {
    "event_type": KEYWORD,
    "suicide": BOOLEAN,
    "date": DATE,
    "date_precision": KEYWORD,
    "location": LOCATION,
    "killed": INTEGER,
    "injured": INTEGER,
    "attackers_killed": INTEGER,
    "kidnapped": INTEGER,
    "perpetrator": {"properties": {"name": KEYWORD, "attribution": KEYWORD, "mention": NAME}},
    "target_type": KEYWORD,
    "confidence": FLOAT,
    "review": BOOLEAN,
    "evidence": STORED_ONLY,
    "embedding": EMBEDDING,
}

KIND_FIELDS: dict[str, dict[str, Any]] = {
    "articles": {
        "id": KEYWORD,
        "url": KEYWORD,
        "urls": KEYWORD,
        "source_id": KEYWORD,
        "outlet": KEYWORD,
        "title": NAME,
        "text": TEXT,
        "paragraphs": {"type": "text", "index": False},
        "authors": KEYWORD,
        "published_at": DATE,
        "fetched_at": DATE,
        "first_seen": DATE,
        "last_seen": DATE,
        "language": KEYWORD,
        "country": KEYWORD,
        "tags": KEYWORD,
        "content_hash": KEYWORD,
        "version": INTEGER,
        "nlp_status": KEYWORD,
        "nlp_processed_at": DATE,
        "nlp_error": TEXT,
        "event_count": INTEGER,
        "embedding": EMBEDDING,
    },
    "events": {
        "id": KEYWORD,
        "article_id": KEYWORD,
        "position": INTEGER,
        "article_url": KEYWORD,
        "article_version": INTEGER,
        "source_id": KEYWORD,
        "outlet": KEYWORD,
        "title": NAME,
        "published_at": DATE,
        "extracted_at": DATE,
        "model_version": KEYWORD,
        "incident_id": KEYWORD,
    },
    "incidents": {
        "incident_id": KEYWORD,
        "sources": {
            "properties": {
                "mention_id": KEYWORD,
                "article_id": KEYWORD,
                "url": KEYWORD,
                "outlet": KEYWORD,
                "title": NAME,
                "published_at": DATE,
                "killed": INTEGER,
                "injured": INTEGER,
                "perpetrator": KEYWORD,
                "attribution": KEYWORD,
                "review": BOOLEAN,
            }
        },
        "mention_ids": KEYWORD,
        "source_count": INTEGER,
        "outlets": KEYWORD,
        "killed_range": {"properties": {"min": INTEGER, "max": INTEGER}},
        "injured_range": {"properties": {"min": INTEGER, "max": INTEGER}},
        "first_reported_at": DATE,
        "last_updated_at": DATE,
        "resolved_at": DATE,
        "updated_at": DATE,
    },
    "crawl-runs": {
        "id": KEYWORD,
        "source_id": KEYWORD,
        "started_at": DATE,
        "ended_at": DATE,
        "status": KEYWORD,
        "pages_fetched": INTEGER,
        "bytes": {"type": "long"},
        "articles_new": INTEGER,
        "articles_updated": INTEGER,
        "articles_unchanged": INTEGER,
        "articles_duplicate": INTEGER,
        "errors": {"properties": {}},  # filled below: one integer per error kind
        "message": TEXT,
        "duration_seconds": FLOAT,
        "error_count": INTEGER,
    },
}


def _crawl_error_fields() -> dict[str, Any]:
    return {name: INTEGER for name in CrawlErrors.model_fields}


KIND_FIELDS["crawl-runs"]["errors"] = {"properties": _crawl_error_fields()}
# Watchlists and alerts (khabar.index.alerts). One `watchlists` index holds every record of the
# watchlist machinery, told apart by `record` (watchlist, message, attempt, state): fewer indices.
KIND_FIELDS |= {
    "watchlists": {
        "record": KEYWORD, "id": KEYWORD, "created_at": DATE,
        # record=watchlist (the secret is stored, never indexed)
        "name": NAME, "filter": STORED_ONLY, "webhook_url": KEYWORD, "email": KEYWORD, "events": KEYWORD,
        "secret": {"type": "keyword", "index": False, "doc_values": False},
        # record=message (the outbox; id = idempotency key) and record=attempt (the delivery log)
        "watchlist_id": KEYWORD, "channel": KEYWORD, "event": KEYWORD, "subject_id": KEYWORD,
        "body": {"type": "text", "index": False}, "status": KEYWORD, "attempts": INTEGER, "next_attempt_at": DATE,
        "delivered_at": DATE, "last_status_code": INTEGER, "last_error": TEXT, "outbox_id": KEYWORD, "attempt": INTEGER,
        "at": DATE, "ok": BOOLEAN, "status_code": INTEGER, "error": TEXT, "duration_seconds": FLOAT,
        # record=state (what the matcher last saw of an incident, and its cursor)
        "incident_id": KEYWORD, "state": STORED_ONLY, "seen_at": DATE,
    },
    "alerts": {"id": KEYWORD, "kind": KEYWORD, "dimension": KEYWORD, "key": KEYWORD, "period_start": DATE,
               "period_end": DATE, "count": INTEGER, "baseline": FLOAT, "ratio": FLOAT, "raised_at": DATE,
               "message": TEXT, "source_id": KEYWORD, "status": KEYWORD},
}
# Analysts' corrections (khabar.index.corrections): one `state` record per corrected incident
# (overrides, pinned mentions, rejected, merged_into) and one `audit` record per change.
KIND_FIELDS["corrections"] = {
    "id": KEYWORD, "record": KEYWORD, "incident_id": KEYWORD, "action": KEYWORD, "key_name": KEYWORD, "role": KEYWORD,
    "at": DATE, "note": TEXT, "fields": KEYWORD, "mention_ids": KEYWORD, "incident_ids": KEYWORD, "merged_into": KEYWORD,
    "rejected": BOOLEAN, "before": STORED_ONLY, "after": STORED_ONLY, "overrides": STORED_ONLY, "updated_at": DATE,
}
KIND_FIELDS["incidents"] |= {"corrected": KEYWORD, "rejected": BOOLEAN, "suggestions": STORED_ONLY}
KIND_FIELDS["incidents"] |= {"review_fields": KEYWORD, "review_notes": {"type": "text", "index": False}}  # figures under review
# The feed's order (khabar.index.store.IncidentStore.changed_page): a change sequence stamped when the
# write is sent (khabar.index.writer), on incidents and on the tombstones of deleted or merged ones.
KIND_FIELDS["incidents"] |= {"change_seq": {"type": "long"}}
KIND_FIELDS["events"] |= {"change_seq": {"type": "long"}}  # incremental resolution: mentions sent since the last run
KIND_FIELDS["articles"] |= {"retracted_seq": {"type": "long"}}  # ... and articles whose re-extraction dropped mentions
KIND_FIELDS["corrections"] |= {"change_seq": {"type": "long"}, "deleted": BOOLEAN}
USES_EVENT_FIELDS = {"events", "incidents"}


def alias_name(settings: Settings, kind: str) -> str:
    """The alias every reader and writer uses for a kind, e.g. `khabar-articles`."""
    if kind not in KINDS:
        raise ValueError(f"unknown index kind {kind!r}; expected one of {', '.join(KINDS)}")
    return f"{settings.elasticsearch.index_prefix}-{kind}"


def index_name(settings: Settings, kind: str, version: int | None = None) -> str:
    """The concrete, versioned index behind a kind's alias."""
    return f"{alias_name(settings, kind)}-v{version or SCHEMA_VERSIONS[kind]}"


@dataclass
class TemplateSet:
    """Component templates and index templates to install, by name."""

    components: dict[str, dict[str, Any]] = field(default_factory=dict)
    index_templates: dict[str, dict[str, Any]] = field(default_factory=dict)


def build_templates(settings: Settings) -> TemplateSet:
    """Every template body Khabar installs, for these settings' index prefix."""
    prefix = settings.elasticsearch.index_prefix
    shared_settings = f"{prefix}-settings"
    event_fields = f"{prefix}-event-fields"
    out = TemplateSet()
    out.components[shared_settings] = {
        "template": {
            "settings": {"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1", "refresh_interval": "1s"}}
        },
        "_meta": {"managed_by": "khabar"},
    }
    out.components[event_fields] = {
        "template": {"mappings": {"properties": EVENT_FIELDS}},
        "_meta": {"managed_by": "khabar"},
    }
    for kind in KINDS:
        component = f"{prefix}-{kind}-mappings"
        out.components[component] = {
            "template": {"mappings": {"dynamic": False, "properties": KIND_FIELDS[kind]}},
            "_meta": {"managed_by": "khabar"},
        }
        composed = [shared_settings] + ([event_fields] if kind in USES_EVENT_FIELDS else []) + [component]
        out.index_templates[alias_name(settings, kind)] = {
            "index_patterns": [f"{alias_name(settings, kind)}-v*"],
            "composed_of": composed,
            "priority": 200,
            "version": SCHEMA_VERSIONS[kind],
            "_meta": {"managed_by": "khabar", "schema_version": SCHEMA_VERSIONS[kind]},
        }
    return out


def _normalise(value: Any) -> Any:
    """Make template bodies comparable: Elasticsearch returns settings as strings."""
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def _covers(expected: Any, actual: Any, path: str, out: list[str]) -> None:
    """Record each place where `actual` lacks or differs from `expected`."""
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            out.append(f"{path}: expected an object, found {actual!r}")
            return
        for key, value in expected.items():
            if key not in actual:
                out.append(f"{path}.{key}: missing")
            else:
                _covers(value, actual[key], f"{path}.{key}", out)
        return
    if expected != actual:
        out.append(f"{path}: expected {expected!r}, found {actual!r}")


def _cluster_component(es: Elasticsearch, name: str) -> dict[str, Any] | None:
    try:
        found = es.cluster.get_component_template(name=name)
    except NotFoundError:
        return None
    items = found.get("component_templates", [])
    return dict(items[0]["component_template"]) if items else None


def _cluster_index_template(es: Elasticsearch, name: str) -> dict[str, Any] | None:
    try:
        found = es.indices.get_index_template(name=name)
    except NotFoundError:
        return None
    items = found.get("index_templates", [])
    return dict(items[0]["index_template"]) if items else None


def template_drift(es: Elasticsearch, settings: Settings) -> list[str]:
    """Differences between the code's templates and the cluster's, one line each."""
    wanted = build_templates(settings)
    drift: list[str] = []
    for name, body in wanted.components.items():
        actual = _cluster_component(es, name)
        if actual is None:
            drift.append(f"component template {name}: missing")
        else:
            _covers(_normalise(body), _normalise(actual), f"component template {name}", drift)
    for name, body in wanted.index_templates.items():
        actual = _cluster_index_template(es, name)
        if actual is None:
            drift.append(f"index template {name}: missing")
        else:
            _covers(_normalise(body), _normalise(actual), f"index template {name}", drift)
    return drift


def alias_drift(es: Elasticsearch, settings: Settings) -> list[str]:
    """Aliases that are missing or point at another version than the code's."""
    drift: list[str] = []
    for kind in KINDS:
        alias, expected = alias_name(settings, kind), index_name(settings, kind)
        try:
            targets = sorted(es.indices.get_alias(name=alias).keys())
        except NotFoundError:
            drift.append(f"alias {alias}: missing (expected on {expected})")
            continue
        if targets != [expected]:
            drift.append(f"alias {alias}: points at {', '.join(targets)}, expected {expected}")
    return drift


def expected_properties(kind: str) -> dict[str, Any]:
    """The field mappings of a kind's index (its composed templates' properties)."""
    properties = dict(EVENT_FIELDS) if kind in USES_EVENT_FIELDS else {}
    properties.update(KIND_FIELDS[kind])
    return properties


def mapping_drift(es: Elasticsearch, settings: Settings, kind: str) -> list[str]:
    """Fields the current index of a kind lacks or maps differently from the code."""
    concrete = index_name(settings, kind)
    if not es.indices.exists(index=concrete):
        return []
    actual = es.indices.get_mapping(index=concrete)[concrete]["mappings"].get("properties", {})
    drift: list[str] = []
    _covers(_normalise(expected_properties(kind)), _normalise(actual), f"index {concrete} mapping", drift)
    return drift


def check_indices(es: Elasticsearch, settings: Settings) -> list[str]:
    """All drift between code and cluster; empty when they agree."""
    drift = template_drift(es, settings) + alias_drift(es, settings)
    for kind in KINDS:
        drift += mapping_drift(es, settings, kind)
    return drift


def init_indices(es: Elasticsearch, settings: Settings) -> list[str]:
    """Install templates and create the current indices with their aliases; idempotent.

    Returns what changed (empty when everything was already in place).
    """
    changes: list[str] = []
    wanted = build_templates(settings)
    for name, body in wanted.components.items():
        actual = _cluster_component(es, name)
        diff: list[str] = []
        if actual is not None:
            _covers(_normalise(body), _normalise(actual), name, diff)
        if actual is None or diff:
            es.cluster.put_component_template(name=name, **body)
            changes.append(f"component template {name}: {'installed' if actual is None else 'updated'}")
    for name, body in wanted.index_templates.items():
        actual = _cluster_index_template(es, name)
        diff = []
        if actual is not None:
            _covers(_normalise(body), _normalise(actual), name, diff)
        if actual is None or diff:
            es.indices.put_index_template(name=name, **body)
            changes.append(f"index template {name}: {'installed' if actual is None else 'updated'}")
    for kind in KINDS:
        alias, concrete = alias_name(settings, kind), index_name(settings, kind)
        if not es.indices.exists(index=concrete):
            older = _alias_targets(es, alias)
            if older:
                changes.append(f"index {concrete}: not created; {alias} is on {', '.join(older)} (run `khabar index migrate`)")
                continue
            es.indices.create(index=concrete, aliases={alias: {"is_write_index": True}})
            changes.append(f"index {concrete}: created behind alias {alias}")
        elif not _alias_targets(es, alias):
            es.indices.put_alias(index=concrete, name=alias, is_write_index=True)
            changes.append(f"alias {alias}: pointed at {concrete}")
        changes += _add_new_fields(es, settings, kind)
    return changes


def _add_new_fields(es: Elasticsearch, settings: Settings, kind: str) -> list[str]:
    """Apply additive mapping changes (new fields) to the current index in place.

    A changed field type cannot be applied in place: that needs a new schema version
    and `khabar index migrate`.
    """
    concrete = index_name(settings, kind)
    if not mapping_drift(es, settings, kind):
        return []
    try:
        es.indices.put_mapping(index=concrete, properties=expected_properties(kind))
    except BadRequestError as exc:
        return [f"index {concrete}: mapping conflicts with the code ({exc.message}); raise its schema version and run `khabar index migrate`"]
    return [f"index {concrete}: new fields added to the mapping"]


def _alias_targets(es: Elasticsearch, alias: str) -> list[str]:
    try:
        return sorted(es.indices.get_alias(name=alias).keys())
    except NotFoundError:
        return []


def migrate(es: Elasticsearch, settings: Settings) -> list[str]:
    """Copy each kind's documents into the current version's index and move the alias atomically."""
    init_indices(es, settings)
    done: list[str] = []
    for kind in KINDS:
        alias, concrete = alias_name(settings, kind), index_name(settings, kind)
        old = [name for name in _alias_targets(es, alias) if name != concrete]
        if not old:
            continue
        if not es.indices.exists(index=concrete):
            es.indices.create(index=concrete)
        docs = helpers.scan(es, index=old, query={"query": {"match_all": {}}})
        actions = ({"_index": concrete, "_id": d["_id"], "_source": d["_source"]} for d in docs)
        copied, _ = helpers.bulk(es, actions, refresh=True)
        swap: list[dict[str, Any]] = [{"remove": {"index": name, "alias": alias}} for name in old]
        swap.append({"add": {"index": concrete, "alias": alias, "is_write_index": True}})
        es.indices.update_aliases(actions=swap)
        done.append(f"{alias}: {copied} documents moved from {', '.join(old)} to {concrete}")
    return done


def doc_counts(es: Elasticsearch, settings: Settings) -> dict[str, int | None]:
    """Document count per kind (None when the alias is missing)."""
    counts: dict[str, int | None] = {}
    for kind in KINDS:
        try:
            counts[alias_name(settings, kind)] = int(es.count(index=alias_name(settings, kind))["count"])
        except NotFoundError:
            counts[alias_name(settings, kind)] = None
    return counts
