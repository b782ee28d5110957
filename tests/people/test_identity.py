"""Identity fields: unreadable at rest, pseudonymised without permission, logged when read."""

from datetime import date

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from lentera.apps.accounts.identity import blind_index
from lentera.apps.accounts.models import AccessLog, AuditEvent
from lentera.apps.people.models import IdentifierKind, Person, PersonIdentifier
from lentera.apps.people.selectors import person_list, person_lookup, pseudonym_of
from lentera.apps.people.services import identity_reveal, person_create, person_update
from lentera.privacy import MASK, Sealed

pytestmark = pytest.mark.django_db


def raw_row(person_id):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT full_name, nik, phones, address FROM people_person WHERE id = %s", [person_id]
        )
        return cursor.fetchone()


def test_identity_fields_are_encrypted_at_rest(kupang_child):
    row = raw_row(kupang_child.pk)
    joined = " ".join(row)
    for secret in ("Ester", "Nenobais", "5371015204100001", "+6281234567890", "Alak"):
        assert secret not in joined
    assert all(value.startswith("enc1:") for value in row)


def test_values_read_back_sealed(kupang_child):
    person = Person.objects.get(pk=kupang_child.pk)
    assert isinstance(person.full_name, Sealed)
    assert str(person.full_name) == MASK
    assert "Ester" not in repr(person.__dict__)


def test_pseudonym_shows_initials_age_band_sex(kupang_child):
    pseudo = pseudonym_of(kupang_child)
    assert pseudo.initials == "E.C.N."
    assert pseudo.is_child is True
    assert "Ester" not in str(pseudo)


def test_reveal_logs_who_what_why(cast, kupang_child):
    identity = identity_reveal(
        user=cast.kupang_uptd_caseworker, person=kupang_child, purpose="victim_services"
    )
    assert identity["full_name"] == "Ester Contoh Nenobais"
    assert identity["nik"] == "5371015204100001"
    assert identity["phones"] == ["+6281234567890"]
    log = AccessLog.objects.get()
    assert log.user == cast.kupang_uptd_caseworker
    assert log.object_id == str(kupang_child.pk) and log.purpose == "victim_services"
    assert {"full_name", "nik", "phones", "address"} <= set(log.fields)


@pytest.mark.parametrize(
    "who",
    [
        "kupang_police_investigator",
        "kupang_analyst",
        "batam_social_worker",
        "kupang_uptd_norole",
        "system_admin",
    ],
)
def test_reveal_refused_and_not_logged_without_permission(cast, kupang_child, who):
    with pytest.raises(PermissionDenied):
        identity_reveal(user=getattr(cast, who), person=kupang_child, purpose="case_handling")
    assert not AccessLog.objects.exists()


def test_reveal_needs_a_purpose(cast, kupang_child):
    with pytest.raises(ValidationError):
        identity_reveal(user=cast.kupang_uptd_caseworker, person=kupang_child, purpose="curious")
    with pytest.raises(ValidationError):
        identity_reveal(user=cast.kupang_uptd_caseworker, person=kupang_child, purpose="other")
    assert not AccessLog.objects.exists()


def test_key_rotation_reencrypts_under_new_key(settings, tmp_path, kupang_child):
    settings.MEDIA_ROOT = tmp_path  # the rotation re-encrypts every file there too
    before = raw_row(kupang_child.pk)
    new_key = Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [new_key, *settings.FIELD_ENCRYPTION_KEYS]
    call_command("rotate_field_keys", verbosity=0)
    after = raw_row(kupang_child.pk)
    assert after != before
    settings.FIELD_ENCRYPTION_KEYS = [new_key]  # old key retired
    person = Person.objects.get(pk=kupang_child.pk)
    assert person.full_name.unseal() == "Ester Contoh Nenobais"
    assert AuditEvent.objects.filter(event_type="field_keys_rotated").count() == 1


def test_exact_search_by_nik_or_phone_uses_blind_index(cast, kupang_child):
    assert PersonIdentifier.objects.filter(
        kind=IdentifierKind.NIK, digest=blind_index("5371015204100001")
    ).exists()
    user = cast.kupang_uptd_caseworker

    def found(q):
        return [m.person for m in person_lookup(user=user, q=q).matches]

    assert found("5371 0152 0410 0001") == [kupang_child]
    assert found("+62 812-3456-7890") == [kupang_child]
    assert found("081299999999") == []
    # an identifier is never a list filter (it would travel in a URL)
    with pytest.raises(ValueError):
        person_list(user=user, q="5371015204100001")


def test_invalid_nik_and_phone_are_clear_errors(cast):
    with pytest.raises(ValidationError) as err:
        person_create(
            actor=cast.kupang_uptd_caseworker,
            owner_agency=cast.kupang_uptd,
            full_name="A B",
            nik="5371019999",
            phones=["12"],
        )
    assert set(err.value.message_dict) == {"nik", "phones"}
    assert not Person.objects.exists()


def test_nik_mismatch_with_sex_needs_confirmation(cast):
    kwargs = dict(
        actor=cast.kupang_uptd_caseworker,
        owner_agency=cast.kupang_uptd,
        full_name="Yohanes T",
        sex="male",
        birth_date=date(2010, 4, 12),
        nik="5371015204100001",
    )
    with pytest.raises(ValidationError):
        person_create(**kwargs)
    person = person_create(**kwargs, accept_nik_mismatch=True)
    assert person.pk


def test_concurrent_edits_do_not_overwrite(cast, kupang_child):
    base = dict(
        actor=cast.kupang_uptd_caseworker,
        person=kupang_child,
        full_name="Ester C. Nenobais",
        sex="female",
        birth_date=date(2010, 4, 12),
        aliases=[],
        nik="",
        phones=[],
        address="",
        region=None,
        nationality=None,
    )
    person_update(**base, version=1)
    with pytest.raises(ValidationError):
        person_update(**{**base, "full_name": "Stale"}, version=1)
    assert Person.objects.get(pk=kupang_child.pk).full_name.unseal() == "Ester C. Nenobais"


def test_accounts_are_encrypted_indexed_and_link_people(cast, regions, kupang_child):
    from lentera.apps.people.matching import possible_matches
    from lentera.apps.people.models import PersonAccount
    from lentera.apps.people.services import person_add_account

    account = person_add_account(
        actor=cast.kupang_uptd_caseworker,
        person=kupang_child,
        kind="bank",
        provider="BRI",
        identifier="0123-01-000123-50-1",
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT identifier FROM people_personaccount WHERE id = %s", [account.pk])
        assert "000123" not in cursor.fetchone()[0]
    with pytest.raises(ValidationError):  # same account, written differently
        person_add_account(
            actor=cast.kupang_uptd_caseworker,
            person=kupang_child,
            kind="bank",
            provider="bri",
            identifier="012301000123501",
        )
    with pytest.raises(PermissionDenied):
        person_add_account(
            actor=cast.kupang_analyst,
            person=kupang_child,
            kind="social",
            provider="Facebook",
            identifier="@x",
        )
    matches = possible_matches(
        user=cast.kupang_uptd_caseworker, account=("bank", "BRI", "0123 0100 0123 501")
    )
    assert [m.person for m in matches] == [kupang_child] and matches[0].reasons == ["account"]
    with translation.override("en"):
        identity = identity_reveal(
            user=cast.kupang_uptd_caseworker, person=kupang_child, purpose="investigation"
        )
    assert identity["accounts"] == ["Bank account · BRI · 0123-01-000123-50-1"]
    with translation.override("id"):
        identity = identity_reveal(
            user=cast.kupang_uptd_caseworker, person=kupang_child, purpose="investigation"
        )
    assert identity["accounts"] == ["Rekening bank · BRI · 0123-01-000123-50-1"]
    assert PersonAccount.objects.count() == 1
