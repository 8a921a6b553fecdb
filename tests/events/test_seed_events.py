"""Events and claims on the seed articles: coded, qualified and attributed (issue 4's list)."""

import pytest

pytestmark = pytest.mark.model


def _x(seed_extractions, prefix):
    return next(x for name, x in seed_extractions.items() if name.startswith(prefix))


def _nodes(mentions):
    return {m.actor.node for m in mentions if m.actor is not None and m.actor.node}


def _find(seed_extractions, prefix, *, trigger=None, type_=None, source=None, target=None):
    out = []
    for e in _x(seed_extractions, prefix).events:
        if trigger and not e.trigger.lower().startswith(trigger):
            continue
        if type_ and e.type != type_:
            continue
        if source and source not in _nodes(e.source):
            continue
        if target and not any(target in (n or "") for n in _nodes(e.target)):
            continue
        out.append(e)
    assert out, f"no event {trigger or ''} {type_ or ''} {source}->{target} in seed {prefix}: " + "; ".join(
        f"{e.trigger}:{e.type}:{_nodes(e.source)}->{_nodes(e.target)}" for e in _x(seed_extractions, prefix).events
    )
    return out


def test_events_putin_calls_on_israel_to_cancel_invasion(seed_extractions):
    (e, *_) = _find(seed_extractions, "000", trigger="called", type_="REQUEST", source="RUS", target="ISR")
    assert not e.negated and e.cameo.startswith("02")


def test_events_kremlin_blames_israel(seed_extractions):
    (e, *_) = _find(seed_extractions, "001", trigger="blamed", type_="ACCUSE", source="RUS", target="ISR")
    assert any("Kremlin" in m.text for m in e.source) and e.score < 0


def test_events_nebenzya_accuses_israel(seed_extractions):
    events = _find(seed_extractions, "001", type_="ACCUSE", source="RUS", target="ISR")
    assert any(any("Nebenzya" in m.text for m in e.source) for e in events)


def test_events_israel_condemns_obscene_step(seed_extractions):
    (e, *_) = _find(seed_extractions, "003", trigger="condemned", type_="ACCUSE", source="ISR", target="RUS")
    # the outlet reports it through The Telegraph; the scare-quoted "obscene step" is no speaker of its own
    assert e.said_by is not None and "Telegraph" in e.said_by.text


def test_events_hamas_and_iranian_delegations_in_moscow(seed_extractions):
    welcomed = _find(seed_extractions, "001", trigger="welcomed", type_="CONSULT", source="RUS")
    assert any("hamas" in n for e in welcomed for n in _nodes(e.target))
    _find(seed_extractions, "003", trigger="flew", type_="CONSULT", source="IRN", target="RUS")
    invited = _find(seed_extractions, "003", trigger="inviting", source="RUS")
    assert {"IRN"} <= _nodes(invited[0].target) and any("hamas" in n for n in _nodes(invited[0].target))
    assert invited[0].hedged  # "has reportedly intervened ... by inviting"


def test_events_iran_supplies_drones_to_russia(seed_extractions):
    (e, *_) = _find(seed_extractions, "000", trigger="supplied", type_="AID", source="IRN", target="RUS")
    assert e.score > 0


def test_events_soyuz_launches_iranian_satellite(seed_extractions):
    (e, *_) = _find(seed_extractions, "004", trigger="launched", source="RUS", target="IRN")
    assert e.score > 0 and e.type == "COOPERATE"
    assert e.date.basis.value == "stated" and e.date.date.isoformat() == "2022-08-09"  # "last Tuesday"


def test_events_putin_orders_jewish_agency_closed(seed_extractions):
    (e, *_) = _find(seed_extractions, "004", trigger="close", source="RUS", target="jewish-agency")
    assert e.score < 0 and any("Putin" in m.text for m in e.source)


def test_events_russia_and_china_stop_short_of_condemning_hamas(seed_extractions):
    (e, *_) = _find(seed_extractions, "003", trigger="condemning", type_="ACCUSE", target="hamas")
    assert e.negated
    assert {"RUS", "CHN"} <= _nodes(e.source)


def test_events_israel_intends_is_intent_not_act(seed_extractions):
    (e, *_) = _find(seed_extractions, "003", trigger="continue", source="ISR", target="hamas")
    assert e.intent and e.type == "THREATEN" and e.type != "ASSAULT"
    # a threat is a speech act: its source (Israel, "it" of "Israel says it intends") is its speaker, and is not
    # repeated as said_by (issue 12, item 5)
    assert e.said_by is None and any(m.actor is not None and m.actor.node == "ISR" for m in e.source)


def test_events_rumoured_promise_is_hedged(seed_extractions):
    (e, *_) = _find(seed_extractions, "001", trigger="promised", source="RUS")
    assert e.hedged


def test_events_background_has_no_made_up_date(seed_extractions):
    """Issue 12: background told without a time keeps an unknown date ("before publication"), and the
    stated relation of the same clause ("promoted cultural ties") is not counted a second time."""
    x = _x(seed_extractions, "000")
    (e, *_) = _find(seed_extractions, "000", trigger="promoted", source="RUS")
    assert e.date.basis.value == "background" and e.date.date is None and e.date.precision == "before-publication"
    assert {"RUS", "ISR"} <= _nodes(e.source)  # "Putin and Netanyahu promoted": reciprocal
    assert not [r for r in x.relation_claims if r.sent_idx == e.sent_idx and r.cue == "ties"]


def test_events_stated_times_of_the_seeds(seed_extractions):
    """Dates stated in the event's own clause, with their precision (issue 12)."""
    (attack, *_) = _find(seed_extractions, "002", trigger="attack", type_="ASSAULT")  # "Hamas' Oct. 7 attack"
    assert (attack.date.date.isoformat(), attack.date.precision, attack.date.basis.value) == ("2023-10-07", "day",
                                                                                               "stated")
    (pledge, *_) = [e for x in seed_extractions.values() for e in x.events if e.date.text and "2005" in e.date.text]
    assert (pledge.date.date.year, pledge.date.precision, pledge.date.basis.value) == (2005, "year", "background")
    (call, *_) = _find(seed_extractions, "000", trigger="called", type_="REQUEST", source="RUS", target="ISR")
    assert call.date.precision == "week"  # "This week he called on Israel ..."


def test_events_listed_most_salient_first_within_a_sentence(seed_extractions):
    for x in seed_extractions.values():
        by_sentence = {}
        for e in x.events:
            by_sentence.setdefault(e.sent_idx, []).append(e.salience)
        for saliences in by_sentence.values():
            assert saliences == sorted(saliences, reverse=True)


# -- stated relations and their claimants ---------------------------------------------------------

def _claims(seed_extractions, prefix):
    return _x(seed_extractions, prefix).relation_claims


def test_claims_gallyamov_enemy_claim_attributed(seed_extractions):
    enemy = [r for r in _claims(seed_extractions, "000") if r.cue.lower() == "enemy"]
    assert enemy
    for r in enemy:
        assert r.polarity == -1 and {r.a.actor.node, r.b.actor.node} == {"RUS", "ISR"}
        assert r.said_by is not None and "Gallyamov" in r.said_by.text
        assert r.outlet == "Daily Express US"


def test_claims_hamas_calls_russia_closest_friend(seed_extractions):
    (r,) = [r for r in _claims(seed_extractions, "000") if r.cue.lower() == "friend"]
    assert r.polarity == 1 and r.said_by is not None and r.said_by.text == "Hamas"
    assert {r.a.actor.node, r.b.actor.node} == {"RUS", r.said_by.actor.node}


def test_claims_quote_after_he_said_belongs_to_last_named_speaker(seed_extractions):
    proxy = [r for r in _claims(seed_extractions, "000") if r.cue.lower() == "proxy"]
    assert proxy and proxy[0].said_by is not None and "Gallyamov" in proxy[0].said_by.text
    assert {proxy[0].a.actor.node, proxy[0].b.actor.node} == {"RUS", "IRN"} and proxy[0].polarity == 1


def test_claims_no_friend_is_hostile(seed_extractions):
    friend = [r for r in _claims(seed_extractions, "001") if r.cue.lower() == "friend"]
    assert friend and friend[0].polarity == -1 and {friend[0].a.actor.node, friend[0].b.actor.node} == {"RUS", "ISR"}


def test_claims_strategic_allies_and_eroding_ties_in_one_sentence(seed_extractions):
    claims = _claims(seed_extractions, "004")
    pairs = {frozenset((r.a.actor.node, r.b.actor.node)): r.polarity for r in claims if r.sent_idx == max(c.sent_idx for c in claims)}
    assert pairs.get(frozenset({"IRN", "RUS"})) == 1
    assert pairs.get(frozenset({"RUS", "ISR"})) == -1


# -- the seeds' three relations that were missed (issue 12 item 7) ---------------------------------------------

def test_events_israel_disappointed_that_china_did_not_condemn_hamas(seed_extractions):
    # Seed 003: Israel's ambassador voices disappointment that China did not condemn Hamas's strikes: that is
    # Israel disapproving of China (the complaint's that-clause names its target), not a comment with no target.
    (e, *_) = _find(seed_extractions, "003", type_="ACCUSE", source="ISR", target="CHN")
    assert e.score < 0 and not e.negated


def test_events_qatar_and_iran_fund_hamas_from_a_relative_clause(seed_extractions):
    # Seed 001: Hamas, in a relative clause, receives its funding, weapons and training from Iran and Qatar: the
    # givers are the source, the noun the clause belongs to is the target, and each giver is its own dyad.
    (e, *_) = _find(seed_extractions, "001", trigger="receive", type_="AID", source="QAT", target="hamas")
    assert _nodes(e.source) == {"IRN", "QAT"} and e.score > 0


def test_events_putin_meets_his_ally_erdogan(seed_extractions):
    # Seed 001: a position Putin expressed in a meeting with his ally, the Turkish president (named in a loose
    # apposition that the parser hangs elsewhere).
    (e, *_) = _find(seed_extractions, "001", trigger="meeting", type_="CONSULT", source="RUS", target="TUR")
    assert any("Erdogan" in m.text for m in e.target)


def test_events_trilateral_summit_brings_together_russia_turkey_and_iran(seed_extractions):
    # Seed 004: the trilateral summit in Tehran that brought together Putin, Erdogan and the Iranian president:
    # a reciprocal CONSULT between the three states (the clause hangs on the place, the list is broken).
    (e, *_) = _find(seed_extractions, "004", trigger="summit", type_="CONSULT", source="TUR")
    assert {"RUS", "TUR", "IRN"} <= _nodes(e.source) and not e.target


def test_claims_putins_ally_erdogan(seed_extractions):
    # Seed 001: "his ally ..., Turkish president Erdogan": the pronoun's person and the one named in apposition
    ally = [r for r in _claims(seed_extractions, "001") if r.cue.lower() == "ally"]
    assert ally and ally[0].polarity == 1 and {ally[0].a.actor.node, ally[0].b.actor.node} == {"RUS", "TUR"}
