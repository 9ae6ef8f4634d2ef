from django.db import models
from wagtail.models import Page


class TranslationGap(models.Model):
    """A page published in another language while some of its strings were still untranslated.

    wagtail-localize fills such strings with the English text; learners in that language do not
    see the page's module until a complete translation is published (``translation.availability``).
    """

    page = models.OneToOneField(Page, on_delete=models.CASCADE, related_name="+")
    missing_strings = models.PositiveIntegerField()

    def __str__(self):
        return f"{self.page_id}: {self.missing_strings} untranslated"
