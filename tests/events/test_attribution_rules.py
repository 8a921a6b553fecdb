"""Attribution (issue 12, item 5): each rule on a hand-built Doc, so removing the rule fails its test."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import build  # noqa: E402

from detente.events.attribution import Speakers, cue_lists, passive_agent, subject_of  # noqa: E402

DATED = dt.date(2024, 2, 28)


@pytest.fixture(scope="module")
def speakers(pipeline):
    def run(tokens, disabled=frozenset()):
        parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
        return Speakers(parsed, pipeline.resolver.resolve(parsed), disabled=disabled)

    return run


def test_cue_lists_come_from_the_data_file():
    lists = cue_lists()
    assert {"say", "tell", "state", "report"} <= lists["speech_verb"]
    assert {"statement", "readout"} <= lists["statement_noun"] and {"quote", "cite"} <= lists["quoting_verb"]


def test_statement_speaks_for_its_issuer(speakers):
    # "A readout from the White House said Washington respects Honiara."
    sp = speakers([
        ("A", "DET", "det", 1), ("readout", "NOUN", "nsubj", 6), ("from", "ADP", "prep", 1), ("the", "DET", "det", 5),
        ("White", "PROPN", "compound", 5, None, "B-ORG"), ("House", "PROPN", "pobj", 2, None, "I-ORG"),
        ("said", "VERB", "ROOT", 6, "say"), ("Washington", "PROPN", "nsubj", 8, None, "B-GPE"),
        ("respects", "VERB", "ccomp", 6, "respect"), ("Honiara", "PROPN", "dobj", 8, None, "B-GPE"),
        (".", "PUNCT", "punct", 6),
    ])
    m = sp.speaker_of_clause(sp.doc[8])
    assert m is not None and m.text == "White House" and m.actor.country == "USA"


def test_ministry_statement_said(speakers):
    # "A Russian foreign ministry statement said Moscow regrets the move." (the issuer modifies the noun)
    sp = speakers([
        ("A", "DET", "det", 4), ("Russian", "ADJ", "amod", 3, None, "B-NORP"), ("foreign", "ADJ", "amod", 3),
        ("ministry", "NOUN", "compound", 4), ("statement", "NOUN", "nsubj", 5), ("said", "VERB", "ROOT", 5, "say"),
        ("Moscow", "PROPN", "nsubj", 7, None, "B-GPE"), ("regrets", "VERB", "ccomp", 5, "regret"),
        ("the", "DET", "det", 9), ("move", "NOUN", "dobj", 7), (".", "PUNCT", "punct", 5),
    ])
    m = sp.speaker_of_clause(sp.doc[7])
    assert m is not None and m.actor.country == "RUS"


def test_passive_speech_verb_is_said_by_its_agent(speakers):
    # "This was announced by the Kremlin."
    sp = speakers([
        ("This", "PRON", "nsubjpass", 2), ("was", "AUX", "auxpass", 2), ("announced", "VERB", "ROOT", 2, "announce"),
        ("by", "ADP", "agent", 2), ("the", "DET", "det", 5), ("Kremlin", "PROPN", "pobj", 3, None, "B-ORG"),
        (".", "PUNCT", "punct", 2),
    ])
    m = passive_agent(sp.doc[2], sp)
    assert m is not None and m.text == "Kremlin" and subject_of(sp.doc[2], sp) == m


def test_quoted_as_saying_is_said_by_the_one_quoted(speakers):
    # "TASS quoted Nikol Pashinyan as saying Armenia froze its participation."
    sp = speakers([
        ("TASS", "PROPN", "nsubj", 1, None, "B-ORG"), ("quoted", "VERB", "ROOT", 1, "quote"),
        ("Nikol", "PROPN", "compound", 3, None, "B-PERSON"), ("Pashinyan", "PROPN", "dobj", 1, None, "I-PERSON"),
        ("as", "ADP", "prep", 1), ("saying", "VERB", "pcomp", 4, "say"), ("Armenia", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("froze", "VERB", "ccomp", 5, "freeze"), ("its", "PRON", "poss", 9), ("participation", "NOUN", "dobj", 7),
        (".", "PUNCT", "punct", 1),
    ])
    m = sp.speaker_of_clause(sp.doc[7])
    assert m is not None and m.actor is not None and m.actor.name == "Nikol Pashinyan"


def test_title_headed_subject_speaks_as_the_named_holder(speakers):
    # "Australian Minister for Defence Peter Dutton said Australia (was) concerned."
    sp = speakers([
        ("Australian", "PROPN", "compound", 1, None, "B-NORP"), ("Minister", "PROPN", "nsubj", 6),
        ("for", "ADP", "prep", 1), ("Defence", "PROPN", "compound", 5), ("Peter", "PROPN", "compound", 5, None, "B-PERSON"),
        ("Dutton", "PROPN", "pobj", 2, None, "I-PERSON"), ("said", "VERB", "ROOT", 6, "say"),
        ("Australia", "PROPN", "nsubj", 8, None, "B-GPE"), ("concerned", "VERB", "ccomp", 6, "concern"),
        (".", "PUNCT", "punct", 6),
    ])
    m = sp.speaker_of_clause(sp.doc[8])
    assert m is not None and m.text == "Peter Dutton"


def test_the_two_countries_said_reads_the_pairs(speakers):
    # "Russia and China met. The two countries said ties grew." (naming the speaker reads the pair)
    sp = speakers([
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0), ("China", "PROPN", "conj", 0, None, "B-GPE"),
        ("met", "VERB", "ROOT", 3, "meet"), (".", "PUNCT", "punct", 3),
        ("The", "DET", "det", 7), ("two", "NUM", "nummod", 7), ("countries", "NOUN", "nsubj", 8, "country"),
        ("said", "VERB", "ROOT", 8, "say"), ("ties", "NOUN", "nsubj", 10, "tie"), ("grew", "VERB", "ccomp", 8, "grow"),
        (".", "PUNCT", "punct", 8),
    ])
    m = sp.speaker_of_clause(sp.doc[10])
    assert m is not None and m.text in {"Russia", "China"}


def test_the_two_governments_said_reads_the_pair_vocabulary(speakers, monkeypatch):
    # "Russia and China met. The two governments said ties grew." ("governments" is a pair noun of
    # rule_vocab.tsv, not one of a list written in the attribution code)
    tokens = [
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("and", "CCONJ", "cc", 0), ("China", "PROPN", "conj", 0, None, "B-GPE"),
        ("met", "VERB", "ROOT", 3, "meet"), (".", "PUNCT", "punct", 3),
        ("The", "DET", "det", 7), ("two", "NUM", "nummod", 7), ("governments", "NOUN", "nsubj", 8, "government"),
        ("said", "VERB", "ROOT", 8, "say"), ("ties", "NOUN", "nsubj", 10, "tie"), ("grew", "VERB", "ccomp", 8, "grow"),
        (".", "PUNCT", "punct", 8),
    ]
    sp = speakers(tokens)
    m = sp.speaker_of_clause(sp.doc[10])
    assert m is not None and m.text in {"Russia", "China"}
    from detente.events import attribution

    monkeypatch.setattr(attribution, "pair_reference", lambda tok: None)  # without the pair reading
    sp = speakers(tokens)
    m = sp.speaker_of_clause(sp.doc[10])
    assert m is None or m.text not in {"Russia", "China"}


def test_a_demand_is_not_said_by_its_own_source(pipeline):
    # "Zhao said Australia must abandon the pact.": Zhao demands it (source); said_by does not repeat him
    parsed = build(pipeline.nlp.vocab, [
        ("Zhao", "PROPN", "nsubj", 1, None, "B-PERSON"), ("said", "VERB", "ROOT", 1, "say"),
        ("Australia", "PROPN", "nsubj", 4, None, "B-GPE"), ("must", "AUX", "aux", 4), ("abandon", "VERB", "ccomp", 1),
        ("the", "DET", "det", 6), ("pact", "NOUN", "dobj", 4), (".", "PUNCT", "punct", 1),
    ], published=DATED)
    mentions = pipeline.resolver.resolve(parsed)
    events = pipeline.coder.code(parsed, mentions, Speakers(parsed, mentions))
    demand = [e for e in events if e.trigger == "abandon"]
    assert demand and [m.text for m in demand[0].source] == ["Zhao"] and demand[0].said_by is None


def test_quote_relayed_by_an_agency_is_said_by_the_one_quoted(speakers):
    # '“Armenia froze ties,” TASS quoted Nikol Pashinyan as saying.'
    sp = speakers([
        ("“", "PUNCT", "punct", 2), ("Armenia", "PROPN", "nsubj", 2, None, "B-GPE"), ("froze", "VERB", "ccomp", 7, "freeze"),
        ("ties", "NOUN", "dobj", 2, "tie"), (",", "PUNCT", "punct", 7), ("”", "PUNCT", "punct", 7),
        ("TASS", "PROPN", "nsubj", 7, None, "B-ORG"), ("quoted", "VERB", "ROOT", 7, "quote"),
        ("Nikol", "PROPN", "compound", 9, None, "B-PERSON"), ("Pashinyan", "PROPN", "dobj", 7, None, "I-PERSON"),
        ("as", "ADP", "prep", 7), ("saying", "VERB", "pcomp", 10, "say"), (".", "PUNCT", "punct", 7),
    ])
    k = sp.quote_at(sp.doc[2].idx)
    assert k is not None
    m = sp.speaker_of_quote(k)
    assert m is not None and m.actor is not None and m.actor.name == "Nikol Pashinyan"


def test_split_subject_speaks_by_its_name(speakers):
    # "Iran's state news agency IRNA said Tehran summoned the envoy." parsed with two subjects of "said"
    sp = speakers([
        ("Iran", "PROPN", "poss", 4, None, "B-GPE"), ("'s", "PART", "case", 0, None, None, "POS"),
        ("state", "NOUN", "compound", 4), ("news", "NOUN", "compound", 4), ("agency", "NOUN", "nsubj", 6),
        ("IRNA", "PROPN", "nsubj", 6, None, "B-ORG"), ("said", "VERB", "ROOT", 6, "say"),
        ("Tehran", "PROPN", "nsubj", 8, None, "B-GPE"), ("summoned", "VERB", "ccomp", 6, "summon"),
        ("the", "DET", "det", 10), ("envoy", "NOUN", "dobj", 8), (".", "PUNCT", "punct", 6),
    ])
    m = sp.speaker_of_clause(sp.doc[8])
    assert m is not None and m.text == "IRNA"


_TWO_QUOTES = [
    ("“", "PUNCT", "punct", 6), ("Russia", "PROPN", "nsubj", 2, None, "B-GPE"), ("talks", "VERB", "ccomp", 6, "talk"),
    (",", "PUNCT", "punct", 6), ("”", "PUNCT", "punct", 6), ("Lavrov", "PROPN", "nsubj", 6, None, "B-PERSON"),
    ("said", "VERB", "ROOT", 6, "say"), (".", "PUNCT", "punct", 6),
    ("“", "PUNCT", "punct", 10), ("{name}", "PROPN", "nsubj", 10, None, "B-GPE"), ("waits", "VERB", "ROOT", 10, "wait"),
    (".", "PUNCT", "punct", 10), ("”", "PUNCT", "punct", 10),
]


def _second_quote_speaker(speakers, name):
    toks = [tuple(name if x == "{name}" else x for x in t) for t in _TWO_QUOTES]
    sp = speakers(toks)
    k = sp.quote_at(sp.doc[10].idx)
    assert k == 1
    return sp.speaker_of_quote(k)


def test_quote_after_an_attributed_quote_is_the_same_speakers(speakers):
    # '“Russia talks,” Lavrov said. “Russia waits.”'
    m = _second_quote_speaker(speakers, "Russia")
    assert m is not None and m.text == "Lavrov"


def test_quote_after_someone_else_is_named_is_not_carried_over(speakers):
    # '“Russia talks,” Lavrov said to Wang. “Iran waits.”': Wang, named between, may be the one speaking now
    toks = [tuple("Iran" if x == "{name}" else x for x in t) for t in _TWO_QUOTES]
    blocked = toks[:7] + [("to", "ADP", "prep", 6), ("Wang", "PROPN", "pobj", 7, None, "B-PERSON")] + [
        (w, pos, dep, head + 2 if head >= 7 else head, *rest) for (w, pos, dep, head, *rest) in toks[7:]]
    sp = speakers(blocked)
    k = sp.quote_at(sp.doc[12].idx)
    assert k == 1 and sp.speaker_of_quote(k) is None


@pytest.mark.parametrize("addressee, ent, carried", [("Wang", "B-PERSON", False), ("China", "B-GPE", True)])
def test_a_state_named_in_the_attribution_does_not_stop_the_quote(speakers, addressee, ent, carried):
    # '“Russia talks,” Lavrov said to China. “Iran waits.”': a state named in the attribution speaks no quote, so
    # the next quote is still Lavrov's; a person named there may be the one answering (not carried over)
    toks = [tuple("Iran" if x == "{name}" else x for x in t) for t in _TWO_QUOTES]
    named = toks[:7] + [("to", "ADP", "prep", 6), (addressee, "PROPN", "pobj", 7, None, ent)] + [
        (w, pos, dep, head + 2 if head >= 7 else head, *rest) for (w, pos, dep, head, *rest) in toks[7:]]
    sp = speakers(named)
    m = sp.speaker_of_quote(sp.quote_at(sp.doc[12].idx))
    assert (m is not None and m.text == "Lavrov") == carried


def test_headline_ending_in_colon_and_name_is_that_persons(speakers):
    # "Turkey rejects Sweden: Erdogan"
    sp = speakers([
        ("Turkey", "PROPN", "nsubj", 1, None, "B-GPE"), ("rejects", "VERB", "ROOT", 1, "reject"),
        ("Sweden", "PROPN", "dobj", 1, None, "B-GPE"), (":", "PUNCT", "punct", 1),
        ("Erdogan", "PROPN", "appos", 2, None, "B-PERSON"),
    ])
    m = sp.speaker_of_clause(sp.doc[1])
    assert m is not None and m.text == "Erdogan"


def test_headline_opening_with_a_name_and_a_colon_is_that_persons(speakers):
    # "Mitsotakis : Turkey threatens Greece"
    sp = speakers([
        ("Mitsotakis", "PROPN", "ROOT", 0, None, "B-PERSON"), (":", "PUNCT", "punct", 0),
        ("Turkey", "PROPN", "nsubj", 3, None, "B-GPE"), ("threatens", "VERB", "appos", 0, "threaten"),
        ("Greece", "PROPN", "dobj", 3, None, "B-GPE"),
    ])
    m = sp.speaker_of_clause(sp.doc[3])
    assert m is not None and m.text == "Mitsotakis"


def test_a_state_after_a_colon_is_a_list_not_a_speaker(speakers):
    # "Turkey rejects one state: Sweden"
    sp = speakers([
        ("Turkey", "PROPN", "nsubj", 1, None, "B-GPE"), ("rejects", "VERB", "ROOT", 1, "reject"),
        ("one", "NUM", "nummod", 3), ("state", "NOUN", "dobj", 1), (":", "PUNCT", "punct", 1),
        ("Sweden", "PROPN", "appos", 3, None, "B-GPE"),
    ])
    assert sp.speaker_of_clause(sp.doc[1]) is None


def test_he_is_the_person_introduced_after_the_last_speaker(speakers):
    # "Peskov said. Volodin spoke. He added." : "he" is Volodin, named as a subject after Peskov spoke
    sp = speakers([
        ("Peskov", "PROPN", "nsubj", 1, None, "B-PERSON"), ("said", "VERB", "ROOT", 1, "say"), (".", "PUNCT", "punct", 1),
        ("Volodin", "PROPN", "nsubj", 4, None, "B-PERSON"), ("spoke", "VERB", "ROOT", 4, "speak"),
        (".", "PUNCT", "punct", 4),
        ("He", "PRON", "nsubj", 7, "he"), ("added", "VERB", "ROOT", 7, "add"), (".", "PUNCT", "punct", 7),
    ])
    he = sp.doc[6]
    assert sp.resolve_pronoun(he, speaking=True).text == "Volodin"


def test_unnamed_speaker(speakers):
    # "Iran condemned Israel , a foreign ministry statement said ." (no country named for the ministry)
    sp = speakers([
        ("Iran", "PROPN", "nsubj", 1, None, "B-GPE"), ("condemned", "VERB", "ccomp", 8, "condemn"),
        ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), (",", "PUNCT", "punct", 8), ("a", "DET", "det", 7),
        ("foreign", "ADJ", "amod", 6), ("ministry", "NOUN", "compound", 7), ("statement", "NOUN", "nsubj", 8),
        ("said", "VERB", "ROOT", 8, "say"), (".", "PUNCT", "punct", 8),
    ])
    assert sp.speaker_of_clause(sp.doc[1]) is None  # no named or resolved speaker
    m = sp.unnamed_speaker(sp.doc[1])
    assert m is not None and m.text == "a foreign ministry statement" and m.actor is None
    assert m.method == "unnamed-speaker"
    # the speech verb's own clause is no report of another's: nothing for "said" itself
    assert sp.unnamed_speaker(sp.doc[8]) is None


def test_unnamed_speaker_hanging_from_the_reported_clause(speakers):
    # "Russia will boycott the talks , officials said ." parsed with "said" under "boycott" (parataxis)
    sp = speakers([
        ("Russia", "PROPN", "nsubj", 2, None, "B-GPE"), ("will", "AUX", "aux", 2), ("boycott", "VERB", "ROOT", 2),
        ("the", "DET", "det", 4), ("talks", "NOUN", "dobj", 2, "talk"), (",", "PUNCT", "punct", 2),
        ("officials", "NOUN", "nsubj", 7, "official"), ("said", "VERB", "parataxis", 2, "say"),
        (".", "PUNCT", "punct", 2),
    ])
    m = sp.unnamed_speaker(sp.doc[2])
    assert m is not None and m.text == "officials" and m.actor is None


def test_a_named_speaker_is_not_replaced_by_an_unnamed_one(speakers):
    # "Iran condemned Israel , Russian officials said .": the officials are Russia's (resolved), not unnamed
    sp = speakers([
        ("Iran", "PROPN", "nsubj", 1, None, "B-GPE"), ("condemned", "VERB", "ccomp", 6, "condemn"),
        ("Israel", "PROPN", "dobj", 1, None, "B-GPE"), (",", "PUNCT", "punct", 6),
        ("Russian", "ADJ", "amod", 5, None, "B-NORP"), ("officials", "NOUN", "nsubj", 6, "official"),
        ("said", "VERB", "ROOT", 6, "say"), (".", "PUNCT", "punct", 6),
    ])
    m = sp.speaker_of_clause(sp.doc[1])
    assert m is not None and m.actor is not None and m.actor.country == "RUS"


# -- each attribution rule (registry stage ``attribution``) decides its case: without it the speaker is another ------
def _clause(i):
    return lambda sp: sp.speaker_of_clause(sp.doc[i])


def _quote(i):
    return lambda sp: sp.speaker_of_quote(sp.quote_at(sp.doc[i].idx))


def _with_speaking(subject: str, verb: str, lemma: str) -> list[tuple]:
    # "<subject> reacted angrily, with Sergei Lavrov <verb> it as hostile."
    return [(subject, "PROPN", "nsubj", 1, None, "B-GPE"), ("reacted", "VERB", "ROOT", 1, "react"),
            ("angrily", "ADV", "advmod", 1), (",", "PUNCT", "punct", 1), ("with", "ADP", "prep", 1),
            ("Sergei", "PROPN", "compound", 6, None, "B-PERSON"), ("Lavrov", "PROPN", "nsubj", 7, None, "I-PERSON"),
            (verb, "VERB", "pcomp", 4, lemma), ("it", "PRON", "dobj", 7), ("as", "ADP", "prep", 7),
            ("hostile", "ADJ", "pobj", 9), (".", "PUNCT", "punct", 1)]


def _counted(count: str, adjective: str) -> list[tuple]:
    # "<count> <adjective> ministers said Moscow objects. The foreign minister, Sergei Lavrov, said Moscow agrees."
    first = ([(count, "NUM", "nummod", 2)] if count else [("The", "DET", "det", 2)]) + [
        (adjective, "ADJ", "amod", 2, None, "B-NORP"), ("ministers", "NOUN", "nsubj", 3, "minister"),
        ("said", "VERB", "ROOT", 3, "say"), ("Moscow", "PROPN", "nsubj", 5, None, "B-GPE"),
        ("objects", "VERB", "ccomp", 3, "object"), (".", "PUNCT", "punct", 3)]
    return first + [
        ("The", "DET", "det", 9), ("foreign", "ADJ", "amod", 9), ("minister", "NOUN", "nsubj", 14, "minister"),
        (",", "PUNCT", "punct", 9), ("Sergei", "PROPN", "compound", 12, None, "B-PERSON"),
        ("Lavrov", "PROPN", "appos", 9, None, "I-PERSON"), (",", "PUNCT", "punct", 9),
        ("said", "VERB", "ROOT", 14, "say"),
        ("Moscow", "PROPN", "nsubj", 16, None, "B-GPE"), ("agrees", "VERB", "ccomp", 14, "agree"),
        (".", "PUNCT", "punct", 14)]


_ABLATION = [
    # "A statement by the Kremlin said Moscow backs Minsk."
    ("statement_issuer", [
        ("A", "DET", "det", 1), ("statement", "NOUN", "nsubj", 5), ("by", "ADP", "prep", 1), ("the", "DET", "det", 4),
        ("Kremlin", "PROPN", "pobj", 2, None, "B-ORG"), ("said", "VERB", "ROOT", 5, "say"),
        ("Moscow", "PROPN", "nsubj", 7, None, "B-GPE"), ("backs", "VERB", "ccomp", 5, "back"),
        ("Minsk", "PROPN", "dobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 5),
    ], _clause(7), "Kremlin"),
    # "It was stated by the Kremlin."
    ("passive_speaker", [
        ("It", "PRON", "nsubjpass", 2), ("was", "AUX", "auxpass", 2), ("stated", "VERB", "ROOT", 2, "state"),
        ("by", "ADP", "agent", 2), ("the", "DET", "det", 5), ("Kremlin", "PROPN", "pobj", 3, None, "B-ORG"),
        (".", "PUNCT", "punct", 2),
    ], lambda sp: passive_agent(sp.doc[2], sp), "Kremlin"),
    # "Xinhua quoted Li Wen as saying Beijing opposed the plan."
    ("quoted_as_saying", [
        ("Xinhua", "PROPN", "nsubj", 1, None, "B-ORG"), ("quoted", "VERB", "ROOT", 1, "quote"),
        ("Li", "PROPN", "compound", 3, None, "B-PERSON"), ("Wen", "PROPN", "dobj", 1, None, "I-PERSON"),
        ("as", "ADP", "prep", 1), ("saying", "VERB", "pcomp", 4, "say"), ("Beijing", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("opposed", "VERB", "ccomp", 5, "oppose"), ("the", "DET", "det", 9), ("plan", "NOUN", "dobj", 7),
        (".", "PUNCT", "punct", 1),
    ], _clause(7), "Li Wen"),
    # "Ankara blocked the bid, according to Erdogan."
    ("according_to", [
        ("Ankara", "PROPN", "nsubj", 1, None, "B-GPE"), ("blocked", "VERB", "ROOT", 1, "block"), ("the", "DET", "det", 3),
        ("bid", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 1), ("according", "VERB", "prep", 1),
        ("to", "ADP", "prep", 5), ("Erdogan", "PROPN", "pobj", 6, None, "B-PERSON"), (".", "PUNCT", "punct", 1),
    ], _clause(1), "Erdogan"),
    # "Ankara blocked the bid, according to three diplomats.": an unnamed voice (the clause was the outlet's own)
    ("according_to", [
        ("Ankara", "PROPN", "nsubj", 1, None, "B-GPE"), ("blocked", "VERB", "ROOT", 1, "block"), ("the", "DET", "det", 3),
        ("bid", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 1), ("according", "VERB", "prep", 1),
        ("to", "ADP", "prep", 5), ("three", "NUM", "nummod", 8), ("diplomats", "NOUN", "pobj", 6, "diplomat"),
        (".", "PUNCT", "punct", 1),
    ], _clause(1), "three diplomats"),
    # "Jan Novak met Li Wen, according to his office.": the office speaks for the sentence's subject, not the last
    # person named
    ("mouthpiece_speaks_for_owner", [
        ("Jan", "PROPN", "compound", 1, None, "B-PERSON"), ("Novak", "PROPN", "nsubj", 2, None, "I-PERSON"),
        ("met", "VERB", "ROOT", 2, "meet"), ("Li", "PROPN", "compound", 4, None, "B-PERSON"),
        ("Wen", "PROPN", "dobj", 2, None, "I-PERSON"), (",", "PUNCT", "punct", 2), ("according", "VERB", "prep", 2),
        ("to", "ADP", "prep", 6), ("his", "PRON", "poss", 9), ("office", "NOUN", "pobj", 7, "office"),
        (".", "PUNCT", "punct", 2),
    ], _clause(2), "Jan Novak"),
    # "Chile accused Peru of arming rebels.": the arming is Chile's claim
    ("accusation_is_the_accusers", [
        ("Chile", "PROPN", "nsubj", 1, None, "B-GPE"), ("accused", "VERB", "ROOT", 1, "accuse"),
        ("Peru", "PROPN", "dobj", 1, None, "B-GPE"), ("of", "ADP", "prep", 1), ("arming", "VERB", "pcomp", 3, "arm"),
        ("rebels", "NOUN", "dobj", 4, "rebel"), (".", "PUNCT", "punct", 1),
    ], _clause(4), "Chile"),
    # "Greece rejects Turkey: Mitsotakis"
    ("headline_colon_speaker", [
        ("Greece", "PROPN", "nsubj", 1, None, "B-GPE"), ("rejects", "VERB", "ROOT", 1, "reject"),
        ("Turkey", "PROPN", "dobj", 1, None, "B-GPE"), (":", "PUNCT", "punct", 1),
        ("Mitsotakis", "PROPN", "appos", 2, None, "B-PERSON"),
    ], _clause(1), "Mitsotakis"),
    # "Moscow will retaliate, the Kremlin said." with "said" hanging from the reported clause
    ("trailing_speaker", [
        ("Moscow", "PROPN", "nsubj", 2, None, "B-GPE"), ("will", "AUX", "aux", 2), ("retaliate", "VERB", "ROOT", 2),
        (",", "PUNCT", "punct", 2), ("the", "DET", "det", 5), ("Kremlin", "PROPN", "nsubj", 6, None, "B-ORG"),
        ("said", "VERB", "parataxis", 2, "say"), (".", "PUNCT", "punct", 2),
    ], _clause(2), "Kremlin"),
    # "Cairo recalled its envoy, officials said."
    ("unnamed_speaker", [
        ("Cairo", "PROPN", "nsubj", 1, None, "B-GPE"), ("recalled", "VERB", "ROOT", 1, "recall"), ("its", "PRON", "poss", 3),
        ("envoy", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 1), ("officials", "NOUN", "nsubj", 6, "official"),
        ("said", "VERB", "parataxis", 1, "say"), (".", "PUNCT", "punct", 1),
    ], lambda sp: sp.unnamed_speaker(sp.doc[1]), "officials"),
    # "Minister for Trade Jan Novak said Poland agrees."
    ("titled_holder", [
        ("Minister", "PROPN", "nsubj", 5), ("for", "ADP", "prep", 0), ("Trade", "PROPN", "compound", 4),
        ("Jan", "PROPN", "compound", 4, None, "B-PERSON"), ("Novak", "PROPN", "pobj", 1, None, "I-PERSON"),
        ("said", "VERB", "ROOT", 5, "say"), ("Poland", "PROPN", "nsubj", 7, None, "B-GPE"),
        ("agrees", "VERB", "ccomp", 5, "agree"), (".", "PUNCT", "punct", 5),
    ], _clause(7), "Jan Novak"),
    # '“Ties are strong,” Blinken said. “Athens waits.”'
    ("quote_after_attributed_quote", [
        ("“", "PUNCT", "punct", 2), ("Ties", "NOUN", "nsubj", 2, "tie"), ("are", "AUX", "ccomp", 6, "be"),
        ("strong", "ADJ", "acomp", 2), (",", "PUNCT", "punct", 6), ("”", "PUNCT", "punct", 6),
        ("Blinken", "PROPN", "nsubj", 7, None, "B-PERSON"), ("said", "VERB", "ROOT", 7, "say"), (".", "PUNCT", "punct", 7),
        ("“", "PUNCT", "punct", 11), ("Athens", "PROPN", "nsubj", 11, None, "B-GPE"), ("waits", "VERB", "ROOT", 11, "wait"),
        (".", "PUNCT", "punct", 11), ("”", "PUNCT", "punct", 11),
    ], _quote(11), "Blinken"),
    # "Well done, Peru." then the line "— President Biden (@POTUS)" (a made-up post and its signature)
    ("post_signature", [
        ("Well", "ADV", "advmod", 1), ("done", "VERB", "ROOT", 1, "do"), (",", "PUNCT", "punct", 1),
        ("Peru", "PROPN", "npadvmod", 1, None, "B-GPE"), (".", "PUNCT", "punct", 1), ("\n", "SPACE", "dep", 4),
        ("—", "PUNCT", "punct", 8), ("President", "PROPN", "compound", 8, None, "B-PERSON"),
        ("Biden", "PROPN", "ROOT", 8, None, "I-PERSON"), ("(@POTUS)", "PUNCT", "punct", 8),
    ], lambda sp: sp.signature_speaker(sp.doc[1]), "President Biden"),
    # "Moscow reacted angrily, with Sergei Lavrov describing it as hostile."
    ("with_speaking_elaborates", _with_speaking("Moscow", "describing", "describe"), _clause(1), "Sergei Lavrov"),
    # "Two Russian ministers said Moscow objects. The foreign minister, Sergei Lavrov, said ..."
    ("counted_officials_named_after", _counted("Two", "Russian"), _clause(5), "Sergei Lavrov"),
    # "Turkey signed a deal. This was announced by Russia."
    ("announced_in_the_next_sentence", [
        ("Turkey", "PROPN", "nsubj", 1, None, "B-GPE"), ("signed", "VERB", "ROOT", 1, "sign"), ("a", "DET", "det", 3),
        ("deal", "NOUN", "dobj", 1), (".", "PUNCT", "punct", 1),
        ("This", "PRON", "nsubjpass", 7, "this"), ("was", "AUX", "auxpass", 7, "be"),
        ("announced", "VERB", "ROOT", 7, "announce"), ("by", "ADP", "agent", 7),
        ("Russia", "PROPN", "pobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 7),
    ], _clause(1), "Russia"),
    # "Russia said Chile armed Peru , a claim Lima dismissed .": the dismissal is the outlet's aside, no one's report
    # (speaker None: the rule takes the speaker away)
    ("claim_aside_is_the_writers", [
        ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"),
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("armed", "VERB", "ccomp", 1, "arm"),
        ("Peru", "PROPN", "dobj", 3, None, "B-GPE"), (",", "PUNCT", "punct", 4), ("a", "DET", "det", 7),
        ("claim", "NOUN", "appos", 4, "claim"), ("Lima", "PROPN", "nsubj", 9, None, "B-GPE"),
        ("dismissed", "VERB", "relcl", 7, "dismiss"), (".", "PUNCT", "punct", 1),
    ], _clause(9), None),
    # "Peru said Chile armed Lima's rebels , which Chile denies .": a denial set beside the report on 'which' is the
    # outlet's aside too
    ("claim_aside_is_the_writers", [
        ("Peru", "PROPN", "nsubj", 1, None, "B-GPE"), ("said", "VERB", "ROOT", 1, "say"),
        ("Chile", "PROPN", "nsubj", 3, None, "B-GPE"), ("armed", "VERB", "ccomp", 1, "arm"),
        ("rebels", "NOUN", "dobj", 3, "rebel"), (",", "PUNCT", "punct", 4), ("which", "PRON", "dobj", 8),
        ("Chile", "PROPN", "nsubj", 8, None, "B-GPE"), ("denies", "VERB", "relcl", 4, "deny"),
        (".", "PUNCT", "punct", 1),
    ], _clause(8), None),
]


@pytest.mark.parametrize("rule, tokens, read, speaker", _ABLATION, ids=[c[0] for c in _ABLATION])
def test_each_attribution_rule_decides_its_case(speakers, rule, tokens, read, speaker):
    from detente.events.rules import rules

    assert rule in {r.name for r in rules() if r.stage == "attribution"}
    on, off = read(speakers(tokens)), read(speakers(tokens, disabled=frozenset({rule})))
    if speaker is None:  # a rule that says a clause has no speaker
        assert on is None and off is not None
        return
    assert on is not None and on.text == speaker
    assert off is None or off.text != speaker


def test_every_attribution_rule_has_its_case_and_every_cue_list_a_reader():
    from detente.events.rules import rules

    attribution = [r for r in rules() if r.stage == "attribution"]
    # (the one rule read by the event coder with an argument finder has its own case below)
    assert {r.name for r in attribution} == {c[0] for c in _ABLATION} | {"speaker_resolved_as_a_subject"}
    # speech_verb is read by every rule (what a speech verb is); each other list by a rule that declares it
    assert set(cue_lists()) == {"speech_verb"} | {k for r in attribution for k in r.vocab}


def test_quote_opening_the_next_paragraph_is_the_same_speakers(speakers):
    # '“Russia talks,” Lavrov said.' then a paragraph '“Russia waits.”': news runs a long quote over paragraphs
    toks = [tuple("Russia" if x == "{name}" else x for x in t) for t in _TWO_QUOTES]
    toks = toks[:8] + [("\n\n", "SPACE", "dep", 10)] + [
        (w, pos, dep, head + 1 if head >= 8 else head, *rest) for (w, pos, dep, head, *rest) in toks[8:]]
    sp = speakers(toks)
    k = sp.quote_at(sp.doc[11].idx)
    assert k == 1
    m = sp.speaker_of_quote(k)
    assert m is not None and m.text == "Lavrov"


def test_a_speech_verb_reports_only_its_own_sentence(speakers):
    # "Lavrov said Russia waits." then a paragraph "Iran talks.", whose verb a parse that runs on across the
    # paragraph break hangs on "said"
    sp = speakers([
        ("Lavrov", "PROPN", "nsubj", 1, None, "B-PERSON"), ("said", "VERB", "ROOT", 1, "say"),
        ("Russia", "PROPN", "nsubj", 3, None, "B-GPE"), ("waits", "VERB", "ccomp", 1, "wait"),
        (".", "PUNCT", "punct", 1), ("\n\n", "SPACE", "dep", 7),
        ("Iran", "PROPN", "nsubj", 7, None, "B-GPE"), ("talks", "VERB", "ccomp", 1, "talk"), (".", "PUNCT", "punct", 7),
    ])
    assert len(sp.parsed.sentences) == 2
    assert sp.speaker_of_clause(sp.doc[3]).text == "Lavrov"
    assert sp.speaker_of_clause(sp.doc[7]) is None


def test_a_dateline_never_speaks(speakers):
    # "LIMA (AP) — Chile's president, saying he would leave.": the parser makes the dateline the subject of "saying"
    sp = speakers([
        ("LIMA", "PROPN", "nsubj", 9, None, "B-GPE"), ("(", "PUNCT", "punct", 0), ("AP", "PROPN", "appos", 0, None, "B-ORG"),
        (")", "PUNCT", "punct", 0), ("—", "PUNCT", "punct", 0), ("Chile", "PROPN", "poss", 7, None, "B-GPE"),
        ("'s", "PART", "case", 5, None, None, "POS"), ("president", "NOUN", "appos", 0), (",", "PUNCT", "punct", 9),
        ("saying", "VERB", "ROOT", 9, "say"), ("he", "PRON", "nsubj", 12), ("would", "AUX", "aux", 12),
        ("leave", "VERB", "ccomp", 9), (".", "PUNCT", "punct", 9),
    ])
    m = subject_of(sp.doc[9], sp)
    assert m is not None and "LIMA" not in m.text and m.actor is not None and m.actor.country == "CHL"


def _post(pipeline, signature: bool):
    # "Congratulations to Chile on the accord." then the line "— President Biden (@POTUS)" (made-up post)
    tokens = [("Congratulations", "NOUN", "ROOT", 0, "congratulation"), ("to", "ADP", "prep", 0),
              ("Chile", "PROPN", "pobj", 1, None, "B-GPE"), ("on", "ADP", "prep", 0), ("the", "DET", "det", 5),
              ("accord", "NOUN", "pobj", 3), (".", "PUNCT", "punct", 0), ("\n", "SPACE", "dep", 6)]
    if signature:
        tokens += [("—", "PUNCT", "punct", 10), ("President", "PROPN", "compound", 10, None, "B-PERSON"),
                   ("Biden", "PROPN", "ROOT", 10, None, "I-PERSON"), ("(@POTUS)", "PUNCT", "punct", 10)]
    else:
        tokens += [("President", "PROPN", "compound", 9, None, "B-PERSON"), ("Biden", "PROPN", "nsubj", 10, None, "I-PERSON"),
                   ("spoke", "VERB", "ROOT", 10, "speak"), (".", "PUNCT", "punct", 10)]
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    return parsed, Speakers(parsed, pipeline.resolver.resolve(parsed))


def test_a_post_signature_names_its_speaker(pipeline):
    parsed, sp = _post(pipeline, signature=True)
    m = sp.signature_speaker(parsed.doc[2])
    assert m is not None and m.actor is not None and m.actor.country == "USA"
    parsed, sp = _post(pipeline, signature=False)
    assert sp.signature_speaker(parsed.doc[2]) is None


def test_exclamation_is_the_speakers(pipeline):
    from detente.events.extract import EventCoder

    parsed, sp = _post(pipeline, signature=True)
    coder = pipeline.coder
    found = []
    for disabled in (frozenset(), frozenset({"exclamation_is_the_speakers"})):
        c = EventCoder(coder.lex, agents=coder.agents, disabled=disabled)
        found.append([(e.trigger, [m.actor.node for m in e.source], [m.actor.node for m in e.target], e.said_by)
                      for e in c.code(parsed, sp.mentions, sp) if e.trigger == "Congratulations"])
    assert found[0] == [("Congratulations", ["USA"], ["CHL"], None)]
    assert all(src == [] for _, src, _, _ in found[1])  # without the rule: no source (the post's author only says it)


def _quoted_we(verb: str, lemma: str, obj: str) -> list[tuple]:
    # "“We <verb> <obj>,” Russia said." (the obj a state)
    return [("“", "PUNCT", "punct", 7), ("We", "PRON", "nsubj", 2, "we"), (verb, "VERB", "ccomp", 7, lemma),
            (obj, "PROPN", "dobj", 2, None, "B-GPE"), (",", "PUNCT", "punct", 7), ("”", "PUNCT", "punct", 7),
            ("Russia", "PROPN", "nsubj", 7, None, "B-GPE"), ("said", "VERB", "ROOT", 7, "say"),
            (".", "PUNCT", "punct", 7)]


@pytest.mark.parametrize("verb, lemma, said_by", [
    ("condemn", "condemn", None),  # a speech act: Russia is its source, so not also its said_by (item 5)
    ("attacked", "attack", "Russia"),  # an act told by its actor: Russia says so
])
def test_a_speech_acts_source_is_not_its_said_by(pipeline, verb, lemma, said_by):
    from detente.events.extract import EventCoder

    parsed = build(pipeline.nlp.vocab, _quoted_we(verb, lemma, "Ukraine"), published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    coder = pipeline.coder
    events = [e for e in EventCoder(coder.lex, agents=coder.agents).code(parsed, sp.mentions, sp) if e.trigger == verb]
    assert [([m.actor.node for m in e.source], [m.actor.node for m in e.target]) for e in events] == [(["RUS"], ["UKR"])]
    assert (events[0].said_by.text if events[0].said_by else None) == said_by


def test_own_speaker():
    from detente.events.lexicon import own_speaker
    from detente.model import Mention

    russia = Mention("d", 0, 10, 16, "Russia")
    other = Mention("d", 0, 30, 36, "Israel")
    assert own_speaker(russia, [russia], "111") is None
    assert own_speaker(russia, [Mention("d", 0, 0, 16, "Moscow's Russia")], "020") is None  # a span inside a source
    assert own_speaker(russia, [other], "111") is russia
    assert own_speaker(russia, [russia], "190") is russia  # no speech act: kept
    assert own_speaker(russia, [russia], "042") is russia  # a meeting has parties, not a speaker
    assert own_speaker(None, [russia], "111") is None


@pytest.mark.parametrize("verb, lemma, speaks", [("announced", "announce", True), ("denied", "deny", False)])
def test_announced_in_the_next_sentence(speakers, verb, lemma, speaks):
    # "Turkey signed a deal. This was announced by Russia.": the deal is Russia's announcement ("denied" is no
    # announcement of it)
    tokens = [
        ("Turkey", "PROPN", "nsubj", 1, None, "B-GPE"), ("signed", "VERB", "ROOT", 1, "sign"), ("a", "DET", "det", 3),
        ("deal", "NOUN", "dobj", 1), (".", "PUNCT", "punct", 1),
        ("This", "PRON", "nsubjpass", 7, "this"), ("was", "AUX", "auxpass", 7, "be"), (verb, "VERB", "ROOT", 7, lemma),
        ("by", "ADP", "agent", 7), ("Russia", "PROPN", "pobj", 8, None, "B-GPE"), (".", "PUNCT", "punct", 7),
    ]
    sp = speakers(tokens)
    m = sp.speaker_of_clause(sp.doc[1])
    assert (m is not None and m.actor.country == "RUS") == speaks
    assert speakers(tokens, disabled={"announced_in_the_next_sentence"}).speaker_of_clause(sp.doc[1]) is None


@pytest.mark.parametrize("subject, verb, lemma, speaks", [
    ("Moscow", "saying", "say", True),
    ("Paris", "describing", "describe", False),  # a Russian minister does not say what Paris reacted
    ("Moscow", "visiting", "visit", False),  # "with Lavrov visiting ...": no speech
    ("Moscow", "calling", "call", True),  # "with Lavrov calling it hostile": naming it is saying so
])
def test_with_speaking_is_the_reactions_speaker_of_its_own_state_only(speakers, subject, verb, lemma, speaks):
    sp = speakers(_with_speaking(subject, verb, lemma))
    m = sp.speaker_of_clause(sp.doc[1])
    assert (m is not None and m.text == "Sergei Lavrov") == speaks


@pytest.mark.parametrize("count, adjective, named", [
    ("Two", "Russian", True),
    ("Two", "Chinese", False),  # a Russian minister is not one of two Chinese ones
    ("", "Russian", False),  # "the Russian ministers": no count, no list of holders announced
])
def test_counted_officials_are_the_holders_named_next(speakers, count, adjective, named):
    sp = speakers(_counted(count, adjective))
    m = sp.speaker_of_clause(sp.doc[5])
    assert m is not None and (m.text == "Sergei Lavrov") == named


def test_according_to_a_statement_is_its_issuer(speakers):
    # "Ankara blocked the bid, according to a statement from the Turkish ministry."
    tokens = [
        ("Ankara", "PROPN", "nsubj", 1, None, "B-GPE"), ("blocked", "VERB", "ROOT", 1, "block"),
        ("the", "DET", "det", 3), ("bid", "NOUN", "dobj", 1), (",", "PUNCT", "punct", 1),
        ("according", "VERB", "prep", 1), ("to", "ADP", "prep", 5), ("a", "DET", "det", 8),
        ("statement", "NOUN", "pobj", 6, "statement"),
        ("from", "ADP", "prep", 8), ("the", "DET", "det", 12), ("Turkish", "ADJ", "amod", 12, None, "B-NORP"),
        ("ministry", "NOUN", "pobj", 9, "ministry"), (".", "PUNCT", "punct", 1),
    ]
    sp = speakers(tokens)
    m = sp.speaker_of_clause(sp.doc[1])
    assert m is not None and m.actor is not None and m.actor.country == "TUR" and m.method != "unnamed-speaker"
    # without the rule, only the statement's description as an unnamed voice (rule according_to)
    off = speakers(tokens, disabled=frozenset({"statement_issuer"})).speaker_of_clause(sp.doc[1])
    assert off is None or off.method == "unnamed-speaker"


@pytest.mark.parametrize("subject, pos, inherits", [("statement", "NOUN", False), ("it", "PRON", True)])
def test_a_quote_its_sentence_attributes_is_not_the_last_speakers(speakers, subject, pos, inherits):
    # '“Ties are strong,” Blinken said. “Athens waits,” the statement said.': the second quote is the statement's
    # (an unnamed voice), not Blinken's; '..., it said.' goes on with Blinken
    tokens = [
        ("“", "PUNCT", "punct", 2), ("Ties", "NOUN", "nsubj", 2, "tie"), ("are", "AUX", "ccomp", 6, "be"),
        ("strong", "ADJ", "acomp", 2), (",", "PUNCT", "punct", 6), ("”", "PUNCT", "punct", 6),
        ("Blinken", "PROPN", "nsubj", 7, None, "B-PERSON"), ("said", "VERB", "ROOT", 7, "say"),
        (".", "PUNCT", "punct", 7),
        ("“", "PUNCT", "punct", 11), ("Athens", "PROPN", "nsubj", 11, None, "B-GPE"),
        ("waits", "VERB", "ccomp", 16 if subject == "statement" else 15, "wait"), (",", "PUNCT", "punct", 11),
        ("”", "PUNCT", "punct", 11)]
    if subject == "statement":
        tokens += [("the", "DET", "det", 15), ("statement", pos, "nsubj", 16), ("said", "VERB", "ROOT", 16, "say"),
                   (".", "PUNCT", "punct", 16)]
    else:
        tokens += [("it", pos, "nsubj", 15, "it"), ("said", "VERB", "ROOT", 15, "say"), (".", "PUNCT", "punct", 15)]
    sp = speakers(tokens)
    got = sp.speaker_of_quote(sp.quote_at(sp.doc[11].idx))
    assert (got is not None and got.text == "Blinken") == inherits


@pytest.mark.parametrize("words, pair", [(["the", "two", "members"], False), (["two", "dozen", "members"], None)])
def test_the_two_members_are_a_pair_but_two_dozen_are_not(words, pair):
    # "the two Commonwealth members" refer to the pair told before; "about two dozen members" of a body do not
    from detente.events.attribution import pair_reference
    from handdoc import doc as hand_doc

    heads, deps = ([2, 2, 2], ["det", "nummod", "ROOT"]) if pair is False else (
        [2, 0, 2], ["nummod", "quantmod", "ROOT"])
    doc = hand_doc(words, heads, deps, lemmas=[w if w != "members" else "member" for w in words])
    assert pair_reference(doc[2]) is pair


def test_a_speaker_naming_no_actor_is_resolved_as_the_subject_it_is(pipeline, speakers):
    # "The foreign ministry in Baku said Moscow backs Minsk.": the speaker's mention names no actor; the subject
    # rules read the ministry in Baku as Azerbaijan's government (rule speaker_resolved_as_a_subject)
    from detente.events.arguments import ArgumentFinder, Context
    from detente.events.rules import run_rule

    sp = speakers([
        ("The", "DET", "det", 2), ("foreign", "ADJ", "amod", 2), ("ministry", "NOUN", "nsubj", 5),
        ("in", "ADP", "prep", 2), ("Baku", "PROPN", "pobj", 3, None, "B-GPE"), ("said", "VERB", "ROOT", 5, "say"),
        ("Moscow", "PROPN", "nsubj", 7, None, "B-GPE"), ("backs", "VERB", "ccomp", 5, "back"),
        ("Minsk", "PROPN", "dobj", 7, None, "B-GPE"), (".", "PUNCT", "punct", 5),
    ])
    coder = pipeline.coder
    finder = ArgumentFinder(sp, coder.event_nouns, coder.agents, coder.noun_types, frozenset())
    said = sp.speaker_of_clause(sp.doc[7]) or sp.unnamed_speaker(sp.doc[7])
    assert said is not None and said.text.startswith("The foreign ministry") and said.actor is None
    got = run_rule("speaker_resolved_as_a_subject", said, sp.doc, finder, Context())
    assert got.start == said.start and got.actor is not None and got.actor.node == "AZE"
    assert run_rule("speaker_resolved_as_a_subject", said, sp.doc, finder, Context(),
                    disabled={"speaker_resolved_as_a_subject"}) is None

