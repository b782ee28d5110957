"""Identity fields refuse the mask as a value: a form filled with a sealed value instead of its
text shows "•••", and saving it would have replaced the stored text with the mask (issue #11)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from lentera.apps.accounts.identity import EncryptedJSONField, EncryptedTextField
from lentera.apps.accounts.models import AuditEvent
from lentera.apps.cases import services as case_services
from lentera.apps.cases.models import Case
from lentera.apps.people.models import Person
from lentera.apps.people.services import person_update
from lentera.privacy import MASK, Sealed, unseal

pytestmark = pytest.mark.django_db


def _field(cls: type, name: str = "note") -> EncryptedTextField:
    field = cls()
    field.set_attributes_from_name(name)
    return field


@pytest.mark.parametrize("value", [MASK, f" {MASK}\n", Sealed(MASK), Sealed(f"{MASK} ")])
def test_an_encrypted_text_does_not_store_the_mask(value):
    with pytest.raises(ValidationError) as exc:
        _field(EncryptedTextField).get_prep_value(value)
    assert list(exc.value.message_dict) == ["note"]


@pytest.mark.parametrize("value", [MASK, [MASK], ["Eti", MASK], f'["Eti", "{MASK}"]'])
def test_an_encrypted_list_does_not_store_the_mask(value):
    with pytest.raises(ValidationError):
        _field(EncryptedJSONField, "aliases").get_prep_value(value)


@pytest.mark.parametrize("value", ["", "Ester", f"{MASK} LOKER KE MALAYSIA {MASK}", "••"])
def test_text_that_is_not_the_mask_is_stored(value):
    stored = _field(EncryptedTextField).get_prep_value(value)
    assert stored == "" if not value else stored.startswith("enc1:")
    assert _field(EncryptedJSONField).get_prep_value(["Eti", value]).startswith("enc1:")


def test_a_service_saving_the_mask_raises_and_keeps_the_text(cast, kupang_child):
    person = Person.objects.get(pk=kupang_child.pk)
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError) as exc:
        person_update(
            actor=cast.kupang_uptd_caseworker,
            person=person,
            version=person.version,
            full_name=str(person.full_name),  # the mask: a pre-fill that forgot to decrypt
            sex=person.sex,
            birth_date=person.birth_date,
            aliases=[],
            nik="5371015204100001",
            phones=["0812-3456-7890"],
            address="Kelurahan Alak, Kota Kupang",
            region=person.region,
            nationality=person.nationality,
        )
    assert "full_name" in exc.value.message_dict
    fresh = Person.objects.get(pk=person.pk)
    assert unseal(fresh.full_name) == "Ester Contoh Nenobais" and fresh.version == person.version
    assert AuditEvent.objects.count() == events


def test_the_edit_page_says_why_and_keeps_the_text(client, cast, regions, settings):
    """Through ``update()`` too (the case facts are written with a conditional update)."""
    case = case_services.case_open(
        actor=cast.kupang_police_investigator,
        title="Perekrutan dua perempuan muda",
        region=regions["53.71"],
        narrative="Korban dijanjikan pekerjaan di restoran.",
    )
    client.force_login(cast.kupang_police_investigator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id"  # the default language, translated
    response = client.post(
        reverse("cases:edit", kwargs={"case_id": case.pk}),
        {
            "version": case.version,
            "title": case.title,
            "narrative": MASK,
            "recruitment_channel": case.recruitment_channel,
        },
    )
    assert response.status_code == 200
    assert "hanya menandai teks yang disembunyikan" in response.content.decode()
    fresh = Case.objects.get(pk=case.pk)
    assert unseal(fresh.narrative) == "Korban dijanjikan pekerjaan di restoran."
    assert fresh.version == case.version
