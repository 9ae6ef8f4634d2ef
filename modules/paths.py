"""Paths: which modules of a course each profession must complete.

A path is named by a profession (an ``Audience`` code) or by ``WHOLE_COURSE``. A module whose
``audiences`` is empty is in every path; one that lists professions is in theirs and in the whole
course. A course offers a path for each profession it is written for, and the whole course.
"""

from django.utils.translation import gettext_lazy as _

from .choices import Audience

WHOLE_COURSE = "all"


PATH_LABELS = {
    Audience.TEACHERS: _("Path for teachers and school staff"),
    Audience.POLICE: _("Path for police officers"),
    Audience.JUDGES: _("Path for judges and prosecutors"),
    Audience.FRONT_LINE: _("Path for front-line and social workers"),
    WHOLE_COURSE: _("The whole course"),
}


def course_paths(course):
    """The paths ``course`` offers, as ``(code, label)``: its professions', then the whole."""
    codes = [code for code in Audience.values if code in course.audiences]
    return [(code, PATH_LABELS[code]) for code in [*codes, WHOLE_COURSE]]


def path_of(course, audience):
    """The path a member of ``audience`` follows in ``course``: theirs if the course is written
    for them, else the whole course."""
    return audience if audience in course.audiences else WHOLE_COURSE


def includes(path, module):
    """Whether ``path`` includes ``module``."""
    return path == WHOLE_COURSE or not module.audiences or path in module.audiences


def path_label(path):
    """The path's name as printed: "Path for police officers", "The whole course"."""
    return PATH_LABELS.get(path, PATH_LABELS[WHOLE_COURSE])
