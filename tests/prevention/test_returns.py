"""Returns in batches (issue #15, item 6): a manifest of 1,235 returnees imported with per-row
errors and nothing dropped; screening at arrival; search of the person index before anyone is
registered, within need-to-know; referral by home region; progress by region."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lentera.apps.accounts import services as account_services
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.accounts.permissions import Role
from lentera.apps.people.services import person_create
from lentera.apps.prevention import services
from lentera.apps.prevention.importing import read_manifest
from lentera.apps.prevention.models import Returnee
from lentera.apps.reference.models import Region
from tests.factories import UserFactory
from tests.prevention import manifest

pytestmark = pytest.mark.django_db


@pytest.fixture
def homes(regions, cast):
    """The home regencies of the generated manifest, and an agency in Kabupaten Kupang."""
    made = {
        "53.01": Region.objects.create(
            code="53.01", name="Kabupaten Kupang", level="regency", parent=regions["53"]
        ),
        "53.03": Region.objects.create(
            code="53.03", name="Timor Tengah Selatan", level="regency", parent=regions["53"]
        ),
    }
    account_services.agency_create(
        actor=None,
        name="Dinas Sosial Kabupaten Kupang",
        agency_type="social_affairs",
        region=made["53.01"],
    )
    return made


@pytest.fixture
def operation(posko):
    return services.operation_create(
        actor=posko.kupang_posko_officer,
        title="Pemulangan 1.235 PMI dari Kamboja, Myanmar dan Laos",
        arrived_on=date(2023, 5, 20),
        source="BP2MI",
        countries="KH, MM, LA",
        arrival_point="Bandara El Tari",
    )


def _import(actor, operation, content: bytes, name: str):
    rows = read_manifest(name=name, content=content)
    return services.manifest_import(actor=actor, operation=operation, rows=rows, filename=name)


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_1235_returnees_import_with_every_row_kept(posko, homes, operation, kind):
    table = manifest.rows()
    content = manifest.as_csv(table) if kind == "csv" else manifest.as_xlsx(table)
    result = _import(posko.kupang_posko_officer, operation, content, f"manifest.{kind}")
    assert result.imported == 1235
    assert Returnee.objects.filter(operation=operation).count() == 1235
    assert sorted(Returnee.objects.values_list("line", flat=True)) == list(range(2, 1237))
    noted = [r for r in Returnee.objects.all() if r.notes]
    assert len(noted) == result.noted > 0
    progress = {row["code"]: row for row in services.region_progress(operation)}
    assert sum(row["total"] for row in progress.values()) == 1235
    assert {"53.71", "53.01", "53.03", "61.71", ""} <= set(progress)
    assert progress["53.01"]["name"] == "Kabupaten Kupang"
    # the same lines again: refused, nothing added twice
    with pytest.raises(ValidationError):
        _import(posko.kupang_posko_officer, operation, content, f"again.{kind}")
    assert Returnee.objects.count() == 1235


def test_bad_rows_are_each_named_and_nothing_is_imported(posko, homes, operation):
    bad = {
        7: {"name": ""},
        100: {"sex": "X"},
        512: {"birth_date": "31-02-1999"},
        1200: {"nik": "12345"},
    }
    content = manifest.as_xlsx(manifest.rows(bad=bad))
    with pytest.raises(ValidationError) as exc:
        read_manifest(name="manifest.xlsx", content=content)
    messages = exc.value.messages
    assert len(messages) == 4
    for number, field in ((7, "name"), (100, "sex"), (512, "birth_date"), (1200, "nik")):
        line = number + 1  # the header is line 1
        assert any(f" {line}," in m and field in m for m in messages), (line, messages)
    assert not Returnee.objects.exists()


def test_screening_referral_and_reintegration(posko, homes, operation, cast):
    officer = posko.kupang_posko_officer
    _import(officer, operation, manifest.as_csv(manifest.rows(40)), "m.csv")
    for returnee in Returnee.objects.all():
        services.returnee_screen(
            actor=officer,
            returnee=returnee,
            indicators=["deceived", "forced_crime"] if returnee.line % 2 else [],
        )
    result = services.returns_refer(actor=officer, operation=operation)
    referred = Returnee.objects.filter(status="referred")
    assert result.referred == referred.count() > 0
    assert result.no_agency == Returnee.objects.filter(status="screened").count()
    kabupaten = referred.filter(home_region__code="53.01").first()
    assert kabupaten is not None
    assert kabupaten.referred_agency.name == "Dinas Sosial Kabupaten Kupang"
    # Kota Kupang's returnees go to an agency of Kota Kupang (or of the district)
    kota = referred.filter(home_region__code="53.71.01").first()
    assert kota is not None and kota.referred_agency.region.code.startswith("53.71")
    # the agency it was referred to records the reintegration; the posko cannot
    home_officer = UserFactory(
        username="kab_kupang_social",
        agency=kabupaten.referred_agency,
        roles=[Role.CASEWORKER],
    )
    with pytest.raises(PermissionDenied):
        services.returnee_reintegrated(actor=officer, returnee=kabupaten, on=date(2023, 9, 1))
    services.returnee_reintegrated(actor=home_officer, returnee=kabupaten, on=date(2023, 9, 1))
    progress = {row["code"]: row for row in services.region_progress(operation)}
    assert progress["53.01"]["reintegrated"] == 1
    assert progress["53.01"]["victims"] > 0
    assert AuditEvent.objects.filter(event_type="returnee_updated").exists()


def test_search_before_create_respects_need_to_know(posko, homes, operation, cast):
    manpower = UserFactory(
        username="kupang_manpower", agency=posko.kupang_disnaker, roles=[Role.MANPOWER_OFFICER]
    )
    table = manifest.rows(3)
    _import(manpower, operation, manifest.as_csv(table), "m.csv")
    first, second, third = Returnee.objects.order_by("line")
    # the first returnee is known to UPTD PPA (another agency); the second to the Disnaker
    person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name=table[0][1],
        nik=table[0][2],
    )
    own = person_create(
        actor=manpower,
        owner_agency=posko.kupang_disnaker,
        full_name=table[1][1],
        nik=table[1][2],
    )
    lookup = services.returnee_search(actor=manpower, returnee=first)
    first.refresh_from_db()
    assert first.match_state == "held_elsewhere" and first.person is None
    assert [a.name for a in lookup.held_by] == [cast.kupang_uptd.name]
    assert lookup.matches == []
    services.returnee_search(actor=manpower, returnee=second)
    second.refresh_from_db()
    assert second.match_state == "matched" and second.person == own
    with pytest.raises(ValidationError):  # search first
        services.returnee_register(actor=manpower, returnee=third)
    services.returnee_search(actor=manpower, returnee=third)
    services.returnee_register(actor=manpower, returnee=third)
    third.refresh_from_db()
    assert third.match_state == "registered" and third.person.owner_agency == posko.kupang_disnaker
    # registering is never the way around a record held elsewhere
    with pytest.raises(ValidationError):
        services.returnee_register(actor=manpower, returnee=first)


def test_pages_show_names_only_to_the_handling_agencies(client, posko, homes, operation):
    officer = posko.kupang_posko_officer
    _import(officer, operation, manifest.as_csv(manifest.rows(5)), "m.csv")
    returnee = Returnee.objects.order_by("line").first()
    name = manifest.rows(5)[0][1]
    client.force_login(officer)
    page = client.get(reverse("prevention:returnee", kwargs={"returnee_id": returnee.pk}))
    assert name in page.content.decode()
    client.force_login(posko.ntt_secretariat)
    page = client.get(reverse("prevention:return", kwargs={"operation_id": operation.pk}))
    assert page.status_code == 200 and name not in page.content.decode()
    assert "region-progress" in page.content.decode()
    assert (
        client.get(reverse("prevention:returnee", kwargs={"returnee_id": returnee.pk})).status_code
        == 403
    )
    client.force_login(posko.batam_posko_officer)
    assert (
        client.get(reverse("prevention:return", kwargs={"operation_id": operation.pk})).status_code
        == 404
    )
