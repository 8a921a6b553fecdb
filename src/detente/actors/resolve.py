"""Actor recognition and resolution.

Consumes ``Parsed`` documents (spaCy ``Doc`` + sentences) and the
``Gazetteer``; produces ``Mention`` records, each with its resolved
``Actor`` or none.  Order of evidence, strongest first:

1. gazetteer phrases (states, capitals and seats of power as metonyms,
   organisations, loaded names, known people), longest match wins;
2. role phrases ("the Russian President", "Israel's ambassador") resolved
   to the holder of the role on the document's date;
3. spaCy entities the gazetteer does not cover, re-typed, with affiliations
   learned from appositions ("X, a spokesman for the Israeli foreign
   ministry") and later mentions by surname resolved within the document.

Unknown stays unknown: an unresolved mention keeps its text and no actor.
Pronouns are resolved by the events stage, which knows the clause roles.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

from ..model import Actor, Mention
from ..nlp import Parsed
from .gazetteer import Gazetteer, RolePeriod, fold

# Role words -> role keys tried in order in people.tsv.
TITLES: dict[str, tuple[str, ...]] = {
    "president": ("head_of_state", "head_of_government"),
    "prime minister": ("head_of_government",),
    "premier": ("head_of_government",),
    "chancellor": ("head_of_government",),
    "supreme leader": ("supreme_leader",),
    "king": ("head_of_state",),
    "emir": ("head_of_state",),
    "foreign minister": ("foreign_minister",),
    "minister of foreign affairs": ("foreign_minister",),
    "foreign affairs minister": ("foreign_minister",),
    "foreign secretary": ("foreign_minister",),
    "secretary of state": ("foreign_minister",),
    "defence minister": ("defence_minister",),
    "defense minister": ("defence_minister",),
    "minister of defence": ("defence_minister",),
    "minister of defense": ("defence_minister",),
    "defence secretary": ("defence_minister",),
    "defense secretary": ("defence_minister",),
    "deputy foreign minister": ("deputy_foreign_minister",),
    "ambassador to the un": ("un_ambassador",),
    "ambassador to the united nations": ("un_ambassador",),
    "un ambassador": ("un_ambassador",),
    "envoy to the un": ("un_ambassador",),
    "ambassador": ("ambassador", "un_ambassador"),
    "special envoy": ("special_envoy",),
    "envoy": ("special_envoy", "ambassador"),
    "first lady": ("first_lady",),
    "spokesman": ("spokesperson_foreign_ministry", "spokesperson_government"),
    "spokeswoman": ("spokesperson_foreign_ministry", "spokesperson_government"),
    "spokesperson": ("spokesperson_foreign_ministry", "spokesperson_government"),
}
# Words in an organisation's name that make it its own actor, never the state
# whose name it contains ("Carnegie Russia Eurasia Centre").
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


class ActorResolver:
    """Finds and resolves actor mentions; build once per (nlp, gazetteer) and reuse."""

    def __init__(self, nlp: Any, gazetteer: Gazetteer) -> None:
        from spacy.matcher import PhraseMatcher

        self.gaz = gazetteer
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
        title_doc_texts = sorted(TITLES, key=len, reverse=True)
        self.titles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.titles.add("TITLE", list(nlp.tokenizer.pipe(title_doc_texts)))

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
    def resolve(self, parsed: Parsed) -> tuple[Mention, ...]:
        """Return the actor mentions of a parsed document, in text order."""
        doc = parsed.doc
        on = parsed.document.published
        sent_of = _sentence_index(parsed)
        self._titled: dict[int, tuple[str, str, bool]] = {}
        candidates = self._gazetteer_candidates(doc)
        candidates = self._drop_inside_own_names(doc, candidates)
        candidates = self._add_roles(doc, candidates, on)
        candidates = self._add_entities(doc, candidates)
        candidates = _longest_first(candidates)
        self._resolve_candidates(doc, candidates, on)
        candidates = self._drop_covered(candidates)
        self._learn_from_appositions(doc, candidates, on)
        self._resolve_surnames(doc, candidates)
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
        words = [t.lower_ for t in head.lefts if t.dep_ in {"compound", "amod"}] + [head.lower_]
        for n in range(min(3, len(words)), 0, -1):
            phrase = " ".join(words[-n:])
            if phrase in self.gaz.agents:
                return self.gaz.agents[phrase]
        return self.gaz.agents.get(head.lemma_.lower())

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
                out.append(_Candidate(start, end, label, fold(span.text)))
        return out

    def _drop_inside_own_names(self, doc: Any, candidates: list[_Candidate]) -> list[_Candidate]:
        """Drop state matches inside an organisation's own name, and add that name instead."""
        keep = []
        ent_of = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}  # built once per document
        for c in candidates:
            ent = ent_of.get(c.start)
            if (
                ent is not None
                and ent.label_ in {"ORG", "FAC", "WORK_OF_ART"}
                and (ent.start < c.start or ent.end > c.end)
                and c.kind in {"state", "adjective", "seat"}
                and any(t.lower_ in OWN_NAME_WORDS for t in ent)
            ):
                continue
            keep.append(c)
        return keep

    def _add_roles(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> list[_Candidate]:
        """Role phrases: "[the] <Country-adj> <title> [Name]", "<Country>'s <title> [Name]"."""
        out = list(candidates)
        by_end = {c.end: c for c in candidates if c.kind in {"adjective", "state", "loaded", "seat", "org"}}
        for _, start, end in _longest_spans(self.titles(doc)):
            title = " ".join(t.lower_ for t in doc[start:end])
            country_c = by_end.get(start)
            if country_c is None and start >= 2 and doc[start - 1].tag_ == "POS":
                country_c = by_end.get(start - 1)
            # "... minister of Iran"
            if country_c is None and end + 1 < len(doc) and doc[end].lower_ == "of":
                country_c = next((c for c in candidates if c.start == end + 1), None)
            former = start > 0 and doc[start - 1].lower_ in FORMER_WORDS
            if country_c is not None and country_c.start < start and start > 0 and doc[country_c.start - 1].lower_ in FORMER_WORDS:
                former = True
            name_end = end
            while name_end < len(doc) and doc[name_end].pos_ == "PROPN" and doc[name_end].ent_type_ in {"PERSON", "ORG", ""}:
                name_end += 1
            has_name = name_end > end
            span_start = country_c.start if country_c is not None and country_c.start < start else start
            country = self._country_of(country_c)
            if has_name:
                # "Gambian President Dawda Jawara": a name the gazetteer does not know takes the title's
                # country and office (used in _resolve_entity when nothing better is known).
                if country is not None:
                    self._titled[end] = (country, title, former)
                continue
            if country is None:
                continue
            actor = self._role_actor(country, title, on, former)
            out.append(_Candidate(span_start, end, "role", title, actor=actor, method="role"))
        return out

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

    def _role_actor(self, country: str, title: str, on: dt.date | None, former: bool) -> Actor:
        if not former:
            for role in TITLES.get(title, ()):
                period = self.gaz.holder(country, role, on)
                if period is not None:
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
        for ent in doc.ents:
            if ent.label_ not in _SENT_ENT_LABELS:
                continue
            start = ent.start + (1 if ent[0].lower_ == "the" else 0)
            if start >= ent.end:
                continue
            overlap = [i for i in range(start, ent.end) if i in covered]
            # "Abbas Gallyamov" is not Mahmoud Abbas: a longer PERSON name beats a one-word alias inside it.
            if overlap and not (ent.label_ == "PERSON" and set(overlap) <= one_token_people and len(ent) > len(overlap)):
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
                    c.actor = self.gaz.person_actor(self.gaz.period_for(names[0], on), on)
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
        if c.key == "PERSON" or (c.key == "ORG" and _looks_like_person(span)) or (c.start in self._titled and c.key != "GPE"):
            c.kind, c.key = "person-unknown", key
            titled = self._titled.get(c.start)
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
                     role=None if former else title, former=former)

    def _learn_from_appositions(self, doc: Any, candidates: list[_Candidate], on: dt.date | None) -> None:
        """"Abbas Gallyamov, a former speechwriter for Putin": give the person an affiliation."""
        by_token = {i: c for c in candidates for i in range(c.start, c.end)}
        for c in candidates:
            if c.kind not in {"person-unknown", "person"} or (c.actor is not None and c.kind == "person"):
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

    def _affiliation(self, doc: Any, lo: int, hi: int, by_token: dict[int, _Candidate],
                     person: _Candidate, on: dt.date | None) -> Actor | None:
        words = [t.lower_ for t in doc[lo:hi]]
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

    def _resolve_surnames(self, doc: Any, candidates: list[_Candidate]) -> None:
        """Later "Gallyamov" or "Mr Gallyamov" takes the actor of the earlier full name."""
        known: dict[str, Actor] = {}
        for c in sorted(candidates, key=lambda c: c.start):
            span = doc[c.start:c.end]
            tokens = [t for t in span if t.lower_ not in {"mr", "mr.", "mrs", "ms", "dr", "dr."}]
            if c.actor is not None and c.actor.kind == "person" and len(tokens) >= 2:
                known.setdefault(fold(tokens[-1].text), c.actor)
            elif c.actor is None and tokens and c.kind in {"person-unknown", "ent"}:
                actor = known.get(fold(tokens[-1].text))
                if actor is not None:
                    c.actor, c.method = actor, "surname"


# -- helpers ---------------------------------------------------------------
def _possessor_state(doc: Any, c: _Candidate, candidates: list[_Candidate], resolver: "ActorResolver") -> str | None:
    if c.start < 2 or doc[c.start - 1].tag_ != "POS":
        return None
    for o in candidates:
        if o.end == c.start - 1 and o.kind in {"state", "adjective"}:
            return resolver._country_of(o)
    return None


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


def _longest_first(candidates: list[_Candidate]) -> list[_Candidate]:
    """Keep non-overlapping candidates; resolved role phrases and longer spans win."""
    chosen: list[_Candidate] = []
    taken: set[int] = set()
    priority = {"role": 0, "loaded": 1, "person": 2, "org": 3}
    for c in sorted(candidates, key=lambda c: (-(c.end - c.start), priority.get(c.kind, 5), c.start)):
        if not any(i in taken for i in range(c.start, c.end)):
            chosen.append(c)
            taken.update(range(c.start, c.end))
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
    phrase = " ".join(t.lower_ for t in doc[c.end:head.i + 1] if t.tag_ != "POS")
    for candidate in (phrase, head.lemma_.lower(), head.lower_):
        if candidate in gaz.agents:
            return gaz.agents[candidate]
    return None


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
