"""Following outlets: RSS/Atom feeds and sitemaps polled politely (``detente feeds``, ``detente watch``)."""

from .poll import PollSummary, Poller, canonical_url

__all__ = ["PollSummary", "Poller", "canonical_url"]
