"""Pages for signing in, the second factor, one's own account, users, agencies and the audit trail."""

from __future__ import annotations

import base64
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from lentera.apps.accounts import selectors, services
from lentera.apps.accounts.concurrency import Conflict
from lentera.apps.accounts.decorators import login_only, public, requires, signed_in
from lentera.apps.accounts.forms import (
    AccessLogFilterForm,
    AgencyForm,
    ApiTokenForm,
    AuditFilterForm,
    PasswordChangeForm,
    RolesForm,
    SecondFactorForm,
    UserCreateForm,
)
from lentera.apps.accounts.middleware import needs_second_factor
from lentera.apps.accounts.models import Agency, ApiToken
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound, agencies, users
from lentera.apps.reference.models import Region
from lentera.web.flow import submit


def _client_ip(request: HttpRequest) -> str | None:
    return request.META.get("REMOTE_ADDR")


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.login_recorded(
            user=form.get_user(),
            username=form.get_user().username,
            succeeded=True,
            ip=_client_ip(self.request),
        )
        if needs_second_factor(form.get_user()):
            return HttpResponseRedirect(
                reverse("accounts:second_factor") + f"?next={self.get_success_url()}"
            )
        return response

    def form_invalid(self, form: Any) -> HttpResponse:
        services.login_recorded(
            user=None,
            username=self.request.POST.get("username", ""),
            succeeded=False,
            ip=_client_ip(self.request),
        )
        return super().form_invalid(form)


@public
@require_POST
def logout_view(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, _("You have signed out."))
    return redirect("accounts:login")


def _safe_next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or default
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return default


@login_only
def second_factor(request: HttpRequest) -> HttpResponse:
    """Verify the TOTP code, or set up an authenticator first when the user has none."""
    user = signed_in(request)
    next_url = _safe_next(request, reverse("web:dashboard"))
    confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    form = SecondFactorForm(request.POST or None)
    if confirmed is not None:
        if request.method == "POST" and form.is_valid():
            if confirmed.verify_token(form.cleaned_data["token"].replace(" ", "")):
                otp_login(request, confirmed)
                return redirect(next_url)
            form.add_error("token", _("The code is not correct or has expired. Try again."))
        return render(request, "accounts/second_factor.html", {"form": form, "next": next_url})
    # Setting up
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = services.totp_start(user=user)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.totp_confirm(user=user, device=device, token=data["token"]),
            done=_("Your authenticator is set up."),
        )
        if outcome.ok:
            otp_login(request, device)
            return redirect(next_url)
    secret = base64.b32encode(device.bin_key).decode()
    qr = segno.make(device.config_url, error="m").svg_data_uri(scale=4)
    return render(
        request,
        "accounts/second_factor_setup.html",
        {"form": form, "next": next_url, "secret": secret, "qr": qr},
    )


@login_only
def profile(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = PasswordChangeForm(request.POST or None)
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.password_change(user=user, **data),
            done=_("Your password has been changed."),
        )
        if outcome.ok:
            from django.contrib.auth import update_session_auth_hash

            update_session_auth_hash(request, user)
            return redirect("accounts:profile")
    has_totp = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "has_totp": has_totp, "must_have_totp": needs_second_factor(user)},
    )


@login_only
@require_POST
def totp_remove(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    if needs_second_factor(user):
        messages.error(request, _("Your role requires a second factor; it cannot be removed."))
    else:
        services.totp_remove(actor=user, user=user)
        messages.success(request, _("The second factor has been removed."))
    return redirect("accounts:profile")


@requires(Action.USE_API)
def api_tokens(request: HttpRequest) -> HttpResponse:
    user = signed_in(request)
    form = ApiTokenForm(request.POST or None)
    new_secret = None
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.api_token_create(actor=user, **data),
            done=None,
        )
        if outcome.ok:
            _token, new_secret = outcome.value
            form = ApiTokenForm()
    tokens = ApiToken.objects.filter(user=user)
    return render(
        request,
        "accounts/api_tokens.html",
        {"form": form, "tokens": tokens, "new_secret": new_secret},
    )


@requires(Action.USE_API)
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    user = signed_in(request)
    token = ApiToken.objects.filter(user=user, pk=token_id).first()
    if token is None:
        raise NotFound()
    try:
        services.api_token_revoke(actor=user, token=token)
    except Conflict as exc:  # revoked at the same moment from another tab or by an admin
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The token has been revoked."))
    return redirect("accounts:api_tokens")


# --- user administration --------------------------------------------------------------------


@requires(Action.MANAGE_USERS)
def user_list(request: HttpRequest) -> HttpResponse:
    qs = (
        users.visible(request.user, Action.MANAGE_USERS)
        .select_related("agency")
        .prefetch_related("role_assignments")
        .order_by("username")
    )
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/user_list.html", {"page": page})


@requires(Action.MANAGE_USERS)
def user_create(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    allowed_agencies = (
        agencies.visible(actor, Action.VIEW_DASHBOARD)
        if actor.has_action(Action.MANAGE_AGENCIES)
        else agencies.visible(actor, Action.VIEW_DASHBOARD).filter(pk=actor.agency_id or 0)
    )
    form = UserCreateForm(
        request.POST or None,
        agencies=allowed_agencies,
        initial={"agency": actor.agency_id, "preferred_language": "id"},
    )
    if request.method == "POST":
        outcome = submit(
            request,
            form,
            lambda data: services.user_create(
                actor=actor,
                username=data["username"],
                password=data["password"],
                agency=data["agency"],
                roles=data["roles"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
                preferred_language=data["preferred_language"],
            ),
            done=lambda user: _("User %(name)s created.") % {"name": user.username},
        )
        if outcome.ok:
            return redirect("accounts:user_detail", user_id=outcome.value.pk)
    return render(request, "accounts/user_form.html", {"form": form})


@requires(Action.MANAGE_USERS)
def user_detail(request: HttpRequest, user_id: int) -> HttpResponse:
    actor = signed_in(request)
    subject = users.get_for(actor, Action.MANAGE_USERS, user_id)
    form = RolesForm(request.POST or None, initial={"roles": [str(r) for r in subject.role_set]})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "roles" and form.is_valid():
                services.user_set_roles(actor=actor, user=subject, roles=form.cleaned_data["roles"])
                messages.success(request, _("Roles saved."))
            elif action in {"activate", "deactivate"}:
                services.user_set_active(actor=actor, user=subject, active=action == "activate")
                messages.success(request, _("Account status saved."))
            elif action == "unlock":
                services.user_unlock(actor=actor, user=subject)
                messages.success(request, _("Sign-in lock lifted."))
            elif action == "reset_totp":
                services.totp_remove(actor=actor, user=subject)
                messages.success(request, _("Second factor reset; the user sets it up again."))
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            return redirect("accounts:user_detail", user_id=subject.pk)
    return render(request, "accounts/user_detail.html", {"subject": subject, "form": form})


@requires(Action.MANAGE_AGENCIES)
def agency_list(request: HttpRequest) -> HttpResponse:
    actor = signed_in(request)
    qs = agencies.visible(actor, Action.MANAGE_AGENCIES).select_related("region")
    form = AgencyForm(request.POST or None)

    def create(data: dict[str, Any]) -> Agency:
        region = None
        if data["region_code"]:
            region = Region.objects.filter(code=data["region_code"].strip()).first()
            if region is None:
                raise ValidationError({"region_code": _("No region has this code.")})
        return services.agency_create(
            actor=actor,
            name=data["name"],
            short_name=data["short_name"],
            agency_type=data["agency_type"],
            region=region,
            time_zone=data["time_zone"],
            address=data["address"],
            phone=data["phone"],
            email=data["email"],
        )

    if request.method == "POST":
        outcome = submit(
            request, form, create, done=lambda new: _("Agency %(name)s added.") % {"name": new.name}
        )
        if outcome.ok:
            return redirect("accounts:agencies")
    return render(request, "accounts/agency_list.html", {"agencies": qs, "form": form})


# --- audit ----------------------------------------------------------------------------------


@requires(Action.VIEW_AUDIT)
def audit_events(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.audit_event_list(user=request.user, filters=filters)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    template = "accounts/_audit_rows.html" if request.htmx else "accounts/audit.html"  # type: ignore[attr-defined]
    return render(request, template, {"form": form, "page": page})


@requires(Action.VIEW_AUDIT)
def access_log(request: HttpRequest) -> HttpResponse:
    form = AccessLogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.access_log_list(user=request.user, filters=filters)
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "accounts/access_log.html", {"form": form, "page": page})
