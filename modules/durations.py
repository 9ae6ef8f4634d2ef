"""How long a lesson, quiz, module, path or course takes, decided from the content.

A lesson takes the time to read its words in its own language plus the minutes its activity
blocks declare (a case to discuss, a reflection to pause on, a video's length), rounded up to
whole minutes. A quiz takes a stated time per question a learner answers in one attempt. A module
takes the sum of its lessons and quiz, a course the sum of its modules, unless an author stated a
time (with a reason, which the page models require).

Reading speeds are the silent reading rates of adults measured with the International Reading
Speed Texts (IReST), the same texts read in each language: S. Trauzettel-Klosinski and K. Dietz,
"Standardized Assessment of Reading Performance: The New International Reading Speed Texts
IReST", Investigative Ophthalmology & Visual Science 53(9):5452-5461, 2012
(doi:10.1167/iovs.11-8284). Languages the study has not been looked up for here read at its mean
over all seventeen languages.

Plain functions over block definitions and stored (raw) stream data: no request, no template, no
query, so the page models, the data migration and the tests all decide durations the same way.
"""

import html
import math
import re
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext
from wagtail import blocks

# Words per minute, silent reading, IReST (Trauzettel-Klosinski & Dietz 2012, table 2).
READING_SPEEDS = {"en": 228, "es": 218, "pt": 181, "fr": 195}
# The study's mean over all its languages, for a language not listed above.
DEFAULT_READING_SPEED = 184

# What one quiz question takes to read, think about and answer.
MINUTES_PER_QUESTION = 1

# A stated time more than this share above the computed one earns the author a warning.
OVERSTATEMENT_ALLOWED = Decimal("0.25")

# Text a learner does not read as part of the lesson: a video's transcript stands in for the
# video, whose own minutes are declared.
NOT_READ = {"transcript"}

WORD = re.compile(r"\w+(?:['’.,\-]\w+)*")
TAG = re.compile(r"<[^>]*>")


def reading_speed(language_code):
    """Words per minute read silently in ``language_code`` ("pt", "pt-br"…)."""
    code = (language_code or "").lower()
    return READING_SPEEDS.get(code, READING_SPEEDS.get(code.split("-")[0], DEFAULT_READING_SPEED))


def count_words(text):
    """The words in plain ``text``: runs of letters or digits, with inner apostrophes, hyphens
    and decimal points (“d'un”, “well-being”, “1.8”) counting once."""
    return len(WORD.findall(text or ""))


def words_in_html(markup):
    """The words of rich text, its tags dropped (every tag parts words, as a browser's block
    elements do) and its entities read as the characters they stand for."""
    return count_words(html.unescape(TAG.sub(" ", markup or "")))


def _list_items(block, raw):
    """A ListBlock's stored items, in the current ``{"type": "item", "value": …}`` form or the
    older bare one."""
    for item in raw or []:
        is_block_format = isinstance(item, dict) and item.get("type") == "item" and "value" in item
        yield item["value"] if is_block_format else item


def _stream_items(block, raw):
    for item in raw or []:
        child = block.child_blocks.get(item.get("type")) if isinstance(item, dict) else None
        if child is not None:
            yield child, item.get("value")


def words(block, raw):
    """The words a learner reads in the stored value ``raw`` of ``block``: text, rich text,
    headings, titles and prompts, through structs, lists and streams. Choices, links, embeds,
    numbers and chosen snippets, images or documents carry none."""
    if isinstance(block, blocks.RichTextBlock):
        return words_in_html(raw if isinstance(raw, str) else "")
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        return count_words(raw if isinstance(raw, str) else "")
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        return sum(
            words(child, raw.get(name))
            for name, child in block.child_blocks.items()
            if name not in NOT_READ
        )
    if isinstance(block, blocks.ListBlock):
        return sum(words(block.child_block, item) for item in _list_items(block, raw))
    if isinstance(block, blocks.StreamBlock):
        return sum(words(child, value) for child, value in _stream_items(block, raw))
    return 0


def activity_minutes(block, raw):
    """The minutes the activity blocks in ``raw`` declare in their ``minutes`` field (the block's
    default where the stored value has none, as for content written before the field existed)."""
    if isinstance(block, blocks.StructBlock):
        raw = raw if isinstance(raw, dict) else {}
        total = 0
        for name, child in block.child_blocks.items():
            if name == "minutes":
                declared = raw.get(name)
                total += int(declared if declared not in (None, "") else child.get_default() or 0)
            else:
                total += activity_minutes(child, raw.get(name))
        return total
    if isinstance(block, blocks.ListBlock):
        return sum(activity_minutes(block.child_block, item) for item in _list_items(block, raw))
    if isinstance(block, blocks.StreamBlock):
        return sum(activity_minutes(child, value) for child, value in _stream_items(block, raw))
    return 0


def reading_minutes(word_count, language_code):
    """Minutes, not rounded, to read ``word_count`` words in ``language_code``."""
    return word_count / reading_speed(language_code)


def stream_minutes(stream_block, raw, language_code):
    """Whole minutes, rounded up, to work through a stream: reading its words in
    ``language_code`` and doing its activities. ``raw`` is the stored JSON-like list."""
    total = reading_minutes(words(stream_block, raw), language_code)
    total += activity_minutes(stream_block, raw)
    return math.ceil(round(total, 6))


def lesson_minutes(body, language_code):
    """A lesson's computed minutes from its ``body`` (a StreamField value) in its language."""
    raw = body.get_prep_value() if hasattr(body, "get_prep_value") else list(body or [])
    return stream_minutes(body.stream_block, raw, language_code)


def quiz_minutes(questions_asked, minutes_per_question=MINUTES_PER_QUESTION):
    """A quiz's minutes: the questions one attempt asks, each taking ``minutes_per_question``."""
    return max(0, questions_asked) * minutes_per_question


def module_minutes(lessons_and_quizzes, module):
    """A module's duration: its stated minutes if the author gave them, else the sum of its
    lessons' and quizzes' ``minutes``."""
    stated = getattr(module, "stated_minutes", None)
    if stated:
        return stated
    return sum(page.minutes or 0 for page in lessons_and_quizzes)


def course_minutes(modules_minutes, course):
    """A course's duration: its stated hours in minutes if the author gave them, else the sum of
    ``modules_minutes`` (each module's duration, as ``module_minutes`` gives it)."""
    stated = getattr(course, "stated_hours", None)
    if stated:
        return int(Decimal(stated) * 60)
    return sum(modules_minutes)


def is_overstated(stated_minutes, computed_minutes):
    """Whether a stated time is more than a quarter above the computed one."""
    if not stated_minutes:
        return False
    return Decimal(stated_minutes) > Decimal(computed_minutes) * (1 + OVERSTATEMENT_ALLOWED)


def hours(minutes):
    """Minutes as hours rounded to the nearest half hour, for the certificate: 2 h 20 → 2.5,
    2 h 10 → 2.0, a quarter past rounding up; never below 0.5."""
    halves = (Decimal(minutes or 0) / 30).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (max(halves, Decimal(1)) / 2).quantize(Decimal("0.1"))


def format_minutes(minutes):
    """Minutes as a learner reads them, in the active language: “25 min”, “1 h 30 min”, “2 h”."""
    minutes = int(minutes or 0)
    whole_hours, rest = divmod(minutes, 60)
    if not whole_hours:
        return gettext("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return gettext("%(hours)s h") % {"hours": whole_hours}
    return gettext("%(hours)s h %(minutes)s min") % {"hours": whole_hours, "minutes": rest}
