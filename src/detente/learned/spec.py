"""What the learned event model reads and writes, shared by training and inference.

Imports nothing beyond the standard library, so the training script (its own venv, with torch) and the
runtime (onnxruntime + tokenizers + numpy, never torch) agree on labels, lengths and the development split.
"""

from __future__ import annotations

import hashlib
import re

# BIO tags of the argument head, per word piece.  A ConfliBERT "reciprocal" span is tagged as a source.
TAGS: tuple[str, ...] = ("O", "B-SRC", "I-SRC", "B-TGT", "I-TGT")
# The 5-way CAMEO class of ConfliBERT (0 verbal cooperation .. 4 material conflict, see eval/metrics.py).
PENTA: tuple[int, ...] = (0, 1, 2, 3, 4)
# PLOVER 2.0 types, in detente.model.PLOVER_TYPES order (checked by a test).
TYPES: tuple[str, ...] = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
MAX_TOKENS = 128
# The development split: a sentence is "dev" when the hash of its normalised text falls in fold DEV_FOLD of
# N_FOLDS.  Training never sees a dev sentence; `detente eval` scores the dev sentences apart from the rest.
# A hash (not a shuffled index) makes the split the same whatever file order or subset is read.
N_FOLDS = 5
DEV_FOLD = 0


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def fold_of(text: str) -> int:
    """The fold (0..N_FOLDS-1) of a sentence, stable across runs and machines."""
    digest = hashlib.sha256(normalise(text).encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % N_FOLDS


def is_dev(text: str) -> bool:
    """True when the sentence belongs to the development split the shipped model never trained on."""
    return fold_of(text) == DEV_FOLD


def decode_spans(tags: list[int], offsets: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """BIO word-piece tags to character spans (lenient: an I- tag after O or another role opens a span)."""
    out: list[tuple[int, int, str]] = []
    open_role = None
    for t, (a, b) in zip(tags, offsets):
        if a == b:  # special token
            continue
        name = TAGS[t]
        if name == "O":
            open_role = None
            continue
        role = name[2:]
        if name.startswith("B-") or open_role != role:
            out.append((a, b, role))
            open_role = role
        else:
            out[-1] = (out[-1][0], b, role)
    return out
