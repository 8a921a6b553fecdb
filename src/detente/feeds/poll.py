"""Poll followed feeds and sitemaps, fetch their new articles politely, and ingest them.

One cycle (``Poller.poll_once``) goes over the feeds that are due:

1. ``robots.txt`` of the feed's host is read once per host and cycle (``urllib.robotparser``); a URL it
   disallows for detente's User-Agent is not fetched (recorded as rejected, with the reason);
2. the feed is fetched with a conditional GET (the ``ETag`` and ``Last-Modified`` of its last answer): a 304
   costs no parsing and no extraction;
3. entries are parsed (``feedparser`` for RSS 0.9x/1.0/2.0 and Atom; ``<urlset>``/``<sitemapindex>`` sitemaps
   with the standard library's XML parser), and each entry's URL is canonicalised (``canonical_url``): a URL
   already in ``feed_items`` is never fetched again;
4. each new article is fetched through the project's safe fetch (address checks at every hop, size and time
   caps), at most one request per host every ``min_interval`` seconds, read by ``make_document`` (the same
   HTML extraction as ``detente ingest``) with the feed's outlet and the entry's date, and stored unless the
   same text is already stored (content hash = document id);
5. after an error the feed is retried after ``interval * 2**errors`` (capped at a day).

Every article's row in ``feed_items`` is written right after the article is stored, and a feed's validators
only after all its entries are done, so a restart at any point repeats no fetch that succeeded and loses
nothing (a feed cut off mid-way is fetched again, its known entries skipped).  No SQL here: the tables are in
``detente.store.feeds``.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib import robotparser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..errors import InputError
from ..model import Rejected
from ..store import feeds as feed_store

USER_AGENT = "detente/0.1 (+https://github.com/detente; news relations research; polite feed reader)"
ROBOTS_AGENT = "detente"
DEFAULT_INTERVAL_S = 900  # GDELT updates every 15 minutes
MIN_INTERVAL_S = 60
MAX_BACKOFF_S = 86_400
MAX_ITEMS_PER_FEED = 200  # entries read per feed answer: a feed is a window on the latest articles
# Query parameters that only track the reader: dropped from canonical URLs.
_TRACKING = ("utm_", "fbclid", "gclid", "mc_cid", "mc_eid", "ocid", "cmpid", "at_medium", "at_campaign")


def canonical_url(url: str) -> str:
    """The URL an article is known by: lower-case scheme and host, no default port, no fragment, no tracking
    parameters, the remaining query sorted, no trailing slash on a non-root path."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port is None or (scheme, port) in {("http", 80), ("https", 443)} else f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                   if not k.lower().startswith(_TRACKING))
    path = parts.path or "/"
    if len(path) > 1 and path.endswith("/"):
        path = path.rstrip("/")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


@dataclass
class Entry:
    url: str
    title: str | None
    published: dt.date | None


def parse_entries(body: bytes, kind: str) -> tuple[str, list[Entry]]:
    """The entries of a feed or sitemap body: ``(kind found, entries)``; kind is ``rss`` or ``sitemap``."""
    head = body[:2048].lstrip().lower()
    if kind == "sitemap" or (kind == "auto" and (b"<urlset" in head or b"<sitemapindex" in head)):
        return "sitemap", _sitemap_entries(body)
    return "rss", _feed_entries(body)


def _feed_entries(body: bytes) -> list[Entry]:
    import feedparser

    parsed = feedparser.parse(body)
    if parsed.get("bozo") and not parsed.entries:
        raise InputError(f"not a feed: {parsed.get('bozo_exception')}", "R01")
    out = []
    for e in parsed.entries[:MAX_ITEMS_PER_FEED]:
        link = e.get("link")
        if not link:
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday) if stamp else None
        out.append(Entry(link, e.get("title"), published))
    return out


def _sitemap_entries(body: bytes) -> list[Entry]:
    # The standard library's expat refuses external entities and caps entity expansion (billion laughs) in the
    # Python versions detente supports; the body is already capped in size by the fetch.
    import xml.etree.ElementTree as ET

    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise InputError(f"not a sitemap: {exc}", "R01") from exc
    out = []
    for node in root:
        tag = node.tag.rsplit("}", 1)[-1]
        if tag not in {"url", "sitemap"}:
            continue
        loc = lastmod = title = None
        for child in node.iter():
            name = child.tag.rsplit("}", 1)[-1]
            if name == "loc":
                loc = (child.text or "").strip()
            elif name in {"lastmod", "publication_date"} and child.text:
                lastmod = child.text.strip()
            elif name == "title" and child.text:
                title = child.text.strip()
        if not loc or tag == "sitemap":  # nested sitemap indexes are not followed (one level, bounded work)
            continue
        published = None
        if lastmod:
            try:
                published = dt.date.fromisoformat(lastmod[:10])
            except ValueError:
                published = None
        out.append(Entry(loc, title, published))
        if len(out) >= MAX_ITEMS_PER_FEED:
            break
    return out


class HostLimiter:
    """At most one request per host every ``min_interval`` seconds (thread-safe)."""

    def __init__(self, min_interval: float, sleep: Callable[[float], None] = time.sleep) -> None:
        self.min_interval = min_interval
        self._next: dict[str, float] = {}
        self._lock = threading.Lock()
        self._sleep = sleep

    def wait(self, url: str) -> None:
        host = (urlsplit(url).hostname or "").lower()
        with self._lock:
            now = time.monotonic()
            at = max(now, self._next.get(host, now))
            self._next[host] = at + self.min_interval
        if at > now:
            self._sleep(at - now)


@dataclass
class PollSummary:
    poll_id: int = 0
    feeds: int = 0
    not_modified: int = 0
    fetched: int = 0  # article requests made
    stored: int = 0
    duplicates: int = 0
    rejected: list[dict[str, str]] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)
    extracted: int = 0  # documents that went through extraction
    seconds: float = 0.0

    def counts(self) -> dict[str, int]:
        return {"feeds": self.feeds, "not_modified": self.not_modified, "fetched": self.fetched,
                "stored": self.stored, "duplicates": self.duplicates, "rejected": len(self.rejected),
                "errors": len(self.errors)}

    def to_dict(self) -> dict[str, Any]:
        return {"poll_id": self.poll_id, **self.counts(), "extracted": self.extracted,
                "rejected_items": self.rejected, "feed_errors": self.errors, "seconds": round(self.seconds, 3)}


class Poller:
    """Polls the feeds of one store (opened for writing).

    Args:
        store: the store; every write goes through ``write`` (a context manager: the server passes its
            exclusive write lock, the CLI a no-op).
        pipeline: a callable returning the loaded ``Pipeline`` (loaded on first need: a cycle where every feed
            answers 304 loads nothing).
        allow_private: let fetches reach private and loopback addresses (tests, intranets).
        min_interval: seconds between two requests to one host.
        fetch: the conditional fetch (default ``detente.ingest.fetch.fetch_conditional``).
        extract: turns a list of documents into their ``Extraction`` or ``Rejected`` records; default: the
            pipeline's ``run`` here.  A server passes its job runner's (``detente.api.live``), so the poll's
            extraction runs where its ingest jobs' does, out of the threads that serve readers.
    """

    def __init__(self, store: Any, pipeline: Callable[[], Any], *, allow_private: bool = False,
                 min_interval: float = 1.0, write: Callable[[], Any] | None = None,
                 fetch: Callable[..., Any] | None = None,
                 extract: Callable[[list[Any]], list[Any]] | None = None) -> None:
        import contextlib

        from ..ingest.fetch import check_url, fetch_conditional

        self.store = store
        self.pipeline = pipeline
        self.allow_private = allow_private
        self.limiter = HostLimiter(min_interval)
        self.write = write or contextlib.nullcontext
        self.fetch = fetch or fetch_conditional
        self.check = check_url
        self.extract = extract or self._extract_here

    def _extract_here(self, docs: list[Any]) -> list[Any]:
        return list(self.pipeline().run(docs))

    # -- robots.txt -----------------------------------------------------------------------------
    def _robots(self, url: str, cache: dict[str, robotparser.RobotFileParser | None]) -> robotparser.RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in cache:
            rp: robotparser.RobotFileParser | None = None
            try:
                self.limiter.wait(origin)
                got = self.fetch(origin + "/robots.txt", allow_private=self.allow_private, user_agent=USER_AGENT)
                rp = robotparser.RobotFileParser()
                rp.parse(got.body.decode("utf-8", "replace").splitlines())
            except InputError as exc:
                # No robots.txt (404) means no restriction; a server error means: do not crawl this cycle.
                if "HTTP 4" in str(exc):
                    rp = None
                else:
                    rp = robotparser.RobotFileParser()
                    rp.disallow_all = True
            cache[origin] = rp
        return cache[origin]

    def allowed(self, url: str, cache: dict[str, Any]) -> bool:
        rp = self._robots(url, cache)
        return rp is None or rp.can_fetch(ROBOTS_AGENT, url)

    # -- one cycle ------------------------------------------------------------------------------
    def poll_once(self, *, now: dt.datetime | None = None, force: bool = False) -> PollSummary:
        """Poll every due feed (every feed with ``force``); returns the counts of the cycle."""
        started = time.perf_counter()
        now = now or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
        summary = PollSummary()
        feeds = feed_store.list_feeds(self.store) if force else feed_store.due_feeds(self.store, now)
        if not feeds:  # nothing due: no cycle is recorded ("since the last poll" stays meaningful)
            return summary
        with self.write():
            summary.poll_id, _ = feed_store.start_poll(self.store)
        robots: dict[str, Any] = {}
        stored_any = False
        for feed in feeds:
            summary.feeds += 1
            stored_any |= self._poll_feed(feed, summary, robots, now)
        if stored_any:
            from ..network.dedup import merge_events

            with self.write():
                merge_events(self.store)
        with self.write():
            feed_store.finish_poll(self.store, summary.poll_id, summary.counts())
        summary.seconds = time.perf_counter() - started
        return summary

    def _poll_feed(self, feed: dict[str, Any], summary: PollSummary, robots: dict[str, Any], now: dt.datetime) -> bool:
        url = feed["url"]
        interval = max(MIN_INTERVAL_S, int(feed.get("interval_s") or DEFAULT_INTERVAL_S))

        def done(status: int | None, etag: str | None, modified: str | None, error: str | None) -> None:
            errors = 0 if error is None else int(feed.get("errors") or 0) + 1
            delay = interval if error is None else min(MAX_BACKOFF_S, interval * 2 ** errors)
            with self.write():
                feed_store.record_feed(self.store, url, status=status, etag=etag, last_modified=modified, error=error,
                                       errors=errors, next_poll_at=now + dt.timedelta(seconds=delay))

        try:
            self.check(url, allow_private=self.allow_private)  # before robots.txt: a refused host gets no request
        except InputError as exc:
            summary.errors.append({"feed": url, "error": exc.message})
            done(None, None, None, exc.message)
            return False
        if not self.allowed(url, robots):
            summary.errors.append({"feed": url, "error": "disallowed by robots.txt"})
            done(None, None, None, "disallowed by robots.txt")
            return False
        try:
            self.limiter.wait(url)
            got = self.fetch(url, allow_private=self.allow_private, etag=feed.get("etag"),
                             last_modified=feed.get("last_modified"), user_agent=USER_AGENT)
        except InputError as exc:
            summary.errors.append({"feed": url, "error": exc.message})
            done(None, None, None, exc.message)
            return False
        if got.status == 304:
            summary.not_modified += 1
            done(304, got.etag, got.last_modified, None)
            return False
        try:
            _, entries = parse_entries(got.body, feed.get("kind") or "auto")
        except InputError as exc:
            summary.errors.append({"feed": url, "error": exc.message})
            done(got.status, None, None, exc.message)
            return False
        stored_any = False
        by_url = {}
        for e in entries:
            by_url.setdefault(canonical_url(e.url), e)
        known = feed_store.known_items(self.store, list(by_url))
        for canon, entry in by_url.items():
            if canon in known:
                continue
            stored_any |= self._article(feed, canon, entry, summary, robots)
        done(got.status, got.etag, got.last_modified, None)
        return stored_any

    def _article(self, feed: dict[str, Any], canon: str, entry: Entry, summary: PollSummary,
                 robots: dict[str, Any]) -> bool:
        from ..ingest.sources import Meta, make_document
        from ..jobs import store_extractions

        def record(status: str, reason: str | None = None, doc_id: str | None = None) -> None:
            with self.write():
                feed_store.record_item(self.store, canonical_url=canon, feed_url=feed["url"], url=entry.url,
                                       status=status, reason=reason, doc_id=doc_id, published=entry.published,
                                       poll_id=summary.poll_id)

        try:
            self.check(entry.url, allow_private=self.allow_private)
        except InputError as exc:
            summary.rejected.append({"url": entry.url, "reason": exc.message})
            record("rejected", exc.message)
            return False
        if not self.allowed(entry.url, robots):
            summary.rejected.append({"url": entry.url, "reason": "disallowed by robots.txt"})
            record("rejected", "disallowed by robots.txt")
            return False
        try:
            self.limiter.wait(entry.url)
            summary.fetched += 1
            got = self.fetch(entry.url, allow_private=self.allow_private, user_agent=USER_AGENT)
            meta = Meta(outlet=feed.get("outlet"), published=entry.published, title=entry.title, url=entry.url)
            doc = make_document(got.body, source=entry.url, is_html="html" in got.content_type.lower(), meta=meta)
        except InputError as exc:
            if "HTTP 5" in exc.message or "Error for" in exc.message or "took longer" in exc.message:
                # a transient failure: not recorded, so the next cycle tries the article again
                summary.errors.append({"feed": feed["url"], "error": exc.message})
                return False
            summary.rejected.append({"url": entry.url, "reason": exc.message})
            record("rejected", exc.message)
            return False
        if self.store.has_documents([doc.id]):
            summary.duplicates += 1
            record("duplicate", "same text already stored", doc.id)
            return False
        extraction = self.extract([doc])[0]
        summary.extracted += 1
        if isinstance(extraction, Rejected):  # the pipeline's failure boundary: this article only
            summary.rejected.append({"url": entry.url, "reason": extraction.reason})
            record("rejected", extraction.reason)
            return False
        with self.write():
            store_extractions(self.store, [extraction], merge=False)
            feed_store.record_item(self.store, canonical_url=canon, feed_url=feed["url"], url=entry.url,
                                   status="stored", reason=None, doc_id=doc.id, published=entry.published,
                                   poll_id=summary.poll_id)
        summary.stored += 1
        return True

    # -- the loop -------------------------------------------------------------------------------
    def run(self, stop: threading.Event, *, tick: float = 30.0, on_cycle: Callable[[PollSummary], None] | None = None,
            ) -> None:
        """Poll due feeds every ``tick`` seconds until ``stop`` is set."""
        while not stop.is_set():
            summary = self.poll_once()
            if on_cycle and summary.feeds:
                on_cycle(summary)
            stop.wait(tick)


def new_since_last_poll(store: Any) -> dict[str, Any]:
    """Relations and shifts that the last poll cycle's articles brought.

    A relation is new when its pair had no claim before the cycle's articles; a shift is new when it is on a
    pair the cycle's articles speak about and their evidence falls on or after its last point before the break.
    """
    from ..network.dyads import relations
    from ..network.shifts import detect_shifts

    poll = feed_store.last_poll(store)
    if poll is None:
        return {"poll": None, "documents": 0, "relations": [], "shifts": []}
    docs = feed_store.poll_documents(store, int(poll["id"]))
    touched = feed_store.pairs_of_documents(store, docs)
    if not touched:
        return {"poll": poll, "documents": len(docs), "relations": [], "shifts": []}
    before = feed_store.pairs_before(store, docs)
    latest = feed_store.latest_dates(store, docs)
    new_pairs = touched - before
    rels = [r for r in relations(store) if tuple(sorted((r.a, r.b))) in new_pairs]
    shifts = [s for s in detect_shifts(store, pairs=sorted(touched))
              if latest.get(tuple(sorted((s.a, s.b)))) is not None
              and latest[tuple(sorted((s.a, s.b)))] >= (s.last_before or s.date)]
    return {"poll": poll, "documents": len(docs), "relations": [r.to_dict() for r in rels],
            "shifts": [s.to_dict() for s in shifts]}
