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
              text="Israel has quietly expressed to Russia its displeasure with statements issued by Moscow.")
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
