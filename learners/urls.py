from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
]
