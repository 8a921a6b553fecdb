"""kill -9 during an ingest, and during the final merge: nothing is lost and the re-run is identical.

Each child is a real ``detente ingest`` process (or one stopped inside the merge's transaction), killed
with SIGKILL; every wait is bounded.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.model
REPO = Path(__file__).resolve().parents[1]
ENV = dict(os.environ, PYTHONPATH=str(REPO / "src"))


def _ingest_cmd(folder: Path, manifest: Path, db: Path) -> list[str]:
    return [sys.executable, "-m", "detente.cli", "ingest", str(folder), "--manifest", str(manifest),
            "--db", str(db), "--workers", "1", "--json"]


def _state(db: Path) -> tuple[dict, list, int, bool]:
    from detente.network import dyads
    from detente.store import Store

    with Store(db) as store:
        counts = store.counts()
        rels = sorted((r.a, r.b, round(r.score, 6), r.n_events, r.n_outlets, sorted(r.evidence))
                      for r in dyads.relations(store))
        groups = store.query("SELECT count(*) AS n FROM event_groups")[0]["n"]
        return counts, rels, groups, store.merge_pending()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    sys.path.insert(0, str(REPO))
    from bench.corpus import write_corpus

    # 80 articles: two batches of the ingest job (64 per batch), so a kill can fall between commits
    return write_corpus(tmp_path_factory.mktemp("kill-corpus"), 80, seed=3)


@pytest.fixture(scope="module")
def reference(tmp_path_factory, corpus):
    """An uninterrupted ingest of the corpus: its store, and how long it took."""
    ref = tmp_path_factory.mktemp("kill-ref") / "ref.duckdb"
    started = time.monotonic()
    done = subprocess.run(_ingest_cmd(corpus.folder, corpus.manifest, ref), env=ENV, capture_output=True, timeout=900)
    assert done.returncode == 0, done.stderr[-800:]
    return ref, time.monotonic() - started


def test_kill_9_during_ingest_loses_nothing_and_the_rerun_is_identical(tmp_path, corpus, reference):
    ref, full = reference
    db = tmp_path / "killed.duckdb"
    child = subprocess.Popen(_ingest_cmd(corpus.folder, corpus.manifest, db), env=ENV,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(full * 0.6)  # past the first batch's commit, before the end
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=60)
    rerun = subprocess.run(_ingest_cmd(corpus.folder, corpus.manifest, db), env=ENV, capture_output=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    assert _state(db) == _state(ref)


def test_kill_9_inside_the_merge_resumes_on_the_next_run(tmp_path, corpus, reference):
    ref, _ = reference
    db = tmp_path / "killed.duckdb"
    # The child stops inside the merge's transaction (groups deleted and re-inserted, not committed).
    stuck = (
        "import sys, time\n"
        "from detente.store.duck import Store\n"
        "def stop(self):\n"
        "    print('MERGING', flush=True); time.sleep(600)\n"
        "Store.clear_merge_pending = stop\n"
        "from detente.cli import app\n"
        "sys.argv = ['detente'] + sys.argv[1:]\n"
        "app()\n"
    )
    child = subprocess.Popen([sys.executable, "-c", stuck, *_ingest_cmd(corpus.folder, corpus.manifest, db)[3:]],
                             env=ENV, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = child.stdout.readline()  # bounded by the ingest itself; the child never finishes on its own
        assert line.strip() == b"MERGING"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
    counts, _, groups, pending = _state(db)
    assert counts == _state(ref)[0] and pending and groups == 0  # stored, but the merge was lost
    rerun = subprocess.run(_ingest_cmd(corpus.folder, corpus.manifest, db), env=ENV, capture_output=True, timeout=900)
    assert rerun.returncode == 0, rerun.stderr[-800:]
    assert json.loads(rerun.stdout)["stored"] == 0  # nothing new, and still the merge ran
    assert _state(db) == _state(ref)
