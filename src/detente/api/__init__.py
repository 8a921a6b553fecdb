"""The HTTP API (FastAPI) over the store."""
