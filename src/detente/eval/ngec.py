"""ngec-actors: actor strings to country and sector, on the NGEC resolver test cases.

Reads ``cases_*.jsonl`` (``{test, method, args, expected}``) and scores the
``agent_to_code`` cases (args: text, optional context, optional date) and the
``search_nat`` cases (country only) with ``ActorResolver.resolve_text``.

* Country: ``expected.country`` ("" = no country; a case expecting
  ``{"code": null}`` expects no actor, hence no country; ``IGO`` = an
  international organisation, which detente marks by ``kind == "igo"``).
  A ``None`` result, or a mention with no actor, predicts no country.
* Sector: ``expected.code_1`` ("" = no sector), skipped when absent or
  ``????``; the strict figure wants detente's sector == code_1, the lenient
  one accepts code_2 as well (NGEC gives e.g. a defence minister GOV + MIL)
  and no sector for NGEC's ``UNK``.  The lenient country figure accepts
  detente's ``IGO`` where NGEC codes a UN or EU body ``UNO`` / ``EUR``.
* Dates: "today" is pinned to ``TODAY`` (2023-06-01) so runs are
  reproducible; other dates are ISO or parsed with ``dateparser``.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import metrics
from .common import ErrorCase, EvalResult, describe_crash, find_files, read_jsonl

NAME = "ngec-actors"
PATTERNS = ("cases_*.jsonl", "*.jsonl")
# The evaluation date for cases dated "today" (the NGEC tests reflect a 2022-2023 world).
TODAY = dt.date(2023, 6, 1)
METHODS = ("agent_to_code", "search_nat")
# NGEC codes some IGOs by bloc (UN bodies UNO, EU bodies EUR) where detente says IGO: a convention
# difference, not an error, so the lenient country figure accepts it.
IGO_BLOCS = {"UNO", "EUR"}


@dataclass(frozen=True, slots=True)
class Case:
    row: str
    method: str
    text: str
    context: str
    date: dt.date | None
    country: str | None  # None = not scored; "" = expects no country
    sector: str | None  # None = not scored; "" = expects no sector
    sector_alt: str | None

    @property
    def category(self) -> str:
        if self.method == "search_nat":
            return "search_nat"
        if self.country == "":
            return "no country"
        if self.country == "IGO":
            return "IGO"
        if self.date is not None:
            return "dated"
        if self.context:
            return "with context"
        return "country" if self.country else "sector only"


def parse_date(value: Any) -> dt.date | None:
    """``today`` -> ``TODAY``; an ISO date; else whatever ``dateparser`` reads; ``None`` if unreadable."""
    if not value or not isinstance(value, str):
        return None
    if value.strip().lower() == "today":
        return TODAY
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        pass
    import dateparser

    parsed = dateparser.parse(value, settings={"RELATIVE_BASE": dt.datetime(TODAY.year, TODAY.month, TODAY.day)})
    return parsed.date() if parsed else None


def load_cases(files: list[Path]) -> list[Case]:
    """The scorable cases of the files (other methods are skipped)."""
    out = []
    for path in files:
        for n, obj in read_jsonl(path):
            method, args, expected = obj.get("method"), obj.get("args") or [], obj.get("expected") or {}
            if method not in METHODS or not args or not isinstance(args[0], str) or not isinstance(expected, dict):
                continue
            row = f"{obj.get('test', '')} ({path.name}:{n})"
            if method == "search_nat":
                country = expected.get("cc")
                out.append(Case(row, method, args[0], "", None, country if isinstance(country, str) else None,
                                None, None))
                continue
            if "code" in expected and expected["code"] is None:
                country, sector = "", None  # NGEC returns no actor at all
            else:
                country = expected.get("country") if isinstance(expected.get("country"), str) else None
                sector = expected.get("code_1") if isinstance(expected.get("code_1"), str) else None
                sector = None if sector == "????" else sector
            if country is None and sector is None:
                continue
            context = args[1] if len(args) > 1 and isinstance(args[1], str) else ""
            date = parse_date(args[2]) if len(args) > 2 else None
            alt = expected.get("code_2") if isinstance(expected.get("code_2"), str) else None
            out.append(Case(row, method, args[0], context, date, country, sector, alt))
    return out


def evaluate(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalResult:
    """Score detente's actor resolver on the NGEC cases under ``path`` (file or folder).

    Args:
        path: ``cases_dev.jsonl`` or the folder holding it.
        pipeline: a loaded ``Pipeline`` (only its ``nlp`` and ``resolver`` are used).
        limit: score only the first ``limit`` cases (tests).
    """
    files = find_files(path, PATTERNS, dataset=NAME)
    cases = load_cases(files)[:limit]
    stats: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[ErrorCase] = []
    crashes = 0
    for case in cases:
        st = stats[case.category]
        st["n"] += 1
        try:
            mention = pipeline.resolver.resolve_text(pipeline.nlp, case.text, context=case.context, on=case.date)
        except Exception as exc:  # noqa: BLE001 - a crash is a miss, reported
            crashes += 1
            errors.append(ErrorCase("crash", _describe_input(case), _describe_gold(case), describe_crash(exc),
                                    case.row, 9))
            st["country_n"] += case.country is not None
            st["sector_n"] += case.sector is not None
            continue
        actor = mention.actor if mention is not None else None
        got_country = ("IGO" if actor.kind == "igo" else actor.country or "") if actor is not None else ""
        got_sector = (actor.sector or "") if actor is not None else ""
        got = f"{mention.text!r} -> {actor.id if actor else 'unresolved'} (country {got_country or '-'}, " \
              f"sector {got_sector or '-'})" if mention is not None else "None"
        if case.country is not None:
            st["country_n"] += 1
            lenient = got_country == case.country or (got_country == "IGO" and case.country in IGO_BLOCS)
            st["country_lenient"] += lenient
            if got_country == case.country:
                st["country_ok"] += 1
            else:
                kind = ("should abstain" if case.country == "" else "no country" if not got_country
                        else "IGO convention" if lenient else "wrong country")
                errors.append(ErrorCase(kind, _describe_input(case), _describe_gold(case), got, case.row,
                                        6 if got_country and case.country else 5))
        if case.sector is not None:
            st["sector_n"] += 1
            ok = got_sector == case.sector
            # Lenient: code_2 also counts, and NGEC's UNK (unknown) matches no sector.
            lenient = ok or (case.sector_alt is not None and got_sector == case.sector_alt) \
                or (case.sector == "UNK" and not got_sector)
            st["sector_ok"] += ok
            st["sector_lenient"] += lenient
            if not lenient and (case.country is None or got_country == case.country):
                errors.append(ErrorCase("wrong sector", _describe_input(case), _describe_gold(case), got,
                                        case.row, 3))

    total: dict[str, int] = defaultdict(int)
    for st in stats.values():
        for k, v in st.items():
            total[k] += v
    agent = {k: sum(st[k] for c, st in stats.items() if c != "search_nat")
             for k in ("country_n", "country_ok", "country_lenient")}
    figures = {
        "country_accuracy": metrics.ratio(agent["country_ok"], agent["country_n"]),
        "country_accuracy_lenient": metrics.ratio(agent["country_lenient"], agent["country_n"]),
        "n_country": agent["country_n"],
        "sector_accuracy": metrics.ratio(total["sector_ok"], total["sector_n"]),
        "sector_accuracy_lenient": metrics.ratio(total["sector_lenient"], total["sector_n"]),
        "n_sector": total["sector_n"],
        "search_nat_accuracy": metrics.ratio(stats["search_nat"]["country_ok"], stats["search_nat"]["country_n"])
        if "search_nat" in stats else None,
        "today": TODAY.isoformat(),
    }
    table_rows = [
        [c, st["n"], st["country_n"], metrics.ratio(st["country_ok"], st["country_n"]), st["sector_n"],
         metrics.ratio(st["sector_ok"], st["sector_n"]), metrics.ratio(st["sector_lenient"], st["sector_n"])]
        for c, st in sorted(stats.items(), key=lambda kv: -kv[1]["n"])
    ]
    return EvalResult(NAME, [str(f) for f in files], len(cases), figures, "per case category",
                      ["category", "n", "n country", "country acc", "n sector", "sector acc", "sector (lenient)"],
                      table_rows, errors, crashes,
                      notes=[f"'today' = {TODAY.isoformat()}; country_accuracy covers agent_to_code cases only"])


def _describe_input(case: Case) -> str:
    extra = [f"context {case.context!r}" if case.context else "", f"on {case.date}" if case.date else ""]
    return " ".join([repr(case.text), *[e for e in extra if e]])


def _describe_gold(case: Case) -> str:
    country = "-" if case.country is None else case.country or "(none)"
    sector = "-" if case.sector is None else case.sector or "(none)"
    alt = f"/{case.sector_alt}" if case.sector_alt else ""
    return f"country {country}, sector {sector}{alt}"
