"""Clusters from scored pairs: records joined by a pair at or above the threshold are one
person (connected components, with a union-find)."""

from __future__ import annotations

from collections.abc import Iterable


def connected_components(size: int, edges: Iterable[tuple[int, int]]) -> list[int]:
    """Component number of each of ``size`` nodes; components are numbered in the order of
    their first node, so the result does not depend on the order of ``edges``."""
    parent = list(range(size))

    def find(node: int) -> int:
        root = node
        while parent[root] != root:
            root = parent[root]
        while parent[node] != root:
            parent[node], node = root, parent[node]
        return root

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            if ra < rb:
                parent[rb] = ra
            else:
                parent[ra] = rb
    numbering: dict[int, int] = {}
    out: list[int] = []
    for node in range(size):
        root = find(node)
        out.append(numbering.setdefault(root, len(numbering)))
    return out
