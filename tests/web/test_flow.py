"""The form flow of the pages (lentera.web.flow.submit): validate, call the service, then either
the success message or the refusal on the form, with the status the page answers."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from lentera.apps.accounts.concurrency import Conflict
from lentera.web.flow import Done, Refused, submit


class NoteForm(forms.Form):
    text = forms.CharField()


def post(data):
    request = RequestFactory().post("/", data)
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def said(request):
    return [(m.level_tag, str(m)) for m in get_messages(request)]


def refuse(exc):
    def act(_data):
        raise exc

    return act


def test_done_carries_the_value_and_the_message_made_from_it():
    request = post({"text": "Laporan"})
    outcome = submit(
        request, NoteForm(request.POST), lambda d: d["text"].upper(), done=lambda v: f"{v} saved"
    )
    assert outcome == Done("LAPORAN") and outcome.ok and outcome.status == 200
    assert said(request) == [("success", "LAPORAN saved")]


def test_an_invalid_form_is_400_and_the_service_is_not_called():
    request, called = post({}), []
    form = NoteForm(request.POST)
    outcome = submit(request, form, called.append, done="saved")
    assert outcome == Refused(400) and not called and form.errors["text"]
    assert said(request) == []


def test_a_refusal_goes_on_the_form_beside_what_was_typed():
    request = post({"text": "Laporan"})
    form = NoteForm(request.POST)
    refusal = ValidationError({"text": "Too short.", "other": "Not here."})
    outcome = submit(request, form, refuse(refusal), done="saved")
    assert isinstance(outcome, Refused) and outcome.status == 400 and not outcome.conflict
    assert form.errors["text"] == ["Too short."] and form.non_field_errors() == ["Not here."]
    assert said(request) == []


def test_a_conflict_is_409_on_the_form_or_as_a_message():
    request = post({"text": "Laporan"})
    form = NoteForm(request.POST)
    outcome = submit(request, form, refuse(Conflict()), done="saved")
    assert outcome.status == 409 and outcome.conflict and form.non_field_errors()
    request = post({"text": "Laporan"})
    form = NoteForm(request.POST)
    outcome = submit(request, form, refuse(Conflict()), done="saved", conflict_as_message=True)
    assert outcome.status == 409 and not form.errors
    assert [level for level, _text in said(request)] == ["error"]


def test_flash_reports_the_refusal_or_the_invalid_form_as_messages():
    request = post({"text": "Laporan"})
    Refused(400, ValidationError(["One.", "Two."])).flash(request, invalid="Choose.")
    Refused(400).flash(request, invalid="Choose.")
    Refused(400).flash(request)
    assert said(request) == [("error", "One."), ("error", "Two."), ("error", "Choose.")]
