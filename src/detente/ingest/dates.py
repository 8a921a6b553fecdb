"""Dates: a document's own date, and dates stated inside its text.

A document's date comes, in order, from the manifest, the HTML metadata or
the ``--date`` option; failing those, ``infer_document_date`` reads the text:
the latest fully specified date it mentions (a dated photo caption, "on
October 19, 2023") and relative anchors ("Eighteen days after ... Oct. 7")
give a lower bound, which is returned as an *inferred* date.  Nothing here
ever falls back to today.

``resolve_relative`` turns expressions such as "last week" or "on Tuesday"
into a date against the document's own date (dateparser with the
document date as ``RELATIVE_BASE``, so "Feb 24" lands in the right year).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import MAX_DATE, MIN_DATE, DateBasis, EventDate, check_date

_MONTHS = {
    m: i + 1
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ]
    )
    for m in names
}
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_FULL_DATES = (
    re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?,?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(st|nd|rd|th)?\s+" + _MONTH_RE + r",?\s+(?P<year>(19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
)
_NUMBER_WORDS = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}
_AFTER = re.compile(
    r"\b(?P<n>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\s+(?P<unit>days?|weeks?)\s+after\b[^.]{0,60}?\b"
    + _MONTH_RE + r"\s+(?P<day>\d{1,2})\b",
    re.I,
)
_YEAR = re.compile(r"\b(?P<year>(19|20)\d\d)\b")


@dataclass(frozen=True, slots=True)
class DocumentDate:
    """A document date with how it was obtained and the text that gave it."""

    date: dt.date | None
    basis: DateBasis
    text: str | None = None


def _month(value: str) -> int:
    return int(value) if value.isdigit() else _MONTHS[value.lower().rstrip(".")]


def find_full_dates(text: str) -> list[tuple[dt.date, str]]:
    """Every fully specified calendar date in ``text`` with its surface string."""
    found: list[tuple[dt.date, str]] = []
    for pattern in _FULL_DATES:
        for m in pattern.finditer(text):
            try:
                d = dt.date(int(m["year"]), _month(m["month"]), int(m["day"]))
            except ValueError:
                continue
            found.append((d, m.group(0)))
    return found


def infer_document_date(text: str) -> DocumentDate:
    """Infer a document's date from its text, or return an unknown date.

    Args:
        text: the article text, furniture included (captions carry dates).

    Returns:
        The latest date the text supports, marked ``INFERRED``; ``UNKNOWN``
        with no date when the text gives none.
    """
    candidates = find_full_dates(text)
    years = [d.year for d, _ in candidates] or [int(m["year"]) for m in _YEAR.finditer(text)]
    for m in _AFTER.finditer(text):
        n_text = m["n"].lower()
        n = int(n_text) if n_text.isdigit() else _NUMBER_WORDS[n_text]
        days = n * (7 if m["unit"].lower().startswith("week") else 1)
        if not years:
            continue
        year = max(years)
        try:
            anchor = dt.date(year, _month(m["month"]), int(m["day"]))
            candidates.append((anchor + dt.timedelta(days=days), m.group(0)))
        except (ValueError, OverflowError):
            continue
    if not candidates:
        return DocumentDate(None, DateBasis.UNKNOWN)
    candidates = [c for c in candidates if MIN_DATE <= c[0] <= MAX_DATE]
    if not candidates:
        return DocumentDate(None, DateBasis.UNKNOWN)
    best = max(candidates, key=lambda c: c[0])
    return DocumentDate(best[0], DateBasis.INFERRED, best[1])


def parse_date(value: str) -> dt.date:
    """Parse an ISO date (or datetime) given by a user or a manifest.

    Raises:
        ValueError: when ``value`` is not an ISO date.
    """
    value = value.strip()
    if "T" in value or " " in value:
        return check_date(dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date())
    return check_date(dt.date.fromisoformat(value))


_RELATIVE = re.compile(
    r"\b(this|last|next)\s+(week|month|year|weekend|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(on\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\b(yesterday|today|earlier this (week|month|year)|in recent weeks|recently)\b"
    r"|\b" + _MONTH_RE + r"\s+\d{1,2}(st|nd|rd|th)?\b(,?\s+(19|20)\d\d)?",
    re.I,
)


def resolve_relative(sentence: str, base: dt.date | None) -> EventDate | None:
    """Return the date a sentence states for its event, resolved against ``base``.

    Only the first date expression of the sentence is used.  Returns None
    when the sentence states no date, when a relative date has no base, or when
    the result falls outside the calendar.
    """
    try:
        return _resolve_relative(sentence, base)
    except OverflowError:  # "last week" of 0001-01-01
        return None


def _resolve_relative(sentence: str, base: dt.date | None) -> EventDate | None:
    m = _RELATIVE.search(sentence)
    if not m:
        return None
    expr = m.group(0)
    full = find_full_dates(expr)
    if full:
        return EventDate(full[0][0], DateBasis.STATED, "day", expr)
    if base is None:
        return None
    low = expr.lower()
    if low in ("today",):
        return EventDate(base, DateBasis.STATED, "day", expr)
    if low == "yesterday":
        return EventDate(base - dt.timedelta(days=1), DateBasis.STATED, "day", expr)
    if "week" in low:
        delta = 7 if low.startswith("last") else 0
        return EventDate(base - dt.timedelta(days=delta), DateBasis.STATED, "week", expr)
    if "month" in low:
        delta = 30 if low.startswith("last") else 0
        return EventDate(base - dt.timedelta(days=delta), DateBasis.STATED, "month", expr)
    if low.endswith("year"):
        delta = 365 if low.startswith("last") else 0
        return EventDate(base - dt.timedelta(days=delta), DateBasis.STATED, "year", expr)
    if "recent" in low:
        return EventDate(base - dt.timedelta(days=14), DateBasis.STATED, "month", expr)
    days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for i, name in enumerate(days):
        if name in low:
            # A bare weekday in news means the most recent such day before
            # the publication date ("on Tuesday" in a Thursday story).
            back = (base.weekday() - i) % 7 or 7
            if low.startswith("last") and back < 7:
                back += 7 if back <= 1 else 0
            return EventDate(base - dt.timedelta(days=back), DateBasis.STATED, "day", expr)
    mm = re.match(_MONTH_RE + r"\s+(?P<day>\d{1,2})", expr, re.I)
    if mm:
        try:
            d = dt.date(base.year, _month(mm["month"]), int(mm["day"]))
        except ValueError:
            return None
        if d > base + dt.timedelta(days=2):
            d = d.replace(year=base.year - 1)
        return EventDate(d, DateBasis.STATED, "day", expr)
    return None
