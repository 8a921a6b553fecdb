"""detente's exceptions and coded messages.

    DetenteError
     ├── InputError       a file, URL or record could not be read as an article
     ├── DataFileError    a bundled data file is malformed
     ├── StoreError       the DuckDB store is unusable (wrong schema, locked)
     └── ConfigError      an option or setting is invalid

Messages carry a code (``E101``) so bug reports can quote something searchable.
"""

from __future__ import annotations


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


def reject(code: str, **kw: object) -> InputError:
    """Build the ``InputError`` for reject reason ``code`` with its placeholders."""
    return InputError(REJECT_REASONS[code].format(**kw), code)
