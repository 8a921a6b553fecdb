"""Shifts: a clear level change gives one shift at the right date; noise gives none; the seeds' Russia-Israel turn."""

from __future__ import annotations

import datetime as dt

import pytest

from detente.network.dyads import GroupItem
from detente.network.shifts import detect_shifts, find_breaks

from ._synthetic import add_claim, add_event, new_store


def _series(scores: list[float], start: dt.date = dt.date(2023, 1, 1), step: int = 7) -> list[GroupItem]:
    return [GroupItem(f"g{i}", "ISR", "RUS", "RUS", "ISR", s, 1.0, start + dt.timedelta(days=step * i), "event",
                      (f"g{i}",), ("Outlet A",)) for i, s in enumerate(scores)]


def test_shifts_step_gives_one_break_at_its_date():
    scores = [5, 4, 6, 5, 3, 5, -4, -5, -3, -6, -4, -5]
    (brk,) = find_breaks(_series(scores))
    assert brk.date == dt.date(2023, 1, 1) + dt.timedelta(days=7 * 6)
    assert brk.before > 4 and brk.after < -4
    assert "g0" in brk.drivers and "g11" in brk.drivers


@pytest.mark.parametrize("scores", [
    [2, -2, 3, -1, 2, -3, 1, -2, 2, -1],  # noise around 0
    [5, 5, 4, 5, 6, 5, 5, 4],  # flat
    [5, 5, -5, -5],  # too few events for either side
])
def test_shifts_none_without_a_clear_change(scores):
    assert find_breaks(_series(scores)) == []


def test_shifts_robustness_to_leaving_out_an_outlet(tmp_path):
    store = new_store(tmp_path / "s.duckdb")
    for i in range(4):
        add_event(store, f"a{i}", "RUS", "ISR", "SUPPORT", 5, f"2022-0{i + 1}-10", outlet="A", text=f"coop {i}")
        add_event(store, f"b{i}", "RUS", "ISR", "SUPPORT", 5, f"2022-0{i + 1}-12", outlet="B", text=f"help {i}")
        add_event(store, f"c{i}", "RUS", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-10", outlet="A", text=f"blame {i}")
        add_event(store, f"d{i}", "RUS", "ISR", "ACCUSE", -5, f"2023-0{i + 1}-12", outlet="B", text=f"attack {i}")
    (both,) = detect_shifts(store)
    assert both.robust and both.direction == "deterioration"
    store.con.execute("DELETE FROM events WHERE id LIKE 'd%' OR id LIKE 'b%' AND id <> 'b0'")
    store.con.execute("DELETE FROM pairs WHERE item_id NOT IN (SELECT id FROM events)")
    # now the hostility rests on outlet A alone
    (single,) = detect_shifts(store)
    assert not single.robust and single.fragile_without == ["A"]
    store.close()


def test_shifts_background_counts_before_the_news(tmp_path):
    store = new_store(tmp_path / "bg.duckdb")
    for i in range(3):
        add_claim(store, f"bg{i}", "RUS", "ISR", 1, "2023-06-01", basis="background", text=f"old ties {i}")
    for i in range(4):
        add_claim(store, f"n{i}", "RUS", "ISR", -1, f"2023-0{i + 1}-15", text=f"new hostility {i}")
    (shift,) = detect_shifts(store)
    assert shift.direction == "deterioration" and shift.date == dt.date(2023, 1, 15)
    store.close()


def test_shifts_seeds_russia_israel_deteriorates(seed_store):
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        shifts = [s for s in detect_shifts(store) if {s.a, s.b} == {"RUS", "ISR"}]
        assert shifts, "no shift found for Russia-Israel"
        turn = shifts[0]
        assert turn.before > 0 > turn.after
        rows = store.query("SELECT id, score, date_basis FROM events WHERE id IN (SELECT unnest(?)) UNION ALL "
                           "SELECT id, polarity * 5.0, date_basis FROM claims WHERE id IN (SELECT unnest(?))",
                           [turn.evidence, turn.evidence])
    assert any(r["score"] > 0 and r["date_basis"] == "background" for r in rows)  # the earlier cooperation
    assert any(r["score"] < 0 for r in rows)  # the hostility
    assert set(turn.to_dict()) >= {"a", "b", "date", "before", "after", "evidence", "robust"}


def test_shifts_seeds_no_shift_in_the_steady_alliances(seed_store):
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        pairs = {frozenset((s.a, s.b)) for s in detect_shifts(store) if s.robust}
    assert frozenset(("RUS", "IRN")) not in pairs
    assert frozenset(("RUS", "PSEREB:hamas")) not in pairs
