from django.urls import path

from . import views

urlpatterns = [
    path("xapi/activities/<str:kind>/<uuid:key>/", views.activity, name="xapi_activity"),
    path(
        "xapi/activities/<str:kind>/<uuid:key>/<str:path>/",
        views.activity,
        name="xapi_activity",
    ),
]
