import datetime

import factory

from learners.factories import UserFactory

from .models import Cohort


class CohortFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Class {n}")
    organisation = "Academia Nacional de Policía"
    course_key = factory.LazyAttribute(lambda cohort: cohort.course.translation_key)
    language_code = "es"
    starts_on = factory.LazyFunction(datetime.date.today)
    ends_on = factory.LazyAttribute(lambda cohort: cohort.starts_on + datetime.timedelta(days=60))

    class Meta:
        model = Cohort
        exclude = ["course"]
        skip_postgeneration_save = True

    course = None

    @factory.post_generation
    def facilitators(cohort, create, extracted, **kwargs):
        if create:
            cohort.facilitators.add(*(extracted or [UserFactory()]))
