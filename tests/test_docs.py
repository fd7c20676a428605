"""The README documents every command, and its two first commands exist."""

from __future__ import annotations

from pathlib import Path

from passage.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"passage {name}" in readme, f"README does not mention `passage {name}`"


def test_every_command_help_has_an_example() -> None:
    for name, command in main.commands.items():
        assert "Example:" in (command.help or ""), f"`passage {name} --help` has no example"


def test_readme_opens_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("## What Passage is")]
    for script in ("scripts/demo.sh", "scripts/test.sh"):
        assert f"bash {script}" in head
        assert (ROOT / script).is_file()
    assert "bash scripts/test.sh" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
