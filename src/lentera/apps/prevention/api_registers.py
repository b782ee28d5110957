"""REST endpoints of outreach, courses and the P3MI register (issue #15), under /api/v1/.

Outreach events are read like the screenings (own agency's, or region-wide) and recorded by
the agency's prevention officers; courses come with their outcome figures and never with a
participant's name; the P3MI register is read whole by everyone who reads screenings."""

from __future__ import annotations

from typing import Any

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.prevention import selectors, services
from lentera.apps.prevention.models import (
    CommunityReport,
    Course,
    DelayRequest,
    OutreachEvent,
    PlacementAgency,
    ReturnOperation,
    TakedownRequest,
)
from lentera.apps.prevention.policies import (
    READ,
    community_reports,
    courses,
    delay_requests,
    does_prevention,
    outreach,
    placement_agencies,
    prospective_workers,
    return_operations,
    takedowns,
)
from lentera.apps.prevention.vocab import AUDIENCE_GROUPS
from lentera.apps.reference.models import Region

Out = serializers.Serializer[dict[str, Any]]


class OutreachEventOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    held_on = serializers.DateField()
    region = serializers.CharField(help_text="Kemendagri code of the kelurahan/desa.")
    place = serializers.CharField()
    organisers = serializers.CharField()
    audience = serializers.DictField(child=serializers.IntegerField())
    materials = serializers.CharField()


class CourseOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    kind = serializers.CharField()
    title = serializers.CharField()
    region = serializers.CharField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    sessions = serializers.IntegerField()
    evaluation_months = serializers.IntegerField()
    figures = serializers.DictField(child=serializers.IntegerField())


class PlacementAgencyOut(Out):
    id = serializers.IntegerField()
    licence_number = serializers.CharField()
    name = serializers.CharField()
    valid_from = serializers.DateField(allow_null=True)
    valid_to = serializers.DateField(allow_null=True)
    status = serializers.CharField()
    head_office = serializers.CharField()
    branches = serializers.ListField(child=serializers.CharField())


def event_out(e: OutreachEvent) -> dict[str, Any]:
    return {
        "id": e.pk,
        "agency": e.agency_id,
        "kind": e.kind,
        "title": e.title,
        "held_on": e.held_on,
        "region": e.region.code,
        "place": e.place,
        "organisers": e.organisers,
        "audience": {name: getattr(e, name) for name, _label in AUDIENCE_GROUPS},
        "materials": e.materials,
    }


def course_out(c: Course) -> dict[str, Any]:
    return {
        "id": c.pk,
        "agency": c.agency_id,
        "kind": c.kind,
        "title": c.title,
        "region": c.region.code,
        "starts_on": c.starts_on,
        "ends_on": c.ends_on,
        "sessions": c.sessions,
        "evaluation_months": c.evaluation_months,
        "figures": selectors.course_figures(c),
    }


def agency_out(a: PlacementAgency) -> dict[str, Any]:
    return {
        "id": a.pk,
        "licence_number": a.licence_number,
        "name": a.name,
        "valid_from": a.valid_from,
        "valid_to": a.valid_to,
        "status": a.status,
        "head_office": a.head_office,
        "branches": a.branches,
    }


class ReadsActivities(BasePermission):
    """GET: the view's policy lets the user read some records; POST: the user does prevention
    work for an agency."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if request.method == "POST":
            return does_prevention(request.user)
        return bool(view.policy.can_read_any(request.user))


class ReadsScreeningsOf(BasePermission):
    """The view's policy lets the user read some of its records."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(view.policy.can_read_any(request.user))


class ReadsRegister(BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return placement_agencies.can_read(request.user)


def _page(view: APIView, request: Request, rows: Any, out: Any) -> Response:
    paginator = PageNumberPagination()
    page: list[Any] = paginator.paginate_queryset(rows, request, view=view) or []
    return paginator.get_paginated_response([out(r) for r in page])


class OutreachEventList(APIView):
    """Outreach events the user may read, newest first; POST records one of the user's agency."""

    permission_classes = [HasAction, ReadsActivities]
    required_action = {"GET": READ, "POST": READ}
    policy = outreach

    @extend_schema(
        parameters=[OpenApiParameter("year", int, required=False), PAGE],
        responses=paginated(OutreachEventOut),
    )
    def get(self, request: Request) -> Response:
        qs = outreach.visible(request.user, READ).select_related("region")
        year = request.query_params.get("year", "")
        if year:
            if not year.isdigit() or not 1900 <= int(year) <= 2100:
                raise ValidationError({"year": [_("Must be a year.")]})
            qs = qs.filter(held_on__year=int(year))
        return _page(self, request, qs, event_out)

    @extend_schema(
        request=inline_serializer(
            "OutreachEventIn",
            {
                "kind": serializers.CharField(),
                "title": serializers.CharField(),
                "held_on": serializers.DateField(),
                "region": serializers.CharField(help_text="Kemendagri code"),
                "place": serializers.CharField(required=False),
                "organisers": serializers.CharField(required=False),
                "materials": serializers.CharField(required=False),
                "audience": serializers.DictField(child=serializers.IntegerField(), required=False),
            },
        ),
        responses={201: OutreachEventOut},
    )
    def post(self, request: Request) -> Response:
        data = request.data if isinstance(request.data, dict) else {}
        held_on = parse_date(str(data.get("held_on") or "")) if data.get("held_on") else None
        region = Region.objects.filter(code=str(data.get("region") or "")).first()
        errors: dict[str, list[str]] = {}
        if held_on is None:
            errors["held_on"] = [_("Must be a date YYYY-MM-DD.")]
        if region is None:
            errors["region"] = [_("Unknown region code.")]
        audience = data.get("audience") or {}
        if not isinstance(audience, dict) or any(
            not isinstance(v, int) or isinstance(v, bool) for v in audience.values()
        ):
            errors["audience"] = [_("Counts by group, as whole numbers.")]
        unknown = [k for k in audience if k not in dict(AUDIENCE_GROUPS)] if not errors else []
        if unknown:
            errors["audience"] = [_("Unknown group: %(group)s") % {"group": ", ".join(unknown)}]
        if errors:
            raise ValidationError(errors)
        assert held_on is not None and region is not None
        event = services.event_record(
            actor=signed_in(request),
            kind=str(data.get("kind") or ""),
            title=str(data.get("title") or ""),
            held_on=held_on,
            region=region,
            place=str(data.get("place") or ""),
            organisers=str(data.get("organisers") or ""),
            materials=str(data.get("materials") or ""),
            audience=audience,
        )
        return Response(event_out(event), status=status.HTTP_201_CREATED)


class CourseList(APIView):
    """Courses the user may read, with their outcome figures (never a participant's name)."""

    permission_classes = [HasAction, ReadsActivities]
    required_action = READ
    policy = courses

    @extend_schema(parameters=[PAGE], responses=paginated(CourseOut))
    def get(self, request: Request) -> Response:
        qs = courses.visible(request.user, READ).select_related("region")
        return _page(self, request, qs, course_out)


class PlacementAgencyList(APIView):
    """The P3MI register, by name; ``status`` filters (active, suspended, revoked)."""

    permission_classes = [HasAction, ReadsRegister]
    required_action = READ

    @extend_schema(
        parameters=[OpenApiParameter("status", str, required=False), PAGE],
        responses=paginated(PlacementAgencyOut),
    )
    def get(self, request: Request) -> Response:
        qs = placement_agencies.visible(request.user, READ)
        if request.query_params.get("status"):
            qs = qs.filter(status=request.query_params["status"])
        return _page(self, request, qs, agency_out)


# -- community reports, delay requests, take-downs (issue #15, items 3-5) -------------------------


def report_out(r: CommunityReport) -> dict[str, Any]:
    """A community report without its reporter or narrative."""
    return {
        "id": r.pk,
        "agency": r.agency_id,
        "received_at": r.received_at,
        "kind": r.kind,
        "channel": r.channel,
        "reporter_role": r.reporter_role,
        "region": r.region.code if r.region else None,
        "people_count": r.people_count,
        "destination": r.destination,
        "placement_agency": r.placement_agency_id,
        "status": r.status,
        "parse_flags": r.parse_flags,
        "case": r.case_id,
    }


class CommunityReportOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    received_at = serializers.DateTimeField()
    kind = serializers.CharField()
    channel = serializers.CharField()
    reporter_role = serializers.CharField()
    region = serializers.CharField(allow_null=True)
    people_count = serializers.IntegerField(allow_null=True)
    destination = serializers.CharField()
    placement_agency = serializers.IntegerField(allow_null=True)
    status = serializers.CharField()
    parse_flags = serializers.ListField(child=serializers.CharField())
    case = serializers.IntegerField(allow_null=True)


class CommunityReportList(APIView):
    """Community reports the user may read (newest first, without reporter or narrative); POST
    records one from a form-like object."""

    permission_classes = [HasAction, ReadsActivities]
    required_action = {"GET": READ, "POST": READ}
    policy = community_reports

    @extend_schema(parameters=[PAGE], responses=paginated(CommunityReportOut))
    def get(self, request: Request) -> Response:
        qs = community_reports.visible(request.user, READ).select_related("region")
        return _page(self, request, qs, report_out)

    @extend_schema(
        request=inline_serializer(
            "CommunityReportIn",
            {
                "kind": serializers.CharField(),
                "region": serializers.CharField(help_text="Kemendagri code of the village"),
                "reporter_role": serializers.CharField(required=False),
                "reporter_name": serializers.CharField(required=False),
                "reporter_phone": serializers.CharField(required=False),
                "people_count": serializers.IntegerField(required=False),
                "destination": serializers.CharField(required=False),
                "narrative": serializers.CharField(required=False),
            },
        ),
        responses={201: CommunityReportOut},
    )
    def post(self, request: Request) -> Response:
        data = request.data if isinstance(request.data, dict) else {}
        region = Region.objects.filter(code=str(data.get("region") or "")).first()
        count = data.get("people_count")
        if count is not None and (not isinstance(count, int) or isinstance(count, bool)):
            raise ValidationError({"people_count": [_("Must be a whole number.")]})
        report = services.report_record(
            actor=signed_in(request),
            kind=str(data.get("kind") or ""),
            region=region,
            reporter_role=str(data.get("reporter_role") or "other"),
            reporter_name=str(data.get("reporter_name") or ""),
            reporter_phone=str(data.get("reporter_phone") or ""),
            people_count=count,
            destination=str(data.get("destination") or ""),
            narrative=str(data.get("narrative") or ""),
        )
        return Response(report_out(report), status=status.HTTP_201_CREATED)


class CommunityReportSms(APIView):
    """An SMS community report from the gateway (``WASPADA#...`` or ``MUTASI#...``): stored
    whatever it says, its reading problems in ``parse_flags``."""

    permission_classes = [HasAction, ReadsActivities]
    required_action = READ
    policy = community_reports

    @extend_schema(
        request=inline_serializer(
            "CommunityReportSmsIn",
            {"text": serializers.CharField(), "sender": serializers.CharField(required=False)},
        ),
        responses={201: CommunityReportOut},
    )
    def post(self, request: Request) -> Response:
        data = request.data if isinstance(request.data, dict) else {}
        report = services.report_from_sms(
            actor=signed_in(request),
            text=str(data.get("text") or ""),
            sender=str(data.get("sender") or ""),
        )
        return Response(report_out(report), status=status.HTTP_201_CREATED)


def delay_out(d: DelayRequest) -> dict[str, Any]:
    return {
        "id": d.pk,
        "agency": d.agency_id,
        "departure": d.departure_id,
        "kind": d.kind,
        "immigration_office": d.immigration_office,
        "sent_on": d.sent_on,
        "reference": d.reference,
        "outcome": d.outcome,
        "answered_on": d.answered_on,
    }


class DelayRequestOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    departure = serializers.IntegerField()
    kind = serializers.CharField()
    immigration_office = serializers.CharField()
    sent_on = serializers.DateField()
    reference = serializers.CharField()
    outcome = serializers.CharField()
    answered_on = serializers.DateField(allow_null=True)


class DelayRequestList(APIView):
    """Requests to Immigration to delay a passport or a departure, with their outcome."""

    permission_classes = [HasAction, ReadsScreeningsOf]
    required_action = READ
    policy = delay_requests

    @extend_schema(parameters=[PAGE], responses=paginated(DelayRequestOut))
    def get(self, request: Request) -> Response:
        return _page(self, request, delay_requests.visible(request.user, READ), delay_out)


def takedown_out(t: TakedownRequest) -> dict[str, Any]:
    """A take-down request without the post's address or the account."""
    return {
        "id": t.pk,
        "agency": t.agency_id,
        "platform": t.platform,
        "found_by": t.found_by,
        "requested_on": t.requested_on,
        "outcome": t.outcome,
        "answered_on": t.answered_on,
        "offer": t.offer_id,
        "case": t.case_id,
    }


class TakedownOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    platform = serializers.CharField()
    found_by = serializers.CharField()
    requested_on = serializers.DateField()
    outcome = serializers.CharField()
    answered_on = serializers.DateField(allow_null=True)
    offer = serializers.IntegerField(allow_null=True)
    case = serializers.IntegerField(allow_null=True)


class TakedownList(APIView):
    """Take-down requests to platforms (without the post or account), with their outcome."""

    permission_classes = [HasAction, ReadsScreeningsOf]
    required_action = READ
    policy = takedowns

    @extend_schema(parameters=[PAGE], responses=paginated(TakedownOut))
    def get(self, request: Request) -> Response:
        return _page(self, request, takedowns.visible(request.user, READ), takedown_out)


# -- returns in batches (issue #15, item 6) ---------------------------------------------------------


class ReturnOperationOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    title = serializers.CharField()
    arrived_on = serializers.DateField()
    countries = serializers.CharField()
    returnees = serializers.IntegerField()
    progress = serializers.ListField(
        child=serializers.DictField(), help_text="Per home regency: counts by status."
    )


class ReturnOperationList(APIView):
    """Return operations with their progress by home region (figures only, no returnee)."""

    permission_classes = [HasAction, ReadsScreeningsOf]
    required_action = READ
    policy = return_operations

    @extend_schema(parameters=[PAGE], responses=paginated(ReturnOperationOut))
    def get(self, request: Request) -> Response:
        def out(o: ReturnOperation) -> dict[str, Any]:
            return {
                "id": o.pk,
                "agency": o.agency_id,
                "title": o.title,
                "arrived_on": o.arrived_on,
                "countries": o.countries,
                "returnees": o.returnees.count(),
                "progress": services.region_progress(o),
            }

        return _page(self, request, return_operations.visible(request.user, READ), out)


class ProspectiveWorkerOut(Out):
    id = serializers.IntegerField()
    agency = serializers.IntegerField()
    destination_country = serializers.CharField()
    sector = serializers.CharField()
    placement_agency = serializers.IntegerField(allow_null=True)
    planned_departure = serializers.DateField(allow_null=True)
    documents = serializers.ListField(child=serializers.CharField())
    flags = serializers.ListField(child=serializers.CharField())
    allowed = serializers.BooleanField()


class ProspectiveWorkerList(APIView):
    """The prospective-worker register's checks (no name, no NIK): destination, sector, agency,
    planned departure, what the check found."""

    permission_classes = [HasAction, ReadsScreeningsOf]
    required_action = READ
    policy = prospective_workers

    @extend_schema(parameters=[PAGE], responses=paginated(ProspectiveWorkerOut))
    def get(self, request: Request) -> Response:
        def out(w: Any) -> dict[str, Any]:
            return {
                "id": w.pk,
                "agency": w.agency_id,
                "destination_country": w.destination_country,
                "sector": w.sector,
                "placement_agency": w.placement_agency_id,
                "planned_departure": w.planned_departure,
                "documents": w.documents,
                "flags": w.flags,
                "allowed": w.allowed,
            }

        return _page(self, request, prospective_workers.visible(request.user, READ), out)
