"""How HTML rendered for the site is made to stand on its own, away from it.

A link to a lesson of the packed module goes to that lesson inside the package; any other link
to the site goes to the site's public address; images, and documents of up to
``MAX_DOCUMENT_BYTES`` that anyone may download, are read from storage and handed to the
package (as files in a zip, or inlined as ``data:`` URIs); embedded
players and scripts are dropped, because a package must read without the network (each video
block keeps its link and transcript).
"""

import base64
import mimetypes
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from django.urls import Resolver404, resolve
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

DROPPED_TAGS = ("script", "iframe", "object", "embed", "noscript")
# An offline pack travels by phone: its images are made smaller than the site's.
OFFLINE_IMAGE_SPEC = "max-480x360|format-webp|webpquality-50"
MAX_DOCUMENT_BYTES = 100 * 1024


@dataclass
class Asset:
    """A file the page uses: its bytes, its media type and a name for it in a package."""

    name: str
    content: bytes
    media_type: str
    width: int | None = None
    height: int | None = None

    def data_uri(self):
        return f"data:{self.media_type};base64,{base64.b64encode(self.content).decode()}"


def read_asset(src, image_spec=None):
    """The site's own file behind ``src`` (a media or static address), or None when ``src``
    is not one of the site's. An image rendition is remade with ``image_spec`` when given."""
    path = unquote(urlsplit(src).path)
    if path.startswith(settings.MEDIA_URL):
        name = path.removeprefix(settings.MEDIA_URL)
        rendition = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(file=name)
            .select_related("image")
            .first()
        )
        if rendition is not None and image_spec:
            rendition = rendition.image.get_rendition(image_spec)
            name = rendition.file.name
        if rendition is not None:
            with rendition.file.open("rb") as file:
                content = file.read()
            size = (rendition.width, rendition.height)
        elif default_storage.exists(name):
            with default_storage.open(name, "rb") as file:
                content = file.read()
            size = (None, None)
        else:
            return None
    elif path.startswith(settings.STATIC_URL):
        return static_asset(path.removeprefix(settings.STATIC_URL))
    else:
        return None
    return asset_named(name, content, *size)


def read_document(path):
    """The document served at the site ``path``, when it is small and unrestricted, or None."""
    try:
        match = resolve(path)
    except Resolver404:
        return None
    if match.url_name != "wagtaildocs_serve":
        return None
    document = get_document_model().objects.filter(pk=match.args[0]).first()
    if (
        document is None
        or (document.file_size or 0) > MAX_DOCUMENT_BYTES
        or document.collection.get_view_restrictions().exists()
    ):
        return None
    with document.open_file() as file:
        return asset_named(document.filename, file.read())


def static_asset(name):
    """The site's static file ``name`` (as under ``static/``, unhashed), or None."""
    found = finders.find(name)
    if not found:
        return None
    with open(found, "rb") as file:
        return asset_named(name, file.read())


def asset_named(name, content, width=None, height=None):
    filename = PurePosixPath(name).name
    media_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return Asset(filename, content, media_type, width, height)


@dataclass
class Standalone:
    """Rewrites fragments of the site's HTML for one package.

    ``local`` maps the site address of each packed lesson to its place in the package;
    ``place_asset(asset)`` returns the address the package gives an asset.
    """

    base_url: str
    local: dict
    place_asset: Callable[[Asset], str]
    image_spec: str | None = None
    assets: dict = field(default_factory=dict)

    def __call__(self, html):
        soup = BeautifulSoup(html, "html.parser")
        for tag in soup.find_all(DROPPED_TAGS):
            tag.decompose()
        for link in soup.find_all("a", href=True):
            self.link(link)
        for image in soup.find_all("img", src=True):
            self.image(image)
        return str(soup)

    def link(self, link):
        href = link["href"]
        address = href.partition("#")[0]
        if not address:
            return
        site_path = address.removeprefix(self.base_url) or "/"
        if site_path in self.local:
            link["href"] = self.local[site_path]
        elif not site_path.startswith("/") or site_path.startswith("//"):
            return  # another site's address, an e-mail address
        elif document := read_document(unquote(site_path)):
            link["href"] = self.place_asset(document)
            link["download"] = document.name
        else:
            link["href"] = self.base_url + href.removeprefix(self.base_url)

    def image(self, image):
        src = image["src"]
        if src not in self.assets:
            self.assets[src] = read_asset(src, self.image_spec)
        asset = self.assets[src]
        if asset is None:
            return
        image["src"] = self.place_asset(asset)
        del image["srcset"]
        del image["loading"]
        if asset.width and asset.height:
            image["width"], image["height"] = str(asset.width), str(asset.height)
