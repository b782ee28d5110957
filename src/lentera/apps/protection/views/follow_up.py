"""Pages that follow a victim after the first steps: a service's status, a return home with its
travel, hand-over and reintegration visits, a restitution claim through its 14-day steps, and
the agency's deadline notifications. Each POST calls one service; errors come back on the form."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.people.selectors import pseudonym_of
from lentera.apps.protection import forms, selectors, services
from lentera.apps.protection.policies import can_act, sees_identity
from lentera.apps.protection.timers import TimerKind, TimerState, timers_for_case
from lentera.apps.protection.views.pages import _case, _region
from lentera.apps.protection.vocab import SERVICE_TRANSITIONS, ReturnStatus, ServiceStatus
from lentera.privacy import unseal
from lentera.web.flow import submit


def _timers_of(case_id: int, kinds: set[TimerKind], source_id: int) -> list[Any]:
    now = timezone.now()
    return [
        (t, t.state(now))
        for t in timers_for_case(case_id)
        if t.kind in kinds and t.source_id == source_id
    ]


# ---------------------------------------------------------------- service status


@requires(Action.PROVIDE_SERVICE)
def service_detail(request: HttpRequest, case_id: int, service_id: int) -> HttpResponse:
    user = signed_in(request)
    case = _case(request, case_id)
    row = selectors.service_get(user=user, case=case, service_id=service_id)
    choices = [
        (value, ServiceStatus(value).label)
        for value in ServiceStatus.values
        if value in SERVICE_TRANSITIONS[row.status]
    ]
    form = forms.ServiceStatusForm(request.POST or None, choices=choices)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.service_set_status(actor=user, service=row, **data),
            done=_("Service status updated."),
        )
        if outcome.ok:
            return redirect("protection:case", case_id=case.pk)
    return render(
        request,
        "protection/service.html",
        {
            "case": case,
            "service": row,
            "form": form if choices else None,
            "pseudonym": pseudonym_of(row.party.person, recorded_age=row.party.age_at_offence),
            "identity": sees_identity(user, row.party),
            "timers": _timers_of(case.pk, {TimerKind.FIRST_AID}, row.pk),
        },
    )


# ---------------------------------------------------------------- return home


def _return_initial(plan: Any) -> dict[str, Any]:
    # The notes are encrypted and read back sealed (shown as a mask): the form, shown only to
    # those who hold the identity, needs the text, or saving it writes the mask over the notes.
    return {
        "victim_wishes_return": plan.victim_wishes_return,
        "wish_note": unseal(plan.wish_note),
        "family_assessed": plan.family_assessed,
        "family_assessment": unseal(plan.family_assessment),
        "safe_to_return": plan.safe_to_return,
        "home_region_code": plan.home_region.code if plan.home_region else "",
        "paying_agency": plan.paying_agency_id,
        "travel": plan.travel,
        "travel_on": plan.travel_on,
        "handover_to": plan.handover_to,
        "version": plan.version,
    }


@requires(Action.VIEW_CASE)
def return_detail(request: HttpRequest, case_id: int, plan_id: int) -> HttpResponse:
    """One return home: the plan (editable while planned), the hand-over, cancelling, and the
    reintegration visits after the return. ``step`` says which form was sent."""
    user = signed_in(request)
    case = _case(request, case_id)
    plan = selectors.return_get(user=user, case=case, plan_id=plan_id)
    identity = sees_identity(user, plan.party)
    # the plan names relatives and places: only agencies holding the identity work on it
    can_serve = identity and can_act(user, Action.PROVIDE_SERVICE, case, plan.party)
    step = request.POST.get("step", "") if request.method == "POST" else ""
    if step and not can_serve:
        raise PermissionDenied
    data = request.POST if step else None
    update = forms.ReturnUpdateForm(
        data if step == "update" else None, initial=_return_initial(plan)
    )
    complete = forms.ReturnCompleteForm(
        data if step == "complete" else None,
        initial={"handover_to": plan.handover_to, "returned_on": plan.travel_on},
    )
    cancel = forms.ReasonForm(data if step == "cancel" else None, prefix="cancel")
    visit = forms.VisitForm(data if step == "visit" else None)
    bound = {"update": update, "complete": complete, "cancel": cancel, "visit": visit}.get(step)

    def act(data: dict[str, Any]) -> str:
        """The step's service call; its success message."""
        d = dict(data)
        if step == "update":
            version = d.pop("version")
            d["home_region"] = _region(d.pop("home_region_code"))
            services.return_update(actor=user, plan=plan, version=version, **d)
            return _("Return plan updated.")
        if step == "complete":
            services.return_complete(actor=user, plan=plan, **d)
            return _("Return and hand-over recorded.")
        if step == "cancel":
            services.return_cancel(actor=user, plan=plan, reason=d["reason"])
            return _("Return cancelled.")
        services.reintegration_visit(actor=user, plan=plan, **d)
        return _("Visit recorded.")

    if step and bound is None:
        messages.error(request, _("Unknown step."))
    elif bound is not None and submit(request, bound, act, done=lambda text: text).ok:
        return redirect("protection:return", case_id=case.pk, plan_id=plan.pk)
    visits = list(plan.visits.all())
    return render(
        request,
        "protection/return.html",
        {
            "case": case,
            "plan": plan,
            "identity": identity,
            "pseudonym": pseudonym_of(plan.party.person, recorded_age=plan.party.age_at_offence),
            "can_serve": can_serve,
            "planned": plan.status == ReturnStatus.PLANNED,
            "completed": plan.status == ReturnStatus.COMPLETED,
            "follow_up_open": plan.status == ReturnStatus.COMPLETED
            and not any(v.closes_follow_up for v in visits),
            "visits": visits,
            "update_form": update,
            "complete_form": complete,
            "cancel_form": cancel,
            "visit_form": visit,
            "timers": _timers_of(case.pk, {TimerKind.REINTEGRATION}, plan.pk),
            "waiting": TimerState.WAITING,
            "overdue_state": TimerState.OVERDUE,
        },
    )


# ---------------------------------------------------------------- restitution


@requires(Action.VIEW_CASE)
def restitution_detail(request: HttpRequest, case_id: int, restitution_id: int) -> HttpResponse:
    user = signed_in(request)
    case = _case(request, case_id)
    row = selectors.restitution_get(user=user, case=case, restitution_id=restitution_id)
    may_edit = can_act(user, Action.PROVIDE_SERVICE, case, row.party) or can_act(
        user, Action.MANAGE_PROCEEDINGS, case, row.party
    )
    initial = {f: getattr(row, f) for f in services.RESTITUTION_STEP_FIELDS}
    initial["version"] = row.version
    form = forms.RestitutionStepsForm(
        request.POST if request.method == "POST" else None, initial=initial
    )
    if request.method == "POST":
        if not may_edit:
            raise PermissionDenied
        if form.is_valid():
            d = dict(form.cleaned_data)
            version = d.pop("version")
            changed = {f: d[f] for f in services.RESTITUTION_STEP_FIELDS if d[f] != getattr(row, f)}
            if not changed:
                messages.info(request, _("Nothing changed."))
                return redirect("protection:restitution", case_id=case.pk, restitution_id=row.pk)
            outcome = submit(
                request,
                form,
                lambda _data: services.restitution_update(
                    actor=user, restitution=row, version=version, **changed
                ),
                done=_("Restitution updated."),
            )
            if outcome.ok:
                return redirect("protection:restitution", case_id=case.pk, restitution_id=row.pk)
            row.refresh_from_db()
    return render(
        request,
        "protection/restitution.html",
        {
            "case": case,
            "r": row,
            "pseudonym": pseudonym_of(row.party.person, recorded_age=row.party.age_at_offence),
            "identity": sees_identity(user, row.party),
            "form": form if may_edit else None,
            "alerts": selectors.restitution_alerts(row, timezone.localdate()),
            "timers": _timers_of(
                case.pk,
                {TimerKind.RESTITUTION_PAYMENT, TimerKind.RESTITUTION_WARNING},
                row.pk,
            ),
            "overdue_state": TimerState.OVERDUE,
        },
    )


# ---------------------------------------------------------------- notifications


@requires(Action.VIEW_DASHBOARD)
def notifications(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.notifications_for(user=request.user)[:200])
    return render(
        request,
        "protection/notifications.html",
        {"rows": rows, "overdue_state": TimerState.OVERDUE.value, "kinds": dict(TimerKind.choices)},
    )


@require_POST
@requires(Action.VIEW_DASHBOARD)
def notification_read(request: HttpRequest, notification_id: int) -> HttpResponse:
    row = selectors.notification_get(user=request.user, notification_id=notification_id)
    services.notification_read(actor=signed_in(request), notification=row)
    return redirect("protection:notifications")
