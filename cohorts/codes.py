"""Join codes: 8 characters of Crockford's base32 (no I, L, O or U), short enough to write on a
whiteboard or read out in class, with 40 random bits so they cannot be guessed."""

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 8
TYPO_FIXES = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_join_code():
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalise(text):
    """The stored form of a code as someone typed it, or None if it cannot be one."""
    code = re.sub(r"[\s\-–—.]", "", text or "").upper().translate(TYPO_FIXES)
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return None
    return code


def grouped(code):
    return f"{code[:4]}-{code[4:]}"
