"""The one image validator: editor uploads, article covers and photos, conference photos.

Pillow parses bytes chosen by whoever uploads, so only four formats are ever opened, the
byte and pixel caps are checked before anything is decoded, and a decompression bomb is
a validation error rather than a 500. What reaches the disk is a copy re-encoded by
Pillow: bytes smuggled after the image (a GIF+HTML polyglot) and EXIF data (GPS
positions of a phone photo) are gone.
"""

import io
import warnings
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models.signals import post_save
from django.template.defaultfilters import filesizeformat
from PIL import Image, ImageOps

FORMAT_BY_EXTENSION = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "gif": "GIF", "webp": "WEBP"}
EXTENSION_BY_FORMAT = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}
ALLOWED_EXTENSIONS_TEXT = "JPG, PNG, GIF, WebP"


@dataclass
class CleanImage:
    """A re-encoded image ready to be stored."""

    content: bytes
    extension: str
    width: int
    height: int


def _extension(name):
    return PurePosixPath(name or "").suffix.lower().lstrip(".")


def clean_image(file):
    """Check an uploaded image against the portal's rules and return a re-encoded copy.

    Raises ValidationError (in Vietnamese) for anything that is not a JPEG, PNG, GIF or
    WebP whose content matches its extension and fits the size and pixel caps.
    """
    extension = _extension(getattr(file, "name", ""))
    expected_format = FORMAT_BY_EXTENSION.get(extension)
    if expected_format is None:
        raise ValidationError(
            "Chỉ nhận ảnh %(allowed)s; tệp “%(name)s” không phải loại đó.",
            code="image_extension",
            params={"allowed": ALLOWED_EXTENSIONS_TEXT, "name": Path(file.name or "").name},
        )
    if file.size > settings.IMAGE_MAX_SIZE:
        raise ValidationError(
            "Ảnh nặng %(size)s, vượt giới hạn %(limit)s.",
            code="image_too_large",
            params={
                "size": filesizeformat(file.size),
                "limit": filesizeformat(settings.IMAGE_MAX_SIZE),
            },
        )
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between 89 and 179 megapixels; here that is a refusal.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(file, formats=list(EXTENSION_BY_FORMAT)) as image:
                return _reencode(image, expected_format)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels() from error
    except Exception as error:
        # Pillow signals a broken or foreign file with many exception types
        # (OSError, SyntaxError, ValueError, struct.error, EOFError...).
        raise ValidationError(
            "Tệp không phải là ảnh hợp lệ hoặc đã bị hỏng.", code="image_invalid"
        ) from error
    finally:
        file.seek(0)


def _too_many_pixels():
    return ValidationError(
        "Ảnh quá lớn: tối đa %(limit)s triệu điểm ảnh (tính cả các khung hình động).",
        code="image_too_many_pixels",
        params={"limit": f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}"},
    )


def _reencode(image, expected_format):
    if image.format != expected_format:
        raise ValidationError(
            "Nội dung tệp là ảnh %(actual)s nhưng phần mở rộng lại là của ảnh %(expected)s.",
            code="image_format_mismatch",
            params={"actual": image.format, "expected": expected_format},
        )
    frames = getattr(image, "n_frames", 1)
    # Counted before anything is decoded: width and height come from the header.
    if image.width * image.height * frames > settings.IMAGE_MAX_PIXELS:
        raise _too_many_pixels()

    output = io.BytesIO()
    # Pillow copies a JPEG's or GIF's comment block into the copy it writes unless told
    # otherwise, and a comment can carry anything (a <script> for a polyglot): `comment=b""`
    # drops it. EXIF and XMP are only written when passed, and they are not. The ICC
    # profile is kept on JPEGs: it is colour data, and photos look wrong without it.
    if frames > 1:
        # Animated GIF or WebP: keep the frames and their timing, drop everything else.
        image.save(
            output,
            format=image.format,
            save_all=True,
            loop=image.info.get("loop", 0),
            comment=b"",
        )
    elif image.format == "JPEG":
        upright = ImageOps.exif_transpose(image)
        if upright.mode not in {"RGB", "L", "CMYK"}:
            upright = upright.convert("RGB")
        upright.save(
            output,
            format="JPEG",
            quality=88,
            icc_profile=image.info.get("icc_profile"),
            comment=b"",
        )
        image = upright
    else:
        image.load()
        options = {"comment": b""} if image.format == "GIF" else {}
        image.save(output, format=image.format, **options)
    return CleanImage(
        content=output.getvalue(),
        extension=EXTENSION_BY_FORMAT[expected_format],
        width=image.width,
        height=image.height,
    )


def validate_image(value):
    """Model-field validator: a newly uploaded file must pass clean_image()."""
    # A file already in storage passed this check when it was uploaded; re-reading it
    # on every save of the row would only cost time.
    if getattr(value, "_committed", False):
        return
    clean_image(value)


class CheckedImageField(models.ImageField):
    """An ImageField that accepts only what clean_image() accepts and stores its re-encoded copy.

    With `renditions_field` (a JSONField of the model) the worker makes the image's
    responsive renditions after each new upload is saved (ndportal/renditions.py).
    """

    default_validators = [validate_image]

    def __init__(self, *args, renditions_field=None, **kwargs):
        self.renditions_field = renditions_field
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.renditions_field:
            kwargs["renditions_field"] = self.renditions_field
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if self.renditions_field and not cls._meta.abstract:
            post_save.connect(self._queue_renditions, sender=cls, weak=False)

    def pre_save(self, model_instance, add):
        file = getattr(model_instance, self.attname)
        if file and not file._committed:
            file.file = ContentFile(clean_image(file).content, name=file.name)
        file = super().pre_save(model_instance, add)
        if file and self.width_field and not getattr(model_instance, self.width_field):
            # FieldFile.save() with nameless content (scripts, the demo) skips Django's
            # own measure; the worker records the size too, for fields saved before this one.
            self.update_dimension_fields(model_instance, force=True)
        return file

    def _queue_renditions(self, sender, instance, raw=False, **kwargs):
        # Any save of a row whose image has no renditions of its own yet: a new upload
        # (admin or FieldFile.save), or one still waiting for the worker.
        name = getattr(instance, self.attname).name
        record = getattr(instance, self.renditions_field) or {}
        if not raw and name and record.get("source") != name:
            queue_renditions(instance, self.name)

    def update_dimension_fields(self, instance, force=False, *args, **kwargs):
        # Measured again on the re-encoded copy when pre_save stores it, so a phone photo
        # turned upright by its EXIF orientation gets its upright size.
        try:
            super().update_dimension_fields(instance, force, *args, **kwargs)
        except OSError:  # a stored file gone missing: no size rather than a 500
            pass


def queue_renditions(instance, field_name):
    """Have the worker make the renditions of one stored image once the transaction commits.

    `robust`: a queue that cannot be reached must not turn a saved upload into an error
    page; the original is shown until `manage.py build_renditions --missing` runs.
    """
    from ndportal.tasks import build_renditions

    label, pk, name = instance._meta.label, instance.pk, getattr(instance, field_name).name
    transaction.on_commit(
        lambda: build_renditions.enqueue(label, pk, field_name, name), robust=True
    )
