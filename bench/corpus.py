"""The benchmark corpus: news-like articles of 400-600 words, built at run time.

Nothing third-party is committed: the articles are recombined at run time
from the English news sentences of ``../shared/eval/conflibert-cameo``
(wire sentences naming real states, leaders and armed groups, so the actor
resolver and event coder do real work).  When that folder is missing the
generator falls back to sentences built from templates, so the tests and a
``--quick`` run still work anywhere.

Articles are a dateline paragraph followed by paragraphs of two to four
sentences separated by blank lines, like cleaned wire copy.  Everything is
seeded: the same ``seed`` and ``n`` give the same corpus.  Articles are
generated one at a time (``iter_articles``) and written one file each
(``write_corpus``), so a 10,000-article corpus is never held in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CONFLIBERT = SHARED / "eval" / "conflibert-cameo"

MIN_WORDS, MAX_WORDS = 400, 600
OUTLETS = ("Wire A", "Wire B", "Daily C", "Times D", "Herald E", "Post F", "Agency G", "Broadcaster H")
DATELINES = ("MOSCOW", "WASHINGTON", "JERUSALEM", "BEIRUT", "KYIV", "TEHRAN", "BEIJING", "BRUSSELS", "ANKARA",
             "UNITED NATIONS", "CAIRO", "DAMASCUS", "BAGHDAD", "GENEVA", "LONDON", "PARIS", "DOHA")
START = dt.date(2016, 1, 1)

# Fallback sentence templates (only used when ../shared is absent).
_ACTORS = ("Russia", "Israel", "Iran", "Ukraine", "the United States", "China", "Turkey", "Hamas", "Hezbollah",
           "Syria", "Egypt", "Qatar", "the European Union", "NATO", "Saudi Arabia", "Vladimir Putin",
           "Benjamin Netanyahu", "the Kremlin", "Washington", "Beijing")
_VERBS = ("condemned", "accused", "praised", "met with", "threatened", "criticised", "welcomed", "attacked",
          "signed an agreement with", "called on", "rejected the proposal of", "sent aid to", "imposed sanctions on",
          "held talks with", "warned")
_TAILS = ("on Tuesday, officials said.", "after a week of tense negotiations.", "in a statement released late on Monday.",
          "according to the foreign ministry.", "during a visit to the region.", "amid rising tensions over the border.",
          "as the talks resumed in Geneva.", "the state news agency reported.")


@dataclass(frozen=True, slots=True)
class Article:
    name: str  # file name, e.g. "a00042.txt"
    text: str
    outlet: str
    published: dt.date
    words: int


@lru_cache(maxsize=1)
def source_sentences() -> tuple[str, ...]:
    """The sentence pool: ConfliBERT CAMEO train sentences if available, else template sentences."""
    seen: dict[str, None] = {}
    joined = CONFLIBERT / "joined_train.jsonl"
    if joined.exists():
        with joined.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    seen.setdefault(" ".join(json.loads(line)["text"].split()), None)
    tsv = CONFLIBERT / "cameo_class_train.tsv"
    if tsv.exists():
        with tsv.open(encoding="utf-8", newline="") as f:
            for line in f:
                text = line.rstrip("\r\n").rsplit("\t", 1)[0]
                seen.setdefault(" ".join(text.split()), None)
    pool = tuple(s for s in seen if 6 <= len(s.split()) <= 80 and s[-1:] in '.!?"”')
    if len(pool) >= 200:
        return pool
    rng = random.Random(0)
    out = set()
    while len(out) < 600:
        a, b = rng.sample(_ACTORS, 2)
        out.add(f"{a[0].upper()}{a[1:]} {rng.choice(_VERBS)} {b} {rng.choice(_TAILS)}")
    return tuple(sorted(out))


def corpus_source() -> str:
    """Where the sentences come from (for the report)."""
    pool = source_sentences()
    if (CONFLIBERT / "joined_train.jsonl").exists() and len(pool) >= 200:
        return f"{len(pool)} sentences from ../shared/eval/conflibert-cameo (recombined at run time)"
    return f"{len(pool)} template sentences (../shared not found)"


def make_article(i: int, seed: int = 0) -> Article:
    """Article number ``i`` of the corpus with ``seed`` (deterministic, independent of the others)."""
    rng = random.Random(f"{seed}:{i}")
    pool = source_sentences()
    target = rng.randint(MIN_WORDS, MAX_WORDS)
    published = START + dt.timedelta(days=rng.randrange(3650))
    outlet = rng.choice(OUTLETS)
    dateline = f"{rng.choice(DATELINES)}, {published:%B} {published.day} ({outlet}) -"
    paragraphs: list[str] = []
    words = len(dateline.split())
    first = True
    while words < target:
        sents = []
        for _ in range(rng.randint(2, 4)):
            s = pool[rng.randrange(len(pool))]
            sents.append(s)
            words += len(s.split())
            if words >= target:
                break
        para = " ".join(sents)
        if first:
            para = f"{dateline} {para}"
            first = False
        paragraphs.append(para)
    text = "\n\n".join(paragraphs) + "\n"
    return Article(f"a{i:06d}.txt", text, outlet, published, len(text.split()))


def iter_articles(n: int, seed: int = 0, start: int = 0) -> Iterator[Article]:
    """Articles ``start`` .. ``start + n - 1``, generated one at a time."""
    for i in range(start, start + n):
        yield make_article(i, seed)


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    folder: Path
    manifest: Path
    n: int
    words: int


def write_corpus(folder: Path, n: int, seed: int = 0, start: int = 0) -> CorpusInfo:
    """Write ``n`` articles as .txt files plus ``manifest.csv`` (path, outlet, published) into ``folder``.

    Streamed: one article in memory at a time.
    """
    folder.mkdir(parents=True, exist_ok=True)
    manifest = folder / "manifest.csv"
    words = 0
    with manifest.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["path", "outlet", "published"])
        for art in iter_articles(n, seed, start):
            (folder / art.name).write_text(art.text, encoding="utf-8")
            w.writerow([art.name, art.outlet, art.published.isoformat()])
            words += art.words
    return CorpusInfo(folder, manifest, n, words)


def read_corpus_texts(info: CorpusInfo) -> list[str]:
    """The texts of a written corpus, in manifest order (for the in-memory throughput part only)."""
    with info.manifest.open(encoding="utf-8", newline="") as f:
        return [(info.folder / row["path"]).read_text(encoding="utf-8") for row in csv.DictReader(f)]
