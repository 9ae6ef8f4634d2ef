from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from modules.progress import merge_session_completions


@receiver(user_logged_in, dispatch_uid="merge_session_completions")
def keep_what_was_done_before_logging_in(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        merge_session_completions(request, user)
