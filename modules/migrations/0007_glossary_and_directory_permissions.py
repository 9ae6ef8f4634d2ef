"""The course teams may look after the glossary and the support directory: Authors and Reviewers
write and remove entries, Translators edit them (in their languages only, see wagtail_hooks)."""

from django.db import migrations

MODELS = ["glossaryterm", "supportorganisation"]
ACTIONS = {
    "Authors": ["add", "change", "delete"],
    "Reviewers": ["add", "change", "delete"],
    "Translators": ["add", "change"],
}


def grant(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for group_name, actions in ACTIONS.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for model in MODELS:
            content_type, _ = ContentType.objects.get_or_create(app_label="modules", model=model)
            for action in actions:
                permission, _ = Permission.objects.get_or_create(
                    content_type=content_type,
                    codename=f"{action}_{model}",
                    defaults={"name": f"Can {action} {model}"},
                )
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0006_glossary_and_support_directory"),
        ("modules", "0004_course_teams"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
