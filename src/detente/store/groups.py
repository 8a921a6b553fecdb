"""The SQL of event merging (``network.dedup``): the reports to compare, the candidates, the groups table.

``event_groups`` maps each report (event or stated relation) to its group id; the pair table carries the
same ``group_id`` so that aggregations need no join.  ``write_groups`` keeps the two equal.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .pairs import period_end_sql
from .readers import fetch

GROUPS_DDL = "CREATE TABLE IF NOT EXISTS event_groups (item_id VARCHAR PRIMARY KEY, kind VARCHAR, group_id VARCHAR)"


def has_groups_table(con: Any) -> bool:
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'event_groups'").fetchone()
    return bool(row and row[0])


def stored_groups(con: Any) -> dict[str, str] | None:
    """Item id -> group id from ``event_groups``, or None when the table misses some report of the store."""
    if not has_groups_table(con):
        return None
    missing = con.execute(
        """SELECT count(*) FROM (SELECT id FROM events UNION ALL SELECT id FROM claims WHERE kind = 'relation') i
           WHERE i.id NOT IN (SELECT item_id FROM event_groups)""").fetchone()
    if missing and missing[0]:
        return None
    return dict(con.execute("SELECT item_id, group_id FROM event_groups").fetchall())


def unmerged_items(con: Any) -> list[str]:
    """Every event and stated relation that has no group yet (a scan of the store)."""
    return [r[0] for r in con.execute(
        """SELECT id FROM events WHERE id NOT IN (SELECT item_id FROM event_groups)
           UNION ALL SELECT id FROM claims WHERE kind = 'relation'
             AND id NOT IN (SELECT item_id FROM event_groups)""").fetchall()]


def merge_order(con: Any, ids: Sequence[str]) -> list[str]:
    """``ids`` ordered by their first pair row's unordered pair, date and article (items with no pair row last,
    in their given order): chunks of this order each reach the candidates of few pairs (``network.dedup``)."""
    keyed = dict(con.execute(
        """SELECT item_id, min(struct_pack(a := a, b := b, d := coalesce(CAST(date AS VARCHAR), ''), doc := doc_id))
           FROM pairs WHERE item_id IN (SELECT unnest(?)) GROUP BY item_id""", [list(ids)]).fetchall())
    first = sorted((i for i in dict.fromkeys(ids) if i in keyed),
                   key=lambda i: (keyed[i]["a"], keyed[i]["b"], keyed[i]["d"], keyed[i]["doc"], i))
    return first + [i for i in dict.fromkeys(ids) if i not in keyed]


def grouped_items(con: Any, ids: Sequence[str]) -> set[str]:
    """Those of ``ids`` that already have a group."""
    return {r[0] for r in con.execute("SELECT item_id FROM event_groups WHERE item_id IN (SELECT unnest(?))",
                                      [list(ids)]).fetchall()}


def report_rows(con: Any, ids: Sequence[str] | None = None) -> tuple[list[Any], list[Any], list[Any], list[str]]:
    """What the merger reads about reports (all, or those of ``ids``).

    Returns:
        (mention texts of their sentences, event rows, stated-relation rows, node names)
    """
    only = "" if ids is None else " AND id IN (SELECT unnest(?))"
    one = [] if ids is None else [list(ids)]
    docs = "" if ids is None else (" WHERE doc_id IN (SELECT doc_id FROM events WHERE true" + only +
                                   " UNION SELECT doc_id FROM claims WHERE true" + only + ")")
    mentions = fetch(con, "MentionText", "SELECT doc_id, sent_idx, text FROM mentions" + docs, one * 2)
    events = fetch(con, "EventReport",
                   """SELECT id, doc_id, sent_idx, type, cameo, trigger, source_nodes, target_nodes, negated, date,
                             date_basis, date_precision, said_by_actor,
                             evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text
                      FROM events WHERE true""" + only, one)
    claims = fetch(con, "ClaimReport",
                   """SELECT id, doc_id, sent_idx, a_node, b_node, polarity, cue, negated, date, date_basis,
                             date_precision, speaker_actor,
                             evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text
                      FROM claims WHERE kind = 'relation' AND a_node IS NOT NULL AND b_node IS NOT NULL""" + only,
                   one)
    names = [r[0] for r in con.execute("SELECT name FROM nodes WHERE name IS NOT NULL").fetchall()]
    return mentions, events, claims, names


def _period_sql(t: str, slack_days: int, article_bases: Sequence[str]) -> tuple[str, str]:
    """SQL of the first and last day a pair row's date can mean (``network.dedup.Report.period``)."""
    bases = ", ".join("'" + b.replace("'", "''") + "'" for b in article_bases) or "NULL"
    article = f"{t}.date_basis IN ({bases})"
    end = period_end_sql(t)
    start = f"CASE WHEN {article} THEN CAST({t}.date - INTERVAL {int(slack_days)} DAY AS DATE) ELSE {t}.date END"
    return start, f"CASE WHEN {article} THEN {t}.date ELSE {end} END"


def _family_sql(t: str, families: Mapping[str, str]) -> str:
    """SQL of a pair row's family: its PLOVER family for events, the stated sign for relations."""
    whens = " ".join("WHEN '" + k.replace("'", "''") + "' THEN '" + v.replace("'", "''") + "'"
                     for k, v in sorted(families.items()))
    event = f"CASE {t}.type {whens} ELSE coalesce({t}.type, '') END" if whens else f"coalesce({t}.type, '')"
    return f"CASE WHEN {t}.kind = 'event' THEN {event} ELSE 'stated' || CAST(sign({t}.score) AS VARCHAR) END"


def candidate_rows(con: Any, new_ids: Sequence[str], *, window_days: int, slack_days: int = 0,
                   article_bases: Sequence[str] = (), families: Mapping[str, str] | None = None
                   ) -> list[tuple[str, str]]:
    """(item id, group id) of the stored reports that share a pair row with one of ``new_ids`` and could be
    the same event: same unordered pair, kind, family (``families``: type -> family; stated polarity for
    relations) and negation, and date periods that overlap within ``window_days`` (a date that is only the
    article's own, basis in ``article_bases``, covers the ``slack_days`` before it; undated: the same
    article).  A superset of ``network.dedup.compatible``, which decides.  The new reports are included."""
    ps, pe = _period_sql("p", slack_days, article_bases)
    ns, ne = _period_sql("n", slack_days, article_bases)
    w = int(window_days)
    return [(i, g) for i, g in con.execute(
        f"""WITH n AS (SELECT * FROM pairs WHERE item_id IN (SELECT unnest(?)))
            SELECT DISTINCT p.item_id, p.group_id FROM n JOIN pairs p
              ON p.a = n.a AND p.b = n.b AND p.kind = n.kind AND p.negated = n.negated
             AND {_family_sql("p", families or {})} = {_family_sql("n", families or {})}
             AND ((p.date IS NULL AND n.date IS NULL AND p.doc_id = n.doc_id)
                  OR ({ps} <= CAST({ne} + INTERVAL {w} DAY AS DATE)
                      AND {ns} <= CAST({pe} + INTERVAL {w} DAY AS DATE)))""",
        [list(new_ids)]).fetchall()]


def article_items(con: Any, item_ids: Sequence[str]) -> list[tuple[str, str]]:
    """(item id, group id) of every report with a pair row in the articles of ``item_ids`` (the copied-story
    rule compares whole articles)."""
    return [(i, g) for i, g in con.execute(
        """SELECT DISTINCT item_id, group_id FROM pairs
           WHERE doc_id IN (SELECT DISTINCT doc_id FROM pairs WHERE item_id IN (SELECT unnest(?)))""",
        [list(item_ids)]).fetchall()]


def group_docs(con: Any, group_ids: Sequence[str]) -> dict[str, set[str]]:
    """The articles each of ``group_ids`` has reports in."""
    return {g: set(docs) for g, docs in con.execute(
        """SELECT group_id, list(DISTINCT doc_id) FROM pairs WHERE group_id IN (SELECT unnest(?))
           GROUP BY group_id""", [list(group_ids)]).fetchall()}


def groups_of(con: Any, ids: Sequence[str]) -> dict[str, str]:
    """Item id -> group id for those of ``ids`` that have a group."""
    return dict(con.execute("SELECT item_id, group_id FROM event_groups WHERE item_id IN (SELECT unnest(?))",
                            [list(ids)]).fetchall())


def item_kinds(con: Any, ids: Sequence[str]) -> dict[str, str]:
    """'event' or 'relation' for each of ``ids``."""
    events = {r[0] for r in con.execute("SELECT id FROM events WHERE id IN (SELECT unnest(?))", [list(ids)]).fetchall()}
    return {i: "event" if i in events else "relation" for i in ids}


def write_groups(con: Any, new: dict[str, tuple[str, str]], moves: dict[str, str],
                 multi: Sequence[str] = (), before_commit: Callable[[], None] | None = None) -> None:
    """Add the new reports' groups (item id -> (kind, group id)) and move whole groups (old id -> new id),
    in ``event_groups`` and the pair table, in one transaction; ``multi``: the groups that now have more
    than one report (their pair rows stop being ``solo``); ``before_commit``: run inside the transaction
    (the store's merge flag is cleared there)."""
    import pyarrow as pa

    new_table = pa.table({"item_id": list(new), "kind": [k for k, _ in new.values()],
                          "group_id": [g for _, g in new.values()]})
    move_table = pa.table({"old": list(moves), "new": list(moves.values())},
                          schema=pa.schema([("old", pa.string()), ("new", pa.string())]))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(GROUPS_DDL)
        con.register("_moves", move_table)
        con.register("_new_groups", new_table)
        if moves:
            con.execute("UPDATE event_groups SET group_id = m.new FROM _moves m WHERE group_id = m.old")
        con.execute("INSERT INTO event_groups SELECT item_id, kind, group_id FROM _new_groups")
        if moves:
            con.execute("UPDATE pairs SET group_id = m.new FROM _moves m WHERE pairs.group_id = m.old")
        if multi:
            con.execute("UPDATE pairs SET solo = false WHERE solo AND group_id IN (SELECT unnest(?))", [list(multi)])
        con.unregister("_moves")
        con.unregister("_new_groups")
        if moves or multi:  # the summaries of the dyads whose groups changed
            from . import rollup

            rollup.refresh(con, rollup.dyads_of_groups(con, sorted({*moves.values(), *multi})))
        if before_commit is not None:
            before_commit()
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def group_reports_rows(con: Any, ids: Sequence[str]) -> list[Any]:
    """The reports of ``ids`` as ``describe_groups`` lists them."""
    return fetch(con, "GroupReport",
                 """SELECT id, doc_id, sent_idx, type, outlet, said_by_name AS speaker, date,
                           evidence_of(doc_id, sent_idx, evidence_start, evidence_end) AS evidence_text FROM events
                    WHERE id IN (SELECT unnest(?))
                    UNION ALL
                    SELECT id, doc_id, sent_idx, 'stated ' || polarity, outlet, speaker_name, date,
                           evidence_of(doc_id, sent_idx, evidence_start, evidence_end)
                    FROM claims WHERE id IN (SELECT unnest(?))""", [list(ids), list(ids)])
