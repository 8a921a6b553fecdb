"""Shared fixtures: the seed articles and eval data live in ../shared beside the repository."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not available (../shared must sit beside the repository)")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def seed_manifest(seeds_dir: Path) -> Path:
    return seeds_dir / "manifest.csv"


@pytest.fixture(scope="session")
def seed_texts(seeds_dir: Path) -> dict[str, str]:
    """Seed file name -> raw text."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_meta(seed_manifest: Path) -> dict[str, dict[str, str]]:
    with seed_manifest.open(encoding="utf-8") as f:
        return {row["path"]: row for row in csv.DictReader(f)}


@pytest.fixture(scope="session")
def pipeline():
    from detente.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory, seeds_dir: Path, seed_manifest: Path, pipeline):
    """A store with the five seeds ingested with their manifest (built once per run)."""
    from detente.jobs import ingest
    from detente.store import Store

    db = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    with Store(db) as store:
        summary = ingest([str(seeds_dir)], store=store, pipeline=pipeline, manifest=seed_manifest)
    assert summary.stored == 5, summary.to_dict()
    return db


@pytest.fixture(scope="session")
def seed_extractions(seed_texts, seed_meta, pipeline):
    """File name -> Extraction of that seed (with manifest outlet and date)."""
    import datetime as dt

    from detente.ingest.sources import Meta, make_document

    docs = {}
    for name, text in seed_texts.items():
        meta = seed_meta[name]
        docs[name] = make_document(
            text.encode("utf-8"), source=name, is_html=False,
            meta=Meta(outlet=meta["outlet"] or None, published=dt.date.fromisoformat(meta["published"])),
        )
    return dict(zip(docs, pipeline.extract(docs.values())))
