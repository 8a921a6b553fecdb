"""Actor recognition and resolution.

Consumes ``Parsed`` documents (spaCy ``Doc`` + sentences) and the
``Gazetteer``; produces ``Mention`` records, each with its resolved
``Actor`` or none.  Order of evidence, strongest first:

1. gazetteer phrases (states, capitals and seats of power as metonyms,
   organisations, loaded names, known people), longest match wins;
2. role phrases ("the Russian President", "Israel's ambassador") resolved
   to the holder of the role on the document's date;
3. spaCy entities the gazetteer does not cover, re-typed, with affiliations
   learned from appositions ("X, a spokesperson of Israel's foreign
   ministry") and later mentions by surname resolved within the document.

Unknown stays unknown: an unresolved mention keeps its text and no actor.
Pronouns are resolved by the events stage, which knows the clause roles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from collections.abc import Iterable
from typing import Any, Callable

from ..data import read_tsv
from ..events.rules import enabled, stage_decorator
from ..model import Actor, DateBasis, Event, EventDate, Mention
from ..nlp import Parsed
from .gazetteer import Gazetteer, RolePeriod, fold



@lru_cache(maxsize=1)
def load_titles() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Office titles (data/titles.tsv): title -> people.tsv role keys tried in order, and the titles matched
    only in capitals ("PM")."""
    titles: dict[str, tuple[str, ...]] = {}
    exact: set[str] = set()
    for _, row in read_tsv("titles.tsv", ["title", "roles", "case"]):
        title = " ".join(row["title"].lower().split())
        titles[title] = tuple(r for r in row["roles"].split("|") if r)
        if row["case"].strip() == "exact":
            exact.add(title)
    return titles, frozenset(exact)


# Role words -> role keys tried in order in people.tsv.
TITLES, EXACT_TITLES = load_titles()


def load_office_units() -> dict[str, str]:
    """Institution words that pick one office among those sharing a title (data/office_units.tsv):
    word -> people.tsv role key ("kremlin" -> the presidency's spokesperson, "foreign" -> the ministry's)."""
    return {row["word"].strip().lower(): row["role"].strip() for _, row in read_tsv("office_units.tsv", ["word", "role"])}


OFFICE_UNITS = load_office_units()
_UNIT_OFFICES = frozenset(OFFICE_UNITS.values())


def office_roles(doc: Any, lo: int, start: int, title: str) -> tuple[tuple[str, ...], bool]:
    """The people.tsv role keys of the office a role phrase names, and whether its institution was named.
    ``doc[lo:start]`` are the words before the title ("Kremlin", "Russian foreign ministry").  A title shared
    by offices of several institutions (a state's foreign-ministry spokesperson and its presidency's) is that
    very office when the phrase names the institution, and no gazetteer office at all when it does not: the
    Kremlin's spokesman is never the ministry's spokeswoman, and "the Russian spokesman" is not a guess at
    either."""
    roles = TITLES.get(title, ())
    if not any(r in _UNIT_OFFICES for r in roles):
        return roles, False
    named = {OFFICE_UNITS[t.lower_] for t in doc[lo:start] if t.lower_ in OFFICE_UNITS}
    return tuple(r for r in roles if r in named), bool(named)


def load_named_documents() -> tuple[frozenset[str], frozenset[str]]:
    """Nouns that make a city's name the name of a document (data/named_documents.tsv): in any case, and only
    when capitalised."""
    any_case: set[str] = set()
    capital: set[str] = set()
    for _, row in read_tsv("named_documents.tsv", ["word", "case"]):
        (capital if row["case"].strip() == "capital" else any_case).add(row["word"].strip().lower())
    return frozenset(any_case), frozenset(capital)


DOCUMENT_NOUNS, CAPITALISED_DOCUMENT_NOUNS = load_named_documents()


@lru_cache(maxsize=1)
@lru_cache(maxsize=1)
def state_kinds() -> dict[str, frozenset[str]]:
    """Kinds of state (data/state_kinds.tsv): lower-case describing words -> the ISO codes of its states."""
    return {row["kind"].strip().lower(): frozenset(_split_codes(row["members"]))
            for _, row in read_tsv("state_kinds.tsv", ["kind", "members", "note"])}


def _split_codes(cell: str) -> list[str]:
    return [c.strip() for c in cell.split("|") if c.strip()]


@lru_cache(maxsize=1)
def identity_cues() -> dict[str, frozenset[str]]:
    """The word sets of the identity rules (data/identity_cues.tsv): set name -> lemmas (read once: every identity
    rule asks for them on every document)."""
    sets: dict[str, set[str]] = {}
    for _, row in read_tsv("identity_cues.tsv", ["set", "word", "note"]):
        sets.setdefault(row["set"].strip(), set()).add(row["word"].strip().lower())
    return {k: frozenset(v) for k, v in sets.items()}


identity_rule = stage_decorator("identity", """Register the decorated resolver step as (one of) the identity-stage
    rule(s) ``name``: who a mention is, read from the rest of the article.  A step of ``ActorResolver.resolve``,
    which applies it unless ``name`` is in the ``disabled`` it is given (the coder's, ``Pipeline.extract_parsed``);
    its word sets are in ``data/identity_cues.tsv`` (``identity_cues``).""", lists=identity_cues)


@identity_rule("ethnic_kin_is_no_state", reads="a state adjective right after an ethnic word (ethnic_word: 'ethnic "
               "Serb protesters', 'ethnic Russians')", changes="drops the adjective as an actor: an ethnic group is "
               "no state", vocab=("ethnic_word",))
def _drop_ethnic_kin(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``ethnic_kin_is_no_state``: "ethnic Serb protesters clashed with NATO peacekeepers in May" (in Kosovo)
    was a Serbian assault on NATO: the protesters' kin is no act of the state of that name."""
    ethnic = identity_cues()["ethnic_word"]
    return [c for c in candidates if not (c.kind == "adjective" and c.start > 0 and doc[c.start - 1].lower_ in ethnic)]


@identity_rule("patron_word_is_no_part_of_a_name", reads="a name of two phrases or more whose last word is joined by a "
               "hyphen to a participle modifying another noun ('Sudan's army-backed government', 'Iran's IRGC-run "
               "media')", changes="drops the name, so the name before the patron word stands for its own phrase")
def _drop_names_across_a_patron(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``patron_word_is_no_part_of_a_name``: in "Sudan's army-backed government accused the UAE" the gazetteer's
    "Sudan's army" was the accuser: "Sudan's" is the government's possessor and "army" the patron of "backed", two
    phrases, so the name is none; "Sudan" names the government (the patron's own part is read by the argument
    rules, as for "the Iran-backed group")."""
    def across(c: _Candidate) -> bool:
        if c.end - c.start < 2 or c.end + 1 >= len(doc) or doc[c.end].text != "-":
            return False
        part = doc[c.end + 1]
        return part.tag_ == "VBN" and part.dep_ == "amod" and doc[c.end - 1].head.i == part.i \
            and doc[c.start].head.i != part.i and doc[c.start].head.i not in range(c.start, c.end)

    return [c for c in candidates if not across(c)]


@identity_rule("then_title_is_its_times_role", reads="'then' before a known person's title ('then-president "
               "Abdullah Gul', 'the then foreign minister X')", changes="the person's role is the last one he held "
               "before the news, standing for its state, not a former office-holder of no state")
def _then_titled(doc: Any, start: int) -> bool:
    """Rule ``then_title_is_its_times_role``: whether "then" opens the title before the name at ``start`` ("then-
    president Abdullah Gul watched a match with his Armenian counterpart": a pair of states then, though both men are
    out of office at the news)."""
    for k in range(start - 1, max(start - 6, -1), -1):
        tok = doc[k]
        if tok.lower_ == "then":
            return True
        if tok.lemma_.lower() == "counterpart" and any(t.lower_ == "then" for t in doc[tok.sent.start:tok.i]):
            return True  # "... with his Armenian counterpart Serzh Sargsyan": the counterpart of a then-president
        if not (tok.text in {"-", "–"} or tok.pos_ in {"PROPN", "NOUN", "ADJ", "PRON"}):
            return False
    return False


@identity_rule("likeness_is_no_body", reads="an organisation's name heading a noun phrase with an indefinite "
               "determiner (indefinite_det: 'a', 'another'), or right after a prefix of likeness and a hyphen "
               "(likeness_prefix: 'mini-', 'quasi-')", changes="drops the name as an actor: 'a mini-NATO', 'an Asian "
               "NATO' is a kind of body, not NATO", vocab=("indefinite_det", "likeness_prefix"))
def _drop_likenesses(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``likeness_is_no_body``: "China criticised the partnership as a 'mini-NATO' aimed at containing Beijing"
    made NATO the one containing China: a body named as a kind is a likeness, not the body."""
    cues = identity_cues()

    def likeness(c: _Candidate) -> bool:
        if c.kind != "org":
            return False
        head = doc[c.start:c.end].root
        # (not a possessor the article went to: "violated a EU's ban" is the EU's)
        if head.dep_ != "poss" and not any(d.dep_ == "case" for d in head.children) \
                and any(d.dep_ == "det" and d.lower_ in cues["indefinite_det"] for d in head.children):
            return True
        return c.start >= 2 and doc[c.start - 1].text == "-" and doc[c.start - 2].lower_ in cues["likeness_prefix"]

    return [c for c in candidates if not likeness(c)]


@identity_rule("place_after_the_is_no_surname", reads="a one-word name that is both a person's surname and a seat, "
               "place or state of the gazetteer, right after 'the' (definite_det)", changes="drops the person: the "
               "name is the place ('in The Hague' is no act of William Hague)", vocab=("definite_det",))
def _drop_surnames_of_places(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``place_after_the_is_no_surname``: "hearings in The Hague" made a former British foreign secretary
    a party of the case; a surname takes no article, a city may ("The Hague", "The Gambia")."""
    the = identity_cues()["definite_det"]
    places = {(c.start, c.end) for c in candidates if c.kind in {"seat", "place", "state"}}
    return [c for c in candidates if not (c.kind == "person" and c.end - c.start == 1 and c.start > 0
                                          and doc[c.start - 1].lower_ in the and (c.start, c.end) in places)]


@identity_rule("geographic_name", reads="a state, capital or nationality word inside the proper name of a sea, gulf, "
               "strait or the like (geo_feature): right before the capitalised feature word ('the South China Sea', "
               "'the Taiwan Strait', 'the Indian Ocean') or after it and 'of' ('the Sea of Japan', 'the Gulf of "
               "Oman'), or after a capitalised region word (region_prefix: 'Latin America', 'South America')",
               changes="drops the word as an actor: the name is a place", vocab=("geo_feature", "region_prefix"))
def _drop_geographic_names(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``geographic_name``: "Russia fired missiles into the Sea of Japan" is no act on Japan, nor is "the
    South China Sea" China (spaCy's entity often covers only the state's name inside the place's)."""
    features, prefixes = identity_cues()["geo_feature"], identity_cues()["region_prefix"]

    def feature(tok: Any) -> bool:
        return tok.lower_ in features and tok.text[:1].isupper()

    def region(c: _Candidate) -> bool:
        # "Latin America", "South America", "Latin American": a capitalised region word right before the name
        # (a state whose own name starts so, "South Korea", is a longer candidate of its own)
        prev = doc[c.start - 1] if c.start > 0 else None
        return prev is not None and prev.lower_ in prefixes and prev.text[:1].isupper()

    keep = []
    for c in candidates:
        if c.kind in {"state", "adjective", "seat"} or (c.kind == "ent" and c.key in {"GPE", "NORP", "LOC"}):
            after = doc[c.end] if c.end < len(doc) else None
            k = c.start - 1
            if k >= 0 and doc[k].lower_ == "the":
                k -= 1
            before = doc[k - 1] if k >= 1 and doc[k].lower_ == "of" else None
            if (after is not None and feature(after)) or (before is not None and feature(before)) or region(c):
                continue
        keep.append(c)
    return keep


@identity_rule("portfolio_is_no_person", reads="a person entity (PERSON) that is the of-object of a noun of an "
               "office or a body (portfolio_noun: 'the ministry of Hajj', 'the minister of Awqaf')",
               changes="drops the entity: it names the portfolio, not a person", vocab=("portfolio_noun",))
def _drop_portfolios(doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
    """Rule ``portfolio_is_no_person``: "the kingdom's ministry of Hajj said": spaCy tags "Hajj" a person, which
    then spoke for the ministry (said_by "Hajj"); the ministry speaks."""
    nouns = identity_cues()["portfolio_noun"]
    keep = []
    for c in candidates:
        if c.kind == "ent" and c.key == "PERSON":
            root = doc[c.start:c.end].root
            if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in nouns:
                continue
        keep.append(c)
    return keep


# Apposition heads that relate a person to the actor they name, not make them one of its people ("an ally of
# Ankara", "a close friend of Putin", "a critic of the government"): closed-class words, kept beside FORMER_WORDS
_RELATION_HEADS = frozenset({"ally", "friend", "partner", "critic", "opponent", "rival", "foe", "enemy", "backer",
                             "supporter"})
# Links of a noun phrase through which a person reaches the verb of its clause ("led by A, ..., and B": B is a
# conjunct of A, the object of the agent "by").
_NOMINAL_LINKS = frozenset({"conj", "appos", "pobj", "prep", "agent", "compound"})
# Words in an organisation's name that make it its own actor, never the state
# whose name it contains ("Carnegie Russia Eurasia Centre").
# Entity labels of named things (a dam, a bridge, an airport, a weapon): an organisation's name inside one is part
# of the thing's name (not a law or an event: "the United Nations General Assembly" names the UN)
_NAMED_THING_LABELS = frozenset({"FAC", "PRODUCT"})
OWN_NAME_WORDS = {
    "institute", "institution", "centre", "center", "university", "college", "foundation", "school",
    "society", "association", "company", "corporation", "inc", "ltd", "times", "post", "news", "herald",
    "journal", "tribune", "council", "forum", "club", "museum", "hospital", "academy", "network", "agency",
    "project", "initiative", "studies", "research", "league", "committee", "telegraph", "express", "daily",
}
# Surname similarity (difflib ratio) above which an unknown name with a known first name is taken as that
# person: 0.85 accepts one dropped or doubled letter in a 5+ letter surname ("Rais"/"Raisi" = 0.89) and rejects
# different surnames sharing letters ("Khan"/"Kahn" = 0.75).
FUZZY_SURNAME = 0.85
# Within one article (rapidfuzz ratio, 0-100): 85 accepts a transliteration variant of a 5+ letter surname
# ("zelenskyy"/"zelensky" 94, "erdogan"/"erdoan" 92) and rejects different surnames ("morrison"/"harrison" 75,
# "putin"/"rutin" never compared: first letters differ).
SPELLING_VARIANT = 85
# Country-name similarity for an unknown place entity: 0.88 accepts one missing or extra letter in a 6+ letter
# name ("Quatar"/"Qatar" 0.91, "Ethopia"/"Ethiopia" 0.93) and rejects neighbours ("Niger"/"Nigeria" 0.83).
FUZZY_STATE = 0.88
LOCATION_PREPS = {"in", "at", "into", "from", "near", "across", "inside", "within", "outside", "around", "to", "toward", "towards"}
FORMER_WORDS = {"former", "ex", "ex-", "erstwhile", "retired", "previous", "onetime", "one-time"}
_SENT_ENT_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}


@dataclass
class _Candidate:
    start: int  # token index
    end: int
    kind: str  # state | adjective | seat | org | loaded | person | role | ent
    key: str
    loaded: bool = False
    actor: Actor | None = None
    method: str = "gazetteer"
    country: str | None = None  # role phrases: the office's country
    offices: tuple[str, ...] | None = None  # role phrases: people.tsv role keys of the office (office_roles)
    institution: bool = False  # role phrases: the phrase names the office's institution ("Kremlin spokesman")


def _named_as_subject(doc: Any, c: Any) -> bool:
    """Whether candidate ``c`` names a clause's subject (or a name set beside one: "Kurt Campbell, the coordinator,
    led the delegation")."""
    node = doc[c.start:c.end].root
    for _ in range(4):
        if node.dep_ not in {"appos", "compound", "conj", "flat"} or node.head == node:
            break
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"}


# Words of time that end a case-blind match of a name only as themselves ("Russia today")
_TIME_WORDS = frozenset({"today", "tonight", "now", "yesterday", "tomorrow"})


class ActorResolver:
    """Finds and resolves actor mentions; build once per (nlp, gazetteer) and reuse."""

    def __init__(self, nlp: Any, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        import threading

        self.gaz = gazetteer
        self._doc = threading.local()
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact_patterns: dict[str, list[Any]] = {}
        lower_patterns: dict[str, list[Any]] = {}
        surfaces = self._surface_strings()
        for surface, label in surfaces:
            bucket = exact_patterns if _case_sensitive(surface) else lower_patterns
            bucket.setdefault(label, []).append(surface)
        for label, texts in exact_patterns.items():
            self.exact.add(label, list(nlp.tokenizer.pipe(texts)))
        for label, texts in lower_patterns.items():
            self.lower.add(label, list(nlp.tokenizer.pipe(texts)))
        title_doc_texts = sorted((t for t in TITLES if t not in EXACT_TITLES), key=len, reverse=True)
        self._title_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._title_lower.add("TITLE", list(nlp.tokenizer.pipe(title_doc_texts)))
        # abbreviations ("PM") only in capitals: "5 pm" is no prime minister
        self._title_exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self._title_exact.add("TITLE", list(nlp.tokenizer.pipe(sorted(t.upper() for t in EXACT_TITLES))))

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state.pop("_doc", None)  # per-thread, per-document scratch: not part of the resolver
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        import threading

        self.__dict__.update(state)
        self._doc = threading.local()

    def titles(self, doc: Any) -> list[tuple[int, int, int]]:
        """Office-title matches (data/titles.tsv) in ``doc``."""
        return list(self._title_lower(doc)) + list(self._title_exact(doc))

    # -- set-up ----------------------------------------------------------
    def _surface_strings(self) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        seen: set[tuple[str, str]] = set()

        def add(text: str, label: str) -> None:
            for variant in {text, text.replace("’", "'"), text.replace("'", "’"), _strip_accents(text)}:
                variant = re.sub(r"^(the|The)\s+", "", variant.strip())
                if variant and (variant, label) not in seen:
                    seen.add((variant, label))
                    out.append((variant, label))

        g = self.gaz
        for state in g.states.values():
            for s in (state.name, *state.aliases):
                add(s, "state")
            for s in state.adjectives:
                add(s, "adjective")
            for s in (*state.capitals, *state.seats):
                add(s, "seat")
        for org in g.organisations.values():
            for s in (org.name, *org.aliases):
                add(s, "org")
        for folded, entries in g.surfaces.items():
            for kind in {"loaded", "place"} & {k for k, _, _ in entries}:
                add(folded, kind)
        for name, periods in g.people.items():
            add(name, "person")
            for p in periods:
                for s in p.aliases:
                    add(s, "person")
        return out

    # -- public ----------------------------------------------------------
    def resolve(self, parsed: Parsed, *, disabled: Iterable[str] = ()) -> tuple[Mention, ...]:
        """Return the actor mentions of a parsed document, in text order.  ``disabled``: names of identity rules
        (``rules.rules()``, stage ``identity``) not to apply."""
        off = frozenset(disabled)
        doc = parsed.doc
        on = parsed.document.published
        sent_of = _sentence_index(parsed)
        # per-document state, per thread: one resolver may serve several threads (the HTTP server)
        self._doc.titled = {}  # name start token -> (country, title, former) of the title before the name
        self._doc.named_title_tokens = set()  # titles followed by their holder's name
        self._doc.titled_offices = {}  # name start token -> (role keys, institution named) of that title
        self._doc.written_titles = {}  # name start token -> the title written before the name, state or none
        self._doc.disabled = off
        candidates = self._gazetteer_candidates(doc)
        candidates = [c for c in candidates if not _names_a_document(doc, c)]
        candidates = self._drop_inside_own_names(doc, candidates)
        self._doc.dateline_country = self._dateline_country(parsed, candidates) \
            if enabled("dateline_office", off) else None
        candidates = self._add_roles(doc, candidates, on)
        candidates = self._add_entities(doc, candidates)
        if enabled("place_after_the_is_no_surname", off):
            candidates = _drop_surnames_of_places(doc, candidates)
        if enabled("patron_word_is_no_part_of_a_name", off):
            candidates = _drop_names_across_a_patron(doc, candidates)
        candidates = _longest_first(candidates, self._same_person if enabled("name_halves_join", off) else None)
        if enabled("geographic_name", off):
            candidates = _drop_geographic_names(doc, candidates)
        if enabled("ethnic_kin_is_no_state", off):
            candidates = _drop_ethnic_kin(doc, candidates)
        if enabled("likeness_is_no_body", off):
            candidates = _drop_likenesses(doc, candidates)
        if enabled("portfolio_is_no_person", off):
            candidates = _drop_portfolios(doc, candidates)
        self._resolve_candidates(doc, candidates, on)
        if enabled("claimed_place_is_its_claimant", off):
            self._claimed_places(doc, candidates)
        if enabled("seat_stands_for_its_body", off):
            self._seats_of_bodies(doc, candidates)
        if enabled("foreign_national_body", off):
            self._foreign_national_body(candidates)
        candidates = self._drop_covered(candidates)
        self._learn_from_appositions(doc, candidates, on, off)
        if enabled("affiliation_before_name", off):
            self._affiliation_before_name(doc, candidates, on)
        if enabled("body_named_before", off):
            self._body_named_before(doc, candidates, on)
        self._state_from_joint_clause(doc, candidates, on, off)
        if enabled("same_person", off):
            self._resolve_surnames(doc, candidates)
        if enabled("role_in_article", off):
            self._link_roles_to_named_holders(candidates, on)
        candidates = [c for c in candidates if not (c.kind == "role" and c.actor is None)]
        if enabled("org_by_its_noun", off):
            candidates += self._generic_org_references(doc, candidates)
        if enabled("bloc_by_its_kind", off):
            candidates += self._bloc_by_its_kind(doc, candidates)
        if enabled("compass_short_name", off):
            self._compass_short_names(doc, candidates)
        if enabled("state_by_its_kind", off):
            candidates = self._state_by_its_kind(doc, candidates)
        if enabled("institution_in_article", off):
            candidates += self._institutions_named_in_article(doc, candidates)
        candidates = [c for c in candidates if not _is_handle(doc, c)]
        mentions = []
        for c in sorted(candidates, key=lambda c: c.start):
            span = doc[c.start:c.end]
            sent_idx = sent_of.get(c.start)
            if sent_idx is None:
                continue
            mentions.append(
                Mention(parsed.document.id, sent_idx, span.start_char, span.end_char, span.text, c.actor,
                        c.method if c.actor else ("unresolved-person" if c.kind == "person-unknown" else "unresolved"),
                        c.loaded)
            )
        return tuple(mentions)

    def resolve_text(self, nlp: Any, text: str, *, context: str = "", on: dt.date | None = None) -> Mention | None:
        """Resolve one short actor string (for evaluation and the API): the best mention in it."""
        from ..model import Document
        from ..nlp import split_sentences

        full = f"{context} {text}".strip() if context else text
        document = Document(id="q", text=full, published=on)
        doc = nlp(full)
        sentences, spans = split_sentences(document, doc)
        mentions = self.resolve(Parsed(document, doc, sentences, spans))
        offset = len(full) - len(text)
        inside = [m for m in mentions if m.start >= offset]
        pool = [m for m in inside if m.actor] or [m for m in mentions if m.actor] or inside or list(mentions)
        head = _phrase_head(doc, offset)
        sector = self._agent_sector_of(head) if head is not None else None
        former = any(t.lower_ in FORMER_WORDS for t in doc if t.idx >= offset)
        best = max(pool, key=lambda m: (m.actor is not None and m.actor.kind != "state", m.end - m.start)) if pool else None
        if best is None or best.actor is None:
            # "soldiers", "the Defense Minister", "a team of heavily armed police": a sector, no country
            if sector is None and head is not None and self._title_of(doc, offset):
                sector = "GOV"
            if sector is None:
                return best
            start, end = doc[head.left_edge.i].idx, doc[head.right_edge.i].idx + len(doc[head.right_edge.i])
            actor = Actor(id=sector, name=full[start:end], kind="other", country=None, sector=sector)
            return Mention(document.id, 0, start, end, full[start:end], actor, "agent")
        actor = best.actor
        if actor.kind == "state" and sector and head is not None and not (best.start <= head.idx < best.end):
            # "Shanghai police", "trade unions in Denmark", "Panamanian immigration inspectors"
            actor = replace(actor, id=f"{actor.country}{sector}", sector=sector)
        elif actor.kind == "state" and actor.sector is None and best.text.endswith("s") and head is not None \
                and best.start <= head.idx < best.end and head.pos_ in {"NOUN", "PROPN"} and head.tag_ in {"NNS", "NNPS"}:
            actor = replace(actor, id=f"{actor.country}CVL", sector="CVL")  # "ordinary Kazakhs": people
        if former and actor.country and actor.sector not in {None, "ELI"}:
            actor = replace(actor, id=f"{actor.country}ELI", sector="ELI", former=True, node=None)
        return replace(best, actor=actor)

    def _agent_sector_of(self, head: Any) -> str | None:
        return phrase_sector([t.lower_ for t in _modifiers(head)], head.lower_, head.lemma_.lower(), self.gaz)

    def _title_of(self, doc: Any, offset: int) -> bool:
        return any(start >= 0 and doc[start].idx >= offset for _, start, _ in self.titles(doc))

    # -- candidate sources -------------------------------------------------
    def _gazetteer_candidates(self, doc: Any) -> list[_Candidate]:
        out = []
        vocab = doc.vocab
        for matcher in (self.exact, self.lower):
            for match_id, start, end in matcher(doc):
                label = vocab.strings[match_id]
                span = doc[start:end]
                if label == "person" and len(span) == 1 and span[0].pos_ not in {"PROPN", "NOUN"}:
                    continue
                if label in {"person", "state", "seat", "org", "place"} and not any(t.text[:1].isupper() or t.text[:1].isdigit() for t in span):
                    # Gazetteer names are proper nouns: "chad" or "turkey" in lower case are not states.
                    continue
                if matcher is self.lower and len(span) > 1 and label != "person" and span[-1].text[:1].islower() \
                        and (span[-1].is_stop or span[-1].lower_ in _TIME_WORDS):
                    # a name read case-blind that ends on a function or time word in lower case is that word: "visited
                    # Russia today" is no "Russia Today" (RT); "the Hague-based court" stays the ICC
                    continue
                out.append(_Candidate(start, end, label, fold(span.text)))
        # "Antony J. Blinken": a known person's name with a middle initial the gazetteer's surfaces leave out (the
        # initial split the name: spaCy's "J. Blinken" was an unknown person)
        for tok in doc[1:-1]:
            if len(tok.text) == 2 and tok.text[1] == "." and tok.text[0].isupper() \
                    and doc[tok.i - 1].text[:1].isupper() and doc[tok.i + 1].text[:1].isupper():
                key = fold(f"{doc[tok.i - 1].text} {doc[tok.i + 1].text}")
                if key in self.gaz.person_surfaces:
                    out.append(_Candidate(tok.i - 1, tok.i + 2, "person", key))
        return out

    def _drop_inside_own_names(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Drop state matches inside an organisation's own name, and add that name instead."""
        keep = []
        ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}  # built once per document
        self._doc.own_name_states = []
        for c in candidates:
            ent = ent_of.get(c.start)
            if (
                ent is not None
                and ent.label_ in {"ORG", "FAC", "WORK_OF_ART"}
                and (ent.start < c.start or ent.end > c.end)
                and c.kind in {"state", "adjective", "seat"}
                and any(t.lower_ in OWN_NAME_WORDS for t in ent)
            ):
                self._doc.own_name_states.append((ent.start, ent.end, c))
                continue
            if ent is not None and ent.label_ in _NAMED_THING_LABELS and c.kind == "org" \
                    and any(t.pos_ != "DET" for t in (*doc[ent.start:c.start], *doc[c.end:ent.end])):
                # "the Grand Ethiopian Renaissance Dam" is no act of France's Renaissance party ("at the United
                # Nations", a place to spaCy, is the UN)
                continue
            keep.append(c)
        return keep

    @identity_rule("name_halves_join", reads="two overlapping gazetteer surfaces of one person ('President Xi' and "
                   "'Xi Jinping' in 'President Xi Jinping')", changes="one mention over both (it kept the first and "
                   "lost the name's last word)")
    def _same_person(self, a: _Candidate, b: _Candidate) -> bool:
        """Whether two person candidates name one gazetteer person (their surfaces' first person)."""
        def who(c: _Candidate) -> str | None:
            names = self.gaz.person_surfaces.get(c.key) or self.gaz.person_surfaces.get(_strip_accents(c.key))
            return names[0] if names else None
        return who(a) is not None and who(a) == who(b)

    @identity_rule("foreign_national_body", reads="a state's agency of organisations.tsv named inside an organisation "
                   "entity whose own-name word (OWN_NAME_WORDS: 'council') dropped a nationality or state word of "
                   "another state before it", changes="the agency's actor -> that other state, in the agency's "
                   "sector (method foreign-body)")
    def _foreign_national_body(self, candidates: list[_Candidate]) -> None:
        """"The Philippine National Security Council said ...": a state's agency whose name another state shares
        ("National Security Council" is the US one in organisations.tsv), named with a nationality word of another
        state inside its own name, is that state's body (the nationality was dropped as part of the name, and the
        council spoke for the United States)."""
        for start, end, d in self._doc.own_name_states:
            country = self._country_of(d)
            for c in candidates:
                if c.kind != "org" or c.actor is None or c.actor.kind == "igo" or not c.actor.country \
                        or c.actor.country not in self.gaz.states or not (start <= c.start and c.end <= end) \
                        or d.end > c.start or country is None or country == c.actor.country:
                    continue
                c.actor = self.gaz.state_actor(country, c.actor.sector or "GOV")
                c.method = "foreign-body"

    def _dateline_country(self, parsed: Parsed, candidates: list[_Candidate]) -> str | None:
        """The state whose capital (or own name) is the story's dateline ("WARSAW, Sept 20 (Reuters) -"), or None."""
        from ..nlp import dateline_span

        span = dateline_span(parsed.document.text)
        if span is None:
            return None
        doc = parsed.doc
        for c in candidates:
            if c.kind in {"seat", "state"} and span[0] <= doc[c.start].idx < span[1]:
                return self._country_of(c)
        return None

    @identity_rule("dateline_office", reads="a named holder of an office title that names no state ('Deputy Foreign "
                   "Minister Pawel Jablonski', 'foreign ministry spokeswoman X'), and the story's dateline (a capital "
                   "or a state: nlp.dateline_span)", changes="the holder's actor -> an office-holder of the "
                   "dateline's state (news style names a foreign official's country; a local one's goes unsaid)")
    def _add_roles(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> list[_Candidate]:
        """Role phrases: "[the] <Country-adj> <title> [Name]", "<Country>'s <title> [Name]",
        "<title> of <Country> [Name]", "<Country-adj> <unit> <title> [Name]" ("Chinese embassy spokesman")."""
        out = list(candidates)
        pending: list[tuple[int, str]] = []  # named envoys with no state: (name start, title)
        unnamed: list[_Candidate] = []  # "the envoy", "the ambassador": an envoy with no state and no name
        by_end = {c.end: c for c in candidates if c.kind in {"adjective", "state", "loaded", "seat", "org"}}
        by_start = {c.start: c for c in candidates if c.kind in {"adjective", "state", "loaded", "seat", "org"}}
        for _, start, end in _longest_spans(self.titles(doc)):
            title = " ".join(t.lower_ for t in doc[start:end])
            country_c = by_end.get(start)
            if country_c is None and start >= 2 and doc[start - 1].tag_ == "POS":
                country_c = by_end.get(start - 1)
            unit = False
            if country_c is None:
                country_c = self._country_before_unit(doc, start, by_end)
                unit = country_c is not None
            name_start = end
            of_state = False
            # "... minister of Iran", "the President of Finland Sauli Niinisto", "the ambassador of the Kingdom of
            # Saudi Arabia" (the state's official name after "the": the ambassador had no state)
            if country_c is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                country_c = by_start.get(end + 2 if doc[end + 1].lower_ == "the" else end + 1)
                if country_c is not None:
                    name_start, of_state = country_c.end, True
            former = start > 0 and doc[start - 1].lower_ in FORMER_WORDS
            if country_c is not None and country_c.start < start and start > 0 and doc[country_c.start - 1].lower_ in FORMER_WORDS:
                former = True
            if country_c is not None and (name_start == end or of_state) \
                    and not any(start <= c.start < end for c in candidates):
                # "the French ambassador to Niger, Sylvain Itté, ...", "the Turkish foreign minister, Hakan Fidan,":
                # the name set off by a comma after the title (and after the state it is posted to); not after a
                # title that holds an actor of its own ("ambassador to the UN": the UN stays a mention of its own);
                # and after the state of "the ambassador of Saudi Arabia, Abdullah Alanazi," (the name was left
                # unresolved, and so was every later "Alanazi")
                host_c = self._host_country(doc, end, by_start) if not of_state else None
                after = host_c.end if host_c is not None else name_start
                # (after a state, only a person's name: "the Minister of Foreign Affairs of Iraq, HE Dr ..." kept
                # its office when the courtesy words were taken for the name)
                if after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].pos_ == "PROPN" \
                        and doc[after + 1].ent_type_ in ({"PERSON"} if of_state else {"PERSON", "ORG", ""}):
                    name_start = after + 1
            name_end = name_start
            while name_end < len(doc) and doc[name_end].pos_ == "PROPN" and doc[name_end].ent_type_ in {"PERSON", "ORG", ""}:
                name_end += 1
            has_name = name_end > name_start
            if has_name and country_c is None and name_end + 1 < len(doc) and doc[name_end].lower_ == "of":
                # "Prime Minister Magdalena Andersson of Sweden"
                after = by_start.get(name_end + 1)
                if after is not None and after.kind in {"state", "org"}:
                    country_c = after
            span_start = country_c.start if country_c is not None and country_c.start < start else start
            country = self._country_of(country_c)
            envoy = title in identity_cues()["envoy_title"]
            if country is None and has_name and enabled("office_told_before", self._doc.disabled):
                if envoy:
                    pending.append((name_start, title))  # given the state of the envoy phrase of that title, below
                else:
                    country = self._country_of(self._ministry_told_before(doc, start, title, by_end)
                                               or self._unit_told_before(doc, start, by_end))
            if country is None and has_name and not envoy and self._doc.dateline_country is not None:
                # rule ``dateline_office``: "WARSAW - ... Deputy Foreign Minister Pawel Jablonski told reporters"; an
                # ambassador or envoy is posted abroad, so the dateline tells nothing of his state
                country = self._doc.dateline_country
            lo = start
            while lo > 0 and start - lo < 4 and (lo - 1 >= span_start or doc[lo - 1].dep_ in {"compound", "amod", "nmod"}):
                lo -= 1  # the institution words before the title: "Kremlin", "Russian foreign ministry"
            offices = office_roles(doc, lo, start, title)
            if has_name:
                self._doc.titled_offices[name_start] = offices
                if not former:
                    self._doc.written_titles[name_start] = title
                # "Gambian President Dawda Jawara": a name the gazetteer does not know takes the title's
                # country and office (used in _resolve_entity when nothing better is known); a named holder
                # also answers later generic mentions of the office (_link_roles_to_named_holders).
                if country is not None:
                    self._doc.titled[name_start] = (country, title, former)
                self._doc.named_title_tokens.update(range(start, end))
                continue
            if country is None:
                if start > 0 and doc[start - 1].lower_ == "the" or title in EXACT_TITLES:
                    # "the prime minister", "PM": the one holder the article names (else dropped, see
                    # _link_roles_to_named_holders)
                    out.append(_Candidate(start, end, "role", title, actor=None, method="role"))
                    if envoy and start > 0 and enabled("office_told_before", self._doc.disabled):
                        unnamed.append(out[-1])  # "the envoy": the envoy phrase told before, below
                continue
            host = self._host_country(doc, end, by_start) if not TITLES.get(title) else None
            # rule ``unit_title``: "the Chinese embassy spokesman" holds another post than the foreign
            # ministry's spokesperson: office and country only, never a gazetteer person
            actor = self._role_actor(country, title, on, former, lookup=not unit, host=host, roles=offices[0])
            out.append(_Candidate(span_start, end, "role", title, actor=actor, method="role", country=country,
                                  offices=offices[0], institution=offices[1]))
        for name_start, title in pending:
            # rule ``office_told_before``: "the French ambassador ... ambassador Sylvain Itte": a named envoy with
            # no state is the envoy of the one state the article names an envoy of that title for
            states = {c.country for c in out if c.kind == "role" and c.key == title and c.country}
            if len(states) == 1:
                self._doc.titled[name_start] = (next(iter(states)), title, False)
        envoys = identity_cues()["envoy_title"]
        for u in unnamed:
            # "the French ambassador ... the envoy had refused": the one state whose envoy the article named before
            # (of that title; for the bare word "envoy", of any envoy title), with that phrase's office
            told = [c for c in out if c.kind == "role" and c.country and c.actor is not None and c.start < u.start
                    and c.key in envoys and (c.key == u.key or u.key == "envoy")]
            if len({c.country for c in told}) == 1:
                u.actor, u.country, u.method = told[-1].actor, told[-1].country, "office-told-before"
        return out

    @identity_rule("office_told_before", reads="a named office-holder whose title names no state: the article's "
                   "envoy phrases of the same title ('the French ambassador'), or for a minister the ministry "
                   "named with a state before him ('Lithuania's foreign ministry' before 'Foreign Minister X'); "
                   "an unnamed 'the ambassador', 'the envoy': the one state's envoy phrase told before it",
                   changes="the holder's state -> that state, before the dateline's (dateline_office); an envoy "
                   "(envoy_title) never takes the dateline's state", vocab=("envoy_title",))
    def _ministry_told_before(self, doc: Any, start: int, title: str,
                              by_end: dict[int, _Candidate]) -> _Candidate | None:
        """The state named with the last ministry of ``title`` ("foreign minister": "foreign ministry") before
        token ``start``: "Lithuania's foreign ministry", "the Lithuanian foreign ministry"."""
        words = title.split()
        if len(words) < 2 or words[-1] != "minister":
            return None
        return _state_told_with(doc, words[:-1] + ["ministry"], start, by_end)

    @staticmethod
    def _unit_told_before(doc: Any, start: int, by_end: dict[int, _Candidate]) -> _Candidate | None:
        """Rule ``office_told_before`` for a title after the words of a unit ("Government spokesman Steffen
        Hebestreit", "Foreign Ministry spokesperson X"): the state named with the last such unit before it ("The
        German government said ..."), by its adjective or possessive; the dateline's state is the story's place, not
        the speaker's."""
        unit: list[str] = []
        i = start - 1
        while i >= 0 and len(unit) < 3 and doc[i].pos_ in {"NOUN", "PROPN", "ADJ"} and doc[i].ent_type_ != "PERSON" \
                and doc[i].dep_ in {"compound", "amod", "nmod"} and i not in by_end and i + 1 not in by_end:
            unit.insert(0, doc[i].lower_)
            i -= 1
        if not unit or i >= 0 and (doc[i].tag_ == "POS" or i + 1 in by_end):
            return None  # no unit, or one named with its own state ("Germany's government spokesman")
        return _state_told_with(doc, unit, start, by_end)

    @staticmethod
    def _country_before_unit(doc: Any, start: int, by_end: dict[int, _Candidate]) -> _Candidate | None:
        """"Chinese embassy spokesman", "Russian foreign ministry spokeswoman", "Argentina's presidential
        spokesman": a country named before the unit words (up to three common nouns or adjectives) that precede a
        title, or its possessive."""
        for k in range(1, 4):
            i = start - k
            if i < 0:
                return None
            tok = doc[i]
            if tok.tag_ == "POS" and k > 1:
                c = by_end.get(i)
                return c if c is not None and c.kind in {"adjective", "state"} else None
            if tok.pos_ not in {"NOUN", "ADJ", "PROPN"} or tok.ent_type_ == "PERSON" or i + 1 in by_end:
                return None
            if tok.dep_ not in {"compound", "amod", "nmod"}:
                return None
            c = by_end.get(i)
            if c is not None and c.kind in {"adjective", "state"}:
                return c
        return None

    @staticmethod
    def _host_country(doc: Any, end: int, by_start: dict[int, _Candidate]) -> _Candidate | None:
        """"ambassador to the United States": the receiving state that tells one ambassador from another."""
        if end < len(doc) and doc[end].lower_ == "to":
            i = end + 1 + (1 if end + 1 < len(doc) and doc[end + 1].lower_ == "the" else 0)
            c = by_start.get(i)
            if c is not None and c.kind == "state":
                return c
        return None

    def _country_of(self, c: _Candidate | None) -> str | None:
        if c is None:
            return None
        entry = self._entry(c)
        if entry is None:
            return None
        kind, key, _ = entry
        if kind in {"state", "adjective", "seat"}:
            return key
        if kind == "loaded":
            return key.split(".")[0] if key.split(".")[0] in self.gaz.states else None
        if kind == "org":
            org = self.gaz.organisations[key]
            return key if org.kind in {"igo", "armed_group", "party"} else org.country
        return None

    def _role_actor(self, country: str, title: str, on: dt.date | None, former: bool, *, lookup: bool = True,
                    host: _Candidate | None = None, roles: tuple[str, ...] | None = None) -> Actor:
        """The holder of an office on the document's date (a tenure fact), else the office and country only.
        Undated, no holder is looked up: today's holder would be a guess."""
        if not former and lookup and on is not None:
            for role in TITLES.get(title, ()) if roles is None else roles:
                period = self.gaz.holder(country, role, on)
                if period is not None:
                    return self.gaz.person_actor(period, on)
            if host is not None and (host_name := self._entry(host)) is not None:
                # "the Russian ambassador to the United States": the ambassador whose post names that state
                state = self.gaz.states.get(host_name[1])
                names = {fold(n) for n in ((state.name, *state.aliases) if state else ())}
                for period in self.gaz.roles.get((country, "ambassador"), ()):
                    if period.active(on) and any(n in fold(period.title) for n in names):
                        return self.gaz.person_actor(period, on)
        if country in self.gaz.organisations:
            base = self.gaz.org_actor(country)
            return replace(base, role=title, kind=base.kind)
        sector = "ELI" if former else ("MIL" if "defen" in title and "minister" not in title else "GOV")
        actor = self.gaz.state_actor(country, sector)
        return replace(actor, role=title, node=None if former else actor.node, former=former)

    def _add_entities(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        out = list(candidates)
        covered = {i for c in candidates for i in range(c.start, c.end)}
        one_token_people = {c.start for c in candidates if c.kind == "person" and c.end - c.start == 1}
        person_tokens = {i for c in candidates if c.kind == "person" for i in range(c.start, c.end)}
        org_tokens = {i for c in candidates if c.kind == "org" for i in range(c.start, c.end)}
        for ent in doc.ents:
            if ent.label_ not in _SENT_ENT_LABELS:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if start >= ent.end:
                continue
            last = ent[-1]
            if last.pos_ in {"DET", "ADP", "CCONJ"} or last.lower_ in {"of", "the", "and"}:
                continue  # "The Foreign Ministry of the | DPRK": an entity cut off mid-phrase names no one
            if ent.end - start > 1 and (last.lower_ in DOCUMENT_NOUNS or (
                    last.lower_ in CAPITALISED_DOCUMENT_NOUNS and last.text[:1].isupper())):
                continue  # "the Rome Statute" tagged PERSON: a document is no actor (rule city_names_a_document)
            overlap = [i for i in range(start, ent.end) if i in covered]
            # "Abbas Gallyamov" is not Mahmoud Abbas, "Jean-Pierre Thebault" not Karine Jean-Pierre: a longer
            # PERSON name beats a person alias that it goes on past.
            # So does one whose surname is an organisation's alias ("Foreign Minister Therese Kayikwamba Wagner" is
            # no Wagner Group): the alias ends a name of two given names or more.
            surname = bool(overlap) and set(overlap) <= org_tokens and min(overlap) - start >= 2 \
                and max(overlap) == ent.end - 1 \
                and all(t.pos_ == "PROPN" for t in doc[start:min(overlap)])
            if overlap and not (ent.label_ == "PERSON" and len(ent) > len(overlap) and (
                    set(overlap) <= one_token_people or (set(overlap) <= person_tokens and max(overlap) < ent.end - 1)
                    or surname)):
                continue
            out.append(_Candidate(start, ent.end, "ent", ent.label_, method="ner"))
        return out

    # -- resolution ------------------------------------------------------
    def _entry(self, c: _Candidate) -> tuple[str, str, bool] | None:
        key = c.key[4:] if c.key.startswith("the ") else c.key
        entries = self.gaz.surfaces.get(key) or self.gaz.surfaces.get(_strip_accents(key))
        if not entries:
            return None
        order = {"loaded": 0, "org": 1, "state": 2, "seat": 3, "adjective": 4, "place": 5}
        wanted = [e for e in entries if e[0] == c.kind] or list(entries)
        return min(wanted, key=lambda e: order.get(e[0], 9))

    def _drop_covered(self, candidates: list[_Candidate]) -> list[_Candidate]:
        """After "Russia's [Supreme Court]" took its agent noun in, drop what it now covers."""
        # A candidate is covered by a longer one that starts no later and ends no earlier.  One sweep in
        # order of start (the pairwise test was quadratic in the mentions of a document).
        ordered = sorted(candidates, key=lambda c: c.start)
        covered: set[int] = set()
        max_end_before = -1  # furthest end of the candidates starting before the current group
        i = 0
        while i < len(ordered):
            j = i
            while j < len(ordered) and ordered[j].start == ordered[i].start:
                j += 1
            group_end = max(c.end for c in ordered[i:j])
            for c in ordered[i:j]:
                if max_end_before >= c.end or group_end > c.end:
                    covered.add(id(c))
            max_end_before = max(max_end_before, group_end)
            i = j
        return [c for c in candidates if id(c) not in covered]

    def _resolve_candidates(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> None:
        for c in candidates:
            if c.actor is not None:
                continue
            if c.kind == "person":
                names = self.gaz.person_surfaces.get(c.key) or self.gaz.person_surfaces.get(_strip_accents(c.key))
                if names:
                    # "then-president Abdullah Gul": the role the text says he held then (his last before the news),
                    # standing for his state, not a former office-holder of no state
                    then = enabled("then_title_is_its_times_role", self._doc.disabled) and _then_titled(doc, c.start)
                    c.actor = self.gaz.person_actor(self.gaz.period_for(names[0], on), None if then else on)
                    c.method = "gazetteer-person"
                continue
            if c.kind == "ent":
                self._resolve_entity(doc, c, on)
                continue
            entry = self._entry(c)
            if entry is None:
                continue
            kind, key, loaded = entry
            c.loaded = loaded
            if kind == "org":
                c.actor = self.gaz.org_actor(key)
                owner = _possessor_state(doc, c, candidates, self)
                org = self.gaz.organisations[key]
                if owner is not None and org.kind == "state_agency" and owner != org.country:
                    # "Chile's Defense Department" is Chile's, whatever agency shares its name elsewhere
                    c.actor = self.gaz.state_actor(owner, org.sector)
            elif kind == "loaded":
                if key in self.gaz.organisations:
                    c.actor = self.gaz.org_actor(key)
                else:
                    iso3, _, sector = key.partition(".")
                    c.actor = self.gaz.state_actor(iso3, sector or None)
            elif kind == "seat":
                c.actor = self.gaz.state_actor(key, "GOV")
            elif kind == "place":
                c.actor, c.method = self.gaz.state_actor(key), "place"
            elif kind == "state":
                c.actor = self.gaz.state_actor(key, _agent_sector(doc, c, self.gaz))
            elif kind == "adjective":
                c.actor = self.gaz.state_actor(key, _agent_sector(doc, c, self.gaz))
            self._extend_over_agent(doc, c)

    def _extend_over_agent(self, doc: Any, c: _Candidate) -> None:
        """"Russian officials", "Israel's foreign ministry": take the agent noun into the span."""
        if c.kind not in {"adjective", "state"} or c.actor is None or not c.actor.sector:
            return
        head = _agent_head(doc, c)
        if head is not None and head.i in self._doc.named_title_tokens:
            return  # "Australian Minister for Defence Peter Dutton": the title belongs to the person named
        if head is not None and head.i >= c.end and head.i - c.end <= 3:
            # "Hungarian and Romanian officials": the noun belongs to the last adjective; each keeps its country
            if any(t.dep_ == "conj" and t.head.i < head.i and t.i > c.start for t in doc[c.end:head.i]):
                return
            c.end = head.i + 1

    def _resolve_entity(self, doc: Any, c: _Candidate, on: dt.date | None) -> None:
        span = doc[c.start:c.end]
        key = fold(span.text)
        names = self.gaz.person_surfaces.get(key)
        if names:
            c.actor = self.gaz.person_actor(self.gaz.period_for(names[0], on), on)
            c.method = "gazetteer-person"
            return
        if c.key in {"GPE", "NORP", "ORG", "LOC"} and len(span) == 1 and span[0].text[:1].isupper() \
                and len(span[0].text) >= 5:
            iso3 = self._close_state(span.text)
            if iso3 is not None:
                c.actor, c.method = self.gaz.state_actor(iso3), "gazetteer-fuzzy"
                return
        if c.key == "PERSON" and len(span) >= 2:
            name = self._close_person(span.text)
            if name is not None:
                c.actor, c.method = self.gaz.person_actor(self.gaz.period_for(name, on), on), "gazetteer-person-fuzzy"
                return
        if c.key == "PERSON" or (c.key == "ORG" and _looks_like_person(span)) or (c.start in self._doc.titled and c.key != "GPE"):
            c.kind, c.key = "person-unknown", key
            titled = self._doc.titled.get(c.start)
            if titled is not None:
                country, title, former = titled
                c.actor, c.method = self._titled_actor(span.text, country, title, former, on), "title"

    def _close_state(self, text: str) -> str | None:
        """A country name misspelt by one letter ("Quatar", "Ethopia"): same first letter, similarity at
        least FUZZY_STATE over the state names (a few hundred: cheap)."""
        from difflib import SequenceMatcher

        key = fold(text)
        best, best_score = None, FUZZY_STATE
        for state in self.gaz.states.values():
            for name in (state.name, *state.aliases):
                other = fold(name)
                if other[:1] != key[:1] or abs(len(other) - len(key)) > 2:
                    continue
                score = SequenceMatcher(None, key, other).ratio()
                if score >= best_score:
                    best, best_score = state.iso3, score
        return best

    def _close_person(self, text: str) -> str | None:
        """A known person whose name differs from ``text`` by a slip of spelling ("Ebrahim Rais" for
        "Ebrahim Raisi"): same first name, surname similarity at least FUZZY_SURNAME.  difflib is enough
        here: the candidates are the few people sharing a first name, not the whole gazetteer."""
        from difflib import SequenceMatcher

        parts = fold(text).split()
        best, best_score = None, FUZZY_SURNAME
        for name in self.gaz.first_names.get(parts[0], ()):
            other = fold(name).split()
            if len(other) < 2:
                continue
            score = SequenceMatcher(None, parts[-1], other[-1]).ratio()
            if score >= best_score:
                best, best_score = name, score
        return best

    def _titled_actor(self, name: str, country: str, title: str, former: bool, on: dt.date | None) -> Actor:
        sector = "ELI" if former else ("MIL" if title in {"general", "commander"} else "GOV")
        if country in self.gaz.organisations:
            base = self.gaz.org_actor(country)
            return replace(base, id=f"{base.id}:{_slug(name)}", name=name, kind="person", role=title,
                           node=None if former else base.node, former=former)
        state = self.gaz.states.get(country)
        return Actor(id=f"{country}{sector}:{_slug(name)}", name=name, kind="person", country=country, sector=sector,
                     node=None if former else country, node_name=None if former else (state.name if state else country),
                     role=None if former or not title else title, former=former)

    @identity_rule("apposition_affiliation", reads="a person's apposition, or the comma-delimited phrase right after "
                   "the name ('Jane Doe, a former aide to the president')",
                   changes="the person's actor -> the affiliation the phrase gives (method apposition)")
    @identity_rule("person_of_state", reads="a person the gazetteer does not know, followed by 'of' and a state",
                   changes="the person's actor -> a person of that state (method of-state)")
    def _learn_from_appositions(self, doc: Any, candidates: list[_Candidate], on: dt.date | None,
                                disabled: frozenset[str] = frozenset()) -> None:
        """"Jane Doe, a former aide to the president": give the person an affiliation (rules ``person_of_state``
        and ``apposition_affiliation``, unless ``disabled``)."""
        of_state, apposition = enabled("person_of_state", disabled), enabled("apposition_affiliation", disabled)
        by_token = {i: c for c in candidates for i in range(c.start, c.end)}
        for c in candidates:
            if c.kind not in {"person-unknown", "person"} or (c.actor is not None and c.kind == "person"):
                continue
            # rule ``person_of_state``: "Pekka Haavisto of Finland" (the news convention for who acts for whom)
            if of_state and c.actor is None and c.end + 1 < len(doc) and doc[c.end].lower_ == "of":
                state = by_token.get(c.end + 1)
                if state is not None and state.start == c.end + 1 and state.kind == "state" and state.actor is not None:
                    c.actor, c.method = self._titled_actor(doc[c.start:c.end].text, state.actor.country, "", False, on), "of-state"
                    continue
            if not apposition:
                continue
            head = doc[c.start:c.end].root
            appos = [t for t in head.children if t.dep_ == "appos"]
            if not appos and c.end < len(doc) and doc[c.end].text == "," and c.end + 1 < len(doc):
                # The parser often attaches the apposition elsewhere: take the
                # comma-delimited phrase right after the name.
                nxt = doc[c.end + 1]
                if nxt.lower_ in {"a", "an", "the"} or nxt.lower_ in FORMER_WORDS or nxt.pos_ in {"NOUN", "ADJ", "PROPN"}:
                    appos = [nxt.head if nxt.dep_ in {"det", "amod", "compound"} else nxt]
            for a in appos:
                tokens = [t for t in a.subtree if t.i >= c.end]
                if not tokens:
                    continue
                lo, hi = tokens[0].i, tokens[-1].i + 1
                actor = self._affiliation(doc, lo, hi, by_token, c, on)
                if actor is not None:
                    c.actor, c.method = actor, "apposition"
                    break

    @identity_rule("affiliation_before_name", reads="a person the gazetteer does not know, right after an agent noun "
                   "(affiliation_noun: 'official', 'commander') that a state, nationality or organisation opens, "
                   "with up to three lower-case modifiers between ('Houthi official X', 'Hezbollah commander X', "
                   "'Saudi national security adviser X')", changes="the person's actor -> a person of that "
                   "state or organisation (method affiliation)", vocab=("affiliation_noun",))
    def _affiliation_before_name(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> None:
        """"Houthi official Hussein al-Ezzi": the news style names who a little-known person acts for in the words
        before the name, with a noun that is no office title (titles.tsv's are read by ``_add_roles``)."""
        nouns = identity_cues()["affiliation_noun"]
        owners = {c.end: c for c in candidates
                  if c.actor is not None and c.kind in {"adjective", "state", "org", "loaded"}}
        for c in candidates:
            if c.kind != "person-unknown" or c.actor is not None or c.start < 2 or doc[c.start - 1].lower_ not in nouns:
                continue
            # "Saudi national security adviser X", "Houthi military spokesman X": lower-case words of the office
            # may stand between the owner and the noun
            k = c.start - 1
            while k not in owners and k - 1 >= 0 and c.start - 1 - k < 3 and doc[k - 1].text.islower() \
                    and doc[k - 1].is_alpha and doc[k - 1].dep_ in {"compound", "amod"}:
                k -= 1
            if k not in owners and k >= 1 and doc[k - 1].tag_ == "POS":
                k -= 1  # "Iran's national security adviser X"
            country = self._country_of(owners.get(k))
            if country is not None:
                c.actor = self._titled_actor(doc[c.start:c.end].text, country, doc[c.start - 1].lower_, False, on)
                c.method = "affiliation"

    @identity_rule("body_named_before", reads="a person the gazetteer does not know, in apposition to an agent noun "
                   "(affiliation_noun: 'spokesman', 'official') that a generic body of state opens (state_body_noun: "
                   "'a junta spokesman', 'a government official'); the states whose such body the article named "
                   "before", changes="the person's actor -> a person of the one such state (method body-named-before)",
                   vocab=("affiliation_noun", "state_body_noun"))
    def _body_named_before(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> None:
        """"Niger's ruling junta said ... A junta spokesman, Colonel Amadou Abdramane, said" (or "Junta spokesperson
        Colonel Amadou Abdramane said"): the junta is the one the article named, so its spokesman speaks for Niger
        (he was unresolved, and his accusation against Washington had no source).  Two states' juntas named, or
        none: nothing."""
        nouns, bodies = identity_cues()["affiliation_noun"], identity_cues()["state_body_noun"]
        for c in candidates:
            if c.kind != "person-unknown" or c.actor is not None:
                continue
            head = doc[c.start:c.end].root
            role = head.head if head.dep_ == "appos" else None
            if role is None:
                # "Junta spokesperson Colonel X": the role a compound before the name
                role = next((t for t in head.children if t.dep_ == "compound" and t.i < c.start
                             and t.lemma_.lower() in nouns), None)
            if role is None or role.lemma_.lower() not in nouns:
                continue
            body = next((t.lemma_.lower() for t in role.children if t.dep_ in {"compound", "amod"}
                         and t.lemma_.lower() in bodies), None)
            if body is None:
                continue
            states = {x.actor.country for x in candidates if x.end <= c.start and x.actor is not None
                      and x.actor.kind == "state" and doc[x.start:x.end].root.lemma_.lower() == body}
            if len(states) == 1:
                c.actor = self._titled_actor(doc[c.start:c.end].text, next(iter(states)), role.lower_, False, on)
                c.method = "body-named-before"

    @identity_rule("joint_speakers", reads="a person reached through noun-phrase links as a subject of a speech verb "
                   "(joint_speech_verb), with an office title (office_word) on the way; the other subjects' states",
                   changes="the person's actor -> an office-holder of the one state the others have (method "
                   "joint-speakers)", vocab=("joint_speech_verb", "office_word"))
    @identity_rule("led_for_state", reads="a person reached through noun-phrase links as the agent of a lead verb "
                   "(lead_verb); the state that modifies the led noun", changes="the person's actor -> a person "
                   "of that state (method led-for-state)", vocab=("lead_verb", "office_word"))
    def _state_from_joint_clause(self, doc: Any, candidates: list[_Candidate], on: dt.date | None,
                                 disabled: frozenset[str] = frozenset()) -> None:
        """Two identity rules for a named person the gazetteer and the appositions left without a state:

        * ``led_for_state``: the leader of a state's body acts for that state ("the American delegation was headed
          by A, ..., and B, ...": a person reached from a lead verb's agent, whose led noun a state modifies);
        * ``joint_speakers``: an office-holder speaking jointly with officials of one state is of that state ("The
          foreign minister, A, and the minister for the Pacific, B, said ...": subjects of one speech verb, B
          with an office title on the way to it, every other subject that has a state having the same one).

        Word sets ``lead_verb``, ``joint_speech_verb`` and ``office_word`` of data/identity_cues.tsv.  Nothing is given when the
        parse does not link the person to the clause through noun-phrase links only, or the states disagree."""
        cues = identity_cues()
        offices = cues["office_word"]
        by_token = {i: c for c in candidates for i in range(c.start, c.end)}

        def reach(c: _Candidate) -> tuple[Any, list[Any]]:
            """The verb a person's phrase hangs from through noun-phrase links, and the path up to it."""
            node, path = doc[c.start:c.end].root, []
            for _ in range(10):
                if node.pos_ in {"VERB", "AUX"} or node.head == node:
                    break
                if node.dep_ not in _NOMINAL_LINKS and node.dep_ not in {"nsubj", "nsubjpass"}:
                    return None, path
                path.append(node)
                if node.dep_ in {"nsubj", "nsubjpass"}:
                    node = node.head
                    break
                node = node.head
            return (node, path) if node.pos_ in {"VERB", "AUX"} and path else (None, path)

        def is_person(c: _Candidate) -> bool:
            return c.kind in {"person", "person-unknown"} and not (c.actor is not None and c.actor.kind != "person")

        people = [c for c in candidates if is_person(c)]
        reached = {id(c): reach(c) for c in people}
        for c in people:
            if c.actor is not None and (c.actor.country or c.actor.former):
                continue
            verb, path = reached[id(c)]
            if verb is None:
                continue
            lemma, top = verb.lemma_.lower(), path[-1]
            country = None
            if lemma in cues["lead_verb"] and top.dep_ == "agent" and enabled("led_for_state", disabled):
                led = [t for t in verb.children if t.dep_ == "nsubjpass"] or ([verb.head] if verb.dep_ == "acl" else [])
                # the state modifying the led noun ("the U.S. delegation", "a Chinese team", "Russia's mission")
                states = {by_token[m.i].actor.country for n in led for m in (n, *n.children)
                          if (m is n or m.dep_ in {"compound", "amod", "poss", "nmod"}) and m.i in by_token
                          and by_token[m.i].kind in {"state", "adjective"} and by_token[m.i].actor is not None
                          and by_token[m.i].actor.country}
                country = next(iter(states)) if len(states) == 1 else None
                method = "led-for-state"
            elif lemma in cues["joint_speech_verb"] and top.dep_ == "nsubj" \
                    and any(t.lemma_.lower() in offices for t in path) and enabled("joint_speakers", disabled):
                states = {d.actor.country for d in people if d is not c and d.actor is not None and d.actor.country
                          and not d.actor.former and reached[id(d)][0] == verb and reached[id(d)][1][-1].dep_ == "nsubj"}
                country = next(iter(states)) if len(states) == 1 else None
                method = "joint-speakers"
            if country is None:
                continue
            title = (c.actor.role if c.actor is not None else None) or next(
                (t.lemma_.lower() for t in path if t.lemma_.lower() in offices), "")
            c.actor, c.method = self._titled_actor(doc[c.start:c.end].text, country, title or "", False, on), method

    def _affiliation(self, doc: Any, lo: int, hi: int, by_token: dict[int, _Candidate],
                     person: _Candidate, on: dt.date | None) -> Actor | None:
        words = [t.lower_ for t in doc[lo:hi]]
        if words and (words[0] in {"a", "an", "the"} and len(words) > 1 and _RELATION_HEADS & {words[1], *words[1:3]}):
            # "Mohamed Mursi, an ally of Ankara": a relation to the actor named, not membership of it (a stated
            # relation, read by events.relations); "a close ally of X" too
            return None
        former = bool(FORMER_WORDS & set(words))
        name = doc[person.start:person.end].text
        inner = []
        for i in range(lo, hi):
            cand = by_token.get(i)
            if cand is not None and cand is not person and cand not in inner:
                inner.append(cand)
        resolved = [x for x in inner if x.actor is not None and x.kind != "person-unknown"]
        text = " ".join(words)
        title = next((t for t in sorted(TITLES, key=len, reverse=True) if re.search(rf"\b{re.escape(t)}\b", text)), None)
        if resolved:
            anchor = resolved[0].actor
            if anchor is None:
                return None
            country, org_node = anchor.country, None
            if anchor.kind in {"armed_group", "igo", "organization", "media"}:
                org_node = (anchor.node, anchor.node_name)
            elif anchor.kind == "person":
                country = anchor.country
            sector = "ELI" if former else _sector_for_words(words, self.gaz) or anchor.sector or "GOV"
            if anchor.kind == "person" and not former and not title:
                sector = _sector_for_words(words, self.gaz) or None
            node, node_name = (org_node if org_node else (country, self.gaz.states[country].name if country in self.gaz.states else country))
            if former or sector in {None, "ELI"}:
                node, node_name = None, None
            return Actor(
                id=f"{country or ''}{sector or ''}:{_slug(name)}", name=name, kind="person", country=country,
                sector=sector, node=node, node_name=node_name, role=title if not former else None, former=former,
            )
        unresolved_orgs = [x for x in inner if x.kind == "ent" and x.key in {"ORG", "FAC"}]
        if unresolved_orgs or title:
            org_text = doc[unresolved_orgs[0].start:unresolved_orgs[0].end].text if unresolved_orgs else None
            return Actor(
                id=f":{_slug(name)}", name=name, kind="person", country=None,
                sector=_sector_for_words(words, self.gaz), node=None, node_name=org_text, role=title, former=former,
            )
        return None

    @identity_rule("same_person", reads="persons named earlier in the article: a later surname, an honorific "
                   "(honorific) + surname, or a spelling variant of it (SPELLING_VARIANT)",
                   changes="the later mention's actor -> the earlier person's", vocab=("honorific",))
    def _resolve_surnames(self, doc: Any, candidates: list[_Candidate]) -> None:
        """Rule ``same_person``: a later "Gallyamov" or "Mr Gallyamov" takes the actor of the earlier full name,
        and so does a spelling variant of it in the same article ("Zelenskyy" after "Zelensky": folded
        accents, then a near surname, see SPELLING_VARIANT)."""
        from rapidfuzz import fuzz

        honorifics = identity_cues()["honorific"]
        known: dict[str, Actor] = {}
        family_first: dict[str, set[str]] = {}  # "Wang" after "Wang Yi": names whose family name comes first
        by_id: dict[str, Actor] = {}
        # A headline names people before the body introduces them ("Putin and Kim sign pact" over "... Kim Jong Un
        # signed ..."): a name in the first sentence may take a full name from anywhere in the article.
        headline_end = _first_sentence_end(doc)
        later: dict[str, set[str]] = {}
        later_first: dict[str, set[str]] = {}
        for c in candidates:
            tokens = [t for t in doc[c.start:c.end] if t.lower_ not in honorifics]
            if c.actor is not None and c.actor.kind == "person" and len(tokens) >= 2:
                later.setdefault(fold(tokens[-1].text), set()).add(c.actor.id)
                later_first.setdefault(fold(tokens[0].text), set()).add(c.actor.id)
                by_id[c.actor.id] = c.actor
        for c in sorted(candidates, key=lambda c: c.start):
            span = doc[c.start:c.end]
            tokens = [t for t in span if t.lower_ not in honorifics]
            if c.actor is not None and c.actor.kind == "person" and len(tokens) >= 2:
                known.setdefault(fold(tokens[-1].text), c.actor)
                family_first.setdefault(fold(tokens[0].text), set()).add(c.actor.id)
                by_id[c.actor.id] = c.actor
            elif c.actor is None and tokens and c.kind in {"person-unknown", "ent"} and tokens[-1].pos_ == "PROPN":
                surname = fold(tokens[-1].text)
                actor = known.get(surname)
                if actor is None and len(tokens) == 1 and len(family_first.get(surname, ())) == 1:
                    actor = by_id[next(iter(family_first[surname]))]
                if actor is None and len(tokens) == 1 and c.end <= headline_end:
                    ids = later.get(surname, set()) | later_first.get(surname, set())
                    if len(ids) == 1:
                        actor = by_id[next(iter(ids))]
                if actor is None and len(surname) >= 5:
                    near = [(fuzz.ratio(surname, k), k) for k in known if k[:1] == surname[:1] and len(k) >= 5]
                    near = [x for x in near if x[0] >= SPELLING_VARIANT]
                    if len({known[k].id for _, k in near}) == 1:
                        actor = known[near[0][1]]
                if actor is not None:
                    c.actor, c.method = actor, "surname"
        candidates.extend(_lone_surnames(doc, candidates, honorifics))

    @identity_rule("org_by_its_noun", reads="a capitalised 'the Alliance / Organisation / Union' with no actor; the "
                   "organisations the article names", changes="adds a mention of the one named organisation whose "
                   "name has that word")
    def _generic_org_references(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Rule ``org_by_its_noun``: "the Alliance", "the Organisation", "the Union" (capitalised, after "the")
        is the one organisation named in the same article whose name has that word ("North Atlantic
        Alliance" is NATO's).  No such organisation, or two: nothing (the gazetteer never takes a bare common
        word as a name)."""
        unresolved = {c.start: c for c in candidates if c.actor is None and c.end - c.start == 1}
        covered = {i for c in candidates for i in range(c.start, c.end)} - set(unresolved)
        named: dict[str, Actor] = {}
        for c in candidates:
            if c.actor is not None and c.kind in {"org", "loaded"} and c.actor.kind in {"igo", "organization", "armed_group"}:
                named[c.key] = c.actor
        if not named:
            return []
        words_of: dict[str, set[str]] = {}
        for key, actor in named.items():
            entry = self._entry(_Candidate(0, 0, "org", key))
            org = self.gaz.organisations.get(entry[1]) if entry else None
            names = (org.name, *org.aliases) if org else (actor.name,)
            words_of[actor.id] = {_org_word(w) for n in names for w in fold(n).split() if len(w) > 3}
        out = []
        for tok in doc:
            if tok.i in covered or tok.i == 0 or doc[tok.i - 1].lower_ != "the" or not tok.text[:1].isupper() \
                    or tok.pos_ not in {"NOUN", "PROPN"} or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN"):
                continue
            if tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "of" and doc[tok.i + 2].text[:1].isupper():
                continue  # "the Ministry of National Defence of the DPRK": a name of its own goes on
            word = _org_word(fold(tok.text))
            owners = {aid for aid, words in words_of.items() if word in words}
            if len(owners) == 1:
                actor = next(a for a in named.values() if a.id in owners)
                if tok.i in unresolved:
                    unresolved[tok.i].actor, unresolved[tok.i].method = actor, "org-noun"
                else:
                    out.append(_Candidate(tok.i, tok.i + 1, "org", fold(tok.text), actor=actor, method="org-noun"))
        return out

    @identity_rule("bloc_by_its_kind", reads="a lower-case bloc noun (bloc_noun: 'the alliance'; any_bloc_noun: 'the "
                   "bloc') with a determiner and no parties of its own (no possessor, with/between/against/of "
                   "phrase); the organisations of states the article names", changes="adds a mention of the one "
                   "military organisation named (bloc_noun), or of the one organisation of states of any kind named "
                   "(any_bloc_noun)", vocab=("bloc_noun", "any_bloc_noun"))
    def _bloc_by_its_kind(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Rule ``bloc_by_its_kind``: a common noun for a military bloc with a determiner ("the bloc", "a
        Beijing-led defence alliance": ``bloc_noun`` of identity_cues.tsv) is the one military organisation
        (sector MIL) the same article names.  None named, or two: nothing (the kind of body is all the phrase
        says).  Not when the noun names its own parties ("an alliance with Iran", "the alliance between A and
        B": a tie between states, read as a stated relation)."""
        covered = {i for c in candidates for i in range(c.start, c.end)}
        bodies = {c.actor.id: c.actor for c in candidates if c.actor is not None and c.actor.kind == "igo"}
        military = [a for a in bodies.values() if a.sector == "MIL"]
        # "the bloc" (any_bloc_noun) is the one body of states the article names, of whatever kind ("leaving ECOWAS
        # ... accused the bloc of"); "the alliance" (bloc_noun) the one military one
        kinds = {"bloc_noun": military[0] if len(military) == 1 else None,
                 "any_bloc_noun": next(iter(bodies.values())) if len(bodies) == 1 else None}
        if not any(kinds.values()):
            return []
        cues = identity_cues()
        out = []
        for tok in doc:
            # (a lower-case word the tagger calls a proper noun is a common one: "Borrell said the bloc stood")
            if tok.i in covered or tok.pos_ not in {"NOUN", "PROPN"} or not tok.text.islower():
                continue
            lemma = tok.lemma_.lower()
            actor = next((a for k, a in kinds.items() if a is not None and lemma in cues[k]), None)
            if actor is None:
                continue
            if not any(c.dep_ == "det" for c in tok.children):
                continue
            if any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ in {"with", "between", "against", "of"}
                                        and any(g.dep_ == "pobj" for g in c.children)) for c in tok.children):
                continue  # "a new alliance with Iran", "the alliance between A and B": a tie, not a body ("accusing
                # the alliance of failing to protect it": a gerund names no party)
            out.append(_Candidate(tok.i, tok.i + 1, "org", fold(tok.text), actor=actor, method="bloc-noun"))
        return out

    @identity_rule("claimed_place_is_its_claimant", reads="a place (places.tsv) whose independence or statehood is "
                   "spoken of (statehood_noun: 'the independence of Donetsk', 'Luhansk's sovereignty') or which is "
                   "recognised (recognising_verb: 'Moscow recognised Donetsk and Luhansk'); the breakaway "
                   "authorities of organisations.tsv (sector PRE) of the place's state",
                   changes="the mention's actor -> the one breakaway authority of that state named after the place "
                   "('the Donetsk People's Republic'), not the state the place lies in",
                   vocab=("statehood_noun", "recognising_verb"))
    def _claimed_places(self, doc: Any, candidates: list[_Candidate]) -> None:
        """Rule ``claimed_place_is_its_claimant``: "Russia recognised the independence of Donetsk and Luhansk" is
        support of the two self-proclaimed republics, which Ukraine fights, not of Ukraine, where the places lie.
        The place must name one breakaway authority of its state (``Gazetteer.org_actor`` keeps such an authority a
        node of its own); a place with none ("the independence of Kharkiv") keeps its state."""
        cues = identity_cues()
        for c in candidates:
            if c.method != "place" or c.actor is None:
                continue
            tok = doc[c.start:c.end].root
            while tok.dep_ in {"conj", "compound"} and tok.head.i != tok.i:  # "Donetsk and [Luhansk]", "[Donetsk] region"
                tok = tok.head
            head = tok.head
            claimed = (tok.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in cues["statehood_noun"]) \
                or (tok.dep_ == "poss" and head.lemma_.lower() in cues["statehood_noun"]) \
                or (tok.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in cues["recognising_verb"])
            if not claimed:
                continue
            place = fold(doc[c.start:c.end].text) + " "
            owners = {org.id for org in self.gaz.organisations.values()
                      if org.sector == "PRE" and org.country == c.actor.country
                      and any(fold(n).startswith(place) for n in (org.name, *org.aliases))}
            if len(owners) == 1:
                c.actor, c.method = self.gaz.org_actor(next(iter(owners))), "claimed-place"

    @identity_rule("seat_stands_for_its_body", reads="a capital that is the seat of an international body (body_seat: "
                   "'brussels eu', the seat and the body's id in organisations.tsv); the bodies and states the article "
                   "names", changes="the mention's actor -> that body, when the article names the body and names the "
                   "capital's state by no other word", vocab=("body_seat",))
    def _seats_of_bodies(self, doc: Any, candidates: list[_Candidate]) -> None:
        """Rule ``seat_stands_for_its_body``: "The European Union imposed measures on Kosovo. Brussels has also pressed
        Serbia" is the EU pressing Serbia, not Belgium's government; in an article that names Belgium too, or not the
        EU, the capital keeps its state."""
        seats = dict(w.split() for w in identity_cues()["body_seat"])
        seat_of = {c.start: fold(doc[c.start:c.end].text) for c in candidates if c.actor is not None}
        named = {c.actor.id for c in candidates if c.actor is not None}
        for seat, body_id in seats.items():
            if body_id not in self.gaz.organisations:
                continue
            body = self.gaz.org_actor(body_id)
            at_seat = [c for c in candidates if seat_of.get(c.start) == seat]
            if not at_seat or body.id not in named:
                continue
            country = at_seat[0].actor.country
            if any(c.actor is not None and c.actor.country == country and seat_of.get(c.start) != seat
                   for c in candidates):
                continue
            for c in at_seat:
                c.actor, c.method = body, "seat-of-body"

    @identity_rule("compass_short_name", reads="a capitalised compass word (compass_word: 'North', 'South') after "
                   "'the' and before no other capitalised word, with no actor; the states the article names",
                   changes="the mention's actor -> the one state named whose name starts with that word ('the North' "
                   "in an article naming North Korea)", vocab=("compass_word",))
    def _compass_short_names(self, doc: Any, candidates: list[_Candidate]) -> None:
        """Rule ``compass_short_name``: Korean wire copy names "North Korea" once and then says "the North" ("KCNA
        warned that the North would take countermeasures", "the South said"): the one state the article names whose
        name starts with the word.  Two such states (North Korea and North Macedonia), or none: nothing."""
        words = identity_cues()["compass_word"]
        named = {c.actor.country for c in candidates if c.actor is not None and c.actor.kind == "state"
                 and c.actor.country}
        for c in candidates:
            if c.actor is not None or c.end - c.start != 1 or c.start == 0:
                continue
            tok = doc[c.start]
            nxt = doc[c.end] if c.end < len(doc) else None
            if tok.lower_ not in words or not tok.text[:1].isupper() or doc[c.start - 1].lower_ != "the" \
                    or (nxt is not None and nxt.text[:1].isupper()):
                continue
            states = {code for code in named if (state := self.gaz.states.get(code)) is not None
                      and any(fold(n).startswith(tok.lower_ + " ") for n in (state.name, *state.aliases))}
            if len(states) == 1:
                c.actor, c.method = self.gaz.state_actor(next(iter(states))), "compass-name"

    @identity_rule("state_by_its_kind", reads="'the' + words of a kind of state (state_kinds.tsv: 'Gulf', 'Central "
                   "Asian', 'Horn of Africa') + a state noun (state_noun: 'state', 'nation'), or 'the kingdom'; the "
                   "states the article named before it", changes="adds a mention of the one such state named before, "
                   "or of the one that is a subject in the nearest sentence with such a subject", vocab=("state_noun",))
    def _state_by_its_kind(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Rule ``state_by_its_kind``: wire copy names a state once and then describes it ("Algeria suspended the
        treaty ... the North African country had decided"; "the Gulf state has hosted"; "the kingdom welcomed").
        The phrase stands for a state of that kind the article named before it, never the subject of a verb
        above it: the only one; else the one named earlier in the same sentence; else the one that is the subject
        (or a subject's possessor, "Algeria's president") in the nearest sentence where such a subject is.  Two
        there, or none: nothing.
        Every describing word must be a known kind (an unknown capitalised word makes a name, and so does a
        capitalised noun: "the Islamic State"); other lower-case words ("the tiny Gulf state", "oil-rich") are
        passed over.  Not a plural, an indefinite ("a Gulf state": another one), a possessed noun or one
        whose of-phrase names a state ("the Gulf state of Qatar" names it; "accused the Nordic country of
        abandoning" does not)."""
        kinds = state_kinds()
        nouns = identity_cues()["state_noun"]
        longest = max(len(k.split()) for k in kinds)
        by_start = {c.start: c for c in candidates}
        out = [c for c in candidates]
        for tok in doc:
            lemma = tok.lemma_.lower()
            # "the Gulf state of Qatar" names it; "the island of Crete" names a place of no state ("accused the
            # Nordic country of lying" names nothing)
            of = doc[tok.i + 1] if tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "of" else None
            named = of is not None and ((tok.i + 2 in by_start and by_start[tok.i + 2].actor is not None) or (
                of.head == tok and any(c.dep_ == "pobj" for c in of.children)))
            if lemma not in nouns or tok.lower_ != lemma or named:
                continue
            if any(c.dep_ == "poss" for c in tok.children) or (tok.text[:1].isupper() and lemma not in kinds):
                continue  # "its Gulf neighbour"; "the Islamic State" is a name
            words, j = [], tok.i - 1
            while j >= tok.sent.start and tok.i - j <= 6 and doc[j].lower_ != "the":
                words.insert(0, doc[j])
                j -= 1
            if j < tok.sent.start or doc[j].lower_ != "the":
                continue
            own = _state_of_its_adjective(tok, words, by_start)
            if own is not None:  # "the Moroccan kingdom": the state its adjective names, named or not before
                out = [c for c in out if c.end <= own.start or c.start > tok.i]
                out.append(_Candidate(own.start, tok.i + 1, "state", own.actor.country, actor=own.actor,
                                      method="state-kind"))
                continue
            if any(t.i in by_start and by_start[t.i].actor is not None and t.ent_type_ != "NORP" for t in words):
                continue
            members = self._kind_members(words, lemma, kinds, longest)
            if not members:
                continue
            iso3 = self._state_of_kind(doc, candidates, tok, members)
            if iso3 is None:
                continue
            lo = words[0].i if words else tok.i
            out = [c for c in out if c.end <= lo or c.start > tok.i]
            out.append(_Candidate(lo, tok.i + 1, "state", iso3, actor=self.gaz.state_actor(iso3), method="state-kind"))
        return out

    @staticmethod
    def _kind_members(words: list[Any], head: str, kinds: dict[str, frozenset[str]], longest: int) -> frozenset[str]:
        """The states of every kind the describing words (and a kind noun, "the kingdom") name; none named, or a
        capitalised word of no kind: empty."""
        lower = [w.lower_ for w in words if w.text != "-"]
        found = [kinds[head]] if head in kinds else []
        i = 0
        while i < len(lower):
            for n in range(min(longest, len(lower) - i), 0, -1):
                phrase = " ".join(lower[i:i + n]).replace(" - ", "-")
                if phrase in kinds:
                    found.append(kinds[phrase])
                    i += n
                    break
            else:
                if words[i].text[:1].isupper():
                    return frozenset()
                i += 1
        return frozenset.intersection(*found) if found else frozenset()

    @staticmethod
    def _state_of_kind(doc: Any, candidates: list[_Candidate], tok: Any, members: frozenset[str]) -> str | None:
        before = [c for c in candidates if c.end <= tok.i and c.actor is not None
                  and c.actor.kind in {"state", "person"} and c.actor.country in members]
        # never the subject of a verb above the phrase ("Algeria praised the North African country's stance";
        # "Somalia cut ties, accusing Nairobi of meddling after the East African nation hosted ..."): that would be
        # "its", "it"
        above = set(tok.ancestors)
        kept = [c for c in before if _subject_verb(doc, c) not in above]
        if not kept and tok.dep_ == "nsubj" and tok.head.dep_ == "advcl" \
                and any(c.dep_ == "mark" for c in tok.head.children) and len({c.actor.country for c in before}) == 1:
            # ("Saudi Arabia led the push, weeks after the kingdom restored ties with Iran": the subject of a clause
            # of time under the verb, with no other such state named, is the one above)
            kept = before
        before = kept
        states = {c.actor.country for c in before}
        if len(states) <= 1:
            return next(iter(states), None)
        # one such state earlier in the same sentence is the one described ("Azerbaijan's ties with Israel, which
        # supplies the Caspian country"); two there: nothing
        same = {c.actor.country for c in before if c.start >= tok.sent.start}
        if same:
            return next(iter(same)) if len(same) == 1 else None
        by_sent: dict[int, set[str]] = {}
        for c in before:
            if _subject_verb(doc, c) is not None:
                by_sent.setdefault(doc[c.start].sent.start, set()).add(c.actor.country)
        if not by_sent:
            return None
        nearest = by_sent[max(by_sent)]
        return next(iter(nearest)) if len(nearest) == 1 else None

    @identity_rule("institution_in_article", reads="a generic institution ('the foreign ministry'); the institutions "
                   "the article names with their country (a military government named, junta_phrase, names its "
                   "junta too; 'the putschists', junta_word, is the junta)",
                   changes="adds a mention of the one such institution", vocab=("junta_phrase", "junta_word"))
    def _institutions_named_in_article(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Rule ``institution_in_article``: "the foreign ministry said" is the one foreign ministry the article
        names with its country before it ("Russia's foreign ministry", "the Russian Foreign Ministry"); "the junta" is
        the one state whose junta (or regime, or government) the article names ("Niger junta orders ...").  Two
        countries' ministries, or none: nothing (the ministry's country is not guessed from the clause it reports:
        "Israel struck Gaza, the health ministry said" is Gaza's ministry)."""
        covered = {i for c in candidates for i in range(c.start, c.end)}
        named: dict[str, dict[str, tuple[Actor, int]]] = {}  # phrase -> actor id -> (actor, first token named at)

        def name(phrase: str, actor: Actor, at: int) -> None:
            first = named.setdefault(phrase, {}).get(actor.id)
            named[phrase][actor.id] = (actor, min(at, first[1]) if first else at)

        for c in candidates:
            if c.actor is None or c.actor.kind == "person" or c.end - c.start < 2:
                continue
            words = [fold(t.text) for t in doc[c.start:c.end] if t.tag_ != "POS"]
            for n in (2, 1):
                phrase = " ".join(words[-n:])
                if phrase in self.gaz.agents and self.gaz.agents[phrase] == c.actor.sector:
                    name(phrase, c.actor, c.start)
            if " ".join(words[-2:]) in identity_cues()["junta_phrase"]:
                # "Mali's military government ... the junta said": a junta is a military government by another name
                name("junta", c.actor, c.start)
        headline_end = _first_sentence_end(doc)
        for c in candidates:
            # "the Niger junta", "Niger's junta" where the mention is the state alone: "the junta" is that state's
            if c.actor is None or c.actor.kind != "state" or not c.actor.country:
                continue
            k = c.end + (1 if c.end < len(doc) and doc[c.end].tag_ == "POS" else 0)
            if k >= len(doc) or k in covered or doc[k].pos_ != "NOUN" or (
                    k + 1 < len(doc) and doc[k + 1].pos_ in {"NOUN", "PROPN"} and k >= headline_end):
                continue  # "the Niger junta leader": the noun is another's modifier (a headline's parse is loose:
                # "Niger junta orders envoy out" reads "orders" as a noun)
            word = fold(doc[k].text)
            if self.gaz.agents.get(word) == "GOV":
                name(word, self.gaz.state_actor(c.actor.country, "GOV"), c.start)
        if not named:
            return []

        def sentence_states(tok: Any) -> set[str]:
            """The states of the people named as a subject in ``tok``'s sentence (a state's own name there may be
            the other side: "..., the foreign ministry said, urging Lithuania to ..."; so may a person acted on: "the
            foreign ministry summoned Russia's ambassador, Oleg Vasnetsov" is not Russia's ministry)."""
            sent = tok.sent
            return {c.actor.country for c in candidates if c.actor is not None and c.actor.country
                    and c.actor.kind == "person" and sent.start <= c.start < sent.end and _named_as_subject(doc, c)}

        out = []
        for tok in doc:
            if tok.lower_ != "the" or tok.i + 1 >= len(doc) or tok.i + 1 in covered:
                continue
            for n in (2, 1):
                span = doc[tok.i + 1:tok.i + 1 + n]
                if len(span) < n or any(t.i in covered or t.pos_ not in {"NOUN", "PROPN", "ADJ"} for t in span):
                    continue
                nxt = doc[span.end] if span.end < len(doc) else None
                if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and nxt.dep_ != "oprd":
                    continue  # "the ministry building": another noun's modifier (not "called the junta illegitimate",
                    # the predicate read as a noun the junta modifies)
                # named before it, or after it when its own sentence names a person of that state: "Kurt Campbell led
                # the delegation" before "the U.S. delegation"; but "The Chinese government expresses ..., the foreign
                # ministry said" before "Lithuania's foreign ministry" is not Lithuania's
                phrase = fold(span.text)
                phrase = "junta" if phrase in identity_cues()["junta_word"] else phrase  # "the putschists"
                owners = [a for a, at in named.get(phrase, {}).values()
                          if at < tok.i or a.country in sentence_states(tok)]
                if len(owners) == 1 and len(named[phrase]) == 1:
                    out.append(_Candidate(span.start, span.end, "org", phrase,
                                          actor=owners[0], method="institution-in-article"))
                    break
        return out

    @identity_rule("role_in_article", reads="a generic office ('the Finnish president'); the holders of that office "
                   "the article names", changes="the office's actor -> the one holder named (the office and "
                   "country when two are)")
    def _link_roles_to_named_holders(self, candidates: list[_Candidate], on: dt.date | None) -> None:
        """Rule ``role_in_article``: a generic office ("the Finnish president", "the French ambassador") is the
        holder the same article names ("President of Finland Sauli Niinisto", "Sauli Niinisto" when the
        gazetteer knows him for that office), not whoever the gazetteer lists for a date.  Two named holders
        of one office (two ambassadors) leave the phrase at the office and country."""
        holders: dict[tuple[str | None, str], set[str]] = {}
        actors: dict[str, Actor] = {}
        for c in candidates:
            actor = c.actor
            if actor is None or actor.kind != "person" or actor.former:
                continue
            keys: set[tuple[str, str]] = set()
            titled = self._doc.titled.get(c.start)
            if titled is not None and not titled[2]:
                country, title, _ = titled
                roles, institution = self._doc.titled_offices.get(c.start, (TITLES.get(title, ()), False))
                # a title shared by several institutions' offices holds only the office its phrase names
                keys |= ({(country, title)} if not institution else set()) | {(country, r) for r in roles}
            written = self._doc.written_titles.get(c.start)
            if written is not None:
                # "Secretary of State Antony Blinken ... The Secretary", "Foreign Minister X ... the minister": the
                # head word of the title the article gives its holder names him too
                keys.add((titled[0] if titled is not None else None, _title_head(written)))
            for period in self.gaz.people.get(actor.name, ()):
                if on is None or period.active(on):
                    keys.add((period.country, period.role))
            for key in keys:
                holders.setdefault(key, set()).add(actor.id)
                holders.setdefault((None, key[1]), set()).add(actor.id)  # for a title named with no country
            actors[actor.id] = actor
        for c in candidates:
            if c.kind != "role":
                continue
            roles = TITLES.get(c.key, ())
            found: set[str] = set()
            if c.institution:
                # "the Kremlin spokesman": only a holder of that very office (none known: the office stays)
                keys = [(c.country, r) for r in c.offices or ()]
            else:
                keys = [(c.country, c.key), *((c.country, r) for r in roles)]
            if not c.institution and any(r in _UNIT_OFFICES for r in roles):
                # "the spokesman" names no institution: the one holder of any of its offices the article names
                found = set().union(*(holders.get(k, set()) for k in keys))
                keys = []
            for key in keys:
                if holders.get(key):
                    found = holders[key]
                    break
            if len(found) == 1:
                c.actor, c.method = actors[next(iter(found))], "role-in-article"


# -- helpers ---------------------------------------------------------------
def _title_head(title: str) -> str:
    """The head word of an office title: "secretary of state" -> "secretary", "foreign minister" -> "minister"."""
    return title.split(" of ")[0].split()[-1]


def _names_a_document(doc: Any, c: "_Candidate") -> bool:
    """Rule ``city_names_a_document``: a capital or place right before a document noun names a treaty, a text or
    a format ("the Rome Statute", "the Minsk agreements", "the Paris Agreement"), not its state: Armenia
    ratifying the Rome Statute has nothing to do with Italy."""
    if c.kind not in {"seat", "place"} or c.end >= len(doc):
        return False
    nxt = doc[c.end]
    word = nxt.lower_
    return word in DOCUMENT_NOUNS or (word in CAPITALISED_DOCUMENT_NOUNS and nxt.text[:1].isupper())


def _possessor_state(doc: Any, c: _Candidate, candidates: list[_Candidate], resolver: "ActorResolver") -> str | None:
    if c.start < 2 or doc[c.start - 1].tag_ != "POS":
        return None
    for o in candidates:
        if o.end == c.start - 1 and o.kind in {"state", "adjective"}:
            return resolver._country_of(o)
    return None


def _subject_verb(doc: Any, c: _Candidate) -> Any:
    """The verb whose subject mention ``c`` is (itself, or the possessor, modifier or apposition of the subject:
    "Algeria's president said"), or None."""
    head = doc[c.start:c.end].root
    while head.dep_ in {"poss", "compound", "amod", "appos"} and head.head.pos_ in {"NOUN", "PROPN"} \
            and head.head != head:
        head = head.head
    return head.head if head.dep_ in {"nsubj", "nsubjpass"} else None


def _phrase_head(doc: Any, offset: int) -> Any:
    """The head noun of a short actor phrase ("Several of the largest trade unions in Denmark" -> unions)."""
    tokens = [t for t in doc if t.idx >= offset]
    if not tokens:
        return None
    roots = [t for t in tokens if t.head == t or t.head.idx < offset]
    head = roots[0] if roots else tokens[-1]
    if head.lower_ in {"several", "some", "many", "one", "two", "group", "team", "number", "dozens", "hundreds"}:
        for t in head.subtree:
            if t.dep_ == "pobj" and t.head.lower_ == "of":
                return t
    return head


def _org_word(word: str) -> str:
    """"Organisation" and "organization" are one word."""
    return word.replace("isation", "ization")


def _is_handle(doc: Any, c: _Candidate) -> bool:
    """Rule ``no_handle``: a social-media handle ("@SogavarePM") names an account, not an actor."""
    first = doc[c.start]
    return first.text.startswith("@") or (c.start > 0 and doc[c.start - 1].text.endswith("@")
                                           and not doc[c.start - 1].whitespace_)


def _case_sensitive(surface: str) -> bool:
    letters = [ch for ch in surface if ch.isalpha()]
    return bool(letters) and len(surface) <= 5 and all(ch.isupper() for ch in letters)


def _strip_accents(text: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _sentence_index(parsed: Parsed) -> dict[int, int]:
    out = {}
    for idx, (start, end) in enumerate(parsed.spans):
        for i in range(start, end):
            out[i] = idx
    return out



def _longest_spans(matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    chosen: list[tuple[int, int, int]] = []
    taken: set[int] = set()
    for m in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
        if not any(i in taken for i in range(m[1], m[2])):
            chosen.append(m)
            taken.update(range(m[1], m[2]))
    return sorted(chosen, key=lambda m: m[1])


def _state_told_with(doc: Any, words: list[str], before: int, by_end: dict[int, _Candidate]) -> _Candidate | None:
    """The state or state adjective named right before (or as the possessor of) the last occurrence of ``words``
    (lower case) that ends by token ``before``: "Lithuania's foreign ministry", "The German government"."""
    found = None
    for j in range(1, before - len(words) + 1):
        if [t.lower_ for t in doc[j:j + len(words)]] != words:
            continue
        c = by_end.get(j) or (by_end.get(j - 1) if doc[j - 1].tag_ == "POS" else None)
        if c is not None and c.kind in {"adjective", "state"}:
            found = c
    return found


def _longest_first(candidates: list[_Candidate],
                   same_person: Callable[[_Candidate, _Candidate], bool] | None = None) -> list[_Candidate]:
    """Keep non-overlapping candidates; resolved role phrases and longer spans win.  Two overlapping names of one
    person (``same_person``: "[President Xi] Jinping" and "President [Xi Jinping]", both gazetteer surfaces) are one
    mention over both: the name would otherwise lose its last word, which the parse hangs the clause on."""
    chosen: list[_Candidate] = []
    taken: dict[int, _Candidate] = {}
    priority = {"role": 0, "loaded": 1, "person": 2, "org": 3}
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), priority.get(c.kind, 5), c.start)):
        held = {id(taken[i]): taken[i] for i in range(c.start, c.end) if i in taken}
        if not held:
            chosen.append(c)
            taken.update((i, c) for i in range(c.start, c.end))
        elif same_person is not None and len(held) == 1 \
                and (k := next(iter(held.values()))).kind == c.kind == "person" and same_person(k, c):
            k.start, k.end = min(k.start, c.start), max(k.end, c.end)
            taken.update((i, k) for i in range(k.start, k.end))
    return chosen


def _agent_head(doc: Any, c: _Candidate) -> Any:
    """The noun an adjective/state mention modifies ("Russian [officials]", "Israel's [ministry]")."""
    last = doc[c.end - 1]
    while last.dep_ == "conj" and last.head.i < last.i:  # "Hungarian and [Romanian] officials"
        last = last.head
    head = last.head
    if last.dep_ in {"amod", "compound", "poss", "nmod"} and head.i >= c.end:
        # climb compounds: "foreign ministry", "defence ministry"
        while head.dep_ == "compound" and head.head.i > head.i:
            head = head.head
        return head
    return None


def _agent_sector(doc: Any, c: _Candidate, gaz: Gazetteer) -> str | None:
    head = _agent_head(doc, c)
    if head is None:
        return None
    words = [t.lower_ for t in doc[c.end:head.i] if t.tag_ != "POS"]
    return phrase_sector(words, head.lower_, head.lemma_.lower(), gaz)


# Modifiers of an agent noun that belong to its phrase ("national intelligence agency [officer]").
MODIFIER_DEPS = {"compound", "amod", "nmod"}


def _modifiers(head: Any) -> list[Any]:
    """The run of compound / adjective modifiers right before ``head``, nested ones included."""
    out: list[Any] = []
    i = head.i - 1
    doc = head.doc
    while i >= 0 and doc[i].dep_ in MODIFIER_DEPS and head.left_edge.i <= i:
        out.insert(0, doc[i])
        i -= 1
    return out


def phrase_sector(modifiers: list[str], head: str, lemma: str, gaz: Gazetteer) -> str | None:
    """The sector of an agent noun phrase: its modifiers (lower case, in order) and its head noun.

    Rule ``agent_phrase``: the longest run of modifiers ending in the head (as written, or its lemma:
    "taxi drivers" is "taxi driver") that ``agents.tsv`` lists decides.  Rule ``sector_modifier``: when the head
    is a generic person or group noun (``agent_heads.tsv``: "officer", "leader", "group"), a modifier before that
    run which names a sector of its own decides instead, the nearest first ("intelligence service officer" SPY,
    not the officer's MIL; "Catholic community leader" REL; "indigenous spokesman" CVL; "gang networks" CRM).
    """
    agents = gaz.agents
    found, used = None, 0
    for n in range(min(3, len(modifiers)), -1, -1):
        lead = modifiers[len(modifiers) - n:]
        for word in dict.fromkeys((head, lemma)):
            phrase = " ".join([*lead, word])
            if phrase in agents:
                found, used = agents[phrase], n
                break
        if found is not None:
            break
    if lemma in gaz.generic_heads or head in gaz.generic_heads:
        rest = modifiers[:len(modifiers) - used]
        for end in range(len(rest), 0, -1):
            for n in range(min(3, end), 0, -1):
                phrase = " ".join(rest[end - n:end])
                if phrase in agents and phrase not in {"a", "the"} and agents[phrase] != found:
                    return agents[phrase]
    return found


def _sector_for_words(words: list[str], gaz: Gazetteer) -> str | None:
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            phrase = " ".join(words[i:i + n])
            if phrase in gaz.agents and phrase not in {"a", "the"}:
                return gaz.agents[phrase]
    return None


INSTITUTION_WORDS = {"court", "council", "ministry", "assembly", "parliament", "party", "army", "force", "forces",
                     "bank", "agency", "commission", "committee", "centre", "center", "office", "union", "front",
                     "state", "government", "house", "department", "service", "guard", "police", "board"}


def _looks_like_person(span: Any) -> bool:
    """spaCy's small model tags some people as ORG ("Vasily Nebenzya"): two or three capitalised PROPNs,
    none of them an institution word ("Supreme Court" is no person)."""
    return 2 <= len(span) <= 3 and all(
        t.pos_ == "PROPN" and t.text[:1].isupper() and t.text.isalpha() and t.lower_ not in INSTITUTION_WORDS for t in span
    )


def resolve_actors(batch: list[Parsed], *, resolver: ActorResolver) -> list[tuple[Mention, ...]]:
    """The actors stage over a batch of parsed documents."""
    return [resolver.resolve(parsed) for parsed in batch]


def period_label(period: RolePeriod) -> str:
    return f"{period.title} ({period.country})"


def _lone_surnames(doc: Any, candidates: list[_Candidate], honorifics: frozenset[str]) -> list[_Candidate]:
    """Rule ``same_person`` where the parser's entity tagger missed the later surname ("Foreign Minister Ramtane
    Lamamra said ... Lamamra also accused Morocco": the tagger gave the lone "Lamamra" no entity): a capitalised
    proper noun standing alone (no proper noun beside it but an honorific) that no candidate covers, and that is
    the surname of exactly one person named in full before it, is that person."""
    named: list[tuple[int, str, Actor]] = []  # (end of the full name, folded surname, actor)
    for c in candidates:
        tokens = [t for t in doc[c.start:c.end] if t.lower_ not in honorifics]
        if c.actor is not None and c.actor.kind == "person" and len(tokens) >= 2:
            named.append((c.end, fold(tokens[-1].text), c.actor))
    if not named:
        return []
    covered = {i for c in candidates for i in range(c.start, c.end)}
    out = []
    for tok in doc:
        if tok.i in covered or tok.pos_ != "PROPN" or not tok.is_title or len(tok) < 3:
            continue
        before = doc[tok.i - 1] if tok.i > 0 else None
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if (before is not None and before.pos_ == "PROPN" and before.lower_.rstrip(".") not in honorifics) \
                or (after is not None and after.pos_ == "PROPN"):
            continue
        key = fold(tok.text)
        ids = {a.id: a for end, surname, a in named if end <= tok.i and surname == key}
        if len(ids) == 1:
            out.append(_Candidate(tok.i, tok.i + 1, "person-unknown", key, actor=next(iter(ids.values())),
                                  method="surname"))
    return out


def _state_of_its_adjective(noun: Any, words: list[Any], by_start: dict[int, _Candidate]) -> _Candidate | None:
    """The one state adjective (a resolved state, no sector) of a state noun ("the Moroccan kingdom", "the Iranian
    nation"): its only capitalised describing words, the noun not a modifier itself ("the Russian state media"), or
    None (rule ``state_by_its_kind``)."""
    if noun.dep_ in {"compound", "amod", "nmod"} or (noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == "-"):
        return None
    adjectives = {by_start[w.i].start: by_start[w.i] for w in words if w.i in by_start}
    if len(adjectives) != 1:
        return None
    c = next(iter(adjectives.values()))
    if c.kind != "adjective" or c.actor is None or c.actor.kind != "state" or c.actor.sector or not c.actor.country:
        return None
    if any(w.text[:1].isupper() and not c.start <= w.i < c.end for w in words):
        return None
    return c


def _first_sentence_end(doc: Any) -> int:
    """The token index where the document's first sentence (an article's headline) ends; 0 when the parse has no
    sentence boundaries."""
    try:
        return next(iter(doc.sents)).end
    except (ValueError, StopIteration):
        return 0


def roles_at_the_act(events: tuple[Event, ...], gaz: Gazetteer, published: dt.date | None) -> tuple[Event, ...]:
    """``events`` with each source or target that is a former office-holder at the news re-read at the act's own
    date, when the text dates the act before the news: "In 2022, President Joe Biden designated Qatar a major ally"
    is an act of the United States (Biden stood for no state at a later publication date). Only a stated date of
    the act, to the year or finer; an undated act keeps the roles of the news."""
    out = []
    for e in events:
        day = _day_before_the_news(e.date, published)
        if day is None:
            out.append(e)
            continue
        source = tuple(_person_then(m, gaz, day) for m in e.source)
        target = tuple(_person_then(m, gaz, day) for m in e.target)
        out.append(e if (source, target) == (e.source, e.target) else replace(e, source=source, target=target))
    return tuple(out)


def _day_before_the_news(date: EventDate, published: dt.date | None) -> dt.date | None:
    """The day a stated date (or a background one with a day) puts before the news, else None."""
    day = date.date
    if day is None or published is None or day >= published or date.basis not in (DateBasis.STATED,
                                                                                   DateBasis.BACKGROUND):
        return None
    return day


def _person_then(m: Mention, gaz: Gazetteer, day: dt.date) -> Mention:
    """``m`` with the role its person held on ``day``, when at the news the person was a former office-holder."""
    actor = m.actor
    if actor is None or actor.kind != "person" or not actor.former or actor.name not in gaz.people:
        return m
    then = gaz.person_actor(gaz.period_for(actor.name, day), day)
    return replace(m, actor=then) if then.node else m

