"""A platform launches the course: the user is linked, logged in and lands on the resource."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Locale

from learners.models import LearnerProfile
from learners.privacy import delete_learner, learner_data
from lti import keys
from lti.checks import tool_key_exists
from lti.models import PlatformAccount
from modules.models import LessonPage

from .conftest import LEARNER, launch, start


def test_a_launch_lands_the_learner_logged_in_on_the_spanish_lesson(
    client, registered, platform, path_course, translate_tree
):
    translate_tree(path_course, "es")
    lesson = LessonPage.objects.descendant_of(path_course).first()
    spanish = lesson.get_translation(Locale.objects.get(language_code="es"))

    response = launch(client, platform, LEARNER, resource={"resource": str(lesson.translation_key)})

    assert response.status_code == 302
    assert response["Location"] == spanish.url
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert page.wsgi_request.user.is_authenticated
    account = PlatformAccount.objects.get(platform=registered, sub=LEARNER["sub"])
    assert page.wsgi_request.user == account.user
    assert account.user.email == "lucia@example.org"
    profile = LearnerProfile.objects.get(user=account.user)
    assert (profile.full_name, profile.preferred_language) == ("Lucía Fernández", "es")


def test_a_second_launch_finds_the_same_learner(client, registered, platform, path_course):
    resource = {"resource": str(path_course.translation_key)}
    launch(client, platform, LEARNER, resource=resource)
    client.logout()
    response = launch(client, platform, {**LEARNER, "name": "Otra"}, resource=resource)

    assert response.status_code == 302
    assert get_user_model().objects.filter(lti_accounts__platform=registered).count() == 1
    assert LearnerProfile.objects.get().full_name == "Lucía Fernández"


def test_a_locale_the_site_does_not_speak_falls_back_to_english(
    client, registered, platform, path_course
):
    response = launch(
        client,
        platform,
        {**LEARNER, "locale": "de-DE"},
        resource={"resource": str(path_course.translation_key)},
    )
    assert response["Location"] == path_course.url


def test_the_platform_account_is_in_the_data_export_and_goes_with_the_account(
    client, registered, platform, path_course
):
    launch(client, platform, LEARNER, resource={"resource": str(path_course.translation_key)})
    user = PlatformAccount.objects.get().user

    (exported,) = learner_data(user)["lti"]
    assert exported["user_id_on_platform"] == LEARNER["sub"]
    assert exported["platform"] == "Campus virtual IIN"
    delete_learner(user)

    assert not PlatformAccount.objects.exists()


def test_a_launch_runs_a_fixed_number_of_queries(
    client, registered, platform, path_course, django_assert_max_num_queries
):
    resource = {"resource": str(path_course.translation_key)}
    launch(client, platform, LEARNER, resource=resource)
    client.logout()
    form = platform.authorize(start(client, platform, LEARNER), LEARNER, resource=resource)
    # Validation, the account, the session; most of them are the log-in's own receivers
    # (progress merged, certificates due, invitations).
    with django_assert_max_num_queries(30):
        response = client.post(
            form["launch_url"], {"state": form["state"], "id_token": form["id_token"]}
        )
    assert response.status_code == 302


def test_a_deployment_without_the_tool_key_is_refused(settings, tmp_path):
    settings.LTI_TOOL_KEY_FILE = str(tmp_path / "missing.pem")
    [error] = tool_key_exists(None)
    assert error.id == "lti.E001"


def test_the_key_command_keeps_a_key_and_rotates_on_request(settings, tmp_path):
    settings.LTI_TOOL_KEY_FILE = str(tmp_path / "key.pem")
    call_command("lti_tool_key", stdout=StringIO())
    first = keys.jwks()
    call_command("lti_tool_key", stdout=StringIO())
    assert keys.jwks() == first
    call_command("lti_tool_key", "--rotate", stdout=StringIO())
    assert keys.jwks()["keys"][0]["kid"] != first["keys"][0]["kid"]
    assert (tmp_path / "key.pem").stat().st_mode & 0o077 == 0
