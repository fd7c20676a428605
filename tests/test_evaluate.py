"""The scorer: gold loading, evidence location, sentence matching, scores and floors."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from passage.cli import main
from passage.evaluate import (
    EvalReport,
    Floors,
    GoldError,
    check_floors,
    evaluate,
    gold_digest,
    load_gold,
    load_predictions,
    locate_evidence,
    score,
    split_sentences,
    update_floors,
)
from passage.evaluate.scoring import EDGE_WEIGHT, _match
from passage.model import Block, Document, Event, People, RawDocument, Span, content_id

# An invented report: four sentences, the second and third on one line.
TEXT = (
    "Freedonia deports 40 Sylvanians\n"
    "Freedonian police deported 40 Sylvanian nationals on Monday. "
    "Officials said 12 more were held at the airport.\n"
    "The ministry announced a new visa rule for “Sylvanian” travellers.\n"
)
DEPORTED = "Freedonian police deported 40 Sylvanian nationals on Monday."
HELD = "Officials said 12 more were held at the airport."
VISA = "The ministry announced a new visa rule for “Sylvanian” travellers."


def gold_event(type_: str, evidence: list[str], **fields: Any) -> dict[str, Any]:
    event = {
        "type": type_,
        "policy_kind": None,
        "status": "occurred",
        "people": None,
        "origin": [],
        "location": None,
        "destination": None,
        "date": None,
        "evidence": evidence,
    }
    event.update(fields)
    return event


def people(low: int | None, high: int | None, per: str | None = None) -> dict[str, Any]:
    return {"low": low, "high": high, "approx": False, "per": per, "cumulative": False}


GOLD_EVENTS = [
    gold_event(
        "removal",
        ["Freedonia deports 40 Sylvanians", DEPORTED],
        people=people(40, 40),
        origin=["SYL"],
        date={"start": "2024-03-04", "end": "2024-03-04", "precision": "day"},
    ),
    gold_event("detention", [HELD], people=people(12, 12)),
    gold_event("policy", [VISA], policy_kind="visa"),
]


def write_gold(tmp_path: Path, records: list[dict[str, Any]], name: str = "gold.jsonl") -> Path:
    path = tmp_path / name
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def gold_path(tmp_path: Path) -> Path:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "report.txt").write_text(TEXT, encoding="utf-8")
    return write_gold(
        tmp_path,
        [
            {"id": "report", "published": "2024-03-05", "language": "en",
             "text_file": "texts/report.txt", "events": GOLD_EVENTS},
            {"id": "quiet", "text": "The weather was mild all week.", "events": []},
        ],
    )  # fmt: skip


def spans_of(text: str, *quotes: str) -> list[list[int]]:
    return [[text.index(q), text.index(q) + len(q)] for q in quotes]


def oracle(gold_path: Path) -> dict[str, list[dict[str, Any]]]:
    """Predictions equal to the gold, evidence as offsets."""
    predicted = {}
    for doc in load_gold([gold_path]):
        predicted[doc.id] = [
            {**e.annotation, "evidence": [s.to_list() for s in e.spans]} for e in doc.events
        ]
    return predicted


# --------------------------------------------------------------------------- gold


def test_split_sentences_on_stops_before_capitals_and_on_lines() -> None:
    text = 'He left on Nov. 1 at 9 a.m. today. "Yes," she said! Next line\n\nLast one? no.'
    pieces = [s.of(text) for s in split_sentences(text)]
    assert pieces == [
        "He left on Nov. 1 at 9 a.m. today.",
        '"Yes," she said!',
        "Next line",
        "Last one? no.",
    ]


def test_load_gold_reads_text_files_relative_to_the_gold_file(gold_path: Path) -> None:
    docs = load_gold([gold_path])
    assert [d.id for d in docs] == ["report", "quiet"]
    report = docs[0]
    assert report.text == TEXT and str(report.published) == "2024-03-05"
    removal = report.events[0]
    assert [s.of(TEXT) for s in removal.spans] == removal.evidence
    assert docs[1].events == [] and docs[1].text.startswith("The weather")


def test_locate_evidence_exact_then_whitespace_and_quote_normalised() -> None:
    span = locate_evidence(TEXT, HELD)
    assert span is not None and span.of(TEXT) == HELD
    loose = locate_evidence(TEXT, 'a new  visa rule for\n"Sylvanian" travellers')
    assert loose is not None and loose.of(TEXT) == "a new visa rule for “Sylvanian” travellers"
    assert locate_evidence(TEXT, "Sylvanians were flown home") is None


def test_unlocatable_gold_evidence_warns_and_still_counts(tmp_path: Path) -> None:
    path = write_gold(
        tmp_path, [{"id": "a", "text": TEXT, "events": [gold_event("removal", ["not there"])]}]
    )
    report = score(load_gold([path]), {"a": []})
    assert report.overall.fn == 1
    assert any("evidence not found" in w and "gold.jsonl:line 1" in w for w in report.warnings)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": "x", "events": [{"type": "flight", "evidence": []}]}, "unknown type"),
        ({"id": "a", "text_file": "missing.txt", "events": []}, "does not exist"),
        ({"text": "x", "events": []}, "needs an object with an 'id'"),
        ({"id": "a", "text": "x", "published": "03/05/2024", "events": []}, "YYYY-MM-DD"),
    ],
)
def test_bad_gold_lines_name_file_and_line(tmp_path: Path, record: dict, message: str) -> None:
    path = write_gold(tmp_path, [{"id": "ok", "text": "fine", "events": []}, record])
    with pytest.raises(GoldError, match=rf"gold\.jsonl:line 2: .*{message}"):
        load_gold([path])


def test_duplicate_gold_ids_are_refused(tmp_path: Path) -> None:
    record = {"id": "a", "text": "x", "events": []}
    with pytest.raises(GoldError, match="already used"):
        load_gold([write_gold(tmp_path, [record, record])])


def test_gold_digest_ignores_order_but_not_text(gold_path: Path, tmp_path: Path) -> None:
    other = write_gold(tmp_path, [{"id": "b", "text": "Another text.", "events": []}], "b.jsonl")
    digest = gold_digest([gold_path, other])
    assert digest == gold_digest([other, gold_path])
    (tmp_path / "texts" / "report.txt").write_text(TEXT + "More.\n", encoding="utf-8")
    assert gold_digest([gold_path, other]) != digest


# --------------------------------------------------------------------------- scoring


def test_perfect_predictions_score_one_everywhere(gold_path: Path) -> None:
    report = score(load_gold([gold_path]), oracle(gold_path))
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (3, 0, 0)
    assert report.overall.f1 == 1.0 and report.figures.f1 == 1.0
    assert all(s.accuracy == 1.0 for s in report.slots.values())
    assert report.slots["policy_kind"].pairs == 1  # policy pairs only
    assert report.empty_documents == 1 and report.false_alarm_events == 0


def test_match_needs_same_type_and_a_shared_sentence(gold_path: Path) -> None:
    gold = load_gold([gold_path])
    predicted = {
        "report": [
            # Half of the deportation sentence: matches.
            {"type": "removal", "evidence": spans_of(TEXT, "deported 40 Sylvanian")},
            # Right sentence, wrong type.
            {"type": "apprehension", "evidence": spans_of(TEXT, HELD)},
            # Same line as the detention sentence but another sentence.
            {"type": "detention", "evidence": spans_of(TEXT, "on Monday")},
        ]
    }
    report = score(gold, predicted)
    assert report.per_type["removal"].tp == 1
    assert report.per_type["detention"].tp == 0 and report.per_type["detention"].fp == 1
    assert report.per_type["detention"].fn == 1 and report.per_type["apprehension"].fp == 1
    assert report.per_type["policy"].fn == 1
    assert (report.overall.tp, report.overall.fp, report.overall.fn) == (1, 2, 2)
    assert report.overall.precision == pytest.approx(1 / 3)
    assert report.overall.recall == pytest.approx(1 / 3)


def test_matching_is_one_to_one(gold_path: Path) -> None:
    removal = {"type": "removal", "evidence": spans_of(TEXT, DEPORTED)}
    report = score(load_gold([gold_path]), {"report": [removal, removal]})
    assert report.per_type["removal"].tp == 1 and report.per_type["removal"].fp == 1


def test_two_events_in_one_sentence_pair_by_their_fields(tmp_path: Path) -> None:
    text = "Agents stopped 30 people on Tuesday and 50 people on Wednesday."
    whole = [text]
    tuesday = gold_event("apprehension", whole, people=people(30, 30))
    wednesday = gold_event("apprehension", whole, people=people(50, 50))
    path = write_gold(tmp_path, [{"id": "a", "text": text, "events": [tuesday, wednesday]}])
    # Predicted in the other order: the matching must still pair 30 with 30.
    predicted = [
        {"type": "apprehension", "people": people(50, 50), "evidence": [[0, len(text)]]},
        {"type": "apprehension", "people": people(30, 30), "evidence": [[0, len(text)]]},
    ]
    report = score(load_gold([path]), {"a": predicted})
    assert report.overall.tp == 2
    assert report.slots["people"].right == 2
    assert report.figures.tp == 2


def test_matching_maximises_pairs_where_greedy_would_not(tmp_path: Path) -> None:
    text = "One sentence here.\nTwo sentences here."
    first, second = "One sentence here.", "Two sentences here."
    gold = [gold_event("arrival", [first]), gold_event("arrival", [first, second])]
    path = write_gold(tmp_path, [{"id": "a", "text": text, "events": gold}])
    predicted = [
        # Overlaps the second gold event most, yet must go to the first.
        {"type": "arrival", "evidence": spans_of(text, first, second)},
        {"type": "arrival", "evidence": spans_of(text, second)},
    ]
    assert score(load_gold([path]), {"a": predicted}).overall.tp == 2


def test_match_is_a_maximum_matching_on_random_graphs() -> None:
    rng = random.Random(7)
    for _ in range(300):
        rows, cols = rng.randint(1, 5), rng.randint(1, 5)
        edges = {
            (i, j): rng.randint(0, 9)
            for i in range(rows)
            for j in range(cols)
            if rng.random() < 0.4
        }
        pairs = _match(list(range(rows)), list(range(cols)), lambda i, j, e=edges: e.get((i, j)))
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        assert all((i, j) in edges for i, j in pairs)
        best = 0
        for perm in itertools.permutations(range(max(rows, cols)), rows):
            chosen = [(i, j) for i, j in enumerate(perm) if (i, j) in edges]
            best = max(best, sum(EDGE_WEIGHT + edges[p] for p in chosen))
        assert sum(EDGE_WEIGHT + edges[p] for p in pairs) == best


def test_figures_match_across_types_on_low_high_and_per(gold_path: Path) -> None:
    predicted = {
        "report": [
            # Wrong type but the same count in the same sentence: a figure match.
            {
                "type": "apprehension",
                "people": people(40, 40),
                "evidence": spans_of(TEXT, DEPORTED),
            },
            # Same sentence, a rate instead of a total: no figure match.
            {
                "type": "detention",
                "people": people(12, 12, "day"),
                "evidence": spans_of(TEXT, HELD),
            },
        ]
    }
    report = score(load_gold([gold_path]), predicted)
    assert (report.figures.tp, report.figures.fp, report.figures.fn) == (1, 1, 1)
    assert report.per_type["detention"].tp == 1
    assert report.slots["people"].right == 0 and report.slots["people"].pairs == 1


@pytest.mark.parametrize(
    ("gold_date", "predicted_date", "right"),
    [
        ({"start": "2023-01-01", "precision": "year"}, {"start": "2023-06-30"}, True),
        ({"start": "2023-01-01", "precision": "year"}, {"start": "2022-12-31"}, False),
        ({"start": "2023-05-01", "precision": "month"}, {"start": "2023-05-20"}, True),
        ({"start": "2023-05-01", "precision": "month"}, {"start": "2023-06-01"}, False),
        ({"start": "2023-05-02", "precision": "range"}, {"start": "2023-05-03"}, False),
        ({"start": "2023-05-02", "precision": "day"}, {"start": "2023-05-02"}, True),
        (None, None, True),
        (None, {"start": "2023-05-02"}, False),
        ({"start": "2023-05-02", "precision": "day"}, None, False),
    ],
)
def test_date_start_is_compared_to_the_gold_precision(
    tmp_path: Path, gold_date: Any, predicted_date: Any, right: bool
) -> None:
    text = "Guards turned back 9 people."
    event = gold_event("removal", [text], date=gold_date)
    path = write_gold(tmp_path, [{"id": "a", "text": text, "events": [event]}])
    predicted = {"type": "removal", "date": predicted_date, "evidence": [[0, len(text)]]}
    report = score(load_gold([path]), {"a": [predicted]})
    assert report.slots["date"].right == right and report.slots["date"].pairs == 1


def test_slots_compare_origin_as_a_set_and_places_exactly(tmp_path: Path) -> None:
    text = "Guards turned back 9 people."
    event = gold_event("removal", [text], origin=["AFG", "PAK"], location="IRN", status="occurred")
    path = write_gold(tmp_path, [{"id": "a", "text": text, "events": [event]}])
    predicted = {**event, "origin": ["PAK", "AFG"], "location": "IRQ", "status": "planned",
                 "evidence": [[0, len(text)]]}  # fmt: skip
    report = score(load_gold([path]), {"a": [predicted]})
    assert report.slots["origin"].right == 1
    assert report.slots["location"].right == 0 and report.slots["status"].right == 0
    assert report.slots["policy_kind"].pairs == 0


def test_false_alarms_count_events_on_documents_without_gold_events(gold_path: Path) -> None:
    quiet = "The weather was mild all week."
    predicted = oracle(gold_path) | {
        "quiet": [{"type": "arrival", "evidence": [[0, 11]]}, {"type": "return", "evidence": []}]
    }
    report = score(load_gold([gold_path]), predicted)
    assert report.false_alarm_events == 2 and report.false_alarm_documents == 1
    errors = report.to_json()["errors"]
    assert errors == [
        {
            "id": "quiet",
            "false_positives": [
                {"type": "arrival", "evidence": [quiet[:11]]},
                {"type": "return", "evidence": []},
            ],
            "false_negatives": [],
        }
    ]


def test_predictions_may_be_keyed_by_content_id(gold_path: Path) -> None:
    predicted = {content_id(TEXT): oracle(gold_path)["report"], "stranger": []}
    report = score(load_gold([gold_path]), predicted)
    assert report.overall.tp == 3
    assert any("not in the gold" in w and "stranger" in w for w in report.warnings)


def test_report_json_and_render(gold_path: Path) -> None:
    from rich.console import Console

    report = score(load_gold([gold_path]), {"report": []}, gold_sha256="abc")
    data = json.loads(json.dumps(report.to_json()))
    assert data["per_type"]["removal"] == {"tp": 0, "fp": 0, "fn": 1, "precision": 0.0,
                                           "recall": 0.0, "f1": 0.0}  # fmt: skip
    assert data["errors"][0]["false_negatives"][0]["evidence"][1] == DEPORTED
    console = Console(record=True, width=120)
    report.render(console)
    shown = console.export_text()
    assert "removal" in shown and "False alarms: 0 events on 0 of 1" in shown


def test_evaluate_runs_the_pipeline_on_every_gold_text(gold_path: Path) -> None:
    seen: list[RawDocument] = []

    def cleaner(raw: RawDocument) -> Document:
        seen.append(raw)
        return Document(raw=raw, blocks=[Block(0, len(raw.text), "body")])

    def extractor(doc: Document) -> list[Event]:
        if "deported" not in doc.text:
            return []
        start = doc.text.index(DEPORTED)
        return [Event("removal", "occurred", [Span(start, start + 10)], people=People(40, 40))]

    report = evaluate([gold_path], extractor=extractor, cleaner=cleaner)
    assert [r.external_id for r in seen] == ["report", "quiet"]
    assert str(seen[0].published) == "2024-03-05"
    assert report.per_type["removal"].tp == 1 and report.overall.fn == 2
    assert report.gold_sha256 == gold_digest([gold_path])


def test_load_predictions_reads_extract_output(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"id": "a", "events": [{"type": "return"}]}\n\n{"id": "b", "events": []}\n')
    assert load_predictions(path) == {"a": [{"type": "return"}], "b": []}
    path.write_text('{"id": "a", "events": []}\n{"events": []}\n')
    with pytest.raises(GoldError, match=r"out\.jsonl:line 2"):
        load_predictions(path)


# --------------------------------------------------------------------------- floors


def scored(tp: int, fp: int, fn: int, false_alarms: int = 0, digest: str = "h") -> EvalReport:
    report = EvalReport(gold_sha256=digest, false_alarm_events=false_alarms)
    report.overall.tp, report.overall.fp, report.overall.fn = tp, fp, fn
    return report


def test_floors_round_down_and_hold_for_the_scores_they_came_from(tmp_path: Path) -> None:
    report = scored(2, 1, 0)  # precision 2/3
    update = update_floors(report, None)
    assert update.floors.values["event_precision"] == 0.666
    assert update.lowered == [] and not update.gold_changed
    path = tmp_path / "floors.json"
    update.floors.save(path)
    saved = json.loads(path.read_text())
    assert saved["gold_sha256"] == "h" and saved["floors"]["per_type_f1"]["removal"] == 0.0
    floors = Floors.load(path)
    assert floors == update.floors
    assert check_floors(report, floors) == []


def test_check_floors_lists_every_metric_below_its_floor() -> None:
    floors = update_floors(scored(3, 0, 0, false_alarms=1), None).floors
    problems = check_floors(scored(1, 0, 2, false_alarms=2), floors)
    assert any(p.startswith("event_recall: ") and "below its floor 1" in p for p in problems)
    assert any(p.startswith("event_f1: ") for p in problems)
    assert any(p.startswith("false_alarms_max: 2 is above its maximum 1") for p in problems)
    assert not any(p.startswith("event_precision") for p in problems)


def test_changed_gold_fails_the_check() -> None:
    floors = update_floors(scored(1, 0, 0, digest="old"), None).floors
    problems = check_floors(scored(1, 0, 0, digest="new"), floors)
    assert len(problems) == 1 and "the gold changed" in problems[0]


def test_update_floors_names_what_it_would_lower() -> None:
    old = update_floors(scored(3, 0, 0, false_alarms=0), None).floors
    old.values["retired_metric"] = 0.5
    update = update_floors(scored(2, 0, 1, false_alarms=1), old)
    lowered = {line.split(":")[0] for line in update.lowered}
    assert {"event_recall", "event_f1", "false_alarms_max", "retired_metric"} <= lowered
    assert "event_precision" not in lowered
    assert update_floors(scored(3, 0, 0, digest="new"), old).gold_changed


# --------------------------------------------------------------------------- command


def test_eval_command_scores_predictions_and_gates(gold_path: Path, tmp_path: Path) -> None:
    predictions = tmp_path / "pred.jsonl"
    lines = [{"id": k, "events": v} for k, v in oracle(gold_path).items()]
    predictions.write_text("".join(json.dumps(line) + "\n" for line in lines))
    floors = tmp_path / "quality" / "floors.json"
    base = ["eval", str(gold_path), "--predictions", str(predictions), "--floors", str(floors)]
    runner = CliRunner()

    result = runner.invoke(main, [*base, "--check-floors"])
    assert result.exit_code == 1 and "--update-floors" in result.output

    result = runner.invoke(main, [*base, "--update-floors", "--json", str(tmp_path / "r.json")])
    assert result.exit_code == 0, result.output
    assert json.loads(floors.read_text())["floors"]["event_f1"] == 1.0
    assert json.loads((tmp_path / "r.json").read_text())["overall"]["tp"] == 3
    assert runner.invoke(main, [*base, "--check-floors"]).exit_code == 0

    predictions.write_text("")  # everything missed now
    result = runner.invoke(main, [*base, "--check-floors"])
    assert result.exit_code == 1 and "event_f1" in result.output
    result = runner.invoke(main, [*base, "--update-floors"])
    assert result.exit_code == 1 and "refusing to lower" in result.output
    assert json.loads(floors.read_text())["floors"]["event_f1"] == 1.0
    assert runner.invoke(main, [*base, "--update-floors", "--allow-lower"]).exit_code == 0
    assert json.loads(floors.read_text())["floors"]["event_f1"] == 0.0


def test_eval_command_usage(gold_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["eval", str(gold_path), "--allow-lower"]).exit_code == 2
    assert "Example:" in runner.invoke(main, ["eval", "--help"]).output
