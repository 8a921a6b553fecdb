"""``Pipeline.run`` with the learned encoder in a second thread (issue 11's speed), and the streamed ingest.

The overlapped run must give exactly the sequential run's extractions, keep the per-document failure
boundary, and leave no thread or interpreter setting behind.
"""

from __future__ import annotations

import shutil
import sys
import threading
from pathlib import Path

import pytest

from detente.ingest.sources import iter_documents
from detente.model import Extraction, Rejected


@pytest.fixture(scope="module")
def seed_docs(seed_manifest: Path) -> list:
    docs = [d for d in iter_documents([], manifest=seed_manifest) if not isinstance(d, Rejected)]
    assert len(docs) == 5
    return docs


@pytest.fixture(scope="module")
def sequential(pipeline, seed_docs) -> list:
    out = list(pipeline.run(seed_docs, overlap=False))
    assert all(isinstance(x, Extraction) for x in out) and sum(len(x.events) for x in out) > 20
    return out


@pytest.mark.parametrize("batch_size", [2, 32])
def test_overlapped_run_gives_the_sequential_extractions(pipeline, seed_docs, sequential, batch_size):
    # batch 2: the encoder of one chunk runs while the next is parsed, across three chunks
    assert list(pipeline.run(seed_docs, batch_size=batch_size, overlap=True)) == sequential


def test_an_encoder_failure_rejects_its_document_only(pipeline, seed_docs, sequential, monkeypatch):
    real = pipeline._predict
    bad = seed_docs[1].id

    def predict(coded):
        if coded.parsed.document.id == bad:
            raise RuntimeError("encoder broke")
        return real(coded)

    monkeypatch.setattr(pipeline, "_predict", predict)
    out = list(pipeline.run(seed_docs, batch_size=2, overlap=True))
    assert isinstance(out[1], Rejected) and out[1].code == "R10" and "encoder broke" in out[1].reason
    assert out[1].source == (seed_docs[1].source_path or seed_docs[1].url or seed_docs[1].id)
    assert [x for i, x in enumerate(out) if i != 1] == [x for i, x in enumerate(sequential) if i != 1]


@pytest.mark.parametrize("overlap", [False, True])
def test_a_rule_failure_rejects_its_document_only(pipeline, seed_docs, sequential, monkeypatch, overlap):
    real = pipeline.coder.code
    bad = seed_docs[3].id

    def code(parsed, *a, **kw):
        if parsed.document.id == bad:
            raise KeyError("rule broke")
        return real(parsed, *a, **kw)

    monkeypatch.setattr(pipeline.coder, "code", code)
    out = list(pipeline.run(seed_docs, batch_size=2, overlap=overlap))
    assert isinstance(out[3], Rejected) and "KeyError" in out[3].reason
    assert [x for i, x in enumerate(out) if i != 3] == [x for i, x in enumerate(sequential) if i != 3]


def test_the_switch_interval_is_short_only_while_an_overlapped_run_goes(pipeline, seed_docs):
    from detente.pipeline import SWITCH_INTERVAL

    before = sys.getswitchinterval()
    assert before > SWITCH_INTERVAL
    it = pipeline.run(seed_docs, batch_size=2, overlap=True)
    next(it)
    assert sys.getswitchinterval() == SWITCH_INTERVAL
    assert any(t.name.startswith("detente-encoder") for t in threading.enumerate())
    it.close()  # a consumer that stops early: the thread ends and the interval comes back
    assert sys.getswitchinterval() == before
    assert not any(t.name.startswith("detente-encoder") for t in threading.enumerate())


def test_the_rules_alone_never_start_an_encoder_thread(pipeline, seed_docs, monkeypatch):
    import concurrent.futures

    def refuse(*a, **kw):
        raise AssertionError("no thread pool without the model")

    monkeypatch.setattr(concurrent.futures, "ThreadPoolExecutor", refuse)
    assert all(isinstance(x, Extraction) for x in pipeline.rules_only().run(seed_docs, overlap=True))


def test_streamed_ingest_stores_each_batch_and_catches_repeats_across_batches(tmp_path, pipeline, seeds_dir,
                                                                             monkeypatch):
    import detente.jobs as jobs
    from detente.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    for p in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(p, folder / p.name)
    shutil.copy(sorted(seeds_dir.glob("*.txt"))[0], folder / "zz_copy.txt")  # the same article again, last
    counts = {}
    for size in (2, 64):
        monkeypatch.setattr(jobs, "BATCH_DOCS", size)
        steps: list[int] = []
        with Store(tmp_path / f"s{size}.duckdb") as store:
            summary = jobs.ingest([str(folder)], store=store, pipeline=pipeline, date=None,
                                  progress=steps.append)
            counts[size] = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                            for t in ("documents", "events", "claims", "mentions")}
        assert summary.read == 6 and summary.duplicates == 1 and summary.stored == 5 and not summary.rejected
        assert sum(steps) == 6 and len(steps) == (3 if size == 2 else 1)  # progress once per stored batch
    assert counts[2] == counts[64] and counts[2]["events"] > 20
