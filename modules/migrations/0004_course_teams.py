"""Every installation gets its course teams and the "Expert review" workflow.

- Authors write in the source language (English): they add and edit pages there and submit them
  for review, but cannot publish.
- Reviewers approve or reject in "Expert review" and publish, in every language.
- Translators translate with wagtail-localize; their page permissions cover each translated tree
  only (granted here for the trees that exist, and by ``translation.teams`` for trees created later),
  so the English source stays out of their reach.

"Expert review" replaces Wagtail's default "Moderators approval" on the root page, so it covers
every page of every language. Permissions are created here because Django only creates them after
all migrations have run.
"""

from django.db import migrations

AUTHORS, REVIEWERS, TRANSLATORS = "Authors", "Reviewers", "Translators"
WORKFLOW = "Expert review"

ADMIN = ("wagtailadmin", "admin", "access_admin")
SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")
GROUP_PERMISSIONS = {
    AUTHORS: [ADMIN, SUBMIT_TRANSLATION],
    REVIEWERS: [ADMIN, SUBMIT_TRANSLATION],
    TRANSLATORS: [ADMIN, SUBMIT_TRANSLATION],
}
MEDIA = {
    AUTHORS: ["add", "change", "choose"],
    REVIEWERS: ["add", "change", "choose", "delete"],
    TRANSLATORS: ["choose"],
}
SOURCE_TREE_PAGE_PERMISSIONS = {
    AUTHORS: ["add_page", "change_page"],
}
ALL_TREES_PAGE_PERMISSIONS = {
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
TRANSLATED_TREE_PAGE_PERMISSIONS = {
    TRANSLATORS: ["add_page", "change_page", "publish_page"],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return found


def grant_pages(apps, groups, page, permissions_by_group):
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    for name, codenames in permissions_by_group.items():
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=groups[name],
                page=page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )


def create_teams(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in GROUP_PERMISSIONS}
    for name, permissions in GROUP_PERMISSIONS.items():
        groups[name].permissions.add(*(permission(apps, *spec) for spec in permissions))

    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection:
        for name, actions in MEDIA.items():
            for action in actions:
                for app_label, model in [("wagtailimages", "image"), ("wagtaildocs", "document")]:
                    GroupCollectionPermission.objects.get_or_create(
                        group=groups[name],
                        collection=root_collection,
                        permission=permission(apps, app_label, model, f"{action}_{model}"),
                    )

    root = Page.objects.get(depth=1)
    grant_pages(apps, groups, root, ALL_TREES_PAGE_PERMISSIONS)
    source_locale = Locale.objects.get(language_code="en")
    for home in Page.objects.filter(depth=2):
        if home.locale_id == source_locale.pk:
            grant_pages(apps, groups, home, SOURCE_TREE_PAGE_PERMISSIONS)
        else:
            grant_pages(apps, groups, home, TRANSLATED_TREE_PAGE_PERMISSIONS)

    create_workflow(apps, groups[REVIEWERS], root)


def create_workflow(apps, reviewers, root):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task, _ = GroupApprovalTask.objects.get_or_create(
        name=WORKFLOW, defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    previous = WorkflowPage.objects.filter(page=root).first()
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    if previous and previous.workflow_id != workflow.pk:
        Workflow.objects.filter(pk=previous.workflow_id, workflow_pages__isnull=True).update(
            active=False
        )


def remove_teams(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Group.objects.filter(name__in=GROUP_PERMISSIONS).delete()
    Workflow.objects.filter(name=WORKFLOW).delete()
    Task.objects.filter(name=WORKFLOW).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0003_information_page"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_teams, remove_teams)]
