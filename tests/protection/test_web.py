"""Pages: who gets what, and the provider directory."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from lentera.apps.protection import services
from lentera.apps.protection.models import Provider
from tests.conftest import login_verified
from tests.html_forms import html_form

pytestmark = pytest.mark.django_db


def test_case_page_matrix(client, cast, uptd_case, adult):
    path = f"/perlindungan/kasus/{uptd_case.pk}/"
    assert client.get(path).status_code == 302  # to sign in
    client.force_login(cast.batam_social_worker)
    assert client.get(path).status_code == 404
    client.force_login(cast.kupang_uptd_norole)
    assert client.get(path).status_code == 403
    client.force_login(cast.kupang_uptd_caseworker)
    page = client.get(path)
    assert page.status_code == 200
    assert b"D.C.M." in page.content
    assert b"Manafe" not in page.content
    refer = f"/perlindungan/kasus/{uptd_case.pk}/korban/{adult.pk}/rujuk/"
    assert client.get(refer).status_code == 200
    client.force_login(cast.batam_social_worker)
    assert client.get(refer).status_code == 404


def test_home_and_overdue_pages(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    assert client.get("/perlindungan/").status_code == 200
    assert client.get("/perlindungan/terlambat/").status_code == 200
    assert client.get("/perlindungan/penyedia/").status_code == 200


def test_provider_directory_editing(client, cast, regions):
    with pytest.raises(PermissionDenied):
        services.provider_save(
            actor=cast.kupang_uptd_caseworker, name="Rumah Aman X", kind="shelter"
        )
    with pytest.raises(ValidationError) as exc:
        services.provider_save(
            actor=cast.kupang_uptd_admin,
            name="Rumah Aman X",
            kind="shelter",
            agency=cast.batam_dinsos,
        )
    assert "agency" in exc.value.message_dict
    own = services.provider_save(
        actor=cast.kupang_uptd_admin,
        name="Rumah Aman UPTD PPA Kupang",
        kind="shelter",
        agency=cast.kupang_uptd,
        services=["shelter", "psychosocial"],
        region=regions["53.71"],
        accepts_children=True,
    )
    other = services.provider_save(
        actor=cast.system_admin,
        name="RSUD Embung Fatimah",
        kind="hospital",
        agency=cast.batam_dinsos,
        services=["health"],
        region=regions["21.71"],
    )
    with pytest.raises(PermissionDenied):
        services.provider_save(
            actor=cast.kupang_uptd_admin,
            provider=other,
            name="x",
            kind="hospital",
            agency=cast.kupang_uptd,
        )
    with pytest.raises(ValidationError) as exc:
        services.provider_save(actor=cast.system_admin, name=own.name, kind="ngo")
    assert "name" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.provider_save(actor=cast.system_admin, name="Y", kind="ngo", services=["spa"])
    assert "services" in exc.value.message_dict
    client.force_login(cast.kupang_uptd_caseworker)
    listing = client.get("/perlindungan/penyedia/?service=health").content.decode()
    assert "RSUD Embung Fatimah" in listing and own.name not in listing
    assert client.get("/perlindungan/penyedia/baru/").status_code == 403
    login_verified(client, cast.system_admin)
    resp = client.post(
        f"/perlindungan/penyedia/{own.pk}/",
        {
            "name": own.name,
            "kind": "ppt",
            "agency": cast.kupang_uptd.pk,
            "services": ["shelter"],
            "region_code": "53.71",
        },
    )
    assert resp.status_code == 302
    assert Provider.objects.get(pk=own.pk).kind == "ppt"


def _a_provider(cast, regions, **extra):
    return services.provider_save(
        actor=cast.kupang_uptd_admin,
        name="Rumah Aman UPTD PPA Kupang",
        kind="shelter",
        agency=cast.kupang_uptd,
        services=["shelter", "psychosocial"],
        region=regions["53.71"],
        phone="0380-000000",
        accepts_children=True,
        **extra,
    )


def test_provider_save_keeps_the_active_flag_when_not_given(cast, regions):
    """Editing an inactive provider does not list it again, unless asked to."""
    provider = _a_provider(cast, regions, is_active=False)
    services.provider_save(
        actor=cast.kupang_uptd_admin,
        provider=provider,
        name=provider.name,
        kind="shelter",
        agency=cast.kupang_uptd,
        phone="0380-111111",
    )
    assert not Provider.objects.get(pk=provider.pk).is_active
    services.provider_save(
        actor=cast.kupang_uptd_admin,
        provider=provider,
        name=provider.name,
        kind="shelter",
        agency=cast.kupang_uptd,
        is_active=True,
    )
    assert Provider.objects.get(pk=provider.pk).is_active
    new = services.provider_save(
        actor=cast.kupang_uptd_admin, name="Baru", kind="ngo", agency=cast.kupang_uptd
    )
    assert new.is_active  # a new provider is listed unless said otherwise


@pytest.mark.parametrize("active", [True, False])
def test_provider_form_saved_unchanged_changes_nothing(client, cast, regions, active):
    """Issue #11: the form shows the active flag, filled; sent back unchanged, the provider (an
    inactive one included) stays as it was."""
    provider = _a_provider(cast, regions, is_active=active)
    fields = [f.attname for f in Provider._meta.concrete_fields if f.name != "updated_at"]
    before = Provider.objects.values(*fields).get(pk=provider.pk)
    login_verified(client, cast.kupang_uptd_admin)
    url = reverse("protection:provider_edit", kwargs={"provider_id": provider.pk})
    form = html_form(client.get(url).content.decode(), lambda f: "name" in dict(f.fields))
    assert dict(form.fields).get("is_active") == ("on" if active else None)
    response = client.post(url, form.data())
    assert response.status_code == 302, response.content.decode()
    assert Provider.objects.values(*fields).get(pk=provider.pk) == before
