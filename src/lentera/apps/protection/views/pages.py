from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, is_user
from lentera.apps.cases.models import Case, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.people.selectors import pseudonym_of
from lentera.apps.protection import forms, selectors, services
from lentera.apps.protection.models import Consent, Provider, Referral, Service
from lentera.apps.protection.policies import (
    can_act,
    can_read,
    providers,
    referrals,
    sees_identity,
)
from lentera.apps.protection.timers import TimerState
from lentera.apps.protection.vocab import ReferralStatus, ServiceStatus
from lentera.apps.reference.models import Region
from lentera.web.flow import submit


def _case(request: HttpRequest, case_id: int) -> Case:
    case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
    if not can_read(request.user, case):
        raise NotFound()
    return case


def _party(request: HttpRequest, case: Case, party_id: int) -> CaseParty:
    """A victim of the case that the user reaches (a victim grant reaches one victim only)."""
    party = case.parties.filter(pk=party_id, role=PartyRole.VICTIM).select_related("person").first()
    if party is None or not can_read(request.user, case, party):
        raise NotFound()
    return party


def _region(code: str) -> Region | None:
    if not code.strip():
        return None
    region = Region.objects.filter(code=code.strip()).first()
    if region is None:
        raise ValidationError({"region_code": _("No region has this code.")})
    return region


@requires(Action.VIEW_DASHBOARD)
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    now = timezone.now()
    works = user.has_action(Action.REFER) or user.has_action(Action.PROVIDE_SERVICE)
    return render(
        request,
        "protection/home.html",
        {
            "incoming": selectors.referral_list(user=user, incoming=True)[:50] if works else [],
            "outgoing": selectors.referral_list(user=user, incoming=False)[:50] if works else [],
            "overdue": selectors.overdue_for(user=user, now=now),
            "unread": selectors.unread_count(user=user),
            "works": works,
        },
    )


@requires(Action.VIEW_DASHBOARD)
def overdue(request: HttpRequest) -> HttpResponse:
    timers = selectors.overdue_for(user=request.user, now=timezone.now())
    return render(request, "protection/overdue.html", {"timers": timers, "now": timezone.now()})


@requires(Action.VIEW_CASE)
def case_file(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in(request)
    case = _case(request, case_id)
    now = timezone.now()
    victims = [
        {
            "file": f,
            "pseudonym": pseudonym_of(f.party.person, recorded_age=f.party.age_at_offence),
            "identity": sees_identity(user, f.party),
        }
        for f in selectors.protection_file(user=user, case=case)
    ]
    timers = [(t, t.state(now)) for t in selectors.case_timers(user=user, case=case)]
    return render(
        request,
        "protection/case.html",
        {
            "case": case,
            "victims": victims,
            "timers": timers,
            "overdue_state": TimerState.OVERDUE,
            "can_refer": can_act(user, Action.REFER, case),
            "can_serve": can_act(user, Action.PROVIDE_SERVICE, case),
            "next_service": {
                ServiceStatus.PLANNED: ServiceStatus.IN_PROGRESS,
                ServiceStatus.IN_PROGRESS: ServiceStatus.DONE,
            },
        },
    )


Handler = Callable[[User, CaseParty, dict[str, Any]], Any]


def _victim_form(
    request: HttpRequest,
    case_id: int,
    party_id: int,
    form_class: type[Any],
    handler: Handler,
    title: str,
    done: str,
) -> HttpResponse:
    user = signed_in(request)
    case = _case(request, case_id)
    party = _party(request, case, party_id)
    form = form_class(request.POST or None)
    if request.method == "POST":
        outcome = submit(request, form, lambda data: handler(user, party, dict(data)), done=done)
        if outcome.ok:
            return redirect("protection:case", case_id=case.pk)
    return render(
        request,
        "protection/form.html",
        {
            "form": form,
            "case": case,
            "party": party,
            "pseudonym": pseudonym_of(party.person, recorded_age=party.age_at_offence),
            "title": title,
        },
    )


@requires(Action.PROVIDE_SERVICE)
def identify(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        return services.identification_record(actor=user, party=party, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.IdentificationForm,
        handle,
        _("Identification interview"),
        _("Identification recorded."),
    )


@requires(Action.PROVIDE_SERVICE)
def assess(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        notes = d.pop("notes", "")
        return services.assessment_record(actor=user, party=party, needs=d, notes=notes)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.AssessmentForm,
        handle,
        _("Needs assessment"),
        _("Assessment recorded."),
    )


@requires(Action.REFER)
def consent(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        return services.consent_record(actor=user, party=party, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.ConsentForm,
        handle,
        _("Record consent"),
        _("Consent recorded."),
    )


@requires(Action.REFER)
@require_POST
def consent_withdraw(request: HttpRequest, case_id: int, consent_id: int) -> HttpResponse:
    case = _case(request, case_id)
    row = Consent.objects.filter(case=case, pk=consent_id).first()
    if row is None:
        raise NotFound()
    try:
        services.consent_withdraw(
            actor=signed_in(request), consent=row, note=request.POST.get("note", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Consent withdrawn."))
    return redirect("protection:case", case_id=case.pk)


@requires(Action.REFER)
def refer(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        return services.referral_send(actor=user, party=party, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.ReferralForm,
        handle,
        _("Refer to another agency"),
        _("Referral sent."),
    )


@requires(Action.PROVIDE_SERVICE)
def service_add(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        return services.service_plan(actor=user, party=party, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.ServiceForm,
        handle,
        _("Plan a service"),
        _("Service planned."),
    )


@require_POST
@requires(Action.PROVIDE_SERVICE)
def service_status(request: HttpRequest, case_id: int, service_id: int) -> HttpResponse:
    case = _case(request, case_id)
    row = Service.objects.filter(case=case, pk=service_id).first()
    if row is None:
        raise NotFound()
    try:
        services.service_set_status(
            actor=signed_in(request), service=row, status=request.POST.get("status", "")
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("protection:case", case_id=case.pk)


@requires(Action.PROVIDE_SERVICE)
def return_add(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        region = _region(d.pop("home_region_code"))
        return services.return_plan(actor=user, party=party, home_region=region, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.ReturnForm,
        handle,
        _("Plan the return home"),
        _("Return planned."),
    )


@requires(Action.PROVIDE_SERVICE)
def restitution_add(request: HttpRequest, case_id: int, party_id: int) -> HttpResponse:
    def handle(user: User, party: CaseParty, d: dict[str, Any]) -> Any:
        return services.restitution_claim(actor=user, party=party, **d)

    return _victim_form(
        request,
        case_id,
        party_id,
        forms.RestitutionForm,
        handle,
        _("Restitution claim"),
        _("Restitution claim recorded."),
    )


def _referral(request: HttpRequest, referral_id: int) -> Referral:
    return referrals.get_for(request.user, Action.VIEW_CASE, referral_id)


@requires(Action.VIEW_CASE)
def referral_detail(request: HttpRequest, referral_id: int) -> HttpResponse:
    user = signed_in(request)
    referral = _referral(request, referral_id)
    can_respond = referrals.can_respond(user, referral)
    shows_people = can_read(user, referral.case, referral.party)
    if request.method == "POST":
        if not can_respond:
            raise PermissionDenied
        step = request.POST.get("step", "")
        seen = request.POST.get("from_status", "")  # the status the page showed
        try:
            if step == "accept":
                services.referral_accept(actor=user, referral=referral, from_status=seen)
                messages.success(request, _("Referral accepted."))
            elif step == "decline":
                services.referral_decline(
                    actor=user,
                    referral=referral,
                    reason=request.POST.get("reason", ""),
                    from_status=seen,
                )
                messages.success(request, _("Referral declined."))
            elif step == "complete":
                services.referral_complete(actor=user, referral=referral, from_status=seen)
                messages.success(request, _("Referral completed."))
            elif step == "police":
                services.referral_police_reported(actor=user, referral=referral)
                messages.success(request, _("Report to the police recorded."))
            else:
                raise ValidationError(_("Unknown step."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            if step != "decline":
                return redirect("protection:referral", referral_id=referral.pk)
            # the page again, as it is now, with the reason as typed
            referral.refresh_from_db()
            decline_form = forms.DeclineForm(request.POST)
            code = 409 if isinstance(exc, Conflict) else 400
        else:
            return redirect("protection:referral", referral_id=referral.pk)
    else:
        decline_form, code = forms.DeclineForm(), 200
    return render(
        request,
        "protection/referral.html",
        {
            "referral": referral,
            "can_respond": can_respond,
            "pseudonym": pseudonym_of(
                referral.party.person, recorded_age=referral.party.age_at_offence
            )
            if shows_people
            else None,
            "identity": sees_identity(user, referral.party),
            "decline_form": decline_form,
            "sent": ReferralStatus.SENT,
            "accepted": ReferralStatus.ACCEPTED,
        },
        status=code,
    )


@requires(Action.VIEW_DASHBOARD)
def directory(request: HttpRequest) -> HttpResponse:
    qs = providers.visible(request.user, Action.VIEW_DASHBOARD).select_related("agency", "region")
    service = request.GET.get("service", "")
    # JSON list membership is filtered in Python: portable across SQLite and PostgreSQL.
    rows = [p for p in qs if not service or service in p.services]
    return render(
        request,
        "protection/directory.html",
        {"providers": rows, "can_add": providers.can_edit(request.user), "service": service},
    )


@requires(Action.MANAGE_REFERENCE, Action.MANAGE_USERS)
def provider_edit(request: HttpRequest, provider_id: int | None = None) -> HttpResponse:
    user = signed_in(request)
    row: Provider | None = None
    if provider_id is not None:
        row = Provider.objects.filter(pk=provider_id).first()
        if row is None:
            raise NotFound()
    if not providers.can_edit(user, row):
        raise PermissionDenied
    initial: dict[str, Any] = {}
    if row is not None:
        initial = {
            f: getattr(row, f)
            for f in (
                "name",
                "kind",
                "agency",
                "services",
                "address",
                "phone",
                "email",
                "contact_person",
                "accepts_children",
                "is_active",
            )
        }
        initial["region_code"] = row.region.code if row.region else ""
    elif is_user(user) and user.agency_id:
        initial = {"agency": user.agency_id}
    form = forms.ProviderForm(request.POST or None, initial=initial)

    def save(data: dict[str, Any]) -> Provider:
        d = dict(data)
        region = _region(d.pop("region_code"))
        return services.provider_save(actor=user, provider=row, region=region, **d)

    if request.method == "POST":
        outcome = submit(request, form, save, done=_("Provider saved."))
        if outcome.ok:
            return redirect("protection:directory")
    return render(
        request,
        "protection/form.html",
        {"form": form, "title": _("Service provider"), "case": None},
    )
