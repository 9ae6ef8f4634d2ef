"""Authors get help in the editor: every page type and block explains itself and can be
previewed, and Wagtail's accessibility checker stays on."""

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page

from modules.blocks import LessonStreamBlock
from quizzes.blocks import QuestionStreamBlock

BLOCKS = [
    *LessonStreamBlock().child_blocks.values(),
    *QuestionStreamBlock().child_blocks.values(),
]
PAGE_TYPES = [
    model
    for model in apps.get_models()
    if issubclass(model, Page)
    and model is not Page
    and model._meta.app_label in {"resources", "modules", "quizzes"}
]


@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.name)
def test_every_block_has_help_text_and_a_preview(block):
    field = getattr(block, "field", None)
    assert getattr(block.meta, "help_text", None) or getattr(field, "help_text", None)
    assert block.is_previewable


@pytest.mark.django_db
@pytest.mark.parametrize("block", BLOCKS, ids=lambda block: block.name)
def test_every_block_preview_renders_in_the_admin(admin_client, block):
    response = admin_client.get(
        reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix}
    )
    assert response.status_code == 200


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_explains_its_fields(model):
    own_fields = [
        field
        for field in model._meta.get_fields(include_parents=False)
        if getattr(field, "editable", False) and not field.auto_created and field.name != "page_ptr"
    ]
    assert own_fields == [] or all(field.help_text for field in own_fields), model


@pytest.mark.django_db
def test_the_accessibility_checker_runs_for_authors_on_every_page(
    client, team_member, build_course
):
    team_member("Authors")
    lesson = build_course(lessons=1).get_children().get().get_children().get()

    html = client.get(lesson.url).text

    assert "w-userbar" in html
    assert "w-content-checker" in html  # Wagtail's accessibility and content checks
