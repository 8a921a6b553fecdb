"""One long article against many short ones (issue 10): per-document cost must grow linearly.

The same 500,000 characters of generated wire copy (``bench.corpus``) are extracted once as one
article and once as 50 articles of 10,000 characters, each in a fresh child process (so each peak RSS
is that run's own, from ``os.wait4``).  Reported per run: CPU seconds and wall seconds of the
extraction (``Pipeline.run`` + ``to_json``, the model already loaded), peak RSS, peak RSS above the
loaded model (``VmHWM`` after extraction minus ``VmRSS`` after loading), events, and JSON bytes; and
the ratios long / short, which the issue wants within 1.5.  Runs alternate (short, long, short,
long ...) and the best of ``repeats`` is kept for the times.

    python bench/longdoc.py [--chars 500000] [--pieces 50] [--repeats 2] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def text_of(chars: int, seed: int = 0) -> str:
    """``chars`` characters of generated articles joined by blank lines."""
    from bench.corpus import make_article

    parts, size, i = [], 0, 0
    while size < chars:
        t = make_article(i, seed).text
        parts.append(t)
        size += len(t) + 2
        i += 1
    return "\n\n".join(parts)[:chars]


def child(chars: int, pieces: int, out: Path) -> None:
    import datetime as dt

    from detente.model import Document, Extraction
    from detente.pipeline import Pipeline

    text = text_of(chars)
    size = len(text) // pieces
    docs = [Document(id=str(i), text=text[i * size:(i + 1) * size], published=dt.date(2024, 1, 2))
            for i in range(pieces)]
    pipeline = Pipeline.load()
    list(pipeline.run([Document(id="warm", text=text[:2000])]))
    loaded_mb = _status_kb("VmRSS") / 1024
    cpu, wall = time.process_time(), time.perf_counter()
    events = json_bytes = rejected = 0
    for x in pipeline.run(docs):
        if isinstance(x, Extraction):
            events += len(x.events)
            json_bytes += len(json.dumps(x.to_json(), ensure_ascii=False))
        else:
            rejected += 1
    result = {"cpu_s": time.process_time() - cpu, "wall_s": time.perf_counter() - wall, "events": events,
              "json_mb": round(json_bytes / 1e6, 2), "rejected": rejected,
              "above_model_mb": round(_status_kb("VmHWM") / 1024 - loaded_mb, 1)}
    out.write_text(json.dumps(result), encoding="utf-8")


def _measure(chars: int, pieces: int, out: Path) -> dict[str, Any]:
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--child", str(chars), str(pieces),
                             str(out)])
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"child ({pieces} pieces) failed")
    res = json.loads(out.read_text(encoding="utf-8"))
    res["peak_rss_mb"] = round(usage.ru_maxrss / 1024, 1)
    return res


def run(chars: int = 500_000, pieces: int = 50, repeats: int = 2, log: Any = None) -> dict[str, Any]:
    import tempfile

    say = log or (lambda msg: None)
    runs: dict[str, list[dict[str, Any]]] = {"short": [], "long": []}
    with tempfile.TemporaryDirectory() as work:
        for r in range(repeats):
            for tag, n in (("short", pieces), ("long", 1)) if r % 2 == 0 else (("long", 1), ("short", pieces)):
                res = _measure(chars, n, Path(work) / f"{tag}{r}.json")
                say(f"longdoc {tag} round {r}: {res}")
                runs[tag].append(res)

    def best(tag: str) -> dict[str, Any]:
        rs = runs[tag]
        return {"cpu_s": round(min(x["cpu_s"] for x in rs), 2), "wall_s": round(min(x["wall_s"] for x in rs), 2),
                "peak_rss_mb": max(x["peak_rss_mb"] for x in rs), "above_model_mb": max(x["above_model_mb"] for x in rs),
                "events": rs[0]["events"], "json_mb": rs[0]["json_mb"], "rejected": rs[0]["rejected"]}

    short, long = best("short"), best("long")
    ratio = {k: round(long[k] / short[k], 2) if short[k] else None
             for k in ("cpu_s", "wall_s", "peak_rss_mb", "above_model_mb", "json_mb")}
    return {"chars": chars, "pieces": pieces, "repeats": repeats, "short": short, "long": long,
            "ratio_long_over_short": ratio, "load_avg": [round(x, 2) for x in os.getloadavg()]}


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "--child":
        child(int(argv[1]), int(argv[2]), Path(argv[3]))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--chars", type=int, default=500_000)
    ap.add_argument("--pieces", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=2)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    res = run(args.chars, args.pieces, args.repeats, log=lambda m: print(m, file=sys.stderr, flush=True))
    if args.json:
        print(json.dumps(res, indent=2))
    else:
        print(f"{'':<8}{'cpu s':>8}{'wall s':>8}{'peak RSS MB':>13}{'above model MB':>16}{'events':>8}{'JSON MB':>9}")
        for tag in ("short", "long"):
            r = res[tag]
            print(f"{tag:<8}{r['cpu_s']:>8}{r['wall_s']:>8}{r['peak_rss_mb']:>13}{r['above_model_mb']:>16}"
                  f"{r['events']:>8}{r['json_mb']:>9}")
        q = res["ratio_long_over_short"]
        print(f"{'ratio':<8}{q['cpu_s']:>8}{q['wall_s']:>8}{q['peak_rss_mb']:>13}{q['above_model_mb']:>16}"
              f"{'':>8}{q['json_mb']:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
