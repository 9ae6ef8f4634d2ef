"""The offline module pack: one HTML file a learner keeps and reads without the network.

The site's stylesheet is inlined, images are inlined as ``data:`` URIs at a reduced size, each
lesson is a section reached by an anchor, and no script is needed. The quiz is not in the pack
(its answers are checked on the server); the pack links to it. Each lesson ends with an "I have
read this lesson" box of one form that takes the ticks to the site (``reading.py``).
"""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from modules.addresses import public_base_url

from .contents import module_contents
from .standalone import OFFLINE_IMAGE_SPEC, Standalone, static_asset

BUDGET_BYTES = 300 * 1024


def offline_pack(module, request=None):
    """The pack of ``module`` in its own language, as bytes of UTF-8 HTML: one for every reader
    of the module, so without the lessons restricted further than the module."""
    contents = module_contents(module, shared=True)
    base_url = public_base_url(request)
    standalone = Standalone(
        base_url=base_url,
        local={lesson.page.url: f"#{lesson.anchor}" for lesson in contents.lessons},
        place_asset=lambda asset: asset.data_uri(),
        image_spec=OFFLINE_IMAGE_SPEC,
    )
    for lesson in contents.lessons:
        lesson.html = standalone(lesson.html)
    with translation.override(contents.language_code):
        html = render_to_string(
            "packages/offline_pack.html",
            {
                "contents": contents,
                "module": module,
                "module_url": base_url + module.url,
                "quiz_url": contents.quiz and base_url + contents.quiz.url,
                "reading_url": base_url + reverse("offline_reading", args=[module.pk]),
                "css": static_asset("css/site.css").content.decode(),
                "mark": static_asset("img/mark.svg").data_uri(),
                "made_at": timezone.now(),
            },
        )
    return html.encode()


def pack_filename(module):
    return f"{module.slug}-{module.locale.language_code}.html"
