import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache, caches
from django.db import transaction
from django.utils import translation
from wagtail.models import Locale

from learners.factories import LearnerProfileFactory, UserFactory
from modules.caching import content_memory, generation_memo
from modules.choices import Audience
from modules.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from modules.models import HomePage
from quizzes.factories import QuizPageFactory
from translation.localize import source_strings, translate_page


@pytest.fixture(autouse=True)
def english_until_a_request_says_otherwise():
    """A request activates its URL's language for the thread; start every test in English."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate limits and cached fragments live in the caches; no test inherits another's."""
    cache.clear()
    caches["fragments"].clear()
    content_memory.clear()
    generation_memo.forget()


@pytest.fixture
def learner(client):
    """A learner with a profile, logged in on ``client``."""
    profile = LearnerProfileFactory()
    client.force_login(profile.user)
    return profile.user


@pytest.fixture
def team_member(client):
    """``team_member("Translators")``: a new user in that group, logged in on ``client``."""

    def join(group_name):
        user = UserFactory(username=group_name.lower().replace(" ", "-"))
        user.groups.add(Group.objects.get(name=group_name))
        client.force_login(user)
        return user

    return join


@pytest.fixture
def home(db):
    return english_home()


def english_home():
    """The English home page every installation gets from the migrations."""
    return HomePage.objects.get(locale__language_code="en")


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


def build_tree(home, modules=1, lessons=3, quiz=False, catalogue=None):
    """A course under ``home``: ``modules`` modules of ``lessons`` lessons, then a quiz in each
    if ``quiz``."""
    catalogue = catalogue or CourseIndexPageFactory(parent=home)
    course = CoursePageFactory(parent=catalogue)
    for _ in range(modules):
        module = ModulePageFactory(parent=course)
        for _ in range(lessons):
            LessonPageFactory(parent=module, body__0__rich_text__value="<p>Text.</p>")
        if quiz:
            QuizPageFactory(parent=module)
    return course


def build_path_course(home):
    """A course for teachers, police and judges: Foundations for everyone, then a module for
    teachers and one for the police, each of two lessons and a quiz. Judges' path is
    Foundations alone."""
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        audiences=[Audience.TEACHERS, Audience.POLICE, Audience.JUDGES],
    )
    for title, audiences in [
        ("Foundations", []),
        ("In the classroom", [Audience.TEACHERS]),
        ("Arrests", [Audience.POLICE]),
    ]:
        module = ModulePageFactory(parent=course, title=title, audiences=audiences)
        for number in range(2):
            LessonPageFactory(parent=module, title=f"{title} {number}")
        QuizPageFactory(parent=module, title=f"{title} quiz")
    return course


@pytest.fixture
def path_course(home):
    return build_path_course(home)


def translate(home, course, language):
    """Translate ``course``, everything above it and everything below it into ``language``
    through wagtail-localize, each string becoming "<text> [<language>]"."""
    locale = Locale.objects.get(language_code=language)
    pages = [home, *course.get_ancestors().filter(depth__gt=2), course]
    pages += list(course.get_descendants().order_by("path"))
    for page in pages:
        page = page.specific
        if page.get_translations().filter(locale=locale).exists():
            continue
        strings = {text: f"{text} [{language}]" for text in source_strings(page)}
        translate_page(page, locale, strings)


def built_once_per_module(build):
    """A module-scoped fixture of what ``build()`` returns, for tests that only read it. It lives
    in a transaction around the module's tests, each of which rolls back to it, and is rolled
    back itself when they end."""

    @pytest.fixture(scope="module")
    def built(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock(), transaction.atomic():
            yield build()
            transaction.set_rollback(True)

    return built


@pytest.fixture
def build_course(home):
    """``build_course(modules=2, lessons=3, quiz=True)`` puts three lessons and then a quiz in
    each of two modules of a new course."""

    def build(modules=1, lessons=3, quiz=False, catalogue=None):
        return build_tree(home, modules, lessons, quiz, catalogue)

    return build


@pytest.fixture
def translate_tree(home, locales):
    """``translate_tree(course, "es")``: the course and its tree translated, see ``translate``."""

    def translate_course(course, language):
        translate(home, course, language)

    return translate_course
