"""Event merging: one real-world event counted once, with every report of it kept as evidence.

Consumes the store's ``events`` and stated-relation ``claims``; produces
*event groups*: a mapping from each item id (event or claim) to a group id
(the smallest member id), stored in the ``event_groups`` table and in the
``group_id`` column of the pair table by ``merge_events`` (the ingest calls it
after each batch with the ids it wrote), and computed on the fly by
``group_ids`` when the table is stale (a read-only store).  The network stage
then counts each group once and cites all of its reports.

Merging is incremental: a new report is compared only with the candidates
``candidate_items`` finds through the pair table (same pair of nodes, kind,
type and negation, dates within the window), so an ingest costs what it adds,
not what the store holds.  Single linkage makes this equal to regrouping the
whole store: pairs of old reports were already decided.  (One difference: a
report whose only shared parties are a node paired with itself, "A and B
accused A", has no pair row and is not matched.)

Two reports are the same event when all of these hold:

* the same PLOVER type, the same ``negated`` flag, and overlapping source and
  target nodes (for events without a target: the same set of sources);
* dates within ``DATE_WINDOW_DAYS`` of each other (an undated report only
  matches within its own article); two reports that both *state* the same day
  ("Hamas' Oct. 7 attack") are the same event whatever else their sentences say;
* the words left once actor names, the trigger and stop words are removed
  (what the event is *about*) are similar: rapidfuzz ``token_set_ratio`` of at
  least ``MIN_SIMILARITY``, or either side has no such words left, or the
  pair is a headline and the lede that restates it (``LEDE_SENTENCES``).

Stated relations ("Russia is no friend of Israel") merge only when they
repeat within one article, or repeat one named speaker across articles:
two outlets that each judge a relation make two judgements, not one.

Left out: merging across PLOVER types (one outlet's ACCUSE that another codes
as PROTEST stays two groups), and merging an event with a stated relation.
Groups are formed by single linkage over the matching pairs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ..store import Store
from ..store import groups as groups_sql

# Reports of one event by different outlets carry the publication date (or a
# stated date) of each article: a day or two apart.  Wider windows start to
# join distinct repeated acts (weekly condemnations); tuned on the seeds,
# where Al-Monitor (Oct 26) and the Daily Express (Oct 27) report the same acts.
DATE_WINDOW_DAYS = 2
# token_set_ratio (0..100) of the topic words.  Paraphrases of one act ("strike
# on a hospital in Gaza" / "bombing of a Gaza hospital") score 70-80; distinct
# acts between the same actors on the same day ("strike on a hospital" /
# "settlements in the West Bank") score about 40.  Moves with _STOP_WORDS.
MIN_SIMILARITY = 60.0
# A headline (sentence 0) is restated by the lede within the first sentences
# of the body, usually in other words ("relayed dissatisfaction" / "quietly
# expressed its dissatisfaction"), so it merges without a text test.
LEDE_SENTENCES = 3

_STOP_WORDS = frozenset(
    """a about after against all also an and any are as at be been before being but by can could did do does
    for from had has have he her his how if in into is it its last may more most much new no not now of on one
    only or other our out over said say says she so some such than that the their them then there these they
    this those to under up was we were what when which while who whom will with would week year years month
    months day days time between however since once still perhaps beyond though although even yet again
    relations relationship ties two three four five six seven eight nine ten eleven twelve eighteen twenty
    january february march april june july august september october november december jan feb mar apr jun
    jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday""".split()
)
_WORD = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Report:
    """One stored report (an event or a stated relation) as the merger sees it."""

    id: str
    kind: str
    doc_id: str
    sent_idx: int
    type: str
    sources: frozenset[str]
    targets: frozenset[str]
    negated: bool
    date: dt.date | None
    date_basis: str
    speaker: str | None
    words: str


@dataclass(frozen=True, slots=True)
class MergeSummary:
    """What ``merge_events`` did."""

    items: int
    groups: int

    @property
    def merged(self) -> int:
        """How many reports were folded into another report's group."""
        return self.items - self.groups

    def to_dict(self) -> dict[str, int]:
        return {"items": self.items, "groups": self.groups, "merged": self.merged}


def topic_words(text: str, *, drop: Iterable[str] = (), drop_words: frozenset[str] = frozenset()) -> str:
    """The words of ``text`` that say what an event is about (no actor names, trigger or stop words).

    ``drop`` holds phrases to tokenise and leave out; ``drop_words`` words already tokenised (the node
    names, shared by every report: tokenised once per merge, not once per report).
    """
    dropped = {w for phrase in drop for w in _words(phrase)} | drop_words
    return " ".join(w for w in _words(text) if len(w) > 2 and w not in _STOP_WORDS and w not in dropped)


def _words(text: str) -> list[str]:
    text = text.lower().replace("\u2019", "'")
    return [re.sub(r"'s?$", "", w) for w in _WORD.findall(text)]


def load_reports(store: Store, ids: Sequence[str] | None = None) -> list[Report]:
    """The events and stated relations of the store (or those of ``ids``), ready to be compared."""
    mentions, events, claims, node_names = groups_sql.report_rows(store.con, ids)
    names: dict[tuple[str, int], list[str]] = defaultdict(list)
    for m in mentions:
        names[(m.doc_id, m.sent_idx)].append(m.text)
    node_words = frozenset(w for name in node_names for w in _words(name))
    out: list[Report] = []
    for e in events:
        drop = [*names[(e.doc_id, e.sent_idx)], e.trigger or ""]
        out.append(Report(e.id, "event", e.doc_id, e.sent_idx, e.type,
                          frozenset(n for n in e.source_nodes or [] if n),
                          frozenset(n for n in e.target_nodes or [] if n), bool(e.negated), e.date,
                          e.date_basis, e.said_by_actor,
                          topic_words(e.evidence_text or "", drop=drop, drop_words=node_words)))
    for c in claims:
        drop = [*names[(c.doc_id, c.sent_idx)], c.cue or ""]
        pair = frozenset((c.a_node, c.b_node))
        out.append(Report(c.id, "relation", c.doc_id, c.sent_idx, f"stated{c.polarity:+d}",
                          pair, pair, bool(c.negated), c.date, c.date_basis, c.speaker_actor,
                          topic_words(c.evidence_text or "", drop=drop, drop_words=node_words)))
    return out


def same_event(x: Report, y: Report) -> bool:
    """Whether two reports describe the same event (see the module docstring for the rules)."""
    if x.kind != y.kind or x.type != y.type or x.negated != y.negated:
        return False
    if not _same_parties(x, y):
        return False
    same_doc = x.doc_id == y.doc_id
    if x.date is None or y.date is None:
        if not same_doc or x.date != y.date:
            return False
    elif abs((x.date - y.date).days) > DATE_WINDOW_DAYS:
        return False
    if x.kind == "relation" and not same_doc and (x.speaker is None or x.speaker != y.speaker):
        return False
    if x.kind == "event" and x.date_basis == y.date_basis == "stated" and x.date == y.date:
        return True
    if same_doc and min(x.sent_idx, y.sent_idx) == 0 and max(x.sent_idx, y.sent_idx) <= LEDE_SENTENCES:
        return True
    if not x.words or not y.words:
        return True
    return fuzz.token_set_ratio(x.words, y.words) >= MIN_SIMILARITY


def _same_parties(x: Report, y: Report) -> bool:
    if x.kind == "relation":
        return x.sources == y.sources
    if not x.targets and not y.targets:
        return x.sources == y.sources and len(x.sources) >= 2
    return bool(x.sources & y.sources) and bool(x.targets & y.targets)


def group_reports(reports: Sequence[Report]) -> dict[str, str]:
    """Map each report id to its group id (the smallest member id), linking every matching pair."""
    parent = {r.id: r.id for r in reports}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Block by kind, type and source node so that only plausible pairs are compared.
    blocks: dict[tuple[str, str, str], list[Report]] = defaultdict(list)
    for r in reports:
        for node in sorted(r.sources) or [""]:
            blocks[(r.kind, r.type, node)].append(r)
    for block in blocks.values():
        block.sort(key=lambda r: (r.date or dt.date.min, r.id))
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                if x.date and y.date and (y.date - x.date).days > DATE_WINDOW_DAYS:
                    break
                if same_event(x, y):
                    a, b = find(x.id), find(y.id)
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    return {i: find(i) for i in parent}


def group_ids(store: Store) -> dict[str, str]:
    """Item id -> group id: from the ``event_groups`` table when it covers the store, else computed now."""
    stored = groups_sql.stored_groups(store.con)
    return stored if stored is not None else group_reports(load_reports(store))


def candidate_items(store: Store, new_ids: Sequence[str]) -> list[tuple[str, str]]:
    """The stored reports that could be the same event as one of ``new_ids``, with their current group.

    Found through the pair table: the same unordered pair of nodes, kind, PLOVER type (or stated polarity)
    and negation, and dates within ``DATE_WINDOW_DAYS`` (undated: the same article).  ``same_event`` then
    decides.  This is the one place that says which stored reports a new one is compared with.

    Returns:
        (item id, group id) of every candidate, the new reports included.
    """
    return groups_sql.candidate_rows(store.con, new_ids, window_days=DATE_WINDOW_DAYS)


def merge_events(store: Store, item_ids: Sequence[str] | None = None) -> MergeSummary:
    """Merge new reports into the event groups (``event_groups`` and the pair table's ``group_id``).

    Args:
        store: a store opened for writing.
        item_ids: the events and stated relations just written; None merges every report that has no group
            yet (a scan of the store: for stores written before merging was incremental, or by hand).

    Returns:
        How many new reports were merged and into how many groups.
    """
    if item_ids is None:
        new = groups_sql.unmerged_items(store.con)
    else:
        known = groups_sql.grouped_items(store.con, item_ids)
        new = [i for i in dict.fromkeys(item_ids) if i not in known]
    if not new:
        return MergeSummary(0, 0)
    fresh = set(new)
    candidates = dict(candidate_items(store, new))
    reports = {r.id: r for r in load_reports(store, sorted(fresh | set(candidates)))}
    # union-find over group ids: an old report stands for its group, a new one for itself
    parent: dict[str, str] = {}

    def node(item: str) -> str:
        return item if item in fresh else candidates.get(item, item)

    def find(i: str) -> str:
        parent.setdefault(i, i)
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in fresh:
        find(i)
    blocks: dict[tuple[str, str, str], list[Report]] = defaultdict(list)
    for r in reports.values():
        for n in sorted(r.sources) or [""]:
            blocks[(r.kind, r.type, n)].append(r)
    for block in blocks.values():
        block.sort(key=lambda r: (r.date or dt.date.min, r.id))
        for i, x in enumerate(block):
            for y in block[i + 1:]:
                if x.date and y.date and (y.date - x.date).days > DATE_WINDOW_DAYS:
                    break
                if (x.id in fresh or y.id in fresh) and same_event(x, y):
                    a, b = find(node(x.id)), find(node(y.id))
                    if a != b:
                        parent[max(a, b)] = min(a, b)
    # old group -> merged group (only those that change), and every new report's group
    relabel = {g: find(g) for g in list(parent) if g not in fresh and find(g) != g}
    unloaded = [i for i in new if i not in reports]
    kinds = {**{i: reports[i].kind for i in new if i in reports}, **groups_sql.item_kinds(store.con, unloaded)}
    moves = {**relabel, **{i: find(i) for i in new if find(i) != i}}
    size: dict[str, int] = defaultdict(int)  # members per touched group: new reports + old groups joined
    for g in parent:
        size[find(g)] += 1
    groups_sql.write_groups(store.con, {i: (kinds[i], find(i)) for i in new}, moves,
                            sorted(r for r, n in size.items() if n > 1))
    return MergeSummary(len(new), len({find(i) for i in new}))


def describe_groups(store: Store) -> list[dict[str, Any]]:
    """Groups with more than one report, each with its reports' outlets, speakers and sentences."""
    groups = group_ids(store)
    members: dict[str, list[str]] = defaultdict(list)
    for item, group in groups.items():
        members[group].append(item)
    multi = {g: ids for g, ids in members.items() if len(ids) > 1}
    ids = [i for g in multi.values() for i in g]
    rows = {r.id: r.to_dict() for r in groups_sql.group_reports_rows(store.con, ids)}
    return [{"group": g, "reports": [rows[i] for i in sorted(ids) if i in rows]} for g, ids in sorted(multi.items())]
