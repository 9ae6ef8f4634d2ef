"""Durations in templates: ``{{ lesson.minutes|duration }}`` → “25 min”, “1 h 30 min”."""

from django import template

from modules import durations

register = template.Library()


@register.filter
def duration(minutes):
    """Minutes as a learner reads them, in the active language."""
    return durations.format_minutes(minutes)


@register.simple_tag
def module_minutes(module, *page_lists):
    """The module's duration from its lessons and quizzes already fetched (the lists of
    ``progress_in_module``): the module's stated minutes, or their sum."""
    return durations.module_minutes([page for pages in page_lists for page in pages], module)
