"""When two reported events state the same fact, and how well they match.

A :class:`Claim` is an event as one report states it, with the report's
publication date and the words of its evidence. ``same_fact`` is symmetric: it
is the edge test of consolidation, so its result must not depend on the order
of its arguments.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from passage.model import DateRange, Event, People

# An undated event can only be the dated one another outlet reports when both went
# to press within a week: news of one flight or raid is printed within days.
NULL_DATE_WINDOW_DAYS = 7
# Outlets count and round differently (100 vs 130 on one flight); a larger figure
# more than 1.5 times the smaller one is another quantity, not another count.
FIGURE_TOLERANCE = 0.5
# Counts under 10 (one person, a family) are too common to tell two cases apart.
DISTINCTIVE_FIGURE = 10
# Without telling figures, two reports are one fact only when their evidence shares
# this much of its words (Jaccard): a republished sentence shares nearly all, two
# outlets' own wordings of one fact rarely half.
EVIDENCE_SIMILARITY = 0.5
# An undated report matches by publication day alone; its evidence must at least
# name two of the same things (places, names, numbers) as the other's.
UNDATED_SHARED_WORDS = 2
# "About 300" covers 270-330 when deciding whether figures agree.
APPROX_MARGIN = 0.1
# Reports of one event may date it a day apart (an overnight operation, time
# zones, the day a figure was announced rather than the day it happened).
DATE_SLACK_DAYS = 1
# Two running totals are one reading only when taken on the same day (give or
# take the day between two outlets' publication); a week apart they are updates.
CUMULATIVE_ASOF_DAYS = 1
# A day and a month can name the same flight ("on Friday", "this month"); a day and
# a year ("in 2023") are a single and a yearly total.
MAX_SPAN_RATIO = 31


@dataclass(frozen=True)
class Interval:
    """The days an event's date covers, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def overlaps(self, other: Interval, slack: int = 0) -> bool:
        """Whether the two share a day, or come within ``slack`` days of each other."""
        gap = timedelta(days=slack)
        return self.start <= other.end + gap and other.start <= self.end + gap


@dataclass(frozen=True)
class Bounds:
    """A figure as a closed range; ``None`` ends are open."""

    low: float | None
    high: float | None


@dataclass(frozen=True)
class Claim:
    """An event as one report states it; what matching needs is worked out once."""

    event: Event
    published: date | None
    words: frozenset[str]
    source: str | None = None
    span: Interval | None = field(init=False, compare=False)
    figure: Bounds | None = field(init=False, compare=False)  # widened when approximate
    cumulative: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        people = self.event.people
        object.__setattr__(self, "span", interval(self.event))
        object.__setattr__(self, "figure", None if people is None else bounds(people))
        object.__setattr__(self, "cumulative", bool(people and people.cumulative))

    @property
    def asof(self) -> date | None:
        """The day a running total was read: its date's end, else the publication day."""
        return self.span.end if self.span else self.published

    def anchors(self) -> list[str]:
        """Countries a matching claim must share one of (``o:``rigin, ``l:``ocation, ``d:``est)."""
        ev = self.event
        out = [f"o:{c}" for c in sorted(set(ev.origin))]
        out += [f"l:{ev.location}"] if ev.location else []
        out += [f"d:{ev.destination}"] if ev.destination else []
        return out


def interval(ev: Event) -> Interval | None:
    """The days ``ev.date`` covers, or None when the event is undated."""
    return days_of(ev.date)


def days_of(d: DateRange | None) -> Interval | None:
    """The days a date covers (a month or year without an end runs to its last day)."""
    if d is None or (d.start is None and d.end is None):
        return None
    start = d.start or d.end
    assert start is not None
    end = d.end
    if end is None:
        if d.precision == "month":
            end = start.replace(day=calendar.monthrange(start.year, start.month)[1])
        elif d.precision == "year":
            end = start.replace(month=12, day=31)
        else:
            end = start
    return Interval(min(start, end), max(start, end))


def bounds(people: People, widen: bool = True) -> Bounds:
    """A figure's range, widened by ``APPROX_MARGIN`` when it is approximate."""
    low = None if people.low is None else float(people.low)
    high = None if people.high is None else float(people.high)
    if people.approx and widen:
        low = None if low is None else low * (1 - APPROX_MARGIN)
        high = None if high is None else high * (1 + APPROX_MARGIN)
    return Bounds(low, high)


def figures_agree(a: People | None, b: People | None) -> bool:
    """Whether two figures can both be true (their ranges intersect)."""
    return _agree(None if a is None else bounds(a), None if b is None else bounds(b))


def figures_compatible(a: People | None, b: People | None) -> bool:
    """Two counts of one thing: their central values within ``FIGURE_TOLERANCE``.

    "More than 100" and 130 are compatible (and agree); 100 and 130 are compatible
    (and disagree); "more than 118,000" and 1.79 million are not, though both
    could be true.
    """
    return _compatible(None if a is None else bounds(a), None if b is None else bounds(b))


def _agree(x: Bounds | None, y: Bounds | None) -> bool:
    if x is None or y is None:
        return True
    return _le(x.low, y.high) and _le(y.low, x.high)


def _central(b: Bounds) -> float | None:
    """The value a figure stands for: the middle of a range, else its known end."""
    if b.low is not None and b.high is not None:
        return (b.low * b.high) ** 0.5
    return b.low if b.low is not None else b.high


def _compatible(x: Bounds | None, y: Bounds | None) -> bool:
    if x is None or y is None:
        return True
    cx, cy = _central(x), _central(y)
    if cx is None or cy is None or min(cx, cy) <= 0:
        return _agree(x, y)
    return max(cx, cy) <= min(cx, cy) * (1 + FIGURE_TOLERANCE)


def _telling(a: Claim, b: Claim) -> bool:
    """Both figures are given and large enough to identify a fact."""
    if a.figure is None or b.figure is None:
        return False
    ca, cb = _central(a.figure), _central(b.figure)
    return ca is not None and cb is not None and min(ca, cb) >= DISTINCTIVE_FIGURE


def evidence_similarity(a: Claim, b: Claim) -> float:
    """Jaccard similarity of the two claims' evidence words (see ``content_words``)."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / len(a.words | b.words)


def _le(a: float | None, b: float | None) -> bool:
    """``a <= b`` where a None low is minus infinity and a None high plus infinity."""
    return a is None or b is None or a <= b


def _countries(a: Event, b: Event, anchored: bool) -> bool:
    oa, ob = set(a.origin), set(b.origin)
    if oa and ob and not (oa <= ob or ob <= oa):
        return False
    for x, y in ((a.location, b.location), (a.destination, b.destination)):
        if x and y and x != y:
            return False
    if not anchored:
        return True
    return bool(
        (oa & ob)
        or (a.location and a.location == b.location)
        or (a.destination and a.destination == b.destination)
    )


def content_words(tokens: list[str]) -> frozenset[str]:
    """Words that can tell statements apart: numbers, and words of four letters or more."""
    return frozenset(w for w in tokens if len(w) >= 4 or any(c.isdigit() for c in w))


def _close(a: date | None, b: date | None, days: int) -> bool:
    return a is not None and b is not None and abs((a - b).days) <= days


def _shifted(a: Claim, b: Claim) -> bool:
    """One relative date ("on Tuesday", "so far this year") read on two publication days."""
    ia, ib = a.span, b.span
    if ia is None or ib is None or a.published is None or b.published is None:
        return False
    return (ia.start - a.published, ia.end - a.published) == (
        ib.start - b.published,
        ib.end - b.published,
    )


def _dates(a: Claim, b: Claim, same_story: bool) -> bool:
    ia, ib = a.span, b.span
    # Copies of one text carry one date expression; read on different days it can
    # move with the publication date. That is the same fact only if the figures
    # agree: a weekly bulletin with a new total is a new reading.
    relative = (
        same_story
        and a.published != b.published
        and (ia is None or ib is None or _shifted(a, b))
        and _agree(a.figure, b.figure)
    )
    if a.cumulative or b.cumulative:
        if not _close(a.asof, b.asof, CUMULATIVE_ASOF_DAYS):
            return relative
        starts = (a.event.date and a.event.date.start, b.event.date and b.event.date.start)
        return None in starts or _close(starts[0], starts[1], CUMULATIVE_ASOF_DAYS)
    if ia is None or ib is None:
        if same_story:
            return True
        near = _close(a.published, b.published, NULL_DATE_WINDOW_DAYS)
        return near and len(a.words & b.words) >= UNDATED_SHARED_WORDS
    if not ia.overlaps(ib, DATE_SLACK_DAYS):
        return relative
    short, long = sorted((ia.days, ib.days))
    return long <= short * MAX_SPAN_RATIO


def same_fact(a: Claim, b: Claim, *, same_story: bool = False) -> bool:
    """Whether two claims can state one fact.

    Across reports they need one type, compatible figures, countries (one shared)
    and dates, and something that identifies the fact: telling figures on both
    sides, or evidence worded alike. ``same_story`` relaxes the test for two
    copies of one text (a duplicate cluster): no shared country or identifying
    figure is required, and a relative date read on different publication days
    need not give the same days.
    """
    x, y = a.event, b.event
    if x.type != y.type or x.policy_kind != y.policy_kind:
        return False
    if (x.status == "planned") != (y.status == "planned"):
        return False
    if x.people is not None and y.people is not None:
        if x.people.per != y.people.per or x.people.cumulative != y.people.cumulative:
            return False
        if not _compatible(a.figure, b.figure):
            return False
    if not _countries(x, y, anchored=not same_story):
        return False
    if not same_story and not (_telling(a, b) or evidence_similarity(a, b) >= EVIDENCE_SIMILARITY):
        return False
    return _dates(a, b, same_story)


def score(a: Claim, b: Claim) -> float:
    """How well two compatible claims match; higher pairs are merged first."""
    x, y = a.event, b.event
    total = 0.0
    if a.figure is not None and b.figure is not None:
        total += 3.0 if _agree(a.figure, b.figure) else 0.0
    elif a.figure is None and b.figure is None:
        total += 1.0
    if a.span is not None and b.span is not None:
        total += 2.0 if a.span == b.span else 1.0
    elif a.published is not None and a.published == b.published:
        total += 0.5
    if x.origin and sorted(x.origin) == sorted(y.origin):
        total += 1.0
    if x.location and x.location == y.location:
        total += 1.0
    if x.destination and x.destination == y.destination:
        total += 1.0
    if a.source and a.source == b.source:
        total += 0.5
    total += 3.0 * evidence_similarity(a, b)
    return round(total, 6)


def windows(claim: Claim) -> list[Interval]:
    """The days a matching claim's date or publication must touch (for blocking).

    Two claims that can state one fact always have windows that meet: dated ones
    share a day (give or take ``DATE_SLACK_DAYS``), undated ones were published within ``NULL_DATE_WINDOW_DAYS`` of
    each other, running totals were read within ``CUMULATIVE_ASOF_DAYS``.
    """
    asof = timedelta(days=CUMULATIVE_ASOF_DAYS)
    if claim.cumulative:
        return [] if claim.asof is None else [Interval(claim.asof - asof, claim.asof + asof)]
    out = []
    if claim.span is not None:
        slack = timedelta(days=max(DATE_SLACK_DAYS, CUMULATIVE_ASOF_DAYS))
        out.append(Interval(claim.span.start - slack, claim.span.end + slack))
    if claim.published is not None:
        slack = timedelta(days=NULL_DATE_WINDOW_DAYS) + asof
        out.append(Interval(claim.published - slack, claim.published + slack))
    return out
