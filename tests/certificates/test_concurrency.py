"""Races only show on a real database server: these run when DATABASE_URL points at PostgreSQL."""

import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from certificates.models import Certificate
from modules.models import LessonPage
from tests.concurrency import THREADS, all_at_once

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (set DATABASE_URL)"
    ),
]


def test_twenty_requests_completing_the_course_at_once_issue_one_certificate(learner, build_course):
    course = build_course(modules=1, lessons=THREADS)
    lessons = list(LessonPage.objects.descendant_of(course))

    def complete_a_lesson(client):
        lesson = lessons.pop()  # atomic: each thread takes a different lesson
        return client.post(reverse("complete_lesson", args=[lesson.pk]))

    statuses = all_at_once(learner, complete_a_lesson)

    assert statuses == {302: THREADS}
    assert Certificate.objects.filter(user=learner).count() == 1
    assert len(mail.outbox) == 1
