"""Exports: JSON Lines, flat CSV, GTD-style CSV and GeoJSON, via the library and the CLI."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.app.export import CSV_COLUMNS, GTD_COLUMNS, export
from khabar.cli import main
from khabar.core.records import EventMention, Incident, IncidentSource, Location, Perpetrator
from khabar.core.settings import Settings
from khabar.index.client import es_client
from khabar.index.store import Store
from khabar.index.templates import alias_name, init_indices
from tests.conftest import drop_indices, make_settings


@pytest.fixture(scope="module")
def stored(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """One set of indices with three incidents and one event, shared by the module's tests."""
    settings = make_settings(es_url, tmp_path_factory.mktemp("export"))
    es = es_client(settings)
    init_indices(es, settings)
    incidents = [
        Incident(incident_id="b1", date=date(2025, 3, 4), date_precision="day", event_type="bombing", suicide=True,
                 target_type="police", killed=7, injured=12,
                 location=Location(country="Pakistan", province="Khyber Pakhtunkhwa", district="Bannu", place="Bannu", lat=32.99, lon=70.6),
                 perpetrator=Perpetrator(name="Tehrik-i-Taliban Pakistan", attribution="claimed"),
                 sources=[IncidentSource(mention_id="m1", article_id="a1", url="http://x/bannu.html", title="Seven killed in Bannu")]),
        Incident(incident_id="k1", date=date(2025, 6, 1), date_precision="month", event_type="kidnapping",
                 target_type="civilians", location=Location(country="Pakistan", province="Balochistan"),
                 review_fields=["killed"]),
        Incident(incident_id="o1", date=date(2024, 9, 9), event_type="security_operation", target_type="militants",
                 attackers_killed=6, location=Location(province="Khyber Pakhtunkhwa", district="North Waziristan", lat=33.0, lon=70.1)),
    ]
    ops: list[dict[str, object]] = []
    for inc in incidents:
        ops += [{"index": {"_index": alias_name(settings, "incidents"), "_id": inc.incident_id}}, inc.model_dump(mode="json")]
    mention = EventMention(article_id="a1", position=0, date=date(2025, 3, 4), event_type="bombing", incident_id="b1",
                           article_url="http://x/bannu.html", title="Seven killed in Bannu", embedding=[0.1] * 384)
    ops += [{"index": {"_index": alias_name(settings, "events"), "_id": mention.id}}, mention.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)
    yield settings
    drop_indices(es, settings)


@pytest.fixture
def es(stored: Settings) -> Elasticsearch:
    return es_client(stored)


def run(es: Elasticsearch, settings: Settings, **kwargs: object) -> tuple[int, str]:
    buf = io.StringIO()
    count = export(Store(es, settings), buf, **kwargs)  # type: ignore[arg-type]
    return count, buf.getvalue()


def test_jsonl(es: Elasticsearch, stored: Settings) -> None:
    count, text = run(es, stored, fmt="jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert count == len(lines) == 3
    assert {line["incident_id"] for line in lines} == {"b1", "k1", "o1"}
    count, text = run(es, stored, what="events", fmt="jsonl")
    assert count == 1 and "embedding" not in json.loads(text)
    assert run(es, stored, fmt="jsonl", date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))[0] == 1


def test_flat_csv(es: Elasticsearch, stored: Settings) -> None:
    count, text = run(es, stored, fmt="csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 3 and list(rows[0]) == CSV_COLUMNS["incidents"]
    bannu = next(r for r in rows if r["incident_id"] == "b1")
    assert bannu["source_urls"] == "http://x/bannu.html" and bannu["killed"] == "7"
    assert bannu["review"] == "" and next(r for r in rows if r["incident_id"] == "k1")["review"] == "killed"
    count, text = run(es, stored, what="events", fmt="csv")
    assert [row["review"] for row in csv.DictReader(io.StringIO(text))] == ["False"]


def test_gtd_csv(es: Elasticsearch, stored: Settings) -> None:
    count, text = run(es, stored, fmt="gtd-csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert text.splitlines()[0] == ",".join(GTD_COLUMNS)
    assert count == 2 and {r["eventid"] for r in rows} == {"b1", "k1"}  # the security operation is left out
    bannu = next(r for r in rows if r["eventid"] == "b1")
    assert bannu == {
        "eventid": "b1", "iyear": "2025", "imonth": "3", "iday": "4", "country_txt": "Pakistan",
        "provstate": "Khyber Pakhtunkhwa", "city": "Bannu", "latitude": "32.99", "longitude": "70.6",
        "attacktype1_txt": "Bombing/Explosion", "targtype1_txt": "Police", "gname": "Tehrik-i-Taliban Pakistan",
        "claimed": "1", "nkill": "7", "nwound": "12", "suicide": "1", "summary": "Seven killed in Bannu",
        "scite1": "http://x/bannu.html",
    }
    kidnap = next(r for r in rows if r["eventid"] == "k1")
    assert (kidnap["attacktype1_txt"], kidnap["iday"], kidnap["gname"], kidnap["nkill"]) == ("Hostage Taking (Kidnapping)", "0", "Unknown", "")
    assert run(es, stored, fmt="gtd-csv", include_operations=True)[0] == 3


def test_geojson(es: Elasticsearch, stored: Settings) -> None:
    count, text = run(es, stored, fmt="geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection" and len(data["features"]) == count == 3
    points = {f["id"]: f["geometry"] for f in data["features"]}
    assert points["b1"] == {"type": "Point", "coordinates": [70.6, 32.99]}
    assert points["k1"] is None


def test_cli_export(es: Elasticsearch, stored: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KHABAR_ES_URL", stored.elasticsearch.url)
    monkeypatch.setenv("KHABAR_INDEX_PREFIX", stored.elasticsearch.index_prefix)
    monkeypatch.setenv("KHABAR_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "gtd.csv"
    result = CliRunner().invoke(main, ["export", "--format", "gtd-csv", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text().splitlines()[0].startswith("eventid,iyear,imonth,iday")
    assert len(out.read_text().splitlines()) == 3
    bad = CliRunner().invoke(main, ["export", "--from", "2025-02-30"])
    assert bad.exit_code == 2 and "not a date" in bad.output
