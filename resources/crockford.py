"""Codes people read aloud, copy from paper or type from a whiteboard: random characters of
Crockford's base32, which has no I, L, O or U, so the usual slips (I or L for 1, O for 0) are
read as meant. Certificate codes and class join codes are both made and read here."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
TYPO_FIXES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def random_code(length):
    """``length`` characters carrying 5 random bits each."""
    number = secrets.randbits(5 * length)
    return "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(length)))


def normalise(text, length):
    """The stored form of a code as someone typed it, or None if it cannot be one: spaces,
    dashes and case do not matter, and I, L and O are read as 1, 1 and 0."""
    code = re.sub(r"[\s\-–—.]", "", text or "").upper().translate(TYPO_FIXES)
    if len(code) != length or any(char not in ALPHABET for char in code):
        return None
    return code


def grouped(code, size):
    """``7K3M-Q9TB-…``: easier to read aloud and to copy by hand."""
    return "-".join(code[i : i + size] for i in range(0, len(code), size))
