"""Trend aggregations on a fixed set of 12 incidents across 2024–2025 (hand-computed numbers)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch

from khabar.core.records import Incident, IncidentSource, Location, Perpetrator
from khabar.core.settings import Settings
from khabar.index.trends import TrendTable, trends
from khabar.index.writer import BulkWriter

TTP = "Tehrik-i-Taliban Pakistan"
BLA = "Balochistan Liberation Army"
ISKP = "Islamic State Khorasan Province"
KP = "Khyber Pakhtunkhwa"
BAL = "Balochistan"

# (date, province, district, event_type, group, killed, injured)
FIXTURE: list[tuple[str, str, str, str, str | None, int, int]] = [
    ("2024-01-10", KP, "Peshawar", "bombing", TTP, 5, 10),
    ("2024-01-20", BAL, "Quetta", "armed_assault", BLA, 3, 0),
    ("2024-03-05", KP, "Bannu", "targeted_killing", None, 1, 0),
    ("2024-03-15", KP, "Peshawar", "security_operation", None, 8, 0),
    ("2024-07-01", "Sindh", "Karachi South", "bombing", BLA, 2, 4),
    ("2025-01-05", KP, "Peshawar", "bombing", TTP, 10, 20),
    ("2025-01-25", KP, "Bannu", "armed_assault", TTP, 4, 2),
    ("2025-01-28", BAL, "Quetta", "bombing", BLA, 6, 9),
    ("2025-03-10", BAL, "Kech", "armed_assault", BLA, 2, 1),
    ("2025-03-12", KP, "Bannu", "security_operation", None, 12, 0),
    ("2025-05-20", "Punjab", "Lahore", "targeted_killing", None, 1, 0),
    ("2025-07-15", KP, "Khyber", "bombing", ISKP, 0, 3),
]


def fixture_incidents() -> list[Incident]:
    """The 12 incidents, each with one or two sources."""
    out = []
    for n, (day, province, district, event_type, group, killed, injured) in enumerate(FIXTURE):
        sources = [
            IncidentSource(
                mention_id=f"m{n}-{k}", article_id=f"a{n}-{k}", url=f"https://news{k}.example/{n}.html", outlet=f"Outlet {k}"
            )
            for k in range(1 + n % 2)
        ]
        out.append(
            Incident(
                incident_id=f"inc{n:02d}",
                event_type=event_type,  # type: ignore[arg-type]
                date=date.fromisoformat(day),
                date_precision="day",
                location=Location(country="Pakistan", province=province, district=district, precision="district"),
                killed=killed,
                injured=injured,
                perpetrator=Perpetrator(name=group, attribution="claimed" if group else "unknown"),
                target_type="militants" if event_type == "security_operation" else "police",
                sources=sources,
                source_count=len(sources),
                outlets=[s.outlet for s in sources],
            )
        )
    return out


def load_fixture(es: Elasticsearch, settings: Settings) -> None:
    writer = BulkWriter(es, settings)
    for incident in fixture_incidents():
        writer.index("incidents", incident.incident_id, incident)
    writer.flush()
    writer.refresh_indices("incidents")


@pytest.fixture
def loaded(es: Elasticsearch, settings: Settings) -> Settings:
    load_fixture(es, settings)
    return settings


def rows(table: TrendTable) -> list[tuple[str, str, int, int | None, float | None]]:
    return [(r.period, r.key, r.value, r.previous_year_value, r.yoy_change_pct) for r in table.rows]


def test_by_group_per_month(es: Elasticsearch, loaded: Settings) -> None:
    table = trends(es, loaded, by="group", interval="month")
    assert rows(table) == [
        ("2024-01", BLA, 1, None, None),
        ("2024-01", TTP, 1, None, None),
        ("2024-03", "Unknown", 1, None, None),
        ("2024-07", BLA, 1, None, None),
        ("2025-01", TTP, 2, 1, 100.0),
        ("2025-01", BLA, 1, 1, 0.0),
        ("2025-03", BLA, 1, 0, None),
        ("2025-03", "Unknown", 0, 1, -100.0),
        ("2025-05", "Unknown", 1, 0, None),
        ("2025-07", ISKP, 1, 0, None),
        ("2025-07", BLA, 0, 1, -100.0),
    ]


def test_by_province_per_year_with_yoy(es: Elasticsearch, loaded: Settings) -> None:
    table = trends(es, loaded, by="province", interval="year", date_from=date(2025, 1, 1), date_to=date(2025, 12, 31))
    assert rows(table) == [
        ("2025", KP, 3, 2, 50.0),
        ("2025", BAL, 2, 1, 100.0),
        ("2025", "Punjab", 1, 0, None),
        ("2025", "Sindh", 0, 1, -100.0),
    ]


def test_killed_metric_and_operations(es: Elasticsearch, loaded: Settings) -> None:
    killed = trends(es, loaded, by="province", interval="year", metric="killed", date_from=date(2025, 1, 1))
    assert rows(killed)[:2] == [("2025", KP, 14, 6, 133.3), ("2025", BAL, 8, 3, 166.7)]
    with_ops = trends(es, loaded, by="province", interval="year", date_from=date(2025, 1, 1), include_operations=True)
    assert rows(with_ops)[0] == ("2025", KP, 4, 3, 33.3)
    by_type = trends(es, loaded, by="event_type", interval="quarter", date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))
    assert ("2025-Q1", "security_operation") not in {(r.period, r.key) for r in by_type.rows}
    assert json.loads(by_type.to_json())["rows"][0]["period"] == "2025-Q1"


def test_trends_command_json(es: Elasticsearch, loaded: Settings) -> None:
    from khabar.cli import main

    runner = CliRunner()
    env = {"KHABAR_ES_URL": loaded.elasticsearch.url, "KHABAR_INDEX_PREFIX": loaded.elasticsearch.index_prefix}
    result = runner.invoke(main, ["trends", "--by", "province", "--interval", "year", "--from", "2025-01-01", "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["rows"][0]["key"] == KP
    table = runner.invoke(main, ["trends", "--by", "group", "--interval", "month"], env=env)
    assert table.exit_code == 0, table.output
    assert "2025-01" in table.output
