"""The one JSON shape of actors and pairs in every command and route.

An actor or node is ``{"id", "name"}``; a pair is ``"a"`` and ``"b"``, each such a reference; a triad is
``"triad"``, a list of three (and the tie under pressure in it, ``"pressure"``, a pair); who said a report is
``"said_by"``, such a reference or null (``speaker_ref``).  The records of the network stage keep their own
fields (the report reads them); the CLI's ``--json``/``--csv`` and the API pass their ``to_dict()`` through
``public_record`` on the way out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def ref(ident: str, name: str | None) -> dict[str, str]:
    return {"id": ident, "name": name or ident}


def speaker_ref(ident: str | None, name: str | None) -> dict[str, str | None] | None:
    """Who said it, in the one shape: ``{id, name}`` (``id`` null when the speaker resolved to no stored actor),
    or None when the outlet itself asserts it."""
    if ident:
        return ref(ident, name)
    return {"id": None, "name": name} if name else None


def public_record(record: Mapping[str, Any], names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """``record`` with its pair or triad as ``{id, name}`` references (names from the record, else ``names``)."""
    out = dict(record)
    names = names or {}
    if "a" in out and "b" in out and not isinstance(out["a"], dict):
        a_name, b_name = out.pop("a_name", None), out.pop("b_name", None)
        out["a"] = ref(out["a"], a_name or names.get(out["a"]))
        out["b"] = ref(out["b"], b_name or names.get(out["b"]))
    if "triad" in out and out["triad"] and not isinstance(out["triad"][0], dict):
        given = out.pop("names", None) or [names.get(i) for i in out["triad"]]
        out["triad"] = [ref(i, n) for i, n in zip(out["triad"], given)]
    pressure = out.get("pressure")
    if isinstance(pressure, Mapping) and "a" in pressure and not isinstance(pressure["a"], dict):
        known = {**names, **{r["id"]: r["name"] for r in out.get("triad") or () if isinstance(r, dict)}}
        out["pressure"] = {**pressure, "a": ref(pressure["a"], known.get(pressure["a"])),
                           "b": ref(pressure["b"], known.get(pressure["b"]))}
    return out
