"""Status: whether a sentence states an act as done, under way or planned, or not at all.

Read from the words before a trigger: negation right before it ("did not deport"),
modality in its own clause ("could expel"), aims ("an initiative to deport"),
generic present tense ("when they arrive"), descriptions of people ("newly arrived
migrants", "parents who have been deported"), and plans ("will", "set to"). The
words are cues in ``resources/cues.json``.
"""

from __future__ import annotations

from passage.extract.triggers import ACT_REACH, Trigger, cue
from passage.model import Span

STATUS_WINDOW = 60  # characters before a trigger where negation, modality and tense are read
NEGATION_WINDOW = 30  # "did not deport": negation sits right before its verb
FULFILLED_REACH = 90  # "accomplished his signature campaign promise to end ..."
ADVOCACY_WINDOW = 120  # "the solution to <a long noun phrase> is to stop releasing"
PLAN_REACH = 150  # "planned to register ... and offer a voluntary return": a plan's reach
CLAUSE_REACH = 40  # "when they arrive", "an initiative to deport": the words right before
# Types whose present tense states a fact ("migrants who remain in camps", a measure "that
# requires"): a stock or a rule holds now; a movement in the present is generic.
STOCK_TYPES = frozenset({"detention", "policy"})


def _past(trigger_text: str) -> bool:
    return cue("past_form").search(trigger_text) is not None


def status_of(text: str, sentence: Span, trigger: Trigger) -> str | None:
    """occurred, ongoing or planned; None when the sentence denies or only imagines it."""
    if trigger.type == "policy" and not trigger.rule.act:
        # a measure named by a noun is denied or imagined through its act verb: "need to
        # restrict federal grant funding in future appropriations bills"
        act = _act_before(text, sentence, trigger)
        if act is not None:
            at_act = _status(text, sentence, act)
            if at_act is None:
                return None
            at_noun = _status(text, sentence, trigger)
            return None if at_noun is None else (at_act if at_act == "planned" else at_noun)
    return _status(text, sentence, trigger)


def _habitual(clauses: list[str]) -> bool:
    """ "Migrants often cross here", "groups of migrants, sometimes numbering 400,
    crossed": a habit in the act's own clause, or in the aside right before the act
    ("Officials often say so, but on Monday police deported 40" is one act).
    ``clauses`` are the words before the act split at clause breaks."""
    own = clauses[-1]
    if len(own.strip()) < 3 and len(clauses) > 1:
        own = clauses[-2] + own
    return cue("habitual").search(own) is not None


def _act_before(text: str, sentence: Span, trigger: Trigger) -> Trigger | None:
    start = max(sentence.start, trigger.span.start - ACT_REACH)
    acts = list(cue("policy_acts").finditer(text, start, trigger.span.start))
    if not acts:
        return None
    return Trigger(Span(acts[-1].start(), acts[-1].end()), trigger.rule)


def _status(text: str, sentence: Span, trigger: Trigger) -> str | None:
    at, kind = trigger.span.start, trigger.rule.type  # read once: asked for often
    start = max(sentence.start, at - STATUS_WINDOW)
    before = text[start:at]
    recent = before[-CLAUSE_REACH:]  # the words right before: "newly", "who", "trying to"
    near = text[max(sentence.start, at - NEGATION_WINDOW) : at]
    if cue("negation").search(near):
        return None
    clauses = cue("clause_break", case=True).split(before)
    if _habitual(clauses):
        return None  # "groups, sometimes numbering 400, crossed": what used to happen
    if kind != "policy" and cue("ceased_before").search(near):
        return None  # "Bulgaria has stopped deporting Syrians": a suspension, not removals
    if cue("halted_after").match(text, trigger.span.end, sentence.end):
        return None  # "the deportation of 40 Tamils was halted": it did not take place
    if cue("yes_no_question", case=True).match(text, sentence.start, sentence.end):
        return None  # "Did Trump block funding for sanctuary cities?" asks, states nothing
    if cue("government_demand").search(text, sentence.start, at):
        # "Prime Minister Netanyahu has called for the deportation of ...": a government
        # that demands an act of its own state announces it
        return "planned"
    # a clause break (punctuation, or "and" opening a new finite verb: "should leave or face
    # arrest and has begun deporting") keeps a modal before it from the act after it
    if cue("hypothetical").search(clauses[-1]):
        return None  # "who could spread the virus, the administration has expelled" is fact
    past = _past(trigger.span.of(text))
    if (
        kind != "policy"
        and (not past or cue("present_passive_before").search(before))
        and cue("generic_when_before").search(recent)
    ):
        # "what to expect when they arrive", "when immigrants are allowed to remain":
        # what happens, not what happened
        return None
    if kind not in STOCK_TYPES and not past and cue("generic_relative_before").search(recent):
        return None  # "quarantine migrants who arrive": which people, not an arrival
    if (
        kind == "arrival"
        and not trigger.rule.agent_subject
        and cue("non_mover_before").search(recent)
    ):
        return None  # "officials crossed into Mexico for a meeting": no migrants moved
    if kind in ("arrival", "return") and cue("as_a_child_after").match(
        text, trigger.span.end, sentence.end
    ):
        return None  # "Omar arrived in the United States as a child": a life story
    if (
        kind != "policy"
        and cue("aim_before").search(recent)
        and not cue("declared_aim_before").search(before)
    ):
        # "Pakistan's initiative to deport Afghans" names an aim, not an act; "DHS
        # indicated its intention to coordinate removal flights" declares a plan
        return None
    if kind == "policy" and cue("advocacy_before").search(
        text, max(sentence.start, at - ADVOCACY_WINDOW), at
    ):
        return None  # "a campaign message that includes a moratorium": advocacy, no measure
    if (
        kind == "policy"
        and cue("time_clause_before").search(before)
        and cue("measure_state_after").match(text, trigger.span.end, sentence.end)
    ):
        return None  # "the months when Title 42 was in effect": a time, not an act
    if cue("adjectival_before").search(before) and cue("people_nouns").match(
        text, trigger.span.end + 1, min(sentence.end, trigger.span.end + 40)
    ):
        return None  # "newly arrived migrants", "previously deported men": who they are
    if cue("among_those_before").search(recent):
        # "Mamadou, who was among those expelled": one person in a group told elsewhere (a
        # family "among those deported" is still its own party, as GUIDELINES has it)
        return None
    if cue("relative_past_before").search(before):
        return None  # "parents who have been deported": who the people are, not what happened
    reduced = cue("reduced_relative_before").search(before)
    if reduced and cue("people_nouns").fullmatch(reduced.group("noun")):
        return None  # "videos of families being deported": which people are shown
    if kind == "apprehension" and cue("criminal_grounds").search(
        text, sentence.start, sentence.end
    ):
        return None  # arrested for a crime, not for their migration status
    if kind == "apprehension" and (
        cue("non_migrant_object_after").match(text, trigger.span.end, sentence.end)
        or cue("non_migrant_subject_before").search(recent)
    ):
        return None  # "police arrested 14 protesters", "smugglers were arrested": not migrants
    if cue("protest_before").search(recent):
        return None  # "a rally against deportations": what people protest, not an act
    if kind == "removal" and cue("non_migrant_removed_after").match(
        text, trigger.span.end, sentence.end
    ):
        return None  # "expelled three diplomats", "expelled two board members": no migrants
    if kind == "arrival" and cue("attempt_before").search(recent):
        return None  # "died trying to cross", "hoping to reach Europe": no one arrived
    if kind == "arrival" and cue("acted_on_before").search(recent):
        return None  # "intercepted 1,100 migrants bound for the Canaries": they did not get there
    fulfilled_from = max(sentence.start, at - FULFILLED_REACH)
    if cue("fulfilled_before").search(text, fulfilled_from, at):
        return "occurred"  # "Trump fulfilled his promise to stop issuing visas": it is done
    # a plan stated in another clause ("planned a meeting, but police deported 40") is
    # not this act's
    own = clauses[-1]  # the words before the act split at clause breaks, as above
    end = min(sentence.end, trigger.span.end + 40)
    # "intercepted 300 migrants preparing to sail": what the people were doing, not a plan
    doing = cue("participle_clause_after").search(text, trigger.span.end, end)
    clause = own + text[at : doing.start() if doing else end]
    if cue("planned").search(clause):
        return "planned"
    # "planned to register those entering the country and offer a voluntary return": a
    # plan governs the verbs joined to it, however long, up to a clause break
    reach = text[max(sentence.start, at - PLAN_REACH) : at]
    if cue("plan_verb").search(cue("clause_break", case=True).split(reach)[-1]):
        return "planned"
    if cue("headline_future_before", case=True).fullmatch(text, sentence.start, at):
        return "planned"  # "US to resume deportation flights": a headline's future
    if kind != "policy" and cue("agreed_before").search(before):
        return "planned"  # "Mexico agreed to carry out more deportations": the act is to come
    if kind != "policy" and cue("ordered_before").search(before):
        return "planned"  # "the court ordered the deportation of seven men": not yet done
    listed = cue("list_opener").search(text, sentence.start, at)
    if listed and cue("planned").search(text, sentence.start, listed.start()):
        return "planned"  # "has promised ..., including ending X, raising Y": each is planned
    if cue("ongoing").search(clause):
        return "ongoing"
    return "occurred"
