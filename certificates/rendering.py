"""Drawing a certificate, as a web page or a PDF, from its row and the site's settings."""

import io
import logging
from dataclasses import dataclass
from pathlib import Path

import segno
from django.utils import formats, translation
from django.utils.translation import gettext as _
from fpdf import FPDF
from fpdf.enums import XPos, YPos
from wagtail.models import Site

from .issuing import absolute_url, course_in
from .models import CertificateSettings

FONTS = Path(__file__).resolve().parent / "fonts"
FONT = "DejaVuSans"

logger = logging.getLogger(__name__)


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

    @property
    def qr_svg(self):
        return segno.make(self.verification_url, error="m").svg_inline(
            scale=3, title=_("QR code of the verification address")
        )


def details_for(certificate, language, site=None, request=None):
    course = course_in(certificate.course_key, language)
    with translation.override(language):
        issued_on = formats.date_format(certificate.issued_at, "DATE_FORMAT")
    return CertificateDetails(
        certificate=certificate,
        language=language,
        course_title=course.certificate_title if course else "",
        hours=course.estimated_hours if course else None,
        issued_on=issued_on,
        verification_url=absolute_url("verify_certificate", certificate.code, language, request),
        settings=CertificateSettings.for_site(site or Site.objects.get(is_default_site=True)),
    )


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
    """An A4 landscape PDF of the certificate; DejaVu Sans covers Latin, Greek and Cyrillic
    names, and only the glyphs used are embedded."""
    with translation.override(details.language):
        return _draw(details)


def _draw(details):
    settings = details.settings
    pdf = FPDF(orientation="landscape", format="A4")
    pdf.set_title(_("Certificate of completion"))
    pdf.set_author(settings.organisation)
    pdf.set_auto_page_break(False)
    pdf.add_font(FONT, "", FONTS / "DejaVuSans.ttf")
    pdf.add_font(FONT, "B", FONTS / "DejaVuSans-Bold.ttf")
    pdf.add_page()
    width = pdf.w - 2 * pdf.l_margin
    pdf.set_draw_color(11, 92, 142)
    pdf.set_line_width(1.2)
    pdf.rect(8, 8, pdf.w - 16, pdf.h - 16)

    top = 18
    if logo := image_bytes(settings.logo):
        pdf.image(logo, x="C", y=top, h=18)
        top += 22

    def line(text, size, style="", gap=4, height=None):
        pdf.set_font(FONT, style, size)
        pdf.multi_cell(
            width, height or size * 0.5, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        pdf.ln(gap)

    pdf.set_y(top)
    line(settings.organisation, 14, "B", gap=6)
    line(_("Certificate of completion"), 30, "B", gap=8)
    line(_("This certifies that"), 13)
    line(details.certificate.full_name, 28, "B", gap=4)
    line(_("has completed the course"), 13)
    line(details.course_title, 18, "B", gap=4)
    hours = formats.number_format(details.hours) if details.hours is not None else ""
    line(
        _("Course length: %(hours)s h · completed on %(date)s")
        % {"hours": hours, "date": details.issued_on},
        12,
    )

    bottom = pdf.h - 24
    if signature := image_bytes(settings.signature):
        pdf.image(signature, x=30, y=bottom - 34, h=16)
    if settings.signatory_name:
        pdf.set_draw_color(80, 80, 80)
        pdf.set_line_width(0.3)
        pdf.line(28, bottom - 16, 118, bottom - 16)
        pdf.set_xy(28, bottom - 14)
        pdf.set_font(FONT, "B", 11)
        pdf.cell(90, 6, settings.signatory_name, new_x=XPos.LEFT, new_y=YPos.NEXT)
        pdf.set_font(FONT, "", 10)
        pdf.cell(90, 5, settings.signatory_title)

    qr = io.BytesIO()
    segno.make(details.verification_url, error="m").save(qr, kind="png", scale=4, border=1)
    pdf.image(qr, x=pdf.w - 62, y=bottom - 44, w=34)
    pdf.set_xy(pdf.w - 150, bottom - 8)
    pdf.set_font(FONT, "B", 10)
    pdf.cell(122, 5, details.certificate.grouped_code, align="R", new_x=XPos.LEFT, new_y=YPos.NEXT)
    pdf.set_font(FONT, "", 8)
    pdf.cell(122, 4, _("Verify at %(url)s") % {"url": details.verification_url}, align="R")
    return bytes(pdf.output())
