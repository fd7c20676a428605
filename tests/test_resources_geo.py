"""Every line of the geography and date resources is valid, unique and consistent."""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from pathlib import Path

import pycountry
import pytest

from passage.extract.geo import resolve_claims
from passage.resources import load_json, load_jsonl

ROOT = Path(__file__).resolve().parents[1]
COUNTRY_LISTS = ("names", "short", "demonyms", "adjectives", "capitals", "ambiguous", "weak")
PLACE_KINDS = {"state", "city", "border", "island", "sea", "region", "facility", "title"}
AGENCY_KINDS = {"government", "enforcement", "court", "media", "ngo", "international", "generic"}
UN_MEMBERS = 193


def _english(name: str) -> list[dict]:
    return [line for line in load_jsonl(name) if line.get("lang", "en") == "en"]


COUNTRIES = _english("countries.jsonl")
CODES = {line["code"] for line in COUNTRIES}
PLACES = load_jsonl("places.jsonl")
AGENCIES = load_jsonl("agencies.jsonl")


# --------------------------------------------------------------------------- countries


def test_every_iso_country_once() -> None:
    counts = Counter((line["code"], line["lang"]) for line in load_jsonl("countries.jsonl"))
    assert [key for key, n in counts.items() if n > 1] == []
    iso = {c.alpha_3 for c in pycountry.countries}
    assert iso <= CODES
    for line in COUNTRIES:
        if line["code"] in iso:
            assert pycountry.countries.get(alpha_3=line["code"]).alpha_2 == line["alpha2"]
        else:
            assert line.get("iso") is False, line["code"]
            assert re.fullmatch(r"[A-Z]{3}", line["code"]) and re.fullmatch(
                r"[A-Z]{2}", line["alpha2"]
            )


@pytest.mark.parametrize("line", COUNTRIES, ids=lambda line: line["code"])
def test_country_line(line: dict) -> None:
    assert line["name"] in line["names"]
    for field in COUNTRY_LISTS:
        values = line[field]
        assert len(values) == len(set(values)), (field, values)
        assert all(v and v == v.strip() for v in values), field
    forms = {v for f in COUNTRY_LISTS[:5] for v in line[f]}
    assert set(line["ambiguous"]) <= forms
    assert set(line["weak"]) <= set(line["ambiguous"])
    if line["un_member"]:
        assert line["demonyms"] and line["capitals"], line["code"]


def test_un_members() -> None:
    assert sum(line["un_member"] for line in COUNTRIES) == UN_MEMBERS


def test_shared_forms_are_marked_ambiguous() -> None:
    """A form two countries claim is marked by all of them but at most one."""
    for surface, readings in resolve_claims(COUNTRIES).items():
        if len({r.code for r in readings}) > 1:
            unmarked = [r.code for r in readings if not r.ambiguous]
            assert len(unmarked) <= 1, (surface, unmarked)


def test_regions_are_not_countries() -> None:
    claims = resolve_claims(COUNTRIES)
    for region in ("African", "Asian", "European", "Arab", "Latin American", "Central American"):
        assert region not in claims


def test_countries_file_is_generated_from_the_overlay() -> None:
    spec = importlib.util.spec_from_file_location("build", ROOT / "scripts" / "build_countries.py")
    assert spec and spec.loader
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    on_disk = (ROOT / "src" / "passage" / "resources" / "countries.jsonl").read_text("utf-8")
    assert on_disk == build.build(), "run: python scripts/build_countries.py"


# --------------------------------------------------------------------------- places


@pytest.mark.parametrize("line", PLACES, ids=lambda line: line["name"])
def test_place_line(line: dict) -> None:
    assert set(line) <= {"name", "aliases", "country", "kind", "lang", "when"}
    assert line["kind"] in PLACE_KINDS
    assert line["country"] is None or line["country"] in CODES
    assert line["name"] not in line["aliases"]
    when = line.get("when", {})
    assert set(when) <= {"before", "after", "near", "nearby", "comma_state"}
    for key in ("before", "after", "nearby"):
        if key in when:
            re.compile(when[key])
    if "near" in when:
        assert when["near"] in PLACE_KINDS


def test_place_names_are_unique_and_not_country_names() -> None:
    surfaces = Counter(s for line in PLACES for s in [line["name"], *line["aliases"]])
    assert [s for s, n in surfaces.items() if n > 1] == []
    claims = resolve_claims(COUNTRIES)
    clashes = [s for s in surfaces if s in claims and any(r.form != "capital" for r in claims[s])]
    assert clashes == ["Georgia"]  # the US state, context-checked against the country


# --------------------------------------------------------------------------- agencies


@pytest.mark.parametrize("line", AGENCIES, ids=lambda line: line["canonical"])
def test_agency_line(line: dict) -> None:
    assert set(line) <= {"canonical", "aliases", "country", "kind", "lang"}
    assert line["kind"] in AGENCY_KINDS
    assert line["country"] is None or line["country"] in CODES
    assert line["aliases"] and all(a == a.strip() for a in line["aliases"])


def test_agency_aliases_are_unique() -> None:
    aliases = Counter(a for line in AGENCIES for a in line["aliases"])
    assert [a for a, n in aliases.items() if n > 1] == []
    assert len({line["canonical"] for line in AGENCIES}) == len(AGENCIES)


# --------------------------------------------------------------------------- rules and dates


def test_geo_rules() -> None:
    for lang, rules in load_json("geo_rules.json").items():
        assert re.fullmatch(r"[a-z]{2}", lang)
        for key in ("people_nouns", "place_lead_words", "place_prefixes", "counted_before"):
            assert len(rules[key]) == len(set(rules[key])), key


def test_dates_words() -> None:
    data = load_json("dates.json")
    for lang, w in ((k, v) for k, v in data.items() if k != "fiscal_years"):
        assert re.fullmatch(r"[a-z]{2}", lang)
        assert set(w["months"].values()) == set(range(1, 13))
        assert set(w["weekdays"].values()) == set(range(7))
        assert set(w["month_needs_day"]) <= set(w["months"])
        assert set(w["month_needs_context"]) <= set(w["months"])
        assert w["period_end"] and all(p == p.lower() for p in w["period_end"])
        phrases = [r["phrase"] for r in w["relative"]]
        assert len(phrases) == len(set(phrases))
        units = {"day", "week", "weekend", "month", "year", "trailing_days", "fiscal_year"}
        assert {r["unit"] for r in w["relative"]} <= units
        assert all(isinstance(r["offset"], int) for r in w["relative"])
        for first, last in w["seasons"].values():
            assert 1 <= first <= 12 and 1 <= last <= 12
        assert set(w["units"].values()) <= {"hour", "day", "week", "month", "year"}
        assert set(w["modifiers"].values()) <= {"previous", "current", "next"}
        for joiners in w["range_openers"].values():
            assert joiners
    fiscal = data["fiscal_years"]
    assert fiscal["default"] in fiscal and fiscal["split_default"] in fiscal
    for code, rule in ((k, v) for k, v in fiscal.items() if k not in ("default", "split_default")):
        assert code in CODES
        assert 1 <= rule["start_month"] <= 12 and rule["label"] in ("start", "end")
