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
from collections.abc import Iterable
from typing import Any

from .lexicon import Lexicon

# the background cue of the past perfect (modality rule ``past_perfect``; dating reads it)
PAST_PERFECT_CUE = "had (past perfect)"
CHAIN_DEPS = {"xcomp", "pcomp", "prep", "pobj", "acl", "advcl", "acomp", "conj", "ccomp", "advmod", "oprd"}
CHAIN_LIMIT = 5
# Prepositions of a phrase that sets the time of an act: what it names is not under the act's modality
SETTING_PREPS = frozenset({"during", "amid", "after", "before", "following"})
# A conjunct with one of these of its own is a clause of its own for modality
OWN_CLAUSE_DEPS = frozenset({"aux", "auxpass", "nsubj", "nsubjpass", "neg"})


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool = False
    hedged: bool = False
    intent: bool = False
    background: bool = False
    background_cue: str | None = None


def _informing_verbs() -> frozenset[str]:
    from .rules import words

    return words("informing_verb")


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
        if node.dep_ == "conj" and (any(c.dep_ in OWN_CLAUSE_DEPS and not (c.dep_ == "aux" and c.lower_ == "to")
                                        for c in node.children)
                                    or (node.tag_ == "VBD" and head.tag_ == "VB")):
            # (a past-tense conjunct of a bare verb is a clause of its own: "would not support X and called for Y")
            break  # "was no longer sending arms and would focus on ...": a conjunct with its own auxiliary or subject
            # has its own modality (not the "to" of an infinitive: "agreed to resume visits and to cooperate")
        if node.dep_ == "pobj" and head.lower_ in SETTING_PREPS:
            break  # "pledged to improve ties during Erdogan's first visit": the visit is where, not what is pledged
        if node.dep_ == "pobj" and head.lower_ in {"of", "about"} and head.head.lemma_.lower() in _informing_verbs():
            break  # "had not been informed of the visit": what one is (not) told of took place all the same
        if fronted_clause_of_its_own(node):
            break  # "Poland summons envoy; Moscow vows response": a clause of its own, parsed as a complement
        if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children) \
                and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            break  # "Rwanda denies backing the rebels as Congo cuts ties": a clause of its own under a conjunction
        chain.append(head)
        node = head
    return chain


_SPAN_AFTER = re.compile(r"\s+(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\b")


def told_in_past_perfect(tok: Any, reporting_verbs: frozenset[str]) -> bool:
    """Whether ``tok`` is told in the past perfect ("had supplied", "had been"), not as the that-clause of a
    reporting verb in the past (``reporting_verbs``: "said it had sent", "adding that the crew had been threatened",
    where the tense only follows the verb back); a conjunct is in its first conjunct's clause."""
    # ("had already been strained": the parser may hang "had" on the passive's "been")
    had = any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children) or any(
        c.dep_ == "auxpass" and any(g.dep_ == "aux" and g.lower_ == "had" for g in c.children) for c in tok.children)
    if not had and tok.dep_ == "conj" and tok.tag_ in {"VBN", "VBD"} \
            and not any(c.dep_ in {"aux", "auxpass", "nsubj", "nsubjpass"} for c in tok.children):
        # "had previously said Hamas was doomed and warned ...": a conjunct with no auxiliary or subject of its own
        # shares its first conjunct's "had"
        first = tok.head
        had = first.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in first.children)
    elif tok.tag_ != "VBN":
        return False
    if not had:
        return False
    clause = tok
    while clause.dep_ == "conj" and clause.head is not clause:
        clause = clause.head
    return not (clause.dep_ == "ccomp" and clause.head.lemma_.lower() in reporting_verbs
                and clause.head.tag_ in {"VBD", "VBG"})


def fronted_clause_of_its_own(node: Any) -> bool:
    """Whether ``node``, parsed as the complement (ccomp) of a verb after it, is a clause of its own: a semicolon
    between them ("Poland summons envoy; Moscow vows response"), or a direct object of the verb's own ("China attended
    the meeting, a sign Beijing wants a role": "wants" has its object), or an apposed noun of report with a relative
    clause of its own before the verb ("..., a charge Azerbaijan denies").  A fronted quote or report ("X will respond,
    Putin vowed") is the verb's complement."""
    from .rules import words

    head = node.head
    if node.dep_ != "ccomp" or node.i > head.i:
        return False
    between = node.doc[node.i:head.i]
    # "Tehran accused Baku of hosting spies, a charge Azerbaijan denies": a relative clause on a noun set beside the
    # clause (apposed_report_noun), which the parser read as a verb taking the clause before it
    apposed = any(t.lemma_.lower() in words("apposed_report_noun") and t.i >= 2 and t.doc[t.i - 1].lower_ in {"a", "an"}
                  and t.doc[t.i - 2].text == "," for t in between)
    return apposed or any(t.text == ";" for t in between) or any(c.dep_ in {"dobj", "obj"} for c in head.children)


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


def _temporal_or_not_amod(t: Any, temporal_preps: frozenset[str]) -> bool:
    """Keep adjectives of time phrases ("in recent years"), drop those inside noun phrases ("its long-standing
    ties", "despite their historical connections"): they describe a thing, not when the event happened.  A noun with
    a possessor is a thing, not a time ("in their long-running dispute")."""
    if t.dep_ != "amod":
        return True
    head = t.head
    return head.dep_ == "pobj" and head.head.lower_ in temporal_preps and not any(
        c.dep_ == "poss" for c in head.children)


def _clause_text(tok: Any, temporal_preps: frozenset[str]) -> str:
    """The text of the clause a trigger belongs to, without coordinated or reported clauses (``temporal_preps``:
    the prepositions of time phrases, whose adjectives stay)."""
    head = tok
    while head.dep_ in {"xcomp", "pcomp", "prep", "pobj", "acomp", "advmod", "aux", "neg", "attr", "oprd", "dobj",
                        "nsubj", "nsubjpass", "amod", "compound"} and head.head != head:
        head = head.head
    # another clause anywhere below (a relative clause on an object, "which has drawn closer in recent years")
    # keeps its time to itself: an earlier time reaches only its own clause (issue 12)
    own = {tok.i, *(a.i for a in tok.ancestors)}
    tokens = [t for t in head.subtree if not _in_other_clause(t, head, own, temporal_preps)]
    return " ".join(t.text for t in tokens)


OTHER_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "advcl", "acl", "relcl"})
# Adverbs that are a time phrase's own head ("two years ago", "a week earlier")
_TIME_ADVERBS = frozenset({"ago", "earlier", "later", "before", "after", "since", "back"})


def _in_other_clause(t: Any, head: Any, own: set[int], temporal_preps: frozenset[str]) -> bool:
    """Whether ``t`` sits in a clause below ``head`` other than the trigger's own (``own``: its chain), or in
    an adjective phrase of a noun."""
    node, steps = t, 0
    while node != head and steps < 50:
        if node.i not in own and (node.dep_ in OTHER_CLAUSE_DEPS or (node.dep_ == "conj" and node.pos_ in {"VERB", "AUX"})):
            return True
        if node.i not in own and node.dep_ == "appos":
            return True  # "friction between the two governments, once close allies": what the noun once was
        if node.i not in own and node.dep_ == "advmod" and node.left_edge.i > 0 \
                and node.doc[node.left_edge.i - 1].text == "," and node.lower_ not in _TIME_ADVERBS \
                and any(c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i < node.i for c in node.children):
            # "have met three times this year, a frequency unthinkable a decade ago": a comment on a noun set off by
            # a comma (parsed as a modifier of the verb) tells of another time, not the act's (", two years ago"
            # is the act's own time)
            return True

        # an adjective phrase inside a noun phrase ("its long-standing ties", "their long-held status", with
        # "long" below "standing") describes the thing, not when the event happened
        if not _temporal_or_not_amod(node, temporal_preps):
            return True
        node, steps = node.head, steps + 1
    return False


def read_modality(tok: Any, sent: Any, lexicon: Lexicon, disabled: Iterable[str] = ()) -> Modality:
    """Modality of the event whose trigger is ``tok`` in sentence span ``sent``: the modality rules
    (``modality_rules.py``) not in ``disabled``, over the trigger's chain of governing words."""
    from .rules import modality_flags

    return modality_flags(tok, sent, _chain(tok), lexicon, disabled)
