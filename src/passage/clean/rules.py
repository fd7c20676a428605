"""Clutter and caption rules, loaded once from ``resources/clutter.jsonl``.

Each line of the file is one rule::

    {"kind": "dropped", "reason": "related", "lang": "fr",
     "pattern": "^(?:À |A )?lire aussi\\W*$", "flags": "i",
     "example": "À lire aussi"}

``pattern`` is searched in a block's trimmed text (anchor it with ``^``/``$``);
``flags`` is ``""`` or ``"i"``. Optional keys: ``max_len`` (the rule only
applies to blocks at most this long; defaults below), ``where`` (``"any"``,
``"edge"``: only above the first or below the last paragraph of text,
``"after_first"``: never the first block of text), ``then`` (``"headlines"``:
the short headline-like blocks that follow are dropped too), ``hints`` (below).
``example`` is a text the rule must match; the tests check it.

For speed, the rules of one kind are compiled into one alternation per anchoring
and length tier, so a block costs a few regex calls, not one per rule: a pattern
whose every branch starts with ``^`` is only tried at the start, one whose every
branch ends with ``$`` only near the end. Keep the two kinds in separate rules.
A rule not anchored with ``^`` lists ``hints``: lowercase strings one of which
must occur in the searched text (the block, or its end) before the regex runs.
A block's text is lowercased once for all groups (a ``Probe``).
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Literal

from ahocorasick_rs import AhoCorasick

from passage.regexes import lowered, opening_characters, top_level_branches, word_automaton

RULES_FILE = "clutter.jsonl"
KINDS = ("dropped", "caption")
WHERE = ("any", "edge", "after_first")
THEN = ("headlines",)
FLAGS = ("", "i")
# Why a block is dropped; "blank", "menu", "title_repeat" and "photo_title" come from
# the structural passes in blocks.py, the others from rules.
DROP_REASONS = frozenset(
    {
        "advertisement",
        "blank",
        "byline",
        "comment_form",
        "cookie",
        "copyright",
        "date_line",
        "embed",
        "follow",
        "menu",
        "navigation",
        "newsletter",
        "photo_title",
        "prev_next",
        "promo",
        "related",
        "share",
        "title_repeat",
    }
)
# Which caption rule fired: a photo credit "(AP Photo/...)" or a label "Photo: ...".
CAPTION_REASONS = frozenset({"credit", "label"})
# Clutter is short: a block longer than this is never dropped by a rule unless the
# rule says otherwise (a paragraph that happens to start with "Related" stays).
DEFAULT_MAX_LEN = {"dropped": 200, "caption": 800}

Kind = Literal["dropped", "caption"]
Where = Literal["any", "edge", "after_first"]
Then = Literal["headlines"]
Anchor = Literal["head", "tail", "scan"]
ANCHORS: tuple[Anchor, ...] = ("head", "tail", "scan")
# End-anchored rules (photo credits, "contributed to this report") are searched only
# in a block's last characters: no credit or link that ends a block is longer.
TAIL_CHARS = 200
# Characters from most to least frequent in news text (English, French, Spanish); any
# other is rarer still. Hints are looked for at their rarest character (fewer tries).
FREQUENT_CHARACTERS = " etaoinsrhldcu,.mfpgwybvkxjqz"


@dataclass(frozen=True)
class Rule:
    """One line of the rules file, with its pattern compiled."""

    kind: Kind
    reason: str
    lang: str
    pattern: str
    flags: str
    max_len: int
    where: Where
    then: Then | None
    example: str
    line: int  # 1-based line in the rules file
    anchor: Anchor
    hints: tuple[str, ...]  # lowercase; one must occur for a tail or scan rule to run
    regex: re.Pattern[str]

    def applies(self, probe: Probe, *, edge: bool, first: bool) -> bool:
        """Whether this rule fires on a block (its trimmed text) at its position."""
        if len(probe.text) > self.max_len:
            return False
        if self.where == "edge" and not edge:
            return False
        if self.where == "after_first" and first:
            return False
        hints = _hint_regex(self.hints), frozenset(self.hints)
        return _find(self.regex, self.anchor, *hints, probe) is not None


class Probe:
    """A block's trimmed text, and the lowercased windows of it that hints are searched
    in, each made once however many rule groups ask; or the hints it holds, when the
    whole document was searched for them at once (:meth:`RuleSet.hints_in`)."""

    __slots__ = ("_tail", "_whole", "found", "text")

    def __init__(self, text: str, found: dict[str, int] | None = None) -> None:
        self.text = text
        self.found = found  # every hint in the text -> where it last starts; None: not known
        self._whole: str | None = None
        self._tail: str | None = None

    def lowered(self, start: int) -> str:
        """``text[start:]`` lowercased; ``start`` is 0 or where the tail window starts."""
        if start:
            if self._tail is None:
                self._tail = self.text[start:].lower()
            return self._tail
        if self._whole is None:
            self._whole = self.text.lower()
        return self._whole


class _Combined:
    """Rules of one anchoring, compiled into one alternation per length tier."""

    def __init__(self, rules: list[tuple[int, Rule]], anchor: Anchor) -> None:
        self.anchor = anchor
        self.words = frozenset(h for _, r in rules for h in r.hints)
        self.hints = _hint_regex(tuple(h for _, r in rules for h in r.hints))
        self.tiers = sorted({r.max_len for _, r in rules})
        branches = [(r.max_len, _branch(i, r)) for i, r in rules]
        self.regexes = [
            re.compile("|".join(b for max_len, b in branches if max_len >= tier))
            for tier in self.tiers
        ]

    def find(self, probe: Probe) -> int | None:
        """Index (in the group) of the first rule that matches the block, if any."""
        tier = bisect_left(self.tiers, len(probe.text))
        if tier == len(self.tiers):
            return None
        found = _find(self.regexes[tier], self.anchor, self.hints, self.words, probe)
        return None if found is None else int(found.lastgroup[1:])  # type: ignore[index]


def _branch(index: int, rule: Rule) -> str:
    """A rule's branch in a combined regex, named after its index. A rule that can only
    open with a few characters checks the next one before its pattern: most positions
    fail that at once (same matches: the pattern cannot match without one of them)."""
    named = f"(?P<r{index}>{_scoped(rule)})"
    openers = _openers(rule)
    if openers is None:
        return named
    return "(?=[" + "".join(map(re.escape, sorted(openers))) + "])" + named


def _openers(rule: Rule) -> set[str] | None:
    """Every character a rule's match can start with, or None when its pattern opens
    with something other than plain characters (a class, a repeat, a look-ahead)."""
    openers: set[str] = set()
    for branch in top_level_branches(rule.pattern):
        found = opening_characters(branch.removeprefix("^"), "i" in rule.flags)
        if found is None:
            return None
        openers |= found
    return openers


class RuleGroup:
    """Rules of one kind and placement. A block costs one regex call per anchoring:
    start-anchored rules are tried first, then end-anchored, then the others; within
    one anchoring the leftmost match wins, then file order."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        numbered = list(enumerate(rules))
        self._combined = [
            _Combined([(i, r) for i, r in numbered if r.anchor == anchor], anchor)
            for anchor in ANCHORS
            if any(r.anchor == anchor for r in rules)
        ]

    def match(self, block: str | Probe, *, edge: bool = True, first: bool = False) -> Rule | None:
        """The rule that fires on a block (its trimmed text) at its position, if any."""
        probe = block if isinstance(block, Probe) else Probe(block)
        for combined in self._combined:
            index = combined.find(probe)
            if index is None:
                continue
            rule = self.rules[index]
            if rule.applies(probe, edge=edge, first=first):
                return rule
            # Rare: the rule found first is excluded here by its position; try the rest.
            return next((r for r in self.rules if r.applies(probe, edge=edge, first=first)), None)
        return None


@dataclass(frozen=True)
class RuleSet:
    """All rules, grouped the way blocks.py applies them."""

    rules: list[Rule]
    dropped: RuleGroup  # where "any" or "after_first"
    dropped_edge: RuleGroup  # where "edge"
    caption: RuleGroup

    @cached_property
    def _hints(self) -> tuple[AhoCorasick, tuple[str, ...]]:
        words = tuple(sorted({h for rule in self.rules for h in rule.hints}))
        return word_automaton(words), words

    def hints_in(self, text: str, spans: Sequence[tuple[int, int]]) -> list[dict[str, int]] | None:
        """For each span of ``text`` (in order, not overlapping), every hint inside it and
        where it last starts (from the span's start), found in one pass over the text
        lowercased. None when lowercasing would not keep the offsets (it changes the
        length, or a capital sigma's form depends on what follows it)."""
        lower = lowered(text)
        if len(lower) != len(text) or "\u03a3" in text:
            return None
        automaton, words = self._hints
        found: list[dict[str, int]] = [{} for _ in spans]
        i = 0  # the first span that ends at or after the match: matches come by their end
        for index, first, end in automaton.find_matches_as_indexes(lower, overlapping=True):
            while i < len(spans) and spans[i][1] < end:
                i += 1
            if i == len(spans):
                break
            start = spans[i][0]
            if first >= start:
                found[i][words[index]] = first - start
        return found


def _find(
    regex: re.Pattern[str],
    anchor: Anchor,
    hints: re.Pattern[str],
    words: frozenset[str],
    probe: Probe,
) -> re.Match[str] | None:
    """The rules' match in the block, tried only when one of their hints (``hints``, as
    one regex; ``words``, the strings) is in the text searched."""
    text = probe.text
    if anchor == "head":
        return regex.match(text)
    start = len(text) - TAIL_CHARS if anchor == "tail" and len(text) > TAIL_CHARS else 0
    # Looking for a few literal strings is far cheaper than trying every rule at
    # every position; most blocks hold none of them.
    found = probe.found
    if found is not None:
        if not any(at >= start for word, at in found.items() if word in words):
            return None
    elif hints.search(probe.lowered(start)) is None:
        return None
    return regex.search(text, start)


@cache
def _hint_regex(hints: tuple[str, ...]) -> re.Pattern[str]:
    """Whether any hint occurs, as one regex; a hint that contains another adds nothing.

    The engine skips in C to the next position holding a character a branch opens
    with, and tries the branches there: so each hint is looked for at its rarest
    character and checked around it by a look-behind (same matches: the hint occurs
    exactly where its rarest character has the rest of it on both sides)."""
    needed = {h for h in hints if not any(o != h and o in h for o in hints)}
    if not needed:
        return re.compile("")  # no hints: always run
    around: dict[str, list[str]] = {}
    for hint in sorted(needed):
        at = max(range(len(hint)), key=lambda i: _rarity(hint[i]))
        behind = f"(?<={re.escape(hint[: at + 1])})" if at else ""
        around.setdefault(hint[at], []).append(behind + re.escape(hint[at + 1 :]))
    branches = [re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in around.items()]
    return re.compile("(?:" + "|".join(branches) + ")")


def _rarity(char: str) -> int:
    found = FREQUENT_CHARACTERS.find(char)
    return len(FREQUENT_CHARACTERS) if found < 0 else found


def anchoring(pattern: str) -> Anchor:
    """How a pattern is anchored: ``head`` if every top-level branch starts with
    ``^``, ``tail`` if every one ends with ``$`` (searched near the end only), else
    ``scan``."""
    branches = top_level_branches(pattern)
    if all(b.startswith("^") for b in branches):
        return "head"
    if all(b.endswith("$") and not b.endswith("\\$") for b in branches):
        return "tail"
    return "scan"


def _scoped(rule: Rule) -> str:
    return f"(?i:{rule.pattern})" if "i" in rule.flags else f"(?:{rule.pattern})"


def parse_rule(record: dict[str, object], line: int) -> Rule:
    """Build a rule from one decoded line; raise ValueError naming the line if invalid."""
    where = f"{RULES_FILE} line {line}"
    known = {
        *("kind", "reason", "lang", "pattern", "flags"),
        *("max_len", "where", "then", "hints", "example"),
    }
    if unknown := set(record) - known:
        raise ValueError(f"{where}: unknown keys {sorted(unknown)}")
    kind = record.get("kind")
    if kind not in KINDS:
        raise ValueError(f"{where}: kind must be one of {KINDS}, not {kind!r}")
    reason = str(record.get("reason"))
    if reason not in (DROP_REASONS if kind == "dropped" else CAPTION_REASONS):
        raise ValueError(f"{where}: unknown {kind} reason {reason!r}")
    flags = str(record.get("flags", ""))
    if flags not in FLAGS:
        raise ValueError(f"{where}: flags must be one of {FLAGS}")
    placement = record.get("where", "any")
    if placement not in WHERE:
        raise ValueError(f"{where}: where must be one of {WHERE}")
    then = record.get("then")
    if then is not None and then not in THEN:
        raise ValueError(f"{where}: then must be one of {THEN}")
    pattern = str(record.get("pattern", ""))
    try:
        regex = re.compile(pattern, re.IGNORECASE if flags == "i" else 0)
    except re.error as exc:
        raise ValueError(f"{where}: pattern does not compile: {exc}") from exc
    if regex.groupindex:
        raise ValueError(f"{where}: named groups are reserved; use (?:...)")
    anchor = anchoring(pattern)
    hints = record.get("hints", [])
    if not isinstance(hints, list) or not all(isinstance(h, str) and h for h in hints):
        raise ValueError(f"{where}: hints must be a list of non-empty strings")
    if anchor != "head" and not hints:
        raise ValueError(f"{where}: a pattern not anchored with ^ needs hints")
    max_len = record.get("max_len", DEFAULT_MAX_LEN[str(kind)])
    if not isinstance(max_len, int) or max_len <= 0:
        raise ValueError(f"{where}: max_len must be a positive integer")
    return Rule(
        kind=kind,  # type: ignore[arg-type]
        reason=reason,
        lang=str(record.get("lang")),
        pattern=pattern,
        flags=flags,
        max_len=max_len,
        where=placement,  # type: ignore[arg-type]
        then=then,  # type: ignore[arg-type]
        example=str(record.get("example", "")),
        line=line,
        anchor=anchor,
        hints=tuple(h.lower() for h in hints),
        regex=regex,
    )


def read_rules(text: str) -> list[Rule]:
    """Parse the rules file's text (JSONL; blank lines allowed)."""
    rules = []
    for line, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{RULES_FILE} line {line}: not JSON: {exc}") from exc
        rules.append(parse_rule(record, line))
    return rules


@cache
def load_rules() -> RuleSet:
    """The packaged rules, parsed and compiled once per process."""
    text = resources.files("passage.resources").joinpath(RULES_FILE).read_text("utf-8")
    rules = read_rules(text)
    return RuleSet(
        rules=rules,
        dropped=RuleGroup([r for r in rules if r.kind == "dropped" and r.where != "edge"]),
        dropped_edge=RuleGroup([r for r in rules if r.kind == "dropped" and r.where == "edge"]),
        caption=RuleGroup([r for r in rules if r.kind == "caption"]),
    )
