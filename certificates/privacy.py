"""A learner's certificates in their data export, and what deleting their account does to them:
the records stay, so a code someone checks still answers, but lose the name and read as
withdrawn."""

from django.db import transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from learners.privacy import register_section

from .models import Certificate
from .signals import certificates_revoked


def export_certificates(user):
    return [
        {
            "course_key": str(certificate.course_key),
            "name": certificate.full_name,
            "code": certificate.grouped_code,
            "issued_at": certificate.issued_at.isoformat(),
            "revoked_at": certificate.revoked_at and certificate.revoked_at.isoformat(),
        }
        for certificate in Certificate.objects.filter(user=user).order_by("issued_at")
    ]


def withdraw_certificates(user):
    withdrawn = list(
        Certificate.objects.filter(user=user, revoked_at__isnull=True).values_list("pk", flat=True)
    )
    Certificate.objects.filter(user=user).update(
        full_name="",
        revoked_at=Coalesce("revoked_at", timezone.now()),
        revoked_reason="Withdrawn at the holder's request.",
    )
    transaction.on_commit(lambda: certificates_revoked.send(Certificate, certificate_pks=withdrawn))


def register():
    register_section("certificates", export_certificates, withdraw_certificates)
