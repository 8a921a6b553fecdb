"""The modality rules: what makes an event negated, hedged, intended or background (registry stage ``modality``).

Each rule reads the trigger, the chain of words governing it (``modality._chain``: up through complement links,
never across a speech verb's complement) and the lexicon's cues (``data/modality.tsv``), and says which flags it
sets.  Their own word sets are in ``data/rule_vocab.tsv``.  ``EventCoder(..., disabled={"name"})`` leaves one out
(the tests in ``tests/events/test_modality_rules.py`` show that each one decides its case).
"""

from __future__ import annotations

from typing import Any

from .lexicon import Lexicon
from .modality import _clause_text, _phrase_in
from .rules import modality_rule

Flags = dict[str, Any] | None


def _children(chain: list[Any]) -> list[tuple[Any, Any]]:
    return [(node, child) for node in chain for child in node.children]


@modality_rule("negation_particle", reads="a 'neg' dependent of the trigger or of a word governing it "
               "('did not attack', 'never recognised')", changes="negated")
def negation_particle(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"did not attack": a negation particle on the trigger or a word above it. A "not" on a noun above the trigger
    qualifies that noun ("vessels, although not nuclear-armed, with US assistance"), not the act."""
    return {"negated": True} if any(c.dep_ == "neg" and (node is tok or node.pos_ not in {"NOUN", "PROPN"})
                                    for node, c in _children(chain)) else None


@modality_rule("negative_determiner", reads="a negative determiner of a word governing the trigger "
               "('made no attempt to intervene')", changes="negated", vocab=("negative_determiner",))
def negative_determiner(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"made no attempt to intervene": a negative determiner on a word above the trigger."""
    hit = any(c.dep_ == "det" and c.lower_ in words["negative_determiner"] and node != tok
              for node, c in _children(chain))
    return {"negated": True} if hit else None


@modality_rule("modal_hedge", reads="an auxiliary of possibility on the chain ('could strike')", changes="hedged",
               vocab=("modal_hedge",))
def modal_hedge(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"could strike": a modal of possibility."""
    hit = any(c.dep_ == "aux" and c.lower_ in words["modal_hedge"] for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("modal_intent", reads="a future auxiliary of the trigger itself ('will send')", changes="intent",
               vocab=("modal_intent",))
def modal_intent(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"will send": a future modal on the trigger."""
    hit = any(c.dep_ == "aux" and c.lower_ in words["modal_intent"] for c in tok.children)
    return {"intent": True} if hit else None


@modality_rule("hedge_modifier", reads="a hedge cue of modality.tsv modifying the chain ('allegedly supplied')",
               changes="hedged")
def hedge_modifier(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"allegedly armed": a hedge adverb or adjective on the chain."""
    hit = any(c.dep_ in {"advmod", "amod"} and c.lower_ in lex.cues("hedge") for _, c in _children(chain))
    return {"hedged": True} if hit else None


@modality_rule("intent_governor_cue", reads="a word above the trigger among the intent cues of modality.tsv "
               "('plans to send')", changes="intent")
def intent_governor_cue(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"plans to send": an intent cue above the trigger."""
    hit = any(node != tok and node.lemma_.lower() in lex.cues("intent") for node in chain)
    return {"intent": True} if hit else None


@modality_rule("hedge_governor", reads="a word above the trigger among the hedge cues of modality.tsv or the "
               "hedging verbs ('is rumoured to have promised', 'appears to back')", changes="hedged",
               vocab=("hedge_verb",))
def hedge_governor(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"seems to back": a hedge cue or hedging verb above the trigger."""
    cues = lex.cues("hedge") | words["hedge_verb"]
    hit = any(node != tok and node.lemma_.lower() in cues for node in chain)
    return {"hedged": True} if hit else None


@modality_rule("negating_governor", reads="a verb above the trigger that undoes it ('refused to meet', "
               "'avoided condemning')", changes="negated", vocab=("negating_verb",))
def negating_governor(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"avoided condemning": a verb above the trigger that undoes it."""
    hit = any(node != tok and node.lemma_.lower() in words["negating_verb"] for node in chain)
    return {"negated": True} if hit else None


def _window(tok: Any, chain: list[Any]) -> str:
    """The words from the top of the chain, with its auxiliaries ("is said to", "are believed to"), to the
    trigger."""
    top = min(chain, key=lambda t: t.i)
    if top == tok:
        return ""
    start = min([top.i, *(c.i for c in top.children if c.dep_ in {"aux", "auxpass"} and c.i < top.i)])
    return tok.doc[start:tok.i].text


@modality_rule("negation_phrase", reads="a multi-word negation cue of modality.tsv between the top of the chain "
               "and the trigger ('stopped short of condemning')", changes="negated")
def negation_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"stopped short of condemning": a multi-word negation cue before the trigger."""
    cues = frozenset(c for c in lex.cues("negation") if " " in c)
    return {"negated": True} if _phrase_in(cues, _window(tok, chain)) else None


@modality_rule("hedge_phrase", reads="a multi-word hedge cue of modality.tsv between the top of the chain and the "
               "trigger ('is said to have sent')", changes="hedged")
def hedge_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"is said to have sent": a multi-word hedge cue before the trigger."""
    cues = frozenset(c for c in lex.cues("hedge") if " " in c)
    return {"hedged": True} if _phrase_in(cues, _window(tok, chain)) else None


@modality_rule("sentence_hedge_adverb", reads="a hedge cue modifying the sentence's root ('Reportedly, ...')",
               changes="hedged")
def sentence_hedge_adverb(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"Reportedly, ...": a hedge adverb of the sentence root."""
    hit = any(t.dep_ == "advmod" and t.head == sent.root and t.lower_ in lex.cues("hedge") for t in sent)
    return {"hedged": True} if hit else None


@modality_rule("background_phrase", reads="a background cue of modality.tsv in the trigger's own clause "
               "('in recent years', 'since 2014'), not in another clause or inside a noun phrase",
               changes="background", vocab=("temporal_prep",))
def background_phrase(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"in recent years": a background cue in the trigger's own clause."""
    cue = _phrase_in(lex.cues("background"), _clause_text(tok, words["temporal_prep"]))
    return {"background_cue": cue} if cue else None


@modality_rule("past_perfect", reads="'had' + past participle on the trigger ('had supplied')", changes="background")
def past_perfect(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"had supplied": the past perfect tells of an earlier time."""
    hit = tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children)
    return {"background_cue": "had (past perfect)"} if hit else None


@modality_rule("earlier_event_noun", reads="an event noun that is the object of a preposition naming what came "
               "before (earlier_prep: 'after Russia's invasion of Ukraine')", changes="background",
               vocab=("earlier_prep",))
def earlier_event_noun(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, words: dict) -> Flags:
    """"after Russia's invasion of Ukraine", "following its decision": an event named as what came before is context
    for the news, not the news (issue 12: background stays background, with no date by guesswork)."""
    hit = tok.pos_ == "NOUN" and tok.dep_ in {"pobj", "dobj"} and tok.head.lower_ in words["earlier_prep"]
    return {"background_cue": f"{tok.head.lower_} (an earlier event)"} if hit else None
