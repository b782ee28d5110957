"""REST endpoints of the person index: list, look-up by identifier, detail, identity reveal, accounts."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.pagination import CappedPagination
from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.people import selectors as people_selectors
from lentera.apps.people import serializers as people_s
from lentera.apps.people import services as people_services
from lentera.apps.people.matching import identifier_lookup
from lentera.apps.people.policies import people
from lentera.apps.people.serializers import person_out

PERMS = [HasAction]


class PersonList(APIView):
    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_PERSON, "POST": Action.CREATE_PERSON}

    @extend_schema(
        parameters=[
            OpenApiParameter("q", str, description="Initials or part of a pseudonym."),
            OpenApiParameter("sex", str),
            OpenApiParameter("child", str, description="`yes` or `no`."),
            PAGE,
        ],
        responses=paginated(people_s.PersonOut),
    )
    def get(self, request: Request) -> Response:
        if people_selectors.is_identifier(request.query_params.get("q", "")):
            raise serializers.ValidationError(
                {"q": _("Look up a NIK or phone number with POST /api/v1/people/search.")}
            )
        qs = people_selectors.person_list(
            user=request.user,
            sex=request.query_params.get("sex", ""),
            child=request.query_params.get("child", ""),
            q=request.query_params.get("q", ""),
        )

        paginator = CappedPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([person_out(p) for p in page])

    @extend_schema(request=people_s.PersonIn, responses={201: people_s.PersonOut})
    def post(self, request: Request) -> Response:
        data = people_s.PersonIn(data=request.data)
        data.is_valid(raise_exception=True)
        person = people_services.person_create(
            actor=signed_in(request),
            owner_agency=signed_in(request).agency,  # type: ignore[arg-type]
            **data.validated_data,
        )
        return Response(person_out(person), status=status.HTTP_201_CREATED)


class LookupIn(serializers.Serializer[dict[str, Any]]):
    q = serializers.CharField(required=False, allow_blank=True, default="", max_length=64)
    nik = serializers.CharField(required=False, allow_blank=True, default="", max_length=32)
    phone = serializers.CharField(required=False, allow_blank=True, default="", max_length=32)
    name = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class PersonSearch(APIView):
    """Look people up by NIK, phone or name (in the body, never in the URL). Answers the people
    whose identity you hold and, for other matching records, only the agencies holding them.
    Every look-up is written to the access log."""

    permission_classes = PERMS
    required_action = Action.VIEW_PERSON

    @extend_schema(request=LookupIn, responses=people_s.PersonSearchOut)
    def post(self, request: Request) -> Response:
        data = LookupIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        if d["q"].strip():
            lookup = people_selectors.person_lookup(user=request.user, q=d["q"], channel="api")
        else:
            lookup = identifier_lookup(
                user=request.user, nik=d["nik"], phone=d["phone"], name=d["name"], channel="api"
            )
        return Response(
            {
                "results": [person_out(m.person) | {"reasons": m.reasons} for m in lookup.matches],
                "held_by": [{"id": a.pk, "name": a.name} for a in lookup.held_by],
            }
        )


class PersonDetail(APIView):
    permission_classes = PERMS
    required_action = Action.VIEW_PERSON

    @extend_schema(responses=people_s.PersonOut)
    def get(self, request: Request, person_id: int) -> Response:
        person = people.get_for(request.user, Action.VIEW_PERSON, person_id)
        return Response(person_out(person))


class PersonIdentity(APIView):
    """Reveal a person's identity; the purpose is required and the read is logged."""

    permission_classes = PERMS
    required_action = Action.VIEW_IDENTITY

    @extend_schema(request=people_s.IdentityRequest, responses=people_s.IdentityOut)
    def post(self, request: Request, person_id: int) -> Response:
        person = people.get_for(request.user, Action.VIEW_PERSON, person_id)
        data = people_s.IdentityRequest(data=request.data)
        data.is_valid(raise_exception=True)
        identity = people_services.identity_reveal(
            user=signed_in(request),
            person=person,
            channel="api",
            **data.validated_data,
        )
        return Response(identity)


class AccountIn(serializers.Serializer[dict[str, Any]]):
    kind = serializers.CharField()
    provider = serializers.CharField(max_length=60)
    identifier = serializers.CharField(max_length=120)


class PersonAccounts(APIView):
    """Add a bank, e-wallet or social account to a person (identity; the agency that may edit)."""

    permission_classes = PERMS
    required_action = Action.EDIT_PERSON

    @extend_schema(request=AccountIn, responses={201: people_s.AccountCreatedOut})
    def post(self, request: Request, person_id: int) -> Response:
        person = people.get_to_act(
            request.user, Action.EDIT_PERSON, person_id, read=Action.VIEW_PERSON
        )
        data = AccountIn(data=request.data)
        data.is_valid(raise_exception=True)
        account = people_services.person_add_account(
            actor=signed_in(request), person=person, **data.validated_data
        )
        return Response(
            {"id": account.pk, "kind": account.kind, "provider": account.provider},
            status=status.HTTP_201_CREATED,
        )
