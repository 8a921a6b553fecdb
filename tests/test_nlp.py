"""The pinned spaCy model: a regression check on a fixed text (catches a changed re-upload) and sentence cuts."""

import pytest

from detente.model import Document
from detente.nlp import parse_documents, split_sentences

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


def test_a_headline_is_parsed_apart_from_the_body_and_a_dateline_stays_whole(pipeline):
    # a headline with no full stop, then a dateline: the parse tree of the body never reaches into the headline,
    # and "MADRID (AP) —" is not cut into sentences of its own
    text = "Turkey lifting objections to Sweden joining NATO\n\nMADRID (AP) — Turkey has agreed to lift its opposition."
    doc = pipeline.nlp(text)
    body = next(t for t in doc if t.text == "MADRID")
    assert body.is_sent_start
    assert all(t.head.i >= body.i for t in doc[body.i:])
    assert not any(t.is_sent_start for t in doc[body.i + 1:body.i + 6])
