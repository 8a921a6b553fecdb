"""GraphML and GEXF export of the relations network.

Nodes carry ``name`` (also the GEXF label), ``kind`` and ``country``; edges
carry ``score``, ``sign`` (see ``network.balance``, 0 inside the dead zone),
``n_events`` (event groups, each counted once), ``n_outlets``, ``first`` and
``last`` (ISO dates, empty when unknown).

GEXF is written as GEXF 1.3, dynamic (``mode="dynamic"``, ``timeformat="date"``):
each edge has one spell per stretch of days its dated evidence covers (a
report dated "in March 2023" covers the month; overlapping or adjacent
periods are merged), each node the union of its edges' spells.  A relation
resting only on undated evidence has no spells (present throughout), and so
does any node it touches.  The writer is our
own (ElementTree): networkx's GEXF writer puts a ``name`` attribute on
``<graph>``, which the GEXF 1.3 schema does not allow, and labels nodes with
their ids.  GraphML keeps the networkx writer.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx

from .. import __version__
from ..network.balance import edge_sign
from ..network.dedup import date_period
from ..network.dyads import Filters, dyad_series, evidence_items, relations
from ..store import views
from . import Exporter

GEXF_NS = "http://gexf.net/1.3"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
GEXF_SCHEMA_LOCATION = "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd"
# (title, GEXF type) of the declared attributes, in id order.
NODE_ATTRIBUTES = (("name", "string"), ("kind", "string"), ("country", "string"))
EDGE_ATTRIBUTES = (("score", "double"), ("sign", "integer"), ("n_events", "integer"), ("n_outlets", "integer"),
                   ("first", "string"), ("last", "string"))
# Dynamic edge attribute: the relation's score in each month that has evidence (``dyad_series``), so that
# Gephi's timeline shows the tie warming or cooling.  Its id follows the static ones (ids are unique per class).
MONTHLY_SCORE = ("score_in_month", "double")

Spell = tuple[dt.date, dt.date]


def relations_graph(store: Any, *, filters: Filters = Filters()) -> nx.Graph:
    """The relations of the store as an undirected networkx graph."""
    graph = nx.Graph()
    nodes = {k: {"name": n.name, "kind": n.kind, "country": n.country} for k, n in views.node_rows(store.con).items()}
    for rel in relations(store, filters=filters):
        for node in (rel.a, rel.b):
            row = nodes.get(node, {})
            graph.add_node(node, name=row.get("name") or node, kind=row.get("kind") or "",
                           country=row.get("country") or "")
        graph.add_edge(rel.a, rel.b, score=round(rel.score, 3), sign=edge_sign(rel.score), n_events=rel.n_events,
                       n_outlets=rel.n_outlets, first=rel.first.isoformat() if rel.first else "",
                       last=rel.last.isoformat() if rel.last else "")
    return graph


def merge_spells(periods: Iterable[Spell]) -> list[Spell]:
    """Periods merged where they overlap or touch (2023-03-01..31 and 2023-04-01..30 -> one spell)."""
    out: list[Spell] = []
    for start, end in sorted(periods):
        if out and start <= out[-1][1] + dt.timedelta(days=1):
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def edge_spells(store: Any, *, filters: Filters = Filters()) -> dict[tuple[str, str], list[Spell]]:
    """(a, b) -> the merged periods covered by the pair's dated evidence (background told with its own time
    included, at that time; undated evidence has no period)."""
    periods: dict[tuple[str, str], list[Spell]] = defaultdict(list)
    for item in evidence_items(store, filters=filters):
        period = date_period(item.date, getattr(item, "precision", "day"))
        if period is not None:
            periods[(item.a, item.b)].append(period)
    return {pair: merge_spells(p) for pair, p in periods.items()}


def _attributes(graph_el: ET.Element, cls: str, fields: tuple[tuple[str, str], ...], *, mode: str = "static",
                first_id: int = 0) -> None:
    el = ET.SubElement(graph_el, "attributes", {"class": cls, "mode": mode})
    for i, (title, kind) in enumerate(fields, start=first_id):
        ET.SubElement(el, "attribute", {"id": str(i), "title": title, "type": kind})


def monthly_scores(store: Any, *, filters: Filters = Filters()) -> dict[tuple[str, str], list[tuple[Spell, float]]]:
    """(a, b) -> [((first day, last day) of a month, the pair's score in it)] for the months with evidence."""
    out: dict[tuple[str, str], list[tuple[Spell, float]]] = defaultdict(list)
    for p in dyad_series(store, window="month", filters=filters):
        end = date_period(p.period, "month")
        assert end is not None
        out[(p.a, p.b)].append((end, round(p.score, 3)))
    return out


def _attvalues(parent: ET.Element, fields: tuple[tuple[str, str], ...], values: dict[str, Any]) -> None:
    el = ET.SubElement(parent, "attvalues")
    for i, (title, _) in enumerate(fields):
        value = values.get(title)
        if value is not None and value != "":
            ET.SubElement(el, "attvalue", {"for": str(i), "value": str(value)})


def _spells(parent: ET.Element, spells: list[Spell]) -> None:
    if spells:
        el = ET.SubElement(parent, "spells")
        for start, end in spells:
            ET.SubElement(el, "spell", {"start": start.isoformat(), "end": end.isoformat()})


def gexf_tree(store: Any, *, filters: Filters = Filters()) -> ET.ElementTree:
    """The relations network as a GEXF 1.3 dynamic document."""
    graph = relations_graph(store, filters=filters)
    spells = edge_spells(store, filters=filters)
    node_periods: dict[str, list[Spell]] = defaultdict(list)
    for (a, b), ss in spells.items():
        if graph.has_edge(a, b):
            node_periods[a] += ss
            node_periods[b] += ss
    root = ET.Element("gexf", {"xmlns": GEXF_NS, "xmlns:xsi": XSI_NS, "xsi:schemaLocation": GEXF_SCHEMA_LOCATION,
                               "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": dt.date.today().isoformat()})
    ET.SubElement(meta, "creator").text = f"detente {__version__}"
    ET.SubElement(meta, "description").text = "Signed relations between states and organisations, from news"
    graph_el = ET.SubElement(root, "graph", {"mode": "dynamic", "defaultedgetype": "undirected",
                                             "timeformat": "date", "timerepresentation": "interval"})
    _attributes(graph_el, "node", NODE_ATTRIBUTES)
    _attributes(graph_el, "edge", EDGE_ATTRIBUTES)
    _attributes(graph_el, "edge", (MONTHLY_SCORE,), mode="dynamic", first_id=len(EDGE_ATTRIBUTES))
    months = monthly_scores(store, filters=filters)
    nodes_el = ET.SubElement(graph_el, "nodes", {"count": str(graph.number_of_nodes())})
    for node, data in sorted(graph.nodes(data=True)):
        el = ET.SubElement(nodes_el, "node", {"id": node, "label": data["name"]})
        _attvalues(el, NODE_ATTRIBUTES, data)
        _spells(el, merge_spells(node_periods.get(node, [])) if _all_dated(graph, node, spells) else [])
    edges_el = ET.SubElement(graph_el, "edges", {"count": str(graph.number_of_edges())})
    for i, (a, b, data) in enumerate(sorted(graph.edges(data=True), key=lambda e: (min(e[:2]), max(e[:2])))):
        a, b = sorted((a, b))
        el = ET.SubElement(edges_el, "edge", {"id": str(i), "source": a, "target": b,
                                              "label": f"{graph.nodes[a]['name']} – {graph.nodes[b]['name']}",
                                              "weight": str(data["n_events"])})
        _attvalues(el, EDGE_ATTRIBUTES, data)
        values = el.find("attvalues")
        assert values is not None
        for (start, end), score in months.get((a, b), []):
            ET.SubElement(values, "attvalue", {"for": str(len(EDGE_ATTRIBUTES)), "value": str(score),
                                               "start": start.isoformat(), "end": end.isoformat()})
        _spells(el, spells.get((a, b), []))
    ET.indent(root)
    return ET.ElementTree(root)


def _all_dated(graph: nx.Graph, node: str, spells: dict[tuple[str, str], list[Spell]]) -> bool:
    """A node gets spells only when every one of its edges has some: else it must stay visible at all times."""
    return all(spells.get(tuple(sorted((node, other)))) for other in graph.neighbors(node))


def write_graphml(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the relations network as GraphML; returns the number of edges."""
    graph = relations_graph(store, filters=filters)
    nx.write_graphml(graph, path)
    return graph.number_of_edges()


def write_gexf(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the relations network as dynamic GEXF 1.3; returns the number of edges."""
    tree = gexf_tree(store, filters=filters)
    tree.write(path, encoding="UTF-8", xml_declaration=True)
    return len(tree.getroot().findall("./graph/edges/edge"))


EXPORTERS = [
    Exporter("graphml", ".graphml", "the relations network as GraphML", write_graphml),
    Exporter("gexf", ".gexf", "the relations network as dynamic GEXF 1.3 (Gephi timeline)", write_gexf),
]
