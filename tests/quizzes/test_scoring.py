from dataclasses import replace
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from quizzes.scoring import (
    MULTIPLE_CHOICE,
    SCENARIO,
    SINGLE_CHOICE,
    TRUE_FALSE,
    Option,
    Question,
    drawn,
    presentation_order,
    question_credit,
    score,
)


@st.composite
def questions(draw):
    """A question of any kind with 2–6 options, a valid answer key and 1–10 points."""
    kind = draw(st.sampled_from([SINGLE_CHOICE, MULTIPLE_CHOICE, TRUE_FALSE, SCENARIO]))
    count = 2 if kind == TRUE_FALSE else draw(st.integers(2, 6))
    if kind == MULTIPLE_CHOICE:
        correct = draw(st.sets(st.integers(0, count - 1), min_size=1))
    else:
        correct = {draw(st.integers(0, count - 1))}
    question_id = draw(st.uuids()).hex
    options = tuple(
        Option(f"{question_id}-{index}", f"Option {index}", index in correct)
        for index in range(count)
    )
    return Question(
        id=question_id,
        kind=kind,
        text="A question",
        options=options,
        points=draw(st.integers(1, 10)),
        partial_credit=draw(st.booleans()),
    )


quizzes = st.lists(questions(), min_size=1, max_size=8, unique_by=lambda question: question.id)


@st.composite
def quiz_and_answers(draw):
    """A quiz and any answers a learner could give to it (some questions left unanswered)."""
    quiz = draw(quizzes)
    answers = {}
    for question in quiz:
        ids = sorted(question.option_ids)
        if question.accepts_several:
            chosen = draw(st.sets(st.sampled_from(ids)))
        else:
            chosen = set(draw(st.lists(st.sampled_from(ids), max_size=1)))
        if chosen or draw(st.booleans()):
            answers[question.id] = chosen
    return quiz, answers


def all_correct(quiz):
    return {question.id: question.correct_ids for question in quiz}


def all_wrong(quiz):
    """For each question the answer furthest from the key: every wrong option, or for a question
    whose options are all right, nothing at all."""
    return {question.id: question.option_ids - question.correct_ids for question in quiz}


@given(quiz_and_answers())
def test_the_score_is_between_0_and_100(quiz_answers):
    quiz, answers = quiz_answers
    assert 0 <= score(quiz, answers).percent <= 100


@given(quiz_and_answers(), st.randoms(use_true_random=False))
def test_the_order_of_questions_and_options_does_not_change_the_score(quiz_answers, random):
    quiz, answers = quiz_answers
    shuffled = [
        replace(question, options=tuple(random.sample(question.options, k=len(question.options))))
        for question in random.sample(quiz, k=len(quiz))
    ]
    reordered_answers = {key: list(reversed(sorted(ids))) for key, ids in answers.items()}
    assert score(shuffled, reordered_answers) == score(quiz, answers)


@given(quizzes, st.integers(0, 2**31), st.booleans(), st.booleans())
def test_a_shuffled_presentation_scores_like_the_authored_one(quiz, seed, by_question, by_option):
    shown = presentation_order(quiz, seed, by_question, by_option)
    assert sorted(question.id for question in shown) == sorted(question.id for question in quiz)
    assert score(shown, all_correct(quiz)).percent == 100


@given(quizzes)
def test_all_correct_answers_score_100(quiz):
    result = score(quiz, all_correct(quiz))
    assert result.percent == 100
    assert result.passes(100)


@given(quizzes)
def test_all_wrong_answers_score_0(quiz):
    assert score(quiz, all_wrong(quiz)).percent == 0
    assert score(quiz, {}).percent == 0


@given(quiz_and_answers())
def test_partial_credit_never_exceeds_the_questions_weight(quiz_answers):
    quiz, answers = quiz_answers
    result = score(quiz, answers)
    for question in quiz:
        assert 0 <= result.credits[question.id] * question.points <= question.points
    assert result.points <= result.max_points == sum(question.points for question in quiz)


@given(quizzes, st.integers(0, 2**31))
def test_the_same_seed_gives_the_same_order(quiz, seed):
    first = presentation_order(quiz, seed, True, True)
    assert presentation_order(quiz, seed, True, True) == first


def multiple_choice(partial_credit):
    return Question(
        id="q",
        kind=MULTIPLE_CHOICE,
        text="Which are right?",
        options=(
            Option("a", "A", True),
            Option("b", "B", True),
            Option("c", "C", False),
            Option("d", "D", False),
        ),
        points=2,
        partial_credit=partial_credit,
    )


def test_partial_credit_adds_a_share_per_right_option_and_removes_one_per_wrong_option():
    question = multiple_choice(partial_credit=True)
    assert question_credit(question, {"a"}) == Fraction(1, 2)
    assert question_credit(question, {"a", "b"}) == 1
    assert question_credit(question, {"a", "b", "c"}) == Fraction(1, 2)
    assert question_credit(question, {"a", "b", "c", "d"}) == 0
    assert question_credit(question, {"c"}) == 0


def test_all_or_nothing_needs_exactly_the_right_options():
    question = multiple_choice(partial_credit=False)
    assert question_credit(question, {"a"}) == 0
    assert question_credit(question, {"a", "b", "c"}) == 0
    assert question_credit(question, {"b", "a"}) == 1


def test_the_percentage_is_rounded_down_so_it_agrees_with_pass_or_fail():
    quiz = [
        Question(f"q{n}", SINGLE_CHOICE, "?", (Option("y", "Y", True), Option("n", "N", False)))
        for n in range(3)
    ]
    result = score(quiz, {"q0": ["y"], "q1": ["y"], "q2": ["n"]})
    assert result.percent == 66  # two thirds
    assert not result.passes(67)
    assert result.passes(66)


def test_a_single_choice_answer_with_two_options_ticked_earns_nothing():
    question = Question("q", SINGLE_CHOICE, "?", (Option("y", "Y", True), Option("n", "N", False)))
    assert question_credit(question, {"y", "n"}) == 0


@given(quizzes, st.integers(0, 2**31), st.integers(1, 6))
def test_a_pool_draws_that_many_questions_fixed_by_the_seed_in_authored_order(quiz, seed, count):
    chosen = drawn(quiz, seed, count)

    assert len(chosen) == min(count, len(quiz))
    assert chosen == drawn(list(reversed(quiz))[::-1], seed, count)
    assert chosen == [question for question in quiz if question in chosen]


def test_different_attempts_draw_different_questions_from_a_pool():
    pool = [replace(multiple_choice(False), id=f"q{number}") for number in range(8)]

    draws = {tuple(q.id for q in drawn(pool, seed, 5)) for seed in range(20)}

    assert len(draws) > 10
    assert drawn(pool, 7, 0) == pool
