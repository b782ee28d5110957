"""Pages: who gets what, and the provider directory."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from lentera.apps.protection import services
from lentera.apps.protection.models import Provider
from tests.conftest import login_verified

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
