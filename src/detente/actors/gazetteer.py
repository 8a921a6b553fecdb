"""The actor gazetteer: states, organisations, loaded names, people with roles, agents.

Loads the TSV files in ``detente/data`` (formats in ``data/PROVENANCE.md``)
into one immutable ``Gazetteer`` that the resolver receives.  Loading
validates every line and reports the file and line number of a bad one.
Loaded once per process (``load_gazetteer`` is cached) and passed in.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..data import read_tsv
from ..errors import DataFileError
from ..model import Actor

# Role keys whose holders speak for their state's government.
GOV_ROLES = {
    "head_of_state", "head_of_government", "foreign_minister", "defence_minister", "un_ambassador",
    "spokesperson_foreign_ministry", "spokesperson_government", "deputy_foreign_minister", "special_envoy",
    "supreme_leader", "ambassador", "minister", "secretary_general", "leader",
}
MIL_ROLES = {"military_chief"}


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Case- and accent-insensitive key for names ("Erdoğan" == "erdogan"); cached: the resolver folds the same
    words over and over (a quarter of its time before)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("‘", "'")
    return " ".join(text.casefold().split())


@dataclass(frozen=True, slots=True)
class State:
    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    capitals: tuple[str, ...]
    seats: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RolePeriod:
    name: str
    aliases: tuple[str, ...]
    country: str
    sector: str | None
    role: str
    title: str
    start: dt.date | None
    end: dt.date | None

    def active(self, on: dt.date | None) -> bool:
        if on is None:
            return self.end is None
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Everything the resolver knows, indexed by folded surface form."""

    states: dict[str, State]
    organisations: dict[str, Organisation]
    # folded surface -> list of (kind of entry, key, loaded?)
    surfaces: dict[str, tuple[tuple[str, str, bool], ...]]
    people: dict[str, tuple[RolePeriod, ...]]
    person_surfaces: dict[str, tuple[str, ...]]
    agents: dict[str, str]
    adjective_to_state: dict[str, str]
    # Generic person and group nouns ("officer", "leader", "group") whose modifier, when it names a sector,
    # decides the phrase's sector ("intelligence service officer": SPY); agent_heads.tsv.
    generic_heads: frozenset[str] = frozenset()
    roles: dict[tuple[str, str], tuple[RolePeriod, ...]] = field(default_factory=dict)
    first_names: dict[str, tuple[str, ...]] = field(default_factory=dict)

    # --- actor builders -------------------------------------------------
    def state_actor(self, iso3: str, sector: str | None = None) -> Actor:
        state = self.states.get(iso3)
        name = state.name if state else iso3
        if sector:
            label = {"GOV": "government", "MIL": "military", "CVL": "civilians", "MED": "medical"}.get(sector, sector)
            name = f"{name} ({label})"
        return Actor(
            id=f"{iso3}{sector or ''}", name=name, kind="state", country=iso3, sector=sector,
            node=iso3, node_name=state.name if state else iso3,
        )

    def org_actor(self, org_id: str) -> Actor:
        org = self.organisations[org_id]
        prefix = f"{org.country or ''}{org.sector or ''}"
        node, node_name = f"{prefix}:{org.id}", org.name
        if org.kind in {"state_agency"} and org.country in self.states and org.sector != "PRE":
            # A state's own agency (IDF, FSB, a ministry) acts for the state; a breakaway authority (sector PRE:
            # Somaliland, Transnistria) does not: "Ethiopia signed a deal with Somaliland" is no support of Somalia.
            node, node_name = org.country, self.states[org.country].name
        return Actor(
            id=f"{prefix}:{org.id}", name=org.name, kind=_org_kind(org.kind), country=org.country,
            sector=org.sector, node=node, node_name=node_name,
        )

    def person_actor(self, period: RolePeriod, on: dt.date | None) -> Actor:
        slug = _slug(period.name)
        former = on is not None and period.end is not None and period.end <= on
        sector = "ELI" if former else period.sector
        country = period.country
        if country in self.organisations:
            org = self.organisations[country]
            prefix = f"{org.country or ''}{org.sector or ''}"
            node, node_name = (None, None) if former else (f"{prefix}:{org.id}", org.name)
            return Actor(
                id=f"{prefix}:{slug}", name=period.name, kind="person", country=org.country,
                sector=sector if former else org.sector, node=node, node_name=node_name,
                role=None if former else period.title, former=former,
            )
        state = self.states.get(country)
        return Actor(
            id=f"{country}{sector or ''}:{slug}", name=period.name, kind="person", country=country, sector=sector,
            node=None if former else country, node_name=None if former else (state.name if state else country),
            role=None if former else period.title, former=former,
        )

    def period_for(self, person: str, on: dt.date | None) -> RolePeriod:
        """The role a person held on ``on`` (else the latest before it, else the first)."""
        periods = self.people[person]
        active = [p for p in periods if p.active(on)]
        if active:
            return min(active, key=_role_rank)
        if on is not None:
            past = [p for p in periods if p.end is not None and p.end <= on]
            if past:
                return max(past, key=lambda p: p.end or dt.date.min)
            future = [p for p in periods if p.start is not None and p.start > on]
            if future:
                first = min(future, key=lambda p: p.start or dt.date.max)
                # Before taking office a person is not yet an official.
                return RolePeriod(first.name, first.aliases, first.country, None, "other", "", None, first.start)
        return periods[-1]

    def holder(self, country: str, role: str, on: dt.date | None) -> RolePeriod | None:
        """Who held ``role`` for ``country`` on ``on`` (None when unknown)."""
        for period in self.roles.get((country, role), ()):
            if period.active(on):
                return period
        return None


def _role_rank(period: RolePeriod) -> int:
    order = ["supreme_leader", "head_of_state", "head_of_government", "foreign_minister", "defence_minister"]
    return order.index(period.role) if period.role in order else len(order)


def _org_kind(kind: str) -> str:
    return {"state_agency": "organization", "party": "organization"}.get(kind, kind)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (cell or "").split("|") if v.strip())


def _rows(name: str, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    return read_tsv(name, columns)


def _date(value: str, name: str, n: int) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise DataFileError(f"data file {name} line {n}: bad date {value!r}") from exc


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load and index the bundled gazetteer files (cached per process).

    Raises:
        DataFileError: a file is missing or malformed.
    """
    surfaces: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)

    def add(surface: str, kind: str, key: str, loaded: bool = False) -> None:
        folded = fold(surface)
        if folded.startswith("the "):
            folded = folded[4:]
        if folded and (kind, key, loaded) not in surfaces[folded]:
            surfaces[folded].append((kind, key, loaded))

    states: dict[str, State] = {}
    adjective_to_state: dict[str, str] = {}
    for _, row in _rows("countries.tsv", ["iso3", "name", "aliases", "adjectives", "capitals", "seats"]):
        state = State(row["iso3"].strip(), row["name"].strip(), _split(row["aliases"]), _split(row["adjectives"]),
                      _split(row["capitals"]), _split(row["seats"]))
        states[state.iso3] = state
        for s in (state.name, *state.aliases):
            add(s, "state", state.iso3)
        for s in state.adjectives:
            add(s, "adjective", state.iso3)
            adjective_to_state.setdefault(fold(s), state.iso3)
        for s in (*state.capitals, *state.seats):
            add(s, "seat", state.iso3)

    organisations: dict[str, Organisation] = {}
    for n, row in _rows("organisations.tsv", ["id", "name", "kind", "country", "sector", "aliases"]):
        org = Organisation(row["id"].strip(), row["name"].strip(), row["kind"].strip(),
                           row["country"].strip() or None, row["sector"].strip() or None, _split(row["aliases"]))
        if org.id in organisations:
            raise DataFileError(f"data file organisations.tsv line {n}: duplicate id {org.id!r}")
        organisations[org.id] = org
        for s in (org.name, *org.aliases):
            add(s, "org", org.id)

    for n, row in _rows("loaded_names.tsv", ["phrase", "target"]):
        target = row["target"].strip()
        if target not in organisations and target.split(".")[0] not in states:
            raise DataFileError(f"data file loaded_names.tsv line {n}: unknown target {target!r}")
        add(row["phrase"], "loaded", target, loaded=True)

    people: dict[str, list[RolePeriod]] = defaultdict(list)
    person_surfaces: dict[str, list[str]] = defaultdict(list)
    roles: dict[tuple[str, str], list[RolePeriod]] = defaultdict(list)
    for n, row in _rows("people.tsv", ["name", "aliases", "country", "sector", "role", "title", "start", "end"]):
        period = RolePeriod(
            row["name"].strip(), _split(row["aliases"]), row["country"].strip(), row["sector"].strip() or None,
            row["role"].strip(), row["title"].strip(), _date(row["start"], "people.tsv", n),
            _date(row["end"], "people.tsv", n),
        )
        people[period.name].append(period)
        roles[(period.country, period.role)].append(period)
        for s in (period.name, *period.aliases):
            key = fold(s)
            if period.name not in person_surfaces[key]:
                person_surfaces[key].append(period.name)

    for n, row in _rows("places.tsv", ["place", "iso3"]):
        if row["iso3"].strip() not in states:
            raise DataFileError(f"data file places.tsv line {n}: unknown country {row['iso3']!r}")
        add(row["place"], "place", row["iso3"].strip())

    agents: dict[str, str] = {}
    for _, row in _rows("agents.tsv", ["noun", "sector"]):
        agents.setdefault(fold(row["noun"]), row["sector"].strip())
    generic_heads = frozenset(fold(row["noun"]) for _, row in _rows("agent_heads.tsv", ["noun"]))

    return Gazetteer(
        states=states,
        organisations=organisations,
        surfaces={k: tuple(v) for k, v in surfaces.items()},
        people={k: tuple(sorted(v, key=lambda p: p.start or dt.date.min)) for k, v in people.items()},
        person_surfaces={k: tuple(v) for k, v in person_surfaces.items()},
        agents=agents,
        generic_heads=generic_heads,
        adjective_to_state=adjective_to_state,
        roles={k: tuple(v) for k, v in roles.items()},
        first_names=_first_names(people),
    )


def _first_names(people: dict[str, list[RolePeriod]]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for name in people:
        parts = fold(name).split()
        if len(parts) >= 2:
            out[parts[0]].append(name)
    return {k: tuple(v) for k, v in out.items()}
