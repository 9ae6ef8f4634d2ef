"""Certificate codes: 140 random bits written as 28 characters of Crockford's base32, which has
no I, L, O or U, so a code read aloud or typed from paper survives the usual slips."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 28
GROUP = 4
TYPO_FIXES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_code():
    number = secrets.randbits(5 * LENGTH)
    return "".join(ALPHABET[(number >> (5 * i)) & 31] for i in reversed(range(LENGTH)))


def normalise(text):
    """The stored form of a code as someone typed it, or None if it cannot be one: spaces,
    dashes and case do not matter, and I, L and O are read as 1, 1 and 0."""
    code = re.sub(r"[\s\-–—.]", "", text or "").upper().translate(TYPO_FIXES)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def grouped(code):
    """``7K3M-Q9TB-…``: easier to read aloud and to copy by hand."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))
