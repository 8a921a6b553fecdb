"""Dyads: signs of the seeds' main relations, time windows, per-outlet views."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.network.dyads import Filters, dyad_series, relations, relations_by_outlet, window_start

from ._synthetic import add_event, new_store


def test_dyads_seeds_main_relations_have_the_right_sign(seed_store):
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        score = {frozenset((r.a, r.b)): r.score for r in relations(store)}
    assert score[frozenset(("RUS", "IRN"))] > 1
    assert score[frozenset(("RUS", "PSEREB:hamas"))] > 1
    assert score[frozenset(("RUS", "ISR"))] < -1


@pytest.mark.parametrize("window, start", [
    ("day", "2023-10-18"), ("week", "2023-10-16"), ("month", "2023-10-01"), ("quarter", "2023-10-01"),
    ("year", "2023-01-01"), ("7d", "2023-10-12"),
])
def test_dyads_window_start(window, start):
    assert window_start(dt.date(2023, 10, 18), window) == dt.date.fromisoformat(start)


def test_dyads_window_rejects_unknown():
    with pytest.raises(ValueError, match="unknown window"):
        window_start(dt.date(2023, 1, 1), "fortnight")


def test_dyads_series_and_by_outlet(tmp_path):
    store = new_store(tmp_path / "d.duckdb")
    add_event(store, "e1", "RUS", "IRN", "SUPPORT", 5, "2023-01-05", outlet="A", text="arms deal")
    add_event(store, "e2", "RUS", "IRN", "ACCUSE", -2, "2023-01-20", outlet="B", text="pipeline dispute")
    add_event(store, "e3", "IRN", "RUS", "SUPPORT", 5, "2023-03-02", outlet="B", text="drones")
    points = dyad_series(store, window="month")
    assert [(p.period.month, p.n_events) for p in points] == [(1, 2), (3, 1)]
    assert points[0].cooperation == 5 and points[0].conflict == -2 and points[0].score == pytest.approx(1.5)
    directed = dyad_series(store, window="year", directed=True)
    assert {(p.a, p.b) for p in directed} == {("RUS", "IRN"), ("IRN", "RUS")}
    by_outlet = {r.outlet: r for r in relations_by_outlet(store)}
    assert by_outlet["A"].score == 5 and by_outlet["B"].n_events == 2
    (without_b,) = relations(store, filters=Filters(exclude_outlets=("B",)))
    assert without_b.evidence == ("e1",)
    store.close()


def test_dyads_series_leaves_out_dates_coarser_than_the_window(tmp_path):
    from detente.network.dyads import dyad_series

    from ._synthetic import add_event, new_store

    store = new_store(tmp_path / "series.duckdb")
    add_event(store, "m", "RUS", "ISR", "ACCUSE", -2, "2023-03-01", basis="stated", precision="month", text="in March")
    add_event(store, "y", "RUS", "ISR", "SUPPORT", 5, "2023-01-01", basis="stated", precision="year", text="in 2023")
    monthly = {p.period.isoformat(): p.evidence for p in dyad_series(store, window="month")}
    yearly = {p.period.isoformat(): p.evidence for p in dyad_series(store, window="year")}
    store.close()
    assert monthly == {"2023-03-01": ("m",)}  # "in 2023" is no January event
    assert set(yearly["2023-01-01"]) == {"m", "y"}


def test_dyads_group_date_is_its_most_precise_report_and_counts_background(tmp_path):
    """A group takes the date of its most precisely dated report; background and undated groups are counted."""
    from detente.network.dedup import merge_events
    from detente.network.shifts import detect_shifts
    from detente.store.pairs import group_parts, window_relation_rows

    from ._synthetic import add_claim, add_event, new_store

    store = new_store(tmp_path / "precise.duckdb")
    # one act told "in 2021" (sentence 0, the headline) and "on 3 August 2021" (the lede): one group
    add_event(store, "y", "RUS", "ISR", "ACCUSE", -2, "2021-01-01", basis="stated", precision="year", doc="d",
              sent_idx=0, text="hospital strike")
    add_event(store, "d", "RUS", "ISR", "ACCUSE", -2, "2021-08-03", basis="stated", doc="d", sent_idx=1,
              text="hospital strike")
    add_claim(store, "bg", "RUS", "ISR", 1, None, basis="background", precision="before-publication")
    add_claim(store, "u", "RUS", "ISR", 1, None, basis="unknown", precision="unknown", doc="other")
    merge_events(store)
    (rel,) = relations(store)
    assert rel.n_events == 3 and rel.n_background == 1 and rel.n_undated == 2  # the background one is undated
    assert rel.first == rel.last == dt.date(2021, 8, 3)  # not 1 January: the year was the coarser telling
    parts = {p.group: p for p in group_parts(store.con)}
    assert parts["d"].date == dt.date(2021, 8, 3) and parts["d"].precision == "day"
    assert detect_shifts(store) == []
    # the dashboard's windows: a report counts where its whole period fits ("in 2023" is no January event)
    add_event(store, "y23", "RUS", "ISR", "SUPPORT", 5, "2023-01-01", basis="stated", precision="year", doc="e",
              text="in 2023")
    add_event(store, "m23", "RUS", "ISR", "ACCUSE", -2, "2023-03-01", basis="stated", precision="month", doc="f",
              text="in March")
    merge_events(store)
    monthly = window_relation_rows(store.con, ("ISR", "RUS"), window="month")
    yearly = window_relation_rows(store.con, ("ISR", "RUS"), window="year")
    store.close()
    assert dt.date(2023, 1, 1) not in monthly and monthly[dt.date(2023, 3, 1)][1] == 1
    assert yearly[dt.date(2023, 1, 1)][1] == 2


def test_dyads_co_sources_are_parties_only_of_a_mutual_act(tmp_path):
    # "Russia and Iran met" is a meeting of the two; "Russia and Iran backed the rebels" is no act between them,
    # and nor is an act on a target that is named but not resolved (events.lexicon.reciprocal, data/reciprocal_acts.tsv)
    store = new_store(tmp_path / "d.duckdb")

    def co_sources(id, cameo, score, target_ids):
        store.con.execute(
            """INSERT INTO events (id, doc_id, sent_idx, trigger, trigger_start, type, cameo, score, source_ids,
                                   target_ids, source_nodes, target_nodes, outlet, hedged, negated, intent, date,
                                   date_basis, date_precision, evidence_start, evidence_end, salience, method)
               VALUES (?, 'd', 0, '', 0, 'X', ?, ?, ['RUS', 'IRN'], ?, ['RUS', 'IRN'], [], 'A', false, false,
                       false, DATE '2023-01-05', 'published', 'day', 0, 0, 0, 'test')""", [id, cameo, score, target_ids])

    co_sources("met", "040", 1.0, [])
    co_sources("backed", "051", 3.0, [])
    co_sources("armed", "057", 5.0, ["the rebels"])
    from detente.store.pairs import sync_pairs

    sync_pairs(store.con)
    rows = store.con.execute("SELECT item_id, a, b FROM pairs ORDER BY item_id").fetchall()
    assert rows == [("met", "IRN", "RUS")]
    store.close()
