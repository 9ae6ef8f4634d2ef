"""When a certificate is due, and issuing it exactly once.

Called whenever a learner action may have completed a course (see receivers.py). The check reads
committed progress, and the database's unique constraint settles a race: however many requests
complete the course at the same moment, one certificate is issued and one e-mail sent.
"""

from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from learners.enrolments import mark_completed
from learners.progress import LearnerRecord, course_tree, module_progress, progress_for_courses
from modules.addresses import public_base_url
from modules.caching import remembered_content
from modules.languages import live_translation, source_language, source_locale
from modules.models import CoursePage
from modules.paths import WHOLE_COURSE

from .models import Certificate
from .signals import certificates_revoked


def reference_course(page):
    """The course ``page`` belongs to, in the default language when it is published there:
    the source tree decides what completing a course means, whatever language it was read in."""
    course = CoursePage.objects.ancestor_of(page, inclusive=True).first()
    if course is None:
        return None
    source = course.get_translation_or_none(source_locale())
    return source if source is not None and source.live else course


def kept_reference_course(page):
    """``reference_course(page)`` for a lesson or a quiz (two levels below its course), found
    once per content generation and course."""
    course_path = page.path[: -2 * Page.steplen]
    return remembered_content("reference-courses", [course_path], lambda: reference_course(page))


def completes_its_module(user, course, lesson):
    """Whether the learner has now completed the module that holds ``lesson`` in ``course``
    (``learners.progress`` decides, over the kept structure): every path, and the whole course,
    needs all of each module it includes, so a completion that leaves its module unfinished
    cannot complete the course. A lesson whose module the course does not show is left to the
    full check."""
    modules, pages, _hidden = course_tree([course])
    key = str(lesson.translation_key)
    held = next((page for page in pages if page.key == key), None)
    parent_path = held.path[: -Page.steplen] if held is not None else None
    module = next((module for module in modules if module.path == parent_path), None)
    return module is None or module_progress(module, LearnerRecord(user)).is_complete


def issue_due_certificates(user, courses=None):
    """Issue a certificate for every path through ``courses`` (default: all published courses in
    the default language) that ``user`` has completed and holds no certificate for: the path
    they follow and the whole course. A revoked certificate is never replaced automatically."""
    profile = getattr(user, "learner_profile", None)  # read with a request's user already
    if profile is None:
        return []
    if courses is None:
        courses = CoursePage.objects.live().filter(locale__language_code=source_language())
    record = LearnerRecord(user)
    record.role = profile.role
    held = set(Certificate.objects.filter(user=user).values_list("course_key", "path"))
    courses = [
        course
        for course in courses
        if {
            (course.translation_key, record.path_in(course)),
            (course.translation_key, WHOLE_COURSE),
        }
        - held
    ]
    issued = []
    for progress in progress_for_courses(courses, record):
        # The path the learner follows, and the whole course.
        for path in sorted({progress.path, WHOLE_COURSE}):
            if (progress.course.translation_key, path) not in held and progress.completes(path):
                certificate = issue(user, profile, progress, path)
                if certificate is not None:
                    issued.append(certificate)
    return issued


def issue(user, profile, progress, path):
    """Issue the certificate for ``path`` through ``progress.course``, with the path's minutes as
    computed now, so later edits to the course never change what a certificate states."""
    course = progress.course
    try:
        with transaction.atomic():
            certificate = Certificate.objects.create(
                user=user,
                course_key=course.translation_key,
                path=path,
                minutes=progress.minutes_for(path),
                full_name=profile.full_name,
                language_code=profile.preferred_language,
            )
            mark_completed(
                user, course.translation_key, profile.preferred_language, certificate.issued_at
            )
    except IntegrityError:
        return None  # another request issued it a moment ago
    transaction.on_commit(lambda: send_issued_email(certificate, user.email))
    return certificate


def revoke(certificate, reason):
    certificate.revoked_at = timezone.now()
    certificate.revoked_reason = reason
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    transaction.on_commit(
        lambda: certificates_revoked.send(Certificate, certificate_pks=[certificate.pk])
    )


def reissue(certificate, full_name):
    """Replace a certificate after a name correction: the old code turns revoked and points at
    its replacement, a new code carries the corrected name and the original issue date."""
    with transaction.atomic():
        revoke(certificate, _("Replaced after a name correction."))
        replacement = Certificate.objects.create(
            user=certificate.user,
            course_key=certificate.course_key,
            path=certificate.path,
            minutes=certificate.minutes,
            full_name=full_name,
            language_code=certificate.language_code,
            issued_at=certificate.issued_at,
        )
        certificate.replaced_by = replacement
        certificate.save(update_fields=["replaced_by"])
        return replacement


def absolute_url(name, code, language, request=None):
    with translation.override(language):
        return public_base_url(request) + reverse(name, args=[code])


def send_issued_email(certificate, email):
    language = certificate.language_code
    course = course_in(certificate.course_key, language)
    with translation.override(language):
        course_title = certificate.printed_title(course)
    context = {
        "certificate": certificate,
        "course_title": course_title,
        "certificate_url": absolute_url("certificate", certificate.code, language),
        "verification_url": absolute_url("verify_certificate", certificate.code, language),
    }
    with translation.override(language):
        subject = render_to_string("certificates/email/issued_subject.txt", context).strip()
        body = render_to_string("certificates/email/issued_body.txt", context)
    send_mail(subject, body, None, [email])


def course_in(course_key, language):
    """The course in ``language`` if it is published there, else in any language it is."""
    return live_translation(CoursePage, course_key, language)
