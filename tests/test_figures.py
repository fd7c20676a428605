"""Figures: quantity phrases, their kind, what they count, rates, totals and comparisons.

Every sentence here is invented for the test; the gold texts are only read (and skipped
when ../shared is absent).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from passage.extract.figures import find_figures
from passage.extract.numbers import TOKEN, lexicon
from passage.extract.phrases import tables
from passage.model import Figure
from passage.resources import load_json

SHARED = Path(__file__).resolve().parents[2] / "shared"
MODULES = ["figures", "numbers", "phrases", "counted", "comparisons"]


def _find(text: str, surface: str) -> Figure:
    """The figure whose span reads ``surface`` (and check every offset on the way)."""
    found = find_figures(text)
    for f in found:
        _check_offsets(text, f)
    matches = [f for f in found if f.span.of(text) == surface]
    assert matches, f"no figure {surface!r} in {text!r}: {[f.span.of(text) for f in found]}"
    return matches[0]


def _check_offsets(text: str, f: Figure) -> None:
    assert f.span.of(text).strip() == f.span.of(text) != ""
    if f.noun is not None:
        assert f.noun_span is not None and f.noun_span.of(text) == f.noun
    for span in (f.per_span, f.cumulative_span, f.change_span):
        assert span is None or (span.of(text).strip() == span.of(text) != "")


# --------------------------------------------------------------------------- counts

COUNTS = [
    # sentence, span, low, high, approx, noun
    ("Officials removed 52 Georgians on Monday.", "52", 52, 52, False, "Georgians"),
    (
        "The navy intercepted more than 37,000 Somali nationals trying to land.",
        "more than 37,000",
        37000,
        None,
        False,
        "Somali nationals",
    ),
    ("Police held over 120 people overnight.", "over 120", 120, None, False, "people"),
    ("At least 9 migrants drowned.", "At least 9", 9, None, False, "migrants"),
    ("Upwards of 400 asylum seekers waited.", "Upwards of 400", 400, None, False, "asylum seekers"),
    ("In excess of 3,000 people crossed.", "In excess of 3,000", 3000, None, False, "people"),
    (
        "Arrests topped a record 9,100 migrants.",
        "topped a record 9,100",
        9100,
        None,
        False,
        "migrants",
    ),
    ("Fewer than 50 families were housed.", "Fewer than 50", None, 50, False, "families"),
    ("Less than 75 detainees remain.", "Less than 75", None, 75, False, "detainees"),
    ("The camp can hold up to 900 refugees.", "up to 900", None, 900, False, "refugees"),
    ("As many as 600 workers were deported.", "As many as 600", None, 600, False, "workers"),
    ("No more than 30 minors were released.", "No more than 30", None, 30, False, "minors"),
    ("Under 40 boats arrived.", "Under 40", None, 40, False, "boats"),
    ("About 300 Eritreans were flown out.", "About 300", 300, 300, True, "Eritreans"),
    ("Around 2,500 Afghans left.", "Around 2,500", 2500, 2500, True, "Afghans"),
    ("Nearly 800 people were screened.", "Nearly 800", 800, 800, True, "people"),
    ("Almost 60 men were held.", "Almost 60", 60, 60, True, "men"),
    ("Some 4,200 Sudanese fled north.", "Some 4,200", 4200, 4200, True, "Sudanese"),
    ("Roughly 90 fishermen were detained.", "Roughly 90", 90, 90, True, "fishermen"),
    ("Approximately 1,100 Haitians landed.", "Approximately 1,100", 1100, 1100, True, "Haitians"),
    (
        "An estimated 7,000 Venezuelans crossed.",
        "An estimated 7,000",
        7000,
        7000,
        True,
        "Venezuelans",
    ),
    ("Close to 200 students were expelled.", "Close to 200", 200, 200, True, "students"),
    ("Approaching 5,000 arrivals were logged.", "Approaching 5,000", 5000, 5000, True, "arrivals"),
    (
        "Between 8,500 and 9,000 Afghans moved.",
        "Between 8,500 and 9,000",
        8500,
        9000,
        False,
        "Afghans",
    ),
    ("From 200 to 250 Syrians were bused.", "From 200 to 250", 200, 250, False, "Syrians"),
    ("Guards stopped 8,000-10,000 travellers.", "8,000-10,000", 8000, 10000, False, "travellers"),
    ("Guards stopped 8,000–10,000 travellers.", "8,000–10,000", 8000, 10000, False, "travellers"),
    ("Guards stopped 600 to 700 travellers.", "600 to 700", 600, 700, False, "travellers"),
    (
        "Between 8 and 10 million people moved.",
        "Between 8 and 10 million",
        8_000_000,
        10_000_000,
        False,
        "people",
    ),
    (
        "The agency flew 1.2 million people home.",
        "1.2 million",
        1_200_000,
        1_200_000,
        False,
        "people",
    ),
    ("The agency flew 3.5k people home.", "3.5k", 3500, 3500, False, "people"),
    # South Asian English counts in lakhs (100,000) and crores (10 million)
    ("The agency flew 1.5 lakh people home.", "1.5 lakh", 150_000, 150_000, False, "people"),
    (
        "The agency flew two crore people home.",
        "two crore",
        20_000_000,
        20_000_000,
        False,
        "people",
    ),
    ("The agency flew lakhs of people home.", "lakhs", 200_000, None, True, "people"),
    ("The agency flew 10 000 people home.", "10 000", 10000, 10000, False, "people"),
    ("The agency flew 10\u2009000 people home.", "10\u2009000", 10000, 10000, False, "people"),
    ("The agency flew 10\u00a0000 people home.", "10\u00a0000", 10000, 10000, False, "people"),
    ("A 1,000-plus crowd of migrants gathered.", "1,000-plus", 1000, None, False, None),
    ("They counted 1,000-plus migrants.", "1,000-plus", 1000, None, False, "migrants"),
    ("They counted 250 or more migrants.", "250 or more", 250, None, False, "migrants"),
    ("They counted 242,700 Venezuelans.", "242,700", 242700, 242700, False, "Venezuelans"),
    ("A hundred migrants were rescued.", "A hundred", 100, 100, False, "migrants"),
    ("One hundred migrants were rescued.", "One hundred", 100, 100, False, "migrants"),
    ("Twenty-five thousand people left.", "Twenty-five thousand", 25000, 25000, False, "people"),
    ("Police detained two dozen youths.", "two dozen", 24, 24, False, "youths"),
    ("Police detained a dozen youths.", "a dozen", 12, 12, False, "youths"),
    ("Police detained a couple of teenagers.", "a couple", 2, 2, False, "teenagers"),
    ("Police detained ninety-nine people.", "ninety-nine", 99, 99, False, "people"),
    (
        "Police detained one hundred and twelve people.",
        "one hundred and twelve",
        112,
        112,
        False,
        "people",
    ),
    ("A million refugees are hosted there.", "A million", 1_000_000, 1_000_000, False, "refugees"),
    ("Half a million people fled.", "Half a million", 500_000, 500_000, False, "people"),
    (
        "Over 1.5 million Ukrainians arrived.",
        "Over 1.5 million",
        1_500_000,
        None,
        False,
        "Ukrainians",
    ),
    ("More than a dozen students were held.", "More than a dozen", 12, None, False, "students"),
    ("A family of five was deported.", "A family of five", 5, 5, False, "family"),
    ("One man was arrested at the port.", "One", 1, 1, False, "man"),
    ("Dozens of migrants were detained.", "Dozens", 24, None, True, "migrants"),
    ("Hundreds of families were moved.", "Hundreds", 200, None, True, "families"),
    ("Thousands of Rohingya fled.", "Thousands", 2000, None, True, "Rohingya"),
    ("Tens of thousands of people waited.", "Tens of thousands", 20000, None, True, "people"),
    (
        "Hundreds of thousands of Afghans left.",
        "Hundreds of thousands",
        200_000,
        None,
        True,
        "Afghans",
    ),
    ("Millions of people are displaced.", "Millions", 2_000_000, None, True, "people"),
    ("Several hundred workers were held.", "Several hundred", 200, None, True, "workers"),
    ("A few hundred workers were held.", "A few hundred", 200, None, True, "workers"),
    ("Scores of migrants were rescued.", "Scores", 40, None, True, "migrants"),
    (
        "Officials deported 14 unaccompanied migrant children.",
        "14",
        14,
        14,
        False,
        "unaccompanied migrant children",
    ),
    ("The 12, who include a teenager, were held.", "12", 12, 12, False, None),
    ("Four of the 170 arrested were released.", "Four", 4, 4, False, None),
    ("9 of the 31 bombings hit markets.", "9", 9, 9, False, "bombings"),
    ("They deported 40 U.S. Army deserters.", "40", 40, 40, False, "U.S. Army deserters"),
    ("Agents held 20 COVID-19 patients.", "20", 20, 20, False, "COVID-19 patients"),
    (
        "They counted 407 unaccompanied and underage deportees.",
        "407",
        407,
        407,
        False,
        "unaccompanied and underage deportees",
    ),
    ("About 2000 migrants camped there.", "About 2000", 2000, 2000, True, "migrants"),
    ("More than 2000 migrants camped there.", "More than 2000", 2000, None, False, "migrants"),
]


@pytest.mark.parametrize(("text", "surface", "low", "high", "approx", "noun"), COUNTS)
def test_counts(
    text: str, surface: str, low: int | None, high: int | None, approx: bool, noun: str | None
) -> None:
    f = _find(text, surface)
    assert f.kind == "count"
    assert (f.people.low, f.people.high, f.people.approx) == (low, high, approx)
    assert f.noun == noun
    assert f.people.per is None and not f.people.cumulative


def test_offsets_are_absolute_into_the_whole_text() -> None:
    text = "Header line.\nThen more than 300 Tunisians landed; a year later 20 more came."
    start = text.index("Then")
    found = find_figures(text, start, text.index(";"))
    assert [f.span.of(text) for f in found] == ["more than 300"]
    assert found[0].span.start == text.index("more than 300")
    assert found[0].noun_span is not None and found[0].noun_span.of(text) == "Tunisians"


def test_a_list_shares_its_qualifier() -> None:
    text = "More than 7,000 Haitians, 6,000 Cubans and 5,000 Nicaraguans were vetted."
    got = [(f.people.low, f.people.high) for f in find_figures(text)]
    assert got == [(7000, None), (6000, None), (5000, None)]


# --------------------------------------------------------------------------- not counts

KINDS = [
    ("The law passed in 2021 after a long fight.", "2021", "year"),
    ("Arrivals peaked in the 1970s.", "1970s", "year"),
    ("Budgets for FY2021 were cut.", "2021", "year"),
    ("Budgets for fiscal year 2020 were cut.", "2020", "year"),
    ("The 2020 elections were close.", "2020", "year"),
    ("The 2019-20 season ended.", "2019-20", "year"),
    ("Of all applicants, 14% were refused.", "14%", "percent"),
    ("Of all applicants, 14 percent were refused.", "14 percent", "percent"),
    ("Of all applicants, 14 per cent were refused.", "14 per cent", "percent"),
    ("The plan costs $5 million.", "$5 million", "money"),
    ("The plan costs 5 million dollars.", "5 million dollars", "money"),
    ("The plan costs €20.", "€20", "money"),
    ("The plan costs £1bn.", "£1bn", "money"),
    ("Police found a 16-year-old in the truck.", "16", "age"),
    ("A 3-year-old girl was among them.", "3", "age"),
    ("The man, aged 35, was released.", "35", "age"),
    ("She is 35 years old.", "35", "age"),
    ("Omar Haddad, 41, was deported.", "41", "age"),
    ("She had lived in the country since she was 9 and was deported.", "9", "age"),
    ("A man suspected of killing three people arrived by boat.", "three", "other"),
    ("The attack killed at least 12 people near the camp.", "at least 12", "other"),
    ("It was the first flight of its kind.", "first", "ordinal"),
    ("It was the 2nd flight of the week.", "2nd", "ordinal"),
    ("It was the 14th flight this year.", "14th", "ordinal"),
    ("He served five years in prison.", "five", "duration"),
    ("The ban lasted 20 days.", "20", "duration"),
    ("He got 200 years in prison.", "200", "duration"),
    ("They were held for 3 months.", "3", "duration"),
    ("The bus left at 09:00 sharp.", "09:00", "time"),
    ("The bus left at 3 p.m. sharp.", "3", "time"),
    ("The bus left at 10am sharp.", "10", "time"),
    ("The camp lies 10 km from the border.", "10", "measure"),
    ("The camp lies 5 miles from the border.", "5", "measure"),
    ("The wall rises 2,000 feet.", "2,000", "measure"),
    ("Flight 123 landed in Lagos.", "123", "other"),
    ("Call 555-123-4567 for help.", "555-123-4567", "other"),
    ("Expulsions under Title 42 ended.", "42", "other"),
    ("Tenants under Section 8 were moved.", "8", "other"),
    ("The bus took Route 66 west.", "66", "other"),
    ("Clinics ran COVID-19 tests.", "19", "other"),
    ("Voters backed Proposition 187.", "187", "other"),
    ("They were told to leave by Nov. 1 or face arrest.", "1", "other"),
    ("They were arrested on August 23 at sea.", "23", "other"),
    ("They were arrested on 23 August at sea.", "23", "other"),
    ("Eight in 10 migrants said so.", "10", "other"),
    ("A 5-4 ruling upheld the ban.", "5", "other"),
    ("A five-term senator spoke.", "five", "other"),
]


@pytest.mark.parametrize(("text", "surface", "kind"), KINDS)
def test_numbers_that_are_not_counts_get_their_kind(text: str, surface: str, kind: str) -> None:
    assert _find(text, surface).kind == kind


def test_a_report_of_suicide_bombings_reports_the_noun() -> None:
    f = _find("Investigators linked 14 of the 24 suicide bombings to the group.", "14")
    assert (f.kind, f.noun) == ("count", "suicide bombings")


@pytest.mark.parametrize(
    "text",
    [
        "One of the migrants was released.",
        "No one was hurt in the raid.",
        "She was the one who called.",
        "A man was arrested at the port.",
        "The ministry has not released figures.",
        "Scores were settled.",
    ],
)
def test_pronouns_and_articles_are_not_counts(text: str) -> None:
    assert [f for f in find_figures(text) if f.kind == "count"] == []


def test_a_sentence_without_numbers_gives_nothing() -> None:
    assert find_figures("Officials said the operation would continue.") == []


# --------------------------------------------------------------------------- rates

RATES = [
    (
        "Between 8,000 and 9,000 Afghans are leaving each day.",
        "Between 8,000 and 9,000",
        "day",
        "each day",
    ),
    ("About 300 a day crossed at the bridge.", "About 300", "day", "a day"),
    ("The state takes in 400 refugees per day.", "400", "day", "per day"),
    ("Roughly 50 migrants arrive daily.", "Roughly 50", "day", "daily"),
    ("Some 90 people cross every day.", "Some 90", "day", "every day"),
    ("They deport 1,000 people a week.", "1,000", "week", "a week"),
    ("They deport 1,000 people weekly.", "1,000", "week", "weekly"),
    ("They deport 2,000 people per month.", "2,000", "month", "per month"),
    ("They deport 2,000 people a month.", "2,000", "month", "a month"),
    ("They deport 2,000 people monthly.", "2,000", "month", "monthly"),
    ("The cap is at least 125,000 per year.", "at least 125,000", "year", "per year"),
    ("Up to 60,000 refugees are admitted annually.", "Up to 60,000", "year", "annually"),
    ("Some 70,000 people are resettled each year.", "Some 70,000", "year", "each year"),
    ("Some 70,000 people are resettled a year.", "Some 70,000", "year", "a year"),
    ("Each day, more than 8,000 Afghans cross.", "more than 8,000", "day", "Each day"),
    ("Every week 500 people are flown out.", "500", "week", "Every week"),
    ("He vowed to raise refugees admitted annually to 125,000.", "125,000", "year", "annually"),
    ("He lowered the refugee cap to 18,000 for next year.", "18,000", "year", "refugee cap"),
    ("It raised the refugee cap from 15,000 to 125,000.", "125,000", "year", "refugee cap"),
    ("They set the annual quota at some 1,500 people.", "some 1,500", "year", "annual quota"),
]


@pytest.mark.parametrize(("text", "surface", "per", "phrase"), RATES)
def test_rates(text: str, surface: str, per: str, phrase: str) -> None:
    f = _find(text, surface)
    assert f.people.per == per
    assert f.per_span is not None and f.per_span.of(text) == phrase


@pytest.mark.parametrize(
    "text",
    [
        "About 300 migrants were deported a year ago.",
        "Some 40 men were held for a week.",
        "They expelled 200 people in a day of raids.",
        "For a week, 300 people waited at the gate.",
        "Once a month 20 of them were moved.",
        "Under the refugee cap, officials said, 11,000 arrived.",
    ],
)
def test_time_phrases_that_are_not_rates(text: str) -> None:
    assert all(f.people.per is None for f in find_figures(text))


# --------------------------------------------------------------------------- running totals

CUMULATIVE = [
    (
        "More than 90,000 people have left since the deadline.",
        "More than 90,000",
        "since the deadline",
    ),
    ("Over 3,000 have been returned so far.", "Over 3,000", "so far"),
    ("So far, 4,100 migrants have been removed.", "4,100", "So far"),
    ("Some 500 were expelled to date.", "Some 500", "to date"),
    ("About 6,000 landed so far this year.", "About 6,000", "so far this year"),
    ("About 6,000 landed this year so far.", "About 6,000", "this year so far"),
    ("A total of 2,700 Syrians were resettled.", "2,700", "A total of"),
    ("Police arrested 310 people since January.", "310", "since January"),
    ("Police arrested 310 people since 2021.", "310", "since 2021"),
    (
        "Since early March, the navy has stopped over 1,400 boats.",
        "over 1,400",
        "Since early March",
    ),
    ("Officials said 880 people were removed in total.", "880", "in total"),
]


@pytest.mark.parametrize(("text", "surface", "marker"), CUMULATIVE)
def test_running_totals(text: str, surface: str, marker: str) -> None:
    f = _find(text, surface)
    assert f.people.cumulative
    assert f.cumulative_span is not None and f.cumulative_span.of(text) == marker


@pytest.mark.parametrize(
    "text",
    [
        "Some 300 migrants were detained since they lacked papers.",
        "It was the worst since 2006 when 9,000 landed.",
        "About 200 people were deported on Tuesday.",
    ],
)
def test_not_running_totals(text: str) -> None:
    assert not any(f.people.cumulative for f in find_figures(text) if f.kind == "count")


# --------------------------------------------------------------------------- comparisons

CHANGES = [
    # sentence, figure span, factor, from, baseline, change span
    (
        "Guards stopped more than 41,000 Indians in 2023, a tenfold increase compared to the"
        " previous year.",
        "more than 41,000",
        10,
        None,
        "previous year",
        "a tenfold increase compared to the previous year",
    ),
    (
        "Guards stopped 9,000 Peruvians, a 10-fold increase over 2021.",
        "9,000",
        10,
        None,
        "2021",
        "a 10-fold increase over 2021",
    ),
    (
        "Between 6,000 and 7,000 Kenyans leave each day, an increase from about 250 a day.",
        "Between 6,000 and 7,000",
        None,
        250,
        None,
        "an increase from about 250 a day",
    ),
    ("Arrivals hit 4,000 migrants, up from 300.", "4,000", None, 300, None, "up from 300"),
    (
        "Some 5,000 Cubans arrived, twice as many as in 2022.",
        "Some 5,000",
        2,
        None,
        "2022",
        "twice as many as in 2022",
    ),
    (
        "Nearly 6,000 Tunisians crossed, three times as many as last year.",
        "Nearly 6,000",
        3,
        None,
        "last year",
        "three times as many as last year",
    ),
    ("About 900 Yemenis arrived and the number doubled.", "About 900", 2, None, None, "doubled"),
    ("About 900 Yemenis arrived, a figure that tripled.", "About 900", 3, None, None, "tripled"),
    (
        "They admitted 3,000 refugees, 50 percent more than in 2019.",
        "3,000",
        1.5,
        None,
        "2019",
        "50 percent more than in 2019",
    ),
    (
        "The shelter took in 1,400 minors in June, compared to the 60 it received in March.",
        "1,400",
        None,
        60,
        "March",
        "compared to the 60 it received in March",
    ),
    (
        "More than 21,000 people reached Malta, compared to 7,100 in the same period of 2019.",
        "More than 21,000",
        None,
        7100,
        "same period of 2019",
        "compared to 7,100 in the same period of 2019",
    ),
    (
        "The plan raises the refugee cap from 18,000 to 62,500.",
        "62,500",
        None,
        18000,
        None,
        "from 18,000",
    ),
]


@pytest.mark.parametrize(("text", "surface", "factor", "from_", "baseline", "phrase"), CHANGES)
def test_comparisons(
    text: str,
    surface: str,
    factor: float | None,
    from_: int | None,
    baseline: str | None,
    phrase: str,
) -> None:
    f = _find(text, surface)
    assert f.change is not None
    assert (f.change.factor, f.change.from_, f.change.baseline) == (factor, from_, baseline)
    assert f.change_span is not None and f.change_span.of(text) == phrase
    if from_ is not None:  # the baseline is folded into the change, never a count of its own
        counts = [g.people.low for g in find_figures(text) if g.kind == "count"]
        assert from_ not in counts


def test_a_percentage_change_without_a_count_stays_on_the_percentage() -> None:
    f = _find("The agency saw a 74 percent decrease in crossings.", "74 percent")
    assert f.kind == "percent"
    assert f.change is not None and f.change.factor == pytest.approx(0.26)


def test_a_share_is_not_a_change() -> None:
    assert all(f.change is None for f in find_figures("They expelled 90 percent of migrants."))


# --------------------------------------------------------------------------- data


def test_numbers_json_is_valid() -> None:
    data = load_json("numbers.json")
    langs = [k for k in data if not k.startswith("_")]
    assert "en" in langs
    required = set(data["en"])
    for lang in langs:
        table = data[lang]
        assert set(table) == required, f"{lang}: keys differ from en"
        for name in ("units", "tens", "multipliers", "abbreviations", "ordinals"):
            assert all(isinstance(v, int) and v >= 0 for v in table[name].values()), name
        assert all(1 <= m <= 12 for m in table["months"].values())
        for v in table["vague"]:
            assert isinstance(v["low"], int) and v["low"] > 0
        assert {q["effect"] for q in table["qualifiers"]} <= {"min", "max", "approx", "exact"}
        assert {q["effect"] for q in table["post_qualifiers"]} <= {"min", "max", "approx"}
        assert {r["per"] for r in table["rates"]} <= {"day", "week", "month", "year"}
        assert {c["where"] for c in table["cumulative"]} <= {"before", "after", "both"}
        for values in _phrase_lists(table):
            keys = [" ".join(_tokens(p)) for p in values]
            duplicates = {k for k in keys if keys.count(k) > 1}
            assert not duplicates, f"{lang}: duplicate phrases {duplicates}"
        lexicon(lang).pattern.match("")  # the combined pattern compiles
        tables(lang)  # and so do all phrase tables


def test_no_phrase_means_two_things() -> None:
    for lang, table in _languages():
        kinds = table["kinds"]
        units = [kinds[k] for k in kinds if k.endswith("_after")]
        _assert_disjoint(lang, "units after a number", units)
        changes = table["changes"]
        _assert_disjoint(
            lang, "increase/decrease", [changes["increase_words"], changes["decrease_words"]]
        )
        rates = [r["phrase"] for r in table["rates"]]
        markers = [c["phrase"] for c in table["cumulative"]]
        _assert_disjoint(lang, "rates/running totals", [rates, markers])
        numbers = [table["units"], table["tens"], table["multipliers"], table["ordinals"]]
        _assert_disjoint(lang, "number words", [list(n) for n in numbers])
        vague = [v["phrase"] for v in table["vague"]]
        fixed = [v["phrase"] for v in table["fixed"]]
        _assert_disjoint(lang, "vague/fixed", [vague, fixed])


def test_the_code_holds_no_word_lists() -> None:
    """Words live in numbers.json: the modules may only name its keys and their own labels."""
    data = load_json("numbers.json")
    allowed = _json_keys(data) | _LABELS
    for name in MODULES:
        path = Path(__file__).resolve().parents[1] / "src" / "passage" / "extract" / f"{name}.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {
            id(node.body[0].value)
            for node in ast.walk(tree)
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
            and node.body
            and isinstance(node.body[0], ast.Expr)
        }
        words = {
            node.value
            for node in ast.walk(tree)
            if isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and re.fullmatch(r"[a-z]{2,}", node.value)
        }
        assert words <= allowed, f"{name}.py holds words: {sorted(words - allowed)}"


def test_an_unknown_language_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"numbers\.json"):
        find_figures("Some 300 migrants.", lang="xx")


# labels the code uses for its own values (kinds, forms, effects), not words of a language
_LABELS = {
    "count", "year", "percent", "money", "age", "ordinal", "duration", "measure", "time",
    "other", "numeral", "words", "vague", "fixed", "decade", "fiscal", "phone", "ordword",
    "scale", "min", "max", "approx", "exact", "unit", "tens", "small", "large", "en",
    "before", "after",
}  # fmt: skip


def _languages() -> list[tuple[str, dict]]:
    data = load_json("numbers.json")
    return [(k, v) for k, v in data.items() if not k.startswith("_")]


def _tokens(phrase: str) -> list[str]:
    return [m.group().lower() for m in TOKEN.finditer(phrase)]


def _phrase_lists(table: dict) -> list[list[str]]:
    """Every list of phrases in a language table (lists of strings or of {"phrase": ...})."""
    out: list[list[str]] = []

    def walk(value: object) -> None:
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            out.append(value)
        elif isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            if all("phrase" in v for v in value):
                out.append([v["phrase"] for v in value if v.get("where") != "before"])
                out.append([v["phrase"] for v in value if v.get("where") == "before"])
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)

    walk(table)
    return out


def _assert_disjoint(lang: str, what: str, groups: list) -> None:
    seen: dict[str, int] = {}
    for i, group in enumerate(groups):
        for phrase in group:
            key = " ".join(_tokens(phrase))
            assert seen.get(key, i) == i, f"{lang}: {phrase!r} is in two {what} lists"
            seen[key] = i


def _json_keys(value: object) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _json_keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _json_keys(v)}
    return set()


# --------------------------------------------------------------------------- gold (read only)


def test_gold_people_figures_are_found() -> None:
    """Most gold people counts appear among the count figures of their evidence sentence."""
    gold = SHARED / "gold"
    if not (gold / "dev.jsonl").exists():
        pytest.skip("../shared/gold is not available")
    found = total = 0
    for name in ("seeds.jsonl", "dev.jsonl"):
        for line in (gold / name).read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            text = doc.get("text") or (gold / doc["text_file"]).read_text(encoding="utf-8")
            for event in doc["events"]:
                people, evidence = event["people"], event["evidence"][0]
                at = text.find(evidence)
                if not people or at < 0 or not re.search(r"\d", evidence):
                    continue
                total += 1
                figures = find_figures(text, at, at + len(evidence))
                got = {(f.people.low, f.people.high, f.people.per) for f in figures}
                found += (people["low"], people["high"], people["per"]) in got
    assert total > 50
    print(f"gold people figures found: {found}/{total}")
    assert found / total >= 0.8, f"{found}/{total}"


# --------------------------------------------------------------------------- shares


@pytest.mark.parametrize(
    ("text", "surface", "low", "high", "approx"),
    [
        (
            "About two-thirds of the more than 1,000 parents were deported.",
            "About two-thirds of the more than 1,000",
            667,
            None,
            True,
        ),
        ("Half of the 300 migrants were sent back.", "Half of the 300", 150, 150, False),
        (
            "So far, a quarter of 2,000 applicants were refused.",
            "a quarter of 2,000",
            500,
            500,
            False,
        ),
    ],
)
def test_a_share_opening_its_clause_counts_a_part(
    text: str, surface: str, low: int, high: int | None, approx: bool
) -> None:
    people = _find(text, surface).people
    assert (people.low, people.high, people.approx) == (low, high, approx)


def test_a_share_inside_a_clause_compares_and_its_words_are_no_numbers() -> None:
    text = "They processed 38,269, not quite one-third of the nearly 125,000 people who came."
    assert [f.people.low for f in find_figures(text)] == [38269, 125000]
    assert [f.people.low for f in find_figures("Two thirds of them, 400 people, left.")] == [400]


def test_letters_a_case_insensitive_match_folds_to_ascii_are_read_as_those() -> None:
    # "\u017f" (long s) and "\u0131" (dotless i) match "s" and "i" case-insensitively; the
    # words they are in are looked up as if written in ASCII, not left to crash
    cases = {
        "3 m\u0131llion migrants arrived.": [(3_000_000, 3_000_000)],
        "twenty-\u017fix people were deported": [(26, 26)],
        "hundreds of thousand\u017f fled": [(200_000, None)],
        "Seven \u017fix": [(7, 7), (6, 6)],
    }
    for text, expected in cases.items():
        assert [(f.people.low, f.people.high) for f in find_figures(text)] == expected, text


def test_more_people_than_live_on_earth_is_no_count() -> None:
    # a run of hundreds of digits reads as an infinite float: no crash, and no count
    for text in ["Police deported " + "9" * 400 + " migrants.",
                 "Police deported 10,000,000,000,000,000,000,000 migrants."]:  # fmt: skip
        assert [f for f in find_figures(text) if f.kind == "count"] == [], text[:40]
    (f,) = find_figures("Police deported 1.2 million migrants.")
    assert f.kind == "count" and f.people.low == 1_200_000
