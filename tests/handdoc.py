"""Hand-built spaCy Docs for rule tests: each token is given its parse, so a test exercises one rule and not the
statistical parser (a rule's test must fail when the rule is removed, whatever the model does)."""

from __future__ import annotations

import datetime as dt
from typing import Any


def build(vocab: Any, tokens: list[tuple], *, published: dt.date | None = None) -> Any:
    """A ``Parsed`` document from ``tokens``: (word, pos, dep, head, lemma?, ent?, tag?) with ``head`` the
    absolute index of the head token (itself for a root) and ``ent`` an IOB tag ("B-PERSON"); a word "."
    ends a sentence."""
    from spacy.tokens import Doc

    from detente.model import Document
    from detente.nlp import Parsed, split_sentences

    words = [t[0] for t in tokens]
    spaces = [not ((i + 1 < len(tokens) and tokens[i + 1][0] in {".", ",", "'s", "’s", ":", "-", "”"})
                   or tokens[i][0] in {"-", "“"}) for i in range(len(tokens))]
    doc = Doc(
        vocab, words=words, spaces=spaces,
        pos=[t[1] for t in tokens], deps=[t[2] for t in tokens], heads=[t[3] for t in tokens],
        lemmas=[(t[4] if len(t) > 4 and t[4] else t[0].lower()) for t in tokens],
        ents=[(t[5] if len(t) > 5 and t[5] else "O") for t in tokens],
        tags=[(t[6] if len(t) > 6 and t[6] else "") for t in tokens],
        sent_starts=[i == 0 or tokens[i - 1][0] == "." for i in range(len(tokens))],
    )
    document = Document(id="hand", text=doc.text, published=published)
    sentences, spans = split_sentences(document, doc)
    return Parsed(document, doc, sentences, spans)
