"""The event grammar: from one sentence's triggers and mentions to events.

For each sentence that holds a trigger, the mentions found in it (figures,
countries, places, agencies, dates) are attached to the trigger they belong to:
the figure that counts people and sits nearest the trigger, the nationality
next to the people counted, the country people are sent to, the authority that
acted, who the sentence attributes the fact to, and the time it names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from passage.extract.dates import (
    find_dates,
    fiscal_range,
    month_words,
    same_year_kind,
    weekday_words,
    year_earlier,
)
from passage.extract.figures import find_figures
from passage.extract.geo import find_agencies, find_countries, find_places
from passage.extract.party import about_a_person, party_size, subject_end
from passage.extract.sentences import Sentence
from passage.extract.status import status_of
from passage.extract.triggers import Trigger, cue, find_triggers
from passage.model import (
    AgencyMention,
    CountryMention,
    DateMention,
    DateRange,
    Event,
    Figure,
    People,
    PlaceMention,
    Span,
)

FIGURE_REACH = 140  # a figure further than this from its trigger belongs to something else
SUBJECT_REACH = 80  # an agency this close before the trigger is taken as the actor
POLICY_FIGURE_PENALTY = FIGURE_REACH // 4  # a figure goes to a policy only when clearly nearer
# An operation is counted as such, not by people: "raids led to 125 arrests" is an
# apprehension of 125; "a crackdown forced 750,000 to flee" counts those who fled.
UNCOUNTED_TYPES = frozenset({"operation"})
# Types that never count people moved: measures have their own figures, operations none.
NO_PEOPLE_TYPES = frozenset({"policy", *UNCOUNTED_TYPES})
# Types whose people are sent somewhere: they get a destination.
MOVING_TYPES = frozenset({"removal", "return", "arrival"})
SENT_TYPES = frozenset({"removal", "return"})  # people leave the country that acts
# Without a figure of its own, a type is only the backdrop of these others in one sentence:
# "apprehended 300 migrants crossing the border" is an apprehension, not also an arrival.
BACKDROP_OF = {
    "arrival": frozenset({"apprehension", "removal", "detention", "return"}),
    "detention": frozenset({"removal", "apprehension"}),
    "return": frozenset({"removal"}),
    "operation": frozenset({"apprehension"}),
}
# A stay named by its own verb ("was held in a hotel", "remains in custody") is a fact of
# its own beside the arrest or removal it follows; only a topic noun is the backdrop.
STATE_TYPES = frozenset({"detention"})


@dataclass
class Mentions:
    """Everything found in one sentence, absolute offsets."""

    figures: list[Figure]
    countries: list[CountryMention]
    places: list[PlaceMention]
    agencies: list[AgencyMention]
    dates: list[DateMention]


@dataclass
class Candidate:
    """An event being assembled, with the sentence and trigger it came from."""

    event: Event
    sentence: Sentence
    trigger: Trigger
    weak: bool = False  # only a topic noun, no figure, no date: kept only as more evidence
    # "the thousands arriving": a vague figure with a definite article points at a
    # count the document states elsewhere
    refers_back: bool = False
    personal: bool = False  # "Olivera, 35, and her family arrived": one person's story
    measure: str | None = None  # what a vague measure is about: "barrier", "troops", ...
    name: str | None = None  # a named operation's name, casefolded: "operation rise"


def mentions(text: str, span: Span, published: date | None) -> Mentions:
    countries = find_countries(text, span.start, span.end)
    return Mentions(
        figures=find_figures(text, span.start, span.end),
        countries=countries,
        places=find_places(text, span.start, span.end),
        agencies=find_agencies(text, span.start, span.end, countries=countries),
        dates=find_dates(text, span.start, span.end, published),
    )


def sentence_events(
    text: str,
    sentence: Sentence,
    published: date | None,
    about_migration: bool = False,
    context_from: int | None = None,
    triggers: list[Trigger] | None = None,
) -> list[Candidate]:
    """Candidate events of one sentence (before merging across the document).

    ``context_from`` is where the text that gives the sentence its topic starts (the
    sentence before it): "The order was extended in May" rules on what that one named.
    ``triggers`` are the sentence's triggers when the caller has found them already.
    """
    if triggers is None:
        triggers = find_triggers(text, sentence.span, about_migration, context_from)
    if triggers and "(" in sentence.span.of(text):
        triggers = _outside_links(text, sentence.span, triggers)
    if not about_migration:
        # a passing mention of migration: only specific acts, no topic nouns or vague policy
        triggers = [t for t in triggers if not t.rule.weak and t.rule.policy_kind != "other"]
    if not triggers:
        return []
    # "including ending X, raising Y": where a list of measures begins, if it does
    listed = cue("list_opener").search(text, sentence.span.start, sentence.span.end)
    by_type = _group(text, listed, triggers)
    # a denied or imagined act counts nobody: "prevents the deportation of 600,000" gives
    # its figure to the ruling on the programme, not to a removal
    statuses = {key: status_of(text, sentence.span, _lead(group)) for key, group in by_type.items()}
    _share_coordinated_status(text, by_type, statuses)
    by_type = {key: group for key, group in by_type.items() if statuses[key] is not None}
    if not by_type:
        return []  # before reading figures, places and dates: the sentence states nothing
    found = mentions(text, sentence.span, published)
    if any(f.people.per for f in found.figures):
        # a rate ("each day") still holds: what the sentence reports is under way
        statuses = {k: "ongoing" if v == "occurred" else v for k, v in statuses.items()}
    people_figures = _people_figures(text, found)
    owners = _assign_figures(text, people_figures, by_type)
    source = _source(text, sentence.span, found)  # one per sentence, for all its events
    strong = {key[0] for key, group in by_type.items() if any(not t.rule.weak for t in group)}
    with_figure = {key[0] for key in owners}
    out: list[Candidate] = []
    parties: set[int] = set()  # people counted by a named party, not by a figure
    for (etype, kind), group, owned in _measures_apart(
        text, listed, _primary(text, by_type, owners), owners
    ):
        lead = _lead(group)
        weak = all(t.rule.weak for t in group)
        if (etype, kind) not in owners and not any(t.rule.named for t in group):
            if (
                (weak or etype not in STATE_TYPES)
                and BACKDROP_OF.get(etype, frozenset()) & (strong | with_figure)
                and not _dated_aside(text, lead)
            ):
                continue
            if weak and strong - {etype}:
                continue
        status = statuses[(etype, kind)]
        figures = owned or [None]
        party = party_size(text, sentence.span, lead) if etype != "policy" else None
        if party is not None and figures != [None]:
            # "Davila, 28, his wife and two kids are among the thousands arriving": the two
            # kids are part of the party of four, not a count of their own
            rest = [f for f in figures if f is not None and not f.span.overlaps(party.span)]
            if len(rest) < len(figures):
                figures = [None, *rest]
            else:
                party = None  # a figure counts the act; the party is not its subject
        for figure in figures:
            ev = Event(
                type=etype,  # type: ignore[arg-type]
                status=status,  # type: ignore[arg-type]
                evidence=[sentence.span],
                policy_kind=kind,
            )
            ev.spans["trigger"] = [t.span for t in group]
            if figure is not None:
                _set_people(ev, figure)
                ev.status = _status_at_figure(text, lead, figure, ev.status)  # type: ignore[assignment]
            elif party is not None:
                ev.people = People(party.size, party.size)
                ev.spans["people"] = [party.span]
                parties.add(party.size)
            elif etype != "policy" and _one_person(text, sentence, lead):
                ev.people = People(1, 1)
                parties.add(1)
            _set_countries(text, ev, lead, figure, found)
            _set_places(ev, lead, found)
            _set_actor_source(text, ev, lead, found, source)
            _set_date(
                text,
                ev,
                lead,
                figure,
                found,
                _list_item(text, figure, figures, sentence),
                published,
            )
            if _trend_only(text, sentence, lead, ev):
                continue
            if kind == "ruling" and ev.status == "planned" and ev.date is None:
                # "the ruling is expected to be appealed to the Supreme Court": a court's
                # decision to come, at no time named, is a guess; a case filed or
                # scheduled ("a trial Thursday") is a planned ruling
                continue
            # "immigrants that have crossed the border": a relative clause with no count and
            # no time says who people are; it only adds evidence to a fact stated elsewhere
            moving = etype not in STATE_TYPES
            # read once: both tests below may ask for it
            participle = moving and _describing_participle(text, lead)
            describing = (
                weak or (moving and (_relative_clause(text, lead) or participle))
            ) and ev.date is None
            # "immigrants released into the country": a participle alone in its group says
            # who people are, whatever time the sentence names elsewhere
            describing = describing or (len(group) == 1 and participle)
            weak_only = describing and ev.people is None
            out.append(
                Candidate(
                    ev,
                    sentence,
                    lead,
                    weak_only,
                    _refers_back(text, figure),
                    ev.people is None and about_a_person(text, sentence.span, lead),
                    _measure(text, lead.span)
                    if kind == "other"
                    else _measure(text, sentence.span)  # rulings on two measures are two
                    if kind == "ruling"
                    else None,
                    next((t.span.of(text).casefold() for t in group if t.rule.named), None),
                )
            )
    return _same_party(out, parties)


Group = tuple[tuple[str, str | None], list[Trigger], list[Figure]]


def _status_at_figure(text: str, trigger: Trigger, figure: Figure, status: str) -> str:
    """ "the cap exceeded 70,000 a year, and Biden has pledged to set the figure at
    125,000": a figure in a later clause is planned when its own clause plans it."""
    if status == "planned" or figure.span.start <= trigger.span.end:
        return status
    breaks = list(
        cue("clause_break", case=True).finditer(text, trigger.span.end, figure.span.start)
    )
    if breaks and cue("planned").search(text, breaks[-1].end(), figure.span.start):
        return "planned"
    return status


def _measures_apart(
    text: str,
    listed: re.Match[str] | None,
    groups: dict[tuple[str, str | None], list[Trigger]],
    owners: dict[tuple[str, str | None], list[Figure]],
) -> list[Group]:
    """Each group with its figures; in a list of measures ("including ending Remain in
    Mexico, raising the refugee cap from 15,000 to 125,000"), the vague-kind measures of
    different kinds are one group each, each figure going to the nearest."""
    out: list[Group] = []
    for key, group in groups.items():
        figures = owners.get(key, [])
        kinds: dict[str, list[Trigger]] = {}
        if key == ("policy", "other") and listed:
            for t in group:
                measure = _measure(text, t.span) if t.span.start >= listed.end() else None
                kinds.setdefault(measure or "", []).append(t)
        if len(kinds) < 2 or "" in kinds:
            out.append((key, group, figures))
            continue
        parts = list(kinds.values())
        for part in parts:
            own = [
                f
                for f in figures
                if min(parts, key=lambda p: min(_distance(f.span, t.span) for t in p)) is part
            ]
            out.append((key, part, own))
    return out


def _share_coordinated_status(
    text: str,
    groups: dict[tuple[str, str | None], list[Trigger]],
    statuses: dict[tuple[str, str | None], str | None],
) -> None:
    """ "should leave or face arrest and has begun deporting and detaining": the group's
    first verb is only threatened, but a later one is coordinated with a stated act and
    shares its status; the group then speaks through that verb."""
    stated = [
        (t, statuses[key])
        for key, group in groups.items()
        if statuses[key] is not None
        for t in group
    ]
    for key, group in groups.items():
        if statuses[key] is not None or len(group) < 2:
            continue
        for i, t in enumerate(group[1:], start=1):
            joined = next((status for f, status in stated if _joined(text, f, t)), None)
            if joined is not None:
                groups[key] = group[i:]
                statuses[key] = joined
                break


def _outside_links(text: str, span: Span, triggers: list[Trigger]) -> list[Trigger]:
    """ "(RELATED: Three Migrants Arrived At Border ...)" names another story: its words
    report nothing of this one."""
    links = [
        Span(m.start(), m.end()) for m in cue("inline_link").finditer(text, span.start, span.end)
    ]
    return [t for t in triggers if not any(t.span.overlaps(link) for link in links)]


def _measure(text: str, span: Span) -> str | None:
    """The kind of measure the words in ``span`` name: a vague measure's own word ("a
    wall", "troops", "Title 42"), or what a ruling's sentence is about ("upheld the travel
    ban"); None for words that name no kind ("the policy", "the plan")."""
    m = cue("measure_class").search(text, span.start, span.end)
    return m.lastgroup if m else None


def _refers_back(text: str, figure: Figure | None) -> bool:
    if figure is None or not figure.people.approx or figure.people.high is not None:
        return False
    before = max(0, figure.span.start - 4)
    return cue("definite_before").search(text, before, figure.span.start) is not None


def _same_party(found: list[Candidate], parties: set[int]) -> list[Candidate]:
    """One person's acts in one sentence count that person in each ("the girl was
    detained in a hotel and then placed on a flight"): the one party a sentence names
    passes to its other acts that count nobody."""
    if len(parties) != 1:
        return found
    size = next(iter(parties))
    for c in found:
        if c.event.people is None and c.event.type != "policy":
            c.event.people = People(size, size)
    return found


_DIGIT = re.compile(r"\d")


def may_continue(text: str, sentence: Sentence) -> bool:
    """Can the sentence carry on a count? Elided counts are written in digits."""
    return _DIGIT.search(text, sentence.span.start, sentence.span.end) is not None


def continued_events(
    text: str,
    sentence: Sentence,
    published: date | None,
    previous: list[Candidate],
    triggers: list[Trigger] | None = None,
) -> list[Candidate]:
    """Counts that leave out what they count, carried on from the sentence before.

    "Encounters topped 2.2 million in fiscal 2022. There were about 1.95 million in
    2021 and 648,822 in 2020." The second sentence names no act and no people: its
    bare figures, each with its own period, count what the previous sentence counted.
    """
    lead = next((c for c in previous if c.event.type != "policy"), None)
    if lead is None or not may_continue(text, sentence):
        return []  # elided counts are written in digits ("1.95 million in 2021")
    if any(
        t.type != "policy" or status_of(text, sentence.span, t) is not None
        for t in (find_triggers(text, sentence.span, True) if triggers is None else triggers)
    ):
        return []  # a measure named only as a time ("when Title 42 was in effect") is none
    found = mentions(text, sentence.span, published)
    bare = [
        f
        for f in found.figures
        if f.kind == "count"
        and f.noun is None
        and f.people.low is not None
        and _counts_people(text, f, found)
        # "648,822 in 2020", "12,197 this year": an elided count stands by its period;
        # "The total to date is 118,000": a running total by its start
        and (
            f.people.cumulative
            or any(_distance(f.span, d.span) <= ELIDED_DATE_REACH for d in found.dates)
        )
    ]
    if not bare:
        return []
    source = _source(text, sentence.span, found)  # one per sentence, for all its events
    out: list[Candidate] = []
    for figure in bare:
        ev = Event(
            type=lead.event.type,
            status=lead.event.status,
            evidence=[sentence.span],
            origin=list(lead.event.origin),
            location=lead.event.location,
            destination=lead.event.destination,
        )
        ev.spans["trigger"] = [lead.trigger.span]
        _set_people(ev, figure)
        _set_actor_source(text, ev, lead.trigger, found, source)
        _set_date(
            text,
            ev,
            lead.trigger,
            figure,
            found,
            _list_item(text, figure, bare, sentence),
            published,
        )
        if ev.date is not None:
            ev.date = same_year_kind(ev.date, lead.event.date)
        elif figure.people.cumulative:
            ev.date = lead.event.date  # a running total counts since what the lead dated
        else:
            continue
        out.append(Candidate(ev, sentence, lead.trigger))
    return out


def named_topic(text: str, sentence: Sentence, triggers: list[Trigger]) -> list[Candidate]:
    """What a sentence that states no fact still names, for the counts that follow it.

    "New Jersey has not surpassed its 2022 encounters. The state recorded 14,735 in
    2022 and 12,197 this year": the denied sentence names encounters in New Jersey; the
    next one's bare figures count them. The candidate is weak: it is never an event."""
    lead = next((t for t in triggers if t.type not in NO_PEOPLE_TYPES), None)
    if lead is None:
        return []
    ev = Event(type=lead.type, status="occurred", evidence=[sentence.span])  # type: ignore[arg-type]
    countries = find_countries(text, sentence.span.start, sentence.span.end)
    agencies = find_agencies(text, sentence.span.start, sentence.span.end, countries=countries)
    _set_countries(text, ev, lead, None, Mentions([], countries, [], agencies, []))
    return [Candidate(ev, sentence, lead, weak=True)]


def _lead(group: list[Trigger]) -> Trigger:
    """The trigger that speaks for a group: its first specific one."""
    return next((t for t in group if not t.rule.weak), group[0])


def _group(
    text: str, listed: re.Match[str] | None, triggers: list[Trigger]
) -> dict[tuple[str, str | None], list[Trigger]]:
    """Triggers by event type; a sentence's policy gets its most specific kind."""
    groups: dict[tuple[str, str | None], list[Trigger]] = {}
    policy = [t for t in triggers if t.type == "policy"]
    for t in triggers:
        if t.type != "policy":
            groups.setdefault((t.type, None), []).append(t)
    if policy:
        # one policy per measure named: "agreed to cover the costs ... reinstated visa
        # requirements" is a funding and a visa policy; a vaguer "policy" only when alone,
        # but in a list ("including ending the Migrant Protection Protocols, raising the
        # refugee cap") a measure of a known kind is one of the measures, not a vaguer word
        specific = [
            t
            for t in policy
            if t.rule.policy_kind != "other"
            or (listed and listed.end() <= t.span.start and _measure(text, t.span))
        ]
        for t in _objects_over_suspensions(text, specific) or policy:
            groups.setdefault(("policy", t.rule.policy_kind), []).append(t)
    if ("removal", None) in groups and ("return", None) in groups:
        # "deported back to their home countries": one removal, not a return too
        del groups[("return", None)]
    return groups


def _objects_over_suspensions(text: str, triggers: list[Trigger]) -> list[Trigger]:
    """ "The UK suspended its visa waiver": the measure suspended names the kind (a visa
    measure), not a second fact; a suspension of acts ("suspended deportations") stays."""
    kept = []
    for t in triggers:
        if t.rule.policy_kind == "suspension" and any(
            o.rule.policy_kind not in ("suspension", "other")
            and t.span.end < o.span.start
            and cue("measure_object_gap").fullmatch(text, t.span.end, o.span.start)
            for o in triggers
        ):
            continue
        kept.append(t)
    return kept


def _primary(
    text: str,
    groups: dict[tuple[str, str | None], list[Trigger]],
    owners: dict[tuple[str, str | None], list[Figure]],
) -> dict[tuple[str, str | None], list[Trigger]]:
    """The groups a sentence states: every group with its own figure, else the first strong one.

    A sentence almost always states one fact (about 95% of annotated sentences hold
    one event type), usually with its first verb.
    """
    policies = {k: v for k, v in groups.items() if k[0] == "policy"}
    groups = {k: v for k, v in groups.items() if k[0] != "policy"}
    if not groups:
        return policies
    if len(groups) < 2:
        return groups | _policies_before(text, policies, next(iter(groups.values())))
    named = {k: v for k, v in groups.items() if any(t.rule.named for t in v)}
    counted = {k: v for k, v in groups.items() if k in owners}
    if counted:
        # "agreed to begin deporting Venezuelans, a reversal after hundreds of thousands
        # fled": a main act before the clause that holds the count is stated too
        first_counted = min(v[0].span.start for v in counted.values())
        lead = {
            k: v
            for k, v in groups.items()
            if k not in counted
            and v[0].span.start < first_counted
            and not all(t.rule.weak for t in v)
            and not _relative_verb(text, v[0])
            and cue("clause_break", case=True).search(text, v[-1].span.end, first_counted)
        }
        return counted | lead | named | policies

    def rank(item: tuple[tuple[str, str | None], list[Trigger]]) -> tuple[int, int, int]:
        # a verb in a relative clause says who people are ("Pakistan, home to people who
        # have fled Afghanistan, is launching a mass deportation"): the main verb states
        _, group = item
        relative = _relative_verb(text, group[0])
        return (int(all(t.rule.weak for t in group)), int(relative), group[0].span.start)

    best = min(groups.items(), key=rank)
    stays = {
        k: v for k, v in groups.items() if k[0] in STATE_TYPES and not all(t.rule.weak for t in v)
    }
    joined = {k: v for k, v in groups.items() if _coordinated(text, best[1], v)}
    dated = {k: v for k, v in groups.items() if _dated_aside(text, v[0])}
    return (
        {best[0]: best[1]}
        | stays
        | joined
        | dated
        | named
        | _policies_before(text, policies, best[1])
    )


def _dated_aside(text: str, trigger: Trigger) -> bool:
    """ "Zongo, who arrived in Britain from Burkina Faso in January 2019, was refused
    entry": a relative clause that dates its own act states a fact of its own."""
    if trigger.rule.weak or not _relative_clause(text, trigger):
        return False
    end = text.find(",", trigger.span.end, trigger.span.end + ASIDE_REACH)
    if end < 0:
        return False
    # an absolute date only ("in January 2019"): resolved without the publication date
    return bool(find_dates(text, trigger.span.end, end, None))


def _relative_verb(text: str, trigger: Trigger) -> bool:
    return _relative_clause(text, trigger) or _describing_participle(text, trigger)


def _relative_clause(text: str, trigger: Trigger) -> bool:
    """ "immigrants who have crossed": a relative pronoun right before the verb."""
    start = max(0, trigger.span.start - RELATIVE_REACH)
    return cue("relative_clause_before").search(text, start, trigger.span.start) is not None


def _describing_participle(text: str, trigger: Trigger) -> bool:
    """ "a surge in undocumented immigrants arriving at the border", "to take back their
    citizens deported at the border": a participle after the people it describes says
    who they are."""
    start = max(0, trigger.span.start - RELATIVE_REACH)
    verb = trigger.span.of(text).split()[0].lower()
    if (
        verb.endswith("ing")
        and " " not in trigger.span.of(text)
        and cue("people_nouns").match(text, trigger.span.end + 1, trigger.span.end + 40)
    ):
        return True  # "aid to arriving migrants": the participle is their adjective
    people = cue("participle_after_people").search(text, start, trigger.span.start)
    if people is None:
        return False
    if verb.endswith("ing"):
        return True
    # "-ed" is a past tense too ("Migrants arrived on Tuesday"); it is a participle when
    # the people are the object of a preposition or verb ("relatives of migrants deported")
    return verb.endswith("ed") and (
        cue("object_before").search(text, max(0, people.start() - 40), people.start()) is not None
    )


def _coordinated(text: str, first: list[Trigger], other: list[Trigger]) -> bool:
    """Two verbs joined by "and" are two acts: "has begun deporting and detaining"."""
    return any(not t.rule.weak and any(_joined(text, f, t) for f in first) for t in other)


def _joined(text: str, first: Trigger, then: Trigger) -> bool:
    """Is ``then`` the verb right after ``first``, joined by "and"?"""
    return first.span.end <= then.span.start and (
        cue("coordination_gap").fullmatch(text, first.span.end, then.span.start) is not None
    )


def _policies_before(
    text: str, policies: dict[tuple[str, str | None], list[Trigger]], other: list[Trigger]
) -> dict[tuple[str, str | None], list[Trigger]]:
    """Measures named before a sentence's movement verb frame it ("agreed to begin
    deporting"); named after it, they are mostly its backdrop ("expelled under an order")."""
    if all(t.rule.weak for t in other):
        return policies
    first = other[0].span.start
    return {
        k: v
        for k, v in policies.items()
        if v[0].span.start < first or _own_act(text, other[0].span.end, v[0].span.start)
    }


def _own_act(text: str, start: int, end: int) -> bool:
    """ "crossed on Sunday, prompting officials to close the border crossings": a measure
    after the movement with its own act verb is a fact, not the movement's backdrop."""
    return end > start and cue("policy_acts").search(text, start, end) is not None


THING_REACH = 60  # "three federal law enforcement related grants": where the counted thing ends
ELIDED_DATE_REACH = 25  # how far from its period an elided count ("648,822 in 2020") stands
ASIDE_REACH = 80  # "who arrived in Britain from Burkina Faso in January 2019,": a dated aside
RELATIVE_REACH = 30  # "who have recently" before a verb: how far back a relative pronoun stands
PART_REACH = 40  # "including 430 children": how far back the word naming a part may stand


def _people_figures(text: str, found: Mentions) -> list[Figure]:
    """The sentence's figures that count people, parts of a counted total left out."""
    out: list[Figure] = []
    last_part: Figure | None = None
    for figure in found.figures:
        if not _counts_people(text, figure, found):
            continue
        before = text[max(0, figure.span.start - PART_REACH) : figure.span.start]
        if (
            cue("part_of_total").search(before)
            or (out and cue("part_of_listed").search(before))
            or (last_part and _list_gap(text, last_part.span.end, figure.span.start))
        ):
            # "3,400 migrants, including 430 children", "the arrests included 11 Indians,
            # two Libyans and one Senegalese": a part of a total is no event of its own
            # ("waves of deportations, including 25,000 in 2018" counts no total, so its
            # parts are the events)
            last_part = figure
            continue
        if out and cue("derived_from_total").match(text, out[-1].span.end, figure.span.end):
            continue  # "totaled 486,930 over three years, averaging 162,310": arithmetic
        last_part = None
        out.append(figure)
    return out


# between two items of one list: a short run with a comma or "and", no clause break
def _list_gap(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` the gap between two items of one list (a short run with a
    comma or "and", no clause break)?"""
    return cue("list_gap").fullmatch(text, start, end) is not None


def _list_item(
    text: str, figure: Figure | None, figures: list[Figure | None], sentence: Sentence
) -> Span:
    """The stretch of a sentence that belongs to one figure of a list: from the figure
    to the next one ("25,000 to Niger in 2018, and another 25,000 in 2019"), or, for a
    figure in brackets, from the one before up to it ("in April (276,055) and May
    (275,114)": the bracket follows what it counts)."""
    if figure is None or len(figures) < 2:
        return sentence.span
    if text[sentence.span.start : figure.span.start].rstrip().endswith("("):
        earlier = [f.span.end for f in figures if f is not None and f.span.end < figure.span.start]
        return Span(max(earlier, default=sentence.span.start), figure.span.end)
    later = [f.span.start for f in figures if f is not None and f.span.start > figure.span.start]
    return Span(figure.span.start, min(later, default=sentence.span.end))


BACKSTORY_REACH = 120  # "had been denied services, wrongly detained or even deported"


def _trend_only(text: str, sentence: Sentence, trigger: Trigger, ev: Event) -> bool:
    """ "An increase in families arriving", "increase the number of deportations": a trend
    with neither a figure nor a time is no event (GUIDELINES)."""
    if ev.type == "policy" or ev.people is not None or ev.date is not None:
        return False
    if cue("background_marker").search(text, sentence.span.start, sentence.span.end):
        # "with police crackdowns and threats of deportation in previous years", "for
        # years, they have resorted to crossings": the past as a habit, no act of the story
        return True
    before = text[max(sentence.span.start, trigger.span.start - 50) : trigger.span.start]
    if cue("trend_before").search(before) is not None:
        return True
    # "Those who had arrived ... had been denied services, detained or even deported":
    # backstory in the past perfect, with no count and no time, tells no event
    clause = text[
        max(sentence.span.start, trigger.span.start - BACKSTORY_REACH) : trigger.span.start
    ]
    return cue("pluperfect_before").search(clause) is not None


def _counts_people(text: str, figure: Figure, found: Mentions) -> bool:
    if figure.kind != "count" or (figure.people.low is None and figure.people.high is None):
        return False
    if figure.people.high == 0 or cue("negated_count_before").search(
        text, max(0, figure.span.start - 6), figure.span.start
    ):
        return False  # "zero tolerance", "not one Rohingya interviewed": nobody is counted
    if cue("population_before").search(text, max(0, figure.span.start - 50), figure.span.start):
        return False  # "a town of 28,000 people" counts residents, not people moving
    if cue("change_amount_before").search(text, max(0, figure.span.start - 60), figure.span.start):
        return False  # "expanding facilities by 3,250", "after plummeting to 800": a change
    if cue("staff_count_before").search(text, max(0, figure.span.start - 120), figure.span.start):
        return False  # "the number of National Guard troops ... to 2,200" counts troops
    if cue("backlog_before").search(text, max(0, figure.span.start - 120), figure.span.start):
        return False  # "a backlog of pending cases that now exceeds 1 million" counts cases
    if cue("things_of_before").search(text, max(0, figure.span.start - 30), figure.span.start):
        return False  # "revoke the work permits of hundreds": papers, not people moved
    if cue("kin_of_before").search(text, max(0, figure.span.start - 20), figure.span.start):
        return False  # "the parents of 545 children were deported": not the children
    if cue("habitual").search(text, max(0, figure.span.start - 25), figure.span.start):
        return False  # "the cap typically exceeded 70,000 a year": what used to be
    if cue("difference_after").match(text, figure.span.end):
        return False  # "256,629, which is 6,803 more than the average": a difference
    if figure.noun is not None and cue("not_people_nouns").search(figure.noun):
        return False  # "two official border crossings" are places
    if figure.noun is None:
        # "two of the busiest sectors": a part of something that is not people;
        # "three federal grants", "millions in grant money": things, not people
        after = text[figure.span.end : figure.span.end + THING_REACH]
        return not text.startswith(" of ", figure.span.end) and not cue("things_after").match(after)
    noun = figure.noun.split()[-1] if figure.noun.split() else figure.noun
    if cue("people_nouns").fullmatch(noun):
        return True
    if figure.noun_span is not None:
        return any(
            c.form == "demonym" and c.span.overlaps(figure.noun_span) for c in found.countries
        )
    return False


def _assign_figures(
    text: str, figures: list[Figure], groups: dict[tuple[str, str | None], list[Trigger]]
) -> dict[tuple[str, str | None], list[Figure]]:
    """Give each people figure to the nearest trigger's type (within reach).

    A figure whose noun is a trigger ("72,000 removals") counts that trigger, and a
    trigger so counted takes no other figure: in "encounters topped 2.2 million in
    2022, while ICE conducted 72,000 removals" the 2.2 million are encounters.
    """
    owners: dict[tuple[str, str | None], list[Figure]] = {}
    counted: set[Span] = set()
    rest: list[Figure] = []
    listed: tuple[Figure, tuple[str, str | None]] | None = None  # last figure owned by its noun
    for figure in figures:
        own = _noun_trigger(figure, groups)
        if own is not None:
            owners.setdefault(own[0], []).append(figure)
            counted.add(own[1].span)
            listed = (figure, own[0])
        elif listed is not None and _list_gap(text, listed[0].span.end, figure.span.start):
            # "3,140 encounters in 2022 and 2,443 so far this year": the list goes on
            owners[listed[1]].append(figure)
            listed = (figure, listed[1])
        else:
            rest.append(figure)
            listed = None
    for figure in rest:
        best, best_distance, best_at = None, FIGURE_REACH + 1, 0
        for key, group in groups.items():
            if key[0] in UNCOUNTED_TYPES:
                continue
            for t in group:
                if t.span in counted:
                    continue
                d = _distance(figure.span, t.span)
                if key[0] == "policy":
                    d += POLICY_FIGURE_PENALTY
                if d < best_distance:
                    best, best_distance, best_at = key, d, t.span.start
        if best is not None and not _counted_in_next_clause(text, figure, figures, best_at):
            owners.setdefault(best, []).append(figure)
    return owners


def _counted_in_next_clause(text: str, figure: Figure, figures: list[Figure], at: int) -> bool:
    """ "2.1 million people have been displaced inside Sudan, and 600,000 have fled": the
    act after the clause break counts its own figure; the one before it is the subject of
    another verb."""
    if figure.span.end > at:
        return False
    return any(
        figure.span.end < other.span.start < at
        and cue("clause_joint").search(text, figure.span.end, other.span.start) is not None
        for other in figures
    )


def _noun_trigger(
    figure: Figure, groups: dict[tuple[str, str | None], list[Trigger]]
) -> tuple[tuple[str, str | None], Trigger] | None:
    if figure.noun_span is None:
        return None
    for key, group in groups.items():
        if key[0] in UNCOUNTED_TYPES:
            continue
        for t in group:
            if t.span.overlaps(figure.noun_span):
                return key, t
    return None


SINGLE_REACH = 130  # how far back the one person a trigger is about may be named


def _one_person(text: str, sentence: Sentence, trigger: Trigger) -> bool:
    """Is the event about one person ("Liu was detained", "deported a Russian national")?"""
    start = max(sentence.span.start, trigger.span.start - SINGLE_REACH)
    before = text[start : subject_end(text, trigger)]
    progressive = cue("progressive_form").match(text, trigger.span.start, trigger.span.end)
    if not progressive and cue("single_person_before", case=True).search(before):
        return True  # "Liu was detained"; "Pakistan is launching a deportation" names no one
    if cue("state_verbs").match(text, trigger.span.start, trigger.span.end) and cue(
        "single_subject_before", case=True
    ).search(before):
        return True  # "she spent a year at a detention center": the one who stays
    if cue("named_object_inside", case=True).search(text, trigger.span.start, trigger.span.end):
        return True  # "authorities took Lisitskiy into custody"
    after = text[trigger.span.end : min(sentence.span.end, trigger.span.end + 60)]
    if cue("single_person_after", case=True).search(after) is not None:
        return True
    # "ICE agents detained him": the trigger itself ends with its one person
    return (
        cue("single_person_after", case=True).search(" " + trigger.span.of(text).split()[-1])
        is not None
    )


def _distance(a: Span, b: Span) -> int:
    if a.overlaps(b):
        return 0
    return b.start - a.end if a.end <= b.start else a.start - b.end


def _set_people(ev: Event, figure: Figure) -> None:
    p = figure.people
    ev.people = People(p.low, p.high, p.approx, p.per, p.cumulative)
    ev.spans["people"] = [figure.span]
    if figure.change is not None:
        ev.change = figure.change
        if figure.change_span is not None:
            ev.spans["change"] = [figure.change_span]


def _set_countries(
    text: str, ev: Event, trigger: Trigger, figure: Figure | None, found: Mentions
) -> None:
    origin: list[CountryMention] = []
    destination: CountryMention | None = None
    destinations: list[CountryMention] = []  # the first, and those joined to it by "and"
    location: CountryMention | None = None
    for c in found.countries:
        if destinations and _joined(text, destinations[-1], c):
            destinations.append(c)  # "to Tirana and Hanoi"
            continue
        before = text[max(0, c.span.start - 25) : c.span.start]
        after = text[c.span.end : c.span.end + 30]
        if cue("influence_before").search(before):
            continue  # "under pressure from the US, Mexico deployed ...": neither place nor origin
        if _visa_for(text, ev, trigger, c, before, origin):
            origin.append(c)  # "suspended its visa waiver for Dominica and Honduras"
            continue
        if c.form != "demonym" and cue("removed_from_before").search(
            text, max(0, c.span.start - 60), c.span.start
        ):
            # "removal from the United States": the country that removes, not the origin;
            # it outweighs a country named before the act ("Ethiopia said ... had been
            # returned from Saudi Arabia")
            if location is None or location.span.end <= trigger.span.start:
                location = c
        elif (
            c.form == "demonym"
            or (c.form != "capital" and _people_after(after))
            or cue("origin_before").search(before)
        ):
            if c.span.start > trigger.span.end and cue("other_clause_between").search(
                text, trigger.span.end, c.span.start
            ):
                continue  # "followed clashes in which a Tunisian man was killed": not theirs
            origin.append(c)
        elif c.span.start > trigger.span.start and cue("destination_before").search(before):
            # people are removed or return to a country, not "in" it ("deported migrants
            # had been living in the United States")
            sent_in = ev.type in SENT_TYPES and cue("in_before").search(before)
            if destination is None and ev.type in MOVING_TYPES and not sent_in:
                destination = c
                destinations.append(c)
            elif location is None and cue("location_before").search(before):
                location = c
        elif location is None and (
            cue("authority_after").match(after)
            or c.span.end <= trigger.span.start
            or (c.form == "adjective" and cue("place_noun_after").match(after))
        ):
            location = c  # "landed on a Greek island": the adjective names where
    for a in found.agencies:
        if a.country and location is None:
            location = CountryMention(a.span, a.country, "name")
    if figure is not None and figure.noun_span is not None:
        # "72,000 Haitians, 63,000 Venezuelans": each figure counts its own nationality
        own = [c for c in origin if c.form == "demonym" and c.span.overlaps(figure.noun_span)]
        for c in origin:
            if own and c.form == "demonym" and _joined(text, own[-1], c):
                own.append(c)  # "138 Venezuelans and Colombians": one count of both
        origin = own or origin
    ev.origin = sorted({c.code for c in origin})
    if origin:
        ev.spans["origin"] = [c.span for c in origin]
    if location is not None:
        ev.location = location.code
        ev.spans["location"] = [location.span]
    if ev.type in SENT_TYPES and destination is not None and destination.code == ev.location:
        destination = None  # "... in the lead-up to the US election": no one is sent home
    if len(ev.origin) == 1 and len(destinations) > 1:
        # "43 Albanians and 12 Vietnamese ... to Tirana and Hanoi": each to their own
        destination = next((c for c in destinations if c.code == ev.origin[0]), destination)
    if ev.type in MOVING_TYPES:
        if destination is not None:
            ev.destination = destination.code
            ev.spans["destination"] = [destination.span]
        elif ev.type == "arrival" and ev.location:
            ev.destination = ev.location
        elif len(ev.origin) == 1 and ev.type in SENT_TYPES:
            ev.destination = ev.origin[0]
    if ev.type == "arrival" and ev.destination and ev.location is None:
        ev.location = ev.destination


def _visa_for(
    text: str,
    ev: Event,
    trigger: Trigger,
    c: CountryMention,
    before: str,
    origin: list[CountryMention],
) -> bool:
    """Is country ``c`` one a visa measure is for ("a visa waiver for Dominica")?"""
    if ev.policy_kind != "visa" or c.form == "demonym" or c.span.start <= trigger.span.start:
        return False
    return bool(cue("visa_for_before").search(before)) or bool(
        origin and _joined(text, origin[-1], c)
    )


def _joined(text: str, first: CountryMention, then: CountryMention) -> bool:
    """Is ``then`` coordinated right after ``first`` ("Venezuelans and Colombians")?"""
    return first.span.end < then.span.start and bool(
        cue("coordination_joint").fullmatch(text, first.span.end, then.span.start)
    )


def _people_after(after: str) -> bool:
    """ "U.S. citizens", "Honduran migrants": people of that country; not "the U.S.
    refugee agency", an institution named by the people it serves."""
    words = after.strip()
    people = cue("people_nouns").match(words)
    return people is not None and not cue("institution_after").match(words, people.end())


def _set_places(ev: Event, trigger: Trigger, found: Mentions) -> None:
    places = found.places
    if places:
        ev.places = list(dict.fromkeys(p.name for p in places))
        ev.spans["places"] = [p.span for p in places]
        if ev.location is None:
            codes = {p.country for p in places if p.country}
            if len(codes) == 1:
                ev.location = codes.pop()
                if ev.type == "arrival" and ev.destination is None:
                    ev.destination = ev.location  # "arrived in Chicago": in the US


def _set_actor_source(
    text: str, ev: Event, trigger: Trigger, found: Mentions, source: Span | None
) -> None:
    """The authority that acted, and ``source``: who the sentence attributes it to."""
    actors = [
        a
        for a in found.agencies
        if a.span.end <= trigger.span.start and trigger.span.start - a.span.end <= SUBJECT_REACH
    ]
    by = [
        a
        for a in found.agencies
        if a.span.start >= trigger.span.end
        and cue("agent_before").search(text[max(0, a.span.start - 8) : a.span.start])
    ]
    actor = (by or actors[-1:] or [None])[0]
    if actor is not None:
        ev.actor = actor.name
        ev.spans["actor"] = [actor.span]
    if source is not None:
        ev.source = source.of(text)
        ev.spans["source"] = [source]


# a full stop ends the source unless it closes an initial ("the U.S. and Mexican governments")
_SOURCE_STOP = re.compile(r"[,;:()“”\"]|(?<![A-Z])\.|\s(?:that|who|which|on|in|at|last|this)\s")


def _source(text: str, span: Span, found: Mentions) -> Span | None:
    """Who the sentence attributes its fact to: "according to X", "X said"."""
    m = cue("according_to").search(text, span.start, span.end)
    if m:
        start = m.end()
        while start < span.end and text[start] == " ":
            start += 1
        stop = _SOURCE_STOP.search(text, start, span.end)
        end = stop.start() if stop else span.end
        last_word = text[start:end].rsplit(" ", 1)[-1]
        if last_word.endswith(".") and last_word.count(".") == 1:
            end -= 1  # "according to CBP." ends with the sentence's stop, not an initial
        return Span(start, end) if end > start else None
    verbs = cue("attribution_verbs")
    for v in verbs.finditer(text, span.start, span.end):
        # "..., X said" / "X said (that) ..." : take the agency or noun phrase right before
        before = [a for a in found.agencies if 0 <= v.start() - a.span.end <= 3]
        if before:
            return before[-1].span
        words = re.search(
            r"((?:[A-Z][\w.’'-]*|of|the|for)(?:\s+(?:[A-Z][\w.’'-]*|of|the|for)){0,6})\s+$",
            text[max(span.start, v.start() - 80) : v.start()],
        )
        if words:
            start = v.start() - len(words.group(0))
            name = words.group(1)
            if name.split()[0].lower() not in ("the", "of", "for") and name[0].isupper():
                return Span(start, start + len(name))
    return None


DATE_REACH = 100  # a date further than this from its trigger or figure dates another clause
LONE_DATE_REACH = 130  # ... unless it is the sentence's only date


def _set_date(
    text: str,
    ev: Event,
    trigger: Trigger,
    figure: Figure | None,
    found: Mentions,
    item: Span,
    published: date | None = None,
) -> None:
    """The date nearest the figure (or trigger); in a list of figures, the one its own
    item names first ("14,735 in 2022 and 12,197 this year")."""
    anchor = figure.span if figure is not None else trigger.span
    named = [d for d in found.dates if not _names_a_thing(text, d.span)]
    # a sentence's one date dates its act from further away ("Police arrest migrants
    # during a search in a neighbourhood of Karachi, Thursday, Nov. 2")
    reach = LONE_DATE_REACH if len(named) == 1 else DATE_REACH
    dates = [d for d in named if _distance(d.span, anchor) <= reach]
    if not dates:
        return
    # "in fiscal year 2020, which ended Sept. 30": a date in a relative clause describes
    # the period the sentence names, it is not the period itself
    framed = [d for d in dates if not _in_relative_clause(text, d.span)]
    dates = framed or dates
    own = [d for d in dates if item.start <= d.span.start and d.span.end <= item.end]
    best = min(own or dates, key=lambda d: _distance(d.span, anchor))
    if trigger.rule.weak and figure is None and _dates_a_statement(text, best.span):
        # "subjected to waves of arrests, Amnesty said Monday": the day it was said does
        # not make a topic noun an act of that day
        return
    if (
        trigger.rule.weak
        and figure is None
        and trigger.span.end <= best.span.start
        and cue("other_event_between").search(text, trigger.span.end, best.span.start)
    ):
        return  # "the expulsions followed clashes last week": the date is the clashes'
    ev.date = _already(text, best, ev.status, published) or _ahead(text, best, ev.status, published)
    if best.fiscal is not None and ev.location is not None:
        # "deported 47,000 in the 2022/23 financial year" in South Africa: April to March
        ev.date = fiscal_range(best.fiscal, ev.location)
    ev.spans["date"] = [best.span]


_FIRST_WORD = re.compile(r"[A-Za-z]+")


def _already(
    text: str, mention: DateMention, status: str, published: date | None
) -> DateRange | None:
    """ "The first surge happened in December" in a report of October: a month or day
    named without its year, for an act that has occurred, is the last one before the
    report. None when that does not apply."""
    r = mention.range
    if (
        status != "occurred"
        or not mention.relative
        or published is None
        or r.start is None
        or r.start <= published
    ):
        return None
    first = _FIRST_WORD.match(mention.span.of(text))
    if first is None or first.group(0).lower() not in month_words():
        return None
    if not cue("time_adjunct_before").search(
        text, max(0, mention.span.start - 10), mention.span.start
    ):
        return None  # "announced a November 1 deadline": the date of a thing, not of the act
    return year_earlier(r)


WEEK = timedelta(days=7)
# "said in a statement Monday": how far a reporting verb stands before its date
STATEMENT_REACH = 25


def _dates_a_statement(text: str, span: Span) -> bool:
    """ "..., Amnesty International said in a statement Monday": the date is when it was said."""
    start = max(0, span.start - STATEMENT_REACH)
    return any(
        cue("statement_date_gap").fullmatch(text, verb.end(), span.start)
        for verb in cue("attribution_verbs").finditer(text, start, span.start)
    )


def _ahead(text: str, mention: DateMention, status: str, published: date | None) -> DateRange:
    """ "Germany will reintroduce border checks from Monday": a weekday that starts a
    planned act is the coming one, not the one just past ("On Wednesday, the EU
    proposed ..." dates the proposal)."""
    r = mention.range
    if (
        status != "planned"
        or not mention.relative
        or published is None
        or r.precision != "day"
        or r.start is None
        or not published - WEEK < r.start < published
        or mention.span.of(text).rstrip(".").lower() not in weekday_words()
        or not cue("start_before").search(text, max(0, mention.span.start - 15), mention.span.start)
    ):
        return r
    return DateRange(r.start + WEEK, (r.end or r.start) + WEEK, "day")


def _in_relative_clause(text: str, span: Span) -> bool:
    return cue("relative_date_before").search(text, max(0, span.start - 30), span.start) is not None


def _names_a_thing(text: str, span: Span) -> bool:
    """A year inside a name ("the 1980 Refugee Act", "the Act of 1952"), or a date that
    tells which measure is meant ("repealed a 2015 law", "under the 2016 deal"), dates
    no event."""
    before = text[max(0, span.start - 8) : span.start]
    after = text[span.end : span.end + 40]
    if cue("date_in_name_before", case=True).search(before) or cue(
        "date_in_name_after", case=True
    ).match(after):
        return True
    return bool(
        cue("thing_after").match(after)
        and cue("determiner_before").search(text, max(0, span.start - 16), span.start)
    )
