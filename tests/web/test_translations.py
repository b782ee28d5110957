"""Translations have one source: the project's Indonesian catalogue. It is complete (Indonesian is
the default language, so an untranslated string shows English to every officer), it holds every
string the code marks for translation, and it uses the words of the glossary in ``docs/``."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "lentera"
CATALOGUE = SRC / "locale" / "id" / "LC_MESSAGES" / "django.po"


def entries():
    return [e for e in polib.pofile(str(CATALOGUE)) if not e.obsolete]


def test_one_catalogue_and_no_translation_scripts():
    assert sorted(SRC.glob("**/*.po")) == [CATALOGUE]
    assert not list(SRC.glob("**/translate_*.py"))


def test_catalogue_is_complete():
    missing = [e.msgid for e in entries() if not e.translated() or "fuzzy" in e.flags]
    assert missing == []
    assert not [e for e in polib.pofile(str(CATALOGUE)) if e.obsolete]


def test_placeholders_match():
    for e in entries():
        # Indonesian has one plural form: it is said like the English plural
        source = e.msgid_plural or e.msgid
        for text in [e.msgstr, *e.msgstr_plural.values()]:
            if text:
                assert sorted(re.findall(r"%\(\w+\)s", source)) == sorted(
                    re.findall(r"%\(\w+\)s", text)
                ), e.msgid


def glossary() -> list[tuple[str, list[str]]]:
    rows = []
    for line in (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] and cells[0] not in ("English", "---"):
            rows.append((cells[0], [t.strip() for t in cells[1].split("/")]))
    return rows


def test_glossary_terms_are_translated_as_the_glossary_says():
    terms = glossary()
    assert len(terms) > 20
    wrong = []
    for e in entries():
        text = " ".join([e.msgstr, *e.msgstr_plural.values()]).lower()
        source = re.sub(r"%\(\w+\)s", "", e.msgid)  # placeholders are not words
        for english, indonesian in terms:
            pattern = re.compile(r"\b" + re.escape(english) + r"(s|es|d|ed)?\b", re.IGNORECASE)
            if not pattern.search(source):
                continue
            longer = [
                other
                for other, _ in terms
                if other != english
                and english in other
                and re.search(r"\b" + re.escape(other), source, re.IGNORECASE)
            ]
            if longer:
                continue  # the longer term decides ("placement agency", not "agency")
            if not any(t.lower() in text for t in indonesian):
                wrong.append((english, e.msgid, e.msgstr))
    assert wrong == []


def test_catalogue_holds_every_string_of_the_code(tmp_path):
    """``makemessages`` run afresh finds no string the catalogue lacks (nor one it no longer
    needs): the catalogue is extracted from the code, never written by hand."""
    assert shutil.which("xgettext"), "GNU gettext is needed (scripts/ensure-system-packages)"
    copy = tmp_path / "lentera"
    shutil.copytree(SRC, copy, ignore=shutil.ignore_patterns("*.mo", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "id", "--add-location=file"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "DJANGO_SETTINGS_MODULE": "lentera.config.settings",
            "PATH": "/usr/bin:/bin",
            "LENTERA_VAR_DIR": str(tmp_path / "var"),
            "PYTEST_VERSION": "1",
        },
    )
    fresh = {
        (e.msgctxt, e.msgid)
        for e in polib.pofile(str(copy / "locale" / "id" / "LC_MESSAGES" / "django.po"))
        if not e.obsolete
    }
    ours = {(e.msgctxt, e.msgid) for e in entries()}
    assert sorted(fresh - ours) == [] and sorted(ours - fresh) == []
