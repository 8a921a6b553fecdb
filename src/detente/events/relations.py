"""Stated relations: sentences that say how two actors stand, not what one did.

Consumes a parsed document, its mentions and the lexicon's relation cues;
produces ``RelationClaim`` records with a polarity (+1 aligned, -1 hostile),
attributed like events.  Pair patterns, tried in order:

* "between A and B" / "A-B relations" around a cue ("ties between Moscow and
  Tel Aviv are eroding", "a rift between ...");
* a compound subject with a cue ("Iran and Russia ... as strategic allies");
* a subject and a cue noun with its complement ("Russia is no friend of
  Israel", "any Israeli government is an enemy for Putin", "Russia is turning
  into another Iran proxy", "Hamas called Russia its closest friend",
  "Putin will see Israel as an enemy").

The predicate cue decides the polarity when there is one ("friendly ties
... are eroding" is hostile); negation ("no friend", "not allies") flips it.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import Mention, RelationClaim
from ..nlp import Parsed
from .attribution import Speakers
from .extract import EventCoder
from .lexicon import Lexicon
from .modality import read_modality

POSSESSIVE_SELF = {"its", "their", "his", "her"}


class RelationReader:
    """Reads stated relations; build once with the lexicon and reuse."""

    def __init__(self, lexicon: Lexicon, coder: EventCoder) -> None:
        self.lex = lexicon
        self.coder = coder
        self.cues = lexicon.relation_cues
        self.multi = sorted((c for c in self.cues if " " in c), key=len, reverse=True)

    def read(self, parsed: Parsed, mentions: tuple[Mention, ...]) -> tuple[RelationClaim, ...]:
        speakers = Speakers(parsed, mentions)
        doc = parsed.doc
        out: list[RelationClaim] = []
        for idx, (start, end) in enumerate(parsed.spans):
            sent = doc[start:end]
            cue_toks = self._cue_tokens(sent)
            if not cue_toks:
                continue
            sent_mentions = [m for m in mentions if m.sent_idx == idx and m.actor is not None]
            if len(sent_mentions) < 1:
                continue
            pair = self._pair(sent, cue_toks, speakers, sent_mentions)
            if pair is None:
                continue
            a, b, cue_tok = pair
            polarity = self._polarity(sent, cue_toks)
            modality = read_modality(cue_tok, sent, self.lex)
            if _negated_cue(cue_tok):
                polarity = -polarity
            if polarity == 0 or a.actor is None or b.actor is None or a.actor.node == b.actor.node:
                continue
            sentence = parsed.sentences[idx]
            said_by = self.coder.speaker(cue_tok, speakers)
            date = self.coder.date_for(parsed, sentence, modality)
            out.append(
                RelationClaim(
                    doc_id=parsed.document.id, sent_idx=idx, cue=cue_tok.text, cue_start=cue_tok.idx, a=a, b=b,
                    polarity=polarity, said_by=said_by, outlet=parsed.document.outlet, hedged=modality.hedged,
                    negated=False, date=date, evidence_text=sentence.text, evidence_start=sentence.start,
                    evidence_end=sentence.end,
                )
            )
        return tuple(out)

    def _cue_tokens(self, sent: Any) -> list[Any]:
        out = [t for t in sent if t.lemma_.lower() in self.cues or t.lower_ in self.cues]
        low = sent.text.lower()
        for cue in self.multi:
            i = low.find(cue)
            if i >= 0:
                span = sent.doc.char_span(sent.start_char + i, sent.start_char + i + len(cue), alignment_mode="expand")
                if span is not None:
                    out.append(span.root)
        return out

    def _cue_value(self, tok: Any) -> int:
        for key in (tok.lower_, tok.lemma_.lower()):
            if key in self.cues:
                return self.cues[key]
        # multi-word cue whose root this token is
        for cue in self.multi:
            if cue.split()[-1] in {tok.lower_, tok.lemma_.lower()} or tok.lower_ in cue.split():
                return self.cues[cue]
        return 0

    def _polarity(self, sent: Any, cue_toks: list[Any]) -> int:
        predicates = [t for t in cue_toks if t.pos_ in {"VERB", "ADJ"} and t.dep_ in {"ROOT", "acomp", "conj", "xcomp"}]
        chosen = predicates or cue_toks
        total = sum(self._cue_value(t) for t in chosen)
        return (total > 0) - (total < 0)

    def _pair(self, sent: Any, cue_toks: list[Any], speakers: Speakers,
              sent_mentions: list[Mention]) -> tuple[Mention, Mention, Any] | None:
        cue = cue_toks[0]
        # "between A and B"
        for tok in sent:
            if tok.lower_ == "between":
                objs = [c for c in tok.children if c.dep_ == "pobj"]
                if objs:
                    ms = _conj_mentions(objs[0], speakers)
                    if len(ms) >= 2:
                        return ms[0], ms[1], cue
        # "Moscow-Tel Aviv relations": two mentions joined by a hyphen
        for m1 in sent_mentions:
            for m2 in sent_mentions:
                if m1.end < m2.start and re.fullmatch(r"\s*[-–]\s*", speakers.parsed.document.text[m1.end:m2.start]):
                    return m1, m2, cue
        for cue in cue_toks:
            verb = cue
            while verb.dep_ not in {"ROOT"} and verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb:
                verb = verb.head
            subj_tok = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            subjects = _conj_mentions(subj_tok, speakers) if subj_tok is not None else []
            if subj_tok is not None and subj_tok.lower_ in {"they", "he", "she"}:
                continue
            if len(subjects) >= 2:
                return subjects[0], subjects[1], cue
            if not subjects:
                continue
            a = subjects[0]
            b = self._complement(cue, verb, speakers, a)
            if b is not None:
                return a, b, cue
        return None

    def _complement(self, cue: Any, verb: Any, speakers: Speakers, a: Mention) -> Mention | None:
        # "friend of Israel", "enemy for Putin", "proxy of Iran"
        for child in cue.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "for", "to", "with", "toward", "towards"}:
                for p in child.children:
                    if p.dep_ == "pobj":
                        m = speakers.mention_for(p)
                        if m is not None and m != a:
                            return m
            if child.dep_ in {"compound", "amod", "nmod"}:
                m = speakers.mention_at(child)
                if m is not None and m != a:
                    return m
            if child.dep_ == "poss" and child.lower_ not in POSSESSIVE_SELF:
                m = speakers.mention_at(child)
                if m is not None and m != a:
                    return m
        # "called Russia its closest friend", "see Israel as an enemy", "regard X as"
        for child in verb.children:
            if child.dep_ in {"dobj", "dative"}:
                m = speakers.mention_for(child)
                if m is not None and m != a:
                    return m
        # "turning into another Iran proxy": the cue is the object of a preposition
        head = cue.head
        if head.dep_ == "prep":
            for child in cue.children:
                m = speakers.mention_at(child)
                if m is not None and m != a:
                    return m
        return None


def _negated_cue(cue: Any) -> bool:
    """"no friend", "not an ally", "no longer ... partners"."""
    if any(c.lower_ == "no" and c.dep_ == "det" for c in cue.children):
        return True
    head = cue.head
    for node in (cue, head):
        for c in node.children:
            if c.dep_ == "neg" and not any(x.lower_ == "longer" for x in node.children):
                return True
    return False


def _conj_mentions(tok: Any, speakers: Speakers) -> list[Mention]:
    out: list[Mention] = []
    for t in [tok, *tok.conjuncts]:
        m = speakers.mention_for(t)
        if m is not None and m not in out:
            out.append(m)
    return out
