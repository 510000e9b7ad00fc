"""Gazetteer alias, fuzzy and group/actor resolution (uses only nlp/data)."""

from __future__ import annotations

import pytest

from khabar.nlp.gazetteer import Gazetteer, load_gazetteer, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return load_gazetteer()


def test_normalize_punctuation_and_case() -> None:
    assert name_key("D.I. Khan") == name_key("DI Khan") == name_key("d i khan") == "dikhan"


@pytest.mark.parametrize("alias", ["D.I. Khan", "DI Khan", "d i khan", "D. I. Khan"])
def test_di_khan_aliases(gaz: Gazetteer, alias: str) -> None:
    loc = gaz.resolve_location(alias)
    assert loc is not None
    assert (loc.district, loc.province, loc.precision) == ("Dera Ismail Khan", "Khyber Pakhtunkhwa", "district")


def test_turbat_is_a_town_in_kech(gaz: Gazetteer) -> None:
    loc = gaz.resolve_location("Turbat")
    assert loc is not None
    assert (loc.place, loc.district, loc.province, loc.precision) == ("Turbat", "Kech", "Balochistan", "place")


@pytest.mark.parametrize(
    ("alias", "district"),
    [("N. Waziristan", "North Waziristan"), ("North Waziristan Agency", "North Waziristan"),
     ("Khyber Agency", "Khyber"), ("S. Waziristan", "South Waziristan"),
     ("Upper South Waziristan", "South Waziristan"), ("D.G. Khan", "Dera Ghazi Khan"),
     ("Bajaur Agency", "Bajaur"), ("Kurram Agency", "Kurram")],
)
def test_district_aliases(gaz: Gazetteer, alias: str, district: str) -> None:
    loc = gaz.resolve_location(alias)
    assert loc is not None and loc.district == district and loc.precision == "district"


@pytest.mark.parametrize("alias", ["KP", "KPK", "Khyber-Pakhtunkhwa", "NWFP", "FATA"])
def test_province_aliases(gaz: Gazetteer, alias: str) -> None:
    loc = gaz.resolve_location(alias)
    assert loc is not None
    assert (loc.province, loc.district, loc.precision) == ("Khyber Pakhtunkhwa", None, "province")
    assert loc.lat is not None


def test_district_and_town_prefers_town(gaz: Gazetteer) -> None:
    loc = gaz.resolve_location("Quetta")
    assert loc is not None
    assert (loc.district, loc.province, loc.place, loc.precision) == ("Quetta", "Balochistan", "Quetta", "place")
    district = gaz.district_info("Quetta")
    assert district is not None and (loc.lat, loc.lon) != (district["lat"], district["lon"])


def test_district_only_name(gaz: Gazetteer) -> None:
    loc = gaz.resolve_location("Khyber")
    assert loc is not None and (loc.district, loc.place, loc.precision) == ("Khyber", None, "district")


def test_suffix_and_fuzzy(gaz: Gazetteer) -> None:
    bannu = gaz.resolve_location("Bannu district")
    assert bannu is not None and bannu.district == "Bannu"
    typo = gaz.resolve_location("Peshawer")
    assert typo is not None and typo.district == "Peshawar"
    assert gaz.resolve_location("Xyzzyville") is None
    assert gaz.resolve_location("Bnu") is None  # too short for fuzzy matching


def test_foreign_places_keep_country(gaz: Gazetteer) -> None:
    kabul = gaz.resolve_location("Kabul")
    assert kabul is not None and (kabul.country, kabul.precision, kabul.district) == ("Afghanistan", "country", None)
    iran = gaz.resolve_location("Zahedan")
    assert iran is not None and iran.country == "Iran"


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [("TTP", "Tehrik-i-Taliban Pakistan"), ("Pakistani Taliban", "Tehrik-i-Taliban Pakistan"),
     ("Fitna al-Khawarij", "Tehrik-i-Taliban Pakistan"), ("Khawarij", "Tehrik-i-Taliban Pakistan"),
     ("Tehreek-e-Taliban Pakistan", "Tehrik-i-Taliban Pakistan"), ("BLA", "Balochistan Liberation Army"),
     ("Baloch Liberation Army", "Balochistan Liberation Army"), ("BLF", "Balochistan Liberation Front"),
     ("IS-K", "Islamic State Khorasan Province"), ("Daesh", "Islamic State Khorasan Province"),
     ("Tehreek-e-Talibaan Pakistan", "Tehrik-i-Taliban Pakistan")],
)
def test_group_aliases(gaz: Gazetteer, alias: str, canonical: str) -> None:
    assert gaz.resolve_group(alias) == canonical


def test_unknown_group_and_info(gaz: Gazetteer) -> None:
    assert gaz.resolve_group("Rotary Club") is None
    info = gaz.group_info("Jamaat-ul-Ahrar")
    assert info["parent_or_umbrella"] == "Tehrik-i-Taliban Pakistan" and info["ideology"] == "jihadist"
    assert gaz.group_info("nonexistent group") == {}


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [("FC", "Frontier Corps"), ("CTD", "Counter Terrorism Department"), ("Levies", "Levies"),
     ("ISPR", "Inter-Services Public Relations"), ("police", "Police")],
)
def test_actor_aliases(gaz: Gazetteer, alias: str, canonical: str) -> None:
    actor = gaz.resolve_actor(alias)
    assert actor is not None and actor["canonical_name"] == canonical


def test_name_lists(gaz: Gazetteer) -> None:
    assert len(gaz.district_names()) == 156
    assert "Khyber Pakhtunkhwa" in gaz.province_names() and "Balochistan" in gaz.province_names()


@pytest.mark.parametrize(
    ("surface", "district"),
    [("Tirah valley", "Khyber"), ("Darra Adam Khel", "Kohat"), ("Tarnol", "Islamabad"),
     ("Kolpur", "Kachhi (Bolan)"), ("Jani Khel", "Bannu"), ("Sadda", "Kurram")],
)
def test_curated_localities_resolve_to_their_district(gaz: Gazetteer, surface: str, district: str) -> None:
    loc = gaz.resolve_location(surface)
    assert loc is not None
    # a locality carries its district's point, so it claims no more than district precision
    assert (loc.district, loc.precision) == (district, "district")


def test_localities_never_shadow_census_places() -> None:
    from khabar.tools.build_data import LOCALITIES, locality_records, read_csv

    districts = [{"name": row["district"], "lat": 0.0, "lon": 0.0} for row in read_csv(LOCALITIES)]
    districts.append({"name": "Khyber", "lat": 34.0, "lon": 71.0})
    names = {r["name"]: r for r in locality_records(districts, {"bara", "janikhel"})}
    assert "Bara" not in names  # a census tehsil of that name wins
    assert names["Jani Khel"]["alt_names"] == []  # the taken spelling is dropped, the name kept
    assert (names["Tirah"]["lat"], names["Tirah"]["precision"]) == (34.0, "district")


@pytest.mark.parametrize(("surface", "district"), [("Torkham", "Khyber"), ("Angoor Adda", "South Waziristan"),
                                                   ("Saryab", "Quetta"), ("Spezand", "Mastung")])
def test_border_crossings_and_roadside_towns_of_the_reporting(gaz: Gazetteer, surface: str, district: str) -> None:
    loc = gaz.resolve_location(surface)
    assert loc is not None and loc.district == district
