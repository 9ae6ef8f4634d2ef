"""A module exported as a SCORM 1.2 package: its manifest, its pages in the chosen language, its
quiz scored by the site's own rule, and the admin and command that make it. The browser test in
tests/e2e/test_module_packages.py runs it in a real SCORM runtime."""

import io
import itertools
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from defusedxml import ElementTree
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from learners.factories import UserFactory
from modules.models import LessonPage
from packages.scorm import answer_key, scorm_package
from quizzes.models import QuizPage
from quizzes.scoring import score
from tests.packages.conftest import in_language

pytestmark = pytest.mark.django_db

CP = "{http://www.imsproject.org/xsd/imscp_rootv1p1p2}"
ADLCP = "{http://www.adlnet.org/xsd/adlcp_rootv1p2}"
QUIZ_JS = Path(settings.BASE_DIR) / "static" / "packages" / "quiz.js"


def unzip(package):
    return zipfile.ZipFile(io.BytesIO(package.content))


def page(archive, name):
    return BeautifulSoup(archive.read(name).decode(), "html.parser")


def test_the_manifest_describes_one_sco_and_every_file_it_names_is_in_the_zip(foundations):
    archive = unzip(scorm_package(foundations))
    manifest = ElementTree.fromstring(archive.read("imsmanifest.xml"))

    assert manifest.tag == f"{CP}manifest"
    assert manifest.find(f"{CP}metadata/{CP}schema").text == "ADL SCORM"
    assert manifest.find(f"{CP}metadata/{CP}schemaversion").text == "1.2"
    organizations = manifest.find(f"{CP}organizations")
    (organization,) = organizations.findall(f"{CP}organization")
    assert organizations.get("default") == organization.get("identifier")
    assert organization.find(f"{CP}title").text == "Foundations"
    (item,) = organization.findall(f"{CP}item")
    quiz = QuizPage.objects.child_of(foundations).get()
    assert item.find(f"{ADLCP}masteryscore").text == str(quiz.pass_mark)
    (resource,) = manifest.findall(f"{CP}resources/{CP}resource")
    assert resource.get("identifier") == item.get("identifierref")
    assert resource.get(f"{ADLCP}scormtype") == "sco"
    assert resource.get("type") == "webcontent"

    named = {file.get("href") for file in resource.findall(f"{CP}file")}
    in_zip = set(archive.namelist())
    assert resource.get("href") in named
    assert named <= in_zip, "the manifest names files the zip lacks"
    assert in_zip - named == {"imsmanifest.xml"}, "the zip holds files the manifest omits"
    for name in named:
        if name.endswith(".html"):
            soup = page(archive, name)
            addresses = [
                tag.get("href") or tag.get("src")
                for tag in soup.find_all(["link", "script", "img", "iframe"])
            ]
            local = [address for address in addresses if address and ":" not in address]
            assert set(local) <= in_zip, f"{name} uses files the zip lacks"


def test_the_lessons_are_static_pages_in_the_chosen_language_with_the_sites_stylesheet(
    foundations,
):
    spanish = in_language(foundations, "es")
    archive = unzip(scorm_package(spanish))
    lessons = LessonPage.objects.live().child_of(spanish).order_by("path")

    assert (
        archive.read("site.css") == (Path(settings.BASE_DIR) / "static/css/site.css").read_bytes()
    )
    for number, lesson in enumerate(lessons, start=1):
        soup = page(archive, f"lesson-{number:02d}.html")
        assert soup.html["lang"] == "es"
        assert soup.h1.get_text() == lesson.title
        assert soup.find("link", rel="stylesheet")["href"] == "site.css"
        assert not soup.find("script"), "a lesson page needs no script"
        assert f"Lección {number} de {len(lessons)}" in soup.get_text()
    index = page(archive, "index.html")
    assert [link.get_text() for link in index.select("nav a")][:-1] == [
        f"{number}. {lesson.title}" for number, lesson in enumerate(lessons, start=1)
    ]
    assert index.find("script")["src"] == "sco.js"


def test_images_ship_in_the_package_and_site_links_point_at_the_site(foundations):
    archive = unzip(scorm_package(foundations))
    images = [
        image["src"]
        for name in archive.namelist()
        if name.startswith("lesson-")
        for image in page(archive, name).find_all("img")
    ]
    assert images and all(src.startswith("files/") for src in images)
    assert archive.read(images[0])[:4] == b"RIFF"  # the site's WebP rendition
    links = [
        link["href"]
        for name in archive.namelist()
        if name.startswith("lesson-")
        for link in page(archive, name).find_all("a", href=True)
    ]
    assert not [href for href in links if href.startswith("/")], "no address of the site's root"
    assert any(href.startswith("http://testserver/en/glossary/") for href in links)
    document = next(href for href in links if href.startswith("files/"))
    assert archive.read(document).startswith(b"Best interests")


def test_the_quiz_page_asks_every_question_and_carries_its_answer_key(foundations):
    quiz = QuizPage.objects.child_of(foundations).get()
    archive = unzip(scorm_package(foundations))
    soup = page(archive, "quiz.html")
    key = json.loads(soup.find(id="quiz-key").string)

    assert key == answer_key(quiz)
    assert key["passMark"] == quiz.pass_mark
    asked = [item["data-question"] for item in soup.select("[data-question]")]
    assert asked == [f"answer-{question.id}" for question in quiz.question_list()]
    for question in quiz.question_list():
        values = {box["value"] for box in soup.select(f'input[name="answer-{question.id}"]')}
        assert values == question.option_ids


def quiz_js(cases):
    """``quiz.js``'s score of each ``(key, answers)`` case, run by Node."""
    script = (
        f"const quiz = require({json.dumps(str(QUIZ_JS))});"
        "const cases = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(cases.map(([key, answers]) =>"
        " quiz.score(key, key.questions, answers))));"
    )
    run = subprocess.run(
        ["node", "-e", script], input=json.dumps(cases), capture_output=True, text=True, check=True
    )
    return json.loads(run.stdout)


def every_choice(question):
    """Every answer a learner can give to ``question``: one option, or any set of them."""
    ids = [option.id for option in question.options]
    if not question.accepts_several:
        return [[option] for option in ids]
    return [
        list(chosen)
        for size in range(1, len(ids) + 1)
        for chosen in itertools.combinations(ids, size)
    ]


def test_the_package_scores_every_answer_as_the_site_does(demo_modules):
    cases, expected = [], []
    for quiz in QuizPage.objects.live().filter(locale__language_code="en"):
        questions = quiz.question_list()
        key = answer_key(quiz)
        for question in questions:
            for chosen in every_choice(question):
                one = {**key, "questions": [q for q in key["questions"] if q["id"] == question.id]}
                cases.append([one, {question.id: chosen}])
                result = score([question], {question.id: chosen})
                expected.append(
                    {"percent": result.percent, "passed": result.passes(quiz.pass_mark)}
                )
        for pick in range(4):
            answers = {q.id: every_choice(q)[pick % len(every_choice(q))] for q in questions}
            cases.append([key, answers])
            result = score(questions, answers)
            expected.append({"percent": result.percent, "passed": result.passes(quiz.pass_mark)})

    assert len(cases) > 100
    assert quiz_js(cases) == expected


def test_partial_credit_is_scored_in_the_package_as_on_the_site():
    key = {
        "passMark": 70,
        "draw": 0,
        "questions": [
            {
                "id": "a",
                "points": 2,
                "several": True,
                "partial": True,
                "options": ["1", "2", "3"],
                "correct": ["1", "2"],
            },
            {
                "id": "b",
                "points": 1,
                "several": False,
                "partial": False,
                "options": ["x", "y"],
                "correct": ["y"],
            },
        ],
    }
    # a: one right of two = 1/2 of 2 points; b: right = 1 point; 2 of 3 points = 66 %.
    assert quiz_js([[key, {"a": ["1"], "b": ["y"]}], [key, {"a": ["1", "2"], "b": ["y"]}]]) == [
        {"percent": 66, "passed": False},
        {"percent": 100, "passed": True},
    ]


def test_the_module_offers_the_export_to_its_editors_and_warns_about_the_answers(
    admin_client, foundations
):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[foundations.pk]))
    assert reverse("scorm_export", args=[foundations.pk]) in edit.content.decode()

    response = admin_client.get(reverse("scorm_export", args=[foundations.pk]))
    content = response.content.decode()
    assert response.status_code == 200
    assert "right answers ship with it" in content
    assert "never give the file to learners" in content
    soup = BeautifulSoup(content, "html.parser")
    assert {option["value"] for option in soup.select("select[name=language] option")} == {
        "en",
        "es",
        "pt",
        "fr",
    }


def test_the_admin_downloads_the_package_in_the_chosen_language(admin_client, foundations):
    response = admin_client.get(reverse("scorm_export", args=[foundations.pk]), {"language": "pt"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert 'filename="fundamentos-pt-scorm12.zip"' in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert page(archive, "lesson-01.html").html["lang"] == "pt"


def test_a_language_the_module_is_not_in_is_refused_with_400(admin_client, foundations):
    response = admin_client.get(reverse("scorm_export", args=[foundations.pk]), {"language": "de"})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_staff_who_may_not_edit_the_module_get_no_package(client, foundations):
    user = UserFactory(username="no-edit")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for query in ({}, {"language": "en"}):
        response = client.get(reverse("scorm_export", args=[foundations.pk]), query)
        assert response.status_code in (302, 403)
        assert response.get("Content-Type") != "application/zip"


def test_the_command_writes_the_package_and_refuses_what_it_cannot_export(foundations, tmp_path):
    output = tmp_path / "foundations.zip"
    out = io.StringIO()
    call_command(
        "export_scorm", "foundations", "--language", "fr", "--output", str(output), stdout=out
    )
    assert "fr" in out.getvalue()
    assert page(zipfile.ZipFile(output), "index.html").html["lang"] == "fr"

    with pytest.raises(CommandError, match="No module"):
        call_command("export_scorm", "no-such-module")
    with pytest.raises(CommandError, match="en, es, fr, pt"):
        call_command("export_scorm", "foundations", "--language", "de")
