"""Write tests/learned/expected_outputs.json: the shipped model's answers on the test's fixed sentences.

Run after `make train` (with the repo's own venv, no torch):  python scripts/train/expected_outputs.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "tests" / "learned"))

from detente.learned.model import load_model  # noqa: E402
from test_event_model import EXPECTED_PATH, FIXED  # noqa: E402

preds = load_model().predict(list(FIXED))
out = {text: {"penta": p.penta, "type": p.type, "spans": [[a, b, r] for a, b, r in p.spans],
              "penta_prob": round(p.penta_prob, 2), "type_prob": round(p.type_prob, 2)}
       for text, p in zip(FIXED, preds)}
EXPECTED_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
print(json.dumps(out, indent=1))
