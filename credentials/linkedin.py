"""LinkedIn's "Add to profile" address for a certificate, with its fields filled in
(LinkedIn's documented ``/profile/add`` parameters)."""

from urllib.parse import urlencode

ADD_TO_PROFILE = "https://www.linkedin.com/profile/add"


def add_to_profile_url(name, organisation, issued_at, verification_url, code):
    return (
        ADD_TO_PROFILE
        + "?"
        + urlencode(
            {
                "startTask": "CERTIFICATION_NAME",
                "name": name,
                "organizationName": organisation,
                "issueYear": issued_at.year,
                "issueMonth": issued_at.month,
                "certUrl": verification_url,
                "certId": code,
            }
        )
    )
