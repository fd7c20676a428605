"""Series per corridor: singles, rates and running totals without double counting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from passage.consolidate import consolidate, series
from passage.consolidate.records import ConsolidatedEvent
from passage.consolidate.scenarios import load_scenarios, store_scenarios
from passage.consolidate.series import Corridor, corridor_series, period
from passage.model import DateRange, People
from passage.store import Store

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "examples" / "scenarios"


def event(
    eid: str,
    low: int | None,
    high: int | None,
    start: date | None,
    end: date | None = None,
    precision: str = "day",
    *,
    per: str | None = None,
    cumulative: bool = False,
    status: str = "occurred",
    conflict: bool = False,
) -> ConsolidatedEvent:
    return ConsolidatedEvent(
        id=eid,
        component=eid,
        type="removal",
        policy_kind=None,
        status=status,
        people=People(low, high, per=per, cumulative=cumulative),  # type: ignore[arg-type]
        origin=["AFG"],
        location="PAK",
        destination="AFG",
        date=DateRange(start, end or start, precision) if start else None,  # type: ignore[arg-type]
        first_published=None,
        last_published=None,
        reports=1,
        documents=1,
        conflict=conflict,
        method="",
    )


def totals(points: list) -> tuple[int, int | None]:
    highs = [p.high for p in points]
    return sum(p.low for p in points), None if None in highs else sum(highs)


def test_a_running_total_bounds_the_sum_of_its_parts() -> None:
    jan1, mar31 = date(2024, 1, 1), date(2024, 3, 31)
    events = [
        event("total", 8000, 8000, jan1, mar31, "range", cumulative=True),
        event("jan", 2000, 2000, date(2024, 1, 10)),
        event("feb", 1500, 1500, date(2024, 2, 10)),
        event("mar", 1500, 1500, date(2024, 3, 10)),
    ]
    points = corridor_series(events)
    assert totals(points) == (8000, 8000)  # not 13,000
    by_start = {(p.start, p.end): p for p in points}
    assert by_start[(date(2024, 1, 1), date(2024, 1, 31))].low == 2000
    rest = by_start[(jan1, mar31)]
    assert rest.span and (rest.low, rest.high) == (3000, 3000)
    assert rest.consolidated_ids == ["total"] and "part(s)" in rest.method


def test_parts_larger_than_an_open_total_raise_its_floor() -> None:
    events = [
        event("total", 1000, None, date(2024, 1, 1), date(2024, 2, 29), "range", cumulative=True),
        event("jan", 700, 700, date(2024, 1, 5)),
        event("feb", 600, 600, date(2024, 2, 5)),
    ]
    points = corridor_series(events)
    assert totals(points) == (1300, None)  # "more than 1,000" and parts of 1,300


def test_weekly_running_totals_become_increments(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    store_scenarios(store, load_scenarios([SCENARIOS / "running_total_weekly.jsonl"]))
    consolidate(store.conn)
    points = series(store.conn, type="arrival", location="ESP")
    assert [(p.start, p.end, p.low, p.span) for p in points] == [
        (date(2024, 1, 1), date(2024, 3, 4), 2300, True),
        (date(2024, 3, 1), date(2024, 3, 31), 1700, False),
    ]
    assert totals(points)[0] == 4000  # the last reading, not 2,300 + 3,100 + 4,000
    assert len(points[1].consolidated_ids) == 3


def test_a_rate_is_prorated_over_the_days_it_holds() -> None:
    points = corridor_series(
        [event("r", 300, 300, date(2024, 1, 20), date(2024, 2, 9), "range", per="day")]
    )
    assert [(p.start, p.low) for p in points] == [
        (date(2024, 1, 1), 300 * 12),
        (date(2024, 2, 1), 300 * 9),
    ]
    weekly = corridor_series([event("w", 70, 70, date(2024, 3, 4), per="week")])
    assert totals(weekly) == (70, 70)  # one week, stated on a Monday


def test_singles_inside_a_rate_are_parts_of_it() -> None:
    points = corridor_series(
        [
            event("r", 100, 100, date(2024, 5, 1), date(2024, 5, 31), "month", per="day"),
            event("s", 250, 250, date(2024, 5, 12)),
        ]
    )
    assert totals(points) == (3100, 3100)


def test_conflicts_open_ends_plans_and_undated_events() -> None:
    points = corridor_series(
        [
            event("c", 100, 130, date(2024, 5, 14), conflict=True),
            event("o", 40, None, date(2024, 5, 20)),
            event("p", 500, 500, date(2024, 5, 25), status="planned"),
            event("u", 70, 70, None),
        ]
    )
    [may] = points
    assert (may.low, may.high) == (140, None)
    assert "reports disagree" in may.method
    assert may.consolidated_ids == ["c", "o"]


def test_two_singles_on_one_day_add_up() -> None:
    day = date(2024, 4, 9)
    assert totals(corridor_series([event("a", 48, 48, day), event("b", 61, 61, day)])) == (109, 109)


def test_combined_series_keep_running_totals_of_each_corridor_apart() -> None:
    from dataclasses import replace

    jan1, feb1 = date(2024, 1, 1), date(2024, 2, 1)
    afg = event("afg", 500, 500, jan1, feb1, "range", cumulative=True)
    syr = replace(event("syr", 300, 300, jan1, feb1 + (feb1 - jan1), "range", cumulative=True))
    syr.origin, syr.destination = ["SYR"], "SYR"
    unknown = replace(event("unknown", 20, 20, date(2024, 3, 5)), origin=[])
    combined = corridor_series([afg, syr, unknown], corridor=Corridor("removal", [], None, "PAK"))
    assert totals(combined) == (820, 820)  # 500 + 300 + 20, not 500 + (300 - 500)
    assert {p.location for p in combined} == {"PAK"} and all(not p.origin for p in combined)


def test_periods() -> None:
    day = date(2024, 2, 29)
    assert (period(day, "week").start, period(day, "week").end) == (
        date(2024, 2, 26),
        date(2024, 3, 3),
    )
    assert period(day, "month").end == date(2024, 2, 29)
    assert (period(day, "quarter").start, period(day, "quarter").end) == (
        date(2024, 1, 1),
        date(2024, 3, 31),
    )
    assert period(date(2024, 11, 5), "quarter").end == date(2024, 12, 31)
    assert period(day, "year").start == date(2024, 1, 1)


def test_series_filters_and_interval(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    store_scenarios(store, load_scenarios(sorted(SCENARIOS.glob("*.jsonl"))))
    consolidate(store.conn)
    removals = series(store.conn, type="removal")
    assert {(p.location, p.start) for p in removals} == {
        ("DEU", date(2024, 5, 1)),
        ("GBR", date(2024, 4, 1)),
    }
    yearly = series(store.conn, type="removal", destination="ALB", interval="year")
    assert [(p.start, p.low, p.high) for p in yearly] == [(date(2024, 1, 1), 109, 109)]
    assert series(store.conn, type="removal", since=date(2024, 5, 1), until=date(2024, 5, 31))
    [combined] = series(store.conn, type="removal", location="GBR", combine=True)
    assert (combined.low, combined.origin, combined.location) == (109, [], "GBR")
    assert not series(store.conn, type="removal", since=date(2025, 1, 1))
    with pytest.raises(ValueError, match="interval"):
        series(store.conn, interval="fortnight")
