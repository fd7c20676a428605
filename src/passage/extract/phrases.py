"""Phrases around numbers, matched on tokens: the tables of ``resources/numbers.json``.

A ``PhraseTable`` finds the longest data phrase that starts at, or ends just before, a
token ("more than" before a number, "each day" after it). ``Tables`` holds every table
the figure modules read (qualifiers, rates, units, running-total markers, comparison
words), compiled once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from passage.extract.numbers import TOKEN, Lexicon, Tokens, lexicon, tokenize


@dataclass(frozen=True)
class PhraseMatch:
    first: int  # token index where the phrase starts
    last: int  # token index just after it
    value: Any


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    glued: tuple[int, ...]  # i: words i and i+1 are written without a space ("us$", "-year")
    value: Any


class PhraseTable:
    """Phrases as token sequences, for longest-match lookup at or before a token.

    Words match case-insensitively and across any spacing, except that words written
    without a space in the phrase ("us$", "-year-old") must be glued in the text too.
    """

    def __init__(self, entries: dict[str, Any]) -> None:
        self._by_first: dict[str, list[_Phrase]] = {}
        self._by_last: dict[str, list[_Phrase]] = {}
        # one word of each phrase (its longest) -> the phrases' sets of words
        self._by_keyword: dict[str, set[frozenset[str]]] = {}
        for text, value in entries.items():
            found = list(TOKEN.finditer(text))
            words = tuple(m.group().lower() for m in found)
            glued = tuple(
                i for i in range(len(found) - 1) if found[i].end() == found[i + 1].start()
            )
            phrase = _Phrase(words, glued, value)
            self._by_keyword.setdefault(max(words, key=len), set()).add(frozenset(words))
            self._by_first.setdefault(words[0], []).append(phrase)
            self._by_last.setdefault(words[-1], []).append(phrase)
        for table in (self._by_first, self._by_last):
            for options in table.values():
                options.sort(key=lambda option: -len(option.words))
        self.keywords = frozenset(self._by_keyword)  # text holding none of them holds no phrase
        self.first_words = frozenset(self._by_first)

    def may_occur(self, tokens: Tokens) -> bool:
        """Cheap test: can a phrase of the table occur anywhere in ``tokens`` (are all the
        words of one of its phrases there)?"""
        vocabulary = tokens.vocabulary
        if self.keywords.isdisjoint(vocabulary):
            return False  # the common case, without building the intersection
        for keyword in self.keywords.intersection(vocabulary):
            if any(words <= vocabulary for words in self._by_keyword[keyword]):
                return True
        return False

    def at(self, tokens: Tokens, i: int, stop: int | None = None) -> PhraseMatch | None:
        """The longest phrase that starts at token ``i`` (and ends by ``stop``)."""
        words = tokens.words
        stop = len(words) if stop is None else stop
        options = self._by_first.get(words[i]) if i < stop else None
        if options is None:
            return None
        end = min(stop, len(words))  # the phrase must fit in the sentence too
        for phrase in options:
            n = len(phrase.words)
            # the first word is the one looked up; the second, compared here, rules out most
            if i + n <= end and (
                n == 1 or (words[i + 1] == phrase.words[1] and _matches(tokens, i, phrase))
            ):
                return PhraseMatch(i, i + n, phrase.value)
        return None

    def ending(self, tokens: Tokens, j: int, floor: int = 0) -> PhraseMatch | None:
        """The longest phrase that ends just before token ``j`` (and starts at ``floor`` or later)."""
        words = tokens.words
        options = self._by_last.get(words[j - 1]) if floor < j <= len(words) else None
        if options is None:
            return None
        for phrase in options:
            n = len(phrase.words)
            # the last word is the one looked up; the one before, compared here, rules out most
            if j - n >= floor and (
                n == 1 or (words[j - 2] == phrase.words[-2] and _matches(tokens, j - n, phrase))
            ):
                return PhraseMatch(j - n, j, phrase.value)
        return None


def _matches(tokens: Tokens, first: int, phrase: _Phrase) -> bool:
    """The phrase's words from token ``first``, glued where the phrase is written glued."""
    if tuple(tokens.words[first : first + len(phrase.words)]) != phrase.words:
        return False
    return all(tokens.ends[first + g] == tokens.starts[first + g + 1] for g in phrase.glued)


@dataclass(frozen=True)
class RangeOpener:
    join: str  # the word between the two ends: "and" of "between ... and"
    may_be_change: bool  # "from 15,000 to 125,000" after "raising" is a change, not a range


CLAUSE_MARKS = frozenset(',;:()[]{}—!?"“”')  # punctuation that closes a clause


class Tables:
    """The phrases around figures (qualifiers, rates, units, comparisons) of one language."""

    def __init__(self, lex: Lexicon) -> None:
        data, kinds, changes = lex.data, lex.data["kinds"], lex.data["changes"]
        self.lex = lex

        def table(phrases: list[str], value: Any = True) -> PhraseTable:
            return PhraseTable(dict.fromkeys(phrases, value))

        self.qualifiers = PhraseTable({q["phrase"]: q["effect"] for q in data["qualifiers"]})
        self.shares = PhraseTable({q["phrase"]: q["share"] for q in data["shares"]})
        self.post_qualifiers = PhraseTable(
            {q["phrase"]: q["effect"] for q in data["post_qualifiers"]}
        )
        self.range_openers = PhraseTable(
            {
                r["phrase"]: RangeOpener(r["join"], r["may_be_change"])
                for r in data["ranges"]["openers"]
            }
        )
        self.range_separators = frozenset(data["ranges"]["separators"])
        self.range_openers_words = [tokenize(r["phrase"])[-1] for r in data["ranges"]["openers"]]
        self.rates = PhraseTable({r["phrase"]: r["per"] for r in data["rates"]})
        self.rate_blockers_after = frozenset(data["rate_blockers_after"])
        self.rate_blockers_before = frozenset(data["rate_blockers_before"])
        self.rate_lead_gaps = frozenset(data["rate_lead_gaps"])
        self.rate_nouns = PhraseTable({r["phrase"]: r["per"] for r in data["rate_nouns"]})
        markers = data["cumulative"]
        self.cumulative_after = PhraseTable(
            {m["phrase"]: m.get("needs_time", False) for m in markers if m["where"] != "before"}
        )
        self.cumulative_before = PhraseTable(
            {m["phrase"]: m.get("needs_time", False) for m in markers if m["where"] != "after"}
        )
        self.time_heads = frozenset(data["time_heads"]) | frozenset(data["months"])
        self.since_blockers = frozenset(data["since_blockers"])
        self.time_span_words = frozenset(data["time_span_words"])
        self.months = table([p for m in data["months"] for p in (m, f"{m}.")])
        self.month_words = frozenset(data["months"])
        self.money_before = table(kinds["money_before"])
        self.age_before = table(kinds["age_before"])
        self.victims_before = table(kinds["victims_before"])
        self.other_before = table(kinds["other_before"])
        self.year_before = table(kinds["year_before"])
        self.fold = table(changes["fold_words"])
        self.right_kinds: list[tuple[PhraseTable, str]] = [
            (table(kinds["percent_after"]), "percent"),
            (table(kinds["money_after"]), "money"),
            (table(kinds["age_after"]), "age"),
            (self.fold, "other"),
            (table(kinds["time_after"]), "time"),
            (table(kinds["measure_after"]), "measure"),
            (table(kinds["fraction_after"]), "other"),
            (table(kinds["duration_after"]), "duration"),
        ]
        self.year_min, self.year_max = kinds["year_min"], kinds["year_max"]
        self.age_comma_max = kinds["age_comma_max"]
        self.function_words = frozenset(data["function_words"])
        self.plural_heads = frozenset(data["plural_heads"])
        self.plural_suffixes = tuple(data["plural_suffixes"])
        self.singular_suffixes = tuple(data["singular_suffixes"])
        self.verb_endings = tuple(data["verb_endings"])
        self.noun_joiners = frozenset(data["noun_joiners"])
        self.noun_premodifiers = frozenset(data["noun_premodifiers"])
        self.of_determiners = frozenset(data["of_determiners"])
        self.collectives = frozenset(data["collectives"])
        self.of_words = frozenset(data["of_words"])
        self.list_links = table(data["list_links"])
        self.compound_counts = frozenset(data["compound_counts"])
        self.share_links = table(data["share_links"])
        self.one_words = frozenset(w for w, v in lex.units.items() if v == 1)
        self.one_not_after = frozenset(data["pronoun_one"]["not_after"])
        self.one_not_before = frozenset(data["pronoun_one"]["not_before"])
        self.factor_words: dict[str, float] = changes["factor_words"]
        self.factor_verbs: dict[str, float] = changes["factor_verbs"]
        self.fold_suffix: str = changes["fold_suffix"]
        self.from_words = frozenset(changes["from_words"])
        self.to_words = frozenset(changes["to_words"])
        self.times = table(changes["times_words"])
        self.increase_words = frozenset(changes["increase_words"])
        self.decrease_words = frozenset(changes["decrease_words"])
        self.by_words = frozenset(changes["by_words"])
        self.from_intros = table(changes["from_intros"])
        self.from_gap_max: int = changes["from_gap_max"]
        self.baseline_intros = table(changes["baseline_intros"])
        self.baseline_leads = frozenset(changes["baseline_leads"])
        self.change_verbs = frozenset(changes["change_verbs"])
        self.verb_reach: int = changes["verb_reach"]
        self.comparison_starters = frozenset(
            [
                *(tokenize(p)[0] for p in changes["from_intros"]),
                *self.factor_words,
                *self.factor_verbs,
                *self.range_openers_words,
            ]
        )

    def links_list(self, tokens: Tokens, i: int, j: int) -> bool:
        """Tokens ``[i, j)`` join two items of a list: ",", "and", ", and"."""
        link = self.list_links.at(tokens, i, j)
        return link is not None and link.last == j

    def is_plural(self, word: str) -> bool:
        """A word that can end a noun phrase of several: "migrants", "fishermen", "Chinese"."""
        if word in self.plural_heads:
            return True
        return (
            len(word) > 3
            and word.endswith(self.plural_suffixes)
            and not word.endswith(self.singular_suffixes)
        )

    def is_year(self, value: float) -> bool:
        return self.year_min <= value <= self.year_max

    def is_year_word(self, word: str) -> bool:
        """A token of four digits in the year range ("2021")."""
        return word.isdigit() and len(word) == 4 and self.is_year(int(word))

    def is_verb_form(self, word: str) -> bool:
        """ "attempting", "arrested": where a noun phrase without a plural head stops."""
        return word.endswith(self.verb_endings)


@cache
def tables(lang: str = "en") -> Tables:
    """The compiled phrase tables of one language."""
    return Tables(lexicon(lang))
