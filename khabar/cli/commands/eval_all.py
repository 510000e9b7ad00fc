"""`khabar eval all`: run every evaluation and regenerate docs/accuracy.md from what they print.

Each section is one ordinary `khabar …` command line, run in this process through the same
click command a user would type, so every figure on the page is printed by that command and
nothing is computed a second way. Adding an evaluation is one `Section(...)` line.
"""

from __future__ import annotations

import contextlib
import io
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import click

from khabar.core.settings import PROJECT_ROOT
from khabar.tools.probes import STUDIED

SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "data" / "eval"  # ../shared beside the checkout
DEFAULT_OUTPUT = PROJECT_ROOT / "docs" / "accuracy.md"
REPORT_COLUMNS = "150"  # width of the captured tables
GOALS = (
    "events (news_dev holdout, ACLED dev) killed ≥ 0.85, injured ≥ 0.80, date ≥ 0.90, district ≥ 0.85, "
    "province ≥ 0.95, perpetrator + attribution ≥ 0.85, event type ≥ 0.85, relevance F1 ≥ 0.90; "
    "incident grouping pairwise F1 ≥ 0.95; throughput ≥ 0.5× bare spaCy; peak memory < 1.5 GB"
)


@dataclass(frozen=True)
class Section:
    """One evaluation: a heading, a `khabar` command line and what the reader should know."""

    title: str
    args: tuple[str, ...]  # after `khabar`; "{shared}": the labelled-data folder, "{root}": the checkout
    about: str
    shared: bool = False  # needs the labelled data under ../shared
    bench: bool = False  # a timing, skipped by --no-bench
    fresh: bool = False  # run in a new process (timings and peak memory of that command alone)
    elasticsearch: bool = False  # needs the configured Elasticsearch (skipped, with a note, when it does not answer)


# the multi-outlet development sets whose incident grouping is scored: (set, what it holds, what it stresses)
INCIDENT_PROBES = (
    ("p6", "one incident, several outlets",
     "The multi-outlet development set: tolls and places that change, two attacks in one district days apart. "
     "Its mentions were read while tuning; the demo gold is printed again below it."),
    ("p8", "thirteen incidents, several outlets each",
     "Follow-ups with rising tolls, late claims and places named differently; two attacks in one district two "
     "days apart and two on one day in neighbouring districts. Scored unseen first, then studied."),
    ("p10", "thirteen incidents, 2-4 outlets each",
     "Nine new house styles; a toll revised down then up, a faction's claim and the parent's denial, two attacks "
     "in one district two days apart, a recap six days later. Scored unseen first, then studied."),
    ("p12", "sixteen incidents, nine of them in 2-3 reports",
     "Ten more house styles: tolls revised down because the dead were found alive, claims that replace blame, "
     "places named differently. Scored unseen first, then partly studied."),
    ("p15", "fourteen incidents, eleven of them in 2-3 reports",
     "Eight more house styles: tolls revised up and down, claims that arrive days later, two attacks in one "
     "district two days apart, a roundup of two incidents. Scored unseen first, then studied."),
    ("p18", "fourteen incidents, ten of them in 2-3 reports",
     "Seven styles far from a broadsheet (a Pashto channel's site, a Quetta website, a Lahore tabloid, an agency, a "
     "Sindhi daily, a risk newsletter, a press handout); two incidents of one day in one report. Scored unseen "
     "first, then studied."),
    ("p20", "fifteen incidents, fourteen of them in 2-3 reports",
     "Eight styles not seen before (a Hazara community site, a D.I. Khan local paper, an Urdu daily's English e-paper, "
     "a Chinese state wire, a Gulf paper, a Kurram news page, a Karachi evening tabloid, a radio bulletin); two "
     "attacks in one district two days apart, a roundup of two incidents of one day. Scored unseen first, then "
     "studied."),
    ("p23", "sixteen incidents, eleven of them in three reports",
     "Eight more styles (a Lahore broadsheet, a Peshawar Urdu daily's English site, an agency, a business daily, a "
     "Quetta TV site, a Bannu weekly, a UK weekly, a wire's Urdu service); three days with two attacks in one "
     "province, reports of both together. Scored unseen first, then studied."),
    ("p28", "fourteen incidents, twelve of them in 2-3 reports",
     "Eight outlets (a Peshawar and a Quetta daily, an Islamabad broadsheet, an agency, a TV website, a translated "
     "Urdu daily, an international wire, a Sindh daily): tolls revised up and down, claims a day later, two attacks "
     "of one day in neighbouring districts, two in one district three days apart. Scored unseen first, then studied."),
    ("p30", "eighteen incidents, eight of them in two reports",
     "Formats far from a broadsheet (a wire, a foreign correspondent, an Indian and an Afghan exile website, a "
     "Balochistan website, a TV live page, police press releases, a risk newsletter's roundups). Scored unseen "
     "first, then studied."),
    ("p31", "sixteen incidents, twelve of them in 2-3 reports",
     "News_dev's nine house styles, written by a writer who read only news_dev's study part: toll revisions, late "
     "claims and denials, state-blame labels, two roundups. Scored unseen first, then studied."),
    ("p33", "twelve incidents, six of them in 2-3 reports",
     "News_dev's nine house styles, 2021-22, by a writer who read only news_dev's study part: tolls that rise and an "
     "injured count revised down, late claims, reports of two incidents, funerals and condemnations as distractors. "
     "Scored unseen first, then studied."),
    ("p35", "fourteen incidents, six of them in 2-3 reports",
     "Six new styles (an international wire, a Lahore daily, a Karachi evening paper, a translated Urdu site, a "
     "weekly security digest, newest-first live pages): changing tolls, late claims, a village, a tehsil and a road "
     "for one attack. Scored unseen first, then studied."),
    ("p36", "sixteen incidents, five of them in two reports",
     "Every event type evenly in news_dev's house styles (abductions and releases, targeted killings, pipelines and "
     "tracks, operations, foiled devices, cross-border fire). Scored unseen first, then studied."),
    ("p37", "fourteen incidents, six of them in 2-3 reports",
     "Two international wires, a foreign desk and two Pakistani English dailies (weekday dates, attribution late, "
     "militancy statistics in background), tolls that rise, late claims and a denial, three distractors. Scored "
     "unseen first, then studied."),
    ("p38", "fifteen incidents, seven of them in two reports",
     "Regional and translated Urdu papers and ISPR rewrites (capital datelines, Rescue 1122, victims named with their "
     "fathers, village, tehsil and district for one attack), a kidnapping with a release, three distractors. Scored "
     "unseen first, then studied."),
    ("p40", "fourteen incidents, seven of them in 2-3 reports",
     "TV websites with UPDATE paragraphs, a business daily and a long magazine feature: cross-border fire by Afghan "
     "forces, faction claims, sectarian attacks, operations with soldiers and militants killed. Scored unseen first, "
     "then studied."),
    ("p41", "eleven incidents, five of them in 2-3 reports",
     "Khyber Pakhtunkhwa's merged and southern districts in four outlets (a Peshawar daily, a TV channel's English "
     "site in one-sentence paragraphs, a wire, a weekly's narrative feature): follow-ups a day later with a new toll "
     "and the place named by village or tehsil, six distractors. Scored unseen first, then studied."),
    ("p42", "twelve incidents, five of them in 2-3 reports",
     "Balochistan, Karachi and south Punjab in four outlets (a Karachi daily, a translated Quetta site, a business "
     "paper's roundups, a foreign broadcaster): tolls revised up and down with relative dates, a faction claim, six "
     "distractors. Scored unseen first, then studied."),
    ("p43", "twenty incidents, eleven of them in 2-3 reports",
     "Khyber Pakhtunkhwa, Punjab, Sindh and Gilgit-Baltistan in seven outlets (a wire with weekday datelines, an Urdu "
     "daily's English edition, a TV website, a Peshawar paper, a Karachi paper, a weekly security newsletter, an "
     "international outlet): tolls that rise, late claims by fronts and alliances, places named differently, five "
     "distractors. Scored unseen first, then studied."),
    ("p44", "twenty-one incidents, nine of them in 2-3 reports",
     "Balochistan, Karachi and Dera Ismail Khan in seven outlets (a wire, a Quetta daily, a national daily, a risk "
     "brief with nil tolls, a broadcaster's site, a Makran site, an international outlet): tolls revised up and down, "
     "claims arriving later, places named by village or highway stretch, five distractors. Scored unseen first, "
     "then studied."),
    ("p45", "nineteen incidents, eleven of them in 2-3 reports",
     "Khyber Pakhtunkhwa, Punjab and Islamabad in seven outlets (an Islamabad daily, a Lahore tabloid, a TV channel's "
     "English service, a translated Pashto-region site, a foreign wire, police press releases rewritten, a magazine "
     "feature): targeted killings, tolls revised, claims and denials a day later, four distractors. Scored unseen "
     "first, then studied."),
    ("p46", "twenty-one incidents, eleven of them in 2-3 reports",
     "Balochistan, Karachi and Jacobabad in seven outlets (a Quetta daily, a wire with update notes, a live page, "
     "handouts rewritten by an agency, a Karachi daily, a diaspora site with its own vocabulary, a consultancy's "
     "digests of several incidents): rising tolls, late claims by groups and units, four distractors. Scored unseen "
     "first, then studied."),
    ("p49", "seventeen incidents, ten of them in 2-3 reports",
     "Balochistan and upper Sindh in seven outlets (a wire, a Balochistan daily, a Karachi evening paper, a national "
     "daily's long reports, a TV site's bulletins, a Sindh daily, a foreign outlet): tolls that rise, claims and "
     "denials, a report that names only the province, four distractors. Scored unseen first, then studied."),
    ("p50", "sixteen incidents, nine of them in 2-3 reports",
     "Five provinces in seven house styles (a terse wire, a chatty TV site, a broadsheet, a Peshawar paper, a Quetta "
     "paper, an international outlet, a security newsletter): cross-border fire by Afghan forces, a sectarian ambush, "
     "four distractors. Scored unseen first, then studied."),
    ("p51", "twenty-two incidents, thirteen of them in 2-3 reports",
     "Khyber Pakhtunkhwa in 2023-24 in eight outlets (a Peshawar broadsheet, an international wire, a TV website, an "
     "Urdu daily's English edition, a tribal-districts site, a weekly digest, a foreign correspondent, rewritten "
     "ISPR handouts): tolls revised up and down, faction claims, places named differently, four distractors. Scored "
     "unseen first, then studied."),
    ("p53", "twenty incidents, ten of them in 2-3 reports",
     "Six regions in 2021-22 and 2025 in seven ordinary outlets, every event type, dates as news writes them "
     "(\"last night\", \"late on Friday\", attacks before midnight reported the next day), changing tolls and hostage "
     "counts, three roundups of two incidents, four distractors. Scored unseen first, then studied."),
    ("p54", "twenty-four incidents, fourteen of them in 2-3 reports",
     "Khyber Pakhtunkhwa, Punjab and Islamabad in 2022 and 2025 in seven outlets (an Islamabad broadsheet, a Peshawar "
     "Urdu daily's English site, a wire with UPDATE notes, a TV live page newest first, rewritten police releases, a "
     "weekly security newsletter, a foreign magazine): ledes naming two incidents, tolls and injured counts revised, "
     "places named by tehsil or village, four distractors. Scored unseen first, then studied."),
    ("p56", "nineteen incidents, thirteen of them in 2-4 reports",
     "Balochistan in 2024-25 in six outlets (a foreign wire, a domestic wire, two dailies, a TV website, a Turbat "
     "weekly): a train hijacking, tolls revised over several days, claims arriving later, coordinated attacks in a "
     "roundup, passengers pulled off buses, four distractors. Scored unseen first, then studied."),
    ("p57", "sixteen incidents, nine of them in 2-3 reports",
     "Southern Khyber Pakhtunkhwa in 2023-25 in five outlets (a Peshawar daily's local correspondents, an Islamabad "
     "daily, an agency, a digital outlet, a TV website): attacks on police posts, policemen and polio workers shot, "
     "kidnappings, a quadcopter attack, night attacks reported after midnight, four distractors. Scored unseen first, "
     "then studied."),
    ("p58", "seventeen incidents, ten of them in 2-3 reports",
     "Karachi, Peshawar, Quetta, Bajaur, Dera Ismail Khan and Lahore in 2021-25 in nine outlets (short bulletins and "
     "long reports quoting hospital officials): injured counts that change, victims named in lists, disowned claims, "
     "four distractors. Scored unseen first, then studied."),
    ("p61", "seventeen incidents, ten of them in 2-3 reports",
     "Southern Khyber Pakhtunkhwa (Bannu, Lakki Marwat, Dera Ismail Khan, Tank, Kohat, Karak) in 2023-25 in six "
     "outlets writing translated Urdu wire copy and police statements: tolls by category, tolls revised over days, "
     "funerals and FIRs the next day, faction claims, four distractors. Scored unseen first, then studied."),
    ("p62", "twenty incidents, ten of them in 2-3 reports",
     "Balochistan highways and labourers in 2024-25 in six wire services: passengers offloaded and shot after ID "
     "checks, trucks burnt, miners abducted, Levies posts attacked, claims sent to journalists days later, places "
     "spelled differently, four distractors. Scored unseen first, then studied."),
    ("p63", "sixteen incidents, ten of them in 2-3 reports",
     "Karachi, Lahore, Quetta, Peshawar and Islamabad in 2021-24 in six broadsheets with long analysis and history "
     "paragraphs: attacks on Chinese nationals, targeted killings of clerics and minorities, mosque and station "
     "bombings with tolls revised across reports, four distractors. Scored unseen first, then studied."),
    ("p66", "fifteen incidents, nine of them in 2-3 reports",
     "Punjab, Islamabad and interior Sindh in 2022-25 from six outlets (a wire, a capital daily, two provincial "
     "dailies, a TV website, a foreign desk): CTD shootouts, attacks on border posts, riverine dacoits' raids on "
     "police camps, four distractors. Scored unseen first, then studied."),
    ("p67", "sixteen incidents, ten of them in 2-3 reports",
     "The Makran coast and its hinterland (Kech, Gwadar, Panjgur) in 2021-24 from six outlets: coordinated attacks "
     "on camps, abductions of workers, claims that arrive days later, four distractors. Scored unseen first, then "
     "studied."),
    ("p68", "seventeen incidents, ten of them in 2-3 reports",
     "The Malakand division (Swat, Dir, Bajaur, Shangla, Buner, Chitral) in 2022-25 from six outlets: hostage-taking, "
     "attacks on school vans and peace committees, a rally bombing, four distractors. Scored unseen first, then "
     "studied."),
    ("p74", "fourteen incidents, nine of them in 2-3 reports",
     "Balochistan, Sindh and Punjab in 2021-23 from six outlets (a Quetta daily, a Karachi evening paper, a national "
     "broadsheet, an agency, a foreign broadcaster, a translated Urdu outlet): passengers taken off a bus, polio "
     "workers and labourers shot, pipeline and track blasts, a suicide bombing with a rising toll, twin grenade "
     "attacks, four distractors. Scored unseen first, then studied."),
    ("p78", "sixteen incidents, eight of them in 2-3 reports",
     "Sindh, Punjab and southern Balochistan in 2019-24 from eight outlets: attacks on Chinese nationals, a "
     "police-office siege, a shrine bombing, grenade attacks on shops, dacoits' kidnappings, track and pipeline blasts, "
     "reaction headlines over attack reports, four distractors. Scored unseen first, then studied."),
    ("p79", "fifteen incidents, seven of them in 2-3 reports",
     "Long reports (340-400 words) from nine outlets on 2023-25 attacks whose tolls are hard to read: counts by "
     "category, tolls revised within and across reports, hospital and police counts that differ, inflated claims "
     "beside the official toll, older attacks recalled with their own tolls, three distractors. Scored unseen first, "
     "then studied."),
    ("p81", "fourteen incidents, seven of them in two reports",
     "Long follow-up reports from nine outlets on 2023-25 attacks in Khyber Pakhtunkhwa, Punjab and Sindh: tolls that "
     "rose overnight with the dead named, injured moved to other cities' hospitals, late claims and claims disowned by "
     "the parent group, funeral, protest and visit ledes over the attack's figures, three distractors. Scored unseen "
     "first, then studied."),
    ("p83", "fourteen incidents, seven of them in 2-3 reports",
     "Long reports (360-540 words) from eight outlets on 2023-25 attacks in Khyber Pakhtunkhwa and Balochistan: "
     "suicide bombings with tolls that rise over three reports, a convoy ambush named by three villages, a hijacking, "
     "an abduction, a track blast, an operation, faction claims and denials, inflated claims beside the official toll, "
     "two incidents in one report, three distractors. Scored unseen first, then studied."),
    ("p85", "thirteen incidents, six of them in 2-3 reports",
     "Ordinary daily incidents of 2022-24 from seven outlets, half in long reports (350-430 words): police posts, "
     "IEDs on security vehicles, a grenade outside a shop, labourers shot, a judge kidnapped, a pipeline blast, an "
     "operation; tolls revised and injured who later died, late claims, places named by village or tehsil in one "
     "report and by district in another, a roundup, three distractors. Scored unseen first, then studied."),
    ("p87", "thirteen incidents, ten of them in 2-3 reports",
     "Long reports from eight outlets on 2023-24 attacks in Balochistan and Sindh: tolls revised over a day or more, "
     "claims arriving later, army-press copy that names no group, a disputed claim, abductions ending in killings, "
     "night attacks reported after midnight, five reports of two incidents, three distractors. Scored unseen first, "
     "then studied."),
    ("p89", "fifteen incidents, eleven of them in 2-3 reports",
     "Long reports (7-11 paragraphs) from eight outlets on 2021-25 attacks in four provinces: toll, place and claimant "
     "in different paragraphs, earlier attacks recalled with their tolls, tolls revised up and down, attackers killed "
     "by guards, four reports of two attacks, splinter and faction claims, three distractors. Scored unseen first, "
     "then studied."),
    ("p91", "fourteen incidents, eight of them in two reports",
     "Reports from nine outlets on 2022-25 attacks, written to vary how tolls are told: parts to be summed across "
     "paragraphs, named victims with no total, tolls in the headline only, in words or in a quote, rising tolls, "
     "attackers counted apart, three targeted killings, two distractors. Scored unseen first, then studied."),
    ("p92", "fourteen incidents, ten of them in 2-3 reports",
     "Long reports from nine outlets on 2023-25 attacks in Khyber Pakhtunkhwa, Balochistan and Punjab: tolls revised "
     "up and down across reports, tolls to be summed from parts, explicit nil tolls, inflated claims beside the official "
     "toll, late and faction claims, weekday dates in reports published after midnight, datelines from another city, "
     "two reports of two incidents, three distractors. Scored unseen first, then studied."),
    ("p94", "fifteen incidents, nine of them in 2-3 reports",
     "Reports from nine outlets far from a broadsheet (a TV flash page, agency wire, translated Urdu, a Pashto channel, a "
     "police bullet list, a digital outlet with subheadings, a foreign desk) on 2022-25 attacks: tolls revised up and "
     "down, tolls split by group or told only in a quote, attackers counted apart, an inflated claim, reports published "
     "after midnight, a kidnapping and release, attacks on a pipeline and a tower that hurt no one, two reports of two "
     "incidents, three distractors. Scored unseen first, then studied."),
    ("p96", "twenty-two incidents, five of them in 2-3 reports",
     "Reports from eight outlets on 2019-25 attacks, written to make place and time hard: datelines from another city, "
     "night and 'yesterday' dates, hospitals, funerals and home towns in other districts, former agencies and tehsils "
     "named without their district, tolls that rise and injured who later die, a faction claim and a denial, six reports "
     "of two or three incidents, three distractors. Scored unseen first, then studied."),
    ("p98", "fifteen incidents, twelve of them in 2-3 reports",
     "Reports from seven outlets (a wire with weekday datelines, a daily, a TV live page, a weekly, an Urdu-press "
     "translation, a Quetta outlet, a monthly roundup) on 2023-25 attacks, written to test merging: tolls that rise and "
     "are revised down across reports, claims that arrive late, places named by village, tehsil or province only, "
     "attacks and operations of one night in one district, two reports of two incidents, three distractors. Scored "
     "unseen first, then studied."),
    ("p100", "nineteen incidents, seven of them in two reports",
     "Long reports from nine outlets (an ISPR-idiom bulletin, a Peshawar daily, an international wire, a police-beat "
     "digest, a TV site, a broadsheet, an Urdu-press translation, a Quetta daily, a D.I. Khan weekly) on smaller 2021-25 "
     "attacks: tolls told in the lede and again otherwise, named victims with ranks and ages, the injured by hospital, "
     "victims who died later, attackers killed in return fire, tolls summed across paragraphs, nil tolls, older "
     "incidents' tolls in background, two reports of two incidents, two distractors. Scored unseen first, then studied."),
    ("p102", "seventeen incidents, nine of them in 2-3 reports",
     "Reports from nine outlets (a wire with datelines, Peshawar, Quetta and Karachi broadsheets, a TV site, a weekly, "
     "an Urdu-press English edition, a defence outlet in the military's idiom, a foreign desk) on 2022-25 attacks, "
     "written to make tolls hard: tolls told by category or split across paragraphs, attackers killed beside victims, "
     "tolls in words, rising and revised, headline tolls that differ from the body, the injured by hospital, background "
     "tolls and statistics, group claims of figures, nil tolls. Scored unseen first, then studied."),
    ("p104", "sixteen incidents, eight of them in 2-3 reports",
     "Reports from eight outlets far from a broadsheet (a live blog newest first, an explainer with bullets, a long-form "
     "feature, a police-beat column of a day's small incidents, an Urdu-press translation, a foreign wire with analysis, "
     "a government statement, an opinion weekly) on 2022-25 attacks: tolls across timestamped updates, in bullets only, "
     "the dead named one by one, attackers killed beside victims, background statistics, two distractors. Scored unseen "
     "first, then studied."),
    ("p106", "fifteen incidents, ten of them in 2-3 reports",
     "Reports from seven outlets (a Peshawar broadsheet, a Quetta daily, an international wire with UPDATE lines, a TV "
     "site, an Urdu-press translation, a Karachi metro paper, a weekly security digest of several incidents) on 2022-25 "
     "attacks: follow-ups days later with tolls revised up and down, places named by village, road, tehsil, police "
     "station or neighbouring town, relative dates only, claims that arrive later, are disputed or denied, background "
     "paragraphs with older attacks and yearly statistics, four distractors. Scored unseen first, then studied."),
    ("p108", "twelve incidents, eleven of them in 2-3 reports",
     "Reports from twelve outlets on 2023-25 attacks in four provinces, written to test merging: tolls that rise or "
     "are revised down, places named by village, checkpost, tehsil, road or only near the border, weekday, "
     "'yesterday' and late-night dates, one attack called a blast, an IED or a suicide attack by different outlets, "
     "lookalike incidents days apart or in neighbouring districts, three attacks on one railway line, late claims, a "
     "roundup of two incidents, three distractors. Scored unseen first, then studied."),
    ("p110", "sixteen incidents, eight of them in two reports",
     "Long reports from nine outlets on 2021-25 attacks in all four provinces and the merged districts, written to make "
     "counts hard: tolls given only as parts, totals with 'including' lists, attackers killed beside the victims, body "
     "counts that include the attackers, tolls that rise within a report or are revised down, the wounded who die "
     "later, headlines that differ from the body, survivors' quotes full of other numbers, background tolls, a roundup "
     "of two incidents, two distractors. Scored unseen first, then studied."),
    ("p112", "eleven incidents, most of them in 2-3 reports",
     "Reports from five outlets (a wire, a Peshawar Urdu daily's English site, a TV channel's bulletins, a Quetta "
     "website, a weekly security newsletter summarising three incidents per issue) on 2022-23 attacks in the merged "
     "districts and Balochistan: tolls that rise or are revised down, wounded who die the next day, late claims, a "
     "faction claim later disowned, places named by village, tehsil, road or checkpost, background tolls, three "
     "distractors. Scored unseen first, then studied."),
    ("p114", "twelve incidents, ten of them in two reports",
     "Reports from five outlets on 2023-25 attacks in Balochistan, Khyber Pakhtunkhwa and Gilgit-Baltistan, written to "
     "make the type and the perpetrator hard: car bombs followed by gunmen, an IED then an ambush, grenades, rockets, "
     "schools set on fire, a kidnapping ending in killings, cross-border fire by Afghan forces, claims by fronts and "
     "alliances, state-blame labels, denials, two roundups, three distractors. Scored unseen first, then studied."),
    ("p116", "eleven incidents, ten of them in 2-3 reports",
     "Reports from five outlets (a Lahore daily, a wire with weekday-only datelines, a Peshawar paper, a TV site with "
     "update lines, a Quetta weekly) on 2023-25 attacks in Khyber Pakhtunkhwa and Balochistan: tolls as sums of "
     "groups, victims and attackers counted in one sentence, counts in words, hospital figures beside the police's, "
     "follow-ups that lead with funerals, claims or arrests, background tolls, two distractors. Scored unseen first, "
     "then studied."),
    ("p118", "ten incidents, in 1-3 reports each",
     "Reports from four outlets (an Islamabad daily, a wire, an Urdu paper's English edition, a Dera Ismail Khan site) "
     "on 2021-25 attacks in Khyber Pakhtunkhwa and Balochistan: night attacks told the next morning, bodies found a "
     "day after an abduction, the scene apart from home towns, hospital cities and datelines, roads named after other "
     "towns, kidnappings, attacks on towers, pipelines and a bridge, two distractors. Scored unseen first, then "
     "studied."),
    ("p120", "ten incidents, most of them in 2-4 reports",
     "Reports from five outlets (a Peshawar broadsheet with long background sections, a wire with weekday-only "
     "datelines, a Quetta Urdu paper's English edition, a TV site with update lines, a regional agency's terse items) on "
     "2022-25 attacks in Khyber Pakhtunkhwa and Balochistan: one attack placed by village, tehsil, police station or "
     "district, tolls that rise over days, tolls in words or split across sentences, attackers counted apart, two "
     "attacks on one day in neighbouring districts, follow-ups that lead with an arrest or a funeral, background tolls, "
     "three distractors. Scored unseen first, then studied."),
    ("p122", "ten incidents, in 2-3 reports each",
     "Reports from four outlets (an Islamabad daily quoting military statements at length, a wire, a Peshawar Urdu "
     "paper's English edition, a Balochistan site) on 2023-25 attacks in Khyber Pakhtunkhwa and Balochistan: soldiers "
     "and militants killed in one paragraph, operations after an attack, polio teams, a bank van, a customs post, a "
     "market bomb, kidnapped labourers found dead, a tehsil named like another district, relative dates, two "
     "distractors. Scored unseen first, then studied."),
    ("p124", "ten incidents, most of them in 2-3 reports",
     "Reports from five outlets (a Lahore broadsheet in a foreign-news style, a wire filing flashes then updates, a "
     "Quetta Urdu daily's English site, a Peshawar radio station's web copy, a monthly security review) on 2023-25 "
     "attacks in Khyber Pakhtunkhwa and Balochistan: tolls told in many ways (\"claimed the lives of\", \"left X dead\", "
     "\"bringing to N the number\"), victims and attackers in one list, a flash that counts the bomber, wounded who die "
     "the next day, places on a road between two towns, a front group's claim denied by the parent, two distractors. "
     "Scored unseen first, then studied."),
    ("p126", "ten incidents, most of them in 2-3 reports",
     "Reports from eight outlets (a wire, English dailies with Peshawar or Quetta datelines, a TV website, a regional "
     "weekly) on 2022-25 attacks in Khyber Pakhtunkhwa and Balochistan: ledes that open on an official's quote, tolls "
     "per category in words and figures, a lede's day beside other days in the body, a polling-station grenade and a "
     "rally bombing claimed by one group and denied by another, a railway-track IED with no casualties, Afghan forces "
     "firing across the border, engineers kidnapped and freed, one report of two same-day attacks in two districts, a "
     "monthly roundup with one new attack, three distractors. Scored unseen first, then studied."),
    ("p128", "eleven incidents, ten of them in 2-3 reports",
     "Reports from five outlets (a Karachi evening paper's live blogs with timed updates that revise the toll, a "
     "translated Urdu wire, a Quetta weekly with long recaps of earlier attacks, a TV website's one-line paragraphs, a "
     "business paper writing about the cost) on 2023-25 attacks in Sindh, Balochistan and Khyber Pakhtunkhwa: "
     "foreigners attacked in Karachi, pylons, a gas pipeline and a railway track blown up, a school shooting and a "
     "same-day killing in Kurram, an official kidnapped on a highway, an operation with militants killed only, tolls "
     "revised down, a figure summed over two incidents, late claims and denials, five distractors. Scored unseen "
     "first, then studied."),
    ("p130", "eleven incidents, nine of them in 2-3 reports",
     "Reports from five outlets (a Lahore broadsheet closing on a timeline of earlier attacks, a Sindhi daily's English "
     "edition writing about the victims' families, a wire with slug lines and officials who disagree, a TV website "
     "quoting the military at length, a Gilgit-Baltistan regional outlet) on 2023-25 attacks in Gilgit-Baltistan, "
     "Chitral, Punjab, Islamabad, Karachi and Khyber Pakhtunkhwa: school burnings, a bus attacked on the Karakoram "
     "Highway, a cross-border raid, a police post attacked, a CTD raid, a suicide bombing outside a court, one report "
     "of two same-day attacks in two districts, a hospital toll lowered by officials, victims' home towns far from the "
     "scene, a report filed after midnight, five distractors. Scored unseen first, then studied."),
    ("p132", "fifteen incidents, ten of them in 2-3 reports",
     "Reports from five outlets (a Quetta evening daily that opens on the scene and gives the toll in its third "
     "paragraph, an Islamabad agency's numbered updates with tolls rising through the day, a Balochistan radio "
     "station's transcribed bulletins of unrelated items, a stilted English translation of an Urdu daily, a business "
     "paper writing about projects) on 2022-25 attacks across Balochistan: a blast and then an attack on its rescue "
     "team the same day, named wounded who later die, a toll revised down, labourers abducted and found dead, buses "
     "stopped on highways, a Levies post attacked by a faction, a lede about a new attack days after another, four "
     "distractors. Scored unseen first, then studied."),
    ("p134", "fourteen incidents, eleven of them in 2-3 reports",
     "Reports from five outlets (a Karachi crime website in a tabloid register, a Lahore broadsheet with nested "
     "attributions, a Sindhi daily's English edition, a foreign wire naming only weekdays, a weekly security digest "
     "of several attacks) on 2021-25 attacks in Sindh, Punjab and Islamabad: sectarian killings, a convoy of Chinese "
     "nationals attacked, a CTD encounter, a grenade on a shop, a police van bombing with a toll rising over two "
     "days, two attacks in one city on one day, faction and Daesh claims, state blame naming no group, four "
     "distractors. Scored unseen first, then studied."),
    ("p136", "fifteen incidents, eleven of them in 2-3 reports",
     "Reports from five outlets (a Swat valley community website that opens on the scene, names every victim and "
     "gives the toll late, an international wire giving local times and weekdays and ending on older tolls, a "
     "Peshawar radio station's bulletins of datelined items, police press statements in bureaucratic English, a "
     "national weekly's analysis pieces reporting two or three recent attacks) on 2022-25 attacks in northern and "
     "central Khyber Pakhtunkhwa: night attacks on police posts driven off, a toll rising between reports, a suicide "
     "bombing at a party convention, engineers kidnapped, a girls' school bombed at night, a peace committee elder "
     "killed, TTP, Jamaat-ul-Ahrar and IS-K claims, a denied claim, blame on 'khwarij' only, an operation with only "
     "militants killed, four distractors. Scored unseen first, then studied."),
    ("p138", "fourteen incidents, nine of them in 2-3 reports",
     "Reports from five outlets (a national daily's city pages with long anonymous attributions and police ranks, a "
     "Sindh website in short paragraphs on dacoits of the katcha area, a think tank's weekly brief in numbered "
     "items, a foreign wire naming only weekdays, a religious minorities' newsletter naming victims) on 2021-25 "
     "attacks in Punjab and northern Sindh: a CTD raid, kidnappings for ransom by dacoits, attacks on a church, a "
     "temple and an Ahmadi place of worship, a police van bombed on a highway with a toll rising overnight, an air "
     "base attacked, a bomb defused, IS-K and TTP claims, a Lashkar-e-Jhangvi blame, a denial, four distractors. "
     "Scored unseen first, then studied."),
    ("p140", "fourteen incidents, nine of them in 2-3 reports",
     "Reports from five outlets (a wire in one-sentence paragraphs under capital datelines with 'earlier reported' "
     "lines, a Sunday feature opening on a person and recapping older attacks, a Balochistan website naming "
     "village, tehsil and district with translated quotes of levies officials, a radio station's bulletins of "
     "several items with one attack among them, a Karachi city paper with FIR details and the year's statistics) on "
     "2022-25 attacks in Khyber Pakhtunkhwa, Balochistan and Karachi: a police office besieged, a suicide attack "
     "on an army post, a polio team's escort killed, a cantonment attacked, a train hijacked, a railway bridge and "
     "station bombed, travellers killed on a highway, a levies post raided, tolls rising between reports, faction "
     "claims, a blame denied, four distractors. Scored unseen first, then studied."),
    ("p142", "fourteen incidents, nine of them in 2-3 reports",
     "Reports from five outlets (a Sindh daily in English translated from Urdu style with 'the night between' dates, "
     "a capital police media cell's numbered press releases with FIR details, a breaking-news site appending "
     "'UPDATE:' lines, a rights monitor's monthly report with two incidents among its statistics, a foreign wire "
     "ending on an older attack) on 2021-25 attacks in Sindh, Punjab, Islamabad, Gilgit-Baltistan and Balochistan: "
     "a car bomb in Lahore, two attacks in one city on one day, an imambargah bombed, a railway track blown up, an "
     "air base attacked, a bus ambushed on the Karakoram Highway, a polio guard shot, tolls revised down, a "
     "Chinese convoy bombed, a train hijacked, faction and Sindhi separatist claims, four distractors. Scored "
     "unseen first, then studied."),
    ("p144", "fourteen incidents, eleven of them in 2-3 reports",
     "Reports from five outlets (a feature paper opening on scene and quote with the toll in the third paragraph, "
     "a terse wire under capital datelines naming weekdays, a Balochistan site opening on a 'Key points' box, an "
     "evening paper of toll updates recapping two earlier attacks, a translated Urdu-style daily with figures in "
     "words and 'the night between' dates) on 2022-25 attacks in Khyber Pakhtunkhwa, Balochistan and Karachi: a "
     "police office besieged, a customs post and a checkpoint attacked, passengers pulled off vehicles and shot "
     "with a toll revised down, a rail bridge and a gas pipeline blown up, a convoy bombed, a railway station "
     "bombed, labourers shot and a mobile tower burned, a cantonment attacked, a wounded man who later died, "
     "faction claims, 'Fitna al-Khawarij' only, four distractors. Scored unseen first, then studied."),
    ("p146", "fifteen incidents, ten of them in 2-3 reports",
     "Reports from five outlets (a Peshawar morning daily with ranks in long ledes and a closing paragraph of the "
     "district's earlier attacks, an international wire naming weekdays and explaining the groups in a line, a Quetta "
     "site appending 'Update:' paragraphs with the latest toll at the bottom, a weekly review telling the week's "
     "incidents paragraph by paragraph, a Karachi crime page with FIR numbers and ages in brackets) on 2022-25 "
     "attacks in Khyber Pakhtunkhwa, Balochistan and Karachi: a rail bridge and a gas pipeline blown up, a levies "
     "post, an army checkpost overnight and a police post attacked, a convoy ambushed with soldiers and passengers "
     "counted apart, an election rally and a mosque bombed, an advocate, a tribal elder and labourers shot, a judge "
     "ambushed, an operation with only militants killed, a district corrected, four distractors. Scored unseen "
     "first, then studied."),
    ("p148", "thirteen incidents, nine of them in 2-3 reports",
     "Reports from five outlets (a wire-style paper with the toll first, an official's quote second and earlier "
     "attacks recapped, a Waziristan site in short paragraphs with Pashto words and hospitals by name, a formal paper "
     "in ISPR wording with 'embraced martyrdom', a live-update site revising figures mid-article, a Balochistan site "
     "translated from Urdu quoting Telegram claims) on 2023-25 attacks in southern Khyber Pakhtunkhwa and "
     "north-western Balochistan: a polio escort shot, a night raid on a police station with attackers killed, a "
     "motorcycle suicide bombing, a customs team ambushed, tower workers kidnapped and freed, coach passengers "
     "abducted and found dead, an IED on a convoy, an elder shot at his hujra, a levies post attacked, roundups of "
     "three and two events, four distractors. Scored unseen first, then studied."),
    ("p150", "thirteen incidents, eleven of them in 2 or more reports",
     "Reports from five outlets (a Peshawar broadsheet naming officials by full designation with the toll sometimes "
     "in paragraph 2, a Swat site with 'our correspondent', tehsils and prayer times, an international wire under "
     "'ISLAMABAD (CW) —' naming weekdays, a live blog with timestamped updates newest first, a weekly digest ending "
     "on 'Week in numbers') on 2024-25 attacks in Khyber Pakhtunkhwa and Islamabad: an Ahmadi shot, a suicide "
     "bombing of an election meeting with the toll rising over two days and a claim beside a denial, a girls' "
     "school blown up at night, grenades with no one hurt, a night assault on a checkpost, an official kidnapped "
     "and freed, a customs post attacked, a jirga fired on with a wounded elder dying days later, a CTD vehicle and a "
     "judge's car bombed, cross-border mortar fire, an IED on a convoy, four distractors. Scored unseen first, then "
     "studied."),
    ("p152", "thirteen incidents, ten of them in 2 or more reports",
     "Reports from five outlets (an Islamabad wire with 24-hour times and numbered updates, a Peshawar broadsheet in "
     "Urdu-influenced English listing victims with ranks and villages, a foreign desk with tolls in words and old "
     "tolls in background, a Balochistan site translated from Urdu with relative dates, a TV site with one-sentence "
     "paragraphs and figures updated through the day) on 2022-25 attacks in southern Khyber Pakhtunkhwa, Balochistan "
     "and Karachi: a police office stormed, labourers shot, a mosque bombing and a grenade on one day in one city, a "
     "polio worker shot, a night raid reported after midnight with the toll rising next morning, a checkpost "
     "bombing whose toll rose and was corrected down beside an elder shot the same day, an IED on a convoy placed "
     "four ways, coach passengers shot, officials kidnapped, an IED on a patrol and a raid, five distractors. "
     "Scored unseen first, then studied."),
    ("p154", "fourteen incidents, nine of them in 2 or more reports",
     "Reports from five outlets (a wire with all-caps datelines and terse sentences, a daily translated from Urdu with "
     "honorifics, weekday-only dates and numbers in words, a TV site in live-updates style with timestamped updates, "
     "a regional weekly recapping earlier attacks before the news, an international outlet explaining background "
     "with full dates) on 2022-25 attacks in Khyber, Lakki Marwat, Kech, Karachi and Dera Ismail Khan: night raids "
     "on checkposts with tolls rising, an IED on a Frontier Corps convoy, polio vaccinators and their escort shot, "
     "a suicide attack on foreign engineers, officials kidnapped and found dead, grenades on shops, a clash with "
     "attackers killed apart, faction claims and denials, four distractors. Scored unseen first, then studied."),
    ("p156", "fourteen incidents, ten of them in 2 or more reports",
     "Reports from five outlets (a paper with staff-report bylines and quotes gathered at the end, a human-rights "
     "monitor's weekly bulletin with one dated entry per incident, a radio station's site in broadcast sentences, a "
     "Pashto site translated with idioms and honorifics, an analysis desk opening on the year's statistics) on "
     "2023-24 attacks in Bajaur, Mohmand, Kurram, Orakzai, Hangu, Mianwali and Dera Ghazi Khan: a bombing of a "
     "party convention with the toll rising over days, a passenger convoy ambushed, fire from across the Afghan "
     "border, a girls' school blown up, an IED on a peace-committee elder, raids repulsed with only attackers dead, "
     "a faction's claim beside its parent, four distractors. Scored unseen first, then studied."),
    ("p158", "fourteen incidents, nine of them in 2 or more reports",
     "Reports from five outlets (a wire with datelines and tolls revised further down, a paper of short paragraphs "
     "and quotes with a background section, a Quetta paper with numbers in words, police ranks and lists of the "
     "dead, a Karachi paper opening on a human story with the date late, a brief service grouping several items "
     "under one headline) on 2024-25 attacks in Quetta, Kalat, Mastung, Bannu, Lakki Marwat, Dera Ismail Khan, Tank "
     "and Karachi: a railway-station suicide bombing with the toll rising, quadcopter attacks on police posts, a "
     "rocket attack on a cantonment, a bank cash van robbed, clerics shot, IEDs on Frontier Corps vehicles, officials "
     "kidnapped and freed, operations with only militants dead, attackers counted apart, faction claims beside state "
     "blame, four distractors. Scored unseen first, then studied."),
    ("p160", "fourteen incidents, ten of them in 2 or more reports",
     "Reports from five outlets (a Quetta evening paper opening on a one-line summary in capitals, an alert service "
     "of numbered bulletins with 24-hour times and abbreviations, a magazine desk opening on a witness with the toll "
     "late, police press releases reprinted as issued, an international wire with the city and date in brackets and "
     "think-tank figures at the end) on 2022-25 attacks in Kech, Khyber, Noshki, Loralai, Lakki Marwat, Diamer, "
     "Musakhel, Dera Ismail Khan, Harnai and Duki: passengers taken off buses and shot, a train derailed by a bomb "
     "on the track, a tourist coach fired on below a pass, a polio team's guard shot, telecom workers kidnapped, "
     "miners abducted and found dead, night assaults on posts with attackers killed, a faction's claim denied by its "
     "parent, tolls revised up, four distractors. Scored unseen first, then studied."),
    ("p162", "thirteen incidents, ten of them in 2 or more reports",
     "Reports from five outlets (a wire with capitalised datelines and an agency tag, an Urdu-style tabloid in English "
     "with run-on sentences and figures in words, a TV site opening on key points with timed updates that revise the "
     "toll, a regional weekly rounding up several incidents with an editorial, a foreign paper explaining the "
     "background with think-tank figures) on 2022-25 attacks in Quetta, Mohmand, Bajaur, Kech, Zhob, Dera Ismail Khan "
     "and Lakki Marwat: a grenade on a shop, polio workers shot, mortar fire from across the border, suicide bombings "
     "of convoys, an IED on an elder, engineers kidnapped, a mobile tower and a gas pipeline attacked, night raids on "
     "police posts with attackers killed, a faction's claim under its parent, a denial, victims' home towns and "
     "hospital cities elsewhere, four distractors. Scored unseen first, then studied."),
    ("p164", "thirteen incidents, nine of them in 2 or more reports",
     "Twenty-six reports from five outlets (a government-affiliated agency with full official titles, a Peshawar "
     "evening tabloid quoting sources, an international broadcaster with explainer boxes and times in GMT, a daily "
     "newsletter of numbered items, an investigative site rebuilding an attack a week later from hospital records) on "
     "2022-25 attacks in Kurram, Nowshera, Khyber, Orakzai, Karak, Hangu and Kohat: a passenger convoy ambushed with "
     "the toll climbing over days, a seminary suicide bombing, an IED on a Frontier Corps vehicle claimed by a faction "
     "and denied by its parent, an official kidnapped and freed after a jirga, rockets on a gas facility, a "
     "quadcopter on a police post, operations killing only militants, items covering two districts, five "
     "distractors. Written blind and scored unseen as a never-studied set, then studied."),
    ("p166", "thirteen incidents, eleven of them in 2 or more reports",
     "Twenty-six reports from five outlets (a Peshawar broadsheet with capitalised datelines and long official quotes, "
     "a mobile news app with one-sentence paragraphs under 'What happened' and 'Why it matters' subheads, a foreign "
     "wire dating by weekday with a paragraph of earlier attacks, an Urdu channel's English site with 'martyred' and "
     "appended toll updates, a weekly security digest under place headings) on 2023-25 attacks in Karachi, Dera "
     "Ismail Khan, Tank, South Waziristan, Bannu, North Waziristan and Lakki Marwat: a police office besieged, suicide "
     "truck and car bombs, road workers kidnapped, an IED on a Levies vehicle, a polio escort shot and a police "
     "station attacked in one district on one day, a cantonment assault whose toll climbs, a claim arriving a day "
     "later and denied by another group, four distractors. Scored unseen first, then studied."),
    ("p168", "thirteen incidents, all of them in 2 or more reports",
     "Twenty-eight reports from five outlets (a Peshawar Urdu paper's English edition with place-and-agency datelines "
     "and 'martyred', a national broadcaster's site with 'Breaking:' leads and timed updates appended, a European "
     "correspondent's long narrative, a district police press office's numbered bulletins with FIR numbers, a weekly "
     "newsletter of items under bold place names closing on a figures line) on 2022-25 attacks in Swat, Charsadda, "
     "Mardan, Kohat, Bajaur, Mianwali, Kurram, Attock, Rawalpindi, Peshawar, Khyber, Lower Dir and Mohmand: a polio "
     "guard shot, IEDs on police vans, a grenade on a shop, officials kidnapped and freed, a convention suicide bombing "
     "whose toll climbs over days, a police station attack repulsed, fire from across the border, operations killing "
     "militants, a sniper on a checkpost and a mobile tower burned on one day, four distractors. Scored unseen first, "
     "then studied."),
    ("p25", "twenty-six incidents, five of them in two reports",
     "The national pages of three Pakistani dailies in 2025 (city datelines, ISPR idiom, running tolls, think-tank "
     "figures in background). Scored unseen first, then studied."),
)

# the sets written blind and never studied: (set, what its events section holds, what its incidents section holds,
# None for a set of single reports)
HONEST_PROBES = (
    ("p14",
     "Thirty reports as eight ordinary outlets write them, written blind after the rules of the day were tuned, and "
     "never studied. With news_dev's holdout, the honest estimate.",
     "Nineteen incidents, eight of them in two reports from different outlets. Never studied."),
    ("p17",
     "Thirty-four reports in twelve house styles (a wire, a police release, an ISPR-style handout, a translated "
     "Pashto outlet, a rights bulletin, a student paper), five distractors; written blind, never studied.",
     "Twenty-six incidents, four of them in two reports a day or two apart. Never studied."),
    ("p19",
     "Thirty reports, one per incident, from eight outlets with their own habits (tolls in words, 24-hour times, "
     "\"khwarij\", a foreign wire), four distractors; written blind, never studied.",
     None),
    ("p22",
     "Thirty-two reports from ten ordinary outlets (dailies in Islamabad, Peshawar, Quetta and Karachi, a wire, a "
     "foreign correspondent, a TV website, an Urdu daily's English page, a Sindh outlet, a press release), four "
     "distractors; written blind, never studied.",
     "Twenty incidents, eight of them in a first report and a follow-up. Never studied."),
    ("p24",
     "Thirty-one reports of one national daily's website and the agency copy it runs (APP, two wires), 2021-22 and "
     "2025, four distractors; written blind, never studied.",
     "Twenty-two incidents, seven of them in a first report and a follow-up. Never studied."),
    ("p26",
     "Twenty-six reports from six outlets (a Quetta daily, a Peshawar website, an agency, a Lahore broadsheet, a TV "
     "website, an overseas weekly), written blind, never studied.",
     "Eleven incidents, eight of them reported by 2-4 outlets over several days. Never studied."),
    ("p29",
     "Thirty-two reports as four national dailies write them (city datelines, DPO and ISPR paraphrase, victims "
     "with ranks and villages, background with old tolls), three with a second incident, four distractors; "
     "written blind, never studied.",
     None),
    ("p32",
     "Thirty-seven reports in news_dev's nine house styles (wire datelines, broadsheets, a TV site, translated Urdu, "
     "a foreign desk, ISPR idiom), one per incident, three with a second incident, five distractors; written by a "
     "writer who read only news_dev's study part, never studied.",
     None),
    ("p34",
     "Twenty-two reports in news_dev's nine house styles on incidents of July-November 2025 (tolls that rise over "
     "follow-ups, late claims, an operation told as an ambush elsewhere, roundups of two incidents), four "
     "distractors; written by a writer who read only news_dev's study part, never studied.",
     "Twelve incidents, six of them in 2-3 reports. Never studied."),
    ("p39",
     "Twenty-two Balochistan reports by Quetta-based and national outlets (highway attacks, labourers, Levies and FC "
     "posts, a pipeline and a track, market grenades, simultaneous attacks in several districts), three "
     "distractors; written by a writer who read only news_dev's study part, never studied.",
     "Fourteen incidents, ten of them in 2-3 reports. Never studied."),
    ("p47",
     "Thirty reports from eight outlets of different kinds (a Peshawar Urdu daily's English site, a national "
     "broadsheet, an international wire, a TV site, a Quetta website, a Sindh daily, a weekly risk newsletter, a "
     "foreign magazine) across five provinces, three with a second incident, four distractors; written blind, "
     "never studied.",
     "Eighteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p48",
     "Thirty reports from seven outlets (a wire, an Urdu daily's English edition, a TV website, a weekly security "
     "digest of several incidents, a Peshawar paper, a national daily, a foreign desk), mostly in Khyber "
     "Pakhtunkhwa, four distractors; written blind, never studied.",
     "Seventeen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p52",
     "Thirty-two reports from eight outlets on Balochistan and Karachi in 2023-24 (a Quetta daily, a Karachi evening "
     "paper, a broadsheet that lists victims by name, rank and home town, a wire with UPDATE notes, a TV breaking "
     "page, a translated Urdu site, a foreign broadcaster, a consultancy's risk brief), four distractors; written "
     "blind, never studied.",
     "Nineteen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p55",
     "Thirty-one reports of ordinary daily news from eight outlets (dailies in Quetta, Karachi, Peshawar and Islamabad, "
     "an international wire, a TV website, a foreign correspondent, a translated Urdu site) on Balochistan, Sindh, "
     "Khyber Pakhtunkhwa and Gilgit-Baltistan in 2021-25, four distractors; written blind, never studied.",
     "Twenty-one incidents, eleven of them in 2-3 reports. Never studied."),
    ("p59",
     "Thirty-two reports of ordinary daily coverage in Sindh, Punjab, Khyber Pakhtunkhwa and Balochistan in 2021-24 from "
     "eight outlets (a national daily and its evening edition, a wire, a business paper, two TV websites, a regional "
     "daily, a digital start-up), three roundups of two incidents, four distractors; written blind, never studied.",
     "Eighteen incidents, twelve of them in 2-3 reports. Never studied."),
    ("p60",
     "Thirty reports on the north-west and the Afghan border in 2022-25 from eight outlets (two international wires, "
     "three dailies, a TV website, a foreign desk, an ISPR-idiom site): cross-border fire by Afghan forces, convoy "
     "ambushes, suicide bombings at a rally and a mosque, four distractors; written blind, never studied.",
     "Seventeen incidents, nine of them in 2-3 reports. Never studied."),
    ("p64",
     "Thirty reports on the tribal districts (North and South Waziristan, Bajaur, Khyber, Kurram, Mohmand, Orakzai) in "
     "2022-25 from seven outlets (live blogs, local correspondents quoting elders, a wire, a TV website, a foreign "
     "desk, an ISPR-idiom site): convoy bombings, sectarian convoy attacks, tolls revised during the day, four "
     "distractors; written blind, never studied.",
     "Seventeen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p65",
     "Thirty reports from five TV-channel web desks across Pakistan in 2021-25 (very short paragraphs, ISPR and police "
     "quotes, \"more to follow\"): kidnappings of engineers and officials, attacks on polio teams, schools, towers and "
     "pipelines, raids after attacks, four distractors; written blind, never studied.",
     "Nineteen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p69",
     "Thirty-one reports from seven outlets on incidents of 2021-25, told mostly in follow-up coverage (tolls that "
     "rise over days, funerals, arrests made after the attack), four distractors; written blind, never studied.",
     "Seventeen incidents, ten of them in 2-3 reports. Never studied."),
    ("p70",
     "Twenty-nine reports from seven outlets in 2023-25: six large attacks each reported by three outlets, eight "
     "incidents in a single report, four distractors; written blind, never studied.",
     "Fourteen incidents, six of them in three reports. Never studied."),
    ("p71",
     "Thirty-two reports on Karachi and urban Sindh in 2021-25 from seven outlets (a broadsheet's metro pages, a Sindhi "
     "daily's English edition, a wire with UPDATE notes, a TV web desk, a translated Urdu site, a foreign "
     "correspondent, a business paper): attacks on foreign nationals, police and Rangers, sectarian killings, small "
     "bombings of tracks and ATMs, four distractors; written blind, never studied.",
     "Sixteen incidents, ten of them in 2-3 reports. Never studied."),
    ("p72",
     "Thirty-two reports on Balochistan's highways and central districts in 2022-25 from seven outlets (a Quetta daily, "
     "a national broadsheet, a wire, a TV website, a Balochi site's English page, a foreign broadcaster, a think-tank "
     "brief): passengers taken off buses and shot, highway blockades, convoy, Levies-post, railway and coal-mine "
     "attacks, four distractors; written blind, never studied.",
     "Twenty-two incidents, fourteen of them in 2-3 reports. Never studied."),
    ("p73",
     "Twenty-six reports on Khyber Pakhtunkhwa and the merged districts in 2024-25 from six outlets (a Peshawar "
     "broadsheet, an international wire, a TV channel's English website, an Urdu daily's English edition, a weekly "
     "security newsletter, a foreign correspondent): convoy ambushes, roadside and suicide car bombs, quadcopter "
     "drops, an operation, an abduction at a fake checkpoint, four distractors; written blind, never studied.",
     "Fourteen incidents, ten of them in 2-4 reports. Never studied."),
    ("p75",
     "Thirty reports in news_dev's nine house styles on 2023-25 attacks in Khyber Pakhtunkhwa, Balochistan and Punjab "
     "(named victim lists, tolls in words and revised over follow-ups, weekday dates, claims a day later, think-tank "
     "statistics in background), three distractors; written blind, never studied.",
     "Fifteen incidents, twelve of them in 2-3 reports. Never studied."),
    ("p76",
     "Twenty-nine reports on Balochistan and Khyber Pakhtunkhwa in 2022-25 from seven outlets (a wire, a Quetta daily, "
     "a Peshawar daily, a national broadsheet, a TV website, a foreign correspondent, a security newsletter): "
     "follow-ups with rising and revised tolls, places named differently and in neighbouring districts, late claims, "
     "two attacks on one day in one district, weekly roundups, four distractors; written blind, never studied.",
     "Fourteen incidents, thirteen of them in 2-4 reports. Never studied."),
    ("p77",
     "Twenty-seven reports on Khyber Pakhtunkhwa's merged and southern districts in 2023-25 from eight outlets (a wire, "
     "a TV website, an Urdu daily in translation, a foreign desk, an ISPR-idiom site, three regional dailies): a rally "
     "bombing with a rising toll, sectarian convoy attacks, police stations, polio escorts, raids, a kidnapping, two "
     "reports of two incidents, four distractors; written blind, never studied.",
     "Seventeen incidents, six of them in 2-3 reports. Never studied."),
    ("p80",
     "Twenty-three long follow-up and analysis reports (350-480 words) on Balochistan and Khyber Pakhtunkhwa in 2023-25 "
     "from seven outlets: the new attack in the lede or below a reaction (a sit-in, a strike, a boycott, a funeral), "
     "then earlier attacks with their own dates and tolls, claims through factions, a denial, three distractors; "
     "written blind, never studied.",
     "Thirteen incidents, seven of them in 2-3 reports. Never studied."),
    ("p82",
     "Twenty-four long reports on Balochistan in 2021-25 from eight outlets (a wire, two Quetta dailies, a translated "
     "Urdu paper, a TV website, an ISPR-idiom bulletin, an Islamabad broadsheet, a foreign desk): convoys, Levies "
     "posts, labourers and passengers taken off vehicles, coal mines, a pipeline, a railway line, kidnappings, "
     "inflated claims beside the official toll, three distractors; written blind, never studied.",
     "Fourteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p84",
     "Twenty-four reports, most of them long (360-500 words), on 2021-25 attacks across Pakistan from eight outlets: "
     "tolls revised up and down over 2-3 reports, injured who later died, late and faction claims, state-blame "
     "language, cross-border fire by Afghan forces, a hijacking, places named by village or road, two reports of two "
     "incidents, three distractors; written blind, never studied.",
     "Fourteen incidents, seven of them in 2-3 reports. Never studied."),
    ("p86",
     "Twenty-three reports on ordinary 2023-25 incidents across four provinces and Islamabad from seven outlets, ten of "
     "them long (350-400 words) and the rest terse wire, ticker or police-release copy: night attacks on police "
     "stations, roadside bombs, targeted killings of clerics and a candidate, an abduction, a track blast, an "
     "operation, cross-border fire, late claims, state-blame labels, three distractors; written blind, never studied.",
     "Thirteen incidents, six of them in 2-3 reports. Never studied."),
    ("p88",
     "Twenty-five reports, most of them long (290-490 words), on 2022-25 attacks in Khyber Pakhtunkhwa and Punjab "
     "from eight outlets: revised tolls, late claims and denials, faction claims, state-blame labels, a group named "
     "only as context, two places of one name, five reports of two or three incidents, three distractors; written "
     "blind, never studied.",
     "Twenty incidents, nine of them in two reports. Never studied."),
    ("p90",
     "Twenty-six reports from nine outlets on 2021-25 attacks: tolls in many phrasings (summed from separate counts, "
     "in the headline only, in words), injured in a later paragraph, late claims and official blame, night attacks "
     "reported after midnight, a roundup of two incidents, three distractors; written blind, never studied.",
     "Fifteen incidents, ten of them in two reports. Never studied."),
    ("p93",
     "Twenty-six reports from nine outlets on 2021-24 attacks in Balochistan, Khyber Pakhtunkhwa, Sindh and Islamabad: "
     "tolls revised over follow-ups, a toll told only as a sum, attackers counted apart, a faction's claim and the "
     "parent's denial, state-blame labels, two attacks of one day in one district, an operation dated by the night it "
     "began, province-wide figures, two reports of two incidents, three distractors; written blind, never studied.",
     "Fifteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p95",
     "Twenty-six reports from nine outlets on 2021-25 attacks in all four provinces, Islamabad and the merged districts: "
     "tolls that rise or are revised down, late, faction and denied claims, state-blame labels, tolls summed from parts "
     "or told in words, named victim lists, a hijacking, two attacks of one day in neighbouring districts told together, "
     "two reports of two incidents, three distractors; written blind, never studied.",
     "Fifteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p97",
     "Twenty-four reports from seven outlets (a wire service, an Urdu-press translation, a TV site with updates, "
     "Balochistan and KP weeklies, an explainer desk, a broadsheet) on 2022-25 attacks: revised tolls, hospital counts "
     "of the injured, attackers killed in return fire, ISPR statements, claims and denials, five reports of two or three "
     "incidents, four distractors; written blind, never studied.",
     "Twenty-two incidents, five of them in 2-3 reports. Never studied."),
    ("p99",
     "Twenty-six reports from ten outlets (a wire service, a TV ticker, an Urdu-press translation, a Karachi tabloid, a "
     "national daily, a military press-office style, a security newsletter, Gilgit, Quetta and Pashto-region outlets) on "
     "2023-25 attacks, written to make tolls hard: tolls that rise or are revised down, hospital against police counts, "
     "headlines that differ from the body, attackers counted apart, tolls split by group, an inflated claim, background "
     "statistics, three reports of two incidents, two distractors; written blind, never studied.",
     "Fifteen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p101",
     "Twenty-seven reports from nine outlets (a Lahore broadsheet, a Karachi evening paper, a Pashto channel's English "
     "service, a wire with weekday datelines, a Baloch diaspora site, a government handout, a foreign South Asia desk, a "
     "digital outlet with bullets, a Quetta broadsheet) on 2021-25 attacks: datelines from another city, tolls that "
     "rise or are revised, claims, blame, denials and faction claims, state-blame labels, the Afghan Taliban at the "
     "border, relative dates, background tolls and statistics, two reports of two incidents, three distractors; "
     "written blind, never studied.",
     "Eighteen incidents, six of them in 2-3 reports. Never studied."),
    ("p103",
     "Twenty-six reports from eight outlets (an international wire, a Quetta regional paper, a Karachi daily, a "
     "Peshawar English paper, a TV site, a security newsletter, a government handout, a Lahore regional paper) on "
     "2021-25 attacks: tolls that rise or are revised down, late, denied and faction claims, state-blame labels, "
     "relative dates, datelines from another city, hospitals and home towns in other districts, background tolls and "
     "statistics, two roundups of two incidents, two distractors; written blind, never studied.",
     "Fifteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p105",
     "Twenty-six reports from ten outlets (a wire, a Peshawar broadsheet, an Urdu-press translation, a TV web desk, a "
     "Quetta weekly, a think-tank brief, a foreign correspondent, a police press release, a Karachi city paper, a "
     "defence site in the military's idiom) on mostly smaller 2021-25 attacks: rising and revised tolls, claims that "
     "arrive or are denied, places named by village, tehsil or district, relative dates, datelines from another city, "
     "hospitals and funerals elsewhere, attackers killed beside victims, background tolls, two roundups of two "
     "incidents, two distractors; written blind, never studied.",
     "Sixteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p107",
     "Twenty-eight reports from eight outlets (dailies in Islamabad, Lahore and Karachi, a Peshawar paper, a Quetta "
     "website, an international wire, a TV site, a press-release rewrite in the military's idiom) on 2021-25 attacks "
     "of every type in five regions: tolls in words or figures, split by category and rising during the day, victims "
     "named with home towns, the injured taken to other cities, a second smaller incident in three reports, "
     "condemnations and background, four distractors; written blind, never studied.",
     "Eighteen incidents, eight of them in 2-3 reports. Never studied."),
    ("p109",
     "Twenty-six reports in several house styles (a terse wire naming the weekday, a national daily with long "
     "background, an Urdu-press translation, a provincial outlet) on 2023-25 attacks in Khyber Pakhtunkhwa, the merged "
     "districts, Balochistan and Karachi: tolls that rise over follow-ups, the injured who die later, tolls told as "
     "parts and a total, suspicion that becomes a claim, faction claims, denials, state-blame labels, places at "
     "different levels, late-night dates, two incidents in one tehsil five days apart, a roundup of two incidents, "
     "three distractors; written blind, never studied.",
     "Thirteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p111",
     "Twenty-six reports in several house styles (a wire, three broadsheets, a TV site, an Urdu-press translation, two "
     "regional weeklies) on 2023-25 attacks, mostly long reports where tolls need care: tolls by category only, totals "
     "split across paragraphs, counts in words, revisions up and down, attackers counted apart, a hostage count, "
     "hospitals in other cities, later deaths, numbers that are not tolls, a faction claim, denials, state-blame "
     "labels, a roundup of two incidents, three distractors; written blind, never studied.",
     "Fourteen incidents, eight of them in 2-3 reports. Never studied."),
    ("p113",
     "Twenty-six reports in five house styles (a national broadsheet, a foreign wire, a regional TV site updated "
     "through the day, a Karachi evening paper, a think-tank's weekly brief) on 2024-25 attacks in Khyber "
     "Pakhtunkhwa's settled districts, Karachi and southern Punjab: tolls that change between reports (rising, revised "
     "down, attackers first counted with the victims), counts given as parts, dates only relative to publication, two "
     "attacks on one day in one district, a follow-up that recaps the attack, three distractors; written blind, never "
     "studied.",
     "Twelve incidents, nine of them in 2-4 reports. Never studied."),
    ("p115",
     "Twenty-six reports in five house styles (a wire leading with the toll, a broadsheet with a background section, "
     "a TV site's live story with update lines, provincial news agencies' bulletins, an international newspaper's "
     "analysis) on 2022-25 attacks in Khyber Pakhtunkhwa and Balochistan: wounded who die, attackers counted apart, "
     "tolls as sums of groups, a minister's figure over the police's, night attacks reported the next day, datelines, "
     "home towns and hospital cities that are not the scene, late claims, three distractors; written blind, never "
     "studied.",
     "Eleven incidents, each in 2-3 reports. Never studied."),
    ("p117",
     "Twenty-six reports from five outlets (a Karachi daily, an international wire, a KP portal, a broadsheet's "
     "analysis desk, a Balochistan website) on 2022-25 attacks in Khyber Pakhtunkhwa and Balochistan: places named by "
     "village, tehsil or district, dates relative to each report, revised tolls, two attacks on one day in one "
     "district, faction claims, a claim withdrawn, blame without a claim, cross-border fire, two distractors; written "
     "blind, never studied.",
     "Eleven incidents, each in 2-3 reports. Never studied."),
    ("p119",
     "Twenty-six reports from five outlets (a Peshawar daily, a wire, a Quetta daily, a TV site's rolling updates, a "
     "weekly digest listing several incidents per issue) on 2023-25 attacks in Khyber Pakhtunkhwa and Balochistan: "
     "tolls that rise then are revised down, attackers counted apart, a group's numbers beside the officials', tolls "
     "split across sentences, one attack placed differently by each outlet, two attacks on one day in neighbouring "
     "districts, background tolls, two distractors; written blind, never studied.",
     "Twelve incidents, most of them in 2-3 reports. Never studied."),
    ("p121",
     "Twenty-six reports from five outlets (a Karachi daily, a wire agency, a Lahore daily, a KP news portal, a "
     "Balochistan weekly) on 2023-25 attacks in Khyber Pakhtunkhwa, Balochistan and Karachi: suicide bombings whose "
     "tolls come first from hospitals then from police, \"at least\" and \"more than\" figures, a toll revised down after "
     "a double count, victims listed by name and rank, injured as \"dozens\" in one report and a number in another, "
     "relative dates, faction claims, blame without a claim, denials, two distractors; written blind, never studied.",
     "Eleven incidents, seven of them in 2-4 reports. Never studied."),
    ("p123",
     "Twenty-six reports from five outlets (a national daily, a wire, a Peshawar TV site with rolling updates, a "
     "Quetta daily, a weekly digest listing several incidents per issue) on 2023-25 attacks in Khyber Pakhtunkhwa and "
     "Balochistan: cross-border attacks where \"Taliban\" means the Afghan Taliban and others where it means the TTP, "
     "targeted killings, a train and a bus convoy attacked, militants killed in the same fight, tolls that rise then "
     "fall, two attacks in one district on consecutive days, a group's inflated claim, two distractors; written blind, "
     "never studied.",
     "Twelve incidents, each in 2-3 reports. Never studied."),
    ("p125",
     "Twenty-five reports from five outlets (an Islamabad daily, an international wire, a Peshawar TV site with "
     "timestamped updates, a Balochistan weekly, a think-tank's weekly incident brief) on 2022-25 attacks in Khyber "
     "Pakhtunkhwa and Balochistan: tolls raised, then lowered when \"dead\" men turn out alive, counts in words and "
     "figures, victims named with ranks, attackers killed told only by the military, weekday-only dates and reports "
     "filed after midnight, attacks placed by a landmark, faction claims, state labels, two distractors; written "
     "blind, never studied.",
     "Ten incidents, most of them in 2-3 reports. Never studied."),
    ("p127",
     "Twenty-five reports from five outlets (a national daily, a wire agency, a Balochistan portal, a business paper, "
     "an international broadcaster's site) on 2021-25 attacks in Balochistan: highway attacks where passengers are "
     "checked and taken away or shot, gas pipelines, pylons and mobile towers attacked, Levies and FC posts overrun at "
     "night with tolls rising or revised down, a suicide car bomb on a convoy with the bomber counted or not, "
     "\"martyred\" tolls, victims named with rank and home village, faction claims and state blame, reports filed "
     "after midnight, a recap of an attack a year earlier in the same place, three distractors; written blind, never "
     "studied.",
     "Ten incidents, most of them in 2-3 reports. Never studied."),
    ("p129",
     "Twenty-five reports from five outlets (an international wire naming only weekdays, a Peshawar daily dense with "
     "village and tehsil names, a national daily closing on recent attacks, a digital explainer with a short news "
     "top, military press releases) on 2023-25 attacks in Khyber Pakhtunkhwa, Balochistan and Punjab: Afghan forces "
     "firing across the border, suicide bombings at a rally and beside a mosque, a polio team's escort attacked, a "
     "night raid on a police station, a convoy IED followed by a clash, tolls rising, late and faction claims, "
     "denials, a report naming only the province, five distractors; written blind, never studied.",
          "Eleven incidents, ten of them in 2-3 reports. Never studied."),
    ("p131",
     "Twenty-four reports from five outlets (a Dera Ismail Khan news site in long one-sentence paragraphs, a "
     "translated Urdu daily, an international broadcaster naming only weekdays, a security newsletter of terse "
     "entries, a Peshawar TV website's breaking updates) on 2023-25 attacks in southern Khyber Pakhtunkhwa and the "
     "tribal districts: quadcopter bombs on police posts, a passenger convoy ambushed with a toll rising over days, "
     "policemen killed off duty, a customs post attacked, a police van bombed, officials kidnapped and freed, a clash "
     "claimed by a new alliance, places named by village, police station or road, five distractors; written blind, "
     "never studied.",
          "Twelve incidents, ten of them in 2-3 reports. Never studied."),
    ("p133",
     "Twenty-five reports from five outlets (a Bannu community website in short paragraphs, a Peshawar daily quoting "
     "officials, police press statements printed as issued, a foreign magazine's long read with one new attack as its "
     "news, a TV website's breaking updates) on 2023-25 attacks in southern Khyber Pakhtunkhwa: customs officials, a "
     "polio team's escort and a jirga attacked, a quadcopter bomb, night attacks on police stations, a toll corrected "
     "down the next morning, officials kidnapped and freed, a faction's claim the parent group denied, an operation "
     "with only militants killed, four distractors; written blind, never studied.",
     "Fourteen incidents, ten of them in 2-3 reports. Never studied."),
    ("p135",
     "Twenty-four reports from five outlets (a Peshawar radio station's short bulletins, a think tank's monthly brief, "
     "a foreign wire naming only weekdays, a translated Urdu daily with honorifics, a tribal-districts website naming "
     "villages and tehsils) on 2021-25 attacks in the former tribal districts: fire from across the Afghan border, a "
     "bomb on a peace committee member, a mosque bombing, a convoy attacked in Kurram, a party worker shot, a toll "
     "rising over three days, an attack the TTP denied, faction and Daesh claims, an intelligence-based operation, "
     "four distractors; written blind, never studied.",
     "Fifteen incidents, eight of them in 2-3 reports. Never studied."),
    ("p137",
     "Twenty-five reports from five outlets (a TV channel's live blogs with the newest update first and the toll "
     "changing inside the article, a provincial information department's press releases, a foreign broadcaster "
     "explaining every place and group, a stiff English translation of an Urdu daily, a Quetta weekly's numbered "
     "round-up of the week's incidents) on 2021-25 attacks in central Khyber Pakhtunkhwa and eastern Balochistan: a "
     "railway track and a gas pipeline blown up, a passenger coach fired on, Levies and FC posts attacked, coal "
     "miners kidnapped, a toll revised down, suicide bombings of a police station and a mosque, BLA, Majeed Brigade "
     "and BLF claims, TTP blamed by officials and a denial, an operation with soldiers and militants killed, four "
     "distractors; written blind, never studied.",
     "Fourteen incidents, ten of them in 2-3 reports. Never studied."),
    ("p139",
     "Twenty-six reports from five outlets (a Turbat website naming villages and tribes, a TV channel's page of "
     "updates appended under a breaking line, a Karachi daily with double datelines and several incidents per "
     "article, a defence portal in ISPR idiom, a foreign magazine opening on a human story) on 2022-25 attacks in "
     "southern and western Balochistan and the Makran coast: Chinese-funded projects and a port attacked, bus "
     "passengers taken off and shot, a toll revised down, an FC camp attacked with attackers counted apart, "
     "Majeed Brigade, BLF and BRAS claims, blame on 'Fitna al Hindustan' only, a mobile tower torched, an operation "
     "with only militants killed, labourers kidnapped, four distractors; written blind, never studied.",
     "Fifteen incidents, eleven of them in 2-3 reports. Never studied."),
    ("p141",
     "Twenty-six reports from five outlets (a national paper with 'what we know' bullet lists and full ISPR "
     "statements, a weekly's trend column reporting the week's attack in its third paragraph, a Makran paper in "
     "long paragraphs on 'miscreants' and 'unknown armed men', a live page with timestamped entries newest first, "
     "an evening paper leading with a minister's reaction and ending on compensation) on 2021-25 attacks in Khyber "
     "Pakhtunkhwa, Balochistan and Karachi: a mosque bombing with a toll revised down, a police office and a "
     "garrison attacked, a party convention bombed, mobile towers torched, a port complex attacked, highway "
     "travellers killed, a railway bridge blown up, a convoy attacked, a train hijacked, an operation, faction "
     "claims, a weekday-only date, four distractors; written blind, never studied.",
     "Thirteen incidents, ten of them in 2-3 reports. Never studied."),
    ("p143",
     "Twenty-six reports from five outlets (a tribal-area paper naming tribes and prayer times, a Quetta daily "
     "closing on the week's other incidents, a daily digest in labelled lines, a live blog oldest first with a "
     "wrap-up, an analysis weekly opening on the week's attack) on 2022-25 attacks in southern Khyber Pakhtunkhwa, "
     "Balochistan and Karachi: a police office besieged, a procession bombed, a police station and army camp "
     "attacked, bus passengers shot, a girls' school blown up, highway travellers killed, a rail bridge blown up, a "
     "polio vaccinator killed, a railway station bombed, an FC post attacked, a cantonment attacked, an "
     "infiltration repulsed, a bank raided, faction claims, 'Fitna al-Khawarij' only, four distractors; written "
     "blind, never studied.",
     "Fifteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p145",
     "Twenty-six reports from five outlets (a Makran paper with 'TURBAT, Nov 21:' datelines, a live page of "
     "timestamped updates newest first, a broadsheet with anonymous officials and group histories, a foreign wire "
     "explaining places and telling the two Talibans apart, a translated daily in the passive with figures in "
     "words) on 2021-25 attacks in Balochistan, Khyber Pakhtunkhwa and Karachi: a mosque bombed with a claim then "
     "a denial, a procession bombed, a garrison assaulted, teachers shot, a polio escort bombed, officials "
     "kidnapped and released, labourers shot, a convoy car-bombed, a railway track blown up, tolls including the "
     "attackers, blame on 'Indian-backed proxies' only, four distractors; written blind, never studied.",
     "Fourteen incidents, nine of them in 2-3 reports. Never studied."),
    ("p147",
     "Twenty-six reports from five outlets (a Peshawar paper in the passive with officials named by designation, a "
     "Balochistan site mixing Urdu words into short paragraphs, a foreign magazine opening on analysis with tolls "
     "from an anonymous official, a state broadcaster in ISPR wording, a Karachi tabloid whose headline tolls differ "
     "from the body) on 2022-25 attacks in Balochistan, Khyber Pakhtunkhwa and Karachi: a night's grenade, pylon and "
     "levies-post attacks in one roundup, a cleric shot, a market bombed with soldiers inside the toll, an official "
     "kidnapped for ransom, a miners' camp and an FC camp attacked, a rocket attack on a check post, operations, "
     "passengers abducted and found dead, a motorcycle bomb, dates in digits, five distractors; written blind, never "
     "studied.",
     "Fourteen incidents, eight of them in 2-3 reports. Never studied."),
    ("p149",
     "Twenty-six reports from five outlets (a Karachi tabloid opening on eyewitnesses, a Lahore broadsheet with FIR "
     "details and the injured listed, a Gilgit-Baltistan paper counting hospital and site dead apart, a terse wire "
     "service ending 'More to follow', an analysis weekly with numbered roundups) on 2023-25 attacks in Sindh, "
     "Punjab and Gilgit-Baltistan: an airbase raid with no one hurt, a prison van ambushed, a CTD inspector shot, a "
     "bus attacked on the Karakoram Highway, a car bomb on a Chinese convoy, a cash-van robbery, a cleric shot, a "
     "CTD shootout, a sectarian killing, a grenade attack, a shrine bombing blamed on one group and claimed by "
     "another, a railway-track blast, four distractors; written blind, never studied.",
     "Thirteen incidents, eleven of them in 2 or more reports. Never studied."),
    ("p151",
     "Twenty-five reports from five outlets (a Quetta paper citing Levies and police apart with counts in words, a "
     "Makran site in short paragraphs quoting families, an international agency explaining Balochistan at length, a "
     "state broadcaster in ISPR wording, a nationalist site quoting group statements at length) on 2021-25 attacks in "
     "Balochistan: an assistant commissioner shot, a gas pipeline blown up, an FC patrol bombed, a Chinese convoy "
     "attacked, labourers shot, one night's coordinated attacks in four districts, a bank robbed and burnt, a tower "
     "burnt, a coastal checkpoint attacked with state blame beside a claim, coach passengers abducted and found dead, "
     "an operation, four distractors; written blind, never studied.",
     "Fourteen incidents, ten of them in 2-4 reports. Never studied."),
    ("p153",
     "Twenty-six reports from five outlets (a Lahore evening paper in dramatic prose with figures in headlines, a "
     "business daily telling attacks through their economic cost, a Hong Kong wire explaining groups to foreign "
     "readers, a portal for the former tribal districts naming villages and elders, a daily security brief in "
     "labelled fields with two incidents in some briefs) on 2021-25 attacks in Khyber Pakhtunkhwa, Balochistan and "
     "southern Punjab: a school van fired on, a garrison attacked, a political convention bombed with a claim beside "
     "a denial, a Chinese convoy attacked, an air base raid repulsed, constables abducted and killed, a market "
     "grenade with a toll rising, a railway track blown up, a Levies post attacked, cross-border fire, a shrine "
     "grenade with three answers to who did it, an operation told as an ambush, five distractors; written blind, "
     "never studied.",
     "Thirteen incidents, nine of them in 2 or more reports. Never studied."),
    ("p155",
     "Twenty-six reports from five outlets (a paper quoting military press releases at length with attackers' deaths "
     "first, a question-and-answer explainer, a digital outlet with a key-points box above the prose, a regional "
     "paper with datelines in parentheses, passive voice and 'intervening night' times, a first-person reporter) on "
     "2023-25 attacks in North Waziristan, Bannu, Panjgur, Gwadar, Quetta and Peshawar: suicide car bombs at a "
     "cantonment gate with a storming attempt, pylons and a gas pipeline blown up, customs officials ambushed, "
     "sectarian killings, a mosque blast at Friday prayers with the toll revised down, a rocket attack on a coastal "
     "post, a counter-terrorism raid with an arrest, state blame beside group and faction claims, four distractors; "
     "written blind, never studied.",
     "Fourteen incidents, nine of them in 2 or more reports. Never studied."),
    ("p157",
     "Twenty-six reports from five outlets (a paper with correspondents' chronological narratives, a fact-check site "
     "setting claimed tolls against official ones, a wire ending each story with a line of figures, an evening paper "
     "translated from Urdu with numbers in words, a foreign broadcaster explaining Balochistan) on 2021-25 attacks in "
     "Kalat, Mastung, Khuzdar, Lasbela, Sibi, Kachhi, Zhob, Tank and South Waziristan: a train held with hostages, "
     "passengers shot at a highway blockade, an IED on a Levies vehicle, miners killed, labourers kidnapped and "
     "partly released, an operation in Wana, grenades on a bank and shops, a railway track blown up, state blame "
     "beside group claims, four distractors; written blind, never studied.",
     "Fourteen incidents, nine of them in 2 or more reports. Never studied."),
    ("p159",
     "Twenty-six reports from five outlets (a paper of dense paragraphs recalling the district's older attacks, a "
     "Quetta paper of numbered facts with 'also read' lines, a national paper in press-release wording, a local "
     "reporter naming villages and exact times, an international wire explaining geography and quoting analysts) on "
     "2023-25 attacks in Bajaur, Khyber, Kurram, North and South Waziristan, Swat, Dir, Kech, Panjgur, Gwadar and "
     "Zhob: a suicide bombing of a party convention, a passenger convoy fired on, a customs post attacked, a polio "
     "escort ambushed, a school set on fire, a grenade on a shop, fire across the Afghan border, labourers shot "
     "after an identity check, roundups, funerals of earlier victims, denials, four distractors; written blind, "
     "never studied.",
     "Thirteen incidents, ten of them in 2 or more reports. Never studied."),
    ("p161",
     "Twenty-six reports from five outlets (a Karachi tabloid site with short emotive paragraphs, a Peshawar paper "
     "translated from Pashto with weekdays and the province before the district, a state-aligned broadcaster quoting "
     "the military's media wing, an investigative portal rebuilding the timeline two days later, a wire with flashes "
     "and write-throughs) on 2021-25 attacks in Peshawar, North Waziristan, Karachi, Charsadda, Kashmore, Shikarpur, "
     "Lahore, Bannu, Tank, Hangu and Kohat: a mosque suicide bombing with the toll climbing and corrected, a suicide "
     "car bomb on a convoy, an attack from across the Afghan border, a cash van robbed, a cleric shot, a grenade on "
     "a CD shop, dacoits kidnapping in the riverine area, a car bomb blamed on India, a police station besieged, "
     "towns that share names with other districts, four distractors; written blind, never studied.",
     "Thirteen incidents, ten of them in 2 or more reports. Never studied."),    ("p163",
     "Twenty-six reports from five outlets (a Karachi evening paper with capitalised kickers and one-sentence "
     "paragraphs, a digital outlet ending on what is known so far and a corrections note, an international wire with "
     "ages in commas and anonymous officials, a community radio station's bulletin transcripts with times of day, a "
     "monthly magazine's long read reaching the new attack late after recapping old ones) on 2021-25 attacks in "
     "Karachi, Shikarpur, Gwadar, Panjgur, North Waziristan, Khyber, Peshawar and Chitral: a grenade on a shop, a "
     "prayer leader shot, Levies men abducted, a roadside bomb on a patrol, an attack across the Afghan border, "
     "foreign engineers' van fired on, a Frontier Corps post attacked with attackers killed, a police checkpoint "
     "fired on, a bomb defused, a mobile tower burned, claims against official blame on another group, four "
     "distractors; written blind, never studied.",
     "Fourteen incidents, eight of them in 2 or more reports. Never studied."),
    ("p165",
     "Twenty-six reports from five outlets (a Quetta morning daily with place-and-weekday ledes, a TV channel's "
     "ticker-style story with updates at the bottom, a foreign wire filing from Islamabad, a weekly magazine's "
     "reflective column, a rights group's press statement with its own figures) on 2021-25 attacks in Kachhi, "
     "Mastung, Washuk, Khuzdar, Kharan, Chagai, Nushki, Quetta, Kalat, Naseerabad, Sibi and Jaffarabad: miners "
     "abducted and killed, a pipeline bombed, a Levies station attacked, a journalist shot, a procession and a railway "
     "station bombed, a rally grenade attack, passengers taken off a bus and shot, a train track blast, namesake "
     "places, tolls disputed between sources, four distractors; written blind, never studied.",
     "Thirteen incidents, ten of them in 2 or more reports. Never studied."),
    ("p167",
     "Twenty-six reports from five outlets (a Quetta daily with month-and-day datelines and long paragraphs, a TV "
     "network's live blog of timed entries newest first, an international agency with figures in words, a rights "
     "group's field report days later listing the dead, an explainer site recapping earlier attacks) on 2021-25 attacks "
     "in Kachhi, Sibi, Nushki, Awaran, Quetta, Kalat, Harnai, Duki, Kech and Mastung: miners taken and killed, a rally "
     "bombed, passengers checked and shot on a highway, a grenade in a bazaar and a roadside bomb on one night, a "
     "railway station suicide bombing with a toll revised down, a Frontier Corps camp attacked with attackers counted "
     "apart, Levies men abducted, a train derailed near a tunnel, namesake places, four distractors; written blind, "
     "never studied.",
     "Thirteen incidents, ten of them in 2 or more reports. Never studied."),
    ("p169",
     "Twenty-eight reports from five outlets (a Quetta English daily datelining attacks elsewhere from Quetta, a wire "
     "with numbered UPDATE copies restating the toll, a Pashto channel's English site with one-sentence paragraphs and "
     "'last night', an analysis site's weekly reviews of four or five incidents, a government handout with press-release "
     "idiom) on 2022-25 attacks in Panjgur, Quetta, Bannu, South Waziristan, North Waziristan, Hangu, Dera Ismail Khan, "
     "Lakki Marwat, Orakzai, Kech, Gwadar, Mastung and Karak: a Frontier Corps patrol ambushed, a railway track and a "
     "pipeline blown up, a rocket attack past midnight, an elder shot, a suicide convoy bombing and a market bombing "
     "with tolls revised down, labourers abducted and killed, operations against 'khwarij', a coach fired on, a claim "
     "disputed by another group, four distractors; written blind, never studied.",
     "Thirteen incidents, all of them in 2 or more reports. Never studied."),
)


SECTIONS: tuple[Section, ...] = (
    Section(
        "Article extraction",
        ("eval", "extraction", "{shared}/extraction"),
        "Khabar's `extract_page` against plain `trafilatura.extract` defaults in the same run: "
        "must/must-not snippets on trafilatura's news pages, word-level body, title and date on fundus pages. "
        "The boilerplate-line filter was written after looking at these pages, so Khabar's figure is optimistic.",
        shared=True,
    ),
    Section(
        "Events: ACLED Balochistan 2022 (dev split)",
        ("eval", "events", "--dataset", "acled", "{shared}/acled_balochistan_2020_2022.csv", "--split", "dev"),
        "Each note is scored as one short article; gold types come from `sub_event_type` as mapped in "
        "`docs/event_types.md`. The rules were studied on the 2020-2021 rows only. ACLED has no injured counts "
        "and no negative examples.",
        shared=True,
    ),
    Section(
        "Events: SATP attack-type paragraphs (dev split)",
        ("eval", "events", "--dataset", "satp", "{shared}/satp_attacktype_train_dev.csv", "--split", "dev"),
        "The most confident event per paragraph; a type is correct when one of the paragraph's inferred gold "
        "labels accepts it (`docs/event_types.md`). Much of SATP is Indian reporting with its punctuation stripped.",
        shared=True,
    ),
    Section(
        "Events: news_dev reports (study and holdout)",
        ("eval", "events", "--dataset", "news", "{shared}/news_dev"),
        "Multi-paragraph news reports; predicted and gold events matched one to one. "
        "The holdout part is never studied: it is the honest figure.",
        shared=True,
    ),
    *(
        Section(
            f"Events: development reports `{name}` (studied while tuning)",
            ("eval", "events", "--dataset", "news", f"{{root}}/data/eval/news_probes/{name}", "--split", "all"),
            "Reports in other house styles written for Khabar's development (`data/eval/news_probes/README.md`); "
            "their errors were read while tuning, so this is a development figure, not an honest one.",
        )
        for name in STUDIED
    ),
    *(
        section
        for name, events_note, incidents_note in HONEST_PROBES
        for section in (
            Section(
                f"Events: reports `{name}` (never studied: an honest figure)",
                ("eval", "events", "--dataset", "news", f"{{root}}/data/eval/news_probes/{name}", "--split", "all"),
                events_note,
            ),
            *(() if incidents_note is None else (Section(
                f"Incidents: reports `{name}` (never studied: an honest figure)",
                ("eval", "incidents", "--dataset", "news", f"{{root}}/data/eval/news_probes/{name}"),
                incidents_note,
            ),)),
        )
    ),
    *(
        Section(
            f"Incidents: development reports `{name}` ({what}; studied while tuning)",
            ("eval", "incidents", "--dataset", "news", f"{{root}}/data/eval/news_probes/{name}"),
            note,
        )
        for name, what, note in INCIDENT_PROBES
    ),
    Section(
        "Events: the demo site (all articles)",
        ("eval", "events", "--dataset", "demo", "{root}/demo/site", "--split", "all"),
        "The demo site and the rules were written side by side: an upper bound.",
    ),
    Section(
        "Events: the demo site (dev articles, not in the classifier's training data)",
        ("eval", "events", "--dataset", "demo", "{root}/demo/site", "--split", "dev"),
        "Articles held out of the classifier head's training data by URL hash.",
    ),
    Section(
        "Incidents: grouping reports of the same incident (news_dev and demo)",
        ("eval", "incidents", "--dataset", "news", "{shared}/news_dev"),
        "Articles extracted and resolved offline as the service does; pairwise P/R/F1 over event mentions, "
        "news_dev in full and in its study and holdout parts, then the demo gold.",
        shared=True,
    ),
    Section(
        "Incidents at a feed's density: every labelled set on one compressed calendar",
        ("eval", "incidents", "--dataset", "news", "{shared}/news_dev", "--dense"),
        "The sets above are sparse: a few dozen incidents years apart, so two different attacks rarely meet. "
        "Here news_dev, the demo gold and the report sets are pooled (studied and never-studied apart) and "
        "every incident's reports are moved together by whole weeks onto one calendar of ten years, one "
        "year (the studied pool then holds some two to three attacks a day, about Pakistan's rate, the "
        "never-studied pool about half that) and four months; texts, places and tolls "
        "stay as reported. The matcher is trained on the studied pool (`khabar incidents train`), so "
        "`never-studied` is the honest row. Several sets cover the same real attacks; each real attack (its "
        "day and district in the incident key) is pooled once, from the first set that has it, so that two sets' "
        "reports of one attack are not scored as two incidents.",
        shared=True,
    ),
    Section(
        "Incidents: the demo site alone",
        ("eval", "incidents", "--dataset", "demo"),
        "The same on the bundled demo site only (runs without ../shared; its extraction is cached).",
    ),
    Section(
        "Classifier heads alone (dev split)",
        ("eval", "heads", "--data", "{shared}"),
        "The shipped relevance and event-type heads on the dev part of their training data "
        "(SATP dev, ACLED 2022, demo dev, news dev, seed dev), without the rules.",
        shared=True,
    ),
    Section(
        "Throughput",
        ("bench", "nlp", "--docs", "40"),
        "The full extractor against bare spaCy running the same model components over the same "
        "generated articles in the same process (a fresh one: memory is that command's alone). "
        "The two sides run alternately for three rounds and the ratio is that of their median times (the "
        "rounds' own ratios are printed), so that a busy moment on a shared machine does not decide it.",
        bench=True,
        fresh=True,
    ),
    Section(
        "Incremental incident resolution at 100,000 stored mentions",
        ("bench", "resolve", "--mentions", "100000", "--budget", "600"),
        "Generated mentions (two years, 16 districts, embeddings shaped like MiniLM's: unrelated reports at "
        "cosine ~0.45) written to a throw-away index prefix of the configured Elasticsearch, then 1,000 new "
        "mentions of the last month (a third of them follow-ups) resolved incrementally and timed; "
        "`mentions_loaded` is what that run read back. The density (~137 stored mentions a day) is about ten "
        "times Pakistan's reporting, so this is a pessimistic figure.",
        bench=True,
        fresh=True,
        elasticsearch=True,
    ),
)


def _elasticsearch_missing() -> str | None:
    """Why the configured Elasticsearch cannot be used (None when it answers)."""
    from khabar.cli.support import current_settings
    from khabar.index.store import Store

    try:
        Store.connect(current_settings(), check=True)
    except Exception as exc:  # noqa: BLE001 - any failure means the section is skipped with its reason
        return f"skipped: Elasticsearch not reachable ({exc.__class__.__name__}); start one with `khabar es start`"
    return None


def git_commit(root: Path = PROJECT_ROOT) -> str:
    """HEAD's commit hash, marked when the working tree has uncommitted changes."""
    try:
        head = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"], cwd=root, capture_output=True, text=True, check=True
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown (not a git checkout)"
    return f"{head} (with uncommitted changes)" if dirty else head


@contextlib.contextmanager
def _report_width() -> Iterator[None]:
    """Wide tables while capturing (rich reads COLUMNS when it prints)."""
    previous = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = REPORT_COLUMNS
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = previous


def run_command(root: click.Command, args: list[str]) -> tuple[str, str | None]:
    """Run `khabar ARGS` in this process; return what it printed and an error message or None."""
    buffer = io.StringIO()
    error: str | None = None
    with _report_width(), contextlib.redirect_stdout(buffer):
        try:
            root.main(args, prog_name="khabar", standalone_mode=False)
        except click.ClickException as exc:
            error = exc.format_message()
        except SystemExit as exc:
            if exc.code not in (0, None):
                error = f"exited with status {exc.code}"
        except Exception as exc:  # noqa: BLE001 - one broken evaluation must not stop the others; it is reported
            error = f"crashed: {type(exc).__name__}: {exc}"
    return buffer.getvalue(), error


def run_fresh(args: list[str]) -> tuple[str, str | None]:
    """Run `khabar ARGS` in a new Python process; return its stdout and an error message or None."""
    env = {**os.environ, "COLUMNS": REPORT_COLUMNS}
    done = subprocess.run([sys.executable, "-m", "khabar", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        return done.stdout, f"exited with status {done.returncode}: {done.stderr.strip()[-500:]}"
    return done.stdout, None


def _display(arg: str) -> str:
    """An argument as the reader would type it in the checkout (../shared/… rather than /abs/…)."""
    if not os.path.isabs(arg):
        return arg
    relative = os.path.relpath(arg, PROJECT_ROOT)
    return arg if relative.startswith(os.path.join(os.pardir, os.pardir)) else relative


def _expand(arg: str, data: Path) -> str:
    """Fill in the {shared} (labelled data) and {root} (checkout) placeholders."""
    return arg.replace("{shared}", str(data)).replace("{root}", str(PROJECT_ROOT))


def render_section(section: Section, shown: str, printed: str, error: str | None, seconds: float | None) -> str:
    """One markdown section: heading, command, note and the command's output verbatim."""
    lines = [f"## {section.title}", "", "```", shown, "```", "", section.about, ""]
    if error is not None:
        lines += [f"**Not measured:** {error}", ""]
    if printed.strip():
        lines += ["```text", printed.rstrip(), "```", ""]
    if seconds is not None:
        lines += [f"_({seconds:.0f} s)_", ""]
    return "\n".join(lines)


def render_page(sections: list[str], commit: str, when: datetime) -> str:
    """The whole accuracy page."""
    header = [
        "# Accuracy and speed",
        "",
        f"Generated by `khabar eval all` on {when:%Y-%m-%d %H:%M} UTC at commit `{commit}`,",
        f"on {platform.system()} {platform.machine()} with {os.cpu_count()} CPU cores, Python {platform.python_version()}.",
        "Every figure is printed by the command shown above it; rerun `khabar eval all` to refresh this page.",
        "The labelled data sets sit in `../shared/data/eval/` beside a development checkout (not shipped).",
        "",
        "How to read the tables: **P/R/F1** rows give F1 in *value* and P, R in the note; **exact** rows are",
        "exact-match accuracy over the matched events (*n*); **macro-F1** averages F1 over the event types with gold support.",
        "",
        f"Goals: {GOALS}.",
        "",
    ]
    return "\n".join(header) + "\n" + "\n".join(sections)


@click.command("all")
@click.option(
    "--data",
    type=click.Path(file_okay=False, path_type=Path),
    default=SHARED_EVAL,
    show_default=True,
    help="Folder of the labelled data sets (sections needing it are skipped when it is missing).",
)
@click.option(
    "--output", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_OUTPUT, show_default=True,
    help="Markdown page to (re)write.",
)
@click.option("--no-bench", is_flag=True, help="Skip the throughput benchmark.")
@click.pass_context
def eval_all_cmd(ctx: click.Context, data: Path, output: Path, no_bench: bool) -> None:
    """Run every evaluation and regenerate docs/accuracy.md, stamped with the date and commit."""
    root = ctx.find_root().command
    config = ctx.find_root().params.get("config")
    prefix = ["--config", str(config)] if config else []  # the sections read the same settings file
    rendered: list[str] = []
    failures = 0
    for section in SECTIONS:
        args = [_expand(arg, data) for arg in section.args]
        shown = "khabar " + " ".join(_display(arg) for arg in args)
        click.echo(f"== {section.title}: {shown}", err=True)
        if section.bench and no_bench:
            rendered.append(render_section(section, shown, "", "skipped (--no-bench)", None))
            continue
        if section.elasticsearch and (reason := _elasticsearch_missing()) is not None:
            rendered.append(render_section(section, shown, "", reason, None))
            continue
        if section.shared and not data.is_dir():
            rendered.append(render_section(section, shown, "", f"labelled data not found at {_display(str(data))}", None))
            continue
        start = time.perf_counter()
        printed, error = run_fresh(prefix + args) if section.fresh else run_command(root, prefix + args)
        seconds = time.perf_counter() - start
        sys.stderr.write(printed)
        if error is not None:
            failures += 1
            click.echo(f"error: {error}", err=True)
        rendered.append(render_section(section, shown, printed, error, seconds))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(render_page(rendered, git_commit(), datetime.now(UTC)), encoding="utf-8")
    click.echo(f"wrote {output} ({len(SECTIONS)} sections, {failures} failed)")
    if failures:
        raise click.ClickException(f"{failures} evaluation(s) failed; see {output}")


EVAL_COMMANDS: list[click.Command] = [eval_all_cmd]
