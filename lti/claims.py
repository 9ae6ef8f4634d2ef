"""What a validated launch message says about its user, read the same way everywhere."""

from django.conf import settings

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
CUSTOM = LTI + "custom"
CONTEXT = LTI + "context"
ROLES = LTI + "roles"
PRESENTATION = LTI + "launch_presentation"
AGS = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
NRPS = "https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice"
TEACHING_ROLES = ("#Instructor", "#Administrator", "#ContentDeveloper", "#TeachingAssistant")


def language(claims, fallback=None):
    """The site language of the claim's locale ("es-419", "pt_BR", "fr-CA"), else ``fallback``,
    else the site's default."""
    locale = claims.get("locale") or claims.get(PRESENTATION, {}).get("locale") or ""
    code = locale.replace("_", "-").split("-")[0].lower()
    languages = {code for code, _name in settings.LANGUAGES}
    if code in languages:
        return code
    return fallback if fallback in languages else settings.LANGUAGE_CODE


def full_name(claims):
    name = claims.get("name") or " ".join(
        part for part in (claims.get("given_name"), claims.get("family_name")) if part
    )
    return name.strip()[:150]


def teaches(roles):
    """An instructor (or the course's administrator) in the platform's course."""
    return any(role.endswith(TEACHING_ROLES) for role in roles)


def context_id(claims):
    return claims.get(CONTEXT, {}).get("id", "")


def context_title(claims):
    context = claims.get(CONTEXT, {})
    return (context.get("title") or context.get("label") or "")[:150]
