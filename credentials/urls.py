"""The holder's downloads and the verification page, in the reader's language."""

from django.urls import path

from . import views

urlpatterns = [
    path("credentials/verify/", views.verify_upload, name="verify_credential"),
    path("certificates/<str:code>/credential.json", views.credential_json, name="credential_json"),
    path("certificates/<str:code>/badge.png", views.credential_png, name="credential_png"),
]
