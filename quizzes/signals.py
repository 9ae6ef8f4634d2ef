"""What happens to attempts that apps above may care about (learners, certificates)."""

from django.dispatch import Signal

# Sent with ``user``, ``quiz`` and ``language_code`` inside the transaction that starts a new
# attempt, so a receiver's rows (the learner's enrolment) commit or roll back with it.
attempt_started = Signal()

# Sent with ``user``, ``attempt`` and ``quiz`` once an attempt is submitted and committed.
attempt_submitted = Signal()
