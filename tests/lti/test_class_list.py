"""An instructor's launch offers to make a cohort of the platform course's class list (Names
and Role Provisioning): learners become members, instructors facilitators."""

from bs4 import BeautifulSoup

from cohorts.models import Cohort
from lti.models import PlatformClass

from .conftest import INSTRUCTOR, LEARNER, launch

LEARNER_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"
INSTRUCTOR_ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
CLASS = [
    {"user_id": INSTRUCTOR["sub"], "roles": [INSTRUCTOR_ROLE], "name": "Marta Gómez"},
    {"user_id": "moodle-user-8", "roles": [INSTRUCTOR_ROLE], "name": "Pablo Ruiz"},
    {"user_id": LEARNER["sub"], "roles": [LEARNER_ROLE], "name": "Lucía Fernández"},
    {
        "user_id": "moodle-user-1025",
        "roles": [LEARNER_ROLE],
        "name": "Ana Souza",
        "email": "a@x.br",
    },
]


def instructor_launch(client, platform, course):
    response = launch(
        client, platform, INSTRUCTOR, resource={"resource": str(course.translation_key)}
    )
    assert response.status_code == 200
    form = BeautifulSoup(response.content, "html.parser").select_one("form")
    assert form["action"] == "/lti/class-list/"
    return response


def test_the_class_list_fills_a_cohort(client, registered, platform, path_course):
    platform.members = CLASS
    instructor_launch(client, platform, path_course)

    response = client.post("/lti/class-list/")

    cohort = Cohort.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/cohorts/{cohort.pk}/class/"
    assert (cohort.name, cohort.course_key, cohort.language_code) == (
        "Formación NNAPES 2027",
        path_course.translation_key,
        "es",
    )
    assert sorted(cohort.facilitators.values_list("learner_profile__full_name", flat=True)) == [
        "Marta Gómez",
        "Pablo Ruiz",
    ]
    members = cohort.memberships.values_list("user__learner_profile__full_name", flat=True)
    assert sorted(members) == ["Ana Souza", "Lucía Fernández"]
    assert client.get(response["Location"]).status_code == 200


def test_the_next_sync_updates_the_same_cohort(client, registered, platform, path_course):
    platform.members = CLASS[:3]
    instructor_launch(client, platform, path_course)
    client.post("/lti/class-list/")
    platform.members = CLASS

    client.post("/lti/class-list/")

    cohort = PlatformClass.objects.get().cohort
    assert Cohort.objects.count() == 1
    assert cohort.memberships.count() == 2


def test_a_learner_is_not_offered_the_class_list(client, registered, platform, path_course):
    platform.members = CLASS
    response = launch(
        client, platform, LEARNER, resource={"resource": str(path_course.translation_key)}
    )
    assert response.status_code == 302
    assert client.post("/lti/class-list/").status_code == 403
    assert not Cohort.objects.exists()
