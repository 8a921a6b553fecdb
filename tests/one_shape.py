"""The walker of issue 15's one JSON shape: wherever a command's ``--json``, a route or the report's JSON gives an
actor, a node or a speaker, it must be ``{id, name}``; a bare string there is a defect.  Shared by the report's
tests (tests/network/test_report_network.py), the CLI contract (tests/test_cli_contract.py) and the routes'
(tests/api/test_routes.py)."""

from __future__ import annotations

from typing import Any

# Keys whose value is an actor or node reference (or a list of them); said_by and a dyad item's target may be null.
REF_KEYS = {"a", "b", "said_by", "source", "target"}
# Keys whose value is a list of references (a triad, the report's network nodes).
REF_LIST_KEYS = {"triad", "nodes"}
# Keys of the shapes before the one shape: a name or a speaker beside its id, as flat fields.
OLD_KEYS = {"a_name", "b_name", "names", "speaker", "speaker_id", "said_by_name", "said_by_actor"}


def refs_in(value: Any, path: str = "$") -> tuple[list[tuple[str, Any]], list[str]]:
    """Every (path, reference) of ``value`` (a JSON document), and the paths of keys of the old shapes."""
    refs: list[tuple[str, Any]] = []
    old: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}"
            if key in OLD_KEYS:
                old.append(where)
            if key in REF_KEYS and isinstance(item, list):
                refs += [(f"{where}[{i}]", r) for i, r in enumerate(item)]
            elif key in REF_KEYS and item is not None:
                refs.append((where, item))
            elif key in REF_LIST_KEYS:
                refs += [(f"{where}[{i}]", r) for i, r in enumerate(item)]
            sub_refs, sub_old = refs_in(item, where)
            refs, old = refs + sub_refs, old + sub_old
    elif isinstance(value, list):
        for i, item in enumerate(value):
            sub_refs, sub_old = refs_in(item, f"{path}[{i}]")
            refs, old = refs + sub_refs, old + sub_old
    return refs, old


def is_ref(r: Any) -> bool:
    """``{id, name}`` with a name (the id of a speaker that resolved to no stored actor is null)."""
    return isinstance(r, dict) and set(r) == {"id", "name"} and bool(r["name"]) and (
        r["id"] is None or isinstance(r["id"], str) and bool(r["id"]))


def assert_one_shape(data: Any) -> set[tuple[str, str]]:
    """Fail on any reference not ``{id, name}`` and on any key of an old shape; return the (section, key) of each
    reference found: "$.balance[0].triad[1]" -> ("balance", "triad"), "$[3].source[0]" -> ("", "source")."""
    refs, old = refs_in(data)
    assert old == []
    bad = [(where, r) for where, r in refs if not is_ref(r)]
    assert bad == []
    kinds = set()
    for where, _ in refs:
        parts = where.split(".")
        section = parts[1].split("[")[0] if len(parts) > 2 else ""
        kinds.add((section, parts[-1].split("[")[0]))
    return kinds
