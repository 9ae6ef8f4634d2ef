"""Every installation gets the four content locales and an English home page as its site root."""

from django.db import migrations

CONTENT_LANGUAGES = ["en", "es", "pt", "fr"]


def create_locales_and_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("modules.HomePage")

    for code in CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    if HomePage.objects.exists():
        return

    # Replace Wagtail's placeholder "Welcome" page, the only child of the tree root.
    Page.objects.filter(depth=2, content_type__app_label="wagtailcore", slug="home").delete()
    root = Page.objects.get(depth=1)
    if Page.objects.filter(depth=2).exists():
        return
    home = HomePage.objects.create(
        title="Children of incarcerated parents",
        draft_title="Children of incarcerated parents",
        slug="home",
        content_type=ContentType.objects.get_for_model(HomePage),
        locale=Locale.objects.get(language_code="en"),
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/home/",
        live=True,
    )
    root.numchild = 1
    root.save(update_fields=["numchild"])
    site = Site.objects.filter(is_default_site=True).first()
    if site:
        site.root_page_id = home.pk
        site.save(update_fields=["root_page"])
    else:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(create_locales_and_home_page, migrations.RunPython.noop)]
