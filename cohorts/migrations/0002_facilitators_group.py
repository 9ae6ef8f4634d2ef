"""Every installation gets a "Facilitators" group, who may create cohorts and act on their own,
and course managers may see and act on every cohort. Permissions are created here because Django
only creates them after all migrations have run."""

from django.db import migrations

FACILITATOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
    ("cohorts", "cohort", "add_cohort", "Can add cohort"),
    ("cohorts", "cohort", "change_cohort", "Can change cohort"),
    ("cohorts", "cohort", "view_cohort", "Can view cohort"),
    ("cohorts", "cohort", "delete_cohort", "Can delete cohort"),
]
GROUPS = {
    "Facilitators": FACILITATOR_PERMISSIONS,
    "Course managers": [
        *FACILITATOR_PERMISSIONS,
        ("cohorts", "cohort", "view_all_cohorts", "Can see and act on every cohort"),
    ],
}


def create_groups(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for app_label, model, codename, label in permissions:
            content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": label}
            )
            group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name="Facilitators").delete()
    Permission = apps.get_model("auth", "Permission")
    managers = Group.objects.filter(name="Course managers").first()
    if managers is not None:
        managers.permissions.remove(*Permission.objects.filter(content_type__app_label="cohorts"))


class Migration(migrations.Migration):
    dependencies = [
        ("cohorts", "0001_cohorts"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
