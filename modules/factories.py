"""Factories for the course tree and its lesson blocks, for tests and benchmarks."""

from decimal import Decimal

import factory
import wagtail_factories
from wagtail import blocks as wagtail_blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from . import blocks
from .choices import Audience
from .models import (
    CourseIndexPage,
    CoursePage,
    DirectoryPage,
    GlossaryPage,
    GlossaryTerm,
    InformationPage,
    LessonPage,
    ModulePage,
    SupportOrganisation,
)


class StoredValueBlockFactory(wagtail_factories.blocks.BlockFactory):
    """A block value built from what the database stores, without the form validation that
    would fetch an embed or expect editor input."""

    class Meta:
        abstract = True

    @classmethod
    def _construct_block(cls, block_class, *args, **kwargs):
        return block_class().to_python(kwargs["value"])


class RichTextBlockFactory(StoredValueBlockFactory):
    value = factory.Sequence(lambda n: f"<p>Paragraph {n} of a lesson.</p>")

    class Meta:
        model = wagtail_blocks.RichTextBlock


class EmbedBlockFactory(StoredValueBlockFactory):
    value = "https://www.youtube.com/watch?v=example"

    class Meta:
        model = EmbedBlock


class KeyFactBlockFactory(wagtail_factories.StructBlockFactory):
    figure = "1 in 4"
    statement = "Black children born in 1990 who had a parent incarcerated by age 14."
    source = "Justice Strategies"
    source_url = ""

    class Meta:
        model = blocks.KeyFactBlock


class CaseScenarioBlockFactory(wagtail_factories.StructBlockFactory):
    title = "A morning arrest"
    situation = factory.SubFactory(RichTextBlockFactory)
    discussion_prompts = wagtail_factories.ListBlockFactory(wagtail_factories.CharBlockFactory)

    class Meta:
        model = blocks.CaseScenarioBlock


class ReflectionPromptBlockFactory(wagtail_factories.StructBlockFactory):
    prompt = "What would you do?"

    class Meta:
        model = blocks.ReflectionPromptBlock


class AudienceNoteBlockFactory(wagtail_factories.StructBlockFactory):
    audience = Audience.POLICE
    text = factory.SubFactory(RichTextBlockFactory)

    class Meta:
        model = blocks.AudienceNoteBlock


class LivedExperienceQuoteBlockFactory(wagtail_factories.StructBlockFactory):
    quote = "They asked me what I needed."
    attribution = "A young adult"

    class Meta:
        model = blocks.LivedExperienceQuoteBlock


class FigureBlockFactory(wagtail_factories.StructBlockFactory):
    image = factory.SubFactory(wagtail_factories.ImageBlockFactory, decorative=False)
    caption = "A figure"

    class Meta:
        model = blocks.FigureBlock


class DocumentDownloadBlockFactory(wagtail_factories.StructBlockFactory):
    document = factory.SubFactory(wagtail_factories.DocumentChooserBlockFactory)
    description = "A checklist"

    class Meta:
        model = blocks.DocumentDownloadBlock


class VideoBlockFactory(wagtail_factories.StructBlockFactory):
    video = factory.SubFactory(EmbedBlockFactory)
    title = "A video"
    transcript = "What the video says."

    class Meta:
        model = blocks.VideoBlock


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"term {n}")
    definition = factory.LazyAttribute(lambda term: f"What “{term.term}” means.")
    explanation = "<p>Where the term comes from.</p>"

    class Meta:
        model = GlossaryTerm


class SupportOrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "UY"
    offers = "Support groups for children with a parent in prison."
    website = "https://example.org/"

    class Meta:
        model = SupportOrganisation


class GlossaryTermChooserBlockFactory(wagtail_factories.blocks.ChooserBlockFactory):
    term = factory.SubFactory(GlossaryTermFactory)

    class Meta:
        model = SnippetChooserBlock

    @classmethod
    def _build(cls, model_class, term):
        return term

    @classmethod
    def _create(cls, model_class, term):
        return term


class GlossaryTermBlockFactory(wagtail_factories.StructBlockFactory):
    term = factory.SubFactory(GlossaryTermChooserBlockFactory)

    class Meta:
        model = blocks.GlossaryTermBlock


class SupportDirectoryBlockFactory(wagtail_factories.StructBlockFactory):
    heading = "Where to refer a family"
    country = "UY"

    class Meta:
        model = blocks.SupportDirectoryBlock


class LessonStreamBlockFactory(wagtail_factories.StreamBlockFactory):
    rich_text = factory.SubFactory(RichTextBlockFactory)
    key_fact = factory.SubFactory(KeyFactBlockFactory)
    case_scenario = factory.SubFactory(CaseScenarioBlockFactory)
    reflection_prompt = factory.SubFactory(ReflectionPromptBlockFactory)
    audience_note = factory.SubFactory(AudienceNoteBlockFactory)
    quote = factory.SubFactory(LivedExperienceQuoteBlockFactory)
    image = factory.SubFactory(FigureBlockFactory)
    document = factory.SubFactory(DocumentDownloadBlockFactory)
    video = factory.SubFactory(VideoBlockFactory)
    glossary_term = factory.SubFactory(GlossaryTermBlockFactory)
    support_directory = factory.SubFactory(SupportDirectoryBlockFactory)

    class Meta:
        model = blocks.LessonStreamBlock


class CourseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Courses"
    slug = "courses"

    class Meta:
        model = CourseIndexPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Course {n}")
    intro = "<p>What this course is about.</p>"
    audiences = factory.LazyFunction(lambda: [Audience.TEACHERS, Audience.POLICE])
    estimated_hours = Decimal("1.5")
    certificate_title = factory.LazyAttribute(lambda page: page.title)

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."
    estimated_minutes = 30

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What this lesson covers."
    body = wagtail_factories.StreamFieldFactory(LessonStreamBlockFactory)

    class Meta:
        model = LessonPage


class GlossaryPageFactory(wagtail_factories.PageFactory):
    title = "Glossary"
    slug = "glossary"

    class Meta:
        model = GlossaryPage


class DirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Where to refer a family"
    slug = "directory"

    class Meta:
        model = DirectoryPage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = "About this course"
    slug = "about"
    body = "<p>Where the course comes from.</p>"

    class Meta:
        model = InformationPage
