"""The Kupang demo data of issue #15 loads with the project's demo, once."""

from __future__ import annotations

from datetime import date

import pytest

from lentera.apps.accounts.demo import load_demo
from lentera.apps.prevention import selectors
from lentera.apps.prevention.models import (
    CommunityReport,
    Course,
    DepartureScreening,
    OutreachEvent,
    Returnee,
)

pytestmark = pytest.mark.django_db


def test_kupang_demo_of_issue_15(regions):
    load_demo(password="Demo-Test-123!")
    load_demo(password="Demo-Test-123!")  # again: nothing added twice
    july = OutreachEvent.objects.filter(held_on__year=2023, held_on__month=7)
    assert july.count() == 5
    assert sum(e.audience for e in july) > 1000
    course = Course.objects.get()
    figures = selectors.course_figures(course, today=date(2024, 4, 1))
    assert figures["participants"] == 17 and figures["evaluated"] == 12
    assert figures["migrated"] == 3 and figures["licensed"] == 2
    red = [d for d in DepartureScreening.objects.all() if selectors.unlicensed_pending(d)]
    assert [d.post for d in red] == ["El Tari"]
    assert CommunityReport.objects.filter(channel="sms").count() == 2
    assert Returnee.objects.count() == 1235
