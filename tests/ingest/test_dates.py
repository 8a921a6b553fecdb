"""Document and event dates."""

import datetime as dt

from detente.ingest.dates import infer_document_date, resolve_relative
from detente.model import DateBasis


def test_dates_inferred_from_days_after_anchor_and_caption(seed_texts):
    text = next(t for n, t in seed_texts.items() if n.startswith("002_"))
    inferred = infer_document_date(text)
    assert inferred.basis == DateBasis.INFERRED
    # "Eighteen days after Hamas' Oct. 7 attack" (2023, from the dated caption) -> 25 October 2023
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
