"""The detention row's update form on the proceeding page: a Django form (ISO dates, issue #11),
filled from its detention, saved unchanged without change, a refusal shown in its own row."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from lentera.apps.justice import services
from lentera.apps.justice.forms import DetentionUpdateForm
from lentera.apps.justice.models import Detention
from lentera.web.widgets import IsoDateInput
from tests.html_forms import html_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def detention(cast, justice, four_suspects):
    proceeding = services.proceeding_open(
        actor=cast.kupang_police_investigator,
        suspect=four_suspects[0],
        police_report_date=timezone.localdate() - timedelta(days=5),
        police_report_number="LP/B/41/II/SPKT/Polresta Kupang Kota",
    )
    return services.detention_record(
        actor=cast.kupang_police_investigator,
        proceeding=proceeding,
        level="investigator",
        start=timezone.localdate() - timedelta(days=4),
        extension_days=10,
    )


def _row_form(client, detention):
    page = client.get(reverse("justice:detail", kwargs={"proceeding_id": detention.proceeding_id}))
    url = reverse(
        "justice:detention_update",
        kwargs={"proceeding_id": detention.proceeding_id, "detention_id": detention.pk},
    )
    return page, url, html_form(page.content.decode(), lambda f: f.action == url)


def test_the_update_form_is_a_django_form_with_the_iso_widget():
    form = DetentionUpdateForm.of(
        Detention(end=date(2009, 5, 14), extension_days=3, exceptional_days=0)
    )
    assert type(form.fields["end"].widget) is IsoDateInput
    assert 'value="2009-05-14"' in str(form["end"])


def test_saved_unchanged_the_detention_is_unchanged(client, cast, detention):
    client.force_login(cast.kupang_police_investigator)
    _page, url, form = _row_form(client, detention)
    assert form.data() == {
        "csrfmiddlewaretoken": form.data()["csrfmiddlewaretoken"],
        "end": [""],
        "extension_days": ["10"],
        "exceptional_days": ["0"],
    }
    fields = ("level", "start", "end", "extension_days", "exceptional_days")
    before = Detention.objects.values(*fields).get(pk=detention.pk)
    assert client.post(url, form.data()).status_code == 302
    assert Detention.objects.values(*fields).get(pk=detention.pk) == before


def test_a_refused_update_is_shown_in_its_row_with_what_was_typed(
    client, cast, detention, settings
):
    client.force_login(cast.kupang_police_investigator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    _page, url, form = _row_form(client, detention)
    too_early = (detention.start - timedelta(days=1)).isoformat()
    response = client.post(url, form.data(end=too_early))
    assert response.status_code == 400
    again = html_form(response.content.decode(), lambda f: f.action == url)
    assert again.data()["end"] == [too_early]
    assert "The end must lie between the start and today." in response.content.decode()
    assert Detention.objects.get(pk=detention.pk).end is None


def test_an_unknown_detention_is_not_found(client, cast, detention):
    client.force_login(cast.kupang_police_investigator)
    url = reverse(
        "justice:detention_update",
        kwargs={"proceeding_id": detention.proceeding_id, "detention_id": detention.pk + 1},
    )
    response = client.post(url, {"end": "", "extension_days": "0", "exceptional_days": "0"})
    assert response.status_code == 404


def test_each_row_form_has_ids_of_its_own(client, cast, detention):
    """The page also holds the form to record a detention, with fields of the same names."""
    client.force_login(cast.kupang_police_investigator)
    page, _url, _form = _row_form(client, detention)
    html = page.content.decode()
    assert f'id="id_detention_{detention.pk}_end"' in html
    assert html.count('id="id_end"') == 1  # the record form's own
