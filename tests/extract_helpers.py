"""Invented pages run through clean and extract, for the event-grammar tests."""

from __future__ import annotations

from datetime import date

from passage.clean import clean
from passage.extract import extract
from passage.model import Event, Provenance, RawDocument

PUBLISHED = date(2024, 9, 12)

# enough migration words that the report is about migration (the document-level context)
LEAD = "Migrants, refugees and asylum seekers: a report on migration and borders.\n\n"


def events_of(body: str) -> list[Event]:
    return page_events(LEAD + body)


def page_events(text: str) -> list[Event]:
    """Events of a whole invented page, as written (no lead added)."""
    raw = RawDocument(text=text, provenance=Provenance("t.txt"), format="text", published=PUBLISHED)
    return extract(clean(raw))
