"""Lessons read in an offline pack, brought back to the site.

The pack has no script, so it cannot remember what was read: each lesson ends with an "I have
read this lesson" box of one form, sent to the site when the reader is online. The site shows
what was ticked and records it only once the reader confirms. Recording goes through
``learners.progress.record_completion``, which keeps every completion already there, on the
site or from another pack, so nothing is lost whatever the order.
"""

import uuid

from django.utils.translation import gettext as _

from learners.progress import record_completion
from modules.models import LessonPage

MAX_LESSONS = 200


class ReadingRefused(ValueError):
    pass


def lessons_read(module, keys):
    """The live lessons of ``module`` whose translation keys are ``keys``, in module order;
    refused whole when a key is not a lesson of the module."""
    damaged = _("The list of lessons read is damaged; download the pack again.")
    if len(keys) > MAX_LESSONS:
        raise ReadingRefused(damaged)
    try:
        wanted = {uuid.UUID(key) for key in keys}
    except ValueError:
        raise ReadingRefused(damaged) from None
    if not wanted:
        raise ReadingRefused(_("Tick at least one lesson you have read."))
    lessons = list(
        LessonPage.objects.live()
        .child_of(module)
        .filter(translation_key__in=wanted)
        .select_related("locale")
        .order_by("path")
    )
    if len(lessons) != len(wanted):
        raise ReadingRefused(
            _("Some of these lessons are no longer in the module; download the pack again.")
        )
    return lessons


def record_reading(request, lessons):
    """Record each lesson as complete for this reader; return how many are new."""
    return sum(record_completion(request, lesson) for lesson in lessons)
