import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from modules.caching import content_fragments, personal
from modules.models import CoursePage, LessonPage
from modules.paths import course_paths, path_label

from .enrolments import choose_path
from .forms import DeleteAccountForm, ProfileForm
from .models import LearnerProfile
from .panels import dashboard_panels
from .privacy import delete_learner, learner_data
from .progress import (
    LearnerRecord,
    live_courses,
    progress_for_courses,
    record_completion,
    step_after,
)
from .signals import path_chosen


@csrf_exempt
@require_POST
def complete_lesson(request, lesson_id):
    """Record the completion, then go on to the next page of the module (or back to it).

    A reader without an account keeps completions in their session only, so their form carries
    no CSRF token and their lesson pages can be cached whole (modules/caching.py); the browser's
    Origin header still keeps other sites from posting it. A learner's completions are records,
    and Django's CSRF check guards them.
    """
    if request.user.is_authenticated:
        return csrf_protect(record_and_continue)(request, lesson_id)
    if not is_same_origin(request):
        raise PermissionDenied
    return record_and_continue(request, lesson_id)


def is_same_origin(request):
    """Whether the browser says the POST comes from this site (clients that send neither header,
    like scripts, are not browsers another site can drive)."""
    origin = request.headers.get("Origin")
    if origin is not None:
        this_site = f"{request.scheme}://{request.get_host()}"
        return origin == this_site or origin in settings.CSRF_TRUSTED_ORIGINS
    return request.headers.get("Sec-Fetch-Site", "same-origin") in {"same-origin", "none"}


def record_and_continue(request, lesson_id):
    lesson = get_object_or_404(LessonPage.objects.live().select_related("locale"), pk=lesson_id)
    record_completion(request, lesson)
    return redirect(step_after(lesson))


@login_required
@require_POST
def choose_course_path(request, course_id):
    """Follow another path through a course (or the whole course), from the course page."""
    course = get_object_or_404(CoursePage.objects.live().select_related("locale"), pk=course_id)
    path = request.POST.get("path", "")
    if path not in dict(course_paths(course)):
        return HttpResponseBadRequest(_("This course has no such path."))
    with transaction.atomic():
        choose_path(request.user, course.translation_key, path, course.locale.language_code)
    path_chosen.send(sender=CoursePage, user=request.user, course=course)
    messages.success(request, _("You now follow: %(path)s.") % {"path": path_label(path)})
    return redirect(course.get_url(request))


@personal
@login_required
def profile(request):
    instance = LearnerProfile.objects.filter(user=request.user).first()
    is_new = instance is None
    if is_new:
        instance = LearnerProfile(user=request.user, preferred_language=get_language())
    form = ProfileForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("dashboard")
    return TemplateResponse(request, "learners/profile.html", {"form": form, "is_new": is_new})


@personal
@login_required
def dashboard(request):
    learner = getattr(request.user, "learner_profile", None)  # read with the user
    if learner is None:
        return redirect("profile")
    progress = progress_for_courses(live_courses(), LearnerRecord.for_request(request))
    context = {
        "learner": learner,
        "in_progress": [
            course for course in progress if course.is_started and not course.is_complete
        ],
        "completed": [course for course in progress if course.is_complete],
        "recommended": [
            course
            for course in progress
            if not course.is_started and learner.role in course.course.audiences
        ],
        "panels": dashboard_panels(request),
        **content_fragments(request),
    }
    return TemplateResponse(request, "learners/dashboard.html", context)


@personal
@login_required
def download_data(request):
    response = HttpResponse(
        json.dumps(learner_data(request.user), ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="my-cip-ecourse-data.json"'
    return response


@personal
@login_required
def delete_account(request):
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        delete_learner(user)
        messages.success(request, _("Your account and all your data have been deleted."))
        return redirect("/")
    return TemplateResponse(request, "learners/delete_account.html", {"form": form})
