from django.urls import path

from . import views

app_name = "course_reports"


def report(route, view_class, name):
    return [
        path(route, view_class.as_view(), name=name),
        path(f"{route}results/", view_class.as_view(results_only=True), name=f"{name}_results"),
    ]


urlpatterns = [
    *report("uptake/", views.CourseUptakeView, "uptake"),
    *report("learners/", views.LearnersView, "learners"),
    *report("quiz-items/", views.QuizItemAnalysisView, "quiz_items"),
    *report("certificates/", views.CertificatesPerMonthView, "certificates"),
    *report("paths/", views.CertificatesByPathView, "paths"),
    *report("translations/", views.TranslationStatusView, "translations"),
]
