"""Certificate codes: 140 random bits written as 28 characters of Crockford's base32
(``resources.crockford``), shown in groups of four."""

from resources import crockford

LENGTH = 28
GROUP = 4


def new_code():
    return crockford.random_code(LENGTH)


def normalise(text):
    return crockford.normalise(text, LENGTH)


def grouped(code):
    return crockford.grouped(code, GROUP)
