"""The public addresses a credential names: the issuer, its keys, the status lists. They sit
outside the language prefix, so a credential's links never change with the reader's language."""

from django.urls import reverse

from modules.addresses import public_base_url


def issuer_id(request=None):
    return public_base_url(request) + reverse("credentials_issuer")


def verification_method(public_key, request=None):
    return f"{issuer_id(request)}#{public_key.multibase}"


def status_list_url(number, request=None):
    return public_base_url(request) + reverse("credentials_status_list", args=[number])


def badge_image_url(request=None):
    return public_base_url(request) + reverse("credentials_badge_image")
