"""The figures behind the course reports, computed by the database.

Each function takes already-filtered querysets and returns plain rows. The work per request
is a fixed handful of aggregate queries, whatever the number of learners; only results that
are one row per course, month, group or question come back to Python.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from uuid import UUID

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber, TruncMonth
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from learners.models import COMPLETED, Enrolment, Role
from modules.choices import Audience
from modules.paths import WHOLE_COURSE, path_label


def percent(part, whole):
    """``part`` as a percentage of ``whole``, to one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


@dataclass
class CourseUptake:
    course_key: UUID
    title: str
    started: int = 0
    completed: int = 0
    median_days: float | None = None

    @property
    def completion_rate(self):
        return percent(self.completed, self.started)


def course_uptake(enrolments, courses):
    """One row per course in ``courses`` (source-language pages, in tree order): learners who
    started it, learners who completed it and the median days between the two."""
    rows = {
        course.translation_key: CourseUptake(course.translation_key, course.title)
        for course in courses
    }
    counts = (
        enrolments.filter(course_key__in=rows)
        .values("course_key")
        .annotate(
            started=Count("id"),
            completed=Count("id", filter=COMPLETED),
        )
        .order_by()
    )
    for count in counts:
        rows[count["course_key"]].started = count["started"]
        rows[count["course_key"]].completed = count["completed"]
    for course_key, days in median_days_to_complete(enrolments.filter(course_key__in=rows)).items():
        rows[course_key].median_days = days
    return list(rows.values())


def median_days_to_complete(enrolments):
    """``{course key: median days from start to completion}``.

    The database numbers each course's completions by duration and returns only the middle one
    (odd count) or two (even count): for n completions, positions p with n ≤ 2p ≤ n + 2.
    """
    middle = (
        enrolments.filter(COMPLETED)
        .annotate(
            duration=F("completed_at") - F("started_at"),
            position=Window(
                RowNumber(), partition_by=F("course_key"), order_by=F("duration").asc()
            ),
            total=Window(Count("id"), partition_by=F("course_key")),
        )
        .alias(twice=F("position") * 2)
        .filter(twice__gte=F("total"), twice__lte=F("total") + 2)
        .values_list("course_key", "duration")
    )
    durations = {}
    for course_key, duration in middle:
        durations.setdefault(course_key, []).append(duration.total_seconds() / 86400)
    return {key: round(sum(days) / len(days), 1) for key, days in durations.items()}


@dataclass
class MonthCount:
    month: datetime.date
    count: int

    @property
    def period(self):
        return self.month.strftime("%Y-%m")


def completions_per_month(enrolments):
    """Completions in each month from the first to the last, months without any included."""
    counts = (
        enrolments.filter(COMPLETED)
        .annotate(month=TruncMonth("completed_at"))
        .values_list("month")
        .annotate(count=Count("id"))
        .order_by("month")
    )
    by_month = {as_date(month): count for month, count in counts}
    return [MonthCount(month, by_month.get(month, 0)) for month in month_range(by_month)]


def as_date(value):
    return value.date() if isinstance(value, datetime.datetime) else value


def month_range(months):
    """Every first-of-month from the earliest to the latest of ``months``."""
    if not months:
        return []
    month, last = min(months), max(months)
    every = []
    while month <= last:
        every.append(month)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return every


@dataclass
class LearnerGroup:
    role: str
    country: str
    learners: int
    started: int
    completed: int

    @property
    def started_rate(self):
        return percent(self.started, self.learners)

    @property
    def completed_rate(self):
        return percent(self.completed, self.learners)


BREAKDOWNS = {
    "role": ["role"],
    "country": ["country"],
    "role_country": ["role", "country"],
}


def learners_by(profiles, breakdown="role"):
    """Learners per role, per country or per both, with how many started and completed at least
    one course; largest groups first. Two grouped queries: the profiles, and their enrolments."""
    fields = BREAKDOWNS[breakdown]
    groups = (
        profiles.values_list(*fields).annotate(learners=Count("id")).order_by("-learners", *fields)
    )
    activity = {
        tuple(row[:-2]): row[-2:]
        for row in Enrolment.objects.filter(user__learner_profile__in=profiles)
        .values_list(*(f"user__learner_profile__{name}" for name in fields))
        .annotate(
            started=Count("user", distinct=True),
            completed=Count("user", distinct=True, filter=COMPLETED),
        )
        .order_by()
    }
    roles = dict(Role.choices)
    every = str(_("All"))
    rows = []
    for *key, learners in groups:
        values = dict(zip(fields, key, strict=True))
        started, completed = activity.get(tuple(key), (0, 0))
        rows.append(
            LearnerGroup(
                role=str(roles.get(values["role"], values["role"])) if "role" in values else every,
                country=(countries.name(values["country"]) or str(_("Not given")))
                if "country" in values
                else every,
                learners=learners,
                started=started,
                completed=completed,
            )
        )
    order = sorted(
        zip(rows, groups, strict=True), key=lambda pair: (-pair[0].learners, pair[1][:-1])
    )
    return [row for row, _ in order]


@dataclass
class PathCompletions:
    course: str
    path: str
    certified: int = 0
    revoked: int = 0

    @property
    def path_label(self):
        return path_label(self.path)


def certificates_by_path(certificates, courses):
    """Per course (source-language pages, in tree order) and path, in the paths' own order:
    learners holding a valid certificate, and certificates revoked."""
    order = {code: position for position, code in enumerate([*Audience.values, WHOLE_COURSE])}
    titles = {course.translation_key: course.title for course in courses}
    positions = {key: position for position, key in enumerate(titles)}
    counts = (
        certificates.filter(course_key__in=titles)
        .values("course_key", "path")
        .annotate(
            certified=Count("id", filter=Q(revoked_at__isnull=True)),
            revoked=Count("id", filter=Q(revoked_at__isnull=False)),
        )
        .order_by()
    )
    counts = sorted(
        counts, key=lambda row: (positions[row["course_key"]], order.get(row["path"], 99))
    )
    return [
        PathCompletions(titles[row["course_key"]], row["path"], row["certified"], row["revoked"])
        for row in counts
    ]


@dataclass
class CertificateMonth:
    month: datetime.date
    issued: int = 0
    revoked: int = 0

    @property
    def period(self):
        return self.month.strftime("%Y-%m")


def certificates_per_month(certificates):
    """Certificates issued and revoked in each month, newest month first."""
    issued = (
        certificates.annotate(month=TruncMonth("issued_at"))
        .values_list("month")
        .annotate(count=Count("id"))
        .order_by()
    )
    revoked = (
        certificates.filter(revoked_at__isnull=False)
        .annotate(month=TruncMonth("revoked_at"))
        .values_list("month")
        .annotate(count=Count("id"))
        .order_by()
    )
    months = {}
    for month, count in issued:
        months.setdefault(as_date(month), CertificateMonth(as_date(month))).issued = count
    for month, count in revoked:
        months.setdefault(as_date(month), CertificateMonth(as_date(month))).revoked = count
    return [months[month] for month in month_range(months)[::-1] if month in months]


@dataclass
class OptionCount:
    text: str
    correct: bool
    chosen: int
    share: float | None


@dataclass
class QuestionItem:
    quiz_title: str
    number: int
    text: str
    kind: str
    answered: int = 0
    correct: int = 0
    options: list = field(default_factory=list)
    first_attempts: int = 0
    first_attempts_passed: int = 0

    @property
    def correct_rate(self):
        return percent(self.correct, self.answered)

    @property
    def first_attempt_pass_rate(self):
        return percent(self.first_attempts_passed, self.first_attempts)

    @property
    def option_summary(self):
        """The options as one line of text, for spreadsheets: ✓ marks the right ones."""
        return "; ".join(
            f"{'✓ ' if option.correct else ''}{option.text}: {option.chosen}"
            + (f" ({option.share} %)" if option.share is not None else "")
            for option in self.options
        )


def quiz_item_analysis(responses, attempts, quizzes):
    """One row per question of each of ``quizzes`` (source-language pages, in tree order), as
    written in the source language, counting ``responses`` given in every language: questions
    and options are matched by block id. ``attempts`` give the first-attempt pass rates.

    The database groups the responses by question and by the set of options chosen, which is
    a handful of groups per question; the per-option counts are summed from those groups.
    """
    quiz_keys = [quiz.translation_key for quiz in quizzes]
    groups = (
        responses.filter(quiz_key__in=quiz_keys)
        .values_list("quiz_key", "question_id", "chosen")
        .annotate(answered=Count("id"), correct=Count("id", filter=Q(credit=1)))
        .order_by()
    )
    answered, correct, chosen = Counter(), Counter(), Counter()
    for quiz_key, question_id, chosen_ids, times, right in groups:
        answered[quiz_key, question_id] += times
        correct[quiz_key, question_id] += right
        for option_id in chosen_ids.split(",") if chosen_ids else []:
            chosen[quiz_key, question_id, option_id] += times
    first_attempts = {
        row["quiz_key"]: row
        for row in attempts.filter(quiz_key__in=quiz_keys, number=1)
        .values("quiz_key")
        .annotate(total=Count("id"), passed=Count("id", filter=Q(passed=True)))
        .order_by()
    }
    rows = []
    for quiz in quizzes:
        first = first_attempts.get(quiz.translation_key, {})
        for number, question in enumerate(quiz.question_list(), start=1):
            key = (quiz.translation_key, question.id)
            options = [
                OptionCount(
                    str(option.text),
                    option.correct,
                    chosen[(*key, option.id)],
                    percent(chosen[(*key, option.id)], answered[key]),
                )
                for option in question.options
            ]
            rows.append(
                QuestionItem(
                    quiz_title=quiz.title,
                    number=number,
                    text=question.text,
                    kind=question.kind,
                    answered=answered[key],
                    correct=correct[key],
                    options=options,
                    first_attempts=first.get("total", 0),
                    first_attempts_passed=first.get("passed", 0),
                )
            )
    return rows
