"""Docs cannot drift: every command has help and is in the README, the README
opens with the two set-up commands, and CI runs the README's test command."""

from __future__ import annotations

import re
from pathlib import Path

import typer
from typer.main import get_command

from claimcli.cli import app
from claimcli.errors import ExitCode

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer) -> dict[str, object]:
    command = get_command(group)
    return dict(getattr(command, "commands", {}))


def test_every_command_has_help_and_is_in_the_readme() -> None:
    for name, command in _commands(app).items():
        assert getattr(command, "help", None), f"{name} has no help text"
        assert f"claimcli {name}" in README, f"README does not show `claimcli {name}`"


def test_readme_opens_with_the_two_setup_commands_and_ci_runs_the_same() -> None:
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block is not None
    lines = [line.split("#")[0].strip() for line in first_block.group(1).splitlines() if line.strip()]
    assert lines == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci


def test_readme_lists_every_exit_code() -> None:
    for code in ExitCode:
        assert re.search(rf"^\| {int(code)} \|", README, re.M), f"exit code {int(code)} missing from README"


def test_readme_has_no_unfilled_placeholders() -> None:
    assert "<!--" not in README.replace("<!-- generated", "")
