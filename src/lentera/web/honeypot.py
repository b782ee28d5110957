"""A honeypot for the public forms (a complaint, a tracking-code look-up, the job check).

The form carries one extra text input that people never see (moved off screen by the style sheet,
skipped by the keyboard and by screen readers) and that form-filling robots fill in. A submission
with it filled is refused whole, with the form's ordinary error, and nothing is stored.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

FIELD = "website"


class HoneypotInput(forms.TextInput):
    """A text input rendered with the hidden fields (so with no label) and off screen."""

    @property
    def is_hidden(self) -> bool:
        return True

    def __init__(self) -> None:
        super().__init__(
            attrs={"class": "hp", "tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        )


class HoneypotForm(forms.Form):
    """Inherit from this (before the other forms) to add the honeypot to a public form."""

    website = forms.CharField(required=False, label="", widget=HoneypotInput())

    def clean(self) -> dict[str, Any] | None:
        if self.cleaned_data.get(FIELD):
            # a form error, not the (invisible) field's
            self.add_error(
                None, _("This form could not be sent. Please try again, or call SAPA 129.")
            )
        return super().clean()
