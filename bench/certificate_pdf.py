"""Print the median time to render a certificate PDF over 50 renders, and the largest PDF, for a
Latin name and for a CJK name, against the budgets (Latin < 60 ms, CJK < 150 ms, < 150 KB).
Each series rotates through several names, so the font subsets are cut afresh every time. Uses
an unsaved certificate, so any database with the migrations applied will do:
.venv/bin/python bench/certificate_pdf.py
"""

import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from certificates.models import Certificate
from certificates.rendering import details_for, render_pdf

RENDERS = 50
SERIES = {
    "Latin": (60, ["José Ñúñez", "Łukasz Wójcik", "Nguyễn Ŵilliam Ōsaka", "Ana Pérez"]),
    "CJK": (150, ["王小明", "李娜", "山田太郎", "김민준"]),
}
SIZE_BUDGET_KB = 150


def measure(details, names):
    timings, sizes = [], []
    render_pdf(details)  # the first render of a process reads the fonts once
    for number in range(RENDERS):
        details.certificate.full_name = names[number % len(names)]
        started = time.perf_counter()
        pdf = render_pdf(details)
        timings.append(time.perf_counter() - started)
        sizes.append(len(pdf))
    return statistics.median(timings) * 1000, max(sizes) / 1024


def main():
    certificate = Certificate(full_name="", course_key=uuid.uuid4(), language_code="es")
    details = details_for(certificate, "es")
    details.course_title = "Niñas, niños y adolescentes con madres o padres encarcelados"
    details.hours = 6
    print(f"renders per series: {RENDERS}")
    for label, (budget_ms, names) in SERIES.items():
        median_ms, largest_kb = measure(details, names)
        print(
            f"{label}: median render time {median_ms:.1f} ms (budget {budget_ms} ms, ratio "
            f"{median_ms / budget_ms:.2f}); largest PDF {largest_kb:.1f} KB (budget "
            f"{SIZE_BUDGET_KB} KB, ratio {largest_kb / SIZE_BUDGET_KB:.2f})"
        )


if __name__ == "__main__":
    main()
