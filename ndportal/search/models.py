"""The stored, folded text search reads: abstract bases for searchable models.

Two kinds of model are searched:
- lookups (types, issuers, terms, categories, tags, committees) keep one `search_text`
  column, matched word by word by the admin's boxes and autocomplete widgets;
- public items (articles, documents, conferences) keep their words in three columns by
  weight, `search_title` (A), `search_summary` (B) and `search_body` (C), plus
  `search_plain`, the unfolded plain text of the body part that snippets quote.

Every folded column is `search_key()` text padded with a space at both ends, so a word
boundary is simply a space and accent-blind matching is a plain substring test on SQLite.
On PostgreSQL a migration adds a generated `tsvector` of the three columns with a GIN
index (`ndportal.search.operations`), which the database keeps current by itself on every
insert and update, bulk ones included.
"""

import re
from dataclasses import dataclass, field
from html import unescape

from django.db import models
from django.utils.html import strip_tags

from ndportal.text import nfc, search_key

# The body part of one item is capped: PostgreSQL refuses a tsvector over 1 MB and loses
# word positions after 16,383 words, and no snippet needs more.
MAX_BODY_CHARS = 200_000
_BLOCK_END = re.compile(
    r"(</(p|h[1-6]|li|blockquote|tr|td|th|figure|figcaption|div)>|<br\s*/?>)", re.I
)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def search_document(parts):
    """The stored form of some values: their folded words, padded with spaces."""
    key = search_key(" ".join(str(part) for part in parts if part))
    return f" {key} " if key else ""


def html_to_text(html):
    """Plain text of sanitised rich text: blocks become lines, entities become characters."""
    text = unescape(strip_tags(_BLOCK_END.sub(lambda m: m.group() + "\n", html or "")))
    return "\n".join(
        line for line in (_SPACES.sub(" ", ln).strip() for ln in text.split("\n")) if line
    )


@dataclass
class SearchSource:
    """What readers may search an item by, by weight; `body` is plain text (markup removed)."""

    title: list = field(default_factory=list)
    summary: list = field(default_factory=list)
    body: list = field(default_factory=list)

    def columns(self):
        """The stored columns of this source, computed without touching the database."""
        plain = nfc("\n".join(str(part).strip() for part in self.body if part))[:MAX_BODY_CHARS]
        return {
            "search_title": search_document(self.title),
            "search_summary": search_document(self.summary),
            "search_body": search_document([plain]),
            "search_plain": plain,
        }


SEARCH_COLUMNS = ("search_title", "search_summary", "search_body", "search_plain")


class Searchable(models.Model):
    """Abstract base of a lookup: keeps `search_text` in step with `search_source()`."""

    search_text = models.TextField("chuỗi tìm kiếm", blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.search_text = search_document(self.search_source())
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text"}
        super().save(*args, **kwargs)

    def search_source(self):
        """The values readers search this item by; models list their own."""
        return [str(self)]


class Indexed(models.Model):
    """Abstract base of a public item: its weighted search columns follow `search_source()`.

    Related rows (tags, photos, files, agenda...) change after the item is saved; the
    search registry refreshes the columns when they do (`ndportal.search.refresh`).
    """

    search_title = models.TextField(blank=True, default="", editable=False)
    search_summary = models.TextField(blank=True, default="", editable=False)
    search_body = models.TextField(blank=True, default="", editable=False)
    search_plain = models.TextField(blank=True, default="", editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.fill_search_columns()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *SEARCH_COLUMNS}
        super().save(*args, **kwargs)

    def fill_search_columns(self):
        """Set the search columns from the instance as it is, without saving (bulk_create)."""
        for name, value in self.search_source().columns().items():
            setattr(self, name, value)

    def search_source(self):
        """What readers search this item by; models list their own."""
        return SearchSource(title=[str(self)])
