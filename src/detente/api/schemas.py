"""The API's request and response bodies (pydantic): validated at the HTTP edge, documented in OpenAPI.

Field names are the ones the library's ``to_dict`` and the store's columns
use, so a response row reads like the CLI's ``--json`` output.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Generic, TypeVar

from pydantic import AliasChoices, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

# An article body larger than this is refused before it reaches the
# extractor (the ingest stage's own MAX_BYTES cap is 5 MB of bytes).
MAX_TEXT_CHARS = 5_000_000
MAX_URL_CHARS = 2048
MAX_META_CHARS = 500


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date_only(value: Any) -> Any:
    """Accept a date or a YYYY-MM-DD string; pydantic alone would also take numbers as Unix timestamps."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return value
    raise ValueError("expected a date as YYYY-MM-DD")


IsoDate = Annotated[dt.date, BeforeValidator(_iso_date_only)]


class Error(BaseModel):
    """Every error response: ``{"ok": false, "error": "...", "code": "...", "status": N}``.

    ``code`` is a row of detente's error table (``detente.errors.ERRORS``, listed in the README).
    """

    ok: bool = False
    error: str
    code: str
    status: int


Row = TypeVar("Row")


class Items(BaseModel, Generic[Row]):
    """The one envelope of every listing: ``{"ok": true, "items": [...]}`` (errors: ``Error``)."""

    ok: bool = True
    items: list[Row]


class Page(BaseModel, Generic[Row]):
    """A listing served a page at a time: ``{"ok": true, "items": [...]}``, with ``next`` (the path and query of
    the next page) only when more rows follow."""

    ok: bool = True
    items: list[Row]
    next: str | None = Field(None, description="the next page (path and query), present only when more rows follow")


class Health(BaseModel):
    ok: bool = True
    version: str
    counts: dict[str, int]
    ingest_enabled: bool
    read_only: bool


class DocumentSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    outlet_country: str | None
    url: str | None
    published: dt.date | None
    date_basis: str | None
    n_sentences: int
    n_events: int


class SentenceOut(BaseModel):
    id: str
    idx: int
    start: int
    end: int
    text: str
    paragraph: int | None


class DocumentOut(DocumentSummary):
    ok: bool = True
    text: str
    sentences: list[SentenceOut]


class ActorOut(BaseModel):
    id: str
    name: str | None
    kind: str | None
    country: str | None
    sector: str | None
    node: str | None
    role: str | None
    mentions: int
    aliases: list[str]
    loaded: bool | None


class NodeRef(BaseModel):
    """The one shape of an actor or node in every route and ``--json`` output."""

    id: str
    name: str


class SpeakerRef(BaseModel):
    """Who said a report, in the one shape of an actor; ``id`` is null when the speaker resolved to no stored
    actor (a name the gazetteer does not hold)."""

    id: str | None
    name: str


class EventOut(BaseModel):
    id: str
    doc_id: str
    date: dt.date | None
    date_basis: str | None
    date_precision: str | None = None
    type: str
    mode: str | None
    cameo: str | None
    score: float
    source_ids: list[str]
    target_ids: list[str]
    source_nodes: list[str]
    target_nodes: list[str]
    said_by: SpeakerRef | None = Field(description="who said it: {id, name} (id null when the speaker resolved to "
                                                  "no stored actor), or null when the outlet itself asserts it")
    outlet: str | None
    hedged: bool
    negated: bool
    intent: bool
    trigger: str | None
    evidence_text: str | None
    source: list[NodeRef] = Field([], description="the source actors as {id, name}")
    target: list[NodeRef] = Field([], description="the target actors as {id, name}")


class RelationOut(BaseModel):
    a: NodeRef
    b: NodeRef
    score: float
    n_events: int
    n_outlets: int
    n_background: int = 0
    n_undated: int = 0
    first: dt.date | None
    last: dt.date | None
    evidence: list[str]


class NodeOut(BaseModel):
    id: str
    name: str
    kind: str | None
    country: str | None


class Network(BaseModel):
    """The signed network of one window: nodes that take part in a relation, and the relations."""

    ok: bool = True
    nodes: list[NodeOut]
    relations: list[RelationOut]


class Window(BaseModel):
    label: str
    since: dt.date
    until: dt.date


class MonthCount(BaseModel):
    month: str = Field(description="YYYY-MM")
    news: int = Field(description="reports of the month's news (dated to the month or finer)")
    background: int = Field(description="reports told as background and dated to this month")


class Timeline(BaseModel):
    ok: bool = True
    first: dt.date | None
    last: dt.date | None
    freq: str
    windows: list[Window]
    months: list[MonthCount] = Field([], description="reports per month, for the time axis's histogram")
    n_coarse: int = Field(0, description="reports dated only to the year: on no month of the axis")
    n_undated: int = Field(0, description="reports with no date")


class LoadedTerm(BaseModel):
    text: str
    uses: int


class OutletOut(BaseModel):
    """An outlet with its country and state affiliation (``detente outlets --json``)."""

    outlet: str | None
    country: str | None
    affiliation: str | None = Field(description="State Media Matrix typology code (SC, CaPu, CaPr, ISFM, ISF, ISM, "
                                                "IP), or null when the outlet is not listed")
    affiliation_label: str
    affiliation_group: str
    profile: str | None
    match: str | None
    documents: int
    events: int
    loaded: int
    loaded_terms: list[LoadedTerm]
    first: dt.date | None
    last: dt.date | None


class EvidenceItem(BaseModel):
    """One event or stated relation about a pair, with what the dashboard's evidence panel shows."""

    id: str
    kind: str
    label: str
    source: NodeRef = Field(description="the node that acted, as {id, name}")
    target: NodeRef | None = Field(description="the node acted on, as {id, name}")
    score: float
    weight: float
    date: dt.date | None
    date_precision: str = Field("day", description="day, week, month, year, before-publication or unknown")
    background: bool = Field(False, description="told as context, before the article's news; never drives a shift")
    outlet: str | None
    said_by: SpeakerRef | None = Field(description="who said it: {id, name} (id null when the speaker resolved to "
                                                  "no stored actor), or null when the outlet itself asserts it")
    hedged: bool
    negated: bool
    text: str
    doc_id: str
    doc_title: str | None


class SeriesPoint(BaseModel):
    label: str
    since: dt.date
    until: dt.date
    score: float | None
    n_events: int


class Dyad(BaseModel):
    """One pair.  ``relation`` and ``evidence`` follow the whole selection (dates and outlets);
    ``overall`` and ``series`` (every window) follow the outlets only, so a chart can show the selected
    window against the rest."""

    ok: bool = True
    a: NodeRef
    b: NodeRef
    relation: RelationOut | None
    overall: RelationOut | None = None
    series: list[SeriesPoint]
    evidence: list[EvidenceItem]
    shifts: list[dict[str, Any]] | None
    shifts_error: str | None


class Records(BaseModel):
    """Records of a network-stage function (shifts, balance), each its ``to_dict()``."""

    ok: bool = True
    items: list[dict[str, Any]]


class SearchHit(BaseModel):
    sentence_id: str
    doc_id: str
    idx: int
    text: str
    title: str | None
    outlet: str | None
    published: dt.date | None


class IngestRequest(BaseModel):
    """One article: exactly one of ``text``, ``html`` or ``url``, and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, min_length=1, max_length=MAX_TEXT_CHARS)
    html: str | None = Field(None, min_length=1, max_length=MAX_TEXT_CHARS)
    url: str | None = Field(None, min_length=1, max_length=MAX_URL_CHARS)
    outlet: str | None = Field(None, max_length=MAX_META_CHARS)
    # 'date' as 'detente extract' and 'ingest --date' call it; 'published' (the manifest's column) still works
    date: IsoDate | None = Field(None, validation_alias=AliasChoices("date", "published"),
                                 description="Publication date, YYYY-MM-DD ('published' is accepted too).")
    title: str | None = Field(None, max_length=MAX_META_CHARS)

    @model_validator(mode="after")
    def _one_body(self) -> IngestRequest:
        given = [name for name in ("text", "html", "url") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of 'text', 'html' or 'url' (got {', '.join(given) or 'none'})")
        return self


class IngestResult(BaseModel):
    ok: bool = True
    stored: bool
    duplicate: bool
    document: DocumentSummary
    events: int
    relations: int
