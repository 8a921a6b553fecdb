"""Fuzz the HTTP API: schemathesis over the server's own /openapi.json, plus raw hostile requests.

    python scripts/fuzz_api.py                     # the long run (make fuzz-api): 400 examples per operation and mode
    python scripts/fuzz_api.py --examples 20 --json

Starts ``detente serve`` in a subprocess on 127.0.0.1 over a store of the bundled samples (ingest on, with a
token the fuzzer never sends, so ``POST /api/ingest`` is exercised up to its refusals and no URL is ever
fetched).  Every request is timed and classified:

- crash: a 5xx answer, or a body that is not JSON (every /api route and /openapi.json answer JSON);
- hang: no answer within 60 s;
- schema violation: an answer that does not conform to the OpenAPI schema (status, shape), as schemathesis checks.

Part of ``make fuzz`` (``run_api_fuzz`` is the function a fuzz runner calls); the test suite runs a small
fixed budget of the same in tests/api/test_schema.py.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
HANG_SECONDS = 60.0
TOKEN = "fuzz-token-never-sent"


@dataclass
class FuzzCounts:
    requests: int = 0
    crashes: int = 0
    hangs: int = 0
    schema_violations: int = 0
    operations: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)  # the first few failures, for the report

    def note(self, kind: str, text: str) -> None:
        setattr(self, kind, getattr(self, kind) + 1)
        if len(self.examples) < 20:
            self.examples.append(f"{kind}: {text[:300]}")


def build_store(folder: Path, pipeline: Any = None) -> Path:
    """A store of the bundled sample corpus (samples/), ingested with its manifest."""
    from detente.jobs import ingest
    from detente.pipeline import Pipeline
    from detente.store import Store

    db = folder / "fuzz.duckdb"
    with Store(db) as store:
        ingest([str(REPO / "samples")], store=store, pipeline=pipeline or Pipeline.load(),
               manifest=REPO / "samples" / "manifest.csv")
    return db


def start_server(db: Path, log: Path) -> Any:
    """``detente serve`` on 127.0.0.1 (ingest on, with a token nobody sends), this checkout's code first."""
    from detente.serve_process import ServeProcess

    path = f"{REPO / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"
    return ServeProcess(db, log, token=TOKEN, env={"PYTHONPATH": path}, start_seconds=120)


def _classify(counts: FuzzCounts, label: str, status: int, body: bytes, elapsed: float) -> None:
    counts.requests += 1
    if elapsed > HANG_SECONDS:
        counts.note("hangs", f"{label}: {elapsed:.0f} s")
    if status >= 500:
        counts.note("crashes", f"{label}: HTTP {status} {body[:200]!r}")
        return
    try:
        json.loads(body)
    except ValueError:
        counts.note("crashes", f"{label}: HTTP {status}, body not JSON: {body[:200]!r}")


def fuzz_schema(url: str, counts: FuzzCounts, examples: int, seed: int) -> None:
    """schemathesis over every operation of ``url``/openapi.json, valid and invalid inputs."""
    import requests
    import schemathesis
    from hypothesis import HealthCheck, given, settings
    from schemathesis import GenerationMode
    from schemathesis.specs.openapi.checks import negative_data_rejection

    schema = schemathesis.openapi.from_url(f"{url}/openapi.json", timeout=HANG_SECONDS)
    spec = requests.get(f"{url}/openapi.json", timeout=HANG_SECONDS).json()
    for path, ops in spec["paths"].items():
        for method, op in ops.items():
            operation = schema[path][method.upper()]
            modes = [GenerationMode.POSITIVE] + ([GenerationMode.NEGATIVE] if op.get("parameters") or
                                                  op.get("requestBody") else [])
            counts.operations += 1
            for mode in modes:
                label = f"{method.upper()} {path} {mode.value}"

                @given(case=operation.as_strategy(generation_mode=mode))
                @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck),
                          database=None, derandomize=False, print_blob=False)
                def one(case: Any) -> None:
                    started = time.monotonic()
                    try:
                        response = case.call(base_url=url, timeout=HANG_SECONDS + 5)
                    except requests.Timeout:
                        counts.requests += 1
                        counts.note("hangs", f"{label}: no answer in {HANG_SECONDS:.0f} s")
                        return
                    _classify(counts, f"{label} {case.formatted_path}", response.status_code, response.content,
                              time.monotonic() - started)
                    try:
                        case.validate_response(response, excluded_checks=[negative_data_rejection]
                                               if mode == GenerationMode.NEGATIVE else [])
                    except Exception as exc:  # a schemathesis check failure: counted, the run goes on
                        counts.note("schema_violations", f"{label}: {str(exc).splitlines()[0] if str(exc) else exc!r}")

                import hypothesis

                hypothesis.seed(seed)(one)()


def fuzz_raw(url: str, counts: FuzzCounts, examples: int, seed: int) -> None:
    """Hostile requests the schema does not describe: odd Host and Authorization bytes, bodies of any bytes."""
    import httpx
    from hypothesis import HealthCheck, given, settings, seed as hseed
    from hypothesis import strategies as st

    port = int(url.rsplit(":", 1)[1])
    header_bytes = st.binary(max_size=80).map(lambda b: b.replace(b"\r", b"").replace(b"\n", b""))

    @hseed(seed)
    @settings(max_examples=examples, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    @given(host=st.one_of(st.just(b"127.0.0.1"), header_bytes), auth=header_bytes, body=st.binary(max_size=4096),
           ctype=st.sampled_from([b"application/json", b"text/plain", b"multipart/form-data; boundary=x", b""]),
           path=st.sampled_from([b"/api/ingest", b"/api/health", b"/api/events?limit=5", b"/api/../api/health",
                                 b"/api/dyads/RUS/%00", b"/openapi.json"]),
           method=st.sampled_from([b"GET", b"POST", b"PUT", b"OPTIONS"]))
    def one(host: bytes, auth: bytes, body: bytes, ctype: bytes, path: bytes, method: bytes) -> None:
        head = (method + b" " + path + b" HTTP/1.1\r\nHost: " + host + b"\r\nAuthorization: " + auth +
                b"\r\nContent-Type: " + ctype + b"\r\nContent-Length: " + str(len(body)).encode() +
                b"\r\nConnection: close\r\n\r\n")
        started = time.monotonic()
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=HANG_SECONDS) as s:
                s.sendall(head + body)
                answer = b""
                while chunk := s.recv(65536):
                    answer += chunk
        except socket.timeout:
            counts.requests += 1
            counts.note("hangs", f"raw {method!r} {path!r}: no answer in {HANG_SECONDS:.0f} s")
            return
        except ConnectionResetError:
            answer = b""
        elapsed = time.monotonic() - started
        status_line, _, rest = answer.partition(b"\r\n")
        try:
            status = int(status_line.split()[1])
        except (IndexError, ValueError):
            counts.requests += 1
            counts.note("crashes", f"raw {method!r} {path!r}: no HTTP answer {answer[:100]!r}")
            return
        body_out = rest.partition(b"\r\n\r\n")[2]
        if status == 400 and b"invalid http request" in answer.lower():  # refused by the HTTP parser itself
            counts.requests += 1
            return
        _classify(counts, f"raw {method.decode(errors='replace')} {path.decode(errors='replace')}", status,
                  body_out, elapsed)

    del httpx
    one()


def run_api_fuzz(examples: int = 400, seed: int = 0, raw_examples: int | None = None,
                 pipeline: Any = None) -> FuzzCounts:
    """The API part of ``make fuzz``: returns the counts (requests, crashes, hangs, schema violations)."""
    counts = FuzzCounts()
    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="detente-fuzz-api-"))
    try:
        db = build_store(folder, pipeline)
        server = start_server(db, folder / "serve.log")
        try:
            fuzz_schema(server.url, counts, examples, seed)
            fuzz_raw(server.url, counts, raw_examples if raw_examples is not None else examples * 10, seed)
        finally:
            server.stop()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    counts.seconds = round(time.monotonic() - started, 1)
    return counts


# Requests per example of ``run_api_fuzz``: about 26 schema cases (14 operations, 12 of them with an invalid
# mode too) plus 10 raw requests.
REQUESTS_PER_EXAMPLE = 36


def _register_with_the_fuzz_runner() -> None:
    """When scripts/fuzz.py (``make fuzz``) imports this module, add the API as one of its parts."""
    runner = sys.modules.get("fuzz")
    if runner is None or not hasattr(runner, "part"):
        return

    @runner.part("api", 0.15)
    def api_part(n: int, ctx: Any) -> Any:
        examples = max(1, round(n / REQUESTS_PER_EXAMPLE))
        ctx.log(f"api: {examples} examples per operation and mode, {examples * 10} raw requests")
        counts = run_api_fuzz(examples, seed=ctx.rng.randrange(2**31), pipeline=ctx.pipeline)
        result = runner.Result("api", inputs=counts.requests, crashes=counts.crashes, hangs=counts.hangs,
                               seconds=counts.seconds)
        for line in counts.examples:
            result.note(line)
        if counts.schema_violations:
            result.note(f"{counts.schema_violations} responses did not conform to the OpenAPI schema")
        return result


_register_with_the_fuzz_runner()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=400, help="examples per operation and generation mode")
    parser.add_argument("--raw", type=int, default=None, help="raw hostile requests (default: 10x --examples)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    counts = run_api_fuzz(args.examples, args.seed, args.raw)
    if args.json:
        print(json.dumps(asdict(counts), indent=2))
    else:
        print(f"API fuzz: {counts.requests} requests over {counts.operations} operations in {counts.seconds} s: "
              f"{counts.crashes} crashes (5xx or not JSON), {counts.hangs} hangs (> {HANG_SECONDS:.0f} s), "
              f"{counts.schema_violations} schema violations")
        for line in counts.examples:
            print("  " + line)
    return 0 if counts.crashes == counts.hangs == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
