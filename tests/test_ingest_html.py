"""HTML reader: article text, metadata from the page, charsets, pages without an article."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest_helpers import BAD, CORPUS, NOTE
from passage.ingest import read_html
from passage.ingest.htmlpage import decode_html, has_article, html_to_text
from passage.model import Failure, Provenance, RawDocument

HTML = CORPUS / "html"
PARAGRAPH = (
    "The regional office said on Monday that 52 people had been returned to the "
    "neighbouring country by bus, and that more returns were planned for the week."
)


def only(path: Path) -> RawDocument | Failure:
    items = list(read_html(path))
    assert len(items) == 1
    return items[0]


def page(tmp_path: Path, body: str, head: str = "", name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_text(
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>", encoding="utf-8"
    )
    return path


def test_examples_are_marked_invented():
    for path in HTML.glob("*.html"):
        assert NOTE in path.read_text(encoding="utf-8")


def test_article_page_text_and_metadata():
    path = HTML / "spain-el-hierro-arrivals.html"
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert doc.format == "html"
    assert doc.title == "More than 500 migrants reach El Hierro in 24 hours"
    assert doc.published == date(2024, 9, 30)
    assert doc.url == "https://news.example.org/spain/2024/09/30/el-hierro-arrivals"
    assert doc.language == "en"  # <html lang="en-GB">
    assert doc.raw == path.read_bytes()
    assert doc.provenance == Provenance(str(path))
    assert "The largest boat, which reached the port of La Restinga" in doc.text
    assert "Salvamento Marítimo" in doc.text
    # Navigation, aside, footer and scripts are not article text.
    for clutter in ("Most read", "Tenerife hotels", "Privacy", "dataLayer", "Business"):
        assert clutter not in doc.text
    # One paragraph per line.
    assert any(line.startswith("El Hierro, the smallest") for line in doc.text.splitlines())


def test_second_page_date_from_its_markup():
    doc = only(HTML / "malaysia-myanmar-deportation.html")
    assert isinstance(doc, RawDocument)
    assert doc.published == date(2025, 2, 18)
    assert doc.title == "Malaysia deports 114 Myanmar nationals from immigration depots"
    assert doc.url == "https://www.straits-example.test/asia/malaysia-deports-114-myanmar-nationals"
    assert "Malaysia deported 114 Myanmar nationals on Tuesday" in doc.text
    assert "We use cookies" not in doc.text


def test_pages_without_an_article():
    for path in (BAD / "section-index.html", BAD / "no-article.html"):
        failure = only(path)
        assert isinstance(failure, Failure)
        assert failure.kind == "no_article"
        assert failure.provenance.path == str(path)


def test_empty_page(tmp_path: Path):
    path = tmp_path / "empty.html"
    path.write_bytes(b"  \n")
    assert only(path).kind == "empty"


def test_page_without_lang_or_metadata(tmp_path: Path):
    doc = only(page(tmp_path, f"<article><p>{PARAGRAPH}</p></article>"))
    assert isinstance(doc, RawDocument)
    assert doc.language is None and doc.url is None
    assert PARAGRAPH in doc.text


def test_declared_latin1_page_decodes(tmp_path: Path):
    path = tmp_path / "latin1.html"
    markup = (
        '<html lang="fr"><head><meta charset="iso-8859-1"><title>Expulsés</title></head>'
        f"<body><article><p>Les autorités ont expulsé 24 personnes. {PARAGRAPH}</p>"
        "</article></body></html>"
    )
    path.write_bytes(markup.encode("latin-1"))
    doc = only(path)
    assert isinstance(doc, RawDocument)
    assert "Les autorités ont expulsé 24 personnes." in doc.text
    assert doc.language == "fr"


def test_undeclared_invalid_utf8_is_an_encoding_failure(tmp_path: Path):
    path = tmp_path / "bad.html"
    data = f"<html><body><p>Caf\xe9 {PARAGRAPH}</p></body></html>".encode("latin-1")
    path.write_bytes(data)
    failure = only(path)
    assert failure.kind == "encoding"
    assert f"byte {data.index(0xE9)}" in failure.message


def test_decode_html_precedence():
    where = Provenance("x.html")
    meta = '<meta charset="utf-8"><p>é</p>'.encode("cp1252")
    assert isinstance(decode_html(meta, where), Failure)  # declared UTF-8, is not
    assert decode_html(meta, where, charset="windows-1252").endswith("<p>é</p>")  # transport wins
    assert decode_html(b"\xef\xbb\xbf<p>ok</p>", where) == "<p>ok</p>"
    assert decode_html("<p>“quoted”</p>".encode("cp1252"), where, charset="iso-8859-1") == (
        "<p>“quoted”</p>"
    )
    assert decode_html(b"<p>x</p>", where, charset="no-such-charset") == "<p>x</p>"


def test_html_to_text_keeps_paragraphs():
    markup = (
        "<p>First  paragraph\n with <b>bold</b> words.</p><script>track()</script>"
        "<ul><li>One</li><li>Two</li></ul>Tail<br>after break<!-- note -->"
    )
    assert html_to_text(markup) == "First paragraph with bold words.\nOne\nTwo\nTail\nafter break"
    assert html_to_text("plain words") == "plain words"


def test_has_article():
    assert has_article(PARAGRAPH)
    assert not has_article("Home\nWorld news\nSport\nAbout us and contact")
