"""The consolidation commands, the schema, and the measurement on scenarios and gold copies."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from passage.cli import main
from passage.consolidate.measure import (
    gold_with_copies,
    measure_cost,
    measure_documents,
    measure_scenarios,
    pair_shares,
    report_lines,
)
from passage.consolidate.scenarios import load_scenarios, scenario_files, store_scenarios
from passage.store import Store

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "examples" / "scenarios"
GOLD = ROOT.parent / "shared" / "gold"


def test_migration_adds_the_consolidation_tables(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    names = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "doc_signatures",
        "doc_clusters",
        "consolidated_events",
        "consolidated_members",
    } <= names
    assert "0002_consolidation" in store.applied_migrations()


def test_pair_shares_counts_pairs() -> None:
    truth = {"a": "x", "b": "x", "c": "x", "d": "y", "e": "z"}
    predicted = {"a": "1", "b": "1", "c": "2", "d": "2", "e": "3"}
    shares = pair_shares(truth, predicted)
    # same-label pairs: ab ac bc; merged: ab. Distinct pairs: 10 - 3 = 7; merged: cd.
    assert (shares.same_pairs, shares.same_merged) == (3, 1)
    assert (shares.distinct_pairs, shares.distinct_merged) == (7, 1)
    assert shares.merged == pytest.approx(1 / 3) and shares.wrongly_merged == pytest.approx(1 / 7)


def test_scenarios_merge_every_duplicate_and_no_distinct_fact() -> None:
    m = measure_scenarios(SCENARIOS)
    assert m is not None and m.documents == 12 and m.events == 12
    assert m.document_pairs.merged == 1.0 and m.document_pairs.wrongly_merged == 0.0
    assert m.event_pairs.same_pairs == 5 and m.event_pairs.merged == 1.0
    assert m.event_pairs.wrongly_merged == 0.0
    lines = report_lines([m], None)
    assert lines[0] == "scenarios: 12 documents, 12 events"
    assert "(2/2)" in lines[1]


def test_gold_documents_and_their_generated_copies() -> None:
    if not GOLD.is_dir() or not list(GOLD.glob("*.jsonl")):
        pytest.skip("../shared/gold is not present")
    docs = gold_with_copies(GOLD)
    originals, copies = docs[0::2], docs[1::2]
    assert all(o.story == c.story for o, c in zip(originals, copies, strict=True))
    for copy in copies:
        for e in copy.events:
            assert all(span.of(copy.document.text) for span in e.event.evidence)
    m = measure_documents("gold", docs)
    assert m.document_pairs.merged == 1.0
    assert m.document_pairs.wrongly_merged < 0.001
    assert m.event_pairs.merged > 0.95
    assert m.event_pairs.wrongly_merged < 0.001


def test_cost_is_measured_on_synthetic_events() -> None:
    cost = measure_cost(events=300, seed=1)
    assert cost.events >= 300 and cost.incremental_events > 0
    assert cost.full_per_10k > 0 and cost.incremental_per_10k > 0
    assert "per 10,000 events" in report_lines([], cost)[0]


def test_consolidate_and_series_commands(tmp_path: Path) -> None:
    db = tmp_path / "p.db"
    store = Store(db)
    store_scenarios(store, load_scenarios(scenario_files(SCENARIOS)))
    store.close()
    runner = CliRunner()
    first = runner.invoke(main, ["consolidate", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "clusters 2" in first.output and "conflicts 1" in first.output
    again = runner.invoke(main, ["consolidate", "--db", str(db)])
    assert "(updated)" in again.output and "0 reports compared" in again.output
    rebuilt = runner.invoke(main, ["consolidate", "--rebuild", "--db", str(db)])
    assert "(rebuilt)" in rebuilt.output and "consolidated events 8" in rebuilt.output

    table = runner.invoke(main, ["series", "--type", "arrival", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert "2 points" in table.output and "1700" in table.output
    as_json = runner.invoke(
        main, ["series", "--type", "removal", "--origin", "ALB", "--json", "--db", str(db)]
    )
    [point] = [json.loads(line) for line in as_json.output.splitlines()]
    assert (point["start"], point["low"], point["high"]) == ("2024-04-01", 109, 109)
    combined = runner.invoke(
        main, ["series", "--type", "removal", "--location", "GBR", "--combine", "--db", str(db)]
    )
    assert "1 points" in combined.output and "109" in combined.output
    bad = runner.invoke(main, ["series", "--interval", "fortnight", "--db", str(db)])
    assert bad.exit_code == 2
