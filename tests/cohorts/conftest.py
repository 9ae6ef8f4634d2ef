import pytest
from django.contrib.auth.models import Group

from cohorts.factories import CohortFactory
from learners.factories import UserFactory


@pytest.fixture
def facilitator(db):
    user = UserFactory(username="facilitator")
    user.groups.add(Group.objects.get(name="Facilitators"))
    return user


@pytest.fixture
def cohort(path_course, facilitator):
    return CohortFactory(course=path_course, facilitators=[facilitator], name="Clase 2027-A")


@pytest.fixture
def facilitator_client(client, facilitator):
    client.force_login(facilitator)
    return client
