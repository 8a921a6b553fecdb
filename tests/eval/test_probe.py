"""The development-probe scorer: its matching on hand-built records, and one run on the real probe (model).

The hand-built texts below are invented paraphrases; the probe's articles are read from
../shared/probe-dev and never copied here.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from dataclasses import replace
from pathlib import Path

import pytest

from detente.actors.gazetteer import load_gazetteer
from detente.eval import probe
from detente.eval.probe import Expected, Reported, match_relations
from detente.eval.run import DATASETS, evaluate
from detente.model import (Actor, DateBasis, Document, Event, EventDate, Extraction, Mention, RelationClaim,
                           Sentence)

PROBE = Path(__file__).resolve().parents[2] / ".." / "shared" / "probe-dev"
ORGS = load_gazetteer().organisations


# -- actor codes ----------------------------------------------------------------------
def test_node_codes_roll_up_states_and_name_organisations_by_gazetteer():
    g = load_gazetteer()
    assert probe.node_code("FRA", ORGS) == "FRA"
    assert probe.node_code(None, ORGS) is None
    for org_id, code in {"nato": "NATO", "csto": "CSTO", "icc": "ICC", "eu": "EU", "pkk": "PKK"}.items():
        assert probe.node_code(g.org_actor(org_id).node, ORGS) == code
    # A person acts for the state: its node is the country code.
    on = dt.date(2023, 9, 1)
    putin = g.person_actor(g.period_for("Vladimir Putin", on), on)
    assert putin.id.startswith("RUS") and probe.node_code(putin.node, ORGS) == "RUS"


# -- relation matching -----------------------------------------------------------------
def _rep(article, s, t, sign, evidence="e", reciprocal=False):
    return Reported(article, s, t, sign, evidence, "X 'x'", reciprocal)


def test_match_is_per_article_and_sign_never_global():
    expected = [Expected("07", "TUR", "SWE", -1, True), Expected("10", "TUR", "SWE", 1, True)]
    # detente found TUR-SWE negative in 10 only: neither row is found, and the report is unsupported.
    m = match_relations(expected, [_rep("10", "TUR", "SWE", -1)])
    assert m["found"] == [False, False]
    assert [(r.article, r.sign) for r in m["unsupported"]] == [("10", -1)]
    m = match_relations(expected, [_rep("07", "TUR", "SWE", -1), _rep("10", "TUR", "SWE", 1)])
    assert m["found"] == [True, True] and m["unsupported"] == [] and m["supported_reports"] == 2


def test_match_ignores_direction_but_directed_figure_does_not():
    expected = [Expected("a", "SLB", "CHN", 1, True)]
    m = match_relations(expected, [_rep("a", "CHN", "SLB", 1)])
    assert m["found"] == [True] and m["directed"] == [False] and m["unsupported"] == []
    m = match_relations(expected, [_rep("a", "CHN", "SLB", 1, reciprocal=True)])
    assert m["directed"] == [True]


def test_unsupported_reports_are_listed_once_per_sentence():
    expected = [Expected("a", "FRA", "USA", -1, True)]
    reports = [_rep("a", "AUS", "FRA", 1, "s1"), _rep("a", "AUS", "FRA", 1, "s1"), _rep("a", "AUS", "FRA", 1, "s2"),
               _rep("a", "FRA", "USA", -1, "s3")]
    m = match_relations(expected, reports)
    assert [r.evidence for r in m["unsupported"]] == ["s1", "s2"]
    assert m["found"] == [True]


# -- speakers and sentences ------------------------------------------------------------
def test_speaker_matching():
    assert probe.speaker_matches("White House (readout)", ["the White House"])
    assert probe.speaker_matches("Marise Payne and Zed Seselja", ["Seselja"])
    assert probe.speaker_matches("Recep Tayyip Erdoğan", ["Erdogan"])
    assert probe.speaker_matches("Zhao Lijian", ["Zhao"])  # family name first
    assert probe.speaker_matches("Nikol Pashinyan (as quoted by TASS)", ["he", "Nikol Pashinyan"])
    assert not probe.speaker_matches("Office of the President of Finland (Sauli Niinisto)", ["President",
                                                                                            "Alexander Stubb"])
    assert not probe.speaker_matches("Jacinda Ardern", ["Australia (government)"])
    assert not probe.speaker_matches("Jens Stoltenberg", [])


def test_sentence_matching_folds_quotes_and_accepts_a_split_sentence():
    assert probe.sentence_matches("He said: \u201cNo.\u201d Then he left.", 'He said: "No."')
    assert probe.sentence_matches("Short one.", "Before it. Short  one. After it.")
    assert not probe.sentence_matches("A different sentence.", "Short one.")


# -- on hand-built extractions ----------------------------------------------------------
TEXT = "Alphaland condemned Betaland. Gammaland and Alphaland met. Ana Lopez said Betaland would not help."


def _actor(code: str, kind: str = "state", node: str | None = "same") -> Actor:
    return Actor(id=code, name=code, kind=kind, country=code, node=code if node == "same" else node)


def _mention(doc_id: str, text: str, actor: Actor | None, sent: int = 0) -> Mention:
    start = TEXT.index(text)
    return Mention(doc_id, sent, start, start + len(text), text, actor, "test")


def _extraction(doc_id: str = "d") -> Extraction:
    doc = Document(id=doc_id, text=TEXT)
    sents = [Sentence(doc_id, i, TEXT.index(s), TEXT.index(s) + len(s), s)
             for i, s in enumerate(["Alphaland condemned Betaland.", "Gammaland and Alphaland met.",
                                    "Ana Lopez said Betaland would not help."])]
    a, b, c = _actor("FRA"), _actor("USA"), _actor("GBR")
    nato = Actor(id="IGOMIL:nato", name="NATO", kind="igo", node="IGOMIL:nato")
    ana = _mention(doc_id, "Ana Lopez", Actor(id="FRAGOV:ana", name="Ana Lopez", kind="person", country="FRA",
                                              node="FRA"), 2)
    events = (
        Event(doc_id, 0, "condemned", 10, "ACCUSE", "111", -4.0, (_mention(doc_id, "Alphaland", a),),
              (_mention(doc_id, "Betaland", b),), date=EventDate(None, DateBasis.BACKGROUND)),
        Event(doc_id, 1, "met", 50, "CONSULT", "040", 1.0, (_mention(doc_id, "Gammaland", c, 1),
                                                            _mention(doc_id, "Alphaland", a, 1)), ()),
        Event(doc_id, 2, "help", 90, "AID", "070", 3.0, (_mention(doc_id, "Betaland", b, 2),),
              (_mention(doc_id, "Alphaland", a, 2),), said_by=ana, negated=True),
        Event(doc_id, 2, "said", 70, "CONSULT", "010", 0.0, (_mention(doc_id, "Betaland", b, 2),),
              (_mention(doc_id, "Alphaland", a, 2),), said_by=ana, hedged=True),
    )
    claims = (RelationClaim(doc_id, 0, "condemned", 10, _mention(doc_id, "Alphaland", a),
                            _mention(doc_id, "Betaland", nato), -1),)
    return Extraction(doc, tuple(sents), (ana,), events, claims)


def test_reported_pairs_reciprocal_negated_unsigned_and_claims():
    pairs, skipped = probe.reported_pairs("art", _extraction(), ORGS)
    got = {(p.source, p.target, p.sign, p.reciprocal) for p in pairs}
    assert got == {("FRA", "USA", -1, False), ("GBR", "FRA", 1, True), ("FRA", "NATO", -1, False)}
    assert skipped == {"unsigned": 1, "negated": 1}
    assert all(p.evidence for p in pairs)


def test_person_outcomes():
    x = _extraction()
    assert probe.person_outcome("Ana López", "FRA", x, ORGS)[0] == "right"  # accents folded
    assert probe.person_outcome("Ana Lopez", "USA", x, ORGS)[0] == "wrong"
    assert probe.person_outcome("Bo Chen", "CHN", x, ORGS)[0] == "not found"


class FakePipeline:
    """Returns the hand-built extraction for every document (the texts are ours)."""

    def extract(self, documents):
        for d in documents:
            yield _extraction(d.id)


def _probe_folder(tmp_path: Path, expectations: dict) -> Path:
    (tmp_path / "articles").mkdir()
    with (tmp_path / "articles" / "manifest.csv").open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["path", "outlet", "published", "title"])
        for name in ("01_a.txt", "02_b.txt"):
            (tmp_path / "articles" / name).write_text(f"Title {name}\n\n{TEXT}", encoding="utf-8")
            w.writerow([f"articles/{name}", "Outlet", "2022-05-01", f"Title {name}"])
    (tmp_path / "expectations.json").write_text(json.dumps(expectations), encoding="utf-8")
    return tmp_path


def test_evaluate_wires_every_check(tmp_path):
    sent = ["Alphaland condemned Betaland.", "Gammaland and Alphaland met.", "Ana Lopez said Betaland would not help."]
    folder = _probe_folder(tmp_path, {
        "relations": [
            {"article": "01_a.txt", "a": "FRA", "b": "USA", "sign": -1, "required": True, "evidence": sent[0]},
            {"article": "02_b.txt", "a": "FRA", "b": "USA", "sign": 1, "required": True, "evidence": sent[0]},
            {"article": "01_a.txt", "a": "FRA", "b": "NATO", "sign": -1, "required": False, "evidence": sent[0]},
        ],
        "people": [{"article": "01_a.txt", "name": "Ana Lopez", "country": "FRA"},
                   {"article": "02_b.txt", "name": "Ana Lopez", "country": "ESP"}],
        "attributions": [{"article": "01_a.txt", "sentence": sent[2], "speaker": "Ana Lopez"},
                         {"article": "01_a.txt", "sentence": sent[0], "speaker": "Ana Lopez"}],
        "background": [{"article": "01_a.txt", "sentence": sent[0], "when": "2019"},
                       {"article": "01_a.txt", "sentence": sent[1], "when": "2019"}],
        "modality": [{"article": "01_a.txt", "sentence": sent[2], "flag": "negated"},
                     {"article": "01_a.txt", "sentence": sent[1], "flag": "intent"}],
    })
    [result] = evaluate("probe", folder, FakePipeline())
    f = result.figures
    assert result.n == 2 and result.crashes == 0
    assert f["required"] == {"found": 1, "total": 2, "share": 0.5}  # 02's + row is not met by 01's - report
    assert f["optional"]["found"] == 1
    # 02 reports FRA-USA -1 and FRA-NATO -1 (expected only in 01), GBR-FRA +1 in both articles.
    assert f["unsupported_relations"] == 4
    assert {(u["article"], u["source"], u["target"], u["sign"]) for u in f["unsupported"]} == {
        ("02_b.txt", "FRA", "USA", -1), ("02_b.txt", "FRA", "NATO", -1), ("01_a.txt", "GBR", "FRA", 1),
        ("02_b.txt", "GBR", "FRA", 1)}
    assert all(u["evidence"] for u in f["unsupported"])
    assert (f["people"]["right"], f["people"]["wrong"]) == (1, 1)
    # sentence 0's condemnation is a speech act credited to its source, Alphaland: not Ana Lopez
    assert (f["attributions"]["right"], f["attributions"]["wrong speaker"]) == (1, 1)
    assert (f["background"]["right"], f["background"]["not marked"]) == (1, 1)
    assert f["modality"]["by_flag"]["negated"]["right"] == 1
    assert f["modality"]["by_flag"]["intent"]["not flagged"] == 1
    json.dumps(result.to_dict())


def test_missing_probe_folder_is_a_clear_error(tmp_path):
    from detente.errors import InputError

    with pytest.raises(InputError, match="probe folder"):
        evaluate("probe", tmp_path, FakePipeline())


def test_a_speech_act_is_credited_to_its_source():
    # "Alphaland condemned Betaland.": a speech act whose speaker is its source (no said_by by design)
    x = _extraction()
    condemn, met, help_, _ = x.events
    assert probe.speakers_of(condemn) == ("Alphaland", "FRA")
    assert probe.speakers_of(help_) == ("Ana Lopez", "Ana Lopez")  # said_by wins
    aid = Event("d", 0, "sent", 10, "AID", "070", 3.0, condemn.source, condemn.target)
    assert probe.speakers_of(aid) == () and probe.speakers_of(met) == ()  # material acts (and meetings 04x: verbal)


# -- the real probe (model) ---------------------------------------------------------------
@pytest.mark.model
@pytest.mark.slow
def test_real_probe(pipeline):
    if not (PROBE / "expectations.json").is_file():
        pytest.skip(f"{PROBE.resolve()} is absent: the probe lives in ../shared/probe-dev")
    assert DATASETS["probe"][1] == "probe-dev"
    [result] = evaluate("probe", PROBE, pipeline)
    data = result.to_dict()
    f = data["figures"]
    gold = json.loads((PROBE / "expectations.json").read_text(encoding="utf-8"))
    assert data["n"] == 23 and data["crashes"] == 0
    n_req = sum(1 for r in gold["relations"] if r["required"])
    assert f["required"]["total"] == n_req and f["optional"]["total"] == len(gold["relations"]) - n_req
    for key, n in (("people", "people"), ("attributions", "attributions"), ("background", "background"),
                   ("modality", "modality")):
        assert f[key]["total"] == len(gold[n])
        assert 0.0 <= f[key]["share"] <= 1.0
    for key in ("required", "optional", "required_directed", "optional_directed"):
        assert 0 <= f[key]["found"] <= f[key]["total"]
    assert f["required_directed"]["found"] <= f["required"]["found"]
    assert f["unsupported_relations"] == len(f["unsupported"]) <= f["reported_pairs"]
    assert f["supported_reports"] + f["unsupported_relations"] <= f["reported_pairs"] + f["unsupported_relations"]
    assert all(u["evidence"] and u["article"].endswith(".txt") for u in f["unsupported"])
    # Figures in a plausible range for the current extractor (a collapse to zero is a bug in the wiring).
    assert f["required"]["found"] >= 5 and f["people"]["right"] >= 10
    # and floors a few points under the figures measured for issues 11 and 12 (EVAL.md: 53, 31, 34 unsupported with
    # the shipped learned heads, each read and true, 12 background, 27 attributions), so a regression shows
    assert f["required"]["found"] >= 49 and f["optional"]["found"] >= 27 and f["unsupported_relations"] <= 36 \
        and f["background"]["right"] >= 10 and f["attributions"]["right"] >= 25
    json.dumps(data)


def test_reported_pairs_co_agents_of_a_one_sided_act_are_no_pair():
    # "Gammaland and Alphaland backed the rebels": each backs them, they do nothing to each other; the same with
    # a target named but not resolved, even for a mutual act
    x = _extraction()
    c, a = _actor("GBR"), _actor("FRA")
    both = (_mention("d", "Gammaland", c, 1), _mention("d", "Alphaland", a, 1))
    rebels = _mention("d", "met", None, 1)
    backed = Event("d", 1, "met", 50, "SUPPORT", "051", 3.0, both, ())
    signed = Event("d", 1, "met", 50, "SUPPORT", "057", 5.0, both, (rebels,))
    for e in (backed, signed):
        pairs, _ = probe.reported_pairs("art", replace(x, events=(e,), relation_claims=()), ORGS)
        assert pairs == []


class _Revised:
    """The hand-built extraction of every document, revised by ``revise(extraction, doc_id)``."""

    def __init__(self, revise):
        self.revise = revise

    def extract(self, documents):
        for d in documents:
            yield self.revise(_extraction(d.id), d.id)


def _attribution_figures(folder: Path, revise) -> dict:
    """The attribution figures of the one-article probe in ``folder`` whose only expectation credits "Ana Lopez said
    Betaland would not help." to Ana Lopez, extracted by ``_Revised(revise)``."""
    folder.mkdir()
    expectations = {"relations": [], "people": [], "background": [], "modality": [],
                    "attributions": [{"article": "01_a.txt", "sentence": "Ana Lopez said Betaland would not help.",
                                      "speaker": "Ana Lopez"}]}
    [result] = evaluate("probe", _probe_folder(folder, expectations), _Revised(revise), limit=1)
    return result.figures["attributions"]


def test_a_second_speaker_named_in_the_sentence_is_counted_apart(tmp_path):
    # "Ana Lopez said Betaland would not help.": Ana is credited; a second item credited to Betaland, named in the
    # same sentence, makes the row "two speakers" (not right); the same item credited to someone absent is wrong
    def second_speaker(who):
        def revise(x, doc_id):
            other = replace(x.events[2], trigger_start=91, said_by=_mention(doc_id, who, _actor("USA"), 2))
            return replace(x, events=(*x.events, other))
        return revise

    named = _attribution_figures(tmp_path / "a", second_speaker("Betaland"))
    assert named["right"] == 0 and named["two speakers"] == 1
    assert _attribution_figures(tmp_path / "b", second_speaker("Gammaland"))["wrong speaker"] == 1


def test_a_sentence_that_only_names_a_speaker_is_scored_on_what_it_attributes(tmp_path):
    # "Gammaland and Alphaland met. Ana Lopez said so.": the sentence naming the speaker has no item of its own;
    # the meeting credited to Ana (her mention in that sentence) is its attribution; uncredited, it has no event
    def meeting(credit):
        def revise(x, doc_id):
            met = replace(x.events[1], said_by=x.mentions[0] if credit else None)
            return replace(x, events=(x.events[0], met), relation_claims=())
        return revise

    assert _attribution_figures(tmp_path / "a", meeting(True))["right"] == 1
    assert _attribution_figures(tmp_path / "b", meeting(False))["no event"] == 1
