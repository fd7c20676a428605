"""Countries, places and agencies named in text.

The names live in ``resources/countries.jsonl``, ``places.jsonl`` and
``agencies.jsonl`` (plus ``geo_rules.json`` for the words that tell a demonym
from an adjective). Each file is compiled once per language into one
Aho-Corasick automaton (:class:`Surfaces`), so a sentence is scanned once per
resource and the longest name wins. Matching is case-sensitive: "US" is a country, "us" is not.

Ambiguous names are checked in context: "Chad Wolf" and "Michael Jordan" are
people, "rural Georgia" and "Atlanta, Georgia" are the US state, "New Mexico"
and "Central Americans" are not Mexico or the United States.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from passage.extract.dates import calendar_words
from passage.model import AgencyMention, CountryMention, PlaceMention, Span
from passage.regexes import trie_pattern, word_automaton
from passage.resources import load_json, load_jsonl

LANG = "en"
CONTEXT_CHARS = 40  # how much text before/after a name its context cues may use
NEAR_CHARS = 80  # how close another state must be to confirm an ambiguous one ("Texas, Georgia")
MODIFIER_WORDS = 2  # lower-case words between an adjective and its people noun ("Afghan asylum")
CHAIN_WORDS = 4  # other nationalities listed before the noun ("Salvadoran, Honduran and Cuban")
# capitalized words an unlisted town may have before ", <state>" ("Rye, New Hampshire")
CITY_WORDS = 3
UPPER_MIN = 4  # names this long also match in headline capitals ("AFGHANISTAN")
APOSTROPHES = ("'", "’")
CITY_KINDS = frozenset({"city", "region", "facility", "island"})
PREFIXED_KINDS = frozenset({"city", "state", "region", "island"})  # may take "rural", "downtown"
# country forms that may open an agency's name ("U.S. officials", "Pakistani government")
PREFIX_FORMS = frozenset({"name", "short", "adjective"})


class Surfaces:
    r"""Names written exactly so, found as whole words: at each position the longest name
    with no word character on either side (the end of the stretch searched counts as a
    side), matches not overlapping. The same matches as the regex
    ``(?<!\w)(?:name|...)(?!\w)`` with its names tried longest first, from one
    Aho-Corasick pass over the stretch instead of a try at every position."""

    def __init__(self, names: Iterable[str]) -> None:
        self.names = tuple(sorted(set(names)))
        self._automaton = word_automaton(self.names)

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, name) of each match in ``text[start:end]``, in order."""
        end = len(text) if end is None else end
        hits = self._automaton.find_matches_as_indexes(text[start:end], overlapping=True)
        if not hits:
            return []
        hits.sort(key=_leftmost_longest)
        found: list[tuple[int, int, str]] = []
        taken = start  # the end of the last match
        for index, first, last in hits:
            first, last = start + first, start + last
            if first < taken:
                continue
            if (first and _is_word(text[first - 1])) or (last < end and _is_word(text[last])):
                continue  # inside a longer word ("Iran" in "Iranian", "ICE" in "ICEland")
            found.append((first, last, self.names[index]))
            taken = last
        return found


def _leftmost_longest(hit: tuple[int, int, int]) -> tuple[int, int]:
    return hit[1], -hit[2]


def _is_word(char: str) -> bool:
    r"""Is ``char`` a word character, as a regex's ``\w`` reads it?"""
    return char.isalnum() or char == "_"


def _variants(surface: str, upper: bool = False) -> list[str]:
    """The surface with either apostrophe, and in capitals when long enough."""
    out = [surface]
    for a, b in (APOSTROPHES, APOSTROPHES[::-1]):
        if a in surface:
            out.append(surface.replace(a, b))
    if upper and len(surface) >= UPPER_MIN and surface.upper() != surface:
        out += [v.upper() for v in list(out)]
    return out


def _for_lang(lines: Iterable[dict[str, Any]], lang: str) -> list[dict[str, Any]]:
    return [line for line in lines if line.get("lang", lang) == lang]


# --------------------------------------------------------------------------- countries


@dataclass(frozen=True)
class _Reading:
    """What one surface form means: a country, how it was named, whether to check context."""

    code: str
    form: str  # name | short | capital | people
    demonym: bool = False
    adjective: bool = False
    ambiguous: bool = False
    weak: bool = False  # counts only when the country is also named otherwise


@dataclass(frozen=True)
class _Countries:
    surfaces: Surfaces
    readings: dict[str, _Reading]
    names: dict[str, str]  # code -> common English name
    people_noun: re.Pattern[str]
    counted: re.Pattern[str]  # ends right before a counted word ("800 ", "thousands of ")


_FIELD_FORM = (("names", "name"), ("short", "short"), ("capitals", "capital"))


def _claims(line: dict[str, Any]) -> dict[str, _Reading]:
    """Each surface form of one country line, read with name > short > capital > people."""
    code, marked, weak = line["code"], set(line["ambiguous"]), set(line["weak"])
    out: dict[str, _Reading] = {}
    people = set(line["demonyms"]) | set(line["adjectives"])
    for surface in people:
        out[surface] = _Reading(
            code,
            "people",
            demonym=surface in line["demonyms"],
            adjective=surface in line["adjectives"],
            ambiguous=surface in marked,
            weak=surface in weak,
        )
    for field, form in reversed(_FIELD_FORM):
        for surface in line[field]:
            out[surface] = _Reading(code, form, ambiguous=surface in marked, weak=surface in weak)
    return out


def resolve_claims(lines: Iterable[dict[str, Any]]) -> dict[str, list[_Reading]]:
    """Every surface form with the readings its country lines give it (for tests and lookup)."""
    claims: dict[str, list[_Reading]] = {}
    for line in lines:
        for surface, reading in _claims(line).items():
            claims.setdefault(surface, []).append(reading)
    return claims


def _pick(readings: list[_Reading]) -> _Reading | None:
    """The reading a shared form gets: the one unmarked claim, or a lone marked one."""
    unmarked = [r for r in readings if not r.ambiguous]
    if len(unmarked) == 1:
        return unmarked[0]
    if not unmarked and len(readings) == 1:
        return readings[0]
    return None


@cache
def _countries(lang: str = LANG) -> _Countries:
    lines = _for_lang(load_jsonl("countries.jsonl"), lang)
    readings: dict[str, _Reading] = {}
    for surface, claims in resolve_claims(lines).items():
        reading = _pick(claims)
        if reading is None:
            continue
        for variant in _variants(surface, upper=not reading.ambiguous):
            readings.setdefault(variant, reading)
    rules = load_json("geo_rules.json")[lang]
    nouns = rules["people_nouns"]
    chain = rf"(?:,?\s+(?:and|or|[A-Z][\w-]*)){{0,{CHAIN_WORDS}}}?"
    modifiers = rf"(?:\s+[a-z][\w-]*){{0,{MODIFIER_WORDS}}}?"
    people_noun = re.compile(rf"{chain}{modifiers}\s+(?:{trie_pattern(nouns)})(?!\w)")
    return _Countries(
        surfaces=Surfaces(readings),
        readings=readings,
        names={line["code"]: line["name"] for line in lines},
        people_noun=people_noun,
        # within a line: "2023" closing a date line above counts no one
        counted=re.compile(
            rf"\d[^\S\n]+$|\b(?:{trie_pattern(rules['counted_before'])})[^\S\n]+$", re.I
        ),
    )


def _name_like(text: str, start: int, end: int, lang: str) -> bool:
    """A capitalized word right before or after: part of a person's or firm's name."""
    calendar = calendar_words(lang)
    after = re.match(r" ([A-Z][a-z]+)\b", text[end : end + 30])
    if after and after.group(1) not in calendar:
        return True
    before = re.search(r"(?:^|(.)\s)([A-Z][a-z]+) $", text[max(0, start - 30) : start])
    if not before or before.group(2) in calendar:
        return False
    lead = before.group(1)
    return lead is not None and lead not in '.!?"“(:;\n'


def _people_form(text: str, start: int, end: int, limit: int, reading: _Reading, lang: str) -> str:
    if not reading.adjective:
        return "demonym"
    if _countries(lang).people_noun.match(text, end, limit):
        return "demonym"
    if reading.demonym and not re.match(r"\s+\w", text[end:limit]):
        return "demonym"
    if reading.demonym and _countries(lang).counted.search(text, max(0, start - 16), start):
        return "demonym"  # "800 Sudanese and 450 Syrians": a counted word is people
    return "adjective"


def find_countries(
    text: str, start: int = 0, end: int | None = None, *, lang: str = LANG
) -> list[CountryMention]:
    """Countries named in ``text[start:end]`` by name, short form, demonym, adjective or capital."""
    end = len(text) if end is None else end
    index = _countries(lang)
    places = _place_matches(text, start, end, lang)
    found, weak = [], set()
    for s, e, surface in index.surfaces.find(text, start, end):
        reading = index.readings[surface]
        if reading.ambiguous and _name_like(text, s, e, lang):
            continue
        if any(_blocks(p, s, e, reading.code) for p in places):
            continue
        if (reading.ambiguous or reading.form == "capital") and _other_state_follows(
            places, e, reading.code, text
        ):
            continue
        form = reading.form
        if form == "people":
            form = _people_form(text, s, e, min(end, e + 60), reading, lang)
        if reading.weak:
            weak.add(len(found))
        found.append(CountryMention(Span(s, e), reading.code, form))  # type: ignore[arg-type]
    sure = {c.code for i, c in enumerate(found) if i not in weak}
    return [c for i, c in enumerate(found) if i not in weak or c.code in sure]


def _blocks(match: _PlaceMatch, s: int, e: int, code: str) -> bool:
    """A place around a country name that is not that country ("New Mexico", "rural Georgia")."""
    inside = match.start <= s and e <= match.end
    return inside and match.place.kind != "border" and match.place.country != code


def _other_state_follows(places: list[_PlaceMatch], e: int, code: str, text: str) -> bool:
    """ "Paris, Texas": a capital followed by a state of another country."""
    return any(
        p.place.kind == "state"
        and p.place.country != code
        and re.fullmatch(r",\s+", text[e : p.start])
        for p in places
        if e < p.start <= e + 3
    )


def country_name(code: str, lang: str = LANG) -> str:
    """The common English name of an ISO alpha-3 code; KeyError for an unknown code."""
    names = _countries(lang).names
    if code.upper() not in names:
        raise KeyError(f"unknown country code {code!r}: expected ISO 3166-1 alpha-3, e.g. 'AFG'")
    return names[code.upper()]


@cache
def _lookup(lang: str = LANG) -> dict[str, str]:
    lines = _for_lang(load_jsonl("countries.jsonl"), lang)
    out: dict[str, str] = {}
    for line in lines:
        out[line["code"].casefold()] = line["code"]
    by_form = sorted(_countries(lang).readings.items(), key=lambda kv: kv[1].form == "capital")
    for surface, reading in by_form:
        for key in {surface.casefold(), surface.replace(".", "").casefold()}:
            out.setdefault(key, reading.code)
    return out


def lookup_country(name: str, lang: str = LANG) -> str | None:
    """An alpha-3 code for a country name, short form, demonym, adjective, capital or code."""
    name = name.strip()
    table = _lookup(lang)
    for key in (name.casefold(), name.replace(".", "").casefold()):
        if key in table:
            return table[key]
    if len(name) == 2 and name.isupper():
        for line in _for_lang(load_jsonl("countries.jsonl"), lang):
            if line["alpha2"] == name:
                return str(line["code"])
    return None


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class _Place:
    name: str
    country: str | None
    kind: str
    before: re.Pattern[str] | None = None
    after: re.Pattern[str] | None = None
    near: str | None = None
    nearby: re.Pattern[str] | None = None
    comma_state: bool = False

    @property
    def conditional(self) -> bool:
        return bool(self.before or self.after or self.near or self.nearby or self.comma_state)


@dataclass(frozen=True)
class _PlaceMatch:
    start: int
    end: int
    place: _Place


@dataclass(frozen=True)
class _Gazetteer:
    surfaces: Surfaces
    entries: dict[str, Any]  # surface -> _Place or _Agency


def _place(line: dict[str, Any]) -> _Place:
    when = line.get("when", {})
    return _Place(
        name=line["name"],
        country=line["country"],
        kind=line["kind"],
        before=re.compile(when["before"]) if "before" in when else None,
        after=re.compile(when["after"]) if "after" in when else None,
        near=when.get("near"),
        nearby=re.compile(when["nearby"]) if "nearby" in when else None,
        comma_state=bool(when.get("comma_state")),
    )


@cache
def _places(lang: str = LANG) -> _Gazetteer:
    entries: dict[str, _Place] = {}
    for line in _for_lang(load_jsonl("places.jsonl"), lang):
        place = _place(line)
        for surface in [line["name"], *line["aliases"]]:
            for variant in _variants(surface):
                entries.setdefault(variant, place)
    return _Gazetteer(Surfaces(entries), entries)


@lru_cache(maxsize=4)  # countries and places of one sentence read the same matches
def _place_matches(text: str, start: int, end: int, lang: str) -> tuple[_PlaceMatch, ...]:
    """Listed places whose context (if they need one) holds, in text order."""
    gazetteer = _places(lang)
    raw = [
        _PlaceMatch(s, e, gazetteer.entries[name])
        for s, e, name in gazetteer.surfaces.find(text, start, end)
    ]
    sure = [r for r in raw if not r.place.conditional]
    return tuple(
        r
        for i, r in enumerate(raw)
        if _holds(r, raw[max(0, i - 1) : i + 2], sure, text, start, end)
    )


def _comma_pair(
    city: _PlaceMatch, state: _PlaceMatch, text: str, same_country: bool = True
) -> bool:
    """ "El Paso, Texas": a town, a comma, a state (of the same country, unless told otherwise)."""
    return (
        city.place.kind in CITY_KINDS
        and state.place.kind == "state"
        and (not same_country or city.place.country in (None, state.place.country))
        and re.fullmatch(r",\s+", text[city.end : state.start]) is not None
    )


def _holds(
    r: _PlaceMatch, around: list[_PlaceMatch], sure: list[_PlaceMatch], text: str, lo: int, hi: int
) -> bool:
    place = r.place
    if not place.conditional:
        return True
    if place.before and place.before.search(text[max(lo, r.start - CONTEXT_CHARS) : r.start]):
        return True
    if place.after and place.after.match(text[r.end : min(hi, r.end + CONTEXT_CHARS)]):
        return True
    window = text[max(lo, r.start - NEAR_CHARS) : min(hi, r.end + NEAR_CHARS)]
    if place.nearby and place.nearby.search(window):
        return True
    if any(_comma_pair(p, r, text) for p in around if p.end <= r.start):
        return True  # "Madison, Georgia"
    if place.near and any(
        s.place.kind == place.near
        and s.place.country == place.country
        and s is not r
        and max(s.start - r.end, r.start - s.end) <= NEAR_CHARS
        for s in sure
    ):
        return True
    return place.comma_state and any(_comma_pair(r, n, text) for n in around if n.start >= r.end)


def find_places(
    text: str, start: int = 0, end: int | None = None, *, lang: str = LANG
) -> list[PlaceMention]:
    """Sub-national places, borders, seas and regions, "City, State" read as one place."""
    end = len(text) if end is None else end
    matches = _place_matches(text, start, end, lang)
    found: list[PlaceMention] = []
    i = 0
    while i < len(matches):
        m = matches[i]
        if m.place.kind == "title":
            i += 1
            continue  # "Remain in Mexico" names a programme, not a place
        s, e, country = m.start, m.end, m.place.country
        nxt = matches[i + 1] if i + 1 < len(matches) else None
        if (
            nxt
            and _comma_pair(m, nxt, text, False)
            and not re.match(r"\s+(?:and|or)\s+[A-Z]", text[nxt.end :])
        ):
            e, country = nxt.end, nxt.place.country  # not "Los Angeles, New York and Chicago"
            i += 1
        floor = found[-1].span.end if found else start
        if m.place.kind == "state" and e == m.end:
            s = _unlisted_town(text, s, floor, lang)
        if s == m.start and m.place.kind in PREFIXED_KINDS:
            s = _with_prefix(text, s, floor, lang)  # "rural Georgia", "downtown Los Angeles"
        found.append(PlaceMention(Span(s, e), text[s:e], country))
        i += 1
    return found


def _with_prefix(text: str, start: int, floor: int, lang: str) -> int:
    m = re.search(r"(?<!\w)(\w+) $", text[max(floor, start - 20) : start])
    if m and m.group(1) in load_json("geo_rules.json")[lang]["place_prefixes"]:
        return start - len(m.group())
    return start


def _unlisted_town(text: str, state_start: int, floor: int, lang: str) -> int:
    """Where "Rye, " begins in "in Rye, New Hampshire", else the state's own start."""
    window = text[max(floor, state_start - 60) : state_start]
    word = r"[A-Z][\w.'’-]*"
    m = re.search(rf"(?<!\w)(\w+) ({word}(?: {word}){{0,{CITY_WORDS - 1}}}),\s+$", window)
    if not m or m.group(1) not in load_json("geo_rules.json")[lang]["place_lead_words"]:
        return state_start
    town, known = m.group(2), _known_names(lang)
    if town in known or any(w in known for w in town.split()):
        return state_start
    return state_start - len(window) + m.start(2)


@cache
def _known_names(lang: str) -> frozenset[str]:
    """Words that already name a place, a country or a date: never an unlisted town."""
    return (
        frozenset(_places(lang).entries)
        | frozenset(_countries(lang).readings)
        | calendar_words(lang)
    )


# --------------------------------------------------------------------------- agencies


@dataclass(frozen=True)
class _Agency:
    canonical: str
    country: str | None
    kind: str


@cache
def _agencies(lang: str = LANG) -> _Gazetteer:
    entries: dict[str, _Agency] = {}
    for line in _for_lang(load_jsonl("agencies.jsonl"), lang):
        agency = _Agency(line["canonical"], line["country"], line["kind"])
        for surface in line["aliases"]:
            for variant in _variants(surface):
                entries.setdefault(variant, agency)
    return _Gazetteer(Surfaces(entries), entries)


def find_agencies(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    lang: str = LANG,
    countries: list[CountryMention] | None = None,
) -> list[AgencyMention]:
    """Authorities and bodies; a country just before joins the name ("Pakistani government").

    ``countries`` are the country mentions of the same span, when the caller has them.
    """
    end = len(text) if end is None else end
    gazetteer = _agencies(lang)
    if countries is None:
        countries = find_countries(text, start, end, lang=lang)
    by_end = {c.span.end: c for c in countries}
    found: list[AgencyMention] = []
    for s, e, name in gazetteer.surfaces.find(text, start, end):
        agency: _Agency = gazetteer.entries[name]
        country = agency.country
        gap = re.search(r"(?:['’]s)?\s$", text[max(start, s - 3) : s])
        prefix = by_end.get(s - len(gap.group())) if gap else None
        floor = found[-1].span.end if found else start
        if (
            prefix
            and prefix.form in PREFIX_FORMS
            and prefix.span.start >= floor
            and agency.country in (None, prefix.code)
        ):
            s, country = prefix.span.start, prefix.code
        found.append(AgencyMention(Span(s, e), text[s:e], agency.canonical, country))
    return found
