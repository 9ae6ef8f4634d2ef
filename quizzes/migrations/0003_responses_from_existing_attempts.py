"""Fill the response rows the reports count from the attempts submitted before they existed."""

from django.db import migrations


def create_responses(apps, schema_editor):
    QuizAttempt = apps.get_model("quizzes", "QuizAttempt")
    QuestionResponse = apps.get_model("quizzes", "QuestionResponse")
    ChosenOption = apps.get_model("quizzes", "ChosenOption")
    for attempt in QuizAttempt.objects.filter(submitted_at__isnull=False).iterator():
        QuestionResponse.objects.bulk_create(
            QuestionResponse(
                attempt=attempt, quiz_key=attempt.quiz_key, question_id=question_id, credit=credit
            )
            for question_id, credit in attempt.credits.items()
        )
        ChosenOption.objects.bulk_create(
            ChosenOption(
                attempt=attempt,
                quiz_key=attempt.quiz_key,
                question_id=question_id,
                option_id=option_id,
            )
            for question_id, option_ids in attempt.answers.items()
            for option_id in option_ids
        )


class Migration(migrations.Migration):
    dependencies = [("quizzes", "0002_chosenoption_questionresponse")]

    operations = [migrations.RunPython(create_responses, migrations.RunPython.noop)]
