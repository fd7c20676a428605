"""The event grammar's data files: triggers and cues are valid, unique and complete."""

from __future__ import annotations

import re

from passage.extract.triggers import about_migration, cue, cue_source
from passage.model import EVENT_TYPES, POLICY_KINDS
from passage.resources import load_json, load_jsonl

CUE_NAMES = {
    "institution_after",
    "place_noun_after",
    "background_marker",
    "plan_verb",
    "ordered_before",
    "participle_clause_after",
    "headline_future_before",
    "other_clause_between",
    "visa_for_before",
    "protest_before",
    "non_migrant_removed_after",
    "coordination_joint",
    "measure_object_gap",
    "ceased_before",
    "halted_after",
    "clause_joint",
    "other_event_between",
    "among_those_before",
    "non_migrant_object_after",
    "non_migrant_subject_before",
    "attempt_before",
    "acted_on_before",
    "determiner_before",
    "thing_after",
    "statement_date_gap",
    "time_adjunct_before",
    "government_demand",
    "migration_context",
    "measure_state_after",
    "difference_after",
    "things_of_before",
    "removed_from_before",
    "habitual",
    "kin_of_before",
    "participle_after_people",
    "agreed_before",
    "in_before",
    "anaphor_before",
    "anaphor_after",
    "object_before",
    "effect_gap",
    "effect_verbs",
    "start_before",
    "fulfilled_before",
    "as_a_child_after",
    "influence_before",
    "time_clause_before",
    "migration_words",
    "migration_acronyms",
    "country_lead",
    "list_opener",
    "pluperfect_before",
    "support_services",
    "definite_before",
    "negation",
    "hypothetical",
    "yes_no_question",
    "clause_break",
    "planned",
    "ongoing",
    "attribution_verbs",
    "origin_before",
    "destination_before",
    "location_before",
    "authority_after",
    "agent_before",
    "according_to",
    "people_nouns",
    "single_person_before",
    "single_person_after",
    "kin_singular",
    "person_singular",
    "kin_plural",
    "mover_verbs",
    "party_active_aux",
    "party_passive_aux",
    "not_name_words",
    "party_determiners",
    "party_pronouns",
    "party_relative",
    "clause_opening",
    "coordination_gap",
    "part_of_total",
    "part_of_listed",
    "derived_from_total",
    "describing_before",
    "describing_gap",
    "relative_past_before",
    "negated_count_before",
    "party_plural",
    "named_object_inside",
    "single_person",
    "single_subject_before",
    "state_verbs",
    "backlog_before",
    "staff_count_before",
    "measure_class",
    "things_after",
    "present_passive_before",
    "progressive_form",
    "relative_clause_before",
    "inline_link",
    "reduced_relative_before",
    "criminal_grounds",
    "population_before",
    "not_people_nouns",
    "trend_before",
    "change_amount_before",
    "generic_when_before",
    "generic_relative_before",
    "non_mover_before",
    "aim_before",
    "declared_aim_before",
    "advocacy_before",
    "adjectival_before",
    "past_form",
    "list_gap",
    "relative_date_before",
    "date_in_name_before",
    "date_in_name_after",
}


def test_every_trigger_rule_is_valid_and_unique() -> None:
    rules = load_jsonl("triggers.jsonl")
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)), "duplicate trigger ids"
    for rule in rules:
        assert rule["lang"] == "en" or len(rule["lang"]) == 2
        assert rule["type"] in EVENT_TYPES, rule["id"]
        assert rule["context"] in ("migration", "near", "none"), rule["id"]
        if rule["type"] == "policy":
            assert rule["policy_kind"] in POLICY_KINDS, rule["id"]
        else:
            assert "policy_kind" not in rule, rule["id"]
        pattern = re.compile(rule["pattern"])
        # rules are joined into one alternation of named groups: no capturing groups inside
        assert pattern.groups == 0, f"{rule['id']}: use (?:...) not (...)"
        assert not pattern.match(""), f"{rule['id']} matches the empty string"


def test_every_type_and_policy_kind_has_a_trigger() -> None:
    rules = load_jsonl("triggers.jsonl")
    assert {r["type"] for r in rules} == set(EVENT_TYPES)
    kinds = {r.get("policy_kind") for r in rules if r["type"] == "policy"}
    assert kinds == set(POLICY_KINDS)


def test_cues_compile_for_every_language() -> None:
    cues = load_json("cues.json")
    assert "en" in cues
    for lang, table in cues.items():
        assert set(table) >= CUE_NAMES, f"{lang} lacks {CUE_NAMES - set(table)}"
        for name in table:
            compiled = re.compile(cue_source(name, lang).replace("$COUNTRY", "X"))
            assert not compiled.match(""), f"{lang}.{name} matches the empty string"


def test_a_cue_may_include_another_by_name() -> None:
    context = cue_source("migration_context")
    assert "(?&" not in context
    assert cue_source("migration_acronyms") in context
    assert cue("migration_context").search("agents of ICE came")
    assert not cue("migration_context").search("the ice melted")


def test_migration_words_are_lowercase_for_the_fast_topic_scan() -> None:
    # about_migration matches them case-sensitively against lowercased text
    for lang, table in load_json("cues.json").items():
        words = re.sub(r"\\\w", "", table["migration_words"])
        assert words == words.lower(), f"{lang}.migration_words has capitals"


def test_the_topic_scan_counts_what_the_migration_cue_finds() -> None:
    filler = "The council met on Tuesday to discuss the budget and the parks. " * 16
    for mention in ("Border Patrol agents", "ICE agents", "BORDER PATROL"):
        dense = filler + f"{mention} said. {mention} said."
        assert len(cue("migration_context").findall(dense)) == 2
        assert about_migration(dense)
        assert not about_migration(filler + f"{mention} said.")
    assert not about_migration(filler + "The ice and the dhs said.")


def test_sentence_abbreviations_end_with_a_period() -> None:
    abbreviations = load_json("sentences.json")["en"]["abbreviations"]
    assert len(abbreviations) == len(set(abbreviations))
    assert all(a.endswith(".") for a in abbreviations)


def test_gate_words_are_lowercase_and_unique() -> None:
    gate = load_json("gate.json")
    for lang, table in gate.items():
        words = table["words"]
        assert len(words) == len(set(words)), lang
        assert all(w == w.lower() and w.strip() for w in words), lang
        assert all(a.isupper() for a in table["acronyms"]), lang


def test_trigger_examples_match_and_contain_a_hint() -> None:
    from passage.extract.triggers import find_triggers
    from passage.model import Span

    for rule in load_jsonl("triggers.jsonl"):
        match = re.search(rule["pattern"], rule["example"], re.IGNORECASE)
        assert match, f"{rule['id']}: its example does not match"
        assert any(h in match.group(0).lower() for h in rule["hints"]), rule["id"]
        assert all(h == h.lower() for h in rule["hints"]), rule["id"]
        also = rule.get("also", [])
        assert not also or any(a in match.group(0).lower() for a in also), rule["id"]
        assert all(a == a.lower() for a in also), rule["id"]
        found = find_triggers(rule["example"], Span(0, len(rule["example"])), True)
        assert any(t.rule.id == rule["id"] for t in found), rule["id"]


def test_hints_are_found_at_the_start_of_words_and_short_ones_inside_words() -> None:
    from passage.extract.triggers import _hints_in

    found = _hints_in("they chose to go back; buses left; h-1b visas were enacted")
    assert {"go back", "bus", "h-1b", "visa"} <= found  # "act" is a whole word: not in "enacted"
    assert "act" not in found
    assert "deport" not in _hints_in("the report was undeportable in tone")
    # a whole-word hint: the word itself, not a word it opens or ends
    assert {"act", "law"} <= _hints_in("the act became law.")
    assert not {"act", "law"} & _hints_in("lawyers took action on its impact; flaws")


def test_whole_word_hints_are_hints_and_whole_in_every_rule_that_has_them() -> None:
    from passage.extract.triggers import _whole_words

    whole = _whole_words()
    for rule in load_jsonl("triggers.jsonl"):
        assert set(rule.get("whole", [])) <= set(rule["hints"]), rule["id"]
        assert not (whole & set(rule["hints"])) - set(rule.get("whole", [])), rule["id"]
        match = re.search(rule["pattern"], rule["example"], re.IGNORECASE)
        assert match is not None
        for word in rule.get("whole", []):
            if word in match.group(0).lower():
                assert re.search(rf"\b{re.escape(word)}\b", match.group(0), re.I), rule["id"]


def test_a_leading_word_boundary_is_factored_out_without_changing_matches() -> None:
    from passage.extract.triggers import _boundary_first
    from passage.regexes import top_level_branches

    assert top_level_branches(r"\ba(?:b|c)|[|]x|\bd\|e") == [r"\ba(?:b|c)", "[|]x", r"\bd\|e"]
    assert _boundary_first(r"\bcat\b|\bdog(?:s)?\b") == r"\b(?:cat\b|dog(?:s)?\b)"
    assert _boundary_first(r"\bcat|dog") == r"\bcat|dog"  # one alternative has no \b
    sample = " ".join(rule["example"] for rule in load_jsonl("triggers.jsonl"))
    sample += " the prisoner's parole; a migration policy-maker; policies on parole boards"
    for rule in load_jsonl("triggers.jsonl"):
        before = re.compile(rule["pattern"], re.IGNORECASE).finditer(sample)
        after = re.compile(_boundary_first(rule["pattern"]), re.IGNORECASE).finditer(sample)
        assert [m.span() for m in before] == [m.span() for m in after], rule["id"]


def test_a_rule_with_two_hint_lists_runs_only_where_both_occur() -> None:
    from passage.extract.triggers import _compiled, _rules_to_run
    from passage.model import Span

    def runs(sentence: str) -> set[str]:
        rules = _compiled()
        return {rules[o].rule.id for o in _rules_to_run(sentence, Span(0, len(sentence)))}

    # policy.pace needs a verb of pace ("speed up") and what it moves ("deportations")
    assert "policy.pace" in runs("The ministry pledged to speed up deportations this year.")
    assert "policy.pace" not in runs("The ministry pledged to review deportations this year.")
    assert "removal.deportation" in runs("The ministry pledged to review deportations.")
    # the second list is read case-insensitively, like the first
    assert "policy.pace" in runs("THE MINISTRY PLEDGED TO SPEED UP DEPORTATIONS.")
