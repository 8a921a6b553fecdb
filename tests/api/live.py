"""``detente serve`` in a subprocess for tests over real HTTP (used by tests/api and tests/web).

Not a test module: imported by the conftests.  Every server listens on
127.0.0.1 and a free port, waits a bounded time to come up, and is stopped
(terminate, then kill) when its fixture ends.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from detente.serve_process import ServeProcess

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


class LiveServer(ServeProcess):
    """``detente serve`` in a subprocess on 127.0.0.1 and a free port; a failed start fails the test."""

    def __init__(self, db: Path, log: Path, *, token: str | None = None, args: tuple[str, ...] = ()) -> None:
        try:
            # the token through the environment; --token is covered in-process
            super().__init__(db, log, token=token, args=args, start_seconds=SERVER_START_SECONDS)
        except RuntimeError as exc:
            pytest.fail(str(exc))
