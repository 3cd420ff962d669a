"""List the files in MEDIA_ROOT that no row references. Read-only: it never deletes.

Deleting an item leaves its files on disk on purpose: django-reversion can bring the
item back, and its saved version points at the same file names. So an orphan that a
saved version still names is reported as recoverable; the operator decides the rest.
"""

import re
from pathlib import Path
from urllib.parse import unquote

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import models
from django.template.defaultfilters import filesizeformat
from reversion.models import Version

from ndportal.html import SanitizedHTMLField
from ndportal.renditions import source_stem


def stored_names():
    """Storage names of every file a row points at: file fields, and images in rich text."""
    editor_src = re.compile(re.escape(settings.MEDIA_URL) + r"""([^"'\s?#<>]+)""")
    names = set()
    for model in apps.get_models():
        fields = model._meta.concrete_fields
        file_fields = [f.attname for f in fields if isinstance(f, models.FileField)]
        html_fields = [f.attname for f in fields if isinstance(f, SanitizedHTMLField)]
        manager = model._base_manager
        for name in file_fields:
            names.update(manager.exclude(**{name: ""}).values_list(name, flat=True))
        for name in html_fields:
            for html in manager.filter(**{f"{name}__contains": settings.MEDIA_URL}).values_list(
                name, flat=True
            ):
                names.update(unquote(match) for match in editor_src.findall(html))
    return names


class Command(BaseCommand):
    help = (
        "Liệt kê các tệp trong thư mục media không còn dòng dữ liệu nào tham chiếu "
        "(chỉ đọc, không xóa gì)."
    )

    def handle(self, *args, **options):
        root = Path(settings.MEDIA_ROOT)
        on_disk = {
            path.relative_to(root).as_posix(): path.stat().st_size
            for path in (root.rglob("*") if root.is_dir() else [])
            if path.is_file()
        }
        names = stored_names()
        # A rendition belongs to the image it was made from (ndportal/renditions.py).
        stems = {name.rsplit(".", 1)[0] for name in names}
        orphans = sorted(name for name in set(on_disk) - names if source_stem(name) not in stems)
        in_history = set()
        if orphans:
            for data in Version.objects.values_list("serialized_data", flat=True).iterator():
                in_history.update(name for name in orphans if name in data)
        for name in orphans:
            note = " (còn trong lịch sử sửa đổi, khôi phục được)" if name in in_history else ""
            self.stdout.write(f"{name}\t{filesizeformat(on_disk[name])}{note}")
        total = sum(on_disk[name] for name in orphans)
        self.stdout.write(
            f"{len(orphans)} tệp không còn dòng nào tham chiếu ({filesizeformat(total)}), "
            f"trong đó {len(in_history)} tệp còn trong lịch sử sửa đổi. "
            f"Đã kiểm tra {len(on_disk)} tệp trong {root}."
        )
