"""An instructor picks what to add to their platform course from a list in their language; the
platform receives the content items, with a gradebook column for quizzes and paths."""

from bs4 import BeautifulSoup

from lti import targets
from modules.models import ModulePage
from quizzes.models import QuizPage
from tests.conftest import build_tree

from .conftest import INSTRUCTOR, form_fields, launch


def picked(client, response, *values):
    """The instructor ticks ``values`` and sends; the fields of the form back to the platform."""
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    offered = {box["value"] for box in soup.select("input[name=item]")}
    assert set(values) <= offered
    answer = client.post("/lti/deep-link/", {"item": list(values)})
    assert answer.status_code == 200
    return answer, form_fields(answer)


def test_a_deep_linking_round_trip_returns_a_module(
    client, registered, platform, path_course, translate_tree
):
    translate_tree(path_course, "es")
    module = ModulePage.objects.child_of(path_course).first()

    response = launch(client, platform, INSTRUCTOR, deep_link=True)
    assert "Foundations [es]" in response.content.decode()
    answer, fields = picked(client, response, f"module:{module.translation_key}")

    action = BeautifulSoup(answer.content, "html.parser").select_one("form")["action"]
    assert action == f"{platform.url}/deep-link-return"
    [item] = platform.receive_deep_link(fields["JWT"])
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "Foundations [es]"
    assert item["url"] == "http://testserver/lti/launch/"
    assert item["custom"]["resource"] == str(module.translation_key)
    assert "lineItem" not in item


def test_quizzes_and_paths_come_with_a_line_item(client, registered, platform, path_course):
    quiz = QuizPage.objects.descendant_of(path_course).first()
    path = f"path:{path_course.translation_key}:judges"

    response = launch(client, platform, {**INSTRUCTOR, "locale": "en"}, deep_link=True)
    _answer, fields = picked(client, response, f"quiz:{quiz.translation_key}", path)

    quiz_item, path_item = platform.receive_deep_link(fields["JWT"])
    assert quiz_item["lineItem"]["scoreMaximum"] == 100
    assert quiz_item["lineItem"]["tag"] == "quiz"
    assert path_item["lineItem"]["scoreMaximum"] == 1
    assert path_item["custom"] == {"resource": str(path_course.translation_key), "path": "judges"}


def test_picking_nothing_shows_the_list_again(client, registered, platform, path_course):
    launch(client, platform, INSTRUCTOR, deep_link=True)
    response = client.post("/lti/deep-link/", {"item": ["course:not-a-page"]})
    assert response.status_code == 400


def test_the_picker_answers_only_a_deep_linking_session(client, registered, platform, path_course):
    launch(client, platform, INSTRUCTOR, resource={"resource": str(path_course.translation_key)})
    assert client.post("/lti/deep-link/", {"item": []}).status_code == 403
    client.logout()
    assert client.post("/lti/deep-link/", {"item": []}).status_code == 403


def test_the_list_costs_the_same_for_one_course_or_three(
    db, path_course, home, django_assert_num_queries
):
    with django_assert_num_queries(3):
        one = targets.choices("en")
    for _ in range(2):
        build_tree(home, modules=3, quiz=True, catalogue=path_course.get_parent())
    with django_assert_num_queries(3):
        three = targets.choices("en")
    assert len(three) > len(one)
