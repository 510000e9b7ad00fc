"""Source health for operators: a `source.degraded` alert when a source starts failing, is blocked,
or its extraction yield drops (a layout change), judged against its own recent runs; it recovers
by itself when a later run is healthy again.

For each source, the latest crawl run is compared with the runs before it (at least
`MIN_BASELINE_RUNS`, at most `WINDOW - 1`):

- **fetch errors**: the share of fetched pages answered with an HTTP error status (403, 429,
  5xx...), a timeout or a connection failure is at least 0.5 and 0.3 above the baseline's share;
- **empty extraction**: the share of pages whose main text came out empty (or failed to parse)
  is at least 0.5 and 0.3 above the baseline's share;
- **yield**: the baseline found at least 3 articles per run and the latest run found fewer than
  half of that;
- **events per article**: NLP found at least 0.3 events per article in the baseline's new or
  changed articles and fewer than a third of that in the latest run's (at least 3 processed): a
  layout change that leaves boilerplate instead of the story;
- **failed run**: the latest run failed or fetched nothing while the baseline fetched pages.

`check_sources` is called by the alerts job after each pass; `judge` is a pure function.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from khabar.app.alerts import queue_message
from khabar.core.records import stable_id, utcnow
from khabar.index.alerts import AlertStore
from khabar.index.store import StoreNotFound

WINDOW = 10
MIN_BASELINE_RUNS = 1
SHARE_ALERT = 0.5
SHARE_MARGIN = 0.3
MIN_BASELINE_ARTICLES = 3.0
YIELD_DROP = 0.5
MIN_EVENTS_PER_ARTICLE = 0.3
EVENTS_DROP = 1 / 3
MIN_PROCESSED = 3
FETCH_ERRORS = ("http_status", "timeout", "connection")
EMPTY_ERRORS = ("empty_text", "parse_failure")


@dataclass
class RunFigures:
    """The health figures of one crawl run."""

    pages: int
    fetch_error_share: float
    empty_share: float
    articles: int
    failed: bool
    processed: int = 0  # of the articles this run fetched (new or changed), those NLP has processed
    events: int = 0  # and the events NLP found in them


def figures(run: dict[str, Any]) -> RunFigures:
    errors = run.get("errors") or {}
    pages = int(run.get("pages_fetched") or 0)
    articles = sum(int(run.get(k) or 0) for k in ("articles_new", "articles_updated", "articles_unchanged", "articles_duplicate"))
    denominator = max(pages, 1)
    return RunFigures(
        pages=pages,
        fetch_error_share=sum(int(errors.get(k) or 0) for k in FETCH_ERRORS) / denominator,
        empty_share=sum(int(errors.get(k) or 0) for k in EMPTY_ERRORS) / denominator,
        articles=articles,
        failed=run.get("status") == "failed",
        processed=int((run.get("nlp") or {}).get("articles") or 0),
        events=int((run.get("nlp") or {}).get("events") or 0),
    )


@dataclass
class Health:
    """A source's verdict: degraded with reasons, or healthy; `judged` is False without enough history."""

    judged: bool
    reasons: list[str] = field(default_factory=list)

    @property
    def degraded(self) -> bool:
        return bool(self.reasons)


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def judge(runs: list[dict[str, Any]]) -> Health:
    """The health of a source from its runs, newest first (see the module docstring for the rules)."""
    finished = [r for r in runs if r.get("status") != "running"]
    if len(finished) < MIN_BASELINE_RUNS + 1:
        return Health(judged=False)
    latest, baseline = figures(finished[0]), [figures(r) for r in finished[1:WINDOW]]
    reasons: list[str] = []
    base_pages = _mean([b.pages for b in baseline])
    if (latest.failed or latest.pages == 0) and base_pages > 0:
        reasons.append("the latest crawl failed or fetched nothing")
    base_err = _mean([b.fetch_error_share for b in baseline])
    if latest.fetch_error_share >= SHARE_ALERT and latest.fetch_error_share >= base_err + SHARE_MARGIN:
        reasons.append(f"{latest.fetch_error_share:.0%} of fetches failed (403/429/5xx, timeouts), against {base_err:.0%} before")
    base_empty = _mean([b.empty_share for b in baseline])
    if latest.empty_share >= SHARE_ALERT and latest.empty_share >= base_empty + SHARE_MARGIN:
        reasons.append(f"{latest.empty_share:.0%} of pages had no main text (a layout change?), against {base_empty:.0%} before")
    base_articles = _mean([float(b.articles) for b in baseline])
    if base_articles >= MIN_BASELINE_ARTICLES and latest.articles < YIELD_DROP * base_articles:
        reasons.append(f"{latest.articles} articles in the latest crawl, against {base_articles:.1f} per run before")
    base_processed = sum(b.processed for b in baseline)
    base_epa = sum(b.events for b in baseline) / base_processed if base_processed else 0.0
    if latest.processed >= MIN_PROCESSED and base_epa >= MIN_EVENTS_PER_ARTICLE:
        epa = latest.events / latest.processed
        if epa < EVENTS_DROP * base_epa:
            reasons.append(f"{epa:.2f} events per article in the latest crawl, against {base_epa:.2f} before (a layout change?)")
    return Health(judged=True, reasons=reasons)


@dataclass
class HealthReport:
    """What one check did."""

    degraded: list[str] = field(default_factory=list)
    raised: int = 0
    recovered: int = 0
    queued: int = 0


def check_sources(store: AlertStore, runs_by_source: dict[str, list[dict[str, Any]]]) -> HealthReport:
    """Raise `source.degraded` for newly degraded sources, close the alerts of sources that healed."""
    report = HealthReport()
    open_alerts = {a["source_id"]: a for a in store.open_source_alerts()}
    subscribed = [w for w in store.list_watchlists() if "source.degraded" in w["events"]]
    for source_id, runs in sorted(runs_by_source.items()):
        windows = [(str(r.get("started_at")), str(r.get("ended_at") or r.get("started_at"))) for r in runs]
        for run, (processed, events) in zip(runs, store.nlp_yield(source_id, windows), strict=True):
            run["nlp"] = {"articles": processed, "events": events}
        health = judge(runs)
        if not health.judged:
            continue
        current = open_alerts.get(source_id)
        if health.degraded:
            report.degraded.append(source_id)
            if current is not None:
                continue
            latest = runs[0]
            alert = {
                "id": stable_id("alert", "source.degraded", source_id, latest.get("id") or latest.get("started_at")),
                "kind": "source.degraded", "dimension": "source", "key": source_id, "source_id": source_id, "status": "open",
                "period_start": str(latest.get("started_at"))[:10], "period_end": str(latest.get("ended_at") or latest.get("started_at"))[:10],
                "count": figures(latest).articles, "baseline": 0.0, "ratio": 0.0, "raised_at": utcnow().isoformat(),
                "message": f"source {source_id} degraded: " + "; ".join(health.reasons),
            }
            if store.add_alert(alert):
                report.raised += 1
                for watchlist in subscribed:
                    report.queued += queue_message(store, watchlist, "source.degraded", str(alert["id"]),
                                                   {"alert": alert, "incident": None, "changes": {}})
        elif current is not None:
            store.update_alert(current["id"], {"status": "recovered", "recovered_at": utcnow().isoformat()})
            report.recovered += 1
    return report


def degraded_sources(store: AlertStore) -> list[dict[str, Any]]:
    """The open `source.degraded` alerts (none when the alerts index does not exist yet)."""
    try:
        return store.open_source_alerts()
    except StoreNotFound:
        return []
