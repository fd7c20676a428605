"""Consolidated events on the API: /consolidated lists one row per fact, /consolidated/{id}
lists every report of it, /events names each event's consolidated id; the CLI keeps them
up to date after `extract --db`.

The database holds the invented reports of api_fixtures and the invented multi-report
scenarios of examples/scenarios (one flight told by three outlets with 100, 130 and "more
than 100"), events built by hand, consolidated.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote as url_quote

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api_fixtures import FIGURES, SCENARIOS, build_consolidated_db, build_db
from passage.api.app import create_app
from passage.cli import main
from passage.model import Block, Document, Event, People, Provenance, RawDocument, Span
from passage.store import Store

SCENARIO_EVENTS = 12  # hand-built events of examples/scenarios
SCENARIO_FACTS = 8  # what they report: the flight (3 reports) counts once, so do copies
ALL_EVENTS = FIGURES["events"] + SCENARIO_EVENTS
ALL_FACTS = FIGURES["events"] + SCENARIO_FACTS  # each invented report's event is its own fact


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_consolidated_db(tmp_path_factory.mktemp("consolidated") / "c.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db)) as c:
        yield c


def get(client: TestClient, path: str) -> dict:
    response = client.get("/api/v1" + path)
    assert response.status_code == 200, response.text
    return response.json()


def facts(client: TestClient, query: str = "") -> dict:
    return get(client, f"/consolidated?limit=500&{query}")


def the_flight(client: TestClient) -> dict:
    (flight,) = facts(client, "type=removal&origin=GEO")["data"]
    return flight


def document_text(client: TestClient, doc_id: str) -> str:
    return get(client, f"/documents/{doc_id}")["text"]


# --------------------------------------------------------------------------- listing


def test_one_row_per_fact_and_every_event_in_one_of_them(client: TestClient) -> None:
    listed = facts(client)
    assert listed["count"] == len(listed["data"]) == ALL_FACTS
    assert listed["unconsolidated_events"] == 0 and listed["note"] is None
    events = get(client, "/events?limit=500")["data"]
    assert len(events) == ALL_EVENTS > ALL_FACTS
    assert {e["consolidated_id"] for e in events} == {f["id"] for f in listed["data"]}
    facets = get(client, "/facets")
    assert (facets["consolidated"], facets["unconsolidated"]) == (ALL_FACTS, 0)


def test_the_flight_told_by_three_outlets_is_one_fact_with_the_range(client: TestClient) -> None:
    flight = the_flight(client)
    assert (flight["reports"], flight["documents"], flight["conflict"]) == (3, 3, True)
    assert flight["people"]["low"] == 100 and flight["people"]["high"] is None  # "more than 100"
    assert (flight["reported_low"], flight["reported_high"]) == (100, None)
    assert flight["corridor"] == "DEU → GEO"  # sent back home: starts where they were
    assert flight["date"] == {"start": "2024-05-14", "end": "2024-05-14", "precision": "day"}
    assert flight["date_basis"] == "event"
    assert (flight["first_published"], flight["last_published"]) == ("2024-05-15", "2024-05-16")
    assert set(flight["sources"]) == {"federal interior ministry", "federal police", "Port Haven"}
    assert "130" in flight["method"] and "disagree" in flight["method"]
    first = flight["first_report"]
    assert first["document"]["published"] == "2024-05-15"
    text = document_text(client, first["document"]["id"])
    (quote,) = first["evidence"]
    assert text[quote["start"] : quote["end"]] == quote["text"]


def test_agreeing_reports_give_the_range_they_agree_on(client: TestClient) -> None:
    # one article updated under the same url: 45, corrected to 63; the old figure is superseded
    (raid,) = facts(client, "location=FRA")["data"]
    assert (raid["reports"], raid["documents"], raid["conflict"]) == (1, 2, False)
    assert (raid["reported_low"], raid["reported_high"]) == (63, 63)
    assert raid["first_report"]["document"]["published"] == "2024-07-02"  # the current version


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=removal", 6),  # 8 removal events, the flight's three are one fact
        ("type=removal&status=occurred", 5),
        ("conflict=true", 1),
        ("conflict=false", ALL_FACTS - 1),
        ("min_reports=2", 1),
        ("min_reports=3&conflict=false", 0),
        ("country=GEO", 1),
        ("origin=Afghanistan", 2),
        ("location=FRA", 1),
        ("date_from=2024-05-14&date_to=2024-05-14", 1),
        ("min_people=1000", 6),
        ("source=federal police", 1),  # any report's source
        ("q=Tbilisi", 1),  # any report's evidence
        ("actor=police", 1),
        ("q=100%", 0),
        ("type=arrival&min_people=3000&date_from=2024", 3),
    ],
)
def test_filters_apply_to_facts(client: TestClient, query: str, expected: int) -> None:
    found = facts(client, query)
    assert found["count"] == expected == len(found["data"])


def test_sorts_and_pages(client: TestClient) -> None:
    assert facts(client, "sort=-reports")["data"][0]["reports"] == 3
    lows = [f["people"]["low"] for f in facts(client, "sort=-people")["data"] if f["people"]]
    assert lows == sorted(lows, reverse=True) and lows[0] == 16000
    when = [(f["date"] or {}).get("start") or f["first_published"] for f in facts(client)["data"]]
    dated = [w for w in when if w]
    assert dated == sorted(dated, reverse=True) and when[-1] is None  # undated last
    seen = []
    for page in range(1, 5):
        body = get(client, f"/consolidated?limit=6&page={page}&sort=type")
        assert body["count"] == ALL_FACTS
        seen += [f["id"] for f in body["data"]]
    assert len(seen) == len(set(seen)) == ALL_FACTS


def test_aggregates_can_count_each_fact_once(client: TestClient) -> None:
    flight = "type=removal&origin=GEO"
    reports = get(client, f"/corridors?{flight}")["data"][0]
    facts_ = get(client, f"/corridors?{flight}&unit=facts")["data"][0]
    assert reports["key"] == facts_["key"] == "DEU → GEO"
    assert (reports["events"], reports["people_low"]) == (3, 330)  # 100 + 130 + 100 counted thrice
    assert (facts_["events"], facts_["people_low"], facts_["open_high"]) == (1, 100, 1)
    agg = get(client, f"/aggregates/people?{flight}&unit=facts")
    assert (agg["events"], agg["summed"]["people_low"]) == (1, 100)
    assert agg["method"].startswith("each fact counted once")
    everything = get(client, "/aggregates/people?unit=facts")
    assert everything["events"] == ALL_FACTS
    assert get(client, "/aggregates/people")["events"] == ALL_EVENTS


# --------------------------------------------------------------------------- detail


def test_detail_lists_every_report_with_its_figure_source_and_evidence(client: TestClient) -> None:
    flight = the_flight(client)
    detail = get(client, f"/consolidated/{flight['id']}")
    assert {k: v for k, v in detail.items() if k != "members"} == flight
    members = detail["members"]
    assert len(members) == 3
    said = {
        (m["document"]["outlet"], m["people"]["low"], m["people"]["high"], m["source"])
        for m in members
    }
    assert said == {
        ("harbor-gazette.example", 100, 100, "federal interior ministry"),
        ("north-star-news.example", 130, 130, "federal police"),
        ("valley-times.example", 100, None, "Port Haven"),
    }
    for m in members:
        assert m["document"]["url"].startswith("https://") and m["document"]["title"]
        text = document_text(client, m["document"]["id"])
        for quote in m["evidence"]:
            assert text[quote["start"] : quote["end"]] == quote["text"]
        event = get(client, f"/events/{m['event_id']}")
        assert event["consolidated_id"] == flight["id"]
        assert event["document"]["id"] == m["document"]["id"]
    assert [m["document"]["published"] for m in members] == sorted(
        m["document"]["published"] for m in members
    )


def test_a_unique_prefix_finds_the_fact(client: TestClient) -> None:
    flight = the_flight(client)
    assert get(client, f"/consolidated/{flight['id'][:6]}")["id"] == flight["id"]
    assert get(client, f"/consolidated/{flight['id'].upper()}")["id"] == flight["id"]


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("path", "status", "param", "words"),
    [
        ("/consolidated?type=deportation", 400, "type", "removal"),
        ("/consolidated?origin=Narnia", 400, "origin", "Narnia"),
        ("/consolidated?date_from=2024-13", 400, "date_from", "month"),
        ("/consolidated?sort=size", 422, "sort", "reports"),
        ("/consolidated?conflict=perhaps", 422, "conflict", "boolean"),
        ("/consolidated?min_reports=0", 422, "min_reports", "greater than"),
        ("/consolidated?min_reports=many", 422, "min_reports", "integer"),
        ("/consolidated?limit=0", 422, "limit", "greater than"),
        ("/consolidated/zz%25", 422, "consolidated_id", "pattern"),
        ("/consolidated/abc", 422, "consolidated_id", "pattern"),
        ("/events?sort=reports", 422, "sort", "-date"),
        ("/corridors?unit=stories", 422, "unit", "facts"),
        ("/aggregates/people?unit=", 422, "unit", "reports"),
    ],
)
def test_bad_parameters_are_4xx_json(
    client: TestClient, path: str, status: int, param: str, words: str
) -> None:
    response = client.get("/api/v1" + path)
    assert response.status_code == status, response.text
    body = response.json()
    assert (body["error"], body["param"]) == ("bad_parameter", param)
    assert words in body["message"]


def test_unknown_fact_is_404_json(client: TestClient) -> None:
    response = client.get("/api/v1/consolidated/0123456789abcdef")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_fuzzed_parameters_never_reach_a_500(client: TestClient) -> None:
    params = ["type", "status", "origin", "country", "date_from", "min_people", "source", "q"]
    params += ["conflict", "min_reports", "sort", "limit", "page", "offset"]
    values = ["", "0", "-1", "1", "true", "no", "-reports", "reports", "%", "_", "'", "é"]
    values += ["9" * 30, "2024-02-30", "removal", "GEO", "x" * 500, "\x00"]
    rng = random.Random(5)
    for _ in range(300):
        query = {rng.choice(params): rng.choice(values) for _ in range(rng.randint(1, 4))}
        one = "/api/v1/consolidated/" + url_quote(rng.choice(values), safe="")
        path = rng.choice(["/api/v1/consolidated", one])
        response = client.get(path, params=query)
        assert response.status_code < 500, (path, query, response.text)


def test_openapi_lists_the_routes(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert {"/api/v1/consolidated", "/api/v1/consolidated/{consolidated_id}"} <= set(spec["paths"])
    assert "consolidated_id" in spec["components"]["schemas"]["EventPublic"]["properties"]


# --------------------------------------------------------------------------- not consolidated


def test_before_consolidation_the_list_is_empty_and_says_why(tmp_path: Path) -> None:
    with TestClient(create_app(build_db(tmp_path / "plain.db"))) as c:
        listed = c.get("/api/v1/consolidated").json()
        assert listed["count"] == 0 and listed["unconsolidated_events"] == FIGURES["events"]
        assert "passage consolidate" in listed["note"]
        events = c.get("/api/v1/events?limit=500").json()["data"]
        assert {e["consolidated_id"] for e in events} == {None}
        assert c.get("/api/v1/facets").json()["consolidated"] == 0


def test_events_added_after_consolidation_are_counted_as_pending(tmp_path: Path) -> None:
    db = build_consolidated_db(tmp_path / "c.db")
    text = "Late report\nPolice detained 9 people at the harbour on Friday.\n"
    doc = Document(
        raw=RawDocument(text=text, provenance=Provenance("late.txt"), format="text"),
        blocks=[Block(0, len(text), "body")],
    )
    store = Store(db)
    store.add_document(doc)
    quote = "Police detained 9 people at the harbour on Friday."
    start = text.index(quote)
    event = Event(
        "apprehension", "occurred", [Span(start, start + len(quote))], people=People(9, 9)
    )
    store.replace_events(doc.id, [event], "test-v1")
    store.close()
    with TestClient(create_app(db)) as c:
        listed = c.get("/api/v1/consolidated?limit=500").json()
        assert listed["count"] == ALL_FACTS and listed["unconsolidated_events"] == 1
        assert "1 events" in listed["note"]
        (late,) = c.get("/api/v1/events?q=harbour").json()["data"]
        assert late["consolidated_id"] is None


# --------------------------------------------------------------------------- command line


def test_extract_with_a_database_consolidates(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    result = CliRunner().invoke(
        main, ["extract", str(SCENARIOS), "--db", str(db), "-o", str(tmp_path / "e.jsonl"), "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "consolidate:" in result.output
    with sqlite3.connect(db) as conn:
        events = conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
        members = conn.execute("SELECT COUNT(*) FROM consolidated_members").fetchone()[0]
    assert events > 0 and members == events
