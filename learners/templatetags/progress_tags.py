from django import template

from learners.progress import LearnerRecord, course_progress, module_progress
from modules.models import CoursePage
from modules.paths import course_paths, includes, path_label

register = template.Library()


def learner_record(context):
    """The visitor's record, shared by every tag in the request so each kind is read once."""
    request = context["request"]
    if not hasattr(request, "learner_record"):
        request.learner_record = LearnerRecord.for_request(request)
    return request.learner_record


@register.simple_tag(takes_context=True)
def reader_role(context):
    """The logged-in reader's profession, so that notes for it stand out (site.css): the page's
    HTML stays the same for everyone and may be cached as it is."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return learner_record(context).role or ""


@register.simple_tag(takes_context=True)
def lesson_is_done(context, lesson):
    return str(lesson.translation_key) in learner_record(context).completed_lessons


@register.simple_tag(takes_context=True)
def progress_in_module(context, module):
    return module_progress(module, learner_record(context))


@register.simple_tag(takes_context=True)
def progress_in_course(context, course):
    return course_progress(course, learner_record(context))


@register.inclusion_tag("includes/progress_bar.html")
def progress_bar(progress, label):
    return {"progress": progress, "label": label}


@register.simple_tag
def course_path_choices(course):
    return course_paths(course)


@register.simple_tag(takes_context=True)
def path_leaving_out(context, module):
    """The name of the visitor's path through the module's course when that path leaves the
    module out, else "": the module stays open to read."""
    record = learner_record(context)
    if not module.audiences or not record.user.is_authenticated:
        return ""
    course = CoursePage.objects.filter(path=module.path[: -CoursePage.steplen]).first()
    path = record.path_in(course) if course else None
    return path_label(path) if path and not includes(path, module) else ""
