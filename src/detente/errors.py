"""detente's exceptions, its table of error codes, and the two renderers (CLI and API).

    DetenteError
     ├── InputError       a file, URL or record could not be read as an article
     ├── DataFileError    a bundled data file is malformed
     ├── StoreError       the DuckDB store is unusable (wrong schema, locked)
     └── ConfigError      an option or setting is invalid

Every error detente reports has a code in ``ERRORS`` (one table): the HTTP
status the API answers with, and the exit code the CLI ends with.  The API
renders every error as ``{"ok": false, "error": "...", "code": "...",
"status": N}`` (``api_error``); the CLI prints one line ``error: [CODE]
message`` and exits with the table's code (``cli_error``); ``--debug`` shows
the traceback instead.

Exit codes (the contract; the README has the same table):

    0  done
    1  done in part: some inputs were rejected (each listed with its reason)
    2  usage: a bad option, argument or input path (nothing was done)
    3  store or configuration: the store cannot be opened or written, a setting or data file is invalid
    4  internal error: a bug in detente (rerun with --debug and report the traceback)
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_STORE_OR_CONFIG = 3
EXIT_INTERNAL = 4


@dataclass(frozen=True, slots=True)
class ErrorCode:
    """One row of the error table."""

    code: str
    status: int  # HTTP status the API answers with
    exit: int  # CLI exit code
    title: str  # what the code means, for the README and the OpenAPI description


ERRORS: dict[str, ErrorCode] = {e.code: e for e in (
    # detente's own exceptions
    ErrorCode("E000", 500, EXIT_INTERNAL, "unclassified detente error"),
    ErrorCode("E101", 400, EXIT_USAGE, "an input could not be read as an article"),
    ErrorCode("E201", 500, EXIT_STORE_OR_CONFIG, "a bundled data file is malformed (reinstall detente)"),
    ErrorCode("E301", 503, EXIT_STORE_OR_CONFIG, "the store is unusable (missing, locked, wrong schema)"),
    ErrorCode("E401", 400, EXIT_STORE_OR_CONFIG, "an option or setting is invalid"),
    # reasons an input is rejected (API: the article sent or fetched; CLI ingest: listed, exit 1)
    ErrorCode("R01", 400, EXIT_PARTIAL, "unreadable input"),
    ErrorCode("R02", 400, EXIT_PARTIAL, "binary content, not text or HTML"),
    ErrorCode("R03", 400, EXIT_PARTIAL, "empty after cleaning"),
    ErrorCode("R04", 413, EXIT_PARTIAL, "too large"),
    ErrorCode("R05", 400, EXIT_PARTIAL, "not English"),
    ErrorCode("R06", 400, EXIT_PARTIAL, "unsupported file type"),
    ErrorCode("R07", 400, EXIT_PARTIAL, "HTML had no extractable main text"),
    ErrorCode("R08", 400, EXIT_PARTIAL, "fetch failed or URL refused"),
    # HTTP-level errors of the API
    ErrorCode("H400", 400, EXIT_USAGE, "bad request (e.g. a Host header not on the allow-list)"),
    ErrorCode("H401", 401, EXIT_USAGE, "missing or wrong bearer token"),
    ErrorCode("H403", 403, EXIT_USAGE, "ingest over HTTP is off (no token set)"),
    ErrorCode("H404", 404, EXIT_USAGE, "not found"),
    ErrorCode("H405", 405, EXIT_USAGE, "method not allowed"),
    ErrorCode("H413", 413, EXIT_USAGE, "request body too large"),
    ErrorCode("H422", 422, EXIT_USAGE, "invalid request parameters or body"),
    ErrorCode("H500", 500, EXIT_INTERNAL, "internal error (a bug: see the server log)"),
    ErrorCode("H503", 503, EXIT_STORE_OR_CONFIG, "not available (busy, or a stage not installed)"),
)}


class DetenteError(Exception):
    """Base class of every error detente raises on purpose."""

    code = "E000"

    def __init__(self, message: str) -> None:
        super().__init__(f"[{self.code}] {message}")
        self.message = message


class InputError(DetenteError):
    """An input could not be read as an article; ``reject`` is its R-code."""

    code = "E101"

    def __init__(self, message: str, reject: str = "R01") -> None:
        super().__init__(message)
        self.reject = reject


class DataFileError(DetenteError):
    code = "E201"


class StoreError(DetenteError):
    code = "E301"


class ConfigError(DetenteError):
    code = "E401"


# Reasons an input is rejected during ingestion (code, template).
REJECT_REASONS: dict[str, str] = {
    "R01": "unreadable: {detail}",
    "R02": "binary content, not text or HTML",
    "R03": "empty after cleaning",
    "R04": "too large ({size} bytes > {limit})",
    "R05": "not English (detected: {detail})",
    "R06": "unsupported file type {detail}",
    "R07": "HTML had no extractable main text",
    "R08": "fetch failed: {detail}",
    "R09": "not a regular file ({detail})",
    "R10": "extraction failed: {detail}",
    "R11": "invalid field: {detail}",
}


# A reject reason without its own row above gets the rows' common status and exit code.
for _code, _template in REJECT_REASONS.items():
    ERRORS.setdefault(_code, ErrorCode(_code, 400, EXIT_PARTIAL, _template.split(":")[0].split(" {")[0]))


def reject(code: str, **kw: object) -> InputError:
    """Build the ``InputError`` for reject reason ``code`` with its placeholders."""
    return InputError(REJECT_REASONS[code].format(**kw), code)


def error_code(exc: BaseException) -> ErrorCode:
    """The table row of ``exc`` (an input error by its R-code; anything not detente's own is internal)."""
    if isinstance(exc, InputError) and exc.reject in ERRORS:
        return ERRORS[exc.reject]
    if isinstance(exc, DetenteError):
        return ERRORS.get(exc.code, ERRORS["E000"])
    return ERRORS["H500"]


def http_code(status: int) -> str:
    """The table's code for an HTTP-level error of ``status`` (the closest class when not listed)."""
    code = f"H{status}"
    if code in ERRORS:
        return code
    return "H500" if status >= 500 else "H400"


def api_error(exc: BaseException) -> tuple[int, dict[str, object]]:
    """The API's rendering of ``exc``: (HTTP status, ``{"ok": false, "error", "code", "status"}``)."""
    row = error_code(exc)
    if isinstance(exc, InputError):
        message = f"{exc.reject}: {exc.message}"
    elif isinstance(exc, DetenteError):
        message = str(exc)
    else:
        message = f"internal error ({type(exc).__name__}); see the server log"
    return row.status, error_body(row.status, message, row.code)


def error_body(status: int, message: str, code: str | None = None) -> dict[str, object]:
    """The one JSON shape of every API error."""
    return {"ok": False, "error": message, "code": code or http_code(status), "status": status}


def cli_error(exc: BaseException) -> tuple[str, int]:
    """The CLI's rendering of ``exc``: (one line for stderr, exit code)."""
    row = error_code(exc)
    if isinstance(exc, InputError):  # the command's own input (a path, a line): nothing was done
        return f"error: [{exc.reject}] {exc.message}", EXIT_USAGE
    if isinstance(exc, DetenteError):
        return f"error: {exc}", row.exit
    if isinstance(exc, OSError) and exc.filename is not None:  # a path given on the command line
        return f"error: [E101] cannot read {exc.filename}: {exc.strerror or exc}", EXIT_USAGE
    return (f"error: [{row.code}] internal error ({type(exc).__name__}: {exc}); rerun with --debug for the "
            "traceback and report it", row.exit)
