"""Person pages: register, edit (a logged identity read, guarded against lost updates), add an
account, list with filters. A refused or invalid write shows what to fix and stores nothing."""

import pytest
from django.urls import reverse

from lentera.apps.accounts.models import AccessLog
from lentera.apps.people.models import Person, PersonAccount

pytestmark = pytest.mark.django_db


def _person_form(**extra):
    data = {
        "full_name": "Maria Contoh Bessie",
        "aliases": "Ria\nMaria B.",
        "sex": "female",
        "birth_date": "2001-07-09",
        "nik": "",
        "phones": "0812 3456 7111",
        "address": "Kelurahan Oesapa",
        "region_code": "53.71",
        "nationality": "",
    }
    data.update(extra)
    return data


def test_caseworker_registers_a_person_and_bad_input_stores_nothing(client, cast, regions):
    client.force_login(cast.kupang_uptd_caseworker)
    url = reverse("people:create")
    assert client.get(url).status_code == 200

    bad_region = client.post(url, _person_form(region_code="99.99"))
    assert "region_code" in bad_region.context["form"].errors
    bad_nik = client.post(url, _person_form(nik="5371"))
    assert "nik" in bad_nik.context["form"].errors
    assert not Person.objects.exists()

    done = client.post(url, _person_form())
    person = Person.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse(
        "people:detail", args=[person.pk]
    )
    assert person.owner_agency == cast.kupang_uptd and person.region == regions["53.71"]
    assert person.full_name.unseal() == "Maria Contoh Bessie"
    page = client.get(done["Location"]).content.decode()
    assert "Maria Contoh Bessie" not in page  # the detail page shows the pseudonym only


def test_analyst_may_not_register_or_edit(client, cast, kupang_child):
    client.force_login(cast.kupang_analyst)
    assert client.post(reverse("people:create"), _person_form()).status_code == 403
    edit = reverse("people:edit", args=[kupang_child.pk])
    assert client.get(edit).status_code == 403
    assert Person.objects.count() == 1


def test_edit_form_is_a_logged_read_and_refuses_a_stale_version(client, cast, kupang_child):
    client.force_login(cast.kupang_uptd_caseworker)
    url = reverse("people:edit", args=[kupang_child.pk])
    page = client.get(url).content.decode()
    assert "Ester Contoh Nenobais" in page
    assert AccessLog.objects.filter(user=cast.kupang_uptd_caseworker).count() == 1

    version = Person.objects.get(pk=kupang_child.pk).version
    form = _person_form(full_name="Ester C. Nenobais", nik="5371015204100001", sex="female")
    form["birth_date"] = "2010-04-12"
    saved = client.post(url, {**form, "version": version})
    assert saved.status_code == 302
    stale = client.post(url, {**form, "full_name": "Nama Lama", "version": version})
    assert stale.status_code == 200 and stale.context["form"].errors
    assert Person.objects.get(pk=kupang_child.pk).full_name.unseal() == "Ester C. Nenobais"


def test_account_added_from_the_person_page_and_duplicate_refused(client, cast, kupang_child):
    client.force_login(cast.kupang_uptd_caseworker)
    url = reverse("people:account_add", args=[kupang_child.pk])
    data = {"kind": "ewallet", "provider": "DANA", "identifier": "0812-3456-7890"}
    first = client.post(url, data, follow=True)
    assert first.status_code == 200 and PersonAccount.objects.count() == 1
    again = client.post(url, {**data, "identifier": "+62 812 3456 7890"}, follow=True)
    assert PersonAccount.objects.count() == 1
    assert [m.level_tag for m in again.context["messages"]] == ["error"]


def test_person_list_filters_by_sex_and_child(client, cast, kupang_child, regions):
    from lentera.apps.people.services import person_create

    person_create(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Yohanes Contoh Taneo",
        sex="male",
        region=regions["53.71"],
    )
    client.force_login(cast.kupang_uptd_caseworker)
    url = reverse("people:list")
    assert len(client.get(url).context["rows"]) == 2
    assert [p.pk for p, _ in client.get(url, {"sex": "female"}).context["rows"]] == [
        kupang_child.pk
    ]
    assert [p.pk for p, _ in client.get(url, {"child": "yes"}).context["rows"]] == [kupang_child.pk]
    client.force_login(cast.pontianak_caseworker)  # another agency's people are not listed
    assert client.get(url).context["rows"] == []


def test_wallet_migration_rekeys_wallets_recorded_before(cast, kupang_child):
    """Wallets stored with the old digits-only key are found by phone after the migration."""
    from importlib import import_module

    from django.apps import apps

    from lentera.apps.accounts.identity import blind_index
    from lentera.apps.people.matching import possible_matches
    from lentera.apps.people.models import PersonIdentifier

    old_key = blind_index("ewallet:ovo:081234567890")
    account = PersonAccount.objects.create(
        person=kupang_child,
        kind="ewallet",
        provider="OVO",
        identifier="0812-3456-7890",
        digest=old_key,
        added_by=cast.kupang_uptd_caseworker,
    )
    PersonIdentifier.objects.create(person=kupang_child, kind="account", digest=old_key)
    migration = import_module("lentera.apps.people.migrations.0003_ewallet_account_phone_keys")
    migration.rekey_wallets(apps, None)
    account.refresh_from_db()
    assert account.digest != old_key
    matches = possible_matches(
        user=cast.kupang_uptd_caseworker, account=("ewallet", "OVO", "+62 812-3456-7890")
    )
    assert [m.person for m in matches] == [kupang_child]
