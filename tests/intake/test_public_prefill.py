"""The job-offer check hands the offer's text to the public report form without sending it."""

import pytest
from django.urls import reverse

from lentera.apps.intake.models import Complaint

pytestmark = pytest.mark.django_db


def test_prefill_fills_the_form_and_stores_nothing(client, regions):
    response = client.post(
        reverse("public:report"), {"prefill": "1", "narrative": "Loker admin Kamboja gaji 15jt"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and "Loker admin Kamboja gaji 15jt" in page
    assert 'class="error"' not in page
    assert not Complaint.objects.exists()
