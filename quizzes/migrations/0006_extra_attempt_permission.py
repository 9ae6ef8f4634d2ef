"""Course managers may grant a learner an extra attempt at a quiz (later facilitators too: add
their group to GROUPS in a new migration). The permission is created here because Django only
creates permissions after all migrations have run."""

from django.db import migrations

GROUPS = ["Course managers"]
PERMISSION = ("quizzes", "extraattempt", "add_extraattempt", "Can add extra attempt")


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    app_label, model, codename, name = PERMISSION
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": name}
    )
    for group_name in GROUPS:
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(permission)


def withdraw(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    app_label, _, codename, _ = PERMISSION
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission:
        for group in Group.objects.filter(name__in=GROUPS):
            group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0005_extra_attempts"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, withdraw)]
