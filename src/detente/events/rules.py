"""The event coder's named rules: a registry of small, separately testable overrides.

Each rule is a plain function registered under a name, in the style of spaCy's component registry
(``@Language.component("name")``) and detente's own exporters registry: ``@rule("name", reads=...,
changes=..., vocab=(...))``.  A rule receives the event as the coder has built it so far (a ``Draft``: the
trigger token, its sentence, the coding, modality, arguments and speaker) and returns it, changed or not.
The coder applies the registered rules in registration order after the arguments are found; the order
below is the order of application and matters (a refusal is read before an intention is coded).

Every rule states what it ``reads`` (which parse links and words) and what it ``changes`` (which fields of
the draft).  Its words live in ``data/rule_vocab.tsv`` under the word-set names it declares in ``vocab``
(provenance in ``data/PROVENANCE-events.md``); ``vocab()`` refuses a file with a set no rule declares, so a
dead vocabulary cannot linger.  ``EventCoder(..., disabled={"name"})`` builds a coder without some rules:
the tests use it to show that each rule's test fails without its rule.

Stages, each a decorator made by ``stage_decorator`` and a list of rules applied in registration order:

* ``coding`` (``coding_rule``, rules in ``extract.py``): what trigger a token makes (reversals, recipients,
  aspectual verbs, the lexicon's verbs, compound nouns, event nouns); the first rule that applies decides;
* ``trigger`` (``trigger_veto``): verbs of the lexicon that are no event where they stand;
* ``selection`` (``selection_rule``): triggers of a sentence that report no act of their own;
* ``subject`` (``subject_rule``, rules in ``arguments.py``): what a subject token stands for (pronouns, "the
  group", "the two leaders", collectives, agent nouns); the first rule that applies decides;
* ``clause`` (``clause_rule``, rules in ``arguments.py``): the climb from a trigger to its subject (its own
  subject, a relative clause's noun, object control, an order's issuer, ...); the first rule that applies decides;
* ``object`` (``object_rule``, rules in ``arguments.py``): where the target of a verb is found (its object, the
  author of an event object, a that-clause's subject, a preposition's object, a light verb's event noun); the
  first rule that finds one decides;
* ``event`` (``rule``): revisions of an event after its arguments are found;
* ``phrase`` (``phrase_rule``, rules in ``arguments.py``): which actors a noun phrase stands for besides its own
  mention (the conjuncts of a possessor, the states a plural "the Nordic countries" takes up); every rule adds;
* ``noun`` (``noun_rule``, rules in ``arguments.py``): a missing source or target of an event noun, read by the
  argument finder where it applies ("participate in exercises with X": the participants; "with X's help": the
  clause's subject);
* ``modality`` (``modality_rule``, rules in ``modality_rules.py``): negated, hedged, intended, background; every
  rule applies;
* ``cue`` (``cue_veto``, rules in ``change_rules.py``): relation cues that state no relation where they stand;
* ``change`` (``change_rule``, rules in ``change_rules.py``): whether a stated relation tells of a change;
* ``attribution`` (``attribution.attribution_rule``, words in ``data/attribution.tsv``): who says a clause or a
  quote; each rule is read at its own place in ``attribution.Speakers``, which is built with the coder's
  ``disabled``;
* ``identity`` (``actors.resolve.identity_rule``, words in ``data/identity_cues.tsv``): who a mention is, from
  the rest of the article (appositions, surnames, roles and institutions named elsewhere in it); each is a step of
  ``ActorResolver.resolve``, which takes the coder's ``disabled`` (``Pipeline.extract_parsed``).

A learned model refines the coder's events after the rules, not inside them (``learned/apply.py``, called by
``Pipeline.extract_parsed``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..data import read_tsv
from ..errors import DataFileError
from ..model import Mention
from .lexicon import Coding, Lexicon
from .modality import Modality, fronted_clause_of_its_own


@dataclass(frozen=True, slots=True)
class Draft:
    """An event under construction: what the rules read and change."""

    tok: Any  # the trigger token (spaCy)
    sent: Any  # its sentence span
    coding: Coding
    modality: Modality
    source: tuple[Mention, ...]
    target: tuple[Mention, ...]
    said_by: Mention | None


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule of stage ``stage``: what it ``reads`` and ``changes``, the word sets it declares (``vocab``, in
    ``rule_vocab.tsv`` or in the data file ``lists`` loads) and its function ``fn`` (the arguments each stage gives
    it: the docstring of the stage's decorator, e.g. ``rule`` for stage "event": ``fn(draft, lexicon, words) ->
    Draft`` revises an event after its arguments are found)."""

    name: str
    reads: str
    changes: str
    vocab: tuple[str, ...]
    fn: Callable[..., Any]
    stage: str = "event"
    # the loader of the data file that holds its word sets (set name -> words); None: ``rule_vocab.tsv``
    lists: Callable[[], dict[str, frozenset[str]]] | None = None
    # coding stage: the parts of speech of the tokens it can fire on (it is not asked about others); None: any
    pos: frozenset[str] | None = None

    def __call__(self, draft: Draft, lex: Lexicon) -> Draft:
        return self.fn(draft, lex, self.words())

    def words(self) -> dict[str, frozenset[str]]:
        every = (self.lists or vocab)()
        # Rules run once per token or clause: the selection is built once per loaded vocabulary (the loaders are
        # cached; a reloaded one is a new object, so a test that swaps it gets a fresh selection).
        key = (self.vocab, id(every))
        got = _WORDS.get(key)
        if got is None or got[0] is not every:
            got = _WORDS[key] = (every, {k: every[k] for k in self.vocab})
        return got[1]


# ``Rule.words`` memo: (the rule's vocab names, id of the loaded vocabulary) -> (that vocabulary, the rule's word sets).
_WORDS: dict[tuple[tuple[str, ...], int], tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]] = {}


_RULES: dict[str, Rule] = {}
# Each stage's rules in registration order: an index over ``_RULES`` (the stages run once per token or clause),
# emptied by every registration and rebuilt on first use.
_BY_STAGE: dict[str, tuple[Rule, ...]] = {}
# The mention method of an unnamed voice ("officials said"; ``attribution.Speakers.unnamed_speaker``).
UNNAMED_SPEAKER = "unnamed-speaker"
Decorator = Callable[[Callable], Callable]


def stage_decorator(stage: str, doc: str, *, changes: str | None = None,
                    lists: Callable[[], dict[str, frozenset[str]]] | None = None) -> Callable[..., Decorator]:
    """The registering decorator of the stage ``stage``: ``@decorator("name", reads=..., changes=..., vocab=(...))``
    registers the decorated function as the rule ``name`` of that stage (a later registration of the same function
    replaces it, in its first place; another rule of that name is refused: ValueError).  ``changes``: what every
    rule of the stage changes, so that its rules need not say it; without it each rule must.  ``lists``: the loader
    of the data file its rules' word sets are in, when it is not ``rule_vocab.tsv``.  ``doc``: what the stage's
    functions take and return (the decorator's docstring)."""
    default = changes

    def decorator(name: str, *, reads: str, changes: str | None = default,
                  vocab: tuple[str, ...] = (), pos: Iterable[str] | None = None) -> Decorator:
        if changes is None:
            raise TypeError(f"rule {name!r} of stage {stage!r}: say what it changes (changes=...)")

        def register(fn: Callable) -> Callable:
            old = _RULES.get(name)
            if old is not None and (old.stage, old.fn.__module__, old.fn.__qualname__) != (
                    stage, fn.__module__, fn.__qualname__):
                # two rules of one name: the later silently replaced the earlier (a coding rule named as a trigger
                # veto took its place, and the veto's idioms were read as acts again)
                raise ValueError(f"rule name {name!r} is taken by {old.fn.__module__}.{old.fn.__qualname__}")
            _RULES[name] = Rule(name, reads, changes, vocab, fn, stage=stage, lists=lists,
                                pos=frozenset(pos) if pos is not None else None)
            _BY_STAGE.clear()
            _BY_POS.clear()
            return fn

        return register

    decorator.__doc__ = doc
    return decorator


def _on(stage: str, disabled: Iterable[str] = ()) -> Iterable[Rule]:
    """The rules of ``stage`` not in ``disabled``, in registration order."""
    if not _BY_STAGE:
        by_stage: dict[str, list[Rule]] = defaultdict(list)
        for r in _RULES.values():
            by_stage[r.stage].append(r)
        _BY_STAGE.update({k: tuple(v) for k, v in by_stage.items()})
    on = _BY_STAGE.get(stage, ())
    off = frozenset(disabled)
    return [r for r in on if r.name not in off] if off else on


# The coding stage's rules per (disabled, part of speech): the stage runs once per token, and most tokens are words
# no rule fires on (determiners, prepositions, names); emptied by every registration.
_BY_POS: dict[tuple[str, frozenset[str], str], tuple[Rule, ...]] = {}


def _on_pos(stage: str, disabled: Iterable[str], pos: str) -> tuple[Rule, ...]:
    """The rules of ``stage`` not in ``disabled`` that can fire on a token of part of speech ``pos``."""
    key = (stage, frozenset(disabled), pos)
    got = _BY_POS.get(key)
    if got is None:
        got = _BY_POS[key] = tuple(r for r in _on(stage, disabled) if r.pos is None or pos in r.pos)
    return got


def _first(stage: str, disabled: Iterable[str], *args: Any,
           found: Callable[[Any], bool] = lambda got: got is not None) -> Any:
    """What the first rule of ``stage`` (not in ``disabled``) whose answer to ``args`` is ``found`` answers, or None."""
    for r in _on(stage, disabled):
        got = r.fn(*args, r.words())
        if found(got):
            return got
    return None


rule = stage_decorator("event", """Register the decorated function as the event-stage rule ``name``:
    ``fn(draft, lexicon, words) -> Draft`` revises an event after its arguments are found.""")
trigger_veto = stage_decorator("trigger", """Register the decorated predicate as the trigger-stage rule ``name``:
    ``fn(token, words) -> bool``; a verb it holds true for is no trigger.""", changes="drops the verb as a trigger")
selection_rule = stage_decorator("selection", """Register the decorated function as the selection-stage rule ``name``:
    given a sentence's triggers (objects with ``tok``, ``cameo``, ``specific`` and ``undoes``), the lexicon and its
    words, it returns the token indices of triggers that report no act of their own.""",
                                 changes="drops triggers whose act is not done")
subject_rule = stage_decorator("subject", """Register the decorated function as the subject-stage rule ``name`` of the
    argument finder: ``fn(child, ctx, finder, words)`` returns the mentions a subject token ``child`` stands for, or
    None when the rule does not apply (the next rule is tried).  The first rule that applies decides.""")
coding_rule = stage_decorator("coding", """Register the decorated function as the coding-stage rule ``name`` of trigger
    selection: ``fn(tok, coder, words)`` returns a trigger for the token, ``False`` when the token is no trigger, or
    None when the rule does not apply (the next rule is tried).  The first rule that applies decides.""")
clause_rule = stage_decorator("clause", """Register the decorated function as the clause-stage rule ``name`` of the
    argument finder's climb to a trigger's subject: ``fn(node, tok, ctx, finder, words)`` returns the subjects (a
    list, which decides, even empty), a token to continue the climb from, or None when it does not apply at ``node``
    (the next rule is tried; when none applies the climb goes up one link).""")
object_rule = stage_decorator("object", """Register the decorated function as the object-stage rule ``name`` of the
    argument finder: ``fn(query, finder, words)`` returns the target mentions it finds for ``query`` (an
    ``arguments.ObjectQuery``: the trigger, its event type, the lexicon's preposition, whether it is a visit, the
    source nodes to avoid), empty when it finds none (the next rule is tried).  The first rule that finds a target
    decides.""", changes="target -> the mentions found")
phrase_rule = stage_decorator("phrase", """Register the decorated function as the phrase-stage rule ``name`` of the
    argument finder: ``fn(node, speakers, words)`` returns the mentions a noun phrase token ``node`` stands for
    besides (or, when it names no actor itself, instead of) its own mention, or None when the rule does not apply.
    Every rule applies; their mentions are added in registration order (``phrase_extra``).""")
noun_rule = stage_decorator("noun", """Register the decorated function as the noun-stage rule ``name``:
    ``fn(noun, finder, words)`` returns the mentions it finds for a missing argument of an event noun (read by
    ``ArgumentFinder.nominal`` through ``run_rule``, each at its own place: the source when the noun names none, or
    the target), or None.""")
modality_rule = stage_decorator("modality", """Register the decorated function as the modality-stage rule ``name``
    (rules in ``modality_rules.py``): ``fn(tok, sent, chain, lexicon, words)`` returns the ``Modality`` fields it sets
    (``negated``, ``hedged``, ``intent`` as True; ``background_cue`` as the cue's text), or None when it does not
    apply.  Every rule is applied; the first background cue found is kept.""")
cue_veto = stage_decorator("cue", """Register the decorated predicate as the cue-stage rule ``name`` (rules in
    ``change_rules.py``): ``fn(token, words) -> bool``; a relation cue (relation_cues.tsv) it holds true for states no
    relation where it stands.""", changes="drops the word as a relation cue")
change_rule = stage_decorator("change", """Register the decorated function as the change-stage rule ``name`` (rules in
    ``change_rules.py``): ``fn(cues, sent, words)`` says whether the clause of a stated relation (``cues``: its cue
    tokens) tells of a change of the relation ("ties have soured", "no longer allies") rather than a state ("close
    allies").""", changes="the claim's change (its polarity's sign)")

tie_owner = stage_decorator("tie", """Register the decorated function as the tie-stage rule ``name`` (rules in
    ``change_rules.py``): ``fn(cue, speakers, words)`` returns the mention that holds the tie noun ``cue`` ("Morocco's
    normalisation of ties with Israel": Morocco) when the noun has no owner of its own, or None when the rule does
    not apply (the next rule is tried).  ``RelationReader`` pairs the holder with the tie's with-object.""",
                             changes="the stated relation's first party -> the mention found")
own_sign = stage_decorator("sign", """Register the decorated predicate as the sign-stage rule ``name`` (rules in
    ``change_rules.py``, read through ``run_rule`` by ``RelationReader``): ``fn(cue, words) -> bool``; a tie noun it
    holds true for keeps its own sign, not its clause verb's.""", changes="the claim's polarity -> the noun's own")


def vetoed(tok: Any, disabled: Iterable[str] = ()) -> str | None:
    """The name of the first trigger-stage rule (not in ``disabled``) that rules the verb ``tok`` out, or None."""
    return next((r.name for r in _on("trigger", disabled) if r.fn(tok, r.words())), None)


def not_done(triggers: list[Any], lex: Lexicon, disabled: Iterable[str] = ()) -> set[int]:
    """Token indices of ``triggers`` that the selection-stage rules (not in ``disabled``) drop."""
    out: set[int] = set()
    for r in _on("selection", disabled):
        out |= r.fn(triggers, lex, r.words())
    return out


def tie_holder(cue: Any, speakers: Any, disabled: Iterable[str] = ()) -> Any:
    """The mention the first tie-stage rule (not in ``disabled``) finds holding the tie noun ``cue``, or None."""
    return _first("tie", disabled, cue, speakers)


def subject_mentions(child: Any, ctx: Any, finder: Any, disabled: Iterable[str] = ()) -> list[Mention]:
    """The mentions the subject token ``child`` stands for: the first subject-stage rule (not in ``disabled``)
    that applies, in registration order; none when no rule applies."""
    return _first("subject", disabled, child, ctx, finder) or []


def code_trigger(tok: Any, coder: Any, disabled: Iterable[str] = ()) -> Any:
    """The trigger the first coding-stage rule (not in ``disabled``) that applies makes of ``tok``, or None; a rule
    that declares its parts of speech (``pos``) is asked only about tokens of those."""
    return _first_coding(tok, coder, disabled) or None


def _first_coding(tok: Any, coder: Any, disabled: Iterable[str]) -> Any:
    """The answer of the first coding-stage rule (not in ``disabled``) that applies to ``tok``: a trigger, False
    ("no trigger"), or None when none applies."""
    for r in _on_pos("coding", disabled, tok.pos_):
        got = r.fn(tok, coder, r.words())
        if got is not None:
            return got
    return None


def refused_trigger(tok: Any, coder: Any, disabled: Iterable[str] = ()) -> bool:
    """Whether the first coding-stage rule that applies to ``tok`` decides it is no trigger (answers False: "called
    the veto a disgrace" names, it does not phone; "retaliated by expelling" is told by its means), or a
    trigger-stage rule vetoes it: the rules' own word that the word is no act, which the tagger should not
    overrule with an event of its own."""
    got = _first_coding(tok, coder, disabled)
    return got is False if got is not None else vetoed(tok, disabled) is not None


def clause_subjects(node: Any, tok: Any, ctx: Any, finder: Any, disabled: Iterable[str] = ()) -> Any:
    """What the first clause-stage rule (not in ``disabled``) that applies at ``node`` returns, or None."""
    return _first("clause", disabled, node, tok, ctx, finder)


def object_mentions(query: Any, finder: Any, disabled: Iterable[str] = ()) -> list[Mention]:
    """The targets the first object-stage rule (not in ``disabled``) finds for ``query``; none if no rule finds one."""
    return _first("object", disabled, query, finder, found=bool) or []


def phrase_extra(node: Any, speakers: Any, disabled: Iterable[str] = ()) -> list[Mention]:
    """The mentions the phrase-stage rules (not in ``disabled``) add for the noun phrase token ``node``."""
    out: list[Mention] = []
    for r in _on("phrase", disabled):
        for m in r.fn(node, speakers, r.words()) or ():
            if m not in out:
                out.append(m)
    return out


def run_rule(name: str, *args: Any, disabled: Iterable[str] = ()) -> Any:
    """The registered rule ``name`` applied to ``args`` (and its words), or None when it is disabled: for a rule
    that a helper reads at one place rather than through its stage's chain."""
    if not enabled(name, disabled):
        return None
    r = _RULES[name]
    return r.fn(*args, r.words())


def enabled(name: str, disabled: Iterable[str] = ()) -> bool:
    """Whether the registered rule ``name`` is on (a rule read inside a helper rather than through its stage)."""
    return name in _RULES and name not in frozenset(disabled)


def modality_flags(tok: Any, sent: Any, chain: list[Any], lex: Lexicon, disabled: Iterable[str] = ()) -> Modality:
    """The modality of the trigger ``tok`` (``chain``: it and the words governing it) by the modality-stage rules
    not in ``disabled``, in registration order (``events/__init__`` imports ``modality_rules``, which registers
    them, before any coder exists)."""
    flags: dict[str, Any] = {"negated": False, "hedged": False, "intent": False, "background_cue": None}
    for r in _on("modality", disabled):
        got = r.fn(tok, sent, chain, lex, r.words())
        for key, value in (got or {}).items():
            if key == "background_cue":
                flags[key] = flags[key] or value
            else:
                flags[key] = flags[key] or bool(value)
    return Modality(flags["negated"], flags["hedged"], flags["intent"], flags["background_cue"] is not None,
                    flags["background_cue"])


def cue_vetoed(tok: Any, disabled: Iterable[str] = ()) -> str | None:
    """The name of the first cue-stage rule (not in ``disabled``) that rules the relation cue ``tok`` out, or None."""
    return next((r.name for r in _on("cue", disabled) if r.fn(tok, r.words())), None)


def states_change(cues: list[Any], sent: Any, disabled: Iterable[str] = ()) -> bool:
    """Whether any change-stage rule not in ``disabled`` reads the clause of ``cues`` as telling of a change."""
    return any(r.fn(cues, sent, r.words()) for r in _on("change", disabled))


def _register_all() -> None:
    """Import every module that registers rules (the argument finder's, trigger coding's, modality's, change's,
    attribution's and the actor resolver's identity rules)."""
    from ..actors import resolve  # noqa: F401
    from . import arguments, attribution, change_rules, extract, modality_rules  # noqa: F401


def rules() -> tuple[Rule, ...]:
    """Every registered rule, in the order the coder applies them."""
    _register_all()
    return tuple(_RULES.values())


def apply_rules(draft: Draft, lex: Lexicon, disabled: Iterable[str] = ()) -> Draft:
    """``draft`` after every registered rule not in ``disabled``, in registration order."""
    unknown = frozenset(disabled) - _RULES.keys()
    if unknown:
        raise ValueError(f"unknown rule(s) {sorted(unknown)}; registered: {sorted(_RULES)}")
    for r in _on("event", disabled):
        draft = r(draft, lex)
    return draft


@lru_cache(maxsize=1)
def vocab() -> dict[str, frozenset[str]]:
    """The rules' word sets from ``rule_vocab.tsv``: set name -> words (lower case).

    Raises:
        DataFileError: the file is malformed, or holds a set that no rule declares (dead vocabulary),
            or lacks one that a rule declares.
    """
    _register_all()
    sets: dict[str, set[str]] = defaultdict(set)
    for _, row in read_tsv("rule_vocab.tsv", ["set", "word", "note"]):
        sets[row["set"].strip()].add(row["word"].strip().lower())
    declared = {name for r in _RULES.values() if r.lists is None for name in r.vocab} | set(EXTRA_SETS)
    dead, missing = set(sets) - declared, declared - set(sets)
    if dead or missing:
        raise DataFileError(f"data file rule_vocab.tsv: sets no rule reads {sorted(dead)}; "
                            f"sets rules need but the file lacks {sorted(missing)}")
    return {k: frozenset(v) for k, v in sets.items()}


def words(name: str) -> frozenset[str]:
    """One word set of ``rule_vocab.tsv`` (for code that is not itself a rule, e.g. trigger selection)."""
    return vocab()[name]


# Word sets read outside the rules below (by trigger selection and the argument finder).
EXTRA_SETS = ("measure_noun", "pact_noun", "pact_act", "complaint_noun", "meeting_together", "pact_signing_verb",
              "recipient_verb", "party_noun", "speech_trigger",
              "not_trigger_verb", "naming_verb", "possessive_self", "complement_prep", "adversary_prep",
              "patron_participle", "hosting_verb", "cognition_verb", "occasion_prep", "presence_word", "motive_prep",
              "remark_noun", "beginning_verb", "duration_unit", "bygone_word",
              "apposed_report_noun",
              "issue_prep", "quoting_verb", "halting_verb", "reversal_phrase", "charge_noun",
              "attributive_participle", "possession_verb", "improvement_cue", "speaker_act_verb",
              "harm_participle", "pact_making_verb", "referring_verb", "confidence_noun",
              "paragraph_label", "event_anaphor", "abstaining_verb", "contrast_mark", "sequence_adverb",
              "informing_verb")


# -- helpers over the parse --------------------------------------------------------------------------------
def intent_governor(tok: Any) -> str | None:
    """The verb or adjective that makes ``tok`` an intention ("threatened to ban", "willing to withdraw")."""
    gov = words("intent_governor") | words("intent_adjective")
    verb = tok
    for _ in range(3):  # "efforts to secure the release and to increase aid": the conjunct of the infinitive too
        if verb.dep_ != "conj" or verb.head is verb or verb.head.pos_ != "VERB" \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            break
        verb = verb.head
    if verb.dep_ == "acl" and verb.head.lemma_.lower() in words("intent_noun") | words("request_noun") \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        # "Moscow's readiness to abandon", "a plan to deploy", "accepted an invitation to visit": to come, not done
        return verb.head.lemma_.lower()
    node = verb  # ("agreed to resume visits and to cooperate on X": the conjunct of the complement too)
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp"} or node.head == node:
            return None
        head = node.head
        if fronted_clause_of_its_own(node):
            return None  # "Poland summons envoy; Moscow vows response": a clause of its own, parsed as a complement
        lemma = head.lemma_.lower()
        if lemma in gov:
            return lemma
        node = head
    return None


def refuses_to_bear(tok: Any) -> bool:
    """Whether ``tok`` is a negated verb of wanting or bearing (unwanted_verb: "will not tolerate", "would not
    allow"): read by the coding rule ``unwanted_hostile_act``, the object rules and the tagger's target guard."""
    return tok.lemma_.lower() in words("unwanted_verb") and any(c.dep_ == "neg" for c in tok.children)


def refusal_governor(tok: Any) -> str | None:
    """"refused to recognise", "failed to reach", "ruled out sending": the refusing verb (with its particle)
    governing ``tok``."""
    node = tok
    governors = words("refusal_governor")
    for _ in range(2):
        if node.dep_ != "xcomp" or node.head == node:
            return None
        head = node.head
        lemma = head.lemma_.lower()
        if lemma in governors:
            return lemma
        # a verb with its particle ("ruled out sending missiles")
        phrase = next((f"{lemma} {c.lower_}" for c in head.children if c.dep_ == "prt"
                       and f"{lemma} {c.lower_}" in governors), None)
        if phrase is not None:
            return phrase
        node = head
    return None


def conditional(tok: Any) -> bool:
    """"... will withdraw its force unless ...": an act made conditional is a threat (or an offer)."""
    marks = words("condition_mark")
    for node in (tok, *list(tok.ancestors)[:2]):
        for c in node.children:
            if c.dep_ == "advcl" and any(m.lower_ in marks and m.dep_ == "mark" for m in c.children):
                return True
    return False


# An intention is coded by its act's CAMEO root: the matching "express intent" (03x) or "threaten" (13x) code.
INTENT_BY_ROOT = {
    "04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "03": "030",
    "14": "133", "15": "138", "16": "131", "17": "138", "18": "138", "19": "138", "20": "138",
}


def _code(lex: Lexicon, cameo: str, fallback: Coding) -> Coding:
    return lex.coding(cameo) or fallback


# -- trigger-stage rules: verbs of the lexicon that are no event where they stand ---------------------------------
@trigger_veto("problem_is_no_fight", reads="a fighting verb (fight_verb) whose object or prepositional phrase holds "
              "a problem noun (problem_noun)", vocab=("fight_verb", "problem_noun"))
def problem_is_no_fight(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"fight the Ebola epidemic", "combat corruption": no armed fight."""
    if tok.lemma_.lower() not in w["fight_verb"]:
        return False
    return any(t.lemma_.lower() in w["problem_noun"] for c in tok.children if c.dep_ in {"dobj", "prep"}
               for t in c.subtree)


@trigger_veto("helping_is_its_complements_act", reads="a verb of enabling (enabling_verb: 'help') with no object, "
              "whose verb complement (xcomp, ccomp) is a verb of the lexicon (verbs.tsv)", vocab=("enabling_verb",))
def helping_is_its_complements_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"China helped broker the deal", "a diplomat who helped negotiate the declaration" were aid (070) beside the
    brokering: helping to do an act is taking part in it, and the act is the complement's ("helped Ukraine defend
    itself", with the one helped as object, is still aid)."""
    if tok.lemma_.lower() not in w["enabling_verb"] or any(c.dep_ in {"dobj", "obj", "dative"} for c in tok.children):
        return False
    from .lexicon import load_lexicon

    verbs = load_lexicon().verbs
    return any(c.dep_ in {"xcomp", "ccomp"} and c.pos_ == "VERB" and c.lemma_.lower() in verbs
               and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children) for c in tok.children)


@trigger_veto("meeting_a_need_is_no_meeting", reads="the verb 'meet' (meeting_a_need_verb) whose direct object is a "
              "need noun (need_noun: 'needs', 'demands', 'targets')", vocab=("meeting_a_need_verb", "need_noun"))
def meeting_a_need_is_no_meeting(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"help Ukraine meet its power needs", "failed to meet the targets": meeting a need is fulfilling it, no meeting of
    two parties."""
    if tok.lemma_.lower() not in w["meeting_a_need_verb"]:
        return False
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in w["need_noun"] for c in tok.children)


@trigger_veto("reaching_a_level_is_no_act", reads="a verb whose direct object is a noun of a level reached "
              "(level_noun: 'a record', 'a high', 'a low', 'a peak')", vocab=("level_noun",))
def reaching_a_level_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Trade between the two countries hit a record $65 billion", "exports hit a 10-year low": a figure reaching a
    level (it was an attack, as "hit" the verb of striking is)."""
    return any(c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in w["level_noun"] for c in tok.children)


@trigger_veto("a_text_contains_no_one", reads="a verb of containing (containing_verb: 'contain') whose subject is a "
              "noun of a text or plan (content_holder_noun: 'treaty', 'resolution', 'package')",
              vocab=("containing_verb", "content_holder_noun"))
def a_text_contains_no_one(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"The treaty does not contain a mutual defence clause" was a coercion (170, "contain" as restraining): what a
    text or a plan contains is what it says, no act."""
    return tok.lemma_.lower() in w["containing_verb"] and any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in w["content_holder_noun"] for c in tok.children)


@trigger_veto("hyphened_participle_is_no_act", reads="a participle modifying a noun (amod) right after a hyphen "
              "('a survival-threatening situation', 'a record-breaking year')")
def hyphened_participle_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"a Taiwan contingency could be a survival-threatening situation for Japan": a participle joined by a hyphen
    to the noun it acts on describes the noun it modifies, no one threatens (it was a threat by the speaker)."""
    return tok.dep_ == "amod" and tok.tag_ in {"VBG", "VBN"} and tok.i >= 2 and tok.doc[tok.i - 1].text == "-" \
        and not tok.doc[tok.i - 1].whitespace_ and tok.doc[tok.i - 2].pos_ in {"NOUN", "ADJ", "PROPN"}


@trigger_veto("guarding_oneself_is_no_act", reads="a verb of guarding or arming (self_guarding_verb: 'protect', "
              "'defend', 'arm') whose direct object is a reflexive pronoun (reflexive_pronoun: 'itself')",
              vocab=("self_guarding_verb", "reflexive_pronoun"))
def guarding_oneself_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Israel says it is defending itself against Hamas" was support (052) of Hamas, "Rwanda says it is protecting
    itself from militias" military protection (074) given to no one: guarding or arming oneself is no act between
    parties (the one guarded against is no partner)."""
    return tok.lemma_.lower() in w["self_guarding_verb"] and any(
        c.dep_ in {"dobj", "obj"} and c.lower_ in w["reflexive_pronoun"] for c in tok.children)


@trigger_veto("stopping_short_is_no_act", reads="a verb of falling short (shortfall_verb: 'stop', 'fall') with the "
              "adverb 'short' and its of-phrase ('stopped short of ordering a ceasefire')", vocab=("shortfall_verb",))
def stopping_short_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"The court stopped short of ordering a ceasefire" was a protest (140) by the court: stopping short of an act
    is not doing it (the act is negated by modality.tsv's "stopped short of"), no act of its own."""
    return tok.lemma_.lower() in w["shortfall_verb"] and any(
        c.dep_ == "advmod" and c.lower_ == "short" and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
        for c in tok.children)


@trigger_veto("no_reply_is_no_act", reads="a negated verb of commenting (comment_verb: 'respond', 'reply', "
              "'comment') with no clause, and no object or one that is a press query (press_query_noun: 'a request "
              "for comment', 'emailed questions')", vocab=("comment_verb", "press_query_noun"))
def no_reply_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"The Turkish foreign ministry did not respond to a request for comment" was a rejection (120) by Turkey: a
    press query left unanswered is the reporter's formula, no act between parties."""
    if tok.lemma_.lower() not in w["comment_verb"] or not any(c.dep_ == "neg" for c in tok.children) \
            or any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children):
        return False  # ("did not say whether Turkey will go that far": what is not said is read by modality)
    held = [t for c in tok.children if c.dep_ in {"dobj", "obj", "prep"}
            for t in ([c] if c.dep_ != "prep" else [p for p in c.children if p.dep_ == "pobj"])]
    return not held or any(t.lemma_.lower() in w["press_query_noun"] for t in held)


@trigger_veto("a_measure_aims_no_force", reads="a verb of aiming or striking (aiming_verb: 'target', 'hit') whose "
              "subject, or by-agent of its passive, is a measure: a deed anaphor (deed_anaphor: 'the move', 'the "
              "action'), a text of law (law_noun: 'the law', 'the bill') or a sanction noun of the lexicon (nouns.tsv, "
              "CAMEO 16x: 'the sanctions', 'tariffs')", vocab=("aiming_verb", "deed_anaphor", "law_noun"))
def a_measure_aims_no_force(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"The action targets firms in Hong Kong", "The sanctions hit Russian banks hard" were assaults (190): what a
    measure targets is whom it applies to, no use of force (the measure is its own act, told on its own noun or
    before)."""
    if tok.lemma_.lower() not in w["aiming_verb"]:
        return False
    from .lexicon import load_lexicon

    nouns = load_lexicon().nouns
    doers = [c for c in tok.children if c.dep_ == "nsubj"] + [
        p for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
    return any(d.pos_ == "NOUN" and (d.lemma_.lower() in w["deed_anaphor"] | w["law_noun"] or (
        d.lemma_.lower() in nouns and nouns[d.lemma_.lower()].startswith("16"))) for d in doers)


@trigger_veto("bare_verb_is_no_act", reads="a verb whose act needs an object or a for/against phrase "
              "(object_needing_verb: 'apply', 'campaign') with neither, nor a clause", vocab=("object_needing_verb",))
def bare_verb_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"That principle applies to Ukraine" was an appeal (020) by Ukraine, "shot dead while campaigning in Nara" a
    demand (100): applying for something or campaigning for or against it is the act, bare it is none."""
    return tok.lemma_.lower() in w["object_needing_verb"] and not any(
        c.dep_ in {"dobj", "obj", "xcomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ in {"for", "against"})
        for c in tok.children)


@trigger_veto("an_act_that_ends_is_no_act", reads="a reversal verb (reversal_verb: 'end', 'stop', 'halt') with no "
              "object, particle or passive, whose subject is an event noun of the lexicon (nouns.tsv)",
              vocab=("reversal_verb",))
def an_act_that_ends_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"Talks hosted by the EU ended without agreement" was a reduction of relations (160) by the EU: an act that
    ends by itself, told intransitively, is undone by no one (who ended it, when told, is the subject of a
    transitive "ended the talks")."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in w["reversal_verb"]:
        return False
    if any(c.dep_ in {"dobj", "obj", "prt", "auxpass", "nsubjpass", "ccomp", "xcomp"} for c in tok.children):
        return False
    from .lexicon import load_lexicon

    return any(c.dep_ == "nsubj" and c.lemma_.lower() in load_lexicon().nouns for c in tok.children)


@trigger_veto("asked_is_no_request", reads="a past participle of a verb of asking (asking_verb) on a noun or a clause "
              "(acl, advcl) with no by-agent ('China's foreign ministry, asked about the deal, said ...')",
              vocab=("asking_verb",))
def asked_is_no_request(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"China's foreign ministry, asked about the deal, said ...": the ministry was asked (by reporters), it asked no
    one (it was a request by China of the pair the deal is between)."""
    return tok.lemma_.lower() in w["asking_verb"] and tok.tag_ == "VBN" and tok.dep_ in {"acl", "advcl"} \
        and not any(c.dep_ == "agent" for c in tok.children)


@trigger_veto("anonymity_is_no_request", reads="a verb of asking (asking_verb: 'ask', 'request') whose complement is "
              "a passive of naming (anonymity_verb: 'not to be named', 'not to be identified') or a phrase of "
              "anonymity (anonymity_phrase: 'remain anonymous')",
              vocab=("asking_verb", "anonymity_verb", "anonymity_phrase"))
def anonymity_is_no_request(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"An Israeli official, who asked not to be named, said ...": the formula of an unnamed source, no appeal to
    anyone (it was a request by Israel's government)."""
    if tok.lemma_.lower() not in w["asking_verb"]:
        return False
    for c in tok.children:
        if c.dep_ not in {"xcomp", "ccomp"}:
            continue
        if c.lemma_.lower() in w["anonymity_verb"] and any(a.dep_ == "auxpass" for a in c.children):
            return True
        if any(f"{c.lemma_.lower()} {a.lower_}" in w["anonymity_phrase"] for a in c.children):
            return True
    return False


@trigger_veto("deepening_a_rift_is_no_act", reads="a verb of growth (growth_verb: 'deepen', 'widen') whose direct "
              "object is a hostile relation cue (relation_cues.tsv, polarity -1: 'rift', 'tension')",
              vocab=("growth_verb",))
def deepening_a_rift_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"deepening a rift over Ethiopia's agreement with Somaliland" was a +9.5 cooperation ("deepen" is 060 by
    default): the verb tells how a hostile relation grows, no act between the parties (the rift is read as a stated
    relation)."""
    if tok.lemma_.lower() not in w["growth_verb"]:
        return False
    from .lexicon import load_lexicon

    cues = load_lexicon().relation_cues
    return any(c.dep_ in {"dobj", "obj"} and cues.get(c.lemma_.lower(), 0) < 0 for c in tok.children)


@trigger_veto("equipped_is_no_act", reads="a past participle of a verb of equipping (equipping_verb: 'armed', "
              "'equipped') on a noun (acl, amod), with a with-phrase and no by-agent", vocab=("equipping_verb",))
def equipped_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"coast guard personnel armed with axes and knives boarded the boats" was aid (072) to the coast guard: the
    participle tells what the personnel carried, no arming by anyone ("boats armed with missiles by Russia", with
    its agent, is still an act)."""
    if tok.lemma_.lower() not in w["equipping_verb"] or tok.tag_ != "VBN" or tok.dep_ not in {"acl", "amod"}:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in tok.children) \
        and not any(c.dep_ == "agent" for c in tok.children)


@trigger_veto("idiom_is_no_act", reads="a verb with a prepositional phrase that makes an idiom with it (idiom_phrase: "
              "'verb preposition noun', lemmas: 'stab in back', 'shoot in foot')", vocab=("idiom_phrase",))
def idiom_is_no_act(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"accused Montenegro of stabbing Serbia in the back" was an assault on Serbia; "will end up shooting
    themselves in the foot" a use of force: an idiom names no act of its own words (the accusation or the warning
    around it is the event)."""
    lemma = tok.lemma_.lower()
    return any(f"{lemma} {c.lower_} {p.lemma_.lower()}" in w["idiom_phrase"]
               for c in tok.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj")


@trigger_veto("naming_is_no_event", reads="an object predicate (oprd) on the verb")
def naming_is_no_event(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"called Russia its closest friend": a naming, read as a stated relation, not an appeal."""
    return any(c.dep_ == "oprd" for c in tok.children)


@trigger_veto("to_before_a_participle", reads="a past participle (VBN) whose only auxiliary is an infinitive 'to'")
def to_before_a_participle(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"moves troops to disputed border": no infinitive takes a past participle, so the parser has misread a
    preposition and an attributive participle (frequent in headlines, which drop the article); the participle
    describes the border and is no act."""
    auxes = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
    return tok.tag_ == "VBN" and len(auxes) == 1 and auxes[0].lower_ == "to"


@trigger_veto("adjectival_participle", reads="a past participle used as a modifier or complement (amod, acomp, "
              "oprd, ccomp) with no subject, agent or auxiliary of its own, unless it is the complement of 'be' "
              "whose subject is a tie or membership noun (passive_tie_noun)", vocab=("passive_tie_noun",))
def adjectival_participle(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """"left Russia isolated", "a closed border": a state, not an act.  But "A's membership in B was “frozen”",
    "ties between A and B were severed" read as a copula and its complement are a passive: what was done to
    the tie is an act between its parties (``arguments.parties_of_a_passive_tie``)."""
    subj = copula_subject(tok)
    if subj is not None and subj.lemma_.lower() in w["passive_tie_noun"]:
        return False
    return tok.tag_ == "VBN" and tok.dep_ in {"amod", "acomp", "oprd", "ccomp"} and not any(
        c.dep_ in {"agent", "nsubjpass", "nsubj", "aux", "auxpass"} for c in tok.children)


def copula_subject(tok: Any) -> Any:
    """The subject of "be" when ``tok`` is its past-participle complement ("membership was “frozen”", which the
    parser reads as a copula and an adjective: a passive whose subject hangs on "be"), else None."""
    if tok.tag_ != "VBN" or tok.dep_ != "acomp" or tok.head.lemma_.lower() != "be":
        return None
    return next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


# -- selection-stage rules: triggers that report no act of their own ------------------------------------------
@selection_rule("intention_verb_is_no_act", reads="intention verbs and adjectives (intent_governor, "
                "intent_adjective) among the triggers; whether one governs another trigger (xcomp); whether it is an "
                "event on its own (intent_event) or its lexicon pattern was specific",
                vocab=("intent_governor", "intent_adjective", "intent_event"))
def intention_verb_is_no_act(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"vowed to release the hostages": the release is coded (as an intention), not the vow; "plans", "hopes" are
    no act at all unless the lexicon names a specific pattern."""
    governing = {t.tok.head.i for t in triggers if t.tok.dep_ == "xcomp"}
    intent_words = w["intent_governor"] | w["intent_adjective"]
    out = set()
    for t in triggers:
        lemma = t.tok.lemma_.lower()
        if lemma in intent_words and (t.tok.i in governing or not (lemma in w["intent_event"] or t.specific)):
            out.add(t.tok.i)
    return out


@selection_rule("refusal_is_its_act", reads="a refusing verb (refusal_governor) among the triggers that governs "
                "(xcomp, up to two links) another trigger of a non-negative act that is no rejection",
                vocab=("refusal_governor",))
def refusal_is_its_act(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"refused to recognise the junta": one rejection, coded on the act refused (``refusal_is_rejection``), not a
    second one on the refusing verb."""
    verbs = {t.tok.i for t in triggers if t.tok.lemma_.lower() in w["refusal_governor"]}
    out: set[int] = set()
    for t in triggers:
        coding = lex.coding(t.cameo)
        if coding is None or coding.score < 0 or t.cameo[:2] == "12":
            continue
        node = t.tok
        for _ in range(2):
            if node.dep_ != "xcomp" or node.head == node:
                break
            node = node.head
            if node.i in verbs:
                out.add(node.i)
                break
    return out


@selection_rule("deliberated_is_not_done", reads="the clause (xcomp, ccomp) or gerund object of a deliberating "
                "verb (deliberation_verb: 'is considering sending troops', 'weighs imposing sanctions'), and an "
                "event noun object of one or of a verb of simulation (simulation_verb: 'war-gamed an invasion')",
                vocab=("deliberation_verb", "simulation_verb"))
def deliberated_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"Norway is weighing sending troops": an act under consideration (and what its clause names) is
    neither done nor intended."""
    out: set[int] = set()
    for t in triggers:
        if t.tok.dep_ in {"xcomp", "ccomp"} or t.tok.dep_ == "dobj" and t.tok.tag_ == "VBG":
            if t.tok.head.lemma_.lower() in w["deliberation_verb"]:
                out.update(x.i for x in t.tok.subtree)
        elif t.nominal and t.tok.dep_ in {"dobj", "obj"} and t.tok.head.lemma_.lower() in w["deliberation_verb"] \
                | w["simulation_verb"]:
            out.add(t.tok.i)  # "is weighing sanctions", "analysts have war-gamed an invasion": not done
    return out


@selection_rule("custom_is_no_act", reads="a trigger inside the of-phrase of a noun of custom (custom_noun: "
                "'the tradition of leaders travelling to India first')", vocab=("custom_noun",))
def custom_is_no_act(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"breaking with the tradition of Maldivian leaders travelling to India first": what a custom says is done is
    no act done at any time (it was a visit to India dated to the news day)."""
    out: set[int] = set()
    for t in triggers:
        node = t.tok
        for _ in range(4):
            if node.dep_ in {"pobj", "pcomp"} and node.head.lower_ == "of" \
                    and node.head.head.lemma_.lower() in w["custom_noun"]:
                out.add(t.tok.i)
                break
            if node.head == node:
                break
            node = node.head
    return out


@selection_rule("requested_is_not_done", reads="the clause (ccomp, xcomp, acl) of a REQUEST trigger, its direct "
                "object and the object of its for-phrase (with their conjuncts)")
def requested_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"demanded that the US cancel ...", "urged Israel to ease ...", "called for dialogue between the two
    countries", "urged talks between A and B": what is asked for is not done."""
    out: set[int] = set()
    for t in triggers:
        coding = lex.coding(t.cameo)
        if coding is None or coding.type != "REQUEST":
            continue
        for child in t.tok.children:
            if child.dep_ in {"ccomp", "xcomp", "acl"}:
                out.update(x.i for x in child.subtree)
            # the event noun asked for itself, with its conjuncts, not a clause on it ("issued an order to close
            # the agency's offices": the order is the act)
            nouns = [child] if child.dep_ == "dobj" else [p for p in child.children if p.dep_ == "pobj"] \
                if child.dep_ == "prep" and child.lower_ == "for" else []
            out.update(x.i for n in nouns for x in (n, *n.conjuncts))
    return out


@selection_rule("undone_is_not_done", reads="the object (an event noun) and the clause (acl, relcl; not a relative "
                "clause told as done) on the object of a reversal trigger, or of any "
                "reversal verb (reversal_verb, reversal_particle), the object of its from/of/out-of phrase included; "
                "the gerund a verb of halting stops (halting_verb: 'stopped arming'); an event noun told undone by its "
                "own clause (a passive or copula of a reversal verb, or its relative clause)",
                vocab=("reversal_verb", "reversal_particle", "undone_state"))
def undone_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"cancelled a contract to buy submarines", "scrapped plans to build a base", "withdrew from a deal to buy
    submarines", "cancelled a gala to celebrate ties", "lifted its veto", "stopped arming Ukraine": what is undone
    is not done."""
    out: set[int] = set()
    for t in triggers:
        if t.tok.pos_ == "NOUN" and _undone_by_its_own_clause(t.tok, w):
            # (and a noun it is compounded with: "trade talks ... remain frozen")
            out.update(x.i for x in (t.tok, *t.tok.children) if x == t.tok or x.dep_ == "compound")
        if not (getattr(t, "undoes", False) or reversal_verb(t.tok, w)):
            continue
        # "will stop arming Ukraine": the act halted is not done (the halt is the reversal's own event)
        out.update(g.i for g in halted_acts(t.tok))
        for obj in undone_objects(t.tok):
            # "lifted its veto on X", "ended its opposition to Y": the act undone is told by the reversal's own
            # event (an event noun object is not a second, opposite event)
            out.add(obj.i)
            out.update(x.i for c in obj.children if c.dep_ in {"acl", "relcl"} and not _told_as_done(c)
                       for x in c.subtree)
            # the parser often hangs "to buy ..." on the verb: an infinitive right after the object is its clause
            out.update(x.i for c in t.tok.children if c.dep_ == "advcl" and c.left_edge.i == obj.right_edge.i + 1
                       and c.left_edge.lower_ == "to" for x in c.subtree)
    return out


def _undone_by_its_own_clause(noun: Any, w: dict[str, frozenset[str]]) -> bool:
    """Whether an event noun is told undone by its own clause: the subject of a passive reversal verb, or of a copula
    with an undone state (undone_state: "talks between A and B were suspended", "talks ... remain frozen"); not a
    subject, the noun of a relative or participial clause of one ("called for the resumption of talks, which were
    suspended in 2019"): the talks are not held (the suspension, with its agent, is an event of its own when told
    with one).  A subject's own verb decides ("talks, suspended in 2019, resumed on Monday": they are held)."""
    def undoing(verb: Any) -> bool:
        return verb.lemma_.lower() in w["reversal_verb"] or verb.lower_ in w["undone_state"]

    head = noun.head
    if noun.dep_ in {"nsubj", "nsubjpass"}:
        return (noun.dep_ == "nsubjpass" and undoing(head)) or (
            head.lemma_.lower() in {"be", "remain", "stay"}
            and any(c.dep_ in {"acomp", "oprd"} and undoing(c) for c in head.children))
    return any(c.dep_ in {"relcl", "acl"} and undoing(c) and c.tag_ == "VBN"
               and not any(d.dep_ == "agent" for d in c.children)
               or c.dep_ == "relcl" and undoing(c) and any(d.dep_ == "auxpass" for d in c.children)
               for c in noun.children)


def _told_as_done(clause: Any) -> bool:
    """Whether a relative clause on an undone object tells an act that took place: finite, in the simple past or
    present with no modal, its subject a relative pronoun ("suspended talks, a move that drew criticism from the
    EU": the criticism happened; "a contract to buy submarines", "a deal that would have given": not)."""
    return clause.dep_ == "relcl" and clause.tag_ in {"VBD", "VBZ", "VBP"} \
        and not any(c.dep_ == "aux" for c in clause.children) \
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"} for c in clause.children)


@selection_rule("opposed_is_not_done", reads="an event noun that is the object of an on/to/against phrase of an "
                "opposition noun (opposition_noun: 'its block on X's entry', 'objections to the deal')",
                vocab=("opposition_noun",))
def opposed_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"dropped its block on Chile's entry", "withdrew its objections to the two states joining": what a veto or
    an objection is against has not happened (the stance on it is told by the veto's own event, if any)."""
    out: set[int] = set()
    for t in triggers:
        tok = t.tok
        for node in (tok, *tok.conjuncts):
            prep = node.head
            if node.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in {"on", "to", "against"} \
                    and prep.head.lemma_.lower() in w["opposition_noun"]:
                out.add(tok.i)
    return out


@selection_rule("warned_against_is_not_done", reads="a trigger that is the object (pobj, pcomp) of an against-phrase "
                "of a verb of warning (warning_against_verb: 'warned Israel against expanding the conflict')",
                vocab=("warning_against_verb",))
def warned_against_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"Iran warned Israel against expanding the conflict" was a +9.5 cooperation of Iran's on "expanding": what one
    warns against has not happened (the warning is told by the warning verb's own event)."""
    out: set[int] = set()
    for t in triggers:
        for node in (t.tok, *t.tok.conjuncts):
            prep = node.head
            if node.dep_ in {"pobj", "pcomp"} and prep.lower_ == "against" \
                    and prep.head.lemma_.lower() in w["warning_against_verb"]:
                out.add(t.tok.i)
    return out


@selection_rule("blocked_is_not_done", reads="an event noun in the direct object of a verb of blocking (blocking_verb: "
                "'blocked EU aid for Ukraine', 'vetoed the sanctions'), a compound modifier of that object, or the "
                "of-object of an amount (measure_noun) that is ('blocked 50 billion euros of aid')",
                vocab=("blocking_verb", "measure_noun"))
def blocked_is_not_done(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"Hungary blocked EU aid for Ukraine": the aid was not given (it was a +10 aid from the EU to Ukraine); the
    block is told by the blocking verb's own event."""
    out: set[int] = set()
    for t in triggers:
        tok = t.tok
        if not getattr(t, "nominal", False):
            continue
        node = tok
        while node.dep_ == "compound" and node.head is not node:
            node = node.head  # "the EU aid package": the package is what is blocked
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in w["measure_noun"]:
            node = node.head.head  # "blocked 50 billion euros of EU aid": the amount of it is what is blocked
        if node.dep_ in {"dobj", "obj", "nsubjpass"} and node.head.lemma_.lower() in w["blocking_verb"]:
            out.add(tok.i)
    return out


@selection_rule("bare_definite_noun_refers_back", reads="a nominal trigger with a definite determiner "
                "(definite_det: 'the deal', 'this agreement') and nothing else in its phrase that could name a party "
                "or a new act: no possessor, preposition, clause, apposition, proper noun or named entity",
                vocab=("definite_det",))
def bare_definite_noun_refers_back(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """""Lima would worry if the deal opened the way to a base", "the pact lets Chile ...": a bare
    definite event noun points back to an act the article told before; it reports no act of its own (with no
    party in its phrase it could only ever be an event of no one, read in a side clause as a second event)."""
    named = {"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"}
    out: set[int] = set()
    for t in triggers:
        tok = t.tok
        if not getattr(t, "nominal", False) or tok.pos_ != "NOUN":
            continue
        kids = list(tok.children)
        if not any(c.dep_ == "det" and c.lower_ in w["definite_det"] for c in kids):
            continue
        if any(c.dep_ in {"poss", "prep", "acl", "relcl", "appos", "nmod", "conj"} for c in kids):
            continue
        if any(x.pos_ == "PROPN" or x.ent_type_ in named for x in tok.subtree if x is not tok):
            continue
        out.add(tok.i)
    return out


@selection_rule("object_noun_is_the_verbs_act", reads="a nominal trigger that is the direct object of a verb trigger "
                "of the same code (or the of-object of a measure noun that is: 'held a round of talks')")
def object_noun_is_the_verbs_act(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"China launched its attack on Taiwan", "held their talks in Moscow", "conducted their joint drills": a verb
    that takes its act from its object noun tells that act once; the noun, which a possessor gives a source of its
    own, is no second event. A verb of another code keeps both ("condemned Russia's attack")."""
    by_token = {t.tok.i: t for t in triggers}
    out: set[int] = set()
    for t in triggers:
        tok = t.tok
        if not getattr(t, "nominal", False):
            continue
        head = tok.head
        if tok.dep_ == "pobj" and head.lower_ == "of" and head.head.dep_ in {"dobj", "obj"}:
            head = head.head.head  # "held a new round of talks"
        elif tok.dep_ not in {"dobj", "obj"}:
            continue
        verb = by_token.get(head.i)
        if verb is not None and verb is not t and not getattr(verb, "nominal", False) and verb.cameo == t.cameo:
            out.add(tok.i)
    return out


@selection_rule("conveyed_noun_is_the_verbs_act", reads="a nominal trigger that is the direct object of a verb trigger "
                "that conveys it (conveying_verb: 'conveyed', 'lodged', 'voiced'); or what a document noun (document_noun: "
                "'note', 'letter') that is a verb trigger's direct object conveys ('a note of protest', 'a protest "
                "note')", vocab=("conveying_verb", "document_noun"))
def conveyed_noun_is_the_verbs_act(triggers: list[Any], lex: Lexicon, w: dict[str, frozenset[str]]) -> set[int]:
    """"conveyed its strong protest to the Iranian government", "lodged a protest with Beijing": the verb is coded
    from its object noun (the lexicon's pattern: a protest conveyed is a complaint), and the noun is that one act,
    not a second one (as a demonstration, 140)."""
    by_token = {t.tok.i: t for t in triggers}
    out: set[int] = set()
    for t in triggers:
        if not getattr(t, "nominal", False) or t.tok.dep_ not in {"dobj", "obj"}:
            continue
        verb = by_token.get(t.tok.head.i)
        if verb is not None and not getattr(verb, "nominal", False) \
                and verb.tok.lemma_.lower() in w["conveying_verb"]:
            out.add(t.tok.i)
    for t in triggers:
        # "delivered a note of protest to X": the verb is coded from what the note conveys, one complaint
        head = t.tok.head.head if t.tok.dep_ == "pobj" and t.tok.head.lower_ == "of" else t.tok.head
        if not getattr(t, "nominal", False) or t.tok.dep_ not in {"pobj", "compound"} \
                or head.lemma_.lower() not in w["document_noun"] or head.dep_ not in {"dobj", "obj"}:
            continue
        verb = by_token.get(head.head.i)
        if verb is not None and not getattr(verb, "nominal", False):
            out.add(t.tok.i)
    return out


def reversal_verb(tok: Any, w: dict[str, frozenset[str]] | None = None) -> bool:
    """"cancelled", "withdrew", "pulled out": a verb (or verb + particle) that ends or undoes what its object names."""
    w = w or {k: words(k) for k in ("reversal_verb", "reversal_particle")}
    if tok.pos_ not in {"VERB", "AUX"} and tok.tag_[:2] != "VB":
        return False
    lemma = tok.lemma_.lower()
    return lemma in w["reversal_verb"] or any(
        f"{lemma} {c.lower_}" in w["reversal_particle"] for c in tok.children if c.dep_ == "prt") \
        or _on_hold(tok) is not None or _put_behind(tok)


def _put_behind(verb: Any) -> bool:
    """Whether ``verb`` heads a phrase of closing a chapter (reversal_phrase: 'turned the page on X', verb, object and
    preposition; 'put X behind them', verb and preposition)."""
    lemma, phrases = verb.lemma_.lower(), words("reversal_phrase")
    objects = [c.lemma_.lower() for c in verb.children if c.dep_ in {"dobj", "obj"}]
    preps = [c.lower_ for c in verb.children if c.dep_ == "prep"]
    return any(f"{lemma} {p}" in phrases or any(f"{lemma} {o} {p}" in phrases for o in objects) for p in preps)


def _on_hold(verb: Any) -> Any:
    """The prepositional object of a phrase of shelving on ``verb`` (reversal_phrase: 'put the talks on hold'), or,
    when the parser has read the phrase's noun as a compound of the next noun ('put on hold talks'), that noun;
    None when the verb has no such phrase."""
    lemma = verb.lemma_.lower()
    for c in verb.children:
        if c.dep_ != "prep":
            continue
        for p in (p for p in c.children if p.dep_ == "pobj"):
            if f"{lemma} {c.lower_} {p.lemma_.lower()}" in words("reversal_phrase"):
                return p
            if any(m.dep_ == "compound" and f"{lemma} {c.lower_} {m.lemma_.lower()}" in words("reversal_phrase")
                   for m in p.children):
                return p
    return None


def halted_acts(verb: Any) -> list[Any]:
    """The acts a verb of halting stops, told by a gerund ("stop arming Ukraine", "halted supplying weapons to
    Egypt", "suspended funding the agency"; not "ended up backing", where the particle makes it an outcome)."""
    if verb.lemma_.lower() not in words("halting_verb") or any(c.dep_ == "prt" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.pos_ == "VERB"]


def undone_objects(verb: Any) -> list[Any]:
    """What a reversal verb undoes: its direct objects, its passive subject ("trade talks between A and B were
    paused") and the objects of its from/of/out-of phrases ("withdrew from a deal", "pulled out of the accord")."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "dative", "obj", "nsubjpass"}]
    held = _on_hold(verb)
    if held is not None and any(m.dep_ == "compound" for m in held.children):
        objs.append(held)  # "put on hold talks with X", the phrase's noun read as a compound of the object
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in {"from", "of", "out"}:
            objs += [p for p in c.subtree if p.dep_ == "pobj" and p.head.lower_ in {"from", "of"}][:1]
    return objs


def undone_clause(tok: Any, w: dict[str, frozenset[str]] | None = None) -> bool:
    """Whether ``tok`` lies in a clause (acl, relcl) on what a reversal verb undoes ("cancelled a gala to celebrate
    ties": "ties" is undone, not celebrated), below no adverbial or complement clause with a subject of its own."""
    node = tok
    for _ in range(6):
        if node.head == node:
            return False
        if node.dep_ in {"advcl", "ccomp"} and any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            # "abandoned the commitment it made when the two countries established ties": a clause with a subject
            # of its own tells its own act (the establishing), not what the reversal undoes
            return False
        if node.dep_ in {"acl", "relcl"}:
            noun = node.head
            verb = noun.head.head if noun.dep_ == "pobj" else noun.head
            if noun in undone_objects(verb) and reversal_verb(verb, w):
                return True
        node = node.head
    return False


# -- event-stage rules, in the order they apply -------------------------------------------------------------
@rule("declining_comment", reads="a refusal verb (refusal_governor) coded as a rejection (12x) whose clause is a "
      "verb of commenting (comment_verb: 'declined to comment', 'refused to elaborate')",
      changes="coding -> 011 (decline comment: no PLOVER type, so no event)", vocab=("refusal_governor", "comment_verb"))
def declining_comment(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"The ministry declined to comment": a spokesman's no-comment is a statement (CAMEO 011), not a rejection."""
    if d.coding.cameo[:2] != "12" or d.tok.lemma_.lower() not in w["refusal_governor"]:
        return d
    if not any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in w["comment_verb"] for c in d.tok.children):
        return d
    return replace(d, coding=_code(lex, "011", d.coding))


@rule("denial_rejects_its_accuser", reads="a denial (016, deny responsibility: 'rejected the accusation', 'denied "
      "Washington's allegations') with a target that names an actor: the accusation's author (its possessor or "
      "by-phrase, or the last accusation told before: act_told_before)",
      changes="coding -> 120 REJECT (016 has no PLOVER type: the event was lost)")
def denial_rejects_its_accuser(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"South Africa accused Israel of genocide. Israel rejected the accusation": denying another's accusation is a
    rejection of its author; with no author named, a denial stays a statement (CAMEO 016) and no event."""
    if d.coding.cameo != DENIAL or not any(m.actor is not None and m.actor.node for m in d.target):
        return d
    return replace(d, coding=_code(lex, "120", d.coding))


@rule("court_is_the_forum", reads="a legal action or an official complaint (115, 114) and its targets that are courts "
      "(sector JUD) named in a to/at/before phrase of the trigger or its object, or international bodies (igo) in an "
      "at/before phrase",
      changes="drops those targets (the court or body hears the case; the accused is the party)")
def court_is_the_forum(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Mexico said it would take the case to the International Court of Justice": the court is where the case goes,
    not whom it is against (it was a threat against the ICJ); "took Israel to the World Court" keeps Israel; "would
    file a complaint at the UN Security Council": the council is where it is lodged."""
    if not d.coding.cameo.startswith(("115", "114")) or not d.target:
        return d
    phrases = forum_phrases(d.tok)
    spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in phrases]
    lodged = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in phrases if c.lower_ != "to"]
    # (a mention re-spanned to the object's phrase, "a complaint at the Security Council", ends in the phrase)
    kept = tuple(m for m in d.target if not (m.actor is not None and (
        (m.actor.sector == "JUD" and any(lo <= m.start < hi or lo < m.end <= hi for lo, hi in spans))
        or (m.actor.kind == "igo" and any(lo <= m.start < hi or lo < m.end <= hi for lo, hi in lodged)))))
    return d if kept == d.target else replace(d, target=kept)


def forum_phrases(verb: Any) -> list[Any]:
    """The to/at/before phrases of ``verb`` or of its direct object ("file a complaint at the Security Council", as
    the parser hangs it): where a case is taken or heard (rule ``court_is_the_forum`` and the tagger's guard)."""
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    return [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in {"to", "at", "before"}]


# CAMEO "deny responsibility": a statement, with no PLOVER type (arguments are found as for a rejection)
DENIAL = "016"


@rule("refusal_is_rejection", reads="an xcomp chain from the trigger up to a refusing verb (refusal_governor)",
      changes="coding -> 120 REJECT for a non-negative act; clears negated", vocab=("refusal_governor",))
def refusal_is_rejection(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"failed to reach agreement", "refused to recognise": the refusal is the act (REJECT), not a negated act."""
    if refusal_governor(d.tok) is None or d.coding.score < 0 or d.coding.cameo[:2] == "12":
        return d
    return replace(d, coding=_code(lex, "120", d.coding), modality=replace(d.modality, negated=False))


@rule("intent_from_governor", reads="an xcomp/ccomp chain up to an intention verb or adjective "
      "(intent_governor, intent_adjective), or an infinitive on an intention or request noun (intent_noun, "
      "request_noun: 'an invitation to visit'), unless a refusing verb governs the trigger", changes="modality.intent",
      vocab=("intent_governor", "intent_adjective", "intent_noun", "request_noun"))
def intent_from_governor(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"pledged to send", "ready to withdraw", "its readiness to abandon": the act is intended, not done."""
    if d.modality.intent or intent_governor(d.tok) is None or refusal_governor(d.tok) is not None:
        return d
    return replace(d, modality=replace(d.modality, intent=True))


@rule("intent_coding", reads="modality.intent, the governing intention word (threat_governor, offer_governor; "
      "warning_governor with a friendly act), a conditional advcl (condition_mark), the act's CAMEO root",
      changes="coding -> the 03x intent or 13x threat code of the act", vocab=("threat_governor", "offer_governor",
                                                                               "condition_mark", "warning_governor"))
def intent_coding(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """An intention, promise or threat is coded as such (AGREE / THREATEN), not as the act.

    "threatened to ban" is a threat whatever the act, "will withdraw ... unless" as a hostile act on a condition;
    "offered to hand over",
    "willing to withdraw" are offers (AGREE); otherwise a hostile act intended is a threat and a cooperative
    one an expressed intent to cooperate.
    """
    coding = d.coding
    if not d.modality.intent or coding.cameo[:2] in {"03", "13"}:
        return d
    if coding.cameo[:2] == "02" and intent_governor(d.tok) not in w["threat_governor"]:
        return d  # "plans to seek clarification": an appeal intended stays an appeal (CAMEO has no 03x for it)
    governor = intent_governor(d.tok) if refusal_governor(d.tok) is None else None
    # a condition makes a hostile act a threat; a friendly one promised on a condition is still a promise to the
    # one it helps ("pledged to defend Niger if ECOWAS intervenes"), unless the act is the condition itself ("will
    # boycott the vote unless the president agrees to step down": the threat is the sentence's)
    marks = w["condition_mark"]
    in_protasis = any(n.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in n.children)
                      for n in (d.tok, *d.tok.ancestors))
    # "warned that it would defend Manila": a friendly act warned of is a warning to others and a promise to the one
    # it helps (it was a threat against Manila)
    warned_help = governor in w["warning_governor"] and coding.score > 0
    if (governor in w["threat_governor"] and not warned_help) or (
            conditional(d.tok) and (coding.score < 0 or in_protasis)):
        code = "138" if coding.cameo[:2] in {"15", "17", "18", "19", "20"} else "130"
    elif (governor in w["offer_governor"] and (coding.score >= 0 or coding.cameo[:2] == "15" or (
            governor == "agree" and not any(m.actor is not None for m in d.target)))) \
            or warned_help:
        # (a hostile act one is ready or willing to do is a threat: "ready to close their borders with X"; not a
        # deployment, which is offered to the one it helps, "offered to send troops to Uganda"; what several agree to
        # do with no one as its target is their agreement: "agreed to hold annual exercises")
        code = INTENT_BY_ROOT.get(coding.cameo[:2], "030")
        if not code.startswith("03"):
            code = "030"
    else:
        # a hostile act with no military root of its own ("in a bid to counter China") is a threat, not a threat
        # of force (138 is kept for the roots INTENT_BY_ROOT maps to it)
        code = INTENT_BY_ROOT.get(coding.cameo[:2], "130" if coding.score < 0 else "030")
    return replace(d, coding=_code(lex, code, coding))


@rule("refused_intent_is_rejection", reads="modality.intent and modality.negated, the act's score and root",
      changes="coding -> 120 REJECT; clears negated")
def refused_intent_is_rejection(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"will not release the pilots", "will not lift the ban": refusing is the act (REJECT)."""
    m, c = d.modality, d.coding
    if not (m.intent and m.negated and c.score >= 0 and c.cameo[:2] not in {"12", "13"}):
        return d
    return replace(d, coding=_code(lex, "120", c), modality=replace(m, negated=False))


@rule("never_deserting_is_a_pledge", reads="a negated verb of deserting (desertion_verb) whose target is named",
      changes="coding -> 030 (intent to cooperate: a pledge to stand by the partner); clears negated",
      vocab=("desertion_verb",))
def never_deserting_is_a_pledge(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Ankara would never abandon Hamas", "we will not betray our allies": refusing to desert a partner is a pledge
    to stand by it (it was a negated threat against the partner, so no relation)."""
    if not d.modality.negated or not any(m.actor is not None for m in d.target) \
            or d.tok.lemma_.lower() not in w["desertion_verb"]:
        return d
    return replace(d, coding=_code(lex, "030", d.coding), modality=replace(d.modality, negated=False))


@rule("encouraging_to_act_is_appeal", reads="a praise code (05x) on an urging verb (urging_verb) that governs an "
      "infinitive clause (xcomp, ccomp)", changes="coding -> 020 (appeal)", vocab=("urging_verb",))
def encouraging_to_act_is_appeal(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"we keep encouraging X to join the regional talks": urging someone to act is an
    appeal to them, not praise of them ("encouraged by the progress" stays praise)."""
    if d.coding.cameo[:2] != "05" or d.tok.lemma_.lower() not in w["urging_verb"]:
        return d
    if not any(c.dep_ in {"xcomp", "ccomp"} and c.pos_ in {"VERB", "AUX"} for c in d.tok.children):
        return d
    return replace(d, coding=_code(lex, "020", d.coding))


@rule("membership_bid_is_alignment", reads="an appeal (02x) whose object or for/to object is a membership noun "
      "(membership_noun), or that governs a joining verb (joining_verb), with a target",
      changes="coding -> 030 (intent to cooperate, AGREE)", vocab=("membership_noun", "joining_verb"))
def membership_bid_is_alignment(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"decided to apply for NATO membership", "applied to join the alliance": asking to join a body is siding with
    it (an intent to cooperate), not a neutral request."""
    if d.coding.cameo[:2] != "02" or not d.target:
        return d
    kids = list(d.tok.children)
    nouns = [c for c in kids if c.dep_ in {"dobj", "obj"}] + [p for c in kids if c.dep_ == "prep" and c.lower_ in {
        "for", "to"} for p in c.children if p.dep_ == "pobj"]
    if not (any(n.lemma_.lower() in w["membership_noun"] for n in nouns)
            or any(c.dep_ == "xcomp" and c.lemma_.lower() in w["joining_verb"] for c in kids)):
        return d
    return replace(d, coding=_code(lex, "030", d.coding))


@rule("troops_arriving_is_deployment", reads="a visit coding (042/043) on a verb whose subject is a troop noun "
      "(troop_noun), or the of-object of its subject ('the first contingent of troops arrived'); a purpose clause "
      "on the verb whose verb helps (aid_purpose_verb: 'landed to help the relief effort')",
      changes="coding -> 154 (deploy forces), or 074 (military assistance) with a purpose of help; "
      "peacekeeping_is_aid, after it, makes peacekeepers aid", vocab=("troop_noun", "aid_purpose_verb"))
def troops_arriving_is_deployment(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Troops arrived in Bosnia": soldiers arriving somewhere are deployed there, not on a state visit;
    "soldiers landed to help the relief effort": deployed to help, military assistance."""
    if d.coding.cameo not in {"042", "043"}:
        return d
    for subj in (c for c in d.tok.children if c.dep_ in {"nsubj", "nsubjpass"}):
        nouns = [subj, *subj.conjuncts] + [p for prep in subj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                                           for p in prep.children if p.dep_ == "pobj"]
        if any(n.lemma_.lower() in w["troop_noun"] for n in nouns):
            helps = any(c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in w["aid_purpose_verb"]
                        for c in d.tok.children)
            return replace(d, coding=_code(lex, "074" if helps else "154", d.coding))
    return d


@rule("ruled_out_is_rejection", reads="the trigger as the clausal subject of a copula whose predicate is a "
      "rejection phrase (rejection_predicate: 'out of the question', 'off the table', 'not an option')",
      changes="coding -> 120 REJECT; source -> the speaker when there is one, said_by -> none",
      vocab=("rejection_predicate",))
def ruled_out_is_rejection(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"X said that easing the embargo is out of the question": the act is rejected, not done; the one who
    says so rejects it (the rejection is the speech act: its speaker is its source)."""
    if d.tok.dep_ != "csubj" or d.tok.head.lemma_.lower() != "be":
        return d
    copula = d.tok.head
    rest = " ".join(t.lower_ for t in copula.subtree if t.i > copula.i and t.dep_ != "punct")
    # the predicate, up to a following clause ("... out of the question since it would ...")
    clause = next((t for t in copula.children if t.i > copula.i and t.dep_ in {"advcl", "ccomp", "conj"}), None)
    if clause is not None:
        rest = " ".join(t.lower_ for t in copula.subtree if copula.i < t.i < clause.left_edge.i and t.dep_ != "punct")
    words = rest.split()
    if not any(" ".join(words[i:i + len(p.split())]) == p for p in w["rejection_predicate"] for i in range(len(words))):
        return d
    coding = _code(lex, "120", d.coding)
    if d.said_by is not None and d.said_by not in d.source:
        return replace(d, source=(d.said_by,), coding=coding, said_by=None)
    return replace(d, coding=coding)


@rule("resignation_is_retreat", reads="an acceding code (083x) on a resigning verb (resignation_verb: 'resigned', "
      "'stepped down', 'quit')", changes="type -> RETREAT (the CAMEO code stays)", vocab=("resignation_verb",))
def resignation_is_retreat(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"The president resigned": PLOVER counts an official's resignation as RETREAT (the PLOVER 2.0 manual counts
    officials' resignations under RETREAT), where CAMEO's code for it (083, accede to
    demands for political change) maps to CONCEDE."""
    if not d.coding.cameo.startswith("083") or d.tok.lemma_.lower() not in w["resignation_verb"]:
        return d
    return replace(d, coding=replace(d.coding, type="RETREAT"))


@rule("peacekeeping_is_aid", reads="a 15x (force posture) coding; words of the sentence starting with a "
      "peacekeeping prefix (peacekeeping_prefix)", changes="coding -> 074 (peacekeeping aid)",
      vocab=("peacekeeping_prefix",))
def peacekeeping_is_aid(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """Troops sent to keep the peace are aid, not a show of force."""
    prefixes = tuple(w["peacekeeping_prefix"])
    if d.coding.cameo[:2] != "15" or not any(t.lower_.startswith(prefixes) for t in d.sent):
        return d
    return replace(d, coding=_code(lex, "074", d.coding))


@rule("invited_force_is_aid", reads="a 15x (force posture) coding; an adverbial clause or phrase on the trigger "
      "that asks for help (request_verb + help_noun: 'after X requested assistance') or says it came on request "
      "('at the request of X', 'at X's invitation': request_noun)", changes="coding -> 074 (military assistance)",
      vocab=("request_verb", "help_noun", "request_noun"))
def invited_force_is_aid(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"X sent troops to Y after Y's government asked for help":
    troops sent because the host asked for them are help to the host, not a show of force against it."""
    if d.coding.cameo[:2] != "15":
        return d
    for c in d.tok.children:
        if c.dep_ == "advcl" and c.lemma_.lower() in w["request_verb"] and any(
                o.dep_ in {"dobj", "obj"} and o.lemma_.lower() in w["help_noun"] for o in c.children):
            return replace(d, coding=_code(lex, "074", d.coding))
        if c.dep_ == "prep" and c.lower_ in {"at", "on", "upon"} and any(
                p.dep_ == "pobj" and p.lemma_.lower() in w["request_noun"] for p in c.children):
            return replace(d, coding=_code(lex, "074", d.coding))
    return d


@rule("force_sent_to_help_is_aid", reads="a 15x (force posture) coding; a purpose clause ('to' + verb) on the trigger "
      "whose verb helps (aid_purpose_verb: 'to support', 'to help')", changes="coding -> 074 (military assistance)",
      vocab=("aid_purpose_verb",))
def force_sent_to_help_is_aid(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"North Korea has sent troops to Russia to support Moscow's war": troops sent to help the host are military
    aid to it, not a show of force against it."""
    if d.coding.cameo[:2] != "15":
        return d
    for c in d.tok.children:
        if c.dep_ in {"advcl", "xcomp"} and c.lemma_.lower() in w["aid_purpose_verb"] \
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            return replace(d, coding=_code(lex, "074", d.coding))
    return d


@rule("obligation_is_demand", reads="an obligation modal on the trigger (obligation_modal) and the speaker",
      changes="source -> the speaker, target -> the old source, coding -> 100 DEMAND, said_by -> none",
      vocab=("obligation_modal",))
def obligation_is_demand(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Russia said Sudan must return the helicopter": Russia demands it of Sudan."""
    if d.said_by is None or d.said_by in d.source or d.said_by.method == UNNAMED_SPEAKER:
        return d  # an unnamed voice ("officials said", ``attribution.unnamed_speaker``) names no one to demand it
    if not any(c.dep_ == "aux" and c.lower_ in w["obligation_modal"] for c in d.tok.children):
        return d
    # the demand is the speech act itself: its speaker is its source, not repeated as ``said_by``; made, not hedged
    # as the act demanded is (modality's obligation_is_not_done)
    return replace(d, source=(d.said_by,), target=d.source, coding=_code(lex, "100", d.coding), said_by=None,
                   modality=replace(d.modality, hedged=False))


@rule("paying_a_price_is_a_threat", reads="a paying verb (price_verb) whose direct object is a price noun "
      "(price_noun: 'will pay a heavy price'), and the speaker",
      changes="coding -> 130 THREATEN; source -> the speaker (none for the outlet's own voice or an unnamed one), "
      "target -> the old source, said_by -> none", vocab=("price_verb", "price_noun"))
def paying_a_price_is_a_threat(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"America and Britain will have to pay a heavy price," the official said: no payment, a threat by the speaker
    against those who will pay."""
    if d.tok.lemma_.lower() not in w["price_verb"] or not any(
            c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in w["price_noun"] for c in d.tok.children):
        return d
    named = d.said_by is not None and d.said_by not in d.source and d.said_by.method != UNNAMED_SPEAKER
    return replace(d, source=(d.said_by,) if named else (), target=d.source, coding=_code(lex, "130", d.coding),
                   said_by=None if named else d.said_by)


@rule("agentless_threat_is_the_speakers", reads="a threat (13x) whose source names no actor, and a named speaker",
      changes="source -> the speaker, said_by -> none")
def agentless_threat_is_the_speakers(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"The Zionist regime will be punished," the Leader said: a threat voiced with no one named to carry it out is
    the speaker's own (a speech act: its speaker is its source, not repeated as ``said_by``)."""
    if d.coding.cameo[:2] != "13" or any(m.actor is not None for m in d.source) or d.said_by is None \
            or d.said_by.actor is None or d.said_by.method == UNNAMED_SPEAKER:
        return d
    return replace(d, source=(d.said_by,), said_by=None)


# the background cue of a sentence that continues a background one (``dating.CONTINUES_CUE``)
_CONTINUES_CUE = "(continues the previous sentence)"


@rule("news_object_is_current", reads="a background carried over from the sentence before (Coder.code); a definite "
      "(definite_det) direct object of the trigger that is an agreement, gathering or event-anaphor noun (pact_noun, "
      "gathering_noun, event_anaphor) that the headline or the lede names too",
      changes="modality: background off (the event is dated as news)",
      vocab=("definite_det", "pact_noun", "gathering_noun", "event_anaphor"))
def news_object_is_current(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Relations sank after a court ruling in 2018. Washington welcomed the summit.": a past-tense sentence after a
    background one is read as going on with it, but what it acts on here is the news itself, the summit that the
    headline or lede tells of, so the act is today's, not background."""
    if not d.modality.background or d.modality.background_cue != _CONTINUES_CUE:
        return d
    nouns = w["pact_noun"] | w["gathering_noun"] | w["event_anaphor"]
    objects = [c for c in d.tok.children if c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in nouns
               and any(t.dep_ == "det" and t.lower_ in w["definite_det"] for t in c.children)]
    if not objects:
        return d
    own = d.tok.sent
    opening = [t.lemma_.lower() for s, _ in zip(d.tok.doc.sents, range(2)) if s != own for t in s if t.pos_ == "NOUN"]
    if not any(o.lemma_.lower() in opening for o in objects):
        return d
    return replace(d, modality=replace(d.modality, background=False, background_cue=None))


@rule("complaint_is_disapproval", reads="a complaint noun (complaint_noun) as the trigger's object or the trigger, "
      "and the subject of the that-clause or of the over/at/with object it governs",
      changes="coding -> 110 DISAPPROVE when it was a comment or sympathy (01x) code; a worry noun (worry_noun) only "
      "when the target is what it is about", vocab=("complaint_noun", "worry_noun"))
def complaint_is_disapproval(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"voiced regret that X failed to ...", "expressed disappointment that X did not condemn ...": disappointment
    or regret at what another actor did or failed to do is disapproval of that actor, not sympathy or a comment.
    The target itself is found by the argument finder (``ArgumentFinder.complaint_target``)."""
    if not d.target or d.coding.cameo[:2] != "01":
        return d
    nouns = [d.tok] + [c for c in d.tok.children if c.dep_ in {"dobj", "obj"}]
    found = [n for n in nouns if n.lemma_.lower() in w["complaint_noun"]]
    if not found:
        return d
    if all(n.lemma_.lower() in w["worry_noun"] for n in found) and not any(_about(n, m) for n in found for m in d.target) \
            and not any(_in_condition(d.tok, m) for m in d.target):
        # "expressed concern for his health", "conveyed concerns ... to the minister": worry, not disapproval,
        # unless it is about what the target did ("concern about negotiations between X and Y")
        return d
    return replace(d, coding=_code(lex, "110", d.coding))


@rule("measure_against_is_against", reads="a positive coding of support, cooperation or consultation (03-06), or "
      "a rejection (12x; not on a reversal verb) whose direct object (or the object of its "
      "for-phrase) is a noun, no actor, with an against-phrase that holds every target ('backed a resolution against "
      "Russia')", changes="coding -> the object's own code when the lexicon gives it a negative one ('sanctions': "
      "163), else 111 (criticize or denounce); for a consultation (04), or a rejection (12x: 'rejected sanctions "
      "against Russia', the one spared; on a verb of rejecting, measure_rejecting_verb, or one a refusal governs), "
      "no target ('discussed measures against X')", vocab=("measure_rejecting_verb",))
def measure_against_is_against(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"The US backed a resolution against Russia", "voted for sanctions against Iran": backing a measure against
    X is an act against X (it was +5 support of Russia)."""
    rejection = d.coding.cameo[:2] == "12" and (d.tok.lemma_.lower() in w["measure_rejecting_verb"]
                                                 or refusal_governor(d.tok) is not None)
    if not d.target or (d.coding.score <= 0 and not rejection) \
            or d.coding.cameo[:2] not in {"03", "04", "05", "06", "12"} or reversal_verb(d.tok):
        return d  # ("lifted sanctions against Iran" undoes them: an easing, 08x)
    by_object: dict[Any, list[Any]] = {}
    for prep in measure_against_phrases(d.tok):
        by_object.setdefault(prep.head, []).append(prep)
    for obj, against in by_object.items():
        spans = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in against]
        # (a target may be re-spanned to its whole phrase, "a resolution against Russia": overlap is enough)
        if all(any(m.start < hi and lo < m.end for lo, hi in spans) for m in d.target):
            if d.coding.cameo[:2] in {"04", "12"}:
                # ("Hungary rejected sanctions against Russia", "refused to back measures against Russian gas":
                # Russia is spared, not rejected)
                # "discussed measures against Iran's Guards": Iran is not the one consulted (it was +1.5 with Iran)
                return replace(d, target=())
            own = lex.nouns.get(obj.lemma_.lower()) or lex.nouns.get(obj.lower_)
            own_coding = lex.coding(own) if own else None
            cameo = own if own_coding is not None and own_coding.score < 0 else "111"
            return replace(d, coding=_code(lex, cameo, d.coding))
    return d


@rule("condemned_act_spares_its_victim", reads="a disapproval coding (11x, 12x) whose direct object (or a conjunct of "
      "it) is an event noun of an act suffered (17x-20x, nouns.tsv), and the on/against/of/at phrase of that noun",
      changes="drops the targets named only inside that phrase (the victim); the act's author stays")
def condemned_act_spares_its_victim(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Turkey condemned the strike on Syria", "denounced the attack on the Iranian embassy": the one attacked is
    not the one condemned (it was an accusation of Syria); "condemned the Israeli strike on Syria" keeps Israel."""
    if not d.target or d.coding.cameo[:2] not in {"11", "12"}:
        return d
    spans = [(c.left_edge.i, c.right_edge.i) for c in victim_phrases(d.tok, lex.nouns)]
    if not spans:
        return d

    def victim(m: Mention) -> bool:
        span = d.tok.doc.char_span(m.start, m.end, alignment_mode="expand")
        named = [t for t in span if t.ent_type_ or t.pos_ == "PROPN"] if span is not None else []
        return bool(named) and all(any(lo <= t.i <= hi for lo, hi in spans) for t in named)

    kept = tuple(m for m in d.target if not victim(m))
    return d if len(kept) == len(d.target) else replace(d, target=kept)


# CAMEO roots of acts one side suffers (coerce, assault, fight, mass violence): "the killing of X", "the arrest of X"
SUFFERED_ROOTS = frozenset({"17", "18", "19", "20"})


def victim_phrases(verb: Any, nouns: dict[str, str]) -> list[Any]:
    """The on/against/of/at phrases of the nouns of acts suffered (``SUFFERED_ROOTS`` by ``nouns``, the lexicon's
    event nouns) that ``verb`` takes as objects, conjuncts included ("condemned the strike on Syria"): where the
    victim is named (rule ``condemned_act_spares_its_victim`` and the tagger's guard)."""
    out = []
    for obj in (c for c in verb.children if c.dep_ in {"dobj", "obj"}):
        for noun in (obj, *obj.conjuncts):
            if (nouns.get(noun.lemma_.lower()) or "")[:2] in SUFFERED_ROOTS:
                out += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"on", "against", "of", "at"}]
    return out


def measure_against_phrases(verb: Any) -> list[Any]:
    """The against-phrases of the measures ``verb`` takes (a noun object, or a for-phrase's, that names no entity):
    "backed a resolution against Russia", "discussed measures against Iran" (rule ``measure_against_is_against`` and
    the tagger's guard)."""
    objs = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
    objs += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children if p.dep_ == "pobj"]
    return [c for obj in objs if obj.pos_ == "NOUN" and not obj.ent_type_
            for c in obj.children if c.dep_ == "prep" and c.lower_ == "against"]


def _in_condition(verb: Any, m: Mention) -> bool:
    """Whether mention ``m`` lies in an if-clause of ``verb`` ("would have concerns if steps were taken by X"): the
    worry is about what X would do (``arguments.concern_if_others_act``)."""
    marks = words("condition_mark")
    for c in verb.children:
        if c.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in marks for k in c.children):
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if lo <= m.start < hi:
                return True
    return False


def _about(noun: Any, m: Mention) -> bool:
    """Whether mention ``m`` lies in ``noun``'s that-clause or its about/over/at/by phrase (or, re-spanned to the
    argument's whole phrase by ``arguments.as_argument``, "concerns about China", spans the noun and that phrase)."""
    for c in noun.children:
        if c.dep_ in {"ccomp", "acl"} or (c.dep_ == "prep" and c.lower_ in {"about", "over", "at", "by"}):
            lo, hi = c.left_edge.idx, c.right_edge.idx + len(c.right_edge)
            if lo <= m.start < hi or (m.start <= noun.idx and hi <= m.end):
                return True
    return False


@rule("demand_to_leave", reads="a REQUEST trigger and the verb of the clause it asks for (withdrawal_verb)",
      changes="coding -> 1056 (demand de-escalation, a negative act on the one asked)", vocab=("withdrawal_verb",))
def demand_to_leave(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"demanded that French troops leave the country", "called on Russia to withdraw": asking a party's forces
    or envoys to go is hostile to that party, not a neutral request."""
    if d.coding.type != "REQUEST" or d.coding.cameo.startswith("1056"):
        return d
    asked = [c for c in d.tok.children if c.dep_ in {"ccomp", "xcomp"}]
    if not any(c.lemma_.lower() in w["withdrawal_verb"] or any(
            p.dep_ == "prt" and p.lower_ == "out" and c.lemma_.lower() == "pull" for p in c.children) for c in asked):
        return d
    return replace(d, coding=_code(lex, "1056", d.coding))


@rule("each_other_is_the_sources", reads="a reciprocal pronoun (reciprocal_pronoun: 'each other', 'one another') in "
      "the trigger's phrase (its object, a preposition's object, or the possessor of one: 'each other's security'), "
      "not inside a clause of its own", changes="target -> the sources, when there are several and no target",
      vocab=("reciprocal_pronoun",))
def each_other_is_the_sources(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"the two states pledged to defend each other": an act the co-agents do to each other has them
    as its targets too, so each is a party of it with each other (without this the act has co-sources and no
    target, and co-agents of an act are not its parties: ``events.lexicon.reciprocal``)."""
    if d.target or len(d.source) < 2:
        return d
    for t in d.tok.subtree:
        if t.i == 0 or f"{t.nbor(-1).lower_} {t.lower_}" not in w["reciprocal_pronoun"]:
            continue
        node, steps = t, 0
        while node != d.tok and steps < 8:
            if node.dep_ in {"ccomp", "advcl", "relcl", "acl"} and any(
                    c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                break  # another clause, with a subject of its own
            node, steps = node.head, steps + 1
        if node == d.tok:
            return replace(d, target=d.source)
    return d


@rule("clashing_over_an_issue", reads="a fighting code (19x) on a quarrel verb (quarrel_verb: 'clash', 'spar') with an "
      "over-phrase whose object is no place (place_noun, terrain_noun, a place name) and no subject that is a troop "
      "noun (troop_noun)", changes="coding -> 110 (disapprove); target -> the sources, when there are several and no "
      "target (a quarrel is each one's with the other)", vocab=("quarrel_verb", "place_noun", "terrain_noun",
                                                                "troop_noun"))
def clashing_over_an_issue(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Japan and South Korea have clashed over history": states that clash over an issue quarrel; they do not
    fight. Soldiers clash, and states clash over a valley or a border: those are fights, and stay 19x."""
    if not d.coding.cameo.startswith("19") or d.tok.lemma_.lower() not in w["quarrel_verb"]:
        return d
    over = [p for c in d.tok.children if c.dep_ == "prep" and c.lower_ == "over" for p in c.children
            if p.dep_ == "pobj"]
    places = w["place_noun"] | w["terrain_noun"]
    if not over or any(p.lemma_.lower() in places or p.ent_type_ in {"GPE", "LOC", "FAC"} for p in over):
        return d
    subjects = [s for c in d.tok.children if c.dep_ in {"nsubj", "nsubjpass"} for s in (c, *c.conjuncts)]
    if any(s.lemma_.lower() in w["troop_noun"] for s in subjects):
        return d
    target = d.target or (d.source if len(d.source) >= 2 else ())
    return replace(d, coding=_code(lex, "110", d.coding), target=target)


@rule("official_protest_is_complaint", reads="a protest code (14x) on a protest word (protest_word: 'protest', "
      "'protested') whose sources are all states, international bodies or government officials",
      changes="coding -> 114 (complain officially)", vocab=("protest_word",))
def official_protest_is_complaint(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Manila protests after ...", "summoned the envoy to protest the use of water cannon": a government's protest is
    a diplomatic complaint (CAMEO 114; the PLOVER GSR codes "lodged official protest" by a state as disapproval), not
    the street demonstration of PROTEST, which civilians stage."""
    if not d.coding.cameo.startswith("14") or d.tok.lemma_.lower() not in w["protest_word"] or not d.source:
        return d
    if not all(m.actor is not None and (m.actor.kind in {"state", "igo"} or m.actor.sector == "GOV")
               for m in d.source):
        return d
    return replace(d, coding=_code(lex, "114", d.coding))


@rule("fighting_is_mutual", reads="a fighting or disputing code (19x, 11x) on a verb of mutual strife (strife_verb: "
      "'fought', 'disputed', 'disagree') with several sources and no resolved target but what an over-phrase names",
      changes="target -> the sources (each fights or disputes with the other)", vocab=("strife_verb",))
def fighting_is_mutual(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Vietnam and China fought a brief border war in 1979", "have long disputed islands": co-agents of strife with
    no other party named strive against each other (a place fought over is no party)."""
    if d.coding.cameo[:2] not in {"19", "11"} or d.tok.lemma_.lower() not in w["strife_verb"] or len(d.source) < 2:
        return d
    # what the strife is over is its topic, not a party ("the two countries still disagree over Libya")
    over = {t.idx for c in d.tok.children if c.dep_ == "prep" and c.lower_ == "over" for t in c.subtree}
    if any(m.actor is not None and m.start not in over for m in d.target):
        return d
    return replace(d, target=d.source)


@rule("the_press_is_no_party_to_talk", reads="a statement or consultation code (01, 04) whose targets are all news "
      "media (actors of kind media or sector JRN: 'speaking to Reuters', 'spoke to the BBC')",
      changes="target -> none: a source talking to the press talks to no party")
def the_press_is_no_party_to_talk(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"A Saudi official, speaking to Reuters on condition of anonymity, said ...", "the minister spoke to the BBC":
    an interview is how the news is told, no consultation between the speaker's state and the outlet (Saudi Arabia
    and Reuters were a pair of the network). A hostile act on a news outlet stays ("Moscow banned the BBC")."""
    if d.coding.cameo[:2] not in {"01", "04"} or not d.target:
        return d
    if all(m.actor is not None and (m.actor.kind == "media" or m.actor.sector == "JRN") for m in d.target):
        return replace(d, target=())
    return d


@rule("exchange_is_mutual", reads="a verb of exchange (exchange_verb: 'exchanged fire', 'traded accusations') with "
      "several sources and no target that is a party (an object such as 'ambassadors' names none)",
      changes="target -> the sources (each does it to the other)",
      vocab=("exchange_verb",))
def exchange_is_mutual(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Israel and Hezbollah exchanged fire", "India and Pakistan traded accusations": what co-agents exchange they do
    to each other; without this the act has co-sources and no target, and co-agents of an act that is not mutual
    (``events.lexicon.reciprocal``) are not its parties."""
    if len(d.source) < 2 or d.tok.lemma_.lower() not in w["exchange_verb"]:
        return d
    if any(m.actor is not None and m.actor.node for m in d.target):
        return d  # ("A and B exchanged prisoners with C")
    # (a target that is what is exchanged, "exchanged ambassadors", names no party: the parties are the sources)
    return replace(d, target=d.source)


@rule("mutual_act_keeps_no_partyless_target", reads="a mutual act of coming together (reciprocal_acts.tsv; 03, 04, "
      "05) with several sources whose targets are all the object its coding is keyed on (verbs.tsv: 'restore' + "
      "'ambassador'), with no possessor, and name no party",
      changes="target -> none, so the sources are each other's parties")
def mutual_act_keeps_no_partyless_target(d: Draft, lex: Lexicon, w: dict[str, frozenset[str]]) -> Draft:
    """"Turkey and Egypt restored ambassadors in July": the ambassadors are what is restored (the verb's coded object),
    an agent noun of no state; as the act's target they made Turkey and Egypt co-agents of an act on no one, not each
    other's parties (``events.lexicon.reciprocal``: a mutual act's co-sources with no target are its parties).  A
    target that is not the coded object stays ("backed Kurdish parties": the parties are backed)."""
    from .lexicon import reciprocal

    if len(d.source) < 2 or not d.target or not reciprocal(d.coding.cameo) \
            or d.coding.cameo[:2] not in _COMING_TOGETHER:
        return d
    keyed = {p.obj for p in lex.verbs.get(d.tok.lemma_.lower(), ()) if p.obj and p.cameo == d.coding.cameo}
    for m in d.target:
        span = d.tok.doc.char_span(m.start, m.end, alignment_mode="expand")
        if (m.actor is not None and m.actor.node) or span is None or not len(span) \
                or span.root.lemma_.lower() not in keyed or any(c.dep_ == "poss" for c in span.root.children):
            return d  # ("Chile and Belize recalled their ambassadors": each its own, from a state not named)
    return replace(d, target=())


# The roots of mutual acts that bring their co-sources together (intend, consult, cooperate diplomatically)
_COMING_TOGETHER = frozenset({"03", "04", "05"})
