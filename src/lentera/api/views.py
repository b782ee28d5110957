"""REST endpoints under /api/v1/. Thin: parse, check the declared action, call a selector or service."""

from __future__ import annotations

from typing import Any, cast

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api import serializers as s
from lentera.api.permissions import HasAction
from lentera.apps.accounts import selectors as account_selectors
from lentera.apps.accounts.models import AccessLog, Agency, AuditEvent, TaskForce, User
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import agencies, task_forces
from lentera.apps.cases import services as case_services
from lentera.apps.insights import selectors as insight_selectors
from lentera.apps.insights import services as insight_services
from lentera.apps.insights.policies import matches as linkage_matches
from lentera.apps.insights.policies import runs as linkage_runs
from lentera.apps.people import selectors as people_selectors
from lentera.apps.people import services as people_services
from lentera.apps.people.matching import identifier_lookup
from lentera.apps.people.models import Person
from lentera.apps.people.policies import people
from lentera.apps.reference import services as reference_services
from lentera.apps.reference.models import Country, DestinationPolicy, Region

PERMS = [HasAction]


def actor_of(request: Request) -> User:
    """The signed-in user (HasAction has already refused anonymous requests)."""
    return cast(User, request.user)


def person_out(person: Person) -> dict[str, Any]:
    pseudo = people_selectors.pseudonym_of(person)
    return {
        "id": person.pk,
        "initials": pseudo.initials,
        "age_band": pseudo.age_band,
        "sex": person.sex,
        "is_child": pseudo.is_child,
        "owner_agency": person.owner_agency_id,
        "region": person.region.code if person.region else None,
    }


class SchemaView(SpectacularAPIView):
    """The OpenAPI description, for anyone who may use the API."""

    permission_classes = PERMS
    required_action = Action.USE_API


class DocsView(SpectacularSwaggerSplitView):
    """The API's browsable documentation (Swagger UI), for anyone who may use the API."""

    permission_classes = PERMS
    required_action = Action.USE_API


class MeView(APIView):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD

    @extend_schema(responses=s.MeOut)
    def get(self, request: Request) -> Response:
        return Response(s.MeOut(actor_of(request)).data)


class AgencyList(generics.ListAPIView[Agency]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = s.AgencyOut

    def get_queryset(self) -> QuerySet[Agency]:
        return agencies.visible(self.request.user, Action.VIEW_DASHBOARD).select_related("region")


class TaskForceList(generics.ListAPIView[TaskForce]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = s.TaskForceOut

    def get_queryset(self) -> QuerySet[TaskForce]:
        return (
            task_forces.visible(self.request.user, Action.VIEW_DASHBOARD)
            .select_related("region")
            .prefetch_related("memberships__sub_task_force")
        )


class RegionList(generics.ListAPIView[Region]):
    """Regions by name or code prefix (``q``), children of ``parent``, or one ``level``."""

    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = s.RegionOut

    def get_queryset(self) -> QuerySet[Region]:
        qs = Region.objects.select_related("parent")
        params = self.request.query_params
        if params.get("q"):
            qs = qs.filter(Q(name__icontains=params["q"]) | Q(code__startswith=params["q"]))
        if params.get("parent"):
            qs = qs.filter(parent__code=params["parent"])
        if params.get("level"):
            qs = qs.filter(level=params["level"])
        return qs


class CountryList(generics.ListAPIView[Country]):
    permission_classes = PERMS
    required_action = Action.VIEW_DASHBOARD
    serializer_class = s.CountryOut
    pagination_class = None
    queryset = Country.objects.all()


class DestinationPolicyList(APIView):
    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_DASHBOARD, "POST": Action.MANAGE_REFERENCE}

    @extend_schema(responses=s.DestinationPolicyOut(many=True))
    def get(self, request: Request) -> Response:
        qs = DestinationPolicy.objects.all()
        if request.query_params.get("country"):
            qs = qs.filter(country_id=request.query_params["country"].upper())
        return Response(s.DestinationPolicyOut(qs, many=True).data)

    @extend_schema(request=s.DestinationPolicyIn, responses={201: s.DestinationPolicyOut})
    def post(self, request: Request) -> Response:
        data = s.DestinationPolicyIn(data=request.data)
        data.is_valid(raise_exception=True)
        policy = reference_services.destination_policy_save(
            actor=actor_of(request),
            policy=None,
            **data.validated_data,
        )
        return Response(s.DestinationPolicyOut(policy).data, status=status.HTTP_201_CREATED)


class PersonList(APIView):
    permission_classes = PERMS
    required_action = {"GET": Action.VIEW_PERSON, "POST": Action.CREATE_PERSON}

    @extend_schema(responses=s.PersonOut(many=True))
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
        from rest_framework.pagination import PageNumberPagination

        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([person_out(p) for p in page])

    @extend_schema(request=s.PersonIn, responses={201: s.PersonOut})
    def post(self, request: Request) -> Response:
        data = s.PersonIn(data=request.data)
        data.is_valid(raise_exception=True)
        person = people_services.person_create(
            actor=actor_of(request),
            owner_agency=actor_of(request).agency,  # type: ignore[arg-type]
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

    @extend_schema(request=LookupIn, responses=dict)
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

    @extend_schema(responses=s.PersonOut)
    def get(self, request: Request, person_id: int) -> Response:
        person = people.get_for(request.user, Action.VIEW_PERSON, person_id)
        return Response(person_out(person))


class PersonIdentity(APIView):
    """Reveal a person's identity; the purpose is required and the read is logged."""

    permission_classes = PERMS
    required_action = Action.VIEW_IDENTITY

    @extend_schema(request=s.IdentityRequest, responses=s.IdentityOut)
    def post(self, request: Request, person_id: int) -> Response:
        person = people.get_for(request.user, Action.VIEW_PERSON, person_id)
        data = s.IdentityRequest(data=request.data)
        data.is_valid(raise_exception=True)
        identity = people_services.identity_reveal(
            user=actor_of(request),
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

    @extend_schema(request=AccountIn, responses={201: dict})
    def post(self, request: Request, person_id: int) -> Response:
        person = people.get_to_act(
            request.user, Action.EDIT_PERSON, person_id, read=Action.VIEW_PERSON
        )
        data = AccountIn(data=request.data)
        data.is_valid(raise_exception=True)
        account = people_services.person_add_account(
            actor=actor_of(request), person=person, **data.validated_data
        )
        return Response(
            {"id": account.pk, "kind": account.kind, "provider": account.provider},
            status=status.HTTP_201_CREATED,
        )


class AuditEventList(generics.ListAPIView[AuditEvent]):
    permission_classes = PERMS
    required_action = Action.VIEW_AUDIT
    serializer_class = s.AuditEventOut

    def get_queryset(self) -> QuerySet[AuditEvent]:
        params = self.request.query_params
        filters = {
            k: params[k]
            for k in ("event_type", "actor", "object_type", "object_id")
            if params.get(k)
        }
        return account_selectors.audit_event_list(user=self.request.user, filters=filters)


class AccessLogList(generics.ListAPIView[AccessLog]):
    permission_classes = PERMS
    required_action = Action.VIEW_AUDIT
    serializer_class = s.AccessLogOut

    def get_queryset(self) -> QuerySet[AccessLog]:
        params = self.request.query_params
        filters = {
            k: params[k] for k in ("user", "purpose", "object_type", "object_id") if params.get(k)
        }
        return account_selectors.access_log_list(user=self.request.user, filters=filters)


class Qualify(APIView):
    """The qualification engine: the contract's case-facts object in, its result out.

    ``?lang=en`` gives the reasons in English. Each run is stored as a snapshot.
    """

    permission_classes = PERMS
    required_action = Action.QUALIFY

    @extend_schema(request=dict, responses=dict)
    def post(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            return Response({"detail": "send one case-facts object"}, status=400)
        lang = request.query_params.get("lang", "id")
        result, snapshot = case_services.qualification_run(
            actor=actor_of(request), facts=request.data, lang=lang, channel="api"
        )
        body = result.to_dict(lang if lang in ("id", "en") else "id")
        return Response(body | {"snapshot": snapshot.pk, "engine_version": snapshot.engine_version})


class DecisionIn(serializers.Serializer[dict[str, Any]]):
    same_person = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="")


def match_out(candidate: Any) -> dict[str, Any]:
    return {
        "id": candidate.pk,
        "left": person_out(candidate.left),
        "right": person_out(candidate.right),
        "probability": candidate.probability,
        "reasons": candidate.reasons,
        "name_conflict": candidate.name_conflict,
        "status": candidate.status,
    }


class LinkageRuns(APIView):
    """Start a linkage run over the person records you may see (``run_linkage``)."""

    permission_classes = PERMS
    required_action = Action.RUN_LINKAGE

    @extend_schema(request=None, responses={202: dict})
    def post(self, request: Request) -> Response:
        run = insight_services.linkage_run_start(actor=actor_of(request))
        return Response({"id": run.pk, "status": run.status}, status=status.HTTP_202_ACCEPTED)


class LinkageRunDetail(APIView):
    permission_classes = PERMS
    required_action = Action.RUN_LINKAGE

    @extend_schema(responses=dict)
    def get(self, request: Request, run_id: int) -> Response:
        run = linkage_runs.get_for(request.user, Action.RUN_LINKAGE, run_id)
        return Response(
            {
                "id": run.pk,
                "status": run.status,
                "progress": run.progress,
                "records": run.records,
                "comparisons": run.comparisons,
                "candidates": run.candidates,
                "error": run.error,
            }
        )


class MatchList(APIView):
    permission_classes = PERMS
    required_action = Action.REVIEW_MATCHES

    @extend_schema(responses=dict)
    def get(self, request: Request) -> Response:
        from rest_framework.pagination import PageNumberPagination

        qs = insight_selectors.review_queue(
            user=request.user, status=request.query_params.get("status", "pending")
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([match_out(c) for c in page])


class MatchDecide(APIView):
    permission_classes = PERMS
    required_action = Action.REVIEW_MATCHES

    @extend_schema(request=DecisionIn, responses=dict)
    def post(self, request: Request, candidate_id: int) -> Response:
        candidate = linkage_matches.get_for(request.user, Action.REVIEW_MATCHES, candidate_id)
        data = DecisionIn(data=request.data)
        data.is_valid(raise_exception=True)
        candidate = insight_services.match_decide(
            actor=actor_of(request), candidate=candidate, **data.validated_data
        )
        return Response(match_out(candidate))
