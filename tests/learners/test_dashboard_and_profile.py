import pytest
from django.urls import reverse

from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import LearnerProfile, LessonCompletion
from modules.factories import CourseIndexPageFactory, CoursePageFactory
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


def test_a_new_learner_is_asked_for_their_profile_first(client):
    client.force_login(UserFactory())

    response = client.get(reverse("dashboard"))

    assert response.url == reverse("profile")


def test_the_profile_is_saved_with_the_name_for_certificates(client):
    user = UserFactory()
    client.force_login(user)

    response = client.post(
        reverse("profile"),
        {
            "full_name": "  Łukasz   Wójcik ",
            "role": "police",
            "organisation": "Policía Nacional",
            "country": "UY",
            "preferred_language": "es",
        },
    )

    profile = LearnerProfile.objects.get(user=user)
    assert response.url == reverse("dashboard")
    assert (profile.full_name, profile.role, profile.country.code) == (
        "Łukasz Wójcik",
        "police",
        "UY",
    )


@pytest.mark.parametrize("field", ["full_name", "organisation"])
def test_markup_in_a_name_or_organisation_is_refused_and_nothing_is_saved(client, field):
    client.force_login(UserFactory())
    data = {
        "full_name": "Ana",
        "role": "other",
        "organisation": "",
        "country": "",
        "preferred_language": "en",
    }
    data[field] = '<script>alert("x")</script>'

    response = client.post(reverse("profile"), data)

    assert response.status_code == 200
    assert "Please use letters, spaces and punctuation only." in response.content.decode()
    assert "<script>alert" not in response.content.decode()
    assert not LearnerProfile.objects.exists()


def test_an_overlong_name_is_refused(client):
    client.force_login(UserFactory())
    data = {"full_name": "A" * 151, "role": "other", "country": "", "preferred_language": "en"}

    response = client.post(reverse("profile"), data)

    assert response.status_code == 200
    assert not LearnerProfile.objects.exists()


def test_the_country_list_speaks_the_learners_language(client):
    client.force_login(UserFactory())

    html = client.get(reverse("profile").replace("/en/", "/es/")).content.decode()

    assert ">Brasil</option>" in html and ">Alemania</option>" in html


@pytest.fixture
def catalogue(home):
    return CourseIndexPageFactory(parent=home)


def build_courses(build_course, catalogue, count):
    return [build_course(modules=2, lessons=2, catalogue=catalogue) for _ in range(count)]


@pytest.mark.parametrize("course_count", [3, 15])
def test_the_dashboard_uses_the_same_queries_for_3_or_15_courses(
    client, build_course, catalogue, django_assert_max_num_queries, course_count
):
    learner = LearnerProfileFactory().user
    for course in build_courses(build_course, catalogue, course_count):
        lesson = LessonPage.objects.descendant_of(course).first()
        LessonCompletion.objects.create(
            user=learner, lesson_key=lesson.translation_key, language_code="en"
        )
    client.force_login(learner)
    client.get(reverse("dashboard"))

    # The user with their profile, enrolments, completions, attempts, class memberships.
    with django_assert_max_num_queries(5):
        response = client.get(reverse("dashboard"))

    assert response.content.decode().count("Resume:") == course_count


def test_the_dashboard_sorts_courses_into_in_progress_completed_and_recommended(
    client, build_course, catalogue
):
    learner = LearnerProfileFactory(role="judges").user
    started, finished, untouched = build_courses(build_course, catalogue, 3)
    untouched.audiences = ["judges"]
    untouched.save_revision().publish()
    LessonCompletion.objects.bulk_create(
        [
            LessonCompletion(user=learner, lesson_key=lesson.translation_key, language_code="en")
            for lesson in [
                LessonPage.objects.descendant_of(started).first(),
                *LessonPage.objects.descendant_of(finished),
            ]
        ]
    )
    client.force_login(learner)

    response = client.get(reverse("dashboard"))

    assert [course.course.pk for course in response.context["in_progress"]] == [started.pk]
    assert [course.course.pk for course in response.context["completed"]] == [finished.pk]
    assert [course.course.pk for course in response.context["recommended"]] == [untouched.pk]


def test_a_learner_who_completed_their_only_course_is_not_told_they_have_not_started_one(
    client, build_course, catalogue
):
    (finished,) = build_courses(build_course, catalogue, 1)
    learner = LearnerProfileFactory(preferred_language="pt").user
    LessonCompletion.objects.bulk_create(
        LessonCompletion(user=learner, lesson_key=lesson.translation_key, language_code="en")
        for lesson in LessonPage.objects.descendant_of(finished)
    )
    client.force_login(learner)

    html = client.get(reverse("dashboard")).content.decode()

    assert "You have not started a course yet." not in html
    assert "every course you started is completed" in html


def test_the_catalogue_filters_by_audience_and_preselects_the_learners_role(client, catalogue):
    for_police = CoursePageFactory(parent=catalogue, audiences=["police"], title="Arrests")
    for_teachers = CoursePageFactory(parent=catalogue, audiences=["teachers"], title="Schools")
    client.force_login(LearnerProfileFactory(role="police").user)

    preselected = client.get(catalogue.url).content.decode()
    everything = client.get(catalogue.url, {"audience": ""}).content.decode()
    teachers = client.get(catalogue.url, {"audience": "teachers"}).content.decode()
    nonsense = client.get(catalogue.url, {"audience": "<b>"})

    assert for_police.title in preselected and for_teachers.title not in preselected
    assert '<option value="police" selected>' in preselected
    assert for_police.title in everything and for_teachers.title in everything
    assert for_teachers.title in teachers and for_police.title not in teachers
    assert nonsense.status_code == 200
