"""What an Open Badges 3.0 credential says about a certificate, in one language.

OB 3.0 fields hold one string each, so a credential is written in one language; the
achievement names its editions in the other languages the course is published in with
``related`` (OB 3.0 §B.1.16: "alternate language editions"). The holder downloads the one they
ask for.
"""

import hashlib
import hmac
import uuid

from django.conf import settings
from django.template.defaultfilters import floatformat
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.utils.translation import gettext as _

from certificates.issuing import course_in
from certificates.rendering import details_for
from modules.addresses import public_base_url
from modules.models import CoursePage

from . import addresses, status
from .jsonld import OB_V3, VC_V2

# Names ids that are ours but need no address of their own (credentials, achievements).
NAMESPACE = uuid.UUID("5b8f5d0e-3c1a-4f53-9a0c-6d1b2b7e4c21")


def timestamp(moment):
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def our_urn(name):
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, name)}"


def achievement_id(certificate, language):
    return our_urn(f"{certificate.course_key}/{certificate.path}/{language}")


def salt_for(certificate):
    """A salt of its own per certificate, the same at every download, guessable by no one."""
    return hmac.new(settings.SECRET_KEY.encode(), certificate.code.encode(), "sha256").hexdigest()[
        :16
    ]


def email_identity(email, salt):
    """OB 3.0's hashed IdentityObject: "sha256$" and the hex SHA-256 of the address (lower-case)
    followed by the salt. Whoever knows the address and reads the salt can check it; no one can
    read the address from it."""
    digest = hashlib.sha256((email.strip().lower() + salt).encode()).hexdigest()
    return {
        "type": "IdentityObject",
        "identityHash": f"sha256${digest}",
        "identityType": "emailAddress",
        "hashed": True,
        "salt": salt,
    }


def name_identity(name):
    return {
        "type": "IdentityObject",
        "identityHash": name,
        "identityType": "name",
        "hashed": False,
    }


def other_editions(certificate, language):
    languages = (
        CoursePage.objects.live()
        .filter(translation_key=certificate.course_key)
        .exclude(locale__language_code=language)
        .values_list("locale__language_code", flat=True)
    )
    return [
        {"id": achievement_id(certificate, other), "type": ["Related"], "inLanguage": other}
        for other in sorted(languages)
    ]


def plain(html):
    return " ".join(normalize_newlines(strip_tags(html or "")).split())


def credential_for(certificate, language, request=None):
    """The unsigned OpenBadgeCredential of ``certificate`` in ``language``."""
    details = details_for(certificate, language, request=request)
    course = course_in(certificate.course_key, language)
    base = public_base_url(request)
    with translation.override(language):
        criteria = _("Completed every lesson and passed every quiz of “%(course)s”.") % {
            "course": details.course_title
        }
        if details.hours is not None:
            criteria += " " + _("%(hours)s hours of study, as computed from its content.") % {
                "hours": floatformat(details.hours, -1)
            }
    identifiers = [name_identity(certificate.full_name)]
    if certificate.user is not None and certificate.user.email:
        identifiers.insert(0, email_identity(certificate.user.email, salt_for(certificate)))
    achievement = {
        "id": achievement_id(certificate, language),
        "type": ["Achievement"],
        "achievementType": "Course",
        "name": details.course_title,
        "description": plain(course.intro) if course else details.course_title,
        "criteria": {"narrative": criteria},
        "image": {"id": addresses.badge_image_url(request), "type": "Image"},
        "inLanguage": language,
    }
    if course is not None and (course.url or "").startswith("/"):
        achievement["criteria"]["id"] = base + course.url
    if related := other_editions(certificate, language):
        achievement["related"] = related
    return {
        "@context": [VC_V2, OB_V3],
        "id": our_urn(f"{certificate.code}/{language}"),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": details.course_title,
        "issuer": {
            "id": addresses.issuer_id(request),
            "type": ["Profile"],
            "name": details.wording.organisation,
            "url": base + "/",
        },
        "validFrom": timestamp(certificate.issued_at),
        "awardedDate": timestamp(certificate.issued_at),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": identifiers,
            "achievement": achievement,
        },
        "credentialStatus": status.entry(certificate, request),
    }
