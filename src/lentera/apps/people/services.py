"""Writes and identity reads for the person index."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access, record_event
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.events import EventType
from lentera.apps.accounts.identity import blind_index, sealed_json
from lentera.apps.accounts.models import Agency, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.people.matching import name_digests
from lentera.apps.people.models import (
    AccountKind,
    IdentifierKind,
    Person,
    PersonAccount,
    PersonIdentifier,
    Sex,
)
from lentera.apps.people.policies import people
from lentera.apps.reference.models import Country, Region
from lentera.idn import InvalidNik, InvalidPhone, normalize_phone, parse_nik, phone_key
from lentera.privacy import initials, unseal

MAX_PHOTO_BYTES = 1_000_000
PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}


@dataclass(frozen=True)
class IdentityInput:
    full_name: str
    aliases: list[str]
    nik: str
    phones: list[str]
    address: str


def _known_provinces() -> set[str]:
    codes = set(Region.objects.filter(level="province").values_list("code", flat=True))
    return codes


def _clean_identity(
    *,
    full_name: str,
    aliases: Iterable[str],
    nik: str,
    phones: Iterable[str],
    address: str,
    sex: str,
    birth_date: date | None,
    accept_nik_mismatch: bool,
) -> IdentityInput:
    errors: dict[str, list[str]] = {}
    full_name = " ".join(full_name.split())
    if not full_name:
        errors.setdefault("full_name", []).append(_("A name is required (an alias will do)."))
    clean_nik = ""
    if nik.strip():
        try:
            info = parse_nik(nik, known_provinces=_known_provinces() or None)
        except InvalidNik as exc:
            errors.setdefault("nik", []).append(_nik_message(exc))
        else:
            clean_nik = info.nik
            if not accept_nik_mismatch:
                if sex in (Sex.FEMALE, Sex.MALE) and info.sex != sex:
                    errors.setdefault("nik", []).append(
                        _(
                            "The NIK is coded for a %(nik_sex)s person but the record says %(sex)s. "
                            "Check both, or confirm the mismatch."
                        )
                        % {"nik_sex": Sex(info.sex).label, "sex": Sex(sex).label}
                    )
                if birth_date is not None and not info.matches_birth_date(birth_date):
                    errors.setdefault("nik", []).append(
                        _(
                            "The birth date in the NIK differs from the date of birth. Check both, "
                            "or confirm the mismatch."
                        )
                    )
    clean_phones: list[str] = []
    for raw in phones:
        if not raw.strip():
            continue
        try:
            clean_phones.append(normalize_phone(raw))
        except InvalidPhone:
            errors.setdefault("phones", []).append(
                _("“%(phone)s” is not a valid phone number.") % {"phone": raw.strip()}
            )
    if errors:
        raise ValidationError(errors)
    return IdentityInput(
        full_name=full_name,
        aliases=[a.strip() for a in aliases if a.strip()],
        nik=clean_nik,
        phones=list(dict.fromkeys(clean_phones)),
        address=address.strip(),
    )


def _nik_message(exc: InvalidNik) -> str:
    messages = {
        "length": _("A NIK has 16 digits."),
        "digits": _("A NIK has digits only."),
        "province": _("The first two digits of the NIK are not a province code."),
        "month": _("Digits 9–10 of the NIK (month of birth) must be 01–12."),
        "day": _("Digits 7–8 of the NIK (day of birth) must be 01–31, or 41–71 for women."),
        "date": _("The NIK holds a date of birth that does not exist."),
        "serial": _("The last four digits of the NIK cannot be 0000."),
    }
    return messages.get(exc.code, _("This NIK is not valid."))


def _photo_data_uri(photo: bytes | None) -> str:
    if not photo:
        return ""
    if len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError({"photo": _("The photo is larger than 1 MB.")})
    for magic, mime in PHOTO_TYPES.items():
        if photo.startswith(magic):
            return f"data:{mime};base64," + base64.b64encode(photo).decode("ascii")
    raise ValidationError({"photo": _("Only JPEG or PNG photos are accepted.")})


def _index(person: Person, ident: IdentityInput) -> None:
    PersonIdentifier.objects.filter(person=person).exclude(kind=IdentifierKind.ACCOUNT).delete()
    rows = [PersonIdentifier(person=person, kind=IdentifierKind.NIK, digest=blind_index(ident.nik))]
    rows = rows if ident.nik else []
    rows += [
        PersonIdentifier(person=person, kind=IdentifierKind.PHONE, digest=blind_index(p))
        for p in ident.phones
    ]
    rows += [
        PersonIdentifier(person=person, kind=IdentifierKind.NAME, digest=digest)
        for digest in sorted(name_digests(ident.full_name, ident.aliases))
    ]
    PersonIdentifier.objects.bulk_create(rows)


def person_create(
    *,
    actor: User | None,
    owner_agency: Agency,
    full_name: str,
    sex: str = Sex.UNKNOWN,
    birth_date: date | None = None,
    aliases: Iterable[str] = (),
    nik: str = "",
    phones: Iterable[str] = (),
    address: str = "",
    region: Region | None = None,
    nationality: Country | None = None,
    photo: bytes | None = None,
    accept_nik_mismatch: bool = False,
) -> Person:
    if actor is not None:
        if not actor.has_action(Action.CREATE_PERSON):
            raise PermissionDenied(_("You do not have permission to do this."))
        if actor.agency_id != owner_agency.pk:
            raise PermissionDenied(_("People are registered for your own agency."))
    if birth_date is not None and birth_date > timezone.localdate():
        raise ValidationError({"birth_date": _("The date of birth is in the future.")})
    ident = _clean_identity(
        full_name=full_name,
        aliases=aliases,
        nik=nik,
        phones=phones,
        address=address,
        sex=sex,
        birth_date=birth_date,
        accept_nik_mismatch=accept_nik_mismatch,
    )
    person = Person(
        owner_agency=owner_agency,
        region=region,
        full_name=ident.full_name,
        aliases=json.dumps(ident.aliases, ensure_ascii=False),
        nik=ident.nik,
        phones=json.dumps(ident.phones),
        address=ident.address,
        photo=_photo_data_uri(photo),
        sex=sex,
        birth_date=birth_date,
        nationality=nationality,
        initials=initials(ident.full_name),
    )
    with transaction.atomic():
        person.save()
        _index(person, ident)
        record_event(
            actor=actor, event_type=EventType.PERSON_CREATED, obj=person, summary=person.initials
        )
    return person


def person_update(
    *,
    actor: User,
    person: Person,
    version: int,
    full_name: str,
    sex: str,
    birth_date: date | None,
    aliases: Iterable[str],
    nik: str,
    phones: Iterable[str],
    address: str,
    region: Region | None,
    nationality: Country | None,
    accept_nik_mismatch: bool = False,
) -> Person:
    """Update a person; ``version`` is the one the editor loaded (optimistic locking)."""
    if not people.can(actor, Action.EDIT_PERSON, person) or not people.can_see_identity(
        actor, person
    ):
        raise PermissionDenied(_("You do not have permission to do this."))
    ident = _clean_identity(
        full_name=full_name,
        aliases=aliases,
        nik=nik,
        phones=phones,
        address=address,
        sex=sex,
        birth_date=birth_date,
        accept_nik_mismatch=accept_nik_mismatch,
    )
    values: dict[str, Any] = {
        "full_name": ident.full_name,
        "aliases": ident.aliases,
        "nik": ident.nik,
        "phones": ident.phones,
        "address": ident.address,
        "sex": sex,
        "birth_date": birth_date,
        "region": region,
        "nationality": nationality,
        "initials": initials(ident.full_name),
        "updated_at": timezone.now(),
    }
    with transaction.atomic():
        updated = Person.objects.filter(pk=person.pk, version=version).update(
            version=F("version") + 1, **values
        )
        if not updated:
            raise Conflict()
        person.refresh_from_db()
        _index(person, ident)
        record_event(
            actor=actor,
            event_type=EventType.PERSON_UPDATED,
            obj=person,
            data={"version": person.version},
        )
    return person


def identity_reveal(
    *, user: User, person: Person, purpose: str, purpose_note: str = "", channel: str = "web"
) -> dict[str, Any]:
    """The identity of a person for a user allowed to see it; the read is logged."""
    from lentera.apps.accounts.models import AccessPurpose

    if not people.can_see_identity(user, person):
        raise PermissionDenied(_("You may not see this person's identity."))
    if purpose not in AccessPurpose.values:
        raise ValidationError({"purpose": _("Choose why you need to see the identity.")})
    if purpose == AccessPurpose.OTHER and not purpose_note.strip():
        raise ValidationError({"purpose_note": _("Explain why you need to see the identity.")})
    identity = {
        "full_name": unseal(person.full_name),
        "aliases": sealed_json(person.aliases),
        "nik": unseal(person.nik),
        "phones": sealed_json(person.phones),
        "address": unseal(person.address),
        "photo": unseal(person.photo),
        "accounts": [
            f"{a.get_kind_display()} · {a.provider} · {unseal(a.identifier)}"
            for a in person.accounts.all()
        ],
    }
    record_access(
        user=user,
        obj=person,
        fields=[k for k, v in identity.items() if v],
        purpose=purpose,
        purpose_note=purpose_note,
        channel=channel,
    )
    return identity


def account_key(kind: str, provider: str, identifier: str) -> str:
    """Normalised form of an account for matching: digits for banks, the phone number (in
    international form) for wallets keyed by one, the handle without '@' and case for social
    accounts."""
    provider_key = " ".join(provider.lower().split())
    if kind == "ewallet" and (phone := phone_key(identifier)) is not None:
        # DANA, OVO, GoPay and the like are keyed by the phone number: 0812…, +62 812… agree.
        value = phone.lstrip("+")
    elif kind in ("bank", "ewallet"):
        value = "".join(ch for ch in identifier if ch.isdigit())
    else:
        value = identifier.strip().lower().lstrip("@")
    return f"{kind}:{provider_key}:{value}"


def person_add_account(
    *, actor: User, person: Person, kind: str, provider: str, identifier: str
) -> PersonAccount:
    """Record a bank, e-wallet or social account of a person (identity: encrypted, indexed)."""
    if not people.can(actor, Action.EDIT_PERSON, person) or not people.can_see_identity(
        actor, person
    ):
        raise PermissionDenied(_("You do not have permission to do this."))
    errors: dict[str, str] = {}
    if kind not in AccountKind.values:
        errors["kind"] = _("Unknown kind of account.")
    if not provider.strip():
        errors["provider"] = _("Name the bank, wallet or platform.")
    key = account_key(kind, provider, identifier)
    if not key.rsplit(":", 1)[-1]:
        errors["identifier"] = _("Give the account number or handle.")
    if errors:
        raise ValidationError(errors)
    digest = blind_index(key)
    with transaction.atomic():
        if PersonAccount.objects.filter(person=person, digest=digest).exists():
            raise ValidationError({"identifier": _("This account is already recorded.")})
        account = PersonAccount.objects.create(
            person=person,
            kind=kind,
            provider=provider.strip(),
            identifier=identifier.strip(),
            digest=digest,
            added_by=actor,
        )
        PersonIdentifier.objects.get_or_create(
            person=person, kind=IdentifierKind.ACCOUNT, digest=digest
        )
        record_event(
            actor=actor,
            event_type=EventType.PERSON_UPDATED,
            obj=person,
            summary=f"{AccountKind(kind).label}: {provider.strip()}",
            data={"account": account.pk},
        )
    return account
