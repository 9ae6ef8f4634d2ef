"""The interface speaks every language fully; compiled catalogues match their sources."""

import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import formats, translation
from django_countries import countries

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TRANSLATED_LANGUAGES = [code for code, _ in settings.LANGUAGES if code != "en"]


def messages(catalogue):
    return {
        (entry.msgctxt, entry.msgid): entry.msgstr_plural or entry.msgstr
        for entry in catalogue
        if entry.msgid and not entry.obsolete
    }


def normalised(translations):
    return {
        key: {int(form): text for form, text in value.items()} if isinstance(value, dict) else value
        for key, value in translations.items()
    }


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_every_interface_string_is_translated_and_none_is_fuzzy(language):
    catalogue = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert untranslated == [], f"untranslated in {language}"
    assert fuzzy == [], f"fuzzy in {language}"


@pytest.mark.parametrize("language", TRANSLATED_LANGUAGES)
def test_the_compiled_catalogue_matches_its_source(language):
    folder = LOCALE_DIR / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    compiled = polib.mofile(str(folder / "django.mo"))

    assert normalised(messages(compiled)) == normalised(messages(source)), (
        f"locale/{language}/LC_MESSAGES/django.mo is out of date: run `make messages`"
    )


def test_portuguese_dates_write_the_month_in_lower_case_and_spanish_spells_trinidad():
    with translation.override("pt"):
        assert formats.date_format(datetime.date(2026, 12, 1), "DATE_FORMAT") == (
            "1 de dezembro de 2026"
        )
    with translation.override("es"):
        assert countries.name("TT") == "Trinidad y Tobago"
