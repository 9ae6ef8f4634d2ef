"""Fill the response rows the reports count from the attempts submitted before they existed."""

from django.db import migrations


def create_responses(apps, schema_editor):
    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    QuestionResponse = apps.get_model("quizzes", "QuestionResponse")
    for attempt in QuizAttempt.objects.filter(submitted_at__isnull=False).iterator():
        QuestionResponse.objects.bulk_create(
            QuestionResponse(
                attempt=attempt,
                quiz_key=attempt.quiz_key,
                question_id=question_id,
                chosen=",".join(sorted(attempt.answers.get(question_id, []))),
                credit=credit,
                language_code=attempt.language_code,
                submitted_at=attempt.submitted_at,
            )
            for question_id, credit in attempt.credits.items()
        )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_question_responses")]

    operations = [migrations.RunPython(create_responses, migrations.RunPython.noop)]
