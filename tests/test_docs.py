"""Docs as tests: every CLI command has help, an example, and appears in the README."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)


def test_docs_every_command_is_registered():
    assert {"ingest", "extract", "relations", "events", "actors", "report", "eval", "shifts", "balance", "export",
            "serve"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_docs_command_in_readme_with_help(name):
    assert f"detente {name}" in README, f"README never shows 'detente {name}'"
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0 and "Usage" in result.output
