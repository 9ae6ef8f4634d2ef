"""A panel on the admin dashboard: where each course stands in each language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from modules.languages import target_locales
from modules.models import CoursePage

from .status import course_status


def sees_translation_status(user):
    """Whoever may send pages for translation (course teams, Wagtail's editors and moderators,
    administrators) and course managers, who decide what to translate next."""
    return user.has_perm("wagtail_localize.submit_translation") or user.has_perm(
        "reports.view_report"
    )


class TranslationStatusPanel(Component):
    name = "translation_status"
    title = _("Course translations")
    order = 150
    template_name = "translation/translation_panel.html"

    def get_context_data(self, parent_context):
        locales = list(target_locales())
        rows = course_status(CoursePage.objects.all(), locales, modules=False)
        return {
            "locales": locales,
            "rows": [
                (row.page, [row.locales[locale.language_code] for locale in locales])
                for row in rows
            ],
            "can_see_report": parent_context["request"].user.has_perm("reports.view_report"),
        }
