"""Baked badges: the credential carried inside a PNG, as OB 3.0 §5.3.1 prescribes: one iTXt
chunk with the keyword ``openbadgecredential``, uncompressed, whose text is the credential's
JSON."""

import io
from functools import cache

from PIL import Image, ImageDraw, PngImagePlugin, UnidentifiedImageError

KEYWORD = "openbadgecredential"
SIZE = 512
BLUE = (11, 92, 142, 255)
WHITE = (255, 255, 255, 255)


class NotABadge(ValueError):
    """The file is no PNG, or a PNG that carries no credential."""


@cache
def badge_image():
    """The badge as a PNG: the certificate's blue seal with a tick, drawn once per process."""
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((8, 8, SIZE - 8, SIZE - 8), fill=BLUE)
    draw.ellipse((40, 40, SIZE - 40, SIZE - 40), outline=WHITE, width=10)
    draw.line([(150, 270), (225, 345), (370, 185)], fill=WHITE, width=40, joint="curve")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def bake(text):
    """The badge PNG with ``text`` (the credential's JSON) baked in."""
    image = Image.open(io.BytesIO(badge_image()))
    info = PngImagePlugin.PngInfo()
    info.add_itxt(KEYWORD, text, lang="", tkey="", zip=False)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", pnginfo=info)
    return buffer.getvalue()


def unbake(data):
    """The text baked into a PNG's ``openbadgecredential`` chunk."""
    try:
        with Image.open(io.BytesIO(data), formats=["PNG"]) as image:
            text = image.info.get(KEYWORD)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise NotABadge(str(error)) from error
    if not isinstance(text, str):
        raise NotABadge(KEYWORD)
    return str(text)
