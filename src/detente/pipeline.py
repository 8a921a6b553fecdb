"""The stage order, written once: documents -> nlp -> actors -> events & claims.

The CLI, the API, evaluation and the benchmark all call ``Pipeline``.  Heavy
resources (spaCy model, gazetteer, lexicon) are loaded once in
``Pipeline.load`` and shared by the stages, which are plain functions over
batches of records (so the same code runs in-process or on Ray workers).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any

from .actors import ActorResolver, load_gazetteer
from .actors.gazetteer import Gazetteer
from .events import EventCoder, RelationReader, load_lexicon
from .events.attribution import Speakers
from .events.lexicon import Lexicon
from .errors import InputError
from .learned.apply import LearnedEvents
from .model import Document, Extraction, Rejected
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
    # The learned event model (issue 11), None for the rules alone.
    learned: LearnedEvents | None = None

    @classmethod
    def load(cls, *, learned: bool = True) -> "Pipeline":
        """Load the spaCy model and the bundled data files (once per process).

        Args:
            learned: apply the shipped event model (``detente/models``) where it measured better than the
                rules; False codes with the rules alone.
        """
        from .learned.model import available

        nlp = load_nlp()
        gazetteer = load_gazetteer()
        lexicon = load_lexicon()
        coder = EventCoder(lexicon, agents=dict(gazetteer.agents))
        model = LearnedEvents.load() if learned and available() else None
        return cls(nlp, gazetteer, lexicon, ActorResolver(nlp, gazetteer), coder, RelationReader(lexicon, coder),
                   model)

    def rules_only(self) -> "Pipeline":
        """The same loaded resources without the learned model (for learned-vs-rule figures)."""
        return replace(self, learned=None)

    def extract_parsed(self, parsed: Parsed) -> Extraction:
        """Actors, events and stated relations of one parsed document."""
        # the coder's disabled rules (ablation) reach the resolver's identity rules and the attribution rules too
        mentions = self.resolver.resolve(parsed, disabled=self.coder.disabled)
        # quotes, speakers and pairs: found once, shared by both readers
        speakers = Speakers(parsed, mentions, disabled=self.coder.disabled)
        events = self.coder.code(parsed, mentions, speakers)
        # Stated relations stay with the rules: read against the rule coder's events, before the learned model.
        claims = self.relations.read(parsed, mentions, speakers, events)
        if self.learned is not None:  # issue 11: learned heads refine the rule coder's events
            events = self.learned.apply(parsed, mentions, events, self.coder, speakers)
        return Extraction(parsed.document, parsed.sentences, mentions, events, claims)

    def run(self, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE,
            debug: bool = False) -> Iterator[Extraction | Rejected]:
        """Run every stage over a stream of documents, yielding an ``Extraction`` or a ``Rejected`` each, in order.

        This is the pipeline's one per-item failure boundary: whatever goes wrong while parsing or
        extracting one document becomes that document's ``Rejected`` (code R10, a one-line reason, the
        traceback when ``debug``), and the stream goes on.  Documents are parsed a batch at a time; a
        batch whose parse fails is parsed again one document at a time, so only the culprit is rejected.
        """
        it = iter(documents)
        while True:
            chunk = list(islice(it, batch_size))
            if not chunk:
                return
            try:
                parsed: list[Parsed | None] | None = list(parse_documents(chunk, self.nlp, batch_size=batch_size))
            except Exception:  # noqa: BLE001 - retried one by one below, where the boundary names the document
                parsed = None
            for i, document in enumerate(chunk):
                result = self._contained(document, parsed[i] if parsed is not None else None, debug)
                if parsed is not None:
                    parsed[i] = None  # this Doc is freed now, not with its chunk (nor while the next one is parsed)
                yield result
            del parsed, chunk

    def _contained(self, document: Document, parsed: Parsed | None, debug: bool) -> Extraction | Rejected:
        try:
            if parsed is None:
                parsed = next(parse_documents([document], self.nlp))
            return self.extract_parsed(parsed)
        except Exception as exc:  # noqa: BLE001 - the per-document failure boundary
            return Rejected.from_exception(document.source_path or document.url or document.id, exc, debug)

    def extract(self, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Like ``run``, for callers that need every document: a rejected one raises its ``InputError``."""
        for item in self.run(documents, batch_size=batch_size):
            if isinstance(item, Rejected):
                raise InputError(f"{item.source}: {item.reason}", item.code)
            yield item

