"""Files chosen in an admin form survive the form coming back with an error.

A browser never refills a file input, so an editor whose article came back for a missing
alt text had to pick every photo again. The widget here keeps each file that passed its
own field's checks in `tmp/uploads/` of the media storage and renders a signed token
naming it; posted back without a new file, the token stands for that file, which then
goes through every check again as if it had just been chosen. Temporary files older
than KEEP_SECONDS are deleted whenever another one is kept.
"""

import re
import time
from pathlib import PurePosixPath

from django.contrib.admin.widgets import AdminFileWidget
from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.utils.html import format_html

from ndportal.uploads import random_name

FOLDER = "tmp/uploads"
KEEP_SECONDS = 24 * 3600
SALT = "ndportal.kept-upload"
STORED_NAME = re.compile(rf"^{FOLDER}/[0-9a-f]{{32}}(\.[a-z0-9]{{1,10}})?$")


class KeptFileInput(AdminFileWidget):
    """The admin's file input, plus the file accepted at the last try, shown as attached."""

    # Django's Vietnamese reads "Hiện nay: … Thay đổi: [Chọn tệp]" and "Xóa".
    initial_text = "Tệp hiện tại"
    input_text = "Thay bằng tệp khác"
    clear_checkbox_label = "Bỏ tệp này"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.uploads = {}

    def token_name(self, name):
        return f"{name}__kept"

    def value_from_datadict(self, data, files, name):
        upload = super().value_from_datadict(data, files, name)
        if isinstance(upload, UploadedFile):
            self.uploads[name] = upload
            return upload
        if upload is None:
            kept = open_kept(data.get(self.token_name(name)))
            if kept is not None:
                self.uploads[name] = kept
                return kept
        return upload

    def kept_upload(self, name, attrs):
        # The form adds aria-invalid to the input of a field with an error (Django's
        # BoundField): a refused file is not kept, the editor must choose another one.
        if (attrs or {}).get("aria-invalid"):
            return None
        return self.uploads.get(name)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        if self.kept_upload(name, attrs) is not None:
            # The file is there: the browser must not ask for it again.
            context["widget"]["attrs"].pop("required", None)
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        upload = self.kept_upload(name, attrs)
        if upload is None:
            return html
        return html + format_html(
            '<p class="kept-upload"><input type="hidden" name="{}" value="{}">'
            "Đã đính kèm “{}” từ lần lưu trước, không cần chọn lại. Chọn tệp khác nếu "
            "muốn thay.</p>",
            self.token_name(name),
            keep(upload),
            PurePosixPath(upload.name).name,
        )


def keep(upload):
    """Store `upload` under tmp/uploads/ (once) and return the signed token naming it."""
    token = getattr(upload, "kept_token", None)
    if token:
        return token
    suffix = PurePosixPath(upload.name).suffix.lower()[:11]
    if not re.fullmatch(r"(\.[a-z0-9]{1,10})?", suffix):
        suffix = ""
    upload.seek(0)
    path = default_storage.save(random_name(FOLDER, suffix), upload)
    upload.seek(0)
    delete_expired()
    upload.kept_token = signing.dumps({"path": path, "name": upload.name}, salt=SALT)
    return upload.kept_token


def open_kept(token):
    """The file a token names, under its original name, or None if the token is bad or old."""
    if not token:
        return None
    try:
        data = signing.loads(token, salt=SALT, max_age=KEEP_SECONDS)
    except signing.BadSignature:
        return None
    path, name = data.get("path", ""), PurePosixPath(data.get("name", "")).name
    if not STORED_NAME.match(path) or not name or not default_storage.exists(path):
        return None
    kept = File(default_storage.open(path, "rb"), name=name)
    kept.kept_token = token
    return kept


def delete_expired():
    """Delete kept files older than KEEP_SECONDS (the age after which no token opens them)."""
    try:
        _, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return
    limit = time.time() - KEEP_SECONDS
    for name in names:
        path = f"{FOLDER}/{name}"
        try:
            if default_storage.get_modified_time(path).timestamp() < limit:
                default_storage.delete(path)
        except (FileNotFoundError, NotImplementedError):
            continue
