"""Figures: the quantity phrases of a sentence, what kind of number each is, what it counts.

``find_figures`` reads one sentence (any stretch of a document's text) and returns every
quantity phrase in it with absolute offsets: "more than 100 Chinese migrants" is a
``count`` with ``low=100, high=None`` and noun "Chinese migrants"; "2023" is a ``year``,
"14%" a ``percent``, "a 16-year-old" an ``age``, "Title 42" ``other``. Counts also get
their rate ("each day"), running-total marker ("since the deadline") and a stated
comparison ("a tenfold increase compared to the previous year", "up from 300 a day");
a baseline number that only serves a comparison is folded into the change, not
reported as a count of its own. The people rules follow GUIDELINES.md.

Every word comes from ``resources/numbers.json`` through ``numbers.Tables``.
"""

from __future__ import annotations

from dataclasses import dataclass

from passage.extract.comparisons import Number, change_verb_before, find_comparisons
from passage.extract.numbers import (
    CLAUSE_MARKS,
    PhraseMatch,
    Quantity,
    Tables,
    Tokens,
    scan,
    tables,
)
from passage.model import Change, Figure, FigureKind, People, Span

MAX_NOUN_WORDS = 4  # "unaccompanied migrant children": longer runs are clauses, not nouns
RATE_REACH = 12  # tokens after a figure within which "each day" still belongs to it
TIME_WORDS = 6  # "since the start of the year"


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
    factor_word: bool = False  # "ten" in "ten-fold", "six" in "six times as many"
    collective: int | None = None  # token of "family" in "a family of five"
    noun: tuple[int, int] | None = None
    per: str | None = None
    per_span: Span | None = None
    cumulative_span: Span | None = None
    change: Change | None = None
    change_span: Span | None = None
    consumed: bool = False  # a baseline folded into another figure's change

    @property
    def value(self) -> float:
        return self.quantities[0].value

    def people(self) -> People:
        low, high = self.quantities[0].value, self.quantities[-1].value
        if len(self.quantities) == 2 and self.quantities[1].scale > self.quantities[0].scale:
            if low * self.quantities[1].scale <= high:  # "8 to 10 million"
                low *= self.quantities[1].scale
        q = self.quantities[0]
        approx = self.effect == "approx" or q.form == "vague"
        if q.form == "vague":
            low, high = q.value, q.high
        elif len(self.quantities) == 1 and self.effect == "min":
            high = None
        elif len(self.quantities) == 1 and self.effect == "max":
            low = None
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
    """Every quantity phrase in ``text[start:end]``, in order, with offsets into ``text``."""
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
    for i, d in enumerate(drafts):
        _classify(text, tokens, d, drafts, t)
        if i and drafts[i - 1].kind == "age" and d.kind == "count" and d.quantities[0].plain:
            if tokens.words[drafts[i - 1].hi : d.lo] in ([","], ["and"], [",", "and"]):
                d.kind = "age"  # "ages 15 and 13"
    drafts = [d for d in drafts if d.kind is not None]
    counts = [d for d in drafts if d.kind == "count"]
    floor = 0
    for i, d in enumerate(counts):
        stop = counts[i + 1].lo if i + 1 < len(counts) else len(tokens)
        _describe(text, tokens, d, drafts, stop, t)
        _cumulative_before(tokens, d, floor, t)
        if i:
            _share_qualifier(tokens, counts[i - 1], d)
        floor = max(d.hi, d.noun[1] if d.noun else 0, _token_end(tokens, d.cumulative_span))
    _attach_comparisons(text, tokens, drafts, t)
    return [_figure(text, tokens, d) for d in drafts if not d.consumed]


# --------------------------------------------------------------------------- the number


def _group(tokens: Tokens, quantities: list[Quantity], t: Tables) -> list[_Draft]:
    """One draft per quantity, two quantities joined where they form a range."""
    drafts: list[_Draft] = []
    pairs: set[int] = set()  # quantities in a share ("8 in 10") or a score ("5-4")
    i = 0
    while i < len(quantities):
        q = quantities[i]
        first, last = tokens.at(q.span.start), tokens.at(q.span.end)
        d = _Draft([q], first, last, first, last, kind="other" if i in pairs else "count")
        if i + 1 < len(quantities):
            q2 = quantities[i + 1]
            f2, l2 = tokens.at(q2.span.start), tokens.at(q2.span.end)
            opener = _range_opener(tokens, d, q, q2, f2, t)
            gap = tokens.words[last:f2]
            if opener is not None:
                d.quantities.append(q2)
                d.num_last = d.hi = l2
                d.lo = opener
                i += 1
            elif _share(tokens, q, q2, last, f2, t) or (
                gap and set(gap) <= t.range_separators and q2.value < q.value and gap[0] != "to"
            ):
                d.kind = "other"
                pairs.add(i + 1)
        drafts.append(d)
        i += 1
    return drafts


def _share(tokens: Tokens, q: Quantity, q2: Quantity, last: int, f2: int, t: Tables) -> bool:
    """ "8 in 10", "one out of five": a proportion, not two counts."""
    link = t.share_links.at(tokens, last, f2)
    return (link is not None and link.last == f2 and q.value < q2.value and not q2.plain) or (
        link is not None and link.last == f2 and q.value < q2.value <= t.year_min / 10
    )


def _range_opener(
    tokens: Tokens, d: _Draft, q: Quantity, q2: Quantity, f2: int, t: Tables
) -> int | None:
    """Where the range of ``q`` and ``q2`` starts (its opener, "between"), or None."""
    if q.form not in ("numeral", "words") or q2.form not in ("numeral", "words"):
        return None
    gap = tokens.words[d.num_last : f2]
    opener = t.range_openers.ending(tokens, d.num_first)
    if q.plain and q2.plain and _is_year(q.value, t) and gap in (["-"], ["–"], ["/"]):
        if q2.value == (q.value + 1) % 100 or q2.value == q.value + 1:  # "2019-20"
            return d.num_first
    if q.plain and _is_year(q.value, t) and not (q2.plain and _is_year(q2.value, t)):
        return None  # "in fiscal year 2018 to 145,262"
    if q2.value <= q.value and not (q2.scale > q.scale and q.value * q2.scale < q2.value):
        return None
    if opener is not None and gap == [opener.value]:
        if opener.value != "and" and (
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
    post = t.post_qualifiers.at(tokens, d.hi)
    if post is not None and len(d.quantities) == 1:
        d.effect, d.hi = post.value, post.last
    if d.lo >= 3 and tokens.words[d.lo - 1] == "of" and tokens.words[d.lo - 2] in t.collectives:
        if tokens.words[d.lo - 3] in t.lex.articles:
            d.collective, d.lo = d.lo - 2, d.lo - 3


def _classify(text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables) -> None:
    """What the number is: a count, or a year, percentage, amount of money, age, ..."""
    q = d.quantities[0]
    if d.kind == "other":
        return  # set by _group: a share or a score
    if q.form in _FORM_KINDS:
        d.kind = _FORM_KINDS[q.form]
    elif q.form in ("vague", "fixed"):
        if q.needs_of and tokens.words[d.hi : d.hi + 1] != ["of"]:
            d.kind = None  # "scores" of a match, "a couple" without "of"
    elif d.money:
        d.kind = "money"
    else:
        d.kind = _unit_kind(text, tokens, d, t) or _context_kind(text, tokens, d, drafts, t)


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
    for table, kind in t.right_kinds:
        m = table.at(tokens, right)
        if m is not None:
            if kind in ("percent", "money"):
                d.hi = max(d.hi, m.last)
            d.factor_word = table is t.fold
            return kind  # type: ignore[return-value]
    if t.months.at(tokens, right) is not None and last.value <= 31:
        return "other"  # "23 August"
    glued = right == d.hi < len(tokens) and tokens.starts[right] == last.span.end
    if glued and tokens.words[right] == "-" and right + 1 < len(tokens):
        if tokens.words[right + 1] not in t.compound_counts and tokens.words[right + 1].isalpha():
            return "other"  # "a five-term congressman", "a 411-page report"; not "5,000-strong"
    if glued and (tokens.words[right].isalpha() or tokens.words[right] in "(/"):
        return "other"  # "1B", "4G", "287(g)", "9/11"
    start = d.quantities[0].span.start
    if start >= 2 and text[start - 1] in "-/" and text[start - 2].isalnum():
        return "other"  # "COVID-19", "H-1B", "I-10", "9/11"
    return None


def _context_kind(
    text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables
) -> FigureKind | None:
    """The kind the words before the number give ("aged", "Title", "Nov."), else a count."""
    q = d.quantities[0]
    if t.age_before.ending(tokens, d.num_first) is not None:
        return "age"
    if all(x.plain and _is_year(x.value, t) for x in d.quantities):
        if _year_reading(text, tokens, d, drafts, t):
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


def _is_year(value: float, t: Tables) -> bool:
    return t.year_min <= value <= t.year_max


def _year_reading(text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables) -> bool:
    """A bare four-digit number in the year range is a year ("the 2020 elections"), unless
    a bound says it counts ("more than 2000"), or "about 2000" is followed by a plural."""
    if t.year_before.ending(tokens, d.lo) or t.months.ending(tokens, d.lo):
        return True
    if d.effect in ("min", "max"):
        return False
    if d.effect == "approx":
        noun = _noun(text, tokens, d, drafts, t)
        return noun is None or not t.is_plural(tokens.words[noun[1] - 1])
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


def _noun(
    text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables
) -> tuple[int, int] | None:
    """Token range of the noun phrase a number counts, up to its head ("Chinese migrants")."""
    j, n = d.hi, len(tokens)
    if t.rates.at(tokens, j) is not None:
        return None
    if j < n and tokens.words[j] == "of":
        j += 1
        while j < n and tokens.words[j] in t.of_determiners:
            j += 1
        inner = next((x for x in drafts if x.lo == j or x.num_first == j), None)
        if inner is not None:
            j = inner.hi  # "14 of the 24 suicide bombings"
    words: list[tuple[int, int]] = []
    head: int | None = None
    numbers = {x.lo for x in drafts} | {x.num_first for x in drafts}
    k = j
    while k < n and len(words) < MAX_NOUN_WORDS:
        w = tokens.words[k]
        if not w.isalpha() or k in numbers or t.rates.at(tokens, k) is not None:
            break
        if w in t.function_words and not _acronym(text, tokens, k):
            nxt = tokens.words[k + 1] if k + 1 < n else ""
            if w in t.noun_joiners and words and head is None and nxt.isalpha():
                k += 1
                continue
            break
        e = _word_end(tokens, k)
        plural = t.is_plural(tokens.words[e - 1])
        if head is not None and not plural:
            break
        words.append((k, e))
        if plural:
            head = len(words)
        k = e
    if head is None and d.value != 1:
        return None  # "the 15,000 figure", "11,721 remain active": no plural, no noun counted
    if head is None:
        verbs = (i for i, (_, e) in enumerate(words) if t.is_verb_form(tokens.words[e - 1]))
        head = next(verbs, len(words))
    if head == 0:
        return None
    return words[0][0], words[head - 1][1]


def _word_end(tokens: Tokens, k: int) -> int:
    """The token after a word that may be hyphenated or dotted: "asylum-seeking", "COVID-19",
    "U.S." (tokens glued by "-", or by "." after a single letter)."""
    words, starts, ends, e = tokens.words, tokens.starts, tokens.ends, k + 1
    while e < len(words) and starts[e] == ends[e - 1] and words[e] in "-.":
        dotted = words[e] == "." and len(words[e - 1]) == 1
        if dotted and (e + 1 == len(words) or starts[e + 1] != ends[e]):
            return e + 1  # the final dot of "U.S."
        if e + 1 < len(words) and starts[e + 1] == ends[e] and words[e + 1].isalnum():
            if words[e] == "-" or (dotted and len(words[e + 1]) == 1):
                e += 2
                continue
        break
    return e


def _acronym(text: str, tokens: Tokens, k: int) -> bool:
    """ "US", "IT": capitals that only look like a function word."""
    return (
        tokens.ends[k] - tokens.starts[k] > 1 and text[tokens.starts[k] : tokens.ends[k]].isupper()
    )


def _describe(
    text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], stop: int, t: Tables
) -> None:
    """A count's noun, rate ("each day") and running-total marker after it ("so far")."""
    d.noun = _noun(text, tokens, d, drafts, t) or (
        (d.collective, d.collective + 1) if d.collective is not None else None
    )
    after = d.noun[1] if d.noun and d.noun[0] >= d.hi else d.hi
    clause = _clause_end(tokens, d.hi, stop)
    for k in [d.hi, after, *range(after + 1, min(clause, after + RATE_REACH))]:
        rate = t.rates.at(tokens, k, clause)
        if rate is not None and _rate_holds(tokens, rate, d, t):
            d.per, d.per_span = rate.value, tokens.span(rate.first, rate.last)
            break
    for k in range(after, clause):
        marker = t.cumulative_after.at(tokens, k, clause)
        span = marker and _marker_span(tokens, marker, clause, t)
        if span:
            d.cumulative_span = span
            return


def _share_qualifier(tokens: Tokens, prev: _Draft, d: _Draft) -> None:
    """ "more than 72,000 Haitians, 63,000 Venezuelans and 41,000 Cubans": one "more than"."""
    if d.effect != "exact" or d.lo != d.num_first or not d.noun:
        return
    gap = tokens.words[(prev.noun[1] if prev.noun else prev.hi) : d.lo]
    if prev.noun and gap in ([","], ["and"], [",", "and"], ["or"], [",", "or"]):
        d.effect = prev.effect if prev.effect != "exact" else d.effect
        d.per, d.per_span = d.per or prev.per, d.per_span or prev.per_span
        d.cumulative_span = d.cumulative_span or prev.cumulative_span


def _token_end(tokens: Tokens, span: Span | None) -> int:
    return tokens.at(span.end) if span is not None else 0


def _rate_holds(tokens: Tokens, rate: PhraseMatch, d: _Draft, t: Tables) -> bool:
    """ "a year ago", "for a year", "in a week" are not rates."""
    before = tokens.words[rate.first - 1] if rate.first > d.hi else ""
    after = tokens.words[rate.last] if rate.last < len(tokens) else ""
    return before not in t.rate_blockers_before and after not in t.rate_blockers_after


def _cumulative_before(tokens: Tokens, d: _Draft, floor: int, t: Tables) -> None:
    """ "So far, ...", "a total of 300", "Since early September, ... over 3,400"."""
    if d.cumulative_span is not None:
        return
    floor = max([floor, *(k + 1 for k in range(floor, d.lo) if tokens.words[k] == ";")])
    for k in range(floor, d.lo):
        marker = t.cumulative_before.at(tokens, k, d.lo)
        span = marker and _marker_span(tokens, marker, d.lo, t)
        if span and tokens.words[tokens.at(span.end)] not in t.since_blockers:
            d.cumulative_span = span
            return


def _marker_span(tokens: Tokens, marker: PhraseMatch, stop: int, t: Tables) -> Span | None:
    """The marker's span; "since" and "as of" take the time they name, or are no marker."""
    if not marker.value:
        return tokens.span(marker.first, marker.last)
    k = marker.last
    if k >= stop or not (tokens.words[k] in t.time_heads or _is_year_token(tokens.words[k], t)):
        return None
    end = k
    while end < stop and end - k < TIME_WORDS:
        w = tokens.words[end]
        if w in t.time_span_words or (w.isalnum() and w not in t.function_words):
            end += 1
        else:
            break
    while end > k + 1 and tokens.words[end - 1] in t.time_span_words:
        end -= 1
    return tokens.span(marker.first, end)


def _is_year_token(word: str, t: Tables) -> bool:
    return word.isdigit() and len(word) == 4 and _is_year(int(word), t)


def _clause_end(tokens: Tokens, k: int, stop: int) -> int:
    while k < stop and tokens.words[k] not in CLAUSE_MARKS:
        k += 1
    return k


def _attach_comparisons(text: str, tokens: Tokens, drafts: list[_Draft], t: Tables) -> None:
    """Give each stated comparison to its count; fold the numbers it consumes into it."""
    numbers = [
        Number(d.lo, d.hi, d.num_last, d.kind or "other", d.value, _bound(d), d.factor_word)
        for d in drafts
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
    noun = d.noun if d.kind == "count" else None
    noun_span = tokens.span(*noun) if noun else None
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
    return None if value is None else round(value)
