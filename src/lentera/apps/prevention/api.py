"""REST endpoints of the screenings, under /api/v1/. Inputs and outputs are the contract's
objects (``shared/contracts/screening.md``); the core checks them, so an unknown field or code
is a 400 naming the field, as the command line says it."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.exceptions import Throttled
from rest_framework.pagination import PageNumberPagination
from rest_framework.permissions import AllowAny, BasePermission
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.ratelimit import over_limit
from lentera.apps.prevention import engine, selectors, services
from lentera.apps.prevention import serializers as out
from lentera.apps.prevention.models import DepartureScreening, OfferScreening
from lentera.apps.prevention.policies import READ, ScreeningPolicy, departures, offers
from lentera.screening import INTERVIEW_FIELDS, score_of_risk

OFFER_FIELDS = ("id", "text", "source", "lang")
#: Stored offers may also carry where and when they were found.
STORE_FIELDS = ("url", "found_at")
IDENTITY_FIELDS = ("traveller_name", "traveller_nik", "traveller_phone")

# -- schema (documentation; the core validates) --------------------------------------------------

FLAG_OUT = inline_serializer(
    "ScreeningFlag",
    {"code": serializers.CharField(), "evidence": serializers.CharField()},
    many=True,
)
OFFER_IN = inline_serializer(
    "OfferIn",
    {
        "id": serializers.CharField(required=False),
        "text": serializers.CharField(),
        "source": serializers.CharField(required=False),
        "lang": serializers.ChoiceField(choices=["id", "en"], required=False),
        "url": serializers.URLField(required=False, help_text="Only with ?store=1"),
        "found_at": serializers.DateTimeField(required=False, help_text="Only with ?store=1"),
    },
)
OFFER_OUT = inline_serializer(
    "OfferResult",
    {
        "id": serializers.CharField(allow_null=True),
        "risk": serializers.FloatField(),
        "level": serializers.ChoiceField(choices=["high", "medium", "low"]),
        "flags": FLAG_OUT,
        "advice": serializers.ListField(child=serializers.CharField()),
        "screening_id": serializers.IntegerField(required=False, help_text="When stored"),
    },
)
DEPARTURE_IN = inline_serializer(
    "DepartureIn",
    {
        "id": serializers.CharField(required=False),
        **{name: serializers.JSONField(required=False) for name in INTERVIEW_FIELDS},
        "departure_post": serializers.CharField(),
        "lang": serializers.ChoiceField(choices=["id", "en"], required=False),
        **{name: serializers.CharField(required=False) for name in IDENTITY_FIELDS},
    },
)
DEPARTURE_OUT = inline_serializer(
    "DepartureResult",
    {
        "id": serializers.CharField(allow_null=True),
        "risk": serializers.FloatField(),
        "level": serializers.ChoiceField(choices=["high", "medium", "low"]),
        "indicators": inline_serializer(
            "DepartureIndicator",
            {"code": serializers.CharField(), "reason": serializers.CharField()},
            many=True,
        ),
        "actions": serializers.ListField(child=serializers.CharField()),
        "screening_id": serializers.IntegerField(),
    },
)


class ReadsScreenings(BasePermission):
    """The view's ``policy`` lets the user read some screenings (own agency's or region's)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        policy: ScreeningPolicy[Any] = view.policy
        return policy.can_read_any(request.user)


def _object(request: Request) -> dict[str, Any]:
    if not isinstance(request.data, dict):
        raise ValidationError(_("Send one JSON object."))
    return dict(request.data)


def _lang(request: Request, record: dict[str, Any]) -> str:
    lang = request.query_params.get("lang") or record.get("lang") or "id"
    if lang not in ("id", "en"):
        raise ValidationError({"lang": [_("Unknown language; expected id or en.")]})
    return str(lang)


def _offer_record(record: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    unknown = sorted(k for k in record if k not in allowed)
    if unknown:
        raise ValidationError({name: [_("Unknown field.")] for name in unknown})
    text = record.get("text")
    if not isinstance(text, str):
        raise ValidationError({"text": [_("Required, as a string.")]})
    return record


def _text_field(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError({name: [_("Must be a string.")]})
    return value


class ScreenOffer(APIView):
    """Screen one offer (the contract object). ``?store=1`` also puts it in the agency's
    monitoring queue and answers with its ``screening_id``; otherwise nothing is stored."""

    permission_classes = [HasAction]
    required_action = Action.SCREEN_OFFER

    @extend_schema(
        request=OFFER_IN,
        responses={200: OFFER_OUT, 201: OFFER_OUT},
        parameters=[
            OpenApiParameter("store", bool, required=False),
            OpenApiParameter("lang", str, required=False, enum=["id", "en"]),
        ],
    )
    def post(self, request: Request) -> Response:
        store = request.query_params.get("store", "") in ("1", "true", "yes")
        record = _offer_record(_object(request), OFFER_FIELDS + (STORE_FIELDS if store else ()))
        lang = _lang(request, record)
        source = _text_field(record, "source")
        if not store:
            result = engine.check_offer(
                text=record["text"], source=source, lang=lang, record_id=record.get("id")
            )
            return Response(result.to_dict())
        found_at = _datetime(record.get("found_at"))
        screening, result = services.offer_screen(
            actor=signed_in(request),
            text=record["text"],
            source=source,
            url=_text_field(record, "url"),
            external_id=_text_field(record, "id"),
            found_at=found_at,
            lang=lang,
        )
        body = result.to_dict() | {"id": record.get("id"), "screening_id": screening.pk}
        return Response(body, status=status.HTTP_201_CREATED)


def _datetime(value: Any) -> datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        # A date alone means that day: noon, so it stays that day in every Indonesian zone.
        try:
            day = parse_date(value) if len(value) == 10 else None
            parsed = parse_datetime(value + "T12:00:00" if day else value)
        except ValueError:  # well formed, but no such day or hour (2024-02-31, 25:00)
            parsed = None
        if parsed is not None:
            if parsed.tzinfo is None:
                parsed = timezone.make_aware(parsed)
            return parsed
    raise ValidationError({"found_at": [_("Must be a date or date and time (ISO 8601).")]})


class PublicScreenOffer(APIView):
    """The public job check: screen one offer without an account. Never stores anything;
    limited per client address."""

    public = True
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

    @extend_schema(
        request=inline_serializer(
            "PublicOfferIn",
            {
                "text": serializers.CharField(),
                "source": serializers.CharField(required=False),
                "lang": serializers.ChoiceField(choices=["id", "en"], required=False),
                "id": serializers.CharField(required=False),
            },
        ),
        responses={200: OFFER_OUT},
    )
    def post(self, request: Request) -> Response:
        if over_limit(request._request, "jobcheck"):
            raise Throttled(detail=_("Too many checks from this connection; wait a few minutes."))
        record = _offer_record(_object(request), OFFER_FIELDS)
        if len(record["text"]) > 5000:
            raise ValidationError({"text": [_("At most 5000 characters.")]})
        result = engine.check_offer(
            text=record["text"],
            source=_text_field(record, "source"),
            lang=_lang(request, record),
            record_id=record.get("id"),
        )
        return Response(result.to_dict())


class ScreenDeparture(APIView):
    """Screen one posko interview (the contract object with ``departure_post``) and store it;
    the traveller's ``traveller_name``, ``traveller_nik`` and ``traveller_phone`` are optional."""

    permission_classes = [HasAction]
    required_action = Action.SCREEN_DEPARTURE

    @extend_schema(request=DEPARTURE_IN, responses={201: DEPARTURE_OUT})
    def post(self, request: Request) -> Response:
        record = _object(request)
        identity = {name: _text_field(record, name) for name in IDENTITY_FIELDS}
        for name in IDENTITY_FIELDS:
            record.pop(name, None)
        lang = _lang(request, record)
        record.pop("lang", None)
        screening, result = services.departure_screen(
            actor=signed_in(request), interview=record, lang=lang, **identity
        )
        body = result.to_dict() | {"screening_id": screening.pk}
        return Response(body, status=status.HTTP_201_CREATED)


def offer_out(o: OfferScreening) -> dict[str, Any]:
    return {
        "id": o.pk,
        "agency": o.agency_id,
        "screened_at": o.screened_at,
        "found_at": o.found_at,
        "source": o.source,
        "external_id": o.external_id,
        "level": o.level,
        "risk": round(o.risk, 4),
        "score": score_of_risk(o.risk),
        "flags": o.flags,
        "notice": o.notice,
        "status": o.status,
        "model_version": o.model_version,
        "complaint": o.complaint_id,
    }


def departure_out(d: DepartureScreening, lang: str = "id") -> dict[str, Any]:
    return {
        "id": d.pk,
        "agency": d.agency_id,
        "post": d.post,
        "screened_at": d.screened_at,
        "interview": d.interview(),
        "level": d.level,
        "risk": d.risk,
        "indicators": [i.get("code") for i in d.result.get("indicators", [])],
        "reasons": engine.indicator_views(d.result, d, lang),
        "actions": d.actions,
        "rules_version": d.rules_version,
        "case": d.case_id,
        "complaint": d.complaint_id,
    }


class OfferScreeningList(APIView):
    """Stored offer screenings the user may read, riskiest first, without their text."""

    permission_classes = [HasAction, ReadsScreenings]
    required_action = READ
    policy = offers

    @extend_schema(
        parameters=[
            *(OpenApiParameter(n, str, required=False) for n in ("level", "status", "source")),
            PAGE,
        ],
        responses=paginated(out.OfferScreeningOut),
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        qs = selectors.offer_queue(
            user=request.user,
            level=params.get("level", ""),
            status=params.get("status", ""),
            source=params.get("source", ""),
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([offer_out(o) for o in page])


class DepartureScreeningList(APIView):
    """Stored departure screenings the user may read, newest first, without identities."""

    permission_classes = [HasAction, ReadsScreenings]
    required_action = READ
    policy = departures

    @extend_schema(
        parameters=[
            OpenApiParameter(n, str, required=False)
            for n in ("level", "post", "destination", "date_from", "date_to")
        ]
        + [OpenApiParameter("lang", str, required=False, enum=["id", "en"]), PAGE],
        responses=paginated(out.DepartureScreeningOut),
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        dates = {}
        for name in ("date_from", "date_to"):
            if params.get(name):
                try:
                    day = parse_date(params[name])
                except ValueError:  # well formed, but no such day (2024-02-31)
                    day = None
                if day is None:
                    raise ValidationError({name: [_("Must be a date YYYY-MM-DD.")]})
                dates[name] = day
        qs = selectors.departure_list(
            user=request.user,
            level=params.get("level", ""),
            post=params.get("post", ""),
            destination=params.get("destination", ""),
            **dates,
        )
        paginator = PageNumberPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        lang = _lang(request, {})
        return paginator.get_paginated_response([departure_out(d, lang) for d in page])
