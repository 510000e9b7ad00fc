"""Watchlists and alert delivery against real Elasticsearch and a local webhook receiver."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch
from fastapi.testclient import TestClient

from khabar.app import alert_jobs, alerts
from khabar.app.api import create_app
from khabar.core.records import Incident, Location, Perpetrator
from khabar.core.settings import AlertSettings, ApiSettings, Settings
from khabar.index.alerts import AlertStore
from khabar.index.templates import alias_name

KEY = "alerts-key"
AUTH = {"X-API-Key": KEY}


# -- a local webhook receiver ---------------------------------------------------------------
class Receiver:
    """An HTTP server in a thread that records every POST and answers with scripted status codes."""

    def __init__(self, statuses: list[int] | None = None) -> None:
        self.requests: list[dict[str, Any]] = []
        self.statuses = list(statuses or [])
        self.hold = threading.Event()  # when set before a request arrives, the request blocks until released
        self.release = threading.Event()
        self.arrived = threading.Event()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("content-length", 0)))
                receiver.requests.append({"headers": dict(self.headers), "body": body})
                receiver.arrived.set()
                if receiver.hold.is_set():
                    receiver.release.wait(30)
                status = receiver.statuses.pop(0) if receiver.statuses else 200
                self.send_response(status)
                self.send_header("content-length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def bodies(self) -> list[dict[str, Any]]:
        return [json.loads(r["body"]) for r in self.requests]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    rec = Receiver()
    yield rec
    rec.close()


@pytest.fixture
def asettings(settings: Settings) -> Settings:
    """Test settings that allow a loopback receiver and retry at once."""
    return settings.model_copy(update={"alerts": AlertSettings(allow_private_webhooks=True, retry_base_seconds=0, retry_max_seconds=0)})


def incident(iid: str, group: str, killed: int, province: str = "Khyber Pakhtunkhwa", attribution: str = "claimed") -> Incident:
    return Incident(incident_id=iid, event_type="bombing", killed=killed, date=datetime.now(UTC).date(),
                    perpetrator=Perpetrator(name=group, attribution=attribution),  # type: ignore[arg-type]
                    location=Location(province=province, district="Peshawar", precision="district"))


def write(es: Elasticsearch, settings: Settings, incidents: list[Incident]) -> None:
    ops: list[dict[str, Any]] = []
    for inc in incidents:
        inc.updated_at = datetime.now(UTC)
        ops += [{"index": {"_index": alias_name(settings, "incidents"), "_id": inc.incident_id}}, inc.model_dump(mode="json")]
    es.bulk(operations=ops, refresh=True)


def later() -> datetime:
    """A `now` past the matcher's lag, so just-written incidents count."""
    return datetime.now(UTC) + timedelta(seconds=5)


def add_watchlist(store: AlertStore, settings: Settings, url: str, **filt: Any) -> dict[str, Any]:
    spec = alerts.WatchlistIn(name="watch", filter=alerts.WatchFilter(**filt), webhook_url=url,
                              events=["incident.created", "incident.updated"])
    return alerts.create_watchlist(store, settings, spec)


def check_signature(request: dict[str, Any], secret: str) -> None:
    expected = "sha256=" + hmac.new(secret.encode(), request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(request["headers"]["X-Khabar-Signature"], expected)


# -- pure parts ---------------------------------------------------------------------------------
def test_filter_matches_on_group_place_type_and_toll() -> None:
    state = alerts.tracked_state(incident("a", "TTP", 5).model_dump(mode="json"))
    assert alerts.filter_matches({"perpetrator": "ttp"}, state)
    assert not alerts.filter_matches({"perpetrator": "BLA"}, state)
    assert alerts.filter_matches({"province": "Khyber Pakhtunkhwa", "event_type": "bombing", "min_killed": 5}, state)
    assert not alerts.filter_matches({"min_killed": 6}, state)
    assert not alerts.filter_matches({"district": "Quetta"}, state)


def test_changes_name_the_tracked_fields_that_moved() -> None:
    before = alerts.tracked_state(incident("a", "TTP", 5).model_dump(mode="json"))
    after = alerts.tracked_state(incident("a", "TTP", 9, attribution="blamed").model_dump(mode="json"))
    assert alerts.changes_between(before, after) == {"killed": {"before": 5, "after": 9},
                                                     "attribution": {"before": "claimed", "after": "blamed"}}


def test_retry_delay_doubles_and_is_capped() -> None:
    assert [alerts.retry_delay(n, 30, 200) for n in (1, 2, 3, 4)] == [30, 60, 120, 200]


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/x", "http://localhost/x", "http://10.0.0.5/x", "http://[::1]/x",
                                 "http://169.254.169.254/latest"])
def test_private_webhooks_refused_unless_allowed(url: str) -> None:
    with pytest.raises(alerts.WatchlistError, match="non-global"):
        alerts.check_webhook_url(url, allow_private=False)
    alerts.check_webhook_url(url, allow_private=True)


def test_webhook_url_needs_http_scheme() -> None:
    with pytest.raises(alerts.WatchlistError, match="http"):
        alerts.check_webhook_url("file:///etc/passwd", allow_private=True)


def test_allow_private_from_environment() -> None:
    from khabar.core.settings import load_settings

    assert load_settings(env={"KHABAR_ALERTS_ALLOW_PRIVATE": "1"}).alerts.allow_private_webhooks is True


# -- API --------------------------------------------------------------------------------------
def test_watchlist_api_crud_and_secret_shown_once(asettings: Settings, receiver: Receiver) -> None:
    client = TestClient(create_app(asettings.model_copy(update={"api": ApiSettings(api_keys=[f"{KEY}:analyst", "reader-key"])})))
    body = {"name": "TTP in KP", "filter": {"perpetrator": "TTP", "province": "Khyber Pakhtunkhwa"},
            "webhook_url": receiver.url, "events": ["incident.created"]}
    assert client.post("/v1/watchlists", json=body).status_code == 401
    assert client.post("/v1/watchlists", json=body, headers={"X-API-Key": "reader-key"}).status_code == 403
    created = client.post("/v1/watchlists", json=body, headers=AUTH)
    assert created.status_code == 201, created.text
    wl = created.json()
    assert len(wl["secret"]) >= 32
    listed = client.get("/v1/watchlists", headers=AUTH).json()
    assert [w["id"] for w in listed] == [wl["id"]] and "secret" not in listed[0]
    one = client.get(f"/v1/watchlists/{wl['id']}", headers=AUTH).json()
    assert one["filter"] == body["filter"] and "secret" not in one
    assert client.get(f"/v1/watchlists/{wl['id']}/deliveries", headers=AUTH).json() == {"deliveries": [], "messages": []}
    bad = client.post("/v1/watchlists", json={**body, "filter": {"event_type": "picnic"}}, headers=AUTH)
    assert bad.status_code == 422
    no_channel = client.post("/v1/watchlists", json={"name": "x", "events": ["surge"]}, headers=AUTH)
    assert no_channel.status_code == 422 and "webhook_url or an email" in no_channel.text
    assert client.delete(f"/v1/watchlists/{wl['id']}", headers=AUTH).status_code == 204
    assert client.get(f"/v1/watchlists/{wl['id']}", headers=AUTH).status_code == 404
    assert client.delete(f"/v1/watchlists/{wl['id']}", headers=AUTH).status_code == 404


def test_api_refuses_private_webhook_by_default(settings: Settings) -> None:
    client = TestClient(create_app(settings.model_copy(update={"api": ApiSettings(api_keys=[f"{KEY}:analyst"])})))
    resp = client.post("/v1/watchlists", json={"name": "x", "webhook_url": "http://127.0.0.1:8000/hook"}, headers=AUTH)
    assert resp.status_code == 422 and "non-global" in resp.text


# -- matching and delivery --------------------------------------------------------------------
def test_group_watchlist_gets_one_delivery_per_matching_incident(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    write(es, asettings, [incident("old-ttp", "TTP", 2)])  # before the watchlist: not announced
    wl = add_watchlist(store, asettings, receiver.url, perpetrator="TTP")
    write(es, asettings, [incident("i1", "TTP", 3), incident("i2", "BLA", 4), incident("i3", "TTP", 1)])
    report = alerts.match_changes(store, asettings, now=later())
    assert (report.created, report.queued) == (3, 2)
    again = alerts.match_changes(store, asettings, now=later())  # nothing new: nothing queued
    assert again.queued == 0
    delivered = alerts.deliver_due(store, asettings)
    assert delivered.delivered == 2
    bodies = receiver.bodies()
    assert sorted(b["incident"]["incident_id"] for b in bodies) == ["i1", "i3"]
    assert {b["event"] for b in bodies} == {"incident.created"}
    for request in receiver.requests:
        check_signature(request, wl["secret"])
        assert request["headers"]["Idempotency-Key"] == json.loads(request["body"])["id"]
    assert alerts.deliver_due(store, asettings).attempted == 0  # delivered once only
    log = store.deliveries_of(wl["id"])
    assert [d["status_code"] for d in log] == [200, 200]


def test_toll_update_sends_incident_updated(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    add_watchlist(store, asettings, receiver.url, perpetrator="TTP")
    write(es, asettings, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    write(es, asettings, [incident("i1", "TTP", 3)])  # rewritten, same figures: no message
    assert alerts.match_changes(store, asettings, now=later()).queued == 0
    write(es, asettings, [incident("i1", "TTP", 7)])
    assert alerts.match_changes(store, asettings, now=later()).updated == 1
    alerts.deliver_due(store, asettings)
    events = [(b["event"], b["changes"]) for b in receiver.bodies()]
    assert events == [("incident.created", {}), ("incident.updated", {"killed": {"before": 3, "after": 7}})]


def test_perpetrator_change_reaches_the_old_groups_watchlist(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    add_watchlist(store, asettings, receiver.url, perpetrator="TTP")
    write(es, asettings, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    write(es, asettings, [incident("i1", "ISKP", 3)])
    alerts.match_changes(store, asettings, now=later())
    alerts.deliver_due(store, asettings)
    assert receiver.bodies()[-1]["changes"] == {"perpetrator": {"before": "TTP", "after": "ISKP"}}


def test_receiver_failing_twice_still_gets_the_delivery(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    wl = add_watchlist(store, asettings, receiver.url)
    receiver.statuses = [500, 503]
    write(es, asettings, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    outcomes = [alerts.deliver_due(store, asettings).delivered for _ in range(3)]
    assert outcomes == [0, 0, 1]
    keys = {r["headers"]["Idempotency-Key"] for r in receiver.requests}
    assert len(receiver.requests) == 3 and len(keys) == 1
    assert sorted(d["status_code"] for d in store.deliveries_of(wl["id"])) == [200, 500, 503]
    assert alerts.deliver_due(store, asettings).attempted == 0


def test_retry_waits_for_backoff_and_gives_up_after_a_day(settings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    cfg = settings.model_copy(update={"alerts": AlertSettings(allow_private_webhooks=True, retry_base_seconds=60, give_up_hours=24)})
    store = AlertStore(es, cfg)
    add_watchlist(store, cfg, receiver.url)
    receiver.statuses = [500] * 100
    write(es, cfg, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, cfg, now=later())
    assert alerts.deliver_due(store, cfg).failed == 1
    assert alerts.deliver_due(store, cfg).attempted == 0  # the retry is not due yet
    assert alerts.deliver_due(store, cfg, now=datetime.now(UTC) + timedelta(seconds=61)).failed == 1
    report = alerts.deliver_due(store, cfg, now=datetime.now(UTC) + timedelta(hours=25))
    assert report.given_up == 1
    assert store.outbox_counts() == {"failed": 1}


def test_restart_mid_delivery_loses_nothing(asettings: Settings, es: Elasticsearch, receiver: Receiver, tmp_path: Path) -> None:
    """A delivering process killed while its POST is in flight: a new one re-sends with the same key."""
    store = AlertStore(es, asettings)
    wl = add_watchlist(store, asettings, receiver.url)
    write(es, asettings, [incident("i1", "TTP", 3), incident("i2", "TTP", 4)])
    alerts.match_changes(store, asettings, now=later())
    receiver.hold.set()
    env = {**os.environ, "KHABAR_ES_URL": asettings.elasticsearch.url, "KHABAR_INDEX_PREFIX": asettings.elasticsearch.index_prefix,
           "KHABAR_DATA_DIR": str(tmp_path / "child"), "KHABAR_ALERTS_ALLOW_PRIVATE": "1", "KHABAR_CONFIG": str(tmp_path / "none.yaml")}
    (tmp_path / "none.yaml").write_text("{}\n")
    code = ("from khabar.core.settings import load_settings; from khabar.index.store import Store; "
            "from khabar.app.alert_jobs import run_alerts; print(run_alerts(Store.connect(load_settings()).alerts))")
    child = subprocess.Popen([sys.executable, "-c", code], env=env)
    try:
        assert receiver.arrived.wait(60), "the child never POSTed"
    finally:
        child.kill()  # dies mid-request
        child.wait(30)
    receiver.hold.clear()
    receiver.release.set()
    first_key = receiver.requests[0]["headers"]["Idempotency-Key"]
    assert store.outbox_counts() == {"pending": 2}  # nothing recorded as delivered
    report = alerts.deliver_due(store, asettings)  # the restarted service
    assert report.delivered == 2
    keys = [r["headers"]["Idempotency-Key"] for r in receiver.requests]
    assert keys.count(first_key) == 2  # the duplicate carries the same idempotency key
    dup = [r["body"] for r in receiver.requests if r["headers"]["Idempotency-Key"] == first_key]
    assert dup[0] == dup[1]
    assert sorted(b["incident"]["incident_id"] for b in receiver.bodies()[1:]) == ["i1", "i2"]
    for request in receiver.requests:
        check_signature(request, wl["secret"])


def test_requeue_after_crash_before_cursor_saved_is_idempotent(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    add_watchlist(store, asettings, receiver.url)
    cursor = store.cursor()
    write(es, asettings, [incident("i1", "TTP", 3)])
    assert alerts.match_changes(store, asettings, now=later()).queued == 1
    store.save_cursor(cursor or [0, ""])  # as if the matcher died before saving its cursor
    store.forget_snapshot("i1")
    assert alerts.match_changes(store, asettings, now=later()).queued == 0  # same outbox id: not queued twice
    alerts.deliver_due(store, asettings)
    assert len(receiver.requests) == 1


def test_metrics_show_queue_and_deliveries(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    add_watchlist(store, asettings, receiver.url)
    write(es, asettings, [incident("i1", "TTP", 3), incident("i2", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    client = TestClient(create_app(asettings.model_copy(update={"api": ApiSettings(api_keys=[KEY])})))
    text = client.get("/metrics", headers=AUTH).text
    assert 'khabar_alert_outbox{status="pending"} 2.0' in text
    alerts.deliver_due(store, asettings)
    text = client.get("/metrics", headers=AUTH).text
    assert 'khabar_alert_outbox{status="pending"} 0.0' in text
    assert 'khabar_alert_delivery_attempts{outcome="ok"} 2.0' in text
    assert "khabar_watchlists 1.0" in text


def test_deleted_watchlist_cancels_its_messages(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    store = AlertStore(es, asettings)
    wl = add_watchlist(store, asettings, receiver.url)
    write(es, asettings, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    store.delete_watchlist(wl["id"])
    alerts.deliver_due(store, asettings)
    assert receiver.requests == [] and store.outbox_counts() == {"cancelled": 1}


def test_unreachable_receiver_is_retried(asettings: Settings, es: Elasticsearch) -> None:
    store = AlertStore(es, asettings)
    wl = add_watchlist(store, asettings, "http://127.0.0.1:9/hook")  # nothing listens on the discard port
    write(es, asettings, [incident("i1", "TTP", 3)])
    alerts.match_changes(store, asettings, now=later())
    assert alerts.deliver_due(store, asettings).failed == 1
    [attempt] = store.deliveries_of(wl["id"])
    assert attempt["status_code"] is None and "Connect" in attempt["error"]
    assert store.outbox_counts() == {"pending": 1}
    time.sleep(0)  # retried on the next pass (retry_base_seconds=0)
    assert alerts.deliver_due(store, asettings).failed == 1


# -- e-mail -------------------------------------------------------------------------------------
class SmtpSink:
    """A minimal SMTP server in a thread (enough for smtplib): records each message's data."""

    def __init__(self) -> None:
        import socketserver

        self.messages: list[bytes] = []
        self.on_message: Callable[[bytes], object] = lambda data: None
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                self.wfile.write(b"220 sink ESMTP\r\n")
                while line := self.rfile.readline():
                    verb = line.split(b" ", 1)[0].strip().upper()
                    if verb in (b"EHLO", b"HELO"):
                        self.wfile.write(b"250 sink\r\n")
                    elif verb == b"DATA":
                        self.wfile.write(b"354 go ahead\r\n")
                        data = b""
                        while (chunk := self.rfile.readline()) not in (b".\r\n", b""):
                            data += chunk
                        sink.messages.append(data)
                        sink.on_message(data)
                        self.wfile.write(b"250 queued\r\n")
                    elif verb == b"QUIT":
                        self.wfile.write(b"221 bye\r\n")
                        return
                    else:
                        self.wfile.write(b"250 ok\r\n")

        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_email_delivery_through_smtp(settings: Settings, es: Elasticsearch) -> None:
    sink = SmtpSink()
    try:
        cfg = settings.model_copy(update={"alerts": AlertSettings(smtp_host="127.0.0.1", smtp_port=sink.port)})
        store = AlertStore(es, cfg)
        spec = alerts.WatchlistIn(name="mail", filter=alerts.WatchFilter(perpetrator="TTP"), email="analyst@example.org")
        wl = alerts.create_watchlist(store, cfg, spec)
        write(es, cfg, [incident("i1", "TTP", 3)])
        alerts.match_changes(store, cfg, now=later())
        assert alerts.deliver_due(store, cfg).delivered == 1
        [message] = sink.messages
        assert b"To: analyst@example.org" in message and b"incident.created" in message
        assert [d["status_code"] for d in store.deliveries_of(wl["id"])] == [250]
    finally:
        sink.close()


def test_email_watchlist_needs_smtp_settings(settings: Settings, es: Elasticsearch) -> None:
    spec = alerts.WatchlistIn(name="mail", email="analyst@example.org")
    with pytest.raises(alerts.WatchlistError, match="smtp_host"):
        alerts.create_watchlist(AlertStore(es, settings), settings, spec)


def test_run_alerts_waits_out_the_lag_for_just_written_incidents(asettings: Settings, es: Elasticsearch, receiver: Receiver) -> None:
    """The alerts job triggered right after resolution still delivers the new incident in the same run."""
    store = AlertStore(es, asettings)
    add_watchlist(store, asettings, receiver.url)
    write(es, asettings, [incident("i1", "TTP", 3)])  # updated_at = now: inside the 2 s lag
    summary = alert_jobs.run_alerts(store)
    assert "delivered=1" in summary and len(receiver.requests) == 1


def test_watch_cli_add_list_test_remove(asettings: Settings, receiver: Receiver, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from khabar.cli import main

    env = {"KHABAR_ES_URL": asettings.elasticsearch.url, "KHABAR_INDEX_PREFIX": asettings.elasticsearch.index_prefix,
           "KHABAR_DATA_DIR": str(tmp_path / "cli"), "KHABAR_ALERTS_ALLOW_PRIVATE": "1"}
    runner = CliRunner()
    added = runner.invoke(main, ["watch", "add", "TTP", "--webhook", receiver.url, "--group", "TTP"], env=env)
    assert added.exit_code == 0, added.output
    wid = added.output.split()[1]
    assert "secret (shown once)" in added.output
    listed = runner.invoke(main, ["watch", "list", "--json"], env=env)
    assert wid in listed.output and "secret" not in listed.output
    tested = runner.invoke(main, ["watch", "test", wid], env=env)
    assert tested.exit_code == 0 and "webhook: delivered (HTTP 200)" in tested.output, tested.output
    assert receiver.bodies()[0]["event"] == "test"
    refused = runner.invoke(main, ["watch", "add", "x", "--webhook", "http://10.1.2.3/h"], env={**env, "KHABAR_ALERTS_ALLOW_PRIVATE": ""})
    assert refused.exit_code != 0 and "non-global" in refused.output
    assert runner.invoke(main, ["watch", "remove", wid], env=env).exit_code == 0
    assert runner.invoke(main, ["watch", "remove", wid], env=env).exit_code != 0
