"""Option parsing shared by the CLI's commands (the main app and the commands registered by the stages)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import typer

from .network.dyads import Filters


def parse_day(value: Optional[str], name: str) -> dt.date | None:
    """An ISO date option, or None; a bad value is a usage error naming the option."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)", param_hint=name) from None


def make_filters(since: Optional[str], until: Optional[str], outlets: Optional[list[str]],
                 exclude: Optional[list[str]]) -> Filters:
    """The window and outlet filters of ``--since``, ``--until``, ``--outlet`` and ``--exclude-outlet``."""
    return Filters(parse_day(since, "--since"), parse_day(until, "--until"), tuple(outlets or ()), tuple(exclude or ()))
