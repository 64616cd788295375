"""The Vietnamese catalog is complete, and the committed .mo is compiled from the .po."""

import gettext
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "dancu" / "locale" / "vi" / "LC_MESSAGES"


def test_catalog_is_complete():
    po = polib.pofile(str(LOCALE / "django.po"))
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()][:20]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()][:20]
    assert len(po) > 300


def test_mo_matches_po():
    po = polib.pofile(str(LOCALE / "django.po"))
    with open(LOCALE / "django.mo", "rb") as handle:
        mo = gettext.GNUTranslations(handle)
    stale = [e.msgid for e in po if not e.msgid_plural and e.msgstr and mo.gettext(e.msgid) != e.msgstr]
    assert not stale, f"run msgfmt (make messages): stale .mo for {stale[:10]}"


def test_placeholders_kept():
    import re

    po = polib.pofile(str(LOCALE / "django.po"))
    pattern = re.compile(r"%\(\w+\)[sd]")
    for e in po:
        if e.msgid_plural:
            continue
        assert sorted(pattern.findall(e.msgid)) == sorted(pattern.findall(e.msgstr)), e.msgid
