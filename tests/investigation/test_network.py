"""The network: the ring seen by its lead investigator (roles, money, brokers, the wanted), and
need-to-know inside the graph — another agency's investigator sees the same ring with the lead
agency's nodes only as "held by", never by name or reference; a revoked grant ends it; the
secretariat reaches no start it may not see."""

import json
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases import services as case_services
from lentera.apps.investigation.network import network_view

pytestmark = pytest.mark.django_db
TODAY = date.today()


def nodes(view):
    return {e["data"]["id"]: e["data"] for e in view.elements if e["group"] == "nodes"}


def edges(view):
    return [e["data"] for e in view.elements if e["group"] == "edges"]


def test_lead_investigator_sees_the_ring(cast, police, ring):
    inv = cast.kupang_police_investigator
    view = network_view(user=inv, start=f"case:{ring.kupang_case.pk}", today=TODAY)
    found = nodes(view)
    yb = found[f"person:{ring.yb.person_id}"]
    assert yb["label"] == "Y.C.B." and yb["wanted"] and "recruiter" in yb["roles"]
    assert found[f"case:{ring.kupang_case.pk}"]["label"] == ring.kupang_case.reference
    amounts = [e.get("amount") for e in edges(view) if e["kind"] == "transfer"]
    assert amounts.count(12_000_000) == 2  # its own case's transfers
    assert any(e["kind"] == "chain" and e["role"] == "recruiter" for e in edges(view))
    # the Batam and third cases are other agencies': held by them, by no reference
    held = [n for n in found.values() if n["kind"] == "hidden"]
    labels = {n["label"] for n in held}
    assert any("Polresta Barelang" in x for x in labels)
    assert any("Polresta Pontianak Kota" in x for x in labels)
    assert ring.batam_case.reference not in json.dumps(view.elements)
    assert view.rings and view.rings[0]["money"] >= 24_000_000
    assert view.brokers and view.new_links >= 1


def test_other_agency_sees_the_same_ring_with_foreign_nodes_unnamed(cast, police, ring):
    batam = police.batam_investigator
    view = network_view(user=batam, start=f"case:{ring.batam_case.pk}", today=TODAY)
    text = json.dumps(view.elements)
    found = nodes(view)
    assert f"person:{ring.harbourer.person_id}" in found  # its own
    # the Kupang nodes are in the picture, but only as "held by Polresta Kupang Kota"
    for secret in (
        ring.kupang_case.reference,
        f"case:{ring.kupang_case.pk}",
        f"person:{ring.yb.person_id}",
        f"person:{ring.coordinator.person_id}",
        "Y.C.B.",
        "M.C.N.",
        "Yohanis",
        "Markus Contoh",
        "BRI",
        '12000000, "source"',
    ):
        assert secret not in text
    held = [n for n in found.values() if n["kind"] == "hidden"]
    assert len(held) >= 3 and all(set(n) <= {"id", "label", "kind", "agency"} for n in held)
    assert any(n["agency"] == "Polresta Kupang Kota" for n in held)
    kupang_money = [e for e in edges(view) if e["kind"] == "transfer" and "amount" not in e]
    assert kupang_money  # transfers of a case it may not see carry no amount
    # starting from the Kupang case is not found
    with pytest.raises(NotFound):
        network_view(user=batam, start=f"case:{ring.kupang_case.pk}", today=TODAY)


def test_grant_shows_and_revocation_hides_again(cast, police, ring):
    inv, batam = cast.kupang_police_investigator, police.batam_investigator
    grant = case_services.case_share(
        actor=inv,
        case=ring.kupang_case,
        agency=police.batam_police,
        scope="people",
        include_identity=False,
        reason="Penyidikan bersama",
    )
    seen = nodes(network_view(user=batam, start=f"case:{ring.batam_case.pk}", today=TODAY))
    assert seen[f"case:{ring.kupang_case.pk}"]["label"] == ring.kupang_case.reference
    assert seen[f"person:{ring.yb.person_id}"]["label"] == "Y.C.B."  # pseudonym, not the name
    case_services.case_share_revoke(actor=inv, grant=grant)
    again = nodes(network_view(user=batam, start=f"case:{ring.batam_case.pk}", today=TODAY))
    assert f"case:{ring.kupang_case.pk}" not in again
    assert f"person:{ring.yb.person_id}" not in again


def test_secretariat_and_pages(cast, police, ring):
    with pytest.raises(NotFound):
        network_view(
            user=police.kupang_secretariat, start=f"person:{ring.yb.person_id}", today=TODAY
        )
    client = Client()
    client.force_login(police.batam_investigator)
    url = reverse("investigation:network")
    page = client.get(url, {"start": f"case:{ring.batam_case.pk}", "depth": 3})
    body = page.content.decode()
    assert page.status_code == 200 and "Polresta Kupang Kota" in body
    assert "Yohanis" not in body and ring.kupang_case.reference not in body
    assert "vendor/cytoscape/cytoscape.min.js" in body
    assert client.get(url, {"start": f"case:{ring.kupang_case.pk}"}).status_code == 404
    api = APIClient()
    api.force_authenticate(police.batam_investigator)
    got = api.get("/api/v1/network", {"start": f"case:{ring.batam_case.pk}", "roles": "harbourer"})
    assert got.status_code == 200 and "Yohanis" not in got.content.decode()
    assert api.get("/api/v1/network", {"start": f"case:{ring.kupang_case.pk}"}).status_code == 404
