"""The outlet view: each stored outlet's country and state affiliation, its documents and its loaded language.

Consumes the store's outlet counts (``store.views.outlet_stats``) and the outlet
registry ``data/outlets.tsv`` (derived from the State Media Matrix of state-
affiliated media; see ``data/PROVENANCE-outlets.md``); produces one
``OutletView`` per stored outlet name.

A stored outlet name is matched to a registry entry, first by the web domain
of its articles (``www.aljazeera.com`` -> Al Jazeera; a subdomain counts:
``english.aljazeera.net``), then by its name or an alias, case- and
accent-insensitively, without a leading "the" and with or without a trailing
qualifier in parentheses ("ABC News (Australia)").  A name that several
entries of different countries or categories share ("ABC": Australia and
Nigeria) matches only when the qualifier names one of their countries.  An
outlet the registry does not list is *not listed*, not independent: its
country may still come from the gazetteer's media organisations.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urlsplit

from .actors.gazetteer import fold

# The State Media Matrix's typology (codes as the matrix writes them) and detente's two groups of it.
AFFILIATIONS: dict[str, str] = {
    "SC": "state-controlled",
    "CaPu": "captured public",
    "CaPr": "captured private",
    "ISFM": "independent state-funded and state-managed",
    "ISF": "independent state-funded",
    "ISM": "independent state-managed",
    "IP": "independent public",
}
GROUPS: dict[str, str] = {"SC": "state-controlled or captured", "CaPu": "state-controlled or captured",
                          "CaPr": "state-controlled or captured", "ISFM": "public, editorially independent",
                          "ISF": "public, editorially independent", "ISM": "public, editorially independent",
                          "IP": "public, editorially independent"}
NOT_LISTED = "not listed"


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """One entry of the outlet registry."""

    name: str
    aliases: tuple[str, ...]
    domains: tuple[str, ...]
    country: str
    affiliation: str
    uncertain: bool


@dataclass(frozen=True, slots=True)
class Match:
    profile: OutletProfile | None
    basis: str | None  # "domain", "name", "alias", or None
    country: str | None


@cache
def profiles() -> tuple[OutletProfile, ...]:
    """The outlet registry (data/outlets.tsv)."""
    text = resources.files("detente.data").joinpath("outlets.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader([line for line in text.splitlines() if line and not line.startswith("#")],
                          delimiter="\t")
    return tuple(OutletProfile(r["name"], tuple(filter(None, r["aliases"].split("|"))),
                               tuple(filter(None, r["domains"].split("|"))), r["country"], r["affiliation"],
                               r["uncertain"] == "1") for r in rows)


def _key(name: str) -> str:
    key = fold(name).strip(" .")
    return key[4:] if key.startswith("the ") else key


@cache
def _by_name() -> dict[str, list[tuple[OutletProfile, str]]]:
    out: dict[str, list[tuple[OutletProfile, str]]] = {}
    for p in profiles():
        out.setdefault(_key(p.name), []).append((p, "name"))
        for alias in p.aliases:
            out.setdefault(_key(alias), []).append((p, "alias"))
    return out


@cache
def _by_domain() -> dict[str, list[OutletProfile]]:
    out: dict[str, list[OutletProfile]] = {}
    for p in profiles():
        for d in p.domains:
            out.setdefault(d, []).append(p)
    return out


def _host(url: str | None) -> str:
    if not url:
        return ""
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _one(candidates: Iterable[OutletProfile]) -> OutletProfile | None:
    """The candidate when all of them agree on country and category (the first listed), else None."""
    found = list(candidates)
    if found and len({(p.country, p.affiliation) for p in found}) == 1:
        return found[0]
    return None


def _by_url(urls: Iterable[str | None]) -> OutletProfile | None:
    hits: list[tuple[int, OutletProfile]] = []
    for url in urls:
        host = _host(url)
        parts = host.split(".")
        for i in range(len(parts) - 1):  # the host itself, then each parent domain with two labels or more
            found = _by_domain().get(".".join(parts[i:]))
            if found:
                hits += [(len(parts) - i, p) for p in found]
                break
    if not hits:
        return None
    best = max(n for n, _ in hits)
    return _one(p for n, p in hits if n == best)


def _qualifier_country(qualifier: str) -> str | None:
    from .actors.gazetteer import load_gazetteer

    for kind, code, _loaded in load_gazetteer().surfaces.get(fold(qualifier), ()):
        if kind == "state":
            return code
    return None


def _by_outlet_name(name: str) -> tuple[OutletProfile | None, str | None]:
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", name)
    forms = [name] + ([m.group(1)] if m and m.group(1) else [])
    for form in forms:
        found = _by_name().get(_key(form), [])
        profile = _one(p for p, _ in found)
        if profile is None and found and m:
            country = _qualifier_country(m.group(2))
            profile = _one(p for p, _ in found if p.country == country)
        if profile is not None:
            basis = next(b for p, b in found if p is profile)
            return profile, basis
    return None, None


def match_outlet(name: str | None, urls: Iterable[str | None] = ()) -> Match:
    """The registry entry of a stored outlet name and its articles' URLs (see the module docstring)."""
    profile = _by_url(urls)
    if profile is not None:
        return Match(profile, "domain", profile.country)
    if name:
        profile, basis = _by_outlet_name(name)
        if profile is not None:
            return Match(profile, basis, profile.country)
    return Match(None, None, gazetteer_country(name))


def gazetteer_country(outlet: str | None) -> str | None:
    """The country of an outlet from the gazetteer's media organisations (name or alias), or None."""
    if not outlet:
        return None
    from .actors.gazetteer import load_gazetteer

    gazetteer = load_gazetteer()
    bare = re.sub(r"\s*\([^()]*\)\s*$", "", outlet)  # "Reuters (via WHBL)" is Reuters
    for key in dict.fromkeys((_key(outlet), _key(bare))):
        for kind, org_id, _loaded in gazetteer.surfaces.get(key, ()):
            org = gazetteer.organisations.get(org_id) if kind == "org" else None
            if org is not None and org.kind == "media":
                return org.country
    return None


@dataclass(frozen=True, slots=True)
class OutletView:
    """A stored outlet: where it is from, how it stands to a state, and what the store holds from it."""

    outlet: str | None
    country: str | None
    affiliation: str | None  # a typology code of AFFILIATIONS, or None when the registry does not list it
    affiliation_label: str
    affiliation_group: str
    profile: str | None  # the registry entry's name
    match: str | None  # how it was matched: domain, name, alias (None: not listed)
    documents: int
    events: int
    loaded: int  # mentions flagged as loaded language
    loaded_terms: tuple[tuple[str, int], ...]
    first: Any
    last: Any

    def to_dict(self) -> dict[str, Any]:
        return {"outlet": self.outlet, "country": self.country, "affiliation": self.affiliation,
                "affiliation_label": self.affiliation_label, "affiliation_group": self.affiliation_group,
                "profile": self.profile, "match": self.match, "documents": self.documents, "events": self.events,
                "loaded": self.loaded, "loaded_terms": [{"text": t, "uses": n} for t, n in self.loaded_terms],
                "first": self.first.isoformat() if self.first else None,
                "last": self.last.isoformat() if self.last else None}


def outlet_views(store: Any, *, affiliation: Iterable[str] = ()) -> list[OutletView]:
    """Every stored outlet with its country, affiliation, documents, events and loaded-language counts.

    Args:
        affiliation: keep outlets of these typology codes (``SC``, ``CaPu``, ...), groups (as in
            ``GROUPS``) or ``not listed``; all when empty.  Case-insensitive.
    """
    from .store import views

    wanted = {a.casefold() for a in affiliation}
    out = []
    for s in views.outlet_stats(store.con):
        m = match_outlet(s.outlet, s.urls)
        code = m.profile.affiliation if m.profile else None
        view = OutletView(s.outlet, m.country, code, AFFILIATIONS.get(code or "", NOT_LISTED),
                          GROUPS.get(code or "", NOT_LISTED), m.profile.name if m.profile else None, m.basis,
                          s.documents, s.events, s.loaded, s.loaded_terms, s.first, s.last)
        if not wanted or {(code or NOT_LISTED).casefold(), view.affiliation_group.casefold()} & wanted:
            out.append(view)
    return out


def outlets_of_affiliation(store: Any, affiliation: Iterable[str]) -> tuple[str, ...]:
    """The stored outlet names of these affiliations (see ``outlet_views``); None-outlets are left out."""
    return tuple(sorted(v.outlet for v in outlet_views(store, affiliation=affiliation) if v.outlet))
