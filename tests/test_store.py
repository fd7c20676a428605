"""The SQLite store and the ingest run: migrations, idempotence, versions, resume after a kill."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from passage.model import Block, Document, Event, People, Provenance, RawDocument, Span
from passage.store import Store, StoreError
from passage.store.sqlite import migrations
from passage.workspace import Passage

TABLES = ("documents", "document_sources", "blocks", "failures")


def _doc(text: str, path: str = "a.txt", url: str | None = None) -> Document:
    raw = RawDocument(text=text, provenance=Provenance(path), format="text", url=url)
    return Document(raw=raw, blocks=[Block(0, len(text), "body")], language="en")


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """The content of the tables an ingest writes, without run ids and timestamps."""
    conn = sqlite3.connect(db)
    out = {
        "documents": conn.execute(
            "SELECT id, text, format, url, title, published, language, version_key, previous_id,"
            " chars FROM documents ORDER BY id"
        ).fetchall(),
        "document_sources": conn.execute(
            "SELECT * FROM document_sources ORDER BY doc_id, path, record"
        ).fetchall(),
        "blocks": conn.execute("SELECT * FROM blocks ORDER BY doc_id, idx").fetchall(),
        "failures": conn.execute(
            "SELECT path, record, record_kind, kind, message FROM failures ORDER BY path, record"
        ).fetchall(),
    }
    conn.close()
    return out


def test_migrations_are_named_and_recorded(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    names = [name for name, _ in migrations()]
    assert names and names == sorted(names)
    assert store.applied_migrations() == names
    assert store.migrate() == []  # nothing left to apply
    mode = store.conn.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
    store.close()
    # reopening applies nothing twice
    assert Store(tmp_path / "p.db").applied_migrations() == names


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match=r"bogus\.db"):
        Store(bogus)


def test_same_text_stored_once_and_changed_text_is_a_linked_version(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    first = _doc("Officials deported 40 people.", url="https://example.org/a")
    assert store.add_document(first) == "new"
    assert store.add_document(first) == "known"
    copy = _doc("Officials deported 40 people.", path="b.txt", url="https://example.org/a")
    assert store.add_document(copy) == "known"  # same text, another source
    update = _doc("Officials deported 45 people.", url="https://example.org/a")
    assert store.add_document(update) == "version"
    rows = store.conn.execute("SELECT id, previous_id FROM documents ORDER BY rowid").fetchall()
    assert [tuple(r) for r in rows] == [(first.id, None), (update.id, first.id)]
    sources = store.conn.execute("SELECT COUNT(*) FROM document_sources").fetchone()[0]
    assert sources == 3
    # a third version links to the second, not the first
    third = _doc("Officials deported 47 people.", url="https://example.org/a")
    store.add_document(third)
    prev = store.conn.execute("SELECT previous_id FROM documents WHERE id = ?", (third.id,))
    assert prev.fetchone()[0] == update.id


def test_events_round_trip_with_evidence_text(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    text = "Headline. Police deported 52 Georgians on Monday."
    doc = _doc(text)
    store.add_document(doc)
    ev = Event(
        type="removal",
        status="occurred",
        evidence=[Span(10, len(text))],
        people=People(52, 52),
        origin=["GEO"],
        destination="GEO",
        spans={"people": [Span(26, 28)], "origin": [Span(29, 38)]},
    )
    store.replace_events(doc.id, [ev], "test-v1")
    store.replace_events(doc.id, [ev], "test-v1")  # replacing does not duplicate
    back = store.events_of(doc.id)
    assert len(back) == 1
    assert back[0].to_json() == ev.to_json()
    texts = [
        r[0] for r in store.conn.execute("SELECT text FROM evidence ORDER BY field, idx").fetchall()
    ]
    assert "52" in texts and "Georgians" in texts
    assert store.extracted_with(doc.id) == "test-v1"


def _write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        body = (
            f"Invented example {i}\n\nAuthorities deported {i + 10} people to a third country "
            f"on Tuesday, officials said. Report number {i}.\n"
        )
        (folder / f"doc{i:04d}.txt").write_text(body, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)


def test_reingest_changes_nothing(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 20)
    db = tmp_path / "p.db"
    with Passage(db) as p:
        first = p.ingest([corpus])
    assert first.new == 20 and len(first.failures) == 1
    before = snapshot(db)
    with Passage(db) as p:
        again = p.ingest([corpus])
    assert again.new == 0 and again.known == 20 and len(again.failures) == 1
    assert snapshot(db) == before


@pytest.mark.slow
def test_killed_ingest_resumes_to_the_same_database(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _write_corpus(corpus, 600)
    clean_db, killed_db = tmp_path / "clean.db", tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "passage.cli", "ingest", str(corpus), "--quiet", "--db"]
    subprocess.run([*cmd, str(clean_db)], check=False, capture_output=True)

    proc = subprocess.Popen([*cmd, str(killed_db)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(killed_db, timeout=1)
            stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if stored >= 50:
            os.kill(proc.pid, signal.SIGKILL)
            break
    proc.wait()
    assert 0 < stored < 601, "the ingest was not interrupted midway"
    partial = snapshot(killed_db)
    assert 0 < len(partial["documents"]) < 600

    subprocess.run([*cmd, str(killed_db)], check=False, capture_output=True)
    assert snapshot(killed_db) == snapshot(clean_db)
    conn = sqlite3.connect(killed_db)
    statuses = [r[0] for r in conn.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses == ["interrupted", "failures"]


def test_published_dates_are_kept(tmp_path: Path) -> None:
    store = Store(tmp_path / "p.db")
    doc = _doc("Text about deportations.")
    doc.raw.published = date(2024, 7, 3)
    store.add_document(doc)
    again = store.get_document(doc.id[:8])
    assert again is not None and again.raw.published == date(2024, 7, 3)
    assert again.blocks == doc.blocks


def test_ingest_counts_new_versions(tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text('{"url": "https://example.org/x", "text": "Police deported 40 people."}\n')
    second.write_text('{"url": "https://example.org/x", "text": "Police deported 45 people."}\n')
    with Passage(tmp_path / "p.db") as p:
        assert p.ingest([first]).new == 1
        report = p.ingest([second])
    assert (report.new, report.versions, report.known) == (0, 1, 0)


def test_a_document_that_breaks_cleaning_is_a_failure_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import passage.clean
    from passage.model import Failure
    from passage.workspace import read_documents

    real = passage.clean.clean

    def fragile(raw: RawDocument) -> Document:
        if "poison" in raw.text:
            raise ValueError("cannot clean this")
        return real(raw)

    monkeypatch.setattr(passage.clean, "clean", fragile)
    (tmp_path / "a.txt").write_text("Police deported 40 people.\n")
    (tmp_path / "b.txt").write_text("A poison document.\n")
    (tmp_path / "c.txt").write_text("Police deported 41 people.\n")
    items = list(read_documents([tmp_path]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(items) == 3 and [f.kind for f in failures] == ["clean_error"]
    assert failures[0].provenance.path.endswith("b.txt")
    with Passage(tmp_path / "p.db") as p:
        report = p.ingest([tmp_path])
    assert report.new == 2 and [f.kind for f in report.failures] == ["clean_error"]
