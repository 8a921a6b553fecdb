"""``cli_output.dumps_indented`` prints exactly what ``json.dumps(..., ensure_ascii=False, indent=2)`` prints
(it replaced it in every ``--json`` output because the standard library's indenting encoder is pure Python)."""

from __future__ import annotations

import datetime as dt
import enum
import json
import random

import pytest

from detente.cli_output import _json_default, dumps_indented


class Kind(enum.IntEnum):
    A = 3


class Name(str):
    pass


STRINGS = ["", "plain", 'quote " inside', "back\\slash\\", "tab\tnew\nline", "\x00\x1f\x7f", "caf\u00e9",
           "\u2028\u2029", "\U0001f30d", "\ud800", "a\x1fb", '\\"', "</script>"]
FLOATS = [0.0, -0.0, 1.5, -2.25, 1e16, 1e-7, 5e-324, 1.7976931348623157e308, float("nan"), float("inf"),
          float("-inf"), 0.1 + 0.2]


def _value(rng: random.Random, depth: int):
    pick = rng.randrange(12 if depth < 4 else 7)
    if pick == 0:
        return rng.choice(STRINGS)
    if pick == 1:
        return rng.choice(FLOATS)
    if pick == 2:
        return rng.choice([0, -1, 2**70, True, False, Kind.A])
    if pick == 3:
        return None
    if pick == 4:
        return rng.choice([dt.date(2024, 2, 29), dt.datetime(2024, 1, 1, 12, 30)])
    if pick == 5:
        return Name("sub")
    if pick == 6:
        return rng.choice(STRINGS) * 2
    if pick in (7, 8):
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    if pick == 9:
        return tuple(rng.choice(STRINGS) for _ in range(rng.randrange(4)))
    keys = [*STRINGS, 1, 2.5, True, None, float("nan")]
    return {rng.choice(keys): _value(rng, depth + 1) for _ in range(rng.randrange(4))}


@pytest.mark.parametrize("seed", range(300))
def test_dumps_indented_equals_json_dumps(seed):
    value = _value(random.Random(seed), 0)
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2, default=_json_default)


def test_dumps_indented_relation_shape():
    records = [{"a": {"id": "RUS", "name": "Russia"}, "b": {"id": "USA", "name": "United States"},
                "score": -3.25, "n_events": 12, "first": "2024-01-02", "last": None,
                "evidence": ["ev1", "ev2"], "empty": [], "nothing": {}}] * 3
    text = dumps_indented(records)
    assert text == json.dumps(records, ensure_ascii=False, indent=2)
    assert '\n      "ev1",\n      "ev2"\n    ]' in text


def test_dumps_indented_rejects_what_json_rejects():
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "tuple key"})
