from django.urls import path

from . import views

urlpatterns = [
    path("quizzes/<int:quiz_id>/start/", views.start_quiz, name="quiz_start"),
    path("quizzes/attempts/<int:attempt_id>/", views.attempt_page, name="quiz_attempt"),
    path("quizzes/attempts/<int:attempt_id>/submit/", views.submit_quiz, name="quiz_submit"),
]
