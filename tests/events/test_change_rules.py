"""Each change rule decides its case on a hand-built Doc (the parse given, not the model's): the clause of a stated
relation tells of a change with every rule, and of a state once the rule is left out.  Then the rules through the
real reader and store: a stated change becomes a stated shift, a stated state does not."""

from __future__ import annotations

import datetime as dt

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import doc as hand_doc  # noqa: E402

from detente.events import change_rules  # noqa: E402,F401  (registers the change rules)
from detente.events.rules import cue_vetoed, rules, states_change  # noqa: E402


def _doc(spec):
    """spec: (word, head index, dep, lemma) per token."""
    return hand_doc([w for w, *_ in spec], [h for _, h, *_ in spec], [d for _, _, d, *_ in spec],
                    lemmas=[(s[3] if len(s) > 3 else s[0].lower()) for s in spec],
                    sent_starts=[i == 0 for i in range(len(spec))])


def _both(spec, cues, name):
    doc = _doc(spec)
    toks = [t for t in doc if t.text in cues]
    return states_change(toks, doc[:]), states_change(toks, doc[:], {name})


# "Ties between Russia and Israel have soured ."
SOURED = [("Ties", 5, "nsubj", "tie"), ("between", 0, "prep"), ("Russia", 1, "pobj"), ("and", 2, "cc"),
          ("Israel", 2, "conj"), ("have", 5, "aux"), ("soured", 5, "ROOT", "sour"), (".", 6, "punct")]

# "A rift has emerged between Moscow and Ankara ."
EMERGED = [("A", 1, "det"), ("rift", 3, "nsubj"), ("has", 3, "aux"), ("emerged", 3, "ROOT", "emerge"),
           ("between", 3, "prep"), ("Moscow", 4, "pobj"), ("and", 5, "cc"), ("Ankara", 5, "conj"), (".", 3, "punct")]

# "Russia is no longer a friend of Israel ."
NO_LONGER = [("Russia", 1, "nsubj"), ("is", 1, "ROOT", "be"), ("no", 3, "neg"), ("longer", 1, "advmod"),
             ("a", 5, "det"), ("friend", 1, "attr"), ("of", 5, "prep"), ("Israel", 6, "pobj"), (".", 1, "punct")]

# "Russia is a close friend of Israel ."
FRIEND = [("Russia", 1, "nsubj"), ("is", 1, "ROOT", "be"), ("a", 4, "det"), ("close", 4, "amod"),
          ("friend", 1, "attr"), ("of", 4, "prep"), ("Israel", 5, "pobj"), (".", 1, "punct")]


def test_change_word_on_the_cue():
    on, off = _both(SOURED, {"soured"}, "change_word")
    assert on and not off


def test_change_word_plunged():
    # "Ties between Russia and Israel have plunged ." (a cue and a change word added for issue 12)
    from detente.events.lexicon import load_lexicon

    plunged = [(w, h, d, *rest) if w != "soured" else ("plunged", h, d, "plunge") for w, h, d, *rest in SOURED]
    on, off = _both(plunged, {"plunged"}, "change_word")
    assert on and not off and load_lexicon().relation_cues.get("plunged") == -1


def test_change_word_on_the_word_the_cue_hangs_from():
    on, off = _both(EMERGED, {"rift"}, "change_word")
    assert on and not off


def test_no_longer():
    on, off = _both(NO_LONGER, {"friend"}, "no_longer")
    assert on and not off


def test_a_state_is_no_change():
    doc = _doc(FRIEND)
    assert not states_change([doc[4]], doc[:])


def test_change_rules_are_registered_with_their_vocabulary():
    change = {r.name: r for r in rules() if r.stage == "change"}
    assert set(change) == {"change_word", "no_longer", "from_one_state_to_another"}
    assert "sour" in change["change_word"].words()["relation_change"]
    assert "longer" in change["no_longer"].words()["no_longer"]


# "Moscow and Seoul were allies during the Cold War ."
PERIOD = [("Moscow", 3, "nsubj"), ("and", 0, "cc"), ("Seoul", 0, "conj"), ("were", 3, "ROOT", "be"),
          ("allies", 3, "attr", "ally"), ("during", 3, "prep"), ("the", 8, "det"), ("Cold", 8, "amod", "cold"),
          ("War", 5, "pobj", "war"), (".", 3, "punct")]


def test_period_is_no_relation():
    # "the Cold War" in a phrase of time names a period, not a confrontation of the two; "allies" stays a cue
    doc = _doc(PERIOD)
    assert cue_vetoed(doc[7]) == cue_vetoed(doc[8]) == "period_is_no_relation"
    assert cue_vetoed(doc[7], {"period_is_no_relation"}) is None and cue_vetoed(doc[4]) is None


def test_document_name_is_no_relation():
    # "Chile signed a memorandum of understanding with Peru ." : the understanding names the document
    doc = _doc([("Chile", 1, "nsubj"), ("signed", 1, "ROOT", "sign"), ("a", 3, "det"), ("memorandum", 1, "dobj"),
                ("of", 3, "prep"), ("understanding", 4, "pobj"), ("with", 5, "prep"), ("Peru", 6, "pobj"),
                (".", 1, "punct")])
    assert cue_vetoed(doc[5]) == "document_name_is_no_relation"
    assert cue_vetoed(doc[5], {"document_name_is_no_relation"}) is None


# "Ties went from rupture to partnership ."
FROM_TO = [("Ties", 1, "nsubj", "tie"), ("went", 1, "ROOT", "go"), ("from", 1, "prep"), ("rupture", 2, "pobj"),
           ("to", 1, "prep"), ("partnership", 4, "pobj"), (".", 1, "punct")]


def test_left_state_is_no_relation():
    # the rupture is the state left behind (it was read as a worsening); the goal's cue stays
    doc = _doc(FROM_TO)
    assert cue_vetoed(doc[3]) == "left_state_is_no_relation" and cue_vetoed(doc[5]) is None
    assert cue_vetoed(doc[3], {"left_state_is_no_relation"}) is None
    # a from-phrase with no goal beside it is no state left: "support from Iran"
    alone = _doc([("Ties", 1, "nsubj", "tie"), ("suffered", 1, "ROOT", "suffer"), ("from", 1, "prep"),
                  ("rupture", 2, "pobj"), (".", 1, "punct")])
    assert cue_vetoed(alone[3]) is None


@pytest.mark.parametrize("spec, cue", [
    (FROM_TO, "partnership"),
    # "Ties slid into hostility ."
    ([("Ties", 1, "nsubj", "tie"), ("slid", 1, "ROOT", "slide"), ("into", 1, "prep"), ("hostility", 2, "pobj"),
      (".", 1, "punct")], "hostility"),
])
def test_from_one_state_to_another(spec, cue):
    doc = _doc(spec)
    for t in doc:
        t.pos_ = "VERB" if t.dep_ == "ROOT" else "NOUN"
    toks = [t for t in doc if t.text == cue]
    assert states_change(toks, doc[:]) and not states_change(toks, doc[:], {"from_one_state_to_another"})


def _claims(pipeline, text, published):
    """The stated relations of ``text`` through the real parser and relation reader."""
    from detente.ingest.sources import Meta, make_document

    doc = make_document(text.encode(), source="t", is_html=False, meta=Meta(outlet="Test Wire", published=published))
    return next(iter(pipeline.extract([doc]))).relation_claims


@pytest.mark.model
def test_reader_marks_a_stated_change_and_not_a_state(pipeline):
    """Through the real parser and relation reader: the change's sign is its polarity; a state has none."""
    text = ("Relations between Russia and Israel have deteriorated sharply.\n\n"
            "Russia and Iran are close allies.")
    claims = {(frozenset((c.a.actor.node, c.b.actor.node)), c.change)
              for c in _claims(pipeline, text, dt.date(2024, 3, 5))}
    assert (frozenset(("RUS", "ISR")), -1) in claims
    assert (frozenset(("RUS", "IRN")), 0) in claims


@pytest.mark.parametrize("text, polarity", [("Russia is no longer a friend of Israel.", -1),
                                            ("Armenia is no longer an enemy of Turkey.", 1)])
def test_reader_reads_no_longer_as_a_move_away_from_the_cue(pipeline, text, polarity):
    """"no longer a friend": the friendship ended, a move away from it (it was a friendly relation, a move towards
    friendship)."""
    (claim,) = _claims(pipeline, text, dt.date(2024, 3, 5))
    assert (claim.polarity, claim.change) == (polarity, polarity)


@pytest.mark.parametrize("text, polarity", [("Azerbaijan is less dependent on Russia than before.", -1),
                                            ("Armenia is less hostile to Turkey than before.", 1)])
def test_reader_reads_a_lessened_cue_as_a_move_away(pipeline, text, polarity):
    """"less dependent on Russia": a move away from the dependency (it was a friendly relation, with no change)."""
    (claim,) = _claims(pipeline, text, dt.date(2024, 3, 5))
    assert (claim.polarity, claim.change) == (polarity, polarity)


def test_a_tie_in_a_phrase_of_cause_keeps_its_own_sign():
    # "Relations were strained by Baku 's growing ties with Israel ." : the ties are friendly, the relations strained
    doc = _doc([("Relations", 2, "nsubjpass", "relation"), ("were", 2, "auxpass", "be"),
                ("strained", 2, "ROOT", "strain"),
                ("by", 2, "agent"), ("Baku", 7, "poss"), ("'s", 4, "case"), ("growing", 7, "amod", "grow"),
                ("ties", 3, "pobj", "tie"), ("with", 7, "prep"), ("Israel", 8, "pobj"), (".", 2, "punct")])
    doc[7].pos_ = "NOUN"
    from detente.events.rules import run_rule

    assert run_rule("cause_keeps_its_sign", doc[7]) is True
    assert run_rule("cause_keeps_its_sign", doc[0]) is False  # the subject: the verb tells of it
    assert run_rule("cause_keeps_its_sign", doc[7], disabled={"cause_keeps_its_sign"}) is None


@pytest.mark.model
def test_reader_gives_a_tie_in_a_phrase_of_cause_its_own_sign(pipeline):
    """Through the real parser: the strained relations are the two neighbours', the growing ties Baku's with
    Israel, a friendly relation (it was read as strained)."""
    text = ("Azerbaijan and Iran trade barbs\n\n"
            "Relations between the two neighbours have been strained by Azerbaijan's growing ties with Israel.")
    claims = {(frozenset((c.a.actor.node, c.b.actor.node)), c.polarity)
              for c in _claims(pipeline, text, dt.date(2023, 1, 29))}
    assert (frozenset(("AZE", "ISR")), 1) in claims
    assert (frozenset(("AZE", "ISR")), -1) not in claims


# "The row did not call into question the friendly relations between India and Nepal ."
QUESTIONED = [("The", 1, "det"), ("row", 4, "nsubj"), ("did", 4, "aux", "do"), ("not", 4, "neg"),
              ("call", 4, "ROOT"), ("into", 4, "prep"), ("question", 5, "pobj"), ("the", 9, "det"),
              ("friendly", 9, "amod"), ("relations", 4, "dobj", "relation"), ("between", 9, "prep"),
              ("India", 10, "pobj"), ("and", 11, "cc"), ("Nepal", 11, "conj"), (".", 4, "punct")]


@pytest.mark.parametrize("verb, lemma, harmed", [("damaged", "damage", True), ("questioned", "question", False)])
def test_a_harm_verb_acts_on_the_relation_its_object_names(verb, lemma, harmed):
    # "The row damaged the friendly relations": the harm verb tells of the relation (a worsening); a verb that is no
    # harm leaves the cue to its own sign
    doc = _doc([("The", 1, "det"), ("row", 2, "nsubj"), (verb, 2, "ROOT", lemma), ("the", 5, "det"),
                ("friendly", 5, "amod"), ("relations", 2, "dobj", "relation"), (".", 2, "punct")])
    doc[2].pos_ = "VERB"
    from detente.events.rules import run_rule

    assert (run_rule("harm_acts_on_the_relation", doc[4]) == doc[2]) is harmed
    assert run_rule("harm_acts_on_the_relation", doc[4], disabled={"harm_acts_on_the_relation"}) is None


def test_a_harm_phrase_on_the_prepositions_object():
    # "did not call into question the friendly relations": the harm is the verb with its phrase
    doc = _doc(QUESTIONED)
    doc[4].pos_ = "VERB"
    from detente.events.rules import run_rule

    assert run_rule("harm_acts_on_the_relation", doc[8]) == doc[4]


@pytest.mark.model
@pytest.mark.parametrize("text, polarity", [
    # the negation denies the harm: the relation is as its noun says (it was read as hostile)
    ("The dispute did not call into question the friendly relations between India and Nepal.", 1),
    ("The row will not strain the friendly relations between India and Nepal.", 1),
    # a harm told of friendly relations is a worsening
    ("The dispute damaged the friendly relations between India and Nepal.", -1),
    # a denied harm of bare ties says nothing of how they are
    ("The incident will not damage ties between India and Nepal.", None),
])
def test_reader_reads_a_harm_to_the_relation(pipeline, text, polarity):
    claims = [c for c in _claims(pipeline, text, dt.date(2024, 1, 9))
              if {c.a.actor.node, c.b.actor.node} == {"IND", "NPL"}]
    assert [c.polarity for c in claims] == ([] if polarity is None else [polarity])
    if polarity == -1:
        assert claims[0].change == -1


# -- the parties and sign of a tie named by the noun of an act on it ------------------------------------------

class _Named:
    """Speakers that know each capitalised word as a mention of itself (the tie rules ask for mentions)."""

    def mention_at(self, tok):
        return tok.text if tok.text[:1].isupper() and tok.text != "The" else None

    def mention_for(self, tok):
        return self.mention_at(tok)


# "The severing of ties between Algeria and Morocco shocked Spain ."
SEVERING = [("The", 1, "det"), ("severing", 8, "nsubj"), ("of", 1, "prep"), ("ties", 2, "pobj", "tie"),
            ("between", 3, "prep"), ("Algeria", 4, "pobj"), ("and", 5, "cc"), ("Morocco", 5, "conj"),
            ("shocked", 8, "ROOT", "shock"), ("Spain", 8, "dobj"), (".", 8, "punct")]


@pytest.mark.parametrize("noun, ends", [("severing", True), ("strengthening", False)])
def test_a_tie_undone_by_its_noun(noun, ends):
    from detente.events.rules import run_rule

    doc = _doc([(noun, *rest) if i == 1 else (w, *rest) for i, (w, *rest) in enumerate(SEVERING)])
    doc[1].pos_ = "NOUN"
    assert (run_rule("undone_by_its_noun", doc[3]) == doc[1]) is ends
    assert run_rule("undone_by_its_noun", doc[3], disabled={"undone_by_its_noun"}) is None


@pytest.mark.parametrize("adverb, lessened", [("less", True), ("very", False)])
def test_a_lessened_cue(adverb, lessened):
    # "Azerbaijan is less dependent on Russia ."
    from detente.events.rules import run_rule

    doc = _doc([("Azerbaijan", 1, "nsubj"), ("is", 1, "ROOT", "be"), (adverb, 3, "advmod"), ("dependent", 1, "acomp"),
                ("on", 3, "prep"), ("Russia", 4, "pobj"), (".", 1, "punct")])
    assert (run_rule("lessened_cue", doc[3]) == doc[2]) is lessened
    assert run_rule("lessened_cue", doc[3], disabled={"lessened_cue"}) is None


def test_whose_ties_are_the_relatives_noun():
    # "Ethiopia , whose ties with Mogadishu soured , offered talks ."
    from detente.events.rules import tie_holder

    doc = _doc([("Ethiopia", 8, "nsubj"), (",", 0, "punct"), ("whose", 3, "poss"), ("ties", 6, "nsubj", "tie"),
                ("with", 3, "prep"), ("Mogadishu", 4, "pobj"), ("soured", 0, "relcl", "sour"), (",", 0, "punct"),
                ("offered", 8, "ROOT", "offer"), ("talks", 8, "dobj", "talk"), (".", 8, "punct")])
    assert tie_holder(doc[3], _Named()) == "Ethiopia"
    assert tie_holder(doc[3], _Named(), {"whose_ties_are_the_relatives_noun"}) is None


def test_an_act_on_ties_is_its_possessors():
    # "Algiers criticised Morocco 's normalisation of ties with Israel ."
    from detente.events.rules import tie_holder

    doc = _doc([("Algiers", 1, "nsubj"), ("criticised", 1, "ROOT", "criticise"), ("Morocco", 4, "poss"),
                ("'s", 2, "case"), ("normalisation", 1, "dobj"), ("of", 4, "prep"), ("ties", 5, "pobj", "tie"),
                ("with", 6, "prep"), ("Israel", 7, "pobj"), (".", 1, "punct")])
    doc[4].pos_ = "NOUN"
    assert tie_holder(doc[6], _Named()) == "Morocco"
    assert tie_holder(doc[6], _Named(), {"an_act_on_ties_is_its_possessors"}) is None


class _States(_Named):
    """Speakers that know each capitalised word as a state mention of its own node."""

    from detente.events.attribution import Speakers

    last_party_before = Speakers.last_party_before

    def mention_at(self, tok):
        from types import SimpleNamespace

        name = super().mention_at(tok)
        return None if name is None else SimpleNamespace(actor=SimpleNamespace(kind="state", node=name))


def test_its_tie_is_the_last_things():
    # "Russia stayed out , a move that strained its alliance with Armenia ."
    from detente.events.rules import tie_holder

    doc = _doc([("Russia", 1, "nsubj"), ("stayed", 1, "ROOT", "stay"), ("out", 1, "prt"), (",", 1, "punct"),
                ("a", 5, "det"), ("move", 1, "npadvmod"), ("that", 7, "nsubj"), ("strained", 5, "relcl", "strain"),
                ("its", 9, "poss"), ("alliance", 7, "dobj"), ("with", 9, "prep"), ("Armenia", 10, "pobj"),
                (".", 1, "punct")])
    assert tie_holder(doc[9], _States()).actor.node == "Russia"
    assert tie_holder(doc[9], _States(), {"its_tie_is_the_last_things"}) is None


def test_its_tie_is_the_owners_of_the_act_that_is_its_verbs_subject():
    # "Turkey 's purchase of Russian missiles strained its ties with Greece .": Turkey's ties (Russia, in the
    # purchase's object, was the last state named)
    from detente.events.rules import tie_holder

    doc = _doc([("Turkey", 2, "poss"), ("'s", 0, "case"), ("purchase", 6, "nsubj"), ("of", 2, "prep"),
                ("Russian", 5, "amod"), ("missiles", 3, "pobj"), ("strained", 6, "ROOT", "strain"), ("its", 8, "poss"),
                ("ties", 6, "dobj", "tie"), ("with", 8, "prep"), ("Greece", 9, "pobj"), (".", 6, "punct")])
    assert tie_holder(doc[8], _States()).actor.node == "Turkey"


@pytest.mark.parametrize("held, lemma, vetoed", [("influence", "influence", True), ("trust", "trust", False)])
def test_wearing_away_something_else(held, lemma, vetoed):
    # "The row could erode American influence ." is no bond worn away; "... erode trust ." is
    doc = _doc([("The", 1, "det"), ("row", 3, "nsubj"), ("could", 3, "aux"), ("erode", 3, "ROOT"),
                ("American", 5, "amod"), (held, 3, "dobj", lemma), (".", 3, "punct")])
    assert (cue_vetoed(doc[3]) == "wearing_away_something_else") is vetoed
    assert cue_vetoed(doc[3], {"wearing_away_something_else"}) is None


@pytest.mark.model
@pytest.mark.parametrize("text, pair, polarity", [
    ("The severing of ties between Algeria and Morocco shocked Spain.", {"DZA", "MAR"}, -1),
    ("Algiers criticised Morocco's normalisation of ties with Israel.", {"MAR", "ISR"}, 1),
    ("Ethiopia, whose ties with Mogadishu soured this year, offered to mediate.", {"ETH", "SOM"}, -1),
])
def test_reader_reads_a_tie_named_by_an_act(pipeline, text, pair, polarity):
    claims = _claims(pipeline, text, dt.date(2024, 1, 9))
    assert [(c.polarity) for c in claims if {c.a.actor.node, c.b.actor.node} == pair] == [polarity]
    assert all({c.a.actor.node, c.b.actor.node} == pair for c in claims)  # not Algiers with Israel


@pytest.mark.model
def test_reader_reads_no_tie_in_an_eroded_influence(pipeline):
    text = "US officials worry that China's role as broker could erode American influence in the Gulf."
    assert _claims(pipeline, text, dt.date(2024, 1, 9)) == ()
