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

from dataclasses import dataclass, field

from passage.extract.numbers import CLAUSE_MARKS, PhraseMatch, Quantity, Tables, Tokens, scan, tables
from passage.model import Change, Figure, FigureKind, People, Span

MAX_NOUN_WORDS = 4  # "unaccompanied migrant children": longer runs are clauses, not nouns
RATE_REACH = 12  # tokens after a figure within which "each day" still belongs to it
BASELINE_WORDS = 8  # "the same period of 2019": a baseline longer than this is a clause
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


@dataclass
class _Comparison:
    change: Change
    first: int
    last: int
    consumed: list[_Draft] = field(default_factory=list)
    target: _Draft | None = None


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
        _describe(tokens, d, drafts, counts[i + 1].lo if i + 1 < len(counts) else len(tokens), t)
        _cumulative_before(tokens, d, floor, t)
        if i:
            _share_qualifier(tokens, counts[i - 1], d)
        floor = max(d.hi, d.noun[1] if d.noun else 0, _token_end(tokens, d.cumulative_span))
    _compare(text, tokens, drafts, t)
    return [_figure(text, tokens, d) for d in drafts if not d.consumed]


# --------------------------------------------------------------------------- the number


def _group(tokens: Tokens, quantities: list[Quantity], t: Tables) -> list[_Draft]:
    """One draft per quantity, two quantities joined where they form a range."""
    drafts: list[_Draft] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        first, last = tokens.at(q.span.start), tokens.at(q.span.end)
        d = _Draft([q], first, last, first, last)
        if i + 1 < len(quantities):
            q2 = quantities[i + 1]
            f2, l2 = tokens.at(q2.span.start), tokens.at(q2.span.end)
            opener = _range_opener(tokens, d, q, q2, f2, t)
            if opener is not None:
                d.quantities.append(q2)
                d.num_last = d.hi = l2
                d.lo = opener
                i += 1
        drafts.append(d)
        i += 1
    return drafts


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
            _change_verb_before(tokens, opener.first, t)
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
    glued = right < len(tokens) and tokens.starts[right] == last.span.end
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


def _year_reading(
    text: str, tokens: Tokens, d: _Draft, drafts: list[_Draft], t: Tables
) -> bool:
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
    k = j
    while k < n and len(words) < MAX_NOUN_WORDS:
        w = tokens.words[k]
        if not w.isalpha() or t.rates.at(tokens, k) is not None:
            break
        if w in t.function_words:
            nxt = tokens.words[k + 1] if k + 1 < n else ""
            if w in t.noun_joiners and words and head is None and nxt.isalpha():
                k += 1
                continue
            break
        e = k + 1
        while (
            e + 1 < n
            and tokens.words[e] == "-"
            and tokens.words[e + 1].isalpha()
            and tokens.starts[e] == tokens.ends[e - 1]
            and tokens.starts[e + 1] == tokens.ends[e]
        ):
            e += 2  # "asylum-seeking"
        plural = t.is_plural(tokens.words[e - 1])
        if head is not None and not plural:
            break
        words.append((k, e))
        if plural:
            head = len(words)
        k = e
    if head is None:
        head = next((i for i, (_, e) in enumerate(words) if t.is_verb_form(tokens.words[e - 1])),
                    len(words))
    if head == 0:
        return None
    return words[0][0], words[head - 1][1]


def _describe(tokens: Tokens, d: _Draft, drafts: list[_Draft], stop: int, t: Tables) -> None:
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


def _change_verb_before(tokens: Tokens, k: int, t: Tables) -> bool:
    return any(w in t.change_verbs for w in tokens.words[max(0, k - t.verb_reach) : k])


# --------------------------------------------------------------------------- comparisons


def _compare(text: str, tokens: Tokens, drafts: list[_Draft], t: Tables) -> None:
    """Find stated comparisons and give each to the count it compares."""
    comparisons: list[_Comparison] = []
    starts = {d.lo for d in drafts}
    k = 0
    while k < len(tokens):
        w = tokens.words[k]
        if not (k in starts or w in t.comparison_starters or w.endswith(t.fold_suffix)):
            k += 1
            continue
        c = _from_comparison(text, tokens, k, drafts, t) or _factor_comparison(
            text, tokens, k, drafts, t
        )
        if c is None:
            k += 1
            continue
        comparisons.append(c)
        k = max(c.last, k + 1)
    for c in comparisons:
        target = c.target or _nearest_count(drafts, c)
        span = tokens.span(c.first, c.last)
        if target is not None:
            if target.change is None:
                target.change, target.change_span = c.change, span
            for x in c.consumed:
                x.consumed = True
        elif c.consumed:  # nothing to compare: keep the number, marked as the change
            x = c.consumed[0]
            x.change, x.change_span = c.change, span
            x.kind = "other" if x.kind == "count" else x.kind


def _nearest_count(drafts: list[_Draft], c: _Comparison) -> _Draft | None:
    counts = [x for x in drafts if x.kind == "count" and not x.consumed and x not in c.consumed]
    before = [x for x in counts if x.hi <= c.first]
    after = [x for x in counts if x.lo >= c.last]
    return before[-1] if before else (after[0] if after else None)


def _from_comparison(
    text: str, tokens: Tokens, k: int, drafts: list[_Draft], t: Tables
) -> _Comparison | None:
    """ "up from 300", "an increase from about 300 a day", "compared to 9,533 in 2019"."""
    intro = t.from_intros.at(tokens, k)
    if intro is None and tokens.words[k] == "from" and _change_verb_before(tokens, k, t):
        intro = PhraseMatch(k, k + 1, None)
    if intro is None:
        return None
    base = next(
        (
            x
            for x in drafts
            if intro.last <= x.lo <= intro.last + t.from_gap_max
            and x.kind == "count"
            and all(w.isalpha() for w in tokens.words[intro.last : x.lo])
        ),
        None,
    )
    if base is None:
        return None
    value = base.people().low if base.people().low is not None else base.people().high
    first = k - 1 if k and tokens.words[k - 1] in t.lex.articles else k
    nxt = next((x for x in drafts if x.lo > base.lo), None)
    if nxt is not None and tokens.words[base.hi : nxt.lo] == ["to"] and nxt.kind == "count":
        return _Comparison(Change(from_=value), first, base.hi, [base], nxt)
    baseline, last = _baseline(text, tokens, base.hi, drafts, t)
    return _Comparison(Change(from_=value, baseline=baseline), first, last, [base])


def _factor_comparison(
    text: str, tokens: Tokens, k: int, drafts: list[_Draft], t: Tables
) -> _Comparison | None:
    """ "a tenfold increase compared to ...", "twice as many as in 2022", "doubled", "50% more"."""
    w = tokens.words[k]
    here = next((x for x in drafts if x.lo == k and not x.consumed), None)
    consumed: list[_Draft] = []
    first, last = k, k + 1
    if w.endswith(t.fold_suffix) and w[: -len(t.fold_suffix)] in t.lex.numbers:
        factor = float(t.lex.numbers[w[: -len(t.fold_suffix)]])  # "tenfold"
    elif here is not None and (here.factor_word or t.times.at(tokens, here.hi)):
        factor, consumed = here.value, [here]  # "ten-fold", "six times"
        last = (t.times.at(tokens, here.hi) or t.fold.at(tokens, here.num_last)).last
    elif w in t.factor_words and t.baseline_intros.at(tokens, k + 1):
        factor = t.factor_words[w]  # "twice as many as"
    elif w in t.factor_verbs:
        factor = t.factor_verbs[w]  # "doubled"
    elif here is not None and here.kind == "percent":
        sign = _direction(t, tokens, here.hi) or _direction(t, tokens, here.lo - 1)
        if sign is None and here.lo >= 2 and tokens.words[here.lo - 1] in t.by_words:
            sign = _direction(t, tokens, here.lo - 2)
        if sign is None:
            return None
        factor, consumed = round(1 + sign * here.value / 100, 4), [here]
        last = here.hi + 1 if _direction(t, tokens, here.hi) else here.hi
        if _direction(t, tokens, here.hi) is None:
            first = here.lo - 1 if _direction(t, tokens, here.lo - 1) else here.lo - 2
    else:
        return None
    while last < len(tokens) and _direction(t, tokens, last):
        last += 1  # "tenfold increase"
    if first and tokens.words[first - 1] in t.lex.articles:
        first -= 1
    baseline = None
    intro = t.baseline_intros.at(tokens, last)
    if intro is not None:
        baseline, last = _baseline(text, tokens, intro.last, drafts, t)
        last = max(last, intro.last)
    return _Comparison(Change(factor=factor, baseline=baseline), first, last, consumed)


def _direction(t: Tables, tokens: Tokens, k: int) -> int | None:
    """+1 for a word of increase at token ``k``, -1 for one of decrease, else None."""
    if k < 0 or k >= len(tokens):
        return None
    w = tokens.words[k]
    return 1 if w in t.increase_words else -1 if w in t.decrease_words else None


def _baseline(
    text: str, tokens: Tokens, b: int, drafts: list[_Draft], t: Tables
) -> tuple[str | None, int]:
    """The baseline named after a compared number ("in the same period of 2019" -> "same
    period of 2019"), and the token where the comparison ends."""
    rate = t.rates.at(tokens, b)
    b = rate.last if rate is not None else b
    stop = min([x.lo for x in drafts if x.lo > b and x.kind == "count"] + [len(tokens)])
    end = b
    while end < stop and end - b < BASELINE_WORDS and tokens.words[end] not in CLAUSE_MARKS:
        end += 1
    while end > b and not _content(tokens.words[end - 1], t):
        end -= 1
    words = tokens.words[b:end]
    lead = next((i for i, w in enumerate(words) if w in t.baseline_leads), None)
    if lead is not None:
        s = b + lead
        while s < end and tokens.words[s] in t.baseline_leads:
            s += 1
    elif words and (words[0] not in t.function_words or words[0] in t.time_heads):
        s = b
    else:
        return None, max(end, b)
    if s >= end:
        return None, end
    return text[tokens.starts[s] : tokens.ends[end - 1]], end


def _content(word: str, t: Tables) -> bool:
    """A word that can end a baseline: not a function word (but "May" the month is)."""
    return word.isalnum() and (word not in t.function_words or word in t.lex.data["months"])


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
