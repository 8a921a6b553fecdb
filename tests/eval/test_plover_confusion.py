"""The PLOVER type confusion table of `detente eval plover-gsr` (issue 11 item 5), on fixed pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.eval.plover_gsr import confusion_table

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "plover-gsr"


def test_confusion_table_counts_both_directions():
    pairs = [("AGREE", "AGREE"), ("AGREE", "CONSULT"), ("AGREE", "(none)"), ("CONSULT", "CONSULT"),
             ("ASSAULT", "CONSULT"), ("COERCE", "ASSAULT")]
    table = confusion_table(pairs, "test")
    rows = {r[0]: dict(zip(table["columns"], r)) for r in table["rows"]}
    assert set(rows) == {"AGREE", "CONSULT", "ASSAULT", "COERCE"}  # no row for "(none)"
    agree = rows["AGREE"]
    assert (agree["n"], agree["right"], agree["pred"]) == (3, 1, 1)
    assert agree["recall"] == 1 / 3 and agree["prec"] == 1.0 and agree["taken for"] == "(none) 1, CONSULT 1"
    consult = rows["CONSULT"]
    assert (consult["n"], consult["right"], consult["pred"]) == (1, 1, 3)
    assert consult["prec"] == 1 / 3 and consult["false alarms of"] == "AGREE 1, ASSAULT 1"
    assert rows["ASSAULT"]["F1"] == 0.0 and rows["ASSAULT"]["false alarms of"] == "COERCE 1"
    assert rows["COERCE"]["recall"] == 0.0 and rows["COERCE"]["pred"] == 0 and rows["COERCE"]["F1"] == 0.0
    # rows by gold frequency first; every gold pair is in exactly one row's n
    assert table["rows"][0][0] == "AGREE" and sum(r[1] for r in table["rows"]) == len(pairs)


def test_plover_eval_reports_all_and_dev_confusions(pipeline):
    from detente.eval import plover_gsr

    if not GOLD.is_dir():
        pytest.skip(f"{GOLD.resolve()} is absent: the gold sets live in ../shared/eval beside the repository")
    result = plover_gsr.evaluate(GOLD, pipeline, limit=40)
    titles = [t["title"] for t in result.tables]
    assert any("all records" in t for t in titles) and any("dev split" in t for t in titles)
    whole = next(t for t in result.tables if "all records" in t["title"])
    assert sum(r[1] for r in whole["rows"]) <= 40
    assert sum(r[2] for r in whole["rows"]) == round(result.figures["type_accuracy"] * 40)
    assert sum(c["n"] for c in result.figures["type_confusions"]) == 40 - sum(r[2] for r in whole["rows"])
