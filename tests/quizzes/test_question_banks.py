"""Question banks: Moodle's own fixtures and ours import, score as Moodle defines them, refuse what
cannot come whole, and a quiz round-trips through Moodle XML and GIFT."""

from decimal import Decimal
from fractions import Fraction
from io import StringIO
from itertools import combinations
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from hypothesis import event, given, settings
from hypothesis import strategies as st
from wagtail.models import Locale, Revision

from learners.factories import UserFactory
from quizzes.banks import BankRefused, add_to_quiz, export_quiz, read_bank
from quizzes.banks.mapping import (
    MOODLE_PRECISION,
    QuestionBroken,
    SourceAnswer,
    SourceQuestion,
    SourceText,
    moodle_credit,
    plain_text,
    to_block,
)
from quizzes.factories import SAMPLE_QUESTIONS, option, question_stream
from quizzes.scoring import question_credit, questions_from_stream, score

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moodle"


def bank(name, bank_format=None):
    return read_bank((FIXTURES / name).read_bytes(), bank_format or fmt(name))


def fmt(name):
    return "xml" if name.endswith(".xml") else "gift"


def questions_of(result):
    """The imported questions as the scoring sees them."""
    return questions_from_stream(question_stream(*result.questions))


def right_answers(question):
    return question.correct_ids


def refused_names(result):
    return [(refusal.position, refusal.name) for refusal in result.refused]


# Moodle's own fixtures ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "imported", "refused"),
    [
        ("multichoice.xml", 1, []),
        ("truefalse.xml", 2, []),
        ("multianswer.xml", 0, [(1, "cloze with images")]),
        (
            "questions.gift.txt",
            4,
            [(1, "Q8"), (2, "Moodle activities"), (4, "colours"), (5, "Q5"), (6, "Shortanswer")],
        ),
    ],
)
def test_moodles_fixtures_import_and_list_what_they_refuse(name, imported, refused):
    result = bank(name)
    assert len(result.questions) == imported
    assert refused_names(result) == refused
    assert all(refusal.reason for refusal in result.refused)


def test_moodles_single_choice_scores_full_marks_for_french_only():
    (question,) = questions_of(bank("multichoice.xml"))
    assert question.kind == "single_choice"
    assert [option.text for option in question.options] == ["English", "French", "German", "Danish"]
    french = next(o.id for o in question.options if o.text == "French")
    assert score([question], {question.id: [french]}).percent == 100
    english = next(o.id for o in question.options if o.text == "English")
    assert score([question], {question.id: [english]}).percent == 0
    assert question.options[0].feedback == "Sorry, listen again."
    assert question.options[1].feedback == "Yes, well done!"


def test_moodles_html_goes_through_the_sanitiser_and_its_files_are_noted():
    result = bank("multichoice.xml")
    (question,) = questions_of(result)
    assert question.text == "Listen to this greeting:\n\nWhat language is being spoken?"
    assert "<" not in question.text and "@@PLUGINFILE@@" not in question.text
    (note,) = result.notes
    assert "bonjour.mp3" in str(note) and "Greeting" in str(note)


def test_moodles_true_false_keeps_its_answer_feedback_and_general_feedback():
    false_one, true_one = questions_of(bank("truefalse.xml"))
    assert false_one.correct_ids == {"false"} and true_one.correct_ids == {"true"}
    assert score([false_one], {false_one.id: ["false"]}).percent == 100
    assert score([false_one], {false_one.id: ["true"]}).percent == 0
    assert false_one.options[0].feedback == "Your answer is incorrect."
    assert false_one.explanation == (
        "For further information, see the documentation about Moodle "
        "(http://docs.moodle.org/en/About_Moodle)."
    )


def test_moodles_gift_sample_maps_single_choice_and_true_false_with_feedback():
    result = bank("questions.gift.txt")
    single, hitchhiker, tsl, tsl_again = questions_of(result)
    assert single.text == "What's between orange and green in the spectrum?"
    assert [(o.text, o.correct, o.feedback) for o in single.options] == [
        ("yellow", True, "right; good!"),
        ("red", False, "wrong, it's yellow"),
        ("blue", False, "wrong, it's yellow"),
    ]
    assert hitchhiker.correct_ids == {"false"}
    # Moodle's rule: the first feedback is for a wrong answer ("true" here), the second a right.
    assert dict((o.id, o.feedback) for o in hitchhiker.options) == {
        "true": "42 is the Ultimate Answer.",
        "false": "You gave the right answer.",
    }
    assert hitchhiker.explanation.startswith("This is, of course")
    assert tsl.correct_ids == tsl_again.correct_ids == {"true"}


def test_moodles_colours_question_is_refused_with_a_choice_that_would_score_differently():
    colours = next(r for r in bank("questions.gift.txt").refused if r.name == "colours")
    assert "50 %, -100 %, 50 %, -100 %" in colours.reason
    assert "0 % in Moodle but 50 % here" in colours.reason


# Our own files: partial credit, refusals -----------------------------------------------------


def test_partial_fractions_score_as_moodle_defines_them():
    effects, thirds, one_right, rights_kept = questions_of(bank("ours.xml"))
    anxiety, homelessness, school, taller = (o.id for o in effects.options)
    assert effects.partial_credit and effects.points == 2
    assert question_credit(effects, [anxiety, homelessness]) == 1
    assert question_credit(effects, [anxiety]) == Fraction(1, 2)  # Moodle: 50 %
    assert question_credit(effects, [anxiety, school]) == 0  # Moodle: 50 % - 50 %
    assert question_credit(effects, [anxiety, homelessness, school]) == Fraction(1, 2)
    heard, contact, protected, vote = (o.id for o in thirds.options)
    assert question_credit(thirds, [heard]) == Fraction(1, 3)  # Moodle: 33.33333 %
    assert question_credit(thirds, [heard, contact, protected, vote]) == 0
    assert thirds.points == 3
    adult, stranger, _nobody = (o.id for o in one_right.options)
    assert not one_right.partial_credit
    assert question_credit(one_right, [adult]) == 1
    assert question_credit(one_right, [adult, stranger]) == 0  # Moodle: 100 % - 100 %
    assert rights_kept.correct_ids == {"true"}


def test_our_file_lists_each_question_it_cannot_hold_with_its_reason():
    result = bank("ours.xml")
    reasons = {refusal.name: refusal.reason for refusal in result.refused}
    assert set(reasons) == {"Treaty name", "Half marks", "Heavy"}
    assert "“shortanswer”" in reasons["Treaty name"]
    assert "100 % in Moodle but 0 % here" in reasons["Half marks"]
    assert "0.5" in reasons["Heavy"] and "1 to 10" in reasons["Heavy"]


def test_imported_html_keeps_only_text_and_link_addresses():
    effects = questions_of(bank("ours.xml"))[0]
    assert "<" not in effects.text and "script" not in effects.text
    assert effects.explanation == "See the report (https://example.org/report)."


def test_our_gift_file_reads_escapes_weights_and_general_feedback():
    treaty, effects, escapes = questions_of(bank("ours.gift.txt"))
    assert treaty.explanation == "Article 3 of the Convention says so."
    assert effects.partial_credit
    assert escapes.text == "Is 2 = 1 + 1 {always}: true? # yes"
    assert escapes.correct_ids == {"true"}


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>One</p><p>Two<br>lines</p>", "One\n\nTwo\nlines"),
        ("<p>A&nbsp;&amp; B</p>", "A & B"),
        ('<img src="x.png" alt="logo"> Word', "Word"),
        ("<ul><li>one</li><li>two</li></ul>", "- one\n- two"),
        ('<a href="mailto:a@example.org">a@example.org</a>', "a@example.org"),
        ('<a href="javascript:alert(1)">click</a>', "click"),
    ],
)
def test_html_becomes_the_plain_text_a_reader_saw(html, text):
    assert plain_text(html) == text


# Refused files: nothing saved ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("broken_question.xml", "Question 2 “No right answer”: no answer gives full marks"),
        ("malformed.xml", "not well-formed XML"),
        ("xxe.xml", "DTD"),
        ("billion_laughs.xml", "DTD"),
    ],
)
def test_a_broken_or_dangerous_file_is_refused_naming_why(name, expected):
    with pytest.raises(BankRefused) as refusal:
        bank(name)
    assert any(expected in problem for problem in refusal.value.problems)


def test_the_xxe_file_never_reads_the_file_it_names():
    with pytest.raises(BankRefused) as refusal:
        bank("xxe.xml")
    assert "root:" not in str(refusal.value)


@pytest.mark.parametrize(
    "text",
    [
        "::Open:: Never closed {=yes ~no",
        "::Bad weight:: Pick {~%abc%yes ~no}",
    ],
)
def test_a_broken_gift_question_refuses_the_file_naming_it(text):
    with pytest.raises(BankRefused) as refusal:
        read_bank(f"::Fine:: Fine {{T}}\n\n{text}\n".encode(), "gift")
    (problem,) = refusal.value.problems
    assert problem.startswith("Question 2 “")


# Saving: a draft revision, validated whole first -----------------------------------------------


@pytest.mark.django_db
def test_import_adds_a_draft_revision_and_leaves_the_live_quiz_alone(quiz):
    live_count = len(quiz.questions)
    result = add_to_quiz(quiz, bank("ours.xml"))
    quiz.refresh_from_db()
    assert result.added == 4
    assert len(quiz.questions) == live_count  # the live page is unchanged
    assert quiz.has_unpublished_changes
    draft = quiz.get_latest_revision_as_object()
    assert len(draft.questions) == live_count + 4
    assert add_to_quiz(quiz, bank("ours.xml")).added == 0  # the same file twice adds nothing


@pytest.mark.django_db
def test_the_command_refuses_a_broken_file_and_saves_nothing(quiz):
    revisions = Revision.objects.count()
    with pytest.raises(CommandError, match="No right answer"):
        call_command("import_questions", str(FIXTURES / "broken_question.xml"), quiz=quiz.pk)
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_the_commands_import_and_export(quiz, tmp_path):
    out, err = StringIO(), StringIO()
    call_command(
        "import_questions", str(FIXTURES / "ours.gift.txt"), quiz=quiz.pk, stdout=out, stderr=err
    )
    assert "3 question(s) added" in out.getvalue()
    assert "Not imported: Question 4 “Essay”" in err.getvalue()
    target = tmp_path / "quiz.xml"
    call_command("export_questions", quiz=quiz.pk, format="xml", output=target, stderr=StringIO())
    again = read_bank(target.read_bytes(), "xml")
    quiz.refresh_from_db()
    assert len(again.questions) == len(quiz.get_latest_revision_as_object().questions)


# Round trips ---------------------------------------------------------------------------------

ALL_OR_NOTHING = [
    (
        "multiple_choice",
        {
            "question": "Which two are rights?",
            "options": [option("Heard", True, "Yes."), option("Seen", True), option("Vote")],
            "partial_credit": False,
            "points": 4,
        },
    ),
    (
        "multiple_choice",
        {
            "question": "Who tells the child?\n\nThink of trust.",
            "options": [option("Trusted adult", True), option("Stranger"), option("Nobody")],
            "partial_credit": False,
            "explanation": "Line one\nline two",
        },
    ),
]


def comparable(kind, value):
    if kind == "scenario":  # Moodle has no scenario: it leaves and comes back as single choice
        kind = "single_choice"
        value = {**value, "question": f"{value['situation']}\n\n{value['question']}"}
    value = {key: value.get(key, "") for key in value if key != "situation"}
    if "options" in value:
        value["options"] = [
            {"text": o["text"], "correct": o["correct"], "feedback": o["feedback"]}
            for o in value["options"]
        ]
    value.setdefault("explanation", "")
    value.setdefault("points", 1)
    return kind, value


@pytest.mark.django_db
@pytest.mark.parametrize("bank_format", ["xml", "gift"])
def test_export_then_import_gives_back_the_same_questions(quiz, bank_format):
    quiz.questions = question_stream(*SAMPLE_QUESTIONS, *ALL_OR_NOTHING)
    quiz.save_revision().publish()
    export = export_quiz(quiz, bank_format)
    result = read_bank(export.text.encode(), bank_format)
    expected = [comparable(kind, {"explanation": "", "points": 1, **value})
                for kind, value in [*SAMPLE_QUESTIONS, *ALL_OR_NOTHING]]  # fmt: skip
    imported = [comparable(kind, value) for kind, value in result.questions]
    if bank_format == "gift":  # all-or-nothing with two right options has no GIFT form
        assert [r.position for r in export.refused] == [5]
        assert export.text.startswith("// Not exported: Question 5")
        del expected[4]
    assert imported == expected
    assert result.refused == []


# The admin -----------------------------------------------------------------------------------


def upload(client, quiz, name, content=None):
    content = content if content is not None else (FIXTURES / name).read_bytes()
    return client.post(
        reverse("question_bank", args=[quiz.pk]), {"bank": SimpleUploadedFile(name, content)}
    )


@pytest.mark.django_db
def test_the_admin_adds_a_good_file_as_a_draft_and_redirects_to_the_editor(admin_client, quiz):
    response = upload(admin_client, quiz, "ours.xml")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[quiz.pk])
    quiz.refresh_from_db()
    assert quiz.has_unpublished_changes
    assert quiz.get_latest_revision().user is not None
    edit = admin_client.get(response["Location"])
    assert "4 questions added as a draft" in edit.content.decode()
    assert "Treaty name" in edit.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("broken_question.xml", "no answer gives full marks"),
        ("xxe.xml", "DTD"),
        ("multianswer.xml", "No question in this file can be imported"),
    ],
)
def test_the_admin_answers_400_with_the_reason_and_saves_nothing(admin_client, quiz, name, reason):
    revisions = Revision.objects.count()
    response = upload(admin_client, quiz, name)
    assert response.status_code == 400
    assert reason in response.content.decode()
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
@pytest.mark.parametrize("bank_format", ["xml", "gift"])
def test_the_admin_downloads_the_export(admin_client, quiz, bank_format):
    response = admin_client.get(reverse("question_bank_export", args=[quiz.pk, bank_format]))
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert len(read_bank(response.content, bank_format).questions) == len(quiz.questions)


@pytest.mark.django_db
def test_the_quiz_page_offers_the_question_bank_to_its_editors(admin_client, quiz):
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[quiz.pk]))
    assert reverse("question_bank", args=[quiz.pk]) in edit.content.decode()


@pytest.mark.django_db
def test_staff_without_edit_permission_cannot_import_or_export(client, quiz):
    user = UserFactory(username="no-edit")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    revisions = Revision.objects.count()
    for response in [
        client.get(reverse("question_bank", args=[quiz.pk])),
        upload(client, quiz, "ours.xml"),
        client.get(reverse("question_bank_export", args=[quiz.pk, "xml"])),
    ]:
        assert response.status_code in (302, 403)
        assert b"multichoice" not in response.content
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_the_admin_page_offers_the_upload_and_both_downloads(admin_client, quiz):
    response = admin_client.get(reverse("question_bank", args=[quiz.pk]))
    assert response.status_code == 200
    content = response.content.decode()
    for bank_format in ("xml", "gift"):
        assert reverse("question_bank_export", args=[quiz.pk, bank_format]) in content
    assert 'type="file"' in content


# The fractions rule, as a property -----------------------------------------------------------

MOODLE_GRADES = ["100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40",
                 "33.33333", "30", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10",
                 "5", "0"]  # fmt: skip


def moodle_written(fraction):
    """A fraction as a Moodle file writes it: a percentage with five decimals."""
    return Fraction(Decimal(f"{float(fraction * 100):.5f}")) / 100


@st.composite
def multiple_answer_grades(draw):
    """Fractions as Moodle files hold them: often our rule's own (1/r right, -1/w or -100 %
    wrong, as Moodle writes them), sometimes with one changed to another of Moodle's grades."""
    right, wrong = draw(st.integers(1, 4)), draw(st.integers(0, 3))
    penalty = draw(st.sampled_from(["share", "all"])) if right == 1 and wrong else "share"
    fractions = [moodle_written(Fraction(1, right))] * right
    if wrong:
        share = Fraction(-1) if penalty == "all" else moodle_written(Fraction(-1, wrong))
        fractions += [share] * wrong
    if len(fractions) < 2 or draw(st.booleans()):
        grade = Fraction(Decimal(draw(st.sampled_from(MOODLE_GRADES)))) / 100
        fractions.append(grade * draw(st.sampled_from([1, -1])))
    return draw(st.permutations(fractions))


@settings(max_examples=300, deadline=None)
@given(multiple_answer_grades())
def test_an_imported_multiple_answer_question_scores_every_choice_as_moodle_does(fractions):
    question = SourceQuestion(
        position=1,
        name="Property",
        qtype="multichoice",
        text=SourceText("Which?"),
        single=False,
        answers=[SourceAnswer(SourceText(f"Option {n}"), f) for n, f in enumerate(fractions)],
    )
    try:
        block, reason = to_block(question)
    except QuestionBroken:
        event("broken by Moodle's own rules")
        return
    event("refused" if block is None else "imported")
    if block is None:
        assert "in Moodle but" in reason or "no equal" in reason
        return
    (ours,) = questions_from_stream(question_stream(block))
    ids = [option.id for option in ours.options]
    for size in range(len(ids) + 1):
        for chosen in combinations(range(len(ids)), size):
            theirs = moodle_credit(fractions, chosen)
            here = question_credit(ours, [ids[i] for i in chosen])
            assert abs(theirs - here) <= MOODLE_PRECISION * len(ids)


@pytest.mark.django_db
def test_a_translated_quiz_takes_no_import_its_source_does(
    admin_client, course, quiz, translate_tree
):
    translate_tree(course, "es")
    spanish = quiz.get_translation(Locale.objects.get(language_code="es"))
    with pytest.raises(PermissionDenied):
        add_to_quiz(spanish, bank("ours.xml"))
    page = admin_client.get(reverse("question_bank", args=[spanish.pk]))
    assert 'type="file"' not in page.content.decode()
    revisions = Revision.objects.count()
    assert upload(admin_client, spanish, "ours.xml").status_code in (302, 403)
    assert Revision.objects.count() == revisions
    exported = admin_client.get(reverse("question_bank_export", args=[spanish.pk, "gift"]))
    assert "[es]" in exported.content.decode()


def test_a_text_longer_than_our_blocks_hold_is_refused_with_the_limit():
    long_option = "x" * 301
    gift = f"::Long:: Pick one {{=right ~{long_option}}}\n\n::Fine:: Fine {{T}}\n"
    result = read_bank(gift.encode(), "gift")
    (refusal,) = result.refused
    assert refusal.name == "Long" and "300" in refusal.reason
    assert len(result.questions) == 1
