"""JSONL reader: one document per line, and every bad line reported without losing the rest."""

from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

from ingest_helpers import BAD, CORPUS, NOTE, documents, failures, outline
from passage.ingest import ReadLimits, read_jsonl
from passage.model import Provenance, RawDocument

NEWS = CORPUS / "feeds" / "news.jsonl"
STORY = "Port police said on Friday that 18 people had been found in a container and detained."


def write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def good(identifier: str, **fields) -> str:
    return json.dumps({"id": identifier, "note": NOTE, "text": STORY, **fields})


def test_example_feed():
    items = list(read_jsonl(NEWS))
    docs = documents(items)
    assert len(docs) == len(items) == 6
    assert [d.external_id for d in docs] == [f"ex-{n:03d}" for n in range(1, 7)]
    assert [d.provenance for d in docs] == [Provenance(str(NEWS), n, "line") for n in range(1, 7)]
    assert all(d.format == "jsonl" for d in docs)
    records = [json.loads(line) for line in NEWS.read_text(encoding="utf-8").splitlines()]
    assert all(r["note"] == NOTE for r in records)
    for doc, record in zip(docs, records, strict=True):
        assert doc.url == record["url"]
        if "text" in record:
            assert doc.text == record["text"]  # kept exactly, not stripped
            assert doc.raw is None
        else:
            assert doc.raw == record["html"].encode("utf-8")
    first, second, visa, spanish, lebanon, lampedusa = docs
    assert first.published == date(2025, 7, 8) and first.language == "en"
    assert second.published == date(2024, 11, 5)  # from "2024-11-05T14:30:00-06:00"
    assert spanish.language == "es"
    assert lampedusa.published is None and lampedusa.language is None
    # HTML lines go through article extraction; the page gives what the record does not.
    assert "Mexico will again require visas from Peruvian citizens" in visa.text
    assert "<p>" not in visa.text and "Home" not in visa.text
    assert visa.published == date(2025, 3, 20)
    assert (
        lebanon.title == "Lebanese army hands 40 Syrians to Syrian authorities at Masnaa crossing"
    )
    assert lebanon.published == date(2024, 5, 15)
    assert lebanon.language == "en"


def test_bad_line_three_among_good_ones():
    path = BAD / "mixed.jsonl"
    items = list(read_jsonl(path))
    assert outline(items) == [
        ("mixed.jsonl", 1, "doc"),
        ("mixed.jsonl", 2, "doc"),
        ("mixed.jsonl", 3, "malformed_json"),
        ("mixed.jsonl", 4, "doc"),
        ("mixed.jsonl", 5, "doc"),
    ]
    assert [d.external_id for d in documents(items)] == ["bad-001", "bad-002", "bad-004", "bad-005"]
    (failure,) = failures(items)
    assert failure.describe().startswith(f"{path}:line 3: malformed_json")


def test_every_kind_of_bad_line_is_reported_and_reading_goes_on(tmp_path: Path):
    path = write_lines(
        tmp_path / "lines.jsonl",
        [
            good("a"),
            "",  # blank lines are skipped but still counted
            '["a", "list"]',
            json.dumps({"id": "no-body", "title": "Only a title"}),
            good("bad-date", published="last Tuesday"),
            json.dumps({"id": "bad-title", "text": STORY, "title": 42}),
            json.dumps({"id": "blank", "text": "   \n "}),
            "{not json",
            good("z", published="2024-02-29T23:59:59Z", language="EN-gb", title="T"),
        ],
    )
    items = list(read_jsonl(path))
    assert outline(items) == [
        ("lines.jsonl", 1, "doc"),
        ("lines.jsonl", 3, "malformed_json"),
        ("lines.jsonl", 4, "invalid_record"),
        ("lines.jsonl", 5, "invalid_record"),
        ("lines.jsonl", 6, "invalid_record"),
        ("lines.jsonl", 7, "empty"),
        ("lines.jsonl", 8, "malformed_json"),
        ("lines.jsonl", 9, "doc"),
    ]
    last = documents(items)[-1]
    assert (last.published, last.language, last.title) == (date(2024, 2, 29), "en", "T")
    assert "last Tuesday" in failures(items)[2].message


def test_invalid_utf8_line(tmp_path: Path):
    path = tmp_path / "enc.jsonl"
    path.write_bytes(good("a").encode() + b"\n" + b'{"text": "caf\xe9"}\n' + good("b").encode())
    assert outline(read_jsonl(path)) == [
        ("enc.jsonl", 1, "doc"),
        ("enc.jsonl", 2, "encoding"),
        ("enc.jsonl", 3, "doc"),
    ]


def test_numeric_id_and_text_with_html(tmp_path: Path):
    path = write_lines(
        tmp_path / "ids.jsonl",
        [json.dumps({"id": 7, "text": STORY, "html": f"<p>{STORY}</p>"})],
    )
    (doc,) = read_jsonl(path)
    assert isinstance(doc, RawDocument)
    assert doc.external_id == "7"
    assert doc.text == STORY  # the stated text wins; the markup is kept as raw
    assert doc.raw == f"<p>{STORY}</p>".encode()


def test_oversized_line(tmp_path: Path):
    path = write_lines(tmp_path / "big.jsonl", [good("a"), json.dumps({"text": "x " * 100})])
    items = list(read_jsonl(path, limits=ReadLimits(max_chars=150)))
    assert outline(items) == [("big.jsonl", 1, "doc"), ("big.jsonl", 2, "oversized")]


def test_gzipped_and_cut_short(tmp_path: Path):
    data = "\n".join(good(str(n)) for n in range(1, 4)).encode() + b"\n"
    packed = tmp_path / "lines.jsonl.gz"
    packed.write_bytes(gzip.compress(data))
    assert [d.external_id for d in documents(read_jsonl(packed))] == ["1", "2", "3"]
    cut = tmp_path / "cut.jsonl.gz"
    cut.write_bytes(gzip.compress(data * 50)[:-40])
    items = list(read_jsonl(cut))
    assert len(documents(items)) > 100
    assert [f.kind for f in failures(items)] == ["unreadable"]
    assert items[-1].provenance.record == len(items)


def test_missing_file(tmp_path: Path):
    (failure,) = read_jsonl(tmp_path / "none.jsonl")
    assert failure.kind == "unreadable"


def test_binary_file_is_one_failure(tmp_path: Path):
    path = tmp_path / "blob.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 500)
    assert outline(read_jsonl(path)) == [("blob.jsonl", None, "binary")]
