"""One rate limiter for pages and the API (issue #12 item 3, issue #20 item 5): per address and
overall, on the shared cache, believing X-Forwarded-For only from a trusted proxy; a honeypot on
the public forms. Whatever is refused is refused whole: nothing half-stored."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.ratelimit import client_address, over_limit
from lentera.apps.intake.models import Complaint

pytestmark = pytest.mark.django_db
REPORT = {"narrative": "Ada calo", "involves_child": "unknown", "reporter_relation": "unknown"}


@pytest.fixture(autouse=True)
def _fresh_cache():
    cache.clear()
    yield
    cache.clear()


def request(remote="203.0.113.5", forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().post("/", **extra)


def test_the_cache_is_shared_by_every_worker(settings):
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")


def test_forwarded_for_is_believed_only_from_a_trusted_proxy(settings):
    settings.LENTERA_TRUSTED_PROXIES = ["10.0.0.0/8"]
    # a client sending its own header is not believed
    assert client_address(request("203.0.113.5", "198.51.100.1")) == "203.0.113.5"
    # behind our proxy, the nearest address the proxy did not add itself is the client's
    assert client_address(request("10.0.0.2", "198.51.100.1, 203.0.113.7")) == "203.0.113.7"
    assert client_address(request("10.0.0.2", "198.51.100.1, 10.0.0.3")) == "198.51.100.1"
    assert client_address(request("10.0.0.2")) == "10.0.0.2"


def test_forged_forwarded_for_does_not_escape_the_limit(settings, regions):
    """Twelve complaints in a row passed with a forged header before; now the third is refused."""
    settings.LENTERA_RATE_LIMITS = {"report": (2, 3600)}
    client = APIClient()
    codes = [
        client.post(
            "/api/v1/public/complaints",
            {"narrative": "Ada calo."},
            format="json",
            HTTP_X_FORWARDED_FOR=f"198.51.100.{i}",
            REMOTE_ADDR="203.0.113.9",
        ).status_code
        for i in range(4)
    ]
    assert codes == [201, 201, 429, 429] and Complaint.objects.count() == 2


def test_a_global_ceiling_stops_a_flood_from_many_addresses(settings, client, regions):
    settings.LENTERA_RATE_LIMITS = {"report": (5, 3600)}
    settings.LENTERA_GLOBAL_RATE_LIMITS = {"report": (3, 3600)}
    url = reverse("public:report")
    codes = [client.post(url, REPORT, REMOTE_ADDR=f"192.0.2.{i}").status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Complaint.objects.count() == 3
    page = client.post(url, REPORT, REMOTE_ADDR="192.0.2.200").content.decode()
    assert "SAPA 129" in page  # the citizen is told what to do instead


def test_over_limit_counts_per_scope(settings):
    settings.LENTERA_RATE_LIMITS = {"status": (1, 3600), "jobcheck": (1, 600)}
    assert not over_limit(request(), "status")
    assert over_limit(request(), "status")
    assert not over_limit(request(), "jobcheck")  # another scope has its own count


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("public:report", REPORT),
        ("public:status", {"code": "LTR-2222-2222"}),
        ("jobcheck:check", {"text": "Lowongan kerja di Kamboja, gaji 15 juta."}),
    ],
)
def test_a_filled_honeypot_is_refused_and_nothing_is_stored(client, regions, name, data):
    url = reverse(name)
    page = client.get(url).content.decode()
    assert 'name="website"' in page and 'class="hp"' in page
    response = client.post(url, {**data, "website": "http://spam.example"})
    assert response.status_code == 400
    assert "could not be sent" in response.content.decode() or "tidak dapat dikirim" in (
        response.content.decode()
    )
    assert not Complaint.objects.exists()
