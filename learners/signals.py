"""What learners do that apps above may care about (certificates, for one)."""

from django.dispatch import Signal

# Sent with ``user`` and ``lesson`` once a learner's first completion of a lesson is committed.
lesson_completed = Signal()

# Sent with ``user`` at every log-in, once what they read without an account has joined their
# record (even if there was nothing to join), so progress read now is the whole of it.
session_progress_merged = Signal()

# A learner chose a path through a course (``course``, the page they chose it on): already
# completed, it may earn a certificate.
path_chosen = Signal()
