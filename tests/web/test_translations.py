"""Every Indonesian catalogue is complete: no entry left untranslated or fuzzy (Indonesian is the
default language, so an untranslated string shows English to every officer)."""

from pathlib import Path

import polib
import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "lentera"
CATALOGUES = sorted(SRC.glob("**/locale/id/LC_MESSAGES/django.po"))


def test_there_is_a_project_catalogue_and_app_catalogues():
    assert SRC / "locale" / "id" / "LC_MESSAGES" / "django.po" in CATALOGUES
    assert len(CATALOGUES) >= 4  # the project, justice, prevention, protection


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(SRC)))
def test_catalogue_is_complete(path):
    po = polib.pofile(str(path))
    missing = [
        entry.msgid
        for entry in po
        if not entry.obsolete and (not entry.translated() or "fuzzy" in entry.flags)
    ]
    assert missing == []
