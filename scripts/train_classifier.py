"""Train the sentence event classifier's head (src/detente/data/event_head.json).

Training data (development and silver data only; nothing held out, no test files):
  - ngec-synthetic-silver/gpt_synthetic_events_2023-10-19_19.csv.zip: 4,500 synthetic stories with a PLOVER label;
    the training sentence is built from the story's filled-in headline and/or its first sentence (--text);
  - plover-gsr/plover_gsr_dev.json: 161 human-coded sentences, 2016 draft names mapped to PLOVER 2.0.
ConfliBERT is NOT trained on: --eval-conflibert only scores the finished head on it (mapped to the 5-way penta class).

The head is a multinomial logistic regression (L2, class-balanced weights) on all-MiniLM-L6-v2 int8 embeddings,
fitted by L-BFGS from zeros, so the result depends only on the data (the seed fixes the cross-validation folds).
Cross-validation is grouped: the 12 stories generated from one headline template always fall in the same fold,
otherwise near-identical headlines would leak between folds.

    python scripts/train_classifier.py --shared ../shared            # train, print CV accuracy, write the head
    python scripts/train_classifier.py --compare --eval-conflibert   # also compare inputs and score ConfliBERT
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import re
import sys
import time
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize

REPO = Path(__file__).resolve().parents[1]
SILVER = "eval/ngec-synthetic-silver/gpt_synthetic_events_2023-10-19_19.csv.zip"
GOLD = "eval/plover-gsr/plover_gsr_dev.json"
CONFLIBERT = "eval/conflibert-cameo/joined_train.jsonl"
HEAD_PATH = REPO / "src" / "detente" / "data" / "event_head.json"
SEED = 20260423
FOLDS = 5
# L2 strength (on the mean weighted loss); chosen by grouped CV over 1e-5..1e-3 (see --compare): 1e-4 had the
# best macro-F1 and keeps probabilities usable (p >= 0.5 on about half the held-out sentences, ~80% right).
L2 = 1e-4
# How many of the story's opening sentences to use with --text first.
FIRST_SENTENCES = 1
# The human gold is scarce but clean: each gold sentence counts this many times a silver one.
GOLD_WEIGHT = 3.0
# 2016 PLOVER draft names in plover-gsr -> PLOVER 2.0 (eval/README.md).
DRAFT_TO_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
TEXT_CHOICES = ("title", "first", "title+first", "both")
_SENT_END = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘(]?[A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str
    group: str  # examples sharing a group stay in one CV fold
    source: str  # "silver" or "gold"


def read_silver(path: Path, *, text: str = "title+first") -> list[Example]:
    """Examples from the NGEC synthetic-story CSV zip (columns title, prompt, text, label, ...).

    Args:
        path: the zip holding exactly one CSV.
        text: "title" (the filled-in headline, first line of ``prompt``), "first" (the story's opening
            sentence), "title+first" (both, joined) or "both" (two examples per story).
    """
    with zipfile.ZipFile(path) as zf:
        names = [n for n in zf.namelist() if n.endswith(".csv")]
        if len(names) != 1:
            raise ValueError(f"{path}: expected one CSV in the zip, found {names}")
        with zf.open(names[0]) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    out = []
    for n, row in enumerate(rows, start=2):
        label = row["label"].strip().upper()
        headline = row["prompt"].split("\n", 1)[0].strip()
        first = first_sentences(row["text"], FIRST_SENTENCES)
        if not label or not (headline or first):
            raise ValueError(f"{path}:{names[0]} line {n}: empty label or text")
        group = "silver:" + row["title"].strip()
        texts = {"title": [headline], "first": [first], "title+first": [f"{headline}. {first}"],
                 "both": [headline, first]}[text]
        out.extend(Example(t, label, group, "silver") for t in texts if t)
    return out


def first_sentences(text: str, n: int) -> str:
    """The first ``n`` sentences of a story (a light regex split; stories are machine-generated prose)."""
    para = " ".join(text.split())
    return " ".join(_SENT_END.split(para)[:n]).strip()


def read_gold(path: Path) -> list[Example]:
    """Examples from plover-gsr (record 0 documents the file), labels mapped to PLOVER 2.0."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out = []
    for rec in records:
        if rec.get("event") in (None, "DOCUMENT"):
            continue
        label = DRAFT_TO_PLOVER.get(rec["event"], rec["event"])
        out.append(Example(rec["text"].strip(), label, "gold:" + rec["id"], "gold"))
    return out


def read_conflibert(path: Path) -> tuple[list[str], np.ndarray]:
    """Sentences and penta labels (0-4) of ConfliBERT's joined file: for evaluation only."""
    texts, labels = [], []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                texts.append(rec["text"])
                labels.append(int(rec["penta_label"]))
    return texts, np.array(labels)


# -- the head ------------------------------------------------------------------
def fit_head(x: np.ndarray, y: np.ndarray, n_classes: int, *, weight: np.ndarray, l2: float = L2) -> tuple:
    """Weighted multinomial logistic regression by L-BFGS: returns (weights (k, d), bias (k,))."""
    n, d = x.shape
    onehot = np.eye(n_classes)[y]
    w_norm = weight / weight.sum()

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[: n_classes * d].reshape(n_classes, d)
        b = theta[n_classes * d:]
        z = x @ w.T + b
        z -= z.max(axis=1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
        value = -(w_norm * (onehot * logp).sum(axis=1)).sum() + 0.5 * l2 * (w * w).sum()
        g = (np.exp(logp) - onehot) * w_norm[:, None]
        grad_w = g.T @ x + l2 * w
        return float(value), np.concatenate([grad_w.ravel(), g.sum(axis=0)])

    theta0 = np.zeros(n_classes * (d + 1))
    res = minimize(loss, theta0, jac=True, method="L-BFGS-B", options={"maxiter": 2000})
    return res.x[: n_classes * d].reshape(n_classes, d), res.x[n_classes * d:]


def class_weights(y: np.ndarray, source: np.ndarray, n_classes: int) -> np.ndarray:
    """Balanced class weights (rare types count as much as common ones), times GOLD_WEIGHT for gold."""
    counts = np.bincount(y, minlength=n_classes).astype(float)
    w = (len(y) / (n_classes * np.maximum(counts, 1)))[y]
    return w * np.where(source == "gold", GOLD_WEIGHT, 1.0)


def predict(weights: np.ndarray, bias: np.ndarray, x: np.ndarray) -> np.ndarray:
    z = x @ weights.T + bias
    z -= z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def grouped_folds(groups: list[str], k: int = FOLDS, seed: int = SEED) -> np.ndarray:
    """Fold number per example; groups are shuffled with ``seed`` and dealt round-robin."""
    uniq = sorted(set(groups))
    order = np.random.default_rng(seed).permutation(len(uniq))
    fold_of = {uniq[j]: i % k for i, j in enumerate(order)}
    return np.array([fold_of[g] for g in groups])


def cross_validate(x: np.ndarray, y: np.ndarray, source: np.ndarray, folds: np.ndarray, n_classes: int,
                   *, l2: float = L2) -> np.ndarray:
    """Out-of-fold probabilities (n, k)."""
    oof = np.zeros((len(y), n_classes))
    for f in range(folds.max() + 1):
        tr, te = folds != f, folds == f
        w, b = fit_head(x[tr], y[tr], n_classes, weight=class_weights(y[tr], source[tr], n_classes), l2=l2)
        oof[te] = predict(w, b, x[te])
    return oof


def macro_f1(y: np.ndarray, pred: np.ndarray, labels: range) -> float:
    f1s = []
    for c in labels:
        tp = np.sum((pred == c) & (y == c))
        p = tp / max(np.sum(pred == c), 1)
        r = tp / max(np.sum(y == c), 1)
        f1s.append(0.0 if tp == 0 else 2 * p * r / (p + r))
    return float(np.mean(f1s))


# -- driver --------------------------------------------------------------------
def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _embed(encoder, texts: list[str], cache: Path | None) -> np.ndarray:
    """Embeddings, cached on a SHA-256 of the texts and the model (a stale cache is never read)."""
    if cache is None:
        return encoder.encode(texts)
    key = hashlib.sha256("\n".join([encoder.model_sha256, *texts]).encode()).hexdigest()[:20]
    path = cache / f"emb-{key}.npy"
    if path.exists():
        return np.load(path)
    x = encoder.encode(texts)
    cache.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, x)
    tmp.replace(path)
    return x


def _dataset(encoder, shared: Path, text: str, cache: Path | None):
    parts = ["title", "first"] if text == "both" else [text]  # "both" reuses the two single embeddings
    examples, xs = [], []
    for part in parts:
        silver = read_silver(shared / SILVER, text=part)
        examples += silver
        xs.append(_embed(encoder, [e.text for e in silver], cache))
    gold = read_gold(shared / GOLD)
    examples += gold
    xs.append(_embed(encoder, [e.text for e in gold], cache))
    return examples, np.vstack(xs)


def _cv_report(examples, x, labels, *, l2: float = L2) -> dict:
    index = {lab: i for i, lab in enumerate(labels)}
    y = np.array([index[e.label] for e in examples])
    source = np.array([e.source for e in examples])
    folds = grouped_folds([e.group for e in examples])
    oof = cross_validate(x, y, source, folds, len(labels), l2=l2)
    pred = oof.argmax(axis=1)
    gold = source == "gold"
    conf = oof.max(axis=1)
    return {
        "accuracy": float(np.mean(pred == y)),
        "macro_f1": macro_f1(y, pred, range(len(labels))),
        "accuracy_gold": float(np.mean(pred[gold] == y[gold])),
        "accuracy_silver": float(np.mean(pred[~gold] == y[~gold])),
        "share_above_min_prob": float(np.mean(conf >= 0.5)),
        "accuracy_above_min_prob": float(np.mean(pred[conf >= 0.5] == y[conf >= 0.5])),
    }


def _eval_conflibert(clf_labels, w, b, encoder, shared: Path, cache: Path | None) -> dict:
    from detente.events.classify import CAMEO_ROOT_BY_TYPE

    texts, penta = read_conflibert(shared / CONFLIBERT)
    probs = predict(w, b, _embed(encoder, texts, cache))
    roots = [CAMEO_ROOT_BY_TYPE[clf_labels[j]] for j in probs.argmax(axis=1)]
    pred = np.array([_penta(r) for r in roots])
    return {"n": len(texts), "accuracy": float(np.mean(pred == penta)), "macro_f1": macro_f1(penta, pred, range(5)),
            "confusion": np.array([[int(np.sum((penta == i) & (pred == j))) for j in range(5)]
                                   for i in range(5)]).tolist()}


def _penta(root: str) -> int:
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 or r == 16 else 4


def _head_json(data: dict) -> str:
    """Indented JSON with one weight row per line, so a retrained head diffs readably."""
    rows = data.pop("weights")
    text = json.dumps(data, indent=1)
    return text[:-2] + ',\n "weights": [\n  ' + ",\n  ".join(json.dumps(r) for r in rows) + "\n ]\n}\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared folder (../shared)")
    ap.add_argument("--text", choices=TEXT_CHOICES, default="title", help="what a silver story contributes")
    ap.add_argument("--compare", action="store_true", help="grouped CV of every --text choice and L2 strength")
    ap.add_argument("--eval-conflibert", action="store_true", help="score the head on ConfliBERT (never trained on)")
    ap.add_argument("--cache", type=Path, default=None, help="folder to cache embeddings in (optional)")
    ap.add_argument("--out", type=Path, default=HEAD_PATH)
    args = ap.parse_args(argv)

    from detente.events.classify import MODEL_ID, SentenceEncoder
    from detente.model import PLOVER_TYPES

    labels = list(PLOVER_TYPES)
    encoder = SentenceEncoder.load()
    if args.compare:
        for text in TEXT_CHOICES:
            examples, x = _dataset(encoder, args.shared, text, args.cache)
            for l2 in (1e-5, 1e-4, 1e-3):
                rep = _cv_report(examples, x, labels, l2=l2)
                print(flush=True, *[f"compare text={text:12s} l2={l2:g}: " + " ".join(f"{k}={v:.3f}" for k, v in rep.items())])

    t0 = time.perf_counter()
    examples, x = _dataset(encoder, args.shared, args.text, args.cache)
    print(f"embedded {len(examples)} examples in {time.perf_counter() - t0:.1f}s")
    cv = _cv_report(examples, x, labels)
    print(f"{FOLDS}-fold grouped CV (text={args.text}, l2={L2:g}): accuracy {cv['accuracy']:.3f}, "
          f"macro-F1 {cv['macro_f1']:.3f}, gold-only accuracy {cv['accuracy_gold']:.3f}, "
          f"silver-only {cv['accuracy_silver']:.3f}; p>=0.5 on {cv['share_above_min_prob']:.0%} "
          f"with accuracy {cv['accuracy_above_min_prob']:.3f}")

    index = {lab: i for i, lab in enumerate(labels)}
    y = np.array([index[e.label] for e in examples])
    source = np.array([e.source for e in examples])
    w, b = fit_head(x, y, len(labels), weight=class_weights(y, source, len(labels)))
    train = {
        "script": "scripts/train_classifier.py",
        "seed": SEED, "folds": FOLDS, "l2": L2, "gold_weight": GOLD_WEIGHT, "text": args.text,
        "data": [
            {"file": SILVER, "sha256": _sha256(args.shared / SILVER), "examples": int(np.sum(source == "silver"))},
            {"file": GOLD, "sha256": _sha256(args.shared / GOLD), "examples": int(np.sum(source == "gold"))},
        ],
        "not_trained_on": [CONFLIBERT, "any held-out or test file"],
        "label_counts": dict(sorted(Counter(e.label for e in examples).items())),
        "cv": {k: round(v, 4) for k, v in cv.items()},
    }
    if args.eval_conflibert:
        conf = _eval_conflibert(labels, w, b, encoder, args.shared, args.cache)
        print(f"ConfliBERT joined_train (n={conf['n']}, penta, head alone): accuracy {conf['accuracy']:.3f}, "
              f"macro-F1 {conf['macro_f1']:.3f}; confusion (rows gold 0-4, cols predicted) {conf['confusion']}")
        train["conflibert_penta_eval"] = {k: (round(v, 4) if isinstance(v, float) else v) for k, v in conf.items()}

    from detente.events.classify import Head

    head = Head(tuple(labels), w.astype(np.float32), b.astype(np.float32), MODEL_ID, encoder.model_sha256)
    args.out.write_text(_head_json(head.to_dict(training=train)), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
