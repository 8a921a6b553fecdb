"""Each argument finder carries its own ``disabled`` rules: two coders built with different rule sets, whose
finders are used in turn in one thread, never see each other's set (no module or context state across finders)."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from handdoc import build  # noqa: E402

from detente.events.attribution import Speakers  # noqa: E402
from detente.events.extract import EventCoder  # noqa: E402

DATED = dt.date(2024, 2, 28)

# "Hungary lifted the veto on Finland's and Sweden's membership.": the phrase-stage rule
# coordinated_modifier_distributes (read inside the noun-phrase helpers) makes it both memberships
VETO = [
    ("Hungary", "PROPN", "nsubj", 1, None, "B-GPE"), ("lifted", "VERB", "ROOT", 1, "lift"),
    ("the", "DET", "det", 3), ("veto", "NOUN", "dobj", 1), ("on", "ADP", "prep", 3),
    ("Finland", "PROPN", "poss", 10, None, "B-GPE"), ("'s", "PART", "case", 5), ("and", "CCONJ", "cc", 5),
    ("Sweden", "PROPN", "conj", 5, None, "B-GPE"), ("'s", "PART", "case", 8),
    ("membership", "NOUN", "pobj", 4), (".", "PUNCT", "punct", 1),
]
# "Russia deployed peacekeepers to the region of Armenia.": place_of_is_a_place (read inside the closest-mention
# search of a noun phrase) keeps Armenia out
REGION = [
    ("Russia", "PROPN", "nsubj", 1, None, "B-GPE"), ("deployed", "VERB", "ROOT", 1, "deploy"),
    ("peacekeepers", "NOUN", "dobj", 1, "peacekeeper"), ("to", "ADP", "prep", 1), ("the", "DET", "det", 5),
    ("region", "NOUN", "pobj", 3), ("of", "ADP", "prep", 5), ("Armenia", "PROPN", "pobj", 6, None, "B-GPE"),
    (".", "PUNCT", "punct", 1),
]


@pytest.mark.parametrize("tokens, rule, etype, prep, with_rule, without_rule", [
    (VETO, "coordinated_modifier_distributes", "AGREE", None, ["FIN", "SWE"], ["FIN"]),
    (REGION, "place_of_is_a_place", "MOBILIZE", "to", [], ["ARM"]),
])
def test_two_coders_interleaved_keep_their_own_disabled_rules(pipeline, tokens, rule, etype, prep, with_rule,
                                                               without_rule):
    parsed = build(pipeline.nlp.vocab, tokens, published=DATED)
    sp = Speakers(parsed, pipeline.resolver.resolve(parsed))
    lex, agents = pipeline.coder.lex, pipeline.coder.agents
    every, ablated = EventCoder(lex, agents=agents), EventCoder(lex, agents=agents, disabled={rule})
    verb = parsed.doc[1]

    def targets(finder):
        return [m.actor.country for m in finder.objects(verb, etype=etype, wanted_prep=prep, visit=False)]

    # both finders built first, then used in turn: each must answer by its own coder's rules, whichever was built
    # (or used) last
    f_every, f_ablated = every.finder(sp), ablated.finder(sp)
    assert targets(f_every) == with_rule
    assert targets(f_ablated) == without_rule
    f_every2 = every.finder(sp)
    assert targets(f_ablated) == without_rule
    assert targets(f_every2) == with_rule
    assert targets(f_every) == with_rule
