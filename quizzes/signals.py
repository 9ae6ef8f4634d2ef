from django.dispatch import Signal

# Sent with ``user``, ``attempt`` and ``quiz`` once an attempt is submitted and committed; an app
# that cares whether a pass finished a course (certificates) subscribes in its AppConfig.ready().
attempt_submitted = Signal()
