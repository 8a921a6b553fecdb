"""Document and event dates."""

import datetime as dt

import pytest

from detente.ingest.dates import (before_the_news, describe_date, in_the_year_told, infer_document_date, resolve_relative,
                                  resolve_time)
from detente.model import DateBasis, EventDate


def test_dates_inferred_from_days_after_anchor_and_caption(seed_texts):
    text = next(t for n, t in seed_texts.items() if n.startswith("002_"))
    inferred = infer_document_date(text)
    assert inferred.basis == DateBasis.INFERRED
    # eighteen days after the 7 October attack (2023, from the dated caption) -> 25 October 2023
    assert inferred.date == dt.date(2023, 10, 25)


def test_dates_unknown_when_text_has_none():
    inferred = infer_document_date("Russia and Israel held talks about Syria on Tuesday.")
    assert inferred.date is None and inferred.basis == DateBasis.UNKNOWN


def test_dates_never_today():
    inferred = infer_document_date("Talks went on last week, officials said.")
    assert inferred.date != dt.date.today()


def test_dates_relative_weekday_resolves_before_publication():
    base = dt.date(2023, 10, 26)  # a Thursday
    d = resolve_relative("On Tuesday, Israel's public broadcaster cited an official.", base)
    assert d is not None and d.date == dt.date(2023, 10, 24) and d.basis == DateBasis.STATED


def test_dates_month_day_without_year_takes_publication_year():
    d = resolve_relative("Since February 24, troops have moved.", dt.date(2022, 8, 16))
    assert d is not None and d.date == dt.date(2022, 2, 24)


def test_dates_explicit_full_date():
    d = resolve_relative("It happened on October 19, 2023 in Moscow.", None)
    assert d is not None and d.date == dt.date(2023, 10, 19)


FRIDAY = dt.date(2024, 2, 23)


@pytest.mark.parametrize("expr, date, precision", [
    ("in 2016", dt.date(2016, 1, 1), "year"),
    ("in March", dt.date(2023, 3, 1), "month"),  # the most recent March not after publication
    ("in June last year", dt.date(2023, 6, 1), "month"),  # the month of the year named, not the year alone
    ("March of this year", dt.date(2024, 3, 1), "month"),
    ("in February", dt.date(2024, 2, 1), "month"),  # the publication's own month
    ("in May", dt.date(2023, 5, 1), "month"),
    ("March 2016", dt.date(2016, 3, 1), "month"),
    ("on 3 August", dt.date(2023, 8, 3), "day"),
    ("on 3 August 2021", dt.date(2021, 8, 3), "day"),
    ("last week", dt.date(2024, 2, 12), "week"),  # the Monday of the week before
    ("this week", dt.date(2024, 2, 19), "week"),
    ("on Friday", FRIDAY, "day"),  # a Friday story's "on Friday" is that day
    ("on Tuesday", dt.date(2024, 2, 20), "day"),
    ("last Friday", dt.date(2024, 2, 16), "day"),
    ("seven years ago", dt.date(2017, 1, 1), "year"),
    ("nearly seven years ago", dt.date(2017, 1, 1), "year"),
    # a lower bound says only "before": its year was an invented date
    ("more than a decade ago", None, "before-publication"),
    ("over two years ago", None, "before-publication"),
    ("three months ago", dt.date(2023, 11, 1), "month"),
    ("seven years after the 2016 rupture", dt.date(2023, 1, 1), "year"),
    ("since the 2018 war", dt.date(2018, 1, 1), "year"),
    ("last November", dt.date(2023, 11, 1), "month"),
    ("last month", dt.date(2024, 1, 1), "month"),
    ("yesterday", dt.date(2024, 2, 22), "day"),
    ("recently", None, "before-publication"),
    ("over the past decades", None, "before-publication"),
    ("over the weekend", dt.date(2024, 2, 17), "week"),  # the last weekend (it was the publication's day)
    ("at the weekend", dt.date(2024, 2, 17), "week"),
])
def test_dates_resolve_time_with_precision(expr, date, precision):
    d = resolve_time(expr, FRIDAY)
    assert d is not None and (d.date, d.precision, d.basis) == (date, precision, DateBasis.STATED)


@pytest.mark.parametrize("expr", ["three days", "in the past six months", "may", "two years later", "a few weeks",
                                  # a month's name opening a longer word: "the last decade" was last December
                                  "over the last decade", "in the next decade", "the next mayor"])
def test_dates_resolve_time_guesses_nothing(expr):
    d = resolve_time(expr, FRIDAY)
    assert d is None


@pytest.mark.parametrize("expr, date, precision", [
    ("in November that year", dt.date(2013, 11, 1), "month"),
    ("on 3 July that same year", dt.date(2013, 7, 3), "day"),
    ("later that year", dt.date(2013, 1, 1), "year"),
    ("the following year", dt.date(2014, 1, 1), "year"),
    ("in the previous year", dt.date(2012, 1, 1), "year"),
])
def test_dates_a_year_told_by_reference_counts_from_the_time_before(expr, date, precision):
    anchor = EventDate(dt.date(2013, 1, 1), DateBasis.STATED, "year", "2013")
    got = in_the_year_told(expr, anchor)
    assert (got.date, got.precision) == (date, precision)
    # with no time before it, no year: "in November that year" was the news's November
    alone = resolve_time(expr, FRIDAY)
    assert (alone.date, alone.precision) == (None, "before-publication")
    assert in_the_year_told(expr, None) == alone


@pytest.mark.parametrize("expr, published, year", [
    ("this spring", dt.date(2026, 11, 20), 2026),
    ("last summer", dt.date(2026, 11, 20), 2026),  # the most recent summer
    ("last summer", dt.date(2026, 4, 10), 2025),
    ("next autumn", dt.date(2026, 11, 20), 2027),
    ("next autumn", dt.date(2026, 4, 10), 2026),
])
def test_dates_a_season_gives_its_year(expr, published, year):
    got = resolve_time(expr, published)
    assert (got.date, got.precision) == (dt.date(year, 1, 1), "year")


def test_dates_a_winter_spans_two_years_and_gives_none():
    assert resolve_time("last winter", dt.date(2026, 11, 20)) is None


def test_dates_a_year_of_the_news_is_no_year_by_reference():
    assert in_the_year_told("in November", None) is None and in_the_year_told("over the next year", None) is None
    assert resolve_time("in November last year", FRIDAY).date == dt.date(2023, 11, 1)


def test_dates_resolve_time_future_takes_the_coming_one():
    assert resolve_time("in March", dt.date(2023, 10, 2), future=True).date == dt.date(2024, 3, 1)
    assert resolve_time("on Monday", FRIDAY, future=True).date == dt.date(2024, 2, 26)
    assert resolve_time("next week", FRIDAY).date == dt.date(2024, 2, 26)
    assert resolve_time("over the weekend", FRIDAY, future=True).date == dt.date(2024, 2, 24)
    # a weekend story's "over the weekend" is its own
    assert resolve_time("over the weekend", dt.date(2024, 2, 25)).date == dt.date(2024, 2, 24)


@pytest.mark.parametrize("expr, background", [
    ("last week", True), ("in March", True), ("in 2019", True), ("last November", True), ("recently", True),
    ("on 3 August", True),  # a day more than a month before publication
    ("on Friday", False), ("yesterday", False), ("this week", False), ("in February", False), ("in 2024", False),
])
def test_dates_before_the_news(expr, background):
    assert before_the_news(resolve_time(expr, FRIDAY), FRIDAY) is background


def test_dates_describe_date_shows_only_what_is_known():
    assert describe_date(dt.date(2016, 1, 1), "year") == "2016"
    assert describe_date("2023-03-01", "month", "background") == "2023-03 (background)"
    assert describe_date(dt.date(2024, 2, 12), "week") == "week of 2024-02-12"
    assert describe_date(None, "before-publication", "background") == "before publication (background)"
    assert describe_date(None, "unknown") == "undated"


@pytest.mark.parametrize("expr, precision", [
    ("last month", "before-publication"), ("last November", "before-publication"),
    ("two years ago", "before-publication"), ("in 2019", "year"),
])
def test_dates_without_publication_date_keep_what_is_known(expr, precision):
    d = resolve_time(expr, None)
    assert d is not None and d.precision == precision
    assert resolve_time("yesterday", None) is None and resolve_time("in March", None) is None


@pytest.mark.parametrize("expr, before", [
    ("in the 1990s", True), ("the late 1980s", True), ("in the '90s", True),
    ("in the 2020s", False),  # the publication's own decade: no date at all, not background
])
def test_a_decade_is_before_publication_with_no_date(expr, before):
    # "fought a war in the 1990s" was dated to the publication day: a decade gives no year, only "before"
    got = resolve_time(expr, dt.date(2024, 3, 6))
    assert (got is not None and got.date is None and got.precision == "before-publication") == before
    if not before:
        assert got is None
    assert resolve_time(expr, None) is None  # no publication date: not even "before" can be said


@pytest.mark.parametrize("expr, date, precision", [
    ("in 1899", dt.date(1899, 1, 1), "year"),  # was left to the publication day: years before 1900 did not parse
    ("in March 1848", dt.date(1848, 3, 1), "month"),
    ("since 1648", dt.date(1648, 1, 1), "year"),
    ("in the 19th century", None, "before-publication"),
    ("the eighteenth century", None, "before-publication"),
    ("centuries ago", None, "before-publication"),
    ("during World War Two", None, "before-publication"),
    ("in the Cold War", None, "before-publication"),
])
def test_dates_an_earlier_century_is_dated_or_before_publication(expr, date, precision):
    d = resolve_time(expr, FRIDAY)
    assert d is not None and (d.date, d.precision, d.basis) == (date, precision, DateBasis.STATED)
    assert before_the_news(d, FRIDAY)


def test_dates_the_publications_own_century_says_nothing():
    assert resolve_time("in the 21st century", FRIDAY) is None
    assert resolve_time("in the 19th century", None) is None  # no publication date: not even "before"


def test_dates_later_counts_from_the_earlier_time_or_says_only_before():
    from detente.ingest.dates import later_than

    anchor = resolve_time("in 2006", FRIDAY)
    got = later_than("two years later", anchor)
    assert (got.date, got.precision) == (dt.date(2008, 1, 1), "year")
    got = later_than("three months later", resolve_time("in March 2020", FRIDAY))
    assert (got.date, got.precision) == (dt.date(2020, 6, 1), "month")
    got = later_than("two years later", None)  # nothing to count from: before the news, on no date
    assert (got.date, got.precision) == (None, "before-publication")
    assert later_than("later this week", anchor) is None


def test_dates_days_later_or_earlier_count_from_a_day():
    # "Xi arrived on Wednesday. A day earlier, Ukraine launched drones": the Tuesday (it was the news day);
    # "two days later" after a Tuesday is the Thursday; from a year, no day is told
    from detente.ingest.dates import later_than

    wednesday = EventDate(dt.date(2025, 5, 7), DateBasis.STATED, "day", "on Wednesday")
    got = later_than("A day earlier", wednesday)
    assert (got.date, got.precision) == (dt.date(2025, 5, 6), "day")
    got = later_than("two days later", wednesday)
    assert (got.date, got.precision) == (dt.date(2025, 5, 9), "day")
    got = later_than("a day earlier", resolve_time("in 2023", FRIDAY))
    assert (got.date, got.precision) == (None, "before-publication")
