"""Modality of an event trigger: negated, hedged, intended, background.

Consumes a trigger token (spaCy) and the lexicon's cue lists; produces a
``Modality``.  The clause chain is walked upward from the trigger through
complement links (xcomp, pcomp, prep, acl, advcl, conj) but never across a
speech verb's complement: "X said Y did not attack" negates the attack, not
the saying; "Russia stopped short of condemning Hamas" negates the
condemning; "Putin is rumoured to have promised aid" hedges the promise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .lexicon import Lexicon

CHAIN_DEPS = {"xcomp", "pcomp", "prep", "pobj", "acl", "advcl", "acomp", "conj", "ccomp", "advmod"}
MODAL_HEDGES = {"could", "may", "might"}
MODAL_INTENT = {"will", "shall", "'ll"}
CHAIN_LIMIT = 5


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hedged: bool = False
    intent: bool = False
    background: bool = False
    background_cue: str | None = None


def _chain(tok: Any) -> list[Any]:
    """The trigger and the tokens governing it, up to the clause of a speech verb."""
    from .attribution import SPEECH_LEMMAS

    chain = [tok]
    node = tok
    for _ in range(CHAIN_LIMIT):
        if node.dep_ not in CHAIN_DEPS or node.head == node:
            break
        head = node.head
        if head.lemma_.lower() in SPEECH_LEMMAS and node.dep_ in {"ccomp", "conj"}:
            break
        chain.append(head)
        node = head
    return chain


_SPAN_AFTER = re.compile(r"\s+(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\b")


def _phrase_in(cues: frozenset[str], text: str) -> str | None:
    low = " " + " ".join(re.findall(r"[\w'’-]+", text.lower().replace("’", "'"))) + " "
    for cue in sorted(cues, key=len, reverse=True):
        at = low.find(f" {cue} ")
        while at >= 0:
            # "in the past six months" is a recent period, not background
            if not _SPAN_AFTER.match(low, at + len(cue) + 1):
                return cue
            at = low.find(f" {cue} ", at + 1)
    return None


TEMPORAL_PREPS = {"in", "for", "over", "during", "before", "until", "throughout"}


def _temporal_or_not_amod(t: Any) -> bool:
    """Keep adjectives of time phrases ("in recent years"), drop those inside noun phrases ("its long-standing
    ties", "despite their historical connections"): they describe a thing, not when the event happened."""
    if t.dep_ != "amod":
        return True
    head = t.head
    return head.dep_ == "pobj" and head.head.lower_ in TEMPORAL_PREPS


def _clause_text(tok: Any) -> str:
    """The text of the clause a trigger belongs to, without coordinated or reported clauses."""
    head = tok
    while head.dep_ in {"xcomp", "pcomp", "prep", "pobj", "acomp", "advmod", "aux", "neg", "attr", "oprd", "dobj",
                        "nsubj", "nsubjpass", "amod", "compound"} and head.head != head:
        head = head.head
    # another clause anywhere below (a relative clause on an object, "which has drawn closer in recent years")
    # keeps its time to itself: an earlier time reaches only its own clause (issue 12)
    own = {tok.i, *(a.i for a in tok.ancestors)}
    tokens = [t for t in head.subtree if not _in_other_clause(t, head, own)]
    return " ".join(t.text for t in tokens)


OTHER_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "acl", "relcl"})


def _in_other_clause(t: Any, head: Any, own: set[int]) -> bool:
    """Whether ``t`` sits in a clause below ``head`` other than the trigger's own (``own``: its chain), or in
    an adjective phrase of a noun."""
    node, steps = t, 0
    while node != head and steps < 50:
        if node.i not in own and (node.dep_ in OTHER_CLAUSE_DEPS or (node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"})):
            return True
        # an adjective phrase inside a noun phrase ("its long-standing ties", "their long-held status", with
        # "long" below "standing") describes the thing, not when the event happened
        if not _temporal_or_not_amod(node):
            return True
        node, steps = node.head, steps + 1
    return False


def read_modality(tok: Any, sent: Any, lexicon: Lexicon) -> Modality:
    """Modality of the event whose trigger is ``tok`` in sentence span ``sent``."""
    chain = _chain(tok)
    negated = hedged = intent = False
    for node in chain:
        for child in node.children:
            low = child.lower_
            if child.dep_ == "neg" or (child.dep_ == "det" and low == "no" and node != tok):
                negated = True
            if child.dep_ == "aux" and low in MODAL_HEDGES:
                hedged = True
            if child.dep_ == "aux" and low in MODAL_INTENT and node == tok:
                intent = True
            if child.dep_ in {"advmod", "amod"} and low in lexicon.cues("hedge"):
                hedged = True
        lemma = node.lemma_.lower()
        if node != tok:
            if lemma in lexicon.cues("intent"):
                intent = True
            if lemma in lexicon.cues("hedge") or lemma in {"rumour", "rumor", "allege", "appear", "seem"}:
                hedged = True
            if lemma in {"refuse", "decline", "fail", "refrain", "avoid"}:
                negated = True
    # Multi-word cues between the top of the chain and the trigger
    # ("stopped short of", "refrained from", "is said to").
    top = min(chain, key=lambda t: t.i)
    window = tok.doc[top.i:tok.i].text
    if _phrase_in(frozenset(c for c in lexicon.cues("negation") if " " in c), window):
        negated = True
    if _phrase_in(frozenset(c for c in lexicon.cues("hedge") if " " in c), window):
        hedged = True
    # Sentence adverbs ("Reportedly, ...") and "according to reports".
    for t in sent:
        if t.dep_ == "advmod" and t.head == sent.root and t.lower_ in lexicon.cues("hedge"):
            hedged = True
    cue = _phrase_in(lexicon.cues("background"), _clause_text(tok))
    if cue is None and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) and tok.tag_ == "VBN":
        cue = "had (past perfect)"
    if cue is None and tok.pos_ == "NOUN" and tok.dep_ in {"pobj", "dobj"} and tok.head.lower_ in EARLIER_PREPS:
        # "after Russia's invasion of Ukraine", "following its decision to send aid": an event named as what came
        # before is context for the news, not the news
        cue = f"{tok.head.lower_} (an earlier event)"
    return Modality(negated, hedged, intent, cue is not None, cue)


# Prepositions that name an event as earlier than the clause they attach to.
EARLIER_PREPS = frozenset({"after", "following", "since"})
