"""Derive src/detente/data/outlets.tsv from the State Media Matrix (facts only: names, domains, country, category).

Usage: python scripts/derive_outlets.py ../shared/ontology/outlets/State_Media_Matrix.csv > src/detente/data/outlets.tsv

One output row per (asset name, country): the asset's name, its owning company's name as an alias when the
company name differs, a short form in parentheses as an alias ("China Central Television (CCTV)" -> "CCTV"),
the web domains of its URLs (without "www."), the country as ISO 3166 alpha-3 (from detente's countries.tsv)
and the matrix's typology code.  Descriptions, notes and social links are not used.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

DATA = Path(__file__).resolve().parents[1] / "src" / "detente" / "data"
# Country names the matrix writes differently from countries.tsv.
COUNTRY_FIXES = {"UAE": "ARE", "USA": "USA", "United States of America": "USA", "DR Congo": "COD",
                 "Congo": "COG", "Ivory Coast": "CIV", "Côte d'Ivoire": "CIV", "Cote d'Ivoire": "CIV",
                 "Somaliland": "SOM", "Hong Kong": "HKG", "Macau": "MAC", "Palestine": "PSE", "Kosovo": "XKX",
                 "Taiwan": "TWN", "North Cyprus": "CYP", "Northern Cyprus": "CYP", "Transnistria": "MDA",
                 "Republic of Congo": "COG", "Eswatini": "SWZ", "Swaziland": "SWZ", "Czech Republic": "CZE",
                 "Turkiye": "TUR", "Türkiye": "TUR", "The Gambia": "GMB", "Gambia": "GMB", "Bosnia": "BIH",
                 "Vatican": "VAT", "Palestine territories": "PSE", "Europen Union": "EUR", "Burma": "MMR", "Cabo Verde": "CPV", "Cape Verde": "CPV"}
# Hosts of platforms that carry many outlets: never an outlet's own domain.
PLATFORMS = {"youtube.com", "facebook.com", "twitter.com", "x.com", "instagram.com", "t.me", "vk.com", "ok.ru",
             "tiktok.com", "rutube.ru", "linkedin.com", "google.com", "blogspot.com", "wordpress.com"}
PREFIX = re.compile(r"^(print( media)?|online( media)?|tv|television|radio|web|news agency|magazine)\s*:\s*", re.I)


def country_codes() -> dict[str, str]:
    out = {}
    with (DATA / "countries.tsv").open(encoding="utf-8") as f:
        lines = [line for line in f if not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
            out[name.casefold()] = row["iso3"]
    return out


def domain(url: str) -> str:
    host = (urlsplit(url.strip()).hostname or "").lower() if url.strip() else ""
    host = host[4:] if host.startswith("www.") else host
    return "" if not host or host in PLATFORMS or "." not in host else host


def clean(name: str) -> str:
    name = PREFIX.sub("", " ".join(name.split())).strip(" *")
    return name


def short_form(name: str) -> str | None:
    m = re.search(r"\(([^()]{2,40})\)\s*$", name)
    form = m.group(1).strip() if m else ""
    return form if form and not form[0].islower() and len(form.split()) <= 4 else None


def main(path: str) -> None:
    codes = country_codes()
    rows: dict[tuple[str, str], dict] = {}
    missing: set[str] = set()
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name, company, country = clean(r["Main assets"]), clean(r["Media company"]), r["Country"].strip()
            if not name or not country:
                continue
            iso = COUNTRY_FIXES.get(country) or codes.get(country.casefold())
            if iso is None:
                missing.add(country)
                continue
            typology = r["Typology"].strip()
            uncertain = typology.endswith("?")
            key = (name.casefold(), iso)
            row = rows.setdefault(key, {"name": name, "aliases": [], "domains": [], "country": iso,
                                        "affiliation": typology.rstrip("?"), "uncertain": uncertain,
                                        "company": company})
            for alias in (short_form(name), company if company.casefold() != name.casefold() and " or " not in company else None,
                          short_form(company)):
                if alias and alias not in row["aliases"] and alias.casefold() != name.casefold():
                    row["aliases"].append(alias)
            d = domain(r["URL"])
            if d and d not in row["domains"]:
                row["domains"].append(d)
    if missing:
        sys.stderr.write(f"countries without a code (left out): {sorted(missing)}\n")
    out = sys.stdout
    out.write("# detente outlet registry. Derived data; see PROVENANCE-outlets.md.\n")
    out.write("name\taliases\tdomains\tcountry\taffiliation\tuncertain\n")
    for row in sorted(rows.values(), key=lambda r: (r["country"], r["name"].casefold())):
        cells = [row["name"], "|".join(row["aliases"]), "|".join(row["domains"]), row["country"],
                 row["affiliation"], "1" if row["uncertain"] else ""]
        out.write("\t".join(c.replace("\t", " ") for c in cells) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
