"""A quiz at the end of a module, a learner's attempts at it, and the extra attempts staff grant.

Attempts and grants point at the quiz's translation_key, so an attempt started on the Spanish page
can be finished on the Portuguese one and counts the same.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modules import durations
from modules.caching import RemembersViewRestrictions
from modules.models import TimedPage
from resources.editing import RICH_TEXT_FEATURES, tabs, title_panel

from .blocks import QuestionStreamBlock
from .forms import AnswerForm
from .scoring import drawn, questions_from_stream


class Feedback(models.TextChoices):
    SCORE = "score", _("The score only")
    WRONG = "wrong", _("The score and which questions were wrong")
    REVIEW = "review", _("A full review with the right answers and explanations")


class QuizPage(RemembersViewRestrictions, TimedPage, Page):
    """The questions that close a module. Passing it is part of completing the module."""

    intro = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        verbose_name=_("introduction"),
        help_text=_("What the quiz checks, shown before the learner starts."),
    )
    pass_mark = models.PositiveSmallIntegerField(
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        verbose_name=_("pass mark (%)"),
        help_text=_("The lowest score, in percent from 1 to 100, that passes."),
    )
    max_attempts = models.PositiveSmallIntegerField(
        default=3,
        verbose_name=_("maximum attempts"),
        help_text=_("How many times a learner may take the quiz; 0 means no limit."),
    )
    shuffle_questions = models.BooleanField(
        default=False,
        verbose_name=_("shuffle questions"),
        help_text=_("Show the questions in a different order in each attempt."),
    )
    shuffle_options = models.BooleanField(
        default=False,
        verbose_name=_("shuffle answer options"),
        help_text=_("Show each question's options in a different order in each attempt."),
    )
    questions_per_attempt = models.PositiveSmallIntegerField(
        default=0,
        verbose_name=_("questions per attempt"),
        help_text=_(
            "Draw this many of the questions for each attempt, a different set each time "
            "(0 asks them all). Write more questions than this to make a pool."
        ),
    )
    feedback = models.CharField(
        max_length=10,
        choices=Feedback.choices,
        default=Feedback.REVIEW,
        verbose_name=_("after an attempt, show"),
        help_text=_("What a learner sees once they submit. Nothing is shown before."),
    )
    questions = StreamField(
        QuestionStreamBlock(),
        verbose_name=_("questions"),
        help_text=_("Every question needs its right answer marked; the admin checks each one."),
    )

    parent_page_types = ["modules.ModulePage"]
    subpage_types = []
    max_count_per_parent = 1

    # The questions are not indexed: search results must not surface answer feedback.
    search_fields = Page.search_fields + [index.SearchField("intro")]
    override_translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("intro"),
        TranslatableField("questions"),
        SynchronizedField("pass_mark"),
        SynchronizedField("max_attempts"),
        SynchronizedField("shuffle_questions"),
        SynchronizedField("shuffle_options"),
        SynchronizedField("questions_per_attempt"),
        SynchronizedField("feedback"),
    ]
    edit_handler = tabs(
        [
            title_panel(_("Usually “Quiz: ” and the module's topic.")),
            FieldPanel("intro"),
            FieldPanel("questions"),
        ],
        [
            FieldPanel("pass_mark"),
            FieldPanel("max_attempts"),
            FieldPanel("shuffle_questions"),
            FieldPanel("shuffle_options"),
            FieldPanel("questions_per_attempt"),
            FieldPanel("feedback"),
        ],
    )

    class Meta:
        verbose_name = _("quiz")
        verbose_name_plural = _("quizzes")

    def question_list(self):
        return questions_from_stream(self.questions)

    def questions_for(self, attempt):
        """The questions ``attempt`` asks and is scored on: the whole quiz, or the attempt's own
        draw from the pool (fixed by its seed and the block ids, so the same in every language)."""
        return drawn(self.question_list(), attempt.seed, self.questions_per_attempt)

    @property
    def questions_asked(self):
        """How many questions one attempt asks."""
        count = len(self.questions)
        return min(self.questions_per_attempt, count) if self.questions_per_attempt else count

    def computed_minutes(self):
        """The questions one attempt asks, at ``durations.MINUTES_PER_QUESTION`` each."""
        return durations.quiz_minutes(self.questions_asked)

    def clean(self):
        super().clean()
        if self.questions_per_attempt > len(self.questions):
            raise ValidationError(
                {
                    "questions_per_attempt": _(
                        "The quiz has only %(count)s questions to draw from."
                    )
                    % {"count": len(self.questions)}
                }
            )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        attempts = []
        if request.user.is_authenticated:
            attempts = list(
                QuizAttempt.objects.with_extra_attempts().filter(
                    user=request.user, quiz_key=self.translation_key
                )
            )
        context["attempts"] = attempts
        context["state"] = QuizState(attempts, self.max_attempts)
        context["question_count"] = self.questions_asked
        return context

    def serve_preview(self, request, mode_name):
        """Editors preview the questions as a learner will see them, without the answers."""
        return TemplateResponse(
            request,
            "quizzes/attempt_page.html",
            {
                "page": self,
                "quiz": self,
                "form": AnswerForm(self.question_list()),
                "is_preview": True,
            },
        )


class QuizState:
    """Where a learner stands with one quiz, from their attempts at it.

    The attempts granted beyond ``max_attempts`` come with the attempts, when they are read
    through ``QuizAttempt.objects.with_extra_attempts()`` (no query of their own). A learner
    without an attempt has none that matters: staff grant one only once the limit is reached.
    """

    def __init__(self, attempts, max_attempts):
        submitted = [attempt for attempt in attempts if attempt.submitted_at]
        self.used = len(attempts)
        self.max_attempts = max_attempts
        self.extra_attempts = max(
            (getattr(attempt, "extra_attempts", 0) for attempt in attempts), default=0
        )
        self.open_attempt = next((a for a in attempts if not a.submitted_at), None)
        self.passed = any(attempt.passed for attempt in submitted)
        self.best_score = max((attempt.score for attempt in submitted), default=None)
        self.is_started = bool(attempts)

    @property
    def attempts_left(self):
        """None when unlimited."""
        if not self.max_attempts:
            return None
        return max(0, self.max_attempts + self.extra_attempts - self.used)

    @property
    def granted_left(self):
        """How many of the attempts left are extra ones staff granted."""
        if not self.max_attempts:
            return 0
        return min(self.extra_attempts, self.attempts_left)

    @property
    def can_start(self):
        return not self.passed and self.open_attempt is None and self.attempts_left != 0

    @property
    def may_see_answers(self):
        """Right answers, option feedback and explanations are shown once the learner has passed
        or has no attempt left (granted ones included): never while a review could be copied into
        the next attempt."""
        return self.passed or self.attempts_left == 0

    @property
    def status(self):
        if self.passed:
            return "passed"
        if self.open_attempt:
            return "in_progress"
        if self.is_started:
            return "failed"
        return "not_started"


class QuizAttemptQuerySet(models.QuerySet):
    def with_extra_attempts(self):
        """Each attempt carrying ``extra_attempts``, how many attempts its learner was granted at
        its quiz beyond the limit: counted in the same query, for ``QuizState``."""
        granted = (
            ExtraAttempt.objects.filter(user=OuterRef("user"), quiz_key=OuterRef("quiz_key"))
            .order_by()
            .values("user")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return self.annotate(extra_attempts=Coalesce(Subquery(granted), 0))


class QuizAttempt(models.Model):
    """One learner's attempt at one quiz, in whichever language they took it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    quiz_key = models.UUIDField(_("quiz translation key"))
    number = models.PositiveSmallIntegerField(_("attempt number"))
    language_code = models.CharField(_("language taken in"), max_length=8)
    seed = models.PositiveIntegerField(_("order seed"), help_text=_("Fixes the shuffled order."))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    answers = models.JSONField(
        _("answers"), default=dict, help_text=_("Question block id → chosen option ids.")
    )
    credits = models.JSONField(
        _("credit per question"), default=dict, help_text=_("Question block id → share earned.")
    )
    score = models.PositiveSmallIntegerField(_("score (%)"), null=True, blank=True)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (%)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), default=False)

    objects = QuizAttemptQuerySet.as_manager()

    class Meta:
        verbose_name = _("quiz attempt")
        verbose_name_plural = _("quiz attempts")
        ordering = ["user", "quiz_key", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "quiz_key", "number"], name="one_attempt_per_number"
            ),
            models.UniqueConstraint(
                fields=["user", "quiz_key"],
                condition=Q(submitted_at__isnull=True),
                name="one_open_attempt_per_quiz",
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="attempt_number_from_one"),
        ]
        indexes = [models.Index(fields=["quiz_key", "submitted_at"])]

    def __str__(self):
        return f"{self.user} · {self.quiz_key} · #{self.number}"

    @property
    def is_submitted(self):
        return self.submitted_at is not None


class ExtraAttempt(models.Model):
    """One more attempt at a quiz, granted by staff to a learner who used up the quiz's limit,
    with the reason, for the record. It counts in every language, like the attempts."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="extra_attempts",
        verbose_name=_("learner"),
    )
    quiz_key = models.UUIDField(_("quiz translation key"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("granted by"),
    )
    reason = models.TextField(
        _("reason"), help_text=_("Why the learner gets another attempt, for the record.")
    )
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)

    class Meta:
        verbose_name = _("extra attempt")
        verbose_name_plural = _("extra attempts")
        ordering = ["-granted_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(reason=""), name="extra_attempt_has_a_reason")
        ]
        indexes = [models.Index(fields=["user", "quiz_key"])]

    def __str__(self):
        return f"{self.user} · {self.quiz_key}"


class QuestionResponse(models.Model):
    """How one submitted attempt answered one question.

    Written with the attempt, from its answers and credits, and carrying the attempt's language
    and time, so the item analysis groups rows of one table instead of unpacking every
    attempt's JSON or joining the attempts.
    """

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="responses")
    quiz_key = models.UUIDField(_("quiz translation key"))
    question_id = models.CharField(_("question block id"), max_length=64)
    chosen = models.TextField(
        _("chosen options"), blank=True, help_text=_("Option ids, sorted, comma-separated.")
    )
    credit = models.FloatField(_("share of the points earned"))
    language_code = models.CharField(_("language taken in"), max_length=8)
    submitted_at = models.DateTimeField(_("submitted at"))

    class Meta:
        verbose_name = _("question response")
        verbose_name_plural = _("question responses")
        indexes = [models.Index(fields=["quiz_key", "submitted_at"])]

    def __str__(self):
        return f"{self.attempt} · {self.question_id}"

    @property
    def chosen_ids(self):
        return self.chosen.split(",") if self.chosen else []

    @classmethod
    def rows_for(cls, attempt):
        """The unsaved rows of a submitted attempt, one per question."""
        return [
            cls(
                attempt=attempt,
                quiz_key=attempt.quiz_key,
                question_id=question_id,
                chosen=",".join(sorted(attempt.answers.get(question_id, []))),
                credit=credit,
                language_code=attempt.language_code,
                submitted_at=attempt.submitted_at,
            )
            for question_id, credit in attempt.credits.items()
        ]
