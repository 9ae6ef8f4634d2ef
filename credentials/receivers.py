"""A revoked certificate's bit turns on in the next status list anyone fetches."""

from certificates.signals import certificates_revoked

from . import status


def forget_status_lists(sender, certificate_pks, **kwargs):
    status.forget(certificate_pks)


def connect():
    certificates_revoked.connect(forget_status_lists, dispatch_uid="credentials_status_lists")
