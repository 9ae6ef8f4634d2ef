"""The people who make the course in the admin, as Django groups (created by migration 0004).

Translators' page permissions cover each translated tree and never the source tree; a language's
tree appears when its home page is first translated, so the grant follows it here.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page

AUTHORS = "Authors"
REVIEWERS = "Reviewers"
TRANSLATORS = "Translators"
TRANSLATED_TREE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def open_translated_tree(home_page):
    """Let Translators add, edit and publish pages under a translated home page."""
    if home_page.locale_id == Locale.get_default().pk:
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


def open_new_translated_tree(sender, instance, created, raw=False, **kwargs):
    """post_save receiver: a home page just created in another language opens to Translators."""
    if created and not raw:
        open_translated_tree(instance)


def can_edit_source(user):
    """Whether ``user`` may change content in the source language: whoever may edit its page
    tree (Authors, Reviewers, administrators), never Translators alone."""
    source_home = Page.objects.filter(depth=2, locale=Locale.get_default()).first()
    return source_home is not None and source_home.permissions_for_user(user).can_edit()
