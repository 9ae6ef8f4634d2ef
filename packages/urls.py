from django.urls import path

from . import views

urlpatterns = [
    path(
        "modules/<int:module_id>/offline/",
        views.download_offline_pack,
        name="offline_pack",
    ),
    path(
        "modules/<int:module_id>/offline/read/",
        views.record_offline_reading,
        name="offline_reading",
    ),
]
