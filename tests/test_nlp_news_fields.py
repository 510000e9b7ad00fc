"""Field rules for multi-paragraph news reports: running tolls, sub-counts, places and date spans.

The sentences are written for these tests (none comes from an evaluation set)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from spacy.language import Language

from khabar.core.records import ExtractedEvent
from khabar.nlp.components.casualties import extract_casualties
from khabar.nlp.components.dates import find_dates
from khabar.nlp.components.frames import section_heading
from khabar.nlp.components.locations import find_locations
from khabar.nlp.components.perpetrators import find_groups
from khabar.nlp.extract import Extractor, is_targeted_killing, to_article
from tests.test_nlp_extract import FakeClassifier
from tests.test_nlp_rules import counts, sent

PUB = datetime(2025, 3, 5, 9, 0)  # a Wednesday


def run(extractor: Extractor, text: str, published: datetime = PUB) -> list[ExtractedEvent]:
    return extractor.extract({"id": "t", "url": "https://example.test/r", "text": text, "published_at": published})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the toll as the object of a verb, and "the number of ... killed"
        ("Doctors raised the death toll to nine on Tuesday.", {"killed": [9]}),
        ("Their deaths brought to four the number of guards killed since the raid began.", {"killed": [4]}),
        ("A driver died in hospital, bringing the number of people who lost their lives to seven.",
         {"killed": [1, 7]}),
        # a parenthetical sub-count does not hide the casualty word, nor count twice
        ("Three guards were martyred and eleven others, among them two traders, were wounded in the blast.",
         {"killed": [3], "injured": [11]}),
        ("The blast killed two people, among them a schoolboy, and wounded nine.", {"killed": [2], "injured": [9]}),
        # a relative clause whose complement is the casualty word
        ("Gunmen led away five labourers, who were later found shot dead.", {"killed": [5]}),
        # a wounded attacker is not a victim
        ("Four people were wounded when a suicide bomber struck the gate.", {"injured": [4]}),
        # "claimed a bombing that killed": the toll is reported, not claimed
        ("A militant group on Monday claimed a bombing that killed six people.", {"killed": [6]}),
        # "engagements" are not people
        ("Troops killed 14 militants in three engagements.", {"attackers_killed": [14]}),
        # one wounded, told without a number
        ("A trader was shot dead and his accountant injured near the bus stand.", {"killed": [1], "injured": [1]}),
        ("Two farmers were killed and a herdsman was wounded in the firing.", {"killed": [2], "injured": [1]}),
        ("Gunmen shot at the van, killing three guards and wounding a fourth.", {"killed": [3], "injured": [1]}),
        # a negated pair is a zero for both harms
        ("The shell hit an empty school; nobody was killed or hurt.", {"killed": [0], "injured": [0]}),
        ("There was no loss of life or injury, the DPO said.", {"killed": [0], "injured": [0]}),
        # things a casualty verb does not make people
        ("A vehicle was damaged and a pylon was destroyed.", {}),
    ],
)
def test_running_tolls_and_sub_counts(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_claimed_act_figures_are_not_claims(nlp: Language) -> None:
    figures = extract_casualties(sent(nlp, "The group claimed a bombing that killed six people."))
    assert [(f.value, f.claimed) for f in figures] == [(6, False)]
    claimed = extract_casualties(sent(nlp, "The group claimed that eight soldiers were killed."))
    assert [(f.value, f.claimed) for f in claimed] == [(8, True)]


def test_initial_figure_gives_way_to_the_later_one(nlp: Language) -> None:
    text = "Initial reports had put the number of injured at four, but doctors later said 10 people had been hurt."
    assert counts(nlp, text) == {"injured": [10]}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Troops killed 20 militants between February 24 and 27, the ISPR said.", date(2025, 2, 27)),
        ("Troops killed 20 militants between 24 and 27 February, the ISPR said.", date(2025, 2, 27)),
        ("The attack began on the night of 3-4 March.", date(2025, 3, 3)),
        ("The post was attacked on the night between March 2 and 3.", date(2025, 3, 2)),
        # numeric dates, day first as police and monitors write them; ISO dates
        ("1. 21.02.2025 - Wana, South Waziristan.", date(2025, 2, 21)),
        ("The FIR says the attack took place on 04-03-2025 at about 11pm.", date(2025, 3, 4)),
        ("Date of incident: 2025-02-27.", date(2025, 2, 27)),
    ],
)
def test_day_spans(nlp: Language, text: str, day: date) -> None:
    assert find_dates(sent(nlp, text), PUB)[0].value == day


def test_a_passing_mention_with_a_speaker_is_not_blame(nlp: Language) -> None:
    (group,) = find_groups(sent(nlp, "Attacks have risen since talks with the TTP stalled, officials said."))
    assert group.attribution == "unknown"
    (group,) = find_groups(sent(nlp, "Officials said the attackers belonged to the BLA."))
    assert group.attribution == "blamed"


def test_took_control_is_not_an_attack(nlp: Language) -> None:
    (group,) = find_groups(sent(nlp, "Committees were formed after the TTP took control of the valley."))
    assert group.attribution == "unknown"


def test_route_end_points_are_not_the_place(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb planted on the track went off under the Lahore-bound express near Sibi on Tuesday, "
            "injuring four passengers, officials said.")
    (event,) = run(extractor, text)
    assert event.location.district == "Sibi"


def test_generic_locality_is_read_in_the_dateline_city(extractor: Extractor) -> None:
    text = ("QUETTA: Three people were killed on Tuesday when a bomb exploded in a market.\n\n"
            "Police said the device had been planted near a school in Model Town.")
    (event,) = run(extractor, text)
    assert (event.location.district, event.location.province) == ("Quetta", "Balochistan")


def test_possessive_district_beats_a_homonym_place(extractor: Extractor) -> None:
    text = "Four people were killed on Tuesday when a bomb struck a car in Swat's Bara Khel area, police said."
    (event,) = run(extractor, text)
    assert event.location.district == "Swat"


def test_toll_stated_after_an_earlier_day_is_kept(extractor: Extractor) -> None:
    text = ("PESHAWAR: Troops stormed the compound on Tuesday and killed the gunmen who had held it since Sunday, "
            "officials said. Two soldiers were killed in the assault.\n\n"
            "A policeman was killed on Sunday and another died in hospital, bringing the number of security "
            "personnel who lost their lives to four.")
    (event,) = run(extractor, text)
    assert event.killed == 4


def test_islamic_state_is_named(nlp: Language) -> None:
    (group,) = find_groups(sent(nlp, "The Islamic State group claimed responsibility for the bombing."))
    assert (group.name, group.attribution) == ("Islamic State Khorasan Province", "claimed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the casualty word as the verb's complement
        ("Five people, including two children, lost their lives when the bomb went off.", {"killed": [5]}),
        ("Two labourers were found dead near the crusher plant.", {"killed": [2]}),
        # a revised toll: the figure after "from" is the earlier count
        ("Officials revised the toll down to six from eight after a recount.", {"killed": [6]}),
        # injured who died are deaths, not injured
        ("Two more injured succumbed on Saturday.", {"killed": [2]}),
        ("His driver was seriously wounded and succumbed to his injuries on the way to hospital.", {"killed": [1]}),
        # a brief's clipped toll; the definite victim of the report
        ("Gunmen fired on a van; driver killed, one passenger wounded.", {"killed": [1], "injured": [1]}),
        ("The dentist was killed and two other people were wounded when a gunman opened fire.",
         {"killed": [1], "injured": [2]}),
        # "another killing" is an incident, not a victim; "another" after "one of the attackers" is an attacker
        ("We will not accept another killing being filed away, the bar council said.", {}),
        ("One of the attackers was shot dead at the wall, while another was killed near the gate.",
         {"attackers_killed": [1, 1]}),
        # the parts of a count between dashes; the other side's dead across the border are not counted
        ("Five people were wounded — three labourers and two soldiers — and one of those soldiers died the next day.",
         {"injured": [5], "killed": [1]}),
        ("A Taliban spokesman said three Afghan border guards had also died.", {}),
        # a couple is two people
        ("A gunman opened fire inside a clinic, killing one man and wounding the couple who ran it.",
         {"killed": [1], "injured": [2]}),
        # the parts of a count in parentheses after it
        ("Two soldiers killed; five wounded (three soldiers, two civilians).", {"killed": [2], "injured": [5]}),
        # a named victim under a title is one; the agents of the killing are no victims
        ("Constable Muhammad Arif embraced shahadat on the spot, while Constable Zahid Mehmood was injured.",
         {"killed": [1], "injured": [1]}),
        ("A correspondent was shot dead by two gunmen on a motorcycle.", {"killed": [1]}),
        # the wounded as reports count them later: still under treatment, in hospital
        ("Ten people are still under treatment.", {"injured": [10]}),
        ("Eleven people remain in hospital, two of them in critical condition.", {"injured": [11]}),
        ("Three bodies were taken to the hospital in Quetta.", {"killed": [3]}),
        # the toll as a victim's rank
        ("A boy became the sixth person to die on Tuesday.", {"killed": [6]}),
        ("Officials said a sixth victim died overnight.", {"killed": [6]}),
        # members counted as victims, and as attackers when they are a group's
        ("Troops killed five members of the banned TTP in Bannu.", {"attackers_killed": [5]}),
        # the counted are dead when their bodies are found
        ("The bodies of six passengers, who were abducted from the highway on Thursday night, were found on Friday.",
         {"killed": [6]}),
        # an older incident told in a clause hung on its time
        ("It was the deadliest attack since August, when the BLA carried out attacks that left more than 50 people "
         "dead.", {}),
        # the count after the turn is the current one
        ("Initial reports had put the death toll at two, but one of the injured succumbed late at night, raising "
         "the toll to three.", {"killed": [3]}),
        # the part of the attackers killed is their count; nobody of a kind named is a zero
        ("Police returned fire, killing three of the attackers.", {"attackers_killed": [3]}),
        ("No police personnel were killed, he said, and two constables suffered minor injuries.",
         {"killed": [0], "injured": [2]}),
        ("No CTD official was hurt in the exchange.", {"killed": [0], "injured": [0]}),
        # "the dead" as a toll, a first report's figure restated by a pronoun; "the dead included" is a part
        ("First reports put the dead at five; police revised that to four on Monday.", {"killed": [4]}),
        ("Officials said six people were killed, but later raised it to nine.", {"killed": [9]}),
    ],
)
def test_complements_revisions_and_the_injured_who_died(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_while_clause_in_another_place_is_not_added_to_the_toll(extractor: Extractor) -> None:
    text = ("Six policemen were martyred when militants ambushed their van in Lakki Marwat on Tuesday, while two "
            "soldiers lost their lives in an exchange of fire in Bajaur.\n\nThe van was on its way to a cattle market.")
    [event, *_] = run(extractor, text)
    assert event.killed == 6


def test_a_while_clause_that_tells_another_incident_gives_it_its_own_toll(extractor: Extractor) -> None:
    text = ("Quetta (Awaz News) — Terrorists blew up a gas pipeline in the Sui area of Dera Bugti yesterday, while one "
            "citizen embraced shahadat and four others were injured when miscreants hurled a hand grenade at a shop in "
            "Panjgur.\n\nNo loss of life was reported in the pipeline blast.\n\nIn Panjgur, two men on a "
            "motorcycle threw a grenade at a shop in the main bazaar. One passer-by embraced shahadat and four others "
            "were injured.")
    events = {e.location.district: (e.killed, e.injured) for e in run(extractor, text)}
    assert events == {"Dera Bugti": (0, None), "Panjgur": (1, 4)}
    # a clause about the injured's treatment elsewhere tells no incident: its count stays the event's
    treated = ("KALAT: The bodies of three passengers killed when gunmen fired on a coach near Mangochar on Wednesday "
               "were flown to Karachi on Thursday, while the seven injured remained under treatment in Quetta.")
    [event] = run(extractor, treated)
    assert (event.killed, event.injured) == (3, 7)


def test_the_victims_home_province_is_not_the_place(extractor: Extractor) -> None:
    text = ("KALAT: Nine Levies personnel were martyred when militants attacked their post in Mangochar tehsil of "
            "Kalat district on Monday night, officials said. The martyred personnel, most of whom hailed from "
            "Punjab, were flown home from Kalat on Tuesday.")
    [event] = run(extractor, text)
    assert (event.location.district, event.location.province) == ("Kalat", "Balochistan")


def test_a_marked_district_beats_provinces_named_in_passing(extractor: Extractor) -> None:
    text = ("Unknown men blew up a gas pipeline near Loti village in Sui tehsil of Dera Bugti district on Monday "
            "night, cutting supply to parts of Punjab and Sindh, Levies officials said. No one was hurt.")
    [event] = run(extractor, text)
    assert (event.location.district, event.location.province) == ("Dera Bugti", "Balochistan")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a denial names the group that did not do it
        ("A bomb killed six people at a market in Bannu on Monday. The banned TTP denied involvement in a statement.",
         (None, "unknown")),
        # the group's past claims, and violence that "claimed lives", are no claim of this attack
        ("A roadside bomb killed three Levies men in Kalat on Monday. The outlawed Balochistan Liberation Army has "
         "claimed many previous attacks on security forces there.", (None, "unknown")),
        ("Gunmen shot dead a cleric in Karachi on Monday. Police blamed Lashkar-e-Jhangvi. Sectarian violence in "
         "the city claimed hundreds of lives a year at its peak.", ("Lashkar-e-Jhangvi", "blamed")),
        # a claim after "Separately" for the attack the report tells is that attack's claim
        ("Gunmen shot dead a constable in Islamabad on Monday night.\n\nSeparately, the banned TTP claimed "
         "responsibility for the attack in a message to journalists.", ("Tehrik-i-Taliban Pakistan", "claimed")),
        # the claim's maker, not a group named beside it; the Taliban as a state are Afghanistan's
        ("An Afghan cleric with ties to the Taliban government was shot dead in Peshawar on Friday, in a killing "
         "claimed by the Islamic State's regional branch.", ("Islamic State Khorasan Province", "claimed")),
        ("Taliban border forces fired mortar shells into Chaman on Thursday, killing one civilian, officials said.",
         ("Taliban (Afghanistan)", "blamed")),
        # a claim that reports the toll, and a claim in a statement whose fighters are quoted
        ("A separatist group has claimed responsibility for a suicide car bombing that killed seven members of a "
         "paramilitary force in the Bolan Pass on Sunday. In a statement, the Balochistan Liberation Army said one "
         'of its "self-sacrificing" fighters had carried out the bombing.', ("Balochistan Liberation Army", "claimed")),
        # blame where no claim was made
        ("A roadside bomb killed four policemen in Bannu on Monday. There was no claim, and police sources point "
         "to the Hafiz Gul Bahadur group.", ("Hafiz Gul Bahadur Group", "blamed")),
        # a claim in other words
        ("Prisoners overpowered guards and took them hostage in Bannu on Monday. The banned Tehreek-i-Taliban "
         "Pakistan said in a statement that its fighters were among the prisoners.", ("Tehrik-i-Taliban Pakistan", "claimed")),
        # a faction named by its leader; a recap's "The bombing was claimed by ..." is the recalled bombing's claim
        ("MIR ALI: A suicide bomber struck a military convoy in Mir Ali on Thursday, killing three soldiers. A faction "
         "led by the militant commander Hafiz Gul Bahadur claimed responsibility in a message to journalists. The "
         "TTP said it had not carried out the attack.", ("Hafiz Gul Bahadur Group", "claimed")),
        ("QUETTA: A lawyer was shot dead outside his house in Quetta on Wednesday. No group claimed responsibility."
         "\n\nThe city's lawyers have suffered before. On August 8, 2016, a suicide bomber struck the Civil Hospital, "
         "killing more than 70 people. The bombing was claimed by a faction of the banned TTP.", (None, "unknown")),
        # blame in other words: "the people behind this abduction are ...", "people associated with the banned ..."
        ("AWARAN: Armed men abducted four workers of a construction company in Gishkore on Tuesday. \"The people "
         "behind this abduction are BLF militants,\" the deputy commissioner said.", ("Balochistan Liberation Front", "blamed")),
        ("BARA: Gunmen kidnapped three employees of a company in Akkakhel on Monday. The company had been receiving "
         "extortion calls from people associated with the banned Lashkar-e-Islam, police said.", ("Lashkar-e-Islam", "blamed")),
        # a group's record ("has claimed a number of attacks ... including the hijacking in March") is no claim of
        # this attack, but its statement that its fighters did this one is
        ("KALAT: Five soldiers were martyred in an attack on a Frontier Corps post in Mangochar on Tuesday night, "
         "officials said. Five attackers were killed.\n\nThe BLA has also claimed a number of attacks on trains "
         "and convoys this year, including the hijacking of the Jaffar Express in March.", (None, "unknown")),
        ("D.I. KHAN: Militants raided a police post on the Daraban-Zhob road on Monday night, killing three policemen."
         "\n\nTehreek-e-Jihad Pakistan, which has claimed a string of attacks this year, said in a statement that "
         "its fighters had carried out the raid.", ("Tehreek-e-Jihad Pakistan", "claimed")),
        # a commander's word that "his fighters" hold the hostages; a brief's labelled field; the state's label explained
        ("MINGORA: Militants took a police officer and an army major hostage in the Matta hills on Monday. A local "
         "commander of the Tehreek-e-Taliban Pakistan told reporters by telephone that his fighters were holding "
         "both officers.", ("Tehrik-i-Taliban Pakistan", "claimed")),
        ("MIRANSHAH: Security forces killed eight militants in an operation in Datta Khel on Thursday, the ISPR said. "
         "The ISPR called them khwarij, the name the state uses for fighters of the banned Tehreek-e-Taliban "
         "Pakistan.", ("Tehrik-i-Taliban Pakistan", "blamed")),
        # the Afghan Taliban as the ones who opened fire
        ("QUETTA: One civilian was killed when mortar shells landed in Chaman on Thursday. Officials said Afghan "
         "Taliban forces had begun firing heavy weapons after an argument at the border.",
         ("Taliban (Afghanistan)", "blamed")),
        # the state's own words are no claim
        ("LAHORE: A bomb killed a policeman in Kundian on Monday. Police said a cell of the banned Tehreek-i-Taliban "
         "Pakistan was behind the attack.\n\nThe CTD said it had conducted more than 900 operations in the province "
         "this year.", ("Tehrik-i-Taliban Pakistan", "blamed")),
        ("KARACHI: A gunman shot dead a dentist at a clinic in Saddar on Monday. Hours later the Sindhudesh "
         "Revolutionary Army, a small separatist group, said it had carried out the attack.",
         ("Sindhudesh Revolutionary Army", "claimed")),
        # a group named for "the attack" in the past perfect, or beside an aside about its recent raids, is this
        # attack's; the Afghan side's border forces are the Afghan Taliban's
        ("SWABI: Gunmen shot dead two constables at a picket near Topi on Monday night.\n\nThe SHO said the attack "
         "had been carried out by the Tehreek-e-Taliban Pakistan, whose fighters had lately moved into the hills.",
         ("Tehrik-i-Taliban Pakistan", "blamed")),
        ("LAKKI MARWAT: Three constables were injured when a drone dropped a mortar shell on a police station in "
         "Lakki Marwat on Monday.\n\nOfficials blamed the Hafiz Gul Bahadur group for the attack, saying it had used "
         "drones against police buildings in recent weeks.", ("Hafiz Gul Bahadur Group", "blamed")),
        ("CHAMAN: Two Pakistani soldiers were wounded when Afghan border forces opened fire on a post near the "
         "Friendship Gate on Sunday, officials said.", ("Taliban (Afghanistan)", "blamed")),
        # "none of the groups active there, including ..., had claimed"; officials who believe a group "responsible"
        ("KHARAN: Gunmen shot dead three labourers in Kharan on Tuesday. None of the armed groups active in the area, "
         "including the Balochistan Liberation Army and the Balochistan Liberation Front, had claimed responsibility "
         "by Wednesday.", (None, "unknown")),
        ("MIR ALI: A suicide bomber struck a military convoy in Mir Ali on Monday, killing three soldiers. No group "
         "claimed the bombing, but two officials said they believed TTP fighters opposed to the talks were "
         "responsible.", ("Tehrik-i-Taliban Pakistan", "blamed")),
        # the state's label explained at some length; a commander's word, after an aside, that his fighters did it
        ("PESHAWAR: Security forces killed nine militants in an operation in Lakki Marwat on Friday, the military said. "
         "Fitna al-Khawarij is the term the government has been using since last year for the banned "
         "Tehreek-e-Taliban Pakistan.", ("Tehrik-i-Taliban Pakistan", "blamed")),
        ("MINGORA: Militants ambushed a police party in the Kabal hills on Monday, wounding two constables. A man who "
         "said he was a TTP commander told a local reporter, in a call made from one policeman's phone, that his "
         "fighters had carried out the ambush.", ("Tehrik-i-Taliban Pakistan", "claimed")),
        # a claim by "the banned organisation" names the group the sentence before named
        ("D.I. KHAN: Another constable injured in the attack on a check post on the Kulachi road died on Tuesday, "
         "raising the toll to four.\n\nIt may be recalled that terrorists of the banned Tehreek-e-Taliban Pakistan "
         "had attacked the check post with heavy weapons. The banned organisation had claimed responsibility for the "
         "attack.", ("Tehrik-i-Taliban Pakistan", "claimed")),
    ],
)
def test_denials_past_claims_and_claims_in_other_words(extractor: Extractor, text: str,
                                                        expected: tuple[str | None, str]) -> None:
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == expected


def test_incidents_named_by_rank_are_followed_and_a_summary_lede_gives_way(extractor: Extractor) -> None:
    text = ("QUETTA: At least 20 people were killed and 30 injured on Tuesday when terrorists carried out two blasts "
            "outside election offices in Pishin and Qila Saifullah districts.\n\n"
            "According to officials, the first blast took place outside an office in the Khanozai area of Pishin "
            "district, where 14 people were killed and 21 injured.\n\n"
            "About an hour later, a second blast ripped through an office in Qila Saifullah bazaar, killing six "
            "people and injuring nine others.\n\n"
            "The Islamic State Khorasan Province claimed responsibility for both the blasts.")
    events = sorted(run(extractor, text), key=lambda e: e.location.district or "")
    assert [(e.location.district, e.killed, e.injured) for e in events] == [("Killa Saifullah", 6, 9), ("Pishin", 14, 21)]
    assert {e.perpetrator.name for e in events} == {"Islamic State Khorasan Province"}


def test_a_lede_that_names_two_incidents_in_two_districts_gives_way_to_them(extractor: Extractor) -> None:
    text = ("BANNU/KARAK: Four policemen were martyred and five others injured on Monday in an attack on a police post "
            "in Bannu and a roadside bombing on a police van in Karak.\n\n"
            "The toll in the Karak blast rose to two on Monday night when a constable died in hospital. Two more "
            "policemen are under treatment.\n\n"
            "In Bannu, militants attacked the Domel police post before dawn. Two constables were martyred and three "
            "others were injured.\n\n"
            "The banned TTP said its fighters had carried out the Karak bombing.")
    events = {e.location.district: (e.killed, e.injured, e.perpetrator.name) for e in run(extractor, text)}
    assert events == {"Karak": (2, 2, "Tehrik-i-Taliban Pakistan"), "Bannu": (2, 3, None)}


def test_a_definite_rank_returns_to_the_incident_it_names(extractor: Extractor) -> None:
    text = ("A suicide bomber struck a religious procession in Mastung on Friday, killing 40 people, police said. "
            "Hours later, a second suicide bombing hit a mosque in Hangu district, killing five worshippers.\n\n"
            "The first attack took place near a mosque in Mastung as hundreds gathered for the procession.\n\n"
            "The second bombing struck during Friday prayers; twelve others were wounded.")
    events = sorted(run(extractor, text), key=lambda e: e.location.district or "")
    assert [(e.location.district, e.killed) for e in events] == [("Hangu", 5), ("Mastung", 40)]


@pytest.mark.parametrize("aside", [
    "\"This is not just another blast; it happened in the heart of the city,\" the minister said.",
    "Days earlier, another explosion on the railway track near Sibi had narrowly missed a train.",
])
def test_another_in_a_quote_or_a_recap_is_no_new_incident(extractor: Extractor, aside: str) -> None:
    text = ("A bomb exploded on the railway track in Mastung on Tuesday, killing two people, officials said.\n\n"
            f"{aside}\n\nTrain services were suspended.")
    assert len(run(extractor, text)) == 1


def test_an_aftermath_story_reports_no_new_incident(extractor: Extractor) -> None:
    text = ("PESHAWAR: Thousands attended the funeral prayers of the victims at the Police Lines ground on Saturday, "
            "as shops stayed shut across the old city.\n\n"
            "Friday's bombing, which officials say killed 57 worshippers, has shaken the city.")
    assert run(extractor, text, published=datetime(2025, 3, 8, 9)) == []


COURT_BOMBING = "The suicide bombing outside the court complex killed 12 people and wounded 27."
ELDER_SHOT = "The elder was shot dead by armed motorcyclists near his home on Monday evening."


@pytest.mark.parametrize(("lede", "incident"), [
    ("ISLAMABAD: A joint operation by the police and the counter-terrorism department has arrested four members of a "
     "militant cell linked to Tuesday's suicide attack on the court complex, the government said on Friday.",
     COURT_BOMBING),
    ("ISLAMABAD: The United Nations on Wednesday condemned Tuesday's suicide bombing outside the court complex.\n\n"
     "The secretary-general also offered condolences over a car explosion in a neighbouring country.", COURT_BOMBING),
    ("BAJAUR: The administration has imposed a curfew in parts of the district to facilitate a targeted operation "
     "against militants.\n\nResidents said traffic was thin in the morning and gunfire was heard near the hills.",
     COURT_BOMBING),
    ("GHALLANAI: Hundreds of tribesmen staged a sit-in on Wednesday to protest against the killing of a tribal elder, "
     "demanding the arrest of his killers.", ELDER_SHOT),
    ("LAHORE: The Counter-Terrorism Department (CTD) of Punjab on Thursday claimed to have arrested 11 suspected "
     "terrorists, foiling their plans to attack sensitive installations.", ELDER_SHOT),
    # a funeral whose dead are described by how they died; a condemnation of a killing told in its object; arrests
    # with explosives recovered in a raid
    ("KARACHI: Two musicians who were killed when gunmen fired on a passenger coach in Kalat on Wednesday night were "
     "laid to rest in Karachi on Friday, as hundreds of mourners gathered.", ELDER_SHOT),
    ("ISLAMABAD: A party chief on Saturday condemned the killing of a party leader in a bomb attack in Bajaur and "
     "accused the government of failing to protect religious scholars.", ELDER_SHOT),
    ("ISLAMABAD: The counter-terrorism department has arrested two suspected militants and recovered a suicide "
     "jacket and hand grenades from their possession in a raid near Tarnol, officials said on Wednesday.",
     COURT_BOMBING),
])
def test_a_reaction_lede_makes_the_story_an_aftermath(extractor: Extractor, lede: str, incident: str) -> None:
    assert run(extractor, f"{lede}\n\n{incident}", published=datetime(2025, 11, 14, 9)) == []


@pytest.mark.parametrize(("text", "event_type"), [
    # an officer singled out by post or duty, shot away from any post: a targeted killing
    ("D.I. KHAN: The station house officer of Kulachi police station was martyred and his gunman injured when "
     "unidentified assailants opened fire on their vehicle near Gara Mahsud on Friday evening.", "targeted_killing"),
    ("D.I. KHAN: A policeman escorting a polio vaccination team was martyred and a vaccinator was injured when armed "
     "men on a motorcycle opened fire on them in Tank on Monday.", "targeted_killing"),
    # a policeman killed in an attack on a post: an armed assault
    ("BANNU: A constable was martyred when militants opened fire on a police check post in Bannu on Monday.",
     "armed_assault"),
    # a target killed with one companion is still a targeted killing
    ("QUETTA: Gunmen shot dead a pro-government tribal elder and his bodyguard in the Dasht area on Monday "
     "night, officials said. A young relative was wounded.", "targeted_killing"),
    # the state acts first in the lede ("recovered the body"), but the post had been stormed: an assault
    ("D.I. KHAN: Police recovered the body of a fourth militant on Thursday near a police post that was stormed "
     "early on Wednesday, officials said. Three policemen were killed. Three attackers died at the post; the "
     "fourth body was found during a search on Thursday, bringing the number of attackers killed to four.",
     "armed_assault"),
    # an officer shot by men on a motorcycle away from any post; a victim and the escort of his team
    ("PESHAWAR: An assistant sub-inspector of police was martyred and his son injured when armed men on a motorcycle "
     "opened fire on them in the Badaber area on Tuesday evening.", "targeted_killing"),
    ("TANK: A polio vaccinator and the policeman escorting his team were shot dead and another member of the team "
     "was injured when armed motorcyclists opened fire on them near Mullazai on Tuesday.", "targeted_killing"),
    # a position stormed with grenades and rockets, the attackers driven off: an armed assault, not a bombing
    ("PESHAWAR: Militants attacked the Badaber police station with hand grenades and rocket launchers late on "
     "Saturday night, injuring two constables. The policemen on duty returned fire and the attackers fled.",
     "armed_assault"),
    # passengers pulled off a bus and shot: a kidnapping with its killing counted
    ("QUETTA: Gunmen stopped a bus near Noshki on Friday night, pulled off nine passengers after checking their "
     "identity cards and later shot them dead, officials said.", "kidnapping"),
    # one or two people singled out for who they are, shot dead: a targeted killing; an ambush stays an assault
    ("KARACHI: The prayer leader of a mosque was shot dead and two others, including his brother, were wounded "
     "when gunmen opened fire on them in Korangi on Tuesday night, police said.", "targeted_killing"),
    ("BANNU: A police officer was shot dead and two others were wounded when militants ambushed their vehicle and "
     "opened fire on them on Tuesday night, police said.", "armed_assault"),
    # a drone's explosives are a bombing; grenades among an assault's arms are the assault's
    ("LAKKI MARWAT: Two policemen were martyred and a third was injured when a quadcopter dropped explosives on a "
     "police patrol vehicle near Tajori on Tuesday afternoon, police said. The attack was the third on the police in "
     "the district this month.", "bombing"),
    ("PESHAWAR: A constable was martyred when terrorists attacked a police check post in Mattani on Sunday night. "
     "According to details, a group of heavily armed terrorists attacked the post from several directions with hand "
     "grenades and sophisticated weapons.", "armed_assault"),
    ("QUETTA: Two people were injured when unidentified men hurled a hand grenade at a shop on Saturday night, police "
     "said.", "bombing"),
    # the police repulse an attack and kill an attacker; the search operation afterwards does not make it theirs
    ("ATTOCK: Police repulsed an attack by militants on a check post near Hazro on Sunday night, killing one of the "
     "attackers, officials said. No policeman was hurt. A search operation was launched in the area.", "armed_assault"),
    # a hakeem shot in his clinic is singled out: the police who tell it, or are told to catch the killers, are not
    # the target
    ("PESHAWAR: A Sikh hakeem was shot dead in his clinic on Monday afternoon when two gunmen walked in and opened "
     "fire, police said. He died on the spot, according to police.\n\nHis family said he had no enemies.\n\nThe "
     "chief minister condemned the killing and ordered the police to arrest the killers.", "targeted_killing"),
    # two constables of a police station shot by motorcyclists on their way home: singled out, not a post attacked
    ("BANNU — 3 March 2025\n\n• Armed motorcyclists opened fire on Constable Amir Khan and Constable Rafiq of Police "
     "Station Domel while they were on their way home. Constable Amir Khan embraced shahadat and Constable Rafiq "
     "was injured.", "targeted_killing"),
    # "a group of armed khwarij attacked the post": the militants struck first, whatever the police did after
    ("D.G. KHAN — 3 March 2025\n\n• Early today a group of heavily armed khwarij attacked a border check post of "
     "Police Station Vehova from three directions.\n\n• The police retaliated and two terrorists were killed. A "
     "constable was injured.\n\n• A search operation is under way.", "armed_assault"),
    # men led away from a coach and later found shot dead, or whose bodies are found after they were taken off: a
    # kidnapping with its killing counted
    ("ZHOB: Gunmen stopped a coach on the highway late on Monday, checked the travellers' identity cards and led "
     "away six men, who were later found shot dead, officials said.", "kidnapping"),
    ("KALAT: The bodies of four men who were taken off a passenger coach by armed men near Surab on Monday night "
     "were found in the hills on Tuesday. A fifth abducted passenger was found alive with bullet wounds, Levies "
     "officials said.", "kidnapping"),
    # troops who kill the militants "who took part in an attack" days before: an operation
    ("PESHAWAR: Security forces killed 12 militants who took part in an attack on a convoy in Kurram last week, the "
     "military said on Friday. A search operation was under way.", "security_operation"),
])
def test_a_targeted_killing_singles_out_its_victim(extractor: Extractor, text: str, event_type: str) -> None:
    [event] = run(extractor, text)
    assert event.event_type == event_type


def test_a_strike_against_a_killing_is_an_aftermath_story(extractor: Extractor) -> None:
    text = ("KHAR: A complete shutter-down strike was observed across Bajaur district on Monday to protest against the "
            "killing of a party leader and his son.\n\nMarkets in Khar and Nawagai remained closed, and traders marched "
            "to the district headquarters.\n\nThe leader and his son were shot dead outside a mosque in the Batwar area "
            "after Friday prayers last week.")
    assert run(extractor, text) == []


def test_a_separate_incident_in_an_aftermath_story_is_news(extractor: Extractor) -> None:
    text = ("ISLAMABAD: Police have arrested four men linked to Tuesday's suicide attack on the court complex.\n\n"
            "The suicide bombing killed 12 people.\n\n"
            "In a separate incident, gunmen shot dead two policemen in Bannu on Friday, police said.")
    [event] = run(extractor, text, published=datetime(2025, 11, 14, 19))
    assert (event.killed, event.location.district) == (2, "Bannu")


def test_a_statistic_goes_on_in_the_next_sentence(extractor: Extractor) -> None:
    text = ("ISLAMABAD: Militant attacks rose by 56 per cent in 2021, a think tank said on Sunday.\n\n"
            "The think tank recorded 294 militant attacks during the year. A total of 606 people were injured, "
            "389 of them civilians and 217 security personnel.")
    assert run(extractor, text, published=datetime(2022, 1, 3, 9)) == []


def test_a_first_report_with_a_narrative_lede_is_kept(extractor: Extractor) -> None:
    text = ("PESHAWAR: The market was crowded with shoppers on Friday afternoon.\n\n"
            "A bomb exploded near a fruit stall, killing seven people and wounding 20, police said.")
    [event] = run(extractor, text, published=datetime(2025, 3, 7, 19))
    assert event.killed == 7



def test_a_part_is_the_toll_only_for_the_dead(extractor: Extractor) -> None:
    levies = run(extractor, "A roadside bomb hit a Levies vehicle in Kalat on Tuesday, killing at least three of them.")
    assert [e.killed for e in levies] == [3]
    market = run(extractor, "A bomb exploded in a market in Bannu on Tuesday, killing four people and wounding "
                            "several others, two of them critically, doctors said.")
    assert [(e.killed, e.injured) for e in market] == [(4, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A blast ripped through an election office, martyring ten persons and injuring 12 others.",
         {"killed": [10], "injured": [12]}),
        # the toll of the attack the militants had taken part in is not this operation's
        ("Security forces have killed 30 militants who took part in an attack that killed 11 soldiers.",
         {"attackers_killed": [30]}),
    ],
)
def test_present_participles_and_the_toll_of_a_referenced_attack(nlp: Language, text: str,
                                                                  expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_the_earlier_clash_is_another_incident(extractor: Extractor) -> None:
    text = ("PESHAWAR: Security forces killed 19 militants in an operation in Orakzai on Friday, the military said.\n\n"
            "In the earlier clash, on the night of Tuesday, eleven soldiers were killed in the same area.")
    [event] = run(extractor, text, published=datetime(2025, 10, 10, 12))
    assert event.event_type == "security_operation" and event.killed in (None, 0)


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        # groups of victims add up; a total comes first and is set off from its parts
        ("Three policemen, a child and two passers-by were killed when the bomb exploded in Quetta on Sunday.", 6, None),
        ("A security guard and a passer-by were killed when gunmen attacked a convoy in Karachi on Sunday.", 2, None),
        ("Gunmen killed a tribal elder and his son in Khyber on Wednesday.", 2, None),
        # "it" takes up the death toll of the sentence before
        ("Officials at the hospital initially put the death toll of the convoy ambush in Kurram at 12. By Sunday "
         "morning it had risen to 15 after three wounded passengers died.", 15, None),
        # the death that brought the toll to three is one of the three
        ("PESHAWAR: A militant group on Wednesday claimed an attack on a police post in Bannu that killed three "
         "police officers, after a wounded officer died overnight, officials said.", 3, None),
        # parts, then the whole "in all"
        ("MIR ALI: Two soldiers and three civilians, including a boy, embraced shahadat, five in all, when a car bomb "
         "struck a convoy on Monday, the ISPR said.", 5, None),
        # a companion "along with" the victim is dead too
        ("A trader was shot dead along with his nephew in Chitral on Sunday, police said.", 2, None),
        # "who was a member of the jirga" is the victim again; "the other injured soldier" is the one left wounded
        ("An elder who was a member of the district peace jirga was shot dead in Tank on Monday.", 1, None),
        ("The toll of the attack on a Levies post in Zhob rose to three on Monday after an injured sepoy died. The "
         "other injured soldier remained under treatment.", 3, 1),
        ("A bomb exploded in Bannu on Monday. Six people, four policemen and two passers-by, were injured.", None, 6),
        # a count said earlier gives way to the current one, wherever it was repeated
        ("Gunmen ambushed a convoy in Kurram on Monday. Officials initially said 11 people were killed. A district "
         "spokesman later said nine people were killed, as two victims had been counted twice.", 9, None),
        ("Militants stormed a police school in Dera Ismail Khan on Monday. Sources said eight people were killed. "
         "The DPO said the earlier figure of eight deaths was incorrect. Six people were killed.", 6, None),
        ("A bomb hit a van in Bannu on Sunday. Initial reports said five people were killed, but police later said "
         "four died.", 4, None),
        # the injury completes the verb
        ("Gunmen opened fire on labourers in Panjgur on Monday, killing five. Two other labourers sustained bullet "
         "injuries.", 5, 2),
        ("A quadcopter dropped explosives on a house in Bannu on Monday, killing a child. Four other members of the "
         "family were shifted to hospital with injuries.", 1, 4),
    ],
)
def test_tolls_as_reports_write_them(extractor: Extractor, text: str, killed: int | None, injured: int | None) -> None:
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two labourers were killed and another injured when gunmen opened fire at a construction site in Gwadar on "
         "Tuesday, police said.", (2, 1)),
        # a parse that makes the participle the verb still finds the victim of "was martyred"
        ("A policeman deployed for the security of a polio vaccination team was martyred in an attack in Bajaur on "
         "Tuesday, police said.", (1, None)),
        ("In Khyber district, unidentified gunmen shot dead Malik Gul Zameer, a tribal elder, in Bara tehsil on "
         "Tuesday morning.", (1, None)),
        # a total, then some of its parts after a dash
        ("A suicide bomber rammed a car into a convoy in Shangla on Tuesday, killing six people - five Chinese "
         "nationals and their Pakistani driver - police said.", (6, None)),
        # "aged 33" is the soldier's age, not a second count
        ("RAWALPINDI: A soldier embraced shahadat during an exchange of fire with terrorists in North Waziristan on Monday, "
         "the ISPR said.\n\n\"During the intense exchange of fire, Naik Muhammad Asif, aged 33, resident of District "
         "Okara, having fought gallantly, embraced shahadat,\" the statement said.", (1, None)),
        # a name the tagger misses, with a person noun in apposition, and a conjoined killing verb
        ("Khalil Jibran, a veteran correspondent for a Pashto-language channel, was dragged from his car by gunmen in "
         "Landi Kotal on Tuesday and shot dead.", (1, None)),
        # the group's own count is a claim; the official toll stands
        ("QUETTA: Three soldiers and two civilians were martyred in a suicide attack on a convoy near Noshki on "
         "Tuesday, officials said. The banned BLA, which claimed the attack, had put the number of dead at 90.", (5, None)),
        ("QUETTA: Nine soldiers were killed when militants ambushed their convoy in the Bolan Pass on Tuesday.\n\n"
         "The Balochistan Liberation Army claimed responsibility in a statement, saying its fighters had killed more "
         "than 20 personnel.", (9, None)),
        ("QUETTA: Gunmen hijacked a passenger train in the Bolan Pass on Tuesday, and at least six people were "
         "martyred, officials said.\n\nThe BLA claimed responsibility for the hijacking and said it was holding 214 "
         "people hostage and had killed 30 soldiers, claims that officials dismissed.", (6, None)),
        # "also" adds only the figure it stands by: the two named soldiers are the two martyred
        ("PESHAWAR: Two soldiers were martyred in an operation in North Waziristan on Tuesday, the ISPR said. During "
         "the exchange of fire, Naik Ayaz, a resident of Karak district, and Sepoy Zahid, a resident of Lakki Marwat "
         "district, embraced shahadat, the ISPR said, adding that an officer was also injured.", (2, 1)),
        # the people a sentence counted, then killed
        ("Gunmen stopped a bus near Noshki on Tuesday, abducted nine passengers and later shot them dead, officials "
         "said.", (9, None)),
        # "the number of shuhada ... rose to 43"; one of the injured who died is not among the injured
        ("PARACHINAR: The number of shuhada of the attack on the passenger convoy in Kurram rose to 43 after a woman "
         "injured in Tuesday's firing succumbed to her wounds at a hospital in Peshawar.", (43, None)),
        # reported speech keeps its past perfect: the toll moving, not a recap
        ("QUETTA: The death toll from the bombing at the railway station in Quetta rose to 26 on Tuesday. A health "
         "department spokesman said two of the wounded had died overnight and that 62 people had been injured.",
         (26, 62)),
        # a life lost; a count whose "including" phrase holds the casualty words; some spared is no zero toll
        ("KARACHI: A watchman lost his life while four persons including a Chinese technician sustained bullet "
         "injuries when gunmen fired on a van in Landhi on Tuesday. Two of the technicians escaped unhurt.", (1, 4)),
        # the injured "under treatment"; a place-named victim in a list of names is a person
        ("BANNU: Three policemen were martyred when a roadside bomb hit their van near Domel on Monday. Constables "
         "Arif Khan, Zahir Shah and Shah Faisal embraced shahadat, while two others, Constable Gul Zaman and the "
         "driver, were under treatment at the hospital.", (3, 2)),
        # a count whose parts are named after a dash; the gunmen of a "when" clause are not victims
        ("QUETTA: A guard was killed and three people — a trader, his son and a second guard — were wounded when "
         "two men on a motorcycle fired on their car in Satellite Town on Tuesday, police said.", (1, 3)),
        # the toll raised from one figure to another is the second
        ("BANNU: Seven soldiers were martyred when a suicide bomber rammed a car into a convoy in Mir Ali on Tuesday, "
         "officials said.\n\nTwo of the soldiers who had been critically injured succumbed to their wounds late at "
         "night, raising the toll from five to seven, a security official said.", (7, None)),
        # a conjoined verb that the subject suffers ("fought and embraced shahadat")
        ("PESHAWAR: Militants attacked a check post in Tirah on Tuesday, the ISPR said. Two soldiers, Naik Zar Gul "
         "and Sepoy Amin, fought gallantly and embraced shahadat.", (2, None)),
        # a person noun that the parser hangs on the participle after it
        ("KOHAT: A constable deputed for the security of a polio team was shot dead by gunmen in the Lachi area on "
         "Monday morning, police said. The two polio workers he was escorting remained unhurt.", (1, None)),
        # a victim named by whose relative he is
        ("MASTUNG: A tribal elder was shot dead by gunmen in Dasht on Monday night. The elder's nephew was injured "
         "and taken to a hospital in Quetta.", (1, 1)),
        # the toll of the attacks a clause recalls ("a week after ...") is not this one's
        ("QUETTA: Gunmen shot dead a tribal elder and his guard in Dasht on Monday night, officials said, a week "
         "after seven soldiers were killed in two attacks in the same area.", (2, None)),
        # a stated zero beats the attackers' claim; "escaped unharmed"
        ("GWADAR: Militants attacked a convoy carrying foreign engineers on Sunday, but the engineers and their escort "
         "escaped unharmed and two attackers were killed. 'There was no loss of life,' an official said. The BLA "
         "claimed responsibility and said its fighters had killed more than a dozen soldiers. Officials rejected the "
         "claim.", (0, 0)),
        # another subject's death in the clause after "but"; a rank counted over a period is no toll
        ("KHUZDAR: A journalist was shot dead by gunmen near his house on Friday. His nephew was wounded. Both were "
         "taken to the hospital, but the journalist succumbed on the way. The union said he was the third journalist "
         "from the district killed in ten years.", (1, 1)),
        # "one more than initially reported" is a difference, not a count
        ("KHAR: A roadside bomb killed a tribal elder and his driver in Bajaur on Monday and also wounded four "
         "passers-by, one more than initially reported, police said.", (2, 4)),
        # a revised-down toll is the old figure
        ("D.I. KHAN: Four policemen were killed when militants attacked a police station overnight, police said, "
         "revising down a toll of six given earlier by rescue officials.", (4, None)),
        # a range's upper bound is no second count
        ("GILGIT: Eight people were killed and between 20 and 25 injured when gunmen fired on a passenger coach near "
         "Chilas on Wednesday.", (8, 20)),
        # "among the N ... who were pulled off buses and shot dead": the toll is N
        ("D.G. KHAN: Six men from Rajanpur were among the 11 passengers who were pulled off buses and shot dead by "
         "gunmen in Musakhel on Friday night, officials said.", (11, None)),
        # a bomb disposal squad that comes after the blast foiled nothing: "no loss of life" tells the dead, not the hurt
        ("SIBI: A blast tore up a stretch of the railway line near Nari on Sunday night. There was no loss of life, "
         "a railway official said. A bomb disposal squad reached the site and collected evidence.", (0, None)),
        # badge numbers are not counts
        ("LAKKI MARWAT: Terrorists attacked Police Station Tajazai on Wednesday night. Constable Ihsanullah (No. 611) "
         "embraced shahadat while defending the police station.", (1, None)),
        # the injured who later died leave the injured count, unless the first count already had them dead
        ("MASTUNG: Three policemen were killed and eight were wounded on Monday when militants attacked a check post, "
         "officials said. Two of the wounded later died in hospital, raising the toll to five.", (5, 6)),
        ("BAJAUR: Six policemen were martyred and 27 others injured when a bomb hit their vehicle on Monday. One of the "
         "wounded died overnight at a hospital in Peshawar, taking the toll to six.", (6, 27)),
        # an emergency service's name is no count; the injured who remain after two more died
        ("MIR ALI: At least three people were killed in a blast at the cattle market on Monday, according to Rescue "
         "1122. Twenty-seven injured people were moved to hospital. The police later confirmed that two more of the "
         "injured had died, taking the death toll to five. Twenty-five injured remain under treatment.", (5, 25)),
        # a named victim and some of the men with him, all shot dead
        ("KHYBER: Gunmen opened fire on a pickup in Bara on Monday. Malik Gul Zaman and three of the men with him were "
         "shot dead.", (4, None)),
        # one of N killed gives the toll; a list restated in apposition ("both Chinese nationals") is no more victims
        ("KARACHI: Sepoy Asif, 23, was one of three Frontier Corps soldiers martyred when a bomb hit their vehicle on "
         "the Buleda road on Monday. Two more soldiers were wounded.", (3, 2)),
        ("KARACHI: A gunman shot dead a dentist at a clinic in Saddar on Monday. A man and a woman, both Chinese "
         "nationals, were wounded and taken to hospital.", (1, 2)),
        # one man named three ways is one victim; a companion killed "along with" the target is another
        ("TIMERGARA: A bomb hit the car of a local party leader in Balambat on Tuesday.\n\nHis guard, Amjad Ali, 32, a "
         "resident of Khall, who was sitting in the front seat, died on the way to hospital.", (1, None)),
        ("KHAR: A tribal elder who had headed a village peace committee was killed along with his nephew when a bomb "
         "went off beside their vehicle in Damadola on Sunday.", (2, None)),
        # "passer-by" is one word to the parser
        ("PESHAWAR: A suicide bomber rammed into a police vehicle in a market in Bara on Tuesday, killing five "
         "policemen and a passer-by, officials said.", (6, None)),
        # one of the counted wounded died, leaving a stated number in treatment
        ("QUETTA: A bomb hidden in a parked motorcycle killed three police officers in Quetta on Monday. One of four "
         "officers wounded in the blast died in hospital overnight, police said, leaving three in treatment.", (3, 3)),
        # named victims in a list, their badge numbers in brackets; a list of the injured with ranks
        ("LAKKI MARWAT: Terrorists attacked Police Station Tajazai on Wednesday night.\n\nShuhada: Constable "
         "Ihsanullah (No. 611) and Constable Muhammad Arif (No. 874) embraced shahadat.\n\nInjured: ASI Qudratullah, "
         "Constable Shahid Khan and Constable Wali Jan received injuries and were shifted to hospital.", (2, 3)),
        # "a member of the committee" is one person, not a part; one man described twice is one victim
        ("MINGORA: A member of the local peace committee and his driver were killed when a bomb exploded near their "
         "vehicle in Matta on Saturday.", (2, None)),
        ("CHARSADDA: A student of the journalism department and an active worker of the students' federation was shot "
         "dead near his village in Tangi on Friday.", (1, None)),
        # the victim of the attack a clause recalls ("two days after ...") is not this attack's
        ("PESHAWAR: The SHO of the Shahpur police station, Shakeel Khan, was shot dead near the Chamkani bridge on "
         "Thursday, two days after an inspector of the Intelligence Bureau was killed in the inner city.", (1, None)),
        # "also" names the one a count left unnamed
        ("KARACHI: A car bomb hit a van carrying Chinese nationals in Landhi on Tuesday, killing at least two people, "
         "including a Chinese engineer, police said. The Pakistani driver of the van was also killed.", (2, None)),
        # "no casualties among own troops" speaks of one side's dead, not of anyone's wounded
        ("RAWALPINDI: Security forces killed five terrorists in an intelligence-based operation "
         "in the Spinwam area of North Waziristan district on Tuesday, the ISPR said. "
         "There were no casualties among own troops, the statement said.", (0, None)),
        # ... while "no casualties" of the attack speaks of everyone
        ("QUETTA: A bomb damaged a gas pipeline in Dera Bugti district on Tuesday night, officials said. "
         "There were no casualties in the blast.", (0, 0)),
    ],
)
def test_tolls_as_news_writes_them(extractor: Extractor, text: str, expected: tuple[int | None, int | None]) -> None:
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == expected


def test_a_live_page_with_its_newest_entry_first_takes_the_newest_toll(extractor: Extractor) -> None:
    text = ("20:10 PKT — Hospital officials say the death toll from the bombing at the mosque in Peshawar has "
            "risen to 100.\n\n"
            "17:45 PKT — The provincial police chief puts the toll at 95 dead.\n\n"
            "09:30 PKT — The toll rose to 61 overnight as more bodies were pulled from the rubble.\n\n"
            "08:00 PKT — A suicide bomber blew himself up in the mosque on Monday, killing dozens.")
    [event] = run(extractor, text, published=datetime(2023, 1, 31, 20, 15))
    assert event.killed == 100
    chronological = "\n\n".join(reversed(text.split("\n\n")))
    [event] = run(extractor, chronological, published=datetime(2023, 1, 31, 20, 15))
    assert event.killed == 100


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a wire dateline gives the filing day, not the day of the attack
        ("QUETTA, Pakistan, Nov 10 (TCP) - The death toll from a suicide bombing at the railway station in Quetta "
         "rose to 26, officials said on Sunday.\n\nThe bomber struck on Saturday morning on a crowded platform.",
         datetime(2024, 11, 10, 10), "2024-11-09"),
        # a day, even one a statement was made on, before a year of a statistic
        ("QUETTA: Twelve soldiers were killed in an attack on a garrison in Zhob, the military said on Wednesday.\n\n"
         "Militant attacks rose 79 per cent in the first half of 2023, a think tank said.",
         datetime(2023, 7, 13, 9), "2023-07-12"),
        # "on Saturday revised the toll of Monday's bombing": the bombing's day
        ("Police on Saturday revised the death toll of Monday's suicide bombing at the mosque in Peshawar down to 84.",
         datetime(2023, 2, 4, 19), "2023-01-30"),
        # a day that names the incident beats the day of the revision
        ("PESHAWAR, Pakistan — Hospital officials on Wednesday raised the death toll from Monday's suicide bombing at a "
         "police checkpoint in Peshawar to 12.", datetime(2023, 4, 19, 15), "2023-04-17"),
        # the day a statement went out is not the day of the attack it claims
        ("ISLAMABAD — The Pakistani Taliban have claimed an ambush that killed five soldiers this week. The TTP said in "
         "a statement sent to reporters late on Friday that its fighters had attacked a convoy on Thursday in North "
         "Waziristan.", datetime(2022, 4, 16, 15), "2022-04-14"),
        # the day on the trigger's own verb beats the day of the aftermath
        ("KARACHI: Gas supply remained curtailed on Monday after a pipeline was blown up near Sui in Dera Bugti "
         "district on Sunday night, officials said.", datetime(2021, 11, 16, 7), "2021-11-14"),
    ],
)
def test_the_incident_day_not_the_filing_day(extractor: Extractor, text: str, published: datetime, expected: str) -> None:
    [event] = run(extractor, text, published=published)
    assert str(event.date) == expected


def test_a_recap_since_an_incident_is_background_but_a_running_toll_is_not(extractor: Extractor) -> None:
    text = ("QUETTA: Two FC personnel were injured when a roadside bomb hit their vehicle in Kech on Tuesday.\n\n"
            "Balochistan has been on edge since last week's hijacking of a passenger train in the Bolan Pass, which "
            "ended with the killing of 33 attackers.")
    assert [(e.location.district, e.injured) for e in run(extractor, text)] == [("Kech", 2)]
    opened = ("ISLAMABAD: The TTP called off its ceasefire with the government on Monday, a statement said.\n\n"
              "Earlier this month the TTP claimed an ambush that killed six policemen in Lakki Marwat.")
    assert run(extractor, opened) == []
    later = ("WANA: Three soldiers were martyred as troops cleared a cadet college attacked by militants on Monday.\n\n"
             "The attack was followed on Tuesday by a suicide bombing outside the courts in Islamabad, in which 12 "
             "people were killed.")
    assert [e.killed for e in run(extractor, later)] == [3]
    siege = ("BANNU: Two commandos were killed on Tuesday as troops stormed the compound in Bannu. Their deaths "
             "brought to three the number of security personnel killed since the siege began.")
    assert [e.killed for e in run(extractor, siege)] == [3]


def test_a_victims_home_district_does_not_open_another_incident(extractor: Extractor) -> None:
    text = ("RAWALPINDI: On the night of March 3, terrorists attempted to attack a security forces' post in Jani Khel, "
            "Bannu District, the ISPR said. Three terrorists were sent to hell in the exchange of fire.\n\n"
            "However, during the exchange of fire, two soldiers, Havildar Sher Zaman (resident of District Karak) and "
            "Sepoy Irfan (resident of "
            "District Lakki Marwat), embraced shahadat, while three soldiers got injured.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed, event.injured) == ("Bannu", 2, 3)


def test_a_paragraph_under_another_dateline_is_another_citys_side_of_the_story(extractor: Extractor) -> None:
    text = ("PESHAWAR: At least 12 people were martyred when a suicide bomber blew himself up at a police checkpost on "
            "Warsak Road on Monday evening.\n\nPolice said the bomber detonated his vest when constables asked him to "
            "stop.\n\nKARACHI: Following the Peshawar attack, the Sindh police chief ordered enhanced security at police "
            "stations in Karachi. No one will be allowed to approach a checkpost in Karachi without being searched.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed) == ("Peshawar", 12)


@pytest.mark.parametrize(("items", "expected"), [
    # a digest's datelined items
    ("Tonight's brief covers two attacks on police in the south on Sunday.\n\n"
     "LAKKI MARWAT — Militants raided a police station in the Naurang area late on Sunday night, killing four "
     "policemen.\n\nBANNU — Earlier on Sunday, a roadside bomb hit a police vehicle in the Domel area. Police said "
     "two constables were killed.", [("Bannu", 2), ("Lakki Marwat", 4)]),
    # a monitor's numbered log, each entry headed by its date and place
    ("This log records incidents our monitors documented between 24 February and 2 March 2025.\n\n"
     "1. 25.02.2025 - Naurang, Lakki Marwat. Four policemen were killed when militants raided a police station.\n\n"
     "2. 27.02.2025 - Domel, Bannu. Two constables were killed when a roadside bomb hit their vehicle.",
     [("Bannu", 2), ("Lakki Marwat", 4)]),
    # a morning letter's topic lines in capitals, each alone in its paragraph
    ("Good morning. It's Wednesday.\n\nPOLICE UNDER FIRE.\n\nFour policemen were killed when militants raided a "
     "police station in Naurang, Lakki Marwat, on Monday night.\n\nGAS.\n\nSupply from the Pir Koh gas field "
     "in Dera Bugti was suspended on Sunday after unidentified men blew up a section of the pipeline. No one "
     "was hurt.\n\nWEATHER.\n\nCold and dry in the plains.", [("Dera Bugti", 0), ("Lakki Marwat", 4)]),
    # a risk brief's labelled entries with fields after bars; a context entry dated before them is no part of either
    ("OVERVIEW: Two attacks in the south this week.\n\n"
     "INCIDENT — Bannu, KP | 3 March | Raid. Militants stormed a police post in Domel. Three policemen killed.\n\n"
     "INCIDENT — Lakki Marwat, KP | 4 March | IED. A roadside bomb hit a police van near Naurang. Two constables "
     "killed; five wounded (three policemen, two passers-by).\n\n"
     "CONTEXT — Afghanistan | 1 March | A TTP commander killed with four aides in a blast in Khost.",
     [("Bannu", 3), ("Lakki Marwat", 2)]),
])
def test_items_under_their_own_headings_are_separate_incidents(extractor: Extractor, items: str,
                                                                expected: list[tuple[str, int]]) -> None:
    events = run(extractor, items)
    assert sorted((e.location.district, e.killed) for e in events) == expected


def test_a_briefs_entry_keeps_its_day_and_an_outlook_adds_nothing(extractor: Extractor) -> None:
    text = ("KEY JUDGEMENT: Violence persists in the north-west.\n\n"
            "INCIDENT — Tank, KP | 18 February | Shooting. Gunmen fired on a police van; constable killed, one "
            "wounded.\n\nOUTLOOK — The TTP has not ended its truce, but attacks attributed to its fighters are rising.")
    [event] = run(extractor, text)
    assert (event.location.district, str(event.date), event.killed, event.perpetrator.name) == (
        "Tank", "2025-02-18", 1, None)


def test_a_live_page_whose_newest_entry_is_a_reaction_keeps_the_incident(extractor: Extractor) -> None:
    text = ("Live updates on the attack on a bus in Kalat.\n\n"
            "2:05 PM — The interior minister condemns the attack.\n\n"
            "1:40 PM — The district administration confirms four passengers martyred and six injured.\n\n"
            "11:20 AM — Reports of firing on a passenger bus in the Mangochar area of Kalat.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed, event.injured) == ("Kalat", 4, 6)


def test_a_live_page_whose_newest_entry_is_a_later_turn_keeps_the_incident(extractor: Extractor) -> None:
    text = ("Live coverage of the clash in the hills above Kabal, Swat.\n\n"
            "9:05 PM — Police sources now say the militants are holding two of the wounded policemen.\n\n"
            "7:00 PM — Swat police confirm three personnel were wounded in the exchange of fire.\n\n"
            "4:30 PM — Exchange of fire reported between police and militants near Kabal in Swat.")
    [event] = run(extractor, text)
    assert (event.location.district, event.injured) == ("Swat", 3)


def test_a_claim_story_reports_the_incident(extractor: Extractor) -> None:
    text = ("KARACHI — A separatist group on Thursday claimed responsibility for the shooting of a shopkeeper at his "
            "store in Karachi, an attack that has alarmed traders.\n\nThe Sindhudesh Revolutionary Army said in a "
            "statement that it had carried out Wednesday's attack in Lyari. The shopkeeper was killed and two "
            "customers were wounded when a gunman opened fire inside the store.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, event.perpetrator.attribution) == (1, 2, "claimed")


def test_a_train_that_came_off_the_rails_after_a_blast_is_the_news_and_an_old_hijacking_is_not(
        extractor: Extractor) -> None:
    text = ("KARACHI — A separatist group has claimed a bomb that derailed a passenger train in Sindh, officials said on "
            "Wednesday.\n\nFive coaches came off the rails on Tuesday after a device planted under the track "
            "exploded near Jacobabad. Three passengers were injured.\n\nIn March, fighters of another group hijacked "
            "a train in Balochistan. The military said 20 hostages were killed and all 30 attackers died.")
    [event] = run(extractor, text, published=datetime(2025, 10, 8, 15))
    assert (event.location.district, event.injured, event.attackers_killed) == ("Jacobabad", 3, None)


def test_a_dateline_that_heads_the_lede_does_not_carry_into_the_next_paragraph(extractor: Extractor) -> None:
    text = ("Quetta blast toll rises to nine as injured policeman succumbs\n\nQUETTA: The death toll from Tuesday's "
            "bomb blast in Quetta rose to nine on Thursday after an injured policeman succumbed, officials said.\n\n"
            "The explosion had initially killed five people. Three more victims died in hospital on Wednesday. "
            "Hospital sources said the number of injured under treatment stood at 15.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == (9, 15)


def test_a_wire_note_before_the_dateline_does_not_hide_the_lede(extractor: Extractor) -> None:
    text = ("(Adds police statement, details of casualties in paragraphs 3-5)\n\nLAHORE, Pakistan, March 4 (TNW) - "
            "Police repelled an attack by militants on a checkpost in the early hours of Tuesday, killing three of the "
            "attackers, a spokesman said.\n\nAround 20 militants attacked the Lakhani checkpost in Dera Ghazi Khan "
            "district, the spokesman said.\n\nNo police personnel were killed, and two constables were injured.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed, event.injured, event.attackers_killed) == ("Dera Ghazi Khan", 0, 2, 3)


def test_the_scene_not_the_landmark_nor_the_province_of_the_lede(extractor: Extractor) -> None:
    text = ("A separatist group has claimed responsibility for a suicide car bombing that killed seven members of a "
            "paramilitary force on a highway about 70 kilometres south-east of Quetta, the capital of Balochistan "
            "province.\n\nThe attack struck a Frontier Corps convoy in the Bolan Pass on Sunday afternoon.\n\n"
            "The BLA has increasingly turned to suicide attacks. Balochistan also hosts Chinese-funded projects, "
            "among them the port of Gwadar.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed) == ("Kachhi (Bolan)", 7)


def test_militants_killed_since_the_beginning_of_the_year_are_a_statistic(extractor: Extractor) -> None:
    text = ("RAWALPINDI: Security forces killed four terrorists in an intelligence-based operation in Kech district on "
            "Monday, the ISPR said.\n\nOfficials say the security forces have stepped up operations across Balochistan. "
            "According to official figures, more than 300 terrorists have been killed in the province since the "
            "beginning of the year.")
    [event] = run(extractor, text)
    assert (event.event_type, event.attackers_killed) == ("security_operation", 4)


def test_a_disputed_count_and_a_weeks_tally_are_not_the_toll(extractor: Extractor) -> None:
    text = ("QUETTA: The death toll from Saturday's bombing at the railway station rose to 26, while 62 others were "
            "still being treated at hospitals, officials said.\n\nUnconfirmed figures of 32 deaths, carried by some "
            "social media accounts, were rejected by the provincial government.\n\nSecurity forces have killed 30 "
            "terrorists in different operations over the past week. The bombing came less than a month after gunmen "
            "attacked coal mines in Duki, killing 21 miners.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, event.attackers_killed) == (26, 62, None)


def test_a_statistic_runs_on_over_several_sentences(extractor: Extractor) -> None:
    text = ("QUETTA: Two Levies men were shot dead at a checkpost in Kalat on Monday, officials said.\n\n"
            "The monitor recorded 112 attacks in Pakistan in January. In these, 296 people were killed and 212 were "
            "injured. At least 79 civilians were killed.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed) == ("Kalat", 2)


@pytest.mark.parametrize(("paragraph", "kind"), [
    ("BANNU — Earlier on Sunday, a roadside bomb hit a police vehicle.", "item"),
    ("2. 23.10.2025 - Buleda, Kech.", "item"),
    ("Chitkan, Panjgur.", "item"),
    ("CONTEXT — Attacks on police have risen since the ceasefire ended.", "label"),
    ("Updates to earlier entries: one of the labourers was found alive.", "label"),
    ("Police said: the attackers fled towards the mountains.", None),
    ("Militants attacked a police post in Bannu on Sunday.", None),
])
def test_section_headings(extractor: Extractor, paragraph: str, kind: str | None) -> None:
    doc = extractor.nlp(extractor._doc(to_article({"id": "t", "text": "Intro line.\n\n" + paragraph})))
    info = next(i for i in doc._.sentences if i.paragraph == 1)
    assert section_heading(info) == kind


def test_a_claim_for_blowing_up_a_pipeline_is_the_news(extractor: Extractor) -> None:
    text = ("SUI: The banned Baloch Republican Army has accepted responsibility for blowing up a gas pipeline in "
            "Dera Bugti district on Monday night.\n\nGas supply was restored on Tuesday after repairs, officials said, "
            "adding that there was no loss of life.")
    [event] = run(extractor, text)
    assert (event.event_type, event.location.district) == ("infrastructure_attack", "Dera Bugti")
    assert event.perpetrator.name == "Baloch Republican Army"


def test_a_feature_that_reports_a_new_attack_late_keeps_it(extractor: Extractor) -> None:
    text = ("TANK: By five in the afternoon the shutters come down in the main bazaar of this town.\n\n"
            "Residents say the fear that receded years ago has returned, and traders say they pay extortion to "
            "keep their shops open and their families safe.\n\n"
            "Police records show dozens of policemen killed in the district over the past decade, officials say.\n\n"
            "On Monday night, gunmen attacked a police post on the road out of Tank. One constable was killed and "
            "two others were wounded, a police officer said.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, str(event.date)) == (1, 2, "2025-03-03")
    aftermath = text.replace("On Monday night, gunmen attacked a police post", "The attack on the police post")
    assert run(extractor, aftermath) == []
    # the day can lead into the sentence that reports the attack
    lead_in = text.replace("On Monday night, gunmen attacked a police post on the road out of Tank.",
                           "The latest attack came on Monday night. Gunmen stormed a police post on the road out of Tank.")
    assert [str(e.date) for e in run(extractor, lead_in)] == ["2025-03-03"]


@pytest.mark.parametrize(
    ("text", "district"),
    [
        # not the scene: a capital as the speaker
        ("ISLAMABAD — Militants attacked an army convoy in the Orakzai district on Tuesday, killing four soldiers, "
         "the military said.\n\nSecurity officials said the convoy was first hit by a roadside bomb. Islamabad "
         "accuses Kabul of sheltering the militants.",
         "Orakzai"),
        # not the scene: a country in the lede before the district
        ("QUETTA, Pakistan — A roadside bomb tore through a Levies vehicle in Pakistan's restive southwest on "
         "Tuesday, killing three of them, police said.\n\nThe blast took place near Mangochar in Kalat district.",
         "Kalat"),
        # not the scene: the post a victim served at
        ("PESHAWAR: The station house officer of the Shahpur police station was shot dead near the Chamkani "
         "bridge on Tuesday, police said.",
         "Peshawar"),
        # not the scene: a victim's home town
        ("KALAT: The bullet-riddled body of a Levies sepoy abducted from a check post on Sunday was found on "
         "Tuesday.\n\nThe sepoy, a resident of Khuzdar, bore bullet marks on the head, officials said.",
         "Kalat"),
        # not the scene: another place of the same name inside a locality's name, a victim's home named after
        # him, the province in an official's title
        ("KARACHI: A passer-by was killed and four people were wounded when a grenade exploded near a Rangers "
         "vehicle in Gulistan-e-Jauhar on Tuesday night.\n\nThe deceased was identified as Nadeem Abbas, a "
         "resident of Malir. The Sindh chief minister took notice of the blast.",
         "Karachi South"),
        # not the scene: a route's end ("services to and from Quetta") beside "the Bolan area"
        ("QUETTA: A bomb damaged a railway line in the Bolan area on Saturday, as officials said services to and "
         "from Quetta would resume.", "Kachhi (Bolan)"),
        # not the scene: a victim's home after "from"
        ("PESHAWAR: Three policemen and a passer-by were martyred in a suicide attack on a check post at Regi on "
         "Thursday. The passer-by was Fazal Karim, a fruit seller from Bara.", "Peshawar"),
        # the place's own district named in its sentence beats a boundary's other side
        ("MIANWALI: Militants opened fire on a police post in Isa Khel tehsil late on Saturday, crossing the river "
         "belt that separates Mianwali from Lakki Marwat district.", "Mianwali"),
        # the dateline beats a province named only in passing
        ("QUETTA: Ten people were martyred when a suicide bomber blew up a van near the FC headquarters on Tuesday. "
         "Security sources blamed militants of a group they said operates in Balochistan.", "Quetta"),
        # the place that holds a locality sharing another district's name
        ("PESHAWAR: Security forces killed six militants in the Bagh area of Landi Kotal on Tuesday, the ISPR said.",
         "Khyber"),
        # a victim's home after his name and age
        ("ISLAMABAD: Two policemen were martyred in a suicide bombing at a checkpoint in Tarnol on Wednesday. The dead "
         "were identified as ASI Muhammad Riaz, 48, from Chakwal and Constable Shahzad Gul, 26, from Bagh.",
         "Islamabad"),
        # a destination, not the scene
        ("HUB: A car rammed the escort of a convoy heading towards Karachi on Thursday, killing two policemen.",
         "Lasbela"),
        # a direction the attackers came from
        ("MIANWALI: Police repulsed an attack on a check post on Tuesday night, killing three attackers. About ten "
         "militants approached the check post from the direction of the Lakki Marwat border and opened fire with "
         "automatic weapons, police said.", "Mianwali"),
        # where the news caused concern, not where it happened
        ("ISLAMABAD — The Pakistani Taliban have claimed an ambush that killed five soldiers near the border this week, "
         "deepening concern in Islamabad that the ceasefire is over. The TTP said its fighters had attacked a convoy "
         "on Thursday in the Isham area of North Waziristan.", "North Waziristan"),
        # the way the attackers came, and a border's two sides, are not the scene
        ("Live coverage of the clash in the hills of Swat's Kabal tehsil.\n\n4:30 PM — Exchange of fire reported "
         "between police and militants at Shalpin, in the mountains on the border of Swat and Dir. Police say a search "
         "was launched after reports that armed men had entered the area from the direction of Upper Dir. Two "
         "policemen were wounded.", "Swat"),
        # a province named as the side the attackers came from
        ("LAHORE: Bhakkar police beat back an attack by a group of militants on a check post in the Kallur Kot area "
         "late on Monday, killing one attacker, the provincial police said on Tuesday.\n\nA police spokesman said "
         "about ten militants armed with heavy weapons tried to storm the post from the side of the Khyber "
         "Pakhtunkhwa border, but the policemen on duty drove them back after an exchange of fire that lasted an "
         "hour.", "Bhakkar"),
        # a province on the other side of a boundary
        ("LAHORE: A second policeman wounded in Monday night's attack on a post in the tribal area of Rajanpur died "
         "on Tuesday, officials said.\n\nConstable Asif was martyred during the fighting at the Sori post, which was "
         "attacked by a group of militants near the boundary with Balochistan.", "Rajanpur"),
        # a victim named with his home district
        ("BANNU: A suicide bomber rammed an explosives-laden car into a military convoy on Tuesday, killing seven "
         "soldiers, officials said. One of the dead was named as Havildar Rehmat Ullah, 34, from Karak district.",
         "Bannu"),
    ],
)
def test_the_scene_not_another_place_the_report_names(extractor: Extractor, text: str, district: str) -> None:
    [event] = run(extractor, text)
    assert event.location.district == district


@pytest.mark.parametrize(
    ("text", "attackers"),
    [
        # "the number of attackers killed" is the attackers' toll
        ("D.I. KHAN: Militants stormed a police post in Daraban on Wednesday, killing two policemen. Three attackers "
         "died at the post and a fourth body was found on Thursday, bringing the number of attackers killed to four.", 4),
        # the military's idiom for militants killed
        ("RAWALPINDI: Security forces conducted an operation in Datta Khel on Tuesday. After an intense exchange of "
         "fire, six khwarij were sent to hell, the ISPR said.", 6),
    ],
)
def test_attackers_killed_as_reports_write_them(extractor: Extractor, text: str, attackers: int) -> None:
    [event] = run(extractor, text)
    assert event.attackers_killed == attackers


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a claim on one day for an attack "a day earlier", the day parsed onto the claimant
        ("QUETTA: The banned BLA on Sunday claimed responsibility for a bomb blast that damaged a railway line in "
         "the Bolan area a day earlier.", datetime(2023, 4, 16, 10), "2023-04-15"),
        # a day the text states beats one guessed from "earlier this week"
        ("ISLAMABAD — A separatist group has claimed an attack on a van carrying foreign engineers in Karachi earlier "
         "this week, in which a guard was killed.\n\nThe group said its fighters had carried out Wednesday's attack "
         "in Korangi.",
         datetime(2023, 8, 18, 20), "2023-08-16"),
    ],
)
def test_the_day_of_the_attack_not_of_the_claim(extractor: Extractor, text: str, published: datetime, expected: str) -> None:
    [event] = run(extractor, text, published=published)
    assert str(event.date) == expected


def test_two_attacks_on_a_highway_between_two_towns_are_two_incidents(extractor: Extractor) -> None:
    text = ("QUETTA: Militants killed six security personnel in two attacks in Balochistan on Tuesday, officials said.\n\n"
            "In the first attack, a bomb exploded as an FC vehicle passed near Kirdgap in Mastung district, killing "
            "three soldiers.\n\n"
            "Hours later, gunmen stormed a Levies post in neighbouring Kalat district, on the Quetta–Karachi highway, "
            "killing three Levies personnel.")
    assert sorted(str(e.location.district) for e in run(extractor, text)) == ["Kalat", "Mastung"]


def test_an_attack_a_report_recalls_with_its_day_does_not_take_over(extractor: Extractor) -> None:
    text = ("PESHAWAR: Five soldiers and 13 civilians were martyred in Tuesday's attack on the Bannu cantonment, the "
            "ISPR said on Wednesday.\n\nThe attack came days after a suicide bomber struck a seminary in Akora Khattak "
            "during Friday prayers, killing six people.")
    [event] = run(extractor, text, published=datetime(2025, 3, 6, 7))
    assert (str(event.date), event.location.district, event.killed) == ("2025-03-04", "Bannu", 18)


def test_the_day_a_toll_rose_is_not_the_day_of_the_attack(extractor: Extractor) -> None:
    text = ("PESHAWAR, Pakistan, Sept 13 (CGW) — The death toll from a suicide car bombing at a checkpoint in Bannu rose "
            "to eight on Wednesday, officials said.\n\nThe attacker rammed a pickup truck into the wall of the post on "
            "Tuesday morning.")
    [event] = run(extractor, text, published=datetime(2023, 9, 13, 14))
    assert str(event.date) == "2023-09-12"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a claim in a statement "claiming the attack"
        ("KARACHI: A grenade hurled at a police mobile in Orangi Town on Sunday night killed a tea-stall worker. On "
         "Monday, a statement attributed to the banned Sindhudesh Revolutionary Army began circulating on WhatsApp "
         "groups claiming the attack.", ("Sindhudesh Revolutionary Army", "claimed")),
        # blame that "points towards" a group
        ("QUETTA: A bomb hit a police truck on Sariab Road on Monday, killing two officers. 'Initial investigations "
         "point towards the banned Balochistan Liberation Army,' the DIG told reporters.",
         ("Balochistan Liberation Army", "blamed")),
        # a group's mixed-case abbreviation before a full stop; the police rank SSP is no group
        ("KARACHI: A CTD sub-inspector was shot dead in Gulistan-e-Jauhar on Thursday. SSP East said the officer's "
         "record pointed to LeJ. No group had claimed responsibility.", ("Lashkar-e-Jhangvi", "blamed")),
        # the claim of the incident the recap before it named
        ("LAHORE: A bomb in a market killed three people on Friday, officials said. No group has claimed "
         "responsibility.\n\nIn January 2022, a bomb in Anarkali market killed three people. A Baloch separatist "
         "group claimed that attack.", (None, "unknown")),
        # a claim of the incident a recap named, in the next sentence
        ("PESHAWAR: A policeman was martyred in an attack on a check post in Daraban on Wednesday, police said. The "
         "attack came two days after four policemen were martyred in a bombing on the Kulachi road. That attack was "
         "claimed by the TTP.", (None, "unknown")),
        # a claim in the relative clause on the incident a raid "followed"
        ("PESHAWAR: A policeman was martyred in an attack on a check post in Daraban on Wednesday, police said. The "
         "raid followed Monday's roadside bombing near Luni, which killed four policemen and was claimed by the TTP.", (None, "unknown")),
        # a claim of "those attacks"
        ("QUETTA: Gunmen shot dead a tribal elder in Dasht on Monday night. Last Tuesday, a bomb killed three soldiers "
         "near Kirdgap. The BLA and the BLF claimed responsibility for those attacks respectively.", (None, "unknown")),
        # the state's claim of its own action is no group's claim
        ("D.I. KHAN: Militants attacked a police post in Daraban on Wednesday, killing two policemen. The police "
         "claimed to have killed three attackers. Officials said they suspected militants of the banned "
         "Tehreek-i-Taliban Pakistan.", ("Tehrik-i-Taliban Pakistan", "blamed")),
        # a date in a quiet relative clause makes no recap
        ("MIANWALI: A constable was martyred when militants attacked a police post in Isa Khel on Saturday, police "
         "said.\n\nNo group has claimed the attack. The CTD said the attackers belonged to Fitna al-Khawarij, the "
         "name the government has used since last year for the Tehrik-i-Taliban Pakistan.",
         ("Tehrik-i-Taliban Pakistan", "blamed")),
    ],
)
def test_claims_and_blame_as_reports_word_them(extractor: Extractor, text: str, expected: tuple[str | None, str]) -> None:
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == expected


def test_a_narrative_lead_in_sets_the_day_of_an_attack_told_late(extractor: Extractor) -> None:
    text = ("The hujra in the village has a green door and a row of rope beds. On most evenings men from the "
            "neighbouring compounds drift in to drink green tea and argue about water turns and land.\n\n"
            "The elder had sat on the local peace committee for years. His sons say he was proud of it and refused "
            "the guards the administration offered him.\n\n"
            "Last Tuesday the men gathered as usual. Two boys were pouring tea. At about half past seven, a bomb "
            "hidden beneath a bed exploded, killing the elder and three of his guests.")
    [event] = run(extractor, text, published=datetime(2022, 5, 14, 8))
    assert (event.event_type, str(event.date)) == ("bombing", "2022-05-10")


def test_a_police_report_with_labelled_fields_reports_its_incident(extractor: Extractor) -> None:
    text = ("First Information Report No. 412, dated 14.06.2024, Police Station Kulachi, District Dera Ismail Khan.\n\n"
            "Offences: sections 302 and 324 PPC read with section 7 of the Anti-Terrorism Act.\n\n"
            "Date and time of occurrence: 14.06.2024 at about 2130 hours. Time of report: 2345 hours. Place of "
            "occurrence: link road near village Luni.\n\n"
            "Complainant: Constable Sher Afzal, posted at Police Post Luni.\n\n"
            "Brief facts: 'I was returning from Kulachi with my in-charge on the official motorcycle. Two unknown "
            "persons on a motorcycle opened fire on us. ASI Muhammad Younas received bullet injuries and died on the "
            "spot.'")
    [event] = run(extractor, text, published=datetime(2024, 6, 15, 12))
    assert (str(event.date), event.location.district, event.killed) == ("2024-06-14", "Dera Ismail Khan", 1)


def test_militants_who_attacked_and_died_in_an_attack_on_a_convoy_make_an_assault(extractor: Extractor) -> None:
    text = ("GWADAR: Militants attacked a convoy carrying foreign engineers on Sunday, but the engineers and their escort "
            "escaped unharmed and two of the attackers were killed, officials said.\n\nThe military said two "
            "terrorists were killed in the exchange of fire and that a clearance operation was under way in the area.")
    [event] = run(extractor, text)
    assert event.event_type == "armed_assault"


def test_a_feature_whose_first_incident_word_is_definite_still_reports_it(extractor: Extractor) -> None:
    text = ("The engineers leave the plant gate just after seven, as they have done every weekday for three years. The "
            "road runs past brick kilns and truck stops.\n\n"
            "It is, the guards say, the most boring hour of their day.\n\n"
            "On the morning of November 14 it was not. As the convoy slowed near Hub, a white car pulled out from "
            "behind a tanker. The explosion threw the escort vehicle across the carriageway, killing two police guards.")
    [event] = run(extractor, text, published=datetime(2024, 11, 22, 9))
    assert (event.event_type, str(event.date), event.killed) == ("bombing", "2024-11-14", 2)


def test_an_operation_named_by_its_year_is_background(extractor: Extractor) -> None:
    text = ("SWAT: Militants fired on a police patrol in Kabal on Monday evening, wounding two constables, police said.\n\n"
            "The 2009 military operation against the militants displaced two million people, and by official count "
            "1,600 militants were killed.")
    [event] = run(extractor, text, published=datetime(2022, 8, 9, 9))
    assert (event.injured, event.attackers_killed) == (2, None)


def test_a_bulletins_numbered_incidents_are_separate_with_their_own_claims(extractor: Extractor) -> None:
    text = ("Summary. The cell recorded 14 militant incidents across Pakistan in the week. Two high-casualty attacks are "
            "profiled below.\n\n"
            "Incident 1 — North Waziristan, 8 October. A suicide car bomb hit an army convoy at Hurmaz village in Mir "
            "Ali tehsil. Casualties: seven soldiers killed, seven wounded.\n\n"
            "Incident 2 — Dera Ismail Khan, 10 October. Militants attacked the Daraban police station at night. "
            "Casualties: four police killed, six wounded. Attribution: TTP claim issued 11 October.")
    events = run(extractor, text, published=datetime(2024, 10, 14, 10))
    found = sorted((e.location.district or "", e.killed or 0, e.perpetrator.name or "") for e in events)
    assert found == [("Dera Ismail Khan", 4, "Tehrik-i-Taliban Pakistan"), ("North Waziristan", 7, "")]


@pytest.mark.parametrize(
    ("text", "group"),
    [
        # a lede that puts the actors across the border makes a later bare "the Taliban" the Afghan Taliban
        ("Afghan forces opened fire on Pakistani border posts this afternoon. The firing took place at Angoor Adda in "
         "South Waziristan. Two soldiers were martyred. The Taliban also fired mortar shells.", "Taliban (Afghanistan)"),
        # a Pakistani report's "the Taliban" stays the TTP
        ("PESHAWAR: Militants attacked a police post in Lakki Marwat on Tuesday, killing two policemen. The Taliban "
         "claimed responsibility for the attack.", "Tehrik-i-Taliban Pakistan"),
    ],
)
def test_which_taliban_by_the_ledes_actors(extractor: Extractor, text: str, group: str) -> None:
    [event] = run(extractor, text)
    assert event.perpetrator.name == group


def test_the_day_a_wounded_man_died_is_not_the_attack_day(extractor: Extractor) -> None:
    """The toll rose the day a man injured in the attack died; the attack is dated by its own day."""
    [event] = run(extractor, "D.I. KHAN: Another police jawan injured in the attack on a check post on the Kulachi road "
                  "embraced shahadat at the hospital yesterday, raising the number of martyrs to four.\n\nConstable "
                  "Fazal, who had received bullet wounds in the attack on Sunday night, could not survive.")
    assert event.date == date(2025, 3, 2) and event.killed == 4


def test_an_arrest_for_an_old_attack_and_the_search_after_an_attack_are_no_incidents(extractor: Extractor) -> None:
    assert run(extractor, "KARACHI: The Counter Terrorism Department on Sunday arrested two suspects it says belong to the "
               "banned Sindhudesh Revolutionary Army and helped plan last month's attack on a dental clinic in Saddar, "
               "in which a dentist was shot dead and two Chinese nationals were wounded. The suspects were picked up "
               "in a raid on a house in Sohrab Goth.") == []
    events = run(extractor, "BANNU: Militants attacked a police post in Bannu on Monday night, killing two constables, "
                 "police said.\n\nMeanwhile, the search operation in the surrounding areas continued on Tuesday, and "
                 "several suspects were taken into custody.")
    assert [(e.event_type, e.killed) for e in events] == [("armed_assault", 2)]


def test_a_reference_to_the_abducted_and_a_general_trend_are_no_new_incidents(extractor: Extractor) -> None:
    events = run(extractor, "TANK: Armed men kidnapped five employees of a construction company from the Gul Imam area "
                 "of Tank on Monday, police said.\n\nMeanwhile, elders of the area held a jirga on Tuesday and demanded "
                 "immediate steps for the recovery of the abducted persons.")
    assert [(e.event_type, e.kidnapped) for e in events] == [("kidnapping", 5)]
    assert run(extractor, "ISLAMABAD: Militant violence rose by 19 per cent in August, a think-tank said in a report "
               "released on Monday.\n\nThe think-tank's director said attacks on police in Khyber Pakhtunkhwa had "
               "increased for the fifth consecutive month.") == []


def test_an_attack_told_after_the_lede_that_opens_last_week_is_an_earlier_one(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA: Gunmen opened fire on a passenger bus near Kalat on Monday, killing three people "
                  "and wounding 11, officials said.\n\nThe attack took place on the main highway linking Quetta with "
                  "Karachi. Nobody claimed responsibility.\n\nLast week, gunmen stopped buses in the north of the "
                  "province and killed nine men from Punjab.", published=datetime(2025, 8, 12, 18, 0))
    assert (event.killed, event.injured, event.date) == (3, 11, date(2025, 8, 11))


def test_an_incident_named_by_its_place_is_not_the_next_ones_place(extractor: Extractor) -> None:
    """"Hours after the Zhob raid, ... in Dera Bugti" reports a second incident; a claim of "the Zhob attack" after
    it belongs to the first."""
    events = run(extractor, "QUETTA: Twelve soldiers were killed in two separate clashes with militants in Balochistan "
                 "on Wednesday, the military said.\n\nNine of the soldiers died at a garrison in Zhob, which gunmen "
                 "attacked before dawn. All five attackers were killed after a gunfight.\n\nHours after the Zhob raid, "
                 "three soldiers were killed and two militants died in an exchange of fire during an operation in the "
                 "Sui area of Dera Bugti district, the ISPR said.\n\nTehreek-e-Jihad Pakistan said it carried out the "
                 "Zhob attack.")
    found = {(e.location.district, e.perpetrator.name) for e in events}
    assert found == {("Zhob", "Tehreek-e-Jihad Pakistan"), ("Dera Bugti", None)}
    assert [e.killed for e in events if e.location.district == "Dera Bugti"] == [3]


def test_a_briefs_attribution_field_is_the_incidents_claim(extractor: Extractor) -> None:
    [event] = run(extractor, "INCIDENT — Karachi (West), Sindh | 4 October 2022 (night) | Targeted killing\n\nWhat "
                  "happened: A police officer was shot dead by two gunmen on a motorcycle near Manghopir. A bystander "
                  "was wounded. The attackers escaped.\n\nCasualties: One police officer killed; one civilian "
                  "injured.\n\nAttribution: The Tehrik-i-Taliban Pakistan (TTP) claimed the killing on 5 October in a "
                  "statement.", published=datetime(2022, 10, 7, 9, 0))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "claimed")


def test_a_second_incident_whose_toll_follows_in_the_next_line_opens_its_own_frame(extractor: Extractor) -> None:
    """One-sentence paragraphs: the incident in one line, its toll in the next; a funeral "will be offered on
    Wednesday" dates nothing."""
    events = run(extractor, "BANNU: Three policemen were martyred and five injured in two separate attacks in Bannu and "
                 "Lakki Marwat districts on Tuesday, police said.\n\nIn Bannu, militants attacked the Baka Khel police "
                 "post in the early hours of Tuesday with heavy weapons.\n\nTwo constables were martyred and three were "
                 "injured in the exchange of fire.\n\nIn the afternoon, a roadside bomb hit a police mobile near "
                 "Tajazai in Lakki Marwat.\n\nA head constable was martyred and two policemen were injured, police "
                 "said.\n\nFuneral prayers for the martyred policemen will be offered on Wednesday.",
                 published=datetime(2025, 9, 9, 22, 0))
    found = sorted((e.location.district or "", e.killed, e.injured, e.date) for e in events)
    assert found == [("Bannu", 2, 3, date(2025, 9, 9)), ("Lakki Marwat", 1, 2, date(2025, 9, 9))]


def test_a_briefs_casualties_field_gives_the_toll_and_its_total(extractor: Extractor) -> None:
    """A labelled field's later sentences belong to the incident; a total after its parts is the toll."""
    [event] = run(extractor, "INCIDENT — Khyber district | 27 October 2025 | IED, police target\n\nWhat happened: An "
                  "improvised explosive device concealed on a parked motorcycle was detonated against a passing police "
                  "vehicle in the main bazaar of Bara on the morning of 27 October.\n\nCasualties: Two policemen were "
                  "killed at the scene and a civilian vendor died of his wounds overnight, for a total of three dead. "
                  "Seven were injured: one policeman and six civilians.", published=datetime(2025, 10, 29, 9, 0))
    assert (event.killed, event.injured) == (3, 7)


def test_two_more_after_the_militants_killed_are_militants(extractor: Extractor) -> None:
    [event] = run(extractor, "INCIDENT — North Waziristan | 21-22 August 2025 | Security operation\n\nWhat happened: "
                  "Security forces launched an intelligence-based operation in the Datta Khel area on 21 August. The "
                  "military's first statement reported eight militants killed. A follow-up statement on 22 August said "
                  "two more were killed during the clearance phase and that a soldier, a sepoy, had been killed in the "
                  "exchange of fire.\n\nAttribution: Official statements refer only to khwarij, the state's "
                  "designation for the Tehrik-i-Taliban Pakistan.", published=datetime(2025, 8, 23, 9, 0))
    assert (event.attackers_killed, event.killed) == (10, 1)
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a toll told by a victim's rank is the running total
        ("A third soldier has died of wounds suffered in the raid, officials said.", {"killed": [3]}),
        # the figures of an older incident the sentence dates itself after
        ("A constable was martyred when militants attacked a post, barely two days after two policemen were gunned "
         "down near the same town.", {"killed": [1]}),
        # a definite victim of "killing", a person noun the tagger takes for an adjective
        ("A gunman opened fire in the shop, killing the owner's young accountant.", {"killed": [1]}),
        ("A Japanese national working for a construction firm was wounded when gunmen fired on his car.",
         {"injured": [1]}),
        # named people who escaped unhurt say nothing of the others
        ("His driver, Akram Khan, and a guard escaped unhurt.", {}),
        ("All the passengers escaped unhurt.", {"killed": [0], "injured": [0]}),
    ],
)
def test_ranks_older_incidents_and_singled_out_people(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a wire's title-case dateline carries the filing day, not the attack's
        ("Quetta [Pakistan], March 5 (Wire): Two policemen were shot dead on Tuesday, officials said.", PUB,
         date(2025, 3, 4)),
        ("Militants attacked a police post the night before yesterday, killing a constable, police said.", PUB,
         date(2025, 3, 3)),
    ],
)
def test_wire_datelines_and_the_night_before_yesterday(extractor: Extractor, text: str, published: datetime,
                                                        day: date) -> None:
    [event] = run(extractor, text, published)
    assert event.date == day


def test_last_month_named_is_the_year_before_in_that_month(nlp: Language) -> None:
    may = datetime(2025, 5, 20, 9, 0)
    [found] = [d for d in find_dates(sent(nlp, "Last May, gunmen attacked a convoy in the same area."), may)]
    assert (found.value, found.background) == (date(2024, 5, 1), True)


def test_a_recap_dated_last_november_and_its_toll_are_background(extractor: Extractor) -> None:
    [event] = run(extractor, "PARACHINAR: Three people were killed and four injured when gunmen opened fire on a "
                             "passenger van in Kurram on Tuesday, police said.\n\nLast November, gunmen attacked a convoy "
                             "in the same area, killing more than 40 people. The attack set off days of fighting in "
                             "which more than 130 people died.")
    assert (event.killed, event.injured) == (3, 4)


def test_a_tally_of_attacks_over_days_in_words_is_no_toll(extractor: Extractor) -> None:
    [event] = run(extractor, "BANNU: Another constable injured in Monday's attack on a police post died on Tuesday, "
                             "raising the number of martyred policemen to two, police said.\n\nIn the last four days "
                             "two attacks have taken place on police in the district, in which four jawans have been "
                             "martyred.")
    assert event.killed == 2


def test_a_raid_on_a_checkpoint_is_an_assault_and_the_speaker_is_no_side(extractor: Extractor) -> None:
    [raid] = run(extractor, "QUETTA: Militants carried out a raid on a Frontier Corps checkpoint near Turbat on "
                            "Saturday night, killing two soldiers, officials said.")
    assert raid.event_type == "armed_assault"
    [shot] = run(extractor, "KARACHI: A trader was wounded when two men on a motorcycle opened fire on his car on "
                            "Tuesday, police said. The CTD has been asked to join the investigation.")
    assert shot.event_type == "armed_assault"


def test_an_anniversary_feature_reports_no_new_incident(extractor: Extractor) -> None:
    events = run(extractor, "PESHAWAR: As the nation marks the eighth anniversary of the school massacre today, "
                            "parents say their wounds have not healed.\n\nOn December 16, 2014, six gunmen stormed the "
                            "school and went from classroom to classroom shooting students. A total of 147 people "
                            "were killed before security forces ended the siege.", datetime(2022, 12, 16, 8, 0))
    assert events == []


@pytest.mark.parametrize(
    ("text", "district"),
    [
        # a gazetteer name inside a longer local name is not that place
        ("MINGORA: Gunmen opened fire on a school van at Guli Bagh on Monday, killing the driver, police said.", "Swat"),
        ("LAKKI MARWAT: Militants ambushed a police van in the Shahab Khel area of the Kurram Par locality on Tuesday, "
         "killing six policemen.", "Lakki Marwat"),
        # a direction or an institution keeps the name ("Lower Kurram", "the Quetta Cantonment")
        ("Gunmen shot dead two passengers in Lower Kurram on Monday, police said.", "Kurram"),
        # a two-word dateline parsed as the lede's subject still places the story
        ("LAKKI MARWAT: Militants ambushed a police van on Tuesday, killing six policemen.", "Lakki Marwat"),
        # the attacker's home district, marked in the sentence that tells of him, is no scene; nor is "a former
        # president of" a "resident of"
        ("KARACHI, March 5: A banned group on Wednesday claimed the attack on a van carrying a Japanese engineer in "
         "Korangi, in which two men were wounded. The gunman, who was shot dead by a police guard, has been "
         "identified as a resident of Sanghar district, police said.", "Korangi"),
        ("PESHAWAR: Ali Khan, a reporter and a former president of the Landi Kotal Press Club, was dragged from his "
         "car by gunmen in Khyber district's Landi Kotal tehsil and shot dead on Tuesday. The gunman, who was later "
         "shot dead, was identified as a resident of Bajaur district.", "Khyber"),
        # the victims' home town is no scene
        # the toll's sentence names the scene; the event word comes later, in a survivor's account, nearer the city where
        # the victims worked
        ("MULTAN — Five labourers from south Punjab were martyred by terrorists near Surab in Khuzdar district on Sunday "
         "night, officials said on Monday.\n\nThe men were named as Rafiq of Khanewal, Asif of Vehari and three brothers "
         "of Lodhran. They had worked at a brick kiln in Quetta for two years and were on their way home.\n\nA sixth "
         "man, who escaped, said the gunmen stopped the bus, checked the passengers' identity cards and opened fire on the "
         "men from Punjab.", "Khuzdar"),
        # "the village of ..." where the body was taken holds no other place: the attack's own place stands
        ("KARAK: A constable wounded in Saturday's bombing of a police van in Bannu died in hospital on Monday, and his "
         "body was taken to the village of Latamber for burial, police said.\n\nHe was the third policeman to die of "
         "wounds from the blast, which also injured six people.", "Bannu"),
        # "the Punjab government" is an institution named, not the province of the scene
        ("DERA GHAZI KHAN: Gunmen shot dead six passengers after offloading them from a coach on the highway near Rakhni "
         "on Tuesday night, officials said.\n\nThe bodies were handed over to officials of the Punjab government at the "
         "provincial boundary in the presence of the Barkhan deputy commissioner on Wednesday. A seventh passenger, who was "
         "wounded, is being treated in a hospital in Dera Ghazi Khan.", "Barkhan"),
        # where the unhurt were carried afterwards, however the verb is spelt out, is no scene
        ("CHITRAL: A guard was killed when gunmen fired on a car carrying two foreign climbers in the Garam Chashma valley "
         "on Friday, police said.\n\nThe climbers, who were not hurt, were flown back to Islamabad by helicopter on "
         "Saturday.", "Lower Chitral"),
        # a town that ends a facility's name is the scene, even as the subject of the sentence
        ("RAWALPINDI: Army Garrison Zhob came under attack by a group of terrorists late on Monday night, the ISPR said. "
         "Three of the attackers were killed at the outer wall.", "Zhob"),
    ],
)
def test_the_scene_among_other_places_named(extractor: Extractor, text: str, district: str) -> None:
    [event] = run(extractor, text)
    assert event.location.district == district


def test_the_day_of_a_claim_and_a_negated_claim(extractor: Extractor) -> None:
    [event] = run(extractor, "ISLAMABAD: A militant faction claimed responsibility on Wednesday for a suicide bombing at an "
                             "army checkpoint in North Waziristan. The attacker detonated his vehicle at the checkpoint on "
                             "Tuesday afternoon, killing four soldiers.")
    assert event.date == date(2025, 3, 4)
    [unowned] = run(extractor, "KALAT: Gunmen fired on a coach near Mangochar on Tuesday, killing three passengers. "
                               "No outfit has owned the attack so far.")
    assert (unowned.perpetrator.name, unowned.perpetrator.attribution) == (None, "unknown")


def test_a_definite_victim_who_lost_his_life(nlp: Language) -> None:
    assert counts(nlp, "The van came under fire at the school gate, and the driver lost his life.") == {"killed": [1]}


@pytest.mark.parametrize(
    ("text", "aside"),
    [
        ("The bodies of the two Karachi residents arrived at the airport.", True),
        ("One of them was a member of a Karachi-based music troupe.", True),
        ("Beijing has called on Islamabad to improve the security of its citizens.", True),
        ("Two Lakki Marwat policemen were martyred in the attack.", False),  # the district's own force
        ("Gunmen opened fire on a van in Karachi.", False),
    ],
)
def test_home_towns_and_governments_are_asides(nlp: Language, text: str, aside: bool) -> None:
    from khabar.nlp.components.locations import find_locations

    [mention] = [m for m in find_locations(sent(nlp, text)) if m.kind != "country"]
    assert mention.in_aside() is aside


def test_taking_weapons_from_a_post_is_no_abduction(extractor: Extractor) -> None:
    [event] = run(extractor, "PANJGUR: Later in the day, gunmen attacked a Levies post in the Gichk area, killing two "
                             "Levies personnel and wounding one. Officials said the attackers took away weapons from the "
                             "post before fleeing.")
    assert event.event_type == "armed_assault"


def test_a_later_paragraph_that_only_names_a_known_blast_is_no_event(extractor: Extractor) -> None:
    events = run(extractor, "PANJGUR: Gunmen stormed a Levies post in Gichk on Tuesday night, killing two personnel, "
                            "officials said.\n\nSeparately, traffic on the highway near Mastung, closed after Monday's "
                            "blast on an FC vehicle, has been restored.")
    assert [e.location.district for e in events] == ["Panjgur"]


def test_a_lede_summing_up_attacks_in_two_districts_is_no_incident_of_its_own(extractor: Extractor) -> None:
    events = run(extractor, "PESHAWAR: Two soldiers and three policemen were martyred and five others injured in "
                            "attacks in North Waziristan and Dera Ismail Khan districts.\n\nA vehicle of the security "
                            "forces was hit by a roadside bomb in Mir Ali on Tuesday morning. Two soldiers were "
                            "martyred and three injured.\n\nIn the second incident, militants attacked a police post in "
                            "Kulachi on Tuesday night. Three policemen were martyred and two injured.")
    assert sorted((e.location.district, e.killed, e.injured) for e in events) == [
        ("Dera Ismail Khan", 3, 2), ("North Waziristan", 2, 3)]


def test_a_nationwide_monthly_toll_is_a_statistic(extractor: Extractor) -> None:
    [event] = run(extractor, "MIR ALI: A roadside bomb killed three soldiers in North Waziristan on Tuesday, officials "
                             "said.\n\nAccording to a research group, October was one of the deadliest months in a "
                             "decade, with more than 100 personnel killed nationwide.")
    assert event.killed == 3


def test_a_wounded_man_who_succumbed_is_a_death_when_no_toll_is_given(nlp: Language) -> None:
    text = ("A head constable who was critically injured in a drone attack on the police station on Tuesday night "
            "succumbed to his injuries on Thursday.")
    assert counts(nlp, text) == {"killed": [1]}


def test_a_roll_call_of_districts_is_no_scene(extractor: Extractor) -> None:
    [event] = run(extractor, "D.I. KHAN - The SHO of Paharpur police station was martyred when gunmen opened fire on "
                             "his vehicle on Tuesday evening, police said.\n\nThe southern districts of the province, "
                             "particularly Bannu, Lakki Marwat, Tank and Karak, have seen a stream of attacks on the "
                             "police this year.")
    assert event.location.district == "Dera Ismail Khan"


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        # militants hold people after a clash in which no one died: a hostage-taking
        ("SWAT: Four policemen were wounded in an exchange of fire with militants in the hills of Kabal on Monday, and "
         "police said the militants were now holding two officials, including an inspector.", "kidnapping"),
        # the release by the captors tells the taking
        ("PESHAWAR: Militants have released a revenue official and his driver whom they seized near Darazinda after a "
         "brief gun battle on Sunday, police said on Tuesday. No one was killed.", "kidnapping"),
        # "took captive" after the firing
        ("SWAT: A clash broke out on Monday when a police party reached the ridge above Matta; the militants took the "
         "DSP captive after he was wounded in the firing. No one was killed, police said.", "kidnapping"),
        # a brief's label
        ("KHYBER: A hostage-taking near Bara ended on Tuesday. Armed men had clashed with a Levies patrol on Monday and "
         "held three personnel overnight, officials said. No one was killed.", "kidnapping"),
        # workers taken and machinery torched: the people taken are the news
        ("DERA ISMAIL KHAN: Gunmen abducted four employees of a road contractor near Daraban on Tuesday and set fire to "
         "an excavator at their camp before leaving, police said.", "kidnapping"),
        # police who detain suspects after an attack hold no hostages
        ("BANNU: Militants attacked a police post in Domel on Monday, wounding two constables. Police later detained "
         "three suspects in a search of nearby villages.", "armed_assault"),
        # an operation that killed militants stays an operation even when a movement was picked up by the troops
        ("RAWALPINDI: Security forces killed six terrorists in an intelligence-based operation in North Waziristan on "
         "Sunday after their movement was picked up by the troops, the ISPR said.", "security_operation"),
    ],
)
def test_people_held_by_militants_make_a_kidnapping(extractor: Extractor, text: str, event_type: str) -> None:
    [event] = run(extractor, text)
    assert event.event_type == event_type


def test_a_clause_hours_after_tells_another_incident(extractor: Extractor) -> None:
    # the lede's "hours after ..." clause tells a shooting in another city: its toll, place and claimant stay there
    events = run(extractor, "ISLAMABAD — A suicide bomber killed two soldiers and a boy near Miranshah on Sunday, hours "
                            "after gunmen shot dead three shopkeepers in the city of Kohat in an attack claimed by the "
                            "Islamic State group.\n\nThe bomber rammed an army vehicle in the North Waziristan district, "
                            "the military said. No group claimed the bombing.")
    bombing = next(e for e in events if e.event_type == "bombing")
    assert (bombing.killed, bombing.location.district) == (3, "North Waziristan")
    assert bombing.perpetrator is None or bombing.perpetrator.name is None
    assert bombing.attackers_killed is None  # the bomber who killed is not counted among the dead


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # beside an incident of the main clause, an "hours after" clause tells another one
        ("A bomber killed two soldiers on Sunday, hours after gunmen shot dead three shopkeepers in Kohat.",
         {"killed": [2]}),
        # with no incident in the main clause, the clause tells the report's own
        ("The claim came hours after officials said troops had repulsed the attack and killed four of the attackers.",
         {"attackers_killed": [4]}),
        # a week apart, the clause's toll is an older incident's whatever the main clause says
        ("Security was tightened in Quetta on Monday, a week after seven policemen were killed in a blast.", {}),
    ],
)
def test_hours_apart_is_another_incident_only_beside_one(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_separate_statement_about_another_district_begins_another_incident(extractor: Extractor) -> None:
    events = run(extractor, "RAWALPINDI: Three soldiers embraced shahadat on Sunday when an IED went off near their "
                            "vehicle in the Kahan area of Kohlu district, the ISPR said.\n\nIn a separate statement, the "
                            "ISPR said security forces had been conducting an operation in the Sambaza area of Zhob "
                            "district. Terrorists opened fire on the troops, and one terrorist was killed while a soldier "
                            "embraced shahadat.\n\nTwo days earlier, a constable was martyred in Islamabad when a bomber "
                            "blew himself up near a police van.")
    assert sorted((e.location.district, e.killed) for e in events) == [("Kohlu", 3), ("Zhob", 1)]


def test_a_lede_about_the_case_registered_next_day_keeps_the_attack_days_toll(extractor: Extractor) -> None:
    # the lede's day is the case's (Thursday); the shooting's own sentence, dated Wednesday, gives the toll
    [event] = run(extractor, "KARACHI: Police on Thursday registered a terrorism case over the shooting of three people at "
                             "a dental clinic, saying a separatist group had claimed responsibility for the attack, in "
                             "which one of them was killed.\n\nAccording to the case report, the outlawed Sindhudesh "
                             "Revolutionary Army claimed the attack on social media.\n\nThe gunman opened "
                             "fire inside the clinic in Saddar on Wednesday afternoon, killing the cashier and wounding "
                             "the dentist and his wife, police said.", published=datetime(2022, 9, 29, 20, 0))
    assert (event.date, event.killed, event.injured) == (date(2022, 9, 28), 1, 2)


def test_every_member_of_an_among_them_list_is_part_of_the_count(nlp: Language) -> None:
    assert counts(nlp, "The grenade exploded on the road and injured five passers-by, among them a woman and a young "
                       "boy.") == {"injured": [5]}


def test_a_groups_own_count_of_the_wounded_is_its_claim(extractor: Extractor) -> None:
    # the officials count the dead; the group's statement also counts wounded, which no official figure confirms
    [event] = run(extractor, "QUETTA: Four soldiers were martyred when a roadside bomb struck their vehicle in the Kahan "
                             "area of Kohlu district on Tuesday, the ISPR said. The banned Balochistan Liberation Army "
                             "claimed responsibility. In a statement, its spokesman claimed that nine soldiers had been "
                             "killed and five wounded.")
    assert (event.killed, event.injured) == (4, None)


def test_the_toll_of_the_bombing_a_group_owns_up_to_is_reported(extractor: Extractor) -> None:
    [event] = run(extractor, "PESHAWAR: The Islamic State's regional affiliate said on Friday that it was behind a "
                             "roadside bombing that killed two police officers in Bajaur district on Thursday. The bomb, "
                             "hidden on a motorcycle, also wounded six people, police said.")
    assert (event.killed, event.injured) == (2, 6)


def test_spent_shells_found_at_the_scene_are_no_shelling(extractor: Extractor) -> None:
    [event] = run(extractor, "A well-known Sikh hakeem was shot dead inside his clinic on Charsadda Road in Peshawar on "
                             "Thursday, police said.\n\nThe victim was identified as Sardar Gurpal Singh, 51.\n\nPolice "
                             "said unidentified gunmen walked into the clinic and opened fire on him. Empty shells of a "
                             "9mm pistol were collected from the scene.")
    assert event.event_type == "targeted_killing"


def test_a_weekly_digests_overview_is_no_incident(extractor: Extractor) -> None:
    # the week's tally and the kind of incident set aside are no toll; the first item keeps its own day and toll
    events = run(extractor, "Overview. Our monitoring desk recorded seven militant incidents in Khyber Pakhtunkhwa this "
                            "week, in which 12 people were killed and 15 injured. Grenade attacks that caused no "
                            "casualties are listed in the annex.\n\nBannu (3 March). A suicide bomber struck a police "
                            "van near the city, killing four policemen, officials said.",
                 published=datetime(2025, 3, 8, 10, 0))
    [event] = events
    assert (event.killed, event.injured, event.date) == (4, None, date(2025, 3, 3))


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        # a named man and his nephew: two, though a comma follows the name
        ("KHAR: Qari Abdul Wahid, a district office-bearer of the Jamiat Ulema-e-Islam (Fazl), and his nephew were "
         "killed when a bomb planted near the gate of his house exploded on Wednesday.", 2),
        # the apposition names the same man again
        ("KOHAT: Gul Zaman Khattak, 41, a correspondent for an Urdu daily, was shot dead near his home on Wednesday, "
         "police said.", 1),
    ],
)
def test_a_named_victim_is_no_total_and_his_apposition_no_second_victim(extractor: Extractor, text: str,
                                                                       killed: int) -> None:
    [event] = run(extractor, text)
    assert event.killed == killed


def test_engagements_ranked_in_a_press_release_are_incidents_of_their_own(extractor: Extractor) -> None:
    events = run(extractor, "RAWALPINDI: Security forces killed eleven khwarij in two separate engagements in Khyber "
                            "Pakhtunkhwa on Monday, the ISPR said.\n\nIn the first engagement, security forces conducted "
                            "an intelligence-based operation in the Mir Ali area of North Waziristan district, and seven "
                            "khwarij were sent to hell.\n\nIn the second engagement, in the Tirah valley of Khyber "
                            "district, four more khwarij were neutralised. However, two brave sons of the soil paid the "
                            "ultimate sacrifice. Weapons, ammunition and explosives were recovered from the killed "
                            "khwarij.")
    assert sorted((e.location.district, e.attackers_killed, e.killed) for e in events) == [
        ("Khyber", 4, 2), ("North Waziristan", 7, None)]
    assert all(e.event_type != "bombing" for e in events)  # the explosives recovered were no bomb


def test_the_number_of_martyrs_of_the_attack_raised_to_a_count_is_the_toll(nlp: Language) -> None:
    found = counts(nlp, "A constable injured in the firing on the vaccination team died in hospital last night, raising "
                        "the number of martyrs of the cowardly attack to three.")
    assert 3 in found.get("killed", [])  # the running toll, beside the one death the sentence tells


def test_an_arrest_raid_that_seized_explosives_is_no_incident(extractor: Extractor) -> None:
    events = run(extractor, "KARACHI: The Counter-Terrorism Department (CTD) on Wednesday claimed to have arrested three "
                            "suspected facilitators of the banned Balochistan Liberation Army during a raid on a house in "
                            "Manghopir, and to have seized explosives, detonators and hand grenades from their "
                            "possession.\n\nThey were arrested in the early hours of the day without any resistance, he "
                            "said. Around four kilogrammes of explosives, eleven detonators and two hand grenades were "
                            "recovered from the house.")
    assert events == []


@pytest.mark.parametrize(
    "text",
    [
        # a named man, no title, and the wound as the object
        "Shahid Nawaz sustained injuries in the blast.",
        # "a bullet wound": the singular noun
        "Constable Ali Raza received a bullet wound in the leg.",
        # the participle parsed as the verb: the conjoined "received" without a subject of its own is the guard's
        "A private security guard deployed at the camp, Sher Bahadur, received bullet wounds when he tried to resist.",
    ],
)
def test_a_man_who_received_a_wound_is_one_injured(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {"injured": [1]}


@pytest.mark.parametrize("text", ["Rescue 1122 ambulances reached the site within minutes and shifted the injured.",
                                  "Rescue 1122 shifted the injured to the Tehsil Headquarters Hospital."])
def test_the_rescue_service_and_its_number_are_no_casualties(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {}


def test_a_wound_in_time_is_no_harm(nlp: Language) -> None:
    assert counts(nlp, "The search operation wound up on Friday evening.") == {}


@pytest.mark.parametrize(
    "text",
    [
        # two dead on a polio team: the team is who was singled out
        "BANNU: Two men on a motorcycle opened fire on an anti-polio team in Domel tehsil on Monday, killing a "
        "vaccinator and the constable escorting the team, police said. The attackers fled.",
        # two Christians shot dead at their shop: the community is who was singled out
        "PESHAWAR: Gunmen on a motorcycle opened fire on two Christian brothers in the Gulbahar area on Sunday, "
        "killing both, police said. The attackers escaped.",
    ],
)
def test_two_people_singled_out_by_calling_or_community_are_a_targeted_killing(extractor: Extractor,
                                                                                 text: str) -> None:
    [event] = run(extractor, text)
    assert (event.event_type, event.killed) == ("targeted_killing", 2)


def test_two_policemen_killed_in_an_attack_on_their_post_stay_an_armed_assault(extractor: Extractor) -> None:
    [event] = run(extractor, "LAKKI MARWAT: Two policemen were martyred when militants attacked the Tajori police "
                             "post with heavy weapons on Monday night, police said.")
    assert (event.event_type, event.killed) == ("armed_assault", 2)


@pytest.mark.parametrize("text", [
    "The SHO said constable Shah Faisal was martyred.",  # a title in lower case
    "The escort, Shah Faisal son of Gul Nawaz, had embraced martyrdom on the spot.",  # a man named with his father
])
def test_a_victim_named_like_a_town_is_no_place(nlp: Language, text: str) -> None:
    from khabar.nlp.components.locations import find_locations

    assert [m.span.text for m in find_locations(sent(nlp, text)) if m.kind != "country"] == []


def test_a_separate_attack_told_in_the_lede_is_an_incident_of_its_own(extractor: Extractor) -> None:
    events = run(extractor, "PESHAWAR (XNA) — Gunmen on a motorcycle opened fire on a vaccination team in Karak "
                            "district on Monday, killing two policemen guarding it, while a reporter was shot dead in a "
                            "separate attack in the southwest, officials said.\n\nThe vaccinators escaped unhurt, "
                            "police said.\n\nHours later, Abdul Ghani, a correspondent for a local daily, was killed "
                            "near the press club in Khuzdar, police said.\n\nThe Pakistani Taliban have claimed some "
                            "attacks on vaccination teams in the past.")
    found = sorted((e.location.district, e.killed, e.injured, e.perpetrator.name) for e in events)
    assert found == [("Karak", 2, None, None), ("Khuzdar", 1, None, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The health workers on the team escaped unhurt.", {}),  # some were spared: nothing of the others
        ("All the passengers escaped unhurt.", {"killed": [0], "injured": [0]}),
    ],
)
def test_escaping_unhurt_is_a_zero_toll_only_for_everyone(nlp: Language, text: str,
                                                          expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_group_taken_up_as_the_group_speaks_its_own_count(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA (XNA) — A separatist group on Wednesday claimed responsibility for a roadside "
                             "bombing that killed four soldiers in Kech district on Tuesday.\n\nThe group said nine "
                             "soldiers were killed.")
    assert event.killed == 4


def test_a_group_spelled_as_foreign_wires_spell_it_is_found(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA (XNA) — A bomb hit a paramilitary convoy in Kech district on Tuesday, killing "
                             "four soldiers. The Baluchistan Liberation Front claimed responsibility.")
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Balochistan Liberation Front", "claimed")


def test_a_group_that_says_it_had_no_connection_with_the_attack_denies_it(extractor: Extractor) -> None:
    [event] = run(extractor, "PESHAWAR (XNA) — Militants attacked a police station in Peshawar late on Sunday, killing "
                             "one policeman, police said.\n\nA spokesman for the TTP said in a message to reporters that "
                             "the group had no connection with the attack on the police station and that its fighters "
                             "were abiding by the ceasefire.")
    assert event.perpetrator.name is None


@pytest.mark.parametrize("text", ["His nephew is under treatment at the hospital.",
                                  "The guard was shifted to hospital with injuries."])
def test_one_man_under_treatment_is_one_injured(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {"injured": [1]}


def test_the_day_a_claim_was_circulated_is_not_the_attacks(extractor: Extractor) -> None:
    [event] = run(extractor, "Bajaur (XNA) — The militant Daesh group has claimed responsibility for the killing of "
                             "JUI-F leader Maulana Noor Ali, who was martyred by miscreants in the Loisam area on "
                             "Saturday evening.\n\nIn a message circulated on social media yesterday, the so-called "
                             "Khorasan chapter of the Islamic State said its men had targeted the religious leader for "
                             "his politics. Police officials said they were examining the claim.\n\nMaulana Noor Ali "
                             "was returning home from the mosque when two armed men riding a motorcycle opened fire on "
                             "him. He died on the spot.", published=datetime(2025, 7, 29, 9, 0))
    assert event.date == date(2025, 7, 26)


def test_a_named_soldier_described_without_an_article_is_counted(nlp: Language) -> None:
    assert counts(nlp, "During the exchange of fire, Sepoy Abdul Rehman, age 24, resident of District Karak, having "
                       "fought gallantly, embraced shahadat, the ISPR said.") == {"killed": [1]}


def test_the_wounds_of_a_man_told_of_already_are_no_new_injured(extractor: Extractor) -> None:
    [event] = run(extractor, "MIRANSHAH: A wounded lance naik succumbed to his injuries at the military hospital on "
                             "Tuesday, the number of soldiers martyred in the operation rising to two.\n\nHe had "
                             "received bullet wounds during the exchange of fire and was shifted by helicopter.")
    assert (event.killed, event.injured) == (2, None)


def test_police_who_foiled_an_attack_on_their_post_met_an_armed_assault(extractor: Extractor) -> None:
    [event] = run(extractor, "MIANWALI: Police on Thursday night foiled a terrorist attack on a check post in the "
                             "Kundal area of Isa Khel tehsil and killed three attackers, while no policeman was hurt in "
                             "the encounter, officials said.\n\nAccording to police, a group of around eight terrorists "
                             "attacked the check post, located close to the boundary with Khyber Pakhtunkhwa's Lakki "
                             "Marwat district, at about 11:30pm.\n\nA search operation was carried out in the area.")
    assert (event.event_type, event.attackers_killed, event.location.district) == ("armed_assault", 3, "Mianwali")


def test_an_attack_named_before_the_toll_is_still_the_event_when_only_attackers_died(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA: A Frontier Corps camp near Noshki came under a terrorist attack before dawn on "
                             "Friday, which the troops beat back, the ISPR said.\n\nFour terrorists were neutralised "
                             "before they could breach the wall, and no soldier was harmed, the statement said.\n\nA "
                             "combing operation is being carried out in the area.")
    assert (event.event_type, event.attackers_killed) == ("armed_assault", 4)


def test_a_side_that_claims_the_other_fired_first_claims_no_attack(extractor: Extractor) -> None:
    [event] = run(extractor, "Two soldiers were martyred on Tuesday when Afghan Taliban forces opened fire on border "
                             "posts in the Kharlachi area of Kurram district, officials said.\n\nA spokesman for the "
                             "Afghan defence ministry claimed on X that Pakistani forces had fired first and that Afghan "
                             "border forces had only responded.")
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Taliban (Afghanistan)", "blamed")


def test_deaths_told_before_the_injured_count_are_in_it(extractor: Extractor) -> None:
    [event] = run(extractor, "The death toll from Thursday evening's bombing near an imambargah in Orakzai's Kalaya "
                             "bazaar rose to five on Friday.\n\nTwo of the injured died overnight at the hospital, "
                             "officials said. Twelve people were wounded in the blast, and six of them are still in "
                             "hospital.")
    assert (event.killed, event.injured) == (5, 12)


def test_a_list_that_closes_on_among_them_is_part_of_the_count(extractor: Extractor) -> None:
    [event] = run(extractor, "KURRAM: Gunmen hiding on a ridge near Bagan fired on an escorted convoy on Thursday, "
                             "killing six passengers, a woman and a schoolteacher among them, and wounding eleven.")
    assert (event.killed, event.injured) == (6, 11)


def test_an_incident_the_same_day_takes_the_day_of_the_one_told_before(extractor: Extractor) -> None:
    events = run(extractor, "LAKKI MARWAT: A roadside bomb struck a police van near Serai Naurang on Monday, killing "
                            "three constables, officials said on Tuesday.\n\nIn a separate attack hours later, "
                            "gunmen on motorcycles opened fire on a customs post near Tajazai, killing two officials."
                            "\n\nTraders in Lakki Marwat kept their shops shut on Tuesday in protest.")
    assert [(e.killed, e.date) for e in events] == [(3, date(2025, 3, 3)), (2, date(2025, 3, 3))]


def test_a_locality_named_like_a_town_of_another_province_is_the_dateline_citys(extractor: Extractor) -> None:
    [event] = run(extractor, "KARACHI: Two policemen were wounded on Monday when gunmen on a motorcycle fired on their "
                             "mobile near Quaidabad, police said.\n\nThe Sindh Police said the attackers fled towards "
                             "the highway. The Sindh home minister ordered an inquiry, and patrols were stepped up "
                             "across Karachi.")
    assert event.location.province == "Sindh" and event.location.district != "Khushab"


def test_the_place_in_the_clause_of_the_event_word_is_the_scene(extractor: Extractor) -> None:
    [event] = run(extractor, "QUETTA: Train services between Quetta and Sibi were halted on Monday after a bomb "
                             "wrecked a culvert in the Bolan Pass, railway officials said. Nobody was hurt.")
    assert event.location.district == "Kachhi (Bolan)"


def test_a_blast_that_harmed_no_one_and_damaged_a_track_attacked_infrastructure(extractor: Extractor) -> None:
    [event] = run(extractor, "SIBI: An explosive device went off near Mach before dawn on Monday, officials said.\n\n"
                             "No one was hurt. The explosion damaged about two metres of the railway track, and "
                             "trains were held at Sibi for six hours.")
    assert event.event_type == "infrastructure_attack"


def test_a_number_between_commas_after_a_name_is_an_age(nlp: Language) -> None:
    text = "Abdul Sattar, 26, a resident of Bahawalpur, had suffered bullet wounds to his legs."
    assert counts(nlp, text) == {"injured": [1]}


def test_one_of_the_counted_wounded_who_died_leaves_the_injured_count(extractor: Extractor) -> None:
    [event] = run(extractor, "TURBAT: The number of fishermen killed in Sunday's attack on their camp rose to four on "
                             "Monday after one of the three men wounded in the firing died in hospital, officials said.")
    assert (event.killed, event.injured) == (4, 2)


def test_a_report_of_a_trial_over_an_attack_years_ago_reports_no_incident(extractor: Extractor) -> None:
    events = run(extractor, "Quetta (QNA) — An anti-terrorism court here yesterday handed down life sentences to two "
                            "accused over the hand grenade attack on a tea stall on Sariab Road in June 2023, in which "
                            "a young waiter was killed and five customers were injured.")
    assert events == []


def test_an_incident_recalled_from_days_before_the_reported_one_is_background(extractor: Extractor) -> None:
    events = run(extractor, "KALAT: Three passengers were killed and five wounded when gunmen fired on a coach near "
                            "Mangochar on Tuesday night, Levies officials said.\n\nIt may be recalled that last week "
                            "six labourers were shot dead at a construction site in Kech district.")
    assert [(e.killed, e.location.district) for e in events] == [(3, "Kalat")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an age after "a girl of"
        ("The number of wounded still in hospital rose to six, among them a girl of about twelve.", {"injured": [6]}),
        # an apposition whose noun hangs on a possessive names the one man already counted
        ("A fourth man, a shopkeeper's son, was wounded and taken to hospital.", {"injured": [1]}),
        # "a third" as the subject of a wounding is one more man
        ("Two guards were martyred and a third was wounded before the raiders fled.", {"killed": [2], "injured": [1]}),
    ],
)
def test_ages_appositions_and_ordinal_subjects(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_an_operation_keeps_the_day_and_toll_of_the_clash_its_lede_tells(extractor: Extractor) -> None:
    [event] = run(extractor, "DERA GHAZI KHAN: Three suspected militants were killed and a police official was wounded "
                             "in an exchange of fire in the hills near Fort Munro late on Monday night, the CTD said."
                             "\n\nA team of the department had raided a hideout on a tip-off. Grenades and rifles were "
                             "recovered. A search operation by the Border Military Police was under way on Tuesday.")
    assert (event.event_type, event.date, event.attackers_killed, event.injured) == (
        "security_operation", date(2025, 3, 3), 3, 1)


def test_a_dateline_read_as_the_ledes_verb_is_no_reaction(extractor: Extractor) -> None:
    events = run(extractor, "BANNU: Two more policemen injured in Monday's suicide car bombing in Lakki Marwat died at "
                            "the district hospital on Tuesday, raising the death toll in the attack to seven, officials "
                            "said.\n\nFive other injured are still under treatment.")
    assert [(e.event_type, e.killed) for e in events] == [("bombing", 7)]


def test_a_later_remark_about_attacks_with_no_figure_actor_or_day_is_no_incident(extractor: Extractor) -> None:
    events = run(extractor, "QUETTA: Two people were killed and five wounded when men on a motorcycle hurled a grenade "
                            "into a pharmacy on Jinnah Road on Monday evening, police said.\n\nIn Sibi, a hand grenade "
                            "was thrown into a shop late on Sunday. No one was hurt, police said.\n\nIn Quetta, traders "
                            "on Jinnah Road say sales have fallen since a series of grenade attacks began this summer.")
    assert [(e.killed, e.location.district) for e in events] == [(2, "Quetta"), (0, "Sibi")]


def test_talk_of_violence_with_only_weak_words_and_no_one_counted_is_no_incident(extractor: Extractor) -> None:
    # a classifier sure the report tells an incident frames it whole, as it does a report the rules could not segment
    confident = Extractor(nlp=extractor.nlp, classifier=FakeClassifier(0.95))
    events = run(confident, "Quetta (QNA) — The cabinet yesterday agreed to begin targeted operations against the "
                            "gangs behind attacks on travellers.\n\nTransporters welcomed the decision.")
    assert events == []


def test_an_incident_later_that_night_takes_the_ledes_day_not_a_later_death(extractor: Extractor) -> None:
    events = run(extractor, "Five policemen were killed in two attacks in Khyber Pakhtunkhwa on Monday, officials said."
                            "\n\nIn Bannu, a roadside bomb hit a police van near Domel, killing two constables and "
                            "wounding three. One of the wounded died in hospital on Tuesday.\n\nLater that night, gunmen "
                            "attacked a police post in Tank, killing two more policemen.")
    assert [e.date for e in events][-1] == date(2025, 3, 3)


@pytest.mark.parametrize(("text", "expected"), [
    # a brief's labelled field gives the toll as nil
    ("What happened: Armed men stopped buses on the Kharan road on Monday and took away four passengers.\n\n"
     "Casualties: No one was killed or injured. Four were taken.", (0, 0)),
    # "he said no one had been killed": the toll as told, in reported speech, not a recap
    ("Militants fired rockets at a Frontier Corps camp near Kohlu on Monday night, residents said.\n\nAn official "
     "said three soldiers had been wounded. He said no one had been killed.", (0, 3)),
    # nobody injured by a device: nobody killed either
    ("Militants blew up a telecom tower in Tank on Monday night, cutting services to several villages. No one was "
     "injured in the incident, police said.", (0, 0)),
])
def test_a_nil_toll_as_reports_tell_it(extractor: Extractor, text: str, expected: tuple[int, int]) -> None:
    [event] = run(extractor, text)
    assert (event.killed, event.injured) == expected


def test_nobody_injured_leaves_a_told_death_standing(extractor: Extractor) -> None:
    [event] = run(extractor, "Gunmen shot dead a shopkeeper in Turbat on Monday, police said. No one else was injured.")
    assert event.killed == 1


def test_men_taken_off_buses_by_gunmen_are_a_kidnapping(extractor: Extractor) -> None:
    [event] = run(extractor, "KALAT: Gunmen who stopped traffic on the highway late on Monday took four passengers off "
                             "a coach after checking their papers, and the bodies of two of them were found on Tuesday, "
                             "officials said.\n\nLevies officials said about a dozen armed men had set up the roadblock "
                             "near Mangochar.\n\n\"They looked at every card,\" a driver said.")
    assert (event.event_type, event.killed, event.date) == ("kidnapping", 2, date(2025, 3, 3))


def test_where_a_relative_spoke_from_is_not_the_place(extractor: Extractor) -> None:
    [event] = run(extractor, "AWARAN: The bodies of two labourers abducted from a camp on Sunday were found in a "
                         "riverbed on Tuesday, officials said.\n\n\"He only went there for work,\" his cousin told "
                         "reporters by telephone from Multan.")
    assert event.location.district == "Awaran"


def test_a_count_of_them_after_the_militants_is_of_the_militants(extractor: Extractor) -> None:
    [event] = run(extractor, "Security forces killed four terrorists in an operation near Kalat on Monday, officials "
                             "said.\n\nTroops surrounded the terrorists' hideout in the hills, and four of them were "
                             "killed after a long exchange of fire.")
    assert (event.killed, event.attackers_killed) == (None, 4)
    [event] = run(extractor, "Security forces killed six militants in an operation near Zhob on Monday while a soldier "
                             "was martyred, officials said.\n\nTroops stormed the militants' compound, and after a "
                             "gunfight all six were killed.")
    assert (event.killed, event.attackers_killed) == (1, 6)


def test_a_place_with_its_district_and_province_is_an_address_not_a_list(extractor: Extractor) -> None:
    [event] = run(extractor, "Summary — Militants blew up two electricity pylons near Dhadar, Kachhi (Bolan) district, "
                             "Balochistan, on 4 March, cutting power to Quetta and nearby districts. No one was hurt.")
    assert (event.location.district, event.location.place) == ("Kachhi (Bolan)", "Dhadar")


def test_hand_grenades_carried_with_rifles_arm_an_assault(extractor: Extractor) -> None:
    [event] = run(extractor, "TANK: Two policemen were martyred when militants attacked a check post on Monday night, "
                             "police said.\n\nPolice said about ten militants armed with Kalashnikovs and hand grenades "
                             "attacked the post from three sides before fleeing.")
    assert event.event_type == "armed_assault"


def test_a_lede_about_what_followed_a_days_old_incident_reports_none(extractor: Extractor) -> None:
    assert run(extractor, "Several governments have tightened their advice to travellers following last weekend's "
                          "suicide bombing in Karachi, urging citizens to avoid the province.\n\nThe bombing killed "
                          "three people and was claimed by a separatist group.\n\nTour operators said bookings had "
                          "been cancelled.") == []


def test_last_weekend_is_the_saturday_before_the_week_of_publication(nlp: Language) -> None:
    [mention] = find_dates(sent(nlp, "Shops stayed shut after last weekend's strike."), PUB)
    assert (mention.value, mention.explicit) == (date(2025, 3, 1), False)


def test_a_toll_read_as_the_datelines_apposition_is_the_toll(nlp: Language) -> None:
    assert counts(nlp, "BANNU, March 5 (KNA) — The death toll from Monday night's attack on a police station in "
                       "Mirian, in the northwestern Bannu district, rose to three on Wednesday after a wounded "
                       "constable died in hospital, police said.")["killed"][0] == 3


def test_figures_after_a_colon_are_parts_of_the_count_before_it(nlp: Language) -> None:
    assert counts(nlp, "The army revised its account, saying three attackers died: the driver of the truck and two "
                       "men who were shot dead at the gate.") == {"attackers_killed": [3]}


@pytest.mark.parametrize(("text", "day"), [
    # the abduction told vaguely beside the release's day; its own day comes later
    ("TANK: Four of the six workers abducted last week from a dam site in South Waziristan were released on Tuesday "
    "after elders negotiated with the captors, officials said.\n\nThe workers were seized by armed men last Thursday "
    "evening, a district official said.", date(2025, 2, 27)),
    # ... with the vague phrase hung on the main verb by the parser
    ("DERA ISMAIL KHAN: The body of an engineer who was among three men kidnapped from a road camp earlier this week "
    "was found in a ravine on Tuesday, police said.\n\nThe men were picked up from the camp on Sunday night, police "
     "said.", date(2025, 3, 2)),
])
def test_a_vaguely_dated_abduction_takes_the_day_told_later(extractor: Extractor, text: str, day: date) -> None:
    [event] = run(extractor, text)
    assert (event.event_type, event.date) == ("kidnapping", day)


def test_the_district_that_holds_a_site_is_the_place(extractor: Extractor) -> None:
    [event] = run(extractor, "TANK: Gunmen abducted four labourers from a work site near the Gomal Zam dam in South "
                             "Waziristan on Monday evening, officials said.")
    assert event.location.district == "South Waziristan"


def test_the_second_action_of_a_military_statement_is_a_second_incident(extractor: Extractor) -> None:
    events = run(extractor, "MIRAMSHAH: Two soldiers were martyred when terrorists attacked a check post in Datta Khel "
                            "on Monday night, the ISPR said.\n\nThe attackers fled after an exchange of fire.\n\nIn the "
                            "second action, security forces conducted an intelligence-based operation in Mir Ali on "
                            "Tuesday. Five terrorists were killed during the operation.")
    assert [(e.event_type, e.date) for e in events][-1] == ("security_operation", date(2025, 3, 4))
    assert len(events) == 2


def test_a_groups_record_in_a_relative_clause_is_no_statistic(extractor: Extractor) -> None:
    [event] = run(extractor, "KARACHI: A grenade thrown at a police van in Lyari on Monday wounded four constables, "
                             "police said.\n\nA CTD officer said the inquiry pointed to the banned Sindhudesh "
                             "Revolutionary Army, which has used grenades in several attacks on police pickets in the "
                             "city.")
    assert event.perpetrator is not None
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Sindhudesh Revolutionary Army", "blamed")


def test_the_group_that_speaks_after_an_unnamed_claim_is_the_claimant(extractor: Extractor) -> None:
    [event] = run(extractor, "KARACHI: A separatist group has claimed responsibility for a shooting at a shop in "
                             "Karachi on Monday that killed a man.\n\nThe Sindhudesh Revolutionary Army said in a "
                             "statement that it had targeted the shop.")
    assert event.perpetrator is not None
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Sindhudesh Revolutionary Army", "claimed")


def test_an_incident_told_a_day_after_which_is_dated_back_from_the_sentences_day(extractor: Extractor) -> None:
    [event] = run(extractor, "SWAT: Thousands of people marched through Mingora on Wednesday, a day after gunmen fired on "
                             "a school van in Charbagh, killing its driver, police said.")
    assert (event.event_type, event.date) == ("armed_assault", date(2025, 3, 4))


def test_armed_men_shot_dead_by_troops_are_attackers(nlp: Language) -> None:
    assert counts(nlp, "Two gunmen who tried to climb the wall were shot dead by troops.") == {"attackers_killed": [2]}
    assert counts(nlp, "Two gunmen were shot dead by unknown men in the bazaar.") == {"killed": [2]}


def test_a_count_that_died_in_all_is_the_total(nlp: Language) -> None:
    [*_, whole] = [f for f in extract_casualties(sent(nlp, "Two gunmen were shot dead by troops at the gate, so that "
                                                             "three attackers died in all."))]
    assert (whole.kind, whole.value, whole.total) == ("attackers_killed", 3, True)


def test_a_weeks_count_over_several_engagements_is_a_statistic(extractor: Extractor) -> None:
    [event] = run(extractor, "Security forces killed six terrorists in an operation in Orakzai district, the ISPR said "
                             "on Wednesday.\n\nTroops engaged the hideout and all six were killed.\n\nThe ISPR "
                             "said 40 terrorists were killed in several engagements in the province in a single week.")
    assert event.attackers_killed == 6


def test_a_citys_police_named_later_is_not_the_place(extractor: Extractor) -> None:
    [event] = run(extractor, "ISLAMABAD: Two constables were martyred when militants opened fire on a police picket on "
                             "the capital's western edge early on Tuesday, police said.\n\nOne of the attackers was "
                             "killed. \"He was wanted by the Peshawar police in several cases,\" an officer said.")
    assert event.location.district == "Islamabad"


def test_a_digest_item_with_a_running_toll_is_news_and_each_item_its_own_incident(extractor: Extractor) -> None:
    events = run(extractor, "Reporting period: 0800 hrs 3 March to 0800 hrs 5 March. Figures are provisional.\n\n"
                            "PANJGUR – Attack on labourers (update). The death toll from the attack on a labourers' "
                            "camp in Khudabadan late on 3 March has risen to five after one of the wounded died in "
                            "Turbat on 4 March.\n\nKECH – Security operation. The military said on 4 March that troops "
                            "killed six militants in an intelligence-based operation in the Zamuran area on 3 March.")
    assert [(e.event_type, e.killed, e.attackers_killed) for e in events] == [
        ("armed_assault", 5, None), ("security_operation", None, 6)]


def test_a_day_of_the_month_is_no_count(nlp: Language) -> None:
    assert counts(nlp, "A wounded worker died in Turbat on 9 September.") == {"killed": [1]}


def test_a_lede_that_carries_out_its_incident_before_an_after_phrase_reports_it(extractor: Extractor) -> None:
    events = run(extractor, "On 25 February, militants conducted an IED explosion at a customs office after holding "
                            "its staff hostage for some time in Quetta city.")
    assert [e.event_type for e in events] == ["bombing"]


def test_resources_taken_away_are_no_abduction(extractor: Extractor) -> None:
    [event] = run(extractor, "SUKKUR: Unknown men blew up a gas pipeline near Sui late on Sunday, cutting supply to three "
                             "districts, officials said. Nobody was hurt.\n\nA separatist group said it struck because "
                             "the province's gas was being taken away while its people stayed poor.")
    assert event.event_type == "infrastructure_attack"


def test_a_sit_in_for_the_disappeared_is_a_reaction_not_a_kidnapping(extractor: Extractor) -> None:
    assert run(extractor, "TURBAT: Dozens of women sat outside the press club for a fifth day on Friday, holding "
                          "pictures of sons they say were taken away by security agencies last year.") == []


def test_the_day_of_a_reaction_to_an_incident_is_not_its_day(extractor: Extractor) -> None:
    [event] = run(extractor, "KARACHI: Traders shut their shops on Wednesday after gunmen shot dead two jewellers in "
                             "Saddar, police said.\n\nThe jewellers were attacked on Tuesday evening as they closed "
                             "their shop.", published=datetime(2024, 3, 6, 18, tzinfo=PUB.tzinfo))
    assert event.date == date(2024, 3, 5)


def test_a_day_named_with_its_part_and_the_incident_is_the_incidents_day(extractor: Extractor) -> None:
    [event] = run(extractor, "MULTAN: Police recovered the body of a third militant from a ravine near a check post in "
                             "Multan on Monday afternoon, raising the number of attackers killed in Sunday night's "
                             "assault on the post to three. The assault, in which a constable was martyred, began "
                             "before midnight when militants opened fire on the post.",
                  published=datetime(2024, 3, 5, 9, tzinfo=PUB.tzinfo))
    assert event.date == date(2024, 3, 3)


def test_recovering_the_dead_after_an_attack_does_not_make_it_an_operation(extractor: Extractor) -> None:
    [event] = run(extractor, "MULTAN: Police recovered the body of a third militant near a check post on Monday. The "
                             "post was attacked on Sunday night by militants who opened fire from two sides; a "
                             "constable was martyred and three attackers were killed.")
    assert event.event_type == "armed_assault"


def test_the_start_of_a_route_is_not_the_place(extractor: Extractor) -> None:
    text = ("SIBI: Two Levies men were martyred when a roadside bomb hit their vehicle near Bakhtiarabad on Monday.\n\n"
            "Officials said the vehicle was escorting trucks carrying wheat from Jacobabad towards Quetta when the "
            "explosive device went off.")
    (event,) = run(extractor, text)
    assert event.location.district != "Jacobabad"


def test_a_neighbourhood_of_the_city_a_claim_names_is_the_same_incident(extractor: Extractor) -> None:
    [event] = run(extractor, "KARACHI: A banned militant group said on Friday it had killed a police constable in "
                             "Karachi.\n\nConstable Ali Raza was shot dead by two men on a motorcycle in Orangi Town on "
                             "Thursday night. A passer-by was also wounded.",
                  published=datetime(2024, 3, 8, 18, tzinfo=PUB.tzinfo))
    assert (event.date, event.killed, event.injured) == (date(2024, 3, 7), 1, 1)


def test_the_day_of_an_attack_that_is_a_subject_is_not_a_reporting_day(nlp: Language) -> None:
    [mention] = find_dates(sent(nlp, "The bombing of a market in Quetta on Monday night, in which six people died, has "
                                     "raised fears among traders."), PUB)
    assert not mention.reporting


def test_the_day_bodies_were_found_yields_to_the_day_the_men_were_taken(extractor: Extractor) -> None:
    [event] = run(extractor, "The bodies of three of the five labourers abducted from a road project in Kharan were "
                             "found on Thursday, officials said.\n\nThe men were taken away by armed men from their "
                             "camp on Tuesday night.", published=datetime(2024, 3, 7, 15, tzinfo=PUB.tzinfo))
    assert (event.event_type, event.date) == ("kidnapping", date(2024, 3, 5))


def test_a_taliban_claim_for_an_attack_in_pakistan_is_the_ttps_whatever_the_lede(nlp: Language) -> None:
    doc = nlp("Militants stormed a police post in Bannu on Monday, while Afghan border forces fired on a fencing team "
              "in Kurram. Two constables were killed. The Taliban claimed responsibility for the attack on the post.")
    (group,) = find_groups(list(doc.sents)[-1])
    assert group.name == "Tehrik-i-Taliban Pakistan"


@pytest.mark.parametrize(("text", "attribution"), [
    ("The BLA said its Fateh Squad had set up a checkpoint near Surab and taken six officials into custody.", "claimed"),
    ("The BLF said it was ready for talks.", "unknown"),
])
def test_a_group_that_says_its_own_men_did_it_claims_it(nlp: Language, text: str, attribution: str) -> None:
    assert {g.attribution for g in find_groups(sent(nlp, text))} == {attribution}


def test_a_groups_claim_of_an_incident_elsewhere_in_a_summary_is_not_this_ones(extractor: Extractor) -> None:
    from khabar.nlp.extract import _acts_elsewhere

    doc = extractor.nlp("Two developments stood out this week: a cross-border exchange of fire in Kurram that cost "
                        "Pakistan a soldier, and the BLF's claim of Wednesday's abduction of four workers near Kharan.")
    info = doc._.sentences[0]
    [group] = info.groups
    assert _acts_elsewhere(group, info, "Kurram") and not _acts_elsewhere(group, info, "Kharan")


def test_men_the_officials_call_members_of_a_group_are_attackers(nlp: Language) -> None:
    assert counts(nlp, "The four men killed were described by the military as members of Fitna al-Hindustan, the "
                       "name the state uses for the separatists.") == {"attackers_killed": [4]}


def test_an_arrest_over_an_attack_months_ago_is_no_new_incident_even_beside_a_dateline_day(extractor: Extractor) -> None:
    assert run(extractor, "SUKKUR, Dec 2 (SNS) — Counter-terrorism police said on Friday they had detained two "
                          "suspected members of a banned group in Ghotki in connection with a grenade attack on a "
                          "police picket in Shikarpur in July that killed a constable.",
               published=datetime(2022, 12, 2, 15, tzinfo=PUB.tzinfo)) == []


def test_attacks_told_in_the_past_perfect_deep_in_a_report_are_no_news(extractor: Extractor) -> None:
    assert run(extractor, "Torkham, March 20: The border crossing at Torkham was reopened for trade and travel on "
                          "Wednesday after remaining closed for eight days, following a meeting between Pakistani and "
                          "Afghan border officials on Tuesday.\n\nLong lines of trucks loaded with fruit and coal formed "
                          "on the Pakistani side from early morning, and customs officials said more than 300 vehicles "
                          "were cleared by the evening.\n\nThe deputy commissioner told reporters that both sides had "
                          "agreed to settle disputes through talks and to avoid any action that could put civilians at "
                          "risk.\n\nThe crossing had been closed after two incidents of cross-border shelling, on March "
                          "11 and March 14, which together left four people dead and more than 20 injured in the town.",
               published=datetime(2024, 3, 21, 8, tzinfo=PUB.tzinfo)) == []


def test_a_resolution_condemning_a_killing_is_a_reaction_lede(extractor: Extractor) -> None:
    from khabar.nlp.extract import reaction_lede

    doc = extractor.nlp("KARACHI: The Sindh Assembly on Thursday unanimously passed a resolution condemning the killing "
                        "of four labourers from the province in Kech earlier this week.")
    assert reaction_lede(doc._.sentences)


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen shot dead three shopkeepers and wounded another in the bazaar.", {"killed": [3], "injured": [1]}),
    ("A wounded constable died on Friday, raising the toll from two.", {"killed": [1]}),
    # a run-on note: "another" is no object of the passive before it
    ("One soldier was killed another was left injured in the incident.", {"killed": [1]}),
])
def test_another_as_an_object_and_the_toll_a_rise_started_from(nlp: Language, text: str,
                                                                expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_shot_in_a_limb_is_wounded(nlp: Language) -> None:
    assert counts(nlp, "A guard was shot in the arm when the gunmen opened fire.") == {"injured": [1]}


@pytest.mark.parametrize("text", [
    "His cousin took a bullet in the shoulder and was taken to hospital.",
    "The guard received two bullets and is under treatment.",
])
def test_a_bullet_taken_is_a_wound(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {"injured": [1]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure the sentence denies is no toll; "not less than" is a figure
        ("The police chief said the toll stood at 40, not the 52 reported on Monday.", {"killed": [40]}),
        ("Not less than 20 people were killed in the blast.", {"killed": [20]}),
        # the companions of a subject who died share the verb; a killer's do not
        ("Major Asif Khan, along with four soldiers, embraced shahadat.", {"killed": [1, 4]}),
        ("Captain Raza, 29, who led the patrol, along with three sepoys, was martyred in the ambush.", {"killed": [1, 3]}),
        # every member of a list after "among them" is a part of the count
        ("Militants stormed the post, killing five policemen, among them a deputy superintendent and an inspector.",
         {"killed": [5]}),
        # where the people came from is no count of them
        ("None of the envoys, from nine countries, was hurt in the blast.", {}),
    ],
)
def test_denied_figures_companions_and_origins(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_shooting_of_several_is_an_assault_not_a_targeted_killing(extractor: Extractor) -> None:
    text = "KOHAT: Gunmen shot dead five labourers at a brick kiln in Kohat on Tuesday, police said."
    [event] = run(extractor, text)
    assert (event.event_type, event.killed) == ("armed_assault", 5)


def test_separate_operations_named_in_the_plural_are_an_incident_of_their_own(extractor: Extractor) -> None:
    text = ("BANNU: Militants attacked a police post in Bannu on Tuesday, killing two constables, police said.\n\n"
            "In separate intelligence-based operations in Lakki Marwat, security forces killed nine militants, the "
            "ISPR said.")
    events = run(extractor, text)
    assert [(e.event_type, e.location.district, e.attackers_killed) for e in events] == [
        ("armed_assault", "Bannu", None), ("security_operation", "Lakki Marwat", 9)]


def test_thousands_of_operations_in_a_year_are_a_statistic(extractor: Extractor) -> None:
    text = ("QUETTA: Three soldiers were martyred when militants attacked a check post in Kalat on Monday night, the "
            "ISPR said.\n\nOfficials say security forces have conducted thousands of intelligence-based operations "
            "in the province this year and killed more than 300 terrorists.")
    [event] = run(extractor, text)
    assert (event.killed, event.attackers_killed) == (3, None)


def test_a_lede_clause_in_another_district_is_that_incidents_opening(extractor: Extractor) -> None:
    text = ("MARDAN / SWABI: A shopkeeper was shot dead by gunmen in Mardan on Friday evening, while militants blew up "
            "an electricity pylon in Swabi late on Saturday.\n\n"
            "Police said the shopkeeper was closing his shop when two men on a motorcycle fired at him.\n\n"
            "In Swabi, officials said militants planted explosives at the base of the pylon and detonated them, "
            "cutting power to several villages. No one was hurt.")
    events = run(extractor, text)
    assert [(e.event_type, e.location.district, str(e.date)) for e in events] == [
        ("targeted_killing", "Mardan", "2025-02-28"), ("infrastructure_attack", "Swabi", "2025-03-01")]
    # "police said the shopkeeper was closing his shop when two men ... fired": no group's word about its men
    assert (events[0].perpetrator.name, events[0].perpetrator.attribution) == (None, "unknown")


def test_a_clash_days_before_named_after_the_source_is_another_incident(extractor: Extractor) -> None:
    text = ("QUETTA: One villager was killed and nine wounded on Thursday when Afghan forces fired mortar shells into "
            "Chaman, officials said, three days after a similar clash killed four civilians.")
    [event] = run(extractor, text, published=datetime(2022, 12, 15, 20))
    assert (event.killed, event.injured) == (1, 9)


def test_a_toll_that_rose_as_more_died_is_not_added_to_them(extractor: Extractor) -> None:
    text = ("TURBAT: The death toll in yesterday's attack on a passenger van in Turbat rose to seven as three more "
            "injured passengers succumbed to their wounds, officials said.")
    [event] = run(extractor, text)
    assert event.killed == 7


def test_a_hospital_named_by_its_city_and_a_journeys_start_are_not_the_scene(extractor: Extractor) -> None:
    text = ("BAJAUR: The toll from Monday's bombing of a police van in Bajaur rose to five after a wounded constable "
            "died at a Peshawar hospital.")
    [event] = run(extractor, text)
    assert event.location.district == "Bajaur"
    text = "TANK: A civil judge was abducted by gunmen on Saturday while driving home from Dera Ismail Khan, police said."
    [event] = run(extractor, text)
    assert event.location.district == "Tank"


def test_a_name_written_with_another_connector_and_a_group_that_says_it_had_nothing_to_do_with_it(
        nlp: Language, extractor: Extractor) -> None:
    assert [g.name for g in find_groups(sent(nlp, "A group calling itself Jaish-e-Fursan claimed the attack."))] == [
        "Hafiz Gul Bahadur Group"]
    text = ("SWAT: A roadside bomb struck a police van in Swat on Sunday, killing one officer. No group claimed the "
            "blast. The Tehreek-e-Taliban Pakistan said in a statement that it had nothing to do with the attack.")
    [event] = run(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_a_vow_to_foil_such_designs_tells_no_foiled_attack(extractor: Extractor) -> None:
    text = ("QUETTA: Security forces killed six militants in an intelligence-based operation in Harnai on Saturday, the "
            "ISPR said. The ISPR said the forces were determined to foil such designs.")
    [event] = run(extractor, text)
    assert (event.killed, event.injured, event.attackers_killed) == (None, None, 6)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # hostages who were martyred were killed
        ("The spokesman said 21 hostages, nine of them soldiers, were martyred in the siege.", {"killed": [21]}),
        # "of whom" opens a part; "of the rescued" is no part of a casualty count
        ("The gunmen took 200 passengers hostage, of whom 180 were rescued alive.", {"kidnapped": [200]}),
        ("Fourteen of the rescued passengers were injured.", {"injured": [14]}),
    ],
)
def test_hostages_killed_and_the_rescued(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_where_a_spokesman_spoke_opens_no_incident(extractor: Extractor) -> None:
    text = ("QUETTA: The army spokesman said on Thursday that 21 hostages were martyred in Tuesday's attack on the "
            "passenger train near Mach in Kachhi district.\n\nAddressing a press conference in Quetta, he said the "
            "attackers had taken 300 passengers hostage, of whom 279 were rescued.")
    [event] = run(extractor, text, published=datetime(2025, 3, 14, 7))
    assert (event.location.district, event.killed, event.kidnapped) == ("Kachhi (Bolan)", 21, 300)


@pytest.mark.parametrize(
    ("fight", "expected"),
    [
        ("Four attackers were killed.", "bombing"),
        # a long fight after the blast makes it an assault
        ("The troops killed the four attackers in a prolonged exchange of fire.", "armed_assault"),
    ],
)
def test_a_vehicle_bomb_after_a_repulsed_assault_is_a_bombing(extractor: Extractor, fight: str, expected: str) -> None:
    text = ("RAWALPINDI: Militants attacked a security post in Tank on Monday night, the ISPR said. The attack "
            "was repulsed by the troops, after which the militants drove an explosive-laden vehicle into the post's "
            f"wall, martyring five soldiers. {fight}")
    [event] = run(extractor, text)
    assert (event.event_type, event.killed, event.attackers_killed) == (expected, 5, 4)


def test_a_digest_item_with_an_explosives_laden_vehicle_is_an_incident_of_its_own(extractor: Extractor) -> None:
    text = ("KURRAM — Gunmen fired on a passenger van near Sadda on Thursday, killing five people. Officials put the "
            "toll at five by Sunday.\n\nBANNU — Nine soldiers were killed when militants drove an explosives-laden "
            "vehicle into a checkpost in Jani Khel on Tuesday night.")
    events = run(extractor, text, published=datetime(2024, 11, 25, 8))
    assert [(e.event_type, e.location.district, e.killed) for e in events] == [
        ("armed_assault", "Kurram", 5), ("bombing", "Bannu", 9)]


def test_the_army_saying_it_killed_militants_tells_an_operation(extractor: Extractor) -> None:
    text = ("ISLAMABAD — Pakistan's army says it has killed 30 militants who tried to cross into North Waziristan "
            "from Afghanistan on Saturday night. Officials said the men had planned an attack on a border post.")
    [event] = run(extractor, text)
    assert (event.event_type, event.attackers_killed) == ("security_operation", 30)


def test_an_operation_completed_on_a_later_day_ends_the_attack_it_answers(extractor: Extractor) -> None:
    text = ("PESHAWAR: Security forces on Wednesday completed the clearance operation at a college in Tank, killing "
            "all four terrorists who had stormed the building on Tuesday evening, the ISPR said. Two soldiers were "
            "martyred in the operation.")
    [event] = run(extractor, text, published=datetime(2025, 3, 6, 7))
    assert (event.event_type, str(event.date), event.killed, event.attackers_killed) == ("armed_assault", "2025-03-04", 2, 4)


def test_a_death_in_hospital_a_day_later_does_not_date_the_attack(extractor: Extractor) -> None:
    text = ("Five policemen were killed in two attacks in Khyber Pakhtunkhwa on Monday, officials said.\n\n"
            "In Lakki Marwat, a roadside bomb struck a police van, killing two constables and wounding one. One of the "
            "constables died in hospital on Tuesday, officials said.\n\n"
            "Later that night, gunmen attacked a police post near Tank, killing three policemen.")
    events = run(extractor, text)
    assert [(e.location.district, str(e.date)) for e in events] == [("Lakki Marwat", "2025-03-03"), ("Tank", "2025-03-03")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nil toll however the negation is worded
        ("The grenade exploded in an empty courtyard without causing any casualties.", {"killed": [0], "injured": [0]}),
        # who fired or killed, however the sentence parses, is no victim
        ("A constable was martyred and a sub-inspector injured when two men on a motorcycle opened fire on the "
         "checkpoint.", {"killed": [1], "injured": [1]}),
        ("Two gunmen on a motorcycle shot dead a shopkeeper in the bazaar.", {"killed": [1]}),
        ("A gunman shot dead a dentist at his clinic and wounded two patients.", {"killed": [1], "injured": [2]}),
        ("Gunmen killed four labourers and wounded another at the site.", {"killed": [4], "injured": [1]}),
        ("The policemen returned fire, killing both suspects on the spot.", {"attackers_killed": [2]}),
        # the toll a later death raised, not a count of the injured
        ("The death toll in Monday's attack on the police post rose to three when an injured constable succumbed to "
         "his wounds at the district hospital last night.", {"killed": [3, 1]}),
    ],
)
def test_nil_tolls_shooters_and_a_toll_raised_by_a_death(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_digest_overview_and_its_year_to_date_data_are_no_incidents_toll(extractor: Extractor) -> None:
    text = ("OVERVIEW — We recorded three attacks in our coverage area this week. Six people were killed and nine "
            "injured; figures are as of Sunday evening.\n\n"
            "KARAK — On 21 July, militants ambushed a police mobile near Latambar, killing two constables. The TTP "
            "claimed the ambush.\n\n"
            "SWABI — On 24 July, men threw a grenade into the courtyard of a police station. It exploded without "
            "causing any casualties.\n\n"
            "DATA — Year to date, our tracker has recorded 212 deaths in militant violence in the province.")
    events = run(extractor, text, published=datetime(2025, 7, 28, 9))
    assert [(e.location.district, e.killed, e.injured) for e in events] == [("Karak", 2, None), ("Swabi", 0, 0)]


def test_an_ambush_on_the_way_to_a_condolence_gathering_is_news(extractor: Extractor) -> None:
    text = ("CHARSADDA — On 10 August, gunmen shot dead a shopkeeper in Tangi. No group claimed the killing.\n\n"
            "LOWER DIR — On 13 August, gunmen ambushed the vehicle of a provincial lawmaker in Maidan as he travelled "
            "to a condolence gathering. Four people, among them his brother, were killed.")
    events = run(extractor, text, published=datetime(2022, 8, 17, 9))
    assert [(e.location.district, e.killed) for e in events] == [("Charsadda", 1), ("Lower Dir", 4)]


def test_a_hospital_named_before_its_city_is_not_the_scene(extractor: Extractor) -> None:
    text = ("Charsadda (Shamal News): The death toll in the Shabqadar bomb blast rose to three when another injured "
            "policeman succumbed to his wounds at Lady Reading Hospital Peshawar last night.")
    [event] = run(extractor, text)
    assert (event.location.district, event.killed) == ("Charsadda", 3)


def test_a_train_named_after_a_city_and_the_injured_being_shifted_are_not_the_scene(extractor: Extractor) -> None:
    text = ("NOWSHERA: Train traffic was restored on Saturday evening, ten hours after an explosion blew away a portion "
            "of the main line near Pabbi in Nowshera district.\n\nAccording to railway officials, the blast occurred "
            "shortly after 8am. The Peshawar-bound Khyber Mail, which was approaching the section, was stopped by its "
            "driver short of the damaged track. There were no casualties.")
    [event] = run(extractor, text)
    assert (event.event_type, event.location.district) == ("infrastructure_attack", "Nowshera")


def test_an_update_note_naming_paragraphs_gives_no_count(nlp: Language) -> None:
    assert counts(nlp, "(Adds militants killed, comment from provincial government in paragraphs 3-5)") == {}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("KARAK: Militants attacked the Latambar police station with a drone-dropped bomb late on Sunday. A constable "
         "was martyred and two were hurt. Policemen on duty returned fire and forced the attackers to flee.",
         "bombing"),
        ("KARAK: A constable was martyred in a quadcopter attack on the Latambar police station late on Sunday. "
         "Policemen on duty returned fire and the device flew off towards the hills.", "bombing"),
        # explosive means beside a gun weapon: the post was stormed
        ("KARAK: Militants attacked the Latambar police station with grenades and rockets late on Sunday, martyring "
         "a constable. Policemen on duty returned fire and the attackers fled.", "armed_assault"),
    ],
)
def test_an_attack_on_a_post_by_explosive_means_alone_is_a_bombing(extractor: Extractor, text: str,
                                                                    event_type: str) -> None:
    [event] = run(extractor, text)
    assert event.event_type == event_type


def test_a_lede_on_a_series_of_attacks_gives_way_to_the_attacks_it_sums_up(extractor: Extractor) -> None:
    text = ("QUETTA — Insurgents launched a wave of coordinated attacks across the province overnight, storming a "
            "camp, ambushing travellers and blowing up a bridge. At least 41 people were killed, officials said.\n\n"
            "In the deadliest attack, gunmen stopped vehicles on the highway in Musakhel district, offloaded 17 "
            "passengers and shot them dead.\n\n"
            "In Kalat district, militants attacked a Levies post, killing six guards.\n\n"
            "Separately, a railway bridge near Kolpur was blown up. No one was hurt.\n\n"
            "The Balochistan Liberation Army claimed responsibility for the attacks in a statement.")
    events = run(extractor, text, published=datetime(2024, 8, 26, 18))
    assert [(e.location.district, e.killed, e.perpetrator.name) for e in events] == [
        ("Musa Khel", 17, "Balochistan Liberation Army"), ("Kalat", 6, "Balochistan Liberation Army"),
        ("Kachhi (Bolan)", 0, "Balochistan Liberation Army")]
    assert events[0].kidnapped == 17


def test_offloaded_goods_are_no_kidnapping(nlp: Language) -> None:
    assert counts(nlp, "Gunmen offloaded nine passengers from a coach and shot them dead.") == {"kidnapped": [9], "killed": [9]}
    assert counts(nlp, "Porters offloaded 40 sacks of flour from the truck.") == {}


def test_a_threat_to_kill_is_no_toll(nlp: Language) -> None:
    assert counts(nlp, "The group said it held 80 hostages and threatened to kill them if troops advanced.") == {
        "kidnapped": [80]}
    assert counts(nlp, "The commander vowed to kill 12 soldiers for every fighter lost.") == {}
    assert counts(nlp, "The gunmen went on to kill five policemen.") == {"killed": [5]}


def test_the_toll_told_after_a_recap_of_an_older_attack_is_that_attack_s(extractor: Extractor) -> None:
    text = ("QUETTA — A suicide bomber rammed a car into a bus carrying troops near Dalbandin on Sunday, killing four "
            "soldiers, the military said. Nine others were wounded.\n\n"
            "Last Wednesday, militants stormed a coal mine in Duki. Police said 19 miners and seven attackers were "
            "killed.\n\n"
            "No group has claimed the bombing.")
    [event] = run(extractor, text, published=datetime(2025, 3, 17, 10))
    assert (event.location.district, event.killed, event.injured, event.attackers_killed) == ("Chagai", 4, 9, None)


def test_the_number_of_people_killed_in_a_militant_assault_counts_victims(nlp: Language) -> None:
    assert counts(nlp, "The number of people martyred in the militant assault on the station rose to six on Friday.") == {
        "killed": [6]}
    assert counts(nlp, "The discovery of another body brought the number of terrorists killed to four.") == {
        "attackers_killed": [4]}


def test_a_river_named_after_a_district_is_not_the_scene(extractor: Extractor) -> None:
    text = ("BANNU: A constable was martyred when a quadcopter dropped explosives on the city police station on Monday. "
            "The police opened fire on another drone that approached the station minutes later and it flew back "
            "towards the fields along the Kurram river, he said.")
    [event] = run(extractor, text)
    assert event.location.district == "Bannu"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A well-known Sikh hakeem was shot dead inside his clinic on Thursday.", {"killed": [1]}),
        ("Independent candidate for the provincial assembly seat PK-9, Gul Rehman Khan, was shot dead on Monday.",
         {"killed": [1]}),
        ("A suicide bomber was killed by the guards.", {"attackers_killed": [1]}),
    ],
)
def test_one_victim_as_the_subject_whatever_the_parse(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_group_s_older_claimed_act_is_background_and_its_own_words_a_claim(extractor: Extractor) -> None:
    text = ("KARACHI — A separatist group said on Thursday it was behind Wednesday's shooting at a pharmacy in Saddar "
            "that killed one Chinese national.\n\n"
            "The Sindhudesh Liberation Army said in a message sent to journalists that it had targeted the Chinese "
            "over Beijing's projects in Sindh.\n\n"
            "The group, which mostly blows up railway tracks, claimed a bombing in Hyderabad in March that killed two.")
    [event] = run(extractor, text, published=datetime(2022, 9, 29, 16))
    assert (event.event_type, event.killed, event.perpetrator.attribution) == ("targeted_killing", 1, "claimed")


def test_a_lede_on_separate_attacks_in_a_province_gives_way_to_each(extractor: Extractor) -> None:
    text = ("PESHAWAR — A constable was shot dead and four others were wounded in separate attacks in Khyber "
            "Pakhtunkhwa on Tuesday, officials said.\n\n"
            "In Dera Ismail Khan, gunmen on a motorcycle killed Constable Amir Khan as he escorted a vaccination team.\n\n"
            "Hours later, a roadside bomb struck a police van in the Mamund tehsil of Bajaur district, wounding four "
            "policemen.\n\n"
            "No group claimed the attacks.")
    events = run(extractor, text, published=datetime(2025, 2, 26, 10))
    assert [(e.location.district, e.killed, e.injured) for e in events] == [
        ("Dera Ismail Khan", 1, None), ("Bajaur", None, 4)]


def test_a_claim_s_motive_and_a_clause_on_the_group_s_past_do_not_make_a_recap(extractor: Extractor) -> None:
    text = ("PESHAWAR: A suicide bomber killed 12 worshippers at a mosque in the Police Lines on Monday.\n\n"
            "A commander of the Jamaat-ul-Ahrar faction claimed responsibility on social media, calling it revenge for "
            "the killing of the faction's chief in Afghanistan last year.")
    [event] = run(extractor, text, published=datetime(2023, 1, 31, 7))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Jamaat-ul-Ahrar", "claimed")
    text = ("LAHORE: A CTD inspector was shot dead near his house in Shahdara on Sunday evening.\n\n"
            "Initial investigation pointed to a cell of the banned Tehreek-e-Taliban Pakistan, some members of which "
            "had been arrested in Lahore last month, police said.")
    [event] = run(extractor, text, published=datetime(2024, 8, 4, 21))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Tehrik-i-Taliban Pakistan", "blamed")


def test_a_recap_after_a_coordinated_before_clause_and_a_bombing_in_a_relative_clause(extractor: Extractor) -> None:
    text = ("QUETTA — Gunmen stormed a coal mine in Duki late on Thursday, killing 14 miners, police said.\n\n"
            "The attack came days before a regional summit in Islamabad, and less than a week after a bombing near "
            "Karachi's airport killed two foreign engineers. That attack was claimed by the Balochistan Liberation Army.")
    [event] = run(extractor, text, published=datetime(2024, 10, 11, 13))
    assert (event.killed, event.perpetrator.name) == (14, None)
    text = ("DERA ISMAIL KHAN — Six terrorists attacked a security forces post in Daraban early on Tuesday, the military "
            "said. The attempt to enter the post was foiled, forcing the terrorists to ram an explosive-laden vehicle "
            "into it, which was followed by a suicide bombing. Seventeen soldiers embraced shahadat.")
    [event] = run(extractor, text, published=datetime(2023, 12, 12, 10))
    assert (event.event_type, event.killed) == ("bombing", 17)


@pytest.mark.parametrize("moved", ["Some were flown to Peshawar.", "The wounded were airlifted to Peshawar.",
                                   "Three were rushed to Peshawar in ambulances."])
def test_where_the_wounded_were_flown_is_not_the_scene(extractor: Extractor, moved: str) -> None:
    text = ("DERA ISMAIL KHAN — Six attackers rammed an explosives-laden truck into the gate of the Daraban police station "
            "before dawn on Tuesday, killing 19 soldiers. More than 30 soldiers were wounded. " + moved)
    [event] = run(extractor, text, published=datetime(2023, 12, 12, 19))
    assert event.location.district == "Dera Ismail Khan"


def test_the_time_a_toll_stands_at_is_not_the_incident_s_day(extractor: Extractor) -> None:
    text = ("Bajaur (Frontier News) — The number of people martyred in the blast at the party convention in Khar rose to "
            "31 by this morning, while 90 injured are under treatment.\n\n"
            "The blast took place yesterday afternoon during the speeches.")
    [event] = run(extractor, text, published=datetime(2023, 7, 31, 9))
    assert (event.date, event.killed) == (date(2023, 7, 30), 31)


def test_a_province_named_far_from_the_event_is_not_the_scene(extractor: Extractor) -> None:
    text = ("KARACHI: A suicide car bomber struck a convoy carrying foreign engineers near the airport late on Sunday, "
            "killing two of them, police said.\n\n"
            "The interior minister told reporters that the car had been bought with forged papers. He said the "
            "route would be reviewed.\n\n"
            "The convoy was heading to a power plant on the coast. Guards at the plant were put on alert.\n\n"
            "The separatist group has repeatedly targeted foreign interests, accusing Beijing of exploiting "
            "Balochistan's resources.")
    [event] = run(extractor, text, published=datetime(2024, 10, 7, 8))
    assert event.location.province == "Sindh"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("According to officials, three militants who opened fire on the convoy after the explosion were killed by "
         "the troops.", {"attackers_killed": [3]}),
        ("Officials said two militants who fired on the convoy moments after the blast were shot dead by troops.",
         {"attackers_killed": [2]}),
    ],
)
def test_the_casualty_verb_after_a_who_clause_on_the_counted(nlp: Language, text: str,
                                                             expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("None of the policemen at the post was hurt.", {"killed": [0], "injured": [0]}),
        ("None of the passengers on the coach were injured.", {"injured": [0]}),
    ],
)
def test_none_of_the_people_hurt_is_a_nil_toll(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the lede sets the killing in a run of older ones: the main clause is still this report's incident
        ("In the Orakzai district, a village headman and his brother have been shot dead, the latest in a spate of "
         "killings of headmen that has frightened the valley.\n\nPolice said the two men were walking back from the "
         "fields on Friday evening when attackers fired at them from a parked car. Both died on the way to hospital."),
        # a man and his companion in their own vehicle: the vehicle was not the target, the man was
        ("KOHAT: A district council member and his driver were killed on Friday when gunmen on a motorcycle "
         "opened fire on their vehicle near the bypass, police said.\n\nThe attackers escaped."),
    ],
)
def test_two_people_singled_out_is_a_targeted_killing(extractor: Extractor, text: str) -> None:
    [event] = run(extractor, text, published=datetime(2024, 3, 16, 9))
    assert (event.event_type, event.killed) == ("targeted_killing", 2)


def test_two_of_a_community_named_in_the_lede_are_singled_out(nlp: Language) -> None:
    lede = next(iter(nlp("Two members of the Hindu community were shot dead in Sukkur's old city on Friday.").sents))
    fields = {"event_type": "armed_assault", "killed": 2, "injured": None, "target_type": "civilians"}
    named = tuple(m.target_type for m in lede._.targets)
    assert is_targeted_killing(fields, [], lede.text, named)
    assert not is_targeted_killing(fields, [], lede.text)  # "members" alone does not say who was singled out


def test_an_officer_of_a_named_police_station_shot_on_his_way_is_singled_out(extractor: Extractor) -> None:
    text = ("The station house officer of Karak's Teri police station was martyred and a constable with him "
            "injured when unidentified gunmen opened fire on his vehicle on Monday evening.\n\n"
            "Police said the officer was returning home after duty.")
    [event] = run(extractor, text, published=datetime(2024, 5, 7, 9))
    assert (event.event_type, event.killed) == ("targeted_killing", 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare number after a casualty verb, which the tagger may read as a date
        ("The bomb ripped through the bus stand, killing 24 people and wounding 46, police said.",
         {"killed": [24], "injured": [46]}),
        # the number of a list that restates the attackers after a colon is the attackers'
        ("Officials said six militants had been killed in all: the driver of the truck and the five who tried to "
         "scale the wall.", {"attackers_killed": [6, 5]}),
    ],
)
def test_counts_the_tagger_or_a_list_may_hide(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_attackers_killed_as_told_in_reported_speech_are_this_attacks(extractor: Extractor) -> None:
    text = ("LAKKI MARWAT: Three policemen were martyred and five injured when militants attacked the Serai Naurang "
            "police station late on Monday, officials said.\n\n"
            "The district police officer said four attackers had been killed so far and the clearance operation was "
            "still under way.")
    [event] = run(extractor, text, published=datetime(2024, 6, 11, 9))
    assert (event.killed, event.injured, event.attackers_killed) == (3, 5, 4)


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # what a statement tells happened on its own day, not the day the statement went out
        ("A separatist group on Friday claimed a blast on a gas pipeline in Dera Bugti.\n\nThe group said in a "
         "statement emailed to reporters that its men had blown up the pipeline near Pir Koh on Thursday. No one was "
         "hurt.", datetime(2025, 5, 16, 18), date(2025, 5, 15)),
        # the day of a news report the story leans on is not the day of the attack
        ("The banned group has claimed an attack in which two drivers were killed and a truck was burnt on the "
         "highway, according to a local news report on Sunday.\n\nThe attack took place on Friday night near Khuzdar, "
         "police said.", datetime(2025, 7, 13, 12), date(2025, 7, 11)),
        # bodies found on one day; the abduction told next, on an earlier day
        ("The bodies of two of four labourers who were abducted by gunmen in Kech were found on Tuesday, officials "
         "said.\n\nThe labourers were taken from a construction site near Turbat late on Saturday. The other two are "
         "still missing.", datetime(2025, 8, 5, 15), date(2025, 8, 2)),
    ],
)
def test_the_incident_day_not_the_day_of_the_report(extractor: Extractor, text: str, published: datetime,
                                                    day: date) -> None:
    [event] = run(extractor, text, published=published)
    assert event.date == day


def test_the_district_the_attackers_came_from_is_not_the_scene(extractor: Extractor) -> None:
    text = ("TIMERGARA: Two policemen were martyred when militants attacked a police post in Lower Dir's Maidan area "
            "on Tuesday night, police said.\n\n"
            "The district police officer said the attackers had sneaked into the area from the adjoining Bajaur "
            "district and fled after an hour-long exchange of fire.")
    [event] = run(extractor, text, published=datetime(2025, 9, 10, 9))
    assert event.location.district == "Lower Dir"


@pytest.mark.parametrize("text", ["Islamabad, Apr 9 (PNA) Four people were killed when a bomb went off near a market.",
                                  "Dera Ismail Khan, Apr 9 — Four people were killed when a bomb went off near a market."])
def test_a_title_case_dateline_gives_the_filing_day(nlp: Language, text: str) -> None:
    [mention] = find_dates(sent(nlp, text), datetime(2025, 4, 9, 14))
    assert (mention.value, mention.reporting) == (date(2025, 4, 9), True)


def test_a_weekday_named_with_an_old_year_is_that_years(nlp: Language) -> None:
    found = find_dates(sent(nlp, "A bomb at a church on Palm Sunday in 2015 killed 17 worshippers."), datetime(2024, 6, 5, 9))
    assert found and all(d.background for d in found)


def test_a_toll_revised_down_from_an_earlier_figure(nlp: Language) -> None:
    text = ("Officials on Friday revised the death toll from the market bombing to 41, down from the figure of 52 "
            "given on Wednesday.")
    figures = extract_casualties(sent(nlp, text))
    assert [(f.value, f.earlier) for f in figures] == [(41, False), (52, True)]


def test_a_death_toll_with_a_clause_about_the_injured_is_still_the_dead(nlp: Language) -> None:
    text = "The death toll, which officials gave before two of the wounded died, stood at seven."
    assert counts(nlp, text) == {"killed": [7]}


def test_a_day_after_an_attack_counts_back_from_the_day_the_lede_names(extractor: Extractor) -> None:
    text = ("QUETTA: A day after gunmen laid siege to the provincial assembly's annexe, officials said on Thursday "
            "that two guards had been martyred and five people injured. All four attackers were killed.")
    [event] = run(extractor, text, published=datetime(2024, 5, 17, 7))
    assert (event.event_type, event.date, event.killed) == ("armed_assault", date(2024, 5, 15), 2)


def test_people_taken_off_a_vehicle_then_shot_are_the_dead(nlp: Language) -> None:
    text = ("Armed men blocked the highway near Kalat on Sunday night, pulled six labourers out of a van after "
            "checking their papers and shot them dead, officials said.")
    assert counts(nlp, text) == {"killed": [6]}


def test_a_month_and_year_before_an_incident_noun_is_a_recalled_date(nlp: Language) -> None:
    found = find_dates(sent(nlp, "The group was blamed for the September 2008 hotel bombing that killed 54 people."),
                       datetime(2022, 1, 19, 7))
    assert [(d.value, d.background) for d in found] == [(date(2008, 9, 1), True)]


def test_a_roundup_lede_total_is_not_the_first_incidents_toll(extractor: Extractor) -> None:
    text = ("PESHAWAR: Militants on Tuesday carried out attacks that killed seven policemen in two districts of "
            "the province. A roadside bomb struck a police van in Bannu in the morning. Four policemen were killed "
            "and two injured, officials said.\n\n"
            "In the evening, gunmen opened fire on a checkpost in Tank, killing three policemen.")
    events = run(extractor, text, published=datetime(2024, 3, 5, 22))
    assert [(e.location.district, e.killed) for e in events] == [("Bannu", 4), ("Tank", 3)]


def test_the_toll_told_after_a_came_after_recap_belongs_to_the_recalled_incident(extractor: Extractor) -> None:
    text = ("QUETTA: Two soldiers were killed when militants attacked a checkpost in Kalat on Monday, officials "
            "said.\n\nThe attack came a week after gunmen stormed a bus terminal in Turbat. Twelve passengers were "
            "killed and nine militants died before police regained control of the building.")
    [event] = run(extractor, text, published=datetime(2025, 5, 6, 9))
    assert (event.location.district, event.killed, event.attackers_killed) == ("Kalat", 2, None)



def test_a_verbless_figure_in_a_report_of_two_incidents_is_read(extractor: Extractor) -> None:
    text = ("PESHAWAR: Militants struck twice in the province on Tuesday.\n\nBannu toll: four policemen dead\n\n"
            "A roadside bomb struck a police van in Bannu in the morning, officials said.\n\nIn the evening, gunmen "
            "opened fire on a checkpost in Tank, killing three policemen.")
    events = run(extractor, text, published=datetime(2025, 5, 7, 9))
    assert [(e.location.district, e.killed) for e in events] == [("Bannu", 4), ("Tank", 3)]


def test_the_side_the_attackers_came_from_is_not_the_scene(extractor: Extractor) -> None:
    text = ("MIANWALI: Terrorists who crept in from the Lakki Marwat side of the river attacked a police checkpost "
            "on Tuesday night, killing a constable, police said.")
    [event] = run(extractor, text, published=datetime(2025, 6, 25, 9))
    assert (event.location.district, event.killed) == ("Mianwali", 1)


def test_the_dateline_comes_before_an_aside_when_the_body_place_disagrees_with_its_provinces(
        extractor: Extractor) -> None:
    text = ("DERA GHAZI KHAN: Terrorists attacked a police post in the tribal belt on Wednesday night, killing a "
            "constable, police said. Two wounded constables were shifted to a hospital in Multan.\n\n"
            "The tribal area of Dera Ghazi Khan, which borders Khyber Pakhtunkhwa and Balochistan, is patrolled by a "
            "border force.")
    [event] = run(extractor, text, published=datetime(2025, 3, 13, 9))
    assert (event.location.district, event.killed) == ("Dera Ghazi Khan", 1)


def test_a_districts_headquarters_town_places_the_report(extractor: Extractor) -> None:
    text = ("TIMERGARA: A bomb planted outside a shop in the main bazaar went off on Sunday night, injuring a "
            "watchman, police said.")
    [event] = run(extractor, text, published=datetime(2024, 5, 13, 9))
    assert (event.location.district, event.injured) == ("Lower Dir", 1)


def test_a_division_named_after_a_district_is_not_that_district(extractor: Extractor) -> None:
    text = ("SWAT: Gunmen shot dead a former peace committee member outside his home on Tuesday, police said. Such "
            "killings have become common across Malakand division.")
    [event] = run(extractor, text, published=datetime(2025, 4, 16, 9))
    assert (event.location.district, event.killed) == ("Swat", 1)


@pytest.mark.parametrize("text", [
    "QUETTA: Security forces killed six militants who attacked a naval air station in Turbat overnight, the military "
    "said. A soldier was also killed in the exchange of fire.",
    "GWADAR: Troops killed all eight terrorists who attacked the port complex on Wednesday, the military said.",
])
def test_militants_a_relative_clause_says_attacked_began_the_fight(extractor: Extractor, text: str) -> None:
    [event] = run(extractor, text, published=datetime(2024, 3, 21, 9))
    assert event.event_type == "armed_assault"


def test_a_named_victims_age_and_home_town_are_not_the_scene(extractor: Extractor) -> None:
    text = ("QUETTA: Terrorists attacked a Frontier Corps camp in Kech district on Tuesday night, officials said. "
            "Sepoy Imtiaz Hussain, 23, of Layyah was martyred in the exchange of fire.")
    [event] = run(extractor, text, published=datetime(2023, 5, 31, 9))
    assert (event.location.district, event.killed) == ("Kech", 1)


@pytest.mark.parametrize(("text", "expected"), [
    # "them" are the attackers the sentence named, not the troops who killed them
    ("Terrorists attacked a camp in the hills, where the troops responded and killed four of them.",
     {"attackers_killed": [4]}),
    # ... and the passengers when the attackers killed them
    ("Militants fired on the passengers and killed four of them.", {"killed": [4]}),
])
def test_a_count_of_them_counts_the_people_named_before_other_than_the_killers(
        nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    found: dict[str, list[int]] = {}
    for figure in extract_casualties(sent(nlp, text)):  # (a part of a count given elsewhere is a sub-count)
        found.setdefault(figure.kind, []).append(figure.value)
    assert found == expected


def test_a_groups_claim_that_puts_the_toll_higher_is_not_the_toll(extractor: Extractor) -> None:
    text = ("QUETTA: Three soldiers were martyred when terrorists attacked a Frontier Corps camp in Panjgur on Tuesday "
            "night, the military said.\n\nThe banned Balochistan Liberation Front claimed the attack on Wednesday, "
            "putting the number of soldiers killed at more than twenty. Officials dismissed the figure.")
    [event] = run(extractor, text, published=datetime(2023, 6, 1, 9))
    assert (event.killed, event.perpetrator.attribution) == (3, "claimed")



def test_the_ends_of_a_trains_route_are_not_the_scene(extractor: Extractor) -> None:
    text = ("A bomb went off under the Awam Express, which runs between Karachi and Peshawar, as it pulled into Rohri "
            "station in Sindh on Monday morning, wounding four passengers, railway officials said.")
    [event] = run(extractor, text, published=datetime(2024, 2, 6, 9))
    assert (event.location.province, event.location.district) == ("Sindh", "Sukkur")


def test_a_named_person_of_a_town_marks_the_town_as_his_home(nlp: Language) -> None:
    [home] = find_locations(sent(nlp, "Of the seven men taken off the coach, only Muhammad Sajid of Sadiqabad survived."))
    assert (home.name, home.in_aside()) == ("Sadiqabad", True)
    [scene] = find_locations(sent(nlp, "Gunmen opened fire on a coach near Sadiqabad on Tuesday night."))
    assert scene.in_aside() is False


def test_neither_attack_claimed_is_no_claim(extractor: Extractor) -> None:
    text = ("KARACHI: Two policemen were wounded when men on a motorcycle hurled a grenade at a police van in Korangi "
            "on Tuesday night, police said.\n\nNeither attack had been claimed by Wednesday evening.")
    [event] = run(extractor, text, published=datetime(2024, 5, 8, 19))
    assert (event.perpetrator.name, event.perpetrator.attribution) == (None, "unknown")


def test_a_month_of_last_year_is_a_recap_in_that_year(nlp: Language) -> None:
    published = datetime(2025, 5, 20, 9)
    [month, _] = find_dates(sent(nlp, "In March last year, a bomb on the line injured nine passengers."), published)
    assert (month.value, month.precision, month.background) == (date(2024, 3, 1), "month", True)
    [day, _] = find_dates(sent(nlp, "On March 5 last year, two guards were shot."), published)
    assert (day.value, day.background) == (date(2024, 3, 5), True)


def test_a_recalled_incident_of_last_year_lends_no_figure(extractor: Extractor) -> None:
    text = ("QUETTA: A bomb exploded under the Bolan Mail near Mach on Sunday, wounding three passengers, officials "
            "said.\n\nIn January last year, a blast on the same line injured nine people.")
    [event] = run(extractor, text, published=datetime(2025, 1, 20, 9))
    assert event.injured == 3


def test_a_province_named_far_below_gives_way_to_the_dateline_city(extractor: Extractor) -> None:
    text = ("KARACHI: The banned Sindhudesh Revolutionary Army on Tuesday claimed Monday night's grenade attack on a "
            "Rangers post that wounded four men.\n\nThe Rangers said the wounded were out of danger.\n\n"
            "Police said the claim was being checked.\n\nOfficials said patrols had been increased.\n\n"
            "The group says it has joined an alliance with armed groups that have claimed attacks in Balochistan "
            "and Karachi.")
    [event] = run(extractor, text, published=datetime(2024, 5, 8, 9))
    assert event.location.province == "Sindh"


def test_a_headline_claim_makes_a_funeral_report_news(extractor: Extractor) -> None:
    article = {"id": "t", "url": "https://example.test/r", "published_at": datetime(2024, 5, 10, 9),
               "title": "Slain schoolteacher laid to rest; TTP claims killing",
               "text": ("KARAK: A schoolteacher who was shot dead by gunmen outside his school in Takht-e-Nasrati on "
                        "Wednesday was laid to rest in his village on Thursday.\n\nThe banned Tehreek-e-Taliban "
                        "Pakistan claimed responsibility for the killing in a statement to journalists.\n\n"
                        "Hundreds of people attended the funeral.")}
    [event] = extractor.extract(article)
    assert (event.perpetrator.name, event.perpetrator.attribution, event.killed) == ("Tehrik-i-Taliban Pakistan", "claimed", 1)
    # without the headline's claim, the same funeral report is an aftermath story with no new incident
    assert extractor.extract({**article, "title": "Slain schoolteacher laid to rest"}) == []


def test_a_group_suspected_of_this_and_claiming_others_is_blamed(extractor: Extractor) -> None:
    text = ("PANJGUR: A barber from Punjab was shot dead in his shop in the main bazaar on Saturday afternoon, police "
            "said.\n\nPolice suspect the banned Balochistan Liberation Front, which has claimed similar killings of "
            "workers from other provinces in the past.")
    [event] = run(extractor, text, published=datetime(2024, 5, 12, 9))
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Balochistan Liberation Front", "blamed")


@pytest.mark.parametrize("text", [
    # a reaction's day is not the incident's
    "ISLAMABAD: China asked Pakistan on Thursday to investigate a suicide bombing that killed five of its engineers "
    "on the Karakoram Highway in Shangla on Wednesday.",
    # nor the day a siege ended
    "QUETTA: Troops on Thursday evening concluded the operation to free the passengers of a train that militants "
    "had seized in the Bolan Pass on Wednesday, killing 12 of the attackers.",
])
def test_the_day_of_a_reaction_or_an_ending_is_not_the_incidents(extractor: Extractor, text: str) -> None:
    [event] = run(extractor, text, published=datetime(2024, 3, 29, 9))  # a Friday
    assert event.date == date(2024, 3, 27)


@pytest.mark.parametrize(("text", "fields", "expected"), [
    # a correction stands over the higher tolls told after it
    ("LAHORE: Officials on Friday lowered the death toll from Tuesday's bombing at a bus stand in Lahore to 31, saying "
     "several bodies had been registered at two hospitals.\n\nThe toll had been put at 40 on Wednesday and it rose to "
     "42 on Thursday.", ("killed",), (31,)),
    # the sweep after a roadside bomb leaves it a bombing
    ("QUETTA: A vehicle of the Levies Force was targeted with an improvised explosive device near Mangochar, District "
     "Kalat, on Thursday while the personnel were on routine patrol. As a result, two personnel embraced shahadat and "
     "one was injured.\n\nSecurity forces have cordoned off the area and a sanitisation operation is being carried out "
     "to apprehend the perpetrators.", ("event_type",), ("bombing",)),
    # officials' toll of this incident, told in the past perfect of reported speech, is no recap (the group's claim is
    # no toll)
    ("The BLF has claimed responsibility for a roadside bomb attack on a Levies vehicle near Mand in Kech district on "
     "Monday evening.\n\nIn a statement, its spokesman said the group's fighters targeted the vehicle on a link road. "
     "He claimed that nine personnel were killed.\n\nLocal officials acknowledged that two Levies personnel had been "
     "killed and four others injured in the blast.", ("killed", "injured"), (2, 4)),
])
def test_the_reports_last_word_on_toll_and_kind(extractor: Extractor, text: str, fields: tuple[str, ...],
                                                expected: tuple[object, ...]) -> None:
    [event] = run(extractor, text, published=datetime(2024, 3, 29, 18))
    assert tuple(getattr(event, field) for field in fields) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # injuries "to" people, however the parser attaches the phrase
    ("The explosions caused the deaths of eleven shoppers and injuries to twenty-six others.",
     {"killed": [11], "injured": [26]}),
    ("The grenade caused injuries to 9 people.", {"injured": [9]}),
    # two named policemen joined by "and" are two
    ("Head Constable Sajid Ahmed and Constable Nadeem Khan received injuries and were taken to the hospital.",
     {"injured": [1, 1]}),
    # hit in a limb is a wound; hit in the head and dead is a death only
    ("A cook, Rahim, was hit in the arm and taken to the hospital.", {"injured": [1]}),
])
def test_injuries_told_as_harm_to_people(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


@pytest.mark.parametrize(("text", "carried"), [
    ("A private guard wounded when a suicide bomber targeted a van carrying four Korean engineers in Hub on Monday "
     "morning died in hospital later in the day, officials said.", 4),
    ("A police escort wounded when a bomber struck a coach carrying six Chinese teachers in Quetta on Monday died in "
     "hospital.", 6),
])
def test_the_people_a_vehicle_carried_are_not_the_dead(nlp: Language, text: str, carried: int) -> None:
    assert carried not in counts(nlp, text).get("killed", [])


def test_a_floating_both_takes_up_the_subject(nlp: Language) -> None:
    assert counts(nlp, "The driver and his helper were both killed.") == {"killed": [1, 1]}


@pytest.mark.parametrize(("text", "expected"), [
    # an anniversary lede is no news of the incident it remembers
    ("The city is marking the fifth anniversary of the Civil Lines market bombing in Mardan today. On March 4, 2019, a "
     "suicide bomber struck the crowded market.\n\nA total of 31 people were martyred, among them nine children, and "
     "more than 60 were injured. Families of the victims laid wreaths at the memorial.", []),
    # an attack on an anniversary is news
    ("MARDAN: Gunmen shot dead two policemen guarding a ceremony held on the fifth anniversary of the market bombing in "
     "Mardan on Monday, police said.", [(2, date(2024, 3, 4))]),
])
def test_an_anniversary_lede(extractor: Extractor, text: str, expected: list[tuple[int, date]]) -> None:
    events = run(extractor, text, published=datetime(2024, 3, 4, 18))
    assert [(e.killed, e.date) for e in events] == expected



@pytest.mark.parametrize(("text", "expected"), [
    # a possessive makes the harmed noun definite
    ("The bakery's owner was killed, while his son was wounded.", {"killed": [1], "injured": [1]}),
    # one named man a "who" clause says was martyred, whatever the parser hangs the clause on
    ("The funeral prayers of Subedar Gul Rehman, in charge of the Shewa post, who embraced shahadat in the attack on "
     "Monday, were offered in Karak.", {"killed": [1]}),
    ("Funeral prayers of Noor Alam Khan, the tehsil chairman of Mamund who was martyred in firing near the bazaar on "
     "Tuesday, were offered in his village.", {"killed": [1]}),
])
def test_one_victim_named_by_a_possessive_or_a_who_clause(nlp: Language, text: str, expected: dict[str, list[int]]) -> None:
    assert counts(nlp, text) == expected


def test_a_who_clause_on_a_named_killing_counts_no_one_anew(nlp: Language) -> None:
    assert counts(nlp, "Lawyers boycotted the courts on Friday to protest against the killing of senior advocate Naseer "
                       "Ahmed, who was shot dead outside his chamber a day earlier.") == {}


def test_the_wounded_who_later_died_are_not_wounded(nlp: Language) -> None:
    assert counts(nlp, "A guard, Sher Zaman, who was critically injured in the firing at the bank, died at the hospital "
                       "on Tuesday night.").get("injured", []) == []


def test_a_ranked_killing_is_the_same_death(nlp: Language) -> None:
    assert counts(nlp, "PESHAWAR: A prayer leader was shot dead by gunmen near his mosque on Sunday, police said, the "
                       "third killing of a religious scholar in the district this month.") == {"killed": [1]}



def test_a_count_only_the_headline_gives(extractor: Extractor) -> None:
    body = ("A roadside bomb exploded near a van carrying mine workers in Duki district on Tuesday morning, officials said. "
            "Several workers died on the spot and others were taken to hospital.\n\n"
            "The area was cordoned off and a search operation was launched.")
    events = extractor.extract({"id": "h", "url": "https://example.test/h", "title": "Seven miners killed in Duki roadside blast",
                                "text": body, "published_at": PUB})
    assert [(e.killed, e.evidence["killed"].in_title, e.evidence["killed"].text) for e in events] == [
        (7, True, "Seven miners killed")]
    # the body's own count stands over the headline's
    told = body.replace("Several workers died", "Five workers died")
    events = extractor.extract({"id": "h", "url": "https://example.test/h", "title": "Seven miners killed in Duki roadside blast",
                                "text": told, "published_at": PUB})
    assert [(e.killed, e.evidence["killed"].in_title) for e in events] == [(5, False)]


def test_a_headline_count_the_parse_runs_together_is_not_taken(extractor: Extractor) -> None:
    body = ("Gunmen stopped a passenger coach on the highway near Sibi district on Sunday and held the travellers "
            "for several hours, officials said.\n\nSecurity forces later stormed the coach and freed the passengers.")
    events = extractor.extract({"id": "h", "url": "https://example.test/h",
                                "title": "Coach seized near Sibi; 40 passengers freed, six militants killed",
                                "text": body, "published_at": PUB})
    assert events and all(e.killed is None for e in events)


def _one(extractor: Extractor, text: str, published: datetime = PUB, title: str = "") -> ExtractedEvent:
    (event,) = extractor.extract({"id": "t", "url": "https://example.test/r", "title": title, "text": text,
                                  "published_at": published})
    return event


def test_a_count_an_earlier_statement_gave_gives_way(extractor: Extractor) -> None:
    text = ("A suicide bomber blew himself up at a police checkpoint in Tank district on Sunday. On Wednesday police "
            "revised the death toll down to seven, saying two bodies had been counted twice.\n\n"
            "The district hospital had said on Monday that nine people had died, and the deputy commissioner put the toll "
            "at ten on Tuesday.")
    assert _one(extractor, text).killed == 7
    # a later statement set against the earlier one stands
    text = ("Gunmen fired on a school van in Matta, Swat district, on Monday morning, killing its driver. Police had "
            "initially said three pupils were hurt, but the district police chief said on Tuesday that one girl had "
            "been wounded in the arm.")
    assert _one(extractor, text).injured == 1


def test_a_toll_the_parser_hangs_on_its_source(extractor: Extractor) -> None:
    text = ("A bomb exploded at a wedding in Khar, in Bajaur district, on Sunday night.\n\n"
            "According to the medical superintendent of the district hospital, Dr Amjad Ali, the number of people who "
            "embraced shahadat in the blast rose to 23 yesterday.")
    assert _one(extractor, text, published=datetime(2025, 3, 4, 8)).killed == 23


def test_the_day_a_group_accepted_responsibility_is_not_the_attack_s(extractor: Extractor) -> None:
    text = ("Bajaur (Our Correspondent) — The Islamic State yesterday accepted responsibility for the suicide blast at a "
            "tribal jirga in Khar, while two more of the injured died in hospital.\n\n"
            "The blast had taken place on Sunday evening as elders gathered in the jirga hall.")
    assert _one(extractor, text, published=datetime(2025, 3, 4, 8)).date == date(2025, 3, 2)


def test_attackers_named_before_a_bare_count_and_their_running_total(extractor: Extractor) -> None:
    squad = ("Before dawn on Friday, a band of attackers cut through the fence of the Levies camp in Kohlu district. "
             "Four were shot dead at the fence; two more were killed later that morning, officials said. "
             "No Levies personnel were hurt.")
    event = _one(extractor, squad)
    assert (event.killed, event.attackers_killed) == (0, 6)
    crossing = ("On the night of 1 March, troops detected a group of militants trying to cross from Afghanistan into the "
                "Angoor Adda area of South Waziristan. On Sunday the army said 30 of them had been killed. On Monday it "
                "said eight more had been killed in the same area, raising the total to 38.")
    event = _one(extractor, crossing)
    assert (event.event_type, event.killed, event.attackers_killed) == ("security_operation", None, 38)


def test_the_dead_of_a_clause_on_a_hospital_add_to_the_toll(extractor: Extractor) -> None:
    text = ("A roadside bomb struck a Frontier Corps vehicle in Kohat district on Monday. Two soldiers were martyred on the "
            "spot, while three more succumbed to their injuries at the Combined Military Hospital Kohat, officials said.")
    assert _one(extractor, text).killed == 5


def test_killed_some_of_the_people_carried(extractor: Extractor) -> None:
    text = ("When a suicide bomber drove into a van carrying Chinese engineers near Dasu in Upper Kohistan district on "
            "Tuesday, he killed three of them and their driver.")
    assert _one(extractor, text).killed == 4


def test_a_count_with_its_own_verb_is_no_part_of_the_including_list(extractor: Extractor) -> None:
    text = ("Militants attacked a police station in Bannu district on Monday night. At least nine people were killed, "
            "including women and children in the houses near the wall, and more than 25 were wounded, an official said.")
    event = _one(extractor, text)
    assert (event.killed, event.injured) == (9, 25)


def test_a_claim_whose_motive_names_a_past_year_is_news(extractor: Extractor) -> None:
    text = ("PESHAWAR: A suicide bomber blew himself up in a mosque in Peshawar during Friday prayers, killing 12 "
            "worshippers, police said.\n\n"
            "A commander of the Hizbul Ahrar faction claimed responsibility for the attack in a message to reporters, "
            "describing it as revenge for the killing of the group's founder in Kabul last year.")
    event = _one(extractor, text)
    assert (event.perpetrator.name, event.perpetrator.attribution) == ("Hizbul Ahrar", "claimed")


def test_a_claim_on_a_killing_of_an_earlier_year_is_a_recap(extractor: Extractor) -> None:
    text = ("A suicide bomber blew himself up at a religious procession in Mastung district on Friday, killing 30 "
            "people, officials said. No group has claimed the bombing.\n\n"
            "Mastung has suffered such violence before: in May 2019 a bomber killed 25 people at a rally in the district, "
            "an attack claimed by the Islamic State.")
    assert _one(extractor, text).perpetrator.name is None


def test_people_taken_by_the_subject_of_the_joined_verb(extractor: Extractor) -> None:
    text = ("Armed men stopped a bus carrying schoolteachers in the Pezu area of Lakki Marwat district on Thursday and "
            "took 12 of them away at gunpoint, police said.")
    assert _one(extractor, text).event_type == "kidnapping"


def test_an_arrest_the_police_claim_is_no_claim_of_the_attack(extractor: Extractor) -> None:
    text = ("QUETTA: The Counter-Terrorism Department says it has arrested a man who allegedly sheltered the suicide "
            "bomber who struck a vegetable market in Quetta earlier this month.\n\n"
            "At a press conference on Wednesday, a CTD officer said the suspect had been picked up in a raid on Monday "
            "night.\n\n"
            "The banned Balochistan Liberation Army had claimed the attack on the day it happened.")
    article = {"id": "t", "url": "https://example.test/r", "text": text, "published_at": PUB,
               "title": "CTD claims arrest of bomber's host in market attack"}
    assert extractor.extract(article) == []


def test_a_confident_classifier_frames_no_incident_the_reader_already_knows() -> None:
    text = ("PESHAWAR: Nasreen Bibi still keeps her husband's cap on a shelf in their house. A year ago today he left for "
            "duty at the courts and did not come back.\n\n"
            "Officials say they have arrested two facilitators of the attack and identified its planners.\n\n"
            "Families say promised jobs for their children have not materialised.")
    confident = Extractor(nlp=Extractor(classifier=None).nlp, classifier=FakeClassifier(0.95))
    assert confident.extract({"id": "t", "url": "u", "text": text, "published_at": PUB}) == []


def test_more_dead_after_a_semicolon_add_to_the_toll(extractor: Extractor) -> None:
    text = ("Militants attacked a checkpost in Tank district on Monday. Four soldiers were martyred at the post; two "
            "more died later in hospital, officials said.")
    assert _one(extractor, text).killed == 6


def test_the_fields_of_a_police_release(extractor: Extractor) -> None:
    text = ("PRESS RELEASE — District Police Bannu\n\n"
            "On the night of 4/5 March 2025 at about 23:10 hrs, terrorists attacked Police Post Jani Khel with heavy "
            "weapons from two directions. The jawans of the post repulsed the attack after an exchange of fire.\n\n"
            "• Shuhada (02): Constable Amir Khan No. 511 and Constable Gul Nabi No. 730.\n\n"
            "• Injured (01): Head Constable Zarif Khan, shifted to DHQ Hospital Bannu.\n\n"
            "• Terrorists killed: 03. Their weapons were taken into police custody.")
    event = _one(extractor, text)
    assert (event.killed, event.injured, event.attackers_killed) == (2, 1, 3)


def test_a_paragraph_that_goes_back_to_the_first_incident_of_the_lede(extractor: Extractor) -> None:
    text = ("BANNU: Three policemen were martyred when militants attacked a police post in the Shahab Khel area of Lakki "
            "Marwat on Tuesday night. In Khyber district, militants blew up a mobile phone tower in Jamrud early on "
            "Wednesday.\n\n"
            "Police officials in Lakki Marwat said about 15 militants attacked the post from two sides. The firing went "
            "on for an hour.\n\n"
            "Two constables were injured and were taken to hospital in Bannu.\n\n"
            "In the other incident, militants planted explosives at the tower of a cellular company in Jamrud and blew it "
            "up. No one was killed or injured.")
    events = extractor.extract({"id": "t", "url": "https://example.test/r", "text": text, "published_at": PUB})
    assert [(e.location.district, e.killed, e.injured) for e in events] == [("Lakki Marwat", 3, 2), ("Khyber", 0, 0)]


def test_a_headline_that_drops_the_article_before_its_victim(extractor: Extractor) -> None:
    body = ("Unknown gunmen opened fire on a polio team in the Kalaya area of Orakzai district yesterday, as a result of "
            "which the policeman performing security duty with the team embraced martyrdom.")
    event = _one(extractor, body, published=datetime(2025, 3, 5, 8),
                 title="Policeman guarding polio team embraces martyrdom in Orakzai firing")
    assert event.killed == 1


def test_the_lede_s_other_attack_told_later_in_the_day(extractor: Extractor) -> None:
    text = ("PESHAWAR, Pakistan — Gunmen stormed a girls' school in Pakistan's Kurram district on Thursday and killed "
            "five teachers, officials said, hours after another teacher was shot dead in a separate attack nearby.\n\n"
            "The attackers fled toward the hills, police said.\n\n"
            "Earlier in the day, gunmen stopped a van near Sadda, picked out a teacher named Gul Wali and shot him dead, "
            "police said.")
    events = extractor.extract({"id": "t", "url": "https://example.test/r", "text": text, "published_at": PUB})
    assert [(e.event_type, e.killed) for e in events] == [("armed_assault", 5), ("targeted_killing", 1)]


def test_an_arrest_lede_that_recalls_the_toll_of_a_known_bombing(extractor: Extractor) -> None:
    text = ("QUETTA: The Counter-Terrorism Department has arrested two suspects allegedly involved in last month's "
            "bombing of a police van in Kuchlak, in which four policemen were martyred and nine other people were "
            "wounded, a CTD spokesman said today.\n\n"
            "The suspects were picked up in a raid on a house in Pishin late on Monday, the spokesman said.")
    assert run(extractor, text) == []


def test_a_later_paragraph_on_a_district_the_summing_lede_named_is_its_own_incident(extractor: Extractor) -> None:
    text = ("PESHAWAR: Four policemen were martyred and five others injured in two separate attacks in Bannu and Khyber "
            "districts on Wednesday, officials said.\n\n"
            "In the first incident, a police van was hit by a roadside bomb near Jamrud in Khyber district in the "
            "morning. Constable Amin was martyred on the spot while two other policemen were injured.\n\n"
            "Later in the evening, militants attacked a police post near Domel in Bannu district. Police officials said "
            "three constables were martyred and three others were injured in the exchange of fire.")
    events = extractor.extract({"id": "t", "url": "https://example.test/r", "text": text, "published_at": PUB})
    assert sorted((e.location.district, e.killed, e.injured) for e in events) == [("Bannu", 3, 3), ("Khyber", 1, 2)]
