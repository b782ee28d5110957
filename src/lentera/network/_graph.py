from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

#: Betweenness is exact up to this many nodes, sampled with this many pivots above.
EXACT_BETWEENNESS = 300
SAMPLED_PIVOTS = 64


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # person, organisation, case, account, phone, hidden
    label: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str  # party, chain, identifier, linkage, transfer
    role: str = ""  # party role or network role; for a chain, the giver's role
    amount: int = 0  # transfers (Rp)
    on: date | None = None  # when the link came to be (transfer date, party added)
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Ring:
    nodes: tuple[str, ...]
    persons: int
    cases: int
    money: int


@dataclass(frozen=True)
class MoneyPath:
    nodes: tuple[str, ...]
    hops: tuple[int, ...]  # the total moved on each hop (Rp)

    @property
    def bottleneck(self) -> int:
        return min(self.hops) if self.hops else 0


class Network:
    """An undirected multigraph of everything linked, plus the directed money flows."""

    def __init__(self, nodes: Iterable[Node] = (), edges: Iterable[Edge] = ()) -> None:
        self.graph: nx.MultiGraph[str] = nx.MultiGraph()
        self.money: nx.DiGraph[str] = nx.DiGraph()
        self.nodes: dict[str, Node] = {}
        for node in nodes:
            self.add_node(node)
        for edge in edges:
            self.add_edge(edge)

    def add_node(self, node: Node) -> None:
        self.nodes[node.id] = node
        self.graph.add_node(node.id)

    def add_edge(self, edge: Edge) -> None:
        for end in (edge.source, edge.target):
            if end not in self.nodes:
                raise KeyError(end)
        self.graph.add_edge(edge.source, edge.target, edge=edge)
        if edge.kind == "transfer":
            flow = self.money.get_edge_data(edge.source, edge.target, default=None)
            total = (flow["amount"] if flow else 0) + edge.amount
            self.money.add_edge(edge.source, edge.target, amount=total)

    def edges(self, among: Iterable[str] | None = None) -> list[Edge]:
        """Every edge, or the edges whose two ends are both in ``among``."""
        if among is None:
            return [data["edge"] for _a, _b, data in self.graph.edges(data=True)]
        keep = set(among)
        found: dict[int, Edge] = {}
        for node in keep:
            for _a, other, data in self.graph.edges(node, data=True):
                if other in keep:
                    found.setdefault(id(data), data["edge"])
        return list(found.values())

    def _simple(self, keep: set[str]) -> nx.Graph[str]:
        """The simple graph among ``keep`` (one link per pair), built directly."""
        simple: nx.Graph[str] = nx.Graph()
        simple.add_nodes_from(keep)
        for node in keep:
            simple.add_edges_from(
                (node, other) for other in self.graph.adj[node] if other in keep and other != node
            )
        return simple

    def _keep(
        self, edge: Edge, kinds: frozenset[str] | None, start: date | None, end: date | None
    ) -> bool:
        if kinds is not None and edge.kind not in kinds and edge.role not in kinds:
            return False
        if edge.on is None:
            return True
        return (start is None or edge.on >= start) and (end is None or edge.on <= end)

    def neighbourhood(
        self,
        start: str,
        *,
        depth: int = 3,
        kinds: Iterable[str] | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = 2000,
    ) -> set[str]:
        """The nodes within ``depth`` links of ``start`` (breadth first, at most ``limit``),
        following only edges of ``kinds`` (edge kinds or roles) dated in [since, until]."""
        if start not in self.nodes:
            return set()
        wanted = frozenset(kinds) if kinds is not None else None
        seen = {start}
        queue = deque([(start, 0)])
        while queue and len(seen) < limit:
            here, level = queue.popleft()
            if level >= depth:
                continue
            for _a, there, data in self.graph.edges(here, data=True):
                if there in seen or not self._keep(data["edge"], wanted, since, until):
                    continue
                seen.add(there)
                queue.append((there, level + 1))
                if len(seen) >= limit:
                    break
        return seen

    def rings(self, among: Iterable[str] | None = None, *, smallest: int = 3) -> list[Ring]:
        """Connected groups (of at least ``smallest`` nodes), largest first."""
        view = self.graph if among is None else self._simple(set(among))
        components = [c for c in nx.connected_components(view) if len(c) >= smallest]
        ring_of = {node: index for index, c in enumerate(components) for node in c}
        moved = [0] * len(components)
        sources = self.money.nodes if among is None else [n for n in ring_of if n in self.money]
        for a, b, data in self.money.out_edges(sources, data=True):
            index = ring_of.get(a)
            if index is not None and ring_of.get(b) == index:
                moved[index] += data["amount"]
        found = []
        for index, component in enumerate(components):
            kinds = [self.nodes[n].kind for n in component]
            money = moved[index]
            found.append(
                Ring(
                    nodes=tuple(sorted(component)),
                    persons=sum(k in ("person", "organisation") for k in kinds),
                    cases=kinds.count("case"),
                    money=money,
                )
            )
        return sorted(found, key=lambda r: (-len(r.nodes), r.nodes))

    def brokers(
        self, among: Iterable[str] | None = None, *, top: int = 5, kinds: Iterable[str] = ()
    ) -> list[tuple[str, float]]:
        """The nodes that most often lie between the others (betweenness centrality), restricted
        to nodes of ``kinds`` when given; sampled above :data:`EXACT_BETWEENNESS` nodes."""
        view = self._simple(set(self.graph.nodes if among is None else among))
        if view.number_of_nodes() < 3:
            return []
        sample = SAMPLED_PIVOTS if view.number_of_nodes() > EXACT_BETWEENNESS else None
        scores = nx.betweenness_centrality(view, k=sample, seed=17 if sample else None)
        wanted = set(kinds)
        ranked = sorted(
            (
                (n, s)
                for n, s in scores.items()
                if s > 0 and (not wanted or self.nodes[n].kind in wanted)
            ),
            key=lambda x: (-x[1], x[0]),
        )
        return ranked[:top]

    def money_paths(
        self, source: str, target: str, *, cutoff: int = 5, most: int = 20
    ) -> list[MoneyPath]:
        """The money paths from ``source`` to ``target`` (at most ``cutoff`` hops), with the
        total moved on each hop, the widest first."""
        if source not in self.money or target not in self.money:
            return []
        paths = []
        for path in nx.all_simple_paths(self.money, source, target, cutoff=cutoff):
            hops = tuple(self.money[a][b]["amount"] for a, b in itertools.pairwise(path))
            paths.append(MoneyPath(nodes=tuple(path), hops=hops))
            if len(paths) >= most * 5:
                break
        return sorted(paths, key=lambda p: (-p.bottleneck, len(p.nodes)))[:most]

    def money_totals(self, among: Iterable[str] | None = None) -> dict[str, tuple[int, int]]:
        """Per node: (received, sent) in Rp, over the money flows among ``among``."""
        keep = set(self.money.nodes if among is None else among) & set(self.money.nodes)
        totals: dict[str, tuple[int, int]] = {}
        for node in keep:
            received = sum(
                d["amount"] for a, _b, d in self.money.in_edges(node, data=True) if a in keep
            )
            sent = sum(
                d["amount"] for _a, b, d in self.money.out_edges(node, data=True) if b in keep
            )
            totals[node] = (received, sent)
        return totals

    def new_links(self, since: date, among: Iterable[str] | None = None) -> list[Edge]:
        """Links dated on or after ``since``."""
        return [e for e in self.edges(among) if e.on is not None and e.on >= since]
