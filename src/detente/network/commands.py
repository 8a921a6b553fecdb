"""CLI commands of the network stage (shifts, balance, export), registered on the main app."""

from typing import Any


def register(app: Any) -> None:
    """Add the network commands to the Typer ``app``."""
