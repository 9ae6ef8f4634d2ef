from django.urls import path

from . import views

urlpatterns = [
    path("dashboard/", views.dashboard, name="dashboard"),
    path("profile/", views.profile, name="profile"),
    path("profile/data/", views.download_data, name="download_data"),
    path("profile/delete/", views.delete_account, name="delete_account"),
    path("courses/<int:course_id>/path/", views.choose_course_path, name="choose_course_path"),
    path("lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete_lesson"),
]
