"""Honest counting: only single events are summed; rates, running totals and plans stay apart."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_fixtures import FIGURES, build_db
from passage.api.app import create_app
from passage.api.counting import aggregate_people, corridor_of, period_of, rank_corridors
from passage.store.queries import FigureRow


def row(
    id: str,
    low: int | None,
    high: int | None = None,
    *,
    type: str = "removal",
    status: str = "occurred",
    per: str | None = None,
    cumulative: bool = False,
    day: date | None = date(2024, 3, 10),
    end: date | None = None,
    origin: tuple[str, ...] = ("AFG",),
    location: str | None = "PAK",
    destination: str | None = None,
) -> FigureRow:
    return FigureRow(
        id=id,
        type=type,
        status=status,
        people_low=low,
        people_high=high,
        per=per,
        cumulative=cumulative,
        origin=list(origin),
        location=location,
        destination=destination,
        when_start=day,
        when_end=end or day,
    )


def test_a_rate_and_a_running_total_are_not_summed_with_single_events() -> None:
    rows = [
        row("single", 100, 100),
        row("rate", 300, 300, per="day"),
        row("running", 140_000, None, cumulative=True),
    ]
    agg = aggregate_people(rows)
    (series,) = agg.series
    assert [b.people_low for b in series.values] == [100]
    assert agg.summed.people_low == agg.summed.people_high == 100
    assert [f.id for f in agg.rates] == ["rate"]
    assert [f.id for f in agg.running_totals] == ["running"]
    assert "rates, running totals" in agg.method and "never summed" in agg.method


def test_low_and_high_bounds() -> None:
    rows = [
        row("exact", 52, 52),
        row("more than", 100, None),  # high unknown: the low stands in, and is flagged
        row("fewer than", None, 50),  # low unknown: adds nothing to the low bound
        row("between", 8000, 10000),
    ]
    agg = aggregate_people(rows)
    assert agg.summed.people_low == 52 + 100 + 8000
    assert agg.summed.people_high == 52 + 100 + 50 + 10000
    assert agg.summed.open_high == 1


def test_planned_events_are_apart_unless_asked_for() -> None:
    rows = [row("done", 10, 10), row("plan", 500, 500, status="planned")]
    default = aggregate_people(rows)
    assert default.summed.people_low == 10
    assert [f.id for f in default.not_summed_status] == ["plan"]
    planned = aggregate_people(rows, statuses=("planned",))
    assert planned.summed.people_low == 500


def test_events_without_figures_are_counted_not_summed() -> None:
    agg = aggregate_people([row("a", None, None), row("b", 7, 7)])
    assert agg.without_figures == 1 and agg.events == 2 and agg.summed.events == 1


def test_periods_are_continuous_and_spanning_events_kept_apart() -> None:
    rows = [
        row("jan", 1, 1, day=date(2024, 1, 5)),
        row("apr", 2, 2, day=date(2024, 4, 5)),
        row("year", 1000, 1000, day=date(2023, 1, 1), end=date(2023, 12, 31)),
        row("undated", 5, 5, day=None),
    ]
    agg = aggregate_people(rows, interval="month")
    assert agg.periods == ["2024-01", "2024-02", "2024-03", "2024-04"]
    assert agg.spanning.people_low == 1000 and agg.undated.people_low == 5
    by_year = aggregate_people(rows, interval="year")
    assert by_year.periods == ["2023", "2024"] and by_year.spanning.events == 0
    assert [b.people_low for b in by_year.series[0].values] == [1000, 3]


def test_week_periods_follow_iso_weeks() -> None:
    assert period_of(date(2024, 12, 30), "week") == "2025-W01"
    agg = aggregate_people(
        [row("a", 1, 1, day=date(2024, 12, 27)), row("b", 1, 1, day=date(2025, 1, 8))],
        interval="week",
    )
    assert agg.periods == ["2024-W52", "2025-W01", "2025-W02"]


def test_corridors() -> None:
    home = corridor_of(row("r", 1, 1, origin=("AFG",), location="PAK", destination="AFG"))
    assert home.key == "PAK → AFG" and home.start_role == "location"
    third = corridor_of(row("t", 1, 1, origin=("AFG",), location="GBR", destination="RWA"))
    assert third.key == "AFG → RWA"
    caught = corridor_of(row("c", 1, 1, origin=("TUN",), location="ITA"))
    assert caught.key == "TUN → ITA" and caught.to_role == "location"
    assert corridor_of(row("u", 1, 1, origin=(), location=None)).key == "? → ?"
    ranked = rank_corridors(
        [
            row("a", 10, 10, origin=("TUN",), location="ITA"),
            row("b", 500, 500, origin=("ERI",), location="EGY"),
            row("c", 90, 90, origin=("TUN",), location="ITA", per="day"),
        ]
    )
    assert [c.key for c in ranked] == ["ERI → EGY", "TUN → ITA"]
    assert ranked[1].summed.people_low == 10 and ranked[1].rates == 1


# --------------------------------------------------------------------------- through the API


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_db(tmp_path_factory.mktemp("count") / "e.db")))


def test_aggregate_endpoint_counts_honestly(client: TestClient) -> None:
    agg = client.get("/api/v1/aggregates/people?interval=month&by=type").json()
    assert agg["summed"]["people_low"] == FIGURES["summed_low"]
    assert len(agg["rates"]) == FIGURES["rates"]
    assert len(agg["running_totals"]) == FIGURES["running_totals"]
    assert len(agg["not_summed_status"]) == FIGURES["planned"]
    assert agg["without_figures"] == FIGURES["without_figures"]
    assert agg["spanning"]["people_low"] == FIGURES["spanning_month"]
    assert agg["undated"]["people_low"] == FIGURES["undated"]
    placed = sum(v["people_low"] for s in agg["series"] for v in s["values"])
    assert placed == FIGURES["summed_low"] - FIGURES["spanning_month"] - FIGURES["undated"]
    assert "arrival" not in {s["key"] for s in agg["series"]}  # only a running total
    assert agg["method"].startswith("sum of single events")
    assert agg["periods"] == ["2024-03", "2024-04", "2024-05"]


def test_aggregate_endpoint_takes_the_filters(client: TestClient) -> None:
    agg = client.get("/api/v1/aggregates/people?type=apprehension&origin=Tunisia").json()
    assert [s["key"] for s in agg["series"]] == ["apprehension"]
    assert agg["summed"] == {"events": 1, "people_low": 85, "people_high": 85, "open_high": 1}
    corridors = client.get("/api/v1/aggregates/people?by=corridor&interval=year").json()
    keys = {s["key"] for s in corridors["series"]}
    assert {"PAK → AFG", "TUN → ITA", "USA → HND", "? → DEU"} <= keys


def test_corridor_endpoint_ranks_by_people(client: TestClient) -> None:
    body = client.get("/api/v1/corridors").json()
    keys = [c["key"] for c in body["data"]]
    assert keys[:3] == ["? → DEU", "PAK → AFG", "USA → HND"]
    assert body["count"] == len(keys)
    assert "single events" in body["method"]
    top2 = client.get("/api/v1/corridors?limit=2").json()
    assert len(top2["data"]) == 2 and top2["count"] == body["count"]


def test_facets_list_what_is_there(client: TestClient) -> None:
    facets = client.get("/api/v1/facets").json()
    assert sum(facets["types"].values()) == FIGURES["events"]
    assert {"code": "AFG", "name": "Afghanistan", "events": 2} in facets["countries"]
    assert facets["date_min"] == "2023-01-01"


def test_rows_with_unusable_dates_are_undated(tmp_path: Path) -> None:
    db = build_db(tmp_path / "bad.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET date_start = 'soon', date_end = NULL")
    agg = TestClient(create_app(db)).get("/api/v1/aggregates/people").json()
    assert agg["periods"] == [] and agg["undated"]["events"] == agg["summed"]["events"]
