"""The event lexicon: verb and noun triggers, CAMEO->PLOVER coding, modality and relation cues.

Loads ``verbs.tsv``, ``nouns.tsv``, ``cameo_plover.tsv``, ``modality.tsv`` and
``relation_cues.tsv`` from ``detente/data`` (formats and provenance in
``data/PROVENANCE-events.md``) into one immutable ``Lexicon``, validated
line by line.  Loaded once per process and passed to the events stage.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

from ..data import read_tsv
from ..errors import DataFileError
from ..model import PLOVER_TYPES, Mention


# The cue kinds modality.py reads: hedges and background phrases (words or phrases), intention lemmas (one
# word: the clause chain is matched lemma by lemma), negation phrases (several words: single negators are
# read from the parse's "neg" links).
MODALITY_KINDS = frozenset({"hedge", "negation", "intent", "background"})
# CAMEO's verbal quad classes (verbal cooperation 01-05, verbal conflict 10-14) less consultations (04: a meeting or
# a call has parties, not a speaker): a speech act, whose source is its speaker.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13", "14"})


def own_speaker(said_by: Mention | None, source: Iterable[Mention], cameo: str) -> Mention | None:
    """``said_by`` unless the event is a speech act said by its own source (issue 12, item 5: a speech act's
    source is its speaker and is not repeated in ``said_by``): "“We condemn it,” the minister said" has the
    minister as source, not as a second, reporting speaker."""
    if said_by is None or cameo[:2] not in VERBAL_ROOTS:
        return said_by
    if any(m.start <= said_by.start and said_by.end <= m.end for m in source):
        return None
    return said_by


@dataclass(frozen=True, slots=True)
class Coding:
    """What a CAMEO code means in PLOVER."""

    cameo: str
    name: str
    type: str | None
    mode: str | None
    context: str | None
    score: float
    penta: int


@dataclass(frozen=True, slots=True)
class VerbPattern:
    lemma: str
    particle: str | None
    prep: str | None
    obj: str | None
    cameo: str

    @property
    def specificity(self) -> int:
        return sum(x is not None for x in (self.particle, self.prep, self.obj))


@dataclass(frozen=True, slots=True)
class Lexicon:
    codings: dict[str, Coding]
    verbs: dict[str, tuple[VerbPattern, ...]]
    nouns: dict[str, str]
    modality: dict[str, frozenset[str]]
    relation_cues: dict[str, int]

    def coding(self, cameo: str) -> Coding | None:
        """The coding of ``cameo``, falling back to its parent codes."""
        code = cameo
        while code:
            if code in self.codings:
                return self.codings[code]
            code = code[:-1]
        return None

    def cues(self, kind: str) -> frozenset[str]:
        return self.modality.get(kind, frozenset())


def _read(name: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    return [(n, {k: (v or "").strip() for k, v in row.items()}) for n, row in read_tsv(name, columns)]


def _opt(value: str) -> str | None:
    return None if value in {"", "*"} else value.lower()


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Load and validate the event lexicon (cached per process).

    Raises:
        DataFileError: a file is missing, malformed, or names an unknown code or type.
    """
    codings: dict[str, Coding] = {}
    for n, row in _read("cameo_plover.tsv", ["cameo", "name", "root", "plover_type", "plover_mode",
                                             "plover_context", "score", "penta"]):
        ptype = row["plover_type"] or None
        if ptype is not None and ptype not in PLOVER_TYPES:
            raise DataFileError(f"data file cameo_plover.tsv line {n}: unknown PLOVER type {ptype!r}")
        try:
            score, penta = float(row["score"] or 0), int(row["penta"])
        except ValueError as exc:
            raise DataFileError(f"data file cameo_plover.tsv line {n}: bad score or penta") from exc
        codings[row["cameo"]] = Coding(row["cameo"], row["name"], ptype, row["plover_mode"] or None,
                                       row["plover_context"] or None, score, penta)
    verbs: dict[str, list[VerbPattern]] = defaultdict(list)
    for n, row in _read("verbs.tsv", ["lemma", "particle", "prep", "object", "cameo"]):
        if not any(row["cameo"][:k] in codings for k in range(len(row["cameo"]), 1, -1)):
            raise DataFileError(f"data file verbs.tsv line {n}: unknown CAMEO code {row['cameo']!r}")
        verbs[row["lemma"].lower()].append(
            VerbPattern(row["lemma"].lower(), _opt(row["particle"]), _opt(row["prep"]), _opt(row["object"]), row["cameo"])
        )
    nouns: dict[str, str] = {}
    for _, row in _read("nouns.tsv", ["lemma", "cameo"]):
        nouns.setdefault(row["lemma"].lower(), row["cameo"])
    modality: dict[str, set[str]] = defaultdict(set)
    for n, row in _read("modality.tsv", ["cue", "kind"]):
        kind, cue = row["kind"], row["cue"].lower()
        # Only what modality.py reads: a row it would never consult is refused rather than kept as dead data.
        if kind not in MODALITY_KINDS or (kind == "intent" and " " in cue) or (kind == "negation" and " " not in cue):
            raise DataFileError(f"data file modality.tsv line {n}: {kind!r} cue {cue!r} is never read "
                                "(kinds: hedge, background, intent lemmas, multi-word negation)")
        modality[kind].add(cue)
    cues: dict[str, int] = {}
    for n, row in _read("relation_cues.tsv", ["cue", "polarity"]):
        try:
            cues[row["cue"].lower()] = int(float(row["polarity"]))
        except ValueError as exc:
            raise DataFileError(f"data file relation_cues.tsv line {n}: bad polarity") from exc
    return Lexicon(
        codings=codings,
        verbs={k: tuple(sorted(v, key=lambda p: -p.specificity)) for k, v in verbs.items()},
        nouns=nouns,
        modality={k: frozenset(v) for k, v in modality.items()},
        relation_cues=cues,
    )


@lru_cache(maxsize=1)
def reciprocal_codes() -> tuple[str, ...]:
    """The CAMEO codes of mutual acts (``data/reciprocal_acts.tsv``): a code there covers every code under it.

    Raises:
        DataFileError: a row is not a CAMEO code (digits only).
    """
    codes = []
    for n, row in read_tsv("reciprocal_acts.tsv", ["cameo", "note"]):
        code = row["cameo"].strip()
        if not code.isdigit():
            raise DataFileError(f"data file reciprocal_acts.tsv line {n}: {code!r} is not a CAMEO code")
        codes.append(code)
    return tuple(codes)


def reciprocal(cameo: str | None) -> bool:
    """Whether an act of this CAMEO code is mutual: its co-sources, with no target, are its parties (the store's
    pairs, the probe's scorer and the learned heads read it)."""
    return bool(cameo) and any(cameo.startswith(c) for c in reciprocal_codes())
