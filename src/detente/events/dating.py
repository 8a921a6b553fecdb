"""Event dates: the time expression of the clause that holds the event, resolved against the publication.

Consumes a trigger token (spaCy), the document's date and the event's
modality; produces an ``EventDate`` with its precision and basis.

Which time expression dates an event is a question of syntax, not of
distance: a DATE entity belongs to the clause of the verb it modifies (the
clause of its head), and it dates only the events of that clause.  In "ties
were cut seven years ago and restored on Friday", "seven years ago" dates the
cutting and "on Friday" the restoring.  Non-finite complements share their
governor's time ("agreed in March to lift"); coordinated, relative, adverbial
and reported clauses have their own.  Three links cross a clause boundary, each
because the syntax says so:

* "since <clause with a time>" ("since taking office after a 2010 uprising,
  X has deepened ties") dates the main clause from that time on;
* "N years after <clause>" ("restored ties on Friday, seven years after they
  were cut") dates the subordinate clause N years before the main one;
* a reported clause without a time of its own is dated by its speech verb's
  time ("he said last week that membership was frozen").

An event is *background* (told as context, before the article's news) when
its clause has a background cue (``Modality.background``: "for years", "had
long", past perfect) or its stated time lies wholly before the news
(``dates.before_the_news``: "last November", "in 2019", "seven years ago"), or, in an article with no
date, its past-tense clause dates it by a month or a year alone (``undated_earlier``: news style dates the
news by weekday or day, what is older by month or year).
A background event with no time in its clause has no date: precision
``before-publication``.  Nothing is guessed.

Left out: times stated in another sentence (except the speech verb's), and
durations ("three days of rioting"), which are not dates.
"""

from __future__ import annotations

import bisect

import datetime as dt
import re
from typing import Any

from ..ingest.dates import (BEFORE_PUBLICATION, DAY, MONTH, MONTH_NAMES, PAST_ERA, UNKNOWN_PRECISION, WEEKDAY_NAMES,
                             YEAR, before_the_news, in_the_year_told, later_than, resolve_time)
from ..model import DateBasis, Document, EventDate
from .modality import PAST_PERFECT_CUE, Modality, told_in_past_perfect

# Heads of a clause of their own: a time expression under one of these does not reach the clause above.
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj", "pcomp"})
# Prepositions of time kept with their entity ("in March", "since 2018", "on Friday").
TIME_PREPS = frozenset({"in", "on", "since", "during", "at", "by", "until", "from", "over", "for", "of"})
# A time that modifies a noun reaches the clause only through these prepositions ("in a 2018 revolution").
NOUN_TIME_PREPS = frozenset({"in", "since", "during"})
SINCE = "since"
# The background cue of a past-tense sentence that continues a background one (``extract``): it yields to
# a time the sentence states itself.
CONTINUES_CUE = "(continues the previous sentence)"
_SPAN = re.compile(r"^(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                   r"fifteen|twenty)\s+(?P<unit>days?|weeks?|months?|years?|decades?)$", re.I)
_STEPS = 8


def _verbal(tok: Any) -> bool:
    return tok.pos_ in {"VERB", "AUX"} or tok.dep_ == "ROOT"


def clause_head(tok: Any) -> Any:
    """The head of the clause ``tok`` belongs to (non-finite complements belong to their governor's clause)."""
    node, steps = tok, 0
    while not (_verbal(node) and node.dep_ in CLAUSE_DEPS | {"xcomp"}) and node.head != node and steps < _STEPS:
        node, steps = node.head, steps + 1
    while node.dep_ == "xcomp" and node.head != node and steps < _STEPS:
        node, steps = node.head, steps + 1
    return node


class _Expr:
    """A time expression of a sentence: its text (with preposition) and the token it modifies."""

    __slots__ = ("text", "attach", "ent", "noun")

    def __init__(self, text: str, attach: Any, ent: Any, noun: Any = None) -> None:
        self.text, self.attach, self.ent, self.noun = text, attach, ent, noun


def _date_entities(doc: Any) -> tuple[list[int], list[int]]:
    """The token bounds (starts, ends) of the document's DATE entities, found once per Doc (kept in
    ``user_data``): ``doc.ents`` is rebuilt by spaCy on every access, and reading it per event was quadratic.
    Ints, not Spans: a Span holds its Doc, so Spans kept in the Doc's own ``user_data`` made a reference cycle
    and every parsed Doc of an ingest lived on until the collector's next full pass (bench/README.md, memory)."""
    cached = doc.user_data.get("detente_date_entities")
    if cached is None:
        # and a past era as the object of a time preposition ("during World War Two"; not "a Cold War-era treaty",
        # nor "since the Cold War", which runs on to the news)
        # a TIME that names a day ("on Wednesday night") dates its clause as the day does (it was read as no time)
        bounds = [(ent.start, ent.end) for ent in doc.ents if ent.label_ == "DATE"
                  or (ent.label_ == "TIME" and any(t.lower_ in WEEKDAY_NAMES for t in ent))
                  or (ent.label_ == "EVENT" and PAST_ERA.search(ent.text) and ent.root.dep_ == "pobj"
                      and ent.root.head.lower_ in {"during", "in", "throughout", "before", "after"})]
        # an entity the tagger runs across a comma is two times ("on Tuesday, days after ...": the day and a span
        # back before another act), save the commas within one written day: before the year of a day written
        # month first ("September 18, 2023" lost its year and was dated to the news year) and after the weekday
        # that the day names ("Monday, September 18")
        split = []
        for lo, hi in bounds:
            cuts = [i for i in range(lo + 1, hi - 1) if doc[i].text in {",", ";"} and not _within_one_day(doc, i)]
            for a, b in zip([lo, *(c + 1 for c in cuts)], [*cuts, hi]):
                if b > a:
                    split.append((a, b))
        cached = ([b[0] for b in split], [b[1] for b in split])
        doc.user_data["detente_date_entities"] = cached
    return cached


# a year as written after a month and day ("September 18, 2023")
_YEAR = re.compile(r"^\d{4}$")


def _within_one_day(doc: Any, i: int) -> bool:
    """Whether the comma at ``i`` sits inside one written day: "September 18, 2023", "Monday, September 18"."""
    if doc[i].text != ",":
        return False
    before, after = doc[i - 1], doc[i + 1]
    return (before.like_num and bool(_YEAR.match(after.text))) or (
        before.lower_ in WEEKDAY_NAMES and after.lower_.rstrip(".") in MONTH_NAMES)


# What closes the date that heads an entry of a timeline ("September 18, 2023: Ottawa expels ...")
_ENTRY_MARKS = frozenset({":", "-", "–", "—"})
_HAS_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")


def timeline_dates(doc: Any, sentences: Any, spans: Any, published: dt.date | None) -> dict[int, EventDate]:
    """The dates that head a timeline's entries, by paragraph: a paragraph that opens with a date and a colon or
    dash ("September 18, 2023: Trudeau tells parliament ... Ottawa expels a diplomat.").  The date is each
    sentence's of the entry that states none of its own (the entry's second sentence was dated to the news day).
    An entry's day with no year ("September 19:") follows the entry before it, as a timeline is read (it was the
    last such day before the news, a year the timeline never gave); the first one is read against the news.
    Found once per Doc (kept in ``user_data``)."""
    cached = doc.user_data.get("detente_timeline_dates")
    if cached is not None:
        return cached
    starts, ends = _date_entities(doc)
    out: dict[int, EventDate] = {}
    previous: EventDate | None = None
    for k, (sentence, (lo, hi)) in enumerate(zip(sentences, spans)):
        if k and sentences[k - 1].paragraph == sentence.paragraph:
            continue
        while lo < hi and doc[lo].is_space:
            lo += 1
        e = bisect.bisect_left(starts, lo)
        heading = _question_heading(doc, sentences, k, lo, hi, starts, ends, published)
        if heading is not None:
            # "What happened in 2020?" over a paragraph of an explainer: the year the next paragraph tells
            out[sentence.paragraph + 1] = heading
            continue
        if e == len(starts) or starts[e] != lo:
            continue
        end = ends[e] - 1 if doc[ends[e] - 1].text in _ENTRY_MARKS else ends[e]  # (the tagger may take the colon)
        if end >= hi or doc[end].text not in _ENTRY_MARKS:
            continue
        text = doc[lo:end].text
        follows = previous is not None and previous.date is not None and not _HAS_YEAR.search(text)
        got = resolve_time(text, previous.date if follows else published, future=follows)
        if got is not None and got.date is not None:
            out[sentence.paragraph] = previous = got
    doc.user_data["detente_timeline_dates"] = out
    return out


# Words that place a month relative to the news ("last February", "this March"), not to a timeline's entry
_RELATIVE_WORD = re.compile(r"\b(last|next|this|previous|coming)\b", re.I)


def _question_heading(doc: Any, sentences: Any, k: int, lo: int, hi: int, starts: list[int], ends: list[int],
                      published: dt.date | None) -> EventDate | None:
    """The year of a paragraph that is a one-sentence question naming one year ("What happened in 2020?"), the
    heading of an explainer's next paragraph; else None."""
    if not sentences[k].text.rstrip().endswith("?") or (k + 1 < len(sentences)
                                                       and sentences[k + 1].paragraph == sentences[k].paragraph):
        return None
    first = bisect.bisect_left(starts, lo)
    found = [doc[a:b].text for a, b in zip(starts[first:], ends[first:]) if a < hi]
    years = [t for t in found if _HAS_YEAR.search(t)]
    if len(found) != 1 or len(years) != 1:
        return None
    got = resolve_time(years[0], published)
    return got if got is not None and got.date is not None else None


def in_a_timeline(date: EventDate, entry: EventDate | None, published: dt.date | None) -> EventDate:
    """``date`` of an act in a timeline's entry dated ``entry``: the entry's date when the act's clause states
    none of its own (or only the entry's, read without the timeline's year); background before the news. A day or
    month the act's clause states with no year is in the entry's year ("2024: Erdogan visited Cairo in February":
    February 2024; it was the February before the news)."""
    if entry is None or entry.date is None:
        return date
    if date.text and date.date is not None and entry.precision == YEAR and not _HAS_YEAR.search(date.text) \
            and date.precision in (DAY, MONTH) and not _RELATIVE_WORD.search(date.text) \
            and any(w.strip(".,").lower() in MONTH_NAMES for w in date.text.split()):
        own = resolve_time(date.text, dt.date(entry.date.year, 12, 31))
        if own is not None and own.date is not None:
            basis = DateBasis.BACKGROUND if before_the_news(own, published) else DateBasis.STATED
            return EventDate(own.date, basis, own.precision, own.text)
    if not (date.basis in (DateBasis.PUBLISHED, DateBasis.INFERRED) or date.text == entry.text
            or (date.date is None and date.text == CONTINUES_CUE)):
        # (an act told as going on from the background sentence before it is in the entry too: "2020: ... fought a
        # war. Russia brokered a ceasefire")
        return date
    basis = DateBasis.BACKGROUND if before_the_news(entry, published) else DateBasis.STATED
    return EventDate(entry.date, basis, entry.precision, entry.text)


# Adjectives a span of time measures ("decades-long", "years-old")
_LENGTH_ADJECTIVES = frozenset({"long", "old"})


def time_expressions(doc: Any, start: int, end: int) -> list[_Expr]:
    """The DATE entities of tokens ``start..end`` with what each one modifies."""
    out = []
    starts, ends = _date_entities(doc)
    for k in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
        ent = doc[starts[k]:ends[k]]
        root = ent.root
        head = root.head
        if root.dep_ == "npadvmod" and head.lower_ in _LENGTH_ADJECTIVES and not (ent.start <= head.i < ent.end):
            # "a decades-long rivalry", "a 30-year-old treaty": a length or an age describes its noun and dates
            # nothing (the decades dated the clause above the noun: a current act was made background)
            continue
        if root.dep_ == "compound" and head.ent_type_ == "TIME" and head.dep_ == "pobj" \
                and head.head.lower_ in TIME_PREPS:
            # "raided the embassy in Quito on Friday night": the day of a time of day ("night", "morning") dates
            # the clause as "on Friday" does (it was read as the noun's own time, and the act given the news day)
            out.append(_Expr(f"{head.head.lower_} {ent.text}", head.head.head, ent))
            continue
        if root.dep_ in {"nummod", "compound", "amod", "nmod"} and head.pos_ in {"NOUN", "PROPN"} \
                and not (ent.start <= head.i < ent.end) and ent[-1].lower_ != "ago":
            # (a span back, "cutting ties more than a decade ago", dates the clause, whatever noun the parser
            # hangs it on)
            # "the 2019 decision", "a 2018 revolution": the time belongs to the noun
            if head.dep_ == "pobj" and head.head.dep_ == "prep" and head.head.lower_ in NOUN_TIME_PREPS:
                out.append(_Expr(f"{head.head.lower_} {ent.text}", head.head.head, ent, noun=head))
            else:
                out.append(_Expr(ent.text, head, ent, noun=head))
            continue
        if root.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in TIME_PREPS:
            out.append(_Expr(f"{head.lower_} {ent.text}", head.head, ent))
        else:
            out.append(_Expr(ent.text, head if root.head != root else root, ent))
    return out


def _is_future(verb: Any) -> bool:
    from .attribution import SPEECH_LEMMAS
    from .rules import words

    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & words("modal_intent"):
        return True
    # "Michel said leaders would return to it in January": a future told in the past, after the speaking (not
    # "would have"; a would outside reported speech may be a hypothesis)
    # ("said the visit opened a new page and that he would travel to Turkey in April": a conjunct of the reported
    # clause is reported too)
    reported = verb
    while reported.dep_ == "conj" and reported.head is not reported:
        reported = reported.head
    return bool(aux & {"would", "'d"}) and "have" not in aux and reported.dep_ == "ccomp" \
        and reported.head.lemma_.lower() in SPEECH_LEMMAS


def _infinitive_to_come(node: Any, clause: Any) -> Any:
    """The infinitive to come (``_to_come``) that ``node`` lies in, below ``clause``, or None."""
    n, steps = node, 0
    while steps < _STEPS:
        if _to_come(n):  # (the clause itself too: "accepted an invitation to visit Turkey in April", on "visit")
            return n
        if n == clause or n.head == n:
            break
        n, steps = n.head, steps + 1
    return None


def _to_come(verb: Any) -> bool:
    """Whether ``verb`` is an infinitive a verb or noun of intent or of asking governs, with no time of its own
    ("invited Assad to attend the summit on May 19": the attending is to come; "May 19" in a May 9 story is ten days
    ahead, not last year's; the invitation is not dated by it)."""
    from .rules import words

    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "acl":
        # "accepted an invitation to visit Turkey in April", "a plan to hold talks in May": the noun of an intent
        # or a request the infinitive completes
        if head.lemma_.lower() not in words("intent_noun") | words("request_noun"):
            return False
    elif verb.dep_ not in {"xcomp", "ccomp"} or head.lemma_.lower() not in words("intent_governor") \
            | words("request_verb") | words("urging_verb") | words("expectation_verb"):
        return False  # ("is expected to be invited to the summit on May 19": to come)
    return not any(e.ent_type_ == "DATE" for c in head.children if c.dep_ in {"prep", "npadvmod", "advmod"}
                   for e in c.subtree)


def _after_clause(expr: _Expr) -> Any:
    """"seven years after they were cut": the clause that the span counts back from, or None."""
    if not _SPAN.match(expr.ent.text):
        return None
    node = expr.attach
    if node.lower_ == "after" and node.dep_ in {"prep", "mark"}:
        sub = next((c for c in node.children if c.dep_ in {"pcomp", "pobj"} and _verbal(c)), None)
        return sub
    if _verbal(node) and any(c.dep_ == "mark" and c.lower_ == "after" for c in node.children):
        return node
    return None


# Links inside a dated noun's phrase that keep its time: "the 2019 decision to change recognition" dates the
# change (a non-finite complement of the noun), "the 2019 visit to Moscow" the visit.
NOUN_PHRASE_DEPS = frozenset({"acl", "xcomp", "dobj", "pobj", "prep", "compound", "amod", "nmod", "poss"})


def _within_noun(tok: Any, noun: Any) -> bool:
    """Whether ``tok`` lies in ``noun``'s phrase through non-finite links only (no clause with its own subject)."""
    node, steps = tok, 0
    while node != noun and node.head != node and steps < _STEPS:
        if node.dep_ not in NOUN_PHRASE_DEPS or (node.dep_ == "acl" and any(
                c.dep_ in {"nsubj", "nsubjpass"} for c in node.children)):
            return False
        node, steps = node.head, steps + 1
    return node == noun


def _since_target(clause: Any) -> Any:
    """The clause a "since <clause>" phrase dates ("since coming to power in 2018, X has deepened ...")."""
    if clause.dep_ == "pcomp" and clause.head.lower_ == SINCE:
        return clause_head(clause.head.head)
    if clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == SINCE for c in clause.children):
        return clause_head(clause.head)
    return None


def stated_date(tok: Any, span: tuple[int, int], published: dt.date | None, *, depth: int = 0) -> EventDate | None:
    """The date the text states for the event whose trigger is ``tok`` (sentence tokens ``span``), or None."""
    doc = tok.doc
    exprs = time_expressions(doc, *span)
    clause = clause_head(tok)
    future = _is_future(clause) or _is_future(tok)
    # a noun's own time first ("Hamas' Oct. 7 attack"), then the clause's, in sentence order
    exprs.sort(key=lambda x: x.noun is None or x.noun != tok)
    for expr in exprs:
        found = _apply(expr, tok, clause, span, published, future, depth)
        if found is not None:
            return found
    shared = None if _told_as_later(clause) else _shares_time_with(clause)
    # (a gap since the last such act, "for the first time in a decade", is no time of the clause's own)
    if shared is not None and depth < 2 and not any(_own_time(expr, tok, clause) and not _gap_since_the_last(
            expr, clause) for expr in exprs):
        return stated_date(shared, span, published, depth=depth + 1)
    return _reported_date(clause, span, published, depth)


SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})


def _shares_time_with(clause: Any) -> Any:
    """The verb whose time a clause with no time of its own shares, or None: a verb conjoined to it with no
    subject of its own, in the same tense ("In 2019, Khan visited Tehran and agreed to set up a force"), a
    subjectless participle (VBG) hung on it with no conjunction ("cut ties with Doha in 2017, accusing it of ..."),
    a subjectless infinitive of purpose ("summoned the envoy last week to protest"), or a when-clause ("soured in
    2021 when Australia cancelled the deal"). A clause with its own subject is otherwise a clause of its own ("ties
    were cut in 2017 but the two restored them")."""
    head = clause.head
    if clause.dep_ == "relcl" and head != clause and _occasion_clause(clause):
        # "a gun battle in September, in which a police officer was killed": the clause tells what happened at
        # its noun's occasion, whose time is its time
        return head
    if head == clause or not _verbal(head):
        return None
    if _is_when_clause(clause):
        return head  # "Ties soured in 2021 when Australia cancelled the deal": the cancelling was in 2021 too
    if clause.dep_ == "conj" and clause.tag_ == head.tag_ and _fronted_time(head) \
            and not any(t.lower_ in {"but", "yet", "while", "whereas"} for t in clause.doc[head.i:clause.left_edge.i]):
        # "Last year, Yoon visited Tokyo and Kishida made a return trip to Seoul": a time put before the first
        # clause's subject sets the time of the clauses joined to it in the same tense, subjects of their own too
        # ("Ties were cut in 2017 but the two restored them": a time inside the first clause is its own)
        return head
    if any(c.dep_ in SUBJECT_DEPS for c in clause.children):
        return None
    if clause.dep_ == "conj" and (clause.tag_ == head.tag_ or (
            {clause.tag_, head.tag_} == {"VBD", "VBN"} and not any(c.dep_ == "aux" for c in clause.children)
            and any(c.dep_ == "aux" and c.lower_ in {"had", "has", "have"} for c in head.children))):
        # (the perfect's "had" reaches its conjunct, whichever form the tagger gave it: "it had severed relations
        # and recalled its diplomats")
        return head
    if clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in clause.children):
        return head
    if clause.dep_ in {"advcl", "xcomp"} and clause.tag_ == "VB" and not _to_come(clause) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
        # "summoned Finland's ambassador last week to protest against ...": the purpose is done with the act (an
        # infinitive of intent or asking is still to come: ``_to_come``)
        return head
    return None


def _fronted_time(verb: Any) -> bool:
    """Whether a time phrase (one holding a DATE entity) opens the sentence before ``verb``'s subject ("Last year,
    Yoon visited Tokyo", "In 2019, Khan visited Tehran")."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    return subject is not None and any(
        c.i < subject.i and c.left_edge.i == verb.sent.start and c.dep_ in {"npadvmod", "prep", "advmod"}
        and any(t.ent_type_ == "DATE" for t in c.subtree) for c in verb.children)


def _occasion_clause(clause: Any) -> bool:
    """A relative clause opened by "in which", "during which" (occasion_prep + which), or "when"."""
    from .rules import words

    return any((c.dep_ == "prep" and c.lower_ in words("occasion_prep")
                and any(g.dep_ == "pobj" and g.lower_ == "which" for g in c.children))
               or (c.dep_ == "advmod" and c.lower_ == "when") for c in clause.children)


def _apply(expr: _Expr, tok: Any, clause: Any, span: tuple[int, int], published: dt.date | None, future: bool,
           depth: int) -> EventDate | None:
    """The date ``expr`` gives the event of ``tok`` (in ``clause``), or None when it does not date it."""
    if _gap_since_the_last(expr, clause):
        return None
    after = _after_clause(expr)
    if after is not None:
        if clause_head(after) == clause and depth < 2 and after.head != after:
            main = stated_date(after.head, span, published, depth=depth + 1)
            base = main.date if main and main.date else published
            return resolve_time(f"{expr.ent.text} ago", base)
        return None
    if expr.text.lower().split(" ", 1)[0] in _END_PREPS and clause.tag_ not in {"VBD", "VBN"}:
        # "Hungary holds the EU's presidency until December": when a state now holding ends, no date of the act
        # (read as a past December it was an invented, background date)
        return None
    if expr.text.lower().split(" ", 1)[0] in _END_PREPS | {"by"} and not future and published is not None:
        # "suspended accession talks until 2028", "urged Kazakhstan to join by 2027": the end of a period still to
        # come, or a deadline, is no date of a past act
        ends = resolve_time(expr.text, published)
        if ends is not None and ends.date is not None and ends.date > published:
            return None
    noun_time = expr.noun is not None and expr.attach == expr.noun
    # a relative clause on the date itself ("in March, when the court issued ...")
    # ("in 2016, which Bolivia condemned": a "which" the parser hangs on the date stands for the pact, not the time)
    # ("signed a treaty on 22 May under which the UK will cede ...": a "which" under a preposition of no time is the
    # treaty's, and the clause had the future's 22 May, a year on)
    on_the_date = not noun_time and tok.dep_ == "relcl" and expr.ent.start <= tok.head.i < expr.ent.end \
        and not any(c.lower_ in {"which", "that"} for c in tok.children) \
        and not any(c.dep_ == "prep" and c.lower_ not in TIME_PREPS and any(
            p.lower_ in {"which", "whom"} for p in c.children) for c in tok.children)
    if _own_time(expr, tok, clause) or on_the_date:
        told = in_the_year_told(expr.text, None)
        if told is not None:  # "in November that year": the year last stated before it
            return in_the_year_told(expr.text, _year_anchor(expr, span, published))
        future = future or _infinitive_to_come(expr.attach, clause) is not None
        if not future and clause.tag_ in {"VBD", "VBN"}:
            # ("In 2012, Qatar let Hamas open an office. ... Five years later, four states cut ties": the year told
            # before it in its paragraph or the one before, when its own sentence states none)
            anchor = _anchor_before(expr, span, published) \
                or _year_anchor(expr, span, published, days=bool(_DAYS.search(expr.ent.text)))
            later = later_than(expr.ent.text, anchor)
            if later is not None:  # "recognised Kosovo two years later" (after 2006, stated earlier)
                return later
        return resolve_time(expr.text, published, future=future)
    if noun_time:
        if _pact_it_makes(expr.noun, clause) or _pact_it_makes(expr.noun, tok):
            # "Doha brokered the 2020 agreement", "signed the 2016 accord": the act makes the pact, so the pact's year
            # is the act's (it was dated to the news day); "criticised the 2020 agreement" keeps its own time; so
            # "helped broker the 2023 deal", the trigger a complement of its clause's verb
            return resolve_time(expr.ent.text, published)
        return _after_dated_noun(expr, clause, published)
    target = clause_head(expr.attach)
    since = _since_target(target)
    if since is not None and since == clause:
        start = resolve_time(expr.text, published)
        if start is not None:
            return EventDate(start.date, start.basis, start.precision, f"{SINCE} {expr.ent.text}")
    if _when_target(target) == clause:
        # "When Xi landed in Riyadh last December, he was greeted with pomp": a when-clause's time is its main
        # clause's
        return resolve_time(expr.text, published, future=future)
    return None


def _anchor_before(expr: _Expr, span: tuple[int, int], published: dt.date | None) -> EventDate | None:
    """The last time stated before ``expr`` in its sentence that resolves to a date: what "two years later" counts
    from."""
    found = None
    for other in time_expressions(expr.ent.doc, span[0], expr.ent.start):
        got = resolve_time(other.text, published)
        if got is not None and got.date is not None:
            found = got
    return found


# A span of days ("two days later", "a day earlier"): counted from a day stated before
_DAYS = re.compile(r"\bdays?\b", re.I)


def _year_anchor(expr: _Expr, span: tuple[int, int], published: dt.date | None, *,
                 days: bool = False) -> EventDate | None:
    """The last time stated with a year before ``expr``, in its sentence or before it in its paragraph or the one
    before ("2013: ... Egypt expelled the envoy in November that year"; "Russia annexed Crimea in 2014.", then "Later
    that year, ..."): what "that year" refers to; None when the text states none.  With ``days``, the last time
    stated to the day ("Xi arrived on Wednesday. A day earlier, ..."), year or no year."""
    doc = expr.ent.doc
    text = doc.text
    start = text.rfind("\n\n", 0, doc[span[0]].idx)
    start = text.rfind("\n\n", 0, start) if start > 0 else -1
    first = next((t.i for t in doc[:span[0]] if t.idx > start), span[0]) if start >= 0 else 0
    found = None
    for other in time_expressions(doc, first, expr.ent.start):
        if days or _HAS_YEAR.search(other.ent.text):
            got = resolve_time(other.ent.text, published)
            if got is not None and got.date is not None and (not days or got.precision == DAY):
                found = got
    return found


def _gap_since_the_last(expr: _Expr, clause: Any) -> bool:
    """"its first weapons shipment to Somalia in more than four decades", "for the first time in years": a span
    after "first" counts the time since the last such act; it does not date this one (which stays the news's).
    So does one after a superlative: "relations have plunged to their lowest point in decades" (it was a time
    before the news, and the state of relations told now was background)."""
    # (or on the noun the clause describes: "the first South Korean leader to visit Japan since 2011")
    holder = clause.head if clause.dep_ in {"acl", "relcl"} and clause.head.pos_ in {"NOUN", "PROPN"} else clause
    first = any((t.lower_ == "first" or t.tag_ in {"JJS", "RBS"}) and t.i < expr.ent.start for t in holder.subtree)
    if expr.text.split(" ", 1)[0].lower() == SINCE:
        return first  # "It was Erdogan's first visit to Greece since 2017": the visit is now (it was dated 2017)
    if expr.text.split(" ", 1)[0].lower() not in {"in", "for"} or not _SPAN_WORDS.search(expr.ent.text):
        return False
    return first


_SPAN_WORDS = re.compile(r"\b(days?|weeks?|months?|years?|decades?|century|centuries)\b", re.I)


# Marks of a clause that tells what came before its main clause ("after protesters stormed the embassy")
BEFORE_MARKS = frozenset({"after", "following"})


# Prepositions of what comes later ("before X signing", "ahead of X voting", "prior to")
_LATER_PREPS = frozenset({"before", "until", "till", "ahead", "prior", "pending"})
# Prepositions of a period's end ("until December"): they date no act told in the present
_END_PREPS = frozenset({"until", "till", "through"})
# Bare plural spans of time before "after" ("days after", "weeks after"): some span earlier, no number given
_BARE_SPANS = frozenset({"days", "weeks", "months", "years", "decades"})
# (and a span given only roughly: "more than a decade after", which no exact span reading dates)
_ROUGH_SPANS = _BARE_SPANS | {"day", "week", "month", "year", "decade"}


def _before_an_earlier_act(tok: Any, span: tuple[int, int], published: dt.date | None) -> str | None:
    """"Riyadh severed ties in 2016 after protesters stormed its missions": an after-clause with no time of its
    own came before its main clause, and a past-tense relative clause belongs to its clause's story; when that
    clause lies before the news, so does the subordinate one, on no day the text gives (background, undated; not
    the publication's day). Returns the cue, or None."""
    clause = clause_head(tok)
    while clause.dep_ == "conj" and clause.head != clause and not any(
            c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        clause = clause.head  # "after juntas expelled French troops and turned to Russia": one clause's time
    if clause.head == clause:
        return None
    sequel = _told_next_in_the_past(clause, span, published)
    if sequel is not None:
        return sequel
    after = clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BEFORE_MARKS for c in clause.children)
    # "Last year, Morocco normalised relations in a deal brokered by the US, which in return recognised ...": a
    # past-tense relative clause with no time of its own in a clause told of an earlier time is part of that story
    # and so is a clause a preposition hangs on it ("In December, the US recognised X in exchange for Rabat
    # normalising ties with Israel"; "accused Y of arming Z"), unless the preposition puts it later ("before")
    # (so is a past participle on a noun of that clause: "restored relations in March 2023 under a deal brokered by
    # China" was dated the publication day)
    # ("recognised Kosovo in 2008, which Serbia condemned": the parser may read the relative clause as a complement)
    sentential = clause.dep_ == "ccomp" and clause.tag_ == "VBD" and clause.i > clause.head.i and any(
        c.lower_ == "which" and c.dep_ in {"dobj", "nsubj"} for c in clause.children) \
        and clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","
    told_with = (clause.dep_ == "relcl" and clause.tag_ == "VBD") or sentential or (
        clause.dep_ == "pcomp" and clause.tag_ in {"VBG", "VBN"} and clause.head.lower_ not in _LATER_PREPS
        and clause.head.head.lower_ not in _LATER_PREPS) or (
        clause.dep_ == "acl" and clause.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} | SUBJECT_DEPS
                                                                   for c in clause.children)) or (
        _purpose_of_a_told_mission(clause)) or _during_which(clause)
    if not (after or told_with):
        return None
    if clause.dep_ == "pcomp" and clause.head.lower_ in BEFORE_MARKS and clause.tag_ == "VBG":
        # "met Putin in Moscow on Friday, days after visiting Kyiv": a bare span before the act told (it was given
        # the news day, after the meeting it came before)
        span_word = next((c for c in clause.head.children if c.dep_ == "npadvmod" and c.lower_ in _ROUGH_SPANS), None)
        if span_word is not None:
            return f"{span_word.lower_} after (earlier than the news)"
    if after and clause.tag_ in {"VBD", "VBN"}:
        # (on the clause or on its mark: "the sale came days after Washington and Beijing held talks")
        marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in BEFORE_MARKS]
        span_word = next((c for c in [*clause.children, *(g for m in marks for g in m.children)]
                          if c.dep_ == "npadvmod" and c.lower_ in _ROUGH_SPANS), None)
        if span_word is not None:
            # "met Kim on Friday, days after Seoul accused Moscow of ...": a bare span says only that the act came
            # some days (weeks, months) before the news: background, no day; so does a span the text gives only
            # roughly ("more than six years after Manama joined the boycott": an exact one dates it, _after_clause)
            return f"{span_word.lower_} after (earlier than the news)"
    # the nearest clause above with a time of its own ("a deal brokered by the US, which ...": the deal's clause)
    node, main = clause_head(clause.head), None
    above = [node]
    for _ in range(3):
        main = stated_date(node, span, published, depth=1)
        if main is not None or node.head == node:
            break
        node = clause_head(node.head)
        above.append(node)
    # (any clause on the way up: "had recalled its envoy and barred X from returning after Iran struck": the
    # after-clause hangs on "returning", the barring shares the past perfect)
    if main is None and after and any(past_perfect(n) for n in above):
        # "Chad had been France's ally after juntas expelled French troops": the main clause's past perfect puts
        # it before the news, and the after-clause before that
        return f"{next(c.lower_ for c in clause.children if c.dep_ == 'mark')} (earlier than a past-perfect act)"
    if main is None or not before_the_news(main, published):
        return None
    if told_with:
        return f"told with an act {main.text or 'before the news'}"
    mark = next(c.lower_ for c in clause.children if c.dep_ == "mark")
    return f"{mark} (earlier than an act {main.text or 'before the news'})"


def _during_which(clause: Any) -> bool:
    """"Iran and Israel fought a war in June, during which Israel killed several commanders": a past-tense clause
    opened by "during which" (or "in which", "at which") happened within the time of the clause it is on (the
    parser may hang it as an adverbial clause); it was the news day's."""
    return clause.tag_ in {"VBD", "VBN"} and clause.dep_ in {"advcl", "relcl"} and any(
        c.dep_ == "prep" and c.lower_ in {"during", "in", "at"} and c.i < clause.i
        and any(p.dep_ == "pobj" and p.lower_ == "which" for p in c.children) for c in clause.children)


def _purpose_of_a_told_mission(clause: Any) -> bool:
    """"In January, Russia had sent troops under a CSTO mission to help Tokayev quell unrest": an infinitive with no
    subject of its own on a noun (acl, relcl) is the purpose of the act the noun's clause tells, in its time; not
    one on a noun of intent or of asking ("a plan to deploy", "a call to withdraw": still to come)."""
    from .rules import words

    return clause.dep_ in {"acl", "relcl"} and clause.tag_ == "VB" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and not any(
        c.dep_ in SUBJECT_DEPS for c in clause.children) \
        and clause.head.lemma_.lower() not in words("intent_noun") | words("request_noun")


# Spans of hours ("hours after", "minutes after"): the act before came the same day
_HOUR_SPANS = frozenset({"hours", "hour", "minutes"})


def _asked_for_an_earlier_time(tok: Any, span: tuple[int, int], published: dt.date | None) -> str | None:
    """"Muizzu asked India to withdraw its military personnel in 2023": a past act whose infinitive (xcomp) is dated
    before the news (a year or a month gone, not a recent day) came at that time or before it, on no day the text
    gives (the infinitive's time is not the asking's, ``_own_time``, and the request was the news day's).  Returns
    the cue, or None."""
    if published is None or tok.tag_ != "VBD":
        return None
    lo, hi = span
    for comp in (c for c in tok.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)):
        for expr in time_expressions(tok.doc, lo, hi):
            if expr.attach not in comp.subtree or expr.text.lower().split(" ", 1)[0] in _END_PREPS | {"by"} \
                    or not (_HAS_YEAR.search(expr.text) or re.search(r"\b(last|ago)\b", expr.text, re.I)):
                continue  # ("asked X to join in March": a month with no year may be one to come)
            told = resolve_time(expr.text, published)
            if told is not None and told.date is not None and told.precision in {MONTH, YEAR} \
                    and before_the_news(told, published):
                return f"(asked for {expr.text})"
    return None


def _hours_before_a_dated_act(tok: Any, span: tuple[int, int], published: dt.date | None) -> EventDate | None:
    """"India expelled six Canadian diplomats on Monday, hours after Ottawa ordered out India's envoy": an after-clause
    with no time of its own, a span of hours before an act dated to the day, is of that day (it was dated to the news
    day, a day after the act it came before); None otherwise."""
    clause = clause_head(tok)
    if clause.dep_ != "advcl" or clause.tag_ not in {"VBD", "VBN"}:
        return None
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in BEFORE_MARKS]
    if not marks or not any(c.dep_ == "npadvmod" and c.lower_ in _HOUR_SPANS
                            for c in [*clause.children, *(g for m in marks for g in m.children)]):
        return None
    main = stated_date(clause_head(clause.head), span, published, depth=1)
    if main is None or main.date is None or main.precision != DAY:
        return None
    basis = DateBasis.BACKGROUND if before_the_news(main, published) else DateBasis.STATED
    return EventDate(main.date, basis, DAY, f"hours before {main.text}")


def _told_next_in_the_past(clause: Any, span: tuple[int, int], published: dt.date | None) -> str | None:
    """"Erdogan called Sisi a tyrant at the time, and the two countries expelled each other's ambassadors": a simple
    past joined by "and" to a simple past that an undated cue tells of an earlier time ("at the time", "back then"),
    with no time of its own, goes on with that untimed story (it was dated the news day).  Not after "but", nor
    after a stated time, which reaches only its own clause ("ties were cut seven years ago, and ..."). The cue, or
    None."""
    head = clause.head
    if clause.dep_ != "conj" or clause.tag_ != "VBD" or head.tag_ != "VBD" \
            or not any(c.dep_ == "cc" and c.lower_ == "and" and head.i < c.i < clause.i for c in head.children):
        return None
    if stated_date(head, span, published, depth=1) is not None:
        return None
    from .modality import read_modality
    from .lexicon import load_lexicon

    earlier = read_modality(head, head.doc[span[0]:span[1]], load_lexicon())
    return f"told with an act {earlier.background_cue}" if earlier.background and earlier.background_cue else None


def past_perfect(clause: Any) -> bool:
    """Whether ``clause`` is told in the past perfect, as the modality rule ``past_perfect`` reads it
    (``modality.told_in_past_perfect``)."""
    from .rules import words

    return told_in_past_perfect(clause, words("reporting_verb"))


def _is_when_clause(clause: Any) -> bool:
    return clause.dep_ == "advcl" and any(c.dep_ in {"advmod", "mark"} and c.lower_ == "when" for c in clause.children)


def _when_target(clause: Any) -> Any:
    """The clause a "when <clause>" dates ("When X landed in Riyadh last December, he was greeted"), else None."""
    return clause_head(clause.head) if _is_when_clause(clause) else None


def _before_a_later_conjunct(tok: Any, span: tuple[int, int], published: dt.date | None) -> str | None:
    """"Turkey delayed Finland's accession for months, ... but its parliament approved the bid in March 2023": a
    past-tense clause with no time of its own, joined to a later clause in the past tense that states a time before
    the news (more than a month before), is told before that later one: background, on no day the text gives (it was
    dated to the news day). Returns the cue, or None."""
    clause = clause_head(tok)
    shared = _shares_time_with(clause)  # ("delayed the accession, accusing Helsinki of ...": the accusing too)
    clause = shared if shared is not None and not _is_when_clause(clause) else clause
    if clause.tag_ != "VBD" or published is None:
        return None
    for later in (c for c in clause.children if c.dep_ == "conj" and c.i > clause.i and c.tag_ == "VBD"):
        stated = stated_date(later, span, published)
        if stated is not None and stated.date is not None and before_the_news(stated, published) \
                and (published - stated.date).days > 31:
            return f"before {stated.text}"
    return None


def _told_as_later(clause: Any) -> bool:
    """Whether ``clause``, a conjunct, says it came after the one it is joined to (sequence_adverb: "eventually",
    "later", "then")."""
    from .rules import words

    return clause.dep_ == "conj" and any(c.dep_ == "advmod" and c.lower_ in words("sequence_adverb")
                                         for c in clause.children)


def _after_an_earlier_conjunct(tok: Any, span: tuple[int, int], published: dt.date | None) -> str | None:
    """"closed the Bosphorus to Russian warships in 2022, and eventually approved Sweden's membership": a past-tense
    conjunct told as later than the one it is joined to, which states a time before the news (more than a month
    before), came after that time and before the news, on no day the text gives (it had taken 2022). Returns the
    cue, or None."""
    clause = clause_head(tok)
    if not _told_as_later(clause) or clause.tag_ != "VBD" or published is None:
        return None
    stated = stated_date(clause.head, span, published)
    if stated is not None and stated.date is not None and before_the_news(stated, published) \
            and (published - stated.date).days > 31:
        return f"after {stated.text}"
    return None


def _told_as_repeated(tok: Any) -> str | None:
    """"He met Vladimir Putin 27 times", "has visited Moscow several times": an act told in the past as done many
    times, with no time of its own, was done over a span before the news, on no day the text gives (it was dated to
    the news day). Returns the cue ("27 times"), or None."""
    clause = clause_head(tok)
    past = clause.tag_ == "VBD" or (clause.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have"
                                                                  for c in clause.children))
    if not past:
        return None
    for c in clause.children:
        if c.dep_ in {"npadvmod", "advmod"} and c.lower_ == "times" and any(
                (m.dep_ == "nummod" and m.like_num and m.lower_ not in {"1", "one"})
                or (m.dep_ == "amod" and m.lower_ in {"several", "many", "multiple", "numerous"}) for m in c.children):
            return c.left_edge.doc[c.left_edge.i:c.i + 1].text
    return None


def _start_of_a_span(tok: Any) -> str | None:
    """"ending a 19-month rupture that began when Spain backed Morocco's plan": a when-clause of a verb of beginning
    (beginning_verb) whose subject is a noun of a stated length (a duration_unit with a number, or "decades-long"),
    tells what happened that long ago: before the news, on no day the text gives (it was dated to the news day).
    Returns the cue, or None."""
    from .rules import words

    clause = clause_head(tok)
    if not _is_when_clause(clause) or clause.head.lemma_.lower() not in words("beginning_verb"):
        return None
    began = clause.head
    noun = began.head if began.dep_ == "relcl" else next(
        (c for c in began.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if noun is None:
        return None
    units = words("duration_unit")
    doc = noun.doc
    for t in doc[noun.left_edge.i:noun.i]:
        # "a 19-month rupture", "a decades-long feud" (split at its hyphens)
        if t.lemma_.lower() in units and (any(g.like_num for g in t.children) or (
                t.i + 2 < noun.i and doc[t.i + 1].text == "-" and doc[t.i + 2].lower_ == "long")):
            return f"when {noun.text} began"
    return None


def _pact_it_makes(noun: Any, clause: Any) -> bool:
    """Whether ``noun`` is a pact (pact_noun) that the verb ``clause`` makes, as its direct object or as the noun a
    relative clause of it is on: a signing or a brokering verb (pact_signing_verb, pact_making_verb)."""
    from .rules import words

    makes = clause.lemma_.lower() in words("pact_signing_verb") | words("pact_making_verb")
    if makes and clause.dep_ == "relcl" and clause.head == noun and noun.lemma_.lower() in words("pact_noun") \
            and not any(c.dep_ in {"dobj", "obj"} and c.lower_ not in {"which", "that"} for c in clause.children):
        return True  # "the 2001 treaty, which Putin and Jiang signed in Moscow": the clause makes its noun
    return noun.dep_ in {"dobj", "obj"} and noun.head == clause and noun.lemma_.lower() in words("pact_noun") \
        and makes


def _after_dated_noun(expr: _Expr, clause: Any, published: dt.date | None) -> EventDate | None:
    """"After the 2008 war, Russia recognised Abkhazia": a past-tense clause that follows an event of an earlier year
    lies before the news too, on no day the text gives (before publication, undated); the year dates the war only."""
    noun = expr.noun
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"after", "following"} or clause_head(prep.head) != clause \
            or clause.tag_ != "VBD" or published is None:
        return None
    year = resolve_time(expr.ent.text, published)
    if year is None or year.date is None or year.date.year >= published.year:
        return None
    return EventDate(None, DateBasis.STATED, BEFORE_PUBLICATION, f"{prep.lower_} {expr.ent.text}")


# A time that names only a month or a year ("in March", "last March", "in 2019", "in March 2023", "early
# 2020"), or lies before publication by its words ("last week", "two years ago").
_MONTHS_RE = "|".join(sorted(MONTH_NAMES, key=len, reverse=True))
_EARLIER_TIME = re.compile(
    r"^(?:(?:in|during|early|late|mid|last)[\s-]+)?(?:(?:" + _MONTHS_RE + r")\.?,?\s*(?:(?:19|20)\d\d)?|(?:19|20)\d\d)$"
    r"|^(?:last|past|previous)\s+(?:week|month|year|" + _MONTHS_RE + r")$"
    r"|\bago$", re.I)


def undated_earlier(tok: Any, span: tuple[int, int]) -> str | None:
    """For an article with no date: the month or year that the event's own clause states, when the clause is
    in the past tense ("the court, which in March issued a warrant"; "the pact they signed in 2019").

    News is dated by weekday or by day ("on Tuesday", "on 3 October"); an earlier event by its month or year
    (news agencies' style: a weekday within the week, a date or month beyond it).  So in an undated article a
    past event dated by a month or a year alone is told as context: background.  Its year is unknown when only
    a month is given: it gets no date (``before-publication``).  A dated article needs no such reading: its
    date says whether the month lies before the news (``before_the_news``).
    """
    clause = clause_head(tok)
    verb = clause if _verbal(clause) else tok
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children))
    if not past or _is_future(verb):
        return None
    for expr in time_expressions(tok.doc, *span):
        if _own_time(expr, tok, clause) and _after_clause(expr) is None \
                and _EARLIER_TIME.search(" ".join(expr.text.split())):
            return expr.text
    return None


def _own_time(expr: _Expr, tok: Any, clause: Any) -> bool:
    """Whether ``expr`` is the time of the event of ``tok`` (in ``clause``): a noun's own time ("the 2019
    pact") dates that noun's phrase; any other dates the clause it modifies."""
    from .rules import words

    if expr.noun is not None and expr.attach == expr.noun:
        return tok == expr.noun or _within_noun(tok, expr.noun)
    # (not a meeting the act is for, a purpose still to come: "recalled its ambassador for consultations on Tuesday"
    # was recalled on Tuesday; "retaliate for the killing in June" is a motive, told before, and keeps its time)
    if expr.attach != tok and expr.attach.pos_ == "NOUN" and expr.text.lower().startswith("of ") \
            and expr.attach.ent_type_ not in {"TIME", "DATE"} and not (
            expr.attach.dep_ in {"dobj", "obj"} and expr.attach.head == tok
            and tok.lemma_.lower() in words("aspectual_verb")):
        # (not a noun of time itself: "on the night of 31 March" dates the clause)
        # "condemned the attack of October 7": a time in a noun's of-phrase names that noun's own time (the
        # condemning had been dated October 7); a verb that tells that act keeps it ("launched the attack of ...")
        return _within_noun(tok, expr.attach)
    if expr.attach != tok and expr.attach.pos_ == "NOUN" and _event_noun(expr.attach) \
            and _in_object(expr.attach, clause) and not _meeting_it_is_for(expr.attach):
        # "is investigating a link to the killing of X in June": a time phrase on an event noun dates that act
        # (as "the 2019 decision" does), not the verb whose object phrase holds it; a verb whose own object it is
        # tells that act ("launched an attack on X in June")
        obj = expr.attach
        if obj.dep_ == "pobj" and obj.head.lower_ == "of" and obj.head.head.dep_ in {"dobj", "obj"}:
            obj = obj.head.head  # "fought a series of clashes between 2008 and 2011": the object is the series
        return _within_noun(tok, expr.attach) or (obj.dep_ in {"dobj", "obj"} and obj.head == tok)
    if expr.attach != tok and expr.attach.pos_ == "NOUN" and expr.text.lower().startswith(f"{SINCE} "):
        # "in his first interview since 2019", "the worst crisis since 1979": "since" on a noun counts that noun's
        # kind back to a time; it does not date the clause
        return _within_noun(tok, expr.attach)
    infinitive = _infinitive_to_come(expr.attach, clause)
    if infinitive is not None and tok not in infinitive.subtree:
        # "invited Assad to attend the summit on May 19": the day of the attending, not of the invitation
        return False
    if expr.attach != tok and _in_apposition(expr.attach, clause) and not _in_apposition(tok, clause):
        # "Iran, Saudi Arabia's rival until the two restored ties in March, dismissed the talks": a time in an
        # apposition describes the noun it is set beside, not when the clause's act took place
        return False
    return clause_head(expr.attach) == clause or expr.attach == tok


def _in_apposition(tok: Any, clause: Any) -> bool:
    """Whether ``tok`` lies in an apposition on the way up to ``clause``."""
    node, steps = tok, 0
    while node != clause and node.head != node and steps < _STEPS:
        if node.dep_ == "appos":
            return True
        node, steps = node.head, steps + 1
    return False


def _in_object(noun: Any, clause: Any) -> bool:
    """Whether ``noun`` lies in the object phrase of the verb ``clause``, or in a phrase of motive of it or of a
    verb under it ("retaliate for the killing"), not in another adverbial phrase of it: "said during remarks at a
    conference on Thursday" is dated by the conference's day, "signed after talks on Tuesday" by the talks'."""
    from .rules import words

    node, steps = noun, 0
    while node.head != node and steps < _STEPS:
        if node.head == clause:
            return node.dep_ in {"dobj", "obj", "dative", "attr", "oprd"} or _motive(node, words("motive_prep"))
        if _motive(node, words("motive_prep")):
            # "vowed to retaliate for the killing of X last month": the act's motive, told with its own time
            return True
        node, steps = node.head, steps + 1
    return False


def _motive(node: Any, preps: frozenset[str]) -> bool:
    """Whether ``node`` is a preposition of motive (motive_prep: "for", "over") on a verb."""
    return node.dep_ == "prep" and node.lower_ in preps and _verbal(node.head)


def _meeting_it_is_for(noun: Any) -> bool:
    """Whether ``noun`` is a meeting (nouns.tsv CONSULT, root 04) in a for-phrase: what an act is done for."""
    from .lexicon import load_lexicon

    code = load_lexicon().nouns.get(noun.lemma_.lower())
    return noun.dep_ == "pobj" and noun.head.lower_ == "for" and code is not None and code[:2] == "04"


def _event_noun(tok: Any) -> bool:
    """Whether ``tok`` is a noun of the event lexicon (nouns.tsv: "killing", "attack", "visit")."""
    from .lexicon import load_lexicon

    return tok.lemma_.lower() in load_lexicon().nouns


def _reported_date(clause: Any, span: tuple[int, int], published: dt.date | None, depth: int) -> EventDate | None:
    """A reported clause with no time of its own takes its speech verb's ("he said last week that ...")."""
    from .attribution import SPEECH_LEMMAS

    if depth >= 2:
        return None
    # "a panel said last year that it had found evidence that Rwanda was providing weapons": up through the
    # complements (a that-clause, a clause on a noun of the object) to the speech verb
    node = clause
    for _ in range(3):
        head = node.head
        if head == node or node.dep_ not in {"ccomp", "acl", "xcomp"}:
            return None
        if node.dep_ == "ccomp" and head.lemma_.lower() in SPEECH_LEMMAS:
            return stated_date(head, span, published, depth=depth + 1)
        node = clause_head(head)
    return None


def _since_up_to_now(stated: EventDate, tok: Any) -> bool:
    """Whether ``stated`` is a since-time ("since 2021", "since Tusk returned to power last year") of a clause told
    in the present perfect or the present ("have deteriorated since", "remain tense since"): a state up to now."""
    text = (stated.text or "").lower()
    clause = clause_head(tok)
    # ("have worsened since a gun battle in September": the time of the since-phrase's event)
    since = text.startswith(SINCE + " ") or bool(text) and any(
        c.lower_ == SINCE and text in c.doc[c.left_edge.i:c.right_edge.i + 1].text.lower() for c in clause.children)
    return since and (clause.tag_ in {"VBZ", "VBP"} or any(c.dep_ == "aux" and c.lower_ in {"has", "have"}
                                                           for c in clause.children))


def date_event(tok: Any, span: tuple[int, int], document: Document, modality: Modality) -> EventDate:
    """The date of an event: stated in its clause, background, or the document's own date.

    Args:
        tok: the trigger (or, for a stated relation, the cue) token; None when unknown.
        span: the sentence's token range.
        document: the document (its ``published`` date and how that date was obtained).
        modality: the trigger's modality (``background`` and its cue).

    Returns:
        A stated date with its precision, marked ``background`` when it lies before the news; a
        background event without a stated time gets no date (``before-publication``); otherwise the
        document's date (``published`` or ``inferred``, to the day), or no date (``unknown``).
    """
    published = document.published
    stated = stated_date(tok, span, published) if tok is not None else None
    # an undated article: a past event its clause dates by a month or a year is context (``undated_earlier``)
    undated = tok is not None and published is None
    if stated is not None:
        # the past perfect only orders acts: one it dates to a recent day ("Putin had apologised on Saturday") is news
        told = modality.background_cue in (CONTINUES_CUE, PAST_PERFECT_CUE)
        # "relations have deteriorated sharply since Tusk returned to power last year", "have been tense since
        # 2021": what holds since a time holds up to the news, so the start dates it but it is no background
        # (it was, and a current state never counted)
        ongoing = _since_up_to_now(stated, tok) and not modality.background
        background = ((modality.background and not told) or (before_the_news(stated, published) and not ongoing)
                      or (undated and stated.precision in (MONTH, YEAR) and undated_earlier(tok, span) is not None))
        basis = DateBasis.BACKGROUND if background else DateBasis.STATED
        return EventDate(stated.date, basis, stated.precision, stated.text)
    if modality.background:
        return EventDate(None, DateBasis.BACKGROUND, BEFORE_PUBLICATION, modality.background_cue)
    hours = _hours_before_a_dated_act(tok, span, published) if tok is not None else None
    if hours is not None:
        return hours
    before = _before_an_earlier_act(tok, span, published) if tok is not None else None
    if before is None and tok is not None:
        before = _start_of_a_span(tok) or _before_a_later_conjunct(tok, span, published) \
            or _after_an_earlier_conjunct(tok, span, published) or _asked_for_an_earlier_time(tok, span, published) \
            or _told_as_repeated(tok)
    if before is not None:
        return EventDate(None, DateBasis.BACKGROUND, BEFORE_PUBLICATION, before)
    earlier = undated_earlier(tok, span) if undated else None
    if earlier is not None:  # "in March" with no year to put it in: before the news, undated
        return EventDate(None, DateBasis.BACKGROUND, BEFORE_PUBLICATION, earlier)
    if published is None:
        return EventDate(None, DateBasis.UNKNOWN, UNKNOWN_PRECISION)
    basis = DateBasis.INFERRED if document.date_basis == DateBasis.INFERRED else DateBasis.PUBLISHED
    return EventDate(published, basis, DAY)
