"""Time expressions, resolved against the report's publication date.

Word lists (months, weekdays, relative phrases, seasons, fiscal-year rules)
live in ``resources/dates.json`` by language. One regex finds the atomic
expressions ("Nov. 1, 2023", "last month", "Wednesday night", "fiscal 2021");
a second pass joins ranges ("between 2019 and 2021", "from March to May",
"the 1970s and 1980s") and "since X" (X up to publication).

Without a publication date only absolute expressions resolve; relative ones
are skipped. ``DateMention.relative`` says the publication date was used.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from passage.model import DateMention, DateRange, FiscalLabel, Span
from passage.regexes import first_characters, trie_pattern
from passage.resources import load_json

LANG = "en"
FUTURE_WINDOW_DAYS = 61  # a yearless date this far past publication is read as last year's
YEAR_AHEAD = 30  # a bare year more than this past publication is not taken for a year
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[89]|20)\d\d"
NEXT_YEAR = rf"{YEAR}|\d\d"  # the second year of a split year ("2022/23", "2022-2023")
OPENER_PREFIX = 3  # letters of an atom's first word checked before the full pattern runs
BEFORE_DATE = r"[\w$€£#/]"  # a time expression starts after none of these ("$2021", "#2020")
AFTER_DATE = r"(?![\w’'])"  # ... and ends before none of these


def _words(words: Any) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _first_either_case(phrase: str) -> list[str]:
    """A phrase as written and with its first letter capitalized (sentence start)."""
    return [phrase, phrase[0].upper() + phrase[1:]] if phrase[0].isalpha() else [phrase]


def _either_case(phrase: str) -> str:
    """A phrase whose first letter may be capitalized (sentence start)."""
    head = phrase[0]
    rest = re.escape(phrase[1:])
    return f"[{head.lower()}{head.upper()}]{rest}" if head.isalpha() else re.escape(phrase)


@cache
def _words_for(lang: str) -> dict[str, Any]:
    return load_json("dates.json")[lang]


@cache
def weekday_words(lang: str = LANG) -> frozenset[str]:
    """Weekday words, lowercase ("monday", "mon")."""
    return frozenset(w.rstrip(".").lower() for w in _words_for(lang)["weekdays"])


@cache
def month_words(lang: str = LANG) -> frozenset[str]:
    """Month words, lowercase ("december", "dec")."""
    return frozenset(w.rstrip(".").lower() for w in _words_for(lang)["months"])


def year_earlier(r: DateRange) -> DateRange:
    """The same day or month a year before ("December" read as last December)."""
    if r.start is None or r.precision not in ("day", "month"):
        return r
    if r.precision == "month":
        first, last = _month_range(r.start.year - 1, r.start.month)
        return DateRange(first, last, "month")
    day = _year_before(r.start)
    return DateRange(day, day, "day")


@cache
def calendar_words(lang: str = LANG) -> frozenset[str]:
    """Month and weekday words, for callers that must not read them as names."""
    words = _words_for(lang)
    return frozenset(w.rstrip(".") for w in [*words["months"], *words["weekdays"]])


@dataclass(frozen=True)
class _Scanner:
    """The time expressions' regex, and how it is run fast: where one may start (a
    digit, or a word opening as one of the atoms does), then only the atoms that can
    open with the character there, in their order (the same first match)."""

    pattern: re.Pattern[str]  # every atom: the answer for any position
    starts: re.Pattern[str]  # the positions where an atom may start (zero-width)
    groups: dict[str, None]  # every group name, for a match of only some atoms
    parts: tuple[str, ...]  # the atoms, in order
    firsts: tuple[frozenset[str] | None, ...]  # what each can open with (None: not known)
    # an ASCII character -> the atoms that can open with it, compiled on first use
    by_first: dict[str, re.Pattern[str]] = field(default_factory=dict)

    @property
    def atoms(self) -> str:
        """The alternation of atoms, without the look-ahead."""
        return "|".join(self.parts)

    def finditer(self, text: str, start: int, end: int) -> Iterator[re.Match[str]]:
        """The same matches as ``pattern.finditer(text, start, end)``."""
        taken = start  # where the last match ended: matches do not overlap
        by_first = self.by_first
        for candidate in self.starts.finditer(text, start, end):
            at = candidate.start()
            if at < taken:
                continue
            char = text[at]
            opening = by_first.get(char) or self._opening(char)
            m = opening.match(text, at, end)
            if m is not None:
                yield m
                taken = m.end()

    def _opening(self, char: str) -> re.Pattern[str]:
        """The atoms that can open with ``char``, in order (the starts already passed the
        look-ahead); the whole pattern for a character beyond ASCII."""
        if not char.isascii():
            return self.pattern
        chosen = tuple(i for i, f in enumerate(self.firsts) if f is None or char in f)
        self.by_first[char] = _atoms_regex(tuple(self.parts[i] for i in chosen))
        return self.by_first[char]

    def compile_all(self) -> None:
        """Every ASCII character's atoms compiled now, for a long run."""
        for code in range(128):
            if chr(code) not in self.by_first:
                self._opening(chr(code))


@cache
def _atoms_regex(parts: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(parts) + ")" + AFTER_DATE if parts else "(?!)")


@cache
def _pattern(lang: str) -> _Scanner:
    w = _words_for(lang)
    month_all = _words(w["months"])
    month_alone = _words(m for m in w["months"] if m not in w["month_needs_day"])
    weekday = _words(w["weekdays"])
    mods = "|".join(_either_case(m) for m in w["modifiers"])
    fiscal = "|".join(_either_case(p) for p in sorted(w["fiscal_prefixes"], key=len, reverse=True))
    # a trie: the longest phrase first, as a list sorted by length would try them, with
    # one branch per first letter instead of one per phrase
    rel = trie_pattern(v for r in w["relative"] for v in _first_either_case(r["phrase"]))
    ordinals = "|".join(
        _either_case(o) for o in sorted(w["year_part_ordinals"], key=len, reverse=True)
    )
    year_parts = _words(w["year_parts"])
    part_years = _words(w["year_part_years"])
    seasons = _words(w["seasons"])
    numbers = _words(w["numbers"])
    units = _words(w["units"])
    parts = _words(w["day_parts"])
    wd = rf"(?:(?P<{{0}}>{weekday}),?\s+)?"
    atoms = [
        rf"(?P<iso>(?P<iso_y>{YEAR})-(?P<iso_m>0[1-9]|1[0-2])-(?P<iso_d>0[1-9]|[12]\d|3[01]))(?!\d)",
        rf"(?P<num>(?P<num_m>1[0-2]|0?[1-9])/(?P<num_d>3[01]|[12]\d|0?[1-9])/(?P<num_y>{YEAR}|\d\d))(?![\d/])",
        wd.format("md_wd")
        + rf"(?P<md_m>{month_all})\s+(?P<md_d>{DAY})(?![\d,]\d)(?:,?\s+(?P<md_y>{YEAR})(?!\d))?",
        wd.format("dm_wd")
        + rf"(?P<dm_d>{DAY})\s+(?:of\s+)?(?P<dm_m>{month_all})(?:,?\s+(?P<dm_y>{YEAR})(?!\d))?",
        rf"(?P<my_m>{month_alone})(?:\s+of)?,?\s+(?P<my_y>{YEAR})(?!\d)",
        rf"(?P<fy_pre>{fiscal})\s*(?P<fy_y>{YEAR}|['’]?\d\d)(?:[-–/](?P<fy_next>{NEXT_YEAR}))?(?!\d)",
        rf"(?:the\s+)?(?P<fy_y2>{YEAR})(?:[-–/](?P<fy_next2>{NEXT_YEAR}))?\s+(?:{fiscal})",
        # "the first half of 2024", "the last three months of the year"
        rf"(?:[Tt]he\s+)?(?P<part_o>{ordinals})\s+(?:(?P<part_n>\d{{1,2}}|{numbers})\s+months"
        rf"|(?P<part_q>{year_parts}))\s+of\s+(?:(?P<part_y>{YEAR})(?!\d)|(?P<part_rel>{part_years})\s+year)",
        rf"(?:the\s+)?(?:{_words(w['past'])})\s+(?P<past_n>\d{{1,2}}|{numbers})\s+(?P<past_u>{units})",
        r"(?:the\s+)?(?:(?P<dec_mod>early|mid|late)[-\s])?(?P<dec>(?:18|19|20)\d0)['’]?s",
        rf"(?P<ago_n>\d{{1,2}}|{numbers})\s+(?P<ago_u>{units})\s+{w['ago']}",
        rf"(?P<rel>{rel})",
        rf"(?:(?P<sea_mod>{mods})\s+)?(?:the\s+)?(?P<sea>{seasons})(?:\s+(?:of\s+)?(?P<sea_y>{YEAR}))?",
        rf"(?:(?P<wd_mod>{mods})\s+)?(?P<wd>{weekday})(?:\s+(?P<wd_part>{parts}))?",
        rf"(?:(?P<mo_mod>{mods})(?:\s+|-))?(?P<mo>{month_alone})",
        rf"(?P<year>{YEAR})(?:\s*[-–]\s*(?P<year2>{YEAR}|\d\d)|/(?P<year_next>{NEXT_YEAR}))?(?![\d%/]|[.,]\d|-[a-z])",
    ]
    # every atom opens with a digit or one of these words: a look-ahead on their first
    # letters lets the long alternation run only at the few word starts that may match
    openers = [*w["months"], *w["weekdays"], *w["modifiers"], *w["seasons"], *w["numbers"]]
    openers += [*w["past"], *w["fiscal_prefixes"], *(r["phrase"] for r in w["relative"])]
    # "the" opens the atoms above that allow it before a year, a past, a decade or a
    # season, and the phrases that begin with it: only those words may follow it
    openers += list(w["year_part_ordinals"])
    after_the = [*w["past"], *w["seasons"], *w["year_part_ordinals"], "early", "mid", "late"]
    after_the += [o.split()[1] for o in openers if o.lower().startswith("the ")]
    openers = [o for o in openers if not o.lower().startswith("the ")] + ["early", "mid", "late"]
    lead = rf"(?<!{BEFORE_DATE})(?=\d|(?i:the\s+(?:\d|{_heads(after_the)})|{_heads(openers)}))"
    pattern = re.compile(lead + "(?:" + "|".join(atoms) + ")" + AFTER_DATE)
    firsts = tuple(first_characters(atom) for atom in atoms)
    return _Scanner(
        pattern, re.compile(lead), dict.fromkeys(pattern.groupindex), tuple(atoms), firsts
    )


def prepare(lang: str = LANG) -> None:
    """Compile the time expressions' patterns now rather than on first use."""
    _pattern(lang).compile_all()


def _heads(words: list[str]) -> str:
    """A regex for where one of ``words`` may start (lowercase): their first letters as a
    trie, a short word with no letter after it ("a" opens "a year ago", not "after";
    "FY" opens "FY2021")."""
    whole: dict[str, bool] = {}  # a word's first letters -> is every such word that short
    for word in words:
        first = word.split()[0].lower()
        head = first[:OPENER_PREFIX]
        whole[head] = whole.get(head, True) and first == head
    heads = sorted(whole, key=len, reverse=True)
    prefixes = [h for h in heads if not whole[h]]
    words_only = [h for h in heads if whole[h]]
    parts = [trie_pattern(prefixes)] if prefixes else []
    parts += [rf"{trie_pattern(words_only)}(?![a-z])"] if words_only else []
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@cache
def _lead_free(lang: str = LANG) -> re.Pattern[str]:
    """The time expressions' regex without the look-ahead on where they may start, which
    only makes it faster (for the tests)."""
    return re.compile(rf"(?<!{BEFORE_DATE})(?:{_pattern(lang).atoms}){AFTER_DATE}")


@dataclass(frozen=True)
class _Atom:
    start: int
    end: int
    kind: str  # day | month | year | range | decade
    range: DateRange
    relative: bool
    year_given: bool = True  # False: the year came from the publication date
    fiscal: FiscalLabel | None = None  # a fiscal year as written, not one counted from today
    split_from: int | None = None  # two years in a row ("2022/23"): maybe one fiscal year


def find_dates(
    text: str, start: int, end: int | None, published: date | None, *, lang: str = LANG
) -> list[DateMention]:
    """Time expressions in ``text[start:end]``, resolved against ``published``."""
    end = len(text) if end is None else end
    atoms = []
    scanner = _pattern(lang)
    for m in scanner.finditer(text, start, end):
        atom = _atom(m, scanner.groups | m.groupdict(), text, published, lang)
        if atom is not None:
            atoms.append(atom)
    joined = _join(atoms, text, start, published, lang)
    w = _words_for(lang)
    if any(phrase in text[start:end] for phrase in w["fiscal_context"]):
        # "arrests rose during the first two fiscal years, to 143,470 in 2017": bare years
        # in a sentence about fiscal years are fiscal years
        joined = [
            _as_fiscal(a) if (a.kind == "year" or a.split_from) and not a.relative else a
            for a in joined
        ]
    joined = [_year_ending(a, text, start, w) if a.kind == "month" else a for a in joined]
    return [DateMention(Span(a.start, a.end), a.range, a.relative, fiscal=a.fiscal) for a in joined]


def same_year_kind(current: DateRange, previous: DateRange | None) -> DateRange:
    """A bare year carried on from a count of twelve months that do not start in
    January ("the year ending in September 2022 ... 1.95 million in 2021") is the
    same kind of year: the twelve months ending in that year's same month."""
    if (
        previous is None
        or not twelve_months_off_january(previous)
        or current.precision != "year"
        or current.start is None
    ):
        return current
    assert previous.start is not None and previous.end is not None
    first = previous.start.replace(
        year=current.start.year - (previous.end.year - previous.start.year)
    )
    last = previous.end.replace(year=first.year + (previous.end.year - previous.start.year))
    return DateRange(first, last, "range")


def twelve_months_off_january(r: DateRange) -> bool:
    """A year that does not start in January: a fiscal year, "the year ending in June"."""
    return (
        r.start is not None
        and r.end is not None
        and r.start.month != 1
        and (r.end - r.start).days in range(364, 367)
    )


def _after_possessive(text: str, start: int, w: dict[str, Any]) -> bool:
    before = text[max(0, start - 8) : start].rstrip()
    return any(
        before.endswith(p) and (p[0] in "'’" or not before[: -len(p)][-1:].isalnum())
        for p in w["possessive_before"]
    )


def _as_fiscal(a: _Atom) -> _Atom:
    """A year, or two years in a row, in a sentence about fiscal years: a fiscal year."""
    if a.split_from is not None:
        return _fiscal(a.start, a.end, FiscalLabel(a.split_from, split=True))
    assert a.range.start is not None
    return _fiscal(a.start, a.end, FiscalLabel(a.range.start.year))


def _year_ending(a: _Atom, text: str, floor: int, w: dict[str, Any]) -> _Atom:
    """ "The year ending in September 2022": the twelve months up to that month's end."""
    if not _preceded_by(text, floor, a.start, w["year_ending"], 24):
        return a
    last = a.range.end
    assert last is not None
    first = (last.replace(day=1) + timedelta(days=32)).replace(day=1)
    first = first.replace(year=first.year - 1)
    return _span(a.start, a.end, "range", first, last, a.relative)


# --------------------------------------------------------------------------- atoms


def _atom(
    m: re.Match[str], g: dict[str, str | None], text: str, pub: date | None, lang: str
) -> _Atom | None:
    """The expression ``m`` found, resolved; ``g`` holds every group of the full pattern."""
    w = _words_for(lang)
    s, e = m.span()
    try:
        if g["iso"]:
            return _day(s, e, int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
        if g["num"]:
            y = int(g["num_y"])
            return _day(s, e, y + 2000 if y < 100 else y, int(g["num_m"]), int(g["num_d"]))
        for p in ("md", "dm"):
            if g[f"{p}_m"]:
                month, day = w["months"][g[f"{p}_m"]], int(re.sub(r"\D", "", g[f"{p}_d"]))
                if g[f"{p}_y"]:
                    return _day(s, e, int(g[f"{p}_y"]), month, day)
                return _yearless_day(s, e, month, day, pub)
    except ValueError:  # "Feb. 30"
        return None
    if g["my_m"]:
        return _month(s, e, int(g["my_y"]), w["months"][g["my_m"]], relative=False)
    if g["fy_pre"] or g["fy_y2"]:
        label = _year((g["fy_y"] or g["fy_y2"]).lstrip("'’"))
        following = g["fy_next"] or g["fy_next2"]
        if following is None:
            return _fiscal(s, e, FiscalLabel(label))
        if _second_year(label, following) != label + 1:
            return None  # "FY2019-21": not one fiscal year
        return _fiscal(s, e, FiscalLabel(label, split=True))
    if g["dec"]:
        return _decade(s, e, int(g["dec"]), g["dec_mod"])
    if g["part_o"]:
        return _year_part(s, e, g, pub, w)
    if g["year"]:
        return _bare_year(m, text, pub, lang)
    if pub is None:
        return None
    if g["ago_n"]:
        return _shifted(s, e, w["units"][g["ago_u"]], -_count(g["ago_n"], w), pub)
    if g["past_n"]:
        back = _back(pub, w["units"][g["past_u"]], _count(g["past_n"], w))
        return _span(s, e, "range", back, pub, True)
    if g["rel"]:
        if _after_possessive(text, s, w):
            return None  # "Obama's last year in office" is not the year before publication
        rule = next(r for r in w["relative"] if r["phrase"].lower() == g["rel"].lower())
        return _shifted(s, e, rule["unit"], rule["offset"], pub)
    if g["sea"]:
        return _season(s, e, g, pub, w)
    if g["wd"]:
        return _weekday(s, e, w["weekdays"][g["wd"]], _mod(g["wd_mod"], w), pub)
    if g["mo"]:
        return _bare_month(m, text, pub, w)
    return None


def _year_part(
    s: int, e: int, g: dict[str, Any], pub: date | None, w: dict[str, Any]
) -> _Atom | None:
    """ "the first half of 2024", "the second quarter of last year", "the first eight
    months of 2023": months counted from the start of a year (from its end for "last")."""
    if g["part_y"]:
        year, relative = int(g["part_y"]), False
    elif pub is None:
        return None
    else:
        year, relative = pub.year + w["year_part_years"][g["part_rel"].lower()], True
    which = w["year_part_ordinals"][g["part_o"].lower()]
    months = _count(g["part_n"], w) if g["part_n"] else w["year_parts"][g["part_q"]]
    if g["part_n"] and which not in (1, -1):
        return None  # "the second eight months": no such part
    first_month = 13 - months if which == -1 else (which - 1) * months + 1
    last_month = first_month + months - 1
    if not 1 <= first_month <= last_month <= 12:
        return None  # "the fourth half", "the first 14 months"
    first, _ = _month_range(year, first_month)
    _, last = _month_range(year, last_month)
    return _span(s, e, "range", first, last, relative)


def _count(word: str, w: dict[str, Any]) -> int:
    return int(word) if word.isdigit() else int(w["numbers"][word])


def _back(pub: date, unit: str, n: int) -> date:
    """The same day ``n`` units before publication ("the past six months")."""
    if unit == "hour":
        return pub - timedelta(days=-(-n // 24))  # "the past 24 hours": from the day before
    if unit in ("day", "week"):
        return pub - timedelta(days=n * (7 if unit == "week" else 1))
    months = n * (12 if unit == "year" else 1)
    index = pub.year * 12 + pub.month - 1 - months
    y, m = index // 12, index % 12 + 1
    return date(y, m, min(pub.day, calendar.monthrange(y, m)[1]))


def _mod(word: str | None, w: dict[str, Any]) -> str | None:
    return w["modifiers"][word.lower()] if word else None


def _year(digits: str) -> int:
    return int(digits) + 2000 if len(digits) == 2 else int(digits)


def _day(s: int, e: int, y: int, m: int, d: int, relative: bool = False) -> _Atom:
    day = date(y, m, d)
    return _Atom(s, e, "day", DateRange(day, day, "day"), relative, year_given=not relative)


def _month_range(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def _month(s: int, e: int, y: int, m: int, relative: bool) -> _Atom:
    first, last = _month_range(y, m)
    return _Atom(s, e, "month", DateRange(first, last, "month"), relative, year_given=not relative)


def _year_atom(s: int, e: int, y: int, relative: bool) -> _Atom:
    return _Atom(s, e, "year", DateRange(date(y, 1, 1), date(y, 12, 31), "year"), relative)


def _span(s: int, e: int, kind: str, first: date, last: date, relative: bool) -> _Atom:
    return _Atom(s, e, kind, DateRange(first, last, "range"), relative)


def _inferred_year(pub: date, month: int, day: int = 1) -> int:
    """The publication year, or the one before when the date would lie well after publication."""
    try:
        candidate = date(pub.year, month, day)
    except ValueError:  # Feb. 29 in a common year
        candidate = date(pub.year, month, 28)
    ahead = (candidate - pub).days > FUTURE_WINDOW_DAYS
    return pub.year - 1 if ahead else pub.year


def _yearless_day(s: int, e: int, month: int, day: int, pub: date | None) -> _Atom | None:
    if pub is None:
        return None
    return _day(s, e, _inferred_year(pub, month, day), month, day, relative=True)


def _fiscal(s: int, e: int, label: FiscalLabel, relative: bool = False) -> _Atom:
    """A fiscal year in the default calendar; one written out keeps its label, so the
    event's country can resolve it in its own (one counted from today cannot)."""
    rng = fiscal_range(label)
    return _Atom(s, e, "range", rng, relative, fiscal=None if relative else label)


def fiscal_range(label: FiscalLabel, country: str | None = None) -> DateRange:
    """The months of a fiscal year as written, in ``country``'s calendar when dates.json
    has one, else in the default country's ("FY2023": October 2022 to September 2023)
    or, for a split year that is rarely American ("2022/23"), in ``split_default``'s."""
    rules = load_json("dates.json")["fiscal_years"]
    if country is not None and country in rules:
        rule = rules[country]
    else:
        rule = rules[rules["split_default"] if label.split else rules["default"]]
    start_month = rule["start_month"]
    if label.split or rule["label"] == "start" or start_month == 1:
        first_year = label.year
    else:
        first_year = label.year - 1  # labelled by the year it ends in
    first = date(first_year, start_month, 1)
    return DateRange(first, date(first_year + 1, start_month, 1) - timedelta(days=1), "range")


def _fiscal_label(pub: date) -> int:
    rules = load_json("dates.json")["fiscal_years"]
    rule = rules[rules["default"]]
    started = pub.month >= rule["start_month"] and rule["start_month"] > 1
    return pub.year + 1 if started and rule["label"] == "end" else pub.year


def _decade(s: int, e: int, decade: int, mod: str | None) -> _Atom:
    lo, hi = {"early": (0, 3), "mid": (3, 6), "late": (7, 9)}.get(mod or "", (0, 9))
    return _span(s, e, "decade", date(decade + lo, 1, 1), date(decade + hi, 12, 31), False)


def _bare_year(m: re.Match[str], text: str, pub: date | None, lang: str) -> _Atom | None:
    w = _words_for(lang)
    s, e = m.span()
    y = int(m["year"])
    before = text[max(0, s - 12) : s].rstrip()
    if any(before.endswith(b) for b in w["not_year_before"]):
        return None
    nxt = re.match(r"\s+([a-z]+)", text[e : e + 20])
    if nxt and nxt.group(1) in w["count_nouns"]:
        return None
    if pub is not None and y > pub.year + YEAR_AHEAD:
        return None
    if m["year2"] or m["year_next"]:
        y2 = _second_year(y, m["year2"] or m["year_next"])
        if y2 <= y or (m["year_next"] and y2 != y + 1):
            return None
        both = _span(s, e, "range", date(y, 1, 1), date(y2, 12, 31), False)
        # two years in a row may be one split fiscal year ("2022/23"), in a sentence about them
        return replace(both, split_from=y) if y2 == y + 1 else both
    return _year_atom(s, e, y, relative=False)


def _second_year(first: int, written: str) -> int:
    """The second year of "2022-23" or "2022-2023"."""
    return int(written) if len(written) == 4 else first // 100 * 100 + int(written)


def _shifted(s: int, e: int, unit: str, offset: int, pub: date) -> _Atom:
    """A unit of time ``offset`` steps from the one holding the publication date."""
    if unit == "hour":
        return _shifted(s, e, "day", -(-offset // 24), pub)  # "36 hours ago": the day before
    if unit == "day":
        day = pub + timedelta(days=offset)
        return _Atom(s, e, "day", DateRange(day, day, "day"), True)
    if unit == "week":
        monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=offset)
        return _span(s, e, "range", monday, monday + timedelta(days=6), True)
    if unit == "weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7) + timedelta(weeks=offset)
        return _span(s, e, "range", saturday, saturday + timedelta(days=1), True)
    if unit == "month":
        index = pub.year * 12 + pub.month - 1 + offset
        return _month(s, e, index // 12, index % 12 + 1, relative=True)
    if unit == "year":
        return _year_atom(s, e, pub.year + offset, relative=True)
    if unit == "trailing_days":
        return _span(s, e, "range", pub - timedelta(days=offset), pub, True)
    if unit == "fiscal_year":
        return _fiscal(s, e, FiscalLabel(_fiscal_label(pub) + offset), relative=True)
    raise ValueError(f"dates.json: unknown relative unit {unit!r}")


def _weekday(s: int, e: int, weekday: int, mod: str | None, pub: date | None) -> _Atom | None:
    if pub is None:
        return None
    back = (pub.weekday() - weekday) % 7
    if mod == "previous" and back == 0:
        back = 7
    day = pub - timedelta(days=back)
    if mod == "next":
        day = pub + timedelta(days=(weekday - pub.weekday()) % 7 or 7)
    return _Atom(s, e, "day", DateRange(day, day, "day"), True)


def _season(s: int, e: int, g: dict[str, Any], pub: date, w: dict[str, Any]) -> _Atom | None:
    first_m, last_m = w["seasons"][g["sea"]]
    mod = _mod(g["sea_mod"], w)
    if g["sea_y"]:
        y, relative = int(g["sea_y"]), False
    elif mod is None:
        return None  # "fall" alone is too often a verb
    else:
        y, relative = pub.year, True
        if first_m > last_m and pub.month <= last_m:
            y -= 1  # in February, "this winter" began last December
        if mod == "previous" and _season_end(y, first_m, last_m) >= pub:
            y -= 1  # "last fall" is the last one over
        elif mod == "next" and date(y, first_m, 1) <= pub:
            y += 1
    first, last = date(y, first_m, 1), _season_end(y, first_m, last_m)
    return _span(s, e, "range", first, last, relative)


def _season_end(y: int, first_m: int, last_m: int) -> date:
    return _month_range(y + 1 if first_m > last_m else y, last_m)[1]


def _bare_month(m: re.Match[str], text: str, pub: date, w: dict[str, Any]) -> _Atom | None:
    s, e = m.span()
    month = w["months"][m["mo"]]
    mod = _mod(m["mo_mod"], w)
    if m["mo"] in w["month_needs_context"] and not m["mo_mod"]:
        lead = re.search(r"(\S+)\s+$", text[max(0, s - 15) : s])
        if not lead or lead.group(1) not in w["month_lead_words"]:
            return None
    y = _inferred_year(pub, month)
    if mod == "previous":
        y = pub.year if month < pub.month else pub.year - 1
    elif mod == "next":
        y = pub.year if month > pub.month else pub.year + 1
    elif m["mo_mod"] and m["mo_mod"].lower() == "this":
        y = pub.year
    return _month(s, e, y, month, relative=True)


# --------------------------------------------------------------------------- ranges


def _join(atoms: list[_Atom], text: str, floor: int, pub: date | None, lang: str) -> list[_Atom]:
    """Ranges from pairs of atoms, and "since X" up to publication."""
    w = _words_for(lang)
    out: list[_Atom] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        opener = _opener(text, max(floor, out[-1].end if out else floor), a.start, w)
        gap = text[a.end : b.start].strip() if b else None
        if b and _joins(a, b, gap, opener, w):
            out.append(_range(a, b, opener))
            i += 2
            continue
        yearless = a.kind in ("day", "month") and not a.year_given
        if b and yearless and b.kind == "year" and gap in ("", *w["year_of"]):
            a = _reyear(a, b)  # "December last year"
            i += 1
        if a.kind == "month" and _preceded_by(text, floor, a.start, w["period_end"], 16):
            a = _last_day(a)  # "as of the end of July": the month's last day
        if opener is not None and opener[1] in w["since"]:
            end = pub if pub is not None else None
            start = a.range.start
            if yearless and pub is not None and start is not None and start > pub:
                start = _year_before(start)  # "since the Nov. 1 deadline", told in September
            rng = DateRange(start, end, "range")
            a = _Atom(opener[0], a.end, "range", rng, a.relative or pub is not None)
        out.append(a)
        i += 1
    return out


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=min(day.day, 28) if day.month == 2 else day.day)


def _preceded_by(text: str, floor: int, start: int, phrases: list[str], reach: int) -> bool:
    """Does one of ``phrases`` (lowercase) end right before ``start``, within ``reach``?"""
    before = text[max(floor, start - reach) : start].lower().rstrip()
    return any(before.endswith(phrase) for phrase in phrases)


def _last_day(a: _Atom) -> _Atom:
    last = a.range.end
    return replace(a, kind="day", range=DateRange(last, last, "day"))


def _reyear(a: _Atom, b: _Atom) -> _Atom:
    assert a.range.start and a.range.end and b.range.start
    y = b.range.start.year
    first = a.range.start.replace(year=y)
    last = _month_range(y, first.month)[1] if a.kind == "month" else first
    rng = DateRange(first, last, a.range.precision)
    return replace(a, end=b.end, range=rng, relative=b.relative, year_given=True)


def _opener(text: str, floor: int, start: int, w: dict[str, Any]) -> tuple[int, str] | None:
    """The word just before an atom if it opens a range or says "since"."""
    m = re.search(r"(\w+)\s+(?:the\s+)?$", text[max(floor, start - 16) : start])
    if not m:
        return None
    word = m.group(1)
    if word in w["since"] or word in w["range_openers"]:
        return start - len(m.group()), word
    return None


def _joins(a: _Atom, b: _Atom, gap: str | None, opener: Any, w: dict[str, Any]) -> bool:
    if opener is not None and opener[1] in w["range_openers"]:
        return gap in w["range_openers"][opener[1]]
    if a.kind == "decade" and b.kind == "decade":
        return gap in w["decade_joiners"]
    return a.kind == b.kind and a.kind in ("year", "month", "day") and gap in w["range_joiners"]


def _range(a: _Atom, b: _Atom, opener: tuple[int, str] | None) -> _Atom:
    first, last = a.range.start, b.range.end
    if first and last and not a.year_given and b.year_given and first.year != last.year:
        first = first.replace(year=last.year)  # "from March to May 2023"
    if first and last and first > last and not a.year_given:
        first = first.replace(year=first.year - 1)  # "from November to February"
    start = opener[0] if opener else a.start
    rng = DateRange(first, last, "range")
    return replace(
        a, start=start, end=b.end, kind="range", range=rng, relative=a.relative or b.relative
    )
