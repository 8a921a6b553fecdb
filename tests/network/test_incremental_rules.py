"""Incremental merging (``merge_events`` over the pair table) applies main's merging rule: PLOVER family,
date periods within their precision, an article's date covering the week before it, and the copied-story rule.

Each test writes one article at a time and merges it as the ingest does, then checks the stored groups and
that they equal regrouping the whole store (``group_reports``).
"""

from __future__ import annotations

import pytest

from detente.network import dedup
from detente.network.dedup import group_ids, group_reports, load_reports, merge_events

from ._synthetic import add_event, new_store


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "incremental-rules.duckdb")
    yield store
    store.close()


def _article(store, doc, events):
    """Write one article's events and merge them as the ingest does (only the new ids)."""
    for id, source, target, type_, score, date, kw in events:
        add_event(store, id, source, target, type_, score, date, doc=doc, **kw)
    merge_events(store, [e[0] for e in events])


def _groups(store):
    stored = group_ids(store)
    assert set(stored) == {r[0] for r in store.con.execute("SELECT id FROM events").fetchall()}
    assert stored == group_reports(load_reports(store))  # incremental equals the whole store at once
    return stored


def test_incremental_month_and_day_in_it_meet(store):
    """'In August' and 'on 20 August' overlap: a candidate though 19 days from the month's first day."""
    _article(store, "a", [("m", "RUS", "ISR", "ACCUSE", -2, "2021-08-01",
                           {"basis": "stated", "precision": "month", "text": "strike on a hospital in Gaza"})])
    _article(store, "b", [("d", "RUS", "ISR", "ACCUSE", -2, "2021-08-20",
                           {"basis": "stated", "text": "bombing of a Gaza hospital"})])
    _article(store, "c", [("y", "RUS", "ISR", "ACCUSE", -2, "2016-01-01",
                           {"basis": "stated", "precision": "year", "text": "strike on a hospital in Gaza"})])
    groups = _groups(store)
    assert groups["m"] == groups["d"] != groups["y"]


def test_incremental_family_and_article_week(store):
    """ACCUSE and REJECT are one family; an article's date covers the week before it ('on Tuesday')."""
    _article(store, "a", [("acc", "RUS", "ISR", "ACCUSE", -2, "2023-10-27", {"text": "hospital strike in Gaza"})])
    _article(store, "b", [("rej", "RUS", "ISR", "REJECT", -4, "2023-10-22",
                           {"basis": "stated", "text": "hospital strike in Gaza"})])
    _article(store, "c", [("coop", "RUS", "ISR", "COOPERATE", 6, "2023-10-27", {"text": "hospital strike in Gaza"})])
    groups = _groups(store)
    assert groups["acc"] == groups["rej"] != groups["coop"]


# Article A and its retelling B: two reports worded alike (they merge on words), a third told in other words.
_A = [("a1", "RUS", "ISR", "ACCUSE", -2, "2023-10-27", {"text": "strike on a hospital in Gaza"}),
      ("a2", "IRN", "RUS", "SUPPORT", 5, "2023-10-27", {"text": "praised stance thanked backing"}),
      ("a3", "ISR", "RUS", "REJECT", -4, "2023-10-27", {"text": "dismissed criticism baseless"})]
_B = [("b1", "RUS", "ISR", "ACCUSE", -2, "2023-10-28", {"text": "strike on a Gaza hospital"}),
      ("b2", "IRN", "RUS", "SUPPORT", 5, "2023-10-28", {"text": "praised stance thanked backing"}),
      ("b3", "ISR", "RUS", "ACCUSE", -3, "2023-10-28", {"text": "countered hypocrisy over Ukraine war"})]


def test_incremental_copied_story_merges_its_last_counterpart(store):
    _article(store, "A", _A)
    _article(store, "B", _B)
    groups = _groups(store)
    assert groups["a1"] == groups["b1"] and groups["a2"] == groups["b2"]
    assert groups["a3"] == groups["b3"]  # only the copied-story rule joins these (their words differ)


def test_incremental_copied_story_rule_removed(store, monkeypatch):
    monkeypatch.setattr(dedup, "COPY_MIN_SHARED", 99)
    _article(store, "A", _A)
    _article(store, "B", _B)
    groups = _groups(store)
    assert groups["a1"] == groups["b1"] and groups["a3"] != groups["b3"]


def test_incremental_copy_rule_with_a_group_reaching_an_unloaded_article(store):
    """A candidate article's group also holds a report of an article not loaded for this merge (C): the
    copied-story count must not trip over it (it once raised 'dictionary changed size during iteration')."""
    _article(store, "A", _A[:2])
    _article(store, "C", [("c1", "RUS", "ISR", "ACCUSE", -2, "2023-10-27", {"text": "strike on a Gaza hospital"})])
    _article(store, "B", [("b2", "IRN", "RUS", "SUPPORT", 5, "2023-10-28", {"text": "praised stance thanked backing"})])
    groups = _groups(store)
    assert groups["a1"] == groups["c1"] and groups["a2"] == groups["b2"]


def test_merge_in_chunks_equals_one_merge_and_clears_the_flag_last(store, monkeypatch):
    """A merge of many reports goes in chunks of ``MERGE_CHUNK``; the store's merge flag is cleared only in
    the last chunk's transaction."""
    monkeypatch.setattr(dedup, "MERGE_CHUNK", 2)
    cleared = []
    monkeypatch.setattr(type(store), "clear_merge_pending",
                        lambda self: cleared.append(self.con.execute("SELECT count(*) FROM event_groups").fetchone()))
    for doc, events in (("A", _A), ("B", _B)):
        for id, source, target, type_, score, date, kw in events:
            add_event(store, id, source, target, type_, score, date, doc=doc, **kw)
    summary = merge_events(store, [e[0] for e in _A + _B])
    groups = _groups(store)
    assert len(cleared) == 1 and cleared[0][0] == 6  # once, with every report's group written
    assert summary.items == 6 and summary.groups == len(set(groups.values())) == 3
