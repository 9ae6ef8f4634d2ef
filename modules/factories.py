"""Factories for the course tree and its lesson blocks, for tests and benchmarks."""

import factory
import wagtail_factories
from wagtail import blocks as wagtail_blocks
from wagtail.embeds.blocks import EmbedBlock

from resources.factories import GlossaryTermBlockFactory, SupportDirectoryBlockFactory

from . import blocks
from .choices import Audience
from .models import CourseIndexPage, CoursePage, InformationPage, LessonPage, ModulePage


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
    certificate_title = factory.LazyAttribute(lambda page: page.title)

    class Meta:
        model = CoursePage


class ModulePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Module {n}")
    summary = "What this module covers."

    class Meta:
        model = ModulePage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Lesson {n}")
    summary = "What this lesson covers."
    body = wagtail_factories.StreamFieldFactory(LessonStreamBlockFactory)

    class Meta:
        model = LessonPage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = "About this course"
    slug = "about"
    body = "<p>Where the course comes from.</p>"

    class Meta:
        model = InformationPage
