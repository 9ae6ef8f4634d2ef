"""Paths: each profession completes the modules written for it and earns a certificate naming
its path; the whole course stays open and earns its own."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from certificates.models import Certificate
from learners.factories import LearnerProfileFactory
from learners.models import Enrolment, Role
from modules.factories import (
    CourseIndexPageFactory,
    CoursePageFactory,
    LessonPageFactory,
    ModulePageFactory,
)
from modules.models import LessonPage
from modules.paths import WHOLE_COURSE
from quizzes.factories import QuizPageFactory
from quizzes.models import QuizPage
from tests.quizzes.helpers import answers, start_attempt, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(home):
    """Foundations for everyone, then a module for teachers and one for the police."""
    course = CoursePageFactory(
        parent=CourseIndexPageFactory(parent=home),
        audiences=[Role.TEACHERS, Role.POLICE, Role.JUDGES],
    )
    for title, audiences in [
        ("Foundations", []),
        ("In the classroom", [Role.TEACHERS]),
        ("Arrests", [Role.POLICE]),
    ]:
        module = ModulePageFactory(parent=course, title=title, audiences=audiences)
        for number in range(2):
            LessonPageFactory(parent=module, title=f"{title} {number}")
        QuizPageFactory(parent=module, title=f"{title} quiz")
    return course


def log_in(client, role):
    profile = LearnerProfileFactory(role=role, preferred_language="en")
    client.force_login(profile.user)
    return profile.user


def complete_module(client, course, title):
    module = course.get_children().get(title=title)
    for lesson in LessonPage.objects.child_of(module).order_by("path"):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    quiz = QuizPage.objects.child_of(module).get()
    submit(client, start_attempt(client, quiz), answers(quiz))


def paths_held(user):
    return sorted(Certificate.objects.valid().filter(user=user).values_list("path", flat=True))


def test_a_police_officer_is_certified_for_foundations_and_the_police_module_only(client, course):
    officer = log_in(client, Role.POLICE)

    complete_module(client, course, "Foundations")
    assert paths_held(officer) == []
    complete_module(client, course, "Arrests")

    assert paths_held(officer) == [Role.POLICE]
    assert Enrolment.objects.get(user=officer).completed_at is not None


def test_a_teachers_path_differs(client, course):
    teacher = log_in(client, Role.TEACHERS)

    complete_module(client, course, "Foundations")
    complete_module(client, course, "Arrests")
    assert paths_held(teacher) == []
    complete_module(client, course, "In the classroom")

    # The teacher has now done every module: their path, and the whole course as well.
    assert paths_held(teacher) == [WHOLE_COURSE, Role.TEACHERS]


def test_the_course_page_shows_and_counts_the_learners_path(client, course):
    log_in(client, Role.POLICE)
    complete_module(client, course, "Foundations")

    html = client.get(course.url).content.decode()

    assert "Your path: Path for police officers" in html
    assert '<option value="police" selected>' in html
    # Foundations and Arrests: 2 lessons and a quiz each; Foundations done.
    assert "3 of 6 lessons and quizzes done" in html
    assert "Also in this course" in html and "In the classroom" in html


def test_a_learner_can_take_the_whole_course_and_earn_its_certificate_too(client, course):
    officer = log_in(client, Role.POLICE)
    complete_module(client, course, "Foundations")
    complete_module(client, course, "Arrests")

    response = client.post(reverse("choose_course_path", args=[course.pk]), {"path": "all"})
    assert response.status_code == 302
    html = client.get(course.url).content.decode()
    assert "6 of 9 lessons and quizzes done" in html
    assert "You now follow: The whole course." in html

    complete_module(client, course, "In the classroom")
    assert paths_held(officer) == [WHOLE_COURSE, Role.POLICE]


def test_choosing_a_path_already_completed_issues_its_certificate(client, course):
    judge = log_in(client, Role.JUDGES)  # the judges' path is Foundations alone
    complete_module(client, course, "Foundations")
    assert paths_held(judge) == [Role.JUDGES]
    complete_module(client, course, "Arrests")

    client.post(reverse("choose_course_path", args=[course.pk]), {"path": Role.POLICE})

    assert paths_held(judge) == [Role.JUDGES, Role.POLICE]


def test_a_path_the_course_does_not_offer_is_refused(client, course):
    log_in(client, Role.POLICE)

    response = client.post(reverse("choose_course_path", args=[course.pk]), {"path": "pilots"})

    assert response.status_code == 400
    assert "no such path" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_choosing_a_path_needs_an_account(client, course):
    response = client.post(reverse("choose_course_path", args=[course.pk]), {"path": "all"})

    assert response.status_code == 302 and "login" in response["Location"]
    assert not Enrolment.objects.exists()


def test_a_certificate_per_learner_course_and_path_is_enforced_by_the_database(course):
    profile = LearnerProfileFactory()
    fields = {"user": profile.user, "course_key": course.translation_key, "full_name": "A"}
    Certificate.objects.create(path=Role.POLICE, **fields)
    Certificate.objects.create(path=WHOLE_COURSE, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(path=Role.POLICE, **fields)


def test_notes_for_the_readers_profession_are_marked(client, course):
    lesson = LessonPageFactory(
        parent=course.get_children().first(),
        body__0__audience_note__audience=Role.POLICE,
        body__1__audience_note__audience=Role.TEACHERS,
    )
    anonymous = client.get(lesson.url).content.decode()
    log_in(client, Role.POLICE)
    officer = client.get(lesson.url).content.decode()

    assert "<body>" in anonymous
    assert '<body class="role-police">' in officer
    # Both notes are there for everyone; the stylesheet shows "your profession" on the match.
    for html in (anonymous, officer):
        assert "audience-note--police" in html and "audience-note--teachers" in html
