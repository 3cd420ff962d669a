"""(Re)make the responsive renditions of every uploaded image (ndportal/renditions.py).

After an upgrade that stored images before renditions existed, or after changing the
widths. The worker makes them (`manage.py db_worker`), unless `--now` asks this command
to make them itself, one after another.
"""

from django.apps import apps
from django.core.management.base import BaseCommand

from ndportal.images import CheckedImageField
from ndportal.tasks import build_renditions


def image_fields():
    """(model, field) for every image field that has renditions."""
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, CheckedImageField) and field.renditions_field:
                yield model, field


class Command(BaseCommand):
    help = (
        "Tạo lại các bản ảnh thu nhỏ (WebP, JPEG theo nhiều chiều rộng) của mọi ảnh đã tải "
        "lên. Mặc định xếp vào hàng đợi cho tiến trình nền db_worker."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--missing",
            action="store_true",
            help="Chỉ các ảnh chưa có bản thu nhỏ (hoặc có bản của ảnh cũ).",
        )
        parser.add_argument(
            "--now", action="store_true", help="Tạo ngay trong lệnh này, không qua hàng đợi."
        )

    def handle(self, *args, missing=False, now=False, **options):
        count = 0
        for model, field in image_fields():
            rows = model._base_manager.exclude(**{field.attname: ""}).order_by("pk")
            values = rows.values_list("pk", field.attname, field.renditions_field)
            for pk, name, record in values.iterator():
                if missing and (record or {}).get("source") == name:
                    continue
                arguments = (model._meta.label, pk, field.name, name)
                if now:
                    build_renditions.call(*arguments)
                else:
                    build_renditions.enqueue(*arguments)
                count += 1
        verb = "Đã tạo bản thu nhỏ cho" if now else "Đã xếp vào hàng đợi"
        self.stdout.write(f"{verb} {count} ảnh.")
