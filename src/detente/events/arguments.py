"""Event arguments: who is the source and who the target of a trigger, from the parse.

Consumes a trigger token, the document's ``Speakers`` (mentions by token,
pronoun resolution) and the running ``Context``; produces source and target
mentions.  Rules, in order:

* subjects: the trigger's own subject; else climb through xcomp, conj,
  advcl, pcomp and adverbial links to a governing clause's subject; object
  control ("called on Israel to cancel" -> Israel cancels; "accused Lapid of
  bombing" -> Lapid bombs); an infinitive on an object ("issued an order to
  close" -> the issuer closes); relative and participial clauses take the
  noun they modify;
* passives swap roles: the ``by`` agent (or, for a host-type verb with no
  agent, a capital after "in": "welcomed in Moscow") is the source and the
  passive subject the target;
* objects: a direct object that names an actor; else the object of the
  preposition the lexicon pattern names, or a typed fallback preposition
  ("with" only for cooperative verbs, "for" only for giving and asking);
  else an actor inside the object noun phrase;
* a capital or state after "in", "at", "into" or "from" is a place, not a
  party, except for visits ("flew into Moscow for talks");
* pronouns: "he"/"she" -> the last named person (the last speaker for a
  speech verb), "they" -> the previous clause's subjects, "it"/"the group"/
  "the country" -> the last organisation or state; a pronoun inside what a
  speaker says refers to the speaker when it can ("Israel says it intends");
* "the move", "the step", "the decision" -> the source of the previous
  sentence's main event ("The step was criticised by X").

What a subject token stands for is decided by the named subject-stage rules at the end of this module
(``rules.subject_rule``; their words in ``data/rule_vocab.tsv``; tests in ``tests/events/test_argument_rules.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..model import Actor, DateBasis, Event, Mention
from .attribution import (SPEECH_LEMMAS, Speakers, attribution_rule, city_naming_a_pact, cue_lists,
                          denial_beside_the_clause, is_speech_verb, one_of_named, pair_reference, subject_bearer)
from .rules import (halted_acts, undone_objects, clause_rule, copula_subject, clause_subjects, enabled, noun_rule, object_mentions, object_rule,
                    phrase_extra, phrase_rule, refuses_to_bear, run_rule, subject_mentions, subject_rule, words)

SUBJ_DEPS = {"nsubj", "csubj"}
OBJ_DEPS = {"dobj", "dative", "obj"}
# The kinds of actor that are parties of the network (a pronoun's antecedent, a tie's holder): no persons
PARTY_KINDS = frozenset({"state", "organization", "igo", "armed_group"})
CLIMB_DEPS = {"xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "pobj", "advmod", "acomp", "npadvmod"}
# Fallback target prepositions, with the event types each may introduce (None: any).
TARGET_PREPS: tuple[tuple[str, frozenset[str] | None], ...] = (
    ("on", None),  # (not for TOPIC_ON_TYPES)
    # "defend Armenia against Azerbaijan", "help them against the rebels": whom one acts against is no partner
    ("against", frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "PROTEST", "MOBILIZE", "SANCTION", "REJECT",
                           "REQUEST"})),
    ("to", None),
    ("toward", None),
    ("towards", None),
    ("at", frozenset({"ASSAULT", "COERCE", "THREATEN", "ACCUSE", "PROTEST", "MOBILIZE"})),
    ("into", None),
    ("over", frozenset({"ACCUSE", "PROTEST", "SANCTION", "COERCE", "THREATEN", "REJECT"})),
    ("with", frozenset({"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REJECT", "CONCEDE", "RETREAT", "ACCUSE",
                        "PROTEST"})),
    ("for", frozenset({"AID", "SUPPORT", "COOPERATE", "AGREE"})),
    # "threw its support behind Somalia", "rallied behind Kyiv"
    ("behind", frozenset({"SUPPORT"})),
    # "recalled its ambassadors from the five countries": whom a recall or withdrawal leaves
    ("from", frozenset({"SANCTION", "RETREAT"})),
)
# Types whose on-phrase is their topic, not a party: "hoped to cooperate on Libya", "agreed on Syria" (not "sanctions
# on Russia", "called on Israel")
TOPIC_ON_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
# Event types whose place is their target when no other target is named ("troops arrived in Bosnia").
# Types whose direct object is what is given or moved, not a party ("mobilized army reservists").
CONVEYED_OBJECT_TYPES = {"MOBILIZE", "AID", "COOPERATE", "RETREAT"}
# Types whose target may be the subject of a that-clause ("demanded that the US cancel").
CLAUSAL_TARGET_TYPES = {"REQUEST", "ACCUSE", "THREATEN", "REJECT", "SUPPORT"}
LOCATION_TARGET_TYPES = {"MOBILIZE", "AID", "ASSAULT", "COERCE", "PROTEST", "RETREAT", "CONCEDE", "SANCTION"}
LOCATION_PREPS = {"in", "at", "into", "near", "from", "inside", "across", "through", "via"}  # ("through Chad": a route)
VISIT_CAMEO_PREFIXES = ("042", "043", "044")
# Nouns of a phrase that frames an act, whose of-object is no party of it: "met on the sidelines of an SCO meeting",
# "negotiate on behalf of the EU" (a closed class of framing words, kept here beside NP_SKIP_PREPS)
# Nouns of a preposition's object that frame the act rather than name its party: where ("on the sidelines of"), for
# whom ("on behalf of"), when ("on the eve of")
FRAME_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "fringe", "fringes", "behalf", "eve"})
# and at whose bidding, through their of-phrase ("on the orders of Washington", "at the behest of X", "at the
# initiative of Xi": the one who bids is no party of the act bidden; "for a possible order to move against Syria"
# still names the target)
BIDDING_NOUNS = frozenset({"order", "orders", "behest", "bidding", "instruction", "instructions", "initiative"})


def frames_the_act(pobj: Any) -> bool:
    """Whether a preposition's object frames the act (FRAME_NOUNS), or names who bids it (BIDDING_NOUNS with an
    of-phrase)."""
    lemma = pobj.lemma_.lower()
    return lemma in FRAME_NOUNS or (lemma in BIDDING_NOUNS and any(c.dep_ == "prep" and c.lower_ == "of"
                                                                    for c in pobj.children))
NP_SKIP_PREPS = {"in", "at", "near", "during", "since", "after", "before", "between", "among", "with", "despite"}


@dataclass(frozen=True, slots=True)
class ObjectQuery:
    """What the object-stage rules read: the trigger, its event type, the preposition the lexicon pattern names,
    whether the event is a visit, and the source's nodes (a target other than the source is preferred)."""

    tok: Any
    etype: str
    wanted_prep: str | None
    visit: bool
    exclude: frozenset[str]
    ctx: "Context | None" = None  # the earlier sentences (``pact_told_before``)

    def other(self, ms: list[Mention]) -> list[Mention]:
        return [m for m in ms if not (m.actor and m.actor.node in self.exclude)]


class Context:
    """What earlier sentences make available to pronouns, "the group" and "the move"."""

    def __init__(self) -> None:
        self.last_subjects: tuple[Mention, ...] = ()
        self.last_group: Mention | None = None
        self.last_state: Mention | None = None
        self.last_non_person: Mention | None = None
        self.last_event_source: tuple[Mention, ...] = ()
        # the two states of the last main event with one source and one target ("Egypt recalled its envoy from
        # Ethiopia"), and where that sentence ends: "the two countries" may mean them
        self.last_dyad: tuple[Mention, Mention] | None = None
        self.last_dyad_end = -1
        # the parties of the last agreement signed (057) by two or more actors: "the pact" may mean it
        self.last_pact: tuple[Mention, ...] = ()
        self.last_exercise: tuple[Mention, ...] = ()  # the parties of the last military exercise told
        # whether the last main event was background (an act told as context is rarely "the move" welcomed next)
        self.last_event_background = False
        # the sources of the last attack told as news (CAMEO 18-20, not background): "the strike" may mean it
        self.last_attack: tuple[Mention, ...] = ()
        # the source of the news itself: the first main event of the headline or lede told as news
        self.news_source: tuple[Mention, ...] = ()
        # every act told so far with a source, in order: (CAMEO code, sources, targets); "the expulsion" may mean one
        self.acts: list[tuple[str, tuple[Mention, ...], tuple[Mention, ...]]] = []
        # the source of the last main event that was no statement (statement_root), and whether it was background:
        # "the decision" is a deed, not the comment told after it
        self.last_deed: tuple[tuple[Mention, ...], bool] = ((), False)

    def last_move(self, noun: Any) -> tuple[tuple[Mention, ...], bool]:
        """The source of the main event a bare event anaphor ``noun`` stands for, and whether it was background: for a
        deed (deed_anaphor: "the decision", "the move") the last that was no statement ("Algeria cut ties. Lapid had
        voiced concern. Morocco regretted the decision": Algeria's), else the last main event."""
        if noun.lemma_.lower() in words("deed_anaphor"):
            return self.last_deed
        return self.last_event_source, self.last_event_background

    def remember_news(self, sent_idx: int, events: Sequence[Event]) -> None:
        """The source of the first main event of the headline or the lede told as news (``news_source``)."""
        if self.news_source or sent_idx > 1 or not events or events[0].date.basis == DateBasis.BACKGROUND:
            return
        self.news_source = tuple(m for m in events[0].source if m.actor is not None and m.actor.node)

    def remember_acts(self, events: Iterable[Event]) -> None:
        """Each event of ``events`` with a source that has a network node, as (code, sources, targets) (``acts``)."""
        for e in events:
            sources = tuple(m for m in e.source if m.actor is not None and m.actor.node)
            if sources:
                targets = tuple(m for m in e.target if m.actor is not None and m.actor.node)
                self.acts.append((e.cameo, sources, targets))

    def remember_attack(self, events: Iterable[Event]) -> None:
        """The sources of the last event of ``events`` that is an assault or fight (ATTACK_ROOTS) told as news."""
        for e in events:
            if e.cameo[:2] in ATTACK_ROOTS and e.date.basis != DateBasis.BACKGROUND:
                sources = tuple(m for m in e.source if m.actor is not None and m.actor.node)
                if sources:
                    self.last_attack = sources

    def remember_pact(self, events: Iterable[Event], asides: frozenset[int] = frozenset()) -> None:
        """The parties of the last event of ``events`` that signs an agreement (057), or that two or more parties agree
        on (03x with co-sources, "the three countries agreed to hold exercises", or with a partner, "Morocco agreed
        to normalise relations with Israel", not in an aside: ``asides``, the ids of events told in a relative clause
        or apposition, "Israel, which has sought to normalise relations with Riyadh"), between two or more nodes;
        and the parties of the last military exercise (062, 150)."""
        for e in events:
            parties: dict[str, Mention] = {}
            for m in (*e.source, *e.target):
                if m.actor is not None and m.actor.node:
                    parties.setdefault(m.actor.node, m)
            # (with one source, only an intent to cooperate with the partner, 030-032: "agreed to normalise relations
            # with Israel"; not "Yerevan will release two Azerbaijani soldiers", 035, no agreement with them)
            together = e.cameo.startswith("03") and (len({m.actor.node for m in e.source if m.actor}) >= 2 or (
                id(e) not in asides and e.cameo[:3] in {"030", "031", "032"}))
            if (e.cameo.startswith("057") or together) and len(parties) >= 2:
                self.last_pact = tuple(parties.values())
            if e.cameo in {"062", "150"} and parties:
                self.last_exercise = tuple(parties.values())

    def remember(self, sent: Any, speakers: Speakers, main_source: tuple[Mention, ...],
                 main_target: tuple[Mention, ...] = (), events: Sequence[Event] = ()) -> None:
        subjects: list[Mention] = []
        last_at = -1  # the last subject token read
        for tok in sent:
            m = speakers.mention_at(tok)
            if m is None or m.actor is None:
                continue
            if m.actor.kind in {"armed_group", "organization", "igo"}:
                self.last_group = m
            if m.actor.kind == "state":
                self.last_state = m
            if m.actor.kind not in {"person", "media"}:
                # "..., an outlet reports. The step angered X as it ended a contract": an outlet reports the
                # news, it is not what "it" stands for afterwards
                self.last_non_person = m
            if _coordinated_subject(tok):
                last_at = tok.i
                if m not in subjects:
                    subjects.append(m)
        # "Erdogan called Sisi a tyrant, and the two countries expelled each other's ambassadors. They ...": a later
        # clause's plural noun subject, named by no mention, is what "they" refers back to: its event's sources
        later = next((tuple(m for m in e.source if m.actor is not None) for c in reversed(sent)
                      if c.i > last_at and c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"NNS", "NNPS"}
                      and speakers.mention_at(c) is None and c.head != sent.root
                      for e in events if e.trigger_start == c.head.idx and len(e.source) >= 2), None)
        if later:
            self.last_subjects = later
        elif subjects:
            self.last_subjects = tuple(subjects)
        elif _plural_noun_subject(sent.root):
            # "The three countries formed an alliance. They have expelled French troops": "they" is what the plural
            # noun subject stood for (its event's sources), or no one, never the sentence before's subjects
            self.last_subjects = tuple(m for m in main_source if m.actor is not None)
        if main_source:
            self.last_event_source = main_source
        if len(main_source) == 1 and len(main_target) == 1:
            a, b = main_source[0], main_target[0]
            if a.actor is not None and b.actor is not None and a.actor.kind == b.actor.kind == "state" \
                    and a.actor.node and b.actor.node and a.actor.node != b.actor.node:
                self.last_dyad, self.last_dyad_end = (a, b), sent[-1].idx + len(sent[-1])


def _coordinated_subject(tok: Any) -> bool:
    """Whether ``tok`` is a subject or a conjunct of one, however deep the parser nests the conjuncts ("Niger, Mali
    and Burkina Faso": Faso hangs on Mali, which hangs on Niger; "they" then stood for two of the three)."""
    node = tok
    while node.dep_ == "conj" and node.head is not node:
        node = node.head
    return node.dep_ in {"nsubj", "nsubjpass"}


def _plural_noun_subject(root: Any) -> bool:
    """Whether the clause ``root`` has a plural noun subject, or coordinated ones ("The three countries", "the
    talks"), not a pronoun: what a later "they" refers back to first."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ in {"NOUN", "PROPN"}
               and (c.tag_ in {"NNS", "NNPS"} or any(k.dep_ == "conj" for k in c.children)) for c in root.children)


def state_dyads(events: Iterable[Event]) -> list[tuple[Mention, Mention]]:
    """The pairs of two different states (or people acting for them) that ``events`` relate, in order: each source
    with each target, and the co-sources of a mutual act with no target ("Armenia and Azerbaijan agreed")."""
    from .lexicon import reciprocal

    def state(m: Mention) -> bool:  # a state, or a person acting for one (its node is the state's code)
        return m.actor is not None and bool(m.actor.node) and ":" not in m.actor.node

    out: list[tuple[Mention, Mention]] = []
    for e in events:
        pairs = [(a, b) for a in e.source for b in e.target] if e.target else (
            [(a, b) for i, a in enumerate(e.source) for b in e.source[i + 1:]] if reciprocal(e.cameo) else [])
        out.extend((a, b) for a, b in pairs if state(a) and state(b) and a.actor.node != b.actor.node)
    return out


def _mediation(noun: Any) -> bool:
    """Whether ``noun`` is a noun of mediation (nouns.tsv, CAMEO 045: "mediation"), whose between-phrase names the
    sides brought together, not its author."""
    from .lexicon import load_lexicon

    return (load_lexicon().nouns.get(noun.lemma_.lower()) or "").startswith("045")


def _subject_of_the_next_verb(tok: Any) -> bool:
    """Whether the conjunct noun ``tok`` is the subject of the verb right after it, which the parser made a
    subjectless conjunct of the clause's verb ("Turkey expelled Egypt's ambassador and Cairo responded by
    downgrading ties": 'Cairo' read as a second object; ``orphan_subjects`` makes it the subject of 'responded')."""
    after = tok.right_edge.i + 1
    if tok.dep_ != "conj" or after >= len(tok.doc):
        return False
    verb = tok.doc[after]
    while verb.dep_ in {"aux", "auxpass", "neg", "advmod"} and verb.head.i > verb.i:
        verb = verb.head  # "and Cairo later responded", "and Cairo has responded"
    return verb.pos_ in {"VERB", "AUX"} and verb.dep_ == "conj" \
        and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children)


def orphan_subjects(verb: Any, speakers: Speakers) -> list[Mention]:
    """Subjects the parser hung elsewhere: "welcomed in the capital and the leader is said to ...", "Before the war
    in Ukraine, the two states had ...": a verb with no subject whose left neighbours are nouns attached
    as conjuncts of an earlier noun are its subjects."""
    if verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return []
    i = min([c.i for c in verb.children if c.dep_ in {"aux", "auxpass", "advmod", "neg"} and c.i < verb.i] + [verb.i])
    before = verb.doc[i - 1] if i > 0 else None
    out: list[Mention] = []
    node = before
    while node is not None and node.dep_ == "conj" and node.pos_ in {"PROPN", "NOUN"}:
        m = speakers.mention_at(node)
        if m is None:
            break
        out.insert(0, m)
        head = node.head
        node = head if head.dep_ == "conj" else None
        if node is None and head.head == verb and head.dep_ in MISREAD_SUBJECT_DEPS and head.i < verb.i \
                and (m := speakers.mention_at(head)) is not None:
            out.insert(0, m)  # "Putin and Kim sign pact": a headline's first name read as a modifier of the verb
    if not out and before is not None and before.head == verb and before.dep_ in MISREAD_SUBJECT_DEPS \
            and before.pos_ == "PROPN" and (m := speakers.mention_at(before)) is not None:
        out.append(m)  # "Putin signs pact", parsed the same way
    return out


# what the parser makes of a headline's subject before a bare verb ("Putin and Kim sign pact")
MISREAD_SUBJECT_DEPS = frozenset({"nmod", "npadvmod", "compound", "dep", "amod"})


NP_EXCLUDE = {"conj", "cc", "appos", "punct", "relcl", "parataxis"}


def noun_phrase(head: Any) -> tuple[int, int]:
    """Token range [lo, hi) of the noun phrase headed by ``head``, without conjuncts, appositions or
    relative clauses (ConfliBERT's argument spans include modifiers and prepositional phrases)."""
    toks = [head]
    stack = [c for c in head.children if c.dep_ not in NP_EXCLUDE]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(t.children)
    lo, hi = min(t.i for t in toks), max(t.i for t in toks) + 1
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space or doc[lo].dep_ == "cc"):
        lo += 1
    while hi - 1 > head.i and (doc[hi - 1].is_punct or doc[hi - 1].is_space):
        hi -= 1  # (a headline's last noun holds the blank line after it: "reopen embassies\n\n")
    return lo, hi


def dateline(tok: Any) -> bool:
    """"MADRID (AP) — Turkey has agreed ...", "TBILISI (Reuters) –": a place in capitals opening a line and
    followed by a bracket or a dash before any other word is the story's dateline, never an argument (the parser
    often makes it a second subject)."""
    doc = tok.doc
    if not (tok.text.isupper() and len(tok.text) > 1) or (tok.i > 0 and "\n" not in doc[tok.i - 1].text
                                                         and not tok.is_sent_start):
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is not None and (nxt.text in {"(", "—", "–", "-", ","} or nxt.text.isupper() and tok.i + 2 < len(doc)
                                and doc[tok.i + 2].text in {"(", "—", "–"})


def argument_head(tok: Any) -> Any:
    """The token heading the argument a mention sits in ("[Trump]'s decision" -> "decision")."""
    node = tok
    for _ in range(8):
        head = node.head
        if head == node or head.pos_ in {"VERB", "AUX"} or node.dep_ in {"conj", "appos", "relcl", "acl", "advcl"}:
            return node
        if node.dep_ == "pobj" and head.head.pos_ in {"VERB", "AUX"}:
            return node
        node = head
    return node


def as_argument(m: Mention, sent: Any, trigger: Any = None) -> Mention:
    """The mention re-spanned to the whole argument noun phrase, when it lies in the event's sentence."""
    span = sent.doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or not (sent.start <= span.start < sent.end) or m.method == "agent":
        return m
    head = argument_head(span.root)
    lo, hi = noun_phrase(head)
    if trigger is not None and lo <= trigger.i < hi:
        return m  # the phrase would swallow the event itself ("Moscow's readiness to abandon ...")
    lo, hi = min(lo, span.start), max(hi, span.end)
    doc = sent.doc
    # A phrase never reaches across a paragraph break: a headline without a full stop is parsed into one tree with
    # the body's first line ("... joining NATO: Erdogan" + "President Recep Tayyip Erdogan said ...").
    lo = next((j + 1 for j in range(span.start - 1, lo - 1, -1) if doc[j].text.count("\n") >= 2), lo)
    hi = next((j for j in range(span.end, hi) if doc[j].text.count("\n") >= 2), hi)
    start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
    if (start, end) == (m.start, m.end):
        return m
    return replace(m, start=start, end=end, text=doc[lo:hi].text)  # Doc.text would rebuild the whole text


def named(m: Mention) -> bool:
    return any(w[:1].isupper() for w in m.text.split())


def patron_participle(tok: Any) -> bool:
    """"the Iran-backed group", "Iranian-made drones": a participle of patronage (patron_participle) joined by a
    hyphen to the name before it modifies a noun that is not that name's actor (the group acts, not Iran)."""
    return tok.dep_ == "amod" and tok.lower_ in words("patron_participle") and tok.i > 1 \
        and tok.doc[tok.i - 1].text == "-"


def _place_noun(node: Any) -> bool:
    """A place noun (set place_noun) that is where something is sent: the object of "to"/"towards" ("deployed to
    the region of X"). "Shelled the city of X" and "imposed a curfew in the town of X" keep X: there the place's
    people are the ones acted on (plover-gsr codes the town as the target)."""
    return (node.pos_ == "NOUN" and node.lemma_.lower() in words("place_noun") and node.dep_ == "pobj"
            and node.head.lower_ in {"to", "toward", "towards"})


def _state_body_nouns() -> frozenset[str]:
    """The nouns of a state's governing body ("government", "junta", "administration": identity_cues.tsv)."""
    from ..actors.resolve import identity_cues

    return identity_cues()["state_body_noun"]


def is_location(m: Mention, pobj: Any, prep: Any) -> bool:
    """A state, capital or place after "in"/"at"/"from" is where, not who; so is a capital after "to"."""
    if m.actor is None or m.actor.kind != "state":
        return False
    p = prep.lower_
    if p in LOCATION_PREPS or m.method == "place":
        return True
    return p == "to" and m.actor.sector == "GOV" and pobj.ent_type_ in {"GPE", "LOC", "FAC"}


def loose_apposition(noun: Any, speakers: Speakers) -> Mention | None:
    """The person a noun phrase is named by in apposition ("his ally and staunch critic, Turkish president X"):
    a proper appos child, else the first person mention after the comma that closes the phrase (the parser often
    hangs such a name elsewhere), before the next punctuation."""
    for c in noun.children:
        if c.dep_ == "appos":
            m = speakers.mention_for(c)
            if m is not None and m.actor is not None:
                return m
    doc = noun.doc
    right = max(t.i for t in [noun, *noun.conjuncts] for t in t.subtree)
    if right + 2 >= len(doc) or doc[right + 1].text != ",":
        return None
    for t in doc[right + 2:min(len(doc), right + 8)]:
        if t.is_punct:
            break
        m = speakers.mention_at(t)
        if m is not None and m.actor is not None and m.actor.kind == "person":
            return m
    return None


def pronoun_owner(noun: Any, speakers: Speakers) -> Mention | None:
    """"his ally": the last person named before the possessive pronoun."""
    for c in noun.children:
        if c.dep_ == "poss" and c.lower_ in {"his", "her"}:
            return speakers.last_person_before(c.idx)
    return None


class ArgumentFinder:
    """Source and target of triggers in one document."""

    def __init__(self, speakers: Speakers, event_nouns: frozenset[str], agents: dict[str, str] | None = None,
                 noun_types: dict[str, str] | None = None, disabled: frozenset[str] = frozenset()) -> None:
        """``disabled``: names of argument rules (``rules.rules()``) not to apply."""
        self.speakers = speakers
        self.disabled = frozenset(disabled)
        self.noun_types = noun_types or {}
        self.event_nouns = event_nouns
        self.agents = agents or {}

    # -- noun phrases (the phrase-stage rules are read here, by this finder's own ``disabled``) -----------------
    def with_conj(self, tok: Any, *, deep: bool = False) -> list[Mention]:
        """Mentions for a noun phrase and its conjuncts ("Russia and China")."""
        sp = self.speakers
        out: list[Mention] = []
        for t in [tok, *tok.conjuncts]:
            if t is not tok and _subject_of_the_next_verb(t):
                continue  # "expelled Egypt's ambassador and Cairo responded by ...": Cairo is no object
            m = sp.mention_for(t)
            if m is None:
                # "the Iranian president, Ebrahim Raisi": the apposition names the actor
                m = next((a for a in (sp.mention_for(c) for c in t.children if c.dep_ == "appos") if a), None)
            found = [m] if m is not None else []
            if m is not None:
                # "support for Finland and Sweden's memberships": the phrase is named by a modifier, and the
                # phrase-stage rules add its conjuncts
                by = next((c for c in t.children if c.dep_ in {"compound", "amod", "poss", "nmod"}
                           and sp.mention_at(c) is m), None)
                if by is not None:
                    found += [x for x in phrase_extra(by, sp, self.disabled) if x not in found]
            if m is None and deep:
                found = self.mentions_in_np(t)
            if m is not None and pair_reference(t) is not None:
                # "accused the two countries": both of the pair (``mention_for`` gives the first alone)
                found = phrase_extra(t, sp, self.disabled) or found
            if (not found or (m is not None and m.actor is None)) and not t.conjuncts:
                # "the Nordic countries" (phrase-stage rules: what an unnamed phrase stands for)
                found = phrase_extra(t, sp, self.disabled) or found
            # "his Turkish counterpart Mevlut Cavusoglu and Syria's Faisal Mekdad": the parser hangs the second
            # name on the apposition; it is a conjunct of the phrase all the same
            found += [x for a in t.children if a.dep_ == "appos" for c in a.conjuncts
                      if (x := sp.mention_for(c)) is not None and x.actor is not None and x not in found]
            if m is not None and m.actor is not None and m.actor.kind == "person" and t.conjuncts:
                # "Erdogan and Prime Minister Benjamin Netanyahu met": the parser makes the title the conjunct and
                # the second name an apposition of the first; a person is no apposition of another person
                found += [x for a in t.children if a.dep_ == "appos" and (x := sp.mention_for(a)) is not None
                          and x.actor is not None and x.actor.kind == "person" and x.actor.id != m.actor.id
                          and x not in found]
            if m is not None and m.actor is not None:
                # "Australian and Chinese defence officials": the head's mention covers the last modifier only; each
                # coordinated modifier names a side
                for c in t.children:
                    if c.dep_ in {"amod", "compound", "nmod"} and c.conjuncts:
                        for x in (sp.mention_at(y) for y in (c, *c.conjuncts)):
                            if x is not None and x.actor is not None and x not in found and not any(
                                    f.actor is not None and f.actor.node == x.actor.node for f in found):
                                found.append(x)
            if m is not None and m.actor is not None:
                # "Bahrain, along with Saudi Arabia and Egypt, cut ties": the states along with it
                found += [x for x in run_rule("along_with_is_a_conjunct", t, sp, disabled=self.disabled) or ()
                          if x not in found]
            if m is not None and m.actor is not None and m.actor.kind == "state":
                # "Saudi Arabia, the United Arab Emirates, Bahrain and Egypt signed": a list whose second state the
                # parser makes an apposition of the first (a state set beside another state is no second name of it)
                found += [x for a in t.children if a.dep_ == "appos" and (x := self._listed_state(a)) is not None
                          and x.actor is not None and x.actor.kind == "state" and x.actor.node != m.actor.node
                          and x not in found]
            out.extend(x for x in found if x not in out)
        return out

    def _listed_state(self, appos: Any) -> Mention | None:
        """The state an apposition names as a second item of a list: its own name ("Saudi Arabia, the United Arab
        Emirates"), or the possessor of a noun that says what the list's items have ("Finland, Sweden's
        memberships"); not the possessor of a relation or a role ("the US, Colombia's closest ally": the US is the
        ally, not Colombia)."""
        from .lexicon import load_lexicon

        own = self.speakers.mention_at(appos)
        if own is not None:
            return own
        lemma = appos.lemma_.lower()
        if lemma in load_lexicon().relation_cues or lemma in self.agents or appos.lower_ in self.agents \
                or lemma in words("party_noun") | words("counterpart_noun"):
            return None  # "Algeria, Niger's northern neighbour": Algeria is the neighbour, not Niger
        return self.speakers.mention_for(appos)

    def mention_in_np(self, tok: Any, *, event_nouns: frozenset[str] = frozenset(),
                      places: bool = False) -> Mention | None:
        """The closest mention inside a noun phrase, not crossing into clauses, other events or (unless
        ``places``: "rebels in the Ivory Coast") places."""
        return self._closest_in_np(tok, event_nouns, places)[0]

    def _closest_in_np(self, tok: Any, event_nouns: frozenset[str], places: bool) -> tuple[Mention | None, Any]:
        """``mention_in_np``'s mention and the token it was found at."""
        best, best_dist, best_node = None, 99, None
        place_of = enabled("place_of_is_a_place", self.disabled)
        pact_city = enabled("a_pacts_city_is_its_place", self.disabled)
        stack = [(tok, 0)]
        while stack:
            node, dist = stack.pop()
            m = self.speakers.mention_at(node)
            if m is not None and pact_city and city_naming_a_pact(node, m):
                m = None  # "negotiated the Paris Peace Accords": where it was made (a_pacts_city_is_its_place)
            if m is not None and dist < best_dist:
                best, best_dist, best_node = m, dist, node
            if node != tok and node.lemma_.lower() in event_nouns:
                continue
            for c in node.children:
                if c.dep_ in {"relcl", "acl", "advcl", "ccomp", "appos", "punct", "cc", "conj"} or patron_participle(c):
                    continue
                if (c.dep_ == "prep" and c.lower_ in NP_SKIP_PREPS
                        and not (places and node == tok and c.lower_ in {"in", "from"})):
                    continue
                if place_of and not places and c.dep_ == "prep" and c.lower_ == "of" and _place_noun(node):
                    continue  # "the region of Nagorno-Karabakh" names where, not who (rule place_of_is_a_place)
                # "a spokesman for the foreign ministry of Russia": an agent noun's of-phrase names whose it is, one
                # step from the noun as a modifier is ("the Russian foreign ministry")
                owner = c.dep_ == "prep" and c.lower_ == "of" and node != tok and node.lower_ in self.agents
                stack.append((c, dist if owner else dist + 1))
        return (best, best_node) if best_dist <= 3 else (None, None)

    def mentions_in_np(self, tok: Any, *, event_nouns: frozenset[str] = frozenset(),
                       places: bool = False) -> list[Mention]:
        """``mention_in_np``'s mention and what the phrase-stage rules add at the token it was found at (the other
        conjuncts of a coordinated possessor: "Sweden's and Finland's accession")."""
        m, node = self._closest_in_np(tok, event_nouns, places)
        if m is None:
            return []
        return [m, *(x for x in phrase_extra(node, self.speakers, self.disabled) if x != m)]

    # -- verbs ---------------------------------------------------------------------
    def verbal(self, tok: Any, *, etype: str, cameo: str, wanted_prep: str | None,
               ctx: Context) -> tuple[list[Mention], list[Mention]]:
        visit = cameo.startswith(VISIT_CAMEO_PREFIXES)
        if tok.dep_ in {"amod", "acl"} and tok.lower_ in words("worry_adjective") and tok.head.dep_ == "ROOT" \
                and tok.head.pos_ == "PROPN" and tok.i > tok.head.i:
            # a verbless headline, "Australia ‘deeply disappointed’ by X's pact", "China alarmed by US drills": the
            # name it opens with is the one worried (worried_about), not what was done to
            subjects = self.with_conj(tok.head)
            exclude = frozenset(m.actor.node for m in subjects if m.actor and m.actor.node)
            return subjects, self.objects(tok, etype=etype, wanted_prep=wanted_prep, visit=visit, exclude=exclude,
                                          ctx=ctx)
        if tok.dep_ == "acl" and (tok.tag_ == "VBN" or any(c.dep_ == "agent" for c in tok.children)) and not any(
                c.dep_ in {"nsubj", "nsubjpass", "aux"} for c in tok.children):
            # (a by-agent makes it a participle whatever its tag: "talks hosted by the EU", tagged VBD)
            # "hostages kidnapped during ...": the noun is what the act was done to; "Hamas, backed by Iran and
            # Qatar, ...": the agents (each its own dyad) did it.  A clause with a subject or an auxiliary of its
            # own is no reduced participle ("a statement that Cairo had recalled its envoy", parsed as acl)
            agents = [m for c in tok.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"
                      for m in self.with_conj(p, deep=True)]
            nodes = {m.actor.node for m in agents if m.actor is not None}
            patients = [m for m in self._modified_noun(tok) if m.actor is not None and m.actor.node not in nodes]
            # "talks between A and B hosted by the EU": the parties of the talks the participle is on
            patients = patients or [m for m in self.pact_parties(tok.head) if m.actor.node not in nodes]
            if not patients and agents:
                # "A and B agreed ... after talks hosted by China": the talks' parties are the clause's subjects
                patients = [m for m in run_rule("hosted_talks_are_the_clauses", tok, self, ctx or Context(),
                                                disabled=self.disabled) or () if m.actor.node not in nodes]
            return (agents if patients else []), (patients or self.with_conj(tok.head))
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or copula_subject(tok) is not None
        if passive and tok.lower_ in words("worry_adjective"):
            # "Israel is concerned about ...", parsed as a passive: the one worried is its subject, the source
            subjects = [m for c in tok.children if c.dep_ in {"nsubj", "nsubjpass"}
                        for m in self._subject_mentions(c, ctx)] or self.subjects(tok, ctx)
            exclude = frozenset(m.actor.node for m in subjects if m.actor and m.actor.node)
            return subjects, self.objects(tok, etype=etype, wanted_prep=wanted_prep, visit=visit, exclude=exclude,
                                          ctx=ctx)
        if passive:
            patients: list[Mention] = []
            agents: list[Mention] = []
            for child in tok.children:
                if child.dep_ == "nsubjpass":
                    patients = run_rule("relative_passive_subject", tok, child, self, disabled=self.disabled) \
                        or self._subject_mentions(child, ctx)
                if child.dep_ == "agent":
                    for p in child.children:
                        if p.dep_ == "pobj":
                            agents.extend(self.with_conj(p, deep=True))
            if not agents:
                # "was declared persona non grata by Israel": the parser hangs the by-phrase in the object predicate
                for prep in (t for t in tok.subtree if t.dep_ == "prep" and t.lower_ == "by" and t.head != tok
                             and t.head.dep_ in {"dobj", "oprd", "compound"} and t.head.head in {tok, *tok.children}):
                    agents.extend(m for p in prep.children if p.dep_ == "pobj" for m in self.with_conj(p, deep=True)
                                  if m.actor is not None)
            if not agents:
                # "ties between A and B were cut", "A's membership in B was frozen": the parties are in the subject
                parties = run_rule("parties_of_a_passive_tie", tok, self, disabled=self.disabled) \
                    or run_rule("parties_of_an_undone_act", tok, self, disabled=self.disabled)
                if parties is not None:
                    return parties
            if not patients and not any(c.dep_ == "nsubjpass" for c in tok.children):
                # "the Polisario Front, which seeks independence and is backed by Algeria": a passive conjunct of a
                # relative clause shares its pronoun subject
                patients = run_rule("relative_passive_subject", tok, None, self, disabled=self.disabled) or []
            if not patients and agents and tok.dep_ == "relcl":
                # "at the start of the talks, which were brokered by Brazil": the talks' parties, as for a
                # participle on them ("talks hosted by China", above)
                nodes = {m.actor.node for m in agents if m.actor is not None}
                patients = [m for m in self.pact_parties(tok.head) if m.actor.node not in nodes] or [
                    m for m in run_rule("hosted_talks_are_the_clauses", tok, self, ctx or Context(),
                                        disabled=self.disabled) or () if m.actor.node not in nodes]
            return (agents or self._host(tok)), patients
        subjects = self.subjects(tok, ctx)
        exclude = frozenset(m.actor.node for m in subjects if m.actor and m.actor.node)
        objects = self.objects(tok, etype=etype, wanted_prep=wanted_prep, visit=visit, exclude=exclude, ctx=ctx)
        return subjects, objects

    def recipient(self, tok: Any, ctx: Context) -> tuple[list[Mention], list[Mention]]:
        """"Hamas, which receives funding from Iran and Qatar": the givers (the "from" phrase on the verb or on
        what is received) are the source, the receiving subject the target."""
        givers: list[Mention] = []
        for c in tok.subtree:
            on_object = c.head.dep_ in OBJ_DEPS | {"pobj", "conj"}
            if c.dep_ == "prep" and c.lower_ == "from" and (c.head == tok or on_object):
                for p in c.children:
                    if p.dep_ == "pobj":
                        givers.extend(m for m in self.with_conj(p, deep=True) if m not in givers)
            if givers:
                break
        return givers, self.subjects(tok, ctx)

    def subjects(self, tok: Any, ctx: Context) -> list[Mention]:
        """The trigger's subjects: the clause-stage rules below at the trigger, then up the clause links
        (CLIMB_DEPS) until a rule decides."""
        node = tok
        for _ in range(8):
            got = clause_subjects(node, tok, ctx, self, self.disabled)
            if isinstance(got, list):
                return got
            if got is not None:
                node = got
                continue
            if node.dep_ not in CLIMB_DEPS or node.head == node:
                break
            node = node.head
        return []

    def _modified_noun(self, clause: Any) -> list[Mention]:
        """The actors a relative or participial clause is about: its own noun ("Iran, which has armed Russia, and
        Syria": Iran only; "Orban, one of the leaders who ...": Orban, ``one_of_named``); the whole coordination only
        when the clause follows every conjunct and its verb is not singular ("Iran and Syria, which have armed
        Russia")."""
        head = one_of_named(clause.head) if clause.dep_ == "relcl" else clause.head
        coordination = [head, *head.conjuncts]
        singular = any(t.tag_ == "VBZ" for t in [clause, *clause.children] if t.dep_ in {"relcl", "acl", "aux", "ROOT"}
                       or t == clause)
        if len(coordination) > 1 and (clause.i < max(t.i for t in coordination) or singular):
            m = self.speakers.mention_for(head)
            return [m] if m is not None else []
        return self.with_conj(head)

    def _controller(self, node: Any) -> list[Mention] | None:
        """Object control: "called on Israel to cancel", "accused Lapid of bombing", "asked Iran to boost"; also
        "expected Moscow to help", where the parser makes the infinitive a ccomp with no subject of its own."""
        infinitive = node.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) \
            and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in node.children)
        if node.dep_ == "xcomp" or infinitive:
            head = node.head
            if head.lemma_.lower() in words("subject_control_verb"):
                return None
            if head.lemma_.lower() in words("phoning_verb") and node.dep_ == "xcomp" and not any(
                    c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "upon"} for c in head.children):
                return None  # "Blinken called Bazoum to offer support": who phones offers ("called on X to" asks X)
            objs = [c for c in head.children if c.dep_ in OBJ_DEPS]
            if objs and node.dep_ == "xcomp" and own_forces_ordered(head, self.agents) is not None:
                # "The junta ordered police to expel the French ambassador": the orderer's act, done by its forces
                return None
            if objs:
                return self.with_conj(objs[0])
            for c in head.children:
                if c.dep_ in {"prep", "prt"} and c.lower_ in {"on", "upon"}:
                    for p in c.children:
                        # (not a day: "voted on Tuesday to approve" is the voter's act)
                        if p.dep_ == "pobj" and p.ent_type_ not in {"DATE", "TIME"}:
                            return self.with_conj(p)
        if node.dep_ == "pcomp" and node.head.dep_ in {"prep", "conj"} and node.head.lower_ in {"for", "of"}:
            prep = node.head
            while prep.dep_ == "conj" and prep.head.dep_ in {"prep", "conj"} and prep.head.lower_ in {"for", "of"}:
                prep = prep.head  # "accusing Tallinn of Russophobia and of destroying relations": the first "of"'s verb
            verb = prep.head
            if verb.pos_ == "VERB":
                objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
                if objs:
                    found = self.with_conj(objs[0]) or self._object_pronoun(objs[0], verb)
                    if not found and objs[0].lemma_.lower() in words("counterpart_noun"):
                        # "accusing its neighbour of backing the M23": the neighbour the verb's object rules find
                        # (its_counterpart_is_the_other), not the accuser
                        subjects = frozenset(m.actor.node for m in self.subjects(verb, Context())
                                             if m.actor is not None and m.actor.node)
                        found = [m for m in self._objects(verb, etype="ACCUSE", wanted_prep=None, visit=False,
                                                          exclude=subjects) if m.actor is not None]
                        return found  # (none found: an unknown neighbour, never the accuser)
                    if not found and (generic := self.generic(objs[0])) is not None:
                        # "sanctioned 20 firms in China for supplying Iran": the unnamed agent the verb is on, not
                        # the sanctioner (it had been aid from the US to Iran)
                        found = [generic]
                    if found:
                        return found
        return None

    def _object_pronoun(self, obj: Any, verb: Any) -> list[Mention]:
        """What a pronoun object of a controlling verb stands for: a relative pronoun, the noun its clause is on
        ("the UAE, which it accuses of supplying weapons"); "it"/"them", the last actor before it in its sentence
        that is not the verb's subject ("Sudan cuts ties with UAE, accuses it of arming the RSF")."""
        if obj.lower_ in words("relative_pronoun") and verb.dep_ == "relcl":
            return self.with_conj(verb.head)
        if obj.lower_ not in {"it", "them"}:
            return []
        found = self.last_party_before(obj, self.subjects(verb, Context()), lambda kind: kind != "person")
        return [found] if found is not None else []

    def last_party_before(self, tok: Any, subjects: Iterable[Mention], kind_ok: Any) -> Mention | None:
        """The last mention before ``tok`` in its sentence with a network node, an actor of a kind ``kind_ok``
        accepts, and none of the nodes of ``subjects`` (what a pronoun object stands for: ``_object_pronoun``,
        ``it_is_the_other_party``)."""
        return self.speakers.last_party_before(tok, {m.actor.node for m in subjects if m.actor is not None}, kind_ok)

    def _subject_mentions(self, child: Any, ctx: Context) -> list[Mention]:
        """The mentions a subject token stands for: the subject-stage rules below (``rules.subject_mentions``)."""
        return subject_mentions(child, ctx, self, self.disabled)

    def _event_author(self, noun: Any) -> Mention | None:
        sp = self.speakers
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "nmod"}:
                m = sp.mention_at(child)
                if m is not None and m.actor is not None and not (
                        sp.on("a_pacts_city_is_its_place") and city_naming_a_pact(child, m)):
                    return m
            if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "from"}:
                for p in child.children:
                    if p.dep_ == "pobj":
                        m = sp.mention_for(p) or self.mention_in_np(p)
                        if m is not None and m.actor is not None:
                            return m
            if child.dep_ == "acl":
                for t in child.children:
                    if t.dep_ == "agent":
                        for p in t.children:
                            m = sp.mention_for(p) if p.dep_ == "pobj" else None
                            if m is not None and m.actor is not None:
                                return m
        return None

    def _nominal_agent(self, noun: Any) -> Mention | None:
        """The actor of an event noun used as a subject ("A car bombing by the Islamic State killed",
        "The missiles fired by the Israeli military struck"), spanned over the whole subject phrase."""
        sp = self.speakers
        found = None
        for child in noun.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"} and sp.mention_at(child) and not (
                    sp.on("a_pacts_city_is_its_place") and city_naming_a_pact(child, sp.mention_at(child))):
                found = sp.mention_at(child)
            elif child.dep_ == "prep" and child.lower_ == "by" or child.dep_ == "acl":
                for t in child.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ == "by" and sp.mention_for(t):
                        found = sp.mention_for(t)
                        break
            if found is not None and found.actor is not None:
                lo, hi = noun_phrase(noun)
                doc = noun.doc
                start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
                return replace(found, start=start, end=end, text=doc[lo:hi].text)
        return None

    def generic(self, tok: Any) -> Mention | None:
        """An unnamed agent ("unidentified gunmen", "police", "protesters"): no country, a sector only.
        Unknown stays unknown: it is never given a country, and the network leaves it out (no node)."""
        lemma = tok.lemma_.lower()
        if tok.pos_ != "NOUN" or lemma not in self.agents:
            return None
        sector = self.agents[lemma]
        lo, hi = noun_phrase(tok)
        doc = tok.doc
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1])
        actor = Actor(id=sector, name=doc[lo:hi].text, kind="other", country=None, sector=sector)
        return Mention(self.speakers.parsed.document.id, self.speakers.sent_index(tok), start, end, doc[lo:hi].text,
                       actor, "agent")

    def _last_of_kind_before(self, tok: Any, kinds: set[str]) -> Mention | None:
        """"the group", "the country": the last organisation or state named before, this sentence included."""
        return self.speakers.last_of_kind_before(tok.idx, kinds)

    def _nearest_subject_before(self, pron: Any, *, persons: bool,
                                skip: frozenset[str] = frozenset()) -> Mention | None:
        """The closest earlier subject in the same sentence ("because Israel is ..., it didn't have"), of none of the
        nodes ``skip``."""
        best = None
        lo, _ = self.speakers.parsed.spans[self.speakers.sent_index(pron)]
        for tok in pron.doc[lo:pron.i]:
            if tok.dep_ in {"nsubj", "nsubjpass"}:
                # "The government of the Solomon Islands has assured the US that it ...": the actor in the phrase
                m = self.speakers.mention_for(tok) or (self.mention_in_np(tok) if tok.pos_ == "NOUN" else None)
                if m is not None and m.actor is not None and (m.actor.kind == "person") == persons \
                        and m.actor.node not in skip:
                    best = m
        return best

    def _speaker_of_clause_subject(self, subj: Any) -> Mention | None:
        """The resolved subject of the speech verb whose that-clause ``subj`` is the subject of, or None."""
        verb = subj.head
        if subj.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "ccomp" \
                or verb.head.lemma_.lower() not in SPEECH_LEMMAS:
            return None
        for c in verb.head.children:
            if c.dep_ == "nsubj" and not dateline(c):
                m = self.speakers.mention_for(c)
                if (m is None or m.actor is None) and any(p.dep_ == "poss" for p in c.children):
                    # "its president said that his country would ...": the speaker is whom the pronoun stands for
                    m = next((x for x in subject_mentions(c, Context(), self, self.disabled) if x.actor is not None),
                             None)
                return m if m is not None and m.actor is not None else None
        return None

    def speech_subject(self, pron: Any) -> Any:
        """The subject of the verb of saying whose reported clause (ccomp) ``pron`` is the subject of, or None."""
        verb = pron.head
        for _ in range(3):  # "said that talks had ended and that it reserved its right": a second reported clause
            if verb.dep_ != "conj" or not any(c.dep_ == "mark" for c in verb.children):
                break
            verb = verb.head
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_LEMMAS:
            return None
        # "Kenya welcomed the vote and said it would deploy officers": the subject the conjoined verbs share
        bearer = subject_bearer(verb.head)
        # ("TBILISI (Reuters) – Armenia said it would ...": not the dateline)
        subjects = [c for c in bearer.children if c.dep_ == "nsubj" and not dateline(c)]
        if len(subjects) > 1:
            # "The EU's border agency Frontex said it would ...": the parser splits a description and its name into
            # two subjects; the one that is itself a name speaks (as ``attribution.subject_of`` reads it)
            subjects = [c for c in subjects if self.speakers.by_token.get(c.i) is not None][-1:] or subjects
        for c in subjects:
            if bearer.dep_ == "relcl" and c.lower_ in words("relative_pronoun"):
                return bearer.head  # "from Algeria, which had said it would honour ...": the clause's noun
            return c
        return None

    def _speaker_of_pronoun(self, pron: Any) -> Mention | None:
        """"Israel says it intends to ...": a pronoun subject inside reported speech is the speaker."""
        c = self.speech_subject(pron)
        if c is None:
            return None
        m = self.speakers.mention_for(c)
        if m is None or m.actor is None:
            return None
        # "The government of President Ortega said it would ...": a state body named by its head is "it"
        is_person = m.actor.kind == "person" and c.lemma_.lower() not in _state_body_nouns()
        if (pron.lower_ == "it") != is_person or pron.lower_ == "they":
            return m
        return None

    def objects(self, tok: Any, *, etype: str, wanted_prep: str | None, visit: bool,
                exclude: frozenset[str] = frozenset(), ctx: Context | None = None) -> list[Mention]:
        """Targets, preferring actors other than the source; a domestic event ("Sudan's government lifted
        a state of emergency in Darfur") keeps its own country as target when nothing else is named."""
        found = self._objects(tok, etype=etype, wanted_prep=wanted_prep, visit=visit, exclude=exclude, ctx=ctx)
        found = [m for m in found if not (m.actor and m.actor.node in exclude)]
        # (where it happened only when the act names no object of the source's own: "would not abandon Serbs in
        # Kosovo" acts on the source's own people, not on the place they live in)
        ties = any(c.dep_ in OBJ_DEPS and c.lower_ in words("tie_antecedent") for c in tok.children)
        # (not for ties, whose other side is a partner, never a place: "broke off relations in 2009 over an earlier
        # Gaza offensive" had been broken with Palestine)
        if not found and etype in LOCATION_TARGET_TYPES and not ties and not (exclude and self._objects(
                tok, etype=etype, wanted_prep=wanted_prep, visit=visit, exclude=frozenset(), ctx=ctx)):
            found = self._prep_objects(tok, etype=etype, wanted=None, visit=True)
        if not found and exclude and etype != "CONSULT":
            # (a meeting held in one's own city is no meeting with oneself: "hosted talks between the warring
            # parties in Jeddah" had Saudi Arabia as its own guest)
            # Only an actor named inside the act's own phrase: one a pronoun or "the decision" brings from outside it
            # is the source's own state told before, no domestic target ("The Kremlin denied it. Moscow regretted
            # the decision", "Vietnam was negotiating a deal, though Hanoi denied it")
            first, last = min(t.idx for t in tok.subtree), max(t.idx + len(t) for t in tok.subtree)
            found = [m for m in self._objects(tok, etype=etype, wanted_prep=wanted_prep, visit=visit,
                                              exclude=frozenset(), ctx=ctx) if first <= m.start and m.end <= last]
        return found

    def _objects(self, tok: Any, *, etype: str, wanted_prep: str | None, visit: bool,
                 exclude: frozenset[str], ctx: Context | None = None) -> list[Mention]:
        """Targets by the object-stage rules below (``rules.object_mentions``)."""
        return object_mentions(ObjectQuery(tok, etype, wanted_prep, visit, exclude, ctx), self, self.disabled)

    def complaint_target(self, tok: Any, ctx: Context | None = None) -> list[Mention]:
        """"voiced disappointment that China did not condemn ...", "regret over Iran's decision": the actor whose
        act (or failure to act) the complaint is about (complaint nouns: ``rule_vocab.tsv``, set complaint_noun).
        Read for the trigger itself or its object noun; the subject of the that-clause, else the actor of the
        over/at/with/about phrase."""
        objects = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        nouns = [n for n in [tok, *objects, *(x for o in objects for x in o.conjuncts)]
                 if n.lemma_.lower() in words("complaint_noun")]
        if tok.lower_ in words("worry_adjective"):  # "is concerned about the pact between X and Y" (worried_about)
            nouns.insert(0, tok)
        for noun in nouns:
            # "expressed “pain and regret” at the decision": the parser may hang the phrase on the verb
            phrases = [*noun.children, *(c for c in tok.children if c.dep_ == "prep")] if noun is not tok \
                else list(noun.children)
            for c in phrases:
                if c.dep_ in {"ccomp", "acl", "relcl", "advcl"} and any(m.lower_ == "that" for m in c.children) \
                        or c.dep_ == "ccomp":
                    for s in c.children:
                        if s.dep_ in {"nsubj", "nsubjpass"}:
                            found = self.with_conj(s, deep=True)
                            if found:
                                return found
                if c.dep_ in {"prep", "agent"} and c.lower_ in {"over", "at", "with", "about", "by"}:
                    for p in c.children:
                        if p.dep_ == "pobj":
                            # "expressed regret at the decision": the decision told before (move_told_before)
                            found = self.pact_parties(p) or self.with_conj(p, deep=True) or self._owner_within(p) \
                                or move_judged(p, ctx, self, frozenset())
                            if found:
                                return found
        if nouns:
            found = run_rule("concern_if_others_act", tok, self, disabled=self.disabled)
            if found:
                return found
        return []

    def _owner_within(self, noun: Any) -> list[Mention]:
        """"a shift in Russia's policy", "the growth of Chinese influence": the owner (possessor, adjective or
        compound) of the noun of an of/in phrase on ``noun``, one level down; never a between-phrase's parties."""
        for prep in noun.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "in"}:
                continue
            for inner in (c for c in prep.children if c.dep_ == "pobj"):
                found = [m for c in inner.children if c.dep_ in {"poss", "amod", "compound", "nmod"}
                         if (m := self.speakers.mention_at(c)) is not None and m.actor is not None]
                if found:
                    return found
        return []

    def evaluation(self, tok: Any, speaker: Mention | None,
                   ctx: Context | None = None) -> tuple[list[Mention], list[Mention]]:
        """Source and target of a judgement (``extract.evaluation_is_disapproval``): the namer ("Le Drian
        described it as unacceptable") or, for a copula, the speaker who reports or quotes it; the target is the
        author of what is judged: a possessor ("Armenia's decision"), an actor named as the thing judged, or the
        parties of a judged pact."""
        from .extract import evaluation_frame

        frame = evaluation_frame(tok)
        if frame is None:
            return [], []
        kind, verb = frame
        sp = self.speakers
        if kind == "quoted":  # the “brutal” decision: the speaker quoted judges the act the noun names
            source = [speaker] if speaker is not None else []
            judged = [verb]
        elif kind == "charged":  # "the crimes of the regime": the speaker accuses the owner
            from .extract import charged_owner

            source = [speaker] if speaker is not None else []
            owner = sp.mention_for(charged_owner(verb))
            nodes = frozenset(m.actor.node for m in source if m.actor is not None and m.actor.node)
            target = [owner] if owner is not None and owner.actor is not None and owner.actor.node not in nodes else []
            return (source, target) if target else ([], [])
        elif kind == "naming":
            from .extract import naming_predicate

            source = self.subjects(verb, Context())
            predicate = naming_predicate(verb)
            # "called the balloons a hybrid attack by the Lukashenko regime": the predicate's by-phrase names whom the
            # judgement is of (the balloons, a thing, were the target)
            mine = frozenset(m.actor.node for m in source if m.actor is not None and m.actor.node)
            authors = [m for c in (predicate.children if predicate is not None else ()) if c.dep_ in {"prep", "agent"}
                       and c.lower_ == "by" for p in c.children if p.dep_ == "pobj" for m in self.with_conj(p)
                       if m.actor is not None and m.actor.node and m.actor.node not in mine]
            if authors:
                return source, authors
            # (an object predicate before the predicate is the thing named: "called Sisi a tyrant", misparsed)
            judged = [c for c in verb.children if (c.dep_ in OBJ_DEPS or c.dep_ == "oprd") and c != predicate]
            if verb.dep_ == "relcl":  # "the decision, which it called unjustified": the relative pronoun's noun
                judged = [verb.head if c.tag_ in {"WDT", "WP"} else c for c in judged]
                if verb.head.ent_type_ == "DATE" and verb.head in judged:
                    # "held joint exercises with Guyana this month, which Caracas called a provocation": a time is
                    # not judged, the act it dates is (as clause_judged_beside_its_date reads a condemnation)
                    nodes = frozenset(m.actor.node for m in source if m.actor is not None and m.actor.node)
                    return source, [a for a in _clause_authors(verb.head, self) if a.actor.node not in nodes]
            if verb.dep_ == "advcl" and verb.i > verb.head.i:
                # "condemned sanctions imposed by the EU, calling them illegal": the pronoun is the verb's object
                pronouns = words("thing_pronoun") | words("plural_pronoun") | words("definite_det")
                objects = [o for o in verb.head.children if o.dep_ in OBJ_DEPS]
                judged = [x for c in judged for x in (objects if c.lower_ in pronouns and objects else [c])]
            if not judged and predicate is not None:
                # "called the junta illegitimate", parsed as one phrase with "junta" a compound of the predicate
                judged = [c for c in predicate.children if c.dep_ == "compound" and c.i < predicate.i
                          and c.pos_ in {"NOUN", "PROPN"}]
            if not judged and verb.dep_ == "relcl":
                judged = [verb.head]  # "a move Israel called a breach": the relative clause's noun is what is named
            nodes = frozenset(m.actor.node for m in source if m.actor is not None and m.actor.node)
            if verb.dep_ == "relcl" and verb.head in judged and (m := sp.mention_for(verb.head)) is not None \
                    and m.actor is not None and m.actor.node in nodes:
                # "imposed sanctions on Mali, which Bamako called illegal": Bamako judges the act on it, not itself
                return source, [a for a in _clause_authors(verb.head, self) if a.actor.node not in nodes]
        else:
            source = [speaker] if speaker is not None else []
            judged = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        nodes = frozenset(m.actor.node for m in source if m.actor is not None and m.actor.node)
        target: list[Mention] = []
        if kind == "quoted" and verb.dep_ == "attr":  # "“This is a deeply unfriendly step”": as a copula's
            judged = [c for c in verb.head.children if c.dep_ == "nsubj"] or judged
            kind, verb = "copula", verb.head
        for j in judged:
            if kind == "copula" and ctx is not None and j.lower_ in words("thing_pronoun") | words("definite_det"):
                # "“This is a deeply unfriendly step,” Peskov said": what "this" is, a deed, is the last deed told
                attr = next((c for c in verb.children if c.dep_ == "attr"
                             and c.lemma_.lower() in words("deed_anaphor")), None)
                sources, background = ctx.last_move(attr) if attr is not None else ((), True)
                if not background:
                    target.extend(m for m in sources if m.actor is not None and m.actor.node
                                  and m.actor.node not in nodes)
                    continue
            m = sp.mention_for(j)
            if m is not None and m.actor is not None and (m.actor.kind != "person" or (
                    kind in {"naming", "copula"} and source and m.actor.node and m.actor.node not in nodes)):
                # (a person named as the thing judged is judged: "Katz called Petro antisemitic", "Katz said
                # Petro was antisemitic")
                target.append(m)
                continue
            owner = next((sp.mention_at(c) for c in j.children if c.dep_ == "poss" and sp.mention_at(c)), None)
            if owner is None:  # "X never stopped its “hostile actions”": a pronoun owner is the clause subject
                owner = next((m for c in j.children if c.dep_ == "poss" for m in run_rule(
                    "owner_pronoun_is_clause_subject", c, Context(), self, disabled=self.disabled) or ()), None)
            if owner is None:  # "called the release by Japan selfish": the author in a by-phrase
                owner = next((m for c in j.children if c.dep_ in {"prep", "agent"} and c.lower_ == "by"
                              for p in c.children if p.dep_ == "pobj" and (m := sp.mention_for(p)) is not None
                              and m.actor is not None), None)
            if owner is None and j.pos_ == "NOUN":  # "sanctions imposed by the EU": the author of a judged act
                owner = self._event_author(j)
            if owner is None and j.lemma_.lower() in words("judged_act_noun"):
                # "the “hostile acts” of Algeria", "the decision of the junta": an act's of-phrase is its author
                owner = next((m for c in j.children if c.dep_ == "prep" and c.lower_ == "of"
                              for p in c.children if p.dep_ == "pobj" and (m := sp.mention_for(p)) is not None
                              and m.actor is not None and m.actor.kind != "person"), None)
            if owner is not None:
                target.append(owner)
                continue
            target.extend(self.pact_parties(j))
            pact = j.lemma_.lower() in words("pact_noun")
            act = _act_the_move_is(j) if not target and (pact or j.lemma_.lower() in words("event_anaphor")) \
                else None
            if act is not None:
                # "Turkey halted trade, in a move Israel called a breach", "expelled refugees, a move the Taliban
                # called cruel": the move is the clause's own act; "signed a memorandum with Somaliland, a deal
                # Mogadishu called a violation": the deal is the clause's, its parties the subject and partner
                target.extend(m for m in self.subjects(act, Context()) if m.actor is not None)
                if pact:
                    holders = [act, *(c for c in act.children if c.dep_ in OBJ_DEPS)]
                    target.extend(m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                                  for p in c.children if p.dep_ == "pobj" for m in self.with_conj(p)
                                  if m.actor is not None and m not in target)
            if not target and kind == "naming":
                target.extend(report_named_ahead(j, verb, self))
            if not target:
                # "called the strike unacceptable", "said the decision was an unfriendly step", "called the comments
                # imprudent": the author of the act or words told before
                target.extend(told_before(j, ctx, self, nodes))
        return source, [m for m in target if not (m.actor and m.actor.node in nodes)]

    def pact_parties(self, noun: Any) -> list[Mention]:
        """The parties of an agreement or talks named by ``noun``: "negotiations between Honiara and China", "a
        pact agreed between the governments of A, B and C" (the actors of the between-phrase,
        on the noun or on a participle that modifies it), else the possessor and the with-phrase ("Solomon
        Islands' defence deal with China"); the signing of a pact is the pact ("let down by the signing of
        the pact")."""
        sp = self.speakers
        for c in noun.children:  # "the signing of the pact"
            if c.dep_ == "prep" and c.lower_ == "of" and noun.lemma_.lower() in words("pact_act"):
                for p in c.children:
                    if p.dep_ == "pobj":
                        return self.pact_parties(p)
        if noun.lemma_.lower() not in words("pact_noun"):
            return []
        holders = [noun] + [c for c in noun.children if c.dep_ == "acl"]
        out: list[Mention] = []
        for h in holders:
            for c in h.children:
                if c.dep_ == "prep" and c.lower_ == "between":
                    for t in c.subtree:
                        # "between the two countries": the pair it stands for (rule the_two_is_the_pair)
                        for m in [sp.mention_at(t)] if sp.mention_at(t) is not None else phrase_extra(
                                t, sp, self.disabled) if t.dep_ == "pobj" else ():
                            # (not where: "talks between the two countries in Brussels", the parser hanging the
                            # place on the pair)
                            if m is not None and m.actor is not None and m.actor.node and m not in out \
                                    and not (t.dep_ == "pobj" and t.head != c and is_location(m, t, t.head)):
                                out.append(m)
        if out:
            return out
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "with"):
                for t in ([c] if c.dep_ == "poss" else [p for p in c.children if p.dep_ == "pobj"]):
                    m = sp.mention_for(t) or sp.mention_at(t)
                    if m is not None and m.actor is not None and m.actor.node and m not in out:
                        out.append(m)
        return out if len(out) >= 2 else []

    def _prep_objects(self, tok: Any, *, etype: str | None, wanted: str | None, visit: bool) -> list[Mention]:
        """Objects of the trigger's prepositions; ``etype`` None accepts every preposition (an event noun's)."""
        preps = [c for c in tok.children if c.dep_ in {"prep", "prt", "dative"}]
        order: list[tuple[str, frozenset[str] | None]] = [(wanted, None)] if wanted else []
        order += [p for p in TARGET_PREPS if p[0] != wanted]
        if visit:
            order += [("in", None)]
        for name, types in order:
            if (types is not None and etype is not None and etype not in types) \
                    or (name == "on" and etype in TOPIC_ON_TYPES):
                continue
            for prep in preps:
                if prep.lower_ != name or absolute_with(prep):
                    continue
                # "talks with visiting Russian Foreign Minister Lavrov": the parser reads the attributive participle
                # as a gerund whose object is the party
                objects = [p for p in prep.children if p.dep_ == "pobj"] + [
                    o for g in prep.children if g.dep_ == "pcomp" and g.lower_ in words("attributive_participle")
                    for o in g.children if o.dep_ in {"dobj", "obj"}]
                for p in objects:
                    if frames_the_act(p):
                        continue
                    if name == "at" and p.lemma_.lower() in words("gathering_noun") | words("meeting_setting_noun"):
                        continue  # "raised it with X at the G20 summit": where it was said, not whom it was said to
                    # "with the Russians' prior knowledge": a possessor under "with" is no party
                    found = self.with_conj(p, deep=name != "with")
                    if not found and name == "with" and p.lemma_.lower() in words("place_noun"):
                        # "signed a memorandum with the breakaway region of Somaliland": the region's own authority
                        found = [m for c in p.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for o in c.children if o.dep_ == "pobj" for m in self.with_conj(o)
                                 if m.actor is not None]
                    if name == "at" and wanted != "at":
                        # "filed a case at the International Court of Justice": a court after "at" is where, not
                        # whom (the accused is named elsewhere)
                        found = [m for m in found if not (m.actor is not None and m.actor.sector == "JUD")]
                    aimed = name == "at" and (name == wanted or (types is not None and etype in types))
                    # (aid "into" a state goes to it: "pump weapons into Ukraine")
                    named = (name == wanted and (name in {"to", "from"} or name in words("nearness_prep"))) \
                        or (name == "into" and etype == "AID")
                    if not visit and not named:
                        # a capital after "to" is where one goes, unless the lexicon's pattern names "to" for its
                        # party ("turned to Moscow", "appealed to Kyiv", "exported arms to Beijing"); a state a hostile
                        # act is aimed at ("lashed out at Israel", "fired missiles at Israel") is its target; a state
                        # after "from" is where from, unless the trigger names "from" for its party ("distanced
                        # itself from Moscow", "drew criticism from Poland": Poland was dropped as a place); nor is a
                        # state after a preposition of nearness the trigger names ("flew bombers near Japan": a show
                        # of force aimed at Japan, forces_sent_near_a_state; "pushed into Ukraine")
                        found = [m for m in found if not is_location(m, p, prep)
                                 or (aimed and m.method != "place" and p.ent_type_ != "FAC")]
                    if p.pos_ == "NOUN":
                        # "arrived in Washington for the first state visit by an African leader": the by-phrase of a
                        # noun names its agent (the visitor), no party of the act (it hid Washington)
                        agents = [(b.idx, b.right_edge.idx + len(b.right_edge)) for b in p.children
                                  if b.dep_ in {"prep", "agent"} and b.lower_ == "by"]
                        found = [m for m in found if not any(lo <= m.start < hi for lo, hi in agents)]
                    if found:
                        return found
                if prep.dep_ == "prt" and tok.pos_ == "VERB":  # "call on X" parsed with a particle
                    for c in tok.children:
                        if c.dep_ in OBJ_DEPS:
                            return self.with_conj(c)
        return []

    def _host(self, tok: Any) -> list[Mention]:
        """"A delegation was welcomed in Moscow", "the ambassador was summoned to the foreign ministry in Tehran": the
        capital's government hosts (or summons).  Only a verb of hosting (hosting_verb): "the deal was signed in
        Beijing" names where, not who signed."""
        if tok.lemma_.lower() not in words("hosting_verb"):
            return []
        # "was summoned to the Foreign Office in London": the place may be the to-phrase's
        # "the Swedish charge d'affaires in Tehran had been summoned": or the envoy's own post
        places = [*tok.children, *(c for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
                                    for o in p.children if o.dep_ == "pobj" for c in o.children),
                  *(c for s in tok.children if s.dep_ == "nsubjpass" for c in s.children)]
        for child in places:
            if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
                for p in child.children:
                    m = self.speakers.mention_at(p)
                    if m is not None and m.actor is not None and m.actor.kind == "state" and m.actor.sector == "GOV":
                        return [m]
        # "was summoned to the Moldovan foreign ministry", "welcomed to Paris": the government (a body, a capital)
        # the guest is called to hosts
        for p in (o for c in tok.children if c.dep_ == "prep" and c.lower_ == "to" for o in c.children
                  if o.dep_ == "pobj"):
            m = self.speakers.mention_for(p)
            if m is not None and m.actor is not None and m.actor.kind == "state" and m.actor.sector == "GOV":
                return [m]
        return []

    def undone_party(self, tok: Any, *, exclude: frozenset[str]) -> list[Mention]:
        """The actor named in the clause on what a reversal verb undoes ("cancelled a contract to buy French
        submarines" -> France; "scrapped plans to build a base with China" -> China), or in the act a verb of
        halting stops ("stopped arming Ukraine" -> Ukraine)."""
        for obj in undone_objects(tok):
            clauses = [c for c in obj.children if c.dep_ in {"acl", "relcl"} and c.pos_ == "VERB"]
            # "withdrew from a deal to buy French submarines", the infinitive hung on the verb
            clauses += [c for c in tok.children if c.dep_ == "advcl" and c.pos_ == "VERB"
                        and c.left_edge.i == obj.right_edge.i + 1 and c.left_edge.lower_ == "to"]
            for clause in clauses:
                found = self.objects(clause, etype="", wanted_prep="with", visit=False, exclude=exclude)
                found = [m for m in found if m.actor is not None and m.actor.node not in exclude]
                if found:
                    return found
        for act in halted_acts(tok):  # "will stop arming Ukraine", "halted supplying weapons to Egypt"
            found = self.objects(act, etype="", wanted_prep="to", visit=False, exclude=exclude)
            found = [m for m in found if m.actor is not None and m.actor.node not in exclude]
            if found:
                return found
        return []

    def _party_noun(self, pobj: Any, source: list[Mention]) -> list[Mention]:
        """"a meeting with his ally, Turkish president Erdogan": a party noun (set party_noun of
        ``rule_vocab.tsv``) named by a loose apposition (the parser often hangs the name elsewhere); its
        possessive pronoun is the other party ("his" -> the last person named), added to ``source``."""
        if pobj.lemma_.lower() not in words("party_noun") or self.speakers.mention_for(pobj) is not None:
            return []
        sp = self.speakers
        named_by = loose_apposition(pobj, sp)
        found = [named_by] if named_by is not None else []
        if found and not source:
            owner = pronoun_owner(pobj, sp)
            if owner is not None and owner != found[0]:
                source.append(owner)
        return found

    def _gathered(self, noun: Any, clause: Any) -> list[Mention]:
        """The parties a gathering clause names: every actor in its object (the parser often breaks a long list:
        "gathered Putin, Erdogan of Turkey and Iran's president" may hang the last item on the
        event noun), a possessor giving way to the person it qualifies ("Turkey's Erdogan" is Erdogan)."""
        sp = self.speakers
        out: list[Mention] = []
        def parts(node: Any) -> list[Any]:
            # places are not parties: "cooperation between X and Y in war-hit Z"
            out_ = [node]
            for c in node.children:
                if not (c.dep_ == "prep" and c.lower_ in LOCATION_PREPS):
                    out_.extend(parts(c))
            return out_

        items = [t for t in parts(clause) if t.dep_ not in {"nsubj", "nsubjpass"}]
        items += [t for c in noun.children if c.dep_ == "conj" and c.i > clause.i for t in parts(c)]
        for t in items:
            if any(c.dep_ == "case" for c in t.children):
                continue
            m = sp.mention_at(t)
            if m is not None and m.actor is not None and m not in out:
                head = t
                while head.dep_ in {"amod", "compound"} and head.head is not head:
                    head = head.head
                if head.i != t.i and (h := sp.mention_at(head)) is not None and h != m:
                    continue  # "Somali President X": the person the adjective qualifies is the party
                out.append(m)
        return out

    # -- nouns ---------------------------------------------------------------------
    def nominal(self, tok: Any, ctx: Context | None = None) -> tuple[list[Mention], list[Mention]]:
        """"X's shelling in Z", "the invitation of a group's leaders to the capital"."""
        sp = self.speakers
        source: list[Mention] = []
        target: list[Mention] = []
        # a worry noun coded by the coding rule worry_of_about: its of-phrase is its owner
        worry = tok.lemma_.lower() in words("worry_noun") and enabled("worry_of_about", self.disabled)
        # a capital after "to" is where one goes, except for a visit noun ("his trip to Beijing" is a visit to
        # China, as "flew to Beijing for talks" is for the verb)
        visit = bool(run_rule("visit_to_a_capital", tok, self, disabled=self.disabled))
        # "with backing from Algeria", "with the support of Iran": help one has, given by the of/from-phrase's actor
        # (help_with_goes_to_the_subject gives it to the clause's subject)
        given = tok.lemma_.lower() in words("help_noun") and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
            and enabled("help_with_goes_to_the_subject", self.disabled)
        for child in tok.children:
            if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                m = sp.mention_at(child)
                if m is not None and sp.on("a_pacts_city_is_its_place") and city_naming_a_pact(child, m):
                    continue  # "the Pretoria agreement": where it was made (South Africa had signed it)
                if m is not None:
                    # "US and UK assistance": each conjunct of the possessor acts (phrase-stage rules)
                    source.extend(x for x in [m, *phrase_extra(child, sp, self.disabled)] if x not in source)
                elif child.dep_ == "poss":
                    # "asserted his support": the pronoun's owner (subject-stage rules, with the running context:
                    # "The two leaders confirmed their commitment" after they were named)
                    source.extend(x for x in subject_mentions(child, ctx or Context(), self, self.disabled)
                                  if x not in source)
            for clause in _together_clauses(tok, child):
                # "quiet military cooperation between X and Y", "a three-way summit in a capital, which
                # brought together A, B and C": the parties, reciprocally
                source.extend(m for m in self._gathered(tok, clause) if m not in source)
            if child.dep_ == "prep":
                for p in child.children:
                    if p.dep_ != "pobj":
                        continue
                    found = self._party_noun(p, source) if child.lower_ == "with" else []
                    found = found or [m for m in self.with_conj(p, deep=True)
                                      if (visit and child.lower_ == "to") or (given and child.lower_ == "from")
                                      or not is_location(m, p, child)]
                    if given and child.lower_ in {"of", "from"}:
                        source.extend(m for m in found if m not in source)
                    elif worry and child.lower_ in {"about", "over"}:
                        # "concerns of X about Y's influence": what the worry is about names the target
                        target.extend(self.pact_parties(p) or found)
                    elif worry and child.lower_ == "of":
                        source.extend(m for m in found if m not in source)  # the concerns "of X" are X's
                    elif child.lower_ == "between" and len(found) >= 2 and _mediation(tok):
                        # "praised Iraq for its mediation between the two sides": the sides are whom the mediator
                        # (the owner) brings together, not the mediators
                        target.extend(m for m in found if m not in target)
                    elif child.lower_ == "by" or (child.lower_ == "between" and len(found) >= 2 and (
                            self.noun_types.get(tok.lemma_.lower()) == "CONSULT"
                            or tok.lemma_.lower() in words("conflict_noun"))):
                        # "talks between Armenia and Azerbaijan", "the war between the army and the RSF": both
                        # parties of a meeting or a fight, reciprocally (an agreement or cooperation "between" them
                        # is read as a stated relation instead)
                        source.extend(found)
                    elif child.lower_ in {"of", "against", "on", "with", "to", "for"}:
                        target.extend(found)
        if not source and target:
            # "units would participate in joint drills alongside American forces": the participants act
            source.extend(m for m in run_rule("participants_act", tok, self, disabled=self.disabled) or []
                          if m not in target)
        if not source:
            # "On a visit to Pyongyang, the minister said ...": whoever speaks or acts in the clause is the visitor
            source.extend(m for m in run_rule("meeting_sets_the_clause", tok, self, disabled=self.disabled) or []
                          if m not in target)
        if not source:
            # "took control of the region in a swift military offensive": the subject's offensive
            source.extend(m for m in run_rule("manner_of_the_clauses_act", tok, self, disabled=self.disabled) or []
                          if m not in target)
        if not source:
            # "Hezbollah claimed responsibility for an attack on an army post": the claimer's attack
            source.extend(m for m in run_rule("claimed_act_is_the_claimers", tok, self, disabled=self.disabled) or []
                          if m not in target)
        if not source:
            # "the GRU was behind a campaign of cyber attacks": the one behind an act is its author
            source.extend(m for m in run_rule("behind_the_act_is_its_author", tok, self, disabled=self.disabled) or []
                          if m not in target)
        if not target and source:
            # "acquired vessels with US and UK assistance": the help goes to the clause's subject
            helped = run_rule("help_with_goes_to_the_subject", tok, self, disabled=self.disabled) or []
            target.extend(m for m in helped if m not in source)
        if not source and tok.dep_ in OBJ_DEPS and tok.head.lemma_.lower() in words("recipient_verb"):
            # "Putin won the backing of Xi": the one whose backing is won acts; the winner is its target
            winners = [m for c in tok.head.children if c.dep_ == "nsubj" for m in self.with_conj(c)]
            if winners and target:
                source, target = target, winners
        return source, target


def _together_clauses(noun: Any, child: Any) -> list[Any]:
    """Clauses under ``child`` of an event noun that name the parties gathered (set meeting_together of
    ``rule_vocab.tsv``): on the noun itself, or on its place ("the summit in Tehran, which brought together ...",
    where the parser hangs the clause on the place); for a pact (pact_noun), the participle of its signing
    (pact_signing_verb) with the signers as its agent."""
    gather = words("meeting_together")
    signed = noun.lemma_.lower() in words("pact_noun")

    def ok(c: Any) -> bool:
        lemma = c.lemma_.lower()
        if signed and c.dep_ == "acl" and c.tag_ == "VBN" and lemma in words("pact_signing_verb") \
                and any(a.dep_ == "agent" for a in c.children):
            return True  # "a defence agreement signed by A and B in Cairo": the signers are its parties
        return c.dep_ in {"acl", "relcl"} and lemma in gather and (
            lemma != "bring" or any(t.lower_ == "together" for t in c.children))

    if ok(child):
        return [child]
    if child.dep_ == "prep" and child.lower_ in {"in", "at"}:
        return [c for p in child.children if p.dep_ == "pobj" for c in p.children if ok(c)]
    return []


# -- subject-stage rules: what a subject token stands for (``rules.subject_rule``), tried in this order ----------
_DEF = ("definite_det",)


def _definite(child: Any, w: dict[str, frozenset[str]]) -> bool:
    return any(d.lower_ in w["definite_det"] for d in child.children)


def _one(m: Mention | None) -> list[Mention]:
    return [m] if m is not None else []


def _restrictive_clause(noun: Any) -> bool:
    """Whether a relative clause not set off by a comma hangs on ``noun`` ("the group that attacked police"): it
    says which one is meant, so the noun does not refer back ("the group, which ...", with a comma, may)."""
    return any(c.dep_ == "relcl" and c.left_edge.i > noun.i and not _after_comma(c) for c in noun.children)


def _after_comma(tok: Any) -> bool:
    """Whether the phrase ``tok`` heads is set off by a comma before it."""
    return tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","


def _clause_on_its_object(tok: Any, w: dict[str, frozenset[str]]) -> bool:
    """Whether ``tok`` heads a relative clause whose noun is its object: a subject of its own and no object but a
    relative pronoun ("a move Venezuela condemned", "a claim that Lima rejected"; not "a move that angered X")."""
    return tok.dep_ == "relcl" \
        and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in w["relative_pronoun"] for c in tok.children) \
        and not any(c.dep_ in OBJ_DEPS and c.lower_ not in w["relative_pronoun"] for c in tok.children)


def _verb_above(tok: Any) -> Any:
    """The verb that ``tok``'s object or phrase chain hangs on (``tok`` itself if it is one), else the last word
    climbed to."""
    # ("this month": an adverbial noun hangs on its verb too)
    while tok.pos_ not in {"VERB", "AUX"} and tok.dep_ in {"dobj", "obj", "pobj", "prep", "dative", "appos",
                                                           "npadvmod"}:
        tok = tok.head
    return tok


# -- phrase-stage rules: which actors a noun phrase stands for besides its own mention (``rules.phrase_rule``) -----
@phrase_rule("coordinated_modifier_distributes", reads="a possessor, nominal modifier, compound or preposition object "
             "(poss, nmod, compound, pobj) found inside a noun phrase, and its conjuncts",
             changes="adds each conjunct's actor")
def coordinated_modifier_distributes(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"Sweden's and Finland's accession", "with US and UK assistance", "support for Finland and Sweden's
    memberships": a coordinated modifier names every conjunct, not only the one next to the noun."""
    if node.dep_ not in {"poss", "nmod", "compound", "pobj"} or not node.conjuncts:
        return None
    return [m for c in node.conjuncts if (m := sp.mention_at(c)) is not None and m.actor is not None]


@phrase_rule("along_with_is_a_conjunct", reads="a named actor's with-phrase set off by a comma, with an accompaniment "
             "word (accompaniment_word: 'along with', 'together with'; or the preposition 'alongside')",
             changes="adds the actors of the phrase's object and its conjuncts", vocab=("accompaniment_word",))
def along_with_is_a_conjunct(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"Bahrain, along with Saudi Arabia and Egypt, cut ties with Qatar": the states along with it did so too (the
    parser hangs them on a with-phrase of the subject, so only Bahrain cut ties). Only on a named actor: "negotiated
    the release of hostages, together with Egypt" made Egypt a side of the release, so the one negotiated with."""
    own = sp.mention_at(node)
    if own is None or own.actor is None:
        return None
    out: list[Mention] = []
    for c in node.children:
        if c.dep_ != "prep" or c.i < 1 or node.doc[c.left_edge.i - 1].text != ",":
            continue
        if c.lower_ in w["accompaniment_word"]:  # "along with X" (with under along), "alongside X"
            preps = [c] + [p for p in c.children if p.dep_ == "prep" and p.lower_ == "with"]
        elif c.lower_ == "with" and any(a.dep_ == "advmod" and a.lower_ in w["accompaniment_word"] for a in c.children):
            preps = [c]  # "together with X"
        else:
            continue
        for p in preps:
            for obj in (o for o in p.children if o.dep_ == "pobj"):
                out += [m for t in (obj, *obj.conjuncts) if (m := sp.mention_at(t)) is not None
                        and m.actor is not None and m not in out]
    return out or None


@phrase_rule("place_of_is_a_place", reads="a place noun (place_noun) object of to/towards, "
             "and its of-phrase (read inside mention_in_np)", changes="the of-phrase's actor is no party",
             vocab=("place_noun",))
def place_of_is_a_place(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"peacekeepers sent to the contested region of X": X names where, not who. The rule is read by
    ``_closest_in_np``, which does not look into such an of-phrase; it adds no mention itself."""
    return None


@phrase_rule("a_pacts_city_is_its_place", reads="a capital (a state's government named by a place name, GPE) in the "
             "compound name of a pact (pact_noun: 'the Paris Peace Accords', 'the Vienna deal'; read inside "
             "mention_in_np)", changes="the capital is no party", vocab=("pact_noun",))
def a_pacts_city_is_its_place(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"He negotiated the Paris Peace Accords with North Vietnam" was a negotiation with France, "signed the Vienna
    deal" a signing with Austria: a city that names a pact is where it was made.  Read by ``_closest_in_np`` and
    ``Speakers.mention_for`` and ``_event_author`` through ``attribution.city_naming_a_pact``; it adds no mention
    itself."""
    return None


def _count(node: Any, w: dict[str, frozenset[str]]) -> int | None:
    """The number a numeral modifier gives ("the three countries": 3), from set count_word ("three:3")."""
    table = dict(x.split(":", 1) for x in w["count_word"] if ":" in x)
    for c in node.children:
        if c.dep_ == "nummod":
            value = table.get(c.lower_, c.text if c.text.isdigit() else None)
            return int(value) if value is not None else None
    return None


@phrase_rule("the_two_is_the_pair", reads="a pair noun with a numeral (pair_noun, pair_numeral: 'the two countries', "
             "'the two leaders'), or 'the' + a pair word (pair_word: 'the Nordic pair') or a plural noun only a pair "
             "can be, bare (bare_pair_noun: 'the neighbours'), as a subject, object or phrase; the pair the article "
             "tells most, or a described pair named together (Speakers.pair_of_states)",
             changes="the phrase stands for both of the pair", vocab=("pair_word", "bare_pair_noun"))
def the_two_is_the_pair(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"Erdogan accused the two countries of ...": both states of the last pair named together, not the first alone
    (the subject-stage ``the_two_is_last_pair`` does the same for a subject)."""
    persons = pair_reference(node)
    if persons is None:
        return None
    return (sp.last_two_before(node.idx, persons=True) if persons
            else sp.pair_of_states(node.idx, described=described_pair(node))) or None


@phrase_rule("including_names_its_members", reads="a plural noun naming no actor with an including-phrase "
             "(example_prep: 'including', 'such as') naming actors", changes="the phrase stands for those actors",
             vocab=("example_prep",))
def including_names_its_members(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"mend ties with several regional rivals, including the UAE and Saudi Arabia": the rivals named are whom
    the ties are mended with (the phrase had no actor, so the act had no target; a subject's agent noun reads its
    examples in ``agent_noun_subject``)."""
    if node.tag_ not in {"NNS", "NNPS"} or not any(c.dep_ == "prep" for c in node.children):
        return None
    own = sp.mention_for(node)
    if own is not None and own.actor is not None and own.actor.node:
        return None
    for c in node.children:
        if c.dep_ != "prep":
            continue
        # ("such as": the parser hangs "such" on "as")
        phrase = "such as" if c.lower_ == "as" and any(a.lower_ == "such" for a in c.children) else c.lower_
        if phrase not in w["example_prep"]:
            continue
        found = [m for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
                 if (m := sp.mention_for(x)) is not None and m.actor is not None and m.actor.node]
        if found:
            return list(dict.fromkeys(found))
    return None


@phrase_rule("plural_countries_take_up_coordination", reads="a definite (definite_det) plural country noun "
             "(plural_country_noun) with an adjective, a numeral or a demonstrative (demonstrative_det: 'those "
             "countries'), or a definite noun of a group of a number "
             "(group_count_noun: 'the quartet'), and no actor of its own; the last coordination of states before it "
             "(as many as the numeral says, count_word)",
             changes="the phrase stands for those states",
             vocab=_DEF + ("plural_country_noun", "count_word", "group_count_noun", "demonstrative_det"))
def plural_countries_take_up_coordination(node: Any, sp: Speakers, w: dict[str, frozenset[str]]) -> list | None:
    """"Sweden and Finland applied ... Erdogan blames the Scandinavian countries": a plural "the <adjective>
    countries" takes up the states last named together (a coordination), not the last state alone."""
    own = sp.mention_for(node)
    groups = dict(x.split(":", 1) for x in w["group_count_noun"] if ":" in x)
    if node.lower_ not in w["plural_country_noun"] and node.lower_ not in groups or not _definite(node, w) \
            or (own is not None and own.actor):
        return None
    if node.lower_ not in groups and not any(c.dep_ in {"amod", "nummod", "compound"} or (
            c.dep_ == "det" and c.lower_ in w["demonstrative_det"]) for c in node.children):
        return None  # ("withdrew its staff from those countries": a demonstrative points back as an adjective does)
    # ("The quartet issued 13 demands": a noun of a group of a number, group_count_noun)
    want = int(groups[node.lower_]) if node.lower_ in groups else _count(node, w)
    doc = node.doc
    # the states named before it in its own sentence are the phrase's other parties, not among them ("Washington has
    # pressed the Gulf states": the lede's "the United States and China" were the Gulf states)
    here = {m.actor.node for t in doc[node.sent.start:node.i] if (m := sp.mention_at(t)) is not None
            and m.actor is not None and m.actor.node}
    for t in reversed(doc[:node.i]):
        if t.dep_ == "conj" or not t.conjuncts:
            continue
        # ("Saudi Arabia, the UAE, Bahrain and Egypt": the parser reads the second as the first's apposition and
        # the rest as its conjuncts, so the list was three)
        first = (t.head,) if t.dep_ == "appos" and t.head.pos_ == "PROPN" else ()
        found = [m for x in (*first, t, *t.conjuncts) if (m := sp.mention_at(x)) is not None and m.actor is not None
                 and m.actor.kind == "state"]
        found = list(dict.fromkeys(found))
        if len(found) >= 2 and (want is None or len(found) == want) and not any(m.actor.node in here for m in found):
            return found
    return None


@subject_rule("owner_pronoun_is_clause_subject", reads="a possessive pronoun (poss; person_owner_pronoun, "
              "thing_owner_pronoun, plural_owner_pronoun) that names no actor, on the object of a verb; that verb's "
              "subjects", changes="source -> the subject that agrees (a person for his/her, no person for its)",
              vocab=("person_owner_pronoun", "thing_owner_pronoun", "plural_owner_pronoun", "quoted_we"))
def owner_pronoun_is_clause_subject(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Macron asserted his support for X", "Armenia announced its decision to ...": a possessive pronoun on the
    verb's object is, first of all, the verb's own subject."""
    low = child.lower_
    if child.dep_ != "poss" or f.speakers.mention_at(child) is not None:
        return None
    if low not in w["person_owner_pronoun"] | w["thing_owner_pronoun"] | w["plural_owner_pronoun"]:
        return None
    noun = child.head
    verb = noun.head if noun.dep_ in OBJ_DEPS else None
    if verb is None or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if low in w["thing_owner_pronoun"] and _subject_word(verb) in w["quoted_we"]:
        return None  # "we are concerned, noting its potential to ...": "its" is not "we"
    found = [m for m in f.subjects(verb, ctx) if m.actor is not None]
    if low in w["person_owner_pronoun"]:
        found = [m for m in found if m.actor.kind == "person"]
    elif low in w["thing_owner_pronoun"]:
        found = [m for m in found if m.actor.kind != "person"]
    return found or None


def _subject_word(verb: Any) -> str | None:
    """The lower-cased subject word of ``verb``'s clause, climbing through the clauses that share their subject
    with the verb above (xcomp, advcl, conj), or None."""
    node = verb
    for _ in range(6):
        subj = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is not None:
            return subj.lower_
        if node.dep_ not in {"xcomp", "advcl", "conj"} or node.head is node:
            return None
        node = node.head
    return None


@subject_rule("reaction_to_owner", reads="a possessive 'its'/'their' (thing_owner_pronoun, plural_owner_pronoun) that "
              "names no actor, on a noun in a cause phrase (cause_prep: 'after its choice') of a verb of reacting "
              "against someone (reaction_verb) whose direct object is an actor", changes="source -> that object",
              vocab=("thing_owner_pronoun", "plural_owner_pronoun", "cause_prep", "reaction_verb"))
def reaction_to_owner(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Lima expelled Quito's envoys after its choice to arm the rebels", "the US sanctioned Iran over its
    missile tests": what one reacts against is the other side's act, so the pronoun is the one reacted against,
    not the clause's subject (which ``it_is_last_thing`` would take)."""
    if child.dep_ != "poss" or f.speakers.mention_at(child) is not None:
        return None
    if child.lower_ not in w["thing_owner_pronoun"] | w["plural_owner_pronoun"]:
        return None
    noun = child.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in w["cause_prep"]:
        return None
    verb = prep.head
    if verb.lemma_.lower() not in w["reaction_verb"]:
        return None
    found = [m for c in verb.children if c.dep_ in OBJ_DEPS
             if (m := f.speakers.mention_for(c)) is not None and m.actor is not None and m.actor.node]
    return found or None


@subject_rule("pronoun_is_speaker", reads="a subject pronoun (speaker_pronoun) of a that-clause (ccomp) of a speech "
              "verb, and that verb's subject (all its conjuncts for a plural pronoun, plural_pronoun)",
              changes="source -> the speaker (or speakers)", vocab=("speaker_pronoun", "plural_pronoun"))
def pronoun_is_speaker(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Israel says it intends to ...": a pronoun subject inside reported speech is its speaker."""
    if child.lower_ not in w["speaker_pronoun"]:
        return None
    said = f._speaker_of_pronoun(child)
    if said is None and child.lower_ in w["plural_pronoun"]:
        # "the three countries announced they would ...": a plural subject naming no actor itself is the states it
        # stands for (phrase-stage rules: plural_countries_take_up_coordination)
        subject = f.speech_subject(child)
        if subject is not None and subject.tag_ in {"NNS", "NNPS"}:
            return [m for m in f._subject_mentions(subject, ctx) if m.actor is not None and m.actor.node] or None
    if said is None:
        return None
    if child.lower_ in w["plural_pronoun"]:
        # "Turkey and Israel announced they would restore ties": "they" is every one of the coordinated speakers
        # (also of a speech verb conjoined to the verb that bears them: "A and B expressed solidarity and said they")
        subject = next((c for c in subject_bearer(child.head.head).children if c.dep_ == "nsubj"), None)
        together = f.with_conj(subject) if subject is not None and subject.conjuncts else []
        if len(together) > 1 and said in together:
            return together
        # "the two governments announced that they would": every one the plural subject stands for
        together = f._subject_mentions(subject, ctx) if subject is not None and not subject.conjuncts else []
        if len(together) > 1:
            return together
    return [said]


@subject_rule("quoted_we_is_speaker", reads="a first-person plural subject pronoun (quoted_we) inside a direct quote "
              "whose speaker is a resolved actor (Speakers.speaker_of_quote)", changes="source -> the quote's speaker",
              vocab=("quoted_we",))
def quoted_we_is_speaker(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"“We would raise it with their government,” the defence minister told a broadcaster": in a quote, "we"
    is the side the speaker speaks for, read through the speaker (a minister rolls up to the state). A quote
    whose speaker is unresolved, or "we" outside quotes (the outlet's or an analyst's), gives nothing."""
    if child.lower_ not in w["quoted_we"] or child.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    k = f.speakers.quote_at(child.idx)
    if k is None:
        return None
    # an unnamed speaker of a known body ("“We oppose it,” the spokesperson [for the PLA] said") speaks for it
    said = f.speakers.speaker_of_quote(k) or f.speakers.unnamed_speaker(child)
    return [said] if said is not None and said.actor is not None and said.actor.node else None


@subject_rule("first_person_of_a_transcript", reads="a first-person subject pronoun (transcript_pronoun: 'we', 'I') "
              "outside quotes, in a document whose headline is a transcript's title naming its speaker "
              "(transcript_noun 'by' an actor: 'Remarks by President Lula at the BRICS summit'), or whose first "
              "'we' names itself in apposition ('We, the G7 foreign ministers, ...'), or in a paragraph a "
              "speaker's label in capitals opens ('PRESIDENT ERDOGAN: ...')",
              changes="source -> that speaker", vocab=("transcript_pronoun", "transcript_noun"))
def first_person_of_a_transcript(child: Any, ctx: Context, f: ArgumentFinder,
                                 w: dict[str, frozenset[str]]) -> list | None:
    """"Remarks by President Lula ... We condemn the attacks on civilians in Gaza": the transcript's "we" is its
    speaker's side, "I" the speaker (they had no source)."""
    if child.lower_ not in w["transcript_pronoun"] or child.dep_ not in {"nsubj", "nsubjpass"} \
            or f.speakers.quote_at(child.idx) is not None:
        return None
    # ("PRESIDENT ERDOGAN: I welcome ...": a paragraph's speaker label names its speaker)
    speaker = f.speakers.label_speaker(child) or transcript_speaker(f.speakers, w["transcript_noun"])
    if speaker is None and child.lower_ == "we":
        speaker = f.speakers.we_named()
    return [speaker] if speaker is not None else None


def transcript_speaker(sp: Speakers, nouns: frozenset[str]) -> Mention | None:
    """The actor a transcript's headline names as its speaker ("Remarks by President Lula ...", "Statement by the
    Foreign Minister of X"), or an opinion piece's byline in its first three sentences ("By Ararat Mirzoyan, Foreign
    Minister of Armenia"), or None."""
    doc = sp.parsed.doc
    for k, (lo, hi) in enumerate(sp.parsed.spans[:3]):
        words = [t for t in doc[lo:hi] if not t.is_space and not t.is_punct]
        if len(words) >= 2 and words[0].lower_ == "by" and words[-1].is_alpha and not _ends_a_sentence(doc[lo:hi]):
            # an opinion piece's byline, "By Ararat Mirzoyan, Foreign Minister of Armenia": its author speaks
            after = words[0].idx
        elif k == 0 and len(words) >= 3 and words[0].lemma_.lower() in nouns and words[1].lower_ == "by":
            after = words[1].idx
        else:
            continue
        return next((m for m in sp.mentions if m.sent_idx == k and m.start > after and m.actor is not None
                     and m.actor.node), None)
    return None


def _ends_a_sentence(span: Any) -> bool:
    """Whether ``span`` ends with a full stop, a question or an exclamation mark (a byline does not)."""
    last = [t for t in span if not t.is_space]
    return bool(last) and last[-1].text in {".", "?", "!"}


# Marks of a clause of concession or cause, whose "they" is the subjects of the clause it is on
_CONCESSIVE_MARKS = frozenset({"though", "although", "while", "whereas", "because", "as"})


@subject_rule("they_is_last_subjects", reads="a plural pronoun subject (plural_pronoun); in a coordinated clause "
              "or a clause of concession or cause on a verb, that verb's subjects when several; in a relative "
              "clause, a plural subject of a clause above it; else the previous sentence's (Context.last_subjects)",
              changes="source -> those subjects", vocab=("plural_pronoun",))
def they_is_last_subjects(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Iran and Syria condemned ... They also ...": the previous clause's subjects; "A and B cut ties in 2016,
    but on Monday they restored them": in a coordinated clause, the first clause's subjects when they are
    several (the context holds only earlier sentences)."""
    if child.lower_ not in w["plural_pronoun"]:
        return None
    verb = child.head
    # (or a clause of concession or cause on it: "Israel and Saudi Arabia have never had formal relations, though
    # they have cooperated quietly"; not one of time or condition: "X must agree before they demobilize")
    if (verb.dep_ == "conj" or (verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE_MARKS
                                                            for c in verb.children))) \
            and verb.head.pos_ in {"VERB", "AUX"}:
        first = [m for c in verb.head.children if c.dep_ == "nsubj" for m in f.with_conj(c)]
        if len(first) >= 2:
            return first
    for above in (list(verb.ancestors)[:4] if verb.dep_ == "relcl" else []):
        # "The two sides discussed implementing the treaty they signed in June": a plural subject of a clause
        # above, in the same sentence, before the previous sentence's
        subjects = [c for c in above.children if c.dep_ == "nsubj" and c.i < child.i
                    and (c.tag_ in {"NNS", "NNPS"} or any(k.dep_ == "conj" for k in c.children))]
        if subjects:
            found = [m for c in subjects for m in f._subject_mentions(c, ctx)]
            if len(found) >= 2:
                return found
            break
    last = list(ctx.last_subjects)
    if len(last) == 1 and last[0].actor is not None and last[0].actor.kind == "person":
        # "Erdogan called Sisi a tyrant, and the two countries expelled ... They exchanged ambassadors": one person
        # is no "they" (the plural subject before was not resolved)
        return []
    return last


# Sectors of a state's own agents: "the government said it would" is the state told before
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@subject_rule("it_is_last_thing", reads="the pronoun subject 'it' (thing_pronoun); earlier subjects of the sentence; "
              "none when it is said by a noun no actor names ('The company said it had sold'); the last non-person "
              "actor (Context.last_non_person)", changes="source -> that actor",
              vocab=("thing_pronoun",))
def it_is_last_thing(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"because Israel is ..., it did not ...": the nearest earlier non-person subject; else the last sentence's one
    non-person subject ("Egypt backed Somalia. It pledged troops": Egypt, not the last state named); else the last
    organisation or state named."""
    if child.lower_ not in w["thing_pronoun"]:
        return None
    near = f._nearest_subject_before(child, persons=False)
    lo = f.speakers.parsed.spans[f.speakers.sent_index(child)][0]
    again = next((t for t in reversed(child.doc[lo:child.i]) if t.dep_ in {"nsubj", "nsubjpass"}
                  and t.lower_ == child.lower_), None)
    earlier = f._subject_mentions(again, ctx) if again is not None and (near is None or near.start < again.idx) \
        else []
    if earlier:
        # "It applied for EU membership in 2009, yet it refuses to align with ...": the same "it" as the earlier
        # subject (it had been the EU, the last organisation named)
        return earlier
    if near is not None:
        return [near]
    clause = child.head
    if clause.dep_ == "ccomp" and is_speech_verb(clause.head) and any(
            s.dep_ == "nsubj" and s.pos_ == "NOUN" and f.speakers.mention_for(s) is None
            and f.mention_in_np(s) is None
            and f.agents.get(s.lemma_.lower(), f.agents.get(s.lower_)) not in _STATE_SECTORS
            for s in clause.head.children):
        # "The Kremlin seized the unit. The company said it had sold the brewery": a speaker no actor names speaks
        # of itself (it was the Kremlin, the last state named); unknown stays unknown (not a state's agent noun:
        # "the government said it would" is the state told before)
        return []
    # "Burhan said there would be no talks with the RSF until it withdrew": the one actor its sentence names before
    # it, no person and no place, when no subject came first (it was the last one of earlier sentences)
    sp = f.speakers
    lo, _ = sp.parsed.spans[sp.sent_index(child)]
    # (not the one told: "the government had informed Sweden that it would sever relations" is the government)
    named = [m for t in child.doc[lo:child.i] if (m := sp.mention_at(t)) is not None and m.actor is not None
             and m.actor.kind != "person" and m.actor.node and not (t.dep_ == "pobj" and is_location(m, t, t.head))
             and not (t.dep_ in {"dobj", "dative"} and is_speech_verb(t.head))]
    if len({m.actor.node for m in named}) == 1:
        return [named[-1]]
    last = [m for m in ctx.last_subjects if m.actor is not None and m.actor.kind != "person"]
    if len(last) > 1:
        # "In 2012, Qatar allowed Hamas to open an office ... That same year, it hosted talks": of the sentence
        # before's subjects, the one its main event is told of (Hamas, the subject of a clause under it, is not)
        main = [m for m in last if m in ctx.last_event_source]
        if len(main) == 1:
            return main
    return last if len(last) == 1 else _one(ctx.last_non_person)


@subject_rule("the_two_is_last_pair", reads="a definite (definite_det) pair noun (pair_noun) with a numeral "
              "(pair_numeral); the last two actors named together (people for person_pair_noun); for states, the two "
              "its own sentence names before it, else the pair the article tells most, else the two states of the "
              "last event between two, when it comes later (Context.last_dyad)",
              changes="source -> the last two actors", vocab=_DEF + ("pair_numeral", "pair_noun", "person_pair_noun"))
def the_two_is_last_pair(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"the two leaders", "the two countries": the last two actors named. A bare "the two" ("The two also agreed
    to drop trade restrictions") is the last two named together, people or states."""
    low = child.lower_
    if low == "two" and child.pos_ == "NUM" and _definite(child, w) and not any(
            c.dep_ in {"prep", "amod", "compound"} for c in child.children):
        named = f.speakers.last_two_before(child.idx, persons=False)
        return named or f.speakers.pair_of_states(child.idx)
    if not (_definite(child, w) and any(d.lower_ in w["pair_numeral"] for d in child.children)
            and low in w["pair_noun"]):
        return _pair_named_in_the_sentence(child, f, w)
    persons = low in w["person_pair_noun"]
    if persons:
        # "Pashinyan and Aliyev agreed ..., after talks hosted by Macron and Michel. The two leaders also agreed":
        # the previous sentence's two subjects, when they are two people, before the last two named together
        subjects = [m for m in ctx.last_subjects if m.actor is not None and m.actor.kind == "person"]
        if len(subjects) == 2 and len(ctx.last_subjects) == 2 and subjects[0].actor.id != subjects[1].actor.id:
            return subjects
        # "Tokayev ... after meeting Scholz. The two leaders signed agreements": the two named together, else the
        # states of the pair the article tells most (leaders stand for their states)
        return f.speakers.last_two_before(child.idx, persons=True) or f.speakers.pair_of_states(child.idx)
    # "The crown prince spoke with the Iranian president, their first call since the two countries restored
    # relations": the two states its own sentence names before it, people standing for theirs, when it names two
    sp = f.speakers
    here: dict[str, Mention] = {}
    sent_idx = sp.sent_index(child)
    for m in sp.mentions:
        if m.sent_idx == sent_idx and m.end <= child.idx and m.actor is not None and m.actor.node \
                and m.actor.country and m.actor.node == m.actor.country \
                and not dateline(child.doc.char_span(m.start, m.end, alignment_mode="expand").root):
            here.setdefault(m.actor.node, m)  # ("TEHRAN (AP) - ...": a dateline names no state of the story)
    if len(here) == 2:
        return list(here.values())
    # "Egypt recalled its envoy from Ethiopia. ... The two countries cut ties in 2013.": the pair of states the
    # article has told most so far (Speakers.pair_of_states), events included; else the last event's dyad
    # (Context.last_dyad, for a finder whose coder recorded no dyads)
    pair = f.speakers.pair_of_states(child.idx, described=described_pair(child))
    if not pair and ctx.last_dyad is not None and ctx.last_dyad_end <= child.idx:
        return list(ctx.last_dyad)
    return pair


def _pair_named_in_the_sentence(child: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Iran and Pakistan agreed ..., days after the neighbours traded strikes": a bare definite pair noun with no
    numeral ("the neighbours", "the rivals") is the pair of states named together earlier in its own sentence, when
    there is one (a numeral is not needed there); else None."""
    if child.lower_ not in w["pair_noun"] or child.lower_ in w["person_pair_noun"] or not _definite(child, w) \
            or any(c.dep_ in {"amod", "nummod", "compound", "poss"} for c in child.children):
        return None
    lo, _ = f.speakers.parsed.spans[f.speakers.sent_index(child)]
    pair = f.speakers.last_two_before(child.idx, persons=False)
    if len(pair) != 2 or any(m.actor is None or m.actor.kind != "state" for m in pair) \
            or min(m.start for m in pair) < child.doc[lo].idx:
        return None
    return pair


def described_pair(noun: Any) -> bool:
    """Whether a pair noun is described ("the two European countries", "the two countries that seek to join"): it
    then names a pair named together, not whichever pair the article tells most."""
    return any(c.dep_ in {"amod", "relcl", "acl"} for c in noun.children)


@subject_rule("the_group_is_last_group", reads="a definite (definite_det) group noun (group_noun) subject; the last "
              "organisation named (armed group, with an armed modifier: armed_modifier)",
              changes="source -> that organisation", vocab=_DEF + ("group_noun", "armed_modifier"))
def the_group_is_last_group(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"the group said": the last organisation or armed group named before.  Not a noun that is part of a name
    itself ("The Organization of American States condemned": the OAS, not the court named before; "the Baku
    Initiative Group", capitalised after capitalised words), nor one that a relative clause with no comma picks out ("the armed group that attacked police": that group, whoever it is)."""
    if child.lemma_.lower() not in w["group_noun"] or not _definite(child, w) or _restrictive_clause(child):
        return None
    if child.text[:1].isupper() and any(c.dep_ == "compound" and c.text[:1].isupper() and c.i < child.i
                                        for c in child.children):
        return None  # "the Baku Initiative Group": a name the gazetteer lacks, no group told before
    own = f.speakers.mention_at(child)
    if own is not None and own.actor is not None:
        return None
    # "accused Belgrade of backing the armed groups": an armed group, not the EU named before
    armed = any(c.dep_ in {"amod", "compound"} and c.lower_ in w["armed_modifier"] for c in child.children)
    return _one(f._last_of_kind_before(child, {"armed_group"} if armed else {"armed_group", "organization", "igo"}))


@subject_rule("the_country_is_last_state", reads="a definite (definite_det) country noun (country_noun) subject; the "
              "last state named", changes="source -> that state", vocab=_DEF + ("country_noun",))
def the_country_is_last_state(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"the country has ...": the last state named before. "The three countries", "the nations" are several
    states: not the last one (``the_two_is_last_pair`` reads "the two countries")."""
    if child.lemma_.lower() not in w["country_noun"] or not _definite(child, w):
        return None
    if child.tag_ in {"NNS", "NNPS"} or child.lower_ != child.lemma_.lower():
        return None
    own = f.speakers.mention_for(child)
    if own is not None and own.actor is not None:
        return None  # "the North African country": the identity stage knew which (state_by_its_kind)
    return _one(f._last_of_kind_before(child, {"state"}))


@subject_rule("the_move_is_last_event", reads="a definite (definite_det) event anaphor (event_anaphor) that names no "
              "actor; the previous main event's source (Context.last_event_source)",
              changes="source -> that event's source", vocab=_DEF + ("event_anaphor", "deed_anaphor", "statement_root"))
def the_move_is_last_event(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"The step was criticised by X": the step is the previous sentence's main event, by its source."""
    if child.lemma_.lower() not in w["event_anaphor"] or not _definite(child, w) \
            or f.speakers.mention_for(child) is not None:
        return None
    return list(ctx.last_move(child)[0])


@subject_rule("group_possessor", reads="a possessor (poss) naming no actor that is a group noun (group_noun); the "
              "last organisation named", changes="source -> that organisation", vocab=("group_noun",))
def group_possessor(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"The group's leader said": the organisation named before."""
    for c in child.children:
        if c.dep_ == "poss" and f.speakers.mention_at(c) is None and c.lemma_.lower() in w["group_noun"]:
            return _one(f._last_of_kind_before(c, {"armed_group", "organization", "igo"}))
    return None


@subject_rule("persons_act_is_his", reads="a subject noun that is an event noun of the lexicon (nouns.tsv: 'trip', "
              "'remarks') naming no actor, owned by a person pronoun (person_owner_pronoun: 'his trip drew criticism'); "
              "in a clause under another (advcl), that clause's person subjects; else the last person named before",
              changes="source -> that person", vocab=("person_owner_pronoun",))
def persons_act_is_his(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Orban called for talks after his trip to Moscow drew criticism from Poland": the trip is Orban's, so the
    criticism is aimed at him (it was aimed at no one)."""
    owner = next((c for c in child.children if c.dep_ == "poss" and c.lower_ in w["person_owner_pronoun"]), None)
    if owner is None or child.lemma_.lower() not in f.event_nouns or f.speakers.mention_at(child) is not None:
        return None
    verb = child.head
    if verb.dep_ == "advcl" and verb.head.pos_ in {"VERB", "AUX"}:
        found = [m for m in f.subjects(verb.head, ctx) if m.actor is not None and m.actor.kind == "person"]
        if found:
            return found
    return _one(f.speakers.last_person_before(owner.idx))


@subject_rule("its_agent_is_last_thing", reads="an agent noun (agents.tsv, or a mouthpiece noun of "
              "attribution.tsv: 'his office') owned by a possessive pronoun or a country noun (country_noun: 'his country') (owner_pronoun 'its', person_owner_pronoun "
              "'his'/'her'); the speaker of the clause, the nearest subject before, else the last person or "
              "non-person actor (Context.last_non_person)", changes="source -> that actor; for a person's agent "
              "('her foreign minister', 'his forces'; no mouthpiece noun) that person's state's agent of the noun's "
              "sector",
              vocab=("owner_pronoun", "person_owner_pronoun", "country_noun", "first_person_owner"))
def its_agent_is_last_thing(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"its spokesman said": the organisation or state named before speaks. "Canada said its military would help",
    "Trudeau said his government was investigating": in what a speaker says, the owner is the speaker (a person
    for "his"/"her", no person for "its"); else the nearest such subject before it in the sentence, else the last
    one named (a person for "his"/"her", the last organisation or state for "its")."""
    if child.lemma_.lower() not in f.agents and child.lower_ not in f.agents \
            and child.lemma_.lower() not in w["country_noun"] \
            and child.lemma_.lower() not in cue_lists()["mouthpiece_noun"]:
        # "forces" (its lemma "force" is not); "his country"; "His office accused Mexico" (a mouthpiece noun,
        # attribution.tsv, as the mouthpiece_speaks_for_owner speaker rule reads it)
        return None
    mine = next((c for c in child.children if c.dep_ == "poss" and c.lower_ in w["first_person_owner"]), None)
    if mine is not None and f.speakers.quote_at(mine.idx) is None:
        # "By Ararat Mirzoyan, Foreign Minister of Armenia ... my country relied on Russia": an author's or a
        # transcript speaker's "my country", "our parliament" is his state's (it had no source)
        author = f.speakers.label_speaker(child) or transcript_speaker(f.speakers, words("transcript_noun"))
        owners = [author] if author is not None and author.actor is not None else None
    else:
        poss = next((c for c in child.children if c.dep_ == "poss" and f.speakers.mention_at(c) is None
                     and c.lower_ in w["owner_pronoun"] | w["person_owner_pronoun"]), None)
        if poss is None:
            return None
        owners = _pronoun_owner(child, poss, ctx, f, w)
    person = owners[0] if owners and len(owners) == 1 and owners[0].actor is not None \
        and owners[0].actor.kind == "person" and owners[0].actor.country else None
    if person is None:
        return owners
    from ..actors.gazetteer import load_gazetteer

    if mine is not None and child.lemma_.lower() in w["country_noun"]:
        return [replace(person, actor=load_gazetteer().state_actor(person.actor.country))]  # "my country"
    sector = f.agents.get(child.lemma_.lower()) or f.agents.get(child.lower_)
    mouthpieces = cue_lists()["mouthpiece_noun"]
    if sector and child.lemma_.lower() not in mouthpieces and child.lower_ not in mouthpieces:
        # "Castro won. In March her foreign minister flew to China": her minister is not she, but her state's
        # agent of the noun's sector (the minister's own name, when the gazetteer knows it, is the named subject's);
        # "her spokesman said" still speaks for her (a mouthpiece noun)
        return [replace(person, actor=load_gazetteer().state_actor(person.actor.country, sector))]
    return owners


def _pronoun_owner(child: Any, poss: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """Whom the possessive pronoun ``poss`` on ``child`` stands for (``its_agent_is_last_thing``)."""
    persons = poss.lower_ in w["person_owner_pronoun"]
    speaker = f._speaker_of_clause_subject(child)
    country = child.lemma_.lower() in w["country_noun"]
    if speaker is not None and ((speaker.actor.kind == "person") == persons or country):
        return [speaker]  # "his country" is the speaker's, a person's or (for "its president") the state's
    near = f._nearest_subject_before(poss, persons=persons)
    if near is not None:
        return [near]
    # the last sentence's subject ("Russia attacked Kyiv. Its army then shelled ..." is Russia's), else the last
    # one named
    last = [m for m in ctx.last_subjects if m.actor is not None and (m.actor.kind == "person") == persons]
    if len(last) == 1:
        return last
    return _one(f.speakers.last_person_before(poss.idx) if persons else ctx.last_non_person)


@subject_rule("their_agents_are_the_pair", reads="a plural agent noun (NNS, agents.tsv) owned by a plural possessive "
              "pronoun (plural_owner_pronoun) naming no actor; the coordinated subject of the verb of saying that "
              "reports it, else the previous sentence's subjects when they are of two or more states, else the pair "
              "of states the article tells most (Speakers.pair_of_states)", changes="source -> each of those states",
              vocab=("plural_owner_pronoun",))
def their_agents_are_the_pair(child: Any, ctx: Context, f: ArgumentFinder,
                              w: dict[str, frozenset[str]]) -> list | None:
    """"Iran and Pakistan traded strikes. ... Their foreign ministers spoke by phone": each minister is his own
    state's, so both states spoke (not the one named last)."""
    if child.tag_ not in {"NNS", "NNPS"} or (child.lemma_.lower() not in f.agents and child.lower_ not in f.agents):
        return None
    if not any(c.dep_ == "poss" and c.lower_ in w["plural_owner_pronoun"] and f.speakers.mention_at(c) is None
               for c in child.children):
        return None
    own = f.speakers.mention_for(child)
    if own is not None and own.actor is not None and own.actor.node:
        return None  # "their Chinese counterparts": named by their own words

    def states(ms: Iterable[Mention]) -> list[Mention]:
        found = {m.actor.node: m for m in ms if m.actor is not None and m.actor.node and m.actor.kind != "person"}
        return list(found.values()) if len(found) >= 2 else []

    # "Iran and Pakistan said their ministers would meet": the speakers
    subject = f.speech_subject(child) if child.dep_ in {"nsubj", "nsubjpass"} else None
    if subject is not None and subject.conjuncts:
        return states(f.with_conj(subject)) or None
    # "Tokyo and Manila signed a pact, allowing their troops to train ...": the states of the clause it hangs on
    verb = child.head
    for _ in range(4):
        if verb.dep_ not in {"ccomp", "xcomp", "advcl"}:
            break
        verb = verb.head
        subject = next((c for c in subject_bearer(verb).children
                        if c.dep_ in {"nsubj", "nsubjpass"} and not dateline(c)), None)
        if subject is not None:
            if subject.conjuncts:
                return states(f.with_conj(subject)) or None
            break
    return states(ctx.last_subjects) or states(f.speakers.pair_of_states(child.idx)) or None


def _owned_by_whose(noun: Any, w: dict[str, frozenset[str]]) -> bool:
    """Whether ``noun`` is owned by a relative "whose" (relative_owner: "whose officials", "whose independence")."""
    return any(c.dep_ == "poss" and c.lower_ in w["relative_owner"] for c in noun.children)


@subject_rule("whose_agents_are_the_clauses_noun", reads="an agent noun (agents.tsv) owned by 'whose' (relative_owner) "
              "as the subject of a relative clause (relcl); the noun the clause is on, with its conjuncts",
              changes="source -> those actors", vocab=("relative_owner",))
def whose_agents_are_the_clauses_noun(child: Any, ctx: Context, f: ArgumentFinder,
                                      w: dict[str, frozenset[str]]) -> list | None:
    """"Brazil and Colombia, whose leftist governments have kept ties with Caracas, ...": the governments are
    Brazil's and Colombia's."""
    if child.lemma_.lower() not in f.agents and child.lower_ not in f.agents:
        return None
    if child.head.dep_ != "relcl" or not _owned_by_whose(child, w):
        return None
    return [m for m in f.with_conj(child.head.head) if m.actor is not None and m.actor.node] or None


@subject_rule("part_of_a_body_is_no_actor", reads="a member noun (member_noun) subject with a partitive determiner "
              "(partitive_det) and an of-phrase", changes="source -> none", vocab=("member_noun", "partitive_det"))
def part_of_a_body_is_no_actor(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"some members of its parliament supported X": some members of a body are not the body (nor its state);
    "members of the alliance agreed" (no partitive) is left to ``collective_is_members``."""
    if child.lemma_.lower() not in w["member_noun"]:
        return None
    if any(d.dep_ in {"det", "amod"} and d.lower_ in w["partitive_det"] for d in child.children) and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in child.children):
        return []
    return None


@subject_rule("collective_is_members", reads="a collective noun (collective_noun) with an 'of' phrase; the subject "
              "rules applied to its object", changes="source -> the members", vocab=("collective_noun",))
def collective_is_members(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"A group of Moroccan diplomats", "Thousands of Iraqi Kurds": the members act."""
    if child.lemma_.lower() not in w["collective_noun"]:
        return None
    for prep in child.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for p in prep.children:
                if p.dep_ == "pobj":
                    found = f._subject_mentions(p, ctx)
                    if found:
                        return found
    return None


@subject_rule("event_subject_is_its_agent", reads="an event noun of the lexicon as subject, no party noun "
              "(party_noun: 'ally'); its possessor, compound or by-phrase",
              changes="source -> the event's agent, spanned over the subject phrase", vocab=("party_noun",))
def event_subject_is_its_agent(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"A car bombing by the Islamic State killed ...": the bombing's agent acts (none if it has none). An ally's
    owner is the other party ("Russia's ally Belarus condemned": Belarus, named beside it)."""
    if child.lemma_.lower() not in f.event_nouns or child.lemma_.lower() in w["party_noun"]:
        return None
    own = f.speakers.mention_at(child)
    if own is not None and own.actor is not None and own.actor.kind != "person":
        return None  # "the bloc stood in solidarity" (the identity stage knew which bloc): a body, not an event
    agent = f._nominal_agent(child)
    if agent is None and (child.lemma_.lower() in f.agents or child.lower_ in f.agents):
        return None  # "the delegation" is an agent too: its own mention decides (named_subject)
    return _one(agent)


@subject_rule("headline_verb_read_as_noun", reads="a plural noun subject (NNS) of a headline (the first sentence) that "
              "is a verb of the event lexicon ('orders', 'warns'), with a name modifying it before it ('Niger junta "
              "orders ...')", changes="source -> the mention that modifies it")
def headline_verb_read_as_noun(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Niger junta orders French ambassador out, turns to Moscow": a headline drops the articles, and the parser
    reads the verb "orders" as a noun with "the French ambassador" as its apposition; the one who orders and turns
    is the name before it (the apposition made France the one turning to Moscow)."""
    from .lexicon import load_lexicon

    if child.tag_ != "NNS" or f.speakers.sent_index(child) != 0 or child.lemma_.lower() not in load_lexicon().verbs:
        return None
    names = [m for c in child.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < child.i
             and not patron_participle(c)
             for m in [f.speakers.mention_at(t) for t in c.subtree] if m is not None and m.actor is not None]
    return names[:1] or None


@subject_rule("plural_agents_of_states", reads="a plural agent noun subject (NNS, agents.tsv) whose of-phrase names "
              "coordinated actors, or one actor and a proper-noun conjunct the parser hangs on the agent noun",
              changes="source -> each actor named")
def plural_agents_of_states(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"The leaders of Russia and China met", "The foreign ministers of Turkey and Syria met" (the parser often
    makes "Syria" a conjunct of "ministers"): each state's agents act, not the last one named."""
    if child.tag_ != "NNS" or (child.lemma_.lower() not in f.agents and child.lower_ not in f.agents):
        return None
    of = [p for c in child.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if not of:
        return None
    found = [m for m in f.with_conj(of[0]) if m.actor is not None]
    found += [m for c in child.conjuncts if c.pos_ == "PROPN" and (m := f.speakers.mention_for(c)) is not None
              and m.actor is not None and m not in found]
    return found if len(found) > 1 else None


@subject_rule("named_subject", reads="the mentions of the subject and its conjuncts (or apposition); an agent noun "
              "(agents.tsv) for an unresolved one", changes="source -> those mentions")
def named_subject(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Russia and China condemned": the subject's own mentions; "Rohingya Muslim insurgents" (a mention with no
    actor) is better described by its agent noun."""
    found = f.with_conj(child)
    if not found:
        return None
    first = child.left_edge
    if first.dep_ in {"nmod", "compound"} and any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children) \
            and (m := f.speakers.mention_at(first)) is not None and m.actor is not None and m.actor.kind in \
            {"person", "state"} and m not in found:
        # "Biden and Communist Party chief Nguyen Phu Trong announced ...": the parser makes the first name, with its
        # "and", a modifier of the second's title; it is a co-subject
        found = [m, *found]
    verb = child.head
    for c in verb.children:
        # a headline's "Putin, Kim sign pact": the parser hangs the first name, set off by a comma, on the verb
        if c.i < child.left_edge.i and c.dep_ in {"nmod", "npadvmod", "dep"} and c.i + 1 < len(c.doc) \
                and c.doc[c.i + 1].text == "," and c.right_edge.i == c.i \
                and (m := f.speakers.mention_at(c)) is not None and m.actor is not None \
                and m.actor.kind in {"person", "state"} and m not in found:
            found = [m, *found]
    if any(m.actor is not None for m in found):
        return found
    return _one(f.generic(child)) or found


@subject_rule("agent_noun_subject", reads="an agent noun subject (agents.tsv); an actor inside its phrase, places "
              "included (a state in its in/from phrase: that state's agent of the noun's sector), or all the actors "
              "of its example phrase (example_prep: 'including')",
              changes="source -> that actor (those actors), else the unnamed agent (a sector, no country)",
              vocab=("example_prep",))
def agent_noun_subject(child: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Iraqi police said", "protesters in Kyiv": the actor in the phrase, else the unnamed agent; "several
    countries, including Brazil and Colombia": every one of the examples (example_prep).  A state or its capital
    named as where the agent is ("protesters in Tehran") gives that state's agent of the agent's own sector, as
    "Iranian protesters" does, not the government a capital stands for when it acts."""
    m, at = f._closest_in_np(child, f.event_nouns, True)
    if m is None:
        return _one(f.generic(child))
    # (a bare agent noun: "protest leaders in Sudan" are no government's, though "leaders" alone would be)
    generic = f.generic(child) if at is not None and at.dep_ == "pobj" and at.head.lower_ in {"in", "from"} \
        and at.head.head == child and m.actor is not None and m.actor.kind == "state" \
        and not any(c.dep_ in {"compound", "amod", "nmod"} for c in child.children) else None
    if generic is not None and generic.actor is not None and generic.actor.sector != m.actor.sector:
        from ..actors.gazetteer import load_gazetteer

        return [replace(generic, actor=load_gazetteer().state_actor(m.actor.country, generic.actor.sector))]
    if at is not None and at.dep_ == "pobj" and at.head.lower_ == "in" and at.head.head == child \
            and m.actor is not None and m.actor.kind == "state" and m.actor.sector and f.generic(child) is None \
            and child.lemma_.lower() not in f.agents and child.lower_ not in f.agents:
        # "Analysts in Yerevan said": a noun of no agent placed in a capital is of that state ("opposition groups
        # in Zimbabwe"), not the government the capital stands for when it acts
        from ..actors.gazetteer import load_gazetteer

        return [replace(m, actor=load_gazetteer().state_actor(m.actor.country))]
    for prep in (c for c in child.children if c.dep_ == "prep" and c.lower_ in words("example_prep")):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            found = [x for x in f.with_conj(obj, deep=True) if x.actor is not None]
            if found and (m in found or m.actor is None):
                return found
    return [m]


# -- object-stage rules: where a verb's target is found (``rules.object_rule``), tried in this order ---------------
def _dobjs(q: ObjectQuery) -> list[Any]:
    return [c for c in q.tok.children if c.dep_ in OBJ_DEPS]


def _measured_dobjs(q: ObjectQuery) -> list[Any]:
    """The direct objects, a measure noun's (measure_noun) of-object for the measure when it is an event noun:
    "hosted two rounds of talks between A and B", "held a round of talks with X" (the talks are the event noun;
    "deployed thousands of troops into X" keeps its object)."""
    from .lexicon import load_lexicon

    measures, nouns = words("measure_noun"), load_lexicon().nouns
    return [next((p for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                  if p.dep_ == "pobj" and p.lemma_.lower() in nouns), d) if d.lemma_.lower() in measures else d
            for d in _dobjs(q)]


def _reduced_passive(tok: Any) -> bool:
    """A past participle heading an adverbial clause with no subject ("backed the PKK, designated as a terrorist
    group by X, Y and Z"): a passive whose patient is what the clause it hangs on acted on."""
    return (tok.tag_ == "VBN" and tok.dep_ == "advcl"
            and not any(c.dep_ in {"nsubj", "nsubjpass", "auxpass", "aux"} for c in tok.children))


def _deep_agents(tok: Any, f: ArgumentFinder) -> list[Mention]:
    """The actors of the by-phrases in a participle's own phrase (the parser may hang "by X" on the as-noun)."""
    out: list[Mention] = []
    stack = [c for c in tok.children if c.dep_ in {"prep", "agent"}]
    while stack:
        node = stack.pop()
        if node.dep_ in {"prep", "agent"} and node.lower_ == "by":
            out.extend(m for p in node.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)
                       if m.actor is not None and m not in out)
            continue
        stack.extend(c for c in node.children if c.dep_ not in {"relcl", "acl", "advcl", "ccomp", "conj"})
    return out


@object_rule("reduced_passive_patient", reads="a past participle (VBN) heading a subjectless adverbial clause (advcl) "
             "with a by-phrase; the object of the verb it hangs on", changes="target -> that object (its conjuncts)")
def reduced_passive_patient(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"some members backed the PKK, designated as a terrorist group by Turkey": the PKK is designated
    (``reduced_passive_agent`` gives who designated it)."""
    if not _reduced_passive(q.tok) or not _deep_agents(q.tok, f):
        return []
    head = q.tok.head
    return q.other([m for o in head.children if o.dep_ in OBJ_DEPS and o.i < q.tok.i
                    for m in f.with_conj(o) if m.actor is not None])


@object_rule("drift_partner", reads="the to/from phrase on 'closer'/'away' (closer_word) of a drift verb (drift_verb)",
             changes="target -> the actor drawn closer to or drifted away from", vocab=("drift_verb", "closer_word"))
def drift_partner(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"has drawn closer to Moscow": the parser hangs "to Moscow" on "closer", where no other rule looks."""
    if q.tok.lemma_.lower() not in w["drift_verb"]:
        return []
    for c in q.tok.children:
        if c.lower_ in w["closer_word"] | {"away"}:
            prep = "to" if c.lower_ in w["closer_word"] else "from"
            for p in (*c.children, *q.tok.children):
                if p.dep_ == "prep" and p.lower_ == prep:
                    found = q.other([m for o in p.children if o.dep_ == "pobj" for m in f.with_conj(o)
                                     if m.actor is not None])
                    if not found:
                        # "getting closer to normalising relations with Israel", "closer to a deal with X": the
                        # party of the act drawn closer to
                        found = q.other([m for o in p.children if o.dep_ in {"pobj", "pcomp"} for t in o.subtree
                                         if t.dep_ == "pobj" and t.head.lower_ in {"with", "to"}
                                         for m in f.with_conj(t) if m.actor is not None])
                    if found:
                        return found
    return []


def switch_phrases(tok: Any, prep: str) -> list[Any]:
    """The ``prep`` phrases of a switch verb: on the verb, or on its object, where the parser often hangs them
    ("switched recognition from Taiwan to China")."""
    heads = [tok, *(c for c in tok.children if c.dep_ in OBJ_DEPS)]
    return [c for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == prep]


@object_rule("switched_from", reads="the from-phrase of a switch verb (switch_verb) whose trigger asks for it, on the "
             "verb or on its object", vocab=("switch_verb",), changes="target -> the partner left (not a place)")
def switched_from(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"moved its recognition from Taipei to Beijing": the partner left is the target of the break (a
    state after "from" is otherwise read as a place)."""
    if q.wanted_prep != "from" or q.tok.lemma_.lower() not in w["switch_verb"]:
        return []
    return q.other([m for c in switch_phrases(q.tok, "from") for p in c.children
                    if p.dep_ == "pobj" for m in f.with_conj(p) if m.actor is not None])


@object_rule("switched_to", reads="the to-phrase of a switch verb (switch_verb) whose trigger asks for no 'from', on "
             "the verb or on its object", vocab=("switch_verb",), changes="target -> the partner recognised")
def switched_to(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"switched recognition from Taiwan to China": the recognition (054) goes to China; the partner inside the
    object's from-phrase is the one left (``switched_from``), not the one recognised."""
    if q.wanted_prep == "from" or q.tok.lemma_.lower() not in w["switch_verb"]:
        return []
    return q.other([m for c in switch_phrases(q.tok, "to") for p in c.children
                    if p.dep_ == "pobj" for m in f.with_conj(p) if m.actor is not None])


@object_rule("envoy_host", reads="a direct or passive-subject object that is an envoy noun (envoy_noun) standing for no "
             "other actor than the source, of an act that is no assault or coercion; the to/in/at/from phrase on it or "
             "on the trigger; a named state's envoy only for a verb of recalling (recalling_verb: who recalls an envoy "
             "sent it)", changes="target -> the country the envoy is posted to", vocab=("envoy_noun", "recalling_verb"))
def envoy_host(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"X recalled its envoys to Y and Z", "recalling its envoys from two capitals and
    Washington": recalling (or withdrawing) one's own envoy is aimed at the country the envoy is posted to, not at
    the envoy. Another actor's envoy ("expelled the French ambassador") is left to ``direct_object_actor``; so is an
    embassy stormed or diplomats arrested ("police stormed its embassy in Quito": no one storms their own; the
    owner is the target, its_asset_object)."""
    if q.etype in {"ASSAULT", "COERCE"}:
        return []
    objects = _dobjs(q) + [c for c in q.tok.children if c.dep_ == "nsubjpass"]
    for d in objects:
        if d.lemma_.lower() not in w["envoy_noun"]:
            continue
        own = f.speakers.mention_for(d)
        if own is not None and own.actor is not None and own.actor.node and own.actor.node not in q.exclude \
                and q.tok.lemma_.lower() not in w["recalling_verb"]:
            continue  # ("recalled the Thai ambassador from Phnom Penh": only a sender recalls, whoever the subject)
        # "recalled its ambassador from Algeria": the parser hangs "from" on the noun as often as on the verb
        preps = [c for c in d.children if c.dep_ == "prep" and c.lower_ in {"to", "in", "at", "from"}]
        preps += [c for c in q.tok.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "from", "in"}]
        hosts = [m for c in preps for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p)]
        found = q.other([m for m in hosts if m.actor is not None and m.actor.node])
        if found:
            return found
    return []


@object_rule("blocked_aid_hurts_its_recipient", reads="a verb of blocking (blocking_verb) whose direct object is an aid "
             "noun of the lexicon (nouns.tsv, CAMEO 07x: 'aid', 'assistance') with a to/for-phrase naming actors",
             changes="target -> those actors (the ones denied the aid), not the giver named in the object",
             vocab=("blocking_verb",))
def blocked_aid_hurts_its_recipient(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Hungary blocked EU aid to Ukraine": the one denied the aid is the one the block is aimed at (the EU, named as
    the giver, is no target of the act; the aid itself is no event: ``rules.blocked_is_not_done``)."""
    from .lexicon import load_lexicon

    if q.tok.lemma_.lower() not in w["blocking_verb"]:
        return []
    nouns = load_lexicon().nouns
    for node in _dobjs(q):
        # "blocked EU aid", "vetoed a 50 billion euro EU aid package": the object, or a compound on it, is aid
        if not any(nouns.get(t.lemma_.lower(), "").startswith("07") for t in (node, *(
                c for c in node.children if c.dep_ == "compound"))):
            continue
        # the to/for-phrase on the noun, or on the verb where the parser hangs it ("blocked EU aid to Ukraine")
        found = q.other([m for c in (*node.children, *q.tok.children) if c.dep_ == "prep" and c.lower_ in {"to", "for"}
                         for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)
                         if m.actor is not None])
        if found:
            return found
    return []


@object_rule("declared_non_grata", reads="a declaring verb (declaring_verb) followed by the words 'persona non grata'; "
             "the actors named between the verb and 'persona'", changes="target -> those actors",
             vocab=("declaring_verb",))
def declared_non_grata(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Azerbaijan declared two French embassy staff persona non grata": the staff are France's (the parser makes
    "persona" a clause and "staff" its modifier, and the target was the unresolved "non grata")."""
    tok = q.tok
    if tok.lemma_.lower() not in w["declaring_verb"]:
        return []
    doc = tok.doc
    persona = next((t for t in doc[tok.i + 1:min(len(doc), tok.i + 12)] if t.lower_ == "persona"
                    and t.i + 2 < len(doc) and doc[t.i + 1].lower_ == "non" and doc[t.i + 2].lower_ == "grata"), None)
    if persona is None:
        return []
    found: list[Mention] = []
    for t in doc[tok.i + 1:persona.i]:
        m = f.speakers.mention_at(t)
        if m is not None and m.actor is not None and m not in found:
            found.append(m)
    return q.other(found)


@object_rule("whose_object_is_the_clauses_noun", reads="a direct object of a trigger heading a relative clause "
             "(relcl) owned by 'whose' (relative_owner)",
             changes="target -> the noun the clause is on, with its conjuncts", vocab=("relative_owner",))
def whose_object_is_the_clauses_noun(q: ObjectQuery, f: ArgumentFinder,
                                     w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Hamas, whose officials Turkey has hosted for years": the officials hosted are Hamas's; "Kosovo, whose
    independence Serbia does not recognise": what is not recognised is Kosovo's (as a subject, an agent noun only:
    ``whose_agents_are_the_clauses_noun``)."""
    if q.tok.dep_ != "relcl":
        return []
    if any(_owned_by_whose(d, w) for d in _dobjs(q)):
        return q.other([m for m in f.with_conj(q.tok.head) if m.actor is not None and m.actor.node])
    return []


@object_rule("direct_object_actor", reads="the trigger's direct objects (dobj, dative, obj) and their conjuncts; "
             "for a measure or unit noun that names no actor (measure_noun, unit_noun: 'millions of barrels of Russian "
             "crude', '1.9 million barrels a day of Russian crude'), what its of-phrases count",
             vocab=("measure_noun", "unit_noun"))
def direct_object_actor(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"attacked Ukraine and Georgia": the objects that name actors.  An event noun whose own phrase names only an
    unknown ("joined Western sanctions against Russia": "Western") is left to the rules that read the noun's
    party (``light_verb_noun``: Russia)."""
    for d in _dobjs(q):
        found = q.other(f.with_conj(d))
        counted = d
        for _ in range(3):
            if found or counted.lemma_.lower() not in w["measure_noun"] | w["unit_noun"]:
                break
            # ("barrels a day of Russian crude": the of-phrase may hang on the rate's noun)
            counted = next((p for h in (counted, *(c for c in counted.children if c.dep_ == "npadvmod"))
                            for pr in h.children if pr.dep_ == "prep" and pr.lower_ == "of"
                            for p in pr.children if p.dep_ == "pobj"), counted)
            found = q.other(f.with_conj(counted))
        if found and all(m.actor is None for m in found) and d.lemma_.lower() in f.event_nouns:
            continue
        if found:
            return found
    return []


@object_rule("it_is_the_clause_above", reads="'it' or 'them' as the direct object of a verb in a clause under another "
             "(advcl, ccomp, conj, relcl) whose subject names a state or an organisation; not 'it' in a conjunct of a "
             "clause whose direct object is a thing (a noun naming no actor: 'welcomed the step, and X praised it')",
             changes="target -> that subject (and its conjuncts)")
def it_is_the_clause_above(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Israel said it was recalling its envoys, after Erdogan accused it of war crimes": the pronoun object of a
    clause told of another state's act stands for the state the clause above is about (the accusation had no
    target)."""
    pron = next((d for d in _dobjs(q) if d.lower_ in {"it", "them"}), None)
    if pron is None:
        return []
    node = q.tok
    for _ in range(4):
        if node.dep_ not in {"advcl", "ccomp", "conj", "relcl", "xcomp"} or node.head == node:
            return []
        joined = node.dep_ == "conj"
        if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in words("contrast_mark") for c in node.children):
            return []  # "X said the ruling was fair, while Iran hailed it": a contrast is on the same thing, not on X
        node = node.head
        if joined and pron.lower_ == "it" and any(
                c.dep_ in {"dobj", "obj"} and c.pos_ == "NOUN" and f.speakers.mention_at(c) is None
                for c in node.children):
            # "The PA welcomed the step, and Hamas also praised it": "it" is the thing the joined clause acts on,
            # not its subject (Hamas praised the PA)
            return []
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
            # (the clause's subjects by the subject rules: "Israel said it was recalling ...": it is Israel)
            found = [m for m in f.subjects(node, q.ctx or Context()) if m.actor is not None
                     and m.actor.kind in PARTY_KINDS]
            plural = len(found) > 1
            return q.other(found) if found and plural == (pron.lower_ == "them") else []
    return []


@object_rule("it_is_the_other_party", reads="'it' or 'them' as the direct object of a verb that makes it an agent (an "
             "of/against phrase with a gerund, or a to-infinitive: 'accused it of acting', 'urged it to act'); the "
             "last state or organisation named before it in its sentence that is not the verb's subject",
             changes="target -> that actor")
def it_is_the_other_party(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Beijing has warned Manila not to play with fire and accused it of acting as a pawn": "it" is the other party
    named before, Manila (it_is_the_clause_above finds the clause's own subject, the accuser).  Only where the
    pronoun is made an agent, which a thing cannot be ("bought the oil from Iran and sold it" is the oil's), or is
    accused of a charge ("cut ties with Israel, accusing it of genocide", "accusing its government of genocide")."""
    pron = next((d for d in _dobjs(q) if d.lower_ in {"it", "them"}), None)
    accusing = q.tok.lemma_.lower() in cue_lists()["accusing_verb"]
    if pron is None and accusing:
        # "accusing its government of genocide": the owner a pronoun names on an agent object accused ("its",
        # "their"; not on another verb's: "urged its citizens to avoid" is the urger's own)
        pron = next((c for d in _dobjs(q) if d.pos_ == "NOUN" and f.generic(d) is not None
                     for c in d.children if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
    if pron is None or q.tok.dep_ == "relcl":  # ("the group, which Chile accused it of doing": read above)
        return []
    # (the parser may hang the charge on the object: "accusing its government of genocide")
    phrases = [*q.tok.children, *(c for d in _dobjs(q) for c in d.children if accusing and c.dep_ == "prep")]
    agent = any(c.dep_ == "prep" and c.lower_ in {"of", "against"} and (accusing or any(
                    p.dep_ == "pcomp" for p in c.children))
                or c.dep_ in {"xcomp", "ccomp"} and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in phrases)
    if not agent:
        return []
    found = f.last_party_before(pron, f.subjects(q.tok, q.ctx or Context()),
                                lambda kind: kind in PARTY_KINDS)
    return q.other([found]) if found is not None else []


@object_rule("refused_acts_object", reads="a refusing verb (refusal_governor: 'declined', 'refused') with no direct "
             "object and a to-infinitive (xcomp); that infinitive's direct objects (an infinitive that is a trigger "
             "itself takes the rejection instead: refusal_is_its_act); none for a hostile infinitive ('refused to "
             "sanction Moscow': the one spared)",
             changes="target -> those actors", vocab=("refusal_governor",))
def refused_acts_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Argentina declined to join the BRICS group": the refusal is aimed at what the refused act is done to (when
    the refused verb is a trigger, as "refused to meet Putin", the rejection is coded on it with its own object:
    ``refusal_is_rejection``)."""
    if q.tok.lemma_.lower() not in w["refusal_governor"] or _dobjs(q):
        return []
    for c in q.tok.children:
        if c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
            if hostile_verb(c):
                return []  # "refused to sanction Moscow", "declined to condemn Russia": the one spared, not rejected
            found = [m for d in c.children if d.dep_ in OBJ_DEPS for m in f.with_conj(d) if m.actor is not None]
            if found:
                return q.other(found)
    return []


def hostile_verb(verb: Any) -> bool:
    """Whether the lexicon's plain pattern for ``verb`` (no particle, preposition or object) codes a hostile act
    (a negative score): "sanction", "condemn", "expel"."""
    from .lexicon import load_lexicon

    lex = load_lexicon()
    plain = [p for p in lex.verbs.get(verb.lemma_.lower(), ())
             if p.particle is None and p.prep is None and p.obj is None]
    coding = lex.coding(plain[0].cameo) if plain else None
    return coding is not None and coding.score < 0


@object_rule("helped_to_act", reads="a verb of enabling (enabling_verb: 'help', 'assist') with no direct object and "
             "a complement clause (ccomp, xcomp) with a subject of its own ('help Ukraine meet its needs')",
             changes="target -> that subject", vocab=("enabling_verb",))
def helped_to_act(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"ready to help Ukraine meet its power needs", "will not help Russia earn money": the parser makes the one
    helped the subject of the bare infinitive after it; it is the one the help is for."""
    if q.tok.lemma_.lower() not in w["enabling_verb"] or _dobjs(q):
        return []
    for c in q.tok.children:
        if c.dep_ in {"ccomp", "xcomp"}:
            subj = next((s for s in c.children if s.dep_ == "nsubj"), None)
            if subj is not None:
                found = q.other([m for m in f.with_conj(subj) if m.actor is not None])
                if found:
                    return found
    return []


@object_rule("its_counterpart_is_the_other", reads="a direct object that is a counterpart noun (counterpart_noun: "
             "'neighbour', 'rival') owned by 'its'/'their' (owner_pronoun) that stands for the subject; the last other "
             "state named before it in the sentence", changes="target -> that state",
             vocab=("counterpart_noun", "owner_pronoun"))
def its_counterpart_is_the_other(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Congo broke off relations with Rwanda, accusing its neighbour of supporting the rebels": the subject's
    neighbour is the other state the sentence names, not the subject (nor the last thing named)."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["counterpart_noun"] or not any(
                c.dep_ == "poss" and c.lower_ in w["owner_pronoun"] for c in d.children):
            continue
        sent = f.speakers.doc[f.speakers.parsed.spans[f.speakers.sent_index(d)][0]:d.i]
        for t in reversed(sent):
            m = f.speakers.mention_at(t)
            if m is not None and m.actor is not None and m.actor.kind == "state" and m.actor.node not in q.exclude:
                return [m]
    return []


@object_rule("its_asset_object", reads="a direct object that is an asset noun (owned_asset_noun: 'ships', 'airspace', "
             "'citizens') owned by 'its'/'their' (owner_pronoun); the clause's speaker, else the nearest subject "
             "before, else the last one named (as the subject rule its_agent_is_last_thing reads an owner)",
             changes="target -> that owner",
             vocab=("owned_asset_noun", "owner_pronoun", "person_owner_pronoun", "country_noun"))
def its_asset_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"the Philippines says Chinese vessels have harassed its ships", "Estonia said Russian jets violated its
    airspace": what is done to its ships is done to the Philippines, the one who says so."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["owned_asset_noun"] or not any(
                c.dep_ == "poss" and c.lower_ in w["owner_pronoun"] for c in d.children):
            continue
        poss = next(c for c in d.children if c.dep_ == "poss" and c.lower_ in w["owner_pronoun"])
        speaker = f.speakers.speaker_of_clause(q.tok)  # in what one reports, its ships are the speaker's
        owner = [speaker] if speaker is not None and speaker.actor is not None \
            else _pronoun_owner(d, poss, q.ctx or Context(), f, w)
        found = q.other([m for m in owner or [] if m.actor is not None])
        if not found and q.etype in {"ASSAULT", "COERCE"} and speaker is None:
            # "Mexico cut ties after Ecuadorian police stormed its embassy": no one storms their own; the nearest
            # subject before that is not the source
            found = _one(f._nearest_subject_before(poss, persons=poss.lower_ in w["person_owner_pronoun"],
                                                   skip=q.exclude))
        if found:
            return found
    return []


@object_rule("body_named_after_its_noun", reads="a direct object that is a body noun (body_noun: 'the bloc') right "
             "before the name of an organisation ('the regional bloc ECOWAS', which the parser may not join to it)",
             changes="target -> that organisation", vocab=("body_noun",))
def body_named_after_its_noun(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"leaving the West African regional bloc ECOWAS": the name after the body noun is the body (the parser read
    "ECOWAS" as a verb of its own)."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["body_noun"] or d.i + 1 >= len(d.doc):
            continue
        m = f.speakers.mention_at(d.doc[d.i + 1])
        if m is not None and m.actor is not None and m.actor.kind in {"igo", "organization"}:
            return q.other([m])
    return []


@object_rule("the_group_told_before", reads="a direct object that is a definite (definite_det) group noun (group_noun: "
             "'the group', 'the militia') naming no actor of its own; the last organisation or armed group named "
             "before it (as the subject rule the_group_is_last_group reads one)", changes="target -> that group",
             vocab=_DEF + ("group_noun", "armed_modifier"))
def the_group_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Washington accuses Tehran of arming and training the group": the group is the Houthis, named before."""
    for d in _dobjs(q):
        if f.speakers.mention_for(d) is None:
            found = q.other(the_group_is_last_group(d, q.ctx or Context(), f, w) or [])
            if found:
                return found
    return []


@object_rule("clause_denied_beside_it", reads="a denying verb (denial_verb) heading a relative clause (relcl) set off by "
             "a comma whose object is the relative pronoun 'which', in a claim: under an accusing verb (attribution.tsv "
             "accusing_verb) or a verb of saying, else a clause whose speaker is known; that verb's subject, else the "
             "speaker", changes="target -> the claimant", vocab=("denial_verb",))
def clause_denied_beside_it(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Western governments accuse the junta of hiring mercenaries from the Wagner Group, which Mali denies": what
    one denies is a claim, not the noun the parser hangs the clause on (the group), so the target is the claimant."""
    if not denial_beside_the_clause(q.tok):
        return []
    verb = _verb_above(q.tok.head)
    for _ in range(4):  # up through the non-finite clauses of the claim ("of hiring", "to have armed")
        if verb.lemma_.lower() in SPEECH_LEMMAS | cue_lists()["accusing_verb"]:
            return q.other([m for m in f.subjects(verb, Context()) if m.actor is not None])
        if verb.dep_ not in {"pcomp", "xcomp", "ccomp", "acl"} or verb.head == verb:
            break
        verb = _verb_above(verb.head)
    speaker = f.speakers.speaker_of_clause(verb)
    return q.other([speaker]) if speaker is not None and speaker.actor is not None else []


@object_rule("clause_judged_beside_its_date", reads="a relative clause (relcl) whose object is the relative pronoun "
             "'which', on a time (a DATE entity) of the clause above ('signed the pact in 2021, which China "
             "condemned'), or such a clause after a comma read as the verb's complement (ccomp); the subjects of that "
             "clause's verb, and the other parties of a pact it signs (pact_noun)",
             changes="target -> the author of the act told", vocab=("relative_pronoun", "pact_noun"))
def clause_judged_beside_its_date(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Morrison signed the AUKUS pact with the US and Britain in 2021, which China condemned": the parser hangs the
    clause on the year, but a year is not condemned; the act told is (it had no target)."""
    noun = q.tok.head
    if not any(d.lower_ == "which" for d in _dobjs(q)):
        return []
    if q.tok.dep_ == "relcl" and noun.ent_type_ == "DATE":
        act = _verb_above(noun)
    elif q.tok.dep_ == "ccomp" and _after_comma(q.tok) and noun.i < q.tok.i:
        act = noun  # "recognised Kosovo in 2008, which Serbia condemned", read as the verb's complement
    else:
        return []
    if act.pos_ not in {"VERB", "AUX"} or act == q.tok:
        return []
    found = [m for m in f.subjects(act, Context()) if m.actor is not None]
    # (a pact signed: its other parties too, "with the US and Britain")
    found += [m for d in act.children if d.dep_ in OBJ_DEPS and d.lemma_.lower() in words("pact_noun")
              for c in d.children if c.dep_ == "prep" and c.lower_ == "with"
              for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p) if m.actor is not None and m not in found]
    return q.other(found)


# Prepositions whose relative pronoun is a party of the clause's act ("with which", "to whom"); not a place or time
# ("in which", "after which", "at which", "on which")
_PARTY_PREPS = frozenset({"with", "to", "toward", "towards", "against", "from"})


@object_rule("relative_pronoun_object", reads="a relative pronoun (relative_pronoun: 'which', 'whom') as the direct "
             "object of a trigger heading a relative clause (relcl), or after a preposition of a party on it ('with "
             "which')", changes="target -> the noun the clause is on", vocab=("relative_pronoun",))
def relative_pronoun_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"its cooperation with Israel, which Algeria does not recognise": what the clause's verb acts on is the noun
    the clause describes (the pronoun names nothing itself); so is it in "Iran, with which Bolivia signed a pact"."""
    if q.tok.dep_ == "relcl" and any(c.dep_ == "prep" and c.lower_ in _PARTY_PREPS and c.i < q.tok.i and any(
            p.dep_ == "pobj" and p.lower_ in w["relative_pronoun"] for p in c.children) for c in q.tok.children) \
            and not any((m := f.speakers.mention_for(d)) is not None and m.actor is not None for d in _dobjs(q)):
        # (an actor as the verb's own object is the one acted on: "Chile, with which Peru expelled Bolivia's envoy")
        # (the parser may hang the clause on the phrase the noun closes: "relations with Iran, with which ...")
        before = q.tok.doc[max(q.tok.left_edge.i - 1, 0)]
        before = before.doc[before.i - 1] if before.is_punct and before.i > 0 else before
        noun = before if before.pos_ in {"PROPN", "NOUN"} and before in q.tok.head.subtree else q.tok.head
        return q.other([m for m in f.with_conj(noun, deep=True) if m.actor is not None])
    if q.tok.dep_ != "relcl" or not any(d.lower_ in w["relative_pronoun"] for d in _dobjs(q)) \
            or any(d.lower_ not in w["relative_pronoun"] for d in _dobjs(q)):
        return []  # ("the Wagner Group, which X accused it of doing": the verb's object is "it", the act is "which")
    named = [m for m in f.with_conj(q.tok.head) if m.actor is not None]
    found = q.other(named)
    if named and not found:
        # "imposed sanctions on Mali, which Bamako condemned": a state does not condemn itself; what the clause's
        # noun stands for is its act's, the imposing, so its author is the target
        return q.other(_clause_authors(q.tok.head, f))
    return found


def _clause_authors(noun: Any, f: "ArgumentFinder") -> list[Mention]:
    """The subjects of the verb whose clause holds ``noun`` ("imposed sanctions on Mali": ECOWAS)."""
    act = _verb_above(noun)
    return [m for m in f.subjects(act, Context()) if m.actor is not None] if act.pos_ in {"VERB", "AUX"} else []


@object_rule("move_set_beside_the_clause", reads="a relative clause (relcl) with a subject of its own, on an event "
             "anaphor (event_anaphor: 'a move') set beside the clause it comments on, in apposition to a noun of it or "
             "as its adverbial noun ('sent a warship, a move Venezuela condemned'); the subjects of that clause (of "
             "the clause a verb of saying reports)", changes="target -> the author of the act the move is",
             vocab=("event_anaphor", "relative_pronoun"))
def move_set_beside_the_clause(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Britain sent a warship to Guyana, a move Venezuela condemned as a provocation": the move is Britain's
    sending, so Britain is what Venezuela condemned (the relative clause names no object of its own)."""
    noun = q.tok.head
    if noun.lemma_.lower() not in w["event_anaphor"] or noun.dep_ == "pobj" or not _clause_on_its_object(q.tok, w):
        return []  # ("a move that angered Caracas": the move acts; "a move X called a breach": read as a naming)
    act = _act_the_move_is(noun)
    return q.other([m for m in f.subjects(act, Context()) if m.actor is not None]) if act is not None else []


@object_rule("claim_set_beside_the_report", reads="a relative clause (relcl) with a subject of its own, on a claim "
             "noun (claim_noun: 'a claim', 'an allegation') set off by a comma in a reported clause ('said Warsaw "
             "was preparing to annex ..., a claim Polish officials dismissed'); the speaker of that clause",
             changes="target -> the claimant", vocab=("claim_noun", "relative_pronoun"))
def claim_set_beside_the_report(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Russia said Warsaw was preparing to annex part of Ukraine, a claim Polish officials dismissed as absurd":
    what Poland dismissed is Russia's claim, so Russia is the target (a claim told by no one has no claimant)."""
    noun = q.tok.head
    if noun.lemma_.lower() not in w["claim_noun"] or not _after_comma(noun) or noun.head == noun \
            or not _clause_on_its_object(q.tok, w):
        return []
    speaker = f.speakers.speaker_of_clause(noun.head)
    return q.other([speaker]) if speaker is not None and speaker.actor is not None else []


def _act_the_move_is(noun: Any) -> Any:
    """The verb of the clause a move noun comments on: "halted trade, in a move ..." (a phrase on the verb), "sent a
    warship, a move ..." (set off by a comma: an apposition, an adverbial noun, or what the parser reads as the verb's
    second object); for a verb of saying, the clause it reports ("Turkey has suspended trade, the ministry said, in
    a move ..."); else None."""
    if noun.dep_ == "pobj":
        act = noun.head.head
    elif noun.dep_ in {"appos", "npadvmod", "dobj", "obj"} and _after_comma(noun):
        act = _verb_above(noun.head)
    else:
        return None
    if act.pos_ not in {"VERB", "AUX"}:
        return None
    if act.dep_ == "relcl" and noun.dep_ != "pobj":
        # "signed a memorandum with X that would give it access to the sea, a deal Y called ...": the parser hangs
        # the aside on the relative clause's verb; it comments on the clause the relative clause's noun is in
        up = _verb_above(act.head)
        act = up if up.pos_ in {"VERB", "AUX"} else act
    if act.lemma_.lower() in SPEECH_LEMMAS:
        act = next((c for c in act.children if c.dep_ == "ccomp"), act)
    return act


@object_rule("pact_parties", reads="a direct object that is an agreement or talks noun (pact_noun), or the act on "
             "one (pact_act), of a stance (ACCUSE, REJECT, SUPPORT, PROTEST, THREATEN); its between-phrase, else its "
             "possessor and with-phrase; for a meeting or mediation (CONSULT), or a call for talks (REQUEST: its "
             "object or for-phrase), its between-phrase only",
             changes="target -> the pact's parties other than the source")
def pact_parties(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"condemned a defence pact agreed between the governments of A, B and C": a stance on
    an agreement is a stance on its parties; "called for talks between A and B": a call on both."""
    if q.etype not in {"ACCUSE", "REJECT", "SUPPORT", "PROTEST", "THREATEN", "CONSULT", "REQUEST"}:
        return []
    objects = _measured_dobjs(q)
    if q.etype == "REQUEST":
        objects += [p for c in q.tok.children if c.dep_ == "prep" and c.lower_ == "for"
                    for p in c.children if p.dep_ == "pobj"]
    for d in objects:
        if q.etype in {"CONSULT", "REQUEST"} and not any(c.dep_ == "prep" and c.lower_ == "between"
                                                       for c in d.children):
            continue  # "brokered a truce between Israel and Hamas" (a mediation, PLOVER CONSULT): its parties
        found = q.other(f.pact_parties(d))
        if found:
            return found
    return []


@object_rule("what_the_pact_does", reads="a direct object that is an agreement noun (pact_noun) with a participle "
             "(acl, VBG) on it whose object, an act or a tie, names actors ('a declaration ending a boycott of Qatar'), "
             "for a signing or "
             "agreeing (AGREE, SUPPORT, COOPERATE)", changes="target -> the actors the participle's object names",
             vocab=("pact_noun",))
def what_the_pact_does(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"signed a declaration ending a boycott of Qatar", "signed an agreement restoring ties with Israel": the one
    the agreement's act is done to is its party."""
    if q.etype not in {"AGREE", "SUPPORT", "COOPERATE"}:
        return []
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["pact_noun"]:
            continue
        for acl in (c for c in d.children if c.dep_ == "acl" and c.tag_ == "VBG"):
            # (an act or a tie, whose party its phrase names: a place or state the act is done to is no party,
            # "signed a treaty absorbing Crimea into Russia" had been signed with Ukraine)
            found = q.other([m for o in acl.children if o.dep_ in OBJ_DEPS and (
                                 o.lemma_.lower() in f.event_nouns or o.lower_ in words("tie_antecedent"))
                             for m in f.mentions_in_np(o) + f._prep_objects(o, etype=None, wanted=None, visit=False)
                             if m.actor is not None])
            if found:
                return list(dict.fromkeys(found))
    return []


@object_rule("body_joined_as_member", reads="a verb of becoming (member_becoming_verb) whose complement (attr) is a "
             "member noun (member_noun); the complement's possessor or of/to-object",
             changes="target -> the body one became a member of", vocab=("member_becoming_verb", "member_noun"))
def body_joined_as_member(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Sweden became NATO's 32nd member", "became a member of the alliance": the body joined
    (``extract.joining_a_body``)."""
    if q.tok.lemma_.lower() not in w["member_becoming_verb"]:
        return []
    for owners in member_owners(q.tok, w["member_noun"]):
        found = q.other([m for o in owners for m in f.with_conj(o) if m.actor is not None and m.actor.node])
        if found:
            return found
    return []


def member_owners(verb: Any, member_nouns: frozenset[str]) -> list[list[Any]]:
    """For each member noun complement of ``verb`` ("became NATO's member", "a member of the alliance"), the tokens
    naming whose member: its possessor and its of/to-objects (read by ``extract.joining_a_body`` too)."""
    return [[c for c in attr.children if c.dep_ == "poss"]
            + [p for c in attr.children if c.dep_ == "prep" and c.lower_ in {"of", "to"} for p in c.children
               if p.dep_ == "pobj"]
            for attr in verb.children if attr.dep_ in {"attr", "oprd"} and attr.lemma_.lower() in member_nouns]


@object_rule("membership_organisation", reads="a direct, passive-subject or for/to object that is a membership noun "
             "(membership_noun) and the in/of/to phrase or the name on it; a joining verb (joining_verb) the trigger "
             "governs and its object", changes="target -> the organisation (or state) it is membership of",
             vocab=("membership_noun", "joining_verb"))
def membership_organisation(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"X has put its part in the alliance on hold", "suspended its membership of the council": the act is
    aimed at the body one takes part in (the phrase is skipped by the other rules as a place)."""
    nouns = _dobjs(q) + [c for c in q.tok.children if c.dep_ == "nsubjpass"]
    bid = q.etype in {"REQUEST", "AGREE"}  # "applied for NATO membership", "seek entry to the alliance"
    nouns += [p for c in q.tok.children if bid and c.dep_ == "prep" and c.lower_ in {"for", "to"} for p in c.children
              if p.dep_ == "pobj"]
    for d in nouns:
        if d.lemma_.lower() not in w["membership_noun"]:
            continue
        found = q.other([m for c in d.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "to"}
                         for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)
                         if m.actor is not None and m.actor.node])
        found = found or q.other([m for c in d.children if c.dep_ in {"compound", "amod", "nmod"}
                                  if (m := f.speakers.mention_at(c)) is not None and m.actor is not None
                                  and m.actor.node])
        if found:
            return found
    # "applied to join NATO": the body joined
    for c in q.tok.children:
        if bid and c.dep_ == "xcomp" and c.lemma_.lower() in w["joining_verb"]:
            found = q.other([m for o in c.children if o.dep_ in OBJ_DEPS for m in f.with_conj(o)
                             if m.actor is not None and m.actor.node])
            if found:
                return found
    return []


@object_rule("membership_named_before", reads="a bare membership noun (membership_noun: no modifier, no phrase) as "
             "object, or for/to object of a bid (REQUEST, AGREE); a membership noun earlier in the sentence and the "
             "organisation named on it", changes="target -> that organisation", vocab=("membership_noun",))
def membership_named_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"X chose to seek NATO membership one day after Y said it would also apply for membership": the
    second, bare "membership" is membership of the organisation the sentence named with the first."""
    bid = q.etype in {"REQUEST", "AGREE"}
    nouns = _dobjs(q) + [p for c in q.tok.children if bid and c.dep_ == "prep" and c.lower_ in {"for", "to"}
                         for p in c.children if p.dep_ == "pobj"]
    for d in nouns:
        if d.lemma_.lower() not in w["membership_noun"] or any(
                c.dep_ in {"compound", "amod", "nmod", "poss", "prep"} for c in d.children):
            continue
        sent = d.sent
        for t in reversed(d.doc[sent.start:d.i]):
            if t.lemma_.lower() not in w["membership_noun"]:
                continue
            named = [m for c in t.children if c.dep_ in {"compound", "nmod", "amod"}
                     if (m := f.speakers.mention_at(c)) is not None]
            named += [m for c in t.children if c.dep_ == "prep" and c.lower_ in {"in", "of", "to"}
                      for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)]
            found = q.other([m for m in named if m.actor is not None and m.actor.node and m.actor.kind != "state"])
            if found:
                return found
    return []


@object_rule("bare_ties_are_with_the_pair", reads="a direct object that is a bare tie noun (bare_tie_noun: 'cut ties', "
             "'downgraded relations'; no modifier naming an actor, no with/between/to phrase); the pair of states "
             "the article tells most", changes="target -> the other of that pair, when the source is one of it",
             vocab=("bare_tie_noun",))
def bare_ties_are_with_the_pair(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Saudi Arabia and Iran traded accusations. Riyadh cut ties in 2016": the ties are with the other of the pair
    the article is about (the cut had no target); a source outside that pair gets none (whose ties, the text does
    not say)."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["bare_tie_noun"] and d.lower_ not in w["bare_tie_noun"]:
            continue
        if any(c.dep_ == "prep" and c.lower_ in {"with", "between", "to"} for c in (*d.children, *q.tok.children)) \
                or any(c.dep_ in {"poss", "compound", "amod", "nmod"} and f.speakers.mention_at(c) is not None
                       for c in d.children):
            continue
        pair = f.speakers.pair_of_states(d.idx)
        nodes = [m.actor.node if m.actor is not None else None for m in pair]
        if len(pair) == 2 and q.exclude and any(n in q.exclude for n in nodes):
            return [m for m, n in zip(pair, nodes) if n not in q.exclude and n is not None]
    return []


@object_rule("generic_object", reads="a direct object that is an agent noun (agents.tsv) and no event noun, for an "
             "event type that does not convey its object (CONVEYED_OBJECT_TYPES), and not the source's own "
             "(possessive_self: 'its ambassador') unless several sources' own envoys (posted_envoy_noun: 'their "
             "ambassadors'); an actor in its of-phrase ('the government of Peru'), a state in a government's "
             "in-phrase ('the government in Tripoli')", vocab=("posted_envoy_noun",),
             changes="target -> the actor of its of-phrase, else the unnamed agent (a sector, no country)")
def generic_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"police arrested protesters": an unnamed party; "mobilized army reservists" conveys them, no target.  The
    source's own ("recalled its ambassador", "reopened their embassies") is no other party."""
    if q.etype in CONVEYED_OBJECT_TYPES:
        return []
    mutual = words("reciprocal_pronoun")
    for d in _dobjs(q):
        if any(c.dep_ == "poss" and c.lower_ in words("possessive_self") for c in d.children):
            own = f.generic(d) if len(q.exclude) > 1 and d.tag_ == "NNS" \
                and d.lemma_.lower() in w["posted_envoy_noun"] else None
            # "Chile and Belize recalled their ambassadors": each its own, from a state the clause does not name;
            # kept as the unnamed agent, so that the co-sources are not read as each other's parties (a mutual
            # act, as "A and B cut ties"; store/pairs.py gives no pair for a named, unresolved target)
            if own is not None:
                return [own]
            continue
        if any(t.i > 0 and f"{t.nbor(-1).lower_} {t.lower_}" in mutual for t in d.subtree if t.i < d.i):
            continue  # "expelled each other's diplomats": the sources' own (each_other_is_the_sources pairs them)
        generic = f.generic(d)
        if generic is not None and d.lemma_.lower() not in f.event_nouns:
            # "criticised the government of Peru": the agent's owner named in its of-phrase (as for a subject,
            # agent_noun_subject), else the unnamed agent
            owner, at = f._closest_in_np(d, frozenset(), False) \
                if any(c.dep_ == "prep" and c.lower_ == "of" for c in d.children) else (None, None)
            if owner is None and generic.actor is not None and generic.actor.sector == "GOV":
                # "to support the government in Tripoli", "the authorities in Kabul": the state it governs
                # (the parser may hang the in-phrase on the verb, right after the object)
                preps = [c for c in d.children if c.dep_ == "prep"] + [
                    c for c in q.tok.children if c.dep_ == "prep" and c.i == d.right_edge.i + 1]
                owner = next((m for c in preps if c.lower_ == "in" for p in c.children
                              if p.dep_ == "pobj" and (m := f.speakers.mention_for(p)) is not None
                              and m.actor is not None and m.actor.kind == "state"), None)
            if owner is not None and owner.actor is not None and not (owner.actor.node in q.exclude):
                # "summoned the leaders of Serbia and Kosovo": every conjunct of the owner
                more = f.with_conj(at) if at is not None and at.dep_ == "pobj" and at.conjuncts else []
                return [owner] + [m for m in more if m.actor is not None and m.actor.node != owner.actor.node
                                  and m.actor.node not in q.exclude]
            return [generic]
    return []


@object_rule("event_object_author", reads="a direct object that is an event noun (nouns.tsv, relation_cues.tsv) and "
             "its possessor, compound or by/from phrase", changes="target -> the author of that act")
def event_object_author(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"rejected calls by Belarus's rulers", "dismissed an appeal from President Gbagbo": the author of the rejected
    or answered act is the target."""
    for d in _dobjs(q):
        if d.lemma_.lower() in f.event_nouns:
            author = f._event_author(d)
            if author is not None and not (author.actor and author.actor.node in q.exclude):
                return [author]
    return []


@object_rule("hostile_act_author", reads="a direct object, or a conjunct of it, that is a hostile-act noun "
             "(hostile_act_noun); its possessor, compound or by/from phrase, or a by/from phrase in a clause on it",
             changes="target -> the author of the act", vocab=("hostile_act_noun",))
def hostile_act_author(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"do not want the intimidation we now face from Beijing", "will not tolerate Russia's interference": the one
    whose act it is (``extract.unwanted_hostile_act``), also when a relative clause says where it comes from."""
    for d in _dobjs(q):
        for n in (d, *d.conjuncts):
            if n.lemma_.lower() not in w["hostile_act_noun"]:
                continue
            author = f._event_author(n) or _author_in_clause(n, f)
            if author is not None and not (author.actor and author.actor.node in q.exclude):
                return [author]
    return []


def _author_in_clause(noun: Any, f: ArgumentFinder) -> Mention | None:
    """The actor of a by/from phrase in a relative or participial clause on ``noun`` ("the intimidation that we
    face from Beijing"): its object, or the subject of a gerund the parser hangs on the preposition ("from Beijing
    going on in the region")."""
    for clause in (c for c in noun.children if c.dep_ in {"relcl", "acl"}):
        for prep in (t for t in clause.subtree if t.dep_ in {"prep", "agent"} and t.lower_ in {"by", "from"}):
            for p in prep.children:
                head = p if p.dep_ == "pobj" else next(
                    (s for s in p.children if s.dep_ == "nsubj"), None) if p.dep_ == "pcomp" else None
                m = f.speakers.mention_for(head) if head is not None else None
                if m is not None and m.actor is not None:
                    return m
    return None


@object_rule("body_that_meets", reads="a direct object that is a gathering noun (gathering_noun) and its of-phrase "
             "naming an organisation", changes="target -> the organisation whose gathering it is",
             vocab=("gathering_noun",))
def body_that_meets(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"boycotted the bloc's sessions", "stayed away from the summit of the alliance": attending, skipping or
    boycotting a body's gathering is done towards that body (a state in the of-phrase is left alone: "meetings of
    Russia and China" are no body's)."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["gathering_noun"]:
            continue
        found = [m for c in d.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" for m in f.with_conj(p)
                 if m.actor is not None and m.actor.node and m.actor.kind in {"igo", "organization"}]
        found = q.other(found)
        if found:
            return found
    return []


@object_rule("clausal_target", reads="the subject of a that-clause (ccomp) of a trigger whose type takes one "
             "(CLAUSAL_TARGET_TYPES)", changes="target -> the one asked or accused")
def clausal_target(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"demanded that the US cancel ...", "urged that Hamas renounce ...": the one asked is the target."""
    if q.etype not in CLAUSAL_TARGET_TYPES:
        return []
    for c in q.tok.children:
        if c.dep_ == "ccomp":
            for s in c.children:
                if s.dep_ in {"nsubj", "nsubjpass"}:
                    found = q.other(f.with_conj(s))
                    if found:
                        return found
    return []


@object_rule("complaint_object", reads="a complaint noun (complaint_noun) as the trigger or its object; its "
             "that-clause's subject or over/at/with/about phrase", changes="target -> the actor complained of")
def complaint_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"voiced disappointment that China did not condemn ...": the actor the complaint is about
    (``ArgumentFinder.complaint_target``)."""
    return q.other(f.complaint_target(q.tok, q.ctx))


@object_rule("border_partner", reads="a direct object that is a border noun (border_noun: 'border', 'frontier') "
             "with a with-phrase ('closed its border with Belarus'), or a between-phrase", changes="target -> the "
             "state on the other side", vocab=("border_noun",))
def border_partner(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Lithuania closed its border with Belarus", "sealed the frontier between A and B": what is done to a shared
    border is done to the state across it (the act had no target)."""
    for d in _dobjs(q):
        if d.lemma_.lower() not in w["border_noun"]:
            continue
        # (the parser may hang the phrase on the verb, right after the object)
        preps = [c for c in d.children if c.dep_ == "prep"] + [
            c for c in q.tok.children if c.dep_ == "prep" and c.i == d.right_edge.i + 1]
        found = [m for c in preps if c.lower_ in {"with", "between"}
                 for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p) if m.actor is not None]
        found = q.other(found)
        if found:
            return found
    return []


@object_rule("preposition_object", reads="the objects of the trigger's prepositions: the lexicon pattern's, then the "
             "typed fallbacks (TARGET_PREPS), 'in' for visits; places are no parties (is_location)")
def preposition_object(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"appealed to Turkey", "signed a deal with Iran", "flew into Moscow for talks"; "mediate between the two
    countries" said by two states is the pair told most other than they (Speakers.pair_of_states)."""
    found = q.other(f._prep_objects(q.tok, etype=q.etype, wanted=q.wanted_prep, visit=q.visit))
    venues = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in q.tok.children
              if c.dep_ == "prep" and c.lower_ in {"at", "before"}]
    if found and venues and all(any(lo <= m.start < hi for lo, hi in venues) for m in found) and any(
            c.dep_ == "prep" and c.lower_ in {"against", "with", "on"} and any(
                p.dep_ == "pobj" and f.with_conj(p) for p in c.children) for d in _dobjs(q) for c in d.children):
        # "filed a complaint against Warsaw at the WTO", "filed a case against China at the WTO": where the act is
        # lodged is no party when its object names its own (light_verb_noun, event_object_author)
        return []
    if found and any(d.lemma_.lower() in f.event_nouns or d.lower_ in words("tie_antecedent") for d in _dobjs(q)):
        # "joined sanctions against Russia over its invasion of Ukraine": what the act is about (issue_prep) names
        # no party when its event noun object names its own (light_verb_noun: Russia); so for ties ("cut ties
        # with Morocco over the Western Sahara" had been cut with the Sahara)
        issues = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge)) for c in q.tok.children
                  if c.dep_ == "prep" and c.lower_ in words("issue_prep")]
        if issues and all(any(lo <= m.start < hi for lo, hi in issues) for m in found):
            return []
    if found or not q.exclude:
        return found
    pairs = [p for c in q.tok.children if c.dep_ == "prep" for p in c.children
             if p.dep_ == "pobj" and pair_reference(p) is False]
    return q.other(f.speakers.pair_of_states(pairs[0].idx, exclude=q.exclude)) if pairs else []


@object_rule("light_verb_noun", reads="an event noun object, or 'with' object, of the trigger (nouns.tsv, or a tie "
             "noun, tie_antecedent) and its prepositions; else an actor inside a direct object's phrase")
def light_verb_noun(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"held a phone call with Putin", "continue with an offensive against Hamas": the event noun's party; else an
    actor named inside the object ("seized a tanker of Iran's")."""
    dobjs = _measured_dobjs(q)
    nouns = dobjs + [p for c in q.tok.children if c.dep_ == "prep" and c.lower_ == "with" for p in c.children
                     if p.dep_ == "pobj"]
    if q.wanted_prep == "for":
        # "arrived in Cairo for talks with Sisi": the lexicon pattern's purpose phrase ("arrive for talk") holds the
        # event noun whose party is the target (not a summit's "with the mediation of" a third party: a venue's
        # with-phrase is no partner)
        nouns += [p for c in q.tok.children if c.dep_ == "prep" and c.lower_ == "for" for p in c.children
                  if p.dep_ == "pobj" and (p.lemma_.lower() in f.event_nouns or p.lower_ in f.event_nouns)]
    ties = words("tie_antecedent")
    unwanted = refuses_to_bear(q.tok)
    for d in nouns:
        if unwanted and d.lemma_.lower() in words("hostile_act_noun"):
            # "will not allow any threat to Somalia's security": the one threatened is protected, not the target
            # (the act's author is: hostile_act_author)
            continue
        # "ties": lemma "tie"; "upgraded relations with Israel": "relations" is no cue (neutral), but a tie noun
        if d.lemma_.lower() in f.event_nouns or d.lower_ in f.event_nouns or d.lower_ in ties:
            # a tie's partner is its with-phrase, before what it is about ("cuts ties with Israel over Gaza war")
            wanted = "with" if d.lower_ in ties else None
            # (what ties are broken over is no partner: "broke off relations in 2009 over an earlier Gaza offensive"
            # had been broken with Palestine; a tie's prepositions are a partner's, as a meeting's are)
            etype = "CONSULT" if d.lower_ in ties else f.noun_types.get(d.lemma_.lower())
            found = q.other(f._prep_objects(d, etype=etype, wanted=wanted, visit=q.visit))
            if found:
                return found
            # "welcomed the normalisation between A and B", "the restoration of ties between A and B": an act
            # between two is done by both, and what is done to it (welcomed, condemned) is done to both
            # (a pact noun's between-phrase is the rule pact_parties')
            found = q.other(_between_pair(d, f)) if d.lemma_.lower() not in words("pact_noun") else []
            if found:
                return found
            if d.lower_ in ties and d.dep_ in OBJ_DEPS:
                # "cut ties with Kenya last December": the parser hangs the tie's with-phrase on the verb
                found = q.other([m for c in q.tok.children if c.dep_ == "prep" and c.lower_ == "with"
                                 for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)])
                if found:
                    return found
            for o in _of_objects(d):
                # "signed a memorandum of understanding with X", "held a round of talks with X": the party hangs on
                # the of-object
                found = q.other(f._prep_objects(o, etype=f.noun_types.get(d.lemma_.lower()), wanted=None,
                                                visit=q.visit))
                if found:
                    return found
            if q.etype in {"REQUEST", "COERCE", "SANCTION"} and d.dep_ in OBJ_DEPS:
                # "demanded the withdrawal of French troops", "called for the release of the Israeli hostages": what
                # is asked for is asked of the party its of-phrase names (not so for a condemnation: "the
                # invasion of Ukraine" is not Ukraine's); "ordered the expulsion of Argentine diplomats": a hostile
                # act done through its noun is done to the one its of-phrase names
                found = q.other([m for c in d.children if c.dep_ == "prep" and c.lower_ == "of"
                                 for p in c.children if p.dep_ == "pobj"
                                 for m in f.mentions_in_np(p, event_nouns=f.event_nouns)])
                if found:
                    return found
            continue
        if d.dep_ in OBJ_DEPS:
            if any(p.lower_ in ties or p.lemma_.lower() in f.event_nouns for p in _of_objects(d)):
                # "welcomed the restoration of ties between A and B": the act on the ties is between the two
                found = q.other(_between_pair(d, f))
                if found:
                    return found
            found = q.other(f.mentions_in_np(d, event_nouns=f.event_nouns))
            if not found:
                # "suspended exports to and imports from Israel", "halted exports and imports from Israel": an object
                # naming no one shares the party its conjunct's phrase names
                found = q.other([m for c in d.conjuncts if c.pos_ == "NOUN"
                                 for m in f.mentions_in_np(c, event_nouns=f.event_nouns)])
            if not found and q.etype in WITH_OBJECT_TYPES:
                # "signed a declaration with Russia", "reached an understanding with X": the partner of the thing
                # done together (a with-phrase is no part of the noun's own phrase for mentions_in_np)
                found = q.other([m for c in d.children if c.dep_ == "prep" and c.lower_ == "with"
                                 for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p)
                                 if m.actor is not None])
            if found:
                return found
    return []


def _between_pair(noun: Any, f: ArgumentFinder) -> list[Mention]:
    """The actors of a between-phrase on ``noun`` or on its of-object ("the normalisation between A and B", "the
    restoration of ties between A and B"): an act between two is done by both, and what is done to it (welcomed,
    condemned) is done to both."""
    return [m for n in (noun, *_of_objects(noun)) for c in n.children if c.dep_ == "prep" and c.lower_ == "between"
            for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True) if m.actor is not None]


def _of_objects(noun: Any) -> list[Any]:
    """The objects of ``noun``'s of-phrases ("the restoration of [ties]")."""
    return [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]


def own_forces_ordered(verb: Any, agents: dict[str, str]) -> Any:
    """The object of an ordering verb (ordering_verb: "ordered police to expel the ambassador", "ordered the army to
    attack", "ordered its troops to withdraw") that is the orderer's own armed or police forces: an agent noun
    (``agents``) of sector MIL or COP with no modifier naming whose ("French troops" are left alone), when a verb
    complement (xcomp) tells what they are to do; else None."""
    if verb.lemma_.lower() not in words("ordering_verb") \
            or not any(c.dep_ == "xcomp" and c.pos_ == "VERB" for c in verb.children):
        return None
    return next((o for o in verb.children if o.dep_ in {"dobj", "obj"} and o.pos_ == "NOUN"
                 and agents.get(o.lemma_.lower(), agents.get(o.lower_)) in {"MIL", "COP"}
                 and not any(c.dep_ in {"amod", "compound", "poss", "nmod"} and c.pos_ in {"ADJ", "PROPN", "NOUN"}
                             for c in o.children)), None)


def absolute_with(prep: Any) -> bool:
    """"welcomed the summit, with Biden calling it a step": a with-phrase whose object acts in a participle of its own
    (the parser hangs the participle on "with" as pcomp) is a clause of circumstance, and its object is no party of
    the noun or verb it hangs on. (A participle on the object itself, "talks with rebels fighting the army", is a
    reduced relative clause: the rebels stay the partner; "talks with visiting Foreign Minister X" is no clause.) Nor
    is a with-phrase of accompaniment ("together with Egypt": accompaniment_word) a partner, nor one of presence ("with
    Lula's representative present": presence_word)."""
    if prep.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ in words("accompaniment_word")
                                     for c in prep.children):
        return True  # "negotiated the release of hostages, together with Egypt": a co-actor (Egypt was the target)
    if (prep.lower_ in words("accompaniment_word") or prep.lower_ == "with" and prep.i > 0
            and prep.doc[prep.i - 1].lower_ in words("accompaniment_word")) and any(
            t.ent_type_ in {"NORP", "GPE", "ORG", "PERSON"} for c in prep.children if c.dep_ == "pobj"
            for t in (c, *c.lefts)):
        # "Eritrean troops fought alongside Ethiopian forces": an ally (it had been fought against); not a thing
        # given with another ("provide ammunition alongside humanitarian assistance to Turkey")
        return True
    if prep.lower_ == "with" and any(c.dep_ == "pobj" and (c.lower_ in words("presence_word") or any(
            g.dep_ in {"amod", "acl", "advmod"} and g.lower_ in words("presence_word") for g in c.children))
            for c in prep.children):
        return True  # "agreed to meet, with Lula's representative present": a witness (Brazil was the partner)
    # ("agree with what Republicans were proposing": a free relative with a finite auxiliary is what is agreed with)
    return prep.lower_ == "with" and any(c.dep_ == "pcomp" and c.tag_ in {"VBG", "VBN"}
                                         and c.lower_ not in words("attributive_participle")
                                         and not any(g.dep_ in {"aux", "auxpass"} and g.lower_ != "to"
                                                     for g in c.children) for c in prep.children)


# Event types whose object's with-phrase names the partner ("signed a declaration with X")
WITH_OBJECT_TYPES = frozenset({"SUPPORT", "AGREE", "COOPERATE", "CONSULT"})


def report_named_ahead(judged: Any, verb: Any, f: ArgumentFinder) -> list[Mention]:
    """The rule ``fronted_naming_names_the_report`` (an object-stage rule read by ``ArgumentFinder.evaluation``)."""
    if not enabled("fronted_naming_names_the_report", f.disabled):
        return []
    return _report_named_ahead(judged, verb, f, words("thing_pronoun") | words("definite_det"))


def _report_named_ahead(judged: Any, verb: Any, f: ArgumentFinder, pronouns: frozenset[str]) -> list[Mention]:
    if judged.lower_ not in pronouns or verb.dep_ != "advcl" or verb.i > verb.head.i:
        return []
    out: list[Mention] = []
    for clause in verb.head.children:
        if clause.dep_ != "ccomp":
            continue
        for s in clause.children:
            if s.dep_ in {"nsubj", "nsubjpass", "csubj"}:
                out.extend(m for m in f.with_conj(s, deep=True)
                           if m.actor is not None and m.actor.node and m not in out)
    return out


@object_rule("pact_told_before", reads="a direct object, or the object of the trigger's own preposition, that is a "
             "pact noun (pact_noun) with a definite determiner (definite_det) and no party named in its phrase; the "
             "parties of the last agreement signed in the article (Context.last_pact)",
             changes="target -> those parties (the source's own node left out)", vocab=("pact_noun", "definite_det"))
def pact_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Moscow and Pyongyang signed a defence treaty. Seoul said it was deeply concerned about the treaty",
    "Tokyo criticised the pact": a bare "the treaty" is the agreement told before, and what is said of it is said
    of its parties (a pact whose phrase names a party is read by the rules above)."""
    return _parties_told_before(q, f, w["pact_noun"], w["definite_det"], q.ctx.last_pact if q.ctx else ())


@object_rule("exercise_told_before", reads="a direct object, or the object of the trigger's own preposition, that is "
             "an exercise noun (exercise_noun) with a definite determiner (definite_det) and no party named in its "
             "phrase; the parties of the last military exercise told in the article (Context.last_exercise)",
             changes="target -> those parties (the source's own node left out)",
             vocab=("exercise_noun", "definite_det"))
def exercise_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"South Korea, the United States and Japan staged a joint air exercise. North Korea condemned the drills": a
    bare "the drills" are the exercise told before, and its parties are what is condemned."""
    return _parties_told_before(q, f, w["exercise_noun"], w["definite_det"], q.ctx.last_exercise if q.ctx else ())


def _parties_told_before(q: ObjectQuery, f: ArgumentFinder, nouns_of: frozenset[str], definite: frozenset[str],
                         parties: tuple[Mention, ...]) -> list[Mention]:
    """``parties`` for a direct object, or an object of the trigger's own preposition, that is one of ``nouns_of``
    with a definite determiner and no party named in its phrase; else nothing."""
    if not parties:
        return []
    nouns = _dobjs(q) + [p for c in q.tok.children if c.dep_ in {"prep", "agent"}
                         and (q.wanted_prep is None or c.lower_ == q.wanted_prep)
                         for p in c.children if p.dep_ == "pobj"]
    for n in nouns:
        if n.lemma_.lower() not in nouns_of or not any(c.dep_ == "det" and c.lower_ in definite for c in n.children):
            continue
        if any(c.dep_ in {"poss", "prep", "compound", "nmod", "appos"} and any(
                f.speakers.mention_at(t) is not None for t in c.subtree) for c in n.children):
            return []  # a party is named in its phrase: not a bare reference back
        if any(c.dep_ in {"relcl", "acl"} and any(
                p.dep_ == "prep" and p.lower_ in {"with", "between"} and any(
                    f.speakers.mention_at(t) is not None for t in p.subtree) for p in c.children) for c in n.children):
            return []  # "the deals he signed with Beijing": its clause names its party (it was the pact told before)
        if any((c.ent_type_ == "DATE" and c.pos_ != "ADJ") or c.dep_ == "nummod" for c in n.children):
            # "brokered the 2020 ceasefire": a pact of its own time, not the one just told ("the annual drills" are
            # the ones told: a word of frequency dates nothing)
            return []
        return q.other(list(parties))
    return []


@object_rule("remarks_told_before", reads="a direct object that is a word for what was said (said_noun: 'the remarks', "
             "'the comments') with a definite determiner (definite_det) and no party named in its phrase, or such a "
             "judged noun (ArgumentFinder.evaluation); the last person named as speaking before it",
             changes="target -> that speaker", vocab=("said_noun", "definite_det"))
def remarks_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"MBS said his country was getting closer to a deal. Netanyahu welcomed the remarks": what is welcomed or
    rejected is the word of the one who spoke it (the remarks had no author, so the welcome had no target)."""
    # "Putin's remarks", "the remarks by X", "the remarks he made": read elsewhere
    d = _bare_definite_object(q, w["said_noun"], w["definite_det"], _SAID_NAMED)
    speaker = f.speakers.last_speaker_before(d.idx) if d is not None else None
    return q.other([speaker]) if speaker is not None and speaker.actor is not None else []


def remarks_judged(noun: Any, f: ArgumentFinder, own: frozenset[str]) -> list[Mention]:
    """The rule ``remarks_told_before`` for a judged noun (``ArgumentFinder.evaluation``): "called the comments
    imprudent" judges the word of the one who spoke it, unless that is the judge."""
    if not enabled("remarks_told_before", f.disabled) \
            or not _definite_of(noun, words("said_noun"), words("definite_det")) or not _bare(noun, _SAID_NAMED):
        return []
    said = f.speakers.last_speaker_before(noun.idx)
    return [said] if said is not None and said.actor is not None and said.actor.node not in own else []


def _definite_of(noun: Any, nouns: frozenset[str], definite: frozenset[str]) -> bool:
    """Whether ``noun`` is one of ``nouns`` with a definite determiner ("the decision", "this move")."""
    return noun.lemma_.lower() in nouns and any(c.dep_ == "det" and c.lower_ in definite for c in noun.children)


def _bare(noun: Any, named: set[str] | frozenset[str]) -> bool:
    """Whether nothing in ``noun``'s phrase (children of the ``named`` dependencies) says whose it is (an as-phrase
    says what it is: "rejected the allegations as absurd", the parser hanging it on the noun)."""
    # (a relative clause set off by a comma describes the noun, "these comments, which are contrary to ...": it
    # names no author as "the remarks he made" does)
    return not any(c.dep_ in named and not (c.dep_ == "prep" and c.lower_ == "as")
                   and not (c.dep_ == "relcl" and c.left_edge.i > 0 and noun.doc[c.left_edge.i - 1].text == ",")
                   for c in noun.children)


def _bare_definite_object(q: ObjectQuery, nouns: frozenset[str], definite: frozenset[str],
                          named: set[str]) -> Any:
    """The first direct object of ``q`` that is one of ``nouns`` with a definite determiner, when nothing in its
    phrase (children of the ``named`` dependencies) says whose it is; else None."""
    for d in _dobjs(q):
        if _definite_of(d, nouns, definite):
            return d if _bare(d, named) else None
    return None


def told_before(noun: Any, ctx: Context | None, f: ArgumentFinder, own: frozenset[str]) -> list[Mention]:
    """The author of what a judged noun refers back to (``ArgumentFinder.evaluation``), by the object rules that
    read such nouns as objects: an attack (``attack_told_before``), a move (``move_told_before``), words spoken
    (``remarks_told_before``); none of the judge's own nodes (``own``)."""
    for found in (last_attack_for(noun, ctx, f), move_judged(noun, ctx, f, own), remarks_judged(noun, f, own),
                  act_judged(noun, ctx, f, own), pact_judged(noun, ctx, f, own)):
        if found:
            return found
    return []


def pact_judged(noun: Any, ctx: Context | None, f: ArgumentFinder, own: frozenset[str]) -> list[Mention]:
    """The rule ``pact_told_before`` for a judged noun (``ArgumentFinder.evaluation``): "Chile and Peru agreed to
    restore ties. Bolivia called the deal a dangerous development" judges the agreement told before, so its parties
    are the target (none of ``own``)."""
    if ctx is None or not ctx.last_pact or not enabled("pact_told_before", f.disabled) \
            or noun.lemma_.lower() not in words("pact_noun") \
            or not any(c.dep_ == "det" and c.lower_ in words("definite_det") for c in noun.children):
        return []
    if any(f.speakers.mention_at(t) is not None for c in noun.children if c.dep_ != "det" for t in c.subtree):
        return []  # "the Chinese deal", "the deal with Iran": the phrase names its own parties
    return [m for m in ctx.last_pact if m.actor is not None and m.actor.node and m.actor.node not in own]


def act_judged(noun: Any, ctx: Context | None, f: ArgumentFinder, own: frozenset[str]) -> list[Mention]:
    """The rule ``act_told_before`` for a judged noun (``ArgumentFinder.evaluation``): "called the expulsions an
    unfriendly step" judges the expulsions told before, so their author is the target (none of ``own``)."""
    code = told_act_code(noun)
    if ctx is None or not ctx.acts or code is None or not enabled("act_told_before", f.disabled):
        return []
    return [m for m in last_act_of(code, ctx, words("unspecific_root"))
            if m.actor is not None and m.actor.node and m.actor.node not in own]


# CAMEO roots of an attack (unconventional violence, assault, fight, mass violence): what "the strike" refers to
ATTACK_ROOTS = frozenset({"18", "19", "20"})


def last_attack_for(noun: Any, ctx: Context | None, f: ArgumentFinder) -> list[Mention]:
    """The rule ``attack_told_before`` on one noun (also read by ``ArgumentFinder.evaluation``)."""
    if ctx is None or not ctx.last_attack or not enabled("attack_told_before", f.disabled):
        return []
    from .lexicon import load_lexicon

    code = load_lexicon().nouns.get(noun.lemma_.lower())
    if code is None or code[:2] not in ATTACK_ROOTS or noun.lemma_.lower() in words("conflict_noun") or not any(
            c.dep_ == "det" and c.lower_ in words("definite_det") for c in noun.children):
        return []
    if any(c.dep_ in {"poss", "compound", "amod", "nmod", "prep"} and any(
            f.speakers.mention_at(t) is not None for t in c.subtree) for c in noun.children):
        return []  # "Israel's strike", "the strike on Syria": the phrase says whose, or on whom, itself
    return list(ctx.last_attack)


# The event types of a verb that judges or answers an act named as its object ("condemned the expulsion")
_JUDGING_TYPES = frozenset({"ACCUSE", "SUPPORT", "REJECT", "PROTEST"})


@object_rule("act_told_before", reads="a direct object that is an event noun of the lexicon (nouns.tsv: 'the "
             "expulsion', 'the annexation') with a definite determiner (definite_det) and no actor in its phrase, "
             "no event anaphor (event_anaphor) and no attack (attack_told_before reads those); the sources of the "
             "last act told before with the noun's CAMEO code (its first three digits), else its root (not a "
             "comment, an appeal or an expression of support: unspecific_root); for a verb that judges or answers "
             "(ACCUSE, SUPPORT, REJECT, PROTEST)", changes="target -> those sources",
             vocab=("definite_det", "event_anaphor", "unspecific_root"))
def act_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Lithuania expelled a Belarusian diplomat ... Russia condemned the expulsion": what is condemned is the act
    told before, so its author is the target (as ``move_told_before`` reads "the decision")."""
    if q.ctx is None or not q.ctx.acts or q.etype not in _JUDGING_TYPES:
        return []  # "make the arrest": a light verb's object is its own act, not one told before
    for d in _dobjs(q):
        code = told_act_code(d)
        if code is not None and code[:2] == "11":
            # "X, accused by Y of arming Z, has denied the charge": the accusation told in the trigger's own sentence
            # (the last one of earlier sentences was someone else's)
            found = _accuser_before(q.tok, f)
            if found:
                return q.other(found)
        found = last_act_of(code, q.ctx, w["unspecific_root"]) if code is not None else []
        if found:
            return q.other(found)
    return []


def _accuser_before(tok: Any, f: ArgumentFinder) -> list[Mention]:
    """Who accuses in ``tok``'s sentence before it: the by-agent of a participle of accusing ("accused by Y of ..."),
    or the subject of a verb of accusing."""
    from .attribution import cue_lists

    accusing = cue_lists()["accusing_verb"]
    lo, _ = f.speakers.parsed.spans[f.speakers.sent_index(tok)]
    for verb in tok.doc[lo:tok.i]:
        if verb.lemma_.lower() not in accusing or verb.pos_ not in {"VERB", "AUX"}:
            continue
        agents = [p for a in verb.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"]
        agents += [c for c in verb.children if c.dep_ == "nsubj"]
        found = [m for a in agents for m in f.with_conj(a) if m.actor is not None]
        if found:
            return found
    return []


def told_act_code(noun: Any) -> str | None:
    """The CAMEO code of ``noun`` when it names, bare and definite, an act of a kind told before ("the expulsion",
    "the annexation": nouns.tsv), or None: not an event anaphor ("the move": ``move_told_before``), not an attack
    ("the strike": ``attack_told_before``), nor a noun whose own phrase names its author (rule act_told_before, and
    ``act_judged`` for a judged noun)."""
    from .lexicon import load_lexicon

    lemma = noun.lemma_.lower()
    code = load_lexicon().nouns.get(lemma)
    if code is None or lemma in words("event_anaphor") or code[:2] in ATTACK_ROOTS \
            or not _definite_of(noun, frozenset({lemma}), words("definite_det")) or not _bare(noun, _MOVE_NAMED):
        return None
    return code


def last_act_of(code: str, ctx: Context, unspecific: frozenset[str]) -> list[Mention]:
    """The sources of the last act told before (Context.acts) with the CAMEO code ``code`` (its first three digits),
    else with its root (not for an ``unspecific`` root: a comment, an appeal or support names no kind of act).  For a
    meeting (CONSULT, root 04: "the meeting", "the talks", "the visit") its targets too: every side of it met."""
    for exact in (True, False):
        if not exact and code[:2] in unspecific:
            break
        for cameo, sources, targets in reversed(ctx.acts):
            if cameo[:3] == code[:3] if exact else cameo[:2] == code[:2]:
                nodes = {m.actor.node for m in sources}
                return list(sources) + ([m for m in targets if m.actor.node not in nodes] if code[:2] == "04" else [])
    return []


def _told_move(noun: Any, ctx: Context) -> tuple[Mention, ...]:
    """What a bare definite event anaphor (``noun``) stands for: the last main event's source; for an anaphor
    that names a kind of act (nouns.tsv: "the visit", "the deployment"), the last act of that kind told before
    (``last_act_of``), or nothing: "Kenya approved a deployment. Jamaica offered personnel. A court blocked the
    deployment": the deployment is not Jamaica's offer."""
    from .lexicon import load_lexicon

    code = load_lexicon().nouns.get(noun.lemma_.lower())
    if code is not None and code[:2] not in words("unspecific_root"):
        return tuple(last_act_of(code, ctx, words("unspecific_root")))
    source, background = ctx.last_move(noun)
    return () if background else source


@object_rule("attack_told_before", reads="a direct object that is an attack noun of the lexicon (nouns.tsv, CAMEO "
             "18-20: 'the attack', 'the strike') with a definite determiner (definite_det) and no actor named in its "
             "phrase, and no conflict noun (conflict_noun: 'the war' has two sides); the sources of the last attack "
             "told as news (Context.last_attack)", changes="target -> those sources",
             vocab=("definite_det", "conflict_noun"))
def attack_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Israel struck targets near Damascus. Syria denounced the attack": what is denounced is the attack told
    before, so its author is the target (as ``move_told_before`` reads "the decision")."""
    for d in _dobjs(q):
        found = q.other(last_attack_for(d, q.ctx, f))
        if found:
            return found
    return []


# The dependencies through which an event anaphor's own phrase says whose act it is ("Turkey's decision", "the
# decision to ...", "the Turkish move"), and a said noun's ("Putin's remarks", "the remarks by X")
_MOVE_NAMED = frozenset({"poss", "prep", "compound", "nmod", "acl", "amod"})
_SAID_NAMED = frozenset({"poss", "prep", "compound", "nmod", "acl", "relcl"})


def move_judged(noun: Any, ctx: Context | None, f: ArgumentFinder, own: frozenset[str]) -> list[Mention]:
    """The rule ``move_told_before`` for a judged noun (``ArgumentFinder.evaluation``): a bare "the decision", "the
    move" is the act told before, unless that act is the judge's own; then the news the headline or lede tells
    (Context.news_source)."""
    if ctx is None or not enabled("move_told_before", f.disabled) \
            or not _definite_of(noun, words("event_anaphor"), words("definite_det")) or not _bare(noun, _MOVE_NAMED):
        return []
    for sources in (_told_move(noun, ctx), ctx.news_source):
        found = [m for m in sources if m.actor is not None and m.actor.node and m.actor.node not in own]
        if found:
            return found
    return []


@object_rule("move_told_before", reads="a direct object that is an event anaphor (event_anaphor: 'the decision', "
             "'the move') with a definite determiner (definite_det) and no party named in its phrase; the previous "
             "main event's source (Context.last_event_source), or for a noun of a kind of act (nouns.tsv, not of an "
             "unspecific_root) the last act of that kind (last_act_of); else the news's source (Context.news_source) "
             "when that act is the source's own", changes="target -> that source",
             vocab=("event_anaphor", "definite_det", "unspecific_root", "deed_anaphor", "statement_root"))
def move_told_before(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Turkey suspended all trade with Israel. ... The Palestinian Authority welcomed the decision": what is
    welcomed or condemned is the act told before, so its author is the target (as ``the_move_is_last_event``
    reads such a noun as a subject). Not after a background act ("Russia's invasion prompted A and B to apply.
    X blocked the move": the move is theirs, not the invasion)."""
    if q.ctx is None:
        return []
    # "Turkey's decision", "the decision to ...", "the Turkish move": read elsewhere
    d = _bare_definite_object(q, w["event_anaphor"], w["definite_det"], _MOVE_NAMED | {"relcl"})
    if d is None or not q.ctx.last_move(d)[0] or q.ctx.last_move(d)[1]:
        return []
    # the act told before being the source's own (a denial: "The Kremlin denied the accusation. Moscow regretted the
    # decision"), the decision is the news's, as for a judged noun (move_judged)
    told = [m for m in _told_move(d, q.ctx) if m.actor is not None]
    return q.other(told) or (q.other([m for m in q.ctx.news_source if m.actor is not None]) if told else [])


def reacts_to_the_move(doc: Any, event: Event, disabled: Iterable[str] = ()) -> bool:
    """Whether ``event`` (a sentence's main event) reacts to the act told before, its trigger's direct object a bare
    definite event anaphor ("Hamas praised the decision"; rule ``move_told_before``): the move told next is still
    that act, not the reaction ("The PA welcomed the move. Hamas also praised the decision": not the PA's)."""
    if not enabled("move_told_before", disabled):
        return False
    span = doc.char_span(event.trigger_start, event.trigger_start + len(event.trigger), alignment_mode="expand")
    if span is None:
        return False
    anaphor, definite = words("event_anaphor"), words("definite_det")
    return any(c.dep_ in {"dobj", "obj"} and _definite_of(c, anaphor, definite) and _bare(c, _MOVE_NAMED | {"relcl"})
               for c in span.root.children)


@object_rule("object_of_the_next_conjunct", reads="a verb with no direct object, no with/to/for/against object "
             "and no complement clause whose conjoined verb after it has one ('arming and training the group'); that "
             "verb's targets by the rules above",
             changes="target -> those targets")
def object_of_the_next_conjunct(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"accuses Tehran of arming and training the group": the object after the last verb is every conjoined verb's.
    Not for a verb with a party of its own in a with/to/for/against phrase ("stood with its ally and condemned
    China's actions": the ally is who it stands with; "swept through the region and routed the separatists" is
    still one object for both)."""
    if _dobjs(q) or any(c.dep_ == "prep" and c.lower_ in {"with", "to", "for", "against"}
                        and any(p.dep_ == "pobj" for p in c.children) or c.dep_ in {"xcomp", "ccomp"}
                        for c in q.tok.children):
        return []  # ("promised to move the embassy, hugged Netanyahu": the promise's object is its own clause)
    for c in q.tok.children:
        if c.dep_ == "conj" and c.pos_ == "VERB" and c.i > q.tok.i and any(d.dep_ in OBJ_DEPS for d in c.children):
            return q.other(f._objects(c, etype=q.etype, wanted_prep=None, visit=q.visit, exclude=q.exclude, ctx=q.ctx))
    return []


@object_rule("fronted_naming_names_the_report", reads="the object 'it'/'this' (thing_pronoun, definite_det) of a "
             "naming verb in a participial clause (advcl) before its head; the subjects of the head's that-clause "
             "(ccomp)", changes="target of the evaluation -> those subjects (their conjuncts and possessors)",
             vocab=("thing_pronoun", "definite_det"))
def fronted_naming_names_the_report(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Calling it irresponsible, the spokesman said Washington's and London's exports showed ...": the fronted "it"
    points ahead to what the spokesman reports, whose authors are the ones judged. Read for evaluations only
    (``ArgumentFinder.evaluation``); as an object rule it applies to a naming verb's own "it" object."""
    for d in _dobjs(q):
        found = q.other(_report_named_ahead(d, q.tok, f, w["thing_pronoun"] | w["definite_det"]))
        if found:
            return found
    return []


# The event types of a threat, or of a hostile act that a condition makes one ("will take countermeasures if ...")
_CONDITIONAL_THREAT_TYPES = frozenset({"THREATEN", "COERCE", "ASSAULT", "SANCTION"})


@object_rule("condition_names_the_threatened", reads="a threat, or a hostile act (COERCE, ASSAULT, SANCTION), with no "
             "other target whose verb, its complement or a verb it hangs on as a complement, has a condition "
             "clause (condition_mark: 'if', 'unless') with a subject of its own",
             changes="target -> that subject (not the threat's source)", vocab=("condition_mark",))
def condition_names_the_threatened(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Russia will take countermeasures if Finland allows NATO to deploy troops": a threat made on a condition is
    aimed at the one whose act the condition names."""
    if q.etype not in _CONDITIONAL_THREAT_TYPES:
        return []  # (a hostile act told as to come on a condition becomes a threat after the arguments: intent_coding)
    nodes = [q.tok, *(c for c in q.tok.children if c.dep_ in {"ccomp", "xcomp"})]
    node = q.tok
    for _ in range(2):
        if node.dep_ not in {"xcomp", "ccomp"} or node.head == node:
            break
        node = node.head
        nodes.append(node)
    return _subject_of_a_marked_clause(q, f, nodes, w["condition_mark"])


def _subject_of_a_marked_clause(q: ObjectQuery, f: ArgumentFinder, verbs: list[Any],
                                marks: frozenset[str]) -> list[Mention]:
    """The actors (other than the source) of the first subject, naming one, of an adverbial clause that one of
    ``marks`` opens under one of ``verbs``; [] when none."""
    for verb in verbs:
        for clause in (c for c in verb.children if c.dep_ == "advcl"
                       and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)):
            for subj in (c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}):
                found = q.other([m for m in f.with_conj(subj, deep=True) if m.actor is not None])
                if found:
                    return found
    return []


# The event types of a complaint, whose cause told in a clause of its own names whom it is against
_COMPLAINT_TYPES = frozenset({"ACCUSE", "PROTEST"})


@object_rule("cause_clause_names_the_accused", reads="a complaint (ACCUSE, PROTEST) with no other target whose verb "
             "has a clause of cause (cause_mark: 'after', 'because', 'when') with a subject of its own",
             changes="target -> that subject (not the complaint's source)", vocab=("cause_mark",))
def cause_clause_names_the_accused(q: ObjectQuery, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list[Mention]:
    """"Japan lodged a protest after a Chinese drone flew near its southern islands": a complaint made because of
    another's act is aimed at the one who did it (the protest had no target)."""
    if q.etype not in _COMPLAINT_TYPES:
        return []
    return _subject_of_a_marked_clause(q, f, [q.tok], w["cause_mark"])


@noun_rule("participants_act", reads="an event noun that is the in-object of a participation verb "
             "(participation_verb); that verb's subjects (read by ArgumentFinder.nominal)",
             changes="source of the event noun -> those subjects", vocab=("participation_verb",))
def participants_act(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Armenian units would participate in joint drills alongside American forces", "engaged in talks with the
    EU": those who take part in the act named by the noun are its source. ("Attended meetings" is left out: the
    verb is an event of its own, and its negation does not reach the noun.)"""
    verb = None
    if noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.dep_ == "prep":
        verb = noun.head.head
    if verb is None or verb.lemma_.lower() not in w["participation_verb"]:
        return None
    return [m for m in f.subjects(verb, Context()) if m.actor is not None]


@noun_rule("meeting_sets_the_clause", reads="a meeting noun (meeting_setting_noun) that is the object of a phrase of "
           "circumstance (setting_prep: 'on', 'during', 'after', 'at') on a verb; that verb's subjects (read by "
           "ArgumentFinder.nominal), unless the verb is itself a meeting (meeting_verb) or a passive",
           changes="source of the meeting noun -> those subjects",
           vocab=("meeting_setting_noun", "setting_prep", "meeting_verb"))
def meeting_sets_the_clause(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"On a visit to North Korea, the Russian minister said ...", "After talks with Erdogan, Putin announced ...":
    the visit or talks are those of the one who speaks or acts in the clause they set. Only for meetings (an
    attack or a decision in such a phrase is often someone else's: "After the attack, Russia said ...")."""
    # (the word as written too: "talks" has the lemma "talk", and the rule never read "after talks with X")
    if not {noun.lemma_.lower(), noun.lower_} & w["meeting_setting_noun"] or noun.dep_ != "pobj":
        return None
    prep = noun.head
    if prep.dep_ != "prep" or prep.lower_ not in w["setting_prep"] or prep.head.pos_ not in {"VERB", "AUX"}:
        return None
    if prep.head.lemma_.lower() in w["meeting_verb"]:
        return None  # "met at the summit": the verb is the meeting, the noun only where it took place
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in prep.head.children):
        return None  # "the decision was taken at a meeting of ...": a passive's subject did not meet
    return [m for m in f.subjects(prep.head, Context()) if m.actor is not None] or None


# The event types of force, whose noun in a phrase of manner is the clause subject's act
_FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE"})


@noun_rule("manner_of_the_clauses_act", reads="an event noun of force (assault, coercion, mobilisation) that is the "
           "object of a phrase of manner (manner_prep: 'in', 'through') on a verb with a direct object and an active "
           "subject (read by ArgumentFinder.nominal)",
           changes="source of the noun -> those subjects", vocab=("manner_prep",))
def manner_of_the_clauses_act(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Azerbaijan took control of the region in a swift military offensive": the offensive is how the subject did
    what the clause tells, so it is the subject's.  Not when the verb has no object or a passive subject ("ten people
    died in an attack", "were killed in a strike": the attack is someone else's).  Only force: "restored relations
    in a deal" tells the restoring once, as the verb's event."""
    if noun.dep_ != "pobj" or noun.head.lower_ not in w["manner_prep"] \
            or f.noun_types.get(noun.lemma_.lower()) not in _FORCE_TYPES:
        return None
    verb = noun.head.head
    if verb.pos_ != "VERB" or not any(c.dep_ in {"dobj", "obj"} for c in verb.children) \
            or not any(c.dep_ == "nsubj" for c in verb.children):
        return None
    return [m for m in f.subjects(verb, Context()) if m.actor is not None] or None


@noun_rule("claimed_act_is_the_claimers", reads="an event noun that is the object of a for-phrase of a noun of "
           "responsibility (responsibility_noun) which is the object of a verb of claiming (claiming_verb: 'claimed "
           "responsibility for an attack'; read by ArgumentFinder.nominal)", changes="source of the noun -> the "
           "claiming verb's subjects; or the direct object of a verb of claiming an act (act_claiming_verb: 'claimed a "
           "missile attack')", vocab=("responsibility_noun", "claiming_verb", "act_claiming_verb"))
def claimed_act_is_the_claimers(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Hezbollah claimed responsibility for an attack on an Israeli army post": one who claims an act says it did it
    (the attack had no source); so does one who claims the act itself ("The Houthis claimed a missile attack on a
    tanker": act_claiming_verb)."""
    if noun.dep_ in {"dobj", "obj"} and noun.head.lemma_.lower() in w["act_claiming_verb"]:
        return [m for m in f.subjects(noun.head, Context()) if m.actor is not None] or None
    if noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return None
    verb = noun.head.head  # ("took credit for the attack": the parser may hang the for-phrase on the verb)
    verb = verb.head if verb.dep_ in {"dobj", "obj"} else verb
    if verb.lemma_.lower() not in w["claiming_verb"] or not any(
            c.dep_ in {"dobj", "obj"} and c.lemma_.lower() in w["responsibility_noun"] for c in verb.children):
        return None
    return [m for m in f.subjects(verb, Context()) if m.actor is not None] or None


@noun_rule("behind_the_act_is_its_author", reads="an event noun, or the of-object of a measure noun (measure_noun: 'a "
           "campaign of attacks'), that is the object of 'behind' on a copula ('Russia was behind the attack'; read by "
           "ArgumentFinder.nominal); or of a series noun (series_noun: 'a campaign of attacks')",
           changes="source of the noun -> the copula's subjects", vocab=("series_noun",))
def behind_the_act_is_its_author(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"The NCSC said the GRU was behind a campaign of cyber attacks on British firms", "officials believe Russia was
    behind the attack": to be behind an act is to have done it (the attack had no source)."""
    node = noun
    if node.dep_ == "pobj" and node.head.lower_ == "of" \
            and node.head.head.lemma_.lower() in w["series_noun"] | words("measure_noun"):
        node = node.head.head  # ("a campaign of cyber attacks", "a wave of strikes": the series is behind's)
    if node.dep_ != "pobj" or node.head.lower_ != "behind" or node.head.head.lemma_.lower() != "be":
        return None
    copula = node.head.head
    return [m for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"} for m in f.with_conj(c)
            if m.actor is not None] or None


@noun_rule("visit_to_a_capital", reads="a visit noun (visit_noun) with a to-phrase (read by ArgumentFinder.nominal)",
           changes="a capital or state after 'to' is the visit's target, not a place", vocab=("visit_noun",))
def visit_to_a_capital(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> bool | None:
    """"His trip to Beijing": a visit to China, where "the summit in Beijing" only says where (the verb path
    has the same exception for "flew to Beijing for talks")."""
    return True if noun.lemma_.lower() in w["visit_noun"] else None


@noun_rule("help_with_goes_to_the_subject", reads="a help noun (help_noun) in a with-phrase, and the subjects of "
           "the clause the phrase belongs to (read by ArgumentFinder.nominal, which takes the noun's of/from-phrase "
           "for its giver)", changes="target of the help -> those subjects", vocab=("help_noun",))
def help_with_goes_to_the_subject(noun: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"the navy will acquire vessels with US and UK assistance", "rebels advanced with Turkish support": whoever
    does the clause's act is helped by those named on the help noun."""
    if noun.lemma_.lower() not in w["help_noun"]:
        return None
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    holder = noun.head.head
    if holder.pos_ in {"NOUN", "PROPN"} and holder.dep_ in {"nsubj", "nsubjpass"}:
        # "The rebels, with support from Iran, attacked": the subject it is set on
        return [m for m in f.with_conj(holder) if m.actor is not None] or (
            [g] if (g := f.generic(holder)) is not None else [])
    return [m for m in f.subjects(holder, Context()) if m.actor is not None]


# -- clause-stage rules: the climb from a trigger to its subject (``rules.clause_rule``), tried in this order -------
@clause_rule("reduced_passive_agent", reads="a past participle (VBN) heading a subjectless adverbial clause (advcl); "
             "the by-phrases inside its phrase",
             changes="source -> the agents (each conjunct), none without a by-phrase")
def reduced_passive_agent(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"..., designated as a terrorist organisation by Ankara, Washington and the EU": the agents act, not
    the subject of the clause the participle hangs on; with no by-phrase no one named does ("agreed to restore
    visits, suspended for 12 years": the leaders who agree did not suspend them)."""
    if node is not tok or not _reduced_passive(tok):
        return None
    return _deep_agents(tok, f)


@clause_rule("own_subject", reads="a subject (nsubj, csubj; nsubjpass above the trigger) of the clause, unless a "
             "relative pronoun (relative_pronoun) that stands for no one (but for the noun a relative clause of saying "
             "above is on); a second subject after a conjunction, or after a bare comma (a headline's 'A, B agree')",
             changes="source -> what the subject stands for (the subject-stage rules); none for an asked subject "
             "(question_word: 'did not say who fired')", vocab=("relative_pronoun", "question_word"))
def own_subject(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Russia attacked Kyiv"; "Iran, which has armed Russia, and Syria condemned": a coordination broken by a
    relative clause leaves two subjects on the verb, and both act."""
    for child in node.children:
        if child.dep_ in SUBJ_DEPS and dateline(child):
            continue
        if child.dep_ == "nsubj" and _a_closer_own_subject(child, node):
            continue  # "the cabinet approved the deployment, after the Council authorised the mission" (below)
        if child.dep_ in SUBJ_DEPS or (child.dep_ == "nsubjpass" and node != tok):
            found = f._subject_mentions(child, ctx)
            if not found and child.lower_ in w["question_word"] and child.tag_ == "WP" \
                    and node.dep_ in {"ccomp", "xcomp", "csubj", "pcomp"} and node.head.dep_ != "relcl":
                return []  # "did not say who fired it": an asked subject is no one known (it was the one not saying)
            if not found and child.lower_ in w["relative_pronoun"] and node.dep_ == "ccomp" \
                    and node.head.dep_ == "relcl":
                # "the offensive, which he said threatened peace": the pronoun is the noun the clause of saying is
                # on, not the one who said it
                return f._modified_noun(node.head)
            if found or child.lower_ not in w["relative_pronoun"]:
                for other in node.children:
                    between = child.doc[child.i + 1:other.left_edge.i]  # (the comma may hang on the first)
                    # "... and Syria condemned"; a headline's "Saudi Arabia, Iran agree to ..." (a bare comma)
                    if other.i > child.i and other.dep_ == child.dep_ and found and (
                            any(t.dep_ == "cc" for t in child.doc[child.i:other.i])
                            or (len(between) > 0 and all(t.text == "," for t in between))):
                        found += [m for m in f.with_conj(other) if m not in found]
                    # "China, Russia hold naval drills": the parser makes the first of a headline's comma pair an
                    # adverbial noun before the subject
                    lead = child.doc[other.i + 1:child.left_edge.i]
                    if other.i < child.i and other.dep_ == "npadvmod" and other.pos_ == "PROPN" and found \
                            and len(lead) > 0 and all(t.text == "," for t in lead):
                        found = [m for m in f.with_conj(other) if m.actor is not None and m not in found] + found
                return found
    return None


def _a_closer_own_subject(child: Any, verb: Any) -> bool:
    """Whether a later subject of ``verb``, before it, is its own rather than ``child``: the parser, missing the
    main verb, hangs two subjects on one ("Kenya's cabinet approved on Tuesday the deployment ..., after the Council
    authorised the mission": 'approved' read as a participle on 'cabinet'; "... hosted Kagame and Tshisekedi in Doha,
    the first meeting between the two since M23 rebels seized Goma": Kagame was a subject of 'seized').  Not a
    coordination, whose parts both act: an 'and' between the two, or only a comma ("A, B agree")."""
    doc = verb.doc
    for o in verb.children:
        if o.dep_ != "nsubj" or not child.i < o.i < verb.i or o.pos_ == "PRON":
            continue  # ("The three countries announced they would ...": the pronoun is the first subject again)
        between, bare = doc[child.right_edge.i + 1:o.left_edge.i], doc[child.i + 1:o.left_edge.i]
        # (an 'and' on the first subject itself: "Iran, which has armed Russia, and Syria condemned")
        if not any(t.dep_ == "cc" or t.lower_ in {"and", "or"} for t in between) \
                and not any(t.dep_ == "cc" and t.head == child for t in bare) \
                and not (len(bare) > 0 and all(t.text == "," for t in bare)):
            return True
    return False


@clause_rule("by_gerund_skips_passive", reads="the trigger, a gerund (pcomp) under 'by' that hangs from a passive "
             "verb (a nsubjpass or auxpass child)", changes="continues the climb at the next verb above that verb")
def by_gerund_skips_passive(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> Any:
    """"X reacted to the raid, in which 47 people were killed, by blaming Israel": the parser hangs "by blaming"
    on the nearest passive; whoever does the blaming is not the passive's patient (the killed), so the climb
    goes on above the passive clause, to "reacted"."""
    if node is not tok or tok.dep_ != "pcomp" or tok.head.lower_ != "by":
        return None
    passive = tok.head.head
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in passive.children):
        return None
    return next((a for a in passive.ancestors if a.pos_ in {"VERB", "AUX"}), [])


@clause_rule("by_gerund_of_the_charge", reads="the trigger, a gerund (pcomp) under 'by' on a verb that also has a "
             "gerund under 'for' or 'of' before it ('criticised X for encouraging war by supplying weapons')",
             changes="continues the climb at that earlier gerund (whose actor is the one charged)")
def by_gerund_of_the_charge(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> Any:
    """"Lula criticised the US for encouraging war by supplying weapons to Kyiv": the parser hangs "by supplying"
    on "criticised"; it tells how the charged act was done, so its actor is the charged one (the US), not the
    critic."""
    if node is not tok or tok.dep_ != "pcomp" or tok.head.lower_ != "by":
        return None
    verb = tok.head.head
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"for", "of"} and c.i < tok.i
                 for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)


@clause_rule("first_to_act_is_the_subject", reads="an infinitival clause (relcl or acl with 'to'), or a relative "
             "clause with a relative pronoun subject, on a predicate noun (attr) of a copula or a verb of becoming "
             "(member_becoming_verb); on the of-object of one with a modifier of uniqueness (unique_modifier: 'the "
             "only member of the alliance that')", changes="source -> the copula's subject",
             vocab=("member_becoming_verb", "unique_modifier"))
def first_to_act_is_the_subject(node: Any, tok: Any, ctx: Context, f: ArgumentFinder,
                                w: dict[str, frozenset[str]]) -> list | None:
    """"Japan is the first country in Asia to sign such a pact", "Honduras became the latest country to switch": the
    one who is that country acts (the predicate noun names no actor of its own)."""
    noun = node.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.dep_ == "attr" and any(
            c.dep_ == "amod" and c.lower_ in w["unique_modifier"] for c in noun.head.head.children):
        noun = noun.head.head  # "the only member of the alliance that has yet to approve": the parser hangs the
        # clause on the alliance; it describes the only member
    infinitival = node.dep_ in {"relcl", "acl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
    # "Hungary is the only member of the alliance that has yet to approve": a relative pronoun subject
    relative = node.dep_ == "relcl" and any(c.dep_ in {"nsubj", "nsubjpass"} and c.tag_ in {"WDT", "WP"}
                                            for c in node.children)
    if noun.dep_ != "attr" or not (infinitival and f.speakers.mention_for(noun) is None
                                   or relative and f.speakers.mention_at(noun) is None):
        return None
    verb = noun.head
    if verb.lemma_.lower() != "be" and verb.lemma_.lower() not in w["member_becoming_verb"]:
        return None
    subjects = [m for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} for m in f._subject_mentions(c, ctx)]
    return subjects or None


@clause_rule("text_speaks_for_its_issuer", reads="a participle clause (acl, VBG) on a text noun (issued_text_noun: "
             "'a resolution calling on X', 'a statement urging X') that is the direct object of a verb of issuing "
             "(issuing_verb: 'adopted', 'drafted', 'issued'), unless that verb is negated or undone (negating_verb: "
             "'failed to adopt')", changes="continues the climb at that verb: its subject calls, urges or says; none "
             "for a text not issued", vocab=("issued_text_noun", "issuing_verb", "negating_verb"))
def text_speaks_for_its_issuer(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> Any:
    """"The General Assembly approved a resolution calling on the United States to lift its embargo": the resolution
    names no actor, so the call had no source (and the approval took the United States as its target); who adopts,
    drafts or issues a text says what it says."""
    issued = text_clause_verb(node)
    if issued is None or issued.lemma_.lower() not in w["issuing_verb"]:
        return None
    if any(c.dep_ == "neg" for c in issued.children) or (
            issued.dep_ == "xcomp" and issued.head.lemma_.lower() in w["negating_verb"]):
        return []  # "failed to adopt a resolution calling for a ceasefire": the council called for nothing
    return issued


def text_clause_verb(node: Any) -> Any:
    """The verb whose direct object is a text noun (issued_text_noun: 'a resolution', 'a statement') that the
    participle clause ``node`` (acl, VBG: 'calling on X') is on, or None: what the text says is a clause of its own
    (``text_speaks_for_its_issuer``; the tagger's filter ``learned.apply._in_what_a_text_says``)."""
    noun = node.head
    if node.dep_ == "acl" and node.tag_ == "VBG" and noun.dep_ == "dobj" \
            and noun.lemma_.lower() in words("issued_text_noun"):
        return noun.head
    return None


@clause_rule("relative_clause_noun", reads="a relative clause (relcl) or participial clause (acl, VBG/VBN)",
             changes="source -> the noun it modifies (its coordination only when the clause follows it all)")
def relative_clause_noun(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Iran, which has armed Russia, ...", "Hamas fighters holding hostages": the noun modified acts."""
    if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ in {"VBG", "VBN"}):
        return f._modified_noun(node)
    return None


@clause_rule("noun_owner_acts", reads="an infinitival clause (acl), or a gerund under in/of (pcomp), on a noun with a "
             "possessor, or an of-phrase before the clause, naming an actor; a possessive 'its' or 'their' "
             "(thing_owner_pronoun, plural_owner_pronoun) "
             "in a clause whose subject is 'we' (quoted_we)",
             changes="source -> the possessor; none for 'its' under 'we'",
             vocab=("thing_owner_pronoun", "plural_owner_pronoun", "quoted_we"))
def noun_owner_acts(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Moscow's readiness to abandon Armenia": the owner of the noun acts. "We are worried, noting its potential
    to undermine stability": "its" is not "we", so the clause's subject is not climbed to (no source)."""
    if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ in {"in", "of"} \
            and node.head.head.pos_ == "NOUN":
        # "Beijing's role in brokering the rapprochement": the owner of the noun the gerund hangs on acts
        m = next((m for c in node.head.head.children if c.dep_ == "poss"
                  and (m := f.speakers.mention_at(c)) is not None and m.actor is not None), None)
        return [m] if m is not None else None
    if node.dep_ != "acl":
        return None
    for c in node.head.children:
        if c.dep_ == "poss":
            m = f.speakers.mention_at(c)
            if m is not None:
                return [m]
            # "expelled Quito's envoys after its choice to arm the rebels": the one reacted against
            reacted = run_rule("reaction_to_owner", c, ctx, f, disabled=f.disabled)
            if reacted:
                return reacted
            if c.lower_ in w["thing_owner_pronoun"] | w["plural_owner_pronoun"] \
                    and _subject_word(node.head.head) in w["quoted_we"]:
                return []
    # "welcomed the decision of Lithuania to bar Georgian officials", "noted the efforts of Thailand to deliver aid":
    # the owner an of-phrase names acts, as a possessor does (the act had no source, or the noting subject's)
    owners = [m for c in node.head.children if c.dep_ == "prep" and c.lower_ == "of" and c.i < node.i
              for p in c.children if p.dep_ == "pobj" for x in (p, *p.conjuncts)
              if (m := f.speakers.mention_at(x)) is not None and m.actor is not None and m.actor.node]
    return list(dict.fromkeys(owners)) or None


@clause_rule("orphan_subjects", reads="a verb with no subject whose left neighbours are nouns the parser attached "
             "as conjuncts of an earlier noun", changes="source -> those nouns")
def orphan_subjects_rule(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"Before the war, X and Y had good ties ...": subjects hung on "Ukraine" (``orphan_subjects``)."""
    return orphan_subjects(node, f.speakers) or None


@clause_rule("order_issuer_acts", reads="an infinitival clause (acl) on an object (dobj, pobj), unless the verb "
             "above is one of reacting to another's act (others_act_verb)",
             changes="continues the climb at the verb of that object; none after a verb of reacting",
             vocab=("others_act_verb",))
def order_issuer_acts(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> Any:
    """"issued an order to close the crossing": the one who issued it closes. "witnessed attempts to blame Iran",
    "rejected the offer to extend", "warned against efforts to arm": the attempt, offer or effort is someone
    else's, so the one reacting to it is not its actor (no source)."""
    if node.dep_ == "acl" and node.head.dep_ in {"dobj", "pobj"}:
        verb = node.head.head
        if verb.dep_ == "prep":
            verb = verb.head
        if verb.lemma_.lower() in w["others_act_verb"]:
            return []
        return node.head.head
    return None


@clause_rule("step_of_gerund", reads="a gerund (pcomp) under 'of' on a step noun (step_noun) that is a verb's object",
             changes="continues the climb at that verb", vocab=("step_noun",))
def step_of_gerund(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> Any:
    """"France took the drastic step of recalling its envoys": whoever takes the step recalls."""
    return step_verb(node, w["step_noun"])


def step_verb(node: Any, step_nouns: frozenset[str]) -> Any:
    """The verb whose step noun object a gerund hangs on ("took the step of recalling", "has no intention of
    joining"), else None (read by the clause rule ``step_of_gerund`` and by the learned heads' main clause)."""
    if node.dep_ == "pcomp" and node.head.dep_ == "prep" and node.head.lower_ == "of":
        noun = node.head.head
        if noun.dep_ in OBJ_DEPS and noun.lemma_.lower() in step_nouns and noun.head.pos_ in {"VERB", "AUX"}:
            return noun.head
    return None


@clause_rule("comma_participle_skips_the_infinitive", reads="a participle clause (advcl, VBG) after a comma, hung "
             "on an infinitive (xcomp)", changes="continues the climb at the verb the infinitive completes")
def comma_participle_skips_the_infinitive(node: Any, tok: Any, ctx: Context, f: ArgumentFinder,
                                          w: dict[str, frozenset[str]]) -> Any:
    """"Somalia ordered Kenya's envoy to leave within seven days, accusing Nairobi of meddling": the parser hangs
    the participle on "leave", whose subject is the envoy (object control), but the one accusing is the one who
    ordered (Kenya's envoy was read as accusing Nairobi)."""
    if node.dep_ == "advcl" and node.tag_ == "VBG" and node.i > 0 and node.nbor(-1).lower_ == "," \
            and node.head.dep_ == "xcomp" and node.head.head is not node.head:
        return node.head.head
    return None


@clause_rule("object_control", reads="an xcomp under a verb that is no subject-control verb (subject_control_verb), "
             "nor a verb of phoning with no on/upon (phoning_verb: 'called X to offer'), and that verb's object or "
             "on/upon object; a for/of clause (pcomp) and its verb's object",
             changes="source -> the controlling object", vocab=("subject_control_verb", "phoning_verb"))
def object_control(node: Any, tok: Any, ctx: Context, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"called on Israel to cancel", "urged Israel to lift", "accused Lapid of bombing": the object acts
    (``ArgumentFinder._controller``)."""
    return f._controller(node)


@noun_rule("hosted_talks_are_the_clauses", reads="a participle, or a passive relative clause ('the talks, which "
           "were brokered by X'), of hosting or brokering (hosting_verb, "
           "brokering_verb) on a talks or agreement noun (pact_noun) that names no party of its own, in a phrase on a "
           "verb ('agreed ... after talks hosted by China', 'normalised ties with X in a deal brokered by the US'); "
           "that verb's subjects and the with-phrase on it or on its object",
           changes="target -> those parties (the host's or broker's act is on them)",
           vocab=("hosting_verb", "brokering_verb", "pact_noun"))
def hosted_talks_are_the_clauses(tok: Any, f: ArgumentFinder, ctx: Context,
                                 w: dict[str, frozenset[str]]) -> list | None:
    """"Saudi Arabia and Iran agreed to restore ties after talks in Beijing hosted by China": the talks China hosted
    were the two states', who are the subjects of the clause the talks' phrase is on (the host had no one it hosted,
    and the event was dropped); "Morocco agreed to normalise relations with Israel in a deal brokered by the United
    States": the deal's parties are the clause's subject and its partner."""
    noun = tok.head
    lemma = tok.lemma_.lower()
    if (lemma not in w["hosting_verb"] and lemma not in w["brokering_verb"]) \
            or noun.lemma_.lower() not in w["pact_noun"]:
        return None
    verb = noun
    while verb.pos_ not in {"VERB", "AUX"} and verb.head is not verb and verb.dep_ in {"pobj", "prep"}:
        verb = verb.head  # (a phrase on the verb: "after talks", "after four days of talks"; not its object)
    if verb is not noun and verb.dep_ in {"dobj", "obj"} and verb.pos_ in {"NOUN", "PROPN"}:
        verb = verb.head  # "normalise ties in a deal brokered by X": the parser hangs the phrase on the object
    if verb is noun or verb.pos_ not in {"VERB", "AUX"}:
        return None
    parties = [m for m in f.subjects(verb, ctx) if m.actor is not None and m.actor.node]
    holders = [verb, *(c for c in verb.children if c.dep_ in {"dobj", "obj"})]
    parties += [m for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with"
                for p in c.children if p.dep_ == "pobj" for m in f.with_conj(p) if m.actor is not None
                and m.actor.node and m not in parties]
    return parties or None


@noun_rule("relative_passive_subject", reads="a relative pronoun (relative_pronoun) as the passive subject of a "
           "trigger heading a relative clause (relcl: 'Hamas, which is funded by Qatar'), or as the subject of the "
           "clause a subjectless passive trigger is a conjunct of ('which seeks X and is backed by Algeria')",
           changes="target -> the noun the clause is on (and its conjuncts)", vocab=("relative_pronoun",))
def relative_passive_subject(tok: Any, subj: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"The Houthi movement, which is backed by Iran", "Hamas, which is funded by Qatar": what the passive acts on is
    the noun the clause describes (the pronoun names no one itself; the act had no target).  With no subject of its
    own (``subj`` None), a passive conjunct of such a clause shares its subject ("which seeks independence and is
    backed by Algeria")."""
    if subj is None:
        clause = tok
        while clause.dep_ == "conj" and clause.head is not clause:
            clause = clause.head
        if clause is tok:
            return None
        subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        tok = clause
        if subj is None:
            return None
    if tok.dep_ != "relcl" or subj.lower_ not in w["relative_pronoun"]:
        return None
    return [m for m in f.with_conj(tok.head) if m.actor is not None] or None


@noun_rule("parties_of_a_passive_tie", reads="the passive subject (nsubjpass, no by-agent) of the trigger that is a tie "
           "or membership noun (passive_tie_noun), its 'between A and B' phrase, or its possessor and in/with/to/of "
           "phrase (read by ArgumentFinder.verbal)", changes="source, target -> A and B (both sources: a mutual act), "
                                                               "or the possessor and the phrase's actors",
           vocab=("passive_tie_noun",))
def parties_of_a_passive_tie(tok: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> tuple | None:
    """"Diplomatic ties between A and B were severed", "A's membership in the B alliance was frozen": a passive
    with no agent whose subject is a relation names both parties inside that subject; the act is between them
    (without this the event has no source and is dropped, and the tie noun alone is read as a friendly stated
    relation)."""
    sp = f.speakers
    copula = copula_subject(tok)
    for subj in [c for c in tok.children if c.dep_ == "nsubjpass"] + ([copula] if copula is not None else []):
        if subj.lemma_.lower() not in w["passive_tie_noun"]:
            continue
        preps = [c for c in subj.children if c.dep_ == "prep"]
        for prep in preps:
            if prep.lower_ == "between":
                both = [m for p in prep.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)
                        if m.actor is not None]
                if len(both) >= 2:
                    return both, []
        owner = next((m for c in subj.children if c.dep_ in {"poss", "compound", "amod", "nmod"}
                      if (m := sp.mention_at(c)) is not None and m.actor is not None), None)
        if owner is None and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
            owner = _reporting_speaker(subj.head, sp)  # "Chile said its membership in B was frozen"
        if owner is None:
            continue
        other = [m for prep in preps if prep.lower_ in {"in", "with", "to", "of"} for p in prep.children
                 if p.dep_ == "pobj" for m in f.with_conj(p, deep=True) if m.actor is not None and m != owner]
        if other:
            return [owner], other
    return None


@noun_rule("parties_of_an_undone_act", reads="the passive subject (nsubjpass, no by-agent) of a reversal verb "
           "(reversal_verb) that is an event noun of the lexicon (nouns.tsv), its author (possessor, compound, "
           "adjective) and the actors of its on/against/with/to phrase", changes="source, target -> the author, the "
           "phrase's actors", vocab=("reversal_verb",))
def parties_of_an_undone_act(tok: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> tuple | None:
    """"UN sanctions against Iran were lifted", "Turkey's veto on Sweden's bid was withdrawn": the act undone is
    its author's, and so is the undoing (only the one who imposed a measure lifts it); its party is the
    target (the subject's author alone was read as the target, what was done to)."""
    from .lexicon import load_lexicon

    if tok.lemma_.lower() not in w["reversal_verb"]:
        return None
    for subj in (c for c in tok.children if c.dep_ == "nsubjpass"):
        if subj.lemma_.lower() not in load_lexicon().nouns:
            continue
        author = f._event_author(subj) or next((m for c in subj.children if c.dep_ == "amod"
                                                 and (m := f.speakers.mention_at(c)) is not None and m.actor), None)
        if author is None:
            continue
        other = [m for prep in subj.children if prep.dep_ == "prep" and prep.lower_ in {"on", "against", "with", "to"}
                 for p in prep.children if p.dep_ == "pobj" for m in f.with_conj(p, deep=True)
                 if m.actor is not None and m != author]
        return [author], other
    return None


def _reporting_speaker(verb: Any, sp: Speakers) -> Mention | None:
    """The named subject of the speech verb whose reported clause (ccomp) ``verb`` heads, or None."""
    from .attribution import SPEECH_LEMMAS

    if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in SPEECH_LEMMAS:
        return None
    return next((m for c in verb.head.children if c.dep_ == "nsubj"
                 if (m := sp.mention_at(c)) is not None and m.actor is not None), None)


@noun_rule("exclamation_is_the_speakers", reads="an exclamation noun (exclamation_noun: 'congratulations', 'thanks') "
           "heading a verbless sentence (ROOT), and the sentence's speaker (quote, clause or post signature; read by "
           "EventCoder._build)", changes="source of the noun -> the speaker (and no said_by: the speaker is the source)",
           vocab=("exclamation_noun",))
def exclamation_is_the_speakers(noun: Any, speaker: Mention | None, w: dict[str, frozenset[str]]) -> list | None:
    """"Congratulations to A and B on signing the accord" (a post signed by a head of state): a verbless
    exclamation is said and done by its speaker, who praises (or thanks) those it names."""
    if noun.dep_ != "ROOT" or noun.lemma_.lower() not in w["exclamation_noun"] and noun.lower_ not in w["exclamation_noun"]:
        return None
    if speaker is None or speaker.actor is None or not speaker.actor.node:
        return None
    return [speaker]


@noun_rule("concern_if_others_act", reads="a complaint noun on the trigger (read by ArgumentFinder.complaint_target) "
           "and an if-clause (condition_mark) of the trigger: its by-agents, else its subjects",
           changes="target of the complaint -> those whose act the condition names", vocab=("condition_mark",))
def concern_if_others_act(tok: Any, f: ArgumentFinder, w: dict[str, frozenset[str]]) -> list | None:
    """"X would have serious concerns if steps were taken by A and B to build a base": the worry is about what A
    and B would do (the clause is hedged by the condition: ``modality_rules.conditional_clause``)."""
    for c in tok.children:
        if c.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in w["condition_mark"] for m in c.children):
            continue
        agents = [m for a in c.children if a.dep_ == "agent" for p in a.children if p.dep_ == "pobj"
                  for m in f.with_conj(p, deep=True) if m.actor is not None]
        if agents:
            return agents
        subjects = [m for s in c.children if s.dep_ == "nsubj" for m in f.with_conj(s) if m.actor is not None]
        if subjects:
            return subjects
    return None


@attribution_rule("speaker_resolved_as_a_subject", reads="a speaker (said_by) that names no actor and is the subject "
                  "of its verb of saying; that verb's subjects as the subject-stage rules read them with the sentences "
                  "before (Context: 'the government', 'the ministry')", changes="said_by -> the same words, with the "
                  "one actor they resolve to")
def speaker_resolved_as_a_subject(said_by: Mention | None, doc: Any, f: ArgumentFinder, ctx: Context,
                                  w: dict[str, frozenset[str]]) -> Mention | None:
    """"Bolivia cut ties with Israel. The government also announced it would send aid": the source of "send" is
    Bolivia's government, and so is the one who announced it; the speaker's words stay "The government"."""
    if said_by is None or said_by.actor is not None:
        return said_by
    span = doc.char_span(said_by.start, said_by.end, alignment_mode="expand")
    if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"} or not is_speech_verb(span.root.head):
        return said_by
    found = {m.actor.id: m for m in f.subjects(span.root.head, ctx) if m.actor is not None and m.actor.node}
    if len(found) != 1:
        return said_by
    (m,) = found.values()
    return replace(said_by, actor=m.actor, method=m.method)

