"""Investigation pages: a case's court orders, evidence register and money trail; the network
view; the agency's alerts. Thin: parse, call one service or selector, render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.audit import record_access
from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.models import AccessPurpose, Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases import evidence
from lentera.apps.cases.models import Case
from lentera.apps.investigation import network, policies, selectors, services
from lentera.apps.investigation.forms import (
    CallsForm,
    EvidenceForm,
    HandOverForm,
    NetworkForm,
    OrderForm,
    OrderOutcomeForm,
    StatementForm,
    TransferForm,
    TrialStatusForm,
)
from lentera.apps.investigation.models import CourtOrder, EvidenceItem
from lentera.apps.investigation.services import TransferInput
from lentera.apps.investigation.vocab import OrderOutcome, TrialStatus
from lentera.web.flow import submit


def today() -> date:
    return timezone.localdate()


def _page(
    request: HttpRequest, case: Case, *, status: int = 200, reveal: bool = False, **forms: Any
) -> HttpResponse:
    user = signed_in(request)
    register = selectors.case_register(user=user, case=case, reveal=reveal)
    can_record = policies.can_record(user, case)
    context: dict[str, Any] = {
        "case": case,
        "r": register,
        "can_record": can_record,
        "outcomes": OrderOutcome.choices[1:],
        "trial_statuses": TrialStatus.choices,
        "agencies": Agency.objects.filter(is_active=True).order_by("name"),
    }
    if can_record:
        for order_row in register.orders:
            order_row.outcome_form = OrderOutcomeForm(
                initial={"version": order_row.order.version},
                auto_id=f"id_order{order_row.order.pk}_%s",
            )
        for item_row in register.items:
            item = item_row.item
            item_row.handover_form = HandOverForm(
                initial={"version": item.version}, auto_id=f"id_hand{item.pk}_%s"
            )
            item_row.status_form = TrialStatusForm(
                initial={"status": item.trial_status, "version": item.version},
                auto_id=f"id_status{item.pk}_%s",
            )
        context["order_form"] = forms.get("order_form") or OrderForm(case=case)
        context["evidence_form"] = forms.get("evidence_form") or EvidenceForm()
        context["transfer_form"] = forms.get("transfer_form") or TransferForm(case=case)
        context["statement_form"] = forms.get("statement_form") or StatementForm()
        context["calls_form"] = forms.get("calls_form") or CallsForm()
    return render(request, "investigation/case.html", context, status=status)


@requires(Action.VIEW_CASE)
def case_page(request: HttpRequest, case_id: int) -> HttpResponse:
    return _page(request, policies.case_for(request.user, case_id))


@require_POST
@requires(Action.VIEW_CASE)
def accounts_reveal(request: HttpRequest, case_id: int) -> HttpResponse:
    """Show the account numbers of the case's transfers (those the reader may see), logged."""
    case = policies.case_for(request.user, case_id)
    return _page(request, case, reveal=True)


def _done(request: HttpRequest, case: Case, form_name: str, form: Any, ok: bool) -> HttpResponse:
    if ok:
        return redirect("investigation:case", case_id=case.pk)
    return _page(request, case, status=400, **{form_name: form})


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def order_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    form = OrderForm(request.POST, case=case)
    outcome = submit(
        request,
        form,
        lambda data: services.order_record(
            actor=signed_in(request), case=case, today=today(), **data
        ),
        done=_("Court order recorded."),
    )
    return _done(request, case, "order_form", form, outcome.ok)


def _order(case: Case, order_id: int) -> CourtOrder:
    order = CourtOrder.objects.filter(case=case, pk=order_id).first()
    if order is None:
        raise NotFound()
    return order


def _item(case: Case, item_id: int) -> EvidenceItem:
    item = EvidenceItem.objects.filter(case=case, pk=item_id).first()
    if item is None:
        raise NotFound()
    return item


def _flash(request: HttpRequest, case: Case, outcome: Any) -> HttpResponse:
    if not outcome.ok:
        outcome.flash(request, _("Check the form: nothing was saved."))
    return redirect("investigation:case", case_id=case.pk)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def order_outcome(request: HttpRequest, case_id: int, order_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    order = _order(case, order_id)
    form = OrderOutcomeForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.order_outcome(actor=signed_in(request), order=order, **data),
        done=_("Outcome recorded."),
    )
    return _flash(request, case, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def evidence_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    form = EvidenceForm(request.POST, request.FILES)

    def act(data: dict[str, Any]) -> EvidenceItem:
        upload = data.pop("file")
        return services.evidence_add(actor=signed_in(request), case=case, content=upload, **data)

    outcome = submit(request, form, act, done=_("Evidence item registered."))
    return _done(request, case, "evidence_form", form, outcome.ok)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def evidence_hand_over(request: HttpRequest, case_id: int, evidence_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    item = _item(case, evidence_id)
    form = HandOverForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.evidence_hand_over(actor=signed_in(request), item=item, **data),
        done=_("Hand-over recorded."),
    )
    return _flash(request, case, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def evidence_status(request: HttpRequest, case_id: int, evidence_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    item = _item(case, evidence_id)
    form = TrialStatusForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.evidence_trial_status(actor=signed_in(request), item=item, **data),
        done=_("Status at trial recorded."),
    )
    return _flash(request, case, outcome)


@requires(Action.VIEW_CASE)
def evidence_download(request: HttpRequest, case_id: int, evidence_id: int) -> HttpResponseBase:
    """The item's file, to readers of the free text only, checked against its SHA-256, logged."""
    user = signed_in(request)
    case = policies.case_for(user, case_id)
    item = _item(case, evidence_id)
    if not item.file or not policies.sees_text(user, case):
        raise NotFound()
    try:
        content = services.evidence_file(item)
    except evidence.Unreadable:
        text = _(
            "The stored file of this evidence item is missing or altered: its SHA-256 no longer "
            "matches the one recorded at seizure. Nothing was sent (item %(id)s)."
        ) % {"id": item.pk}
        title = _("This file cannot be opened")
        return render(request, "web/plain_error.html", {"title": title, "text": text}, status=500)
    record_access(
        user=user,
        obj=item,
        fields=["file"],
        purpose=AccessPurpose.INVESTIGATION,
        purpose_note=f"case {case.reference}",
    )
    response = StreamingHttpResponse(content, content_type="application/octet-stream")
    response["Content-Disposition"] = content_disposition_header(True, f"evidence-{item.pk}")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def transfer_add(request: HttpRequest, case_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    form = TransferForm(request.POST, case=case)
    outcome = submit(
        request,
        form,
        lambda data: services.transfer_record(
            actor=signed_in(request), case=case, row=TransferInput(**data)
        ),
        done=_("Transfer recorded."),
    )
    return _done(request, case, "transfer_form", form, outcome.ok)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def statement_import(request: HttpRequest, case_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    form = StatementForm(request.POST, request.FILES)
    outcome = submit(
        request,
        form,
        lambda data: services.statement_import(
            actor=signed_in(request),
            case=case,
            content=data["file"].read(),
            filename=data["file"].name or "statement.csv",
        ),
        done=lambda result: _("%(n)s transfers imported.") % {"n": len(result.saved)},
    )
    return _done(request, case, "statement_form", form, outcome.ok)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def calls_import(request: HttpRequest, case_id: int) -> HttpResponse:
    case = policies.case_for(request.user, case_id, Action.MANAGE_PROCEEDINGS)
    form = CallsForm(request.POST, request.FILES)
    outcome = submit(
        request,
        form,
        lambda data: services.calls_import(
            actor=signed_in(request),
            case=case,
            content=data["file"].read(),
            filename=data["file"].name or "calls.csv",
        ),
        done=lambda rows: _("%(n)s call records imported.") % {"n": len(rows)},
    )
    return _done(request, case, "calls_form", form, outcome.ok)


@requires(Action.VIEW_CASE)
def network_page(request: HttpRequest) -> HttpResponse:
    """The network around a person or a case (``?start=case:<id>`` or ``person:<id>``)."""
    user = signed_in(request)
    form = NetworkForm(request.GET or None)
    view = None
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        view = network.network_view(
            user=user,
            start=data["start"],
            depth=data["depth"] or 3,
            roles=frozenset(data["roles"]),
            since=data["since"],
            until=data["until"],
            today=today(),
        )
    elif form.is_bound:
        raise NotFound()
    return render(
        request,
        "investigation/network.html",
        {"form": form, "view": view},
    )


@requires(Action.VIEW_DASHBOARD)
def alerts(request: HttpRequest) -> HttpResponse:
    rows = services.alerts_for(request.user)[:200]
    return render(request, "investigation/alerts.html", {"alerts": rows})


@require_POST
@requires(Action.VIEW_DASHBOARD)
def alert_read(request: HttpRequest, alert_id: int) -> HttpResponse:
    services.alert_read(actor=signed_in(request), alert_id=alert_id)
    messages.success(request, _("Marked as read."))
    return redirect("investigation:alerts")
