"""Stated relations: sentences that say how two actors stand, not what one did.

Consumes a parsed document, its mentions and the lexicon's relation cues;
produces ``RelationClaim`` records with a polarity (+1 aligned, -1 hostile),
attributed and dated like events.  Cues are grouped by clause (a sentence
such as "warm ties between X and Y are fading, while Y and Z call each
other strategic partners" states two relations).
For each clause the pair comes from, in order:

* the cue noun's own arguments: "Russia's close alliance with Iran";
* "between A and B" attached to the cue or its clause ("ties between
  Moscow and Tel Aviv are eroding", "relations between Putin and Netanyahu
  have fractured");
* "A-B relations" (two mentions joined by a hyphen);
* a compound subject ("Y and Z ... as strategic partners");
* a subject and the cue's complement ("X is no friend of Y", "any
  government of Y is an enemy for X's leader", "becoming another proxy of Z",
  "the group called X its closest friend", "see Y as an enemy").

The clause's predicate decides the polarity when it is a cue ("friendly ties
... are eroding" is hostile); negation ("no friend") flips it.  A naming verb
("Hamas called Russia its closest friend") makes its subject the claimant.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..model import Event, Mention, RelationClaim, evidence_window
from ..nlp import Parsed
from .arguments import (PARTY_KINDS, Context, described_pair, loose_apposition, orphan_subjects, pronoun_owner,
                        state_dyads)
from .attribution import Speakers, one_of_named, pair_reference
from .dating import past_perfect
from .extract import EventCoder
from .lexicon import Lexicon
from .modality import PAST_PERFECT_CUE, read_modality
from .rules import cue_vetoed, reversal_verb, run_rule, states_change, tie_holder, undone_clause, words



class RelationReader:
    """Reads stated relations; build once with the lexicon and reuse."""

    def __init__(self, lexicon: Lexicon, coder: EventCoder) -> None:
        self.lex = lexicon
        self.coder = coder
        self.cues = lexicon.relation_cues
        self.multi = sorted((c for c in self.cues if " " in c), key=len, reverse=True)

    def read(self, parsed: Parsed, mentions: tuple[Mention, ...], speakers: Speakers | None = None,
             events: tuple[Event, ...] = ()) -> tuple[RelationClaim, ...]:
        """The stated relations of a document; none that restates an event of ``events`` (see ``_told_by_event``)."""
        speakers = speakers or Speakers(parsed, mentions, disabled=self.coder.disabled)
        if events and not speakers.told_dyads:  # a Speakers of its own: the coder did not record the dyads in it
            speakers.remember_dyads(state_dyads(events))
        acts = _event_pairs(events)
        doc = parsed.doc
        out: list[RelationClaim] = []
        for idx, (start, end) in enumerate(parsed.spans):
            sent = doc[start:end]
            cue_toks = [t for t in self._cue_tokens(sent) if speakers.mention_at(t) is None
                        and cue_vetoed(t, self.coder.disabled) is None]
            if not cue_toks:
                continue
            seen: set[tuple[str, str]] = set()
            owners = {t: o for t in cue_toks if self._cue_value(t) and (o := _pair_owner(t, speakers)) is not None}
            for cue_tok, owner in owners.items():
                # "relations between the two U.S. allies", "both allies of Washington": each of the pair is the
                # owner's ally; the noun says nothing of the pair's own relation
                for b in _owned_pair(cue_tok, speakers, owner):
                    _keep(self._claim(parsed, idx, sent, cue_tok, owner, b, self._cue_value(cue_tok), 0, speakers),
                          seen, out)
            cue_toks = [t for t in cue_toks if t not in owners]
            for group in _by_clause(cue_toks):
                pair = self._pair(sent, group, speakers)
                if pair is None:
                    continue
                a, b, cue_tok = pair
                for extra, extra_cue, extra_polarity in self._extra_partners(group, pair, speakers):
                    if not _told_by_event(acts, idx, cue_tok, a, extra):
                        _keep(self._claim(parsed, idx, sent, extra_cue, a, extra, extra_polarity, 0, speakers),
                              seen, out)
                for other in _co_subjects(cue_tok, a, b, speakers):
                    if not _told_by_event(acts, idx, cue_tok, other, b) and not any(_negated_cue(t) for t in group):
                        _keep(self._claim(parsed, idx, sent, cue_tok, other, b, self._polarity(group), 0, speakers),
                              seen, out)
                if a.actor is None or b.actor is None or a.actor.node is None or b.actor.node is None:
                    continue
                if a.actor.node == b.actor.node or (a.actor.node, b.actor.node) in seen:
                    continue
                polarity = self._polarity(group)
                own = run_rule("cause_keeps_its_sign", cue_tok, disabled=self.coder.disabled)
                if own:
                    polarity = self._cue_value(cue_tok)  # "strained by Azerbaijan's growing ties with Israel"
                said: list[Any] = []
                if all(t.lemma_.lower() in words("bare_tie_noun") for t in group):
                    # "Ties between the two countries soured in 2021 ...": the parser hangs the verb on the pair
                    # as a clause of its own; the verb inside the tie noun's phrase says how the ties are
                    said = [t for t in cue_toks if t not in group and t.pos_ == "VERB"
                            and any(t in g.subtree for g in group)]
                    if said:
                        polarity = self._polarity(said)
                harm = None if own else next((h for t in group if (h := run_rule(
                    "harm_acts_on_the_relation", t, disabled=self.coder.disabled))), None)
                harm_denied = harm is not None and any(c.dep_ == "neg" for c in harm.children)
                if harm_denied:
                    # "did not call into question the friendly relations": the relation is as its other cues say
                    rest = [t for t in group if t != harm and not self._bare_tie(t)]
                    if not rest:
                        continue  # "the row did not strain ties": no change told, and no hostility either
                    polarity = self._polarity(rest)
                elif harm is not None:
                    polarity = -1  # "the dispute damaged the friendly relations": the relation worsened
                negated = [] if harm_denied else [
                    t for t in group if (self._cue_value(t) == polarity or len(group) == 1) and _negated_cue(t)]
                if negated:
                    if all(t.lemma_.lower() in words("bare_tie_noun") for t in group):
                        # "has no formal diplomatic ties with Taiwan": no relation stated, not a hostile one
                        continue
                    if any(t.lower_ in words("improvement_cue") for t in negated):
                        continue  # "ties have not improved": no change told, and no hostility either
                    polarity = -polarity
                ending = run_rule("undone_by_its_noun", cue_tok, disabled=self.coder.disabled)
                if cue_tok.dep_ in {"dobj", "pobj"} and reversal_verb(_verb_of(cue_tok)) or undone_clause(cue_tok) \
                        or (ending is not None and ending not in group):
                    # "dropping his old alliance with Y"; "called off a dinner to mark ties
                    # between X and Y": what is cancelled is the celebration of the ties; "the severing of ties"
                    polarity = -polarity
                if polarity == 0:
                    continue
                lessened = harm is None and all(self._cue_value(t) in (polarity, 0) for t in group + said) and any(
                    run_rule("lessened_cue", t, disabled=self.coder.disabled) is not None for t in group)
                if lessened:
                    # "Baku feels less dependent on Russia than before": a move away from the dependency
                    polarity = -polarity
                predicates = [t for t in group if t.dep_ in {"attr", "acomp", "oprd"}]
                if harm is None and predicates and all(self._cue_value(t) in (polarity, 0) for t in group + said) \
                        and run_rule("no_longer", predicates, sent, disabled=self.coder.disabled):
                    # "Russia is no longer a friend of Israel": the relation the cue names has ended, so the pair
                    # moved away from it (it was a friendly relation and a shift towards friendship); only for a
                    # cue the copula's "no longer" is said of, and not when another cue already tells where the
                    # relation went ("once close allies, but no longer: relations have now fractured")
                    polarity = -polarity
                # "ties have soured", "no longer allies": the sources say the relation moved (a stated shift)
                # (an apposition says how things stand, not that they moved: "restored ties with Iran, Syria's main
                # ally")
                moved = (harm is not None and not harm_denied) or lessened \
                    or states_change(group + said, sent, self.coder.disabled)
                change = polarity if moved and cue_tok.dep_ != "appos" else 0
                if _told_by_event(acts, idx, cue_tok, a, b):
                    continue
                seen.add((a.actor.node, b.actor.node))
                claim = self._claim(parsed, idx, sent, cue_tok, a, b, polarity, change, speakers,
                                    when=said[0] if said else None)
                if claim is not None:
                    out.append(claim)
                holders = [a, *(m for m in _co_subjects(cue_tok, a, b, speakers) if m.actor is not None)]
                for other in self._listed_partners(pair, speakers):
                    # "Niger's ties with Russia and Iran have soured": each other name of the list the cue's complement
                    # names, with the sign and change read for the first (Iran was left out), for every holder
                    for holder in holders:
                        if other.actor is not None and other.actor.node \
                                and not _told_by_event(acts, idx, cue_tok, holder, other):
                            _keep(self._claim(parsed, idx, sent, cue_tok, holder, other, polarity, change, speakers,
                                              when=said[0] if said else None), seen, out)
        return tuple(out)

    @staticmethod
    def _listed_partners(pair: tuple[Mention, Mention, Any], speakers: Speakers) -> list[Mention]:
        """The other names of a list the cue's with/to-object names ("ties with Russia and Iran": Iran), none the
        pair's own (a pair reference, "the two countries", is ``_complement_pair``'s)."""
        a, b, cue = pair
        return [m for m in _complement_members(cue, b, speakers, pair_ref=None) if m is not a]

    def _extra_partners(self, group: list[Any], pair: tuple[Mention, Mention, Any],
                        speakers: Speakers) -> list[tuple[Mention, Any, int]]:
        """Partners of the subject beyond the pair's own, each with its cue and polarity: the rest of a pair the
        complement refers to ("close ties with both countries"), and each other cue noun's own partner ("our
        strategic partnership with Russia and our good relations with China"). None under a negation ("no ties
        with either country": read for the pair alone)."""
        if any(_negated_cue(t) for t in group):
            return []
        a, b, cue_tok = pair
        extras = [(m, cue_tok, self._polarity(group)) for m in self._complement_pair(pair, speakers)]
        extras += [(m, t, self._cue_value(t)) for m, t in _other_cue_partners(group, cue_tok, a, b, speakers)]
        return [x for x in extras if x[2]]

    @staticmethod
    def _complement_pair(pair: tuple[Mention, Mention, Any], speakers: Speakers) -> list[Mention]:
        """The other member of a pair that a cue's with/to-object refers to ("ties with both countries", "relations
        with the two countries"): ``_complement`` gives the first, this the rest."""
        a, b, cue = pair
        for tok in cue.sent:
            if tok.lower_ == "between" and _attached(tok, cue):
                side = next((x for p in tok.children if p.dep_ == "pobj"
                             and (x := _pair_and_other_side(p, speakers)) is not None), None)
                if side is not None and b in side[1]:
                    return [m for m in side[1] if m is not b]
        return _complement_members(cue, b, speakers, pair_ref=False)

    def _claim(self, parsed: Parsed, idx: int, sent: Any, cue_tok: Any, a: Mention, b: Mention, polarity: int,
               change: int, speakers: Speakers, *, when: Any = None) -> RelationClaim | None:
        """The stated relation of ``a`` and ``b`` that ``cue_tok`` tells, with its speaker, modality and date (of
        ``when``, the verb that tells it, when that is not the cue's own clause)."""
        if a.actor is None or b.actor is None or not a.actor.node or not b.actor.node or a.actor.node == b.actor.node:
            return None
        sentence = parsed.sentences[idx]
        modality = read_modality(cue_tok, sent, self.lex, self.coder.disabled)
        said_by = self.coder.speaker(cue_tok, speakers)
        verb = _verb_of(cue_tok)
        if not modality.background and verb is not cue_tok and past_perfect(verb):
            # "Chad had been one of France's last allies": the verb that tells the relation is in the past perfect
            modality = replace(modality, background=True, background_cue=PAST_PERFECT_CUE)
        if verb is not cue_tok and cue_tok.dep_ in {"dobj", "obj"} and cue_tok.head == verb:
            # "a move that was expected to escalate tensions with Russia", "may deepen ties with Iran": the verb acting
            # on the relation carries its hedge or intent (the cue noun's own chain stops at the object)
            acting = read_modality(verb, sent, self.lex, self.coder.disabled)
            modality = replace(modality, hedged=modality.hedged or acting.hedged,
                               intent=modality.intent or acting.intent)
        if said_by is None and verb.lemma_.lower() in words("naming_verb") \
                and speakers.mention_at(verb) is None:
            subj = [c for c in verb.children if c.dep_ == "nsubj"]
            if subj and not list(subj[0].conjuncts):
                said_by = a  # "Hamas called Russia its closest friend" is Hamas's claim
        evidence = evidence_window(sentence.text, sentence.start, cue_tok.idx)
        dated = when or cue_tok
        aside = _apposition_holding(cue_tok)
        if aside is not None and when is None and not any(t.ent_type_ == "DATE" for t in aside.subtree):
            # "Lukashenko, a close ally of Putin, has hosted Wagner since June": an apposition says how things
            # stand; the time of the clause it sits in is not its time (it was dated June)
            dated = None
        return RelationClaim(
            doc_id=parsed.document.id, sent_idx=idx, cue=cue_tok.text, cue_start=cue_tok.idx, a=a, b=b,
            polarity=polarity, said_by=said_by, outlet=parsed.document.outlet, hedged=modality.hedged,
            negated=False, change=change, date=self.coder.date_for(parsed, sentence, modality, dated),
            evidence_text=evidence[0], evidence_start=evidence[1], evidence_end=evidence[2],
        )

    # -- cues ----------------------------------------------------------------------
    def _cue_tokens(self, sent: Any) -> list[Any]:
        out = [t for t in sent if t.lemma_.lower() in self.cues or t.lower_ in self.cues]
        low = sent.text.lower()
        for cue in self.multi:
            for m in re.finditer(_cue_pattern(cue), low):
                span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
                if span is not None and span.root not in out:
                    out.append(span.root)
        # "relations between A and B remained strong": the adjective of a cue "strong ties" said of a tie noun
        out += [t for t in sent if t.dep_ == "acomp" and t not in out and self._said_of_a_tie(t)]
        # "friction between the two governments, once close allies": what they once were is not how they stand
        return [t for t in out if not any(c.lower_ in words("bygone_word") and c.dep_ in {"advmod", "amod"}
                                          for c in (*t.children, *(c for a in t.children for c in a.children)))]

    def _said_of_a_tie(self, adj: Any) -> bool:
        """Whether ``adj`` predicates a tie noun ("relations remained strong", "ties are good") and is the first word
        of a cue made with one ("strong ties", "good relations" in relation_cues.tsv)."""
        verb = adj.head
        return verb.lemma_.lower() in _TIE_STATE_VERBS and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in words("bare_tie_noun") for c in verb.children) and any(
            f"{adj.lower_} {noun}" in self.multi for noun in ("ties", "relations"))

    def _cue_value(self, tok: Any) -> int:
        for key in (tok.lower_, tok.lemma_.lower()):
            if key in self.cues:
                return self.cues[key]
        # a word of several cues ("relations": "good relations", "poor relations") is the one its own words make
        # around it, before any other cue holding it ("relations have been poor": the adjective's own cue)
        holding = [cue for cue in self.multi if tok.lower_ in cue.split() or tok.lemma_.lower() in cue.split()]
        doc = tok.doc
        for cue in holding:
            parts = cue.split()
            k = next(i for i, p in enumerate(parts) if p in {tok.lower_, tok.lemma_.lower()})
            start = tok.i - k
            if 0 <= start and start + len(parts) <= len(doc) and all(
                    p in {doc[start + j].lower_, doc[start + j].lemma_.lower()} for j, p in enumerate(parts)):
                return self.cues[cue]
        return self.cues[holding[0]] if holding else 0

    def _bare_tie(self, tok: Any) -> bool:
        """A tie noun with no cue of its own on it ("ties", not "friendly relations"): it names the relation, the
        other cues of its clause say how it is."""
        return tok.lemma_.lower() in words("bare_tie_noun") and not any(c.dep_ == "amod" and self._cue_value(c)
                                                            for c in tok.children)

    def _polarity(self, group: list[Any]) -> int:
        # ("ties hit a new low": the bare tie noun's +1 and the cue's -1 summed to nothing)
        group = [t for t in group if not self._bare_tie(t)] or group
        predicates = [t for t in group if t.pos_ in {"VERB", "ADJ"} and t.dep_ in {"ROOT", "acomp", "conj", "xcomp", "ccomp", "advcl", "relcl"}]
        # "partners, not rivals": a cue denied in apposition says what the relation is not
        chosen = [t for t in (predicates or group) if not _denied_apposition(t)] or predicates or group
        total = sum(self._cue_value(t) for t in chosen)
        return (total > 0) - (total < 0)

    # -- pairs -----------------------------------------------------------------------
    def _pair(self, sent: Any, group: list[Any], speakers: Speakers) -> tuple[Mention, Mention, Any] | None:
        for cue in group:
            pair = _noun_pair(cue, speakers)
            if pair:
                return pair[0], pair[1], cue
        for cue in group:
            for tok in sent:
                if tok.lower_ == "between" and _attached(tok, cue):
                    objs = [c for c in tok.children if c.dep_ == "pobj"]
                    side = _pair_and_other_side(objs[0], speakers) if objs else None
                    if side is not None:
                        # "tensions between the two countries and Ethiopia": each of the pair with the other side
                        # (the rest of the pair: ``_complement_pair``)
                        return side[0], side[1][0], cue
                    ms = _conj_mentions(objs[0], speakers) if objs else []
                    if len(ms) < 2 and objs and _bare_pair(objs[0]):
                        # "relations between the two", "ties between them": the pair of states the article tells
                        # most, as "the two countries" is
                        ms = speakers.pair_of_states(objs[0].idx)
                    if len(ms) >= 2:
                        return ms[0], ms[1], cue
            pair = _hyphen_pair(cue, speakers)
            if pair:
                return pair[0], pair[1], cue
        for cue in group:
            verb = _verb_of(cue)
            if _in_topic_phrase(cue, verb):
                continue  # "Russia appreciates China's position on the Ukraine crisis": the crisis is a topic
            if cue.dep_ == "appos" and any(c.dep_ == "poss" and c.lower_ not in {"their", "other", "another"}
                                           for c in cue.children):
                # "Burkina Faso and Niger, our partners in the alliance, stand with Mali": partners of the owner
                # ("our", read above when it is named), not of each other
                continue
            subj_tok = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj_tok is None and verb.dep_ == "conj" and verb.head != verb:
                # "The US has no formal ties with Taiwan but is its most important backer": the first verb's subject
                subj_tok = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj_tok is None:
                subjects = orphan_subjects(verb, speakers) or _author_of_the_move(verb, speakers)
            elif _our_pair(subj_tok, speakers):
                # '“Our countries are historic allies,” Sunak said': the speaker's state and its partner in the
                # pair the article tells most
                subjects = _our_pair(subj_tok, speakers)
            elif subj_tok.lower_ in {"we", "i"} and (k := speakers.quote_at(subj_tok.idx)) is not None \
                    and (said := speakers.speaker_of_quote(k)) is not None and said.actor is not None:
                # '“We value our strategic partnership with Russia,” Tokayev said': the speaker's side
                subjects = [said]
            elif subj_tok.lower_ in {"he", "she"} and verb.lemma_.lower() in words("naming_verb") \
                    and (person := speakers.resolve_pronoun(subj_tok)) is not None:
                # "He called Russia the most honest friend of his country": the one who names, as for a named subject
                subjects = [person]
            elif subj_tok.lower_ in {"they", "he", "she", "it", "we", "i"}:
                continue
            elif subj_tok.lower_ in words("relative_pronoun") and verb.dep_ == "relcl":
                # "China, which has close ties with both countries, urged restraint": the noun the clause is on
                # ("Orban, one of the few EU leaders who has kept ties with Moscow": Orban)
                subjects = _conj_mentions(one_of_named(verb.head), speakers)
            else:
                subjects = _conj_mentions(subj_tok, speakers)
            if not subjects and subj_tok is not None and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                                             for c in subj_tok.children):
                # "she announced that her government would seek formal ties with China": whom the pronoun's agent
                # noun acts for, as the event coder's subject rules read it (its_agent_is_last_thing)
                subjects = [m for m in self.coder.finder(speakers).subjects(verb, Context()) if m.actor is not None]
            if len(subjects) >= 2:
                # "Greece and Cyprus, which have close ties with Cairo": each subject with the complement (the rest:
                # ``_co_subjects``), else the subjects' own relation ("Greece and Cyprus are close allies")
                b = _complement(cue, verb, speakers, subjects[0], self._cue_value(cue) < 0)
                nodes = {m.actor.node for m in subjects if m.actor is not None}
                if b is not None and b.actor is not None and b.actor.node not in nodes:
                    return subjects[0], b, cue
                if any(c.dep_ == "poss" and c.lower_ == "its" for c in cue.children):
                    # "Guatemala and Paraguay remain its partners": one thing's partners, not each other's; "its"
                    # is no plural subject but the last thing named before them
                    # (the last party a singular "its" may stand for)
                    owner = speakers.last_of_kind_before(subj_tok.left_edge.idx, PARTY_KINDS)
                    if owner is None or owner.actor is None or owner.actor.node in nodes:
                        continue
                    return subjects[0], owner, cue
                return subjects[0], subjects[1], cue
            if not subjects and subj_tok is not None and subj_tok.lemma_.lower() in words("bare_tie_noun") \
                    and not any(speakers.mention_at(t) is not None for t in subj_tok.subtree):
                # "Relations are frosty.", "Ties have soured since": a tie of no one named is the pair's the
                # article tells most, as "the two countries" is
                pair = speakers.pair_of_states(subj_tok.idx)
                if len(pair) == 2:
                    return pair[0], pair[1], cue
            if not subjects:
                continue
            b = _complement(cue, verb, speakers, subjects[0], self._cue_value(cue) < 0) or _speakers_side(
                cue, subjects[0], self.coder.speaker(cue, speakers))
            if b is not None:
                return subjects[0], b, cue
        return None




def _author_of_the_move(verb: Any, speakers: Speakers) -> list[Mention]:
    """"Armenia approved the treaty, a move that was expected to escalate tensions with Russia": a subjectless verb
    (through its infinitives) of a relative clause on an event anaphor (event_anaphor: 'a move', 'a step') set beside
    a clause, as its apposition or second object, is said of that clause's act: its subjects are the relation's
    owner (no relation was read)."""
    node = verb
    while node.dep_ == "xcomp" and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
        node = node.head
    if node.dep_ != "relcl" or not any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in {"that", "which"}
                                        for c in node.children):
        return []
    noun = node.head
    if noun.lemma_.lower() not in words("event_anaphor"):
        return []
    while noun.dep_ == "appos" and noun.head != noun:
        noun = noun.head
    if noun.dep_ not in {"dobj", "npadvmod", "nsubj"} or noun.head.pos_ not in {"VERB", "AUX"}:
        return []
    clause = noun.head
    return [m for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for m in _conj_mentions(c, speakers)
            if m.actor is not None]


def _event_pairs(events: tuple[Event, ...]) -> dict[tuple[int, int], set[frozenset[str]]]:
    """(sentence, trigger offset) -> the node pairs each event links: its sources with each other and with its
    targets; not two targets ("the dispute damaged the relations between A and B" tells no act between A and B:
    the relation the clause states is told by no event)."""
    out: dict[tuple[int, int], set[frozenset[str]]] = {}
    for e in events:
        sources = [m.actor.node for m in e.source if m.actor is not None and m.actor.node]
        targets = [m.actor.node for m in e.target if m.actor is not None and m.actor.node]
        pairs = out.setdefault((e.sent_idx, e.trigger_start), set())
        pairs.update(frozenset((x, y)) for i, x in enumerate(sources) for y in sources[i + 1:] + targets if x != y)
    return out


def _told_by_event(acts: dict[tuple[int, int], set[frozenset[str]]], sent_idx: int, cue: Any,
                   a: Mention, b: Mention) -> bool:
    """Whether the clause of ``cue`` already gave an event between the same two nodes (issue 12: count once).

    "Putin and Netanyahu promoted cultural ties", "abandoning his alliance with Israel": the verb is coded
    as an event (SUPPORT, a reduction of relations) and the cue noun it governs says the same thing again.
    The event is kept: it carries the act's type.
    """
    if cue.dep_ == "appos":
        return False  # "Erdogan, an ally of Aliyev, arrived in Baku": the apposition says something else
    pair = frozenset((a.actor.node, b.actor.node)) if a.actor and b.actor else frozenset()
    verb = _verb_of(cue)
    # "ties were “frozen”": the parser's copula "were" and its participle complement, the event's trigger
    said = (cue, verb, *(c for c in verb.children if c.dep_ == "acomp"))
    return any(pair in acts.get((sent_idx, t.idx), ()) for t in said)


def _by_clause(cues: list[Any]) -> list[list[Any]]:
    """The cue tokens grouped by the verb of their clause; a cue noun coordinated with another cue noun ("his ally
    and staunch Israel critic"), or in a phrase of another cue ("tensions with its ally X"), is a claim of its own,
    with its own pair and sign."""
    groups: dict[int, list[Any]] = {}
    for t in cues:
        key = t.i if t.dep_ == "conj" and t.head in cues and t.pos_ == t.head.pos_ == "NOUN" else _verb_of(t).i
        if t.dep_ == "pobj" and t.pos_ == "NOUN" and t.head.dep_ == "prep" and t.head.head in cues \
                and t.head.head is not t:
            # "tensions with the country's traditional ally Moscow": the ally names the partner of the tensions; its
            # sign is not theirs (the two cancelled out, and no relation was read)
            key = t.i
        groups.setdefault(key, []).append(t)
    return list(groups.values())


def _in_topic_phrase(cue: Any, verb: Any) -> bool:
    """Whether ``cue`` lies in an on/about/over phrase of a noun below ``verb`` ("appreciates China's position on
    the Ukraine crisis"): the topic of another noun, not a relation the verb's subject has."""
    node = cue
    while node != verb and node.head != node:
        if node.dep_ == "prep" and node.lower_ in {"on", "about", "over", "regarding", "concerning"} \
                and node.head.pos_ in {"NOUN", "PROPN"}:
            return True
        node = node.head
    return False


def _verb_of(tok: Any) -> Any:
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        node = node.head
    return node


def _attached(between: Any, cue: Any) -> bool:
    """"between" belongs to the cue's phrase or clause, not to another clause of the sentence."""
    head = between.head
    if head == cue or head == cue.head or head.head == cue or cue in list(head.children):
        return True
    if head.dep_ in {"nsubj", "nsubjpass"} and head.head == _verb_of(cue):
        return True
    # "the deterioration of ties between A and B": inside the cue's own phrase
    return cue.pos_ in {"NOUN", "ADJ"} and between in list(cue.subtree)


def _noun_pair(cue: Any, speakers: Speakers) -> tuple[Mention, Mention] | None:
    """"Russia's close alliance with Iran", "the Russia-Iran alliance"."""
    if cue.pos_ not in {"NOUN", "PROPN"}:
        return None
    if cue.dep_ == "appos":
        # "Erdogan, a close ally of Aliyev, ...": the noun the apposition names, and the of-phrase's actor (or its
        # possessor's: "Iran, Syria's main ally")
        named = speakers.mention_for(cue.head)
        owners = [p for c in cue.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj"] + [c for c in cue.children if c.dep_ == "poss"
                                           and c.lower_ not in words("possessive_self")]
        for p in owners:
            other = speakers.mention_for(p)
            if named is not None and other is not None and other != named:
                return named, other
    owner = None
    for child in cue.children:
        if child.dep_ == "poss" and (pair_reference(child) is not None or child.conjuncts):
            # "the two countries' friendship", "Russia and China's partnership": a pair owns the tie together
            ms = _conj_mentions(child, speakers)
            if len(ms) >= 2:
                return ms[0], ms[1]
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.lower_ not in words("possessive_self"):
            owner = speakers.mention_at(child)
            if owner is not None:
                break
    if owner is None:
        # "Ethiopia, whose ties with Mogadishu ...", "Morocco's normalisation of ties with Israel"
        owner = tie_holder(cue, speakers, speakers.disabled)
    if owner is None and cue.lemma_.lower() in words("party_noun"):
        # "a meeting with his ally, Turkish president Erdogan": the pronoun's person and the one named
        named_by, mine = loose_apposition(cue, speakers), pronoun_owner(cue, speakers)
        if named_by is not None and mine is not None and named_by != mine:
            return mine, named_by
    if owner is None:
        # "quiet military cooperation between X and Y"
        for child in cue.children:
            if child.dep_ == "acl" and child.lemma_.lower() in {"involve", "include", "between"}:
                for d in child.children:
                    if d.dep_ == "dobj":
                        ms = _conj_mentions(d, speakers)
                        if len(ms) >= 2:
                            return ms[0], ms[1]
        return None
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ in {"with", "between", "to"}:
            for p in child.children:
                if p.dep_ == "pobj":
                    other = speakers.mention_for(p)
                    if other is not None and other != owner:
                        return owner, other
    return None


def _hyphen_pair(cue: Any, speakers: Speakers) -> tuple[Mention, Mention] | None:
    """"Moscow-Tel Aviv relations": two mentions joined by a hyphen, modifying the cue."""
    text = speakers.parsed.document.text
    verb = _verb_of(cue)
    left, right = verb.left_edge.idx, max(cue.idx, verb.idx)
    # Only the mentions in [left, right]: found by bisection (mentions are in text order), since a scan of
    # every mention of the document per cue is quadratic in the document's length.
    starts = speakers.mention_starts
    lo = bisect.bisect_left(starts, left)
    hi = bisect.bisect_right(starts, right)
    inside = [m for m in speakers.mentions[lo:hi] if m.end <= right]
    for m1, m2 in zip(inside, inside[1:]):
        if re.fullmatch(r"\s*[-–]\s*", text[m1.end:m2.start]):
            return m1, m2
    return None


def _co_subjects(cue: Any, a: Mention, b: Mention, speakers: Speakers) -> list[Mention]:
    """The other subjects coordinated with ``a`` on the cue's verb when ``b``, the cue's complement, is none of them
    ("Greece and Cyprus, which have close ties with Cairo": Cyprus too has ties with Cairo)."""
    verb = _verb_of(cue)
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is not None and subj.lower_ in words("relative_pronoun") and verb.dep_ == "relcl":
        subj = verb.head
    members = _conj_mentions(subj, speakers) if subj is not None else []
    if a not in members or b in members:
        return []
    return [m for m in members if m is not a and m.actor is not None and b.actor is not None
            and m.actor.node != b.actor.node]


def _complement(cue: Any, verb: Any, speakers: Speakers, a: Mention, hostile: bool = False) -> Mention | None:
    # "Greece is at odds with Turkey": a cue of several words headed by a preposition has its with-phrase on the
    # preposition's object
    # ("a bulwark against Russia": Russia is the other party of a hostile cue; "courted India as a partner against
    # China": a friendly cue's against-phrase names whom the tie is against, not its party)
    preps = words("complement_prep") - (set() if hostile else words("adversary_prep"))
    holders = [cue] + ([c for c in cue.children if c.dep_ == "pobj"] if cue.pos_ == "ADP" else [])
    referred = cue.dep_ in {"dobj", "obj"} and cue.head.lemma_.lower() in words("referring_verb")
    for child in (c for h in holders for c in h.children):
        if child.dep_ == "prep" and child.lower_ in preps:
            if referred and child.lower_ == "to":
                continue  # "would take the dispute to the WTO": where the dispute is taken, no party of it
            for p in child.children:
                if p.dep_ == "pobj":
                    # "ties with both countries": the pair the article tells about most (``_conj_mentions``)
                    pair = _conj_mentions(p, speakers) if pair_reference(p) is False else []
                    m = next((x for x in pair if x != a and x.actor and a.actor and x.actor.node != a.actor.node),
                             None) if pair else speakers.mention_for(p)
                    if m is not None and m != a:
                        return m
        if child.dep_ in {"compound", "amod", "nmod"} or (
                child.dep_ == "poss" and child.lower_ not in words("possessive_self")):
            m = speakers.mention_at(child)
            if m is not None and m != a:
                return m
    if cue.dep_ == "attr":
        # "The US ... is its most important backer": no one is their own backer, so a possessive pronoun on the
        # attribute stands for the last other actor named before it in the sentence
        pron = next((c for c in cue.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if pron is not None and a.actor is not None:
            m = speakers.last_party_before(pron, {a.actor.node}, lambda kind: kind != "person")
            if m is not None:
                return m
    if cue.dep_ in {"attr", "oprd"} or (cue.dep_ in {"dobj", "obj"} and cue.head == verb):
        # "Morocco would remain a loyal partner to the Algerian people", "has maintained close relations with
        # Moscow": the parser hangs the to/with-phrase on the verb, after the cue
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in preps and child.i > cue.i:
                if referred and child.lower_ == "to":
                    continue  # (the same forum, its phrase hung on the verb)
                for p in child.children:
                    m = speakers.mention_for(p) if p.dep_ == "pobj" else None
                    if m is not None and m != a:
                        return m
    # "called Russia its closest friend", "see Israel as an enemy"
    for child in verb.children:
        if child.dep_ in {"dobj", "dative"}:
            m = speakers.mention_for(child)
            if m is not None and m != a:
                return m
    # "Azerbaijan and Russia are seen as the biggest threats by Armenians": whose view the passive names is the other
    # party of each (they were each other's threats)
    passive = any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)
    for child in (*verb.children, *cue.children):
        if child.dep_ == "agent" or (passive and child.dep_ == "prep" and child.lower_ == "by"):
            m = next((x for p in child.children if p.dep_ == "pobj" and (x := speakers.mention_for(p)) is not None),
                     None)
            if m is not None and m != a:
                return m
    return None


def _speakers_side(cue: Any, a: Mention, said: Mention | None) -> Mention | None:
    """'"Armenia is our ally," Peskov said', 'the minister said France remained an essential partner': an attribute
    cue that names no partner of its own ("our" at most), in what a speaker of another state says (``said``:
    ``EventCoder.speaker``), has the speaker's state as the partner.  The outlet's own voice names no one: "X is a
    key ally" alone is no claim."""
    if cue.dep_ not in {"attr", "oprd"} or a.actor is None or any(
            c.dep_ == "poss" and c.lower_ not in {"our", "my"} for c in cue.children):
        return None
    if said is None or said.actor is None or not said.actor.node or said.actor.node == a.actor.node:
        return None
    return said


def _denied_apposition(tok: Any) -> bool:
    """Whether ``tok`` is an apposition denied by a "not" before it ("partners, not rivals"), which the parser hangs
    on the noun the apposition is on."""
    return tok.dep_ == "appos" and any(c.dep_ == "neg" and tok.head.i < c.i < tok.i for c in tok.head.children)


def _negated_cue(cue: Any) -> bool:
    """"no friend", "not an ally"; "no longer ... partners" is a change, kept as stated; "never been stronger" is
    no negation."""
    if any(c.lower_ == "no" and c.dep_ == "det" for c in cue.children):
        return True
    for node in (cue, cue.head):
        # (a "not" before an apposition denies the apposition, not the noun: "partners, not rivals")
        kids = [c for c in node.children if not (c.dep_ == "neg" and any(
            a.dep_ == "appos" and c.i < a.i and node.i < c.i for a in node.children))]
        if any(c.dep_ == "neg" for c in kids) and not any(c.lower_ == "longer" for c in kids) \
                and not any(c.dep_ in {"acomp", "attr"} and c.tag_ in {"JJR", "RBR"} for c in kids):
            # ("ties have never been stronger": a comparative under "never" says how strong, not that there are none)
            return True
    return False


# Tie nouns that name a relation without saying how it is: negated ("no diplomatic ties"), they state none
# Verbs that say how a relation stands ("relations remain strong")
_TIE_STATE_VERBS = frozenset({"be", "remain", "stay", "become", "grow", "seem"})
# The relation nouns a two-word cue may end in with one modifier between ("close energy ties", "warm personal
# relations", "strategic military partner"), and the function words that modifier cannot be
_TIE_NOUNS = frozenset({"ties", "relations", "relationship", "partner", "partners", "partnership", "ally", "allies",
                        "friend", "friends", "cooperation"})
_NOT_MODIFIERS = "the|a|an|to|of|and|or|their|its|his|her|our|with|in|on|for|that|which"


@lru_cache(maxsize=None)
def _cue_pattern(cue: str) -> str:
    """The pattern of a multi-word cue in lower-cased text: the cue itself, or for two words that end in a relation
    noun, also with one modifier between them ("close energy ties" is a "close ties")."""
    words_ = cue.split()
    if len(words_) == 2 and words_[1] in _TIE_NOUNS:
        return rf"\b{re.escape(words_[0])}\s+(?:(?!(?:{_NOT_MODIFIERS})\b)[a-z-]+\s+)?{re.escape(words_[1])}\b"
    return re.escape(cue)


def _our_pair(subj: Any, speakers: Speakers) -> list[Mention]:
    """"Our countries", "our two nations" in a quote: the pair of states told most that holds the quote's speaker's
    state (``Speakers.pair_of_states``), or nothing."""
    if subj.lower_ not in {"countries", "nations", "states"} or not any(
            c.dep_ == "poss" and c.lower_ == "our" for c in subj.children):
        return []
    k = speakers.quote_at(subj.idx)
    said = speakers.speaker_of_quote(k) if k is not None else None
    if said is None or said.actor is None or not said.actor.node:
        return []
    pair = speakers.pair_of_states(subj.idx)
    return pair if any(m.actor is not None and m.actor.node == said.actor.node for m in pair) else []


def _other_cue_partners(group: list[Any], cue_tok: Any, a: Mention, b: Mention,
                        speakers: Speakers) -> list[tuple[Mention, Any]]:
    """The partners, with their cue, that the other cue nouns of a clause name in their own with/to-phrase (not
    ``b``, not ``a``)."""
    out: list[tuple[Mention, Any]] = []
    for t in group:
        if t is cue_tok or t.pos_ not in {"NOUN", "PROPN"}:
            continue
        for prep in (c for c in t.children if c.dep_ == "prep" and c.lower_ in {"with", "to"}):
            for p in (x for x in prep.children if x.dep_ == "pobj"):
                m = speakers.mention_for(p)
                if m is not None and m.actor is not None and all(m is not x for x, _ in out) and not any(
                        x.actor is not None and x.actor.node == m.actor.node for x in (a, b)):
                    out.append((m, t))
    return out


def _complement_members(cue: Any, b: Mention, speakers: Speakers, *, pair_ref: bool | None) -> list[Mention]:
    """The members other than ``b`` of the cue's with/to-object (complement_prep) that holds ``b`` (or its node): of
    a pair reference ("the two countries") for ``pair_ref`` False, of a list of names ("Russia and Iran") for None."""
    for child in cue.children:
        if child.dep_ != "prep" or child.lower_ not in words("complement_prep"):
            continue
        for p in child.children:
            if p.dep_ != "pobj" or pair_reference(p) is not pair_ref or (pair_ref is None and not p.conjuncts):
                continue
            members = _conj_mentions(p, speakers)
            if b in members or (b.actor and any(m.actor and m.actor.node == b.actor.node for m in members)):
                return [m for m in members if m is not b and not (m.actor and b.actor and m.actor.node == b.actor.node)]
    return []


def _keep(claim: RelationClaim | None, seen: set[tuple[str, str]], out: list[RelationClaim]) -> None:
    """Add ``claim`` to ``out`` unless its sentence already stated a relation of the same ordered pair."""
    if claim is not None and (claim.a.actor.node, claim.b.actor.node) not in seen:
        seen.add((claim.a.actor.node, claim.b.actor.node))
        out.append(claim)


def _owned_pair(cue: Any, speakers: Speakers, owner: Mention | None = None) -> list[Mention]:
    """The pair an owned pair noun stands for: the phrase an apposition is on ("Japan and South Korea, both allies
    of Washington"), else the pair the noun refers to ("the two U.S. allies"), which never holds its owner (the pair
    the article tells most may: "its two allies" of Washington are not Washington and Tokyo)."""
    members = _conj_mentions(cue.head, speakers) if cue.dep_ == "appos" else []
    if len(members) >= 2:
        return members
    if pair_reference(cue) is False and owner is not None and owner.actor is not None and owner.actor.node:
        return speakers.pair_of_states(cue.idx, described=described_pair(cue), exclude=frozenset({owner.actor.node}))
    return _conj_mentions(cue, speakers)


def _pair_owner(cue: Any, speakers: Speakers) -> Mention | None:
    """"the two U.S. allies", "both allies of Washington": the actor a pair noun that is a cue (pair_reference) is
    owned by (a modifier or an of-phrase), or None ("the two allies" are allies of each other)."""
    if pair_reference(cue) is None:
        return None
    for child in cue.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"} and child.lower_ not in words("possessive_self"):
            m = speakers.mention_at(child)
            if m is not None and m.actor is not None:
                return m
        if child.dep_ == "poss" and child.lower_ in {"its", "their"} and cue.dep_ in {"dobj", "obj"}:
            # "Washington, which has pushed its two allies to ...": the subject of the verb the pair is the object
            # of (a relative pronoun's noun), whose allies they are (they were read as allies of each other)
            verb = cue.head
            subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subj is not None and subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
                subj = verb.head
            m = speakers.mention_for(subj) if subj is not None else None
            if m is not None and m.actor is not None and m.actor.kind != "person":
                return m
        if child.dep_ == "prep" and child.lower_ == "of":
            for p in child.children:
                m = speakers.mention_for(p) if p.dep_ == "pobj" else None
                if m is not None and m.actor is not None:
                    return m
    return None


def _pair_and_other_side(tok: Any, speakers: Speakers) -> tuple[Mention, list[Mention]] | None:
    """"between the two countries and Ethiopia": the other side (Ethiopia) and the states of the pair referred to, or
    None when ``tok`` is no state pair coordinated with a named actor."""
    if pair_reference(tok) is not False:
        return None
    others = [m for t in tok.conjuncts if (m := speakers.mention_for(t)) is not None and m.actor is not None]
    pair = _conj_mentions(tok, speakers) if others else []
    return (others[0], pair) if pair else None


def _bare_pair(tok: Any) -> bool:
    """"between the two", "between them": a pair with no noun of its own."""
    return tok.lower_ == "them" or (tok.lower_ in words("pair_numeral") and tok.pos_ == "NUM"
                                    and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children))


def _conj_mentions(tok: Any, speakers: Speakers) -> list[Mention]:
    if (persons := pair_reference(tok)) is not None:
        # "relations between the two countries": the pair the article has told most (Speakers.pair_of_states)
        return speakers.last_two_before(tok.idx, persons=True) if persons else speakers.pair_of_states(
            tok.idx, described=described_pair(tok))
    out: list[Mention] = []
    for t in [tok, *tok.conjuncts]:
        m = speakers.mention_for(t)
        if m is not None and m not in out:
            out.append(m)
    return out


def _apposition_holding(tok: Any) -> Any:
    """The apposition ("X, a close ally of Y, ...") whose phrase holds ``tok`` below any verb, or None."""
    node = tok
    while node.pos_ not in {"VERB", "AUX"} and node.head != node:
        if node.dep_ == "appos":
            return node
        node = node.head
    return None
