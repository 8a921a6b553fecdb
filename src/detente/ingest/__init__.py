"""Ingestion: inputs in, ``Document`` or ``Rejected`` records out."""

from .clean import clean_text
from .sources import Meta, iter_documents, make_document, read_manifest

__all__ = ["Meta", "clean_text", "iter_documents", "make_document", "read_manifest"]
