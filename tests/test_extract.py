"""The event grammar on the team's own invented reports: types, status, figures, places, evidence."""

from __future__ import annotations

import random
import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from passage.clean import clean
from passage.extract import extract
from passage.extract.sentences import _breaks, sentences, split
from passage.extract.triggers import (
    DocumentScan,
    Trigger,
    _hints_in,
    about_migration,
    find_triggers,
    relevant,
    scan_document,
)
from passage.model import Event, Provenance, RawDocument, Span

PUBLISHED = date(2024, 7, 3)  # a Wednesday
SHARED = Path(__file__).resolve().parents[2] / "shared"


def events_of(text: str, published: date | None = PUBLISHED) -> list[Event]:
    raw = RawDocument(text=text, provenance=Provenance("t.txt"), format="text", published=published)
    return extract(clean(raw))


def only(events: list[Event], etype: str) -> Event:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [e.to_json() for e in events]
    return found[0]


def test_every_span_points_into_the_original_text() -> None:
    text = (
        "Officials deport 52 Georgians\n\n"
        "Share on Facebook\n\n"
        "The German interior ministry said on Tuesday that police deported 52 Georgians "
        "on a charter flight to Tbilisi. More than 300 migrants have been intercepted at sea "
        "so far this year, according to the coast guard.\n"
    )
    events = events_of(text)
    assert events
    for ev in events:
        for span in ev.evidence:
            assert text[span.start : span.end].strip() == text[span.start : span.end]
        for spans in ev.spans.values():
            for span in spans:
                assert 0 <= span.start < span.end <= len(text)
    removal = only(events, "removal")
    assert removal.people is not None and (removal.people.low, removal.people.high) == (52, 52)
    assert removal.origin == ["GEO"] and removal.destination == "GEO"
    assert removal.date is not None and removal.date.start == date(2024, 7, 2)
    # the headline repeats the body: one event, both places as evidence
    assert len(removal.evidence) == 2
    assert text[removal.spans["people"][0].start : removal.spans["people"][0].end] == "52"


def test_range_rate_and_running_total_are_separate_events() -> None:
    text = (
        "Refugee returns from Lebanon quicken after deportation deadline\n\n"
        "Authorities have stepped up checks on refugees and migrants since the deadline. "
        "Between 1,000 and 1,500 Syrians are leaving Lebanon for Syria each day, officials "
        "estimate. More than 40,000 refugees have left voluntarily since the deadline, "
        "the UN refugee agency said.\n"
    )
    events = [e for e in events_of(text) if e.type == "return"]
    figures = sorted(
        (e.people.low, e.people.high, e.people.per, e.people.cumulative) for e in events if e.people
    )
    assert (1000, 1500, "day", False) in figures
    assert (40000, None, None, True) in figures


@pytest.mark.parametrize(
    "sentence",
    [
        "The government did not deport anyone last year, officials said.",
        "Critics warned that the country could expel thousands of migrants.",
        "Protesters called for the deportation of all foreign workers.",
    ],
)
def test_negations_hypotheticals_and_demands_are_not_occurred_events(sentence: str) -> None:
    text = f"Migration news\n\n{sentence}\n"
    assert not [e for e in events_of(text) if e.status == "occurred"]


def test_plans_are_planned() -> None:
    text = "Deportation plans\n\nThe interior minister said the government plans to deport 500 Albanians next month.\n"
    removal = only(events_of(text), "removal")
    assert removal.status == "planned"
    assert removal.origin == ["ALB"]


def test_numbers_that_are_not_people_are_not_figures() -> None:
    text = (
        "Border report\n\n"
        "In 2023, border agents apprehended 1,200 migrants, a 14 percent rise, at a cost of "
        "$5 million, the agency said.\n"
    )
    event = only(events_of(text), "apprehension")
    assert event.people is not None and event.people.low == 1200
    assert event.date is not None and event.date.start == date(2023, 1, 1)


def test_documents_without_migration_leave_at_the_gate() -> None:
    text = (
        "Football\n\nThe home side scored twice in the second half to win 2-0 before 30,000 fans.\n"
    )
    assert events_of(text) == []


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        (
            "The U.S. deported 100 people on Nov. 1 to China. Sen. Smith said so.  New paragraph.",
            [
                "The U.S. deported 100 people on Nov. 1 to China.",
                "Sen. Smith said so.",
                "New paragraph.",
            ],
        ),
        # a sentence glued to the next one's capital is split; initials and domains are not
        (
            "He remains in custody pending removal proceedings.A 30-year-old man was also held.",
            [
                "He remains in custody pending removal proceedings.",
                "A 30-year-old man was also held.",
            ],
        ),
        (
            "Officials in the U.S.A. said so on nytimes.com today.",
            ["Officials in the U.S.A. said so on nytimes.com today."],
        ),
    ],
)
def test_sentence_splitting_keeps_abbreviations(text: str, parts: list[str]) -> None:
    assert [s.of(text) for s in split(text, 0, len(text))] == parts


def test_initials_or_a_state_end_a_sentence_when_an_opening_word_follows() -> None:
    text = (
        "Children were allowed to stay in the U.S. The agency took in 300 minors. "
        "He met Gov. A. Ruiz in Salem, Ore. on Monday. They landed in Austin, Tex. It rained. "
        "U.S. Border Patrol agents met Sen. The Tran."
    )
    parts = [s.of(text) for s in split(text, 0, len(text))]
    assert parts == [
        "Children were allowed to stay in the U.S.",
        "The agency took in 300 minors.",
        "He met Gov. A. Ruiz in Salem, Ore. on Monday.",
        "They landed in Austin, Tex.",
        "It rained.",
        "U.S. Border Patrol agents met Sen. The Tran.",
    ]


@dataclass
class Scanned:
    scan: DocumentScan
    hints: list[AbstractSet[str]] | None  # from the one pass
    each: list[set[str]]  # read sentence by sentence
    topic: bool  # read from the kept blocks joined
    relevant: bool  # the gate, block by block


def _scan(text: str) -> Scanned:
    """The one-pass scan of a document, and what reading it block by block and sentence
    by sentence gives."""
    doc = clean(RawDocument(text, Provenance("hints.txt", 1, "record"), "text"))
    spans = [s.span for s in sentences(doc)]
    kept = doc.kept()
    scan = scan_document(text, [Span(b.start, b.end) for b in kept])
    return Scanned(
        scan,
        scan.sentence_hints(spans),
        [_hints_in(text[s.start : s.end].lower()) for s in spans],
        about_migration(" ".join(text[b.start : b.end] for b in kept)),
        any(relevant(text[b.start : b.end]) for b in kept),
    )


def _same(s: Scanned) -> bool:
    hints_same = s.hints == s.each or (s.hints is None and s.scan.lower is None)
    # past the gate, a scan reads everything; before it, nothing
    if not s.scan.relevant:
        return not s.relevant and not s.scan.hints
    return hints_same and s.scan.topic == s.topic and s.relevant


@pytest.mark.parametrize(
    "text",
    [
        # hints inside words ("order" in "border"), at a sentence's edge, a head that must
        # be a whole word ("go back", "h-1b"), loose hints inside words ("bus" of "abuses")
        "Borders closed.\n\nThe order was signed. Agents go back; the H-1B visa ended.\n\n"
        "Abuses by bus operators.  Cross-border orders deported 40 migrants.",
        "Migrants who went back to Chad got $200. The deportation-order law was upheld.",
        # whole-word hints: "act" and "law", not "action", "lawyers" or "impact"
        "Lawyers took action on the impact of deportations. The Act was signed into law.",
        "The law firm acted on the migrants' behalf.  ACT on migrants: an act of law.",
        # astral and accented characters keep the offsets of a lowercased text
        "Caf\u00e9 \U0001f600 deportations: 50 expelled. Se\u00f1or Ruiz was detained.",
        "",
    ],
)
def test_one_pass_reads_each_sentences_hints_and_the_topic(text: str) -> None:
    assert _same(_scan(text))


def test_the_topic_is_counted_block_by_block_with_the_regex_alone() -> None:
    filler = "The council met on Tuesday to discuss the budget and the parks. " * 16
    dense = (
        filler + "Border Patrol agents said.\n\nICE and asylum officers said. Deportations rose."
    )
    scanned = _scan(dense)
    assert _same(scanned) and scanned.scan.topic
    scanned = _scan(filler + "\n\nA refugee said so.")
    assert _same(scanned) and scanned.scan.relevant and not scanned.scan.topic
    scanned = _scan(filler + "\n\nThe DHS said so.")  # only an acronym passes the gate
    assert _same(scanned) and scanned.scan.relevant
    scanned = _scan(filler)
    assert _same(scanned) and not scanned.scan.relevant


def test_hints_fall_back_when_lowercasing_changes_the_length() -> None:
    scanned = _scan("\u0130stanbul deported 30 migrants. Police arrested 4.")
    assert scanned.hints is None and any(scanned.each)  # "İ" lowercases to two characters
    assert _same(scanned)


def test_one_pass_matches_sentence_by_sentence_on_the_gold_texts() -> None:
    texts = sorted((SHARED / "corpus" / "dev").glob("*.txt")) + sorted(SHARED.glob("seeds/*"))
    if not texts:
        pytest.skip("../shared is not here")
    compared = topics = 0
    for path in texts:
        scanned = _scan(path.read_text(encoding="utf-8"))
        assert _same(scanned), path.name
        compared += scanned.hints is not None
        topics += scanned.topic
    assert compared > len(texts) / 2 and 0 < topics < len(texts)


def _triggers_both_ways(text: str) -> tuple[list[list[Trigger]], list[list[Trigger]], bool]:
    """Each sentence's triggers found with the migration cue tried only where the document
    pass says it may start, and with its regex; and whether those starts were known."""
    doc = clean(RawDocument(text, Provenance("context.txt", 1, "record"), "text"))
    scan = scan_document(text, [Span(b.start, b.end) for b in doc.kept()])
    spans = [s.span for s in sentences(doc)]
    # no document topic, so every trigger needing context reads it near itself
    fast = [find_triggers(text, s, False, None, set(), None, scan.context) for s in spans]
    plain = [find_triggers(text, s, False, None, set()) for s in spans]
    return fast, plain, scan.context is not None


@pytest.mark.parametrize(
    "text",
    [
        "Police deported 40 people on Monday. ICE agents were there; ICEland was not. "
        "Officials sent back 30 to Mali.\n\nThe crackdown on migrants went on. DACA ended.",
        "The court blocked the policy, asylum officers said. A refugee-border program closed.",
    ],
)
def test_migration_context_read_at_its_starts_finds_the_same_triggers(text: str) -> None:
    fast, plain, known = _triggers_both_ways(text)
    assert known and fast == plain


def test_migration_context_starts_are_not_used_where_case_folding_differs() -> None:
    # "\u017f" (long s) matches "s" case-insensitively but lowercases to itself
    fast, plain, known = _triggers_both_ways("The a\u017fylum office deported 40 people.")
    assert not known and fast == plain


def test_migration_context_read_at_its_starts_on_the_gold_texts() -> None:
    texts = sorted((SHARED / "corpus" / "dev").glob("*.txt")) + sorted(SHARED.glob("seeds/*"))
    if not texts:
        pytest.skip("../shared is not here")
    known = 0
    for path in texts:
        fast, plain, used = _triggers_both_ways(path.read_text(encoding="utf-8"))
        assert fast == plain, path.name
        known += used
    assert known > len(texts) / 2


def test_a_head_opens_a_word_as_the_head_regex_reads_words() -> None:
    from passage.extract.triggers import _HEAD, _opens_a_word

    rng = random.Random(3)
    pieces = ["ord", "order", "b", "h", "-", "1b", "act", "acts", " ", "$", "é", ".", "go"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        heads = set(_HEAD.findall(text, start, end))
        for head in ("orde", "ord", "act", "h", "go", "b"):
            assert _opens_a_word(text, head, start, end) == (head in heads), (text, head)


# the single regex sentence breaks were once read with: stops and runs of whitespace
ONE_REGEX_BREAKS = re.compile(
    r"[.!?\s](?:"
    r"(?<=[.!?])(?:[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])|(?<=[a-z]{3}[.!?])(?=[\"“]?[A-Z]))"
    r"|(?<=\s)\s+)"
)


def test_sentence_breaks_are_those_of_one_regex_over_stops_and_whitespace() -> None:
    rng = random.Random(7)
    pieces = ["Officials", "said", "A", "the", "U.S.", "5", ".", "?", "!", '"', "”", ")", " ",
              "  ", "   ", "\t", "\u00a0", "\n", "\u2009 ", "x.", "abc.Def", "Nov.", "é"]  # fmt: skip
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        expected = [m.span() for m in ONE_REGEX_BREAKS.finditer(text, start, end)]
        assert _breaks(text, start, end) == expected, (text, start, end)
