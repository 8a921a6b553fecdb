"""GraphML and GEXF export of the relations network (networkx writers).

Nodes carry ``name``, ``kind`` and ``country``; edges carry ``score``,
``sign`` (see ``network.balance``, 0 inside the dead zone), ``n_events``
(event groups, each counted once), ``n_outlets``, ``first`` and ``last``
(ISO dates, empty when unknown).  Both formats take no None, so missing
values are empty strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from ..network.balance import edge_sign
from ..network.dyads import Filters, relations
from ..store import readers
from . import Exporter


def relations_graph(store: Any, *, filters: Filters = Filters()) -> nx.Graph:
    """The relations of the store as an undirected networkx graph."""
    graph = nx.Graph()
    nodes = {r.id: r.to_dict() for r in readers.nodes(store.con)}
    for rel in relations(store, filters=filters):
        for node in (rel.a, rel.b):
            row = nodes.get(node, {})
            graph.add_node(node, name=row.get("name") or node, kind=row.get("kind") or "",
                           country=row.get("country") or "")
        graph.add_edge(rel.a, rel.b, score=round(rel.score, 3), sign=edge_sign(rel.score), n_events=rel.n_events,
                       n_outlets=rel.n_outlets, first=rel.first.isoformat() if rel.first else "",
                       last=rel.last.isoformat() if rel.last else "")
    return graph


def write_graphml(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the relations network as GraphML; returns the number of edges."""
    graph = relations_graph(store, filters=filters)
    nx.write_graphml(graph, path)
    return graph.number_of_edges()


def write_gexf(store: Any, path: Path, *, filters: Filters = Filters()) -> int:
    """Write the relations network as GEXF; returns the number of edges."""
    graph = relations_graph(store, filters=filters)
    nx.write_gexf(graph, path)
    return graph.number_of_edges()


EXPORTERS = [
    Exporter("graphml", ".graphml", "the relations network as GraphML", write_graphml),
    Exporter("gexf", ".gexf", "the relations network as GEXF (Gephi)", write_gexf),
]
