"""Feeds polled politely against a feed server on 127.0.0.1 that the test starts: 20 feeds over 3 cycles with a
restart between cycles, conditional GETs, robots.txt, deduplication by canonical URL and content hash."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from detente.feeds.poll import HostLimiter, Poller, canonical_url, new_since_last_poll, parse_entries
from detente.store import Store
from detente.store import feeds as feed_store

from feeds.feedserver import FeedSite

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from bench import corpus  # noqa: E402  (the benchmark's article generator: real wire sentences, recombined)


def test_canonical_url_drops_tracking_fragment_default_port_and_sorts_the_query():
    assert canonical_url("HTTPS://Example.ORG:443/World/story/?utm_source=rss&b=2&a=1#top") == \
        "https://example.org/World/story?a=1&b=2"
    assert canonical_url("http://example.org:8080/a") == "http://example.org:8080/a"
    assert canonical_url("http://example.org") == "http://example.org/"
    assert canonical_url("http://example.org/a?id=1") != canonical_url("http://example.org/a?id=2")


def test_host_limiter_spaces_requests_to_one_host_only():
    slept: list[float] = []
    limiter = HostLimiter(5.0, sleep=slept.append)
    limiter.wait("http://a.example/1")
    limiter.wait("http://b.example/1")
    assert slept == []
    limiter.wait("http://a.example/2")
    assert len(slept) == 1 and 4.0 < slept[0] <= 5.0


def test_sitemap_and_atom_entries_are_read():
    sitemap = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               b"<url><loc>http://x.example/a</loc><lastmod>2024-03-05T10:00:00Z</lastmod></url></urlset>")
    kind, entries = parse_entries(sitemap, "auto")
    assert kind == "sitemap" and entries[0].url == "http://x.example/a" and entries[0].published == dt.date(2024, 3, 5)
    atom = (b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>'
            b'<entry><title>One</title><link href="http://x.example/b"/><updated>2024-04-01T00:00:00Z</updated>'
            b"<id>1</id></entry></feed>")
    kind, entries = parse_entries(atom, "auto")
    assert kind == "rss" and entries[0].url == "http://x.example/b" and entries[0].published == dt.date(2024, 4, 1)


@pytest.fixture
def site():
    s = FeedSite().start()
    yield s
    s.stop()


def _article_paths(site: FeedSite) -> set[str]:
    return set(site.articles)


@pytest.mark.model
@pytest.mark.slow
def test_twenty_feeds_three_cycles_with_a_restart(tmp_path, site, pipeline):
    n_feeds = 20
    arts = list(corpus.iter_articles(n_feeds + 6, seed=11))
    for i in range(n_feeds):
        site.articles[f"/news/{i}"] = arts[i].text
        site.feeds[f"/feed/{i}.xml"] = [(f"/news/{i}", f"Story {i}", "Tue, 05 Mar 2024 10:00:00 GMT")]
    # the same article in two feeds, once with a tracking parameter: fetched once
    site.feeds["/feed/1.xml"].append(("/news/0?utm_source=feed1", "Story 0 again", "Tue, 05 Mar 2024 10:00:00 GMT"))
    # the same text under another URL: fetched, recognised by its content hash, not extracted
    site.articles["/mirror/3"] = arts[3].text
    site.feeds["/feed/2.xml"].append(("/mirror/3", "Mirror of 3", "Tue, 05 Mar 2024 11:00:00 GMT"))
    # disallowed by robots.txt: never fetched
    site.articles["/private/x"] = arts[n_feeds].text
    site.feeds["/feed/4.xml"].append(("/private/x", "Private", "Tue, 05 Mar 2024 10:00:00 GMT"))
    # feed 19 is a sitemap
    del site.feeds["/feed/19.xml"]
    site.sitemaps["/feed/19.xml"] = [("/news/19", "2024-03-06")]

    db = tmp_path / "feeds.duckdb"
    with Store(db) as store:
        for i in range(n_feeds):
            feed_store.add_feed(store, f"{site.base}/feed/{i}.xml", outlet=f"Outlet {i % 4}", kind="auto",
                                interval_s=900)

    def cycle() -> dict:
        with Store(db) as store:  # a fresh store and poller each cycle: a restart between cycles
            poller = Poller(store, lambda: pipeline, allow_private=True, min_interval=0.0)
            summary = poller.poll_once(force=True)
            return summary.to_dict() | {"docs": store.counts()["documents"]}

    first = cycle()
    assert first["feeds"] == n_feeds and first["errors"] == 0, first
    assert first["stored"] == n_feeds and first["duplicates"] == 1 and first["rejected"] == 1, first
    assert first["extracted"] == n_feeds
    assert site.fetches("/private/x") == 0
    assert site.fetches("/news/0") == 1
    with Store(db, read_only=True) as store:
        docs = store.query("SELECT url, outlet, published, date_basis FROM documents ORDER BY url")
        assert {d["outlet"] for d in docs} == {f"Outlet {i}" for i in range(4)}  # outlet from the feed
        by_url = {d["url"]: d for d in docs}
        assert by_url[f"{site.base}/news/5"]["published"] == dt.date(2024, 3, 5)  # date from the feed entry
        assert by_url[f"{site.base}/news/19"]["published"] == dt.date(2024, 3, 6)  # from the sitemap

    # cycle 2: five feeds gain an article, one feed's server fails; the rest are unchanged
    for i in range(5):
        path = f"/news/new{i}"
        site.articles[path] = arts[n_feeds + 1 + i].text
        site.feeds[f"/feed/{10 + i}.xml"].insert(0, (path, f"New {i}", "Wed, 06 Mar 2024 10:00:00 GMT"))
    site.fail.add("/feed/18.xml")
    second = cycle()
    assert second["stored"] == 5 and second["extracted"] == 5, second
    assert second["not_modified"] == n_feeds - 5 - 1
    assert second["errors"] == 1 and second["docs"] == n_feeds + 5
    site.fail.clear()

    third = cycle()
    assert third["not_modified"] == n_feeds  # feed 18's validators were kept from cycle 1: a 304 too
    assert third["fetched"] == 0 and third["extracted"] == 0 and third["stored"] == 0, third

    # no article was fetched twice, across 3 cycles and 3 restarts
    for path in site.articles:
        assert site.fetches(path) <= 1, (path, site.fetches(path))
    # every conditional request carried the validators of the last answer, and detente's User-Agent
    feed_requests = [h for p, _, h in site.log if p.startswith("/feed/")]
    assert all("detente" in h.get("user-agent", "") for h in feed_requests)
    assert sum(1 for p, s, _ in site.log if s == 304) == (n_feeds - 6) + n_feeds

    with Store(db, read_only=True) as store:
        feeds = {f["url"]: f for f in feed_store.list_feeds(store)}
        assert feeds[f"{site.base}/feed/18.xml"]["errors"] == 0  # recovered
        news = new_since_last_poll(store)
        assert news["documents"] == 0 and news["relations"] == [] and news["shifts"] == []


@pytest.mark.model
def test_a_failing_feed_backs_off_and_new_articles_are_listed_since_the_last_poll(tmp_path, site, pipeline):
    arts = list(corpus.iter_articles(2, seed=5))
    site.articles["/a"] = arts[0].text
    site.feeds["/ok.xml"] = [("/a", "A", "Tue, 05 Mar 2024 10:00:00 GMT")]
    site.fail.add("/bad.xml")
    db = tmp_path / "s.duckdb"
    now = dt.datetime(2026, 1, 1, 12, 0)
    with Store(db) as store:
        feed_store.add_feed(store, f"{site.base}/ok.xml", outlet="Wire", kind="rss", interval_s=600)
        feed_store.add_feed(store, f"{site.base}/bad.xml", outlet="Wire", kind="rss", interval_s=600)
        poller = Poller(store, lambda: pipeline, allow_private=True, min_interval=0.0)
        summary = poller.poll_once(now=now, force=True)
        assert summary.stored == 1 and len(summary.errors) == 1
        feeds = {f["url"].rsplit("/", 1)[1]: f for f in feed_store.list_feeds(store)}
        assert feeds["bad.xml"]["errors"] == 1 and feeds["bad.xml"]["last_error"].startswith("fetch failed")
        assert feeds["bad.xml"]["next_poll_at"] == now + dt.timedelta(seconds=1200)  # 2 x the interval
        assert feeds["ok.xml"]["next_poll_at"] == now + dt.timedelta(seconds=600)
        # nothing due 5 minutes later: no request, no cycle recorded
        before = len(site.log)
        assert poller.poll_once(now=now + dt.timedelta(minutes=5)).feeds == 0
        assert len(site.log) == before
        news = new_since_last_poll(store)
        assert news["documents"] == 1 and news["poll"]["id"] == summary.poll_id
        with Store(tmp_path / "other.duckdb") as empty:
            assert new_since_last_poll(empty)["poll"] is None


def test_feed_fetches_refuse_loopback_without_the_allow_flag(tmp_path, site):
    site.feeds["/f.xml"] = []
    with Store(tmp_path / "s.duckdb") as store:
        feed_store.add_feed(store, f"{site.base}/f.xml", outlet=None, kind="rss", interval_s=600)
        summary = Poller(store, lambda: None, min_interval=0.0).poll_once(force=True)
    assert summary.feeds == 1 and len(summary.errors) == 1 and "refused" in summary.errors[0]["error"]
    assert site.log == []  # not even robots.txt was requested
