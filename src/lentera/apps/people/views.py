"""Pages of the person index: list, register, view (pseudonym), reveal identity (logged), edit."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lentera.apps.accounts.decorators import requires, signed_in
from lentera.apps.accounts.identity import sealed_json
from lentera.apps.accounts.permissions import Action
from lentera.apps.insights.selectors import linked_records
from lentera.apps.people import selectors, services
from lentera.apps.people.forms import AccountForm, PersonForm, RevealForm, split_lines
from lentera.apps.people.models import Person, Sex
from lentera.apps.people.policies import people
from lentera.apps.reference.models import Region
from lentera.privacy import unseal
from lentera.web.flow import submit
from lentera.web.paging import CappedPaginator


@requires(Action.VIEW_PERSON)
def person_list(request: HttpRequest) -> HttpResponse:
    """The index by pseudonym, filtered by GET. A NIK or phone is looked up by POST only (so it
    never lands in a URL or a server log), among the people whose identity the user holds."""
    source = request.POST if request.method == "POST" else request.GET
    q = source.get("q", "").strip()
    lookup = None
    if q and selectors.is_identifier(q):
        if request.method != "POST":
            return render(
                request,
                "people/list.html",
                {"rows": [], "sexes": Sex.choices, "refused": True},
                status=400,
            )
        lookup = selectors.person_lookup(user=request.user, q=q)
        qs: Any = [m.person for m in lookup.matches]
        page = None
        rows = [(p, selectors.pseudonym_of(p)) for p in qs]
    else:
        qs = selectors.person_list(
            user=request.user,
            sex=source.get("sex", ""),
            child=source.get("child", ""),
            q=q,
        )
        page = CappedPaginator(qs, 50).get_page(request.GET.get("page"))
        rows = [(p, selectors.pseudonym_of(p)) for p in page]
    return render(
        request,
        "people/list.html",
        {
            "page": page,
            "rows": rows,
            "q": q,
            "sex": source.get("sex", ""),
            "child": source.get("child", ""),
            "lookup": lookup,
            "refused": False,
            "sexes": Sex.choices,
            "can_create": signed_in(request).has_action(Action.CREATE_PERSON),
        },
    )


def _form_kwargs(form: PersonForm) -> dict[str, Any]:
    data = form.cleaned_data
    region = None
    if data["region_code"]:
        region = Region.objects.filter(code=data["region_code"].strip()).first()
        if region is None:
            raise ValidationError({"region_code": _("No region has this code.")})
    return {
        "full_name": data["full_name"],
        "aliases": split_lines(data["aliases"]),
        "sex": data["sex"],
        "birth_date": data["birth_date"],
        "nik": data["nik"],
        "phones": split_lines(data["phones"]),
        "address": data["address"],
        "region": region,
        "nationality": data["nationality"],
        "accept_nik_mismatch": data["accept_nik_mismatch"],
    }


@requires(Action.CREATE_PERSON)
def person_create(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    form = PersonForm(request.POST or None, request.FILES or None)

    def create(data: dict[str, Any]) -> Person:
        upload = data.get("photo")
        return services.person_create(
            actor=actor,
            owner_agency=actor.agency,  # type: ignore[arg-type]
            photo=upload.read() if upload else None,
            **_form_kwargs(form),
        )

    if request.method == "POST":
        outcome = submit(request, form, create, done=_("Person registered."))
        if outcome.ok:
            return redirect("people:detail", person_id=outcome.value.pk)
    return render(request, "people/form.html", {"form": form, "person": None})


@requires(Action.VIEW_PERSON)
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    person = people.get_for(request.user, Action.VIEW_PERSON, person_id)
    return render(
        request,
        "people/detail.html",
        {
            "person": person,
            "pseudonym": selectors.pseudonym_of(person),
            "can_reveal": people.can_see_identity(request.user, person),
            "can_edit": people.can(request.user, Action.EDIT_PERSON, person),
            "reveal_form": RevealForm(),
            "account_form": AccountForm(),
            "linked": linked_records(user=request.user, person=person),
        },
    )


@requires(Action.VIEW_IDENTITY)
@require_POST
def person_reveal(request: HttpRequest, person_id: int) -> HttpResponse:
    user = signed_in(request)
    person = people.get_for(user, Action.VIEW_PERSON, person_id)
    form = RevealForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.identity_reveal(user=user, person=person, **data),
        done=None,
    )
    identity = outcome.value if outcome.ok else None
    context = {"person": person, "identity": identity, "reveal_form": form}
    template = "people/_identity.html" if request.htmx else "people/identity_page.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@requires(Action.EDIT_PERSON)
def person_edit(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = signed_in(request)
    person = people.get_to_act(actor, Action.EDIT_PERSON, person_id, read=Action.VIEW_PERSON)
    if not people.can_see_identity(actor, person):
        raise PermissionDenied
    if request.method == "POST":
        form = PersonForm(request.POST)
        outcome = submit(
            request,
            form,
            lambda _data: services.person_update(
                actor=actor,
                person=person,
                version=int(request.POST.get("version", "0")),
                **_form_kwargs(form),
            ),
            done=_("Changes saved."),
        )
        if outcome.ok:
            return redirect("people:detail", person_id=person.pk)
    else:
        # Editing shows the identity, so it is a logged read.
        services.identity_reveal(
            user=actor, person=person, purpose="case_handling", purpose_note="edit form"
        )
        form = PersonForm(
            initial={
                "full_name": unseal(person.full_name),
                "aliases": "\n".join(sealed_json(person.aliases)),
                "sex": person.sex,
                "birth_date": person.birth_date,
                "nik": unseal(person.nik),
                "phones": "\n".join(sealed_json(person.phones)),
                "address": unseal(person.address),
                "region_code": person.region.code if person.region else "",
                "nationality": person.nationality_id,
            }
        )
    return render(request, "people/form.html", {"form": form, "person": person})


@requires(Action.EDIT_PERSON)
@require_POST
def person_account_add(request: HttpRequest, person_id: int) -> HttpResponse:
    actor = signed_in(request)
    person = people.get_to_act(actor, Action.EDIT_PERSON, person_id, read=Action.VIEW_PERSON)
    form = AccountForm(request.POST)
    outcome = submit(
        request,
        form,
        lambda data: services.person_add_account(actor=actor, person=person, **data),
        done=_("Account added."),
    )
    if not outcome.ok:
        outcome.flash(request, invalid=form.errors.as_text())
    return redirect("people:detail", person_id=person.pk)
