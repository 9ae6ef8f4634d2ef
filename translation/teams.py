"""The people who make the course in the admin, as Django groups (created by the migrations
``modules/0004_course_teams`` and ``0007``).

Translators' page permissions cover each translated tree and never the source tree; a language's
tree appears when its home page is first translated, so the grant follows it here.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from modules.languages import source_language

AUTHORS = "Authors"
REVIEWERS = "Reviewers"
TRANSLATORS = "Translators"
TRANSLATED_TREE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def open_translated_tree(home_page):
    """Let Translators add, edit and publish pages under a translated home page."""
    if home_page.locale.language_code == source_language():
        return
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=TRANSLATED_TREE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=translators, page=home_page, permission=permission
        )


def can_edit_source(user):
    """Whether ``user`` may change content in the source language: whoever may edit its page
    tree (Authors, Reviewers, administrators), never Translators alone."""
    source_home = Page.objects.filter(depth=2, locale__language_code=source_language()).first()
    return source_home is not None and source_home.permissions_for_user(user).can_edit()
