"""The investigation network as a graph: people, accounts, phones, organisations and cases, and
what the links say (analysis with networkx).

Pure Python, no Django, no database. Give it nodes and edges (:class:`Node`, :class:`Edge`);
:class:`Network` answers the neighbourhood of a node (by depth, edge kinds and period), the
connected rings, the brokers (betweenness centrality, sampled on large graphs), the money along
the paths between two nodes, and the links added since a day.
"""

from lentera.network._graph import (
    Edge,
    MoneyPath,
    Network,
    Node,
    Ring,
)

__all__ = ["Edge", "MoneyPath", "Network", "Node", "Ring"]
