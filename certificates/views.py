"""The learner's certificate (page and PDF) and the public verification pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Site

from modules.caching import personal

from .codes import normalise
from .links import links_for
from .models import Certificate
from .rendering import details_for, render_pdf


@personal
@login_required
def certificate_page(request, code):
    certificate = get_object_or_404(Certificate, code=code, user=request.user)
    details = details_for(certificate, get_language(), Site.find_for_request(request), request)
    links = [] if certificate.is_revoked else links_for(certificate, request)
    return TemplateResponse(
        request, "certificates/certificate_page.html", {"details": details, "links": links}
    )


@personal
@login_required
def certificate_pdf(request, code):
    certificate = get_object_or_404(Certificate.objects.valid(), code=code, user=request.user)
    details = details_for(certificate, get_language(), Site.find_for_request(request), request)
    response = HttpResponse(render_pdf(details), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{code}.pdf"'
    return response


@personal
def verify_form(request):
    """Anyone can type a code read off a certificate; small slips are forgiven."""
    typed = request.GET.get("code", "")
    error = ""
    if typed:
        code = normalise(typed)
        if code:
            return redirect("verify_certificate", code)
        error = _("A certificate code has 28 letters and digits. Please check it.")
    return TemplateResponse(
        request,
        "certificates/verify_form.html",
        {"typed": typed, "error": error},
        status=400 if error else 200,
    )


@personal
def verify(request, code):
    canonical = normalise(code)
    if canonical and canonical != code:
        return redirect("verify_certificate", canonical)
    certificate = Certificate.objects.filter(code=code).first() if canonical else None
    if certificate is None:
        return TemplateResponse(
            request, "certificates/verify_form.html", {"typed": code, "not_found": True}, status=404
        )
    details = details_for(certificate, get_language(), Site.find_for_request(request), request)
    return TemplateResponse(request, "certificates/verify.html", {"details": details})
