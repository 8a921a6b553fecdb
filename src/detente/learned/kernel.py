"""Which int8 kernel the encoder runs: the shipped file's unsigned weights everywhere, signed ones on VNNI CPUs.

The shipped model stores its ``MatMulInteger`` weights as unsigned bytes (``scripts/train/unsigned_weights.py``):
onnxruntime's u8 x u8 kernel widens before it multiplies, so every x86 CPU computes the same integers (the u8 x s8
kernel of CPUs without VNNI saturates a 16-bit lane and answered differently, EVAL.md "A model that answered
differently per CPU").  On a CPU with VNNI (``avx512_vnni`` or ``avx_vnni``) the u8 x s8 kernel adds four
products straight into 32 bits (``vpdpbusd``): exact too, and 1.75 times faster than u8 x u8 on the encoder here
(bench/README.md).  So on such a CPU the session is made from the same file with its weights turned back to signed
bytes (``w_s8 = w_u8 - 128``, zero point likewise): the same integers, the same answers
(``tests/learned/test_event_model.py`` compares the two on the fixed sentences), in less time.

``DETENTE_INT8_KERNEL=portable`` keeps the unsigned weights on any CPU; ``=vnni`` forces the signed ones (for a CPU
whose flags this module cannot read).

Why hand-written: the weights are turned in the serialised bytes, in place (a data type field from 2 to 3 and each
byte of the tensor's ``raw_data`` XOR 0x80, no length changes), which needs only the protobuf wire format's
tags and lengths; the ``onnx`` package that could do it is a training dependency, not a run-time one.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

ENV = "DETENTE_INT8_KERNEL"
VNNI_FLAGS = frozenset({"avx512_vnni", "avx_vnni"})

# ONNX protobuf field numbers (onnx.proto): ModelProto.graph; GraphProto.node, .initializer; NodeProto.input,
# .op_type; TensorProto.data_type, .name, .raw_data; TensorProto.DataType UINT8 and INT8
_MODEL_GRAPH, _GRAPH_NODE, _GRAPH_INIT = 7, 1, 5
_NODE_INPUT, _NODE_OP = 1, 4
_TENSOR_TYPE, _TENSOR_NAME, _TENSOR_RAW = 2, 8, 9
_UINT8, _INT8 = 2, 3


@lru_cache(maxsize=1)
def cpu_flags(path: str = "/proc/cpuinfo") -> frozenset[str]:
    """The CPU's feature flags (Linux); empty where they cannot be read."""
    try:
        text = Path(path).read_text(errors="replace")
    except OSError:
        return frozenset()
    for line in text.splitlines():
        if line.startswith("flags"):
            return frozenset(line.partition(":")[2].split())
    return frozenset()


def use_signed(flags: frozenset[str] | None = None, env: str | None = None) -> bool:
    """Whether to run the signed-weight (u8 x s8) kernel: on a VNNI CPU, unless ``DETENTE_INT8_KERNEL`` says
    otherwise."""
    choice = (os.environ.get(ENV, "") if env is None else env).strip().lower()
    if choice == "portable":
        return False
    if choice == "vnni":
        return True
    return bool(VNNI_FLAGS & (cpu_flags() if flags is None else flags))


def _varint(buf: bytes | bytearray, pos: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        b = buf[pos]
        pos += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, pos
        shift += 7


def _fields(buf: bytes | bytearray, start: int, end: int):
    """(field number, wire type, value start, value end) of each field of the message in ``buf[start:end]``."""
    pos = start
    while pos < end:
        key, pos = _varint(buf, pos)
        field, wire = key >> 3, key & 7
        if wire == 0:
            _, after = _varint(buf, pos)
            yield field, wire, pos, after
            pos = after
        elif wire == 2:
            length, pos = _varint(buf, pos)
            yield field, wire, pos, pos + length
            pos += length
        elif wire == 1:
            yield field, wire, pos, pos + 8
            pos += 8
        elif wire == 5:
            yield field, wire, pos, pos + 4
            pos += 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")


def signed_weights(raw: bytes) -> bytes | None:
    """``raw`` (a serialised ONNX model) with the unsigned weights and weight zero points of its ``MatMulInteger``
    nodes turned into signed ones, or None when there is nothing to turn or the file is not laid out as expected
    (a weight kept outside ``raw_data``, or shared with another kind of node): the caller then keeps ``raw``."""
    buf = bytearray(raw)
    graph = next(((a, b) for f, w, a, b in _fields(buf, 0, len(buf)) if f == _MODEL_GRAPH and w == 2), None)
    if graph is None:
        return None
    wanted: set[str] = set()
    elsewhere: set[str] = set()
    tensors: list[tuple[int, int]] = []
    for f, w, a, b in _fields(buf, *graph):
        if f == _GRAPH_INIT and w == 2:
            tensors.append((a, b))
        elif f == _GRAPH_NODE and w == 2:
            inputs: list[str] = []
            op = ""
            for nf, nw, na, nb in _fields(buf, a, b):
                if nf == _NODE_INPUT and nw == 2:
                    inputs.append(buf[na:nb].decode())
                elif nf == _NODE_OP and nw == 2:
                    op = buf[na:nb].decode()
            if op == "MatMulInteger" and len(inputs) >= 4:
                wanted.update((inputs[1], inputs[3]))
                elsewhere.update(i for k, i in enumerate(inputs) if k not in {1, 3})
            else:
                elsewhere.update(inputs)
    if not wanted or wanted & elsewhere:
        return None
    turned = 0
    for a, b in tensors:
        name, type_at, raw_at = None, None, None
        for f, w, fa, fb in _fields(buf, a, b):
            if f == _TENSOR_NAME and w == 2:
                name = buf[fa:fb].decode()
            elif f == _TENSOR_TYPE and w == 0:
                type_at = (fa, fb)
            elif f == _TENSOR_RAW and w == 2:
                raw_at = (fa, fb)
        if name not in wanted:
            continue
        if type_at is None or type_at[1] - type_at[0] != 1 or buf[type_at[0]] != _UINT8 or raw_at is None:
            return None  # a signed weight already, or one stored outside raw_data: leave the file as it is
        buf[type_at[0]] = _INT8
        buf[raw_at[0]:raw_at[1]] = (np.frombuffer(buf, dtype=np.uint8, count=raw_at[1] - raw_at[0],
                                                   offset=raw_at[0]) ^ 0x80).tobytes()
        turned += 1
    return bytes(buf) if turned == len(wanted) else None
