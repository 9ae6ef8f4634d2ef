"""Words of the field and places to refer a family: translatable snippets, and the one page per
language that lists each of them. Lessons use them through the blocks in ``resources.blocks``."""

from django import forms
from django.db import models
from django.db.models.functions import Lower
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .editing import RICH_TEXT_FEATURES, tabs, title_panel


class GlossaryTerm(TranslatableMixin, models.Model):
    """A word of the field, defined once and translated like pages are."""

    term = models.CharField(
        max_length=120,
        verbose_name=_("term"),
        help_text=_("As the field writes it in this language, e.g. “best interests of the child”."),
    )
    definition = models.CharField(
        max_length=300,
        verbose_name=_("short definition"),
        help_text=_("One sentence, shown where a lesson uses the term."),
    )
    explanation = RichTextField(
        features=["bold", "italic", "link"],
        blank=True,
        verbose_name=_("explanation"),
        help_text=_(
            "A paragraph or two for the glossary page: where the term comes from, why it matters."
        ),
    )

    panels = [FieldPanel("term"), FieldPanel("definition"), FieldPanel("explanation")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def anchor(self):
        """The same fragment in every language, so links survive translation."""
        return f"term-{self.translation_key}"


class SupportOrganisation(TranslatableMixin, models.Model):
    """An organisation that helps children and families of people in prison: where a learner
    can refer a family."""

    name = models.CharField(
        max_length=200,
        verbose_name=_("name"),
        help_text=_("The organisation's own name; translate it only if it has an official one."),
    )
    country = CountryField(verbose_name=_("country"), help_text=_("Where it works with families."))
    offers = models.TextField(
        verbose_name=_("what it offers"),
        help_text=_("One or two sentences: the help families or professionals can get."),
    )
    contact = models.CharField(
        max_length=200,
        blank=True,
        verbose_name=_("contact"),
        help_text=_("A public phone number or e-mail address, never a person's private one."),
    )
    website = models.URLField(blank=True, verbose_name=_("website"))

    override_translatable_fields = [
        TranslatableField("name"),
        TranslatableField("offers"),
        SynchronizedField("country"),
        SynchronizedField("contact"),
        SynchronizedField("website"),
    ]
    panels = [
        FieldPanel("name"),
        FieldPanel("country"),
        FieldPanel("offers"),
        FieldPanel("contact"),
        FieldPanel("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("support organisation")
        verbose_name_plural = _("support directory")
        ordering = ["country", "name"]

    def __str__(self):
        return f"{self.name} ({self.country.code})"


class ResourcePage(Page):
    """A page under the home page that lists one kind of snippet of its language, with a short
    introduction above: the glossary and the support directory."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A sentence or two above the list."),
    )

    parent_page_types = ["modules.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        abstract = True

    @classmethod
    def editor(cls, title_help, intro_help):
        return tabs([title_panel(title_help), FieldPanel("intro", help_text=intro_help)])


class GlossaryPage(ResourcePage):
    """Every glossary term of one language, alphabetically."""

    edit_handler = ResourcePage.editor(_("E.g. “Glossary”."), _("A sentence above the terms."))

    class Meta:
        verbose_name = _("glossary page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["terms"] = GlossaryTerm.objects.filter(locale_id=self.locale_id).order_by(
            Lower("term")
        )
        return context


class DirectoryFilterForm(forms.Form):
    country = forms.ChoiceField(label=_("Country"), required=False)

    def __init__(self, *args, countries, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("All countries")), *countries]


class DirectoryPage(ResourcePage):
    """The support directory of one language, filterable by country."""

    edit_handler = ResourcePage.editor(
        _("E.g. “Where to refer a family”."),
        _("Who the organisations help, and how to refer a family."),
    )

    class Meta:
        verbose_name = _("support directory page")

    def serve(self, request, *args, **kwargs):
        """The organisations of this language, of one country if asked; an unknown country
        shows the form's error with all of them, as a 400."""
        organisations = list(SupportOrganisation.objects.filter(locale_id=self.locale_id))
        countries = {(each.country.code, each.country.name) for each in organisations}
        form = DirectoryFilterForm(
            request.GET, countries=sorted(countries, key=lambda country: country[1])
        )
        valid = form.is_valid()
        chosen = form.cleaned_data["country"] if valid else ""
        if chosen:
            organisations = [each for each in organisations if each.country.code == chosen]
        context = self.get_context(request, *args, **kwargs)
        context.update(form=form, organisations=organisations)
        return TemplateResponse(
            request, self.get_template(request), context, status=200 if valid else 400
        )
