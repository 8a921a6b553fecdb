"""The stage order, written once: documents -> nlp -> actors -> events & claims.

The CLI, the API, evaluation and the benchmark all call ``Pipeline``.  Heavy
resources (spaCy model, gazetteer, lexicon) are loaded once in
``Pipeline.load`` and shared by the stages, which are plain functions over
batches of records (so the same code runs in-process or on Ray workers).
"""

from __future__ import annotations

import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from functools import partial
from dataclasses import dataclass, replace
from itertools import islice
from typing import Any, TypeVar

from .actors import ActorResolver, load_gazetteer
from .actors.resolve import roles_at_the_act
from .actors.gazetteer import Gazetteer
from .events import EventCoder, RelationReader, load_lexicon
from .events.attribution import Speakers
from .events.lexicon import Lexicon
from .errors import InputError
from .learned.apply import LearnedEvents, without_restated_claims
from .model import Document, Extraction, Rejected
from .nlp import BATCH_SIZE, Parsed, load_nlp, parse_documents

_T = TypeVar("_T")


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
        coded = self._code(parsed)
        return self._finish(coded, self._predict(coded))

    def _code(self, parsed: Parsed) -> "_Coded":
        """The rule stages of one document, and the sentences the learned model will read."""
        # the coder's disabled rules (ablation) reach the resolver's identity rules and the attribution rules too
        mentions = self.resolver.resolve(parsed, disabled=self.coder.disabled)
        # quotes, speakers and pairs: found once, shared by both readers
        speakers = Speakers(parsed, mentions, disabled=self.coder.disabled)
        events = self.coder.code(parsed, mentions, speakers)
        # Stated relations stay with the rules: read against the rule coder's events, before the learned model.
        claims = self.relations.read(parsed, mentions, speakers, events)
        encode = [] if self.learned is None else self.learned.to_encode(parsed, mentions, events, self.coder)
        tokens = self.learned.model.tokenize([parsed.sentences[i].text for i in encode]) if encode else []
        return _Coded(parsed, mentions, speakers, events, claims, tuple(encode), tuple(tokens))

    def _predict(self, coded: "_Coded") -> list[Any]:
        """The encoder's raw outputs for the sentences ``_code`` chose: reads no parse and holds the GIL
        little (``EventModel.infer``), so that it can run in a second thread."""
        if self.learned is None or not coded.encode:
            return []
        return self.learned.model.infer(list(coded.tokens))

    def _finish(self, coded: "_Coded", outputs: list[Any]) -> Extraction:
        parsed, events = coded.parsed, coded.events
        if self.learned is not None:  # issue 11: learned heads refine the rule coder's events
            predictions = dict(zip(coded.encode, self.learned.model.decode(list(coded.tokens), outputs)))
            events = self.learned.apply(parsed, coded.mentions, events, self.coder, coded.speakers, predictions)
            events = without_restated_claims(events, coded.claims, parsed.doc)
        # (the stated relations keep the roles of the news: their reader names no pair of a former office-holder)
        events = roles_at_the_act(events, self.gazetteer, parsed.document.published)
        return Extraction(parsed.document, parsed.sentences, coded.mentions, events, coded.claims)

    def run(self, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE,
            debug: bool = False, overlap: bool | None = None) -> Iterator[Extraction | Rejected]:
        """Run every stage over a stream of documents, yielding an ``Extraction`` or a ``Rejected`` each, in order.

        This is the pipeline's one per-item failure boundary: whatever goes wrong while parsing or
        extracting one document becomes that document's ``Rejected`` (code R10, a one-line reason, the
        traceback when ``debug``), and the stream goes on.  Documents are parsed a batch at a time; a
        batch whose parse fails is parsed again one document at a time, so only the culprit is rejected.

        ``overlap``: run the learned model's encoder in a second thread, on one batch's sentences while the
        next batch is parsed (onnxruntime releases the GIL, so on two cores both go on at once; the results
        are the same, one sentence per encoder run either way).  Default: on when the model is loaded and
        this process may use more than one CPU.  ``detente ingest --workers`` turns it off in its worker
        processes (one per core already).
        """
        if overlap is None:
            overlap = _usable_cpus() > 1
        pool = None
        if overlap and self.learned is not None:
            from concurrent.futures import ThreadPoolExecutor

            pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="detente-encoder")
        try:
            with _short_switch() if pool is not None else nullcontext():
                yield from self._stream(documents, batch_size, debug, pool)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)

    def _stream(self, documents: Iterable[Document], batch_size: int, debug: bool,
                pool: Any) -> Iterator[Extraction | Rejected]:
        """``run``'s loop.  Without a ``pool`` each document is finished as soon as its rule stages are done.
        With one (the encoder thread), its sentences go to the thread and it is finished after the next chunk is
        parsed, the encoder having gone on with it meanwhile (same results; two chunks of parsed documents are
        alive at a time instead of one)."""
        pending: deque[tuple[Document, _Coded | Rejected, Callable[[], list[Any]]]] = deque()
        it = iter(documents)
        while True:
            chunk = list(islice(it, batch_size))
            parsed = self._parse_chunk(chunk, batch_size) if chunk else None
            while pending:  # the encoder went on with these during the parse
                document, coded, outputs = pending.popleft()
                result = self._finish_one(document, coded, outputs, debug)
                del coded, outputs  # this Doc is freed now, not with its chunk
                yield result
            if not chunk:
                return
            for i, document in enumerate(chunk):
                coded = self._code_one(document, parsed[i] if parsed is not None else None, debug)
                if parsed is not None:
                    parsed[i] = None  # this Doc is freed with its extraction, not with its chunk
                if pool is None:
                    yield self._finish_one(document, coded, partial(self._predict, coded), debug)
                    continue
                future = pool.submit(self._predict, coded) if isinstance(coded, _Coded) and coded.encode else None
                pending.append((document, coded, future.result if future is not None else list))
            del parsed, chunk

    def _parse_chunk(self, chunk: list[Document], batch_size: int) -> list[Parsed | None] | None:
        try:
            return list(parse_documents(chunk, self.nlp, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - retried one by one (``_parsed``) inside the per-document boundary
            return None

    def _contained(self, document: Document, step: Callable[[], _T], debug: bool) -> _T | Rejected:
        """The pipeline's one per-document failure boundary: ``step`` (a stage of ``document``), or, whatever it
        raises, the document's ``Rejected`` (code R10, a one-line reason, the traceback when ``debug``)."""
        try:
            return step()
        except Exception as exc:  # noqa: BLE001 - the per-document failure boundary
            return Rejected.from_exception(document.source_path or document.url or document.id, exc, debug)

    def _code_one(self, document: Document, parsed: Parsed | None, debug: bool) -> "_Coded | Rejected":
        """The rule stages of ``document`` (parsed alone when its chunk's parse failed), within the boundary."""
        def code() -> _Coded:
            return self._code(parsed if parsed is not None else next(parse_documents([document], self.nlp)))

        return self._contained(document, code, debug)

    def _finish_one(self, document: Document, coded: "_Coded | Rejected", outputs: Callable[[], list[Any]],
                    debug: bool) -> Extraction | Rejected:
        """``coded`` finished with the encoder's ``outputs`` (a call: the thread's result, or the encoder run
        here), within the boundary."""
        if isinstance(coded, Rejected):
            return coded
        return self._contained(document, lambda: self._finish(coded, outputs()), debug)

    def extract(self, documents: Iterable[Document], *, batch_size: int = BATCH_SIZE) -> Iterator[Extraction]:
        """Like ``run``, for callers that need every document: a rejected one raises its ``InputError``."""
        for item in self.run(documents, batch_size=batch_size):
            if isinstance(item, Rejected):
                raise InputError(f"{item.source}: {item.reason}", item.code)
            yield item


@dataclass(frozen=True, slots=True)
class _Coded:
    """One document after the rule stages, before the learned heads (``Pipeline._code``)."""

    parsed: Parsed
    mentions: tuple[Any, ...]
    speakers: Any
    events: tuple[Any, ...]
    claims: tuple[Any, ...]
    encode: tuple[int, ...]  # the sentences the encoder reads
    tokens: tuple[Any, ...]  # their tokenizer encodings (the encoder thread reads no parse)


# While the encoder thread runs beside the parse, Python's thread switch interval is cut from 5 ms to 0.5 ms.
# After each encoder run (about 3 ms, without the GIL) the thread needs the GIL back, and waits for it until
# the main thread is asked to drop it: up to the interval.  Measured, one sentence per run: 3.1 ms alone, 8.9 ms
# beside a busy main thread at 5 ms, 4.5 ms at 1 ms, 3.4 ms at 0.2 ms; end to end (bench/README.md part 6) 0.5 ms
# measured best.
SWITCH_INTERVAL = 0.0005
_switch_lock = threading.Lock()
_switch_users = 0
_switch_saved = 0.005


@contextmanager
def _short_switch() -> Iterator[None]:
    """The switch interval at most ``SWITCH_INTERVAL`` while any overlapped run is going (process-wide)."""
    global _switch_users, _switch_saved
    with _switch_lock:
        if _switch_users == 0:
            _switch_saved = sys.getswitchinterval()
            sys.setswitchinterval(min(_switch_saved, SWITCH_INTERVAL))
        _switch_users += 1
    try:
        yield
    finally:
        with _switch_lock:
            _switch_users -= 1
            if _switch_users == 0:
                sys.setswitchinterval(_switch_saved)


def _usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        return os.cpu_count() or 1
