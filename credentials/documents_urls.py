"""What a verifier fetches: outside the language prefix, so these addresses never change."""

from django.urls import path

from . import views

urlpatterns = [
    path("credentials/issuer", views.issuer_document, name="credentials_issuer"),
    path("credentials/status/<int:number>", views.status_list, name="credentials_status_list"),
    path("credentials/badge.png", views.badge_image, name="credentials_badge_image"),
]
