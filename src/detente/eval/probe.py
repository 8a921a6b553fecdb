"""probe: the development probe (``../shared/probe-dev``): real articles against an analyst's expectations.

Reads ``articles/manifest.csv`` (path, outlet, published, title) and
``expectations.json`` (relations, people, attributions, background, modality),
builds each article as ``detente ingest`` would (``ingest.sources``, manifest
metadata) and runs the loaded ``Pipeline`` in process over all of them.

How detente's output is matched (see EVAL.md, "Development probe"):

* **Actors -> expectation codes.**  Expectations name states by ISO-3166
  alpha-3 code and organisations by name (NATO, CSTO, ICC, EU, PKK).  Every
  detente actor is taken at its network ``node`` (people and state agencies
  already roll up to the state or organisation they act for): a state node
  is its country code; an organisation node (``IGOMIL:nato``) is the
  gazetteer organisation's acronym (its first all-capitals alias), else its
  name.  So ``RUSGOV:vladimir-putin`` counts as RUS and ``IGOMIL:nato`` as NATO.
* **Reported relations.**  The pairs of each event are its (source node,
  target node) pairs, or, for a mutual act (``events.lexicon.reciprocal``) with
  sources and no target ("A and B met"), every pair of its sources in both
  directions, as ``network.dyads.evidence_items`` builds them (co-agents of
  any other act, or of one whose target is named but unresolved, are no pair); each stated relation claim
  gives (a, b).  The sign is the sign of the event's PLOVER score (of the
  claim's polarity); unsigned (score 0) items and negated ones (which the
  network weighs 0) report no relation and are only counted.
* **Found.**  An expectation row (article, a, b, sign) is found when the same
  article reports the same pair with the same sign.  The headline figure
  ignores direction, since detente's relations are unordered pairs; the
  ``directed`` figure also asks source = a and target = b.  Matching is per
  article and sign: a pair is never collapsed across articles, so TUR-SWE -1
  in the May articles and +1 in the June ones are separate rows.
* **Unsupported.**  A reported (article, pair, sign) that no expectation row of
  that article supports, listed with its evidence sentence (one listing per
  distinct source, target, sign and sentence).
* **Sentences** (attributions, background, modality) are found by normalised
  text containment either way (detente's sentence inside the expected one, or
  the reverse), so a quote split into several sentences still matches.  The
  items of a sentence are its events and relation claims.  An attribution is
  right when an item carries a ``said_by`` naming the expected speaker (text or
  resolved name, folded, one containing the other; "X (Y)" and "X and Y" give
  several accepted names) and no item names someone else ("two speakers", not
  right, when one does and that speaker is named in the sentence too); a speech act (CAMEO
  roots 01-03, 05, 10-14) with no ``said_by`` is credited to its source, its speaker.  A sentence with no items
  of its own and no quotation that names the speaker of another sentence's items ("Chile and Peru signed a
  pact. This was made public by Peru's prime minister.") is scored on those items.  A background
  sentence is marked when one of its items is dated as background (or
  "before publication").  A modality sentence is flagged when one of its items
  carries the flag (hedged, negated, intent).
* **People.**  Mentions in the article whose text is the person's full name
  or surname (accents folded); the person is resolved when one such mention's
  actor rolls up to the expected country (or affiliation, for Stoltenberg NATO).
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..events.lexicon import VERBAL_ROOTS
from ..model import DateBasis, Extraction, Mention
from ..events.lexicon import reciprocal
from . import metrics
from .common import ErrorCase, EvalResult, describe_crash, extract_records

NAME = "probe"
FLAGS = ("hedged", "negated", "intent")


# -- pure matching (no model, no I/O) --------------------------------------------
def fold(text: str) -> str:
    """Casefolded, accents stripped, whitespace folded (for names and sentences)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return " ".join(text.casefold().split())


def org_code(org_id: str, orgs: dict[str, Any]) -> str:
    """The expectation code of a gazetteer organisation: its first all-capitals alias (acronym), else its name."""
    org = orgs.get(org_id)
    if org is None:
        return org_id.upper()
    for alias in org.aliases:
        if alias.isupper() and alias.isalpha():
            return alias
    return org.name


def node_code(node: str | None, orgs: dict[str, Any]) -> str | None:
    """A detente network node as an expectation code: ``FRA`` stays, ``IGOMIL:nato`` -> ``NATO``."""
    if not node:
        return None
    if ":" in node:
        return org_code(node.split(":", 1)[1], orgs)
    return node


@dataclass(frozen=True, slots=True)
class Expected:
    article: str
    a: str
    b: str
    sign: int
    required: bool
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Reported:
    """One directed pair reported by one event or claim of one article."""

    article: str
    source: str
    target: str
    sign: int
    evidence: str
    what: str  # "ACCUSE 'slams'" or "claim 'ally'"
    reciprocal: bool = False


def pair_key(article: str, x: str, y: str, sign: int) -> tuple[str, frozenset[str], int]:
    return article, frozenset((x, y)), sign


def match_relations(expected: list[Expected], reported: list[Reported]) -> dict[str, Any]:
    """Which expectation rows are found (undirected and directed) and which reports no row supports.

    Returns:
        ``found``: per expectation row, found ignoring direction; ``directed``: found with
        source = a and target = b (a reciprocal report counts both ways); ``unsupported``:
        the reports whose (article, unordered pair, sign) matches no row, one per distinct
        (article, source, target, sign, evidence); ``supported_reports``: how many reports a row supports.
    """
    undirected = {pair_key(r.article, r.source, r.target, r.sign) for r in reported}
    directed = {(r.article, r.source, r.target, r.sign) for r in reported}
    directed |= {(r.article, r.target, r.source, r.sign) for r in reported if r.reciprocal}
    supported = {pair_key(e.article, e.a, e.b, e.sign) for e in expected}
    found = [pair_key(e.article, e.a, e.b, e.sign) in undirected for e in expected]
    found_directed = [(e.article, e.a, e.b, e.sign) in directed for e in expected]
    unsupported: dict[tuple[str, str, str, int, str], Reported] = {}
    for r in reported:
        if pair_key(r.article, r.source, r.target, r.sign) not in supported:
            unsupported.setdefault((r.article, r.source, r.target, r.sign, r.evidence), r)
    n_supported = sum(1 for r in reported if pair_key(r.article, r.source, r.target, r.sign) in supported)
    return {"found": found, "directed": found_directed, "unsupported": list(unsupported.values()),
            "supported_reports": n_supported}


def sentence_matches(expected: str, detente: str) -> bool:
    """One sentence contains the other, after folding (sentence splits may differ)."""
    e, d = fold(expected), fold(detente)
    return bool(e and d) and (d in e or e in d)


def speaker_names(speaker: str) -> list[str]:
    """Accepted names for an expected speaker: "X (Y)" gives X and Y, "X and Y" gives X and Y."""
    import re

    parts = [speaker.split("(")[0]]
    parts += re.findall(r"\(([^)]*)\)", speaker)
    names: list[str] = []
    for part in parts:
        part = re.sub(r"^(as quoted by|the)\s+", "", part.strip(), flags=re.I)
        names += [fold(p) for p in re.split(r"\s+and\s+", part) if len(p.strip()) >= 2]
    return [n for n in names if n not in {"readout", "the alliance"}] or [fold(speaker)]


def speaker_matches(expected: str, said_by: list[str]) -> bool:
    """Whether any said_by string (mention text, resolved name) names the expected speaker.

    It does when it contains an accepted name ("the White House" for "White House") or is
    that name's last or first words (a family name: "Erdogan" for "Recep Tayyip Erdogan",
    "Zhao" for "Zhao Lijian", whose family name comes first).  A bare title
    inside a longer name does not ("President" is not "Office of the President of Finland").
    """
    wanted = speaker_names(expected)
    for s in said_by:
        words = fold(s).removeprefix("the ").split()
        if not words or len(" ".join(words)) < 3:
            continue
        text = f" {' '.join(words)} "
        for w in wanted:
            ws = w.split()
            if f" {w} " in text or words in (ws[-len(words):], ws[:len(words)]):
                return True
    return False


# -- detente's side ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Item:
    """An event or relation claim reduced to what the sentence checks need."""

    sentence: str
    said_by: tuple[str, ...]
    background: bool
    hedged: bool
    negated: bool
    intent: bool
    what: str
    # the sentence that names the item's speaker when that is not the item's own sentence ("Chile and Peru signed a
    # pact. This was made public by Peru's prime minister."): the item is that sentence's attribution too
    speaker_sentence: str = ""


def _said_by(m: Mention | None) -> tuple[str, ...]:
    if m is None:
        return ()
    return tuple(x for x in (m.text, m.actor.name if m.actor else None) if x)


def _background(date: Any) -> bool:
    precision = (getattr(date, "precision", "") or "").replace("_", " ").replace("-", " ")
    return date.basis == DateBasis.BACKGROUND or precision.startswith("before")


def speakers_of(e: Any) -> tuple[str, ...]:
    """Who an event is credited to: its ``said_by``; for a speech act without one, its source, since a speech act's
    own source is its speaker and is not repeated in ``said_by`` (issue 12, item 5: "the Russian Foreign Ministry
    summoned the ambassador to protest" is the ministry's act and the ministry's word)."""
    said = _said_by(e.said_by)
    if said or e.cameo[:2] not in VERBAL_ROOTS:
        return said
    return tuple(x for m in e.source for x in _said_by(m))


def sentence_items(x: Extraction) -> list[Item]:
    text_of = {s.idx: s.text for s in x.sentences}

    def named_in(said_by: Mention | None, sent_idx: int) -> str:
        return text_of.get(said_by.sent_idx, "") if said_by is not None and said_by.sent_idx != sent_idx else ""

    out = []
    for e in x.events:
        out.append(Item(text_of.get(e.sent_idx, e.evidence_text), speakers_of(e), _background(e.date),
                        e.hedged, e.negated, e.intent, f"{e.type} '{e.trigger}'", named_in(e.said_by, e.sent_idx)))
    for c in x.relation_claims:
        out.append(Item(text_of.get(c.sent_idx, c.evidence_text), _said_by(c.said_by), _background(c.date),
                        c.hedged, c.negated, False, f"claim '{c.cue}'", named_in(c.said_by, c.sent_idx)))
    return out


def reported_pairs(article: str, x: Extraction, orgs: dict[str, Any]) -> tuple[list[Reported], dict[str, int]]:
    """Every directed pair the article's events and claims report (see the module docstring)."""
    text_of = {s.idx: s.text for s in x.sentences}
    out: list[Reported] = []
    skipped = {"unsigned": 0, "negated": 0}

    def codes(mentions: tuple[Mention, ...]) -> list[str]:
        found = [node_code(m.actor.node if m.actor else None, orgs) for m in mentions]
        return list(dict.fromkeys(c for c in found if c))

    for e in x.events:
        sources, targets = codes(e.source), codes(e.target)
        pairs = [(s, t, False) for s in sources for t in targets if s != t]
        if not e.target and len(sources) >= 2 and reciprocal(e.cameo):
            pairs = [(s, t, True) for i, s in enumerate(sources) for t in sources[i + 1:]]
        if not pairs:
            continue
        if e.negated:
            skipped["negated"] += len(pairs)
            continue
        sign = (e.score > 0) - (e.score < 0)
        if not sign:
            skipped["unsigned"] += len(pairs)
            continue
        sentence = text_of.get(e.sent_idx, e.evidence_text)
        out += [Reported(article, s, t, sign, sentence, f"{e.type} '{e.trigger}'", rec) for s, t, rec in pairs]
    for c in x.relation_claims:
        a = node_code(c.a.actor.node if c.a.actor else None, orgs)
        b = node_code(c.b.actor.node if c.b.actor else None, orgs)
        if not a or not b or a == b:
            continue
        if c.negated:
            skipped["negated"] += 1
            continue
        sign = (c.polarity > 0) - (c.polarity < 0)
        if not sign:
            skipped["unsigned"] += 1
            continue
        out.append(Reported(article, a, b, sign, text_of.get(c.sent_idx, c.evidence_text), f"claim '{c.cue}'"))
    return out, skipped


def person_outcome(name: str, want: str, x: Extraction, orgs: dict[str, Any]) -> tuple[str, str]:
    """``(outcome, what detente said)``: outcome is right, wrong, no country, unresolved or not found."""
    full = fold(name)
    surname = full.split()[-1]
    candidates = [m for m in x.mentions if fold(m.text) in {full, surname} or full in fold(m.text)]
    if not candidates:
        return "not found", "-"
    got = []
    for m in candidates:
        code = node_code(m.actor.node if m.actor else None, orgs) or (m.actor.country if m.actor else None)
        if code == want:
            return "right", f"{m.text}={m.actor.id if m.actor else '?'}"
        got.append(f"{m.text}={m.actor.id if m.actor else '?'}")
    if any(m.actor is not None and (m.actor.node or m.actor.country) for m in candidates):
        outcome = "wrong"
    elif any(m.actor is not None for m in candidates):
        outcome = "no country"  # resolved to a person the gazetteer gives no state or organisation
    else:
        outcome = "unresolved"
    return outcome, ", ".join(dict.fromkeys(got))


# -- the evaluator -------------------------------------------------------------------
def load(path: Path) -> tuple[Path, dict[str, Any]]:
    """The manifest path and the expectations of the probe folder ``path``.

    Raises:
        InputError: the folder, manifest or expectations are missing or malformed.
    """
    base = path.parent if path.is_file() else path
    manifest = base / "articles" / "manifest.csv"
    expectations = base / "expectations.json"
    for needed in (manifest, expectations):
        if not needed.is_file():
            raise InputError(f"{NAME}: {needed} not found; give the probe folder (../shared/probe-dev)")
    try:
        data = json.loads(expectations.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{NAME}: {expectations} is not readable JSON: {exc}") from exc
    keys = ("relations", "people", "attributions", "background", "modality")
    if not isinstance(data, dict) or any(not isinstance(data.get(k), list) for k in keys):
        raise InputError(f"{NAME}: {expectations} needs the lists {', '.join(keys)}")
    return manifest, data


def evaluate(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalResult:
    """Score detente on the development probe in ``path``.

    Args:
        path: the probe folder (holding ``expectations.json`` and ``articles/``).
        pipeline: a loaded ``Pipeline``.
        limit: score only the first ``limit`` articles of the manifest (tests).
    """
    from ..actors.gazetteer import load_gazetteer
    from ..ingest.sources import make_document, read_manifest

    manifest, gold = load(path)
    orgs = load_gazetteer().organisations
    rows = read_manifest(manifest)[:limit]
    docs, articles, errors = [], [], []
    for target, meta in rows:
        # The manifest's paths are relative to the probe folder ("articles/01_x.txt"), not to the
        # manifest's own folder as ``read_manifest`` assumes: the file name is what identifies an article.
        article = Path(target).name
        try:
            raw = (manifest.parent / article).read_bytes()
            docs.append(make_document(raw, source=article, is_html=False, meta=meta))
            articles.append(article)
        except (OSError, InputError) as exc:
            errors.append(ErrorCase("unreadable", article, "", str(exc)[:300], article, 9))
    extractions: dict[str, Extraction] = {}
    crashes = len(errors)
    for article, out in zip(articles, extract_records(pipeline, docs)):
        if isinstance(out, Exception):
            crashes += 1
            errors.append(ErrorCase("crash", article, "", describe_crash(out), article, 9))
        else:
            extractions[article] = out
    scored = set(extractions)

    # relations
    expected = [Expected(r["article"], r["a"], r["b"], int(r["sign"]), bool(r.get("required")), r.get("evidence", ""))
                for r in gold["relations"] if r["article"] in scored]
    reported: list[Reported] = []
    skipped: dict[str, int] = defaultdict(int)
    for article, x in extractions.items():
        pairs, skip = reported_pairs(article, x, orgs)
        reported += pairs
        for k, v in skip.items():
            skipped[k] += v
    match = match_relations(expected, reported)
    required = [i for i, e in enumerate(expected) if e.required]
    optional = [i for i, e in enumerate(expected) if not e.required]
    for i, e in enumerate(expected):
        if not match["found"][i]:
            sign = "+" if e.sign > 0 else "-"
            errors.append(ErrorCase("missed required" if e.required else "missed optional", e.evidence,
                                    f"{e.a} {sign} {e.b}", "no such pair and sign in the article", e.article,
                                    7 if e.required else 4))
    for r in match["unsupported"]:
        sign = "+" if r.sign > 0 else "-"
        errors.append(ErrorCase("unsupported relation", r.evidence, "not in the expectations",
                                f"{r.source} {sign} {r.target} ({r.what})", r.article, 8))

    # people
    people = defaultdict(int)
    for p in gold["people"]:
        if p["article"] not in scored:
            continue
        want = p.get("country") or p.get("affiliation") or ""
        outcome, got = person_outcome(p["name"], want, extractions[p["article"]], orgs)
        people[outcome] += 1
        if outcome != "right":
            errors.append(ErrorCase(f"person {outcome}", p["name"], want, got, p["article"], 5))

    # sentence checks
    items = {a: sentence_items(x) for a, x in extractions.items()}

    def in_sentence(article: str, sentence: str) -> list[Item]:
        return [i for i in items[article] if sentence_matches(sentence, i.sentence)]

    attribution = defaultdict(int)
    for g in gold["attributions"]:
        if g["article"] not in scored:
            continue
        its = in_sentence(g["article"], g["sentence"])
        if not its and not any(q in g["sentence"] for q in '"“”«»'):
            # a sentence that quotes nothing and only names the speaker of what another tells ("This was
            # announced by X."); a quote with no event of its own is not credited with the next quote's
            its = [i for i in items[g["article"]]
                   if i.speaker_sentence and sentence_matches(g["sentence"], i.speaker_sentence)]
        said = [i for i in its if i.said_by]
        right = [i for i in said if speaker_matches(g["speaker"], list(i.said_by))]
        if not its:
            outcome = "no event"
        elif not said:
            outcome = "no said_by"
        elif right and len(right) == len(said):
            outcome = "right"
        elif right and all(any(fold(n) in fold(g["sentence"]) for n in i.said_by) for i in said):
            # the expected speaker is credited, and the other items' speakers are named in the same sentence
            # ("A said X, a day after B confirmed Y"): counted apart, not as right (the expectation names one)
            outcome = "two speakers"
        else:
            outcome = "wrong speaker"
        attribution[outcome] += 1
        if outcome != "right":
            got = "; ".join(f"{i.what} said_by={'/'.join(i.said_by) or '-'}" for i in its) or "-"
            errors.append(ErrorCase(f"attribution: {outcome}", g["sentence"], g["speaker"], got, g["article"], 5))

    background = defaultdict(int)
    for g in gold["background"]:
        if g["article"] not in scored:
            continue
        its = in_sentence(g["article"], g["sentence"])
        outcome = "no event" if not its else "marked" if any(i.background for i in its) else "not marked"
        background[outcome] += 1
        if outcome != "marked":
            got = "; ".join(i.what for i in its) or "-"
            errors.append(ErrorCase(f"background {outcome}", g["sentence"], f"background ({g.get('when')})", got,
                                    g["article"], 6))

    modality: dict[str, dict[str, int]] = {f: defaultdict(int) for f in FLAGS}
    for g in gold["modality"]:
        if g["article"] not in scored or g["flag"] not in modality:
            continue
        its = in_sentence(g["article"], g["sentence"])
        flag = g["flag"]
        outcome = "no event" if not its else "flagged" if any(getattr(i, flag) for i in its) else "not flagged"
        modality[flag][outcome] += 1
        if outcome != "flagged":
            got = "; ".join(i.what for i in its) or "-"
            errors.append(ErrorCase(f"{flag} {outcome}", g["sentence"], flag, got, g["article"], 3))

    def share(counts: dict[str, int], good: str) -> dict[str, Any]:
        total = sum(counts.values())
        return {"right": counts.get(good, 0), "total": total, "share": metrics.ratio(counts.get(good, 0), total),
                **{k: v for k, v in sorted(counts.items()) if k != good}}

    def found(idx: list[int], key: str = "found") -> dict[str, Any]:
        n = sum(1 for i in idx if match[key][i])
        return {"found": n, "total": len(idx), "share": metrics.ratio(n, len(idx))}

    n_unsupported = len(match["unsupported"])
    flagged = {f: share(modality[f], "flagged") for f in FLAGS}
    all_flags = {k: sum(modality[f].get(k, 0) for f in FLAGS) for k in ("flagged", "not flagged", "no event")}
    figures = {
        "articles": len(extractions),
        "required": found(required),
        "optional": found(optional),
        "required_directed": found(required, "directed"),
        "optional_directed": found(optional, "directed"),
        "reported_pairs": len(reported),
        "supported_reports": match["supported_reports"],
        "unsupported_relations": n_unsupported,
        "not_counted": dict(skipped),
        "people": share(people, "right"),
        "attributions": share(attribution, "right"),
        "background": share(background, "marked"),
        "modality": share(all_flags, "flagged") | {"by_flag": flagged},
        "unsupported": [{"article": r.article, "source": r.source, "target": r.target, "sign": r.sign,
                         "what": r.what, "evidence": r.evidence} for r in match["unsupported"]],
    }

    per_article: dict[str, list[Any]] = {a: [0, 0, 0, 0, 0] for a in extractions}
    for i, e in enumerate(expected):
        col = 0 if e.required else 2
        per_article[e.article][col + 1] += 1
        per_article[e.article][col] += int(match["found"][i])
    for r in match["unsupported"]:
        per_article[r.article][4] += 1
    table_rows = [[a, f"{v[0]}/{v[1]}", f"{v[2]}/{v[3]}", v[4]] for a, v in per_article.items()]
    notes = ["relations match per (article, unordered pair, sign); *_directed also asks source = a, target = b",
             f"negated or unsigned event pairs are not counted as relations: {dict(skipped)}"]
    return EvalResult(NAME, [str(manifest), str(manifest.parent.parent / "expectations.json")], len(extractions),
                      figures, "relations by article", ["article", "required found", "optional found", "unsupported"],
                      table_rows, errors=errors, crashes=crashes, notes=notes)
