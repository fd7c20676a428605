"""Parties: how many people a named person, a couple or a family are.

GUIDELINES count one person or one family with a time or place as an event whose
``people`` is the party's size as the text gives it. The text gives it as a
coordination, not a numeral:

- "Ana Ruiz, 34, arrived in Chicago with her husband and their 8-year-old daughter": 3
- "the father and son returned to Cuba": 2
- "Noeli, Valeria and Josue were expelled": 3
- "The 12, who include a 16-year-old, were arrested": 12

The party is the subject right before the trigger: of a passive verb for any act
("were expelled"), of an active verb only for verbs whose subject is the one who
moves (arrive, return, flee); "Trump deported" and "Abbott, who sent" name who
acted, not who was sent.
Companions after the verb ("with his wife and two children") join the party. A
party whose size the text leaves open ("her family", "his children") has no size.
Kinship words, auxiliaries and the capitalised words that are not names are cues
in ``resources/cues.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from passage.extract.numbers import lexicon
from passage.extract.triggers import Trigger, cue
from passage.model import Span
from passage.resources import load_json

NAME_WORD = r"[A-Z][a-zà-ÿ'’-]+"  # one word of a person's name
PARTY_REACH = 160  # characters before the trigger where its party is named
# Types whose active verb has the moving people as its subject ("Ana arrived").
MOVER_TYPES = frozenset({"arrival", "return"})


@cache
def _patterns() -> tuple[
    re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]
]:
    cues = load_json("cues.json")["en"]
    kin = cues["kin_singular"]
    kins = rf"(?:{cues['kin_plural']}|{cues['party_plural']})"  # "five boys", "eight other men"
    units = "|".join(sorted(lexicon().units, key=len, reverse=True))
    number = rf"(?:(?<![\d,.])\d{{1,3}}(?![\d,])|{units})"
    # one member of a party; each alternative is one named group so members can be counted
    det, who = cues["party_determiners"], cues["party_relative"]
    member = (
        rf"(?P<counted>(?:{det} )?(?P<n>{number}) (?:[\w-]+ )?{kins})"
        rf"|(?P<kin>(?:{det} (?:[\w-]+ ){{0,2}}?)?{kin})"
        # "the suspect", "a young Chilean national": one person named by what they are
        rf"|(?P<person>{det} (?:[\w-]+ ){{0,2}}?{cues['person_singular']})"
        rf"|(?P<pronoun>\b{cues['party_pronouns']})"
        rf"|(?P<group>{det} (?P<g>{number}))"
        rf"|(?P<name>\b{NAME_WORD}(?: {NAME_WORD}){{0,3}}(?:, \d{{1,3}},)?)"
    )
    plain = re.sub(r"\(\?P<\w+>", "(?:", member)  # the groups are named once, for counting
    # "Noeli, Valeria and Josue": commas join a list only when "and" closes it
    # ("Davila, 28, his wife and two kids": the age's comma is the list's too)
    party = rf"(?:{plain})(?:(?:(?:,|(?<=,)) (?:{plain}))*,? and (?:{plain}))?"
    apposition = rf"(?P<apposition>,(?: {who})? [^,]{{1,90}},|,? {who})?"
    active = rf"(?P<party>{party}){apposition} (?:{cues['party_active_aux']}){{0,2}}$"
    passive = rf"(?P<party>{party}){apposition} (?:{cues['party_passive_aux']})$"
    companions = rf"[^;]{{0,80}}?\bwith (?P<party>{party})"
    return (
        re.compile(active),
        re.compile(passive),
        re.compile(companions),
        re.compile(member),
        # how every passive subject ends: without it, the long search for a party is skipped
        re.compile(rf" (?:{cues['party_passive_aux']})$"),
    )


@dataclass(frozen=True)
class Party:
    """A party's size and the span of text that names it (its evidence)."""

    size: int
    span: Span


def party_size(text: str, sentence: Span, trigger: Trigger) -> Party | None:
    """The people the party before ``trigger`` (and its companions) make, if countable."""
    active, passive, companions, member, passive_end = _patterns()
    start = max(sentence.start, trigger.span.start - PARTY_REACH)
    before = text[start : subject_end(text, trigger)]
    # "is launching a deportation": a progressive names who acts, not who is moved
    progressive = cue("progressive_form").match(text, trigger.span.start, trigger.span.end)
    m = None if progressive or not passive_end.search(before) else _subject(passive, before)
    if (
        m is None
        and trigger.type in MOVER_TYPES
        and cue("mover_verbs").match(trigger.span.of(text))
    ):
        m = _subject(active, before)
    if m is None:
        return None
    size = _count(m.group("party"), member, lone_name=m.group("apposition") is not None)
    if size is None:
        return None
    span = Span(start + m.start("party"), start + m.end("party"))
    with_them = companions.match(text, trigger.span.end, sentence.end)
    if with_them is not None:
        more = _count(with_them.group("party"), member, names=False)
        if more is None:
            return None  # "with her children": a party of untold size
        size += more
        span = Span(span.start, with_them.end("party"))
    return Party(size, span)


_NAME_AND_AGE = re.compile(rf"\b{NAME_WORD}, \d{{1,3}},")


def about_a_person(text: str, sentence: Span, trigger: Trigger) -> bool:
    """Is the act's subject a person introduced by name and age ("Olivera, 35, and her
    family arrived")? Such a story is its own fact even when its party has no size."""
    start = max(sentence.start, trigger.span.start - PARTY_REACH)
    return _NAME_AND_AGE.search(text, start, subject_end(text, trigger)) is not None


def subject_end(text: str, trigger: Trigger) -> int:
    """Where the words before an act end: "the girl was detained in a hotel" is one
    trigger that begins with the passive's auxiliary, which belongs to the subject side."""
    aux = cue("party_passive_aux").match(text, trigger.span.start, trigger.span.end)
    return aux.end() if aux else trigger.span.start


def _subject(pattern: re.Pattern[str], before: str) -> re.Match[str] | None:
    """The party that ends ``before`` and opens a clause ("last week Ana" is no subject)."""
    m = pattern.search(before)
    while m is not None and not _opens_clause(before, m.start("party")):
        m = pattern.search(before, m.start("party") + 1)
    return m


def _opens_clause(before: str, start: int) -> bool:
    return start == 0 or cue("clause_opening", case=True).search(before, 0, start) is not None


def _count(
    party: str, member: re.Pattern[str], *, names: bool = True, lone_name: bool = False
) -> int | None:
    total = 0
    for m in member.finditer(party):
        if m.group("counted"):
            total += _number(m.group("n"))
        elif m.group("group"):
            total += _number(m.group("g"))
        elif m.group("name"):
            if not names or _not_a_name(m.group("name"), lone_name or party != m.group(0)):
                return None
            total += 1
        else:
            total += 1
    return total or None


def _number(word: str) -> int:
    return int(word) if word.isdigit() else lexicon().units[word.lower()]


def _not_a_name(words: str, named_as_person: bool) -> bool:
    """ "Migrants", "Officials", "President Biden": capitalised, but not a person moving.

    One capitalised word alone may be any word opening a sentence ("Thousands arrived");
    it is a name when an age, an apposition or other members show it names a person.
    """
    first = words.split(",")[0]
    if len(first.split()) == 1 and "," not in words and not named_as_person:
        return True
    return (
        cue("not_name_words", case=True).search(first) is not None
        or cue("people_nouns").search(first) is not None
    )


__all__ = ["MOVER_TYPES", "Party", "about_a_person", "party_size", "subject_end"]
