"""Taking a quiz: start an attempt, answer, see the result. Plain forms, no JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from modules.caching import content_fragments, personal
from modules.languages import live_translation
from modules.links import page_after, page_at, with_links

from .attempts import AttemptRefused, start_attempt, submit_attempt
from .forms import AnswerForm
from .models import Feedback, QuizAttempt, QuizPage, QuizState
from .scoring import presentation_order


@require_POST
@login_required
def start_quiz(request, quiz_id):
    quiz = get_object_or_404(QuizPage.objects.live(), pk=quiz_id)
    try:
        attempt = start_attempt(request.user, quiz, get_language())
    except AttemptRefused as refusal:
        messages.error(request, str(refusal))
        response = quiz.serve(request)
        response.status_code = 403
        return response
    return redirect("quiz_attempt", attempt.pk)


@personal
@login_required
def attempt_page(request, attempt_id):
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, user=request.user)
    quiz = quiz_for(attempt)
    if quiz.locale.language_code != get_language():
        return redirect(translate_url(request.path, quiz.locale.language_code))
    if attempt.is_submitted:
        return render_result(request, attempt, quiz)
    return render_questions(request, attempt, quiz, AnswerForm(ordered_questions(quiz, attempt)))


@personal
@require_POST
@login_required
def submit_quiz(request, attempt_id):
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, user=request.user)
    quiz = quiz_for(attempt)
    if attempt.is_submitted:
        return already_submitted(request, attempt, quiz)
    form = AnswerForm(ordered_questions(quiz, attempt), request.POST)
    if not form.is_valid():
        return render_questions(request, attempt, quiz, form, status=400)
    attempt, recorded = submit_attempt(
        attempt.pk, request.user, quiz, form.answers(), get_language()
    )
    if not recorded:
        return already_submitted(request, attempt, quiz)
    return redirect("quiz_attempt", attempt.pk)


def quiz_for(attempt):
    """The attempt's quiz in the active language if it is published there, else in the language
    the attempt was taken in, else in any. The questions and their ids are the same in all."""
    quiz = live_translation(QuizPage, attempt.quiz_key, get_language(), attempt.language_code)
    if quiz is None:
        raise Http404
    return quiz


def ordered_questions(quiz, attempt):
    return presentation_order(
        quiz.questions_for(attempt), attempt.seed, quiz.shuffle_questions, quiz.shuffle_options
    )


def render_questions(request, attempt, quiz, form, status=200):
    context = {
        "quiz": quiz,
        "attempt": attempt,
        "form": form,
        "language_switch_path": reverse("quiz_attempt", args=[attempt.pk]),
    }
    return TemplateResponse(request, "quizzes/attempt_page.html", context, status=status)


def already_submitted(request, attempt, quiz):
    messages.info(request, _("You had already submitted this attempt. Here is its result."))
    return render_result(request, attempt, quiz, status=409)


def render_result(request, attempt, quiz, status=200):
    attempts = list(
        QuizAttempt.objects.with_extra_attempts().filter(
            user=request.user, quiz_key=attempt.quiz_key
        )
    )
    state = QuizState(attempts, quiz.max_attempts)
    module_path = quiz.path[: -Page.steplen]
    context = {
        "quiz": quiz,
        "attempt": attempt,
        "state": state,
        "review": review(quiz, attempt) if quiz.feedback != Feedback.SCORE else [],
        "full_review": quiz.feedback == Feedback.REVIEW and state.may_see_answers,
        "answers_held_back": quiz.feedback == Feedback.REVIEW and not state.may_see_answers,
        "module": page_at(module_path) or with_links([quiz.get_parent()])[0],
        "next_module": page_after(module_path),
        "language_switch_path": reverse("quiz_attempt", args=[attempt.pk]),
        **content_fragments(request),
    }
    return TemplateResponse(request, "quizzes/result_page.html", context, status=status)


def review(quiz, attempt):
    """Each question of the attempt, in the order it was shown, with what the learner chose and
    how much it earned. Questions added since the attempt are left out."""
    items = []
    for question in ordered_questions(quiz, attempt):
        if question.id not in attempt.credits:
            continue
        credit = attempt.credits[question.id]
        chosen = set(attempt.answers.get(question.id, []))
        items.append(
            {
                "question": question,
                "outcome": "right" if credit == 1 else "partly" if credit > 0 else "wrong",
                "options": [
                    {"option": option, "chosen": option.id in chosen} for option in question.options
                ],
            }
        )
    return items
