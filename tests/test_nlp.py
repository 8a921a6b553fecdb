"""The pinned spaCy model: a regression check on a fixed text (catches a changed re-upload) and sentence cuts."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from handdoc import doc as hand_doc  # noqa: E402

from detente.model import Document
from detente.nlp import headline_cuts, label_spans, parse_documents, split_sentences

pytestmark = pytest.mark.model

FIXED = "Vladimir Putin met Recep Tayyip Erdogan in Moscow on Tuesday. Hamas praised Russia."


def test_nlp_model_regression(pipeline):
    doc = pipeline.nlp(FIXED)
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Vladimir Putin", "PERSON"),
        ("Recep Tayyip Erdogan", "PERSON"),
        ("Moscow", "GPE"),
        ("Tuesday", "DATE"),
        ("Hamas", "ORG"),
        ("Russia", "GPE"),
    ]
    assert pipeline.nlp.meta["version"] == "3.8.0"


def test_nlp_sentences_never_cross_paragraphs(pipeline):
    text = "Russia warned Israel\n\nthe talks in Cairo went on. Iran agreed."
    document = Document(id="p", text=text)
    parsed = next(parse_documents([document], pipeline.nlp))
    assert [s.text for s in parsed.sentences] == ["Russia warned Israel", "the talks in Cairo went on.", "Iran agreed."]
    assert [s.paragraph for s in parsed.sentences] == [0, 1, 1]
    for s in parsed.sentences:
        assert text[s.start:s.end] == s.text
    assert split_sentences(document, parsed.doc)[0] == parsed.sentences



def test_a_headline_is_parsed_apart_from_the_body(pipeline):
    # a headline with no full stop over a body: no parse link crosses between them, and offsets still hold
    text = "Turkey lifting objections to Sweden joining NATO\n\nMADRID (AP) — Turkey has agreed to drop its opposition."
    parsed = next(parse_documents([Document(id="h", text=text)], pipeline.nlp))
    doc = parsed.doc
    body = next(t.i for t in doc if t.text == "MADRID")
    assert all((t.head.i >= body) == (t.i >= body) for t in doc if not t.is_space)
    assert doc.text == text and parsed.sentences[0].text == "Turkey lifting objections to Sweden joining NATO"
    # a paragraph that ends like a sentence is not cut off: the parse may link it to what follows, as before
    assert headline_cuts("Russia warned Israel.\n\nIran agreed.") == ["Russia warned Israel.\n\nIran agreed."]
    assert headline_cuts(text) == ["Turkey lifting objections to Sweden joining NATO\n\n", "MADRID (AP) — ",
                                   "Turkey has agreed to drop its opposition."]


@pytest.mark.parametrize("dateline", ["WARSAW, Sept 20 (Reuters) - ", "AL-ULA, Saudi Arabia, Jan 5 - ",
                                      "STOCKHOLM (AP) — ", "YEREVAN: ", "MANILA - ", "OTTAWA/NEW DELHI, Sept 19 - ",
                                      "Global Times -- ", "Kyiv — "])
def test_a_dateline_is_parsed_apart_but_stays_in_its_ledes_sentence(pipeline, dateline):
    # "AL-ULA, Saudi Arabia, Jan 5 - Saudi Arabia, the UAE, Bahrain and Egypt signed ...": parsed with its lede, the
    # dateline's names became the lede's subjects
    lede = "Chile, Peru and Bolivia on Tuesday signed a declaration ending the dispute."
    text = f"Three states end dispute\n\n{dateline}{lede} Ecuador welcomed it."
    assert headline_cuts(text) == ["Three states end dispute\n\n", dateline, f"{lede} Ecuador welcomed it."]
    parsed = next(parse_documents([Document(id="d", text=text)], pipeline.nlp))
    doc = parsed.doc
    body = next(t.i for t in doc if t.text == "Chile")
    assert all((t.head.i >= body) == (t.i >= body) for t in doc if not t.is_space)
    assert [s.text for s in parsed.sentences] == ["Three states end dispute", dateline + lede, "Ecuador welcomed it."]
    signed = next(t for t in doc if t.text == "signed")
    assert {c.text for c in signed.children if c.dep_ == "nsubj"} == {"Chile"}


@pytest.mark.parametrize("label", ["Answer: ", "Q: ", "10:42 GMT — ", "11.30am: ", "Myth: ", "Why it matters: ", "3/ "])
def test_a_paragraph_label_is_parsed_apart_but_stays_in_its_sentence(pipeline, label):
    # "13:02 GMT — UNIFIL says ...": parsed with its sentence, the label became a speaker ("GMT") or the root
    body = "Chile has lodged a protest with Peru."
    text = f"Briefing\n\nQuestion: What happened?\n\n{label}{body}"
    assert label in headline_cuts(text) and body in headline_cuts(text)
    parsed = next(parse_documents([Document(id="d", text=text)], pipeline.nlp))
    assert parsed.sentences[-1].text == label + body
    lodged = next(t for t in parsed.doc if t.text == "lodged")
    assert {c.text for c in lodged.children if c.dep_ == "nsubj"} == {"Chile"}
    assert all(t.head.i >= lodged.i - 2 for t in parsed.doc[lodged.i - 2:])  # the label holds nothing of the clause


def test_a_number_opening_a_sentence_is_no_label():
    text = ("10:42 GMT — Israel struck.\n\n2023 was a bad year.\nA: Yes.\nPRESIDENT BORIC: Thank you.\nNATO said.\n"
            "2/ Chile left.\n50/50 odds.\n3/4 of states.")
    assert [text[a:b] for a, b in label_spans(text)] == ["10:42 GMT — ", "A: ", "PRESIDENT BORIC: ", "2/ "]


def test_a_capitalised_word_and_a_dash_in_a_sentence_is_no_dateline():
    assert headline_cuts("T\n\nUS officials said - as expected - that talks failed.") == [
        "T\n\n", "US officials said - as expected - that talks failed."]


def test_a_verb_in_scare_quotes_is_a_verb(pipeline):
    # the tagger reads a quoted participle as an adjective; with its auxiliary and object it is the verb
    doc = pipeline.nlp("Georgia has “frozen” its role in the alliance.")
    frozen = next(t for t in doc if t.text == "frozen")
    assert frozen.pos_ == "VERB" and frozen.lemma_ == "freeze"
    plain = pipeline.nlp("The lake was frozen and “quiet” all winter.")
    assert next(t for t in plain if t.text == "quiet").pos_ != "VERB"


def test_the_modifier_letter_apostrophe_makes_a_possessive(pipeline):
    doc = pipeline.nlp("Türkiye lifted its veto on Swedenʼs accession.")
    assert [t.text for t in doc][5:7] == ["Sweden", "ʼs"]
    assert doc[6].norm_ == "'s"


def test_an_editorial_ending_in_brackets_is_cut_off(pipeline):
    # a quote completed by the editor ("constitute[s]") keeps its word, tagged as the verb it is
    doc = pipeline.nlp("The minister said the pact “constitute[s] unacceptable conduct”.")
    words = [t.text for t in doc]
    assert words[6:9] == ["constitute", "[s]", "unacceptable"]
    assert doc[6].pos_ == "VERB"
    assert [t.text for t in pipeline.nlp("They met [the] envoys.")][2:5] == ["[", "the", "]"]


def test_the_acute_accent_apostrophe_makes_a_possessive_read_as_one(pipeline):
    # some outlets write "Chile´s" (U+00B4): split like "'s" and seen by the tagger and parser as "’s" is
    doc = pipeline.nlp("They doubt that Chile´s accession to the treaty is wise.")
    assert [t.text for t in doc][3:5] == ["Chile", "´s"]
    assert doc[4].tag_ == "POS" and doc[3].dep_ == "poss"
    assert (doc[4].norm_, doc[4].shape_) == ("'s", pipeline.nlp.vocab["’s"].shape_)


@pytest.mark.parametrize("headline, verb, subject", [
    ("Turkey halts all trade with Israel over Gaza", "halts", "Turkey"),
    ("US sanctions Russian banks over Ukraine war", "sanctions", "US"),
])
def test_a_headline_verb_read_as_a_plural_noun_is_a_verb(pipeline, headline, verb, subject):
    text = f"{headline}\n\nThe ministry said on Thursday that the measures would stay in place for a long time."
    parsed = next(parse_documents([Document(id="h", text=text)], pipeline.nlp))
    tok = next(t for t in parsed.doc if t.text == verb)
    assert tok.pos_ == "VERB" and {c.text for c in tok.children if c.dep_ == "nsubj"} == {subject}
    # the same words ending like a sentence are no headline: left as the parser read them
    body = next(parse_documents([Document(id="b", text=f"{headline}.")], pipeline.nlp))
    assert next(t for t in body.doc if t.text == verb).pos_ == "NOUN"


def test_a_paragraph_that_ends_like_a_sentence_ends_one(pipeline):
    # the parser ran the two paragraphs into one tree: the second one's subject a prepositional object of the first's
    text = ("Modi said India had always acted as a first responder for the Maldives.\n\nMuizzu, who was elected last "
            "year on a campaign against India, had asked New Delhi to withdraw its soldiers from the islands.")
    doc = next(parse_documents([Document(id="p", text=text)], pipeline.nlp)).doc
    second = next(t.i for t in doc if t.text == "Muizzu")
    assert all((t.head.i >= second) == (t.i >= second) for t in doc if not t.is_space)
    # before the parser: a sentence starts after a paragraph that ends like one, not after a hard-wrapped line
    from detente.nlp import cap_sentences

    doc = cap_sentences(pipeline.nlp.make_doc("Chile agreed.\n\nPeru said that the president\n\nissued it."))
    starts = {t.text for t in doc if t.is_sent_start}
    assert "Peru" in starts and "issued" not in starts


@pytest.mark.parametrize("para, ends", [("He said.", True), ('"We will respond."', True),
                                       ("PM says flak ‘insulting’", False), ("Reuters, SYDNEY", False),
                                       ("By a reporter (AP)", False), ("Asked why:", True)])
def test_ends_like_sentence(para, ends):
    from detente.nlp import ends_like_sentence

    assert ends_like_sentence(para) == ends
    assert (headline_cuts(f"{para}\n\nChile agreed.") == [f"{para}\n\n", "Chile agreed."]) == (not ends)


def _evacuated(with_comma: bool):
    # "Chile evacuated its embassy , days after a gunman killed a guard , and accused Peru ."
    words = ["Chile", "evacuated", "its", "embassy", ",", "days", "after", "a", "gunman", "killed", "a", "guard", ",",
             "and", "accused", "Peru", "."]
    heads = [1, 1, 3, 1, 1, 9, 9, 8, 9, 1, 11, 9, 9, 9, 9, 14, 1]
    deps = ["nsubj", "ROOT", "poss", "dobj", "punct", "npadvmod", "mark", "det", "nsubj", "advcl", "det", "dobj",
            "punct", "cc", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "PRP$", "NN", ",", "NNS", "IN", "DT", "NN", "VBD", "DT", "NN", ",", "CC", "VBD", "NNP", "."]
    if not with_comma:
        words[4], tags[4] = ";", ":"
    return hand_doc(words, heads, deps, tags=tags)


def test_a_verb_after_a_set_off_subordinate_clause_is_the_main_verbs_conjunct():
    from detente.nlp import conj_after_clause

    doc = conj_after_clause(_evacuated(True))
    assert doc[14].head.text == "evacuated" and doc[14].dep_ == "conj" and doc[13].head.text == "evacuated"
    # the clause not set off by a comma before it: left as the parser read it
    doc = conj_after_clause(_evacuated(False))
    assert doc[14].head.text == "killed"


def test_a_reporting_verb_after_a_reported_state_is_the_first_reporting_verbs_conjunct():
    # "Chile had said Peru was doomed and warned that it would pay ."
    from detente.nlp import conj_after_clause

    words = ["Chile", "had", "said", "Peru", "was", "doomed", "and", "warned", "that", "it", "would", "pay", "."]
    heads = [2, 2, 2, 5, 5, 2, 5, 5, 11, 11, 11, 7, 2]
    deps = ["nsubj", "aux", "ROOT", "nsubjpass", "auxpass", "ccomp", "cc", "conj", "mark", "nsubj", "aux", "ccomp",
            "punct"]
    tags = ["NNP", "VBD", "VBN", "NNP", "VBD", "VBN", "CC", "VBD", "IN", "PRP", "MD", "VB", "."]
    doc = conj_after_clause(hand_doc(words, heads, deps, tags=tags))
    assert doc[7].head.text == "said" and doc[6].head.text == "said"
    deps[4] = "aux"  # "Peru was dooming ...": no state (no passive, no copula complement): left alone
    doc = conj_after_clause(hand_doc(words, heads, deps, tags=tags))
    assert doc[7].head.text == "doomed"


def test_a_reporting_verb_after_the_act_of_a_thing_is_the_first_reporting_verbs_conjunct():
    # "Chile said the ruling violated the law and demanded that Peru act ." : a ruling demands nothing
    from detente.nlp import conj_after_clause

    words = ["Chile", "said", "the", "ruling", "violated", "the", "law", "and", "demanded", "that", "Peru", "act", "."]
    heads = [1, 1, 3, 4, 1, 6, 4, 4, 4, 11, 11, 8, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "det", "dobj", "cc", "conj", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "DT", "NN", "CC", "VBD", "IN", "NNP", "VB", "."]
    doc = conj_after_clause(hand_doc(words, heads, deps, tags=tags))
    assert doc[8].head.text == "said"
    words[3] = "army"  # "the army violated the law and demanded ...": an agent may go on to demand
    doc = conj_after_clause(hand_doc(words, heads, deps, tags=tags))
    assert doc[8].head.text == "violated"


def test_a_reporting_clause_cut_off_after_a_comma_takes_the_sentence_before_it():
    # "Peru will sign the deal , Chile 's minister said ." parsed as two sentences: the report had no speaker
    from detente.nlp import report_after_comma

    words = ["Peru", "will", "sign", "the", "deal", ",", "Chile", "'s", "minister", "said", "."]
    heads = [2, 2, 2, 4, 2, 2, 8, 6, 9, 9, 9]
    deps = ["nsubj", "aux", "ROOT", "det", "dobj", "punct", "poss", "case", "nsubj", "ROOT", "punct"]
    tags = ["NNP", "MD", "VB", "DT", "NN", ",", "NNP", "POS", "NN", "VBD", "."]
    lemmas = ["Peru", "will", "sign", "the", "deal", ",", "Chile", "'s", "minister", "say", "."]
    doc = report_after_comma(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[2].head.text == "said" and doc[2].dep_ == "ccomp" and len(list(doc.sents)) == 1
    # ended by a full stop, the first sentence is a sentence of its own
    words[5], tags[5] = ".", "."
    doc = report_after_comma(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[2].head.text == "sign" and len(list(doc.sents)) == 2


def test_an_object_after_an_aside_is_the_reported_verbs():
    # "Niger said it had revoked , with effect , a pact ." : the parser gave the pact to "said"
    from detente.nlp import object_after_aside

    words = ["Niger", "said", "it", "had", "revoked", ",", "with", "effect", ",", "a", "pact", "."]
    heads = [1, 1, 4, 4, 1, 4, 4, 6, 4, 10, 1, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct", "prep", "pobj", "punct", "det", "dobj", "punct"]
    tags = ["NNP", "VBD", "PRP", "VBD", "VBN", ",", "IN", "NN", ",", "DT", "NN", "."]
    lemmas = ["Niger", "say", "it", "have", "revoke", ",", "with", "effect", ",", "a", "pact", "."]
    doc = object_after_aside(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[10].head.text == "revoked"
    # no aside before the object: left as the parser read it
    words[8], tags[8], lemmas[8] = "now", "RB", "now"
    deps[8] = "advmod"
    doc = object_after_aside(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[10].head.text == "said"


def test_an_accusation_after_a_reported_past_perfect_is_the_reporters():
    # "Chile said Peru had failed and accused Lima of lying ." : the parser hung "accused" on "failed"
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "Peru", "had", "failed", "and", "accused", "Lima", "of", "lying", "."]
    heads = [1, 1, 4, 4, 1, 4, 4, 6, 6, 8, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "cc", "conj", "dobj", "prep", "pcomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "VBN", "CC", "VBD", "NNP", "IN", "VBG", "."]
    lemmas = ["Chile", "say", "Peru", "have", "fail", "and", "accuse", "Lima", "of", "lie", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[6].head.text == "said" and doc[5].head.text == "said"
    # the same tense as the reported verb ("Peru failed and accused ..."): left as the parser read it
    words[3], deps[3], tags[3], lemmas[3] = "then", "advmod", "RB", "then"
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[6].head.text == "failed"


def test_a_title_case_headline_is_parsed_in_sentence_case():
    from detente.nlp import sentence_case

    body = "\n\nLIMA - President Gabriel Boric and Peru's leader signed a pact on Wednesday, a mutual pledge."
    headline = "Chile, Peru Sign Mutual Defence Pact Amid Boric Visit"
    got = sentence_case(headline, body)
    # names the body writes capitalised stay; words the body, the stop words or the lexicon know are lowered
    assert got == "Chile, Peru sign mutual Defence pact amid Boric visit"
    assert len(got) == len(headline)
    assert sentence_case("Chile and Peru sign a pact", body) == "Chile and Peru sign a pact"  # not title case
    assert sentence_case("NATO WARNS RUSSIA", body) == "NATO WARNS RUSSIA"


def test_a_title_case_headline_keeps_its_words_and_gets_its_verb(pipeline):
    text = ("Chile, Peru Sign Mutual Defence Pact During Boric Visit\n\nLIMA - Chilean President Gabriel Boric and "
            "Peru's foreign minister signed a mutual defence pact on Wednesday, officials said.")
    parsed = next(parse_documents([Document(id="h", text=text)], pipeline.nlp))
    assert parsed.doc.text == text and parsed.sentences[0].text.startswith("Chile, Peru Sign Mutual")
    sign = parsed.doc[3]
    assert sign.text == "Sign" and sign.pos_ == "VERB"
    x = next(iter(pipeline.extract([Document(id="h", text=text)])))
    (e,) = [e for e in x.events if e.trigger == "Sign"]
    assert {m.actor.node for m in e.source if m.actor} == {"CHL", "PER"}


def test_a_second_one_charged_is_a_second_object_not_a_charge():
    # "Chile accused Peru of lies and Bolivia of meddling ." : the parser made Bolivia a conjunct of "lies"
    from detente.nlp import parse_repairs

    words = ["Chile", "accused", "Peru", "of", "lies", "and", "Bolivia", "of", "meddling", "."]
    heads = [1, 1, 1, 2, 3, 4, 4, 1, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "conj", "prep", "pcomp", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "NOUN", "CCONJ", "PROPN", "ADP", "VERB", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert doc[6].head.text == "Peru"
    # with no of-phrase after it, the conjunct is a second charge ("of lies and meddling"): left as it was
    doc = parse_repairs(hand_doc(words[:7] + ["."], heads[:7] + [1], deps[:7] + ["punct"],
                                      pos=pos[:7] + ["PUNCT"]))
    assert doc[6].head.text == "lies"


@pytest.mark.parametrize("second, lemma, obj, rehung", [
    ("accused", "accuse", ("Peru", "dobj"), True),  # a speaker's act with an object
    ("expressed", "express", ("support", "dobj"), True),  # "... and expressed support": the claims express nothing
    ("visited", "visit", ("Peru", "dobj"), False),  # no speaker's act: left as parsed
])
def test_a_reporters_second_act_joined_to_a_reported_state_is_the_reporters(second, lemma, obj, rehung):
    # "Chile said the claims were false and accused Peru .": the claims accuse no one; Chile does
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "the", "claims", "were", "false", "and", second, obj[0], "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 4, 7, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "cc", "conj", obj[1], "punct"]
    tags = ["NNP", "VBD", "DT", "NNS", "VBD", "JJ", "CC", "VBD", "NNP", "."]
    lemmas = ["Chile", "say", "the", "claim", "be", "false", "and", lemma, obj[0], "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert (doc[7].head.text == "said") == rehung and (doc[6].head.text == "said") == rehung


@pytest.mark.parametrize("first, rehung", [("December", True), ("Central", False)])
def test_a_subject_read_as_the_name_of_a_date_is_the_subject(first, rehung):
    # "In December Chile expelled two diplomats .": the parser reads "December Chile" as one name under "In", so the
    # expulsion has no subject; "In Central Chile ..." is a place
    from detente.nlp import parse_repairs

    words = ["In", first, "Chile", "expelled", "two", "diplomats", "."]
    heads = [3, 2, 0, 3, 5, 3, 3]
    deps = ["prep", "compound", "pobj", "ROOT", "nummod", "dobj", "punct"]
    pos = ["ADP", "PROPN", "PROPN", "VERB", "NUM", "NOUN", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert ((doc[2].dep_, doc[2].head.i, doc[1].dep_, doc[1].head.i) == ("nsubj", 3, "pobj", 0)) == rehung


@pytest.mark.parametrize("verb, lemma, rehung", [("said", "say", True), ("remembered", "remember", False)])
def test_a_reported_clause_read_as_a_relative_clause_of_at_the_time(verb, lemma, rehung):
    # "Chile said at the time it rejected the ruling .": the parser reads "the time it rejected ..." as a noun with a
    # relative clause; after a verb of saying it is the reported clause ("remembered at the time" reports nothing)
    from detente.nlp import parse_repairs

    words = ["Chile", verb, "at", "the", "time", "it", "rejected", "the", "ruling", "."]
    heads = [1, 1, 1, 4, 2, 6, 4, 8, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "det", "pobj", "nsubj", "relcl", "det", "dobj", "punct"]
    lemmas = ["Chile", lemma, "at", "the", "time", "it", "reject", "the", "ruling", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, lemmas=lemmas))
    assert ((doc[6].dep_, doc[6].head.i) == ("ccomp", 1)) == rehung
    assert rehung or (doc[6].dep_, doc[6].head.i) == ("relcl", 4)


@pytest.mark.parametrize("mark, rehung", [(None, True), ("after", False)])
def test_the_first_of_a_list_of_acts_read_as_a_clause_is_the_root(mark, rehung):
    # "Chile has promised talks , hugged Boric and called Peru a threat .": the parser makes "promised" a clause of
    # "hugged", the root, which has no subject; with a mark ("after Chile had promised talks , ...") it is a clause
    from detente.nlp import parse_repairs

    words = ([mark] if mark else []) + ["Chile", "has", "promised", "talks", ",", "hugged", "Boric", "and", "called",
                                        "Peru", "a", "threat", "."]
    k = 1 if mark else 0
    heads = [h + k for h in [2, 2, 5, 2, 5, 5, 5, 5, 5, 8, 11, 8, 5]]
    deps = ["nsubj", "aux", "advcl", "dobj", "punct", "ROOT", "dobj", "cc", "conj", "dobj", "det", "oprd", "punct"]
    pos = ["PROPN", "AUX", "VERB", "NOUN", "PUNCT", "VERB", "PROPN", "CCONJ", "VERB", "PROPN", "DET", "NOUN", "PUNCT"]
    if mark:
        heads, deps, pos = [2 + k] + heads, ["mark"] + deps, ["SCONJ"] + pos
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    promised, hugged = doc[2 + k], doc[5 + k]
    assert ((promised.dep_, hugged.dep_, hugged.head.i) == ("ROOT", "conj", promised.i)) == rehung


@pytest.mark.parametrize("quote, rehung", [('"', True), (",", False)])
def test_a_reporters_act_after_a_quotation_is_no_conjunct_of_the_quoted_clause(quote, rehung):
    # 'Chile said Peru took a step " that Bolivia never took " and accused Lima .': the parser joins "accused" to the
    # quoted clause, so Bolivia accused Lima; without the quotation marks the reading is left alone
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "Peru", "took", "a", "step", quote, "that", "Bolivia", "never", "took", quote, "and",
             "accused", "Lima", "."]
    heads = [1, 1, 3, 1, 5, 3, 10, 10, 10, 10, 3, 10, 10, 10, 13, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "det", "dobj", "punct", "mark", "nsubj", "neg", "advcl", "punct", "cc",
            "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "DT", "NN", "``" if quote == '"' else ",", "IN", "NNP", "RB", "VBD",
            "''" if quote == '"' else ",", "CC", "VBD", "NNP", "."]
    lemmas = ["Chile", "say", "Peru", "take", "a", "step", quote, "that", "Bolivia", "never", "take", quote, "and",
              "accuse", "Lima", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert (doc[13].head.text == "said") == rehung


@pytest.mark.parametrize("second, lemma, rehung", [("accusing", "accuse", True), ("visiting", "visit", False)])
def test_a_reporters_participle_hung_on_a_reported_state_is_the_reporters(second, lemma, rehung):
    # "Chile said the claims were false , accusing Peru .": the parser hangs the participle on "were", so the
    # claims accuse Peru; a participle of no speaker's act is left as parsed
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "the", "claims", "were", "false", ",", second, "Peru", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 4, 7, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "advcl", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NNS", "VBD", "JJ", ",", "VBG", "NNP", "."]
    lemmas = ["Chile", "say", "the", "claim", "be", "false", ",", lemma, "Peru", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert (doc[7].head.text == "said") == rehung and doc[7].dep_ == "advcl"


def test_persona_non_grata_read_as_a_verb_gives_its_conjuncts_back():
    # "Chile declared two diplomats persona non grata and gave them a day ." : "persona" read as a verb with the
    # diplomats as subject and "gave" as its conjunct (the diplomats gave themselves a day)
    from detente.nlp import parse_repairs

    words = ["Chile", "declared", "two", "diplomats", "persona", "non", "grata", "and", "gave", "them", "a", "day", "."]
    heads = [1, 1, 3, 4, 1, 6, 4, 4, 4, 8, 11, 8, 1]
    deps = ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "amod", "dobj", "cc", "conj", "dative", "det", "dobj", "punct"]
    pos = ["PROPN", "VERB", "NUM", "NOUN", "VERB", "ADJ", "NOUN", "CCONJ", "VERB", "PRON", "DET", "NOUN", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert doc[8].head.text == "declared" and (doc[3].head.text, doc[3].dep_) == ("declared", "dobj")


def _after_clause(with_and: bool):
    # "Chile recalled its envoy after the two states , along with Peru , announced talks ." as the parser reads it:
    # "after the two states" a phrase, "announced" the conjunct of "recalled"
    words = ["Chile", "recalled", "its", "envoy", "after", "the", "two", "states", ",", "along", "with", "Peru", ",",
             "announced", "talks", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 4, 1, 1, 9, 10, 1, 1, 13, 1]
    deps = ["nsubj", "ROOT", "poss", "dobj", "prep", "det", "nummod", "pobj", "punct", "prep", "prep", "pobj", "punct",
            "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "PRP$", "NN", "IN", "DT", "CD", "NNS", ",", "IN", "IN", "NNP", ",", "VBD", "NNS", "."]
    if with_and:
        words[12], tags[12], deps[12] = "and", "CC", "cc"
    return hand_doc(words, heads, deps, tags=tags)


def test_a_clause_of_after_read_as_a_phrase_gets_its_subject_back():
    from detente.nlp import parse_repairs

    doc = parse_repairs(_after_clause(False))
    # "the two states" announced, not Chile; "after" marks the clause; "along with Peru" is part of its subject
    assert doc[7].head.text == "announced" and doc[7].dep_ == "nsubj"
    assert doc[4].head.text == "announced" and doc[4].dep_ == "mark" and doc[13].dep_ == "advcl"
    assert doc[9].head.text == "states"
    # "..., and announced talks": a true conjunct of "recalled", left as the parser read it
    doc = parse_repairs(_after_clause(True))
    assert doc[13].head.text == "recalled" and doc[13].dep_ == "conj" and doc[7].head.text == "after"


def test_a_clause_of_after_hung_as_a_clause_gets_its_subject_back():
    # "Putin left after one of his allies snubbed him ." as the parser reads it: "one" the object of the preposition
    # "after", "snubbed" a clause of "left" with no subject (so Putin snubbed himself)
    from detente.nlp import parse_repairs

    words = ["Putin", "left", "after", "one", "of", "his", "allies", "snubbed", "him", "."]
    heads = [1, 1, 1, 2, 3, 6, 4, 1, 7, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "poss", "pobj", "advcl", "dobj", "punct"]
    tags = ["NNP", "VBD", "IN", "CD", "IN", "PRP$", "NNS", "VBD", "PRP", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags))
    assert (doc[3].head.text, doc[3].dep_) == ("snubbed", "nsubj") and (doc[2].head.text, doc[2].dep_) == (
        "snubbed", "mark")


def test_a_clauses_subject_hung_on_its_mark_is_its_subject():
    # "Ties soured since Chile retook the port ." as the parser reads it: "Chile" the object of "since"
    from detente.nlp import parse_repairs

    words = ["Ties", "soured", "since", "Chile", "retook", "the", "port", "."]
    heads = [1, 1, 4, 2, 1, 6, 4, 1]
    deps = ["nsubj", "ROOT", "mark", "pobj", "advcl", "det", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNP", "VBD", "DT", "NN", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags))
    assert doc[3].head.text == "retook" and doc[3].dep_ == "nsubj"
    # an adverb hung there ("since then retook") is no subject
    words[3], tags[3] = "then", "RB"
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags))
    assert doc[3].head.text == "since"


@pytest.mark.parametrize("said, lemma, rehung", [
    ("accused", "accuse", True),  # an accusation kills no one: the told act did
    ("raided", "raid", False),  # not a verb of saying or accusing: left as parsed
])
def test_a_harm_after_a_told_act_is_that_acts(said, lemma, rehung):
    # "Chile accused Peru of backing the group that attacked police , killing one ." as the parser reads it:
    # "killing" hung on the first verb
    from detente.nlp import parse_repairs

    words = ["Chile", said, "Peru", "of", "backing", "the", "group", "that", "attacked", "police", ",", "killing",
             "one", "."]
    heads = [1, 1, 1, 1, 3, 6, 4, 8, 6, 8, 1, 1, 11, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pcomp", "det", "dobj", "nsubj", "relcl", "dobj", "punct", "advcl",
            "dobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "VBG", "DT", "NN", "WDT", "VBD", "NNS", ",", "VBG", "CD", "."]
    pos = ["PROPN", "VERB", "PROPN", "ADP", "VERB", "DET", "NOUN", "PRON", "VERB", "NOUN", "PUNCT", "VERB", "NUM",
           "PUNCT"]
    lemmas = ["Chile", lemma, "Peru", "of", "back", "the", "group", "that", "attack", "police", ",", "kill", "one", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, pos=pos, lemmas=lemmas))
    assert doc[11].head.text == ("attacked" if rehung else said)


@pytest.mark.parametrize("second, lemma, rehung", [
    ("said", "say", True),  # a second speaker of a clause of its own
    ("hoped", "hope", False),  # no verb of saying: left as parsed
])
def test_a_second_speaker_read_as_a_conjunct_of_the_first_clause_speaks_for_its_own(second, lemma, rehung):
    # "Lima said Chile would lift curbs and Peru said it would drop a case ." as the parser reads it: "Peru" joined
    # to "curbs", the second "said" under the first
    from detente.nlp import parse_repairs

    words = ["Lima", "said", "Chile", "would", "lift", "curbs", "and", "Peru", second, "it", "would", "drop", "a",
             "case", "."]
    heads = [1, 1, 4, 4, 1, 4, 5, 5, 1, 11, 11, 8, 13, 11, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "cc", "conj", "ccomp", "nsubj", "aux", "ccomp", "det",
            "dobj", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "AUX", "VERB", "NOUN", "CCONJ", "PROPN", "VERB", "PRON", "AUX", "VERB", "DET",
           "NOUN", "PUNCT"]
    lemmas = ["Lima", "say", "Chile", "would", "lift", "curb", "and", "Peru", lemma, "it", "would", "drop", "a", "case",
              "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, lemmas=lemmas))
    assert ((doc[7].head.i, doc[7].dep_, doc[8].dep_) == (8, "nsubj", "conj")) is rehung


def test_a_reporters_second_act_joined_to_an_infinitive_of_a_reported_state_is_the_reporters():
    # "Chile said Peru was to blame and accused Bolivia ." as the parser reads it: "accused" a conjunct of the
    # infinitive "blame", so Peru accused; "was to blame" is a state and a finite verb no infinitive's conjunct
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "Peru", "was", "to", "blame", "and", "accused", "Bolivia", "."]
    heads = [1, 1, 3, 1, 5, 3, 5, 5, 7, 1]
    deps = ["nsubj", "ROOT", "nsubj", "ccomp", "aux", "xcomp", "cc", "conj", "dobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "VBD", "TO", "VB", "CC", "VBD", "NNP", "."]
    lemmas = ["Chile", "say", "Peru", "be", "to", "blame", "and", "accuse", "Bolivia", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert doc[7].head.text == "said" and doc[6].head.text == "said"


@pytest.mark.parametrize("mark, rehung", [("after", True), ("and", False)])
def test_a_main_clause_read_as_the_complement_of_an_after_clause_is_the_root(mark, rehung):
    # "Chile agreed to talks , years after Peru cut ties ." read with "cut" as the root and "agreed" its complement:
    # the cutting was the news and the agreeing told inside it; a root's "after" mark shows the misreading
    from detente.nlp import parse_repairs

    words = ["Chile", "agreed", "to", "talks", ",", "years", mark, "Peru", "cut", "ties", "."]
    heads = [1, 8, 1, 2, 8, 8, 8, 8, 8, 8, 8]
    deps = ["nsubj", "ccomp", "prep", "pobj", "punct", "npadvmod", "mark" if mark == "after" else "cc", "nsubj",
            "ROOT", "dobj", "punct"]
    tags = ["NNP", "VBD", "IN", "NNS", ",", "NNS", "IN", "NNP", "VBD", "NNS", "."]
    lemmas = ["Chile", "agree", "to", "talk", ",", "year", mark, "Peru", "cut", "tie", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert ((doc[1].dep_, doc[8].dep_, doc[8].head.text) == ("ROOT", "advcl", "agreed")) == rehung


def test_persona_non_grata_read_as_a_noun_clause_gives_its_conjuncts_back():
    # "Chile declared two diplomats persona non grata and gave them a day .": "persona" read as a noun heading a
    # clause (ccomp) with the diplomats as its subject and "gave" as its conjunct (the diplomats gave themselves a day)
    from detente.nlp import parse_repairs

    words = ["Chile", "declared", "two", "diplomats", "persona", "non", "grata", "and", "gave", "them", "a", "day", "."]
    heads = [1, 1, 3, 4, 1, 6, 4, 4, 4, 8, 11, 8, 1]
    deps = ["nsubj", "ROOT", "nummod", "nsubj", "ccomp", "compound", "dobj", "cc", "conj", "dative", "det", "dobj",
            "punct"]
    pos = ["PROPN", "VERB", "NUM", "NOUN", "NOUN", "PROPN", "NOUN", "CCONJ", "VERB", "PRON", "DET", "NOUN", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert doc[8].head.text == "declared" and (doc[3].head.text, doc[3].dep_) == ("declared", "dobj")


@pytest.mark.parametrize("noun, rehung", [("ally", True), ("move", False)])
def test_an_apposition_read_as_a_second_object_is_the_names(noun, rehung):
    # "Chile restored ties with Peru , Bolivia 's ally .": the parser makes "ally" a second object of "restored", so
    # ties were restored with Bolivia; "... with Peru , a move Bolivia condemned" is an aside on the clause
    from detente.nlp import parse_repairs

    words = ["Chile", "restored", "ties", "with", "Peru", ",", "Bolivia", "'s", noun, "."]
    heads = [1, 1, 1, 2, 3, 1, 8, 6, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "pobj", "punct", "poss", "case", "dobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "PROPN", "PUNCT", "PROPN", "PART", "NOUN", "PUNCT"]
    lemmas = ["Chile", "restore", "tie", "with", "Peru", ",", "Bolivia", "'s", noun, "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, lemmas=lemmas))
    assert ((doc[8].head.text, doc[8].dep_) == ("Peru", "appos")) == rehung


@pytest.mark.parametrize("after, rehung", [("it", True), ("that", True), ("Thursday", False)])
def test_a_time_between_a_saying_and_its_clause_is_the_sayings(after, rehung):
    # "Chile said on Thursday it would expel ...": the parser hangs "on Thursday" on "expel", dating the expulsion
    # to come; standing before the reported clause's subject (or "that"), it tells when Chile spoke
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "on", "Thursday", "it", "would", "expel", "diplomats", "."]
    heads = [1, 1, 6, 2, 6, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "nsubj", "aux", "ccomp", "dobj", "punct"]
    pos = ["PROPN", "VERB", "ADP", "PROPN", "PRON", "AUX", "VERB", "NOUN", "PUNCT"]
    lemmas = ["Chile", "say", "on", "Thursday", "it", "would", "expel", "diplomat", "."]
    if after == "that":
        words[4], deps[4], pos[4], lemmas[4] = "that", "mark", "SCONJ", "that"
    elif after == "Thursday":  # "said it would expel diplomats on Thursday": the clause's own time
        words = ["Chile", "said", "it", "would", "expel", "diplomats", "on", "Thursday", "."]
        heads = [1, 1, 4, 4, 1, 4, 4, 6, 1]
        deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "dobj", "prep", "pobj", "punct"]
        pos = ["PROPN", "VERB", "PRON", "AUX", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"]
        lemmas = ["Chile", "say", "it", "would", "expel", "diplomat", "on", "Thursday", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, lemmas=lemmas))
    on = next(t for t in doc if t.text == "on")
    assert (on.head.text == "said") == rehung


def test_a_reported_verb_joined_to_the_saying_after_it_is_the_reported_clauses():
    # "Envoys met and agreed that talks would resume , the ministry said .": the parser joins "agreed" to "said"
    # (a conjunct before its head), so the ministry agreed
    from detente.nlp import parse_repairs

    words = ["Envoys", "met", "and", "agreed", "that", "talks", "would", "resume", ",", "the", "ministry", "said", "."]
    heads = [1, 11, 11, 11, 7, 7, 7, 3, 11, 10, 11, 11, 11]
    deps = ["nsubj", "ccomp", "cc", "conj", "mark", "nsubj", "aux", "ccomp", "punct", "det", "nsubj", "ROOT", "punct"]
    pos = ["NOUN", "VERB", "CCONJ", "VERB", "SCONJ", "NOUN", "AUX", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    lemmas = ["envoy", "meet", "and", "agree", "that", "talk", "would", "resume", ",", "the", "ministry", "say", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, lemmas=lemmas))
    assert doc[3].head.text == "met" and doc[2].head.text == "met"


@pytest.mark.parametrize("comma, rehung", [(True, True), (False, False)])
def test_a_predicate_of_as_read_as_a_clauses_subject_is_a_phrase(comma, rehung):
    # "Peru condemned the raid as a violation , recalled its envoy .": the parser makes "violation" the subject of
    # "recalled" under the mark "as"; a subject parted from its verb by a bare comma is the phrase's noun. "Peru
    # left as the violation recalled ..." (no comma) is a clause
    from detente.nlp import parse_repairs

    words = ["Peru", "condemned", "the", "raid", "as", "a", "violation", ",", "recalled", "its", "envoy", "."]
    heads = [1, 1, 3, 1, 8, 6, 8, 1, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "mark", "det", "nsubj", "punct", "advcl", "poss", "dobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "SCONJ", "DET", "NOUN", "PUNCT", "VERB", "PRON", "NOUN", "PUNCT"]
    if not comma:
        del words[7], heads[7], deps[7], pos[7]
        heads = [h - 1 if h > 7 else h for h in heads]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    verb = next(t for t in doc if t.text == "recalled")
    assert (verb.dep_ == "conj" and doc[6].head.text == "as" and doc[4].head.text == "condemned") == rehung


def test_an_object_read_as_the_first_of_the_next_clauses_subjects_is_the_object():
    # "Spain said it would help Peru , and Chile said it was ready .": the parser makes "Peru and Chile" the second
    # "said"'s subject, so "help" has no object and Peru speaks
    from detente.nlp import parse_repairs

    words = ["Spain", "said", "it", "would", "help", "Peru", ",", "and", "Chile", "said", "it", "was", "ready", "."]
    heads = [1, 1, 4, 4, 1, 9, 5, 5, 5, 1, 11, 9, 11, 1]
    deps = ["nsubj", "ROOT", "nsubj", "aux", "ccomp", "nsubj", "punct", "cc", "conj", "conj", "nsubj", "ccomp",
            "acomp", "punct"]
    pos = ["PROPN", "VERB", "PRON", "AUX", "VERB", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "PRON", "AUX", "ADJ",
           "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert (doc[5].head.text, doc[5].dep_) == ("help", "dobj") and (doc[8].head.i, doc[8].dep_) == (9, "nsubj")


@pytest.mark.parametrize("verb, rehung", [("calling", True), ("meeting", False)])
def test_a_namings_predicate_read_as_its_objects_apposition_is_the_predicate(verb, rehung):
    # "Chile condemned the move , calling Boric an antisemitic leader .": the parser hangs "leader" on "Boric" as an
    # apposition, so the naming has no predicate; not for a verb that names nothing ("meeting Boric, a leader")
    from detente.nlp import parse_repairs

    words = ["Chile", "condemned", "the", "move", ",", verb, "Boric", "an", "antisemitic", "leader", "."]
    heads = [1, 1, 3, 1, 1, 1, 5, 9, 9, 6, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "punct", "advcl", "dobj", "det", "amod", "appos", "punct"]
    lemmas = ["Chile", "condemn", "the", "move", ",", verb[:-3] if verb == "calling" else "meet", "Boric", "an",
              "antisemitic", "leader", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, lemmas=lemmas))
    assert ((doc[9].head.text, doc[9].dep_) == (verb, "oprd")) == rehung


@pytest.mark.parametrize("word, rehung", [("ECOWAS", True), ("blocked", False)])
def test_an_acronym_read_as_a_verb_is_a_name(word, rehung):
    # "Mali left when the bloc ECOWAS imposed sanctions .": the tagger reads "ECOWAS" as the verb and "imposed" as a
    # participle on "sanctions"; the acronym is the bloc's name and "imposed" the clause's verb (a lower-case verb
    # is left as the parser read it)
    from detente.nlp import parse_repairs

    words = ["Mali", "left", "when", "the", "bloc", word, "imposed", "sanctions", "."]
    heads = [1, 1, 5, 4, 5, 1, 7, 5, 1]
    deps = ["nsubj", "ROOT", "advmod", "det", "nsubj", "advcl", "amod", "dobj", "punct"]
    tags = ["NNP", "VBD", "WRB", "DT", "NN", "VBG", "VBN", "NNS", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags))
    assert ((doc[6].head.text, doc[6].dep_, doc[5].dep_, doc[4].head.text) == ("left", "advcl", "appos",
                                                                                "imposed")) == rehung


def test_a_headline_verb_read_as_a_noun_modifying_its_object_is_a_verb(pipeline):
    # "Chad expels German ambassador, Berlin responds in kind": "expels" read as a plural noun modifying
    # "ambassador", itself hung on the second clause; the verb takes the object and the second clause is its conjunct
    text = ("Chad expels German ambassador, Berlin responds in kind\n\nThe ministry said on Friday that the envoy had "
            "interfered in internal affairs.")
    parsed = next(parse_documents([Document(id="h", text=text)], pipeline.nlp))
    tok = next(t for t in parsed.doc if t.text == "expels")
    assert tok.pos_ == "VERB" and {c.text for c in tok.children if c.dep_ == "nsubj"} == {"Chad"}
    assert {c.text for c in tok.children if c.dep_ == "dobj"} == {"ambassador"}


@pytest.mark.parametrize("participle, lemma, rehung", [("ending", "end", True), ("citing", "cite", False)])
def test_an_act_after_a_report_goes_with_the_reported_clause(participle, lemma, rehung):
    # "Chile expelled the envoy , the ministry said , ending talks .": the ending is Chile's, not the ministry's;
    # "..., citing threats" is the ministry's own
    from detente.nlp import parse_repairs

    words = ["Chile", "expelled", "the", "envoy", ",", "the", "ministry", "said", ",", participle, "talks", "."]
    heads = [1, 7, 3, 1, 7, 6, 7, 7, 7, 7, 9, 7]
    deps = ["nsubj", "ccomp", "det", "dobj", "punct", "det", "nsubj", "ROOT", "punct", "advcl", "dobj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", ",", "DT", "NN", "VBD", ",", "VBG", "NNS", "."]
    lemmas = ["Chile", "expel", "the", "envoy", ",", "the", "ministry", "say", ",", lemma, "talk", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert (doc[9].head.text == "expelled") == rehung


@pytest.mark.parametrize("first, rehung", [("Mali", True), ("the", False)])
def test_a_first_conjunct_read_as_a_modifier_of_the_second_is_its_conjunct(first, rehung):
    # "Niger signed a pact with Mali and Burkina Faso .": the parser hung "Mali" (with its "and") on "Faso" as a
    # modifier, and the pact's partners were Burkina Faso alone; no proper noun, no repair
    from detente.nlp import parse_repairs

    words = ["Niger", "signed", "a", "pact", "with", first, "and", "Burkina", "Faso", "."]
    heads = [1, 1, 3, 1, 3, 8, 5, 8, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "nmod", "cc", "compound", "pobj", "punct"]
    pos = ["PROPN", "VERB", "DET", "NOUN", "ADP", "PROPN" if first == "Mali" else "DET", "CCONJ", "PROPN", "PROPN",
           "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert ((doc[5].dep_, doc[5].head.i, doc[8].dep_, doc[8].head.i) == ("pobj", 4, "conj", 5)) == rehung


@pytest.mark.parametrize("dep", ["conj", "dep"])
def test_a_verb_read_as_the_object_of_at_first_is_the_next_clauses_verb(dep):
    # "Chile asked Peru to leave , and Boric at first refused .": the parser hung "refused" on "at" and "Boric" on
    # "asked", so Chile refused
    from detente.nlp import parse_repairs

    words = ["Chile", "asked", "Peru", "to", "leave", ",", "and", "Boric", "at", "first", "refused", "."]
    heads = [1, 1, 1, 4, 1, 1, 1, 1, 1, 10, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct", "cc", dep, "prep", "advmod", "pcomp", "punct"]
    pos = ["PROPN", "VERB", "PROPN", "PART", "VERB", "PUNCT", "CCONJ", "PROPN", "ADP", "ADV", "VERB", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert (doc[10].dep_, doc[10].head.i, doc[7].dep_, doc[7].head.i, doc[8].head.i) == ("conj", 1, "nsubj", 10, 10)


@pytest.mark.parametrize("own_verb", [False, True])
def test_a_main_verb_read_as_a_participle_on_its_subject_is_the_clauses_verb(own_verb):
    # "Chinese vessels intruded into waters .": the parser read a noun with a reduced relative clause, so no act was
    # told; "Chinese vessels intruded into waters sank ." has a verb of its own outside the participle
    from detente.nlp import parse_repairs

    words = ["Chinese", "vessels", "intruded", "into", "waters"] + (["sank"] if own_verb else []) + ["."]
    heads = [1, 5 if own_verb else 1, 1, 2, 3] + ([5, 5] if own_verb else [1])
    deps = ["amod", "nsubj" if own_verb else "ROOT", "acl", "prep", "pobj"] + (["ROOT"] if own_verb else []) + [
        "punct"]
    pos = ["ADJ", "NOUN", "VERB", "ADP", "NOUN"] + (["VERB"] if own_verb else []) + ["PUNCT"]
    tags = ["JJ", "NNS", "VBN", "IN", "NNS"] + (["VBD"] if own_verb else []) + ["."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, tags=tags))
    assert ((doc[2].dep_, doc[1].dep_, doc[1].head.i) == ("ROOT", "nsubj", 2)) != own_verb


@pytest.mark.parametrize("word, repaired", [("remarks", True), ("says", False)])
def test_a_plural_noun_of_remark_read_as_a_verb_is_set_beside_the_clause(word, repaired):
    # "Duda criticised Kyiv , remarks that angered Kyiv .": the parser read "remarks" as a verb reporting the anger
    # (Duda said it); "..., says that ..." is a verb of saying
    from detente.nlp import parse_repairs

    words = ["Duda", "criticised", "Kyiv", ",", word, "that", "angered", "Kyiv", "."]
    heads = [1, 1, 1, 1, 1, 6, 4, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "conj", "nsubj", "ccomp", "dobj", "punct"]
    tags = ["NNP", "VBD", "NNP", ",", "VBZ", "IN", "VBD", "NNP", "."]
    lemmas = ["Duda", "criticise", "Kyiv", ",", word.rstrip("s"), "that", "anger", "Kyiv", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert ((doc[4].dep_, doc[6].dep_) == ("appos", "relcl")) == repaired


@pytest.mark.parametrize("verb, repaired", [("accused", True), ("praised", False)])
def test_a_charge_hung_on_the_accusers_noun_is_the_accusations(verb, repaired):
    # "Chile , accused by Peru 's government of arming rebels , denied it .": the parser hung "of arming" on the
    # government, so the government armed the rebels; "praised by Peru 's government of ..." is no accusation
    from detente.nlp import parse_repairs

    words = ["Chile", ",", verb, "by", "Peru", "'s", "government", "of", "arming", "rebels", ",", "denied", "it", "."]
    heads = [11, 0, 0, 2, 6, 4, 3, 6, 7, 8, 0, 11, 11, 11]
    deps = ["nsubj", "punct", "acl", "agent", "poss", "case", "pobj", "prep", "pcomp", "dobj", "punct", "ROOT", "dobj",
            "punct"]
    tags = ["NNP", ",", "VBN", "IN", "NNP", "POS", "NN", "IN", "VBG", "NNS", ",", "VBD", "PRP", "."]
    lemmas = ["Chile", ",", verb[:-1], "by", "Peru", "'s", "government", "of", "arm", "rebel", ",", "deny", "it", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert (doc[7].head.i == 2) == repaired


@pytest.mark.parametrize("word, repaired", [("decade", True), ("Tuesday", False)])
def test_a_span_before_an_after_clause_is_that_clauses(word, repaired):
    # "Chile reopened it , a decade after Peru cut ties .": the parser hung the span on the main verb, so the
    # after-clause lost what dates it back; "Tuesday" is no span of time
    from detente.nlp import parse_repairs

    words = ["Chile", "reopened", "it", ",", "a", word, "after", "Peru", "cut", "ties", "."]
    heads = [1, 1, 1, 1, 5, 1, 8, 8, 1, 8, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "det", "npadvmod", "mark", "nsubj", "advcl", "dobj", "punct"]
    lemmas = ["Chile", "reopen", "it", ",", "a", word.lower(), "after", "Peru", "cut", "tie", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, lemmas=lemmas))
    assert (doc[5].head.i == 8) == repaired


@pytest.mark.parametrize("own_subject, repaired", [(False, True), (True, False)])
def test_an_aside_of_being_asked_is_a_participle_on_the_sayings_subject(own_subject, repaired):
    # "Chile , asked about it , said no .": the parser read "Chile asked about it" as a clause Chile said; with a
    # subject of its own ("Chile , asked about it , they said no") the clause stays
    from detente.nlp import parse_repairs

    words = ["Chile", ",", "asked", "about", "it", ","] + (["they"] if own_subject else []) + ["said", "no", "."]
    k = 6 + own_subject
    heads = [2, 2, k, 2, 3, k] + ([k] if own_subject else []) + [k, k, k]
    deps = ["nsubj", "punct", "ccomp", "prep", "pobj", "punct"] + (["nsubj"] if own_subject else []) + [
        "ROOT", "dobj", "punct"]
    tags = ["NNP", ",", "VBD", "IN", "PRP", ","] + (["PRP"] if own_subject else []) + ["VBD", "DT", "."]
    lemmas = ["Chile", ",", "ask", "about", "it", ","] + (["they"] if own_subject else []) + ["say", "no", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert ((doc[2].dep_, doc[0].head.i) == ("acl", k)) == repaired


def test_a_point_in_time_before_an_after_clause_is_the_main_clauses():
    # "Chile halted exports last year after Peru cut ties .": the parser hung "last year" on the after-clause
    from detente.nlp import parse_repairs

    words = ["Chile", "halted", "exports", "last", "year", "after", "Peru", "cut", "ties", "."]
    heads = [1, 1, 1, 4, 7, 7, 7, 1, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "amod", "npadvmod", "mark", "nsubj", "advcl", "dobj", "punct"]
    lemmas = ["Chile", "halt", "export", "last", "year", "after", "Peru", "cut", "tie", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, lemmas=lemmas))
    assert doc[4].head.i == 1


@pytest.mark.parametrize("second_object, rehung", [(True, True), (False, False)])
def test_a_noun_sharing_the_first_nouns_object_is_its_conjunct(second_object, rehung):
    # "Chile halted exports to and imports from Peru .": the parser hung "imports" on "to" as its conjunct, so the
    # two nouns sharing "Peru" were no conjuncts; with no object of its own ("imports") there is nothing to share
    from detente.nlp import parse_repairs

    words = ["Chile", "halted", "exports", "to", "and", "imports"] + (["from", "Peru"] if second_object else []) + ["."]
    heads = [1, 1, 1, 1, 3, 3] + ([5, 6] if second_object else []) + [1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "cc", "conj"] + (["prep", "pobj"] if second_object else []) + ["punct"]
    pos = ["PROPN", "VERB", "NOUN", "ADP", "CCONJ", "NOUN"] + (["ADP", "PROPN"] if second_object else []) + ["PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert ((doc[5].dep_, doc[5].head.i, doc[3].head.i) == ("conj", 2, 2)) == rehung


@pytest.mark.parametrize("verb, lemma, rehung", [("accused", "accuse", True), ("thanked", "thank", False)])
def test_a_charges_gerund_and_means_are_the_charges(verb, lemma, rehung):
    # "Chile accused Peru of breaking deals by blocking ports .": the parser read "breaking" as an adjective of
    # "deals" and hung "by blocking" on "accused", so Chile blocked the ports; a verb of thanks is no charge
    from detente.nlp import parse_repairs

    words = ["Chile", verb, "Peru", "of", "breaking", "deals", "by", "blocking", "ports", "."]
    heads = [1, 1, 1, 1, 5, 3, 1, 6, 7, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "prep", "pcomp", "dobj", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "VBG", "NNS", "IN", "VBG", "NNS", "."]
    lemmas = ["Chile", lemma, "Peru", "of", "break", "deal", "by", "block", "port", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, tags=tags, lemmas=lemmas))
    assert ((doc[4].dep_, doc[4].head.i, doc[5].head.i, doc[6].head.i) == ("pcomp", 3, 4, 4)) == rehung


@pytest.mark.parametrize("noun, rehung", [("confidence", True), ("hope", False)])
def test_a_that_clause_on_with_confidence_is_the_verbs(noun, rehung):
    # "We assess with moderate confidence that Chile will leave .": the clause is what is assessed (the parser hung it
    # on "confidence"); "with the hope that" is left alone
    from detente.nlp import parse_repairs

    words = ["We", "assess", "with", "moderate", noun, "that", "Chile", "will", "leave", "."]
    heads = [1, 1, 1, 4, 2, 8, 8, 8, 4, 1]
    deps = ["nsubj", "ROOT", "prep", "amod", "pobj", "mark", "nsubj", "aux", "acl", "punct"]
    pos = ["PRON", "VERB", "ADP", "ADJ", "NOUN", "SCONJ", "PROPN", "AUX", "VERB", "PUNCT"]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos))
    assert ((doc[8].dep_, doc[8].head.i) == ("ccomp", 1)) == rehung


@pytest.mark.parametrize("first, rehung", [("move", True), ("border", False)])
def test_a_namings_object_and_predicate_read_as_one_noun_are_two(first, rehung):
    # "Chile called the move retaliation .": the parser read "the move retaliation" as one noun, so the naming was a
    # phone call; "the border closure" is one noun (no event anaphor first)
    from detente.nlp import parse_repairs

    words = ["Chile", "called", "the", first, "retaliation", "."]
    doc = parse_repairs(hand_doc(words, [1, 1, 4, 4, 1, 1], ["nsubj", "ROOT", "det", "compound", "dobj", "punct"],
                                 lemmas=["Chile", "call", "the", first, "retaliation", "."],
                                 pos=["PROPN", "VERB", "DET", "NOUN", "NOUN", "PUNCT"]))
    assert ((doc[3].dep_, doc[3].head.i, doc[4].dep_, doc[2].head.i) == ("dobj", 1, "oprd", 3)) == rehung


@pytest.mark.parametrize("tag, rehung", [("VBD", True), ("JJ", False)])
def test_a_main_verb_read_as_an_adjective_of_its_object_is_the_verb(tag, rehung):
    # "Chile , which is in a dispute , backed Peru .": after the relative clause the parser read "backed" as an
    # adjective of "Peru" and the sentence had no verb; an adjective proper ("JJ") is left alone
    from detente.nlp import parse_repairs

    words = ["Chile", ",", "which", "is", "in", "a", "dispute", ",", "backed", "Peru", "."]
    heads = [0, 0, 3, 0, 3, 6, 4, 6, 9, 6, 0]
    deps = ["ROOT", "punct", "nsubj", "relcl", "prep", "det", "pobj", "punct", "amod", "appos", "punct"]
    pos = ["PROPN", "PUNCT", "PRON", "AUX", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PROPN", "PUNCT"]
    tags = ["NNP", ",", "WDT", "VBZ", "IN", "DT", "NN", ",", tag, "NNP", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, tags=tags))
    assert ((doc[8].dep_, doc[0].head.i, doc[9].dep_, doc[9].head.i) == ("ROOT", 8, "dobj", 8)) == rehung


@pytest.mark.parametrize("subject, pos, tag, rehung", [("Peru", "PROPN", "VBD", True), ("it", "PRON", "VBD", False),
                                                       ("Peru", "PROPN", "VBZ", False)])
def test_the_narrators_contrast_is_no_part_of_what_is_said(subject, pos, tag, rehung):
    # "Chile said the vote was fair , while Peru hailed it .": the parser hung the while-clause on the reported one,
    # so Chile said Peru hailed it; a pronoun subject ("while it ...") or a present tense may be the speaker's own
    from detente.nlp import parse_repairs

    words = ["Chile", "said", "the", "vote", "was", "fair", ",", "while", subject, "hailed", "it", "."]
    heads = [1, 1, 3, 4, 1, 4, 4, 9, 9, 4, 9, 1]
    deps = ["nsubj", "ROOT", "det", "nsubj", "ccomp", "acomp", "punct", "mark", "nsubj", "advcl", "dobj", "punct"]
    poses = ["PROPN", "VERB", "DET", "NOUN", "AUX", "ADJ", "PUNCT", "SCONJ", pos, "VERB", "PRON", "PUNCT"]
    tags = ["NNP", "VBD", "DT", "NN", "VBD", "JJ", ",", "IN", "NNP", tag, "PRP", "."]
    lemmas = ["Chile", "say", "the", "vote", "be", "fair", ",", "while", subject, "hail", "it", "."]
    doc = parse_repairs(hand_doc(words, heads, deps, pos=poses, tags=tags, lemmas=lemmas))
    assert (doc[9].head.i == 1) == rehung


@pytest.mark.parametrize("comma, rehung", [(False, True), (True, False)])
def test_a_second_subject_read_as_a_conjunct_of_the_first_verb(comma, rehung):
    # "Chile sells gas , and Peru in turn sells oil .": the parser made "Peru" a conjunct of the first "sells" and the
    # second a clause with no subject (so Chile sold the oil); an aside set off by commas is left alone
    words = ["Chile", "sells", "gas", ",", "and", "Peru", "in", "turn", *([","] if comma else []), "sells", "oil", "."]
    k = 1 if comma else 0
    heads = [1, 1, 1, 1, 1, 1, 8 + k, 6, *([8 + k] if comma else []), 1, 8 + k, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "cc", "conj", "prep", "pobj", *(["punct"] if comma else []), "advcl",
            "dobj", "punct"]
    pos = ["PROPN", "VERB", "NOUN", "PUNCT", "CCONJ", "PROPN", "ADP", "NOUN", *(["PUNCT"] if comma else []), "VERB",
           "NOUN", "PUNCT"]
    tags = ["NNP", "VBZ", "NN", ",", "CC", "NNP", "IN", "NN", *([","] if comma else []), "VBZ", "NN", "."]
    from detente.nlp import parse_repairs

    doc = parse_repairs(hand_doc(words, heads, deps, pos=pos, tags=tags))
    second = doc[8 + k]
    assert ((doc[5].head.i, doc[5].dep_, second.dep_) == (second.i, "nsubj", "conj")) == rehung
