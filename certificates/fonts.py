"""The fonts a certificate is drawn in, and the one rule for which names they can draw.

DejaVu Sans, shipped in ``certificates/fonts/``, draws Latin, Greek and Cyrillic text and the
common punctuation. Every other script falls back to a Noto font from Debian's
``fonts-noto-core`` and ``fonts-noto-cjk`` (the Makefile installs them for ``make run`` and
``make test``): fpdf2 picks, character by character, the first font of ``FALLBACKS`` that has
it, and shapes the text with HarfBuzz (Arabic joined and right to left, Devanagari conjuncts).

A name is drawable when every character of it is in one of these fonts; the profile form refuses
any other (``learners.names``, registered from ``CertificatesConfig.ready``), so no certificate
prints a name blank. A missing font file counts as covering nothing.

Speed: a certificate embeds only the fonts its text needs, and each as a subset that HarfBuzz
cuts from the cached font in a millisecond or two, so fpdf2 parses and embeds a few dozen glyphs
instead of Noto Sans CJK's 65 000.
"""

import logging
import tempfile
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import uharfbuzz as hb
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SHIPPED = Path(__file__).resolve().parent / "fonts"
NOTO = Path("/usr/share/fonts/truetype/noto")
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")

# What the primary font draws; everything else goes to a fallback. DejaVu Sans also has Arabic,
# Hebrew and a few other scripts, less well than Noto: they are left out of its ranges.
PRIMARY_RANGES = (
    (0x0000, 0x058F),  # Latin, IPA, combining marks, Greek, Cyrillic, Armenian
    (0x1D00, 0x1FFF),  # phonetic extensions, Latin Extended Additional (Vietnamese), Greek ext.
    (0x2000, 0x2BFF),  # punctuation, currency, letter-like forms, arrows, symbols
    (0x2C60, 0x2C7F),  # Latin Extended-C
    (0x2DE0, 0x2DFF),  # Cyrillic Extended-A
    (0xA640, 0xA69F),  # Cyrillic Extended-B
    (0xA720, 0xA7FF),  # Latin Extended-D
    (0xFB00, 0xFB06),  # Latin ligatures
    (0xFE20, 0xFE2F),  # combining half marks
)


@dataclass(frozen=True)
class Face:
    """One font family: its regular and bold files (``bold`` None when it has none: the
    regular then draws the bold text too), the face number inside a collection, and the
    characters it is used for (empty: all it has)."""

    family: str
    regular: Path
    bold: Path | None = None
    index: int = 0
    ranges: tuple = ()

    def files(self):
        return {"": self.regular, **({"B": self.bold} if self.bold else {})}


def noto(script, bold=True):
    return Face(
        f"NotoSans{script}",
        NOTO / f"NotoSans{script}-Regular.ttf",
        NOTO / f"NotoSans{script}-Bold.ttf" if bold else None,
    )


PRIMARY = Face(
    "DejaVuSans", SHIPPED / "DejaVuSans.ttf", SHIPPED / "DejaVuSans-Bold.ttf", ranges=PRIMARY_RANGES
)
FALLBACKS = (
    noto(""),  # Latin, Greek and Cyrillic letters DejaVu lacks
    noto("Arabic"),
    noto("Hebrew"),
    noto("Devanagari"),
    noto("Bengali"),
    noto("Gurmukhi"),
    noto("Gujarati"),
    noto("Oriya"),
    noto("Tamil"),
    noto("Telugu"),
    noto("Kannada"),
    noto("Malayalam"),
    noto("Sinhala"),
    noto("Thai"),
    noto("Lao"),
    noto("Khmer"),
    noto("Myanmar"),
    noto("Ethiopic"),
    noto("Armenian"),
    noto("Georgian"),
    noto("Thaana"),
    noto("Syriac", bold=False),
    noto("Cherokee"),
    noto("CanadianAboriginal"),
    noto("Tifinagh", bold=False),
    noto("NKo", bold=False),
    noto("Adlam"),
    noto("Vai", bold=False),
    noto("Yi", bold=False),
    Face(
        "NotoSerifTibetan",
        NOTO / "NotoSerifTibetan-Regular.ttf",
        NOTO / "NotoSerifTibetan-Bold.ttf",
    ),
    # Chinese, Japanese and Korean: one collection, its Simplified Chinese face (index 2).
    Face(
        "NotoSansCJK",
        NOTO_CJK / "NotoSansCJK-Regular.ttc",
        NOTO_CJK / "NotoSansCJK-Bold.ttc",
        index=2,
    ),
)

logger = logging.getLogger(__name__)


@cache
def _hb_face(path, index):
    """The font, read once per process, or None when the file is missing."""
    try:
        return hb.Face(hb.Blob.from_file_path(str(path)), index)
    except (OSError, ValueError, RuntimeError):
        logger.warning("Certificate font %s is missing: run `make run` or `make test`", path)
        return None


@cache
def _unicodes(path, index, ranges):
    face = _hb_face(path, index)
    if face is None:
        return frozenset()
    codepoints = frozenset(face.unicodes)
    if ranges:
        codepoints = frozenset(c for c in codepoints if any(a <= c <= b for a, b in ranges))
    return codepoints


def covered(face, style):
    """The code points ``face`` draws in ``style`` ("" or "B")."""
    path = face.files().get(style, face.regular)
    return _unicodes(path, face.index, face.ranges)


def _drawable(character, style):
    code = ord(character)
    if code in covered(PRIMARY, style):
        return True
    # fpdf2 takes a fallback in any style when none matches (exact_match=False).
    return any(code in covered(face, s) for face in FALLBACKS for s in face.files())


def missing_characters(text, style="B"):
    """The characters of ``text`` that no certificate font can draw, in order, once each (line
    breaks and other whitespace need no glyph). Names print in bold, hence the default."""
    missing = []
    for character in text:
        if character.isspace() or character in missing:
            continue
        if not _drawable(character, style):
            missing.append(character)
    return missing


def check_name(value):
    """Refuse a name the certificate could not print (registered with ``learners.names``)."""
    if missing := missing_characters(value):
        raise ValidationError(
            _(
                "Your certificate cannot print these characters yet: %(characters)s. "
                "Please write your name without them, for example in Latin letters."
            ),
            code="undrawable",
            params={"characters": " ".join(missing)},
        )


def _subset(path, index, codepoints, target):
    face = _hb_face(path, index)
    plan = hb.SubsetInput()
    for code in codepoints:
        plan.unicode_set.add(code)
    plan.flags = hb.SubsetFlags.NOTDEF_OUTLINE
    subset = hb.subset(face, plan)
    target.write_bytes(subset.blob.data)
    return target


@contextmanager
def fonts_for(pdf, text):
    """Add to ``pdf`` the fonts that ``text`` (everything the document will print) needs, cut to
    its characters, and switch on text shaping; the document must be output inside the block,
    since fpdf2 reads the font files until then. Yields the primary family's name.

    HarfBuzz shapes the text when it needs a fallback font or holds a combining mark."""
    codepoints = {ord(character) for character in text}
    primary = {style: covered(PRIMARY, style) & codepoints for style in PRIMARY.files()}
    elsewhere = codepoints - (primary[""] & primary["B"])
    with tempfile.TemporaryDirectory(prefix="certificate-fonts-") as folder:
        folder = Path(folder)
        for style, path in PRIMARY.files().items():
            # The space at least, so that fpdf2 always has a glyph to start a line with.
            wanted = primary[style] | {0x20}
            pdf.add_font(PRIMARY.family, style, _subset(path, 0, wanted, folder / f"0{style}.ttf"))
        fallbacks = []
        for number, face in enumerate(FALLBACKS, start=1):
            if not any(elsewhere & covered(face, style) for style in face.files()):
                continue
            for style, path in face.files().items():
                wanted = elsewhere & covered(face, style)
                if not wanted:
                    continue
                suffix = ".otf" if path.suffix in (".ttc", ".otf") else ".ttf"
                name = folder / f"{number}{style}{suffix}"
                pdf.add_font(face.family, style, _subset(path, face.index, wanted, name))
            fallbacks.append(face.family)
        if fallbacks:
            pdf.set_fallback_fonts(fallbacks, exact_match=False)
        if elsewhere or any(unicodedata.combining(character) for character in text):
            # Shaping costs a third of the time of a Latin certificate and changes nothing
            # there; the scripts of the fallbacks and combining accents need it.
            pdf.set_text_shaping(True)
        yield PRIMARY.family
