"""Strict parsing of input records: bad input names the field and the line."""

import datetime as dt

import pytest

from lentera.screening import InvalidInput, parse_departure, parse_offer


@pytest.mark.parametrize(
    ("record", "field", "words"),
    [
        ({"id": "a"}, "text", "required"),
        ({"text": "  "}, "text", "empty"),
        ({"text": 5}, "text", "string"),
        ({"text": "x", "source": "friendster"}, "source", "unknown code"),
        ({"text": "x", "lang": "fr"}, "lang", "unknown code"),
        ({"text": "x", "url": "http://x"}, "url", "unknown field"),
        ({"text": "x", "id": 7}, "id", "string"),
        ({"text": "x" * 20_001}, "text", "longer"),
    ],
)
def test_invalid_offers(record, field, words):
    with pytest.raises(InvalidInput) as err:
        parse_offer(record, line=4)
    assert (err.value.field, err.value.line) == (field, 4)
    assert words in str(err.value) and "line 4" in str(err.value)


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ({"age": "16"}, "age"),
        ({"age": 16.5}, "age"),
        ({"age": True}, "age"),
        ({"age": 200}, "age"),
        ({"job_offered": "yes"}, "job_offered"),
        ({"job_offered": 1}, "job_offered"),
        ({"destination_country": "Malaysia"}, "destination_country"),
        ({"destination_country": "my"}, "destination_country"),
        ({"departure_date": "11/08/2025"}, "departure_date"),
        ({"departure_date": "2025-02-30"}, "departure_date"),
        ({"stated_purpose": "holiday"}, "stated_purpose"),
        ({"job_offered": True, "job_sector": "mining"}, "job_sector"),
        ({"visa_type": "business"}, "visa_type"),
        ({"recruited_by": "uncle"}, "recruited_by"),
        ({"sex": "f"}, "sex"),
        ({"fees_paid_idr": -1}, "fees_paid_idr"),
        ({"passport_no": "X1"}, "passport_no"),
    ],
)
def test_invalid_departures(record, field):
    with pytest.raises(InvalidInput) as err:
        parse_departure(record, line=9)
    assert (err.value.field, err.value.line) == (field, 9)


def test_departure_fields_are_optional_and_typed():
    dep = parse_departure(
        {
            "id": "x",
            "departure_date": "2025-08-11",
            "age": 16.0,
            "destination_country": "MY",
            "job_offered": False,
            "job_sector": "plantation",
            "parental_consent": True,
            "departure_post": "Tenau",
        }
    )
    assert dep.departure_date == dt.date(2025, 8, 11) and dep.age == 16
    assert dep.job_sector is None  # only kept when a job is offered
    assert dep.parental_consent is True and dep.departure_post == "Tenau"
    adult = parse_departure({"age": 30, "parental_consent": False})
    assert adult.parental_consent is None  # only for travellers under 18
    assert parse_departure({}).international is None


def test_record_must_be_an_object():
    with pytest.raises(InvalidInput, match="not a JSON object"):
        parse_offer(["text"], line=2)  # type: ignore[arg-type]
