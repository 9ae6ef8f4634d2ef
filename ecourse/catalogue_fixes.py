"""Strings other packages translate that our catalogues correct, marked here so that
makemessages keeps them: our ``locale/`` comes before Django's and django-countries' catalogues.

Portuguese writes month names in lower case ("1 de dezembro de 2026"), Django's catalogue
capitalises them; django-countries' Spanish catalogue spells "Trinidad yTobago".
"""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]
COUNTRIES = [gettext_noop("Trinidad and Tobago")]
