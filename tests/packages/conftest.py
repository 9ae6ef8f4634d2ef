from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Locale

from modules.models import ModulePage
from tests.conftest import built_once_per_module


def load_demo_course():
    call_command("load_demo_content", stdout=StringIO())
    return {
        module.locale.language_code + ":" + module.slug: module
        for module in ModulePage.objects.live().select_related("locale")
    }


demo_modules = built_once_per_module(load_demo_course)


@pytest.fixture
def foundations(demo_modules):
    """The demo course's first module, in English."""
    return ModulePage.objects.get(locale__language_code="en", slug="foundations")


def in_language(module, language):
    return module.get_translation(Locale.objects.get(language_code=language))
