import pytest

from lentera.apps.accounts.demo import USERS, load_demo
from lentera.apps.accounts.models import Agency, TaskForce, User
from lentera.apps.people.models import Person

pytestmark = pytest.mark.django_db


def test_demo_loads_personas_and_is_repeatable(regions):
    first = load_demo(password="Demo-Sandi-2026!")
    assert len(first.users) == len(USERS)
    assert User.objects.get(username="kupang.intake").check_password("Demo-Sandi-2026!")
    assert (
        TaskForce.objects.filter(name="Gugus Tugas PP-TPPO Kota Kupang").get().memberships.count()
        >= 8
    )
    from lentera.apps.cases.models import Case, CaseParty
    from lentera.apps.intake.models import Complaint

    # two cases, and the Kupang ring's Batam and Mi-Chat cases (investigation.demo, issue #17)
    assert Case.objects.count() == 4 and Complaint.objects.count() == 2
    kupang = Case.objects.get(region__code="53.71")
    assert kupang.has_child_victim
    # UPTD PPA accompanies the victims; Dinsos Batam and Dinsos Kupang receive referrals.
    assert sorted(kupang.grants.values_list("agency__short_name", flat=True)) == [
        "Dinsos Batam",
        "Dinsos Kupang",
        "UPTD PPA Kupang",
    ]
    from lentera.apps.protection.models import Referral

    referrals = Referral.objects.filter(case=kupang).order_by("id")
    assert [(r.status, r.override_basis) for r in referrals] == [("sent", ""), ("sent", "child")]
    assert CaseParty.objects.filter(case=kupang, role="suspect").count() == 7  # + coordinator
    from lentera.apps.justice.models import Proceeding

    arrested = Proceeding.objects.filter(case=kupang, wanted__isnull=True)  # YB, AB are wanted
    stages = sorted(arrested.values_list("current_stage", flat=True))
    assert stages == ["p19", "p21", "spdp", "stage_2"]  # the four arrested suspects
    from django.utils import timezone

    from lentera.apps.justice.selectors import stalled_or_overdue

    secretariat = User.objects.get(username="kupang.sekretariat")
    flagged = stalled_or_overdue(user=secretariat, today=timezone.localdate())
    assert sorted(w.proceeding.current_stage for w in flagged) == ["p19", "spdp"]
    counts = (Agency.objects.count(), User.objects.count(), Person.objects.count())
    second = load_demo(password="Demo-Sandi-2027!")
    assert (Agency.objects.count(), User.objects.count(), Person.objects.count()) == counts
    assert Proceeding.objects.count() == 6  # the four arrested, the two wanted
    assert User.objects.get(username="kupang.intake").check_password(second.password)
    # Every demo person is pseudonymised in the index (initials stored, names encrypted).
    assert all(p.initials for p in Person.objects.all())
