"""Stated comparisons in a sentence, and the count each one belongs to.

"a tenfold increase compared to the previous year" (factor 10), "twice as many as in
2022" (factor 2), "a 74 percent decrease" (factor 0.26), "doubled", "up from 300 a day"
and "compared to 9,533 in the same period of 2019" (from 9,533, baseline "same period
of 2019"). A comparison belongs to the nearest count before it (else after it); the
number it compares against is folded into the change, so the caller never counts it.

The words come from the ``changes`` section of ``resources/numbers.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from passage.extract.numbers import Tokens
from passage.extract.phrases import CLAUSE_MARKS, PhraseMatch, Tables
from passage.model import Change, Span

BASELINE_WORDS = 8  # "the same period of 2019": a baseline longer than this is a clause


@dataclass(frozen=True)
class Number:
    """What a comparison needs to know of one figure of the sentence (token indices)."""

    lo: int  # the figure's tokens [lo, hi), qualifiers included
    hi: int
    num_last: int  # the token after the number itself
    kind: str
    value: float  # the number as written: the 10 of "10-fold", the 74 of "74 percent"
    bound: int | None  # low, else high: what a baseline was ("up from about 300")


@dataclass(frozen=True)
class Comparison:
    """One stated comparison, the figure it belongs to and the figures it consumes."""

    change: Change
    span: Span
    target: int | None  # index of the figure it describes; None when no count is near
    consumed: tuple[int, ...]  # figures that only serve the comparison (the "300" of "from 300")


@dataclass
class _Found:
    change: Change
    first: int
    last: int
    consumed: tuple[int, ...] = ()
    target: int | None = None


def find_comparisons(
    text: str, tokens: Tokens, numbers: list[Number], t: Tables
) -> list[Comparison]:
    """Every comparison in the tokens, each given to the count it compares."""
    found: list[_Found] = []
    starts = {n.lo: i for i, n in enumerate(numbers)}
    # the tokens where a comparison may start, in order; one found skips those it covers
    may_start = [
        k
        for k, w in enumerate(tokens.words)
        if k in starts or w in t.comparison_starters or w.endswith(t.fold_suffix)
    ]
    covered = 0
    for k in may_start:
        if k < covered:
            continue
        c = _from(text, tokens, k, numbers, t) or _factor(text, tokens, k, starts, numbers, t)
        if c is not None:
            found.append(c)
            covered = c.last
    used = {i for c in found for i in c.consumed}
    out = []
    for c in found:
        target = c.target if c.target is not None else _nearest_count(numbers, c, used)
        out.append(Comparison(c.change, tokens.span(c.first, c.last), target, c.consumed))
    return out


def may_compare(tokens: Tokens, kinds: list[str], t: Tables) -> bool:
    """Cheap test: can ``find_comparisons`` find anything? Each comparison needs an intro
    ("up from", "compared to"), "from" after a word of change, "times" or "fold", a factor
    word ("twice", "doubled"), a word ending in "fold" ("tenfold"), or a percentage and a
    word of direction ("a 74 percent decrease")."""
    vocabulary = tokens.vocabulary
    if not vocabulary.isdisjoint(_cues(t)) or t.from_intros.may_occur(tokens):
        return True
    if not vocabulary.isdisjoint(t.from_words) and not vocabulary.isdisjoint(t.change_verbs):
        return True
    if "percent" in kinds and not vocabulary.isdisjoint(_directions(t)):
        return True
    return t.fold_suffix in " ".join(tokens.words)  # "tenfold" (and a few more, harmlessly)


@cache
def _cues(t: Tables) -> frozenset[str]:
    """Words of which one is enough for a comparison: "times", "fold", "twice", "doubled"."""
    return frozenset().union(t.times.keywords, t.fold.keywords, t.factor_words, t.factor_verbs)


@cache
def _directions(t: Tables) -> frozenset[str]:
    """Words of increase or decrease ("up", "fell")."""
    return t.increase_words | t.decrease_words


def change_verb_before(tokens: Tokens, k: int, t: Tables) -> bool:
    """A word of change ("raising", "cut", "increased") a few tokens before token ``k``."""
    return any(w in t.change_verbs for w in tokens.words[max(0, k - t.verb_reach) : k])


def _nearest_count(numbers: list[Number], c: _Found, used: set[int]) -> int | None:
    counts = [i for i, n in enumerate(numbers) if n.kind == "count" and i not in used]
    before = [i for i in counts if numbers[i].hi <= c.first]
    after = [i for i in counts if numbers[i].lo >= c.last]
    return before[-1] if before else (after[0] if after else None)


def _from(text: str, tokens: Tokens, k: int, numbers: list[Number], t: Tables) -> _Found | None:
    """ "up from 300", "an increase from about 300 a day", "compared to 9,533 in 2019"."""
    intro = t.from_intros.at(tokens, k)
    if intro is None and tokens.words[k] in t.from_words and change_verb_before(tokens, k, t):
        intro = PhraseMatch(k, k + 1, None)
    if intro is None:
        return None
    base = next(
        (
            i
            for i, n in enumerate(numbers)
            if intro.last <= n.lo <= intro.last + t.from_gap_max
            and n.kind == "count"
            and all(w.isalpha() for w in tokens.words[intro.last : n.lo])
        ),
        None,
    )
    if base is None:
        return None
    b = numbers[base]
    first = k - 1 if k and tokens.words[k - 1] in t.lex.articles else k
    nxt = base + 1
    gap = tokens.words[b.hi : numbers[nxt].lo] if nxt < len(numbers) else []
    if len(gap) == 1 and gap[0] in t.to_words and numbers[nxt].kind == "count":
        return _Found(Change(from_=b.bound), first, b.hi, (base,), nxt)  # "from 15,000 to 125,000"
    baseline, last = _baseline(text, tokens, b.hi, numbers, t)
    return _Found(Change(from_=b.bound, baseline=baseline), first, last, (base,))


def _factor(
    text: str, tokens: Tokens, k: int, starts: dict[int, int], numbers: list[Number], t: Tables
) -> _Found | None:
    """ "a tenfold increase compared to ...", "twice as many as in 2022", "doubled", "50% more"."""
    w = tokens.words[k]
    i = starts.get(k)
    here = numbers[i] if i is not None else None
    consumed: tuple[int, ...] = ()
    first, last = k, k + 1
    prefix = w[: -len(t.fold_suffix)]
    times = None
    if here is not None:  # "six times", "ten-fold"
        times = t.times.at(tokens, here.hi) or t.fold.at(tokens, here.num_last)
    if w.endswith(t.fold_suffix) and prefix in t.lex.numbers:
        factor = float(t.lex.numbers[prefix])  # "tenfold"
    elif here is not None and i is not None and times is not None:
        factor, consumed, last = here.value, (i,), times.last  # "ten-fold", "six times"
    elif w in t.factor_words and t.baseline_intros.at(tokens, k + 1):
        factor = t.factor_words[w]  # "twice as many as"
    elif w in t.factor_verbs:
        factor = t.factor_verbs[w]  # "doubled"
    elif here is not None and i is not None and here.kind == "percent":
        after = _direction(t, tokens, here.hi)
        before = _direction(t, tokens, here.lo - 1)
        by = here.lo >= 2 and tokens.words[here.lo - 1] in t.by_words
        sign = after or before or (_direction(t, tokens, here.lo - 2) if by else None)
        if sign is None:
            return None  # "90 percent of migrants"
        factor, consumed = round(1 + sign * here.value / 100, 4), (i,)
        last = here.hi + 1 if after else here.hi
        first = here.lo if after else here.lo - 1 if before else here.lo - 2
    else:
        return None
    while last < len(tokens) and _direction(t, tokens, last):
        last += 1  # "tenfold increase"
    if first and tokens.words[first - 1] in t.lex.articles:
        first -= 1
    baseline = None
    intro = t.baseline_intros.at(tokens, last)
    if intro is not None:
        baseline, end = _baseline(text, tokens, intro.last, numbers, t)
        last = max(end, intro.last)
    return _Found(Change(factor=factor, baseline=baseline), first, last, consumed)


def _direction(t: Tables, tokens: Tokens, k: int) -> int | None:
    """+1 for a word of increase at token ``k``, -1 for one of decrease, else None."""
    if k < 0 or k >= len(tokens):
        return None
    w = tokens.words[k]
    return 1 if w in t.increase_words else -1 if w in t.decrease_words else None


def _baseline(
    text: str, tokens: Tokens, b: int, numbers: list[Number], t: Tables
) -> tuple[str | None, int]:
    """The baseline named after a compared number ("in the same period of 2019" -> "same
    period of 2019"), and the token where the comparison ends."""
    rate = t.rates.at(tokens, b)
    b = rate.last if rate is not None else b
    stop = min([n.lo for n in numbers if n.lo > b and n.kind == "count"] + [len(tokens)])
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
        return None, end
    if s >= end:
        return None, end
    return text[tokens.starts[s] : tokens.ends[end - 1]], end


def _content(word: str, t: Tables) -> bool:
    """A word that can end a baseline: not a function word (but "May" the month is)."""
    return word.isalnum() and (word not in t.function_words or word in t.month_words)
