"""/api/health latency under 8 clients while 40 slow URL fetches are pending (issue 10, "Measured").

    python bench/health_under_fetch.py                # 8 clients, 40 pending fetches, 20 s per phase
    python bench/health_under_fetch.py --json --seconds 10

Everything runs on 127.0.0.1: ``detente serve`` (a subprocess, ingest on, ``--allow-private-urls`` so it may
fetch from the local slow server) over an empty store, and ``bench/slow_server.py`` trickling one byte every
0.2 s.  Two phases in the same run, same server, same clients:

1. *idle*: 8 client threads call ``GET /api/health`` back to back for ``--seconds`` (after an uncounted
   warm-up of 5 s);
2. *loaded*: 40 more threads each keep one ``POST /api/ingest {"url": <trickle>}`` pending (when a fetch ends
   at its 10 s deadline the thread sends the next one at once), and the same 8 clients call health again.

Reported: p50, p95 and max latency and requests/s of each phase, the ratio loaded/idle of p95, and how many
fetches were pending (min / mean over the loaded phase; at most 8 of them are connected to the slow server at
any time, the fetch cap).  The target: loaded p95 < 200 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from bench.slow_server import SlowServer  # noqa: E402

TOKEN = "bench-token"


def _serve(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {**os.environ, "DETENTE_TOKEN": TOKEN,
           "PYTHONPATH": f"{REPO / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    proc = subprocess.Popen([sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(port),
                             "--allow-private-urls"], stdout=log.open("w"), stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/api/health", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"server did not start: {log.read_text()[-2000:]}")


def _hammer(url: str, clients: int, seconds: float) -> tuple[list[float], int]:
    """``clients`` threads calling health back to back for ``seconds``; latencies in ms, and failures."""
    latencies: list[float] = []
    failures = 0
    lock = threading.Lock()
    end = time.monotonic() + seconds

    def one() -> None:
        nonlocal failures
        with httpx.Client(base_url=url, timeout=60) as c:
            while time.monotonic() < end:
                t = time.perf_counter()
                try:
                    ok = c.get("/api/health").status_code == 200
                except httpx.HTTPError:
                    ok = False
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    latencies.append(ms)
                    failures += not ok

    threads = [threading.Thread(target=one) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, failures


def _summary(latencies: list[float], failures: int, seconds: float) -> dict[str, Any]:
    ordered = sorted(latencies)
    q = statistics.quantiles(ordered, n=100) if len(ordered) >= 2 else ordered * 100
    return {"requests": len(ordered), "failures": failures, "rps": round(len(ordered) / seconds, 1),
            "p50_ms": round(q[49], 1), "p95_ms": round(q[94], 1), "max_ms": round(ordered[-1], 1)}


def measure(clients: int = 8, fetches: int = 40, seconds: float = 20.0) -> dict[str, Any]:
    from detente.store import Store

    work = Path(tempfile.mkdtemp(prefix="detente-health-bench-"))
    db = work / "empty.duckdb"
    Store(db).close()
    proc, url = _serve(db, work / "serve.log")
    stop = threading.Event()
    pending = 0
    answers: dict[int, int] = {}
    lock = threading.Lock()
    try:
        with SlowServer() as slow:
            _hammer(url, clients, min(5.0, seconds))  # warm-up, not counted (first connections, caches)
            idle = _hammer(url, clients, seconds)

            def fetcher() -> None:
                nonlocal pending
                with httpx.Client(base_url=url, timeout=120, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
                    while not stop.is_set():
                        with lock:
                            pending += 1
                        try:
                            status = c.post("/api/ingest", json={"url": f"{slow.url}/trickle?seconds=60"}).status_code
                        except httpx.HTTPError:
                            status = -1
                        with lock:
                            pending -= 1
                            answers[status] = answers.get(status, 0) + 1

            threads = [threading.Thread(target=fetcher, daemon=True) for _ in range(fetches)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 30
            while slow.active < min(fetches, 8) and time.monotonic() < deadline:
                time.sleep(0.1)
            samples: list[int] = []
            sampling = threading.Event()

            def sample() -> None:
                while not sampling.is_set():
                    samples.append(pending)
                    time.sleep(0.2)

            sampler = threading.Thread(target=sample)
            sampler.start()
            loaded = _hammer(url, clients, seconds)
            sampling.set()
            sampler.join()
            peak_connected = slow.peak
            stop.set()
            for t in threads:
                t.join(timeout=30)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
    idle_s, loaded_s = _summary(*idle, seconds), _summary(*loaded, seconds)
    return {
        "clients": clients, "fetches_pending_target": fetches, "seconds_per_phase": seconds,
        "idle": idle_s, "loaded": loaded_s,
        "p95_ratio_loaded_to_idle": round(loaded_s["p95_ms"] / idle_s["p95_ms"], 2) if idle_s["p95_ms"] else None,
        "fetches_pending_min": min(samples) if samples else 0,
        "fetches_pending_mean": round(statistics.mean(samples), 1) if samples else 0,
        "fetches_connected_peak": peak_connected,
        "fetch_answers": answers,
        "target_met": loaded_s["p95_ms"] < 200 and loaded_s["failures"] == 0,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--fetches", type=int, default=40)
    p.add_argument("--seconds", type=float, default=20.0)
    p.add_argument("--json", action="store_true")
    a = p.parse_args()
    r = measure(a.clients, a.fetches, a.seconds)
    if a.json:
        print(json.dumps(r, indent=2))
        return 0
    print(f"health under {r['clients']} clients, {r['seconds_per_phase']:g} s per phase")
    for phase in ("idle", "loaded"):
        s = r[phase]
        print(f"  {phase:6}  p50 {s['p50_ms']:7.1f} ms  p95 {s['p95_ms']:7.1f} ms  max {s['max_ms']:7.1f} ms  "
              f"{s['rps']:7.1f} req/s  {s['requests']} requests, {s['failures']} failed")
    print(f"  fetches pending during the loaded phase: min {r['fetches_pending_min']}, mean "
          f"{r['fetches_pending_mean']} (connected at once, peak: {r['fetches_connected_peak']}); answers "
          f"{r['fetch_answers']}")
    print(f"  p95 loaded/idle: {r['p95_ratio_loaded_to_idle']}; target p95 < 200 ms: "
          f"{'met' if r['target_met'] else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
