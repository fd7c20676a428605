"""One fact, one event within a document: merge repeats across headline, body and captions."""

from __future__ import annotations

from passage.extract.events import Candidate
from passage.model import Event, People


def merge(candidates: list[Candidate]) -> list[Event]:
    """Fold candidates that state the same fact into one event with all their evidence.

    Two candidates are one fact when they have the same type (and policy kind),
    compatible countries, and either the same figure, or no figure on one side
    where that side is a headline or caption, or the same trigger rule.
    A caption that repeats the body adds evidence; the body wins.
    """
    kept: list[Candidate] = []
    for cand in sorted(candidates, key=_order):
        target = next((k for k in kept if _same_fact(k, cand)), None)
        if target is None:
            if not cand.weak:
                kept.append(cand)
        else:
            if target.event.policy_kind == "other" and cand.event.policy_kind != "other":
                target.event.policy_kind = cand.event.policy_kind  # the known kind names it
            _absorb(target.event, cand.event)
            if cand.event.people is not None and (
                target.event.people is None or target.refers_back
            ):
                # the stated figure replaces one that only pointed at it
                target.event.people = cand.event.people
                target.event.spans["people"] = list(cand.event.spans.get("people", []))
                target.refers_back = cand.refers_back
    kept.sort(key=lambda c: c.event.evidence[0].start)
    return [c.event for c in kept]


def _order(c: Candidate) -> tuple[int, int, int, int]:
    # strong before weak, body before headline and captions, figures first:
    # the sentence that states the fact best leads the evidence
    return (
        int(c.weak),
        int(c.sentence.caption or c.sentence.headline),
        int(c.event.people is None),
        c.sentence.span.start,
    )


def _same_fact(a: Candidate, b: Candidate) -> bool:
    ea, eb = a.event, b.event
    if ea.type != eb.type:
        return False
    if ea.policy_kind != eb.policy_kind and not _generic_beside(a, b):
        return False
    if a.name and b.name:
        return a.name == b.name  # "Operation Rise" in its first phase and its second
    if not _compatible(ea.origin, eb.origin) or not _compatible_one(ea.location, eb.location):
        return False
    if (
        ea.people is not None
        and is_party(ea.people)
        and not _compatible_one(ea.destination, eb.destination)
    ):
        return False  # a boy expelled to Guatemala; others turned back to Mexico: two stories
    if ea.evidence[0] == eb.evidence[0]:
        return False  # two events of one sentence were made distinct on purpose
    if ea.people is not None and eb.people is not None:
        # a headline's "thousands" is the body's "3,400"; two "thousands" in the body
        # are not one fact for that alone
        framing = b.sentence.headline or b.sentence.caption
        if ea.people.to_json() == eb.people.to_json():
            if is_party(ea.people) and not framing:
                # "Liu was detained", "Castañeda was transferred to custody": one person
                # each; a small count names no fact: the act's wording and its date (or
                # the lack of one) must both agree
                return _same_wording_and_date(a, b)
            if framing or not _is_vague(ea.people):
                return True
            # the same vague count by the same act at the same time: a quote repeated
            return _same_wording_and_date(a, b)
        if (a.refers_back or b.refers_back) and _vaguely(ea.people, eb.people):
            return True  # "the thousands arriving" are the "more than 2,000" that arrived
        return (
            framing
            and (_vaguely(ea.people, eb.people) or _rounded(ea.people, eb.people))
            and _same_time(ea, eb)
        )
    if (ea.status == "planned") != (eb.status == "planned"):
        return False
    if (
        ea.policy_kind == "other" == eb.policy_kind
        and not b.sentence.headline
        and not _overlap(ea, eb)
    ):
        # "the order took effect on March 20", "in May, the order was extended": each
        # dated act on a measure is a fact of its own
        return False
    if b.sentence.caption and not _overlap(ea, eb):
        return False  # a photo of raids on Thursday, Nov. 2 shows another day's fact
    if b.sentence.headline or b.sentence.caption or b.weak:
        return True
    if a.measure and b.measure and a.measure != b.measure:
        return False  # sending troops and building a wall are two measures
    if b.measure and not a.measure and ea.people is not None:
        return False  # "a practice that turned back 650" is not the "zero tolerance" policy
    if eb.people is None and b.personal and ea.people is not None:
        return False  # one family's arrival is neither the city's total nor another family
    return eb.people is None and (ea.people is not None or a.trigger.rule.id == b.trigger.rule.id)


def _generic_beside(a: Candidate, b: Candidate) -> bool:
    """ "The government will change its deportation policy" (the headline) and "there
    will be no deportations in the first hundred days": a generic "policy" with no figure
    may name the report's measure of a known kind in the same status again; whether it
    does is then decided as for any repeat (a headline, a caption, a topic word)."""
    generic, known = (b, a) if b.event.policy_kind == "other" else (a, b)
    return (
        generic.event.policy_kind == "other"
        and known.event.policy_kind not in (None, "other")
        and generic.measure is None
        and generic.event.people is None
        and a.event.status == b.event.status
    )


def _same_wording_and_date(a: Candidate, b: Candidate) -> bool:
    return a.trigger.rule.id == b.trigger.rule.id and a.event.date == b.event.date


PARTY_MAX = 9  # a count this small is a person or a family, not a figure that identifies a fact


def is_party(p: People) -> bool:
    """Is the count a person or a family (small and exact), not a figure?"""
    return p.low is not None and p.low == p.high and p.low <= PARTY_MAX


VAGUE_SPAN = 50  # "thousands" (low 2,000) fits a stated figure below 100,000


def _is_vague(p: People) -> bool:
    return p.approx and p.high is None


def _vaguely(a: People, b: People) -> bool:
    """Is one figure a vague word ("thousands") that the other states exactly ("3,400")?"""
    for vague, exact in ((a, b), (b, a)):
        if not _is_vague(vague) or vague.low is None:
            continue
        value = exact.low if exact.low is not None else exact.high
        if (
            exact.per == vague.per
            and value is not None
            and (vague.low <= value < vague.low * VAGUE_SPAN)
        ):
            return True
    return False


ROUNDING = 1.5  # "more than 3,000" in a headline rounds down the body's "over 3,400"


def _rounded(exact: People, bound: People) -> bool:
    """Is ``bound`` a round lower bound ("more than 3,000") of the figure ``exact`` states?"""
    if bound.low is None or bound.high is not None or exact.low is None or exact.per != bound.per:
        return False
    digits = str(bound.low).rstrip("0")
    return len(digits) <= 2 and bound.low <= exact.low < bound.low * ROUNDING


def _same_time(a: Event, b: Event) -> bool:
    if a.date is None or b.date is None:
        return True
    return a.date.start == b.date.start or a.date.end == b.date.end


def _overlap(a: Event, b: Event) -> bool:
    """Do the two events' times share a day ("in June" holds "June 14")? Unknown times do."""
    if a.date is None or b.date is None or a.date.start is None or b.date.start is None:
        return True
    a_end, b_end = a.date.end or a.date.start, b.date.end or b.date.start
    return a.date.start <= b_end and b.date.start <= a_end


def _compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _compatible_one(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _absorb(into: Event, other: Event) -> None:
    into.evidence.extend(s for s in other.evidence if s not in into.evidence)
    for name, spans in other.spans.items():
        have = into.spans.setdefault(name, [])
        have.extend(s for s in spans if s not in have)
    for attr in ("location", "destination", "actor", "source", "date", "change"):
        if getattr(into, attr) is None and getattr(other, attr) is not None:
            setattr(into, attr, getattr(other, attr))
    if not into.origin and other.origin:
        into.origin = list(other.origin)
    into.places.extend(p for p in other.places if p not in into.places)
