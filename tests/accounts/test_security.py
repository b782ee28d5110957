"""Sign-in security: Argon2, lockout, TOTP for admin roles, CSP and cookie settings."""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from lentera.apps.accounts.models import AuditEvent
from lentera.config import settings as project_settings
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def test_argon2_is_the_password_hasher():
    assert project_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_argon2_really_used(cast, settings):
    settings.PASSWORD_HASHERS = project_settings.PASSWORD_HASHERS
    from lentera.apps.accounts import services

    user = services.user_create(
        actor=None, username="argon", password="Sandi-Kuat-2026!", agency=None, roles=[]
    )
    assert user.password.startswith("argon2")


def login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_lockout_after_repeated_failures(client, cast):
    for _ in range(5):
        response = login(client, "kupang_uptd_caseworker", "wrong-password")
    assert AuditEvent.objects.filter(event_type="login_failed").count() >= 4
    # Even the right password is refused while locked.
    response = login(client, "kupang_uptd_caseworker", PASSWORD)
    assert response.status_code in (403, 429)
    assert "_auth_user_id" not in client.session


def test_successful_login_is_audited(client, cast):
    response = login(client, "kupang_uptd_caseworker", PASSWORD)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(event_type="login_succeeded").count() == 1


def test_admin_roles_need_totp(client, cast):
    response = login(client, "system_admin", PASSWORD)
    assert reverse("accounts:second_factor") in response["Location"]
    # Any page redirects to the second factor until it is passed.
    response = client.get(reverse("accounts:users"))
    assert response.status_code == 302 and "faktor-kedua" in response["Location"]
    assert client.get("/api/v1/me").status_code == 403
    # Setting up: the page creates an unconfirmed device; confirm with a real code.
    page = client.get(reverse("accounts:second_factor"))
    assert page.status_code == 200
    device = TOTPDevice.objects.get(user=cast.system_admin, confirmed=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    response = client.post(reverse("accounts:second_factor"), {"token": code, "next": "/"})
    assert response.status_code == 302
    assert client.get(reverse("accounts:users")).status_code == 200
    assert AuditEvent.objects.filter(event_type="totp_enabled").count() == 1


def test_wrong_totp_code_rejected(client, cast):
    login(client, "system_admin", PASSWORD)
    client.get(reverse("accounts:second_factor"))
    response = client.post(reverse("accounts:second_factor"), {"token": "000000"})
    assert response.status_code == 200
    assert client.get(reverse("accounts:users")).status_code == 302


def test_non_admin_not_forced_to_totp(client, cast):
    login(client, "kupang_uptd_caseworker", PASSWORD)
    assert client.get("/").status_code == 200


def test_security_headers(client, cast):
    client.force_login(cast.kupang_uptd_caseworker)
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert django_settings.SESSION_COOKIE_HTTPONLY


def test_pages_have_no_inline_scripts(client, cast):
    import re

    client.force_login(cast.kupang_uptd_caseworker)
    html = client.get("/").content.decode()
    for tag in re.findall(r"<script[^>]*>", html):
        assert "src=" in tag, tag
    assert " on" + "click=" not in html


def test_csrf_enforced(cast):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("accounts:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
