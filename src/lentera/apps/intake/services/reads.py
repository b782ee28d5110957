"""The logged reads of a complaint's protected fields: the reporter and the narrative."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from lentera.apps.accounts.audit import record_access
from lentera.apps.accounts.models import AccessPurpose, User
from lentera.apps.intake.models import (
    Complaint,
)
from lentera.apps.intake.policies import complaints
from lentera.privacy import unseal


def reporter_reveal(
    *,
    user: User,
    complaint: Complaint,
    purpose: str,
    purpose_note: str = "",
    channel: str = "web",
) -> dict[str, str]:
    """Who reported the complaint, for a user allowed to see it; the read is logged."""
    if not complaints.can_see_identity(user, complaint):
        raise PermissionDenied(_("You may not see who reported this complaint."))
    if purpose not in AccessPurpose.values:
        raise ValidationError({"purpose": _("Choose why you need to see the identity.")})
    if purpose == AccessPurpose.OTHER and not purpose_note.strip():
        raise ValidationError({"purpose_note": _("Explain why you need to see the identity.")})
    identity = {
        "name": unseal(complaint.reporter_name),
        "phone": unseal(complaint.reporter_phone),
        "email": unseal(complaint.reporter_email),
        "address": unseal(complaint.reporter_address),
        "raw_message": unseal(complaint.raw_message),
        "raw_base64": unseal(complaint.raw_base64),
    }
    field_names = {
        "name": "reporter_name",
        "phone": "reporter_phone",
        "email": "reporter_email",
        "address": "reporter_address",
        "raw_message": "raw_message",
        "raw_base64": "raw_base64",
    }
    record_access(
        user=user,
        obj=complaint,
        fields=[field_names[k] for k, v in identity.items() if v] or ["reporter_name"],
        purpose=purpose,
        purpose_note=purpose_note,
        channel=channel,
    )
    return identity


def narrative_read(*, user: User, complaint: Complaint, channel: str = "web") -> dict[str, str]:
    """The account and the place, for the handling agencies; the read is logged."""
    if not complaints.is_handler(user, complaint):
        raise PermissionDenied(_("Only the handling agencies read the account."))
    content = {"narrative": unseal(complaint.narrative), "place": unseal(complaint.place)}
    shown = [k for k, v in content.items() if v]
    if shown:
        record_access(
            user=user,
            obj=complaint,
            fields=shown,
            purpose=AccessPurpose.CASE_HANDLING,
            purpose_note="complaint triage",
            channel=channel,
        )
    return content
