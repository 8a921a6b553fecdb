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
family and negation, overlapping date periods) and with the other reports of
their articles (the copied-story rule below compares whole articles), so an
ingest costs what it adds, not what the store holds.  Single linkage makes this equal to regrouping the
whole store: pairs of old reports were already decided.  (Differences: a
report whose only shared parties are a node paired with itself, "A and B
accused A", has no pair row and is not matched; and the copied-story rule is
applied when an article arrives, so a counterpart merged as the one candidate
then stays merged if a later article adds a second candidate, where a regroup
of the whole store would leave both apart.)

Two reports can be the same event (``compatible``, the one rule that says
which pairs are candidates) when all of these hold:

* the same PLOVER family (``PLOVER_FAMILY``: verbal or material cooperation or
  conflict, so one outlet's ACCUSE and another's REJECT of one act can meet),
  the same ``negated`` flag, and overlapping source and target nodes (for
  events without a target: the same set of sources, of a mutual act);
* dates compatible within their precision: the periods they name ("on 3
  August", "in August", "in 2021") overlap, and two days are at most
  ``DATE_WINDOW_DAYS`` apart; an undated report only matches within its own article.

They are the same event (``same_event``) when, besides, two reports that both
*state* the same day ("Hamas' Oct. 7 attack") are the same event whatever else
their sentences say, or:
* the words left once actor names, the trigger and stop words are removed
  (what the event is *about*) are similar: rapidfuzz ``token_set_ratio`` of at
  least ``MIN_SIMILARITY``, or either side has no such words left, or the
  pair is a headline and the lede that restates it (``LEDE_SENTENCES``).

Stated relations ("Russia is no friend of Israel") merge only when they
repeat within one article, or repeat one named speaker across articles:
two outlets that each judge a relation make two judgements, not one.

Left out: merging across families (one outlet's ACCUSE that another codes as
PROTEST stays two groups), and merging an event with a stated relation (the
extractor already keeps only the event when one clause gives both).
Groups are formed by single linkage over the matching pairs.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ..events.lexicon import reciprocal
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
# An event dated only by its article happened by then, within a week: news reports the week's acts.
PUBLISHED_SLACK_DAYS = 7
_ARTICLE_DATES = frozenset({"published", "inferred", "manifest", "html", "option"})
# Two articles with this many reports each merged with the other's are one story retold: their other compatible reports
# are merged one to one, whatever the wording (issue 12: a reworded copy adds no new events).
COPY_MIN_SHARED = 2
# The PLOVER manual's quad categories (PLOVER_MANUAL.tex, "PLOVER quad categories"); detente's REQUEST and
# ACCUSE are PLOVER's DEMAND and DISAPPROVE.  Stated relations form their own families by sign.
PLOVER_FAMILY = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), "verbal cooperation"),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT"), "material cooperation"),
    **dict.fromkeys(("REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"), "verbal conflict"),
    **dict.fromkeys(("PROTEST", "MOBILIZE", "COERCE", "ASSAULT"), "material conflict"),
}


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
    date_precision: str = "day"
    # a mutual act (``events.lexicon.reciprocal``): its co-sources with no target are each other's parties, and
    # the pair table holds the pair; co-agents of any other act have no pair row
    mutual: bool = False

    @property
    def family(self) -> str:
        return PLOVER_FAMILY.get(self.type, self.type)

    @property
    def period(self) -> tuple[dt.date, dt.date] | None:
        """The first and last day the report's date can mean, or None when undated.

        A date that is only the article's own (``published``, ``inferred``) says the event happened by
        then: up to ``PUBLISHED_SLACK_DAYS`` earlier ("on Tuesday" in the lede of a Friday story).
        """
        if self.date is not None and self.date_basis in _ARTICLE_DATES:
            return self.date - dt.timedelta(days=PUBLISHED_SLACK_DAYS), self.date
        return date_period(self.date, self.date_precision)


def date_period(date: dt.date | None, precision: str | None) -> tuple[dt.date, dt.date] | None:
    """The days a date of some precision covers: "2021" is all of 2021, "week of 2023-10-23" seven days."""
    if date is None:
        return None
    if precision == "week":
        return date, date + dt.timedelta(days=6)
    if precision == "month":
        nxt = dt.date(date.year + date.month // 12, date.month % 12 + 1, 1)
        return date, nxt - dt.timedelta(days=1)
    if precision == "year":
        return date, dt.date(date.year, 12, 31)
    return date, date


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
                          topic_words(e.evidence_text or "", drop=drop, drop_words=node_words),
                          e.date_precision or ("day" if e.date is not None else "unknown"), reciprocal(e.cameo)))
    for c in claims:
        drop = [*names[(c.doc_id, c.sent_idx)], c.cue or ""]
        pair = frozenset((c.a_node, c.b_node))
        out.append(Report(c.id, "relation", c.doc_id, c.sent_idx, f"stated{c.polarity:+d}",
                          pair, pair, bool(c.negated), c.date, c.date_basis, c.speaker_actor,
                          topic_words(c.evidence_text or "", drop=drop, drop_words=node_words),
                          c.date_precision or ("day" if c.date is not None else "unknown")))
    return out


def compatible(x: Report, y: Report) -> bool:
    """Whether two reports can tell the same event: kind, PLOVER family, negation, parties and dates agree.

    Dates agree when the periods they name overlap ("in August" and "on 3 August" do; "in 2016" and "in
    2023" do not), two days when ``DATE_WINDOW_DAYS`` apart (publication dates of one act differ by a day
    or two); undated reports agree only within one article.
    """
    if x.kind != y.kind or x.family != y.family or x.negated != y.negated:
        return False
    if not _same_parties(x, y):
        return False
    px, py = x.period, y.period
    if px is None or py is None:
        return px == py and x.doc_id == y.doc_id
    if x.date_basis in _ARTICLE_DATES and y.date_basis in _ARTICLE_DATES or px[0] == px[1] and py[0] == py[1]:
        return abs((x.date - y.date).days) <= DATE_WINDOW_DAYS  # two articles' days, or two stated days
    return px[0] <= py[1] and py[0] <= px[1]


def same_event(x: Report, y: Report) -> bool:
    """Whether two reports describe the same event (see the module docstring for the rules)."""
    if not compatible(x, y):
        return False
    same_doc = x.doc_id == y.doc_id
    if x.kind == "relation" and not same_doc and (x.speaker is None or x.speaker != y.speaker):
        return False
    if x.kind == "event" and x.date_basis == y.date_basis == "stated" and x.date == y.date \
            and x.date_precision == y.date_precision == "day":
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
        # co-sources with no target are parties of each other only in a mutual act ("A and B met"); "the two
        # leaders praised a climate of trust" relates no pair, and has no pair row to be found by
        return x.sources == y.sources and len(x.sources) >= 2 and x.mutual and y.mutual
    return bool(x.sources & y.sources) and bool(x.targets & y.targets)


def group_reports(reports: Sequence[Report]) -> dict[str, str]:
    """Map each report id to its group id (the smallest member id), linking every matching pair."""
    parent = {r.id: r.id for r in reports}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: str, j: str) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    candidates = _compatible_pairs(reports)
    for x, y in candidates:
        if same_event(x, y):
            union(x.id, y.id)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        docs_of[find(r.id)].add(r.doc_id)
    for x, y in _copy_matches(reports, candidates, lambda r: find(r.id), docs_of):
        union(x.id, y.id)
    return {i: find(i) for i in parent}


def _candidates(block: list[Report]) -> Iterable[tuple[Report, Report]]:
    """The compatible pairs of a block sorted by period start."""
    for i, x in enumerate(block):
        end = x.period[1] if x.period else None
        for y in block[i + 1:]:
            start = y.period[0] if y.period else None
            if end and start and (start - end).days > DATE_WINDOW_DAYS:  # sorted by start: none later fits
                break
            if compatible(x, y):
                yield x, y


def _copy_matches(reports: Sequence[Report], candidates: Sequence[tuple[Report, Report]],
                  root: Callable[[Report], str], docs_of: Mapping[str, set[str]]) -> list[tuple[Report, Report]]:
    """Compatible pairs left apart by the wording test, between two articles that retell one story.

    Two articles are one story retold when at least ``COPY_MIN_SHARED`` reports of each are merged with
    reports of the other.  Between
    them an event still unmatched in the other article is merged with its one compatible counterpart there;
    one with several candidates stays apart (distinct acts of one day must not collapse).

    ``root(r)``: the current group of report ``r``; ``docs_of``: the articles each group has reports in.
    ``reports`` must hold every report of the articles whose pairs are to be judged.
    """
    # matched[(a, b)]: how many reports of article a are merged with a report of article b
    matched: dict[tuple[str, str], int] = defaultdict(int)
    for r in reports:
        for other in docs_of[root(r)] - {r.doc_id}:
            matched[(r.doc_id, other)] += 1
    shared = {frozenset((a, b)): min(n, matched.get((b, a), 0)) for (a, b), n in matched.items()}
    copies = {pair for pair, n in shared.items() if n >= COPY_MIN_SHARED}
    open_pairs = [(x, y) for x, y in candidates if x.doc_id != y.doc_id
                  and frozenset((x.doc_id, y.doc_id)) in copies
                  and y.doc_id not in docs_of[root(x)] and x.doc_id not in docs_of[root(y)]]
    # counterparts are counted as groups: two reports of one event in one article are one counterpart
    options: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x, y in open_pairs:
        options[(root(x), y.doc_id)].add(root(y))
        options[(root(y), x.doc_id)].add(root(x))
    return [(x, y) for x, y in open_pairs
            if len(options[(root(x), y.doc_id)]) == 1 and len(options[(root(y), x.doc_id)]) == 1]


def _compatible_pairs(reports: Iterable[Report]) -> list[tuple[Report, Report]]:
    """Every compatible pair of ``reports``, blocked by kind, family and source node."""
    blocks: dict[tuple[str, str, str], list[Report]] = defaultdict(list)
    for r in reports:
        for node in sorted(r.sources) or [""]:
            blocks[(r.kind, r.family, node)].append(r)
    for block in blocks.values():
        block.sort(key=lambda r: (r.period[0] if r.period else dt.date.min, r.id))
    return [(x, y) for block in blocks.values() for x, y in _candidates(block)]


def group_ids(store: Store) -> dict[str, str]:
    """Item id -> group id: from the ``event_groups`` table when it covers the store, else computed now."""
    stored = groups_sql.stored_groups(store.con)
    return stored if stored is not None else group_reports(load_reports(store))


def candidate_items(store: Store, new_ids: Sequence[str]) -> list[tuple[str, str]]:
    """The stored reports that could be the same event as one of ``new_ids``, with their current group.

    Found through the pair table: the same unordered pair of nodes, kind, PLOVER family (or stated polarity)
    and negation, and date periods that overlap within ``DATE_WINDOW_DAYS`` (an article's own date covering
    the ``PUBLISHED_SLACK_DAYS`` before it; undated: the same article): a superset of ``compatible``, which
    decides with ``same_event``.  This is the one place that says which stored reports a new one is
    compared with.

    Returns:
        (item id, group id) of every candidate, the new reports included.
    """
    return groups_sql.candidate_rows(store.con, new_ids, window_days=DATE_WINDOW_DAYS,
                                     slack_days=PUBLISHED_SLACK_DAYS, article_bases=sorted(_ARTICLE_DATES),
                                     families=PLOVER_FAMILY)


# Reports merged per transaction: a merge of a whole corpus (one ingest job, or the scan after a killed run)
# goes in chunks, so memory stays bounded by the chunk and its candidates, not by the job.  The reports are
# ordered by pair and date first (``groups.merge_order``), so a chunk reaches the candidates of few pairs: with
# 20,000 unordered reports a chunk of a 10,000-article run reached most of the store's pairs, and the final
# merge was that run's memory peak (bench/README.md, issue 13).
MERGE_CHUNK = 5_000


def merge_events(store: Store, item_ids: Sequence[str] | None = None) -> MergeSummary:
    """Merge new reports into the event groups (``event_groups`` and the pair table's ``group_id``).

    Args:
        store: a store opened for writing.
        item_ids: the events and stated relations just written; None merges every report that has no group
            yet (a scan of the store: after a run killed before its merge, or rows written by hand).

    Returns:
        How many new reports were merged and into how many groups.

    The store's merge flag (``Store.mark_merge_pending``) is cleared in the transaction of the last chunk:
    a kill before it leaves the flag, and the next ingest merges again.
    """
    if item_ids is None:
        new = groups_sql.unmerged_items(store.con)
    else:
        known = groups_sql.grouped_items(store.con, item_ids) if item_ids else set()
        new = [i for i in dict.fromkeys(item_ids) if i not in known]
    if not new:
        store.clear_merge_pending()
        return MergeSummary(0, 0)
    if len(new) > MERGE_CHUNK:
        new = groups_sql.merge_order(store.con, new)
    chunks = [new[i:i + MERGE_CHUNK] for i in range(0, len(new), MERGE_CHUNK)]
    groups: set[str] = set()
    for n, chunk in enumerate(chunks):
        groups |= _merge_chunk(store, chunk, last=n == len(chunks) - 1)
    if len(chunks) > 1:  # a later chunk can join groups of an earlier one
        groups = set(groups_sql.groups_of(store.con, new).values())
    return MergeSummary(len(new), len(groups))


def _merge_chunk(store: Store, new: list[str], *, last: bool) -> set[str]:
    """Merge one chunk of new reports; returns their groups."""
    fresh = set(new)
    candidates = dict(candidate_items(store, new))
    # The copied-story rule compares whole articles: every report of the candidates' articles joins in.
    candidates.update(groups_sql.article_items(store.con, sorted(candidates)))
    for i in fresh:
        candidates.pop(i, None)
    # reports written but not merged yet (a later chunk's) are not old groups: they meet this chunk in theirs
    merged = groups_sql.grouped_items(store.con, sorted(candidates)) if candidates else set()
    candidates = {i: g for i, g in candidates.items() if i in merged}
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

    def union(x: Report, y: Report) -> None:
        a, b = find(node(x.id)), find(node(y.id))
        if a != b:
            parent[max(a, b)] = min(a, b)

    for i in fresh:
        find(i)
    pairs = _compatible_pairs(reports.values())
    for x, y in pairs:
        if (x.id in fresh or y.id in fresh) and same_event(x, y):  # two old reports were decided before
            union(x, y)
    # the articles of each group: old groups' members may lie in articles not loaded here
    old_docs = groups_sql.group_docs(store.con, sorted({node(i) for i in reports if i not in fresh}))
    docs_of: dict[str, set[str]] = defaultdict(set)
    for g, docs in old_docs.items():
        docs_of[find(g)] |= docs
    for r in reports.values():
        docs_of[find(node(r.id))].add(r.doc_id)
    for x, y in _copy_matches(list(reports.values()), pairs, lambda r: find(node(r.id)), docs_of):
        union(x, y)
    # old group -> merged group (only those that change), and every new report's group
    relabel = {g: find(g) for g in list(parent) if g not in fresh and find(g) != g}
    unloaded = [i for i in new if i not in reports]
    kinds = {**{i: reports[i].kind for i in new if i in reports}, **groups_sql.item_kinds(store.con, unloaded)}
    moves = {**relabel, **{i: find(i) for i in new if find(i) != i}}
    size: dict[str, int] = defaultdict(int)  # members per touched group: new reports + old groups joined
    for g in parent:
        size[find(g)] += 1
    groups_sql.write_groups(store.con, {i: (kinds[i], find(i)) for i in new}, moves,
                            sorted(r for r, n in size.items() if n > 1),
                            before_commit=store.clear_merge_pending if last else None)
    return {find(i) for i in new}


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
