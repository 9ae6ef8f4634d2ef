"""Scores go back to the platform's gradebook (Assignment and Grade Services) through the
background queue: a quiz attempt, a re-take, a completed path."""

from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from modules.models import LessonPage, ModulePage
from quizzes.models import QuizPage
from tests.queue import run_the_worker, worker_commits
from tests.quizzes.helpers import answers, start_attempt, submit

from .conftest import LEARNER, launch

pytestmark = worker_commits


def score_of(platform, item):
    return platform.scores.get(item, {}).get(LEARNER["sub"])


def test_a_quiz_attempt_and_its_retake_post_the_score_to_the_line_item(
    client, registered, platform, path_course
):
    quiz = QuizPage.objects.descendant_of(path_course).first()
    lineitem = platform.add_lineitem("quiz-1", quiz.title, 100)
    resource = {"resource": str(quiz.translation_key)}
    assert launch(client, platform, LEARNER, resource=resource, lineitem=lineitem)["Location"]

    submit(client, start_attempt(client, quiz), answers(quiz, right=False))
    assert score_of(platform, "quiz-1") is None
    run_the_worker()
    failed = score_of(platform, "quiz-1")
    assert (failed["scoreGiven"], failed["scoreMaximum"]) == (0, 100)
    assert (failed["activityProgress"], failed["gradingProgress"]) == ("Completed", "FullyGraded")

    submit(client, start_attempt(client, quiz), answers(quiz))
    run_the_worker()
    passed = score_of(platform, "quiz-1")
    assert (passed["scoreGiven"], passed["comment"]) == (100, "passed")


def test_a_platform_that_is_down_gets_the_score_later(client, registered, platform, path_course):
    quiz = QuizPage.objects.descendant_of(path_course).first()
    resource = {"resource": str(quiz.translation_key)}
    lineitem = platform.add_lineitem("quiz-1", quiz.title, 100)
    launch(client, platform, LEARNER, resource=resource, lineitem=lineitem)
    registered.auth_token_url = f"{platform.url}/no-token-here"
    registered.save()

    response = submit(client, start_attempt(client, quiz), answers(quiz))
    assert response.status_code == 302
    run_the_worker()

    assert score_of(platform, "quiz-1") is None
    retry = DBTaskResult.objects.filter(status="READY").get()
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    registered.auth_token_url = f"{platform.url}/token"
    registered.save()
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
    run_the_worker()
    assert score_of(platform, "quiz-1")["scoreGiven"] == 100


def test_completing_a_path_posts_full_marks(client, registered, platform, path_course):
    lineitem = platform.add_lineitem("path-judges", "Path for judges", 1)
    resource = {"resource": str(path_course.translation_key), "path": "judges"}
    launch(client, platform, LEARNER, resource=resource, lineitem=lineitem)
    foundations = ModulePage.objects.child_of(path_course).first()

    for lesson in LessonPage.objects.child_of(foundations):
        client.post(reverse("complete_lesson", args=[lesson.pk]))
    quiz = QuizPage.objects.child_of(foundations).get()
    submit(client, start_attempt(client, quiz), answers(quiz))
    run_the_worker()

    score = score_of(platform, "path-judges")
    assert (score["scoreGiven"], score["scoreMaximum"], score["comment"]) == (
        1,
        1,
        "path completed",
    )
