"""Extract a handful of demo-site articles and compare with `demo/site/gold.jsonl`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from khabar.nlp.extract import Extractor

SITE = Path(__file__).resolve().parent.parent / "demo" / "site"
GOLD = SITE / "gold.jsonl"


@pytest.mark.skipif(not GOLD.exists(), reason="demo site not built")
def test_demo_articles_match_gold() -> None:
    from khabar.crawlers.extract import extract_page, read_html_file

    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()][:12]
    ex = Extractor(classifier=None)
    hits = total = relevant_ok = 0
    for item in gold:
        page = extract_page(read_html_file(SITE / item["url"].lstrip("/")), item["url"])
        events = ex.extract({"id": item["url"], "url": item["url"], "text": page.text, "published_at": item["published_at"]})
        relevant_ok += bool(events) == item["relevant"]
        for want, got in zip(item["events"], events, strict=False):
            total += 4
            hits += want["event_type"] == got.event_type
            hits += want["killed"] == got.killed
            hits += want["district"] == got.location.district
            hits += want["date"] == str(got.date)
    assert relevant_ok >= len(gold) - 1
    assert total and hits / total >= 0.8
