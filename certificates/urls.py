from django.urls import path

from . import views

urlpatterns = [
    path("certificates/verify/", views.verify_form, name="verify_certificate_form"),
    path("certificates/verify/<str:code>/", views.verify, name="verify_certificate"),
    path("certificates/<str:code>/", views.certificate_page, name="certificate"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
