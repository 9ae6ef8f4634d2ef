"""What the learners layer does when something happens below it, or at log-in."""

from django.contrib.auth.signals import user_logged_in

from modules.models import CoursePage
from quizzes.signals import attempt_started

from .enrolments import enrol
from .progress import merge_session_completions
from .signals import session_progress_merged

COURSE_TEAM_SESSION_KEY = "is_course_team"


def enrol_on_first_attempt(sender, user, quiz, language_code, **kwargs):
    """attempt_started: a quiz taken before any lesson still starts its course."""
    enrol(user, CoursePage.keys_above([quiz]).values(), language_code)


def keep_what_was_done_before_logging_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        merge_session_completions(request, user)
    session_progress_merged.send(sender=sender, user=user)


def remember_whether_they_may_use_the_admin(sender, request, user, **kwargs):
    """Pages show Wagtail's user bar to the course team only; asking on every page costs each
    learner two permission queries, so the answer is kept in the session from log-in."""
    if request is not None and hasattr(request, "session"):
        request.session[COURSE_TEAM_SESSION_KEY] = user.has_perm("wagtailadmin.access_admin")


def connect():
    attempt_started.connect(enrol_on_first_attempt, dispatch_uid="enrol_on_first_attempt")
    user_logged_in.connect(keep_what_was_done_before_logging_in, dispatch_uid="merge_session")
    user_logged_in.connect(remember_whether_they_may_use_the_admin, dispatch_uid="course_team")
