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


def _plain(value):
    """``value`` with its floats in the range ``plain_floats`` promises (0, or 1e-4 <= |x| < 1e16)."""
    if isinstance(value, float):
        return value if value == 0 or 1e-4 <= abs(value) < 1e16 else 1.25
    if isinstance(value, (list, tuple)):
        return type(value)(_plain(v) for v in value)
    if isinstance(value, dict):
        return {(_plain(k) if isinstance(k, float) else k): _plain(v) for k, v in value.items()}
    return value


@pytest.mark.parametrize("seed", range(300))
def test_dumps_indented_fast_path_equals_json_dumps(seed):
    value = _plain(_value(random.Random(seed), 0))
    assert dumps_indented(value, plain_floats=True) == json.dumps(value, ensure_ascii=False, indent=2,
                                                                default=_json_default)


def test_dumps_indented_fast_path_floats_and_fallbacks():
    rng = random.Random(1)
    floats = [0.0, -0.0, 1e-4, -1e-4, 9.999999999999998e15, *(rng.choice([-1, 1]) * 10 ** rng.uniform(-4, 15.99)
                                                             for _ in range(20000)),
              *(round(rng.uniform(-10, 10), 2) for _ in range(20000))]
    assert dumps_indented(floats, plain_floats=True) == json.dumps(floats, indent=2)
    for value in ({"n": 2**70}, ["\ud800"], {1: "int key"}, {"when": dt.date(2024, 1, 2)}):
        assert dumps_indented(value, plain_floats=True) == json.dumps(value, ensure_ascii=False, indent=2,
                                                                    default=_json_default)


def test_dumps_indented_fast_path_is_taken(monkeypatch):
    import detente.cli_output as out

    records = [{"a": {"id": "RUS", "name": "Russia"}, "score": -0.25, "evidence": ["e1", "e2"], "last": None}]
    monkeypatch.setattr(out, "_indented", lambda *a: pytest.fail("fell back to the pure-Python encoder"))
    assert out.dumps_indented(records, plain_floats=True) == json.dumps(records, ensure_ascii=False, indent=2)
