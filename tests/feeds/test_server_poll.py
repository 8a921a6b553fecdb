"""A server's feed poll extracts through its job runner, as its ingest jobs do: readers are served while a poll
extracts, the poll shows as a ``feeds`` job in ``GET /api/jobs``, and with the default pipeline the server's own
process never loads the model (the extraction process does).  The app runs in-process (TestClient on
127.0.0.1); the feed server is started by the test on 127.0.0.1."""

from __future__ import annotations

import sys
import threading
import warnings
from pathlib import Path
from typing import Any

import pytest

from detente.store import Store

from api.live import LOCAL, TOKEN
from feeds.feedserver import FeedSite

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import corpus  # noqa: E402  (the benchmark's article generator)

pytestmark = [pytest.mark.model, pytest.mark.slow]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def site():
    s = FeedSite().start()
    arts = list(corpus.iter_articles(2, seed=21))
    s.articles["/a"], s.articles["/b"] = arts[0].text, arts[1].text
    s.feeds["/rss.xml"] = [("/a", "A", "Tue, 05 Mar 2024 10:00:00 GMT"), ("/b", "B", "Tue, 05 Mar 2024 11:00:00 GMT")]
    yield s
    s.stop()


class GatedPipeline:
    """The real pipeline, held at the start of each extraction until the test releases it."""

    def __init__(self, real: Any) -> None:
        self.real = real
        self.extracting = threading.Event()
        self.release = threading.Event()

    def run(self, docs: Any, **kwargs: Any) -> Any:
        docs = list(docs)
        self.extracting.set()
        assert self.release.wait(180), "the test never released the extraction"
        return list(self.real.run(docs, **kwargs))


def _app(tmp_path: Path, **kwargs: Any) -> Any:
    from detente.api.app import create_app

    db = tmp_path / "served.duckdb"
    Store(db).close()
    return create_app(db, token=TOKEN, allow_private_urls=True, **kwargs)


def test_reads_answer_while_a_poll_extracts_in_the_job_runner(tmp_path, site, pipeline):
    gate = GatedPipeline(pipeline)
    with TestClient(_app(tmp_path, load_pipeline=lambda: gate), base_url=LOCAL, headers=AUTH,
                    raise_server_exceptions=False) as client:
        assert client.post("/api/feeds", json={"url": f"{site.base}/rss.xml", "outlet": "Local Wire"}).json()["new"]
        polled: dict[str, Any] = {}
        poll = threading.Thread(target=lambda: polled.update(client.post("/api/feeds/poll?force=true").json()))
        poll.start()
        try:
            assert gate.extracting.wait(180), "the poll never reached extraction"
            # the poll is extracting its first article: reads are answered meanwhile
            for path in ("/api/relations", "/api/documents", "/api/feeds/news", "/api/health"):
                answer = client.get(path)
                assert answer.status_code == 200 and answer.json()["ok"] is True, (path, answer.text)
            jobs = client.get("/api/jobs").json()["items"]
            assert [(j["source"], j["status"], j["received"], j["processed"]) for j in jobs] == \
                [("feeds", "receiving", 1, 0)]
            assert polled == {}  # still extracting
        finally:
            gate.release.set()
            poll.join(timeout=300)
        assert polled["ok"] is True and polled["stored"] == 2 and polled["job"] == jobs[0]["id"]
        job = client.get(f"/api/jobs/{polled['job']}").json()
        assert (job["status"], job["received"], job["processed"], job["counts"]["stored"]) == ("done", 2, 2, 2)
        assert job["counts"]["events"] > 0 and client.get("/api/health").json()["counts"]["documents"] == 2
        # a cycle with nothing new (the feed answers 304) makes no job
        again = client.post("/api/feeds/poll?force=true").json()
        assert again["not_modified"] == 1 and again["job"] is None and len(client.get("/api/jobs").json()["items"]) == 1


def test_with_the_default_pipeline_a_poll_extracts_in_the_extraction_process(tmp_path, site):
    app = _app(tmp_path)  # the default pipeline: jobs extract in the server's spawned extraction process
    with TestClient(app, base_url=LOCAL, headers=AUTH, raise_server_exceptions=False) as client:
        client.post("/api/feeds", json={"url": f"{site.base}/rss.xml", "outlet": "Local Wire"})
        polled = client.post("/api/feeds/poll?force=true").json()
        assert polled["stored"] == 2, polled
        assert app.state.detente._pipeline is None  # the model was never loaded in the serving process
        job = client.get("/api/jobs").json()["items"][0]
        assert (job["source"], job["status"], job["counts"]["stored"]) == ("feeds", "done", 2)
