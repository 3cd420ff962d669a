"""Stored file names of every upload, and image upload from the rich-text editor.

This replaces django-ckeditor's `ckeditor_uploader`, which is CSRF-exempt, open to any
staff user, accepts any file type and reflects `CKEditorFuncNum` into a script
(docs/security.md §3). Here the editor sends Django's CSRF token in an X-CSRFToken header
(static/ndportal/editor.js), the answer is always JSON, and the image goes through
ndportal.images like every other image of the portal.
"""

import re
import uuid
from pathlib import Path

from django.apps import apps
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.deconstruct import deconstructible
from django.views.decorators.http import require_POST

from ndportal.html import SanitizedHTMLField
from ndportal.images import clean_image

FUNC_NUM = re.compile(r"^\d+$")


def random_name(folder, suffix=""):
    """A stored file name of ours: `folder/<32 random hex digits><suffix>`."""
    return f"{folder}/{uuid.uuid4().hex}{suffix}"


@deconstructible
class UploadTo:
    """`upload_to` of every file field: a random name in `folder`.

    The suffix is the uploaded file's, lower-cased, unless `suffix_field` names a field of
    the instance holding the format read from the bytes (a document file's `kind`).
    """

    def __init__(self, folder, suffix_field=None):
        self.folder = folder
        self.suffix_field = suffix_field

    def __call__(self, instance, filename):
        detected = getattr(instance, self.suffix_field, "") if self.suffix_field else ""
        suffix = f".{detected}" if detected else Path(filename).suffix.lower()[:10]
        return random_name(self.folder, suffix)


def can_upload_editor_images(user):
    """True for users who may add or change an item that has a rich-text field."""
    for model in apps.get_models():
        if not any(isinstance(f, SanitizedHTMLField) for f in model._meta.concrete_fields):
            continue
        opts = model._meta
        if user.has_perm(f"{opts.app_label}.add_{opts.model_name}") or user.has_perm(
            f"{opts.app_label}.change_{opts.model_name}"
        ):
            return True
    return False


def _error(message, status):
    return JsonResponse({"uploaded": 0, "error": {"message": message}}, status=status)


@staff_member_required
@require_POST
def editor_image_upload(request):
    # The old iframe protocol echoes this number into a <script>; we answer in JSON
    # only, but a value that is not a plain number is refused outright.
    func_num = request.GET.get("CKEditorFuncNum")
    if func_num is not None and not FUNC_NUM.match(func_num):
        return HttpResponseBadRequest("CKEditorFuncNum không hợp lệ.")
    if not can_upload_editor_images(request.user):
        return _error("Bạn không có quyền tải ảnh lên.", status=403)
    upload = request.FILES.get("upload")
    if upload is None:
        return _error("Không nhận được tệp ảnh.", status=400)
    try:
        image = clean_image(upload)
    except ValidationError as error:
        return _error(" ".join(error.messages), status=400)

    # The stored name is ours: nothing of the uploaded file name reaches the disk.
    name = default_storage.save(
        random_name(f"editor/{request.user.pk}", f".{image.extension}"),
        ContentFile(image.content),
    )
    return JsonResponse(
        {
            "uploaded": 1,
            "fileName": name.rsplit("/", 1)[-1],
            "url": default_storage.url(name),
            "width": image.width,
            "height": image.height,
        }
    )
