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
