"""The store: one DuckDB file."""

from .duck import SCHEMA_VERSION, Store

__all__ = ["SCHEMA_VERSION", "Store"]
