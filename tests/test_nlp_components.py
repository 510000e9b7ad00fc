"""Unit tests of the rule components on hand-written sentences."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from spacy.language import Language
from spacy.tokens import Span

from khabar.nlp.components.casualties import extract_casualties, word_value
from khabar.nlp.components.dates import best_date, find_dates
from khabar.nlp.components.event_types import choose_event_type, find_triggers
from khabar.nlp.components.perpetrators import find_groups
from khabar.nlp.components.targets import choose_target, find_targets

PUB = datetime(2025, 3, 5, 9, 0)  # a Wednesday


def sent(nlp: Language, text: str) -> Span:
    return nlp(text)[:]


def figures(nlp: Language, text: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for f in extract_casualties(sent(nlp, text)):
        if not f.sub_count:
            out.setdefault(f.kind, []).append(f.value)
    return out


@pytest.mark.parametrize(
    ("words", "value"),
    [(["twenty", "-", "three"], 23), (["a", "dozen"], 12), (["two", "dozen"], 24), (["12"], 12), (["one"], 1)],
)
def test_word_value(words: list[str], value: int) -> None:
    assert word_value(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Three policemen were martyred and a dozen others injured.", {"killed": [3], "injured": [12]}),
        ("At least twenty-three people were killed in the blast.", {"killed": [23]}),
        ("A soldier was martyred and two others were injured.", {"killed": [1], "injured": [2]}),
        ("1 person was killed and 4 others injured in the attack.", {"killed": [1], "injured": [4]}),
        ("The blast killed 7 people and injured 15 others.", {"killed": [7], "injured": [15]}),
        ("Three terrorists were also killed in the exchange of fire.", {"attackers_killed": [3]}),
        ("Security forces killed five militants in the raid.", {"attackers_killed": [5]}),
        ("The suicide bomber was killed.", {"attackers_killed": [1]}),
        ("Gunmen abducted five labourers working on a road.", {"kidnapped": [5]}),
        ("Two engineers were kidnapped from the site.", {"kidnapped": [2]}),
        ("There were no casualties.", {"killed": [0], "injured": [0]}),
        ("No one was hurt in the blast.", {"killed": [0], "injured": [0]}),
        ("The explosion left four dead and 11 wounded.", {"killed": [4], "injured": [11]}),
    ],
)
def test_casualty_figures(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert figures(nlp, text) == expected


def test_toll_and_subcount(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "The death toll from the blast rose to 12, including three children."))
    toll = [f for f in found if f.total and not f.sub_count]
    assert [f.value for f in toll] == [12]
    assert all(f.sub_count for f in found if f.value == 3)


def test_qualifier(nlp: Language) -> None:
    (fig,) = extract_casualties(sent(nlp, "At least 12 people were killed."))
    assert fig.qualifier == "at least"


@pytest.mark.parametrize(
    ("text", "value", "precision"),
    [
        ("On Tuesday, militants attacked a post.", date(2025, 3, 4), "day"),
        ("Late last night gunmen struck.", date(2025, 3, 4), "day"),
        ("The attack took place on Sunday night.", date(2025, 3, 2), "day"),
        ("A blast on Wednesday killed two.", date(2025, 3, 5), "day"),  # wire style: the day of publication
        ("A blast last Wednesday killed two.", date(2025, 2, 26), "day"),
        ("A blast this morning killed two.", date(2025, 3, 5), "day"),
        ("Yesterday a bomb went off.", date(2025, 3, 4), "day"),
        ("Earlier this month, gunmen attacked a bus.", date(2025, 3, 1), "month"),
        ("It happened on March 3.", date(2025, 3, 3), "day"),
        ("On 26 December 2024, militants attacked.", date(2024, 12, 26), "day"),
    ],
)
def test_dates(nlp: Language, text: str, value: date, precision: str) -> None:
    first = find_dates(sent(nlp, text), PUB)[0]
    assert (first.value, first.precision) == (value, precision)


@pytest.mark.parametrize("text", ["Fitna al-Khawarij terrorists attacked the post, the ISPR said.",
                                  "Khwarij of Fitna al Hindustan attacked the post, the ISPR said."])
def test_state_blame_labels_are_not_groups(nlp: Language, text: str) -> None:
    assert find_groups(sent(nlp, text)) == []


def test_reporting_dates_come_after_incident_dates(nlp: Language) -> None:
    found = find_dates(sent(nlp, "Militants attacked a post last night, the ISPR said on Wednesday."), datetime(2025, 3, 5, 20, 0))
    assert [(d.value, d.reporting) for d in found] == [(date(2025, 3, 5), True), (date(2025, 3, 4), False)]
    best = best_date(found)
    assert best is not None and best.value == date(2025, 3, 4)


def test_old_dates_are_background(nlp: Language) -> None:
    assert find_dates(sent(nlp, "In 2023, the group killed dozens."), PUB)[0].background
    assert find_dates(sent(nlp, "It comes after the January 3 attack."), PUB)[0].background


@pytest.mark.parametrize(
    ("text", "name", "attribution"),
    [
        ("The TTP claimed responsibility for the attack.", "Tehrik-i-Taliban Pakistan", "claimed"),
        ("The Pakistani Taliban owned the attack in a statement.", "Tehrik-i-Taliban Pakistan", "claimed"),
        ("Police blamed the BLA for the blast.", "Balochistan Liberation Army", "blamed"),
        ("TTP terrorists attacked the post, the ISPR said.", "Tehrik-i-Taliban Pakistan", "blamed"),
        ("The BLA has been active in the area for years.", "Balochistan Liberation Army", "unknown"),
    ],
)
def test_groups(nlp: Language, text: str, name: str, attribution: str) -> None:
    (group,) = find_groups(sent(nlp, text))
    assert (group.name, group.attribution) == (name, attribution)


def test_generic_attackers_have_no_group(nlp: Language) -> None:
    assert find_groups(sent(nlp, "Unidentified gunmen and terrorists attacked the post.")) == []


@pytest.mark.parametrize(
    ("text", "event_type", "suicide"),
    [
        ("A suicide bomber blew himself up near the convoy.", "bombing", True),
        ("A roadside bomb exploded near a police van.", "bombing", False),
        ("Terrorists opened fire on a checkpost.", "armed_assault", False),
        ("Gunmen shot dead a prayer leader.", "targeted_killing", False),
        ("Armed men abducted two engineers.", "kidnapping", False),
        ("Militants hijacked the Jaffar Express train.", "kidnapping", False),
        ("Militants blew up a gas pipeline in Dera Bugti.", "infrastructure_attack", False),
        ("Security forces conducted an intelligence-based operation in Bannu.", "security_operation", False),
    ],
)
def test_event_types(nlp: Language, text: str, event_type: str, suicide: bool) -> None:
    triggers = find_triggers(sent(nlp, text), 0)
    chosen, trigger = choose_event_type(triggers)
    assert chosen == event_type
    assert trigger is not None and trigger.suicide is suicide


@pytest.mark.parametrize(
    ("text", "event_type", "target"),
    [
        ("Terrorists attacked a police station.", "armed_assault", "police"),
        ("Militants attacked an FC checkpost.", "armed_assault", "security_forces"),
        ("A bomb went off in a mosque during Friday prayers.", "bombing", "religious"),
        ("Gunmen attacked Chinese nationals in Karachi.", "armed_assault", "foreigners"),
        ("A blast hit a passenger bus.", "bombing", "transport"),
        ("Militants torched a girls school.", "armed_assault", "education"),
        ("Militants blew up an electricity pylon.", "infrastructure_attack", "infrastructure"),
        ("A blast targeted an election rally of the party.", "bombing", "political"),
        ("Security forces killed terrorists in a hideout.", "security_operation", "militants"),
    ],
)
def test_targets(nlp: Language, text: str, event_type: str, target: str) -> None:
    chosen = choose_target(find_targets(sent(nlp, text), 0), event_type, 0)
    assert chosen is not None and chosen.target_type == target
