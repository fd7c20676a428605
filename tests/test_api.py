"""The REST API over an invented database: filters, paging, sorting, details, errors, fuzzing."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api_fixtures import FIGURES, REPORTS, build_db
from passage.api.app import create_app
from passage.api.deps import get_conn
from passage.api.filters import FilterError, build_filters, parse_day, resolve_country
from passage.store import connect_readonly

WEB = Path(__file__).resolve().parents[1] / "src" / "passage" / "web"


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("api") / "events.db")


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    # The app points at no database at all: every request must go through the override.
    app = create_app(db.parent / "missing.db")

    def temporary_conn() -> Iterator[sqlite3.Connection]:
        conn = connect_readonly(db)
        try:
            yield conn
        finally:
            conn.close()

    app.dependency_overrides[get_conn] = temporary_conn
    with TestClient(app) as c:
        yield c


def events(client: TestClient, query: str = "") -> dict:
    response = client.get(f"/api/v1/events?limit=500&{query}")
    assert response.status_code == 200, response.text
    return response.json()


# --------------------------------------------------------------------------- listing


def test_lists_every_event_with_its_evidence_and_report(client: TestClient) -> None:
    body = events(client)
    assert body["count"] == FIGURES["events"] == len(body["data"])
    texts = {r.url or r.title: r.text for r in REPORTS}
    for ev in body["data"]:
        text = texts[ev["document"]["url"] or ev["document"]["title"]]
        assert ev["evidence"], ev["id"]
        for span in ev["evidence"]:
            assert text[span["start"] : span["end"]] == span["text"]
        assert ev["citation"].endswith(f'"{ev["evidence"][0]["text"]}"')


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("type=removal", 3),
        ("type=removal,return", 5),
        ("type=POLICY&policy_kind=ruling", 1),
        ("status=planned", 2),
        ("origin=AFG", 2),
        ("origin=Afghanistan", 2),
        ("origin=afg,eri", 3),
        ("location=PAK", 3),
        ("destination=Honduras", 2),
        ("country=ITA", 2),
        ("date_from=2024-04-01&date_to=2024-04-30", 4),  # overlap, report date stands in
        ("date_from=2024-04&date_to=2024-04", 4),
        ("date_to=2023", 1),
        ("date_from=2024-06-15", 1),
        ("min_people=1000", 3),
        ("min_people=0", 9),  # events with a figure
        ("actor=POLICE", 1),
        ("source=ministry", 2),
        ("q=charter flight", 1),
        ("q=100%", 0),
        ("q=_", 0),
        ("type=apprehension&origin=TUN&min_people=50", 1),
        ("type=apprehension&origin=TUN&min_people=500", 0),
    ],
)
def test_filters_filter(client: TestClient, query: str, expected: int) -> None:
    body = events(client, query)
    assert body["count"] == expected == len(body["data"])


def test_type_filter_returns_only_that_type(client: TestClient) -> None:
    assert {e["type"] for e in events(client, "type=removal")["data"]} == {"removal"}
    origins = [e["origin"] for e in events(client, "origin=Afghanistan")["data"]]
    assert all("AFG" in o for o in origins)


def test_pages_cover_every_event_once(client: TestClient) -> None:
    seen = []
    for page in (1, 2, 3):
        body = client.get(f"/api/v1/events?limit=4&page={page}&sort=date").json()
        assert body["count"] == FIGURES["events"]
        seen += [e["id"] for e in body["data"]]
    assert len(seen) == len(set(seen)) == FIGURES["events"]
    by_offset = client.get("/api/v1/events?limit=4&offset=4&sort=date").json()
    by_page = client.get("/api/v1/events?limit=4&page=2&sort=date").json()
    assert by_offset["data"] == by_page["data"]
    assert client.get("/api/v1/events?offset=400").json()["data"] == []


def _when(ev: dict) -> str | None:
    return (ev["date"] or {}).get("start") or ev["document"]["published"]


def test_sorts(client: TestClient) -> None:
    dated = [_when(e) for e in events(client, "sort=date")["data"]]
    assert dated[-1] is None  # undated last
    assert dated[:-1] == sorted(dated[:-1])
    newest = [_when(e) for e in events(client, "sort=-date")["data"]]
    assert newest[:-1] == sorted(newest[:-1], reverse=True)
    people = [e["people"]["low"] for e in events(client, "sort=-people")["data"] if e["people"]]
    assert people == sorted(people, reverse=True) and people[0] == 16000
    types = [e["type"] for e in events(client, "sort=type")["data"]]
    assert types == sorted(types)


# --------------------------------------------------------------------------- details


def test_event_detail_has_every_span_with_its_text(client: TestClient) -> None:
    listed = events(client, "q=charter")["data"][0]
    detail = client.get(f"/api/v1/events/{listed['id']}").json()
    doc = client.get(f"/api/v1/documents/{detail['document']['id']}").json()
    fields = {s["field"] for s in detail["spans"]}
    assert {"event", "people", "origin", "actor", "date", "places"} <= fields
    for span in detail["spans"]:
        assert doc["text"][span["start"] : span["end"]] == span["text"]
    assert detail["people"] == {
        "low": 120,
        "high": 120,
        "approx": False,
        "per": None,
        "cumulative": False,
    }
    assert detail["document"]["url"].endswith("honduras-flight")
    assert detail["document"]["published"] == "2024-03-05"


def test_documents_list_search_and_detail(client: TestClient) -> None:
    body = client.get("/api/v1/documents").json()
    assert body["count"] == len(REPORTS)
    assert [d["published"] for d in body["data"]][:2] == ["2024-05-15", "2024-04-22"]
    found = client.get("/api/v1/documents?q=lampedusa").json()
    assert found["count"] == 1 and found["data"][0]["events"] == 2
    doc = client.get(f"/api/v1/documents/{found['data'][0]['id']}").json()
    assert doc["text"].startswith("Coast guard intercepts")
    assert doc["blocks"][0] == {"start": 0, "end": 46, "kind": "body", "reason": None}
    assert len(doc["events"]) == 2
    for ev in doc["events"]:
        for span in ev["spans"]:
            assert doc["text"][span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize("path", ["/api/v1/events/nope", "/api/v1/documents/nope"])
def test_unknown_ids_are_404_json(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert response.json()["error"] == "not_found"


# --------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("query", "status", "param", "words"),
    [
        ("/events?type=deportation", 400, "type", "removal"),
        ("/events?status=done", 400, "status", "occurred"),
        ("/events?policy_kind=tax", 400, "policy_kind", "deadline"),
        ("/events?origin=Narnia", 400, "origin", "Narnia"),
        ("/events?country=ZZZ", 400, "country", "ZZZ"),
        ("/events?date_from=2024-13-01", 400, "date_from", "month"),
        ("/events?date_to=yesterday", 400, "date_to", "YYYY-MM-DD"),
        ("/events?date_from=2024-05-01&date_to=2024-04-01", 400, "date_from", "after"),
        ("/events?limit=-1", 422, "limit", "greater than"),
        ("/events?limit=100000", 422, "limit", "less than"),
        ("/events?page=0", 422, "page", "greater than"),
        ("/events?min_people=-5", 422, "min_people", "greater than"),
        ("/events?min_people=lots", 422, "min_people", "integer"),
        ("/events?sort=size", 422, "sort", "-date"),
        ("/events?actor=" + "x" * 300, 422, "actor", "200"),
        ("/documents?sort=title", 422, "sort", "published"),
        ("/aggregates/people?interval=day", 422, "interval", "month"),
        ("/aggregates/people?by=country", 422, "by", "corridor"),
        ("/export?format=xml", 422, "format", "parquet"),
        ("/corridors?limit=0", 422, "limit", "greater than"),
    ],
)
def test_bad_parameters_are_4xx_json_naming_the_parameter(
    client: TestClient, query: str, status: int, param: str, words: str
) -> None:
    response = client.get("/api/v1" + query)
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == "bad_parameter"
    assert body["param"] == param
    assert words in body["message"]


def test_missing_database_is_a_503_json(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "none.db")) as c:
        response = c.get("/api/v1/events")
    assert response.status_code == 503
    assert "passage ingest" in response.json()["message"]


FUZZ_PARAMS = [
    "type", "policy_kind", "status", "origin", "location", "destination", "country",
    "date_from", "date_to", "min_people", "actor", "source", "q", "page", "limit", "offset",
    "sort", "interval", "by", "format", "unit", "conflict", "min_reports",
]  # fmt: skip
FUZZ_VALUES = [
    "", " ", "0", "-1", "1", "99999999999999999999999", "1e3", "removal", "AFG", "Afghanistan",
    "2024", "2024-02-30", "2024-1-5", "0000-01-01", "9999-12-31", "-date", "people", "%", "_",
    "\\", "'", '"', "' OR 1=1 --", "null", "NaN", "..", "é", "中国", "😀", "a,b,,c", ",",
    "x" * 5000, "%00", "\x00", "week", "corridor", "jsonl", "parquet", "facts", "true",
]  # fmt: skip
FUZZ_PATHS = [
    "/api/v1/events", "/api/v1/aggregates/people", "/api/v1/corridors", "/api/v1/export",
    "/api/v1/documents", "/api/v1/facets", "/api/v1/events/%00", "/api/v1/documents/..%2F",
    "/api/v1/consolidated", "/api/v1/consolidated/%25",
]  # fmt: skip


def test_fuzzed_parameters_never_reach_a_500(client: TestClient) -> None:
    rng = random.Random(20240703)
    for _ in range(400):
        path = rng.choice(FUZZ_PATHS)
        params = {
            rng.choice(FUZZ_PARAMS): rng.choice(FUZZ_VALUES) for _ in range(rng.randint(1, 4))
        }
        response = client.get(path, params=params)
        assert response.status_code < 500, (path, params, response.text)
        if response.status_code >= 400:
            assert response.json()["message"], (path, params)


def test_extreme_dates_in_the_data_do_not_break_aggregates(tmp_path: Path) -> None:
    db = build_db(tmp_path / "x.db")
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE events SET date_start = '0001-01-01', date_end = '0001-01-01'")
        conn.execute(
            "UPDATE events SET date_start = '9999-12-31', date_end = '9999-12-31'"
            " WHERE type = 'removal'"
        )
    with TestClient(create_app(db)) as c:
        for interval in ("week", "month", "year"):
            response = c.get(f"/api/v1/aggregates/people?interval={interval}")
            assert response.status_code == 200, response.text


# --------------------------------------------------------------------------- schema, pages


def test_openapi_and_docs_work_offline(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/v1/events", "/api/v1/events/{event_id}", "/api/v1/aggregates/people"):
        assert path in spec["paths"]
    assert "EventsPublic" in spec["components"]["schemas"]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/openapi.json" in docs.text
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert client.get("/static/app.js").status_code == 200


def test_web_assets_load_nothing_from_the_network() -> None:
    for asset in WEB.rglob("*"):
        if asset.suffix in (".html", ".js", ".css"):
            text = asset.read_text(encoding="utf-8")
            assert "//cdn" not in text and '<script src="http' not in text, asset
            assert "@import url(http" not in text, asset


# --------------------------------------------------------------------------- filter parsing


def test_countries_resolve_from_codes_and_names() -> None:
    assert resolve_country("afg") == "AFG"
    assert resolve_country("Afghanistan") == "AFG"
    assert resolve_country("United Kingdom") == "GBR"
    assert resolve_country("Narnia") is None
    assert resolve_country("  ") is None


def test_dates_accept_years_and_months() -> None:
    assert str(parse_day("d", "2024")) == "2024-01-01"
    assert str(parse_day("d", "2024", end=True)) == "2024-12-31"
    assert str(parse_day("d", "2024-02", end=True)) == "2024-02-29"
    assert parse_day("d", "") is None
    with pytest.raises(FilterError):
        parse_day("d", "2024-02-30")


def test_build_filters_deduplicates_and_normalises() -> None:
    f = build_filters(type="Removal, removal", origin="AFG,Afghanistan")
    assert f.types == ("removal",) and f.origin == ("AFG",)
    with pytest.raises(FilterError) as err:
        build_filters(min_people=-1)
    assert err.value.param == "min_people"
