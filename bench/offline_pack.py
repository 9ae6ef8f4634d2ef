"""Print the size of every demo module's offline pack, in each language, against the 300 KB
budget, and the size of its SCORM package beside it.

Run after `make run` has loaded the demo content:  .venv/bin/python bench/offline_pack.py
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecourse.settings.dev")

import django

django.setup()

from django.test import Client
from django.urls import reverse
from django.utils import translation

from modules.models import ModulePage
from packages.offline import BUDGET_BYTES
from packages.scorm import scorm_package


def main():
    client = Client(HTTP_HOST="127.0.0.1")
    modules = ModulePage.objects.live().select_related("locale").order_by("path")
    print(f"{'module':40} {'lang':>4} {'offline pack':>12} {'of budget':>9} {'SCORM zip':>10}")
    heaviest = 0
    for module in modules:
        language = module.locale.language_code
        with translation.override(language):
            response = client.get(reverse("offline_pack", args=[module.pk]))
        name = f"{module.slug[:40]:40} {language:>4}"
        if response.status_code != 200:
            print(f"{name} {'not served':>12} ({response.status_code})")
            continue
        size = len(response.content)
        heaviest = max(heaviest, size)
        scorm = len(scorm_package(module).content)
        print(f"{name} {size:12} {size / BUDGET_BYTES:9.2f} {scorm:10}")
    print(
        f"heaviest offline pack: {heaviest} bytes = {heaviest / BUDGET_BYTES:.2f} of the "
        f"{BUDGET_BYTES // 1024} KB budget"
    )


if __name__ == "__main__":
    main()
