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


def decode_word_spans(probs: list[list[float]], offsets: list[tuple[int, int]],
                      word_ids: list[int | None], scores: list[float] | None = None) -> list[tuple[int, int, str]]:
    """Per-piece tag probabilities to character spans of whole words.

    The tagger labels word pieces; decoded piece by piece (BIO), a word came apart where one of its pieces fell
    to ``O`` ("Netanyahu" tagged from its second piece on), and a phrase where a later word got a ``B-`` ("The"
    + "Indian Prime Minister").  Here each word (``word_ids``: the pre-tokeniser's words) gets one role, the
    argmax of its pieces' mean probabilities of ``O`` / source (B + I) / target (B + I), and a span is a run of
    words of one role: ConfliBERT's gold never puts two spans of one role side by side (0 of 795 neighbouring
    pairs), so a ``B-`` inside a run is noise.  On the development split this raised the shipped model's exact
    span F1 from 0.569 to 0.629 (token scorer, MODEL_CARD.md); joining two runs of one role across one word
    left ``O`` lowered it, so that is not done.

    ``scores``, when given, receives one confidence per span: the lowest, over its words, of the word's mean
    probability of the span's role.
    """
    words: list[list] = []  # [word id, start, end, summed probabilities over its pieces]
    for p, (a, b), w in zip(probs, offsets, word_ids):
        if w is None or a == b:
            continue
        if words and words[-1][0] == w:
            words[-1][2] = b
            words[-1][3] = [x + y for x, y in zip(words[-1][3], p)]
            words[-1][4] += 1
        else:
            words.append([w, a, b, list(p[:len(TAGS)]), 1])
    out: list[tuple[int, int, str]] = []
    previous: str | None = None
    for _, start, end, total, pieces in words:
        score = {None: total[0], "SRC": total[1] + total[2], "TGT": total[3] + total[4]}
        role = max(score, key=lambda r: score[r])
        if role is not None and role == previous:
            out[-1] = (out[-1][0], end, role)
            if scores is not None:
                scores[-1] = min(scores[-1], score[role] / pieces)
        elif role is not None:
            out.append((start, end, role))
            if scores is not None:
                scores.append(score[role] / pieces)
        previous = role
    return out
