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

import re
from dataclasses import dataclass, replace
from typing import Any

from ..model import DateBasis, Event, EventDate, Mention
from ..nlp import Parsed
from .arguments import OBJ_DEPS, ArgumentFinder, Context, as_argument, named
from .attribution import SPEECH_LEMMAS, Speakers
from .dating import CONTINUES_CUE, date_event
from .lexicon import Coding, Lexicon, VerbPattern
from .modality import Modality, read_modality

CONSULT_RECIPROCAL = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT"}
# Verbs that state an intention: coded through the verb they govern, with intent set.
# ("decided to lift", "tried to hack" report the act itself, so decide/try/attempt are not listed.)
INTENT_GOVERNORS = {"vow", "pledge", "promise", "intend", "plan", "aim", "seek", "want", "wish", "hope", "threaten",
                    "offer", "agree", "prepare", "warn", "swear", "propose"}
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "determined", "keen", "set", "eager"}
# "vow"/"swear" are threats only for hostile acts ("vowed to fight"); "vows to release hostages" is a promise.
THREAT_GOVERNORS = {"threaten", "warn"}
OFFER_GOVERNORS = {"offer", "promise", "pledge", "agree", "willing", "ready", "prepared", "propose"}
OBLIGATION = {"must", "should"}
# Of those, the ones that are events in their own right when they govern no other trigger.
INTENT_EVENTS = {"vow", "pledge", "promise", "threaten", "offer", "agree"}
NOT_TRIGGERS = SPEECH_LEMMAS - {"warn", "deny", "reject", "acknowledge", "admit", "continue"} | {"fail"}
# Verbs that take their meaning from the event noun they govern ("launched an attack", "continue with an offensive").
ASPECTUAL = {"continue", "begin", "start", "launch", "resume", "intensify", "escalate", "step", "stage", "conduct",
             "carry", "wage", "mount", "hold", "undertake", "pursue", "expand", "increase", "announce", "declare",
             "unveil", "order", "approve", "perform", "make", "give", "put"}
# An intention is coded by its act's CAMEO root: the matching "express intent" (03x) or "threaten" (13x) code.
INTENT_BY_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030",
    "14": "133", "15": "138", "16": "131", "17": "138", "18": "138", "19": "138", "20": "138",
}


@dataclass(frozen=True, slots=True)
class _Trigger:
    tok: Any
    cameo: str
    prep: str | None
    nominal: bool = False
    specific: bool = False  # the lexicon pattern named an object, particle or preposition


class EventCoder:
    """Codes events in parsed documents; build once with the lexicon and reuse."""

    def __init__(self, lexicon: Lexicon, *, agents: dict[str, str] | None = None) -> None:
        self.lex = lexicon
        self.agents = agents or {}
        self.event_nouns = frozenset(lexicon.nouns) | frozenset(lexicon.relation_cues)
        self.noun_types = {noun: c.type for noun, code in lexicon.nouns.items()
                           if (c := lexicon.coding(code)) is not None and c.type}

    def code(self, parsed: Parsed, mentions: tuple[Mention, ...], speakers: Speakers | None = None) -> tuple[Event, ...]:
        """All events of a document, per sentence most salient first."""
        speakers = speakers or Speakers(parsed, mentions)
        finder = ArgumentFinder(speakers, self.event_nouns, self.agents, self.noun_types)
        doc = parsed.doc
        out: list[Event] = []
        ctx = Context()
        background_paragraph: int | None = None  # paragraph of the last sentence with a background event
        for idx, (start, end) in enumerate(parsed.spans):
            sent = doc[start:end]
            sentence = parsed.sentences[idx]
            carry = background_paragraph is not None and (
                background_paragraph == sentence.paragraph
                or (background_paragraph == sentence.paragraph - 1 and _CONTINUES.match(sentence.text) is not None)
            )
            found: list[tuple[int, int, Event]] = []
            triggers = self._triggers(sent)
            governing = {t.tok.head.i for t in triggers if t.tok.dep_ == "xcomp"}
            requested = self._requested_content(triggers)
            for trig in triggers:
                lemma = trig.tok.lemma_.lower()
                if lemma in INTENT_GOVERNORS and (trig.tok.i in governing or not (lemma in INTENT_EVENTS or trig.specific)):
                    continue
                if trig.tok.i in requested:
                    continue  # "demanded that the US cancel ...": the cancelling is asked for, not done
                event = self._build(parsed, sentence, sent, trig, speakers, finder, ctx, carry=carry)
                if event is not None:
                    found.append((_depth(trig.tok), trig.tok.i, event))
            if not found and triggers:
                # No trigger had an actor: still record what happened, with whatever arguments the parse
                # gives (possibly none), so the sentence's event type is not lost.  Such events have no
                # network node and never enter the relations.
                main = min(triggers, key=lambda t: (_depth(t.tok), t.tok.i))
                event = self._build(parsed, sentence, sent, main, speakers, finder, ctx, carry=carry,
                                    require_actor=False)
                if event is not None:
                    found.append((_depth(main.tok), main.tok.i, event))
            found.sort(key=lambda f: (f[0], f[1]))
            events = _dedupe(e for _, _, e in found)
            out.extend(events)
            # only a sentence whose main event is background is continued: a background aside in one clause
            # ("ties cut seven years ago") does not make the next sentence background
            background_paragraph = (
                sentence.paragraph if events and events[0].date.basis == DateBasis.BACKGROUND else None
            )
            ctx.remember(sent, speakers, events[0].source if events else ())
        return tuple(out)

    def _requested_content(self, triggers: list[_Trigger]) -> set[int]:
        """Token indices inside the clause a REQUEST trigger asks for ("urged Israel to ease ...")."""
        out: set[int] = set()
        for t in triggers:
            coding = self.lex.coding(t.cameo)
            if coding is None or coding.type != "REQUEST":
                continue
            for child in t.tok.children:
                if child.dep_ in {"ccomp", "xcomp", "acl"}:
                    out.update(x.i for x in child.subtree)
        return out

    # -- triggers ------------------------------------------------------------
    def _triggers(self, sent: Any) -> list[_Trigger]:
        out = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and _is_reversal(tok):
                # "reduced military aid", "ended mediation efforts", "lifted sanctions", "called off a strike":
                # undoing an act is coded from what is undone; abandoning ties or an alliance reduces relations
                noun = self._governed_event_noun(tok)
                if noun is not None:
                    out.append(_Trigger(tok, _reverse(self.lex.nouns[noun], noun), None, specific=True))
                    continue
                if any(c.dep_ in OBJ_DEPS and self.lex.relation_cues.get(c.lemma_.lower(), 0) > 0 for c in tok.children):
                    out.append(_Trigger(tok, "161", None, specific=True))
                    continue
            if tok.pos_ == "VERB" and lemma in FIGHT_VERBS and _fights_a_problem(tok):
                continue  # "fight the Ebola epidemic" is no armed fight
            if tok.pos_ == "VERB" and lemma in self.lex.verbs and lemma not in NOT_TRIGGERS:
                if any(c.dep_ == "oprd" for c in tok.children):
                    continue  # naming: "called Russia its closest friend" is a stated relation
                if tok.tag_ == "VBN" and tok.dep_ in {"amod", "acomp", "oprd", "ccomp"} and not any(
                    c.dep_ in {"agent", "nsubjpass", "nsubj", "aux", "auxpass"} for c in tok.children
                ):
                    continue  # adjectival participle: "left Russia isolated"
                pattern = self._best_pattern(tok, self.lex.verbs[lemma])
                if lemma in ASPECTUAL and (pattern is None or pattern.obj is None):
                    noun = self._governed_event_noun(tok)
                    if noun is not None:
                        out.append(_Trigger(tok, self.lex.nouns[noun], None))
                        continue
                if pattern is not None:
                    out.append(_Trigger(tok, pattern.cameo, pattern.prep or pattern.particle,
                                        specific=pattern.specificity > 0))
            elif tok.pos_ == "VERB" and lemma in ASPECTUAL:
                noun = self._governed_event_noun(tok)
                if noun is not None:
                    out.append(_Trigger(tok, self.lex.nouns[noun], None))
            elif tok.pos_ == "NOUN" and tok.dep_ == "compound" and f"{lemma} {tok.head.lemma_.lower()}" in self.lex.nouns:
                continue  # "war games": the head noun carries the event
            elif tok.pos_ == "NOUN" and lemma in self.lex.nouns and lemma not in self.lex.relation_cues:
                out.append(_Trigger(tok, self.lex.nouns[lemma], None, nominal=True))
        return out

    def _governed_event_noun(self, tok: Any) -> str | None:
        for c in tok.children:
            if c.dep_ in OBJ_DEPS:
                # "launched a mediation effort", "war games": a compound modifier may carry the event
                for m in c.children:
                    pair = f"{m.lemma_.lower()} {c.lemma_.lower()}"
                    if m.dep_ == "compound" and pair in self.lex.nouns:
                        return pair
                if c.lemma_.lower() in self.lex.nouns:
                    return c.lemma_.lower()
                for m in c.children:
                    if m.dep_ == "compound" and m.lemma_.lower() in self.lex.nouns:
                        return m.lemma_.lower()
            if c.dep_ == "prep" and c.lower_ == "with":
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in self.lex.nouns:
                        return p.lemma_.lower()
        return None

    def _best_pattern(self, tok: Any, patterns: tuple[VerbPattern, ...]) -> VerbPattern | None:
        particles = {c.lower_ for c in tok.children if c.dep_ == "prt"}
        preps = {c.lower_ for c in tok.children if c.dep_ in {"prep", "agent", "dative"}}
        objects = set()
        for c in tok.children:
            if c.dep_ in OBJ_DEPS | {"nsubjpass"}:
                objects.add(c.lemma_.lower())
            if c.dep_ == "prep":
                objects.update(p.lemma_.lower() for p in c.children if p.dep_ == "pobj")
        # spaCy parses "call on X" with "on" as a particle or a preposition: accept either.
        for p in patterns:  # sorted most specific first
            if p.particle and p.particle not in particles and p.particle not in preps:
                continue
            if p.prep and p.prep not in preps and p.prep not in particles:
                continue
            if p.obj and p.obj not in objects:
                continue
            return p
        return None

    # -- one event -----------------------------------------------------------
    def _build(self, parsed: Parsed, sentence: Any, sent: Any, trig: _Trigger, speakers: Speakers,
               finder: ArgumentFinder, ctx: Context, *, carry: bool = False,
               require_actor: bool = True) -> Event | None:
        coding = self.lex.coding(trig.cameo)
        if coding is None or coding.type is None:
            return None
        tok = trig.tok
        if trig.nominal:
            source, target = finder.nominal(tok)
        else:
            source, target = finder.verbal(tok, etype=coding.type, cameo=coding.cameo, wanted_prep=trig.prep, ctx=ctx)
        source = [m for m in source if m.actor is not None or named(m)]
        target = [m for m in target if m not in source]
        if require_actor:
            if not source or not any(m.actor for m in (*source, *target)):
                return None
            if trig.nominal and not target and len(source) < 2:
                return None
        source = [as_argument(m, sent, tok) for m in source]
        target = [as_argument(m, sent, tok) for m in target]
        modality = read_modality(tok, sent, self.lex)
        if not modality.background and carry and tok.tag_ in {"VBD", "VBN"} \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            # A past-tense sentence right after a background one in the same paragraph continues it
            # ("The two states had cooperated closely in the past. Their leaders signed a trade pact ...").
            modality = replace(modality, background=True, background_cue=CONTINUES_CUE)
        refusal = _refusal_governor(tok)
        if refusal is not None and coding.score >= 0 and coding.cameo[:2] != "12":
            # "failed to reach agreement", "refused to recognise": the refusal is the act (REJECT)
            coding = self.lex.coding("120") or coding
            modality = replace(modality, negated=False)
        governor = _intent_governor(tok)
        if governor is not None and refusal is None:
            modality = replace(modality, intent=True)
        coding = self._apply_intent(coding, modality, governor=governor, conditional=_conditional(tok))
        if modality.intent and modality.negated and coding.score >= 0 and coding.cameo[:2] not in {"12", "13"}:
            # "will not release the pilots", "will not lift the ban": refusing is the act (REJECT)
            coding = self.lex.coding("120") or coding
            modality = replace(modality, negated=False)
        if coding.cameo[:2] == "15" and any(t.lower_.startswith(("peacekeep", "observer", "rescue", "relief"))
                                              for t in sent):
            coding = self.lex.coding("074") or coding  # troops sent to keep the peace are aid, not a threat
        said_by = self.speaker(tok, speakers)
        if said_by is not None and any(c.dep_ == "aux" and c.lower_ in OBLIGATION for c in tok.children) \
                and said_by not in source:
            # "Russia said Sudan must return the helicopter": Russia demands it of Sudan
            target, source = list(source), [said_by]
            coding = self.lex.coding("100") or coding
            said_by = None  # the demand is the speech act itself: its speaker is its source, not repeated
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
            evidence_text=sentence.text,
            evidence_start=sentence.start,
            evidence_end=sentence.end,
            salience=1.0 / (1 + _depth(tok)),
            method="rule" if require_actor else "rule-no-actor",
        )

    def _apply_intent(self, coding: Coding, modality: Modality, *, governor: str | None = None,
                      conditional: bool = False) -> Coding:
        """An intention, promise or threat is coded as such (AGREE / THREATEN), not as the act.

        "threatened to ban", "will withdraw ... unless" are threats whatever the act; "offered to hand
        over", "willing to withdraw" are offers (AGREE); otherwise a hostile act intended is a threat and a
        cooperative one an expressed intent to cooperate.
        """
        if not modality.intent or coding.cameo[:2] in {"03", "13"}:
            return coding
        if governor in THREAT_GOVERNORS or conditional:
            code = "138" if coding.cameo[:2] in {"15", "17", "18", "19", "20"} else "130"
        elif governor in OFFER_GOVERNORS:
            code = INTENT_BY_ROOT.get(coding.cameo[:2], "030")
            if not code.startswith("03"):
                code = "030"
        else:
            code = INTENT_BY_ROOT.get(coding.cameo[:2], "138" if coding.score < 0 else "030")
        return self.lex.coding(code) or coding

    def speaker(self, tok: Any, speakers: Speakers) -> Mention | None:
        """Who asserts what ``tok`` says: the speaker of its quote, or of the clause reporting it."""
        k = speakers.quote_at(tok.idx)
        if k is not None:
            quoted = speakers.speaker_of_quote(k)
            if quoted is not None:
                return quoted
        # a scare-quoted word ("an “enemy”") is said by whoever reports the clause
        return speakers.speaker_of_clause(tok)

    def date_for(self, parsed: Parsed, sentence: Any, modality: Modality, tok: Any = None) -> EventDate:
        """The event's date: stated in its clause, background, or the document's own date (``dating``)."""
        return date_event(tok, parsed.spans[sentence.idx], parsed.document, modality)


# Paragraph openings that continue the previous paragraph's account ("To put it in other words, ...").
_CONTINUES = re.compile(r"^(to put it (in )?other words|in other words|that is|put differently|in short)\b", re.I)
REVERSAL_VERBS = {"reduce", "cut", "suspend", "halt", "end", "stop", "freeze", "withdraw", "cancel", "lift", "remove",
                  "ease", "scrap", "abandon", "renounce", "terminate", "curtail", "slash", "drop", "relax"}
REVERSAL_PARTICLES = {("call", "off"), ("give", "up"), ("pull", "out"), ("scale", "back"), ("wind", "down")}
FIGHT_VERBS = {"fight", "combat", "battle", "tackle"}
PROBLEMS = {"epidemic", "disease", "virus", "pandemic", "outbreak", "poverty", "corruption", "hunger", "famine",
            "drought", "fire", "wildfire", "inflation", "cancer", "malaria", "ebola", "covid", "illiteracy",
            "unemployment", "climate", "pollution", "deforestation", "flood", "locust", "addiction"}
# What undoing an act of a given CAMEO root is coded as.
REVERSE_BY_ROOT = {"04": "164", "05": "161", "06": "161", "07": "162", "03": "161",
                   "14": "083", "15": "087", "16": "081", "17": "081", "18": "087", "19": "087", "20": "087"}


def _is_reversal(tok: Any) -> bool:
    lemma = tok.lemma_.lower()
    if lemma in REVERSAL_VERBS:
        return True
    return any((lemma, c.lower_) in REVERSAL_PARTICLES for c in tok.children if c.dep_ == "prt")


def _reverse(cameo: str, noun: str) -> str:
    if noun in {"sanction", "sanctions", "embargo", "boycott"}:
        return "085"
    if "mediat" in noun:
        return "165"
    return REVERSE_BY_ROOT.get(cameo[:2], "080")


def _fights_a_problem(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ in {"dobj", "prep"}:
            for t in c.subtree:
                if t.lemma_.lower() in PROBLEMS:
                    return True
    return False


def _intent_governor(tok: Any) -> str | None:
    """The verb or adjective that makes ``tok`` an intention ("threatened to ban", "willing to withdraw")."""
    node = tok
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp"} or node.head == node:
            return None
        head = node.head
        lemma = head.lemma_.lower()
        if lemma in INTENT_GOVERNORS or lemma in INTENT_ADJECTIVES:
            return lemma
        node = head
    return None


def _refusal_governor(tok: Any) -> str | None:
    node = tok
    for _ in range(2):
        if node.dep_ != "xcomp" or node.head == node:
            return None
        if node.head.lemma_.lower() in {"refuse", "decline", "fail"}:
            return node.head.lemma_.lower()
        node = node.head
    return None


def _conditional(tok: Any) -> bool:
    """"... will withdraw its force unless ...": an act made conditional is a threat (or an offer)."""
    for node in (tok, *list(tok.ancestors)[:2]):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.lower_ in {"unless", "if"} and m.dep_ == "mark" for m in c.children):
                return True
    return False


def _depth(tok: Any) -> int:
    d = 0
    while tok.head != tok and d < 50:
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
