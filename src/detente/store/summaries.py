"""Read queries behind the dashboard's time axis and the report's summary: SQL here, plain rows out.

The dashboard's time axis needs reports per month (news and background apart) and what stays off the axis
(year-only and undated reports); the HTML report needs the period the evidence covers and each outlet's
documents, events and stated relations.
"""

from __future__ import annotations

from typing import Any

# Precisions placed in a month of the time axis; a year ("in 2023") is not put in January.
MONTH_OR_FINER = ("day", "week", "month")

_REPORTS = """(SELECT date, date_basis, date_precision, outlet FROM events
               UNION ALL SELECT date, date_basis, date_precision, outlet FROM claims WHERE kind = 'relation')"""


def _rows(con: Any, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def _where(filters: Any, date_col: str, outlet_col: str) -> tuple[str, list[Any]]:
    if filters is None:
        return "", []
    from ..network.dyads import where_clause  # the one definition of the date and outlet filters

    clauses, params = where_clause(filters, date_col=date_col, outlet_col=outlet_col)
    return ((" WHERE " + " AND ".join(clauses)) if clauses else ""), params


def month_counts(con: Any) -> list[dict[str, Any]]:
    """``{month: 'YYYY-MM', news, background}`` per month with reports dated to the month or finer."""
    return _rows(con, f"""SELECT strftime(date, '%Y-%m') AS month,
                                 count(*) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news,
                                 count(*) FILTER (WHERE date_basis = 'background') AS background
                          FROM {_REPORTS}
                          WHERE date IS NOT NULL AND coalesce(date_precision, 'day') IN (SELECT unnest(?))
                          GROUP BY month ORDER BY month""", [list(MONTH_OR_FINER)])


def off_axis_counts(con: Any) -> dict[str, int]:
    """Reports on no month of the axis: ``coarse`` (dated to the year or coarser) and ``undated``."""
    rows = _rows(con, f"""SELECT count(*) FILTER (WHERE date IS NOT NULL) AS coarse,
                                 count(*) FILTER (WHERE date IS NULL) AS undated
                          FROM {_REPORTS}
                          WHERE date IS NULL OR coalesce(date_precision, 'day') NOT IN (SELECT unnest(?))""",
                 [list(MONTH_OR_FINER)])
    return {"coarse": int(rows[0]["coarse"]), "undated": int(rows[0]["undated"])}


def period(con: Any, filters: Any = None) -> dict[str, Any]:
    """The dates the evidence covers: news apart from background, the articles' publication dates, and counts of
    reports, background and undated ones."""
    where, params = _where(filters, "date", "outlet")
    row = _rows(con, f"""SELECT min(date) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news_first,
                                max(date) FILTER (WHERE coalesce(date_basis, '') <> 'background') AS news_last,
                                min(date) AS first, max(date) AS last, count(*) AS reports,
                                count(*) FILTER (WHERE date_basis = 'background') AS background,
                                count(*) FILTER (WHERE date IS NULL) AS undated
                         FROM {_REPORTS}{where}""", params)[0]
    where, params = _where(filters, "published", "outlet")
    docs = _rows(con, f"SELECT min(published) AS first, max(published) AS last FROM documents{where}", params)[0]
    return {**row, "published_first": docs["first"], "published_last": docs["last"]}


def outlets(con: Any, filters: Any = None) -> list[dict[str, Any]]:
    """Each outlet's documents (first and last publication date), events and stated relations."""
    where, params = _where(filters, "d.published", "d.outlet")
    return _rows(con, f"""SELECT coalesce(d.outlet, '(unknown outlet)') AS outlet, count(*) AS documents,
                                 min(d.published) AS first, max(d.published) AS last,
                                 coalesce(sum(e.n), 0)::BIGINT AS events, coalesce(sum(c.n), 0)::BIGINT AS stated
                          FROM documents d
                          LEFT JOIN (SELECT doc_id, count(*) AS n FROM events GROUP BY doc_id) e ON e.doc_id = d.id
                          LEFT JOIN (SELECT doc_id, count(*) AS n FROM claims WHERE kind = 'relation'
                                     GROUP BY doc_id) c ON c.doc_id = d.id{where}
                          GROUP BY 1 ORDER BY documents DESC, outlet""", params)
