"""How fast the investigation network answers on a 100,000-node network (issue #17).

Builds a synthetic network of N nodes (cases, people, accounts, phones) linked as case files link
them: parties with their network roles, the chain of roles inside each case, accounts and phones
shared between people of different cases, transfers between accounts and confirmed matches.
Then times what the network view does for one reader (:mod:`lentera.network`): the neighbourhood
of a person (at most 1,500 nodes, as the page), its rings, brokers, money totals and paths, and
the links of the last week; and, over the whole network, the connected rings.

    .venv/bin/python bench/network_bench.py [N]

Prints the figures and writes bench/reports/network.md. Pure Python: no database.
"""

from __future__ import annotations

import itertools
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from lentera.network import Edge, Network, Node

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
ROLES = ["recruiter", "other", "transporter", "document_forger", "harbourer", "exploiter"]
TODAY = date(2026, 12, 1)


def build(n: int, rng: random.Random) -> tuple[Network, list[str]]:
    cases = n // 8
    persons = n // 2
    accounts = n // 4
    phones = n - cases - persons - accounts
    nodes = (
        [Node(f"case:{i}", "case", f"C{i}") for i in range(cases)]
        + [Node(f"person:{i}", "person", f"P{i}") for i in range(persons)]
        + [Node(f"account:{i}", "account", "BRI") for i in range(accounts)]
        + [Node(f"phone:{i}", "phone", "Phone") for i in range(phones)]
    )
    net = Network(nodes)

    def day() -> date:
        return TODAY - timedelta(days=rng.randrange(0, 900))

    person = 0
    for c in range(cases):  # four people per case: a victim and a chain of three
        members = []
        for k in range(4):
            p = f"person:{(person + k) % persons}"
            role = "victim" if k == 0 else ROLES[(c + k) % len(ROLES)]
            net.add_edge(Edge(p, f"case:{c}", "party", role=role, on=day()))
            members.append((p, role))
        for (a, role), (b, _r) in itertools.pairwise(members[1:]):
            net.add_edge(Edge(a, b, "chain", role=role, on=day()))
        person += 4
    for a in range(accounts):  # each account held by one person, some by two
        net.add_edge(Edge(f"person:{rng.randrange(persons)}", f"account:{a}", "identifier"))
        if rng.random() < 0.15:
            net.add_edge(Edge(f"person:{rng.randrange(persons)}", f"account:{a}", "identifier"))
    for p in range(phones):
        net.add_edge(Edge(f"person:{rng.randrange(persons)}", f"phone:{p}", "identifier"))
        if rng.random() < 0.2:
            net.add_edge(Edge(f"person:{rng.randrange(persons)}", f"phone:{p}", "identifier"))
    for _t in range(int(accounts * 1.5)):
        a, b = rng.randrange(accounts), rng.randrange(accounts)
        if a != b:
            amount = rng.choice([12_000_000, 3_500_000, 6_000_000, 25_000_000])
            net.add_edge(Edge(f"account:{a}", f"account:{b}", "transfer", amount=amount, on=day()))
    for _m in range(persons // 50):
        a, b = rng.randrange(persons), rng.randrange(persons)
        if a != b:
            net.add_edge(Edge(f"person:{a}", f"person:{b}", "linkage"))
    return net, [n.id for n in nodes if n.kind == "person"]


def answer(net: Network, start: str) -> dict[str, float]:
    marks: dict[str, float] = {}
    cpu = time.process_time()
    t0 = time.perf_counter()
    keep = net.neighbourhood(start, depth=6, limit=1500)
    marks["neighbourhood"] = time.perf_counter() - t0
    t = time.perf_counter()
    net.rings(keep)
    marks["rings"] = time.perf_counter() - t
    t = time.perf_counter()
    net.brokers(keep, kinds=("person", "organisation", "account"))
    marks["brokers"] = time.perf_counter() - t
    t = time.perf_counter()
    totals = net.money_totals(keep)
    senders = sorted((s, n) for n, (_r, s) in totals.items() if s)
    takers = sorted((r, n) for n, (r, _s) in totals.items() if r)
    if senders and takers:
        net.money_paths(senders[-1][1], takers[-1][1])
    marks["money"] = time.perf_counter() - t
    t = time.perf_counter()
    net.new_links(TODAY - timedelta(days=7), keep)
    marks["new_links"] = time.perf_counter() - t
    marks["total"] = time.perf_counter() - t0
    marks["total_cpu"] = time.process_time() - cpu
    marks["nodes"] = len(keep)
    return marks


def main() -> None:
    rng = random.Random(17)
    t = time.perf_counter()
    net, people = build(N, rng)
    built = time.perf_counter() - t
    edges = net.graph.number_of_edges()
    runs = [answer(net, rng.choice(people)) for _ in range(20)]
    t = time.perf_counter()
    whole = net.rings()
    whole_rings = time.perf_counter() - t

    def p(name: str, q: float) -> float:
        values = sorted(r[name] for r in runs)
        return values[min(len(values) - 1, int(q * len(values)))]

    lines = [
        "# Investigation network: timings",
        "",
        f"Synthetic network: {net.graph.number_of_nodes():,} nodes, {edges:,} edges "
        f"(built in {built:.1f} s, once per process).",
        "",
        "One answer of the network view (20 random people as start, neighbourhood capped at "
        "1,500 nodes as on the page):",
        "",
        "| step | median (ms) | p95 (ms) |",
        "|---|---|---|",
    ]
    for name in ("neighbourhood", "rings", "brokers", "money", "new_links", "total", "total_cpu"):
        lines.append(f"| {name} | {1000 * p(name, 0.5):.1f} | {1000 * p(name, 0.95):.1f} |")
    lines += [
        "",
        f"Nodes in the answers: median {statistics.median(r['nodes'] for r in runs):.0f}.",
        f"Connected rings over the whole network: {len(whole):,} rings in "
        f"{1000 * whole_rings:.0f} ms.",
        "",
        "`total` is wall-clock time; `total_cpu` the processor time of this process alone (the "
        "wall clock also counts waiting for a core on a shared machine).",
        "",
        "Reproduce: `.venv/bin/python bench/network_bench.py 100000`.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    report = Path(__file__).resolve().parent / "reports" / "network.md"
    report.parent.mkdir(exist_ok=True)
    report.write_text(text)


if __name__ == "__main__":
    main()
