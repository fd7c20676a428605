"""Countries, places and agencies in invented sentences, with offsets checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from passage.extract.geo import (
    _agencies,
    _countries,
    _places,
    country_name,
    find_agencies,
    find_countries,
    find_places,
    lookup_country,
    trie_pattern,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"


def countries(text: str) -> list[tuple[str, str, str]]:
    found = find_countries(text)
    for c in found:
        assert c.span.of(text) == text[c.span.start : c.span.end]
    return [(c.span.of(text), c.code, c.form) for c in found]


def places(text: str) -> list[tuple[str, str | None]]:
    found = find_places(text)
    for p in found:
        assert p.span.of(text) == p.name
    return [(p.name, p.country) for p in found]


def agencies(text: str) -> list[tuple[str, str, str | None]]:
    found = find_agencies(text)
    for a in found:
        assert a.span.of(text) == a.name
    return [(a.name, a.canonical, a.country) for a in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials deported 120 Chinese migrants.", [("Chinese", "CHN", "demonym")]),
        ("The U.S. said so.", [("U.S.", "USA", "short")]),
        ("He flew back to the US last year.", [("US", "USA", "short")]),
        ("Let us know, they told us.", []),
        ("Two Salvadoran families arrived.", [("Salvadoran", "SLV", "demonym")]),
        ("Congolese nationals were held.", [("Congolese", "COD", "demonym")]),
        (
            "Some 700,000 Rohingya fled to Bangladesh.",
            [("Rohingya", "MMR", "demonym"), ("Bangladesh", "BGD", "name")],
        ),
        ("Fighting in the DRC displaced many.", [("DRC", "COD", "short")]),
        ("Islamabad said the deadline stands.", [("Islamabad", "PAK", "capital")]),
        ("Flights left New Mexico on Monday.", []),
        ("A boat from Guinea-Bissau sank.", [("Guinea-Bissau", "GNB", "name")]),
        ("Central Americans walked north.", []),
        ("Latin American leaders met.", []),
        ("Police in Hong Kong arrested 12.", [("Hong Kong", "HKG", "name")]),
        ("The Mexican border was closed.", [("Mexican", "MEX", "adjective")]),
        (
            "Papua New Guinea and Equatorial Guinea",
            [("Papua New Guinea", "PNG", "name"), ("Equatorial Guinea", "GNQ", "name")],
        ),
        ("South Sudan and Sudan", [("South Sudan", "SSD", "name"), ("Sudan", "SDN", "name")]),
        ("Niger, not Nigeria", [("Niger", "NER", "name"), ("Nigeria", "NGA", "name")]),
        (
            "Dominica and the Dominican Republic",
            [("Dominica", "DMA", "name"), ("Dominican Republic", "DOM", "name")],
        ),
        (
            "Côte d’Ivoire and Ivory Coast",
            [("Côte d’Ivoire", "CIV", "name"), ("Ivory Coast", "CIV", "name")],
        ),
        ("Burma, now Myanmar", [("Burma", "MMR", "name"), ("Myanmar", "MMR", "name")]),
        ("Türkiye, or Turkey", [("Türkiye", "TUR", "name"), ("Turkey", "TUR", "name")]),
        ("A roast turkey was served.", []),
        ("PAKISTAN EXPELS AFGHANS", [("PAKISTAN", "PAK", "name"), ("AFGHANS", "AFG", "demonym")]),
        ("Afghanistan's Taliban", [("Afghanistan", "AFG", "name")]),
        (
            "American troops and Americans",
            [("American", "USA", "adjective"), ("Americans", "USA", "demonym")],
        ),
        (
            "British nationals and the British embassy",
            [("British", "GBR", "demonym"), ("British", "GBR", "adjective")],
        ),
        (
            "Washington state and Washington, D.C.",
            [("Washington", "USA", "capital"), ("Washington, D.C.", "USA", "capital")],
        ),
        ("Korea was named, but which one?", []),
        (
            "North Korea and South Korea",
            [("North Korea", "PRK", "name"), ("South Korea", "KOR", "name")],
        ),
    ],
)
def test_countries(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert countries(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Acting Secretary Chad Wolf spoke.", []),
        ("Refugees fled to Chad on Monday.", [("Chad", "TCD", "name")]),
        ("Fans of Michael Jordan cheered.", []),
        (
            "Syrians crossed into Jordan, Lebanon and Turkey.",
            [
                ("Syrians", "SYR", "demonym"),
                ("Jordan", "JOR", "name"),
                ("Lebanon", "LBN", "name"),
                ("Turkey", "TUR", "name"),
            ],
        ),
        ("The Washington Post reported it.", []),
        ("Washington on Tuesday imposed visas.", [("Washington", "USA", "capital")]),
        ("Officials in rural Georgia said so.", []),
        ("He was born in Atlanta, Georgia.", []),
        (
            "Georgia and Russia fought in 2008.",
            [("Georgia", "GEO", "name"), ("Russia", "RUS", "name")],
        ),
        ("It happened in Paris, Texas.", []),
        ("A court in Victoria heard the case.", []),
        (
            "Victoria is the capital of Seychelles.",
            [("Victoria", "SYC", "capital"), ("Seychelles", "SYC", "name")],
        ),
        (
            "Congo and the Republic of Congo",
            [("Congo", "COD", "name"), ("Republic of Congo", "COG", "name")],
        ),
    ],
)
def test_ambiguous_countries(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert countries(text) == expected


def test_a_programme_named_after_a_country_names_no_country_or_place() -> None:
    text = "Under Remain in Mexico and the Cuban Adjustment Act, Mexico and Cubans wait."
    assert [(c.span.of(text), c.code) for c in find_countries(text)] == [
        ("Mexico", "MEX"),
        ("Cubans", "CUB"),
    ]
    assert all(c.span.start > text.index(",") for c in find_countries(text))
    assert find_places(text) == []


def test_countries_respect_the_span() -> None:
    text = "Mexico. Then Peru and Chile."
    found = find_countries(text, 8, 20)
    assert [c.span.of(text) for c in found] == ["Peru"]
    assert found[0].span.start == text.index("Peru")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Buses left El Paso, Texas, for Chicago.",
            [("El Paso, Texas", "USA"), ("Chicago", "USA")],
        ),
        (
            "They crossed the southern border near Eagle Pass.",
            [("southern border", None), ("Eagle Pass", "USA")],
        ),
        ("Agents at the U.S.-Mexico border", [("U.S.-Mexico border", None)]),
        ("He lives in Rye, New Hampshire, now.", [("Rye, New Hampshire", "USA")]),
        ("A shelter in Victoria, Texas, filled up.", [("Victoria, Texas", "USA")]),
        (
            "Boats reached Lampedusa and the Canary Islands.",
            [("Lampedusa", "ITA"), ("Canary Islands", "ESP")],
        ),
        (
            "The crossing at Torkham reopened; Karachi raids.",
            [("Torkham", "PAK"), ("Karachi", "PAK")],
        ),
        ("Malta and Hong Kong are countries.", []),
        (
            "Migrants in the Darién Gap and the English Channel",
            [("Darién Gap", None), ("English Channel", None)],
        ),
        (
            "Flights from Los Angeles, New York and Chicago",
            [("Los Angeles", "USA"), ("New York", "USA"), ("Chicago", "USA")],
        ),
        ("Officials in rural Georgia and Georgia, the country.", [("rural Georgia", "USA")]),
        ("A bus reached downtown Los Angeles.", [("downtown Los Angeles", "USA")]),
        (
            "Gangs in southern Texas and the Mexico border",
            [("southern Texas", "USA"), ("Mexico border", None)],
        ),
        ("Central Americans walked north.", [("Central Americans", None)]),
        ("New Mexico", [("New Mexico", "USA")]),
        ("Meanwhile, Texas sued.", [("Texas", "USA")]),
    ],
)
def test_places(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert places(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "DHS and ICE said",
            [
                ("DHS", "Department of Homeland Security", "USA"),
                ("ICE", "Immigration and Customs Enforcement", "USA"),
            ],
        ),
        (
            "U.S. Customs and Border Protection data",
            [("U.S. Customs and Border Protection", "Customs and Border Protection", "USA")],
        ),
        ("the Pakistani government said", [("Pakistani government", "government", "PAK")]),
        (
            "Mexico's National Migration Institute",
            [("Mexico's National Migration Institute", "National Migration Institute", "MEX")],
        ),
        (
            "Guatemalan immigration authorities",
            [("Guatemalan immigration authorities", "immigration authorities", "GTM")],
        ),
        (
            "the Trump administration and the Biden administration",
            [
                ("Trump administration", "Trump administration", "USA"),
                ("Biden administration", "Biden administration", "USA"),
            ],
        ),
        (
            "the Home Office and Border Force",
            [("Home Office", "Home Office", "GBR"), ("Border Force", "Border Force", "GBR")],
        ),
        (
            "Australian Border Force",
            [("Australian Border Force", "Australian Border Force", "AUS")],
        ),
        (
            "Frontex and the IOM",
            [
                ("Frontex", "Frontex", None),
                ("IOM", "International Organization for Migration", None),
            ],
        ),
        (
            "Reuters and AP reported",
            [("Reuters", "Reuters", None), ("AP", "Associated Press", None)],
        ),
        ("the Italian coast guard", [("Italian coast guard", "Italian Coast Guard", "ITA")]),
        ("Chinese police", [("Chinese police", "police", "CHN")]),
        ("the Taliban", [("Taliban", "Taliban", "AFG")]),
        ("ice on the road", []),
    ],
)
def test_agencies(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert agencies(text) == expected


def test_agency_keeps_its_own_country_against_a_different_prefix() -> None:
    # A French adjective does not make the US Border Patrol French.
    assert agencies("French Border Patrol agents") == [
        ("Border Patrol agents", "Border Patrol", "USA")
    ]


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Afghanistan", "AFG"),
        ("Afghan", "AFG"),
        ("afghans", "AFG"),
        ("U.S.", "USA"),
        ("us", "USA"),
        ("United States of America", "USA"),
        ("Britain", "GBR"),
        ("Islamabad", "PAK"),
        ("mex", "MEX"),
        ("DE", "DEU"),
        ("Korea", None),
        ("Atlantis", None),
    ],
)
def test_lookup_country(name: str, code: str | None) -> None:
    assert lookup_country(name) == code


def test_country_name() -> None:
    assert country_name("CIV") == "Ivory Coast"
    assert country_name("usa") == "United States"
    with pytest.raises(KeyError, match="alpha-3"):
        country_name("XYZ")


def test_trie_pattern_prefers_the_longest() -> None:
    pattern = re.compile(r"\b" + trie_pattern(["Guinea", "Guinea-Bissau", "Gui"]) + r"\b")
    assert pattern.findall("Guinea-Bissau, Guinea, Gui") == ["Guinea-Bissau", "Guinea", "Gui"]


def test_offsets_on_real_reports() -> None:
    corpus = SHARED / "corpus" / "dev"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus/dev not present")
    for path in sorted(corpus.glob("*.txt"))[:30]:
        text = path.read_text(encoding="utf-8")
        for finder in (find_countries, find_places, find_agencies):
            previous_end = 0
            for mention in finder(text):
                assert mention.span.start >= previous_end, (path.name, mention)
                assert mention.span.of(text).strip() == mention.span.of(text)
                previous_end = mention.span.end


def test_a_bare_southern_border_belongs_to_no_country_but_the_us_one_does() -> None:
    from passage.extract.geo import find_places

    text = "Israel built a wall on the southern border; Texas guards the U.S. southern border."
    found = {p.name: p.country for p in find_places(text, 0, len(text))}
    assert found["southern border"] is None
    assert found["U.S. southern border"] == "USA"


def test_a_number_on_the_line_above_counts_no_one() -> None:
    """ "800 Sudanese" are people; "Tunisian police" after a date line ending in a year
    is the country's police (the year is on another line)."""
    text = "Published 12 July 2023\n\nTunisian police expelled the migrants."
    found = find_countries(text, text.index("Tunisian"), len(text))
    assert [(c.code, c.form) for c in found] == [("TUN", "adjective")]
    text = "Border guards stopped 800 Sudanese at the crossing."
    assert [(c.code, c.form) for c in find_countries(text)] == [("SDN", "demonym")]


def _as_regex(names: tuple[str, ...]) -> re.Pattern[str]:
    """What Surfaces stands for: the names as one regex, longest first, as whole words."""
    return re.compile(r"(?<!\w)" + trie_pattern(names) + r"(?!\w)")


SURFACES = {
    "countries": _countries().surfaces,
    "places": _places().surfaces,
    "agencies": _agencies().surfaces,
}


@pytest.mark.parametrize("name", sorted(SURFACES))
@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        # inside longer words, at the stretch's edges, before and after underscores and
        # letters beyond ASCII; a longer name that fails its boundary gives way to a
        # shorter one at the same place
        ("Iranian and Iran, ICEland ICE_ _ICE Guinea-Bissau Guinea-Bissaux", 0, None),
        ("xIran Iranx Iran", 1, 15),
        ("The US-Mexico border, El Paso, Texas; Zürich and Zürichsee; New Yorkers", 0, None),
        ("U.S. Border Patrol agents and Pakistani police met the Home Office’s team", 4, 60),
        ("Mexico\u00e9 \u00e9Mexico Mexico\u0301 \U0001f600Mexico", 0, None),
    ],
)
def test_surfaces_find_what_the_bounded_regex_finds(
    name: str, text: str, start: int, end: int | None
) -> None:
    surfaces = SURFACES[name]
    stop = len(text) if end is None else end
    expected = [
        (m.start(), m.end(), m.group())
        for m in _as_regex(surfaces.names).finditer(text, start, stop)
    ]
    assert surfaces.find(text, start, end) == expected


def test_surfaces_find_what_the_bounded_regex_finds_on_real_reports() -> None:
    paths = sorted((SHARED / "corpus" / "dev").glob("*.txt"))
    if not paths:
        pytest.skip("../shared/corpus/dev not present")
    for surfaces in SURFACES.values():
        regex = _as_regex(surfaces.names)
        for path in paths:
            text = path.read_text(encoding="utf-8")
            for start in range(0, len(text), 150):  # stretches cut inside words too
                end = min(len(text), start + 170)
                expected = [
                    (m.start(), m.end(), m.group()) for m in regex.finditer(text, start, end)
                ]
                assert surfaces.find(text, start, end) == expected, path.name
