import pytest
from django.urls import reverse

from learners.factories import LearnerProfileFactory
from learners.models import LessonCompletion
from modules.models import LessonPage

pytestmark = pytest.mark.django_db


def complete(client, lesson):
    return client.post(reverse("complete_lesson", args=[lesson.pk]))


@pytest.fixture
def course(build_course):
    return build_course(modules=1, lessons=3)


def lessons_in(course, language):
    return list(
        LessonPage.objects.live()
        .filter(
            locale__language_code=language,
            translation_key__in=course.get_descendants().values("translation_key"),
        )
        .order_by("path")
    )


def test_a_learner_who_switches_from_spanish_to_portuguese_keeps_their_lessons(
    client, learner, course, locales, translate_tree
):
    for language in ("es", "pt"):
        translate_tree(course, language)
    spanish = lessons_in(course, "es")
    portuguese = lessons_in(course, "pt")

    complete(client, spanish[0])
    complete(client, spanish[1])
    portuguese_course = course.get_translation(locales["pt"])
    html = client.get(portuguese_course.url).content.decode()
    module_html = client.get(portuguese[0].get_parent().url).content.decode()

    assert set(LessonCompletion.objects.values_list("language_code", flat=True)) == {"es"}
    assert f'<a class="button button--large" href="{portuguese[2].url}">' in html  # "Resume"
    assert 'value="2"' in html and 'max="3"' in html
    assert module_html.count("✓") == 2


def test_completing_moves_on_to_the_next_lesson_then_back_to_the_module(client, learner, course):
    first, second, third = lessons_in(course, "en")

    assert complete(client, first).url == second.url
    assert complete(client, third).url == third.get_parent().url


def test_completing_a_lesson_twice_keeps_one_row(client, learner, course):
    lesson = lessons_in(course, "en")[0]

    complete(client, lesson)
    complete(client, lesson)

    assert LessonCompletion.objects.filter(user=learner).count() == 1


@pytest.mark.parametrize("problem", ["missing", "unpublished", "get"])
def test_bad_completion_requests_are_refused_and_save_nothing(client, learner, course, problem):
    lesson = lessons_in(course, "en")[0]
    url = reverse("complete_lesson", args=[lesson.pk])
    if problem == "missing":
        response = client.post(reverse("complete_lesson", args=[999_999]))
    elif problem == "unpublished":
        lesson.unpublish()
        response = client.post(url)
    else:
        response = client.get(url)

    assert response.status_code in {404, 405}
    assert not LessonCompletion.objects.exists()


def test_an_unpublished_lesson_does_not_block_the_module(client, learner, course):
    first, second, third = lessons_in(course, "en")
    complete(client, first)
    complete(client, second)
    third.unpublish()

    html = client.get(first.get_parent().url).content.decode()

    assert 'value="2"' in html and 'max="2"' in html


def test_anonymous_completions_follow_the_reader_into_their_new_account(client, course, mailoutbox):
    first, second, _ = lessons_in(course, "en")
    complete(client, first)
    complete(client, second)

    client.post(
        reverse("account_signup"),
        {
            "email": "new@example.com",
            "password1": "Quiet-river-42!",
            "password2": "Quiet-river-42!",
        },
    )
    confirmation_url = next(
        word for word in mailoutbox[0].body.split() if "/accounts/confirm-email/" in word
    )
    client.post(confirmation_url)

    keys = set(
        LessonCompletion.objects.filter(user__email="new@example.com").values_list(
            "lesson_key", flat=True
        )
    )
    assert keys == {first.translation_key, second.translation_key}


def test_logging_in_merges_without_duplicates(client, course):
    learner = LearnerProfileFactory().user
    first, second, _ = lessons_in(course, "en")
    LessonCompletion.objects.create(
        user=learner, lesson_key=first.translation_key, language_code="en"
    )
    complete(client, first)
    complete(client, second)

    client.post(
        reverse("account_login"), {"login": learner.email, "password": "a-long-test-password"}
    )

    assert LessonCompletion.objects.filter(user=learner).count() == 2


def test_completing_a_lesson_leads_to_the_next_one_in_the_authors_order(client, learner, course):
    first, second, third = LessonPage.objects.descendant_of(course).order_by("path")
    third.move(second, pos="left")  # an author drags the third lesson up

    response = complete(client, first)

    assert response.url == LessonPage.objects.get(pk=third.pk).url
