"""The course tree: HomePage → CourseIndexPage → CoursePage → ModulePage → LessonPage.

Content knows nothing of learners; progress, attempts and certificates read these pages, never the
other way round.
"""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from resources.editing import RICH_TEXT_FEATURES, tabs, title_panel
from resources.models import DirectoryPage, GlossaryPage

from .blocks import LearningObjectivesBlock, LessonStreamBlock
from .caching import RemembersViewRestrictions
from .choices import Audience


class HomePage(RemembersViewRestrictions, Page):
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
        "resources.GlossaryPage",
        "resources.DirectoryPage",
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


class InformationPage(RemembersViewRestrictions, Page):
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


class CourseIndexPage(RemembersViewRestrictions, Page):
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


class ModulePageForm(WagtailAdminPageForm):
    audiences = forms.MultipleChoiceField(
        choices=Audience.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Paths"),
        help_text=_(
            "The professions whose path includes this module. Leave all unticked for a module "
            "everyone takes, such as the foundations."
        ),
    )


class CoursePage(RemembersViewRestrictions, Page):
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


class ModulePage(RemembersViewRestrictions, Page):
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
    audiences = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("paths"),
        help_text=_("The professions whose path includes this module; empty for everyone."),
    )

    parent_page_types = ["modules.CoursePage"]
    subpage_types = ["modules.LessonPage", "quizzes.QuizPage"]
    base_form_class = ModulePageForm

    search_fields = Page.search_fields + [index.SearchField("summary")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        SynchronizedField("estimated_minutes"),
        SynchronizedField("audiences"),
    ]
    edit_handler = tabs(
        [title_panel(_("The module's topic, e.g. “Arrests”.")), FieldPanel("summary")],
        [FieldPanel("audiences"), FieldPanel("estimated_minutes")],
    )

    class Meta:
        verbose_name = _("module")


class LessonPage(RemembersViewRestrictions, Page):
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
