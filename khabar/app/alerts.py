"""Watchlists and alert delivery: match changed incidents, queue messages in a durable outbox, deliver them.

How it fits together (see docs/alerts.md for the payloads):

1. `match_changes` follows the incident index in (updated_at, incident_id) order from a cursor
   stored in Elasticsearch, like `/v1/feed`. For each changed incident it compares the tracked
   fields (toll, perpetrator, attribution) with the snapshot it stored last time: no snapshot
   means `incident.created`, a tracked change means `incident.updated`. Each watchlist whose
   filter matches (for an update, before or after the change) and that subscribes to the event
   gets one outbox entry per channel (webhook, e-mail). The entry id is deterministic, so a
   replay after a crash queues nothing twice. Snapshots and the cursor are saved after queuing.
2. `deliver_due` sends every pending entry whose time has come: a webhook POST with an
   `Idempotency-Key` header (the entry id, the same on every retry) and `X-Khabar-Signature:
   sha256=HMAC(secret, body)`, or an e-mail through SMTP. A 2xx marks it delivered; anything
   else schedules a retry with exponential backoff until `alerts.give_up_hours` have passed.
   The entry stays pending until the answer is recorded, so a restart mid-delivery re-sends it
   with the same idempotency key: delivery is at least once.

When a watchlist is created the matcher's cursor starts at "now" if it has none, so existing
incidents are not announced as new.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import logging
import re
import secrets
import smtplib
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any, Literal
from urllib.parse import urlsplit

import httpx
from prometheus_client.core import GaugeMetricFamily, Metric
from pydantic import BaseModel, ConfigDict, Field, field_validator

from khabar.core.errors import KhabarError
from khabar.core.records import EVENT_TYPES, TARGET_TYPES, stable_id, utcnow
from khabar.core.settings import Settings
from khabar.crawlers.urls import is_global_ip, is_private_address
from khabar.index.alerts import AlertStore
from khabar.index.store import StoreNotFound

log = logging.getLogger(__name__)

EventName = Literal["incident.created", "incident.updated", "surge", "source.degraded"]
EVENT_NAMES: tuple[str, ...] = ("incident.created", "incident.updated", "surge", "source.degraded")
DEFAULT_EVENTS: tuple[EventName, ...] = ("incident.created", "incident.updated")
TRACKED = ("killed", "injured", "perpetrator", "attribution")
SIGNATURE_HEADER = "X-Khabar-Signature"
IDEMPOTENCY_HEADER = "Idempotency-Key"
EVENT_HEADER = "X-Khabar-Event"
MATCH_LAG_SECONDS = 2.0  # like the feed: only incidents older than the refresh interval plus margin
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class WatchlistError(KhabarError):
    """A watchlist that cannot be accepted (bad URL, no channel...)."""


# -- watchlists -------------------------------------------------------------------------------
class WatchFilter(BaseModel):
    """What a watchlist matches; every given field must match (case-insensitive for names)."""

    model_config = ConfigDict(extra="forbid")
    perpetrator: str | None = Field(default=None, max_length=200)
    province: str | None = Field(default=None, max_length=200)
    district: str | None = Field(default=None, max_length=200)
    event_type: str | None = None
    target_type: str | None = None
    min_killed: int | None = Field(default=None, ge=0)
    query: str | None = Field(default=None, max_length=500)

    @field_validator("event_type")
    @classmethod
    def _event_type(cls, value: str | None) -> str | None:
        if value is not None and value not in EVENT_TYPES:
            raise ValueError(f"must be one of {', '.join(EVENT_TYPES)}")
        return value

    @field_validator("target_type")
    @classmethod
    def _target_type(cls, value: str | None) -> str | None:
        if value is not None and value not in TARGET_TYPES:
            raise ValueError(f"must be one of {', '.join(TARGET_TYPES)}")
        return value


class WatchlistIn(BaseModel):
    """The body of `POST /v1/watchlists`."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    filter: WatchFilter = Field(default_factory=WatchFilter)
    webhook_url: str | None = Field(default=None, max_length=2000)
    email: str | None = Field(default=None, max_length=320)
    events: list[EventName] = Field(default_factory=lambda: list(DEFAULT_EVENTS), min_length=1)

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        if value is not None and not EMAIL_RE.match(value):
            raise ValueError("not an e-mail address")
        return value


def check_webhook_url(url: str, allow_private: bool) -> None:
    """Refuse a webhook URL that is not http(s) or whose host resolves to a non-global address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise WatchlistError(f"webhook_url must be an http:// or https:// URL with a host, got {url!r}")
    if allow_private:
        return
    host = parts.hostname
    if is_private_address(host):
        raise WatchlistError(f"webhook_url {url!r} points at a non-global address; set alerts.allow_private_webhooks "
                             "(or KHABAR_ALERTS_ALLOW_PRIVATE=1) to allow local receivers")
    try:
        infos = socket.getaddrinfo(host, parts.port or (443 if parts.scheme == "https" else 80), proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise WatchlistError(f"webhook_url host {host!r} does not resolve ({exc})") from None
    for info in infos:
        address = str(info[4][0])
        if not is_global_ip(address):
            raise WatchlistError(f"webhook_url host {host!r} resolves to non-global address {ipaddress.ip_address(address.split('%')[0])}; "
                                 "set alerts.allow_private_webhooks to allow it")


def create_watchlist(store: AlertStore, settings: Settings, spec: WatchlistIn) -> dict[str, Any]:
    """Validate and store a watchlist; returns it with its secret (shown only this once)."""
    if not spec.webhook_url and not spec.email:
        raise WatchlistError("a watchlist needs a webhook_url or an email to deliver to")
    if spec.webhook_url:
        check_webhook_url(spec.webhook_url, settings.alerts.allow_private_webhooks)
    if spec.email and not settings.alerts.smtp_host:
        raise WatchlistError("e-mail delivery needs alerts.smtp_host in the settings")
    if store.cursor() is None:
        start_cursor(store)
    now = utcnow()
    doc = {
        "id": secrets.token_hex(8),
        "name": spec.name,
        "filter": spec.filter.model_dump(exclude_none=True),
        "webhook_url": spec.webhook_url,
        "email": spec.email,
        "events": list(dict.fromkeys(spec.events)),
        "secret": secrets.token_urlsafe(32),
        "created_at": now.isoformat(),
    }
    store.put_watchlist(doc)
    return doc


def public_watchlist(doc: dict[str, Any]) -> dict[str, Any]:
    """A stored watchlist without its secret."""
    return {k: v for k, v in doc.items() if k != "secret"}


# -- matching ---------------------------------------------------------------------------------
def tracked_state(incident: dict[str, Any]) -> dict[str, Any]:
    """What the matcher remembers of an incident: the tracked fields and the fields filters use."""
    perpetrator = incident.get("perpetrator") or {}
    location = incident.get("location") or {}
    return {
        "killed": incident.get("killed"),
        "injured": incident.get("injured"),
        "perpetrator": perpetrator.get("name"),
        "attribution": perpetrator.get("attribution"),
        "province": location.get("province"),
        "district": location.get("district"),
        "event_type": incident.get("event_type"),
        "target_type": incident.get("target_type"),
    }


def changes_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The tracked fields that differ: {field: {"before": old, "after": new}}."""
    return {f: {"before": before.get(f), "after": after.get(f)} for f in TRACKED if before.get(f) != after.get(f)}


def _same(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold() == b.casefold()


def filter_matches(flt: dict[str, Any], state: dict[str, Any]) -> bool:
    """Whether an incident's state satisfies a watchlist's structured filter (`query` aside)."""
    for name in ("perpetrator", "province", "district"):
        if flt.get(name) and not _same(flt[name], state.get(name)):
            return False
    for name in ("event_type", "target_type"):
        if flt.get(name) and flt[name] != state.get(name):
            return False
    return flt.get("min_killed") is None or (state.get("killed") or 0) >= flt["min_killed"]


def sign(secret: str, body: bytes) -> str:
    """The signature header value of a body: `sha256=` + hex HMAC-SHA256 with the watchlist secret."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _channels(watchlist: dict[str, Any]) -> list[str]:
    return [c for c, key in (("webhook", "webhook_url"), ("email", "email")) if watchlist.get(key)]


def message_id(watchlist_id: str, channel: str, event: str, subject_id: str, version: str = "") -> str:
    """The outbox id (and idempotency key) of a message: the same whenever the same message is queued."""
    return stable_id("outbox", watchlist_id, channel, event, subject_id, version)


def queue_message(store: AlertStore, watchlist: dict[str, Any], event: str, subject_id: str, payload: dict[str, Any],
                  version: str = "", now: datetime | None = None) -> int:
    """Put one message per channel of a watchlist in the outbox; returns how many were new."""
    now = now or utcnow()
    queued = 0
    for channel in _channels(watchlist):
        entry_id = message_id(watchlist["id"], channel, event, subject_id, version)
        body = {"id": entry_id, "watchlist": {"id": watchlist["id"], "name": watchlist["name"]}, "event": event, **payload}
        queued += store.enqueue({
            "id": entry_id, "watchlist_id": watchlist["id"], "channel": channel, "event": event, "subject_id": subject_id,
            "body": json.dumps(body, ensure_ascii=False, sort_keys=True, default=str), "status": "pending", "attempts": 0,
            "created_at": now.isoformat(), "next_attempt_at": now.isoformat(),
        })
    return queued


def start_cursor(store: AlertStore, before: datetime | None = None) -> int:
    """Snapshot every incident updated up to `before` (default now) and start the cursor after them."""
    before = before or utcnow()
    after: list[Any] | None = None
    seen = 0
    while True:
        page = store.changed_incidents(after, before)
        if not page:
            break
        store.save_snapshots({doc["incident_id"]: tracked_state(doc) for doc, _ in page})
        after = page[-1][1]
        seen += len(page)
    store.save_cursor(after or [0, ""])
    return seen


@dataclass
class MatchReport:
    """What one matching pass did."""

    incidents: int = 0
    created: int = 0
    updated: int = 0
    queued: int = 0
    by_event: dict[str, int] = field(default_factory=dict)
    waiting: bool = False  # incidents changed too recently to judge (within the lag): match again shortly


def match_changes(store: AlertStore, settings: Settings, now: datetime | None = None) -> MatchReport:
    """Queue messages for incidents changed since the cursor (see the module docstring)."""
    now = now or utcnow()
    report = MatchReport()
    watchlists = [w for w in store.list_watchlists() if {"incident.created", "incident.updated"} & set(w["events"])]
    after = store.cursor()
    if after is None:
        start_cursor(store, min((datetime.fromisoformat(w["created_at"]) for w in watchlists), default=now))
        after = store.cursor()
    store.refresh_incidents()
    before = now - timedelta(seconds=MATCH_LAG_SECONDS)
    while True:
        page = store.changed_incidents(after, before)
        if not page:
            break
        report.queued += _match_page(store, watchlists, [doc for doc, _ in page], report, now)
        after = page[-1][1]
        store.save_cursor(after)
    report.waiting = bool(store.changed_incidents(after, now + timedelta(days=1), limit=1))
    return report


def _match_page(store: AlertStore, watchlists: list[dict[str, Any]], incidents: list[dict[str, Any]],
                report: MatchReport, now: datetime) -> int:
    old = store.snapshots([doc["incident_id"] for doc in incidents])
    text_hits: dict[str, set[str]] = {}
    for w in watchlists:
        text = w.get("filter", {}).get("query")
        if text and text not in text_hits:
            text_hits[text] = store.incidents_matching_text([d["incident_id"] for d in incidents], text)
    queued = 0
    states: dict[str, dict[str, Any]] = {}
    for doc in incidents:
        iid = doc["incident_id"]
        report.incidents += 1
        state = tracked_state(doc)
        states[iid] = state
        before = old.get(iid)
        if before is None:
            event, changes = "incident.created", {}
            report.created += 1
        else:
            changes = changes_between(before, state)
            if not changes:
                continue
            event = "incident.updated"
            report.updated += 1
        version = json.dumps({k: state[k] for k in TRACKED}, sort_keys=True)
        for w in watchlists:
            flt = w.get("filter", {})
            if event not in w["events"]:
                continue
            if not (filter_matches(flt, state) or (before is not None and filter_matches(flt, before))):
                continue
            if flt.get("query") and iid not in text_hits[flt["query"]]:
                continue
            payload = {"incident": doc, "changes": changes}
            count = queue_message(store, w, event, iid, payload, version)
            queued += count
            report.by_event[event] = report.by_event.get(event, 0) + count
    store.save_snapshots(states)
    return queued


# -- delivery ---------------------------------------------------------------------------------
@dataclass
class DeliveryReport:
    """What one delivery pass did."""

    attempted: int = 0
    delivered: int = 0
    failed: int = 0  # attempts that failed (will be retried unless given up)
    given_up: int = 0


def retry_delay(attempts: int, base: float, cap: float) -> float:
    """Seconds before the next try after `attempts` failed ones: base, 2*base, 4*base... capped."""
    return min(cap, base * (2 ** max(0, attempts - 1)))


class Sender:
    """Sends one outbox entry over its channel; returns (status code or None, error or None)."""

    def __init__(self, settings: Settings, client: httpx.Client | None = None) -> None:
        self.settings = settings
        self.client = client or httpx.Client(timeout=settings.alerts.request_timeout, follow_redirects=False)

    def send(self, entry: dict[str, Any], watchlist: dict[str, Any]) -> tuple[int | None, str | None]:
        if entry["channel"] == "email":
            return self._email(entry, watchlist)
        return self._webhook(entry, watchlist)

    def _webhook(self, entry: dict[str, Any], watchlist: dict[str, Any]) -> tuple[int | None, str | None]:
        url = watchlist["webhook_url"]
        try:
            check_webhook_url(url, self.settings.alerts.allow_private_webhooks)
        except WatchlistError as exc:
            return None, str(exc)
        body = entry["body"].encode("utf-8")
        headers = {
            "Content-Type": "application/json",
            IDEMPOTENCY_HEADER: entry["id"],
            SIGNATURE_HEADER: sign(watchlist["secret"], body),
            EVENT_HEADER: entry["event"],
            "User-Agent": "khabar-alerts/1",
        }
        try:
            resp = self.client.post(url, content=body, headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"
        return resp.status_code, None if resp.is_success else f"HTTP {resp.status_code}"

    def _email(self, entry: dict[str, Any], watchlist: dict[str, Any]) -> tuple[int | None, str | None]:
        cfg = self.settings.alerts
        if not cfg.smtp_host:
            return None, "alerts.smtp_host is not set"
        body = json.loads(entry["body"])
        msg = EmailMessage()
        msg["From"] = cfg.smtp_from
        msg["To"] = watchlist["email"]
        msg["Subject"] = f"[khabar] {entry['event']}: {watchlist['name']}"
        msg["Message-ID"] = f"<{entry['id']}@khabar>"
        msg[IDEMPOTENCY_HEADER] = entry["id"]
        msg.set_content(email_text(body) + "\n\n" + json.dumps(body, indent=2, ensure_ascii=False))
        try:
            with smtplib.SMTP(cfg.smtp_host, cfg.smtp_port, timeout=cfg.request_timeout) as smtp:
                if cfg.smtp_starttls:
                    smtp.starttls()
                if cfg.smtp_username:
                    smtp.login(cfg.smtp_username, cfg.smtp_password or "")
                smtp.send_message(msg)
        except (smtplib.SMTPException, OSError) as exc:
            return None, f"{type(exc).__name__}: {exc}"
        return 250, None


def email_text(body: dict[str, Any]) -> str:
    """A one-paragraph human summary of a message."""
    if body.get("event") == "surge" or "alert" in body:
        return str((body.get("alert") or {}).get("message", body.get("event")))
    inc = body.get("incident") or {}
    where = ", ".join(x for x in ((inc.get("location") or {}).get("district"), (inc.get("location") or {}).get("province")) if x)
    line = f"{body.get('event')}: {inc.get('event_type')} on {inc.get('date')} in {where or 'unknown place'}, killed {inc.get('killed')}, " \
           f"perpetrator {(inc.get('perpetrator') or {}).get('name') or 'unknown'}"
    for name, change in (body.get("changes") or {}).items():
        line += f"\n{name}: {change['before']} -> {change['after']}"
    return line


def deliver_due(store: AlertStore, settings: Settings, sender: Sender | None = None, now: datetime | None = None,
                limit: int = 100, only: set[str] | None = None) -> DeliveryReport:
    """Attempt every due outbox entry (or only those ids) once; record each attempt and the entry's new state."""
    sender = sender or Sender(settings)
    report = DeliveryReport()
    cfg = settings.alerts
    watchlists: dict[str, dict[str, Any] | None] = {}
    clock = now or utcnow()
    for entry in store.due(clock, limit):
        if only is not None and entry["id"] not in only:
            continue
        wid = entry["watchlist_id"]
        if wid not in watchlists:
            watchlists[wid] = store.get_watchlist(wid)
        watchlist = watchlists[wid]
        if watchlist is None:
            store.update_outbox(entry["id"], {"status": "cancelled", "last_error": "watchlist deleted"})
            continue
        attempt = int(entry.get("attempts", 0)) + 1
        started = time.monotonic()
        status_code, error = sender.send(entry, watchlist)
        at = utcnow()
        ok = error is None
        report.attempted += 1
        store.log_attempt({
            "id": stable_id("attempt", entry["id"], attempt), "outbox_id": entry["id"], "watchlist_id": wid,
            "channel": entry["channel"], "event": entry["event"], "subject_id": entry["subject_id"], "attempt": attempt,
            "at": at.isoformat(), "ok": ok, "status_code": status_code, "error": error,
            "duration_seconds": round(time.monotonic() - started, 3),
        })
        fields: dict[str, Any] = {"attempts": attempt, "last_status_code": status_code, "last_error": error}
        if ok:
            fields |= {"status": "delivered", "delivered_at": at.isoformat()}
            report.delivered += 1
        else:
            report.failed += 1
            next_at = max(at, clock) + timedelta(seconds=retry_delay(attempt, cfg.retry_base_seconds, cfg.retry_max_seconds))
            if next_at > datetime.fromisoformat(entry["created_at"]) + timedelta(hours=cfg.give_up_hours):
                fields["status"] = "failed"
                report.given_up += 1
            else:
                fields["next_attempt_at"] = next_at.isoformat()
        store.update_outbox(entry["id"], fields)
    return report


def send_test(store: AlertStore, settings: Settings, watchlist_id: str) -> list[dict[str, Any]]:
    """Queue a `test` message to a watchlist and deliver it now; returns the attempts made."""
    watchlist = store.get_watchlist(watchlist_id)
    if watchlist is None:
        raise WatchlistError(f"no watchlist {watchlist_id!r}")
    now = utcnow()
    subject = f"test-{now.isoformat()}"
    queue_message(store, watchlist, "test", subject, {"incident": None, "changes": {}, "sent_at": now.isoformat()}, now=now)
    ids = {message_id(watchlist["id"], channel, "test", subject) for channel in _channels(watchlist)}
    deliver_due(store, settings, now=utcnow(), only=ids)  # only the test message: the service delivers the rest
    return [d for d in store.deliveries_of(watchlist_id, size=10) if d["event"] == "test"][: len(_channels(watchlist))]


# -- metrics ----------------------------------------------------------------------------------
def alert_metrics(store: AlertStore) -> Iterator[Metric]:
    """Outbox by status (pending = queue length), delivery attempts by outcome, alerts by kind, watchlists."""
    try:
        outbox = store.outbox_counts()
        attempts = store.delivery_counts()
        alerts = store.alert_counts()
        watchlists = store.count_watchlists()
    except StoreNotFound:  # indices not created yet (`khabar index init`)
        return
    queue = GaugeMetricFamily("khabar_alert_outbox", "Alert messages in the outbox, by status (pending = queue length)", labels=["status"])
    for status in ("pending", "delivered", "failed", "cancelled"):
        queue.add_metric([status], outbox.get(status, 0))
    tries = GaugeMetricFamily("khabar_alert_delivery_attempts", "Delivery attempts, by outcome", labels=["outcome"])
    tries.add_metric(["ok"], attempts.get("true", 0))
    tries.add_metric(["failed"], attempts.get("false", 0))
    raised = GaugeMetricFamily("khabar_alerts", "Alerts raised by spike detection, by kind", labels=["kind"])
    for kind in ("surge", "threat"):
        raised.add_metric([kind], alerts.get(kind, 0))
    for kind in ("source.degraded",):
        raised.add_metric([kind], alerts.get(kind, 0))
    count = GaugeMetricFamily("khabar_watchlists", "Watchlists defined")
    count.add_metric([], watchlists)
    degraded = GaugeMetricFamily("khabar_source_degraded", "1 while a source has an open source.degraded alert", labels=["source"])
    for alert in store.open_source_alerts():
        degraded.add_metric([alert["source_id"]], 1)
    yield from (queue, tries, raised, count, degraded)
