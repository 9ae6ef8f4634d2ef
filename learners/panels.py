"""Sections that apps above add to the learner's dashboard (their classes, say), registered from
their ``AppConfig.ready()`` so this app never imports them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    template_name: str
    context: object  # request → dict for the template, or None to leave the panel out


registered_panels = []


def register_panel(template_name, context):
    registered_panels.append(Panel(template_name, context))


def dashboard_panels(request):
    """``(template name, context)`` of each panel that has something to show."""
    shown = []
    for panel in registered_panels:
        context = panel.context(request)
        if context is not None:
            shown.append((panel.template_name, context))
    return shown
