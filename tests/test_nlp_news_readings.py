"""Readings of news reports that keep a description, a statement or a movement apart from the incident: who the
named victim is, what the attackers did before, what a group claims against what officials say, where people came
from and where a mission speaks.

The sentences are written for these tests (none comes from an evaluation set)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from khabar.core.records import ExtractedEvent
from khabar.nlp.components.base import TextSpan
from khabar.nlp.components.casualties import CasualtyFigure, default_rules, extract_casualties
from khabar.nlp.components.dates import find_dates
from khabar.nlp.components.locations import find_locations
from khabar.nlp.components.perpetrators import find_groups
from khabar.nlp.extract import Extractor, _day_of_an_aftermath, _selected_victims, is_targeted_killing, to_article
from tests.test_nlp_rules import counts, sent

PUB = datetime(2024, 6, 13, 9, 0)  # a Thursday


def run(extractor: Extractor, text: str, published: datetime = PUB, title: str = "") -> list[ExtractedEvent]:
    return extractor.extract({"id": "t", "url": "https://example.test/r", "title": title, "text": text,
                              "published_at": published})


def test_a_named_victims_home_is_no_second_victim(nlp: Language) -> None:
    text = ("In the firing, Lance Naik Tariq Mehmood, aged 29 and a resident of District Attock, embraced shahadat, "
            "while three soldiers were wounded.")
    assert counts(nlp, text) == {"killed": [1], "injured": [3]}
    # a companion named beside the victim is still counted
    assert counts(nlp, "Constable Ali Khan and a shopkeeper were shot dead in the bazaar.") == {"killed": [1, 1]}


def test_the_killings_the_attackers_took_part_in_are_their_record(nlp: Language) -> None:
    assert counts(nlp, "Officials said the slain militants were involved in the murder of nine labourers in "
                       "Turbat last year.") == {}
    assert counts(nlp, "The two men, wanted for the killing of four policemen, escaped.") == {}
    # condemning a killing still tells it
    assert counts(nlp, "The chief minister condemned the killing of four policemen.") == {"killed": [4]}


def test_all_of_the_attackers_named_before_are_counted_as_attackers(extractor: Extractor) -> None:
    text = ("TURBAT: Six armed militants tried to force their way into a naval base on Tuesday night, officials said. "
            "All six were killed in the exchange of fire that followed.\n\n"
            "Two sailors, Ahmed Ali and Naveed Khan, embraced shahadat in the fighting, the navy said.")
    [event] = run(extractor, text)
    assert (event.killed, event.attackers_killed) == (2, 6)


def test_only_the_attackers_dead_and_the_day_of_a_statement(extractor: Extractor) -> None:
    text = ("Baloch separatists said on Monday they had attacked a convoy carrying Chinese workers in the coastal city "
            "of Gwadar, although Pakistani officials said none of the workers had been hurt.\n\n"
            "The Balochistan Liberation Army said in a statement that fighters of its Majeed Brigade had targeted the "
            "convoy on Sunday near the fish harbour. The group claimed five Chinese workers and seven soldiers had "
            "been killed, a figure the authorities dismissed as propaganda.\n\n"
            "The army said three attackers were shot dead and that no one in the convoy was killed. An official said "
            "20 workers were in the armoured vehicles.\n\n"
            "The Chinese embassy said no Chinese citizen had been killed or injured.")
    [event] = run(extractor, text, published=datetime(2023, 8, 15, 6))
    # only the attackers died: an attack beaten off, not a targeted killing
    assert (event.event_type, event.killed, event.attackers_killed) == ("armed_assault", 0, 3)
    # "said on Monday they had attacked": the day of the statement; the claim dates the attack to Sunday
    assert event.date == date(2023, 8, 13)


def test_places_told_apart_from_the_scene(extractor: Extractor) -> None:
    # a hotel named with its town
    text = ("RAWALPINDI: Troops have ended the operation at the Seaview Continental Hotel Gwadar, killing all three "
            "gunmen who had entered it on Tuesday, the ISPR said.")
    [event] = run(extractor, text)
    assert event.location.district == "Gwadar"
    # where the attackers came from
    text = ("DERA GHAZI KHAN: Two policemen were killed when militants attacked a police post in Taunsa on Tuesday "
            "night, officials said.\n\n"
            "Police said the attackers had come from the neighbouring Dera Ismail Khan district and fled there after "
            "the gun battle.")
    [event] = run(extractor, text)
    assert event.location.district == "Dera Ghazi Khan"
    # the route whose traffic stopped
    text = ("Shikarpur (Staff Reporter) — A bomb damaged the railway track near a small station on Tuesday night, "
            "injuring two passengers of a passing train.\n\n"
            "Train traffic between Sukkur and Jacobabad remained suspended for several hours.")
    [event] = run(extractor, text)
    assert event.location.district == "Shikarpur"


def test_a_groups_cause_and_a_missions_city_are_not_the_scene(extractor: Extractor) -> None:
    text = ("China has demanded that Pakistan severely punish those behind a bombing near Karachi's international "
            "airport that killed two Chinese engineers, as Islamabad prepared to host a regional summit.\n\n"
            "The two engineers died when a car packed with explosives was driven into their convoy as it left the "
            "airport on Sunday night. Ten people were wounded, among them a Chinese colleague and several "
            "motorists.\n\n"
            "The Balochistan Liberation Army, the most active of the separatist groups fighting for independence for "
            "Balochistan province, said a suicide bomber from its Majeed Brigade had carried out the attack.\n\n"
            "In a statement, China's embassy in Islamabad urged Pakistan to thoroughly investigate the attack and "
            "punish the perpetrators.")
    [event] = run(extractor, text, published=datetime(2024, 10, 8, 9))
    assert event.location.province == "Sindh"
    assert event.location.place == "Karachi"


def _figure(kind: str, value: int, sent_index: int, claimed: bool = False) -> CasualtyFigure:
    sentence = f"figure {sent_index}"
    span = TextSpan(0, len(sentence), sentence, 0, len(sentence), sentence, sent_index)
    return CasualtyFigure(kind, value, None, span, victim="people", claimed=claimed)  # type: ignore[arg-type]


def test_officials_nil_count_outweighs_the_groups_count_of_that_kind() -> None:
    fields: dict[str, Any] = {}
    figures = [_figure("killed", 5, 1, claimed=True), _figure("killed", 7, 1, claimed=True),
               _figure("attackers_killed", 3, 2), _figure("killed", 0, 2)]
    Extractor._fill_figures(fields, {}, figures, foiled=False, event_type="armed_assault")
    assert (fields["killed"], fields["attackers_killed"]) == (0, 3)


def test_a_claimed_clause_is_a_claimed_count_whatever_noun_follows(nlp: Language) -> None:
    # the parse a report gave: "The group claimed nine soldiers had been killed, a figure the army dismissed", with
    # "figure" hung on "claimed" as its object
    words = ["The", "group", "claimed", "nine", "soldiers", "had", "been", "killed", ",", "a", "figure"]
    heads = [1, 2, 2, 4, 7, 7, 7, 2, 2, 10, 2]
    deps = ["det", "nsubj", "ROOT", "nummod", "nsubjpass", "aux", "auxpass", "ccomp", "punct", "det", "dobj"]
    pos = ["DET", "NOUN", "VERB", "NUM", "NOUN", "AUX", "AUX", "VERB", "PUNCT", "DET", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    rules = default_rules(nlp.vocab)
    assert not rules._claims_an_act(doc[2])
    # "claimed a bombing" still claims the act
    act = Doc(nlp.vocab, words=["The", "group", "claimed", "a", "bombing"], heads=[1, 2, 2, 4, 2],
              deps=["det", "nsubj", "ROOT", "det", "dobj"], pos=["DET", "NOUN", "VERB", "DET", "NOUN"])
    assert rules._claims_an_act(act[2])


def test_a_tribe_and_a_groups_base_are_not_the_scene(nlp: Language) -> None:
    def places(text: str) -> dict[str, bool]:
        return {m.name: m.reference for m in find_locations(nlp(text)[:])}

    found = places("Hafiz Gul Bahadur's group, which draws its fighters from the Utmanzai Wazir tribe of North "
                   "Waziristan, signed a peace deal in 2006.")
    assert "Utmanzai" not in found  # a tribe that shares a town's name
    assert found["North Waziristan"]  # where the group is from, told in the present: its description
    # what the group did, told in the past, may be the scene
    assert places("Police said the Hafiz Gul Bahadur group, which attacked the post in Bannu, lost two men.") == {
        "Bannu": False}


def test_a_count_of_people_after_a_dateline_is_a_count(nlp: Language) -> None:
    # the tagger may run the dateline's day into the number that opens the story
    text = ("TURBAT, Pakistan, Feb 1 (PNA) - Eighteen paramilitary soldiers were killed in an ambush by militants in "
            "southwestern Pakistan, officials said on Monday.")
    assert [f.value for s in nlp(text).sents for f in extract_casualties(s) if f.kind == "killed"] == [18]


def test_a_group_saying_one_of_its_own_did_it_claims(nlp: Language) -> None:
    said = find_groups(nlp("The Balochistan Liberation Army said a suicide bomber from its Majeed Brigade had "
                           "rammed the convoy.")[:])
    assert {g.attribution for g in said} == {"claimed"}
    # the police saying so is blame
    told = find_groups(nlp("Police said a suicide bomber from the Balochistan Liberation Army had rammed the "
                           "convoy.")[:])
    assert "claimed" not in {g.attribution for g in told}


def test_the_group_that_says_it_did_it_claims_not_the_one_it_split_from(nlp: Language) -> None:
    found = find_groups(nlp("Hizbul Ahrar, which broke away from Jamaat-ul-Ahrar in 2017, said in a statement that it "
                            "had attacked the police van.")[:])
    assert {(g.name, g.attribution) for g in found} == {("Hizbul Ahrar", "claimed"), ("Jamaat-ul-Ahrar", "unknown")}


def test_all_of_the_counted_attackers_killed(nlp: Language) -> None:
    assert counts(nlp, "Two guards were martyred when four gunmen stormed the bank on Monday, before all of them were "
                       "killed by commandos.") == {"killed": [2], "attackers_killed": [4]}
    assert counts(nlp, "Four gunmen stormed the bank on Monday and all of them escaped.") == {}


def test_gunmen_storming_an_office_with_suicide_vests_is_an_assault(extractor: Extractor) -> None:
    text = ("HYDERABAD: Three people were martyred and nine injured when four terrorists attacked the regional police "
            "office on Monday evening, before all of them were killed in a three-hour operation.\n\n"
            "Two of the attackers were shot dead by commandos, while the other two blew themselves up, the DIG said. "
            "\"It was a planned suicide attack,\" he said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9))
    assert (event.event_type, event.killed, event.injured, event.attackers_killed) == ("armed_assault", 3, 9, 4)


def test_the_day_of_a_strike_against_an_abduction_is_not_the_abductions(extractor: Extractor) -> None:
    def aftermath(text: str) -> bool:
        doc = extractor.nlp(extractor._doc(to_article({"id": "t", "url": "https://example.test/r", "text": text,
                                                       "published_at": PUB})))
        info = doc._.sentences[0]
        return _day_of_an_aftermath(info, info.dates[0])

    assert aftermath("A complete shutter-down strike was observed in Ubauro on Thursday to protest against the "
                     "abduction of a cotton dealer by dacoits.")
    assert not aftermath("A cotton dealer was abducted by dacoits in Ubauro on Thursday.")
    # a drone strike is an attack
    assert not aftermath("A drone strike was carried out on a house in Mir Ali on Thursday.")


def test_the_group_a_faction_broke_away_from_is_not_the_claimant(nlp: Language) -> None:
    found = find_groups(nlp("A militant faction that broke away from the Pakistani Taliban said it was behind the "
                            "bombing of a police van in Lahore.")[:])
    assert [g.attribution for g in found] == ["unknown"]


def test_a_named_and_titled_object_of_the_tolls_participle_is_a_victim(nlp: Language) -> None:
    assert counts(nlp, "A roadside bomb went off near a police van outside Kohat, martyring Constable Naeem Akhtar and "
                       "injuring three others.") == {"killed": [1], "injured": [3]}


def test_hospitals_where_the_wounded_died_are_not_the_scene(extractor: Extractor) -> None:
    text = ("Peshawar (Staff Reporter) — The toll of the suicide blast at a party rally in Bajaur reached 31 yesterday, "
            "after three more injured persons died at the Khyber Teaching Hospital, Peshawar.\n\n"
            "The blast took place on Sunday afternoon in Khar, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9))
    assert event.location.district == "Bajaur"
    text = ("QUETTA — The number of people killed in Friday's bombing of a procession has risen to 40, officials said "
            "on Sunday, as more of the wounded died in hospitals in Quetta and Karachi.\n\n"
            "The minister said more than 60 people had been wounded in the attack in the town of Mastung.")
    [event] = run(extractor, text, published=datetime(2024, 6, 9, 18))
    assert event.location.district == "Mastung"


def test_a_toll_counted_again_is_not_added_and_a_rejected_claim_is_no_claim(extractor: Extractor, nlp: Language) -> None:
    text = ("KHARAN: Four soldiers were martyred and seven others injured when a suicide bomber rammed a car into a "
            "check post on Sunday, officials said.\n\n"
            "The Balochistan Liberation Army claimed the attack and said its fighters had killed 40 soldiers. Officials "
            "rejected the claim as propaganda and said the toll was four. Reporters who visited the hospital also "
            "counted four bodies.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9))
    assert (event.killed, event.injured) == (4, 7)
    [figure] = [f for s in nlp("Officials rejected the claim and said the toll was four.").sents
                for f in extract_casualties(s)]
    assert (figure.value, figure.claimed) == (4, False)


def test_a_group_known_for_other_claims_that_says_it_did_this_one_claims(nlp: Language) -> None:
    found = find_groups(nlp("Ittehad-ul-Mujahideen Pakistan, an alliance that has claimed several attacks this year, "
                            "said it was behind the ambush.")[:])
    assert {g.attribution for g in found} == {"claimed"}


def test_a_rising_toll_told_out_of_order(extractor: Extractor, nlp: Language) -> None:
    text = ("LAHORE: The death toll in Monday's bombing of a school van in Kasur rose to seven on Wednesday after two "
            "more pupils died of their burns at a hospital in Lahore.\n\n"
            "A fourth pupil had died on Tuesday night. The toll, which stood at four on the day of the attack, now "
            "includes five children, the van's driver and a conductor, officials said.\n\n"
            "Doctors said 20 pupils were still being treated.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 18))
    assert event.killed == 7
    figures = [f for s in nlp("The toll, which stood at four on the day of the attack, now includes five children, "
                              "officials said.").sents for f in extract_casualties(s)]
    assert [(f.value, f.earlier, f.sub_count) for f in figures] == [(4, True, False), (5, False, True)]



def test_parts_then_their_sum_in_all_is_one_count(extractor: Extractor) -> None:
    text = ("RAWALPINDI: A bomb exploded near a police van in Saddar on Monday, officials said.\n\n"
            "A statement from the City Police Office said three constables, a head constable and a shopkeeper were "
            "killed, while eight policemen and four passers-by, 12 people in all, were wounded.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9))
    assert event.injured == 12


def test_the_city_of_a_hospital_where_a_wounded_man_died_is_not_the_scene(extractor: Extractor) -> None:
    text = ("ISLAMABAD — A militant group has claimed a bombing in a market in northwest Pakistan that killed six "
            "people, as the toll rose on Wednesday with the death of a wounded man at a hospital in the city of "
            "Peshawar.\n\n"
            "The bomb went off on Tuesday evening in the main bazaar of Parachinar in Kurram district, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 13, 9))
    assert event.location.district == "Kurram"


def test_the_day_a_death_raised_the_toll_is_not_the_attacks(extractor: Extractor) -> None:
    text = ("PESHAWAR — A militant group has claimed responsibility for a suicide attack on a police post in "
            "northwestern Pakistan, as the death toll rose to five with the death of a young boy on Monday.\n\n"
            "Late on Saturday, attackers rammed a car packed with explosives into the wall of the post in Lakki "
            "Marwat district, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9))  # a Tuesday
    assert event.date == date(2024, 6, 8)


def test_a_hijacking_is_coded_as_the_hostage_taking_it_is(extractor: Extractor) -> None:
    # the passengers of a seized train are hostages: news coders code it as a kidnapping, toll and blast included
    text = ("QUETTA: Armed men blew up a stretch of track and hijacked a passenger train carrying about 400 people in "
            "a remote gorge on Tuesday, officials said.\n\n"
            "Security forces freed more than 300 passengers by Wednesday evening. Twenty-one hostages were killed by "
            "the attackers, the military said, and 33 militants died in the operation.")
    [event] = run(extractor, text)
    assert event.event_type == "kidnapping"
    assert event.killed == 21


def test_a_hijacking_recalled_at_the_end_is_not_the_reported_operation(extractor: Extractor) -> None:
    # the hostage-taking rule reads a hijacking the report tells, not one its last paragraph recalls as context
    text = ("RAWALPINDI: Security forces killed four terrorists in an intelligence-based operation in Kech district on "
            "Monday, the ISPR said.\n\nThe troops engaged the terrorists' hideout and seized weapons and ammunition. "
            "A sanitisation operation was under way in the area.\n\nThe Balochistan government praised the forces. "
            "Officials say operations across the province have been stepped up after the March hijacking of a "
            "passenger train in the Bolan Pass.")
    [event] = run(extractor, text)
    assert (event.event_type, event.location.district) == ("security_operation", "Kech")


def test_where_a_source_speaks_is_not_the_scene(extractor: Extractor) -> None:
    # an analyst's city set beside his name and the city where a minister spoke give way to the dateline
    text = ("PESHAWAR, Pakistan — A bomber blew himself up inside a mosque at a police compound in northwestern "
            "Pakistan on Monday, killing 40 people, officials said.\n\n"
            "Investigators said the attacker had walked past three checkpoints.\n\n"
            "Officers said the compound was one of the best guarded in the country.\n\n"
            "In Islamabad, the interior minister told parliament that the security lapse would be investigated.\n\n"
            "'The attack shows how far the militants can reach,' said Kamran Ali, a security analyst in Islamabad.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 18, 0))
    assert event.location.district == "Peshawar"


def test_a_faction_beside_its_parent_is_the_claimant_of_its_relative_clause(extractor: Extractor) -> None:
    text = ("PESHAWAR: A suicide bomber killed 12 policemen at a police post in Peshawar on Monday, officials said.\n\n"
            "Police said they suspected Jamaat-ul-Ahrar, a hard-line faction of the Pakistani Taliban, whose "
            "commander claimed the bombing hours later.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 18, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Jamaat-ul-Ahrar", "claimed")


def test_a_paragraph_that_opens_on_another_place_tells_another_incident(extractor: Extractor) -> None:
    # the place comes in the paragraph's first sentence, the attack words only in the next one
    text = ("ISLAMABAD: Two attacks a few hours apart killed dozens of people on Friday.\n\n"
            "In Mastung, a bomber blew himself up near a mosque where a procession was gathering. Officials said 40 "
            "people were killed and 45 wounded.\n\n"
            "In Hangu, two men reached the gate of the Doaba police station during the Friday sermon. One was shot at "
            "the entrance while the second entered the mosque inside and blew himself up. Four people were killed and "
            "ten were injured, police said.")
    events = run(extractor, text, published=datetime(2023, 9, 29, 22, 0))
    assert sorted((e.location.district, e.killed) for e in events) == [("Hangu", 4), ("Mastung", 40)]


def test_a_sentence_that_opens_on_a_past_year_recalls_an_old_attack(extractor: Extractor) -> None:
    text = ("QUETTA: A bomber blew himself up near a procession in Mastung on Friday, killing 40 people, officials "
            "said.\n\n"
            "In July 2018, a suicide bomber killed more than 120 people at an election rally in the district, and "
            "earlier this month a bomb there wounded a senator.")
    article = to_article({"id": "t", "url": "https://example.test/r", "title": "", "text": text,
                          "published_at": datetime(2023, 9, 29, 22, 0)})
    doc = extractor.nlp(extractor._doc(article))
    # (a later "earlier this month" does not make the sentence today's news)
    assert [info.background for info in doc._.sentences if "2018" in info.sent.text] == [True]


def test_the_land_a_site_borders_is_not_the_scene(extractor: Extractor) -> None:
    text = ("Lakki Marwat (Our Correspondent) — Armed men yesterday abducted 12 workers of a mining project near "
            "the town, police said.\n\n"
            "The project, located near the border of Punjab's Mianwali district, employs some 300 people.")
    [event] = run(extractor, text, published=datetime(2025, 1, 10, 9, 0))
    assert event.location.district == "Lakki Marwat"


def test_a_toll_a_group_alleges_after_its_claim_is_its_own(extractor: Extractor) -> None:
    text = ("RAWALPINDI: Three soldiers and two civilians were martyred on Sunday when a suicide bomber struck a convoy "
            "near Nushki, the ISPR said.\n\n"
            "The BLA's media wing claimed the attack, alleging that its fighters had killed 90 soldiers, a figure "
            "officials dismissed as propaganda.")
    [event] = run(extractor, text, published=datetime(2025, 3, 16, 22, 0))
    assert event.killed == 5


def test_passengers_taken_hostage_after_a_track_blast_are_a_kidnapping(extractor: Extractor) -> None:
    text = ("QUETTA: Armed men blew up a railway track and stopped a passenger train in a remote gorge on Tuesday, "
            "taking the roughly 400 passengers aboard hostage, officials said. Security officials said 16 attackers "
            "had been killed by the evening.")
    [event] = run(extractor, text, published=datetime(2025, 3, 11, 21, 0))
    assert event.event_type == "kidnapping"


def test_an_announcement_that_tells_the_toll_is_news_of_the_incident(extractor: Extractor) -> None:
    # the lede's verb is a statement's, but the statement gives the toll in its own clauses
    text = ("ISLAMABAD: The military on Wednesday announced the end of a 30-hour operation to free the passengers of "
            "a train seized in a remote gorge, saying all 30 militants involved had been killed and that 20 "
            "passengers had been killed by the attackers.\n\n"
            "The attackers stopped the train on Tuesday afternoon, officials said.")
    events = run(extractor, text, published=datetime(2025, 3, 13, 8, 0))
    assert [(e.killed, e.attackers_killed) for e in events] == [(20, 30)]


def test_militants_sent_to_hell_with_a_participle_between_are_killed(nlp: Language) -> None:
    # "to hell" hangs from the participle in the parse, not from "sent"
    assert counts(nlp, "Security forces sent all 16 khwarij involved to hell.") == {"attackers_killed": [16]}


def test_districts_named_as_divisions_or_as_a_mans_name_are_not_the_scene(extractor: Extractor) -> None:
    text = ("LAKKI MARWAT: A police officer and three constables were martyred when a roadside bomb struck their "
            "vehicle near the Saddar police station here on Thursday.\n\n"
            "DSP Mohmand and the three constables died on the spot, police said.\n\n"
            "The police chief said operations were under way in the Bannu and Dera Ismail Khan divisions.")
    [event] = run(extractor, text, published=datetime(2023, 3, 31, 6, 0))
    assert event.location.district == "Lakki Marwat"


def test_a_district_after_a_rank_is_a_mans_name(nlp: Language) -> None:
    assert [m.name for m in find_locations(nlp("DSP Mohmand and constable Ali Khan were martyred on the spot.")[:])] == []
    assert [m.name for m in find_locations(nlp("Two constables were martyred in Mohmand on Friday.")[:])] == ["Mohmand"]


def test_the_city_the_injured_were_taken_to_is_not_the_scene(extractor: Extractor) -> None:
    text = ("Militants attacked a joint checkpoint in the Nala Khwarh area of Khyber district at around 3:30am on "
            "Friday. Two FC personnel were martyred and seven others were injured, police said. The attackers fled "
            "after the exchange of fire.\n\n"
            "The injured were taken to the Hayatabad Medical Complex in Peshawar.")
    [event] = run(extractor, text, published=datetime(2023, 12, 15, 18, 0))
    assert event.location.district == "Khyber"


def test_a_death_sentence_over_an_old_bombing_is_no_incident(extractor: Extractor) -> None:
    text = ("RAWALPINDI: An anti-terrorism court here has sentenced two men to death over a 2020 bombing near a police "
            "station in which a woman was killed and five people were wounded.\n\n"
            "The judge also ordered the convicts to pay compensation to the heirs of the victim.")
    assert run(extractor, text, published=datetime(2024, 7, 2, 17, 0)) == []
    # a sentence to death is no death; a stabbing to death is
    assert counts(extractor.nlp, "The court sentenced two men to death.") == {}
    assert counts(extractor.nlp, "Gunmen stabbed two men to death.") == {"killed": [2]}


def test_the_hurt_among_the_people_taken_are_a_count_of_their_own(nlp: Language) -> None:
    found = counts(nlp, "Eight of the abducted workers were recovered by the evening, three of whom were injured.")
    assert found == {"injured": [3]}
    # a part of the injured is still only a part of them
    assert counts(nlp, "Twelve people were wounded, three of whom critically.") == {"injured": [12]}


def test_a_scene_set_before_the_clause_in_the_same_paragraph_is_another_incident(extractor: Extractor) -> None:
    text = ("MULTAN: Fourteen soldiers were killed in two attacks in Balochistan on Tuesday, the army said.\n\n"
            "The first came at dawn in Kohlu, where gunmen ambushed a patrol and killed ten soldiers. In the evening, "
            "in the Dalbandin area of Chagai district, militants fired on a check post and killed four more soldiers.")
    events = run(extractor, text)
    assert sorted((e.location.district, e.killed) for e in events) == [("Chagai", 4), ("Kohlu", 10)]


def test_a_lede_that_counts_two_attacks_gives_way_to_the_first_told_by_its_place(extractor: Extractor) -> None:
    text = ("LAHORE: Two attacks on polling offices in Balochistan killed 21 people on Monday, officials said.\n\n"
            "In the Saranan area of Pishin district, a bomb hidden in a motorcycle went off outside a candidate's "
            "office, killing 13 people and wounding 25.\n\n"
            "Two hours later a second attack struck a party office in the town of Loralai, killing eight people.")
    events = run(extractor, text)
    assert sorted((e.location.district, e.killed) for e in events) == [("Loralai", 8), ("Pishin", 13)]


def test_a_claim_of_the_day_makes_a_day_after_report_news_of_the_attack(extractor: Extractor) -> None:
    text = ("ISLAMABAD — Voters queued at polling stations across the country on Thursday under tight security, a day "
            "after two bombings near party offices in the province of Balochistan killed 25 people.\n\n"
            "Officials raised the toll overnight as several of the wounded died. Fifteen people were killed in the "
            "first blast, outside a candidate's office in Saranan, a town in Pishin district, and ten in the second, "
            "which struck a party office in the town of Loralai. Dozens were wounded.\n\n"
            "Late on Wednesday, the Islamic State group claimed both attacks through its news agency.")
    [event] = run(extractor, text, title="Voters go to the polls a day after bombings killed 25 in Balochistan")
    assert (event.location.district, event.killed, event.date) == ("Pishin", 15, date(2024, 6, 12))
    assert event.perpetrator is not None and event.perpetrator.attribution == "claimed"


def test_a_bomber_and_his_accomplice_are_two_attackers_and_a_second_attacker_no_victim(nlp: Language) -> None:
    assert counts(nlp, "A suicide bomber and his accomplice were killed when they attacked the van.") == {
        "attackers_killed": [1, 1]}
    assert counts(nlp, "The second attacker, who was armed with a pistol and grenades, was shot dead by police a "
                       "few metres away.") == {}


def test_three_people_then_an_aside_between_dashes_is_no_section_label(extractor: Extractor) -> None:
    text = ("PESHAWAR: Gunmen attacked a van carrying foreign engineers on Friday, police said.\n\n"
            "Four people — two guards and two passers-by — were injured and taken to hospital.")
    [event] = run(extractor, text)
    assert event.injured == 4


def test_a_day_a_statement_says_is_to_come_is_not_the_attacks(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb exploded outside a party office in Killa Saifullah, killing nine people, police said.\n\n"
            "The election commission said voting would go ahead as scheduled on Thursday.")
    [event] = run(extractor, text, published=datetime(2024, 2, 7, 21, 0))  # a Wednesday
    assert event.date == date(2024, 2, 7)


def test_blasts_that_open_a_long_gun_battle_are_an_assault(extractor: Extractor) -> None:
    text = ("GWADAR: Gunfire and two explosions were heard on Sunday as militants attacked a convoy carrying "
            "foreign workers, officials said.\n\n"
            "Guards returned fire and three attackers were killed in an exchange that lasted for nearly three hours.")
    [event] = run(extractor, text)
    assert event.event_type == "armed_assault"
    # a blast that killed people stays a bombing, whatever fight followed
    text = ("QUETTA: A powerful explosion followed by heavy gunfire rocked an area near a camp on Sunday, killing four "
            "people, officials said.\n\nTwo attackers had been killed so far, while the exchange of fire was continuing.")
    [event] = run(extractor, text)
    assert event.event_type == "bombing"


def test_a_short_relative_clause_on_an_attacker_is_no_named_victim(nlp: Language) -> None:
    # four lower-case words between commas read like a victim's name to a pattern that ignores case
    assert counts(nlp, "The second attacker, who carried a pistol, was shot dead by the guards.") == {}
    assert counts(nlp, "A resident of Mir Ali, Gul Zaman Khan, was shot dead on Friday.") == {"killed": [1]}


def test_one_person_shot_dead_by_an_active_verb_the_parser_lost(nlp: Language) -> None:
    # "posing as a customer shot" is misparsed, losing the verb's object; the words still say who died
    assert counts(nlp, "A youth posing as a customer shot dead a jeweller and injured two others at a shop in the "
                       "city on Monday, police said.") == {"killed": [1], "injured": [2]}
    assert counts(nlp, "Troops shot dead a suspected militant near the border.").get("killed") is None


def test_a_past_month_recalled_in_a_future_sentence_is_history(extractor: Extractor) -> None:
    text = ("PESHAWAR: A car bomb struck a van carrying foreign engineers near Chakdara in Lower Dir on Wednesday, "
            "killing four of them, police said.\n\n"
            "The blast will bring back memories of May 2022, when a bomber killed eleven people at a checkpoint "
            "near the same road.")
    [event] = run(extractor, text)
    assert (event.killed, event.location.district) == (4, "Lower Dir")


def test_elsewhere_and_an_attack_in_a_new_district_counted_next_is_another_incident(extractor: Extractor) -> None:
    text = ("PESHAWAR: A roadside bomb killed three policemen in Bannu district on Wednesday, officials said.\n\n"
            "Elsewhere, officials said on Wednesday that troops had beaten back an attack on a fort in Panjgur "
            "district overnight. All three attackers were killed and two soldiers lost their lives in the "
            "exchange of fire.")
    events = run(extractor, text)
    assert sorted((e.location.district, e.killed, e.attackers_killed) for e in events) == [
        ("Bannu", 3, None), ("Panjgur", 2, 3)]


def test_militants_acting_on_a_named_day_in_the_lede_open_a_press_release_toll(extractor: Extractor) -> None:
    text = ("RAWALPINDI: On the night of 11/12 June, terrorists tried to block the national highway near Mangochar, "
            "Kalat District, the military said on Wednesday.\n\n"
            "This cowardly act was meant to terrorise the people of the area, the statement said.\n\n"
            "Security forces and law enforcement agencies were mobilised at once and foiled the plan.\n\n"
            "Nine terrorists were sent to hell.\n\n"
            "During the exchange of fire, seven soldiers embraced shahadat.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed, event.attackers_killed, event.date) == (
        "Kalat", 7, 9, date(2024, 6, 11))


def test_a_day_life_resumed_is_not_the_incidents(extractor: Extractor) -> None:
    text = ("QUETTA: A separatist group has claimed the overnight attack near Kalat in which nine passengers were "
            "killed, as traffic on the highway resumed on Wednesday.\n\n"
            "The attack began late on Monday when gunmen blocked the road at two places, officials said.")
    [event] = run(extractor, text)
    assert event.date == date(2024, 6, 10)


def test_the_lives_an_attack_claimed_are_its_dead(nlp: Language) -> None:
    assert counts(nlp, "The ambush on the convoy claimed the lives of eleven soldiers, the army said.") == {
        "killed": [11]}
    assert counts(nlp, "The bombing, which took the lives of two guards, was condemned.") == {"killed": [2]}
    assert counts(nlp, "The group claimed the attack on the camp.") == {}
    assert counts(nlp, "Militant violence claimed at least 13 lives during the week ending May 7.") == {}


def test_a_count_read_as_a_noun_modifier_still_counts_its_people(nlp: Language) -> None:
    assert counts(nlp, "Thirteen other policemen sustained injuries.") == {"injured": [13]}


def test_the_dead_listed_by_rank_are_summed(nlp: Language, extractor: Extractor) -> None:
    text = ("QUETTA: A suicide bomber rammed a truck carrying police personnel near Sibi on Wednesday, police said.\n\n"
            "The martyred include four constables, two head constables and an assistant sub-inspector, officials "
            "said.")
    [event] = run(extractor, text)
    assert event.killed == 7
    # a part a stated toll includes stays a part, the list's later members too
    assert counts(nlp, "The toll now includes three children and two women.") == {}


def test_an_attack_on_its_own_day_ranked_against_the_year_is_no_statistic(extractor: Extractor) -> None:
    text = ("BANNU, June 13 (PWA) - A night assault by militants on a police station in Bannu on Wednesday left "
            "nine policemen dead, one of the deadliest attacks on the police this year, officials said.\n\n"
            "Three of the attackers were killed in the exchange of fire.")
    [event] = run(extractor, text)
    assert (event.killed, event.attackers_killed) == (9, 3)


def test_a_named_man_and_n_others_are_n_plus_one(nlp: Language) -> None:
    # (parsed as two subjects of the verb, not a name joined to "others")
    assert counts(nlp, "Maulana Abdul Karim Haqqani, the head of the seminary and of its trust, and six others "
                       "embraced shahadat on Friday.") == {"killed": [1, 6]}


def test_a_noun_joined_to_a_person_noun_is_a_person(nlp: Language) -> None:
    assert counts(nlp, "The van driver and an adult helper were also killed, he said.") == {"killed": [1, 1]}


def test_people_acting_on_someone_else_in_a_participle_are_not_the_dead(nlp: Language) -> None:
    # the dateline spoils the parse: the participle clause hangs from the gunmen
    assert counts(nlp, "MARDAN: Two unidentified gunmen riding a motorcycle opened fire on a car carrying teachers "
                       "of the Government High School on the Ring Road on Monday afternoon, shooting dead Principal "
                       "Akbar Shah, the police said.") == {}


def test_soldiers_and_civilians_counted_in_separate_sentences_add_up(extractor: Extractor) -> None:
    text = ("QUETTA: Militants attacked a convoy of the security forces with a car bomb near Kalat on Wednesday, "
            "officials said.\n\n"
            "Four soldiers embraced shahadat in the attack.\n\n"
            "Three civilians travelling on the road were killed, the officials added.")
    [event] = run(extractor, text)
    assert event.killed == 7
    # a count of people at large restates the toll, it does not add to it
    text = ("QUETTA: A car bomb hit a convoy near Kalat on Wednesday, killing seven people, officials said.\n\n"
            "Three civilians travelling on the road were among those killed.")
    [event] = run(extractor, text)
    assert event.killed == 7


def test_a_rank_already_used_for_a_part_of_the_attack_opens_no_second_incident(extractor: Extractor) -> None:
    text = ("HANGU: Four people were killed on Wednesday when two suicide bombers attacked a police station in "
            "Hangu, police said.\n\n"
            "One bomber blew himself up at the gate, while the second got into the compound and set off his vest "
            "in the mosque.\n\n"
            "The force of the second explosion brought down the roof. Nine injured people were taken to hospital "
            "in Kohat.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, event.location.district) == (4, 9, "Hangu")


def test_the_number_of_injured_brought_to_a_figure_is_their_total(nlp: Language) -> None:
    text = ("Two guards were wounded, and three passengers were hurt when gunmen fired on a bus near the gate, "
            "bringing the number of injured to five.")
    figures = [(f.kind, f.value, f.total) for f in extract_casualties(sent(nlp, text)) if not f.sub_count]
    assert ("injured", 5, True) in figures



# a place hanging from the attack ("the suicide bombing of a police van in Hangu", "the toll from Wednesday's attack in
# ... North Waziristan") is the attack's: it beats a home town named more often, and a hospital city beside it in the
# sentence does not make it an aside
ATTACK_PHRASE_PLACES = [
    ("MIANWALI: Sorrow gripped Kalabagh on Thursday evening as the coffin of constable Amir Shah reached his family, a "
     "day after he was gravely hurt in the suicide bombing of a police van in Hangu.\n\n"
     "He was one of three people killed in Wednesday's explosion, police said.\n\n"
     "The DPO Mianwali and local elders attended his funeral in Kalabagh.", datetime(2024, 6, 14, 9, 0), "Hangu"),
    ("PESHAWAR — The Pakistani Taliban on Saturday claimed responsibility for an ambush on a convoy near the border "
     "that killed six soldiers this week.\n\n"
     "The toll from Wednesday's attack in the Datta Khel area of North Waziristan rose to six after a wounded soldier "
     "died at a military hospital in Bannu, an official said.", datetime(2024, 6, 15, 9, 0), "North Waziristan"),
]


@pytest.mark.parametrize(("text", "published", "district"), ATTACK_PHRASE_PLACES)
def test_a_place_inside_the_attacks_own_phrase_is_the_attacks(extractor: Extractor, text: str, published: datetime,
                                                              district: str) -> None:
    [event] = run(extractor, text, published=published)
    assert event.location.district == district


def test_a_group_leader_shot_dead_by_gunmen_is_their_victim(nlp: Language) -> None:
    # "a leader of <group>" killed by attackers is the victim; killed by the forces, a group's men are attackers
    assert counts(nlp, "A district leader of the Ahle Sunnat Wal Jamaat was gunned down by unknown assailants "
                       "outside a mosque in Karachi on Friday.") == {"killed": [1]}
    assert counts(nlp, "Two commanders of the TTP were killed by security forces in an operation.") == {"attackers_killed": [2]}


def test_a_foiled_raid_tells_only_the_tolls_it_gives(extractor: Extractor) -> None:
    # a defused or foiled device harmed no one; a foiled raid on a camp says nothing of the hurt unless it says so
    [event] = run(extractor, "TURBAT: Security forces foiled an attack by terrorists on a Frontier Corps camp in Kech "
                             "district late on Sunday and killed four of the attackers, the ISPR said.\n\n"
                             "No soldier lost his life in the exchange of fire, the statement added.\n\n"
                             "A clearance operation was under way in the surrounding hills.")
    assert (event.killed, event.injured, event.attackers_killed) == (0, None, 4)


def test_nobody_of_a_named_side_who_lost_his_life_is_a_nil_death_toll(nlp: Language) -> None:
    assert counts(nlp, "Thanks to the guards' alertness, no employee of the plant lost his life.") == {"killed": [0]}
    assert counts(nlp, "None of the passengers on the coach lost their lives, officials said.") == {"killed": [0]}
    assert counts(nlp, "There was no warning and a shopkeeper lost his life in the blast.") != {"killed": [0]}


def test_a_toll_put_at_first_and_risen_since_is_the_earlier_count(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA: A bomb hidden in a motorcycle went off outside a bank on Jinnah Road in Quetta on "
                             "Wednesday morning, killing at least 14 people and wounding 40, police said.\n\nThe toll, put "
                             "at nine by rescue officials shortly after the blast, climbed through the afternoon as more of "
                             "the wounded died.")
    assert (event.killed, event.injured) == (14, 40)


def test_the_dead_of_an_attacks_first_phase_and_the_number_they_were_taken_to(extractor: Extractor) -> None:
    # "in the initial attack" is the incident's first phase, not an earlier count; "took the number ... to five" is
    # the toll, though the parser hangs "to five" on the aside before it
    [event] = run(extractor, "MIRAMSHAH: Militants stormed a checkpost in North Waziristan late on Wednesday, the "
                             "military said.\n\nFour soldiers were martyred in the initial attack and another soldier "
                             "during the clearance operation, which took the number of people martyred, excluding the "
                             "attackers, to five.")
    assert event.killed == 5


def test_people_taken_led_away_and_killed_are_counted_dead(nlp: Language) -> None:
    assert counts(nlp, "Seven labourers were taken from their camp near Turbat before dawn on Wednesday, marched into "
                       "the hills and killed, officials said.") == {"killed": [7]}
    assert counts(nlp, "Six miners were taken from their quarters at a coalfield early on Wednesday, led into the hills "
                       "and killed, officials said.") == {"killed": [6]}


def test_an_attack_said_to_recur_is_a_pattern_not_the_incident(extractor: Extractor) -> None:
    [event] = run(extractor, "Six miners were taken from their quarters at a coalfield in Kachhi district early on "
                             "Wednesday, led into the hills and killed, officials said.\n\nTheir families live in Quetta, "
                             "and miners from the community have been attacked repeatedly in Quetta.")
    assert (event.location.district, event.killed) == ("Kachhi (Bolan)", 6)


def test_a_place_the_lede_gives_another_toll_in_is_told_later_as_its_own_incident(extractor: Extractor) -> None:
    events = run(extractor, "QUETTA: Six soldiers were martyred when militants attacked a check post in Zhob on "
                            "Wednesday, while two more lost their lives in an exchange of fire during an operation in Sui "
                            "later in the day, the ISPR said.\n\nThe attackers were repulsed after a gun battle that "
                            "lasted three hours.\n\nIn a separate statement, the ISPR said troops had come under fire "
                            "during an operation in the Sui area of Dera Bugti district. Two soldiers were martyred and "
                            "three terrorists were killed in the exchange of fire.")
    assert [(e.location.district, e.killed) for e in events] == [("Zhob", 6), ("Dera Bugti", 2)]


def test_a_district_set_beside_an_area_the_parser_took_for_a_person_is_the_place(extractor: Extractor) -> None:
    [event] = run(extractor, "RAWALPINDI: Troops shot dead eleven khwarij as they tried to sneak across the border in the "
                             "general area of Hassan Khel, North Waziristan District, the military said on Wednesday.")
    assert event.location.district == "North Waziristan"


def test_a_claim_of_the_attack_on_a_named_post_goes_to_the_incident_there(extractor: Extractor) -> None:
    # both incidents are in one district: the town the claim names tells which
    first, second = run(extractor, "DERA ISMAIL KHAN: Militants attacked a police post in the Kulachi area on Wednesday "
                                   "night, killing two constables, police said.\n\nSeparately, troops killed five "
                                   "militants in an intelligence-based operation in the Daraban area of the district.\n\n"
                                   "Tehreek-e-Jihad Pakistan claimed the attack on the Kulachi post in a statement.")
    assert (first.perpetrator.name, first.perpetrator.attribution) == ("Tehreek-e-Jihad Pakistan", "claimed")
    assert second.perpetrator.name is None


def test_a_paragraph_on_the_night_before_in_another_district_is_another_incident(extractor: Extractor) -> None:
    events = run(extractor, "QUETTA: Gunmen shot dead nine passengers after stopping two buses on the highway near Kalat "
                            "early on Thursday, officials said.\n\nThe attackers checked identity cards before opening "
                            "fire.\n\nLate on Wednesday night, a railway bridge near Mach in Kachhi district was blown up, "
                            "suspending train services to Quetta.")
    assert [(e.location.district, e.event_type, e.date) for e in events] == [
        ("Kalat", "armed_assault", date(2024, 6, 13)), ("Kachhi (Bolan)", "infrastructure_attack", date(2024, 6, 12))]


def test_bombers_in_the_plural_tell_a_bombing(extractor: Extractor) -> None:
    [event] = run(extractor, "HANGU: Two suicide bombers struck a mosque inside a police station in Hangu during Friday "
                             "prayers on Wednesday, killing five people, police said.")
    assert (event.event_type, event.killed) == ("bombing", 5)


def test_the_day_of_the_paragraph_that_tells_the_attack_beats_the_ledes_night(extractor: Extractor) -> None:
    [event] = run(extractor, "RAWALPINDI: The night of 11/12 June 2024 saw heightened terrorist activity in Dera Ismail "
                             "Khan district, wherein eight terrorists were sent to hell during various operations, while "
                             "nine soldiers embraced shahadat, the ISPR said.\n\nIn the early hours of 12 June, a group of "
                             "terrorists attacked a post in the general area of Daraban. The attackers rammed an "
                             "explosive-laden vehicle into the post, followed by a suicide bombing. Nine soldiers "
                             "embraced shahadat.")
    assert (event.event_type, event.date) == ("bombing", date(2024, 6, 12))


def test_nights_named_one_after_another_date_to_the_first(nlp: Language) -> None:
    from khabar.nlp.components.dates import absolute_dates
    found = absolute_dates(sent(nlp, "The group was seen on the nights of 25/26 and 26/27 April 2025, the ISPR said."),
                           datetime(2025, 4, 28, 9))
    assert [d.value for d in found] == [date(2025, 4, 25)]


def test_a_paragraph_placing_the_reports_own_killings_the_day_before_is_the_same_incident(extractor: Extractor) -> None:
    [event] = run(extractor, "Islamabad, June 13 (XNS) The bodies of nine men who were pulled off a coach and shot dead "
                             "on a highway in Balochistan were sent to their home towns in Punjab on Thursday, officials "
                             "said.\n\nThe killings took place near Kalat early on Wednesday, when armed men blocked the "
                             "road and gunned down the passengers from Punjab, police said.")
    assert (event.location.district, event.killed) == ("Kalat", 9)


def test_a_toll_joined_to_the_next_count_is_the_toll(nlp: Language) -> None:
    # the parser reads "31 and 52 people" as one list of counts of the wounded
    assert counts(nlp, "The toll has risen to 17 and 40 people are injured, officials say.") == {
        "killed": [17], "injured": [40]}


def test_the_driver_of_the_vehicle_hit_is_counted(nlp: Language) -> None:
    assert counts(nlp, "A roadside bomb struck a van, killing its driver and wounding two passengers.") == {
        "killed": [1], "injured": [2]}


def test_a_number_of_people_is_no_count(nlp: Language) -> None:
    assert counts(nlp, "It also claimed to have killed a number of policemen who were guarding the bridge.") == {}


def test_more_of_the_attackers_counted_before_are_attackers(nlp: Language) -> None:
    assert counts(nlp, "Soldiers shot dead nine insurgents near Mir Ali and three more in Datta Khel, where one soldier "
                       "was also martyred, the army said.") == {"attackers_killed": [9, 3], "killed": [1]}


def test_a_lede_counting_two_attacks_gives_way_to_each_told_in_turn(extractor: Extractor) -> None:
    events = run(extractor, "MIRAMSHAH: Six people were killed in two separate gun attacks in North Waziristan on "
                            "Wednesday, triggering a strike in the bazaar.\n\nPolice said the first incident took place on "
                            "a link road, where unknown gunmen fired on a pickup and killed its driver, Gul Akbar. The "
                            "gunmen fled.\n\nA few hours later, armed men burst into a hujra in a nearby village and "
                            "opened fire on a gathering of elders, killing five people.")
    assert [(e.location.district, e.killed) for e in events] == [("North Waziristan", 1), ("North Waziristan", 5)]


def test_the_days_first_attack_told_after_the_second_is_another_incident(extractor: Extractor) -> None:
    events = run(extractor, "Gunmen opened fire on a wedding party in Tank district on Wednesday, killing four guests, "
                            "police said.\n\nIt was the second attack in the district on Wednesday. Earlier in the day, a "
                            "shopkeeper was shot dead outside his shop by two men on a motorcycle.\n\nThe bodies of the "
                            "four guests were taken to the district hospital.")
    assert sorted((e.location.district, e.killed) for e in events) == [("Tank", 1), ("Tank", 4)]


def test_an_older_attack_elsewhere_told_late_is_a_recap_and_a_foiled_raid_no_nil_toll(extractor: Extractor) -> None:
    text = ("PASNI: Heavy gunfire and several explosions rocked Pasni late on Monday night as militants tried to storm the "
            "naval base on its outskirts, officials said.\n\nTroops responded at once and foiled their attempt to get "
            "inside, killing five attackers near the perimeter, a security official said.\n\nResidents said the "
            "explosions went on for about two hours.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 6, 0))
    assert (event.location.district, event.date, event.killed, event.injured, event.attackers_killed) == (
        "Gwadar", date(2024, 6, 10), None, None, 5)
    text = ("TURBAT: Heavy gunfire rang out across Turbat late on Monday night as militants attacked a naval air station "
            "next to the airport, officials said.\n\nThe attackers were stopped at the outer wall, a security official "
            "said.\n\nIt is the second attack on a military installation on the coast this week. On Wednesday, seven "
            "militants were killed when they tried to force their way into the port office in Gwadar, and two soldiers "
            "were martyred in the gunfight.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 6, 0))
    assert (event.location.district, event.date, event.killed) == ("Kech", date(2024, 6, 10), None)


def test_the_dead_listed_and_one_more_who_also_died_are_the_toll(extractor: Extractor) -> None:
    [event] = run(extractor, "BANNU: Troops killed eight militants who rammed an explosives-laden car into the wall of "
                             "a fort before dawn on Wednesday, the military said.\n\nThe martyrs included five soldiers of the "
                             "army: Havildar Gul Zaman, 41, of Karak; Naik Arif Khan, 29, of Swabi; and Sepoy Tariq "
                             "Mehmood, 23, of Chakwal, among others.\n\nLance Naik Noor Ali, 37, of the Frontier "
                             "Constabulary, a resident of Bannu, also lost his life in the blast, officials said.")
    assert (event.killed, event.attackers_killed) == (6, 8)


def test_a_police_jawan_is_one_and_a_gunman_who_shot_is_no_victim(nlp: Language) -> None:
    # the parser takes "police" for the subject and the man for its apposition
    assert counts(nlp, "A police jawan guarding the vaccinators embraced shahadat when gunmen opened fire.") == {
        "killed": [1]}
    assert counts(nlp, "A gunman who posed as a patient shot dead a nurse and wounded an elderly doctor inside a "
                       "private clinic on Monday.") == {"killed": [1], "injured": [1]}


def test_a_releases_bulleted_field_of_the_injured_counts(extractor: Extractor) -> None:
    text = ("PRESS RELEASE — District Police Bannu — 12 June 2024\n\nOn the night of 11/12 June 2024 at about 23:10 hrs, "
            "terrorists attacked Police Post Jani Khel with heavy weapons. The jawans of the post returned fire and "
            "repulsed the attack.\n\n• Shuhada (01): Constable Zahir Shah No. 611.\n\n• Injured (02): Constables Amir "
            "Nawaz and Gul Rehman, shifted to the District Headquarters Hospital; condition stable.\n\n• A search "
            "operation is in progress in the area.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (1, 2)


def test_no_one_harmed_in_a_sieges_last_phase_is_no_nil_toll(nlp: Language) -> None:
    assert counts(nlp, "No hostage was hurt during the final rescue operation, the army spokesman said.") == {}
    assert counts(nlp, "No hostage was hurt, the army spokesman said.") == {"killed": [0], "injured": [0]}


def test_each_toll_put_at_a_number_is_the_one_named_before_it(nlp: Language) -> None:
    # the parser hangs the second "at" on the verb of the first
    assert counts(nlp, "Hospital officials put the number of dead at six and the wounded at 40.") == {
        "killed": [6], "injured": [40]}


def test_the_first_figures_give_way_to_the_toll_of_the_lede(extractor: Extractor) -> None:
    text = ("At least 19 people were killed when a bomb tore through a vegetable market in Parachinar on Friday, "
            "officials said.\n\nThe first figures released by the district police put the number of dead at 9 and the "
            "wounded at 35.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (19, 35)


def test_a_man_named_by_his_force_and_rank_is_one_victim(nlp: Language) -> None:
    # (the parser takes the man for a modifier after the force's name)
    assert counts(nlp, "LARKANA: Two constables, a Rangers sub-inspector and a sanitary worker lost their lives when "
                       "heavily armed terrorists attacked the office.") == {"killed": [2, 1, 1]}


def test_the_injured_told_by_hospital_add_up(extractor: Extractor) -> None:
    text = ("HANGU: Five people were killed when a bomb went off near a mosque in Hangu on Friday, police said.\n\n"
            "Of the injured, 14 were taken to the DHQ hospital, while nine others were treated at a private clinic.\n\n"
            "Doctors said 22 injured persons were admitted to the DHQ hospital, while 6 had been referred to Kohat and "
            "four more had been shifted to Peshawar.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (5, 32)


def test_the_wounded_with_their_wounds_and_a_later_death(extractor: Extractor) -> None:
    text = ("KHAR: Three policemen were martyred when a roadside bomb struck their van in Bajaur on Monday.\n\n"
            "Another constable, who had been critically wounded, died on the way to hospital, officials said.\n\n"
            "Of the wounded who survived, twelve were under treatment in Khar, while five with serious wounds had "
            "been shifted to Peshawar.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (4, 17)


def test_a_toll_that_had_stood_lower_in_the_morning_is_an_earlier_count(nlp: Language) -> None:
    doc = nlp("The death toll had stood at 31 on Tuesday morning and climbed through the day, officials said.")
    [figure] = doc._.sentences[0].casualties
    assert (figure.value, figure.earlier) == (31, True)
    doc = nlp("The death toll stood at 31 on Tuesday, officials said.")
    [figure] = doc._.sentences[0].casualties
    assert (figure.value, figure.earlier) == (31, False)


def test_a_running_toll_in_a_lede_on_the_funeral_is_news(extractor: Extractor) -> None:
    text = ("PESHAWAR: The number of martyrs of the suicide blast carried out at a seminary in Nowshera on Friday rose to "
            "eleven after two of the injured died at the Lady Reading Hospital, while the funeral prayers of the "
            "students were offered in their villages.\n\nThe banned Islamic State group had claimed the attack.\n\n"
            "Police said the bomber had entered the seminary's hall during the prayer.")
    [event] = run(extractor, text, published=datetime(2024, 6, 15, 9, 0))
    assert (event.location.district, event.killed, event.date) == ("Nowshera", 11, date(2024, 6, 14))


def test_men_taken_out_who_were_lined_up_and_shot_are_the_dead(nlp: Language) -> None:
    assert counts(nlp, "The gunmen stopped a coach and took off 14 passengers, all of them labourers, who were made to "
                       "kneel and shot dead.") == {"killed": [14]}


def test_a_roundups_total_restated_later_is_no_ones_toll(extractor: Extractor) -> None:
    text = ("QUETTA: At least 20 civilians and 9 soldiers were killed in a wave of coordinated attacks across Balochistan "
            "on Sunday, officials said.\n\nIn Nushki, gunmen stopped buses on the highway and shot dead 12 passengers "
            "after checking their identity cards.\n\nIn Mastung, militants stormed a police station and opened fire, "
            "killing eight people.\n\nThe military said in a statement that 9 soldiers had embraced shahadat while "
            "fighting the attackers.")
    events = run(extractor, text)
    assert [(e.location.district, e.killed) for e in events] == [("Nushki", 12), ("Mastung", 8)]


def test_none_of_its_men_died_is_a_nil_toll(nlp: Language) -> None:
    assert counts(nlp, "The navy said none of its sailors had died.") == {"killed": [0]}
    assert counts(nlp, "No more than three died.") == {"killed": [3]}


def test_a_place_told_beside_the_hospital_is_still_more_than_the_country(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb exploded near the main bus stand in Quetta yesterday morning, killing five passengers, police "
            "said.\n\nMeanwhile, in Turbat, unknown men on a motorcycle hurled a hand grenade at a police van parked near "
            "the main bazaar yesterday evening, as a result of which two policemen and a vendor were injured and shifted "
            "to the Teaching Hospital Turbat, though no loss of life was reported, and the police, after cordoning off "
            "the area, started a search for the attackers.\n\nPakistan Railways suspended the train service to and from "
            "Quetta for the day, while traders kept their shops closed today.")
    events = run(extractor, text, published=datetime(2024, 11, 10, 8, 30))
    assert [(e.location.district, e.injured) for e in events] == [("Quetta", None), ("Kech", 3)]


def test_deaths_that_raised_a_toll_and_a_part_of_the_injured_are_no_tolls(nlp: Language) -> None:
    doc = nlp("Doctors said the toll had risen to 15 after three more of the wounded died overnight. They put the number "
              "of injured at 40, about ten of whom are in a critical condition.")
    figures = [(f.kind, f.value, f.total) for s in doc._.sentences for f in s.casualties if not f.sub_count]
    assert figures == [("killed", 15, True), ("killed", 3, False), ("injured", 40, True)]


def test_a_groups_own_figures_are_its_claim(nlp: Language) -> None:
    doc = nlp("• The TTP's own figures (31 soldiers killed) could not be verified.")
    assert [(f.value, f.claimed) for s in doc._.sentences for f in s.casualties] == [(31, True)]


def test_the_injured_counted_in_number_and_the_named_men_of_a_count(nlp: Language) -> None:
    assert counts(nlp, "The wounded, 17 in number, were taken to the Civil Hospital.") == {"injured": [17]}
    doc = nlp("Two constables, ASI Sher Zaman and Constable Rahim Ullah, were martyred and four others were hurt.")
    assert [(f.kind, f.value) for s in doc._.sentences for f in s.casualties if not f.sub_count] == [
        ("killed", 2), ("injured", 4)]


def test_an_attack_that_claimed_lives_is_no_groups_claim(nlp: Language) -> None:
    doc = nlp("The blast claimed seven lives. The LeJ claimed it had killed nine.")
    assert [(f.value, f.claimed) for s in doc._.sentences for f in s.casualties] == [(7, False), (9, True)]


def test_attackers_shot_dead_make_no_targeted_killing_and_no_one_else_died(extractor: Extractor) -> None:
    text = ("SUKKUR: Militants with guns and grenades tried to storm a naval base near Sukkur before dawn on Sunday, "
            "the navy said.\n\nThe militants climbed the outer wall in the dark. Seven were shot dead on the wall."
            "\n\nNo one at the naval base was killed, a spokesman said.")
    [event] = run(extractor, text)
    assert (event.event_type, event.killed, event.attackers_killed) == ("armed_assault", 0, 7)


def test_an_older_incidents_toll_dated_by_its_month_is_not_counted(extractor: Extractor) -> None:
    text = ("KHAR: Gunmen shot dead three soldiers at a check post in Bajaur late on Tuesday night, officials said."
            "\n\nSince the ceasefire ended, police have buried their dead every week. Eight policemen were shot dead in "
            "their van in Tank in mid-May, and the April bombing in Swat killed 11 people.")
    [event] = run(extractor, text, published=datetime(2024, 6, 13, 9, 0))
    assert event.killed == 3


def test_the_parts_of_the_wounded_told_by_hospital_are_no_more_wounded(extractor: Extractor) -> None:
    text = ("KARACHI: A bomb hidden on a bicycle went off as a police van drove past in Korangi on Monday. Two people "
            "were killed and five wounded, three of them policemen.\n\nOf the five wounded, one constable had been moved "
            "to a military hospital in Malir, while the other four, including a fruit seller, were being treated at the "
            "Jinnah Postgraduate Medical Centre, hospital officials said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (2, 5)


def test_the_ends_of_a_journey_are_not_where_the_travellers_were_hit(extractor: Extractor) -> None:
    text = ("A suicide car bomber hit a bus carrying foreign engineers in the northwest on Tuesday, killing four of them, "
            "police said.\n\nThe engineers were on their way from Abbottabad to the Dasu power site in Upper Kohistan "
            "when the car rammed their bus outside Besham in Shangla district.")
    [event] = run(extractor, text, published=datetime(2024, 5, 14, 16, 0))
    assert event.location.district == "Shangla"


def test_where_something_is_yet_to_happen_is_no_scene(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb fixed to a motorcycle went off near a police van on Monday evening, killing three policemen, "
            "officials said.\n\nThe injured were taken to the Civil Hospital.\n\nThe bomb disposal squad said about two "
            "kilograms of explosives were used.\n\nThe provincial government said the attack was meant to disrupt the "
            "investment conference to be held in Lahore next week.")
    [event] = run(extractor, text)
    assert event.location.district == "Quetta"


def test_a_count_the_parser_gives_to_the_speakers_is_still_the_wounded(extractor: Extractor) -> None:
    text = ("A car bomb targeting a convoy of engineers near the main bazaar in the northern town of Chilas late on "
            "Friday killed three guards and wounded at least seven people, officials and the company said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (3, 7)


def test_a_digest_item_that_counts_its_dead_before_naming_the_attack_is_its_own_incident(extractor: Extractor) -> None:
    text = ("Weekly security digest, June 3-9.\n\n"
            "BANNU — On Monday, a bomb planted near a police checkpoint went off as a patrol passed, killing two "
            "constables and wounding four. No group claimed the blast.\n\n"
            "ZHOB — Before dawn on Wednesday, seven militants used ropes to climb the outer wall of the cantonment. All "
            "seven were killed, and the military said none of the troops were harmed. A little-known group said it "
            "carried out the attack.")
    events = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert sorted((e.location.district or "", e.attackers_killed or 0) for e in events) == [("Bannu", 0), ("Zhob", 7)]


def test_no_lives_lost_is_a_nil_toll(nlp: Language) -> None:
    assert counts(nlp, "The army said no soldiers were lost in the raid.") == {"killed": [0]}
    assert counts(nlp, "Officials said no lives were lost.") == {"killed": [0]}
    # a thing lost is no toll
    assert counts(nlp, "No weapons were lost in the raid.") == {}


def test_a_place_after_the_journeys_end_is_still_the_scene(extractor: Extractor) -> None:
    text = ("QUETTA: Gunmen fired on a coach travelling from Quetta to Karachi in Balochistan's Khuzdar district late "
            "on Monday, killing three passengers, an official said.")
    [event] = run(extractor, text)
    assert event.location.district == "Khuzdar"


def test_an_attack_weeks_earlier_is_background(extractor: Extractor) -> None:
    text = ("PESHAWAR: A police constable was shot and wounded on Tuesday morning when two men on a motorcycle fired on "
            "him near the Hayatabad toll plaza, police said. No one was killed.\n\n"
            "Just a fortnight earlier, nine people died when a bomb hit a van carrying labourers in Khyber district.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (0, 1)


def test_a_journeys_end_alone_is_still_the_best_place_told(extractor: Extractor) -> None:
    text = ("PESHAWAR: Gunmen fired on a convoy of passenger vans heading to Parachinar on Thursday, killing five "
            "travellers, officials said.")
    [event] = run(extractor, text)
    assert event.location.district == "Kurram"


def test_a_groups_record_in_its_description_is_no_recap(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb tore through a vegetable market in Hazarganji on Tuesday, killing nine people, police said.\n\n"
            "Investigators said the men who planted it belonged to Lashkar-e-Jhangvi, an outfit that has previously "
            "bombed Hazara gatherings in the city.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Lashkar-e-Jhangvi", "blamed")


def test_a_group_said_to_be_involved_is_blamed(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "An official said early findings show the Islamic State is involved."))
    assert group.attribution == "blamed"
    [denied] = find_groups(sent(nlp, "The police chief said the TTP was not involved."))
    assert denied.attribution == "denied"
    [denial] = find_groups(sent(nlp, "A spokesman for the TTP denied that the group was involved."))
    assert denial.attribution == "denied"


def test_the_day_of_an_aftermath_the_incident_follows_is_not_its_day(extractor: Extractor) -> None:
    text = ("PARACHINAR: Traders kept their shops shut on Friday after a bombing at the main market.\n\n"
            "The device, hidden in a fruit cart, exploded on Thursday evening as shoppers crowded the market, killing "
            "eleven people, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 18, 0))
    assert (event.killed, event.date) == (11, date(2024, 6, 13))
    # what the blast did on its own day is the incident's, whatever the train had done the day before
    text = ("SIBI: Two wagons of a goods train overturned on Friday morning after an explosion on the track near "
            "Bakhtiarabad, officials said.\n\n"
            "The train had left Quetta on Thursday night.")
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 18, 0))
    assert event.date == date(2024, 6, 14)


def test_the_earlier_attack_of_a_run_is_background(extractor: Extractor) -> None:
    text = ("KHAR: Gunmen shot dead two policemen guarding a polio team in Mamund tehsil of Bajaur on Thursday, "
            "officials said. No one claimed the killing.\n\n"
            "It was the second attack on vaccination teams in the district in four days. On Monday, a roadside bomb "
            "wounded five policemen near Inayat Kallay. The TTP claimed that bombing.")
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 9, 0))
    assert (event.killed, event.perpetrator.name) == (2, None)


def test_a_roundup_incident_with_only_a_month_takes_the_ledes_day(extractor: Extractor) -> None:
    text = ("PESHAWAR: Four policemen were martyred as militants attacked police posts in Karak and Kohat districts late "
            "on Monday, officials said.\n\n"
            "In Karak, gunmen fired rockets at the Latambar checkpost. Three constables were martyred.\n\n"
            "In Kohat, a constable was martyred when attackers opened fire on a post near the tunnel. Police in Kohat "
            "had complained earlier this month of a shortage of night-vision equipment.")
    events = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert sorted((e.location.district or "", e.date) for e in events) == [
        ("Karak", date(2024, 6, 10)), ("Kohat", date(2024, 6, 10))]


def test_a_groups_count_said_with_its_claim_is_the_groups(nlp: Language) -> None:
    figures = extract_casualties(sent(nlp, "The BLA claimed responsibility, saying it was holding 40 passengers, "
                                           "including policemen, and had killed 12 soldiers."))
    assert [(f.kind, f.value, f.claimed) for f in figures] == [("killed", 12, True)]


def test_no_casualty_figures_is_no_nil_toll(nlp: Language) -> None:
    assert counts(nlp, "Officials gave no casualty figures.") == {}
    assert counts(nlp, "There were no casualties, officials said.") == {"killed": [0], "injured": [0]}


def test_the_town_a_train_had_left_is_not_the_scene(extractor: Extractor) -> None:
    text = ("SUKKUR: A bomb planted on the railway track blew up under a goods train on Sunday, derailing four wagons, "
            "officials said.\n\n"
            "The blast came minutes after the train had left Jacobabad, a railway official said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.location.district == "Sukkur"


def test_the_attackers_a_count_of_the_dead_holds_are_no_victims(nlp: Language) -> None:
    assert counts(nlp, "The hospital said it had received 15 bodies, four of them those of militants.") == {"killed": [11]}
    assert counts(nlp, "The car bomb killed nine people — the bomber, six labourers and two guards.")["killed"] == [8]
    # a part that is no attacker leaves the count whole
    assert counts(nlp, "The blast killed nine people, four of them women.") == {"killed": [9]}


def test_a_toll_that_rose_twice_in_one_sentence_is_the_later(extractor: Extractor) -> None:
    text = ("LAHORE: A bomb exploded at a crowded bus stand in Lahore on Sunday morning, officials said.\n\n"
            "The toll stood at nine on Sunday. It rose to 12 on Monday and to 15 on Tuesday as wounded passengers "
            "died in hospital.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert event.killed == 15


def test_a_headline_toll_as_more_wounded_die_is_the_dead(nlp: Language) -> None:
    assert counts(nlp, "Railway station bombing toll climbs to 29 as more wounded die") == {"killed": [29]}


def test_the_city_of_an_event_yet_to_come_is_not_the_scene(extractor: Extractor) -> None:
    text = ("PESHAWAR: Two policemen guarding a polio team were shot dead in the city on Monday, officials said.\n\n"
            "The killing came days before a donors' conference in Islamabad on the eradication campaign.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.location.district == "Peshawar"


def test_a_count_the_report_calls_incorrect_is_not_the_toll(extractor: Extractor) -> None:
    text = ("BANNU: Four constables were martyred when militants stormed a police station in Bannu on Tuesday night, "
            "the district police chief said.\n\n"
            "Speaking to journalists on Wednesday, the police chief said reports carried by some television channels "
            "that seven policemen had been martyred were incorrect.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert event.killed == 4


def test_a_count_first_reported_gives_way_after_a_semicolon(nlp: Language) -> None:
    text = ("The police first said three people had died; by nightfall the hospital said eight people had been "
            "killed.")
    [first, second] = [f for f in extract_casualties(sent(nlp, text)) if f.kind == "killed"]
    assert (first.value, second.value) == (3, 8)
    assert first.earlier and not second.earlier


def test_the_day_captives_are_freed_is_not_the_day_they_were_taken(extractor: Extractor) -> None:
    text = ("TANK: Gunmen have set free two of three health workers they kidnapped last week, officials said on "
            "Monday.\n\n"
            "The two men were handed over to elders late on Sunday near Jandola and reached their homes on Monday, an "
            "official said. The three were seized on Thursday as they drove to a vaccination camp.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.date == date(2024, 6, 6)


def test_schools_set_on_fire_are_an_attack_on_property(extractor: Extractor) -> None:
    text = ("MIRAMSHAH: Unknown men set fire to two government schools in Mir Ali tehsil of North Waziristan late on "
            "Sunday, officials said. Nobody was hurt as the buildings were empty.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.event_type, event.location.district) == ("infrastructure_attack", "North Waziristan")
    # whichever burning or wrecking word comes first
    text = ("MIRAMSHAH: Unknown men damaged the gate and set fire to a girls' school in Mir Ali tehsil of North "
            "Waziristan late on Sunday, officials said. Nobody was hurt as the building was empty.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.event_type == "infrastructure_attack"


def test_a_month_whose_when_clause_tells_a_killing_is_a_recap(extractor: Extractor) -> None:
    text = ("CHILAS: Gunmen shot dead a customs official in Chilas on Sunday, police said.\n\n"
            "The valley made headlines in May 2019, when militants killed four tourists on the highway, an attack "
            "claimed by the Islamic State.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.perpetrator.name is None


def test_a_claim_of_a_month_named_attack_is_the_groups_record(extractor: Extractor) -> None:
    text = ("PESHAWAR: A bomb hidden in a handcart killed three policemen in Peshawar on Tuesday, officials said.\n\n"
            "The Hafiz Gul Bahadur group claimed the bombing. The group had earlier claimed a March attack on a "
            "checkpoint in Khyber, in which five soldiers were killed, and an April ambush in Bajaur, in which all six "
            "attackers died.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.killed, event.attackers_killed) == (3, None)


def test_attackers_all_of_whom_died_are_counted(nlp: Language) -> None:
    text = "The raid was carried out by four gunmen, all of whom were killed, the police said."
    assert counts(nlp, text) == {"attackers_killed": [4]}


def test_attackers_killed_as_an_official_said_are_this_attacks(extractor: Extractor) -> None:
    text = ("BANNU: Militants stormed a police station in Bannu on Monday evening, killing three constables, "
            "officials said.\n\n"
            "Five attackers had been killed by dawn, a police officer said, and the search of the area went on.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.attackers_killed == 5


def test_a_move_further_north_opens_another_incident(extractor: Extractor) -> None:
    text = ("QUETTA: A roadside bomb killed two soldiers in Kech district on Tuesday, while firing between Afghan and "
            "Pakistani forces went on along the border for a second day, officials said.\n\n"
            "Further north, the two sides exchanged fire at Angoor Adda in South Waziristan. The firing began on Monday "
            "after a dispute over a fence. Two Pakistani soldiers were wounded there, an official said.")
    events = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert sorted((e.location.district or "", e.killed, e.injured) for e in events) == [
        ("Kech", 2, None), ("South Waziristan", None, 2)]


def test_a_border_crossing_is_at_its_place(extractor: Extractor) -> None:
    text = ("ISLAMABAD: Afghan and Pakistani border forces exchanged fire at the Chaman crossing on Friday, wounding "
            "two porters, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 15, 9, 0))
    assert event.location.district == "Chaman"


def test_a_quoted_no_link_is_a_denial(extractor: Extractor) -> None:
    text = ("KHAR: A tribal elder was shot dead in Khar on Sunday, police said.\n\n"
            "In a short statement to reporters, a TTP spokesman said the group had “no link” with the killing and "
            "that its fighters had been told not to target elders.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.perpetrator.name is None


def test_groups_a_description_lists_are_no_claimants(nlp: Language) -> None:
    found = find_groups(nlp("In a statement sent to the media, the Baloch Raaji Aajoi Sangar (BRAS), a coalition whose "
                            "members include the Baloch Liberation Army and the Baloch Liberation Front, said its "
                            "fighters had carried out the ambush and seized rifles from the troops.")[:])
    assert {g.name for g in found if g.attribution == "claimed"} == {"Baloch Raaji Aajoi Sangar"}


def test_every_place_of_a_dateline_that_names_two_is_the_dateline(nlp: Language) -> None:
    doc = nlp("Turbat/Sui (Staff Report) — A trader was shot dead in his shop in Turbat on Sunday evening.")
    found = [(m.name, m.dateline) for m in find_locations(next(iter(doc.sents)))]
    assert found[:2] == [("Turbat", True), ("Sui", True)]


def test_a_ledes_clause_on_another_incident_is_not_its_place(extractor: Extractor) -> None:
    text = ("Turbat/Sui (Staff Report) — A trader was shot dead in his shop in Turbat on Sunday evening, while in "
            "another incident a power pylon was blown up in Sui late at night.\n\n"
            "In Sui, Levies officials said explosives had been placed at the base of the pylon. No one was hurt.")
    events = run(extractor, text, published=datetime(2024, 6, 10, 9, 0), title="Trader shot dead in Turbat; pylon "
                 "blown up in Sui")
    assert ("targeted_killing", "Kech") in {(e.event_type, e.location.district) for e in events}


def test_a_list_that_runs_into_its_verb_is_not_the_names_of_the_count(extractor: Extractor) -> None:
    text = ("SUKKUR: Two soldiers, a Levies sepoy and a shepherd lost their lives when militants ambushed "
            "a patrol near the river on Monday morning, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.killed == 4


def test_a_rank_of_police_names_the_man_it_counts(extractor: Extractor) -> None:
    text = ("Superintendent of Police Khalid Rauf and two constables were martyred on Monday when a roadside bomb "
            "hit their vehicle near Tank, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.killed == 3


def test_a_dateline_closed_by_a_dash_is_not_the_subject_of_the_lede(extractor: Extractor) -> None:
    text = ("Bannu (Frontier Wire) — Inspector Sher Zaman and four other policemen embraced shahadat on Sunday when "
            "terrorists attacked the Domel police station with rockets.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.killed, event.location.district) == (5, "Bannu")


def test_a_funeral_lede_followed_by_the_toll_rising_is_news(extractor: Extractor) -> None:
    text = ("KOHAT — Hundreds of mourners attended the funerals of the shopkeepers on Thursday in their home village.\n\n"
            "The death toll from Monday's bombing of the cloth market rose to 14 this week, after three of the "
            "wounded died in Peshawar, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 9, 0))
    assert (event.killed, event.date) == (14, date(2024, 6, 10))


def test_a_count_said_to_have_been_confirmed_is_not_an_earlier_one(nlp: Language) -> None:
    [figure] = extract_casualties(sent(nlp, "The district administration said 31 deaths had been confirmed by name."))
    assert (figure.value, figure.earlier) == (31, False)


def test_the_bodies_a_hospital_received_give_way_to_the_count_that_disputes_them(extractor: Extractor) -> None:
    text = ("SIBI: Nine people were killed on Sunday when a bomb went off near a bus stand in Sibi, officials said.\n\n"
            "The hospital received 11 bodies, but police said two of them were of men killed in a road accident "
            "earlier in the day.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.killed == 9


def test_groups_that_in_the_past_claimed_attacks_are_no_claim_of_this_one(extractor: Extractor) -> None:
    text = ("KHARAN: Gunmen shot dead three road workers in Kharan on Friday night, police said.\n\n"
            "No group claimed responsibility. Separatist groups have in the past claimed attacks on road crews.")
    [event] = run(extractor, text, published=datetime(2024, 6, 8, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_a_date_in_a_clause_on_the_claimant_is_not_a_recap_of_the_claim(extractor: Extractor) -> None:
    text = ("CHAMAN: Two Levies men were killed in an attack on a checkpost in Chaman on Saturday, officials said.\n\n"
            "Responsibility was claimed by Tehreek-e-Jihad Pakistan, a group that surfaced early last year and has "
            "since claimed a string of raids on security posts.")
    [event] = run(extractor, text, published=datetime(2024, 6, 9, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehreek-e-Jihad Pakistan", "claimed")


def test_them_are_the_attackers_named_before_who_told_it(extractor: Extractor) -> None:
    text = ("NOSHKI: Militants attacked a Levies post in Noshki before dawn on Monday, killing one guard, officials said.\n\n"
            "The attackers first threw grenades at the gate and then opened fire, officials said. Three of them were "
            "shot dead by the guards.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.killed, event.attackers_killed) == (1, 3)


def test_the_previous_evening_is_the_day_before_the_report(extractor: Extractor) -> None:
    text = "D.I. KHAN: A retired teacher was shot dead outside his house the previous evening, police said."
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 8, 0))
    assert event.date == date(2024, 6, 11)


def test_a_place_in_a_clause_telling_who_the_victim_was_is_not_the_scene(nlp: Language) -> None:
    doc = nlp("Haji Gul Wazir, an elder who once led a peace jirga in North Waziristan, was shot dead in Bannu on Friday.")
    found = {m.name: m.in_aside() for m in find_locations(next(iter(doc.sents)))}
    assert found["North Waziristan"] and not found["Bannu"]


def test_groups_with_a_record_of_attacks_are_not_blamed_for_this_one(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb planted on a bicycle wounded five people on Sariab Road in Quetta on Monday, police said.\n\n"
            "The Pakistani Taliban and Baloch groups have both carried out attacks on police in the city this year.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert event.perpetrator.name is None


def test_kidnappers_named_as_members_of_a_group_blame_it(extractor: Extractor) -> None:
    text = ("TANK: Gunmen kidnapped four telecom engineers from a tower site in Tank on Sunday night, police said.\n\n"
            "The district police officer said the kidnappers were members of the banned Tehreek-e-Taliban Pakistan.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_the_dead_named_one_by_one_are_counted(extractor: Extractor) -> None:
    text = ("PESHAWAR: Militants stormed a paramilitary camp in Khyber before dawn on Friday and fought troops for hours, "
            "the military said.\n\n"
            "The military named the dead as Major Adnan Rauf, Havildar Sajid Ali, Naik Tariq Mehmood and Sepoy Amir "
            "Khan.")
    [event] = run(extractor, text, published=datetime(2024, 6, 8, 9, 0))
    assert event.killed == 4


def test_one_of_the_attackers_joined_to_the_victims_is_an_attacker(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Three soldiers and one of the attackers were killed in the exchange of fire."))
    assert [(f.kind, f.value) for f in found] == [("killed", 3), ("attackers_killed", 1)]


def test_a_named_man_described_twice_is_one_victim(extractor: Extractor) -> None:
    text = ("MIRANSHAH: Haji Gul Rehman, a tribal elder and a member of the local peace committee, was shot dead outside "
            "a mosque in Miranshah on Friday, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 8, 9, 0))
    assert event.killed == 1


def test_operations_counted_with_a_hyphenated_word_are_a_statistic(extractor: Extractor) -> None:
    text = ("RAWALPINDI: Security forces carried out 9,000 intelligence-based operations in the first half of the year, "
            "killing 180 terrorists, the military's spokesman said on Tuesday.")
    assert run(extractor, text, published=datetime(2024, 7, 10, 9, 0)) == []


def test_since_the_previous_evening_dates_no_incident(extractor: Extractor) -> None:
    text = ("ZHOB — Militants attacked a Levies post near Zhob in the early hours of Wednesday, killing two guards, "
            "officials said.\n\nOfficials said the militants' movement had been watched since the previous evening.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 11, 0))
    assert event.date == date(2024, 6, 12)


def test_a_ledes_separate_attack_after_an_agency_dateline_is_its_own_event(extractor: Extractor) -> None:
    text = ("PESHAWAR, Pakistan (Frontier Wire) — Gunmen shot dead two policemen guarding a polio team in Karak on "
            "Monday, while a trader was shot dead in a separate attack in the southwest, officials said.\n\n"
            "The attack in Karak came on the first day of a vaccination campaign, a police officer said.\n\n"
            "Hours later, Abdul Qadir, a cloth merchant, was killed near his shop in Khuzdar, police said.")
    events = run(extractor, text, published=datetime(2024, 6, 10, 20, 0))
    assert sorted(e.location.district or "" for e in events) == ["Karak", "Khuzdar"]


def test_a_toll_broken_down_after_a_dash_leaves_out_the_attackers(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Gunmen raided a Levies post near Zhob on Sunday night, starting a fight that left "
                                         "six people dead — two guards and four of the raiders — officials said."))
    assert sorted((f.kind, f.value) for f in found) == [("attackers_killed", 4), ("killed", 2)]


def test_a_claim_for_an_attack_carries_its_toll(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "The Pakistani Taliban claimed responsibility on Friday for an attack on a "
                                         "police station in Tank that killed three constables."))
    assert [(f.kind, f.value) for f in found] == [("killed", 3)]


def test_a_second_attacker_found_dead_makes_two(extractor: Extractor) -> None:
    text = ("BANNU: Militants attacked a police post in Bannu late on Monday, killing two constables, police said. "
            "Police shot dead one attacker.\n\n"
            "On Tuesday morning, police found the body of a second attacker in a field nearby, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 12, 0))
    assert (event.killed, event.attackers_killed) == (2, 2)


def test_the_toll_of_an_attack_reported_before_is_not_the_operations(extractor: Extractor) -> None:
    text = ("PESHAWAR: Security forces killed five militants in an operation in Bajaur on Saturday, officials said.\n\n"
            "The operation was launched against the militants who had raided a checkpost in Mamund on Thursday night, an "
            "attack reported on these pages yesterday in which two soldiers embraced shahadat.")
    [event] = run(extractor, text, published=datetime(2024, 6, 9, 9, 0))
    assert (event.killed, event.attackers_killed) == (None, 5)


def test_a_soldier_then_a_passer_by_are_two_dead(extractor: Extractor) -> None:
    text = ("KHUZDAR: A Levies constable was martyred in a blast in Khuzdar bazaar on Monday. A pedestrian who was "
            "wounded in the blast died in hospital at night. Six other people were hurt.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.killed == 2


def test_militants_sent_to_hell_in_the_gerund_are_attackers_killed(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Troops repulsed the raid on the camp, sending three terrorists to hell."))
    assert [(f.kind, f.value) for f in found] == [("attackers_killed", 3)]


def test_an_update_line_goes_on_with_the_story(extractor: Extractor) -> None:
    text = ("Two soldiers were martyred on Tuesday when a bomb hit their vehicle in Kurram, officials said.\n\n"
            "UPDATE: Three people, including a soldier, were wounded and have been taken to the DHQ hospital in "
            "Parachinar.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 15, 0))
    assert (event.killed, event.injured) == (2, 3)


def test_an_official_blaming_a_group_outright_blames_it(extractor: Extractor) -> None:
    text = ("PESHAWAR (Wire) — A bomb hit a police van in Bannu on Tuesday, killing two officers, police said.\n\n"
            "No group claimed the attack. A police officer blamed the Pakistani Taliban, saying its fighters had been "
            "seen in the area in recent weeks.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 15, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_a_denial_with_an_assertion_is_no_claim(extractor: Extractor) -> None:
    text = ("KHAR: Three policemen guarding a polio team were martyred in a bomb blast in Bajaur on Monday.\n\n"
            "The Tehreek-e-Taliban Pakistan, in a statement, denied any role and claimed that its men never target "
            "health workers.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.perpetrator.name is None


def test_the_attackers_named_as_men_of_a_group_blame_it(extractor: Extractor) -> None:
    text = ("KOHAT: Gunmen ambushed a cash van in Kohat on Monday, killing two guards, police said.\n\n"
            "Police said the attack had been carried out by fighters of a local faction of the banned Tehreek-e-Taliban "
            "Pakistan.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_troops_who_suffered_no_loss_give_a_nil_toll(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "The troops suffered no loss in the raid, officials said."))
    assert [(f.kind, f.value) for f in found] == [("killed", 0)]


def test_the_bodies_of_some_of_the_abducted_are_the_dead(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "The bodies of three of eight labourers kidnapped from a quarry in Kalat were "
                                         "found on Sunday, officials said."))
    assert [(f.kind, f.value) for f in found if f.kind == "killed"] == [("killed", 3)]


def test_attackers_listed_among_the_dead_are_counted_apart(extractor: Extractor) -> None:
    text = ("BANNU: Eleven people, among them five policemen, a watchman and five militants, were killed in an attack "
            "on a police station in Bannu on Monday night, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert (event.killed, event.attackers_killed) == (6, 5)
    text = ("Khuzdar — Three persons including a Levies sepoy, a shepherd and one of the attackers lost their lives when "
            "gunmen attacked a check post near Khuzdar late on Monday night.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.killed == 2


def test_one_of_the_people_there_wounded_is_the_injured_count(extractor: Extractor) -> None:
    text = ("SWABI: Gunmen shot dead a constable escorting a polio team in Swabi on Tuesday, police said. One of the "
            "health workers was wounded in the leg.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 18, 0))
    assert (event.killed, event.injured) == (1, 1)


def test_a_later_days_reaction_gives_way_to_the_attacks_own_day(extractor: Extractor) -> None:
    text = ("MULTAN, Pakistan — Families in southern Punjab waited on Wednesday for the bodies of labourers shot dead in "
            "Balochistan, where gunmen killed nine men on a highway near Barkhan on Tuesday, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 18, 0))
    assert event.date == date(2024, 6, 11)


def test_the_injured_of_a_while_clause_count_when_only_the_clause_names_the_place(extractor: Extractor) -> None:
    text = ("MARDAN: Three watchmen were killed, while six others including two boys were hurt when gunmen stormed a "
            "brick kiln in Katlang tehsil of Mardan district on Tuesday night.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.killed, event.injured) == (3, 6)


def test_a_claim_of_a_recaps_two_bombings_is_not_the_reports_own(extractor: Extractor) -> None:
    text = ("TURBAT: A customs inspector and his driver were shot dead on the coastal highway near Turbat on Tuesday, "
            "officials said.\n\nThe killing came days after two bombings outside markets in Gwadar and Pasni killed "
            "nine people. The BLF claimed responsibility for both.\n\nNo group claimed responsibility for Tuesday's "
            "killing.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_a_report_that_says_no_group_claimed_either_attack_takes_no_later_claim(extractor: Extractor) -> None:
    text = ("QUETTA/BANNU, June 12 — Gunmen shot dead four policemen at a check post in Bannu on Tuesday, while a bomb "
            "planted on a motorcycle killed two people at a bus stand in Quetta, officials said.\n\n"
            "No group immediately claimed either attack.\n\n"
            "On Monday, two bombs exploded outside polling offices in Chaman, killing nine people. The Islamic State "
            "group claimed both bombings.")
    events = run(extractor, text, published=datetime(2024, 6, 12, 18, 0))
    todays = [e for e in events if e.location.district in ("Bannu", "Quetta")]
    assert todays and all(e.perpetrator.name is None for e in todays)


def test_no_one_of_either_kind_hurt_is_a_nil_count(nlp: Language) -> None:
    text = "The blast damaged the culvert, but no commuter or railway guard was injured, officials said."
    assert counts(nlp, text).get("injured") == [0]



def test_a_running_total_of_militants_killed_in_a_long_clause_is_the_attackers_toll(nlp: Language) -> None:
    text = ("Troops killed nine more militants in the Datta Khel area, as a result of which the total number of militants "
            "killed since the group was spotted crossing the border on the night between May 3 and May 4 has reached "
            "thirty-two, the military said.")
    found = extract_casualties(sent(nlp, text))
    assert ("attackers_killed", 32) in [(f.kind, f.value) for f in found]
    assert "killed" not in [f.kind for f in found]


def test_a_headlines_bare_total_after_militants_is_their_total(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Nine more militants killed in Datta Khel, total reaches 32"))
    assert [(f.kind, f.value) for f in found] == [("attackers_killed", 9), ("attackers_killed", 32)]
    found = extract_casualties(sent(nlp, "Two more soldiers martyred in Datta Khel, total reaches 6"))
    assert [(f.kind, f.value) for f in found] == [("killed", 2), ("killed", 6)]


def test_not_a_single_soldier_hurt_is_nobody(nlp: Language) -> None:
    text = "Officials said not a single soldier of the unit was martyred or injured in the exchange."
    assert counts(nlp, text) == {"killed": [0], "injured": [0]}


def test_an_operation_whose_lede_counts_militants_killed_stays_an_operation(extractor: Extractor) -> None:
    text = ("Rawalpindi (APP): Security forces, during the ongoing operation in the Datta Khel area of North Waziristan, "
            "have killed nine more terrorists, as a result of which the total number of terrorists killed since a group "
            "trying to cross the border was intercepted on the night of May 3 has reached thirty-two, the military "
            "said.\n\nNot a single soldier was martyred or injured in the operation, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 5, 6, 18, 0))
    assert (event.event_type, event.attackers_killed, event.killed) == ("security_operation", 32, 0)


def test_a_state_label_explained_as_the_name_given_to_a_group_blames_the_group(extractor: Extractor) -> None:
    text = ("PESHAWAR: Two policemen were shot dead at a check post in Lakki Marwat on Monday night, police said. "
            "Police said the khwarij had fled towards the hills.\n\nIt may be mentioned that khwarij is the name given "
            "by the government to the banned Tehreek-e-Taliban Pakistan.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_a_routes_record_of_attacks_over_a_year_is_not_the_news(extractor: Extractor) -> None:
    text = ("SUKKUR: Rail traffic was halted after a bomb planted on the track damaged a culvert near Shikarpur on "
            "Tuesday, on a line that has been hit by a hijacking, two bombings and several track blasts in little over "
            "a year. No one was hurt.")
    [event] = run(extractor, text, published=datetime(2024, 5, 8, 9, 0))
    assert event.event_type == "infrastructure_attack"


def test_an_incident_named_to_date_something_else_does_not_type_another(extractor: Extractor) -> None:
    text = ("QUETTA: Militants have abducted a deputy commissioner and his driver near Loralai, officials said on "
            "Monday.\n\nIn a separate incident on Sunday night, gunmen attacked a Levies post near Surab, killing "
            "three Levies men. Traders in the town shut their shops after the abduction.")
    events = run(extractor, text, published=datetime(2024, 5, 6, 18, 0))
    assert sorted(e.event_type for e in events) == ["armed_assault", "kidnapping"]


def test_a_squads_long_fight_with_vests_and_grenades_is_an_assault(extractor: Extractor) -> None:
    text = ("PESHAWAR: Four militants forced their way into a police headquarters on Tuesday, setting off a gun battle "
            "that went on for more than four hours. Three policemen were killed and nine wounded. All four attackers "
            "died, one of them when he blew himself up, officials said, describing it as a suicide attack by a "
            "trained squad that also hurled grenades.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 18, 0))
    assert (event.event_type, event.killed, event.attackers_killed) == ("armed_assault", 3, 4)


def test_a_condolence_visit_to_an_embassy_is_not_the_attacks_place(extractor: Extractor) -> None:
    text = ("Lahore (APP): A suicide bomber rammed an explosive-laden car into a van carrying foreign engineers near the "
            "airport last night, killing two of them. The Interior Minister visited the Embassy of Japan in Islamabad "
            "today and offered condolences.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 18, 0))
    assert event.location.district == "Lahore"


def test_an_earlier_killing_of_the_day_in_another_locality_is_another_event(extractor: Extractor) -> None:
    text = ("Gunmen shot dead four shopkeepers at a market in Upper Kurram on Friday, police said.\n\n"
            "The attackers fled towards the hills.\n\n"
            "Hours earlier, a school clerk was shot dead while riding his motorcycle in the Shalozan area of the same "
            "district.")
    events = run(extractor, text, published=datetime(2024, 5, 10, 18, 0))
    assert sorted(e.killed or 0 for e in events) == [1, 4]


def test_a_toll_summed_over_a_day_is_no_incidents_toll(nlp: Language) -> None:
    text = ("Before this incident, in the Sadda area, a shopkeeper, Haji Noor Khan, who was going to his shop on his "
            "motorcycle, was martyred by the firing of unknown persons, and in this way the number of people who "
            "embraced shahadat in the district in a single day reached six, which has spread fear across Kurram.")
    assert counts(nlp, text) == {"killed": [1]}


def test_the_place_in_the_clause_of_the_verb_that_blew_up_is_the_scene(extractor: Extractor) -> None:
    text = ("QUETTA: Power supply to Quetta and several other districts was suspended for hours after unidentified men "
            "blew up a transmission tower near Dera Allahyar late on Monday, officials said. Quetta traders said the "
            "outage hit their business.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 9, 0))
    assert event.location.district == "Jaffarabad"


def test_other_sources_figures_count_only_where_the_report_has_none(extractor: Extractor) -> None:
    text = ("MARDAN, Pakistan, May 7 (Wire) - A bomb hidden in a handcart exploded in a vegetable market in Mardan on "
            "Tuesday, killing 17 people, the provincial health minister said.\n\n"
            "Other officials gave different figures. A police official said 19 people had been killed, while a doctor "
            "at the district hospital said 40 wounded people had been brought in.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 18, 0))
    assert (event.killed, event.injured) == (17, 40)


def test_a_wires_summary_points_do_not_push_the_lede_down(extractor: Extractor) -> None:
    text = ("PAKISTAN-ATTACK/ (UPDATE 1)\n\n"
            "* Van was taking labourers from Kohat to a coal mine in the hills of Darra Adam Khel\n\n"
            "* Provincial government lowers toll from hospital estimate of eight\n\n"
            "* No claim of responsibility\n\n"
            "PESHAWAR, Pakistan, May 7 (Wire) - Gunmen opened fire on a van carrying labourers near Kohat on Tuesday, "
            "killing six people, a provincial government spokesman said.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 18, 0),
                  title="UPDATE 1-Gunmen kill six labourers in Pakistan's northwest")
    assert (event.killed, event.location.district) == (6, "Kohat")


def test_one_among_more_than_n_injured_gives_the_toll(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "His clerk was among the more than 40 injured and is in hospital."))
    assert [(f.kind, f.value, f.total) for f in found] == [("injured", 40, True)]


def test_groups_named_as_active_in_the_area_are_not_blamed(extractor: Extractor) -> None:
    text = ("BANNU: A bomb planted beside a road killed a policeman in Bannu on Thursday, police said.\n\n"
            "Fighters of the Pakistani Taliban operate in the district, but police did not say whom they suspected.")
    [event] = run(extractor, text, published=datetime(2024, 5, 9, 18, 0))
    assert event.perpetrator.name is None


def test_a_wire_storys_update_number_is_no_count(nlp: Language) -> None:
    assert counts(nlp, "UPDATE 2-Gunmen kill nine on a bus in Pakistan's north") == {"killed": [9]}


def test_the_estimate_a_toll_was_lowered_from_gives_way(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Officials lower the toll from a hospital estimate of eleven."))
    assert [(f.value, f.earlier) for f in found] == [(11, True)]


def test_a_named_man_wounded_who_later_died_is_one_of_the_dead(nlp: Language) -> None:
    text = ("Sepoy Aslam Khan died at the scene, while Naik Gul Rehman, who was badly wounded, succumbed to his "
            "injuries in hospital at night, officials said.")
    assert counts(nlp, text) == {"killed": [1, 1]}


def test_the_person_a_participle_describes_is_the_one_wounded(nlp: Language) -> None:
    text = ("Gunmen shot dead a vaccinator and injured the guard accompanying her in Mardan on Monday, police said, "
            "as the drive entered its second day.")
    assert counts(nlp, text) == {"killed": [1], "injured": [1]}


def test_a_lede_whose_news_came_days_after_an_attack_reports_no_attack(extractor: Extractor) -> None:
    text = ("Shops across Khar stayed shut on Monday in protest against extortion threats, days after gunmen attacked "
            "a police post in the town.\n\n"
            "Traders marched to the press club and demanded more patrols at night.\n\n"
            "On Friday, gunmen opened fire on the post, martyring two policemen, officials had said.")
    assert run(extractor, text, published=datetime(2024, 5, 13, 18, 0)) == []


def test_a_bulletins_next_item_also_in_the_same_district_is_another_incident(extractor: Extractor) -> None:
    text = ("Unknown men blew up a gas pipeline near Sui early this morning, officials said. No one was hurt.\n\n"
            "Also in Dera Bugti, three Levies men were wounded when a landmine went off under their pick-up this "
            "afternoon.")
    events = run(extractor, text, published=datetime(2023, 3, 8, 21, 0))
    assert sorted((e.event_type, e.injured) for e in events) == [("bombing", 3), ("infrastructure_attack", 0)]


def test_deaths_in_floods_are_no_attacks_toll(nlp: Language) -> None:
    assert counts(nlp, "Officials said 41 people have lost their lives in rains and floods since July.") == {}
    assert counts(nlp, "Seven passengers died in a road accident near Khuzdar.") == {}


def test_a_headline_count_makes_a_scene_setting_feature_news(extractor: Extractor) -> None:
    text = ("The tea stall at the crossing was open again by noon, its benches scrubbed and its kettle back on the "
            "fire, though the owner's son kept looking at the road whenever a motorcycle slowed.\n\n"
            "Customers spoke quietly of the evening before, and a policeman stood by the shuttered pharmacy across the "
            "road, where the glass had not yet been swept away.\n\n"
            "Five people were killed and eight wounded in Monday evening's bombing at the crossing in Chaman, the "
            "deputy commissioner said on Tuesday, revising the figure of seven given overnight.")
    events = run(extractor, text, published=datetime(2024, 6, 11, 17, 0),
                 title="Chaman crossing bombing: toll revised to five")
    assert [(e.killed, e.injured, e.location.district) for e in events] == [(5, 8, "Chaman")]


def test_the_dead_named_inside_a_relative_clause_are_another_mans(nlp: Language) -> None:
    text = "The coffin was carried to the graveyard on the shoulders of eight policemen who had served with the dead officer."
    assert counts(nlp, text) == {}


def test_a_translated_claim_that_keeps_the_article_is_a_claim(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "The banned BLF has accepted the responsibility of the attack on the camp."))
    assert (group.name, group.attribution) == ("Balochistan Liberation Front", "claimed")


def test_a_claim_of_another_days_attack_elsewhere_is_not_this_ones(extractor: Extractor) -> None:
    text = ("QUETTA, June 8 (Wire) - A bomb went off near a police post in Quetta on Saturday, wounding three "
            "policemen, officials said.\n\n"
            "No one has claimed the blast. The BLA said it carried out Thursday's ambush in Turbat, in which two "
            "soldiers were killed.")
    [event] = run(extractor, text, published=datetime(2024, 6, 8, 18, 0))
    assert event.perpetrator.name is None


def test_a_roundups_items_under_their_own_datelines_stay_apart(extractor: Extractor) -> None:
    text = ("Two attacks in one night across the city.\n\n"
            "NAZIMABAD. A trader, Haji Yousuf, was shot dead outside his shop at around 9pm on Monday.\n\n"
            "LYARI. About two hours earlier, a man on foot threw a grenade into a snooker club.\n\n"
            "Six people were wounded in the blast.")
    events = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert sorted((e.event_type, e.injured) for e in events) == [("bombing", 6), ("targeted_killing", None)]


def test_the_press_formula_for_background_opens_a_recap(extractor: Extractor) -> None:
    text = ("LARKANA: Gunmen shot dead a shopkeeper in the main bazaar on Sunday, police said.\n\n"
            "It is pertinent to mention here that three days ago two policemen were injured in a grenade attack in "
            "Jacobabad.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.killed, event.location.district) == (1, "Larkana")


def test_a_tally_a_database_records_is_a_statistic(extractor: Extractor) -> None:
    text = ("Our database recorded eleven attacks in Punjab in May.\n\n"
            "Balochistan recorded nine attacks and fourteen deaths, most of them in Kech. Four of the incidents "
            "were targeted killings.\n\n"
            "A further six suspected militants were killed, four of them in encounters with the police.")
    assert run(extractor, text, published=datetime(2024, 6, 3, 9, 0)) == []


def test_the_victims_party_is_not_the_perpetrator(extractor: Extractor) -> None:
    text = ("HYDERABAD: Gunmen shot dead Maulana Rashid Ali, a provincial leader of the Jamaat-ud-Dawa, outside his "
            "house on Tuesday, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert event.perpetrator.name is None


def test_militants_who_escaped_did_not_start_an_encounter(extractor: Extractor) -> None:
    text = ("BHAKKAR: Three terrorists were killed in an exchange of fire with a CTD team near the river on Tuesday "
            "night, while two of their accomplices managed to escape, the CTD said. No CTD official was hurt.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.event_type, event.attackers_killed) == ("security_operation", 3)


def test_a_wires_note_on_what_an_update_adds_is_not_the_lede(extractor: Extractor) -> None:
    text = ("(Adds details of clearance operation, official comment)\n\n"
            "PESHAWAR, June 4 (Wire) - Gunmen stormed a police station in Bannu on Tuesday night, killing two "
            "policemen, officials said. Three of the attackers were killed.")
    [event] = run(extractor, text, published=datetime(2024, 6, 5, 9, 0))
    assert event.event_type == "armed_assault"


def test_a_named_man_set_off_by_a_long_description_is_the_dead(nlp: Language) -> None:
    text = ("QUETTA: Syed Anwar Shah, a cleric who led prayers at a mosque on Jinnah Road and had for many years given "
            "lectures at gatherings across the city, was shot dead and his driver was wounded on Monday evening when "
            "gunmen fired on his car, police said.")
    assert counts(nlp, text) == {"injured": [1], "killed": [1]}


def test_an_assault_on_a_fort_with_a_clearance_operation_after_stays_an_assault(extractor: Extractor) -> None:
    text = ("KOHAT, May 6 (Wire) - Heavily armed militants attacked a Frontier Corps fort in Kohat district before dawn "
            "on Monday, killing three soldiers, the military said.\n\n"
            "Two of the attackers were shot dead at the gate, and troops were still fighting the rest in a clearance "
            "operation, the statement said. Seven soldiers were wounded.\n\n"
            "Residents said they heard gunfire and loud explosions from around 3 a.m.")
    [event] = run(extractor, text, published=datetime(2024, 5, 6, 15, 0))
    assert (event.event_type, event.killed, event.attackers_killed) == ("armed_assault", 3, 2)


def test_a_man_wounded_and_then_pronounced_dead_is_one_of_the_dead(nlp: Language) -> None:
    text = "The shopkeeper received three bullets and was rushed to a hospital where he was pronounced dead."
    assert counts(nlp, text) == {"killed": [1]}


def test_an_attack_timed_after_the_blast_at_an_unlisted_village_is_another_incident(extractor: Extractor) -> None:
    text = ("Three soldiers were wounded when a roadside bomb hit their vehicle near Hoshab in Kech district this "
            "morning.\n\n"
            "About half an hour after the blast, gunmen opened fire on an ambulance near Garuk Bazar as it headed to "
            "the scene. The driver was killed.\n\n"
            "In Panjgur district, unknown men torched a telecom tower last night. There were no casualties.")
    events = run(extractor, text, published=datetime(2024, 5, 8, 21, 0))
    assert [(e.killed, e.injured, e.location.district) for e in events] == [
        (None, 3, "Kech"), (1, None, "Kech"), (0, 0, "Panjgur")]


def test_the_background_formula_does_not_hide_this_attacks_claim(extractor: Extractor) -> None:
    text = ("LARKANA: Gunmen shot dead a shopkeeper in the main bazaar on Sunday, police said.\n\n"
            "It is worth mentioning that the banned Sindhudesh Revolutionary Army claimed the killing in a statement.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Sindhudesh Revolutionary Army", "claimed")


def test_a_place_after_near_is_the_scene_not_a_subject(extractor: Extractor) -> None:
    text = ("Near Dasu, on a hairpin bend of the Karakoram Highway, a suicide bomber rammed his car into a bus "
            "carrying dam workers on Wednesday. Four workers were killed.")
    [event] = run(extractor, text, published=datetime(2024, 4, 11, 9, 0))
    assert event.location.district == "Upper Kohistan"


def test_a_capitals_response_is_its_government_not_the_scene(extractor: Extractor) -> None:
    text = ("Militants attacked two border posts in the Kalash valley before dawn on Wednesday, killing three "
            "soldiers, the military said.\n\n"
            "Islamabad's response has been to summon the Afghan charge d'affaires. The posts in Chitral are being "
            "reinforced.")
    [event] = run(extractor, text, published=datetime(2023, 9, 8, 9, 0))
    assert event.location.district == "Lower Chitral"


def test_the_day_of_a_press_conference_is_not_the_day_of_the_blast(extractor: Extractor) -> None:
    text = ("KOHAT: The regional police officer addressed a press conference on 14-03-2024 regarding the bomb blast "
            "which took place at the Kohat Tunnel check post on 11-03-2024, in which two constables were martyred.")
    [event] = run(extractor, text, published=datetime(2024, 3, 14, 18, 0))
    assert event.date == date(2024, 3, 11)


def test_a_toll_reconciled_on_a_later_day_keeps_the_attacks_day(extractor: Extractor) -> None:
    text = ("The final count of the church bombing in Quetta, reconciled by the hospital on Wednesday, is nine dead "
            "and 40 wounded.\n\n"
            "The bomber walked in during the service on Sunday morning.")
    [event] = run(extractor, text, published=datetime(2024, 5, 9, 9, 0))
    assert event.date == date(2024, 5, 5)


def test_a_clause_about_another_mans_death_counts_no_one_in_the_crowd(extractor: Extractor) -> None:
    text = ("MINGORA: The courtroom was full on Thursday. On the bench sat two dozen villagers from Kanju, the village "
            "where the murdered teacher lived and died. The judge sentenced the accused to life in prison.")
    assert [e.killed for e in run(extractor, text, published=datetime(2025, 2, 14, 9, 0))] in ([], [None])


def test_a_claim_that_calls_the_attack_vengeance_for_last_years_killing_is_this_attacks(extractor: Extractor) -> None:
    text = ("A suicide bomber struck a police mosque in Kohat on Friday, killing 11 worshippers, officials said.\n\n"
            "Ahmad Yar, a commander of the Jamaat-ul-Ahrar faction of the Pakistani Taliban, claimed the bombing, "
            "saying it avenged the killing of the faction's chief last year.")
    [event] = run(extractor, text, published=datetime(2024, 5, 11, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Jamaat-ul-Ahrar", "claimed")


def test_a_features_first_act_told_in_the_paragraph_that_dates_it_is_news(extractor: Extractor) -> None:
    text = ("The bazaar of Samarbagh wakes slowly. The tea stalls open first, then the cloth merchants, and by ten the "
            "lane is full of carts and shoppers from the surrounding hamlets.\n\n"
            "Haji Gul Rehman, 58, had kept a grain shop there since before the floods of 2010. His neighbours say he "
            "gave credit to every family in the lane and never pressed for it.\n\n"
            "On Tuesday evening, as he pulled down the shutter, a young man walked up from the crowd. The man fired "
            "with a pistol and ran into a side street.\n\n"
            "Gul Rehman died before he reached the hospital. Police said a case had been registered "
            "against unknown persons.")
    [event] = run(extractor, text, published=datetime(2024, 6, 13, 9, 0))
    assert (event.date, event.killed, event.location.district) == (date(2024, 6, 11), 1, "Lower Dir")


def test_a_search_launched_after_an_attack_is_not_the_incident(extractor: Extractor) -> None:
    text = ("Police have launched search operations in the surrounding villages after gunmen attacked the Sheikhan "
            "checkpost late on Saturday night. One constable was wounded.")
    [event] = run(extractor, text, published=datetime(2025, 7, 6, 9, 0))
    assert event.event_type == "armed_assault"


def test_an_attack_planned_by_a_group_is_blamed_on_it(extractor: Extractor) -> None:
    text = ("A roadside bomb hit a Levies vehicle near Loralai on Monday, killing two guards. Officials said the attack "
            "had been planned by a cell of the Balochistan Liberation Front.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Balochistan Liberation Front", "blamed")


def test_a_numbered_briefs_items_after_its_overview_are_incidents(extractor: Extractor) -> None:
    text = ("KARACHI. This note covers violence recorded by the monitoring desk in Sindh between 1 and 7 March 2024.\n\n"
            "1. Summary. Sindh recorded two militant incidents this week, in which three policemen were killed.\n\n"
            "2. Shikarpur (Sindh), 2 March. Night attack on a police mobile near Khanpur. Toll: 2 policemen killed.\n\n"
            "3. Larkana (Sindh), 5 March. Night attack on a police post in Rato Dero. Toll: 1 policeman killed, "
            "3 injured.")
    events = run(extractor, text, published=datetime(2024, 3, 9, 12, 0))
    assert [(e.location.district, e.killed) for e in events] == [("Shikarpur", 2), ("Larkana", 1)]


def test_a_bracketed_note_on_how_the_toll_rose_does_not_replace_it(extractor: Extractor) -> None:
    text = ("Roadside bomb against an army vehicle near Spinwam on 12 April. Toll: 6 soldiers killed (first reported "
            "as four; two died in hospital), 9 injured.")
    [event] = run(extractor, text, published=datetime(2024, 4, 14, 12, 0))
    assert event.killed == 6


def test_a_kind_of_crime_said_to_be_a_gangs_business_is_no_trigger(extractor: Extractor) -> None:
    text = ("KANDHKOT: Dacoits fired rockets at a police picket near Karampur in Kashmore district early on Sunday. No "
            "one was hurt.\n\n"
            "The riverine belt has sheltered armed gangs for decades. Kidnapping for ransom is their main source of "
            "income.")
    [event] = run(extractor, text, published=datetime(2024, 8, 12, 9, 0))
    assert event.event_type == "armed_assault"


def test_the_place_of_a_dated_when_clause_is_the_older_attacks(extractor: Extractor) -> None:
    text = ("Two worshippers were killed when gunmen fired on people leaving a church in Dhoke Kala Khan on Sunday.\n\n"
            "The funeral was held on Monday.\n\n"
            "Elders said it was the worst attack on a congregation in Khyber Pakhtunkhwa since September 2013, when "
            "suicide bombers struck a church in Peshawar's Kohati Gate during the Sunday service.")
    [event] = run(extractor, text, published=datetime(2024, 12, 24, 9, 0))
    assert event.location.district is None


def test_parts_in_brackets_after_the_attackers_toll_are_attackers(extractor: Extractor) -> None:
    text = ("4. Attock (Punjab), 9 May. Night raid on a police training school. Toll: no recruits killed; "
            "7 attackers killed (2 at the gate, 5 in the dormitory block).")
    [event] = run(extractor, text, published=datetime(2024, 5, 12, 12, 0))
    assert (event.killed, event.attackers_killed) == (0, 7)


def test_a_single_dacoit_killed_is_an_attacker(extractor: Extractor) -> None:
    text = ("Gunmen of a katcha gang fired on a police van near Garhi Tegho in Jacobabad on Sunday night, wounding a "
            "constable. One dacoit was killed when the police returned fire.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.killed, event.injured, event.attackers_killed) == (None, 1, 1)


def test_people_taken_over_the_first_months_of_the_year_are_a_tally(extractor: Extractor) -> None:
    text = ("Dacoits have abducted two tractor drivers from a field near Ghotki, their families said.\n\n"
            "According to police figures, 38 people were abducted from the riverine area in the first eight months "
            "of the year.")
    [event] = run(extractor, text, published=datetime(2024, 9, 5, 9, 0))
    assert event.kidnapped == 2


def test_the_day_travellers_reached_a_town_is_not_a_tolls_day(extractor: Extractor) -> None:
    text = ("Dacoits have kidnapped two salesmen from Multan after luring them to the katcha area of Kandhkot.\n\n"
            "The men reached Kandhkot on Monday after a caller promised them a contract.\n\n"
            "Their employer received a ransom call on Tuesday evening.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert event.date == date(2024, 6, 10)


def test_attackers_killed_in_a_clearance_operation_end_their_assault(extractor: Extractor) -> None:
    text = ("QUETTA: All six militants who stormed the Frontier Corps camp in Turbat on Monday night were killed in a "
            "clearance operation that went on until dawn, officials said. No soldier lost his life.\n\n"
            "The BLA claimed responsibility for the attack.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert (event.event_type, event.attackers_killed) == ("armed_assault", 6)


def test_days_counted_back_from_the_report_do_not_beat_the_stated_day(extractor: Extractor) -> None:
    text = ("Four policemen were killed when militants attacked a checkpoint in Lakki Marwat late on Sunday.\n\n"
            "The attackers, armed with rifles and rocket-propelled grenades, had entered the district three days "
            "earlier, officials believe.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9, 0))
    assert event.date == date(2024, 6, 9)


def test_a_protest_lede_followed_by_the_killing_it_protests_is_no_incident_report(extractor: Extractor) -> None:
    text = ("Traders shut the Larkana grain market for the whole day on Wednesday.\n\n"
            "They were protesting against the killing of a commission agent, Abdul Sattar Bhutto, who was shot dead "
            "outside his shop last week.\n\n"
            "The traders gave the police three days to arrest the killers.")
    assert run(extractor, text, published=datetime(2024, 6, 13, 18, 0)) == []


def test_a_community_saying_its_members_were_attacked_claims_nothing(extractor: Extractor) -> None:
    text = ("A gunman shot dead a pharmacist outside his shop in Peshawar's Hayatabad on Tuesday.\n\n"
            "The community says its members have been shot at and threatened in the city for years.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")
    # (a group saying its fighters had attacked still claims it)
    claim = text.replace("The community says its members have been shot at", "The TTP said its fighters had attacked")
    [event] = run(extractor, claim.replace(" and threatened in the city for years", " the pharmacist"))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "claimed")


def test_a_house_belonging_to_a_groups_leader_does_not_blame_the_group(extractor: Extractor) -> None:
    text = ("A bomb planted in a parked motorcycle exploded outside a house in Lahore's Model Town on Tuesday, "
            "wounding three passers-by.\n\n"
            "Neighbours said the house belonged to a relative of the jailed chief of the Jamaat-ud-Dawa, but police "
            "would not say whether it had been the target.")
    [event] = run(extractor, text)
    assert event.perpetrator.name is None


def test_a_features_first_act_dated_by_the_paragraph_before_it_is_news(extractor: Extractor) -> None:
    text = ("The lane behind the Shabqadar grain market is quiet at dawn. Milk sellers pass on bicycles and the "
            "baker lights his oven before the call to prayer, as he has done for twenty years.\n\n"
            "On Wednesday the baker did not light it. Sher Zaman, 52, had come early to knead the dough, and his son "
            "was stacking firewood by the door when a car stopped at the corner of the lane.\n\n"
            "According to neighbours who saw it, two men got out of the car and fired at the baker with rifles, then "
            "drove off towards the Mohmand road. Sher Zaman was hit in the chest.\n\n"
            "Police said the baker was killed and his son wounded, and that a case had been registered against "
            "unknown persons.")
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 9, 0))
    assert (event.date, event.killed, event.injured) == (date(2024, 6, 12), 1, 1)


def test_a_headline_blaming_a_group_makes_its_report_news_of_the_incident(extractor: Extractor) -> None:
    text = ("PESHAWAR, June 13 — Police on Thursday blamed the Pakistani Taliban for the killing of a lineman escorting "
            "a power company crew in the Khyber district, a charge the militant group denied.\n\n"
            "Lineman Gul Nawaz was shot dead in the Jamrud area on Wednesday as the crew repaired a cable.\n\n"
            "A colleague was wounded.\n\n"
            "A spokesman for the group said in a statement the group had no involvement.")
    [event] = run(extractor, text, title="Police blame Pakistani Taliban for killing of lineman; group denies")
    assert (event.date, event.killed, event.perpetrator.attribution) == (date(2024, 6, 12), 1, "blamed")


def test_a_paragraph_led_by_the_area_it_names_tells_another_incident(extractor: Extractor) -> None:
    text = ("QUETTA, June 12 — Gunmen killed nine labourers at a construction site in Kech district overnight, "
            "officials said on Wednesday, as insurgents also blew up a railway bridge.\n\n"
            "The labourers were asleep in a tent when the attackers arrived.\n\n"
            "In the Bolan area, militants blew up a section of the railway track late on Tuesday, officials said.")
    events = run(extractor, text, published=datetime(2024, 6, 12, 18, 0))
    assert [(e.event_type, e.location.district, e.killed) for e in events] == [
        ("armed_assault", "Kech", 9), ("infrastructure_attack", "Kachhi (Bolan)", None)]


def test_a_bulletin_items_headline_heads_its_story(extractor: Extractor) -> None:
    text = ("Here are the main stories from tonight's bulletin.\n\n"
            "■ Weather: Snow expected in Chitral and Swat\n\n"
            "Heavy snowfall is expected in Chitral and Swat from Sunday, the Met Office said.\n\n"
            "■ Bajaur: Three policemen martyred in ambush\n\n"
            "Three policemen were martyred and two were wounded when militants ambushed their patrol near Khar on "
            "Thursday evening, police said.\n\n"
            "■ Sport: Peshawar win under-19 final")
    [event] = run(extractor, text, published=datetime(2024, 6, 13, 21, 0))
    assert (event.location.district, event.killed, event.injured) == ("Bajaur", 3, 2)


def test_the_day_an_operation_was_declared_over_is_not_the_attacks(nlp: Language) -> None:
    text = ("When the security forces declared the operation over on the evening of Wednesday, June 12, four of the "
            "guards were dead.")
    days = find_dates(sent(nlp, text), datetime(2024, 6, 13, 9, 0))
    assert [(d.value, d.reporting) for d in days if d.precision == "day"] == [
        (date(2024, 6, 12), True), (date(2024, 6, 12), True)]


def test_a_briefs_claim_field_names_the_claimant(extractor: Extractor) -> None:
    text = ("QUETTA. This note covers incidents recorded by the monitoring desk between 3 and 9 June 2024.\n\n"
            "1. Overview. The desk recorded two incidents in Balochistan this week.\n\n"
            "2. Kech (Balochistan), 4 June. Grenade attack on a Levies post near Buleda. Toll: 2 Levies men killed. "
            "Claim: BLF.\n\n"
            "3. Zhob (Balochistan), 6 June. Firing on a police van on the N-50. Toll: 1 policeman injured. "
            "Claim: none.")
    events = run(extractor, text, published=datetime(2024, 6, 11, 12, 0))
    assert [(e.location.district, e.perpetrator.name, e.perpetrator.attribution) for e in events] == [
        ("Kech", "Balochistan Liberation Front", "claimed"), ("Zhob", None, "unknown")]


def test_attackers_said_to_have_been_killed_end_this_attack(extractor: Extractor) -> None:
    text = ("Militants armed with rifles and grenades attacked the Frontier Corps camp in Panjgur on Tuesday night, "
            "killing two soldiers, officials said.\n\n"
            "Troops engaged the attackers and at least four of them had been killed by dawn, the officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.killed, event.attackers_killed) == (2, 4)


def test_a_features_remembered_scene_before_the_account_is_no_incident_of_its_own(extractor: Extractor) -> None:
    text = ("Bibi Zarina, a nurse from Sibi, was on her way to her sister's house in Multan with her two sons.\n\n"
            "When the blast threw the bus against the rocks, she remembers, she held both boys to her chest and "
            "waited for the screaming to stop.\n\n"
            "The bus was hit by a roadside bomb near Dhadar in Kachhi district on the morning of Monday, June 10, "
            "officials said. Seven passengers were killed and 19 wounded.")
    [event] = run(extractor, text, published=datetime(2024, 6, 16, 9, 0))
    assert (event.location.district, event.killed) == ("Kachhi (Bolan)", 7)


def test_a_polio_worker_shot_dead_is_singled_out(nlp: Language) -> None:
    span = sent(nlp, "A polio worker was shot dead and a constable guarding the team was wounded in Bannu on Wednesday.")
    assert _selected_victims(extract_casualties(span), span._.triggers, 1)
    crowd = sent(nlp, "A factory worker was shot dead and a constable was wounded in Bannu on Wednesday.")
    assert not _selected_victims(extract_casualties(crowd), crowd._.triggers, 1)


def test_the_blast_that_did_the_killing_names_the_incident(extractor: Extractor) -> None:
    text = ("A roadside bomb tore through a Frontier Corps pickup near Turbat on Sunday, killing two soldiers and a "
            "driver, and gunmen then opened fire on the survivors, officials said.\n\n"
            "The attack happened on the road to Buleda. Three soldiers were wounded, said a local official.\n\n"
            "The soldiers were on patrol at the time, the official said. The attackers, who had been hiding in an "
            "orchard, fired on the vehicle before fleeing as other troops arrived.")
    [event] = run(extractor, text, published=datetime(2024, 6, 10, 9, 0))
    assert (event.event_type, event.killed) == ("bombing", 3)


def test_a_monthly_reports_detailed_incidents_are_news_of_the_month(extractor: Extractor) -> None:
    text = ("May was another violent month. Our researchers recorded 38 incidents of militant violence across the "
            "country, in which 64 people were killed and 97 injured.\n\n"
            "Two incidents in Punjab stand out this month.\n\n"
            "On the evening of May 9, gunmen on motorcycles fired on a church congregation leaving a service in "
            "Sargodha, killing two worshippers and wounding four. Police have blamed the banned Lashkar-e-Jhangvi.\n\n"
            "Earlier, on May 2, a bomb damaged a gas pipeline near Dera Ghazi Khan. No one was hurt.\n\n"
            "We will return to enforced disappearances in our quarterly report.")
    events = run(extractor, text, published=datetime(2024, 6, 1, 12, 0))
    assert [(e.date, e.location.district, e.killed) for e in events] == [
        (date(2024, 5, 9), "Sargodha", 2), (date(2024, 5, 2), "Dera Ghazi Khan", 0)]


def test_a_field_labelled_with_the_attackers_counts_their_dead(nlp: Language) -> None:
    assert counts(nlp, "Attackers killed: three.") == {"attackers_killed": [3]}
    assert counts(nlp, "Accused killed: one (identified).") == {"attackers_killed": [1]}
    assert counts(nlp, "Policemen killed: two.") == {"killed": [2]}


def test_a_release_on_a_wounded_mans_death_that_raises_the_toll_is_news(extractor: Extractor) -> None:
    text = ("Press Release No. 311/PRO/RWP — Rawalpindi, 14th June, 2024.\n\n"
            "Constable Zahid Iqbal, who was critically injured in the attack by terrorists on the Chakri Road picket on "
            "the night of 12-06-2024, embraced Shahadat at the Combined Military Hospital this morning. With this, the "
            "number of police officials martyred in the attack has risen to three.\n\n"
            "Funeral prayers were offered at the Police Lines.")
    title = "Press Release: Injured constable of Chakri Road picket attack embraces Shahadat"
    [event] = run(extractor, text, published=datetime(2024, 6, 14, 17, 0), title=title)
    assert (event.date, event.killed) == (date(2024, 6, 12), 3)


def test_men_counted_as_the_subject_of_a_killing_did_it(nlp: Language) -> None:
    # (parsed with the two gunmen as the subject of "killing", which has a victim of its own)
    assert counts(nlp, "In Karak, about 100 km to the south, two men on a motorcycle opened fire on a polio vaccination "
                       "team in the Takht-e-Nasrati area in the morning, killing vaccinator Rahimullah and wounding the "
                       "police constable assigned to guard the team, police said.") == {"killed": [1], "injured": [1]}


def test_a_lede_on_two_separate_killings_gives_each_its_own_dead(extractor: Extractor) -> None:
    text = ("KOHAT, June 12 (APW) — Gunmen shot dead a tribal elder in the Kurram district and a polio vaccinator in "
            "Hangu on Wednesday in two separate attacks in the northwest, police said.\n\n"
            "Malik Gul Badshah, 61, was shot dead near his house in the Sadda area as he returned from the mosque "
            "after evening prayers, police said. His driver was wounded.\n\n"
            "In Hangu, two men on a motorcycle opened fire on a polio vaccination team in the Thall area in the "
            "afternoon, killing vaccinator Rahimullah, police said.")
    events = run(extractor, text)
    assert [(e.location.district, e.killed, e.injured) for e in events] == [("Kurram", 1, 1), ("Hangu", 1, None)]


def test_a_feature_that_opens_on_a_scene_reports_the_dated_toll_after_it(extractor: Extractor) -> None:
    text = ("The bread was still in the clay oven on Wednesday morning when the neighbours came to the levies post "
            "outside Kohlu. Its tin door hung from a single hinge.\n\n"
            "The post is a room, a flagpole and a water tank at a bend in the road. For most of the year its men check "
            "the lorries that come down from the coal mines.\n\n"
            "Two men died in the attack late on Tuesday: Naik Sher Ali and the post's cook, Dost Muhammad, who had "
            "first been counted among the wounded. One other levies man was wounded.")
    [event] = run(extractor, text, title="Cold bread and a broken door: the night the Kohlu post was hit")
    assert (event.date, event.killed, event.injured) == (date(2024, 6, 11), 2, 1)


def test_a_quoted_remark_does_not_open_the_incident(extractor: Extractor) -> None:
    doc = extractor.nlp("A soldier with a bandaged hand was refilling sandbags at the Shewa post. “We kept firing until "
                        "the sky went grey.”\n\nFour soldiers were killed and three wounded when militants attacked the "
                        "post late on Tuesday night, officials said.")
    assert [i.sent.text[:4] for i in doc._.sentences if i.opens_frame()] == ["Four"]


def test_an_operation_earlier_in_the_day_a_statement_gives_is_of_that_day(extractor: Extractor) -> None:
    text = ("MIRAMSHAH: The toll from Monday's roadside bombing of a convoy near Razmak rose to four on Wednesday, "
            "officials said.\n\n"
            "In a separate statement on Wednesday, the military said troops had killed two militants in an "
            "intelligence-based operation in the Shewa area earlier in the day. The statement did not link the "
            "operation to Monday's bombing.")
    events = run(extractor, text)
    assert [(e.event_type, e.date) for e in events] == [("bombing", date(2024, 6, 10)),
                                                         ("security_operation", date(2024, 6, 12))]


def test_a_lone_bomber_named_before_a_bare_count_is_not_the_count(nlp: Language) -> None:
    assert counts(nlp, "Suicide bomber strikes crowded bus stand in Kohat; at least 17 killed, 30 injured") == {
        "killed": [17], "injured": [30]}
    assert counts(nlp, "Attackers stormed the post; all five killed") == {"attackers_killed": [5]}


def test_also_on_the_verb_adds_a_second_group_of_dead_however_far_a_parenthesis_puts_it(extractor: Extractor) -> None:
    text = ("PARACHINAR: Three levies men were martyred when gunmen ambushed a convoy near Sadda on Wednesday afternoon, "
            "officials said.\n\nNine passengers, among them a woman and a boy, also lost their lives in the attack, "
            "while six others were injured.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (12, 6)


def test_the_wounded_left_after_deaths_are_the_injured(extractor: Extractor) -> None:
    text = ("HUB: Three policemen were killed and four wounded when a bomb hit their van in Hub on Wednesday, police "
            "said.\n\nTwo of the wounded policemen died later in hospital, raising the toll to five. The remaining two "
            "wounded are out of danger, doctors said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (5, 2)


def test_one_man_who_escaped_unhurt_says_nothing_of_the_others(extractor: Extractor) -> None:
    text = ("MINGORA: Two persons were killed and dozens of others injured when a bomb went off at a rally in Kabal on "
            "Wednesday evening, police said. The party's candidate had finished his speech minutes earlier and "
            "escaped unhurt.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (2, None)


def test_the_man_whose_guards_were_killed_is_not_among_the_dead(nlp: Language) -> None:
    assert counts(nlp, "Two bodyguards of a senior civil judge were martyred when gunmen ambushed his car near Tank "
                       "on Wednesday, police said.") == {"killed": [2]}


def test_a_weeks_review_keeps_its_first_entry_when_a_closing_line_names_its_district(extractor: Extractor) -> None:
    text = ("It was another bloody week in the northwest, where a convoy, a police station and a checkpost came under "
            "fire within five days.\n\n"
            "Monday: Gunmen on the hills above Sadda in Kurram opened fire on a convoy of passenger vans. By Friday the "
            "toll had risen to nine, after two of the wounded died in a Peshawar hospital.\n\n"
            "Wednesday: A roadside bomb struck a police van near Paharpur in Dera Ismail Khan, killing two constables.\n\n"
            "Friday: Militants attacked a checkpost in the Lachi area of Kohat late at night. One soldier was martyred.\n\n"
            "Officials in Peshawar say the police lack night-vision equipment. In Kurram, meanwhile, the main road stayed "
            "closed all week.")
    events = run(extractor, text, published=datetime(2024, 6, 15, 9, 0))
    assert [(e.location.district, e.killed) for e in events] == [("Kurram", 9), ("Dera Ismail Khan", 2), ("Kohat", 1)]


def test_the_dead_of_an_operation_described_as_a_groups_members_blame_it(extractor: Extractor) -> None:
    text = ("QUETTA: Security forces killed four militants in an intelligence-based operation in the Sanjavi area of "
            "Ziarat on Wednesday, the military said. No soldier was hurt. Officials described the dead as members of "
            "the Balochistan Liberation Front.")
    [event] = run(extractor, text)
    assert (event.event_type, event.perpetrator.name, event.perpetrator.attribution) == (
        "security_operation", "Balochistan Liberation Front", "blamed")


def test_a_companion_named_between_commas_is_wounded_not_a_second_martyr(nlp: Language) -> None:
    assert counts(nlp, "KALAT: Sepoy Rahim Dad embraced martyrdom and his companion, Sepoy Noor Khan, sustained gunshot "
                       "wounds when gunmen fired on their patrol near Mangochar on Friday, officials said.") == {
        "killed": [1], "injured": [1]}


def test_a_dead_attacker_counted_by_rank_is_the_count_of_them_all(extractor: Extractor) -> None:
    text = ("KURRAM: Two soldiers and three militants were killed when fighters stormed a checkpost near Sadda late on "
            "Monday, officials said on Tuesday, after the body of a third attacker was found in a maize field nearby.")
    [event] = run(extractor, text)
    assert (event.killed, event.attackers_killed) == (2, 3)


def test_the_day_after_the_incident_a_statement_is_for_is_the_incidents_day(extractor: Extractor) -> None:
    text = ("TURBAT: The Balochistan Liberation Front has claimed responsibility in a statement released on the Telegram "
            "app for the improvised explosive device blast on a Frontier Corps convoy near Buleda in Kech on Sunday, in "
            "which three soldiers were martyred.\n\nResidents said the mobile phone service in the area remained "
            "suspended on Tuesday as well.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.date, event.killed) == (date(2024, 6, 9), 3)


def test_a_rank_of_two_words_after_its_article_is_one_of_the_dead(nlp: Language) -> None:
    assert counts(nlp, "A bomb hidden in a handcart went off as a police van passed, killing a head constable and "
                       "wounding two policemen.") == {"killed": [1], "injured": [2]}


def test_an_official_saying_these_are_a_groups_militants_blames_the_group(extractor: Extractor) -> None:
    text = ("BANNU: Gunmen abducted four workers of a road contractor in the Jani Khel area on Thursday, police said. "
            "\u201cThese are TTP militants who extort money from contractors,\u201d a police officer said.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_shots_fired_at_an_elder_who_died_make_a_targeted_killing(extractor: Extractor) -> None:
    text = ("BAJAUR: Unidentified gunmen opened fire on a prominent elder of the Salarzai tribe, Malik Zarin Gul, outside "
            "his house in Khar on Sunday evening, as a result of which he was killed on the spot while two other "
            "persons, his son and a visitor who were with him, were injured, police said.")
    [event] = run(extractor, text)
    assert (event.event_type, event.killed, event.injured) == ("targeted_killing", 1, 2)


def test_a_car_bomb_that_opened_a_long_gun_battle_makes_an_assault(extractor: Extractor) -> None:
    text = ("ZHOB: Four soldiers were martyred when militants rammed an explosives-laden vehicle into the wall of the Zhob "
            "cantonment before dawn on Monday and then tried to force their way inside, officials said. Troops engaged "
            "the attackers in a gun battle that went on well into the afternoon, and all five of them were killed.")
    [event] = run(extractor, text)
    assert (event.event_type, event.killed, event.attackers_killed) == ("armed_assault", 4, 5)


def test_a_long_sub_count_between_commas_leaves_the_count_before_it_the_toll(extractor: Extractor) -> None:
    text = ("CHARSADDA: A suicide bomber blew himself up at an election meeting in Tangi on Monday evening, police said."
            "\n\nSeven people, among them five party workers and a schoolboy who sold tea outside the venue, lost their "
            "lives, while 19 others were injured, a doctor at the district hospital said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (7, 19)


def test_men_said_to_be_unharmed_after_no_one_was_hurt_are_not_the_injured(extractor: Extractor) -> None:
    text = ("MARDAN: Two men on a motorcycle hurled a hand grenade at a traffic police picket on the Takht Bhai bypass on "
            "Friday. It exploded in a roadside drain; no one was hurt, and the three wardens on duty were unharmed.")
    [event] = run(extractor, text)
    assert (event.event_type, event.killed, event.injured) == ("bombing", 0, 0)


def test_a_school_blown_up_in_a_weeks_review_is_a_bombing_of_its_own(extractor: Extractor) -> None:
    text = ("Our record of the week's militant incidents, compiled from police statements.\n\n"
            "Tuesday, March 5 — Swat. The Government Girls Primary School in Shakardara, Kabal tehsil, was blown up "
            "late at night with explosives planted at its gate. The building was empty and no one was hurt.\n\n"
            "Thursday, March 7 — Bannu. Gunmen shot dead a police constable outside his house in Domel.")
    events = run(extractor, text, published=datetime(2024, 3, 10, 9, 0))
    assert [(e.event_type, e.location.district, e.date) for e in events] == [
        ("bombing", "Swat", date(2024, 3, 5)), ("targeted_killing", "Bannu", date(2024, 3, 7))]


def test_a_weeks_tally_under_its_heading_adds_nothing_to_the_last_entry(extractor: Extractor) -> None:
    text = ("Our record of the week's militant incidents, compiled from police statements.\n\n"
            "Monday, March 4 — Kohat. Militants attacked a police post in Lachi late at night. One constable was killed "
            "and two injured.\n\n"
            "Thursday, March 7 — Khyber. Gunmen fired on a customs checkpost at Ali Masjid, killing one official.\n\n"
            "Week in numbers: two incidents, two people killed and two injured, not counting three attackers killed; "
            "one official abducted and freed.")
    events = run(extractor, text, published=datetime(2024, 3, 10, 9, 0))
    assert [(e.location.district, e.killed, e.attackers_killed, e.kidnapped) for e in events] == [
        ("Kohat", 1, None, None), ("Khyber", 1, None, None)]


def test_a_soldier_described_by_his_posting_who_received_wounds_is_injured(nlp: Language) -> None:
    assert counts(nlp, "Two customs officials were martyred on the spot, while a soldier of the Frontier Corps posted "
                       "at the checkpost received bullet wounds and was taken to hospital.") == {
        "killed": [2], "injured": [1]}


def test_a_man_who_succumbed_to_his_injuries_leaves_the_injured_that_remain(extractor: Extractor) -> None:
    text = ("Updates on the blast that hit a police van in Swat. Newest first.\n\n"
            "7:40pm — The toll rises to two. Constable Naeem Khan has succumbed to his injuries at the hospital. Three "
            "others remain under treatment.\n\n"
            "5:20pm — Police confirm one officer, Sub-Inspector Amin Jan, has been martyred and four injured.\n\n"
            "4:50pm — A roadside bomb has hit a police van near Kabal, Swat.")
    [event] = run(extractor, text, published=datetime(2024, 3, 5, 20, 0))
    assert (event.killed, event.injured) == (2, 3)


def test_a_claim_inside_a_trend_over_years_is_not_the_incidents_claim(extractor: Extractor) -> None:
    text = ("ISLAMABAD (CW) — A bomb fixed under a lawyer's car exploded in Pakistan's capital on Tuesday, wounding him "
            "and his driver, police said.\n\nNo group immediately claimed responsibility.\n\nMilitant attacks have "
            "risen sharply in Pakistan over the past three years, most of them claimed by the Pakistani Taliban.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_counts_set_between_commas_that_add_up_break_down_the_count(extractor: Extractor) -> None:
    text = ("BAJAUR: Mortar shells fired from across the border landed on homes in Salarzai on Thursday. Four civilians, "
            "three children and a woman, were wounded; no one was killed, officials said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (0, 4)


def test_investigators_linking_the_attack_to_a_group_blame_it(extractor: Extractor) -> None:
    text = ("TIMERGARA: Gunmen fired on a jirga of elders in Adenzai on Monday, killing three, police said. Investigators "
            "have linked the attack to a faction of the banned Tehreek-e-Taliban Pakistan based in Kunar.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_the_one_victim_shot_dead_who_succumbed_on_the_way_leaves_the_wounded(extractor: Extractor) -> None:
    text = ("NUSHKI: Senior journalist and vice-president of the Nushki Press Club Abdul Rauf Mengal was shot dead by "
            "unidentified armed men near his house in the Killi Badal area on Friday morning. His nephew, who was with "
            "him, was wounded.\n\nBoth were taken to the Teaching Hospital, but Mengal succumbed to his wounds on the "
            "way. The nephew is out of danger.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (1, 1)


def test_a_count_parsed_onto_the_first_clauses_object_takes_its_own_verb(nlp: Language) -> None:
    assert counts(nlp, "Seven people, including four policemen, embraced martyrdom and twenty-two others sustained "
                       "injuries when a bomber on foot blew himself up at the gate of the Saddar police station on "
                       "Friday evening.") == {"killed": [7], "injured": [22]}


def test_attackers_who_opened_fire_killing_him_are_no_dead_attackers(extractor: Extractor) -> None:
    text = ("KHAR: Haji Gul Rehman, a member of the district peace jirga, was standing outside his shop when two "
            "gunmen on a motorbike opened fire on him, killing him on the spot and injuring a customer, police said "
            "on Wednesday.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, event.attackers_killed) == (1, 1, None)


def test_a_companion_said_to_be_not_hurt_is_not_injured(nlp: Language) -> None:
    assert counts(nlp, "The lady health worker who was walking with them was not hurt.") == {}


def test_a_count_described_by_its_people_in_apposition_is_counted_once(nlp: Language) -> None:
    assert counts(nlp, "Two men, a teacher and the constable assigned to guard him, were shot dead outside the "
                       "school.") == {"killed": [2]}


def test_a_group_saying_it_had_no_involvement_is_not_the_claimant(extractor: Extractor) -> None:
    text = ("PESHAWAR: Gunmen shot dead a polio vaccinator in Shabqadar on Monday. The Tehreek-e-Taliban Pakistan said "
            "in a statement that it had no involvement and that it does not target health workers.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_a_lede_summing_two_attacks_by_parts_leaves_each_its_own_toll(extractor: Extractor) -> None:
    text = ("The Balochistan Liberation Front has claimed responsibility for two attacks in the province on Sunday in "
            "which four labourers and two Levies men were killed.\n\n"
            "The group said its fighters had stopped a pickup near Hoshab and taken off four labourers from Sindh. "
            "Officials said the four, who were shot dead, had been building a culvert.\n\n"
            "The group also said it had planted the bomb that hit a Levies vehicle in Panjgur district on Sunday evening, killing "
            "two guards.")
    events = run(extractor, text, published=datetime(2024, 5, 13, 10, 0))
    assert sorted(e.killed or 0 for e in events) == [2, 4]


def test_an_arrest_raid_that_restates_last_weeks_attack_is_no_new_incident(extractor: Extractor) -> None:
    text = ("MASTUNG: The Counter-Terrorism Department (CTD) Balochistan has claimed to have arrested two alleged "
            "facilitators of the "
            "bombing at a Levies post near Dasht, in which four Levies men were martyred last week.\n\n"
            "According to a CTD spokesman, the suspects were arrested during a raid in Kanak on Sunday night.\n\n"
            "On the night of May 2, militants had planted explosives at the gate of the post and detonated them as the "
            "guards changed shifts, killing four.")
    assert run(extractor, text, published=datetime(2024, 5, 7, 8, 0)) == []


def test_an_incident_told_later_without_a_place_is_in_the_datelines_city(extractor: Extractor) -> None:
    text = ("PESHAWAR: Three people were killed and nine injured when a bomb planted on a motorcycle went off near a "
            "vegetable market in the Faqirabad area of the city on Saturday.\n\n"
            "In another incident on Saturday night, unknown men threw a hand grenade at a police checkpost on Ring Road "
            "and fled. Two constables were wounded.")
    events = run(extractor, text, published=datetime(2024, 3, 10, 9, 0))
    assert [(e.location.district, e.injured) for e in events] == [("Peshawar", 9), ("Peshawar", 2)]


def test_the_dead_identified_as_a_list_of_titled_names_are_counted(nlp: Language) -> None:
    assert counts(nlp, "He identified the dead as labourer Shah Wali, 27, and Constable Noor Alam.") == {
        "killed": [2]}


def test_the_cities_a_coach_runs_between_are_not_where_it_was_attacked(extractor: Extractor) -> None:
    text = ("NUSHKI: Gunmen stopped a Quetta-to-Taftan bus on the highway near Dak on Tuesday night and shot dead "
            "three passengers after checking their identity cards, Levies officials said.")
    [event] = run(extractor, text)
    assert event.location.district == "Nushki"


def test_the_group_saying_it_planted_the_second_bomb_claims_that_incident_too(extractor: Extractor) -> None:
    text = ("The Baloch Liberation Army has claimed two attacks in the province on Monday.\n\n"
            "The BLA said in a statement that its fighters had shot dead two Levies men at a checkpost in Kharan.\n\n"
            "The group also said it had planted the roadside bomb that hit a police van in Turbat, Kech district, on "
            "Monday evening, wounding four constables.")
    events = run(extractor, text, published=datetime(2024, 5, 7, 9, 0))
    assert [(e.location.district, e.perpetrator.name, e.perpetrator.attribution) for e in events] == [
        ("Kharan", "Balochistan Liberation Army", "claimed"), ("Kech", "Balochistan Liberation Army", "claimed")]


def test_the_homes_given_with_a_list_of_the_dead_are_not_more_dead(nlp: Language) -> None:
    assert counts(nlp, "The martyred were identified as Havildar Sher Zaman, 39, of Kotli Imam, and Sepoy Fazal "
                       "Wahab, 22, of Lakki Marwat.") == {}


def test_a_relative_named_between_commas_who_was_wounded_is_counted(nlp: Language) -> None:
    assert counts(nlp, "The driver was killed on the spot. His nephew, Sher Ali, was badly wounded.") == {
        "killed": [1], "injured": [1]}


def test_a_relative_named_between_commas_who_was_wounded_and_died_is_not_injured(nlp: Language) -> None:
    assert counts(nlp, "The trader was shot dead. His guard, Sher Zaman, was critically wounded and succumbed to his "
                       "injuries at the hospital.") == {"killed": [1]}


def test_the_man_who_found_the_bodies_is_not_counted_among_the_dead(nlp: Language) -> None:
    assert counts(nlp, "According to the police, a farmer informed the Levies post after finding the two bodies, and "
                       "the Levies shifted them to the civil hospital, where doctors said that the two men appeared to "
                       "have been killed a day earlier.") == {"killed": [2, 2]}


def test_a_live_pages_timestamp_label_is_no_subject_of_its_entry(extractor: Extractor) -> None:
    text = ("Gunmen attacked a police post in Pezu on Sunday night. This page will be updated.\n\n"
            "Update, 8:10am: Police say one constable was martyred and two were wounded.\n\n"
            "Update, 1:30pm: One of the wounded constables, Sher Afzal, has died at a hospital in Bannu. The toll "
            "rises to 2.")
    [event] = run(extractor, text, published=datetime(2024, 5, 13, 14, 0))
    assert (event.killed, event.injured) == (2, 1)


def test_a_translated_dailys_recap_formula_dated_the_attacks_own_day_tells_the_attack(extractor: Extractor) -> None:
    text = ("Bannu (Our Correspondent): The number of policemen martyred in Monday night's attack on the Mandan police "
            "post rose to three on Wednesday when a wounded constable died in hospital.\n\n"
            "It is worth mentioning that dozens of terrorists had attacked the post on Monday night, and that three "
            "of the terrorists were also killed in the exchange of fire.")
    [event] = run(extractor, text, published=datetime(2024, 5, 16, 8, 0))
    assert (event.killed, event.attackers_killed) == (3, 3)


def test_a_death_told_in_the_present_tense_is_a_death_of_the_injured(extractor: Extractor) -> None:
    text = ("Militants attacked a check post in Daraban early on Friday.\n\n"
            "Update, 7:00am: Police say two policemen were martyred and four wounded.\n\n"
            "Update, 3:00pm: Another injured policeman succumbs to his wounds. The toll is now 3; 3 others are under "
            "treatment.")
    [event] = run(extractor, text, published=datetime(2024, 5, 17, 16, 0))
    assert (event.killed, event.injured) == (3, 3)


def test_the_injured_man_named_as_having_died_leaves_the_injured_count(extractor: Extractor) -> None:
    text = ("Gunmen opened fire on a polio team in Jamrud on Tuesday, killing a vaccinator and wounding two people, "
            "police said.\n\n"
            "Later, the wounded vaccinator, Noor Zaman, died at a hospital in Peshawar, bringing the toll to two.")
    [event] = run(extractor, text, published=datetime(2024, 5, 14, 20, 0))
    assert (event.killed, event.injured) == (2, 1)


def test_a_group_called_by_its_name_makes_the_claim_and_the_denier_does_not(nlp: Language) -> None:
    groups = find_groups(sent(nlp, "An outfit calling itself Tehreek-e-Jihad Pakistan claimed responsibility for the "
                                   "raid, but a spokesman of the Tehreek-e-Taliban Pakistan denied that his group had "
                                   "any connection with it."))
    assert [(g.name, g.attribution) for g in groups] == [("Tehreek-e-Jihad Pakistan", "claimed"),
                                                           ("Tehrik-i-Taliban Pakistan", "denied")]


def test_a_constable_shot_then_referred_to_as_he_who_embraced_martyrdom_is_counted(nlp: Language) -> None:
    assert counts(nlp, "Unidentified gunmen opened fire on Constable Zahir Shah near the bazaar, as a result of which "
                       "he embraced martyrdom.") == {"killed": [1]}


def test_a_second_attack_at_about_the_same_time_elsewhere_is_its_own_event(extractor: Extractor) -> None:
    text = ("Late on Sunday, militants fired on the Kot Azam police post. Two policemen were killed.\n\n"
            "At around the same time, other attackers fired rockets at a checkpoint near Gambila. There the police "
            "returned fire and killed one attacker.")
    events = run(extractor, text, published=datetime(2024, 5, 14, 9, 0))
    assert [(e.killed or 0, e.attackers_killed or 0) for e in events] == [(2, 0), (0, 1)]


def test_a_grenade_attack_two_days_after_in_another_neighbourhood_is_another_event(extractor: Extractor) -> None:
    text = ("On Monday, a bomb hit a police van in Orangi Town, killing three constables.\n\n"
            "Two days later, the city was hit again. On Wednesday evening, men on a motorcycle threw a grenade into a "
            "crowded shop in Lyari. One person was killed and six were wounded.")
    events = run(extractor, text, published=datetime(2024, 5, 16, 9, 0))
    assert [(e.killed, e.injured) for e in events] == [(3, None), (1, 6)]


def test_a_group_saying_its_unit_carried_out_the_attack_claims_it(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "The Balochistan Liberation Front said the ambush had been carried out by its "
                                    "special squad."))
    assert group.attribution == "claimed"


def test_another_injured_man_who_died_is_a_death_not_one_more_injured(nlp: Language) -> None:
    assert counts(nlp, "Another wounded guard succumbed to his injuries on Friday.") == {"killed": [1]}


def test_the_dead_named_by_their_calling_then_listed_are_counted(nlp: Language) -> None:
    assert counts(nlp, "The martyred soldiers were identified as Naik Sher Dil, 31, Sepoy Amjad Ali, 24, and Sepoy "
                       "Waqar Khan, 22.") == {"killed": [3]}


def test_the_day_a_strike_is_called_for_does_not_date_the_attack(extractor: Extractor) -> None:
    text = ("Two men on a motorcycle hurled a grenade at a row of shops in Orangi Town, wounding six people, police "
            "said.\n\nTraders of the market have announced a strike for Saturday.")
    [event] = run(extractor, text, published=datetime(2024, 5, 16, 22, 0))
    assert event.date == date(2024, 5, 16)


def test_one_more_injured_man_still_in_treatment_is_counted_injured(nlp: Language) -> None:
    assert counts(nlp, "One more wounded jawan is still under treatment at the CMH.") == {"injured": [1]}


def test_the_slain_attackers_identified_by_name_are_no_victims(nlp: Language) -> None:
    assert "killed" not in counts(nlp, "The slain militants were identified as Gul Zaman, Noor Wali and Abdul Basit.")


def test_a_school_destroyed_with_explosives_is_a_bombing(extractor: Extractor) -> None:
    text = "A government primary school for girls in Nawagai was destroyed with explosives late on Sunday. No one was hurt."
    [event] = run(extractor, text, published=datetime(2024, 5, 13, 9, 0))
    assert (event.event_type, event.killed, event.injured) == ("bombing", 0, 0)


def test_one_of_the_attackers_counted_just_before_is_no_victim(nlp: Language) -> None:
    assert counts(nlp, "Police said three attackers were killed, one of them after he was caught wounded and died "
                       "on the way to hospital.") == {"attackers_killed": [3]}


def test_the_city_where_the_wounded_died_later_is_not_the_scene(extractor: Extractor) -> None:
    text = ("WANA, SOUTH WAZIRISTAN — Sunday. Suicide bombing at a tribal jirga. Officials put the toll at 14 dead by "
            "Friday, after several critically wounded men died in Peshawar.")
    [event] = run(extractor, text, published=datetime(2024, 5, 18, 12, 0))
    assert event.location.district == "South Waziristan"


def test_no_casualties_on_one_named_side_is_a_nil_toll(nlp: Language) -> None:
    assert counts(nlp, "There were no police casualties.") == {"killed": [0], "injured": [0]}


def test_a_bomb_at_an_election_meeting_is_news_not_a_meeting(extractor: Extractor) -> None:
    text = ("In our nine o'clock bulletin: a bomb has exploded at an election meeting in Charsadda district. Four "
            "party workers are injured.")
    [event] = run(extractor, text, published=datetime(2024, 2, 3, 21, 0))
    assert (event.event_type, event.injured) == ("bombing", 4)


def test_the_district_a_town_is_the_headquarters_of_is_its_district(extractor: Extractor) -> None:
    text = ("A worker was killed when a bomb went off outside a hujra in Ghalanai, the headquarters of Mohmand district, "
            "on Saturday evening.\n\nEarlier in the week gunmen killed a candidate in Bajaur.")
    [event] = run(extractor, text, published=datetime(2024, 2, 4, 8, 0))
    assert event.location.district == "Mohmand"


def test_a_year_passed_since_the_bombing_is_a_remembrance_not_news(extractor: Extractor) -> None:
    text = ("A whole year has passed since that dark Friday in Darsamand, and on Thursday hundreds gathered at the "
            "mosque to remember the nine martyrs.\n\n"
            "Elders demanded that the people be told who had sent the bomber.")
    assert run(extractor, text, published=datetime(2025, 4, 17, 19, 0)) == []


def test_the_bodies_of_the_attackers_told_again_are_not_more_dead(extractor: Extractor) -> None:
    text = ("Police repulsed an attack on a check post in Kundian on Monday night, killing two of the attackers. No "
            "policeman was hurt.\n\nThe two bodies were shifted to the district hospital.")
    [event] = run(extractor, text, published=datetime(2024, 10, 8, 8, 0))
    assert (event.killed or 0, event.attackers_killed) == (0, 2)


def test_soldiers_who_drank_the_cup_of_martyrdom_are_dead(nlp: Language) -> None:
    assert counts(nlp, "Three soldiers of the Frontier Corps drank the cup of martyrdom on Monday night.") == {
        "killed": [3]}


def test_a_bulletin_item_named_in_a_verbless_line_is_its_own_incident(extractor: Extractor) -> None:
    text = ("ZHOB — Tuesday. Gunmen shot dead a shopkeeper in the main bazaar.\n\n"
            "UPPER ORAKZAI — Thursday night. Attack on a Frontier Corps post at Ghiljo. A soldier wounded in the attack "
            "died on Friday, bringing the toll to two soldiers.")
    events = run(extractor, text, published=datetime(2024, 10, 12, 10, 0))
    assert [(e.location.district, e.killed) for e in events] == [("Zhob", 1), ("Orakzai", 2)]


def test_the_province_of_the_place_the_attackers_came_from_is_no_scene(extractor: Extractor) -> None:
    text = ("KOT ADDU, MUZAFFARGARH (Punjab) — Friday night. Militants who came from Barkhan in Balochistan attacked a "
            "police check post. One constable was killed.")
    [event] = run(extractor, text, published=datetime(2024, 10, 19, 17, 0))
    assert event.location.district == "Muzaffargarh"


def test_attackers_identified_as_a_groups_members_blame_the_group(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "Police said three attackers, whom they identified as TTP members, were killed."))
    assert group.attribution == "blamed"


def test_wounded_who_breathed_their_last_are_dead_not_injured(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Three of the wounded breathed their last in hospital on Sunday."))
    assert [(f.kind, f.value, f.of_injured) for f in found] == [("killed", 3, True)]


def test_an_analysis_that_opens_on_the_years_statistics_still_reports_its_attack(extractor: Extractor) -> None:
    text = ("In the first nine months of 2024, this desk's database recorded 719 deaths from militant and sectarian "
            "violence in Khyber Pakhtunkhwa, 112 of them in Kurram alone, a district with less than 1 percent of the "
            "province's population.\n\n"
            "On Saturday, gunmen on the hills near Sadda opened fire on a passenger convoy, killing 15 people, "
            "according to district officials.")
    [event] = run(extractor, text, published=datetime(2024, 10, 14, 17, 0))
    assert event.killed == 15


def test_the_dead_counted_since_the_militancy_began_are_no_toll(nlp: Language) -> None:
    doc = nlp("A roadside bomb killed a peace committee member in Safi on Monday. Elders said more than forty members of "
              "peace committees have been killed since the militancy began.")
    assert [s.background for s in doc._.sentences] == [False, True]


def test_a_weekday_of_last_week_is_in_the_week_before_publication(nlp: Language) -> None:
    assert {d.value for d in find_dates(sent(nlp, "The ambush took place on Saturday of last week."),
                                        datetime(2024, 10, 19, 17, 0))} == {date(2024, 10, 12)}


def test_a_second_item_of_one_district_on_another_day_is_its_own_incident(extractor: Extractor) -> None:
    text = ("DERA ISMAIL KHAN — Gunmen fired on a police van near the Kotla Saidan bypass late on Friday night, killing "
            "one constable.\n\n"
            "DERA ISMAIL KHAN — A roadside bomb went off beside a Frontier Corps vehicle on the Chashma road early "
            "on Sunday, wounding three soldiers.")
    events = run(extractor, text, published=datetime(2025, 3, 10, 9, 0))
    assert [(e.date, e.killed or 0, e.injured) for e in events] == [(date(2025, 3, 7), 1, None), (date(2025, 3, 9), 0, 3)]


def test_a_scene_that_names_no_incident_is_no_reaction(extractor: Extractor) -> None:
    text = ("The shopkeepers sat on plastic chairs outside the shuttered bakery on Sunday, drinking tea in silence.\n\n"
            "A baker was shot dead behind the counter on Saturday evening by two gunmen who fled on foot, police in "
            "Quetta said.")
    [event] = run(extractor, text, published=datetime(2025, 2, 3, 9, 0))
    assert (event.killed, event.location.district) == (1, "Quetta")


def test_a_place_attacked_dozens_of_times_is_a_pattern_not_an_incident(nlp: Language) -> None:
    doc = nlp("Checkposts on the highway have been fired upon dozens of times, lately with rockets and mortar rounds.")
    assert doc._.sentences[0].triggers == []


def test_more_bodies_after_a_count_of_militants_are_militants(extractor: Extractor) -> None:
    text = ("Six militants and a policeman were killed in a raid on a hideout in Tank on Monday, police said.\n\n"
            "The police had first said four militants were killed. Two more bodies were recovered on Tuesday morning.")
    [event] = run(extractor, text, published=datetime(2025, 4, 9, 9, 0))
    assert (event.killed, event.attackers_killed) == (1, 6)


def test_the_remaining_injured_after_a_later_death_are_the_injured_left(extractor: Extractor) -> None:
    text = ("KALAT: The toll in the attack on a Levies post near Mangochar rose to three on Sunday when one of the wounded "
            "sepoys died at CMH Quetta.\n\n"
            "The post had been attacked on Friday night. Two sepoys were martyred at the post and six were wounded.\n\n"
            "The remaining five injured are stated to be stable.")
    [event] = run(extractor, text, published=datetime(2025, 6, 9, 8, 0))
    assert (event.killed, event.injured) == (3, 5)


def test_attackers_called_a_groups_terrorists_blame_the_group(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "Those are BLA terrorists, the deputy commissioner said after the firing."))
    assert (group.name, group.attribution) == ("Balochistan Liberation Army", "blamed")


def test_a_time_of_day_is_no_count(nlp: Language) -> None:
    assert counts(nlp, "The imam was shot dead a few steps from the mosque door at around 2pm on Friday, minutes after "
                       "he had led prayers.") == {"killed": [1]}


def test_a_number_of_injured_who_later_died_are_deaths_among_the_injured(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "Two injured soldiers later died."))
    assert [(f.kind, f.value, f.of_injured) for f in found] == [("killed", 2, True)]


def test_troops_still_engaged_with_the_attackers_fight_a_prolonged_battle(extractor: Extractor) -> None:
    text = ("Two explosions were followed by gunfire at a police training centre in Dera Ismail Khan on Monday night. "
            "A suicide bomber detonated a vehicle at the gate and gunmen tried to enter.\n\n"
            "Four attackers have been killed and police commandos are still engaged with the others, officials said.")
    [event] = run(extractor, text, published=datetime(2025, 2, 3, 23, 0))
    assert event.event_type == "armed_assault"


def test_a_person_the_gunmen_fired_at_who_was_wounded_is_one_injured(nlp: Language) -> None:
    assert counts(nlp, "Three men in a car opened fire on the trader and on his driver, Gul Zaman, 40, who was hurt in "
                       "the leg and is in hospital.") == {"injured": [1]}


def test_one_of_a_bombers_victims_is_no_attacker(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "She was one of 12 people killed when a suicide bomber blew himself up at the "
                                         "bus stand in Kohat on Monday."))
    assert {f.kind for f in found} == {"killed"}


def test_a_statement_claiming_the_killing_is_a_claim(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "A statement attributed to the TTP appeared on Sunday, claiming the killing of the "
                                    "judge."))
    assert (group.name, group.attribution) == ("Tehrik-i-Taliban Pakistan", "claimed")


def test_a_rank_with_its_abbreviation_in_brackets_names_one_more_victim(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "In the blast, Assistant Sub-Inspector (ASI) Gul Nawaz, Head Constable Fazal "
                                         "Haq and Constable Tahir Ali embraced martyrdom."))
    assert sum(f.value for f in found if f.kind == "killed") == 3


def test_a_headline_repeated_in_capitals_is_not_the_lede(extractor: Extractor) -> None:
    text = ("TWO POLICEMEN SHOT DEAD AS GUNMEN AMBUSH VAN NEAR SIBI\n\n"
            "SIBI, March 3: A bomb planted under the railway track went off near Mall station this morning as a goods "
            "train passed, injuring three passengers, railway officials said.")
    [event] = run(extractor, text, published=datetime(2024, 3, 3, 18, 0))
    assert (event.event_type, event.location.district, event.injured) == ("infrastructure_attack", "Sibi", 3)


def test_a_trains_end_station_is_not_where_it_was_hit(nlp: Language) -> None:
    found = {m.name: m.reference for m in find_locations(nlp("A blast derailed the Taftan train near Noshki.")[:])}
    assert found == {"Taftan": True, "Nushki": False}


def test_passengers_taken_off_a_coach_by_armed_men_and_led_away_were_abducted(extractor: Extractor) -> None:
    for text in ("KALAT: Eight men, six of whom had been taken off a Karachi-bound coach by armed men near Mangochar late "
                 "on Friday, lost their lives, officials said.",
                 "KALAT: Armed men blocked the highway near Mangochar late on Friday and checked the papers of the "
                 "passengers before leading six men away. Their bodies were found on Saturday.",
                 "KALAT: Armed men stopped the coach near Mangochar late on Friday, checked the passengers' cards and "
                 "took six of them towards the hills."):
        [event] = run(extractor, text, published=datetime(2024, 5, 4, 18, 0))
        assert event.event_type == "kidnapping", text


def test_the_lives_lost_in_a_joined_verb_are_the_subjects(nlp: Language) -> None:
    assert counts(nlp, "Eight men, six of whom had been taken off a coach by armed men near Mangochar, lost their lives "
                       "in the attack.") == {"killed": [8]}


def test_the_victims_home_province_and_a_firms_city_are_not_the_scene(nlp: Language) -> None:
    doc = nlp("The men, all belonging to different districts of Sindh, had been hired through a Karachi construction "
              "company, and a schoolteacher from Hyderabad was among them.")
    assert {m.name: m.in_aside() for m in find_locations(doc[:])} == {"Sindh": True, "Karachi": True, "Hyderabad": True}


def test_a_bulletins_item_stamped_with_a_time_is_of_the_day_it_was_posted(extractor: Extractor) -> None:
    text = ("1) 0640 hrs — TANK: 3 Levies personnel injured in IED blast near Gul Imam late last night.\n\n"
            "2) 0900 hrs — KOHAT: Traffic normal on Indus Highway.\n\n"
            "3) 1020 hrs — TANK: 1 trader shot dead by 2 motorcyclists in Jandola bazaar. Attackers fled.\n\n"
            "4) 1130 hrs — BANNU: 2 soldiers martyred as IED hits patrol in Jani Khel.")
    events = run(extractor, text, published=datetime(2024, 11, 5, 19, 0))
    assert [(e.location.district, e.date, e.killed, e.injured) for e in events] == [
        ("Tank", date(2024, 11, 4), None, 3), ("Tank", date(2024, 11, 5), 1, None), ("Bannu", date(2024, 11, 5), 2, None)]


def test_a_bulletins_later_item_with_only_figures_updates_the_earlier_one(extractor: Extractor) -> None:
    text = ("1) 0015 hrs — ZHOB: Levies post in Sambaza under attack since approx 2300 hrs Sat. Heavy firing.\n\n"
            "2) 0600 hrs — QUETTA: Roads open after snow clearance.\n\n"
            "3) 0715 hrs — ZHOB: 2 Levies sepoys martyred, 4 terrorists killed in retaliatory fire. 1 sepoy injured.")
    [event] = run(extractor, text, published=datetime(2025, 2, 9, 9, 0))
    assert (event.location.district, event.date, event.killed, event.attackers_killed, event.injured) == (
        "Zhob", date(2025, 2, 8), 2, 4, 1)


def test_a_dateline_in_brackets_dates_the_filing_not_the_attack(extractor: Extractor) -> None:
    text = ("(Quetta, May 4) — Gunmen shot dead four labourers at a construction site near Mangochar in Kalat district "
            "late on Friday, officials said on Saturday.")
    [event] = run(extractor, text, published=datetime(2024, 5, 4, 18, 0))
    assert (event.date, event.location.district) == (date(2024, 5, 3), "Kalat")


def test_a_past_perfect_told_of_a_person_or_from_the_scenes_day_is_this_attack(extractor: Extractor) -> None:
    text = ("Militants attacked a police post in Bannu late on Monday, police said. Two of the attackers were killed.\n\n"
            "On Tuesday, police said they had found the body of a third attacker, a man who had been carried away by "
            "the others, bringing the number of attackers killed to three.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 18, 0))
    assert event.attackers_killed == 3
    text = ("The drivers were asleep in their cabins when gunmen stopped the trucks and opened fire.\n\n"
            "By first light on Sunday, May 5, the road at Kingri in Musakhel district was lined with burnt trucks. "
            "Fourteen men had been killed, all of them drivers and cleaners.")
    [event] = run(extractor, text, published=datetime(2024, 5, 12, 9, 0))
    assert (event.killed, event.date) == (14, date(2024, 5, 5))


def test_those_a_victim_leaves_behind_are_no_victims(nlp: Language) -> None:
    assert counts(nlp, "The martyred constable leaves behind a widow and three children.") == {}


def test_a_named_man_set_off_by_a_who_clause_after_the_source_is_the_victim(nlp: Language) -> None:
    assert counts(nlp, "According to a press release issued by the District Police Office Tank, Constable Noor Khan of "
                       "Police Station Gomal, who had been deputed for the security of a vaccination team, was martyred "
                       "when unknown miscreants riding a motorcycle opened fire on him.") == {"killed": [1]}


def test_the_people_by_whom_a_victim_was_shot_are_no_victims(nlp: Language) -> None:
    assert counts(nlp, "1) 1005 hrs — TANK: Security — 1 police constable shot dead by 2 motorcyclists in Gomal "
                       "tehsil.") == {"killed": [1]}


def test_a_bulletins_short_weekday_dates_the_item(nlp: Language) -> None:
    days = find_dates(sent(nlp, "Levies post under attack since approx 2300 hrs Sun. Heavy firing on Mon night."),
                      datetime(2025, 2, 11, 9, 0))
    assert sorted(d.value for d in days) == [date(2025, 2, 9), date(2025, 2, 10)]
    assert find_dates(sent(nlp, "They sat in the sun all morning."), datetime(2025, 2, 11, 9, 0)) == []


def test_forces_killed_at_the_post_attacked_were_not_singled_out() -> None:
    fields = {"event_type": "armed_assault", "killed": 2, "injured": 1, "target_type": "political"}
    lede = "Two Levies men were killed and a third was wounded when gunmen attacked their checkpost near Kalat."
    assert not is_targeted_killing(fields, [], lede, ("political", "police", "security_forces"))


def test_people_named_after_identified_as_with_a_who_clause_are_the_counted(nlp: Language) -> None:
    found = extract_casualties(sent(nlp, "two drivers of trucks identified as Sabir Khan and Indra Ahmad and a helper "
                                         "identified as Akbar Ali who were abducted by militants from the forest gate "
                                         "were rescued by police on Monday."))
    assert [(f.kind, f.value) for f in found if not f.sub_count][0] == ("kidnapped", 2)


def test_a_round_ups_place_and_day_headings_open_an_item_each(extractor: Extractor) -> None:
    text = ("A hard week for the south of the province ended with three attacks in two districts.\n\n"
            "Hoshab, Monday. A roadside bomb hit a Levies vehicle on the highway. Three Levies men were killed.\n\n"
            "Buleda, Wednesday night. Gunmen set a mobile phone tower ablaze. Nobody was hurt.\n\n"
            "Tump, Thursday. Militants attacked a Levies post. One Levies man was killed; two attackers died.")
    events = sorted(run(extractor, text, published=datetime(2024, 9, 14, 8, 0)), key=lambda e: e.date or date.min)
    assert [(e.event_type, e.date, e.killed) for e in events] == [
        ("bombing", date(2024, 9, 9), 3), ("infrastructure_attack", date(2024, 9, 11), 0),
        ("armed_assault", date(2024, 9, 12), 1)]
    assert events[2].attackers_killed == 2 and events[0].attackers_killed is None


def test_traders_who_protest_over_last_weeks_attack_report_no_incident(extractor: Extractor) -> None:
    text = ("At a glance\n\n"
            "• Shops in the old city stayed shut for a second day on Tuesday\n\n"
            "• Hundreds of shopkeepers staged a sit-in outside the press club demanding arrests over last week's "
            "grenade attack\n\n"
            "Shopkeepers in Quetta kept their shutters down on Tuesday in protest against the grenade attack on a "
            "pharmacy last Wednesday. The attack killed the owner and wounded six people.")
    assert run(extractor, text, published=datetime(2024, 3, 19, 17, 0)) == []


def test_a_vaccinator_shot_dead_is_singled_out_though_his_team_was_wounded() -> None:
    fields = {"event_type": "armed_assault", "killed": 1, "injured": 2, "target_type": "civilians"}
    lede = "Two gunmen shot dead a vaccinator and wounded his colleague and their police guard in Tank on Sunday."
    assert is_targeted_killing(fields, [], lede, ("civilians",))
    fields = {"event_type": "armed_assault", "killed": 1, "injured": 2, "target_type": "civilians"}
    assert not is_targeted_killing(fields, [], "Gunmen opened fire in a bazaar in Tank, killing a man and wounding two.",
                                   ("civilians",))


def test_who_the_counted_people_were_adds_no_one(nlp: Language) -> None:
    assert counts(nlp, "The shells landed in a village, killing two people, a farmer and his daughter, and wounding "
                       "four others.") == {"killed": [2], "injured": [4]}
    assert counts(nlp, "Three civilians, a cook, a driver and a guard, were killed in the blast.") == {"killed": [3]}


def test_a_later_day_attack_in_the_district_of_an_earlier_item_is_its_own(extractor: Extractor) -> None:
    text = ("It was a violent week in Kurram.\n\n"
            "On Monday, gunmen fired on a passenger van near Sadda, killing three people; by Thursday the number of "
            "wounded had reached nine, officials said.\n\n"
            "On Tuesday, a bomb went off near a checkpost at Shingak Kalay, killing a soldier.\n\n"
            "And on Thursday morning, a roadside bomb near Sadda killed two men as they drove to a jirga.")
    events = run(extractor, text, published=datetime(2024, 6, 8, 8, 0))
    assert sorted((e.date, e.killed) for e in events) == [
        (date(2024, 6, 3), 3), (date(2024, 6, 4), 1), (date(2024, 6, 6), 2)]


def test_the_scene_a_distance_is_measured_from_is_the_place_and_a_scholars_seat_is_not(extractor: Extractor) -> None:
    text = ("ISLAMABAD — A bomb hidden in a culvert killed five soldiers in southwestern Pakistan on Monday, officials "
            "said, after a wounded soldier died in a military hospital in Karachi, hundreds of miles from the scene on "
            "the outskirts of Panjgur.\n\n"
            "\"They want the province ungovernable,\" said Ayesha Baloch, who teaches politics at a university in "
            "Lahore.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 20, 0))
    assert event.location.district == "Panjgur"


def test_where_kidnappers_drove_off_to_is_no_scene(extractor: Extractor) -> None:
    text = ("ZHOB: Gunmen abducted three surveyors from their camp near Appozai on Tuesday and drove towards the "
            "hills on the boundary of Sherani, police said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert (event.event_type, event.location.district) == ("kidnapping", "Zhob")


def test_counted_men_taken_from_a_camp_by_no_one_named_were_abducted(extractor: Extractor) -> None:
    text = "Five labourers were taken from a road camp near Mangochar in Kalat district on Tuesday night, police said."
    [event] = run(extractor, text, published=datetime(2024, 6, 12, 9, 0))
    assert event.event_type == "kidnapping"
    text = ("A bomb wounded five labourers in Kalat on Tuesday. Five labourers were taken from the scene to the "
            "district hospital.")
    assert [e.event_type for e in run(extractor, text, published=datetime(2024, 6, 12, 9, 0))] == ["bombing"]


def test_a_named_victims_home_and_the_city_he_died_in_later_are_no_scene(nlp: Language) -> None:
    found = find_locations(nlp("Two policemen were martyred — Constable Rehmat of Pishin on the spot and Constable "
                               "Zahir later in Karachi — and one was wounded in Gulistan.")[:])
    assert {m.name: m.in_aside() for m in found} == {"Pishin": True, "Karachi": True, "Gulistan": False}


def test_the_injured_fall_as_the_toll_rises_when_those_left_are_told(extractor: Extractor) -> None:
    text = ("Two policemen were martyred and four others injured when a bomb hit their van in Bannu on Tuesday, "
            "police said.\n\n"
            "UPDATE 8:15pm: A third policeman has died of his wounds, raising the death toll to three. Three injured "
            "policemen remain in hospital.")
    [event] = run(extractor, text, published=datetime(2025, 3, 11, 16, 0))
    assert (event.killed, event.injured) == (3, 3)


def test_a_teams_police_escort_is_a_person(nlp: Language) -> None:
    assert counts(nlp, "Two vaccinators died and their police escort was wounded.") == {"killed": [2], "injured": [1]}


def test_a_numbered_items_place_heads_its_own_incident(extractor: Extractor) -> None:
    text = ("Good morning.\n\n"
            "1. Khyber — Soldier killed in Bara blast.\n\n"
            "A soldier of the Frontier Corps was killed when a roadside bomb hit a patrol near Bara on Monday, officials "
            "said.\n\n"
            "2. Karak — Rockets fired at gas plant; no one hurt.\n\n"
            "Unknown men fired four rockets at a gas plant late last night, police said. No one was hurt.")
    events = run(extractor, text, published=datetime(2024, 6, 11, 7, 0))
    assert [(e.location.district, e.killed) for e in events] == [("Khyber", 1), ("Karak", 0)]


def test_one_more_dead_by_rank_joins_the_count(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb struck a Levies vehicle near Kuchlak on Monday. Three guards died at the spot and a fourth "
            "died in hospital the same night, officials said.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 7, 0))
    assert event.killed == 4


def test_a_toll_someone_fears_is_no_toll(nlp: Language) -> None:
    assert counts(nlp, "A doctor said the death toll could cross 40 as many of the wounded were critical.") == {}
    assert counts(nlp, "The death toll rose to 40 overnight.") == {"killed": [40]}


def test_days_ago_count_back_from_publication(nlp: Language) -> None:
    found = find_dates(sent(nlp, "The van was ambushed near Sadda three days ago."), datetime(2024, 6, 13, 9, 0))
    assert [d.value for d in found if d.precision == "day"] == [date(2024, 6, 10)]


def test_a_count_over_two_operations_is_no_count_of_either(extractor: Extractor) -> None:
    text = ("Good morning.\n\n"
            "1. Orakzai and Kohat — Nine militants killed in two operations.\n\n"
            "Troops killed six militants in an operation in the Dabori area of Orakzai on Friday, the ISPR said. "
            "Separately, police killed three militants in a raid in Darra Adam Khel, in Kohat district, on Friday "
            "night.")
    events = run(extractor, text, published=datetime(2024, 11, 23, 7, 0))
    assert [(e.location.district, e.attackers_killed) for e in events] == [("Orakzai", 6), ("Kohat", 3)]


def test_the_states_account_of_its_own_men_is_no_claim(nlp: Language) -> None:
    [group] = find_groups(sent(nlp, "The Counter Terrorism Department said its team killed three militants of the banned "
                                    "TTP in a raid in Kohat."))
    assert group.attribution != "claimed"
    [group] = find_groups(sent(nlp, "The BLA said its fighters had ambushed the convoy."))
    assert group.attribution == "claimed"


def test_tribes_at_war_are_no_militant_incident(extractor: Extractor) -> None:
    text = ("PARACHINAR: At least 14 people have been killed in two days of fighting between rival Turi and Bangash "
            "tribes over a land dispute in Kurram district, officials said.")
    assert run(extractor, text) == []


def test_the_day_of_a_funeral_is_no_day_of_the_attack(nlp: Language) -> None:
    [day] = find_dates(sent(nlp, "Hundreds of mourners gathered on Wednesday for the funeral."), PUB)
    assert day.reporting
    [day] = find_dates(sent(nlp, "A bomb went off at a funeral on Wednesday."), PUB)
    assert not day.reporting


def test_what_analysts_suspect_is_no_blame(extractor: Extractor) -> None:
    text = ("PESHAWAR: A bomb killed four worshippers at a mosque in Peshawar on Wednesday, police said. No group has "
            "claimed the bombing. Some analysts suspect the Islamic State, which has attacked mosques before.")
    [event] = run(extractor, text)
    assert event.perpetrator.name is None


def test_the_headline_places_a_report_whose_body_names_only_hospitals(extractor: Extractor) -> None:
    text = ("A week after the bombing at the seminary, hospital records show the toll was seven, not six: a student "
            "died of his wounds at Lady Reading Hospital in Peshawar on Monday.")
    [event] = run(extractor, text, title="How the Akora Khattak bomber reached the front row")
    assert event.location.district == "Nowshera"


def test_the_attacker_a_count_of_bodies_includes_is_counted_apart(nlp: Language) -> None:
    assert counts(nlp, "Nine bodies were brought to the hospital, including the bomber's.") == {
        "killed": [8], "attackers_killed": [1]}


def test_shells_a_drone_dropped_are_a_bombing_unless_gunmen_followed(extractor: Extractor) -> None:
    text = "BANNU: A quadcopter dropped two mortar shells on a police post on Monday, injuring three policemen."
    assert [e.event_type for e in run(extractor, text)] == ["bombing"]
    text = ("BANNU: A quadcopter dropped two mortar shells on a police post on Monday, after which gunmen opened fire "
            "from the fields, injuring three policemen.")
    assert [e.event_type for e in run(extractor, text)] == ["armed_assault"]


def test_earlier_this_week_in_the_body_is_a_recap(extractor: Extractor) -> None:
    text = ("WANA: Two Levies men were martyred and four others injured when terrorists targeted their vehicle with a "
            "bomb in the Shakai area on Thursday afternoon.\n\n"
            "The injured were shifted to the hospital in Wana.\n\n"
            "Earlier this week, 23 soldiers were martyred in an attack on a post in Daraban, Dera Ismail Khan.")
    [event] = run(extractor, text, published=datetime(2024, 6, 13, 21, 0))
    assert (event.killed, event.location.district) == (2, "South Waziristan")


def test_the_waves_earlier_incidents_are_recaps(extractor: Extractor) -> None:
    text = ("TANK, Pakistan — Five of 11 workers abducted by gunmen in Gomal on Wednesday were freed late on Thursday, "
            "police said on Friday.\n\n"
            "The abduction is the latest in a wave of violence in the area. On Tuesday, a truck bombing killed 23 "
            "soldiers in Daraban. On Thursday, three Levies men were killed when a bomb hit their vehicle near Wana.")
    [event] = run(extractor, text, published=datetime(2023, 12, 15, 12, 30))
    assert (event.event_type, event.killed) == ("kidnapping", None)


def test_a_digests_bold_place_headings_each_head_an_incident(extractor: Extractor) -> None:
    text = ("A bloody week in the south.\n\n"
            "**Mali Khel.** On Tuesday a suicide bomber drove a car into a checkpost, killing ten soldiers.\n\n"
            "**Spinwam, North Waziristan.** Troops killed four militants in an intelligence-based operation on Wednesday, "
            "the ISPR said.\n\n"
            "**Our assessment.** Car bombs remain the main threat.")
    events = run(extractor, text, published=datetime(2024, 11, 23, 18, 0))
    assert [(e.event_type, e.location.district) for e in events] == [
        ("bombing", None), ("security_operation", "North Waziristan")]


def test_a_locality_before_its_district_in_a_heading_is_no_person(nlp: Language) -> None:
    doc = nlp("Week in review.\n\n**Azam Warsak, South Waziristan.** An IED hit a Levies vehicle.")
    assert [m.name for s in doc.sents for m in find_locations(s)] == ["South Waziristan"]


def test_a_group_that_says_it_had_no_part_denies(nlp: Language) -> None:
    groups = find_groups(sent(nlp, "A faction led by Hafiz Gul Bahadur claimed the bombing, while the Pakistani Taliban "
                                   "said they had no part in it."))
    assert {g.name: g.attribution for g in groups} == {
        "Hafiz Gul Bahadur Group": "claimed", "Tehrik-i-Taliban Pakistan": "denied"}


def test_each_place_a_lede_sums_up_heads_its_incident(extractor: Extractor) -> None:
    text = ("BANNU: A constable escorting a polio team was shot dead in Domel on Thursday morning, while militants "
            "attacked Jani Khel police station at night, injuring two policemen, in two separate attacks.\n\n"
            "Constable Wahid was guarding vaccinators in a village of Domel when two men on a motorcycle opened fire "
            "on him. He died on the spot.\n\n"
            "Later in the night, militants attacked Jani Khel police station from three sides. Two policemen were "
            "injured.")
    events = run(extractor, text, published=datetime(2024, 11, 22, 7, 0))
    assert sorted((e.location.place, e.killed, e.injured) for e in events) == [
        ("Domel", 1, None), ("Jani Khel", None, 2)]


def test_the_other_injured_told_after_a_death_are_those_left(extractor: Extractor) -> None:
    text = ("BANNU: A constable was martyred and three others injured when militants attacked a police post on "
            "Thursday night.\n\n"
            "Update: One of the injured, Constable Naeem, succumbed to his wounds, raising the number of martyred to "
            "two. The condition of the other two injured is stable.")
    [event] = run(extractor, text, published=datetime(2024, 11, 22, 13, 0))
    assert (event.killed, event.injured) == (2, 2)


def test_the_same_night_is_the_night_of_the_item_before(extractor: Extractor) -> None:
    text = ("The week in review.\n\n"
            "**Mali Khel.** On Tuesday evening a suicide bomber killed ten soldiers at a checkpost.\n\n"
            "**Domel.** On Thursday morning, a constable escorting a polio team was shot dead.\n\n"
            "**Jani Khel.** The same night, militants attacked the Jani Khel police station, killing a constable.")
    events = run(extractor, text, published=datetime(2024, 11, 23, 18, 0))
    assert [e.date for e in events] == [date(2024, 11, 19), date(2024, 11, 21), date(2024, 11, 21)]


def test_an_incident_recalled_with_its_toll_is_no_scene(extractor: Extractor) -> None:
    text = ("LAKKI MARWAT: A constable was martyred when militants attacked Ghazni Khel police station late on Friday "
            "night, police said.\n\n"
            "Police posts were put on alert following the Bannu Cantonment attack, in which 18 people were martyred "
            "on Tuesday.")
    [event] = run(extractor, text, published=datetime(2025, 3, 8, 7, 0))
    assert event.location.district == "Lakki Marwat"


def test_the_day_in_pakistan_not_in_greenwich(nlp: Language) -> None:
    found = find_dates(sent(nlp, "The drone struck the post at 23:40 GMT on Sunday (04:40 local time on Monday)."),
                       datetime(2025, 5, 27, 13, 0))
    assert [d.value for d in found if d.precision == "day"] == [date(2025, 5, 26)]


def test_rockets_that_damage_a_gas_plant_attack_the_installation(extractor: Extractor) -> None:
    text = ("KOHAT: Militants fired rockets at a gas plant near Shakardara late on Monday. One rocket damaged a storage "
            "tank. No one was hurt, police said.")
    assert [e.event_type for e in run(extractor, text)] == ["infrastructure_attack"]


def test_a_digest_item_set_under_its_place_in_bold_is_its_own_incident(extractor: Extractor) -> None:
    text = ("A busy week around Kohat and in Hangu, where the toll from Wednesday's roadside bomb rose twice after our "
            "mid-week update. Figures are as of Friday afternoon.\n\n"
            "**Lachi, Kohat** — Sniper fire hit the Lachi police post at about 10pm on Monday 17 March. One constable "
            "killed and one wounded.\n\n"
            "**Thall, Hangu** — A roadside bomb hit a police van on Wednesday 19 March. Two were killed at the scene. "
            "Three others are still in hospital.")
    events = run(extractor, text, published=datetime(2025, 3, 21, 17, 0))
    assert [(e.event_type, e.location.district, e.date) for e in events] == [
        ("armed_assault", "Kohat", date(2025, 3, 17)), ("bombing", "Hangu", date(2025, 3, 19))]


def test_an_item_that_names_the_last_items_attack_is_still_its_own(extractor: Extractor) -> None:
    text = ("Items are compiled from police statements and our district contacts.\n\n"
            "**Matta, Swat** — A constable guarding a girls' school was shot dead on Tuesday 18 March. No claim.\n\n"
            "Killed 1 | Injured 0 | Claim: none\n\n"
            "**Tangi** — A roadside bomb struck a police van on Wednesday 19 March, killing two constables. Three others "
            "were wounded.\n\n"
            "Killed 2 | Injured 3 | Claim: none\n\n"
            "**Katlang, Mardan** — Hours after the Tangi blast, a hand grenade was thrown into a shop in the bazaar. No "
            "one was killed.\n\n"
            "Killed 0 | Injured 4 | Claim: none")
    events = run(extractor, text, published=datetime(2025, 3, 21, 17, 0))
    assert [(e.location.district, e.killed, e.injured) for e in events] == [
        ("Swat", 1, 0), ("Charsadda", 2, 3), ("Mardan", 0, 4)]


def test_a_line_of_figure_cells_gives_each_kind_its_count(nlp: Language) -> None:
    assert counts(nlp, "Dead 5 | Wounded 11 | Militants killed 2 | Responsibility: none") == {
        "killed": [5], "injured": [11], "attackers_killed": [2]}
    assert counts(nlp, "Killed 0 | Hurt 3 | Attackers killed — | Claim: not yet") == {"killed": [0], "injured": [3]}


def test_a_release_numbered_by_point_tells_one_incident_to_its_end(extractor: Extractor) -> None:
    text = ("District Police Swabi. Dated 04-02-2025.\n\n"
            "1. Today at about 21:10 hours, unknown accused threw a hand grenade into a pharmacy in Topi bazaar.\n\n"
            "2. As a result, two persons received injuries. They were shifted to THQ Hospital Topi. No loss of life "
            "occurred.\n\n"
            "3. FIR No. 88 has been registered u/s 7 ATA against the unknown accused.")
    [event] = run(extractor, text, published=datetime(2025, 2, 4, 23, 0))
    assert (event.killed, event.injured) == (0, 2)


def test_the_section_of_the_law_a_case_is_registered_under_is_no_count(nlp: Language) -> None:
    assert counts(nlp, "FIR No. 61/2025 dated 02-03-2025 has been registered at PS Jand u/s 7 ATA, 324/353 PPC and 4/5 "
                       "Explosive Substances Act against the killed accused and their accomplices.") == {}


def test_explosives_a_man_set_off_on_his_body_open_a_feature(extractor: Extractor) -> None:
    text = ("The courtyard of the seminary had filled early for the Friday sermon in Nowshera. Just after one in the "
            "afternoon of Friday 28 February, a man in the front rows set off the explosives strapped to his body.\n\n"
            "By Sunday the number of dead had reached eight, the district health officer said, after several of the "
            "wounded died over the previous two days. Some twenty people were hurt.")
    [event] = run(extractor, text, published=datetime(2025, 3, 2, 18, 0))
    assert (event.event_type, event.suicide, event.killed, event.date) == ("bombing", True, 8, date(2025, 2, 28))


def test_an_exchange_of_fire_is_nobody_killed(nlp: Language) -> None:
    assert counts(nlp, "Soldiers engaged the hideout, and after a heavy exchange of fire two khwarij were sent to hell.") == {
        "attackers_killed": [2]}


def test_the_n_other_injured_after_a_death_are_those_left(extractor: Extractor) -> None:
    text = ("KARAK: A roadside bomb hit a police mobile on Tuesday, killing a constable and injuring five others.\n\n"
            "Update: One of the injured constables died in hospital, raising the death toll to two. The four other "
            "injured are stable.")
    [event] = run(extractor, text, published=datetime(2025, 3, 4, 15, 0))
    assert (event.killed, event.injured) == (2, 4)


def test_where_the_wounded_are_treated_is_no_scene(extractor: Extractor) -> None:
    text = ("Mingora (Staff Report): The number of martyrs of Monday's blast targeting a police van rose to two.\n\n"
            "A constable was martyred on the spot when the van was hit by a roadside bomb. Three others are under "
            "treatment at Peshawar, where a second constable died overnight.")
    [event] = run(extractor, text, published=datetime(2025, 3, 4, 8, 0))
    assert event.location.district == "Swat"


def test_explosives_that_bring_down_a_tower_attack_the_installation(extractor: Extractor) -> None:
    text = ("MIRANSHAH: Explosives planted at the foot of a mobile phone tower in Datta Khel brought it down late on "
            "Sunday. No one was hurt.")
    assert [e.event_type for e in run(extractor, text, published=datetime(2025, 3, 4, 8, 0))] == ["infrastructure_attack"]
