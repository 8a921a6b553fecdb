"""Hand-built spaCy Docs for rule tests: each token is given its parse, so a test exercises one rule and not the
statistical parser (a rule's test must fail when the rule is removed, whatever the model does)."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def english_vocab() -> Any:
    """An English vocabulary (it gives the lexical attributes: ``lower_``, ``is_punct``), for Docs built without
    the pipeline."""
    from spacy.lang.en import English

    return English().vocab


def doc(words: list[str], heads: list[int], deps: list[str], *, lemmas: list[str] | None = None,
        pos: list[str] | None = None, tags: list[str] | None = None, ents: list[str] | None = None,
        sent_starts: list[bool] | None = None, spaces: list[bool] | None = None, vocab: Any = None) -> Any:
    """A spaCy ``Doc`` from columns (``heads``: absolute indices, a root its own head): the one constructor the
    column-style rule tests share.  Defaults: lemmas the lower-cased words; no pos, tags, entities or sentence
    starts unless given; the English vocabulary."""
    from spacy.tokens import Doc

    return Doc(vocab or english_vocab(), words=words, heads=heads, deps=deps,
               lemmas=lemmas if lemmas is not None else [w.lower() for w in words],
               pos=pos, tags=tags, ents=ents, sent_starts=sent_starts, spaces=spaces)


def parsed(doc: Any, *, published: dt.date | None = None, doc_id: str = "hand") -> Any:
    """The ``Parsed`` document of a hand-built ``doc`` (its sentences as the pipeline splits them)."""
    from detente.model import Document
    from detente.nlp import Parsed, split_sentences

    document = Document(id=doc_id, text=doc.text, published=published)
    sentences, spans = split_sentences(document, doc)
    return Parsed(document, doc, sentences, spans)


def state_mention(doc: Any, i: int, country: str) -> Any:
    """A resolved mention of the state ``country`` at token ``i`` of ``doc`` (for rules that read arguments)."""
    from detente.model import Actor, Mention

    tok = doc[i]
    actor = Actor(id=f"{country}GOV", name=tok.text, kind="state", country=country, sector="GOV", node=country)
    return Mention("d", 0, tok.idx, tok.idx + len(tok), tok.text, actor, "gazetteer")


def build(vocab: Any, tokens: list[tuple], *, published: dt.date | None = None) -> Any:
    """A ``Parsed`` document from ``tokens``: (word, pos, dep, head, lemma?, ent?, tag?) with ``head`` the
    absolute index of the head token (itself for a root) and ``ent`` an IOB tag ("B-PERSON"); a word "."
    ends a sentence."""
    from spacy.tokens import Doc

    words = [t[0] for t in tokens]
    spaces = [not ((i + 1 < len(tokens) and tokens[i + 1][0] in {".", ",", "'s", "’s", ":", "-", "”"})
                   or tokens[i][0] in {"-", "“"}) for i in range(len(tokens))]
    built = Doc(
        vocab, words=words, spaces=spaces,
        pos=[t[1] for t in tokens], deps=[t[2] for t in tokens], heads=[t[3] for t in tokens],
        lemmas=[(t[4] if len(t) > 4 and t[4] else t[0].lower()) for t in tokens],
        ents=[(t[5] if len(t) > 5 and t[5] else "O") for t in tokens],
        tags=[(t[6] if len(t) > 6 and t[6] else "") for t in tokens],
        sent_starts=[i == 0 or tokens[i - 1][0] == "." for i in range(len(tokens))],
    )
    return parsed(built, published=published)
