"""The quality gate: extraction on the shared gold must hold every floor in quality/floors.json.

Same code path as ``passage eval ... --check-floors``. When the gold changed or a
score rose, re-baseline with::

    passage eval ../shared/gold/seeds.jsonl ../shared/gold/dev.jsonl --update-floors
"""

from __future__ import annotations

from pathlib import Path

import pytest

from passage.evaluate import Floors, check_floors, evaluate

GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold"
FLOORS = Path(__file__).resolve().parent / "quality" / "floors.json"


def test_extraction_holds_every_floor() -> None:
    paths = [GOLD / "seeds.jsonl", GOLD / "dev.jsonl"]
    if not all(p.is_file() for p in paths):
        pytest.skip(f"no shared gold at {GOLD}")
    floors = Floors.load(FLOORS)
    assert floors is not None, (
        f"no floors at {FLOORS}; create them with passage eval --update-floors"
    )
    report = evaluate(paths)
    problems = check_floors(report, floors)
    assert not problems, "quality below its floors:\n" + "\n".join(problems)
