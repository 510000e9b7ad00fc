"""One crawl of one source in this (child) process, with a fresh Twisted reactor.

    python -m khabar.crawlers.child < JOB_JSON

The job arrives on stdin, never in a file or on the command line (it holds Elasticsearch
credentials and API keys): `settings` (Khabar settings), `source`, `run` (the CrawlRun
started by the parent), `dry_run` and `max_pages`. Progress and the final run are written
to stdout as JSON lines (`{"event": "progress"|"article"|"result", ...}`); Scrapy's log
goes to stderr. The spider closes itself at 80% of the source's `max_duration_seconds`
(the parent kills the process at the limit).
"""

from __future__ import annotations

import json
import sys
import threading
from typing import Any

from khabar.core.records import CrawlRun, utcnow
from khabar.core.settings import Settings
from khabar.crawlers.sources import Source
from khabar.crawlers.spiders import spider_for

_stdout_lock = threading.Lock()
GRACEFUL_SHARE = 0.8  # of max_duration_seconds: the spider closes itself then


def emit(event: dict[str, Any]) -> None:
    """Write one JSON line for the parent."""
    line = json.dumps(event, ensure_ascii=False, default=str)
    with _stdout_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def scrapy_settings(source: Source, settings: Settings, *, dry_run: bool = False) -> dict[str, Any]:
    """Scrapy settings for crawling one source politely and safely."""
    return {
        "BOT_NAME": "khabar",
        "USER_AGENT": source.user_agent,
        "ROBOTSTXT_OBEY": source.obey_robots_txt,
        "DOWNLOAD_DELAY": source.download_delay,
        "CONCURRENT_REQUESTS": source.concurrent_requests,
        "CONCURRENT_REQUESTS_PER_DOMAIN": source.concurrent_requests,
        "DOWNLOAD_TIMEOUT": source.timeout_seconds,
        "DNS_TIMEOUT": source.timeout_seconds,
        "DOWNLOAD_MAXSIZE": source.max_page_bytes,
        "DOWNLOAD_WARNSIZE": 0,
        "RETRY_ENABLED": source.retry_times > 0,
        "RETRY_TIMES": source.retry_times,
        "REDIRECT_MAX_TIMES": 5,
        "CLOSESPIDER_TIMEOUT": max(1.0, source.max_duration_seconds * GRACEFUL_SHARE),
        "TWISTED_DNS_RESOLVER": "khabar.crawlers.middlewares.GuardedResolver",
        "KHABAR_ALLOW_PRIVATE": source.allow_private_addresses,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.offsite.OffsiteMiddleware": None,
            "khabar.crawlers.middlewares.GuardMiddleware": 50,
            "khabar.crawlers.middlewares.RedirectLoopMiddleware": 650,
        },
        "ITEM_PIPELINES": {
            "khabar.crawlers.pipelines.CanonicalUrlPipeline": 100,
            "khabar.crawlers.pipelines.DedupPipeline": 200,
            "khabar.crawlers.pipelines.StorePipeline": 300,
        },
        "KHABAR_SETTINGS": settings,
        "KHABAR_DRY_RUN": dry_run,
    }


def run_crawl(settings: Settings, source: Source, run: CrawlRun, *, dry_run: bool = False, max_pages: int | None = None) -> CrawlRun:
    """Crawl one source to the end (blocks; needs a process with no reactor running yet)."""
    from scrapy.crawler import CrawlerProcess  # child-process entry point: the reactor is set up only here

    process = CrawlerProcess(scrapy_settings(source, settings, dry_run=dry_run))
    crawler = process.create_crawler(spider_for(source))
    process.crawl(crawler, source=source, run=run, max_articles=max_pages, max_pages=max_pages, progress=emit)
    process.start()
    run.ended_at = utcnow()
    reason = crawler.stats.get_value("finish_reason") if crawler.stats else None
    if reason == "closespider_timeout":
        run.status, run.message = "timed_out", f"stopped at its wall-clock limit ({source.max_duration_seconds:g} s, max_duration_seconds)"
    elif reason == "shutdown":
        run.status, run.message = "interrupted", "stopped by a signal (Ctrl-C or SIGTERM) before the end"
    elif run.pages_fetched == 0:
        errors = ", ".join(f"{kind} {n}" for kind, n in run.errors.model_dump().items() if n) or "no errors"
        run.status, run.message = "failed", f"no page could be fetched ({errors})"
    else:
        run.status = "finished"
    return run


def main() -> int:
    job = json.loads(sys.stdin.read())
    settings = Settings.model_validate(job["settings"])
    source = Source.model_validate(job["source"])
    run = CrawlRun.model_validate(job["run"])
    try:
        run = run_crawl(settings, source, run, dry_run=bool(job.get("dry_run")), max_pages=job.get("max_pages"))
    except Exception as exc:  # report any crash as a failed run
        run.ended_at, run.status, run.message = utcnow(), "failed", f"{type(exc).__name__}: {exc}"
        emit({"event": "result", "run": run.model_dump(mode="json", exclude={"duration_seconds", "error_count"})})
        raise
    emit({"event": "result", "run": run.model_dump(mode="json", exclude={"duration_seconds", "error_count"})})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
