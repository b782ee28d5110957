"""Need-to-know from the other side (issue #11, items 1 and 4): an agency of another city, a
revoked grant, a shelter holding one victim's referral, the secretariat, an analyst looking up a
phone number. Each path (page, API, edit form, search) must answer from the same identity rule:
identity comes from holding the person or from an explicit, unrevoked identity grant."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog
from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.cases.policies import cases
from lentera.apps.people.matching import identifier_lookup
from lentera.apps.people.policies import people
from lentera.apps.people.services import person_create
from lentera.apps.protection import services as protection
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

PURPOSE = {"purpose": "case_handling"}


def api(user):
    client = APIClient()
    client.force_authenticate(user, token="personal-token")
    return client


@pytest.fixture
def kupang_case(cast, regions, kupang_child):
    """A Kupang case led by UPTD PPA Kupang, whose victim UPTD registered (it holds her)."""
    case = case_services.case_open(
        actor=cast.kupang_uptd_intake,
        title="Anak dari Alak dibawa ke Pontianak",
        region=regions["53.71"],
        offence_date=date(2024, 3, 1),
        narrative="ECN dibawa oleh seorang perekrut ke Pontianak.",
        acts=["recruitment"],
        means=["fraud"],
        exploitation_types=["forced_labour"],
    )
    case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=case, person=kupang_child, role="victim"
    )
    return case


@pytest.fixture
def pontianak_investigator(cast, regions):
    from lentera.apps.accounts import services

    police = services.agency_create(
        actor=None, name="Polresta Pontianak Kota", agency_type="police", region=regions["61.71"]
    )
    return make_user("pontianak_investigator", police, [Role.INVESTIGATOR])


@pytest.fixture
def pontianak_case(cast, regions, pontianak_investigator):
    return case_services.case_open(
        actor=pontianak_investigator,
        title="Penampungan di Pontianak",
        region=regions["61.71"],
        offence_date=date(2024, 4, 1),
    )


def share(cast, case, agency, *, identity):
    return case_services.case_share(
        actor=case_lead_sharer(case),
        case=case,
        agency=agency,
        scope="people",
        include_identity=identity,
        reason="Penyidikan bersama",
    )


def case_lead_sharer(case):
    """A user of the lead agency who may share (UPTD's case workers may not)."""
    from lentera.apps.accounts import services
    from lentera.apps.accounts.models import User

    existing = User.objects.filter(username=f"sharer_{case.pk}").first()
    if existing is not None:
        return existing
    user = services.user_create(
        actor=None,
        username=f"sharer_{case.pk}",
        password="Uji-Lentera-2026!",
        agency=case.lead_agency,
        roles=[Role.INVESTIGATOR],
    )
    return user


def test_attaching_a_person_to_your_own_case_reveals_nothing(
    client, cast, kupang_case, kupang_child, pontianak_case, pontianak_investigator
):
    """Item 1: the Pontianak investigator, shared the Kupang case without identities, adds the
    Kupang child as a witness to a Pontianak case; the name stays hidden on every path."""
    grant = share(cast, kupang_case, pontianak_investigator.agency, identity=False)
    reveal = f"/api/v1/people/{kupang_child.pk}/identity"
    assert api(pontianak_investigator).post(reveal, PURPOSE).status_code == 403
    # attaching by pseudonym is allowed ...
    added = api(pontianak_investigator).post(
        f"/api/v1/cases/{pontianak_case.pk}/parties",
        {"person_id": kupang_child.pk, "role": "witness"},
        format="json",
    )
    assert added.status_code == 201, added.content
    # ... and reveals nothing: not through the API, the case, the person page or its edit form
    assert api(pontianak_investigator).post(reveal, PURPOSE).status_code == 403
    assert not people.can_see_identity(pontianak_investigator, kupang_child)
    body = api(pontianak_investigator).get(f"/api/v1/cases/{pontianak_case.pk}").json()
    assert [p["identity_held"] for p in body["parties"]] == [False]
    assert "Ester" not in str(body)
    client.force_login(pontianak_investigator)
    response = client.post(reverse("cases:reveal", kwargs={"case_id": pontianak_case.pk}), PURPOSE)
    assert "Ester" not in response.content.decode()
    edit = client.get(reverse("people:edit", kwargs={"person_id": kupang_child.pk}))
    assert edit.status_code == 403 and "Ester" not in edit.content.decode()
    assert not AccessLog.objects.filter(user=pontianak_investigator, object_type="people.person")
    # an explicit identity grant of the holder opens it; revoking closes every path at once
    case_services.case_share_revoke(actor=grant.granted_by, grant=grant)
    grant = share(cast, kupang_case, pontianak_investigator.agency, identity=True)
    assert api(pontianak_investigator).post(reveal, PURPOSE).json()["full_name"] == (
        "Ester Contoh Nenobais"
    )
    response = client.post(reverse("cases:reveal", kwargs={"case_id": pontianak_case.pk}), PURPOSE)
    assert "Ester Contoh Nenobais" in response.content.decode()
    case_services.case_share_revoke(actor=grant.granted_by, grant=grant)
    assert api(pontianak_investigator).post(reveal, PURPOSE).status_code == 403
    response = client.post(reverse("cases:reveal", kwargs={"case_id": pontianak_case.pk}), PURPOSE)
    assert "Ester" not in response.content.decode()
    edit = client.get(reverse("people:edit", kwargs={"person_id": kupang_child.pk}))
    assert "Ester" not in edit.content.decode()
    body = api(pontianak_investigator).get(f"/api/v1/cases/{pontianak_case.pk}").json()
    assert "Ester" not in str(body)


def test_a_grant_passes_on_only_identities_its_lead_holds(
    cast, regions, kupang_case, pontianak_investigator
):
    """UPTD attaches a person the police registered (shared with UPTD without identities) to
    its own case; sharing that case 'with identities' cannot pass on what UPTD does not hold."""
    police_person = person_create(
        actor=cast.kupang_police_investigator,
        owner_agency=cast.kupang_police,
        full_name="Yakobus Contoh Perekrut",
        sex="male",
    )
    police_case = case_services.case_open(
        actor=cast.kupang_police_investigator, title="Kasus polisi", region=regions["53.71"]
    )
    case_services.case_add_party(
        actor=cast.kupang_police_investigator,
        case=police_case,
        person=police_person,
        role="suspect",
    )
    case_services.case_share(
        actor=cast.kupang_police_investigator,
        case=police_case,
        agency=cast.kupang_uptd,
        scope="people",
        include_identity=False,
        reason="Pendampingan korban",
    )
    case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=kupang_case, person=police_person, role="suspect"
    )
    assert not people.can_see_identity(cast.kupang_uptd_caseworker, police_person)
    share(cast, kupang_case, pontianak_investigator.agency, identity=True)
    assert not people.can_see_identity(pontianak_investigator, police_person)


@pytest.fixture
def two_victims(cast, regions, kupang_case, kupang_child):
    other = person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Maria Contoh Bani",
        sex="female",
        birth_date=date(1999, 1, 1),
    )
    second = case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker, case=kupang_case, person=other, role="victim"
    )
    first = kupang_case.parties.get(person=kupang_child)
    suspect_person = person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Agus Contoh Perekrut",
        sex="male",
    )
    suspect = case_services.case_add_party(
        actor=cast.kupang_uptd_caseworker,
        case=kupang_case,
        person=suspect_person,
        role="suspect",
    )
    return first, second, suspect


def test_a_referral_gives_the_referred_victim_and_nothing_more(
    client, cast, kupang_case, two_victims
):
    """Item 4: Batam's shelter receives one child's referral (with identity, for the child's
    safety): it reads that child, not the other victim, not the suspect, not the proceedings,
    and cannot record services for a victim not referred to it."""
    first, second, suspect = two_victims
    referral = protection.referral_send(
        actor=cast.kupang_uptd_caseworker,
        party=first,
        to_agency=cast.batam_dinsos,
        service_type="shelter",
        reason="Rumah aman",
        share_people=True,
        share_identity=True,
        override_basis="child",
    )
    assert referral.grant.person_id == first.person_id
    shelter = cast.batam_social_worker
    access = cases.access(shelter, kupang_case)
    assert access.covers(first.person_id)
    assert not access.covers(second.person_id) and not access.covers(suspect.person_id)
    assert "proceedings" not in access.sections
    body = api(shelter).get(f"/api/v1/cases/{kupang_case.pk}").json()
    assert [p["id"] for p in body["parties"]] == [first.pk]
    assert body["parties"][0]["identity_held"] is True
    assert "narrative" not in str(body)
    client.force_login(shelter)
    page = client.get(reverse("protection:case", kwargs={"case_id": kupang_case.pk}))
    assert f'data-testid="victim-{first.pk}"' in page.content.decode()
    assert f'data-testid="victim-{second.pk}"' not in page.content.decode()
    # acting on the other victim is refused in the service, the page and the API
    with pytest.raises(PermissionDenied):
        protection.service_plan(
            actor=shelter, party=second, service_type="shelter", provider_agency=cast.batam_dinsos
        )
    url = reverse(
        "protection:service_add", kwargs={"case_id": kupang_case.pk, "party_id": second.pk}
    )
    assert client.get(url).status_code == 404
    api_url = f"/api/v1/protection/cases/{kupang_case.pk}/victims/{second.pk}/services"
    assert (
        api(shelter)
        .post(api_url, {"service_type": "shelter", "provider_agency": cast.batam_dinsos.pk})
        .status_code
        == 404
    )
    # the referred child: yes
    protection.service_plan(
        actor=shelter, party=first, service_type="shelter", provider_agency=cast.batam_dinsos
    )
    # proceedings of the case are not the shelter's to read
    assert client.get(reverse("justice:case", kwargs={"case_id": kupang_case.pk})).status_code in (
        403,
        404,
    )


def test_secretariat_reads_no_relatives_places_or_notes(client, cast, kupang_case, two_victims):
    """Item 4: the secretariat (region-wide, never identities) sees that a return home is
    planned, not the mother's name, the village or the visit notes."""
    first, _second, _suspect = two_victims
    plan = protection.return_plan(
        actor=cast.kupang_uptd_caseworker,
        party=first,
        victim_wishes_return=True,
        home_region=kupang_case.region,
        wish_note="Ingin pulang ke ibunya",
        travel="Bus ke Desa Oelnasi, Kupang Tengah",
        handover_to="Ibu Yuliana Contoh Nenobais",
    )
    secretariat = make_user("kupang_secretariat", cast.kupang_uptd, [Role.SECRETARIAT])
    client.force_login(secretariat)
    url = reverse("protection:return", kwargs={"case_id": kupang_case.pk, "plan_id": plan.pk})
    page = client.get(url).content.decode()
    assert "Yuliana" not in page and "Oelnasi" not in page and "Ingin pulang" not in page
    assert 'data-testid="identity-withheld"' in page
    body = api(secretariat).get(f"/api/v1/protection/returns/{plan.pk}").json()
    assert body["handover_to"] is None and body["travel"] is None
    # the case worker of the agency holding the child reads it
    client.force_login(cast.kupang_uptd_caseworker)
    assert "Yuliana" in client.get(url).content.decode()


def test_identifier_lookup_answers_only_who_holds_it(cast, kupang_child):
    """Item 4: an analyst without the identity permission looks up the child's phone number: no
    person comes back, only the agency to ask; the look-up is in the access log."""
    lookup = identifier_lookup(user=cast.kupang_analyst, phone="0812 3456 7890")
    assert lookup.matches == []
    assert [a.name for a in lookup.held_by] == ["UPTD PPA Kota Kupang"]
    row = AccessLog.objects.get(user=cast.kupang_analyst)
    assert (row.object_type, row.fields) == ("people.lookup", ["phone"])
    assert "3456" not in row.purpose_note
    # through the API the same answer, by POST only
    analyst = api(cast.kupang_analyst)
    assert analyst.get("/api/v1/people", {"q": "081234567890"}).status_code == 400
    body = analyst.post("/api/v1/people/search", {"phone": "081234567890"}).json()
    assert body == {
        "results": [],
        "held_by": [{"id": cast.kupang_uptd.pk, "name": "UPTD PPA Kota Kupang"}],
    }
    # the holder's case worker finds the child
    mine = identifier_lookup(user=cast.kupang_uptd_caseworker, nik="5371015204100001")
    assert [m.person for m in mine.matches] == [kupang_child] and mine.held_by == []
    assert AccessLog.objects.filter(object_type="people.lookup").count() == 3
