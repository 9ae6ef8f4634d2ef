"""The course tree: HomePage → CourseIndexPage → CoursePage → ModulePage → LessonPage.

Content knows nothing of learners; progress, attempts and certificates read these pages, never the
other way round.
"""

from decimal import Decimal

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
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

from . import durations
from .blocks import LearningObjectivesBlock, LessonStreamBlock
from .caching import RemembersViewRestrictions
from .choices import Audience


class TimedPage(models.Model):
    """Page mixin: ``minutes``, how long the page takes, recomputed from the page's own content
    (in its own language) at every clean and save, or the author's stated time where the page
    has one. A translation has its own words, so its own minutes."""

    minutes = models.PositiveIntegerField(
        default=0,
        editable=False,
        verbose_name=_("minutes"),
        help_text=_("How long the page takes, computed from its content whenever it is saved."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "minutes" in update_fields:
            self.refresh_minutes()
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.refresh_minutes()

    def computed_minutes(self):
        """Minutes from the content alone; each page type says how."""
        raise NotImplementedError

    def refresh_minutes(self):
        self.minutes = getattr(self, "stated_minutes", None) or self.computed_minutes()

    @property
    def language_code(self):
        """The page's language, also before it is first saved."""
        return (self.locale if self.locale_id else self.get_default_locale()).language_code


def timed_pages(where):
    """The live pages of every type that keeps ``minutes`` (lessons, quizzes) matching the
    ``Q`` ``where``, with their path and minutes only: one query per page type."""
    found = []
    for model in apps.get_models():
        if issubclass(model, TimedPage):
            found += model.objects.live().filter(where).only("path", "minutes")
    return found


def reason_field():
    """The reason a stated time needs, for a page's settings tab. Kept with the stated number
    (synchronised): it justifies that one number to authors and reviewers, so a translation
    neither needs its own nor may disagree with it, and translators are not asked to translate a
    note no learner reads."""
    return models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("reason for the stated time"),
        help_text=_(
            "Required with a stated time: what takes longer than the content shows, e.g. “the "
            "case is discussed in pairs for 20 minutes”. Seen by authors and reviewers only."
        ),
    )


def require_reason(page, number_name, reason_name):
    """A stated time without a reason is refused."""
    if getattr(page, number_name) and not getattr(page, reason_name).strip():
        raise ValidationError(
            {
                reason_name: _(
                    "Say why this takes longer than the time computed from its content, or "
                    "leave the stated time empty."
                )
            }
        )


def overstatement_warning(stated_minutes, computed_minutes):
    """The warning an author gets when the stated time is more than a quarter above the
    computed one, or None."""
    if not durations.is_overstated(stated_minutes, computed_minutes):
        return None
    return _(
        "The stated time, %(stated)s, is more than a quarter above the %(computed)s computed "
        "from the content. Check that the reason holds, or leave the stated time empty."
    ) % {
        "stated": durations.format_minutes(stated_minutes),
        "computed": durations.format_minutes(computed_minutes),
    }


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
    stated_hours = models.DecimalField(
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.5"))],
        verbose_name=_("stated hours"),
        help_text=_(
            "Leave empty: the course's length is the sum of its modules, computed from their "
            "content, and printed on the certificate. State hours only when the course takes "
            "longer, and say why."
        ),
    )
    stated_hours_reason = reason_field()
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
        SynchronizedField("stated_hours"),
        SynchronizedField("stated_hours_reason"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("The course name learners see.")),
            FieldPanel("intro"),
            FieldPanel("learning_objectives"),
        ],
        [
            FieldPanel("audiences"),
            FieldPanel("stated_hours"),
            FieldPanel("stated_hours_reason"),
            FieldPanel("certificate_title"),
        ],
    )

    class Meta:
        verbose_name = _("course")

    def clean(self):
        super().clean()
        require_reason(self, "stated_hours", "stated_hours_reason")

    def module_durations(self):
        """Each live module's duration, as ``{module path: minutes}``, in three queries."""
        modules = ModulePage.objects.live().child_of(self).only("path", "stated_minutes")
        pages = timed_pages(Q(path__startswith=self.path, depth=self.depth + 2))
        return {
            module.path: durations.module_minutes(
                [page for page in pages if page.path.startswith(module.path)], module
            )
            for module in modules
        }

    def computed_minutes(self):
        """The sum of the modules' durations."""
        return sum(self.module_durations().values())

    def duration_minutes(self):
        """The course's duration: its stated hours, or the sum of its modules."""
        return durations.course_minutes(self.module_durations().values(), self)

    def overstatement_warning(self):
        if not self.stated_hours:
            return None
        return overstatement_warning(int(self.stated_hours * 60), self.computed_minutes())

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
    learning_objectives = StreamField(
        LearningObjectivesBlock(),
        blank=True,
        verbose_name=_("learning objectives"),
        help_text=_("What a learner can do after the module, one objective per item."),
    )
    stated_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        verbose_name=_("stated minutes"),
        help_text=_(
            "Leave empty: the module takes the sum of its lessons and quiz, computed from their "
            "content. State minutes only when it takes longer, and say why."
        ),
    )
    stated_minutes_reason = reason_field()
    audiences = models.JSONField(
        default=list,
        blank=True,
        verbose_name=_("paths"),
        help_text=_("The professions whose path includes this module; empty for everyone."),
    )

    parent_page_types = ["modules.CoursePage"]
    subpage_types = ["modules.LessonPage", "quizzes.QuizPage"]
    base_form_class = ModulePageForm

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("learning_objectives"),
    ]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("summary"),
        TranslatableField("learning_objectives"),
        SynchronizedField("stated_minutes"),
        SynchronizedField("stated_minutes_reason"),
        SynchronizedField("audiences"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("The module's topic, e.g. “Arrests”.")),
            FieldPanel("summary"),
            FieldPanel("learning_objectives"),
        ],
        [
            FieldPanel("audiences"),
            FieldPanel("stated_minutes"),
            FieldPanel("stated_minutes_reason"),
        ],
    )

    class Meta:
        verbose_name = _("module")

    def clean(self):
        super().clean()
        require_reason(self, "stated_minutes", "stated_minutes_reason")

    def computed_minutes(self):
        """The sum of the live lessons' and quiz's minutes: one query per page type."""
        pages = timed_pages(Q(path__startswith=self.path, depth=self.depth + 1))
        return sum(page.minutes for page in pages)

    def overstatement_warning(self):
        return overstatement_warning(self.stated_minutes, self.computed_minutes())


class LessonPage(RemembersViewRestrictions, TimedPage, Page):  # noqa: DJ008 (Page has __str__)
    """A lesson: a body of text, facts, scenarios and prompts, read in one sitting."""

    summary = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("summary"),
        help_text=_("One sentence shown in the module's list of lessons."),
    )
    stated_minutes = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        verbose_name=_("stated minutes"),
        help_text=_(
            "Leave empty: the lesson's time is computed from its words in its language and the "
            "minutes its scenarios, reflections and videos declare. State minutes only when it "
            "takes longer, and say why."
        ),
    )
    stated_minutes_reason = reason_field()
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
        SynchronizedField("stated_minutes"),
        SynchronizedField("stated_minutes_reason"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("The lesson's title, as a learner would search for it.")),
            FieldPanel("summary"),
            FieldPanel("body"),
        ],
        [FieldPanel("stated_minutes"), FieldPanel("stated_minutes_reason")],
    )

    class Meta:
        verbose_name = _("lesson")

    def clean(self):
        super().clean()
        require_reason(self, "stated_minutes", "stated_minutes_reason")

    def computed_minutes(self):
        """Reading the body's words in the lesson's language, plus its activities' minutes."""
        return durations.lesson_minutes(self.body, self.language_code)

    def overstatement_warning(self):
        return overstatement_warning(self.stated_minutes, self.computed_minutes())

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
