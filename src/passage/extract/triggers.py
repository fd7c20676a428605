"""Trigger words: where a sentence says that people were moved, stopped, held or ruled on.

The rules live in ``resources/triggers.jsonl``; they are compiled once into a
single alternation with one named group per rule, so a sentence is scanned once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from passage.model import Span
from passage.resources import load_json, load_jsonl

LANG = "en"
CONTEXT_REACH = 120  # a migration word further than this from a trigger is about something else
TOPIC_MIN_HITS = 4  # migration words a document needs before people alone are context
ACT_REACH = 90  # a policy noun needs its act verb ("signed", "ended") within this many characters


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    policy_kind: str | None
    needs_context: bool
    weak: bool  # a topic noun: makes an event only with a figure or date, or as extra evidence
    act: bool  # a policy trigger that is an act itself; others need an act verb nearby


@dataclass(frozen=True)
class Trigger:
    span: Span
    rule: TriggerRule

    @property
    def type(self) -> str:
        return self.rule.type


@dataclass(frozen=True)
class _Compiled:
    pattern: re.Pattern[str]
    rules: dict[str, TriggerRule]  # group name -> rule


@cache
def _compiled(lang: str = LANG) -> _Compiled:
    parts, rules = [], {}
    for i, line in enumerate(r for r in load_jsonl("triggers.jsonl") if r["lang"] == lang):
        group = f"r{i}"
        parts.append(f"(?P<{group}>{line['pattern']})")
        rules[group] = TriggerRule(
            id=line["id"],
            type=line["type"],
            policy_kind=line.get("policy_kind"),
            needs_context=line["context"] == "migration",
            weak=bool(line.get("weak", False)),
            act=bool(line.get("act", False)),
        )
    return _Compiled(re.compile("|".join(parts), re.IGNORECASE), rules)


@cache
def cue(name: str, lang: str = LANG) -> re.Pattern[str]:
    """A compiled cue pattern from ``resources/cues.json`` (case-insensitive)."""
    return re.compile(load_json("cues.json")[lang][name], re.IGNORECASE)


def find_triggers(text: str, span: Span, about_migration: bool = False) -> list[Trigger]:
    """Triggers inside one sentence; rules needing a migration context get it checked here.

    In a document that is about migration (``about_migration``), people named
    near the trigger ("4,000 Tunisians crossed to Italy") are context enough.
    """
    compiled = _compiled()
    found = []
    for m in compiled.pattern.finditer(text, span.start, span.end):
        group = m.lastgroup
        if group is None:
            continue
        rule = compiled.rules[group]
        if rule.needs_context and not (
            _near(text, span, m, "migration_context", CONTEXT_REACH)
            or (about_migration and _near(text, span, m, "people_context", CONTEXT_REACH))
        ):
            continue
        if rule.type == "policy" and not rule.act and not _near(text, span, m, "policy_acts", ACT_REACH):
            continue
        found.append(Trigger(Span(m.start(), m.end()), rule))
    return found


def _near(text: str, span: Span, m: re.Match[str], name: str, reach: int) -> bool:
    """Does cue ``name`` occur within ``reach`` characters of the match (inside the sentence)?"""
    start = max(span.start, m.start() - reach)
    end = min(span.end, m.end() + reach)
    pattern = cue(name)
    return any(
        not (hit.start() >= m.start() and hit.end() <= m.end())
        for hit in pattern.finditer(text, start, end)
    )


def about_migration(text: str) -> bool:
    """Is migration the document's topic (not a passing mention)?"""
    hits = 0
    for _ in cue("migration_context").finditer(text):
        hits += 1
        if hits >= TOPIC_MIN_HITS:
            return True
    return False


def relevant(text: str) -> bool:
    """The cheap gate: does the text hold any sign of migration enforcement at all?"""
    return bool(cue("gate").search(text))
