import resources.blocks
import wagtail.fields
from django.db import migrations


"""The glossary, the support directory and translation gaps now belong to ``resources`` and
``translation`` (their migrations 0001 took the tables); here they leave this app's state only."""


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0007_glossary_and_directory_permissions"),
        ("resources", "0001_initial"),
        ("translation", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="lessonpage",
            name="body",
            field=wagtail.fields.StreamField(
                [
                    ("rich_text", 0),
                    ("key_fact", 5),
                    ("case_scenario", 10),
                    ("reflection_prompt", 12),
                    ("audience_note", 15),
                    ("quote", 18),
                    ("image", 21),
                    ("document", 24),
                    ("video", 28),
                    ("glossary_term", 30),
                    ("support_directory", 33),
                ],
                block_lookup={
                    0: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "h2",
                                "h3",
                                "bold",
                                "italic",
                                "ol",
                                "ul",
                                "link",
                                "document-link",
                            ],
                            "help_text": "Paragraphs, headings, lists and links.",
                            "icon": "pilcrow",
                            "label": "Text",
                            "preview_value": "<p>Children with a parent in prison are often invisible at school.</p>",
                            "template": "blocks/rich_text_block.html",
                        },
                    ),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "The number or short phrase to stand out, e.g. “1 in 4”.",
                            "label": "Figure",
                            "max_length": 40,
                        },
                    ),
                    2: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "One or two sentences that say what the figure means.",
                            "label": "Statement",
                        },
                    ),
                    3: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "The document the figure comes from: title and author or organisation.",
                            "label": "Source",
                            "max_length": 255,
                        },
                    ),
                    4: (
                        "wagtail.blocks.URLBlock",
                        (),
                        {
                            "help_text": "Optional address of the source document.",
                            "label": "Source link",
                            "required": False,
                        },
                    ),
                    5: (
                        "wagtail.blocks.StructBlock",
                        [[("figure", 1), ("statement", 2), ("source", 3), ("source_url", 4)]],
                        {},
                    ),
                    6: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "A short name.", "label": "Title", "max_length": 120},
                    ),
                    7: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": ["bold", "italic"],
                            "help_text": "Describe what happens, without names that could identify a real child.",
                            "label": "Situation",
                        },
                    ),
                    8: ("wagtail.blocks.CharBlock", (), {"label": "Prompt", "max_length": 300}),
                    9: (
                        "wagtail.blocks.ListBlock",
                        (8,),
                        {
                            "help_text": "Questions the learner should think about or discuss with colleagues.",
                            "label": "Discussion prompts",
                            "min_num": 1,
                        },
                    ),
                    10: (
                        "wagtail.blocks.StructBlock",
                        [[("title", 6), ("situation", 7), ("discussion_prompts", 9)]],
                        {},
                    ),
                    11: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "A question that links the lesson to the learner's work.",
                            "label": "Prompt",
                        },
                    ),
                    12: ("wagtail.blocks.StructBlock", [[("prompt", 11)]], {}),
                    13: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": [
                                ("teachers", "Teachers and school staff"),
                                ("police", "Police"),
                                ("judges", "Judges and prosecutors"),
                                ("front_line", "Front-line and social workers"),
                            ],
                            "help_text": "The profession this note speaks to.",
                            "label": "Audience",
                        },
                    ),
                    14: (
                        "wagtail.blocks.RichTextBlock",
                        (),
                        {
                            "features": [
                                "h2",
                                "h3",
                                "bold",
                                "italic",
                                "ol",
                                "ul",
                                "link",
                                "document-link",
                            ],
                            "help_text": "What this profession in particular should know or do.",
                            "label": "Text",
                        },
                    ),
                    15: ("wagtail.blocks.StructBlock", [[("audience", 13), ("text", 14)]], {}),
                    16: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {"help_text": "The words, without quotation marks.", "label": "Quote"},
                    ),
                    17: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Who said it, described without identifying them, e.g. “a young adult”.",
                            "label": "Attribution",
                            "max_length": 200,
                        },
                    ),
                    18: ("wagtail.blocks.StructBlock", [[("quote", 16), ("attribution", 17)]], {}),
                    19: (
                        "wagtail.images.blocks.ImageBlock",
                        [],
                        {"help_text": "Describe the image in its alt text.", "label": "Image"},
                    ),
                    20: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Optional caption.",
                            "label": "Caption",
                            "max_length": 255,
                            "required": False,
                        },
                    ),
                    21: ("wagtail.blocks.StructBlock", [[("image", 19), ("caption", 20)]], {}),
                    22: (
                        "wagtail.documents.blocks.DocumentChooserBlock",
                        (),
                        {"help_text": "The file to offer.", "label": "Document"},
                    ),
                    23: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "What the document is and why it is useful.",
                            "label": "Description",
                            "max_length": 255,
                            "required": False,
                        },
                    ),
                    24: (
                        "wagtail.blocks.StructBlock",
                        [[("document", 22), ("description", 23)]],
                        {},
                    ),
                    25: (
                        "wagtail.embeds.blocks.EmbedBlock",
                        (),
                        {
                            "help_text": "A YouTube or Vimeo address, for example.",
                            "label": "Video address",
                        },
                    ),
                    26: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {"help_text": "The video's title.", "label": "Title", "max_length": 200},
                    ),
                    27: (
                        "wagtail.blocks.TextBlock",
                        (),
                        {
                            "help_text": "The words of the video, for learners who cannot watch or hear it.",
                            "label": "Transcript",
                            "required": False,
                        },
                    ),
                    28: (
                        "wagtail.blocks.StructBlock",
                        [[("video", 25), ("title", 26), ("transcript", 27)]],
                        {},
                    ),
                    29: (
                        "wagtail.snippets.blocks.SnippetChooserBlock",
                        ("resources.GlossaryTerm",),
                        {
                            "help_text": "Choose the English term; each translation of the lesson shows its own.",
                            "label": "Term",
                        },
                    ),
                    30: ("wagtail.blocks.StructBlock", [[("term", 29)]], {}),
                    31: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Optional, e.g. “Where to refer a family in Uruguay”.",
                            "label": "Heading",
                            "max_length": 120,
                            "required": False,
                        },
                    ),
                    32: (
                        "wagtail.blocks.ChoiceBlock",
                        [],
                        {
                            "choices": resources.blocks.country_choices,
                            "help_text": "The lesson lists the directory's organisations in this country.",
                            "label": "Country",
                        },
                    ),
                    33: ("wagtail.blocks.StructBlock", [[("heading", 31), ("country", 32)]], {}),
                },
                help_text="The lesson itself. Cite every figure with a key fact block.",
                verbose_name="body",
            ),
        ),
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="glossarypage",
                    name="page_ptr",
                ),
                migrations.AlterUniqueTogether(
                    name="glossaryterm",
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name="glossaryterm",
                    name="locale",
                ),
                migrations.AlterUniqueTogether(
                    name="supportorganisation",
                    unique_together=None,
                ),
                migrations.RemoveField(
                    model_name="supportorganisation",
                    name="locale",
                ),
                migrations.RemoveField(
                    model_name="translationgap",
                    name="page",
                ),
                migrations.DeleteModel(
                    name="DirectoryPage",
                ),
                migrations.DeleteModel(
                    name="GlossaryPage",
                ),
                migrations.DeleteModel(
                    name="GlossaryTerm",
                ),
                migrations.DeleteModel(
                    name="SupportOrganisation",
                ),
                migrations.DeleteModel(
                    name="TranslationGap",
                ),
            ]
        ),
    ]
