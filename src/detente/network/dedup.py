"""Event merging: one real-world event counted once, with every report of it kept as evidence.

Consumes the store's ``events`` and stated-relation ``claims``; produces
*event groups*: a mapping from each item id (event or claim) to a group id,
stored in the ``event_groups`` table by ``merge_events`` (the ingest calls it
after each batch) and computed on the fly by ``group_ids`` when the table is
missing or stale (a read-only store).  The network stage then counts each
group once (``dyads.aggregate``) and cites all of its reports.

Two reports can be the same event (``compatible``, the one rule that says
which pairs are candidates) when all of these hold:

* the same PLOVER family (``PLOVER_FAMILY``: verbal or material cooperation or
  conflict, so one outlet's ACCUSE and another's REJECT of one act can meet),
  the same ``negated`` flag, and overlapping source and target nodes (for
  events without a target: the same set of sources);
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from ..store import Store

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
_TABLE_SQL = "CREATE TABLE IF NOT EXISTS event_groups (item_id VARCHAR PRIMARY KEY, kind VARCHAR, group_id VARCHAR)"


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


def load_reports(store: Store) -> list[Report]:
    """Every event and stated relation of the store, ready to be compared."""
    names: dict[tuple[str, int], list[str]] = defaultdict(list)
    for row in store.query("SELECT doc_id, sent_idx, text FROM mentions"):
        names[(row["doc_id"], row["sent_idx"])].append(row["text"])
    node_words = frozenset(w for r in store.query("SELECT name FROM nodes") if r["name"] for w in _words(r["name"]))
    out: list[Report] = []
    for row in store.query(
        """SELECT id, doc_id, sent_idx, type, trigger, source_nodes, target_nodes, negated, date,
                  date_basis, date_precision, said_by_actor, evidence_text FROM events"""
    ):
        drop = [*names[(row["doc_id"], row["sent_idx"])], row["trigger"] or ""]
        out.append(Report(row["id"], "event", row["doc_id"], row["sent_idx"], row["type"],
                          frozenset(n for n in row["source_nodes"] or [] if n),
                          frozenset(n for n in row["target_nodes"] or [] if n), bool(row["negated"]), row["date"],
                          row["date_basis"], row["said_by_actor"],
                          topic_words(row["evidence_text"] or "", drop=drop, drop_words=node_words),
                          row["date_precision"] or "day"))
    for row in store.query(
        """SELECT id, doc_id, sent_idx, a_node, b_node, polarity, cue, negated, date, date_basis, date_precision,
                  speaker_actor, evidence_text
           FROM claims WHERE kind = 'relation' AND a_node IS NOT NULL AND b_node IS NOT NULL"""
    ):
        drop = [*names[(row["doc_id"], row["sent_idx"])], row["cue"] or ""]
        pair = frozenset((row["a_node"], row["b_node"]))
        out.append(Report(row["id"], "relation", row["doc_id"], row["sent_idx"], f"stated{row['polarity']:+d}",
                          pair, pair, bool(row["negated"]), row["date"], row["date_basis"], row["speaker_actor"],
                          topic_words(row["evidence_text"] or "", drop=drop, drop_words=node_words),
                          row["date_precision"] or "day"))
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

    def union(i: str, j: str) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    # Block by kind, family and source node so that only plausible pairs are compared.
    blocks: dict[tuple[str, str, str], list[Report]] = defaultdict(list)
    for r in reports:
        for node in sorted(r.sources) or [""]:
            blocks[(r.kind, r.family, node)].append(r)
    for block in blocks.values():
        block.sort(key=lambda r: (r.period[0] if r.period else dt.date.min, r.id))
    candidates = [(x, y) for block in blocks.values() for x, y in _candidates(block)]
    for x, y in candidates:
        if same_event(x, y):
            union(x.id, y.id)
    for x, y in _copy_matches(reports, candidates, find):
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


def _copy_matches(reports: Sequence[Report], candidates: list[tuple[Report, Report]],
                  find: Any) -> list[tuple[Report, Report]]:
    """Compatible pairs left apart by the wording test, between two articles that retell one story.

    Two articles are one story retold when at least ``COPY_MIN_SHARED`` reports of each are merged with
    reports of the other.  Between
    them an event still unmatched in the other article is merged with its one compatible counterpart there;
    one with several candidates stays apart (distinct acts of one day must not collapse).
    """
    docs_of: dict[str, set[str]] = defaultdict(set)
    for r in reports:
        docs_of[find(r.id)].add(r.doc_id)
    # matched[(a, b)]: how many reports of article a are merged with a report of article b
    matched: dict[tuple[str, str], int] = defaultdict(int)
    for r in reports:
        for other in docs_of[find(r.id)] - {r.doc_id}:
            matched[(r.doc_id, other)] += 1
    shared = {frozenset((a, b)): min(n, matched[(b, a)]) for (a, b), n in matched.items()}
    copies = {pair for pair, n in shared.items() if n >= COPY_MIN_SHARED}
    open_pairs = [(x, y) for x, y in candidates if x.doc_id != y.doc_id
                  and frozenset((x.doc_id, y.doc_id)) in copies
                  and y.doc_id not in docs_of[find(x.id)] and x.doc_id not in docs_of[find(y.id)]]
    # counterparts are counted as groups: two reports of one event in one article are one counterpart
    options: dict[tuple[str, str], set[str]] = defaultdict(set)
    for x, y in open_pairs:
        options[(find(x.id), y.doc_id)].add(find(y.id))
        options[(find(y.id), x.doc_id)].add(find(x.id))
    return [(x, y) for x, y in open_pairs
            if len(options[(find(x.id), y.doc_id)]) == 1 and len(options[(find(y.id), x.doc_id)]) == 1]


def group_ids(store: Store) -> dict[str, str]:
    """Item id -> group id: from the ``event_groups`` table when it covers the store, else computed now."""
    if _has_table(store):
        stored = {r["item_id"]: r["group_id"] for r in store.query("SELECT item_id, group_id FROM event_groups")}
        missing = store.query(
            """SELECT count(*) AS n FROM (SELECT id FROM events UNION ALL
                                          SELECT id FROM claims WHERE kind = 'relation') i
               WHERE i.id NOT IN (SELECT item_id FROM event_groups)"""
        )
        if missing[0]["n"] == 0:
            return stored
    return group_reports(load_reports(store))


def merge_events(store: Store) -> MergeSummary:
    """Recompute the event groups of the whole store and write them to ``event_groups``.

    Call after each ingest batch (groups can gain members from a later batch).

    Args:
        store: a store opened for writing.

    Returns:
        How many items and groups there are.
    """
    reports = load_reports(store)
    groups = group_reports(reports)
    import pyarrow as pa

    kinds = {r.id: r.kind for r in reports}
    table = pa.table({"item_id": list(groups), "kind": [kinds[i] for i in groups],
                      "group_id": list(groups.values())})
    store.con.execute("BEGIN TRANSACTION")
    try:
        store.con.execute(_TABLE_SQL)
        store.con.execute("DELETE FROM event_groups")
        store.con.register("_groups", table)
        store.con.execute("INSERT INTO event_groups SELECT item_id, kind, group_id FROM _groups")
        store.con.unregister("_groups")
        store.clear_merge_pending()
        store.con.execute("COMMIT")
    except Exception:
        store.con.execute("ROLLBACK")
        raise
    return MergeSummary(len(groups), len(set(groups.values())))


def _has_table(store: Store) -> bool:
    rows = store.query("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'event_groups'")
    return bool(rows[0]["n"])


def describe_groups(store: Store) -> list[dict[str, Any]]:
    """Groups with more than one report, each with its reports' outlets, speakers and sentences."""
    groups = group_ids(store)
    members: dict[str, list[str]] = defaultdict(list)
    for item, group in groups.items():
        members[group].append(item)
    multi = {g: ids for g, ids in members.items() if len(ids) > 1}
    ids = [i for g in multi.values() for i in g]
    rows = {r["id"]: r for r in store.query(
        """SELECT id, doc_id, sent_idx, type, outlet, said_by_name AS speaker, date, evidence_text FROM events
           WHERE id IN (SELECT unnest(?))
           UNION ALL
           SELECT id, doc_id, sent_idx, 'stated ' || polarity, outlet, speaker_name, date, evidence_text FROM claims
           WHERE id IN (SELECT unnest(?))""", [ids, ids])}
    return [{"group": g, "reports": [rows[i] for i in sorted(ids) if i in rows]} for g, ids in sorted(multi.items())]
