"""Watchlists and alerts from the command line.

`khabar watch add|list|remove|test|deliveries`, `khabar alerts [--scan]`, `khabar eval alerts`.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import click
from rich.table import Table

from khabar.app import spikes
from khabar.app.alerts import EVENT_NAMES, WatchFilter, WatchlistError, WatchlistIn, create_watchlist, public_watchlist, send_test
from khabar.cli.support import connected_store, current_settings, out
from khabar.core.errors import KhabarError
from khabar.index.alerts import AlertStore

DATE = click.DateTime(formats=["%Y-%m-%d"])


def _alert_store() -> AlertStore:
    settings = current_settings()
    return connected_store(settings).alerts


@click.group("watch")
def watch_group() -> None:
    """Watchlists: be told (webhook or e-mail) when matching incidents appear or change."""


@watch_group.command("add")
@click.argument("name")
@click.option("--webhook", "webhook_url", default=None, help="URL to POST JSON to (signed with the watchlist's secret).")
@click.option("--email", default=None, help="Address to e-mail (needs alerts.smtp_host).")
@click.option("--group", "perpetrator", default=None, help="Perpetrator group (canonical name).")
@click.option("--province", default=None)
@click.option("--district", default=None)
@click.option("--event-type", default=None)
@click.option("--target-type", default=None)
@click.option("--min-killed", type=int, default=None)
@click.option("--query", default=None, help="Full-text query on titles, places and group mentions.")
@click.option("--event", "events", multiple=True, type=click.Choice(EVENT_NAMES),
              help="Events to receive (repeatable; default incident.created and incident.updated).")
def watch_add(name: str, webhook_url: str | None, email: str | None, perpetrator: str | None, province: str | None,
              district: str | None, event_type: str | None, target_type: str | None, min_killed: int | None,
              query: str | None, events: tuple[str, ...]) -> None:
    """Create a watchlist; prints its id and secret (the secret is not shown again)."""
    try:
        flt = WatchFilter(perpetrator=perpetrator, province=province, district=district, event_type=event_type,
                          target_type=target_type, min_killed=min_killed, query=query)
        spec = WatchlistIn(name=name, filter=flt, webhook_url=webhook_url, email=email,
                           **({"events": list(events)} if events else {}))  # type: ignore[arg-type]
    except ValueError as exc:
        raise KhabarError(f"invalid watchlist: {exc}") from None
    doc = create_watchlist(_alert_store(), current_settings(), spec)
    out.print(f"watchlist {doc['id']} created; secret (shown once): {doc['secret']}", highlight=False)


@watch_group.command("list")
@click.option("--json", "as_json", is_flag=True)
def watch_list(as_json: bool) -> None:
    """The watchlists (without secrets)."""
    found = [public_watchlist(w) for w in _alert_store().list_watchlists()]
    if as_json:
        out.print_json(json.dumps(found))
        return
    table = Table("id", "name", "filter", "deliver to", "events")
    for w in found:
        table.add_row(w["id"], w["name"], json.dumps(w.get("filter", {})), w.get("webhook_url") or w.get("email") or "",
                      ", ".join(w["events"]))
    out.print(table)


@watch_group.command("remove")
@click.argument("watchlist_id")
def watch_remove(watchlist_id: str) -> None:
    """Delete a watchlist (its queued messages are cancelled)."""
    if not _alert_store().delete_watchlist(watchlist_id):
        raise KhabarError(f"no watchlist {watchlist_id!r}")
    out.print(f"watchlist {watchlist_id} removed")


@watch_group.command("test")
@click.argument("watchlist_id")
def watch_test(watchlist_id: str) -> None:
    """Send a `test` message to a watchlist now and print the outcome."""
    try:
        attempts = send_test(_alert_store(), current_settings(), watchlist_id)
    except WatchlistError as exc:
        raise KhabarError(str(exc)) from None
    for a in attempts:
        outcome = f"HTTP {a['status_code']}" if a["status_code"] else a["error"]
        out.print(f"{a['channel']}: {'delivered' if a['ok'] else 'failed'} ({outcome})", highlight=False)
    if not attempts or not all(a["ok"] for a in attempts):
        raise KhabarError("the test message was not delivered (it stays queued and is retried by the service)")


@watch_group.command("deliveries")
@click.argument("watchlist_id")
@click.option("--limit", type=int, default=20, show_default=True)
def watch_deliveries(watchlist_id: str, limit: int) -> None:
    """The delivery log of a watchlist, newest first."""
    table = Table("at", "event", "subject", "channel", "attempt", "status", "error")
    for d in _alert_store().deliveries_of(watchlist_id, limit):
        table.add_row(d["at"][:19], d["event"], d["subject_id"], d["channel"], str(d["attempt"]),
                      str(d["status_code"] or ""), d.get("error") or "")
    out.print(table)


@click.command("alerts")
@click.option("--scan", is_flag=True, help="Run spike detection now before listing.")
@click.option("--as-of", type=DATE, default=None, help="Judge the last complete week before this day (default today).")
@click.option("--kind", type=click.Choice(["surge", "threat"]), default=None)
@click.option("--limit", type=int, default=30, show_default=True)
def alerts_cmd(scan: bool, as_of: datetime | None, kind: str | None, limit: int) -> None:
    """Surge and threat alerts (per province, district and group)."""
    store = _alert_store()
    if scan:
        report = spikes.scan(store, as_of.date() if as_of else None)
        out.print(f"scan: {len(report.raised)} new alerts, {report.known} already known, {report.queued} messages queued")
    table = Table("kind", "dimension", "key", "period", "count", "baseline", "ratio")
    for a in store.list_alerts(kind, None, limit):
        table.add_row(a["kind"], a["dimension"], a["key"], f"{a['period_start']}..{a['period_end']}", str(a["count"]),
                      f"{a['baseline']:.1f}", f"{a['ratio']:.1f}")
    out.print(table)


@click.command("alerts")
@click.option("--acled", "acled", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Backtest on an ACLED CSV (rows as incidents) instead of the incident index.")
@click.option("--from", "date_from", type=DATE, default=None, help="First week to judge (default: 20 weeks after the first incident).")
@click.option("--to", "date_to", type=DATE, default=None, help="Last week to judge (default: 2 weeks before the last incident).")
def eval_alerts_cmd(acled: Path | None, date_from: datetime | None, date_to: datetime | None) -> None:
    """Backtest surge detection: replay the period week by week; surges raised and confirmed by the next two weeks."""
    rows = list(spikes.acled_rows(acled) if acled else spikes.index_rows(_alert_store()))
    days = [r["date"] for r in rows]
    if not days:
        raise KhabarError("no dated incidents to replay")
    first: date = date_from.date() if date_from else min(days) + timedelta(weeks=5)
    last: date = date_to.date() if date_to else max(days) - timedelta(weeks=spikes.CONFIRM_WEEKS)
    result = spikes.backtest(spikes.counts_from_rows(rows), first, last)
    source = acled.name if acled else "incident index"
    out.print(f"surge backtest on {source}: {len(rows)} incidents, {result.weeks} weeks judged ({first} .. {last})", highlight=False)
    table = Table("dimension", "surges raised", "confirmed", "confirmed share")
    for dim, (raised, confirmed) in sorted(result.by_dimension.items()):
        table.add_row(dim, str(raised), str(confirmed), f"{confirmed / raised:.2f}" if raised else "-")
    table.add_row("all", str(result.raised), str(result.confirmed), f"{result.confirmed_share:.2f}" if result.raised else "-")
    out.print(table)


@click.command("freshness")
@click.option("--timeout", type=float, default=300.0, show_default=True, help="Seconds to wait for the incident and the webhook.")
def bench_freshness_cmd(timeout: float) -> None:
    """Seconds from fetching a new article to a searchable incident and to webhook delivery (target <= 60 s)."""
    from khabar.tools.freshness import bench_freshness  # heavy: loads the service and the NLP stack

    result = bench_freshness(current_settings(), timeout=timeout)

    def show(value: float | None) -> str:
        return "not within the timeout" if value is None else f"{value:.1f} s"

    out.print(f"new article: {result.article}", highlight=False)
    out.print(f"crawl trigger -> fetch:        {show(result.trigger_to_fetch)}")
    out.print(f"fetch -> searchable incident:  {show(result.fetch_to_incident)}")
    out.print(f"fetch -> webhook delivery:     {show(result.fetch_to_webhook)}")
    if result.fetch_to_webhook is None or result.fetch_to_webhook > 60:
        raise KhabarError("freshness target missed: more than 60 s from fetch to webhook delivery")


COMMANDS: list[click.Command] = [watch_group, alerts_cmd]
BENCH_COMMANDS: list[click.Command] = [bench_freshness_cmd]
EVAL_COMMANDS: list[click.Command] = [eval_alerts_cmd]
