"""Scoring functions on small hand-made cases with known scores."""

from __future__ import annotations

import pytest

from detente.eval import metrics
from detente.eval.metrics import PRF, Dyad, Span


def test_metrics_prf_undefined_ratios_are_none():
    assert PRF(0, 0, 0).precision is None
    assert PRF(0, 0, 0).f1 is None
    assert PRF(0, 0, 3).recall == 0.0
    assert PRF(0, 0, 3).f1 is None  # precision undefined: no predictions
    assert PRF(0, 2, 3).f1 == 0.0
    assert PRF(2, 4, 2).f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)


@pytest.mark.parametrize(
    ("gold", "pred", "labels", "expected"),
    [
        ([0, 1, 2], [0, 1, 2], None, 1.0),
        ([0, 0, 1, 1], [0, 0, 0, 0], None, (2 * (0.5 * 1) / 1.5 + 0) / 2),  # label 1 never predicted -> F1 0
        ([0, 1], [0, 1], range(3), 2 / 3),  # a listed label with no items scores 0
        ([], [], None, 0.0),
        ([0, 1, 2, 3, 4], [0, 1, 2, 3, 0], range(5), (2 / 3 + 1 + 1 + 1 + 0) / 5),
    ],
)
def test_metrics_macro_f1_known_values(gold, pred, labels, expected):
    assert metrics.macro_f1(gold, pred, labels) == pytest.approx(expected)


def test_metrics_macro_f1_rejects_unequal_lengths():
    with pytest.raises(ValueError, match="gold has 2"):
        metrics.macro_f1([0, 1], [0])


def test_metrics_confusion_counts_only_errors():
    assert metrics.confusion(["A", "A", "B", "B"], ["A", "B", "A", "A"]) == {("B", "A"): 2, ("A", "B"): 1}


@pytest.mark.parametrize(
    ("cameo", "penta"),
    [("01", 0), ("020", 0), ("036", 1), ("0874", 2), ("112", 3), ("16", 3), ("145", 4), ("15", 4), ("193", 4),
     ("", None), (None, None), ("99", None)],
)
def test_metrics_penta_of_cameo(cameo, penta):
    assert metrics.penta_of_cameo(cameo) == penta


def test_metrics_penta_matches_lexicon_column():
    from detente.events.lexicon import load_lexicon

    lexicon = load_lexicon()
    for root, penta in metrics.PENTA_OF_ROOT.items():
        coding = lexicon.coding(root)
        assert coding is not None and coding.penta == penta, root


@pytest.mark.parametrize(("old", "new"), [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"),
                                          ("FIGHT", "ASSAULT"), ("agree", "AGREE"), ("ASSAULT", "ASSAULT")])
def test_metrics_map_plover_type(old, new):
    assert metrics.map_plover_type(old) == new


def test_metrics_align_tokens_split_punctuation():
    text = "In September, Baghdad’s forces  attacked."
    tokens = ["In", "September", ",", "Baghdad", "’", "s", "forces", "attacked", "."]
    offsets = metrics.align_tokens(text, tokens)
    assert [text[s:e] for s, e in offsets] == tokens


def test_metrics_align_tokens_survives_an_edited_token():
    text = 'He said "no" today.'
    tokens = ["He", "said", "``", "no", "''", "today", "."]  # PTB quotes are not in the text
    offsets = metrics.align_tokens(text, tokens)
    assert text[offsets[3][0]:offsets[3][1]] == "no"
    assert text[offsets[5][0]:offsets[5][1]] == "today"


def test_metrics_chars_to_tokens():
    offsets = [(0, 2), (3, 12), (12, 13)]
    assert metrics.chars_to_tokens(3, 12, offsets) == (1, 2)
    assert metrics.chars_to_tokens(0, 13, offsets) == (0, 3)
    assert metrics.chars_to_tokens(5, 6, offsets) == (1, 2)  # inside one token
    assert metrics.chars_to_tokens(20, 25, offsets) is None


def test_metrics_span_exact_and_overlap():
    gold = [Span("source", 0, 2), Span("target", 5, 9)]
    pred = [Span("source", 0, 2), Span("target", 6, 7), Span("target", 10, 11)]
    assert metrics.span_prf(gold, pred, mode="exact").to_dict()["tp"] == 1
    overlap = metrics.span_prf(gold, pred, mode="overlap")
    assert (overlap.tp, overlap.n_pred, overlap.n_gold) == (2, 3, 2)
    assert overlap.f1 == pytest.approx(2 * (2 / 3) * 1 / (2 / 3 + 1))


def test_metrics_span_roles_must_agree():
    assert metrics.match_spans([Span("source", 0, 2)], [Span("target", 0, 2)], mode="overlap") == []


def test_metrics_span_reciprocal_accepts_either_role():
    gold = [Span("reciprocal", 0, 2), Span("reciprocal", 4, 6)]
    pred = [Span("source", 0, 2), Span("target", 4, 6)]
    assert metrics.match_spans(gold, pred, mode="exact") == [(0, 0), (1, 1)]


def test_metrics_span_matching_is_one_to_one_largest_overlap_first():
    gold = [Span("source", 0, 4)]
    pred = [Span("source", 3, 5), Span("source", 0, 3)]
    assert metrics.match_spans(gold, pred, mode="overlap") == [(0, 1)]
    # Two gold spans cannot share one prediction.
    assert len(metrics.match_spans([Span("source", 0, 2), Span("source", 1, 3)], [Span("source", 0, 3)],
                                   mode="overlap")) == 1


def test_metrics_span_empty_predictions():
    prf = metrics.span_prf([Span("source", 0, 1)], [], mode="exact")
    assert (prf.precision, prf.recall, prf.f1) == (None, 0.0, None)


def test_metrics_span_bad_mode():
    with pytest.raises(ValueError, match="mode"):
        metrics.match_spans([], [], mode="fuzzy")


def _d(type_, src, tgt, reciprocal=False):
    return Dyad(type_, frozenset(src), frozenset(tgt), reciprocal)


def test_metrics_dyad_direction_matters():
    assert metrics.dyad_match(_d("ACCUSE", {"RUS"}, {"ISR"}), _d("ACCUSE", {"RUS"}, {"ISR"}))
    assert not metrics.dyad_match(_d("ACCUSE", {"RUS"}, {"ISR"}), _d("ACCUSE", {"ISR"}, {"RUS"}))
    assert not metrics.dyad_match(_d("ACCUSE", {"RUS"}, {"ISR"}), _d("REJECT", {"RUS"}, {"ISR"}))
    assert not metrics.dyad_match(_d("ACCUSE", {"RUS"}, set()), _d("ACCUSE", {"RUS"}, {"ISR"}))


def test_metrics_dyad_reciprocal_sets_ignore_order():
    gold = _d("AGREE", {"HUN", "ROU"}, set(), reciprocal=True)
    assert metrics.dyad_match(gold, _d("AGREE", {"ROU"}, {"HUN"}))
    assert metrics.dyad_match(gold, _d("AGREE", {"HUN", "ROU"}, set()))
    assert not metrics.dyad_match(gold, _d("AGREE", {"HUN"}, set()))


def test_metrics_match_dyads_one_to_one():
    gold = [_d("AID", {"USA"}, {"UKR"}), _d("AID", {"USA"}, {"UKR"})]
    pred = [_d("AID", {"USA"}, {"UKR"})]
    assert metrics.match_dyads(gold, pred) == [(0, 0)]
    assert metrics.match_dyads(gold, []) == []
    assert metrics.match_dyads([_d("AID", {"USA"}, {"UKR"})], [_d("SUPPORT", {"USA"}, {"UKR"})], typed=False) == [(0, 0)]


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (["USA"], {"USA", "GBR"}, True),  # a single gold actor is found among detente's
        (["USA"], set(), False),
        (["USA", "USA"], {"USA"}, True),  # duplicates collapse to one code
        (["SDN", "UGA"], {"SDN"}, False),  # a compound side must match as a set
        (["SDN", "UGA"], {"UGA", "SDN"}, True),
        ([], set(), True),
    ],
)
def test_metrics_side_correct(gold, pred, ok):
    assert metrics.side_correct(gold, pred) is ok
