"""The dashboard in headless Chromium on the seeds: the map, a dyad's evidence and shifts, filters, escaping."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from api.live import REQUEST_SECONDS, TOKEN

pytestmark = [pytest.mark.model, pytest.mark.slow]

HOSTILE_TEXT = (
    "Brazil accused Argentina on Monday of hiding <script>window.__pwned = 1</script> in its trade talks, and the "
    "foreign minister said the <img src=x onerror=\"window.__pwned = 2\"> deal was over.\n\n"
    "Argentina rejected the claim and said the talks would go on."
)
HOSTILE_TITLE = "Trade row <img src=x onerror=\"window.__pwned = 3\">"
HOSTILE_OUTLET = "The <b>Bold</b> Courier"


def _edges(page: Any) -> int:
    return int(page.locator("#map .edge").count())


def _set_slider(page: Any, index: int) -> None:
    page.eval_on_selector(
        "#time-slider",
        "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input')); "
        "el.dispatchEvent(new Event('change')); }",
        index,
    )


def test_dashboard_map_of_the_seeds(page: Any) -> None:
    assert _edges(page) >= 5
    edge = page.locator('[data-testid="edge-ISR-RUS"]')
    assert edge.count() == 1
    assert "Israel – Russia" in edge.get_attribute("aria-label")
    assert {"coop", "conflict", "mixed"} & set(edge.get_attribute("class").split())
    labels = page.locator("#map .node text").all_text_contents()
    assert {"Russia", "Israel", "Hamas", "Iran"} <= set(labels)
    assert "relations between" in page.locator("#status").text_content()


def test_dashboard_click_russia_israel_shows_evidence_and_background(page: Any, web_server: Any) -> None:
    page.locator('[data-testid="edge-ISR-RUS"] .hit').click()
    page.wait_for_selector("#evidence .evidence-item")
    assert page.locator("#dyad").is_visible()
    assert page.locator("#dyad-title").text_content() == "Israel – Russia"
    quotes = page.locator("#evidence .evidence-item blockquote").all_text_contents()
    assert len(quotes) >= 3 and any("no friend of Israel" in q for q in quotes)
    outlets = set(page.locator("#evidence .evidence-item .outlet").all_text_contents())
    assert {"The Spectator", "Al-Monitor"} <= outlets
    assert page.locator("#dyad-chart .bar").count() >= 2
    # The seeds' Russia-Israel turn is told only as background, so no shift is shown for the pair (issue 12).
    assert page.locator("#dyad-shifts li.shift").count() == 0
    # The hedged, negated and background marks are the API's, item for item.
    dyad = httpx.get(f"{web_server.url}/api/dyads/ISR/RUS", timeout=REQUEST_SECONDS).json()
    n_background = sum(e["background"] for e in dyad["evidence"])
    assert n_background >= 1 and page.locator("#evidence .flag.background").count() == n_background
    # background told without a time has no made-up day
    dates = page.locator("#evidence .evidence-item .date").all_text_contents()
    assert "before publication" in dates
    assert page.locator("#evidence .flag.hedged").count() == sum(e["hedged"] for e in dyad["evidence"])
    assert page.locator("#evidence .flag.negated").count() == sum(e["negated"] for e in dyad["evidence"])
    assert page.locator("#evidence .flag.hedged, #evidence .flag.negated").count() >= 1
    assert page.locator('[data-testid="edge-ISR-RUS"]').get_attribute("class").split().count("selected") == 1


def test_dashboard_time_slider_narrows_the_map(page: Any, web_server: Any) -> None:
    everything = _edges(page)
    windows = httpx.get(f"{web_server.url}/api/timeline", timeout=REQUEST_SECONDS).json()["windows"]
    last = len(windows)
    _set_slider(page, last)
    label = windows[-1]["label"]
    page.wait_for_function("label => document.querySelector('#status').textContent.includes('(' + label + ')')",
                           arg=label)
    assert page.locator("#time-label").text_content() == label
    narrowed = _edges(page)
    assert 0 < narrowed < everything
    page.check("#cumulative")
    page.wait_for_function("label => document.querySelector('#status').textContent.includes('up to ' + label)",
                           arg=label)
    assert _edges(page) == everything  # up to the last window is everything dated


def test_dashboard_outlet_country_filter(page: Any) -> None:
    everything = _edges(page)
    page.select_option("#country", "USA")
    page.wait_for_function("n => document.querySelectorAll('#map .edge').length < n", arg=everything)
    page.locator('[data-testid="edge-ISR-RUS"] .hit').click()
    page.wait_for_selector("#evidence .evidence-item")
    assert set(page.locator("#evidence .evidence-item .outlet").all_text_contents()) == {"Al-Monitor"}


def test_dashboard_outlet_checkbox_excludes(page: Any) -> None:
    everything = _edges(page)
    for box in page.locator("#outlets input[type=checkbox]").all():
        if box.get_attribute("data-outlet") != "Al-Monitor":
            box.uncheck()
    page.wait_for_function("n => document.querySelectorAll('#map .edge').length < n", arg=everything)
    page.locator('[data-testid="edge-ISR-RUS"] .hit').click()
    page.wait_for_selector("#evidence .evidence-item")
    assert set(page.locator("#evidence .evidence-item .outlet").all_text_contents()) == {"Al-Monitor"}


def test_dashboard_search(page: Any) -> None:
    page.fill("#search-input", "no friend")
    page.click("#search-form button")
    page.wait_for_selector("#evidence .search-hit")
    assert all("no friend" in q.lower() for q in page.locator("#evidence blockquote").all_text_contents())


def test_dashboard_shows_article_markup_as_text(browser_context: Any, web_server: Any) -> None:
    response = httpx.post(
        f"{web_server.url}/api/ingest", timeout=120,
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE, "outlet": HOSTILE_OUTLET, "published": "2024-05-06"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["events"] >= 1
    tab = browser_context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        tab.goto(web_server.url + "/")
        tab.wait_for_selector("body[data-ready=true]")
        tab.locator('[data-testid="edge-ARG-BRA"] .hit').click()
        tab.wait_for_selector("#evidence .evidence-item")
        quote = tab.locator("#evidence .evidence-item blockquote").first.text_content()
        assert "<script>window.__pwned = 1</script>" in quote
        assert '<img src=x onerror="window.__pwned = 2">' in quote
        assert tab.locator("#evidence .evidence-item .doc").first.text_content() == HOSTILE_TITLE
        assert HOSTILE_OUTLET in tab.locator("#evidence .evidence-item .outlet").all_text_contents()
        assert any(HOSTILE_OUTLET in t for t in tab.locator("#outlets label").all_text_contents())
        tab.fill("#search-input", "__pwned")
        tab.click("#search-form button")
        tab.wait_for_selector("#evidence .search-hit")
        hit = tab.locator("#evidence .search-hit blockquote").first.text_content()
        assert "<script>window.__pwned = 1</script>" in hit
        # Nothing from the article became markup, and nothing ran.
        assert tab.locator("body img, #evidence script, #outlets b").count() == 0
        assert tab.evaluate("typeof window.__pwned") == "undefined"
    finally:
        tab.close()
    assert errors == []
