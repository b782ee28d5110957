"""Read a form out of a rendered page and send it back as a browser would, unchanged.

A faithful round trip without a browser (issue #11, "open a form, save it unchanged, nothing
changes"): what the server wrote in the page is what is posted. Checked boxes and radios, the
selected option (else the first, as a browser does), text areas without the one newline after
the tag the HTML parser drops; disabled controls and buttons are not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

__all__ = ["HtmlForm", "html_form", "html_forms"]

NOT_SENT = {"submit", "button", "image", "reset", "file"}


@dataclass
class HtmlForm:
    action: str
    method: str
    attrs: dict[str, str]
    fields: list[tuple[str, str]] = field(default_factory=list)

    def data(self, **changes: str | list[str]) -> dict[str, list[str]]:
        """The values the browser sends, by name (a list each), with ``changes`` replacing some."""
        values: dict[str, list[str]] = {}
        for name, value in self.fields:
            values.setdefault(name, []).append(value)
        for name, value in changes.items():
            values[name] = [value] if isinstance(value, str) else list(value)
        return values


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[HtmlForm] = []
        self._form: HtmlForm | None = None
        self._select: dict | None = None
        self._option: dict | None = None
        self._textarea: dict | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: v if v is not None else "" for k, v in attrs_list}
        if tag == "form":
            self._form = HtmlForm(attrs.get("action", ""), attrs.get("method", "get"), attrs)
            self.forms.append(self._form)
            return
        if self._form is None or (tag in ("input", "select", "textarea") and "disabled" in attrs):
            return
        name = attrs.get("name", "")
        if tag == "input" and name:
            kind = attrs.get("type", "text").lower()
            if kind in NOT_SENT:
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._form.fields.append((name, attrs.get("value", "on")))
            else:
                self._form.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = {"name": name, "multiple": "multiple" in attrs, "options": []}
        elif tag == "option" and self._select is not None:
            self._option = {
                "value": attrs.get("value"),
                "text": "",
                "selected": "selected" in attrs,
            }
            self._select["options"].append(self._option)
        elif tag == "textarea" and name:
            self._textarea = {"name": name, "text": ""}

    def handle_data(self, data: str) -> None:
        if self._option is not None:
            self._option["text"] += data
        if self._textarea is not None:
            self._textarea["text"] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "option":
            self._option = None
        elif tag == "select" and self._select is not None and self._form is not None:
            options = self._select["options"]
            values = [o["text"].strip() if o["value"] is None else o["value"] for o in options]
            chosen = [v for o, v in zip(options, values, strict=True) if o["selected"]]
            if not self._select["multiple"]:  # one value: the last selected, else the first
                chosen = chosen[-1:] or values[:1]
            self._form.fields += [(self._select["name"], v) for v in chosen]
            self._select = None
        elif tag == "textarea" and self._textarea is not None and self._form is not None:
            text = self._textarea["text"]
            text = text.removeprefix("\r\n") if text.startswith("\r") else text.removeprefix("\n")
            self._form.fields.append((self._textarea["name"], text))
            self._textarea = None


def html_forms(html: str) -> list[HtmlForm]:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    return parser.forms


def html_form(html: str, match: Callable[[HtmlForm], bool]) -> HtmlForm:
    """The one form of the page that ``match`` picks (an error when none or several do)."""
    found = [f for f in html_forms(html) if match(f)]
    assert len(found) == 1, f"{len(found)} forms match, not one"
    return found[0]
