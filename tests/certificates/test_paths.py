"""Paths: each profession completes the modules written for it and earns a certificate naming
its path; the whole course stays open and earns its own."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse

from certificates.models import Certificate
from learners.factories import LearnerProfileFactory
from learners.models import Enrolment, Role
from learners.progress import LearnerRecord, course_progress
from modules import durations
from modules.factories import LessonPageFactory
from modules.paths import WHOLE_COURSE

from .helpers import complete_module, log_in
from .test_certificate_pages import pdf_text

pytestmark = pytest.mark.django_db


def paths_held(user):
    return sorted(Certificate.objects.valid().filter(user=user).values_list("path", flat=True))


def test_a_police_officer_is_certified_for_foundations_and_the_police_module_only(
    client, path_course
):
    officer = log_in(client, Role.POLICE)

    complete_module(client, path_course, "Foundations")
    assert paths_held(officer) == []
    complete_module(client, path_course, "Arrests")

    assert paths_held(officer) == [Role.POLICE]
    assert Enrolment.objects.get(user=officer).completed_at is not None


def test_a_teachers_path_differs(client, path_course):
    teacher = log_in(client, Role.TEACHERS)

    complete_module(client, path_course, "Foundations")
    complete_module(client, path_course, "Arrests")
    assert paths_held(teacher) == []
    complete_module(client, path_course, "In the classroom")

    # The teacher has now done every module: their path, and the whole course as well.
    assert paths_held(teacher) == [WHOLE_COURSE, Role.TEACHERS]


def test_the_course_page_shows_and_counts_the_learners_path(client, path_course):
    log_in(client, Role.POLICE)
    complete_module(client, path_course, "Foundations")

    html = client.get(path_course.url).content.decode()

    assert "Your path: Path for police officers" in html
    assert '<option value="police" selected>' in html
    # Foundations and Arrests: 2 lessons and a quiz each; Foundations done.
    assert "3 of 6 lessons and quizzes done" in html
    assert "Also in this course" in html and "In the classroom" in html


def test_a_learner_can_take_the_whole_course_and_earn_its_certificate_too(client, path_course):
    officer = log_in(client, Role.POLICE)
    complete_module(client, path_course, "Foundations")
    complete_module(client, path_course, "Arrests")

    response = client.post(reverse("choose_course_path", args=[path_course.pk]), {"path": "all"})
    assert response.status_code == 302
    html = client.get(path_course.url).content.decode()
    assert "6 of 9 lessons and quizzes done" in html
    assert "You now follow: The whole course." in html

    complete_module(client, path_course, "In the classroom")
    assert paths_held(officer) == [WHOLE_COURSE, Role.POLICE]


def test_choosing_a_path_already_completed_issues_its_certificate(client, path_course):
    judge = log_in(client, Role.JUDGES)  # the judges' path is Foundations alone
    complete_module(client, path_course, "Foundations")
    assert paths_held(judge) == [Role.JUDGES]
    complete_module(client, path_course, "Arrests")

    client.post(reverse("choose_course_path", args=[path_course.pk]), {"path": Role.POLICE})

    assert paths_held(judge) == [Role.JUDGES, Role.POLICE]


def test_a_path_the_course_does_not_offer_is_refused(client, path_course):
    log_in(client, Role.POLICE)

    response = client.post(reverse("choose_course_path", args=[path_course.pk]), {"path": "pilots"})

    assert response.status_code == 400
    assert "no such path" in response.content.decode()
    assert not Enrolment.objects.exists()


def test_choosing_a_path_needs_an_account(client, path_course):
    response = client.post(reverse("choose_course_path", args=[path_course.pk]), {"path": "all"})

    assert response.status_code == 302 and "login" in response["Location"]
    assert not Enrolment.objects.exists()


def test_a_certificate_per_learner_course_and_path_is_enforced_by_the_database(path_course):
    profile = LearnerProfileFactory()
    fields = {"user": profile.user, "course_key": path_course.translation_key, "full_name": "A"}
    Certificate.objects.create(path=Role.POLICE, **fields)
    Certificate.objects.create(path=WHOLE_COURSE, **fields)
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(path=Role.POLICE, **fields)


def test_notes_for_the_readers_profession_are_marked(client, path_course):
    lesson = LessonPageFactory(
        parent=path_course.get_children().first(),
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


def test_a_module_outside_the_learners_path_says_so_and_stays_open(client, path_course):
    log_in(client, Role.POLICE)
    classroom = path_course.get_children().get(title="In the classroom")
    arrests = path_course.get_children().get(title="Arrests")

    outside = client.get(classroom.url)
    inside = client.get(arrests.url).content.decode()

    assert outside.status_code == 200
    assert "not part of your path (Path for police officers)" in outside.content.decode()
    assert "not part of your path" not in inside


def test_the_certificate_names_the_path_and_states_its_computed_hours(client, path_course):
    officer = log_in(client, Role.POLICE)
    complete_module(client, path_course, "Foundations")
    complete_module(client, path_course, "Arrests")

    certificate = Certificate.objects.get(user=officer)
    modules = path_course.get_children().filter(title__in=["Foundations", "Arrests"])
    pages = [page.specific for module in modules for page in module.get_children()]
    path_minutes = sum(page.minutes for page in pages)
    assert certificate.minutes == path_minutes
    assert course_progress(path_course, LearnerRecord(officer)).minutes == path_minutes

    hours = durations.hours(path_minutes)
    page = client.get(reverse("certificate", args=[certificate.code])).content.decode()
    pdf = pdf_text(client.get(reverse("certificate_pdf", args=[certificate.code])))
    for text in (page, pdf):
        assert f"{path_course.certificate_title} — Path for police officers" in text
        assert f"Course length: {hours:f} h".replace(".0 h", " h") in text
