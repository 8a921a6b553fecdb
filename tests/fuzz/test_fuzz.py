"""Bounded fuzzing (Hypothesis) of ``extract`` and of ingesting files and manifests (issue 10).

Each test has a fixed budget (``max_examples``) so the suite stays within CI's time; the failing inputs
of issue 10 are explicit ``@example`` cases.  The long run is ``make fuzz`` (scripts/fuzz.py).
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from detente.extract_jsonl import dump_line, extract_lines, read_lines
from detente.model import Rejected

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from hostile import REGRESSION_LINES, hostile_file, hostile_line, hostile_manifest_rows, write_file  # noqa: E402

pytestmark = pytest.mark.model
BUDGET = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                  suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                         HealthCheck.data_too_large])

# Any code point, lone surrogates included (st.characters leaves them out unless asked).
ANY_CHAR = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF))
IDS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
                st.text(ANY_CHAR, max_size=20), st.lists(st.integers(), max_size=3))
DATES = st.one_of(st.dates().map(str), st.text(max_size=12), st.integers())
TEXTS = st.one_of(st.text(ANY_CHAR, max_size=300),
                  st.lists(st.sampled_from(["Russia condemned Israel", "the two countries said", "last week",
                                            "China and Japan held talks", "\ud800", "\n\n", ", and "]),
                           max_size=40).map(" ".join))


def _record_line(rec: dict) -> bytes:
    return json.dumps(rec).encode("utf-8", "surrogatepass")


LINES = st.one_of(
    st.fixed_dictionaries({"id": IDS, "text": TEXTS}, optional={"date": DATES, "outlet": IDS}).map(_record_line),
    st.binary(max_size=200).map(lambda b: b.replace(b"\n", b" ")),
    st.integers(min_value=0, max_value=2**32).map(lambda s: hostile_line(random.Random(s))),
    st.sampled_from(REGRESSION_LINES),
)


def _check_extract(pipeline, lines: list[bytes]) -> None:
    raw = b"\n".join(lines) + b"\n"
    out = [dump_line(o) for o in extract_lines(read_lines(io.BytesIO(raw)), pipeline)]
    assert len(out) == len(lines)  # one answer per line, none lost

    def refuse(name):
        raise AssertionError(f"non-standard JSON: {name}")

    for line in out:
        line.encode("utf-8")
        obj = json.loads(line, parse_constant=refuse)
        assert set(obj) >= {"id", "actors", "events", "relations", "sentences"}


@BUDGET
@given(lines=st.lists(LINES, min_size=1, max_size=8))
@example(lines=list(REGRESSION_LINES))
def test_fuzz_extract_answers_every_line_with_standard_json(pipeline, lines):
    _check_extract(pipeline, lines)


@settings(BUDGET, max_examples=15)
@given(seed=st.integers(min_value=0, max_value=2**32), n_files=st.integers(min_value=1, max_value=12))
@example(seed=10, n_files=12)
def test_fuzz_ingest_of_files_and_manifests_never_stops_the_batch(pipeline, seed, n_files):
    from detente.jobs import ingest
    from detente.store import Store

    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "in"
        folder.mkdir()
        names = []
        for i in range(n_files):
            f = hostile_file(rng, i)
            write_file(folder, f)
            names.append(os.fsdecode(f.name))
        manifest = Path(work) / "m.csv"
        manifest.write_text(hostile_manifest_rows(rng, [f"in/{x}" for x in names], 5),
                            encoding="utf-8", errors="surrogateescape")
        with Store(Path(work) / "s.duckdb") as store:
            summary = ingest([str(folder)], store=store, pipeline=pipeline, manifest=manifest)
            assert store.counts()["documents"] == summary.stored
    failed = sum(1 for r in summary.rejected if r.code == "R10")
    assert summary.read == summary.stored + summary.duplicates + failed
    assert all(isinstance(r, Rejected) and r.code and r.reason and "\n" not in r.reason for r in summary.rejected)
    json.dumps(summary.to_dict(), allow_nan=False).encode("utf-8")
