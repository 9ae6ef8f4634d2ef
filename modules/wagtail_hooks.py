"""Admin wiring for the course tree: an author whose stated time is far above the computed one
is told so when the page is saved."""

from django.contrib import messages
from wagtail import hooks


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_an_overstated_time(request, page):
    """A stated time more than a quarter above the computed one is allowed (with its reason,
    which the form requires) but flagged, on save as on publish."""
    warning = getattr(page.specific, "overstatement_warning", None)
    message = warning() if warning else None
    if message:
        messages.warning(request, message)
