"""A learner's statements in their data export; deleting the account deletes the ones still
here. Statements already in the LRS name the learner only by an opaque id (unless the operator
sends e-mail addresses), which nothing here can tie back to them once the account is gone."""

from learners.privacy import register_section

from .models import Statement


def export_statements(user):
    """In the order the learner did things (a pass is kept before the path it completes)."""
    rows = [
        {
            "id": str(row.id),
            "verb": row.data["verb"]["id"],
            "object": row.data["object"]["id"],
            "timestamp": row.data["timestamp"],
            "status": row.status,
        }
        for row in Statement.objects.filter(user=user)
    ]
    return sorted(rows, key=lambda row: row["timestamp"])


def erase_statements(user):
    Statement.objects.filter(user=user).delete()


def register():
    register_section("xapi_statements", export_statements, erase_statements)
