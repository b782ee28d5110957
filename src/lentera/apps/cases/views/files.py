"""Case-file pages: list and search, open, the file itself with its sections, and the actions on
it. Every section is shown only when the case policy grants it to the user."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponseBase,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.audit import record_access
from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.models import AccessPurpose
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases import evidence, exports, selectors, services
from lentera.apps.cases.forms import (
    CaseFactsForm,
    CaseFilterForm,
    DocumentForm,
    HandOverForm,
    JourneyLegForm,
    NoteForm,
    PartyForm,
    PersonSearchForm,
    SettingsForm,
    ShareForm,
    StatusForm,
    VictimStatusForm,
)
from lentera.apps.cases.models import Case, CaseDocument, CaseGrant, CaseParty
from lentera.apps.cases.policies import cases
from lentera.apps.cases.views import legal
from lentera.apps.cases.vocab import TRANSITIONS, CaseStatus, ControlMethod, ExploitationType
from lentera.apps.people.matching import identifier_lookup
from lentera.apps.people.selectors import pseudonym_of
from lentera.apps.people.services import person_create
from lentera.apps.reference.models import Country, Region
from lentera.law import code_label
from lentera.privacy import unseal
from lentera.web.flow import submit
from lentera.web.paging import CappedPaginator


def _region(code: str) -> Region:
    region = Region.objects.filter(code=code.strip()).first()
    if region is None:
        raise ValidationError({"region_code": _("No region has this code.")})
    return region


def _country(code: str, field: str) -> Country:
    country = Country.objects.filter(code=code.strip().upper()).first()
    if country is None:
        raise ValidationError({field: _("Unknown country code.")})
    return country


def _list_filters(request: HttpRequest) -> tuple[CaseFilterForm, dict[str, Any]]:
    form = CaseFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_valid():
        data = form.cleaned_data
        filters = {k: v for k, v in data.items() if v not in (None, "")}
        if "agency" in filters:
            filters["agency"] = filters["agency"].pk
    return form, filters


@requires(Action.VIEW_CASE)
def case_list(request: HttpRequest) -> HttpResponse:
    form, filters = _list_filters(request)
    qs = selectors.case_list(user=request.user, **filters)
    page = CappedPaginator(qs, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/list.html",
        {
            "form": form,
            "page": page,
            "can_create": signed_in(request).has_action(Action.CREATE_CASE),
            "can_export": signed_in(request).has_action(Action.EXPORT),
            "query": query.urlencode(),
        },
    )


@requires(Action.EXPORT)
def case_list_export(request: HttpRequest) -> StreamingHttpResponse:
    """The case list with its filters as CSV, without identities; each export is audited."""
    _form, filters = _list_filters(request)
    _total, rows = exports.case_export(actor=signed_in(request), filters=filters)
    stamp = timezone.localdate().isoformat()
    response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="lentera-kasus-{stamp}.csv"'
    return response


@requires(Action.CREATE_CASE)
def case_create(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    initial = {"region_code": actor.region.code if actor.region else ""}
    form = CaseFactsForm(request.POST or None, initial=initial)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.case_open(
                actor=actor, region=_region(data["region_code"]), **legal.case_kwargs(form)
            ),
            done=lambda case: _("Case %(ref)s opened.") % {"ref": case.reference},
        )
        if outcome.ok:
            return redirect("cases:detail", case_id=outcome.value.pk)
    return render(request, "cases/form.html", {"form": form, "case": None})


def _case_for(request: HttpRequest, case_id: int, action: Action = Action.VIEW_CASE) -> Case:
    """The case for ``action``: not found when the user cannot see it, 403 when they see it but
    may not do ``action`` on it (a grantee never edits)."""
    if action == Action.VIEW_CASE:
        return cases.get_for(request.user, action, case_id)
    return cases.get_to_act(request.user, action, case_id, read=Action.VIEW_CASE)


def _label_list(field: str, codes: list[str], lang: str) -> list[str]:
    labels = []
    for code in codes:
        try:
            labels.append(code_label(field, code, lang))
        except Exception:
            labels.append(code)
    return labels


@requires(Action.VIEW_CASE)
def case_detail(request: HttpRequest, case_id: int) -> HttpResponse:
    return _render_detail(request, _case_for(request, case_id))


def _render_detail(
    request: HttpRequest,
    case: Case,
    *,
    bound: dict[str, Any] | None = None,
    status: int = 200,
) -> HttpResponse:
    """The case file; ``bound`` replaces blank forms with ones the user submitted with errors,
    so what they typed is shown again beside what to fix."""
    user = signed_in(request)
    file = selectors.case_file(user=user, case=case)
    sections = file.sections
    can_edit = cases.can(user, Action.EDIT_CASE, case)
    lang = "en" if request.LANGUAGE_CODE.startswith("en") else "id"
    parties: list[dict[str, Any]] = [
        {
            "party": row.party,
            "pseudonym": row.pseudonym,
            "official": row.official,
            "legal": legal.party_labels(row.party, lang, complicity=row.official),
        }
        for row in file.parties
    ]
    context: dict[str, Any] = {
        "case": case,
        "sections": sections,
        "can_edit": can_edit,
        "identity": file.narrative_visible,
        "can_reveal": user.has_action(Action.VIEW_IDENTITY)
        and (file.narrative_visible or bool(file.identified())),
        "parties": parties,
        "acts": _label_list("acts", case.acts, lang),
        "means": _label_list("means", case.means, lang),
        "exploitation": [
            ExploitationType(c).label
            for c in case.exploitation_types
            if c in ExploitationType.values
        ],
        "control": [
            ControlMethod(c).label for c in case.control_methods if c in ControlMethod.values
        ],
        "journey": file.journey(),
        "documents": file.documents(),
        "notes": file.notes(),
        "timeline": file.timeline(),
        "qualifications": file.qualifications(),
        "grants": file.grants(),
        "next_statuses": [CaseStatus(s) for s in TRANSITIONS[CaseStatus(case.status)]],
        "can_qualify": user.has_action(Action.QUALIFY),
        "can_protect": user.has_action(Action.PROVIDE_SERVICE),
        "has_suspects": any(row["party"].role == "suspect" for row in parties),
        "complaints": file.complaints(),
    }
    context.update(legal.detail_context(user, case, file, lang))
    if can_edit:
        context.update(
            party_form=PartyForm(),
            search_form=PersonSearchForm(),
            leg_form=JourneyLegForm(),
            document_form=DocumentForm(),
            note_form=NoteForm(),
            status_form=StatusForm(),
            victim_form=VictimStatusForm(),
        )
    if cases.can(user, Action.SHARE_CASE, case):
        context["share_form"] = ShareForm()
        context["hand_over_form"] = HandOverForm()
    context.update(bound or {})
    return render(request, "cases/detail.html", context, status=status)


@requires(Action.EDIT_CASE)
def case_edit(request: HttpRequest, case_id: int) -> HttpResponse:
    actor = signed_in(request)
    case = _case_for(request, case_id, Action.EDIT_CASE)
    if request.method == "POST":
        form = legal.edit_form(case, actor, request.POST)
        outcome = submit(
            request,
            form,
            lambda data: services.case_update_facts(
                actor=actor,
                case=case,
                version=int(request.POST.get("version", "0")),
                parties=form.party_facts(),
                region=_region(data["region_code"]) if data["region_code"] else None,
                **legal.case_kwargs(form),
            ),
            done=_("Changes saved."),
        )
        if outcome.ok:
            return redirect("cases:detail", case_id=case.pk)
    else:
        record_access(
            user=actor,
            obj=case,
            fields=["narrative"],
            purpose=AccessPurpose.CASE_HANDLING,
            purpose_note="edit form",
        )
        form = legal.edit_form(case, actor)
    return render(request, "cases/form.html", {"form": form, "case": case})


@requires(Action.VIEW_IDENTITY)
@require_POST
def case_reveal(request: HttpRequest, case_id: int) -> HttpResponse:
    """Show the narrative and notes (when the reader's access includes them) and the names of
    the parties whose identity the reader holds (each read logged)."""
    user = signed_in(request)
    case = _case_for(request, case_id)
    file = selectors.case_file(user=user, case=case)
    identified = [row.party for row in file.identified()]
    if not (file.narrative_visible or identified):
        raise PermissionDenied
    purpose = request.POST.get("purpose", "")
    if purpose not in AccessPurpose.values:
        purpose = AccessPurpose.CASE_HANDLING
    notes = list(file.notes())
    if file.narrative_visible:
        record_access(
            user=user,
            obj=case,
            fields=["narrative", "notes"],
            purpose=purpose,
            purpose_note=request.POST.get("purpose_note", ""),
        )
    for party in identified:
        record_access(
            user=user,
            obj=party.person,
            fields=["full_name"],
            purpose=purpose,
            purpose_note=f"case {case.reference}",
        )
    return render(
        request,
        "cases/_identity.html",
        {
            "case": case,
            "show_narrative": file.narrative_visible,
            "narrative": unseal(case.narrative) if file.narrative_visible else "",
            "names": [(p, unseal(p.person.full_name)) for p in identified],
            "notes": [(n, unseal(n.text)) for n in notes],
        },
    )


@requires(Action.EDIT_CASE)
@require_POST
def party_search(request: HttpRequest, case_id: int) -> HttpResponse:
    """Search before create: possible matches among the people whose identity the officer's
    agency holds (sent by POST so no identifier lands in a URL or a log)."""
    case = _case_for(request, case_id, Action.EDIT_CASE)
    form = PersonSearchForm(request.POST)
    matches = []
    held_by: list[Any] = []
    if form.is_valid() and any(form.cleaned_data.values()):
        lookup = identifier_lookup(user=signed_in(request), **form.cleaned_data)
        matches = [{"match": m, "pseudonym": pseudonym_of(m.person)} for m in lookup.matches]
        held_by = lookup.held_by
    return render(
        request,
        "cases/_matches.html",
        {
            "case": case,
            "matches": matches,
            "held_by": held_by,
            "searched": form.is_bound,
            "party_form": PartyForm(auto_id=False),  # one row per match: no ids twice on the page
        },
    )


def _post_action(
    form_class: Any, key: str | None, *, files: bool = False
) -> Callable[[Callable[..., str]], Callable[..., HttpResponseBase]]:
    """POST-only, EDIT_CASE on the case. The view gets the valid form and returns the success
    message. An invalid form or a refused service call shows the case again with the submitted
    form and its errors (nothing typed is lost); ``key`` None (forms repeated per row) reports
    the errors as messages instead."""

    def decorate(view: Callable[..., str]) -> Callable[..., HttpResponseBase]:
        @requires(Action.EDIT_CASE)
        @require_POST
        def wrapped(request: HttpRequest, case_id: int, **kwargs: Any) -> HttpResponse:
            case = _case_for(request, case_id, Action.EDIT_CASE)
            form = form_class(request.POST, request.FILES if files else None)
            outcome = submit(
                request,
                form,
                lambda _data: view(request, case, form, **kwargs),
                done=lambda text: text,
                conflict_as_message=key is not None,
            )
            if outcome.ok:
                return redirect("cases:detail", case_id=case.pk)
            if key is None:
                outcome.flash(request, invalid=_("Please correct the errors below."))
                return redirect("cases:detail", case_id=case.pk)
            if outcome.conflict:
                # someone else was faster: show the case as it is now, keep what was typed
                case.refresh_from_db()
            else:
                messages.error(request, _("Nothing was saved: please correct the form."))
            return _render_detail(request, case, bound={key: form}, status=outcome.status)

        wrapped.__name__ = view.__name__
        return wrapped

    return decorate


@_post_action(PartyForm, "party_form")
def party_add(request: HttpRequest, case: Case, form: PartyForm) -> str:
    actor = signed_in(request)
    data = form.cleaned_data
    if data["person_id"]:
        from lentera.apps.people.policies import people

        person = people.get_for(actor, Action.VIEW_PERSON, data["person_id"])
    else:
        if not data["full_name"]:
            raise ValidationError(
                {"full_name": _("Choose a person from the matches or give a name.")}
            )
        person = person_create(
            actor=actor,
            owner_agency=actor.agency,  # type: ignore[arg-type]
            full_name=data["full_name"],
            sex=data["sex"],
            birth_date=data["birth_date"],
            nik=data["nik"],
            phones=[p for p in data["phones"].splitlines() if p.strip()],
            region=case.region,
        )
    services.case_add_party(
        actor=actor,
        case=case,
        person=person,
        role=data["role"],
        network_role=data["network_role"] or "",
        is_official=data["is_official"],
        age_at_offence=data["age_at_offence"],
        **form.party_facts(),
    )
    return _("Person added to the case.")


@_post_action(VictimStatusForm, None)
def victim_status(request: HttpRequest, case: Case, form: VictimStatusForm, party_id: int) -> str:
    party = CaseParty.objects.filter(case=case, pk=party_id).first()
    if party is None:
        raise NotFound()
    services.victim_decide(
        actor=signed_in(request),
        party=party,
        status=form.cleaned_data["status"],
        from_status=form.cleaned_data["from_status"] or None,
    )
    return _("Victim identification recorded.")


@_post_action(JourneyLegForm, "leg_form")
def leg_add(request: HttpRequest, case: Case, form: JourneyLegForm) -> str:
    data = dict(form.cleaned_data)
    data["origin_country"] = _country(data["origin_country"], "origin_country")
    data["destination_country"] = _country(data["destination_country"], "destination_country")
    services.journey_add_leg(actor=signed_in(request), case=case, **data)
    return _("Journey leg added.")


@_post_action(DocumentForm, "document_form", files=True)
def document_add(request: HttpRequest, case: Case, form: DocumentForm) -> str:
    upload = form.cleaned_data["file"]
    services.document_add(
        actor=signed_in(request),
        case=case,
        filename=upload.name,
        content=upload,
        description=form.cleaned_data["description"],
    )
    return _("Document added.")


@_post_action(NoteForm, "note_form")
def note_add(request: HttpRequest, case: Case, form: NoteForm) -> str:
    services.note_add(actor=signed_in(request), case=case, text=form.cleaned_data["text"])
    return _("Note added.")


@_post_action(StatusForm, "status_form")
def status_change(request: HttpRequest, case: Case, form: StatusForm) -> str:
    services.case_set_status(
        actor=signed_in(request),
        case=case,
        status=form.cleaned_data["status"],
        reason=form.cleaned_data["reason"],
        from_status=form.cleaned_data["from_status"],
    )
    return _("Status changed.")


@requires(Action.SHARE_CASE)
@require_POST
def share(request: HttpRequest, case_id: int) -> HttpResponse:
    case = _case_for(request, case_id, Action.SHARE_CASE)
    form = ShareForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.case_share(actor=signed_in(request), case=case, **data),
        done=_("Access granted."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=form.errors.as_text())
    return redirect("cases:detail", case_id=case.pk)


@requires(Action.SHARE_CASE)
@require_POST
def share_revoke(request: HttpRequest, case_id: int, grant_id: int) -> HttpResponse:
    case = _case_for(request, case_id, Action.SHARE_CASE)
    grant = CaseGrant.objects.filter(case=case, pk=grant_id).first()
    if grant is None:
        raise NotFound()
    services.case_share_revoke(actor=signed_in(request), grant=grant)
    messages.success(request, _("Access revoked."))
    return redirect("cases:detail", case_id=case.pk)


@requires(Action.VIEW_CASE)
def document_download(request: HttpRequest, case_id: int, document_id: int) -> HttpResponseBase:
    """Documents are served only through the policy, each download is logged, and a file is
    decrypted as it is sent once it is checked whole against the SHA-256 recorded at upload."""
    user = signed_in(request)
    case = _case_for(request, case_id)
    if "documents" not in cases.sections(user, case):
        raise NotFound()
    document = CaseDocument.objects.filter(case=case, pk=document_id).first()
    if document is None:
        raise NotFound()
    try:
        content = evidence.open_verified(
            name=document.file.name or "", sha256=document.sha256, document_id=document.pk
        )
    except evidence.Unreadable:
        text = _(
            "The stored file of this document is missing, or it is not the file that was "
            "uploaded: it was altered, or it is encrypted under a key that is no longer "
            "configured. Nothing was sent. The error is logged; tell the system administrator "
            "(document %(id)s)."
        ) % {"id": document.pk}
        title = _("This document cannot be opened")
        return render(request, "web/plain_error.html", {"title": title, "text": text}, status=500)
    record_access(
        user=user,
        obj=document,
        fields=["file"],
        purpose=AccessPurpose.CASE_HANDLING,
        purpose_note=f"case {case.reference}",
    )
    response = StreamingHttpResponse(content, content_type=document.content_type)
    response["Content-Disposition"] = content_disposition_header(True, f"document-{document.pk}")
    response["Content-Length"] = str(document.size)
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires(Action.QUALIFY)
@require_POST
def case_qualify(request: HttpRequest, case_id: int) -> HttpResponse:
    """Run the qualification on the case's recorded facts, for the whole case or one suspect,
    under the settings chosen, and keep the snapshot (with the settings) on the case."""
    user = signed_in(request)
    case = _case_for(request, case_id)
    form = SettingsForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Please correct the errors below."))
        suspect = legal.suspect_of(case, request.POST.get("party", ""))
        services.qualification_run(
            actor=user,
            facts=selectors.case_facts_for_law(case=case, suspect=suspect),
            case=case,
            lang="en" if request.LANGUAGE_CODE == "en" else "id",
            settings=form.settings(),
            party=suspect,
        )
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Qualification run; the snapshot is kept on the case."))
    return redirect("cases:detail", case_id=case.pk)
