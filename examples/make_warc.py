"""Build examples/corpus/crawl/news.warc.gz and examples/bad/truncated.warc.gz.

Invented example pages for Passage tests; not real reports. The output is
deterministic (fixed dates and record ids), so rerunning the script gives the
same bytes:

    .venv/bin/python examples/make_warc.py
"""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = Path(__file__).resolve().parent
GOOD = HERE / "corpus" / "crawl" / "news.warc.gz"
TRUNCATED = HERE / "bad" / "truncated.warc.gz"
CUT_RECORD = 4  # the truncated copy ends halfway through this record (1-based)

NOTE = "Invented example for Passage tests; not a real report"

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="description" content="{note}">
<title>{title}</title>
<meta property="og:title" content="{title}">
{date_meta}</head>
<body>
<header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/africa">Africa</a>
<a href="/asia">Asia</a> <a href="/europe">Europe</a></nav></header>
<article>
<h1>{title}</h1>
{paragraphs}
</article>
<footer><p>{note}.</p><p>© Example Wire</p></footer>
</body>
</html>
"""


@dataclass(frozen=True)
class Page:
    uri: str
    warc_date: str
    title: str
    published: str | None  # article:published_time, or None for a page without a date
    paragraphs: tuple[str, ...]

    def html(self) -> bytes:
        date_meta = (
            f'<meta property="article:published_time" content="{self.published}">\n'
            if self.published
            else ""
        )
        body = "\n".join(f"<p>{p}</p>" for p in self.paragraphs)
        return PAGE.format(
            note=NOTE, title=self.title, date_meta=date_meta, paragraphs=body
        ).encode("utf-8")


PAGES = (
    Page(
        uri="https://wire.example.net/europe/rome-court-albania-centres",
        warc_date="2024-10-19T09:12:00Z",
        title="Rome court orders release of 12 men held in Albania centre",
        published="2024-10-18T19:30:00+02:00",
        paragraphs=(
            "A court in Rome on Friday ordered the release of 12 men who had been taken to an "
            "Italian-run detention centre in Albania, ruling that their countries of origin could "
            "not be considered safe.",
            "The men, from Bangladesh and Egypt, were brought back to Italy by coast guard boat on "
            "Saturday, the interior ministry said. They were among 16 people transferred to the "
            "centre at Gjader earlier in the week under an agreement between Rome and Tirana.",
            "The government said it would appeal the ruling and that transfers would continue.",
        ),
    ),
    Page(
        uri="https://wire.example.net/africa/mauritania-coast-guard-nouadhibou",
        warc_date="2025-01-28T07:45:00Z",
        title="Mauritanian coast guard intercepts boat with 160 people off Nouadhibou",
        published="2025-01-27",
        paragraphs=(
            "Mauritania's coast guard intercepted a fishing boat carrying 160 people off the "
            "northern port of Nouadhibou on Monday, a security official said.",
            "The passengers, most of them from Mali, Senegal and Guinea, were taken to a holding "
            "centre in the city, the official said. More than 3,000 people have been stopped at "
            "sea or on the beaches since the start of January, according to the interior ministry.",
            "Mauritania signed an agreement with the European Union last year that provides funds "
            "for border surveillance.",
        ),
    ),
    Page(
        uri="https://wire.example.net/asia/bangkok-raid-myanmar-workers",
        warc_date="2025-03-04T12:00:00Z",
        title="Thai police arrest 85 Myanmar workers in Bangkok raid",
        published=None,  # no date on the page: readers fall back to the WARC-Date
        paragraphs=(
            "Thai police arrested 85 Myanmar nationals in a raid on a construction workers' camp "
            "in Bangkok's Lat Krabang district, immigration police said.",
            "The workers did not hold valid work permits and will be held at the Suan Phlu "
            "immigration detention centre before being sent back across the border at Mae Sot, "
            "a police spokesman said.",
        ),
    ),
)


def tiny_png() -> bytes:
    """A valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixels = zlib.compress(b"\x00\x80", 9)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def warc_headers(number: int, date: str) -> dict[str, str]:
    record_id = f"<urn:uuid:00000000-0000-4000-8000-{number:012d}>"
    return {"WARC-Record-ID": record_id, "WARC-Date": date}


def response(
    writer: WARCWriter, number: int, uri: str, date: str, status: str, ctype: str, body: bytes
):
    http = StatusAndHeaders(
        status,
        [("Content-Type", ctype), ("Content-Length", str(len(body)))],
        protocol="HTTP/1.1",
    )
    return writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        http_headers=http,
        warc_headers_dict=warc_headers(number, date),
    )


def build() -> bytes:
    out = BytesIO()
    writer = WARCWriter(out, gzip=True)
    info = f"software: passage examples/make_warc.py\ndescription: {NOTE}\n".encode()
    writer.write_record(
        writer.create_warc_record(
            "",
            "warcinfo",
            payload=BytesIO(info),
            warc_content_type="application/warc-fields",
            warc_headers_dict={
                **warc_headers(1, "2024-10-19T09:00:00Z"),
                "WARC-Filename": GOOD.name,
            },
        )
    )
    html = "text/html; charset=utf-8"
    missing = b"<html><body><h1>404 Not Found</h1><p>The page you asked for does not exist.</p></body></html>"
    records = [
        response(writer, 2, PAGES[0].uri, PAGES[0].warc_date, "200 OK", html, PAGES[0].html()),
        response(
            writer,
            3,
            "https://wire.example.net/img/logo.png",
            "2024-10-19T09:12:05Z",
            "200 OK",
            "image/png",
            tiny_png(),
        ),
        response(writer, 4, PAGES[1].uri, PAGES[1].warc_date, "200 OK", html, PAGES[1].html()),
        response(
            writer,
            5,
            "https://wire.example.net/old/removed-story",
            "2025-01-28T07:46:00Z",
            "404 Not Found",
            html,
            missing,
        ),
        response(writer, 6, PAGES[2].uri, PAGES[2].warc_date, "200 OK", html, PAGES[2].html()),
    ]
    for record in records:
        writer.write_record(record)
    return out.getvalue()


def cut_mid_record(data: bytes, number: int) -> bytes:
    """The first bytes of ``data``, ending halfway through record ``number``."""
    iterator = ArchiveIterator(BytesIO(data))
    for index, record in enumerate(iterator, start=1):
        record.content_stream().read()
        if index == number:
            start = iterator.get_record_offset()
            return data[: start + iterator.get_record_length() // 2]
    raise ValueError(f"no record {number}")


def main() -> None:
    data = build()
    GOOD.parent.mkdir(parents=True, exist_ok=True)
    GOOD.write_bytes(data)
    TRUNCATED.parent.mkdir(parents=True, exist_ok=True)
    TRUNCATED.write_bytes(cut_mid_record(data, CUT_RECORD))
    print(f"wrote {GOOD} ({len(data)} bytes) and {TRUNCATED}")


if __name__ == "__main__":
    main()
