"""Background work in the admin: administrators see what the queue did, and what failed."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from xapi.models import Statement


class SeeOnlyPolicy(ModelPermissionPolicy):
    """Whoever may view the rows may only view them: the queue writes them, nobody else."""

    def user_has_permission(self, user, action):
        return action == "view" and super().user_has_permission(user, "view")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(DBTaskResult, SeeOnlyPolicy(DBTaskResult))
register_permission_policy(Statement, SeeOnlyPolicy(Statement))


class BackgroundTaskViewSet(ModelViewSet):
    model = DBTaskResult
    icon = "cogs"
    menu_label = _("Background tasks")
    add_to_settings_menu = True
    list_display = ["task_path", "status", "enqueued_at", "finished_at", "exception_class_path"]
    list_filter = ["status", "task_path"]
    ordering = ["-enqueued_at"]
    inspect_view_enabled = True
    exclude_form_fields = ["id", "args_kwargs"]
    # A message's address and links stay in the database, out of sight.
    inspect_view_fields_exclude = ["args_kwargs", "return_value"]


@hooks.register("register_admin_viewset")
def register_background_tasks():
    return BackgroundTaskViewSet("background_tasks")


class LearningRecordViewSet(ModelViewSet):
    """The xAPI outbox: what waits for the learning record store, what it took, what it refused
    and why."""

    model = Statement
    icon = "list-ul"
    menu_label = _("Learning records (xAPI)")
    add_to_settings_menu = True
    list_display = ["__str__", "status", "attempts", "next_try", "sent_at"]
    list_filter = ["status"]
    ordering = ["-created_at"]
    inspect_view_enabled = True
    exclude_form_fields = ["id", "user", "data"]
    inspect_view_fields_exclude = ["user"]


@hooks.register("register_admin_viewset")
def register_learning_records():
    return LearningRecordViewSet("learning_records")
