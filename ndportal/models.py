"""Abstract bases every portal model shares, and the project package's own two tables:
pending revisions (`revisions.py`) and approvers' scopes (`scopes.py`)."""

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


# The project package's own tables, defined beside the code that uses them.
from ndportal.revisions import Revision  # noqa: E402, F401
from ndportal.scopes import ApproverScope  # noqa: E402, F401
