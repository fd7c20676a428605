"""Honest people counts: what is summed, what is shown apart, and the words that say so.

Only *single events* are added up: a figure that is neither a rate ("300 a day")
nor a running total ("140,000 since the deadline"), of an event that happened or
is under way. Rates, running totals and planned events are listed apart, never
added to single events. Each sum has a low bound (sum of lows) and a high bound
(sum of highs, or of lows where the text gives no upper bound).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from passage.store.queries import FigureRow

Interval = Literal["week", "month", "year"]
GroupBy = Literal["type", "corridor"]

DEFAULT_SUMMED_STATUSES = ("occurred", "ongoing")  # planned events have not moved anyone yet
MAX_FILLED_PERIODS = 2000  # beyond this many periods, empty ones are left out of a series
UNKNOWN = "?"


@dataclass
class Tally:
    """A number of events and the people they count, as low and high bounds."""

    events: int = 0
    people_low: int = 0
    people_high: int = 0
    open_high: int = 0  # events with no upper bound ("more than 100"): high is a floor too

    def add(self, row: FigureRow) -> None:
        self.events += 1
        self.people_low += row.people_low or 0
        self.people_high += row.people_high if row.people_high is not None else row.people_low or 0
        if row.people_high is None:
            self.open_high += 1


@dataclass
class Bucket(Tally):
    period: str = ""


@dataclass
class Series:
    key: str
    values: list[Bucket]
    total: Tally


@dataclass
class Corridor:
    """People moving from ``start`` to ``to`` (a destination, else where it happened)."""

    key: str
    origin: list[str]
    start: list[str]  # the origin, or where people were sent back from
    start_role: Literal["origin", "location"] | None
    to: str | None
    to_role: Literal["destination", "location"] | None
    summed: Tally = field(default_factory=Tally)
    by_type: dict[str, Tally] = field(default_factory=dict)
    events: int = 0
    without_figures: int = 0
    rates: int = 0
    running_totals: int = 0
    not_summed_status: int = 0


@dataclass
class SeparateFigure:
    """A rate, running total or planned figure: shown, never added to a sum."""

    id: str
    type: str
    status: str
    key: str
    people_low: int | None
    people_high: int | None
    per: str | None
    cumulative: bool
    start: date | None
    end: date | None


@dataclass
class PeopleAggregate:
    interval: Interval
    by: GroupBy
    method: str
    summed_statuses: list[str]
    periods: list[str]
    series: list[Series]
    summed: Tally
    events: int
    without_figures: int
    spanning: Tally  # single events whose dates cover more than one period
    undated: Tally
    rates: list[SeparateFigure]
    running_totals: list[SeparateFigure]
    not_summed_status: list[SeparateFigure]


def period_of(day: date, interval: Interval) -> str:
    if interval == "year":
        return f"{day.year:04d}"
    if interval == "month":
        return f"{day.year:04d}-{day.month:02d}"
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def _next_period(day: date, interval: Interval) -> date | None:
    """The first day of the period after the one starting on ``day`` (None past year 9999)."""
    try:
        if interval == "week":
            return day + timedelta(days=7)
        if interval == "month":
            return date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return date(day.year + 1, 1, 1)
    except (OverflowError, ValueError):
        return None


def _periods_between(first: date, last: date, interval: Interval) -> list[str]:
    """Every period from the one holding ``first`` to the one holding ``last``."""
    if interval == "week":
        day: date | None = first - timedelta(days=first.weekday())
    elif interval == "month":
        day = first.replace(day=1)
    else:
        day = first.replace(month=1, day=1)
    out: list[str] = []
    while day is not None and day <= last and len(out) <= MAX_FILLED_PERIODS:
        out.append(period_of(day, interval))
        day = _next_period(day, interval)
    return out


def corridor_of(row: FigureRow) -> Corridor:
    """``origin → destination`` (``→ location`` when no destination is known).

    People sent back to their own country ("Afghans returned to Afghanistan from
    Pakistan") would read ``AFG → AFG``; their corridor starts where they were instead.
    """
    origin = sorted(set(row.origin))
    to, role = row.destination, "destination"
    if to is None:
        to, role = row.location, "location"
    start, start_role = origin, "origin"
    if to is not None and origin == [to] and row.location and row.location != to:
        start, start_role = [row.location], "location"
    key = f"{'+'.join(start) or UNKNOWN} → {to or UNKNOWN}"
    return Corridor(
        key=key,
        origin=origin,
        start=start,
        start_role=start_role if start else None,
        to=to,
        to_role=role if to else None,
    )


def _kind(row: FigureRow, statuses: tuple[str, ...]) -> str:
    """How a row is counted: none, rate, running, status (not summed), or single."""
    if row.people_low is None and row.people_high is None:
        return "none"
    if row.per is not None:
        return "rate"
    if row.cumulative:
        return "running"
    if row.status not in statuses:
        return "status"
    return "single"


def method_text(interval: Interval, statuses: tuple[str, ...]) -> str:
    return (
        f"sum of single events (status {', '.join(statuses)}): low = sum of lower bounds,"
        " high = sum of upper bounds (the lower bound where the text gives none);"
        " rates, running totals and events of other statuses shown separately, never summed;"
        " events without a figure counted, not summed; an event without its own date is"
        f" placed at its report's publication date; single events whose dates span more than"
        f" one {interval} shown separately"
    )


def aggregate_people(
    rows: list[FigureRow],
    *,
    interval: Interval = "month",
    by: GroupBy = "type",
    statuses: tuple[str, ...] = (),
) -> PeopleAggregate:
    """People per period, by event type or by corridor, counted as the module doc says."""
    summed_statuses = statuses or DEFAULT_SUMMED_STATUSES
    agg = PeopleAggregate(
        interval=interval,
        by=by,
        method=method_text(interval, summed_statuses),
        summed_statuses=list(summed_statuses),
        periods=[],
        series=[],
        summed=Tally(),
        events=len(rows),
        without_figures=0,
        spanning=Tally(),
        undated=Tally(),
        rates=[],
        running_totals=[],
        not_summed_status=[],
    )
    cells: dict[str, dict[str, Bucket]] = {}
    placed: list[date] = []
    for row in rows:
        key = row.type if by == "type" else corridor_of(row).key
        kind = _kind(row, summed_statuses)
        if kind == "none":
            agg.without_figures += 1
            continue
        if kind != "single":
            target = {"rate": agg.rates, "running": agg.running_totals}.get(
                kind, agg.not_summed_status
            )
            target.append(_separate(row, key))
            continue
        agg.summed.add(row)
        if row.when_start is None or row.when_end is None:
            agg.undated.add(row)
            continue
        period = period_of(row.when_start, interval)
        if period_of(row.when_end, interval) != period:
            agg.spanning.add(row)
            continue
        placed.append(row.when_start)
        cells.setdefault(key, {}).setdefault(period, Bucket(period=period)).add(row)
    if placed:
        filled = _periods_between(min(placed), max(placed), interval)
        if len(filled) > MAX_FILLED_PERIODS:
            filled = sorted({b for c in cells.values() for b in c})
        agg.periods = filled
    for key, by_period in cells.items():
        total = Tally()
        values = []
        for period in agg.periods:
            bucket = by_period.get(period, Bucket(period=period))
            values.append(bucket)
            total.events += bucket.events
            total.people_low += bucket.people_low
            total.people_high += bucket.people_high
            total.open_high += bucket.open_high
        agg.series.append(Series(key=key, values=values, total=total))
    agg.series.sort(key=lambda s: (-s.total.people_low, -s.total.events, s.key))
    return agg


def _separate(row: FigureRow, key: str) -> SeparateFigure:
    return SeparateFigure(
        id=row.id,
        type=row.type,
        status=row.status,
        key=key,
        people_low=row.people_low,
        people_high=row.people_high,
        per=row.per,
        cumulative=row.cumulative,
        start=row.when_start,
        end=row.when_end,
    )


def rank_corridors(rows: list[FigureRow], *, statuses: tuple[str, ...] = ()) -> list[Corridor]:
    """Corridors ranked by people in single events, then by number of events."""
    summed_statuses = statuses or DEFAULT_SUMMED_STATUSES
    corridors: dict[str, Corridor] = {}
    for row in rows:
        found = corridor_of(row)
        corridor = corridors.setdefault(found.key, found)
        corridor.events += 1
        kind = _kind(row, summed_statuses)
        if kind == "none":
            corridor.without_figures += 1
        elif kind == "rate":
            corridor.rates += 1
        elif kind == "running":
            corridor.running_totals += 1
        elif kind == "status":
            corridor.not_summed_status += 1
        else:
            corridor.summed.add(row)
            corridor.by_type.setdefault(row.type, Tally()).add(row)
    return sorted(corridors.values(), key=lambda c: (-c.summed.people_low, -c.events, c.key))
