"""Roles on API keys and analysts' corrections, against a real Elasticsearch.

Mentions are seeded and resolved by the real resolver; corrections go through the API and
must survive later resolution, show in the history, the feed and the trends.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app.api import create_app
from khabar.app.export import export
from khabar.cli import main
from khabar.core.records import Article, EventMention, Location, Perpetrator, stable_id
from khabar.core.settings import ApiKey, ApiSettings, Settings, load_settings
from khabar.incidents.resolve import resolve_incidents
from khabar.incidents.review import Review
from khabar.index.client import es_client
from khabar.index.corrections import CorrectionConflict, CorrectionState, CorrectionStore
from khabar.index.store import Store
from khabar.index.templates import KINDS, alias_name, init_indices
from khabar.nlp.classify import softmax
from khabar.tools.train import HEAD_TYPES, load_seed, train_heads
from khabar.tools.train_corrections import load_corrections
from tests.conftest import drop_indices, empty_indices, make_settings

READER = "reader-key-1"
ANALYST = "analyst-key-1"
R = {"Authorization": f"Bearer {READER}"}
A = {"Authorization": f"Bearer {ANALYST}"}
QUETTA = Location(country="Pakistan", province="Balochistan", district="Quetta", place="Quetta", lat=30.18, lon=66.99,
                  precision="district")
PESHAWAR = Location(country="Pakistan", province="Khyber Pakhtunkhwa", district="Peshawar", lat=34.0, lon=71.5,
                    precision="district")


# -- roles (no Elasticsearch needed) -------------------------------------------------------
def test_env_keys_take_an_analyst_suffix() -> None:
    settings = load_settings(path=None, env={"KHABAR_API_KEYS": "k1,k2:analyst,k3:reader"})
    keys = settings.api.all_keys()
    assert [(k.key, k.role) for k in keys] == [("k1", "reader"), ("k2", "analyst"), ("k3", "reader")]
    assert len({k.name for k in keys}) == 3 and all("k2" not in k.name for k in keys)  # names don't reveal keys


def test_named_keys_in_config(tmp_path: Any) -> None:
    config = tmp_path / "khabar.yaml"
    config.write_text("api:\n  keys:\n    - {name: ayesha, key: s3cret, role: analyst}\n    - {name: dash, key: d4sh}\n"
                      "  api_keys: [old-key]\n")
    keys = load_settings(config, env={}).api.all_keys()
    assert [(k.name, k.role) for k in keys][:2] == [("ayesha", "analyst"), ("dash", "reader")]
    assert keys[2].key == "old-key" and keys[2].role == "reader"


def test_unknown_role_is_refused(tmp_path: Any) -> None:
    from khabar.core.errors import ConfigError

    config = tmp_path / "khabar.yaml"
    config.write_text("api:\n  keys:\n    - {name: x, key: y, role: admin}\n")
    with pytest.raises(ConfigError, match="api.keys"):
        load_settings(config, env={})


def test_a_key_configured_twice_is_refused_without_showing_it() -> None:
    from khabar.core.errors import ConfigError

    with pytest.raises(ConfigError, match="more than once") as raised:
        create_app(Settings(api=ApiSettings(api_keys=["s3cr3t-dup", "s3cr3t-dup:analyst"])))
    assert "s3cr3t-dup" not in str(raised.value)
    twins = [ApiKey(name="ayesha", key="k1", role="analyst"), ApiKey(name="ayesha", key="k2")]
    with pytest.raises(ConfigError, match="ayesha"):
        create_app(Settings(api=ApiSettings(keys=twins)))


# -- fixtures --------------------------------------------------------------------------------
def mention(article: str, *, day: date, location: Location = QUETTA, killed: int | None = 5, event_type: str = "bombing",
            position: int = 0, hour: int = 8) -> EventMention:
    return EventMention(article_id=article, position=position, event_type=event_type, date=day, date_precision="day",  # type: ignore[arg-type]
                        location=location, killed=killed, injured=3, target_type="police",
                        perpetrator=Perpetrator(name="Tehrik-i-Taliban Pakistan", attribution="claimed"),
                        outlet=f"outlet-{article}", title=f"Report {article}", article_url=f"http://news.test/{article}",
                        published_at=datetime(day.year, day.month, day.day, hour, tzinfo=UTC), confidence=0.8)


def seed(es: Elasticsearch, settings: Settings, mentions: list[EventMention]) -> None:
    ops: list[dict[str, Any]] = []
    for m in mentions:
        article = Article(id=m.article_id, url=m.article_url, title=m.title, outlet=m.outlet, published_at=m.published_at,
                          text=f"{m.title}. A bomb went off in {m.location.district}, killing {m.killed} policemen.")
        ops += [{"index": {"_index": alias_name(settings, "articles"), "_id": article.id}}, article.model_dump(mode="json")]
        ops += [{"index": {"_index": alias_name(settings, "events"), "_id": m.id}}, m.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


@pytest.fixture(scope="module")
def module_settings(es_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Settings]:
    """One set of indices for the module (creating them takes seconds); emptied before each test."""
    keys = [ApiKey(name="dash", key=READER, role="reader"), ApiKey(name="ayesha", key=ANALYST, role="analyst")]
    settings = make_settings(es_url, tmp_path_factory.mktemp("corrections"), api=ApiSettings(keys=keys))
    init_indices(es_client(settings), settings)
    yield settings
    drop_indices(es_client(settings), settings)


@pytest.fixture
def api_settings(module_settings: Settings) -> Settings:
    empty_indices(es_client(module_settings), module_settings, tuple(KINDS))
    return module_settings


@pytest.fixture
def es(api_settings: Settings) -> Elasticsearch:
    return es_client(api_settings)


@pytest.fixture
def store(es: Elasticsearch, api_settings: Settings) -> Store:
    return Store(es, api_settings)


@pytest.fixture
def client(store: Store, api_settings: Settings) -> TestClient:
    return TestClient(create_app(api_settings, store=store, feed_lag_seconds=0))


@pytest.fixture
def seeded(es: Elasticsearch, api_settings: Settings, store: Store) -> dict[str, str]:
    """Two reports of one Quetta bombing, one Peshawar attack; resolved. Returns incident ids by name."""
    seed(es, api_settings, [mention("a1", day=date(2025, 3, 4)), mention("a2", day=date(2025, 3, 4), killed=6, hour=12),
                            mention("a3", day=date(2025, 3, 20), location=PESHAWAR, killed=2)])
    report = resolve_incidents(store)
    assert report.incidents_created == 2
    incidents = store.incidents.since(None)
    by_district = {i.location.district: i.incident_id for i in incidents.values()}
    return {"quetta": by_district["Quetta"], "peshawar": by_district["Peshawar"]}


def incident_doc(client: TestClient, incident_id: str) -> dict[str, Any]:
    resp = client.get(f"/v1/incidents/{incident_id}", headers=R)
    assert resp.status_code == 200, resp.text
    return resp.json()


def killed_in_trends(client: TestClient) -> dict[str, int]:
    rows = client.get("/v1/trends", params={"by": "district", "metric": "killed"}, headers=R).json()["rows"]
    return {r["key"]: r["value"] for r in rows}


# -- roles over HTTP --------------------------------------------------------------------------
def test_reader_gets_403_on_every_write_and_analyst_passes(client: TestClient, seeded: dict[str, str]) -> None:
    quetta = seeded["quetta"]
    writes = [
        ("PATCH", f"/v1/incidents/{quetta}", {"killed": 9}),
        ("POST", f"/v1/incidents/{quetta}/split", {"mention_ids": ["x"]}),
        ("POST", "/v1/incidents/merge", {"incident_ids": [quetta, seeded["peshawar"]]}),
        ("POST", f"/v1/incidents/{quetta}/reject", {}),
    ]
    for method, path, body in writes:
        assert client.request(method, path, json=body, headers=R).status_code == 403, path
        assert client.request(method, path, json=body).status_code == 401, path
    assert incident_doc(client, quetta)["killed"] == 6  # nothing changed
    assert client.get("/v1/whoami", headers=A).json() == {"name": "ayesha", "role": "analyst"}
    assert client.get("/v1/whoami", headers=R).json() == {"name": "dash", "role": "reader"}
    assert client.patch(f"/v1/incidents/{quetta}", json={"killed": 9}, headers=A).status_code == 200


def test_env_style_analyst_key_works_over_http(api_settings: Settings, es: Elasticsearch) -> None:
    env_settings = api_settings.model_copy(update={"api": ApiSettings(api_keys=["plain", "boss:analyst"])})
    app = TestClient(create_app(env_settings, store=Store(es, env_settings)))
    assert app.get("/v1/whoami", headers={"X-API-Key": "plain"}).json()["role"] == "reader"
    assert app.get("/v1/whoami", headers={"X-API-Key": "boss"}).json()["role"] == "analyst"
    assert app.get("/v1/incidents", headers={"X-API-Key": "boss"}).status_code == 200
    assert app.get("/v1/incidents", headers={"X-API-Key": "boss:analyst"}).status_code == 401
    assert app.patch("/v1/incidents/nope", json={"killed": 1}, headers={"X-API-Key": "plain"}).status_code == 403
    assert app.patch("/v1/incidents/nope", json={"killed": 1}, headers={"X-API-Key": "boss"}).status_code == 404


# -- corrections ----------------------------------------------------------------------------
def test_patch_is_audited_and_flagged(client: TestClient, seeded: dict[str, str]) -> None:
    quetta = seeded["quetta"]
    resp = client.patch(f"/v1/incidents/{quetta}", headers=A, json={
        "killed": 11, "perpetrator": {"name": "BLA", "attribution": "blamed"}, "location": {"district": "Kech"},
        "event_type": "armed_assault", "note": "the police statement says 11"})
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["killed"] == 11 and body["event_type"] == "armed_assault"
    assert body["perpetrator"]["name"] == "Balochistan Liberation Army" and body["perpetrator"]["attribution"] == "blamed"
    assert body["location"]["district"] == "Kech" and body["location"]["province"] == "Balochistan"
    assert body["location"]["lat"] is not None
    assert body["corrected"] == ["event_type", "killed", "location", "perpetrator"]
    assert body["suggestions"]["killed"] == 6  # the machine's figure, beside the analyst's
    history = client.get(f"/v1/incidents/{quetta}/history", headers=R).json()["history"]
    assert len(history) == 1
    entry = history[0]
    assert entry["key_name"] == "ayesha" and entry["action"] == "patch" and entry["note"] == "the police statement says 11"
    assert entry["before"]["killed"] == 6 and entry["after"]["killed"] == 11
    assert entry["before"]["location"]["district"] == "Quetta" and entry["after"]["location"]["district"] == "Kech"
    assert datetime.fromisoformat(entry["at"]) <= datetime.now(UTC)
    listed = {flag: [i["incident_id"] for i in client.get("/v1/incidents", params={"corrected": flag}, headers=R).json()["items"]]
              for flag in ("true", "false")}
    assert listed == {"true": [quetta], "false": [seeded["peshawar"]]}


def test_unknown_group_or_district_gets_422_naming_choices(client: TestClient, seeded: dict[str, str]) -> None:
    quetta = seeded["quetta"]
    resp = client.patch(f"/v1/incidents/{quetta}", json={"perpetrator": {"name": "Imaginary Front"}}, headers=A)
    assert resp.status_code == 422 and "Tehrik-i-Taliban Pakistan" in resp.json()["detail"]
    resp = client.patch(f"/v1/incidents/{quetta}", json={"location": {"district": "Atlantis"}}, headers=A)
    assert resp.status_code == 422 and "Quetta" in resp.json()["detail"] and "Atlantis" in resp.json()["detail"]
    resp = client.patch(f"/v1/incidents/{quetta}", json={"event_type": "picnic"}, headers=A)
    assert resp.status_code == 422 and "bombing" in resp.text
    assert client.get(f"/v1/incidents/{quetta}/history", headers=R).json()["history"] == []
    assert client.get("/v1/incidents/no-such-incident/history", headers=R).status_code == 404


def test_correction_survives_resolve_and_reprocessing(client: TestClient, seeded: dict[str, str], es: Elasticsearch,
                                                      api_settings: Settings, store: Store) -> None:
    quetta = seeded["quetta"]
    assert client.patch(f"/v1/incidents/{quetta}", json={"killed": 11}, headers=A).status_code == 200
    resolve_incidents(store)
    doc = incident_doc(client, quetta)
    assert doc["killed"] == 11 and doc["corrected"] == ["killed"]
    # reprocessing re-extracts the mentions (same ids) with a newer machine figure; a new report joins
    seed(es, api_settings, [mention("a2", day=date(2025, 3, 4), killed=8, hour=12),
                            mention("a0", day=date(2025, 3, 4), killed=7, hour=6)])  # earlier than a1: would change the id
    resolve_incidents(store)
    doc = incident_doc(client, quetta)
    assert doc["killed"] == 11 and doc["suggestions"]["killed"] == 8
    assert len(doc["mention_ids"]) == 3 and {m["incident_id"] for m in doc["mentions"]} == {quetta}
    assert killed_in_trends(client)["Quetta"] == 11


def test_split_is_respected_by_resolution(client: TestClient, seeded: dict[str, str], store: Store) -> None:
    quetta = seeded["quetta"]
    mentions = incident_doc(client, quetta)["mention_ids"]
    resp = client.post(f"/v1/incidents/{quetta}/split", json={"mention_ids": [mentions[1]], "note": "two attacks"}, headers=A)
    assert resp.status_code == 200, resp.text
    new_id = resp.json()["new_incident"]["incident_id"]
    assert resp.json()["incident"]["mention_ids"] == [mentions[0]]
    assert resp.json()["new_incident"]["mention_ids"] == [mentions[1]]
    bad = client.post(f"/v1/incidents/{quetta}/split", json={"mention_ids": [mentions[0]]}, headers=A)
    assert bad.status_code == 422  # nothing would be left
    resolve_incidents(store)  # the machine would merge them again; the split holds
    assert incident_doc(client, quetta)["mention_ids"] == [mentions[0]]
    assert incident_doc(client, new_id)["mention_ids"] == [mentions[1]]
    assert [h["action"] for h in client.get(f"/v1/incidents/{new_id}/history", headers=R).json()["history"]] == ["split"]
    merged = client.post("/v1/incidents/merge", json={"incident_ids": [quetta, new_id]}, headers=A)  # changed their mind
    assert merged.status_code == 200 and len(merged.json()["mention_ids"]) == 2
    again = client.post(f"/v1/incidents/{merged.json()['incident_id']}/split", json={"mention_ids": [mentions[1]]}, headers=A)
    assert again.status_code == 200, again.text
    rest_id, split_id = again.json()["incident"]["incident_id"], again.json()["new_incident"]["incident_id"]
    assert rest_id == min(quetta, new_id) and split_id != rest_id  # whichever id survived the merge
    assert incident_doc(client, split_id)["mention_ids"] == [mentions[1]]
    assert incident_doc(client, rest_id)["mention_ids"] == [mentions[0]]
    review = Review(CorrectionStore(store.es, store.settings))  # splitting off from the incident that has the reports' id
    taken = stable_id("incident", "split", mentions[1])
    assert review._split_id(taken, [mentions[1]]) not in (taken, rest_id)


def test_merge_redirects_and_holds(client: TestClient, seeded: dict[str, str], store: Store) -> None:
    ids = sorted(seeded.values())
    resp = client.post("/v1/incidents/merge", json={"incident_ids": list(reversed(ids))}, headers=A)
    assert resp.status_code == 200, resp.text
    survivor = resp.json()
    assert survivor["incident_id"] == ids[0] and len(survivor["mention_ids"]) == 3
    assert incident_doc(client, ids[1])["incident_id"] == ids[0]  # the old id answers with the survivor
    resolve_incidents(store)
    assert incident_doc(client, ids[1])["incident_id"] == ids[0]
    assert len(incident_doc(client, ids[0])["mention_ids"]) == 3
    listed = client.get("/v1/incidents", headers=R).json()
    assert [i["incident_id"] for i in listed["items"]] == [ids[0]]


def test_rejected_incident_leaves_trends_and_appears_in_feed(client: TestClient, seeded: dict[str, str], store: Store) -> None:
    assert set(killed_in_trends(client)) == {"Quetta", "Peshawar"}
    assert (store.report(2025).attacks, store.report(2025).deaths) == (2, 8)
    since = client.get("/v1/feed", headers=R).headers.get("X-Next-Cursor")
    resp = client.post(f"/v1/incidents/{seeded['peshawar']}/reject", json={"note": "a drill"}, headers=A)
    assert resp.status_code == 200 and resp.json()["rejected"] is True
    assert set(killed_in_trends(client)) == {"Quetta"}  # at once, no wait
    assert (store.report(2025).attacks, store.report(2025).deaths) == (1, 6)
    changes = [json.loads(line) for line in client.get("/v1/feed", params={"since": since}, headers=R).text.splitlines()]
    assert [(c["incident_id"], c["rejected"]) for c in changes] == [(seeded["peshawar"], True)]
    resolve_incidents(store)
    assert set(killed_in_trends(client)) == {"Quetta"}
    assert incident_doc(client, seeded["peshawar"])["rejected"] is True  # kept, for training


def test_corrected_fields_are_in_exports(client: TestClient, seeded: dict[str, str], store: Store) -> None:
    assert client.patch(f"/v1/incidents/{seeded['quetta']}", json={"killed": 11}, headers=A).status_code == 200
    lines = io.StringIO()
    export(store, lines, fmt="jsonl")
    by_id = {d["incident_id"]: d for d in map(json.loads, lines.getvalue().splitlines())}
    assert by_id[seeded["quetta"]]["corrected"] == ["killed"] and by_id[seeded["peshawar"]]["corrected"] == []
    table = io.StringIO()
    export(store, table, fmt="csv")
    rows = {r["incident_id"]: r for r in csv.DictReader(io.StringIO(table.getvalue()))}
    assert rows[seeded["quetta"]]["corrected"] == "killed" and rows[seeded["quetta"]]["killed"] == "11"


# -- corrections teach the heads ---------------------------------------------------------------
def hashed_embed(texts: list[str], dims: int = 256) -> np.ndarray:
    """A small fake embedder: hashed bag of words, unit length (fast, deterministic)."""
    out = np.zeros((len(texts), dims), dtype=np.float32)
    for row, text in enumerate(texts):
        for word in re.findall(r"[a-z]+", text.lower()):
            out[row, int(hashlib.md5(word.encode()).hexdigest()[:6], 16) % dims] += 1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1, norms)


def predicted_type(heads: dict[str, np.ndarray], text: str) -> str:
    scores = softmax(hashed_embed([text]) @ heads["type_W"] + heads["type_b"])[0]
    return HEAD_TYPES[int(scores.argmax())]


def test_corrected_type_becomes_a_training_example_that_changes_the_head(
        client: TestClient, seeded: dict[str, str], api_settings: Settings, tmp_path: Path) -> None:
    quetta = seeded["quetta"]
    assert client.patch(f"/v1/incidents/{quetta}", json={"event_type": "kidnapping"}, headers=A).status_code == 200
    assert client.post(f"/v1/incidents/{seeded['peshawar']}/reject", headers=A).status_code == 200
    exported = tmp_path / "corrections.jsonl"
    env = {"KHABAR_ES_URL": api_settings.elasticsearch.url, "KHABAR_INDEX_PREFIX": api_settings.elasticsearch.index_prefix,
           "KHABAR_DATA_DIR": str(api_settings.data_dir)}
    result = CliRunner().invoke(main, ["corrections", "export", "--output", str(exported)], env=env)
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert {(ln["article_id"], ln["field"], ln["value"]) for ln in lines} == {
        ("a1", "event_type", "kidnapping"), ("a2", "event_type", "kidnapping"), ("a3", "relevant", False)}
    assert all("A bomb went off" in ln["text"] and ln["corrected_by"] == "ayesha" for ln in lines)

    corrections = load_corrections(exported, dev_share=0.0)
    assert sorted((ex.relevant, tuple(ex.types)) for ex in corrections) == [(0, ()), (1, ("kidnapping",)), (1, ("kidnapping",))]
    text = next(ex.text for ex in corrections if ex.types)
    base = load_seed()
    before = train_heads(base, hashed_embed([ex.text for ex in base]))
    with_corrections = base + corrections
    after = train_heads(with_corrections, hashed_embed([ex.text for ex in with_corrections]))
    assert predicted_type(before, text) != "kidnapping"
    assert predicted_type(after, text) == "kidnapping"


def test_eval_corrections_scores_the_shipped_heads_on_corrected_texts(tmp_path: Path) -> None:
    exported = tmp_path / "corrections.jsonl"
    lines = [
        {"title": "Blast in Peshawar", "text": "A suicide bomber blew himself up at a mosque in Peshawar, killing 30 worshippers.",
         "field": "event_type", "value": "bombing"},
        {"title": "Cricket", "text": "Pakistan beat Australia by five wickets in the second Test in Rawalpindi.",
         "field": "relevant", "value": False},
        {"title": "Toll", "text": "Seven were killed in Quetta.", "field": "killed", "value": 7},  # not a head label
    ]
    exported.write_text("".join(json.dumps(line) + "\n" for line in lines))
    result = CliRunner().invoke(main, ["eval", "corrections", str(exported), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"type_n": 1.0, "rejected_n": 1.0, "type_accuracy": 1.0, "rejected_accuracy": 1.0}
    exported.write_text("{not json\n")
    bad = CliRunner().invoke(main, ["eval", "corrections", str(exported)])
    assert bad.exit_code == 1 and "corrections.jsonl:1: not JSON" in bad.output


def test_console_files_and_map_data_are_served(client: TestClient) -> None:
    page = client.get("/ui/")
    assert page.status_code == 200 and "Khabar console" in page.text and "app.js" in page.text
    assert client.get("/ui/app.js").status_code == 200 and client.get("/ui/style.css").status_code == 200
    assert client.get("/v1/geo/districts").status_code == 401  # data needs a key, the page does not
    geo = client.get("/v1/geo/districts", headers=R).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) > 100
    assert {"district", "province"} <= set(geo["features"][0]["properties"])
    assert len(client.get("/v1/geo/districts", headers=R).content) < 400_000  # simplified for the browser
    choices = client.get("/v1/gazetteer", headers=R).json()
    assert "Quetta" in [d["name"] for d in choices["districts"]] and "bombing" in choices["event_types"]


def test_concurrent_corrections_do_not_overwrite_each_other(client: TestClient, seeded: dict[str, str], es: Elasticsearch,
                                                            api_settings: Settings) -> None:
    quetta = seeded["quetta"]
    assert client.patch(f"/v1/incidents/{quetta}", json={"killed": 11}, headers=A).status_code == 200
    corrections = CorrectionStore(es, api_settings)
    stale = corrections.state(quetta)
    assert stale is not None
    assert client.patch(f"/v1/incidents/{quetta}", json={"injured": 4}, headers=A).status_code == 200  # another analyst
    stale.overrides["killed"] = 99
    with pytest.raises(CorrectionConflict, match="reload"):
        corrections.save(states=[stale])
    with pytest.raises(CorrectionConflict):
        corrections.save(states=[CorrectionState(incident_id=quetta)])  # a "new" state where one exists
    doc = incident_doc(client, quetta)
    assert (doc["killed"], doc["injured"], doc["corrected"]) == (11, 4, ["injured", "killed"])
