from django.urls import re_path

from . import views

KIND = r"(?P<kind>lesson|quiz|module|course|path)"
KEY = r"(?P<key>[0-9a-f-]{36})"

urlpatterns = [
    re_path(rf"^xapi/activities/{KIND}/{KEY}/$", views.activity, name="xapi_activity"),
    re_path(
        rf"^xapi/activities/{KIND}/{KEY}/(?P<path>[a-z_-]+)/$",
        views.activity,
        name="xapi_activity",
    ),
]
