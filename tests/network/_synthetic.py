"""Small hand-built stores for the network tests: events and claims inserted by SQL, with known answers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from detente.store import Store
from detente.store.pairs import sync_pairs

NAMES = {"RUS": "Russia", "ISR": "Israel", "IRN": "Iran", "USA": "United States", "UKR": "Ukraine"}


def new_store(path: Path) -> Store:
    store = Store(path)
    for node, name in NAMES.items():
        store.con.execute("INSERT INTO nodes VALUES (?, ?, 'state', ?)", [node, name, node])
        store.con.execute("INSERT INTO actors VALUES (?, ?, 'state', ?, NULL, ?, ?, NULL, false)",
                          [node, name, node, node, name])
    return store


def add_event(store: Store, id: str, source: str, target: str | None, type: str, score: float, date: str | None,
              *, outlet: str | None = "Outlet A", text: str = "", doc: str | None = None, sent_idx: int | None = None,
              negated: bool = False, basis: str = "published", cameo: str = "111", precision: str = "day") -> None:
    targets = [target] if target else []
    sent_idx = _sentence(store, doc or f"doc-{id}", sent_idx, text)
    store.con.execute(
        """INSERT INTO events (id, doc_id, sent_idx, trigger, trigger_start, type, cameo, score, source_ids,
                               target_ids, source_nodes, target_nodes, outlet, hedged, negated, intent, date,
                               date_basis, date_precision, evidence_start, evidence_end, salience, method)
           VALUES (?, ?, ?, '', 0, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, false, ?, ?, ?, 0, ?, 0, 'test')""",
        [id, doc or f"doc-{id}", sent_idx, type, cameo, score, [source], targets, [source], targets, outlet, negated,
         dt.date.fromisoformat(date) if date else None, basis, precision, len(text)])
    sync_pairs(store.con)  # the pair rows Store.write would have written with the event


def add_claim(store: Store, id: str, a: str, b: str, polarity: int, date: str | None, *, outlet: str = "Outlet A",
              text: str = "", doc: str | None = None, sent_idx: int | None = None, basis: str = "published",
              precision: str = "day") -> None:
    sent_idx = _sentence(store, doc or f"doc-{id}", sent_idx, text)
    store.con.execute(
        """INSERT INTO claims (id, kind, doc_id, sent_idx, a_node, b_node, polarity, cue, outlet, outlet_asserts,
                               hedged, negated, date, date_basis, date_precision, evidence_start, evidence_end)
           VALUES (?, 'relation', ?, ?, ?, ?, ?, 'cue', ?, true, false, false, ?, ?, ?, 0, ?)""",
        [id, doc or f"doc-{id}", sent_idx, a, b, polarity, outlet, dt.date.fromisoformat(date) if date else None,
         basis, precision, len(text)])
    sync_pairs(store.con)


def _sentence(store: Store, doc: str, idx: int | None, text: str) -> int:
    """The sentence an added report cites (its evidence is read from it): ``idx`` if given (written once per
    document and index), else a new one after the document's last (from 5)."""
    if idx is None:
        row = store.con.execute("SELECT max(idx) FROM sentences WHERE doc_id = ?", [doc]).fetchone()
        idx = 5 if row is None or row[0] is None else int(row[0]) + 1
    store.con.execute("""INSERT INTO sentences (id, doc_id, idx, start, "end", text)
                         SELECT ?, ?, ?, 0, ?, ? WHERE NOT EXISTS
                             (SELECT 1 FROM sentences WHERE doc_id = ? AND idx = ?)""",
                      [f"{doc}:{idx}", doc, idx, len(text), text, doc, idx])
    return idx
