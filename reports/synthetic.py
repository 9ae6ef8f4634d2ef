"""Synthetic learners for measuring the reports at regional scale.

Learners behave plausibly: each reads a course's lessons in order and stops somewhere; after a
module's lessons they take its quiz, once or a few times, each question right with its own
probability; a learner who finishes every lesson and passes every quiz completes the course and
gets a certificate. Answers are scored by the real scoring rules.
"""

import datetime
import random
from dataclasses import dataclass, field

from certificates.codes import new_code
from learners.models import Role
from learners.progress import is_course_complete
from quizzes.scoring import score

COUNTRIES = ["BR", "MX", "AR", "CO", "PE", "CL", "UY", "GT", "EC", "BO", "PY", "HN"]
COUNTRIES += ["SV", "NI", "CR", "PA", "DO", "ES", "PT", "FR", "CA", "US", "MZ", "AO", ""]
LANGUAGES = ["es"] * 6 + ["pt"] * 3 + ["en", "fr"]
ROLES = [Role.TEACHERS] * 4 + [Role.POLICE] * 2 + [Role.JUDGES, Role.FRONT_LINE] * 2
ROLES += [Role.OTHER]


@dataclass
class CourseShape:
    """What a learner can do in one course: its lessons in order, and after which lesson each
    quiz comes (with its questions as scoring data)."""

    key: object
    lessons: list
    quizzes: list  # (index of the module's last lesson, quiz key, pass mark, questions)


@dataclass
class Journey:
    """Everything one synthetic learner did, as rows not yet saved."""

    joined: datetime.datetime
    role: str
    country: str
    language: str
    completions: list = field(default_factory=list)  # (lesson key, when)
    attempts: list = field(default_factory=list)  # (quiz key, number, started, answers, result)
    enrolments: list = field(default_factory=list)  # (course key, started, completed or None)
    certificates: list = field(default_factory=list)  # (course key, issued, code)


@dataclass
class Habits:
    """How synthetic learners behave, tuned so a run lands near the wanted totals."""

    finish_share: float  # learners who read every lesson of a course
    partial_span: float  # how far the others get: 0 to this many lessons, mostly few
    quiz_share: float = 1.0  # learners who take the quizzes they reach

    @classmethod
    def for_mean(cls, lessons_mean, lesson_count):
        """Readers of all ``lesson_count`` lessons plus readers who stop early, averaging
        ``lessons_mean`` lessons a learner."""
        if lessons_mean * 3 <= lesson_count:
            return cls(0.0, lessons_mean * 3)
        share = (lessons_mean - lesson_count / 3) / (lesson_count - lesson_count / 3)
        return cls(min(share, 1.0), lesson_count)


def lessons_read(rng, course, habits):
    total = len(course.lessons)
    if rng.random() < habits.finish_share:
        return total
    return min(total, round(rng.triangular(0, habits.partial_span, 0)))


def answer(rng, question, right):
    ids = question.correct_ids if right else (question.option_ids - question.correct_ids)
    ids = ids or question.option_ids
    if question.accepts_several:
        return sorted(ids)
    return [rng.choice(sorted(ids))]


def journey(rng, courses, start, days, habits, difficulty, attempts_left):
    """One learner's journey; ``attempts_left`` (a one-item list) caps the quiz attempts made
    across all learners."""
    joined = start + datetime.timedelta(seconds=rng.randrange(days * 86400))
    learner = Journey(joined, rng.choice(ROLES), rng.choice(COUNTRIES), rng.choice(LANGUAGES))
    for course in courses:
        read = lessons_read(rng, course, habits)
        if not read:
            continue
        takes_quizzes = rng.random() < habits.quiz_share
        when = joined + datetime.timedelta(hours=rng.randrange(1, 24 * 20))
        started = when
        for lesson_key in course.lessons[:read]:
            learner.completions.append((lesson_key, when))
            when += datetime.timedelta(minutes=rng.randrange(5, 60 * 24 * 4))
        passed_quizzes = set()
        for last_lesson, quiz_key, pass_mark, questions in course.quizzes:
            if read <= last_lesson or not takes_quizzes:
                break
            passed = False
            for number in range(1, 4):
                if attempts_left[0] <= 0:
                    break
                attempts_left[0] -= 1
                answers = {
                    question.id: answer(rng, question, rng.random() < difficulty[question.id])
                    for question in questions
                }
                result = score(questions, answers)
                passed = result.passes(pass_mark)
                learner.attempts.append((quiz_key, number, when, answers, result, pass_mark))
                when += datetime.timedelta(minutes=rng.randrange(10, 60 * 24 * 3))
                if passed:
                    break
            if not passed:
                break
            passed_quizzes.add(quiz_key)
        complete = is_course_complete(
            [(course.lessons, [quiz_key for _, quiz_key, _, _ in course.quizzes])],
            set(course.lessons[:read]),
            passed_quizzes,
        )
        learner.enrolments.append((course.key, started, when if complete else None))
        if complete:
            learner.certificates.append((course.key, when, new_code()))
    return learner


def question_difficulty(rng, courses):
    """Each question's chance of being answered right: most are fair, a few mislead."""
    return {
        question.id: rng.choice([0.9, 0.85, 0.8, 0.75, 0.7, 0.4])
        for course in courses
        for _, _, _, questions in course.quizzes
        for question in questions
    }


def new_rng(seed):
    return random.Random(seed)


def attempts_per_learner(courses, habits, difficulty, seed, sample=2000):
    """Quiz attempts a learner makes on average with ``habits``, from a sample run."""
    rng = new_rng(seed)
    start = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    unlimited = [sample * 100]
    for _ in range(sample):
        journey(rng, courses, start, 30, habits, difficulty, unlimited)
    return (sample * 100 - unlimited[0]) / sample
