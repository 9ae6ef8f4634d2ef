"""An installation of the first edition keeps every page, snippet, completion, attempt and
certificate when it migrates to this one (the glossary, the directory and translation gaps
moved to apps of their own)."""

import uuid
from decimal import Decimal

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from wagtail.models import Page, Revision

from certificates.models import Certificate
from learners.models import Enrolment, LessonCompletion
from modules.models import LessonPage
from quizzes.models import QuestionResponse, QuizAttempt
from resources.models import DirectoryPage, GlossaryPage, GlossaryTerm, SupportOrganisation
from translation.models import TranslationGap

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# The newest migration of each of the project's apps in the first edition.
FIRST_EDITION = {
    "modules": "0007_glossary_and_directory_permissions",
    "learners": "0003_enrolments_from_existing_activity",
    "quizzes": "0003_responses_from_existing_attempts",
    "certificates": "0001_initial",
    "reports": "0002_course_managers_group",
}
NEW_APPS = {"resources", "translation"}
COURSE_KEY, LESSON_KEY, QUIZ_KEY = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def first_edition_nodes(executor):
    nodes = [node for node in executor.loader.graph.leaf_nodes() if node[0] not in NEW_APPS]
    return [(app, FIRST_EDITION.get(app, name)) for app, name in nodes]


class FirstEditionTree:
    """Pages built with the first edition's models, as its page tree stored them."""

    def __init__(self, apps):
        self.apps = apps
        self.locale = apps.get_model("wagtailcore.Locale").objects.get(language_code="en")
        self.home = apps.get_model("wagtailcore.Page").objects.get(depth=2, locale=self.locale)

    def add(self, model_name, parent, title, **fields):
        model = self.apps.get_model(model_name)
        content_type, _ = self.apps.get_model("contenttypes.ContentType").objects.get_or_create(
            app_label=model._meta.app_label, model=model._meta.model_name
        )
        parent.numchild += 1
        parent.save(update_fields=["numchild"])
        slug = title.lower().replace(" ", "-")
        return model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            locale=self.locale,
            path=f"{parent.path}{parent.numchild + 100:04d}",
            depth=parent.depth + 1,
            numchild=0,
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            **fields,
        )


def fill_first_edition(apps):
    """A little of everything the first edition held, written with its own models."""
    tree = FirstEditionTree(apps)
    now = timezone.now()
    term = apps.get_model("modules.GlossaryTerm").objects.create(
        term="best interests of the child",
        definition="A child's welfare comes first.",
        locale=tree.locale,
    )
    apps.get_model("modules.SupportOrganisation").objects.create(
        name="Gurises Unidos", country="UY", offers="Support groups.", locale=tree.locale
    )
    glossary = tree.add("modules.GlossaryPage", tree.home, "Glossary", intro="<p>Words.</p>")
    tree.add("modules.DirectoryPage", tree.home, "Directory", intro="<p>Help.</p>")
    catalogue = tree.add("modules.CourseIndexPage", tree.home, "Courses")
    course = tree.add(
        "modules.CoursePage",
        catalogue,
        "A course",
        translation_key=COURSE_KEY,
        intro="<p>Why.</p>",
        estimated_hours=Decimal("2.5"),
        certificate_title="A course",
    )
    module = tree.add(
        "modules.ModulePage", course, "A module", summary="What.", estimated_minutes=30
    )
    lesson = tree.add(
        "modules.LessonPage",
        module,
        "A lesson",
        translation_key=LESSON_KEY,
        body=[{"type": "glossary_term", "value": {"term": term.pk}, "id": str(uuid.uuid4())}],
    )
    apps.get_model("modules.TranslationGap").objects.create(page_id=lesson.pk, missing_strings=2)
    page_type = apps.get_model("contenttypes.ContentType").objects.get(
        app_label="wagtailcore", model="page"
    )
    apps.get_model("wagtailcore.Revision").objects.create(
        content_type_id=glossary.content_type_id,
        base_content_type=page_type,
        object_id=str(glossary.pk),
        content={"title": "Glossary", "intro": "<p>Words.</p>", "pk": glossary.pk},
        object_str="Glossary",
        created_at=now,
    )

    user = apps.get_model("auth.User").objects.create(username="ana", email="ana@example.org")
    apps.get_model("learners.LearnerProfile").objects.create(
        user=user, full_name="Ana Pérez", role="teachers", preferred_language="es"
    )
    apps.get_model("learners.LessonCompletion").objects.create(
        user=user, lesson_key=LESSON_KEY, language_code="es", completed_at=now
    )
    apps.get_model("learners.Enrolment").objects.create(
        user=user, course_key=COURSE_KEY, language_code="es", started_at=now, completed_at=now
    )
    attempt = apps.get_model("quizzes.QuizAttempt").objects.create(
        user=user,
        quiz_key=QUIZ_KEY,
        number=1,
        language_code="es",
        seed=7,
        submitted_at=now,
        answers={"q1": ["o1"]},
        credits={"q1": 1.0},
        score=100,
        pass_mark=70,
        passed=True,
    )
    apps.get_model("quizzes.QuestionResponse").objects.create(
        attempt=attempt,
        quiz_key=QUIZ_KEY,
        question_id="q1",
        chosen="o1",
        credit=1.0,
        language_code="es",
        submitted_at=now,
    )
    apps.get_model("certificates.Certificate").objects.create(
        user=user, course_key=COURSE_KEY, full_name="Ana Pérez", language_code="es"
    )
    # The new code served a page before `migrate` ran and so made a content type of its own.
    apps.get_model("contenttypes.ContentType").objects.create(
        app_label="resources", model="glossarypage"
    )
    return {"glossary": glossary.pk, "lesson": lesson.pk, "term": term.pk}


def test_an_upgraded_installation_keeps_its_pages_snippets_and_learners_records():
    executor = MigrationExecutor(connection)
    old_nodes = first_edition_nodes(executor)
    executor.migrate([*old_nodes, *((app, None) for app in NEW_APPS)])
    try:
        old_apps = MigrationExecutor(connection).loader.project_state(old_nodes).apps
        ids = fill_first_edition(old_apps)
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
        # The content types were relabelled under the cache's feet; reading them afresh also
        # leaves the cache warm, as the next test's restore of the database expects it.
        ContentType.objects.clear_cache()
        ContentType.objects.get_for_models(*django_apps.get_models())

    glossary = Page.objects.get(pk=ids["glossary"]).specific
    assert isinstance(glossary, GlossaryPage)
    assert glossary.intro == "<p>Words.</p>"
    revision = Revision.objects.for_instance(glossary).get()
    assert isinstance(revision.as_object(), GlossaryPage)
    assert DirectoryPage.objects.get().intro == "<p>Help.</p>"
    term = GlossaryTerm.objects.get(pk=ids["term"])
    assert term.term == "best interests of the child"
    assert SupportOrganisation.objects.get().country.code == "UY"
    lesson = LessonPage.objects.get(pk=ids["lesson"])
    assert lesson.body[0].value["term"] == term
    assert TranslationGap.objects.get(page_id=lesson.pk).missing_strings == 2
    authors = Group.objects.get(name="Authors")
    assert authors.permissions.filter(
        content_type__app_label="resources", codename="change_glossaryterm"
    ).exists()
    assert not ContentType.objects.filter(
        app_label="modules", model__in=["glossaryterm", "glossarypage", "translationgap"]
    ).exists()

    assert LessonCompletion.objects.get().lesson_key == LESSON_KEY
    assert Enrolment.objects.get().completed_at is not None
    assert QuizAttempt.objects.get().answers == {"q1": ["o1"]}
    assert QuestionResponse.objects.get().chosen == "o1"
    assert Certificate.objects.get().full_name == "Ana Pérez"
