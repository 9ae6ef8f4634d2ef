"""Lesson blocks that show a glossary term or a country's support organisations."""

from django.utils.translation import gettext_lazy as _
from django_countries import countries
from wagtail import blocks
from wagtail.models import Locale
from wagtail.snippets.blocks import SnippetChooserBlock

from .models import DirectoryPage, GlossaryPage, GlossaryTerm, SupportOrganisation


def country_choices():
    """Every country, by name in the reader's language: for blocks, forms and report filters."""
    return list(countries)


class GlossaryTermBlock(blocks.StructBlock):
    """A term of the glossary with its definition, folded open by the reader."""

    term = SnippetChooserBlock(
        "resources.GlossaryTerm",
        label=_("Term"),
        help_text=_("Choose the English term; each translation of the lesson shows its own."),
    )

    class Meta:
        icon = "help"
        template = "blocks/glossary_term_block.html"
        label = _("Glossary term")
        help_text = _("A term learners can open to read its definition, linked to the glossary.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        term = value["term"]
        context["term"] = term.localized if term else None
        context["glossary"] = GlossaryPage.objects.live().filter(locale=Locale.get_active()).first()
        return context

    def get_preview_value(self):
        return {"term": GlossaryTerm.objects.first()}


class SupportDirectoryBlock(blocks.StructBlock):
    """The organisations of one country from the support directory."""

    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Heading"),
        help_text=_("Optional, e.g. “Where to refer a family in Uruguay”."),
    )
    country = blocks.ChoiceBlock(
        choices=country_choices,
        label=_("Country"),
        help_text=_("The lesson lists the directory's organisations in this country."),
    )

    class Meta:
        icon = "site"
        template = "blocks/support_directory_block.html"
        label = _("Support organisations")
        help_text = _("Organisations that help families of people in prison, for one country.")
        preview_value = {"heading": "Where to refer a family", "country": "UY"}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        locale = Locale.get_active()
        context["organisations"] = SupportOrganisation.objects.filter(
            locale=locale, country=value["country"]
        )
        context["directory"] = DirectoryPage.objects.live().filter(locale=locale).first()
        return context
