"""Point-in-polygon lookup and geocoding (uses only nlp/data)."""

from __future__ import annotations

import pytest

from khabar.nlp.gazetteer import load_gazetteer
from khabar.nlp.geocode import district_at, geocode


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [(31.83, 70.90, ("Dera Ismail Khan", "Khyber Pakhtunkhwa")),  # D.I. Khan city
     (26.00, 63.05, ("Kech", "Balochistan")),  # Turbat
     (33.72, 73.04, ("Islamabad", "Islamabad Capital Territory"))],
)
def test_district_at(lat: float, lon: float, expected: tuple[str, str]) -> None:
    assert district_at(lat, lon) == expected


def test_point_in_sea_or_abroad_is_none() -> None:
    assert district_at(23.5, 64.0) is None  # Arabian Sea
    assert district_at(34.55, 69.21) is None  # Kabul


def test_every_district_point_inside_its_polygon() -> None:
    gaz = load_gazetteer()
    for name in gaz.district_names():
        info = gaz.district_info(name)
        assert info is not None
        assert district_at(info["lat"], info["lon"]) == (name, info["province"]), name


def test_town_resolves_by_polygon() -> None:
    loc = geocode("Mir Ali")
    assert loc is not None
    assert (loc.place, loc.district, loc.province, loc.precision) == (
        "Mir Ali", "North Waziristan", "Khyber Pakhtunkhwa", "place")


def test_context_district_disambiguates() -> None:
    default = geocode("Sahiwal")
    in_sargodha = geocode("Sahiwal", context_district="Sargodha")
    assert default is not None and default.district == "Sahiwal"
    assert in_sargodha is not None and in_sargodha.district == "Sargodha"


def test_country_and_unknown() -> None:
    assert geocode("Pakistan") == geocode("pakistan")
    pk = geocode("Pakistan")
    assert pk is not None and (pk.country, pk.precision, pk.province) == ("Pakistan", "country", None)
    kabul = geocode("Kabul")
    assert kabul is not None and kabul.country == "Afghanistan"
    assert geocode("Atlantis") is None
