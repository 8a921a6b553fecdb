"""detente's data files (formats and sources in the PROVENANCE notes beside them) and their one reader."""

from __future__ import annotations

import csv
from importlib import resources

from ..errors import DataFileError


def read_tsv(name: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows of the tab-separated data file ``name`` with their line numbers, checked column by column.

    Lines starting with ``#`` before the header are comments.

    Raises:
        DataFileError: the file is missing, lacks a column, or a line has the wrong number of fields.
    """
    path = resources.files(__name__).joinpath(name)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise DataFileError(f"data file {name} is missing from the package") from exc
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise DataFileError(f"data file {name} lacks columns {missing}; has {reader.fieldnames}")
    out = []
    for n, row in enumerate(reader, 2):
        if None in row or any(row.get(c) is None for c in columns):
            raise DataFileError(f"data file {name} line {n}: wrong number of columns")
        out.append((n, row))
    return out
