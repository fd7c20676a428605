"""Plain-text reader: exact text, title, date near the top, and bad text files."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from ingest_helpers import BAD, CORPUS, NOTE, SHARED
from passage.ingest import ReadLimits, read_text
from passage.ingest.text import find_published, first_line_title
from passage.model import Failure, RawDocument, content_id

PAGES = sorted((CORPUS / "pages").glob("*.txt"))
PUBLISHED = {
    "dominican-haiti-returns.txt": date(2024, 10, 9),
    "germany-iraq-charter.txt": date(2025, 3, 12),
    "greece-lesbos-interception.txt": date(2024, 8, 21),
    "tunisia-italy-interceptions.txt": date(2025, 6, 16),
    "uk-albania-ruling.txt": date(2024, 12, 5),
}


def only(path: Path, **kwargs) -> RawDocument | Failure:
    items = list(read_text(path, **kwargs))
    assert len(items) == 1
    return items[0]


def test_example_pages_exist_and_are_marked_invented():
    assert {p.name for p in PAGES} == set(PUBLISHED)
    for page in PAGES:
        assert page.read_text(encoding="utf-8").startswith(NOTE)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_text_is_the_file_exactly(page: Path):
    doc = only(page)
    assert isinstance(doc, RawDocument)
    assert doc.text == page.read_bytes().decode("utf-8")
    assert doc.format == "text"
    assert doc.provenance.path == str(page)
    assert doc.provenance.record is None
    assert doc.id == content_id(doc.text) == only(page).id
    assert doc.published == PUBLISHED[page.name]
    assert doc.title == NOTE  # the first non-empty line
    assert doc.raw is None and doc.language is None


def test_newlines_whitespace_and_bom(tmp_path: Path):
    body = "  Headline here\r\n\r\n\tBody line with trailing spaces   \r\nLast line"
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(body.encode("utf-8"))
    assert only(crlf).text == body
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    assert only(bom).text == body
    assert only(bom).title == "Headline here"


def test_file_without_extension_is_text(tmp_path: Path):
    from passage.ingest import read

    page = tmp_path / "REPORT"
    page.write_text("A plain report without an extension.\n", encoding="utf-8")
    (doc,) = read([page])
    assert isinstance(doc, RawDocument) and doc.format == "text"


def test_title_rules():
    assert first_line_title("\n\n  Police detain 40 at port  \nBody") == "Police detain 40 at port"
    assert first_line_title("x" * 201 + "\nBody") is None
    assert first_line_title("x" * 200) == "x" * 200
    assert first_line_title(" \n \t\n") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Menu\nWednesday 03 July 2024 - 09:00\nStory", date(2024, 7, 3)),
        ("July 3, 2024", date(2024, 7, 3)),
        ("2024-07-03", date(2024, 7, 3)),
        ("Updated 2024/07/03 10:00", date(2024, 7, 3)),
        ("Posted on July 3, 2024 by Jane Doe", date(2024, 7, 3)),
        ("Tuesday, 11 March 2025 | 14:05 CET", date(2025, 3, 11)),
        ("Published: 13/03/2025", date(2025, 3, 13)),  # day > 12: not ambiguous
        ("Published: 03/04/2025", None),  # 3 April or 4 March: refuse to guess
        ("By Jane Doe, 2024", None),  # no day or month
        ("Home | World | 2024", None),
        ("Founded 1887, 3 July", None),  # too old to be a publication date
        ("Police said 40 people were detained on July 3, 2024 near the port of Calais.", None),
        ("\n".join(["line"] * 15 + ["July 3, 2024"]), None),  # below the page header
    ],
)
def test_find_published(text: str, expected: date | None):
    assert find_published(text) == expected


def test_latin1_is_an_encoding_failure_naming_the_byte():
    path = BAD / "latin1.txt"
    data = path.read_bytes()
    offset = next(i for i, b in enumerate(data) if b >= 0x80)
    failure = only(path)
    assert isinstance(failure, Failure)
    assert failure.kind == "encoding"
    assert f"byte {offset}" in failure.message
    assert failure.provenance.path == str(path)
    assert str(path) in failure.describe()


def test_binary_and_empty_files(tmp_path: Path):
    assert only(BAD / "binary.txt").kind == "binary"
    assert only(BAD / "empty.txt").kind == "empty"
    blank = tmp_path / "blank.txt"
    blank.write_text(" \n\t\r\n", encoding="utf-8")
    assert only(blank).kind == "empty"
    controls = tmp_path / "controls.txt"
    controls.write_bytes(bytes(range(1, 32)) * 20)
    assert only(controls).kind == "binary"
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("Hello".encode("utf-16"))
    assert only(utf16).kind == "encoding"


def test_unreadable_paths(tmp_path: Path):
    missing = only(tmp_path / "missing.txt")
    assert missing.kind == "unreadable" and "no such file" in missing.message
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    assert only(folder).kind == "unreadable"


def test_oversized(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("word " * 100, encoding="utf-8")
    assert only(page, limits=ReadLimits(max_chars=100)).kind == "oversized"
    assert only(page, limits=ReadLimits(max_file_bytes=100)).kind == "oversized"
    assert isinstance(only(page, limits=ReadLimits(max_chars=500, max_file_bytes=500)), RawDocument)


def test_shared_texts_are_read_exactly():
    folders = [SHARED / "corpus" / "dev", SHARED / "seeds"]
    files = sorted(f for folder in folders if folder.is_dir() for f in folder.glob("*.txt"))
    if not files:
        pytest.skip("../shared is not available")
    for path in files:
        doc = only(path)
        assert isinstance(doc, RawDocument), doc
        assert doc.text == path.read_bytes().decode("utf-8-sig")
