"""Recompute the stored search text of every searchable row.

Saving a row keeps its own search text current. Run this after a change to the folding
rule or to a model's `search_source()`, after a bulk import that bypassed `save()`, or after
renaming a document type, issuing body or term, whose names documents copy into theirs.
Rows are updated in place: version, modification time and history stay as they are, so
an editor's open form does not become stale.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from ndportal.search import Searchable, search_document


class Command(BaseCommand):
    help = "Tính lại chuỗi tìm kiếm (không dấu) của mọi mục có thể tìm."

    def handle(self, *args, **options):
        for model in apps.get_models():
            if not issubclass(model, Searchable):
                continue
            changed, total = self.rebuild(model)
            self.stdout.write(f"{model._meta.verbose_name_plural}: {changed}/{total} mục cập nhật")

    def rebuild(self, model):
        related = [f.name for f in model._meta.concrete_fields if f.many_to_one]
        rows = model._base_manager.select_related(*related).order_by("pk")
        changed = total = 0
        with transaction.atomic():
            for obj in rows.iterator(chunk_size=500):
                total += 1
                text = search_document(obj.search_source())
                if text != obj.search_text:
                    model._base_manager.filter(pk=obj.pk).update(search_text=text)
                    changed += 1
        return changed, total
