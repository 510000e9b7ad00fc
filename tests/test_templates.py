"""Index templates and aliases on the real Elasticsearch."""

from __future__ import annotations

from elasticsearch import Elasticsearch

from khabar.core.settings import Settings
from khabar.index.client import es_client
from khabar.index.templates import KINDS, alias_name, check_indices, index_name, init_indices


def test_init_is_idempotent_and_check_reports_no_drift(bare_settings: Settings) -> None:
    es = es_client(bare_settings)
    first = init_indices(es, bare_settings)
    assert any("created" in line for line in first)
    assert init_indices(es, bare_settings) == []
    assert check_indices(es, bare_settings) == []
    for kind in KINDS:
        assert list(es.indices.get_alias(name=alias_name(bare_settings, kind))) == [index_name(bare_settings, kind)]


def test_check_reports_drift(settings: Settings, es: Elasticsearch) -> None:
    prefix = settings.elasticsearch.index_prefix
    es.cluster.put_component_template(
        name=f"{prefix}-incidents-mappings",
        template={"mappings": {"properties": {"incident_id": {"type": "text"}}}},
    )
    drift = check_indices(es, settings)
    assert any("incidents-mappings" in line and "incident_id" in line for line in drift)
    init_indices(es, settings)
    assert check_indices(es, settings) == []


def test_mappings_have_counting_fields_geo_and_vectors(settings: Settings, es: Elasticsearch) -> None:
    mapping = es.indices.get_mapping(index=alias_name(settings, "incidents"))
    props = next(iter(mapping.values()))["mappings"]["properties"]
    assert props["perpetrator"]["properties"]["name"]["type"] == "keyword"
    assert props["location"]["properties"]["district"]["type"] == "keyword"
    assert props["location"]["properties"]["point"]["type"] == "geo_point"
    assert props["embedding"]["type"] == "dense_vector"
    assert props["date"]["type"] == "date"
    articles = next(iter(es.indices.get_mapping(index=alias_name(settings, "articles")).values()))
    assert articles["mappings"]["properties"]["title"]["fields"]["keyword"]["type"] == "keyword"


def test_new_schema_version_rolls_out_behind_the_alias(settings: Settings, es: Elasticsearch, monkeypatch) -> None:
    from khabar.index import templates

    alias = alias_name(settings, "articles")
    es.index(index=alias, id="a1", document={"title": "kept across versions"}, refresh=True)
    monkeypatch.setitem(templates.SCHEMA_VERSIONS, "articles", 2)
    changes = init_indices(es, settings)
    assert any("khabar index migrate" in line for line in changes)
    assert any(f"alias {alias}" in line for line in check_indices(es, settings))
    moved = templates.migrate(es, settings)
    assert any("1 documents moved" in line for line in moved)
    assert list(es.indices.get_alias(name=alias)) == [index_name(settings, "articles", 2)]
    assert es.get(index=alias, id="a1")["_source"]["title"] == "kept across versions"
    assert check_indices(es, settings) == []


def test_new_field_is_added_to_the_current_index_in_place(settings: Settings, es: Elasticsearch, monkeypatch) -> None:
    from khabar.index import templates

    monkeypatch.setitem(templates.KIND_FIELDS, "articles", {**templates.KIND_FIELDS["articles"], "summary": templates.TEXT})
    drift = check_indices(es, settings)
    assert any("summary" in line for line in drift)
    changes = init_indices(es, settings)
    assert any("new fields added" in line for line in changes)
    assert check_indices(es, settings) == []
    props = next(iter(es.indices.get_mapping(index=alias_name(settings, "articles")).values()))["mappings"]["properties"]
    assert props["summary"]["type"] == "text"
