"""The bridge to the screening core: marked evidence, the destination table from the database,
and the app's code lists kept in step with the contract's."""

from datetime import date

import pytest
from django.utils import translation

from lentera.apps.prevention import engine
from lentera.apps.prevention.vocab import (
    ActionCode,
    FlagCode,
    JobSector,
    OfferSource,
    Purpose,
    Recruiter,
    Sex,
    VisaType,
)
from lentera.apps.reference.models import Country, DestinationPolicy
from lentera.screening import _codes  # the contract's code lists (read-only here)


def test_highlight_marks_escapes_and_merges():
    text = "Gaji <15jt> & tiket ditanggung, tiket ditanggung lagi"
    html = engine.highlight(text, ["<15jt>", "tiket ditanggung", "ditanggung", "absent"])
    assert html == (
        "Gaji <mark>&lt;15jt&gt;</mark> &amp; <mark>tiket ditanggung</mark>, tiket ditanggung lagi"
    )
    assert engine.highlight("<script>x</script>", []) == "&lt;script&gt;x&lt;/script&gt;"
    # evidence found regardless of case; overlapping spans become one mark
    assert engine.highlight("JAPRI kak", ["japri", "JAPRI kak"]) == "<mark>JAPRI kak</mark>"


def test_vocabularies_match_the_contract():
    assert set(FlagCode.values) == set(_codes.FLAG_CODES)
    assert set(ActionCode.values) == set(_codes.ACTION_CODES)
    assert set(OfferSource.values) == set(_codes.SOURCES)
    assert set(JobSector.values) == set(_codes.SECTORS)
    assert set(VisaType.values) == set(_codes.VISA_TYPES)
    assert set(Recruiter.values) == set(_codes.RECRUITERS)
    assert set(Purpose.values) == set(_codes.PURPOSES)
    assert set(Sex.values) == set(_codes.SEXES)


@pytest.mark.django_db
def test_destination_table_comes_from_the_database(regions):
    # empty table: the shipped defaults
    assert engine.destination_table().lookup("KH").status == "no_agreement"
    my = Country.objects.get(code="MY")
    DestinationPolicy.objects.create(
        country=my, sector="*", status="open", legal_basis="MoU", valid_from=date(2022, 4, 1)
    )
    DestinationPolicy.objects.create(
        country=my,
        sector="fishing",
        status="closed",
        legal_basis="Moratorium uji",
        valid_from=date(2023, 1, 1),
        valid_to=date(2024, 1, 1),
    )
    then = engine.destination_table(date(2023, 6, 1))
    assert then.lookup("KH") is None  # only the administrators' rows count now
    assert then.lookup("MY", "fishing", date(2023, 6, 1)).status == "closed"
    today = engine.destination_table()  # the fishing rule has ended
    assert today.lookup("MY", "fishing").status == "open"


def test_country_names_follow_the_language():
    with translation.override("id"):
        assert engine.country_name("KH") == "Kamboja"
        assert engine.country_choices()[0] == ("ID", "Indonesia")
    with translation.override("en"):
        assert engine.country_name("KH") == "Cambodia"
    assert engine.country_name("") == ""


@pytest.mark.django_db
def test_a_bad_policy_row_is_skipped_not_fatal(regions, caplog):
    my = Country.objects.get(code="MY")
    DestinationPolicy.objects.create(
        country=my, sector="kebun", status="closed", legal_basis="x", valid_from=date(2020, 1, 1)
    )
    DestinationPolicy.objects.create(
        country=my, sector="*", status="open", legal_basis="MoU", valid_from=date(2022, 4, 1)
    )
    table = engine.destination_table()
    assert len(table) == 1 and table.lookup("MY").status == "open"
    assert "MY/kebun skipped" in caplog.text


def test_the_interview_is_listed_once():
    """The contract's interview fields come from the screening core; the model's columns, the
    form's questions and the API's fields are built from that one list (issue #20)."""
    from lentera.apps.prevention.forms import DepartureForm
    from lentera.apps.prevention.models import DepartureScreening
    from lentera.screening import INTERVIEW_FIELDS

    columns = {f.name for f in DepartureScreening._meta.get_fields()}
    assert set(INTERVIEW_FIELDS) <= columns
    asked = {name for _key, _legend, names in DepartureForm.GROUPS for name in names}
    assert asked == {*INTERVIEW_FIELDS, "departure_post", *DepartureForm.IDENTITY}
    assert set(DepartureForm.base_fields) == asked
