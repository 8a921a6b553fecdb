"""Ablation of the named rules (the event coder's, and the attribution and identity rules the pipeline runs with
the coder's ``disabled``): every development set and the probe, one rule disabled at a time.

Usage: PYTHONPATH=src python scripts/ablate_rules.py ../shared/eval ../shared/probe-dev [rule ...]

Loads the pipeline once and caches each document's parse (the rules never change the parse), then, for the full
registry and for each rule disabled in turn, scores ``detente eval all`` and ``detente eval probe`` and prints
the figures that moved (JSON lines).  A rule whose removal moves nothing is dead or carried only by its Doc test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from detente import pipeline as pipeline_mod
from detente.eval.run import evaluate
from detente.events.extract import EventCoder
from detente.events.relations import RelationReader
from detente.events.rules import rules


def _flat(d, p=""):
    if isinstance(d, dict):
        return {k2: v2 for k, v in d.items() for k2, v2 in _flat(v, f"{p}/{k}").items()}
    return {p: d}


def _figures(pipe, eval_root: Path, probe: Path) -> dict:
    out = {}
    for res in evaluate("all", eval_root, pipe) + evaluate("probe", probe, pipe):
        d = res.to_dict()
        out.update({f"{res.dataset}{k}": v for k, v in _flat(d.get("figures", {})).items()})
    return out


def main(argv: list[str]) -> None:
    eval_root, probe, names = Path(argv[0]), Path(argv[1]), argv[2:]
    real_parse, cache = pipeline_mod.parse_documents, {}

    def cached_parse(documents, nlp, **kw):
        documents = list(documents)
        missing = [d for d in documents if (d.id, d.text) not in cache]
        for d, parsed in zip(missing, real_parse(missing, nlp, **kw)):
            cache[(d.id, d.text)] = parsed
        return [cache[(d.id, d.text)] for d in documents]

    pipeline_mod.parse_documents = cached_parse
    pipe = pipeline_mod.Pipeline.load()

    def run(disabled: frozenset[str]) -> dict:
        pipe.coder = EventCoder(pipe.lexicon, agents=dict(pipe.gazetteer.agents), disabled=disabled)
        pipe.relations = RelationReader(pipe.lexicon, pipe.coder)
        return _figures(pipe, eval_root, probe)

    base = run(frozenset())
    print(json.dumps({"rule": None, "figures": base}), flush=True)
    for name in names or [r.name for r in rules()]:
        got = run(frozenset({name}))
        moved = {k: [base.get(k), got.get(k)] for k in sorted(set(base) | set(got)) if base.get(k) != got.get(k)}
        print(json.dumps({"rule": name, "moved": moved}), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
