"""Abstract bases every portal model shares (the project package defines no table)."""

from django.db import models

from ndportal.text import normalize_text_fields


class NormalizedTextModel(models.Model):
    """Abstract base of every portal model: its text is stored precomposed (NFC).

    A Vietnamese letter typed on one keyboard and pasted from another can differ in bytes
    only (NFC "Định", NFD "Định"); two such names must be one name to a unique constraint
    and to readers. Validation normalises first, so max_length and uniqueness see what
    will be stored, and saving normalises again for rows written outside forms (shell,
    imports). A subclass's save() runs before this one: what it derives from text must
    not depend on the normal form (fold() and the number parser do not).
    """

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        normalize_text_fields(self)
        super().save(*args, **kwargs)

    def clean_fields(self, exclude=None):
        normalize_text_fields(self)
        super().clean_fields(exclude=exclude)
