"""Fixtures of the API tests: a small hand-built store, in-process clients, and the real server over HTTP.

The small store is written from records built by hand (no spaCy), so its
numbers do not move when the extractor changes; the seed store
(``seed_store`` in tests/conftest.py) is copied before a server opens it,
so no other test ever finds it locked.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from detente.model import Actor, DateBasis, Document, Event, EventDate, Extraction, Mention, RelationClaim, Sentence
from detente.store import Store

from .live import LOCAL, TOKEN, LiveServer, copy_store

with warnings.catch_warnings():
    # Starlette asks for the httpx2 fork; the httpx client it still supports is the one pinned here.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


CODES = {"Russia": "RUS", "Israel": "ISR", "Iran": "IRN"}
STATES = {
    "RUS": Actor("RUSGOV", "Russia (government)", "state", "RUS", "GOV", node="RUS", node_name="Russia"),
    "ISR": Actor("ISRGOV", "Israel (government)", "state", "ISR", "GOV", node="ISR", node_name="Israel"),
    "IRN": Actor("IRNGOV", "Iran (government)", "state", "IRN", "GOV", node="IRN", node_name="Iran"),
}


def _doc(text: str, *, outlet: str | None, published: dt.date, title: str) -> Document:
    return Document(Document.make_id(text), text, title=title, outlet=outlet, published=published,
                    date_basis=DateBasis.MANIFEST)


def _mention(doc: Document, sentence: Sentence, word: str, code: str) -> Mention:
    start = doc.text.index(word, sentence.start)
    return Mention(doc.id, sentence.idx, start, start + len(word), word, STATES[code], "gazetteer")


def _extraction(text: str, outlet: str | None, published: dt.date, title: str,
                events: list[tuple[str, str, str, str, float, dict[str, Any]]],
                claims: list[tuple[str, str, str, int]] = ()) -> Extraction:
    """One document of one sentence; events are (source word, target word, trigger, type, score, flags)."""
    doc = _doc(text, outlet=outlet, published=published, title=title)
    sentence = Sentence(doc.id, 0, 0, len(text), text)
    date = EventDate(published, DateBasis.PUBLISHED)
    mentions: dict[str, Mention] = {}
    coded = []
    for src, tgt, trigger, kind, score, flags in events:
        s = mentions.setdefault(src, _mention(doc, sentence, src, CODES[src]))
        t = mentions.setdefault(tgt, _mention(doc, sentence, tgt, CODES[tgt]))
        coded.append(Event(doc.id, 0, trigger, text.index(trigger), kind, "112", score, (s,), (t,), outlet=outlet,
                           date=date, evidence_text=text, evidence_end=len(text), **flags))
    stated = []
    for a, b, cue, polarity in claims:
        ma = mentions.setdefault(a, _mention(doc, sentence, a, CODES[a]))
        mb = mentions.setdefault(b, _mention(doc, sentence, b, CODES[b]))
        stated.append(RelationClaim(doc.id, 0, cue, text.index(cue), ma, mb, polarity, outlet=outlet, date=date,
                                    evidence_text=text, evidence_end=len(text)))
    return Extraction(doc, (sentence,), tuple(mentions.values()), tuple(coded), tuple(stated))


SMALL_CORPUS = [
    ("Russia condemned Israel over the strikes, and the 100% figure was disputed.", "Al-Monitor",
     dt.date(2023, 1, 10), "Russia condemns Israel",
     [("Russia", "Israel", "condemned", "ACCUSE", -5.0, {})]),
    ("Iran praised Russia for its support at the talks.", "Al-Monitor", dt.date(2023, 1, 12), "Iran praises Russia",
     [("Iran", "Russia", "praised", "SUPPORT", 5.0, {})]),
    ("Israel reportedly accused Russia of arming its enemies.", "TASS", dt.date(2023, 6, 5),
     "Israel accuses Russia", [("Israel", "Russia", "accused", "ACCUSE", -4.0, {"hedged": True})]),
    ("Iran is a friend of Russia, an official said.", None, dt.date(2022, 3, 1), "Friends",
     [], [("Iran", "Russia", "friend", 1)]),
]


@pytest.fixture(scope="session")
def token() -> str:
    """The bearer token of the ingest-enabled apps and servers."""
    return TOKEN


@pytest.fixture(scope="session")
def small_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four hand-built documents: Russia-Israel hostile (2 outlets), Iran-Russia friendly (an event and a claim)."""
    db = tmp_path_factory.mktemp("small") / "small.duckdb"
    with Store(db) as store:
        store.write(_extraction(*row) for row in SMALL_CORPUS)
    return db


@pytest.fixture(scope="session")
def client(small_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app in-process over (a copy of) the small store, ingest off (read-only)."""
    from detente.api.app import create_app

    db = copy_store(small_store, tmp_path_factory.mktemp("client"))
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def seed_client(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    """The app in-process over a copy of the five seeds, ingest off."""
    from detente.api.app import create_app

    db = copy_store(seed_store, tmp_path_factory.mktemp("seed-client"))
    with TestClient(create_app(db), base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def ingest_client(small_store: Path, tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Iterator[TestClient]:
    """The app in-process with ingest on (token ``TOKEN``) over its own copy of the small store."""
    from detente.api.app import create_app

    db = copy_store(small_store, tmp_path_factory.mktemp("ingest-client"))
    app = create_app(db, token=TOKEN, load_pipeline=lambda: pipeline)
    with TestClient(app, base_url=LOCAL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def live_server(seed_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The real server over HTTP on a copy of the seeds, ingest on with ``TOKEN`` (from DETENTE_TOKEN)."""
    folder = tmp_path_factory.mktemp("live")
    server = LiveServer(copy_store(seed_store, folder), folder / "serve.log", token=TOKEN)
    yield server
    server.stop()
