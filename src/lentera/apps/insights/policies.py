"""Linkage never crosses the access policy: a match is visible only when both person records
are visible to the user; a run covers only the records its requester may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from lentera.apps.accounts.models import User
from lentera.apps.accounts.permissions import Action, Scope
from lentera.apps.accounts.policies import Policy, Requester, is_user
from lentera.apps.insights.models import LinkageRun, MatchCandidate
from lentera.apps.people.policies import people


class MatchCandidatePolicy(Policy[MatchCandidate]):
    model = MatchCandidate

    def visible(self, user: Requester, action: Action) -> QuerySet[MatchCandidate]:
        qs = MatchCandidate.objects.all()
        if not is_user(user) or not user.has_action(action):
            return qs.none()
        seen = people.visible(user, Action.VIEW_PERSON).values("pk")
        return qs.filter(left_id__in=seen, right_id__in=seen)


class LinkageRunPolicy(Policy[LinkageRun]):
    model = LinkageRun

    def scope_filter(self, user: User, action: Action, scope: Scope) -> Q | None:
        return Q(requested_by_id=user.pk)


matches = MatchCandidatePolicy()
runs = LinkageRunPolicy()
