"""Drawing a certificate, as a web page or a PDF, from its row and the site's settings."""

import io
import logging
from dataclasses import dataclass

import segno
from django.contrib.staticfiles import finders
from django.template.defaultfilters import floatformat
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from wagtail.models import Locale, Site

from .fonts import fonts_for
from .issuing import absolute_url, course_in
from .models import CertificateSettings, CertificateWording

logger = logging.getLogger(__name__)

SEAL = "img/mark.svg"


@dataclass
class CertificateDetails:
    """Everything a certificate shows, in one language."""

    certificate: object
    language: str
    course_title: str
    hours: object
    issued_on: str
    verification_url: str
    settings: CertificateSettings
    wording: CertificateWording

    @property
    def qr_svg(self):
        return segno.make(self.verification_url, error="m").svg_inline(
            scale=3, title=_("QR code of the verification address")
        )


def details_for(certificate, language, site=None, request=None):
    course = course_in(certificate.course_key, language)
    site = site or Site.objects.get(is_default_site=True)
    settings = CertificateSettings.for_site(site)
    with translation.override(language):
        issued_on = formats.date_format(certificate.issued_at, "DATE_FORMAT")
        course_title = certificate.printed_title(course)
    return CertificateDetails(
        certificate=certificate,
        language=language,
        course_title=course_title,
        hours=certificate.hours(course),
        issued_on=issued_on,
        verification_url=absolute_url("verify_certificate", certificate.code, language, request),
        settings=settings,
        wording=wording_in(settings, site, language),
    )


def wording_in(settings, site, language):
    """The organisation and signatory in ``language``: the translation of the wording the
    settings chose, else its version in the default language, else (nothing chosen) the site's
    home page title in ``language`` as the organisation."""
    locale = Locale.objects.filter(language_code=language).first()
    if settings.wording_id:
        wording = settings.wording
        return (
            (locale and wording.get_translation_or_none(locale))
            or wording.get_translation_or_none(Locale.get_default())
            or wording
        )
    home = site.root_page.specific
    home = (locale and home.get_translation_or_none(locale)) or home
    return CertificateWording(organisation=home.title)


def image_bytes(image):
    """The image's file, or None when it is missing or unreadable: the certificate is then drawn
    without it (and the log says so), never refused."""
    if image is None:
        return None
    try:
        with image.file.open("rb") as handle:
            return io.BytesIO(handle.read())
    except (OSError, ValueError):
        logger.warning("Certificate image %s (%s) cannot be read", image.pk, image.file.name)
        return None


def render_pdf(details):
    """An A4 landscape PDF of the certificate in its language. The name prints in any script
    ``certificates.fonts`` covers, shaped and in its direction; only the glyphs used are
    embedded."""
    with translation.override(details.language):
        return _draw(details)


def _draw(details):
    wording = details.wording
    hours = floatformat(details.hours, -1) if details.hours is not None else ""
    text = {
        "title": _("Certificate of completion"),
        "certifies": _("This certifies that"),
        "completed": _("has completed the course"),
        "length": _("Course length: %(hours)s h · completed on %(date)s")
        % {"hours": hours, "date": details.issued_on},
        "verify": _("Verify at %(url)s") % {"url": details.verification_url},
    }
    printed = [
        *text.values(),
        wording.organisation,
        wording.signatory_name,
        wording.signatory_title,
        details.certificate.full_name,
        details.certificate.grouped_code,
        details.course_title,
    ]
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(text["title"])
    pdf.set_author(wording.organisation)
    pdf.set_lang(translation.to_locale(details.language).replace("_", "-"))
    pdf.set_auto_page_break(False)
    with fonts_for(pdf, "".join(printed)) as font:
        return _draw_page(pdf, font, details, text)


def _draw_page(pdf, font, details, text):
    settings, wording = details.settings, details.wording
    pdf.add_page()
    width = pdf.w - 2 * pdf.l_margin
    pdf.set_draw_color(11, 92, 142)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)

    top = 18
    # The organisation's logo, or the site's mark as a seal, as on the certificate page.
    pdf.image(image_bytes(settings.logo) or finders.find(SEAL), x="C", y=top, h=18)
    top += 22

    def line(words, size, style="", gap=4, height=None):
        pdf.set_font(font, style, size)
        pdf.multi_cell(
            width, height or size * 0.5, words, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(gap)

    pdf.set_y(top)
    line(wording.organisation, 14, "B", gap=6)
    line(text["title"], 30, "B", gap=8)
    line(text["certifies"], 13)
    line(details.certificate.full_name, 28, "B", gap=4)
    line(text["completed"], 13)
    line(details.course_title, 18, "B", gap=4)
    line(text["length"], 12)

    bottom = pdf.h - 24
    if signature := image_bytes(settings.signature):
        pdf.image(signature, x=30, y=bottom - 34, h=16)
    if wording.signatory_name:
        pdf.set_draw_color(80, 80, 80)
        pdf.set_line_width(0.3)
        pdf.line(28, bottom - 16, 118, bottom - 16)
        pdf.set_xy(28, bottom - 14)
        pdf.set_font(font, "B", 11)
        pdf.cell(90, 6, wording.signatory_name, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font(font, "", 10)
        pdf.multi_cell(90, 4.5, wording.signatory_title, align="L")

    qr = io.BytesIO()
    segno.make(details.verification_url, error="m").save(qr, kind="png", scale=4, border=1)
    pdf.image(qr, x=pdf.w - 62, y=bottom - 44, w=34)
    pdf.set_xy(pdf.w - 150, bottom - 8)
    pdf.set_font(font, "B", 10)
    pdf.cell(122, 5, details.certificate.grouped_code, align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(font, "", 8)
    pdf.cell(122, 4, text["verify"], align="R")
    return bytes(pdf.output())
