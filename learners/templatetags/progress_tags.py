from django import template

from modules.progress import completed_lesson_keys, course_progress, module_progress

register = template.Library()


def _completed_keys(context):
    """Completed lesson keys, read once per request whatever the number of tags."""
    request = context["request"]
    if not hasattr(request, "_completed_lesson_keys"):
        request._completed_lesson_keys = completed_lesson_keys(request)
    return request._completed_lesson_keys


@register.simple_tag(takes_context=True)
def lesson_is_done(context, lesson):
    return str(lesson.translation_key) in _completed_keys(context)


@register.simple_tag(takes_context=True)
def progress_in_module(context, module):
    return module_progress(module, _completed_keys(context))


@register.simple_tag(takes_context=True)
def progress_in_course(context, course):
    return course_progress(course, _completed_keys(context))


@register.inclusion_tag("includes/progress_bar.html")
def progress_bar(progress, label):
    return {"progress": progress, "label": label}
