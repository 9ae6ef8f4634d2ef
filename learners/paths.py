"""Which path a learner follows through a course.

A learner follows the path of their profession when the course offers one, the whole course
otherwise, unless they chose a path in that course (``Enrolment.path``), which then holds.
"""

from modules.paths import course_paths, path_of


def learner_path(course, role, chosen=""):
    """The path a learner of ``role`` who chose ``chosen`` (or nothing) follows in ``course``."""
    if chosen and chosen in dict(course_paths(course)):
        return chosen
    return path_of(course, role)
