"""Account pages as administrators and officers use them: adding users and agencies, roles,
deactivation, password change, API tokens. Each write either succeeds whole or shows what to fix
and changes nothing."""

import pytest
from django.urls import reverse

from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.models import Agency, ApiToken, AuditEvent, User
from tests.conftest import PASSWORD, login_verified

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Pendamping-Baru-2026!"


def _new_user_form(agency, **extra):
    data = {
        "username": "maria.pendamping",
        "first_name": "Maria",
        "last_name": "Contoh",
        "email": "",
        "phone": "",
        "agency": agency.pk,
        "roles": ["caseworker"],
        "password": NEW_PASSWORD,
        "preferred_language": "id",
    }
    data.update(extra)
    return data


def test_agency_admin_adds_a_user_to_their_own_agency(client, cast):
    login_verified(client, cast.kupang_uptd_admin)
    url = reverse("accounts:user_create")
    assert client.get(url).status_code == 200

    weak = client.post(url, _new_user_form(cast.kupang_uptd, password="pendek"))
    assert weak.status_code == 200 and weak.context["form"].errors
    assert not User.objects.filter(username="maria.pendamping").exists()

    elsewhere = client.post(url, _new_user_form(cast.pontianak_uptd))
    assert "agency" in elsewhere.context["form"].errors
    assert not User.objects.filter(username="maria.pendamping").exists()

    done = client.post(url, _new_user_form(cast.kupang_uptd))
    made = User.objects.get(username="maria.pendamping")
    assert done.status_code == 302 and done["Location"] == reverse(
        "accounts:user_detail", args=[made.pk]
    )
    assert made.agency == cast.kupang_uptd and {str(r) for r in made.role_set} == {"caseworker"}
    assert made.check_password(NEW_PASSWORD)
    assert AuditEvent.objects.filter(
        event_type=EventType.USER_CREATED, actor=cast.kupang_uptd_admin
    )

    taken = client.post(url, _new_user_form(cast.kupang_uptd))
    assert "username" in taken.context["form"].errors


def test_agency_admin_sets_roles_and_deactivates_only_their_agencys_users(client, cast):
    login_verified(client, cast.kupang_uptd_admin)
    subject = cast.kupang_uptd_intake
    url = reverse("accounts:user_detail", args=[subject.pk])
    response = client.post(url, {"action": "roles", "roles": ["intake_officer", "caseworker"]})
    assert response.status_code == 302
    subject = User.objects.get(pk=subject.pk)
    assert {str(r) for r in subject.role_set} == {"intake_officer", "caseworker"}

    client.post(url, {"action": "deactivate"})
    assert not User.objects.get(pk=subject.pk).is_active
    client.post(url, {"action": "activate"})
    assert User.objects.get(pk=subject.pk).is_active

    # Another agency's user is not found, for reading and for writing alike.
    other = reverse("accounts:user_detail", args=[cast.pontianak_caseworker.pk])
    assert client.get(other).status_code == 404
    assert client.post(other, {"action": "deactivate"}).status_code == 404
    assert User.objects.get(pk=cast.pontianak_caseworker.pk).is_active


def test_user_pages_are_closed_to_officers(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    for url in (
        reverse("accounts:users"),
        reverse("accounts:user_create"),
        reverse("accounts:user_detail", args=[cast.kupang_uptd_intake.pk]),
        reverse("accounts:agencies"),
    ):
        assert client.get(url).status_code == 403, url


def test_system_admin_adds_an_agency_with_a_region_code(client, cast, regions):
    login_verified(client, cast.system_admin)
    url = reverse("accounts:agencies")
    data = {
        "name": "Dinas Sosial Kota Kupang",
        "short_name": "Dinsos Kupang",
        "agency_type": "social_affairs",
        "region_code": "99.99",
        "time_zone": "Asia/Makassar",
        "address": "",
        "phone": "",
        "email": "",
    }
    bad = client.post(url, data)
    assert "region_code" in bad.context["form"].errors
    assert not Agency.objects.filter(name="Dinas Sosial Kota Kupang").exists()

    good = client.post(url, {**data, "region_code": "53.71"})
    assert good.status_code == 302
    agency = Agency.objects.get(name="Dinas Sosial Kota Kupang")
    assert agency.region == regions["53.71"] and agency.time_zone == "Asia/Makassar"


def test_officer_changes_password_only_with_the_current_one(client, cast):
    user = cast.kupang_uptd_caseworker
    client.force_login(user)
    url = reverse("accounts:profile")
    wrong = client.post(url, {"old_password": "salah-sandi-123", "new_password": NEW_PASSWORD})
    assert wrong.status_code == 200 and wrong.context["form"].errors
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)

    weak = client.post(url, {"old_password": PASSWORD, "new_password": "12345678"})
    assert weak.context["form"].errors
    assert User.objects.get(pk=user.pk).check_password(PASSWORD)

    done = client.post(url, {"old_password": PASSWORD, "new_password": NEW_PASSWORD})
    assert done.status_code == 302
    assert User.objects.get(pk=user.pk).check_password(NEW_PASSWORD)
    assert client.get(url).status_code == 200  # the session survived the change


def test_admin_cannot_remove_the_required_second_factor(client, cast):
    login_verified(client, cast.kupang_uptd_admin)
    client.post(reverse("accounts:totp_remove"))
    from django_otp.plugins.otp_totp.models import TOTPDevice

    assert TOTPDevice.objects.filter(user=cast.kupang_uptd_admin, confirmed=True).exists()


def test_api_token_shown_once_and_revoked_only_by_its_owner(client, cast):
    client.force_login(cast.kupang_police_investigator)
    url = reverse("accounts:api_tokens")
    response = client.post(url, {"name": "Integrasi SIMPONI", "expires_at": ""})
    secret = response.context["new_secret"]
    token = ApiToken.objects.get(user=cast.kupang_police_investigator)
    assert secret and secret in response.content.decode()
    assert secret not in client.get(url).content.decode()  # shown once only
    assert secret not in str(token.__dict__.values())  # only its hash is stored

    client.force_login(cast.kupang_uptd_caseworker)
    revoke = reverse("accounts:api_token_revoke", args=[token.pk])
    assert client.post(revoke).status_code == 404
    client.force_login(cast.kupang_police_investigator)
    assert client.post(revoke).status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
