from django.urls import path

from . import views

urlpatterns = [
    path("classes/join/", views.enter_join_code, name="enter_join_code"),
    path("classes/join/<str:code>/", views.join_cohort, name="join_cohort"),
    path("classes/invitations/<str:token>/", views.follow_invitation, name="cohort_invitation"),
    path("classes/<int:pk>/leave/", views.leave_cohort, name="leave_cohort"),
]
