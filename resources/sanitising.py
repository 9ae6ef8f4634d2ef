"""The one policy for HTML that does not come from Wagtail's own editor.

Whatever an import brings (a question bank's feedback, a string from another system) is cleaned
here before it is saved, down to what an author could have written with the editor's rich-text
features (``resources.editing.RICH_TEXT_FEATURES``): paragraphs, two heading levels, bold, italic,
lists and links to web and e-mail addresses. Everything else is removed, its text kept and
escaped. Learner-written text is never HTML: forms refuse markup in it, templates escape it.
"""

import bleach

ALLOWED_TAGS = frozenset({"p", "br", "h2", "h3", "b", "strong", "i", "em", "ol", "ul", "li", "a"})
ALLOWED_ATTRIBUTES = {"a": ["href"]}
ALLOWED_PROTOCOLS = frozenset({"http", "https", "mailto"})

cleaner = bleach.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    protocols=ALLOWED_PROTOCOLS,
    strip=True,
    strip_comments=True,
)


def clean_html(html):
    """``html`` with only the allowed tags, attributes and link protocols left."""
    return cleaner.clean(html)
