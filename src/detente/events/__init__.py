"""Events and claims: who did or said what to whom, coded, attributed and qualified."""

from . import change_rules, modality_rules  # noqa: F401  (register the change and modality rules once, at import, not in a worker thread)
from .extract import EventCoder
from .lexicon import Lexicon, load_lexicon
from .relations import RelationReader

__all__ = ["EventCoder", "Lexicon", "RelationReader", "load_lexicon"]
