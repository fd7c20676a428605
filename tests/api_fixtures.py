"""A small invented database for the API, export and dashboard tests.

The reports below are written for these tests (no publisher's text). Each event's
evidence and field spans are found in its report by phrase, so offsets are right
by construction; ``FIGURES`` says what an honest count of them must give.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from passage.consolidate import consolidate
from passage.consolidate.scenarios import load_scenarios, scenario_files, store_scenarios
from passage.model import (
    Block,
    DateRange,
    Document,
    Event,
    People,
    Provenance,
    RawDocument,
    Span,
)
from passage.store import Store


@dataclass
class Report:
    """An invented report and its events, each event given as keyword arguments."""

    text: str
    published: date | None
    url: str | None
    title: str
    events: list[dict] = field(default_factory=list)


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span(start, start + len(phrase))


def _span_near(text: str, phrase: str, after: int) -> Span:
    """The phrase inside or after the evidence sentence, else its first occurrence."""
    start = text.find(phrase, after)
    if start < 0:
        return _span(text, phrase)
    return Span(start, start + len(phrase))


def _event(text: str, spec: dict) -> Event:
    spec = dict(spec)
    evidence = [_span(text, spec.pop("evidence"))]
    spans = {
        name: [_span_near(text, p, evidence[0].start)] for name, p in spec.pop("spans", {}).items()
    }
    return Event(evidence=evidence, spans=spans, **spec)


def _day(y: int, m: int, d: int) -> DateRange:
    return DateRange(date(y, m, d), date(y, m, d), "day")


REPORTS = [
    Report(
        title="Border agency deports 120 Hondurans",
        url="https://www.example-news.org/2024/03/honduras-flight",
        published=date(2024, 3, 5),
        text=(
            "Border agency deports 120 Hondurans\n"
            "The Border Agency said on Monday it had deported 120 Honduran nationals"
            " on a charter flight to Tegucigalpa.\n"
            "Officials said about 40 people a day are returning voluntarily to Honduras.\n"
        ),
        events=[
            {
                "type": "removal",
                "status": "occurred",
                "evidence": "The Border Agency said on Monday it had deported 120 Honduran"
                " nationals on a charter flight to Tegucigalpa.",
                "people": People(120, 120),
                "origin": ["HND"],
                "location": "USA",
                "destination": "HND",
                "places": ["Tegucigalpa"],
                "actor": "Border Agency",
                "source": "Border Agency",
                "date": _day(2024, 3, 4),
                "spans": {
                    "people": "120 Honduran nationals",
                    "origin": "Honduran",
                    "actor": "The Border Agency",
                    "date": "Monday",
                    "places": "Tegucigalpa",
                },
            },
            {
                "type": "return",
                "status": "ongoing",
                "evidence": "Officials said about 40 people a day are returning voluntarily to"
                " Honduras.",
                "people": People(40, 40, approx=True, per="day"),
                "destination": "HND",
                "source": "officials",
                "date": _day(2024, 3, 5),
                "spans": {"people": "about 40 people a day", "destination": "Honduras"},
            },
        ],
    ),
    Report(
        title="Coast guard intercepts migrants off Lampedusa",
        url="https://news.example.com/italy/lampedusa",
        published=date(2024, 4, 10),
        text=(
            "Coast guard intercepts migrants off Lampedusa\n"
            "Italy's coast guard intercepted more than 85 migrants from Tunisia near"
            " Lampedusa on Tuesday, officials said.\n"
            "Since January, more than 12,000 people have arrived in Italy, according to the"
            " interior ministry.\n"
        ),
        events=[
            {
                "type": "apprehension",
                "status": "occurred",
                "evidence": "Italy's coast guard intercepted more than 85 migrants from Tunisia"
                " near Lampedusa on Tuesday, officials said.",
                "people": People(85, None),
                "origin": ["TUN"],
                "location": "ITA",
                "places": ["Lampedusa"],
                "actor": "coast guard",
                "source": "officials",
                "date": _day(2024, 4, 9),
                "spans": {"people": "more than 85 migrants", "origin": "Tunisia"},
            },
            {
                "type": "arrival",
                "status": "occurred",
                "evidence": "Since January, more than 12,000 people have arrived in Italy,"
                " according to the interior ministry.",
                "people": People(12000, None, cumulative=True),
                "location": "ITA",
                "destination": "ITA",
                "source": "interior ministry",
                "date": DateRange(date(2024, 1, 1), date(2024, 4, 10), "range"),
                "spans": {"people": "more than 12,000 people", "date": "Since January"},
            },
        ],
    ),
    Report(
        title="Pakistan sets a deadline for Afghans",
        url="https://example.net/pk/deadline",
        published=date(2024, 4, 22),
        text=(
            "Pakistan sets a deadline for Afghans\n"
            "Pakistan ordered undocumented Afghans to leave by 1 May.\n"
            "Around 3,000 Afghans returned to Afghanistan through Torkham last week,"
            " the UN refugee agency said.\n"
            "A court in Islamabad blocked the deportation of one family.\n"
        ),
        events=[
            {
                "type": "policy",
                "policy_kind": "deadline",
                "status": "planned",
                "evidence": "Pakistan ordered undocumented Afghans to leave by 1 May.",
                "origin": ["AFG"],
                "location": "PAK",
                "actor": "Pakistan",
                "date": _day(2024, 5, 1),
            },
            {
                "type": "return",
                "status": "occurred",
                "evidence": "Around 3,000 Afghans returned to Afghanistan through Torkham last"
                " week, the UN refugee agency said.",
                "people": People(3000, 3000, approx=True),
                "origin": ["AFG"],
                "location": "PAK",
                "destination": "AFG",
                "places": ["Torkham"],
                "source": "UN refugee agency",
                "date": DateRange(date(2024, 4, 15), date(2024, 4, 21), "range"),
                "spans": {
                    "people": "Around 3,000 Afghans",
                    "destination": "Afghanistan",
                    "source": "the UN refugee agency",
                    "date": "last week",
                },
            },
            {
                "type": "policy",
                "policy_kind": "ruling",
                "status": "occurred",
                "evidence": "A court in Islamabad blocked the deportation of one family.",
                "location": "PAK",
                "actor": "court",
                "places": ["Islamabad"],
            },
        ],
    ),
    Report(
        title="Police detain Eritreans in Cairo raid",
        url="https://www.example-news.org/2024/05/cairo-raid",
        published=date(2024, 5, 15),
        text=(
            "Police detain Eritreans in Cairo raid\n"
            "Egyptian police detained 30 Eritreans during a raid in Cairo on Sunday.\n"
            "Authorities plan to deport 200 more people next month.\n"
        ),
        events=[
            {
                "type": "apprehension",
                "status": "occurred",
                "evidence": "Egyptian police detained 30 Eritreans during a raid in Cairo on"
                " Sunday.",
                "people": People(30, 30),
                "origin": ["ERI"],
                "location": "EGY",
                "places": ["Cairo"],
                "actor": "Egyptian police",
                "date": _day(2024, 5, 12),
                "spans": {"people": "30 Eritreans", "actor": "Egyptian police", "date": "Sunday"},
            },
            {
                "type": "removal",
                "status": "planned",
                "evidence": "Authorities plan to deport 200 more people next month.",
                "people": People(200, 200),
                "location": "EGY",
                "actor": "Authorities",
                "date": DateRange(date(2024, 6, 1), date(2024, 6, 30), "month"),
                "spans": {"people": "200 more people", "date": "next month"},
            },
        ],
    ),
    Report(
        title="Germany's returns last year",
        url="https://example.org/de/returns-2023",
        published=date(2024, 1, 20),
        text="Germany's returns last year\nGermany deported 16,000 people in 2023, the ministry said.\n",
        events=[
            {
                "type": "removal",
                "status": "occurred",
                "evidence": "Germany deported 16,000 people in 2023, the ministry said.",
                "people": People(16000, 16000),
                "location": "DEU",
                "actor": "Germany",
                "source": "the ministry",
                "date": DateRange(date(2023, 1, 1), date(2023, 12, 31), "year"),
                "spans": {"people": "16,000 people", "date": "in 2023"},
            }
        ],
    ),
    Report(
        title="Dozens held in Spain",
        url=None,
        published=None,
        text="Dozens held in Spain\nSpanish authorities are holding dozens of migrants in detention.\n",
        events=[
            {
                "type": "detention",
                "status": "ongoing",
                "evidence": "Spanish authorities are holding dozens of migrants in detention.",
                "people": People(24, None, approx=True),
                "location": "ESP",
                "actor": "Spanish authorities",
                "spans": {"people": "dozens of migrants"},
            }
        ],
    ),
]

# What an honest count of the events above gives (status occurred and ongoing summed).
FIGURES = {
    "events": 11,
    "summed_low": 120 + 85 + 3000 + 30 + 16000 + 24,
    "rates": 1,  # 40 a day
    "running_totals": 1,  # 12,000 since January
    "planned": 1,  # 200 to be deported (the planned deadline has no figure)
    "without_figures": 2,  # the deadline and the ruling
    "spanning_month": 16000,  # the whole of 2023
    "undated": 24,  # no date, no publication date
}


def build_db(path: Path) -> Path:
    """Write the invented reports and their events into a new database at ``path``."""
    store = Store(path)
    for i, report in enumerate(REPORTS):
        raw = RawDocument(
            text=report.text,
            provenance=Provenance(f"invented/{i}.txt"),
            format="text",
            url=report.url,
            title=report.title,
            published=report.published,
        )
        blocks = []
        pos = 0
        for line in report.text.splitlines(keepends=True):
            blocks.append(Block(pos, pos + len(line), "body"))
            pos += len(line)
        doc = Document(raw=raw, blocks=blocks, language="en")
        store.add_document(doc)
        store.replace_events(doc.id, [_event(report.text, e) for e in report.events], "test-v1")
    store.close()
    return path


SCENARIOS = Path(__file__).resolve().parents[1] / "examples" / "scenarios"


def build_consolidated_db(path: Path) -> Path:
    """The invented reports plus the invented multi-report scenarios, consolidated.

    Among them, one deportation flight told by three outlets (100, 130 and "more than
    100" people), a syndicated copy and an updated article (see examples/scenarios).
    """
    build_db(path)
    store = Store(path)
    store_scenarios(store, load_scenarios(scenario_files(SCENARIOS)))
    consolidate(store.conn)
    store.close()
    return path


# Invented sentence templates for a larger database (dashboard paging, screenshots).
_MANY = [
    ("removal", "{actor} deported {n} {demonym} nationals to {dest} on {day}.", "{n} {demonym}"),
    ("return", "About {n} {demonym} people returned home from {loc} on {day}.", "About {n}"),
    ("apprehension", "{actor} apprehended {n} {demonym} migrants on {day}.", "{n} {demonym}"),
    ("arrival", "{n} {demonym} migrants arrived in {loc} on {day}.", "{n} {demonym}"),
    ("detention", "{actor} held {n} {demonym} people in detention on {day}.", "{n} {demonym}"),
]
_PEOPLE = [("Afghan", "AFG"), ("Syrian", "SYR"), ("Honduran", "HND"), ("Tunisian", "TUN")]
_PLACES = [("Pakistan", "PAK"), ("Germany", "DEU"), ("Italy", "ITA"), ("Mexico", "MEX")]


def build_many(path: Path, n: int = 120, seed: int = 7) -> Path:
    """A database of ``n`` invented one-sentence reports spread over 2023-2024."""
    import random

    rng = random.Random(seed)
    store = Store(path)
    for i in range(n):
        kind, template, people_phrase = rng.choice(_MANY)
        demonym, origin = rng.choice(_PEOPLE)
        place, loc = rng.choice(_PLACES)
        day = date(2023 + rng.randint(0, 1), rng.randint(1, 12), rng.randint(1, 28))
        count = rng.choice([12, 40, 85, 150, 300, 1200, 2500])
        values = {
            "actor": "Police",
            "n": f"{count:,}",
            "demonym": demonym,
            "dest": place,
            "loc": place,
            "day": day.strftime("%d %B %Y"),
        }
        sentence = template.format(**values)
        text = f"Report {i}\n{sentence}\n"
        raw = RawDocument(
            text=text,
            provenance=Provenance(f"many/{i}.txt"),
            format="text",
            url=f"https://example.org/many/{i}",
            title=f"Report {i}",
            published=day,
        )
        doc = Document(raw=raw, blocks=[Block(0, len(text), "body")], language="en")
        store.add_document(doc)
        spec = {
            "type": kind,
            "status": "occurred",
            "evidence": sentence,
            "people": People(count, count, approx=kind == "return"),
            "origin": [origin],
            "location": loc,
            "destination": origin if kind in ("removal", "return") else None,
            "date": _day(day.year, day.month, day.day),
            "spans": {"people": people_phrase.format(**values), "date": values["day"]},
        }
        store.replace_events(doc.id, [_event(text, spec)], "test-v1")
    store.close()
    return path
