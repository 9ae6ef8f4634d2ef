"""A learner's platform accounts and gradebook links in their data export; deleting the account
removes them (the rows cascade with the user)."""

from learners.privacy import register_section

from .models import GradeLink, PlatformAccount


def export_accounts(user):
    return [
        {
            "platform": account.platform.name,
            "issuer": account.platform.issuer,
            "user_id_on_platform": account.sub,
            "linked_at": account.linked_at.isoformat(),
            "gradebook_columns": [
                {"kind": link.kind, "line_item": link.lineitem_url}
                for link in GradeLink.objects.filter(account=account).order_by("pk")
            ],
        }
        for account in PlatformAccount.objects.filter(user=user).select_related("platform")
    ]


def remove_accounts(user):
    PlatformAccount.objects.filter(user=user).delete()


def register():
    register_section("lti", export_accounts, remove_accounts)
