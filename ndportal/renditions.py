"""Responsive renditions of uploaded images: WebP and JPEG copies at a few widths.

An image field declared with `renditions_field` (article covers, article and conference
photos) gets its renditions made once, by the background worker, after the upload is
saved (`build_renditions` in ndportal/tasks.py; `manage.py build_renditions` for images
stored before). The copies sit beside the original, named after its random name
(`news/<uuid>_w640.webp`), so they are exactly as reachable as the original: same public
folder, same unguessable name (docs/security.md §19). Until they exist, pages show the
original with its width and height.

The row records which file its renditions were made from and at which widths
(`{"source": name, "widths": [...]}`); a replaced image has no renditions until the
worker has made the new ones, so a page never points at another image's copies.
"""

import io
import re
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

# Widths for a card or a thumbnail, a phone's full width at 1x to 3x, a column and a wide
# screen; never wider than the original. (Measured: a 390 px phone at 1.75x picked 960 when
# there was no 720, and Lighthouse counted the difference as waste.)
WIDTHS = (320, 480, 720, 960, 1280)
FORMATS = (("webp", "WEBP", "image/webp"), ("jpg", "JPEG", "image/jpeg"))
QUALITY = {"WEBP": 78, "JPEG": 82}
RENDITION_NAME = re.compile(r"^(?P<stem>.+)_w(?P<width>\d+)\.(?:webp|jpg)$")


def widths_for(width):
    """The rendition widths of an image `width` pixels wide."""
    return sorted({min(step, width) for step in WIDTHS})


def rendition_name(source, width, extension):
    stem = source.rsplit(".", 1)[0]
    return f"{stem}_w{width}.{extension}"


def source_stem(name):
    """The stored name without its extension if `name` is a rendition, else None."""
    match = RENDITION_NAME.match(name)
    return match["stem"] if match else None


def build(field_file):
    """Write the renditions of one stored image; return its size and the widths made.

    Animated images get none (a still copy would lose the animation): they keep the
    original. Writing is idempotent: an existing rendition is replaced.
    """
    storage = field_file.storage
    with field_file.open("rb") as stored, Image.open(stored) as image:
        if getattr(image, "n_frames", 1) > 1:
            return image.size, []
        image = ImageOps.exif_transpose(image)
        widths = widths_for(image.width)
        for width in widths:
            height = max(1, round(image.height * width / image.width))
            resized = image.resize((width, height), Image.Resampling.LANCZOS)
            for extension, pil_format, _ in FORMATS:
                name = rendition_name(field_file.name, width, extension)
                if storage.exists(name):
                    storage.delete(name)
                storage.save(name, ContentFile(_encode(resized, pil_format)))
    return image.size, widths


def _encode(image, pil_format):
    if pil_format == "JPEG" and image.mode != "RGB":
        # JPEG has no transparency: flatten onto white, as the page background is.
        rgba = image.convert("RGBA")
        image = Image.new("RGB", rgba.size, "white")
        image.paste(rgba, mask=rgba.getchannel("A"))
    elif pil_format == "WEBP" and image.mode not in {"RGB", "RGBA"}:
        image = image.convert("RGBA" if "transparency" in image.info else "RGB")
    output = io.BytesIO()
    options = {"optimize": True, "progressive": True} if pil_format == "JPEG" else {"method": 4}
    image.save(output, format=pil_format, quality=QUALITY[pil_format], **options)
    return output.getvalue()


@dataclass
class Picture:
    """What `includes/picture.html` needs to show one image."""

    src: str
    width: int | None
    height: int | None
    sources: list  # (mime type, srcset) pairs, WebP first
    jpeg_srcset: str


def picture(field_file):
    """The picture of a stored image: its renditions once made, else the original."""
    field, instance = field_file.field, field_file.instance
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    record = getattr(instance, field.renditions_field, None) or {}
    if not (width and height) or record.get("source") != field_file.name:
        return Picture(field_file.url, width, height, [], "")
    widths = record.get("widths") or []
    if not widths:
        return Picture(field_file.url, width, height, [], "")
    storage = field_file.storage
    srcsets = {}
    for extension, _, mime in FORMATS:
        srcsets[mime] = ", ".join(
            f"{storage.url(rendition_name(field_file.name, w, extension))} {w}w" for w in widths
        )
    largest = storage.url(rendition_name(field_file.name, widths[-1], "jpg"))
    return Picture(
        src=largest,
        width=width,
        height=height,
        sources=[("image/webp", srcsets["image/webp"])],
        jpeg_srcset=srcsets["image/jpeg"],
    )


def fill_sizes(model, field_name, width_field, height_field):
    """Record the width and height of images stored before the row had them (migrations)."""
    rows = model._base_manager.exclude(**{field_name: ""}).filter(
        **{f"{width_field}__isnull": True}
    )
    for row in rows.iterator():
        try:
            with getattr(row, field_name).open("rb") as stored, Image.open(stored) as image:
                size = ImageOps.exif_transpose(image).size
        except Exception:  # missing or unreadable: the page shows it without a size
            continue
        model._base_manager.filter(pk=row.pk).update(
            **{width_field: size[0], height_field: size[1]}
        )
