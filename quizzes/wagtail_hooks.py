from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permissions import register_permission_policy

from .bank_views import ExportQuestionsView, QuestionBankView
from .models import ExtraAttempt, QuizPage
from .views_admin import ExtraAttemptViewSet, GrantPolicy

register_permission_policy(ExtraAttempt, GrantPolicy(ExtraAttempt))


@hooks.register("register_admin_viewset")
def register_extra_attempt_viewset():
    return ExtraAttemptViewSet("extra_attempts", url_prefix="extra-attempts")


@hooks.register("register_admin_urls")
def register_question_bank_urls():
    return [
        path("quizzes/<int:quiz_id>/questions/", QuestionBankView.as_view(), name="question_bank"),
        path(
            "quizzes/<int:quiz_id>/questions/export/<str:bank_format>/",
            ExportQuestionsView.as_view(),
            name="question_bank_export",
        ),
    ]


def question_bank_button(page, user, view_name=None, next_url=None):
    """On a quiz's header and listing menus, for staff who may edit it."""
    if page.specific_class is QuizPage and page.permissions_for_user(user).can_edit():
        yield ListingButton(
            _("Import or export questions"),
            reverse("question_bank", args=[page.pk]),
            priority=66,
            icon_name="download",
        )


hooks.register("register_page_header_buttons", question_bank_button)
hooks.register("register_page_listing_more_buttons", question_bank_button)
