"""Give every learner who already did something in a course its enrolment row."""

from django.db import migrations

STEPLEN = 4  # Wagtail's tree path step


def course_keys(apps, page_keys):
    Page = apps.get_model("wagtailcore", "Page")
    CoursePage = apps.get_model("modules", "CoursePage")
    pages = Page.objects.filter(translation_key__in=page_keys).values_list(
        "translation_key", "path", "depth"
    )
    course_path = {key: path[: STEPLEN * (depth - 2)] for key, path, depth in pages}
    courses = dict(
        CoursePage.objects.filter(path__in=set(course_path.values())).values_list(
            "path", "translation_key"
        )
    )
    return {key: courses[path] for key, path in course_path.items() if path in courses}


def create_enrolments(apps, schema_editor):
    LessonCompletion = apps.get_model("learners", "LessonCompletion")
    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    Certificate = apps.get_model("certificates", "Certificate")
    Enrolment = apps.get_model("learners", "Enrolment")
    activity = [
        *LessonCompletion.objects.values_list(
            "user_id", "lesson_key", "language_code", "completed_at"
        ),
        *QuizAttempt.objects.values_list("user_id", "quiz_key", "language_code", "started_at"),
    ]
    courses = course_keys(apps, {key for _, key, _, _ in activity})
    first = {}
    for user_id, page_key, language_code, when in sorted(activity, key=lambda row: row[3]):
        if page_key in courses:
            first.setdefault((user_id, courses[page_key]), (language_code, when))
    completed = {}
    for user_id, course_key, issued_at in Certificate.objects.filter(
        user__isnull=False
    ).values_list("user_id", "course_key", "issued_at"):
        key = (user_id, course_key)
        completed[key] = min(issued_at, completed.get(key, issued_at))
    Enrolment.objects.bulk_create(
        [
            Enrolment(
                user_id=user_id,
                course_key=course_key,
                language_code=language_code,
                started_at=started_at,
                completed_at=completed.get((user_id, course_key)),
            )
            for (user_id, course_key), (language_code, started_at) in first.items()
        ],
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("learners", "0002_enrolment"),
        ("modules", "0003_information_page"),
        ("quizzes", "0001_initial"),
        ("certificates", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_enrolments, migrations.RunPython.noop)]
