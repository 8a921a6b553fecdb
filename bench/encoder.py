"""Part 4: the learned event model alone (issue 11): size, import and load time, sentences/s, peak memory.

* ``import_s``: a fresh interpreter importing ``detente.learned.model`` and ``onnxruntime``/``tokenizers``
  (what the model adds to start-up), and ``load_s``: reading and checking the model file in that process.
* ``sentences_per_s``: ``EventModel.predict`` over the sentences of the benchmark corpus, batched as in the
  pipeline, with 1 and with 2 onnxruntime threads (best of ``repeats`` rounds; the same sentences each time).
* ``peak_rss_mb``: the peak resident memory of that fresh process after loading the model and predicting.
* ``share_encoded``: the fraction of the corpus's sentences the pipeline sends to the encoder with the
  ``new_events`` head on (a rule event, or two actors or a trigger candidate); ``share_encoded_without_new_events``:
  with it off (only sentences with a rule event).
The end-to-end cost with the model is part 1's ``ratio`` (ingest with the model vs bare spaCy).
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

from . import corpus

_CHILD = r"""
import json, resource, sys, time
t = time.perf_counter()
import onnxruntime, tokenizers
from detente.learned import model as lm
imp = time.perf_counter() - t
t = time.perf_counter()
m = lm.EventModel.load(threads=int(sys.argv[1]))
load = time.perf_counter() - t
texts = json.loads(sys.stdin.read())
best = None
for _ in range(int(sys.argv[2])):
    t = time.perf_counter()
    m.predict(texts)
    dt = time.perf_counter() - t
    best = dt if best is None else min(best, dt)
# VmHWM, not ru_maxrss: Linux carries ru_maxrss across exec, so it would report the parent's peak (the whole
# pipeline, spaCy included) rather than this process's
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM:")]
peak = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"import_s": imp, "load_s": load, "seconds": best, "n": len(texts),
                  "peak_rss_mb": peak,
                  "torch_imported": "torch" in sys.modules}))
"""


def run(n_docs: int = 40, *, repeats: int = 2, seed: int = 0, log: Any = None) -> dict[str, Any]:
    from detente.learned.model import MODEL_FILE, _files
    from detente.pipeline import Pipeline

    say = log or (lambda msg: None)
    articles = [corpus.make_article(i, seed=seed) for i in range(n_docs)]
    pipeline = Pipeline.load()
    sentences: list[str] = []
    encoded = 0
    from detente.learned.apply import _can_hold_event
    from detente.nlp import parse_documents

    from detente.eval.common import make_document

    docs = [make_document(a.text) for a in articles]
    from detente.events.attribution import Speakers

    with_event = 0
    for parsed in parse_documents(docs, pipeline.nlp):
        mentions = pipeline.resolver.resolve(parsed)
        events = pipeline.coder.code(parsed, mentions, Speakers(parsed, mentions))
        sents_with_event = {e.sent_idx for e in events}
        ments: dict[int, list[Any]] = {}
        for m in mentions:
            ments.setdefault(m.sent_idx, []).append(m)
        for s in parsed.sentences:
            sentences.append(s.text)
            with_event += s.idx in sents_with_event
            encoded += s.idx in sents_with_event or _can_hold_event(parsed, s.idx, ments.get(s.idx, []),
                                                                    pipeline.coder)
    out: dict[str, Any] = {
        "model_mb": round(_files().joinpath(MODEL_FILE).stat().st_size / 1e6, 1),
        "sentences": len(sentences),
        # what the pipeline sends to the encoder: with `new_events` on, every candidate sentence; without it,
        # only the sentences the rules found an event in (detente.learned.apply)
        "share_encoded": round(encoded / max(1, len(sentences)), 3),
        "share_encoded_without_new_events": round(with_event / max(1, len(sentences)), 3),
    }
    for threads in (1, 2):
        say(f"encoder: {len(sentences)} sentences on {threads} thread(s)")
        res = subprocess.run([sys.executable, "-c", _CHILD, str(threads), str(repeats)], input=json.dumps(sentences),
                             capture_output=True, text=True, check=True)
        r = json.loads(res.stdout)
        out[f"sentences_per_s_{threads}t"] = round(r["n"] / r["seconds"], 1)
        out.setdefault("import_s", round(r["import_s"], 2))
        out.setdefault("load_s", round(r["load_s"], 2))
        out[f"peak_rss_mb_{threads}t"] = round(r["peak_rss_mb"], 0)
        out["torch_imported"] = r["torch_imported"]
    return out


if __name__ == "__main__":
    t0 = time.perf_counter()
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 40), indent=1))
    print(f"{time.perf_counter() - t0:.1f} s", file=sys.stderr)
