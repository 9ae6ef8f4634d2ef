"""Links the certificate page offers beside the PDF, added by apps above this one (the Open
Badges downloads from ``credentials``), so ``certificates`` imports none of their code: each
registers a function of ``(certificate, request)`` returning ``Link``s."""

from dataclasses import dataclass

_providers = []


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    download: bool = False


def register_links(provider):
    if provider not in _providers:
        _providers.append(provider)


def links_for(certificate, request):
    return [link for provider in _providers for link in provider(certificate, request)]
