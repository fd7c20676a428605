"""RSS/Atom reader: one document per entry, content before summary, HTML to text."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ingest_helpers import CORPUS, NOTE, documents, outline
from passage.ingest import read_rss
from passage.ingest.feed import is_feed, snippet_text
from passage.model import Provenance

RSS = CORPUS / "feeds" / "news.rss"
ATOM = CORPUS / "feeds" / "news.atom"


def test_rss_entries():
    assert NOTE in RSS.read_text(encoding="utf-8")
    items = list(read_rss(RSS))
    assert outline(items) == [("news.rss", n, "doc") for n in (1, 2, 3)]
    poland, houston, libya = documents(items)
    assert poland.provenance == Provenance(str(RSS), 1, "entry")
    assert poland.format == "rss"
    assert poland.url == "https://borderlines.example.com/2025/02/poland-belarus-detentions"
    assert (
        poland.title
        == "Polish border guards detain 63 people after overnight crossings from Belarus"
    )
    assert poland.published == date(2025, 2, 11)
    assert poland.language == "en"  # the channel's <language>en-us</language>
    assert poland.external_id == "borderlines-2025-0211"
    # content:encoded wins over the one-line description; one paragraph per line.
    lines = poland.text.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith("Polish border guards detained 63 people")
    assert "<p>" not in poland.text
    assert poland.raw is not None and poland.raw.startswith(b"<p>Polish border guards")
    # 22:45 at UTC-6 is the 13th where it was written, though the 14th in UTC.
    assert houston.published == date(2025, 2, 13)
    assert libya.text.startswith("The Libyan coast guard intercepted two boats carrying 170")


def test_atom_entries():
    poland_free = list(read_rss(ATOM))
    assert outline(poland_free) == [("news.atom", 1, "doc"), ("news.atom", 2, "doc")]
    nauru, japan = documents(poland_free)
    assert nauru.published == date(2025, 5, 6)  # 08:30 at UTC+10 is still the 6th
    assert nauru.url == "https://pacific-monitor.example.org/2025/05/nauru-senate-estimates"
    assert nauru.text.splitlines()[0].startswith("Ninety-eight people are being held")
    assert japan.published == date(2025, 5, 2)  # only <updated>
    assert japan.raw is None  # a plain-text summary has no markup to keep
    assert japan.text.startswith("Japan's revised immigration law")


def test_not_a_feed(tmp_path: Path):
    path = tmp_path / "notes.rss"
    path.write_text("Just some notes, not XML at all.\n", encoding="utf-8")
    (failure,) = read_rss(path)
    assert failure.kind == "not_a_feed"
    assert not is_feed(path.read_bytes())
    assert is_feed(RSS.read_bytes())


def test_empty_entry_does_not_stop_the_feed(tmp_path: Path):
    path = tmp_path / "feed.rss"
    path.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>No body</title><link>https://example.test/1</link></item>"
        "<item><title>Body</title><description>Guards stopped 12 people at the crossing."
        "</description></item></channel></rss>",
        encoding="utf-8",
    )
    assert outline(read_rss(path)) == [("feed.rss", 1, "empty"), ("feed.rss", 2, "doc")]


def test_snippet_text_falls_back_for_short_html():
    assert snippet_text("Guards stopped <b>12</b> people.") == "Guards stopped 12 people."
