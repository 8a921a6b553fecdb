"""Evaluation against public gold data (``detente eval``)."""
