"""Statistics the way the field reports them. The Kupang table of field-facts.md (January–July
2023: 36 police reports, 208 victims; 14 in investigation with the file returned (P-19), 16 in
investigation, 6 in inquiry) is rebuilt from proceedings this test records, plus noise that must
not count (another region, a report after the period, a second suspect on the same report)."""

from datetime import date, timedelta

import pytest
from rest_framework.test import APIClient

from lentera.apps.accounts.permissions import Role
from lentera.apps.cases import services as case_services
from lentera.apps.justice import selectors, services
from tests.conftest import make_user
from tests.justice.conftest import add_suspect, add_victims

pytestmark = pytest.mark.django_db

START, END = date(2023, 1, 1), date(2023, 7, 31)
PATHS = {
    "in_inquiry": ["inquiry"],
    "in_investigation": ["investigation_order", "spdp"],
    "file_returned": ["investigation_order", "spdp", "file_stage_1", "p19"],
}


def build_report(actor, region, n_victims, path, report_on, *, suspects=1, later=()):
    case = case_services.case_open(
        actor=actor, title="Kasus TPPO contoh", region=region, acts=["recruitment"]
    )
    add_victims(actor, case, n_victims)
    made = []
    for i in range(suspects):
        party = add_suspect(actor, case, f"Tersangka Contoh {case.pk} {i}", "recruiter")
        p = services.proceeding_open(
            actor=actor,
            suspect=party,
            police_report_date=report_on,
            police_report_number=f"LP/B/{case.pk}/2023",
        )
        on = report_on
        for stage in path if i == 0 else path[:1]:
            on += timedelta(days=3)
            instructions = "Lengkapi berkas." if stage == "p19" else ""
            services.stage_record(
                actor=actor, proceeding=p, stage=stage, on=on, instructions=instructions
            )
        for stage, when in later:
            services.stage_record(actor=actor, proceeding=p, stage=stage, on=when)
        made.append(p)
    return made


@pytest.fixture
def kupang_2023(cast, justice, regions):
    inv = cast.kupang_police_investigator
    plan = ["file_returned"] * 14 + ["in_investigation"] * 16 + ["in_inquiry"] * 6
    victims = [6] * 28 + [5] * 8  # 208
    assert len(plan) == 36 and sum(victims) == 208
    for i, (position, n) in enumerate(zip(plan, victims, strict=True)):
        report_on = START + timedelta(days=5 * i)
        later = ()
        if i == 0:  # went on after the period: counts where it stood on 31 July
            later = (("file_stage_1", date(2023, 8, 10)), ("p21", date(2023, 8, 20)))
        build_report(
            inv,
            regions["53.71"],
            n,
            PATHS[position],
            report_on,
            later=later,
            suspects=2 if i == 1 else 1,
        )
    # not counted: a report after the period, and one in another region (another agency)
    build_report(inv, regions["53.71"], 3, [], date(2023, 8, 2))
    build_report(
        justice.pontianak_investigator, regions["61.71"], 4, PATHS["in_inquiry"], date(2023, 3, 1)
    )


def test_kupang_table_is_reproduced(cast, justice, kupang_2023):
    table = selectors.kupang_table(user=justice.kupang_secretariat, start=START, end=END)
    assert (table.police_reports, table.victims) == (36, 208)
    assert (table.file_returned, table.in_investigation, table.in_inquiry) == (14, 16, 6)
    assert table.with_prosecutor == table.decided == table.dismissed == 0
    # the national view with a region filter gives the same; Pontianak's view sees none of it
    leader = make_user("national_leader", cast.national_satgas, [Role.LEADER])
    assert selectors.kupang_table(user=leader, start=START, end=END, region="53") == table
    other = selectors.kupang_table(user=justice.pontianak_secretariat, start=START, end=END)
    assert (other.police_reports, other.victims, other.in_inquiry) == (1, 4, 1)
    # by the end of August the first report has P-21
    later = selectors.kupang_table(
        user=justice.kupang_secretariat, start=START, end=date(2023, 8, 31)
    )
    assert (later.police_reports, later.with_prosecutor, later.file_returned) == (37, 1, 13)

    # the API gives the same table
    client = APIClient()
    client.force_authenticate(justice.kupang_secretariat, token="t")
    body = client.get(
        "/api/v1/statistics/proceedings?from=2023-01-01&to=2023-07-31&region=53.71"
    ).json()
    reports = body["police_reports"]
    assert (reports["police_reports"], reports["victims"]) == (36, 208)
    assert (reports["file_returned"], reports["in_investigation"], reports["in_inquiry"]) == (
        14,
        16,
        6,
    )
    assert client.get("/api/v1/statistics/proceedings?from=2023-13-01&to=x").status_code == 400


def test_tip_figures_count_officials_and_sentences(cast, justice, four_suspects):
    inv, pros = cast.kupang_police_investigator, justice.kupang_prosecutor
    path = [
        ("investigation_order", date(2024, 1, 10)),
        ("spdp", date(2024, 1, 12)),
        ("file_stage_1", date(2024, 3, 1)),
        ("p21", date(2024, 3, 5)),
        ("stage_2", date(2024, 3, 8)),
        ("indictment", date(2024, 4, 1)),
        ("verdict", date(2024, 6, 3)),
    ]
    sentences = [30, 84, 150, None]  # months; the last is acquitted
    for party, months in zip(four_suspects, sentences, strict=True):
        p = services.proceeding_open(
            actor=inv,
            suspect=party,
            police_report_date=date(2024, 1, 5),
            prosecution_agency=justice.kupang_prosecution,
        )
        for stage, on in path:
            services.stage_record(actor=pros, proceeding=p, stage=stage, on=on)
        if months:
            services.outcome_record(
                actor=pros,
                proceeding=p,
                outcome="convicted",
                on=date(2024, 6, 3),
                prison_months=months,
                restitution_ordered=10_000_000,
            )
        else:
            services.outcome_record(
                actor=pros, proceeding=p, outcome="acquitted", on=date(2024, 6, 3)
            )
    tip = selectors.tip_figures(
        user=justice.kupang_secretariat, start=date(2024, 1, 1), end=date(2024, 12, 31)
    )
    assert (tip.investigations, tip.prosecutions, tip.convictions, tip.acquittals) == (4, 4, 3, 1)
    assert tip.sentences == {
        "no_prison": 0,
        "under_3_years": 1,
        "3_to_under_5_years": 0,
        "5_to_under_10_years": 1,
        "10_years_or_more": 1,
    }
    # the document forger is an official (acquitted): counted, never named
    assert (tip.officials_investigated, tip.officials_prosecuted, tip.officials_convicted) == (
        1,
        1,
        0,
    )
    assert tip.restitution_ordered == 30_000_000
    before = selectors.tip_figures(
        user=justice.kupang_secretariat, start=date(2023, 1, 1), end=date(2023, 12, 31)
    )
    assert before.investigations == before.convictions == 0
