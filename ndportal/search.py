"""Accent-blind search: one folding function, one stored folded text per model, one matching rule.

Each searchable model stores `search_text`: `search_key()` of the values a reader may search
for (title, number, type, issuer...), padded with a space at both ends so that a word
boundary is simply a space. A query matches when every one of its words is found there:
a word as the start of a stored word ("nghi" finds "nghị quyết", so the admin's type-ahead
works), a number as a whole word ("01" finds "01-NQ/TU" but not "2021" or "15").

The column is plain folded text so that PostgreSQL full-text search can later index it as is
(`to_tsvector('simple', search_text)`) with the same words on both sides.
"""

from django.db import models
from django.db.models import Q

from ndportal.text import search_key

# A query is at most 200 characters; more words than this only make the SQL longer.
MAX_QUERY_WORDS = 12


def search_document(parts):
    """The stored form of some values: their folded words, padded with spaces."""
    key = search_key(" ".join(str(part) for part in parts if part))
    return f" {key} " if key else ""


def query_words(query):
    """The distinct folded words of a query, in order, at most MAX_QUERY_WORDS."""
    return list(dict.fromkeys(search_key(query).split()))[:MAX_QUERY_WORDS]


def search_condition(query, field="search_text"):
    """A Q matching rows whose folded text holds every word of `query`; None without words."""
    words = query_words(query)
    if not words:
        return None
    condition = Q()
    for word in words:
        pattern = f" {word} " if word.isdigit() else f" {word}"
        condition &= Q(**{f"{field}__contains": pattern})
    return condition


def search(queryset, query):
    """Rows of `queryset` matching `query` word by word; none when the query has no word."""
    condition = search_condition(query)
    return queryset.none() if condition is None else queryset.filter(condition)


class Searchable(models.Model):
    """Abstract base: keeps `search_text` in step with the model's `search_source()`."""

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
