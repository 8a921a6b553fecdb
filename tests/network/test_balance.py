"""Balance: synthetic triads give known readings; the seeds' Russia-Iran-Israel triad reads as balance predicts."""

from __future__ import annotations

from detente.network.balance import edge_sign, read_triads, signed_graph
from detente.network.dyads import Relation


def _rel(a: str, b: str, score: float, n: int = 5) -> Relation:
    return Relation(a, b, a, b, score, n, 1, None, None, [f"{a}-{b}-{i}" for i in range(n)])


def test_balance_edge_sign_dead_zone():
    assert [edge_sign(s) for s in (-3, -1.0, 0.4, 1.0, 2)] == [-1, 0, 0, 0, 1]


def test_balance_unbalanced_triad_puts_weakest_tie_under_pressure():
    rels = [_rel("A", "B", 4), _rel("B", "C", -4), _rel("A", "C", 3, n=2)]
    (reading,) = read_triads(signed_graph(rels))
    assert reading.closed and not reading.balanced
    assert reading.signs == (1, -1, 1)
    assert reading.pressure == {"a": "A", "b": "C", "toward": "hostile"}
    assert set(reading.evidence) == {i for r in rels for i in r.evidence}


def test_balance_balanced_triad_has_no_pressure():
    (reading,) = read_triads(signed_graph([_rel("A", "B", 4), _rel("B", "C", -4), _rel("A", "C", -3)]))
    assert reading.balanced and reading.pressure is None


def test_balance_open_triad_predicts_closing_tie():
    (reading,) = read_triads(signed_graph([_rel("A", "B", 4), _rel("B", "C", -4)]))
    assert not reading.closed and reading.triad == ("A", "B", "C") and reading.signs == (1, -1, 0)
    assert reading.pressure == {"a": "A", "b": "C", "toward": "hostile"}


def test_balance_skips_enemy_of_enemy_and_dead_zone():
    assert read_triads(signed_graph([_rel("A", "B", -4), _rel("B", "C", -4)])) == []
    assert read_triads(signed_graph([_rel("A", "B", 4), _rel("B", "C", 0.5)])) == []


def test_balance_seeds_russia_iran_israel(seed_store):
    from detente.network.balance import read_balance
    from detente.store import Store

    with Store(seed_store, read_only=True) as store:
        readings = [t for t in read_balance(store) if set(t.triad) == {"RUS", "IRN", "ISR"}]
    assert len(readings) == 1
    (t,) = readings
    signs = dict(zip([frozenset(p) for p in ((t.triad[0], t.triad[1]), (t.triad[1], t.triad[2]),
                                             (t.triad[0], t.triad[2]))], t.signs))
    assert signs[frozenset(("RUS", "IRN"))] == 1 and signs[frozenset(("RUS", "ISR"))] == -1
    if t.closed:  # Iran-Israel found hostile: balanced
        assert t.balanced
    else:  # open: balance predicts Iran-Israel hostile
        assert t.pressure == {"a": "IRN", "b": "ISR", "toward": "hostile"}
    assert t.evidence
