"""The records every stage shares.

Data flows one way: ``Document`` (ingest) -> ``Sentence`` (nlp) -> ``Mention``
with its resolved ``Actor`` (actors) -> ``Event`` and ``RelationClaim``
(events) -> the store -> ``Relation`` (network).  Each record is a frozen,
slotted dataclass; the same field names are used for the DuckDB columns and
the JSON keys (``to_dict``).  Ids are SHA-256 digests of normalised content,
so re-ingesting the same text yields the same ids.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

ACTOR_KINDS: tuple[str, ...] = (
    "state",
    "organization",
    "armed_group",
    "igo",
    "person",
    "media",
    "other",
)


# The dates detente accepts for a document (publication) or an option: news archives reach back to the
# 19th century; anything outside is a typo or a hostile input, and date arithmetic near
# dt.date.min/max overflows.
MIN_DATE = dt.date(1800, 1, 1)
MAX_DATE = dt.date(2199, 12, 31)


def check_date(value: dt.date) -> dt.date:
    """Return ``value`` when it lies in [MIN_DATE, MAX_DATE].

    Raises:
        ValueError: the date is out of that range.
    """
    if not MIN_DATE <= value <= MAX_DATE:
        raise ValueError(f"date {value.isoformat()} is outside {MIN_DATE.isoformat()}..{MAX_DATE.isoformat()}")
    return value


class DateBasis(str, Enum):
    """How a date was obtained."""

    MANIFEST = "manifest"
    HTML = "html"
    OPTION = "option"
    PUBLISHED = "published"
    STATED = "stated"
    INFERRED = "inferred"
    BACKGROUND = "background"
    UNKNOWN = "unknown"


def normalise_text(text: str) -> str:
    """Return ``text`` NFC-normalised with runs of whitespace folded to one space."""
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


def digest(*parts: str, length: int = 16) -> str:
    """Return a deterministic hex id for ``parts`` (SHA-256, truncated)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:length]


def _jsonable(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple):
        return [_jsonable(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


@dataclass(frozen=True, slots=True)
class Document:
    """One article after ingestion: clean text plus what is known about it."""

    id: str
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    source_path: str | None = None
    published: dt.date | None = None
    date_basis: DateBasis = DateBasis.UNKNOWN
    date_text: str | None = None
    language: str = "en"

    @staticmethod
    def make_id(text: str) -> str:
        """The id of a document is a hash of its normalised text."""
        return digest(normalise_text(text).casefold())

    def to_dict(self) -> dict[str, Any]:
        return {k: _jsonable(getattr(self, k)) for k in self.__dataclass_fields__}


# Longest evidence text kept with an event or claim.  A news sentence is 100-400 characters, so this
# keeps every ordinary sentence whole; a pathological "sentence" (a 100 KB run-on line) is cut to a
# window around the trigger, so its text is not copied in full into every event it yields.
MAX_EVIDENCE_CHARS = 1_000


def evidence_window(text: str, start: int, anchor: int) -> tuple[str, int, int]:
    """The evidence (text, start, end) for a sentence ``text`` starting at ``start``: the whole
    sentence when it is at most ``MAX_EVIDENCE_CHARS`` long, else that many characters centred on
    the character offset ``anchor`` (the trigger or cue), cut at spaces."""
    if len(text) <= MAX_EVIDENCE_CHARS:
        return text, start, start + len(text)
    half = MAX_EVIDENCE_CHARS // 2
    lo = min(max(anchor - start - half, 0), len(text) - MAX_EVIDENCE_CHARS)
    hi = lo + MAX_EVIDENCE_CHARS
    space = text.find(" ", lo, lo + 100)
    if lo > 0 and space != -1:
        lo = space + 1
    space = text.rfind(" ", hi - 100, hi)
    if hi < len(text) and space > lo:
        hi = space
    return text[lo:hi], start + lo, start + hi


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document with its character offsets."""

    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    paragraph: int = 0

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.idx}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "doc_id": self.doc_id,
            "idx": self.idx,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "paragraph": self.paragraph,
        }


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor: a stable code plus what kind of thing it is.

    ``id`` is country code + sector (``RUSGOV``), optionally followed by
    ``:`` and a slug naming an organisation or person (``PSEREB:hamas``,
    ``RUSGOV:vladimir-putin``).  ``node`` is what the relations network uses:
    people roll up to the state or organisation they act for.
    """

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    node: str | None = None
    node_name: str | None = None
    role: str | None = None
    former: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {k: _jsonable(getattr(self, k)) for k in self.__dataclass_fields__}


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names an actor (``actor`` is None when unresolved)."""

    doc_id: str
    sent_idx: int
    start: int
    end: int
    text: str
    actor: Actor | None = None
    method: str = "unresolved"
    loaded: bool = False

    @property
    def id(self) -> str:
        return f"{self.doc_id}:{self.start}-{self.end}"

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        """The actor object of the JSON contract (``span`` relative to ``offset``)."""
        actor = self.actor
        return {
            "id": actor.id if actor else None,
            "name": actor.name if actor else self.text,
            "kind": actor.kind if actor else "other",
            "country": actor.country if actor else None,
            "sector": actor.sector if actor else None,
            "text": self.text,
            "span": [self.start - offset, self.end - offset],
            "loaded": self.loaded,
            "role": actor.role if actor else None,
            "node": actor.node if actor else None,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """A date with its precision and how it was obtained.

    ``date`` is the first day of the period the text gives, known to ``precision``: ``day``, ``week``,
    ``month``, ``year``, ``before-publication`` (an earlier time the text does not date: ``date`` is None)
    or ``unknown``.  ``text`` is the expression it was read from.
    """

    date: dt.date | None
    basis: DateBasis
    precision: str = "unknown"
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """Who did or said what to whom, coded in PLOVER and CAMEO, with its evidence."""

    doc_id: str
    sent_idx: int
    trigger: str
    trigger_start: int
    type: str
    cameo: str
    score: float
    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    mode: str | None = None
    context: str | None = None
    said_by: Mention | None = None
    outlet: str | None = None
    hedged: bool = False
    negated: bool = False
    intent: bool = False
    date: EventDate = field(default_factory=lambda: EventDate(None, DateBasis.UNKNOWN))
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0
    salience: float = 0.0
    method: str = "rule"

    @property
    def id(self) -> str:
        return digest(self.doc_id, str(self.trigger_start), self.type, self.cameo,
                      ",".join(m.id for m in self.source), ",".join(m.id for m in self.target))

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        """The event object of the JSON contract."""
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "context": self.context,
            "cameo": self.cameo[:2],
            "cameo_code": self.cameo,
            "score": self.score,
            "source": [m.to_json(offset) for m in self.source],
            "target": [m.to_json(offset) for m in self.target],
            "said_by": self.said_by.to_json(offset) if self.said_by else None,
            "outlet": self.outlet,
            "hedged": self.hedged,
            "negated": self.negated,
            "intent": self.intent,
            "date": self.date.date.isoformat() if self.date.date else None,
            "date_basis": self.date.basis.value,
            "date_precision": self.date.precision,
            "trigger": self.trigger,
            "sentence": self.sent_idx,
            "evidence": {
                "text": self.evidence_text,
                "span": [self.evidence_start - offset, self.evidence_end - offset],
            },
        }


@dataclass(frozen=True, slots=True)
class RelationClaim:
    """A sentence that states a relation ("Russia is no friend of Israel")."""

    doc_id: str
    sent_idx: int
    cue: str
    cue_start: int
    a: Mention
    b: Mention
    polarity: int
    said_by: Mention | None = None
    outlet: str | None = None
    hedged: bool = False
    negated: bool = False
    # +1 / -1 when the sentence tells of a change of the relation toward that sign ("ties have warmed",
    # "no longer a friend"), 0 when it states how the relation stands (events/change_rules.py)
    change: int = 0
    date: EventDate = field(default_factory=lambda: EventDate(None, DateBasis.UNKNOWN))
    evidence_text: str = ""
    evidence_start: int = 0
    evidence_end: int = 0

    @property
    def id(self) -> str:
        return digest(self.doc_id, str(self.cue_start), self.a.id, self.b.id)

    def to_json(self, offset: int = 0) -> dict[str, Any]:
        return {
            "id": self.id,
            "a": self.a.to_json(offset),
            "b": self.b.to_json(offset),
            "polarity": self.polarity,
            "cue": self.cue,
            "said_by": self.said_by.to_json(offset) if self.said_by else None,
            "outlet": self.outlet,
            "hedged": self.hedged,
            "negated": self.negated,
            "change": self.change,
            "date": self.date.date.isoformat() if self.date.date else None,
            "date_basis": self.date.basis.value,
            "sentence": self.sent_idx,
            "date_precision": self.date.precision,
            "evidence": {
                "text": self.evidence_text,
                "span": [self.evidence_start - offset, self.evidence_end - offset],
            },
        }


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one document."""

    document: Document
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    events: tuple[Event, ...]
    relation_claims: tuple[RelationClaim, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The ``detente extract`` output object (``id`` is filled by the caller).

        The sentences that hold an event or a claim are listed once, under ``sentences``; events and
        claims name theirs by index (``sentence``) and carry only a bounded evidence window.
        """
        used = sorted({e.sent_idx for e in self.events} | {r.sent_idx for r in self.relation_claims})
        by_idx = {s.idx: s for s in self.sentences}
        return {
            "actors": [m.to_json() for m in self.mentions],
            "events": [e.to_json() for e in self.events],
            "relations": [r.to_json() for r in self.relation_claims],
            "sentences": [{"idx": i, "span": [by_idx[i].start, by_idx[i].end], "text": by_idx[i].text}
                          for i in used if i in by_idx],
        }


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was not ingested, and why: a code (``R01``...), a one-line reason and, when the
    run asked for it (``--debug``), the traceback of an unexpected failure."""

    source: str
    reason: str
    code: str
    traceback: str | None = None

    @classmethod
    def from_exception(cls, source: str, exc: BaseException, debug: bool = False) -> "Rejected":
        """The record of an input whose processing raised ``exc``: an ``InputError`` keeps its R-code and
        message; anything else is R10 with the exception's first 200 characters on one line."""
        import traceback

        from .errors import InputError, reject

        if isinstance(exc, InputError):
            code, reason = exc.reject, exc.message
        else:
            line = " ".join(str(exc).split())[:200]
            code = "R10"
            reason = reject("R10", detail=f"{type(exc).__name__}: {line}" if line else type(exc).__name__).message
        trace = "".join(traceback.format_exception(exc)) if debug else None
        return cls(source, reason, code, trace)

    def to_dict(self) -> dict[str, Any]:
        out = {"source": self.source, "reason": self.reason, "code": self.code}
        if self.traceback:
            out["traceback"] = self.traceback
        return out


@dataclass(frozen=True, slots=True)
class Relation:
    """A signed relation between two network nodes as the store aggregates it (``store.pairs``): the weighted
    mean score of its event groups, their count and dates, and the reports cited (``evidence``, ids, by date).
    ``outlet`` is set in the per-outlet views."""

    a: str
    b: str
    a_name: str
    b_name: str
    score: float
    n_events: int
    n_outlets: int
    first: dt.date | None
    last: dt.date | None
    evidence: tuple[str, ...] = ()
    outlet: str | None = None
    n_background: int = 0
    n_undated: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The one JSON shape of a relation (``detente relations --json``, ``/api/relations``)."""
        first, last = self.first, self.last
        out: dict[str, Any] = {  # one dict literal: 20,000 of these are built per listing
            "a": {"id": self.a, "name": self.a_name},
            "b": {"id": self.b, "name": self.b_name},
            "score": round(self.score, 2),
            "n_events": self.n_events,
            "n_outlets": self.n_outlets,
            "n_background": self.n_background,
            "n_undated": self.n_undated,
            "first": first.isoformat() if first else None,
            "last": last.isoformat() if last else None,
            "evidence": list(self.evidence),
        }
        return out if self.outlet is None else {"outlet": self.outlet, **out}


@dataclass(frozen=True, slots=True)
class DyadPoint:
    """A pair's evidence in one time window (``store.pairs.series_rows``; ``network.dyads.dyad_series``)."""

    a: str
    b: str
    period: dt.date
    n_events: int
    weight: float
    score: float
    cooperation: float
    conflict: float
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "period": self.period.isoformat(), "n_events": self.n_events,
                "weight": round(self.weight, 3), "score": round(self.score, 2),
                "cooperation": round(self.cooperation, 2), "conflict": round(self.conflict, 2),
                "evidence": list(self.evidence)}
