"""Store the int8 model's signed weights as unsigned bytes with zero point 128: the same integers, exact on every CPU.

``quantize_dynamic`` writes ``MatMulInteger`` nodes whose activations are unsigned (u8) and whose weights are
signed (s8).  On x86 CPUs without VNNI (AVX2 and AVX-512 machines, AMD EPYC among them) onnxruntime multiplies
u8 by s8 with ``vpmaddubsw``, which adds two products into a signed 16-bit lane and saturates there
(255 x 127 x 2 > 32767), so the same file gave other answers on those machines than on VNNI ones: the shipped
model moved the probe by four unsupported relations and one optional one (EVAL.md, "A model that answered
differently per CPU").  onnxruntime's documentation names the problem and offers ``reduce_range`` (7-bit weights),
which would change every weight.  This keeps every weight: ``w_u8 = w_s8 + 128`` with zero point ``zp + 128``
gives ``w_u8 - zp_u8 = w_s8 - zp_s8``, and the u8 x u8 kernel widens to 16 bits before it multiplies, so the
integer products are the ones a VNNI machine computes.  (It costs the encoder about a tenth of its CPU time on
AVX2; bench/README.md.)

Run by ``train_events.export`` after quantising; by hand on an existing file::

    python scripts/train/unsigned_weights.py src/detente/models/event_model.int8.onnx
"""

from __future__ import annotations

import sys
from pathlib import Path


def unsigned_weights(path: Path) -> int:
    """Rewrite ``path`` in place; returns how many ``MatMulInteger`` weights were signed and are now unsigned."""
    import numpy as np
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: i for i in model.graph.initializer}
    done = 0
    for node in model.graph.node:
        if node.op_type != "MatMulInteger" or len(node.input) < 4:
            continue
        weight, zero = inits.get(node.input[1]), inits.get(node.input[3])
        if weight is None or zero is None or weight.data_type != onnx.TensorProto.INT8:
            continue  # already unsigned (an initializer shared by two nodes is converted once)
        for tensor in (weight, zero):
            if tensor.data_type != onnx.TensorProto.INT8:
                continue  # a zero point shared with a node converted before
            shifted = numpy_helper.to_array(tensor).astype(np.int16) + 128
            tensor.CopyFrom(numpy_helper.from_array(shifted.astype(np.uint8), tensor.name))
        done += 1
    onnx.save(model, str(path))
    return done


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"{arg}: {unsigned_weights(Path(arg))} weights now unsigned")
