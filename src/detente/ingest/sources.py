"""Read articles: files, folders, standard input, manifests and HTML.

Consumes paths (``.txt``, ``.html``/``.htm``, folders searched recursively,
``-`` for standard input) and manifests (CSV or JSONL with ``path`` or
``url`` and optional ``outlet``, ``published``, ``title``, ``language``).
Produces ``Document`` records, or ``Rejected`` records saying why an input
was not read.  Nothing here touches the store or the network: URLs in a
manifest are handed to ``detente.ingest.fetch``.
"""

from __future__ import annotations

import codecs
import csv
import errno
import os
import stat
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


_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})"""
                       rb"""|<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_.:-]{2,40})""", re.I)


def declared_charset(raw: bytes) -> str | None:
    """The charset an HTML page declares in its first 4 KB (``<meta charset>``, ``http-equiv``, XML
    declaration), if Python knows it."""
    m = _DECLARED.search(raw[:4096])
    if not m:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(raw: bytes, source: str, *, html: bool = False) -> str:
    """Decode an article: by its byte-order mark (UTF-8/16/32), by the charset an HTML page declares,
    as UTF-8, or by detection (charset-normalizer, a well-kept detector: guessing legacy code pages by
    hand goes wrong on CJK and Cyrillic pages).

    Raises:
        InputError: R02 when the bytes are binary, R01 when no charset decodes them.
    """
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError as exc:
                raise reject("R01", detail=f"{source} has a {codec} byte-order mark but is not {codec}") from exc
    if b"\x00" in raw[:8192]:
        raise reject("R02")
    declared = declared_charset(raw) if html or raw.lstrip()[:1] == b"<" else None
    if declared:
        try:
            return raw.decode(declared)
        except UnicodeDecodeError:
            pass  # the declaration is wrong: fall through to UTF-8 and detection
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise reject("R01", detail=f"{source}: no known text encoding decodes it")
    text = raw.decode(best.encoding, errors="replace")
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
    text = decode_bytes(raw, source, html=is_html)
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


def display_name(path: str | Path) -> str:
    """A path as text that any output can carry: bytes of a name that are not UTF-8 (which Python keeps
    as lone surrogates) are shown as ``\\xNN`` escapes."""
    return os.fsencode(str(path)).decode("utf-8", "backslashreplace")


def read_bounded(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, checked before reading.

    The file is opened without blocking and checked with ``fstat`` on the open descriptor, so a FIFO
    or device is refused without waiting on it, and an oversized file is refused without reading it.

    Raises:
        InputError: R09 not a regular file (FIFO, device, folder, symlink loop), R04 too large,
            R01 unreadable.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise reject("R09", detail="symlink loop") from exc
        raise reject("R01", detail=exc.strerror or str(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            kind = "FIFO" if stat.S_ISFIFO(info.st_mode) else "folder" if stat.S_ISDIR(info.st_mode) else "device"
            raise reject("R09", detail=kind)
        if info.st_size > limit:
            raise reject("R04", size=info.st_size, limit=limit)
        chunks: list[bytes] = []
        size = 0
        while size <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        if size > limit:  # the file grew while being read
            raise reject("R04", size=size, limit=limit)
        return b"".join(chunks)
    except OSError as exc:
        raise reject("R01", detail=exc.strerror or str(exc)) from exc
    finally:
        os.close(fd)


def _read_one(path: Path, meta: Meta, date: dt.date | None) -> Document:
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        hint = " (a manifest? pass it as --manifest FILE)" if suffix in {".csv", ".jsonl"} else ""
        raise reject("R06", detail=(suffix or "(none)") + hint)
    raw = read_bounded(path)
    return make_document(raw, source=display_name(path), is_html=suffix in HTML_SUFFIXES, meta=meta, date=date)


def _rejected(source: str, exc: InputError) -> Rejected:
    return Rejected(source, exc.message, exc.reject)


def _walk(path: Path) -> Iterator[Path]:
    """The article files under a folder (symlinked folders are not entered, so no loop), or the path itself."""
    if path.is_dir():
        found: list[Path] = []
        for root, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in files:
                child = Path(root) / name
                if child.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES and \
                        child.name.lower() not in {"readme.md", "license.md"}:
                    found.append(child)
        yield from sorted(found)
    else:
        yield path


def _key(path: Path) -> str:
    """The identity of a file for reading it once: its resolved path (the plain absolute path when a
    symlink loop makes it unresolvable)."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):
        return os.path.abspath(path)


# Longest manifest accepted (a manifest of 10,000 articles with long titles is ~5 MB).
MAX_MANIFEST_BYTES = 100_000_000


def read_manifest(path: Path) -> list[tuple[str, Meta] | Rejected]:
    """Read a CSV or JSONL manifest into (path-or-url, metadata) pairs.

    Relative paths are taken relative to the manifest's folder.  A bad row (not a JSON object, neither
    ``path`` nor ``url``, a bad date) becomes a ``Rejected`` naming the row; the other rows are kept.

    Raises:
        InputError: the manifest itself is missing, not a regular file, too large or not UTF-8.
    """
    try:
        # surrogateescape: a path column may name a file whose name is not UTF-8 (it maps back to the
        # same bytes on the file system); other columns are cleaned in _manifest_row.
        body = read_bounded(path, MAX_MANIFEST_BYTES).decode("utf-8", "surrogateescape").removeprefix("\ufeff")
    except InputError as exc:
        raise InputError(f"manifest {display_name(path)}: {exc.message}") from None
    where = display_name(path)
    rows: list[tuple[int, dict[str, str] | Rejected]] = []
    if path.suffix.lower() in {".jsonl", ".ndjson"}:
        for n, line in enumerate(body.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line) if len(line) < 1_000_000 else None
                if not isinstance(obj, dict):
                    raise ValueError("not a JSON object")
                rows.append((n, {str(k): "" if v is None else str(v) for k, v in obj.items()}))
            except (ValueError, RecursionError) as exc:
                rows.append((n, _row_rejected(where, n, f"not a JSON object ({type(exc).__name__})")))
    else:
        reader = csv.DictReader(io.StringIO(body))
        n = 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                n = reader.line_num
                rows.append((n, _row_rejected(where, n, f"not CSV ({exc})")))
                continue
            n = reader.line_num
            rows.append((n, {str(k): "" if v is None else str(v) for k, v in row.items() if k is not None}))
    out: list[tuple[str, Meta] | Rejected] = []
    for n, row in rows:
        if isinstance(row, Rejected):
            out.append(row)
            continue
        try:
            out.append(_manifest_row(path, row, n))
        except (InputError, ValueError, OSError, RuntimeError) as exc:
            out.append(_row_rejected(where, n, getattr(exc, "message", None) or str(exc)))
    return out


def _row_rejected(manifest: str, n: int, reason: str) -> Rejected:
    return Rejected(f"{manifest} row {n}", reject("R11", detail=reason).message, "R11")


_SURROGATES = re.compile("[\ud800-\udfff]")


def _manifest_row(path: Path, row: dict[str, str], n: int) -> tuple[str, Meta]:
    target = (row.get("path") or "").strip()
    row = {k: _SURROGATES.sub("\ufffd", v) for k, v in row.items()}  # bytes that were not UTF-8, outside paths
    url = (row.get("url") or "").strip()
    if not target and not url:
        raise InputError("neither 'path' nor 'url'")
    published = None
    if (row.get("published") or "").strip():
        try:
            published = parse_date(row["published"])
        except ValueError as exc:
            raise InputError(f"'published' {row['published'][:40]!r} is not an ISO date in range ({exc})") from None
    meta = Meta(
        outlet=(row.get("outlet") or "").strip() or None,
        published=published,
        title=(row.get("title") or "").strip() or None,
        language=(row.get("language") or "").strip() or None,
        url=url or None,
    )
    if "\x00" in target:
        raise InputError("'path' contains a NUL character")
    return (url if not target else _key(path.parent / target)), meta


def _read_stdin(stdin: io.TextIOBase | None) -> bytes:
    """Standard input as bytes, at most ``MAX_BYTES + 1`` of them (the size check then rejects)."""
    if stdin is None:
        import sys

        stdin = sys.stdin  # type: ignore[assignment]
    if stdin is None:
        return b""
    buffer = getattr(stdin, "buffer", None)
    if buffer is not None:
        return buffer.read(MAX_BYTES + 1)
    return stdin.read(MAX_BYTES + 1).encode("utf-8", "replace")


@dataclass(frozen=True, slots=True)
class InputItem:
    """One input to read: a file path, a URL or ``-`` (standard input), with what the manifest and the command
    line say about it; ``source`` is how messages and provenance name it."""

    target: str
    source: str
    meta: Meta = Meta()


def iter_documents(
    paths: Iterable[str],
    *,
    manifest: Path | None = None,
    date: dt.date | None = None,
    outlet: str | None = None,
    stdin: io.TextIOBase | None = None,
    allow_private: bool = False,
    debug: bool = False,
) -> Iterator[Document | Rejected]:
    """Yield a ``Document`` or a ``Rejected`` for every input, one at a time (streamed).

    Paths listed in the manifest get its metadata even when they are also
    given on the command line; a file is read once.  Reading one input is contained: whatever it
    raises becomes that input's ``Rejected`` (the traceback kept when ``debug``).
    """
    for item in plan_inputs(paths, manifest=manifest, outlet=outlet):
        yield item if isinstance(item, Rejected) else read_input(item, date=date, stdin=stdin,
                                                                 allow_private=allow_private, debug=debug)


def plan_inputs(paths: Iterable[str], *, manifest: Path | None = None,
                outlet: str | None = None) -> Iterator[InputItem | Rejected]:
    """The inputs ``iter_documents`` reads, in its order, each once, without reading any of them (folders are
    walked, the manifest is read); a manifest row or a path that cannot be listed comes as its ``Rejected``.
    Engines that read elsewhere (``detente.engines.ray_engine``) hand the items to ``read_input``."""
    listed: dict[str, Meta] = {}
    order: list[str] = []
    queued: set[str] = set()
    early: list[Rejected] = []
    if manifest is not None:
        for item in read_manifest(manifest):
            if isinstance(item, Rejected):
                early.append(item)
                continue
            target, meta = item
            listed[target] = meta
            order.append(target)
            queued.add(target)
    yield from early
    for p in paths:
        if p == "-":
            order.append("-")
            continue
        try:
            files = list(_walk(Path(p)))
        except OSError as exc:
            yield Rejected(display_name(p), reject("R01", detail=exc.strerror or str(exc)).message, "R01")
            continue
        for f in files:
            key = _key(f)
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
        source = "<stdin>" if target == "-" else target if re.match(r"https?://", target) else display_name(target)
        yield InputItem(target, source, meta)


def read_input(item: InputItem, *, date: dt.date | None = None, stdin: io.TextIOBase | None = None,
               allow_private: bool = False, debug: bool = False) -> Document | Rejected:
    """Read one input into a ``Document``; whatever goes wrong becomes its ``Rejected`` (the reading side of
    the one failure boundary)."""
    try:
        return _read_target(item.target, item.source, item.meta, date, stdin, allow_private)
    except Exception as exc:  # noqa: BLE001 - one input never stops the batch (see pipeline.run)
        return Rejected.from_exception(item.source, exc, debug)


def _read_target(target: str, source: str, meta: Meta, date: dt.date | None, stdin: io.TextIOBase | None,
                 allow_private: bool) -> Document:
    if target == "-":
        return make_document(_read_stdin(stdin), source=source, is_html=False, meta=meta, date=date)
    if re.match(r"https?://", target):
        from .fetch import fetch_url

        body, content_type = fetch_url(target, allow_private=allow_private)
        return make_document(body, source=target, is_html="html" in content_type, meta=meta, date=date)
    path = Path(target)
    if not path.exists() and not path.is_symlink():
        raise reject("R01", detail="no such file")
    return _read_one(path, meta, date)
