"""Linkage in the product: runs respect the access policy, the review queue records decisions,
confirmed links show on both records."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from rest_framework.test import APIClient

from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.insights import selectors, services
from lentera.apps.insights.models import MatchCandidate, RunStatus
from lentera.apps.people.services import person_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(cast, regions, settings):
    settings.LENTERA_TASKS_INLINE = True
    make = lambda agency, name, phone, born, nik="": person_create(  # noqa: E731
        actor=None,
        owner_agency=agency,
        full_name=name,
        sex="male",
        birth_date=born,
        phones=[phone],
        nik=nik,
        region=regions["53.71"] if agency != cast.batam_dinsos else None,
    )
    return {
        "uptd": make(cast.kupang_uptd, "Muhammad Rizky Taneo", "0812-3456-7001", date(1990, 5, 4)),
        "police": make(cast.kupang_police, "M. Rizki Taneo", "+62 812 3456 7001", date(1990, 4, 5)),
        "other": make(
            cast.kupang_police, "Stefanus Contoh Ndun", "0813-9000-1111", date(1985, 1, 1)
        ),
        "batam": make(
            cast.batam_dinsos, "Muhammad Rizky Taneo", "0812-3456-7001", date(1990, 5, 4)
        ),
    }


def run_for(user, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        run = services.linkage_run_start(actor=user)
    run.refresh_from_db()
    return run


def test_run_links_only_what_the_user_may_see(cast, records, django_capture_on_commit_callbacks):
    run = run_for(cast.kupang_analyst, django_capture_on_commit_callbacks)
    assert run.status == RunStatus.DONE, run.error
    pairs = {(c.left_id, c.right_id) for c in MatchCandidate.objects.all()}
    expected = tuple(sorted((records["uptd"].pk, records["police"].pk)))
    assert expected in pairs
    assert all(records["batam"].pk not in pair for pair in pairs)  # outside the analyst's region
    assert run.records == 3
    assert AccessLog.objects.filter(object_type="insights.linkagerun", channel="task").count() == 1


def test_run_refused_without_permission(cast, records):
    with pytest.raises(PermissionDenied):
        services.linkage_run_start(actor=cast.kupang_uptd_caseworker)


def test_review_queue_respects_access(cast, records, django_capture_on_commit_callbacks):
    run_for(cast.kupang_analyst, django_capture_on_commit_callbacks)
    candidate = MatchCandidate.objects.get(
        left=min(records["uptd"], records["police"], key=lambda p: p.pk)
    )
    # the investigator of Polresta may not see the UPTD record, so never sees the pair
    assert candidate not in selectors.review_queue(user=cast.kupang_police_investigator)
    with pytest.raises(PermissionDenied):
        services.match_decide(
            actor=cast.kupang_police_investigator, candidate=candidate, same_person=True
        )
    assert candidate in selectors.review_queue(user=cast.kupang_analyst)
    services.match_decide(
        actor=cast.kupang_analyst, candidate=candidate, same_person=True, note="NIK dan HP sama"
    )
    with pytest.raises(ValidationError):
        services.match_decide(actor=cast.kupang_analyst, candidate=candidate, same_person=False)
    candidate.refresh_from_db()
    assert candidate.status == "confirmed" and candidate.decided_by == cast.kupang_analyst
    assert AuditEvent.objects.filter(event_type="match_confirmed").count() == 1
    assert selectors.linked_records(user=cast.kupang_analyst, person=records["police"]) == [
        candidate
    ]
    # a second run keeps the decision
    run_for(cast.kupang_analyst, django_capture_on_commit_callbacks)
    candidate.refresh_from_db()
    assert candidate.status == "confirmed"


def test_pages_and_api_matrix(client, cast, records, django_capture_on_commit_callbacks):
    url = reverse("insights:linkage")
    assert client.get(url).status_code == 302
    client.force_login(cast.kupang_uptd_caseworker)
    assert client.get(url).status_code == 403
    client.force_login(cast.kupang_analyst)
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("insights:run_start"))
    page = client.get(url).content.decode()
    assert "Rizky" not in page and "M.R.T." in page
    candidate = MatchCandidate.objects.first()
    client.force_login(cast.batam_social_worker)
    assert (
        client.post(
            reverse("insights:decide", kwargs={"candidate_id": candidate.pk}), {"decision": "same"}
        ).status_code
        == 403
    )
    api = APIClient()
    assert api.get("/api/v1/linkage/matches").status_code == 401
    api.force_authenticate(cast.kupang_analyst, token="t")
    body = api.get("/api/v1/linkage/matches").json()
    assert body["results"] and "Rizky" not in str(body)
    decided = api.post(
        f"/api/v1/linkage/matches/{candidate.pk}/decide", {"same_person": False}, format="json"
    )
    assert decided.status_code == 200 and decided.json()["status"] == "rejected"
