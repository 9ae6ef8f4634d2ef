from django.urls import path

from . import views

urlpatterns = [
    path("login/", views.login, name="lti_login"),
    path("launch/", views.launch, name="lti_launch"),
    path("jwks/", views.jwks, name="lti_jwks"),
    path("deep-link/", views.deep_link, name="lti_deep_link"),
    path("class-list/", views.fill_class, name="lti_fill_class"),
    path("register/<str:token>/", views.register, name="lti_register"),
]
