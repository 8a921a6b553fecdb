"""One writer, many readers: 'detente serve --token' owns the store; 'detente ingest', 'detente feeds' and
'detente watch' go through it, reads in other processes never fail on the lock, and a write without a server
while another process holds the store gets a clear message.  Servers listen on 127.0.0.1 only."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from detente.store import Store

from api.live import TOKEN, LiveServer
from feeds.feedserver import FeedSite

pytestmark = [pytest.mark.model, pytest.mark.slow]

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def _cli(*args: str, token: str | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "DETENTE_TOKEN"}
    env["COLUMNS"] = "200"  # one-line messages
    if token:
        env["DETENTE_TOKEN"] = token
    return subprocess.run([sys.executable, "-m", "detente.cli", *args], capture_output=True, text=True, env=env,
                          timeout=timeout)


@pytest.fixture
def owned(tmp_path):
    db = tmp_path / "live.duckdb"
    Store(db).close()
    server = LiveServer(db, tmp_path / "serve.log", token=TOKEN, args=("--allow-private-urls",))
    yield db, server
    server.stop()


def test_ingest_goes_through_the_server_while_reads_keep_working(owned, tmp_path):
    db, server = owned
    info = json.loads((db.parent / (db.name + ".server.json")).read_text())
    assert info["url"] == server.url and info["writer"] is True and "token" not in json.dumps(info)
    bad = tmp_path / "inputs" / "binary.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"\x00\x01\x02" * 100)

    failures: list[str] = []
    reads = {"cli": 0, "http": 0}
    stop = threading.Event()

    def read_loop() -> None:
        while not stop.is_set():
            r = _cli("relations", "--json", "--db", str(db), timeout=120)
            reads["cli"] += 1
            if r.returncode != 0:
                failures.append(r.stderr)
            resp = httpx.get(server.url + "/api/relations", timeout=30)
            reads["http"] += 1
            if resp.status_code != 200:
                failures.append(resp.text)

    reader = threading.Thread(target=read_loop)
    reader.start()
    try:
        result = _cli("ingest", str(SAMPLES), str(bad), "--manifest", str(SAMPLES / "manifest.csv"), "--db", str(db),
                      "--json", token=TOKEN)
    finally:
        stop.set()
        reader.join(timeout=180)
    assert result.returncode == 1, result.stderr  # partial: the bad input is rejected (exit-code contract)
    assert "ingesting through the detente server" in result.stderr
    summary = json.loads(result.stdout)
    assert summary["stored"] == 5 and summary["n_rejected"] == 1
    assert failures == [] and reads["cli"] >= 1 and reads["http"] >= 1

    jobs = httpx.get(server.url + "/api/jobs", timeout=30).json()["items"]
    assert jobs[0]["status"] == "done" and jobs[0]["counts"]["stored"] == 5
    assert jobs[0]["rejected"][0]["source"].endswith("binary.txt") and jobs[0]["rejected"][0]["reason"]
    health = httpx.get(server.url + "/api/health", timeout=30).json()
    assert health["counts"]["documents"] == 5

    # the snapshot catches up within seconds: a CLI read in another process sees the new documents
    deadline = time.monotonic() + 30
    while True:
        r = _cli("relations", "--json", "--db", str(db))
        assert r.returncode == 0, r.stderr
        if json.loads(r.stdout):
            break
        assert time.monotonic() < deadline, "the read snapshot did not catch up"
        time.sleep(1)

    # again: nothing changes (same documents), and without the token the CLI says what to do
    again = _cli("ingest", str(SAMPLES), "--db", str(db), "--json", token=TOKEN)
    assert json.loads(again.stdout)["stored"] == 0
    refused = _cli("ingest", str(SAMPLES), "--db", str(db))
    assert refused.returncode == 3 and "--token" in refused.stderr and "Traceback" not in refused.stderr


def test_feeds_and_watch_go_through_the_server(owned, tmp_path):
    import sys as _sys

    _sys.path.insert(0, str(REPO))
    from bench import corpus

    db, server = owned
    site = FeedSite().start()
    try:
        arts = list(corpus.iter_articles(2, seed=21))
        site.articles["/a"], site.articles["/b"] = arts[0].text, arts[1].text
        site.feeds["/rss.xml"] = [("/a", "A", "Tue, 05 Mar 2024 10:00:00 GMT"),
                                  ("/b", "B", "Tue, 05 Mar 2024 11:00:00 GMT")]
        added = _cli("feeds", "add", f"{site.base}/rss.xml", "--outlet", "Local Wire", "--db", str(db), token=TOKEN)
        assert added.returncode == 0, added.stderr
        first = _cli("watch", "--once", "--force", "--json", "--db", str(db), token=TOKEN)
        assert first.returncode == 0, first.stderr
        assert json.loads(first.stdout.strip().splitlines()[-1])["stored"] == 2
        second = _cli("watch", "--once", "--force", "--json", "--db", str(db), token=TOKEN)
        got = json.loads(second.stdout.strip().splitlines()[-1])
        assert got["not_modified"] == 1 and got["fetched"] == 0
        assert site.fetches("/a") == 1 and site.fetches("/b") == 1
        # the poll's articles went through the server's job runner (its extraction process), as a 'feeds' job
        feed_jobs = [j for j in httpx.get(server.url + "/api/jobs", timeout=30).json()["items"] if j["source"] == "feeds"]
        assert [(j["status"], j["counts"]["stored"]) for j in feed_jobs] == [("done", 2)]
        listed = httpx.get(server.url + "/api/feeds", timeout=30).json()["items"]
        assert listed[0]["outlet"] == "Local Wire" and listed[0]["stored"] == 2
        news = httpx.get(server.url + "/api/feeds/news", timeout=30).json()
        assert news["ok"] and news["poll"] is not None
        # the CLI's reads of feeds ask the server (no snapshot lag) and print the same rows as the direct read
        cli_list = _cli("feeds", "list", "--json", "--db", str(db))
        assert cli_list.returncode == 0, cli_list.stderr
        assert [(f["outlet"], f["stored"]) for f in json.loads(cli_list.stdout)] == [("Local Wire", 2)]
        cli_news = _cli("shifts", "--since-last-poll", "--json", "--db", str(db))
        assert cli_news.returncode == 0, cli_news.stderr
        got_news = json.loads(cli_news.stdout)
        assert set(got_news) == {"poll", "documents", "relations", "shifts"}
        assert got_news["poll"]["id"] == news["poll"]["id"] and got_news["documents"] == news["documents"]
    finally:
        site.stop()


def test_a_write_without_a_server_while_another_process_writes_gets_a_clear_error(tmp_path):
    db = tmp_path / "held.duckdb"
    holder = subprocess.Popen([sys.executable, "-c",
                               "import sys, time; from detente.store import Store; s = Store(sys.argv[1]); "
                               "print('open', flush=True); time.sleep(120)", str(db)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        for args in (("ingest", str(SAMPLES / "01_talks.txt")), ("relations",), ("feeds", "add", "http://x.test/rss")):
            r = _cli(*args, "--db", str(db))
            assert r.returncode == 3, (args, r.stdout, r.stderr)
            message = " ".join(r.stderr.split())
            assert f"in use by process {holder.pid}" in message, message
            assert "IO Error" not in message and "Traceback" not in message
    finally:
        holder.kill()
        holder.wait()
