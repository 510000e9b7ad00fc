"""Versioning and duplicates: a changed page becomes version 2, one text under several URLs
stays one article. Runs against a copy of the demo site that the test edits."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from elasticsearch import Elasticsearch

from khabar.core.records import article_id
from khabar.core.settings import Settings
from khabar.crawlers.runner import crawl_source
from khabar.crawlers.urls import canonicalize_url
from khabar.demo.server import DEFAULT_ROOT
from khabar.index.templates import alias_name
from tests.test_crawl_support import demo_server, demo_source, gold_paths, stored_articles, write_sources

pytestmark = pytest.mark.slow
ARTICLE = "/frontier-herald/2025/12/sho-constable-martyred-in-lakki-marwat-ied-blast.html"
EDITED = "/frontier-herald/2025/11/three-policemen-injured-in-grenade-attack-on-landi-kotal-police-station.html"
COPY_WITH_CANONICAL = "/frontier-herald/mirror/lakki-marwat-blast.html"
COPY_WITHOUT_CANONICAL = "/frontier-herald/2025/12/lakki-marwat-ied-blast-copy.html"


def _add_copies(root: Path) -> None:
    """Two copies of one article: one still declaring the original as canonical, one not;
    both listed in the feed."""
    html = (root / ARTICLE.lstrip("/")).read_text(encoding="utf-8")
    for path, text in ((COPY_WITH_CANONICAL, html), (COPY_WITHOUT_CANONICAL, re.sub(r'<link rel="canonical"[^>]*>', "", html))):
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    feed = root / "frontier-herald" / "rss.xml"
    items = "".join(f"<item><title>Copy</title><link>{{{{BASE}}}}{p}</link></item>" for p in (COPY_WITH_CANONICAL, COPY_WITHOUT_CANONICAL))
    feed.write_text(feed.read_text(encoding="utf-8").replace("</channel>", items + "</channel>"), encoding="utf-8")


def _edit_paragraph(root: Path) -> None:
    page = root / EDITED.lstrip("/")
    html = page.read_text(encoding="utf-8")
    edited = re.sub(r"(<article.*?<p>)", r"\1UPDATED: the toll was revised by officials. ", html, count=1, flags=re.S)
    assert edited != html
    page.write_text(edited, encoding="utf-8")


def test_changed_page_and_duplicate_urls(tmp_path: Path, settings: Settings, es: Elasticsearch) -> None:
    root = tmp_path / "site"
    shutil.copytree(DEFAULT_ROOT, root)
    _add_copies(root)
    pattern = r"/frontier-herald/[\w/-]+\.html$"
    with demo_server(root) as base:
        config = write_sources(tmp_path / "sources.yaml", demo_source(base, "frontier-herald", "rss", article_url_patterns=[pattern]))
        source = config.get("demo-frontier-herald")
        gold = len(gold_paths("frontier-herald"))

        first = crawl_source(settings, source)
        assert first.articles_new == gold
        # which of the three URLs comes first varies; the others add their URL (or find it known)
        assert first.articles_duplicate >= 1 and first.articles_duplicate + first.articles_unchanged == 2
        docs = stored_articles(es, settings)
        assert len(docs) == gold
        holder = [d for d in docs if canonicalize_url(base + ARTICLE) in d["urls"]]
        assert len(holder) == 1
        assert {base + ARTICLE, base + COPY_WITH_CANONICAL, base + COPY_WITHOUT_CANONICAL} <= set(holder[0]["urls"])

        edited_id = article_id(canonicalize_url(base + EDITED))
        es.update(index=alias_name(settings, "articles"), id=edited_id, doc={"nlp_status": "done"}, refresh=True)
        before = es.get(index=alias_name(settings, "articles"), id=edited_id)["_source"]
        _edit_paragraph(root)

        second = crawl_source(settings, source)
        assert (second.articles_new, second.articles_updated, second.articles_duplicate) == (0, 1, 0)
        assert second.articles_unchanged == gold + 2 - 1
        after = es.get(index=alias_name(settings, "articles"), id=edited_id)["_source"]
        assert after["version"] == 2
        assert after["first_seen"] == before["first_seen"]
        assert after["last_seen"] > before["last_seen"]
        assert after["nlp_status"] == "pending"
        assert "UPDATED: the toll was revised" in after["text"]
        assert after["content_hash"] != before["content_hash"]
        assert len(stored_articles(es, settings)) == gold
