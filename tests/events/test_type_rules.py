"""Event-type rules added for issue 11 (PLOVER type on the development gold), each on a hand-built spaCy Doc:
remove the rule (or the data row it reads) and its test fails."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import doc as hand_doc, parsed as hand_parsed, state_mention as _mention  # noqa: E402

from detente.events import load_lexicon  # noqa: E402
from detente.events.extract import EventCoder  # noqa: E402
from detente.events.modality import Modality  # noqa: E402
from detente.events.rules import Draft, apply_rules  # noqa: E402
from detente.nlp import fix_lemmas, lemma_exceptions  # noqa: E402


def _doc(words, heads, deps, lemmas, pos=None):
    return hand_doc(words, heads, deps, lemmas=lemmas, tags=["XX"] * len(words),
                    pos=pos or ["VERB" if d in {"ROOT", "xcomp", "ccomp", "csubj", "advcl"} else "NOUN" for d in deps])


def _both(doc, trigger, cameo, name, *, source=(), target=(), said_by=None):
    lex = load_lexicon()
    draft = Draft(doc[trigger], doc[:], lex.coding(cameo), Modality(), tuple(source), tuple(target), said_by)
    return apply_rules(draft, lex), apply_rules(draft, lex, disabled={name})


def test_troops_arriving_is_deployment():
    # "Russian troops arrived in Kazakhstan": a deployment, not a visit
    doc = _doc(["Russian", "troops", "arrived", "in", "Kazakhstan"], [1, 2, 2, 2, 3],
               ["amod", "nsubj", "ROOT", "prep", "pobj"], ["russian", "troop", "arrive", "in", "Kazakhstan"])
    on, off = _both(doc, 2, "042", "troops_arriving_is_deployment")
    assert on.coding.type == "MOBILIZE" and off.coding.type == "CONSULT"
    # "the first contingent of peacekeepers arrived in Bosnia": the of-object is the troops; peacekeepers are aid
    doc = _doc(["contingent", "of", "peacekeepers", "arrived", "in", "Bosnia"], [3, 0, 1, 3, 3, 4],
               ["nsubj", "prep", "pobj", "ROOT", "prep", "pobj"],
               ["contingent", "of", "peacekeeper", "arrive", "in", "Bosnia"])
    on, off = _both(doc, 3, "042", "troops_arriving_is_deployment")
    assert on.coding.type == "AID" and off.coding.type == "CONSULT"
    # "troops arrived in Peru to help": military assistance
    doc = _doc(["troops", "arrived", "in", "Peru", "to", "help"], [1, 1, 1, 2, 5, 1],
               ["nsubj", "ROOT", "prep", "pobj", "aux", "advcl"], ["troop", "arrive", "in", "Peru", "to", "help"])
    on, off = _both(doc, 1, "042", "troops_arriving_is_deployment")
    assert on.coding.cameo == "074" and off.coding.type == "CONSULT"
    # a minister arriving is still a visit
    doc = _doc(["minister", "arrived", "in", "Peru"], [1, 1, 1, 2], ["nsubj", "ROOT", "prep", "pobj"],
               ["minister", "arrive", "in", "Peru"])
    on, _ = _both(doc, 1, "042", "troops_arriving_is_deployment")
    assert on.coding.type == "CONSULT"


def test_ruled_out_is_rejection():
    # "Washington said easing the embargo is out of the question": Washington rejects it
    words = ["Washington", "said", "lifting", "the", "sanctions", "is", "out", "of", "the", "question"]
    doc = _doc(words, [1, 1, 5, 4, 2, 1, 5, 6, 9, 7],
               ["nsubj", "ROOT", "csubj", "det", "dobj", "ccomp", "prep", "prep", "det", "pobj"],
               ["Washington", "say", "lift", "the", "sanction", "be", "out", "of", "the", "question"],
               pos=["PROPN", "VERB", "VERB", "DET", "NOUN", "AUX", "ADP", "ADP", "DET", "NOUN"])
    usa = _mention(doc, 0, "USA")
    on, off = _both(doc, 2, "085", "ruled_out_is_rejection", said_by=usa)
    assert on.coding.type == "REJECT" and on.source == (usa,) and on.said_by is None
    assert off.coding.type == "RETREAT"
    # "lifting the sanctions is likely": no rejection
    doc = _doc(["lifting", "the", "sanctions", "is", "likely"], [3, 2, 0, 3, 3],
               ["csubj", "det", "dobj", "ROOT", "acomp"], ["lift", "the", "sanction", "be", "likely"],
               pos=["VERB", "DET", "NOUN", "AUX", "ADJ"])
    on, _ = _both(doc, 0, "085", "ruled_out_is_rejection")
    assert on.coding.type == "RETREAT"


def test_hunger_strike_is_protest_not_a_strike():
    # "Prisoners began a hunger strike": the compound noun of nouns.tsv (142), not the military "strike" (190)
    doc = _doc(["prisoners", "began", "a", "hunger", "strike"], [1, 1, 4, 4, 1],
               ["nsubj", "ROOT", "det", "compound", "dobj"], ["prisoner", "begin", "a", "hunger", "strike"],
               pos=["NOUN", "VERB", "DET", "NOUN", "NOUN"])
    lex = load_lexicon()
    assert lex.nouns["hunger strike"] == "142"
    codes = {t.tok.i: t.cameo for t in EventCoder(lex)._triggers(doc[:])}
    assert codes[1] == "142"


def test_an_actor_object_is_no_event_noun():
    # "The government ordered the opposition newspaper to close": "opposition" says which newspaper, it is no
    # act of opposing (110); the order itself is coded (100)
    words = ["government", "ordered", "the", "opposition", "newspaper", "to", "close"]
    doc = _doc(words, [1, 1, 4, 4, 1, 6, 1], ["nsubj", "ROOT", "det", "compound", "dobj", "aux", "xcomp"],
               ["government", "order", "the", "opposition", "newspaper", "to", "close"],
               pos=["NOUN", "VERB", "DET", "NOUN", "NOUN", "PART", "VERB"])
    lex = load_lexicon()
    with_agents = {t.tok.i: t.cameo for t in EventCoder(lex, agents={"newspaper": "JRN"})._triggers(doc[:])}
    without = {t.tok.i: t.cameo for t in EventCoder(lex, agents={})._triggers(doc[:])}
    assert with_agents[1] == "100" and without[1] == "110"


def test_verb_lemma_exceptions():
    # spaCy's rule lemmatizer gives "stag" for "staged" and "hop" for "hoped"; the fix sets the verb's lemma
    doc = _doc(["students", "staged", "protests", "and", "hoped"], [1, 1, 1, 1, 1],
               ["nsubj", "ROOT", "dobj", "cc", "conj"], ["student", "stag", "protest", "and", "hop"],
               pos=["NOUN", "VERB", "NOUN", "CCONJ", "VERB"])
    fix_lemmas(doc)
    assert doc[1].lemma_ == "stage" and doc[4].lemma_ == "hope" and doc[2].lemma_ == "protest"
    assert lemma_exceptions()["staged"] == "stage"


def test_lemma_exceptions_are_in_the_loaded_pipeline(pipeline):
    doc = pipeline.nlp("Students staged a protest and hoped for reform.")
    assert [t.lemma_ for t in doc if t.lower_ in {"staged", "hoped"}] == ["stage", "hope"]


def test_resignation_is_retreat():
    # "The president resigned": CAMEO 083 (CONCEDE), but PLOVER counts a resignation as RETREAT
    doc = _doc(["president", "resigned"], [1, 1], ["nsubj", "ROOT"], ["president", "resign"])
    on, off = _both(doc, 1, "083", "resignation_is_retreat")
    assert on.coding.type == "RETREAT" and on.coding.cameo == "083" and off.coding.type == "CONCEDE"
    # another acceding verb keeps CONCEDE
    doc = _doc(["government", "yielded"], [1, 1], ["nsubj", "ROOT"], ["government", "yield"])
    on, _ = _both(doc, 1, "083", "resignation_is_retreat")
    assert on.coding.type == "CONCEDE"


def test_measure_noun_passes_to_its_event():
    # "France launched two weeks of war games": the of-object carries the event (joint exercise 062), not the
    # military default of "launch" (190)
    words = ["France", "launched", "two", "weeks", "of", "war", "games"]
    doc = _doc(words, [1, 1, 3, 1, 3, 6, 4], ["nsubj", "ROOT", "nummod", "dobj", "prep", "compound", "pobj"],
               ["France", "launch", "two", "week", "of", "war", "game"],
               pos=["PROPN", "VERB", "NUM", "NOUN", "ADP", "NOUN", "NOUN"])
    codes = {t.tok.i: t.cameo for t in EventCoder(load_lexicon())._triggers(doc[:])}
    assert codes[1] == "062"
    # a non-measure object keeps the verb's own coding: "launched the ships of the navy"
    doc = _doc(["France", "launched", "ships", "of", "war"], [1, 1, 1, 2, 3],
               ["nsubj", "ROOT", "dobj", "prep", "pobj"], ["France", "launch", "ship", "of", "war"],
               pos=["PROPN", "VERB", "NOUN", "ADP", "NOUN"])
    codes = {t.tok.i: t.cameo for t in EventCoder(load_lexicon())._triggers(doc[:])}
    assert codes[1] == "190"


def test_obstruction_and_yielding_rows():
    # "Workers blocked the bridge": obstructing passage is a protest (144); "accepted the demands": yielding (080)
    lex = load_lexicon()
    doc = _doc(["workers", "blocked", "the", "bridge"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
               ["worker", "block", "the", "bridge"], pos=["NOUN", "VERB", "DET", "NOUN"])
    assert {t.tok.i: t.cameo for t in EventCoder(lex)._triggers(doc[:])}[1] == "144"
    doc = _doc(["government", "accepted", "the", "demands"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
               ["government", "accept", "the", "demand"], pos=["NOUN", "VERB", "DET", "NOUN"])
    assert lex.coding({t.tok.i: t.cameo for t in EventCoder(lex)._triggers(doc[:])}[1]).type == "CONCEDE"


def test_declining_comment():
    # "The ministry declined to comment": a no-comment (011, no PLOVER type), not a rejection
    doc = _doc(["ministry", "declined", "to", "comment"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
               ["ministry", "decline", "to", "comment"])
    on, off = _both(doc, 1, "120", "declining_comment")
    assert on.coding.cameo == "011" and on.coding.type is None and off.coding.type == "REJECT"
    # "declined to join the talks" stays a rejection
    doc = _doc(["Iran", "declined", "to", "join"], [1, 1, 3, 1], ["nsubj", "ROOT", "aux", "xcomp"],
               ["Iran", "decline", "to", "join"])
    on, _ = _both(doc, 1, "120", "declining_comment")
    assert on.coding.type == "REJECT"


def test_deliberated_is_not_done():
    # "Norway is considering sending aid": neither the sending nor the aid happened
    from detente.events.rules import not_done

    doc = _doc(["Norway", "is", "considering", "sending", "aid"], [2, 2, 2, 2, 3],
               ["nsubj", "aux", "ROOT", "xcomp", "dobj"], ["Norway", "be", "consider", "send", "aid"],
               pos=["PROPN", "AUX", "VERB", "VERB", "NOUN"])
    lex = load_lexicon()
    trigs = EventCoder(lex)._triggers(doc[:])
    assert {t.tok.i for t in trigs} >= {3}
    assert {3, 4} <= not_done(trigs, lex)
    assert 3 not in not_done(trigs, lex, disabled={"deliberated_is_not_done"})


@pytest.mark.parametrize("verb, lemma", [("weighing", "weigh"), ("simulated", "simulate")])
def test_an_event_noun_weighed_or_played_out_is_not_done(verb, lemma):
    # "Norway is weighing sanctions", "Norway simulated an attack": neither the sanctions nor the attack happened
    from detente.events.rules import not_done

    doc = _doc(["Norway", verb, "an", "attack"], [1, 1, 3, 1], ["nsubj", "ROOT", "det", "dobj"],
               ["Norway", lemma, "an", "attack"], pos=["PROPN", "VERB", "DET", "NOUN"])
    lex = load_lexicon()
    trigs = EventCoder(lex)._triggers(doc[:])
    assert 3 in {t.tok.i for t in trigs}
    assert 3 in not_done(trigs, lex) and 3 not in not_done(trigs, lex, disabled={"deliberated_is_not_done"})


def test_custom_is_no_act():
    # "breaking the tradition of leaders visiting India": what a custom says is done is no act
    from detente.events.rules import not_done

    doc = _doc(["Muizzu", "broke", "the", "tradition", "of", "leaders", "visiting", "India"],
               [1, 1, 3, 1, 3, 4, 5, 6], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "acl", "dobj"],
               ["Muizzu", "break", "the", "tradition", "of", "leader", "visit", "India"],
               pos=["PROPN", "VERB", "DET", "NOUN", "ADP", "NOUN", "VERB", "PROPN"])
    lex = load_lexicon()
    trigs = EventCoder(lex)._triggers(doc[:])
    assert 6 in {t.tok.i for t in trigs}
    assert 6 in not_done(trigs, lex) and 6 not in not_done(trigs, lex, disabled={"custom_is_no_act"})


def test_dropped_triggers_are_not_recorded_by_the_fallback():
    # the no-actor fallback records a sentence's main trigger when none has an actor; a dropped one (an act
    # only considered) is not recorded: "they are considering sending aid" gives no event

    doc = _doc(["They", "are", "considering", "sending", "aid"], [2, 2, 2, 2, 3],
               ["nsubj", "aux", "ROOT", "xcomp", "dobj"], ["they", "be", "consider", "send", "aid"],
               pos=["PRON", "AUX", "VERB", "VERB", "NOUN"])
    parsed = hand_parsed(doc, doc_id="d")
    lex = load_lexicon()
    assert EventCoder(lex).code(parsed, ()) == ()
    assert EventCoder(lex, disabled={"deliberated_is_not_done"}).code(parsed, ())  # the rule is what drops it


def test_quantity_object_passes_to_its_of_object():
    # "Iran expelled some of the inspectors": the pattern "expel inspector" (1662) applies, not the bare default
    doc = _doc(["Iran", "expelled", "some", "of", "the", "inspectors"], [1, 1, 1, 2, 5, 3],
               ["nsubj", "ROOT", "dobj", "prep", "det", "pobj"], ["Iran", "expel", "some", "of", "the", "inspector"],
               pos=["PROPN", "VERB", "PRON", "ADP", "DET", "NOUN"])
    assert {t.tok.i: t.cameo for t in EventCoder(load_lexicon())._triggers(doc[:])}[1] == "1662"
