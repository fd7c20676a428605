"""Anaphora: a plural that points back at a group the text just counted.

"Agents arrested three migrants near the wall. They were expelled to Mexico hours
later": "they" are the three. A passive act whose subject is "they", "the girls",
"her daughters" or "the detainees" (or an act done to "them") and that counts no one
itself takes the exact count of the group named in the sentences just before.
The words are cues in ``resources/cues.json`` (``anaphor_before``, ``anaphor_after``).
"""

from __future__ import annotations

from dataclasses import dataclass

from passage.extract.events import NO_PEOPLE_TYPES, Candidate
from passage.extract.party import subject_end
from passage.extract.triggers import cue
from passage.model import People, Span

ANAPHOR_REACH = 2  # sentences back where the counted group may stand
GROUP_MAX = 99  # an exact count up to this size is a group a plural can point back to


@dataclass
class Group:
    """The last small exact count the text named, and the sentence it stood in."""

    size: int
    sentence: int


def counted_group(found: list[Candidate], index: int) -> Group | None:
    """The group a sentence counts: one exact count of two or more people."""
    sizes = {
        c.event.people.low
        for c in found
        if c.event.people is not None
        and c.event.type not in NO_PEOPLE_TYPES
        and c.event.people.low == c.event.people.high
        and c.event.people.low is not None
        and 2 <= c.event.people.low <= GROUP_MAX
    }
    return Group(sizes.pop(), index) if len(sizes) == 1 else None


def refer_back(text: str, found: list[Candidate], group: Group | None, index: int) -> None:
    """Give the group's count to the sentence's acts that point back at it."""
    if group is None or index - group.sentence > ANAPHOR_REACH:
        return
    for c in found:
        if c.event.people is not None or c.event.type in NO_PEOPLE_TYPES:
            continue
        trigger = c.trigger
        sentence_start = c.sentence.span.start
        before = cue("anaphor_before").search(text, sentence_start, subject_end(text, trigger))
        after = cue("anaphor_after").match(text, trigger.span.end, c.sentence.span.end)
        match = before or after
        if match is None:
            continue
        c.event.people = People(group.size, group.size)
        c.event.spans["people"] = [Span(match.start("a"), match.end("a"))]
