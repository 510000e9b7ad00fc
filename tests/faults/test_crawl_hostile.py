"""Hostile sitemaps, feeds, pages, redirects and DNS against real Scrapy (child processes)
and local HTTP servers. Invariants: every crawl ends; no request reaches a non-global
address unless the source allows it; decompression is capped; a page cannot take over
another article's URL; the crawl job's secrets never touch the disk."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from elasticsearch import Elasticsearch

from khabar.core.records import CrawlRun
from khabar.core.settings import Settings
from khabar.crawlers.runner import crawl_source, start_crawl
from khabar.crawlers.sources import Source
from tests.conftest import make_settings
from tests.faults.hostile_site import ARTICLE_TEXT, Site, article_html, free_port, gzip_bomb, rss, serve, sitemap_index, urlset
from tests.test_crawl_support import stored_articles

pytestmark = pytest.mark.slow
FAKENET = Path(__file__).resolve().parent / "fakenet"
PUBLIC_IP = "127.0.0.5"  # made "global" inside the crawl child by fakenet/sitecustomize.py


def source(**fields: Any) -> Source:
    base: dict[str, Any] = {"id": "hostile", "name": "Hostile", "download_delay": 0, "retry_times": 0,
                            "allow_private_addresses": True, "timeout_seconds": 10}
    return Source.model_validate({**base, **fields})


def dry_crawl(settings: Settings, src: Source, timeout: float = 60) -> tuple[CrawlRun, list[dict[str, Any]], float]:
    """A dry-run crawl (nothing stored): its run, the articles it extracted, the seconds it took."""
    events: list[dict[str, Any]] = []
    begun = time.monotonic()
    crawl = start_crawl(settings, src, dry_run=True, on_event=events.append)
    try:
        run = crawl.wait(timeout=timeout)
    finally:
        if crawl.popen.poll() is None:
            crawl.popen.kill()
            crawl.popen.wait()
    return run, [e for e in events if e.get("event") == "article"], time.monotonic() - begun


@pytest.fixture
def dry_settings(tmp_path: Path) -> Settings:
    return make_settings("http://127.0.0.1:9", tmp_path / "data")  # a dry run never calls Elasticsearch


@pytest.fixture
def fakenet(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, list[str]]]:
    """A scripted DNS for the crawl children (fill the dict before crawling) and PUBLIC_IP as a public address."""
    script: dict[str, list[str]] = {}
    monkeypatch.setenv("PYTHONPATH", str(FAKENET))
    monkeypatch.setenv("KHABAR_FAKE_PUBLIC_IP", PUBLIC_IP)
    yield script


def use_dns(monkeypatch: pytest.MonkeyPatch, script: dict[str, list[str]]) -> None:
    monkeypatch.setenv("KHABAR_FAKE_DNS", json.dumps(script))


# -- sitemaps and feeds -------------------------------------------------------------------

def test_sitemap_index_listing_itself_and_cycles_ends(dry_settings: Settings) -> None:
    site = Site()
    with serve(site) as s:
        site.add("/index.xml", sitemap_index([f"{s.base}/index.xml", f"{s.base}/index2.xml"]), headers={"Content-Type": "application/xml"})
        site.add("/index2.xml", sitemap_index([f"{s.base}/index.xml", f"{s.base}/urls.xml"]), headers={"Content-Type": "application/xml"})
        site.add("/urls.xml", urlset([f"{s.base}/a1.html", f"{s.base}/a2.html"]), headers={"Content-Type": "application/xml"})
        site.add("/a1.html", article_html("One"))
        site.add("/a2.html", article_html("Two"))
        run, articles, took = dry_crawl(dry_settings, source(kind="sitemap", urls=[f"{s.base}/index.xml"]), timeout=45)
    assert run.status == "finished", run.message
    assert site.hits["/index.xml"] == 1 and site.hits["/index2.xml"] == 1 and site.hits["/urls.xml"] == 1
    assert sorted(a["url"].rsplit("/", 1)[1] for a in articles) == ["a1.html", "a2.html"]
    assert took < 45


def test_sitemaps_found_through_robots_txt(dry_settings: Settings) -> None:
    site = Site()
    with serve(site) as s:
        site.add("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {s.base}/news.xml\nSitemap: {s.base}/robots.txt\n",
                 headers={"Content-Type": "text/plain"})
        site.add("/news.xml", urlset([f"{s.base}/a1.html"]), headers={"Content-Type": "application/xml"})
        site.add("/a1.html", article_html("One"))
        run, articles, _ = dry_crawl(dry_settings, source(kind="sitemap", urls=[f"{s.base}/robots.txt"]))
    assert run.status == "finished" and [a["url"].rsplit("/", 1)[1] for a in articles] == ["a1.html"]
    assert site.hits["/news.xml"] == 1


@pytest.mark.parametrize("kind", ["sitemap", "rss"])
def test_gzip_bomb_is_not_unpacked_past_the_page_limit(kind: str, dry_settings: Settings) -> None:
    bomb = gzip_bomb()  # 2 MB of gzip, ~2 GB of zeros
    site = Site()
    with serve(site) as s:
        site.add("/bomb.xml.gz", bomb, headers={"Content-Type": "application/x-gzip"})
        src = source(kind=kind, urls=[f"{s.base}/bomb.xml.gz"], max_page_bytes=4 * 1024 * 1024)
        run, _, took = dry_crawl(dry_settings, src, timeout=45)
    assert site.hits["/bomb.xml.gz"] == 1
    assert run.errors.too_large == 1, run
    assert took < 45


def test_content_encoding_gzip_bomb_is_capped(dry_settings: Settings) -> None:
    site = Site()
    with serve(site) as s:
        site.add("/feed.xml", gzip_bomb(), headers={"Content-Type": "application/rss+xml", "Content-Encoding": "gzip"})
        run, _, _ = dry_crawl(dry_settings, source(kind="rss", urls=[f"{s.base}/feed.xml"], max_page_bytes=4 * 1024 * 1024))
    assert run.errors.too_large == 1 and run.errors.other == 0, run


def test_feeds_parsed_by_feedparser_rss_and_atom(dry_settings: Settings) -> None:
    site = Site()
    with serve(site) as s:
        atom = ('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
                f'<entry><title>Atom one</title><link rel="alternate" href="{s.base}/atom1.html"/>'
                '<updated>2024-03-01T10:00:00Z</updated></entry></feed>')
        site.add("/atom.xml", atom, headers={"Content-Type": "application/atom+xml"})
        site.add("/rss.xml", rss([f"{s.base}/rss1.html"]), headers={"Content-Type": "application/rss+xml"})
        site.add("/atom1.html", article_html("Atom one"))
        site.add("/rss1.html", article_html("Rss one"))
        run, articles, _ = dry_crawl(dry_settings, source(kind="rss", urls=[f"{s.base}/atom.xml", f"{s.base}/rss.xml"]))
    assert run.status == "finished" and run.errors.total == 0, run
    assert sorted(a["url"].rsplit("/", 1)[1] for a in articles) == ["atom1.html", "rss1.html"]


# -- the address guard ----------------------------------------------------------------------

def test_redirects_to_non_global_addresses_refused(dry_settings: Settings, fakenet: dict[str, list[str]],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    port = free_port(PUBLIC_IP, "127.0.0.1")
    news, internal = Site(), Site()
    with serve(news, PUBLIC_IP, port, name="news.test") as n, serve(internal, "127.0.0.1", port):
        internal.add("/secret.html", article_html("Internal secret"))
        news.add("/ok.html", article_html("Fine"))
        news.add("/to-loopback.html", status=302, headers={"Location": f"http://127.0.0.1:{port}/secret.html"})
        news.add("/to-shared.html", status=302, headers={"Location": f"http://100.64.0.1:{port}/secret.html"})
        news.add("/to-name.html", status=302, headers={"Location": f"http://internal.test:{port}/secret.html"})
        pages = ["ok", "to-loopback", "to-shared", "to-name"]
        news.add("/rss.xml", rss([f"{n.base}/{p}.html" for p in pages]), headers={"Content-Type": "application/rss+xml"})
        use_dns(monkeypatch, {"news.test": [PUBLIC_IP], "internal.test": ["127.0.0.1"]})
        src = source(kind="rss", urls=[f"{n.base}/rss.xml"], allow_private_addresses=False,
                     allowed_domains=["news.test", "internal.test", "127.0.0.1", "100.64.0.1"])
        run, articles, _ = dry_crawl(dry_settings, src)
    assert internal.hits == {}, "a request reached a non-global address"
    assert [a["url"].rsplit("/", 1)[1] for a in articles] == ["ok.html"]
    assert run.errors.private_address == 3, run.errors
    assert run.errors.connection == 0


def test_dns_rebinding_connects_to_the_checked_address(dry_settings: Settings, fakenet: dict[str, list[str]],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """The resolver answers a public address first, loopback afterwards: the crawl must only
    ever connect to the address it checked."""
    port = free_port(PUBLIC_IP, "127.0.0.1")
    news, internal = Site(), Site()
    with serve(news, PUBLIC_IP, port, name="rebind.test") as n, serve(internal, "127.0.0.1", port):
        for site in (news, internal):
            site.add("/rss.xml", rss([f"{n.base}/story.html"]), headers={"Content-Type": "application/rss+xml"})
            site.add("/story.html", article_html("Story"))
        use_dns(monkeypatch, {"rebind.test": [PUBLIC_IP, "127.0.0.1"]})
        run, articles, _ = dry_crawl(dry_settings, source(kind="rss", urls=[f"{n.base}/rss.xml"], allow_private_addresses=False))
    assert internal.hits == {}, f"rebinding reached loopback: {dict(internal.hits)}"
    assert news.hits["/story.html"] == 1 and len(articles) == 1
    assert run.status == "finished"


def test_failed_lookup_denies_the_request(dry_settings: Settings, fakenet: dict[str, list[str]],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The first lookup fails, later ones answer loopback: nothing may reach loopback."""
    internal = Site()
    with serve(internal, "127.0.0.1") as i:
        internal.add("/rss.xml", rss([]), headers={"Content-Type": "application/rss+xml"})
        port = i.base.rsplit(":", 1)[1]
        use_dns(monkeypatch, {"flaky.test": ["", "127.0.0.1"]})
        run, _, _ = dry_crawl(dry_settings, source(kind="rss", urls=[f"http://flaky.test:{port}/rss.xml"], allow_private_addresses=False))
    assert internal.hits == {}
    assert run.status == "failed" and run.pages_fetched == 0


# -- canonical hijack ------------------------------------------------------------------------

def test_page_cannot_hijack_another_articles_canonical_url(settings: Settings, es: Elasticsearch) -> None:
    site = Site()
    other_text = "An unrelated page about the weather in the hills, written to replace a real report. " * 3
    with serve(site) as s:
        real, evil = f"{s.base}/news/real.html", f"{s.base}/news/evil.html"
        site.add("/news/real.html", article_html("Real report", canonical=real))
        site.add("/news/evil.html", article_html("Fake report", other_text, canonical=real))
        site.add("/first.xml", rss([real]), headers={"Content-Type": "application/rss+xml"})
        site.add("/second.xml", rss([evil]), headers={"Content-Type": "application/rss+xml"})
        first = crawl_source(settings, source(kind="rss", urls=[f"{s.base}/first.xml"]))
        second = crawl_source(settings, source(kind="rss", urls=[f"{s.base}/second.xml"]))
    assert first.articles_new == 1 and second.status == "finished"
    docs = {d["url"]: d for d in stored_articles(es, settings)}
    assert set(docs) == {real, evil}, "the hijacking page must be stored under its own URL"
    assert ARTICLE_TEXT in docs[real]["text"] and docs[real]["version"] == 1 and docs[real]["urls"] == [real]
    assert "weather" in docs[evil]["text"]


# -- wall-clock limit and secrets --------------------------------------------------------------

def test_every_crawl_ends_within_its_wall_clock_limit(dry_settings: Settings) -> None:
    site = Site()
    with serve(site) as s:
        site.add("/rss.xml", rss([f"{s.base}/slow{n}.html" for n in range(4)]), headers={"Content-Type": "application/rss+xml"})
        for n in range(4):
            site.add(f"/slow{n}.html", article_html("Slow"), delay=120)
        limit = 8.0
        src = source(kind="rss", urls=[f"{s.base}/rss.xml"], max_duration_seconds=limit, timeout_seconds=300, concurrent_requests=4)
        run, _, took = dry_crawl(dry_settings, src, timeout=60)
    assert took <= limit + 2.0, f"crawl took {took:.1f}s, limit {limit}s"
    assert run.status == "timed_out", run
    assert "limit" in (run.message or "")


def test_crawl_job_secrets_never_written_to_disk(tmp_path: Path) -> None:
    secret = "pw-Zq81-never-on-disk"
    settings = make_settings("http://127.0.0.1:9", tmp_path / "data")
    settings.elasticsearch.password = secret
    settings.api.api_keys = [f"key-{secret}"]
    site = Site()
    with serve(site) as s:
        site.add("/rss.xml", rss([f"{s.base}/slow.html"]), headers={"Content-Type": "application/rss+xml"})
        site.add("/slow.html", article_html("Slow"), delay=3)
        crawl = start_crawl(settings, source(kind="rss", urls=[f"{s.base}/rss.xml"]), dry_run=True)
        try:
            deadline = time.monotonic() + 20
            while not site.hits["/slow.html"] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert site.hits["/slow.html"], "the crawl never started"
            child_cmdline = Path(f"/proc/{crawl.pid}/cmdline").read_bytes()
            leaked = [str(p) for p in _files_holding(secret.encode(), [Path("/tmp"), settings.data_path])]
        finally:
            crawl.popen.kill()
            crawl.wait(timeout=30)
    assert secret.encode() not in child_cmdline
    assert leaked == []


def _files_holding(needle: bytes, roots: list[Path]) -> Iterator[Path]:
    """Files under `roots` (crawl job files in /tmp: khabar-* only) whose bytes contain `needle`."""
    for root in roots:
        candidates = list(root.glob("khabar-crawl-*")) if root == Path("/tmp") else [root]
        for top in candidates:
            for path in [top] if top.is_file() else top.rglob("*"):
                try:
                    if path.is_file() and needle in path.read_bytes():
                        yield path
                except OSError:
                    continue

