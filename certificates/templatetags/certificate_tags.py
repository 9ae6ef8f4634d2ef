from django import template

from certificates.models import Certificate

register = template.Library()


@register.simple_tag(takes_context=True)
def certificate_for(context, course):
    """The visitor's valid certificate for ``course`` (in any language), or None. The learner's
    certificates are read once per request, however many courses the page lists."""
    request = context["request"]
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "certificates_by_course"):
        request.certificates_by_course = {
            certificate.course_key: certificate
            for certificate in Certificate.objects.valid().filter(user=request.user)
        }
    return request.certificates_by_course.get(course.translation_key)
