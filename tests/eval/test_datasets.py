"""The data set readers (no model) and each evaluator on a few real rows (model)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from detente.eval import conflibert, ngec, plover_gsr, re3d
from detente.eval.common import ErrorCase, EvalResult, extract_all
from detente.eval.metrics import Span
from detente.eval.run import DATASETS, evaluate

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
EVAL_ROOT = SHARED / "eval"


def _need_eval_root() -> Path:
    if not EVAL_ROOT.is_dir():
        pytest.skip(f"{EVAL_ROOT.resolve()} is absent: the gold sets live in ../shared/eval beside the repository")
    return EVAL_ROOT


# -- readers, no model -----------------------------------------------------------
def test_plover_gsr_gold_event_reciprocal_and_odd_targets():
    record = {"id": "x", "text": "A and B agreed.", "event": "DEMAND",
              "source": [{"code": "hun"}, {"code": "ROU"}], "target": "diplomatic",
              "textInfo": {"markup": "(SRC/TAR: A) and (SRC/TAR: B) agreed."}}
    g = plover_gsr._gold_event(record)
    assert (g.type, g.source, g.target, g.reciprocal) == ("REQUEST", ("HUN", "ROU"), (), True)
    single = plover_gsr._gold_event({"text": "t", "event": "FIGHT", "source": [{"code": "ITL"}],
                                     "target": [{"code": "USA"}], "textInfo": "no markup"})
    assert (single.type, single.source, single.reciprocal) == ("ASSAULT", ("ITA",), False)


def test_plover_gsr_skips_document_record(tmp_path):
    path = tmp_path / "plover_gsr_x.json"
    path.write_text(json.dumps([{"event": "DOCUMENT"}, {"text": "t", "event": "AGREE", "source": []}]))
    assert len(plover_gsr.load_gold([path])) == 1


@pytest.mark.parametrize(("value", "expected"), [
    ("today", ngec.TODAY), ("Today", ngec.TODAY), ("2022-01-10", dt.date(2022, 1, 10)),
    ("10 May 2015", dt.date(2015, 5, 10)), ("October 1, 2021", dt.date(2021, 10, 1)), ("", None), (None, None),
])
def test_ngec_parse_date(value, expected):
    assert ngec.parse_date(value) == expected


def test_ngec_load_cases_expectations(tmp_path):
    lines = [
        {"test": "a", "method": "agent_to_code", "args": ["Joseph Monka"], "expected": {"code": None}},
        {"test": "b", "method": "agent_to_code", "args": ["UK", "", "Today"], "expected": {"code_1": "", "country": "GBR"}},
        {"test": "c", "method": "agent_to_code", "args": ["x"], "expected": {"code_1": "????", "country": "USA"}},
        {"test": "d", "method": "agent_to_code", "args": ["x"], "expected": {"wiki": "X"}},
        {"test": "e", "method": "query_wiki", "args": ["x"], "expected": {"wiki": "X"}},
        {"test": "f", "method": "search_nat", "args": ["a US destroyer"], "expected": {"cc": "USA", "text": "destroyer"}},
    ]
    path = tmp_path / "cases_x.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines))
    cases = ngec.load_cases([path])
    assert [(c.text, c.country, c.sector, c.date) for c in cases] == [
        ("Joseph Monka", "", None, None), ("UK", "GBR", "", ngec.TODAY), ("x", "USA", None, None),
        ("a US destroyer", "USA", None, None),
    ]
    assert [c.category for c in cases] == ["no country", "dated", "country", "search_nat"]


def test_conflibert_spans_are_half_open_token_ranges():
    row = {"text": "Iraqi troops attacked ISIS.", "tokens": ["Iraqi", "troops", "attacked", "ISIS", "."],
           "spans": [{"role": "source", "start_tok": 0, "end_tok": 2}, {"role": "target", "start_tok": 3, "end_tok": 4}]}
    assert conflibert.gold_spans(row) == [Span("source", 0, 2), Span("target", 3, 4)]
    from detente.eval.metrics import align_tokens

    event = {"source": [{"span": [0, 5]}], "target": [{"span": [22, 26]}]}
    assert conflibert.predicted_spans(event, align_tokens(row["text"], row["tokens"])) == [
        Span("source", 0, 1), Span("target", 3, 4)]
    assert conflibert.predicted_spans(None, []) == []


def test_re3d_detente_pairs_signs_and_consult():
    def actor(node):
        return {"node": node, "country": None}

    out = {"events": [{"type": "CONSULT", "score": 1.0, "source": [actor("GBR")], "target": [actor("RUS")]},
                      {"type": "ASSAULT", "score": -10.0, "source": [actor("USA")], "target": [actor("USA")]}],
           "relations": [{"a": actor("RUS"), "b": actor("GBR"), "polarity": -1}]}
    pairs, consult = re3d.detente_pairs(out)
    assert pairs == {frozenset({"GBR", "RUS"}): [1.0, -1.0]}  # self-pairs are dropped
    assert consult == {frozenset({"GBR", "RUS"})}


def test_common_worst_errors_are_varied_and_ranked():
    errors = [ErrorCase("a", str(i), "", "", severity=1) for i in range(10)]
    errors += [ErrorCase("b", "b", "", "", severity=5), ErrorCase("c", "c", "", "", severity=9)]
    result = EvalResult("x", [], 12, {}, "", [], [], errors)
    worst = result.worst_errors(6)
    assert [e.kind for e in worst] == ["c", "b", "a", "a"]
    assert result.error_kinds() == {"a": 10, "b": 1, "c": 1}


def test_common_extract_all_isolates_a_crashing_row():
    class Flaky:
        def extract(self, documents):
            for d in documents:
                if "boom" in d.text:
                    raise RuntimeError("boom")
                yield _Fake()

    class _Fake:
        def to_json(self):
            return {"events": []}

    from detente.eval.common import make_document

    out = extract_all(Flaky(), [make_document(t) for t in ("fine", "boom", "fine too")])
    assert out[0] == {"events": []} and isinstance(out[1], RuntimeError) and out[2] == {"events": []}


def test_run_unknown_dataset():
    from detente.errors import ConfigError

    with pytest.raises(ConfigError, match="unknown data set"):
        evaluate("nope", Path("."), pipeline=None)


# -- each evaluator on a few real rows (model) ------------------------------------
def _check_ratios(value, where="figures"):
    if isinstance(value, dict):
        for k, v in value.items():
            if k in {"precision", "recall", "f1"} or k.endswith(("accuracy", "recall", "f1", "_lenient")):
                assert v is None or 0.0 <= v <= 1.0, f"{where}.{k} = {v}"
            _check_ratios(v, f"{where}.{k}")


@pytest.mark.model
# The development probe lives outside the evaluation root; tests/eval/test_probe.py runs it.
@pytest.mark.parametrize("dataset", [d for d in DATASETS if d != "probe"])
def test_run_each_dataset_on_a_few_rows(dataset, pipeline):
    root = _need_eval_root()
    folder = root / DATASETS[dataset][1]
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    [result] = evaluate(dataset, folder, pipeline, limit=4)
    data = result.to_dict()
    assert data["dataset"] == dataset and data["files"] and data["n"] >= 1
    assert {"figures", "categories", "errors", "error_kinds", "seconds", "crashes"} <= data.keys()
    assert all(len(row) == len(data["categories"]["columns"]) for row in data["categories"]["rows"])
    assert all({"kind", "text", "gold", "detente"} <= e.keys() for e in data["errors"])
    _check_ratios(data["figures"])
    json.dumps(data)  # --json must be able to print it


@pytest.mark.model
def test_cli_eval_json(pipeline):
    from typer.testing import CliRunner

    from detente.cli import app

    root = _need_eval_root()
    res = CliRunner().invoke(app, ["eval", "ngec-actors", str(root / "ngec-actor-resolution"), "--json", "--limit", "3"],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["sets"]["ngec-actors"]["n"] == 3


def test_cli_eval_missing_path(tmp_path):
    from typer.testing import CliRunner

    from detente.cli import app

    res = CliRunner().invoke(app, ["eval", "plover-gsr", str(tmp_path / "nowhere")])
    assert res.exit_code == 2  # usage (README, exit codes)
