"""Case-file endpoints. What a case answer contains follows the case policy's sections."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import StreamingHttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.fields import empty
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from lentera.api.pagination import CappedPagination
from lentera.api.permissions import HasAction
from lentera.api.schema import PAGE, paginated
from lentera.apps.accounts.decorators import signed_in
from lentera.apps.accounts.models import Agency
from lentera.apps.accounts.permissions import Action
from lentera.apps.accounts.policies import NotFound
from lentera.apps.cases import exports, legal_facts, selectors, services
from lentera.apps.cases import serializers as out
from lentera.apps.cases.models import Case, CaseGrant
from lentera.apps.cases.policies import cases
from lentera.apps.cases.vocab import GrantScope, PartyRole
from lentera.apps.people.policies import people
from lentera.apps.people.serializers import person_out
from lentera.apps.people.services import person_create
from lentera.apps.reference.models import Country, Region


class CaseIn(serializers.Serializer[dict[str, Any]]):
    title = serializers.CharField(max_length=200)
    region = serializers.SlugRelatedField(slug_field="code", queryset=Region.objects.all())
    offence_date = serializers.DateField(required=False, allow_null=True, default=None)
    narrative = serializers.CharField(required=False, allow_blank=True, default="")
    acts = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    means = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    exploitation_types = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )
    control_methods = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )
    recruitment_channel = serializers.CharField(required=False, default="unknown")
    recruitment_platform = serializers.CharField(required=False, allow_blank=True, default="")
    exploitation_occurred = serializers.BooleanField(required=False, allow_null=True, default=None)
    movement = serializers.CharField(required=False, allow_blank=True, default="")
    absent_elements = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )
    organised_group = serializers.BooleanField(required=False, default=False)
    document_forgery = serializers.BooleanField(required=False, default=False)
    illegal_entry_for_profit = serializers.BooleanField(required=False, default=False)
    incitement_without_offence = serializers.BooleanField(required=False, default=False)
    placement_country = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Country.objects.all(),
        required=False,
        allow_null=True,
        default=None,
    )
    placement_facts = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )


class FactsIn(CaseIn):
    """A change of the case's facts: only the fields given change; ``version`` is the one the
    client read (409 when the case changed since); ``parties`` maps party ids to their legal
    facts (harms; corporation, abuse of position, participation, use of a victim, offences
    against justice)."""

    version = serializers.IntegerField()
    parties = serializers.DictField(child=serializers.DictField(), required=False, default=dict)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "version":
                field.required = False
                field.default = empty


class QualifyCaseIn(serializers.Serializer[dict[str, Any]]):
    party = serializers.IntegerField(required=False, allow_null=True, default=None)
    settings = serializers.DictField(required=False, default=dict)


class PartyIn(serializers.Serializer[dict[str, Any]]):
    person_id = serializers.IntegerField(required=False, allow_null=True, default=None)
    full_name = serializers.CharField(required=False, allow_blank=True, default="")
    sex = serializers.CharField(required=False, default="unknown")
    birth_date = serializers.DateField(required=False, allow_null=True, default=None)
    role = serializers.ChoiceField(choices=PartyRole.choices)
    network_role = serializers.CharField(required=False, allow_blank=True, default="")
    is_official = serializers.BooleanField(required=False, default=False)
    age_at_offence = serializers.IntegerField(required=False, allow_null=True, default=None)
    harms = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    is_corporation = serializers.BooleanField(required=False, default=False)
    abused_position = serializers.BooleanField(required=False, default=False)
    participation = serializers.CharField(required=False, default="principal")
    use_of_victim = serializers.ListField(
        child=serializers.CharField(), required=False, default=list
    )
    obstruction = serializers.ListField(child=serializers.CharField(), required=False, default=list)
    obstruction_harm = serializers.CharField(required=False, default="none")


class GrantIn(serializers.Serializer[dict[str, Any]]):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.filter(is_active=True))
    scope = serializers.ChoiceField(choices=GrantScope.choices)
    include_identity = serializers.BooleanField(default=False)
    co_handling = serializers.BooleanField(default=False)
    reason = serializers.CharField(max_length=300)


class HandOverIn(serializers.Serializer[dict[str, Any]]):
    agency = serializers.PrimaryKeyRelatedField(queryset=Agency.objects.filter(is_active=True))
    keep_access = serializers.BooleanField(default=True)
    reason = serializers.CharField(max_length=300)


class StatusIn(serializers.Serializer[dict[str, Any]]):
    status = serializers.CharField()
    reason = serializers.CharField(required=False, allow_blank=True, default="")
    # the status the client last read; if the case has moved on since, the answer is 409
    from_status = serializers.CharField(required=False, allow_blank=True, default="")


def case_summary(case: Case) -> dict[str, Any]:
    return {
        "id": case.pk,
        "reference": case.reference,
        "title": case.title,
        "status": case.status,
        "lead_agency": case.lead_agency_id,
        "region": case.region.code,
        "opened_at": case.opened_at,
        "has_child_victim": case.has_child_victim,
    }


def case_out(user: Any, case: Case) -> dict[str, Any]:
    file = selectors.case_file(user=user, case=case)
    sections = file.sections
    body = case_summary(case) | {"sections": sorted(sections)}
    if "facts" in sections:
        body["facts"] = {
            "offence_date": case.offence_date,
            "acts": case.acts,
            "means": case.means,
            "exploitation_types": case.exploitation_types,
            "control_methods": case.control_methods,
            "recruitment_channel": case.recruitment_channel,
            "recruitment_platform": case.recruitment_platform,
            "exploitation_occurred": case.exploitation_occurred,
            "movement": case.movement,
            "absent_elements": case.absent_elements,
            "organised_group": case.organised_group,
            "document_forgery": case.document_forgery,
            "illegal_entry_for_profit": case.illegal_entry_for_profit,
            "incitement_without_offence": case.incitement_without_offence,
            "placement_country": case.placement_country_id,
            "placement_facts": case.placement_facts,
            "version": case.version,
        }
    if "journey" in sections:
        body["journey"] = [
            {
                "order": leg.order,
                "from": leg.origin_place,
                "from_country": leg.origin_country_id,
                "to": leg.destination_place,
                "to_country": leg.destination_country_id,
                "transit": leg.is_transit,
                "departed_on": leg.departed_on,
                "arrived_on": leg.arrived_on,
                "transport": leg.transport,
            }
            for leg in file.journey()
        ]
    if "people" in sections:
        complicity = user.has_action(Action.VIEW_COMPLICITY)
        body["parties"] = [
            {
                "id": row.party.pk,
                "role": row.party.role,
                "network_role": row.party.network_role,
                "victim_status": row.party.victim_status,
                "age_at_offence": row.party.age_at_offence,
                "person": person_out(row.party.person),
                "identity_held": row.identity,
                "harms": row.party.harms,
                "is_corporation": row.party.is_corporation,
                "participation": row.party.participation,
                "use_of_victim": row.party.use_of_victim,
                "obstruction": row.party.obstruction,
                "obstruction_harm": row.party.obstruction_harm,
            }
            | (
                {
                    "is_official": row.party.is_official,
                    "abused_position": row.party.abused_position,
                }
                if complicity
                else {}
            )
            for row in file.parties
        ]
    if "sharing" in sections:
        body["grants"] = [
            {
                "id": g.pk,
                "agency": g.agency_id,
                "scope": g.scope,
                "include_identity": g.include_identity,
                "co_handling": g.co_handling,
                "person": g.person_id,
                "granted_at": g.granted_at,
                "revoked_at": g.revoked_at,
            }
            for g in file.grants()
        ]
    return body


class CaseList(APIView):
    permission_classes = [HasAction]
    required_action = {"GET": Action.VIEW_CASE, "POST": Action.CREATE_CASE}

    @extend_schema(
        parameters=[
            OpenApiParameter(n, str, required=False)
            for n in ("q", "status", "region", "exploitation_type", "child")
        ]
        + [PAGE],
        responses=paginated(out.CaseSummaryOut),
    )
    def get(self, request: Request) -> Response:
        params = request.query_params
        qs = selectors.case_list(
            user=request.user,
            q=params.get("q", ""),
            status=params.get("status", ""),
            region=params.get("region", ""),
            exploitation_type=params.get("exploitation_type", ""),
            child=params.get("child", ""),
        )
        paginator = CappedPagination()
        page = paginator.paginate_queryset(qs, request, view=self) or []
        return paginator.get_paginated_response([case_summary(c) for c in page])

    @extend_schema(request=CaseIn, responses={201: out.CaseOut})
    def post(self, request: Request) -> Response:
        data = CaseIn(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.case_open(actor=signed_in(request), **data.validated_data)
        return Response(case_out(request.user, case), status=status.HTTP_201_CREATED)


class CaseExport(APIView):
    """The case list as CSV without identities, with the list's filters; audited."""

    permission_classes = [HasAction]
    required_action = Action.EXPORT

    @extend_schema(
        parameters=[
            OpenApiParameter(n, str, required=False)
            for n in ("q", "status", "region", "exploitation_type", "child")
        ],
        responses={(200, "text/csv"): str},
    )
    def get(self, request: Request) -> StreamingHttpResponse:
        params = request.query_params
        filters = {
            name: params[name]
            for name in ("q", "status", "region", "exploitation_type", "child")
            if params.get(name)
        }
        _total, rows = exports.case_export(actor=signed_in(request), filters=filters)
        response = StreamingHttpResponse(exports.csv_lines(rows), content_type="text/csv")
        response["Content-Disposition"] = 'attachment; filename="lentera-cases.csv"'
        return response


class CaseDetail(APIView):
    permission_classes = [HasAction]
    required_action = Action.VIEW_CASE

    @extend_schema(responses=out.CaseOut)
    def get(self, request: Request, case_id: int) -> Response:
        case = cases.get_for(request.user, Action.VIEW_CASE, case_id)
        return Response(case_out(request.user, case))


class CaseParties(APIView):
    permission_classes = [HasAction]
    required_action = Action.EDIT_CASE

    @extend_schema(request=PartyIn, responses={201: out.PartyCreatedOut})
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.EDIT_CASE, case_id, read=Action.VIEW_CASE)
        data = PartyIn(data=request.data)
        data.is_valid(raise_exception=True)
        d = data.validated_data
        if d["person_id"]:
            person = people.get_for(actor, Action.VIEW_PERSON, d["person_id"])
        elif d["full_name"]:
            person = person_create(
                actor=actor,
                owner_agency=actor.agency,  # type: ignore[arg-type]
                full_name=d["full_name"],
                sex=d["sex"],
                birth_date=d["birth_date"],
                region=case.region,
            )
        else:
            raise ValidationError({"person_id": "give person_id or full_name"})
        party = services.case_add_party(
            actor=actor,
            case=case,
            person=person,
            role=d["role"],
            network_role=d["network_role"],
            is_official=d["is_official"],
            age_at_offence=d["age_at_offence"],
            **{name: d[name] for name in legal_facts.PARTY_FACTS},
        )
        return Response(
            {"id": party.pk, "person": person_out(person), "role": party.role},
            status=status.HTTP_201_CREATED,
        )


class CaseFacts(APIView):
    """Change the facts of a case (and the legal facts of its parties); the answer is the case."""

    permission_classes = [HasAction]
    required_action = Action.EDIT_CASE

    @extend_schema(request=FactsIn, responses=out.CaseOut)
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.EDIT_CASE, case_id, read=Action.VIEW_CASE)
        data = FactsIn(data=request.data)
        data.is_valid(raise_exception=True)
        facts = dict(data.validated_data)
        version = facts.pop("version")
        parties = facts.pop("parties", {})
        facts.pop("region", None)  # the region is part of the reference: never changed here
        try:
            by_id = {int(key): value for key, value in parties.items()}
        except ValueError:
            raise ValidationError({"parties": "party ids are numbers"}) from None
        case = services.case_update_facts(
            actor=actor, case=case, version=version, parties=by_id, **facts
        )
        return Response(case_out(request.user, case))


class CaseQualify(APIView):
    """Qualify the facts the case records (``case_facts_for_law``), for the whole case or one
    suspect (``party``), under ``settings``; the snapshot is kept on the case. ``?lang=en``
    gives English reasons."""

    permission_classes = [HasAction]
    required_action = Action.QUALIFY

    @extend_schema(request=QualifyCaseIn, responses=dict)
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_for(actor, Action.VIEW_CASE, case_id)
        data = QualifyCaseIn(data=request.data)
        data.is_valid(raise_exception=True)
        party = None
        if data.validated_data["party"]:
            party = case.parties.filter(pk=data.validated_data["party"], role="suspect").first()
            if party is None:
                raise ValidationError({"party": "not a suspect of this case"})
        lang = request.query_params.get("lang", "id")
        _result, snapshot = services.qualification_run(
            actor=actor,
            facts=selectors.case_facts_for_law(case=case, suspect=party),
            case=case,
            lang=lang,
            channel="api",
            settings=data.validated_data["settings"],
            party=party,
        )
        return Response(qualify_out(snapshot))


class CaseGrants(APIView):
    permission_classes = [HasAction]
    required_action = Action.SHARE_CASE

    @extend_schema(request=GrantIn, responses={201: out.GrantCreatedOut})
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.SHARE_CASE, case_id, read=Action.VIEW_CASE)
        data = GrantIn(data=request.data)
        data.is_valid(raise_exception=True)
        grant = services.case_share(actor=actor, case=case, **data.validated_data)
        return Response(
            {"id": grant.pk, "agency": grant.agency_id, "scope": grant.scope},
            status=status.HTTP_201_CREATED,
        )


class CaseGrantRevoke(APIView):
    permission_classes = [HasAction]
    required_action = Action.SHARE_CASE

    @extend_schema(request=None, responses=out.GrantRevokedOut)
    def post(self, request: Request, case_id: int, grant_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.SHARE_CASE, case_id, read=Action.VIEW_CASE)
        grant = CaseGrant.objects.filter(case=case, pk=grant_id).first()
        if grant is None:
            raise NotFound()
        grant = services.case_share_revoke(actor=actor, grant=grant)
        return Response({"id": grant.pk, "revoked_at": grant.revoked_at})


class CaseHandOver(APIView):
    """The lead agency hands the case over to another lead agency; with ``keep_access`` (the
    default) it stays on the case as a co-handling agency. The answer is the new lead."""

    permission_classes = [HasAction]
    required_action = Action.SHARE_CASE

    @extend_schema(request=HandOverIn, responses=out.HandOverOut)
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.SHARE_CASE, case_id, read=Action.VIEW_CASE)
        data = HandOverIn(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.case_hand_over(actor=actor, case=case, **data.validated_data)
        return Response({"id": case.pk, "lead_agency": case.lead_agency_id})


class CaseStatusView(APIView):
    permission_classes = [HasAction]
    required_action = Action.EDIT_CASE

    @extend_schema(request=StatusIn, responses=out.CaseSummaryOut)
    def post(self, request: Request, case_id: int) -> Response:
        actor = signed_in(request)
        case = cases.get_to_act(actor, Action.EDIT_CASE, case_id, read=Action.VIEW_CASE)
        data = StatusIn(data=request.data)
        data.is_valid(raise_exception=True)
        case = services.case_set_status(actor=actor, case=case, **data.validated_data)
        return Response(case_summary(case))


class Qualify(APIView):
    """The qualification engine: the contract's case-facts object in, its result out.

    ``?lang=en`` gives the reasons in English. Each run is stored as a snapshot.
    """

    permission_classes = [HasAction]
    required_action = Action.QUALIFY

    @extend_schema(request=dict, responses=dict)
    def post(self, request: Request) -> Response:
        if not isinstance(request.data, dict):
            return Response({"detail": "send one case-facts object"}, status=400)
        lang = request.query_params.get("lang", "id")
        facts = dict(request.data)
        settings = facts.pop("settings", None)
        _result, snapshot = services.qualification_run(
            actor=signed_in(request), facts=facts, lang=lang, channel="api", settings=settings
        )
        return Response(qualify_out(snapshot))


def qualify_out(snapshot: Any) -> dict[str, Any]:
    """A run as the API answers it: the contract's output object (with the ``settings`` used),
    then the snapshot, the engine version, the possible outcomes, each offence's element
    checklist and the unknown facts that would decide an open outcome."""
    record = dict(snapshot.result)
    contract = ("id", "outcome", "regime", "charges", "related", "missing", "reasons", "settings")
    body = {key: record[key] for key in contract}
    keep = ("ref", "prison_years", "life", "fine_idr", "aggravations", "participation")
    body["charges"] = [{k: c[k] for k in keep} for c in record["charges"]]
    body["related"] = [
        {k: r[k] for k in ("ref", "prison_years", "fine_idr")} for r in record["related"]
    ]
    return body | {
        "snapshot": snapshot.pk,
        "engine_version": snapshot.engine_version,
        "possible_outcomes": record.get("possible_outcomes", []),
        "checklists": record.get("checklists", []),
        "deciders": record.get("deciders", []),
    }
