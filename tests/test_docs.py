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


# -- the first hour, scripted: every README command on the seeds and on the samples -----------------------------
import csv  # noqa: E402
import io  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
# README lines that start something that does not end (a server, a loop), need a running server or a cluster,
# or are no command at all: the walk-through runs every other `detente` line of the README's code blocks.
NOT_RUN = (re.compile(r"&\s*(#|$)"), re.compile(r"^DETENTE_TOKEN="), re.compile(r"--engine ray"),
           re.compile(r"^detente watch(?!.*--once)"), re.compile(r"^detente serve(?!.*--get)"))
EXPORT_FORMATS = re.compile(r"--format ((?:\w+\|)+\w+) --output PATH")


def readme_commands() -> list[str]:
    """The `detente` command lines of the README's shell blocks, comments dropped, in order."""
    out = []
    for block in re.findall(r"```(?:sh|bash|console)?\n(.*?)```", README, re.S):
        for line in block.splitlines():
            line = line.split("  #", 1)[0].split(" # ", 1)[0].strip()
            if not re.match(r"^(\w+=\S+ )*(echo .*\| )?detente ", line) or any(p.search(line) for p in NOT_RUN):
                continue
            formats = EXPORT_FORMATS.search(line)
            if formats:  # 'export --format gdelt|plover|... --output PATH': each format
                out += [EXPORT_FORMATS.sub(f"--format {f} --output out.{f}", line)
                        for f in formats.group(1).split("|")]
            else:
                out.append(line)
    return out


def _is_machine_output(text: str) -> bool:
    """JSON, JSON lines or CSV: output for other tools, exempt from the 80-column rule."""
    try:
        json.loads(text)
        return True
    except ValueError:
        pass
    lines = text.splitlines()
    try:
        if lines and all(json.loads(line) is not None for line in lines):
            return True
    except ValueError:
        pass
    rows = list(csv.reader(io.StringIO(text)))
    return len(rows) > 1 and len(rows[0]) > 1 and all(len(r) == len(rows[0]) for r in rows)


def _walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, corpus: Path) -> list[str]:
    """Run the README's commands in ``tmp_path`` on ``corpus`` (its manifest beside it); return the problems."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("COLUMNS", raising=False)
    monkeypatch.delenv("DETENTE_TOKEN", raising=False)
    runner = CliRunner()
    problems = []
    commands = readme_commands()
    assert len(commands) >= 15 and commands[0].startswith("detente ingest"), commands
    for line in commands:
        line = line.replace("../shared/seeds", str(corpus))
        stdin = None
        if line.startswith("echo "):
            echo, line = line.split(" | ", 1)
            stdin = shlex.split(echo)[1] + "\n"
        redirect = None
        if " > " in line:
            line, redirect = (part.strip() for part in line.split(" > ", 1))
        args = shlex.split(line)[1:]
        result = runner.invoke(app, args, input=stdin)
        stdout, stderr = result.stdout, result.stderr
        if redirect:
            (tmp_path / redirect).write_text(stdout, encoding="utf-8")
            stdout = ""
        if result.exit_code != 0:
            problems.append(f"{line}: exit {result.exit_code}: {(stderr or stdout)[-500:]}")
        if "Traceback" in stdout + stderr or (result.exception and not isinstance(result.exception, SystemExit)):
            problems.append(f"{line}: traceback {result.exception!r}")
        for name, text in (("stdout", stdout), ("stderr", stderr)):
            wide = [x for x in text.splitlines() if len(x) > 80]
            if wide and not _is_machine_output(text):
                problems.append(f"{line}: {name} wider than 80 columns: {wide[0]!r}")
    return problems


@pytest.mark.model
def test_docs_first_hour_on_the_seeds(tmp_path, monkeypatch, seeds_dir):
    problems = _walk(tmp_path, monkeypatch, seeds_dir)
    assert not problems, "\n".join(problems)


@pytest.mark.model
def test_docs_first_hour_on_the_samples(tmp_path, monkeypatch):
    problems = _walk(tmp_path, monkeypatch, REPO / "samples")
    assert not problems, "\n".join(problems)
