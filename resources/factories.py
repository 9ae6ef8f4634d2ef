"""Factories for glossary terms, support organisations, their blocks and pages."""

import factory
import wagtail_factories
from wagtail.snippets.blocks import SnippetChooserBlock

from . import blocks
from .models import DirectoryPage, GlossaryPage, GlossaryTerm, SupportOrganisation


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
