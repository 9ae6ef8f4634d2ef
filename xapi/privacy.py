"""A learner's statements in their data export; deleting the account deletes the ones still
here. Statements already in the LRS name the learner only by an opaque id (unless the operator
sends e-mail addresses), which nothing here can tie back to them once the account is gone."""

from learners.privacy import register_section

from .models import Statement


def export_statements(user):
    return [
        {
            "id": str(row.id),
            "verb": row.data["verb"]["id"],
            "object": row.data["object"]["id"],
            "timestamp": row.data["timestamp"],
            "status": row.status,
        }
        for row in Statement.objects.filter(user=user).order_by("created_at")
    ]


def erase_statements(user):
    Statement.objects.filter(user=user).delete()


def register():
    register_section("xapi_statements", export_statements, erase_statements)
