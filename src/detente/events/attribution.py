"""Attribution: who says each sentence, clause and quote.

Consumes a parsed document and its actor mentions; produces, per sentence,
the quote regions it contains and the speaker of each, and helpers that find
the speaker of an indirect-speech clause ("X said that ...", "according to
X", "X told Daily Express US", "Kan cited an unnamed official as saying").

Direct quotes are double-quoted spans (curly or straight).  A paragraph that
opens a quote without closing it, followed by a paragraph that opens with a
quote mark, continues the same quote and the same speaker (the news
convention).  Single quotes are treated as scare quotes or embedded quotes,
never as speech on their own.  A quoted phrase with no speech around it
("an “obscene step”") has no speaker: it is only speech when someone says it.
"""

from __future__ import annotations

import bisect

import re
from dataclasses import dataclass
from functools import lru_cache
from collections.abc import Iterable
from typing import Any

from ..data import read_tsv
from ..errors import DataFileError
from ..model import Mention
from ..nlp import Parsed
from .rules import UNNAMED_SPEAKER, enabled, stage_decorator, words

OPEN_QUOTES = "“„«"
CLOSE_QUOTES = "”»"
CUE_LISTS = ("speech_verb", "statement_noun", "issuer_prep", "quoting_verb", "unnamed_speaker_noun",
             "trailing_speech_form", "announcing_verb", "anaphoric_subject", "elaborating_prep",
             "elaborating_naming_verb", "counted_office_noun", "mouthpiece_noun", "accusing_verb")


@lru_cache(maxsize=1)
def cue_lists() -> dict[str, frozenset[str]]:
    """The named cue lists of data/attribution.tsv (one list per attribution rule)."""
    out: dict[str, set[str]] = {name: set() for name in CUE_LISTS}
    for n, row in read_tsv("attribution.tsv", ["list", "cue"]):
        if row["list"] not in out:
            raise DataFileError(f"data file attribution.tsv line {n}: unknown list {row['list']!r}")
        out[row["list"]].add(row["cue"].strip().lower())
    return {k: frozenset(v) for k, v in out.items()}


attribution_rule = stage_decorator("attribution", """Register the decorated function as the attribution-stage rule
    ``name``: one way of finding who says a clause or a quote, read at its own place by ``Speakers`` (it gives no
    speaker when its rule is in the ``Speakers``' ``disabled``: ``Speakers.on``).  Its word sets are lists of
    ``data/attribution.tsv`` (``cue_lists``).""", changes="said_by (the speaker of a clause or quote)",
                                    lists=cue_lists)

SPEECH_LEMMAS = cue_lists()["speech_verb"]
STATEMENT_NOUNS = cue_lists()["statement_noun"]
ISSUER_PREPS = cue_lists()["issuer_prep"]
QUOTING_VERBS = cue_lists()["quoting_verb"]
UNNAMED_SPEAKERS = cue_lists()["unnamed_speaker_noun"] | STATEMENT_NOUNS
PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
# Pronouns that may open a sentence as its subject (a sentence opened so tells its own pair, not the last row's)
_OPENING_PRONOUNS = PRONOUNS_PERSON | {"it", "they", "we", "i"}
_TRAILING = re.compile(
    r',\s*(?P<speaker>(?:an?|the)\s[^,;:“”"]{3,80}?)\s+(?:'
    + "|".join(sorted(map(re.escape, cue_lists()["trailing_speech_form"]), key=lambda w: (-len(w), w))) + r')\b'
    r'[^,;“”"]{0,60}\.?\s*$'
)
LOCATION_WORDS = frozenset({"in", "within", "at", "inside", "across", "near", "from", "into", "throughout"})
# The signature line of an embedded social-media post: "— Name (@handle) date" on the line after the post's text.
_SIGNATURE = re.compile(r"[ \t]*[—–][ \t]*(?P<name>[^\n(@]{2,80}?)[ \t]*\(@\w{1,30}\)")


# How an apposition that describes a person begins: an article, a possessive or a possessor ("a former aide",
# "the bloc's envoy", "his deputy", "Iran's foreign minister")
_APPOSITION_START = re.compile(r"\s*(?:an?|the|his|her|its|their|[a-z][\w.-]*'s)\s")


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation: character range and the sentence it opens in."""

    start: int
    end: int
    continued: bool  # continues the quote of the previous paragraph


def find_quotes(text: str) -> list[Quote]:
    """Double-quoted regions of ``text``; an unclosed quote ends at its paragraph's end."""
    quotes: list[Quote] = []
    i, n = 0, len(text)
    prev_unclosed = False
    while i < n:
        ch = text[i]
        is_open = ch in OPEN_QUOTES or (ch == '"' and (i == 0 or not text[i - 1].isalnum()))
        if is_open:
            para_end = text.find("\n\n", i)
            para_end = n if para_end < 0 else para_end
            close = -1
            for j in range(i + 1, para_end):
                cj = text[j]
                if cj in CLOSE_QUOTES or (cj == '"' and (j + 1 >= n or not text[j + 1].isalnum())):
                    close = j
                    break
            para_start = text.rfind("\n\n", 0, i)
            para_start = 0 if para_start < 0 else para_start + 2
            continued = prev_unclosed and text[para_start:i].strip() == ""
            if close < 0:
                quotes.append(Quote(i, para_end, continued))
                prev_unclosed = True
                i = para_end
                continue
            quotes.append(Quote(i, close + 1, continued))
            prev_unclosed = False
            i = close + 1
            continue
        if text.startswith("\n\n", i):
            # a paragraph that did not open with a quote breaks the chain
            j = i
            while j < n and text[j].isspace():
                j += 1
            if j >= n or text[j] not in OPEN_QUOTES + '"':
                prev_unclosed = False
        i += 1
    return quotes


def subject_bearer(verb: Any) -> Any:
    """The verb whose subject ``verb`` shares: itself when it has a subject or is no conjunct, else the first verb of
    its coordination that has one ("Kenya welcomed the vote and said it would ...": "welcomed"), at most three up."""
    for _ in range(3):
        if verb.dep_ != "conj" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            break
        verb = verb.head
    return verb


def one_of_named(noun: Any) -> Any:
    """The name a relative clause's plural noun picks out as "one of" them ("Orban, one of the few EU leaders who
    has kept ties with Moscow": Orban, not the EU leaders), or ``noun`` itself."""
    prep = noun.head
    if noun.dep_ == "pobj" and prep.lower_ == "of" and prep.head.lower_ == "one" and prep.head.dep_ == "appos":
        return prep.head.head
    return noun


def is_speech_verb(tok: Any) -> bool:
    return tok.lemma_.lower() in SPEECH_LEMMAS and tok.pos_ in {"VERB", "AUX"}


_UNSET = object()


class Speakers:
    """Resolves speakers in one document; build per document."""

    _starts_for_quotes: list[int] | None = None  # mention starts, for quotes that carry a speaker on
    _we_named: Any = None  # (``we_named``: _UNSET until looked up)

    def __init__(self, parsed: Parsed, mentions: tuple[Mention, ...], *, disabled: Iterable[str] = ()) -> None:
        """``disabled``: names of attribution rules (``rules.rules()``) not to apply (the coder's ``disabled``)."""
        self.disabled = frozenset(disabled)
        self._we_named = _UNSET
        self.parsed = parsed
        self.doc = parsed.doc
        self.mentions = mentions
        self.mention_starts = [m.start for m in mentions]  # mentions are in text order: bisect on this
        self.by_token: dict[int, Mention] = {}
        for m in mentions:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None:
                for tok in span:
                    self.by_token[tok.i] = m
        self._sent_starts = [start for start, _ in parsed.spans]
        doc = self.doc
        # Character ranges of the sentences and text-ordered indexes of mentions, persons and quotes: every
        # "the last X before here" lookup below is a bisection, so a long document costs linear time.
        self._sent_chars = [(doc[a].idx, doc[b - 1].idx + len(doc[b - 1])) for a, b in parsed.spans]
        self._sent_char_starts = [a for a, _ in self._sent_chars]
        self._sent_char_ends = [b for _, b in self._sent_chars]
        self._mention_ends = [m.end for m in mentions]
        self._last_person: list[Mention | None] = []
        last = None
        for m in mentions:
            if (m.actor is not None and m.actor.kind == "person") or m.method == "unresolved-person":
                last = m
            self._last_person.append(last)
        self._last_of_kind: dict[frozenset[str], list[Mention | None]] = {}
        self._described_cache: dict[str, Mention | None] = {}
        self.quotes = find_quotes(parsed.document.text)
        self._quote_starts = [q.start for q in self.quotes]
        # Pairs first: naming a speaker can read them ("the two countries said ..." -> last_two_before).
        self._pairs = self._find_pairs()
        self._pairs_by_end = sorted(self._pairs, key=lambda p: p[0])  # stable: ties keep text order
        self._pair_ends = [p[0] for p in self._pairs_by_end]
        self.told_dyads: list[tuple[Mention, Mention]] = []  # state pairs of the events coded so far
        self.row_dyads: list[tuple[Mention, Mention]] = []  # those of hostile acts (a row between the two)
        self.named_speakers = self._named_speakers()
        self._speaker_ats = [at for at, _ in self.named_speakers]
        self._quote_speaker: dict[int, Mention | None] = {}
        self._assign_quote_speakers()

    def on(self, name: str) -> bool:
        """Whether the attribution rule ``name`` applies (it is not in ``disabled``)."""
        return enabled(name, self.disabled)

    def sent_index(self, tok: Any) -> int:
        """The index of the sentence (``parsed.spans``) holding ``tok`` (binary search; Token.sent is slow)."""
        import bisect

        idx = bisect.bisect_right(self._sent_starts, tok.i) - 1
        return max(idx, 0)

    # -- mentions --------------------------------------------------------------
    def mention_at(self, tok: Any) -> Mention | None:
        return self.by_token.get(tok.i)

    def _upto(self, char: int) -> int:
        """How many mentions precede the first mention ending after ``char``."""
        i = bisect.bisect_right(self._mention_ends, char)
        # ends are in text order except for nested mentions; step back to the first one ending after char
        while i > 0 and self._mention_ends[i - 1] > char:
            i -= 1
        return i

    def last_person_before(self, char: int) -> Mention | None:
        i = self._upto(char)
        return self._last_person[i - 1] if i else None

    def last_of_kind_before(self, char: int, kinds: set[str]) -> Mention | None:
        """The last mention ending by ``char`` whose actor is of one of ``kinds``."""
        key = frozenset(kinds)
        table = self._last_of_kind.get(key)
        if table is None:
            table, last = [], None
            for m in self.mentions:
                if m.actor is not None and m.actor.kind in key:
                    last = m
                table.append(last)
            self._last_of_kind[key] = table
        i = bisect.bisect_right(self._mention_ends, char)
        # nested mentions may end out of order: the table holds the last match among the first i
        best = table[i - 1] if i else None
        while best is not None and best.end > char:  # rare: a later-listed mention that ends after char
            j = self.mentions.index(best)
            best = table[j - 1] if j else None
        return best

    def resolve_pronoun(self, tok: Any, *, speaking: bool = False, depth: int = 0) -> Mention | None:
        """"he"/"she": the named subject of the speech verb whose clause it opens ("X said he ..."); the last named
        speaker when the pronoun speaks ("He said:"); as a subject, the person the sentence before is about (its main
        clause's subject: ``_subject_before``); else the last person."""
        if tok.lower_ not in PRONOUNS_PERSON:
            return None
        clause = tok.head if tok.dep_ in {"nsubj", "nsubjpass"} else None
        if clause is not None and clause.dep_ == "ccomp" and is_speech_verb(clause.head):
            # "Vystrcil said he had come to support ...": the one who says so, named as the speech verb's subject,
            # even when the resolver does not know him (not the last person it knows)
            named = next((self.mention_for(c) for c in clause.head.children if c.dep_ == "nsubj"
                          and c.pos_ == "PROPN"), None)
            if named is not None:
                return named
        person = self.last_person_before(tok.idx)
        # (an object pronoun with no person named before it in its sentence continues the sentence before as a
        # subject does: "In June he met Xi, where the Chinese leader called him an old friend. Critics accused him
        # of backing the coup": him is the one the sentence before is about, not Xi, the last person named)
        opens = tok.dep_ in {"nsubj", "nsubjpass"} or person is not None and person.sent_idx < self.sent_index(tok)
        if not speaking and opens and person is not None:
            before = self._subject_before(tok, depth)
            if before is not None:
                person = before
        if speaking:
            speaker = self.last_speaker_before(tok.idx)
            if speaker is not None:
                # "... Putin's spokesman said. Moreover, Volodin shared his opinion. '...,' he added.": a person
                # made the subject of a later sentence than the last speaker's is who "he" is
                if person is not None and person.sent_idx > speaker.sent_idx and person != speaker:
                    span = self.doc.char_span(person.start, person.end, alignment_mode="expand")
                    # (or named in apposition to the subject: "Hungary's foreign minister, Peter Szijjarto,
                    # dismissed the criticism. '...,' he wrote": he was the earlier speaker)
                    root = span.root.head if span is not None and span.root.dep_ == "appos" else \
                        (span.root if span is not None else None)
                    if root is not None and root.dep_ in {"nsubj", "nsubjpass"} and root.head.dep_ == "ROOT":
                        return person
                return speaker
        return person

    def _subject_before(self, tok: Any, depth: int) -> Mention | None:
        """The person the sentence before ``tok``'s is about, when ``tok`` (a "he"/"she" subject) continues it: that
        sentence's main-clause subject, a named person or the same pronoun (resolved so in turn).  "In Berlin he
        will meet Baerbock. In Paris he will meet Macron's adviser": the second "he" is the first one's (it was
        Baerbock, the last person named); "Putin met Erdogan. He then flew to Tehran": Putin."""
        here = self.sent_index(tok)
        if not here or depth > 4:
            return None
        a, b = self.parsed.spans[here - 1]
        roots = [t for t in self.doc[a:b] if t.dep_ == "ROOT"]
        subject = next((c for r in roots for c in r.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None:
            return None
        if subject.lower_ in PRONOUNS_PERSON and (subject.lower_ == tok.lower_ or {subject.lower_, tok.lower_} in (
                {"he", "him"}, {"she", "her"})):
            return self.resolve_pronoun(subject, depth=depth + 1)
        m = self.mention_for(subject)
        return m if m is not None and m.actor is not None and m.actor.kind == "person" else None

    def remember_dyads(self, pairs: list[tuple[Mention, Mention]],
                       rows: Iterable[tuple[Mention, Mention]] = ()) -> None:
        """Record the state pairs the events of a sentence relate (the coder calls this sentence by sentence), for
        ``pair_of_states``; ``rows``: those of its hostile acts (``_dyad_told_just_before``)."""
        self.told_dyads.extend(pairs)
        self.row_dyads.extend(rows)

    def pair_of_states(self, char: int, *, described: bool = False,
                       exclude: frozenset[str] = frozenset()) -> list[Mention]:
        """"The two countries", "both countries": of the pairs of states the article has told so far (events between
        two states, recorded by ``remember_dyads``, and the pairs named together), the one told most (the
        headline's and the lede's twice), the later on a tie (the last pair named together counts as the
        latest). "India expelled a Canadian diplomat. Ottawa expelled an Indian one. The US and Australia were
        concerned ... both countries" is India and Canada."""
        named = self.last_two_before(char, persons=False)
        if described:  # "the two European countries that seek to join": a description of a pair named together
            return named
        # events between two states count once; a pair named together ("Azerbaijan and Armenia agree ...", "the
        # talks between A and B") is a pair by its words and counts twice; the last one named is the latest
        # (not two international bodies: "The Arab League and the African Union urged restraint. Turkey brokered
        # talks between the two neighbours" is Ethiopia and Somalia)
        together = [(a, b) for end, a, b in self._pairs_by_end[:bisect.bisect_right(self._pair_ends, char)]
                    if a.actor is not None and b.actor is not None and a.actor.kind != "person"
                    and b.actor.kind != "person" and not (a.actor.kind == b.actor.kind == "igo")]
        here = next((k for k, s in enumerate(self.parsed.sentences) if s.start <= char < s.end), None)
        # ("agreed to a ceasefire after talks mediated by Qatar and Turkey, following the worst fighting between the
        # neighbours": a pair of agents of a by-phrase is the mediators, not the pair meant, when another is named)
        same = [p for p in together if p[0].sent_idx == p[1].sent_idx == here]
        acting = [p for p in same if not self._agents_of_a_by_phrase(p)]
        if len(acting) < len(same) and acting:
            together = [p for p in together if p in acting or p not in same]
        if together and here is not None and together[-1][0].sent_idx == together[-1][1].sent_idx == here and not (
                exclude and {m.actor.node for m in together[-1]} & exclude):
            # "Vietnam fought a war with China and the two countries have disputes": a pair named together earlier in
            # the same sentence is the one meant, whatever pair the article tells most
            return list(together[-1])
        if together and here and self._subject_pair_of(together[-1], here - 1) and self._opens_sentence(char, here):
            # "Neither Egypt nor Sudan has accepted the plan. Both countries have asked the UN to intervene": the pair
            # the sentence before is about, as its subjects, when the phrase opens the next one
            return list(together[-1])
        just = self._dyad_told_just_before(char, here, exclude)
        if just is not None:
            return just
        candidates = [(a, b, 1) for a, b in self.told_dyads if a.end <= char and b.end <= char]
        candidates += [(a, b, 2) for a, b in together[:-1]] + ([(named[0], named[1], 2)] if len(named) == 2 else [])
        if exclude:  # "Kenya and Angola tried to mediate between the two countries": not the mediators themselves
            candidates = [(a, b, w) for a, b, w in candidates if a.actor is None or b.actor is None
                          or not ({a.actor.node, b.actor.node} & exclude)]
        tally: dict[frozenset[str], int] = {}
        last: dict[frozenset[str], tuple[int, list[Mention]]] = {}
        for order, (a, b, weight) in enumerate(candidates):
            if a.actor is None or b.actor is None or not a.actor.node or not b.actor.node:
                continue
            key = frozenset((a.actor.node, b.actor.node))
            # the headline and the lede tell what the article is about: their pairs count twice (both of the pair
            # named there: "Russia welcomed the deal" later, its parties read from the headline, is told later)
            tally[key] = tally.get(key, 0) + weight * (2 if max(a.sent_idx, b.sent_idx) <= 1 else 1)
            last[key] = (order, [a, b])
        if not tally:
            return named
        return [self._as_state(m, char) for m in last[max(tally, key=lambda k: (tally[k], last[k][0]))][1]]

    def _agents_of_a_by_phrase(self, pair: tuple[Mention, Mention]) -> bool:
        """Whether the first of ``pair`` is the object of a by-phrase ("talks mediated by Qatar and Turkey")."""
        span = self.doc.char_span(pair[0].start, pair[0].end, alignment_mode="expand")
        tok = span.root if span is not None and len(span) else None
        return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ == "by"

    def _dyad_told_just_before(self, char: int, here: int | None, exclude: frozenset[str]) -> list[Mention] | None:
        """The one pair of states the hostile acts of the sentence before ``here`` relate (a row), when neither of it
        is named earlier in sentence ``here`` (nor in ``exclude``), and the sentence does not open on a pronoun:
        "Venezuela accused Guyana of provoking tensions. Brazil urged both sides to show restraint" (a news brief's
        other pair, told most, was taken). Not a third party's appeal: after "The US urged India to cooperate",
        "relations between the two countries" are the pair the article is about. None otherwise."""
        if not here or self.doc[self.parsed.spans[here][0]].lower_ in _OPENING_PRONOUNS:
            return None
        pairs = {frozenset((a.actor.node, b.actor.node)): (a, b) for a, b in self.row_dyads
                 if a.sent_idx == b.sent_idx == here - 1 and a.actor is not None and b.actor is not None
                 and a.actor.node and b.actor.node and a.actor.kind != "person" and b.actor.kind != "person"}
        if len(pairs) != 1:
            return None
        (key, pair), = pairs.items()
        start = self.parsed.sentences[here].start
        named = {m.actor.node for m in self.mentions[bisect.bisect_left(self.mention_starts, start):
                                                     bisect.bisect_left(self.mention_starts, char)]
                 if m.actor is not None and m.actor.node}
        if key & (named | exclude):
            return None
        return [self._as_state(m, char) for m in pair]

    def _subject_pair_of(self, pair: tuple[Mention, Mention], idx: int) -> bool:
        """Whether both of ``pair`` are in sentence ``idx`` and are the coordinated subjects of its main verb."""
        if pair[0].sent_idx != idx or pair[1].sent_idx != idx:
            return False
        toks = [self.doc.char_span(m.start, m.end, alignment_mode="expand") for m in pair]
        if any(t is None or not len(t) for t in toks):
            return False
        a, b = (t.root for t in toks)
        return a.dep_ in {"nsubj", "nsubjpass"} and a.head.dep_ == "ROOT" and b.dep_ == "conj" and b.head == a

    def _opens_sentence(self, char: int, idx: int) -> bool:
        """Whether the phrase at ``char`` is the first noun phrase of sentence ``idx``."""
        start = self.parsed.sentences[idx].start
        return not any(m.start < char for m in self.mentions[bisect.bisect_left(self.mention_starts, start):
                                                             bisect.bisect_left(self.mention_starts, char)]) \
            and len(self.doc.text[start:char].split()) <= 2

    def _as_state(self, m: Mention, char: int) -> Mention:
        """The last mention before ``char`` of the state a person's mention ``m`` serves, or ``m``: "Han Zheng met
        Laureano Ortega ... the two countries" are China and Nicaragua, not the two men."""
        if m.actor is None or m.actor.kind != "person" or not m.actor.node:
            return m
        i = bisect.bisect_left(self.mention_starts, char)
        return next((x for x in reversed(self.mentions[:i]) if x.actor is not None and x.actor.kind == "state"
                     and x.actor.node == m.actor.node and x.actor.id == x.actor.node), m)

    def last_party_before(self, tok: Any, nodes: Any, kind_ok: Any) -> Mention | None:
        """The last mention before ``tok`` in its sentence with a network node, an actor of a kind ``kind_ok``
        accepts, and none of ``nodes`` (what a pronoun stands for: an object "it", "its alliance with X")."""
        for t in reversed(tok.doc[tok.sent.start:tok.i]):
            m = self.mention_at(t)
            if m is not None and m.actor is not None and kind_ok(m.actor.kind) and m.actor.node \
                    and m.actor.node not in nodes:
                return m
        return None

    def we_named(self) -> Mention | None:
        """The actor a document's "We, the G7 foreign ministers of ..., met in Capri" names in apposition to its first
        "we" outside quotes: a communique's voice, whose later "we" it is (found once per document)."""
        if self._we_named is _UNSET:
            self._we_named = self._find_we_named()
        return self._we_named

    def _find_we_named(self) -> Mention | None:
        for tok in self.doc:
            if tok.lower_ != "we" or self.quote_at(tok.idx) is not None:
                continue
            for appos in (c for c in tok.children if c.dep_ == "appos"):
                m = self.mention_for(appos) or next((x for t in appos.subtree if (x := self.mention_at(t)) is not None
                                                     and x.actor is not None), None)
                if m is not None and m.actor is not None and m.actor.node:
                    return m
            return None
        return None

    def _last_two_named(self, char: int) -> list[Mention]:
        """The last two actors of different nodes named before ``char``, in text order; none when they are two of a
        list of more ("the United States, the United Kingdom and Australia, ... the former would help the latter":
        which ones the words mean, the list does not say)."""
        out: list[Mention] = []
        for m in reversed(self.mentions[:bisect.bisect_left(self.mention_starts, char)]):
            if m.actor is None or not m.actor.node or any(o.actor.node == m.actor.node for o in out):
                continue
            out.insert(0, m)
            if len(out) == 2:
                break
        for m in out:
            span = self.doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and len(span) and len(span.root.conjuncts) > 1:
                return []
        return out

    def last_two_before(self, char: int, *, persons: bool) -> list[Mention]:
        """The last pair of actors named together before ``char`` ("the two leaders", "the two countries"):
        "between A and B", "A and B", "A's relationship with B", "A held a call with B"."""
        i = bisect.bisect_right(self._pair_ends, char)
        for end, a, b in reversed(self._pairs_by_end[:i]):
            if a.actor is None or b.actor is None:
                continue
            if persons and not (a.actor.kind == "person" and b.actor.kind == "person"):
                continue
            if not persons and a.actor.kind == b.actor.kind == "igo":
                continue  # ("the Arab League and the African Union urged restraint": no pair "the two neighbours")
            return [a, b]
        return []

    def _find_pairs(self) -> list[tuple[int, Mention, Mention]]:
        pairs = []
        for tok in self.doc:
            a = b = None
            if tok.dep_ == "conj":
                root = tok.head
                while root.dep_ == "conj":
                    root = root.head
                if root.dep_ == "pobj" and root.head.lower_ in LOCATION_WORDS:
                    continue  # "targets within Syria and Iran" are places, not a pair of actors
                if len(root.conjuncts) > 1:
                    continue  # "A, B and C" are three: "the two countries" is never two of them
                a, b = self.by_token.get(tok.head.i), self.by_token.get(tok.i)
            elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in words("meeting_verb") | words("hosting_verb"):
                # "Lula met Biden at the White House, where the two leaders pledged ...": who met whom
                b = self.by_token.get(tok.i)
                a = next((self.by_token.get(c.i) for c in tok.head.children if c.dep_ == "nsubj"), None)
            elif tok.dep_ == "pobj" and tok.head.lower_ == "with":
                # (or the name set beside it: "watched a match with his Armenian counterpart Serzh Sargsyan")
                b = self.by_token.get(tok.i) or next((self.by_token.get(c.i) for c in tok.children
                                                      if c.dep_ == "appos" and c.i in self.by_token), None)
                owner = tok.head.head
                for c in owner.children:
                    if c.dep_ in {"poss", "nsubj"}:
                        a = self.by_token.get(c.i)
                if a is None and owner.dep_ in {"dobj", "pobj"}:
                    verb = owner.head if owner.dep_ == "dobj" else owner.head.head
                    for c in verb.children:
                        if c.dep_ == "nsubj":
                            a = self.by_token.get(c.i)
                            if a is None and c.lower_ in {"who", "which", "that"} and verb.dep_ == "relcl":
                                # "a visit by Marcos, who held talks with Vo": the relative pronoun's noun
                                a = self.by_token.get(verb.head.i)
            if a is not None and b is not None and a.actor and b.actor and a.actor.node and b.actor.node \
                    and a.actor.node != b.actor.node:
                pairs.append((max(a.end, b.end), a, b))
        return pairs

    def last_speaker_before(self, char: int) -> Mention | None:
        i = bisect.bisect_left(self._speaker_ats, char)
        return self.named_speakers[i - 1][1] if i else None

    def _named_speakers(self) -> list[tuple[int, Mention]]:
        """Speech verbs whose subject is a named person (not a pronoun), in text order. A verb of accusing speaks
        too ("Katz accused Erdogan of ... . Israel would look elsewhere, he said": he is Katz, not Erdogan)."""
        out = []
        accusing = cue_lists()["accusing_verb"] if self.on("accusation_is_the_accusers") else frozenset()
        for tok in self.doc:
            if not is_speech_verb(tok) and tok.lemma_.lower() not in accusing:
                continue
            # "Le Drian called the junta illegitimate and said ...": the subject the conjoined verbs share
            for child in subject_bearer(tok).children:
                if child.dep_ in {"nsubj", "nsubjpass"} and child.lower_ not in PRONOUNS_PERSON:
                    m = self.mention_for(child) or self._described(child)
                    if m is not None and ((m.actor is not None and m.actor.kind == "person") or m.method == "unresolved-person"):
                        out.append((tok.idx, m))
        return out

    def _described(self, tok: Any) -> Mention | None:
        """"a former aide to the president tells ...": the person the article later
        introduces with the same description ("Jane Doe, a former aide to the president")."""
        if tok.pos_ != "NOUN" or any(c.dep_ == "poss" for c in tok.children):
            return None  # "its president" is the owner's, not a person described by the noun
        lemma = tok.lemma_.lower()
        if lemma not in self._described_cache:  # the answer depends on the lemma only
            self._described_cache[lemma] = self._described_by(lemma)
        return self._described_cache[lemma]

    def _described_by(self, lemma: str) -> Mention | None:
        text = self.parsed.document.text
        for m in self.mentions:
            if not ((m.actor is not None and m.actor.kind == "person") or m.method == "unresolved-person"):
                continue
            after = text[m.end:m.end + 80].lower()
            described = after.split(",")[1] if "," in after[1:] else after[1:]
            # an apposition describes ("Jane Doe, a former aide to the president"); a verb after the comma does not
            # ("Lula da Silva, visited Beijing and met President Xi")
            if after.startswith(",") and _APPOSITION_START.match(described) \
                    and re.search(rf"\b{re.escape(lemma)}s?\b", described):
                return m
        return None

    @attribution_rule("titled_holder", reads="a noun phrase headed by a title (PROPN or NOUN) that ends in a "
                      "person's name, with only capitalised words and of/for/the between",
                      changes="the phrase's mention (a speaker's, or any argument's) -> the person named at its end")
    def _titled_holder(self, tok: Any) -> Mention | None:
        """Rule ``titled_holder``: "Minister for Defence Peter Dutton said": the parser heads the phrase with
        the title; the speaker is the person named at the phrase's end (capitalised words and "of"/"for"
        between, nothing else)."""
        if tok.pos_ not in {"PROPN", "NOUN"} or not self.on("titled_holder"):
            return None
        end = tok.right_edge
        m = self.by_token.get(end.i)
        if not _is_person(m) or end.i <= tok.i:
            return None
        between = self.doc[tok.i + 1:end.i + 1]
        if all(t.pos_ == "PROPN" or t.lower_ in {"of", "for", "the"} for t in between):
            return m
        return None

    # -- quotes ------------------------------------------------------------------
    def quote_at(self, char: int) -> int | None:
        k = bisect.bisect_right(self._quote_starts, char) - 1  # quotes are in text order, not nested
        while k >= 0:
            if self.quotes[k].start <= char < self.quotes[k].end:
                return k
            k -= 1
            if k >= 0 and self.quotes[k].end <= char:
                break
        return None

    def speaker_of_quote(self, k: int) -> Mention | None:
        return self._quote_speaker.get(k)

    def _assign_quote_speakers(self) -> None:
        doc = self.doc
        for k, q in enumerate(self.quotes):
            speaker = None
            if q.continued and k > 0:
                speaker = self._quote_speaker.get(k - 1)
            if speaker is None:
                speaker = self._speaker_near(q)
            if speaker is None and k > 0 and not self._speech_verb_after(q):
                # '“A,” the joint statement said.': a quote its own sentence attributes, to an unnamed voice, is not
                # the last speaker's
                speaker = self._same_paragraph_speaker(k)
            self._quote_speaker[k] = speaker
        del doc

    @attribution_rule("quote_after_attributed_quote", reads="the quote before, in the same paragraph, its speaker, "
                      "and the mentions between the two quotes", changes="the quote's speaker -> the one before's")
    def _same_paragraph_speaker(self, k: int) -> Mention | None:
        """Rule ``quote_after_attributed_quote``: '“A,” Lavrov said. “B.”': a quote with no speech verb of its
        own, in the paragraph of an attributed quote, with no one else named between them, is the same
        speaker's; so is a quote that opens the next paragraph ('“A,” X said.' or 'X said: “A.”', then a
        paragraph '“B. C.”')."""
        prev, q = self.quotes[k - 1], self.quotes[k]
        speaker = self._quote_speaker.get(k - 1)
        text = self.parsed.document.text
        gap = text[prev.end:q.start]
        # the next paragraph may go on quoting (news sets a long quote as a run of quoted paragraphs): a quote
        # that opens the paragraph right after the one that ended with the attributed quote
        if not self.on("quote_after_attributed_quote") or speaker is None or (
                "\n\n" in gap and (gap.rsplit("\n\n", 1)[1].strip() or gap.count("\n\n") > 1)):
            return None
        import bisect

        if self._starts_for_quotes is None:  # built once per document; mentions are in text order
            self._starts_for_quotes = [m.start for m in self.mentions]
        starts = self._starts_for_quotes
        for m in self.mentions[bisect.bisect_left(starts, prev.end):bisect.bisect_left(starts, q.start)]:
            if m.sent_idx == speaker.sent_idx and m.start >= prev.end and not _is_person(m):
                # a state or body named in the speaker's own attribution ('“A,” X told Australia's Channel Nine.')
                # speaks no quote; a person named there ('X said to Y') may be the one who answers
                continue
            if m is not speaker and not (
                    m.actor is not None and speaker.actor is not None and m.actor.id == speaker.actor.id):
                return None
        return speaker

    def _speaker_near(self, q: Quote) -> Mention | None:
        """The speaker of a quote from a speech verb outside it in the same sentence, or "X:" before it."""
        doc, text = self.doc, self.parsed.document.text
        sent_tokens = self._sentence_tokens_around(q)
        # "X said: “...", "“...,” he said", "“...,” said X"
        for tok in sent_tokens:
            if q.start <= tok.idx < q.end or not is_speech_verb(tok):
                continue
            subj = subject_of(tok, self)
            if subj is not None:
                return subj
        # "Mr Gallyamov: “Yes ..." (speech verb elided)
        before = text[max(0, q.start - 3):q.start]
        if ":" in before:
            head = doc.char_span(max(0, q.start - 3), q.start, alignment_mode="expand")
            if head is not None and head.start > 0:
                prev = doc[head.start - 1]
                m = self.by_token.get(prev.i)
                if m is not None:
                    return m
        # a quote that makes up a whole paragraph right after "He continued:" etc. is handled above
        return None

    def _speech_verb_after(self, q: Quote) -> bool:
        """Whether a speech verb outside the quote, in its sentence, follows it with a subject of its own that is no
        pronoun ('“A,” the statement said.'; '“A,” it continued.' goes on with the speaker before)."""
        for t in self._sentence_tokens_around(q):
            if t.idx < q.end or t.lemma_.lower() not in SPEECH_LEMMAS or t.pos_ not in {"VERB", "AUX"} \
                    or self.quote_at(t.idx) is not None:
                continue
            subj = next((c for c in t.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            if subj is not None and subj.pos_ != "PRON":
                return True
        return False

    def _sentence_tokens_around(self, q: Quote) -> list[Any]:
        doc = self.doc
        out = []
        lo = bisect.bisect_left(self._sent_char_ends, q.start)
        hi = bisect.bisect_right(self._sent_char_starts, q.end)
        for k in range(lo, hi):
            start, end = self.parsed.spans[k]
            s_char, e_char = self._sent_chars[k]
            if s_char <= q.start < e_char or (q.start <= s_char < q.end) or (s_char < q.end <= e_char):
                out.extend(doc[start:end])
        return out

    # -- indirect speech --------------------------------------------------------
    def speaker_of_clause(self, tok: Any) -> Mention | None:
        """Speaker of the clause containing ``tok``: a governing speech verb or "according to X", within
        ``tok``'s own sentence (detente's sentences can cut a parse tree that runs on across a paragraph break:
        a speech verb of the sentence before does not report this one)."""
        lo, hi = self.parsed.spans[self.sent_index(tok)]
        node = tok
        for _ in range(8):
            m = according_to(node, self) or accuser_of(node, self)
            if m is not None:
                return m
            head = node.head
            if head == node or not lo <= head.i < hi:
                break
            if _narrators_time_frame(node) or aside_on_a_claim(node, self):
                return None
            if node.dep_ in {"ccomp", "parataxis", "xcomp", "advcl", "conj"} and is_speech_verb(head):
                if node.dep_ in {"xcomp", "advcl", "conj"}:
                    if node.dep_ == "advcl" and node.tag_ == "VBG" and is_speech_verb(node) and not any(
                            c.dep_ in {"nsubj", "nsubjpass"} for c in node.children):
                        # "X said ..., adding that France remained a partner": the participle's speaker is the
                        # subject of the speech verb it elaborates
                        subj = subject_of(head, self)
                        if subj is not None:
                            return subj
                    node = head
                    continue
                subj = subject_of(head, self)
                if subj is not None:
                    return subj
                if any(c.dep_ == "nsubj" and self.unnamed_voice(c) is not None for c in head.children):
                    # "X exchanged fire, officials on both sides said, days after ... the Taliban said ...": the
                    # clause's own reporter is an unnamed voice (``unnamed_speaker``), not a speaker further up
                    return None
            node = head
        return (self._speaker_conjoined_after(node, tok) or self.with_speaking(tok) or self.trailing_speaker(tok)
                or self.colon_speaker(tok) or self.signature_speaker(tok) or self.announced_next(tok))

    def _speaker_conjoined_after(self, top: Any, tok: Any) -> Mention | None:
        """"North Korea has sent troops to Russia ..., South Korea's spy agency said on Friday": the parser makes the
        trailing speech verb a conjunct of the reported clause; its subject, after a comma, speaks the clause (a
        speech verb with a complement or object of its own reports something else).  So is one the parser hangs as
        a parataxis when the sentence runs on after it ("..., South Korea's military said, hours after ...")."""
        for c in top.children:
            # (the comma before the speaker may hang in the speech verb's own subtree)
            first = min((t.i for t in c.subtree if not t.is_punct), default=c.i)
            dep_ok = c.dep_ == "conj" or (c.dep_ == "parataxis" and self.on("trailing_speaker"))
            if dep_ok and c.i > tok.i and is_speech_verb(c) and first > 0 \
                    and self.doc[first - 1].text == "," \
                    and not any(d.dep_ in {"ccomp", "dobj", "xcomp"} for d in c.children):
                subj = subject_of(c, self)
                if subj is not None:
                    return subj
        return None

    @attribution_rule("with_speaking_elaborates", reads="the clause's verb and a with-phrase on it (elaborating_prep) "
                      "whose clause is a speech or naming verb (elaborating_naming_verb: 'with X calling it a "
                      "mistake') with a person of the clause subject's own state as its subject ('with X saying', "
                      "'with X, saying')", changes="said_by -> that person",
                      vocab=("elaborating_prep", "elaborating_naming_verb"))
    def with_speaking(self, tok: Any) -> Mention | None:
        """Rule ``with_speaking_elaborates``: "Paris reacted with fury, with its foreign minister describing the
        deal as a stab in the back": the with-clause tells what the reaction said and who said it, so the
        reaction is that person's word.  Someone of another state ("..., with US officials saying ...") tells
        nothing about who reacted and is left alone."""
        if not self.on("with_speaking_elaborates"):
            return None
        verb = tok
        for _ in range(4):  # the clause's verb: the trigger itself, or the verb its noun or adjective hangs from
            if verb.pos_ in {"VERB", "AUX"} or verb.head == verb:
                break
            verb = verb.head
        subject = next((self.mention_for(c) for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.actor is None or not subject.actor.country:
            return None
        preps, naming = cue_lists()["elaborating_prep"], cue_lists()["elaborating_naming_verb"]

        def speaks(t: Any) -> bool:
            return is_speech_verb(t) or (t.pos_ == "VERB" and t.lemma_.lower() in naming)

        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in preps):
            for c in prep.children:
                if c.dep_ == "pcomp" and speaks(c):  # "with X describing it as ...", "with X calling it ..."
                    speaker = next((self.mention_for(s) for s in c.children if s.dep_ == "nsubj"), None)
                elif c.dep_ == "pobj" and any(a.dep_ in {"acl", "advcl"} and speaks(a) for a in c.children):
                    speaker = self.mention_for(c)  # "with X saying ...", parsed as X modified by "saying"
                else:
                    continue
                if _is_person(speaker) and speaker.actor is not None and speaker.actor.country == subject.actor.country:
                    return speaker
        return None

    @attribution_rule("announced_in_the_next_sentence", reads="the sentence after the clause's (across at most one "
                      "paragraph break): a passive announcing verb (announcing_verb) whose subject is an anaphor "
                      "(anaphoric_subject: 'this', 'that') and whose by-agent names an actor",
                      changes="said_by -> the by-agent", vocab=("announcing_verb", "anaphoric_subject"))
    def announced_next(self, tok: Any) -> Mention | None:
        """Rule ``announced_in_the_next_sentence``: "Chile and Peru signed a pact. This was made public by Peru's
        prime minister.": what the sentence before tells is the agent's announcement."""
        if not self.on("announced_in_the_next_sentence"):
            return None
        k = self.sent_index(tok)
        spans = self.parsed.spans
        if k + 1 >= len(spans):
            return None
        doc = self.doc
        end, (lo, hi) = spans[k][1], spans[k + 1]
        lists = cue_lists()
        verbs = [t for t in doc[lo:hi] if t.lemma_.lower() in lists["announcing_verb"]]
        if not verbs or self.parsed.document.text[doc[end - 1].idx:doc[lo].idx].count("\n\n") > 1:
            return None
        for t in verbs:
            if not any(c.dep_ == "nsubjpass" and c.lower_ in lists["anaphoric_subject"] for c in t.children):
                continue
            for by in (c for c in t.children if c.dep_ == "agent"):
                for p in (c for c in by.children if c.dep_ == "pobj"):
                    m = self.mention_for(p)
                    if m is not None and m.actor is not None:
                        return m
                    # "the Office of the President of Finland Sauli Niinisto": the person named in the phrase,
                    # else the state
                    inside = [x for x in (self.mention_at(d) for d in p.subtree) if x is not None and x.actor]
                    if inside:
                        return next((x for x in inside if _is_person(x)), inside[0])
        return None

    @attribution_rule("post_signature", reads="the line after the clause's line: an embedded post's signature "
                      "'— Name (@handle) date' (a pattern, _SIGNATURE) naming a person",
                      changes="said_by -> that person (the handle is no actor)")
    def signature_speaker(self, tok: Any) -> Mention | None:
        """Rule ``post_signature``: an embedded social-media post is followed by its signature line, "— Name
        (@handle) date": the line before it (the post's text) is said by that person (the handle is no actor)."""
        if not self.on("post_signature"):
            return None
        text = self.parsed.document.text
        end = text.find("\n", tok.idx)
        if end < 0:
            return None
        rest = text[end:end + 200]
        body = rest.lstrip("\n")
        skipped = len(rest) - len(body)
        if skipped > 2:
            return None  # the next line, or the next paragraph, and no further
        m = _SIGNATURE.match(body)
        if m is None:
            return None
        lo, hi = end + skipped + m.start("name"), end + skipped + m.end("name")
        return next((x for x in self.mentions if lo <= x.start < hi and _is_person(x) and x.actor is not None), None)

    def speech_verb_of(self, tok: Any) -> Any:
        """The speech verb whose reported clause holds ``tok`` ("Iran condemned Israel, officials said"), or None."""
        node = tok
        for _ in range(8):
            head = node.head
            if head == node:
                break
            if node.dep_ in {"ccomp", "parataxis"} and is_speech_verb(head):
                return head
            if node.dep_ in {"xcomp", "advcl", "conj"} and is_speech_verb(head):
                return None  # the speech verb's own clause ("said X and accused Y"): no report of another's
            node = head
        # "Iran condemned Israel, officials said" parsed with the speech verb hanging from the reported clause
        return next((c for c in node.children if c.dep_ == "parataxis" and c.i > tok.i and is_speech_verb(c)), None)

    @attribution_rule("unnamed_speaker", reads="the subject (or by-agent) of the speech verb reporting the clause: "
                      "an unnamed voice (unnamed_speaker_noun, statement_noun) that names no actor",
                      changes="said_by -> that description, with no actor (when no named speaker was found)",
                      vocab=("unnamed_speaker_noun", "statement_noun"))
    def unnamed_speaker(self, tok: Any) -> Mention | None:
        """Rule ``unnamed_speaker`` (cue list ``unnamed_speaker_noun``, with ``statement_noun``): a clause reported
        by an unnamed voice ("a foreign ministry statement said", "officials said", "a senior official in Moscow
        said", "diplomatic sources told reporters") is second-hand, not the outlet's own assertion: its
        ``said_by`` is that description, with no actor (nothing is guessed about whose it is).  Only when no named
        speaker was found (``speaker_of_clause``)."""
        verb = self.speech_verb_of(tok) if self.on("unnamed_speaker") else None
        if verb is None:
            return None
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subj is None:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            subj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return self.unnamed_voice(subj) if subj is not None else None

    def unnamed_voice(self, subj: Any) -> Mention | None:
        """The description of an unnamed voice headed by ``subj`` ("officials", "three diplomats familiar with the
        talks": the head with what follows it up to a comma or a clause), with the actor of the body it speaks for
        if named, else none; None when ``subj`` is no such noun or names an actor itself."""
        if subj.lemma_.lower() not in UNNAMED_SPEAKERS or self.by_token.get(subj.i) is not None:
            return None
        end = subj.i
        for t in subj.subtree:  # the head with what follows it up to a comma or a clause ("in Moscow")
            if t.i <= subj.i:
                continue
            if t.is_punct or t.dep_ in {"relcl", "acl", "appos", "cc", "conj"} or t.i != end + 1:
                break
            end = t.i
        span = self.doc[subj.left_edge.i:end + 1]
        body = self._speakers_body(subj)
        return Mention(self.parsed.document.id, self.sent_index(subj), span.start_char, span.end_char, span.text,
                       body.actor if body is not None else None, UNNAMED_SPEAKER)

    def _speakers_body(self, subj: Any) -> Mention | None:
        """"a spokesperson for the Eastern Theatre Command", "an official at the foreign ministry": the body an unnamed
        speaker speaks for, named in a for/of/at/from phrase on the noun; for "the spokesperson", the body of the last
        such phrase on the same noun before it. None when no state or organisation is named."""
        def body_of(noun: Any) -> Mention | None:
            for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"for", "of", "at", "from"}):
                for t in prep.subtree:
                    m = self.by_token.get(t.i)
                    if m is not None and m.actor is not None and m.actor.kind != "person":
                        return m
            return None

        found = body_of(subj)
        if found is not None or not any(c.dep_ == "det" and c.lower_ == "the" for c in subj.children):
            return found
        lemma = subj.lemma_.lower()
        for t in reversed(self.doc[:subj.i]):
            if t.lemma_.lower() == lemma and t.pos_ == "NOUN":
                return body_of(t)
        return None

    @attribution_rule("headline_colon_speaker", reads="a sentence that ends in a colon and a person's name, or that "
                      "opens with a person's name and a colon", changes="said_by -> that person, for what stands "
                      "before (after) the colon")
    def colon_speaker(self, tok: Any) -> Mention | None:
        """Rule ``headline_colon_speaker``: "Turkey will not approve Sweden joining NATO: Erdoğan": a sentence
        that ends with a colon and a person's name is that person's statement (the headline convention); so is one
        that opens with the name and a colon ("Lavrov: West uses Kiev regime as tool against Russia"), and every
        sentence of a transcript's paragraph its speaker's capital label opens ("PRESIDENT ERDOGAN: ...")."""
        if not self.on("headline_colon_speaker"):
            return None
        labelled = self.label_speaker(tok)
        if labelled is not None:
            return labelled
        lo, hi = self.parsed.spans[self.sent_index(tok)]
        end = hi
        while end > lo and self.doc[end - 1].is_punct:
            end -= 1
        if end <= lo:
            return None
        # "Lavrov: West uses Kiev regime as tool against Russia": a person's name and a colon opening the sentence
        lead = self.by_token.get(self.doc[lo].i)
        if _is_person(lead) and tok.idx >= lead.end:
            after = next((t for t in self.doc[lo:hi] if t.idx >= lead.end), None)
            if after is not None and after.text == ":" and tok.i > after.i:
                return lead
        m = self.by_token.get(self.doc[end - 1].i)
        if not _is_person(m):
            return None  # "a deal with two states: Iran and Syria" lists; a person's name after the colon speaks
        first = next((t for t in self.doc[lo:end] if self.by_token.get(t.i) is m), None)
        if first is None or first.i <= lo or self.doc[first.i - 1].text != ":" or tok.i >= first.i:
            return None
        return m

    def label_speaker(self, tok: Any) -> Mention | None:
        """The person a transcript's speaker label names ("PRESIDENT ERDOGAN: I welcome ... Today we signed ..."):
        the first sentence of ``tok``'s paragraph opens with words in capitals naming a person (or wholly a state or
        an international body: "ALGERIA: We regret ..."), then a colon, before ``tok``; else None."""
        k = self.sent_index(tok)
        para = self.parsed.sentences[k].paragraph
        first = k
        while first > 0 and self.parsed.sentences[first - 1].paragraph == para:
            first -= 1
        lo, hi = self.parsed.spans[first]
        toks = [t for t in self.doc[lo:hi] if not t.is_space]
        colon = next((n for n, t in enumerate(toks[:6]) if t.text == ":"), None)
        if not colon or tok.i <= toks[colon].i or not all(t.is_upper or not t.is_alpha for t in toks[:colon]):
            return None
        named = next((m for t in toks[:colon] if (m := self.by_token.get(t.i)) is not None), None)
        # (or a state, as a council's record labels its members' speeches: "ALGERIA: We regret ...")
        state = named is not None and named.actor is not None and named.actor.kind in {"state", "igo"} \
            and all(self.by_token.get(t.i) is named for t in toks[:colon])
        return named if _is_person(named) or state else None

    @attribution_rule("counted_officials_named_after", reads="a speaker phrase of a numeral and a plural office "
                      "noun (counted_office_noun: 'two Chilean ministers') that stands for a state; the next two "
                      "sentences: a person of that state in the subject of a speech verb",
                      changes="said_by -> the first such person (the phrase names the holders next)",
                      vocab=("counted_office_noun",))
    def named_after(self, head: Any, m: Mention | None) -> Mention | None:
        """Rule ``counted_officials_named_after``: '“...,” two Chilean ministers said. The foreign minister, A,
        and the trade minister, B, said ...': the officials counted are the holders the
        article names next as speaking; the first of them is the speaker (``said_by`` holds one mention)."""
        if (m is None or m.actor is None or m.actor.kind == "person" or not m.actor.country
                or head.lower_ not in cue_lists()["counted_office_noun"]
                or not any(c.dep_ == "nummod" for c in head.children) or not self.on("counted_officials_named_after")):
            return None
        k = self.sent_index(head)
        spans = self.parsed.spans
        for lo, hi in spans[k + 1:k + 3]:
            for verb in (t for t in self.doc[lo:hi] if is_speech_verb(t)):
                for subj in (c for c in verb.children if c.dep_ == "nsubj"):
                    found = [p for p in dict.fromkeys(self.by_token.get(t.i) for t in subj.subtree)
                             if _is_person(p) and p.actor is not None and p.actor.country == m.actor.country]
                    if found:  # the name rather than its title ("Marise Payne", not "foreign minister")
                        return next((p for p in found if p.text[:1].isupper()), found[0])
        return None

    @attribution_rule("trailing_speaker", reads="the sentence's surface: ', a/the <description> tells/says ...' at "
                      "its end (a pattern, _TRAILING, of the forms trailing_speech_form: the parse of a long sentence "
                      "often goes astray there); and a speech verb after a comma hung as a parataxis of the clause "
                      "('..., South Korea's military said, hours after ...': _speaker_conjoined_after)",
                      changes="said_by -> the mention the description heads, or the person the article describes so",
                      vocab=("trailing_speech_form",))
    def trailing_speaker(self, tok: Any) -> Mention | None:
        """Rule ``trailing_speaker``: "..., a former aide to the president tells a tabloid.": the speaker named
        at the end of the sentence, read from the surface when the parse of a long sentence goes astray."""
        if not self.on("trailing_speaker"):
            return None
        lo, hi = self.parsed.spans[self.sent_index(tok)]
        sent = self.doc[lo:hi]
        m = _TRAILING.search(sent.text)
        if m is None:
            return None
        start = sent.start_char + m.start("speaker")
        if tok.idx >= start:
            return None
        span = self.doc.char_span(start, sent.start_char + m.end("speaker"), alignment_mode="expand")
        if span is None:
            return None
        head = next((t for t in span if t.pos_ in {"NOUN", "PROPN"}), None)
        if head is None:
            return None
        found = self.by_token.get(head.i)
        if found is not None:
            return found
        return self._described(head)

    def mention_for(self, tok: Any, *, speaking: bool = False) -> Mention | None:
        """The actor mention a noun phrase headed by ``tok`` stands for."""
        m = self.by_token.get(tok.i)
        if m is not None and m.actor is None:
            # "Iraqi Kurds": an unresolved head named by a resolved adjective is that adjective's actor
            for child in tok.children:
                if child.dep_ in {"amod", "compound", "nmod"}:
                    resolved = self.by_token.get(child.i)
                    if resolved is not None and resolved.actor is not None and resolved is not m:
                        return resolved
        if m is not None:
            return m
        if tok.lower_ in PRONOUNS_PERSON:
            return self.resolve_pronoun(tok, speaking=speaking)
        if tok.lower_ in {"former", "latter"} and tok.dep_ != "amod" \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
            # "Cairo accused Addis Ababa, while the latter said ...": of the last two actors named before it, the
            # first ("the former") or the second
            two = self._last_two_named(tok.idx)
            return (two[0] if tok.lower_ == "former" else two[1]) if len(two) == 2 else None
        if (persons := pair_reference(tok)) is not None:
            pair = self.last_two_before(tok.idx, persons=persons)
            return pair[0] if pair else None
        for child in tok.children:
            # "the spokeswoman, Maria Zakharova"
            if child.dep_ == "appos":
                m = self.by_token.get(child.i)
                if m is not None:
                    return m
        if any(c.lower_ in {"former", "ex"} for c in tok.children):
            return None
        holder = self._titled_holder(tok)
        if holder is not None:
            return holder
        for child in tok.children:
            if child.dep_ in {"compound", "amod", "poss", "nmod"}:
                m = self.by_token.get(child.i)
                if m is not None and not (self.on("a_pacts_city_is_its_place") and city_naming_a_pact(child, m)):
                    return m
        return None


def city_naming_a_pact(node: Any, m: Mention) -> bool:
    """Whether ``node``, whose mention is ``m``, is a capital (a state's government named by a place name) in the
    compound name of a pact: "the Paris Peace Accords", "the Vienna deal" (rule a_pacts_city_is_its_place)."""
    from .rules import words

    if m.actor is None or m.actor.kind != "state" or m.actor.sector != "GOV" \
            or node.ent_type_ not in {"GPE", "LOC", "EVENT"}:  # (EVENT: "the Paris Peace Accords" as one name)
        return False
    head = node
    while head.dep_ == "compound" and head.head != head:
        head = head.head
    # (a name's head may be a proper noun the tagger does not lemmatise: "Accords")
    return head is not node and bool({head.lemma_.lower(), head.lower_.removesuffix("s")} & words("pact_noun"))


def in_quotes(tok: Any, sent: Any = None) -> bool:
    """Whether ``tok`` stands inside quotation marks opened earlier in its sentence (or at its start).

    ``sent``: the sentence to scan, when the caller has it (a hand-built Doc of the tests has no sentence
    boundaries of its own); default ``tok.sent``."""
    inside = False
    for t in (tok.sent if sent is None else sent):
        if t.i >= tok.i:
            break
        if t.text in OPEN_QUOTES:
            inside = True
        elif t.text in CLOSE_QUOTES:
            inside = False
        elif t.text == '"':
            inside = not inside
    return inside


# Marks of a clause that sets a reported statement in time ("..., days after X accused Y")
_FRAME_MARKS = frozenset({"after", "before", "following"})


def _narrators_time_frame(clause: Any) -> bool:
    """"The Kremlin said relations remained strong, days after Aliyev accused Russia of ...": an after- or
    before-clause with a subject of its own, set off by a comma at the end of a reported clause, is the outlet's
    frame for the statement, not part of what the speaker said (the accusation was said_by the Kremlin)."""
    if clause.dep_ != "advcl" or clause.i < clause.head.i or clause.left_edge.i == 0:
        return False
    doc = clause.doc
    return doc[clause.left_edge.i - 1].text == "," and clause.right_edge.i >= clause.head.right_edge.i - 1 \
        and any(c.dep_ == "mark" and c.lower_ in _FRAME_MARKS for c in clause.children) \
        and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children)


def _is_person(m: Mention | None) -> bool:
    return m is not None and ((m.actor is not None and m.actor.kind == "person") or m.method == "unresolved-person")


@attribution_rule("claim_aside_is_the_writers", reads="a relative clause on a claim noun (rule_vocab.tsv claim_noun: "
                  "'a claim', 'an allegation') set off by a comma after a reported clause ('said X was preparing to "
                  "annex ..., a claim Polish officials dismissed'), or a denying verb's (denial_verb) clause on "
                  "'which' so set off ('..., which Moscow denies')", changes="said_by -> none: the outlet's aside")
def aside_on_a_claim(node: Any, speakers: Speakers) -> bool:
    """Rule ``claim_aside_is_the_writers``: "Russia said Warsaw was preparing to annex ..., a claim Polish officials
    dismissed as absurd": the apposition names what was said a claim, and its clause is the outlet's own telling,
    not the Russian speaker's (who said none of the dismissal)."""
    noun = node.head
    if node.dep_ != "relcl" or not speakers.on("claim_aside_is_the_writers"):
        return False
    if noun.lemma_.lower() in words("claim_noun"):
        return noun.left_edge.i > 0 and noun.doc[noun.left_edge.i - 1].text == ","
    # "Kyiv says Russian forces fired at the plant, which Moscow denies": the same aside as a sentential relative
    return denial_beside_the_clause(node)


def denial_beside_the_clause(node: Any) -> bool:
    """Whether ``node`` heads "..., which Moscow denies": a denying verb's (denial_verb) relative clause whose object
    is "which", set off by a comma: a denial of the clause it is set beside, whatever noun the parser hangs it on
    (read by claim_aside_is_the_writers, denied_claim and clause_denied_beside_it)."""
    return node.dep_ == "relcl" and node.lemma_.lower() in words("denial_verb") and node.left_edge.i > 0 \
        and node.doc[node.left_edge.i - 1].text == "," \
        and any(c.lower_ == "which" and c.dep_ in {"dobj", "obj"} for c in node.children)


@attribution_rule("according_to", reads="an 'according to X' phrase on the clause or on a clause above it",
                  changes="said_by -> X")
def according_to(node: Any, speakers: Speakers) -> Mention | None:
    """Rule ``according_to``: "the talks failed, according to X": X speaks for the clause ``node`` heads."""
    if not speakers.on("according_to"):
        return None
    for child in node.children:
        if child.lower_ == "according" and child.dep_ == "prep":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj":
                        # "according to a statement from the foreign ministry": the statement's issuer
                        m = mouthpiece_owner(pobj, speakers) or speakers.mention_for(pobj) or issuer_of(pobj, speakers)
                        # "according to three diplomats familiar with the discussions": an unnamed voice, as for
                        # "diplomats said" (the clause was the outlet's own)
                        m = m or speakers.unnamed_voice(pobj)
                        if m is not None:
                            return m
    return None


@attribution_rule("accusation_is_the_accusers", reads="a gerund (pcomp) of an of/for phrase on an accusing verb "
                  "(accusing_verb: 'accused Y of supplying', 'blamed Y for attacking')",
                  changes="said_by -> the accusing verb's subject", vocab=("accusing_verb",))
def accuser_of(node: Any, speakers: Speakers) -> Mention | None:
    """Rule ``accusation_is_the_accusers``: "Israel accused Iran of supplying drones to Russia": the supply is
    what Israel alleges, not a fact the outlet reports; its claim is Israel's (it had no speaker)."""
    if node.dep_ != "pcomp" or node.head.lower_ not in {"of", "for"} or not speakers.on("accusation_is_the_accusers"):
        return None
    verb = node.head.head
    if verb.lemma_.lower() not in cue_lists()["accusing_verb"]:
        return None
    # (the subject it shares with a verb it is conjoined to: "Makolo said ... and accused the army of fighting")
    return next((m for c in subject_bearer(verb).children if c.dep_ == "nsubj"
                 and (m := speakers.mention_for(c)) is not None), None)


@attribution_rule("quoted_as_saying", reads="a quoting verb (quoting_verb) with an 'as' (saying) and its object",
                  changes="said_by -> the one quoted, not the quoting outlet", vocab=("quoting_verb",))
def quoted_person(verb: Any, speakers: Speakers) -> Mention | None:
    """Rule ``quoted_as_saying``: "TASS quoted X as saying", "Kan cited an official as saying": the one quoted
    speaks; the quoting outlet only relays (cue list ``quoting_verb``)."""
    if verb.lemma_.lower() not in QUOTING_VERBS or not speakers.on("quoted_as_saying"):
        return None
    if not any(c.lower_ == "as" or any(g.lower_ == "as" for g in c.children) for c in verb.children) \
            and not any(t.lower_ == "as" for t in verb.subtree if t.i > verb.i):
        return None
    for child in verb.children:
        if child.dep_ == "dobj":
            # "KCNA quoted a defence ministry spokesperson as saying": an unnamed voice still speaks, not the outlet
            # (the agency was the source of the threat it relayed)
            return speakers.mention_for(child) or speakers.unnamed_voice(child)
    return None


@attribution_rule("statement_issuer", reads="a statement noun (statement_noun) as the speaker, and its issuer: the "
                  "object of an issuer preposition (issuer_prep) or a possessor/modifier",
                  changes="said_by -> the issuer", vocab=("statement_noun", "issuer_prep"))
@attribution_rule("mouthpiece_speaks_for_owner", reads="a mouthpiece noun (mouthpiece_noun: 'office', 'spokesman') "
                  "with a possessive 'his' or 'her', as a speech verb's subject or in 'according to'",
                  changes="said_by -> the person the pronoun stands for (the last person named before it)",
                  vocab=("mouthpiece_noun",))
def mouthpiece_owner(noun: Any, speakers: Speakers) -> Mention | None:
    """Rule ``mouthpiece_speaks_for_owner``: "Lula spoke with Maduro, according to his office", "..., her
    spokesman said": an office or a spokesperson speaks for the person whose it is (the phrase names no actor of
    its own, so the claim had no speaker or one of no country)."""
    if noun.lemma_.lower() not in cue_lists()["mouthpiece_noun"] or not speakers.on("mouthpiece_speaks_for_owner"):
        return None
    poss = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in {"his", "her"}), None)
    if poss is None:
        return None
    # the person the sentence is about (a subject before the pronoun) before the last one named ("Lula spoke with
    # Maduro, according to his office" is Lula's office)
    for t in poss.sent:
        if t.i >= poss.i:
            break
        if t.dep_ in {"nsubj", "nsubjpass"} and _is_person(m := speakers.mention_for(t)):
            return m
    return speakers.last_person_before(poss.idx)


def issuer_of(noun: Any, speakers: Speakers) -> Mention | None:
    """Rule ``statement_issuer``: a statement speaks for whoever issued it ("a readout from the White House
    stated", "a statement by the ministry said", "the ministry's statement said", "a ministry statement said")
    (cue lists ``statement_noun`` and ``issuer_prep``)."""
    if noun.lemma_.lower() not in STATEMENT_NOUNS or not speakers.on("statement_issuer"):
        return None
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ISSUER_PREPS:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    m = speakers.mention_for(pobj)
                    if m is not None:
                        return m
    for child in noun.children:
        if child.dep_ in {"poss", "compound", "amod", "nmod"}:
            m = speakers.mention_for(child)
            if m is not None:
                return m
    return None


@attribution_rule("passive_speaker", reads="a passive speech verb (nsubjpass or auxpass) and its by-agent",
                  changes="said_by -> the agent")
def passive_agent(verb: Any, speakers: Speakers) -> Mention | None:
    """Rule ``passive_speaker``: "this was announced by the President's office", "it was reported by TASS":
    the agent of a passive speech verb is its speaker."""
    if not any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children) or not speakers.on("passive_speaker"):
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return speakers.mention_for(pobj)
    return None


def subject_of(verb: Any, speakers: Speakers) -> Mention | None:
    """The speaker of a speech verb: its subject, or the inverted subject ("said X")."""
    quoted = quoted_person(verb, speakers)
    if quoted is not None:
        return quoted
    agent = passive_agent(verb, speakers)
    if agent is not None:
        return agent
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if len(subjects) > 1:
        # "Iran's state news agency IRNA said": the parser splits a description and its name into two
        # subjects; the one that is itself a name speaks
        named = [c for c in subjects if speakers.by_token.get(c.i) is not None]
        subjects = named[-1:] or subjects
    from .arguments import dateline  # (arguments imports this module)

    for child in subjects:
        if dateline(child):
            # "STOCKHOLM (AP) — Turkey's president ..., saying ...": the parser makes the dateline the subject and
            # the real one its apposition (the last: the first is the agency in brackets); a dateline never speaks
            real = [c for c in child.children if c.dep_ == "appos" and c.i > child.i + 2]
            if not real:
                return None
            child = real[-1]
        if child.dep_ in {"nsubj", "nsubjpass", "appos"}:
            m = (mouthpiece_owner(child, speakers) or speakers.mention_for(child, speaking=True)
                 or issuer_of(child, speakers) or speakers._described(child))
            m = speakers.named_after(child, m) or m
            if m is None:
                # "a senior Israeli diplomatic source": a mention modifying the subject's head
                for t in child.subtree:
                    if t.head == child and t.dep_ in {"amod", "compound", "nmod"}:
                        m = speakers.by_token.get(t.i)
                        if m is not None:
                            break
            return m
    if not subjects and verb.i > 0 and any(c.dep_ == "ccomp" and c.i < verb.i for c in verb.children):
        # "North Korea has sent troops to Russia, South Korea's spy agency said": the parser hangs the speaker on
        # the reported clause's last noun, as an apposition, right before the verb
        prev = verb.doc[verb.i - 1]
        if prev.dep_ in {"appos", "conj"} and prev.pos_ in {"NOUN", "PROPN"} and prev.head.i < prev.i:
            m = speakers.mention_for(prev, speaking=True)
            if m is not None and m.actor is not None:
                return m
    if verb.dep_ == "conj":
        return subject_of(verb.head, speakers)
    if verb.dep_ == "acl":
        # "released a communiqué saying that ...": the one who released it
        noun = verb.head
        if noun.dep_ in {"dobj", "nsubjpass"}:
            return subject_of(noun.head, speakers)
    if verb.dep_ in {"xcomp", "pcomp", "advcl"}:
        # "a broadcaster cited an unnamed official as saying ...": the one cited
        quoting = verb.head.head if verb.head.lower_ == "as" else verb.head
        if quoting.lemma_.lower() in QUOTING_VERBS:
            return quoted_person(quoting, speakers)
    return None


def pair_reference(tok: Any) -> bool | None:
    """Whether ``tok`` is "the two countries" / "the two leaders" (rule vocabularies ``pair_noun`` with a
    ``pair_numeral``): None when it is not; else True when the pair is of people ("leaders", "men"), False when
    of states."""
    low = tok.lower_
    bare = low in words("bare_pair_noun") and tok.tag_ == "NNS" and not any(
        c.dep_ in {"prep", "amod", "compound", "poss", "relcl", "acl"} for c in tok.children)  # ("the neighbours of X")
    if (low in words("pair_word") or bare) and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        # "the Nordic pair", "the duo": a pair by its own word (of states, as these are named); so are "the
        # neighbours" ("relations between the neighbours" had no pair)
        return False
    # (the numeral alone: "about two dozen members" are no pair)
    if low not in words("pair_noun") or not any(c.lower_ in words("pair_numeral") and not any(
            g.dep_ in {"quantmod", "compound", "nummod"} for g in c.children) for c in tok.children):
        return None
    return low in words("person_pair_noun")
