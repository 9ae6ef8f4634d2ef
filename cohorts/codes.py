"""Join codes: 8 characters of Crockford's base32 (``resources.crockford``), short enough to
write on a whiteboard or read out in class, with 40 random bits so they cannot be guessed."""

from resources import crockford

LENGTH = 8


def new_join_code():
    return crockford.random_code(LENGTH)


def normalise(text):
    return crockford.normalise(text, LENGTH)


def grouped(code):
    return crockford.grouped(code, LENGTH // 2)
