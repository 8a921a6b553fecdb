"""Event extraction and coding from the dependency parse.

Consumes a ``Parsed`` document and its ``Mention`` records; produces
``Event`` records coded in PLOVER 2.0 and CAMEO, each with its modality
(negated, hedged, intent, background), its speaker (``said_by``) and its
date.  Triggers are verbs (and event nouns) found in the lexicon; the most
specific lexicon pattern (particle, preposition, object noun) wins.  The
arguments come from ``arguments.ArgumentFinder``.

Deliberately left out: verbs of saying as events (they attribute, they are
not acts), naming constructions ("called Russia its closest friend", a
stated relation), intention verbs that govern another trigger ("vows to
release": the release is coded, as an intent), and events with no actor on
either side.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from ..ingest.dates import MONTH
from ..model import DateBasis, Event, EventDate, Mention, evidence_window
from ..nlp import Parsed
from .arguments import (OBJ_DEPS, ArgumentFinder, Context, as_argument, member_owners, named, own_forces_ordered,
                        reacts_to_the_move, state_dyads, switch_phrases)
from .attribution import SPEECH_LEMMAS, Speakers, in_quotes, subject_bearer
from .dating import CONTINUES_CUE, date_event, in_a_timeline, timeline_dates
from .lexicon import Lexicon, VerbPattern, own_speaker
from .modality import PAST_PERFECT_CUE, Modality, read_modality
from .rules import (DENIAL, Draft, apply_rules, code_trigger, copula_subject, coding_rule, enabled, not_done,
                    refuses_to_bear,
                    rules, reversal_verb, run_rule, halted_acts, undone_objects, vetoed, words)



def _not_trigger(lemma: str) -> bool:
    """Verbs of saying attribute, they are no acts (sets speech_trigger and not_trigger_verb of rule_vocab.tsv
    name the exceptions both ways)."""
    return (lemma in SPEECH_LEMMAS and lemma not in words("speech_trigger")) or lemma in words("not_trigger_verb")


@dataclass(frozen=True, slots=True)
class _Trigger:
    tok: Any
    cameo: str
    prep: str | None
    nominal: bool = False
    specific: bool = False  # the lexicon pattern named an object, particle or preposition
    recipient: bool = False  # "X receives funding from Y": the giver is the source, the subject the target
    undoes: bool = False  # "cancelled a contract to buy ...": a reversal; the act in its object is not done
    evaluation: bool = False  # "X said Y's decision was reckless": the speaker disapproves of Y
    negation_is_the_act: bool = False  # "we don't want X's coercion": the "not" is what makes it disapproval
    experiencer: bool = False  # "X's move angered Russia": the object is the one displeased, the subject's the act


class EventCoder:
    """Codes events in parsed documents; build once with the lexicon and reuse."""

    def __init__(self, lexicon: Lexicon, *, agents: dict[str, str] | None = None, disabled: Iterable[str] = ()) -> None:
        """``disabled``: names of rules (``rules.rules()``) not to apply."""
        self.lex = lexicon
        self.agents = agents or {}
        self.disabled = frozenset(disabled)
        unknown = self.disabled - {r.name for r in rules()}
        if unknown:
            raise ValueError(f"unknown rule(s) {sorted(unknown)}")
        self.event_nouns = frozenset(lexicon.nouns) | frozenset(lexicon.relation_cues)
        self.noun_types = {noun: c.type for noun, code in lexicon.nouns.items()
                           if (c := lexicon.coding(code)) is not None and c.type}

    def finder(self, speakers: Speakers) -> ArgumentFinder:
        """An argument finder for one document's ``speakers``, with this coder's rules (its own ``disabled``)."""
        return ArgumentFinder(speakers, self.event_nouns, self.agents, self.noun_types, self.disabled)

    def code(self, parsed: Parsed, mentions: tuple[Mention, ...], speakers: Speakers | None = None) -> tuple[Event, ...]:
        """All events of a document, per sentence most salient first."""
        speakers = speakers or Speakers(parsed, mentions, disabled=self.disabled)
        finder = self.finder(speakers)
        doc = parsed.doc
        out: list[Event] = []
        ctx = Context()
        background_paragraph: int | None = None  # paragraph of the last sentence with a background event
        last_told: EventDate | None = None  # the date of the last sentence's main event
        for idx, (start, end) in enumerate(parsed.spans):
            sent = doc[start:end]
            sentence = parsed.sentences[idx]
            carry = background_paragraph is not None and (
                background_paragraph == sentence.paragraph
                or (background_paragraph == sentence.paragraph - 1 and _CONTINUES.match(sentence.text) is not None)
            )
            found: list[tuple[int, int, Event]] = []
            triggers = self._triggers(sent)
            # selection-stage rules of rules.py: intention verbs, what is asked for, what is undone
            dropped = not_done(triggers, self.lex, self.disabled)
            for trig in triggers:
                if trig.tok.i in dropped:
                    continue
                event = self._build(parsed, sentence, sent, trig, speakers, finder, ctx, carry=carry)
                if event is not None:
                    found.append((_depth(trig.tok), trig.tok.i, event))
            kept = [t for t in triggers if t.tok.i not in dropped]
            if not found and kept:
                # No trigger had an actor: still record what happened, with whatever arguments the parse
                # gives (possibly none), so the sentence's event type is not lost.  Such events have no
                # network node and never enter the relations.  What the selection rules dropped (an act
                # asked for, considered, undone) did not happen, so it is not recorded here either.
                main = min(kept, key=lambda t: (_depth(t.tok), t.tok.i))
                event = self._build(parsed, sentence, sent, main, speakers, finder, ctx, carry=carry,
                                    require_actor=False)
                if event is not None:
                    found.append((_depth(main.tok), main.tok.i, event))
            found.sort(key=lambda f: (f[0], f[1]))
            events = _dedupe(e for _, _, e in found)
            hours = _HOURS_ON.match(sentence.text) if last_told is not None else None
            if hours is not None:
                # "A day earlier, Ukraine launched drones. Hours later, Russia struck Kyiv": the day of the act told
                # just before (it was the news day), or its undated past
                events = [replace(e, date=replace(last_told, text=hours.group(0)))
                          if e.date.basis in (DateBasis.PUBLISHED, DateBasis.INFERRED) else e for e in events]
            if events:
                last_told = events[0].date
            out.extend(events)
            # only a sentence whose main event is background is continued: a background aside in one clause
            # ("ties cut seven years ago") does not make the next sentence background
            # nor does one told in a relative clause or apposition on a noun, the sentence's only event ("Duda, who
            # has backed Kyiv since Russia's invasion in 2022, compared ...")
            # nor one told in the past perfect with no time of its own, a step back from the story that the next
            # simple past returns from ("Armenia had asked the court to order X. The judges declined": the ruling)
            background_paragraph = (
                sentence.paragraph if (events and events[0].date.basis == DateBasis.BACKGROUND
                                       and not _recent(events[0].date, parsed.document.published)
                                       and not _in_an_aside(doc, events[0])
                                       and not (events[0].date.date is None
                                                and events[0].date.text == PAST_PERFECT_CUE))
                or _main_clause_told_earlier(sent, (start, end), parsed.document.published) else None
            )
            # a reaction to the move told before ("Hamas praised the decision") is no move of its own: "the
            # decision" after it is still the one told before
            reaction = bool(events) and reacts_to_the_move(doc, events[0], self.disabled)
            main_source = events[0].source if events and not reaction else ()
            ctx.remember(sent, speakers, main_source, events[0].target if events else (), events)
            ctx.remember_pact(events, frozenset(id(e) for e in events if _in_an_aside(doc, e)))
            ctx.remember_attack(events)
            ctx.remember_acts(events)
            ctx.remember_news(idx, events)
            if events and main_source:
                # paired with the source it remembers: a main event with no source leaves both as they were
                ctx.last_event_background = events[0].date.basis == DateBasis.BACKGROUND
                # (nor an act said not to be done: "Katz said Israel would not be lectured. Hamas welcomed the
                # decision" is no decision of Katz's)
                if events[0].cameo[:2] not in words("statement_root") and not events[0].negated:
                    ctx.last_deed = (main_source, ctx.last_event_background)
            speakers.remember_dyads(state_dyads(events), state_dyads(e for e in events if e.score < 0))
        return tuple(out)

    # -- triggers ------------------------------------------------------------
    def _triggers(self, sent: Any) -> list[_Trigger]:
        """The sentence's trigger candidates: each token as the coding-stage rules below code it; a switch of
        allegiance also gives the act on the partner left ("switched allegiance to China from Taiwan": 161 on
        Taiwan, besides the recognition of China)."""
        found = [t for tok in sent if (t := code_trigger(tok, self, self.disabled)) is not None]
        if "switched_from" not in self.disabled:
            found += [_Trigger(t.tok, "161", "from", specific=True) for t in found if _switched_from(t)]
        return found

    def _lexicon_verb(self, tok: Any) -> bool:
        """A verb of the lexicon that is no verb of saying (``_not_trigger``) and no trigger-stage rule vetoes."""
        lemma = tok.lemma_.lower()
        return (tok.pos_ == "VERB" and lemma in self.lex.verbs and not _not_trigger(lemma)
                and vetoed(tok, self.disabled) is None)

    def _received_noun(self, tok: Any) -> str | None:
        """An aid noun (07x) received: the object, a conjunct of it, or its "of" part ("much of its funding")."""
        for c in tok.children:
            if c.dep_ not in OBJ_DEPS:
                continue
            heads = [c] + [p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
                           for p in pr.children if p.dep_ == "pobj"]
            for h in heads:
                for n in (h, *h.conjuncts):
                    code = self.lex.nouns.get(n.lemma_.lower())
                    if code is not None and code.startswith("07"):
                        return n.lemma_.lower()
        return None

    def _governed_event_noun(self, tok: Any) -> str | None:
        for c in tok.children:
            if c.dep_ in OBJ_DEPS and c.lemma_.lower() not in self.lex.nouns \
                    and c.lemma_.lower() in words("measure_noun"):
                # "launched two weeks of joint exercises", "began a new round of talks": the of-object is the event
                c = next((p for pr in c.children if pr.dep_ == "prep" and pr.lower_ == "of"
                          for p in pr.children if p.dep_ == "pobj"), c)
            if (c.dep_ in OBJ_DEPS or c.dep_ == "pobj" and c.head.lower_ == "of") \
                    and not (c.lemma_.lower() in words("kind_head_noun") and enabled("a_kind_of_thing_is_no_act",
                                                                                  self.disabled)):
                # "launched a mediation effort", "war games", "take retaliatory steps": a modifier may carry the event
                # (not one of a thing: "expanded its missile programme" had been an attack)
                for m in c.children:
                    pair = f"{m.lemma_.lower()} {c.lemma_.lower()}"
                    if m.dep_ in {"compound", "amod"} and pair in self.lex.nouns:
                        return pair
                if c.lemma_.lower() in self.lex.nouns:
                    return c.lemma_.lower()
                if c.lemma_.lower() not in self.agents:
                    # "launched a mediation effort"; but in "ordered the opposition newspaper to ..." the
                    # object is an actor and its modifier says which one, not what was done.  The modifier as
                    # written too: "halted arms sales" ("arms" is a noun of the lexicon, its lemma "arm" is not)
                    for m in c.children:
                        if m.dep_ == "compound":
                            for form in (m.lemma_.lower(), m.lower_):
                                if form in self.lex.nouns:
                                    return form
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.lex.nouns:
                        return p.lemma_.lower()
        return None

    def pattern_of(self, tok: Any) -> VerbPattern | None:
        """The lexicon's best pattern for the verb ``tok`` (``_best_pattern``), or None when it has none."""
        patterns = self.lex.verbs.get(tok.lemma_.lower())
        return self._best_pattern(tok, patterns) if patterns else None

    def _best_pattern(self, tok: Any, patterns: tuple[VerbPattern, ...]) -> VerbPattern | None:
        # a particle the parser reads as an adverb ("hits back at X": advmod) is the verb's particle too
        particles = {c.lower_ for c in tok.children
                     if c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in {"back", "off", "out", "away", "down"})}
        preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "agent", "dative"}}
        objects = set()
        measures = words("measure_noun")
        kids = list(tok.children)
        if (subj := copula_subject(tok)) is not None:
            kids.append(subj)  # "membership was “frozen”": the copula's subject is what was done to
        prep_objects: dict[str, set[str]] = {}
        conveyed: set[str] = set()
        for c in kids:
            if c.dep_ in OBJ_DEPS | {"nsubjpass", "nsubj"} and (c.dep_ != "nsubj" or c is subj):
                objects.add(c.lemma_.lower())
                if c.pos_ == "PROPN":  # "summoned Russian Ambassador Oleg Vasnetsov": the title before the name
                    objects.update(t.lemma_.lower() for t in c.children if t.dep_ == "compound" and t.i < c.i)
                # "expelled some of the peacekeepers": the of-object is the object
                objects.update(p.lemma_.lower() for p in _measured(c, measures)[1:])
                # "delivered a note of protest", "handed a protest note": what a document conveys is the object
                conveyed.update(p.lemma_.lower() for p in _conveyed_by(c))
            if c.dep_ in {"prep", "agent", "dative"}:
                prep_objects.setdefault(c.lower_, set()).update(
                    p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        # verbs.tsv: a pattern's object is the direct object, or the object of its own preposition when it names one
        # ("joined the sanctions over the war" is no "join war"); a pattern with no preposition still takes a
        # prepositional object when the verb has no direct object ("agreed on a ceasefire")
        if not objects:
            objects = {o for objs in prep_objects.values() for o in objs}
        objects |= conveyed
        # what a document conveys decides before the document ("sent a letter of protest" is no "send letter")
        ranked = [p for p in patterns if p.obj in conveyed] + [p for p in patterns if p.obj not in conveyed]
        # spaCy parses "call on X" with "on" as a particle or a preposition: accept either.
        for p in ranked:  # sorted most specific first
            if p.particle and p.particle not in particles and p.particle not in preps:
                continue
            if p.prep and p.prep not in preps and p.prep not in particles:
                continue
            if p.prep and p.prep in prep_objects and not prep_objects[p.prep] and p.prep not in particles \
                    and tok.dep_ != "relcl":
                # a preposition with no object is no prepositional verb: "peacekeepers stood by when X attacked" is
                # idleness, not "stand by X" (it was support); a relative clause may strand it ("the ally it stood by")
                continue
            if p.obj and p.obj not in (prep_objects.get(p.prep, set()) | objects if p.prep else objects):
                continue
            return p
        return None

    # -- one event -----------------------------------------------------------
    def _build(self, parsed: Parsed, sentence: Any, sent: Any, trig: _Trigger, speakers: Speakers,
               finder: ArgumentFinder, ctx: Context, *, carry: bool = False,
               require_actor: bool = True) -> Event | None:
        coding = self.lex.coding(trig.cameo)
        if coding is None:
            return None
        tok = trig.tok
        exclaimed = False
        if trig.evaluation:
            source, target = finder.evaluation(tok, self.speaker(tok, speakers), ctx)
        elif trig.nominal:
            source, target = finder.nominal(tok, ctx)
            if not source and target:
                # "Congratulations to A and B on ...": a verbless exclamation is its speaker's act
                source = run_rule("exclamation_is_the_speakers", tok, self.speaker(tok, speakers),
                                  disabled=self.disabled) or []
                exclaimed = bool(source)
        elif trig.recipient:
            source, target = finder.recipient(tok, ctx)
        else:
            # (a denial, 016, has no PLOVER type: its accuser is found as a rejection's target, rule
            # denial_rejects_its_accuser)
            etype = coding.type or ("REJECT" if coding.cameo == DENIAL else None)
            source, target = finder.verbal(tok, etype=etype, cameo=coding.cameo, wanted_prep=trig.prep, ctx=ctx)
            if trig.experiencer:  # the one displeased is the verb's object; the act that displeased is the subject's
                source, target = target, _displeasing_author(tok, source, speakers)
                nodes = {m.actor.node for m in source if m.actor is not None}
                target = [m for m in target if not (m.actor is not None and m.actor.node in nodes)]
        source = [m for m in source if m.actor is not None or named(m)]
        if trig.undoes and not target:
            # "cancelled a contract to buy French submarines": the party of the undone act is the one affected
            nodes = frozenset(m.actor.node for m in source if m.actor and m.actor.node)
            target = finder.undone_party(tok, exclude=nodes)
        target = [m for m in target if m not in source]
        if require_actor:
            if not source or not any(m.actor for m in (*source, *target)):
                return None
            if trig.nominal and not target and len(source) < 2:
                return None
        source = [as_argument(m, sent, tok) for m in source]
        target = [as_argument(m, sent, tok) for m in target]
        modality = read_modality(tok, sent, self.lex, self.disabled)
        if trig.negation_is_the_act and modality.negated:
            modality = replace(modality, negated=False)
        if not modality.background and carry and continues_background(tok):
            # A past-tense sentence right after a background one in the same paragraph continues it
            # ("The two states had cooperated closely in the past. Their leaders signed a trade pact ...").
            modality = replace(modality, background=True, background_cue=CONTINUES_CUE)
        said_by = self.speaker(tok, speakers)
        said_by = run_rule("speaker_resolved_as_a_subject", said_by, sent.doc, finder, ctx,
                           disabled=self.disabled) or said_by
        if trig.evaluation or exclaimed:
            said_by = None  # the speaker is the source: a speech act's own source is not repeated as said_by
        draft = apply_rules(Draft(tok, sent, coding, modality, tuple(source), tuple(target), said_by), self.lex,
                            self.disabled)
        coding, modality, said_by = draft.coding, draft.modality, draft.said_by
        if coding.type is None:
            return None  # a comment (01x) with no PLOVER type, unless a rule made it an act
        source, target = list(draft.source), list(draft.target)
        said_by = own_speaker(said_by, source, coding.cameo)
        evidence = evidence_window(sentence.text, sentence.start, tok.idx)
        return Event(
            doc_id=parsed.document.id,
            sent_idx=sentence.idx,
            trigger=tok.text,
            trigger_start=tok.idx,
            type=coding.type or "",
            cameo=coding.cameo,
            score=coding.score,
            source=tuple(source),
            target=tuple(target),
            mode=coding.mode,
            context=coding.context,
            said_by=said_by,
            outlet=parsed.document.outlet,
            hedged=modality.hedged,
            negated=modality.negated,
            intent=modality.intent,
            date=self.date_for(parsed, sentence, modality, tok),
            evidence_text=evidence[0],
            evidence_start=evidence[1],
            evidence_end=evidence[2],
            salience=1.0 / (1 + _depth(tok)),
            method="rule" if require_actor else "rule-no-actor",
        )

    def speaker(self, tok: Any, speakers: Speakers) -> Mention | None:
        """Who asserts what ``tok`` says: the speaker of its quote, or of the clause reporting it."""
        k = speakers.quote_at(tok.idx)
        if k is not None:
            quoted = speakers.speaker_of_quote(k)
            if quoted is not None:
                q = speakers.quotes[k]
                span = tok.doc.char_span(q.start, q.end, alignment_mode="expand")
                if span is not None and not any(t.pos_ in {"VERB", "AUX"} for t in span):
                    # a quoted fragment ('... after Pashinyan said relying on Russia had been a "strategic
                    # mistake"') is the words of whoever reports its clause, when a verb of saying does
                    clause = speakers.speaker_of_clause(tok)
                    if clause is not None:
                        return clause
                return quoted
        # a scare-quoted word ("an “enemy”") is said by whoever reports the clause
        return speakers.speaker_of_clause(tok) or speakers.unnamed_speaker(tok)

    def date_for(self, parsed: Parsed, sentence: Any, modality: Modality, tok: Any = None) -> EventDate:
        """The event's date: stated in its clause, background, or the document's own date (``dating``)."""
        date = date_event(tok, parsed.spans[sentence.idx], parsed.document, modality)
        published = parsed.document.published
        entries = timeline_dates(parsed.doc, parsed.sentences, parsed.spans, published)
        return in_a_timeline(date, entries.get(sentence.paragraph), published) if entries else date


def _conveyed_by(obj: Any) -> list[Any]:
    """What a document noun (document_noun: "note", "letter") conveys: its of-objects and the nouns compounded before
    it ("a note of protest", "a protest note"); none for another noun."""
    if obj.lemma_.lower() not in words("document_noun"):
        return []
    return [*(p for pr in obj.children if pr.dep_ == "prep" and pr.lower_ == "of" for p in pr.children
              if p.dep_ == "pobj"), *(c for c in obj.children if c.dep_ == "compound" and c.i < obj.i)]


def _measured(obj: Any, measures: frozenset[str]) -> list[Any]:
    """An object and, when it is a measure noun (measure_noun: "some", "dozens"), its of-objects: what is counted
    ("expelled some of the peacekeepers", "sent dozens of warplanes")."""
    if obj.lemma_.lower() not in measures:
        return [obj]
    return [obj, *(p for pr in obj.children if pr.dep_ == "prep" and pr.lower_ == "of" for p in pr.children
                   if p.dep_ == "pobj")]


def background_carried_on(parsed: Parsed, events: tuple[Event, ...], coder: "EventCoder") -> tuple[Event, ...]:
    """``events`` (the rules' and the tagger's, sentence by sentence) with each tagger's event that is told in the
    simple past right after a background sentence of its paragraph made background too, as ``EventCoder.code`` does
    for the rules' own; the chain runs through the tagger's events ("On March 18, 2014, Putin signed a treaty. The
    UN General Assembly declared the vote invalid. The EU imposed sanctions": the declaring, the tagger's, had been
    the news day's, and the imposing after it too)."""
    doc, published = parsed.doc, parsed.document.published
    by_sent: dict[int, list[Event]] = {}
    for e in events:
        by_sent.setdefault(e.sent_idx, []).append(e)
    changed: dict[int, Event] = {}
    background_paragraph: int | None = None
    by_tagger = False  # whether the background sentence before is one the rules' chain did not see
    for sentence in parsed.sentences:
        start, end = parsed.spans[sentence.idx]
        carry = background_paragraph is not None and (
            background_paragraph == sentence.paragraph
            or (background_paragraph == sentence.paragraph - 1 and _CONTINUES.match(sentence.text) is not None))
        found = by_sent.get(sentence.idx, [])
        for e in found:
            # (a rule's event after a background sentence of the rules was carried by the rules, or kept as news by
            # a rule of theirs: only the tagger's events, or any after a background sentence of the tagger's)
            if not carry or (e.method != "learned" and not by_tagger) \
                    or e.date.basis not in (DateBasis.PUBLISHED, DateBasis.INFERRED):
                continue
            tok = next((t for t in doc[start:end] if t.idx == e.trigger_start), None)
            if tok is None or not continues_background(tok):
                continue
            modality = Modality(negated=e.negated, hedged=e.hedged, intent=e.intent, background=True,
                                background_cue=CONTINUES_CUE)
            changed[id(e)] = replace(e, date=coder.date_for(parsed, sentence, modality, tok))
        main = changed.get(id(found[0]), found[0]) if found else None
        by_tagger = main is not None and (main.method == "learned" or id(found[0]) in changed)
        background_paragraph = sentence.paragraph if (
            main is not None and main.date.basis == DateBasis.BACKGROUND and not _recent(main.date, published)
            and not _in_an_aside(doc, main) and not (main.date.date is None and main.date.text == PAST_PERFECT_CUE)
        ) or _main_clause_told_earlier(doc[start:end], (start, end), published) else None
    return tuple(changed.get(id(e), e) for e in events) if changed else events


def _in_an_aside(doc: Any, event: Event) -> bool:
    """Whether ``event``'s trigger lies in a relative clause or an apposition on a noun, or in a clause under a
    conjunction ("Relations have been tense since Iran executed a doctor in May"): an aside on what the sentence
    tells, not what it tells (a sentence's events are ordered main clause first, so one in an aside first means the
    main clause told none)."""
    span = doc.char_span(event.trigger_start, event.trigger_start + len(event.trigger), alignment_mode="expand")
    if span is None:
        return False
    return any(t.dep_ in {"relcl", "appos"} or (t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children))
               for t in (span.root, *span.root.ancestors))


def _recent(date: Any, published: Any) -> bool:
    """Whether a background date lies within a month before publication ("last week", "on Monday"): the news of
    the last days, not a past the next sentence goes on telling ("A delegation flew to Moscow last week. The US
    suspended aid" is two pieces of news). A month counts by its last day ("had cancelled the agreements last
    month. Washington welcomed the EU decision": the welcome was today's news, not last month's)."""
    if date.date is None or published is None:
        return False
    end = date.date
    if date.precision == MONTH:
        end = (date.date.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    return 0 <= (published - end).days <= 31 and date.date <= published


# A sentence opening on a span of hours from the act told before ("Hours later, ...", "Minutes earlier, ...")
_HOURS_ON = re.compile(r"^(hours|minutes|a few hours|shortly|moments) (later|earlier|afterwards)\b", re.I)
# Paragraph openings that continue the previous paragraph's account ("To put it in other words, ...").
_CONTINUES = re.compile(r"^(to put it (in )?other words|in other words|that is|put differently|in short)\b", re.I)
# What undoing an act of a given CAMEO root is coded as.
REVERSE_BY_ROOT = {"04": "164", "05": "161", "06": "161", "07": "162", "03": "161",
                   "14": "083", "15": "087", "16": "081", "17": "081", "18": "087", "19": "087", "20": "087"}


def _reverse(cameo: str, noun: str) -> str:
    if noun in {"sanction", "sanctions", "embargo", "boycott"}:
        return "085"
    if "mediat" in noun:
        return "165"
    return REVERSE_BY_ROOT.get(cameo[:2], "080")


def _displeasing_author(tok: Any, subjects: list[Mention], speakers: Speakers) -> list[Mention]:
    """Whose act displeased: the verb's own subject ("Armenia's move angered Russia"); for a relative clause on the
    object of an act ("held an exercise, which angered Russia"), that act's subject; for a participle with no
    subject of its own ("Armenia ratified the treaty, angering Russia") the subject of the sentence's main verb,
    and no one when the main clause has no verb (a headline the parser reads as a noun phrase)."""
    subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    noun = tok.head.head if tok.head.dep_ == "appos" else tok.head  # "suspended talks, a move that drew ..."
    for _ in range(2):
        # "held a joint exercise with U.S. forces, which angered Russia": "which" after a comma tells of the act,
        # though the parser hangs it on the last noun of the object's phrase
        if subj is None or subj.lower_ != "which" or noun.dep_ != "pobj" or noun.head.dep_ != "prep" \
                or tok.i < 1 or tok.doc[subj.i - 1].text != ",":
            break
        noun = noun.head.head
    on_the_act = noun.pos_ == "VERB" and noun != tok.head  # "sent troops to the border of X, which alarmed Y"
    if subj is not None and subj.lower_ in words("relative_pronoun") and subj.lower_ != "who" \
            and tok.dep_ == "relcl" and (noun.dep_ in {"dobj", "obj"} and noun.head.pos_ == "VERB" or on_the_act):
        # ("backed the Houthis, who angered Saudi Arabia": who angered is the Houthis)
        # "held a joint exercise with U.S. forces, which angered Russia": the act is the clause's that holds the noun
        verb = noun if on_the_act else noun.head
        found = [speakers.mention_for(c) for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not any(found) and verb.dep_ == "ccomp" and any(c.dep_ == "nsubj" and c.pos_ == "PRON"
                                                           for c in verb.children):
            # "the party said it would suspend talks, a move that drew criticism": "it" is the one who said so
            found = [speakers.mention_for(c) for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        return [m for m in found if m is not None and m.actor is not None] or subjects
    if tok.tag_ != "VBG" or subj is not None:
        return subjects
    root = tok.sent.root
    if root.pos_ not in {"VERB", "AUX"}:
        return []
    found = [speakers.mention_for(c) for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return [m for m in found if m is not None and m.actor is not None]


def _main_clause_told_earlier(sent: Any, span: tuple[int, int], published: Any) -> bool:
    """Whether the sentence's main clause states a time more than a month before the news though it holds no event
    ("Relations deteriorated in 2020 after Canberra called for an inquiry. Beijing responded by imposing tariffs":
    the next sentence goes on with 2020's story; the only event, in the after-clause, was an aside)."""
    from .dating import before_the_news, stated_date

    root = sent.root
    if root.tag_ not in {"VBD", "VBN"} or _present_perfect(root):
        return False  # ("Relations have been tense since May": a state that holds now)
    if states_a_figure(root, words("figure_verb")):
        return False  # ("Bilateral trade was worth $7 billion last year": a figure, no story the next goes on with)
    date = stated_date(root, span, published)
    return date is not None and before_the_news(date, published) and not _recent(date, published)


def continues_background(tok: Any) -> bool:
    """Whether the act on ``tok`` is told in the simple past with a subject (its own, or the clause's it is told
    by): in a sentence right after a background one it goes on with that background (``EventCoder.code``, and
    ``learned.apply.background_carried_on`` for the tagger's events)."""
    told = _finite_of(tok)  # ("Beijing responded by imposing tariffs": told by "responded")
    # ("Aliyev accused Moscow of ... and demanded compensation": a conjunct shares its subject's clause)
    bearer = subject_bearer(told)
    # (the present perfect, "Hanoi has nonetheless maintained close ties", comes back to the present)
    return told.tag_ in {"VBD", "VBN"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in bearer.children) \
        and not _present_perfect(told) and not _present_perfect(bearer)


def _present_perfect(verb: Any) -> bool:
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" and c.lower_ != "had" for c in verb.children)


def _finite_of(tok: Any) -> Any:
    """The verb that tells a non-finite trigger with no subject of its own ("responded by imposing tariffs",
    "moved to impose"): its tense is that verb's; else the trigger itself."""
    node = tok
    for _ in range(3):
        if node.tag_ not in {"VBG", "VB"} or node.dep_ not in {"pcomp", "xcomp", "advcl"} \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            break
        node = node.head.head if node.dep_ == "pcomp" and node.head.dep_ == "prep" else node.head
    return node


def _depth(tok: Any) -> int:
    d = 0
    while tok.head != tok and d < 50:
        tok = tok.head
        d += 1
    return d


def _switched_from(trig: _Trigger) -> bool:
    """A switch verb (switch_verb) coded as granting recognition (054) that leaves a partner named after "from" (on
    the verb or on its object: "switched recognition from Taiwan to China")."""
    tok = trig.tok
    return trig.cameo == "054" and tok.lemma_.lower() in words("switch_verb") and any(
        any(p.dep_ == "pobj" for p in c.children) for c in switch_phrases(tok, "from"))


def _dedupe(events: Any) -> list[Event]:
    seen: set[str] = set()
    out = []
    for e in events:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out


# -- coding-stage rules: what trigger (if any) a token makes, tried in this order (``rules.coding_rule``) ------------
@coding_rule("reversal_codes_undone", pos=("VERB",), reads="a reversal verb or verb + particle (reversal_verb, reversal_particle) and "
             "the event noun it governs (nouns.tsv), or the act an intention noun it governs plans ('froze plans to "
             "normalise ties'), or the act a verb of halting stops (halting_verb: 'stopped arming Ukraine')", changes="trigger -> the reversal of the noun's act, marked undoes",
             vocab=("reversal_verb", "reversal_particle"))
def reversal_codes_undone(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"reduced military aid", "lifted sanctions", "called off a strike": undoing an act is coded from what is
    undone; "annulled the deal with France": the partner of what is undone is the target."""
    if tok.pos_ != "VERB" or not reversal_verb(tok, w):
        return None
    noun = coder._governed_event_noun(tok) or next(
        (o.lemma_.lower() for o in undone_objects(tok) if o.lemma_.lower() in coder.lex.nouns), None)
    if noun is None:  # "withdrew from a deal", "pulled out of the talks": what it leaves is undone too
        planned = _planned_act(tok, coder) or _halted_act(tok, coder)
        if planned is None:
            return None
        lemma, cameo = planned
        return _Trigger(tok, _reverse(cameo, lemma), "with", specific=True, undoes=True)
    return _Trigger(tok, _reverse(coder.lex.nouns[noun], noun), "with", specific=True, undoes=True)


def _halted_act(tok: Any, coder: EventCoder) -> tuple[str, str] | None:
    """"will stop arming Ukraine", "halted supplying weapons": the act a verb of halting stops, told by a gerund
    (``rules.halted_acts``), as its verb and the lexicon's code for it, or None."""
    for act in halted_acts(tok):
        pattern = coder.pattern_of(act)
        if pattern is not None:
            return act.lemma_.lower(), pattern.cameo
    return None


def _planned_act(tok: Any, coder: EventCoder) -> tuple[str, str] | None:
    """"froze plans to normalise ties with Israel", "shelved its bid to join": the act an intention noun object
    (intent_noun) plans, as its verb and the lexicon's code for it, or None."""
    for obj in undone_objects(tok):
        if obj.lemma_.lower() not in words("intent_noun"):
            continue
        for c in obj.children:
            pattern = coder.pattern_of(c) if c.dep_ == "acl" and c.pos_ == "VERB" else None
            if pattern is not None:
                return c.lemma_.lower(), pattern.cameo
    return None


@coding_rule("reversal_of_ties", pos=("VERB",), reads="a reversal verb (reversal_verb, reversal_particle) whose object is a positive "
             "relation cue (relation_cues.tsv)", changes="trigger -> 161 (reduce or break relations)",
             vocab=("reversal_verb", "reversal_particle"))
def reversal_of_ties(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"abandoned its partnership", "ended the rapprochement": abandoning ties or an alliance reduces relations."""
    if tok.pos_ != "VERB" or not reversal_verb(tok, w):
        return None
    cues = coder.lex.relation_cues
    # the cue as written or as its lemma ("ties" is a cue; its lemma "tie" is not)
    if any(c.dep_ in OBJ_DEPS and max(cues.get(c.lemma_.lower(), 0), cues.get(c.lower_, 0)) > 0 for c in tok.children):
        return _Trigger(tok, "161", None, specific=True)
    return None


@coding_rule("deserting_a_partner", pos=("VERB",), reads="a verb of deserting (desertion_verb) whose direct object "
             "is a named state, group or person (a proper noun or a GPE/ORG/NORP/PERSON entity)",
             changes="trigger -> 161 (reduce or break relations)", vocab=("desertion_verb",))
def deserting_a_partner(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Russia abandoned Armenia", "would not abandon its allies": deserting a partner reduces relations
    (PETRARCH's default for "abandon" is a yield, 080, as in "abandoned its positions")."""
    if tok.lemma_.lower() not in w["desertion_verb"]:
        return None
    named = {"GPE", "ORG", "NORP", "PERSON"}
    if any(c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in named
                                 or any(t.ent_type_ in named for t in c.subtree)) for c in tok.children):
        return _Trigger(tok, "161", None, specific=True)
    return None


@coding_rule("recipient_is_given", pos=("VERB",), reads="a receiving verb (recipient_verb) and the aid noun (07x, nouns.tsv) it "
             "receives", changes="trigger -> the aid noun's code, marked recipient (the giver is the source)",
             vocab=("recipient_verb",))
def recipient_is_given(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"gets most of its arms and money from X": what is received is given."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in w["recipient_verb"]:
        return None
    noun = coder._received_noun(tok)
    return None if noun is None else _Trigger(tok, coder.lex.nouns[noun], "from", specific=True, recipient=True)


@coding_rule("exercising_together_or_alone", pos=("VERB", "NOUN"), reads="an exercise noun (exercise_noun: 'drills', "
             "'war games') as a verb's direct object or passive subject, or standing alone; whether it is joint (an "
             "amod joint_marker, a with-phrase on the noun or the verb, or a coordinated subject of the verb)",
             changes="trigger -> 062 (military cooperation) with the with-phrase's partner if joint, else 150 "
             "(show of military force)", vocab=("exercise_noun", "joint_marker"))
def exercising_together_or_alone(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Russia and China held joint naval drills", "will hold exercises with France": exercising together is
    military cooperation (CAMEO 062); "China held large-scale drills around Taiwan", "staged war games near the
    border": exercising alone is a show of force (150) whatever the verb (the lexicon had "hold" + an exercise
    noun as 062 and "conduct" + one as 150, so the same drills got either sign), unless the verb says or judges
    ("condemned the US drills" is a condemnation)."""
    if tok.pos_ == "NOUN":
        if not _is_exercise(tok, w) or (tok.dep_ in OBJ_DEPS | {"nsubjpass"} and tok.head.pos_ == "VERB"):
            return None
        joint = _exercise_is_joint(tok, None, w)
        return _Trigger(tok, "062" if joint else "150", "with" if joint else None, nominal=True, specific=True)
    if tok.pos_ != "VERB":
        return None
    noun = next((c for c in tok.children if c.dep_ in OBJ_DEPS | {"nsubjpass"} and _is_exercise(c, w)), None)
    if noun is None:
        return None
    default = next((p.cameo for p in coder.lex.verbs.get(tok.lemma_.lower(), ()) if p.specificity == 0), None)
    if default is not None and default[:2] in _SAYING_ROOTS:
        return None  # "condemned the US drills", "protests Chinese manoeuvres": the drills are what is judged
    joint = _exercise_is_joint(noun, tok, w)
    return _Trigger(tok, "062" if joint else "150", "with" if joint else None, specific=True)


# CAMEO roots of verbs that say or judge something (comment, appeal, disapprove, reject, threaten, protest): an
# exercise they take as object is what is said or judged, not exercised ("ordered patrols", a demand root, is
# the patrols' own mobilisation: a PLOVER training row)
_SAYING_ROOTS = frozenset({"01", "02", "11", "12", "13", "14"})


def _is_exercise(noun: Any, w: dict[str, frozenset[str]]) -> bool:
    lemma = noun.lemma_.lower()
    compound = next((c.lemma_.lower() for c in noun.children if c.dep_ == "compound"), None)
    return lemma in w["exercise_noun"] or (compound is not None and f"{compound} {lemma}" in w["exercise_noun"])


def _exercise_is_joint(noun: Any, verb: Any | None, w: dict[str, frozenset[str]]) -> bool:
    if any(c.dep_ == "amod" and c.lower_ in w["joint_marker"] for c in noun.children):
        return True
    holders = (noun,) if verb is None else (noun, verb)
    if any(c.dep_ == "prep" and c.lower_ == "with" and any(p.dep_ == "pobj" for p in c.children)
           for h in holders for c in h.children):
        return True
    return verb is not None and any(c.dep_ in {"nsubj", "agent"} and c.conjuncts for c in verb.children)


@coding_rule("leaving_noun_of_a_body", pos=("VERB",), reads="a verb whose direct object is a noun of leaving "
             "(body_leaving_noun: 'withdrawal', 'exit') with a from/of-object that is a named organisation or a body "
             "noun (body_noun), as leaving_a_body reads them", changes="trigger -> 161 (reduce or break relations) "
             "with the body, not the noun's own code (0874, a military retreat)",
             vocab=("body_leaving_noun", "body_noun"))
def leaving_noun_of_a_body(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Niger announced its withdrawal from ECOWAS": leaving a bloc breaks with it, as "withdrew from ECOWAS" does
    (``leaving_a_body``); the noun alone is a pullback of troops (nouns.tsv 0874, +8), so the announcement read as a
    step of peace with the bloc."""
    for noun in tok.children:
        if noun.dep_ not in {"dobj", "obj"} or noun.lemma_.lower() not in w["body_leaving_noun"]:
            continue
        left = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                for p in c.children if p.dep_ == "pobj"]
        if _a_body(left, w["body_noun"]):
            return _Trigger(tok, "161", None, specific=True)
    return None


@coding_rule("aspectual_takes_noun", pos=("VERB",), reads="an aspectual verb (aspectual_verb) with no lexicon pattern naming its "
             "object, and the event noun it governs (nouns.tsv)", changes="trigger -> the event noun's code",
             vocab=("aspectual_verb",))
def aspectual_takes_noun(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"launched an attack", "continue with an offensive": the verb takes its meaning from the event noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in w["aspectual_verb"]:
        return None
    if lemma in coder.lex.verbs and not _not_trigger(lemma):
        if vetoed(tok, coder.disabled) is not None:
            return None
        pattern = coder._best_pattern(tok, coder.lex.verbs[lemma])
        if pattern is not None and pattern.obj is not None:
            return None
    noun = coder._governed_event_noun(tok)
    return None if noun is None else _Trigger(tok, coder.lex.nouns[noun], None)


@coding_rule("worried_about", pos=("ADJ", "VERB"), reads="a worry adjective or participle (worry_adjective) as a "
             "predicate (acomp, the root, or an adjective with a subject of its own) with an about/over/at/by phrase",
             changes="trigger -> 110 (disapprove): the subject against the author of what the worry is about",
             vocab=("worry_adjective",))
def worried_about(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Australia is concerned about China's growing influence", "Tokyo was alarmed by Beijing's drills": a worry
    held by one actor about another's act is disapproval of it (as ``worry_of_about`` reads the noun)."""
    if tok.lower_ not in w["worry_adjective"]:
        return None
    if tok.dep_ not in {"acomp", "ROOT"} and not (
            tok.pos_ == "ADJ" and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children)) and not (
            tok.dep_ in {"amod", "acl"} and tok.head.dep_ == "ROOT" and tok.head.pos_ == "PROPN"
            and tok.i > tok.head.i):
        # "said it was disappointed by ...": an adjective heading its own clause is a predicate too; so is one
        # after the name a verbless headline opens with ("Australia ‘deeply disappointed’ by ...")
        return None
    # "alarmed by X's drills" is parsed as a passive: ArgumentFinder.verbal keeps the worried subject as source
    preps = WORRY_PREPS | {"at", "by"}
    prep = next((c.lower_ for c in tok.children if c.dep_ in {"prep", "agent"} and c.lower_ in preps), None)
    return _Trigger(tok, "110", prep, specific=True) if prep else None


@coding_rule("unwanted_hostile_act", pos=("VERB",), reads="a negated verb of wanting or bearing (unwanted_verb: "
             "'don't want', 'will not tolerate') whose direct object, or a conjunct of it, is a hostile-act noun "
             "(hostile_act_noun: 'coercion', 'interference')", changes="trigger -> 110 (disapprove), not negated: "
             "against the act's author (object rule hostile_act_author)", vocab=("unwanted_verb", "hostile_act_noun"))
def unwanted_hostile_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"We do not want the intimidation we now face from Beijing", "Poland will not tolerate Russian
    interference": refusing to bear another's hostile act is disapproval of its author; the negation is the
    stance itself, not a denial that it was taken."""
    if not refuses_to_bear(tok):
        return None
    if not any(n.lemma_.lower() in w["hostile_act_noun"] for d in tok.children if d.dep_ in OBJ_DEPS
               for n in (d, *d.conjuncts)):
        return None
    return _Trigger(tok, "110", None, specific=True, negation_is_the_act=True)


@coding_rule("wanting_another_to_act_is_appeal", pos=("VERB",), reads="a verb of wanting (wanting_verb: 'want', "
             "'wish') whose infinitive clause (ccomp, xcomp with 'to') has a subject of its own, or whose direct "
             "object the infinitive follows", changes="trigger -> 020 (appeal): the one who wants against the one "
             "wanted to act, not negated ('does not want X to': an appeal not to); what is wanted is not done "
             "(selection rule requested_is_not_done)", vocab=("wanting_verb",))
def wanting_another_to_act_is_appeal(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Egyptian officials want Iran to stop supporting armed groups": a wish that another act is an appeal to it,
    like "urged Iran to stop"; it was read as Iran's own intent to stop (a threat against the groups). "Does not want
    Iran to arm the Houthis" asks Iran not to: the negation is the appeal's own, not a denial of it."""
    if tok.lemma_.lower() not in w["wanting_verb"]:
        return None
    negated = any(c.dep_ == "neg" for c in tok.children)
    for c in tok.children:
        if c.dep_ not in {"ccomp", "xcomp"} or not any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            continue
        if any(s.dep_ in {"nsubj", "nsubjpass"} for s in c.children) \
                or any(o.dep_ in {"dobj", "obj"} and o.i < c.i for o in tok.children):
            return _Trigger(tok, "020", None, specific=True, negation_is_the_act=negated)
    return None


@coding_rule("criticism_drawn", pos=("VERB",), reads="a verb of drawing (drawing_verb: 'drew', 'sparked') whose direct "
             "object is a noun of criticism (drawn_criticism_noun) and that has a from-phrase",
             changes="trigger -> 111 (criticise), experiencer: the from-object is the source, the subject's author "
             "the target", vocab=("drawing_verb", "drawn_criticism_noun"))
def criticism_drawn(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"a move that drew sharp criticism from Brussels", "the visit sparked condemnation from Beijing": the one in
    the from-phrase criticises the one whose act it was (the subject's author), as "angered Russia" does
    (``displeasing_act``)."""
    if tok.lemma_.lower() not in w["drawing_verb"]:
        return None
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in w["drawn_criticism_noun"] for c in tok.children):
        return None
    if not any(c.dep_ == "prep" and c.lower_ == "from" for c in tok.children) and not any(
            p.dep_ == "prep" and p.lower_ == "from" for c in tok.children if c.dep_ == "dobj" for p in c.children):
        return None
    return _Trigger(tok, "111", "from", specific=True, experiencer=True)


@coding_rule("displeasing_act", pos=("VERB",), reads="a verb whose object is the one displeased (displeasing_verb: "
             "'angered', 'alarmed') with a direct object", changes="trigger -> 110 (disapprove), experiencer: the "
             "object is the source, the subject (the author of the act) the target", vocab=("displeasing_verb",))
def displeasing_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Armenia's move angered Russia", "ratified the treaty, angering Moscow", "China's drills alarmed Japan":
    the one angered or alarmed disapproves of the one whose act it was (as "Russia was angered by ..." does,
    ``worried_about``), not the other way round."""
    if tok.lemma_.lower() not in w["displeasing_verb"] or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    return _Trigger(tok, "110", None, specific=True, experiencer=True)


@coding_rule("answering_a_hostile_act", pos=("VERB",), reads="a verb of answering (answering_verb: 'respond', "
             "'react') told as to come (a will/would/shall auxiliary, or the to-infinitive of a framing verb: "
             "answer_frame_verb 'vowed', 'warned', 'ready') whose to- or against-phrase is a hostile act (an event "
             "noun of negative score in nouns.tsv, a hostile_act_noun, or a move_noun: 'presence', 'deployment'; or a "
             "deed_anaphor whose to-infinitive is a lexicon verb of negative score: 'the decision to expel')",
             changes="trigger -> 130 (threaten), aimed at the act's author through the to-phrase",
             vocab=("answering_verb", "answer_frame_verb", "move_noun", "hostile_act_noun", "deed_anaphor"))
def answering_a_hostile_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"The US would respond accordingly to any Chinese military presence", "Moscow vowed to respond to the
    deployment of American missiles": announcing an answer to another's move is a threat against its author, as
    PETRARCH codes "announce retaliation" (130). An answer already given ("responded to the strike by ...") is
    told by the verb that gives it, and "will respond to the proposal" answers no hostile act: neither is read."""
    if tok.lemma_.lower() not in w["answering_verb"]:
        return None
    to_come = any(c.dep_ == "aux" and c.lower_ in _FUTURE_AUX for c in tok.children) or (
        tok.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        and tok.head.lemma_.lower() in w["answer_frame_verb"])
    if not to_come:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"to", "against"}):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            lemma = p.lemma_.lower()
            coding = coder.lex.coding(coder.lex.nouns[lemma]) if lemma in coder.lex.nouns else None
            if (lemma in w["hostile_act_noun"] or lemma in w["move_noun"]
                    or (coding is not None and coding.score < 0) or _decided_hostile_act(p, coder)):
                return _Trigger(tok, "130", prep.lower_, specific=True)
    return None


def _decided_hostile_act(noun: Any, coder: EventCoder) -> bool:
    """Whether ``noun`` is a deed anaphor (deed_anaphor: "decision", "move") whose to-infinitive is a hostile act
    ("Moldova's decision to expel 45 Russian diplomats": a lexicon verb of negative score)."""
    if noun.lemma_.lower() not in words("deed_anaphor"):
        return False
    for clause in (c for c in noun.children if c.dep_ == "acl" and any(a.lower_ == "to" for a in c.children)):
        pattern = coder.pattern_of(clause)
        coding = coder.lex.coding(pattern.cameo) if pattern is not None else None
        if coding is not None and coding.score < 0:
            return True
    return False


_FUTURE_AUX = frozenset({"will", "would", "shall", "'ll", "wo"})


@coding_rule("an_answer_is_its_means", pos=("VERB",), reads="a verb of answering (answering_verb: 'respond', "
             "'retaliate') with a by-clause whose verb is a lexicon verb ('retaliated by expelling'), or a with-phrase "
             "whose object is an event noun of nouns.tsv ('retaliated with tariffs')",
             changes="no trigger (the by-clause's verb is the act, coded on its own); trigger -> the event noun's code",
             vocab=("answering_verb",))
def an_answer_is_its_means(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | bool | None:
    """"India retaliates by expelling six Canadians": the answer is the expulsion, told by its own verb (the
    lexicon's "retaliate", 190, had added an assault); "China retaliated with tariffs": the answer is what it is
    made with (a sanction, not an assault)."""
    if tok.lemma_.lower() not in w["answering_verb"]:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"by", "with"}):
        for p in prep.children:
            if prep.lower_ == "by" and p.dep_ == "pcomp" and coder._lexicon_verb(p):
                return False
            if prep.lower_ == "with" and p.dep_ == "pobj" and p.lemma_.lower() in coder.lex.nouns:
                return _Trigger(tok, coder.lex.nouns[p.lemma_.lower()], None)
    return None


@coding_rule("joining_a_body", pos=("VERB",), reads="a finite verb of joining (body_joining_verb: 'joined', 'has "
             "acceded to'; not an infinitive or a gerund) whose direct object or to-object is a named organisation (a "
             "proper noun tagged ORG, or an organisation of the gazetteer) or a body noun (body_noun: 'the alliance', "
             "'the bloc'); or a verb of becoming (member_becoming_verb) whose complement is a member noun "
             "(member_noun) of such a body",
             changes="trigger -> 050 (diplomatic cooperation) with the body",
             vocab=("body_joining_verb", "body_noun", "member_becoming_verb", "member_noun"))
def joining_a_body(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Sweden joined NATO", "Finland joined the alliance in April", "Armenia acceded to the Rome Statute's court":
    joining a body sides with it, as PETRARCH's "join coalition" (050) does; "join" has no default code of its own,
    so such sentences gave no rule event at all."""
    if tok.lemma_.lower() in w["member_becoming_verb"] and _member_of_a_body(tok, w):
        # "Sweden became NATO's 32nd member", "became a member of the alliance" (a finite verb, as below)
        if tok.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ == "aux" and c.lower_ != "to" for c in tok.children):
            return _Trigger(tok, "050", None, specific=True)
        return None
    if tok.lemma_.lower() not in w["body_joining_verb"]:
        return None
    if not (tok.tag_ in {"VBD", "VBZ", "VBP"} or any(c.dep_ in {"aux", "auxpass"} and c.lower_ != "to"
                                                   for c in tok.children)):
        # "paves the way for X to join NATO", "objections to X joining", "interest in joining": a join that a
        # finite verb does not tell is not done (PETRARCH's patterns read it as done: no event here)
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}] + [
        p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    if any(_names_an_organisation(o) or o.lemma_.lower() in w["body_noun"] for o in objects):
        return _Trigger(tok, "050", None, specific=True)
    return None


@coding_rule("forces_sent_near_a_state", pos=("VERB",), reads="a verb of sending (sending_verb: 'sent', 'dispatched') "
             "whose direct object (or its of-object after a measure noun: 'dozens of warplanes') is a military asset "
             "(military_asset_noun: 'warplanes', 'warships', 'troops'), with a phrase of nearness (nearness_prep: "
             "'around', 'near', 'towards'), on the verb or on what is sent, whose object is a place the tagger names "
             "(GPE) or one a named place owns ('into Japan's airspace'); also a military asset moving itself, the "
             "subject of a verb of moving (moving_verb: 'flew', 'sailed')",
             changes="trigger -> 150 (a show of force) aimed at the place's state",
             vocab=("sending_verb", "military_asset_noun", "nearness_prep", "moving_verb"))
def forces_sent_near_a_state(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"China sent dozens of warplanes and navy ships around Taiwan": a show of force against Taiwan (the lexicon's
    "send aircraft", 072, made it military aid to Taiwan); "sent weapons to Kyiv" (a recipient) stays aid."""
    if tok.lemma_.lower() not in w["sending_verb"]:
        return None
    measures = words("measure_noun")
    sent = [n for d in tok.children if d.dep_ in {"dobj", "obj"} for h in _measured(d, measures)
            for n in (h, *h.conjuncts)]
    # ("Chinese jets flew into Taiwan's air defence zone": the assets are the subject of a verb of moving)
    subjects = [n for c in tok.children if c.dep_ == "nsubj" for n in (c, *c.conjuncts)] \
        if tok.lemma_.lower() in w["moving_verb"] else []
    assets = [n for n in sent + subjects if n.lemma_.lower() in w["military_asset_noun"]]
    if not assets:
        return None
    # (on the verb, or on what is sent: "flew two bombers near Japan"; a place a state owns: "into Japan's airspace")
    for prep in (c for h in (tok, *assets) for c in h.children if c.dep_ == "prep" and c.lower_ in w["nearness_prep"]):
        if any(p.dep_ == "pobj" and (p.ent_type_ == "GPE" or any(
                o.dep_ == "poss" and o.ent_type_ == "GPE" for o in p.children)) for p in prep.children):
            return _Trigger(tok, "150", prep.lower_, specific=True)
    return None


@coding_rule("going_to_a_state_is_a_visit", pos=("VERB",), reads="a verb of going (going_verb: 'go', 'come') with a "
             "to-phrase whose object is a place the tagger names (GPE: a state or a capital)",
             changes="trigger -> 042 (a visit) aimed at the to-phrase", vocab=("going_verb",))
def going_to_a_state_is_a_visit(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Orban went to Moscow": a visit, as "travelled to Moscow" (the tagger had typed "went" as a retreat); "girls
    going to school" is no visit (no named place), and the lexicon's "go to war" keeps its own code."""
    if tok.lemma_.lower() not in w["going_verb"]:
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"):
        if any(p.dep_ == "pobj" and p.ent_type_ == "GPE" for p in prep.children):
            return _Trigger(tok, "042", "to", specific=True)
    return None


@coding_rule("joining_partners_in_an_act", pos=("VERB",), reads="a verb of joining (body_joining_verb: 'joined') "
             "with a proper-noun direct object and an in-phrase whose object is a noun the lexicon pairs with the verb "
             "('joined Mali and Burkina Faso in a defence pact': verbs.tsv 'join pact')",
             changes="trigger -> that pattern's code, aimed at the direct object (the partners)",
             vocab=("body_joining_verb",))
def joining_partners_in_an_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Niger has joined Mali and Burkina Faso in a mutual defence pact": the pact is made with those joined (the
    verb had no pattern for an actor object, and the pact had no parties)."""
    lemma = tok.lemma_.lower()
    if lemma not in w["body_joining_verb"] or not any(c.dep_ in {"dobj", "obj"} and c.pos_ == "PROPN"
                                                      for c in tok.children):
        return None
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"):
        for p in (c for c in prep.children if c.dep_ == "pobj"):
            pattern = next((q for q in coder.lex.verbs.get(lemma, ()) if q.prep is None and q.particle is None
                            and q.obj == p.lemma_.lower()), None)
            if pattern is not None:
                return _Trigger(tok, pattern.cameo, None)
    return None


@coding_rule("leaving_a_body", pos=("VERB",), reads="a verb of leaving (body_leaving_verb: 'leave', 'quit', 'exit') "
             "whose direct object (or from/of-object, body_leaving_prep_verb: 'withdrew from') is a named "
             "organisation (a proper noun tagged ORG or an organisation of the gazetteer, or one in apposition to a "
             "body noun: 'the regional bloc ECOWAS') or a body noun (body_noun: 'the bloc')",
             changes="trigger -> 161 (reduce or break relations) with the body",
             vocab=("body_leaving_verb", "body_noun", "body_leaving_prep_verb"))
def leaving_a_body(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Niger, Mali and Burkina Faso were leaving the regional bloc ECOWAS", "Britain quit the EU": leaving a body
    breaks with it (the opposite of ``joining_a_body``); the lexicon has "leave" as a visit's end and "quit" only
    for a camp, a party or a post, so these gave no event."""
    lemma = tok.lemma_.lower()
    if lemma not in w["body_leaving_verb"] and lemma not in w["body_leaving_prep_verb"]:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}] if lemma in w["body_leaving_verb"] else []
    if lemma in w["body_leaving_prep_verb"]:
        # "withdrew from the Council of Europe", "pulled out of the alliance" (the parser may hang "of" on "out")
        heads = [tok] + [c for c in tok.children if c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "out"]
        objects += [p for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"from", "of"}
                    for p in c.children if p.dep_ == "pobj"]
    if _a_body(objects, w["body_noun"]):
        return _Trigger(tok, "161", None, specific=True)
    return None


def _a_body(objects: list[Any], body_nouns: frozenset[str]) -> bool:
    """Whether one of ``objects`` (or a name in apposition or compound to it: "the regional bloc ECOWAS") is a named
    organisation or a body noun ("the bloc")."""
    objects = objects + [a for o in objects for a in o.children if a.dep_ in {"appos", "compound"}]
    return any(_names_an_organisation(o) or o.lemma_.lower() in body_nouns for o in objects)


def _names_an_organisation(tok: Any) -> bool:
    """Whether the proper noun ``tok`` names an organisation: tagged ORG by the entity recogniser, or, with the words
    of its name before it, a surface of an organisation in the gazetteer ("leaving ECOWAS": the recogniser often
    tags an acronym as nothing, or as a person)."""
    if tok.ent_type_ == "ORG" and tok.pos_ == "PROPN":
        return True
    if not tok.text[:1].isupper():  # (the tagger may read an acronym as a common noun: "leaving ECOWAS", NN)
        return False
    from ..actors.gazetteer import fold, load_gazetteer

    name = [t for t in tok.subtree if t.i <= tok.i and t.dep_ in {"compound", "det"} or t == tok]
    text = fold(" ".join(t.text for t in name if t.lower_ != "the"))
    # "the Council of Europe": the of-phrase is part of the name
    full = fold(" ".join(t.text for t in tok.subtree if t.lower_ != "the"))
    return any(kind == "org" for key in {text, full} for kind, _, _ in load_gazetteer().surfaces.get(key, ()))


def _member_of_a_body(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """Whether ``tok`` has a member noun complement of a named organisation or a body noun ("became NATO's member",
    "became a member of the alliance"; ``arguments.member_owners``)."""
    return any(_names_an_organisation(o) or o.lemma_.lower() in w["body_noun"]
               for owners in member_owners(tok, w["member_noun"]) for o in owners)


@coding_rule("pronoun_for_ties", pos=("VERB",), reads="a verb of the lexicon whose direct object is a pronoun "
             "(tie_pronoun) standing for a tie noun (tie_antecedent) named before it in its sentence or the one "
             "before, and the verb's pattern for that noun", changes="trigger -> the pattern's code for the tie noun",
             vocab=("tie_pronoun", "tie_antecedent"))
def pronoun_for_ties(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"They cut ties in 2016 but restored them on Friday": "them" is the ties, so "restored" is coded as
    "restored ties" (the lexicon's pattern), not left uncoded for want of an object it knows."""
    patterns = coder.lex.verbs.get(tok.lemma_.lower())
    if not patterns or not any(c.dep_ == "dobj" and c.lower_ in w["tie_pronoun"] for c in tok.children):
        return None
    doc = tok.doc
    start = tok.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    nouns = {t.lemma_.lower() for t in doc[start:tok.i] if t.lower_ in w["tie_antecedent"]}
    pattern = next((p for p in patterns if p.obj in nouns and p.particle is None and p.prep is None), None)
    return None if pattern is None else _Trigger(tok, pattern.cameo, None, specific=True)


@coding_rule("persona_non_grata", pos=("VERB",), reads="a declaring verb (declaring_verb) with the words 'persona non "
             "grata' in its phrase", changes="trigger -> 161 (expel diplomats: reduce relations)",
             vocab=("declaring_verb",))
def persona_non_grata(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Estonia declared a Russian diplomat persona non grata": an expulsion of the diplomat, whatever the parse
    makes of the Latin (often one noun phrase, "a Russian diplomat persona non grata")."""
    if tok.lemma_.lower() not in w["declaring_verb"]:
        return None
    words_after = [t.lower_ for t in tok.subtree if t.i > tok.i]
    found = any(words_after[i:i + 3] == ["persona", "non", "grata"] for i in range(len(words_after)))
    return _Trigger(tok, "161", None, specific=True) if found else None


@coding_rule("ordering_out_is_expulsion", pos=("VERB",), reads="an ordering verb (order_out_verb) whose object is a "
             "diplomat noun (diplomat_noun), or a troop noun (troop_noun) named for a state by a modifier of its own "
             "('French troops', not 'its troops'), and whose clause (xcomp) is a verb of leaving (withdrawal_verb) or "
             "of going back (envoy_return_verb), or with the particle 'out'", changes="trigger -> 161 (expel or "
             "recall diplomats: reduce relations) for a diplomat, 166 (expel) for troops",
             vocab=("order_out_verb", "diplomat_noun", "withdrawal_verb", "envoy_return_verb", "troop_noun"))
def ordering_out_is_expulsion(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Mali ordered the French ambassador to leave within 72 hours", "gave the envoy 48 hours to quit the
    country": an expulsion (a negative act on the envoy's state, issue 12 item 3), not a mere demand. "ordered its
    ambassador to France to return home" is a recall (161 too, aimed at the host the envoy leaves). "Niger ordered
    French troops out" expels them, as "expelled French troops" does (it was read as Niger mobilising troops);
    "ordered its troops to withdraw" is a state's own retreat, not read here."""
    if tok.lemma_.lower() not in w["order_out_verb"]:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "dative"}]
    envoy = any(c.lemma_.lower() in w["diplomat_noun"] for c in objects)
    foreign = any(c.lemma_.lower() in w["troop_noun"] and any(
        m.dep_ in {"amod", "compound", "poss"} and m.pos_ in {"ADJ", "PROPN"} for m in c.children) for c in objects)
    going = w["withdrawal_verb"] | w["envoy_return_verb"]
    leave = any(c.dep_ in {"xcomp", "ccomp", "advcl"} and c.lemma_.lower() in going for c in tok.children) or any(
        c.dep_ in {"prt", "advmod", "prep"} and c.lower_ == "out" for c in tok.children)
    if not leave:
        return None
    return _Trigger(tok, "161", None, specific=True) if envoy else (
        _Trigger(tok, "166", None, specific=True) if foreign else None)


@coding_rule("ordering_ones_forces_is_their_act", pos=("VERB",), reads="an ordering verb (ordering_verb) whose object "
             "is the orderer's own forces, unnamed (arguments.own_forces_ordered), with a verb complement",
             changes="no trigger: the complement is the act, the orderer its source", vocab=("ordering_verb",))
def ordering_ones_forces_is_their_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"Niger's rulers ordered police to expel France's ambassador" was a mobilisation of police (152), "Putin
    ordered troops to withdraw from Kherson" one of troops (154): ordering one's own forces to act is that act,
    the orderer's (the expulsion had been dropped as a demand's content)."""
    if tok.lemma_.lower() not in w["ordering_verb"]:
        return None
    return False if own_forces_ordered(tok, coder.agents) is not None else None


@coding_rule("holding_responsible_is_blame", pos=("VERB",), reads="a verb of holding (holding_verb: 'hold', 'deem') "
             "with an adjective of blame (blame_adjective: 'responsible', 'accountable') after its direct object",
             changes="trigger -> 112 (accuse)", vocab=("holding_verb", "blame_adjective"))
def holding_responsible_is_blame(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"The ministry holds the Iranian side responsible for the attack": an accusation of the object (no event was
    read: "hold" is no act of its own, and the lexicon's patterns name an object noun, not its predicate)."""
    if tok.lemma_.lower() not in w["holding_verb"]:
        return None
    objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
    predicates = [c for c in tok.children if c.dep_ in {"oprd", "xcomp", "ccomp", "acomp"}]
    predicates += [a for o in objects for a in o.children if a.dep_ == "amod" and a.i > o.i]
    # "hold Russia accountable" is often parsed as a small clause: the adjective a ccomp with Russia its subject
    objects += [c for p in predicates for c in p.children if c.dep_ == "nsubj"]
    blamed = objects and any(p.lemma_.lower() in w["blame_adjective"] or p.lower_ in w["blame_adjective"]
                             for p in predicates)
    return _Trigger(tok, "112", None, specific=True) if blamed else None


@coding_rule("naming_is_no_call", pos=("VERB",), reads="a naming verb (naming_verb) with an object predicate: an oprd, "
             "an adjective after its direct object ('called the release selfish'), or a direct object in a relative "
             "clause on the thing named ('a move Israel called a breach'); the verb's lexicon pattern",
             changes="no trigger when that pattern is the verb's default (the phone call of 'call'): the naming is "
             "read by evaluation_is_disapproval", vocab=("naming_verb",))
def naming_is_no_call(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"calling it a victory for Ukraine", "a move Israel called a breach of agreements": naming something is no phone
    call (041); only the lexicon's patterns for a named thing ("called him a liar") still code the verb."""
    if tok.lemma_.lower() not in w["naming_verb"] or naming_predicate(tok) is None:
        return None
    pattern = coder.pattern_of(tok)
    return False if pattern is None or not pattern.obj else None


def naming_predicate(verb: Any) -> Any:
    """The object predicate of a naming verb ("called it [a victory]", "called the release by Japan [selfish]", "a move
    Israel called [a breach]"), or None (a token: compare with ==, spaCy makes a new one on each access)."""
    oprds = [c for c in verb.children if c.dep_ == "oprd"]
    if oprds:  # ("called Sisi a tyrant", parsed as two object predicates: the last is the predicate)
        return oprds[-1]
    objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    if len(objects) == 2:
        return objects[1]  # "calling it “a victory for Ukraine”": the parser's second object
    for o in objects:
        # the parser hangs the predicate adjective on the object: an adjective after it
        late = [a for a in o.children if a.dep_ == "amod" and a.i > o.i]
        if late:
            return late[0]
    if verb.dep_ == "relcl" and len(objects) == 1 and objects[0].i > verb.i:
        # the named thing is the relative clause's noun, so the verb's object is its predicate
        return objects[0]
    return None


@coding_rule("lexicon_verb", pos=("VERB",), reads="a verb of the lexicon (verbs.tsv) that is no verb of saying (speech verbs less "
             "speech_trigger, plus not_trigger_verb) and no trigger-stage rule vetoes; its particles, prepositions "
             "and objects", changes="trigger -> the most specific matching pattern's code")
def lexicon_verb(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"condemned Israel", "called on Russia": the lexicon's most specific pattern for the verb."""
    if not coder._lexicon_verb(tok):
        return None
    pattern = coder._best_pattern(tok, coder.lex.verbs[tok.lemma_.lower()])
    if pattern is None:
        return None
    return _Trigger(tok, pattern.cameo, pattern.prep or pattern.particle, specific=pattern.specificity > 0)


@coding_rule("evaluation_is_disapproval", reads="a negative evaluation word (negative_evaluation), or a noun of an "
             "act of force (nouns.tsv, CAMEO 17-20) a naming verb predicates ('called it an assault on democracy'), as a "
             "predicate: "
             "the complement of a copula (acomp, attr, or an adjective on the attribute noun), an object predicate "
             "(oprd), the as-phrase of a naming verb (naming_verb: 'described it as'), or an epithet of an act noun "
             "(judged_act_noun) inside quotation marks ('the “brutal” decision')",
             changes="trigger -> 111 (criticise): the speaker or namer against the author of what is judged; "
             "under a negated copula, 052 (defend verbally: 'X is not a terrorist group'); none after a hyphened "
             "prefix of opposition (opposing_prefix: 'anti-terrorist')",
             vocab=("negative_evaluation", "judged_act_noun", "opposing_prefix"))
def evaluation_is_disapproval(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"the spokesman said the ministry's decision was reckless", "a rash and wrong decision", "calling
    it unacceptable conduct": a judgement of another's act is disapproval of its
    author (issue 12: relations stated by noun phrases and evaluations were not read)."""
    if tok.lemma_.lower() not in w["negative_evaluation"] and tok.lower_ not in w["negative_evaluation"] \
            and not _hostile_act_named(tok, coder):
        return None
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in w["opposing_prefix"]:
        return None  # "anti-terrorist measures", "counter-terrorist operation": against terror, no one called it
    frame = evaluation_frame(tok)
    if frame is None:
        return None
    kind, verb = frame
    if kind == "copula" and any(c.dep_ == "neg" for c in verb.children):
        # "Hamas is not a terrorist organisation", said by X: X defends Hamas (052), the "not" is the act
        return _Trigger(tok, "052", None, specific=True, evaluation=True, negation_is_the_act=True)
    return _Trigger(tok, "111", None, specific=True, evaluation=True)


# CAMEO roots of force (coerce, assault, fight, mass violence): naming an act one of these judges it
_FORCE_ROOTS = frozenset({"17", "18", "19", "20"})


def _hostile_act_named(tok: Any, coder: EventCoder) -> bool:
    """Whether ``tok`` is a noun of an act of force (nouns.tsv, CAMEO 17-20) or of a charge (charge_noun: "called the
    strike a war crime") that a naming verb predicates: "Sandu called it an unprecedented assault on our democracy"
    names the scheme an assault, it tells of none (it was an assault by no one)."""
    code = coder.lex.nouns.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
    if (code is None or code[:2] not in _FORCE_ROOTS) and tok.lemma_.lower() not in words("charge_noun"):
        return False  # ("what he called a de facto membership freeze" describes a sanction, it judges no one)
    frame = evaluation_frame(tok)
    return frame is not None and frame[0] == "naming"


def evaluation_frame(tok: Any) -> tuple[str, Any] | None:
    """How an evaluation word judges: ("copula", the copula verb), ("naming", the naming verb), ("quoted", the act
    noun of a quoted epithet) or ("charged", a noun of charge with its owner: rule charge_noun_is_accusation), else
    None."""
    if tok.pos_ == "NOUN" and tok.lemma_.lower() in words("charge_noun") and charged_owner(tok) is not None:
        return "charged", tok
    node = tok
    for _ in range(3):  # "a rash and badly wrong decision": up the coordination
        if node.dep_ != "conj":
            break
        node = node.head
    if node.dep_ == "amod":  # "unacceptable behaviour", "a wrong decision": the noun it qualifies
        node = node.head
        if node.lemma_.lower() in words("judged_act_noun") and in_quotes(tok):
            if node.head.lemma_.lower() in words("naming_verb") and naming_predicate(node.head) == node:
                # "called the expulsions “an unfriendly step”": the step is what the expulsions are called
                return "naming", node.head
            # the “brutal, unilateral decision”: an epithet quoted from a speaker is the speaker's judgement
            return "quoted", node
    if node.dep_ in {"acomp", "attr"} and node.head.lemma_.lower() in {"be", "constitute", "remain", "become", "seem"}:
        return "copula", node.head
    if node.dep_ == "dobj" and node.head.lemma_.lower() in {"constitute"}:
        return "copula", node.head
    if node.dep_ == "oprd":
        return "naming", node.head
    verb = tok.head if tok.dep_ in {"dobj", "obj"} else tok.head.head if tok.dep_ == "amod" else None
    if verb is not None and verb.lemma_.lower() in words("naming_verb") and naming_predicate(verb) == tok:
        # "called the release by Japan extremely selfish", "a move Israel called a breach": parsed as an object
        return "naming", verb
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.lemma_.lower() in words("naming_verb"):
        return "naming", node.head.head
    if node.dep_ == "pobj" and node.head.lower_ == "as" and node.head.head.dep_ in {"dobj", "obj"} \
            and node.head.head.head.lemma_.lower() in words("naming_verb"):
        # "described the move as strategic stupidity": the parser hangs the as-phrase on the object
        return "naming", node.head.head.head
    return None


@coding_rule("charge_noun_is_accusation", pos=("NOUN",), reads="a noun of charge (charge_noun: 'crimes', 'atrocities', "
             "'lies'; no event noun of the lexicon) whose owner is named (a possessor or an of-phrase naming an actor)",
             changes="trigger -> 112 (accuse): the speaker of the clause against the owner; no event without a "
             "speaker (the outlet's own words take no side)", vocab=("charge_noun",))
def charge_noun_is_accusation(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Khamenei said the crimes of the Zionist regime would not go unanswered", "denounced Washington's lies": to
    speak of another's crimes is to accuse it (the sentence had no event)."""
    lemma = tok.lemma_.lower()
    if lemma not in w["charge_noun"] or lemma in coder.lex.nouns:
        return None
    return _Trigger(tok, "112", None, specific=True, evaluation=True) if charged_owner(tok) is not None else None


def charged_owner(noun: Any) -> Any:
    """The token naming whose a charge noun is: its possessor, or the object of its of-phrase ("the crimes of the
    regime"), when a proper noun or a named entity; else None."""
    named = {"GPE", "ORG", "NORP", "PERSON"}
    for c in noun.children:
        if c.dep_ == "poss" and (c.pos_ == "PROPN" or c.ent_type_ in named):
            return c
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and (p.pos_ == "PROPN" or p.ent_type_ in named
                                         or any(t.ent_type_ in named for t in p.subtree)):
                    return p
    return None


@coding_rule("compound_noun_head_carries", pos=("NOUN",), reads="a noun that is a compound modifier and, with its head, an event "
             "noun (nouns.tsv)", changes="drops the modifier as a trigger")
def compound_noun_head_carries(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"war games": the head noun carries the event, not "war"."""
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" \
            and f"{tok.lemma_.lower()} {tok.head.lemma_.lower()}" in coder.lex.nouns:
        return False
    return None


def _drift(tok: Any, w: dict[str, frozenset[str]]) -> tuple[str, str] | None:
    """("closer", "to") for "drew closer to X", ("away", "from") for "drifted away from X", else None."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in w["drift_verb"]:
        return None
    for c in tok.children:
        word = c.lower_
        if c.dep_ in {"advmod", "acomp", "prt", "dobj"} and word in w["closer_word"] | {"away"}:
            prep = "to" if word in w["closer_word"] else "from"
            if any(p.dep_ == "prep" and p.lower_ == prep for p in (*c.children, *tok.children)):
                return word, prep
    return None


@coding_rule("drifting_closer_or_away", pos=("VERB", "AUX"), reads="a drift verb (drift_verb) with 'closer' (closer_word) and a to-phrase, or "
             "with 'away' and a from-phrase", changes="trigger -> 050 (diplomatic cooperation) towards, 160 (reduce "
             "relations) away from, the phrase's actor (object rule drift_partner)", vocab=("drift_verb", "closer_word"))
def drifting_closer_or_away(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Georgia, which has drawn closer to Ankara", "Armenia has drifted away from Russia": moving closer to an
    actor is alignment with it, drifting away is a cooling (neither verb is an event in the lexicon)."""
    found = _drift(tok, w)
    if found is None:
        return None
    return _Trigger(tok, "050" if found[1] == "to" else "160", found[1], specific=True)


@coding_rule("designation_as_enemy", pos=("VERB", "AUX"), reads="a designating verb (designating_verb) whose as-phrase "
             "names a hostile label (hostile_label), or with an object and a for-phrase of a deed ('designated 20 "
             "firms for supplying Russia')", changes="trigger -> 172 (administrative sanction)",
             vocab=("designating_verb", "hostile_label"))
def designation_as_enemy(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"the PKK, designated as a terrorist organisation by Turkey", "listed the group as a terrorist entity": an
    official designation as an enemy is a sanction on the one designated (the verb is no event in the lexicon); so
    is a listing for a deed ("OFAC designated 120 entities for supplying Russia" had been aid)."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.lemma_.lower() not in w["designating_verb"]:
        return None
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            if any(t.lemma_.lower() in w["hostile_label"] for t in c.subtree):
                return _Trigger(tok, "172", None, specific=True)
        if c.dep_ == "prep" and c.lower_ == "for" and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children) \
                and any(o.dep_ in {"dobj", "obj"} for o in tok.children):
            return _Trigger(tok, "172", None, specific=True)
    return None


@coding_rule("telling_to_act_is_a_demand", pos=("VERB",), reads="a verb of telling (telling_verb: 'tell') with a named "
             "object and a to-infinitive ('told Poland to lift the ban')", changes="trigger -> 100 (demand)",
             vocab=("telling_verb",))
def telling_to_act_is_a_demand(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Zelensky told Poland to lift the ban": telling someone to act demands it (the lexicon's "tell" is a statement,
    no event, and the lifting was told as done by Poland); "told reporters that ..." stays a statement."""
    # (a named party: "told his ministers to" orders one's own, whose act is the source's)
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in w["telling_verb"] \
            or not any(c.dep_ in {"dobj", "obj", "dative"} and c.pos_ == "PROPN" for c in tok.children):
        return None
    if any(c.dep_ in {"xcomp", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
           and not any(a.dep_ in {"nsubj", "nsubjpass"} for a in c.children) for c in tok.children):
        return _Trigger(tok, "100", None, specific=True)
    return None


@coding_rule("worry_of_about", pos=("NOUN",), reads="a worry noun (worry_noun) with an owner (possessor, or of-phrase naming an actor) "
             "and an about/over phrase", changes="trigger -> 110 (disapprove), nominal: the owner against the author "
             "of what the worry is about", vocab=("worry_noun",))
def worry_of_about(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"heighten the concerns of Australia, the US and New Zealand over China's rising influence", "Japan's alarm
    over Beijing's drills": a worry owned by one actor about another's act is disapproval of it."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in w["worry_noun"]:
        return None
    owned = any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children)
    about = any(c.dep_ == "prep" and c.lower_ in WORRY_PREPS for c in tok.children)
    return _Trigger(tok, "110", None, nominal=True, specific=True) if owned and about else None


WORRY_PREPS = frozenset({"about", "over"})


@coding_rule("figurative_conflict_is_no_act", pos=("NOUN",), reads="a conflict noun (figurative_conflict_noun) whose "
             "of-phrase names an abstract thing (abstract_of_noun): 'a clash of interests', 'a war of words'",
             changes="no trigger", vocab=("figurative_conflict_noun", "abstract_of_noun"))
def figurative_conflict_is_no_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"Moscow and Tel Aviv settled their clash of interests", "a war of words": a disagreement named as a fight,
    not an armed clash (nouns.tsv codes "clash" and "war" as 190)."""
    if tok.lemma_.lower() not in w["figurative_conflict_noun"]:
        return None
    for prep in tok.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" \
                and any(o.dep_ == "pobj" and o.lemma_.lower() in w["abstract_of_noun"] for o in prep.children):
            return False
    return None


@coding_rule("press_event_is_no_meeting", pos=("NOUN",), reads="a noun of the lexicon with a press modifier "
             "(press_modifier: 'news', 'press') before it ('a joint news conference')", changes="no trigger",
             vocab=("press_modifier",))
def press_event_is_no_meeting(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"Kishida told a joint news conference", "at a press briefing": where leaders speak to reporters, not a
    meeting of the two (a "joint" news conference says who spoke, and the talks are told as an event of their own)."""
    if any(c.dep_ in {"compound", "amod"} and c.lower_ in w["press_modifier"] and c.i < tok.i for c in tok.children):
        return False
    return None


@coding_rule("fixed_noun_phrase_is_no_act", pos=("NOUN",), reads="a noun inside a fixed phrase (fixed_noun_phrase: "
             "'port of call')", changes="no trigger", vocab=("fixed_noun_phrase",))
def fixed_noun_phrase_is_no_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"the vessel is proceeding to its next port of call": a phrase whose noun names no act (it was a phone call)."""
    doc = tok.doc
    for phrase in w["fixed_noun_phrase"]:
        parts = phrase.split()
        for k, part in enumerate(parts):
            lo = tok.i - k
            if part == tok.lower_ and lo >= 0 and lo + len(parts) <= len(doc) \
                    and [t.lower_ for t in doc[lo:lo + len(parts)]] == parts:
                return False
    return None


@coding_rule("a_figure_is_no_act", pos=("NOUN",), reads="a noun naming no actor in its phrase that is the subject of "
             "a verb of a figure (figure_verb: 'be', 'total', 'stand') whose predicate is 'worth' or holds a sum "
             "(MONEY, PERCENT)", changes="no trigger", vocab=("figure_verb",))
def a_figure_is_no_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"Bilateral trade was worth nearly $7 billion last year": a figure of trade, no act of trading (it was a
    cooperation of no one, dated last year, and as a background sentence it made the news act told after it
    background too).  A noun whose phrase names an actor ("US aid to Kyiv was worth $60 billion") is left alone."""
    if tok.pos_ != "NOUN" or tok.dep_ != "nsubj" or not states_a_figure(tok.head, w["figure_verb"]):
        return None
    if any(t.pos_ == "PROPN" or t.ent_type_ in {"GPE", "NORP", "ORG", "PERSON"} for t in tok.subtree):
        return None
    return False


def states_a_figure(verb: Any, figure_verbs: frozenset[str]) -> bool:
    """Whether ``verb`` is a verb of a figure (figure_verb) whose predicate is "worth" or holds a sum ("was worth $7
    billion", "stood at $20 billion", "was up 20 percent"): a state of things, no act and no story."""
    if verb.lemma_.lower() not in figure_verbs:
        return False
    preds = [c for c in verb.children if c.dep_ in {"acomp", "attr", "dobj", "prep", "npadvmod", "advmod"}]
    return any(p.lower_ == "worth" or any(t.ent_type_ in {"MONEY", "PERCENT"} for t in p.subtree) for p in preds)


@coding_rule("call_for_is_an_appeal", pos=("NOUN",), reads="a noun of calling (appeal_call_noun: 'call') with a "
             "for-phrase or an on-phrase ('his call for a ceasefire', 'Calls on the Council to ...')",
             changes="trigger -> 020 (appeal), nominal, aimed at the on-phrase", vocab=("appeal_call_noun",))
def call_for_is_an_appeal(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Macron renewed his call for a ceasefire", and a resolution's "Calls on the Council to impose sanctions" (the
    tagger reads the bare capital as a plural noun): a call for something, or on someone, is an appeal; only a bare
    call ("held a call with Putin") is a phone call (nouns.tsv)."""
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in w["appeal_call_noun"]:
        return None
    preps = [c.lower_ for c in tok.children if c.dep_ == "prep" and c.lower_ in {"for", "on"}]
    if not preps:
        return None
    return _Trigger(tok, "020", "on" if "on" in preps else None, nominal=True, specific=True)


@coding_rule("a_kind_of_thing_is_no_act", pos=("NOUN",), reads="a noun that is a compound modifier of a noun of a "
             "thing, place or trade (kind_head_noun: 'a drone base', 'a missile factory', 'aid workers')",
             changes="no trigger", vocab=("kind_head_noun",))
def a_kind_of_thing_is_no_act(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> bool | None:
    """"Washington tried to keep its drone base in Agadez" was a drone strike: a modifier that says what kind of
    base, factory or worker names no act (a verb governing the phrase, "expanded its missile programme", takes no
    act from it either: ``EventCoder._governed_event_noun``)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "compound" and tok.i < tok.head.i \
            and tok.head.lemma_.lower() in w["kind_head_noun"]:
        return False
    return None


@coding_rule("event_noun", pos=("NOUN",), reads="a noun of the lexicon (nouns.tsv) that is no relation cue (relation_cues.tsv)",
             changes="trigger -> the noun's code, nominal")
def event_noun(tok: Any, coder: EventCoder, w: dict[str, frozenset[str]]) -> _Trigger | None:
    """"Israel's bombing in Gaza", "the invasion of Ukraine": an event named by a noun."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "NOUN" and lemma in coder.lex.nouns and lemma not in coder.lex.relation_cues \
            and not _in_a_french_title(tok):
        return _Trigger(tok, coder.lex.nouns[lemma], None, nominal=True)
    return None


def _in_a_french_title(tok: Any) -> bool:
    """"represented by charges d'affaires": an English noun before a French "d'..." is part of a title (a charge
    d'affaires is a diplomat, not a charge)."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_.startswith(("d'", "d\u2019"))
