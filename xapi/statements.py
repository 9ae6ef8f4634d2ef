"""What a statement says: xAPI 1.0.3 statements with the cmi5 verb set (ADL's verb IRIs),
activities named in every language they are published in, and an actor that carries no
personal data unless the operator asks for the e-mail address.

Activity ids are addresses on this site built from translation keys (``activity_id``), so a
lesson read in Spanish and in French is the same activity; ``views.activity`` sends a visitor
who follows one to the page in their language.
"""

import uuid

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from wagtail.models import Page

from modules.addresses import public_base_url
from modules.paths import path_label

XAPI_VERSION = "1.0.3"

VERBS = {
    "launched": {"en": "launched", "es": "inició", "pt": "iniciou", "fr": "a lancé"},
    "attempted": {"en": "attempted", "es": "intentó", "pt": "tentou", "fr": "a tenté"},
    "completed": {"en": "completed", "es": "completó", "pt": "concluiu", "fr": "a terminé"},
    "passed": {"en": "passed", "es": "aprobó", "pt": "foi aprovado em", "fr": "a réussi"},
    "failed": {"en": "failed", "es": "no aprobó", "pt": "não foi aprovado em", "fr": "a échoué à"},
}

ACTIVITY_TYPES = {
    "lesson": "http://adlnet.gov/expapi/activities/lesson",
    "quiz": "http://adlnet.gov/expapi/activities/assessment",
    "module": "http://adlnet.gov/expapi/activities/module",
    "course": "http://adlnet.gov/expapi/activities/course",
    "path": "http://adlnet.gov/expapi/activities/course",
}


def verb(name):
    return {"id": f"http://adlnet.gov/expapi/verbs/{name}", "display": VERBS[name]}


def actor(user):
    """The learner as the LRS sees them: an account on this site named by an opaque id that
    only this site can tie to the user, or their e-mail address if ``XAPI_ACTOR_EMAIL``."""
    if settings.XAPI_ACTOR_EMAIL and user.email:
        return {"objectType": "Agent", "mbox": f"mailto:{user.email}"}
    secret = settings.XAPI_ACTOR_SECRET or settings.SECRET_KEY
    name = salted_hmac("xapi.actor", str(user.pk), secret=secret, algorithm="sha256")
    return {
        "objectType": "Agent",
        "account": {"homePage": public_base_url(), "name": name.hexdigest()},
    }


def activity_id(kind, key, path=None):
    args = [kind, key] if path is None else [kind, key, path]
    with translation.override(None):
        return public_base_url() + reverse("xapi_activity", args=args)


def titles(key):
    """``{language: title}`` of every published translation of the page with ``key``."""
    pages = Page.objects.live().filter(translation_key=key)
    return dict(pages.values_list("locale__language_code", "title"))


def activity(kind, page):
    return {
        "objectType": "Activity",
        "id": activity_id(kind, page.translation_key),
        "definition": {"type": ACTIVITY_TYPES[kind], "name": titles(page.translation_key)},
    }


def path_activity(course, path):
    """A path through a course, named "<course> — <path>" in each language."""
    names = {}
    for language, title in titles(course.translation_key).items():
        with translation.override(language):
            names[language] = f"{title} — {path_label(path)}"
    return {
        "objectType": "Activity",
        "id": activity_id("path", course.translation_key, path),
        "definition": {"type": ACTIVITY_TYPES["path"], "name": names},
    }


def context_above(page, language):
    """The module and course a lesson or quiz sits in, and the language it was taken in."""
    module_path = page.path[: Page.steplen * (page.depth - 1)]
    course_path = page.path[: Page.steplen * (page.depth - 2)]
    keys = dict(
        Page.objects.filter(path__in=[module_path, course_path]).values_list(
            "path", "translation_key"
        )
    )
    context = {"platform": settings.WAGTAIL_SITE_NAME, "language": language}
    if module_path in keys and course_path in keys:
        context["contextActivities"] = {
            "parent": [context_activity("module", keys[module_path])],
            "grouping": [context_activity("course", keys[course_path])],
        }
    return context


def context_activity(kind, key):
    return {
        "objectType": "Activity",
        "id": activity_id(kind, key),
        "definition": {"type": ACTIVITY_TYPES[kind]},
    }


def statement(user, verb_name, object_, context, result=None, timestamp=None, id=None):
    data = {
        "id": str(id or uuid.uuid4()),
        "actor": actor(user),
        "verb": verb(verb_name),
        "object": object_,
        "context": context,
        "timestamp": (timestamp or timezone.now()).isoformat(),
    }
    if result is not None:
        data["result"] = result
    return data


def duration(seconds):
    """An ISO 8601 duration to the hundredth of a second, the precision xAPI keeps."""
    hours, rest = divmod(round(seconds * 100), 360000)
    minutes, hundredths = divmod(rest, 6000)
    return f"PT{hours}H{minutes}M{hundredths / 100:g}S"


def page_launched(user, page, kind):
    language = page.locale.language_code
    return statement(user, "launched", activity(kind, page), context_above(page, language))


def lesson_completed(user, lesson):
    language = lesson.locale.language_code
    return statement(
        user,
        "completed",
        activity("lesson", lesson),
        context_above(lesson, language),
        result={"completion": True},
    )


def quiz_attempted(user, quiz, language):
    return statement(user, "attempted", activity("quiz", quiz), context_above(quiz, language))


def quiz_judged(user, quiz, attempt):
    """passed or failed, with the score, for a submitted attempt."""
    result = {
        "score": {"scaled": attempt.score / 100, "raw": attempt.score, "min": 0, "max": 100},
        "success": attempt.passed,
        "completion": True,
        "duration": duration((attempt.submitted_at - attempt.started_at).total_seconds()),
    }
    return statement(
        user,
        "passed" if attempt.passed else "failed",
        activity("quiz", quiz),
        context_above(quiz, attempt.language_code),
        result=result,
        timestamp=attempt.submitted_at,
        id=uuid.uuid5(uuid.NAMESPACE_URL, f"{public_base_url()}/xapi/attempts/{attempt.pk}"),
    )


def path_completed(user, course, certificate):
    return statement(
        user,
        "completed",
        path_activity(course, certificate.path),
        {"platform": settings.WAGTAIL_SITE_NAME, "language": certificate.language_code},
        result={"completion": True, "success": True},
        timestamp=certificate.issued_at,
    )
