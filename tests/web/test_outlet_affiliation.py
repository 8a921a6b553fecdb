"""The dashboard's state-affiliation select (issue 15, the outlet view) in headless Chromium on the seeds."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from api.live import REQUEST_SECONDS

pytestmark = [pytest.mark.model, pytest.mark.slow]


def test_dashboard_affiliation_select_filters_the_map(page: Any, web_server: Any) -> None:
    options = page.locator("#affiliation option").all_text_contents()
    outlets = httpx.get(web_server.url + "/api/outlets", timeout=REQUEST_SECONDS).json()
    groups = {o["affiliation_group"] for o in outlets}
    assert options[0] == "All outlets" and {o.rsplit(" (", 1)[0] for o in options[1:]} == groups
    expected = httpx.get(web_server.url + "/api/network", params={"outlet_affiliation": "not listed"},
                         timeout=REQUEST_SECONDS).json()
    everything = int(page.locator("#map .edge").count())
    assert len(expected["relations"]) < everything  # the article with no outlet is in no affiliation
    page.select_option("#affiliation", "not listed")
    page.wait_for_function("n => document.querySelectorAll('#map .edge').length === n",
                           arg=len(expected["relations"]))
