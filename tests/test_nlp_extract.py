"""Integration tests of the extractor on hand-written multi-paragraph articles."""

from __future__ import annotations

from datetime import UTC, date, datetime

from khabar.core.records import ExtractedEvent
from khabar.nlp.extract import Extractor, article_text

PUB = datetime(2025, 3, 5, 8, 0, tzinfo=UTC)  # a Wednesday

CHECKPOST = """PESHAWAR: Three policemen were martyred and two others injured when terrorists attacked a police checkpost in Dera Ismail Khan late last night, police said.

The Tehreek-i-Taliban Pakistan (TTP) claimed responsibility for the attack in a statement.

The attack comes weeks after a suicide bombing in Bannu had killed 12 soldiers."""

ROUNDUP = """QUETTA: Security forces killed five terrorists in an intelligence-based operation in North Waziristan on Tuesday, the ISPR said.

In another incident, a roadside bomb exploded near a passenger van in Turbat, killing two people and injuring four.

Meanwhile, in Khuzdar, unidentified gunmen abducted three labourers working on a road project."""

POLICY = """ISLAMABAD: The federal cabinet on Tuesday approved a new counter-terrorism policy to curb militancy.

The interior minister said attacks had declined in 2024 and the policy would strengthen the police."""

FOILED = """The bomb disposal squad defused an improvised explosive device planted near a school in Bannu on Monday, police said. No one was hurt."""

TOLL = """At least eight people were killed and 20 injured in a suicide blast at a mosque in Peshawar on Tuesday.

Later, the death toll rose to 12, including three children, hospital officials said. Police blamed the Islamic State Khorasan Province for the attack."""


def run(extractor: Extractor, text: str) -> list[ExtractedEvent]:
    return extractor.extract({"id": "t", "url": "https://example.test/a", "text": text, "published_at": PUB})


def test_single_attack_with_claim_and_recap(extractor: Extractor) -> None:
    (event,) = run(extractor, CHECKPOST)
    assert event.event_type == "armed_assault"
    assert (event.killed, event.injured) == (3, 2)
    assert event.date == date(2025, 3, 4)
    assert event.location.district == "Dera Ismail Khan"
    assert event.perpetrator.name == "Tehrik-i-Taliban Pakistan"
    assert event.perpetrator.attribution == "claimed"
    assert event.target_type == "police"
    assert 0 < event.confidence <= 1


def test_evidence_offsets_point_into_text(extractor: Extractor) -> None:
    (event,) = run(extractor, CHECKPOST)
    for field in ("event_type", "killed", "date", "location", "perpetrator", "target_type"):
        ev = event.evidence[field]
        assert CHECKPOST[ev.start : ev.end] == ev.sentence
        assert ev.text is None or ev.text in ev.sentence


def test_roundup_gives_several_events(extractor: Extractor) -> None:
    events = run(extractor, ROUNDUP)
    assert [e.event_type for e in events] == ["security_operation", "bombing", "kidnapping"]
    op, blast, kidnap = events
    assert op.attackers_killed == 5 and op.target_type == "militants" and op.location.district == "North Waziristan"
    assert (blast.killed, blast.injured, blast.location.district) == (2, 4, "Kech")
    assert blast.target_type == "transport"
    assert kidnap.kidnapped == 3 and kidnap.location.district == "Khuzdar"


def test_policy_article_gives_nothing(extractor: Extractor) -> None:
    assert run(extractor, POLICY) == []


def test_foiled_attack_has_zero_casualties(extractor: Extractor) -> None:
    (event,) = run(extractor, FOILED)
    assert event.event_type == "bombing"
    assert (event.killed, event.injured) == (0, 0)
    assert event.target_type == "education"


def test_toll_update_and_blame(extractor: Extractor) -> None:
    (event,) = run(extractor, TOLL)
    assert event.event_type == "bombing" and event.suicide
    assert (event.killed, event.injured) == (12, 20)
    assert event.target_type == "religious"
    assert event.perpetrator.attribution == "blamed"


def test_paragraphs_and_extract_many(extractor: Extractor) -> None:
    art = {"id": "p", "url": "https://example.test/p", "paragraphs": CHECKPOST.split("\n\n"), "published_at": PUB}
    results = dict(extractor.extract_many([art, {"id": "q", "url": "u", "text": POLICY, "published_at": PUB}], 2))
    assert len(results["p"]) == 1 and results["q"] == []
    ev = results["p"][0].evidence["killed"]
    from khabar.nlp.extract import to_article

    assert article_text(to_article(art))[ev.start : ev.end] == ev.sentence


class FakeClassifier:
    """A stand-in for the MiniLM classifier."""

    def __init__(self, relevance: float) -> None:
        self.prob = relevance

    def relevance(self, texts: list[str]) -> list[float]:
        return [self.prob] * len(texts)

    def event_type_scores(self, texts: list[str]) -> list[dict[str, float]]:
        return [{"bombing": 0.9, "armed_assault": 0.1} for _ in texts]

    def embed(self, texts: list[str]) -> list[list[float]]:
        return [[1.0, 0.0, 0.0] for _ in texts]


def test_classifier_hook_embeds_and_gates() -> None:
    ex = Extractor(nlp=Extractor(classifier=None).nlp, classifier=FakeClassifier(0.95))
    events, embeddings = ex.extract_with_embeddings({"id": "t", "url": "u", "text": CHECKPOST, "published_at": PUB})
    assert len(events) == 1 and embeddings == [[1.0, 0.0, 0.0]]
    weak = "Police said an attack was possible. Officials held a meeting on security."
    low = Extractor(nlp=ex.nlp, classifier=FakeClassifier(0.0))
    assert low.extract({"id": "w", "url": "u", "text": weak, "published_at": PUB}) == []


def test_confident_classifier_frames_a_report_the_rules_could_not() -> None:
    text = "Gunmen set ablaze a truck carrying supplies near Kalat on Monday"
    article = {"id": "t", "url": "u", "text": text, "published_at": PUB}
    rules_only = Extractor(classifier=None)
    assert rules_only.extract(article) == []
    unsure = Extractor(nlp=rules_only.nlp, classifier=FakeClassifier(0.5))
    assert unsure.extract(article) == []
    confident = Extractor(nlp=rules_only.nlp, classifier=FakeClassifier(0.95))
    (event,) = confident.extract(article)
    assert event.location.district == "Kalat"
    assert event.date == date(2025, 3, 3)


def test_recap_of_a_claimed_attack_is_background(extractor: Extractor) -> None:
    text = (
        "TANK: Unidentified militants blew up a mobile phone tower on the outskirts of Tank on Tuesday night, police said. "
        "There were no casualties.\n\n"
        "The attack comes a month after a suicide bombing at a political convention in Bajaur killed 14 people, "
        "an attack claimed by the Islamic State Khorasan Province."
    )
    events = run(extractor, text)
    assert [(e.event_type, e.location.district) for e in events] == [("infrastructure_attack", "Tank")]


def test_article_embedding_uses_headline_and_lead() -> None:
    from khabar.core.records import Article
    from khabar.nlp.extract import lead_paragraph

    article = Article(url="u", title="Blast in Quetta", paragraphs=["QUETTA:", CHECKPOST.split("\n\n")[0], "More."])
    assert lead_paragraph(article).startswith("PESHAWAR: Three policemen")
    seen: list[str] = []

    class Recorder(FakeClassifier):
        def embed(self, texts: list[str]) -> list[list[float]]:
            seen.extend(texts)
            return super().embed(texts)

    ex = Extractor(nlp=Extractor(classifier=None).nlp, classifier=Recorder(0.9))
    assert ex.article_embeddings([article]) == [[1.0, 0.0, 0.0]]
    assert seen == [f"Blast in Quetta. {lead_paragraph(article)}"]
    assert Extractor(nlp=ex.nlp, classifier=None).article_embeddings([article]) == [None]
