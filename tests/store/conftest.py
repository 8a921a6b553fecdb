"""Fixtures shared by the store tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def synthetic_store(tmp_path_factory):
    """A store of 30,000 synthetic events written by the benchmark's builder (the real schema)."""
    sys.path.insert(0, str(REPO))
    from bench.queries import build_duckdb

    db = tmp_path_factory.mktemp("synthetic") / "synthetic.duckdb"
    build_duckdb(db, 30_000)
    return db
