from wagtail import hooks

from .admin_views import CohortViewSet


@hooks.register("register_admin_viewset")
def register_cohorts():
    return CohortViewSet("cohorts")
