"""Figures: the quantity phrases of a sentence, what kind of number each is, what it counts.

``find_figures`` reads one sentence (any stretch of a document's text) and returns every
quantity phrase in it with absolute offsets: "more than 100 Chinese migrants" is a
``count`` with ``low=100, high=None`` and noun "Chinese migrants"; "2023" is a ``year``,
"14%" a ``percent``, "a 16-year-old" an ``age``, "Title 42" ``other``. Counts also get
their rate ("each day"), running-total marker ("since the deadline") and a stated
comparison ("a tenfold increase compared to the previous year", "up from 300 a day");
a baseline number that only serves a comparison is folded into the change, not
reported as a count of its own. The people rules follow GUIDELINES.md. A span covers
the number with its qualifiers ("more than 100", "between 8,000 and 10,000"), and for
money and percentages its unit ("$5 million", "14%"); ``people`` of a non-count holds
the number itself (low = high = 2023 for a year).

Stages: ``numbers.scan`` finds the numbers; here they are joined into ranges, given
their qualifiers and a kind; ``counted`` reads what a count counts; ``comparisons``
finds the stated changes. Every word comes from ``resources/numbers.json``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from passage.extract import counted
from passage.extract.comparisons import Number, change_verb_before, find_comparisons, may_compare
from passage.extract.numbers import Quantity, Tokens, scan
from passage.extract.phrases import PhraseMatch, PhraseTable, Tables, tables
from passage.model import Change, Figure, FigureKind, People, Span


@dataclass
class _Draft:
    """A figure being assembled; token indices into the sentence's ``Tokens``."""

    quantities: list[Quantity]
    num_first: int  # the number's own tokens [num_first, num_last)
    num_last: int
    lo: int  # the whole phrase's tokens, qualifiers included [lo, hi)
    hi: int
    kind: FigureKind | None = "count"  # None: not a figure after all ("one of the")
    effect: str = "exact"
    money: bool = False
    collective: int | None = None  # token of "family" in "a family of five"
    noun: Span | None = None
    noun_end: int | None = None  # the token after the noun
    per: str | None = None
    per_span: Span | None = None
    cumulative_span: Span | None = None
    change: Change | None = None
    change_span: Span | None = None
    consumed: bool = False  # a baseline folded into another figure's change
    share: float | None = None  # "two-thirds of the 1,000 parents": the part counted
    share_approx: bool = False  # "about two-thirds of ..."

    @property
    def value(self) -> float:
        return self.quantities[0].value

    def people(self) -> People:
        low, high = self.quantities[0].value, self.quantities[-1].value
        scale = self.quantities[-1].scale
        if scale > self.quantities[0].scale and low * scale <= high:
            low *= scale  # "8 to 10 million"
        q = self.quantities[0]
        approx = self.effect == "approx" or q.form == "vague" or self.share_approx
        if q.form == "vague":
            low, high = q.value, None  # "dozens": at least 24
        elif len(self.quantities) == 1 and self.effect == "min":
            high = None
        elif len(self.quantities) == 1 and self.effect == "max":
            low = None
        if self.share is not None:
            low = None if low is None else low * self.share
            high = None if high is None else high * self.share
        return People(
            low=_int(low),
            high=_int(high),
            approx=approx,
            per=self.per,  # type: ignore[arg-type]
            cumulative=self.cumulative_span is not None,
        )


def find_figures(
    text: str, start: int = 0, end: int | None = None, lang: str = "en"
) -> list[Figure]:
    """Every quantity phrase in ``text[start:end]`` (usually one sentence), in order, with
    offsets into ``text``. ``lang`` picks the section of ``resources/numbers.json``."""
    end = len(text) if end is None else end
    t = tables(lang)
    if not t.lex.may_hold_number(text, start, end):
        return []
    tokens = Tokens.of(text, start, end)
    drafts = _group(tokens, scan(text, tokens, end, t.lex), t)
    if not drafts:
        return []
    for d in drafts:
        _qualify(tokens, d, t)
    # "two" of "two-thirds of the 1,000" is part of the share, not a number of its own
    if t.shares.may_occur(tokens):
        drafts = [d for d in drafts if not _in_share(tokens, d, t)]
    for i, d in enumerate(drafts):
        _classify(text, tokens, d, drafts, t)
        after_age = i and drafts[i - 1].kind == "age" and d.kind == "count"
        if after_age and d.quantities[0].plain and t.links_list(tokens, drafts[i - 1].hi, d.lo):
            d.kind = "age"  # "ages 15 and 13"
    drafts = [d for d in drafts if d.kind is not None]
    counts = [d for d in drafts if d.kind == "count"]
    others = _others(drafts)  # _describe changes no draft's tokens: one map serves all counts
    floor = 0
    for i, d in enumerate(counts):
        stop = counts[i + 1].lo if i + 1 < len(counts) else len(tokens)
        _describe(text, tokens, d, others, stop, t)
        if i:
            _share_qualifier(tokens, counts[i - 1], d, t)
        if d.cumulative_span is None:
            d.cumulative_span = counted.cumulative_before(tokens, floor, d.lo, t)
        cumulative_end = tokens.at(d.cumulative_span.end) if d.cumulative_span else 0
        floor = max(d.hi, d.noun_end or 0, cumulative_end)
    _attach_comparisons(text, tokens, drafts, t)
    return [_figure(text, tokens, d) for d in drafts if not d.consumed]


# --------------------------------------------------------------------------- the number


def _group(tokens: Tokens, quantities: list[Quantity], t: Tables) -> list[_Draft]:
    """One draft per quantity, two quantities joined where they form a range."""
    drafts: list[_Draft] = []
    pairs: set[int] = set()  # quantities in a share ("8 in 10") or a score ("5-4")
    bounds = [(tokens.at(q.span.start), tokens.at(q.span.end)) for q in quantities]
    i = 0
    while i < len(quantities):
        q = quantities[i]
        first, last = bounds[i]
        d = _Draft([q], first, last, first, last, kind="other" if i in pairs else "count")
        if i + 1 < len(quantities):
            q2 = quantities[i + 1]
            f2, l2 = bounds[i + 1]
            opener = _range_opener(tokens, d, q, q2, f2, t)
            gap = tokens.words[last:f2]
            if opener is not None:
                d.quantities.append(q2)
                d.num_last = d.hi = l2
                d.lo = opener
                i += 1
            elif _share(tokens, q, q2, last, f2, t) or (
                set(gap) <= t.range_separators
                and q2.value <= q.value
                and bool(set(gap) & set("-–"))
            ):
                d.kind = "other"
                pairs.add(i + 1)
        drafts.append(d)
        i += 1
    return drafts


def _share(tokens: Tokens, q: Quantity, q2: Quantity, last: int, f2: int, t: Tables) -> bool:
    """ "8 in 10", "one out of five": a proportion, not two counts."""
    link = t.share_links.at(tokens, last, f2)
    year = q2.plain and t.is_year(q2.value)  # "575,400 in 2016" is no share
    return link is not None and link.last == f2 and q.value < q2.value and not year


def _range_opener(
    tokens: Tokens, d: _Draft, q: Quantity, q2: Quantity, f2: int, t: Tables
) -> int | None:
    """Where the range of ``q`` and ``q2`` starts (its opener, "between"), or None."""
    if q.form not in ("numeral", "words") or q2.form not in ("numeral", "words"):
        return None
    gap = tokens.words[d.num_last : f2]
    opener = t.range_openers.ending(tokens, d.num_first)
    next_year = q2.value in ((q.value + 1) % 100, q.value + 1)
    if q.plain and q2.plain and t.is_year(q.value) and gap in (["-"], ["–"], ["/"]) and next_year:
        return d.num_first  # "2019-20"
    if q.plain and t.is_year(q.value) and not (q2.plain and t.is_year(q2.value)):
        return None  # "in fiscal year 2018 to 145,262"
    if q2.value <= q.value and not (q2.scale > q.scale and q.value * q2.scale < q2.value):
        return None
    if opener is not None and gap == [opener.value.join]:
        if opener.value.may_be_change and (
            change_verb_before(tokens, opener.first, t)
            or t.from_intros.ending(tokens, opener.last) is not None
        ):
            return None  # "raising the cap from 15,000 to 125,000", "up from 954 to 1,796"
        return opener.first
    if len(gap) == 1 and gap[0] in t.range_separators:
        return d.num_first
    return None


def _qualify(tokens: Tokens, d: _Draft, t: Tables) -> None:
    """Qualifiers around the number: "more than", "about", "$", "a family of", "-plus"."""
    money = t.money_before.ending(tokens, d.lo)
    if money is not None:
        d.money, d.lo = True, money.first
    qualifier = t.qualifiers.ending(tokens, d.lo)
    if qualifier is not None:
        d.effect, d.lo = qualifier.value, qualifier.first
    _part_of(tokens, d, t)
    post = t.post_qualifiers.at(tokens, d.hi)
    if post is not None and len(d.quantities) == 1:
        d.effect, d.hi = post.value, post.last
    words = tokens.words[max(0, d.lo - 3) : d.lo]
    if (
        len(words) == 3
        and words[0] in t.lex.articles
        and words[1] in t.collectives
        and words[2] in t.of_words
    ):
        d.collective, d.lo = d.lo - 2, d.lo - 3


def _part_of(tokens: Tokens, d: _Draft, t: Tables) -> None:
    """ "About two-thirds of the 1,000 parents ... were deported": a share that opens its
    clause is what the clause counts. Elsewhere ("38,269, one-third of the 125,000 who
    arrived") it compares two figures, and the number stands."""
    share = t.shares.ending(tokens, d.lo)
    if share is None:
        return
    first, approx = share.first, False
    qualifier = t.qualifiers.ending(tokens, first)
    if qualifier is not None and qualifier.value == "approx":
        first, approx = qualifier.first, True
    if first == 0 or tokens.words[first - 1] in CLAUSE_OPENERS:
        d.share, d.share_approx, d.lo = share.value, approx, first


def _in_share(tokens: Tokens, d: _Draft, t: Tables) -> bool:
    """Is the number a word of a share phrase ("two" or "third" of "two-thirds of")?"""
    for k in range(max(0, d.num_first - 2), d.num_first + 1):
        found = t.shares.at(tokens, k)
        if found is not None and found.first <= d.num_first < found.last:
            return True
    return False


CLAUSE_OPENERS = frozenset(',;:(“"')


def _classify(text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables) -> None:
    """What the number is: a count, or a year, percentage, amount of money, age, ..."""
    q = d.quantities[0]
    if d.kind == "other":
        return  # set by _group: a share or a score
    if q.form in _FORM_KINDS:
        d.kind = _FORM_KINDS[q.form]
    elif q.form in ("vague", "fixed"):
        if q.needs_of and not (d.hi < len(tokens) and tokens.words[d.hi] in t.of_words):
            d.kind = None  # "scores" of a match, "a couple" without "of"
    elif d.money:
        d.kind = "money"
    else:
        d.kind = _unit_kind(text, tokens, d, t) or _context_kind(text, tokens, d, drafts, t)
    if d.kind == "count" and not all(0 <= q.value <= MAX_PEOPLE for q in d.quantities):
        d.kind = "other"  # "10,000,000,000,000 migrants" is a typo or a joke, not a count


# More people than live on Earth: no count of people is larger (nor infinite, as a float
# read from a run of hundreds of digits is).
MAX_PEOPLE = 10_000_000_000

_FORM_KINDS: dict[str, FigureKind] = {
    "ordinal": "ordinal",
    "decade": "year",
    "fiscal": "year",
    "time": "time",
    "phone": "other",
}


def _unit_kind(text: str, tokens: Tokens, d: _Draft, t: Tables) -> FigureKind | None:
    """The kind the words right after the number give: "%", "years old", "km", "-fold"."""
    right, last = d.num_last, d.quantities[-1]
    word = tokens.words[right] if right < len(tokens) else ""
    for table, kind in _right_kinds(t).get(word, ()):
        m = table.at(tokens, right)
        if m is not None:
            if kind in ("percent", "money"):
                d.hi = max(d.hi, m.last)
            return kind  # type: ignore[return-value]
    if t.months.at(tokens, right) is not None and last.value <= 31:
        return "other"  # "23 August"
    glued = right == d.hi < len(tokens) and tokens.starts[right] == last.span.end
    compound = tokens.words[right + 1] if glued and right + 1 < len(tokens) else ""
    if (
        tokens.words[right : right + 1] == ["-"]
        and compound.isalpha()
        and compound not in t.compound_counts
    ):
        return "other"  # "a five-term congressman", "a 411-page report"; not "5,000-strong"
    if glued and (tokens.words[right].isalpha() or tokens.words[right] in "(/"):
        return "other"  # "1B", "4G", "287(g)", "9/11"
    start = d.quantities[0].span.start
    if start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum():
        return "other"  # "COVID-19", "H-1B", "I-10", "9/11"
    return None


@cache
def _right_kinds(t: Tables) -> dict[str, list[tuple[PhraseTable, str]]]:
    """``t.right_kinds`` by first word: only the tables with a phrase that starts with it,
    in the same order (the others cannot match there, so the first match is the same)."""
    by_word: dict[str, list[tuple[PhraseTable, str]]] = {}
    for table, kind in t.right_kinds:
        for word in table.first_words:
            by_word.setdefault(word, []).append((table, kind))
    return by_word


def _context_kind(
    text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables
) -> FigureKind | None:
    """The kind the words before the number give ("aged", "Title", "Nov."), else a count."""
    q = d.quantities[0]
    if t.age_before.ending(tokens, d.num_first) is not None:
        return "age"
    if t.victims_before.ending(tokens, d.lo) is not None:
        return "other"  # "killing three people": victims of a crime, not people moving
    year_like = (  # and "2019-20" is still a year
        q.plain
        and t.is_year(q.value)
        and all(x.plain and (t.is_year(x.value) or x.value < 100) for x in d.quantities)
    )
    if year_like and _year_reading(text, tokens, d, drafts, t):
        return "year"
    before = t.other_before.ending(tokens, d.num_first)
    if before is not None and not text[tokens.starts[before.first]].islower():
        return "other"  # "Title 42", "Flight 123", "#5"
    month = t.months.ending(tokens, d.num_first)
    if month is not None and q.value <= 31 and q.form == "numeral":
        return "other"  # "Nov. 1", "August 23": a day of the month
    if _age_after_name(text, tokens, d, t):
        return "age"
    if q.form == "words" and _pronoun_one(text, tokens, d, t):
        return None
    return "count"


def _year_reading(text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables) -> bool:
    """A bare four-digit number in the year range is a year ("the 2020 elections"), unless
    a bound says it counts ("more than 2000"), or "about 2000" is followed by a plural."""
    if t.year_before.ending(tokens, d.lo) or t.months.ending(tokens, d.lo):
        return True
    if d.effect in ("min", "max"):
        return False
    if d.effect == "approx":
        noun = counted.noun_phrase(text, tokens, d.hi, _others(drafts), d.value == 1, t)
        return noun is None or not t.is_plural(tokens.words[noun.last - 1])
    return True


def _age_after_name(text: str, tokens: Tokens, d: _Draft, t: Tables) -> bool:
    """ "Awa Zongo, 29, poured ...": a small number between commas after a name."""
    i, j = d.num_first, d.num_last
    return (
        len(d.quantities) == 1
        and d.effect == "exact"
        and d.quantities[0].plain
        and d.value <= t.age_comma_max
        and i >= 2
        and tokens.words[i - 1] == ","
        and text[tokens.starts[i - 2]].isupper()
        and tokens.words[j : j + 1] in ([","], ["."], ["—"], ["–"], [")"], [";"])
    )


def _pronoun_one(text: str, tokens: Tokens, d: _Draft, t: Tables) -> bool:
    """ "one of the", "no one", "the one": not a count; "one man was arrested" is."""
    q = d.quantities[0]
    if len(d.quantities) > 1 or text[q.span.start : q.span.end].lower() not in t.one_words:
        return False
    before = tokens.words[d.lo - 1] if d.lo else ""
    after = tokens.words[d.hi] if d.hi < len(tokens) else ""
    return (
        before in t.one_not_after
        or after in t.one_not_before
        or not after.isalpha()
        or after in t.function_words
    )


# --------------------------------------------------------------------------- what it counts


def _others(drafts: list[_Draft]) -> dict[int, int]:
    """First token -> token after, for every number of the sentence."""
    return {**{d.num_first: d.hi for d in drafts}, **{d.lo: d.hi for d in drafts}}


def _describe(
    text: str, tokens: Tokens, d: _Draft, others: dict[int, int], stop: int, t: Tables
) -> None:
    """A count's noun, its rate ("each day") and a running-total marker after it;
    ``others`` maps every number's first token to the token after it."""
    noun = counted.noun_phrase(text, tokens, d.hi, others, d.value == 1, t)
    if noun is None and d.collective is not None:
        noun = PhraseMatch(d.collective, d.collective + 1, None)  # "a family of five"
    if noun is not None:
        d.noun, d.noun_end = tokens.span(noun.first, noun.last), noun.last
    after = noun.last if noun is not None and noun.first >= d.hi else d.hi
    clause = counted.clause_end(tokens, d.hi, stop)
    found = counted.rate(tokens, d.lo, d.hi, after, clause, t)
    if found is not None:
        d.per, d.per_span = found.value, tokens.span(found.first, found.last)
    d.cumulative_span = counted.cumulative_after(tokens, after, clause, t)


def _share_qualifier(tokens: Tokens, prev: _Draft, d: _Draft, t: Tables) -> None:
    """ "more than 72,000 Haitians, 63,000 Venezuelans and 41,000 Cubans": one "more than"
    (and one rate, one running total) for the whole list."""
    if d.effect != "exact" or d.lo != d.num_first or not d.noun or not prev.noun_end:
        return
    if t.links_list(tokens, prev.noun_end, d.lo):
        d.effect = prev.effect
        d.per, d.per_span = d.per or prev.per, d.per_span or prev.per_span
        d.cumulative_span = d.cumulative_span or prev.cumulative_span


# --------------------------------------------------------------------------- output


def _attach_comparisons(text: str, tokens: Tokens, drafts: list[_Draft], t: Tables) -> None:
    """Give each stated comparison to its count; fold the numbers it consumes into it."""
    if not may_compare(tokens, [d.kind or "other" for d in drafts], t):
        return  # find_comparisons would find nothing
    numbers = [
        Number(d.lo, d.hi, d.num_last, d.kind or "other", d.value, _bound(d)) for d in drafts
    ]
    for c in find_comparisons(text, tokens, numbers, t):
        if c.target is not None:
            target = drafts[c.target]
            if target.change is None:
                target.change, target.change_span = c.change, c.span
            for i in c.consumed:
                drafts[i].consumed = True
        elif c.consumed:  # nothing to compare: keep the number, marked as the change
            d = drafts[c.consumed[0]]
            d.change, d.change_span = c.change, c.span
            d.kind = "other" if d.kind == "count" else d.kind


def _bound(d: _Draft) -> int | None:
    people = d.people()
    return people.low if people.low is not None else people.high


def _figure(text: str, tokens: Tokens, d: _Draft) -> Figure:
    noun_span = d.noun if d.kind == "count" else None
    return Figure(
        span=tokens.span(d.lo, d.hi),
        people=d.people(),
        kind=d.kind or "other",
        noun=noun_span.of(text) if noun_span else None,
        noun_span=noun_span,
        per_span=d.per_span,
        cumulative_span=d.cumulative_span,
        change=d.change,
        change_span=d.change_span,
    )


def _int(value: float | None) -> int | None:
    return None if value is None or not math.isfinite(value) else round(value)
