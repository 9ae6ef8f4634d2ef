"""The content elements a lesson is made of. There is deliberately no raw-HTML block."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

from resources.blocks import GlossaryTermBlock, SupportDirectoryBlock
from resources.editing import RICH_TEXT_FEATURES

from .choices import Audience


def minutes_block(default, help_text):
    """The minutes an activity block declares: what it takes beyond reading its words."""
    return blocks.IntegerBlock(
        default=default, min_value=0, max_value=240, label=_("Minutes"), help_text=help_text
    )


class KeyFactBlock(blocks.StructBlock):
    """A figure that matters, the sentence that explains it and where it comes from."""

    figure = blocks.CharBlock(
        max_length=40,
        label=_("Figure"),
        help_text=_("The number or short phrase to stand out, e.g. “1 in 4”."),
    )
    statement = blocks.TextBlock(
        label=_("Statement"),
        help_text=_("One or two sentences that say what the figure means."),
    )
    source = blocks.CharBlock(
        max_length=255,
        label=_("Source"),
        help_text=_("The document the figure comes from: title and author or organisation."),
    )
    source_url = blocks.URLBlock(
        required=False,
        label=_("Source link"),
        help_text=_("Optional address of the source document."),
    )

    class Meta:
        icon = "info-circle"
        template = "blocks/key_fact_block.html"
        label = _("Key fact")
        help_text = _("A cited figure. Every key fact must name its source.")
        preview_value = {
            "figure": "1 in 4",
            "statement": "Black children born in 1990 who saw a parent incarcerated by age 14.",
            "source": "Justice Strategies, Call to Action for Our Children's Lives",
        }


class CaseScenarioBlock(blocks.StructBlock):
    """A realistic situation for learners to think through, with questions to discuss."""

    title = blocks.CharBlock(max_length=120, label=_("Title"), help_text=_("A short name."))
    situation = blocks.RichTextBlock(
        features=["bold", "italic"],
        label=_("Situation"),
        help_text=_("Describe what happens, without names that could identify a real child."),
    )
    discussion_prompts = blocks.ListBlock(
        blocks.CharBlock(max_length=300, label=_("Prompt")),
        min_num=1,
        label=_("Discussion prompts"),
        help_text=_("Questions the learner should think about or discuss with colleagues."),
    )
    minutes = minutes_block(
        5,
        _(
            "Minutes to think the case through or discuss it, beyond reading it; counted in the "
            "lesson's time."
        ),
    )

    class Meta:
        icon = "group"
        template = "blocks/case_scenario_block.html"
        label = _("Case scenario")
        help_text = _("A situation from practice followed by discussion prompts.")
        preview_value = {
            "title": "A morning arrest",
            "situation": "<p>Officers arrive at dawn; a seven-year-old opens the door.</p>",
            "discussion_prompts": ["What does the child see?", "Who looks after her?"],
            "minutes": 5,
        }


class ReflectionPromptBlock(blocks.StructBlock):
    """A question the learner answers for themselves; nothing is collected."""

    prompt = blocks.TextBlock(
        label=_("Prompt"), help_text=_("A question that links the lesson to the learner's work.")
    )
    minutes = minutes_block(
        2, _("Minutes to pause on the question, beyond reading it; counted in the lesson's time.")
    )

    class Meta:
        icon = "help"
        template = "blocks/reflection_prompt_block.html"
        label = _("Reflection prompt")
        help_text = _("A personal question to pause on.")
        preview_value = {
            "prompt": "When did a child in your work last mention a parent?",
            "minutes": 2,
        }


class AudienceNoteBlock(blocks.StructBlock):
    """Advice for one profession, shown to everyone and highlighted for that profession."""

    audience = blocks.ChoiceBlock(
        choices=Audience.choices,
        label=_("Audience"),
        help_text=_("The profession this note speaks to."),
    )
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        help_text=_("What this profession in particular should know or do."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["audience_label"] = Audience(value["audience"]).label
        return context

    class Meta:
        icon = "user"
        template = "blocks/audience_note_block.html"
        label = _("Audience note")
        help_text = _("A note for one profession.")
        preview_value = {
            "audience": Audience.POLICE,
            "text": "<p>Where you can, let the child say goodbye.</p>",
        }


class LivedExperienceQuoteBlock(blocks.StructBlock):
    """The words of a person who lived it, with consent and without identifying a child."""

    quote = blocks.TextBlock(label=_("Quote"), help_text=_("The words, without quotation marks."))
    attribution = blocks.CharBlock(
        max_length=200,
        label=_("Attribution"),
        help_text=_("Who said it, described without identifying them, e.g. “a young adult”."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/lived_experience_quote_block.html"
        label = _("Quote from lived experience")
        help_text = _("A quotation from someone with lived experience.")
        preview_value = {
            "quote": "It's not about what we think they need but about what they say they need.",
            "attribution": "Canadian Coalition for Children with Incarcerated Parents",
        }


class FigureBlock(blocks.StructBlock):
    """An image with alternative text and an optional caption."""

    image = ImageBlock(label=_("Image"), help_text=_("Describe the image in its alt text."))
    caption = blocks.CharBlock(
        required=False, max_length=255, label=_("Caption"), help_text=_("Optional caption.")
    )

    class Meta:
        icon = "image"
        template = "blocks/figure_block.html"
        label = _("Image")
        help_text = _("An image, sized for slow connections.")

    def get_preview_value(self):
        """The newest image in the library, if there is one."""
        image = get_image_model().objects.order_by("-created_at").first()
        return self.to_python({"image": image and {"image": image.pk, "alt_text": image.title}})


class DocumentDownloadBlock(blocks.StructBlock):
    """A file the learner can download, e.g. a checklist or a protocol."""

    document = DocumentChooserBlock(label=_("Document"), help_text=_("The file to offer."))
    description = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Description"),
        help_text=_("What the document is and why it is useful."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_download_block.html"
        label = _("Document download")
        help_text = _("A file to download, shown with its type and size.")

    def get_preview_value(self):
        """The newest document in the library, if there is one."""
        document = get_document_model().objects.order_by("-created_at").first()
        return {"document": document, "description": "A checklist to print."}


class VideoBlock(blocks.StructBlock):
    """An embedded video with a transcript, for learners who cannot play it."""

    video = EmbedBlock(
        label=_("Video address"), help_text=_("A YouTube or Vimeo address, for example.")
    )
    title = blocks.CharBlock(max_length=200, label=_("Title"), help_text=_("The video's title."))
    transcript = blocks.TextBlock(
        required=False,
        label=_("Transcript"),
        help_text=_("The words of the video, for learners who cannot watch or hear it."),
    )
    minutes = minutes_block(
        5,
        _(
            "The video's length in minutes, rounded up; counted in the lesson's time instead of "
            "the transcript."
        ),
    )

    class Meta:
        icon = "media"
        template = "blocks/video_block.html"
        preview_template = "blocks/video_block_preview.html"
        label = _("Video")
        help_text = _("An embedded video with a link and transcript.")
        preview_value = {
            "title": "Talking with children about a parent in prison",
            "transcript": "A counsellor explains how to answer a child's first questions.",
            "minutes": 5,
        }


class LessonStreamBlock(blocks.StreamBlock):
    """Everything a lesson body may contain."""

    rich_text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        help_text=_("Paragraphs, headings, lists and links."),
        template="blocks/rich_text_block.html",
        icon="pilcrow",
        preview_value="<p>Children with a parent in prison are often invisible at school.</p>",
    )
    key_fact = KeyFactBlock()
    case_scenario = CaseScenarioBlock()
    reflection_prompt = ReflectionPromptBlock()
    audience_note = AudienceNoteBlock()
    quote = LivedExperienceQuoteBlock()
    image = FigureBlock()
    document = DocumentDownloadBlock()
    video = VideoBlock()
    glossary_term = GlossaryTermBlock()
    support_directory = SupportDirectoryBlock()


class LearningObjectivesBlock(blocks.StreamBlock):
    """What a learner can do after a course or a module, one objective per item."""

    objective = blocks.CharBlock(
        max_length=300,
        label=_("Objective"),
        help_text=_("Start with a verb: “Recognise…”, “Explain…”."),
        icon="tick",
    )
