"""The glossary and the support directory move here from ``modules``, rows and all.

The models' state is created over the existing tables, which are then renamed; their content
types are relabelled, so pages, revisions, translations, snippet choosers and permissions that
point at them by content type keep pointing at them.
"""

import django.db.models.deletion
import django_countries.fields
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models

MODELS = ["directorypage", "glossarypage", "glossaryterm", "supportorganisation"]


def relabel(old, new):
    def move_content_types(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        moving = ContentType.objects.filter(app_label=old, model__in=MODELS)
        # A type the new code created before this ran (a page served before migrating) points
        # at nothing yet: it gives way to the old one, which pages, revisions and permissions use.
        ContentType.objects.filter(
            app_label=new, model__in=moving.values("model")
        ).delete()
        moving.update(app_label=new)

    return move_content_types


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("modules", "0007_glossary_and_directory_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DirectoryPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='A sentence or two above the list.', verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'modules_directorypage',
                        'verbose_name': 'support directory page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='GlossaryPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to=settings.WAGTAIL_PAGE_MODEL)),
                        ('intro', wagtail.fields.RichTextField(blank=True, help_text='A sentence or two above the list.', verbose_name='introduction')),
                    ],
                    options={
                        'db_table': 'modules_glossarypage',
                        'verbose_name': 'glossary page',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='GlossaryTerm',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('term', models.CharField(help_text='As the field writes it in this language, e.g. “best interests of the child”.', max_length=120, verbose_name='term')),
                        ('definition', models.CharField(help_text='One sentence, shown where a lesson uses the term.', max_length=300, verbose_name='short definition')),
                        ('explanation', wagtail.fields.RichTextField(blank=True, help_text='A paragraph or two for the glossary page: where the term comes from, why it matters.', verbose_name='explanation')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'modules_glossaryterm',
                        'verbose_name': 'glossary term',
                        'verbose_name_plural': 'glossary terms',
                        'ordering': ['term'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
                migrations.CreateModel(
                    name='SupportOrganisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                        ('name', models.CharField(help_text="The organisation's own name; translate it only if it has an official one.", max_length=200, verbose_name='name')),
                        ('country', django_countries.fields.CountryField(help_text='Where it works with families.', max_length=2, verbose_name='country')),
                        ('offers', models.TextField(help_text='One or two sentences: the help families or professionals can get.', verbose_name='what it offers')),
                        ('contact', models.CharField(blank=True, help_text="A public phone number or e-mail address, never a person's private one.", max_length=200, verbose_name='contact')),
                        ('website', models.URLField(blank=True, verbose_name='website')),
                        ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                    ],
                    options={
                        'db_table': 'modules_supportorganisation',
                        'verbose_name': 'support organisation',
                        'verbose_name_plural': 'support directory',
                        'ordering': ['country', 'name'],
                        'abstract': False,
                        'unique_together': {('translation_key', 'locale')},
                    },
                ),
            ]
        ),
        migrations.RunPython(relabel("modules", "resources"), relabel("resources", "modules")),
        migrations.AlterModelTable(name='directorypage', table=None),
        migrations.AlterModelTable(name='glossarypage', table=None),
        migrations.AlterModelTable(name='glossaryterm', table=None),
        migrations.AlterModelTable(name='supportorganisation', table=None),
    ]
