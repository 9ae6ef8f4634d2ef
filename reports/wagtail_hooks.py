from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import urls

REPORTS = [
    ("uptake", _("Course uptake"), "group"),
    ("learners", _("Learners by role and country"), "user"),
    ("quiz_items", _("Quiz item analysis"), "help"),
    ("certificates", _("Certificates per month"), "doc-full"),
    ("paths", _("Completions by path"), "list-ul"),
    ("translations", _("Translation status"), "site"),
]


class CourseReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reports.view_report")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [path("course-reports/", include(urls, namespace="course_reports"))]


@hooks.register("register_permissions")
def register_report_permission():
    return Permission.objects.filter(content_type__app_label="reports", codename="view_report")


def menu_item(name, label, icon, order):
    @hooks.register("register_reports_menu_item")
    def register():
        return CourseReportMenuItem(
            label,
            reverse(f"course_reports:{name}"),
            name=f"course-{name.replace('_', '-')}",
            icon_name=icon,
            order=order,
        )


for order, (name, label, icon) in enumerate(REPORTS, start=1):
    menu_item(name, label, icon, order * 10)
