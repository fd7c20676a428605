"""Every line of resources/clutter.jsonl is a valid, reachable rule."""

from __future__ import annotations

import json
from importlib import resources

import pycountry
import pytest

from passage.clean.rules import (
    CAPTION_REASONS,
    DROP_REASONS,
    RULES_FILE,
    Rule,
    RuleGroup,
    RuleSet,
    anchoring,
    load_rules,
    parse_rule,
    read_rules,
)

RAW_LINES = [
    line
    for line in resources.files("passage.resources")
    .joinpath(RULES_FILE)
    .read_text("utf-8")
    .splitlines()
    if line.strip()
]
RULES = load_rules().rules


def _group(rules: RuleSet, rule: Rule) -> RuleGroup:
    if rule.kind == "caption":
        return rules.caption
    return rules.dropped_edge if rule.where == "edge" else rules.dropped


def test_every_line_is_a_json_object_with_the_required_keys() -> None:
    for number, line in enumerate(RAW_LINES, start=1):
        record = json.loads(line)
        missing = {"kind", "reason", "lang", "pattern", "example"} - set(record)
        assert not missing, f"line {number} lacks {missing}"


def test_rules_are_unique() -> None:
    keys = [(r.kind, r.pattern, r.flags) for r in RULES]
    assert len(keys) == len(set(keys))
    examples = [r.example for r in RULES]
    assert len(examples) == len(set(examples))


def test_reasons_are_known() -> None:
    for rule in RULES:
        known = DROP_REASONS if rule.kind == "dropped" else CAPTION_REASONS
        assert rule.reason in known, rule.line


def test_languages_are_iso_639_1_or_mul() -> None:
    for rule in RULES:
        assert rule.lang == "mul" or pycountry.languages.get(alpha_2=rule.lang), rule.line


@pytest.mark.parametrize("rule", RULES, ids=lambda r: f"line{r.line}")
def test_each_example_is_caught_by_its_own_rule(rule: Rule) -> None:
    # Through the combined matcher, so rule order and hints are exercised as in use.
    found = _group(load_rules(), rule).match(rule.example, edge=True, first=False)
    assert found is rule, f"{rule.example!r} fired line {found.line if found else None}"


def test_unanchored_rules_carry_hints_found_in_their_example() -> None:
    for rule in RULES:
        if rule.anchor != "head":
            assert any(h in rule.example.lower() for h in rule.hints), rule.line


def test_english_french_and_spanish_are_covered_for_the_main_clutter() -> None:
    reasons = {
        "related",
        "share",
        "follow",
        "prev_next",
        "comment_form",
        "byline",
        "date_line",
        "navigation",
        "newsletter",
        "cookie",
        "advertisement",
    }
    for lang in ("en", "fr", "es"):
        covered = {r.reason for r in RULES if r.lang == lang}
        assert reasons <= covered, (lang, reasons - covered)


def test_a_rule_stays_within_its_max_len() -> None:
    rules = load_rules()
    assert rules.dropped.match("Advertisement") is not None
    assert rules.dropped.match("Advertisement " + "x" * 300) is None


def test_after_first_rules_never_drop_the_first_block() -> None:
    shout = "HARBOR CITY DEPORTS FORTY MIGRANTS AFTER RAIDS"
    assert load_rules().dropped.match(shout, first=True) is None
    assert load_rules().dropped.match(shout, first=False).reason == "related"


@pytest.mark.parametrize(
    ("pattern", "anchor"),
    [
        (r"^read also$", "head"),
        (r"^a|^b(?:c|d)", "head"),
        (r"\(AP Photo\)$", "tail"),
        (r"x$|y\)$", "tail"),
        (r"^a|b$", "scan"),
        (r"cookies", "scan"),
        (r"^(?:a|b)|[|]c", "scan"),
        (r"^[|(]x", "head"),
        (r"^a\|b$", "head"),
    ],
)
def test_anchoring(pattern: str, anchor: str) -> None:
    assert anchoring(pattern) == anchor


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"kind": "dropped", "reason": "nonsense", "lang": "en", "pattern": "^x"}, "reason"),
        ({"kind": "hidden", "reason": "menu", "lang": "en", "pattern": "^x"}, "kind"),
        ({"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "^(x"}, "compile"),
        ({"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "(?P<a>^x)"}, "named"),
        ({"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "x"}, "hints"),
        (
            {"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "^x", "flags": "m"},
            "flags",
        ),
        (
            {"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "^x", "oops": 1},
            "unknown",
        ),
    ],
)
def test_invalid_rules_are_refused_with_their_line(record: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message) as error:
        parse_rule(record, 7)
    assert "line 7" in str(error.value)


def test_read_rules_names_the_line_of_bad_json() -> None:
    good = json.dumps({"kind": "dropped", "reason": "menu", "lang": "en", "pattern": "^x"})
    with pytest.raises(ValueError, match="line 3"):
        read_rules(f"{good}\n\n{{not json\n")
