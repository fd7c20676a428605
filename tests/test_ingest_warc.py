"""WARC reader: HTML 200 responses only, record numbers, and archives cut short."""

from __future__ import annotations

import gzip
import importlib.util
import io
import sys
from datetime import date
from pathlib import Path

from ingest_helpers import BAD, CORPUS, EXAMPLES, NOTE, documents, failures, outline
from passage.ingest import read_warc
from passage.ingest.warc import gzip_damage, parse_warc
from passage.model import Provenance

GOOD = CORPUS / "crawl" / "news.warc.gz"
TRUNCATED = BAD / "truncated.warc.gz"


def test_html_200_responses_become_documents():
    items = list(read_warc(GOOD))
    # Record 1 is warcinfo, 3 a PNG, 5 a 404: skipped silently.
    assert outline(items) == [
        ("news.warc.gz", 2, "doc"),
        ("news.warc.gz", 4, "doc"),
        ("news.warc.gz", 6, "doc"),
    ]
    rome, nouadhibou, bangkok = documents(items)
    assert rome.provenance == Provenance(str(GOOD), 2, "record")
    assert rome.format == "warc"
    assert rome.url == "https://wire.example.net/europe/rome-court-albania-centres"
    assert rome.title == "Rome court orders release of 12 men held in Albania centre"
    assert rome.published == date(2024, 10, 18)  # from the page, not the WARC-Date (19th)
    assert rome.language == "en"
    assert rome.text.startswith("Rome court orders release")
    assert "A court in Rome on Friday ordered the release of 12 men" in rome.text
    assert rome.raw is not None and rome.raw.startswith(b"<!DOCTYPE html>")
    assert NOTE.encode() in rome.raw
    assert nouadhibou.published == date(2025, 1, 27)
    assert bangkok.published == date(2025, 3, 4)  # the page has no date: WARC-Date
    assert "Lat Krabang" in bangkok.text


def test_truncated_archive_yields_the_records_before_the_cut():
    items = list(read_warc(TRUNCATED))
    assert outline(items) == [
        ("truncated.warc.gz", 2, "doc"),
        ("truncated.warc.gz", 4, "truncated_warc"),
    ]
    assert documents(items)[0].text == documents(read_warc(GOOD))[0].text
    assert failures(items)[0].describe().startswith(f"{TRUNCATED}:record 4: truncated_warc")


def test_every_cut_point_is_reported_or_clean():
    """Cut anywhere, the reader never raises and never loses a record silently."""
    data = GOOD.read_bytes()
    full = [d.text for d in documents(parse_warc(io.BytesIO(data), "w"))]
    for cut in range(0, len(data), 37):
        items = list(parse_warc(io.BytesIO(data[:cut]), "w"))
        assert [d.text for d in documents(items)] == full[: len(documents(items))]
        assert [f.kind for f in failures(items)] == ["truncated_warc"], cut
        assert items[-1] is failures(items)[0]


def test_uncompressed_archive(tmp_path: Path):
    plain = tmp_path / "news.warc"
    plain.write_bytes(gzip.decompress(GOOD.read_bytes()))
    assert outline(read_warc(plain)) == [
        ("news.warc", 2, "doc"),
        ("news.warc", 4, "doc"),
        ("news.warc", 6, "doc"),
    ]
    cut = tmp_path / "cut.warc"
    cut.write_bytes(plain.read_bytes()[:3000])
    assert outline(read_warc(cut)) == [("cut.warc", 2, "doc"), ("cut.warc", 4, "truncated_warc")]


def test_empty_missing_and_not_a_warc(tmp_path: Path):
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    assert [f.kind for f in read_warc(empty)] == ["empty"]
    assert [f.kind for f in read_warc(tmp_path / "missing.warc.gz")] == ["unreadable"]
    text = tmp_path / "text.warc"
    text.write_text("This is not an archive.\n", encoding="utf-8")
    assert outline(read_warc(text)) == [("text.warc", 1, "truncated_warc")]


def test_gzip_damage():
    data = GOOD.read_bytes()
    assert gzip_damage(io.BytesIO(data)) is None
    assert gzip_damage(io.BytesIO(gzip.decompress(data))) is None  # not gzipped at all
    stream = io.BytesIO(data[:2000])
    damage = gzip_damage(stream)
    assert damage is not None and 0 < damage < 2000
    assert stream.tell() == 0  # left where it was


def test_make_warc_reproduces_the_committed_files(monkeypatch):
    spec = importlib.util.spec_from_file_location("make_warc", EXAMPLES / "make_warc.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, "make_warc", module)  # dataclasses look their module up
    spec.loader.exec_module(module)
    data = module.build()
    assert data == GOOD.read_bytes()
    assert module.cut_mid_record(data, module.CUT_RECORD) == TRUNCATED.read_bytes()
