from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ExtraAttempt
from .views_admin import ExtraAttemptViewSet, GrantPolicy

register_permission_policy(ExtraAttempt, GrantPolicy(ExtraAttempt))


@hooks.register("register_admin_viewset")
def register_extra_attempt_viewset():
    return ExtraAttemptViewSet("extra_attempts", url_prefix="extra-attempts")
