from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Certificate
from .views_admin import CertificateViewSet, IssuedOnlyPolicy

register_permission_policy(Certificate, IssuedOnlyPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificates")
