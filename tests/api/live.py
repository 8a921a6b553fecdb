"""``detente serve`` in a subprocess for tests over real HTTP (used by tests/api and tests/web).

Not a test module: imported by the conftests.  Every server listens on
127.0.0.1 and a free port, waits a bounded time to come up, and is stopped
(terminate, then kill) when its fixture ends.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

TOKEN = "test-token-7f3a"
# The base URL of in-process clients: a Host on the server's allow-list (TestClient's default "testserver" is not).
LOCAL = "http://127.0.0.1"
SERVER_START_SECONDS = 60.0
REQUEST_SECONDS = 30.0


def copy_store(src: Path, folder: Path) -> Path:
    """A private copy of a (closed) store file, so a server can hold it without locking anyone else out."""
    folder.mkdir(parents=True, exist_ok=True)
    dst = folder / src.name
    shutil.copyfile(src, dst)
    return dst


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``detente serve`` in a subprocess on 127.0.0.1 and a free port."""

    def __init__(self, db: Path, log: Path, *, token: str | None = None, args: tuple[str, ...] = ()) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {k: v for k, v in os.environ.items() if k != "DETENTE_TOKEN"}
        if token:
            env["DETENTE_TOKEN"] = token  # the environment path; --token is covered in-process
        self.log = log
        self._log_file = log.open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "detente.cli", "serve", "--db", str(db), "--port", str(self.port), *args],
            stdout=self._log_file, stderr=subprocess.STDOUT, env=env,
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                pytest.fail(f"detente serve exited with {self.proc.returncode}:\n{self.log.read_text()}")
            try:
                if httpx.get(self.url + "/api/health", timeout=2.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        pytest.fail(f"detente serve did not answer within {SERVER_START_SECONDS} s:\n{self.log.read_text()}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        self._log_file.close()
