"""read(): files, directories, standard input, format dispatch and bad input as a whole."""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path

import pytest

from ingest_helpers import BAD, CORPUS, documents, failures, outline
from passage.ingest import read, read_html, read_jsonl, read_rss, read_text, read_warc, reader_for
from passage.ingest.sniff import sniff_format
from passage.model import RawDocument, content_id

STORY = "Police said on Monday that 40 people had been detained at the port and taken to a centre."
PAGE = f'<!DOCTYPE html><html lang="en"><body><article><p>{STORY}</p></article></body></html>'


def test_example_corpus():
    items = list(read([CORPUS]))
    docs = documents(items)
    assert len(docs) == 5 + 2 + 6 + 3 + 2 + 3  # pages, html, jsonl, rss, atom, warc
    assert failures(items) == []  # the bad inputs live in examples/bad
    paths = [item.provenance.path for item in items]
    assert paths == sorted(paths, key=lambda p: Path(p).parts)  # directories walked in order
    assert all(doc.text.strip() and doc.id == content_id(doc.text) for doc in docs)
    assert [d.id for d in docs] == [d.id for d in documents(read([CORPUS]))]  # stable


def test_bad_examples():
    assert outline(read([BAD])) == [
        ("binary.txt", None, "binary"),
        ("empty.txt", None, "empty"),
        ("latin1.txt", None, "encoding"),
        ("mixed.jsonl", 1, "doc"),
        ("mixed.jsonl", 2, "doc"),
        ("mixed.jsonl", 3, "malformed_json"),
        ("mixed.jsonl", 4, "doc"),
        ("mixed.jsonl", 5, "doc"),
        ("no-article.html", None, "no_article"),
        ("section-index.html", None, "no_article"),
        ("truncated.warc.gz", 2, "doc"),
        ("truncated.warc.gz", 4, "truncated_warc"),
    ]


def test_directory_with_one_binary_file_yields_all_other_documents(tmp_path: Path):
    for page in (CORPUS / "pages").glob("*.txt"):
        shutil.copy(page, tmp_path / page.name)
    shutil.copy(BAD / "binary.txt", tmp_path / "m-binary.txt")
    items = list(read([tmp_path]))
    assert len(documents(items)) == 5
    assert outline(failures(items)) == [("m-binary.txt", None, "binary")]


def test_walk_skips_hidden_and_unknown_files(tmp_path: Path):
    (tmp_path / "story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "sitemap.xml").write_text(
        '<?xml version="1.0"?><urlset></urlset>', encoding="utf-8"
    )
    sub = tmp_path / "sub"
    sub.mkdir()
    shutil.copy(CORPUS / "feeds" / "news.atom", sub / "feed.xml")
    assert outline(read([tmp_path])) == [
        ("story.txt", None, "doc"),
        ("feed.xml", 1, "doc"),
        ("feed.xml", 2, "doc"),
    ]


def test_named_files_with_unknown_extensions_are_sniffed(tmp_path: Path):
    text = tmp_path / "notes.md"
    text.write_text(STORY + "\n", encoding="utf-8")
    html = tmp_path / "page.php"
    html.write_text(PAGE, encoding="utf-8")
    lines = tmp_path / "dump.log"
    lines.write_text(f'{{"text": "{STORY}"}}\n{{"text": "{STORY} Again."}}\n', encoding="utf-8")
    warc = tmp_path / "crawl.bin"
    shutil.copy(CORPUS / "crawl" / "news.warc.gz", warc)
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    items = list(read([text, html, lines, warc, image]))
    assert outline(items) == [
        ("notes.md", None, "doc"),
        ("page.php", None, "doc"),
        ("dump.log", 1, "doc"),
        ("dump.log", 2, "doc"),
        ("crawl.bin", 2, "doc"),
        ("crawl.bin", 4, "doc"),
        ("crawl.bin", 6, "doc"),
        ("photo.jpg", None, "binary"),
    ]
    formats = [d.format for d in documents(items)]
    assert formats == ["text", "html", "jsonl", "jsonl", "warc", "warc", "warc"]
    assert documents(items)[0].text == STORY + "\n"


def test_named_xml_that_is_not_a_feed_fails(tmp_path: Path):
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><config><a>1</a></config>', encoding="utf-8")
    assert [f.kind for f in read([path])] == ["not_a_feed"]


def test_missing_path_does_not_stop_the_others(tmp_path: Path):
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    items = list(read([tmp_path / "missing.txt", tmp_path / "missing-dir" / "x.html", story]))
    assert outline(items) == [
        ("missing.txt", None, "unreadable"),
        ("x.html", None, "unreadable"),
        ("story.txt", None, "doc"),
    ]


def test_stdin_text_is_kept_exactly():
    (doc,) = read(["-"], stdin=io.StringIO(f"Header\n\n{STORY}\n"))
    assert isinstance(doc, RawDocument)
    assert doc.text == f"Header\n\n{STORY}\n"
    assert doc.provenance.path == "<stdin>" and doc.format == "text"


def test_stdin_bytes_through_the_buffer():
    raw = f"Header\r\n\r\n{STORY}\r\n".encode()
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    (doc,) = read(["-"], stdin=stream)
    assert doc.text == raw.decode("utf-8")  # \r\n kept: read from the byte buffer


def test_stdin_jsonl_and_html():
    lines = f'\n{{"id": "s1", "text": "{STORY}"}}\nnot json\n'
    assert outline(read(["-"], stdin=io.StringIO(lines))) == [
        ("<stdin>", 2, "doc"),
        ("<stdin>", 3, "malformed_json"),
    ]
    (doc,) = read(["-"], stdin=io.StringIO(PAGE))
    assert doc.format == "html" and doc.text == STORY and doc.language == "en"


def test_dash_reads_sys_stdin_by_default(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(STORY))
    (doc,) = read(["-"])
    assert doc.text == STORY


def test_reader_for():
    assert reader_for(Path("a/B.TXT")) is read_text
    assert reader_for(Path("README")) is read_text
    assert reader_for(Path("page.htm")) is read_html
    assert reader_for(Path("x.ndjson")) is read_jsonl
    assert reader_for(Path("x.jsonl.gz")) is read_jsonl
    assert reader_for(Path("crawl.warc.gz")) is read_warc
    assert reader_for(Path("feed.atom")) is read_rss
    assert reader_for(Path("archive.tar.gz")) is None
    assert reader_for(Path("photo.jpg")) is None


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
        ((CORPUS / "crawl" / "news.warc.gz").read_bytes(), "warc"),
        (b'\n  {"text": "x"}\n', "jsonl"),
        (b"\xef\xbb\xbf<!DOCTYPE html><html></html>", "html"),
        (b"<!-- saved page -->\n<html><body></body></html>", "html"),
        (b"<p>A paragraph</p>", "html"),
        (b'<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', "rss"),
        (b'<feed xmlns="http://www.w3.org/2005/Atom"></feed>', "rss"),
        (b'<?xml version="1.0"?><config/>', "text"),
        (b"Plain words < and > signs.", "text"),
        (b"", "text"),
    ],
)
def test_sniff_format(data: bytes, expected: str):
    assert sniff_format(data) == expected


def test_a_single_path_is_not_split_into_characters():
    assert len(documents(read(str(CORPUS / "pages")))) == 5
