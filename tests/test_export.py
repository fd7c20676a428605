"""Exports: every field, the evidence, the report's url and a citation, in CSV, JSONL, Parquet."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from api_fixtures import FIGURES, REPORTS, build_consolidated_db, build_db
from passage.api.app import create_app
from passage.api.filters import build_filters
from passage.cli import main
from passage.export import COLUMNS, export, publisher
from passage.store import connect_readonly
from passage.store.queries import EventFilters

TEXTS = {r.title: r.text for r in REPORTS}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("export") / "e.db")


@pytest.fixture
def conn(db: Path):
    c = connect_readonly(db)
    yield c
    c.close()


def test_jsonl_has_every_field_and_true_evidence(conn) -> None:
    lines = export(conn, EventFilters(), "jsonl").decode("utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    assert len(rows) == FIGURES["events"]
    for row in rows:
        assert list(row) == list(COLUMNS)
        text = TEXTS[row["document_title"]]
        for (start, end), quote in zip(row["evidence_spans"], row["evidence"], strict=True):
            assert text[start:end] == quote
        for field, spans in row["field_spans"].items():
            assert field != "event"
            assert all(text[s["start"] : s["end"]] == s["text"] for s in spans)
    flight = next(r for r in rows if r["people_low"] == 120)
    assert flight["origin"] == ["HND"] and flight["places"] == ["Tegucigalpa"]
    assert flight["citation"] == (
        "Border agency deports 120 Hondurans, example-news.org, 2024-03-05,"
        ' https://www.example-news.org/2024/03/honduras-flight — "The Border Agency said on'
        ' Monday it had deported 120 Honduran nationals on a charter flight to Tegucigalpa."'
    )


def test_citation_leaves_out_what_is_unknown(conn) -> None:
    rows = [
        json.loads(x)
        for x in export(conn, build_filters(location="ESP"), "jsonl").split(b"\n")
        if x
    ]
    (spain,) = rows
    assert spain["document_url"] is None and spain["publisher"] is None
    assert spain["citation"] == (
        'Dozens held in Spain — "Spanish authorities are holding dozens of migrants in detention."'
    )


def test_csv_holds_the_filtered_rows(conn) -> None:
    data = export(conn, build_filters(type="removal"), "csv", sort="-people").decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(data)))
    assert [r["people_low"] for r in rows] == ["16000", "200", "120"]
    assert list(rows[0]) == list(COLUMNS)
    flight = rows[2]
    assert flight["origin"] == "HND" and flight["document_url"].endswith("honduras-flight")
    assert json.loads(flight["evidence"])[0].startswith("The Border Agency said")
    assert flight["citation"].startswith("Border agency deports 120 Hondurans, example-news.org")


def test_parquet_reads_back(conn, tmp_path: Path) -> None:
    path = tmp_path / "e.parquet"
    path.write_bytes(export(conn, build_filters(origin="AFG"), "parquet"))
    table = pq.read_table(path)
    assert table.column_names == list(COLUMNS)
    rows = sorted(table.to_pylist(), key=lambda r: r["type"])
    assert [r["type"] for r in rows] == ["policy", "return"]
    assert rows[1]["origin"] == ["AFG"] and rows[1]["people_approx"] is True
    start, end = rows[1]["evidence_spans"][0]
    assert TEXTS[rows[1]["document_title"]][start:end] == rows[1]["evidence"][0]
    assert json.loads(rows[1]["field_spans"])["source"][0]["text"] == "the UN refugee agency"


def test_empty_selection_gives_a_valid_empty_file(conn, tmp_path: Path) -> None:
    none = build_filters(type="operation")
    assert export(conn, none, "jsonl") == b""
    assert export(conn, none, "csv").decode().strip() == ",".join(COLUMNS)
    path = tmp_path / "none.parquet"
    path.write_bytes(export(conn, none, "parquet"))
    assert pq.read_table(path).num_rows == 0


def test_publisher_is_the_host() -> None:
    assert publisher("https://www.example.org/a?b=1") == "example.org"
    assert publisher("not a url") is None
    assert publisher(None) is None


def test_api_download_takes_the_filters(db: Path) -> None:
    with TestClient(create_app(db)) as client:
        response = client.get("/api/v1/export?format=jsonl&type=apprehension&sort=people")
    assert response.status_code == 200
    assert 'filename="passage-events.jsonl"' in response.headers["content-disposition"]
    rows = [json.loads(x) for x in response.text.splitlines()]
    assert [r["people_low"] for r in rows] == [30, 85]


def test_cli_export(db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "removals.parquet"
    result = runner.invoke(
        main,
        ["export", "-o", str(out), "--type", "removal", "--status", "occurred", "--db", str(db)],
    )
    assert result.exit_code == 0, result.output
    assert pq.read_table(out).num_rows == 2  # format from the extension
    result = runner.invoke(
        main, ["export", "--format", "csv", "-o", "-", "--origin", "Tunisia", "--db", str(db)]
    )
    assert result.exit_code == 0
    assert len(list(csv.DictReader(io.StringIO(result.output)))) == 1
    bad = runner.invoke(main, ["export", "-o", "-", "--date-from", "soon", "--db", str(db)])
    assert bad.exit_code == 2 and "--date-from" in bad.output
    missing = runner.invoke(main, ["export", "-o", "-", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 1 and "no such database" in missing.output


def test_every_row_carries_its_consolidated_id(tmp_path: Path) -> None:
    db = build_consolidated_db(tmp_path / "c.db")
    conn = connect_readonly(db)
    try:
        rows = [json.loads(x) for x in export(conn, EventFilters(), "jsonl").splitlines()]
        flight = build_filters(type="removal", origin="GEO")
        table = pq.read_table(io.BytesIO(export(conn, flight, "parquet")))
        listed = list(csv.DictReader(io.StringIO(export(conn, flight, "csv").decode("utf-8"))))
        facts = {r[0] for r in conn.execute("SELECT id FROM consolidated_events")}
    finally:
        conn.close()
    assert {r["consolidated_id"] for r in rows} == facts  # every fact, no row without one
    assert len(rows) > len(facts)
    # one flight told by three outlets: three rows, one consolidated id
    (fact,) = set(table.column("consolidated_id").to_pylist())
    assert table.num_rows == 3 and fact in facts
    assert [r["consolidated_id"] for r in listed] == [fact] * 3
    out = tmp_path / "flight.csv"
    args = ["export", "-o", str(out), "--type", "removal", "--origin", "GEO", "--db", str(db)]
    assert CliRunner().invoke(main, args).exit_code == 0
    cli_rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["consolidated_id"] for r in cli_rows] == [fact] * 3


def test_before_consolidation_the_column_is_empty(conn) -> None:
    rows = [json.loads(x) for x in export(conn, EventFilters(), "jsonl").splitlines()]
    assert {r["consolidated_id"] for r in rows} == {None}
    data = export(conn, build_filters(type="return"), "csv").decode("utf-8")
    assert {r["consolidated_id"] for r in csv.DictReader(io.StringIO(data))} == {""}
