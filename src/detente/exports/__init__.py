"""Exports: the store's events and relations in formats other tools read.

Consumes the store (events, their event groups from ``network.dedup``, and the
relations of ``network.dyads``); writes one file per call.  Every format is an
``Exporter`` in one registry, and the built-ins register themselves exactly as
an add-on would: ``register_exporter(Exporter(...))`` at import, or an entry
point in the ``detente.exporters`` group naming a module-level ``Exporter``.

Built-ins: ``gdelt`` (GDELT 2.0 event TSV, 61 columns, no header), ``plover``
(PLOVER JSONL, one record per event group), ``graphml`` and ``gexf`` (the
relations network), ``parquet`` and ``csv`` (the events table with its group).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..network.dyads import Filters

ENTRY_POINT_GROUP = "detente.exporters"


@dataclass(frozen=True, slots=True)
class Exporter:
    """A named export format: ``write(store, path, filters=...)`` returns the number of records written."""

    name: str
    suffix: str
    help: str
    write: Callable[..., int]


_REGISTRY: dict[str, Exporter] = {}


def register_exporter(exporter: Exporter) -> Exporter:
    """Add ``exporter`` to the registry (a later registration of the same name replaces it)."""
    _REGISTRY[exporter.name] = exporter
    return exporter


def exporters() -> dict[str, Exporter]:
    """Every registered exporter by name, entry-point add-ons included."""
    from importlib.metadata import entry_points

    for ep in entry_points(group=ENTRY_POINT_GROUP):
        if ep.name not in _REGISTRY:
            register_exporter(ep.load())
    return dict(sorted(_REGISTRY.items()))


def export(store: Any, fmt: str, output: str | Path, *, filters: Filters = Filters()) -> int:
    """Write the store in format ``fmt`` to ``output``.

    Args:
        store: the store to read.
        fmt: a registered exporter name (see ``exporters()``).
        output: the file to write (its folder is created).
        filters: dates and outlets to keep.

    Returns:
        The number of records written.

    Raises:
        ConfigError: for an unknown format.
    """
    known = exporters()
    if fmt not in known:
        raise ConfigError(f"unknown export format {fmt!r}; choose one of: {', '.join(known)}")
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    return known[fmt].write(store, path, filters=filters)


def _register_builtins() -> None:
    from . import _gdelt, _graph, _plover, _tables

    for module in (_gdelt, _plover, _graph, _tables):
        for exporter in module.EXPORTERS:
            register_exporter(exporter)


_register_builtins()

__all__ = ["ENTRY_POINT_GROUP", "Exporter", "export", "exporters", "register_exporter"]
