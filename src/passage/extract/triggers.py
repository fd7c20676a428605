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


@dataclass(frozen=True)
class TriggerRule:
    id: str
    type: str
    policy_kind: str | None
    needs_context: bool


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
        )
    return _Compiled(re.compile("|".join(parts), re.IGNORECASE), rules)


@cache
def cue(name: str, lang: str = LANG) -> re.Pattern[str]:
    """A compiled cue pattern from ``resources/cues.json`` (case-insensitive)."""
    return re.compile(load_json("cues.json")[lang][name], re.IGNORECASE)


def find_triggers(text: str, span: Span) -> list[Trigger]:
    """Triggers inside one sentence; rules needing a migration context get it checked here."""
    compiled = _compiled()
    found = []
    has_context: bool | None = None
    for m in compiled.pattern.finditer(text, span.start, span.end):
        group = m.lastgroup
        if group is None:
            continue
        rule = compiled.rules[group]
        if rule.needs_context:
            if has_context is None:
                has_context = bool(cue("migration_context").search(text, span.start, span.end))
            if not has_context:
                continue
        found.append(Trigger(Span(m.start(), m.end()), rule))
    return found


def relevant(text: str) -> bool:
    """The cheap gate: does the text hold any sign of migration enforcement at all?"""
    return bool(cue("gate").search(text))
