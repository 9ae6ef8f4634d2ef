import io

import pytest
import wagtail_factories
import zxingcpp
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Site

from certificates.codes import LENGTH, grouped, new_code, normalise
from certificates.issuing import revoke
from certificates.models import Certificate, CertificateSettings
from learners.factories import LearnerProfileFactory

from .helpers import complete_course

pytestmark = pytest.mark.django_db

NAMES = ["José Ñúñez", "Łukasz Wójcik", "Ольга Иванова", "Ζωή Παπαδοπούλου"]


def url(name, code, language="en"):
    with translation.override(language):
        return reverse(name, args=[code])


def pdf_text(response):
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 1
    return reader.pages[0].extract_text()


@pytest.fixture
def certificate(client, learner, course):
    complete_course(client, course)
    return Certificate.objects.get()


@pytest.mark.parametrize("name", NAMES)
def test_the_pdf_prints_the_name_in_any_script_with_the_code_and_course(client, course, name):
    profile = LearnerProfileFactory(full_name=name)
    client.force_login(profile.user)
    complete_course(client, course)
    certificate = Certificate.objects.get()

    response = client.get(url("certificate_pdf", certificate.code))
    assert response["Content-Type"] == "application/pdf"
    assert len(response.content) < 150 * 1024
    text = pdf_text(response)
    assert name in text
    assert certificate.grouped_code in text
    assert course.certificate_title in text


def test_the_pdf_and_page_come_in_the_chosen_language(
    client, certificate, course, locales, translate_tree
):
    translate_tree(course, "pt")
    portuguese_title = course.get_translation(locales["pt"]).certificate_title
    assert portuguese_title.endswith("[pt]")

    text = pdf_text(client.get(url("certificate_pdf", certificate.code, "pt")))
    assert portuguese_title in text
    assert "Certificado de conclusão" in text
    page = client.get(url("certificate", certificate.code, "pt")).content.decode()
    assert portuguese_title in page
    assert f"/pt/certificates/verify/{certificate.code}/" in page
    assert "<svg" in page  # the QR code, inline


def test_a_learner_cannot_open_another_learners_certificate(certificate):
    other = Client()
    other.force_login(LearnerProfileFactory().user)
    assert other.get(url("certificate", certificate.code)).status_code == 404
    assert other.get(url("certificate_pdf", certificate.code)).status_code == 404
    assert Client().get(url("certificate_pdf", certificate.code)).status_code == 302


def test_the_verification_page_says_valid_then_revoked(certificate, course):
    anyone = Client()
    response = anyone.get(url("verify_certificate", certificate.code))
    html = response.content.decode()
    assert response.status_code == 200
    assert "This certificate is valid." in html
    assert "José Ñúñez" in html and course.certificate_title in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]

    revoke(certificate, "Issued by mistake.")
    html = anyone.get(url("verify_certificate", certificate.code)).content.decode()
    assert "This certificate was revoked on" in html
    assert "This certificate is valid." not in html


def test_the_verification_page_says_nothing_else_about_the_learner(certificate, learner):
    profile = learner.learner_profile
    profile.organisation = "Escuela 14"
    profile.country = "UY"
    profile.save()
    html = Client().get(url("verify_certificate", certificate.code)).content.decode()
    assert learner.email not in html
    assert "Escuela 14" not in html
    assert "Uruguay" not in html


def test_a_typed_code_is_forgiven_spaces_dashes_case_and_look_alikes(certificate):
    sloppy = grouped(certificate.code).lower().replace("-", " ").replace("0", "o")
    response = Client().get(reverse("verify_certificate_form"), {"code": sloppy})
    assert response.status_code == 302
    assert response.url == url("verify_certificate", certificate.code)
    response = Client().get(url("verify_certificate", grouped(certificate.code)))
    assert response.url == url("verify_certificate", certificate.code)


@pytest.mark.parametrize(
    "code",
    ["0" * LENGTH, "NOT-A-CODE", "U" * LENGTH],
    ids=["unknown", "too short", "letters a code never has"],
)
def test_an_unknown_or_hopeless_code_is_a_helpful_404(client, code):
    response = client.get(url("verify_certificate", code))
    assert response.status_code == 404
    assert "No certificate has this code." in response.content.decode()


def test_the_verification_form_explains_a_malformed_code(client):
    response = client.get(reverse("verify_certificate_form"), {"code": "12345"})
    assert response.status_code == 400
    assert "28 letters and digits" in response.content.decode()


def test_a_deleted_account_leaves_a_withdrawn_certificate_without_a_name(
    client, certificate, learner
):
    client.post(reverse("delete_account"), {"password": "a-long-test-password"})
    html = Client().get(url("verify_certificate", certificate.code)).content.decode()
    assert "José Ñúñez" not in html
    assert "This certificate was revoked on" in html
    assert "withdrawn at the holder" in html


def test_codes_are_long_random_and_readable():
    codes = {new_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(len(code) == LENGTH and normalise(code) == code for code in codes)
    assert normalise(" 7k3m-q9tb ") is None
    assert len(grouped(new_code()).split("-")) == 7


def test_the_dashboard_and_course_page_link_the_certificate(client, certificate, course):
    for page_url in (reverse("dashboard"), course.url):
        html = client.get(page_url).content.decode()
        assert url("certificate", certificate.code) in html
        assert url("certificate_pdf", certificate.code) in html


def test_a_logo_whose_file_is_gone_leaves_it_off_the_pdf_and_page(client, certificate, caplog):
    logo = wagtail_factories.ImageFactory()
    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = logo
    settings.signature = logo
    settings.save()
    logo.file.storage.delete(logo.file.name)

    pdf = client.get(url("certificate_pdf", certificate.code))
    page = client.get(url("certificate", certificate.code))

    assert pdf.status_code == 200
    assert "José Ñúñez" in pdf_text(pdf)
    assert page.status_code == 200
    assert "cannot be read" in caplog.text


MARK_GOLD = "0.9529 0.7882 0.4118 rg"  # the fill of static/img/mark.svg's second figure


def drawing_of(pdf_response):
    page = PdfReader(io.BytesIO(pdf_response.content)).pages[0]
    images = [o.get_object()["/Subtype"] for o in page["/Resources"]["/XObject"].values()]
    return page.get_contents().get_data().decode("latin-1"), images


def test_the_pdf_carries_the_sites_mark_as_a_seal_until_a_logo_is_set(client, certificate):
    commands, images = drawing_of(client.get(url("certificate_pdf", certificate.code)))
    assert MARK_GOLD in commands
    assert images == ["/Image"]  # the QR code

    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.logo = wagtail_factories.ImageFactory()
    settings.save()
    commands, images = drawing_of(client.get(url("certificate_pdf", certificate.code)))
    assert MARK_GOLD not in commands
    assert images == ["/Image", "/Image"]  # the logo and the QR code


def qr_codes_in(pdf_response):
    page = PdfReader(io.BytesIO(pdf_response.content)).pages[0]
    return [code.text for image in page.images for code in zxingcpp.read_barcodes(image.image)]


def test_everything_on_a_certificate_points_at_the_site_s_public_address(
    client, learner, course, settings, mailoutbox, django_capture_on_commit_callbacks
):
    settings.PUBLIC_BASE_URL = "https://courses.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        complete_course(client, course)
    certificate = Certificate.objects.get()
    address = f"https://courses.example.org{url('verify_certificate', certificate.code)}"

    pdf = client.get(url("certificate_pdf", certificate.code))
    page = client.get(url("certificate", certificate.code)).content.decode()

    assert qr_codes_in(pdf) == [address]
    assert address in pdf_text(pdf).replace("\n", "")
    assert address in page
    in_their_language = url("verify_certificate", certificate.code, certificate.language_code)
    assert f"https://courses.example.org{in_their_language}" in mailoutbox[0].body


def test_in_development_a_certificate_points_where_the_request_came_in(client, certificate):
    page = client.get(url("certificate", certificate.code), HTTP_HOST="localhost")

    assert f"http://localhost{url('verify_certificate', certificate.code)}" in page.text
