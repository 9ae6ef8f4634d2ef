"""Scores go to the platforms through the background queue, so a platform that is down never
turns a learner's action into an error; a failed post is tried again after a pause."""

import datetime
import logging

import requests
from django.utils import timezone
from django_tasks import task
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiException
from pylti1p3.service_connector import ServiceConnector

from . import scores, tool_config
from .models import GradeLink

logger = logging.getLogger(__name__)

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
RETRY_PAUSES = [60, 300, 1800, 7200, 86400]
POST_ERRORS = (requests.RequestException, LtiException)


@task(backend="background")
def send_score(link_pk, score, timestamp, attempt=1):
    """Post ``score`` (see ``scores``) to the line item of grade link ``link_pk``."""
    link = GradeLink.objects.select_related("account__platform").filter(pk=link_pk).first()
    if link is None:
        return
    registration = tool_config.registration(link.account.platform)
    service = AssignmentsGradesService(
        ServiceConnector(registration, tool_config.PlatformSession()),
        {"scope": [SCORE_SCOPE], "lineitem": link.lineitem_url},
    )
    when = datetime.datetime.fromisoformat(timestamp)
    try:
        service.put_grade(scores.grade(link.account.sub, score, when))
    except POST_ERRORS as error:
        if attempt > len(RETRY_PAUSES):
            raise
        pause = RETRY_PAUSES[attempt - 1]
        # The error names the line item's address only, never the learner.
        logger.warning(
            "Score for grade link %s not sent (%s); again in %s s", link_pk, error, pause
        )
        later = timezone.now() + datetime.timedelta(seconds=pause)
        send_score.using(run_after=later).enqueue(link_pk, score, timestamp, attempt=attempt + 1)
        return
    GradeLink.objects.filter(pk=link_pk).update(posted_at=timezone.now())


def queue_scores(links, score):
    now = timezone.now().isoformat()
    for link in links:
        send_score.enqueue(link.pk, score, now)
