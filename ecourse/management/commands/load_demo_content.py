"""Load the demo course from ecourse/demo_content/ and translate it with wagtail-localize.

The English tree comes from course.json and one file per module in modules/ (its lessons and
quiz), each other language from locale/<code>.po (source text → translation, as exported by
wagtail-localize). Pages, images and documents are created only when missing, so a second run
changes nothing and never overwrites an author's edits.
"""

import json
import re
from decimal import Decimal
from pathlib import Path

import polib
from django.core.files import File
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Site

from certificates.models import CertificateSettings, CertificateWording
from modules.languages import source_language, source_locale, target_locales
from modules.models import (
    CourseIndexPage,
    CoursePage,
    HomePage,
    InformationPage,
    LessonPage,
    ModulePage,
)
from quizzes.models import QuizPage
from resources.models import DirectoryPage, GlossaryPage, GlossaryTerm, SupportOrganisation
from translation.localize import source_strings, translate_page, translate_snippet

CONTENT_DIR = Path(__file__).resolve().parents[2] / "demo_content"


def read_json(path):
    return json.loads(path.read_text(encoding="utf-8"))


class Command(BaseCommand):
    help = "Load the demo course in English and its translations. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--write-template",
            action="store_true",
            help="Also write demo_content/locale/strings.pot for translators.",
        )

    def handle(self, *args, write_template=False, **options):
        content = read_json(CONTENT_DIR / "course.json")
        self.created = 0
        with transaction.atomic():
            self.load_glossary_and_directory(read_json(CONTENT_DIR / "glossary.json"))
            pages = self.load_source_tree(content)
            self.certificate_wording(content["certificate_wording"])
            if write_template:
                self.write_template(pages)
            for po_path in sorted((CONTENT_DIR / "locale").glob("*.po")):
                self.translate_tree(pages, po_path)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: {self.created} new item(s)."))

    def report(self, message):
        self.created += 1
        self.stdout.write(f"  + {message}")

    def load_source_tree(self, content):
        """Create the English pages that are missing; return every page, parents first."""
        english = source_locale()
        home = HomePage.objects.get(locale=english, depth=2)
        if not home.intro:
            home.title = content["home"]["title"]
            home.intro = content["home"]["intro"]
            home.save_revision().publish()
            self.report(f"home page “{home.title}”")
        pages = [home]
        catalogue = self.child(home, CourseIndexPage, content["catalogue"])
        pages.append(catalogue)
        about = content["about"]
        pages.append(self.child(home, InformationPage, about, body=about["body"]))
        pages.append(self.child(home, GlossaryPage, content["glossary"]))
        pages.append(self.child(home, DirectoryPage, content["directory"]))
        for course_data in content["courses"]:
            course = self.child(
                catalogue,
                CoursePage,
                course_data,
                learning_objectives=objectives(course_data),
                audiences=course_data["audiences"],
                **stated_time(course_data, "stated_hours", Decimal),
                certificate_title=course_data["certificate_title"],
            )
            pages.append(course)
            for module_file in course_data["modules"]:
                module_data = read_json(CONTENT_DIR / "modules" / module_file)
                module = self.child(
                    course,
                    ModulePage,
                    module_data,
                    summary=module_data["summary"],
                    learning_objectives=objectives(module_data),
                    audiences=module_data.get("audiences", []),
                    **stated_time(module_data, "stated_minutes", int),
                )
                pages.append(module)
                for lesson_data in module_data["lessons"]:
                    pages.append(
                        self.child(
                            module,
                            LessonPage,
                            lesson_data,
                            summary=lesson_data["summary"],
                            **stated_time(lesson_data, "stated_minutes", int),
                            body=self.stream_value(LessonPage, "body", lesson_data["body"]),
                        )
                    )
                if "quiz" in module_data:
                    pages.append(self.quiz(module, module_data["quiz"]))
        return pages

    def load_glossary_and_directory(self, content):
        """Glossary terms and support organisations in English, then translated through
        wagtail-localize from the other languages given beside them in the file."""
        english = source_locale()
        for data in content["terms"]:
            term, created = GlossaryTerm.objects.get_or_create(
                locale=english,
                term=data["term"][english.language_code],
                defaults={
                    "definition": data["definition"][english.language_code],
                    "explanation": data["explanation"][english.language_code],
                },
            )
            self.translate_snippet(
                term,
                lambda code, data=data: [
                    data["term"][code],
                    data["definition"][code],
                    *segments(data["explanation"][code]),
                ],
            )
        for data in content["organisations"]:
            organisation, _ = SupportOrganisation.objects.get_or_create(
                locale=english,
                name=data["name"][english.language_code],
                defaults={
                    "country": data["country"],
                    "offers": data["offers"][english.language_code],
                    "contact": data["contact"],
                    "website": data["website"],
                },
            )
            self.translate_snippet(
                organisation, lambda code, data=data: [data["name"][code], data["offers"][code]]
            )

    def translate_snippet(self, snippet, translated_strings):
        """Translate ``snippet`` into each other language it is missing in; ``translated_strings``
        gives, for a language code, the translations of its strings in wagtail-localize's order."""
        english = source_strings(snippet)
        for locale in target_locales():
            if snippet.get_translations().filter(locale=locale).exists():
                continue
            translations = translated_strings(locale.language_code)
            if len(translations) != len(english):
                raise CommandError(
                    f"{snippet}: {len(english)} strings, {len(translations)} in {locale}"
                )
            translate_snippet(snippet, locale, dict(zip(english, translations, strict=True)))
            self.report(f"{locale.language_code}: {snippet._meta.verbose_name} “{snippet}”")

    def quiz(self, module, data):
        settings = [
            "pass_mark",
            "max_attempts",
            "shuffle_questions",
            "shuffle_options",
            "questions_per_attempt",
            "feedback",
        ]
        return self.child(
            module,
            QuizPage,
            data,
            questions=self.stream_value(QuizPage, "questions", data["questions"]),
            **{name: data[name] for name in settings if name in data},
        )

    def certificate_wording(self, data):
        """What the demo certificates say about who awards them, in every language, unless the
        site's certificate settings already choose a wording of their own."""
        english = source_locale().language_code
        fields = {name: values[english] for name, values in data.items()}
        settings = CertificateSettings.for_site(Site.objects.get(is_default_site=True))
        wording = settings.wording
        if wording is None:
            wording, _ = CertificateWording.objects.get_or_create(locale=source_locale(), **fields)
            settings.wording = wording
            settings.save()
            self.report(f"certificate wording “{wording}”")
        elif any(getattr(wording, name) != value for name, value in fields.items()):
            return
        self.translate_snippet(
            wording, lambda code: [data[name][code] for name in fields if data[name][code]]
        )

    def child(self, parent, page_class, data, **fields):
        existing = page_class.objects.child_of(parent).filter(slug=data["slug"]).first()
        if existing:
            return existing
        if "intro" in data:
            fields.setdefault("intro", data["intro"])
        page = page_class(title=data["title"], slug=data["slug"], **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report(f"{page_class._meta.verbose_name} “{page.title}”")
        return page

    def stream_value(self, page_class, field_name, raw_blocks):
        """Blocks from the content file as native values, so that every list item gets its own id
        (wagtail-localize translates list items by id)."""
        stream_block = page_class._meta.get_field(field_name).stream_block
        raw = [self.resolve_assets(block) for block in raw_blocks]
        return stream_block.normalize(
            [(child.block_type, child.value) for child in stream_block.to_python(raw)]
        )

    def resolve_assets(self, block):
        """Swap an image or document described by file name, or a glossary term by its English
        wording, for the id of its library item or snippet."""
        value = block["value"]
        if block["type"] == "glossary_term":
            term = GlossaryTerm.objects.get(
                locale__language_code=source_language(), term=value["term"]
            )
            value = {"term": term.pk}
        elif block["type"] == "image":
            image = self.library_item(get_image_model(), value["image"])
            value = {
                **value,
                "image": {
                    "image": image.pk,
                    "decorative": False,
                    "alt_text": value["image"]["alt_text"],
                },
            }
        elif block["type"] == "document":
            document = self.library_item(get_document_model(), value["document"])
            document.get_file_size()  # stored once, as the admin's upload form does
            value = {**value, "document": document.pk}
        return {"type": block["type"], "value": value}

    def library_item(self, model, data):
        item = model.objects.filter(title=data["title"]).first()
        if item is None:
            with open(CONTENT_DIR / "assets" / data["file"], "rb") as handle:
                item = model(title=data["title"], file=File(handle, name=data["file"]))
                item.save()
            self.report(f"{model._meta.verbose_name} “{item.title}”")
        return item

    def translate_tree(self, pages, po_path):
        locale = Locale.objects.get(language_code=po_path.stem)
        strings = {
            entry.msgid: entry.msgstr
            for entry in polib.pofile(str(po_path))
            if entry.msgstr and not entry.fuzzy and not entry.obsolete
        }
        for number, page in enumerate(pages, start=1):
            if page.get_translations().filter(locale=locale).exists():
                continue
            translated = translate_page(page, locale, strings)
            self.report(f"[{number}/{len(pages)}] {locale.language_code}: “{translated.title}”")

    def write_template(self, pages):
        pot = polib.POFile(wrapwidth=0)
        pot.metadata = {"Content-Type": "text/plain; charset=utf-8"}
        seen = set()
        for page in pages:
            for text in source_strings(page):
                if text not in seen:
                    seen.add(text)
                    pot.append(polib.POEntry(msgid=text, msgstr="", comment=page.title))
        path = CONTENT_DIR / "locale" / "strings.pot"
        pot.save(str(path))
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(pot)} strings to {path}"))


def objectives(data):
    """A course's or module's learning objectives, one block each."""
    return [("objective", text) for text in data.get("learning_objectives", [])]


def stated_time(data, name, number):
    """A stated time and its reason, where the content file gives one (the demo states none:
    its durations are computed from its content)."""
    if data.get(name) is None:
        return {}
    return {name: number(data[name]), f"{name}_reason": data[f"{name}_reason"]}


def segments(html):
    """A rich text's paragraphs as wagtail-localize segments them: one per paragraph, with
    <strong> and <em> written <b> and <i>."""
    inline = {"strong": "b", "em": "i"}
    paragraphs = re.findall(r"<p>(.*?)</p>", html, re.S)
    return [
        re.sub(r"<(/?)(strong|em)>", lambda tag: f"<{tag[1]}{inline[tag[2]]}>", paragraph)
        for paragraph in paragraphs
    ]
