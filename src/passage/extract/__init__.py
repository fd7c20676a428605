"""Event extraction: a cheap relevance gate, then figures, places, dates and events.

``extract(doc)`` runs the cascade: documents with no sign of migration
enforcement leave at the gate; the rest are split into sentences, each
sentence with a trigger gets its mentions read and its events assembled, and
repeats of one fact across headline, body and captions are merged.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from passage.extract.dates import same_year_kind, twelve_months_off_january
from passage.extract.events import SENT_TYPES
from passage.extract.merge import is_party, merge
from passage.extract.triggers import (
    Trigger,
    find_triggers,
    relevant,
    scan_document,
)
from passage.model import DateRange, Document, Event, RawDocument, Span

if TYPE_CHECKING:
    from passage.extract.events import Candidate
    from passage.extract.sentences import Sentence


def extract(doc: Document) -> list[Event]:
    """All events of one cleaned document, evidence as spans into its original text."""
    kept = doc.kept()
    # the gate on the kept blocks, the topic and the trigger hints, read in one pass
    scan = scan_document(doc.text, [Span(b.start, b.end) for b in kept])
    if not scan.relevant:
        return []
    from passage.extract.anaphora import Group, counted_group, refer_back
    from passage.extract.events import (
        continued_events,
        may_continue,
        named_topic,
        sentence_events,
    )
    from passage.extract.sentences import sentences

    candidates: list[Candidate] = []
    previous: list[Candidate] = []
    before: Sentence | None = None
    # the sentence before and its triggers, when it named acts but stated nothing
    silent: tuple[Sentence, list[Trigger]] | None = None
    group: Group | None = None  # the last small group counted: "they" may be those
    measures: set[str] = set()  # measure words used about migration so far: "the order"
    spans = sentences(doc)
    topic, hints = scan.topic, scan.sentence_hints([s.span for s in spans])
    text, published = doc.text, doc.published
    for index, sentence in enumerate(spans):
        # the sentence before, in one paragraph, gives a sentence its topic too
        context_from = (
            before.span.start if before is not None and before.block == sentence.block else None
        )
        held = None if hints is None else hints[index]  # None: read by find_triggers
        triggers = (
            []  # no hint, so no rule can match
            if held is not None and not held
            else find_triggers(
                text, sentence.span, topic, context_from, measures, held, scan.context
            )
        )
        # a sentence with no trigger states no event of its own
        found = (
            sentence_events(text, sentence, published, topic, context_from, triggers)
            if triggers
            else []
        )
        before = sentence
        if (
            not found
            and topic
            and (previous or silent is not None)  # else nothing to carry on
            and may_continue(text, sentence)
        ):
            if not previous and silent is not None:
                # a sentence that stated nothing may still name what this one counts
                previous = named_topic(text, *silent)
            found = continued_events(text, sentence, published, previous, triggers)
        if found:
            refer_back(text, found, group, index)
            group = counted_group(found, index) or group
            candidates.extend(found)
            previous = [c for c in found if not c.weak]
            silent = None
        else:
            previous = []
            silent = (sentence, triggers) if triggers else None
    events = _report_years(merge(candidates))
    return _default_locations(_drop_background(events, doc.published))


BACKGROUND_YEARS = 3  # an undated-count event this much older than the report is background
PARTY_BACKGROUND_YEARS = 10  # ... and one person's or family's move this much older


def _drop_background(events: list[Event], published: date | None) -> list[Event]:
    """History older than the report's story, with no figure or only one person's or
    family's ("Yan, 43, left China 20 years ago"), is background, not an event."""
    if published is None:
        return events
    limit = published.replace(year=published.year - BACKGROUND_YEARS, month=1, day=1)
    # a person's journey of four years ago can still be the story; twenty years ago it is
    # their past
    party_limit = published.replace(year=published.year - PARTY_BACKGROUND_YEARS, month=1, day=1)
    return [
        e
        for e in events
        if e.date is None
        or e.date.end is None
        or e.date.end >= limit
        or (e.people is not None and not is_party(e.people))
        or (e.people is not None and e.date.end >= party_limit)
    ]


def _report_years(events: list[Event]) -> list[Event]:
    """A report that counts a type of act in twelve months that do not start in January
    ("2.76 million encounters in the year ending in September 2022") counts it so all
    along: its later bare years of that act ("14,735 in 2022", "12,197 this year") are
    the same kind of year."""
    framing: dict[str, DateRange] = {}
    for event in events:
        if event.people is None or event.date is None:
            continue
        kind = framing.get(event.type)
        if kind is None:
            if twelve_months_off_january(event.date):
                framing[event.type] = event.date
        elif event.date.precision == "year":
            event.date = same_year_kind(event.date, kind)
    return events


def _default_locations(events: list[Event]) -> list[Event]:
    """Events that name no country happen where the report's other events happen.

    A report's events mostly share one country of action ("Border Patrol", "the
    administration"); the most frequent location stands in for a missing one.
    """
    counts = Counter(e.location for e in events if e.location)
    if not counts:
        return events
    usual = counts.most_common(1)[0][0]
    for event in events:
        if event.location is None:
            event.location = usual
            if event.type == "arrival" and event.destination is None:
                event.destination = usual
            elif event.type in SENT_TYPES and event.destination == usual:
                event.destination = None  # no one is removed to the country removing them
    return events


def prepare() -> None:
    """Compile every pattern the extraction may use now (about a second), not on first
    use: for a long run, or a benchmark, whose rate should not hold that one-off cost."""
    from passage.extract.dates import prepare as prepare_dates
    from passage.extract.triggers import compile_all

    compile_all()
    prepare_dates()


def extract_raw(raw: RawDocument) -> list[Event]:
    """The whole cascade from a document as read: the gate runs before cleaning,
    so a report with no sign of migration enforcement costs one regex scan."""
    if not relevant(raw.text):
        return []
    from passage.clean import clean

    return extract(clean(raw))


__all__ = ["extract", "extract_raw", "prepare", "relevant"]
