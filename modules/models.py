"""The course tree: HomePage → CourseIndexPage → CoursePage → ModulePage → LessonPage.

Content knows nothing of learners; progress, attempts and certificates read these pages, never the
other way round.
"""

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Lower
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, ObjectList, TabbedInterface
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .blocks import RICH_TEXT_FEATURES, LearningObjectivesBlock, LessonStreamBlock
from .choices import Audience


def tabs(content, details=None):
    """The editor's tabs: content first, then the page's own details, then Wagtail's."""
    panels = [ObjectList(content, heading=_("Content"))]
    if details:
        panels.append(ObjectList(details, heading=_("Details")))
    panels += [
        ObjectList(Page.promote_panels, heading=_("Promote")),
        ObjectList(Page.settings_panels, heading=_("Settings")),
    ]
    return TabbedInterface(panels)


def title_panel(help_text):
    return FieldPanel("title", help_text=help_text)


class HomePage(Page):
    """The root of one language's site: a welcome and a way into the catalogue."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A short welcome: who the courses are for and what they offer."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "modules.CourseIndexPage",
        "modules.InformationPage",
        "modules.GlossaryPage",
        "modules.DirectoryPage",
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]
    edit_handler = tabs([title_panel(_("The site's name in this language.")), FieldPanel("intro")])

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.live().descendant_of(self).order_by("path")
        context["catalogue"] = CourseIndexPage.objects.live().child_of(self).first()
        context["information_pages"] = (
            Page.objects.live()
            .child_of(self)
            .type(InformationPage, GlossaryPage, DirectoryPage)
            .order_by("path")
        )
        return context


class InformationPage(Page):
    """A plain page of text under the home page, such as "About this course"."""

    body = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("body"),
        help_text=_(
            "The page's text. Name the documents the course draws on, as they name themselves."
        ),
    )

    parent_page_types = ["modules.HomePage"]
    subpage_types = []

    search_fields = Page.search_fields + [index.SearchField("body")]
    edit_handler = tabs(
        [title_panel(_("A short title, e.g. “About this course”.")), FieldPanel("body")]
    )

    class Meta:
        verbose_name = _("information page")


class CourseIndexPage(Page):
    """The catalogue of courses in one language."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A sentence or two above the list of courses."),
    )

    parent_page_types = ["modules.HomePage"]
    subpage_types = ["modules.CoursePage"]
    max_count_per_parent = 1

    search_fields = Page.search_fields + [index.SearchField("intro")]
    edit_handler = tabs(
        [title_panel(_("The catalogue's heading, e.g. “Courses”.")), FieldPanel("intro")]
    )

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audience = request.GET.get("audience", self.visitor_role(request))
        if audience not in Audience.values:
            audience = ""
        courses = CoursePage.objects.live().child_of(self).order_by("path")
        context["courses"] = [
            course for course in courses if not audience or audience in course.audiences
        ]
        context["audience"] = audience
        context["audience_choices"] = Audience.choices
        return context

    @staticmethod
    def visitor_role(request):
        """The logged-in learner's role, to preselect the filter. Read by attribute so that
        content stays independent of the learners app."""
        profile = getattr(request.user, "learner_profile", None)
        return getattr(profile, "role", "")


class CoursePageForm(WagtailAdminPageForm):
    audiences = forms.MultipleChoiceField(
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        label=_("Audiences"),
        help_text=_("The professions this course is written for; the catalogue filters by them."),
    )


class CoursePage(Page):
    """A course: modules to work through, and a certificate at the end."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("introduction"),
        help_text=_("What the course is about and why it matters to the learner's work."),
    )
    learning_objectives = StreamField(
        LearningObjectivesBlock(),
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What a learner can do after the course, one objective per item."),
    )
    audiences = models.JSONField(
        default=list,
        verbose_name=_("audiences"),
        help_text=_("The professions this course is written for."),
    )
    estimated_hours = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        verbose_name=_("estimated hours"),
        help_text=_("How long the whole course takes; printed on the certificate."),
    )
    certificate_title = models.CharField(
        max_length=255,
        verbose_name=_("certificate title"),
        help_text=_("The course name as printed on the certificate of completion."),
    )

    parent_page_types = ["modules.CourseIndexPage"]
    subpage_types = ["modules.ModulePage"]
    base_form_class = CoursePageForm

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("learning_objectives"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        TranslatableField("learning_objectives"),
        TranslatableField("certificate_title"),
        SynchronizedField("audiences"),
        SynchronizedField("estimated_hours"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("The course name learners see.")),
            FieldPanel("intro"),
            FieldPanel("learning_objectives"),
        ],
        [FieldPanel("audiences"), FieldPanel("estimated_hours"), FieldPanel("certificate_title")],
    )

    class Meta:
        verbose_name = _("course")

    def audience_labels(self):
        labels = dict(Audience.choices)
        return [labels[code] for code in self.audiences if code in labels]

    @classmethod
    def keys_above(cls, pages):
        """The translation key of the course above each of ``pages`` (lessons or quizzes, two
        levels below their course), as ``{page translation key: course translation key}``, in
        one query."""
        course_path = {
            page.translation_key: page.path[: Page.steplen * (page.depth - 2)] for page in pages
        }
        courses = dict(
            cls.objects.filter(path__in=set(course_path.values())).values_list(
                "path", "translation_key"
            )
        )
        return {key: courses[path] for key, path in course_path.items() if path in courses}


class TranslationGap(models.Model):
    """A page published in another language while some of its strings were still untranslated.

    wagtail-localize fills such strings with the English text; learners in that language do not
    see the page's module until a complete translation is published (see ``modules.translation``).
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    missing_strings = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.page_id}: {self.missing_strings} untranslated"


class ShownOnceTranslated:
    """Modules, and the lessons and quizzes in them, reach readers of another language only once
    the whole module is translated there; until then the reader is sent to the course."""

    def serve(self, request, *args, **kwargs):
        if translation.get_language() != settings.LANGUAGE_CODE:
            module = self if isinstance(self, ModulePage) else self.get_parent()
            if module.path in ModulePage.unavailable_paths([module]):
                course = module.get_parent()
                return redirect(f"{course.url}?untranslated=1")
        return super().serve(request, *args, **kwargs)


class ModulePage(ShownOnceTranslated, Page):
    """One topic of a course: lessons in order, then a quiz."""

    summary = models.TextField(
        verbose_name=_("summary"),
        help_text=_(
            "Two or three sentences shown on the course page and at the top of the module."
        ),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        verbose_name=_("estimated minutes"),
        help_text=_("How long the module takes, lessons and quiz together."),
    )

    parent_page_types = ["modules.CoursePage"]
    subpage_types = ["modules.LessonPage", "quizzes.QuizPage"]

    search_fields = Page.search_fields + [index.SearchField("summary")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        SynchronizedField("estimated_minutes"),
    ]
    edit_handler = tabs(
        [title_panel(_("The module's topic, e.g. “Arrests”.")), FieldPanel("summary")],
        [FieldPanel("estimated_minutes")],
    )

    class Meta:
        verbose_name = _("module")

    @staticmethod
    def source_language():
        """The language authors write in, without a query."""
        return get_supported_content_language_variant(settings.LANGUAGE_CODE)

    @classmethod
    def unavailable_paths(cls, modules):
        """The paths of those of ``modules`` that learners in their language cannot see yet: a
        page of theirs went live with untranslated strings, or a lesson or quiz of the English
        module has no live translation in it. English modules are always available. Three
        queries, however many modules, once their locales are loaded."""
        source_language = cls.source_language()
        translated = [m for m in modules if m.locale.language_code != source_language]
        if not translated:
            return set()
        inside = Q()
        for module in translated:
            inside |= Q(path__startswith=module.path)
        pages = (
            Page.objects.live()
            .filter(inside)
            .annotate(gap=Exists(TranslationGap.objects.filter(page=OuterRef("pk"))))
            .values_list("path", "translation_key", "gap")
        )
        keys = [module.translation_key for module in translated]
        source_paths = dict(
            Page.objects.live()
            .filter(locale__language_code=source_language, translation_key__in=keys)
            .values_list("translation_key", "path")
        )
        source_children = Q(pk__in=[])
        for path in source_paths.values():
            source_children |= Q(path__startswith=path, depth=len(path) // Page.steplen + 1)
        needed = {}
        for path, key in (
            Page.objects.live().filter(source_children).values_list("path", "translation_key")
        ):
            needed.setdefault(path[: -Page.steplen], set()).add(key)

        pages = list(pages)
        unavailable = set()
        for module in translated:
            own = [(path, key, gap) for path, key, gap in pages if path.startswith(module.path)]
            children = {key for path, key, _ in own if len(path) > len(module.path)}
            missing = needed.get(source_paths.get(module.translation_key), set()) - children
            if missing or any(gap for _, _, gap in own):
                unavailable.add(module.path)
        return unavailable


class LessonPage(ShownOnceTranslated, Page):
    """A lesson: a body of text, facts, scenarios and prompts, read in one sitting."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("summary"),
        help_text=_("One sentence shown in the module's list of lessons."),
    )
    estimated_minutes = models.PositiveSmallIntegerField(
        default=10,
        verbose_name=_("estimated minutes"),
        help_text=_("How long the lesson takes to read and think about."),
    )
    body = StreamField(
        LessonStreamBlock(),
        verbose_name=_("body"),
        help_text=_("The lesson itself. Cite every figure with a key fact block."),
    )

    parent_page_types = ["modules.ModulePage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("estimated_minutes"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("The lesson's title, as a learner would search for it.")),
            FieldPanel("summary"),
            FieldPanel("body"),
        ],
        [FieldPanel("estimated_minutes")],
    )

    class Meta:
        verbose_name = _("lesson")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["position"] = LessonPosition(self)
        return context


class LessonPosition:
    """Where a lesson stands among its siblings. Lazy: a page whose cached fragment already holds
    the numbers and neighbours never asks the database."""

    def __init__(self, lesson):
        self.lesson = lesson

    @cached_property
    def siblings(self):
        return list(
            Page.objects.live()
            .sibling_of(self.lesson, inclusive=False)
            .order_by("path")
            .only("id", "path", "title", "url_path", "content_type_id", "locale_id")
        )

    @cached_property
    def before(self):
        return [page for page in self.siblings if page.path < self.lesson.path]

    @cached_property
    def after(self):
        return [page for page in self.siblings if page.path > self.lesson.path]

    def is_lesson(self, page):
        return page.content_type_id == self.lesson.content_type_id

    @property
    def previous_page(self):
        return self.before[-1] if self.before else None

    @property
    def next_page(self):
        return self.after[0] if self.after else None

    @property
    def number(self):
        return sum(map(self.is_lesson, self.before)) + 1

    @property
    def count(self):
        return self.number + sum(map(self.is_lesson, self.after))


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


class GlossaryPage(Page):
    """Every glossary term of one language, alphabetically."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("A sentence above the terms."),
    )

    parent_page_types = ["modules.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    edit_handler = tabs([title_panel(_("E.g. “Glossary”.")), FieldPanel("intro")])

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


class DirectoryPage(Page):
    """The support directory of one language, filterable by country."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("Who the organisations help, and how to refer a family."),
    )

    parent_page_types = ["modules.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    edit_handler = tabs([title_panel(_("E.g. “Where to refer a family”.")), FieldPanel("intro")])

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
