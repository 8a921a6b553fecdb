"""The stage order, written once: documents -> nlp -> actors -> events & claims.

The CLI, the API, evaluation and the benchmark all call ``Pipeline``.  Heavy
resources (spaCy model, gazetteer, lexicon) are loaded once in
``Pipeline.load`` and shared by the stages, which are plain functions over
batches of records (so the same code runs in-process or on Ray workers).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .actors import ActorResolver, load_gazetteer
from .actors.gazetteer import Gazetteer
from .events import EventCoder, RelationReader, load_lexicon
from .events.attribution import Speakers
from .events.lexicon import Lexicon
from .model import Document, Extraction
from .nlp import BATCH_SIZE, Parsed, load_nlp, parse_documents


@dataclass
class Pipeline:
    """Loaded resources plus the stage functions that use them."""

    nlp: Any
    gazetteer: Gazetteer
    lexicon: Lexicon
    resolver: ActorResolver
    coder: EventCoder
    relations: RelationReader

    @classmethod
    def load(cls) -> "Pipeline":
        """Load the spaCy model and the bundled data files (once per process)."""
        nlp = load_nlp()
        gazetteer = load_gazetteer()
        lexicon = load_lexicon()
        coder = EventCoder(lexicon, agents=dict(gazetteer.agents))
        return cls(nlp, gazetteer, lexicon, ActorResolver(nlp, gazetteer), coder, RelationReader(lexicon, coder))

    def extract_parsed(self, parsed: Parsed) -> Extraction:
        """Actors, events and stated relations of one parsed document."""
        mentions = self.resolver.resolve(parsed)
        speakers = Speakers(parsed, mentions)  # quotes, speakers and pairs: found once, shared by both readers
        events = self.coder.code(parsed, mentions, speakers)
        claims = self.relations.read(parsed, mentions, speakers, events)
        return Extraction(parsed.document, parsed.sentences, mentions, events, claims)

    def extract(self, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Run every stage over a stream of documents, yielding one ``Extraction`` each."""
        for parsed in parse_documents(documents, self.nlp, batch_size=batch_size):
            yield self.extract_parsed(parsed)
