"""Linguistic knowledge as data: loaded once per process and cached.

Every file here is validated by tests (tests/test_resources*.py). Adding a
language or a country is a change to these files, not to the code.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def load_json(name: str) -> Any:
    """A JSON resource file of this package, parsed once."""
    return json.loads((resources.files(__name__) / name).read_text(encoding="utf-8"))


@cache
def load_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """A JSON Lines resource file, one record a line (blank lines and // comments skipped)."""
    text = (resources.files(__name__) / name).read_text(encoding="utf-8")
    return tuple(
        json.loads(line)
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("//")
    )
