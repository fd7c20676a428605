"""Time series per corridor and type, without counting anything twice.

Consolidated events become facts over days: a single event (one day, or a
short date), a rate (prorated over the days it holds), a figure for a longer
period ("in 2023"), and the increments of a running total (2,300 then 3,100 so
far this year: 2,300 up to the first report, 800 between the two). A fact whose
days lie inside a larger aggregate's days, about the same countries or fewer, is
a part of it, not an addition: the
aggregate keeps only what its parts leave unexplained (8,000 since January with
5,000 reported in single events leaves 3,000, so the total is 8,000, not
13,000). Each fact's share goes to the period (month by default) that holds its
days, or, when they straddle periods, to a point spanning exactly those days.
Planned events, events with no figure and undated events are left out.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from math import ceil, floor

from passage.consolidate.match import Interval, days_of
from passage.consolidate.merge import describe
from passage.consolidate.records import ConsolidatedEvent, SeriesPoint
from passage.store import consolidation as sql

INTERVALS = ("day", "week", "month", "quarter", "year")
# A rate stated for a single day ("300 a week", said on Monday) holds for one unit.
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.4375, "year": 365.25}


@dataclass
class _Fact:
    start: date
    end: date
    low: float
    high: float | None
    ids: list[str]
    label: str
    aggregate: bool
    scope: _Scope
    children: list[_Fact] = field(default_factory=list)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, other: _Fact) -> bool:
        if not self.aggregate or other is self:
            return False
        inside = self.start <= other.start and other.end <= self.end
        same_days = (self.start, self.end) == (other.start, other.end)
        return inside and (not other.aggregate or not same_days) and self.scope.covers(other.scope)


@dataclass(frozen=True)
class _Scope:
    """The countries a fact is about; a total covers facts of its countries or narrower."""

    origin: frozenset[str]
    destination: str | None
    location: str | None

    @staticmethod
    def of(ev: ConsolidatedEvent) -> _Scope:
        return _Scope(frozenset(ev.origin), ev.destination, ev.location)

    def covers(self, other: _Scope) -> bool:
        return (
            (not self.origin or (bool(other.origin) and other.origin <= self.origin))
            and self.destination in (None, other.destination)
            and self.location in (None, other.location)
        )


@dataclass
class _Share:
    low: float
    high: float | None
    ids: list[str]
    label: str


def series(
    conn: sqlite3.Connection,
    *,
    type: str | None = None,
    origin: str | None = None,
    destination: str | None = None,
    location: str | None = None,
    interval: str = "month",
    since: date | None = None,
    until: date | None = None,
    combine: bool = False,
) -> list[SeriesPoint]:
    """The series of every corridor and type matching the filters, by period.

    A corridor is the events' origin countries with their destination and
    location; each distinct one is its own series, unless ``combine``: then all
    events of a type matching the filters make one series (a report that leaves
    the origin unknown joins the ones that name it). ``interval`` is one of
    ``INTERVALS``. Points overlapping ``[since, until]`` are kept.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval must be one of {', '.join(INTERVALS)}, not {interval!r}")
    filters = sql.ConsolidatedFilters(
        type=type, origin=origin, destination=destination, location=location, limit=None
    )
    corridors: dict[tuple[str, ...], list[ConsolidatedEvent]] = {}
    for ev in sql.consolidated_events(conn, filters):
        key = (ev.type,) if combine else (ev.type, *_corridor_key(ev))
        corridors.setdefault(key, []).append(ev)
    points: list[SeriesPoint] = []
    for key, events in sorted(corridors.items()):
        label = Corridor(key[0], [origin] if origin else [], destination, location)
        points += corridor_series(events, interval, label if combine else None)
    return [
        p
        for p in points
        if (since is None or p.end >= since) and (until is None or p.start <= until)
    ]


@dataclass(frozen=True)
class Corridor:
    """What a series is about: a type, and the countries its events share."""

    type: str
    origin: list[str]
    destination: str | None
    location: str | None


def _corridor_key(ev: ConsolidatedEvent) -> tuple[str, str, str]:
    return (",".join(ev.origin), ev.destination or "", ev.location or "")


def corridor_series(
    events: list[ConsolidatedEvent], interval: str = "month", corridor: Corridor | None = None
) -> list[SeriesPoint]:
    """The points of one series' events (all of one type; ``corridor`` names it).

    Without ``corridor`` the series is named after its first event's countries.
    """
    if not events:
        return []
    head = events[0]
    corridor = corridor or Corridor(head.type, list(head.origin), head.destination, head.location)
    facts = _facts(events, interval)
    _nest(facts)
    shares: dict[tuple[date, date, bool], list[_Share]] = {}
    for fact in facts:
        share = _share(fact)
        first, last = period(fact.start, interval), period(fact.end, interval)
        span = first != last
        key = (fact.start, fact.end, True) if span else (first.start, first.end, False)
        shares.setdefault(key, []).append(share)
    out = []
    for (start, end, span), items in sorted(shares.items()):
        highs = [s.high for s in items]
        out.append(
            SeriesPoint(
                type=corridor.type,
                origin=list(corridor.origin),
                destination=corridor.destination,
                location=corridor.location,
                start=start,
                end=end,
                low=floor(sum(s.low for s in items)),
                high=None if None in highs else ceil(sum(h for h in highs if h is not None)),
                method="; ".join(s.label for s in items),
                consolidated_ids=sorted({i for s in items for i in s.ids}),
                span=span,
            )
        )
    return out


def period(day: date, interval: str) -> Interval:
    """The period of ``interval`` holding ``day``."""
    if interval == "day":
        return Interval(day, day)
    if interval == "week":
        start = day - timedelta(days=day.weekday())
        return Interval(start, start + timedelta(days=6))
    if interval == "year":
        return Interval(date(day.year, 1, 1), date(day.year, 12, 31))
    first_month = day.month if interval == "month" else 3 * ((day.month - 1) // 3) + 1
    months = 1 if interval == "month" else 3
    start = date(day.year, first_month, 1)
    nxt = date(
        start.year + (first_month + months - 1) // 12, (first_month + months - 1) % 12 + 1, 1
    )
    return Interval(start, nxt - timedelta(days=1))


# --------------------------------------------------------------------------- facts


def _facts(events: list[ConsolidatedEvent], step: str) -> list[_Fact]:
    facts: list[_Fact] = []
    running: dict[tuple[str, ...], list[tuple[Interval, ConsolidatedEvent]]] = {}
    for ev in sorted(events, key=lambda e: e.id):
        p, days = ev.people, days_of(ev.date)
        if ev.status == "planned" or p is None or days is None:
            continue
        if p.low is None and p.high is None:
            continue
        if p.cumulative:
            # readings of one running total: one corridor, one start
            key = (*_corridor_key(ev), days.start.isoformat())
            running.setdefault(key, []).append((days, ev))
        elif p.per:
            facts += _rate(ev, days, step)
        else:
            label = f"{'total' if days.days > 1 else 'single'} {describe(p)}"
            if ev.conflict:
                label += " (reports disagree)"
            facts.append(
                _Fact(
                    days.start,
                    days.end,
                    p.low or 0,
                    p.high,
                    [ev.id],
                    label,
                    days.days > 1,
                    _Scope.of(ev),
                )
            )
    for readings in running.values():
        facts += _increments(readings)
    return facts


def _rate(ev: ConsolidatedEvent, days: Interval, step: str) -> list[_Fact]:
    p = ev.people
    assert p is not None and p.per is not None
    unit = _UNIT_DAYS[p.per]
    if days.days < unit:
        days = Interval(days.start, days.start + timedelta(days=ceil(unit) - 1))
    out = []
    cursor = days.start
    while cursor <= days.end:
        bucket = period(cursor, step)
        end = min(bucket.end, days.end)
        n = (end - cursor).days + 1
        factor = n / unit
        low = (p.low or 0) * factor
        high = None if p.high is None else p.high * factor
        label = f"rate {describe(p)} over {n} day(s)"
        out.append(_Fact(cursor, end, low, high, [ev.id], label, True, _Scope.of(ev)))
        cursor = end + timedelta(days=1)
    return out


def _increments(readings: list[tuple[Interval, ConsolidatedEvent]]) -> list[_Fact]:
    """A running total's readings (one start) as the counts between successive readings."""
    out: list[_Fact] = []
    previous: tuple[Interval, ConsolidatedEvent] | None = None
    for days, ev in sorted(readings, key=lambda r: (r[0].end, r[1].id)):
        p = ev.people
        assert p is not None
        if previous is None:
            label = f"running total {describe(p)} from {days.start} to {days.end}"
            first = _Fact(
                days.start, days.end, p.low or 0, p.high, [ev.id], label, True, _Scope.of(ev)
            )
            out.append(first)
            previous = (days, ev)
            continue
        prev_days, prev = previous
        if days.end <= prev_days.end:
            continue  # a second reading of the same day: consolidation left it apart
        q = prev.people
        assert q is not None
        low = max(0, (p.low or 0) - q.high) if q.high is not None else 0
        high = None if p.high is None else max(0, p.high - (q.low or 0))
        start = prev_days.end + timedelta(days=1)
        label = f"running total {describe(p)} at {days.end} minus {describe(q)} at {prev_days.end}"
        out.append(_Fact(start, days.end, low, high, [ev.id, prev.id], label, True, _Scope.of(ev)))
        previous = (days, ev)
    return out


def _nest(facts: list[_Fact]) -> None:
    """Give each fact to the smallest aggregate holding its days."""
    ordered = sorted(facts, key=lambda f: (f.days, f.start, f.ids))
    aggregates = [f for f in ordered if f.aggregate]
    for fact in ordered:
        holders = [a for a in aggregates if a.contains(fact)]
        if holders:
            parent = min(holders, key=lambda a: (a.days, a.start, a.ids))
            parent.children.append(fact)


def _value(fact: _Fact) -> tuple[float, float | None]:
    """How many the fact's days held: at least its parts, at most its own high."""
    parts = [_value(c) for c in fact.children]
    low = max(fact.low, sum(v[0] for v in parts))
    high = fact.high
    if high is not None and low > high:
        high = low
    return low, high


def _share(fact: _Fact) -> _Share:
    """What the fact adds beyond its parts (all of it when it has none)."""
    low, high = _value(fact)
    if not fact.children:
        return _Share(low, high, fact.ids, fact.label)
    parts_low = sum(_value(c)[0] for c in fact.children)
    rest_low = max(0.0, low - parts_low)
    rest_high = None if high is None else max(0.0, high - parts_low)
    label = f"{fact.label}, less {len(fact.children)} part(s) counted elsewhere"
    return _Share(rest_low, rest_high, fact.ids, label)
