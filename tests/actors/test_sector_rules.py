"""Actor sector rules (issue 11: NGEC sector): each on a hand-built Doc, so removing the rule fails its test."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from detente.actors import resolve as resolve_module

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import build  # noqa: E402

DATED = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def resolve(pipeline):
    def run(tokens):
        parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
        return {m.text: m for m in pipeline.resolver.resolve(parsed)}

    return run


def test_sector_modifier_beats_a_generic_head(resolve):
    # "Russian intelligence agency officers left." (made up): the officers are spies, not soldiers
    ms = resolve([
        ("Russian", "ADJ", "amod", 3, None, "B-NORP"), ("intelligence", "NOUN", "compound", 2),
        ("agency", "NOUN", "compound", 3), ("officers", "NOUN", "nsubj", 4, "officer"),
        ("left", "VERB", "ROOT", 4, "leave"), (".", "PUNCT", "punct", 4),
    ])
    actor = next(m.actor for m in ms.values() if m.actor is not None)
    assert (actor.country, actor.sector) == ("RUS", "SPY")


def test_sector_modifier_religion_refines_a_community_leader(pipeline):
    gaz = pipeline.gazetteer
    # "a Catholic community leader": "community leader" is CVL, the religion before it makes it REL
    assert resolve_module.phrase_sector(["catholic", "community"], "leader", "leader", gaz) == "REL"
    assert resolve_module.phrase_sector(["community"], "leader", "leader", gaz) == "CVL"
    # a head that is not generic keeps its own sector: "Jewish settlers" are civilians
    assert resolve_module.phrase_sector(["jewish"], "settlers", "settler", gaz) == "CVL"


def test_agent_phrase_reads_the_head_lemma(resolve):
    # "Kenyan taxi drivers protested.": "taxi drivers" is the listed "taxi driver" (CVL), not a bare driver
    ms = resolve([
        ("Kenyan", "ADJ", "amod", 2, None, "B-NORP"), ("taxi", "NOUN", "compound", 2),
        ("drivers", "NOUN", "nsubj", 3, "driver"), ("protested", "VERB", "ROOT", 3, "protest"),
        (".", "PUNCT", "punct", 3),
    ])
    actor = next(m.actor for m in ms.values() if m.actor is not None)
    assert (actor.country, actor.sector) == ("KEN", "CVL")


def test_a_defence_department_is_a_ministry(resolve):
    # "Peru's Defense Department said.": Peru's ministry (GOV, as any defence ministry: agents.tsv), not the
    # Pentagon's MIL (the US agency of that name)
    ms = resolve([
        ("Peru", "PROPN", "poss", 3, None, "B-GPE"), ("'s", "PART", "case", 0),
        ("Defense", "PROPN", "compound", 3, None, "B-ORG"), ("Department", "PROPN", "nsubj", 4, None, "I-ORG"),
        ("said", "VERB", "ROOT", 4, "say"), (".", "PUNCT", "punct", 4),
    ])
    actor = next(m.actor for m in ms.values() if m.actor is not None and m.actor.country == "PER")
    assert actor.sector == "GOV"


def test_universities_are_institutions_of_their_state(pipeline):
    mention = pipeline.resolver.resolve_text(pipeline.nlp, "Harvard")
    assert (mention.actor.country, mention.actor.sector) == ("USA", "EDU")
