"""Trigger words: where a sentence says that people were moved, stopped, held or ruled on.

The rules live in ``resources/triggers.jsonl``, one a line: ``pattern``, ``type`` (and
``policy_kind``), ``context`` (does a migration word have to be near), ``hints`` (lowercase
strings one of which every match holds: a rule runs only on sentences that contain one),
optionally ``also`` (a second such list: the sentence must hold one of each) and ``whole``
(hints that matches hold as whole words), and flags: ``weak`` (a topic noun), ``act`` (a
policy trigger that is its own act verb), ``object: country`` (a country must follow),
``subject: agent`` (the verb's subject acts on the movers: "the coast guard rescued"),
``named`` (a named operation, a fact beside the acts in its sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache, cached_property

from ahocorasick_rs import AhoCorasick

from passage.extract.geo import find_countries
from passage.model import Span
from passage.regexes import (
    FOLDS_TO_ASCII,
    compile_words,
    literal_prefixes,
    lowered,
    top_level_branches,
    word_automaton,
)
from passage.resources import load_json, load_jsonl

LANG = "en"
CONTEXT_REACH = 120  # a migration word further than this from a trigger is about something else
NEAR_REACH = 60  # for triggers whose object must be migration ("a crackdown on migrants")
# Migration words per 1,000 characters above which migration is a document's topic: in the
# annotated reports, documents below this density rarely hold an event (passing mentions).
TOPIC_DENSITY = 2.0
# Types whose words ("court", "funding", "crackdown", "raids") serve many topics: even in a
# report about migration, their sentence must name migration itself.
SENTENCE_CONTEXT_TYPES = frozenset({"policy", "operation"})
ACT_REACH = 90  # a policy noun needs its act verb ("signed", "ended") within this many characters


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    policy_kind: str | None
    needs_context: bool
    near_context: bool  # the migration word must be near even in a migration report
    weak: bool  # a topic noun: makes an event only with a figure or date, or as extra evidence
    act: bool  # a policy trigger that is an act itself; others need an act verb nearby
    to_country: bool  # counts only when a country is named right after ("returned to Cuba")
    named: bool = False  # a named operation ("Operation Rise") is a fact beside the acts in it
    # the verb's subject acts on the movers ("the coast guard rescued 90 migrants"), it does
    # not move: "officials" before it are no sign that nobody migrated
    agent_subject: bool = False


@dataclass(frozen=True)
class Trigger:
    span: Span
    rule: TriggerRule

    @property
    def type(self) -> str:
        return self.rule.type


@dataclass(frozen=True)
class _Compiled:
    rule: TriggerRule
    source: str  # the rule's pattern, compiled the first time a sentence may hold it
    hints: tuple[str, ...]  # one of these lowercase strings is in every match
    also: tuple[str, ...] = ()  # ... and one of these too (when given)
    whole: tuple[str, ...] = ()  # hints that a match holds only as whole words ("act")

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return compile_words(_boundary_first(self.source), re.IGNORECASE)


@cache
def _compiled(lang: str = LANG) -> tuple[_Compiled, ...]:
    out = []
    for line in load_jsonl("triggers.jsonl"):
        if line["lang"] != lang:
            continue
        rule = TriggerRule(
            id=line["id"],
            type=line["type"],
            policy_kind=line.get("policy_kind"),
            needs_context=line["context"] in ("migration", "near"),
            near_context=line["context"] == "near",
            weak=bool(line.get("weak", False)),
            act=bool(line.get("act", False)),
            to_country=line.get("object") == "country",
            named=bool(line.get("named", False)),
            agent_subject=line.get("subject") == "agent",
        )
        hints, also = tuple(line["hints"]), tuple(line.get("also", ()))
        out.append(_Compiled(rule, line["pattern"], hints, also, tuple(line.get("whole", ()))))
    return tuple(out)


def _boundary_first(pattern: str) -> str:
    """``\\ba|\\bb|...`` as ``\\b(?:a|b|...)``: the same matches, but a position that is
    not a word boundary fails once instead of once per alternative (five times faster on
    the long list of measure nouns)."""
    alternatives = top_level_branches(pattern)
    if len(alternatives) < 2 or not all(a.startswith(r"\b") for a in alternatives):
        return pattern
    return r"\b(?:" + "|".join(a[2:] for a in alternatives) + ")"


@cache
def _rules_by_hint(lang: str = LANG) -> dict[str, tuple[int, ...]]:
    """Each hint string and the rules (by position) it lets through."""
    table: dict[str, list[int]] = {}
    for order, compiled in enumerate(_compiled(lang)):
        for hint in compiled.hints:
            table.setdefault(hint, []).append(order)
    return {hint: tuple(orders) for hint, orders in table.items()}


HINT_PREFIX = 4  # hints are looked up by the first letters of the sentence's words

_WORD = re.compile(r"[a-z0-9$]+")
# the first letters of every word, as the hint index keys them: a whole word is consumed,
# its first letters kept (the same words as a look-behind for a word start, and faster:
# the regex engine skips to the next word's first letter on its own)
_HEAD = re.compile(rf"([a-z0-9$]{{1,{HINT_PREFIX}}})[a-z0-9$]*")


@cache
def _whole_words(lang: str = LANG) -> frozenset[str]:
    """Hints found only as whole words ("act" in "the Act", not in "action"); a hint is
    one or the other for every rule that has it."""
    rules = _compiled(lang)
    whole = {hint for r in rules for hint in r.whole}
    for r in rules:
        if r.whole and not set(r.whole) <= set(r.hints):
            raise ValueError(f"triggers.jsonl {r.rule.id}: whole words must be among its hints")
        mixed = (whole & set(r.hints)) - set(r.whole)
        if mixed:
            raise ValueError(
                f"triggers.jsonl {r.rule.id}: {sorted(mixed)} are whole words elsewhere"
            )
    return frozenset(whole)


@dataclass(frozen=True)
class _HintIndex:
    by_prefix: dict[str, tuple[str, ...]]  # a word's first letters -> hints starting so
    loose: tuple[str, ...]  # short one-word hints, found inside words too: checked directly
    heads: frozenset[str]  # the keys of by_prefix


@cache
def _hint_index(lang: str = LANG) -> _HintIndex:
    by_prefix: dict[str, list[str]] = {}
    loose = []
    whole = _whole_words(lang)
    for hint in _rules_by_hint(lang):
        first = _WORD.match(hint)
        short = first is not None and len(first.group()) < HINT_PREFIX
        if first is None or (short and first.end() == len(hint) and hint not in whole):
            loose.append(hint)  # "$", "bus" (of "buses"), "pay" (of "repaying")
        else:  # "go back" under "go", "h-1b" under "h", "deportation" under "depo", the
            # whole word "act" under "act" (a word's first letters are all its letters)
            by_prefix.setdefault(first.group()[:HINT_PREFIX], []).append(hint)
    return _HintIndex(
        {k: tuple(v) for k, v in by_prefix.items()}, tuple(loose), frozenset(by_prefix)
    )


def _hints_in(lower: str) -> set[str]:
    """The hints a lowercased sentence holds: the loose ones anywhere, the others when a
    word of the sentence opens with their first letters (as the index keys them)."""
    index = _hint_index()
    found = {hint for hint in index.loose if hint in lower}
    for head in index.heads.intersection(_HEAD.findall(lower)):
        for hint in index.by_prefix[head]:
            if hint in lower:
                found.add(hint)
    return found


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789$")  # what _WORD and _HEAD read


MIN_TOPIC_PREFIX = 3  # shorter openings of migration words would be found everywhere


@cache
def _topic_prefixes(lang: str = LANG) -> frozenset[str]:
    """What each migration word opens with (cue "migration_words"): every one of its
    matches starts where one of these occurs. Empty when some are too short to seek."""
    prefixes = literal_prefixes(cue_source("migration_words", lang))
    if prefixes is None or min(map(len, prefixes)) < MIN_TOPIC_PREFIX:
        return frozenset()  # the topic is then read with the regex alone
    return frozenset(prefixes)


@dataclass(frozen=True)
class _HintSearch:
    automaton: AhoCorasick  # every key, all occurrences in one pass
    # per key (by its index): the key, and whether it is a hint, a migration word's
    # opening, a word of the gate
    keys: tuple[tuple[str, bool, bool, bool], ...]


@cache
def _hint_search(lang: str = LANG) -> _HintSearch:
    """Every hint, every opening of a migration word and every word of the gate, found in
    one pass over a text."""
    hints, topic = _rules_by_hint(lang), _topic_prefixes(lang)
    gate = frozenset(load_json("gate.json")[lang]["words"])
    keys = sorted({*hints, *topic, *gate})
    return _HintSearch(
        word_automaton(keys), tuple((k, k in hints, k in topic, k in gate) for k in keys)
    )


@cache
def _head_of(lang: str = LANG) -> dict[str, str]:
    """The first letters each indexed (not loose) hint is keyed by."""
    return {hint: head for head, hints in _hint_index(lang).by_prefix.items() for hint in hints}


@dataclass(frozen=True)
class DocumentScan:
    """A document's kept blocks read in one pass."""

    relevant: bool  # a sign of migration enforcement in one of them (the gate)
    topic: bool  # is migration their topic (about_migration)
    lower: str | None  # the text lowercased; None: that changed its length
    hints: list[tuple[int, int, str]]  # each hint found: first and last index, the hint
    # where a match of cue "migration_context" may start in the blocks, in order; None:
    # not known (search with the regex)
    context: list[int] | None = None

    def sentence_hints(self, spans: Sequence[Span]) -> list[AbstractSet[str]] | None:
        """The hints each sentence holds, the same as :func:`_hints_in` finds in its
        lowercased text; None when offsets into the lowercased text would not line up."""
        lower = self.lower
        if lower is None:
            return None
        inside: dict[int, set[str]] = {}  # sentence -> the hints inside it
        opening: dict[int, set[str]] = {}  # ... and those found opening a word
        i = 0  # the first sentence that ends after the hint: hints come by their end
        for first, last, hint in self.hints:
            while i < len(spans) and spans[i].end <= last:
                i += 1
            if i == len(spans) or first < spans[i].start:
                continue  # across a sentence's edge, or between sentences
            inside.setdefault(i, set()).add(hint)
            if first == spans[i].start or lower[first - 1] not in _WORD_CHARS:
                opening.setdefault(i, set()).add(hint)
        head_of = _head_of()
        found: list[AbstractSet[str]] = [frozenset()] * len(spans)
        for i, hints in inside.items():
            # a hint that opens a word opens it with its head; one seen only inside words
            # ("order" in "border") needs another word with its head, as _hints_in asks;
            # so does a whole word shorter than a head ("act" opens "action" too)
            opened = opening.get(i, frozenset())
            unsure = [
                h for h in hints if h in head_of and (h not in opened or len(h) < HINT_PREFIX)
            ]
            if unsure:
                span = spans[i]
                hints.difference_update(
                    h for h in unsure if not _opens_a_word(lower, head_of[h], span.start, span.end)
                )
            found[i] = hints
        return found


def _opens_a_word(lower: str, head: str, start: int, end: int) -> bool:
    """Is ``head`` the head of a word of ``lower[start:end]``, as :data:`_HEAD` reads
    them (a word's first HINT_PREFIX letters, or all of a shorter word's)?"""
    size = len(head)
    at = lower.find(head, start, end)
    while at >= 0:
        after = at + size
        if (at == start or lower[at - 1] not in _WORD_CHARS) and (
            size >= HINT_PREFIX or after == end or lower[after] not in _WORD_CHARS
        ):
            return True
        at = lower.find(head, at + 1, end)
    return False


def scan_document(text: str, blocks: Sequence[Span]) -> DocumentScan:
    """The gate, the topic and the trigger hints of ``blocks`` (the kept blocks, in
    order), from one Aho-Corasick pass over them.

    The gate and the topic are read block by block, as :func:`relevant` and
    :func:`about_migration` read a text: a migration phrase split across two blocks
    ("homeland" ending one, "security" opening the next) is no phrase.
    """
    lower = lowered(text)
    if len(lower) != len(text) or not blocks:
        texts = [text[b.start : b.end] for b in blocks]
        gate = any(map(relevant, texts))
        return DocumentScan(gate, gate and about_migration(" ".join(texts)), None, [])
    hints: list[tuple[int, int, str]] = []
    topic_starts: list[int] = []  # where a migration word may start
    gate = False
    b = 0  # the first block that ends after the current match: matches come by their end
    search, offset = _hint_search(), blocks[0].start
    for index, first, end in search.automaton.find_matches_as_indexes(
        lower[offset : blocks[-1].end], overlapping=True
    ):
        key, hint, topic_word, gate_word = search.keys[index]
        first, last = offset + first, offset + end - 1
        if hint:
            hints.append((first, last, key))
        if topic_word:
            topic_starts.append(first)
        if gate_word and not gate:
            while b < len(blocks) and blocks[b].end <= last:
                b += 1
            gate = b < len(blocks) and first >= blocks[b].start
    acronyms = _gate().acronyms
    if not gate and not any(acronyms.search(text[b.start : b.end]) for b in blocks):
        return DocumentScan(False, False, lower, [])
    size = sum(b.end - b.start for b in blocks) + len(blocks) - 1  # as joined by spaces
    starts = sorted(set(topic_starts))
    acronym_at = _acronym_starts(text, blocks[0].start, blocks[-1].end)
    if _topic_prefixes():
        topic = _topic_in_blocks(text, lower, blocks, starts, size, acronym_at)
    else:
        topic = about_migration(" ".join(text[b.start : b.end] for b in blocks))
    context = None
    if (
        acronym_at is not None
        and _context_is_known()
        and not any(c in text for c in FOLDS_TO_ASCII)
    ):  # re.IGNORECASE matches "\u017f" to "s", which lowercasing does not give
        context = sorted({*starts, *acronym_at})
    return DocumentScan(True, topic, lower, hints, context)


def _acronym_starts(text: str, start: int, end: int) -> list[int] | None:
    """Where a migration acronym (read case-sensitively) occurs in ``text[start:end]``,
    in order: every match of cue "migration_acronyms" starts at one. None when their
    openings are not known."""
    acronyms = _acronym_openings()
    if acronyms is None:
        return None
    found = []
    for acronym in acronyms:  # every occurrence, overlapping ones too
        at = text.find(acronym, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(acronym, at + 1, end)
    return sorted(found)


@cache
def _acronym_openings(lang: str = LANG) -> tuple[str, ...] | None:
    """What each migration acronym opens with (they are read case-sensitively)."""
    prefixes = literal_prefixes(cue_source("migration_acronyms", lang))
    return None if prefixes is None else tuple(sorted(set(prefixes)))


@cache
def _context_is_known(lang: str = LANG) -> bool:
    """Is cue "migration_context" the migration words (lowercase openings, found in the
    text lowercased) or the acronyms, as the candidate starts assume?"""
    prefixes = _topic_prefixes(lang)
    return (
        load_json("cues.json")[lang]["migration_context"] == _CONTEXT_SHAPE
        and bool(prefixes)
        and all(p == p.lower() for p in prefixes)
    )


_CONTEXT_SHAPE = "(?&migration_words)|(?-i:(?&migration_acronyms))"


def _topic_in_blocks(
    text: str,
    lower: str,
    blocks: Sequence[Span],
    candidates: list[int],
    size: int,
    acronym_starts: list[int] | None = None,
) -> bool:
    """about_migration, block by block, with the migration words tried only where one may
    start (``candidates``, in order): the same matches as scanning every position; and
    the acronyms only where one occurs (``acronym_starts``), when that is known."""
    needed = _topic_needed(size)
    words = cue("migration_words", case=True)
    acronyms = cue("migration_acronyms", case=True)
    found = 0
    for pattern, where, at in ((words, lower, candidates), (acronyms, text, acronym_starts)):
        for b in blocks:
            for _ in _matches(pattern, where, b.start, b.end, at):
                found += 1
                if found >= needed:
                    return True
    return False


_CUE_REFERENCE = re.compile(r"\(\?&(\w+)\)")


def cue_source(name: str, lang: str = LANG) -> str:
    """The pattern text of a cue, with each ``(?&other)`` replaced by cue ``other``'s pattern."""
    table = load_json("cues.json")[lang]
    return _CUE_REFERENCE.sub(lambda ref: f"(?:{cue_source(ref[1], lang)})", table[name])


@cache
def cue(name: str, lang: str = LANG, *, case: bool = False) -> re.Pattern[str]:
    """A compiled cue pattern from ``resources/cues.json`` (case-insensitive unless ``case``)."""
    return compile_words(cue_source(name, lang), 0 if case else re.IGNORECASE)


def compile_all() -> int:
    """Compile every trigger rule and cue now rather than on first use, for a long run
    whose throughput should not include that one-off cost; returns how many there are."""
    rules = _compiled()
    for rule in rules:
        _ = rule.pattern
    names = load_json("cues.json")[LANG]
    for name in names:
        cue(name)
    return len(rules) + len(names)


def find_triggers(
    text: str,
    span: Span,
    about_migration: bool = False,
    context_from: int | None = None,
    measures: set[str] | None = None,
    hints: AbstractSet[str] | None = None,
    context: Sequence[int] | None = None,
) -> list[Trigger]:
    """Triggers inside one sentence; rules needing a migration context get it checked here.

    In a document that is about migration (``about_migration``), the document is
    context enough ("4,000 Tunisians crossed to Italy" needs no migration word).
    ``measures`` are the measure words (lowercase) the document has already used about
    migration: "the order was extended" speaks of the order named before. Words that
    pass the migration check here are added to it. ``hints`` are the sentence's hints
    when :meth:`DocumentScan.sentence_hints` has read them for the whole document, and
    ``context`` where migration words may start (:attr:`DocumentScan.context`).
    """
    rules = _compiled()
    active = _rules_to_run(text, span, hints)
    if not active:
        return []  # most sentences: no rule can match
    hits: list[tuple[int, int, re.Match[str]]] = []
    for order in active:
        pattern = rules[order].pattern
        hits.extend((m.start(), order, m) for m in pattern.finditer(text, span.start, span.end))
    # at one start the longer phrase wins ("expulsion order" is a measure, not "expulsion"),
    # then the rule listed first
    hits.sort(key=lambda hit: (hit[0], -hit[2].end(), hit[1]))
    found: list[Trigger] = []
    taken_until = span.start
    # the sentence with the one before: whether a cue is there is read once per sentence
    window = (span.start if context_from is None else context_from, span.end)
    in_window: dict[str, bool] = {}
    for start, order, m in hits:
        if start < taken_until:
            continue  # overlaps an earlier (or higher-ranked) trigger
        rule = rules[order].rule
        if (
            rule.near_context
            and not cue("definite_before").search(text, max(0, m.start() - 4), m.start())
            and not _near(text, span, m, "migration_context", NEAR_REACH, starts=context)
        ):
            # "China's crackdown in Hong Kong" is on something else; "the crackdown" in a
            # migration report is the one it is about
            continue
        if rule.to_country and not _country_follows(text, m.end(), span.end):
            continue  # "returned to Cuba", not "returned to work"
        if rule.needs_context and not (
            about_migration
            or _near(text, span, m, "migration_context", CONTEXT_REACH, starts=context)
        ):
            continue
        if rule.type in SENTENCE_CONTEXT_TYPES:
            if _in_window("migration_context", text, window, in_window, context):
                if measures is not None and rule.type == "policy":
                    measures.add(m.group(0).lower())
            elif not (about_migration and measures and m.group(0).lower() in measures):
                continue  # courts, funds, bills and bans in a migration report rule on other things too
        if rule.type == "policy" and _in_window("support_services", text, window, in_window):
            continue  # a programme of legal aid or services helps people; it enforces nothing
        if (
            rule.type == "policy"
            and not rule.act
            and not _near(text, span, m, "policy_acts", ACT_REACH, skip=_describes)
        ):
            continue
        found.append(Trigger(Span(m.start(), m.end()), rule))
        taken_until = m.end()
    return found


def _rules_to_run(text: str, span: Span, hints: AbstractSet[str] | None = None) -> list[int]:
    """The rules (by position) that may match in the sentence: one of their hints is in
    it, and one of their second list too where they have one."""
    lower: str | None = None  # the sentence lowercased, once if at all
    if hints is None:
        lower = text[span.start : span.end].lower()
        hints = _hints_in(lower)
    rules, by_hint = _compiled(), _rules_by_hint()
    active = sorted({order for hint in hints for order in by_hint[hint]})
    if any(rules[order].also for order in active):
        if lower is None:
            lower = text[span.start : span.end].lower()  # as the hints were read
        active = [o for o in active if not rules[o].also or any(a in lower for a in rules[o].also)]
    return active


def _in_window(
    name: str,
    text: str,
    window: tuple[int, int],
    seen: dict[str, bool],
    starts: Sequence[int] | None = None,
) -> bool:
    """Does cue ``name`` occur in ``text[window]``? Answers are kept in ``seen``.
    ``starts`` are where its matches may start, when known."""
    if name not in seen:
        seen[name] = next(_matches(cue(name), text, *window, starts), None) is not None
    return seen[name]


def _matches(
    pattern: re.Pattern[str], text: str, start: int, end: int, starts: Sequence[int] | None
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, tried only at ``starts`` (in order) when
    they are given: the same matches, when every match starts at one of them (and none
    is empty)."""
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    taken = start  # finditer's matches do not overlap
    i = bisect_left(starts, start)
    while i < len(starts) and starts[i] < end:
        at = starts[i]
        i += 1
        if at < taken:
            continue
        m = pattern.match(text, at, end)
        if m is not None:
            yield m
            taken = max(m.end(), at + 1)


OBJECT_REACH = 30  # characters after a trigger within which its country must begin


def _country_follows(text: str, start: int, end: int) -> bool:
    found = find_countries(text, start, min(end, start + OBJECT_REACH))
    if not found or cue("country_lead").fullmatch(text, start, found[0].span.start) is None:
        return False
    # "reached the Italian coast", not "reached the Afghan families"
    return found[0].form not in ("adjective", "demonym") or bool(
        cue("place_noun_after").match(text, found[0].span.end)
    )


def _near(
    text: str,
    span: Span,
    m: re.Match[str],
    name: str,
    reach: int,
    skip: Callable[[str, Span, re.Match[str], re.Match[str]], bool] | None = None,
    starts: Sequence[int] | None = None,
) -> bool:
    """Does cue ``name`` occur within ``reach`` characters of the match (inside the sentence)?

    A hit inside the trigger itself does not count: "deportation" is no context for itself;
    nor does a hit ``skip`` rejects. ``starts`` are where the cue's matches may start, when
    known.
    """
    start = max(span.start, m.start() - reach)
    end = min(span.end, m.end() + reach)
    return any(
        not (hit.start() >= m.start() and hit.end() <= m.end())
        and not (skip is not None and skip(text, span, hit, m))
        for hit in _matches(cue(name), text, start, end, starts)
    )


def _describes(text: str, span: Span, act: re.Match[str], measure: re.Match[str]) -> bool:
    """Is an act verb only describing what a measure does ("a program that allows
    migrants to ...", "DACA, which protects ...", "the agreement allows ...")? Present
    tense after a relative pronoun, or with the measure as its subject, says what a
    measure is, not that anyone acted."""
    if (
        measure.end() <= act.start()
        and cue("effect_gap").fullmatch(text, measure.end(), act.start())
        and cue("effect_verbs").match(act.group(0))
    ):
        return True  # "this new policy has allowed many migrants to visit": what it did
    if not act.group(0).endswith("s"):
        return False
    if measure.end() <= act.start() and cue("describing_gap").fullmatch(
        text, measure.end(), act.start()
    ):
        return True
    before = text[max(span.start, act.start() - 24) : act.start()]
    return cue("describing_before").search(before) is not None


def _topic_needed(size: int) -> int:
    """How many migration words a text of ``size`` characters needs to be about migration."""
    return max(1, int(TOPIC_DENSITY * size / 1000))


def about_migration(text: str) -> bool:
    """Is migration the document's topic (not a passing mention)?"""
    needed = _topic_needed(len(text))
    # the same hits as cue "migration_context", found faster: its lowercase words are
    # matched case-sensitively in the lowercased text, its acronyms in the text itself
    words = cue("migration_words", case=True).finditer(text.lower())
    found = 0
    for found, _ in enumerate(words, 1):
        if found >= needed:
            return True
    acronyms = cue("migration_acronyms", case=True).finditer(text)
    return any(n >= needed for n, _ in enumerate(acronyms, found + 1))


@dataclass(frozen=True)
class _Gate:
    words: AhoCorasick  # lowercase substrings, all sought in one pass
    acronyms: re.Pattern[str]  # case-sensitive: "ICE" the agency, not "ice" the weather


@cache
def _gate(lang: str = LANG) -> _Gate:
    data = load_json("gate.json")[lang]
    acronyms = "|".join(re.escape(a) for a in data["acronyms"])
    # compile_words: the engine skips to the acronyms' capitals instead of trying each position
    return _Gate(word_automaton(data["words"]), compile_words(rf"\b(?:{acronyms})\b"))


def relevant(text: str) -> bool:
    """The cheap gate: does the text hold any sign of migration enforcement at all?

    One pass for every word over the lowercased text, and one scan for the acronyms:
    about 50 µs for a 3 KB article, so most of a news stream leaves here almost free.
    """
    gate = _gate()
    found = gate.words.find_matches_as_indexes(lowered(text))
    return bool(found) or gate.acronyms.search(text) is not None
