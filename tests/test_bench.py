"""The benchmark: invented non-migration articles, the mixed stream, and the measurements."""

from __future__ import annotations

import itertools
import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from passage.bench import (
    INVENTED_PATH,
    MAX_SENTENCE_WORDS,
    MAX_WORDS,
    MIN_WORDS,
    RELEVANT_SHARE,
    BenchInput,
    Vocabulary,
    generate_irrelevant,
    mix,
    run_bench,
)
from passage.cli import main
from passage.model import Block, Document, Event, Provenance, RawDocument, Span

REPO = Path(__file__).resolve().parents[1]
VOCABULARY = REPO / "examples" / "bench" / "vocabulary.json"
# Words that would make an invented article a migration story.
MIGRATION_WORDS = re.compile(
    r"migra|deport|asylum|refugee|border|expel|visa\b|detain|detention|smuggl|apprehen|repatria",
    re.IGNORECASE,
)
RELEVANT_TEXT = "Officials in Freedonia deported 40 Sylvanian migrants on Monday.\n"


def relevant_doc(number: int = 1) -> RawDocument:
    return RawDocument(RELEVANT_TEXT, Provenance("relevant.txt", number, "record"), "text")


def plain_clean(raw: RawDocument) -> Document:
    return Document(raw=raw, blocks=[Block(0, len(raw.text), "body")])


def one_event_if_deported(doc: Document) -> list[Event]:
    at = doc.text.find("deported")
    return [Event("removal", "occurred", [Span(at, at + 8)])] if at >= 0 else []


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary.load(VOCABULARY)


def test_vocabulary_templates_fill_and_stay_short(vocabulary: Vocabulary) -> None:
    assert set(vocabulary.topics) == {"sport", "weather", "markets", "tech"}
    slot = re.compile(r"\{(\w+)(?::\d+-\d+)?\}")
    for name, topic in vocabulary.topics.items():
        assert len(set(topic.sentences)) == len(topic.sentences), name
        for template in topic.headlines + topic.sentences:
            for slot_name in slot.findall(template):
                known = slot_name == "num" or slot_name in topic.slots | vocabulary.shared
                assert known, f"{name}: {template!r} uses unknown slot {slot_name}"
            assert len(template.split()) < MAX_SENTENCE_WORDS - 5, template


def test_invented_articles_are_deterministic_long_enough_and_off_topic(
    vocabulary: Vocabulary,
) -> None:
    docs = generate_irrelevant(40, vocabulary, seed=3)
    assert [d.text for d in docs] == [d.text for d in generate_irrelevant(40, vocabulary, seed=3)]
    assert docs[0].text != generate_irrelevant(1, vocabulary, seed=4)[0].text
    assert len({d.text for d in docs}) == 40
    for doc in docs:
        assert MIN_WORDS <= len(doc.text.split()) <= MAX_WORDS
        assert "{" not in doc.text and not MIGRATION_WORDS.search(doc.text), doc.text[:200]
        assert doc.provenance.path == INVENTED_PATH


def test_mix_spreads_two_percent_relevant_reports(vocabulary: Vocabulary) -> None:
    invented = generate_irrelevant(490, vocabulary)
    relevant = [relevant_doc(1), relevant_doc(2)]
    stream = mix(relevant, invented)
    picked = [i for i, d in enumerate(stream) if d.provenance.path != INVENTED_PATH]
    assert len(stream) == 500 and len(picked) == round(500 * RELEVANT_SHARE)
    assert all(b - a >= 40 for a, b in itertools.pairwise(picked))
    assert [d for d in stream if d.provenance.path == INVENTED_PATH] == invented
    assert mix([], invented) == invented


def test_bench_reports_positive_rates_and_false_alarms(vocabulary: Vocabulary) -> None:
    invented = generate_irrelevant(20, vocabulary)
    invented[0].text += "Someone deported a sofa.\n"  # one false alarm in the stream
    inputs = [
        BenchInput("relevant", [relevant_doc()]),
        BenchInput("stream", mix([relevant_doc()], invented, share=0.1)),
    ]
    report = run_bench(inputs, pipeline=lambda raw: one_event_if_deported(plain_clean(raw)))
    relevant, stream = report.measurements
    assert relevant.documents == 1 and relevant.events == 1 and relevant.events_on_invented == 0
    assert stream.input_documents == 22 and stream.documents == 22
    assert stream.events == 3 and stream.events_on_invented == 1
    for m in report.measurements:
        assert m.documents_per_second > 0 and m.mb_per_second > 0 and m.peak_memory_mb > 0
        assert m.cpu_seconds > 0 and m.documents_per_cpu_second > 0
    assert json.loads(json.dumps(report.to_json()))["processes"] == 1


def test_bench_seconds_repeats_a_short_input() -> None:
    report = run_bench(
        [BenchInput("relevant", [relevant_doc()])],
        seconds=0.05,
        pipeline=lambda raw: one_event_if_deported(plain_clean(raw)),
    )
    (m,) = report.measurements
    assert m.input_documents == 1 and m.documents > 1 and m.seconds >= 0.05


def test_bench_seconds_stops_a_long_input_early() -> None:
    def slow(doc: RawDocument) -> list[Event]:
        time.sleep(0.01)
        return []

    docs = [relevant_doc(n) for n in range(200)]
    report = run_bench([BenchInput("relevant", docs)], seconds=0.05, pipeline=slow)
    (m,) = report.measurements
    assert m.input_documents == 200 and 1 <= m.documents < 50
    # no pass ended: there is no fastest one
    assert m.fastest_pass_seconds is None and m.documents_per_second_fastest_pass is None


def test_bench_command_runs_the_real_pipeline(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(RELEVANT_TEXT, encoding="utf-8")
    args = ["bench", "--relevant", str(tmp_path), "--irrelevant", "10", "--json", "--quiet",
            "--vocabulary", str(VOCABULARY)]  # fmt: skip
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [m["name"] for m in data["measurements"]] == ["relevant", "irrelevant", "mixed stream"]
    assert all(m["documents_per_second"] > 0 for m in data["measurements"])
    assert "Example:" in CliRunner().invoke(main, ["bench", "--help"]).output


def test_bench_min_seconds_repeats_whole_passes() -> None:
    docs = [relevant_doc(n) for n in range(3)]
    report = run_bench(
        [BenchInput("relevant", docs)],
        min_seconds=0.05,
        pipeline=lambda raw: one_event_if_deported(plain_clean(raw)),
    )
    (m,) = report.measurements
    assert m.documents > 3 and m.documents % 3 == 0 and m.seconds >= 0.05
    assert m.events == m.documents  # each pass counted whole: one event per document
    # the quickest pass is no slower than the passes on average
    fastest = m.documents_per_second_fastest_pass
    assert fastest is not None and fastest >= m.documents_per_second * 0.999


def test_bench_fastest_pass_leaves_out_a_pass_slowed_from_outside() -> None:
    def pipeline(doc: RawDocument, calls: list[int] = []) -> list[Event]:  # noqa: B006
        calls.append(1)
        time.sleep(0.1 if len(calls) == 2 else 0.01)  # the first pass is slowed (after warm-up)
        return []

    docs = [relevant_doc(n) for n in range(2)]
    report = run_bench([BenchInput("relevant", docs)], min_seconds=0.15, pipeline=pipeline)
    (m,) = report.measurements
    assert m.documents >= 4 and m.fastest_pass_seconds is not None
    assert m.fastest_pass_seconds < 0.08  # a pass without the slow document
    assert m.documents_per_second_fastest_pass > 1.5 * m.documents_per_second  # type: ignore[operator]


def test_bench_startup_is_measured_apart_from_the_rates() -> None:
    def slow_first(doc: RawDocument, calls: list[int] = []) -> list[Event]:  # noqa: B006
        calls.append(1)
        if len(calls) == 1:
            time.sleep(0.2)  # the warm-up: loading resources
        return []

    report = run_bench([BenchInput("relevant", [relevant_doc()])], pipeline=slow_first)
    (m,) = report.measurements
    assert report.startup_seconds >= 0.2 and m.seconds < 0.2
    assert json.loads(json.dumps(report.to_json()))["startup_seconds"] >= 0.2


def test_prepare_compiles_every_trigger_cue_and_date_pattern() -> None:
    from passage.extract import prepare
    from passage.extract.triggers import _compiled, cue

    prepare()
    assert all("pattern" in vars(rule) for rule in _compiled())  # cached_property filled
    assert cue.cache_info().currsize >= 50
    from passage.extract.dates import _pattern

    assert len(_pattern("en").by_first) == 128  # the date atoms for every ASCII opening


def test_cpu_time_leaves_out_waiting() -> None:
    def waits(doc: RawDocument) -> list[Event]:
        time.sleep(0.02)  # a shared core busy elsewhere: wall time passes, this process idles
        return []

    report = run_bench(
        [BenchInput("relevant", [relevant_doc(n) for n in range(5)])], pipeline=waits
    )
    (m,) = report.measurements
    assert m.seconds >= 0.1 and m.cpu_seconds < m.seconds / 2
    assert m.documents_per_cpu_second > 2 * m.documents_per_second
