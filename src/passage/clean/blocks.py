"""Split a flattened page into blocks and say which are article text.

A block is one paragraph of the original text: a line, or, inside a long line,
a run of text between two or more spaces (pages flattened to one line keep
their paragraphs apart that way). Whitespace between paragraphs becomes a
dropped "blank" block, so the blocks tile the text exactly.

Classification runs in passes, cheapest knowledge first:

1. rules from ``clutter.jsonl`` (dropped or caption), with related-story lists
   ("Read also" and the headlines after it);
2. menus: runs of short items above the first or below the last paragraph;
3. photo titles: a short line just before a caption;
4. title repeats: a later copy of the first line of text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise

from passage.clean.rules import Probe, Rule, RuleSet, load_rules
from passage.model import Block
from passage.spaces import double_spaces

# A paragraph: non-space runs joined by single horizontal spaces. Line breaks and
# runs of two or more spaces end it.
_PARAGRAPH = re.compile(r"\S+(?:[ \t\u00a0\u2009\u202f\u3000]\S+)*")
_BULLET = re.compile(r"^[•·▪◦►▸*\-–—|>]+\s*")
_SENTENCE_END = (".", "!", "?", ";", ":", ",", '"', "”", "»", "…")

# A block of at least this many words is running text: it ends the top "edge" zone
# where menus live and starts the bottom one after the last such block.
SUBSTANTIAL_WORDS = 8
# Menu items are short: a few words ("Home", "World news", "To change location").
MENU_ITEM_MAX_WORDS = 3
MENU_ITEM_MAX_CHARS = 40
# One or two short lines at the top are a headline and a kicker; three are a menu.
MENU_MIN_RUN = 3
MENU_MIN_BULLET_RUN = 2
# A photo title is a short label ("Police arrest immigrants in Pakistan").
PHOTO_TITLE_MAX_WORDS = 8
# Headlines listed after "Read also": at most this many, each at most this long.
RELATED_MAX_ITEMS = 6
RELATED_HEADLINE_MAX_CHARS = 160


@dataclass(slots=True)
class _Draft:
    """A block while passes still change it."""

    start: int
    end: int
    text: str  # the trimmed text, "" for whitespace
    kind: str = "body"
    reason: str | None = None
    words: int = 0
    hints: dict[str, int] | None = None  # the rules' hints in the text (None: not known)

    def freeze(self) -> Block:
        return Block(self.start, self.end, self.kind, self.reason)  # type: ignore[arg-type]


def segment(text: str) -> list[_Draft]:
    """Paragraph and whitespace drafts that tile ``text`` in order."""
    drafts: list[_Draft] = []
    pos = 0
    for start, end in _paragraphs(text):
        if start > pos:
            drafts.append(_Draft(pos, start, "", "dropped", "blank"))
        body = text[start:end]
        drafts.append(_Draft(start, end, body, words=body.count(" ") + 1))
        pos = end
    if pos < len(text):
        drafts.append(_Draft(pos, len(text), "", "dropped", "blank"))
    return drafts


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """The spans of ``_PARAGRAPH`` in ``text``, line by line: the regex runs only on a
    line that holds whitespace other than single spaces between words."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        # A printable line holds no whitespace but " " (every other kind is unprintable):
        # its paragraphs are the runs between two or more spaces, as the regex finds.
        if line.isprintable():
            yield from _spaced_paragraphs(line, start)
        elif line:
            for found in _PARAGRAPH.finditer(text, start, end):
                yield found.span()
        start = end + 1


def _spaced_paragraphs(line: str, offset: int) -> Iterator[tuple[int, int]]:
    """Runs of ``line`` between two or more spaces, without the spaces at either end."""
    pos = 0
    for gap, after in [*double_spaces(line, 0, len(line)), (len(line), len(line))]:
        # only the first run can open with a single space, only the last end with one
        start = pos + (line[pos : pos + 1] == " ")
        end = gap - (gap > start and line[gap - 1] == " ")
        if end > start:
            yield offset + start, offset + end
        pos = after


def classify(text: str) -> list[Block]:
    """Blocks of ``text``: body, caption or dropped, tiling the text in order."""
    rules = load_rules()
    drafts = segment(text)
    content = [d for d in drafts if d.text]
    found = rules.hints_in(text, [(d.start, d.end) for d in content])
    if found is not None:  # one pass over the text for every hint, not one per block
        for draft, hints in zip(content, found, strict=True):
            draft.hints = hints
    _apply_rules(content, rules)
    _drop_edges(content, rules)
    _drop_photo_titles(content)
    _drop_title_repeats(content)
    return [d.freeze() for d in drafts]


def _apply_rules(content: list[_Draft], rules: RuleSet) -> None:
    listing: Rule | None = None  # a "read also"-style marker whose list is running
    listed = 0
    first = True  # no block of text seen yet
    for draft in content:
        probe = Probe(draft.text, draft.hints)
        rule = rules.dropped.match(probe, first=first)
        if rule is None and listing is not None and _is_listed(probe, listed, rules):
            draft.kind, draft.reason = "dropped", listing.reason
            listed += 1
            continue
        listing, listed = (rule, 0) if rule is not None and rule.then else (None, 0)
        if rule is not None:
            draft.kind, draft.reason = "dropped", rule.reason
            continue
        caption = rules.caption.match(probe)
        if caption is not None:
            draft.kind, draft.reason = "caption", caption.reason
        first = False


def _is_listed(block: Probe, listed: int, rules: RuleSet) -> bool:
    """Whether a block continues the list of headlines a marker rule opened."""
    return (
        listed < RELATED_MAX_ITEMS
        and len(block.text) <= RELATED_HEADLINE_MAX_CHARS
        and not block.text.endswith(".")
        and rules.caption.match(block) is None
    )


def _drop_edges(content: list[_Draft], rules: RuleSet) -> None:
    """Edge-only rules and menu runs above the first and below the last paragraph."""
    running = [i for i, d in enumerate(content) if d.kind != "dropped" and _substantial(d)]
    if not running:
        zones = [range(len(content))]
    else:
        zones = [range(running[0]), range(running[-1] + 1, len(content))]
    for zone in zones:
        for i in zone:
            draft = content[i]
            probe = Probe(draft.text, draft.hints)
            if draft.kind == "body" and (rule := rules.dropped_edge.match(probe)):
                draft.kind, draft.reason = "dropped", rule.reason
        _drop_menu_runs([content[i] for i in zone])


def _drop_menu_runs(zone: list[_Draft]) -> None:
    """Drop runs of short items. Navigation a rule already dropped ("Home") counts
    in a run; other dropped clutter (a share bar) neither counts nor breaks it."""
    run: list[_Draft] = []
    for draft in zone:
        if draft.kind == "dropped" and draft.reason != "navigation":
            continue
        if draft.kind != "caption" and _menu_item(draft.text):
            run.append(draft)
            continue
        _drop_run(run)
        run = []
    _drop_run(run)


def _drop_run(run: list[_Draft]) -> None:
    bullets = all(_BULLET.match(d.text) for d in run)
    if len(run) >= MENU_MIN_RUN or (bullets and len(run) >= MENU_MIN_BULLET_RUN):
        for item in run:
            if item.kind == "body":
                item.kind, item.reason = "dropped", "menu"


def _menu_item(text: str) -> bool:
    item = _BULLET.sub("", text)
    return (
        0 < len(item) <= MENU_ITEM_MAX_CHARS
        and item.count(" ") < MENU_ITEM_MAX_WORDS
        and not item.endswith(_SENTENCE_END)
    )


def _substantial(draft: _Draft) -> bool:
    return draft.words >= SUBSTANTIAL_WORDS


def _drop_photo_titles(content: list[_Draft]) -> None:
    kept = [d for d in content if d.kind != "dropped"]
    for previous, draft in pairwise(kept[1:]):
        # kept[0] is the headline: it stays even when a lead photo follows it.
        if (
            draft.kind == "caption"
            and previous.kind == "body"
            and previous.words <= PHOTO_TITLE_MAX_WORDS
            and not previous.text.endswith(_SENTENCE_END)
        ):
            previous.kind, previous.reason = "dropped", "photo_title"


def _drop_title_repeats(content: list[_Draft]) -> None:
    bodies = [d for d in content if d.kind == "body"]
    if not bodies:
        return
    first = bodies[0].text
    title: str | None = None  # normalized only when a block of its length comes
    for draft in bodies[1:]:
        if len(draft.text) == len(first):
            title = _normalized(first) if title is None else title
            if _normalized(draft.text) == title:
                draft.kind, draft.reason = "dropped", "title_repeat"


def _normalized(text: str) -> str:
    return " ".join(text.split()).casefold()
