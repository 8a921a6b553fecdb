"""The modality rules: what makes an event negated, hedged, intended or background (registry stage ``modality``).

Each rule reads the trigger, the chain of words governing it (``modality._chain``: up through complement links,
never across a speech verb's complement) and the lexicon's cues (``data/modality.tsv``), and says which flags it
sets.  Their own word sets are in ``data/rule_vocab.tsv``.  ``EventCoder(..., disabled={"name"})`` leaves one out
(the tests in ``tests/events/test_modality_rules.py`` show that each one decides its case).
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import Lexicon
from .modality import PAST_PERFECT_CUE, _clause_text, _phrase_in, told_in_past_perfect
from .rules import modality_rule

Flags = dict[str, Any] | None


def _children(chain: list[Any]) -> list[tuple[Any, Any]]:
    return [(node, child) for node in chain for child in node.children]


def _below_a_consequence(chain: list[Any]) -> list[Any]:
    """The chain up to a participle clause after its head with neither conjunction nor subject of its own ("failed
    to adopt the text, drawing rebukes from France", "did not attend, sending a deputy"), or up to a conjunct set
    against its head by "but"/"yet" (contrast_cc: "is not a member of the bloc but attends as a partner"): what
    followed from an act not done, or what is told as its contrast, still happened, so a negation above it does not
    reach it (a hedge or an intent still does: "may veto it, angering the West")."""
    from .rules import words

    for k, node in enumerate(chain[:-1]):
        if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > node.head.i and not any(
                c.dep_ in {"mark", "nsubj", "nsubjpass"} for c in node.children):
            return chain[:k + 1]
        if node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"} and any(
                c.dep_ == "cc" and c.lower_ in words("contrast_cc") and node.head.i < c.i < node.i
                for c in (*node.head.children, *node.children)):
            return chain[:k + 1]
    return chain


@modality_rule("negation_particle", reads="a 'neg' dependent of the trigger or of a word governing it "
               "('did not attack', 'never recognised'), below a verb of halting or giving up (halting_verb, "
               "halting_phrase) that governs a gerund above the trigger", changes="negated",
               vocab=("halting_verb", "halting_phrase", "contrast_cc"))
def negation_particle(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"did not attack": a negation particle on the trigger or a word above it. A "not" on a noun above the trigger
    qualifies that noun ("vessels, although not nuclear-armed, with US assistance"), not the act; a "not" on a verb of
    halting above a gerund ("would not give up on defending the rights of X", "will not stop arming Y") keeps the act
    going, so it does not negate it."""
    chain = _below_a_consequence(chain)
    for k in range(1, len(chain)):
        node = chain[k]
        phrases = {f"{node.lemma_.lower()} {c.lower_}" for c in node.children if c.dep_ == "prt"}
        if node.pos_ in {"VERB", "AUX"} and (node.lemma_.lower() in words["halting_verb"]
                                             or phrases & words["halting_phrase"]) \
                and any(n.tag_ == "VBG" for n in chain[:k]):
            chain = chain[:k]
            break
    return {"negated": True} if any(c.dep_ == "neg" and (node is tok or node.pos_ not in {"NOUN", "PROPN"})
                                    for node, c in _children(chain)) else None


@modality_rule("without_is_not_done", reads="the trigger, or a word governing it, as the object of a privative "
               "preposition (privative_prep: 'signed the deal without consulting Asmara')", changes="negated",
               vocab=("privative_prep",))
def without_is_not_done(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"signed a peace deal without consulting Asmara": the consulting was not done (it was a meeting between the two
    that never took place)."""
    hit = any(n.dep_ in {"pcomp", "pobj"} and n.head.lower_ in words["privative_prep"] for n in chain)
    return {"negated": True} if hit else None


@modality_rule("negative_determiner", reads="a negative determiner of a word governing the trigger "
               "('made no attempt to intervene'), or of a verb trigger's direct object ('made no threat', 'sent no "
               "troops'), or a negative pronoun as that object (negative_pronoun: 'did nothing')", changes="negated",
               vocab=("negative_determiner", "negative_pronoun", "contrast_cc"))
def negative_determiner(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"made no attempt to intervene": a negative determiner on a word above the trigger; "poses no threat",
    "imposed no sanctions": on what the verb acts on or makes, so the act is not done."""
    chain = _below_a_consequence(chain)
    cue = words["negative_determiner"]
    hit = any(c.dep_ == "det" and c.lower_ in cue and node != tok for node, c in _children(chain)) or (
        tok.pos_ in {"VERB", "AUX"} and any(o.dep_ in {"dobj", "obj"} and (o.lower_ in words["negative_pronoun"] or any(
            d.dep_ == "det" and d.lower_ in cue for d in o.children)) for o in tok.children))
    return {"negated": True} if hit else None


@modality_rule("neither_nor", reads="'neither' before, or 'nor' between, the conjuncts the trigger is one of, or "
               "'neither' before a subject or the trigger's direct object ('neither confirmed nor denied', 'Neither "
               "Russia nor China condemned', 'invited neither the army nor the RSF')",
               changes="negated", vocab=("negative_coordinator",))
def neither_nor(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"has neither confirmed nor denied the presence": both verbs are negated ("neither" and "nor" hang on the
    first conjunct); "did not confirm nor deny": the second too; "Neither
    Russia nor China condemned the attack": a subject coordinated so is no one who did it."""
    cue = words["negative_coordinator"]
    # the first conjunct even where the chain stops below it ("neither confirmed nor denied": a verb of saying)
    nodes = list(dict.fromkeys([*chain, *(n.head for n in chain if n.dep_ == "conj")]))
    for node, child in _children(nodes):
        if child.lower_ in cue and (child.dep_ == "preconj" or child.dep_ == "cc" and any(
                c.dep_ == "conj" for c in node.children)):
            return {"negated": True}
        if child.dep_ in {"nsubj", "nsubjpass"} and any(c.dep_ in {"preconj", "det", "cc"} and c.lower_ in cue
                                                          for c in child.children):
            return {"negated": True}
    if any(child.dep_ in {"dobj", "obj"} and any(c.dep_ == "preconj" and c.lower_ in cue for c in child.children)
           for child in tok.children):
        return {"negated": True}  # "had invited neither the army nor the RSF": no one was invited
    return None


@modality_rule("modal_hedge", reads="an auxiliary of possibility on the chain ('could strike')", changes="hedged",
               vocab=("modal_hedge",))
def modal_hedge(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"could strike": a modal of possibility."""
    hit = any(c.dep_ == "aux" and c.lower_ in words["modal_hedge"] for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("obligation_is_not_done", reads="an auxiliary of obligation on the chain (obligation_modal: 'must', "
               "'should')", changes="hedged (rules.obligation_is_demand makes a speaker's demand of it, unhedged)",
               vocab=("obligation_modal",))
def obligation_is_not_done(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"The government must do more to seize Russian assets": what must be done is wanted, not done (it was told as
    a seizure)."""
    hit = any(c.dep_ == "aux" and c.lower_ in words["obligation_modal"] for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("modal_intent", reads="a future auxiliary of the trigger itself ('will send'), of the verb it is "
               "conjoined to when it has no auxiliary or subject of its own ('will restore flights and resume trade'), or "
               "of the verb whose infinitive it is ('will be forced to take steps')",
               changes="intent", vocab=("modal_intent",))
def modal_intent(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"will send": a future modal on the trigger; "will restore flights and resume trade": the modal is shared by
    the conjoined verbs that have none of their own."""
    node, steps = tok, 0
    while node.dep_ == "conj" and node.head != node and steps < 4 and not any(
            c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in node.children):
        node, steps = node.head, steps + 1
    # "will be forced to take steps", "will have to respond": the modal of the verb an infinitive completes
    while node.dep_ == "xcomp" and node.head.pos_ in {"VERB", "AUX"} and steps < 4 and not any(
            c.dep_ in {"aux", "auxpass"} and c.lower_ in words["modal_intent"] for c in node.children):
        node, steps = node.head, steps + 1
    hit = any(c.dep_ == "aux" and c.lower_ in words["modal_intent"] for c in node.children)
    return {"intent": True} if hit else None


@modality_rule("hedge_modifier", reads="a hedge cue of modality.tsv modifying the chain ('allegedly supplied')",
               changes="hedged")
def hedge_modifier(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"allegedly armed": a hedge adverb or adjective on the chain."""
    hit = any(c.dep_ in {"advmod", "amod"} and c.lower_ in lex.cues("hedge") for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("intent_governor_cue", reads="a word above the trigger among the intent cues of modality.tsv "
               "('plans to send'); not a passive verb of expectation (expectation_verb), nor for a noun in a "
               "with-phrase ('seeks independence with backing from X')", changes="intent",
               vocab=("expectation_verb",))
def intent_governor_cue(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"plans to send": an intent cue above the trigger.  The verb a conjunct hangs from is its sibling, not above
    it: "we want peace and we don't want coercion" intends nothing ("plans to build and run" still reaches "plans"
    through "build").  "Israel is expected to retaliate" is others' expectation (``expected_by_others``)."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "with":
        return None  # "seeks independence with backing from Algeria": the backing is had, not sought
    hit = any(node != tok and node.lemma_.lower() in lex.cues("intent") and chain[i - 1].dep_ != "conj"
              and not _passive_expectation(node, words) for i, node in enumerate(chain) if i)
    return {"intent": True} if hit else None


def _passive_expectation(node: Any, words: dict) -> bool:
    return node.lemma_.lower() in words["expectation_verb"] and any(c.dep_ == "auxpass" for c in node.children)


@modality_rule("expected_by_others", reads="a passive verb of expectation (expectation_verb: 'is expected to') above "
               "the trigger", changes="hedged", vocab=("expectation_verb",))
def expected_by_others(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Israel is expected to retaliate", "a step that was expected to anger Moscow": what others expect of
    an actor is not known to happen, nor is it the actor's announced intent."""
    hit = any(node != tok and _passive_expectation(node, words) for node in chain)
    return {"hedged": True} if hit else None


@modality_rule("hedge_governor", reads="a word above the trigger among the hedge cues of modality.tsv or the "
               "hedging verbs ('is rumoured to have promised', 'appears to back')", changes="hedged",
               vocab=("hedge_verb",))
def hedge_governor(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"seems to back": a hedge cue or hedging verb above the trigger."""
    cues = lex.cues("hedge") | words["hedge_verb"]
    hit = any(node != tok and node.lemma_.lower() in cues for node in chain)
    return {"hedged": True} if hit else None


@modality_rule("negating_governor", reads="a verb above the trigger that undoes it ('refused to meet', "
               "'avoided condemning'), not through a conjunct, or whose direct object is the noun the trigger's "
               "chain ends in ('denied any plan to invade')", changes="negated",
               vocab=("negating_verb", "contrast_cc", "denial_verb"))
def negating_governor(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"avoided condemning": a verb above the trigger that undoes it; not a verb the trigger is conjoined to
    ("denied the claim and accused India of ...": the accusation is made). "Ethiopia has denied any plan to invade
    its neighbour": the plan the chain stops at is what is denied, and the invasion with it."""
    chain = _below_a_consequence(chain)
    top = chain[-1]
    # (nor a clause with a subject of its own, save what is denied: "It failed: the junta revoked the accord" told
    # the revoking, "denied that it had supplied" does not)
    hit = any(node.lemma_.lower() in words["negating_verb"] and below.dep_ != "conj" and not (
        below.dep_ == "ccomp" and node.lemma_.lower() not in words["denial_verb"]
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in below.children))
              for below, node in zip(chain, chain[1:])) or (
        top is not tok and top.dep_ in {"dobj", "obj"} and top.head.lemma_.lower() in words["negating_verb"])
    return {"negated": True} if hit else None


def _window(tok: Any, chain: list[Any]) -> str:
    """The words from the top of the chain, with its auxiliaries ("is said to", "are believed to"), to the
    trigger; for a trigger at the top, its own adverbs before it ("was no longer sending", "no longer supplies": the
    parser hangs "no" on "longer", not on the verb)."""
    top = min(chain, key=lambda t: t.i)
    if top == tok:
        starts = [c.left_edge.i for c in tok.children if c.dep_ == "advmod" and c.i < tok.i]
        return tok.doc[min(starts):tok.i].text if starts else ""
    start = min([top.i, *(c.i for c in top.children if c.dep_ in {"aux", "auxpass"} and c.i < top.i)])
    return tok.doc[start:tok.i].text


@modality_rule("negation_phrase", reads="a multi-word negation cue of modality.tsv between the top of the chain "
               "and the trigger ('stopped short of condemning')", changes="negated",
               vocab=("contrast_cc",))
def negation_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"stopped short of condemning": a multi-word negation cue before the trigger."""
    cues = frozenset(c for c in lex.cues("negation") if " " in c)
    return {"negated": True} if _phrase_in(cues, _window(tok, _below_a_consequence(chain))) else None


@modality_rule("hedge_phrase", reads="a multi-word hedge cue of modality.tsv between the top of the chain and the "
               "trigger ('is said to have sent')", changes="hedged")
def hedge_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"is said to have sent": a multi-word hedge cue before the trigger."""
    cues = frozenset(c for c in lex.cues("hedge") if " " in c)
    return {"hedged": True} if _phrase_in(cues, _window(tok, chain)) else None


@modality_rule("extraposed_hedge", reads="a that-clause holding the trigger whose head is a hedge cue of modality.tsv "
               "('judged it unlikely that Iran will send'), or a copula whose subject is 'it' and whose complement is "
               "one ('It is unlikely that Iran will send')", changes="hedged")
def extraposed_hedge(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"It is unlikely that Iran will send missiles", "We judge it unlikely that ...": the hedge adjective is no
    word above the trigger's clause on the chain (a sibling of it, or above a clause with a subject of its own)."""
    cues = lex.cues("hedge")
    for node in [tok, *tok.ancestors][:5]:
        if node.dep_ not in {"ccomp", "advcl"} or not any(c.dep_ == "mark" and c.lower_ == "that"
                                                           for c in node.children):
            continue
        head = node.head
        if head.lower_ in cues and head.pos_ == "ADJ" or head.lemma_.lower() == "be" and any(
                c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children) and any(
                c.dep_ == "acomp" and c.lower_ in cues for c in head.children):
            return {"hedged": True}
        return None
    return None


@modality_rule("only_suggested", reads="the clause holding the trigger as the complement (ccomp) of a verb of "
               "inference (inference_verb: 'suggest', 'indicate')", changes="hedged", vocab=("inference_verb",))
def only_suggested(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Reporting suggests Russia has delayed delivery", "Satellite images indicate that Iran moved the launchers":
    what evidence suggests is inferred, not established (the chain stops at the verb, a verb of saying)."""
    node = chain[-1]
    for _ in range(2):
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in words["inference_verb"]:
            return {"hedged": True}
        if node.dep_ not in {"conj", "xcomp"} or node.head == node:
            break
        node = node.head
    return None


@modality_rule("sentence_hedge_adverb", reads="a hedge cue modifying the sentence's root ('Reportedly, ...')",
               changes="hedged")
def sentence_hedge_adverb(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Reportedly, ...": a hedge adverb of the sentence root."""
    hit = any(t.dep_ == "advmod" and t.head == sent.root and t.lower_ in lex.cues("hedge") for t in sent)
    return {"hedged": True} if hit else None


@modality_rule("background_phrase", reads="a background cue of modality.tsv in the trigger's own clause "
               "('in recent years', 'since 2014'), not in another clause or inside a noun phrase, nor inside a "
               "phrase that only looks like one (not_background_phrase: 'as long as')",
               changes="background", vocab=("temporal_prep", "not_background_phrase"))
def background_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"in recent years": a background cue in the trigger's own clause; not inside a phrase that only looks like one
    (not_background_phrase: "as long as I am president" is a condition, not "long supported")."""
    cue = _background_cue_of_clause(tok, lex, words)
    return {"background_cue": cue} if cue else None


def _background_cue_of_clause(tok: Any, lex: Lexicon, words: dict) -> str | None:
    """The background cue of modality.tsv in the clause of ``tok`` (``background_phrase``), or None."""
    text = _clause_text(tok, words["temporal_prep"]).lower()
    for phrase in words["not_background_phrase"]:
        text = re.sub(rf"\b{re.escape(phrase)}\b", " ", text)
    return _phrase_in(lex.cues("background"), text)


@modality_rule("said_at_an_earlier_time", reads="a background cue of modality.tsv in the own clause of the reporting "
               "verb (reporting_verb) whose that-clause (ccomp) holds the trigger ('Kenya said at the time it did not "
               "recognise the ruling')", changes="background",
               vocab=("reporting_verb", "temporal_prep", "not_background_phrase"))
def said_at_an_earlier_time(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Kenya said at the time it did not recognise the court's jurisdiction": what was said then was so then; the
    time of the saying is the time of what it reports (the refusal was dated to the news day)."""
    top = chain[-1]  # (the chain stops below the speech verb)
    if top.dep_ != "ccomp" or top.head is top or top.head.lemma_.lower() not in words["reporting_verb"]:
        return None
    cue = _background_cue_of_clause(top.head, lex, words)
    return {"background_cue": cue} if cue else None


@modality_rule("past_perfect", reads="'had' + past participle on the trigger ('had supplied'), unless its clause is "
               "the that-clause (ccomp) of a reporting verb in the past (reporting_verb: 'said it had sent'); or a "
               "bare verb with no tense of its own under such a verb ('had seen the two recall their envoys')",
               changes="background", vocab=("reporting_verb",))
def past_perfect(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"had supplied": the past perfect tells of an earlier time. Not in reported speech: in "Brazil said it had
    reinforced its border" the tense only follows "said" back (the act may be the news itself), and a time the
    clause names still dates it."""
    # (a participle, "..., adding that the crew had been threatened", reports in the past too)
    if told_in_past_perfect(tok, words["reporting_verb"]):
        return {"background_cue": PAST_PERFECT_CUE}
    # a bare verb under a past perfect, no tense of its own: "a dispute that had seen the two neighbours recall
    # their ambassadors", "had forced Chile to withdraw"
    head = tok.head
    bare = tok.dep_ in {"ccomp", "xcomp"} and tok.tag_ in {"VB", "VBP"} and head != tok \
        and all(c.lower_ == "to" for c in tok.children if c.dep_ in {"aux", "auxpass"})
    reporting = words["reporting_verb"]
    if bare and head.lemma_.lower() not in reporting and told_in_past_perfect(head, reporting):
        return {"background_cue": PAST_PERFECT_CUE}
    # a participle with no subject or mark of its own, hung on a past perfect: "Erdogan had held up the bid,
    # accusing Stockholm of ...": the accusing is of that earlier time too (it was dated to the news day)
    participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and head != tok \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in tok.children)
    if participle and head.lemma_.lower() not in reporting and told_in_past_perfect(head, reporting):
        return {"background_cue": PAST_PERFECT_CUE}
    return None


@modality_rule("past_period", reads="a fronted duration phrase (duration_prep 'for' + a DATE span of months, years "
               "or decades: 'For ten years, ...') on the trigger's clause verb told in the simple past (VBD)",
               changes="background", vocab=("duration_prep",))
def past_period(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"For ten years, Turkey and Egypt traded insults": a stretch of time told in the simple past is over, context
    for the news (the present perfect, "have traded insults for ten years", runs up to now: not read; nor a span
    after the verb, "suspended flights for three months", how long a measure of the news is to last).  The cues
    "for years", "for decades" (modality.tsv) need no number; this reads the spans with one."""
    verb = chain[-1] if chain else tok
    for node in {tok, verb}:
        if node.tag_ != "VBD":
            continue
        subjects = [c.i for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
        # fronted only: after the verb a span is often how long a measure is to last ("suspended flights for
        # three months", news), before the subject it is the stretch the sentence looks back on
        for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ in words["duration_prep"]
                     and c.i < min(subjects, default=node.i)):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                if obj.ent_type_ == "DATE" and obj.lemma_.lower() in {"month", "year", "decade"} \
                        and any(c.dep_ in {"nummod", "det"} and c.lower_ not in {"the", "this", "that"}
                                for c in obj.children):
                    return {"background_cue": f"{prep.lower_} {' '.join(t.text for t in obj.subtree)}"}
    return None


@modality_rule("earlier_event_noun", reads="an event noun that is the object of a preposition naming what came "
               "before (earlier_prep: 'after Russia's invasion of Ukraine')", changes="background",
               vocab=("earlier_prep",))
def earlier_event_noun(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"after Russia's invasion of Ukraine", "following its decision": an event named as what came before is context
    for the news, not the news (issue 12: background stays background, with no date by guesswork)."""
    hit = tok.pos_ == "NOUN" and tok.dep_ in {"pobj", "dobj"} and tok.head.lower_ in words["earlier_prep"]
    return {"background_cue": f"{tok.head.lower_} (an earlier event)"} if hit else None


@modality_rule("since_clause_is_earlier", reads="a past-tense verb (VBD) heading a clause opened by 'since' "
               "(earlier_mark) ('one of the few leaders to visit since Russia invaded Ukraine')", changes="background",
               vocab=("earlier_mark",))
def since_clause_is_earlier(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Fico is one of the few EU leaders to visit Moscow since Russia invaded Ukraine": what a since-clause tells
    in the past tense is where the period counted begins, before the news (a clause of cause, "since Russia refuses
    to talk", is in the present)."""
    hit = tok.tag_ == "VBD" and tok.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in words["earlier_mark"] for c in tok.children)
    return {"background_cue": "since (an earlier event)"} if hit else None


@modality_rule("cause_is_earlier", reads="an event noun that is the subject of a verb of causing (cause_verb: "
               "'the blockade of the port has prompted ...', '... meant that') with no modal ('can lead')",
               changes="background",
               vocab=("cause_verb",))
def cause_is_earlier(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"the blockade of the port has prompted the two states to ...": an act named as the cause of what the
    clause tells came before it; it is context, with no date of its own (not the publication's day)."""
    # (not a cause that may come: "the cooperation of Iran and Saudi Arabia can lead to stability", a modal)
    hit = tok.pos_ == "NOUN" and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in words["cause_verb"] \
        and not any(c.dep_ == "aux" and c.tag_ == "MD" for c in tok.head.children)
    return {"background_cue": f"{tok.head.lower_} (an earlier cause)"} if hit else None


def _condition_clause(node: Any, marks: frozenset[str]) -> bool:
    """Whether ``node`` heads an adverbial clause opened by a condition mark ("if Turkey does not support ..."), or
    by "until" in the present ("will not resume talks until Israel agrees to ...": a condition not yet met; "until
    Russia invaded" is told as done)."""
    if node.dep_ != "advcl":
        return False
    return any(c.dep_ == "mark" and (c.lower_ in marks or (c.lower_ in _UNTIL and node.tag_ in {"VBZ", "VBP"}))
               for c in node.children)


# Marks of a time limit that, in the present, is a condition not yet met
_UNTIL = frozenset({"until", "till"})


@modality_rule("conditional_clause", reads="a condition mark (condition_mark: 'if', 'unless') opening the trigger's own "
               "adverbial clause or one above it on the chain, or a conditional adverb (conditional_adverb: "
               "'otherwise') on the chain", changes="hedged", vocab=("condition_mark", "conditional_adverb"))
def conditional_clause(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"if Turkey does not support the requests, ...", "Otherwise, they will end up ...": what is told under a
    condition is supposed, not reported as done (issue 12: hedged statements flagged).  Only the condition's own
    clause (the protasis) is hedged by the mark: the main clause of "will withdraw unless ..." is a threat, made
    now (``intent_coding``), and a "would" there is ``hypothetical_would``'s."""
    if any(_condition_clause(node, words["condition_mark"]) for node in chain):
        return {"hedged": True}
    hit = any(c.dep_ == "advmod" and c.lower_ in words["conditional_adverb"] for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("open_question", reads="a clause on the trigger's chain opened by an open-question mark "
               "(open_question_mark: 'whether'), or by a condition mark (condition_mark: 'if') when the clause is a "
               "verb's complement (ccomp: 'asked if'), not an adverbial condition", changes="hedged",
               vocab=("open_question_mark", "condition_mark"))
def open_question(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"it remains unclear whether the two men talked", "did not say whether Turkey will go that far", "asked if Russia
    would attend": a whether-clause (or an if-clause that is a verb's complement) is asked or doubted, never
    asserted."""
    hit = any(c.dep_ == "mark" and (c.lower_ in words["open_question_mark"]
                                    or (c.lower_ in words["condition_mark"] and node.dep_ == "ccomp"))
              for node, c in _children(chain))
    return {"hedged": True} if hit else None


def _opening_quote(t: Any) -> bool:
    return t.is_quote and (t.i == 0 or bool(t.doc[t.i - 1].whitespace_) or t.doc[t.i - 1].is_punct)


@modality_rule("asked_not_told", reads="a question mark closing the stretch of the sentence that holds the trigger "
               "(from the sentence's start, an opening quote or a colon), when that question opens with no question "
               "word (question_word: 'why', 'how')", changes="hedged", vocab=("question_word",))
def asked_not_told(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Will there be talks?", "Football match marks a thaw between Serbia and Kosovo?": a yes-no question asks
    whether the act happened, it does not say so ("Why are Venezuela and Guyana at odds?" takes the odds as given)."""
    doc = tok.doc
    end = next((t for t in doc[tok.i + 1:sent.end] if t.text == "?"), None)
    if end is None or any(t.text in {".", "!", ":"} or _opening_quote(t) for t in doc[tok.i + 1:end.i]):
        return None  # 'Lavrov asked: "Is Israel our friend?"': the asking is told, only the quote is a question
    start = next((t.i + 1 for t in reversed(doc[sent.start:tok.i]) if _opening_quote(t) or t.text in {":", "?"}),
                 sent.start)
    first = next((t for t in doc[start:tok.i + 1] if not t.is_punct), None)
    return {"hedged": True} if first is not None and first.lower_ not in words["question_word"] else None


@modality_rule("a_myth_is_told_as_false", reads="a sentence opened by a label of falsehood and a colon (falsity_label: "
               "'Myth:', 'False:')", changes="hedged", vocab=("falsity_label",))
def a_myth_is_told_as_false(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """A fact check's "Myth: China has refused to talk to Japan": what the label calls false is claimed, not
    established (as for ``told_as_false``); the "Fact:" that follows tells its own acts."""
    toks = [t for t in sent if not t.is_space]
    colon = next((k for k, t in enumerate(toks[:4]) if t.text == ":"), None)
    if colon is None or colon == 0:
        return None
    label = " ".join(t.lower_ for t in toks[:colon])
    return {"hedged": True} if label in words["falsity_label"] and tok.i > toks[colon].i else None


@modality_rule("told_as_false", reads="an adverb of falsehood (falsity_adverb: 'falsely', 'wrongly') on the verb of "
               "saying whose complement holds the trigger's chain ('falsely claimed that X attacked Y', 'an article "
               "wrongly said that X had left')", changes="hedged", vocab=("falsity_adverb",))
def told_as_false(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Lavrov falsely claimed that Ukraine attacked Russia", a correction's "the article wrongly said that Armenia had
    left the bloc": the report says the claim is untrue, so the act is claimed, not established (as for a claim
    another denies, ``denied_claim``); the saying itself was done."""
    from .attribution import SPEECH_LEMMAS

    top = chain[-1]
    verb = top.head
    if top is verb or top.dep_ not in {"ccomp", "conj"} or verb.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    hit = any(c.dep_ == "advmod" and c.lower_ in words["falsity_adverb"] for c in verb.children)
    return {"hedged": True} if hit else None


@modality_rule("denied_claim", reads="an apposition in the trigger's phrase that names it a claim (claim_noun: "
               "'a claim', 'an accusation') with a relative clause of denying (denial_verb: 'a claim Bamako denies'), "
               "or such a clause on 'which' set off by a comma ('..., which Moscow denies')",
               changes="hedged", vocab=("claim_noun", "denial_verb"))
def denied_claim(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Western governments say Wagner has deployed fighters to Mali, a claim Bamako denies", "Russia fired at Kyiv,
    an accusation Moscow rejects": wire copy marks a contested act with an apposition; the act is claimed, not
    established (the parser hangs the apposition on the clause's last noun, inside the trigger's phrase, or on the
    clause's subject).  Read in the trigger's own clause, not in a clause conjoined to it ("accused X of Y and said
    Z, a claim X denies": the claim is Z)."""
    from .attribution import SPEECH_LEMMAS, cue_lists, denial_beside_the_clause

    accusing = cue_lists()["accusing_verb"]
    top = _own_clause(chain)[-1] if chain else tok
    conjoined = {t.i for c in top.children if c.dep_ == "conj"
                 and (c.pos_ in {"VERB", "AUX"} or c.tag_.startswith("VB")) for t in c.subtree}
    for t in top.subtree:
        if t.i in conjoined:
            continue
        # (an adverbial noun after a comma is the same aside: "armed the rebels, an allegation that Lima rejected")
        aside = t.dep_ == "appos" or (
            t.dep_ == "npadvmod" and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",")
        # (not the claim's own verb: "accused France of massing troops, a claim Paris denied" was an accusation
        # made, hedged)
        if aside and t.lemma_.lower() in words["claim_noun"] and t.i > tok.i and any(
                c.dep_ in {"relcl", "acl"} and c.lemma_.lower() in words["denial_verb"] for c in t.children) \
                and tok.lemma_.lower() not in SPEECH_LEMMAS | accusing:
            return {"hedged": True}
        # "Kyiv says Russian forces fired at the plant, which Moscow denies": the same aside on the clause; not on
        # the claim's own verb ("accused X of hiring ..., which X denies": the accusing was done)
        if t.i > tok.i and denial_beside_the_clause(t) and tok.lemma_.lower() not in SPEECH_LEMMAS | accusing:
            return {"hedged": True}
    return None


def _in_direct_quote(tok: Any, sent: Any) -> bool:
    """Whether ``tok`` stands inside quotation marks opened earlier in ``sent`` (``attribution.in_quotes``)."""
    from .attribution import in_quotes

    return in_quotes(tok, sent)


_CLAUSE_LINKS = frozenset({"advcl", "ccomp", "conj", "parataxis", "relcl", "acl", "csubj"})


def _own_clause(chain: list[Any]) -> list[Any]:
    """The chain up to the head of the trigger's own clause: "would" rules its clause and the infinitives under it,
    not a clause that hangs from it ("X would be shattered since lobbies sought to align ...": the aligning is
    told, not supposed)."""
    out = []
    for node in chain:
        out.append(node)
        if node.dep_ in _CLAUSE_LINKS and not (node.dep_ == "conj" and node.pos_ not in {"VERB", "AUX"}):
            break
    return out


def _indirect_speech(chain: list[Any]) -> bool:
    """Whether the chain's top clause is the reported complement of a speech verb ("said they would send")."""
    from .attribution import SPEECH_LEMMAS

    top = chain[-1]
    return top.dep_ in {"ccomp", "conj"} and top.head.lemma_.lower() in SPEECH_LEMMAS


@modality_rule("hypothetical_would", reads="'would' (hypothetical_modal) as an auxiliary on the chain: in a reported "
               "clause outside quotation marks, with no condition, the future of the past; elsewhere (narration, "
               "a direct quote, under a condition) a supposition; a noun of charge is no act supposed",
               changes="intent or hedged", vocab=("hypothetical_modal", "condition_mark", "charge_noun"))
def hypothetical_would(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"aides said they would dispatch a unit": an announced intention ("will", told in the past); "the proposals
    would allow Chinese deployments", "we would be concerned at any base": a supposition, not an act reported; so
    is an act named as the subject of a "would" clause ("an armed attack would invoke the treaty")."""
    if tok.pos_ == "NOUN" and tok.dep_ in {"nsubj", "nsubjpass"} and tok.lemma_.lower() not in words["charge_noun"] \
            and any(c.dep_ == "aux" and c.lower_ in words["hypothetical_modal"] for c in tok.head.children):
        # "an armed attack on its forces would invoke the treaty": an act supposed, not told (not a charge: "the
        # crimes of X would not go unanswered" charges X now)
        return {"hedged": True}
    own = _own_clause(chain)
    if not any(c.dep_ == "aux" and c.lower_ in words["hypothetical_modal"] for _, c in _children(own)):
        return None
    conditioned = any(_condition_clause(c, words["condition_mark"]) for _, c in _children(own))
    if _indirect_speech(own) and not conditioned and not _in_direct_quote(tok, sent):
        return {"intent": True}
    return {"hedged": True}


# Links inside a noun's phrase, through which an anniversary reaches what it is the anniversary of.
_RECALL_LINKS = frozenset({"pobj", "prep", "relcl", "acl", "conj", "appos", "compound"})


@modality_rule("anniversary_recalls", reads="a remembrance noun (remembrance_noun: 'anniversary') above the trigger "
               "through its noun phrase only (of-phrase, relative clause, apposition)", changes="background",
               vocab=("remembrance_noun",))
def anniversary_recalls(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"the 75th anniversary of the treaty's signing", "the anniversary of the battle, when the two navies fought":
    what an anniversary is of happened years before the news; the commemorating is not (it is above the noun)."""
    node = tok
    for _ in range(8):
        if node.dep_ not in _RECALL_LINKS or node.head == node:
            return None
        node = node.head
        if node.lemma_.lower() in words["remembrance_noun"]:
            return {"background_cue": f"{node.lower_} (what it recalls)"}
    return None
