"""The exit-code contract (README, 'Errors and exit codes'), asserted through the real CLI in a subprocess:
0 done, 1 partial with rejections, 2 usage, 3 store or config, 4 internal error; never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from detente.errors import ERRORS, EXIT_INTERNAL, EXIT_OK, EXIT_PARTIAL, EXIT_STORE_OR_CONFIG, EXIT_USAGE
from detente.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"


def _detente(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": f"{SRC}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    env.pop("DETENTE_TOKEN", None)
    return subprocess.run([sys.executable, "-m", "detente.cli", *map(str, args)], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def empty_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("codes") / "empty.duckdb"
    Store(db).close()
    return db


@pytest.mark.parametrize(("args", "code"), [
    (("relations", "--db", "{db}", "--json"), EXIT_OK),
    (("serve", "--db", "{db}", "--get", "/api/health"), EXIT_OK),
    (("serve", "--db", "{db}", "--get", "/"), EXIT_OK),  # the dashboard's HTML, printed as it is
    (("events", "--db", "{db}", "--limit", "-1"), EXIT_USAGE),
    (("relations", "--db", "{db}", "--since", "yesterday"), EXIT_USAGE),
    (("relations", "--no-such-option"), EXIT_USAGE),
    (("extract", "{tmp}/no-such-file.jsonl"), EXIT_USAGE),
    (("serve", "--db", "{db}", "--get", "/api/no-such-route"), EXIT_USAGE),
    (("serve", "--db", "{db}", "--get", "no-slash"), EXIT_USAGE),
    (("relations", "--db", "{tmp}/no-such-store.duckdb"), EXIT_STORE_OR_CONFIG),
    (("serve", "--db", "{tmp}/no-such-store.duckdb", "--get", "/api/health"), EXIT_STORE_OR_CONFIG),
    (("export", "--db", "{db}", "--format", "no-such-format", "--output", "{tmp}/x"), EXIT_STORE_OR_CONFIG),
], ids=lambda v: " ".join(v) if isinstance(v, tuple) else str(v))
def test_exit_code(empty_store: Path, tmp_path: Path, args: tuple[str, ...], code: int) -> None:
    argv = [a.format(db=empty_store, tmp=tmp_path) for a in args]
    result = _detente(*argv, cwd=tmp_path)
    assert result.returncode == code, (result.stdout[-2000:], result.stderr[-2000:])
    assert "Traceback" not in result.stderr + result.stdout
    if code in (EXIT_STORE_OR_CONFIG,):
        assert result.stderr.startswith("error: [E"), result.stderr


@pytest.mark.model
def test_exit_code_partial_when_inputs_are_rejected(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01" * 500)
    good = next(seeds_dir.glob("000_*.txt"))
    result = _detente("ingest", good, tmp_path / "binary.txt", "--db", tmp_path / "s.duckdb", cwd=tmp_path)
    assert result.returncode == EXIT_PARTIAL, result.stderr[-2000:]
    assert "stored 1" in result.stdout and "binary.txt" in result.stderr and "R02" not in result.stdout
    again = _detente("ingest", good, "--db", tmp_path / "s.duckdb", cwd=tmp_path)
    assert again.returncode == EXIT_OK, again.stderr[-2000:]


def test_exit_code_internal_error_is_one_line(monkeypatch, empty_store: Path) -> None:
    """A bug (an exception detente did not raise on purpose) exits 4 with one line, no traceback."""
    from typer.testing import CliRunner

    from detente import report
    from detente.cli import app

    def broken(store, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(report, "list_events", broken)
    result = CliRunner().invoke(app, ["events", "--db", str(empty_store)])
    assert result.exit_code == EXIT_INTERNAL
    assert "internal error (ZeroDivisionError" in result.output and "--debug" in result.output
    assert "Traceback" not in result.output


def test_exit_codes_table_is_complete() -> None:
    from detente.errors import REJECT_REASONS

    assert set(REJECT_REASONS) <= set(ERRORS)
    assert {row.exit for row in ERRORS.values()} <= {EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE_OR_CONFIG, EXIT_INTERNAL}
    assert all(400 <= row.status < 600 for row in ERRORS.values())


def test_exit_codes_and_error_table_in_readme() -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Errors and exit codes"):]
    for code in (EXIT_OK, EXIT_PARTIAL, EXIT_USAGE, EXIT_STORE_OR_CONFIG, EXIT_INTERNAL):
        assert f"| {code} |" in section
    for code in ERRORS:
        assert f"| {code} |" in section, f"{code} is missing from the README's error table: add its row"
