"""What a certificate says about who awards it comes in the certificate's language: a translated
certificate wording (a wagtail-localize snippet), the default language's while no translation
exists, the home page's title when the site chose none; and existing sites keep theirs."""

import io

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader
from wagtail.models import Site

from certificates.models import Certificate, CertificateSettings, CertificateWording
from translation.localize import source_strings, translate_snippet

from .helpers import complete_course

ENGLISH = {
    "organisation": "Network for children of incarcerated parents",
    "signatory_name": "Course team",
    "signatory_title": "Director of training",
}
PORTUGUESE = {
    "organisation": "Rede pelas crianças com pais encarcerados",
    "signatory_name": "Equipe do curso",
    "signatory_title": "Diretora de formação",
}


def url(name, code, language):
    with translation.override(language):
        return reverse(name, args=[code])


def pdf_text(response):
    return PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


@pytest.fixture
def wording(db, locales):
    wording = CertificateWording.objects.create(locale=locales["en"], **ENGLISH)
    settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
    settings.wording = wording
    settings.save()
    return wording


def translate_wording(wording, locale, values):
    strings = dict(zip(source_strings(wording), [values[name] for name in ENGLISH], strict=True))
    return translate_snippet(wording, locale, strings)


@pytest.fixture
def certificate(client, learner, course):
    complete_course(client, course)
    return Certificate.objects.get()


@pytest.mark.django_db
def test_the_portuguese_certificate_carries_the_portuguese_wording_and_no_english(
    client, wording, certificate, course, locales, translate_tree
):
    translate_tree(course, "pt")
    translate_wording(wording, locales["pt"], PORTUGUESE)

    pdf = pdf_text(client.get(url("certificate_pdf", certificate.code, "pt")))
    page = client.get(url("certificate", certificate.code, "pt")).content.decode()
    verification = client.get(url("verify_certificate", certificate.code, "pt")).content.decode()

    for text in (pdf, page):
        for value in PORTUGUESE.values():
            assert value in text
        for value in ENGLISH.values():
            assert value not in text
    assert PORTUGUESE["organisation"] in verification
    assert ENGLISH["organisation"] not in verification
    for english in ("Certificate of completion", "This certifies that", "Verify at"):
        assert english not in pdf


@pytest.mark.django_db
def test_a_language_without_a_translation_prints_the_default_language_s_wording(
    client, wording, certificate
):
    pdf = pdf_text(client.get(url("certificate_pdf", certificate.code, "fr")))
    assert ENGLISH["organisation"] in pdf
    assert ENGLISH["signatory_title"] in pdf


@pytest.mark.django_db
def test_without_a_wording_the_certificate_names_the_home_page_in_its_language(
    client, certificate, course, translate_tree, locales
):
    translate_tree(course, "pt")
    home = Site.objects.get(is_default_site=True).root_page.specific
    portuguese_home = home.get_translation(locales["pt"])

    pdf = pdf_text(client.get(url("certificate_pdf", certificate.code, "pt")))

    assert portuguese_home.title in pdf
    assert portuguese_home.title.endswith("[pt]")


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_existing_site_keeps_its_wording_through_the_migrations():
    executor = MigrationExecutor(connection)
    before = [("certificates", "0004_certificate_wording")]
    executor.migrate(before)
    try:
        old_apps = MigrationExecutor(connection).loader.project_state(before).apps
        old_apps.get_model("certificates", "CertificateSettings").objects.create(
            site_id=Site.objects.get(is_default_site=True).pk, **ENGLISH
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())

    settings = CertificateSettings.objects.get()
    assert settings.wording.locale.language_code == "en"
    assert {name: getattr(settings.wording, name) for name in ENGLISH} == ENGLISH


@pytest.mark.django_db
def test_the_wording_is_chosen_in_the_settings_and_translated_from_the_admin(admin_client, wording):
    site = Site.objects.get(is_default_site=True)
    edit = admin_client.get(
        reverse("wagtailsettings:edit", args=["certificates", "certificatesettings", site.pk]),
        follow=True,
    )
    listing = admin_client.get(
        reverse("wagtailsnippets_certificates_certificatewording:list"), follow=True
    )
    submit = admin_client.get(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["certificates", "certificatewording", wording.pk],
        ),
        follow=True,
    )

    assert edit.status_code == 200 and ENGLISH["organisation"] in edit.text
    assert listing.status_code == 200 and ENGLISH["signatory_title"] in listing.text
    assert submit.status_code == 200
