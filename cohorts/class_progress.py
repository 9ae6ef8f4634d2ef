"""A cohort's class list with each member's progress along their path, in a fixed number of
queries however many members the class has: every member's records are read in one query per
kind, then each member is summarised by ``learners.progress`` like on their own pages."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from learners.models import Enrolment, LessonCompletion
from learners.progress import LearnerRecord, course_tree, summarise
from modules.languages import live_translation
from modules.models import CoursePage
from quizzes.grants import refusal
from quizzes.models import QuizAttempt

from .models import Invitation, Membership

NOT_STARTED, IN_PROGRESS, COMPLETED, OVERDUE = "not_started", "in_progress", "completed", "overdue"


@dataclass
class QuizResult:
    title: str
    quiz_key: str
    best_score: int | None
    attempts_used: int
    attempts_left: int | None
    may_grant: bool


@dataclass
class MemberRow:
    membership: Membership
    name: str
    email: str
    role: str
    path_label: str
    steps_done: int
    steps: int
    percent: int
    is_started: bool
    status: str
    last_activity: object
    completed_at: object
    quizzes: list = field(default_factory=list)

    @property
    def user_id(self):
        return self.membership.user_id


@dataclass
class InvitationRow:
    invitation: Invitation


def cohort_course(cohort):
    """The cohort's course in its language, or in any language it is published in."""
    return live_translation(CoursePage, cohort.course_key, cohort.language_code)


def class_rows(cohort):
    """One row per member, in name order. E-mails show only for members who share them (those
    the facilitator added from a list, or who agreed when joining)."""
    course = cohort_course(cohort)
    memberships = list(
        Membership.objects.filter(cohort=cohort)
        .select_related("cohort", "user", "user__learner_profile")
        .order_by("user__learner_profile__full_name", "user__email")
    )
    if not memberships:
        return []
    if course is None:  # the course was unpublished: the class is still there, with no progress
        return [member_row(cohort, membership, None, None) for membership in memberships]
    users = [membership.user for membership in memberships]
    tree = course_tree([course])
    records = member_records(users, course, keys_in(tree))
    rows = []
    for membership in memberships:
        record = records[membership.user_id]
        (progress,) = summarise([course], *tree, record)
        rows.append(member_row(cohort, membership, record, progress))
    return rows


def keys_in(tree):
    """The translation keys of the lessons and quizzes of a fetched course tree."""
    _modules, pages, _hidden = tree
    return [page.translation_key for page in pages]


def member_records(users, course, keys):
    """A ``LearnerRecord`` per user with everything it reads already filled in, from their
    activity in this course only (the pages whose translation ``keys`` are given): three
    queries."""
    completions = defaultdict(dict)
    for user_id, key, when in LessonCompletion.objects.filter(
        user__in=users, lesson_key__in=keys
    ).values_list("user_id", "lesson_key", "completed_at"):
        completions[user_id][str(key)] = when
    attempts = defaultdict(lambda: defaultdict(list))
    for attempt in (
        QuizAttempt.objects.with_extra_attempts()
        .filter(user__in=users, quiz_key__in=keys)
        .defer("answers", "credits")
        .order_by("started_at")
    ):
        attempts[attempt.user_id][str(attempt.quiz_key)].append(attempt)
    enrolments = {
        enrolment.user_id: enrolment
        for enrolment in Enrolment.objects.filter(user__in=users, course_key=course.translation_key)
    }
    records = {}
    for user in users:
        record = LearnerRecord(user)
        profile = getattr(user, "learner_profile", None)
        enrolment = enrolments.get(user.pk)
        record.role = profile.role if profile else ""
        record.completed_lessons = set(completions[user.pk])
        record.quiz_attempts = attempts[user.pk]
        record.chosen_paths = {str(course.translation_key): enrolment.path} if enrolment else {}
        record.completion_times = completions[user.pk]
        record.enrolment = enrolment
        records[user.pk] = record
    return records


def member_row(cohort, membership, record, progress):
    """The class page's row for one member; ``progress`` None when the course is not published."""
    user = membership.user
    profile = getattr(user, "learner_profile", None)
    enrolment = record.enrolment if record else None
    completed_at = enrolment.completed_at if enrolment else None
    activity = [*record.completion_times.values()] if record else []
    for attempts in record.quiz_attempts.values() if record else []:
        activity += [attempt.submitted_at or attempt.started_at for attempt in attempts]
    quizzes = [
        QuizResult(
            title=quiz.title,
            quiz_key=str(quiz.translation_key),
            best_score=quiz.state.best_score,
            attempts_used=quiz.state.used,
            attempts_left=quiz.state.attempts_left,
            may_grant=refusal(quiz.state) is None,
        )
        for module in (progress.modules if progress else [])
        for quiz in module.quizzes
    ]
    return MemberRow(
        membership=membership,
        # Never the username: allauth makes it from the e-mail address the member may not share.
        name=profile.full_name if profile else _("(no profile yet)"),
        email=user.email if membership.shares_email else "",
        role=profile.get_role_display() if profile else "",
        path_label=str(progress.path_label) if progress else "",
        steps_done=progress.steps_done if progress else 0,
        steps=progress.steps if progress else 0,
        percent=progress.percent if progress else 0,
        is_started=progress.is_started if progress else False,
        status=status_of(cohort, progress, completed_at),
        last_activity=max(activity, default=None),
        completed_at=completed_at,
        quizzes=quizzes,
    )


def status_of(cohort, progress, completed_at):
    if progress is not None and progress.is_complete:
        return COMPLETED
    if cohort.ends_on < timezone.localdate():
        return OVERDUE
    return IN_PROGRESS if progress is not None and progress.is_started else NOT_STARTED


def pending_invitations(cohort):
    return list(cohort.invitations.filter(accepted_at__isnull=True).order_by("email"))
