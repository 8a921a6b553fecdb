"""Actor codes for the event exports: CAMEO (GDELT) and PLOVER country + sector.

Vocabulary in data files: ``cameo_actors.tsv`` (detente organisation id -> CAMEO actor code and its
known-group element, derived from the CAMEO manual and the PETRARCH-2 dictionaries) and
``plover_codes.tsv`` (organisations that PLOVER codes as the UN ``UNO`` or the EU ``EUR``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

# CAMEO's primary role codes that detente's sectors map to one to one.
CAMEO_ROLES = frozenset("GOV MIL REB OPP PTY COP JUD SPY UAF BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG MED REF "
                        "AGR MOD RAD INS SEP NGO".split())
# detente sectors CAMEO writes with another code.
SECTOR_TO_CAMEO = {"JRN": "MED", "IGO": "", "PRM": "MIL"}
# Country-position codes that are not countries (CAMEO and PLOVER non-state "countries").
NON_COUNTRIES = frozenset({"IGO", "NGO", "IMG", "NGM", "MNC", "UNO", "EUR", "ISM"})
# detente's Kosovo code and PLOVER's (the manual uses KOS).
PLOVER_COUNTRY_FIXES = {"XKX": "KOS"}


def _tsv(name: str) -> list[dict[str, str]]:
    text = resources.files("detente.data").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader([line for line in text.splitlines() if line and not line.startswith("#")],
                               delimiter="\t"))


@cache
def cameo_groups() -> dict[str, tuple[str, str]]:
    """Organisation id -> (CAMEO actor code, known-group code)."""
    return {r["id"]: (r["cameo"], r["known_group"]) for r in _tsv("cameo_actors.tsv")}


@cache
def plover_codes() -> dict[str, str]:
    return {r["id"]: r["code"] for r in _tsv("plover_codes.tsv")}


def org_id(actor_id: str) -> str:
    """The organisation part of an actor id ('PSEREB:hamas' -> 'hamas'; 'RUSGOV' -> '')."""
    return actor_id.split(":", 1)[1] if ":" in actor_id else ""


@dataclass(frozen=True, slots=True)
class CameoActor:
    code: str
    name: str
    country: str
    known_group: str
    type1: str


def cameo_actor(actor_id: str | None, actors: dict[str, dict[str, Any]]) -> CameoActor | None:
    """The CAMEO coding of a stored actor, or None when the actor did not resolve (no code can be given).

    A state actor is its country plus its role (``RUSGOV``); an organisation with its own CAMEO code keeps
    it (Hamas ``PSEREBHMS``: country PSE, role REB, known group HMS); an IGO without one is ``IGO`` plus
    its role.  The country field holds only real countries (not IGO).
    """
    actor = actors.get(actor_id or "")
    if actor is None:
        return None
    country = (actor.get("country") or "").upper()
    sector = (actor.get("sector") or "").upper()
    role = SECTOR_TO_CAMEO.get(sector, sector if sector in CAMEO_ROLES else "")
    is_country = len(country) == 3 and country not in NON_COUNTRIES
    name = (actor.get("name") or "").upper()
    found = cameo_groups().get(org_id(actor_id or ""))
    if found:
        code, group = found
        # the type is a role element of the code itself (PSE*REB*HMS), else its IGO/NGO prefix (*IGO*EUREEC)
        elements = [code[i:i + 3] for i in range(0, len(code), 3)]
        role_part = next((e for e in elements[1:] if e in CAMEO_ROLES), elements[0] if elements[0] in
                         {"IGO", "NGO"} else "")
        country_part = code[:3] if code[:3] not in NON_COUNTRIES else ""
        return CameoActor(code, name, country_part, group, role_part)
    prefix = country if (is_country or country in {"IGO", "NGO", "IMG"}) else ""
    if not prefix:
        return None
    return CameoActor(prefix + (role if role != prefix else ""), name, country if is_country else "", "", role)


def plover_code(actor_id: str, actor: dict[str, Any]) -> str | None:
    """PLOVER's 3-letter entity code: the ISO country, or UNO, EUR, IGO, NGO, IMG for international actors."""
    special = plover_codes().get(org_id(actor_id))
    if special:
        return special
    country = (actor.get("country") or "").upper()
    return PLOVER_COUNTRY_FIXES.get(country, country) or None
