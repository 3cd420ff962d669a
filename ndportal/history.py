"""Reading the history kept by django-reversion: what changed between two versions,
and what other content refers to an item (so that it is not deleted from under it)."""

import datetime
import difflib
import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import capfirst

# Bookkeeping fields every save changes; showing them would hide the real changes.
IGNORED_FIELDS = {
    "id",
    "version",
    "updated_at",
    "updated_by",
    "created_at",
    "slug",
    "sort_key",
    "search_text",
    "search_title",
    "search_summary",
    "search_body",
    "search_plain",
}
BLOCK_END = re.compile(r"(</(p|h[1-6]|li|blockquote|tr|figure|figcaption)>|<br\s*/?>)", re.I)
TOKEN = re.compile(r"\n|[^\s]+")
WHITESPACE = re.compile(r"\s+")


@dataclass
class DiffRow:
    label: str
    before: str
    after: str
    inline: str = ""  # track-changes HTML for long texts


def referring_items(obj):
    """(kind, item) pairs for other content that lists `obj` in a many-to-many field.

    Deleting `obj` would silently drop those links (a conference would lose a
    document it studied), so the admin refuses and shows this list. Foreign keys
    declared with PROTECT are reported by Django itself.
    """
    for relation in obj._meta.related_objects:
        if not relation.many_to_many:
            continue
        kind = capfirst(relation.related_model._meta.verbose_name)
        for other in getattr(obj, relation.get_accessor_name()).all():
            yield kind, other


def as_text(value):
    """Rich text as plain lines, so a diff reads like the page, not like markup.

    Line breaks in the HTML source are not text (the editor re-wraps its output),
    so whitespace is collapsed first and only block ends start a new line.
    """
    text = BLOCK_END.sub("\n", WHITESPACE.sub(" ", str(value)))
    lines = (line.strip() for line in html.unescape(strip_tags(text)).split("\n"))
    return "\n".join(line for line in lines if line)


def display(field, value):
    """A stored value as an editor would recognise it."""
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=value)
        return ", ".join(str(item) for item in related) or "—"
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related else f"#{value} (đã xóa)"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    if isinstance(field, models.TextField):
        return as_text(value)
    return str(value)


def track_changes(before, after):
    """Word-level diff of two texts as HTML: removed words in <del>, added words in <ins>."""
    old, new = TOKEN.findall(before), TOKEN.findall(after)
    parts = []

    def words(tokens):
        return " ".join(escape(t) for t in tokens).replace(" \n ", "<br>").replace("\n", "<br>")

    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(words(old[i1:i2]))
            continue
        if i2 > i1:
            parts.append(f"<del>{words(old[i1:i2])}</del>")
        if j2 > j1:
            parts.append(f"<ins>{words(new[j1:j2])}</ins>")
    return mark_safe(" ".join(parts))  # every token was escaped above


def _safe_field_dict(version):
    # A version saved before a schema change may no longer deserialize; show nothing
    # rather than break the history page.
    try:
        return version.field_dict
    except Exception:  # noqa: BLE001 - any deserialization error means "unknown"
        return {}


def _children(version, model):
    """Text of the child records (photos, files, sites) saved with this version, by kind."""
    result = {}
    if version is None:
        return result
    for child in version.revision.version_set.exclude(pk=version.pk):
        child_model = child._model
        parent_fields = [
            f
            for f in child_model._meta.get_fields()
            if f.many_to_one and f.related_model is model and f.concrete
        ]
        if not parent_fields:
            continue
        values = _safe_field_dict(child)
        if any(str(values.get(f.attname)) == version.object_id for f in parent_fields):
            kind = capfirst(child_model._meta.verbose_name_plural)
            result.setdefault(kind, set()).add(child.object_repr)
    return result


def diff_versions(model, previous, version):
    """Rows for the fields that differ between `previous` (or nothing) and `version`."""
    before = _safe_field_dict(previous) if previous else {}
    after = _safe_field_dict(version)
    rows = []
    for field in model._meta.get_fields():
        if not field.concrete or field.auto_created or field.name in IGNORED_FIELDS:
            continue
        old_value, new_value = before.get(field.attname), after.get(field.attname)
        if field.many_to_many:
            old_value = sorted(map(str, old_value or []))
            new_value = sorted(map(str, new_value or []))
        if old_value == new_value:
            continue
        row = DiffRow(
            label=capfirst(field.verbose_name),
            before=display(field, old_value),
            after=display(field, new_value),
        )
        if row.before == row.after:  # e.g. the editor re-formatted the same text
            continue
        if isinstance(field, models.TextField):
            row.inline = track_changes(
                "" if row.before == "—" else row.before, "" if row.after == "—" else row.after
            )
        rows.append(row)
    old_children, new_children = _children(previous, model), _children(version, model)
    for kind in sorted(old_children.keys() | new_children.keys()):
        old_set, new_set = old_children.get(kind, set()), new_children.get(kind, set())
        if old_set != new_set:
            rows.append(
                DiffRow(
                    label=kind,
                    before="; ".join(sorted(old_set)) or "—",
                    after="; ".join(sorted(new_set)) or "—",
                )
            )
    return rows
