from collections import defaultdict

from django import template

from certificates.models import Certificate

register = template.Library()


@register.simple_tag(takes_context=True)
def certificates_for(context, course):
    """The visitor's valid certificates for ``course`` (in any language), one per path, oldest
    first. The learner's certificates are read once per request, however many courses the page
    lists."""
    request = context["request"]
    if not request.user.is_authenticated:
        return []
    if not hasattr(request, "certificates_by_course"):
        request.certificates_by_course = defaultdict(list)
        for certificate in Certificate.objects.valid().filter(user=request.user):
            request.certificates_by_course[certificate.course_key].insert(0, certificate)
    return request.certificates_by_course.get(course.translation_key, [])
