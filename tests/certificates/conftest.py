import pytest

from learners.factories import LearnerProfileFactory


@pytest.fixture
def learner(client):
    profile = LearnerProfileFactory(full_name="José Ñúñez", preferred_language="es")
    client.force_login(profile.user)
    return profile.user


@pytest.fixture
def course(build_course):
    """One module of two lessons and a quiz."""
    return build_course(modules=1, lessons=2, quiz=True)
