from django.dispatch import Signal

# Sent with ``user`` and ``lesson`` when a learner completes a lesson for the first time; an app
# that cares whether that finished a course (certificates) subscribes in its AppConfig.ready().
lesson_completed = Signal()
