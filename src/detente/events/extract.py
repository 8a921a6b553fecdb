"""Event extraction and coding from the dependency parse.

Consumes a ``Parsed`` document and its ``Mention`` records; produces
``Event`` records coded in PLOVER 2.0 and CAMEO, each with its modality
(negated, hedged, intent, background), its speaker (``said_by``) and date,
and ``RelationClaim`` records for sentences that state a relation.

Triggers are verbs (and a few nouns) found in the lexicon; the most
specific lexicon pattern (particle, preposition, object noun) wins.
Arguments come from the parse: subjects (climbing through xcomp, conj,
relative and participial clauses), objects and governed prepositional
objects; passives swap them.  Pronouns "he"/"she" resolve to the last named
person, "they" to the previous clause's subjects, "the group"/"the country"
to the last organisation/state.  Leaves out: coreference beyond those rules,
events with no actor on either side.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..ingest.dates import resolve_relative
from ..model import DateBasis, Event, EventDate, Mention
from ..nlp import Parsed
from .attribution import SPEECH_LEMMAS, Speakers
from .lexicon import Coding, Lexicon, VerbPattern
from .modality import Modality, read_modality

SUBJ_DEPS = {"nsubj", "csubj"}
OBJ_DEPS = {"dobj", "dative", "obj"}
# Prepositions that introduce the target of an event when the lexicon names none.
TARGET_PREPS = ("on", "against", "with", "to", "toward", "towards", "at", "for", "into", "over")
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "acl", "relcl", "ccomp"}
CONSULT_RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE"}
# Background events with no anchor are placed this many days before the document.
BACKGROUND_DAYS = 365
# Well-known turning points that "before the ..." phrases anchor to (dates are facts).
ANCHORS: dict[str, dt.date] = {
    "war in ukraine": dt.date(2022, 2, 24),
    "invasion of ukraine": dt.date(2022, 2, 24),
    "ukraine crisis": dt.date(2022, 2, 24),
    "ukrainian crisis": dt.date(2022, 2, 24),
    "october 7": dt.date(2023, 10, 7),
    "oct. 7": dt.date(2023, 10, 7),
    "7 october": dt.date(2023, 10, 7),
}
INTENT_COOPERATIVE_CAMEO = "030"
INTENT_CONFLICT_CAMEO = "138"


@dataclass(frozen=True, slots=True)
class _Trigger:
    tok: Any
    pattern_cameo: str
    target_prep: str | None
    nominal: bool = False


class EventCoder:
    """Codes events in parsed documents; build once with the lexicon and reuse."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def code(self, parsed: Parsed, mentions: tuple[Mention, ...]) -> tuple[Event, ...]:
        """All events of a document, per sentence most salient first."""
        speakers = Speakers(parsed, mentions)
        doc = parsed.doc
        out: list[Event] = []
        state = _Context()
        for idx, (start, end) in enumerate(parsed.spans):
            sent = doc[start:end]
            sentence = parsed.sentences[idx]
            found: list[tuple[int, int, Event]] = []
            for trig in self._triggers(sent):
                event = self._build(parsed, sentence, sent, trig, speakers, state)
                if event is not None:
                    depth = _depth(trig.tok)
                    found.append((depth, trig.tok.i, event))
            found.sort(key=lambda f: (f[0], f[1]))
            out.extend(_dedupe(e for _, _, e in found))
            state.remember(sent, speakers)
        return tuple(out)

    # -- triggers ------------------------------------------------------------
    def _triggers(self, sent: Any) -> list[_Trigger]:
        out = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ in {"VERB"} and lemma in self.lex.verbs:
                pattern = self._best_pattern(tok, self.lex.verbs[lemma])
                if pattern is not None:
                    out.append(_Trigger(tok, pattern.cameo, pattern.prep or pattern.particle))
            elif tok.pos_ == "NOUN" and lemma in self.lex.nouns:
                out.append(_Trigger(tok, self.lex.nouns[lemma], None, nominal=True))
        return out

    def _best_pattern(self, tok: Any, patterns: tuple[VerbPattern, ...]) -> VerbPattern | None:
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "agent", "dative"}}
        objects = set()
        for c in tok.children:
            if c.dep_ in OBJ_DEPS | {"nsubjpass"}:
                objects.add(c.lemma_.lower())
            if c.dep_ == "prep":
                objects.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        # "call on X": spaCy parses "on" as prep or prt; accept either.
        best = None
        for p in patterns:
            if p.particle and p.particle not in particles and p.particle not in preps:
                continue
            if p.prep and p.prep not in preps and p.prep not in particles:
                continue
            if p.obj and p.obj not in objects:
                continue
            best = p
            break  # patterns are sorted most specific first
        return best

    # -- arguments -----------------------------------------------------------
    def _build(self, parsed: Parsed, sentence: Any, sent: Any, trig: _Trigger, speakers: Speakers,
               state: "_Context") -> Event | None:
        coding = self.lex.coding(trig.pattern_cameo)
        if coding is None or coding.type is None:
            return None
        tok = trig.tok
        if trig.nominal:
            source, target = self._nominal_args(tok, speakers)
        else:
            source, target = self._verbal_args(tok, trig, speakers, state, sent)
        source = tuple(m for m in source if m.actor is not None or m.method != "unresolved" or _named(m))
        target = tuple(m for m in target if m not in source)
        if not any(m.actor for m in source) and not any(m.actor for m in target):
            return None
        if not source:
            return None
        if not target and not (len(source) >= 2 and coding.type in CONSULT_RECIPROCAL):
            if trig.nominal:
                return None
        modality = read_modality(tok, sent, self.lex)
        coding = self._apply_intent(coding, modality)
        said_by = self.speaker(tok, speakers)
        if said_by is not None and said_by in source and tok.lemma_.lower() in SPEECH_LEMMAS:
            said_by = None
        date = self.date_for(parsed, sentence, modality)
        return Event(
            doc_id=parsed.document.id,
            sent_idx=sentence.idx,
            trigger=tok.text,
            trigger_start=tok.idx,
            type=coding.type or "",
            cameo=coding.cameo,
            score=coding.score,
            source=source,
            target=target,
            mode=coding.mode,
            context=coding.context,
            said_by=said_by,
            outlet=parsed.document.outlet,
            hedged=modality.hedged,
            negated=modality.negated,
            intent=modality.intent,
            date=date,
            evidence_text=sentence.text,
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            salience=1.0 / (1 + _depth(tok)),
        )

    def _apply_intent(self, coding: Coding, modality: Modality) -> Coding:
        """An intention, promise or threat is coded as such (AGREE / THREATEN), not as the act."""
        if not modality.intent or coding.cameo[:2] in {"03", "13"}:
            return coding
        target = INTENT_CONFLICT_CAMEO if coding.score < 0 else INTENT_COOPERATIVE_CAMEO
        return self.lex.coding(target) or coding

    def speaker(self, tok: Any, speakers: Speakers) -> Mention | None:
        k = speakers.quote_at(tok.idx)
        if k is not None:
            return speakers.speaker_of_quote(k)
        return speakers.speaker_of_clause(tok)

    def date_for(self, parsed: Parsed, sentence: Any, modality: Modality) -> EventDate:
        published = parsed.document.published
        if modality.background:
            cue = (modality.background_cue or "").lower()
            low = sentence.text.lower()
            for phrase, anchor in ANCHORS.items():
                if phrase in low and ("before" in low or "until" in low):
                    return EventDate(anchor - dt.timedelta(days=30), DateBasis.BACKGROUND, "month", cue)
            if published:
                return EventDate(published - dt.timedelta(days=BACKGROUND_DAYS), DateBasis.BACKGROUND, "year", cue)
            return EventDate(None, DateBasis.BACKGROUND, "year", cue)
        stated = resolve_relative(sentence.text, published)
        if stated is not None:
            return stated
        if published is None:
            return EventDate(None, DateBasis.UNKNOWN)
        basis = DateBasis.INFERRED if parsed.document.date_basis == DateBasis.INFERRED else DateBasis.PUBLISHED
        return EventDate(published, basis, "day")

    def _verbal_args(self, tok: Any, trig: _Trigger, speakers: Speakers, state: "_Context",
                     sent: Any) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        subjects = self._subjects(tok, speakers, state)
        objects: list[Mention] = []
        agent: list[Mention] = []
        for child in tok.children:
            if child.dep_ in OBJ_DEPS:
                objects.extend(_with_conj(child, speakers, deep=True))
            if child.dep_ == "agent":
                for p in child.children:
                    if p.dep_ == "pobj":
                        agent.extend(_with_conj(p, speakers))
        if not objects:
            objects = self._prep_objects(tok, trig.target_prep, speakers)
        if passive:
            host = self._passive_host(tok, speakers)
            return tuple(agent or host), tuple(subjects)
        return tuple(subjects), tuple(objects)

    def _passive_host(self, tok: Any, speakers: Speakers) -> list[Mention]:
        """"A delegation was welcomed in Moscow": the capital hosts (seat-of-power metonymy)."""
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"in", "at", "by"}:
                for p in child.children:
                    m = speakers.mention_at(p)
                    if m is not None and m.actor is not None and m.actor.kind == "state" and m.actor.sector == "GOV":
                        return [m]
        return []

    def _prep_objects(self, tok: Any, wanted: str | None, speakers: Speakers) -> list[Mention]:
        preps = [c for c in tok.children if c.dep_ in {"prep", "prt", "dative"}]
        order = [wanted] if wanted else []
        order += [p for p in TARGET_PREPS if p not in order]
        for name in order:
            for prep in preps:
                if prep.lower_ != name:
                    continue
                for p in prep.children:
                    if p.dep_ == "pobj":
                        found = _with_conj(p, speakers, deep=True)
                        found = [m for m in found if not _is_location(m, p, prep)]
                        if found:
                            return found
                # "call on Israel": spaCy may attach the object to the verb
                if prep.dep_ == "prt":
                    for c in tok.children:
                        if c.dep_ in OBJ_DEPS:
                            return _with_conj(c, speakers)
        return []

    def _subjects(self, tok: Any, speakers: Speakers, state: "_Context") -> list[Mention]:
        node = tok
        for _ in range(6):
            for child in node.children:
                if child.dep_ in SUBJ_DEPS or child.dep_ == "nsubjpass" and node is not tok:
                    found = self._resolve_subject(child, speakers, state)
                    if found:
                        return found
                    if child.lower_ not in {"who", "which", "that"}:
                        return []
            if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in {"VBG", "VBN"}):
                return _with_conj(node.head, speakers)
            if node.dep_ == "xcomp":
                # Object control: "called on Israel to cancel" -> Israel cancels.
                head = node.head
                objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
                if objs and head.lemma_.lower() not in {"promise"}:
                    return _with_conj(objs[0], speakers)
                for c in head.children:
                    if c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "upon"}:
                        for p in c.children:
                            if p.dep_ == "pobj":
                                return _with_conj(p, speakers)
            if node.dep_ not in CLIMB_DEPS and node.dep_ not in {"prep", "pobj"}:
                break
            if node.head is node:
                break
            node = node.head
        return []

    def _resolve_subject(self, child: Any, speakers: Speakers, state: "_Context") -> list[Mention]:
        low = child.lower_
        if low in {"they", "them"}:
            return list(state.last_subjects)
        if low in {"he", "she"}:
            m = speakers.resolve_pronoun(child)
            return [m] if m else []
        if low in {"it"}:
            return [state.last_non_person] if state.last_non_person else []
        if child.lemma_.lower() in {"group", "movement", "organisation", "organization"} and any(
            d.lower_ == "the" for d in child.children
        ):
            return [state.last_group] if state.last_group else []
        if child.lemma_.lower() == "country" and any(d.lower_ == "the" for d in child.children):
            return [state.last_state] if state.last_state else []
        return _with_conj(child, speakers, deep=True)

    def _nominal_args(self, tok: Any, speakers: Speakers) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
        """"the invitation of senior Hamas officials to Moscow", "Israel's bombing in Gaza"."""
        source: list[Mention] = []
        target: list[Mention] = []
        for child in tok.children:
            if child.dep_ in {"poss", "compound", "amod"}:
                m = speakers.mention_at(child)
                if m is not None:
                    source.append(m)
            if child.dep_ == "prep":
                for p in child.children:
                    if p.dep_ != "pobj":
                        continue
                    found = [m for m in _with_conj(p, speakers, deep=True) if not _is_location(m, p, child)]
                    if child.lower_ == "by":
                        source.extend(found)
                    elif child.lower_ in {"of", "against", "on", "with", "to", "for"}:
                        target.extend(found)
        return tuple(source), tuple(target)


class _Context:
    """What earlier sentences make available to pronouns and "the group"."""

    def __init__(self) -> None:
        self.last_subjects: tuple[Mention, ...] = ()
        self.last_group: Mention | None = None
        self.last_state: Mention | None = None
        self.last_non_person: Mention | None = None

    def remember(self, sent: Any, speakers: Speakers) -> None:
        subjects: list[Mention] = []
        for tok in sent:
            m = speakers.mention_at(tok)
            if m is None or m.actor is None:
                continue
            if m.actor.kind in {"armed_group", "organization", "igo"}:
                self.last_group = m
            if m.actor.kind == "state":
                self.last_state = m
            if m.actor.kind != "person":
                self.last_non_person = m
            if tok.dep_ in {"nsubj", "nsubjpass"} or (tok.dep_ == "conj" and tok.head.dep_ in {"nsubj", "nsubjpass"}):
                if m not in subjects:
                    subjects.append(m)
        if subjects:
            self.last_subjects = tuple(subjects)


def _named(m: Mention) -> bool:
    return any(w[:1].isupper() for w in m.text.split())


def _with_conj(tok: Any, speakers: Speakers, *, deep: bool = False) -> list[Mention]:
    """Mentions for a noun phrase and its conjuncts ("Russia and China")."""
    out: list[Mention] = []
    for t in [tok, *[c for c in tok.conjuncts]]:
        m = speakers.mention_for(t)
        if m is None and deep:
            m = _mention_in_np(t, speakers)
        if m is not None and m not in out:
            out.append(m)
    return out


def _mention_in_np(tok: Any, speakers: Speakers) -> Mention | None:
    """The closest mention inside a noun phrase, not crossing into clauses or locations."""
    best = None
    best_dist = 99
    stack = [(tok, 0)]
    while stack:
        node, dist = stack.pop()
        m = speakers.mention_at(node)
        if m is not None and dist < best_dist:
            best, best_dist = m, dist
        for c in node.children:
            if c.dep_ in {"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj"}:
                continue
            if c.dep_ == "prep" and c.lower_ in {"in", "at", "near", "during", "since", "after", "before"}:
                continue
            stack.append((c, dist + 1))
    return best if best_dist <= 3 else None


def _is_location(m: Mention, pobj: Any, prep: Any) -> bool:
    """A state or capital after "in"/"at"/"from" is a place, not an actor; so is a capital after "to"."""
    if m.actor is None or m.actor.kind != "state":
        return False
    p = prep.lower_
    if p in {"in", "at", "into", "near", "from", "inside", "across"}:
        return True
    return p == "to" and m.actor.sector == "GOV" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}


def _depth(tok: Any) -> int:
    d = 0
    while tok.head is not tok and d < 50:
        tok = tok.head
        d += 1
    return d


def _dedupe(events: Any) -> list[Event]:
    seen: set[str] = set()
    out = []
    for e in events:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out
