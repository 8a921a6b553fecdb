"""Read articles: files, folders, standard input, manifests and HTML.

Consumes paths (``.txt``, ``.html``/``.htm``, folders searched recursively,
``-`` for standard input) and manifests (CSV or JSONL with ``path`` or
``url`` and optional ``outlet``, ``published``, ``title``, ``language``).
Produces ``Document`` records, or ``Rejected`` records saying why an input
was not read.  Nothing here touches the store or the network: URLs in a
manifest are handed to ``detente.ingest.fetch``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import InputError, reject
from ..model import DateBasis, Document, Rejected
from .clean import clean_text
from .dates import infer_document_date, parse_date

# Articles above this size are rejected: the longest news feature is a few
# hundred KB of HTML; multi-megabyte inputs are dumps or binaries.
MAX_BYTES = 5_000_000
# A text is taken as English when at least this share of its words are
# common English function words (news English: 0.25-0.45; French, German,
# Russian or Arabic text: under 0.05).
MIN_ENGLISH_RATIO = 0.12
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}

_ENGLISH = set(
    "the of and to in a is that for on with as was by it at from he his be are has have had said not "
    "this which an but they its were their been who will would also after more than or".split()
)


@dataclass(frozen=True, slots=True)
class Meta:
    """What a manifest or the command line says about an input."""

    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None
    language: str | None = None
    url: str | None = None


def english_ratio(text: str) -> float:
    """Share of the words of ``text`` that are common English function words."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0
    return sum(w in _ENGLISH for w in words) / len(words)


def _decode(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise reject("R02")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = raw.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise reject("R01", detail=f"{source} is neither UTF-8 nor cp1252") from exc
    if sum(ch.isprintable() or ch.isspace() for ch in text) < 0.95 * len(text):
        raise reject("R02")
    return text


def _from_html(html: str, source: str) -> tuple[str, Meta, str]:
    """Main text and metadata of an HTML page (trafilatura), with the raw text for date clues."""
    import trafilatura  # imported here: it takes ~0.3 s and only HTML needs it

    extracted = trafilatura.bare_extraction(html, with_metadata=True, favor_recall=True)
    if extracted is None or not (extracted.text or "").strip():
        raise reject("R07")
    published = None
    if extracted.date:
        try:
            published = parse_date(extracted.date)
        except ValueError:
            published = None
    meta = Meta(
        outlet=extracted.sitename or None,
        published=published,
        title=extracted.title or None,
        url=extracted.url or None,
        language=extracted.language or None,
    )
    return extracted.text, meta, extracted.text


def make_document(
    raw: bytes,
    *,
    source: str,
    is_html: bool,
    meta: Meta = Meta(),
    date: dt.date | None = None,
) -> Document:
    """Turn raw bytes into a ``Document``.

    Args:
        raw: the file or HTTP body.
        source: a path or URL, for messages and provenance.
        is_html: parse with trafilatura rather than as plain text.
        meta: what a manifest (or API call) says; it wins over the page's own metadata.
        date: the ``--date`` option, used when neither manifest nor page gives one.

    Raises:
        InputError: the input is binary, empty, oversized, not English or unreadable.
    """
    if len(raw) > MAX_BYTES:
        raise reject("R04", size=len(raw), limit=MAX_BYTES)
    text = _decode(raw, source)
    if not text.strip():
        raise reject("R03")
    page = Meta()
    if is_html or text.lstrip()[:15].lower().startswith(("<!doctype html", "<html")):
        text, page, _ = _from_html(text, source)
    cleaned = clean_text(text)
    if not cleaned.text.strip():
        raise reject("R03")
    language = meta.language or page.language
    if language and not language.lower().startswith("en"):
        raise reject("R05", detail=language)
    ratio = english_ratio(cleaned.text)
    if ratio < MIN_ENGLISH_RATIO:
        raise reject("R05", detail=f"{ratio:.0%} English function words")

    if meta.published:
        published, basis, date_text = meta.published, DateBasis.MANIFEST, None
    elif page.published:
        published, basis, date_text = page.published, DateBasis.HTML, None
    elif date:
        published, basis, date_text = date, DateBasis.OPTION, None
    else:
        inferred = infer_document_date(text)
        published, basis, date_text = inferred.date, inferred.basis, inferred.text
    return Document(
        id=Document.make_id(cleaned.text),
        text=cleaned.text,
        title=meta.title or page.title,
        outlet=meta.outlet or page.outlet,
        url=meta.url or page.url,
        source_path=source,
        published=published,
        date_basis=basis,
        date_text=date_text,
        language="en",
    )


def _read_one(path: Path, meta: Meta, date: dt.date | None) -> Document | Rejected:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        return _rejected(str(path), reject("R06", detail=suffix or "(none)"))
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return _rejected(str(path), reject("R01", detail=exc.strerror or str(exc)))
    try:
        return make_document(raw, source=str(path), is_html=suffix in HTML_SUFFIXES, meta=meta, date=date)
    except InputError as exc:
        return _rejected(str(path), exc)


def _rejected(source: str, exc: InputError) -> Rejected:
    return Rejected(source, exc.message, exc.reject)


def _walk(path: Path) -> Iterator[Path]:
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES:
                if child.name.lower() not in {"readme.md", "license.md"}:
                    yield child
    else:
        yield path


def read_manifest(path: Path) -> list[tuple[str, Meta]]:
    """Read a CSV or JSONL manifest into (path-or-url, metadata) pairs.

    Relative paths are taken relative to the manifest's folder.

    Raises:
        InputError: the manifest is unreadable or a row has neither ``path`` nor ``url``.
    """
    try:
        body = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"manifest {path} is unreadable: {exc}") from exc
    rows: list[dict[str, str]]
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        rows = []
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append({k: "" if v is None else str(v) for k, v in json.loads(line).items()})
            except (json.JSONDecodeError, AttributeError) as exc:
                raise InputError(f"manifest {path} line {n} is not a JSON object: {exc}") from exc
    else:
        rows = list(csv.DictReader(io.StringIO(body)))
    out: list[tuple[str, Meta]] = []
    for n, row in enumerate(rows, 2):
        target = (row.get("path") or "").strip()
        url = (row.get("url") or "").strip()
        if not target and not url:
            raise InputError(f"manifest {path} row {n} has neither 'path' nor 'url'")
        published = None
        if (row.get("published") or "").strip():
            try:
                published = parse_date(row["published"])
            except ValueError as exc:
                raise InputError(f"manifest {path} row {n}: 'published' {row['published']!r} is not an ISO date") from exc
        meta = Meta(
            outlet=(row.get("outlet") or "").strip() or None,
            published=published,
            title=(row.get("title") or "").strip() or None,
            language=(row.get("language") or "").strip() or None,
            url=url or None,
        )
        out.append((url if not target else str((path.parent / target).resolve()), meta))
    return out


def iter_documents(
    paths: Iterable[str],
    *,
    manifest: Path | None = None,
    date: dt.date | None = None,
    outlet: str | None = None,
    stdin: io.TextIOBase | None = None,
    allow_private: bool = False,
) -> Iterator[Document | Rejected]:
    """Yield a ``Document`` or a ``Rejected`` for every input, one at a time (streamed).

    Paths listed in the manifest get its metadata even when they are also
    given on the command line; a file is read once.
    """
    listed: dict[str, Meta] = {}
    order: list[str] = []
    queued: set[str] = set()
    if manifest is not None:
        for target, meta in read_manifest(manifest):
            listed[target] = meta
            order.append(target)
            queued.add(target)
    for p in paths:
        if p == "-":
            order.append("-")
            continue
        for f in _walk(Path(p)):
            key = str(f.resolve())
            if key not in queued:
                queued.add(key)
                order.append(key)
    seen: set[str] = set()
    for target in order:
        if target in seen:
            continue
        seen.add(target)
        meta = listed.get(target, Meta())
        if outlet and not meta.outlet:
            meta = replace(meta, outlet=outlet)
        if target == "-":
            if stdin is None:
                import sys

                stdin = sys.stdin  # type: ignore[assignment]
            raw = stdin.read().encode("utf-8") if stdin else b""
            try:
                yield make_document(raw, source="<stdin>", is_html=False, meta=meta, date=date)
            except InputError as exc:
                yield _rejected("<stdin>", exc)
        elif re.match(r"https?://", target):
            from .fetch import fetch_url

            try:
                body, content_type = fetch_url(target, allow_private=allow_private)
                yield make_document(body, source=target, is_html="html" in content_type, meta=meta, date=date)
            except InputError as exc:
                yield _rejected(target, exc)
        elif not Path(target).exists():
            yield _rejected(target, reject("R01", detail="no such file"))
        else:
            yield _read_one(Path(target), meta, date)
