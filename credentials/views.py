"""The holder's downloads, the public documents a verifier fetches (the issuer's keys, the
status lists, the badge image) and the verification page that takes an uploaded credential."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from certificates.models import Certificate
from modules.caching import personal

from . import addresses, baking, contents, keys, signing, status
from .jsonld import DID_V1, MULTIKEY_V1
from .verification import UnreadableUpload, read_upload, verify

LD_JSON = "application/ld+json"
MAX_UPLOAD = 1024 * 1024


def public_document(document, content_type=LD_JSON):
    response = JsonResponse(document, content_type=content_type, json_dumps_params={"indent": 2})
    # Verifiers run in browsers too.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def issuer_document(request):
    """The issuer as a controller document: every key ever used (Multikey), each allowed to
    sign credentials, so a credential signed before a rotation still verifies."""
    issuer = addresses.issuer_id(request)
    methods = [
        {
            "id": addresses.verification_method(key, request),
            "type": "Multikey",
            "controller": issuer,
            "publicKeyMultibase": key.multibase,
        }
        for key in keys.published_keys()
    ]
    return public_document(
        {
            "@context": [DID_V1, MULTIKEY_V1],
            "id": issuer,
            "verificationMethod": methods,
            "assertionMethod": [method["id"] for method in methods],
        }
    )


@require_GET
def status_list(request, number):
    last = Certificate.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if number > status.position(last)[0]:
        raise Http404
    if not keys.has_key():
        return unavailable()
    return public_document(status.status_list_credential(number, request))


@require_GET
def badge_image(request):
    response = HttpResponse(baking.badge_image(), content_type="image/png")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def unavailable():
    return HttpResponse(
        _("Open Badges credentials are not available yet. Please try again later."),
        status=503,
        content_type="text/plain; charset=utf-8",
        headers={"Retry-After": "3600"},
    )


def signed_credential(request, code):
    """The holder's credential, signed now, in the language asked for (default: the one the
    certificate was issued in)."""
    certificate = get_object_or_404(Certificate.objects.valid(), code=code, user=request.user)
    language = request.GET.get("language", certificate.language_code)
    if language not in dict(settings.LANGUAGES):
        return certificate, None
    credential = contents.credential_for(certificate, language, request)
    method = addresses.verification_method(keys.current_public_key(), request)
    return certificate, signing.sign(credential, method)


def bad_language():
    return HttpResponse(
        _("This language is not one the credential is written in."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@personal
@login_required
@require_GET
def credential_json(request, code):
    if not keys.has_key():
        return unavailable()
    certificate, credential = signed_credential(request, code)
    if credential is None:
        return bad_language()
    response = HttpResponse(
        json.dumps(credential, ensure_ascii=False, indent=2), content_type=LD_JSON
    )
    response["Content-Disposition"] = f'attachment; filename="credential-{code}.json"'
    return response


@personal
@login_required
@require_GET
def credential_png(request, code):
    if not keys.has_key():
        return unavailable()
    certificate, credential = signed_credential(request, code)
    if credential is None:
        return bad_language()
    baked = baking.bake(json.dumps(credential, ensure_ascii=False))
    response = HttpResponse(baked, content_type="image/png")
    response["Content-Disposition"] = f'attachment; filename="badge-{code}.png"'
    return response


@personal
@require_http_methods(["GET", "POST"])
def verify_upload(request):
    """Anyone can upload a credential (its JSON, or the baked badge) to have it checked."""
    context = {}
    status_code = 200
    if request.method == "POST":
        upload = request.FILES.get("credential")
        if upload is None:
            context["error"] = _("Please choose a credential file (.json or .png) to check.")
            status_code = 400
        elif upload.size > MAX_UPLOAD:
            context["error"] = _("This file is too large to be a credential (over 1 MB).")
            status_code = 413
        else:
            try:
                context["result"] = verify(read_upload(upload.read()), request)
            except UnreadableUpload:
                context["error"] = _(
                    "This file holds no credential we can read: upload the .json file or the "
                    "badge image (.png) as you received them."
                )
                status_code = 400
    return TemplateResponse(request, "credentials/verify_upload.html", context, status=status_code)
