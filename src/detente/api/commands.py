"""CLI commands of the API and dashboard (serve), registered on the main app."""

from typing import Any


def register(app: Any) -> None:
    """Add the serving commands to the Typer ``app``."""
