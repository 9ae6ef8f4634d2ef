from django.urls import path

from . import views

urlpatterns = [
    path(
        "modules/<int:module_id>/offline/",
        views.download_offline_pack,
        name="offline_pack",
    ),
]
