import csv
import io

from django.urls import reverse
from openpyxl import load_workbook


def report(client, name, **filters):
    response = client.get(reverse(f"course_reports:{name}"), filters)
    assert response.status_code == 200
    return response


def rows(client, name, **filters):
    return list(report(client, name, **filters).context["object_list"])


def exported(client, name, export_format, **filters):
    """The exported spreadsheet as a header row and data rows of strings."""
    response = client.get(reverse(f"course_reports:{name}"), {**filters, "export": export_format})
    assert response.status_code == 200
    if export_format == "csv":
        text = b"".join(response.streaming_content).decode()
        table = list(csv.reader(io.StringIO(text)))
    else:
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        table = [["" if cell is None else str(cell) for cell in row] for row in sheet.values]
    return table[0], table[1:]
