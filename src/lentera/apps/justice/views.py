"""Proceedings pages: home (mine, overdue, stalled), one proceeding, the suspects of a case, the
secretariat's stall list, statistics and the deadline settings. Thin: parse, call one selector or
service, render."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases.models import Case, CaseParty, QualificationSnapshot
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import PartyRole
from lentera.apps.justice import deadlines as d
from lentera.apps.justice import selectors, services
from lentera.apps.justice import stages as s
from lentera.apps.justice.forms import (
    ChargeForm,
    DeadlineSettingsForm,
    DetentionForm,
    DetentionUpdateForm,
    OpenForm,
    OutcomeForm,
    StageForm,
    StatisticsForm,
)
from lentera.apps.justice.models import ChargeSet, Detention, Proceeding
from lentera.apps.justice.policies import proceedings
from lentera.apps.justice.stepper import stepper
from lentera.apps.justice.vocab import (
    DEADLINE_LABELS,
    SENTENCE_LABELS,
    STATUS_LABELS,
    Outcome,
    Stage,
)
from lentera.apps.justice.wanted_views import wanted_context
from lentera.web.flow import Outcome as Submitted
from lentera.web.flow import submit
from lentera.web.paging import CappedPaginator


def today() -> date:
    """The clock of the pages (one place, so tests can move it)."""
    return timezone.localdate()


def present(deadline: d.Deadline) -> dict[str, Any]:
    return {
        "d": deadline,
        "label": DEADLINE_LABELS.get(deadline.code, deadline.code),
        "status": STATUS_LABELS[deadline.status],
        "warn": deadline.status in (d.Status.OVERDUE, d.Status.MET_LATE),
    }


def _rows(watches: list[selectors.Watch]) -> list[dict[str, Any]]:
    return [
        {
            "w": w,
            "p": w.proceeding,
            "overdue": [present(x) for x in w.overdue],
            "due": [present(x) for x in w.due],
            "stepper": stepper(
                current_stage=w.proceeding.current_stage,
                reached=[e.stage for e in w.proceeding.events.all()],
                outcome=w.proceeding.outcome,
                deadlines=w.deadlines,
            ),
        }
        for w in watches
    ]


@requires(Action.VIEW_CASE)
def home(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    rows = selectors.watch_list(user=user, today=today())
    mine_ids = set(
        proceedings.visible(user, Action.MANAGE_PROCEEDINGS).values_list("pk", flat=True)
    )
    mine = [r for r in rows if r.proceeding.pk in mine_ids] if mine_ids else rows
    return render(
        request,
        "justice/home.html",
        {
            "mine": _rows(mine[:200]),
            "overdue": _rows([r for r in rows if r.overdue]),
            "stalled": _rows([r for r in rows if r.stalled]),
            "stall_days": services.stall_days(),
            "complicity": proceedings.can_see_complicity(user),
            "can_stats": user.has_action(Action.VIEW_STATISTICS),
        },
    )


@requires(Action.VIEW_CASE)
def stalled(request: HttpRequest) -> HttpResponse:
    """Stalled and overdue proceedings across the agencies the user may see (secretariat: its
    region; police and prosecutors: their agency's)."""
    user = signed_in(request)
    # a page of the proceedings whose watch day has come: deadlines worked out for 50 at most
    page = CappedPaginator(selectors.stall_candidates(user=user, today=today()), 50).get_page(
        request.GET.get("page")
    )
    rows = selectors.stalled_or_overdue(user=user, today=today(), among=page.object_list)
    return render(
        request,
        "justice/stalled.html",
        {
            "page": page,
            "rows": _rows(rows),
            "stall_days": services.stall_days(),
            "complicity": proceedings.can_see_complicity(user),
        },
    )


def _proceeding_for(
    request: HttpRequest, proceeding_id: int, action: Action = Action.VIEW_CASE
) -> Proceeding:
    """The proceeding for ``action``: not found when the user cannot see it, 403 when they see
    it but may not record on it (before any form is read)."""
    queryset = selectors.proceeding_list(user=request.user)
    if action == Action.VIEW_CASE:
        return proceedings.get_for(request.user, action, proceeding_id, queryset=queryset)
    return proceedings.get_to_act(
        request.user, action, proceeding_id, read=Action.VIEW_CASE, queryset=queryset
    )


def _snapshots(case: Case) -> list[tuple[int, str]]:
    return [
        (
            q.pk,
            f"{q.created_at:%Y-%m-%d} · {q.outcome} · "
            + ", ".join(c.get("ref", "") for c in q.result.get("charges", [])),
        )
        for q in QualificationSnapshot.objects.filter(case=case).order_by("-created_at")[:20]
    ]


def _detail_context(request: HttpRequest, proceeding: Proceeding, **forms: Any) -> dict[str, Any]:
    user = signed_in(request)
    can_manage = proceedings.can(user, Action.MANAGE_PROCEEDINGS, proceeding)
    events = list(proceeding.events.all())
    allowed = s.allowed_next(events[-1].stage if events else None)
    closed = proceeding.is_closed
    deadlines = selectors.deadlines_of(proceeding, today=today())
    detention_due = {
        (x.start, x.detail): present(x) for x in deadlines if x.kind == d.Kind.DETENTION
    }
    detentions = [
        {
            "x": x,
            "deadline": detention_due.get((x.start, x.level)),
            # filled from the detention; after a refused update, what was typed and why
            "form": forms.get(f"detention_update_{x.pk}") or DetentionUpdateForm.of(x),
        }
        for x in proceeding.detentions.all()
    ]
    context: dict[str, Any] = {
        "p": proceeding,
        "events": events,
        "notes": proceedings.can_read_notes(user, proceeding),
        "deadlines": [present(x) for x in deadlines if x.kind != d.Kind.DETENTION],
        "detentions": detentions,
        "charges": list(proceeding.charges.select_related("snapshot")),
        "can_manage": can_manage and not closed,
        "complicity": proceedings.can_see_complicity(user),
        "stalled": d.is_stalled(
            proceeding.last_movement_at,
            today(),
            stall_days=services.stall_days(),
            closed=closed,
        ),
        "idle_days": (today() - proceeding.last_movement_at).days,
        "case_visible": cases.can(user, Action.VIEW_CASE, proceeding.case),
        "stepper": stepper(
            current_stage=proceeding.current_stage,
            reached=[e.stage for e in events],
            outcome=proceeding.outcome,
            deadlines=deadlines,
        ),
        **wanted_context(proceeding),
    }
    if context["can_manage"]:
        context["stage_form"] = forms.get("stage_form") or StageForm(allowed=allowed)
        context["charge_form"] = forms.get("charge_form") or ChargeForm(
            snapshots=_snapshots(proceeding.case)
        )
        context["detention_form"] = forms.get("detention_form") or DetentionForm()
        context["outcome_form"] = forms.get("outcome_form") or OutcomeForm()
    return context


@requires(Action.VIEW_CASE)
def detail(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id)
    return render(request, "justice/detail.html", _detail_context(request, proceeding))


def _after_post(
    request: HttpRequest, proceeding: Proceeding, form_name: str, form: Any, outcome: Submitted[Any]
) -> HttpResponse:
    if outcome.ok:
        return redirect("justice:detail", proceeding_id=proceeding.pk)
    fresh = _proceeding_for(request, proceeding.pk)
    context = _detail_context(request, fresh, **{form_name: form})
    return render(request, "justice/detail.html", context, status=400)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def stage_add(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
    events = list(proceeding.events.all())
    form = StageForm(request.POST, allowed=s.allowed_next(events[-1].stage if events else None))
    # Offer every stage to the form so a refused order reaches the service and its clear message.
    form.fields["stage"].choices = Stage.choices  # type: ignore[attr-defined]
    outcome = submit(
        request,
        form,
        lambda data: services.stage_record(actor=signed_in(request), proceeding=proceeding, **data),
        done=lambda _event: (
            _("Stage recorded: %(stage)s.") % {"stage": Stage(form.cleaned_data["stage"]).label}
        ),
    )
    return _after_post(request, proceeding, "stage_form", form, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def charges_add(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
    form = ChargeForm(request.POST, snapshots=_snapshots(proceeding.case))

    def charge(data: dict[str, Any]) -> ChargeSet:
        snapshot_id = data["snapshot"]
        snapshot = (
            QualificationSnapshot.objects.filter(pk=snapshot_id, case=proceeding.case).first()
            if snapshot_id
            else None
        )
        return services.charges_set(
            actor=signed_in(request),
            proceeding=proceeding,
            step=data["step"],
            articles=form.article_list(),
            snapshot=snapshot,
        )

    outcome = submit(request, form, charge, done=_("Charges recorded."))
    return _after_post(request, proceeding, "charge_form", form, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def detention_add(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
    form = DetentionForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.detention_record(
            actor=signed_in(request), proceeding=proceeding, **data
        ),
        done=_("Detention recorded."),
    )
    return _after_post(request, proceeding, "detention_form", form, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def detention_release(request: HttpRequest, proceeding_id: int, detention_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
    detention = Detention.objects.filter(pk=detention_id, proceeding=proceeding).first()
    if detention is None:
        raise NotFound()
    form = DetentionUpdateForm(request.POST, detention_id=detention.pk)
    outcome = submit(
        request,
        form,
        lambda data: services.detention_update(
            actor=signed_in(request), detention=detention, **data
        ),
        done=_("Detention updated."),
    )
    return _after_post(request, proceeding, f"detention_update_{detention.pk}", form, outcome)


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def outcome_set(request: HttpRequest, proceeding_id: int) -> HttpResponse:
    proceeding = _proceeding_for(request, proceeding_id, Action.MANAGE_PROCEEDINGS)
    form = OutcomeForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.outcome_record(
            actor=signed_in(request), proceeding=proceeding, **data
        ),
        done=_("Outcome recorded."),
    )
    return _after_post(request, proceeding, "outcome_form", form, outcome)


def _case_context(request: HttpRequest, case: Case, form: OpenForm | None) -> dict[str, Any]:
    user = signed_in(request)
    rows = _rows(selectors.watch_list(user=user, today=today(), case_id=case.pk))
    closed = selectors.proceeding_list(user=user, case_id=case.pk).exclude(selectors.open_q())
    can_open = cases.can(user, Action.MANAGE_PROCEEDINGS, case)
    waiting: list[tuple[int, str]] = []
    if can_open:
        for party in (
            CaseParty.objects.filter(case=case, role=PartyRole.SUSPECT, proceeding__isnull=True)
            .select_related("person")
            .order_by("id")
        ):
            role = party.get_network_role_display() or _("suspect")
            waiting.append((party.pk, f"{party.person.initials} · {role}"))
    if can_open and form is None:
        form = OpenForm(suspects=waiting, initial={"police_report_date": today()})
    return {
        "case": case,
        "rows": rows,
        "closed": list(closed),
        "waiting": waiting,
        "form": form if can_open else None,
        "complicity": proceedings.can_see_complicity(user),
    }


@requires(Action.VIEW_CASE)
def case_view(request: HttpRequest, case_id: int) -> HttpResponse:
    case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
    handles = proceedings.visible(request.user, Action.VIEW_CASE).filter(case=case).exists()
    if "proceedings" not in cases.sections(request.user, case) and not handles:
        raise NotFound()  # e.g. a shelter holding one victim's referral
    return render(request, "justice/case.html", _case_context(request, case, None))


@require_POST
@requires(Action.MANAGE_PROCEEDINGS)
def case_open(request: HttpRequest, case_id: int) -> HttpResponse:
    user = signed_in(request)
    case = cases.get_to_act(user, Action.MANAGE_PROCEEDINGS, case_id, read=Action.VIEW_CASE)
    context = _case_context(request, case, None)
    form = OpenForm(request.POST, suspects=context["waiting"])
    outcome = submit(
        request,
        form,
        lambda data: services.proceeding_open(
            actor=user,
            suspect=CaseParty.objects.get(pk=data["suspect"], case=case),
            police_report_date=data["police_report_date"],
            police_report_number=data["police_report_number"],
            prosecution_agency=data["prosecution_agency"],
            today=today(),
        ),
        done=_("Proceeding opened."),
    )
    if outcome.ok:
        return redirect("justice:detail", proceeding_id=outcome.value.pk)
    context["form"] = form
    return render(request, "justice/case.html", context, status=400)


@requires(Action.VIEW_STATISTICS)
def statistics(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    now = today()
    initial: dict[str, Any] = {
        "start": date(now.year, 1, 1),
        "end": now,
        "region": user.region.code if user.region else "",
    }
    form = StatisticsForm(request.GET or None, initial=initial)
    params: dict[str, Any] = form.cleaned_data if form.is_bound and form.is_valid() else initial
    bound_invalid = form.is_bound and not form.is_valid()
    kupang = tip = None
    if not bound_invalid:
        kupang = selectors.kupang_table(
            user=user, start=params["start"], end=params["end"], region=params["region"] or ""
        )
        tip = selectors.tip_figures(
            user=user, start=params["start"], end=params["end"], region=params["region"] or ""
        )
    if not form.is_bound:
        form = StatisticsForm(initial=initial)
    return render(
        request,
        "justice/statistics.html",
        {
            "form": form,
            "kupang": kupang,
            "tip": tip,
            "bands": [(SENTENCE_LABELS[k], n) for k, n in tip.sentences.items()] if tip else [],
        },
    )


@requires(Action.MANAGE_REFERENCE)
def settings_page(request: HttpRequest) -> HttpResponse:
    current = services.deadline_overrides()
    form = DeadlineSettingsForm(request.POST or None, current=current)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.deadline_settings_set(actor=signed_in(request), values=data),
            done=_("Deadline settings saved."),
        )
        if outcome.ok:
            return redirect("justice:settings")
    return render(
        request,
        "justice/settings.html",
        {"form": form, "outcome": Outcome},
        status=400 if form.is_bound and form.errors else 200,
    )
