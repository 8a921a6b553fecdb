"""Would the learned PLOVER type head help beside the rules?  Policies of combining them, dev vs train.

Usage: PYTHONPATH=src python scripts/type_combination.py ../shared/eval/plover-gsr

Runs the rule coder (no learned head) and the shipped event model's type head on every PLOVER gold record and
scores, on the dev split (never trained on: the honest figure) and on the rest (trained on), the type of the
first event under each policy: the rules alone, the model alone, the model only where the rules find no event,
and the model wherever it disagrees with the rules with a probability of at least tau.  Prints one line a policy,
then the dev records where the two disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

from detente.eval.common import extract_all, find_files, make_document
from detente.eval.plover_gsr import PATTERNS, load_gold
from detente.learned.model import load_model
from detente.learned.spec import is_dev
from detente.pipeline import Pipeline


def main(path: str) -> None:
    pipe = Pipeline.load(learned=False)
    gold = load_gold(find_files(Path(path), PATTERNS, dataset="plover-gsr"))
    texts = list(dict.fromkeys(g.text for g in gold))
    outs = dict(zip(texts, extract_all(pipe, [make_document(t) for t in texts])))
    preds = dict(zip(texts, load_model().predict(texts)))
    rows = []
    for g in gold:
        out = outs[g.text]
        events = [] if isinstance(out, Exception) else out["events"]
        pred = preds[g.text]
        rows.append({"dev": is_dev(g.text), "gold": g.type, "rule": events[0]["type"] if events else None,
                     "learned": pred.type, "p": pred.type_prob, "text": g.text})
    policies = {
        "rules alone": lambda r: r["rule"],
        "learned alone": lambda r: r["learned"],
        "learned where the rules find no event": lambda r: r["rule"] or r["learned"],
    }
    for tau in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9):
        policies[f"learned where it disagrees with p >= {tau}"] = (
            lambda t: lambda r: r["learned"] if r["rule"] is None or r["p"] >= t else r["rule"])(tau)
    for name, pick in policies.items():
        figs = []
        for part in (True, False):
            sub = [r for r in rows if r["dev"] is part]
            figs.append(f"{sum(pick(r) == r['gold'] for r in sub) / len(sub):.3f} (n={len(sub)})")
        print(f"{name:48s} dev {figs[0]}  train {figs[1]}")
    for r in rows:
        if r["dev"] and r["rule"] != r["learned"]:
            print(f"dev disagreement: gold {r['gold']}, rules {r['rule']}, learned {r['learned']} p={r['p']:.2f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/plover-gsr")
