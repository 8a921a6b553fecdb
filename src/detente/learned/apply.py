"""Where the learned event model changes the rule coder's events.

Consumes a parsed document, its mentions, speakers and the rule coder's events; produces the events with the
learned heads applied.  Which heads are applied is read from ``detente/models/event_model.json`` (``use``), set
from the learned-vs-rule figures on the development split (EVAL.md, "Learned or rule, per head"):

* ``penta``: the CAMEO code of a sentence's most salient event is moved into the predicted 5-way class (the
  rule's code is kept when it is already in that class);
* ``type``: that event's PLOVER type is the predicted one;
* ``source``, ``target``: its source (target) is the tagged source (target) spans, each resolved through the
  mentions it overlaps (the resolver's actors, as before), or kept as an unresolved argument when it overlaps
  none; with no tagged span on a side the rule's arguments stay;
* ``new_events``: a candidate sentence where the rules found no event, but where the tagger finds an argument
  naming a known actor, gets one learned event (``method="learned"``).

The encoder runs only on sentences that can hold an event: two actor mentions, or a trigger candidate (a
lexicon verb or event noun), batched per document.  Rules keep what has no training data: gazetteer
resolution, modality, attribution, dates, stated relations, and every event after a sentence's first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from ..model import Event, Mention
from ..nlp import Parsed
from .model import EventModel, Prediction

HEADS = ("penta", "type", "source", "target", "new_events")
# A new event needs this much confidence in its class (the training data has no "no event" sentences, so a
# low-confidence class on a sentence the rules found nothing in is more likely no event at all).
NEW_EVENT_MIN_PROB = 0.5


@dataclass
class LearnedEvents:
    """The model plus the heads to apply; build with ``load()`` and reuse."""

    model: EventModel
    use: frozenset[str]

    @classmethod
    def load(cls, use: frozenset[str] | None = None) -> "LearnedEvents":
        from .model import load_model

        model = load_model()
        if use is None:
            use = frozenset(h for h, on in model.config.get("use", {}).items() if on and h in HEADS)
        return cls(model, use)

    def apply(self, parsed: Parsed, mentions: tuple[Mention, ...], events: tuple[Event, ...], coder: Any,
              speakers: Any) -> tuple[Event, ...]:
        """The events of one document with the learned heads applied (order kept, sentence by sentence)."""
        if not self.use:
            return events
        by_sent: dict[int, list[Event]] = {}
        for e in events:
            by_sent.setdefault(e.sent_idx, []).append(e)
        ments: dict[int, list[Mention]] = {}
        for m in mentions:
            ments.setdefault(m.sent_idx, []).append(m)
        # Without `new_events`, a prediction is only ever used on a sentence the rules found an event in: encode
        # only those (the encoder is most of the model's cost; bench/README.md, part 6).
        new = "new_events" in self.use
        chosen = [s for s in parsed.sentences
                  if s.idx in by_sent or (new and _can_hold_event(parsed, s.idx, ments.get(s.idx, []), coder))]
        if not chosen:
            return events
        preds = dict(zip((s.idx for s in chosen), self.model.predict([s.text for s in chosen])))
        out: list[Event] = []
        for sentence in parsed.sentences:
            found = by_sent.get(sentence.idx, [])
            pred = preds.get(sentence.idx)
            if pred is None:
                out.extend(found)
            elif found:
                out.append(self._refine(found[0], sentence, pred, ments.get(sentence.idx, []), coder))
                out.extend(found[1:])
            elif "new_events" in self.use:
                new = self._new_event(parsed, sentence, pred, ments.get(sentence.idx, []), coder, speakers)
                if new is not None:
                    out.append(new)
        return tuple(out)

    # -- one event ---------------------------------------------------------------------------------------
    def _refine(self, event: Event, sentence: Any, pred: Prediction, ments: list[Mention], coder: Any) -> Event:
        etype = pred.type if "type" in self.use else event.type
        changes: dict[str, Any] = {}
        if "type" in self.use and etype != event.type:
            changes["type"] = etype
        if "penta" in self.use:
            coding = coder.lex.coding(event.cameo)
            if coding is None or coding.penta != pred.penta:
                code = code_for(coder.lex, pred.penta, etype)
                new = coder.lex.coding(code)
                if new is not None:
                    changes.update(cameo=new.cameo, score=new.score)
        if "source" in self.use or "target" in self.use:
            source, target = arguments(event.doc_id, sentence, pred, ments)
            if "source" in self.use and source:
                changes["source"] = source
                if "target" not in self.use:  # one mention is never on both sides
                    changes["target"] = tuple(m for m in event.target
                                              if not any(m.start < s.end and s.start < m.end for s in source))
            if "target" in self.use and target:
                changes["target"] = target
                if "source" not in self.use:
                    changes["source"] = tuple(m for m in event.source
                                              if not any(m.start < t.end and t.start < m.end for t in target))
        if not changes:
            return event
        return replace(event, method=f"{event.method}+learned", **changes)

    def _new_event(self, parsed: Parsed, sentence: Any, pred: Prediction, ments: list[Mention], coder: Any,
                   speakers: Any) -> Event | None:
        if pred.penta_prob < NEW_EVENT_MIN_PROB:
            return None
        source, target = arguments(parsed.document.id, sentence, pred, ments)
        if not any(m.actor is not None for m in (*source, *target)):
            return None
        from ..events.modality import read_modality

        start, end = parsed.spans[sentence.idx]
        sent = parsed.doc[start:end]
        tok = sent.root
        code = code_for(coder.lex, pred.penta, pred.type)
        coding = coder.lex.coding(code)
        if coding is None:
            return None
        modality = read_modality(tok, sent, coder.lex, coder.disabled)
        return Event(
            doc_id=parsed.document.id, sent_idx=sentence.idx, trigger=tok.text, trigger_start=tok.idx,
            type=pred.type if "type" in self.use else (coding.type or pred.type), cameo=coding.cameo,
            score=coding.score, source=tuple(source), target=tuple(target), mode=coding.mode,
            context=coding.context, said_by=coder.speaker(tok, speakers), outlet=parsed.document.outlet,
            hedged=modality.hedged, negated=modality.negated, intent=modality.intent,
            date=coder.date_for(parsed, sentence, modality, tok), evidence_text=sentence.text,
            evidence_start=sentence.start, evidence_end=sentence.end, salience=0.5, method="learned",
        )


def _can_hold_event(parsed: Parsed, idx: int, ments: list[Mention], coder: Any) -> bool:
    """Two actor mentions, or a trigger candidate (a lexicon verb or event noun)."""
    if sum(1 for m in ments if m.actor is not None) >= 2:
        return True
    if not any(m.actor is not None for m in ments):
        return False  # nothing the resolver could map a span to
    start, end = parsed.spans[idx]
    for tok in parsed.doc[start:end]:
        lemma = tok.lemma_.lower()
        if (tok.pos_ == "VERB" and lemma in coder.lex.verbs) or (tok.pos_ == "NOUN" and lemma in coder.lex.nouns):
            return True
    return False


def arguments(doc_id: str, sentence: Any, pred: Prediction,
              ments: list[Mention]) -> tuple[tuple[Mention, ...], tuple[Mention, ...]]:
    """Source and target arguments of the tagged spans.

    Each span becomes the mentions it overlaps, re-spanned to the tagged phrase (as the rule coder re-spans a
    mention to its noun phrase); a span overlapping no mention is kept as an unresolved argument.
    """
    sides: dict[str, list[Mention]] = {"SRC": [], "TGT": []}
    used: set[str] = set()
    for a, b, role in pred.spans:
        start, end = sentence.start + a, sentence.start + b
        text = sentence.text[a:b]
        hits = [m for m in ments if m.start < end and start < m.end and m.id not in used]
        if hits:
            for m in hits:
                used.add(m.id)
                sides[role].append(replace(m, start=start, end=end, text=text))
        else:
            sides[role].append(Mention(doc_id, sentence.idx, start, end, text, None, "learned"))
    return tuple(sides["SRC"]), tuple(sides["TGT"])


def code_for(lex: Any, penta: int, etype: str) -> str:
    """A CAMEO code in class ``penta``: the most general one of type ``etype`` if there is one, else the
    class's most general code."""
    codes = [c for c in lex.codings.values() if c.penta == penta and len(c.cameo) == 3]
    typed = [c for c in codes if c.type == etype]
    pool = typed or codes
    best = min(pool, key=lambda c: (not c.cameo.endswith("0"), c.cameo))
    return str(best.cameo)
