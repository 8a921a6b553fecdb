"""Each modality rule decides its case on a hand-built Doc (the parse given, not the model's), and the case
turns when the rule is left out."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import doc as hand_doc  # noqa: E402

from detente.events import load_lexicon  # noqa: E402
from detente.events import modality_rules  # noqa: E402,F401  (registers the modality rules)
from detente.events.modality import read_modality  # noqa: E402
from detente.events.rules import rules  # noqa: E402


def _doc(spec):
    """spec: (word, head index, dep, lemma, tag) per token."""
    words = [w for w, *_ in spec]
    return hand_doc(words, [h for _, h, *_ in spec], [d for _, _, d, *_ in spec],
                    lemmas=[(s[3] if len(s) > 3 and s[3] else s[0].lower()) for s in spec],
                    tags=[(s[4] if len(s) > 4 else "XX") for s in spec],
                    pos=["VERB" if d in {"ROOT", "xcomp", "ccomp", "pcomp"} else "NOUN" for _, _, d, *_ in spec],
                    sent_starts=[i == 0 for i in range(len(spec))])


def _both(spec, trigger, name):
    """(modality with every rule, modality without rule ``name``) of the token ``trigger``."""
    doc = _doc(spec)
    tok = next(t for t in doc if t.text == trigger)
    lex = load_lexicon()
    return read_modality(tok, doc[:], lex), read_modality(tok, doc[:], lex, {name})


# "Russia did not attack Israel ."
NOT_ATTACK = [("Russia", 3, "nsubj"), ("did", 3, "aux", "do"), ("not", 3, "neg"), ("attack", 3, "ROOT"),
              ("Israel", 3, "dobj"), (".", 3, "punct")]


def test_negation_particle():
    on, off = _both(NOT_ATTACK, "attack", "negation_particle")
    assert on.negated and not off.negated
    # "Ankara would not give up on defending Gaza .": a "not" on a verb of giving up keeps the gerund's act going
    spec = [("Ankara", 3, "nsubj"), ("would", 3, "aux", "would", "MD"), ("not", 3, "neg"), ("give", 3, "ROOT"),
            ("up", 3, "prt"), ("on", 3, "prep"), ("defending", 5, "pcomp", "defend", "VBG"), ("Gaza", 6, "dobj"),
            (".", 3, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[6], doc[:], load_lexicon()).negated
    assert read_modality(doc[3], doc[:], load_lexicon()).negated  # the giving up itself is negated


def test_without_is_not_done():
    # "Chile signed a deal without consulting Peru ."
    spec = [("Chile", 1, "nsubj"), ("signed", 1, "ROOT", "sign"), ("a", 3, "det"), ("deal", 1, "dobj"),
            ("without", 1, "prep"), ("consulting", 4, "pcomp", "consult", "VBG"), ("Peru", 5, "dobj"),
            (".", 1, "punct")]
    on, off = _both(spec, "consulting", "without_is_not_done")
    assert on.negated and not off.negated
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).negated  # the signing was done


def test_negative_determiner():
    # "Russia made no attempt to intervene ."
    spec = [("Russia", 1, "nsubj"), ("made", 1, "ROOT", "make"), ("no", 3, "det"), ("attempt", 1, "dobj"),
            ("to", 5, "aux"), ("intervene", 3, "acl"), (".", 1, "punct")]
    on, off = _both(spec, "intervene", "negative_determiner")
    assert on.negated and not off.negated
    # "Russia sent no troops .": on the verb's own object; "Russia sent the troops ." is sent
    spec = [("Russia", 1, "nsubj"), ("sent", 1, "ROOT", "send"), ("no", 3, "det"), ("troops", 1, "dobj", "troop"),
            (".", 1, "punct")]
    on, off = _both(spec, "sent", "negative_determiner")
    assert on.negated and not off.negated
    spec[2] = ("the", 3, "det")
    assert not _both(spec, "sent", "negative_determiner")[0].negated
    # "Russia did nothing .": a negative pronoun as the object
    spec = [("Russia", 1, "nsubj"), ("did", 1, "ROOT", "do"), ("nothing", 1, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "did", "negative_determiner")
    assert on.negated and not off.negated


def test_neither_nor():
    # "Moscow has neither confirmed nor denied the presence ."
    spec = [("Moscow", 3, "nsubj"), ("has", 3, "aux", "have"), ("neither", 3, "preconj"), ("confirmed", 3, "ROOT",
            "confirm", "VBN"), ("nor", 3, "cc"), ("denied", 3, "conj", "deny", "VBD"), ("the", 7, "det"),
            ("presence", 5, "dobj"), (".", 3, "punct")]
    for trigger in ("confirmed", "denied"):
        on, off = _both(spec, trigger, "neither_nor")
        assert on.negated and not off.negated, trigger
    # "Neither Russia nor China condemned the attack ." (the parser makes "Neither" a determiner)
    spec = [("Neither", 1, "det"), ("Russia", 4, "nsubj"), ("nor", 1, "cc"), ("China", 1, "conj"),
            ("condemned", 4, "ROOT", "condemn", "VBD"), ("the", 6, "det"), ("attack", 4, "dobj"), (".", 4, "punct")]
    on, off = _both(spec, "condemned", "neither_nor")
    assert on.negated and not off.negated
    # "Russia and China condemned the attack ." is made
    plain = [("Russia", 3, "nsubj"), ("and", 0, "cc"), ("China", 0, "conj"), ("condemned", 3, "ROOT", "condemn"),
             ("the", 5, "det"), ("attack", 3, "dobj"), (".", 3, "punct")]
    assert not _both(plain, "condemned", "neither_nor")[0].negated


def test_modal_hedge():
    # "Iran could strike Israel ."
    spec = [("Iran", 2, "nsubj"), ("could", 2, "aux"), ("strike", 2, "ROOT"), ("Israel", 2, "dobj"),
            (".", 2, "punct")]
    on, off = _both(spec, "strike", "modal_hedge")
    assert on.hedged and not off.hedged


def test_modal_intent():
    # "Russia will send aid ."
    spec = [("Russia", 2, "nsubj"), ("will", 2, "aux"), ("send", 2, "ROOT"), ("aid", 2, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "send", "modal_intent")
    assert on.intent and not off.intent
    # "Russia will send aid and train troops ." : the conjoined verb shares the future modal
    spec = [("Russia", 2, "nsubj"), ("will", 2, "aux"), ("send", 2, "ROOT"), ("aid", 2, "dobj"), ("and", 2, "cc"),
            ("train", 2, "conj"), ("troops", 5, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "train", "modal_intent")
    assert on.intent and not off.intent
    # "Russia will send aid and Iran trains troops ." : a conjunct with a subject of its own does not
    spec = [("Russia", 2, "nsubj"), ("will", 2, "aux"), ("send", 2, "ROOT"), ("aid", 2, "dobj"), ("and", 2, "cc"),
            ("Iran", 6, "nsubj"), ("trains", 2, "conj"), ("troops", 6, "dobj"), (".", 2, "punct")]
    assert not _both(spec, "trains", "modal_intent")[0].intent


def test_modal_intent_of_the_verb_an_infinitive_completes():
    # "Russia will be forced to take steps ." : the future is the governing verb's
    spec = [("Russia", 3, "nsubjpass"), ("will", 3, "aux"), ("be", 3, "auxpass"), ("forced", 3, "ROOT"),
            ("to", 5, "aux"), ("take", 3, "xcomp"), ("steps", 5, "dobj"), (".", 3, "punct")]
    on, off = _both(spec, "take", "modal_intent")
    assert on.intent and not off.intent
    # "Russia was forced to take steps ." : no future
    spec[1] = ("was", 3, "auxpass")
    spec[2] = ("then", 3, "advmod")
    assert not _both(spec, "take", "modal_intent")[0].intent


def test_hedge_modifier():
    # "Iran trained and allegedly armed fighters ." (the adverb on a coordinated verb, not on the sentence's root)
    spec = [("Iran", 1, "nsubj"), ("trained", 1, "ROOT", "train"), ("and", 1, "cc"), ("allegedly", 4, "advmod"),
            ("armed", 1, "conj", "arm"), ("fighters", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "armed", "hedge_modifier")
    assert on.hedged and not off.hedged


@pytest.mark.parametrize("word", ["alleged", "possible", "potential"])
def test_hedge_modifier_on_an_event_noun(word):
    # "Russia condemned the alleged strike ." : the strike is claimed, not established; a possible or potential one
    # has not happened
    spec = [("Russia", 1, "nsubj"), ("condemned", 1, "ROOT", "condemn"), ("the", 4, "det"), (word, 4, "amod"),
            ("strike", 1, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "strike", "hedge_modifier")
    assert on.hedged and not off.hedged


def test_intent_governor_cue():
    # "Russia plans to send troops ."
    spec = [("Russia", 1, "nsubj"), ("plans", 1, "ROOT", "plan"), ("to", 3, "aux"), ("send", 1, "xcomp"),
            ("troops", 3, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "send", "intent_governor_cue")
    assert on.intent and not off.intent


def test_intent_governor_cue_is_not_a_conjuncts_sibling():
    # "Russia plans to build and run a plant .": "run" is intended through "build"; "Russia wants peace and
    # condemned Israel .": the verb a conjunct hangs from is no governor of it
    build = [("Russia", 1, "nsubj"), ("plans", 1, "ROOT", "plan"), ("to", 3, "aux"), ("build", 1, "xcomp"),
             ("and", 3, "cc"), ("run", 3, "conj"), ("a", 7, "det"), ("plant", 5, "dobj"), (".", 1, "punct")]
    on, _ = _both(build, "run", "intent_governor_cue")
    assert on.intent
    sibling = [("Russia", 1, "nsubj"), ("wants", 1, "ROOT", "want"), ("peace", 1, "dobj"), ("and", 1, "cc"),
               ("condemned", 1, "conj", "condemn"), ("Israel", 4, "dobj"), (".", 1, "punct")]
    on, _ = _both(sibling, "condemned", "intent_governor_cue")
    assert not on.intent


@pytest.mark.parametrize("verb, lemma", [("seems", "seem"), ("tried", "try"), ("fears", "fear"), ("suspects", "suspect")])
def test_hedge_governor(verb, lemma):
    # "Putin seems to back Hamas .", "Putin tried to back Hamas .": not known to be done
    spec = [("Putin", 1, "nsubj"), (verb, 1, "ROOT", lemma), ("to", 3, "aux"), ("back", 1, "xcomp"),
            ("Hamas", 3, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "back", "hedge_governor")
    assert on.hedged and not off.hedged


@pytest.mark.parametrize("verb, lemma", [("avoided", "avoid"), ("denied", "deny")])
def test_negating_governor(verb, lemma):
    # "Israel avoided condemning Russia .", "China denied supplying Russia ." (claimed not done)
    spec = [("Israel", 1, "nsubj"), (verb, 1, "ROOT", lemma), ("condemning", 1, "xcomp", "condemn"),
            ("Russia", 2, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "condemning", "negating_governor")
    assert on.negated and not off.negated


def test_negating_governor_not_through_a_conjunct():
    # "Pakistan denied the claim and accused India ." : the accusation is made (it was read as denied)
    spec = [("Pakistan", 1, "nsubj"), ("denied", 1, "ROOT", "deny"), ("the", 3, "det"), ("claim", 1, "dobj"),
            ("and", 1, "cc"), ("accused", 1, "conj", "accuse"), ("India", 5, "dobj"), (".", 1, "punct")]
    assert not _both(spec, "accused", "negating_governor")[0].negated
    # "Pakistan denied arming and training militants .": a conjunct of the act denied is denied too
    spec = [("Pakistan", 1, "nsubj"), ("denied", 1, "ROOT", "deny"), ("arming", 1, "xcomp", "arm"),
            ("and", 2, "cc"), ("training", 2, "conj", "train"), ("militants", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "training", "negating_governor")
    assert on.negated and not off.negated


def test_negating_governor_of_the_noun_the_chain_ends_in():
    # "Ethiopia denied any plan to invade Eritrea .": the plan is denied, and the invasion with it
    spec = [("Ethiopia", 1, "nsubj"), ("denied", 1, "ROOT", "deny"), ("any", 3, "det"), ("plan", 1, "dobj"),
            ("to", 5, "aux"), ("invade", 3, "acl", "invade", "VB"), ("Eritrea", 5, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "invade", "negating_governor")
    assert on.negated and not off.negated


def test_negation_does_not_reach_a_consequence():
    # "Russia did not sign the text , angering Israel .": the angering happened
    spec = [("Russia", 3, "nsubj"), ("did", 3, "aux", "do"), ("not", 3, "neg"), ("sign", 3, "ROOT"), ("the", 5, "det"),
            ("text", 3, "dobj"), (",", 3, "punct"), ("angering", 3, "advcl", "anger", "VBG"), ("Israel", 7, "dobj"),
            (".", 3, "punct")]
    assert not _both(spec, "angering", "negation_particle")[0].negated
    assert _both(spec, "sign", "negation_particle")[0].negated
    # "Russia failed to adopt it , drawing rebukes ."
    spec = [("Russia", 1, "nsubj"), ("failed", 1, "ROOT", "fail"), ("to", 3, "aux"), ("adopt", 1, "xcomp"),
            ("it", 3, "dobj"), (",", 1, "punct"), ("drawing", 1, "advcl", "draw", "VBG"), ("rebukes", 6, "dobj"),
            (".", 1, "punct")]
    assert not _both(spec, "drawing", "negating_governor")[0].negated
    assert _both(spec, "adopt", "negating_governor")[0].negated


@pytest.mark.parametrize("cc, negated", [("but", False), ("or", True)])
def test_negation_does_not_reach_a_contrasted_conjunct(cc, negated):
    # "Russia did not sign it but attended .": the attending happened; "did not sign it or attend": neither did
    spec = [("Russia", 3, "nsubj"), ("did", 3, "aux", "do"), ("not", 3, "neg"), ("sign", 3, "ROOT"), ("it", 3, "dobj"),
            (cc, 3, "cc"), ("attended", 3, "conj", "attend"), (".", 3, "punct")]
    doc = _doc(spec)
    doc[6].pos_ = "VERB"
    lex = load_lexicon()
    assert read_modality(doc[6], doc[:], lex).negated == negated


def test_hedge_governor_an_invitation_is_no_visit_made():
    # "Iran invited Egypt to visit Tehran .": the visit is offered, not made
    spec = [("Iran", 1, "nsubj"), ("invited", 1, "ROOT", "invite"), ("Egypt", 1, "dobj"), ("to", 4, "aux"),
            ("visit", 1, "xcomp"), ("Tehran", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "visit", "hedge_governor")
    assert on.hedged and not off.hedged


def test_a_comment_set_off_by_a_comma_keeps_its_time():
    # "Chile met Peru , a frequency unthinkable a decade ago .": the decade is the comment's, not the meeting's (it was
    # background); "Chile met Peru , a decade ago ." is the meeting's own time
    spec = [("Chile", 1, "nsubj"), ("met", 1, "ROOT", "meet"), ("Peru", 1, "dobj"), (",", 1, "punct"),
            ("a", 5, "det"), ("frequency", 6, "npadvmod"), ("unthinkable", 1, "advmod"), ("a", 8, "det"),
            ("decade", 9, "npadvmod"), ("ago", 6, "advmod"), (".", 1, "punct")]
    doc = _doc(spec)
    lex = load_lexicon()
    assert not read_modality(doc[1], doc[:], lex).background
    spec = [("Chile", 1, "nsubj"), ("met", 1, "ROOT", "meet"), ("Peru", 1, "dobj"), (",", 1, "punct"),
            ("a", 5, "det"), ("decade", 6, "npadvmod"), ("ago", 1, "advmod"), (".", 1, "punct")]
    doc = _doc(spec)
    assert read_modality(doc[1], doc[:], lex).background


@pytest.mark.parametrize("adverb, hedged", [("falsely", True), ("repeatedly", False)])
def test_told_as_false(adverb, hedged):
    # "Lavrov falsely claimed that Ukraine attacked Russia .": the report calls the claim untrue
    spec = [("Lavrov", 2, "nsubj"), (adverb, 2, "advmod"), ("claimed", 2, "ROOT", "claim"), ("that", 5, "mark"),
            ("Ukraine", 5, "nsubj"), ("attacked", 2, "ccomp", "attack"), ("Russia", 5, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "attacked", "told_as_false")
    assert on.hedged == hedged and not off.hedged


# "Israel is expected to retaliate ." / "Israel expects to retaliate ."
EXPECTED = [("Israel", 2, "nsubjpass"), ("is", 2, "auxpass", "be"), ("expected", 2, "ROOT", "expect"), ("to", 4, "aux"),
            ("retaliate", 2, "xcomp"), (".", 2, "punct")]
EXPECTS = [("Israel", 1, "nsubj"), ("expects", 1, "ROOT", "expect"), ("to", 3, "aux"), ("retaliate", 1, "xcomp"),
           (".", 1, "punct")]


def test_expected_by_others():
    on, off = _both(EXPECTED, "retaliate", "expected_by_others")
    assert on.hedged and not off.hedged
    assert not _both(EXPECTS, "retaliate", "expected_by_others")[0].hedged  # one's own expectation: no hedge


def test_intent_governor_cue_is_not_others_expectation():
    assert not _both(EXPECTED, "retaliate", "expected_by_others")[0].intent
    assert _both(EXPECTS, "retaliate", "expected_by_others")[0].intent


def test_negation_phrase():
    # "Russia stopped short of condemning Hamas ."
    spec = [("Russia", 1, "nsubj"), ("stopped", 1, "ROOT", "stop"), ("short", 1, "advmod"), ("of", 2, "prep"),
            ("condemning", 3, "pcomp", "condemn"), ("Hamas", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "condemning", "negation_phrase")
    assert on.negated and not off.negated


def test_negation_phrase_on_the_triggers_own_adverb():
    # "Poland no longer supplies arms ." : the parser hangs "no" on "longer", not on the verb
    spec = [("Poland", 3, "nsubj"), ("no", 2, "neg"), ("longer", 3, "advmod"), ("supplies", 3, "ROOT", "supply"),
            ("arms", 3, "dobj"), (".", 3, "punct")]
    on, off = _both(spec, "supplies", "negation_phrase")
    assert on.negated and not off.negated


def test_a_conjunct_with_its_own_auxiliary_has_its_own_modality():
    # "Poland was no longer sending arms and would focus on arming itself ." : the negation is the first verb's
    spec = [("Poland", 4, "nsubj"), ("was", 4, "aux", "be"), ("no", 3, "neg"), ("longer", 4, "advmod"),
            ("sending", 4, "ROOT", "send"), ("arms", 4, "dobj"), ("and", 4, "cc"), ("would", 8, "aux"),
            ("focus", 4, "conj"), ("on", 8, "prep"), ("arming", 9, "pcomp", "arm"), ("itself", 10, "dobj"),
            (".", 4, "punct")]
    doc = _doc(spec)
    lex = load_lexicon()
    sending, arming = (read_modality(next(t for t in doc if t.text == w), doc[:], lex) for w in ("sending", "arming"))
    assert sending.negated and not arming.negated


def test_hedge_phrase():
    # "Iran is said to have sent drones ." ("said" is a speech verb: the chain stops below it, the phrase is read
    # in the words between the top of the chain and the trigger)
    spec = [("Iran", 2, "nsubjpass"), ("is", 2, "auxpass", "be"), ("said", 2, "ROOT", "say"), ("to", 5, "aux"),
            ("have", 5, "aux"), ("sent", 2, "xcomp", "send"), ("drones", 5, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "sent", "hedge_phrase")
    assert on.hedged and not off.hedged


def test_sentence_hedge_adverb():
    # "Reportedly , Iran supplied drones ." with the adverb on the root, the trigger below it ("supplied" is the
    # root here, so take a coordinated trigger: "Reportedly , Iran trained and armed fighters .")
    spec = [("Reportedly", 3, "advmod"), (",", 3, "punct"), ("Iran", 3, "nsubj"), ("trained", 3, "ROOT", "train"),
            ("and", 3, "cc"), ("armed", 3, "conj", "arm"), ("fighters", 5, "dobj"), (".", 3, "punct")]
    doc = _doc(spec)
    lex = load_lexicon()
    armed = doc[5]
    # the coordinated verb's chain reaches the root, whose adverb the modifier rule also sees: leave it out
    on = read_modality(armed, doc[:], lex, {"hedge_modifier"})
    off = read_modality(armed, doc[:], lex, {"hedge_modifier", "sentence_hedge_adverb"})
    assert on.hedged and not off.hedged


def test_background_phrase():
    # "Russia has backed Syria in recent years ."
    spec = [("Russia", 2, "nsubj"), ("has", 2, "aux", "have"), ("backed", 2, "ROOT", "back"), ("Syria", 2, "dobj"),
            ("in", 2, "prep"), ("recent", 6, "amod"), ("years", 4, "pobj", "year"), (".", 2, "punct")]
    on, off = _both(spec, "backed", "background_phrase")
    assert on.background and on.background_cue and not off.background


@pytest.mark.parametrize("time, lemma, background", [("time", "time", True), ("weekend", "weekend", False)])
def test_said_at_an_earlier_time(time, lemma, background):
    # "Chile said at the time it rejected the ruling .": what was said then reports an act of then (background);
    # "said at the weekend" names no earlier time
    spec = [("Chile", 1, "nsubj"), ("said", 1, "ROOT", "say"), ("at", 1, "prep"), ("the", 4, "det"),
            (time, 2, "pobj", lemma), ("it", 6, "nsubj"), ("rejected", 1, "ccomp", "reject"), ("the", 8, "det"),
            ("ruling", 6, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "rejected", "said_at_an_earlier_time")
    assert on.background is background and not off.background


def test_background_phrase_reads_a_historical_period():
    # "In Soviet times , Moscow armed Syria ." (modality.tsv's historical periods); "in a new Cold War" is not one
    spec = [("In", 5, "prep"), ("Soviet", 2, "amod"), ("times", 0, "pobj", "time"), (",", 5, "punct"),
            ("Moscow", 5, "nsubj"), ("armed", 5, "ROOT", "arm"), ("Syria", 5, "dobj"), (".", 5, "punct")]
    on, off = _both(spec, "armed", "background_phrase")
    assert on.background and on.background_cue == "in soviet times" and not off.background


def test_background_phrase_keeps_time_adjectives_only_in_time_phrases():
    # "Russia abandoned its long - standing ally ." : "long-standing" describes the ally, not the time
    spec = [("Russia", 1, "nsubj"), ("abandoned", 1, "ROOT", "abandon"), ("its", 6, "poss"), ("long", 5, "advmod"),
            ("-", 5, "punct"), ("standing", 6, "amod", "stand"), ("ally", 1, "dobj"), (".", 1, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).background


def test_a_possessed_noun_after_a_time_preposition_is_no_time_phrase():
    # "Chile and Peru agreed in their long - running row ." : "long-running" describes the row, not when they agreed
    spec = [("Chile", 3, "nsubj"), ("and", 0, "cc"), ("Peru", 0, "conj"), ("agreed", 3, "ROOT", "agree"),
            ("in", 3, "prep"), ("their", 9, "poss"), ("long", 8, "advmod"), ("-", 8, "punct"),
            ("running", 9, "amod", "run"), ("row", 4, "pobj"), (".", 3, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[3], doc[:], load_lexicon()).background
    # "Chile armed Peru in the long - running war ." (no possessor): a time phrase still reads as one
    spec = [("Chile", 1, "nsubj"), ("armed", 1, "ROOT", "arm"), ("Peru", 1, "dobj"), ("in", 1, "prep"),
            ("the", 8, "det"), ("long", 7, "advmod"), ("-", 7, "punct"), ("running", 8, "amod", "run"),
            ("war", 3, "pobj"), (".", 1, "punct")]
    doc = _doc(spec)
    assert read_modality(doc[1], doc[:], load_lexicon()).background


def test_a_clause_before_a_semicolon_is_no_complement_of_the_next():
    # "Chile summons envoy ; Peru vows response" : the parser makes the first clause a complement of "vows"
    spec = [("Chile", 1, "nsubj"), ("summons", 6, "ccomp", "summon"), ("envoy", 1, "dobj"), (";", 6, "punct"),
            ("Peru", 6, "nsubj"), ("now", 6, "advmod"), ("vows", 6, "ROOT", "vow"), ("response", 6, "dobj")]
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).intent
    spec[3] = (",", 6, "punct")  # "Chile summons envoy , Peru now vows" (no object of its own): the vow's content
    doc = _doc(spec[:7] + [(".", 6, "punct")])
    assert read_modality(doc[1], doc[:], load_lexicon()).intent
    doc = _doc(spec)  # "..., Peru now vows response": the verb has an object of its own
    assert not read_modality(doc[1], doc[:], load_lexicon()).intent


def test_a_clause_before_an_apposed_report_noun_is_not_what_its_relative_clause_denies():
    # "Chile accused Peru , a charge Peru denies ." : the parser makes the accusation a complement of "denies"
    spec = [("Chile", 1, "nsubj"), ("accused", 7, "ccomp", "accuse"), ("Peru", 1, "dobj"), (",", 7, "punct"),
            ("a", 5, "det"), ("charge", 6, "compound"), ("Peru", 7, "nsubj"), ("denies", 7, "ROOT", "deny"),
            (".", 7, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).negated
    spec[5] = ("day", 6, "compound")  # "Chile accused Peru , a day Peru denies": no noun of report
    doc = _doc(spec)
    assert read_modality(doc[1], doc[:], load_lexicon()).negated


def test_an_act_named_as_the_subject_of_a_would_clause_is_supposed():
    # "An attack on Chile would invoke the treaty ." : no attack is told
    spec = [("An", 1, "det"), ("attack", 5, "nsubj"), ("on", 1, "prep"), ("Chile", 2, "pobj"), ("would", 5, "aux"),
            ("invoke", 5, "ROOT"), ("the", 7, "det"), ("treaty", 5, "dobj"), (".", 5, "punct")]
    on, off = _both(spec, "attack", "hypothetical_would")
    assert on.hedged and not off.hedged


def test_the_past_perfect_reported_by_a_participle_is_no_background():
    # "Chile said ... , adding that Peru had threatened it ." : reported speech in the past, as after "said"
    spec = [("Chile", 1, "nsubj"), ("said", 1, "ROOT", "say", "VBD"), ("so", 1, "advmod"), (",", 1, "punct"),
            ("adding", 1, "advcl", "add", "VBG"), ("that", 8, "mark"), ("Peru", 8, "nsubj"), ("had", 8, "aux"),
            ("threatened", 4, "ccomp", "threaten", "VBN"), ("it", 8, "dobj"), (".", 1, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[8], doc[:], load_lexicon()).background
    spec[4] = ("adding", 1, "advcl", "add", "NN")  # (no verb of reporting in the past: the past perfect is earlier)
    doc = _doc(spec)
    assert read_modality(doc[8], doc[:], load_lexicon()).background


def test_a_historic_visit_is_news_and_historically_is_background():
    # "Chile arrived for a historic visit ." : "historic" says how much it matters, not when it was
    spec = [("Chile", 1, "nsubj"), ("arrived", 1, "ROOT", "arrive"), ("for", 1, "prep"), ("a", 5, "det"),
            ("historic", 5, "amod"), ("visit", 2, "pobj"), (".", 1, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).background
    # "Chile historically backed Peru ."
    spec = [("Chile", 2, "nsubj"), ("historically", 2, "advmod"), ("backed", 2, "ROOT", "back"), ("Peru", 2, "dobj"),
            (".", 2, "punct")]
    doc = _doc(spec)
    assert read_modality(doc[2], doc[:], load_lexicon()).background


def test_a_clause_under_a_conjunction_or_a_setting_phrase_keeps_its_own_modality():
    lex = load_lexicon()
    # "Chile would not support it and called for talks ." : the past-tense conjunct is a clause of its own
    doc = _doc([("Chile", 3, "nsubj"), ("would", 3, "aux"), ("not", 3, "neg"), ("support", 3, "ROOT", "support", "VB"),
                ("it", 3, "dobj"), ("and", 3, "cc"), ("called", 3, "conj", "call", "VBD"), ("for", 6, "prep"),
                ("talks", 7, "pobj"), (".", 3, "punct")])
    assert read_modality(doc[3], doc[:], lex).negated and not read_modality(doc[6], doc[:], lex).negated
    # "Chile denies arming rebels as Peru cuts ties ." : the denial does not reach the as-clause
    doc = _doc([("Chile", 1, "nsubj"), ("denies", 1, "ROOT", "deny"), ("arming", 1, "xcomp", "arm"),
                ("rebels", 2, "dobj"), ("as", 6, "mark"), ("Peru", 6, "nsubj"), ("cuts", 1, "advcl", "cut"),
                ("ties", 6, "dobj"), (".", 1, "punct")])
    assert read_modality(doc[2], doc[:], lex).negated and not read_modality(doc[6], doc[:], lex).negated
    # "Chile pledged to sign a pact during a visit ." : the pledge does not make the visit intended
    doc = _doc([("Chile", 1, "nsubj"), ("pledged", 1, "ROOT", "pledge"), ("to", 3, "aux"), ("sign", 1, "xcomp"),
                ("a", 5, "det"), ("pact", 3, "dobj"), ("during", 3, "prep"), ("a", 8, "det"), ("visit", 6, "pobj"),
                (".", 1, "punct")])
    assert read_modality(doc[3], doc[:], lex).intent and not read_modality(doc[8], doc[:], lex).intent


def test_since_clause_is_earlier():
    # "Chile visited Peru since Bolivia invaded Peru ." : the invasion is where the period begins, before the news;
    # "since Bolivia refuses" (present: a cause) is not
    for verb, tag, earlier in (("invaded", "VBD", True), ("refuses", "VBZ", False)):
        spec = [("Chile", 1, "nsubj"), ("visited", 1, "ROOT", "visit", "VBD"), ("Peru", 1, "dobj"),
                ("since", 5, "mark"), ("Bolivia", 5, "nsubj"), (verb, 1, "advcl", verb, tag), ("Peru", 5, "dobj"),
                (".", 1, "punct")]
        on, off = _both(spec, verb, "since_clause_is_earlier")
        assert on.background == earlier and not off.background


def test_past_perfect():
    # "Russia had supplied weapons ."
    spec = [("Russia", 2, "nsubj"), ("had", 2, "aux", "have", "VBD"), ("supplied", 2, "ROOT", "supply", "VBN"),
            ("weapons", 2, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "supplied", "past_perfect")
    assert on.background_cue == "had (past perfect)" and not off.background


def test_past_perfect_of_a_passive_with_had_hung_on_been():
    # "Ties had been strained ." with the parser's "had" on "been" (it was no past perfect: dated the news day)
    spec = [("Ties", 3, "nsubjpass", "tie"), ("had", 2, "aux", "have", "VBD"), ("been", 3, "auxpass", "be", "VBN"),
            ("strained", 3, "ROOT", "strain", "VBN"), (".", 3, "punct")]
    on, off = _both(spec, "strained", "past_perfect")
    assert on.background_cue == "had (past perfect)" and not off.background


def test_a_bare_verb_under_a_past_perfect_is_background():
    # "The row had seen Chile recall its envoy .": the recall has no tense of its own
    spec = [("The", 1, "det"), ("row", 3, "nsubj"), ("had", 3, "aux", "have", "VBD"), ("seen", 3, "ROOT", "see", "VBN"),
            ("Chile", 5, "nsubj"), ("recall", 3, "ccomp", "recall", "VB"), ("its", 7, "poss"), ("envoy", 5, "dobj"),
            (".", 3, "punct")]
    on, off = _both(spec, "recall", "past_perfect")
    assert on.background_cue == "had (past perfect)" and not off.background
    spec[2] = ("has", 3, "aux", "have", "VBZ")  # "The row has seen Chile recall its envoy": news
    spec[3] = ("seen", 3, "ROOT", "see", "VBN")
    doc = _doc(spec)
    assert not read_modality(doc[5], doc[:], load_lexicon()).background


def test_a_participle_on_a_past_perfect_is_background():
    # "Turkey had blocked the bid , accusing Sweden ." : the accusing is of that earlier time (it was the news day's)
    spec = [("Turkey", 2, "nsubj"), ("had", 2, "aux", "have", "VBD"), ("blocked", 2, "ROOT", "block", "VBN"),
            ("the", 4, "det"), ("bid", 2, "dobj"), (",", 2, "punct"), ("accusing", 2, "advcl", "accuse", "VBG"),
            ("Sweden", 6, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "accusing", "past_perfect")
    assert on.background_cue == "had (past perfect)" and not off.background
    spec[1] = ("has", 2, "aux", "have", "VBZ")  # "Turkey has blocked the bid, accusing Sweden": news
    doc = _doc(spec)
    assert not read_modality(doc[6], doc[:], load_lexicon()).background


def test_a_conjunct_shares_its_first_conjuncts_past_perfect():
    # "Chile had sent troops and closed the border ." : the closing has no auxiliary of its own
    spec = [("Chile", 2, "nsubj"), ("had", 2, "aux", "have", "VBD"), ("sent", 2, "ROOT", "send", "VBN"),
            ("troops", 2, "dobj"), ("and", 2, "cc"), ("closed", 2, "conj", "close", "VBD"), ("the", 7, "det"),
            ("border", 5, "dobj"), (".", 2, "punct")]
    on, off = _both(spec, "closed", "past_perfect")
    assert on.background_cue == "had (past perfect)" and not off.background
    # "Chile had sent troops and has closed the border .": a tense of its own
    spec = [("Chile", 2, "nsubj"), ("had", 2, "aux", "have", "VBD"), ("sent", 2, "ROOT", "send", "VBN"),
            ("troops", 2, "dobj"), ("and", 2, "cc"), ("has", 6, "aux", "have", "VBZ"),
            ("closed", 2, "conj", "close", "VBN"), ("the", 8, "det"), ("border", 6, "dobj"), (".", 2, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[6], doc[:], load_lexicon()).background


def test_past_perfect_of_reported_speech_is_no_background():
    # "Chile said it had supplied weapons .": the tense follows "said" back; the act may be the news itself
    spec = [("Chile", 1, "nsubj"), ("said", 1, "ROOT", "say", "VBD"), ("it", 4, "nsubj"),
            ("had", 4, "aux", "have", "VBD"), ("supplied", 1, "ccomp", "supply", "VBN"), ("weapons", 4, "dobj"),
            (".", 1, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[4], doc[:], load_lexicon()).background
    # without the reporting verb's exception, the past perfect alone would make it background
    from detente.events.modality_rules import past_perfect

    assert past_perfect(doc[4], doc[:], [], load_lexicon(), {"reporting_verb": frozenset()})


def test_a_phrase_that_only_looks_like_a_background_cue_is_none():
    # "Chile will not sanction Peru as long as I am president ." : a condition, not "long supported"
    spec = [("Chile", 3, "nsubj"), ("will", 3, "aux"), ("not", 3, "neg"), ("sanction", 3, "ROOT", "sanction", "VB"),
            ("Peru", 3, "dobj"), ("as", 6, "advmod"), ("long", 3, "advmod"), ("as", 8, "mark"), ("I", 8, "nsubj"),
            ("am", 6, "advcl", "be", "VBP"), ("president", 9, "attr"), (".", 3, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[3], doc[:], load_lexicon()).background
    # "Chile has once again sanctioned Peru": again, not "once" (at one time)
    again = [("Chile", 4, "nsubj"), ("has", 4, "aux", "have", "VBZ"), ("once", 3, "advmod"), ("again", 4, "advmod"),
             ("sanctioned", 4, "ROOT", "sanction", "VBN"), ("Peru", 4, "dobj"), (".", 4, "punct")]
    assert not read_modality(_doc(again)[4], _doc(again)[:], load_lexicon()).background
    spec[5:8] = [("has", 3, "aux", "have"), ("long", 3, "advmod"), ("as", 8, "mark")]  # "... Peru has long ..."
    assert read_modality(_doc(spec)[3], _doc(spec)[:], load_lexicon()).background


def test_past_period():
    """A fronted past period is background."""
    # "For ten years , Chile and Peru traded insults ." : the stretch the sentence looks back on
    spec = [("For", 6, "prep"), ("ten", 2, "nummod"), ("years", 0, "pobj", "year"), (",", 6, "punct"),
            ("Chile", 6, "nsubj"), ("and", 4, "cc"), ("traded", 6, "ROOT", "trade", "VBD"), ("insults", 6, "dobj"),
            (".", 6, "punct")]
    doc = _doc(spec)
    for i in (1, 2):
        doc[i].ent_type_ = "DATE"
    lex = load_lexicon()
    assert read_modality(doc[6], doc[:], lex).background
    assert not read_modality(doc[6], doc[:], lex, {"past_period"}).background
    # the same span after the verb: how long a measure lasts ("suspended flights for ten years"), not read
    spec = [("Chile", 1, "nsubj"), ("suspended", 1, "ROOT", "suspend", "VBD"), ("flights", 1, "dobj"),
            ("for", 1, "prep"), ("ten", 5, "nummod"), ("years", 3, "pobj", "year"), (".", 1, "punct")]
    doc = _doc(spec)
    for i in (4, 5):
        doc[i].ent_type_ = "DATE"
    assert not read_modality(doc[1], doc[:], lex).background


def test_earlier_event_noun():
    # "Sweden applied after Russia's invasion of Ukraine .": the invasion is what came before (background)
    spec = [("Sweden", 1, "nsubj"), ("applied", 1, "ROOT", "apply"), ("after", 1, "prep"), ("Russia", 5, "poss"),
            ("'s", 3, "case"), ("invasion", 2, "pobj"), ("of", 5, "prep"), ("Ukraine", 6, "pobj"), (".", 1, "punct")]
    on, off = _both(spec, "invasion", "earlier_event_noun")
    assert on.background and not off.background


def test_cause_is_earlier():
    # "Chile's blockade of Peru has prompted Bolivia to act .": the blockade named as the cause came before
    spec = [("Chile", 2, "poss"), ("'s", 0, "case"), ("blockade", 6, "nsubj"), ("of", 2, "prep"), ("Peru", 3, "pobj"),
            ("has", 6, "aux", "have"), ("prompted", 6, "ROOT", "prompt"), ("Bolivia", 6, "dobj"), ("to", 9, "aux"),
            ("act", 6, "xcomp"), (".", 6, "punct")]
    on, off = _both(spec, "blockade", "cause_is_earlier")
    assert on.background and not off.background
    # "Chile's blockade of Peru can prompt Bolivia to act .": a cause that may come is no earlier one
    spec[5] = ("can", 6, "aux", "can", "MD")
    assert not read_modality(_doc(spec)[2], _doc(spec)[:], load_lexicon()).background


@pytest.mark.parametrize("name", [r.name for r in rules() if r.stage == "modality"])
def test_every_modality_rule_has_its_test(name):
    assert f"def test_{name}(" in open(__file__, encoding="utf-8").read()


# "If Turkey does not back the bids , it means that ..." (paraphrased construction)
IF_CLAUSE = [("If", 3, "mark"), ("Turkey", 3, "nsubj"), ("not", 3, "neg"), ("back", 7, "advcl", "back"),
             ("the", 5, "det"), ("bids", 3, "dobj", "bid"), (",", 7, "punct"), ("means", 7, "ROOT", "mean"),
             (".", 7, "punct")]


def test_conditional_clause():
    on, off = _both(IF_CLAUSE, "back", "conditional_clause")
    assert on.hedged and not off.hedged


@pytest.mark.parametrize("tag, hedged", [("VBZ", True), ("VBD", False)])
def test_conditional_clause_of_until_in_the_present(tag, hedged):
    # "Riyadh will not resume talks until Israel agrees ." : a condition not yet met; "until Israel agreed" was done
    spec = [("Riyadh", 3, "nsubj"), ("will", 3, "aux"), ("not", 3, "neg"), ("resume", 3, "ROOT"),
            ("talks", 3, "dobj", "talk"), ("until", 7, "mark"), ("Israel", 7, "nsubj"),
            ("agrees", 3, "advcl", "agree", tag), (".", 3, "punct")]
    on, off = _both(spec, "agrees", "conditional_clause")
    assert on.hedged == hedged and not off.hedged


def test_conditional_adverb_hedges():
    # "Otherwise , they will end up fighting ."
    spec = [("Otherwise", 4, "advmod"), (",", 4, "punct"), ("they", 4, "nsubj"), ("will", 4, "aux"),
            ("end", 4, "ROOT"), ("up", 4, "prt"), ("fighting", 4, "xcomp", "fight"), (".", 4, "punct")]
    on, off = _both(spec, "fighting", "conditional_clause")
    assert on.hedged and not off.hedged


def test_open_question():
    # "it is unclear whether the pair met ."
    spec = [("it", 1, "nsubj"), ("is", 1, "ROOT", "be"), ("unclear", 1, "acomp"), ("whether", 6, "mark"),
            ("the", 5, "det"), ("pair", 6, "nsubj"), ("met", 1, "ccomp", "meet"), (".", 1, "punct")]
    on, off = _both(spec, "met", "open_question")
    assert on.hedged and not off.hedged
    # "reporters asked if Iran met Iraq .": an if-clause that is the verb's complement is a question too
    asked = [("reporters", 1, "nsubj", "reporter"), ("asked", 1, "ROOT", "ask"), ("if", 4, "mark"),
             ("Iran", 4, "nsubj"), ("met", 1, "ccomp", "meet"), ("Iraq", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(asked, "met", "open_question")
    assert on.hedged and not off.hedged


def test_asked_not_told():
    # "Will Russia attack Israel ?": a yes-no question asks, it does not say
    spec = [("Will", 2, "aux"), ("Russia", 2, "nsubj"), ("attack", 2, "ROOT"), ("Israel", 2, "dobj"),
            ("?", 2, "punct")]
    on, off = _both(spec, "attack", "asked_not_told")
    assert on.hedged and not off.hedged
    # "Why did Russia attack Israel ?": a question word takes the attack as given
    why = [("Why", 3, "advmod")] + [(w, h + 1, d, *rest) for w, h, d, *rest in
                                    [("did", 2, "aux", "do")] + spec[1:]]
    assert not _both(why, "attack", "asked_not_told")[0].hedged
    # 'Lavrov asked : " Will Russia attack ? "': the asking is told, only the quoted question asks
    asked = [("Lavrov", 1, "nsubj"), ("asked", 1, "ROOT", "ask"), (":", 1, "punct"), ('"', 1, "punct")] + [
        (w, h + 4 if d != "ROOT" else 1, d if d != "ROOT" else "ccomp", *rest) for w, h, d, *rest in spec] + [
        ('"', 1, "punct")]
    assert not _both(asked, "asked", "asked_not_told")[0].hedged
    assert _both(asked, "attack", "asked_not_told")[0].hedged


def test_hypothetical_would():
    # "The pact would allow Chinese deployments ."
    spec = [("The", 1, "det"), ("pact", 3, "nsubj"), ("would", 3, "aux"), ("allow", 3, "ROOT"),
            ("Chinese", 5, "amod"), ("deployments", 3, "dobj"), (".", 3, "punct")]
    on, off = _both(spec, "allow", "hypothetical_would")
    assert on.hedged and not on.intent and not off.hedged


def test_hypothetical_would_reported_is_intent():
    # "Aides said they would send a unit ." ("will" told in the past)
    spec = [("Aides", 1, "nsubj"), ("said", 1, "ROOT", "say"), ("they", 4, "nsubj"), ("would", 4, "aux"),
            ("send", 1, "ccomp"), ("a", 6, "det"), ("unit", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "send", "hypothetical_would")
    assert on.intent and not on.hedged and not off.intent


def test_hypothetical_would_in_a_direct_quote_or_under_a_condition_is_hedged():
    # "“ We would protest to Honiara , ” the minister said ."
    quoted = [("“", 8, "punct"), ("We", 3, "nsubj"), ("would", 3, "aux"), ("protest", 8, "ccomp"), ("to", 3, "prep"),
              ("Honiara", 4, "pobj"), (",", 8, "punct"), ("”", 8, "punct"), ("said", 8, "ROOT", "say"),
              (".", 8, "punct")]
    on, off = _both(quoted, "protest", "hypothetical_would")
    assert on.hedged and not on.intent and not off.hedged
    # "He said Canberra would protest if a base were built ."
    conditioned = [("He", 1, "nsubj"), ("said", 1, "ROOT", "say"), ("Canberra", 4, "nsubj"), ("would", 4, "aux"),
                   ("protest", 1, "ccomp"), ("if", 9, "mark"), ("a", 7, "det"), ("base", 9, "nsubjpass"),
                   ("were", 9, "auxpass"), ("built", 4, "advcl", "build"), (".", 1, "punct")]
    on, off = _both(conditioned, "protest", "hypothetical_would")
    assert on.hedged and not on.intent and not off.hedged


def test_anniversary_recalls():
    # "France marked the anniversary of the battle , when the navies fought ." (a made-up sentence of that shape)
    spec = [("France", 1, "nsubj"), ("marked", 1, "ROOT", "mark"), ("the", 3, "det"), ("anniversary", 1, "dobj"),
            ("of", 3, "prep"), ("the", 6, "det"), ("battle", 4, "pobj"), (",", 6, "punct"), ("when", 11, "advmod"),
            ("the", 10, "det"), ("navies", 11, "nsubj", "navy"), ("fought", 6, "relcl", "fight"), (".", 1, "punct")]
    on, off = _both(spec, "fought", "anniversary_recalls")
    assert on.background and not off.background
    # the marking itself is the news
    doc = _doc(spec)
    assert not read_modality(doc[1], doc[:], load_lexicon()).background


def test_hypothetical_would_rules_its_own_clause_only():
    # "Ties would break since lobbies sought to align Israel with the EU .": the aligning is told, not supposed
    spec = [("Ties", 2, "nsubj", "tie"), ("would", 2, "aux"), ("break", 2, "ROOT"), ("since", 5, "mark"),
            ("lobbies", 5, "nsubj", "lobby"), ("sought", 2, "advcl", "seek"), ("to", 7, "aux"),
            ("align", 5, "xcomp"), ("Israel", 7, "dobj"), (".", 2, "punct")]
    doc = _doc(spec)
    lex = load_lexicon()
    assert not read_modality(doc[7], doc[:], lex).hedged
    assert read_modality(doc[2], doc[:], lex).hedged


def test_the_alternative_not_taken_is_negated():
    # "Chile hedged rather than abandoning Peru ." : the abandoning is what Chile did not do (negation_phrase)
    spec = [("Chile", 1, "nsubj"), ("hedged", 1, "ROOT", "hedge"), ("rather", 3, "advmod"), ("than", 1, "prep"),
            ("abandoning", 3, "pcomp", "abandon"), ("Peru", 4, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "abandoning", "negation_phrase")
    assert on.negated and not off.negated


@pytest.mark.parametrize("verb, hedged", [("denies", True), ("welcomes", False)])
def test_denied_claim(verb, hedged):
    # "Chile deployed troops to Peru , a claim Lima denies .": the act is contested; "a claim Lima welcomes" is not
    spec = [("Chile", 1, "nsubj"), ("deployed", 1, "ROOT", "deploy"), ("troops", 1, "dobj"), ("to", 1, "prep"),
            ("Peru", 3, "pobj"), (",", 4, "punct"), ("a", 7, "det"), ("claim", 4, "appos"), ("Lima", 9, "nsubj"),
            (verb, 7, "relcl", {"denies": "deny", "welcomes": "welcome"}[verb]), (".", 1, "punct")]
    on, off = _both(spec, "deployed", "denied_claim")
    assert on.hedged is hedged and not off.hedged


def test_denied_claim_on_which_beside_the_clause():
    # "Peru said Chile armed rebels , which Chile denies .": the arming is contested; "Peru accused Chile of arming
    # rebels , which Chile denies .": the accusing itself was done, only what it claims is contested
    spec = [("Peru", 1, "nsubj"), ("said", 1, "ROOT", "say"), ("Chile", 3, "nsubj"), ("armed", 1, "ccomp", "arm"),
            ("rebels", 3, "dobj"), (",", 3, "punct"), ("which", 8, "dobj"), ("Chile", 8, "nsubj"),
            ("denies", 4, "relcl", "deny"), (".", 1, "punct")]
    on, off = _both(spec, "armed", "denied_claim")
    assert on.hedged and not off.hedged
    spec = [("Peru", 1, "nsubj"), ("accused", 1, "ROOT", "accuse"), ("Chile", 1, "dobj"), ("of", 1, "prep"),
            ("arming", 3, "pcomp", "arm"), ("rebels", 4, "dobj"), (",", 5, "punct"), ("which", 9, "dobj"),
            ("Chile", 9, "nsubj"), ("denies", 5, "relcl", "deny"), (".", 1, "punct")]
    assert _both(spec, "arming", "denied_claim")[0].hedged
    assert not _both(spec, "accused", "denied_claim")[0].hedged


def test_denied_claim_as_an_adverbial_noun_and_only_in_its_own_clause():
    # "Chile armed the rebels , an allegation that Lima rejected .": the parser's adverbial noun is the same aside
    spec = [("Chile", 1, "nsubj"), ("armed", 1, "ROOT", "arm"), ("rebels", 1, "dobj"), (",", 1, "punct"),
            ("an", 5, "det"), ("allegation", 1, "npadvmod"), ("that", 8, "dobj"), ("Lima", 8, "nsubj"),
            ("rejected", 5, "relcl", "reject"), (".", 1, "punct")]
    on, off = _both(spec, "armed", "denied_claim")
    assert on.hedged and not off.hedged
    # "Peru accused Chile and said Chile deployed troops , a claim Lima denies .": the claim is what was said, not
    # the accusation in the clause conjoined before it
    spec = [("Peru", 1, "nsubj"), ("accused", 1, "ROOT", "accuse"), ("Chile", 1, "dobj"), ("and", 1, "cc"),
            ("said", 1, "conj", "say", "VBD"), ("Chile", 6, "nsubj"), ("deployed", 4, "ccomp", "deploy"),
            ("troops", 6, "dobj"), (",", 7, "punct"), ("a", 10, "det"), ("claim", 7, "appos"), ("Lima", 12, "nsubj"),
            ("denies", 10, "relcl", "deny"), (".", 1, "punct")]
    assert _both(spec, "deployed", "denied_claim")[0].hedged
    assert not _both(spec, "accused", "denied_claim")[0].hedged


@pytest.mark.parametrize("adjective, hedged", [("unlikely", True), ("clear", False)])
def test_extraposed_hedge(adjective, hedged):
    # "It is unlikely that Iran will send missiles .": the adjective is a sibling of the clause, no word above it;
    # "It is clear that ..." is no hedge
    spec = [("It", 1, "nsubj"), ("is", 1, "ROOT", "be"), (adjective, 1, "acomp"), ("that", 6, "mark"),
            ("Iran", 6, "nsubj"), ("will", 6, "aux"), ("send", 1, "ccomp"), ("missiles", 6, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "send", "extraposed_hedge")
    assert on.hedged == hedged and not off.hedged


@pytest.mark.parametrize("verb, lemma, hedged", [("suggests", "suggest", True), ("shows", "show", False)])
def test_only_suggested(verb, lemma, hedged):
    # "Evidence suggests Russia delayed the delivery .": inferred, not established; "shows" is no hedge
    spec = [("Evidence", 1, "nsubj"), (verb, 1, "ROOT", lemma), ("Russia", 3, "nsubj"),
            ("delayed", 1, "ccomp", "delay"),
            ("the", 5, "det"), ("delivery", 3, "dobj"), (".", 1, "punct")]
    on, off = _both(spec, "delayed", "only_suggested")
    assert on.hedged == hedged and not off.hedged


@pytest.mark.parametrize("label, hedged", [("Myth", True), ("Fact", False)])
def test_a_myth_is_told_as_false(label, hedged):
    # a fact check's "Myth : China banned the imports .": claimed, not established; "Fact : ..." is told as done
    spec = [(label, 0, "ROOT"), (":", 0, "punct"), ("China", 3, "nsubj"), ("banned", 3, "ROOT", "ban"),
            ("the", 5, "det"), ("imports", 3, "dobj"), (".", 3, "punct")]
    on, off = _both(spec, "banned", "a_myth_is_told_as_false")
    assert on.hedged == hedged and not off.hedged


def test_neither_nor_on_the_objects():
    # "Chile invited neither Peru nor Bolivia .": no one was invited
    spec = [("Chile", 1, "nsubj"), ("invited", 1, "ROOT", "invite", "VBD"), ("neither", 3, "preconj"),
            ("Peru", 1, "dobj"), ("nor", 3, "cc"), ("Bolivia", 3, "conj"), (".", 1, "punct")]
    on, off = _both(spec, "invited", "neither_nor")
    assert on.negated and not off.negated


def test_a_naming_predicate_is_under_its_verbs_negation():
    # "Chile did not call it a genocide .": the naming's judgement (on the predicate noun) was told as made
    spec = [("Chile", 3, "nsubj"), ("did", 3, "aux", "do"), ("not", 3, "neg"), ("call", 3, "ROOT"),
            ("it", 3, "dobj"), ("a", 6, "det"), ("genocide", 3, "oprd"), (".", 3, "punct")]
    doc = _doc(spec)
    assert read_modality(doc[6], doc[:], load_lexicon()).negated
    said = _doc([("Chile", 1, "nsubj"), ("called", 1, "ROOT", "call"), ("it", 1, "dobj"), ("a", 4, "det"),
                 ("genocide", 1, "oprd"), (".", 1, "punct")])
    assert not read_modality(said[4], said[:], load_lexicon()).negated


def test_a_failure_does_not_undo_a_clause_of_its_own():
    # "It failed : the junta revoked the accord .": the revoking is told, the failing was another's (it was negated);
    # "failed to revoke" is not done
    spec = [("It", 1, "nsubj"), ("failed", 1, "ROOT", "fail", "VBD"), (":", 1, "punct"), ("the", 4, "det"),
            ("junta", 5, "nsubj"), ("revoked", 1, "ccomp", "revoke", "VBD"), ("the", 7, "det"), ("accord", 5, "dobj"),
            (".", 5, "punct")]
    on, off = _both(spec, "revoked", "negating_governor")
    assert not on.negated and not off.negated
    to = _doc([("It", 1, "nsubj"), ("failed", 1, "ROOT", "fail", "VBD"), ("to", 3, "aux"),
               ("revoke", 1, "xcomp", "revoke", "VB"), ("the", 5, "det"), ("accord", 3, "dobj"), (".", 1, "punct")])
    assert read_modality(to[3], to[:], load_lexicon()).negated


def test_a_noun_of_refusing_undoes_its_infinitive():
    # "Chile backs Peru 's refusal to recognise Bolivia .": the recognising is refused (it was told as done)
    spec = [("Chile", 1, "nsubj"), ("backs", 1, "ROOT", "back", "VBZ"), ("Peru", 4, "poss"), ("'s", 2, "case"),
            ("refusal", 1, "dobj"), ("to", 6, "aux"), ("recognise", 4, "acl", "recognise", "VB"), ("Bolivia", 6, "dobj"),
            (".", 1, "punct")]
    on, off = _both(spec, "recognise", "negating_governor")
    assert on.negated and not off.negated


def test_a_denied_claim_leaves_the_accusation_made():
    # "Chile accused Peru of arming rebels , a claim Peru denied .": the arming is contested, the accusing was done
    # (it had been hedged too)
    spec = [("Chile", 1, "nsubj"), ("accused", 1, "ROOT", "accuse", "VBD"), ("Peru", 1, "dobj"), ("of", 1, "prep"),
            ("arming", 3, "pcomp", "arm", "VBG"), ("rebels", 4, "dobj", "rebel"), (",", 5, "punct"), ("a", 8, "det"),
            ("claim", 5, "appos"), ("Peru", 10, "nsubj"), ("denied", 8, "relcl", "deny", "VBD"), (".", 1, "punct")]
    doc = _doc(spec)
    lex = load_lexicon()
    assert not read_modality(doc[1], doc[:], lex).hedged
    assert read_modality(doc[4], doc[:], lex).hedged


def test_what_one_is_not_told_of_took_place():
    # "Chile was not informed of the visit .": the visit is no visit withheld (it had been negated)
    spec = [("Chile", 3, "nsubjpass"), ("was", 3, "auxpass", "be"), ("not", 3, "neg"),
            ("informed", 3, "ROOT", "inform", "VBN"), ("of", 3, "prep"), ("the", 6, "det"), ("visit", 4, "pobj"),
            (".", 3, "punct")]
    doc = _doc(spec)
    assert not read_modality(doc[6], doc[:], load_lexicon()).negated
    assert read_modality(doc[3], doc[:], load_lexicon()).negated


def test_obligation_is_not_done():
    # "Chile must seize the assets .": wanted, not done (it was told as a seizure)
    spec = [("Chile", 2, "nsubj"), ("must", 2, "aux", "must", "MD"), ("seize", 2, "ROOT", "seize", "VB"),
            ("the", 4, "det"), ("assets", 2, "dobj", "asset"), (".", 2, "punct")]
    on, off = _both(spec, "seize", "obligation_is_not_done")
    assert on.hedged and not off.hedged
