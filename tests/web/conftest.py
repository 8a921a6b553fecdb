"""Fixtures of the browser tests: Debian's headless Chromium driven by Playwright, and a live server.

Chromium comes from Debian's ``chromium`` package (``.ci/run`` installs it);
Playwright's own browser download does not work here and is never used.
Without Chromium or Playwright the browser tests skip with the reason, so a
developer can run the rest of the suite; under CI (``CI=true``) they fail
instead, so a CI run can never pass without them.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from api.live import TOKEN, LiveServer, copy_store

CHROMIUM = "/usr/bin/chromium"
# Flags this machine needs (see the machine notes): no sandbox as root, no GPU,
# and no background traffic, which the closed network would refuse.
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
PAGE_TIMEOUT_MS = 20_000


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install -e '.[test]')"
    if not (shutil.which("chromium") or Path(CHROMIUM).exists()):
        return "Debian's chromium is not installed (apt-get install -y chromium)"
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    reason = _missing()
    if reason is not None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}: CI must run the browser tests")
        pytest.skip(reason)
    return shutil.which("chromium") or CHROMIUM


@pytest.fixture(scope="session")
def browser_context(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the session, with a new empty profile (user data dir)."""
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, headless=True, args=CHROMIUM_FLAGS,
            viewport={"width": 1400, "height": 1000},
        )
        context.set_default_timeout(PAGE_TIMEOUT_MS)
        yield context
        context.close()


@pytest.fixture(scope="session")
def web_server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """``detente serve`` on a copy of the seeds with ingest on (token from DETENTE_TOKEN)."""
    folder = tmp_path_factory.mktemp("web")
    server = LiveServer(copy_store(seed_store, folder), folder / "serve.log", token=TOKEN)
    yield server
    server.stop()


@pytest.fixture()
def page(browser_context: Any, web_server: LiveServer) -> Iterator[Any]:
    """A fresh tab on the dashboard, ready; fails the test on any uncaught script error."""
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    # the server's Content-Security-Policy refuses inline scripts and styles: the dashboard must need none
    tab.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
    tab.goto(web_server.url + "/")
    tab.wait_for_selector("body[data-ready=true]")
    yield tab
    tab.close()
    assert errors == [], f"script errors or refused inline code on the dashboard: {errors}"
