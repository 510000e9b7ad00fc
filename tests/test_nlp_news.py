"""The extractor on full news reports: background statistics, wire-style dates, Afghan vs Pakistani
Taliban, short coder-style notes, state-blame labels, faction claims and implausible tolls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from khabar.nlp.components.base import char_span
from khabar.nlp.extract import MODEL_VERSION, Extractor, model_version, record_toll
from khabar.nlp.pipeline import build_nlp

PKT = timezone(timedelta(hours=5))

QUETTA_STATISTIC = (
    "Eleven people were killed on Monday when a bomb exploded near a police van in Quetta, police said. "
    "The blast also wounded 20 people.\n\nPakistan recorded 785 militant attacks in the first ten months of "
    "this year, in which 951 people were killed, according to a think tank."
)
KURRAM_TALIBAN = (
    "PESHAWAR: Taliban fighters fired mortars across the border at Pakistani posts in Kurram on Sunday, "
    "killing two soldiers, the military said. Afghan Taliban forces also targeted posts in Bajaur."
)
BLF_NOTE = "BLF militants fired a rocket at a check post near Turbat. Casualties unknown."


def _one(extractor: Extractor, text: str, published: datetime) -> dict:
    events = extractor.extract({"id": "t", "text": text, "published_at": published})
    assert len(events) == 1, events
    return events[0].model_dump(mode="json")


def test_statistic_paragraph_is_not_the_toll_and_monday_is_the_day_of_a_monday_report(extractor: Extractor) -> None:
    event = _one(extractor, QUETTA_STATISTIC, datetime(2024, 8, 12, 10, 0, tzinfo=PKT))  # a Monday
    assert (event["killed"], event["injured"], event["date"]) == (11, 20, "2024-08-12")
    assert event["location"]["district"] == "Quetta"
    assert event["review"] is False


def test_publication_time_is_read_in_pakistan_time(extractor: Extractor) -> None:
    # 21:00 UTC on Sunday is 02:00 on Monday in Pakistan: "on Monday" is that Monday
    event = _one(extractor, QUETTA_STATISTIC, datetime(2024, 8, 11, 21, 0, tzinfo=UTC))
    assert event["date"] == "2024-08-12"


def test_last_weekday_on_that_weekday_is_the_week_before(extractor: Extractor) -> None:
    text = "Two policemen were shot dead last Monday when gunmen attacked a checkpost in Bannu, police said."
    event = _one(extractor, text, datetime(2024, 8, 12, 10, 0, tzinfo=PKT))
    assert event["date"] == "2024-08-05"


def test_taliban_firing_across_the_border_are_the_afghan_taliban(extractor: Extractor) -> None:
    event = _one(extractor, KURRAM_TALIBAN, datetime(2025, 10, 13, 10, 0, tzinfo=PKT))
    assert event["perpetrator"]["name"] == "Taliban (Afghanistan)"
    assert (event["killed"], event["location"]["district"], event["date"]) == (2, "Kurram", "2025-10-12")


def test_taliban_in_pakistani_usage_are_the_ttp(extractor: Extractor) -> None:
    text = "The Taliban attacked a police station in Lakki Marwat on Sunday, killing four policemen, officials said."
    event = _one(extractor, text, datetime(2025, 10, 13, 10, 0, tzinfo=PKT))
    assert event["perpetrator"]["name"] == "Tehrik-i-Taliban Pakistan"


def test_short_note_without_figures_gives_an_event(extractor: Extractor) -> None:
    event = _one(extractor, BLF_NOTE, datetime(2025, 10, 13, 10, 0, tzinfo=PKT))
    assert event["perpetrator"]["name"] == "Balochistan Liberation Front"
    assert event["location"]["district"] == "Kech"
    assert event["killed"] is None


def test_state_blame_label_is_not_a_perpetrator(extractor: Extractor) -> None:
    text = ("Three soldiers were martyred when khwarij of the Indian proxy Fitna al Khwarij attacked a check post "
            "in North Waziristan on Tuesday, the ISPR said.")
    event = _one(extractor, text, datetime(2025, 10, 15, 10, 0, tzinfo=PKT))
    assert event["perpetrator"] == {"name": None, "attribution": "unknown", "mention": None}
    assert event["killed"] == 3


def test_faction_claim_is_reported_as_the_parent_group(extractor: Extractor) -> None:
    text = ("Four soldiers were killed when a suicide bomber struck a convoy in Kech on Tuesday. "
            "The Majeed Brigade claimed responsibility for the attack.")
    event = _one(extractor, text, datetime(2025, 10, 15, 10, 0, tzinfo=PKT))
    assert event["perpetrator"]["name"] == "Balochistan Liberation Army"
    assert event["perpetrator"]["attribution"] == "claimed"


def test_among_the_n_killed_gives_the_toll(extractor: Extractor) -> None:
    text = ("Nine Chinese nationals were among the 13 people killed on Wednesday when a bus plunged into a ravine "
            "after a blast in Upper Kohistan, officials said.")
    event = _one(extractor, text, datetime(2021, 7, 15, 6, 0, tzinfo=PKT))
    assert event["killed"] == 13


def test_figures_of_an_older_incident_are_not_the_toll(extractor: Extractor) -> None:
    text = ("A suicide bomber struck security personnel in Sibi on Tuesday, killing six and wounding 22 people, "
            "officials said.\n\nOn Friday a bomber had struck a mosque in Peshawar, killing 62 worshippers.")
    event = _one(extractor, text, datetime(2022, 3, 9, 10, 0, tzinfo=PKT))
    assert (event["killed"], event["injured"], event["location"]["district"]) == (6, 22, "Sibi")


def test_a_total_with_its_components_is_the_total(extractor: Extractor) -> None:
    text = "Militants attacked a police post in Bannu on Sunday. In all, 7 people were killed: 5 policemen and 2 civilians."
    event = _one(extractor, text, datetime(2022, 12, 20, 10, 0, tzinfo=PKT))
    assert event["killed"] == 7


def test_toll_above_the_deadliest_attack_on_record_is_flagged_for_review(extractor: Extractor) -> None:
    text = "At least 950 people were killed when a bomb exploded at a market in Peshawar on Monday, police said."
    event = _one(extractor, text, datetime(2024, 8, 12, 10, 0, tzinfo=PKT))
    assert event["killed"] == 950 > record_toll()
    assert event["review"] is True
    plain = _one(extractor, text.replace("950", "12"), datetime(2024, 8, 12, 10, 0, tzinfo=PKT))
    assert plain["review"] is False and event["confidence"] < plain["confidence"]


def test_char_span_keeps_to_word_boundaries() -> None:
    sent = next(build_nlp()("Militants carried out an IED attack on a convoy.").sents)
    span = char_span(sent, "ied")
    assert span is not None and span.text == "IED"
    assert char_span(sent, "arri") is None


def test_model_version_is_a_hash_of_the_rules() -> None:
    assert model_version() == MODEL_VERSION
    assert MODEL_VERSION.startswith("rules-") and len(MODEL_VERSION) == len("rules-") + 12
