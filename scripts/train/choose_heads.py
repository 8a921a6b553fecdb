"""Learned or rule, per head: score each combination of learned heads on the development split.

Runs in the repo's own venv (no torch):  python scripts/train/choose_heads.py [../shared/eval]
Parses each gold sentence once, keeps the rule coder's events and the model's predictions, then applies each
set of heads (``detente.learned.apply.HEADS``) in turn and scores conflibert-cameo and plover-gsr with the
same evaluators as ``detente eval``.  Prints one JSON line per combination: the dev and train figures of each
head.  The heads kept in ``detente/models/event_model.json`` ("use") are the ones that help on dev.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))

from detente.eval import conflibert, plover_gsr  # noqa: E402
from detente.events.attribution import Speakers  # noqa: E402
from detente.learned.apply import HEADS, LearnedEvents  # noqa: E402
from detente.nlp import parse_documents  # noqa: E402
from detente.pipeline import Pipeline  # noqa: E402


class MemoModel:
    """The event model with its predictions remembered per sentence text."""

    def __init__(self, model: Any) -> None:
        self.model, self.memo = model, {}
        self.config = model.config

    def predict(self, texts: list[str], **kw: Any) -> list[Any]:
        todo = [t for t in dict.fromkeys(texts) if t not in self.memo]
        if todo:
            self.memo.update(zip(todo, self.model.predict(todo)))
        return [self.memo[t] for t in texts]


@dataclass
class Cached:
    """Quacks like ``Pipeline`` for the evaluators: parse once, apply the chosen heads on each call."""

    base: Pipeline
    use: frozenset[str]
    model: MemoModel
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def learned(self) -> Any:
        return LearnedEvents.of(self.model, self.use) if self.use else None  # type: ignore[arg-type]

    def rules_only(self) -> "Cached":
        return Cached(self.base, frozenset(), self.model, self.cache)

    def extract(self, documents: list[Any]) -> Any:
        rules = self.base.rules_only()
        todo = [d for d in documents if d.id not in self.cache]
        for parsed in parse_documents(todo, self.base.nlp):
            x = rules.extract_parsed(parsed)  # the pipeline's own stages, rules alone
            self.cache[parsed.document.id] = (parsed, x, Speakers(parsed, x.mentions, disabled=rules.coder.disabled))
        for d in documents:
            parsed, x, speakers = self.cache[d.id]
            if self.use:
                x = replace(x, events=LearnedEvents.of(self.model, self.use).apply(  # type: ignore[arg-type]
                    parsed, x.mentions, x.events, self.base.coder, speakers))
            yield x


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO.parent / "shared" / "eval"
    base = Pipeline.load(learned=False)
    from detente.learned.model import load_model

    model = MemoModel(load_model())
    args = sys.argv[2:]
    for kv in [a for a in args if "=" in a]:  # settings to try, e.g. fill=unresolved penta_min_prob=0.8
        key, value = kv.split("=", 1)
        model.config = {**model.config, key: value}
    args = [a for a in args if "=" not in a]
    cache: dict[str, Any] = {}
    combos = [frozenset(HEADS)] + [frozenset(HEADS) - {h} for h in HEADS] + [frozenset({h}) for h in HEADS]
    if args:  # the combinations to score, e.g. "penta,source,target" "source"
        combos = [frozenset(filter(None, a.split(","))) for a in args]
    for use in combos:
        row: dict[str, Any] = {"use": sorted(use)}
        sets = str(model.config.get("sets", "conflibert,plover")).split(",")
        for name, ev, path in (("conflibert", conflibert, root / "conflibert-cameo"),
                               ("plover", plover_gsr, root / "plover-gsr")):
            if name not in sets:
                continue
            res = ev.evaluate(path, Cached(base, use, model, cache))
            heads = res.figures["heads"]
            row[name] = {part: heads[part].get("learned", heads[part]["rules"]) for part in heads}
            row[name + "_rules"] = {part: heads[part]["rules"] for part in heads}
        print(json.dumps(row), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
