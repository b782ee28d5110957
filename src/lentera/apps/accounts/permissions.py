"""Permissions as data: the actions a user can take, the roles, and which role grants which.

A role grants a set of actions; some actions imply others (``EDIT_CASE`` implies ``VIEW_CASE``).
A role also has a *scope*: ``AGENCY`` roles act on their own agency's records, ``REGION`` roles
read across their agency's region (never identities: need to know stays with the handling agency),
and ``NATIONAL`` roles across the country. The table is unit-tested in
``tests/accounts/test_permissions.py``; change it here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    VIEW_DASHBOARD = "view_dashboard", _("See the dashboard")
    VIEW_PERSON = "view_person", _("See person records (pseudonymised)")
    VIEW_IDENTITY = "view_identity", _("See identities of victims, witnesses and reporters")
    CREATE_PERSON = "create_person", _("Register a person")
    EDIT_PERSON = "edit_person", _("Edit a person record")
    VIEW_CASE = "view_case", _("See case files")
    CREATE_CASE = "create_case", _("Open a case file")
    EDIT_CASE = "edit_case", _("Edit case files")
    SHARE_CASE = "share_case", _("Share a case file with another agency")
    VIEW_COMPLAINT = "view_complaint", _("See complaints")
    REGISTER_COMPLAINT = "register_complaint", _("Register complaints")
    TRIAGE_COMPLAINT = "triage_complaint", _("Triage complaints")
    REFER = "refer", _("Refer victims to services")
    PROVIDE_SERVICE = "provide_service", _("Record victim services")
    MANAGE_PROCEEDINGS = "manage_proceedings", _("Record proceedings")
    VIEW_COMPLICITY = "view_complicity", _("See the complicity flag on officials")
    QUALIFY = "qualify", _("Run the legal qualification")
    SCREEN_DEPARTURE = "screen_departure", _("Screen departures at a post")
    SCREEN_OFFER = "screen_offer", _("Monitor and screen job offers")
    MANAGE_REGISTERS = "manage_registers", _("Keep placement and departure registers")
    RUN_LINKAGE = "run_linkage", _("Run record linkage")
    REVIEW_MATCHES = "review_matches", _("Confirm or reject record matches")
    VIEW_STATISTICS = "view_statistics", _("See statistics")
    EXPORT = "export", _("Export data")
    MANAGE_MEETINGS = "manage_meetings", _("Manage task-force meetings and action items")
    APPROVE_MINUTES = "approve_minutes", _("Approve the minutes of task-force meetings (chair)")
    VIEW_AUDIT = "view_audit", _("Read the audit trail and access log")
    MANAGE_USERS = "manage_users", _("Manage user accounts")
    MANAGE_AGENCIES = "manage_agencies", _("Manage agencies")
    MANAGE_TASK_FORCES = "manage_task_forces", _("Manage task forces")
    MANAGE_REFERENCE = "manage_reference", _("Edit reference data")
    USE_API = "use_api", _("Use the API with a personal token")


class Role(models.TextChoices):
    INTAKE_OFFICER = "intake_officer", _("Intake officer")
    CASEWORKER = "caseworker", _("Case worker (pendamping)")
    INVESTIGATOR = "investigator", _("Investigator")
    PROSECUTOR = "prosecutor", _("Prosecutor")
    POSKO_OFFICER = "posko_officer", _("Posko officer")
    MANPOWER_OFFICER = "manpower_officer", _("Manpower / migrant officer")
    SECRETARIAT = "secretariat", _("Task-force secretariat")
    ANALYST = "analyst", _("Analyst")
    LEADER = "leader", _("Leader")
    AUDITOR = "auditor", _("Auditor")
    AGENCY_ADMIN = "agency_admin", _("Agency administrator")
    SYSTEM_ADMIN = "system_admin", _("System administrator")


class Scope(models.TextChoices):
    AGENCY = "agency", _("Own agency")
    REGION = "region", _("Agency's region")
    NATIONAL = "national", _("Whole country")


A = Action

#: Actions that bring others with them.
IMPLIES: dict[Action, frozenset[Action]] = {
    A.VIEW_IDENTITY: frozenset({A.VIEW_PERSON}),
    A.CREATE_PERSON: frozenset({A.VIEW_PERSON}),
    A.EDIT_PERSON: frozenset({A.VIEW_PERSON}),
    A.CREATE_CASE: frozenset({A.VIEW_CASE}),
    A.EDIT_CASE: frozenset({A.VIEW_CASE}),
    A.SHARE_CASE: frozenset({A.VIEW_CASE}),
    A.REGISTER_COMPLAINT: frozenset({A.VIEW_COMPLAINT}),
    A.TRIAGE_COMPLAINT: frozenset({A.VIEW_COMPLAINT}),
    A.REFER: frozenset({A.VIEW_CASE}),
    A.PROVIDE_SERVICE: frozenset({A.VIEW_CASE}),
    A.MANAGE_PROCEEDINGS: frozenset({A.VIEW_CASE}),
    A.REVIEW_MATCHES: frozenset({A.VIEW_PERSON}),
    A.RUN_LINKAGE: frozenset({A.VIEW_PERSON}),
    A.EXPORT: frozenset({A.VIEW_STATISTICS}),
}

_EVERYONE = frozenset({A.VIEW_DASHBOARD, A.USE_API})

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.INTAKE_OFFICER: _EVERYONE
    | {
        A.REGISTER_COMPLAINT,
        A.TRIAGE_COMPLAINT,
        A.CREATE_PERSON,
        A.VIEW_IDENTITY,
        A.CREATE_CASE,
        A.SCREEN_OFFER,
    },
    Role.CASEWORKER: _EVERYONE
    | {
        A.VIEW_COMPLAINT,
        A.CREATE_PERSON,
        A.EDIT_PERSON,
        A.VIEW_IDENTITY,
        A.EDIT_CASE,
        A.SHARE_CASE,  # UPTD PPA leads cases and shares them with the police (issue #18)
        A.REFER,
        A.PROVIDE_SERVICE,
        A.QUALIFY,
    },
    Role.INVESTIGATOR: _EVERYONE
    | {
        A.VIEW_COMPLAINT,
        A.CREATE_PERSON,
        A.EDIT_PERSON,
        A.VIEW_IDENTITY,
        A.CREATE_CASE,
        A.EDIT_CASE,
        A.SHARE_CASE,
        A.MANAGE_PROCEEDINGS,
        A.QUALIFY,
        A.REVIEW_MATCHES,
        A.VIEW_COMPLICITY,
    },
    Role.PROSECUTOR: _EVERYONE
    | {A.VIEW_IDENTITY, A.MANAGE_PROCEEDINGS, A.QUALIFY, A.VIEW_COMPLICITY},
    Role.POSKO_OFFICER: _EVERYONE
    | {A.SCREEN_DEPARTURE, A.SCREEN_OFFER, A.REGISTER_COMPLAINT, A.CREATE_PERSON},
    Role.MANPOWER_OFFICER: _EVERYONE
    | {A.SCREEN_OFFER, A.SCREEN_DEPARTURE, A.MANAGE_REGISTERS, A.CREATE_PERSON, A.VIEW_IDENTITY},
    Role.SECRETARIAT: _EVERYONE
    | {A.VIEW_CASE, A.VIEW_COMPLAINT, A.MANAGE_MEETINGS, A.VIEW_STATISTICS, A.EXPORT},
    Role.ANALYST: _EVERYONE
    | {
        A.VIEW_CASE,
        A.VIEW_PERSON,
        A.RUN_LINKAGE,
        A.REVIEW_MATCHES,
        A.VIEW_STATISTICS,
        A.SCREEN_OFFER,
    },
    Role.LEADER: _EVERYONE | {A.VIEW_STATISTICS, A.APPROVE_MINUTES},
    Role.AUDITOR: _EVERYONE | {A.VIEW_AUDIT},
    Role.AGENCY_ADMIN: _EVERYONE | {A.MANAGE_USERS},
    Role.SYSTEM_ADMIN: _EVERYONE
    | {A.MANAGE_USERS, A.MANAGE_AGENCIES, A.MANAGE_TASK_FORCES, A.MANAGE_REFERENCE},
}

ROLE_SCOPE: dict[Role, Scope] = {
    Role.INTAKE_OFFICER: Scope.AGENCY,
    Role.CASEWORKER: Scope.AGENCY,
    Role.INVESTIGATOR: Scope.AGENCY,
    Role.PROSECUTOR: Scope.AGENCY,
    Role.POSKO_OFFICER: Scope.AGENCY,
    Role.MANPOWER_OFFICER: Scope.AGENCY,
    Role.SECRETARIAT: Scope.REGION,
    Role.ANALYST: Scope.REGION,
    Role.LEADER: Scope.REGION,
    Role.AUDITOR: Scope.REGION,
    Role.AGENCY_ADMIN: Scope.AGENCY,
    Role.SYSTEM_ADMIN: Scope.NATIONAL,
}


def expand(actions: Iterable[Action]) -> frozenset[Action]:
    """Close a set of actions under ``IMPLIES``."""
    result = set(actions)
    pending = list(result)
    while pending:
        for implied in IMPLIES.get(pending.pop(), frozenset()):
            if implied not in result:
                result.add(implied)
                pending.append(implied)
    return frozenset(result)


def actions_for(roles: Iterable[Role | str]) -> frozenset[Action]:
    granted: set[Action] = set()
    for role in roles:
        granted |= ROLE_ACTIONS[Role(role)]
    return expand(granted)


def roles_with(action: Action, scope: Scope | None = None) -> frozenset[Role]:
    """Roles whose actions include ``action`` (optionally only roles of ``scope``)."""
    return frozenset(
        role
        for role in Role
        if action in expand(ROLE_ACTIONS[role]) and (scope is None or ROLE_SCOPE[role] == scope)
    )
