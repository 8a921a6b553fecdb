"""Event dates from the clause that holds the event (issue 12), on hand-built spaCy Docs.

Each Doc is built by hand (words, heads, dependency labels, parts of speech, DATE entities) as spaCy's
parser gives them, so every test pins one rule of ``detente.events.dating`` and fails when it is removed.
"""

from __future__ import annotations

import datetime as dt

import sys
from pathlib import Path

import pytest
from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import doc as hand_doc  # noqa: E402

from detente.events.dating import date_event, in_a_timeline, stated_date, timeline_dates  # noqa: E402
from detente.events.modality import Modality  # noqa: E402
from detente.model import DateBasis, Document, EventDate, Sentence  # noqa: E402

LEMMAS = {"said": "say", "consultations": "consultation", "expected": "expect", "began": "begin", "asked": "ask",
          "urged": "urge"}
FRIDAY = dt.date(2024, 2, 23)  # a Friday


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, pos, ent IOB) with absolute head indices."""
    return hand_doc([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], pos=[r[3] for r in rows],
                    lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows], ents=[r[4] for r in rows])


def _tok(doc: Doc, word: str):
    return next(t for t in doc if t.text == word)


def _date(doc: Doc, word: str, published: dt.date = FRIDAY, modality: Modality = Modality()):
    document = Document(id="d", text=doc.text, published=published, date_basis=DateBasis.MANIFEST)
    return date_event(_tok(doc, word), (0, len(doc)), document, modality)


# "Ties were cut seven years ago and restored on Friday."
CUT_AND_RESTORED = [
    ("Ties", 2, "nsubjpass", "NOUN", "O"), ("were", 2, "auxpass", "AUX", "O"), ("cut", 2, "ROOT", "VERB", "O"),
    ("seven", 4, "nummod", "NUM", "B-DATE"), ("years", 5, "npadvmod", "NOUN", "I-DATE"),
    ("ago", 2, "advmod", "ADV", "I-DATE"), ("and", 2, "cc", "CCONJ", "O"), ("restored", 2, "conj", "VERB", "O"),
    ("on", 7, "prep", "ADP", "O"), ("Friday", 8, "pobj", "PROPN", "B-DATE"), (".", 2, "punct", "PUNCT", "O"),
]


def test_dating_earlier_time_reaches_only_its_own_clause():
    doc = _doc(CUT_AND_RESTORED)
    cut, restored = _date(doc, "cut"), _date(doc, "restored")
    assert (cut.date, cut.precision, cut.basis) == (dt.date(2017, 1, 1), "year", DateBasis.BACKGROUND)
    assert (restored.date, restored.precision, restored.basis) == (FRIDAY, "day", DateBasis.STATED)


def test_dating_relative_clause_has_its_own_time():
    # "The court, which in March issued a warrant, was criticised."
    doc = _doc([
        ("The", 1, "det", "DET", "O"), ("court", 9, "nsubjpass", "NOUN", "O"), (",", 1, "punct", "PUNCT", "O"),
        ("which", 6, "nsubj", "PRON", "O"), ("in", 6, "prep", "ADP", "O"), ("March", 4, "pobj", "PROPN", "B-DATE"),
        ("issued", 1, "relcl", "VERB", "O"), ("a", 8, "det", "DET", "O"), ("warrant", 6, "dobj", "NOUN", "O"),
        ("criticised", 9, "ROOT", "VERB", "O"), (".", 9, "punct", "PUNCT", "O"),
    ])
    issued, criticised = _date(doc, "issued", dt.date(2023, 10, 25)), _date(doc, "criticised", dt.date(2023, 10, 25))
    assert (issued.date, issued.precision, issued.basis) == (dt.date(2023, 3, 1), "month", DateBasis.BACKGROUND)
    assert (criticised.date, criticised.basis) == (dt.date(2023, 10, 25), DateBasis.PUBLISHED)


def test_dating_since_clause_dates_the_main_clause():
    # "Since rising to power in a 2018 uprising, Pashinyan has deepened ties."
    doc = _doc([
        ("Since", 10, "prep", "SCONJ", "O"), ("rising", 0, "pcomp", "VERB", "O"), ("to", 1, "prep", "ADP", "O"),
        ("power", 2, "pobj", "NOUN", "O"), ("in", 1, "prep", "ADP", "O"), ("a", 7, "det", "DET", "O"),
        ("2018", 7, "nummod", "NUM", "B-DATE"), ("uprising", 4, "pobj", "NOUN", "O"), (",", 10, "punct", "PUNCT", "O"),
        ("Pashinyan", 10, "nsubj", "PROPN", "O"), ("deepened", 10, "ROOT", "VERB", "O"),
        ("ties", 10, "dobj", "NOUN", "O"), (".", 10, "punct", "PUNCT", "O"),
    ])
    deepened = _date(doc, "deepened")
    assert (deepened.date, deepened.precision, deepened.basis) == (dt.date(2018, 1, 1), "year", DateBasis.BACKGROUND)
    assert deepened.text.startswith("since")


def test_dating_years_after_counts_back_from_the_main_clause():
    # "Iran restored ties on Friday, seven years after they were cut."
    doc = _doc([
        ("Iran", 1, "nsubj", "PROPN", "O"), ("restored", 1, "ROOT", "VERB", "O"), ("ties", 1, "dobj", "NOUN", "O"),
        ("on", 1, "prep", "ADP", "O"), ("Friday", 3, "pobj", "PROPN", "B-DATE"), (",", 1, "punct", "PUNCT", "O"),
        ("seven", 7, "nummod", "NUM", "B-DATE"), ("years", 11, "npadvmod", "NOUN", "I-DATE"),
        ("after", 11, "mark", "SCONJ", "O"), ("they", 11, "nsubjpass", "PRON", "O"), ("were", 11, "auxpass", "AUX", "O"),
        ("cut", 1, "advcl", "VERB", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    restored, cut = _date(doc, "restored", dt.date(2023, 3, 10)), _date(doc, "cut", dt.date(2023, 3, 10))
    assert (restored.date, restored.basis) == (dt.date(2023, 3, 10), DateBasis.STATED)
    assert (cut.date, cut.precision, cut.basis) == (dt.date(2016, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_reported_clause_takes_its_speech_verbs_time():
    # "He said last week that membership was frozen."
    doc = _doc([
        ("He", 1, "nsubj", "PRON", "O"), ("said", 1, "ROOT", "VERB", "O"), ("last", 3, "amod", "ADJ", "B-DATE"),
        ("week", 1, "npadvmod", "NOUN", "I-DATE"), ("that", 7, "mark", "SCONJ", "O"),
        ("membership", 7, "nsubjpass", "NOUN", "O"), ("was", 7, "auxpass", "AUX", "O"), ("frozen", 1, "ccomp", "VERB", "O"),
        (".", 1, "punct", "PUNCT", "O"),
    ])
    frozen = _date(doc, "frozen")
    assert (frozen.date, frozen.precision, frozen.basis) == (dt.date(2024, 2, 12), "week", DateBasis.BACKGROUND)


def test_dating_a_year_on_a_noun_dates_that_noun_only():
    # "Beijing criticised the 2019 decision."
    doc = _doc([
        ("Beijing", 1, "nsubj", "PROPN", "O"), ("criticised", 1, "ROOT", "VERB", "O"), ("the", 4, "det", "DET", "O"),
        ("2019", 4, "nummod", "NUM", "B-DATE"), ("decision", 1, "dobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    assert _date(doc, "criticised").basis == DateBasis.PUBLISHED
    decision = _date(doc, "decision")
    assert (decision.date, decision.precision) == (dt.date(2019, 1, 1), "year")


def test_dating_a_time_on_an_event_noun_in_the_object_dates_that_act():
    # "Chile is investigating a link to the killing in June ." : June dates the killing, not the investigating;
    # "Chile launched the attack in June" (the verb's own object) is the attack, so June dates the launch
    rows = [("Chile", 2, "nsubj", "PROPN", "B-GPE"), ("is", 2, "aux", "AUX", "O"),
            ("investigating", 2, "ROOT", "VERB", "O"),
            ("a", 4, "det", "DET", "O"), ("link", 2, "dobj", "NOUN", "O"), ("to", 4, "prep", "ADP", "O"),
            ("the", 7, "det", "DET", "O"), ("killing", 5, "pobj", "NOUN", "O"), ("in", 7, "prep", "ADP", "O"),
            ("June", 8, "pobj", "PROPN", "B-DATE"), (".", 2, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    inv = _date(doc, "investigating", dt.date(2023, 9, 19))
    assert (inv.date, inv.basis) == (dt.date(2023, 9, 19), DateBasis.PUBLISHED)
    assert _date(doc, "killing", dt.date(2023, 9, 19)).date == dt.date(2023, 6, 1)
    launch = _doc([("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("launched", 1, "ROOT", "VERB", "O"),
                   ("the", 3, "det", "DET", "O"), ("attack", 1, "dobj", "NOUN", "O"), ("in", 3, "prep", "ADP", "O"),
                   ("June", 4, "pobj", "PROPN", "B-DATE"), (".", 1, "punct", "PUNCT", "O")])
    assert _date(launch, "launched", dt.date(2023, 9, 19)).date == dt.date(2023, 6, 1)


def test_dating_a_time_in_the_subjects_apposition_describes_it_only():
    # "Chile , a rival until ties in March , rejected the talks ." : March is in the apposition on Chile
    doc = _doc([("Chile", 9, "nsubj", "PROPN", "B-GPE"), (",", 0, "punct", "PUNCT", "O"), ("a", 3, "det", "DET", "O"),
                ("rival", 0, "appos", "NOUN", "O"), ("until", 3, "prep", "ADP", "O"), ("ties", 4, "pobj", "NOUN", "O"),
                ("in", 5, "prep", "ADP", "O"), ("March", 6, "pobj", "PROPN", "B-DATE"), (",", 0, "punct", "PUNCT", "O"),
                ("rejected", 9, "ROOT", "VERB", "O"), ("the", 11, "det", "DET", "O"), ("talks", 9, "dobj", "NOUN", "O"),
                (".", 9, "punct", "PUNCT", "O")])
    got = _date(doc, "rejected", dt.date(2023, 9, 21))
    assert (got.date, got.basis) == (dt.date(2023, 9, 21), DateBasis.PUBLISHED)


def test_dating_since_on_a_noun_counts_that_noun_back_and_dates_nothing():
    # "Chile spoke in its first interview since 2019 ." : 2019 is when the last such interview was, not when it spoke
    doc = _doc([("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("spoke", 1, "ROOT", "VERB", "O"),
                ("in", 1, "prep", "ADP", "O"), ("its", 5, "poss", "PRON", "O"), ("first", 5, "amod", "ADJ", "O"),
                ("interview", 2, "pobj", "NOUN", "O"), ("since", 5, "prep", "ADP", "O"),
                ("2019", 6, "pobj", "NUM", "B-DATE"), (".", 1, "punct", "PUNCT", "O")])
    got = _date(doc, "spoke", dt.date(2023, 9, 21))
    assert (got.date, got.basis) == (dt.date(2023, 9, 21), DateBasis.PUBLISHED)


def test_dating_a_when_clauses_time_is_its_main_clauses():
    # "When Chile landed in March , Peru greeted it ." : the greeting was in March too
    doc = _doc([("When", 2, "advmod", "SCONJ", "O"), ("Chile", 2, "nsubj", "PROPN", "B-GPE"),
                ("landed", 7, "advcl", "VERB", "O"), ("in", 2, "prep", "ADP", "O"),
                ("March", 3, "pobj", "PROPN", "B-DATE"), (",", 7, "punct", "PUNCT", "O"),
                ("Peru", 7, "nsubj", "PROPN", "B-GPE"), ("greeted", 7, "ROOT", "VERB", "O"),
                ("it", 7, "dobj", "PRON", "O"), (".", 7, "punct", "PUNCT", "O")])
    got = _date(doc, "greeted", dt.date(2023, 9, 21))
    assert (got.date, got.precision) == (dt.date(2023, 3, 1), "month")


def test_dating_future_clause_takes_the_coming_month():
    # "Israel will host talks in March." (published in October)
    doc = _doc([
        ("Israel", 2, "nsubj", "PROPN", "O"), ("will", 2, "aux", "AUX", "O"), ("host", 2, "ROOT", "VERB", "O"),
        ("talks", 2, "dobj", "NOUN", "O"), ("in", 2, "prep", "ADP", "O"), ("March", 4, "pobj", "PROPN", "B-DATE"),
        (".", 2, "punct", "PUNCT", "O"),
    ])
    host = _date(doc, "host", dt.date(2023, 10, 2))
    assert (host.date, host.precision, host.basis) == (dt.date(2024, 3, 1), "month", DateBasis.STATED)


@pytest.mark.parametrize("cue", ["for years", "had (past perfect)", "(continues the previous sentence)"])
def test_dating_background_without_a_time_gets_no_day(cue):
    # "Israel and Russia cooperated." with a background cue: the date is unknown, never made up
    doc = _doc([
        ("Israel", 3, "nsubj", "PROPN", "O"), ("and", 0, "cc", "CCONJ", "O"), ("Russia", 0, "conj", "PROPN", "O"),
        ("cooperated", 3, "ROOT", "VERB", "O"), (".", 3, "punct", "PUNCT", "O"),
    ])
    d = _date(doc, "cooperated", modality=Modality(background=True, background_cue=cue))
    assert (d.date, d.precision, d.basis) == (None, "before-publication", DateBasis.BACKGROUND)


def test_dating_continued_background_yields_to_a_stated_time():
    doc = _doc(CUT_AND_RESTORED)
    carried = Modality(background=True, background_cue="(continues the previous sentence)")
    restored = _date(doc, "restored", modality=carried)
    assert (restored.date, restored.basis) == (FRIDAY, DateBasis.STATED)


def test_dating_no_publication_date_is_unknown():
    doc = _doc(CUT_AND_RESTORED)
    document = Document(id="d", text=doc.text, published=None)
    d = date_event(_tok(doc, "restored"), (0, len(doc)), document, Modality())
    assert (d.date, d.precision, d.basis) == (None, "unknown", DateBasis.UNKNOWN)
    # without a publication date "seven years ago" still says "before publication", and so background
    cut = date_event(_tok(doc, "cut"), (0, len(doc)), document, Modality())
    assert (cut.date, cut.precision, cut.basis) == (None, "before-publication", DateBasis.BACKGROUND)
    assert stated_date(_tok(doc, "restored"), (0, len(doc)), None) is None  # "on Friday" needs a base


def test_dating_a_dated_nouns_time_reaches_its_non_finite_complement():
    # "Beijing welcomed the 2019 decision to change recognition."
    doc = _doc([
        ("Beijing", 1, "nsubj", "PROPN", "O"), ("welcomed", 1, "ROOT", "VERB", "O"), ("the", 4, "det", "DET", "O"),
        ("2019", 4, "nummod", "NUM", "B-DATE"), ("decision", 1, "dobj", "NOUN", "O"), ("to", 6, "aux", "PART", "O"),
        ("change", 4, "acl", "VERB", "O"), ("recognition", 6, "dobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    recognition = _date(doc, "recognition")
    assert (recognition.date, recognition.precision, recognition.basis) == (dt.date(2019, 1, 1), "year",
                                                                            DateBasis.BACKGROUND)
    assert _date(doc, "welcomed").basis == DateBasis.PUBLISHED


def test_dating_background_cue_in_a_relative_clause_stays_there():
    # "Armenia accused Russia, which has drawn closer to Iran in recent years."
    from detente.events.lexicon import load_lexicon
    from detente.events.modality import read_modality

    doc = _doc([
        ("Armenia", 1, "nsubj", "PROPN", "O"), ("accused", 1, "ROOT", "VERB", "O"), ("Russia", 1, "dobj", "PROPN", "O"),
        (",", 2, "punct", "PUNCT", "O"), ("which", 6, "nsubj", "PRON", "O"), ("has", 6, "aux", "AUX", "O"),
        ("drawn", 2, "relcl", "VERB", "O"), ("closer", 6, "advmod", "ADV", "O"), ("to", 6, "prep", "ADP", "O"),
        ("Iran", 8, "pobj", "PROPN", "O"), ("in", 6, "prep", "ADP", "O"), ("recent", 12, "amod", "ADJ", "O"),
        ("years", 10, "pobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    lexicon = load_lexicon()
    assert not read_modality(_tok(doc, "accused"), doc[:], lexicon).background
    assert read_modality(_tok(doc, "drawn"), doc[:], lexicon).background


def test_dating_long_standing_describes_the_noun_not_the_time():
    # "Russia abandoned its long - standing ally." (spaCy splits the hyphenated adjective)
    from detente.events.lexicon import load_lexicon
    from detente.events.modality import read_modality

    doc = _doc([
        ("Russia", 1, "nsubj", "PROPN", "O"), ("abandoned", 1, "ROOT", "VERB", "O"), ("its", 6, "poss", "PRON", "O"),
        ("long", 5, "advmod", "ADV", "O"), ("-", 5, "punct", "PUNCT", "O"), ("standing", 6, "amod", "VERB", "O"),
        ("ally", 1, "dobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    assert not read_modality(_tok(doc, "abandoned"), doc[:], load_lexicon()).background


def test_an_event_named_as_what_came_before_is_background():
    # "Sweden applied after Russia's invasion of Ukraine.": the invasion is context; the application is the news
    from detente.events.lexicon import load_lexicon
    from detente.events.modality import read_modality

    doc = _doc([
        ("Sweden", 1, "nsubj", "PROPN", "O"), ("applied", 1, "ROOT", "VERB", "O"), ("after", 1, "prep", "ADP", "O"),
        ("Russia", 5, "poss", "PROPN", "O"), ("'s", 3, "case", "PART", "O"), ("invasion", 2, "pobj", "NOUN", "O"),
        ("of", 5, "prep", "ADP", "O"), ("Ukraine", 6, "pobj", "PROPN", "O"), (".", 1, "punct", "PUNCT", "O"),
    ])
    lexicon = load_lexicon()
    assert read_modality(_tok(doc, "invasion"), doc[:], lexicon).background
    assert not read_modality(_tok(doc, "invasion"), doc[:], lexicon, disabled={"earlier_event_noun"}).background
    assert not read_modality(_tok(doc, "applied"), doc[:], lexicon).background


def test_dating_leaves_no_reference_cycle_on_the_doc():
    """The DATE entities cached on a Doc are ints: a Span kept in the Doc's ``user_data`` holds the Doc, and the
    cycle kept every Doc of an ingest alive until the collector's next full pass (its peak memory grew with the
    run).  The Doc must be freed as soon as its last reference goes, with the collector off."""
    import gc
    import weakref

    doc = _doc(CUT_AND_RESTORED)
    assert (_date(doc, "restored").date, _date(doc, "cut").precision) == (FRIDAY, "year")  # the cache is filled
    assert "detente_date_entities" in doc.user_data
    ref = weakref.ref(doc)
    was = gc.isenabled()
    gc.disable()
    try:
        del doc
        assert ref() is None
    finally:
        if was:
            gc.enable()


VERB_FORMS = {"VBD": "issued", "VBZ": "issues", "VB": "issue"}


def _court(time: list[tuple[str, str, str]], verb_tag: str = "VBD", aux: str | None = None):
    """"The court, which <time> issued a warrant, was criticised." with ``time`` as (word, dep, ent) rows placed
    before the verb (heads: the first is the verb's prep, the rest its object), and the tags the rule reads."""
    rows = [("The", 1, "det", "DET", "O", "DT"), ("court", 0, "nsubjpass", "NOUN", "O", "NN"),
            (",", 1, "punct", "PUNCT", "O", ","), ("which", 0, "nsubj", "PRON", "O", "WDT")]
    if aux:
        rows.append((aux, 0, "aux", "AUX", "O", "MD"))
    first = len(rows)
    for k, (word, dep, ent) in enumerate(time):
        rows.append((word, first if k else 0, dep, "ADP" if dep == "prep" else "PROPN", ent, "IN" if dep == "prep"
                     else "NNP"))
    verb = len(rows)
    rows += [(VERB_FORMS[verb_tag], 1, "relcl", "VERB", "O", verb_tag),
             ("a", verb + 2, "det", "DET", "O", "DT"), ("warrant", verb, "dobj", "NOUN", "O", "NN"),
             ("was", verb + 4, "auxpass", "AUX", "O", "VBD"), ("criticised", verb + 4, "ROOT", "VERB", "O", "VBN"),
             (".", verb + 4, "punct", "PUNCT", "O", ".")]
    heads = [verb if r[1] == 0 and r[2] in {"nsubj", "prep", "aux"} else r[1] for r in rows]
    heads[1] = verb + 4
    if time and time[0][1] != "prep":  # a bare time ("March"): the verb's npadvmod
        heads[first] = verb
    return hand_doc([r[0] for r in rows], heads, [r[2] for r in rows], pos=[r[3] for r in rows],
                    ents=[r[4] for r in rows], tags=[r[5] for r in rows])


def _undated(doc: Doc, word: str):
    document = Document(id="d", text=doc.text, published=None)
    return date_event(_tok(doc, word), (0, len(doc)), document, Modality())


def test_dating_undated_article_past_event_dated_by_a_month_is_background():
    # an undated article: "which in March issued a warrant" is context, with no year to date it by
    doc = _court([("in", "prep", "O"), ("March", "pobj", "B-DATE")])
    issued, criticised = _undated(doc, "issued"), _undated(doc, "criticised")
    assert (issued.date, issued.precision, issued.basis, issued.text) == (
        None, "before-publication", DateBasis.BACKGROUND, "in March")
    assert (criticised.date, criticised.basis) == (None, DateBasis.UNKNOWN)
    # the same article dated in March: the date decides, and March holds the news
    dated = date_event(_tok(doc, "issued"), (0, len(doc)), Document(id="d", text=doc.text,
                       published=dt.date(2023, 3, 20)), Modality())
    assert (dated.date, dated.precision, dated.basis) == (dt.date(2023, 3, 1), "month", DateBasis.STATED)


def test_dating_undated_article_past_event_dated_by_a_year_keeps_the_year_as_background():
    doc = _court([("in", "prep", "O"), ("2019", "pobj", "B-DATE")])
    issued = _undated(doc, "issued")
    assert (issued.date, issued.precision, issued.basis) == (dt.date(2019, 1, 1), "year", DateBasis.BACKGROUND)


@pytest.mark.parametrize("time, tag, aux", [
    ([("on", "prep", "O"), ("Friday", "pobj", "B-DATE")], "VBD", None),  # a weekday dates the news itself
    ([("in", "prep", "O"), ("March", "pobj", "B-DATE")], "VB", "will"),  # the future is not context
    ([("in", "prep", "O"), ("March", "pobj", "B-DATE")], "VBZ", None),  # nor the present ("which in March sits")
    ([], "VBD", None),  # no time: nothing to read
])
def test_dating_undated_article_news_times_and_the_future_stay_undated(time, tag, aux):
    doc = _court(time, tag, aux)
    event = _undated(doc, VERB_FORMS[tag])
    assert (event.date, event.basis) == (None, DateBasis.UNKNOWN)


def test_dating_a_decade_is_background_with_no_date():
    # "They fought a war in the 1990s ." was dated to the publication day
    doc = _doc([("They", 1, "nsubj", "PRON", "O"), ("fought", 1, "ROOT", "VERB", "O"), ("a", 3, "det", "DET", "O"),
                ("war", 1, "dobj", "NOUN", "O"), ("in", 1, "prep", "ADP", "O"), ("the", 6, "det", "DET", "B-DATE"),
                ("1990s", 4, "pobj", "NUM", "I-DATE"), (".", 1, "punct", "PUNCT", "O")])
    got = _date(doc, "fought")
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)


@pytest.mark.parametrize("year, background", [("2008", True), ("2024", False)])
def test_dating_a_past_act_after_an_earlier_years_event_is_background(year, background):
    # "After the 2008 war , Russia recognised Abkhazia ." (published 2024): before the news, on no stated day; after
    # a war of the publication's own year it may be the news itself (the publication's day, as any undated act)
    doc = _doc([("After", 6, "prep", "ADP", "O"), ("the", 3, "det", "DET", "O"), (year, 3, "nummod", "NUM", "B-DATE"),
                ("war", 0, "pobj", "NOUN", "O"), (",", 6, "punct", "PUNCT", "O"), ("Russia", 6, "nsubj", "PROPN", "B-GPE"),
                ("recognised", 6, "ROOT", "VERB", "O"), ("Abkhazia", 6, "dobj", "PROPN", "B-GPE"),
                (".", 6, "punct", "PUNCT", "O")])
    doc[6].tag_ = "VBD"
    got = _date(doc, "recognised")
    assert (got.date is None and got.basis == DateBasis.BACKGROUND) == background
    if not background:
        assert (got.date, got.precision) == (FRIDAY, "day")


def _tagged(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, pos, tag, ent IOB)."""
    return hand_doc([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], pos=[r[3] for r in rows],
                    tags=[r[4] for r in rows], lemmas=[LEMMAS.get(r[0], r[0].lower()) for r in rows],
                    ents=[r[5] for r in rows])


@pytest.mark.parametrize("own_subject", [False, True])
def test_dating_a_subjectless_conjunct_shares_its_verbs_time(own_subject):
    # "Chile visited Peru in 2019 and agreed to talks ." : the agreeing was in 2019 too; "... and Peru agreed to
    # talks" is a clause of its own, with no time: the news day (a fronted time reaches it:
    # ``test_dating_a_fronted_time_reaches_the_joined_clauses``)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("visited", 1, "ROOT", "VERB", "VBD", "O"),
            ("Peru", 1, "dobj", "PROPN", "NNP", "B-GPE"), ("in", 1, "prep", "ADP", "IN", "O"),
            ("2019", 3, "pobj", "NUM", "CD", "B-DATE"),
            ("and", 1, "cc", "CCONJ", "CC", "O"), ("agreed", 1, "conj", "VERB", "VBD", "O"),
            ("to", 6, "prep", "ADP", "IN", "O"), ("talks", 7, "pobj", "NOUN", "NNS", "O"),
            (".", 1, "punct", "PUNCT", ".", "O")]
    if own_subject:  # "Peru" before "agreed", heads after it moved one place on
        rows = [(w, h + (h >= 6), d, p, t, e) for w, h, d, p, t, e in rows]
        rows.insert(6, ("Peru", 7, "nsubj", "PROPN", "NNP", "B-GPE"))
    got = _date(_tagged(rows), "agreed", dt.date(2024, 1, 17))
    if own_subject:
        assert (got.date, got.basis) == (dt.date(2024, 1, 17), DateBasis.PUBLISHED)
    else:
        assert (got.date, got.precision, got.basis) == (dt.date(2019, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_a_participle_on_a_dated_verb_shares_its_time():
    # "Chile cut ties in 2017 , accusing Peru ." : the accusation came with the cut, in 2017
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("cut", 1, "ROOT", "VERB", "VBD", "O"),
                   ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("in", 1, "prep", "ADP", "IN", "O"),
                   ("2017", 3, "pobj", "NUM", "CD", "B-DATE"), (",", 1, "punct", "PUNCT", ",", "O"),
                   ("accusing", 1, "advcl", "VERB", "VBG", "O"), ("Peru", 6, "dobj", "PROPN", "NNP", "B-GPE"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "accusing", dt.date(2024, 1, 17))
    assert (got.date, got.precision, got.basis) == (dt.date(2017, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_an_after_clause_of_a_background_act_is_background_undated():
    # "Chile cut ties in 2016 after rebels stormed its embassy ." : the storming came before 2016's cut, on no day
    # the text gives (it was dated to the news day)
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("cut", 1, "ROOT", "VERB", "VBD", "O"),
                   ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("in", 1, "prep", "ADP", "IN", "O"),
                   ("2016", 3, "pobj", "NUM", "CD", "B-DATE"), ("after", 7, "mark", "SCONJ", "IN", "O"),
                   ("rebels", 7, "nsubj", "NOUN", "NNS", "O"), ("stormed", 1, "advcl", "VERB", "VBD", "O"),
                   ("its", 9, "poss", "PRON", "PRP$", "O"), ("embassy", 7, "dobj", "NOUN", "NN", "O"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "stormed", dt.date(2023, 6, 7))
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)
    # after a clause of the news day, the after-clause keeps the news day
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("cut", 1, "ROOT", "VERB", "VBD", "O"),
                   ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("after", 5, "mark", "SCONJ", "IN", "O"),
                   ("rebels", 5, "nsubj", "NOUN", "NNS", "O"), ("stormed", 1, "advcl", "VERB", "VBD", "O"),
                   ("its", 7, "poss", "PRON", "PRP$", "O"), ("embassy", 5, "dobj", "NOUN", "NN", "O"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    assert _date(doc, "stormed", dt.date(2023, 6, 7)).basis == DateBasis.PUBLISHED


@pytest.mark.parametrize("had", [True, False])
def test_dating_an_after_clause_of_a_past_perfect_clause_is_background_undated(had):
    # "Chile [had] backed Peru after rebels stormed its embassy and fled ." : under a past-perfect clause, the
    # after-clause (and its subjectless conjunct) came before it, on no day the text gives
    rows = [("Chile", 2, "nsubj", "PROPN", "NNP", "B-GPE"), ("had", 2, "aux", "AUX", "VBD", "O"),
            ("backed", 2, "ROOT", "VERB", "VBN", "O"), ("Peru", 2, "dobj", "PROPN", "NNP", "B-GPE"),
            ("after", 6, "mark", "SCONJ", "IN", "O"), ("rebels", 6, "nsubj", "NOUN", "NNS", "O"),
            ("stormed", 2, "advcl", "VERB", "VBD", "O"), ("its", 8, "poss", "PRON", "PRP$", "O"),
            ("embassy", 6, "dobj", "NOUN", "NN", "O"), ("and", 6, "cc", "CCONJ", "CC", "O"),
            ("fled", 6, "conj", "VERB", "VBD", "O"), (".", 2, "punct", "PUNCT", ".", "O")]
    if not had:
        rows = [(w, h - (h > 1), d, p, "VBD" if w == "backed" else t, e) for w, h, d, p, t, e in rows if w != "had"]
    doc = _tagged(rows)
    for word in ("stormed", "fled"):
        got = _date(doc, word, dt.date(2023, 6, 7))
        if had:
            assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND), word
        else:
            assert got.basis == DateBasis.PUBLISHED, word


def test_dating_a_past_relative_clause_in_a_background_clause_is_background_undated():
    # "In 2020 , Chile signed a deal with Peru , which recognised it ." : the recognition is part of the 2020 story,
    # on no day the text gives (it was dated to the news day)
    doc = _tagged([("In", 4, "prep", "ADP", "IN", "O"), ("2020", 0, "pobj", "NUM", "CD", "B-DATE"),
                   (",", 4, "punct", "PUNCT", ",", "O"), ("Chile", 4, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("signed", 4, "ROOT", "VERB", "VBD", "O"), ("a", 6, "det", "DET", "DT", "O"),
                   ("deal", 4, "dobj", "NOUN", "NN", "O"), ("with", 6, "prep", "ADP", "IN", "O"),
                   ("Peru", 7, "pobj", "PROPN", "NNP", "B-GPE"), (",", 8, "punct", "PUNCT", ",", "O"),
                   ("which", 11, "nsubj", "PRON", "WDT", "O"), ("recognised", 8, "relcl", "VERB", "VBD", "O"),
                   ("it", 11, "dobj", "PRON", "PRP", "O"), (".", 4, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "recognised", dt.date(2021, 8, 24))
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)


def test_dating_a_date_entity_run_across_a_comma_is_two_times_and_a_purpose_takes_no_time():
    # "Chile recalled its envoy for consultations on Tuesday , days after Peru cut ties ." with the tagger's one
    # DATE entity "Tuesday , days": the recall was on Tuesday (the time is no purpose's own), the cutting some days
    # before it (background, no day); it was dated Tuesday
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", 1, "ROOT", "VERB", "VBD", "O"),
                   ("its", 3, "poss", "PRON", "PRP$", "O"), ("envoy", 1, "dobj", "NOUN", "NN", "O"),
                   ("for", 1, "prep", "ADP", "IN", "O"), ("consultations", 4, "pobj", "NOUN", "NNS", "O"),
                   ("on", 5, "prep", "ADP", "IN", "O"), ("Tuesday", 6, "pobj", "PROPN", "NNP", "B-DATE"),
                   (",", 1, "punct", "PUNCT", ",", "I-DATE"), ("days", 12, "npadvmod", "NOUN", "NNS", "I-DATE"),
                   ("after", 12, "mark", "SCONJ", "IN", "O"), ("Peru", 12, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("cut", 1, "advcl", "VERB", "VBD", "O"), ("ties", 12, "dobj", "NOUN", "NNS", "O"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    recalled, cut = _date(doc, "recalled"), _date(doc, "cut")
    assert (recalled.date, recalled.precision) == (dt.date(2024, 2, 20), "day")
    assert (cut.date, cut.precision, cut.basis) == (None, "before-publication", DateBasis.BACKGROUND)


@pytest.mark.parametrize("date_words, day", [
    ((("September", "NNP"), ("18", "CD"), (",", ","), ("2023", "CD")), dt.date(2023, 9, 18)),
    ((("Monday", "NNP"), (",", ","), ("February", "NNP"), ("12", "CD")), dt.date(2024, 2, 12)),
])
def test_dating_a_comma_within_one_written_day_cuts_nothing(date_words, day):
    # "Chile recalled its envoy on September 18 , 2023 ." and "... on Monday , February 12 .", told in November
    # 2024: one day each; the comma cut the first into "September 18" of the news year and "2023", the second into
    # the Monday of the news week
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", 1, "ROOT", "VERB", "VBD", "O"),
            ("its", 3, "poss", "PRON", "PRP$", "O"), ("envoy", 1, "dobj", "NOUN", "NN", "O"),
            ("on", 1, "prep", "ADP", "IN", "O")]
    for k, (word, tag) in enumerate(date_words):  # the parser's shape: the first word the object, the rest on it
        root = k == 0
        pos = "PUNCT" if word == "," else ("NUM" if tag == "CD" else "PROPN")
        rows.append((word, 4 if root else 5, "pobj" if root else ("punct" if word == "," else "nummod"), pos, tag,
                     "B-DATE" if root else "I-DATE"))
    rows.append((".", 1, "punct", "PUNCT", ".", "O"))
    doc = hand_doc([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], pos=[r[3] for r in rows],
                   tags=[r[4] for r in rows], ents=[r[5] for r in rows],
                   spaces=[not (k + 1 < len(rows) and rows[k + 1][0] in {",", "."}) for k in range(len(rows))])
    got = _date(doc, "recalled", dt.date(2024, 11, 22))
    assert (got.date, got.precision) == (day, "day")


def test_dating_the_perfects_conjunct_tagged_as_a_past_shares_its_time():
    # "Chile said on Sunday it had cut ties and recalled its envoy ." : the tagger reads "recalled" as a simple past
    # (VBD) under the perfect's "had"; it is told on Sunday too (it was dated to the news day)
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("said", 1, "ROOT", "VERB", "VBD", "O"),
                   ("on", 1, "prep", "ADP", "IN", "O"), ("Sunday", 2, "pobj", "PROPN", "NNP", "B-DATE"),
                   ("it", 6, "nsubj", "PRON", "PRP", "O"), ("had", 6, "aux", "AUX", "VBD", "O"),
                   ("cut", 1, "ccomp", "VERB", "VBN", "O"), ("ties", 6, "dobj", "NOUN", "NNS", "O"),
                   ("and", 6, "cc", "CCONJ", "CC", "O"), ("recalled", 6, "conj", "VERB", "VBD", "O"),
                   ("its", 11, "poss", "PRON", "PRP$", "O"), ("envoy", 9, "dobj", "NOUN", "NN", "O"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    cut, recalled = _date(doc, "cut"), _date(doc, "recalled")
    assert recalled.date == cut.date == dt.date(2024, 2, 18) and recalled.precision == "day"


def test_dating_a_participle_on_a_noun_of_a_background_clause_is_background_undated():
    # "In 2020 , Chile signed a deal brokered by Peru ." : the brokering is part of the 2020 story, on no day the
    # text gives (it was dated to the news day)
    doc = _tagged([("In", 4, "prep", "ADP", "IN", "O"), ("2020", 0, "pobj", "NUM", "CD", "B-DATE"),
                   (",", 4, "punct", "PUNCT", ",", "O"), ("Chile", 4, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("signed", 4, "ROOT", "VERB", "VBD", "O"), ("a", 6, "det", "DET", "DT", "O"),
                   ("deal", 4, "dobj", "NOUN", "NN", "O"), ("brokered", 6, "acl", "VERB", "VBN", "O"),
                   ("by", 7, "agent", "ADP", "IN", "O"), ("Peru", 8, "pobj", "PROPN", "NNP", "B-GPE"),
                   (".", 4, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "brokered", dt.date(2021, 8, 24))
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)


def test_dating_a_clause_on_a_reported_noun_takes_the_speech_verbs_time():
    # "Peru said last year it found evidence that Chile was arming rebels ." : the arming is reported last year
    doc = _tagged([("Peru", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("said", 1, "ROOT", "VERB", "VBD", "O"),
                   ("last", 3, "amod", "ADJ", "JJ", "B-DATE"), ("year", 1, "npadvmod", "NOUN", "NN", "I-DATE"),
                   ("it", 5, "nsubj", "PRON", "PRP", "O"), ("found", 1, "ccomp", "VERB", "VBD", "O"),
                   ("evidence", 5, "dobj", "NOUN", "NN", "O"), ("that", 10, "mark", "SCONJ", "IN", "O"),
                   ("Chile", 10, "nsubj", "PROPN", "NNP", "B-GPE"), ("was", 10, "aux", "AUX", "VBD", "O"),
                   ("arming", 6, "acl", "VERB", "VBG", "O"), ("rebels", 10, "dobj", "NOUN", "NNS", "O"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "arming", dt.date(2025, 1, 26))
    assert (got.date, got.precision, got.basis) == (dt.date(2024, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_a_when_clause_without_its_own_time_takes_its_main_clauses():
    # "Ties soured in 2021 when Chile cancelled a deal ." : the cancelling was in 2021 (it was dated to the news)
    doc = _tagged([("Ties", 1, "nsubj", "NOUN", "NNS", "O"), ("soured", 1, "ROOT", "VERB", "VBD", "O"),
                   ("in", 1, "prep", "ADP", "IN", "O"), ("2021", 2, "pobj", "NUM", "CD", "B-DATE"),
                   ("when", 6, "advmod", "SCONJ", "WRB", "O"), ("Chile", 6, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("cancelled", 1, "advcl", "VERB", "VBD", "O"), ("a", 8, "det", "DET", "DT", "O"),
                   ("deal", 6, "dobj", "NOUN", "NN", "O"), (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "cancelled", dt.date(2023, 3, 10))
    assert (got.date, got.precision, got.basis) == (dt.date(2021, 1, 1), "year", DateBasis.BACKGROUND)


@pytest.mark.parametrize("aux, month", [("would", dt.date(2024, 1, 1)), ("did", dt.date(2023, 1, 1))])
def test_dating_a_future_told_in_the_past_looks_ahead(aux, month):
    # "Chile said Peru would return in January ." in a December story: the coming January; "... did return in
    # January" the last one
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("said", 1, "ROOT", "VERB", "VBD", "O"),
            ("Peru", 4, "nsubj", "PROPN", "NNP", "B-GPE"), (aux, 4, "aux", "AUX", "MD" if aux == "would" else "VBD",
                                                             "O"),
            ("return", 1, "ccomp", "VERB", "VB", "O"), ("in", 4, "prep", "ADP", "IN", "O"),
            ("January", 5, "pobj", "PROPN", "NNP", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "return", dt.date(2023, 12, 15))
    assert (got.date, got.precision) == (month, "month")


def test_dating_a_future_in_a_conjunct_of_the_reported_clause_looks_ahead():
    # "Chile said Peru agreed and that it would return in January ." in a December story: the conjunct of the
    # reported clause is reported too, so the coming January (it was last January: a background date made up)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("said", 1, "ROOT", "VERB", "VBD", "O"),
            ("Peru", 3, "nsubj", "PROPN", "NNP", "B-GPE"), ("agreed", 1, "ccomp", "VERB", "VBD", "O"),
            ("and", 3, "cc", "CCONJ", "CC", "O"), ("that", 8, "mark", "SCONJ", "IN", "O"),
            ("it", 8, "nsubj", "PRON", "PRP", "O"), ("would", 8, "aux", "AUX", "MD", "O"),
            ("return", 3, "conj", "VERB", "VB", "O"), ("in", 8, "prep", "ADP", "IN", "O"),
            ("January", 9, "pobj", "PROPN", "NNP", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "return", dt.date(2023, 12, 15))
    assert (got.date, got.precision) == (dt.date(2024, 1, 1), "month")


@pytest.mark.parametrize("words, day", [(("Wednesday", "night"), dt.date(2024, 3, 6)), (("10", "pm"), None)])
def test_dating_a_time_that_names_a_day(words, day):
    # "Chile recalled its envoy on Wednesday night ." (a TIME entity) dates the act to that Wednesday (it was dated
    # to the news); "at 10 pm" names no day: the news's
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", 1, "ROOT", "VERB", "VBD", "O"),
            ("its", 3, "poss", "PRON", "PRP$", "O"), ("envoy", 1, "dobj", "NOUN", "NN", "O"),
            ("on" if day else "at", 1, "prep", "ADP", "IN", "O"), (words[0], 6, "compound", "PROPN", "NNP", "B-TIME"),
            (words[1], 4, "pobj", "NOUN", "NN", "I-TIME"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "recalled", dt.date(2024, 3, 8))
    assert got.date == (day or dt.date(2024, 3, 8)) and got.basis == (DateBasis.STATED if day else DateBasis.PUBLISHED)


@pytest.mark.parametrize("pronoun, dated", [("which", False), ("when", True)])
def test_dating_a_relative_clause_the_parser_hangs_on_a_date(pronoun, dated):
    # "Chile signed a pact in 2016 , which Peru condemned ." : "which" is the pact, the condemning undated (it was
    # dated 2016); "in 2016 , when Peru condemned it" is on the date
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("signed", 1, "ROOT", "VERB", "VBD", "O"),
            ("a", 3, "det", "DET", "DT", "O"), ("pact", 1, "dobj", "NOUN", "NN", "O"),
            ("in", 1, "prep", "ADP", "IN", "O"), ("2016", 4, "pobj", "NUM", "CD", "B-DATE"),
            (",", 5, "punct", "PUNCT", ",", "O"),
            (pronoun, 9, "dobj" if pronoun == "which" else "advmod", "PRON", "WDT", "O"),
            ("Peru", 9, "nsubj", "PROPN", "NNP", "B-GPE"), ("condemned", 5, "relcl", "VERB", "VBD", "O"),
            (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "condemned", dt.date(2024, 3, 8))
    if dated:
        assert (got.date, got.precision) == (dt.date(2016, 1, 1), "year")
    else:
        assert got.date is None and got.basis == DateBasis.BACKGROUND


def test_dating_a_conjunct_with_only_a_gap_shares_its_partners_time():
    # "Chile restored ties last year and appointed envoys for the first time in a decade ." : "in a decade" counts
    # the gap since the last envoys, so the appointing shares "last year" (it was dated to the news)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("restored", 1, "ROOT", "VERB", "VBD", "O"),
            ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("last", 4, "amod", "ADJ", "JJ", "B-DATE"),
            ("year", 1, "npadvmod", "NOUN", "NN", "I-DATE"), ("and", 1, "cc", "CCONJ", "CC", "O"),
            ("appointed", 1, "conj", "VERB", "VBD", "O"), ("envoys", 6, "dobj", "NOUN", "NNS", "O"),
            ("for", 6, "prep", "ADP", "IN", "O"), ("the", 11, "det", "DET", "DT", "O"),
            ("first", 11, "amod", "ADJ", "JJ", "O"), ("time", 8, "pobj", "NOUN", "NN", "O"),
            ("in", 11, "prep", "ADP", "IN", "O"), ("a", 14, "det", "DET", "DT", "B-DATE"),
            ("decade", 12, "pobj", "NOUN", "NN", "I-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "appointed", dt.date(2024, 2, 14))
    assert (got.date, got.precision, got.basis) == (dt.date(2023, 1, 1), "year", DateBasis.BACKGROUND)


@pytest.mark.parametrize("word, tag, gap", [("first", "JJ", True), ("largest", "JJS", True), ("new", "JJ", False)])
def test_dating_a_span_after_first_counts_the_gap_and_dates_nothing(word, tag, gap):
    # "Chile sent its first envoy to Peru in decades .": the news, the first in decades; so after a superlative
    # ("its largest envoy ... in decades": it was background); without either, "in decades" is vague past (before
    # the news, undated)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("sent", 1, "ROOT", "VERB", "VBD", "O"),
            ("its", 4, "poss", "PRON", "PRP$", "O"), (word, 4, "amod", "ADJ", tag, "O"),
            ("envoy", 1, "dobj", "NOUN", "NN", "O"), ("to", 4, "prep", "ADP", "IN", "O"),
            ("Peru", 5, "pobj", "PROPN", "NNP", "B-GPE"), ("in", 1, "prep", "ADP", "IN", "O"),
            ("decades", 7, "pobj", "NOUN", "NNS", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "sent", dt.date(2024, 8, 28))
    if gap:
        assert got.basis == DateBasis.PUBLISHED and got.date == dt.date(2024, 8, 28)
    else:
        assert got.basis == DateBasis.BACKGROUND and got.date is None


@pytest.mark.parametrize("when, background", [("Saturday", False), ("2016", True)])
def test_dating_the_past_perfect_of_a_recent_day_is_news(when, background):
    # "Chile had backed Peru on Saturday ." : the past perfect orders the acts, the day is the news's; "... in 2016"
    # lies before the news
    from detente.events.modality import PAST_PERFECT_CUE

    rows = [("Chile", 2, "nsubj", "PROPN", "NNP", "B-GPE"), ("had", 2, "aux", "AUX", "VBD", "O"),
            ("backed", 2, "ROOT", "VERB", "VBN", "O"), ("Peru", 2, "dobj", "PROPN", "NNP", "B-GPE"),
            ("on" if when == "Saturday" else "in", 2, "prep", "ADP", "IN", "O"),
            (when, 4, "pobj", "PROPN" if when == "Saturday" else "NUM", "NNP", "B-DATE"),
            (".", 2, "punct", "PUNCT", ".", "O")]
    perfect = Modality(background=True, background_cue=PAST_PERFECT_CUE)
    got = _date(_tagged(rows), "backed", dt.date(2024, 12, 30), perfect)
    assert (got.basis == DateBasis.BACKGROUND) == background and got.date is not None


def test_dating_a_time_on_an_event_noun_of_motive_dates_that_act():
    # "Chile has vowed to retaliate for the killing in June ." : June dates the killing, not the vow
    rows = [("Chile", 2, "nsubj", "PROPN", "B-GPE"), ("has", 2, "aux", "AUX", "O"), ("vowed", 2, "ROOT", "VERB", "O"),
            ("to", 4, "aux", "PART", "O"), ("retaliate", 2, "xcomp", "VERB", "O"), ("for", 4, "prep", "ADP", "O"),
            ("the", 7, "det", "DET", "O"), ("killing", 5, "pobj", "NOUN", "O"), ("in", 7, "prep", "ADP", "O"),
            ("June", 8, "pobj", "PROPN", "B-DATE"), (".", 2, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    for verb in ("vowed", "retaliate"):
        got = _date(doc, verb, dt.date(2023, 9, 19))
        assert (got.date, got.basis) == (dt.date(2023, 9, 19), DateBasis.PUBLISHED), verb
    assert _date(doc, "killing", dt.date(2023, 9, 19)).date == dt.date(2023, 6, 1)


def test_dating_an_act_a_bare_span_after_which_the_news_came_is_background():
    # "Chile met Peru on Friday , days after Bolivia accused Peru ." : some days earlier, no day given
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("met", 1, "ROOT", "VERB", "O"), ("Peru", 1, "dobj", "PROPN", "O"),
            ("on", 1, "prep", "ADP", "O"), ("Friday", 3, "pobj", "PROPN", "B-DATE"), (",", 1, "punct", "PUNCT", "O"),
            ("days", 9, "npadvmod", "NOUN", "O"), ("after", 9, "mark", "SCONJ", "O"),
            ("Bolivia", 9, "nsubj", "PROPN", "O"), ("accused", 1, "advcl", "VERB", "O"),
            ("Peru", 9, "dobj", "PROPN", "O"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[9].tag_ = "VBD"
    got = _date(doc, "accused")
    assert (got.date, got.basis) == (None, DateBasis.BACKGROUND)
    doc[6].tag_, doc = "NNS", _doc(rows[:6] + [("hours", 9, "npadvmod", "NOUN", "O")] + rows[7:])
    doc[9].tag_ = "VBD"
    assert _date(doc, "accused").basis != DateBasis.BACKGROUND
    # "hours after" in a Monday story: the accusation came that Friday (it was dated to the news day, after the
    # meeting it came before)
    got = _date(doc, "accused", dt.date(2024, 2, 26))
    assert (got.date, got.precision) == (dt.date(2024, 2, 23), "day")


def test_dating_the_end_of_a_period_dates_no_act_told_in_the_present():
    # "Chile holds the presidency until December ." : when the holding ends, not a past December
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("holds", 1, "ROOT", "VERB", "O"), ("the", 3, "det", "DET", "O"),
            ("presidency", 1, "dobj", "NOUN", "O"), ("until", 1, "prep", "ADP", "O"),
            ("December", 4, "pobj", "PROPN", "B-DATE"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[1].tag_ = "VBZ"
    got = _date(doc, "holds", dt.date(2024, 7, 8))
    assert (got.date, got.basis) == (dt.date(2024, 7, 8), DateBasis.PUBLISHED)


@pytest.mark.parametrize("year, dated", [("2028", False), ("2019", True)])
def test_dating_the_end_of_a_period_to_come_dates_no_past_act(year, dated):
    # "Chile suspended the talks until 2028 ." in a 2024 story: the suspension ends then, it was not made then;
    # "until 2019" ended before the news (background, as before)
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("suspended", 1, "ROOT", "VERB", "O"),
            ("the", 3, "det", "DET", "O"), ("talks", 1, "dobj", "NOUN", "O"), ("until", 1, "prep", "ADP", "O"),
            (year, 4, "pobj", "NUM", "B-DATE"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[1].tag_ = "VBD"
    got = _date(doc, "suspended", dt.date(2024, 7, 8))
    assert (got.date == dt.date(int(year), 1, 1)) == dated
    assert dated or got.basis == DateBasis.PUBLISHED


@pytest.mark.parametrize("prep, background", [("during", True), ("since", False)])
def test_dating_a_past_era_is_background_with_no_date(prep, background):
    # "They fought during the Cold War ." was dated to the publication day (the era is an EVENT entity, not a
    # DATE); "since the Cold War" runs on to the news
    doc = _doc([("They", 1, "nsubj", "PRON", "O"), ("fought", 1, "ROOT", "VERB", "O"), (prep, 1, "prep", "ADP", "O"),
                ("the", 5, "det", "DET", "B-EVENT"), ("Cold", 5, "compound", "PROPN", "I-EVENT"),
                ("War", 2, "pobj", "PROPN", "I-EVENT"), (".", 1, "punct", "PUNCT", "O")])
    got = _date(doc, "fought")
    assert (got.date is None and got.precision == "before-publication" and got.basis == DateBasis.BACKGROUND) \
        == background


@pytest.mark.parametrize("anchor, date, precision", [(True, dt.date(2008, 1, 1), "year"),
                                                     (False, None, "before-publication")])
def test_dating_years_later_counts_from_the_sentences_earlier_year(anchor, date, precision):
    # "Chile , which split from Peru in 2006 , recognised Bolivia two years later ." was dated to the publication
    # day; with no earlier year ("... split from Peru in Lima ..."), before publication on no date
    rows = [("Chile", 9, "nsubj", "PROPN", "B-GPE"), (",", 0, "punct", "PUNCT", "O"),
            ("which", 3, "nsubj", "PRON", "O"), ("split", 0, "relcl", "VERB", "O"), ("from", 3, "prep", "ADP", "O"),
            ("Peru", 4, "pobj", "PROPN", "B-GPE"),
            ("in", 3, "prep", "ADP", "O"),
            ("2006" if anchor else "Lima", 6, "pobj", "NUM" if anchor else "PROPN", "B-DATE" if anchor else "B-GPE"),
            (",", 0, "punct", "PUNCT", "O"), ("recognised", 9, "ROOT", "VERB", "O"),
            ("Bolivia", 9, "dobj", "PROPN", "B-GPE"), ("two", 12, "nummod", "NUM", "B-DATE"),
            ("years", 13, "npadvmod", "NOUN", "I-DATE"), ("later", 9, "advmod", "ADV", "I-DATE"),
            (".", 9, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[9].tag_ = "VBD"
    got = _date(doc, "recognised")
    assert (got.date, got.precision) == (date, precision)


def test_dating_a_length_describes_its_noun_and_dates_nothing():
    # "Chile cut ties on Tuesday , accusing Peru , in a decades - long rivalry ." : the decades dated the accusing
    # (made background, no date); it takes the cutting's Tuesday
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("cut", 1, "ROOT", "VERB", "VBD", "O"),
                   ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("on", 1, "prep", "ADP", "IN", "O"),
                   ("Tuesday", 3, "pobj", "PROPN", "NNP", "B-DATE"), (",", 1, "punct", "PUNCT", ",", "O"),
                   ("accusing", 1, "advcl", "VERB", "VBG", "O"), ("Peru", 6, "dobj", "PROPN", "NNP", "B-GPE"),
                   (",", 6, "punct", "PUNCT", ",", "O"), ("in", 6, "prep", "ADP", "IN", "O"),
                   ("a", 14, "det", "DET", "DT", "O"), ("decades", 13, "npadvmod", "NOUN", "NNS", "B-DATE"),
                   ("-", 13, "punct", "PUNCT", "HYPH", "O"), ("long", 14, "amod", "ADJ", "JJ", "O"),
                   ("rivalry", 9, "pobj", "NOUN", "NN", "O"), (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "accusing", dt.date(2021, 8, 25))
    assert (got.date, got.precision, got.basis) == (dt.date(2021, 8, 24), "day", DateBasis.STATED)


@pytest.mark.parametrize("prep, background", [("for", True), ("before", False)])
def test_dating_a_clause_a_preposition_hangs_on_a_background_act_is_background_undated(prep, background):
    # "In 2020 , Chile recognised Peru in exchange for Lima freeing prisoners ." : the freeing is part of the 2020
    # story, on no day the text gives (it was dated to the news day); "before Lima freeing" may be later
    doc = _tagged([("In", 4, "prep", "ADP", "IN", "O"), ("2020", 0, "pobj", "NUM", "CD", "B-DATE"),
                   (",", 4, "punct", "PUNCT", ",", "O"), ("Chile", 4, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("recognised", 4, "ROOT", "VERB", "VBD", "O"), ("Peru", 4, "dobj", "PROPN", "NNP", "B-GPE"),
                   ("in", 4, "prep", "ADP", "IN", "O"), ("exchange", 6, "pobj", "NOUN", "NN", "O"),
                   (prep, 7, "prep", "ADP", "IN", "O"), ("Lima", 10, "npadvmod", "PROPN", "NNP", "B-GPE"),
                   ("freeing", 8, "pcomp", "VERB", "VBG", "O"), ("prisoners", 10, "dobj", "NOUN", "NNS", "O"),
                   (".", 4, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "freeing", dt.date(2021, 8, 24))
    assert ((got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)) == background
    assert background or got.basis == DateBasis.PUBLISHED


def test_dating_a_span_back_dates_the_clause_whatever_noun_it_hangs_on():
    # "Chile agreed to reopen embassies after cutting ties two years ago ." : the parser hangs "two years ago" on
    # "ties"; it dates the cutting all the same (which was dated to the news day)
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("agreed", 1, "ROOT", "VERB", "VBD", "O"),
                   ("to", 3, "aux", "PART", "TO", "O"), ("reopen", 1, "xcomp", "VERB", "VB", "O"),
                   ("embassies", 3, "dobj", "NOUN", "NNS", "O"), ("after", 3, "prep", "ADP", "IN", "O"),
                   ("cutting", 5, "pcomp", "VERB", "VBG", "O"), ("ties", 6, "dobj", "NOUN", "NNS", "O"),
                   ("two", 9, "nummod", "NUM", "CD", "B-DATE"), ("years", 10, "npadvmod", "NOUN", "NNS", "I-DATE"),
                   ("ago", 7, "amod", "ADV", "RB", "I-DATE"), (".", 1, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "cutting", dt.date(2023, 5, 11))
    assert (got.date, got.precision, got.basis) == (dt.date(2021, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_an_after_clause_of_a_conjunct_of_a_past_perfect_verb_is_background_undated():
    # "Chile had recalled its envoy and barred Peru 's envoy from returning after Peru struck bases ." : the
    # after-clause hangs on "returning"; the barring shares the past perfect, and the strike came before it (it
    # was dated to the news day)
    doc = _tagged([("Chile", 2, "nsubj", "PROPN", "NNP", "B-GPE"), ("had", 2, "aux", "AUX", "VBD", "O"),
                   ("recalled", 2, "ROOT", "VERB", "VBN", "O"), ("its", 4, "poss", "PRON", "PRP$", "O"),
                   ("envoy", 2, "dobj", "NOUN", "NN", "O"), ("and", 2, "cc", "CCONJ", "CC", "O"),
                   ("barred", 2, "conj", "VERB", "VBD", "O"), ("Peru", 9, "poss", "PROPN", "NNP", "B-GPE"),
                   ("'s", 7, "case", "PART", "POS", "O"), ("envoy", 6, "dobj", "NOUN", "NN", "O"),
                   ("from", 6, "prep", "ADP", "IN", "O"), ("returning", 10, "pcomp", "VERB", "VBG", "O"),
                   ("after", 14, "mark", "SCONJ", "IN", "O"), ("Peru", 14, "nsubj", "PROPN", "NNP", "B-GPE"),
                   ("struck", 11, "advcl", "VERB", "VBD", "O"), ("bases", 14, "dobj", "NOUN", "NNS", "O"),
                   (".", 2, "punct", "PUNCT", ".", "O")])
    got = _date(doc, "struck", dt.date(2024, 1, 22))
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)


def test_dating_a_time_on_an_event_noun_in_an_of_phrase_of_the_object_dates_the_act():
    # "Chile fought a series of clashes in 2008 ." : the clashes are what was fought (it was dated to the news day)
    doc = _tagged([("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("fought", 1, "ROOT", "VERB", "VBD", "O"),
                   ("a", 3, "det", "DET", "DT", "O"), ("series", 1, "dobj", "NOUN", "NN", "O"),
                   ("of", 3, "prep", "ADP", "IN", "O"), ("clashes", 4, "pobj", "NOUN", "NNS", "O"),
                   ("in", 5, "prep", "ADP", "IN", "O"), ("2008", 6, "pobj", "NUM", "CD", "B-DATE"),
                   (".", 1, "punct", "PUNCT", ".", "O")])
    doc[5].lemma_ = "clash"
    got = _date(doc, "fought", dt.date(2025, 5, 28))
    assert (got.date, got.precision, got.basis) == (dt.date(2008, 1, 1), "year", DateBasis.BACKGROUND)


def test_dating_a_bare_span_on_the_mark_of_an_after_clause_is_background_too():
    # "The sale came days after Chile and Peru held talks ." : the parser hangs "days" on "after", not on "held"
    rows = [("The", 1, "det", "DET", "O"), ("sale", 2, "nsubj", "NOUN", "O"), ("came", 2, "ROOT", "VERB", "O"),
            ("days", 4, "npadvmod", "NOUN", "O"), ("after", 8, "mark", "SCONJ", "O"),
            ("Chile", 8, "nsubj", "PROPN", "B-GPE"), ("and", 5, "cc", "CCONJ", "O"),
            ("Peru", 5, "conj", "PROPN", "B-GPE"),
            ("held", 2, "advcl", "VERB", "O"), ("talks", 8, "dobj", "NOUN", "O"), (".", 2, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[8].tag_ = "VBD"
    got = _date(doc, "held")
    assert (got.date, got.basis) == (None, DateBasis.BACKGROUND)


@pytest.mark.parametrize("first", [True, False])
def test_dating_since_after_first_counts_the_gap_and_dates_nothing(first):
    # "It was Chile 's first visit to Peru since 2017 ." : the visit is the news, the first since 2017 (it was dated
    # 2017); "its visit to Peru since 2017" is dated from 2017
    rows = [("It", 1, "nsubj", "PRON", "PRP", "O"), ("was", 1, "ROOT", "AUX", "VBD", "O"),
            ("Chile", 5, "poss", "PROPN", "NNP", "B-GPE"), ("'s", 2, "case", "PART", "POS", "O"),
            ("first" if first else "official", 5, "amod", "ADJ", "JJ", "O"), ("visit", 1, "attr", "NOUN", "NN", "O"),
            ("to", 5, "prep", "ADP", "IN", "O"), ("Peru", 6, "pobj", "PROPN", "NNP", "B-GPE"),
            ("since", 5, "prep", "ADP", "IN", "O"), ("2017", 8, "pobj", "NUM", "CD", "B-DATE"),
            (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "visit", dt.date(2023, 12, 7))
    assert (got.date == dt.date(2023, 12, 7)) == first


def test_dating_since_after_first_on_the_noun_a_clause_describes_counts_the_gap():
    # "Boric is the first Chilean leader to visit Peru since 2011 ." : "first" is on the noun the infinitive
    # describes; the visit is the news (it was dated 2011)
    rows = [("Boric", 1, "nsubj", "PROPN", "NNP", "B-PERSON"), ("is", 1, "ROOT", "AUX", "VBZ", "O"),
            ("the", 5, "det", "DET", "DT", "O"), ("first", 5, "amod", "ADJ", "JJ", "B-ORDINAL"),
            ("Chilean", 5, "amod", "ADJ", "JJ", "B-NORP"), ("leader", 1, "attr", "NOUN", "NN", "O"),
            ("to", 7, "aux", "PART", "TO", "O"), ("visit", 5, "relcl", "VERB", "VB", "O"),
            ("Peru", 7, "dobj", "PROPN", "NNP", "B-GPE"), ("since", 7, "prep", "ADP", "IN", "O"),
            ("2011", 9, "pobj", "NUM", "CD", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "visit", dt.date(2023, 12, 7))
    assert (got.date, got.precision) == (dt.date(2023, 12, 7), "day")


def _rough_span_rows(count: tuple[str, str, str], unit: tuple[str, str]) -> list:
    """"Chile restored ties on Tuesday , more than <count> <unit> after Peru cut them ." (hand-built rows)."""
    return [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("restored", 1, "ROOT", "VERB", "VBD", "O"),
            ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("on", 1, "prep", "ADP", "IN", "O"),
            ("Tuesday", 3, "pobj", "PROPN", "NNP", "B-DATE"), (",", 1, "punct", "PUNCT", ",", "O"),
            ("more", 8, "amod", "ADJ", "JJR", "B-DATE"), ("than", 8, "quantmod", "ADP", "IN", "I-DATE"),
            (count[0], 9, "nummod", count[1], count[2], "I-DATE"), (unit[0], 12, "npadvmod", "NOUN", unit[1], "I-DATE"),
            ("after", 12, "mark", "SCONJ", "IN", "O"), ("Peru", 12, "nsubj", "PROPN", "NNP", "B-GPE"),
            ("cut", 1, "advcl", "VERB", "VBD", "O"), ("them", 12, "dobj", "PRON", "PRP", "O"),
            (".", 1, "punct", "PUNCT", ".", "O")]


def test_dating_an_after_clause_a_rough_span_before_the_news_is_background_undated():
    # "Chile restored ties on Tuesday , more than six years after Peru cut them ." : the cutting came some six years
    # or more before the news, on no date the text gives (it was dated the news day); "six years after" dates it
    rows = _rough_span_rows(("six", "NUM", "CD"), ("years", "NNS"))
    cut = _date(_tagged(rows), "cut")
    assert (cut.date, cut.precision, cut.basis) == (None, "before-publication", DateBasis.BACKGROUND)
    exact = [r for r in rows if r[0] not in {"more", "than"}]
    exact = [(w, h - 2 * (h > 6), d, p, t, "B-DATE" if w == "six" else e) for w, h, d, p, t, e in exact]
    cut = _date(_tagged(exact), "cut")
    assert (cut.precision, cut.basis) == ("year", DateBasis.BACKGROUND)


def test_dating_an_infinitive_on_an_invitation_looks_ahead():
    # "Chile accepted an invitation to visit Peru in January ." in a December story: the visit is to come, in the
    # coming January (it was last January: a background visit made up)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("accepted", 1, "ROOT", "VERB", "VBD", "O"),
            ("an", 3, "det", "DET", "DT", "O"), ("invitation", 1, "dobj", "NOUN", "NN", "O"),
            ("to", 5, "aux", "PART", "TO", "O"), ("visit", 3, "acl", "VERB", "VB", "O"),
            ("Peru", 5, "dobj", "PROPN", "NNP", "B-GPE"), ("in", 5, "prep", "ADP", "IN", "O"),
            ("January", 7, "pobj", "PROPN", "NNP", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "visit", dt.date(2023, 12, 15))
    assert (got.date, got.precision, got.basis) == (dt.date(2024, 1, 1), "month", DateBasis.STATED)


@pytest.mark.parametrize("cc, background", [("and", True), ("but", False)])
def test_dating_a_past_joined_by_and_to_a_past_told_of_an_earlier_time_goes_on_with_it(cc, background):
    # "Chile cut ties at the time , and Peru recalled its envoy .": the recall goes on with that untimed earlier
    # story (it was dated the news day); after "but" it may be news of its own (a stated time, "in 2017", reaches
    # only its own clause: test_dating_a_subjectless_conjunct_shares_its_verbs_time)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("cut", 1, "ROOT", "VERB", "VBD", "O"),
            ("ties", 1, "dobj", "NOUN", "NNS", "O"), ("at", 1, "prep", "ADP", "IN", "O"),
            ("the", 5, "det", "DET", "DT", "O"), ("time", 3, "pobj", "NOUN", "NN", "O"),
            (",", 1, "punct", "PUNCT", ",", "O"),
            (cc, 1, "cc", "CCONJ", "CC", "O"), ("Peru", 9, "nsubj", "PROPN", "NNP", "B-GPE"),
            ("recalled", 1, "conj", "VERB", "VBD", "O"), ("its", 11, "poss", "PRON", "PRP$", "O"),
            ("envoy", 9, "dobj", "NOUN", "NN", "O"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "recalled", dt.date(2024, 3, 8))
    if background:
        assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)
    else:
        assert (got.date, got.basis) == (dt.date(2024, 3, 8), DateBasis.PUBLISHED)


def test_dating_a_relative_clause_read_as_a_complement_goes_with_its_clause():
    # "In 2008 , Chile recognised Kosovo , which Peru condemned ." with "condemned" read as the complement (ccomp) of
    # "recognised": a relative clause all the same, in the 2008 story (it was dated the news day)
    rows = [("In", 4, "prep", "ADP", "IN", "O"), ("2008", 0, "pobj", "NUM", "CD", "B-DATE"),
            (",", 4, "punct", "PUNCT", ",", "O"), ("Chile", 4, "nsubj", "PROPN", "NNP", "B-GPE"),
            ("recognised", 4, "ROOT", "VERB", "VBD", "O"), ("Kosovo", 4, "dobj", "PROPN", "NNP", "B-GPE"),
            (",", 4, "punct", "PUNCT", ",", "O"), ("which", 9, "dobj", "PRON", "WDT", "O"),
            ("Peru", 9, "nsubj", "PROPN", "NNP", "B-GPE"), ("condemned", 4, "ccomp", "VERB", "VBD", "O"),
            (".", 4, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "condemned", dt.date(2024, 3, 8))
    assert (got.date, got.precision, got.basis) == (None, "before-publication", DateBasis.BACKGROUND)


def test_dating_an_act_expected_to_come_looks_ahead():
    # "Chile is expected to visit Peru on May 19 ." in a May 7 story: twelve days ahead (it was last year's May 19,
    # background, made up)
    rows = [("Chile", 2, "nsubjpass", "PROPN", "NNP", "B-GPE"), ("is", 2, "auxpass", "AUX", "VBZ", "O"),
            ("expected", 2, "ROOT", "VERB", "VBN", "O"), ("to", 4, "aux", "PART", "TO", "O"),
            ("visit", 2, "xcomp", "VERB", "VB", "O"), ("Peru", 4, "dobj", "PROPN", "NNP", "B-GPE"),
            ("on", 4, "prep", "ADP", "IN", "O"), ("May", 8, "compound", "PROPN", "NNP", "B-DATE"),
            ("19", 6, "pobj", "NUM", "CD", "I-DATE"), (".", 2, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "visit", dt.date(2024, 5, 7))
    assert (got.date, got.precision) == (dt.date(2024, 5, 19), "day")


def _timeline():
    # "September 18 , 2023 : Ottawa expels a diplomat . Delhi protests .  ¶  September 19 : Delhi expels one ."
    words = ["September", "18", ",", "2023", ":", "Ottawa", "expels", "a", "diplomat", ".", "Delhi", "protests", ".",
             "September", "19", ":", "Delhi", "expels", "one", "."]
    heads = [6, 0, 0, 0, 6, 6, 6, 8, 6, 6, 11, 11, 11, 17, 13, 17, 17, 17, 17, 17]
    deps = ["npadvmod", "nummod", "punct", "nummod", "punct", "nsubj", "ROOT", "det", "dobj", "punct", "nsubj", "ROOT",
            "punct", "npadvmod", "nummod", "punct", "nsubj", "ROOT", "dobj", "punct"]
    ents = ["B-DATE", "I-DATE", "I-DATE", "I-DATE"] + ["O"] * 9 + ["B-DATE", "I-DATE"] + ["O"] * 5
    starts = [k in (0, 10, 13) for k in range(len(words))]
    spaces = [not (k + 1 < len(words) and words[k + 1] in {",", ".", ":"}) for k in range(len(words))]
    doc = hand_doc(words, heads, deps, ents=ents, sent_starts=starts, spaces=spaces)
    spans = [(0, 10), (10, 13), (13, 20)]
    sentences = [Sentence("d", k, doc[a].idx, doc[b - 1].idx + 1, doc[a:b].text, paragraph=p)
                 for k, ((a, b), p) in enumerate(zip(spans, (0, 0, 1)))]
    return doc, sentences, spans


def test_dating_a_timelines_entry_dates_its_paragraph_and_its_year_runs_on():
    # a timeline told in 2026: the entry's second sentence ("Delhi protests") was dated to the news day, and the
    # next entry's "September 19" to 2026 (the last such day before the news), a year the timeline never gave
    doc, sentences, spans = _timeline()
    published = dt.date(2026, 11, 20)
    entries = timeline_dates(doc, sentences, spans, published)
    assert {p: (e.date, e.precision) for p, e in entries.items()} == {
        0: (dt.date(2023, 9, 18), "day"), 1: (dt.date(2023, 9, 19), "day")}
    news = EventDate(published, DateBasis.PUBLISHED, "day")
    got = in_a_timeline(news, entries[0], published)
    assert (got.date, got.basis) == (dt.date(2023, 9, 18), DateBasis.BACKGROUND)
    own = EventDate(dt.date(2023, 9, 1), DateBasis.BACKGROUND, "month", "in September")
    assert in_a_timeline(own, entries[0], published) == own  # a time of the clause's own stands


@pytest.mark.parametrize("aux, tag, background", [("has", "VBN", False), (None, "VBD", True)])
def test_dating_what_holds_since_a_time_up_to_now_is_no_background(aux, tag, background):
    # "Chile has backed Peru since 2021 .": dated by its start, but it holds up to the news (it was background, and a
    # current state never counted); "Chile backed Peru since 2021" is told as past
    rows = [("Chile", 2 if aux else 1, "nsubj", "PROPN", "NNP", "B-GPE")]
    if aux:
        rows.append(("has", 2, "aux", "AUX", "VBZ", "O"))
    v = len(rows)
    rows += [("backed", v, "ROOT", "VERB", tag, "O"), ("Peru", v, "dobj", "PROPN", "NNP", "B-GPE"),
             ("since", v, "prep", "ADP", "IN", "O"), ("2021", v + 2, "pobj", "NUM", "CD", "B-DATE"),
             (".", v, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "backed", dt.date(2024, 8, 28))
    assert got.date == dt.date(2021, 1, 1) and (got.basis == DateBasis.BACKGROUND) == background


@pytest.mark.parametrize("verb, lemma, dated", [("signed", "sign", True), ("brokered", "broker", True),
                                                ("criticised", "criticise", False)])
def test_dating_a_pact_the_act_makes_dates_it_by_its_year(verb, lemma, dated):
    # "Chile signed the 2016 accord .": the signing was in 2016 (it was dated to the news day); "criticised the 2016
    # accord" is told now
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), (verb, 1, "ROOT", "VERB", "VBD", "O"),
            ("the", 4, "det", "DET", "DT", "O"), ("2016", 4, "nummod", "NUM", "CD", "B-DATE"),
            ("accord", 1, "dobj", "NOUN", "NN", "O"), (".", 1, "punct", "PUNCT", ".", "O")]
    doc = hand_doc([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], pos=[r[3] for r in rows],
                   tags=[r[4] for r in rows], lemmas=["chile", lemma, "the", "2016", "accord", "."],
                   ents=[r[5] for r in rows])
    got = _date(doc, verb, dt.date(2024, 8, 28))
    if dated:
        assert (got.date, got.precision, got.basis) == (dt.date(2016, 1, 1), "year", DateBasis.BACKGROUND)
    else:
        assert (got.date, got.basis) == (dt.date(2024, 8, 28), DateBasis.PUBLISHED)


def test_dating_a_time_inside_the_since_phrase_holds_up_to_now():
    # "Ties have worsened since a battle in September .": the time of the since-phrase's event starts a state that
    # holds up to the news (it was background)
    rows = [("Ties", 2, "nsubj", "NOUN", "NNS", "O"), ("have", 2, "aux", "AUX", "VBP", "O"),
            ("worsened", 2, "ROOT", "VERB", "VBN", "O"), ("since", 2, "prep", "ADP", "IN", "O"),
            ("a", 5, "det", "DET", "DT", "O"), ("battle", 3, "pobj", "NOUN", "NN", "O"),
            ("in", 5, "prep", "ADP", "IN", "O"), ("September", 6, "pobj", "PROPN", "NNP", "B-DATE"),
            (".", 2, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "worsened", dt.date(2023, 12, 18))
    assert (got.date, got.basis) == (dt.date(2023, 9, 1), DateBasis.STATED)


@pytest.mark.parametrize("opening", [["in", "which"], ["when"]])
def test_dating_a_clause_on_an_occasion_takes_the_occasions_time(opening):
    # "Chile recalled a battle in 2008 , in which Peru attacked Bolivia .": the attack was in 2008 (it was dated to
    # the news day); so with "when"
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", 1, "ROOT", "VERB", "VBD", "O"),
            ("a", 3, "det", "DET", "DT", "O"), ("battle", 1, "dobj", "NOUN", "NN", "O"),
            ("in", 3, "prep", "ADP", "IN", "O"), ("2008", 4, "pobj", "NUM", "CD", "B-DATE"),
            (",", 3, "punct", "PUNCT", ",", "O")]
    verb = len(rows) + len(opening) + 1
    if opening == ["in", "which"]:
        rows += [("in", verb, "prep", "ADP", "IN", "O"), ("which", verb - 3, "pobj", "PRON", "WDT", "O")]
    else:
        rows += [("when", verb, "advmod", "SCONJ", "WRB", "O")]
    rows += [("Peru", verb, "nsubj", "PROPN", "NNP", "B-GPE"), ("attacked", 3, "relcl", "VERB", "VBD", "O"),
             ("Bolivia", verb, "dobj", "PROPN", "NNP", "B-GPE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "attacked", dt.date(2023, 12, 18))
    assert (got.date, got.precision) == (dt.date(2008, 1, 1), "year")


def test_dating_a_pact_made_by_a_complement_dates_it_by_its_year():
    # "Chile helped broker the 2016 accord .": the brokering was in 2016 (it was dated to the news day)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("helped", 1, "ROOT", "VERB", "VBD", "O"),
            ("broker", 1, "xcomp", "VERB", "VB", "O"), ("the", 5, "det", "DET", "DT", "O"),
            ("2016", 5, "nummod", "NUM", "CD", "B-DATE"), ("accord", 2, "dobj", "NOUN", "NN", "O"),
            (".", 1, "punct", "PUNCT", ".", "O")]
    doc = hand_doc([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], pos=[r[3] for r in rows],
                   tags=[r[4] for r in rows], lemmas=["chile", "help", "broker", "the", "2016", "accord", "."],
                   ents=[r[5] for r in rows])
    got = _date(doc, "broker", dt.date(2024, 8, 28))
    assert (got.date, got.precision, got.basis) == (dt.date(2016, 1, 1), "year", DateBasis.BACKGROUND)


@pytest.mark.parametrize("conjunction, shared", [("and", True), ("but", False)])
def test_dating_a_fronted_time_reaches_the_joined_clauses(conjunction, shared):
    # "In 2019 , Chile visited Peru and Bolivia hosted Peru .": the fronted time sets both clauses' time (the hosting
    # was dated to the news day); "... but Bolivia hosted Peru" sets the second apart
    rows = [("In", 4, "prep", "ADP", "IN", "O"), ("2019", 0, "pobj", "NUM", "CD", "B-DATE"),
            (",", 4, "punct", "PUNCT", ",", "O"), ("Chile", 4, "nsubj", "PROPN", "NNP", "B-GPE"),
            ("visited", 4, "ROOT", "VERB", "VBD", "O"), ("Peru", 4, "dobj", "PROPN", "NNP", "B-GPE"),
            (conjunction, 4, "cc", "CCONJ", "CC", "O"), ("Bolivia", 8, "nsubj", "PROPN", "NNP", "B-GPE"),
            ("hosted", 4, "conj", "VERB", "VBD", "O"), ("Peru", 8, "dobj", "PROPN", "NNP", "B-GPE"),
            (".", 4, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "hosted", dt.date(2024, 8, 28))
    assert (got.date == dt.date(2019, 1, 1)) == shared


@pytest.mark.parametrize("length, background", [(["19", "-", "month"], True), (["bitter"], False)])
def test_dating_what_began_a_stated_span_ago_is_background(length, background):
    # "Chile ended a 19 - month rupture that began when Peru backed Bolivia .": the backing was 19 months ago, on no
    # day the text gives (it was dated to the news day); "a bitter rupture" gives no span
    n = len(length)
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("ended", 1, "ROOT", "VERB", "VBD", "O"),
            ("a", 2 + n + 1, "det", "DET", "DT", "O")]
    if n == 3:
        rows += [("19", 5, "nummod", "NUM", "CD", "B-DATE"), ("-", 5, "punct", "PUNCT", "HYPH", "I-DATE"),
                 ("month", 6, "compound", "NOUN", "NN", "I-DATE")]
    else:
        rows += [("bitter", 4, "amod", "ADJ", "JJ", "O")]
    r = len(rows)  # the noun
    rows += [("rupture", 1, "dobj", "NOUN", "NN", "O"), ("that", r + 2, "nsubj", "PRON", "WDT", "O"),
             ("began", r, "relcl", "VERB", "VBD", "O"), ("when", r + 5, "advmod", "SCONJ", "WRB", "O"),
             ("Peru", r + 5, "nsubj", "PROPN", "NNP", "B-GPE"), ("backed", r + 2, "advcl", "VERB", "VBD", "O"),
             ("Bolivia", r + 5, "dobj", "PROPN", "NNP", "B-GPE"), (".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "backed", dt.date(2023, 12, 11))
    assert (got.date is None and got.basis == DateBasis.BACKGROUND) == background


@pytest.mark.parametrize("when, background", [(["in", "2019"], True), ([], False)])
def test_dating_a_past_before_a_later_dated_conjunct_is_background(when, background):
    # "Chile delayed the deal , but Peru approved it in 2019 .": the delay came before 2019 (it was dated to the
    # news day); with no time in the later clause, both are news
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("delayed", 1, "ROOT", "VERB", "VBD", "O"),
            ("the", 3, "det", "DET", "DT", "O"), ("deal", 1, "dobj", "NOUN", "NN", "O"),
            (",", 1, "punct", "PUNCT", ",", "O"), ("but", 1, "cc", "CCONJ", "CC", "O"),
            ("Peru", 7, "nsubj", "PROPN", "NNP", "B-GPE"), ("approved", 1, "conj", "VERB", "VBD", "O"),
            ("it", 7, "dobj", "PRON", "PRP", "O")]
    if when:
        rows += [("in", 7, "prep", "ADP", "IN", "O"), ("2019", 9, "pobj", "NUM", "CD", "B-DATE")]
    rows += [(".", 1, "punct", "PUNCT", ".", "O")]
    got = _date(_tagged(rows), "delayed", dt.date(2024, 4, 19))
    assert (got.date is None and got.basis == DateBasis.BACKGROUND) == background


@pytest.mark.parametrize("anchored", [True, False])
def test_dating_that_year_is_the_year_told_before(anchored):
    # "Egypt expelled Ali in 2013 . Egypt recalled Omar in November that year .": November 2013 (it was the news's
    # November); with no year told before it, undated
    rows = [("Egypt", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("expelled", 1, "ROOT", "VERB", "VBD", "O"),
            ("Ali", 1, "dobj", "PROPN", "NNP", "O"), ("in", 1, "prep", "ADP", "IN", "O"),
            ("2013", 3, "pobj", "NUM", "CD", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O")] if anchored else []
    k = len(rows)
    rows += [("Egypt", k + 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", k + 1, "ROOT", "VERB", "VBD", "O"),
             ("Omar", k + 1, "dobj", "PROPN", "NNP", "O"), ("in", k + 1, "prep", "ADP", "IN", "O"),
             ("November", k + 3, "pobj", "PROPN", "NNP", "B-DATE"), ("that", k + 6, "det", "DET", "DT", "I-DATE"),
             ("year", k + 4, "npadvmod", "NOUN", "NN", "I-DATE"), (".", k + 1, "punct", "PUNCT", ".", "O")]
    doc = _tagged(rows)
    got = date_event(doc[k + 1], (k, len(doc)), Document(id="d", text=doc.text, published=dt.date(2026, 11, 20),
                                                         date_basis=DateBasis.MANIFEST), Modality())
    if anchored:
        assert (got.date, got.precision, got.basis) == (dt.date(2013, 11, 1), "month", DateBasis.BACKGROUND)
    else:
        assert (got.date, got.precision) == (None, "before-publication")


def test_dating_a_month_in_a_timelines_year_entry_is_in_that_year():
    # "2024 : Erdogan visited Cairo in February": February 2024, not the February before the news
    published = dt.date(2026, 11, 20)
    entry = EventDate(dt.date(2024, 1, 1), DateBasis.BACKGROUND, "year", "2024")
    own = EventDate(dt.date(2026, 2, 1), DateBasis.BACKGROUND, "month", "in February")
    got = in_a_timeline(own, entry, published)
    assert (got.date, got.precision, got.basis) == (dt.date(2024, 2, 1), "month", DateBasis.BACKGROUND)
    # a month told against the news stays the news's ("last February"), and so does one with its own year
    for text, day in (("last February", dt.date(2026, 2, 1)), ("in February 2025", dt.date(2025, 2, 1))):
        own = EventDate(day, DateBasis.BACKGROUND, "month", text)
        assert in_a_timeline(own, entry, published) == own


@pytest.mark.parametrize("verb, lemma, year", [("signed", "sign", True), ("violated", "violate", False)])
def test_dating_a_relative_clause_that_makes_its_dated_pact_takes_its_year(verb, lemma, year):
    # "Chile praised the 2001 treaty , which Peru signed .": the signing is the pact's making, in 2001 (it was the
    # news day); "which Peru violated" keeps no year of the pact
    rows = [("Chile", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("praised", 1, "ROOT", "VERB", "VBD", "O"),
            ("the", 4, "det", "DET", "DT", "O"), ("2001", 4, "nummod", "NUM", "CD", "B-DATE"),
            ("treaty", 1, "dobj", "NOUN", "NN", "O"), (",", 4, "punct", "PUNCT", ",", "O"),
            ("which", 8, "dobj", "PRON", "WDT", "O"), ("Peru", 8, "nsubj", "PROPN", "NNP", "B-GPE"),
            (verb, 4, "relcl", "VERB", "VBD", "O"), (".", 1, "punct", "PUNCT", ".", "O")]
    doc = _tagged(rows)
    doc[8].lemma_ = lemma
    got = _date(doc, verb, dt.date(2026, 11, 20))
    assert (got.date == dt.date(2001, 1, 1)) == year


def test_dating_an_after_clause_a_rough_singular_span_before_the_news_is_background_undated():
    # "Chile restored ties on Tuesday , more than a decade after Peru cut them .": as "more than six years after"
    # (the singular unit was no span, and the cutting was dated the news day)
    cut = _date(_tagged(_rough_span_rows(("a", "DET", "DT"), ("decade", "NN"))), "cut")
    assert (cut.date, cut.precision, cut.basis) == (None, "before-publication", DateBasis.BACKGROUND)


@pytest.mark.parametrize("mark, heading", [("?", True), (".", False)])
def test_dating_a_question_naming_a_year_heads_the_next_paragraph(mark, heading):
    # "What happened in 2020 ?  ¶  Chile fought Peru . Bolivia mediated .": an explainer's heading dates its answer
    # (the war was dated to the news day); a statement naming a year heads nothing
    words = ["What", "happened", "in", "2020", mark, "Chile", "fought", "Peru", ".", "Bolivia", "mediated", "."]
    heads = [1, 1, 1, 2, 1, 6, 6, 6, 6, 10, 10, 10]
    deps = ["nsubj", "ROOT", "prep", "pobj", "punct", "nsubj", "ROOT", "dobj", "punct", "nsubj", "ROOT", "punct"]
    ents = ["O", "O", "O", "B-DATE"] + ["O"] * 8
    starts = [k in (0, 5, 9) for k in range(len(words))]
    doc = hand_doc(words, heads, deps, ents=ents, sent_starts=starts)
    spans = [(0, 5), (5, 9), (9, 12)]
    sentences = [Sentence("d", k, doc[a].idx, doc[b - 1].idx + 1, doc[a:b].text, paragraph=p)
                 for k, ((a, b), p) in enumerate(zip(spans, (0, 1, 1)))]
    published = dt.date(2026, 11, 20)
    entries = timeline_dates(doc, sentences, spans, published)
    assert (entries.get(1) is not None and entries[1].date == dt.date(2020, 1, 1)) == heading
    if heading:
        # the paragraph's second sentence, background by continuing the first, is in the heading's year too
        from detente.events.dating import CONTINUES_CUE

        went_on = EventDate(None, DateBasis.BACKGROUND, "before-publication", CONTINUES_CUE)
        assert in_a_timeline(went_on, entries[1], published).date == dt.date(2020, 1, 1)


def test_dating_years_later_counts_from_a_year_told_in_an_earlier_sentence():
    # "Egypt expelled Ali in 2013 . Two years later , Egypt recalled Omar .": 2015 (it was undated, before the news)
    rows = [("Egypt", 1, "nsubj", "PROPN", "NNP", "B-GPE"), ("expelled", 1, "ROOT", "VERB", "VBD", "O"),
            ("Ali", 1, "dobj", "PROPN", "NNP", "O"), ("in", 1, "prep", "ADP", "IN", "O"),
            ("2013", 3, "pobj", "NUM", "CD", "B-DATE"), (".", 1, "punct", "PUNCT", ".", "O"),
            ("Two", 7, "nummod", "NUM", "CD", "B-DATE"), ("years", 8, "npadvmod", "NOUN", "NNS", "I-DATE"),
            ("later", 11, "advmod", "ADV", "RB", "I-DATE"), (",", 11, "punct", "PUNCT", ",", "O"),
            ("Egypt", 11, "nsubj", "PROPN", "NNP", "B-GPE"), ("recalled", 11, "ROOT", "VERB", "VBD", "O"),
            ("Omar", 11, "dobj", "PROPN", "NNP", "O"), (".", 11, "punct", "PUNCT", ".", "O")]
    doc = _tagged(rows)
    got = date_event(doc[11], (6, len(doc)), Document(id="d", text=doc.text, published=dt.date(2026, 11, 20),
                                                      date_basis=DateBasis.MANIFEST), Modality())
    assert (got.date, got.precision) == (dt.date(2015, 1, 1), "year")


@pytest.mark.parametrize("prep, dated", [("under", False), ("on", True)])
def test_a_relative_clause_of_the_pact_takes_no_time_of_the_date_it_hangs_on(prep, dated):
    # "Chile signed a pact on 22 May under which Peru will cede land .": the parser hangs the clause on "May", but
    # "under which" is the pact's, and the ceding had the future's 22 May (a year on); "on which" is the day's own
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("signed", 1, "ROOT", "VERB", "O"), ("a", 3, "det", "DET", "O"),
            ("pact", 1, "dobj", "NOUN", "O"), ("on", 1, "prep", "ADP", "O"), ("22", 6, "nummod", "NUM", "B-DATE"),
            ("May", 4, "pobj", "PROPN", "I-DATE"), (prep, 11, "prep", "ADP", "O"), ("which", 7, "pobj", "PRON", "O"),
            ("Peru", 11, "nsubj", "PROPN", "B-GPE"), ("will", 11, "aux", "AUX", "O"), ("cede", 6, "relcl", "VERB", "O"),
            ("land", 11, "dobj", "NOUN", "O"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[1].tag_, doc[11].tag_ = "VBD", "VB"
    got = _date(doc, "cede", dt.date(2025, 6, 14))
    assert (got.basis == DateBasis.STATED) == dated
    assert dated or got.basis == DateBasis.PUBLISHED


@pytest.mark.parametrize("when, background", [(["in", "2023"], True), (["in", "March"], False)])
def test_a_past_request_for_an_earlier_year_is_background(when, background):
    # "Chile asked Peru to leave in 2023 ." in a 2025 story: the asking came then or before (it was the news day's);
    # "to leave in March" may be a March to come
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("asked", 1, "ROOT", "VERB", "O"),
            ("Peru", 1, "dobj", "PROPN", "B-GPE"), ("to", 4, "aux", "PART", "O"), ("leave", 1, "xcomp", "VERB", "O"),
            (when[0], 4, "prep", "ADP", "O"),
            (when[1], 5, "pobj", "PROPN", "B-DATE"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[1].tag_, doc[4].tag_ = "VBD", "VB"
    got = _date(doc, "asked", dt.date(2025, 6, 14))
    assert (got.basis == DateBasis.BACKGROUND and got.date is None) == background


def test_a_deadline_to_come_dates_no_past_act():
    # "Chile urged Peru to join by 2027 ." in a 2025 story: the urging was not in 2027
    rows = [("Chile", 1, "nsubj", "PROPN", "B-GPE"), ("urged", 1, "ROOT", "VERB", "O"),
            ("Peru", 1, "dobj", "PROPN", "B-GPE"), ("to", 4, "aux", "PART", "O"), ("join", 1, "xcomp", "VERB", "O"),
            ("by", 1, "prep", "ADP", "O"),
            ("2027", 5, "pobj", "NUM", "B-DATE"), (".", 1, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[1].tag_, doc[4].tag_ = "VBD", "VB"
    got = _date(doc, "urged", dt.date(2025, 6, 14))
    assert got.basis == DateBasis.PUBLISHED


@pytest.mark.parametrize("noun, background", [("mission", True), ("plan", False)])
def test_the_purpose_of_a_mission_told_before_the_news_is_background(noun, background):
    # "In 2020 , Chile sent troops under a mission to help Peru ." in a 2022 story: the help was that mission's (it
    # was the news day's); "a plan to help Peru" is still to come
    rows = [("In", 4, "prep", "ADP", "O"), ("2020", 0, "pobj", "NUM", "B-DATE"), (",", 4, "punct", "PUNCT", "O"),
            ("Chile", 4, "nsubj", "PROPN", "B-GPE"), ("sent", 4, "ROOT", "VERB", "O"),
            ("troops", 4, "dobj", "NOUN", "O"),
            ("under", 4, "prep", "ADP", "O"), ("a", 8, "det", "DET", "O"), (noun, 6, "pobj", "NOUN", "O"),
            ("to", 10, "aux", "PART", "O"), ("help", 8, "acl", "VERB", "O"), ("Peru", 10, "dobj", "PROPN", "B-GPE"),
            (".", 4, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[4].tag_, doc[10].tag_ = "VBD", "VB"
    got = _date(doc, "help", dt.date(2022, 6, 20))
    assert (got.basis == DateBasis.BACKGROUND) == background


def test_a_day_earlier_and_hours_later_count_from_the_day_told_before(pipeline):
    # "Chile's president arrived in Lima on Wednesday. A day earlier, Peru had closed the border. Hours later, Chile
    # recalled its envoy.": the Tuesday, twice (both were the news day, a Thursday)
    text = ("Chile's president arrived in Lima on Wednesday. A day earlier, Peru had closed the border with Chile. "
            "Hours later, Chile recalled its ambassador from Lima.")
    (x,) = pipeline.extract([Document(id="d", text=text, published=dt.date(2025, 5, 8))])
    dates = {e.trigger: (e.date.date, e.date.precision) for e in x.events}
    assert dates["closed"] == dates["recalled"] == (dt.date(2025, 5, 6), "day")


@pytest.mark.parametrize("prep, background", [("during", True), ("after", False)])
def test_what_happened_during_a_past_war_is_of_its_time(prep, background):
    # "Chile and Peru fought a war in 2020 , during which Chile killed ten soldiers ." in a 2024 story: the killing is
    # the war's past (it was the news day); "after which" is not told within it
    rows = [("Chile", 3, "nsubj", "PROPN", "B-GPE"), ("and", 0, "cc", "CCONJ", "O"),
            ("Peru", 0, "conj", "PROPN", "B-GPE"), ("fought", 3, "ROOT", "VERB", "O"), ("a", 5, "det", "DET", "O"),
            ("war", 3, "dobj", "NOUN", "O"), ("in", 3, "prep", "ADP", "O"), ("2020", 6, "pobj", "NUM", "B-DATE"),
            (",", 3, "punct", "PUNCT", "O"), (prep, 12, "prep", "ADP", "O"), ("which", 9, "pobj", "PRON", "O"),
            ("Chile", 12, "nsubj", "PROPN", "B-GPE"), ("killed", 3, "advcl", "VERB", "O"),
            ("ten", 14, "nummod", "NUM", "O"), ("soldiers", 12, "dobj", "NOUN", "O"), (".", 3, "punct", "PUNCT", "O")]
    doc = _doc(rows)
    doc[3].tag_, doc[12].tag_ = "VBD", "VBD"
    got = _date(doc, "killed", dt.date(2024, 6, 14))
    assert (got.basis == DateBasis.BACKGROUND) == background


def test_the_day_of_a_time_of_day_dates_the_clause():
    # "Police raided the embassy in Quito on Wednesday night .": the day named on "night" (a TIME) dates the raid;
    # it was read as the noun's own time and the raid given the news day
    doc = _doc([("Police", 1, "nsubj", "NOUN", "O"), ("raided", 1, "ROOT", "VERB", "O"), ("the", 3, "det", "DET", "O"),
                ("embassy", 1, "dobj", "NOUN", "O"), ("in", 3, "prep", "ADP", "O"), ("Quito", 4, "pobj", "PROPN", "B-GPE"),
                ("on", 1, "prep", "ADP", "O"), ("Wednesday", 8, "compound", "PROPN", "B-DATE"),
                ("night", 6, "pobj", "NOUN", "B-TIME"), (".", 1, "punct", "PUNCT", "O")])
    got = _date(doc, "raided")
    assert (got.date, got.basis) == (dt.date(2024, 2, 21), DateBasis.STATED)


def test_a_conjunct_told_as_later_takes_no_time_of_the_one_before():
    # "Chile closed the border in 2022 and eventually recognised Peru .": the recognising came after 2022, on no day
    # the text gives (it had taken 2022)
    doc = _doc([("Chile", 1, "nsubj", "PROPN", "O"), ("closed", 1, "ROOT", "VERB", "O"), ("the", 3, "det", "DET", "O"),
                ("border", 1, "dobj", "NOUN", "O"), ("in", 1, "prep", "ADP", "O"), ("2022", 4, "pobj", "NUM", "B-DATE"),
                ("and", 1, "cc", "CCONJ", "O"), ("eventually", 8, "advmod", "ADV", "O"),
                ("recognised", 1, "conj", "VERB", "O"), ("Peru", 8, "dobj", "PROPN", "O"), (".", 1, "punct", "PUNCT", "O")])
    for t in doc:
        t.tag_ = {"closed": "VBD", "recognised": "VBD"}.get(t.text, t.tag_)
    closed, recognised = _date(doc, "closed"), _date(doc, "recognised")
    assert closed.date == dt.date(2022, 1, 1)
    assert (recognised.date, recognised.basis) == (None, DateBasis.BACKGROUND)


def test_an_act_told_as_done_many_times_is_undated():
    # "Chile met Peru 27 times .": over a span before the news, not on the news day
    doc = _doc([("Chile", 1, "nsubj", "PROPN", "O"), ("met", 1, "ROOT", "VERB", "O"), ("Peru", 1, "dobj", "PROPN", "O"),
                ("27", 4, "nummod", "NUM", "B-CARDINAL"), ("times", 1, "npadvmod", "NOUN", "O"),
                (".", 1, "punct", "PUNCT", "O")])
    doc[1].tag_ = "VBD"
    got = _date(doc, "met")
    assert (got.date, got.basis, got.text) == (None, DateBasis.BACKGROUND, "27 times")


@pytest.mark.parametrize("verb, lemma, dated", [("condemned", "condemn", False), ("launched", "launch", True)])
def test_a_time_in_a_nouns_of_phrase_is_the_nouns(verb, lemma, dated):
    # "Chile condemned the attack of October 7 .": the attack's day, not the condemning's (it had been dated so);
    # "launched the attack of October 7" tells the attack itself
    doc = hand_doc(["Chile", verb, "the", "attack", "of", "October", "7", "."], [1, 1, 3, 1, 3, 4, 5, 1],
                   ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "nummod", "punct"],
                   pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN", "NUM", "PUNCT"],
                   lemmas=["Chile", lemma, "the", "attack", "of", "October", "7", "."],
                   ents=["O", "O", "O", "O", "O", "B-DATE", "I-DATE", "O"], tags=["NNP", "VBD", "DT", "NN", "IN", "NNP",
                                                                                  "CD", "."])
    got = _date(doc, verb)
    assert (got.date == dt.date(2023, 10, 7)) == dated


def test_a_time_in_the_of_phrase_of_a_time_of_day_dates_the_clause():
    # "On the night of 31 January , Chile shot down a drone .": the night is the clause's time, its day with it
    doc = hand_doc(["On", "the", "night", "of", "31", "January", ",", "Chile", "shot", "down", "a", "drone", "."],
                   [8, 2, 0, 2, 5, 3, 8, 8, 8, 8, 11, 8, 8],
                   ["prep", "det", "pobj", "prep", "nummod", "pobj", "punct", "nsubj", "ROOT", "prt", "det", "dobj",
                    "punct"],
                   pos=["ADP", "DET", "NOUN", "ADP", "NUM", "PROPN", "PUNCT", "PROPN", "VERB", "ADP", "DET", "NOUN",
                        "PUNCT"],
                   ents=["O", "B-TIME", "I-TIME", "O", "B-DATE", "I-DATE", "O", "O", "O", "O", "O", "O", "O"],
                   tags=["IN", "DT", "NN", "IN", "CD", "NNP", ",", "NNP", "VBD", "RP", "DT", "NN", "."])
    assert _date(doc, "shot").date == dt.date(2024, 1, 31)


def test_a_gerund_days_after_is_undated():
    # "Chile met Peru on Friday , days after visiting Bolivia .": the visiting came some days before, no day given (it
    # had the news day, after the meeting)
    doc = _doc([("Chile", 1, "nsubj", "PROPN", "O"), ("met", 1, "ROOT", "VERB", "O"), ("Peru", 1, "dobj", "PROPN", "O"),
                ("on", 1, "prep", "ADP", "O"), ("Friday", 3, "pobj", "PROPN", "B-DATE"), (",", 1, "punct", "PUNCT", "O"),
                ("days", 7, "npadvmod", "NOUN", "O"), ("after", 1, "prep", "ADP", "O"),
                ("visiting", 7, "pcomp", "VERB", "O"), ("Bolivia", 8, "dobj", "PROPN", "O"), (".", 1, "punct", "PUNCT", "O")])
    doc[1].tag_, doc[8].tag_ = "VBD", "VBG"
    got = _date(doc, "visiting")
    assert (got.date, got.basis) == (None, DateBasis.BACKGROUND)
