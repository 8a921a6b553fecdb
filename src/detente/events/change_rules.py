"""The change rules: whether a stated relation tells of a change in the relation (registry stage ``change``).

"Ties between X and Y have soured" and "X is no longer a friend of Y" say that the relation changed, at the time
of the telling; "X and Y are close allies" says only how it stands.  A stated change becomes a *stated shift*
(``network.stated``): what the sources themselves say moved, traceable to their sentences, next to the shifts
detected in the dated series.  Each rule reads the clause's cue tokens (``RelationReader``'s clause group) and
the words around them in the parse; its word sets are in ``data/rule_vocab.tsv``.  ``RelationReader`` passes
the coder's ``disabled`` names, so the tests in ``tests/events/test_change_rules.py`` show each rule deciding
its case.
"""

from __future__ import annotations

from typing import Any

from .rules import change_rule, cue_veto, own_sign, tie_owner


def _around(cues: list[Any]) -> list[Any]:
    """The cue tokens, the word each hangs from, and their adjectival and participle modifiers ("growing ties")."""
    out: list[Any] = []
    for tok in cues:
        out.append(tok)
        if tok.head is not tok:
            out.append(tok.head)
        out.extend(c for c in tok.children if c.dep_ in {"amod", "acl"})
    return out


@change_rule("change_word", reads="a word of change on a cue, the word it hangs from or its modifier ('ties have "
             "soured', 'a rift has emerged', 'growing ties', 'gone cold')", vocab=("relation_change",))
def change_word(cues: list[Any], sent: Any, words: dict) -> bool:
    """"relations deteriorated", "a rift emerged between": the clause says the relation moved."""
    change = words["relation_change"]
    for tok in _around(cues):
        nxt = tok.doc[tok.i + 1].lower_ if tok.i + 1 < len(tok.doc) else ""
        if tok.lemma_.lower() in change or tok.lower_ in change or f"{tok.lemma_.lower()} {nxt}" in change:
            return True
    return False


@change_rule("no_longer", reads="'no longer' / 'not ... anymore' on a cue or the word it hangs from ('is no longer "
             "a friend')", vocab=("no_longer",))
def no_longer(cues: list[Any], sent: Any, words: dict) -> bool:
    """"X is no longer a friend of Y": what held has stopped holding."""
    heads = {t for tok in cues for t in (tok, tok.head)}
    for node in heads:
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in words["no_longer"]:
                before = child.doc[child.i - 1].lower_ if child.i > 0 else ""
                negated = before in {"no", "not", "n't", "never"} or any(c.dep_ == "neg" for c in node.children) \
                    or any(c.lower_ == "no" for c in child.children)
                if negated:
                    return True
    return False


def _goal_beside(prep: Any, w: dict[str, frozenset[str]]) -> bool:
    """Whether the word ``prep`` hangs from has a goal phrase (state_goal_prep + an object) beside it."""
    return any(c.dep_ == "prep" and c.lower_ in w["state_goal_prep"] and any(o.dep_ == "pobj" for o in c.children)
               for c in prep.head.children)


@change_rule("from_one_state_to_another", reads="a relation cue that is the object of a preposition of a goal "
             "(state_goal_prep: 'to', 'into', 'toward') beside a from-phrase ('went from rupture to reconciliation'), "
             "or of 'into'/'toward' on a verb ('slid into hostility')", vocab=("state_goal_prep",))
def from_one_state_to_another(cues: list[Any], sent: Any, words: dict) -> bool:
    """"Relations went from rupture to reconciliation", "ties slid into hostility": the relation arrived at the state
    the goal phrase names, so it moved (the from-phrase's state is what it left: ``left_state_is_no_relation``)."""
    for tok in cues:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in words["state_goal_prep"] or prep.head is prep:
            continue
        if any(c.dep_ == "prep" and c.lower_ == "from" for c in prep.head.children) or (
                prep.lower_ != "to" and prep.head.pos_ == "VERB"):
            return True
    return False


@cue_veto("left_state_is_no_relation", reads="a relation cue that is the object of 'from' beside a phrase of a goal "
          "(state_goal_prep: 'from rupture to reconciliation', 'from enemies to allies')", vocab=("state_goal_prep",))
def left_state_is_no_relation(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Here is how the relationship went from rupture to reconciliation": the rupture is the state left behind, not
    the relation now (it was read as a worsening); the goal phrase says where the relation went."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "from" and tok.head.head is not tok.head \
        and _goal_beside(tok.head, w)


@cue_veto("period_is_no_relation", reads="a relation cue that is the object of a preposition of time (period_prep: "
          "'during the Cold War', 'since the split', 'until the rift')", vocab=("period_prep",))
def period_is_no_relation(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Moscow and Pyongyang were allies during the Cold War": the Cold War names a time, not a confrontation
    between the two (its negative cue outweighed "allies", and the sentence stated no relation at all)."""
    head = tok
    while head.dep_ in {"compound", "amod"} and head.head is not head:
        head = head.head  # "the Cold War": the cue word may be a modifier of the phrase's head
    return head.dep_ == "pobj" and head.head.lower_ in w["period_prep"]


@cue_veto("document_name_is_no_relation", reads="a relation cue that is the of-object of a document noun "
          "(document_of_noun: 'a memorandum of understanding')", vocab=("document_of_noun",))
def document_name_is_no_relation(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Ethiopia signed a memorandum of understanding with Somaliland": the understanding names the document (the
    signing is the event), not a stated relation beside it (one relation counted twice)."""
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in w["document_of_noun"]


@cue_veto("wearing_away_something_else", reads="a verb of wearing away (wearing_verb: 'erode') whose subject, "
          "object or modified noun is no bond (worn_bond, tie_antecedent: 'could erode American influence')",
          vocab=("wearing_verb", "worn_bond", "tie_antecedent"))
def wearing_away_something_else(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"China's role could erode American influence in the Gulf": what wears away is influence, not a bond
    between China and the United States (it was read as their ties worsening).  "Friendly ties are eroding",
    "eroding trust between A and B" keep the cue."""
    if tok.lemma_.lower() not in w["wearing_verb"] and tok.lower_ not in w["wearing_verb"]:
        return False
    bonds = w["worn_bond"] | w["tie_antecedent"]
    held = [c for c in tok.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"}]
    if tok.dep_ == "amod" and tok.head is not tok:
        held.append(tok.head)  # "eroding ties"
    return not any(n.lower_ in bonds or n.lemma_.lower() in bonds for n in held)


@own_sign("cause_keeps_its_sign", reads="a tie noun that is the object of a preposition of cause (cause_prep: 'by', "
          "'over', 'amid', 'despite')", vocab=("cause_prep",))
def cause_keeps_its_sign(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Relations between the two neighbours have been strained by Azerbaijan's growing ties with Israel": the verb
    tells of its subject; the ties in its phrase of cause are as the noun says (friendly), not strained."""
    return tok.dep_ == "pobj" and tok.pos_ == "NOUN" and tok.head.lower_ in w["cause_prep"]


@own_sign("harm_acts_on_the_relation", reads="a relation cue whose phrase is the object of a verb of harm "
          "(relation_harm_verb: 'damaged the friendly relations', 'did not call into question the friendly ties')",
          vocab=("relation_harm_verb", "tie_antecedent"), changes="polarity -> worsening (-1, a stated change) under "
          "a plain harm verb; the cue's own sign, unflipped, when the harm verb is negated (it denies the harm, not the "
          "relation), and no relation when the harm verb is the only cue ('did not sour ties')")
def harm_acts_on_the_relation(tok: Any, w: dict[str, frozenset[str]]) -> Any:
    """"The dispute damaged the friendly relations between A and B": the verb tells that the relation worsened;
    "the row did not call into question the friendly relations": its negation denies the harm, and the relation
    stays as the noun says (it was read as hostile).  The harm verb (a token), or None."""
    if tok.lemma_.lower() in w["relation_harm_verb"] and any(
            c.dep_ in {"dobj", "nsubj", "nsubjpass"} and c.lower_ in w["tie_antecedent"] for c in tok.children):
        return tok  # "the row did not sour ties": the cue is the harm verb itself, on a bare tie noun
    noun = tok
    while noun.dep_ in {"amod", "compound"} and noun.head is not noun:
        noun = noun.head  # "the friendly relations": the cue may be a modifier of the phrase's head
    for c in noun.children:
        if c.dep_ == "amod" and c.tag_ in {"VBN", "VBD"} and c.lemma_.lower() in w["relation_harm_verb"]:
            return c  # "the row damaged ties", parsed as "damaged ties": ties that are damaged
    if noun.dep_ not in {"dobj", "nsubjpass"}:
        return None
    verb = noun.head
    if verb.pos_ not in {"VERB", "AUX"} and verb.tag_[:2] != "VB":
        return None
    lemma = verb.lemma_.lower()
    phrases = {f"{lemma} {p.lower_} {o.lemma_.lower()}" for p in verb.children if p.dep_ == "prep"
               for o in p.children if o.dep_ == "pobj"}
    return verb if lemma in w["relation_harm_verb"] or phrases & w["relation_harm_verb"] else None


def _act_on_the_tie(tok: Any, acts: frozenset[str]) -> Any:
    """The noun of ``acts`` whose of-object the tie noun ``tok`` is ("the severing of ties"), or None."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "of" or tok.head.head is tok.head:
        return None
    noun = tok.head.head
    return noun if noun.pos_ in {"NOUN", "PROPN"} and (noun.lower_ in acts or noun.lemma_.lower() in acts) else None


@own_sign("undone_by_its_noun", reads="a tie noun that is the of-object of a noun of ending (reversal_noun: 'the "
          "severing of ties between A and B', 'the suspension of relations')", vocab=("reversal_noun",),
          changes="polarity -> the opposite of the tie's (the ending noun, when it is no cue of its own)")
def undone_by_its_noun(tok: Any, w: dict[str, frozenset[str]]) -> Any:
    """"The severing of ties between Algeria and Morocco": the noun tells that the ties ended, not that they hold
    (they were read as friendly).  The ending noun (a token), or None."""
    return _act_on_the_tie(tok, w["reversal_noun"])


@own_sign("lessened_cue", reads="a relation cue with an adverb of lessening on it (lessening_adverb: 'less "
          "dependent on Russia', 'less close to Moscow')", vocab=("lessening_adverb",),
          changes="polarity -> the opposite of the cue's, and a stated change away from it")
def lessened_cue(tok: Any, w: dict[str, frozenset[str]]) -> Any:
    """"Baku feels less dependent on Russia than before": the pair moved away from what the cue names (it was read
    as a dependency, a friendly relation).  The adverb (a token), or None."""
    return next((c for c in tok.children if c.dep_ == "advmod" and c.lower_ in w["lessening_adverb"]), None)


@tie_owner("whose_ties_are_the_relatives_noun", reads="a tie noun whose possessor is the relative 'whose' "
           "(relative_possessive: 'Ethiopia, whose ties with Mogadishu soured')", vocab=("relative_possessive",))
def whose_ties_are_the_relatives_noun(tok: Any, speakers: Any, w: dict[str, frozenset[str]]) -> Any:
    """"Ethiopia, whose own ties with Mogadishu soured this year, has offered to mediate": the ties are those of
    the noun the relative clause is on (no relation was read: "whose" names no one)."""
    if not any(c.dep_ == "poss" and c.lower_ in w["relative_possessive"] for c in tok.children):
        return None
    node = tok
    while node.dep_ != "relcl" and node.head is not node:
        node = node.head
    return speakers.mention_for(node.head) if node.dep_ == "relcl" else None


@tie_owner("an_act_on_ties_is_its_possessors", reads="a tie noun that is the of-object of a noun of an act on ties "
           "(tie_act_noun, reversal_noun: 'Morocco's normalisation of ties with Israel', 'Algeria's severing of ties "
           "with Morocco'), the act noun's possessor", vocab=("tie_act_noun", "reversal_noun"))
def an_act_on_ties_is_its_possessors(tok: Any, speakers: Any, w: dict[str, frozenset[str]]) -> Any:
    """"Algiers criticised Morocco's normalisation of ties with Israel": the ties are Morocco's, whose act the noun
    names (they were given to the clause's subject, Algiers)."""
    act = _act_on_the_tie(tok, w["tie_act_noun"] | w["reversal_noun"])
    if act is None:
        return None
    return next((m for c in act.children if c.dep_ in {"poss", "compound"}
                 and (m := speakers.mention_at(c)) is not None), None)


@tie_owner("its_tie_is_the_last_things", reads="a tie noun whose possessor is a thing's possessive pronoun "
           "(thing_possessive: 'its alliance with Yerevan'), the last actor no person named before it in its "
           "sentence and no party of the tie's own with-phrase; for a tie the verb's object, the possessor of the "
           "verb's subject first ('Turkey's purchase ... strained its ties')", vocab=("thing_possessive",))
def its_tie_is_the_last_things(tok: Any, speakers: Any, w: dict[str, frozenset[str]]) -> Any:
    """"Russia did not intervene, a decision that has strained its alliance with Yerevan": the alliance is Russia's,
    the last state named before "its" (no relation was read: the pronoun names no one, and the clause's subject is
    the decision)."""
    pron = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in w["thing_possessive"]), None)
    if pron is None:
        return None
    others = {m.actor.node for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"
              for m in [speakers.mention_for(p)] if m is not None and m.actor is not None}
    if tok.dep_ in {"dobj", "obj"}:
        # "Turkey's purchase of the Russian S-400 system strained its ties with NATO": the owner of the act that is
        # the clause's subject, not the last state named (Russia, in the purchase's object)
        owner = next((m for s in tok.head.children if s.dep_ == "nsubj" for c in s.children if c.dep_ == "poss"
                      and (m := speakers.mention_at(c)) is not None and m.actor is not None
                      and m.actor.kind != "person" and m.actor.node not in others), None)
        if owner is not None:
            return owner
    return speakers.last_party_before(pron, others, lambda kind: kind != "person")
