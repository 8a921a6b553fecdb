"""The shipped event model: one int8 ONNX encoder (fine-tuned all-MiniLM-L6-v2) with three heads.

Consumes sentences (plain strings); produces, for each, the source/target spans tagged by the BIO head
(character offsets into the sentence), the 5-way CAMEO class and the PLOVER 2.0 type with their
probabilities.  Runs with ``onnxruntime`` + ``tokenizers`` + numpy only: it never imports torch.  The files
(``detente/models/``, GPL-3.0, see MODEL_CARD.md there) are produced by ``scripts/train/train_events.py``.

Deliberately left out: which actor a span names (the resolver's job) and how a prediction changes an
event (``detente.learned.apply``).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import DataFileError
from .spec import MAX_TOKENS, TYPES, decode_word_spans

MODEL_FILE = "event_model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
CONFIG_FILE = "event_model.json"
# One sentence per run.  A document's sentences differ in length, and a batch is padded to its longest: per
# document, batches of 32 cost 40 % more CPU than batches of 1-4 (600 ConfliBERT sentences in documents of 25:
# 1.8 s against 1.25-1.3 s, int8, one thread).  One at a time also makes a sentence's answer independent of its
# neighbours: dynamic int8 scales activations per batch, so in a batch a marginal tag could flip with the
# other sentences of the document.
BATCH_SIZE = 1
# One thread: the pipeline runs in one process per core (spaCy is single-threaded too), and an onnxruntime
# thread pool made before a fork deadlocks the forked workers of `detente ingest --workers`.
THREADS = 1


@dataclass(frozen=True, slots=True)
class Prediction:
    """What the model says about one sentence."""

    spans: tuple[tuple[int, int, str], ...]  # (start, end, "SRC" | "TGT"), character offsets in the sentence
    penta: int
    penta_prob: float
    type: str
    type_prob: float
    span_scores: tuple[float, ...] = ()  # one confidence per span (``decode_word_spans``)

    def role_spans(self, role: str) -> list[tuple[int, int]]:
        return [(a, b) for a, b, r in self.spans if r == role]


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=-1, keepdims=True))


def _files() -> Any:
    return resources.files("detente.models")


def read_config() -> dict[str, Any]:
    """The model's config: which heads the pipeline uses (decided on the development split) and checksums.

    Raises:
        DataFileError: the file is missing or malformed.
    """
    path = _files().joinpath(CONFIG_FILE)
    if not path.is_file():
        raise DataFileError(f"{CONFIG_FILE} is missing from detente/models; run `make train`")
    try:
        return dict(json.loads(path.read_text(encoding="utf-8")))
    except json.JSONDecodeError as err:
        raise DataFileError(f"{CONFIG_FILE}: not valid JSON ({err})") from err


def available() -> bool:
    """True when the model file and its config are installed."""
    files = _files()
    return all(files.joinpath(n).is_file() for n in (MODEL_FILE, TOKENIZER_FILE, CONFIG_FILE))


class EventModel:
    """The loaded ONNX session and tokenizer; build with ``load()`` (cached) and reuse."""

    def __init__(self, raw: bytes, tokenizer: Any, config: dict[str, Any], threads: int = THREADS) -> None:
        self.raw = raw
        self.tokenizer = tokenizer
        self.config = config
        self.threads = threads
        self._session: Any = None
        self._pid = -1

    def __getstate__(self) -> dict[str, Any]:
        """Pickled without its session (not picklable; remade on first use where it lands, e.g. a Ray actor)."""
        state = dict(self.__dict__)
        state["_session"], state["_pid"] = None, -1
        return state

    @property
    def session(self) -> Any:
        """The onnxruntime session, created on first use in each process: a session made before a fork
        would carry its thread pool's state into the forked worker (``detente ingest --workers``)."""
        if self._session is None or self._pid != os.getpid():
            import onnxruntime as ort

            forked = self._session is not None
            opts = ort.SessionOptions()
            # In a forked worker, one thread: a new multi-threaded session there deadlocks on the thread pool
            # state inherited from the parent's session (measured; each worker is a process of its own anyway).
            opts.intra_op_num_threads = 1 if forked else self.threads
            opts.inter_op_num_threads = 1
            self._session = ort.InferenceSession(self.session_bytes(), opts, providers=["CPUExecutionProvider"])
            self._pid = os.getpid()
        return self._session

    def session_bytes(self) -> bytes:
        """The model the session runs: the shipped file, or on a VNNI CPU the same weights as signed bytes, which
        give the same integers faster (``kernel``)."""
        from .kernel import signed_weights, use_signed

        if use_signed():
            signed = signed_weights(self.raw)
            if signed is not None:
                return signed
        return self.raw

    @classmethod
    def load(cls, *, threads: int = THREADS) -> "EventModel":
        """Read the model, checking its SHA-256 against the config (a changed or truncated file is caught).

        Raises:
            DataFileError: a file is missing, or the model's checksum does not match its config.
        """
        from tokenizers import Tokenizer

        config = read_config()
        raw = _files().joinpath(MODEL_FILE).read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        if digest != config.get("sha256"):
            raise DataFileError(f"{MODEL_FILE}: SHA-256 {digest[:12]} does not match {CONFIG_FILE} "
                                f"({str(config.get('sha256'))[:12]}); reinstall or retrain with `make train`")
        tokenizer = Tokenizer.from_str(_files().joinpath(TOKENIZER_FILE).read_text(encoding="utf-8"))
        tokenizer.enable_truncation(MAX_TOKENS)
        model = cls(raw, tokenizer, config, threads)
        model.session  # noqa: B018 - a broken file fails here, at load, not at the first sentence
        return model

    def predict(self, texts: list[str], *, batch_size: int = BATCH_SIZE) -> list[Prediction]:
        """One ``Prediction`` per text, in order (batched, shortest first, to waste little on padding)."""
        encs = self.tokenize(texts)
        if batch_size == 1:
            return self.decode(encs, self.infer(encs))
        out: list[Prediction | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for j, i in enumerate(idx):
                ids[j, :len(encs[i].ids)] = encs[i].ids
                mask[j, :len(encs[i].ids)] = 1
            tags, penta, etype = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            for j, i in enumerate(idx):
                out[i] = self._prediction(encs[i], (tags[j:j + 1], penta[j:j + 1], etype[j:j + 1]))
        return [p for p in out if p is not None]

    def tokenize(self, texts: list[str]) -> list[Any]:
        # One by one, not encode_batch: its Rayon thread pool deadlocks in a forked worker
        # (`detente ingest --workers`); tokenising is a small part of the cost.
        return [self.tokenizer.encode(t) for t in texts]

    def infer(self, encodings: list[Any]) -> list[tuple[np.ndarray, ...]]:
        """The raw outputs (tags, 5-way class, type logits), one encoder run per sentence.

        Kept to the encoder runs and nothing else, so that in a second thread it holds the GIL as little as
        possible: onnxruntime releases it while it computes (``Pipeline.run`` overlaps this with parsing).
        """
        run, out = self.session.run, []
        for e in encodings:
            ids = np.asarray([e.ids], dtype=np.int64)
            out.append(tuple(run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})))
        return out

    def decode(self, encodings: list[Any], outputs: list[tuple[np.ndarray, ...]]) -> list[Prediction]:
        """``Prediction``s from ``infer``'s outputs."""
        return [self._prediction(e, o) for e, o in zip(encodings, outputs)]

    @staticmethod
    def _prediction(enc: Any, outputs: tuple[np.ndarray, ...]) -> Prediction:
        tags, penta, etype = outputs
        n = len(enc.ids)
        pp, tp, tagp = _softmax(penta[0]), _softmax(etype[0]), _softmax(tags[0, :n])
        scores: list[float] = []
        spans = decode_word_spans(tagp.tolist(), list(enc.offsets), list(enc.word_ids), scores)
        p, t = int(pp.argmax()), int(tp.argmax())
        return Prediction(tuple(spans), p, float(pp[p]), TYPES[t], float(tp[t]), tuple(scores))


@lru_cache(maxsize=1)
def load_model() -> EventModel:
    """The shipped model, loaded once per process."""
    return EventModel.load()
