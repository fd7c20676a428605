"""What a count counts: the noun phrase after it, its rate, whether it is a running total.

"between 8,000 and 10,000 Afghans are leaving for Afghanistan each day": the noun is
"Afghans" (up to the plural head), the rate "each day" (attached to the figure or later
in its clause); "more than 140,000 people have left since the deadline" is a running
total, as is "Since early September, ... over 3,400 migrants".
"""

from __future__ import annotations

from passage.extract.numbers import Tokens
from passage.extract.phrases import CLAUSE_MARKS, PhraseMatch, Tables
from passage.model import Span

MAX_NOUN_WORDS = 4  # "unaccompanied migrant children": longer runs are clauses, not nouns
RATE_REACH = 12  # tokens after a figure within which "each day" still belongs to it
TIME_WORDS = 6  # "since the start of the year"


def noun_phrase(
    text: str, tokens: Tokens, after: int, others: dict[int, int], single: bool, t: Tables
) -> PhraseMatch | None:
    """The tokens of the noun phrase counted by a figure ending at token ``after``.

    ``others`` maps the first token of every number in the sentence to the token after
    it ("14 of the 24 suicide bombings" reads past the 24). A phrase ends at its plural
    head ("Chinese migrants attempting" -> "Chinese migrants"); without one, only a
    count of one has a noun ("one man"), and "the 15,000 figure" has none.
    """
    j, n = after, len(tokens)
    if t.rates.at(tokens, j) is not None:
        return None
    if j < n and tokens.words[j] in t.of_words:
        j += 1
        while j < n and tokens.words[j] in t.of_determiners:
            j += 1
        j = others.get(j, j)
    words: list[tuple[int, int]] = []
    head: int | None = None
    k = j
    while k < n and len(words) < MAX_NOUN_WORDS:
        w = tokens.words[k]
        if not w.isalpha() or k in others or t.rates.at(tokens, k) is not None:
            break
        if not words and w in t.noun_premodifiers and k + 1 < n and tokens.words[k + 1].isalpha():
            k += 1  # "eight other states", "300 more migrants": the noun follows
            continue
        if w in t.function_words and not _acronym(text, tokens, k):
            nxt = tokens.words[k + 1] if k + 1 < n else ""
            if w in t.noun_joiners and words and head is None and nxt.isalpha():
                k += 1  # "unaccompanied and underage deportees"
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
    if head is None and not single:
        return None  # "the 15,000 figure", "11,721 remain active"
    if head is None:
        verbs = (i for i, (_, e) in enumerate(words) if t.is_verb_form(tokens.words[e - 1]))
        head = next(verbs, len(words))
    return PhraseMatch(words[0][0], words[head - 1][1], None) if head else None


def rate(
    tokens: Tokens, lo: int, hi: int, after: int, clause: int, t: Tables
) -> PhraseMatch | None:
    """ "each day", "a year", "annually": right after the number (token ``hi``), after its
    noun (token ``after``) or later in its clause, or leading up to the number (token
    ``lo``: "Each day, 8,000 ...", "admitted annually to 125,000"); not "a year ago",
    "for a year"."""
    if t.rate_nouns.may_occur(tokens):
        noun = _rate_noun_before(tokens, lo, t)
        if noun is not None:
            return noun
    if not t.rates.may_occur(tokens):
        return None  # no rate phrase anywhere in the sentence
    lead = _rate_before(tokens, lo, t)
    if lead is not None:
        return lead
    for k in [hi, after, *range(after + 1, min(clause, after + RATE_REACH))]:
        found = t.rates.at(tokens, k, clause)
        if found is None:
            continue
        before = tokens.words[found.first - 1] if found.first > hi else ""
        following = tokens.words[found.last] if found.last < len(tokens) else ""
        if before not in t.rate_blockers_before and following not in t.rate_blockers_after:
            return found
    return None


RATE_NOUN_REACH = 10  # tokens before a figure within which "the refugee cap" makes it a rate


def _rate_noun_before(tokens: Tokens, lo: int, t: Tables) -> PhraseMatch | None:
    """A noun that names a rate ("the refugee cap", a yearly ceiling, set ... to 125,000)
    earlier in the number's clause."""
    for k in range(lo - 1, max(0, lo - RATE_NOUN_REACH) - 1, -1):
        if tokens.words[k] in CLAUSE_MARKS and not _inside_numeral(tokens, k):
            break
        found = t.rate_nouns.at(tokens, k, lo)
        if found is not None:
            return found
    return None


def _rate_before(tokens: Tokens, lo: int, t: Tables) -> PhraseMatch | None:
    """A rate leading up to the number: "Each day, 8,000 ...", "admitted annually to
    125,000"."""
    for k in range(max(0, lo - 4), lo):
        found = t.rates.at(tokens, k, lo)
        if found is None or " ".join(tokens.words[found.last : lo]) not in t.rate_lead_gaps:
            continue
        before = tokens.words[k - 1] if k else ""
        if before not in t.rate_blockers_before:
            return found
    return None


def _inside_numeral(tokens: Tokens, k: int) -> bool:
    """Is token ``k`` the separator of a numeral ("15,000" reads as "15", ",", "000")?"""
    words = tokens.words
    return 0 < k < len(words) - 1 and words[k - 1].isdigit() and words[k + 1].isdigit()


def cumulative_after(tokens: Tokens, after: int, clause: int, t: Tables) -> Span | None:
    """A running-total marker later in the figure's clause: "so far", "since the deadline"."""
    if not t.cumulative_after.may_occur(tokens):
        return None
    firsts = t.cumulative_after.first_words
    for k in range(after, clause):
        if tokens.words[k] not in firsts:
            continue  # no marker starts here: ``at`` would find none
        marker = t.cumulative_after.at(tokens, k, clause)
        span = _marker_span(tokens, marker, clause, t) if marker else None
        if span is not None:
            return span
    return None


def cumulative_before(tokens: Tokens, floor: int, lo: int, t: Tables) -> Span | None:
    """A running-total marker before the figure (from token ``floor``, not across ";"):
    "So far, ...", "a total of 300", "Since early September, ... over 3,400"."""
    if not t.cumulative_before.may_occur(tokens):
        return None
    firsts = t.cumulative_before.first_words
    floor = max([floor, *(k + 1 for k in range(floor, lo) if tokens.words[k] == ";")])
    for k in range(floor, lo):
        if tokens.words[k] not in firsts:
            continue  # no marker starts here: ``at`` would find none
        marker = t.cumulative_before.at(tokens, k, lo)
        span = _marker_span(tokens, marker, lo, t) if marker else None
        if span is None:
            continue
        nxt = tokens.at(span.end)
        if nxt >= len(tokens) or tokens.words[nxt] not in t.since_blockers:
            return span  # not "since 2006 when some 39,000 landed"
    return None


def clause_end(tokens: Tokens, k: int, stop: int) -> int:
    """The first clause mark (",", ";", "(", ...) at or after token ``k``, or ``stop``."""
    while k < stop and tokens.words[k] not in CLAUSE_MARKS:
        k += 1
    return k


def _marker_span(tokens: Tokens, marker: PhraseMatch, stop: int, t: Tables) -> Span | None:
    """The marker's span; "since" and "as of" take the time they name, or are no marker."""
    if not marker.value:
        return tokens.span(marker.first, marker.last)
    k = marker.last
    if k >= stop or not (tokens.words[k] in t.time_heads or t.is_year_word(tokens.words[k])):
        return None  # "since they had no papers"
    end = k
    while end < stop and end - k < TIME_WORDS:
        w = tokens.words[end]
        if w not in t.time_span_words and (not w.isalnum() or w in t.function_words):
            break
        end += 1
    while end > k + 1 and tokens.words[end - 1] in t.time_span_words:
        end -= 1
    return tokens.span(marker.first, end)


def _word_end(tokens: Tokens, k: int) -> int:
    """The token after a word that may be hyphenated or dotted: "asylum-seeking", "COVID-19",
    "U.S." (tokens glued by "-", or by "." after a single letter)."""
    words, starts, ends, e = tokens.words, tokens.starts, tokens.ends, k + 1
    while e < len(words) and starts[e] == ends[e - 1] and words[e] in "-.":
        dotted = words[e] == "." and len(words[e - 1]) == 1
        if dotted and (e + 1 == len(words) or starts[e + 1] != ends[e]):
            return e + 1  # the final dot of "U.S."
        glued_next = e + 1 < len(words) and starts[e + 1] == ends[e] and words[e + 1].isalnum()
        if glued_next and (words[e] == "-" or (dotted and len(words[e + 1]) == 1)):
            e += 2
            continue
        break
    return e


def _acronym(text: str, tokens: Tokens, k: int) -> bool:
    """ "US", "IT": capitals that only look like a function word."""
    s, e = tokens.starts[k], tokens.ends[k]
    return e - s > 1 and text[s:e].isupper()
