"""Filling a class: a class list checked whole, invitations in each person's language through
the queue, join codes, leaving."""

import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from cohorts.models import Invitation, Membership
from learners.factories import LearnerProfileFactory, UserFactory
from learners.models import Enrolment, LearnerProfile
from learners.privacy import delete_learner, learner_data

pytestmark = pytest.mark.django_db

CLASS_LIST = """email,name,profession,language
ana@example.org,Ana Pérez,teachers,es
joao@example.org,João Silva,police,pt
chloe@example.org,Chloé Martin,front_line,fr
Existing.One@example.org,Someone Else,police,es
existing.two@example.org,Another,judges,en
"""


def upload(client, cohort, text):
    return client.post(
        reverse("cohorts:upload", args=[cohort.pk]),
        {"class_list": SimpleUploadedFile("class.csv", text.encode(), "text/csv")},
    )


@pytest.fixture
def two_existing_learners(db):
    return [
        LearnerProfileFactory(user=UserFactory(email="existing.one@example.org")).user,
        LearnerProfileFactory(user=UserFactory(email="existing.two@example.org")).user,
    ]


def test_a_class_list_adds_those_with_accounts_and_invites_the_others_in_their_language(
    facilitator_client, cohort, two_existing_learners, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(facilitator_client, cohort, CLASS_LIST)

    assert response.status_code == 302
    members = set(Membership.objects.filter(cohort=cohort).values_list("user__email", flat=True))
    assert members == {"existing.one@example.org", "existing.two@example.org"}
    assert Enrolment.objects.filter(course_key=cohort.course_key).count() == 2
    invited = {invitation.email: invitation for invitation in Invitation.objects.all()}
    assert set(invited) == {"ana@example.org", "joao@example.org", "chloe@example.org"}
    subjects = {message.to[0]: message.subject for message in mail.outbox}
    assert subjects == {
        "ana@example.org": "Le invitamos a unirse a la clase “Clase 2027-A”",
        "joao@example.org": "Você está convidado/a a participar da turma “Clase 2027-A”",
        "chloe@example.org": "Vous êtes invité à rejoindre la classe «\u00a0Clase 2027-A\u00a0»",
    }
    for message in mail.outbox:
        assert f"/classes/invitations/{invited[message.to[0]].token}/" in message.body


@override_settings(EMAIL_BACKEND="ecourse.mail.QueuedEmailBackend")
def test_invitations_leave_through_the_task_queue(
    facilitator_client, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        upload(facilitator_client, cohort, CLASS_LIST)

    assert mail.outbox == []
    assert DBTaskResult.objects.ready().count() == 5


@pytest.mark.parametrize(
    "text, line, reason",
    [
        (CLASS_LIST + "not-an-address,X,police,es\n", 7, "is not an e-mail address"),
        (CLASS_LIST + "x@example.org,X,pilots,es\n", 7, "is not a profession"),
        (CLASS_LIST + "x@example.org,X,police,de\n", 7, "is not a language of the course"),
        (CLASS_LIST + "ana@example.org,Ana,teachers,es\n", 7, "is already on line 2"),
        (CLASS_LIST + "x@example.org,<b>X</b>,police,es\n", 7, "letters, spaces and punctuation"),
        ("mail,name\nana@example.org,Ana\n", 1, "missing: email, profession, language"),
    ],
)
def test_a_class_list_with_a_bad_line_is_refused_whole_naming_the_line(
    facilitator_client, cohort, two_existing_learners, text, line, reason
):
    response = upload(facilitator_client, cohort, text)

    assert response.status_code == 400
    html = response.content.decode()
    assert f"Line {line}:" in html and reason in html
    assert not Membership.objects.exists() and not Invitation.objects.exists()
    assert mail.outbox == []


def test_a_file_that_is_not_text_is_refused_with_a_reason(facilitator_client, cohort):
    response = facilitator_client.post(
        reverse("cohorts:upload", args=[cohort.pk]),
        {"class_list": SimpleUploadedFile("class.xlsx", b"PK\x03\x04\xff\xfe", "text/csv")},
    )

    assert response.status_code == 400
    assert "not UTF-8 text" in response.content.decode()


def test_a_join_code_adds_the_learner_once(client, cohort):
    learner = LearnerProfileFactory().user
    client.force_login(learner)
    typed = cohort.join_code.lower()[:4] + " " + cohort.join_code[4:]

    found = client.get(reverse("enter_join_code"), {"code": typed})
    assert found.status_code == 302
    assert found["Location"].endswith(reverse("join_cohort", args=[cohort.join_code]))
    client.post(reverse("join_cohort", args=[cohort.join_code]), {"shares_email": ""})
    again = client.post(reverse("join_cohort", args=[cohort.join_code]), {"shares_email": "on"})

    assert again.status_code == 302
    membership = Membership.objects.get()
    assert (membership.user, membership.joined, membership.shares_email) == (
        learner,
        "code",
        False,
    )


def test_an_unknown_join_code_says_so(client, cohort):
    client.force_login(LearnerProfileFactory().user)

    response = client.get(reverse("enter_join_code"), {"code": "ZZZZ-ZZZZ"})

    assert response.status_code == 200
    assert "No class has this code" in response.content.decode()


def test_an_invited_person_signs_up_straight_into_the_class(client, cohort, mailoutbox):
    invitation = Invitation.objects.create(
        cohort=cohort,
        email="rosa@example.org",
        full_name="Rosa Quispe",
        role="front_line",
        language_code="es",
    )
    link = reverse("cohort_invitation", args=[invitation.token])

    to_sign_up = client.get(link)
    assert to_sign_up.status_code == 302 and "/accounts/signup/" in to_sign_up["Location"]
    client.post(
        to_sign_up["Location"],
        {
            "email": "rosa@example.org",
            "password1": "Quiet-river-42!",
            "password2": "Quiet-river-42!",
        },
    )
    confirmation = re.search(r"http://testserver(/\S+/confirm-email/\S+/)", mailoutbox[-1].body)
    joined = client.post(confirmation.group(1))
    assert joined.status_code == 302

    membership = Membership.objects.get(cohort=cohort)
    assert membership.user.email == "rosa@example.org"
    assert membership.joined == "invitation"
    profile = LearnerProfile.objects.get(user=membership.user)
    assert (profile.full_name, profile.role, profile.preferred_language) == (
        "Rosa Quispe",
        "front_line",
        "es",
    )


def test_an_invitation_for_another_address_is_not_accepted(client, cohort):
    invitation = Invitation.objects.create(
        cohort=cohort, email="rosa@example.org", full_name="Rosa", role="police", language_code="es"
    )
    client.force_login(LearnerProfileFactory().user)

    response = client.get(reverse("cohort_invitation", args=[invitation.token]))

    assert response.status_code == 404
    assert not Membership.objects.exists()


def test_a_learner_sees_their_classes_and_can_leave_one(client, cohort):
    learner = LearnerProfileFactory().user
    client.force_login(learner)
    client.post(reverse("join_cohort", args=[cohort.join_code]))

    dashboard = client.get(reverse("dashboard")).content.decode()
    assert "Clase 2027-A" in dashboard
    client.post(reverse("leave_cohort", args=[cohort.pk]))

    assert not Membership.objects.exists()
    assert "Leave this class" not in client.get(reverse("dashboard")).content.decode()


def test_memberships_are_in_the_data_export_and_go_with_the_account(client, cohort):
    learner = LearnerProfileFactory().user
    client.force_login(learner)
    client.post(reverse("join_cohort", args=[cohort.join_code]), {"shares_email": "on"})

    (exported,) = learner_data(learner)["cohorts"]
    assert exported["cohort"] == "Clase 2027-A" and exported["shares_email_with_facilitators"]
    delete_learner(learner)

    assert not Membership.objects.exists()


def test_a_list_saved_with_semicolons_by_a_spreadsheet_is_read(
    facilitator_client, cohort, django_capture_on_commit_callbacks
):
    text = "email;name;profession;language\r\nana@example.org;Ana Pérez;teachers;es\r\n"
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(facilitator_client, cohort, text)

    assert response.status_code == 302
    assert Invitation.objects.get().full_name == "Ana Pérez"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("email,name,profession,language\n", "nobody in it"),
        (
            "email,name,profession,language\n" + "a" * 64 + "@" + "b" * 250 + ".org,A,police,es\n",
            "is not an e-mail address",
        ),
    ],
)
def test_an_empty_list_or_an_address_too_long_to_keep_is_refused(
    facilitator_client, cohort, text, reason
):
    response = upload(facilitator_client, cohort, text)

    assert response.status_code == 400
    assert reason in response.content.decode()
    assert not Invitation.objects.exists()
