"""Recompute the stored search text of every searchable row.

Saving a row keeps its own search text current, and the search registry refreshes an
item when a related row it includes changes. Run this after a change to the folding rule
or to a model's `search_source()`, after a bulk import that bypassed `save()`, or after
renaming a document type, issuing body, term, field, category or tag, whose names items
copy into theirs. Rows are updated in place: version, modification time and history stay
as they are, so an editor's open form does not become stale. On PostgreSQL the full-text
vector follows the columns by itself (a generated column).
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from ndportal.search import Indexed, Searchable, rebuild


class Command(BaseCommand):
    help = "Tính lại chuỗi tìm kiếm (không dấu) của mọi mục có thể tìm."

    def handle(self, *args, **options):
        for model in apps.get_models():
            if not issubclass(model, Searchable | Indexed):
                continue
            changed, total = rebuild(model)
            self.stdout.write(f"{model._meta.verbose_name_plural}: {changed}/{total} mục cập nhật")
