"""The tool's endpoints: OIDC login initiation, launch, JWKS, the instructor's content picker
(deep linking) and the class-list offer (names and roles)."""

import logging
from urllib.parse import urlsplit

from django.contrib.auth import login as log_in
from django.db import transaction
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from pylti1p3.contrib.django import DjangoMessageLaunch, DjangoOIDCLogin
from pylti1p3.deep_link_resource import DeepLinkResource
from pylti1p3.exception import LtiException
from pylti1p3.lineitem import LineItem
from pylti1p3.oidc_login import OIDCException

from learners.enrolments import choose_path
from learners.signals import path_chosen
from modules.models import CoursePage
from modules.paths import course_paths

from . import claims as read
from . import dynamic_registration, keys, roster, targets
from .accounts import linked_user
from .models import GradeLink, PlatformAccount
from .sessions import LTI_SESSION, remember_launch
from .tool_config import OneTimeNonceStorage, PlatformsConfig, PlatformSession, find_platform

logger = logging.getLogger(__name__)


def refused(request, status=403):
    """The one page for a launch the tool will not accept. What was wrong goes to the log in
    pylti1p3's words, which name no user; the message itself is never logged."""
    # It says nothing private: any platform may show it in its frame.
    return framed(render(request, "lti/refused.html", status=status), "*")


def jwks(request):
    return JsonResponse(keys.jwks())


@csrf_exempt
@xframe_options_exempt
def login(request):
    """Step one of a launch: the platform names itself, the tool sends the browser back to it
    with a state and a nonce."""
    oidc = DjangoOIDCLogin(request, PlatformsConfig(), launch_data_storage=OneTimeNonceStorage())
    try:
        return oidc.redirect(request.build_absolute_uri(reverse("lti_launch")))
    except (LtiException, OIDCException) as error:
        logger.warning("LTI login refused: %s", error)
        return refused(request, 400)


def validated(request):
    message = DjangoMessageLaunch(
        request,
        PlatformsConfig(),
        launch_data_storage=OneTimeNonceStorage(),
        requests_session=PlatformSession(),
    )
    return message, message.get_launch_data()


@csrf_exempt
@xframe_options_exempt
@require_POST
def launch(request):
    """Step two: the platform posts the signed id_token. Once it is valid the platform's user
    is logged in as their learner account and lands on the resource, in their language."""
    try:
        message, launch_data = validated(request)
    except LtiException as error:
        logger.warning("LTI launch refused: %s", error)
        return refused(request)
    platform = find_platform(launch_data["iss"], message.get_client_id())
    language = read.language(launch_data)
    custom = launch_data.get(read.CUSTOM, {})
    page = targets.landing_page(custom.get("resource", ""), language)
    with transaction.atomic():
        user = linked_user(platform, launch_data, language)
        if page is not None and not message.is_deep_link_launch():
            link_grades(platform, launch_data, page, custom.get("path", ""))
    log_in(request, user, backend="learners.backends.ModelBackendWithProfile")
    remember_launch(request, platform, message.get_launch_id(), language)
    translation.activate(language)
    if message.is_deep_link_launch():
        return picker(request, targets.choices(language))
    if page is None:
        return HttpResponseRedirect(reverse("dashboard"))
    if read.teaches(launch_data.get(read.ROLES, [])) and read.NRPS in launch_data:
        context = {"page": page, "course": targets.course_of(page)}
        return render(request, "lti/class_list_offer.html", context)
    return HttpResponseRedirect(page.url)


def link_grades(platform, launch_data, page, path):
    """A launch from a gradebook column of a quiz or a path: remember where its scores go."""
    lineitem = launch_data.get(read.AGS, {}).get("lineitem")
    kind = targets.kind_of(page)
    if not lineitem or len(lineitem) > 500 or kind not in ("quiz", "course"):
        return
    if kind == "course" and path not in dict(course_paths(page)):
        return
    account = PlatformAccount.objects.select_related("user").get(
        platform=platform, sub=launch_data["sub"]
    )
    if kind == "course":
        # The column grades this path: the learner follows it in this course.
        choose_path(account.user, page.translation_key, path, page.locale.language_code)
        transaction.on_commit(
            lambda: path_chosen.send(sender=CoursePage, user=account.user, course=page)
        )
    GradeLink.objects.update_or_create(
        account=account,
        lineitem_url=lineitem,
        defaults={
            "kind": GradeLink.Kind.QUIZ if kind == "quiz" else GradeLink.Kind.PATH,
            "page_key": page.translation_key,
            "path": path if kind == "course" else "",
        },
    )


def picker(request, items, status=200):
    return render(request, "lti/picker.html", {"items": items}, status=status)


def restored(request):
    """The launch this LTI session started with, from the cache, or None."""
    session = request.session.get(LTI_SESSION)
    if not session:
        return None, None
    try:
        message = DjangoMessageLaunch.from_cache(
            session["launch_id"],
            request,
            PlatformsConfig(),
            launch_data_storage=OneTimeNonceStorage(),
        )
    except LtiException:
        return None, None
    return message, session


@require_POST
def deep_link(request):
    """The instructor's pick goes back to the platform as a signed deep-linking response."""
    message, session = restored(request)
    if message is None or not message.is_deep_link_launch():
        return refused(request)
    translation.activate(session["language"])
    items = targets.choices(session["language"])
    labels = {value: label for value, label, _depth in items}
    picked = [value for value in request.POST.getlist("item") if value in labels]
    if not picked:
        return picker(request, items, status=400)
    launch_url = request.build_absolute_uri(reverse("lti_launch"))
    resources = [content_item(value, labels[value], launch_url) for value in picked]
    deep_link = message.get_deep_link()
    return_url = message.get_launch_data()[
        "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings"
    ]["deep_link_return_url"]
    response = render(
        request,
        "lti/deep_link_return.html",
        {"return_url": return_url, "jwt": deep_link.get_response_jwt(resources)},
    )
    # The form posts to the platform, not to this site.
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(return_url))
    response._csp_update = {"form-action": [origin]}
    return response


def content_item(value, label, launch_url):
    """One content item: a link that launches the picked page; quizzes and paths come with a
    gradebook column (line item)."""
    kind, key, *path = value.split(":")
    resource = (
        DeepLinkResource()
        .set_url(launch_url)
        .set_title(label)
        .set_custom_params({"resource": key, "path": path[0] if path else ""})
    )
    if kind in ("quiz", "path"):
        resource.set_lineitem(
            LineItem()
            .set_label(label)
            .set_score_maximum(100 if kind == "quiz" else 1)
            .set_resource_id(value)
            .set_tag(kind)
        )
    return resource


@require_POST
def fill_class(request):
    """The instructor takes the offer: the platform's class list becomes the cohort."""
    message, session = restored(request)
    if message is None or not request.user.is_authenticated:
        return refused(request)
    launch_data = message.get_launch_data()
    translation.activate(session["language"])
    if not read.teaches(launch_data.get(read.ROLES, [])) or read.NRPS not in launch_data:
        return refused(request)
    platform = find_platform(launch_data["iss"], message.get_client_id())
    language = session["language"]
    page = targets.landing_page(launch_data.get(read.CUSTOM, {}).get("resource", ""), language)
    if page is None:
        return refused(request, 404)
    course = targets.course_of(page)
    try:
        members = roster.class_list(platform, launch_data[read.NRPS])
    except LtiException as error:
        logger.warning("Class list of a platform course not read: %s", error)
        return render(request, "lti/class_list_failed.html", status=502)
    cohort, _added = roster.fill_cohort(platform, launch_data, course, language, members)
    return HttpResponseRedirect(reverse("cohorts:class", args=[cohort.pk]))


@xframe_options_exempt
def register(request, token):
    """The dynamic-registration URL an administrator pastes into the platform, which opens it
    (in a frame, for Moodle and Canvas) with ``openid_configuration`` and
    ``registration_token`` added."""
    if not dynamic_registration.token_is_valid(token):
        return refused(request)
    configuration = request.GET.get("openid_configuration", "")
    if not configuration.startswith(("https://", "http://")):
        return framed(render(request, "lti/registration_failed.html", status=400), "*")
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(configuration))
    try:
        platform = dynamic_registration.register(
            configuration,
            request.GET.get("registration_token", ""),
            _("Children of incarcerated parents e-course"),
            dynamic_registration.tool_urls(request),
        )
    except dynamic_registration.RegistrationRefused as error:
        logger.warning("LTI dynamic registration failed: %s", error)
        return framed(render(request, "lti/registration_failed.html", status=400), origin)
    return framed(render(request, "lti/registered.html", {"platform": platform}), origin)


def framed(response, origin):
    """The platform that opened the page may show it in its frame."""
    response._csp_update = {"frame-ancestors": [origin]}
    return response
