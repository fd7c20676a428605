"""Consolidation: duplicate documents, one event per fact, incremental equals rebuild.

Events are built by hand (the extractor's quality is not measured here); the
multi-report scenarios are the invented ones in examples/scenarios.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from passage.consolidate import (
    consolidate,
    consolidated_event,
    consolidated_events,
    counts,
    document_cluster,
)
from passage.consolidate.scenarios import (
    ScenarioDocument,
    ScenarioEvent,
    load_scenarios,
    scenario_files,
    store_scenarios,
)
from passage.consolidate.signatures import DUPLICATE_THRESHOLD, shingles, signature, similarity
from passage.consolidate.synthetic import synthetic_corpus
from passage.model import Block, DateRange, Document, Event, People, Provenance, RawDocument, Span
from passage.store import Store
from passage.store import consolidation as sql

ROOT = Path(__file__).resolve().parents[1]
SCENARIOS = ROOT / "examples" / "scenarios"


def scenario(name: str) -> list[ScenarioDocument]:
    return load_scenarios([SCENARIOS / f"{name}.jsonl"])


def stored(tmp_path: Path, docs: list[ScenarioDocument], name: str = "p.db") -> tuple[Store, dict]:
    store = Store(tmp_path / name)
    facts = store_scenarios(store, docs)
    return store, facts


def groups(conn: sqlite3.Connection) -> dict[str, set[str]]:
    """consolidated id -> its member event ids."""
    out: dict[str, set[str]] = {}
    for event_id, cid in sql.member_consolidated_ids(conn).items():
        out.setdefault(cid, set()).add(event_id)
    return out


def canonical(conn: sqlite3.Connection) -> tuple[set, set, set]:
    """What a consolidation decided, without row order or timestamps."""
    members = {frozenset(v) for v in groups(conn).values()}
    events = {tuple(r) for r in conn.execute("SELECT * FROM consolidated_events").fetchall()}
    clusters = {tuple(r) for r in conn.execute("SELECT * FROM doc_clusters").fetchall()}
    return members, events, clusters


# --------------------------------------------------------------------------- signatures


def test_shingles_ignore_case_punctuation_and_spacing() -> None:
    a = shingles("The coast guard intercepted 58 people, officials said.")
    b = shingles("the  Coast Guard intercepted 58 people officials SAID")
    assert a == b
    assert "the coast guard intercepted 58" in a
    assert shingles("two words") == {"two words"}
    assert shingles("  ...  ") == set()


def test_a_copy_with_a_new_headline_is_similar_and_another_story_is_not() -> None:
    [original, copy] = scenario("syndicated_copy")
    [flight, *_] = scenario("one_flight_three_outlets")

    def body(doc: ScenarioDocument) -> str:
        d = doc.document
        return "\n".join(d.text[b.start : b.end] for b in d.blocks if b.kind == "body")

    sig = {d.story: signature(d.document.id, body(d)) for d in (original, copy, flight)}
    assert similarity(sig["lampedusa"].hashvalues, signature("x", body(copy)).hashvalues) == 1.0
    assert similarity(signature("a", body(original)).hashvalues, sig["lampedusa"].hashvalues) >= (
        DUPLICATE_THRESHOLD
    )
    assert similarity(sig["lampedusa"].hashvalues, sig["flight-a"].hashvalues) < 0.2
    assert signature("empty", "").hashvalues is None


# --------------------------------------------------------------------------- duplicates


def test_syndicated_copy_and_updated_version_are_clustered(tmp_path: Path) -> None:
    docs = (
        scenario("syndicated_copy") + scenario("updated_version") + scenario("two_distinct_flights")
    )
    store, _ = stored(tmp_path, docs)
    report = consolidate(store.conn)
    assert report.rebuilt and report.clusters == 2 and report.duplicates == 2
    rows = sql.cluster_rows(store.conn)
    wire, copy, v1, v2, f1, f2 = (d.document.id for d in docs)
    assert rows[copy].cluster_id == wire and rows[copy].relation == "copy"
    assert rows[wire].relation == "same" and rows[wire].similarity == 1.0
    assert rows[v2].cluster_id == v1 and rows[v2].relation == "version"  # same url, later
    assert DUPLICATE_THRESHOLD <= rows[v2].similarity < 1.0
    assert rows[f1].cluster_id == f1 and rows[f2].cluster_id == f2
    assert {r.doc_id for r in document_cluster(store.conn, copy)} == {wire, copy}


def test_identical_bodies_are_the_same_whatever_the_clutter(tmp_path: Path) -> None:
    body = "Police detained 12 people at the port on Monday, the prefecture said in a statement."
    docs = [
        _doc("a", body, date(2024, 1, 2)),
        _doc("b", "Share this article\n" + body + "\nAdvertisement", date(2024, 1, 3)),
    ]
    blocks = docs[1].document.blocks
    blocks[0] = Block(blocks[0].start, blocks[0].end, "dropped", "share")
    blocks[-1] = Block(blocks[-1].start, blocks[-1].end, "dropped", "advertisement")
    store, _ = stored(tmp_path, docs)
    consolidate(store.conn)
    rows = sql.cluster_rows(store.conn)
    assert rows[docs[1].document.id].relation == "same"
    assert rows[docs[1].document.id].cluster_id == docs[0].document.id  # earliest published


# --------------------------------------------------------------------------- one fact, one event


def test_one_flight_three_outlets_is_one_event_with_a_conflict(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, scenario("one_flight_three_outlets"))
    consolidate(store.conn)
    [event] = consolidated_events(store.conn)
    assert (event.type, event.reports, event.documents, event.conflict) == ("removal", 3, 3, True)
    assert (event.people.low, event.people.high) == (100, None)  # "more than 100" stays open
    assert event.date.start == date(2024, 5, 14)  # the dated reports win over the undated one
    full = consolidated_event(store.conn, event.id[:8])
    said = {(m.outlet, m.source, m.people.low, m.people.high) for m in full.members}
    assert said == {
        ("harbor-gazette.example", "federal interior ministry", 100, 100),
        ("north-star-news.example", "federal police", 130, 130),
        ("valley-times.example", "Port Haven", 100, None),
    }
    assert "north-star-news.example" in event.method and "130" in event.method


def test_members_carry_their_evidence_offsets(tmp_path: Path) -> None:
    docs = scenario("one_flight_three_outlets") + scenario("syndicated_copy")
    store, _ = stored(tmp_path, docs)
    consolidate(store.conn)
    texts = {d.document.id: d.document.text for d in docs}
    checked = 0
    for event in consolidated_events(store.conn):
        for m in consolidated_event(store.conn, event.id).members:
            for start, end, quote in m.evidence:
                assert texts[m.doc_id][start:end] == quote
                checked += 1
    assert checked == 5


def test_two_flights_on_two_days_stay_apart(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, scenario("two_distinct_flights"))
    consolidate(store.conn)
    events = consolidated_events(store.conn)
    assert sorted(e.people.low for e in events) == [48, 61]
    assert not any(e.conflict for e in events)


def test_weekly_running_totals_are_three_readings_not_a_conflict(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, scenario("running_total_weekly"))
    consolidate(store.conn)
    events = consolidated_events(store.conn)
    assert sorted(e.people.low for e in events) == [2300, 3100, 4000]
    assert all(e.people.cumulative and not e.conflict for e in events)


def test_copies_count_once(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, scenario("syndicated_copy"))
    consolidate(store.conn)
    [event] = consolidated_events(store.conn)
    assert (event.reports, event.documents, event.people.low) == (1, 2, 58)
    relations = {m.relation for m in consolidated_event(store.conn, event.id).members}
    assert relations == {"same", "copy"}


def test_an_updated_figure_supersedes_the_first_without_conflict(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, scenario("updated_version"))
    consolidate(store.conn)
    [event] = consolidated_events(store.conn)
    assert (event.people.low, event.people.high, event.conflict) == (63, 63, False)
    members = consolidated_event(store.conn, event.id).members
    assert {(m.people.low, m.superseded) for m in members} == {(45, True), (63, False)}


def test_templated_bulletins_with_new_totals_do_not_merge(tmp_path: Path) -> None:
    """Near-identical weekly texts (one cluster) with a new running total are new readings."""
    text = (
        "Weekly bulletin of the coast guard of the island.\n"
        "A total of {n} people have arrived by sea so far this year, the coast guard said.\n"
        "Crews carried out patrols along the southern coast and towed several boats to port, "
        "where volunteers handed out blankets, water and food to those on board."
    )
    docs = []
    for day, n in ((4, 2300), (11, 3100)):
        body = text.format(n=f"{n:,}")
        quote = f"A total of {n:,} people"
        ev = Event(
            type="arrival",
            status="occurred",
            evidence=[Span(body.index(quote), body.index(quote) + len(quote))],
            people=People(n, n, cumulative=True),
            location="ITA",
            date=DateRange(date(2024, 1, 1), date(2024, 3, day), "range"),
        )
        docs.append(_doc(f"b{day}", body, date(2024, 3, day), [ev]))
    store, _ = stored(tmp_path, docs)
    report = consolidate(store.conn)
    assert report.clusters == 1  # the texts are near-duplicates...
    assert report.consolidated == 2 and report.conflicts == 0  # ...the totals are two facts


def test_figureless_reports_merge_only_on_the_same_wording(tmp_path: Path) -> None:
    said = "The city council approved a motion on June 9 to declare the city a sanctuary."
    other = "The governor signed an order on June 9 sending more troops to the border."
    docs = []
    for name, text, pub in (
        ("a", said, 10),
        ("b", "Later that week: " + said, 12),
        ("c", other, 10),
    ):
        start = text.index(text.split(":")[-1].strip())
        ev = Event(
            type="policy",
            status="occurred",
            evidence=[Span(start, len(text))],
            location="USA",
            policy_kind="other",
            date=DateRange(date(2023, 6, 9), date(2023, 6, 9), "day"),
        )
        docs.append(_doc(name, text + _filler(name), date(2023, 6, pub), [ev]))
    store, _ = stored(tmp_path, docs)
    consolidate(store.conn)
    sizes = sorted(e.reports for e in consolidated_events(store.conn))
    assert sizes == [1, 2]


# --------------------------------------------------------------------------- incremental


def test_two_batches_equal_one_rebuild_on_the_scenarios(tmp_path: Path) -> None:
    docs = load_scenarios(scenario_files(SCENARIOS))
    half = len(docs) // 2
    batched, _ = stored(tmp_path, docs[:half], "batched.db")
    first = consolidate(batched.conn)
    store_scenarios(batched, docs[half:])
    second = consolidate(batched.conn)
    assert first.rebuilt and not second.rebuilt
    assert second.new_documents == len(docs) - half
    once, _ = stored(tmp_path, docs, "once.db")
    consolidate(once.conn)
    assert canonical(batched.conn) == canonical(once.conn)
    assert consolidate(batched.conn).reports_recomputed == 0  # nothing new: nothing redone


def test_incremental_equals_rebuild_on_synthetic_reports(tmp_path: Path) -> None:
    corpus = synthetic_corpus(900, seed=3)
    cut = len(corpus) * 2 // 3
    store, _ = stored(tmp_path, corpus[:cut])
    consolidate(store.conn)
    store_scenarios(store, corpus[cut:])
    report = consolidate(store.conn)
    assert not report.rebuilt and report.reports_recomputed < 900
    incremental = canonical(store.conn)
    consolidate(store.conn, rebuild=True)
    assert canonical(store.conn) == incremental
    assert counts(store.conn)["multi_report"] > 0 and counts(store.conn)["conflicts"] > 0


def test_re_extraction_is_picked_up(tmp_path: Path) -> None:
    docs = scenario("one_flight_three_outlets")
    store, _ = stored(tmp_path, docs)
    consolidate(store.conn)
    # the second outlet's event is extracted again, now with the ministry's figure
    doc = docs[1]
    [ev] = [e.event for e in doc.events]
    ev.people = People(100, 100)
    store.replace_events(doc.document.id, [ev], "again")
    report = consolidate(store.conn)
    assert not report.rebuilt and report.reports_recomputed >= 3
    [event] = consolidated_events(store.conn)
    assert event.conflict is False and (event.people.low, event.people.high) == (100, 100)
    incremental = canonical(store.conn)
    consolidate(store.conn, rebuild=True)
    assert canonical(store.conn) == incremental


# --------------------------------------------------------------------------- reading back


def test_filters_and_lookup(tmp_path: Path) -> None:
    store, _ = stored(tmp_path, load_scenarios(scenario_files(SCENARIOS)))
    consolidate(store.conn)
    assert {e.type for e in consolidated_events(store.conn, type="removal")} == {"removal"}
    assert [e.people.low for e in consolidated_events(store.conn, origin="ALB")] == [61, 48]
    assert len(consolidated_events(store.conn, conflict=True)) == 1
    assert len(consolidated_events(store.conn, min_reports=2)) == 1
    assert len(consolidated_events(store.conn, since="2024-06-01")) == 2
    assert len(consolidated_events(store.conn, limit=2)) == 2
    assert consolidated_event(store.conn, "no-such-id") is None
    listed = consolidated_events(store.conn, limit=None)
    assert all(not e.members for e in listed)
    assert sum(e.documents for e in listed) == counts(store.conn)["events"] == 12


def test_scenario_files_are_invented_and_labelled() -> None:
    import json

    for path in scenario_files(SCENARIOS):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["invented"] is True, path
            assert record["url"].split("/")[2].endswith(".example"), path
            assert all(e["fact"] for e in record["events"]), path
    loaded = load_scenarios(scenario_files(SCENARIOS))
    assert len(loaded) == 12
    for item in loaded:
        for e in item.events:
            for span in e.event.evidence:
                assert span.of(item.document.text)


# --------------------------------------------------------------------------- helpers


def _filler(name: str) -> str:
    """Distinct body text so that the documents are not duplicates of each other."""
    words = {
        "a": "Residents gathered outside city hall before the vote and speakers lined up.",
        "b": "Meanwhile the regional bus company announced new night routes to the airport.",
        "c": "Farmers in the valley said the late frost had damaged most of the apricot crop.",
    }
    return "\n" + words[name]


def _doc(
    name: str, text: str, published: date, events: list[Event] | None = None
) -> ScenarioDocument:
    raw = RawDocument(
        text=text,
        provenance=Provenance(f"{name}.txt"),
        format="text",
        url=f"https://{name}.example/story",
        published=published,
    )
    blocks = []
    pos = 0
    for line in text.split("\n"):
        blocks.append(Block(pos, pos + len(line), "body"))
        pos += len(line) + 1
    doc = Document(raw=raw, blocks=blocks, language="en")
    return ScenarioDocument(
        doc, name, [ScenarioEvent(e, f"{name}#{i}") for i, e in enumerate(events or [])]
    )


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Consolidation never needs the network."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used")

    monkeypatch.setattr(socket, "create_connection", refuse)
