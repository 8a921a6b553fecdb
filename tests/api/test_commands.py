"""``detente serve`` through the real Typer app: help, --get (a route called in-process), errors."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from detente.api.commands import DEFAULT_HOST, _is_loopback
from detente.cli import app

from .live import copy_store

runner = CliRunner()


def test_commands_serve_help() -> None:
    result = runner.invoke(app, ["serve", "--help"], catch_exceptions=False)
    assert result.exit_code == 0
    for option in ("--db", "--host", "--port", "--token", "DETENTE_TOKEN", "--allow-private-urls", "--get"):
        assert option in result.output
    assert "Example: detente serve" in result.output


def test_commands_serve_binds_loopback_by_default() -> None:
    assert DEFAULT_HOST == "127.0.0.1" and _is_loopback(DEFAULT_HOST)
    assert not _is_loopback("0.0.0.0") and _is_loopback("::1") and _is_loopback("localhost")


def test_commands_serve_get(small_store: Path, tmp_path: Path) -> None:
    db = copy_store(small_store, tmp_path)
    result = runner.invoke(app, ["serve", "--db", str(db), "--get", "/api/health"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert body["counts"]["documents"] == 4 and body["ingest_enabled"] is False


def test_commands_serve_get_error_exits_2(small_store: Path, tmp_path: Path) -> None:
    db = copy_store(small_store, tmp_path)
    result = runner.invoke(app, ["serve", "--db", str(db), "--get", "/api/dyads/RUS/XXX"], catch_exceptions=False)
    assert result.exit_code == 2  # a 404 is the caller's mistake: usage
    assert json.loads(result.stdout)["status"] == 404


def test_commands_serve_token_from_environment(small_store: Path, tmp_path: Path) -> None:
    db = copy_store(small_store, tmp_path)
    result = runner.invoke(app, ["serve", "--db", str(db), "--get", "/api/health"], env={"DETENTE_TOKEN": "t"},
                           catch_exceptions=False)
    body = json.loads(result.stdout)
    assert body["ingest_enabled"] is True and body["read_only"] is False


def test_commands_serve_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb"), "--get", "/api/health"],
                           catch_exceptions=False)
    assert result.exit_code == 3
    assert "no store at" in result.output and "Traceback" not in result.output
