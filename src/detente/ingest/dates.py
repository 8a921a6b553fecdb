"""Dates: a document's own date, and dates stated inside its text.

A document's date comes, in order, from the manifest, the HTML metadata or
the ``--date`` option; failing those, ``infer_document_date`` reads the text:
the latest fully specified date it mentions (a dated photo caption, "on
October 19, 2023") and relative anchors ("Eighteen days after ... Oct. 7")
give a lower bound, which is returned as an *inferred* date.  Nothing here
ever falls back to today.

``resolve_time`` turns one time expression ("in 2016", "in March", "on 3
August", "last week", "on Friday", "seven years ago", "since the 2018 war",
"last November", "yesterday") into an ``EventDate`` resolved against the
document's own date, with its precision: a period is stored as its first day
plus the grain it is known to (day, week, month, year), and an expression that
only says "before now" ("recently", "over the past decades") gets no date and
the precision ``before-publication``.  Nothing is ever guessed: an expression
that cannot be resolved gives None.  (Hand-written rather than dateparser:
dateparser resolves "in March" and "2016" to a made-up day, and hides the
grain.)
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
MONTH_NAMES = frozenset(_MONTHS)  # month names and their abbreviations, lower case
# (never the start of a longer word: "the last decade" was December, "next mayor" May)
_MONTH_RE = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?![A-Za-z])\.?"
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



# Precisions, finest first.  A shift rests only on dates known to the month or finer.
DAY, WEEK, MONTH, YEAR = "day", "week", "month", "year"
BEFORE_PUBLICATION = "before-publication"
UNKNOWN_PRECISION = "unknown"
PRECISIONS = (DAY, WEEK, MONTH, YEAR, BEFORE_PUBLICATION, UNKNOWN_PRECISION)
DATED_FOR_SHIFTS = frozenset({DAY, WEEK, MONTH})
# A date stated to the day this long before publication is context, not the article's news.
RECENT_DAYS = 31

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_NAMES = frozenset(_WEEKDAYS)  # lower case
_COUNT = r"(?P<n>\d{1,3}|a|an|" + "|".join(_NUMBER_WORDS) + r")"
_UNIT = r"(?P<unit>days?|weeks?|months?|years?|decades?)"
_AGO = re.compile(r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+ago\b", re.I)
# A lower bound on a span back ("more than a decade ago", "over two years ago"): earlier than that, by how much untold
_MORE_THAN = re.compile(r"\b(more than|over|at least|upwards of|well over)\s*$", re.I)
# The year of an event's own time expression (a DATE entity, never free text): any year from 1000 to 2099, so
# that "ruled in 1899" or "fought in 1781" is dated to its year, not to the publication
_EVENT_YEAR = r"(?P<year>1\d\d\d|20\d\d)"
_AFTER_YEAR = re.compile(r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+after\b.*?\b" + _EVENT_YEAR + r"\b", re.I)
_WEEKDAY = re.compile(r"\b(?P<rel>last|next|this|on|)\s*(?P<wd>" + "|".join(_WEEKDAYS) + r")\b", re.I)
_PERIOD = re.compile(r"\b(?P<rel>last|next|this|earlier this|later this|previous|coming)\s+"
                     r"(?P<grain>week|weekend|month|year)\b", re.I)
_MONTH_YEAR = re.compile(_MONTH_RE + r",?\s+" + _EVENT_YEAR + r"\b", re.I)
# A season relative to the news ("this spring", "last summer", "next autumn"): its year, the grain it is known to
# (a northern season inside one calendar year; winter, which spans two, is left unread)
_SEASON = re.compile(
    r"\b(?P<rel>last|next|this|earlier this|later this|coming)\s+(?P<season>spring|summer|autumn|fall)\b", re.I)
_SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_MONTH_DAY = (re.compile(_MONTH_RE + r"\s+(?P<day>\d{1,2})(st|nd|rd|th)?\b", re.I),
              re.compile(r"\b(?P<day>\d{1,2})(st|nd|rd|th)?\s+(of\s+)?" + _MONTH_RE, re.I))
_LAST_MONTH = re.compile(r"\b(?P<rel>last|next|this|earlier this|later this)\s+" + _MONTH_RE, re.I)
_BARE_MONTH = re.compile(r"\b" + _MONTH_RE + r"(?!\w)", re.I)
# "in June last year", "March of this year": that month of the year named relative to publication
_MONTH_OF_YEAR = re.compile(r"\b" + _MONTH_RE + r",?\s+(?:of\s+)?(?P<rel>last|this|next|previous)\s+year\b", re.I)
_BARE_YEAR = re.compile(r"(?<![\d-])" + _EVENT_YEAR + r"(?!s|\d|-\d)")
# A decade: "the 1990s", "the late 1980s", "the '90s" (a period with no year to give: before publication, undated,
# when it ended before the publication's year)
_DECADE = re.compile(r"(?<![\d-])(?:(?P<century>1\d|20)(?P<tens>\d)0|['’](?P<short>\d)0)s\b")
# A named era that ended long before any news this reads ("during World War Two", "in the Cold War"): before
# publication, with no date (spaCy tags these EVENT, not DATE: events/dating.py reads them as time expressions)
PAST_ERA = re.compile(r"\b(world war (one|two|i|ii|1|2)|(first|second) world war|cold war|great war|napoleonic wars?|"
                      r"revolutionary war|civil war of \d{4}|middle ages|colonial (era|period|times))\b", re.I)
# A century by its ordinal: "the 19th century", "the eighteenth century" (before publication when it ended before)
_CENTURY_ORDINALS = {w: i + 1 for i, w in enumerate(
    ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
     "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split())}
_CENTURY = re.compile(r"\b(?P<n>\d{1,2}|" + "|".join(_CENTURY_ORDINALS) + r")(st|nd|rd|th)?[\s-]+century\b", re.I)
_VAGUE_PAST = re.compile(
    r"\b(recently|lately|previously|formerly|in recent (days|weeks|months|years)|(over|for|during) the (past|last)"
    r"( few| several| many)? (years|decades)|in the past(?! \w+ (days|weeks|months|years))|decades|centuries|years ago|months ago|"
    r"a few (days|weeks|months|years) ago|at the time|back then|once)\b", re.I)


def _count(value: str) -> int:
    low = value.lower()
    if low in ("a", "an"):
        return 1
    return int(low) if low.isdigit() else _NUMBER_WORDS[low]


def _shift_months(day: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after (negative: before) ``day``'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _week_start(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _stated(day: dt.date | None, precision: str, text: str) -> EventDate:
    return EventDate(day, DateBasis.STATED, precision, text)


def resolve_time(expr: str, base: dt.date | None, *, future: bool = False) -> EventDate | None:
    """Resolve one time expression against the publication date ``base``.

    Args:
        expr: the expression, with its preposition if any ("in March", "last week", "since 2018").
        base: the document's date; relative expressions need it (None: only absolute dates resolve).
        future: the clause speaks of the future ("will meet on Friday"): a bare month or weekday is then
            the next one, not the last.

    Returns:
        The date (first day of the period) with its precision and basis ``stated``; a date of None with
        precision ``before-publication`` for "recently" and the like; None when nothing resolves.
    """
    text = " ".join(expr.split())
    low = text.lower()
    full = find_full_dates(text)
    if full:
        return _stated(full[0][0], DAY, text)
    if _THAT_YEAR.search(text):
        return in_the_year_told(text, None)  # (``dating`` gives it the time it refers to)
    m = re.search(r"\b" + _EVENT_YEAR + r"-(?P<month>\d\d)\b", text)
    if m and 1 <= int(m["month"]) <= 12:
        return _stated(dt.date(int(m["year"]), int(m["month"]), 1), MONTH, text)
    m = _MONTH_YEAR.search(text)
    if m:
        return _stated(dt.date(int(m["year"]), _month(m["month"]), 1), MONTH, text)
    m = _AFTER_YEAR.search(text)
    if m:  # "seven years after the 2016 rupture"
        return _after_year(m, text)
    m = _DECADE.search(text)
    if m:  # "in the 1990s": undated, before the news when the decade ended before the publication's year
        if base is None:
            return None  # with no publication date, a decade says neither when nor whether before the news
        if m["century"]:
            end = int(m["century"] + m["tens"] + "9")
        else:  # "the '90s": the last such decade before publication
            end = (base.year // 100) * 100 + int(m["short"]) * 10 + 9
            end = end if end < base.year else end - 100
        return _stated(None, BEFORE_PUBLICATION, text) if end < base.year else None
    if PAST_ERA.search(text):  # "during World War Two"
        return _stated(None, BEFORE_PUBLICATION, text)
    m = _CENTURY.search(text)
    if m:  # "in the 19th century": undated, before the news when the century ended before the publication's year
        n = int(m["n"]) if m["n"].isdigit() else _CENTURY_ORDINALS[m["n"].lower()]
        return _stated(None, BEFORE_PUBLICATION, text) if base is not None and n * 100 < base.year else None
    if base is None:
        m = _BARE_YEAR.search(text)
        if m:
            return _stated(dt.date(int(m["year"]), 1, 1), YEAR, text)
        # without a publication date, "last month" or "three years ago" still says: before publication
        if _earlier_period(text) or _VAGUE_PAST.search(low):
            return _stated(None, BEFORE_PUBLICATION, text)
        return None
    return _relative(text, low, base, future)


_LATER = re.compile(r"\b" + _COUNT + r"\s+" + _UNIT + r"\s+(?P<way>later|earlier)\b", re.I)
# A year told by reference to a time stated before ("in November that year", "later that same year", "the following
# year"): counted from that time, never from the publication ("Egypt expelled the envoy in November that year", in a
# timeline's 2013 entry, was dated to the news's November).  Not "the next year" ("over the next year" is a span to
# come) nor "the year before" ("in the year before the vote" is a span, not a calendar year).
_THAT_YEAR = re.compile(
    r"\b(?:(?P<that>that|the same|that same)|the\s+(?P<rel>following|previous|preceding))\s+year\b", re.I)


def in_the_year_told(text: str, anchor: EventDate | None) -> EventDate | None:
    """``text``'s date when it names a year by reference to ``anchor``, the last time stated before it with a year
    ("in 2013 ... in November that year": November 2013; "the following year": 2014); with no anchor, before
    publication and undated (a year the text does not give); None when ``text`` names no such year."""
    m = _THAT_YEAR.search(text)
    if m is None:
        return None
    if anchor is None or anchor.date is None:
        return _stated(None, BEFORE_PUBLICATION, text)
    rel = (m["rel"] or "").lower()
    year = anchor.date.year + (1 if rel == "following" else -1 if rel else 0)
    before = text[:m.start()]
    for pattern in _MONTH_DAY:
        day = pattern.search(before)
        if day is not None:
            try:
                return _stated(dt.date(year, _month(day["month"]), int(day["day"])), DAY, text)
            except ValueError:  # "30 February that year"
                return None
    month = _BARE_MONTH.search(before)
    if month is not None:
        return _stated(dt.date(year, _month(month["month"]), 1), MONTH, text)
    return _stated(dt.date(year, 1, 1), YEAR, text)


def later_than(text: str, anchor: EventDate | None) -> EventDate | None:
    """"two years later" told of the past: counted from ``anchor``, the earlier time the sentence states ("split in
    2006 ... recognised Kosovo two years later": 2008); days from a day ("two days later", "a day earlier"); with no
    anchor, before publication and undated (it was the publication's day); None when ``text`` is no such span."""
    m = _LATER.search(text)
    if m is None:
        return None
    n, unit = _count(m["n"]), m["unit"].lower()
    day = anchor.date if anchor is not None else None
    if m["way"].lower() == "earlier":
        # "A day earlier, Ukraine launched drones" after a Wednesday: the Tuesday (it was the news day); only a day
        # counted from a day
        if day is not None and unit.startswith("day") and anchor.precision == DAY:
            return _stated(day - dt.timedelta(days=n), DAY, text)
        return _stated(None, BEFORE_PUBLICATION, text)
    if day is not None and unit.startswith("day") and anchor.precision == DAY:
        return _stated(day + dt.timedelta(days=n), DAY, text)  # "two days later", after a Tuesday: the Thursday
    if day is not None and unit.startswith(("year", "decade")):
        return _stated(dt.date(day.year + n * (10 if unit.startswith("decade") else 1), 1, 1), YEAR, text)
    if day is not None and unit.startswith("month") and anchor.precision in (DAY, WEEK, MONTH):
        return _stated(_shift_months(day, n), MONTH, text)
    return _stated(None, BEFORE_PUBLICATION, text)


def _earlier_period(text: str) -> bool:
    """A week or more back from publication: "last month", "last November", "two years ago"."""
    m = _PERIOD.search(text)
    if m and m["rel"].lower() in ("last", "previous"):
        return True
    m = _LAST_MONTH.search(text)
    if m and m["rel"].lower() == "last":
        return True
    m = _AGO.search(text)
    return bool(m and not m["unit"].lower().startswith("day"))


def _after_year(m: re.Match[str], text: str) -> EventDate | None:
    n, unit, year = _count(m["n"]), m["unit"].lower(), int(m["year"])
    if unit.startswith("year"):
        return _stated(dt.date(year + n, 1, 1), YEAR, text)
    if unit.startswith("decade"):
        return _stated(dt.date(year + 10 * n, 1, 1), YEAR, text)
    return None


def _relative(text: str, low: str, base: dt.date, future: bool) -> EventDate | None:
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", low):
        return _stated(base, DAY, text)
    if re.search(r"\byesterday\b", low):
        return _stated(base - dt.timedelta(days=1), DAY, text)
    if re.search(r"\btomorrow\b", low):
        return _stated(base + dt.timedelta(days=1), DAY, text)
    m = _AGO.search(text)
    if m and _MORE_THAN.search(text[:m.start()]):
        # "more than a decade ago": only that it came before that time (a year there would be an invented date)
        return _stated(None, BEFORE_PUBLICATION, text)
    if m:
        return _ago(_count(m["n"]), m["unit"].lower(), base, text)
    for pattern in _MONTH_DAY:
        m = pattern.search(text)
        if m:
            return _month_day(m, base, future, text)
    m = _MONTH_OF_YEAR.search(text)
    if m:
        year = base.year + {"last": -1, "previous": -1, "next": 1}.get(m["rel"].lower(), 0)
        return _stated(dt.date(year, _month(m["month"]), 1), MONTH, text)
    m = _LAST_MONTH.search(text)
    if m:
        return _named_month(_month(m["month"]), base, m["rel"].lower(), text)
    m = _PERIOD.search(text)
    if m:
        return _period(m["rel"].lower(), m["grain"].lower(), base, text)
    m = _SEASON.search(text)
    if m:
        first, last = _SEASON_MONTHS[m["season"].lower()]
        rel = m["rel"].lower()
        year = base.year if rel not in {"last", "next", "coming"} else (
            base.year - (base.month <= last) if rel == "last" else base.year + (base.month >= first))
        return _stated(dt.date(year, 1, 1), YEAR, text)
    if re.search(r"\b(over|at|during|on)\s+the\s+weekend\b", low):
        # "over the weekend": the last weekend (a Saturday or Sunday story's own), or in a future clause the coming
        # one (it was the publication's day)
        if base.weekday() >= 5:
            return _stated(base - dt.timedelta(days=base.weekday() - 5), WEEK, text)
        ahead = (5 - base.weekday()) % 7 if future else -((base.weekday() - 5) % 7)
        return _stated(base + dt.timedelta(days=ahead), WEEK, text)
    m = _WEEKDAY.search(text)
    if m and not (m["rel"] == "" and re.search(r"\b(on|every|each)\s+" + m["wd"] + r"s\b", low)):
        return _weekday(_WEEKDAYS.index(m["wd"].lower()), m["rel"].lower(), base, future, text)
    m = _BARE_YEAR.search(text)
    if m:
        return _stated(dt.date(int(m["year"]), 1, 1), YEAR, text)
    m = _BARE_MONTH.search(text)
    # "may" is a month only after a preposition ("in May"), never the modal verb
    if m and (m["month"].lower() != "may" or re.search(r"\b(in|since|until|by|early|late|mid|of)[\s-]+may\b", low)):
        return _named_month(_month(m["month"]), base, "future" if future else "", text)
    if _VAGUE_PAST.search(low):
        return _stated(None, BEFORE_PUBLICATION, text)
    return None


def _ago(n: int, unit: str, base: dt.date, text: str) -> EventDate:
    if unit.startswith("day"):
        return _stated(base - dt.timedelta(days=n), DAY, text)
    if unit.startswith("week"):
        return _stated(_week_start(base - dt.timedelta(weeks=n)), WEEK, text)
    if unit.startswith("month"):
        return _stated(_shift_months(base, -n), MONTH, text)
    years = n * (10 if unit.startswith("decade") else 1)
    return _stated(dt.date(base.year - years, 1, 1), YEAR, text)


def _month_day(m: re.Match[str], base: dt.date, future: bool, text: str) -> EventDate | None:
    month, day = _month(m["month"]), int(m["day"])
    years = (base.year, base.year + 1) if future else (base.year, base.year - 1)
    for year in years:
        try:
            d = dt.date(year, month, day)
        except ValueError:
            return None
        # a reported day lies at most two days after publication (time zones, overnight editions)
        if (future and d >= base) or (not future and d <= base + dt.timedelta(days=2)):
            return _stated(d, DAY, text)
    return None


def _named_month(month: int, base: dt.date, rel: str, text: str) -> EventDate:
    """"in March": the most recent March not after publication (the next one when the clause is future);
    "last November": the most recent November before the publication's month."""
    if rel == "future":
        year = base.year if month >= base.month else base.year + 1
    elif rel == "next":
        year = base.year if month > base.month else base.year + 1
    elif rel == "last":
        year = base.year if month < base.month else base.year - 1
    elif rel in ("this", "earlier this", "later this"):
        year = base.year
    else:
        year = base.year if month <= base.month else base.year - 1
    return _stated(dt.date(year, month, 1), MONTH, text)


def _period(rel: str, grain: str, base: dt.date, text: str) -> EventDate:
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if grain == "weekend":  # Saturday and Sunday: a week's grain, known to the two days
        saturday = _week_start(base) + dt.timedelta(weeks=step, days=5)
        return _stated(saturday - dt.timedelta(weeks=1) if rel == "last" and saturday >= base else saturday, WEEK, text)
    if grain == "week":
        return _stated(_week_start(base) + dt.timedelta(weeks=step), WEEK, text)
    if grain == "month":
        return _stated(_shift_months(base, step), MONTH, text)
    return _stated(dt.date(base.year + step, 1, 1), YEAR, text)


def _weekday(index: int, rel: str, base: dt.date, future: bool, text: str) -> EventDate:
    """"on Friday": the most recent Friday, publication day included (a Friday story's "on Friday" is that
    day); "last Friday": strictly before; "next Friday", or a future clause: the coming one."""
    if rel == "next" or (future and rel != "last"):
        ahead = (index - base.weekday()) % 7
        if rel == "next" and ahead == 0:
            ahead = 7
        return _stated(base + dt.timedelta(days=ahead), DAY, text)
    back = (base.weekday() - index) % 7
    if rel == "last" and back == 0:
        back = 7
    return _stated(base - dt.timedelta(days=back), DAY, text)


def before_the_news(date: EventDate, base: dt.date | None) -> bool:
    """Whether a stated date puts its event before the article's news (background).

    A period (week, month, year) that does not hold the publication date lies wholly before it ("last
    week", "in March" in an October story, "in 2019"); a day more than ``RECENT_DAYS`` before publication
    is context too; "recently" and the like are before the news by what they say.
    """
    if date.precision == BEFORE_PUBLICATION:
        return True
    if base is None or date.date is None:
        return False
    if date.precision == DAY:
        return (base - date.date).days > RECENT_DAYS
    if date.precision == WEEK:
        return date.date + dt.timedelta(days=7) <= _week_start(base) and date.date.weekday() == 0
    if date.precision == MONTH:
        return _shift_months(date.date, 1) <= base.replace(day=1)
    if date.precision == YEAR:
        return date.date.year < base.year
    return False


def describe_date(date: dt.date | str | None, precision: str | None, basis: str | None = None) -> str:
    """A date as a reader should see it: only as precise as it is known, background marked.

    ``2023-10-27``, ``week of 2023-10-23``, ``2023-10``, ``2016``, ``before publication``, ``undated``;
    `` (background)`` is added for background evidence.  Rows written before precisions were stored
    (``precision`` None) show their date as it is.
    """
    if isinstance(date, str):
        date = dt.date.fromisoformat(date[:10])
    if date is None:
        text = "before publication" if precision == BEFORE_PUBLICATION else "undated"
    elif precision == WEEK:
        text = f"week of {date.isoformat()}"
    elif precision == MONTH:
        text = date.strftime("%Y-%m")
    elif precision == YEAR:
        text = str(date.year)
    else:
        text = date.isoformat()
    return text + (" (background)" if basis == DateBasis.BACKGROUND.value else "")


def resolve_relative(sentence: str, base: dt.date | None) -> EventDate | None:
    """The date of the first time expression of ``sentence`` (see ``resolve_time``); None when it has none."""
    try:
        return resolve_time(sentence, base)
    except OverflowError:  # "last week" of 0001-01-01
        return None
