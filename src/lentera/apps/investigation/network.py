"""The network view of a reader: the graph around a person or a case, gathered from the
database (case parties and their network roles, shared identifiers, confirmed linkage,
transfers), then shaped by need-to-know and analysed (:mod:`lentera.network`).

**Need-to-know inside the graph.** A case the reader may not see (:data:`lentera.apps.cases.
policies.cases`), and a person outside the reader's reach (:data:`lentera.apps.people.policies.
people`), appear as a node labelled only "held by <agency>", under an opaque id: no reference,
no initials, no role, no amount of a transfer of such a case. Accounts and phones never show
their number: an account shows its bank or platform, and only when it touches a node the reader
sees. Names are never drawn: visible people show by initials, their page (which logs access)
says more to those who hold the identity.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _

from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, Requester, is_user
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import NetworkRole
from lentera.apps.insights.models import MatchCandidate, MatchStatus
from lentera.apps.investigation import policies
from lentera.apps.investigation.models import CallRecord, Transfer
from lentera.apps.justice.models import WantedNotice
from lentera.apps.people.models import IdentifierKind, Person, PersonAccount, PersonIdentifier
from lentera.apps.people.policies import people
from lentera.network import Edge, Network, Node

#: The order in which victims pass along a ring (the chain edges follow it within a case).
CHAIN = (
    NetworkRole.RECRUITER,
    NetworkRole.OTHER,  # a coordinator, in the field's words
    NetworkRole.TRANSPORTER,
    NetworkRole.DOCUMENT_FORGER,
    NetworkRole.HARBOURER,
    NetworkRole.EXPLOITER,
)
LINKING = (IdentifierKind.NIK, IdentifierKind.PHONE, IdentifierKind.ACCOUNT)
MAX_NODES = 1500


@dataclass
class Gathered:
    cases: set[int] = field(default_factory=set)
    persons: set[int] = field(default_factory=set)
    digests: set[str] = field(default_factory=set)


def gather(*, case_id: int | None = None, person_id: int | None = None, depth: int = 3) -> Gathered:
    """Everything within ``depth`` steps of the start, in the database (at most MAX_NODES)."""
    got = Gathered()
    new_cases = {case_id} if case_id else set()
    new_persons = {person_id} if person_id else set()
    new_digests: set[str] = set()
    for _level in range(depth):
        got.cases |= new_cases
        got.persons |= new_persons
        got.digests |= new_digests
        if len(got.cases) + len(got.persons) + len(got.digests) > MAX_NODES:
            break
        found_persons = set(
            CaseParty.objects.filter(case_id__in=new_cases).values_list("person_id", flat=True)
        )
        found_cases = set(
            CaseParty.objects.filter(person_id__in=new_persons).values_list("case_id", flat=True)
        )
        found_digests = set(
            PersonIdentifier.objects.filter(
                person_id__in=new_persons, kind__in=LINKING
            ).values_list("digest", flat=True)
        )
        found_persons |= set(
            PersonIdentifier.objects.filter(digest__in=new_digests, kind__in=LINKING).values_list(
                "person_id", flat=True
            )
        )
        for left, right in MatchCandidate.objects.filter(
            Q(left_id__in=new_persons) | Q(right_id__in=new_persons),
            status=MatchStatus.CONFIRMED,
        ).values_list("left_id", "right_id"):
            found_persons |= {left, right}
        transfers = Transfer.objects.filter(
            Q(case_id__in=new_cases)
            | Q(from_digest__in=new_digests)
            | Q(to_digest__in=new_digests)
            | Q(from_person_id__in=new_persons)
            | Q(to_person_id__in=new_persons)
        ).values_list("case_id", "from_digest", "to_digest", "from_person_id", "to_person_id")
        for case, a, b, p, q in transfers:
            found_cases.add(case)
            found_digests |= {x for x in (a, b) if x}
            found_persons |= {x for x in (p, q) if x}
        calls = CallRecord.objects.filter(
            Q(case_id__in=new_cases)
            | Q(caller_digest__in=new_digests)
            | Q(callee_digest__in=new_digests)
        ).values_list("case_id", "caller_digest", "callee_digest")
        for case, a, b in calls.distinct():
            found_cases.add(case)
            found_digests |= {a, b}
        new_cases = found_cases - got.cases
        new_persons = found_persons - got.persons
        new_digests = found_digests - got.digests
    got.cases |= new_cases
    got.persons |= new_persons
    got.digests |= new_digests
    return got


def _opaque(real: str) -> str:
    return "h" + blind_index("network-node:" + real)[:12]


@dataclass
class Shaped:
    network: Network
    start: str
    agencies: dict[int, str]


def _shape(user: Requester, got: Gathered, start: str) -> Shaped:
    """Nodes and edges, each one shown or hidden for ``user``."""
    case_rows = {c.pk: c for c in Case.objects.filter(pk__in=got.cases)}
    seen_cases = set(
        cases.visible(user, Action.VIEW_CASE).filter(pk__in=got.cases).values_list("pk", flat=True)
    )
    money_cases = set(
        policies.readable_cases(user).filter(pk__in=got.cases).values_list("pk", flat=True)
    )
    person_rows = {p.pk: p for p in Person.objects.filter(pk__in=got.persons)}
    seen_persons = set(
        people.visible(user, Action.VIEW_PERSON)
        .filter(pk__in=got.persons)
        .values_list("pk", flat=True)
    )
    agencies = dict(Agency.objects.values_list("pk", "name"))
    ids: dict[str, str] = {}
    net = Network()

    def held(real: str, agency_id: int | None) -> str:
        node_id = _opaque(real)
        ids[real] = node_id
        if node_id not in net.nodes:
            name = agencies.get(agency_id or 0, "?")
            net.add_node(
                Node(
                    node_id, "hidden", _("held by %(agency)s") % {"agency": name}, {"agency": name}
                )
            )
        return node_id

    for pk, case in case_rows.items():
        real = f"case:{pk}"
        if pk in seen_cases:
            ids[real] = real
            net.add_node(
                Node(real, "case", case.reference, {"href": reverse("cases:detail", args=[pk])})
            )
        else:
            held(real, case.lead_agency_id)

    parties = list(
        CaseParty.objects.filter(case_id__in=got.cases, person_id__in=got.persons).order_by("id")
    )
    roles: defaultdict[int, set[str]] = defaultdict(set)
    corporate: set[int] = set()
    for party in parties:
        if party.case_id in seen_cases:
            roles[party.person_id].add(party.network_role or party.role)
        if party.is_corporation:
            corporate.add(party.person_id)
    wanted_people = set(
        WantedNotice.objects.filter(
            ended_on__isnull=True, proceeding__case_id__in=seen_cases
        ).values_list("proceeding__suspect__person_id", flat=True)
    )
    for pk, person in person_rows.items():
        real = f"person:{pk}"
        if pk in seen_persons:
            ids[real] = real
            kind = "organisation" if pk in corporate else "person"
            net.add_node(
                Node(
                    real,
                    kind,
                    person.initials or f"#{pk}",
                    {
                        "roles": sorted(roles[pk]),
                        "wanted": pk in wanted_people,
                        "href": reverse("people:detail", args=[pk]),
                    },
                )
            )
        else:
            held(real, person.owner_agency_id)

    # shared identifiers and accounts: one node per digest held by two people or in a transfer
    holders: defaultdict[str, set[int]] = defaultdict(set)
    kinds: dict[str, str] = {}
    for person_id, kind, digest in PersonIdentifier.objects.filter(
        digest__in=got.digests, kind__in=LINKING, person_id__in=got.persons
    ).values_list("person_id", "kind", "digest"):
        holders[digest].add(person_id)
        kinds[digest] = kind
    providers = dict(
        PersonAccount.objects.filter(digest__in=got.digests).values_list("digest", "provider")
    )
    transfers = list(Transfer.objects.filter(case_id__in=got.cases).order_by("on", "id"))
    in_transfers = {d for t in transfers for d in (t.from_digest, t.to_digest) if d}
    calls: defaultdict[tuple[str, str, int], int] = defaultdict(int)
    for case_id, a, b in CallRecord.objects.filter(case_id__in=got.cases).values_list(
        "case_id", "caller_digest", "callee_digest"
    ):
        calls[(a, b, case_id)] += 1
        for digest in (a, b):
            kinds.setdefault(digest, IdentifierKind.PHONE)
            in_transfers.add(digest)
    for t in transfers:
        for digest, provider in ((t.from_digest, t.from_provider), (t.to_digest, t.to_provider)):
            if digest:
                providers.setdefault(digest, provider)
                kinds.setdefault(digest, IdentifierKind.ACCOUNT)
    for digest in got.digests:
        if len(holders[digest]) < 2 and digest not in in_transfers:
            continue
        real = f"{kinds.get(digest, 'account')}:{digest[:16]}"
        touching_seen = (
            any(p in seen_persons for p in holders[digest])
            or any(
                t.case_id in money_cases and digest in (t.from_digest, t.to_digest)
                for t in transfers
            )
            or any(c in money_cases and digest in (a, b) for a, b, c in calls)
        )
        if touching_seen:
            ids[real] = real
            kind = "phone" if kinds.get(digest) == IdentifierKind.PHONE else "account"
            if kinds.get(digest) == IdentifierKind.NIK:
                label = _("NIK")
            elif kind == "phone":
                label = _("Phone")
            else:
                label = providers.get(digest) or _("Account")
            net.add_node(Node(real, kind, label))
        else:
            owner = next(iter(holders[digest]), None)
            agency = person_rows[owner].owner_agency_id if owner in person_rows else None
            if agency is None:
                cases_of = [t.case_id for t in transfers if digest in (t.from_digest, t.to_digest)]
                cases_of += [c for a, b, c in calls if digest in (a, b)]
                agency = case_rows[cases_of[0]].lead_agency_id
            held(real, agency)
        for person_id in holders[digest]:
            net.add_edge(Edge(ids[f"person:{person_id}"], ids[real], "identifier"))

    def node_of(kind: str, digest: str, person_id: int | None) -> str | None:
        if digest and f"{kinds.get(digest, 'account')}:{digest[:16]}" in ids:
            return ids[f"{kinds.get(digest, 'account')}:{digest[:16]}"]
        if person_id and f"person:{person_id}" in ids:
            return ids[f"person:{person_id}"]
        return None

    # parties: person -- case; the chain of network roles inside each case
    by_case: defaultdict[int, list[CaseParty]] = defaultdict(list)
    for party in parties:
        shown = party.case_id in seen_cases
        net.add_edge(
            Edge(
                ids[f"person:{party.person_id}"],
                ids[f"case:{party.case_id}"],
                "party",
                role=(party.network_role or party.role) if shown else "",
                on=party.added_at.date(),
            )
        )
        if party.network_role in CHAIN:
            by_case[party.case_id].append(party)
    for case_id, members in by_case.items():
        ordered = sorted(members, key=lambda p: CHAIN.index(NetworkRole(p.network_role)))
        for giver, taker in itertools.pairwise(ordered):
            if giver.network_role == taker.network_role:
                continue
            net.add_edge(
                Edge(
                    ids[f"person:{giver.person_id}"],
                    ids[f"person:{taker.person_id}"],
                    "chain",
                    role=giver.network_role if case_id in seen_cases else "",
                    on=taker.added_at.date(),
                )
            )
    for left, right in MatchCandidate.objects.filter(
        left_id__in=got.persons, right_id__in=got.persons, status=MatchStatus.CONFIRMED
    ).values_list("left_id", "right_id"):
        net.add_edge(Edge(ids[f"person:{left}"], ids[f"person:{right}"], "linkage"))
    for t in transfers:
        source = node_of("from", t.from_digest, t.from_person_id)
        target = node_of("to", t.to_digest, t.to_person_id)
        if source is None or target is None or source == target:
            continue
        shown = t.case_id in money_cases
        net.add_edge(
            Edge(
                source,
                target,
                "transfer",
                role=t.channel if shown else "",
                amount=t.amount if shown else 0,
                on=t.on,
                attrs={"shown": shown, "reference": t.reference if shown else ""},
            )
        )
    for (a, b, case_id), count in calls.items():
        source, target = node_of("from", a, None), node_of("to", b, None)
        if source is None or target is None or source == target:
            continue
        shown = case_id in money_cases
        net.add_edge(
            Edge(source, target, "call", attrs={"shown": shown, "count": count if shown else 0})
        )
    return Shaped(network=net, start=ids.get(start, start), agencies=agencies)


@dataclass
class NetworkView:
    start: str
    elements: list[dict[str, Any]]
    rings: list[dict[str, Any]]
    brokers: list[dict[str, Any]]
    money: list[dict[str, Any]]
    paths: list[dict[str, Any]]
    new_links: int
    hidden: int


def _start_of(user: Requester, start: str) -> tuple[int | None, int | None]:
    kind, _sep, raw = start.partition(":")
    try:
        pk = int(raw)
    except ValueError:
        raise NotFound() from None
    if kind == "case":
        if not cases.can(user, Action.VIEW_CASE, Case(pk=pk)):
            raise NotFound()
        return pk, None
    if kind == "person":
        if not people.can(user, Action.VIEW_PERSON, Person(pk=pk)):
            raise NotFound()
        return None, pk
    raise NotFound()


def network_view(
    *,
    user: Requester,
    start: str,
    depth: int = 3,
    roles: frozenset[str] = frozenset(),
    since: date | None = None,
    until: date | None = None,
    today: date,
) -> NetworkView:
    """The graph around ``start`` ("case:<id>" or "person:<id>", which the reader must see),
    filtered by network role and period, with its analysis."""
    if not is_user(user):
        raise NotFound()
    case_id, person_id = _start_of(user, start)
    shaped = _shape(user, gather(case_id=case_id, person_id=person_id, depth=depth), start)
    net = shaped.network
    keep = net.neighbourhood(shaped.start, depth=depth * 2, since=since, until=until)
    if roles:
        keep = {
            n
            for n in keep
            if net.nodes[n].kind not in ("person", "organisation")
            or n == shaped.start
            or set(net.nodes[n].attrs.get("roles", ())) & roles
        }
        keep = net.neighbourhood(shaped.start, depth=depth * 2, since=since, until=until) & keep
    elements: list[dict[str, Any]] = []
    for node_id in sorted(keep):
        node = net.nodes[node_id]
        data = {"id": node.id, "label": node.label, "kind": node.kind, **node.attrs}
        elements.append({"group": "nodes", "data": data})
    for index, edge in enumerate(net.edges(keep)):
        data = {
            "id": f"e{index}",
            "source": edge.source,
            "target": edge.target,
            "kind": edge.kind,
            "role": edge.role,
            "on": edge.on.isoformat() if edge.on else "",
        }
        if edge.kind == "transfer" and edge.attrs.get("shown"):
            data["amount"] = edge.amount
        if edge.kind == "call" and edge.attrs.get("shown"):
            data["count"] = edge.attrs["count"]
        elements.append({"group": "edges", "data": data})

    def label(node_id: str) -> str:
        return net.nodes[node_id].label

    totals = net.money_totals(keep)
    flows = sorted(
        ((n, r, s) for n, (r, s) in totals.items() if net.nodes[n].kind != "hidden"),
        key=lambda x: -(x[1] + x[2]),
    )[:10]
    money = [{"id": n, "label": label(n), "received": r, "sent": s} for n, r, s in flows]
    paths: list[dict[str, Any]] = []
    senders = [n for n, _r, s in flows if s]
    takers = [(r, n) for n, r, _s in flows if r]
    if senders and takers:
        first, last = senders[0], max(takers)[1]
        for path in net.money_paths(first, last)[:3]:
            paths.append(
                {
                    "nodes": [label(n) for n in path.nodes],
                    "hops": list(path.hops),
                    "bottleneck": path.bottleneck,
                }
            )
    return NetworkView(
        start=shaped.start,
        elements=elements,
        rings=[
            {"size": len(r.nodes), "persons": r.persons, "cases": r.cases, "money": r.money}
            for r in net.rings(keep)
        ],
        brokers=[
            {"id": n, "label": label(n), "score": round(score, 3)}
            for n, score in net.brokers(keep, kinds=("person", "organisation", "account"))
        ],
        money=money,
        paths=paths,
        new_links=len(net.new_links(today - timedelta(days=7), keep)),
        hidden=sum(1 for n in keep if net.nodes[n].kind == "hidden"),
    )


__all__ = ["NetworkView", "gather", "network_view"]
