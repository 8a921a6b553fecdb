"""The argument finder's subject rules (``rules.subject_rule``), each on a hand-built spaCy Doc.

Each test finds the subjects of one verb twice, with every rule and with its own rule disabled, and asserts that
the rule is what makes the difference: remove the rule and its test fails.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import build  # noqa: E402

from detente.events.arguments import ArgumentFinder, Context  # noqa: E402
from detente.events.attribution import Speakers  # noqa: E402
from detente.events.rules import rules, run_rule  # noqa: E402

DATED = dt.date(2024, 2, 28)


def _finder_run(pipeline, tokens, rule, call):
    """``call(finder, doc)`` with every rule and with ``rule`` disabled (a finder each, on the Speakers of the
    hand-built ``tokens``); the actors' countries (else sectors, else the mention's text)."""
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    coder = pipeline.coder
    out = []
    for disabled in (frozenset(), frozenset({rule})):
        finder = ArgumentFinder(sp, coder.event_nouns, coder.agents, coder.noun_types, disabled)
        out.append([m.actor.country or m.actor.sector if m.actor else m.text for m in call(finder, parsed.doc)])
    return out


@pytest.fixture(scope="module")
def subjects(pipeline):
    """``run(tokens, verb, rule)``: the subjects' countries/sectors of token ``verb``, with all rules and with
    ``rule`` disabled; ``ctx`` fills the running context first (a callable of the Speakers)."""

    def subjects_of(finder, doc, verb, ctx):
        context = Context()
        if ctx is not None:
            ctx(context, finder.speakers)
        return finder.subjects(doc[verb], context)

    def run(tokens, verb, rule, ctx=None):
        assert rule in {r.name for r in rules() if r.stage in {"subject", "clause"}}
        return _finder_run(pipeline, tokens, rule, lambda f, doc: subjects_of(f, doc, verb, ctx))

    return run


def _first_state(sp):
    return next(m for m in sp.mentions if m.actor is not None and m.actor.kind == "state")


NONEMPTY, DIFFERENT = "some actor", "other actors"


def _expect(on, off, with_rule, without_rule):
    """The readings with and without a rule against a case's expectations (see ``SUBJECT_CASES``)."""
    assert sorted(on) != sorted(off)
    assert on if with_rule is NONEMPTY else on == with_rule
    if without_rule is NONEMPTY:
        assert off
    elif without_rule is not DIFFERENT:
        assert off == without_rule


def _last_subjects(c, sp):
    c.last_subjects = (_first_state(sp),)


def _last_thing(c, sp):
    c.last_non_person = _first_state(sp)


def _last_event(c, sp):
    c.last_event_source = (_first_state(sp),)
    c.last_deed = (c.last_event_source, False)


# Subject- and clause-stage specs: (rule, tokens, verb, ctx, with the rule, without it); ``NONEMPTY``: some actor,
# ``DIFFERENT``: not the same actors as with the rule (in any order). Each case's two readings differ.
SUBJECT_CASES = [
    # "Russia said they would send troops": the speaker, not the previous clause's subjects
    pytest.param("pronoun_is_speaker", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"),
        ("they", "PRON", "nsubj", 4), ("would", "AUX", "aux", 4), ("send", "VERB", "ccomp", 1),
        ("troops", "NOUN", "dobj", 4, "troop"), (".", "PUNCT", "punct", 1),
    ], 4, None, ["RUS"], [], id="pronoun_is_speaker"),
    # "Russia and Iran said they would send troops": every one of the coordinated speakers
    pytest.param("pronoun_is_speaker", [
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Iran", "PROPN", "conj", 0, None, "B-GPE"), ("said", "VERB", "ROOT", 3, "say"),
        ("they", "PRON", "nsubj", 6), ("would", "AUX", "aux", 6), ("send", "VERB", "ccomp", 3),
        ("troops", "NOUN", "dobj", 6, "troop"), (".", "PUNCT", "punct", 3),
    ], 6, None, ["RUS", "IRN"], DIFFERENT, id="pronoun_is_speaker-coordinated"),
    # "Kenya helped Haiti fight and said it would send troops": the subject the conjoined verbs share, not Haiti
    # (the nearest subject before the pronoun)
    pytest.param("pronoun_is_speaker", [
        ("Kenya", "PROPN", "nsubj", 1, None, "B-GPE"), ("helped", "VERB", "ROOT", 1, "help"),
        ("Haiti", "PROPN", "nsubj", 3, None, "B-GPE"), ("fight", "VERB", "ccomp", 1), ("and", "CCONJ", "cc", 1),
        ("said", "VERB", "conj", 1, "say"), ("it", "PRON", "nsubj", 8), ("would", "AUX", "aux", 8),
        ("send", "VERB", "ccomp", 5), ("troops", "NOUN", "dobj", 8, "troop"), (".", "PUNCT", "punct", 1),
    ], 8, None, ["KEN"], DIFFERENT, id="pronoun_is_speaker-conjoined-speech-verb"),
    # "Chile buys gas from Peru , which said it would send troops .": the speaker is the relative clause's noun
    # (it was Chile, the last thing named before)
    pytest.param("pronoun_is_speaker", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("buys", "VERB", "ROOT", 1, "buy"),
        ("gas", "NOUN", "dobj", 1), ("from", "ADP", "prep", 1), ("Peru", "PROPN", "pobj", 3, None, "B-GPE"),
        (",", "PUNCT", "punct", 4), ("which", "PRON", "nsubj", 7, "which"), ("said", "VERB", "relcl", 4, "say"),
        ("it", "PRON", "nsubj", 10, "it"), ("would", "AUX", "aux", 10), ("send", "VERB", "ccomp", 7),
        ("troops", "NOUN", "dobj", 10, "troop"), (".", "PUNCT", "punct", 1),
    ], 10, None, ["PER"], DIFFERENT, id="pronoun_is_speaker-of-a-relative-clause"),
    # "Chile and Peru met and said they would send troops": "they" is both subjects of the verb "said" is joined to
    pytest.param("pronoun_is_speaker", [
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("met", "VERB", "ROOT", 3, "meet"), ("and", "CCONJ", "cc", 3),
        ("said", "VERB", "conj", 3, "say"), ("they", "PRON", "nsubj", 8, "they"), ("would", "AUX", "aux", 8),
        ("send", "VERB", "ccomp", 5), ("troops", "NOUN", "dobj", 8, "troop"), (".", "PUNCT", "punct", 3),
    ], 8, None, ["CHL", "PER"], DIFFERENT, id="pronoun_is_speaker-of-a-conjoined-speech-verb"),
    # "“We will send troops,” Russia said.": "we" in a quote is the side its speaker speaks for
    pytest.param("quoted_we_is_speaker", [
        ("“", "PUNCT", "punct", 8), ("We", "PRON", "nsubj", 3, "we"), ("will", "AUX", "aux", 3),
        ("send", "VERB", "ccomp", 8), ("troops", "NOUN", "dobj", 3, "troop"), (",", "PUNCT", "punct", 8),
        ("”", "PUNCT", "punct", 8), ("Russia", "PROPN", "nsubj", 8, None, "B-GPE"), ("said", "VERB", "ROOT", 8, "say"),
        (".", "PUNCT", "punct", 8),
    ], 3, None, ["RUS"], [], id="quoted_we_is_speaker"),
    # "“We are worried, noting its potential to undermine stability,” Australia said.": "its" is not "we", so
    # the clause of "undermine" has no source (without the rule, the climb reaches "we", the speaker)
    pytest.param("noun_owner_acts", [
        ("“", "PUNCT", "punct", 14), ("We", "PRON", "nsubj", 2, "we"), ("are", "AUX", "ccomp", 14, "be"),
        ("worried", "ADJ", "acomp", 2), (",", "PUNCT", "punct", 2), ("noting", "VERB", "advcl", 2, "note", None, "VBG"),
        ("its", "PRON", "poss", 7), ("potential", "NOUN", "dobj", 5), ("to", "PART", "aux", 9),
        ("undermine", "VERB", "acl", 7, None, None, "VB"), ("stability", "NOUN", "dobj", 9), (",", "PUNCT", "punct", 14),
        ("”", "PUNCT", "punct", 14), ("Australia", "PROPN", "nsubj", 14, None, "B-GPE"),
        ("said", "VERB", "ROOT", 14, "say"), (".", "PUNCT", "punct", 14),
    ], 9, None, [], ["AUS"], id="noun_owner_acts-its-is-not-we"),
    # "Russia reacted to the raid, in which people were killed, by blaming Israel." with "by blaming" hung on
    # the passive: the one who blames is Russia, not the killed
    pytest.param("by_gerund_skips_passive", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("reacted", "VERB", "ROOT", 1, "react"),
        ("to", "ADP", "prep", 1), ("the", "DET", "det", 4), ("raid", "NOUN", "pobj", 2), (",", "PUNCT", "punct", 4),
        ("in", "ADP", "prep", 10), ("which", "PRON", "pobj", 6), ("people", "NOUN", "nsubjpass", 10, "people"),
        ("were", "AUX", "auxpass", 10, "be"), ("killed", "VERB", "relcl", 4, "kill", None, "VBN"),
        ("by", "ADP", "prep", 10), ("blaming", "VERB", "pcomp", 11, "blame", None, "VBG"),
        ("Israel", "PROPN", "dobj", 12, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 12, None, ["RUS"], ["CVL"], id="by_gerund_skips_passive"),
    # "They attacked Kyiv." after a clause whose subject was Russia
    pytest.param("they_is_last_subjects", [
        ("Russia", "PROPN", "ROOT", 0, None, "B-GPE"), (".", "PUNCT", "punct", 0),
        ("They", "PRON", "nsubj", 3, "they"), ("attacked", "VERB", "ROOT", 3, "attack"),
        ("Kyiv", "PROPN", "dobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], 3, _last_subjects, ["RUS"], [], id="they_is_last_subjects"),
    # "Iran and Syria cut ties, but they restored them.": in the coordinated clause "they" is the first clause's
    # subjects (the running context holds only earlier sentences)
    pytest.param("they_is_last_subjects", [
        ("Iran", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0), ("Syria", "PROPN", "conj", 0, None, "B-GPE"),
        ("cut", "VERB", "ROOT", 3), ("ties", "NOUN", "dobj", 3, "tie"), (",", "PUNCT", "punct", 3),
        ("but", "CCONJ", "cc", 3), ("they", "PRON", "nsubj", 8, "they"), ("restored", "VERB", "conj", 3, "restore"),
        ("them", "PRON", "dobj", 8, "they"), (".", "PUNCT", "punct", 3),
    ], 8, None, ["IRN", "SYR"], [], id="they_is_the_first_clause_subjects"),
    # "Iran and Syria cut ties, though they kept talking .": in a clause of concession on the verb, its subjects
    pytest.param("they_is_last_subjects", [
        ("Iran", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Syria", "PROPN", "conj", 0, None, "B-GPE"), ("cut", "VERB", "ROOT", 3), ("ties", "NOUN", "dobj", 3, "tie"),
        (",", "PUNCT", "punct", 3), ("though", "SCONJ", "mark", 8), ("they", "PRON", "nsubj", 8, "they"),
        ("kept", "VERB", "advcl", 3, "keep"),
        ("talking", "VERB", "xcomp", 8, "talk"), (".", "PUNCT", "punct", 3),
    ], 8, None, ["IRN", "SYR"], [], id="they_is_the_subjects_of_the_clause_a_concession_is_on"),
    # "It attacked Israel." after Iran was named
    pytest.param("it_is_last_thing", [
        ("Iran", "PROPN", "ROOT", 0, None, "B-GPE"), (".", "PUNCT", "punct", 0),
        ("It", "PRON", "nsubj", 3, "it"), ("attacked", "VERB", "ROOT", 3, "attack"),
        ("Israel", "PROPN", "dobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], 3, _last_thing, ["IRN"], [], id="it_is_last_thing"),
    # "Lopez said there would be no talks with Peru until it withdrew .": the one actor named before "it" in its
    # sentence, when no subject came first (the context's last thing, none here, without the rule)
    pytest.param("it_is_last_thing", [
        ("Lopez", "PROPN", "nsubj", 1, None, "B-PERSON"), ("said", "VERB", "ROOT", 1, "say"),
        ("there", "PRON", "expl", 3), ("would", "AUX", "aux", 4), ("be", "AUX", "ccomp", 1, "be"),
        ("no", "DET", "det", 6), ("talks", "NOUN", "attr", 4, "talk"), ("with", "ADP", "prep", 6),
        ("Peru", "PROPN", "pobj", 7, None, "B-GPE"), ("until", "SCONJ", "mark", 11), ("it", "PRON", "nsubj", 11, "it"),
        ("withdrew", "VERB", "advcl", 4, "withdraw"), (".", "PUNCT", "punct", 1),
    ], 11, None, ["PER"], DIFFERENT, id="it_is_last_thing-named-in-its-sentence"),
    # "Hamas fired rockets. The group attacked Israel."
    pytest.param("the_group_is_last_group", [
        ("Hamas", "PROPN", "nsubj", 1, None, "B-ORG"), ("fired", "VERB", "ROOT", 1, "fire"),
        ("rockets", "NOUN", "dobj", 1, "rocket"), (".", "PUNCT", "punct", 1),
        ("The", "DET", "det", 5, "the"), ("group", "NOUN", "nsubj", 6), ("attacked", "VERB", "ROOT", 6, "attack"),
        ("Israel", "PROPN", "dobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 6),
    ], 6, None, NONEMPTY, DIFFERENT, id="the_group_is_last_group"),
    # "Iran fired missiles. The country warned Israel."
    pytest.param("the_country_is_last_state", [
        ("Iran", "PROPN", "nsubj", 1, None, "B-GPE"), ("fired", "VERB", "ROOT", 1, "fire"),
        ("missiles", "NOUN", "dobj", 1, "missile"), (".", "PUNCT", "punct", 1),
        ("The", "DET", "det", 5, "the"), ("country", "NOUN", "nsubj", 6), ("warned", "VERB", "ROOT", 6, "warn"),
        ("Israel", "PROPN", "dobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 6),
    ], 6, None, ["IRN"], DIFFERENT, id="the_country_is_last_state"),
    # "The move angered Israel." after an event by Russia
    pytest.param("the_move_is_last_event", [
        ("Russia", "PROPN", "ROOT", 0, None, "B-GPE"), (".", "PUNCT", "punct", 0),
        ("The", "DET", "det", 3, "the"), ("move", "NOUN", "nsubj", 4), ("angered", "VERB", "ROOT", 4, "anger"),
        ("Israel", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 4),
    ], 4, _last_event, ["RUS"], [], id="the_move_is_last_event"),
    # "Hamas fired rockets. The group's leader threatened Israel."
    pytest.param("group_possessor", [
        ("Hamas", "PROPN", "nsubj", 1, None, "B-ORG"), ("fired", "VERB", "ROOT", 1, "fire"),
        ("rockets", "NOUN", "dobj", 1, "rocket"), (".", "PUNCT", "punct", 1),
        ("The", "DET", "det", 5, "the"), ("group", "NOUN", "poss", 7), ("'s", "PART", "case", 5),
        ("leader", "NOUN", "nsubj", 8), ("threatened", "VERB", "ROOT", 8, "threaten"),
        ("Israel", "PROPN", "dobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 8),
    ], 8, None, NONEMPTY, ["GOV"], id="group_possessor"),
    # "Remarks by Chile 's president . We condemn Peru .": a transcript's "we" is its speaker's side
    pytest.param("first_person_of_a_transcript", [
        ("Remarks", "NOUN", "ROOT", 0, "remark"), ("by", "ADP", "prep", 0), ("Chile", "PROPN", "poss", 5, None, "B-GPE"),
        ("'s", "PART", "case", 2), ("president", "NOUN", "pobj", 1), (".", "PUNCT", "punct", 0),
        ("We", "PRON", "nsubj", 7, "we"), ("condemn", "VERB", "ROOT", 7, "condemn"),
        ("Peru", "PROPN", "dobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 7),
    ], 7, None, NONEMPTY, [], id="first_person_of_a_transcript"),
    # "Chile 's President Boric spoke . His trip drew criticism .": the trip is Boric's
    pytest.param("persons_act_is_his", [
        ("Chile", "PROPN", "poss", 3, None, "B-GPE"), ("'s", "PART", "case", 0), ("President", "PROPN", "compound", 3),
        ("Boric", "PROPN", "nsubj", 4, None, "B-PERSON"), ("spoke", "VERB", "ROOT", 4, "speak"),
        (".", "PUNCT", "punct", 4),
        ("His", "PRON", "poss", 7, "his"), ("trip", "NOUN", "nsubj", 8, "trip"), ("drew", "VERB", "ROOT", 8, "draw"),
        ("criticism", "NOUN", "dobj", 8, "criticism"), (".", "PUNCT", "punct", 8),
    ], 8, None, ["CHL"], DIFFERENT, id="persons_act_is_his"),
    # "Its spokesman condemned Israel." after Iran was named
    pytest.param("its_agent_is_last_thing", [
        ("Iran", "PROPN", "ROOT", 0, None, "B-GPE"), (".", "PUNCT", "punct", 0),
        ("Its", "PRON", "poss", 3, "its"), ("spokesman", "NOUN", "nsubj", 4), ("condemned", "VERB", "ROOT", 4, "condemn"),
        ("Israel", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 4),
    ], 4, _last_thing, ["IRN"], ["GOV"], id="its_agent_is_last_thing"),
    # "Chile 's President Boric spoke . His office accused Peru .": a mouthpiece speaks for the person named before
    pytest.param("its_agent_is_last_thing", [
        ("Chile", "PROPN", "poss", 3, None, "B-GPE"), ("'s", "PART", "case", 0), ("President", "PROPN", "compound", 3),
        ("Boric", "PROPN", "nsubj", 4, None, "B-PERSON"), ("spoke", "VERB", "ROOT", 4, "speak"),
        (".", "PUNCT", "punct", 4),
        ("His", "PRON", "poss", 7, "his"), ("office", "NOUN", "nsubj", 8), ("accused", "VERB", "ROOT", 8, "accuse"),
        ("Peru", "PROPN", "dobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 8),
    ], 8, None, ["CHL"], DIFFERENT, id="his_office_is_last_person"),
    # the headline "Chile junta orders French envoy out, turns to Peru", with "orders" read as a noun
    pytest.param("headline_verb_read_as_noun", [
        ("Chile", "PROPN", "compound", 2, None, "B-GPE"), ("junta", "NOUN", "compound", 2),
        ("orders", "NOUN", "nsubj", 8, "order", None, "NNS"), ("French", "ADJ", "amod", 4, None, "B-NORP"),
        ("envoy", "NOUN", "appos", 2), ("out", "ADV", "advmod", 4), (",", "PUNCT", "punct", 8),
        ("then", "ADV", "advmod", 8), ("turns", "VERB", "ROOT", 8, "turn"), ("to", "ADP", "prep", 8),
        ("Peru", "PROPN", "pobj", 9, None, "B-GPE"),
    ], 8, None, ["CHL"], DIFFERENT, id="headline_verb_read_as_noun"),
    # "The foreign ministers of Chile and Peru met.", with "Peru" hung on "ministers" as the parser often does
    pytest.param("plural_agents_of_states", [
        ("The", "DET", "det", 2), ("foreign", "ADJ", "amod", 2), ("ministers", "NOUN", "nsubj", 7, "minister", None, "NNS"),
        ("of", "ADP", "prep", 2), ("Chile", "PROPN", "pobj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 4),
        ("Peru", "PROPN", "conj", 2, None, "B-GPE"), ("met", "VERB", "ROOT", 7, "meet"), (".", "PUNCT", "punct", 7),
    ], 7, None, ["CHL", "PER"], DIFFERENT, id="plural_agents_of_states"),
    # "Chile backed Peru. It attacked Bolivia.": "it" is the last sentence's subject, not the last state named
    pytest.param("it_is_last_thing", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("backed", "VERB", "ROOT", 1, "back"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
        ("It", "PRON", "nsubj", 5, "it"), ("attacked", "VERB", "ROOT", 5, "attack"),
        ("Bolivia", "PROPN", "dobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 5),
    ], 5, _last_subjects, ["CHL"], DIFFERENT, id="it_is_last_sentences_subject"),
    # the headline "Chile expels French envoy", with "Chile" read as an adjective of the verb
    pytest.param("orphan_subjects", [
        ("Chile", "PROPN", "amod", 1, None, "B-GPE"), ("expels", "VERB", "ROOT", 1, "expel", None, "VBZ"),
        ("French", "ADJ", "amod", 3, None, "B-NORP"), ("envoy", "NOUN", "dobj", 1),
    ], 1, None, ["CHL"], [], id="orphan_subjects_headline_amod"),
    # "Chile's role in brokering the deal grew.": the owner of the noun the gerund hangs on acts
    pytest.param("noun_owner_acts", [
        ("Chile", "PROPN", "poss", 2, None, "B-GPE"), ("'s", "PART", "case", 0), ("role", "NOUN", "nsubj", 7),
        ("in", "ADP", "prep", 2), ("brokering", "VERB", "pcomp", 3, "broker"), ("the", "DET", "det", 6),
        ("deal", "NOUN", "dobj", 4), ("grew", "VERB", "ROOT", 7, "grow"), (".", "PUNCT", "punct", 7),
    ], 4, None, ["CHL"], DIFFERENT, id="noun_owner_acts_gerund"),
    # "Chile said its army attacked Peru.": in what a state says, "its" is that state
    pytest.param("its_agent_is_last_thing", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"), ("its", "PRON", "poss", 3),
        ("army", "NOUN", "nsubj", 4), ("attacked", "VERB", "ccomp", 1, "attack"),
        ("Peru", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 4, None, ["CHL"], ["MIL"], id="its_agent_of_a_speaker"),
    # "Macron said his government backed Peru.": "his" is the speaker's
    pytest.param("its_agent_is_last_thing", [
        ("Macron", "PROPN", "nsubj", 1, None, "B-PERSON"), ("said", "VERB", "ROOT", 1, "say"),
        ("his", "PRON", "poss", 3), ("government", "NOUN", "nsubj", 4), ("backed", "VERB", "ccomp", 1, "back"),
        ("Peru", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 4, None, ["FRA"], ["GOV"], id="his_agent_of_a_speaker"),
    # "The missiles fired by Israel struck Gaza.": the agent of the participle (no other rule reaches into it)
    pytest.param("event_subject_is_its_agent", [
        ("The", "DET", "det", 1), ("missiles", "NOUN", "nsubj", 5, "missile"), ("fired", "VERB", "acl", 1, "fire",
                                                                              None, "VBN"),
        ("by", "ADP", "agent", 2), ("Israel", "PROPN", "pobj", 3, None, "B-GPE"), ("struck", "VERB", "ROOT", 5, "strike"),
        ("Gaza", "PROPN", "dobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 5),
    ], 5, None, ["ISR"], DIFFERENT, id="event_subject_is_its_agent"),
    # "Russia and China condemned Israel."
    pytest.param("named_subject", [
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("China", "PROPN", "conj", 0, None, "B-GPE"), ("condemned", "VERB", "ROOT", 3, "condemn"),
        ("Israel", "PROPN", "dobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], 3, None, ["RUS", "CHN"], DIFFERENT, id="named_subject"),
    # "Police in Kyiv arrested protesters.": an unnamed agent, placed by its phrase
    pytest.param("agent_noun_subject", [
        ("Police", "NOUN", "nsubj", 3, "police"), ("in", "ADP", "prep", 0), ("Kyiv", "PROPN", "pobj", 1, None, "B-GPE"),
        ("arrested", "VERB", "ROOT", 3, "arrest"), ("protesters", "NOUN", "dobj", 3, "protester"),
        (".", "PUNCT", "punct", 3),
    ], 3, None, NONEMPTY, [], id="agent_noun_subject"),
    # "Russia attacked Kyiv."
    pytest.param("own_subject", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("attacked", "VERB", "ROOT", 1, "attack"),
        ("Kyiv", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, None, ["RUS"], [], id="own_subject"),
    # "Iran, which armed Russia, condemned Israel.": the relative clause's verb has Iran for subject
    pytest.param("relative_clause_noun", [
        ("Iran", "PROPN", "nsubj", 6, None, "B-GPE"), (",", "PUNCT", "punct", 0), ("which", "PRON", "nsubj", 3),
        ("armed", "VERB", "relcl", 0, "arm"), ("Russia", "PROPN", "dobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 0),
        ("condemned", "VERB", "ROOT", 6, "condemn"), ("Israel", "PROPN", "dobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 6),
    ], 3, None, ["IRN"], [], id="relative_clause_noun"),
    # "Moscow's readiness to abandon Armenia surprised Baku."
    pytest.param("noun_owner_acts", [
        ("Moscow", "PROPN", "poss", 2, None, "B-GPE"), ("'s", "PART", "case", 0), ("readiness", "NOUN", "nsubj", 6),
        ("to", "PART", "aux", 4), ("abandon", "VERB", "acl", 2, None, None, "VB"),
        ("Armenia", "PROPN", "dobj", 4, None, "B-GPE"), ("surprised", "VERB", "ROOT", 6, "surprise"),
        ("Baku", "PROPN", "dobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 6),
    ], 4, None, ["RUS"], [], id="noun_owner_acts"),
    # "Before the conflict in Ukraine, Israel and Russia kept ties." with Israel hung on Ukraine as a conjunct
    pytest.param("orphan_subjects", [
        ("Before", "ADP", "prep", 9), ("the", "DET", "det", 2), ("conflict", "NOUN", "pobj", 0), ("in", "ADP", "prep", 2),
        ("Ukraine", "PROPN", "pobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 9),
        ("Israel", "PROPN", "conj", 4, None, "B-GPE"), ("and", "CCONJ", "cc", 6),
        ("Russia", "PROPN", "conj", 6, None, "B-GPE"), ("kept", "VERB", "ROOT", 9, "keep"),
        ("ties", "NOUN", "dobj", 9, "tie"), (".", "PUNCT", "punct", 9),
    ], 9, None, ["ISR", "RUS"], [], id="orphan_subjects"),
    # "Chile welcomed the decision of Peru, Bolivia and Ecuador to bar Cuba.": every one of the list bars (the first
    # was left out: the parser hangs the other two on it)
    pytest.param("noun_owner_acts", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("welcomed", "VERB", "ROOT", 1, "welcome"),
        ("the", "DET", "det", 3), ("decision", "NOUN", "dobj", 1), ("of", "ADP", "prep", 3),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"), (",", "PUNCT", "punct", 5),
        ("Bolivia", "PROPN", "conj", 5, None, "B-GPE"), ("and", "CCONJ", "cc", 7),
        ("Ecuador", "PROPN", "conj", 7, None, "B-GPE"), ("to", "PART", "aux", 11),
        ("bar", "VERB", "acl", 3, None, None, "VB"), ("Cuba", "PROPN", "dobj", 11, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 11, None, ["PER", "BOL", "ECU"], DIFFERENT, id="noun_owner_acts_of_a_list"),
    # "Chile noted the efforts of Peru to deliver aid .": the of-phrase's owner delivers (not the noting Chile)
    pytest.param("noun_owner_acts", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("noted", "VERB", "ROOT", 1, "note"), ("the", "DET", "det", 3),
        ("efforts", "NOUN", "dobj", 1, "effort"), ("of", "ADP", "prep", 3), ("Peru", "PROPN", "pobj", 4, None, "B-GPE"),
        ("to", "PART", "aux", 7), ("deliver", "VERB", "acl", 3, None, None, "VB"), ("aid", "NOUN", "dobj", 7),
        (".", "PUNCT", "punct", 1),
    ], 7, None, ["PER"], DIFFERENT, id="noun_owner_acts_of_phrase"),
    # "Chile and Peru sign pact", a headline whose first name the parser hangs on the verb as a modifier
    pytest.param("orphan_subjects", [
        ("Chile", "PROPN", "nmod", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("sign", "VERB", "ROOT", 3, "sign", None, "VB"),
        ("pact", "NOUN", "dobj", 3),
    ], 3, None, ["CHL", "PER"], [], id="orphan_subjects_headline"),
    # "Israel issued an order to close the crossing.": the issuer closes
    pytest.param("order_issuer_acts", [
        ("Israel", "PROPN", "nsubj", 1, None, "B-GPE"), ("issued", "VERB", "ROOT", 1, "issue"), ("an", "DET", "det", 3),
        ("order", "NOUN", "dobj", 1), ("to", "PART", "aux", 5), ("close", "VERB", "acl", 3, None, None, "VB"),
        ("the", "DET", "det", 7), ("crossing", "NOUN", "dobj", 5), (".", "PUNCT", "punct", 1),
    ], 5, None, ["ISR"], [], id="order_issuer_acts"),
    # "Chile adopted a resolution urging Peru .": who adopts the text urges
    pytest.param("text_speaks_for_its_issuer", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("adopted", "VERB", "ROOT", 1, "adopt"), ("a", "DET", "det", 3),
        ("resolution", "NOUN", "dobj", 1, "resolution"), ("urging", "VERB", "acl", 3, "urge", None, "VBG"),
        ("Peru", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 4, None, ["CHL"], [], id="text_speaks_for_its_issuer"),
    # "Chile is the first country to sign the pact.": the one who is that country signs
    pytest.param("first_to_act_is_the_subject", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("is", "AUX", "ROOT", 1, "be"), ("the", "DET", "det", 4),
        ("first", "ADJ", "amod", 4), ("country", "NOUN", "attr", 1), ("to", "PART", "aux", 6),
        ("sign", "VERB", "relcl", 4, None, None, "VB"), ("the", "DET", "det", 8), ("pact", "NOUN", "dobj", 6),
        (".", "PUNCT", "punct", 1),
    ], 6, None, ["CHL"], [], id="first_to_act_is_the_subject"),
    # "Egypt urged Israel to lift the blockade.": Israel is to lift it, not Egypt
    pytest.param("object_control", [
        ("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("urged", "VERB", "ROOT", 1, "urge"),
        ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), ("to", "PART", "aux", 4), ("lift", "VERB", "xcomp", 1),
        ("the", "DET", "det", 6), ("blockade", "NOUN", "dobj", 4), (".", "PUNCT", "punct", 1),
    ], 4, None, ["ISR"], ["EGY"], id="object_control"),
    # "Chad ordered Niger to leave, accusing Mali.": the parser hangs the participle on the infinitive; Chad accuses
    pytest.param("comma_participle_skips_the_infinitive", [
        ("Chad", "PROPN", "nsubj", 1, None, "B-GPE"), ("ordered", "VERB", "ROOT", 1, "order"),
        ("Niger", "PROPN", "dobj", 1, None, "B-GPE"), ("to", "PART", "aux", 4), ("leave", "VERB", "xcomp", 1),
        (",", "PUNCT", "punct", 4), ("accusing", "VERB", "advcl", 4, "accuse", None, "VBG"),
        ("Mali", "PROPN", "dobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 6, None, ["TCD"], ["NER"], id="comma_participle_skips_the_infinitive"),
    # "Egypt expected Israel to lift the blockade.": the parser makes the infinitive a ccomp; Israel is to lift it
    pytest.param("object_control", [
        ("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("expected", "VERB", "ROOT", 1, "expect"),
        ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), ("to", "PART", "aux", 4), ("lift", "VERB", "ccomp", 1),
        ("the", "DET", "det", 6), ("blockade", "NOUN", "dobj", 4), (".", "PUNCT", "punct", 1),
    ], 4, None, ["ISR"], ["EGY"], id="object_control_of_a_ccomp_infinitive"),
    # "MADRID (AP) — Turkey agreed." with MADRID taken by the parser for a second subject
    pytest.param("own_subject", [
        ("MADRID", "PROPN", "nsubj", 6, None, "B-GPE"), ("(", "PUNCT", "punct", 0), ("AP", "PROPN", "appos", 0),
        (")", "PUNCT", "punct", 0), ("—", "PUNCT", "punct", 0), ("Turkey", "PROPN", "nsubj", 6, None, "B-GPE"),
        ("agreed", "VERB", "ROOT", 6, "agree"), (".", "PUNCT", "punct", 6),
    ], 6, None, ["TUR"], DIFFERENT, id="dateline_is_no_subject"),
    # "Some members of the Swedish parliament supported Turkey.": a part of the body, not Sweden
    pytest.param("part_of_a_body_is_no_actor", [
        ("Some", "DET", "det", 1), ("members", "NOUN", "nsubj", 6, "member"), ("of", "ADP", "prep", 1),
        ("the", "DET", "det", 5), ("Swedish", "ADJ", "amod", 5, "swedish", "B-NORP"), ("parliament", "NOUN", "pobj", 2),
        ("supported", "VERB", "ROOT", 6, "support"), ("Turkey", "PROPN", "dobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 6),
    ], 6, None, [], NONEMPTY, id="part_of_a_body_is_no_actor"),
    # "France took the step of recalling its ambassador.": whoever takes the step recalls
    pytest.param("step_of_gerund", [
        ("France", "PROPN", "nsubj", 1, None, "B-GPE"), ("took", "VERB", "ROOT", 1, "take"), ("the", "DET", "det", 3),
        ("step", "NOUN", "dobj", 1), ("of", "ADP", "prep", 3), ("recalling", "VERB", "pcomp", 4, "recall"),
        ("its", "PRON", "poss", 7), ("ambassador", "NOUN", "dobj", 5), (".", "PUNCT", "punct", 1),
    ], 5, None, ["FRA"], [], id="step_of_gerund"),
    # "Chile criticised Peru for arming rebels by selling rifles.": the parser hangs "by selling" on "criticised"; it
    # tells how Peru armed them
    pytest.param("by_gerund_of_the_charge", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("criticised", "VERB", "ROOT", 1, "criticise"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), ("for", "ADP", "prep", 1),
        ("arming", "VERB", "pcomp", 3, "arm", None, "VBG"), ("rebels", "NOUN", "dobj", 4, "rebel"),
        ("by", "ADP", "prep", 1), ("selling", "VERB", "pcomp", 6, "sell", None, "VBG"),
        ("rifles", "NOUN", "dobj", 7, "rifle"), (".", "PUNCT", "punct", 1),
    ], 7, None, ["PER"], ["CHL"], id="by_gerund_of_the_charge"),
    # "Serbia has no intention of joining sanctions.": whoever has the intention would join
    pytest.param("step_of_gerund", [
        ("Serbia", "PROPN", "nsubj", 1, None, "B-GPE"), ("has", "VERB", "ROOT", 1, "have"), ("no", "DET", "det", 3),
        ("intention", "NOUN", "dobj", 1), ("of", "ADP", "prep", 3), ("joining", "VERB", "pcomp", 4, "join"),
        ("sanctions", "NOUN", "dobj", 5, "sanction"), (".", "PUNCT", "punct", 1),
    ], 5, None, ["SRB"], [], id="step_of_gerund-intention"),
]


@pytest.mark.parametrize("rule, tokens, verb, ctx, with_rule, without_rule", SUBJECT_CASES)
def test_subject_rule_decides(subjects, rule, tokens, verb, ctx, with_rule, without_rule):
    on, off = subjects(tokens, verb, rule, ctx)
    _expect(on, off, with_rule, without_rule)


def test_the_neighbours_are_the_pair(pipeline):
    # "Chile and Peru met . The neighbours signed a pact .": the pair told most, with no numeral (bare_pair_noun of
    # the phrase rule the_two_is_the_pair; they were no actor)
    tokens = [
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("met", "VERB", "ROOT", 3, "meet"), (".", "PUNCT", "punct", 3),
        ("The", "DET", "det", 6, "the"), ("neighbours", "NOUN", "nsubj", 7, "neighbour", None, "NNS"),
        ("signed", "VERB", "ROOT", 7, "sign"), ("a", "DET", "det", 9), ("pact", "NOUN", "dobj", 7, "pact"),
        (".", "PUNCT", "punct", 7),
    ]
    on, off = _finder_run(pipeline, tokens, "the_two_is_the_pair", lambda f, doc: f.subjects(doc[7], Context()))
    assert sorted(on) == ["CHL", "PER"] and sorted(off) != ["CHL", "PER"]


def test_the_two_is_last_pair(pipeline):
    # "Russia and China held talks. The two countries signed a pact." (the phrase rule the_two_is_the_pair reads
    # the same pair for any noun phrase: without both, the subject is the first of the pair alone)
    tokens = [
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("China", "PROPN", "conj", 0, None, "B-GPE"), ("held", "VERB", "ROOT", 3, "hold"),
        ("talks", "NOUN", "dobj", 3, "talk"), (".", "PUNCT", "punct", 3),
        ("The", "DET", "det", 8, "the"), ("two", "NUM", "nummod", 8), ("countries", "NOUN", "nsubj", 9, "country"),
        ("signed", "VERB", "ROOT", 9, "sign"), ("a", "DET", "det", 11), ("pact", "NOUN", "dobj", 9),
        (".", "PUNCT", "punct", 9),
    ]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    coder = pipeline.coder
    got = []
    for disabled in (frozenset(), frozenset({"the_two_is_last_pair"}),
                     frozenset({"the_two_is_last_pair", "the_two_is_the_pair"})):
        finder = ArgumentFinder(sp, coder.event_nouns, coder.agents, coder.noun_types, disabled)
        got.append(sorted(m.actor.country for m in finder.subjects(parsed.doc[9], Context())))
    assert got[0] == got[1] == ["CHN", "RUS"] and got[2] != got[0]


@pytest.mark.parametrize("on_", [False, True])
def test_one_who_phones_to_do_does_it(subjects, on_):
    # "Chile called Peru to offer aid .": the caller offers (it was Peru); "Chile called on Peru to offer aid ." asks
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("called", "VERB", "ROOT", 1, "call")]
    if on_:
        tokens.append(("on", "ADP", "prep", 1))
    k = len(tokens)
    tokens += [("Peru", "PROPN", "pobj" if on_ else "dobj", k - 1 if on_ else 1, None, "B-GPE"),
               ("to", "PART", "aux", k + 2), ("offer", "VERB", "xcomp", 1, "offer"), ("aid", "NOUN", "dobj", k + 2),
               (".", "PUNCT", "punct", 1)]
    on, _ = subjects(tokens, k + 2, "object_control")
    assert on == (["PER"] if on_ else ["CHL"])


def test_an_asked_subject_is_no_one_known(subjects):
    # "Chile did not say who attacked Peru .": the attacker is asked about (it was Chile, the one not saying)
    tokens = [("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("did", "AUX", "aux", 3, "do"), ("not", "PART", "neg", 3),
              ("say", "VERB", "ROOT", 3, "say"), ("who", "PRON", "nsubj", 5, "who", None, "WP"),
              ("attacked", "VERB", "ccomp", 3, "attack", None, "VBD"), ("Peru", "PROPN", "dobj", 5, None, "B-GPE"),
              (".", "PUNCT", "punct", 3)]
    on, _ = subjects(tokens, 5, "own_subject")
    assert on == []


def test_unquoted_we_is_nobody(subjects):
    # "We will send troops, Russia said." with no quotation marks: the outlet's or a paraphrase's "we", not Russia
    on, _ = subjects([
        ("We", "PRON", "nsubj", 2, "we"), ("will", "AUX", "aux", 2), ("send", "VERB", "ccomp", 6),
        ("troops", "NOUN", "dobj", 2, "troop"), (",", "PUNCT", "punct", 6),
        ("Russia", "PROPN", "nsubj", 6, None, "B-GPE"), ("said", "VERB", "ROOT", 6, "say"), (".", "PUNCT", "punct", 6),
    ], 2, "quoted_we_is_speaker")
    assert on == []


@pytest.mark.parametrize("verb, lemma, expected", [("made", "make", ["RUS"]), ("condemned", "condemn", [])])
def test_an_attempt_one_reacts_to_is_anothers(subjects, verb, lemma, expected):
    # "Russia made attempts to blame Iran." (Russia blames) against "Russia condemned attempts to blame Iran."
    # (someone else's attempts: no source; without the veto of order_issuer_acts the climb gives Russia)
    on, _ = subjects([
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), (verb, "VERB", "ROOT", 1, lemma),
        ("attempts", "NOUN", "dobj", 1, "attempt"), ("to", "PART", "aux", 4), ("blame", "VERB", "acl", 2, None, None, "VB"),
        ("Iran", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 4, "order_issuer_acts")
    assert on == expected


def test_the_countries_are_not_the_last_state(subjects):
    # "China objected. The three countries announced a pact.": several states, not China
    on, _ = subjects([
        ("China", "PROPN", "nsubj", 1, None, "B-GPE"), ("objected", "VERB", "ROOT", 1, "object"),
        (".", "PUNCT", "punct", 1),
        ("The", "DET", "det", 5, "the"), ("three", "NUM", "nummod", 5), ("countries", "NOUN", "nsubj", 6, "country",
                                                                         None, "NNS"),
        ("announced", "VERB", "ROOT", 6, "announce"), ("a", "DET", "det", 8), ("pact", "NOUN", "dobj", 6),
        (".", "PUNCT", "punct", 6),
    ], 6, "the_country_is_last_state")
    assert "CHN" not in on


def test_collective_is_members(subjects):
    # "Dozens of Iranian soldiers attacked Kirkuk."
    on, off = subjects([
        ("Dozens", "NOUN", "nsubj", 4, "dozen"), ("of", "ADP", "prep", 0), ("Iranian", "ADJ", "amod", 3, None, "B-NORP"),
        ("soldiers", "NOUN", "pobj", 1, "soldier"), ("attacked", "VERB", "ROOT", 4, "attack"),
        ("Kirkuk", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 4),
    ], 4, "collective_is_members")
    assert on == ["IRN"]
    # "Thousands of protesters attacked Kirkuk.": the members are an unnamed agent; without the rule, no one
    on, off = subjects([
        ("Thousands", "NOUN", "nsubj", 3, "thousand"), ("of", "ADP", "prep", 0),
        ("protesters", "NOUN", "pobj", 1, "protester"), ("attacked", "VERB", "ROOT", 3, "attack"),
        ("Kirkuk", "PROPN", "dobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], 3, "collective_is_members")
    assert on == ["CVL"] and off == []


# -- object-stage rules: where a verb's target is found ------------------------------------------------------
@pytest.fixture(scope="module")
def objects(pipeline):
    """``run(tokens, verb, etype, rule, prep=None)``: the targets of token ``verb`` with all rules and with ``rule``
    disabled (countries, else sectors)."""

    def run(tokens, verb, etype, rule, prep=None):
        assert rule in {r.name for r in rules() if r.stage == "object"}
        return _finder_run(pipeline, tokens, rule,
                           lambda f, doc: f.objects(doc[verb], etype=etype, wanted_prep=prep, visit=False))

    return run


# Object-stage specs: (rule, tokens, verb, event type, with the rule, without it), read as ``SUBJECT_CASES``.
OBJECT_CASES = [
    # "Russia attacked Ukraine and Georgia."
    pytest.param("direct_object_actor", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("attacked", "VERB", "ROOT", 1, "attack"),
        ("Ukraine", "PROPN", "dobj", 1, None, "B-GPE"), ("and", "CCONJ", "cc", 2),
        ("Georgia", "PROPN", "conj", 2, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "ASSAULT", ["UKR", "GEO"], DIFFERENT, id="direct_object_actor"),
    # "Chile left Bolivia 's bloc after Peru accused it of lying.": it is Chile, the subject of the clause above (not
    # Bolivia, the last other state named: it_is_the_other_party)
    pytest.param("it_is_the_clause_above", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("left", "VERB", "ROOT", 1, "leave"),
        ("Bolivia", "PROPN", "poss", 4, None, "B-GPE"), ("'s", "PART", "case", 2),
        ("bloc", "NOUN", "dobj", 1), ("after", "SCONJ", "mark", 7), ("Peru", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("accused", "VERB", "advcl", 1, "accuse"), ("it", "PRON", "dobj", 7, "it"), ("of", "ADP", "prep", 7),
        ("lying", "VERB", "pcomp", 9, "lie"), (".", "PUNCT", "punct", 1),
    ], 7, "ACCUSE", ["CHL"], DIFFERENT, id="it_is_the_clause_above"),
    # "After talks with Peru , Chile accused it of lying .": it is Peru, the other party named before, not the accuser
    pytest.param("it_is_the_other_party", [
        ("After", "ADP", "prep", 6), ("talks", "NOUN", "pobj", 0, "talk"), ("with", "ADP", "prep", 1),
        ("Peru", "PROPN", "pobj", 2, None, "B-GPE"), (",", "PUNCT", "punct", 6),
        ("Chile", "PROPN", "nsubj", 6, None, "B-GPE"), ("accused", "VERB", "ROOT", 6, "accuse"),
        ("it", "PRON", "dobj", 6, "it"), ("of", "ADP", "prep", 6), ("lying", "VERB", "pcomp", 8, "lie"),
        (".", "PUNCT", "punct", 6),
    ], 6, "ACCUSE", ["PER"], [], id="it_is_the_other_party"),
    # "Chile declined to join NATO .": the refusal is aimed at what the refused act is done to
    pytest.param("refused_acts_object", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("declined", "VERB", "ROOT", 1, "decline"),
        ("to", "PART", "aux", 3), ("join", "VERB", "xcomp", 1, "join"), ("NATO", "PROPN", "dobj", 3, None, "B-ORG"),
        (".", "PUNCT", "punct", 1),
    ], 1, "REJECT", ["IGO"], [], id="refused_acts_object"),
    # "Police arrested protesters.": an unnamed party
    pytest.param("generic_object", [
        ("Police", "NOUN", "nsubj", 1, "police"), ("arrested", "VERB", "ROOT", 1, "arrest"),
        ("protesters", "NOUN", "dobj", 1, "protester"), (".", "PUNCT", "punct", 1),
    ], 1, "COERCE", ["CVL"], [], id="generic_object"),
    # "Chile sent troops to Peru, a move Bolivia condemned.": the move is Chile's sending (parsed as a second object)
    pytest.param("move_set_beside_the_clause", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("sent", "VERB", "ROOT", 1, "send"),
        ("troops", "NOUN", "dobj", 1, "troop"), ("to", "ADP", "dative", 1), ("Peru", "PROPN", "pobj", 3, None, "B-GPE"),
        (",", "PUNCT", "punct", 1), ("a", "DET", "det", 7), ("move", "NOUN", "dobj", 1, "move"),
        ("Bolivia", "PROPN", "nsubj", 9, None, "B-GPE"), ("condemned", "VERB", "relcl", 7, "condemn"),
        (".", "PUNCT", "punct", 1),
    ], 9, "ACCUSE", ["CHL"], [], id="move_set_beside_the_clause"),
    # "Russia said Chile armed Peru, a claim Chile dismissed.": what Chile dismissed is Russia's claim
    pytest.param("claim_set_beside_the_report", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"),
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("armed", "VERB", "ccomp", 1, "arm"),
        ("Peru", "PROPN", "dobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 4), ("a", "DET", "det", 7),
        ("claim", "NOUN", "appos", 4, "claim"), ("Chile", "PROPN", "nsubj", 9, None, "B-GPE"),
        ("dismissed", "VERB", "relcl", 7, "dismiss"), (".", "PUNCT", "punct", 1),
    ], 9, "REJECT", ["RUS"], [], id="claim_set_beside_the_report"),
    # "Peru accused Chile of arming the Wagner Group, which Chile denies.": what Chile denies is Peru's claim, not
    # the group the parser hangs the clause on
    pytest.param("clause_denied_beside_it", [
        ("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("accused", "VERB", "ROOT", 1, "accuse"),
        ("Chile", "PROPN", "dobj", 1, None, "B-GPE"), ("of", "ADP", "prep", 2), ("arming", "VERB", "pcomp", 3, "arm"),
        ("the", "DET", "det", 7), ("Wagner", "PROPN", "compound", 7, None, "B-ORG"),
        ("Group", "PROPN", "dobj", 4, None, "I-ORG"), (",", "PUNCT", "punct", 7), ("which", "PRON", "dobj", 11),
        ("Chile", "PROPN", "nsubj", 11, None, "B-GPE"), ("denies", "VERB", "relcl", 7, "deny"),
        (".", "PUNCT", "punct", 1),
    ], 11, "REJECT", ["PER"], DIFFERENT, id="clause_denied_beside_it"),
    # "Chile recognised Kosovo in 2008 , which Peru condemned .": the parser hangs the clause on the year; a year is
    # not condemned, the recognising is (it had no target)
    pytest.param("clause_judged_beside_its_date", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("recognised", "VERB", "ROOT", 1, "recognise"),
        ("Kosovo", "PROPN", "dobj", 1, None, "B-GPE"), ("in", "ADP", "prep", 1),
        ("2008", "NUM", "pobj", 3, None, "B-DATE"),
        (",", "PUNCT", "punct", 4), ("which", "PRON", "dobj", 8), ("Peru", "PROPN", "nsubj", 8, None, "B-GPE"),
        ("condemned", "VERB", "relcl", 4, "condemn"), (".", "PUNCT", "punct", 1),
    ], 8, "ACCUSE", ["CHL"], [], id="clause_judged_beside_its_date"),
    # the same clause read as the verb's complement (ccomp)
    pytest.param("clause_judged_beside_its_date", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("recognised", "VERB", "ROOT", 1, "recognise"),
        ("Kosovo", "PROPN", "dobj", 1, None, "B-GPE"), ("in", "ADP", "prep", 1),
        ("2008", "NUM", "pobj", 3, None, "B-DATE"),
        (",", "PUNCT", "punct", 1), ("which", "PRON", "dobj", 8), ("Peru", "PROPN", "nsubj", 8, None, "B-GPE"),
        ("condemned", "VERB", "ccomp", 1, "condemn"), (".", "PUNCT", "punct", 1),
    ], 8, "ACCUSE", ["CHL"], [], id="clause_judged_beside_its_date-complement"),
    # "Chile closed its border with Peru.": the state across the border (the parser hangs the with-phrase on the verb)
    pytest.param("border_partner", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("closed", "VERB", "ROOT", 1, "close"),
        ("its", "PRON", "poss", 3, "its"), ("border", "NOUN", "dobj", 1, "border"), ("with", "ADP", "prep", 1),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "COERCE", ["PER"], [], id="border_partner"),
    # "Israel rejected calls by Iran.": the author of the calls is the target
    pytest.param("event_object_author", [
        ("Israel", "PROPN", "nsubj", 1, None, "B-GPE"), ("rejected", "VERB", "ROOT", 1, "reject"),
        ("calls", "NOUN", "dobj", 1, "call"), ("by", "ADP", "prep", 2), ("Iran", "PROPN", "pobj", 3, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "REJECT", ["IRN"], DIFFERENT, id="event_object_author"),
    # "Egypt demanded that Israel withdraw.": the one asked
    pytest.param("clausal_target", [
        ("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("demanded", "VERB", "ROOT", 1, "demand"),
        ("that", "SCONJ", "mark", 4), ("Israel", "PROPN", "nsubj", 4, None, "B-GPE"),
        ("withdraw", "VERB", "ccomp", 1), (".", "PUNCT", "punct", 1),
    ], 1, "REQUEST", ["ISR"], [], id="clausal_target"),
    # "Israel voiced regret that China did not condemn Hamas.": the actor complained of
    pytest.param("complaint_object", [
        ("Israel", "PROPN", "nsubj", 1, None, "B-GPE"), ("voiced", "VERB", "ROOT", 1, "voice"),
        ("regret", "NOUN", "dobj", 1), ("that", "SCONJ", "mark", 7), ("China", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("did", "AUX", "aux", 7, "do"), ("not", "PART", "neg", 7), ("condemn", "VERB", "acl", 2),
        ("Hamas", "PROPN", "dobj", 7, None, "B-ORG"), (".", "PUNCT", "punct", 1),
    ], 1, "ACCUSE", ["CHN"], DIFFERENT, id="complaint_object"),
    # "Russia appealed to Turkey."
    pytest.param("preposition_object", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("appealed", "VERB", "ROOT", 1, "appeal"),
        ("to", "ADP", "prep", 1), ("Turkey", "PROPN", "pobj", 2, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "REQUEST", ["TUR"], [], id="preposition_object"),
    # "Chile declared two Peruvian staff persona non grata ." ("persona" parsed as a clause, "staff" its modifier)
    pytest.param("declared_non_grata", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("declared", "VERB", "ROOT", 1, "declare"),
        ("two", "NUM", "nummod", 4), ("Peruvian", "ADJ", "amod", 4, None, "B-NORP"), ("staff", "NOUN", "compound", 5),
        ("persona", "NOUN", "ccomp", 1), ("non", "PROPN", "compound", 7), ("grata", "NOUN", "dobj", 5),
        (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", ["PER"], DIFFERENT, id="declared_non_grata"),
    # "Russia held talks with Turkey." (the parser hangs "with" on the noun)
    pytest.param("light_verb_noun", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("held", "VERB", "ROOT", 1, "hold"),
        ("talks", "NOUN", "dobj", 1, "talk"), ("with", "ADP", "prep", 2), ("Turkey", "PROPN", "pobj", 3, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "CONSULT", ["TUR"], [], id="light_verb_noun"),
    # ("France is recalling its ambassadors from Washington and Canberra": a from-phrase on the verb is the target
    # of any recall or withdrawal, TARGET_PREPS, so no longer this rule's alone to decide)
    # "Bolivia praised Chile, with which Peru signed a pact.": the pronoun after a preposition of a party
    pytest.param("relative_pronoun_object", [
        ("Bolivia", "PROPN", "nsubj", 1, None, "B-GPE"), ("praised", "VERB", "ROOT", 1, "praise"),
        ("Chile", "PROPN", "dobj", 1, None, "B-GPE"), (",", "PUNCT", "punct", 2), ("with", "ADP", "prep", 7),
        ("which", "PRON", "pobj", 4), ("Peru", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("signed", "VERB", "relcl", 2, "sign"), ("a", "DET", "det", 9), ("pact", "NOUN", "dobj", 7),
        (".", "PUNCT", "punct", 1),
    ], 7, "SUPPORT", ["CHL"], DIFFERENT, id="relative_pronoun_after_with"),
    # "Hamas, whose officials Turkey hosted, spoke.": the officials are the clause's noun's
    pytest.param("whose_object_is_the_clauses_noun", [
        ("Hamas", "PROPN", "nsubj", 7, None, "B-ORG"), (",", "PUNCT", "punct", 0), ("whose", "PRON", "poss", 3),
        ("officials", "NOUN", "dobj", 5, "official"), ("Turkey", "PROPN", "nsubj", 5, None, "B-GPE"),
        ("hosted", "VERB", "relcl", 0, "host"), (",", "PUNCT", "punct", 0), ("spoke", "VERB", "ROOT", 7, "speak"),
        (".", "PUNCT", "punct", 7),
    ], 5, "CONSULT", ["PSE"], DIFFERENT, id="whose_object_is_the_clauses_noun"),
    # "Kosovo, whose independence Serbia rejected, spoke.": what is rejected is the clause's noun's
    pytest.param("whose_object_is_the_clauses_noun", [
        ("Kosovo", "PROPN", "nsubj", 7, None, "B-GPE"), (",", "PUNCT", "punct", 0), ("whose", "PRON", "poss", 3),
        ("independence", "NOUN", "dobj", 5), ("Serbia", "PROPN", "nsubj", 5, None, "B-GPE"),
        ("rejected", "VERB", "relcl", 0, "reject"), (",", "PUNCT", "punct", 0), ("spoke", "VERB", "ROOT", 7, "speak"),
        (".", "PUNCT", "punct", 7),
    ], 5, "REJECT", ["XKX"], DIFFERENT, id="whose_object_is_not_only_an_agent"),
    # "Morocco recalled the ambassador from Algeria.": the from-phrase hung on the noun
    pytest.param("envoy_host", [
        ("Morocco", "PROPN", "nsubj", 1, None, "B-GPE"), ("recalled", "VERB", "ROOT", 1, "recall"),
        ("the", "DET", "det", 3), ("ambassador", "NOUN", "dobj", 1, "ambassador"), ("from", "ADP", "prep", 3),
        ("Algeria", "PROPN", "pobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", ["DZA"], DIFFERENT, id="envoy_host_from_on_the_noun"),
    # "The ministry recalled the Chilean ambassador from Peru.": only a sender recalls its envoy, so the envoy's state
    # is no target even when the subject names no state (Chile was the target)
    pytest.param("envoy_host", [
        ("The", "DET", "det", 1), ("ministry", "NOUN", "nsubj", 2, "ministry"),
        ("recalled", "VERB", "ROOT", 2, "recall"),
        ("the", "DET", "det", 5), ("Chilean", "ADJ", "amod", 5, None, "B-NORP"),
        ("ambassador", "NOUN", "dobj", 2, "ambassador"), ("from", "ADP", "prep", 2),
        ("Peru", "PROPN", "pobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 2),
    ], 2, "SANCTION", ["PER"], DIFFERENT, id="envoy_host_recalled_named_envoy"),
    # "Egypt brokered a truce between Israel and Hamas.": a mediation (PLOVER CONSULT) is aimed at the parties
    pytest.param("pact_parties", [
        ("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("brokered", "VERB", "ROOT", 1, "broker"),
        ("a", "DET", "det", 3), ("truce", "NOUN", "dobj", 1), ("between", "ADP", "prep", 3),
        ("Israel", "PROPN", "pobj", 4, None, "B-GPE"), ("and", "CCONJ", "cc", 5),
        ("Chile", "PROPN", "conj", 5, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "CONSULT", ["ISR", "CHL"], DIFFERENT, id="pact_parties_of_a_mediation"),
    # "Sweden became a member of NATO.": the body joined
    pytest.param("body_joined_as_member", [
        ("Sweden", "PROPN", "nsubj", 1, None, "B-GPE"), ("became", "VERB", "ROOT", 1, "become"), ("a", "DET", "det", 3),
        ("member", "NOUN", "attr", 1, "member"), ("of", "ADP", "prep", 3), ("NATO", "PROPN", "pobj", 4, None, "B-ORG"),
        (".", "PUNCT", "punct", 1),
    ], 1, "COOPERATE", ["IGO"], [], id="body_joined_as_member"),
    # "Honduras switched recognition from Taiwan to China.": the recognition goes to China (the parser hangs
    # "from Taiwan" on the object, where the nearest actor is the partner left)
    pytest.param("switched_to", [
        ("Honduras", "PROPN", "nsubj", 1, None, "B-GPE"), ("switched", "VERB", "ROOT", 1, "switch"),
        ("recognition", "NOUN", "dobj", 1), ("from", "ADP", "prep", 2), ("Taiwan", "PROPN", "pobj", 3, None, "B-GPE"),
        ("to", "ADP", "prep", 1), ("China", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "COOPERATE", ["CHN"], DIFFERENT, id="switched_to"),
    # "Bahrain upgraded relations with Israel.": "relations" is no relation cue, but a tie noun: its with-phrase
    pytest.param("light_verb_noun", [
        ("Bahrain", "PROPN", "nsubj", 1, None, "B-GPE"), ("upgraded", "VERB", "ROOT", 1, "upgrade"),
        ("relations", "NOUN", "dobj", 1, "relation"), ("with", "ADP", "prep", 2),
        ("Israel", "PROPN", "pobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "COOPERATE", ["ISR"], [], id="light_verb_noun_tie_noun"),
    # "Chile halted exports and imports from Peru.": an object naming no one shares its conjunct's party
    pytest.param("light_verb_noun", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("halted", "VERB", "ROOT", 1, "halt"),
        ("exports", "NOUN", "dobj", 1, "export"), ("and", "CCONJ", "cc", 2),
        ("imports", "NOUN", "conj", 2, "import"), ("from", "ADP", "prep", 4),
        ("Peru", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", ["PER"], [], id="light_verb_noun_conjuncts_party"),
    # "Chile opened an embassy in Peru.": an embassy is aimed at its host (CAMEO 054's own example)
    pytest.param("envoy_host", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("opened", "VERB", "ROOT", 1, "open"), ("an", "DET", "det", 3),
        ("embassy", "NOUN", "dobj", 1, "embassy"), ("in", "ADP", "prep", 3),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "COOPERATE", ["PER"], DIFFERENT, id="envoy_host_embassy"),
    # "China condemned a pact between Australia and the US.": a stance on the pact is one on its parties
    pytest.param("pact_parties", [
        ("China", "PROPN", "nsubj", 1, None, "B-GPE"), ("condemned", "VERB", "ROOT", 1, "condemn"),
        ("a", "DET", "det", 3), ("pact", "NOUN", "dobj", 1), ("between", "ADP", "prep", 3),
        ("Australia", "PROPN", "pobj", 4, None, "B-GPE"), ("and", "CCONJ", "cc", 5), ("the", "DET", "det", 8),
        ("US", "PROPN", "conj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "ACCUSE", ["AUS", "USA"], DIFFERENT, id="pact_parties"),
    # "Brazil called for dialogue between Peru and Chile.": a call for talks is made on both sides of them
    pytest.param("pact_parties", [
        ("Brazil", "PROPN", "nsubj", 1, None, "B-GPE"), ("called", "VERB", "ROOT", 1, "call"),
        ("for", "ADP", "prep", 1), ("dialogue", "NOUN", "pobj", 2), ("between", "ADP", "prep", 3),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"), ("and", "CCONJ", "cc", 5),
        ("Chile", "PROPN", "conj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "REQUEST", ["PER", "CHL"], DIFFERENT, id="pact_parties_of_a_call_for_talks"),
    # "Japan does not want coercion that it sees from China.": the author named in a clause on the act
    pytest.param("hostile_act_author", [
        ("Japan", "PROPN", "nsubj", 3, None, "B-GPE"), ("does", "AUX", "aux", 3, "do"), ("not", "PART", "neg", 3),
        ("want", "VERB", "ROOT", 3, "want"), ("coercion", "NOUN", "dobj", 3, "coercion"),
        ("that", "PRON", "dobj", 7), ("it", "PRON", "nsubj", 7), ("sees", "VERB", "relcl", 4, "see"),
        ("from", "ADP", "prep", 7), ("China", "PROPN", "pobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], 3, "ACCUSE", ["CHN"], [], id="hostile_act_author"),
]


@pytest.mark.parametrize("rule, tokens, verb, etype, with_rule, without_rule", OBJECT_CASES)
def test_object_rule_decides(objects, rule, tokens, verb, etype, with_rule, without_rule):
    on, off = objects(tokens, verb, etype, rule)
    _expect(on, off, with_rule, without_rule)


def test_a_nouns_by_phrase_in_a_preposition_is_no_party(objects):
    # "Chile arrived for a visit by Bolivia .": the by-phrase names the visit's agent, not whom Chile visits
    on, _ = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("arrived", "VERB", "ROOT", 1, "arrive"),
        ("for", "ADP", "prep", 1), ("a", "DET", "det", 4), ("visit", "NOUN", "pobj", 2, "visit"),
        ("by", "ADP", "prep", 4), ("Bolivia", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "CONSULT", "preposition_object", prep="for")
    assert "BOL" not in on


def test_a_measure_objects_counted_goods_name_the_party(objects):
    # "Chile bought millions of barrels of Peruvian oil .": the oil's state is the seller (the measure named none)
    on, _ = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("bought", "VERB", "ROOT", 1, "buy"),
        ("millions", "NOUN", "dobj", 1, "million"), ("of", "ADP", "prep", 2), ("barrels", "NOUN", "pobj", 3, "barrel"),
        ("of", "ADP", "prep", 4), ("Peruvian", "ADJ", "amod", 7, None, "B-NORP"), ("oil", "NOUN", "pobj", 5, "oil"),
        (".", "PUNCT", "punct", 1),
    ], 1, "COOPERATE", "direct_object_actor")
    assert on == ["PER"]


def test_it_in_a_conjunct_on_a_thing_is_not_the_clause_above(objects):
    # "Chile welcomed the step , and Peru praised it .": "it" is the step, not Chile (Peru praised Chile)
    on, _ = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("welcomed", "VERB", "ROOT", 1, "welcome"),
        ("the", "DET", "det", 3), ("step", "NOUN", "dobj", 1, "step"), (",", "PUNCT", "punct", 1),
        ("and", "CCONJ", "cc", 1), ("Peru", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("praised", "VERB", "conj", 1, "praise"), ("it", "PRON", "dobj", 7, "it"), (".", "PUNCT", "punct", 1),
    ], 7, "SUPPORT", "it_is_the_clause_above")
    assert "CHL" not in on


def test_light_verb_noun_in_the_patterns_own_preposition(objects):
    # "Chile arrived in Lima for talks with Peru .": the pattern "arrive for talk" holds the talks, whose with-phrase
    # is the target (not the place)
    on, off = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("arrived", "VERB", "ROOT", 1, "arrive"),
        ("in", "ADP", "prep", 1), ("Lima", "PROPN", "pobj", 2, None, "B-GPE"), ("for", "ADP", "prep", 1),
        ("talks", "NOUN", "pobj", 4, "talk"), ("with", "ADP", "prep", 5), ("Peru", "PROPN", "pobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "CONSULT", "light_verb_noun", prep="for")
    assert on == ["PER"] and "PER" not in off


def test_generic_object_owners_are_every_conjunct(objects):
    # "Chile summoned the leaders of Peru and Bolivia.": the owners in the of-phrase, every conjunct (before, the
    # first alone)
    on, _ = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("summoned", "VERB", "ROOT", 1, "summon"),
        ("the", "DET", "det", 3), ("leaders", "NOUN", "dobj", 1, "leader"), ("of", "ADP", "prep", 3),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"),
        ("and", "CCONJ", "cc", 5), ("Bolivia", "PROPN", "conj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "CONSULT", "generic_object")
    assert sorted(on) == ["BOL", "PER"]


def test_envoy_host(objects):
    # "France recalled the ambassadors to the UK and Australia.": aimed at the hosts, not at the envoys (with "its",
    # the envoys are France's own and no party without the rule either: generic_object)
    on, off = objects([
        ("France", "PROPN", "nsubj", 1, None, "B-GPE"), ("recalled", "VERB", "ROOT", 1, "recall"),
        ("the", "DET", "det", 3), ("ambassadors", "NOUN", "dobj", 1, "ambassador"), ("to", "ADP", "prep", 3),
        ("the", "DET", "det", 6), ("UK", "PROPN", "pobj", 4, None, "B-GPE"), ("and", "CCONJ", "cc", 6),
        ("Australia", "PROPN", "conj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", "envoy_host")
    assert on == ["GBR", "AUS"] and "GBR" not in off


def test_an_outlet_is_not_what_it_stands_for(subjects):
    # "Australia gets submarines, reports the BBC. It angered France.": "it" is Australia, not the BBC
    def ctx(c, sp):
        c.remember(sp.parsed.doc[0:7], sp, ())

    on, _ = subjects([
        ("Australia", "PROPN", "nsubj", 1, None, "B-GPE"), ("gets", "VERB", "ccomp", 4, "get"),
        ("submarines", "NOUN", "dobj", 1, "submarine"), (",", "PUNCT", "punct", 4), ("reports", "VERB", "ROOT", 4, "report"),
        ("BBC", "PROPN", "nsubj", 4, None, "B-ORG"), (".", "PUNCT", "punct", 4),
        ("It", "PRON", "nsubj", 8, "it"), ("angered", "VERB", "ROOT", 8, "anger"), ("France", "PROPN", "dobj", 8, None,
                                                                                    "B-GPE"), (".", "PUNCT", "punct", 8),
    ], 8, "it_is_last_thing", ctx)
    assert on == ["AUS"]


def test_whom_one_helps_against_is_no_partner(objects):
    # "Russia defended Armenia against Azerbaijan." (the parser leaves the object unresolved here): not Azerbaijan;
    # "Russia protested against Turkey." keeps its target
    on, _ = objects([
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("defended", "VERB", "ROOT", 1, "defend"),
        ("it", "PRON", "dobj", 1), ("against", "ADP", "prep", 1), ("Azerbaijan", "PROPN", "pobj", 3, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "AID", "preposition_object")
    assert "AZE" not in on
    on, _ = objects([
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("protested", "VERB", "ROOT", 1, "protest"),
        ("against", "ADP", "prep", 1), ("Turkey", "PROPN", "pobj", 2, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 1, "PROTEST", "preposition_object")
    assert on == ["TUR"]


def test_membership_organisation(objects):
    # "Armenia froze its participation in the CSTO.": aimed at the CSTO (no other rule reads "in" here)
    on, off = objects([
        ("Armenia", "PROPN", "nsubj", 1, None, "B-GPE"), ("froze", "VERB", "ROOT", 1, "freeze"),
        ("its", "PRON", "poss", 3), ("participation", "NOUN", "dobj", 1), ("in", "ADP", "prep", 3),
        ("the", "DET", "det", 6), ("CSTO", "PROPN", "pobj", 4, None, "B-ORG"), (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", "membership_organisation")
    assert len(on) == 1 and on[0] not in {"ARM", "the CSTO"} and off == []


def test_worried_subject_parsed_as_passive_is_the_source(pipeline):
    # "Israel is concerned about a shift in Russia's policy." parsed with "Israel" as a passive subject: Israel
    # is worried (the source), about Russia (the owner of the policy the shift is in)
    from detente.events.arguments import Context

    tokens = [
        ("Israel", "PROPN", "nsubjpass", 2, None, "B-GPE"), ("is", "AUX", "auxpass", 2, "be"),
        ("concerned", "ADJ", "ROOT", 2), ("about", "ADP", "prep", 2), ("a", "DET", "det", 5),
        ("shift", "NOUN", "pobj", 3), ("in", "ADP", "prep", 5), ("Russia", "PROPN", "poss", 9, None, "B-GPE"),
        ("'s", "PART", "case", 7), ("policy", "NOUN", "pobj", 6), (".", "PUNCT", "punct", 2),
    ]

    def sides(f, doc):
        source, target = f.verbal(doc[2], etype="ACCUSE", cameo="110", wanted_prep="about", ctx=Context())
        return source + target

    on, off = _finder_run(pipeline, tokens, "complaint_object", sides)
    assert on == ["ISR", "RUS"] and off == ["ISR"]


@pytest.mark.parametrize("head, trigger", [
    # "Australia expressed concern about negotiations between Honiara and China.": the complaint noun's phrase
    (("expressed", "VERB", "ROOT", 1, "express"), ("concern", "NOUN", "dobj", 1)),
    # "Australia is concerned about negotiations between Honiara and China.": a worried predicate (worried_about)
    (("is", "AUX", "ROOT", 1, "be"), ("concerned", "ADJ", "acomp", 1)),
], ids=["complaint_noun", "worried_predicate"])
def test_complaint_about_talks_targets_their_parties(objects, head, trigger):
    # both parties of the talks
    on, off = objects([
        ("Australia", "PROPN", "nsubj", 1, None, "B-GPE"), head, trigger,
        ("about", "ADP", "prep", 2), ("negotiations", "NOUN", "pobj", 3, "negotiation"),
        ("between", "ADP", "prep", 4), ("Honiara", "PROPN", "pobj", 5, None, "B-GPE"), ("and", "CCONJ", "cc", 6),
        ("China", "PROPN", "conj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 2 if trigger[0] == "concerned" else 1, "ACCUSE", "complaint_object")
    assert on == ["SLB", "CHN"] and off != on


def test_cause_clause_names_the_accused(objects):
    # "Chile protested after Peru seized a boat .": the protest is against Peru (it had no target)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("protested", "VERB", "ROOT", 1, "protest"),
              ("after", "SCONJ", "mark", 4), ("Peru", "PROPN", "nsubj", 4, None, "B-GPE"),
              ("seized", "VERB", "advcl", 1, "seize"), ("a", "DET", "det", 6), ("boat", "NOUN", "dobj", 4, "boat"),
              (".", "PUNCT", "punct", 1)]
    on, off = objects(tokens, 1, "ACCUSE", "cause_clause_names_the_accused")
    assert on == ["PER"] and off == []


def test_membership_organisation_of_a_bid(objects):
    # "Finland applied to join NATO.": the body joined
    on, off = objects([
        ("Finland", "PROPN", "nsubj", 1, None, "B-GPE"), ("applied", "VERB", "ROOT", 1, "apply"),
        ("to", "PART", "aux", 3), ("join", "VERB", "xcomp", 1), ("NATO", "PROPN", "dobj", 3, None, "B-ORG"),
        (".", "PUNCT", "punct", 1),
    ], 1, "REQUEST", "membership_organisation")
    assert len(on) == 1 and off != on


@pytest.mark.parametrize("verb, lemma, partner", [("switched", "switch", ["TWN"]), ("kept", "keep", [])])
def test_switched_from(pipeline, verb, lemma, partner):
    # "Honiara switched allegiance to China from Taiwan.": the rule takes the partner left, Taiwan, and only it (the
    # object's phrase names China too); "kept allegiance ... from Taiwan" is no switch. (preposition_object now also
    # takes a from-phrase on the verb when the trigger asks for "from", so the chain's answer is the same without
    # the rule: the rule is read directly here.)
    from detente.events.arguments import ObjectQuery

    tokens = [
        ("Honiara", "PROPN", "nsubj", 1, None, "B-GPE"), (verb, "VERB", "ROOT", 1, lemma),
        ("allegiance", "NOUN", "dobj", 1), ("to", "ADP", "prep", 2), ("China", "PROPN", "pobj", 3, None, "B-GPE"),
        ("from", "ADP", "prep", 1), ("Taiwan", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    finder = pipeline.coder.finder(Speakers(parsed, pipeline.resolver.resolve(parsed)))
    query = ObjectQuery(parsed.doc[1], "SANCTION", "from", False, frozenset())
    got = run_rule("switched_from", query, finder)
    assert [m.actor.country for m in got] == partner


def test_a_switch_of_allegiance_gives_both_acts(pipeline):
    from detente.events.extract import EventCoder

    parsed = build(pipeline.nlp.vocab, [
        ("Honiara", "PROPN", "nsubj", 1, None, "B-GPE"), ("switched", "VERB", "ROOT", 1, "switch"),
        ("allegiance", "NOUN", "dobj", 1), ("to", "ADP", "prep", 2), ("China", "PROPN", "pobj", 3, None, "B-GPE"),
        ("from", "ADP", "prep", 1), ("Taiwan", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], published=DATED)
    coder = pipeline.coder
    on = {t.cameo for t in EventCoder(coder.lex, agents=coder.agents)._triggers(parsed.doc[:])}
    off = {t.cameo for t in EventCoder(coder.lex, agents=coder.agents, disabled={"switched_from"})._triggers(parsed.doc[:])}
    assert on == {"054", "161"} and off == {"054"}


# -- issue 12 (branch rel12): coordination in phrases, places, plural countries, possessive pronouns ----------


def test_coordinated_modifier_distributes(pipeline, objects):
    # "Hungary lifted the veto on Finland's and Sweden's membership.": both memberships
    on, off = objects([
        ("Hungary", "PROPN", "nsubj", 1, None, "B-GPE"), ("lifted", "VERB", "ROOT", 1, "lift"),
        ("the", "DET", "det", 3), ("veto", "NOUN", "dobj", 1), ("on", "ADP", "prep", 3),
        ("Finland", "PROPN", "poss", 10, None, "B-GPE"), ("'s", "PART", "case", 5), ("and", "CCONJ", "cc", 5),
        ("Sweden", "PROPN", "conj", 5, None, "B-GPE"), ("'s", "PART", "case", 8),
        ("membership", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 1),
    ], 1, "AGREE", "light_verb_noun")
    assert on == ["FIN", "SWE"]
    # the same sentence with the phrase rule off: the first conjunct only
    got = _finder_run(pipeline, [
        ("Hungary", "PROPN", "nsubj", 1, None, "B-GPE"), ("lifted", "VERB", "ROOT", 1, "lift"),
        ("the", "DET", "det", 3), ("veto", "NOUN", "dobj", 1), ("on", "ADP", "prep", 3),
        ("Finland", "PROPN", "poss", 10, None, "B-GPE"), ("'s", "PART", "case", 5), ("and", "CCONJ", "cc", 5),
        ("Sweden", "PROPN", "conj", 5, None, "B-GPE"), ("'s", "PART", "case", 8),
        ("membership", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 1),
    ], "coordinated_modifier_distributes",
        lambda f, doc: f.objects(doc[1], etype="AGREE", wanted_prep=None, visit=False))
    assert got == [["FIN", "SWE"], ["FIN"]]


def test_coordinated_possessor_of_an_event_noun_each_acts(pipeline):
    # "The navy acquired vessels with US and UK assistance.": the assistance is both states'
    got = _finder_run(pipeline, [
        ("The", "DET", "det", 1), ("navy", "NOUN", "nsubj", 2), ("acquired", "VERB", "ROOT", 2, "acquire"),
        ("vessels", "NOUN", "dobj", 2, "vessel"), ("with", "ADP", "prep", 3),
        ("US", "PROPN", "nmod", 8, None, "B-GPE"), ("and", "CCONJ", "cc", 5), ("UK", "PROPN", "conj", 5, None, "B-GPE"),
        ("assistance", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 2),
    ], "coordinated_modifier_distributes", lambda f, doc: f.nominal(doc[8])[0])
    assert got == [["USA", "GBR"], ["USA"]]


@pytest.mark.parametrize("comma", [True, False])
def test_along_with_is_a_conjunct(pipeline, comma):
    # "Bahrain , along with Egypt , cut ties .": Egypt cut ties too (it was Bahrain alone); with no comma setting
    # the phrase off, "Bahrain along with Egypt" is left to the parse
    tokens = [
        ("Bahrain", "PROPN", "nsubj", 6, None, "B-GPE"), ("," if comma else "-", "PUNCT", "punct", 0),
        ("along", "ADP", "prep", 0), ("with", "ADP", "prep", 2), ("Egypt", "PROPN", "pobj", 3, None, "B-GPE"),
        (",", "PUNCT", "punct", 0), ("cut", "VERB", "ROOT", 6, "cut"), ("ties", "NOUN", "dobj", 6, "tie"),
        (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "along_with_is_a_conjunct", lambda f, doc: f.with_conj(doc[0]))
    assert got == ([["BHR", "EGY"], ["BHR"]] if comma else [["BHR"], ["BHR"]])


def test_along_with_is_a_conjunct_only_of_a_named_actor(pipeline):
    # "Chile negotiated the release , together with Peru .": Peru negotiated with Chile, it is no side of the release
    # (the rule made it one, so the target of the negotiating)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("negotiated", "VERB", "ROOT", 1, "negotiate"),
              ("the", "DET", "det", 3), ("release", "NOUN", "dobj", 1, "release"), (",", "PUNCT", "punct", 3),
              ("together", "ADV", "advmod", 6), ("with", "ADP", "prep", 3), ("Peru", "PROPN", "pobj", 6, None, "B-GPE"),
              (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "along_with_is_a_conjunct", lambda f, doc: f.with_conj(doc[3]))
    assert "PER" not in got[0]


def test_place_of_is_a_place(pipeline):
    # "Russia deployed peacekeepers to the region of Armenia.": Armenia names where, not a party
    tokens = [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("deployed", "VERB", "ROOT", 1, "deploy"),
        ("peacekeepers", "NOUN", "dobj", 1, "peacekeeper"), ("to", "ADP", "prep", 1), ("the", "DET", "det", 5),
        ("region", "NOUN", "pobj", 3), ("of", "ADP", "prep", 5), ("Armenia", "PROPN", "pobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ]
    got = _finder_run(pipeline, tokens, "place_of_is_a_place",
                      lambda f, doc: f.objects(doc[1], etype="MOBILIZE", wanted_prep="to", visit=False))
    assert got == [[], ["ARM"]]


def test_a_patron_joined_by_a_hyphen_names_no_side(subjects):
    # "Iranian - made drones hit Kyiv .": the drones' unnamed force hit Kyiv, not Iran (it was the source)
    tokens = [
        ("Iranian", "ADJ", "npadvmod", 2, "iranian", "B-NORP"), ("-", "PUNCT", "punct", 2),
        ("made", "VERB", "amod", 3, "make", None, "VBN"), ("drones", "NOUN", "nsubj", 4, "drone", None, "NNS"),
        ("hit", "VERB", "ROOT", 4, "hit", None, "VBD"), ("Kyiv", "PROPN", "dobj", 4, None, "B-GPE"),
        (".", "PUNCT", "punct", 4),
    ]
    on, _ = subjects(tokens, 4, "agent_noun_subject")
    assert on and "IRN" not in on


def test_a_text_not_issued_speaks_for_no_one(subjects):
    # "Chile failed to adopt a resolution urging Peru .": the resolution was not adopted, so Chile urged no one
    on, _ = subjects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("failed", "VERB", "ROOT", 1, "fail"), ("to", "PART", "aux", 3),
        ("adopt", "VERB", "xcomp", 1, "adopt"), ("a", "DET", "det", 5), ("resolution", "NOUN", "dobj", 3, "resolution"),
        ("urging", "VERB", "acl", 5, "urge", None, "VBG"), ("Peru", "PROPN", "dobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 6, "text_speaks_for_its_issuer")
    assert "CHL" not in on


def test_plural_countries_take_up_coordination(pipeline):
    # "Sweden and Finland applied. Turkey blamed the Nordic countries.": both states, not the last one
    tokens = [
        ("Sweden", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Finland", "PROPN", "conj", 0, None, "B-GPE"), ("applied", "VERB", "ROOT", 3, "apply"),
        (".", "PUNCT", "punct", 3),
        ("Turkey", "PROPN", "nsubj", 6, None, "B-GPE"), ("blamed", "VERB", "ROOT", 6, "blame"),
        ("the", "DET", "det", 9), ("Nordic", "ADJ", "amod", 9, "nordic"),
        ("countries", "NOUN", "dobj", 6, "country", None, "NNS"), (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "plural_countries_take_up_coordination",
                      lambda f, doc: f.objects(doc[6], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == ["SWE", "FIN"] and got[1] != got[0]


def test_plural_countries_count_must_match(pipeline):
    # "Sweden and Finland applied. Turkey blamed the three countries.": a pair is not three countries
    tokens = [
        ("Sweden", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Finland", "PROPN", "conj", 0, None, "B-GPE"), ("applied", "VERB", "ROOT", 3, "apply"),
        (".", "PUNCT", "punct", 3),
        ("Turkey", "PROPN", "nsubj", 6, None, "B-GPE"), ("blamed", "VERB", "ROOT", 6, "blame"),
        ("the", "DET", "det", 9), ("three", "NUM", "nummod", 9),
        ("countries", "NOUN", "dobj", 6, "country", None, "NNS"), (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "plural_countries_take_up_coordination",
                      lambda f, doc: f.objects(doc[6], etype="ACCUSE", wanted_prep=None, visit=False))
    assert "SWE" not in got[0]


def test_plural_countries_are_none_of_the_sentences_other_parties(pipeline):
    # "Sweden and Finland applied . Chile and Peru met . Chile blamed the Nordic countries .": the last coordination
    # holds Chile, the blamer, so the countries are the one before it
    tokens = [
        ("Sweden", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Finland", "PROPN", "conj", 0, None, "B-GPE"), ("applied", "VERB", "ROOT", 3, "apply"),
        (".", "PUNCT", "punct", 3),
        ("Chile", "PROPN", "nsubj", 8, None, "B-GPE"), ("and", "CCONJ", "cc", 5),
        ("Peru", "PROPN", "conj", 5, None, "B-GPE"), ("met", "VERB", "ROOT", 8, "meet"), (".", "PUNCT", "punct", 8),
        ("Chile", "PROPN", "nsubj", 11, None, "B-GPE"), ("blamed", "VERB", "ROOT", 11, "blame"),
        ("the", "DET", "det", 14), ("Nordic", "ADJ", "amod", 14, "nordic"),
        ("countries", "NOUN", "dobj", 11, "country", None, "NNS"), (".", "PUNCT", "punct", 11),
    ]
    got = _finder_run(pipeline, tokens, "plural_countries_take_up_coordination",
                      lambda f, doc: f.objects(doc[11], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == ["SWE", "FIN"]


def test_owner_pronoun_is_clause_subject(pipeline):
    # "Macron asserted his support for Finland.": his support is Macron's (France's)
    tokens = [
        ("Emmanuel", "PROPN", "compound", 1, None, "B-PERSON"), ("Macron", "PROPN", "nsubj", 2, None, "I-PERSON"),
        ("asserted", "VERB", "ROOT", 2, "assert"), ("his", "PRON", "poss", 4), ("support", "NOUN", "dobj", 2),
        ("for", "ADP", "prep", 4), ("Finland", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 2),
    ]
    got = _finder_run(pipeline, tokens, "owner_pronoun_is_clause_subject", lambda f, doc: f.nominal(doc[4])[0])
    assert got == [["FRA"], []]


def test_membership_named_before(objects):
    # "Sweden applied for NATO membership after Finland applied for membership.": the second is NATO's too
    tokens = [
        ("Sweden", "PROPN", "nsubj", 1, None, "B-GPE"), ("applied", "VERB", "ROOT", 1, "apply"),
        ("for", "ADP", "prep", 1), ("NATO", "PROPN", "compound", 4, None, "B-ORG"), ("membership", "NOUN", "pobj", 2),
        ("after", "ADP", "mark", 7), ("Finland", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("applied", "VERB", "advcl", 1, "apply"), ("for", "ADP", "prep", 7), ("membership", "NOUN", "pobj", 8),
        (".", "PUNCT", "punct", 1),
    ]
    on, off = objects(tokens, 7, "REQUEST", "membership_named_before")
    assert len(on) == 1 and on[0] not in {"FIN", "SWE"} and off == []


def _evaluation_targets(pipeline, tokens, rule, trigger):
    return _finder_run(pipeline, tokens, rule, lambda f, doc: f.evaluation(doc[trigger], None)[1])


def test_fronted_naming_names_the_report(pipeline):
    # "Calling it reckless, China said the Japanese and the UK's exports showed double standards.": the "it" points
    # ahead to what is reported, whose authors are judged
    tokens = [
        ("Calling", "VERB", "advcl", 5, "call"), ("it", "PRON", "dobj", 0), ("irresponsible", "ADJ", "oprd", 0),
        (",", "PUNCT", "punct", 5), ("China", "PROPN", "nsubj", 5, None, "B-GPE"), ("said", "VERB", "ROOT", 5, "say"),
        ("the", "DET", "det", 7), ("Japan", "PROPN", "nsubj", 13, None, "B-GPE"), ("and", "CCONJ", "cc", 7),
        ("the", "DET", "det", 10), ("UK", "PROPN", "poss", 12, None, "B-GPE"), ("'s", "PART", "case", 10),
        ("exports", "NOUN", "conj", 7, "export"), ("showed", "VERB", "ccomp", 5, "show"),
        ("double", "ADJ", "amod", 15), ("standards", "NOUN", "dobj", 13, "standard"), (".", "PUNCT", "punct", 5),
    ]
    on, off = _evaluation_targets(pipeline, tokens, "fronted_naming_names_the_report", 2)
    assert on == ["JPN", "GBR"] and off == []


def test_help_with_goes_to_the_subject(pipeline):
    # "Australia will build submarines with US and UK assistance.": the helpers aid the builder
    tokens = [
        ("Australia", "PROPN", "nsubj", 2, None, "B-GPE"), ("will", "AUX", "aux", 2), ("build", "VERB", "ROOT", 2),
        ("submarines", "NOUN", "dobj", 2, "submarine"), ("with", "ADP", "prep", 2),
        ("US", "PROPN", "nmod", 8, None, "B-GPE"), ("and", "CCONJ", "cc", 5), ("UK", "PROPN", "conj", 5, None, "B-GPE"),
        ("assistance", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 2),
    ]
    got = _finder_run(pipeline, tokens, "help_with_goes_to_the_subject", lambda f, doc: f.nominal(doc[8])[1])
    assert got == [["AUS"], []]


def test_a_not_on_a_noun_above_the_trigger_does_not_negate_it(pipeline):
    # "Australia will acquire vessels, although not nuclear-armed, with US assistance.": the "not" is the vessels'
    from detente.events.modality import read_modality

    parsed = build(pipeline.nlp.vocab, [
        ("Australia", "PROPN", "nsubj", 2, None, "B-GPE"), ("will", "AUX", "aux", 2), ("acquire", "VERB", "ROOT", 2),
        ("although", "SCONJ", "mark", 7), ("not", "PART", "neg", 7), ("armed", "ADJ", "amod", 7),
        (",", "PUNCT", "punct", 7), ("vessels", "NOUN", "advcl", 2, "vessel"), ("with", "ADP", "prep", 7),
        ("US", "PROPN", "nmod", 10, None, "B-GPE"), ("assistance", "NOUN", "pobj", 8), (".", "PUNCT", "punct", 2),
    ], published=DATED)
    sent = parsed.doc[:]
    lex = pipeline.coder.lex
    assert not read_modality(parsed.doc[10], sent, lex).negated
    # a "not" on the verb above still negates: "did not acquire vessels with US assistance"
    parsed2 = build(pipeline.nlp.vocab, [
        ("Australia", "PROPN", "nsubj", 3, None, "B-GPE"), ("did", "AUX", "aux", 3), ("not", "PART", "neg", 3),
        ("acquire", "VERB", "ROOT", 3), ("vessels", "NOUN", "dobj", 3, "vessel"), ("with", "ADP", "prep", 3),
        ("US", "PROPN", "nmod", 7, None, "B-GPE"), ("assistance", "NOUN", "pobj", 5), (".", "PUNCT", "punct", 3),
    ], published=DATED)
    assert read_modality(parsed2.doc[7], parsed2.doc[:], lex).negated


def _events(pipeline, tokens, rule, identity_off=frozenset()):
    """The events (type, source countries, target countries) of a hand-built Doc with every rule and without
    ``rule`` (the actors resolved without the identity rules ``identity_off``)."""
    from detente.events.extract import EventCoder

    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    mentions = pipeline.resolver.resolve(parsed, disabled=identity_off)
    coder = pipeline.coder
    out = []
    for disabled in (frozenset(), frozenset({rule})):
        c = EventCoder(coder.lex, agents=coder.agents, disabled=disabled)
        out.append([(e.type, [m.actor.country or m.actor.name for m in e.source if m.actor],
                     [m.actor.country or m.actor.name for m in e.target if m.actor])
                    for e in c.code(parsed, mentions)])
    return out


def test_worry_of_about(pipeline):
    # "The pact heightened the concerns of Australia and Japan about Chinese influence.": both disapprove of China
    on, off = _events(pipeline, [
        ("The", "DET", "det", 1), ("pact", "NOUN", "nsubj", 2), ("heightened", "VERB", "ROOT", 2, "heighten"),
        ("the", "DET", "det", 4), ("concerns", "NOUN", "dobj", 2, "concern"), ("of", "ADP", "prep", 4),
        ("Australia", "PROPN", "pobj", 5, None, "B-GPE"), ("and", "CCONJ", "cc", 6),
        ("Japan", "PROPN", "conj", 6, None, "B-GPE"), ("about", "ADP", "prep", 4),
        ("Chinese", "ADJ", "amod", 11, "chinese", "B-NORP"), ("influence", "NOUN", "pobj", 9),
        (".", "PUNCT", "punct", 2),
    ], "worry_of_about")
    assert ("ACCUSE", ["AUS", "JPN"], ["CHN"]) in on
    assert not any(t == ["CHN"] for _, _, t in off)


def test_designation_as_enemy_and_the_reduced_passive(pipeline):
    # "Sweden backed the PKK, designated as a terrorist group by Turkey and the EU.": Turkey and the EU
    # sanction the PKK; Sweden does not designate anyone
    tokens = [
        ("Sweden", "PROPN", "nsubj", 1, None, "B-GPE"), ("backed", "VERB", "ROOT", 1, "back"),
        ("the", "DET", "det", 3), ("PKK", "PROPN", "dobj", 1, None, "B-ORG"), (",", "PUNCT", "punct", 1),
        ("designated", "VERB", "advcl", 1, "designate", None, "VBN"), ("as", "ADP", "prep", 5), ("a", "DET", "det", 9),
        ("terrorist", "ADJ", "amod", 9), ("group", "NOUN", "pobj", 6), ("by", "ADP", "prep", 9),
        ("Turkey", "PROPN", "pobj", 10, None, "B-GPE"), ("and", "CCONJ", "cc", 11), ("the", "DET", "det", 14),
        ("EU", "PROPN", "conj", 11, None, "B-ORG"), (".", "PUNCT", "punct", 1),
    ]
    on, off = _events(pipeline, tokens, "designation_as_enemy")
    # (the PKK resolves to a Turkish armed group: its country is TUR; the EU is an IGO)
    assert ("COERCE", ["TUR", "IGO"], ["TUR"]) in on and not [e for e in off if e[0] == "COERCE"]
    _, off_agent = _events(pipeline, tokens, "reduced_passive_agent")
    assert ("COERCE", ["SWE"], ["TUR"]) in off_agent  # without it, the clause's subject designates
    _, off_patient = _events(pipeline, tokens, "reduced_passive_patient")
    assert ("COERCE", ["TUR", "IGO"], []) in off_patient  # without it, no one is designated


def test_an_agentless_reduced_passive_has_no_source(subjects):
    # "Chile and Peru agreed to restore flights, suspended for years.": those who agree did not suspend them
    on, off = subjects([
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("agreed", "VERB", "ROOT", 3, "agree"),
        ("to", "PART", "aux", 5), ("restore", "VERB", "xcomp", 3),
        ("flights", "NOUN", "dobj", 5, "flight"), (",", "PUNCT", "punct", 3),
        ("suspended", "VERB", "advcl", 3, "suspend", None, "VBN"), ("for", "ADP", "prep", 8),
        ("years", "NOUN", "pobj", 9, "year"), (".", "PUNCT", "punct", 3),
    ], 8, "reduced_passive_agent")
    assert on == [] and sorted(off) == ["CHL", "PER"]


def test_a_dateline_is_not_the_speaker_a_pronoun_stands_for(subjects):
    # "TBILISI (Reuters) - Armenia said it would leave.": "it" is Armenia, not the dateline's city
    on, off = subjects([
        ("TBILISI", "PROPN", "nsubj", 6, None, "B-GPE"), ("(", "PUNCT", "punct", 0), ("Reuters", "PROPN", "appos", 0),
        (")", "PUNCT", "punct", 0), ("–", "PUNCT", "punct", 0), ("Armenia", "PROPN", "nsubj", 6, None, "B-GPE"),
        ("said", "VERB", "ROOT", 6, "say"), ("it", "PRON", "nsubj", 9), ("would", "AUX", "aux", 9),
        ("leave", "VERB", "ccomp", 6), (".", "PUNCT", "punct", 6),
    ], 9, "pronoun_is_speaker")
    assert on == ["ARM"]


def test_drifting_closer_or_away(pipeline):
    # "Azerbaijan has drawn closer to Russia.": alignment with Russia; "Armenia drifted away from Russia.": a cooling
    closer = [
        ("Azerbaijan", "PROPN", "nsubj", 2, None, "B-GPE"), ("has", "AUX", "aux", 2),
        ("drawn", "VERB", "ROOT", 2, "draw", None, "VBN"), ("closer", "ADV", "advmod", 2, "close"),
        ("to", "ADP", "prep", 3), ("Russia", "PROPN", "pobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 2),
    ]
    on, off = _events(pipeline, closer, "drifting_closer_or_away")
    assert ("SUPPORT", ["AZE"], ["RUS"]) in on and not any(e[0] == "SUPPORT" for e in off)
    _, off_partner = _events(pipeline, closer, "drift_partner")
    assert ("SUPPORT", ["AZE"], []) in off_partner  # without the object rule, "to Russia" hangs where none looks
    away = [
        ("Armenia", "PROPN", "nsubj", 1, None, "B-GPE"), ("drifted", "VERB", "ROOT", 1, "drift"),
        ("away", "ADV", "advmod", 1), ("from", "ADP", "prep", 2), ("Russia", "PROPN", "pobj", 3, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ]
    on, off = _events(pipeline, away, "drifting_closer_or_away")
    assert ("SANCTION", ["ARM"], ["RUS"]) in on and not any(e[0] == "SANCTION" for e in off)


def test_participants_act(pipeline):
    # "Armenia would participate in naval exercises with the US.": Armenia exercises with the US
    tokens = [
        ("Armenia", "PROPN", "nsubj", 2, None, "B-GPE"), ("would", "AUX", "aux", 2),
        ("participate", "VERB", "ROOT", 2, "participate"), ("in", "ADP", "prep", 2), ("naval", "ADJ", "amod", 5),
        ("exercises", "NOUN", "pobj", 3, "exercise"), ("with", "ADP", "prep", 5), ("the", "DET", "det", 8),
        ("US", "PROPN", "pobj", 6, None, "B-GPE"), (".", "PUNCT", "punct", 2),
    ]
    got = _finder_run(pipeline, tokens, "participants_act", lambda f, doc: f.nominal(doc[5])[0])
    assert got == [["ARM"], []]


@pytest.mark.parametrize("verb, lemma, expected", [("said", "say", ["RUS"]), ("met", "meet", [])])
def test_meeting_sets_the_clause(pipeline, verb, lemma, expected):
    # "On a visit to Cuba, Russia said ...": Russia's visit; "On a visit to Cuba, Russia met ...": the verb is the
    # meeting (no second source for the noun)
    tokens = [
        ("On", "ADP", "prep", 6), ("a", "DET", "det", 2), ("visit", "NOUN", "pobj", 0), ("to", "ADP", "prep", 2),
        ("Cuba", "PROPN", "pobj", 3, None, "B-GPE"), ("Russia", "PROPN", "nsubj", 6, None, "B-GPE"),
        (verb, "VERB", "ROOT", 6, lemma), ("officials", "NOUN", "dobj", 6, "official"), (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "meeting_sets_the_clause", lambda f, doc: f.nominal(doc[2])[0])
    assert got == [expected, []]


def test_a_visit_in_a_with_phrase_is_the_clauses(pipeline):
    # "Chile reciprocated with a visit to Peru .": Chile's visit (it had no source)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("reciprocated", "VERB", "ROOT", 1, "reciprocate"),
              ("with", "ADP", "prep", 1), ("a", "DET", "det", 4), ("visit", "NOUN", "pobj", 2, "visit"),
              ("to", "ADP", "prep", 4), ("Peru", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "meeting_sets_the_clause", lambda f, doc: f.nominal(doc[4])[0])
    assert got == [["CHL"], []]


def test_talks_set_their_clause_whatever_the_lemma(pipeline):
    # "Chile is in talks with Peru .": the talks ("talks", lemma "talk") are Chile's; the rule read only "talk" and
    # the talks had no source
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("is", "AUX", "ROOT", 1, "be"), ("in", "ADP", "prep", 1),
              ("talks", "NOUN", "pobj", 2, "talk"), ("with", "ADP", "prep", 3), ("Peru", "PROPN", "pobj", 4, None, "B-GPE"),
              (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "meeting_sets_the_clause", lambda f, doc: f.nominal(doc[3])[0])
    assert got[0] == ["CHL"]


def test_meeting_that_sets_a_passive_clause_is_not_its_subjects(pipeline):
    # "Chile said the pact was signed at a meeting .": the pact did not meet (nor Chile, the speaker: it was Chile)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"),
              ("the", "DET", "det", 3), ("pact", "NOUN", "nsubjpass", 5, "pact"), ("was", "AUX", "auxpass", 5, "be"),
              ("signed", "VERB", "ccomp", 1, "sign", None, "VBN"), ("at", "ADP", "prep", 5), ("a", "DET", "det", 8),
              ("meeting", "NOUN", "pobj", 6, "meeting"), (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "meeting_sets_the_clause", lambda f, doc: f.nominal(doc[8])[0])
    assert got[0] == []


@pytest.mark.parametrize("obj, expected", [(True, ["CHL"]), (False, [])])
def test_manner_of_the_clauses_act(pipeline, obj, expected):
    # "Chile took the port in an offensive ." : Chile's offensive; "Chile suffered in an offensive ." has no object
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("took" if obj else "suffered", "VERB", "ROOT", 1,
                                                               "take" if obj else "suffer")]
    tokens += [("the", "DET", "det", 3), ("port", "NOUN", "dobj", 1)] if obj else \
        [("there", "ADV", "advmod", 1), ("again", "ADV", "advmod", 1)]
    tokens += [("in", "ADP", "prep", 1), ("an", "DET", "det", 6), ("offensive", "NOUN", "pobj", 4),
               (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "manner_of_the_clauses_act", lambda f, doc: f.nominal(doc[6])[0])
    assert got[0] == expected and got[1] == []


@pytest.mark.parametrize("noun, lemma, expected", [("responsibility", "responsibility", ["CHL"]),
                                                  ("hostages", "hostage", [])])
def test_claimed_act_is_the_claimers(pipeline, noun, lemma, expected):
    # "Chile claimed responsibility for the attack .": Chile's attack (it had no source); "Chile claimed hostages
    # for the attack ." claims no act
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("claimed", "VERB", "ROOT", 1, "claim"),
              (noun, "NOUN", "dobj", 1, lemma), ("for", "ADP", "prep", 2), ("the", "DET", "det", 5),
              ("attack", "NOUN", "pobj", 3, "attack"), (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "claimed_act_is_the_claimers", lambda f, doc: f.nominal(doc[5])[0])
    assert got[0] == expected and got[1] == []


def test_visit_to_a_capital(pipeline):
    # "France's trip to Beijing ended.": a visit to China ("the summit in Beijing" stays a place)
    tokens = [
        ("France", "PROPN", "poss", 2, None, "B-GPE"), ("'s", "PART", "case", 0), ("trip", "NOUN", "nsubj", 5),
        ("to", "ADP", "prep", 2), ("Beijing", "PROPN", "pobj", 3, None, "B-GPE"), ("ended", "VERB", "ROOT", 5, "end"),
        (".", "PUNCT", "punct", 5),
    ]
    got = _finder_run(pipeline, tokens, "visit_to_a_capital", lambda f, doc: f.nominal(doc[2])[1])
    assert got == [["CHN"], []]


def test_parties_of_an_undone_act(pipeline):
    # "Chilean sanctions against Peru were lifted.": the sanctions' author lifts them, on the one they were against
    tokens = [
        ("Chilean", "ADJ", "amod", 1, None, "B-NORP"), ("sanctions", "NOUN", "nsubjpass", 5, "sanction"),
        ("against", "ADP", "prep", 1), ("Peru", "PROPN", "pobj", 2, None, "B-GPE"), ("were", "AUX", "auxpass", 5, "be"),
        ("lifted", "VERB", "ROOT", 5, "lift", None, "VBN"), (".", "PUNCT", "punct", 5),
    ]
    sides = [_finder_run(pipeline, tokens, "parties_of_an_undone_act", lambda f, doc, k=k: f.verbal(
        doc[5], etype="RETREAT", cameo="085", wanted_prep=None, ctx=Context())[k]) for k in (0, 1)]
    assert sides == [[["CHL"], []], [["PER"], ["CHL"]]]


# -- issue 12 (branch probe12): ties in a passive subject, the body that meets --------------------------------------
def test_parties_of_a_passive_tie(pipeline):
    # "Ties between Chile and Peru were severed.": the act is between the two named in the subject
    from detente.events.rules import vetoed

    tokens = [
        ("Ties", "NOUN", "nsubjpass", 6, "tie"), ("between", "ADP", "prep", 0), ("Chile", "PROPN", "pobj", 1, None, "B-GPE"),
        ("and", "CCONJ", "cc", 2), ("Peru", "PROPN", "conj", 2, None, "B-GPE"), ("were", "AUX", "auxpass", 6, "be"),
        ("severed", "VERB", "ROOT", 6, "sever", None, "VBN"), (".", "PUNCT", "punct", 6),
    ]
    on, off = _finder_run(pipeline, tokens, "parties_of_a_passive_tie", lambda f, doc: f.verbal(
        doc[6], etype="SANCTION", cameo="161", wanted_prep=None, ctx=Context())[0])
    assert on == ["CHL", "PER"] and off == []
    # "Chile's membership in NATO was “frozen”.": a quoted participle the parser hangs on "be" as its complement
    tokens = [
        ("Chile", "PROPN", "poss", 2, None, "B-GPE"), ("'s", "PART", "case", 0), ("membership", "NOUN", "nsubj", 5),
        ("in", "ADP", "prep", 2), ("NATO", "PROPN", "pobj", 3, None, "B-ORG"), ("was", "AUX", "ROOT", 5, "be"),
        ("“", "PUNCT", "punct", 7), ("frozen", "VERB", "acomp", 5, "freeze", None, "VBN"), ("”", "PUNCT", "punct", 7),
        (".", "PUNCT", "punct", 5),
    ]
    run = _finder_run(pipeline, tokens, "parties_of_a_passive_tie", lambda f, doc: [
        m for part in f.verbal(doc[7], etype="SANCTION", cameo="160", wanted_prep=None, ctx=Context()) for m in part])
    assert run[0] == ["CHL", "IGO"] and run[1] == []
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    assert vetoed(parsed.doc[7]) is None  # the copula's tie subject lifts the adjectival_participle veto
    # "The border was “closed”.": a state, still vetoed
    border = build(pipeline.nlp.vocab, [
        ("The", "DET", "det", 1), ("border", "NOUN", "nsubj", 2), ("was", "AUX", "ROOT", 2, "be"),
        ("closed", "VERB", "acomp", 2, "close", None, "VBN"), (".", "PUNCT", "punct", 2)], published=DATED)
    assert vetoed(border.doc[3]) == "adjectival_participle"


def test_body_that_meets(objects):
    # "Chile skipped meetings of NATO.": aimed at the body whose meetings they are
    on, off = objects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("skipped", "VERB", "ROOT", 1, "skip"),
        ("meetings", "NOUN", "dobj", 1, "meeting"), ("of", "ADP", "prep", 2), ("NATO", "PROPN", "pobj", 3, None, "B-ORG"),
        (".", "PUNCT", "punct", 1),
    ], 1, "REJECT", "body_that_meets")
    assert on == ["IGO"] and off == []
    # "meetings of Chile and Peru": states meeting are no body
    on, _ = objects([
        ("NATO", "PROPN", "nsubj", 1, None, "B-ORG"), ("skipped", "VERB", "ROOT", 1, "skip"),
        ("meetings", "NOUN", "dobj", 1, "meeting"), ("of", "ADP", "prep", 2), ("Chile", "PROPN", "pobj", 3, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], 1, "REJECT", "body_that_meets")
    assert on == []


def test_reaction_to_owner(subjects):
    # "Chile condemned the Peruvian ambassador after its choice to arm rebels in Bolivia": the choice is Peru's
    on, off = subjects([
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("condemned", "VERB", "ROOT", 1, "condemn"),
        ("the", "DET", "det", 4), ("Peruvian", "ADJ", "amod", 4, None, "B-NORP"), ("ambassador", "NOUN", "dobj", 1),
        ("after", "ADP", "prep", 1), ("its", "PRON", "poss", 7), ("choice", "NOUN", "pobj", 5),
        ("to", "PART", "aux", 9), ("arm", "VERB", "acl", 7), ("rebels", "NOUN", "dobj", 9, "rebel"),
        ("in", "ADP", "prep", 10), ("Bolivia", "PROPN", "pobj", 11, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], 9, "reaction_to_owner")
    # without the rule: no source (order_issuer_acts does not climb from a choice one reacts to up to Chile)
    assert on == ["PER"] and off == []


def test_the_two_is_the_pair(pipeline):
    # "Chile and Peru applied. Bolivia blamed the two countries.": both of the pair as the object, not the first
    tokens = [
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("applied", "VERB", "ROOT", 3, "apply"),
        (".", "PUNCT", "punct", 3),
        ("Bolivia", "PROPN", "nsubj", 6, None, "B-GPE"), ("blamed", "VERB", "ROOT", 6, "blame"),
        ("the", "DET", "det", 9), ("two", "NUM", "nummod", 9),
        ("countries", "NOUN", "dobj", 6, "country", None, "NNS"), (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "the_two_is_the_pair",
                      lambda f, doc: f.objects(doc[6], etype="ACCUSE", wanted_prep=None, visit=False))
    assert sorted(got[0]) == ["CHL", "PER"] and got[1] == ["CHL"]
    # "Chile, Peru and Ecuador applied. Bolivia blamed the two countries.": two of three is no pair
    three = [
        ("Chile", "PROPN", "nsubj", 5, None, "B-GPE"), (",", "PUNCT", "punct", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("and", "CCONJ", "cc", 2),
        ("Ecuador", "PROPN", "conj", 2, None, "B-GPE"), ("applied", "VERB", "ROOT", 5, "apply"),
        (".", "PUNCT", "punct", 5),
        ("Bolivia", "PROPN", "nsubj", 8, None, "B-GPE"), ("blamed", "VERB", "ROOT", 8, "blame"),
        ("the", "DET", "det", 11), ("two", "NUM", "nummod", 11),
        ("countries", "NOUN", "dobj", 8, "country", None, "NNS"), (".", "PUNCT", "punct", 8),
    ]
    got = _finder_run(pipeline, three, "the_two_is_the_pair",
                      lambda f, doc: f.objects(doc[8], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == []


def test_concern_if_others_act(pipeline):
    # "Chile would have concerns if steps were taken by Peru.": the worry is about what Peru would do
    tokens = [
        ("Chile", "PROPN", "nsubj", 2, None, "B-GPE"), ("would", "AUX", "aux", 2), ("have", "VERB", "ROOT", 2, "have"),
        ("concerns", "NOUN", "dobj", 2, "concern"), ("if", "SCONJ", "mark", 7), ("steps", "NOUN", "nsubjpass", 7, "step"),
        ("were", "AUX", "auxpass", 7, "be"), ("taken", "VERB", "advcl", 2, "take", None, "VBN"),
        ("by", "ADP", "agent", 7), ("Peru", "PROPN", "pobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 2),
    ]
    got = _finder_run(pipeline, tokens, "concern_if_others_act",
                      lambda f, doc: f.objects(doc[2], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == ["PER"] and got[1] == []


def test_a_headlines_worried_name_is_the_source(pipeline):
    # "China alarmed by Japan's drills" (verbless headline): China is worried (the source), not what was done to
    tokens = [("China", "PROPN", "ROOT", 0, None, "B-GPE"), ("alarmed", "VERB", "acl", 0, "alarm"),
              ("by", "ADP", "agent", 1), ("Japan", "PROPN", "poss", 5, None, "B-GPE"), ("'s", "PART", "case", 3),
              ("drills", "NOUN", "pobj", 2, "drill")]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    coder = pipeline.coder
    finder = ArgumentFinder(sp, coder.event_nouns, coder.agents, coder.noun_types, frozenset())
    source, target = finder.verbal(parsed.doc[1], etype="ACCUSE", cameo="110", wanted_prep="by", ctx=Context())
    assert [m.actor.country for m in source] == ["CHN"] and [m.actor.country for m in target] == ["JPN"]


@pytest.mark.parametrize("root_pos, author", [("VERB", ["ARM"]), ("NOUN", [])])
def test_whose_act_displeased_is_the_main_verbs_subject(pipeline, root_pos, author):
    # "Armenia ratified the treaty, angering Russia": the participle's author is the main verb's subject (not the
    # climb's nearest noun); a headline the parser reads as a noun phrase has no verb, so no author
    from detente.events.extract import _displeasing_author

    tokens = [("Armenia", "PROPN", "nsubj", 1, None, "B-GPE"), ("ratified", root_pos, "ROOT", 1, "ratify"),
              ("the", "DET", "det", 3), ("treaty", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 1),
              ("angering", "VERB", "advcl", 1, "anger", None, "VBG"), ("Russia", "PROPN", "dobj", 5, None, "B-GPE")]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    wrong = [sp.mention_for(parsed.doc[6])]  # what a climb gone astray could give
    assert [m.actor.country for m in _displeasing_author(parsed.doc[5], wrong, sp)] == author


@pytest.mark.parametrize("det, generic", [("the", True), ("its", False)])
def test_the_sources_own_agent_is_no_other_party(objects, det, generic):
    # "France recalled the ambassador": an unnamed party; "France recalled its ambassador": France's own, no party
    on, _ = objects([
        ("France", "PROPN", "nsubj", 1, None, "B-GPE"), ("recalled", "VERB", "ROOT", 1, "recall"),
        (det, "DET" if det == "the" else "PRON", "det" if det == "the" else "poss", 3),
        ("ambassador", "NOUN", "dobj", 1, "ambassador"), (".", "PUNCT", "punct", 1),
    ], 1, "SANCTION", "generic_object")
    assert (on != []) == generic


def test_the_two_countries_are_the_last_events_dyad(subjects):
    # "Egypt recalled its envoy from Ethiopia. The two countries cut ties." (no pair named together): the two states
    # of the last event between two (Context.last_dyad)
    tokens = [
        ("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("recalled", "VERB", "ROOT", 1, "recall"),
        ("its", "PRON", "poss", 3), ("envoy", "NOUN", "dobj", 1), ("from", "ADP", "prep", 1),
        ("Ethiopia", "PROPN", "pobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
        ("The", "DET", "det", 9, "the"), ("two", "NUM", "nummod", 9), ("countries", "NOUN", "nsubj", 10, "country"),
        ("cut", "VERB", "ROOT", 10, "cut"), ("ties", "NOUN", "dobj", 10, "tie"), (".", "PUNCT", "punct", 10),
    ]

    def dyad(c, sp):
        egypt, ethiopia = [m for m in sp.mentions if m.actor is not None][:2]
        c.last_dyad, c.last_dyad_end = (egypt, ethiopia), ethiopia.end

    on, off = subjects(tokens, 10, "the_two_is_last_pair", dyad)
    assert sorted(on) == ["EGY", "ETH"] and sorted(off) != ["EGY", "ETH"]
    assert subjects(tokens, 10, "the_two_is_last_pair")[0] != on  # no dyad remembered: not these two


@pytest.mark.parametrize("first_dep", ["nsubj", "npadvmod"])
def test_a_headlines_comma_pair_are_both_subjects(subjects, first_dep):
    # "Chile, Peru agree to ...": a headline's comma stands for "and"; the parser makes the first a second subject
    # or an adverbial noun before the subject
    on, _ = subjects([
        ("Chile", "PROPN", first_dep, 3, None, "B-GPE"), (",", "PUNCT", "punct", 0),
        ("Peru", "PROPN", "nsubj", 3, None, "B-GPE"), ("agree", "VERB", "ROOT", 3, "agree"),
        ("to", "PART", "aux", 5), ("cooperate", "VERB", "xcomp", 3, "cooperate"),
    ], 5, "own_subject")
    assert sorted(on) == ["CHL", "PER"]


def test_what_the_pact_does(pipeline):
    # "Chile signed a declaration ending a boycott of Peru.": the one the declaration's act is done to is its party
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("signed", "VERB", "ROOT", 1, "sign", None, "VBD"),
        ("a", "DET", "det", 3), ("declaration", "NOUN", "dobj", 1), ("ending", "VERB", "acl", 3, "end", None, "VBG"),
        ("a", "DET", "det", 6), ("boycott", "NOUN", "dobj", 4), ("of", "ADP", "prep", 6),
        ("Peru", "PROPN", "pobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], "what_the_pact_does")
    signed_on = [e for e in on if e[1] == ["CHL"]]
    signed_off = [e for e in off if e[1] == ["CHL"]]
    assert signed_on and signed_on[0][2] == ["PER"]
    assert signed_off and signed_off[0][2] == []


def test_attack_told_before(pipeline):
    # "Chile struck Peru. Bolivia denounced the attack.": what is denounced is the attack told before, Chile's
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("struck", "VERB", "ROOT", 1, "strike", None, "VBD"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
        ("Bolivia", "PROPN", "nsubj", 5, None, "B-GPE"), ("denounced", "VERB", "ROOT", 5, "denounce", None, "VBD"),
        ("the", "DET", "det", 7), ("attack", "NOUN", "dobj", 5), (".", "PUNCT", "punct", 5),
    ], "attack_told_before")
    denounced_on = [e for e in on if e[1] == ["BOL"]]
    denounced_off = [e for e in off if e[1] == ["BOL"]]
    assert denounced_on and denounced_on[0][2] == ["CHL"]
    assert denounced_off and denounced_off[0][2] == []


def test_relative_pronoun_object(pipeline):
    # "Chile backs Peru, which Bolivia condemned.": what Bolivia condemned is Peru, the noun the clause is on
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("backs", "VERB", "ROOT", 1, "back", None, "VBZ"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), (",", "PUNCT", "punct", 3), ("which", "PRON", "dobj", 6),
        ("Bolivia", "PROPN", "nsubj", 6, None, "B-GPE"), ("condemned", "VERB", "relcl", 2, "condemn", None, "VBD"),
        (".", "PUNCT", "punct", 1),
    ], "relative_pronoun_object")
    assert [e for e in on if e[1] == ["BOL"]][0][2] == ["PER"]
    assert [e for e in off if e[1] == ["BOL"]][0][2] == []


def test_blocked_aid_hurts_its_recipient(pipeline):
    # "Chile blocked EU aid to Peru.": the block is aimed at Peru, denied the aid, not at the EU
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("blocked", "VERB", "ROOT", 1, "block", None, "VBD"),
        ("EU", "PROPN", "compound", 3, None, "B-ORG"), ("aid", "NOUN", "dobj", 1), ("to", "ADP", "prep", 1),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 1),
    ], "blocked_aid_hurts_its_recipient")
    assert [e for e in on if e[1] == ["CHL"]][0][2] == ["PER"]
    assert [e for e in off if e[1] == ["CHL"]][0][2] != ["PER"]


def test_helped_to_act(pipeline):
    # "Chile helped Peru meet its needs.": the parser makes Peru the infinitive's subject; Peru is the one helped
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("helped", "VERB", "ROOT", 1, "help", None, "VBD"),
        ("Peru", "PROPN", "nsubj", 3, None, "B-GPE"), ("pay", "VERB", "ccomp", 1, "pay", None, "VB"),
        ("its", "PRON", "poss", 5), ("debts", "NOUN", "dobj", 3, "debt"), (".", "PUNCT", "punct", 1),
    ], "helped_to_act")
    assert [e for e in on if e[1] == ["CHL"]][0][2] == ["PER"]
    assert [e for e in off if e[1] == ["CHL"]][0][2] == []


def test_its_counterpart_is_the_other(pipeline):
    # "Chile cut ties with Peru, accusing its neighbour.": the neighbour is Peru, the other state named
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("cut", "VERB", "ROOT", 1, "cut", None, "VBD"),
        ("ties", "NOUN", "dobj", 1, "tie"), ("with", "ADP", "prep", 2), ("Peru", "PROPN", "pobj", 3, None, "B-GPE"),
        (",", "PUNCT", "punct", 1), ("accusing", "VERB", "advcl", 1, "accuse", None, "VBG"),
        ("its", "PRON", "poss", 8), ("neighbour", "NOUN", "dobj", 6), (".", "PUNCT", "punct", 1),
    ], "its_counterpart_is_the_other")
    accusing_on = [e for e in on if e[0] == "ACCUSE"]
    accusing_off = [e for e in off if e[0] == "ACCUSE"]
    assert accusing_on and accusing_on[0][2] == ["PER"]
    assert not accusing_off or accusing_off[0][2] != ["PER"]


def test_its_asset_object(pipeline):
    # "Chile says Peru harassed its ships.": its ships are the speaker's
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("says", "VERB", "ROOT", 1, "say", None, "VBZ"),
        ("Peru", "PROPN", "nsubj", 3, None, "B-GPE"), ("harassed", "VERB", "ccomp", 1, "harass", None, "VBD"),
        ("its", "PRON", "poss", 5), ("ships", "NOUN", "dobj", 3, "ship"), (".", "PUNCT", "punct", 1),
    ], "its_asset_object")
    assert [e for e in on if e[1] == ["PER"]][0][2] == ["CHL"]
    assert [e for e in off if e[1] == ["PER"]][0][2] == []


def test_blocked_aid_package_hurts_its_recipient(pipeline):
    # "Chile vetoed an EU aid package for Peru.": aid named as a compound on the object
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("vetoed", "VERB", "ROOT", 1, "veto", None, "VBD"),
        ("an", "DET", "det", 5), ("EU", "PROPN", "compound", 5, None, "B-ORG"), ("aid", "NOUN", "compound", 5),
        ("package", "NOUN", "dobj", 1), ("for", "ADP", "prep", 5), ("Peru", "PROPN", "pobj", 6, None, "B-GPE"),
        (".", "PUNCT", "punct", 1),
    ], "blocked_aid_hurts_its_recipient")
    assert [e for e in on if e[1] == ["CHL"]][0][2] == ["PER"]
    assert [e for e in off if e[1] == ["CHL"]][0][2] != ["PER"]


def test_body_named_after_its_noun(pipeline):
    # "Chile left the bloc ECOWAS.": the parser does not join the name to the noun; the bloc is ECOWAS
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("left", "VERB", "ROOT", 1, "leave", None, "VBD"),
        ("the", "DET", "det", 3), ("bloc", "NOUN", "dobj", 1), ("ECOWAS", "VERB", "advcl", 1, None, "B-ORG"),
        (".", "PUNCT", "punct", 1),
    ], "body_named_after_its_noun", identity_off=frozenset({"bloc_by_its_kind"}))  # (which reads "the bloc" too)
    assert [e for e in on if e[1] == ["CHL"]][0][2] == ["IGO"]  # ECOWAS: country code IGO
    assert [e for e in off if e[1] == ["CHL"]][0][2] == []


def test_the_group_told_before_and_object_of_the_next_conjunct(pipeline):
    # "Hamas attacked Israel. Iran armed and trained the group.": the group is Hamas, and the object after "trained"
    # is "armed"'s too
    tokens = [
        ("Hamas", "PROPN", "nsubj", 1, None, "B-ORG"), ("attacked", "VERB", "ROOT", 1, "attack", None, "VBD"),
        ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
        ("Iran", "PROPN", "nsubj", 5, None, "B-GPE"), ("armed", "VERB", "ROOT", 5, "arm", None, "VBD"),
        ("and", "CCONJ", "cc", 5), ("trained", "VERB", "conj", 5, "train", None, "VBD"), ("the", "DET", "det", 9),
        ("group", "NOUN", "dobj", 7), (".", "PUNCT", "punct", 5)]
    on, off = _events(pipeline, tokens, "the_group_told_before")
    assert all(e[2] == ["PSE"] for e in on if e[1] == ["IRN"]) and any(e[1] == ["IRN"] for e in on)
    assert all(e[2] != ["PSE"] for e in off if e[1] == ["IRN"])
    on, off = _events(pipeline, tokens, "object_of_the_next_conjunct")
    armed = lambda evs: [e for e in evs if e[1] == ["IRN"]][0]  # noqa: E731 (the first: "armed")
    assert armed(on)[2] == ["PSE"] and armed(off)[2] == []


def test_a_move_named_beside_the_clause_judges_that_clauses_author(pipeline):
    # "Chile expelled Peruvian diplomats , a move Peru called cruel .": the move is Chile's expelling, so Peru's
    # judgement is on Chile (as "in a move Peru called cruel" was)
    tokens = [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("expelled", "VERB", "ROOT", 1, "expel", None, "VBD"),
        ("Peruvian", "ADJ", "amod", 3, None, "B-NORP"), ("diplomats", "NOUN", "dobj", 1, "diplomat"),
        (",", "PUNCT", "punct", 1), ("a", "DET", "det", 6), ("move", "NOUN", "npadvmod", 1, "move"),
        ("Peru", "PROPN", "nsubj", 8, None, "B-GPE"), ("called", "VERB", "relcl", 6, "call", None, "VBD"),
        ("cruel", "ADJ", "oprd", 8, "cruel"), (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "move_set_beside_the_clause")
    assert [e[2] for e in on if e[0] == "ACCUSE" and e[1] == ["PER"]] == [["CHL"]]


@pytest.mark.parametrize("noun, lemma", [("war", "war"), ("clashes", "clash")])
def test_a_fight_between_two_is_both_sides(pipeline, noun, lemma):
    # "The war between Chile and Peru began .": both fight, reciprocally (it had no actor, as "talks between" have)
    tokens = [("The", "DET", "det", 1), (noun, "NOUN", "nsubj", 6, lemma), ("between", "ADP", "prep", 1),
              ("Chile", "PROPN", "pobj", 2, None, "B-GPE"), ("and", "CCONJ", "cc", 3),
              ("Peru", "PROPN", "conj", 3, None, "B-GPE"), ("began", "VERB", "ROOT", 6, "begin", None, "VBD"),
              (".", "PUNCT", "punct", 6)]
    on, _ = _events(pipeline, tokens, "light_verb_noun")
    assert [(e[0], sorted(e[1])) for e in on] == [("ASSAULT", ["CHL", "PER"])]


def test_a_place_hung_in_a_pacts_between_phrase_is_no_party(pipeline):
    # "Chile hosted talks between Peru and Bolivia in Quito .": the parser hangs the place on the pair; the talks'
    # parties are Peru and Bolivia, not Ecuador
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("hosted", "VERB", "ROOT", 1, "host", None, "VBD"),
              ("talks", "NOUN", "dobj", 1, "talk"), ("between", "ADP", "prep", 2),
              ("Peru", "PROPN", "pobj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 4),
              ("Bolivia", "PROPN", "conj", 4, None, "B-GPE"), ("in", "ADP", "prep", 6),
              ("Quito", "PROPN", "pobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "pact_parties")
    assert [sorted(e[2]) for e in on if e[1] == ["CHL"]] == [["BOL", "PER"]]


def test_a_hostile_act_done_through_its_noun_is_done_to_its_of_object(pipeline):
    # "Chile ordered the expulsion of Peruvian diplomats .": the expelled are Peru's (the act had no target)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("ordered", "VERB", "ROOT", 1, "order", None, "VBD"),
              ("the", "DET", "det", 3), ("expulsion", "NOUN", "dobj", 1, "expulsion"), ("of", "ADP", "prep", 3),
              ("Peruvian", "ADJ", "amod", 6, None, "B-NORP"), ("diplomats", "NOUN", "pobj", 4, "diplomat"),
              (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "light_verb_noun")
    assert [e[2] for e in on if e[1] == ["CHL"]] == [["PER"]]


def test_a_meeting_in_ones_own_capital_is_no_meeting_with_oneself(pipeline):
    # "Chile hosted talks in Santiago .": the capital is where, not whom (it fell back to Chile's own government)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("hosted", "VERB", "ROOT", 1, "host", None, "VBD"),
              ("talks", "NOUN", "dobj", 1, "talk"), ("in", "ADP", "prep", 2),
              ("Santiago", "PROPN", "pobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "light_verb_noun")
    assert [e[2] for e in on if e[0] == "CONSULT"] == [[]]


def test_a_meeting_told_before_is_every_side_of_it(pipeline):
    # "Chile met Peru . Bolivia welcomed the meeting .": the meeting is Chile's and Peru's (it was Chile's alone)
    tokens = [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("met", "VERB", "ROOT", 1, "meet", None, "VBD"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
        ("Bolivia", "PROPN", "nsubj", 5, None, "B-GPE"), ("welcomed", "VERB", "ROOT", 5, "welcome", None, "VBD"),
        ("the", "DET", "det", 7), ("meeting", "NOUN", "dobj", 5, "meeting"), (".", "PUNCT", "punct", 5)]
    on, off = _events(pipeline, tokens, "act_told_before")
    assert [sorted(e[2]) for e in on if e[1] == ["BOL"]] == [["CHL", "PER"]]
    assert [sorted(e[2]) for e in off if e[1] == ["BOL"]] != [["CHL", "PER"]]


def test_a_deal_named_beside_the_clause_judges_its_parties(pipeline):
    # "Chile signed a pact with Peru , a deal Bolivia called a violation .": the deal is the signing's, so Bolivia's
    # judgement is on Chile and Peru (it judged no one)
    tokens = [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("signed", "VERB", "ROOT", 1, "sign", None, "VBD"),
        ("a", "DET", "det", 3), ("pact", "NOUN", "dobj", 1, "pact"), ("with", "ADP", "prep", 3),
        ("Peru", "PROPN", "pobj", 4, None, "B-GPE"), (",", "PUNCT", "punct", 1), ("a", "DET", "det", 8),
        ("deal", "NOUN", "npadvmod", 1, "deal"), ("Bolivia", "PROPN", "nsubj", 10, None, "B-GPE"),
        ("called", "VERB", "relcl", 8, "call", None, "VBD"), ("a", "DET", "det", 12),
        ("violation", "NOUN", "oprd", 10, "violation"), (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "move_set_beside_the_clause")
    assert [sorted(e[2]) for e in on if e[1] == ["BOL"]] == [["CHL", "PER"]]


def test_an_embassy_stormed_is_its_owners_not_its_hosts(pipeline):
    # "Chile cut ties after Peruvian police stormed its embassy in Lima .": no one storms their own embassy, so
    # "its" is Chile's (the subject before the source), and the embassy is no envoy posted to Peru (envoy_host)
    tokens = [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("cut", "VERB", "ROOT", 1, "cut", None, "VBD"),
        ("ties", "NOUN", "dobj", 1, "tie"), ("after", "SCONJ", "mark", 6),
        ("Peruvian", "ADJ", "amod", 5, None, "B-NORP"),
        ("police", "NOUN", "nsubj", 6, "police"), ("stormed", "VERB", "advcl", 1, "storm", None, "VBD"),
        ("its", "PRON", "poss", 8, "its"), ("embassy", "NOUN", "dobj", 6, "embassy"), ("in", "ADP", "prep", 8),
        ("Lima", "PROPN", "pobj", 9, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    on, off = _events(pipeline, tokens, "its_asset_object")
    assert [e[2] for e in on if e[0] == "ASSAULT"] == [["CHL"]]
    assert [e[2] for e in off if e[0] == "ASSAULT"] == [[]]


def test_talks_a_passive_relative_clause_says_were_hosted_are_the_clauses(pipeline):
    # "Chile and Peru agreed at talks which were hosted by Brazil .": the host's act is on the talks' parties, the
    # clause's subjects (as for the participle "talks hosted by Brazil")
    tokens = [
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("agreed", "VERB", "ROOT", 3, "agree", None, "VBD"),
        ("at", "ADP", "prep", 3), ("talks", "NOUN", "pobj", 4, "talk"),
        ("which", "PRON", "nsubjpass", 8, None, None, "WDT"), ("were", "AUX", "auxpass", 8, "be"),
        ("hosted", "VERB", "relcl", 5, "host", None, "VBN"), ("by", "ADP", "agent", 8),
        ("Brazil", "PROPN", "pobj", 9, None, "B-GPE"), (".", "PUNCT", "punct", 3)]
    on, off = _events(pipeline, tokens, "hosted_talks_are_the_clauses")
    hosted = lambda evs: [e for e in evs if e[1] == ["BRA"]]  # noqa: E731
    assert [sorted(e[2]) for e in hosted(on)] == [["CHL", "PER"]]
    assert all("CHL" not in e[2] for e in hosted(off))


def test_a_group_a_relative_clause_picks_out_is_not_the_group_told_before(pipeline):
    # "Hamas attacked Israel. Iran backed the group that attacked Syria.": the clause with no comma says which group
    # is meant, so it is not Hamas; with a comma ("the group, which ...") it is still the group told before
    def tokens(comma):
        return [
            ("Hamas", "PROPN", "nsubj", 1, None, "B-ORG"), ("attacked", "VERB", "ROOT", 1, "attack", None, "VBD"),
            ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
            ("Iran", "PROPN", "nsubj", 5, None, "B-GPE"), ("backed", "VERB", "ROOT", 5, "back", None, "VBD"),
            ("the", "DET", "det", 7), ("group", "NOUN", "dobj", 5),
            *([(",", "PUNCT", "punct", 7)] if comma else []),
            ("which" if comma else "that", "PRON", "nsubj", 9 + comma),
            ("attacked", "VERB", "relcl", 7, "attack", None, "VBD"),
            ("Syria", "PROPN", "dobj", 9 + comma, None, "B-GPE"), (".", "PUNCT", "punct", 5)]
    backed = lambda evs: [e for e in evs if e[1] == ["IRN"]]  # noqa: E731
    on, _ = _events(pipeline, tokens(False), "the_group_told_before")
    assert backed(on) and all(e[2] != ["PSE"] for e in backed(on))
    on, off = _events(pipeline, tokens(True), "the_group_told_before")
    assert any(e[2] == ["PSE"] for e in backed(on)) and all(e[2] != ["PSE"] for e in backed(off))


def test_an_agent_in_a_capital_is_that_states_agent_of_its_own_sector(pipeline):
    # "Protesters in Lima attacked the embassy .": Peru's protesters, as "Peruvian protesters" would be, not the
    # government the capital stands for when it acts
    tokens = [("Protesters", "NOUN", "nsubj", 3, "protester"), ("in", "ADP", "prep", 0),
              ("Lima", "PROPN", "pobj", 1, None, "B-GPE"), ("attacked", "VERB", "ROOT", 3, "attack"),
              ("the", "DET", "det", 5), ("embassy", "NOUN", "dobj", 3, "embassy"), (".", "PUNCT", "punct", 3)]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    coder = pipeline.coder
    finder = ArgumentFinder(sp, coder.event_nouns, coder.agents, coder.noun_types, frozenset())
    assert [m.actor.id for m in finder.subjects(parsed.doc[3], Context())] == ["PERCVL"]


def test_a_day_is_no_controlling_object(subjects):
    # "Peru voted on Tuesday to leave the bloc.": "on Tuesday" is no "called on X to": the voter leaves
    on, _ = subjects([
        ("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("voted", "VERB", "ROOT", 1, "vote"), ("on", "ADP", "prep", 1),
        ("Tuesday", "PROPN", "pobj", 2, None, "B-DATE"), ("to", "PART", "aux", 5), ("leave", "VERB", "xcomp", 1),
        ("the", "DET", "det", 7), ("bloc", "NOUN", "dobj", 5), (".", "PUNCT", "punct", 1),
    ], 5, "object_control")
    assert on == ["PER"]


def test_a_subject_after_a_subordinating_mark_or_a_phrase_is_the_verbs_own(subjects):
    # "Chile's cabinet approved the plan, after the Security Council authorised the mission.": the parser read
    # 'approved' as a participle on 'cabinet' and hung both subjects on 'authorised'; the one after 'after' is its own
    tokens = [
        ("Chile", "PROPN", "poss", 2, None, "B-GPE"), ("'s", "PART", "case", 0), ("cabinet", "NOUN", "nsubj", 11),
        ("approved", "VERB", "acl", 2, "approve", None, "VBN"), ("the", "DET", "det", 5), ("plan", "NOUN", "dobj", 3),
        (",", "PUNCT", "punct", 3), ("after", "SCONJ", "mark", 11), ("the", "DET", "det", 10),
        ("Security", "PROPN", "compound", 10, None, "B-ORG"), ("Council", "PROPN", "nsubj", 11, None, "I-ORG"),
        ("authorised", "VERB", "ROOT", 11, "authorise", None, "VBD"), ("the", "DET", "det", 13),
        ("mission", "NOUN", "dobj", 11), (".", "PUNCT", "punct", 11),
    ]
    on, _ = subjects(tokens, 11, "own_subject")
    assert on and "CHL" not in on
    # "Chile hosted talks, Bolivia seized Goma.": two subjects hung on one verb with no mark, nor 'and' between
    on, _ = subjects([
        ("Chile", "PROPN", "nsubj", 5, None, "B-GPE"), ("hosted", "VERB", "acl", 0, "host", None, "VBN"),
        ("talks", "NOUN", "dobj", 1, "talk"), (",", "PUNCT", "punct", 0),
        ("Bolivia", "PROPN", "nsubj", 5, None, "B-GPE"),
        ("seized", "VERB", "ROOT", 5, "seize", None, "VBD"), ("Goma", "PROPN", "dobj", 5, None, "B-GPE"),
        (".", "PUNCT", "punct", 5),
    ], 5, "own_subject")
    assert on == ["BOL"]


RELATIVE_PASSIVES = [
    # "Hamas , which is funded by Qatar , spoke .": what the passive relative clause acts on is the noun it is on
    pytest.param([
        ("Hamas", "PROPN", "nsubj", 8, None, "B-ORG"), (",", "PUNCT", "punct", 0), ("which", "PRON", "nsubjpass", 4),
        ("is", "AUX", "auxpass", 4, "be"), ("funded", "VERB", "relcl", 0, "fund", None, "VBN"),
        ("by", "ADP", "agent", 4), ("Qatar", "PROPN", "pobj", 5, None, "B-GPE"), (",", "PUNCT", "punct", 0),
        ("spoke", "VERB", "ROOT", 8, "speak", None, "VBD"), (".", "PUNCT", "punct", 8),
    ], id="relative_clause"),
    # "Hamas , which seeks aid and is funded by Qatar , spoke .": the passive conjunct shares the pronoun subject
    pytest.param([
        ("Hamas", "PROPN", "nsubj", 11, None, "B-ORG"), (",", "PUNCT", "punct", 0), ("which", "PRON", "nsubj", 3),
        ("seeks", "VERB", "relcl", 0, "seek", None, "VBZ"), ("aid", "NOUN", "dobj", 3), ("and", "CCONJ", "cc", 3),
        ("is", "AUX", "auxpass", 7, "be"), ("funded", "VERB", "conj", 3, "fund", None, "VBN"),
        ("by", "ADP", "agent", 7), ("Qatar", "PROPN", "pobj", 8, None, "B-GPE"), (",", "PUNCT", "punct", 0),
        ("spoke", "VERB", "ROOT", 11, "speak", None, "VBD"), (".", "PUNCT", "punct", 11),
    ], id="conjunct_of_a_relative_clause"),
]


@pytest.mark.parametrize("tokens", RELATIVE_PASSIVES)
def test_relative_passive_subject(pipeline, tokens):
    on, off = _events(pipeline, tokens, "relative_passive_subject")
    assert [e for e in on if e[1] == ["QAT"]][0][2] == ["PSE"]
    assert [e for e in off if e[1] == ["QAT"]][0][2] == []


@pytest.mark.parametrize("prep, noun, verb", [("after", "talks", "hosted"), ("in", "deal", "brokered")])
def test_hosted_talks_are_the_clauses(pipeline, prep, noun, verb):
    # "Chile and Peru agreed after talks hosted by Brazil .": the talks Brazil hosted are the two subjects'; so is
    # "a deal brokered by Brazil"
    on, off = _events(pipeline, [
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Peru", "PROPN", "conj", 0, None, "B-GPE"), ("agreed", "VERB", "ROOT", 3, "agree", None, "VBD"),
        (prep, "ADP", "prep", 3), (noun, "NOUN", "pobj", 4, noun.rstrip("s")),
        (verb, "VERB", "acl", 5, {"hosted": "host", "brokered": "broker"}[verb], None, "VBN"),
        ("by", "ADP", "agent", 6), ("Brazil", "PROPN", "pobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 3),
    ], "hosted_talks_are_the_clauses")
    assert sorted([e for e in on if e[1] == ["BRA"]][0][2]) == ["CHL", "PER"]
    assert not [e for e in off if e[1] == ["BRA"]]


@pytest.mark.parametrize("words", [("normalisation",), ("restoration", "of", "ties")])
def test_an_act_between_two_welcomed_is_welcomed_of_both(pipeline, words):
    # "Egypt welcomed the normalisation between Chile and Peru .", "... the restoration of ties between Chile and Peru ."
    n = len(words)
    noun = [(words[0], "NOUN", "dobj", 1)]
    if n == 3:
        noun += [("of", "ADP", "prep", 3), ("ties", "NOUN", "pobj", 4, "tie")]
    tokens = [("Egypt", "PROPN", "nsubj", 1, None, "B-GPE"), ("welcomed", "VERB", "ROOT", 1, "welcome", None, "VBD"),
              ("the", "DET", "det", 3), *noun, ("between", "ADP", "prep", 2 + n),
              ("Chile", "PROPN", "pobj", 3 + n, None, "B-GPE"), ("and", "CCONJ", "cc", 4 + n),
              ("Peru", "PROPN", "conj", 4 + n, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    tokens[3] = (words[0], "NOUN", "dobj", 1)
    on, off = _events(pipeline, tokens, "light_verb_noun")
    assert sorted([e for e in on if e[1] == ["EGY"]][0][2]) == ["CHL", "PER"]
    assert all(e[2] != ["CHL", "PER"] for e in off if e[1] == ["EGY"])


def test_a_name_parsed_as_a_first_object_predicate_is_the_one_named(pipeline):
    # "Peru called Chile a tyrant .": the parser made both "Chile" and "tyrant" object predicates (oprd); the last
    # is the predicate and the first the one named, so Peru disapproves of Chile (no target before)
    tokens = [
        ("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("called", "VERB", "ROOT", 1, "call"),
        ("Chile", "PROPN", "oprd", 1, None, "B-GPE"), ("a", "DET", "det", 4), ("tyrant", "NOUN", "oprd", 1, "tyrant"),
        (".", "PUNCT", "punct", 1),
    ]
    on, _ = _events(pipeline, tokens, "evaluation_is_disapproval")
    assert ("ACCUSE", ["PER"], ["CHL"]) in on


@pytest.mark.parametrize("armed", [True, False])
def test_the_armed_group_told_before_is_no_bloc(objects, armed):
    # "The EU criticised Peru . Chile backed the [armed] group .": "the group" may be the EU named before, "the armed
    # group" only an armed group (it was the EU)
    tokens = [("The", "DET", "det", 1), ("EU", "PROPN", "nsubj", 2, None, "B-ORG"),
              ("criticised", "VERB", "ROOT", 2, "criticise"), ("Peru", "PROPN", "dobj", 2, None, "B-GPE"),
              (".", "PUNCT", "punct", 2), ("Chile", "PROPN", "nsubj", 6, None, "B-GPE"),
              ("backed", "VERB", "ROOT", 6, "back"), ("the", "DET", "det", 9 if armed else 8),
              *([("armed", "ADJ", "amod", 9, "armed")] if armed else []),
              ("group", "NOUN", "dobj", 6, "group"), (".", "PUNCT", "punct", 6)]
    on, _ = objects(tokens, 6, "SUPPORT", "the_group_told_before")
    assert (on == []) == armed


def test_they_is_no_single_person(subjects):
    # "Boric spoke . They attacked Kyiv .": one person the context remembers is no "they" (it was Boric); a state is
    tokens = [("Boric", "PROPN", "nsubj", 1, None, "B-PERSON"), ("spoke", "VERB", "ROOT", 1, "speak"),
              (".", "PUNCT", "punct", 1), ("They", "PRON", "nsubj", 4, "they"),
              ("attacked", "VERB", "ROOT", 4, "attack"),
              ("Kyiv", "PROPN", "dobj", 4, None, "B-GPE"), (".", "PUNCT", "punct", 4)]

    def person(c, sp):
        c.last_subjects = (next(m for m in sp.mentions if m.actor is not None and m.actor.kind == "person"),)

    on, _ = subjects(tokens, 4, "they_is_last_subjects", person)
    assert on == []
    on, _ = subjects(tokens, 4, "they_is_last_subjects", _last_subjects)
    assert on == ["UKR"]  # (the first state of the Doc: the rule still reads the context)


@pytest.mark.parametrize("pos", ["NOUN", "PROPN"])
def test_the_bloc_as_subject_is_the_body_not_an_event_noun(pipeline, pos):
    # "ECOWAS met . Chile said the bloc backed Peru .": "bloc" is also a relation cue (an event noun), but the
    # identity stage knew which bloc (also when the tagger calls the lower-case word a proper noun): it acts
    tokens = [("ECOWAS", "PROPN", "nsubj", 1, None, "B-ORG"), ("met", "VERB", "ROOT", 1, "meet"),
              (".", "PUNCT", "punct", 1), ("Chile", "PROPN", "nsubj", 4, None, "B-GPE"),
              ("said", "VERB", "ROOT", 4, "say"), ("the", "DET", "det", 6), ("bloc", pos, "nsubj", 7, "bloc"),
              ("backed", "VERB", "ccomp", 4, "back"),
              ("Peru", "PROPN", "dobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 4)]
    on, off = _events(pipeline, tokens, "event_subject_is_its_agent")
    assert ("SUPPORT", ["IGO"], ["PER"]) in on


def test_a_place_is_no_target_when_the_object_is_the_sources_own(pipeline):
    # "Chile sanctioned Chileans in Peru .": the object is the source's own people (excluded as a target of its
    # own); where they live is no target either (it was Peru, read as the place a sanction was imposed in)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("sanctioned", "VERB", "ROOT", 1, "sanction"),
              ("Chileans", "PROPN", "dobj", 1, "chilean", "B-NORP"), ("in", "ADP", "prep", 1),
              ("Peru", "PROPN", "pobj", 3, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    got = _finder_run(pipeline, tokens, "direct_object_actor", lambda f, doc: f.objects(
        doc[1], etype="SANCTION", wanted_prep=None, visit=False, exclude=frozenset({"CHL"})))
    assert "PER" not in got[0]


def test_help_from_a_state_in_a_with_phrase_goes_to_the_clauses_subject(pipeline):
    # "Hamas seeks talks with backing from Iran .": Iran backs Hamas, not intended (a "from" is no place here; it
    # was no event)
    tokens = [("Hamas", "PROPN", "nsubj", 1, None, "B-ORG"), ("seeks", "VERB", "ROOT", 1, "seek"),
              ("talks", "NOUN", "dobj", 1, "talk"), ("with", "ADP", "prep", 1),
              ("backing", "NOUN", "pobj", 3, "backing"),
              ("from", "ADP", "prep", 4), ("Iran", "PROPN", "pobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 1)]
    on, off = _events(pipeline, tokens, "help_with_goes_to_the_subject")
    assert ("SUPPORT", ["IRN"], ["PSE"]) in on and not any(e[1] == ["IRN"] for e in off)


def test_help_in_a_with_phrase_on_the_subject_goes_to_it(pipeline):
    # "Hamas , with support from Iran , fired rockets .": the with-phrase hangs on the subject noun
    tokens = [("Hamas", "PROPN", "nsubj", 7, None, "B-ORG"), (",", "PUNCT", "punct", 0), ("with", "ADP", "prep", 0),
              ("support", "NOUN", "pobj", 2, "support"), ("from", "ADP", "prep", 3),
              ("Iran", "PROPN", "pobj", 4, None, "B-GPE"), (",", "PUNCT", "punct", 7),
              ("fired", "VERB", "ROOT", 7, "fire"),
              ("rockets", "NOUN", "dobj", 7, "rocket"), (".", "PUNCT", "punct", 7)]
    on, _ = _events(pipeline, tokens, "help_with_goes_to_the_subject")
    assert ("SUPPORT", ["IRN"], ["PSE"]) in on


@pytest.mark.parametrize("verb, lemma, etype", [("condemned", "condemn", "ACCUSE")])
def test_a_relative_clause_on_the_judges_own_state_judges_the_clauses_act(pipeline, verb, lemma, etype):
    # "Peru imposed sanctions on Chile , which Santiago condemned .": Chile does not condemn itself; what it condemns
    # is the imposing, so Peru (it was Chile itself)
    tokens = [("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("imposed", "VERB", "ROOT", 1, "impose"),
              ("sanctions", "NOUN", "dobj", 1, "sanction"), ("on", "ADP", "prep", 2),
              ("Chile", "PROPN", "pobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 4), ("which", "PRON", "dobj", 8),
              ("Santiago", "PROPN", "nsubj", 8, None, "B-GPE"), (verb, "VERB", "relcl", 4, lemma),
              (".", "PUNCT", "punct", 1)]
    on, off = _events(pipeline, tokens, "relative_pronoun_object")
    assert (etype, ["CHL"], ["PER"]) in on and (etype, ["CHL"], ["PER"]) not in off


def test_a_naming_on_the_judges_own_state_judges_the_clauses_act(pipeline):
    # "Peru imposed sanctions on Chile , which Santiago called illegal .": as for "condemned" (it had no target)
    tokens = [("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("imposed", "VERB", "ROOT", 1, "impose"),
              ("sanctions", "NOUN", "dobj", 1, "sanction"), ("on", "ADP", "prep", 2),
              ("Chile", "PROPN", "pobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 4),
              ("which", "PRON", "dobj", 8, "which", None, "WDT"), ("Santiago", "PROPN", "nsubj", 8, None, "B-GPE"),
              ("called", "VERB", "relcl", 4, "call"),
              ("illegal", "ADJ", "oprd", 8, "illegal"), (".", "PUNCT", "punct", 1)]
    on, _ = _events(pipeline, tokens, "evaluation_is_disapproval")
    assert ("ACCUSE", ["CHL"], ["PER"]) in on


def test_the_two_countries_are_the_two_its_own_sentence_names(pipeline):
    # "Chile attacked Bolivia . Bolivia attacked Chile . Putin met Erdogan after the two countries restored ties .":
    # the two states its sentence names before it (people standing for theirs), not the pair told most (it was
    # Chile and Bolivia)
    tokens = [("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("attacked", "VERB", "ROOT", 1, "attack"),
              ("Bolivia", "PROPN", "dobj", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1),
              ("Bolivia", "PROPN", "nsubj", 5, None, "B-GPE"), ("attacked", "VERB", "ROOT", 5, "attack"),
              ("Chile", "PROPN", "dobj", 5, None, "B-GPE"), (".", "PUNCT", "punct", 5),
              ("Putin", "PROPN", "nsubj", 9, None, "B-PERSON"), ("met", "VERB", "ROOT", 9, "meet"),
              ("Erdogan", "PROPN", "dobj", 9, None, "B-PERSON"), ("after", "SCONJ", "mark", 15),
              ("the", "DET", "det", 14), ("two", "NUM", "nummod", 14), ("countries", "NOUN", "nsubj", 15, "country"),
              ("restored", "VERB", "advcl", 9, "restore"), ("ties", "NOUN", "dobj", 15, "tie"),
              (".", "PUNCT", "punct", 9)]
    on, _ = _events(pipeline, tokens, "the_two_is_last_pair")
    assert ("SUPPORT", ["RUS", "TUR"], []) in on


def test_a_relative_pronoun_beside_another_object_is_not_the_target(objects):
    # "Peru hired fighters from the Wagner Group , which Chile accused it of doing .": "which" is the act accused
    # of, "it" the verb's object; the group is not accused (it was the target)
    tokens = [("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("hired", "VERB", "ROOT", 1, "hire"),
              ("fighters", "NOUN", "dobj", 1, "fighter"), ("from", "ADP", "prep", 1), ("the", "DET", "det", 6),
              ("Wagner", "PROPN", "compound", 6, None, "B-ORG"), ("Group", "PROPN", "pobj", 3, None, "I-ORG"),
              (",", "PUNCT", "punct", 6), ("which", "PRON", "dobj", 10, "which", None, "WDT"),
              ("Chile", "PROPN", "nsubj", 10, None, "B-GPE"), ("accused", "VERB", "relcl", 6, "accuse"),
              ("it", "PRON", "dobj", 10, "it"), ("of", "ADP", "prep", 10), ("doing", "VERB", "pcomp", 12, "do"),
              (".", "PUNCT", "punct", 1)]
    on, _ = objects(tokens, 10, "ACCUSE", "relative_pronoun_object")
    assert "RUS" not in on


@pytest.mark.parametrize("noun, person", [("foreign minister", False), ("spokesman", True)])
def test_a_persons_agent_is_his_states(pipeline, noun, person):
    # "Macron won the vote. His foreign minister flew to Peru.": his minister is not he, but France's government;
    # "his spokesman" still speaks for him
    from detente.model import Document

    text = f"Emmanuel Macron won the vote. His {noun} flew to Peru."
    (ex,) = pipeline.extract([Document(id="agent", text=text, outlet="t", published=dt.date(2022, 5, 3))])
    (flew,) = [e for e in ex.events if e.trigger == "flew"]
    assert [m.actor.id for m in flew.source] == (["FRAGOV:emmanuel-macron"] if person else ["FRAGOV"])


@pytest.mark.parametrize("numeral", [True, False])
def test_plural_countries_take_up_a_list_read_as_an_apposition(pipeline, numeral):
    # "Chile , Peru , Bolivia and Cuba met . Spain blamed the four countries / the quartet .": the parser reads the
    # list's second name as the first's apposition, so a list of four was three ("the quartet" had no actor)
    tokens = [("Chile", "PROPN", "nsubj", 7, None, "B-GPE"), (",", "PUNCT", "punct", 0),
              ("Peru", "PROPN", "appos", 0, None, "B-GPE"), (",", "PUNCT", "punct", 2),
              ("Bolivia", "PROPN", "conj", 2, None, "B-GPE"), ("and", "CCONJ", "cc", 4),
              ("Cuba", "PROPN", "conj", 4, None, "B-GPE"), ("met", "VERB", "ROOT", 7, "meet"),
              (".", "PUNCT", "punct", 7),
              ("Spain", "PROPN", "nsubj", 10, None, "B-GPE"), ("blamed", "VERB", "ROOT", 10, "blame")]
    if numeral:
        tokens += [("the", "DET", "det", 13), ("four", "NUM", "nummod", 13),
                   ("countries", "NOUN", "dobj", 10, "country", None, "NNS"), (".", "PUNCT", "punct", 10)]
    else:
        tokens += [("the", "DET", "det", 12), ("quartet", "NOUN", "dobj", 10, "quartet", None, "NN"),
                   (".", "PUNCT", "punct", 10)]
    got = _finder_run(pipeline, tokens, "plural_countries_take_up_coordination",
                      lambda f, doc: f.objects(doc[10], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == ["CHL", "PER", "BOL", "CUB"] and got[1] != got[0]


def test_plural_countries_take_up_coordination_after_a_demonstrative(pipeline):
    # "Sweden and Finland applied. Turkey blamed those countries.": both states (it had no target)
    tokens = [
        ("Sweden", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0),
        ("Finland", "PROPN", "conj", 0, None, "B-GPE"), ("applied", "VERB", "ROOT", 3, "apply"),
        (".", "PUNCT", "punct", 3),
        ("Turkey", "PROPN", "nsubj", 6, None, "B-GPE"), ("blamed", "VERB", "ROOT", 6, "blame"),
        ("those", "DET", "det", 8), ("countries", "NOUN", "dobj", 6, "country", None, "NNS"),
        (".", "PUNCT", "punct", 6),
    ]
    got = _finder_run(pipeline, tokens, "plural_countries_take_up_coordination",
                      lambda f, doc: f.objects(doc[6], etype="ACCUSE", wanted_prep=None, visit=False))
    assert got[0] == ["SWE", "FIN"] and got[1] != got[0]
