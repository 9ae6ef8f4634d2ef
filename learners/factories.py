import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .models import LearnerProfile, Role


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.com")
    password = factory.django.Password("a-long-test-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class LearnerProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    full_name = "Ana Pérez"
    role = Role.TEACHERS
    organisation = "Escuela N.º 12"
    country = "UY"
    preferred_language = "es"

    class Meta:
        model = LearnerProfile
