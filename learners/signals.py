from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from modules.progress import merge_session_completions


@receiver(user_logged_in, dispatch_uid="merge_session_completions")
def keep_what_was_done_before_logging_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        merge_session_completions(request, user)


COURSE_TEAM_SESSION_KEY = "is_course_team"


@receiver(user_logged_in, dispatch_uid="remember_course_team")
def remember_whether_they_may_use_the_admin(sender, request, user, **kwargs):
    """Pages show Wagtail's user bar to the course team only; asking on every page costs each
    learner two permission queries, so the answer is kept in the session from log-in."""
    if request is not None and hasattr(request, "session"):
        request.session[COURSE_TEAM_SESSION_KEY] = user.has_perm("wagtailadmin.access_admin")
