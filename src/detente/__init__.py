"""detente: a sourced, time-aware map of who stands with whom, from international news."""

import logging

from .model import (
    Actor,
    DateBasis,
    Document,
    Event,
    EventDate,
    Extraction,
    Mention,
    Rejected,
    RelationClaim,
    Sentence,
)

__version__ = "0.1.0"
__all__ = [
    "Actor",
    "DateBasis",
    "Document",
    "Event",
    "EventDate",
    "Extraction",
    "Mention",
    "Rejected",
    "RelationClaim",
    "Sentence",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())
