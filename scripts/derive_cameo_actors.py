"""Derive src/detente/data/cameo_actors.tsv: detente organisation id -> CAMEO actor code (facts only).

Usage: python scripts/derive_cameo_actors.py ../shared/ontology/cameo/CAMEO.Manual.1.1b3.md \
           ../shared/ontology/petrarch2-dictionaries/Phoenix.MilNonState.actors.txt > src/detente/data/cameo_actors.tsv

Reads the CAMEO manual's actor code tables ("| PSEREBHMS | Hamas (d.r.) |") and the PETRARCH-2 non-state
actor dictionary (a name block followed by "[CODE]"), and keeps a code for each of detente's organisations
(IGOs, NGOs, armed groups) whose name, alias or short form equals the code's name.  Only codes whose last
3-character element names a group (not a role or a region) are kept: those are the GDELT "known group" codes.
"""

from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "src" / "detente" / "data"
# CAMEO role/sector and region elements: a code ending in one of these names no particular group.
ROLES = set("GOV MIL REB OPP PTY COP JUD SPY UAF IGO NGO NGM MNC BUS CRM CVL DEV EDU ELI ENV HLH HRI LAB LEG "
            "MED REF MOD RAD AGR SET UIS INS SEP PRO RES MUS MOS CHR JEW SUN SHI".split())
# Matches checked by hand and found wrong (the dictionary block lists another group's names with this one).
WRONG = {"milf"}
REGIONS = set("AFR ASA BLK BLT CAF CAS CAU CFR CRB EAF EEU EIN EUR LAM MEA MDT NAF NMR PGS SAF SAM SAS SCN SEA "
              "WAF WST AME ARB MOS EAS".split())
ROW = re.compile(r"^\|\s*([A-Z]{3}(?:[A-Z]{3})+)\s*\|\s*([^|]+?)\s*\|")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).replace("’", "'")
    text = re.sub(r"\(d\.r\.\)", "", text)
    return " ".join(re.sub(r"[^\w' ]", " ", text.casefold()).split()).removeprefix("the ")


def names_of(label: str) -> list[str]:
    out = [label]
    m = re.search(r"\(([^()]+)\)", label)
    if m:
        out += [m.group(1), label[: m.start()]]
    return [fold(x) for x in out if fold(x)]


def manual_codes(path: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        m = ROW.match(line)
        if m:
            for name in names_of(m.group(2)):
                out.setdefault(name, []).append(m.group(1))
    return out


def dictionary_codes(path: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    block: list[str] = []
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            block = []
            continue
        code = re.search(r"\[([A-Z]{6,})\]", line)
        name = line.strip().lstrip("+").split("[")[0].strip()
        if name:
            block.append(fold(name.replace("_", " ")))
        if code:
            for n in block:
                out.setdefault(n, []).append(code.group(1))
            block = []
    return out


def known_group(code: str) -> str:
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    return parts[-1] if len(parts) > 1 and parts[-1] not in ROLES | REGIONS else ""


def main(manual: str, milnonstate: str) -> None:
    codes = dictionary_codes(milnonstate)
    for name, found in manual_codes(manual).items():
        codes[name] = found + codes.get(name, [])
    with (DATA / "organisations.tsv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader([line for line in f if not line.startswith("#")], delimiter="\t"))
    out = sys.stdout
    out.write("# detente organisations -> CAMEO actor codes. Derived data; see PROVENANCE-exports.md.\n")
    out.write("id\tcameo\tknown_group\n")
    for row in rows:
        if row["kind"] not in {"igo", "armed_group", "organization"} or row["id"] in WRONG:
            continue
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            found = [c for c in codes.get(fold(name), []) if known_group(c)]
            # the code whose role element is the organisation's sector first ("PSEREBHMS" for Hamas as REB)
            found.sort(key=lambda c: row["sector"] not in (c[3:6], c[6:9]))
            code = found[0] if found else None
            if code:
                out.write(f"{row['id']}\t{code}\t{known_group(code)}\n")
                break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
