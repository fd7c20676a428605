"""Synthetic reports for timing consolidation: made-up texts and events, in memory.

Facts are drawn at random (type, corridor, date, figure); each is told by one
to three outlets with figures that differ a little, in reports that bundle a few
facts of the same days, some reports are syndicated
(a copy of the text with a new first line), and some facts are undated or are
rates or running totals. Texts are pseudo-words: only their shingles matter.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from passage.consolidate.scenarios import ScenarioDocument, ScenarioEvent
from passage.model import Block, DateRange, Document, Event, People, Provenance, RawDocument, Span

_TYPES = ("removal", "return", "apprehension", "arrival", "detention")
_COUNTRIES = ("AFG", "ALB", "DZA", "CHN", "COL", "GEO", "HTI", "IND", "MAR", "MEX", "NGA", "PAK")
_HOSTS = ("USA", "DEU", "GBR", "ITA", "ESP", "FRA", "GRC", "TUR", "IRN", "PAK")
_START = date(2023, 1, 1)
_DAYS = 730
EVENTS_PER_DOCUMENT = 3
SENTENCE_WORDS = 14


def _word(rng: random.Random) -> str:
    return "w" + format(rng.randrange(20_000), "x")


def _sentence(rng: random.Random) -> str:
    return " ".join(_word(rng) for _ in range(SENTENCE_WORDS)).capitalize() + "."


def _fact(rng: random.Random, n: int) -> dict:
    origin = rng.choice(_COUNTRIES)
    host = rng.choice(_HOSTS)
    kind = rng.random()
    day = _START + timedelta(days=rng.randrange(_DAYS))
    people = People(rng.randrange(5, 5000), None)
    people.high = people.low
    when: DateRange | None = DateRange(day, day, "day")
    if kind < 0.1:  # a running total since the start of the year
        people = People(people.low * 10, people.low * 10, cumulative=True)
        when = DateRange(date(day.year, 1, 1), day, "range")
    elif kind < 0.2:  # a daily rate over a month
        people = People(people.low // 10 + 1, people.low // 10 + 1, per="day")
        when = DateRange(day.replace(day=1), None, "month")
    elif kind < 0.35:
        when = None
    return {
        "label": f"fact-{n}",
        "type": rng.choice(_TYPES),
        "origin": [origin],
        "location": host,
        "destination": origin,
        "people": people,
        "date": when,
        "published": day + timedelta(days=rng.randrange(1, 4)),
    }


def synthetic_corpus(events: int, seed: int = 0) -> list[ScenarioDocument]:
    """Documents carrying about ``events`` events in all, with the fact each reports."""
    rng = random.Random(seed)
    told: list[tuple[dict, People]] = []  # (fact, the figure one outlet gives)
    n = 0
    while len(told) < events:
        fact = _fact(rng, n)
        n += 1
        for _ in range(rng.choice((1, 1, 1, 2, 2, 3))):
            p = fact["people"]
            jitter = 1.0 if rng.random() < 0.6 else rng.uniform(0.8, 1.25)
            low = max(1, round(p.low * jitter))
            told.append((fact, People(low, low, per=p.per, cumulative=p.cumulative)))
    # Outlets write up a few facts of the same days in one report.
    rng.shuffle(told)
    told.sort(key=lambda t: t[0]["published"])
    out: list[ScenarioDocument] = []
    for i in range(0, events, EVENTS_PER_DOCUMENT):
        chunk = told[i : min(i + EVENTS_PER_DOCUMENT, events)]
        out.append(_document(rng, f"doc-{i}", chunk))
        if rng.random() < 0.1:  # a syndicated copy under another headline
            out.append(_document(rng, f"copy-{i}", chunk, like=out[-1]))
    return out


def _document(
    rng: random.Random,
    name: str,
    chunk: list[tuple[dict, People]],
    like: ScenarioDocument | None = None,
) -> ScenarioDocument:
    if like is None:
        sentences = [_sentence(rng) for _ in range(len(chunk) + 6)]
    else:
        original = like.document.text.split("\n")
        sentences = [_sentence(rng), *original[1:]]
    text = "\n".join(sentences)
    starts = [0]
    for s in sentences[:-1]:
        starts.append(starts[-1] + len(s) + 1)
    published = max(f["published"] for f, _ in chunk)
    raw = RawDocument(
        text=text,
        provenance=Provenance(f"synthetic/{name}"),
        format="text",
        url=f"https://synthetic.example/{name}",
        published=published + timedelta(days=1 if like else 0),
    )
    blocks = [Block(s, s + len(sentences[k]), "body") for k, s in enumerate(starts)]
    doc = Document(raw=raw, blocks=blocks, language="en")
    events = []
    for k, (fact, people) in enumerate(chunk):
        line = k + 1  # the first line is the headline
        span = Span(starts[line], starts[line] + len(sentences[line]))
        event = Event(
            type=fact["type"],
            status="occurred",
            evidence=[span],
            people=people,
            origin=list(fact["origin"]),
            location=fact["location"],
            destination=fact["destination"],
            date=fact["date"],
        )
        events.append(ScenarioEvent(event, fact["label"]))
    story = like.story if like else name
    return ScenarioDocument(doc, story, events)
