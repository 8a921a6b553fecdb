"""The ``/api`` routes: thin handlers over the library's read functions, plus ingest.

Each handler parses its parameters (the CLI's ``--since``, ``--until``,
``--outlet``, ``--exclude-outlet``, plus ``outlet_country``), calls the
library function the CLI calls (``relations``, ``list_actors``, ...) or one
of ``detente.api.queries``, and returns plain data validated against
``detente.api.schemas``.  Shifts and balance come from the network stage,
imported when first asked for: if that stage is not installed the route
answers 503.
"""

from __future__ import annotations

import datetime as dt
import importlib
import inspect
import json
from dataclasses import dataclass, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import StringConstraints, TypeAdapter

from .. import __version__
from ..network.dyads import Filters, evidence_items, node_names, relations
from ..network.shapes import public_record, ref, speaker_ref
from ..outlets import outlet_views, outlets_of_affiliation
from ..report import list_actors
from ..store import Store, readers
from . import queries
from .schemas import (
    ActorOut,
    DocumentOut,
    DocumentSummary,
    Dyad,
    Error,
    EventOut,
    Health,
    IngestRequest,
    IngestResult,
    IsoDate,
    Items,
    Network,
    OutletOut,
    Page,
    Records,
    RelationOut,
    SearchHit,
    Timeline,
)
from .state import ServerState, get_state, get_store, require_token

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": Error, "description": text}
    for status, text in (
        (400, "Rejected input or bad request"), (401, "Missing or wrong bearer token"),
        (403, "Ingest over HTTP is off"), (404, "Not found"), (405, "Method not allowed"),
        (413, "Request body or fetched article too large"), (422, "Invalid request"), (500, "Internal error"),
        (503, "Not available"),
    )
}
# Network-stage functions the shifts and balance routes call: (module, function).
# Each takes a ``Store`` (and ``filters=``, ``pairs=`` when it accepts them)
# and returns records with ``to_dict()``.
SHIFTS_FUNCTION = ("detente.network.shifts", "detect_shifts")
BALANCE_FUNCTION = ("detente.network.balance", "read_balance")
DEFAULT_LIMIT = 200
ID_PATTERN = r"^[A-Za-z0-9_.:\-]{1,120}$"

def _query_names(dependant: Any) -> set[str]:
    """The query parameters a route declares, its dependencies' included (by their alias, as sent)."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def reject_unknown_parameters(request: Request) -> None:
    """Answer 400 (``H400``) to a query parameter the route does not take: a typo ('outlets=', 'sinse=') would
    otherwise be ignored and return unfiltered rows as if they were the filtered ones."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_names(dependant)
    unknown = sorted({k for k in request.query_params if k not in known})
    if unknown:
        takes = ", ".join(sorted(known)) or "no query parameters"
        raise HTTPException(400, f"unknown query parameter {', '.join(map(repr, unknown))}; "
                                 f"{request.url.path} takes: {takes}")


# Every /api route: unknown query parameters are refused.
router = APIRouter(dependencies=[Depends(reject_unknown_parameters)])
StoreDep = Annotated[Store, Depends(get_store)]
Limit = Annotated[int, Query(ge=1, le=queries.MAX_LIMIT, description="At most this many rows.")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Skip this many rows.")]
Freq = Annotated[str, Query(pattern="^(month|quarter|year)$", description="Window length: month, quarter or year.")]
# Report ids cited per relation in the relations and network listings (the dyad route lists them all):
# a relation over a large store rests on thousands of reports.
DEFAULT_EVIDENCE = 20
EvidenceLimit = Annotated[int, Query(ge=0, le=queries.MAX_LIMIT,
                                     description="Cite at most this many reports per relation, the most recent.")]
NodeId = Annotated[str, Path(pattern=ID_PATTERN, description="A node id, e.g. RUS or PSEREB:hamas.")]


@dataclass(frozen=True, slots=True)
class Selection:
    """The filters of a request; ``empty`` when an outlet-country filter matched no stored outlet."""

    filters: Filters
    empty: bool = False


def get_selection(
    store: StoreDep,
    since: Annotated[IsoDate | None, Query(description="Only evidence dated on or after (YYYY-MM-DD).")] = None,
    until: Annotated[IsoDate | None, Query(description="Only evidence dated on or before (YYYY-MM-DD).")] = None,
    outlet: Annotated[list[str], Query(description="Only evidence from this outlet (repeatable).")] = [],
    exclude_outlet: Annotated[list[str], Query(description="Leave out this outlet (repeatable).")] = [],
    outlet_country: Annotated[
        list[str], Query(description="Only outlets based in this country, ISO alpha-3 (repeatable).")
    ] = [],
    outlet_affiliation: Annotated[
        list[str], Query(max_length=10, description="Only outlets of this state affiliation: a typology code (SC, "
                         "CaPu, ...), a group, or 'not listed' (repeatable; see GET /api/outlets).")
    ] = [],
) -> Selection:
    filters = Filters(since=since, until=until, outlets=tuple(outlet), exclude_outlets=tuple(exclude_outlet))
    if not outlet_country and not outlet_affiliation:
        return Selection(filters)
    chosen = tuple(outlet)
    if outlet_country:
        by_country = queries.outlets_of_countries(store, outlet_country)
        chosen = tuple(o for o in by_country if not chosen or o in chosen)
        if not chosen:
            return Selection(replace(filters, outlets=chosen), empty=True)
    if outlet_affiliation:
        by_affiliation = outlets_of_affiliation(store, outlet_affiliation)
        chosen = tuple(o for o in by_affiliation if not chosen or o in chosen)
    return Selection(replace(filters, outlets=chosen), empty=not chosen)


SelectionDep = Annotated[Selection, Depends(get_selection)]


# -- store and listings --------------------------------------------------------------
@router.get("/health", response_model=Health, summary="Store counts and server mode")
def health(store: StoreDep, state: Annotated[ServerState, Depends(get_state)]) -> dict[str, Any]:
    return {"ok": True, "version": __version__, "counts": readers.counts(store.con), "ingest_enabled": state.token is not None,
            "read_only": state.read_only}


def listing(items: list[Any]) -> dict[str, Any]:
    """The one envelope of every listing: ``{"ok": true, "items": [...]}``."""
    return {"ok": True, "items": items}


@router.get("/documents", response_model=Items[DocumentSummary], summary="Stored articles, newest first")
def documents(store: StoreDep, sel: SelectionDep, limit: Limit = DEFAULT_LIMIT, offset: Offset = 0) -> Any:
    if sel.empty:
        return listing([])
    return listing(queries.list_documents(store, filters=sel.filters, limit=limit, offset=offset))


@router.get("/documents/{doc_id}", response_model=DocumentOut, summary="One article with its sentences")
def document(store: StoreDep, doc_id: Annotated[str, Path(pattern=ID_PATTERN)]) -> Any:
    found = queries.get_document(store, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r} in the store; list them with GET /api/documents")
    return {"ok": True, **found}


@router.get("/actors", response_model=Items[ActorOut], summary="Resolved actors with mentions and aliases")
def actors(store: StoreDep) -> Any:
    return listing(list_actors(store))


@router.get("/outlets", response_model=Items[OutletOut],
            summary="Outlets with their country, state affiliation, documents and loaded language")
def outlets(
    store: StoreDep,
    affiliation: Annotated[list[str], Query(max_length=10, description="Only outlets of this state affiliation: a "
                                            "typology code (SC, CaPu, ...), a group, or 'not listed' (repeatable).")
                           ] = [],
) -> Any:
    return listing([v.to_dict() for v in outlet_views(store, affiliation=affiliation)])


@router.get("/events", response_model=Items[EventOut], summary="Coded events with their evidence")
def events(
    store: StoreDep,
    sel: SelectionDep,
    actor: Annotated[list[Annotated[str, StringConstraints(pattern=ID_PATTERN)]], Query(
        max_length=10, description="Only events involving this node or actor id (repeatable: involving all of them, "
                                   "e.g. actor=RUS&actor=ISR for the events between Russia and Israel).")] = [],
    type: Annotated[list[Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2,20}$")]], Query(
        max_length=16, description="Only events of this PLOVER type, e.g. ACCUSE (repeatable).")] = [],
    limit: Limit = DEFAULT_LIMIT,
    offset: Offset = 0,
) -> Any:
    if sel.empty:
        return listing([])

    def build() -> Response:  # validated and written as FastAPI writes a response_model, then kept
        rows = listing(queries.list_events(store, filters=sel.filters, actors=actor, types=type, limit=limit,
                                           offset=offset))
        return JSONResponse(_EVENTS.dump_python(_EVENTS.validate_python(rows), mode="json"))

    # kept per store version: a dashboard lists the same actors' events again and again
    return _cached(store, ("events", sel.filters, tuple(actor), tuple(type), limit, offset), build, pool="listings")


_EVENTS = TypeAdapter(Items[EventOut])


@router.get("/search", response_model=Items[SearchHit], summary="Sentences containing a phrase (case-insensitive)")
def search(
    store: StoreDep,
    sel: SelectionDep,
    q: Annotated[str, Query(min_length=2, max_length=200, description="The phrase to find.")],
    limit: Limit = 50,
) -> Any:
    if sel.empty or not q.strip():
        return listing([])
    return listing(queries.search_sentences(store, q, filters=sel.filters, limit=limit))


# -- the network -----------------------------------------------------------------------
# Relations per page of /api/relations: a large store has tens of thousands (19,900 at 1M events, 8.6 MB of
# JSON with their cited reports); the strongest-attested come first, ``next`` gives the following page.
RELATIONS_PAGE = 200


@router.get("/relations", response_model=Page[RelationOut],
            summary="Signed relations (as 'detente relations --json'), strongest-attested first, a page at a time")
def relations_route(request: Request, store: StoreDep, sel: SelectionDep, evidence: EvidenceLimit = DEFAULT_EVIDENCE,
                    limit: Limit = RELATIONS_PAGE, offset: Offset = 0) -> Any:
    if sel.empty:
        return listing([])
    from ..store.cache import cached

    # every relation of the selection as JSON, one item each, kept per store version; a page joins a slice
    rows: list[bytes] = cached(store.con, ("relations", sel.filters, evidence), lambda: [
        _dumps(r.to_dict()).encode() for r in relations(store, filters=sel.filters, evidence_limit=evidence)])
    body = b'{"ok": true, "items": [' + b", ".join(rows[offset:offset + limit]) + b"]"
    if offset + limit < len(rows):
        following = f"{request.url.path}?{request.url.include_query_params(offset=offset + limit).query}"
        body += b', "next": ' + _dumps(following).encode()
    return Response(body + b"}", media_type="application/json")


@router.get("/network", response_model=Network, summary="The signed network: nodes and relations")
def network(
    store: StoreDep,
    sel: SelectionDep,
    min_events: Annotated[int, Query(ge=1, le=10_000, description="Only relations with this many items.")] = 1,
    evidence: Annotated[int, Query(ge=0, le=queries.MAX_LIMIT, description=(
        "Cite at most this many reports per relation, the most recent (default none: the map draws the "
        "relations; GET /api/dyads/A/B lists a pair's reports)."))] = 0,
) -> Any:
    def build() -> Response:
        rels = [] if sel.empty else relations(store, filters=sel.filters, evidence_limit=evidence,
                                              min_events=min_events)
        used = {r.a for r in rels} | {r.b for r in rels}
        nodes = [n.to_dict() for n in readers.nodes(store.con, sorted(used))] if used else []
        return _json({"ok": True, "nodes": nodes, "relations": [r.to_dict() for r in rels]})

    return _cached(store, ("network", sel.filters, sel.empty, evidence, min_events), build)


def _cached(store: Store, key: Any, build: Any, *, pool: str = "bodies") -> Response:
    """The response body of ``build()``, kept per store version (``store.cache``): the whole network is
    megabytes of JSON that eight dashboards ask for again and again."""
    from ..store.cache import cached

    return Response(cached(store.con, key, lambda: build().body, pool=pool), media_type="application/json")


def _json(data: Any) -> Response:
    """A JSON response written by the stdlib's C encoder, without re-validating it against the response model.

    The relations of a large store are tens of thousands of records built from typed query results (the
    model documents them); validating and re-encoding them field by field took seconds per request.
    """
    return Response(_dumps(data), media_type="application/json")


def _dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, default=_iso)


def _iso(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


@router.get("/timeline", response_model=Timeline, summary="Date range of the evidence and its windows")
def timeline(store: StoreDep, freq: Freq = "quarter") -> Any:
    first, last = queries.date_range(store)
    return {"ok": True, "first": first, "last": last, "freq": freq, "windows": queries.windows(first, last, freq),
            **queries.density(store)}


@router.get("/dyads/{a}/{b}", response_model=Dyad, summary="One pair: relation, series per window, evidence, shifts")
def dyad(store: StoreDep, sel: SelectionDep, a: NodeId, b: NodeId, freq: Freq = "quarter") -> Any:
    names = _names(store)
    if a not in names or b not in names:
        missing = a if a not in names else b
        raise HTTPException(404, f"no node {missing!r} in the store; see GET /api/network for node ids")
    a, b = sorted((a, b))
    # every window (outlet filters only) for the series and the overall relation; the selected dates for the rest
    all_time = replace(sel.filters, since=None, until=None)
    everything = [] if sel.empty else evidence_items(store, filters=all_time, pair=(a, b))
    items = [i for i in everything if _in_dates(i.date, sel.filters)]
    rels = [] if sel.empty else relations(store, filters=sel.filters, pair=(a, b))  # SQL over the pair table
    relation = rels[0].to_dict() if rels else None
    if sel.filters == all_time:  # no dates chosen: the overall relation is the same query
        overall = rels
    else:
        overall = [] if sel.empty else relations(store, filters=all_time, pair=(a, b))
    first, last = _small(store, ("date_range",), lambda: queries.date_range(store))
    wins = queries.windows(first, last, freq)
    series = ([{**w, "score": None, "n_events": 0} for w in wins] if sel.empty else
              queries.pair_series(store, (a, b), wins, freq, filters=all_time))
    titles = queries.document_titles(store, sorted({i.doc_id for i in items}))
    shifts, shifts_error = _pair_shifts(store, replace(sel, filters=all_time), a, b)
    return {
        "ok": True, "a": {"id": a, "name": names[a]}, "b": {"id": b, "name": names[b]}, "relation": relation,
        "overall": overall[0].to_dict() if overall else None, "series": series,
        "evidence": [_evidence(i, titles, names) for i in sorted(items, key=lambda i: (i.date or dt.date.min, i.id))],
        "shifts": shifts, "shifts_error": shifts_error,
    }


def _small(store: Store, key: Any, compute: Any) -> Any:
    """``compute()``, kept per store version among the small results (``store.cache``); never mutate it.

    The version is read once per request store (a request holds the read lock: no write comes between)."""
    from ..store.cache import cached, version

    known = store.__dict__.get("_cache_version")
    if known is None:
        known = store.__dict__["_cache_version"] = version(store.con)
    return cached(store.con, key, compute, pool="small", known_version=known)


def _names(store: Store) -> dict[str, str]:
    return _small(store, ("node_names",), lambda: node_names(store))  # type: ignore[no-any-return]


def _in_dates(date: dt.date | None, filters: Filters) -> bool:
    """The date filter of ``where_clause`` on one item: with since or until set, undated items are left out."""
    if filters.since is None and filters.until is None:
        return True
    return date is not None and (filters.since is None or date >= filters.since) and (
        filters.until is None or date <= filters.until)


def _evidence(item: Any, titles: dict[str, str | None], names: dict[str, str]) -> dict[str, Any]:
    """One report of the pair; its nodes and speaker in the one shape of an actor (``{id, name}``)."""
    label = item.type or ("stated alignment" if item.score > 0 else "stated hostility")
    return {"id": item.id, "kind": item.kind, "label": label, "source": ref(item.source, names.get(item.source)),
            "target": ref(item.target, names.get(item.target)) if item.target else None,
            "score": item.score, "weight": item.weight, "date": item.date, "date_precision": item.precision,
            "background": bool(item.background), "outlet": item.outlet,
            "said_by": speaker_ref(item.speaker_id, item.speaker), "hedged": bool(item.hedged),
            "negated": bool(item.negated), "text": item.text,
            "doc_id": item.doc_id, "doc_title": titles.get(item.doc_id)}


# -- network-stage functions (shifts, balance) -------------------------------------------
def _network_records(target: tuple[str, str], store: Store, **kwargs: Any) -> list[dict[str, Any]]:
    """Call a network-stage function with the keyword arguments it accepts, or raise HTTPException(503)."""
    module_name, name = target
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise HTTPException(503, f"{module_name} is not available in this detente ({exc}); "
                                 "update detente to get this endpoint") from exc
    func = getattr(module, name, None)
    if func is None:
        raise HTTPException(503, f"{module_name} has no function {name!r}; this API expects it")
    accepted = inspect.signature(func).parameters
    names = _names(store)
    return [public_record(record.to_dict(), names)
            for record in func(store, **{k: v for k, v in kwargs.items() if k in accepted})]


def _mentions_pair(record: dict[str, Any], a: str, b: str) -> bool:
    ids = set()
    for key in ("a", "b", "source", "target"):
        value = record.get(key)
        ids.add(value.get("id") if isinstance(value, dict) else value)
    return {a, b} <= ids


def _pair_shifts(store: Store, sel: Selection, a: str, b: str) -> tuple[list[dict[str, Any]] | None, str | None]:
    """The pair's shifts, kept per store version: detection reads the pair's event groups and segments them
    once, then once per outlet (robustness); a dashboard comes back to the same pairs."""
    if sel.empty:
        return [], None
    try:
        records = _small(store, ("pair_shifts", SHIFTS_FUNCTION, a, b, sel.filters), lambda: _network_records(
            SHIFTS_FUNCTION, store, filters=sel.filters, pairs=[(a, b)]))
    except HTTPException as exc:
        return None, str(exc.detail)
    return [r for r in records if _mentions_pair(r, a, b)], None


@router.get("/shifts", response_model=Records, summary="Detected shifts in relations (network stage)")
def shifts(store: StoreDep, sel: SelectionDep) -> Any:
    return {"ok": True, "items": [] if sel.empty else _network_records(SHIFTS_FUNCTION, store, filters=sel.filters)}


@router.get("/balance", response_model=Records, summary="Structural balance of the signed network (network stage)")
def balance(store: StoreDep, sel: SelectionDep) -> Any:
    return {"ok": True, "items": [] if sel.empty else _network_records(BALANCE_FUNCTION, store, filters=sel.filters)}


def _read(state: ServerState, query: Any) -> Any:
    """Run ``query(store)`` on a fresh cursor (for the ingest route, which holds no request store)."""
    store = state.store()
    try:
        return query(store)
    finally:
        store.close()


# -- ingest ------------------------------------------------------------------------------------
@router.post("/ingest", response_model=IngestResult, summary="Ingest one article (bearer token required)")
async def ingest(body: IngestRequest, state: Annotated[ServerState, Depends(require_token)]) -> Any:
    """Async on purpose: the URL fetch awaits on the event loop (bounded in time and in number, see
    ``detente.ingest.fetch``), and the blocking work (cleaning, extraction, the write) runs in worker
    threads under ``state.ingest_limiter``, so queued ingests wait without holding a thread and the read
    routes (``/api/health`` first) always find one free."""
    import anyio

    from ..ingest.sources import Meta

    meta = Meta(outlet=body.outlet, published=body.date, title=body.title, url=body.url)
    fetched: tuple[bytes, str] | None = None
    if body.url is not None:
        from ..ingest.fetch import fetch_url_async

        fetched = await fetch_url_async(body.url, allow_private=state.allow_private_urls, limit=state.fetch_slots())
    return await anyio.to_thread.run_sync(_ingest_blocking, state, body, meta, fetched,
                                          limiter=state.ingest_limiter())


def _ingest_blocking(state: ServerState, body: IngestRequest, meta: Any, fetched: tuple[bytes, str] | None) -> Any:
    from ..ingest.sources import make_document
    from ..jobs import store_extractions

    if fetched is not None:
        raw, content_type = fetched
        doc = make_document(raw, source=body.url or "", is_html="html" in content_type, meta=meta)
    else:
        is_html = body.html is not None
        text = (body.html if is_html else body.text) or ""
        doc = make_document(text.encode("utf-8"), source="api:html" if is_html else "api:text", is_html=is_html,
                            meta=meta)
    with state.ingest_lock:
        duplicate = bool(_read(state, lambda store: store.has_documents([doc.id])))
        n_events = n_relations = 0
        if not duplicate:
            extraction = next(iter(state.pipeline().extract([doc])))
            # Writes go through the one connection opened at start, with every reader out of the way.
            with state.access.writing():
                store_extractions(state.root, [extraction])  # as 'detente ingest' does
            n_events, n_relations = len(extraction.events), len(extraction.relation_claims)
        summary = _read(state, lambda store: queries.get_document(store, doc.id))
    if summary is None:
        raise HTTPException(500, f"document {doc.id} was written but cannot be read back")
    return {"ok": True, "stored": not duplicate, "duplicate": duplicate, "document": summary,
            "events": n_events, "relations": n_relations}
