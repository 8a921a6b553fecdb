"""The network commands through the real Typer app, on the seed store."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from detente.cli import app

runner = CliRunner()


def _json(args: list[str]):
    result = runner.invoke(app, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_commands_shifts_json(tmp_path):
    from ._synthetic import add_event, new_store

    store = new_store(tmp_path / "s.duckdb")
    for i in range(4):
        add_event(store, f"a{i}", "RUS", "ISR", "SUPPORT", 5, f"2022-0{i + 1}-10", text=f"coop {i}")
        add_event(store, f"c{i}", "RUS", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-10", text=f"blame {i}")
    store.close()
    rows = _json(["shifts", "--db", str(tmp_path / "s.duckdb"), "--json"])
    assert rows
    for row in rows:
        assert {"a", "b", "date", "before", "after", "evidence", "robust"} <= set(row)
        assert isinstance(row["robust"], bool) and row["evidence"]
    assert all(set(r["a"]) == set(r["b"]) == {"id", "name"} for r in rows)  # the one shape of a pair
    assert any({r["a"]["id"], r["b"]["id"]} == {"RUS", "ISR"} and r["after"] < r["before"] for r in rows)


def test_commands_balance_json(seed_store):
    rows = _json(["balance", "--db", str(seed_store), "--json"])
    assert rows
    for row in rows:
        assert len(row["triad"]) == 3 and len(row["signs"]) == 3 and isinstance(row["balanced"], bool)
        assert all(set(node) == {"id", "name"} for node in row["triad"])
        assert row["pressure"] is None or set(row["pressure"]) == {"a", "b", "toward"}
        assert row["evidence"]
    # the tie under pressure is a pair like every other: two {id, name} from the triad
    pressed = [row for row in rows if row["pressure"]]
    assert pressed
    for row in pressed:
        pair = [row["pressure"]["a"], row["pressure"]["b"]]
        assert all(set(r) == {"id", "name"} and r in row["triad"] for r in pair), row


def test_commands_series_json(seed_store):
    rows = _json(["relations-over-time", "--db", str(seed_store), "--window", "quarter", "--json"])
    assert any({r["a"]["id"], r["b"]["id"]} == {"RUS", "ISR"} for r in rows)
    by_outlet = _json(["relations-over-time", "--db", str(seed_store), "--by-outlet", "--json"])
    assert {r["outlet"] for r in by_outlet} >= {"The Spectator", "Al-Monitor"}


def test_commands_export_and_unknown_format(seed_store, tmp_path):
    out = tmp_path / "r.graphml"
    result = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "graphml", "--output", str(out)],
                           catch_exceptions=False)
    assert result.exit_code == 0 and out.exists()
    bad = runner.invoke(app, ["export", "--db", str(seed_store), "--format", "nope", "--output", str(out)])
    assert bad.exit_code == 3 and "E401" in bad.output


def test_commands_have_help_with_an_example():
    for name in ("shifts", "balance", "export", "relations-over-time"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Example: detente" in result.output
