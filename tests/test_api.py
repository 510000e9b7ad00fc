"""API contract tests against a real Elasticsearch: auth, validation, filters, pagination, detail."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.cli import main
from khabar.core.errors import ConfigError
from khabar.core.records import Article, EventMention, Incident, IncidentSource, Location, Perpetrator
from khabar.core.settings import ApiSettings, Settings
from khabar.index.client import es_client
from khabar.index.templates import alias_name, init_indices
from tests.conftest import drop_indices, empty_indices, make_settings

KEY = "test-key-123"
AUTH = {"Authorization": f"Bearer {KEY}"}


def incident(n: int, **fields: Any) -> Incident:
    """A small incident; `n` picks its id and (unless given) its date."""
    base: dict[str, Any] = {
        "incident_id": f"inc{n:04d}",
        "date": date(2025, 1, 1) + timedelta(days=n % 300),
        "event_type": "bombing",
        "target_type": "police",
        "location": Location(country="Pakistan", province="Balochistan", district="Quetta", place="Quetta", lat=30.18, lon=66.99),
        "perpetrator": Perpetrator(name="Tehrik-i-Taliban Pakistan", attribution="claimed"),
        "killed": 2,
        "injured": 3,
        "outlets": ["Quetta Chronicle"],
        "sources": [IncidentSource(mention_id=f"m{n}", article_id=f"a{n}", url=f"http://x/{n}.html", outlet="Quetta Chronicle",
                                   title=f"Blast number {n} in Quetta")],
    }
    base.update(fields)
    return Incident(**base)


def put(es: Elasticsearch, settings: Settings, kind: str, doc_id: str, doc: Any, refresh: bool = True) -> None:
    es.index(index=alias_name(settings, kind), id=doc_id, document=doc.model_dump(mode="json"), refresh=refresh)


@pytest.fixture(scope="module")
def module_settings(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """One set of indices for the module (creating them takes seconds); emptied before each test."""
    settings = make_settings(es_url, tmp_path_factory.mktemp("api"), api=ApiSettings(api_keys=[KEY, "other-key"], max_page_size=20))
    init_indices(es_client(settings), settings)
    yield settings
    drop_indices(es_client(settings), settings)


@pytest.fixture
def api_settings(module_settings: Settings) -> Settings:
    empty_indices(es_client(module_settings), module_settings, ("articles", "events", "incidents", "crawl-runs"))
    return module_settings


@pytest.fixture
def es(api_settings: Settings) -> Elasticsearch:
    return es_client(api_settings)


@pytest.fixture
def client(api_settings: Settings) -> TestClient:
    return TestClient(create_app(api_settings, feed_lag_seconds=0.0))


def test_refuses_to_start_without_keys(api_settings: Settings) -> None:
    settings = api_settings.model_copy(update={"api": ApiSettings()})
    with pytest.raises(ConfigError):
        create_app(settings)
    open_app = TestClient(create_app(settings, insecure_no_auth=True))
    assert open_app.get("/v1/incidents").status_code == 200


def test_auth(client: TestClient) -> None:
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz").json()["status"] == "ok"
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"X-API-Key": "wrong"}, {"Authorization": KEY}):
        resp = client.get("/v1/incidents", headers=headers)
        assert resp.status_code == 401
        assert resp.json() == {"detail": "unauthorized"}
    assert client.get("/metrics").status_code == 401
    assert client.get("/v1/incidents", headers=AUTH).status_code == 200
    assert client.get("/v1/incidents", headers={"X-API-Key": "other-key"}).status_code == 200
    assert client.get("/v1/status", headers={"authorization": f"bearer {KEY}"}).status_code == 200
    assert client.get("/openapi.json").status_code == 401
    spec = client.get("/openapi.json", headers=AUTH)
    assert spec.status_code == 200 and "/v1/incidents" in spec.json()["paths"]
    assert client.get("/docs").status_code == 404


def test_public_docs_setting_opens_the_api_description_only(api_settings: Settings) -> None:
    public = api_settings.model_copy(update={"api": api_settings.api.model_copy(update={"public_docs": True})})
    client = TestClient(create_app(public))
    assert client.get("/openapi.json").status_code == 200
    assert client.get("/docs").status_code == 200
    assert client.get("/v1/incidents").status_code == 401


def test_validation(client: TestClient) -> None:
    for params in ({"from": "2025-13-01"}, {"to": "yesterday"}, {"size": "0"}, {"size": "abc"},
                   {"event_type": "picnic"}, {"cursor": "not-a-cursor"}, {"from": "2025-02-01", "to": "2025-01-01"}):
        resp = client.get("/v1/incidents", params=params, headers=AUTH)
        assert resp.status_code == 422, params
        assert resp.json()["detail"]
    assert client.get("/v1/feed", params={"since": "zzz"}, headers=AUTH).status_code == 422


def test_es_down_is_503(api_settings: Settings) -> None:
    down = api_settings.model_copy(update={"elasticsearch": api_settings.elasticsearch.model_copy(update={"url": "http://127.0.0.1:9"})})
    client = TestClient(create_app(down))
    assert client.get("/healthz").status_code == 503
    resp = client.get("/v1/incidents", headers=AUTH)
    assert resp.status_code == 503
    assert "Elasticsearch" in resp.json()["detail"]


def test_filters_and_size_cap(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    put(es, api_settings, "incidents", "inc0001", incident(1, date=date(2024, 5, 1)), refresh=False)
    put(es, api_settings, "incidents", "inc0002", incident(2, event_type="kidnapping", target_type="civilians"), refresh=False)
    put(es, api_settings, "incidents", "inc0003", incident(
        3, location=Location(country="Pakistan", province="Khyber Pakhtunkhwa", district="Bannu"),
        perpetrator=Perpetrator(name="Hafiz Gul Bahadur Group"), outlets=["Frontier Herald"],
        sources=[IncidentSource(mention_id="m3", article_id="a3", url="http://x/3", title="Checkpost stormed in Bannu")]))

    def ids(**params: Any) -> list[str]:
        resp = client.get("/v1/incidents", params=params, headers=AUTH)
        assert resp.status_code == 200, resp.text
        return [item["incident_id"] for item in resp.json()["items"]]

    assert ids() == ["inc0003", "inc0002", "inc0001"]
    assert ids(**{"from": "2025-01-01"}) == ["inc0003", "inc0002"]
    assert ids(to="2024-12-31") == ["inc0001"]
    assert ids(group="Hafiz Gul Bahadur Group") == ["inc0003"]
    assert ids(province="Khyber Pakhtunkhwa") == ["inc0003"]
    assert ids(district="Quetta") == ["inc0002", "inc0001"]
    assert ids(event_type="kidnapping") == ["inc0002"]
    assert ids(target_type="civilians") == ["inc0002"]
    assert ids(outlet="Frontier Herald") == ["inc0003"]
    assert ids(q="checkpost") == ["inc0003"]
    first = client.get("/v1/incidents", params={"size": 1000}, headers=AUTH).json()
    assert first["total"] == 3 and first["next_cursor"] is None
    assert "embedding" not in first["items"][0]


def test_events_and_articles(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    art = Article(url="http://x/a1", title="Grenade attack on shop", text="Two were injured in a grenade attack in Quetta.",
                  outlet="Quetta Chronicle", published_at=datetime(2025, 3, 2, 10, tzinfo=UTC))
    put(es, api_settings, "articles", art.id, art)
    ev = EventMention(article_id=art.id, position=0, title=art.title, outlet="Quetta Chronicle", date=date(2025, 3, 1),
                      event_type="bombing", location=Location(province="Balochistan", district="Quetta"))
    put(es, api_settings, "events", ev.id, ev)
    arts = client.get("/v1/articles", params={"q": "grenade", "outlet": "Quetta Chronicle", "from": "2025-03-02"}, headers=AUTH).json()
    assert [a["id"] for a in arts["items"]] == [art.id]
    assert client.get("/v1/articles", params={"to": "2025-03-01"}, headers=AUTH).json()["items"] == []
    events = client.get("/v1/events", params={"district": "Quetta", "q": "grenade"}, headers=AUTH).json()
    assert [e["id"] for e in events["items"]] == [ev.id]


def test_pagination_complete_while_inserting(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    for n in range(30):
        put(es, api_settings, "incidents", f"inc{n:04d}", incident(n, date=date(2025, 1, 1) + timedelta(days=n // 3)), refresh=False)
    es.indices.refresh(index=alias_name(api_settings, "incidents"))
    seen: list[str] = []
    cursor, extra = None, 100
    while True:
        params: dict[str, Any] = {"size": 4}
        if cursor:
            params["cursor"] = cursor
        page = client.get("/v1/incidents", params=params, headers=AUTH).json()
        seen += [item["incident_id"] for item in page["items"]]
        # New incidents arrive between pages: newest, oldest and same-day as the page edge.
        for when in (date(2026, 1, 1), date(2020, 1, 1), date(2025, 1, 5)):
            put(es, api_settings, "incidents", f"inc{extra:04d}", incident(extra, date=when))
            extra += 1
        cursor = page["next_cursor"]
        if not cursor:
            break
    old = [s for s in seen if int(s[3:]) < 30]
    assert sorted(old) == [f"inc{n:04d}" for n in range(30)]
    assert len(seen) == len(set(seen)), "an incident was returned twice"


def test_incident_detail(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    put(es, api_settings, "incidents", "inc0007", incident(7, evidence={}))
    ev = EventMention(article_id="a7", position=0, incident_id="inc0007", event_type="bombing")
    put(es, api_settings, "events", ev.id, ev)
    resp = client.get("/v1/incidents/inc0007", headers=AUTH)
    assert resp.status_code == 200
    body = resp.json()
    assert body["sources"][0]["url"] == "http://x/7.html"
    assert "evidence" in body and [m["id"] for m in body["mentions"]] == [ev.id]
    assert client.get("/v1/incidents/nope", headers=AUTH).status_code == 404


def test_metrics_and_status(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    put(es, api_settings, "incidents", "inc0001", incident(1))
    text = client.get("/metrics", headers=AUTH).text
    assert 'khabar_documents{kind="incidents"} 1.0' in text
    assert "khabar_crawl_errors_total" in text and "khabar_elasticsearch_up 1.0" in text
    status = client.get("/v1/status", headers=AUTH).json()
    assert status["spool_size"] == 0 and status["articles_pending"] == 0


def test_trends_matches_library(client: TestClient, es: Elasticsearch, api_settings: Settings) -> None:
    from khabar.index.trends import trends

    for n in range(4):
        put(es, api_settings, "incidents", f"inc{n:04d}", incident(n, date=date(2025, 1 + n, 1)), refresh=False)
    es.indices.refresh(index=alias_name(api_settings, "incidents"))
    resp = client.get("/v1/trends", params={"by": "province", "interval": "quarter", "from": "2025-01-01"}, headers=AUTH)
    assert resp.status_code == 200, resp.text
    expected = trends(es, api_settings, by="province", interval="quarter", date_from=date(2025, 1, 1))
    assert resp.json() == json.loads(expected.to_json())
    assert client.get("/v1/trends", params={"by": "weather"}, headers=AUTH).status_code == 422


def test_serve_refuses_without_keys(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("KHABAR_API_KEYS", raising=False)
    monkeypatch.setenv("KHABAR_DATA_DIR", str(tmp_path))
    result = CliRunner().invoke(main, ["serve", "--no-scheduler"])
    assert result.exit_code == 2 and "no API keys configured" in result.output
    both = CliRunner().invoke(main, ["serve", "--no-api", "--no-scheduler"])
    assert both.exit_code == 2
