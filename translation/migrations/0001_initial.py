"""Translation gaps move here from ``modules``, rows and all: the state is created over the
existing table, which is then renamed and its content type relabelled, with the permissions that hang from it."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def relabel(old, new):
    def move_content_type(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        moving = ContentType.objects.filter(app_label=old, model="translationgap")
        if moving.exists():
            # One the new code created before this ran points at nothing yet: it gives way.
            ContentType.objects.filter(app_label=new, model="translationgap").delete()
            moving.update(app_label=new)

    return move_content_type


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("contenttypes", "0002_remove_content_type_name"),
        ("modules", "0005_translation_gap"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
            name='TranslationGap',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('missing_strings', models.PositiveIntegerField()),
                ('page', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.WAGTAIL_PAGE_MODEL)),
            ],
            options={"db_table": "modules_translationgap"},
        ),
            ]
        ),
        migrations.RunPython(relabel("modules", "translation"), relabel("translation", "modules")),
        migrations.AlterModelTable(name="translationgap", table=None),
    ]
