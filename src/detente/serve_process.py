"""``detente serve`` as a child process on 127.0.0.1 and a free port: for tests, benchmarks and the API fuzz run.

Started with the running interpreter (``python -m detente.cli serve``), it is waited for through
``/api/health`` for a bounded time and stopped with terminate, then kill.  One launcher for the test suite's
live servers, ``bench/live.py`` and ``scripts/fuzz_api.py``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ServeProcess:
    """``detente serve --db DB`` in a subprocess, its output in ``log``.

    Args:
        token: the write token, passed through ``DETENTE_TOKEN`` (None: no token, writes off; an inherited
            ``DETENTE_TOKEN`` is dropped).
        args: more ``serve`` options.
        env: more environment variables.
        start_seconds: how long to wait for ``/api/health``; RuntimeError (with the log's tail) after it, or
            when the process exits first.
    """

    def __init__(self, db: Path, log: Path, *, token: str | None = None, args: Sequence[str] = (),
                 env: Mapping[str, str] | None = None, start_seconds: float = 60.0) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        environ = {k: v for k, v in os.environ.items() if k != "DETENTE_TOKEN"} | dict(env or {})
        if token:
            environ["DETENTE_TOKEN"] = token
        self._log_file = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(self.port), *args],
            stdout=self._log_file, stderr=subprocess.STDOUT, env=environ,
        )
        try:
            self._wait_ready(start_seconds)
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self, seconds: float) -> None:
        import httpx

        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"detente serve exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2.0, trust_env=False).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"detente serve did not answer within {seconds:.0f} s:\n{self.log_tail()}")

    def log_tail(self, chars: int = 4000) -> str:
        self._log_file.flush()
        return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if not self._log_file.closed:
            self._log_file.close()

    def __enter__(self) -> ServeProcess:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()
