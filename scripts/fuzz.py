"""The long fuzz run behind ``make fuzz``: hostile inputs through ``extract`` and ``ingest``, counted.

    python scripts/fuzz.py                        # 100,000 inputs over every registered part
    python scripts/fuzz.py -n 5000 --parts extract --seed 7 --json

For each part it reports: inputs run, crashes (an exception escaping the command, or output that is
not standard UTF-8 JSON), hangs (one input or batch over 60 s), lost lines/inputs (an input with no
answer: no output line, or neither stored, duplicate nor rejected), and the duration.  The spaCy
pipeline is loaded once; most inputs go to the in-process functions, a share through the real CLI in a
subprocess.  The exit code is 0 when every count but "inputs" is zero.

Parts are a registry: ``@part("name", share)`` adds one.  A module ``scripts/fuzz_<name>.py`` found
beside this file is imported first, so another part (the API's) registers itself there with
``from fuzz import part``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from hostile import (REGRESSION_LINES, hostile_file, hostile_line, hostile_manifest_rows,  # noqa: E402
                     write_file)

HANG_SECONDS = 60.0


@dataclass
class Result:
    part: str
    inputs: int = 0
    crashes: int = 0
    hangs: int = 0
    lost: int = 0
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        if len(self.notes) < 20:
            self.notes.append(message[:500])


@dataclass
class Context:
    rng: random.Random
    pipeline: object
    workdir: Path
    log: Callable[[str], None]


PARTS: dict[str, tuple[float, Callable[[int, Context], Result]]] = {}


def part(name: str, share: float) -> Callable[[Callable[[int, Context], Result]], Callable[[int, Context], Result]]:
    """Register a fuzz part: ``share`` is its weight in the split of the total input count."""

    def register(fn: Callable[[int, Context], Result]) -> Callable[[int, Context], Result]:
        PARTS[name] = (share, fn)
        return fn

    return register


def _standard_json(line: str) -> dict:
    line.encode("utf-8")

    def refuse(name: str) -> None:
        raise ValueError(f"non-standard constant {name}")

    obj = json.loads(line, parse_constant=refuse)
    if not isinstance(obj, dict) or "id" not in obj:
        raise ValueError("not an output object")
    return obj


# -- extract -------------------------------------------------------------------------------------------
EXTRACT_BATCH = 200
CLI_EVERY = 25  # one batch in this many goes through the real CLI


@part("extract", 0.85)
def fuzz_extract(n: int, ctx: Context) -> Result:
    from detente.extract_jsonl import dump_line, extract_lines, read_lines

    res = Result("extract")
    started = time.monotonic()
    batch_no = 0
    regression = list(REGRESSION_LINES)
    while res.inputs < n:
        size = min(EXTRACT_BATCH, n - res.inputs)
        lines = regression[:size] + [hostile_line(ctx.rng) for _ in range(size - min(size, len(regression)))]
        regression = regression[size:]
        raw = b"\n".join(lines) + b"\n"
        t = time.monotonic()
        try:
            if batch_no % CLI_EVERY == CLI_EVERY - 1:
                outputs = _extract_cli(raw, res)
            else:
                outputs = [dump_line(o) for o in extract_lines(read_lines(io.BytesIO(raw)), ctx.pipeline)]
        except Exception as exc:  # noqa: BLE001 - a crash is what this counts
            res.crashes += 1
            res.lost += len(lines)
            res.note(f"batch {batch_no}: {type(exc).__name__}: {exc}")
            outputs = None
        if time.monotonic() - t > HANG_SECONDS * max(1, size // 50):
            res.hangs += 1
            res.note(f"batch {batch_no}: {time.monotonic() - t:.0f} s")
        if outputs is not None:
            for k, line in enumerate(outputs):
                try:
                    _standard_json(line)
                except (ValueError, UnicodeEncodeError) as exc:
                    res.crashes += 1
                    res.note(f"batch {batch_no} line {k}: bad output ({exc}): {line[:200]!r}")
            if len(outputs) != len(lines):
                res.lost += abs(len(lines) - len(outputs))
                res.note(f"batch {batch_no}: {len(lines)} lines in, {len(outputs)} out")
        res.inputs += len(lines)
        batch_no += 1
        if batch_no % 10 == 0:
            ctx.log(f"extract: {res.inputs}/{n} inputs, {res.crashes} crashes, {res.hangs} hangs, {res.lost} lost, "
                    f"{time.monotonic() - started:.0f} s")
    res.seconds = time.monotonic() - started
    return res


def _extract_cli(raw: bytes, res: Result) -> list[str] | None:
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    try:
        done = subprocess.run([sys.executable, "-m", "detente.cli", "extract"], input=raw, capture_output=True,
                              env=env, timeout=HANG_SECONDS * 4)
    except subprocess.TimeoutExpired:
        res.hangs += 1
        res.note("CLI extract timed out")
        return []
    if done.returncode != 0 or b"Traceback" in done.stderr:
        res.crashes += 1
        res.note(f"CLI extract exit {done.returncode}: {done.stderr[-300:]!r}")
    try:
        return [line + "\n" for line in done.stdout.decode("utf-8").split("\n")[:-1]]
    except UnicodeDecodeError as exc:
        res.crashes += 1
        res.note(f"CLI extract wrote invalid UTF-8: {exc}")
        return []


# -- ingest --------------------------------------------------------------------------------------------
INGEST_FILES = 40
INGEST_ROWS = 10


@part("ingest", 0.15)
def fuzz_ingest(n: int, ctx: Context) -> Result:
    from detente.jobs import ingest
    from detente.store import Store

    res = Result("ingest")
    started = time.monotonic()
    round_no = 0
    while res.inputs < n:
        folder = Path(tempfile.mkdtemp(dir=ctx.workdir))
        files = [hostile_file(ctx.rng, i) for i in range(min(INGEST_FILES, max(1, n - res.inputs)))]
        names = []
        (folder / "in").mkdir()
        for f in files:
            try:
                write_file(folder / "in", f)
                names.append(os.fsdecode(f.name))
            except OSError as exc:
                res.note(f"could not create {f.name!r}: {exc}")
        manifest = folder / "manifest.csv"
        manifest.write_text(hostile_manifest_rows(ctx.rng, [f"in/{x}" for x in names], INGEST_ROWS),
                            encoding="utf-8", errors="surrogateescape")
        t = time.monotonic()
        try:
            with Store(folder / "s.duckdb") as store:
                summary = ingest([str(folder / "in")], store=store, pipeline=ctx.pipeline, manifest=manifest)
                stored = store.counts()["documents"]
            # every regular input is read or rejected; what was read is stored, a duplicate, or rejected (R10)
            pipeline_rejected = sum(1 for r in summary.rejected if r.code == "R10")
            if summary.read != summary.stored + summary.duplicates + pipeline_rejected or stored != summary.stored:
                res.lost += 1
                res.note(f"round {round_no}: {summary.to_dict()}")
        except Exception as exc:  # noqa: BLE001
            res.crashes += 1
            res.note(f"round {round_no}: {type(exc).__name__}: {exc}")
        if time.monotonic() - t > HANG_SECONDS * 5:
            res.hangs += 1
            res.note(f"round {round_no}: {time.monotonic() - t:.0f} s")
        res.inputs += len(files) + INGEST_ROWS
        round_no += 1
        _rmtree(folder)
        if round_no % 10 == 0:
            ctx.log(f"ingest: {res.inputs}/{n} inputs, {res.crashes} crashes, {res.hangs} hangs, {res.lost} lost, "
                    f"{time.monotonic() - started:.0f} s")
    res.seconds = time.monotonic() - started
    return res


def _rmtree(folder: Path) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)


# -- driver --------------------------------------------------------------------------------------------
def load_plugins() -> None:
    """Import ``scripts/fuzz_<name>.py`` modules, which register more parts with ``@part``."""
    sys.modules.setdefault("fuzz", sys.modules[__name__])
    for path in sorted(HERE.glob("fuzz_*.py")):
        importlib.import_module(path.stem)


def main(argv: list[str] | None = None) -> int:
    load_plugins()
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=100_000, help="total inputs, split over the parts by their share")
    ap.add_argument("--parts", default=",".join(PARTS), help=f"comma-separated, of: {', '.join(PARTS)}")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    args = ap.parse_args(argv)
    chosen = [p.strip() for p in args.parts.split(",") if p.strip()]
    unknown = [p for p in chosen if p not in PARTS]
    if unknown:
        ap.error(f"unknown part(s): {', '.join(unknown)}")
    from detente.pipeline import Pipeline

    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    pipeline = Pipeline.load()
    total_share = sum(PARTS[p][0] for p in chosen)
    results = []
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="detente-fuzz-") as work:
        for name in chosen:
            share, fn = PARTS[name]
            n = max(1, round(args.n * share / total_share))
            ctx = Context(random.Random(f"{args.seed}-{name}"), pipeline, Path(work), log)
            results.append(fn(n, ctx))
    total = Result("total", sum(r.inputs for r in results), sum(r.crashes for r in results),
                   sum(r.hangs for r in results), sum(r.lost for r in results), time.monotonic() - started)
    if args.json:
        print(json.dumps([asdict(r) for r in results + [total]], indent=2))
    else:
        print(f"{'part':<10}{'inputs':>10}{'crashes':>9}{'hangs':>7}{'lost':>7}{'seconds':>10}")
        for r in results + [total]:
            print(f"{r.part:<10}{r.inputs:>10}{r.crashes:>9}{r.hangs:>7}{r.lost:>7}{r.seconds:>10.0f}")
            for note in r.notes:
                print(f"  - {note}")
    return 0 if not (total.crashes or total.hangs or total.lost) else 1


if __name__ == "__main__":
    sys.exit(main())
