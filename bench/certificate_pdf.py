"""Print the median time to render a certificate PDF over 50 renders, and its size, against the
budgets (< 150 ms, < 150 KB). Uses an unsaved certificate, so any database with the migrations
applied will do:  .venv/bin/python bench/certificate_pdf.py
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
NAMES = ["José Ñúñez", "Łukasz Wójcik", "Ольга Иванова", "Ζωή Παπαδοπούλου"]


def main():
    certificate = Certificate(full_name=NAMES[0], course_key=uuid.uuid4(), language_code="es")
    details = details_for(certificate, "es")
    details.course_title = "Niñas, niños y adolescentes con madres o padres encarcelados"
    details.hours = 6
    timings, sizes = [], []
    for number in range(RENDERS):
        certificate.full_name = NAMES[number % len(NAMES)]
        started = time.perf_counter()
        pdf = render_pdf(details)
        timings.append(time.perf_counter() - started)
        sizes.append(len(pdf))
    median_ms = statistics.median(timings) * 1000
    print(f"renders: {RENDERS}")
    print(f"median render time: {median_ms:.1f} ms (budget 150 ms, ratio {median_ms / 150:.2f})")
    largest_kb = max(sizes) / 1024
    print(f"largest PDF: {largest_kb:.1f} KB (budget 150 KB, ratio {largest_kb / 150:.2f})")


if __name__ == "__main__":
    main()
