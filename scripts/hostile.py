"""Hostile inputs for ``detente extract`` and ``detente ingest``: the fuzz run's generators and the
failing inputs of issue 10 as fixed regression cases.

Used by ``scripts/fuzz.py`` (the long run, ``make fuzz``) and ``tests/fuzz`` (the bounded Hypothesis
suite).  Everything is generated here from a seeded ``random.Random``; no third-party text.
"""

from __future__ import annotations

import json
import os
import random
from dataclasses import dataclass
from pathlib import Path

# Short news-like fragments written for this file (states, leaders, verbs the extractor codes).
FRAGMENTS = (
    "Russia condemned Israel", "the two countries said", "China and Japan held talks", "Iran threatened",
    "Hamas attacked", "the United States imposed sanctions on", "Putin praised", "last week", "on Monday",
    "9999-12-31", "0001-01-01", "the foreign ministry said", "NATO", "according to officials", "Ukraine",
    "Turkey met Egypt in Ankara", "\u201cWe will respond,\u201d he said.", "the European Union", "yesterday",
    "Xi Jinping", "Saudi Arabia", "Qatar mediated between", "the Kremlin", "Hezbollah", "Syria",
)
ODD = ("\u202e", "\u200b", "\ufeff", "\x00", "\x1b[31m", "\r", "\u2028", "\U0001f4a3", "\ud800", "\udfff",
       "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\\", "\"", "{", "[", "]", "}", "\t", "\u0301" * 5)


def _text(rng: random.Random) -> str:
    """A text: news fragments mixed with odd characters, sometimes long, sometimes one run-on sentence."""
    kind = rng.random()
    n = rng.choice((1, 2, 5, 20, 60)) if kind < 0.97 else rng.choice((400, 1500))
    parts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.65:
            parts.append(rng.choice(FRAGMENTS))
        elif r < 0.85:
            parts.append(rng.choice(ODD))
        else:
            parts.append("".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randrange(1, 30))))
    sep = rng.choice((" ", ", ", ". ", "\n", "\n\n", " and "))
    return sep.join(parts)


def _value(rng: random.Random, depth: int = 0) -> object:
    r = rng.random()
    if r < 0.2:
        return _text(rng)[:50]
    if r < 0.35:
        return rng.choice((0, -1, 2**63, 10**30, 1.5, -0.0, True, False, None))
    if r < 0.45 and depth < 4:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(3))]
    if r < 0.55 and depth < 4:
        return {str(rng.randrange(9)): _value(rng, depth + 1)}
    return rng.choice(("", "x", "2024-01-02", "2024-02-30", "9999-12-31", "0001-01-01", "1e999", "NaN"))


# Raw (not JSON-encoded) tokens spliced into a line: non-standard numbers and huge integers.
RAW_IDS = (b"NaN", b"Infinity", b"-Infinity", b"1e999", b"-1e999", b"9" * 4300, b"9" * 5000, b"1" * 50)


def hostile_line(rng: random.Random) -> bytes:
    """One input line for ``detente extract`` (no line break inside)."""
    r = rng.random()
    if r < 0.55:  # a record, sometimes with odd fields
        rec: dict[str, object] = {"id": _value(rng) if rng.random() < 0.3 else f"id-{rng.randrange(10**6)}",
                                  "text": _text(rng)}
        if rng.random() < 0.5:
            rec["date"] = _value(rng) if rng.random() < 0.5 else f"20{rng.randrange(10, 30)}-0{rng.randrange(1, 10)}-1{rng.randrange(10)}"
        if rng.random() < 0.3:
            rec["outlet"] = _value(rng)
        if rng.random() < 0.1:
            rec["text"] = _value(rng)
        line = json.dumps(rec, ensure_ascii=rng.random() < 0.5)
        return line.encode("utf-8", "surrogatepass")
    if r < 0.65:  # a raw id that is not standard JSON or too long to convert
        return b'{"id": ' + rng.choice(RAW_IDS) + b', "text": "Russia condemned Israel."}'
    if r < 0.72:  # deep nesting
        d = rng.choice((40, 1000, 5000, 100_000))
        return rng.choice((b"[" * d + b"]" * d, b'{"id": 1, "text": "x", "n": ' + b"[" * d + b"]" * d + b"}"))
    if r < 0.80:  # invalid UTF-8 bytes
        good = json.dumps({"id": "u", "text": _text(rng)}).encode()
        cut = rng.randrange(len(good))
        return (good[:cut] + bytes([rng.randrange(0x80, 0x100)]) + good[cut:]).replace(b"\n", b" ")
    if r < 0.88:  # broken JSON
        good = json.dumps({"id": "b", "text": _text(rng)}).encode()
        return rng.choice((good[: rng.randrange(len(good))], good + b"}", b"", b"   ", b"null", b"[]", b'"text"',
                           b"{'id': 1}", b'{"text": "a"', good.replace(b":", b"=")))
    if r < 0.94:  # lone surrogates, escaped
        return b'{"id": "\\ud800", "text": "Russia condemned \\udc00 Israel \\ud83d."}'
    # random bytes
    return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 200))).replace(b"\n", b" ")


# The failing inputs of issue 10 for ``extract``, as lines.
REGRESSION_LINES: tuple[bytes, ...] = (
    json.dumps({"id": "pairs", "text": "Russia and Ukraine held talks in Istanbul on Monday. The two countries "
                "said they would exchange prisoners."}).encode(),
    b'{"id": "surrogate", "text": "Russia condemned Israel \\ud800 today."}',
    b"[" * 1000 + b"]" * 1000,
    b'{"id": NaN, "text": "Russia condemned Israel."}',
    b'{"id": 1e999, "text": "Russia condemned Israel."}',
    b'{"id": ' + b"9" * 4301 + b', "text": "Russia condemned Israel."}',
    json.dumps({"id": "late", "text": "Russia condemned Israel last week.", "date": "9999-12-31"}).encode(),
    json.dumps({"id": "early", "text": "Russia condemned Israel last week.", "date": "0001-01-01"}).encode(),
    b"\xff\xfe not utf-8",
    b"",
)


@dataclass(frozen=True)
class HostileFile:
    name: bytes          # file name (may be invalid UTF-8)
    content: bytes = b""
    kind: str = "file"   # file | fifo | symlink-loop | sparse | dir-link


def hostile_file(rng: random.Random, i: int) -> HostileFile:
    """One input for ``detente ingest`` in a folder."""
    suffix = rng.choice((b".txt", b".txt", b".html", b".md", b".htm", b".pdf", b""))
    stem = b"f%d" % i + rng.choice((b"", b"\xff", b"\xc3\x28", " é".encode(), b"-\xe2\x80\xae"))
    name = stem + suffix
    r = rng.random()
    if r < 0.03:
        return HostileFile(b"fifo%d.txt" % i, kind="fifo")
    if r < 0.06:
        return HostileFile(b"loop%d.txt" % i, kind="symlink-loop")
    if r < 0.07:
        return HostileFile(b"big%d.txt" % i, kind="sparse")
    if r < 0.08:
        return HostileFile(b"dirlink%d" % i, kind="dir-link")
    text = _text(rng)
    r = rng.random()
    if r < 0.35:
        raw = text.encode("utf-8", "surrogateescape" if False else "replace")
    elif r < 0.5:
        codec = rng.choice(("utf-16", "utf-32", "shift_jis", "gb18030", "big5", "koi8_r", "euc_kr", "iso8859_7",
                            "cp1252", "latin-1"))
        raw = text.encode(codec, "replace")
    elif r < 0.65:
        charset = rng.choice(("shift_jis", "utf-8", "koi8-r", "nonsense", "utf-16"))
        raw = (f'<html><head><meta charset="{charset}"><title>{_text(rng)[:40]}</title></head>'
               f"<body><p>{text}</p></body></html>").encode("utf-8", "replace")
    elif r < 0.75:
        raw = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 3000)))
    elif r < 0.8:
        raw = b""
    else:
        raw = ("\n\n".join(rng.choice(FRAGMENTS) + "." for _ in range(rng.randrange(1, 40)))).encode()
    return HostileFile(name, raw)


def write_file(folder: Path, f: HostileFile) -> Path:
    path = Path(os.fsdecode(os.path.join(os.fsencode(folder), f.name)))
    if f.kind == "fifo":
        os.mkfifo(path)
    elif f.kind == "symlink-loop":
        other = path.with_name(path.name + ".other.txt")
        os.symlink(other, path)
        os.symlink(path, other)
    elif f.kind == "sparse":
        with open(path, "wb") as out:
            out.truncate(2_000_000_000)
    elif f.kind == "dir-link":
        os.symlink(folder, path)
    else:
        path.write_bytes(f.content)
    return path


def hostile_manifest_rows(rng: random.Random, names: list[str], n: int) -> str:
    """A CSV manifest of ``n`` rows over ``names``, some rows bad (no path, bad dates, odd fields)."""
    rows = ["path,url,outlet,published,title,language"]
    for _ in range(n):
        path = rng.choice(names + ["missing.txt", "", "../../etc/passwd", "a\x00b.txt"])
        published = rng.choice(("2024-01-02", "", "9999-12-31", "0001-01-01", "last tuesday", "2024-13-45"))
        outlet = rng.choice(("Wire", "=cmd|' /C calc'!A0", "", "\u202eevil"))
        rows.append(",".join(json.dumps(v) if "," in v or '"' in v else v
                             for v in (path, "", outlet, published, "t", rng.choice(("en", "", "fr")))))
    return "\n".join(rows).replace("\x00", "") + "\n"
