"""The command line over a real SQLite file: ingest, documents, show, stats, extract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from passage.cli import main

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "examples" / "corpus"
BAD = ROOT / "examples" / "bad"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_ingest_corpus_then_bad_inputs(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    ok = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--quiet"])
    assert ok.exit_code == 0, ok.output
    assert "0 failed" in ok.output

    bad = runner.invoke(main, ["ingest", str(BAD), "--db", db, "--quiet"])
    assert bad.exit_code == 1  # something failed, the rest is stored
    assert "mixed.jsonl:line 3: malformed_json" in bad.output
    assert "binary" in bad.output

    stats = runner.invoke(main, ["stats", "--json", "--db", db])
    figures = json.loads(stats.output)
    assert figures["documents"] > 20
    assert figures["failures_by_kind"]["malformed_json"] == 1
    assert figures["failures"] == len(
        [line for line in bad.output.splitlines() if line.startswith("error")]
    )

    again = runner.invoke(main, ["ingest", str(CORPUS), "--db", db, "--quiet"])
    assert "0 new," in again.output and again.exit_code == 0


def test_documents_search_and_show_marks_clutter(runner: CliRunner, tmp_path: Path) -> None:
    db = str(tmp_path / "p.db")
    runner.invoke(main, ["ingest", str(CORPUS / "pages"), "--db", db, "--quiet"])
    listed = runner.invoke(main, ["documents", "--json", "--search", "Tunis", "--db", db])
    rows = [json.loads(line) for line in listed.output.splitlines()]
    assert rows and all(row["format"] == "text" for row in rows)

    shown = runner.invoke(main, ["show", rows[0]["id"][:8], "--db", db])
    assert shown.exit_code == 0, shown.output
    assert "dropped:" in shown.output  # the page's clutter is visible, marked
    clean = runner.invoke(main, ["show", rows[0]["id"], "--clean", "--db", db])
    assert "dropped:" not in clean.output and len(clean.output) < len(shown.output)

    missing = runner.invoke(main, ["show", "ffffffffffff", "--db", db])
    assert missing.exit_code != 0 and "no single document" in missing.output


def test_extract_writes_offsets_and_stores_events(runner: CliRunner, tmp_path: Path) -> None:
    out, db = tmp_path / "events.jsonl", str(tmp_path / "p.db")
    result = runner.invoke(main, ["extract", str(CORPUS), "-o", str(out), "--db", db, "--quiet"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    events = [e for line in lines for e in line["events"]]
    assert len(events) >= 10
    for event in events:
        assert event["evidence"] and len(event["evidence"]) == len(event["evidence_text"])
    stats = json.loads(runner.invoke(main, ["stats", "--json", "--db", db]).output)
    assert stats["events"] == len(events)


def test_events_lists_facts_by_default_and_reports_on_demand(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = str(tmp_path / "p.db")
    scenarios = str(ROOT / "examples" / "scenarios")
    before = runner.invoke(main, ["events", "--json", "--db", db])
    assert before.exit_code == 0 and before.output == ""
    runner.invoke(main, ["extract", scenarios, "-o", str(tmp_path / "e.jsonl"), "--db", db, "-q"])
    facts = [
        json.loads(line)
        for line in runner.invoke(main, ["events", "--json", "--db", db]).output.splitlines()
    ]
    reports = [
        json.loads(line)
        for line in runner.invoke(
            main, ["events", "--reports", "--json", "--limit", "1000", "--db", db]
        ).output.splitlines()
    ]
    assert facts and len(facts) < len(reports)  # one fact told by several reports
    assert {r["consolidated_id"] for r in reports} == {f["id"] for f in facts}
    told_twice = next(f for f in facts if f["reports"] > 1)
    shown = runner.invoke(main, ["events", "--id", told_twice["id"][:8], "--json", "--db", db])
    assert len(json.loads(shown.output)["members"]) >= 2
