"""re3d: are the alignment relations of whole documents among detente's pairwise relations?

Reads every folder under the path that holds ``documents.json`` and
``relations.json`` (newline-delimited JSON with a UTF-8 BOM).  For each gold
relation of type AlliesOf, Likes (positive), FightingAgainst, Dislikes
(negative) and CommWith, both entity strings are resolved with
``ActorResolver.resolve_text`` to network nodes (``node``, else country).
Gold pairs are unordered and de-duplicated per document and type; a pair with
an unresolvable side is counted apart, and one whose sides resolve to the same
node is dropped.

detente's pairs for a document: every (source node, target node) of its
events plus every (a, b) of its stated relation claims.  Recall = share of
resolvable gold pairs found; sign accuracy = share of found signed pairs whose
mean sign (event scores, claim polarities) matches the gold sign.  CommWith is
scored against CONSULT events and, separately, against any event.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from . import metrics
from .common import ErrorCase, EvalResult, actor_node, describe_crash, extract_all, make_document, read_jsonl

NAME = "re3d"
SIGNED = {"AlliesOf": 1, "Likes": 1, "FightingAgainst": -1, "Dislikes": -1}
TYPES = (*SIGNED, "CommWith")


@dataclass(frozen=True, slots=True)
class GoldPair:
    doc_id: str
    type: str
    a_text: str
    b_text: str
    a: str | None  # resolved node
    b: str | None

    @property
    def pair(self) -> frozenset[str]:
        return frozenset((self.a or "", self.b or ""))


def find_folders(path: Path) -> list[Path]:
    """Folders at or under ``path`` holding ``documents.json`` (a file path means its folder).

    Raises:
        InputError: none found.
    """
    base = path.parent if path.is_file() else path
    if not base.is_dir():
        raise InputError(f"{NAME}: {path} does not exist; give the re3d folder")
    found = sorted({p.parent for p in base.rglob("documents.json")})
    if not found:
        raise InputError(f"{NAME}: no documents.json under {base}")
    return found


def load(folders: list[Path]) -> tuple[dict[str, dict[str, Any]], list[dict[str, Any]]]:
    """Documents by id and the relations of the scored types."""
    documents: dict[str, dict[str, Any]] = {}
    relations = []
    for folder in folders:
        for _, doc in read_jsonl(folder / "documents.json", encoding="utf-8-sig"):
            if isinstance(doc.get("text"), str) and doc.get("_id"):
                documents[doc["_id"]] = {**doc, "_folder": folder.name}
        rel_path = folder / "relations.json"
        if rel_path.exists():
            relations.extend(r for _, r in read_jsonl(rel_path, encoding="utf-8-sig") if r.get("type") in TYPES)
    return documents, relations


def evaluate(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalResult:
    """Score detente on the re3d documents under ``path``.

    Args:
        path: the re3d folder (or one sub-folder, or a file in one).
        pipeline: a loaded ``Pipeline``.
        limit: score only the first ``limit`` documents (tests).
    """
    folders = find_folders(path)
    documents, relations = load(folders)
    doc_ids = list(documents)[:limit]
    outputs = dict(zip(doc_ids, extract_all(pipeline, [make_document(documents[d]["text"]) for d in doc_ids])))
    resolver_crashes: list[str] = []
    gold = _gold_pairs(pipeline, [r for r in relations if r["documentId"] in outputs], resolver_crashes)

    predicted: dict[str, dict[frozenset[str], list[float]]] = {}
    consult: dict[str, set[frozenset[str]]] = {}
    crashes = len(resolver_crashes)
    errors = [ErrorCase("resolver crash", text, "", "", "", 9) for text in resolver_crashes]
    for doc_id, out in outputs.items():
        if isinstance(out, Exception):
            crashes += 1
            errors.append(ErrorCase("crash", documents[doc_id].get("title") or doc_id, "", describe_crash(out),
                                    doc_id, 9))
            predicted[doc_id], consult[doc_id] = {}, set()
            continue
        predicted[doc_id], consult[doc_id] = detente_pairs(out)

    stats: dict[str, dict[str, int]] = {t: defaultdict(int) for t in TYPES}
    any_event_commwith = 0
    for g in gold:
        st = stats[g.type]
        st["gold"] += 1
        if g.a is None or g.b is None:
            st["unresolvable"] += 1
            continue
        if g.a == g.b:
            st["same_node"] += 1
            continue
        st["resolved"] += 1
        title = documents[g.doc_id].get("title") or g.doc_id
        found = predicted[g.doc_id]
        gold_txt = f"{g.type}: {g.a_text}={g.a} ~ {g.b_text}={g.b}"
        if g.type == "CommWith":
            any_event_commwith += g.pair in found
            hit = g.pair in consult[g.doc_id]
            st["recalled"] += hit
            if not hit:
                errors.append(ErrorCase("CommWith missed", title, gold_txt, _near(found, g), g.doc_id, 3))
            continue
        if g.pair not in found:
            errors.append(ErrorCase(f"{g.type} missed", title, gold_txt, _near(found, g), g.doc_id, 5))
            continue
        st["recalled"] += 1
        sign = _sign(found[g.pair])
        if sign == SIGNED[g.type]:
            st["sign_ok"] += 1
        else:
            errors.append(ErrorCase("wrong sign", title, gold_txt, f"mean sign {sign:+d} of {found[g.pair]}",
                                    g.doc_id, 7))

    signed = {k: sum(stats[t][k] for t in SIGNED) for k in ("gold", "unresolvable", "same_node", "resolved",
                                                             "recalled", "sign_ok")}
    figures = {
        "signed_recall": metrics.ratio(signed["recalled"], signed["resolved"]),
        "sign_accuracy": metrics.ratio(signed["sign_ok"], signed["recalled"]),
        "signed_pairs": signed,
        "commwith_recall_consult": metrics.ratio(stats["CommWith"]["recalled"], stats["CommWith"]["resolved"]),
        "commwith_recall_any_event": metrics.ratio(any_event_commwith, stats["CommWith"]["resolved"]),
        "commwith_pairs": dict(stats["CommWith"]),
        "unresolvable_gold": sum(stats[t]["unresolvable"] for t in TYPES),
        "unresolvable_strings": _unresolvable_strings(gold),
        "documents": len(doc_ids),
        "detente_pairs": sum(len(p) for p in predicted.values()),
    }
    table_rows = [
        [t, st["gold"], st["unresolvable"], st["same_node"], st["resolved"], metrics.ratio(st["recalled"], st["resolved"]),
         metrics.ratio(st["sign_ok"], st["recalled"]) if t in SIGNED else None]
        for t, st in stats.items()
    ]
    return EvalResult(NAME, [str(f) for f in folders], len(doc_ids), figures, "per gold relation type (unique pairs)",
                      ["type", "gold pairs", "unresolvable", "same node", "resolved", "recall", "sign acc"],
                      table_rows, errors, crashes,
                      notes=["CommWith recall counts CONSULT events; commwith_recall_any_event counts any event"])


def detente_pairs(out: dict[str, Any]) -> tuple[dict[frozenset[str], list[float]], set[frozenset[str]]]:
    """Unordered node pairs of an extraction with their signed values, and the pairs of CONSULT events."""
    pairs: dict[frozenset[str], list[float]] = defaultdict(list)
    consult: set[frozenset[str]] = set()
    for event in out["events"]:
        for s in event.get("source", []):
            for t in event.get("target", []):
                a, b = actor_node(s), actor_node(t)
                if a and b and a != b:
                    pairs[frozenset((a, b))].append(float(event.get("score") or 0.0))
                    if event.get("type") == "CONSULT":
                        consult.add(frozenset((a, b)))
    for claim in out.get("relations", []):
        a, b = actor_node(claim["a"]), actor_node(claim["b"])
        if a and b and a != b:
            pairs[frozenset((a, b))].append(float(claim.get("polarity") or 0))
    return dict(pairs), consult


def _sign(values: list[float]) -> int:
    mean = sum(values) / len(values) if values else 0.0
    return (mean > 0) - (mean < 0)


def _near(found: dict[frozenset[str], list[float]], g: GoldPair) -> str:
    """detente's pairs that share a node with the gold pair (what it found instead)."""
    near = [" ~ ".join(sorted(p)) for p in found if p & {g.a, g.b}]
    return "; ".join(near[:4]) or f"no pair with {g.a} or {g.b} ({len(found)} pairs in document)"


def _gold_pairs(pipeline: Any, relations: list[dict[str, Any]], crashed: list[str]) -> list[GoldPair]:
    """Unique gold pairs with resolved nodes; strings whose resolution crashed are appended to ``crashed``."""
    cache: dict[str, str | None] = {}

    def node(text: str) -> str | None:
        if text not in cache:
            try:
                mention = pipeline.resolver.resolve_text(pipeline.nlp, text)
            except Exception as exc:  # noqa: BLE001 - a crash is reported, the string counts as unresolvable
                crashed.append(f"{text!r}: {describe_crash(exc)}")
                mention = None
            actor = mention.actor if mention is not None else None
            cache[text] = (actor.node or actor.country) if actor is not None else None
        return cache[text]

    seen = set()
    out = []
    for r in relations:
        a_text, b_text = str(r.get("source", "")), str(r.get("target", ""))
        a, b = node(a_text), node(b_text)
        key = (r["documentId"], r["type"], frozenset((a or f"?{a_text}", b or f"?{b_text}")))
        if key in seen:
            continue
        seen.add(key)
        out.append(GoldPair(r["documentId"], r["type"], a_text, b_text, a, b))
    return out


def _unresolvable_strings(gold: list[GoldPair]) -> list[dict[str, Any]]:
    counts: dict[str, int] = defaultdict(int)
    for g in gold:
        for text, node in ((g.a_text, g.a), (g.b_text, g.b)):
            if node is None:
                counts[text] += 1
    return [{"text": t, "n": n} for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:25]]
