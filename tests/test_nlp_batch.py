"""NLP processing of one batch as a pure step (`extract_batch`): no Elasticsearch in this file."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

import khabar.nlp.process as process_mod
from khabar.core.records import Article, EventMention, ExtractedEvent, mention_id
from khabar.index.store import StoreConnectionError
from khabar.nlp.extract import Extractor
from khabar.nlp.process import extract_batch, to_mentions

PUB = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)
ROUNDUP = (
    "Security forces killed five terrorists in an intelligence-based operation in North Waziristan on Tuesday.\n\n"
    "In another incident, a roadside bomb exploded near a passenger van in Turbat, killing two people."
)
SINGLE = "Three soldiers were martyred when terrorists attacked a checkpost in Kech on Monday."
QUIET = "The provincial cabinet approved the budget for schools and hospitals on Monday."


def article(slug: str, text: str) -> Article:
    return Article(url=f"https://example.test/{slug}", text=text, published_at=PUB, outlet="Test Times",
                   source_id="test", title="T", version=2)


def test_batch_gives_each_article_its_mentions_with_article_fields(extractor: Extractor) -> None:
    roundup, single, quiet = article("roundup", ROUNDUP), article("single", SINGLE), article("quiet", QUIET)
    result = extract_batch(extractor, [roundup, single, quiet])
    assert result.failed == {}
    assert [m.id for m in result.mentions[roundup.id]] == [mention_id(roundup.id, 0), mention_id(roundup.id, 1)]
    assert [m.event_type for m in result.mentions[roundup.id]] == ["security_operation", "bombing"]
    [attack] = result.mentions[single.id]
    assert attack.killed == 3 and attack.article_version == 2 and attack.outlet == "Test Times"
    assert attack.article_url == single.url and attack.published_at == PUB
    assert result.mentions[quiet.id] == []
    assert result.article_vectors == {roundup.id: None, single.id: None, quiet.id: None}  # rules only: no encoder


def test_a_failing_article_is_recorded_and_the_rest_go_on(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    bad, good = article("bad", SINGLE), article("good", ROUNDUP)

    def fail_for_bad(art: Article, events: list[ExtractedEvent], embeddings: list[list[float] | None]) -> list[EventMention]:
        if art.id == bad.id:
            raise ValueError("bad article")
        return to_mentions(art, events, embeddings)

    monkeypatch.setattr(process_mod, "to_mentions", fail_for_bad)
    result = extract_batch(extractor, [bad, good])
    assert result.failed == {bad.id: "bad article"}
    assert bad.id not in result.mentions and len(result.mentions[good.id]) == 2


def test_a_storage_connection_error_aborts_the_batch(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    def unreachable(*args: object) -> list[EventMention]:
        raise StoreConnectionError("connection refused")

    monkeypatch.setattr(process_mod, "to_mentions", unreachable)
    with pytest.raises(StoreConnectionError):
        extract_batch(extractor, [article("x", SINGLE)])


def test_an_extraction_failure_is_charged_to_its_own_article(extractor: Extractor, monkeypatch: pytest.MonkeyPatch) -> None:
    first, bad, last = article("first", SINGLE), article("bad", QUIET), article("last", ROUNDUP)
    events_of = Extractor._events

    def fail_for_bad(self: Extractor, art: Article, doc: object) -> list[ExtractedEvent]:
        if art.id == bad.id:
            raise ValueError("parser blew up")
        return events_of(self, art, doc)  # type: ignore[arg-type]

    monkeypatch.setattr(Extractor, "_events", fail_for_bad)
    result = extract_batch(extractor, [first, bad, last])
    assert result.failed == {bad.id: "parser blew up"}
    assert len(result.mentions[first.id]) == 1 and len(result.mentions[last.id]) == 2
