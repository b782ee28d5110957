"""The role → action table is data; these tests pin what each role may and may not do."""

import pytest

from lentera.apps.accounts.permissions import (
    IMPLIES,
    ROLE_ACTIONS,
    ROLE_SCOPE,
    Action,
    Role,
    Scope,
    actions_for,
    expand,
    roles_with,
)


def test_every_role_has_actions_and_a_scope():
    assert set(ROLE_ACTIONS) == set(Role) == set(ROLE_SCOPE)


def test_implied_actions_are_closed():
    for action, implied in IMPLIES.items():
        assert implied <= expand({action})
    assert Action.VIEW_PERSON in actions_for([Role.INTAKE_OFFICER])
    assert Action.VIEW_CASE in actions_for([Role.INVESTIGATOR])


def test_identity_is_a_separate_permission():
    with_identity = roles_with(Action.VIEW_IDENTITY)
    assert with_identity == {
        Role.INTAKE_OFFICER,
        Role.CASEWORKER,
        Role.INVESTIGATOR,
        Role.PROSECUTOR,
        Role.MANPOWER_OFFICER,
    }
    # Region-wide and administrative roles never see identities.
    for role in (
        Role.ANALYST,
        Role.SECRETARIAT,
        Role.LEADER,
        Role.AUDITOR,
        Role.SYSTEM_ADMIN,
        Role.AGENCY_ADMIN,
        Role.POSKO_OFFICER,
    ):
        assert Action.VIEW_IDENTITY not in actions_for([role]), role


def test_no_region_scope_role_holds_identity():
    for role, scope in ROLE_SCOPE.items():
        if scope != Scope.AGENCY:
            assert Action.VIEW_IDENTITY not in actions_for([role])


@pytest.mark.parametrize(
    ("role", "allowed", "denied"),
    [
        (Role.AUDITOR, {Action.VIEW_AUDIT}, {Action.VIEW_CASE, Action.MANAGE_USERS}),
        (
            Role.SYSTEM_ADMIN,
            {Action.MANAGE_AGENCIES, Action.MANAGE_REFERENCE},
            {Action.VIEW_CASE, Action.VIEW_AUDIT},
        ),
        (Role.AGENCY_ADMIN, {Action.MANAGE_USERS}, {Action.MANAGE_AGENCIES}),
        (Role.POSKO_OFFICER, {Action.SCREEN_DEPARTURE}, {Action.VIEW_CASE}),
        (
            Role.PROSECUTOR,
            {Action.MANAGE_PROCEEDINGS, Action.VIEW_COMPLICITY},
            {Action.CREATE_CASE},
        ),
        (Role.LEADER, {Action.VIEW_STATISTICS}, {Action.EXPORT, Action.VIEW_PERSON}),
    ],
)
def test_role_table(role, allowed, denied):
    actions = actions_for([role])
    assert allowed <= actions
    assert not (denied & actions)


def test_roles_combine():
    combined = actions_for([Role.INTAKE_OFFICER, Role.AUDITOR])
    assert Action.VIEW_AUDIT in combined and Action.REGISTER_COMPLAINT in combined
    assert roles_with(Action.MANAGE_AGENCIES, Scope.NATIONAL) == {Role.SYSTEM_ADMIN}
