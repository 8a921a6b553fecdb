"""Event merging: duplicates worded differently merge, look-alike distinct events do not."""

from __future__ import annotations

import pytest

from detente.network.dedup import group_ids, merge_events
from detente.network.dyads import relations

from ._synthetic import add_claim, add_event, new_store


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "dedup.duckdb")
    yield store
    store.close()


def test_dedup_merges_paraphrases_across_outlets(store):
    add_event(store, "e1", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", outlet="Outlet A",
              text="Russia condemned Israel's strike on a hospital in Gaza.")
    add_event(store, "e2", "RUS", "ISR", "ACCUSE", -2, "2023-10-19", outlet="Outlet B",
              text="Moscow denounced the Israeli bombing of a Gaza hospital.")
    groups = group_ids(store)
    assert groups["e1"] == groups["e2"]


def test_dedup_keeps_lookalike_distinct_events_apart(store):
    add_event(store, "e1", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", outlet="Outlet A", doc="d1",
              text="Russia condemned Israel's strike on a hospital in Gaza.")
    add_event(store, "e2", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", outlet="Outlet A", doc="d1", sent_idx=9,
              text="Russia also condemned Israel over new settlements in the West Bank.")
    add_event(store, "e3", "RUS", "ISR", "ACCUSE", -2, "2023-11-30", outlet="Outlet B",
              text="Russia condemned Israel's strike on a hospital in Gaza.")
    add_event(store, "e4", "ISR", "RUS", "ACCUSE", -2, "2023-10-18", outlet="Outlet B",
              text="Israel condemned Russia over the hospital strike in Gaza.")
    groups = group_ids(store)
    assert len({groups[i] for i in ("e1", "e2", "e3", "e4")}) == 4


def test_dedup_merges_headline_with_its_lede(store):
    add_event(store, "h", "ISR", "RUS", "ACCUSE", -2, "2023-10-26", doc="d", sent_idx=0,
              text="Israel tells Moscow it is unhappy with Russian stance on the war")
    add_event(store, "l", "ISR", "RUS", "ACCUSE", -2, "2023-10-26", doc="d", sent_idx=2,
              text="Israel has privately conveyed to Russia its displeasure with remarks from Moscow.")
    assert group_ids(store)["h"] == group_ids(store)["l"]


def test_dedup_merges_repeated_statement_in_one_article_only(store):
    text = "Russia now seems cool towards Israel and ever warmer towards Iran."
    add_claim(store, "c1", "RUS", "ISR", -1, "2023-12-14", doc="d", sent_idx=6, text=text)
    add_claim(store, "c2", "RUS", "ISR", -1, "2023-12-14", doc="d", sent_idx=11, text=text)
    add_claim(store, "c3", "RUS", "ISR", -1, "2023-12-14", doc="other", outlet="Outlet B", text=text)
    groups = group_ids(store)
    assert groups["c1"] == groups["c2"] != groups["c3"]


def test_dedup_relation_counts_each_group_once_with_all_reports(store):
    add_event(store, "e1", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", outlet="Outlet A",
              text="Russia condemned Israel's strike on a hospital in Gaza.")
    add_event(store, "e2", "RUS", "ISR", "ACCUSE", -2, "2023-10-19", outlet="Outlet B",
              text="Moscow denounced the Israeli bombing of a Gaza hospital.")
    merge_events(store)
    (rel,) = relations(store)
    assert rel.n_events == 1
    assert set(rel.evidence) == {"e1", "e2"}
    assert rel.n_outlets == 2


def test_dedup_merge_events_writes_the_table(store):
    add_event(store, "e1", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", text="Russia condemned the hospital strike.")
    add_event(store, "e2", "RUS", "ISR", "ACCUSE", -2, "2023-10-18", outlet="Outlet B",
              text="Moscow condemned the strike on the hospital.")
    summary = merge_events(store)
    assert summary.to_dict() == {"items": 2, "groups": 1, "merged": 1}
    rows = store.query("SELECT item_id, group_id FROM event_groups ORDER BY item_id")
    assert [r["group_id"] for r in rows] == ["e1", "e1"]
    assert merge_events(store).items == 0  # idempotent: nothing new to merge
    assert store.query("SELECT item_id, group_id FROM event_groups ORDER BY item_id") == rows


def test_dedup_seeds_count_no_event_twice(seed_store):
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        groups = group_ids(store)
        rels = relations(store)
    assert len(set(groups.values())) < len(groups)  # the seeds repeat some events
    for rel in rels:
        assert rel.n_events == len({groups.get(i, i) for i in rel.evidence})


def _report(id, type_, date, precision="day", doc="d1", **kw):
    import datetime as dt

    from detente.network.dedup import Report

    return Report(id, "event", doc, kw.get("sent_idx", 5), type_, frozenset({"RUS"}), frozenset({"ISR"}),
                  kw.get("negated", False), dt.date.fromisoformat(date) if date else None, "stated", None,
                  kw.get("words", "hospital strike"), precision)


def test_dedup_compatible_within_the_plover_family():
    from detente.network.dedup import compatible

    assert compatible(_report("a", "ACCUSE", "2023-10-18"), _report("b", "REJECT", "2023-10-19", doc="d2"))
    assert not compatible(_report("a", "ACCUSE", "2023-10-18"), _report("b", "PROTEST", "2023-10-18", doc="d2"))
    assert not compatible(_report("a", "ACCUSE", "2023-10-18"),
                          _report("b", "ACCUSE", "2023-10-18", doc="d2", negated=True))


@pytest.mark.parametrize("a, b, fits", [
    (("2021-08-03", "day"), ("2021-08-01", "month"), True),  # "on 3 August" lies in "in August"
    (("2021-08-03", "day"), ("2021-01-01", "year"), True),
    (("2016-01-01", "year"), ("2023-01-01", "year"), False),
    (("2021-07-01", "month"), ("2021-08-01", "month"), False),  # neighbouring months are different months
    (("2021-08-03", "day"), ("2021-08-05", "day"), True),  # two outlets' publication days
    (("2021-08-03", "day"), ("2021-08-09", "day"), False),
    (("2023-10-23", "week"), ("2023-10-27", "day"), True),
])
def test_dedup_dates_compatible_within_their_precision(a, b, fits):
    from detente.network.dedup import compatible

    assert compatible(_report("x", "ACCUSE", a[0], a[1]), _report("y", "ACCUSE", b[0], b[1], doc="d2")) is fits


def test_dedup_undated_reports_meet_only_in_their_article():
    from detente.network.dedup import compatible

    x = _report("x", "SUPPORT", None, "before-publication")
    assert compatible(x, _report("y", "SUPPORT", None, "before-publication", sent_idx=9))
    assert not compatible(x, _report("y", "SUPPORT", None, "before-publication", doc="d2"))
    assert not compatible(x, _report("y", "SUPPORT", "2023-10-18", sent_idx=9))


# Two versions of one short story, written for this test: the second retells the first in other words.
STORY = """Russia condemns Israeli strike on Gaza hospital

Russia condemned Israel on Tuesday over an air strike on a hospital in Gaza.

The Russian foreign ministry accused Israel of violating international law.

Iran praised Russia for its position and thanked Moscow for its support.
"""
RETOLD = """Moscow denounces Israel over Gaza hospital bombing

On Tuesday Moscow denounced Israel for an air raid that hit a hospital in Gaza.

Russia's foreign ministry accused Israel of breaking international law.

Tehran praised Moscow's stance and thanked Russia for backing it.
"""


@pytest.mark.model
def test_dedup_reworded_copy_from_another_outlet_adds_no_events(tmp_path, pipeline):
    from detente.jobs import ingest
    from detente.model import Document
    from detente.store import Store

    def _ingest(db, stories):
        with Store(db) as store:
            for text, outlet, day in stories:
                path = tmp_path / f"{outlet}.txt"
                path.write_text(text, encoding="utf-8")
                manifest = tmp_path / f"{outlet}.csv"
                manifest.write_text(f"path,outlet,published\n{path.name},{outlet},{day}\n", encoding="utf-8")
                ingest([], store=store, pipeline=pipeline, manifest=manifest)
            return {frozenset((r.a, r.b)): r for r in relations(store)}

    alone = _ingest(tmp_path / "alone.duckdb", [(STORY, "Outlet A", "2021-09-17")])
    retold = _ingest(tmp_path / "retold.duckdb", [(RETOLD, "Outlet B", "2021-09-18")])
    both = _ingest(tmp_path / "both.duckdb", [(STORY, "Outlet A", "2021-09-17"), (RETOLD, "Outlet B", "2021-09-18")])
    assert Document.make_id(STORY) != Document.make_id(RETOLD)  # two documents, not one stored twice
    assert alone and set(both) == set(alone) | set(retold)
    shared = set(alone) & set(retold)  # the headline's "Israeli strike on Gaza hospital" has no retold twin
    assert len(shared) >= 2
    for pair, rel in alone.items():
        assert both[pair].n_events == rel.n_events, pair  # the copy adds no event ...
        if pair in shared:
            assert both[pair].n_outlets == 2  # ... but its outlet is counted, and its reports kept as evidence
            assert len(both[pair].evidence) > len(rel.evidence)


def test_dedup_headline_meets_the_lede_that_dates_it(store):
    """The headline carries the article's date, the lede the day it happened ("on Tuesday"): one event."""
    add_event(store, "h", "RUS", "ISR", "ACCUSE", -2, "2023-10-27", doc="d", sent_idx=0,
              text="Russia condemns Israeli strike on Gaza hospital")
    add_event(store, "l", "RUS", "ISR", "ACCUSE", -2, "2023-10-24", doc="d", sent_idx=1, basis="stated",
              text="Russia condemned Israel on Tuesday over an air strike on a hospital in Gaza.")
    add_event(store, "x", "RUS", "ISR", "ACCUSE", -2, "2023-10-10", doc="d", sent_idx=2, basis="stated",
              text="Russia condemned Israel two weeks earlier over the siege of Gaza.")
    groups = group_ids(store)
    assert groups["h"] == groups["l"] != groups["x"]
